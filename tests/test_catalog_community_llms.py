"""Community and vendor LLMs of catalog/community-llms.yaml: declared licences, bases, modality, verdicts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_inherits, assert_resolves
from licensecheck.catalog import lookup_model

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


# The licences the CLI reports for a model: what its card declares plus what its bases carry.
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("HuggingFaceH4/starchat2-15b-v0.1", {"bigcode-openrail-m"}, "text"),
        ("HuggingFaceH4/starchat-beta", {"bigcode-openrail-m"}, "text"),
        ("BAAI/bge-reranker-v2-gemma", {"apache-2.0", "gemma"}, "text"),  # (Apache on the card, Gemma weights)
        ("Deci/DeciLM-7B", {"apache-2.0"}, "text"),
        ("EleutherAI/llemma_7b", {"llama2"}, "text"),
        ("Intel/neural-chat-7b-v3-1", {"apache-2.0"}, "text"),
        ("KoboldAI/LLaMA2-13B-Tiefighter", {"llama2"}, "text"),
        ("Linq-AI-Research/Linq-Embed-Mistral", {"cc-by-nc-4.0"}, "text"),
        ("NousResearch/Nous-Hermes-Llama2-13b", {"mit", "llama2"}, "text"),  # (MIT on the card, Llama 2 weights)
        ("Phind/Phind-CodeLlama-34B-v2", {"llama2"}, "text"),
        ("Orenguteng/Llama-3-8B-Lexi-Uncensored", {"llama3"}, "text"),
        ("failspy/Meta-Llama-3-8B-Instruct-abliterated-v3", {"llama3"}, "text"),
        ("mlabonne/Meta-Llama-3.1-8B-Instruct-abliterated", {"llama3.1"}, "text"),
        ("WizardLMTeam/WizardCoder-15B-V1.0", {"bigscience-openrail-m", "bigcode-openrail-m"}, "text"),
        ("WizardLMTeam/WizardLM-70B-V1.0", {"llama2"}, "text"),
        ("WizardLMTeam/WizardMath-7B-V1.1", {"microsoft-research-license", "apache-2.0"}, "text"),
        ("WizardLM/WizardMath-7B-V1.0", {"llama2"}, "text"),
        ("Xwin-LM/Xwin-LM-70B-V0.1", {"llama2"}, "text"),
        ("abacusai/Smaug-72B-v0.1", {"tongyi-qianwen"}, "text"),
        ("mlabonne/NeuralBeagle14-7B", {"cc-by-nc-4.0"}, "text"),
        ("Salesforce/codegen-2B-mono", {"bsd-3-clause"}, "text"),
        ("Salesforce/codegen-6B-multi", {"bsd-3-clause"}, "text"),
        ("Salesforce/codegen25-7b-mono", {"apache-2.0"}, "text"),  # (the repo's old name)
        ("bigcode/starcoderbase", {"bigcode-openrail-m"}, "text"),
        ("bigcode/santacoder", {"bigcode-openrail-m"}, "text"),
        ("bigscience/bloomz-7b1-mt", {"bigscience-bloom-rail-1.0"}, "text"),
        ("bigscience/bloomz-560m", {"bigscience-bloom-rail-1.0"}, "text"),
        ("bigscience/bloom-1b7", {"bigscience-bloom-rail-1.0"}, "text"),
        ("bigscience/mt0-xxl", {"apache-2.0"}, "text"),
        ("stabilityai/stablelm-tuned-alpha-7b", {"cc-by-nc-sa-4.0"}, "text"),
        ("stabilityai/stablelm-2-12b", {"stabilityai-ai-community"}, "text"),
        ("togethercomputer/RedPajama-INCITE-7B-Base", {"apache-2.0"}, "text"),
        ("togethercomputer/RedPajama-INCITE-7B-Chat", {"apache-2.0"}, "text"),  # (the family pattern)
        ("togethercomputer/LLaMA-2-7B-32K", {"llama2"}, "text"),
        ("facebook/galactica-6.7b", {"cc-by-nc-4.0"}, "text"),
        ("facebook/galactica-120b", {"cc-by-nc-4.0"}, "text"),  # (the family pattern)
        ("garage-bAInd/Platypus2-70B-instruct", {"cc-by-nc-4.0", "llama2"}, "text"),
        ("THUDM/chatglm3-6b", {"chatglm3-6b-license"}, "text"),
        ("baichuan-inc/Baichuan2-13B-Chat", {"baichuan2-community-license"}, "text"),
        ("internlm/internlm2_5-20b-chat", {"internlm-license"}, "text"),
        ("tiiuae/falcon-11B", {"falcon-llm-license"}, "text"),
        ("Open-Orca/OpenOrca-Platypus2-13B", {"cc-by-nc-4.0", "llama2"}, "text"),
        ("Undi95/ReMM-SLERP-L2-13B", {"cc-by-nc-4.0", "llama2"}, "text"),
        ("NeverSleep/Noromaid-13b-v0.1.1", {"cc-by-nc-4.0", "llama2"}, "text"),
        ("Sao10K/Fimbulvetr-11B-v2", {"cc-by-nc-4.0", "apache-2.0"}, "text"),  # (over Apache-2.0 SOLAR)
        ("allenai/tulu-2-dpo-70b", {"ai2-impact-license-low-risk", "llama2"}, "text"),
        ("allenai/olmOCR-7B-0225-preview", {"apache-2.0"}, "multimodal"),
        ("deepseek-ai/deepseek-vl2", {"deepseek"}, "multimodal"),
        ("deepseek-ai/deepseek-vl2-tiny", {"deepseek"}, "multimodal"),  # (the family pattern)
        ("NousResearch/Nous-Hermes-13b", {"gpl", "llama1-research-license"}, "text"),  # (a LLaMA-1 fine-tune)
        ("jinaai/ReaderLM-v2", {"cc-by-nc-4.0"}, "text"),
        ("ise-uiuc/Magicoder-S-DS-6.7B", {"deepseek"}, "text"),
        ("bigscience/bloomz-3b", {"bigscience-bloom-rail-1.0"}, "text"),  # (the family pattern)
        ("bigscience/mt0-small", {"apache-2.0"}, "text"),  # (the family pattern)
        ("Salesforce/codegen-16B-nl", {"bsd-3-clause"}, "text"),  # (the family pattern)
        ("elyza/ELYZA-japanese-Llama-2-7b-instruct", {"llama2"}, "text"),
        ("LeoLM/leo-hessianai-7b", {"llama2"}, "text"),
        ("Unbabel/TowerInstruct-7B-v0.2", {"cc-by-nc-4.0", "llama2"}, "text"),
        ("ehartford/dolphin-2.1-mistral-7b", {"apache-2.0"}, "text"),
        ("cognitivecomputations/dolphin-2.1-mistral-7b", {"apache-2.0"}, "text"),  # (the org's new name)
        ("TIGER-Lab/MAmmoTH-7B", {"mit", "llama2"}, "text"),  # (MIT on the card, Llama 2 weights)
        ("argilla/notux-8x7b-v1", {"apache-2.0"}, "text"),
        ("h2oai/h2o-danube2-1.8b-chat", {"apache-2.0"}, "text"),
        ("nomic-ai/gpt4all-j", {"apache-2.0"}, "text"),
        ("facebook/xglm-564M", {"mit"}, "text"),
        ("gorilla-llm/gorilla-openfunctions-v2", {"apache-2.0"}, "text"),
        ("tiiuae/falcon-rw-1b", {"apache-2.0"}, "text"),
        ("EleutherAI/polyglot-ko-12.8b", {"apache-2.0"}, "text"),  # (the family pattern)
        ("replit/replit-code-v1-3b", {"cc-by-sa-4.0"}, "text"),
        ("togethercomputer/StripedHyena-Nous-7B", {"apache-2.0"}, "text"),
    ],
)
def test_community_llms_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("TheBloke/Phind-CodeLlama-34B-v2-GGUF", "Phind/Phind-CodeLlama-34B-v2"),
        ("TheBloke/llemma_7b-GGUF", "EleutherAI/llemma_7b"),
        ("Orenguteng/Llama-3-8B-Lexi-Uncensored-GGUF", "Orenguteng/Llama-3-8B-Lexi-Uncensored"),
        ("TheBloke/Xwin-LM-70B-V0.1-GGUF", "Xwin-LM/Xwin-LM-70B-V0.1"),
    ],
)
def test_a_reupload_inherits_the_community_original(spec: str, original: str) -> None:
    assert_inherits(spec, original)


def test_a_gguf_of_a_llama_fine_tune_carries_the_llama_terms(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "TheBloke/Phind-CodeLlama-34B-v2-GGUF", "--use", "commercial", "--mau", "900M")
    assert "llama2" in doc["licenses"]
    assert doc["verdict"] == "needs-permission"


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("Linq-AI-Research/Linq-Embed-Mistral", "forbidden"),  # (CC-BY-NC-4.0)
        ("KoboldAI/LLaMA2-13B-Tiefighter", "conditional"),  # (Llama 2's 700M MAU condition, --mau not given)
        ("Deci/DeciLM-7B", "allowed"),
        ("abacusai/Smaug-72B-v0.1", "unknown"),  # (Tongyi Qianwen licence: recorded, not encoded)
        ("Salesforce/codegen-2B-mono", "unknown"),  # (BSD-3-Clause: recorded, not encoded)
    ],
)
def test_community_llms_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)


def test_the_codegen_pattern_does_not_take_codegen2_or_codegen25() -> None:
    for spec in ("Salesforce/codegen2-1B", "Salesforce/codegen25-7b-multi_P"):
        hit = lookup_model(spec)
        assert hit is None or "bsd-3-clause" not in hit.licenses, spec


def test_a_non_commercial_llama_2_merge_is_forbidden_commercially(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "Undi95/ReMM-SLERP-L2-13B", "--use", "commercial", "--mau", "1M")
    assert doc["verdict"] == "forbidden"
    assert {"cc-by-nc-4.0", "llama2"} <= set(doc["licenses"])
