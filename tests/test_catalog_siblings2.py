"""siblings2 slice (catalog/siblings2.yaml): a second sweep of official sibling checkpoints that resolved to nothing."""

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
        ("OpenGVLab/InternVL2-1B", {"mit", "apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL2-2B", {"mit", "internlm-license"}, "multimodal"),
        ("OpenGVLab/InternVL2-4B", {"mit"}, "multimodal"),
        ("OpenGVLab/InternVL2-26B", {"mit", "internlm-license"}, "multimodal"),
        ("OpenGVLab/InternVL2-40B", {"mit", "apache-2.0"}, "multimodal"),
        ("OpenGVLab/InternVL2-2B-AWQ", {"mit", "internlm-license"}, "multimodal"),
        ("OpenGVLab/InternVL2-26B-AWQ", {"mit", "internlm-license"}, "multimodal"),
        ("OpenGVLab/InternVL2_5-78B", {"qwen"}, "multimodal"),
        ("OpenGVLab/InternVL2_5-78B-AWQ", {"qwen"}, "multimodal"),
        ("OpenGVLab/InternVL2_5-2B-MPO", {"mit"}, "multimodal"),
        ("microsoft/Phi-tiny-MoE-instruct", {"mit"}, "text"),
        ("microsoft/Phi-mini-MoE-instruct", {"mit"}, "text"),
        ("microsoft/GRIN-MoE", {"mit"}, "text"),
        ("01-ai/Yi-6B-200K", {"apache-2.0"}, "text"),
        ("01-ai/Yi-9B", {"apache-2.0"}, "text"),
        ("01-ai/Yi-6B-Chat-4bits", {"apache-2.0"}, "text"),
        ("01-ai/Yi-6B-Chat-8bits", {"apache-2.0"}, "text"),
        ("01-ai/Yi-34B-Chat-4bits", {"apache-2.0"}, "text"),
        ("01-ai/Yi-34B-Chat-8bits", {"apache-2.0"}, "text"),
        ("bigcode/starcoderbase-3b", {"bigcode-openrail-m"}, "text"),
        ("bigcode/starcoderbase-7b", {"bigcode-openrail-m"}, "text"),
        ("nvidia/Hymba-1.5B-Base", {"nvidia-open-model-license"}, "text"),
        ("nvidia/Hymba-1.5B-Instruct", {"nvidia-open-model-license"}, "text"),
        ("nvidia/Llama-3.1-Minitron-4B-Width-Base", {"nvidia-open-model-license", "llama3.1"}, "text"),
        ("nvidia/Llama-3.1-Minitron-4B-Depth-Base", {"nvidia-open-model-license", "llama3.1"}, "text"),
        ("THUDM/chatglm3-6b-base", {"chatglm3-6b-license"}, "text"),
        ("THUDM/chatglm3-6b-32k", {"chatglm3-6b-license"}, "text"),
        ("zai-org/chatglm3-6b-128k", {"chatglm3-6b-license"}, "text"),
        ("THUDM/chatglm2-6b-32k", {"chatglm2-6b-license"}, "text"),
        ("zai-org/glm-4-9b-chat-1m", {"glm-4"}, "text"),
        ("THUDM/GLM-4-32B-Base-0414", {"mit"}, "text"),
        ("zai-org/GLM-Z1-32B-0414", {"mit"}, "text"),
        ("THUDM/GLM-Z1-Rumination-32B-0414", {"mit"}, "text"),
        ("THUDM/GLM-Z1-9B-0414", {"mit"}, "text"),
        ("baichuan-inc/Baichuan2-7B-Base", {"baichuan2-community-license"}, "text"),
        ("baichuan-inc/Baichuan2-13B-Base", {"baichuan2-community-license"}, "text"),
        ("baichuan-inc/Baichuan2-7B-Chat-4bits", {"baichuan2-community-license"}, "text"),
        ("baichuan-inc/Baichuan2-13B-Chat-4bits", {"baichuan2-community-license"}, "text"),
        ("ai21labs/AI21-Jamba-1.5-Mini", {"jamba-open-model-license"}, "text"),
        ("ai21labs/AI21-Jamba-Mini-1.6", {"jamba-open-model-license"}, "text"),
        ("CohereLabs/command-a-reasoning-08-2025", {"cc-by-nc-4.0"}, "text"),
        ("CohereForAI/aya-vision-32b", {"cc-by-nc-4.0"}, "multimodal"),
        ("bigscience/bloom-1b1", {"bigscience-bloom-rail-1.0"}, "text"),
        ("bigscience/bloom-3b", {"bigscience-bloom-rail-1.0"}, "text"),
        ("bigscience/T0", {"apache-2.0"}, "text"),
        ("EleutherAI/llemma_34b", {"llama2"}, "text"),
    ],
)
def test_sibling2_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str | None
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("bartowski/Hymba-1.5B-Instruct-GGUF", "nvidia/Hymba-1.5B-Instruct"),
        ("mlx-community/GLM-Z1-9B-0414-4bit", "THUDM/GLM-Z1-9B-0414"),
    ],
)
def test_a_reupload_of_a_sibling2_inherits_it(spec: str, original: str) -> None:
    assert_inherits(spec, original)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("OpenGVLab/InternVL2-4B", "allowed"),  # (MIT over the MIT Phi-3-mini language model)
        (
            "OpenGVLab/InternVL2-26B",
            "unknown",
        ),  # (InternLM weights licence of the language model: recorded, not encoded)
        ("OpenGVLab/InternVL2_5-78B", "unknown"),  # (Qwen licence: recorded, not encoded)
        ("microsoft/GRIN-MoE", "allowed"),  # (MIT)
        ("01-ai/Yi-9B", "allowed"),  # (Apache-2.0 after the 2024 relicensing)
        ("nvidia/Llama-3.1-Minitron-4B-Width-Base", "conditional"),  # (NVIDIA Open Model License + Llama 3.1)
        ("THUDM/GLM-Z1-32B-0414", "allowed"),  # (MIT)
        ("THUDM/chatglm3-6b-32k", "unknown"),  # (ChatGLM3-6B licence: recorded, not encoded)
        ("CohereLabs/command-a-reasoning-08-2025", "forbidden"),
        ("EleutherAI/llemma_34b", "conditional"),  # (Llama 2 through Code Llama 34B)  # (CC-BY-NC-4.0)
    ],
)
def test_sibling2_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)
