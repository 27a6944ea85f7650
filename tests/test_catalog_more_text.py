"""The second text slice of the catalog (catalog/more-text.yaml): LLMs, code models, Japanese/Chinese models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_resolves
from licensecheck.catalog import lookup_model
from licensecheck.registry import find_license

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


# Text models that once resolved to nothing: the licences the CLI reports (declared plus inherited).
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("facebook/MobileLLM-125M", {"cc-by-nc-4.0"}, "text"),
        ("facebook/MobileLLM-1B", {"cc-by-nc-4.0"}, "text"),
        ("facebook/chameleon-7b", {"chameleon-research-license"}, "multimodal"),  # (image+text in and out)
        ("THUDM/chatglm-6b", {"chatglm-6b-license"}, "text"),
        ("THUDM/chatglm2-6b", {"chatglm2-6b-license"}, "text"),
        ("baichuan-inc/Baichuan-7B", {"baichuan-7b-license"}, "text"),
        ("Sao10K/L3-8B-Stheno-v3.2", {"cc-by-nc-4.0", "llama3"}, "text"),  # (Llama 3 8B based)
        ("NeverSleep/Noromaid-13b-v0.3", {"cc-by-nc-4.0", "llama2"}, "text"),  # (Llama 2 13B based)
        ("OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5", {"apache-2.0"}, "text"),
        ("OpenAssistant/oasst-sft-6-llama-30b-xor", {"llama1-research-license"}, "text"),  # (XOR over LLaMA 30B)
        ("lmsys/vicuna-7b-v1.3", {"llama1-research-license"}, "text"),  # (v1.3 fine-tunes LLaMA 1)
        ("h2oai/h2ogpt-oasst1-512-12b", {"apache-2.0"}, "text"),
        ("Salesforce/codegen2-1B_P", {"apache-2.0"}, "text"),
        ("Salesforce/xgen-7b-8k-base", {"apache-2.0"}, "text"),
        ("defog/sqlcoder-7b-2", {"cc-by-sa-4.0", "llama2"}, "text"),  # (Code Llama base)
        ("defog/sqlcoder-7b", {"cc-by-sa-4.0", "apache-2.0"}, "text"),  # (Mistral-7B base)
        ("bigcode/octocoder", {"bigcode-openrail-m"}, "text"),
        ("bigcode/starencoder", {"bigcode-openrail-m"}, "text"),
        ("bigcode/tiny_starcoder_py", {"bigcode-openrail-m"}, "text"),
        ("bigscience/T0pp", {"apache-2.0"}, "text"),
        ("bigscience/T0_3B", {"apache-2.0"}, "text"),
        ("tohoku-nlp/bert-base-japanese-v3", {"apache-2.0"}, "text"),
        ("cl-tohoku/bert-base-japanese", {"cc-by-sa-4.0"}, "text"),  # (the old org name)
        ("cl-tohoku/bert-base-japanese-v3", {"apache-2.0"}, "text"),
        ("rinna/japanese-gpt-neox-3.6b", {"mit"}, "text"),
        ("cyberagent/calm2-7b-chat", {"apache-2.0"}, "text"),
        ("llm-jp/llm-jp-3-13b", {"apache-2.0"}, "text"),
        ("openbmb/MiniCPM3-4B", {"apache-2.0"}, "text"),
        ("openbmb/MiniCPM4-8B", {"apache-2.0"}, "text"),
        ("openbmb/MiniCPM-2B-sft-fp32", {"gml"}, "text"),
        ("togethercomputer/GPT-JT-6B-v1", {"apache-2.0"}, "text"),  # (GPT-J-6B base, Apache-2.0 too)
        ("jondurbin/airoboros-l2-70b-gpt4-1.4.1", {"llama2"}, "text"),  # (no licence of its own: its base's)
        ("cognitivecomputations/WizardLM-13B-Uncensored", {"llama1-research-license"}, "text"),
        ("VAGOsolutions/SauerkrautLM-7b-v1", {"llama2"}, "text"),
        ("m-a-p/OpenCodeInterpreter-DS-6.7B", {"apache-2.0", "deepseek"}, "text"),  # (DeepSeek-Coder base)
        ("facebook/incoder-1B", {"cc-by-nc-4.0"}, "text"),
        ("Salesforce/ctrl", {"bsd-3-clause"}, "text"),
        ("google/canine-s", {"apache-2.0"}, "text"),
        ("vinai/phobert-base", {"mit"}, "text"),
        ("Babelscape/rebel-large", {"cc-by-nc-sa-4.0"}, "text"),
        ("BAAI/bge-visualized", {"mit"}, "multimodal"),  # (image+text embeddings)
        ("google/electra-large-discriminator", {"apache-2.0"}, "text"),
        ("typeform/distilbert-base-uncased-mnli", {"apache-2.0"}, "text"),  # (card: 'License: Unknown'; its base's)
        # GGUF repos listed with their original as base
        ("meetkai/functionary-small-v2.5-GGUF", {"mit"}, "text"),
        ("Sao10K/Fimbulvetr-11B-v2-GGUF", {"cc-by-nc-4.0", "apache-2.0"}, "text"),
    ],
)
def test_more_text_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("someone/L3-8B-Stheno-v3.2-GGUF", "Sao10K/L3-8B-Stheno-v3.2"),
        ("someone/chatglm2-6b-int4", "THUDM/chatglm2-6b"),
        ("someone/MiniCPM3-4B-GGUF", "openbmb/MiniCPM3-4B"),
    ],
)
def test_a_reupload_of_a_more_text_model_inherits_it(spec: str, original: str) -> None:
    hit = lookup_model(spec)
    assert hit is not None and hit.how == "name-match" and hit.bases == (original,), (spec, hit)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("llm-jp/llm-jp-3-13b", "allowed"),  # (Apache-2.0)
        ("rinna/japanese-gpt-neox-3.6b", "allowed"),  # (MIT)
        ("facebook/MobileLLM-125M", "forbidden"),  # (CC-BY-NC-4.0)
        ("Sao10K/L3-8B-Stheno-v3.2", "forbidden"),  # (CC-BY-NC-4.0)
        ("THUDM/chatglm2-6b", "unknown"),  # (recorded, not encoded)
        ("togethercomputer/GPT-JT-6B-v1", "allowed"),  # (Apache-2.0 over Apache-2.0)
        ("facebook/incoder-1B", "forbidden"),  # (CC-BY-NC-4.0)
    ],
)
def test_more_text_models_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)


def test_the_new_recorded_licences_resolve_from_their_names() -> None:
    for name, license_id in [
        ("The ChatGLM-6B License", "chatglm-6b-license"),
        ("The ChatGLM2-6B License", "chatglm2-6b-license"),
        ("License Agreement for Baichuan-7B Model", "baichuan-7b-license"),
        ("Meta Chameleon Research License", "chameleon-research-license"),
        ("General Model License", "gml"),
    ]:
        found = find_license(name)
        assert found is not None and found.id == license_id, (name, found)


def test_mobilellm_has_no_org_wide_pattern() -> None:
    # MobileLLM-R1 is under the FAIR Noncommercial Research License, not CC-BY-NC-4.0
    hit = lookup_model("facebook/MobileLLM-R1-950M")
    assert hit is not None and hit.licenses == ("fair-noncommercial-research-license",), hit


@pytest.mark.parametrize(
    ("spec", "license_ids"),
    [
        ("Sao10K/L3-8B-Stheno-v3.1", {"cc-by-nc-4.0", "llama3"}),
        ("Sao10K/L3.1-70B-Euryale-v2.2", {"cc-by-nc-4.0", "llama3.1"}),
        ("NeverSleep/Noromaid-13b-v0.2", {"cc-by-nc-4.0", "llama2"}),
        ("NeverSleep/Noromaid-20b-v0.1.1-GGUF", {"cc-by-nc-4.0", "llama2"}),
        ("defog/llama-3-sqlcoder-8b", {"cc-by-sa-4.0", "llama3"}),
        ("mosaicml/mpt-7b-instruct", {"apache-2.0"}),  # (Apache-2.0 now; the first revision said CC-BY-SA-3.0)
        ("CohereLabs/command-a-vision-07-2025", {"cc-by-nc-4.0"}),
        ("CohereLabs/command-a-translate-08-2025", {"cc-by-nc-4.0"}),
    ],
)
def test_an_audit_of_real_ids_corrected(cli_json: JsonCli, spec: str, license_ids: set[str]) -> None:
    """Community fine-tunes of Llama models carry the Llama licence of their base beside their own."""
    _, doc = cli_json("model", spec, "--use", "research")
    assert set(doc["licenses"]) == license_ids, doc["licenses"]
