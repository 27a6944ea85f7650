"""The model catalog: every entry's license exists, ids/aliases/patterns resolve, traps carry base models."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from licensecheck.catalog import lookup_model
from licensecheck.data import catalog_index
from licensecheck.registry import find_license

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "models.yaml"
JsonCli = Callable[..., tuple[int, dict[str, Any]]]


def test_catalog_is_broad() -> None:
    assert len(catalog_index()["models"]) >= 150
    assert len(catalog_index()["patterns"]) >= 20


def test_every_catalog_license_is_encoded_or_recorded() -> None:
    index = catalog_index()
    for record in index["models"].values():
        for value in record["license"]:
            assert find_license(value) is not None, (record["id"], value)
    for pattern in index["patterns"]:
        for value in pattern["license"]:
            assert find_license(value) is not None, (pattern["match"], value)


def test_every_catalog_base_model_resolves() -> None:
    for record in catalog_index()["models"].values():
        for base in record.get("base_model", ()):
            assert lookup_model(base) is not None, (record["id"], base)


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference notes not present")
def test_every_reference_model_is_in_the_catalog() -> None:
    for model in yaml.safe_load(REFERENCE.read_text(encoding="utf-8")):
        hit = lookup_model(model["id"])
        assert hit is not None and hit.how == "catalog", model["id"]


@pytest.mark.parametrize(
    ("spec", "license_id", "modality"),
    [
        ("meta-llama/Llama-3.1-8B-Instruct", "llama3.1", "text"),
        ("META-LLAMA/llama-3.1-8b-instruct", "llama3.1", "text"),
        ("llama3.1:8b", "llama3.1", "text"),
        ("llama3.1:8b-instruct-q4_K_M", "llama3.1", "text"),
        ("gemma2:9b", "gemma", None),
        ("qwen2.5:7b", "apache-2.0", None),
        ("meta-llama/Llama-3.2-90B-Vision-Instruct", "llama3.2", "multimodal"),
        ("meta-llama/Llama-3.2-3B-Instruct", "llama3.2", "text"),
        ("google/gemma-4-E4B-it", "apache-2.0", None),
        ("google/gemma-2-27b-it", "gemma", None),
        ("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct", "llama3.1", "text"),
    ],
)
def test_lookup(spec: str, license_id: str, modality: str | None) -> None:
    hit = lookup_model(spec)
    assert hit is not None, spec
    licenses = set(hit.licenses)
    if not licenses and hit.bases:  # a re-upload: the license comes from the base
        base = lookup_model(hit.bases[0])
        assert base is not None
        licenses = set(base.licenses)
    assert license_id in licenses
    if modality:
        assert hit.modality == modality


def test_family_pattern_resolves_an_unlisted_model() -> None:
    hit = lookup_model("meta-llama/Llama-3.1-1234B-Hypothetical")
    assert hit is not None and hit.how == "pattern" and hit.licenses == ("llama3.1",)


def test_reupload_by_name_inherits_the_original(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "someone/Meta-Llama-3.1-8B-Instruct-GGUF", "--use", "commercial", "--mau", "900M")
    assert "llama3.1" in doc["licenses"]
    assert doc["verdict"] == "needs-permission"


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("unsloth/phi-4", "microsoft/phi-4"),  # (not an older mirror that sorts first: amgadhasan/phi-4)
        ("bartowski/phi-4-GGUF", "microsoft/phi-4"),
        ("bartowski/phi-2-GGUF", "microsoft/phi-2"),  # (not TheBloke/phi-2-GGUF, a re-upload with a stale label)
        ("bartowski/Yi-34B-GGUF", "01-ai/Yi-34B"),
        ("bartowski/DeepSeek-V3-GGUF", "deepseek-ai/DeepSeek-V3"),  # (not unsloth's re-upload and its own label)
        ("neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8", "meta-llama/Llama-3.1-8B-Instruct"),  # (through an old id)
        ("someone/Llama-3.2-3B-Instruct-GGUF", "meta-llama/Llama-3.2-3B-Instruct"),
        ("bartowski/meta-llama_Llama-3.2-3B-Instruct-GGUF", "meta-llama/Llama-3.2-3B-Instruct"),  # (org_name)
        ("bartowski/Qwen_Qwen2.5-7B-Instruct-GGUF", "Qwen/Qwen2.5-7B-Instruct"),
        ("sammcj/llama3.2:3b", "meta-llama/Llama-3.2-3B-Instruct"),  # (an Ollama model in a user's namespace)
    ],
)
def test_a_reupload_comes_from_the_release_nearest_its_origin(spec: str, original: str) -> None:
    hit = lookup_model(spec)
    assert hit is not None and hit.how == "name-match" and hit.bases == (original,)


@pytest.mark.parametrize(
    ("spec", "license_id"),
    [
        ("hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M", "llama3.2"),  # (Ollama's form for a hub GGUF)
        ("hf.co/unsloth/Qwen3-8B-GGUF:Q4_K_M", "apache-2.0"),
        ("meta-llama/Llama-3.1-8B-Instruct@main", "llama3.1"),  # (a revision)
    ],
)
def test_a_quantization_tag_or_a_revision_does_not_hide_the_model(
    cli_json: JsonCli, spec: str, license_id: str
) -> None:
    _, doc = cli_json("model", spec, "--use", "research", "--mau", "1M")
    assert doc["licenses"] == [license_id] and len(doc["lineage"]) >= 2


def test_nvidia_s_onnx_builds_of_llama_carry_both_licenses(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "nvidia/Meta-Llama-3.1-8B-Instruct-ONNX-INT4", "--use", "commercial", "--mau", "1M")
    assert doc["licenses"] == ["nvidia-open-model-license", "llama3.1"]


@pytest.mark.parametrize(
    ("args", "verdict", "licenses"),
    [
        (
            ["deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "--use", "commercial", "--mau", "900M"],
            "needs-permission",
            {"llama3.1"},
        ),
        (
            ["nvidia/Llama-3_1-Nemotron-Ultra-253B-v1", "--use", "commercial", "--mau", "1M"],
            "allowed",
            {"nvidia-open-model-license", "llama3.1"},
        ),
        (
            ["meta-llama/Llama-4-Scout-17B-16E-Instruct", "--use", "commercial", "--mau", "1M", "--region", "FR"],
            "forbidden",
            {"llama4"},
        ),
        (["Qwen/Qwen2.5-72B-Instruct", "--use", "commercial"], "unknown", {"qwen"}),
        (["CohereForAI/c4ai-command-r-v01", "--use", "commercial"], "forbidden", {"cc-by-nc-4.0"}),
        (
            ["databricks/dbrx-instruct", "--use", "distillation", "--target", "meta-llama/Llama-3.1-8B"],
            "forbidden",
            {"databricks-open-model-license"},
        ),
        (["google/gemma-2-9b-it", "--use", "large-user-base"], "allowed", {"gemma"}),
        (["nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16", "--use", "distillation"], "allowed", {"openmdw-1.1"}),
        # the student's card says llama3, but its weights start from Llama 3.1: not a Meta Llama 3 derivative
        (
            [
                "meta-llama/Meta-Llama-3-8B-Instruct",
                "--use",
                "distillation",
                "--target",
                "NousResearch/Hermes-4-405B",
                "--mau",
                "10M",
            ],
            "forbidden",
            {"llama3"},
        ),
        (
            ["meta-llama/Meta-Llama-3-8B-Instruct", "--use", "commercial", "--mau", "1M", "--region", "RE"],
            "allowed",
            {"llama3"},
        ),
        (
            ["meta-llama/Llama-3.2-11B-Vision-Instruct", "--use", "commercial", "--mau", "1M", "--region", "RE"],
            "forbidden",
            {"llama3.2"},
        ),
    ],
)
def test_model_verdicts(cli_json: JsonCli, args: list[str], verdict: str, licenses: set[str]) -> None:
    _, doc = cli_json("model", *args)
    assert doc["verdict"] == verdict
    assert licenses <= set(doc["licenses"])


def test_distillation_into_a_derivative_of_the_teacher(cli_json: JsonCli) -> None:
    _, doc = cli_json(
        "model",
        "meta-llama/Meta-Llama-3-8B-Instruct",
        "--use",
        "distillation",
        "--target",
        "meta-llama/Meta-Llama-3-70B-Instruct",
        "--mau",
        "1M",
    )
    assert doc["verdict"] == "allowed"


def test_catalog_search(cli: Callable[..., Result]) -> None:
    result = cli("catalog", "search", "nemotron", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["count"] >= 5
    assert all("nemotron" in json.dumps(row).lower() for row in doc["models"])
    result = cli("catalog", "list", "--license", "llama3.2")
    assert result.exit_code == 0 and "Llama-3.2-11B-Vision-Instruct" in result.stdout
    assert cli("catalog", "search", "zzzz-nothing-matches").exit_code == 1


def test_catalog_filter_by_license_takes_any_alias_and_refuses_a_typo(cli: Callable[..., Result]) -> None:
    by_alias = cli("catalog", "list", "--license", "Apache 2.0", "--format", "json")
    assert by_alias.exit_code == 0 and json.loads(by_alias.stdout)["count"] > 50
    typo = cli("catalog", "list", "--license", "apache-2.1-typo", "--format", "json")
    assert typo.exit_code == 2 and typo.stdout == "" and "unknown license 'apache-2.1-typo'" in typo.stderr


def test_an_ollama_family_name_resolves_when_all_its_tags_share_one_license() -> None:
    for family, license_id in (("granite4", "apache-2.0"), ("vicuna", "llama2")):
        hit = lookup_model(family)
        assert hit is not None and hit.licenses == (license_id,), family
    assert lookup_model("qwen") is None  # (its tags are under different licenses: which one is meant is unknown)


@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        # Mistral 3 (Dec 2025): Apache-2.0 and vision, unlike Mistral Large 2 / Ministral 8B 2410 (MRL)
        ("mistralai/Mistral-Large-3-675B-Instruct-2512", {"apache-2.0"}, "multimodal"),
        ("mistralai/Mistral-Large-3-675B-Instruct-2512-NVFP4", {"apache-2.0"}, "multimodal"),
        ("mistral-large-3:675b", {"apache-2.0"}, "multimodal"),
        ("mistralai/Ministral-3-3B-Reasoning-2512", {"apache-2.0"}, "multimodal"),
        ("mistralai/Ministral-3-14B-Base-2512", {"apache-2.0"}, "multimodal"),
        ("ministral-3:8b", {"apache-2.0"}, "multimodal"),
        ("mistralai/Ministral-8B-Instruct-2410", {"mrl"}, "text"),
        ("mistralai/Mistral-Small-4-119B-2603", {"apache-2.0"}, "multimodal"),
        ("mistralai/Leanstral-2603", {"apache-2.0"}, "multimodal"),
        # Devstral 2 (123B) is Mistral's modified MIT; Devstral Small 2 is Apache-2.0 and takes images
        ("mistralai/Devstral-2-123B-Instruct-2512", {"modified-mit"}, "text"),
        ("mistralai/Devstral-Small-2-24B-Instruct-2512", {"apache-2.0"}, "multimodal"),
        ("mistralai/Devstral-Small-2507", {"apache-2.0"}, "text"),
        ("mistralai/Mistral-Medium-3.5-128B", {"modified-mit"}, "multimodal"),
        # Voxtral TTS is non-commercial on its card, every other Voxtral is Apache-2.0
        ("mistralai/Voxtral-4B-TTS-2603", {"cc-by-nc-4.0"}, "multimodal"),
        ("mistralai/Voxtral-Mini-4B-Realtime-2602", {"apache-2.0"}, "multimodal"),
        # Qwen3.5 / Qwen3.6 (2026): Apache-2.0, natively multimodal (unlike text-only Qwen3)
        ("Qwen/Qwen3.5-397B-A17B", {"apache-2.0"}, "multimodal"),
        ("Qwen/Qwen3.5-0.8B", {"apache-2.0"}, "multimodal"),
        ("Qwen/Qwen3.6-35B-A3B", {"apache-2.0"}, "multimodal"),
        ("Qwen/Qwen3.6-27B-FP8", {"apache-2.0"}, "multimodal"),
        # NVIDIA ModelOpt builds of Llama declare NVIDIA's licence (the Llama terms come through the base)
        ("nvidia/Llama-3.1-8B-Instruct-FP4", {"nvidia-open-model-license"}, "text"),
        ("nvidia/Llama-3.1-405B-Instruct-FP8", {"nvidia-open-model-license"}, "text"),
        ("nvidia/Llama-3.1-405B-Instruct-FP4", {"nvidia-open-model-license", "llama3.1"}, "text"),
        ("nvidia/Llama-3.1-8B-Instruct-FP8", {"llama3.1"}, "text"),
        # FLUX.2: [klein] 4B is Apache-2.0; [dev] and [klein] 9B are under BFL's FLUX Non-Commercial License
        ("black-forest-labs/FLUX.2-klein-4B", {"apache-2.0"}, "multimodal"),
        ("black-forest-labs/FLUX.2-klein-9B", {"flux-non-commercial-license"}, "multimodal"),
        ("black-forest-labs/FLUX.2-dev", {"flux-non-commercial-license"}, "multimodal"),
    ],
)
def test_recent_releases_resolve(spec: str, license_ids: set[str], modality: str) -> None:
    hit = lookup_model(spec)
    assert hit is not None, spec
    assert set(hit.licenses) == license_ids, (spec, hit.licenses)
    assert hit.modality == modality, (spec, hit.modality)


@pytest.mark.parametrize(
    ("spec", "original", "license_id"),
    [
        ("unsloth/Ministral-3-8B-Instruct-2512-GGUF", "mistralai/Ministral-3-8B-Instruct-2512", "apache-2.0"),
        (
            "bartowski/mistralai_Devstral-2-123B-Instruct-2512-GGUF",
            "mistralai/Devstral-2-123B-Instruct-2512",
            "modified-mit",
        ),
        ("unsloth/Qwen3.5-35B-A3B-GGUF", "Qwen/Qwen3.5-35B-A3B", "apache-2.0"),
    ],
)
def test_a_reupload_of_a_recent_release_inherits_it(spec: str, original: str, license_id: str) -> None:
    hit = lookup_model(spec)
    assert hit is not None and hit.bases == (original,), spec
    base = lookup_model(original)
    assert base is not None and license_id in base.licenses


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("ministral-3:8b", "allowed"),
        ("mistralai/Voxtral-4B-TTS-2603", "forbidden"),
        ("mistralai/Devstral-2-123B-Instruct-2512", "unknown"),
    ],
)
def test_recent_releases_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    _, doc = cli_json("model", spec, "--use", "commercial", "--mau", "1M")
    assert doc["verdict"] == verdict, doc["verdict"]


@pytest.mark.parametrize(
    "spec",
    ["nvidia/Llama-3.1-8B-Instruct-FP4", "nvidia/Llama-3.1-405B-Instruct-FP8", "nvidia/Llama-3.1-8B-Instruct-FP8"],
)
def test_nvidia_s_quantized_llama_builds_carry_the_llama_terms(cli_json: JsonCli, spec: str) -> None:
    _, doc = cli_json("model", spec, "--use", "commercial", "--mau", "900M")
    assert "llama3.1" in doc["licenses"]
    assert doc["verdict"] == "needs-permission"


# Widely used models that once resolved to nothing: the licences the CLI reports (declared plus inherited from bases).
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("Gryphe/MythoMax-L2-13b", {"llama2"}, "text"),  # (card says only "other": the Llama 2 base binds)
        ("TheBloke/MythoMax-L2-13B-GGUF", {"llama2"}, "text"),  # (a GGUF inherits through the original)
        ("facebook/opt-1.3b", {"opt-175b-license"}, "text"),
        ("facebook/opt-66b", {"opt-175b-license"}, "text"),
        ("internlm/internlm2_5-7b-chat", {"internlm-license"}, "text"),
        ("llava-hf/llava-1.5-7b-hf", {"llama2"}, "multimodal"),
        ("openai/clip-vit-large-patch14", {"mit"}, "multimodal"),
        ("openai/clip-vit-base-patch32", {"mit"}, "multimodal"),
        ("openbmb/MiniCPM-V-2_6", {"minicpm-model-license", "apache-2.0"}, "multimodal"),
        ("bartowski/MiniCPM-V-2_6-GGUF", {"minicpm-model-license", "apache-2.0"}, "multimodal"),
        ("facebook/wav2vec2-large-960h-lv60-self", {"apache-2.0"}, "multimodal"),
        ("facebook/nllb-200-distilled-1.3B", {"cc-by-nc-4.0"}, "text"),
        ("facebook/nllb-200-1.3B", {"cc-by-nc-4.0"}, "text"),
        ("OpenGVLab/InternVL2_5-8B", {"mit", "internlm-license"}, "multimodal"),  # (MIT over an InternLM2.5 LLM)
        ("depth-anything/Depth-Anything-V2-Large-hf", {"cc-by-nc-4.0"}, "multimodal"),
        ("openlm-research/open_llama_7b_v2", {"apache-2.0"}, "text"),
        ("openlm-research/open_llama_13b_easylm", {"apache-2.0"}, "text"),  # (the family pattern)
        ("HuggingFaceM4/Idefics3-8B-Llama3", {"apache-2.0", "llama3.1"}, "multimodal"),  # (Apache over Llama 3.1)
        ("facebook/sam2.1-hiera-large", {"apache-2.0"}, "multimodal"),
        ("facebook/sam2-hiera-tiny", {"apache-2.0"}, "multimodal"),  # (the family pattern)
    ],
)
def test_popular_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    _, doc = cli_json("model", spec, "--use", "research")
    assert set(doc["licenses"]) == license_ids, (spec, doc["licenses"])
    assert doc["facts"]["modality"] == modality, (spec, doc["facts"])


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("Gryphe/MythoMax-L2-13b", "conditional"),  # (Llama 2's 700M MAU condition, --mau not given)
        ("facebook/opt-1.3b", "unknown"),  # (OPT-175B licence: recorded, not encoded)
        ("openai/clip-vit-large-patch14", "allowed"),
        ("facebook/nllb-200-distilled-1.3B", "forbidden"),
        ("depth-anything/Depth-Anything-V2-Large-hf", "forbidden"),
    ],
)
def test_popular_models_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    _, doc = cli_json("model", spec, "--use", "commercial")
    assert doc["verdict"] == verdict, (spec, doc["verdict"])


def test_opt_iml_is_not_taken_for_opt() -> None:
    hit = lookup_model("facebook/opt-iml-max-1.3b")
    assert hit is None or "opt-175b-license" not in hit.licenses


def test_nllb_moe_is_not_taken_for_nllb_200() -> None:
    hit = lookup_model("facebook/nllb-moe-54b")
    assert hit is None or hit.how != "pattern"
