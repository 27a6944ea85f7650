"""siblings slice (catalog/siblings.yaml): official sibling checkpoints of known families that resolved to nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_inherits, assert_resolves

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


# The licences the CLI reports (declared plus inherited through the base), and the modality.
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("Qwen/Qwen-7B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen-14B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen-72B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen-1_8B", {"tongyi-qianwen-research"}, "text"),
        ("Qwen/Qwen1.5-0.5B", {"tongyi-qianwen-research"}, "text"),
        ("Qwen/Qwen1.5-1.8B", {"tongyi-qianwen-research"}, "text"),
        ("Qwen/Qwen1.5-4B", {"tongyi-qianwen-research"}, "text"),
        ("Qwen/Qwen1.5-14B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-32B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-72B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-110B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-MoE-A2.7B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-MoE-A2.7B-Chat", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen1.5-MoE-A2.7B-Chat-GPTQ-Int4", {"tongyi-qianwen"}, "text"),
        ("Qwen/CodeQwen1.5-7B-Chat", {"tongyi-qianwen", "tongyi-qianwen-research"}, "text"),
        ("Qwen/CodeQwen1.5-7B-Chat-GGUF", {"tongyi-qianwen", "tongyi-qianwen-research"}, "text"),
        ("Qwen/CodeQwen1.5-7B-Chat-AWQ", {"tongyi-qianwen", "tongyi-qianwen-research"}, "text"),
        ("Qwen/Qwen2-Math-7B", {"apache-2.0"}, "text"),
        ("Qwen/Qwen2-Math-7B-Instruct", {"apache-2.0"}, "text"),
        ("Qwen/Qwen2-Math-1.5B", {"apache-2.0"}, "text"),
        ("Qwen/Qwen2-Math-1.5B-Instruct", {"apache-2.0"}, "text"),
        ("Qwen/Qwen2-Math-72B", {"tongyi-qianwen"}, "text"),
        ("Qwen/Qwen2-Math-72B-Instruct", {"tongyi-qianwen"}, "text"),
        ("allenai/OLMo-7B-Instruct", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-Instruct-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-SFT", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-SFT-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-0424", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-0424-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-0724-Instruct-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-0724-SFT-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-1B-0724-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-Twin-2T", {"apache-2.0"}, "text"),
        ("allenai/OLMo-7B-Twin-2T-hf", {"apache-2.0"}, "text"),
        ("allenai/OLMoE-1B-7B-0924-SFT", {"apache-2.0"}, "text"),
        ("allenai/OLMoE-1B-7B-0924-DPO", {"apache-2.0"}, "text"),
        ("allenai/OLMoE-1B-7B-0125", {"apache-2.0"}, "text"),
        ("allenai/OLMoE-1B-7B-0125-SFT", {"apache-2.0"}, "text"),
        ("allenai/OLMoE-1B-7B-0125-DPO", {"apache-2.0"}, "text"),
        ("allenai/tulu-2-dpo-7b", {"ai2-impact-license-low-risk", "llama2"}, "text"),
        ("allenai/tulu-2-dpo-13b", {"ai2-impact-license-low-risk", "llama2"}, "text"),
        ("allenai/tulu-2-70b", {"ai2-impact-license-low-risk", "llama2"}, "text"),
        ("allenai/Llama-3.1-Tulu-3-70B-SFT", {"llama3.1"}, "text"),
        ("allenai/Llama-3.1-Tulu-3-70B-DPO", {"llama3.1"}, "text"),
        ("berkeley-nest/Starling-LM-7B-alpha", {"apache-2.0"}, "text"),
        ("berkeley-nest/Starling-RM-7B-alpha", {"apache-2.0", "llama2"}, "text"),
        ("deepseek-ai/deepseek-moe-16b-base", {"deepseek"}, "text"),
        ("deepseek-ai/deepseek-moe-16b-chat", {"deepseek"}, "text"),
        ("deepseek-ai/deepseek-vl-7b-base", {"deepseek"}, "multimodal"),
        ("deepseek-ai/deepseek-vl-7b-chat", {"deepseek"}, "multimodal"),
        ("deepseek-ai/deepseek-vl-1.3b-chat", {"deepseek"}, "multimodal"),
        ("deepseek-ai/deepseek-vl-1.3b-base", {"deepseek"}, "multimodal"),
        ("tiiuae/falcon-rw-7b", {"apache-2.0"}, "text"),
        ("tiiuae/falcon-11B-vlm", {"falcon-llm-license"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-2B", {"apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-4B", {"apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-14B", {"apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-38B", {"apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-30B-A3B", {"apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL3_5-241B-A28B", {"apache-2.0"}, "multimodal"),
        ("internlm/internlm-7b", {"internlm-license"}, "text"),
        ("internlm/internlm-chat-7b", {"internlm-license"}, "text"),
        ("internlm/internlm-20b", {"internlm-license"}, "text"),
        ("internlm/internlm-chat-20b", {"internlm-license"}, "text"),
        ("internlm/internlm2-base-7b", {"internlm-license"}, "text"),
        ("internlm/internlm2-7b", {"internlm-license"}, "text"),
        ("internlm/internlm2-chat-7b-sft", {"internlm-license"}, "text"),
        ("internlm/internlm2-base-20b", {"internlm-license"}, "text"),
        ("internlm/internlm2-20b", {"internlm-license"}, "text"),
        ("internlm/internlm2-chat-20b", {"internlm-license"}, "text"),
        ("internlm/internlm2-1_8b", {"internlm-license"}, "text"),
        ("internlm/internlm2-chat-1_8b", {"internlm-license"}, "text"),
        ("internlm/internlm2_5-1_8b-chat", {"internlm-license"}, "text"),
    ],
)
def test_sibling_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str | None
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("TheBloke/Starling-LM-7B-alpha-GGUF", "berkeley-nest/Starling-LM-7B-alpha"),
        ("mlx-community/Qwen1.5-MoE-A2.7B-Chat-4bit", "Qwen/Qwen1.5-MoE-A2.7B-Chat"),
        ("TheBloke/deepseek-moe-16b-chat-GGUF", "deepseek-ai/deepseek-moe-16b-chat"),
    ],
)
def test_a_reupload_of_a_sibling_inherits_it(spec: str, original: str) -> None:
    assert_inherits(spec, original)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("Qwen/Qwen-7B", "unknown"),  # (Tongyi Qianwen licence: recorded, not encoded)
        ("Qwen/Qwen-1_8B", "unknown"),  # (Tongyi Qianwen research licence: recorded, not encoded)
        ("Qwen/Qwen2-Math-7B-Instruct", "allowed"),  # (Apache-2.0)
        ("allenai/OLMo-7B-Instruct", "allowed"),  # (Apache-2.0)
        ("allenai/Llama-3.1-Tulu-3-70B-DPO", "conditional"),  # (Llama 3.1 conditions)
        ("berkeley-nest/Starling-RM-7B-alpha", "conditional"),  # (Apache-2.0 card over Llama 2 chat)
        ("deepseek-ai/deepseek-vl-7b-chat", "unknown"),  # (DeepSeek License: recorded, not encoded)
        ("tiiuae/falcon-rw-7b", "allowed"),  # (Apache-2.0 after the 2023 relicensing)
        ("tiiuae/falcon-11B-vlm", "unknown"),  # (TII Falcon License 2.0: recorded, not encoded)
        ("internlm/internlm2-chat-20b", "unknown"),  # (InternLM weights licence: recorded, not encoded)
        ("OpenGVLab/InternVL3_5-14B", "allowed"),  # (Apache-2.0)
    ],
)
def test_sibling_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)
