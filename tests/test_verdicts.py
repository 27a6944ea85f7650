"""What each license says, end to end through `licensecheck model --license ... --format json`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

CASES = [
    # (args, expected overall verdict)
    (["apache-2.0", "--use", "commercial"], "allowed"),
    (["MIT", "--use", "distillation"], "allowed"),
    (["mit", "--use", "relicensing", "--target", "apache-2.0"], "allowed"),
    (["cc-by-nc-4.0", "--use", "commercial"], "forbidden"),
    (["cc-by-nc-4.0", "--use", "large-user-base", "--mau", "10"], "forbidden"),
    (["CC-BY-NC-4.0", "--use", "research"], "allowed"),
    (["cc-by-nc-4.0", "--use", "fine-tuning"], "allowed"),
    (["cc-by-nc-4.0", "--use", "relicensing", "--target", "mit"], "forbidden"),
    (["cc-by-nc-4.0", "--use", "relicensing", "--target", "CC-BY-NC-4.0"], "allowed"),
    (["llama3.1", "--use", "commercial"], "conditional"),
    (["llama3.1", "--use", "commercial", "--mau", "20M"], "allowed"),
    (["llama3.1", "--use", "commercial", "--mau", "700M"], "allowed"),
    (["llama3.1", "--use", "commercial", "--mau", "900M"], "needs-permission"),
    (["llama3.1", "--use", "research", "--mau", "1.2B"], "needs-permission"),
    (["llama3.1", "--use", "large-user-base"], "needs-permission"),
    (["llama3.1", "--use", "large-user-base", "--mau", "10M"], "allowed"),
    (["llama3.1", "--use", "distillation", "--target", "Qwen/Qwen2.5-7B", "--mau", "10M"], "allowed"),
    (["llama3.1", "--use", "relicensing", "--target", "apache-2.0"], "forbidden"),
    (["llama3.1", "--use", "relicensing", "--target", "llama3.1", "--mau", "1"], "allowed"),
    (["llama2", "--use", "distillation"], "conditional"),
    (["llama2", "--use", "distillation", "--target", "mistralai/Mistral-7B-v0.1", "--mau", "1"], "forbidden"),
    (["llama2", "--use", "distillation", "--target", "llama2", "--mau", "1"], "allowed"),
    (["llama3", "--use", "distillation", "--target", "mistralai/Mistral-7B-v0.1"], "forbidden"),
    (["llama3", "--use", "commercial", "--mau", "5M"], "allowed"),
    (["llama3.2", "--use", "commercial", "--mau", "1M", "--region", "DE"], "conditional"),
    (["llama3.2", "--use", "commercial", "--mau", "1M", "--region", "US"], "allowed"),
    (["llama3.3", "--use", "commercial", "--mau", "1M", "--region", "DE"], "allowed"),
    (["llama4", "--use", "commercial", "--mau", "1M", "--region", "CH"], "allowed"),
    (["llama4", "--use", "commercial", "--mau", "1M"], "conditional"),
    (["gemma", "--use", "large-user-base"], "allowed"),
    (["gemma", "--use", "distillation", "--target", "mistralai/Mistral-7B-v0.1"], "allowed"),
    (["gemma", "--use", "relicensing", "--target", "apache-2.0"], "forbidden"),
    (["gemma", "--use", "hosting"], "allowed"),
    (["nvidia-open-model-license", "--use", "commercial", "--mau", "2B"], "allowed"),
    (["nvidia-open-model-license", "--use", "relicensing", "--target", "apache-2.0"], "forbidden"),
    (["nvidia-nemotron-open-model-license", "--use", "relicensing", "--target", "apache-2.0"], "allowed"),
    (["openmdw-1.1", "--use", "distillation"], "allowed"),
    (["openmdw-1.0", "--use", "relicensing", "--target", "mit"], "allowed"),
    (["databricks-open-model-license", "--use", "commercial", "--mau", "10M"], "allowed"),
    (["databricks-open-model-license", "--use", "commercial", "--mau", "800M"], "needs-permission"),
    (
        ["databricks-open-model-license", "--use", "distillation", "--target", "meta-llama/Llama-3.1-8B"],
        "forbidden",
    ),
    (["databricks-open-model-license", "--use", "relicensing", "--target", "mit"], "forbidden"),
]


@pytest.mark.parametrize(("args", "verdict"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_license_verdict(cli_json: Callable[..., tuple[int, dict[str, Any]]], args: list[str], verdict: str) -> None:
    code, doc = cli_json("model", "--license", *args)
    assert doc["verdict"] == verdict
    assert doc["model"] is None
    assert code == (1 if verdict in ("needs-permission", "forbidden", "unknown") else 0)
    for result in doc["results"]:
        assert result["citations"], "every answer names the clause it rests on"
        if result["verdict"] == "conditional":
            assert result["conditions"]


def test_conditional_states_the_mau_condition(cli_json: Callable[..., tuple[int, dict[str, Any]]]) -> None:
    _, doc = cli_json("model", "--license", "llama3.1", "--use", "commercial")
    (result,) = doc["results"]
    assert result["conditions"] == [
        "allowed if the licensee and its affiliates had at most 700M monthly active users in the calendar month "
        "before 2024-07-23"
    ]
    assert any(c["section"] == "2" for c in result["citations"])


def test_no_use_means_every_use(cli_json: Callable[..., tuple[int, dict[str, Any]]]) -> None:
    _, doc = cli_json("model", "--license", "apache-2.0")
    assert [r["use"] for r in doc["results"]] == [
        "commercial",
        "research",
        "fine-tuning",
        "distillation",
        "redistribution",
        "hosting",
        "large-user-base",
        "relicensing",
    ]
    assert doc["verdict"] == "allowed"


def test_obligations_accumulate_without_duplicates(
    cli_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    _, doc = cli_json("model", "--license", "llama3.1", "--use", "redistribution", "--use", "fine-tuning", "--mau", "1")
    texts = [o for r in doc["results"] for o in r["obligations"]]
    assert any("Notice" in t for t in texts)
    for result in doc["results"]:
        assert len(result["obligations"]) == len(set(result["obligations"]))


def _obligations(doc: dict[str, Any], use: str) -> str:
    return "\n".join(o for r in doc["results"] if r["use"] == use for o in r["obligations"])


@pytest.mark.parametrize("license_id", ["llama3.1", "llama3.2", "llama3.3", "llama4"])
def test_llama_duties_follow_section_1_b_i(
    cli_json: Callable[..., tuple[int, dict[str, Any]]], license_id: str
) -> None:
    uses = ["distillation", "redistribution", "hosting", "relicensing"]
    args = ["model", "--license", license_id, *(a for u in uses for a in ("--use", u)), "--mau", "1M"]
    _, doc = cli_json(*args, "--target", license_id)
    # a student trained on outputs contains no Llama Materials: the name, not the "Built with Llama" display
    assert "Built with Llama" not in _obligations(doc, "distillation")
    assert "starts with" in _obligations(doc, "distillation")
    for use in ("redistribution", "hosting", "relicensing"):  # a shared derivative's name starts with "Llama"
        assert "starts with" in _obligations(doc, use) and "Built with Llama" in _obligations(doc, use)
    assert "Acceptable Use Policy" in _obligations(doc, "relicensing")  # (derivatives stay bound by it)


def test_the_cosmos_display_binds_multimodal_nvidia_models_only(
    cli_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    _, cosmos = cli_json("model", "nvidia/Cosmos-1.0-Diffusion-7B-Text2World", "--use", "hosting")
    _, text = cli_json("model", "nvidia/Nemotron-4-340B-Instruct", "--use", "hosting")
    _, unknown = cli_json("model", "--license", "nvidia-open-model-license", "--use", "distillation")
    assert "Built on NVIDIA Cosmos" in _obligations(cosmos, "hosting")
    assert "Built on NVIDIA Cosmos" not in _obligations(text, "hosting")
    assert "For a multimodal model" in _obligations(unknown, "distillation")  # (the modality is not known)


def test_a_model_target_leaves_relicensing_undecided_and_says_so(
    cli_json: Callable[..., tuple[int, dict[str, Any]]],
) -> None:
    args = ["model", "--license", "gemma", "--use", "distillation", "--use", "relicensing"]
    _, doc = cli_json(*args, "--target", "Qwen/Qwen2.5-7B")
    relicensing = next(r for r in doc["results"] if r["use"] == "relicensing")
    assert relicensing["verdict"] == "conditional"
    assert any(w.startswith("--target Qwen/Qwen2.5-7B names a model, not a license") for w in doc["warnings"])
    _, by_license = cli_json(*args, "--target", "gemma")
    assert not any("names a model" in w for w in by_license["warnings"])
