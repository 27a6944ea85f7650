"""More community derivatives (catalog/derivatives-more.yaml): fine-tunes, abliterated and role-play models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_inherits, assert_resolves

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


# Models that once resolved to nothing: the licences the CLI reports (declared plus inherited through the base).
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("allenai/Llama-3.1-Tulu-3-8B-DPO", {"llama3.1"}, "text"),
        ("allenai/Llama-3.1-Tulu-3-8B-RM", {"llama3.1"}, "text"),  # (no tag read: Llama 3.1 base)
        ("nvidia/Llama-3.1-Nemotron-70B-Reward-HF", {"llama3.1"}, "text"),
        ("nvidia/Llama3-ChatQA-2-8B", {"llama3"}, "text"),  # (no licence of its own: Llama 3 base)
        ("nvidia/Llama3-ChatQA-2-70B", {"llama3"}, "text"),
        ("princeton-nlp/Llama-3-Instruct-8B-SimPO", {"llama3"}, "text"),
        ("shenzhi-wang/Llama3.1-8B-Chinese-Chat", {"llama3.1"}, "text"),
        ("huihui-ai/Qwen2.5-7B-Instruct-abliterated-v2", {"apache-2.0"}, "text"),
        ("mlabonne/gemma-3-27b-it-abliterated", {"gemma"}, "multimodal"),  # (modality from the Gemma 3 base)
        ("NousResearch/DeepHermes-3-Llama-3-8B-Preview", {"llama3"}, "text"),
        ("cognitivecomputations/Dolphin3.0-Mistral-24B", {"apache-2.0"}, "text"),
        ("Sao10K/L3.3-70B-Euryale-v2.3", {"llama3", "llama3.3"}, "text"),  # (llama3 tag over Llama 3.3)
        ("TheDrummer/Cydonia-24B-v2", {"apache-2.0"}, "text"),
        ("TheDrummer/Cydonia-22B-v1", {"mrl"}, "text"),  # (Mistral Small 2409 base)
        ("TheDrummer/Big-Tiger-Gemma-27B-v1", {"gemma"}, "text"),
        ("anthracite-org/magnum-v4-22b", {"mrl"}, "text"),
        ("anthracite-org/magnum-v4-27b", {"gemma"}, "text"),
        ("abacusai/Dracarys-Llama-3.1-70B-Instruct", {"llama3", "llama3.1"}, "text"),
        ("mlabonne/Hermes-3-Llama-3.1-8B-lorablated", {"llama3", "llama3.1"}, "text"),  # (through Hermes 3)
        ("cognitivecomputations/dolphin-2.9.3-mistral-nemo-12b", {"apache-2.0"}, "text"),
        ("anthracite-org/magnum-v4-9b", {"gemma"}, "text"),
        ("Gryphe/Pantheon-RP-Pure-1.6.2-22b-Small", {"mrl"}, "text"),
        ("cyberagent/Llama-3.1-70B-Japanese-Instruct-2407", {"llama3.1"}, "text"),
        ("Bllossom/llama-3.2-Korean-Bllossom-3B", {"llama3.2"}, "text"),
        ("nvidia/Llama3-70B-SteerLM-RM", {"llama3"}, "text"),
        ("SeaLLMs/SeaLLMs-v3-7B-Chat", {"seallms"}, "text"),  # (recorded licence, not encoded)
        ("aisingapore/llama3-8b-cpt-sea-lionv2.1-instruct", {"llama3"}, "text"),
        ("tenyx/Llama3-TenyxChat-70B", {"llama3"}, "text"),
        ("RLHFlow/ArmoRM-Llama3-8B-v0.1", {"llama3"}, "text"),
        ("Writer/Palmyra-Med-70B", {"writer-open-model-license"}, "text"),  # (recorded licence, not encoded)
        ("Writer/Palmyra-Med-70B-32K", {"writer-open-model-license"}, "text"),
    ],
)
def test_more_derivatives_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("bartowski/Cydonia-24B-v2-GGUF", "TheDrummer/Cydonia-24B-v2"),
        ("mradermacher/Llama-3.1-Tulu-3-8B-DPO-GGUF", "allenai/Llama-3.1-Tulu-3-8B-DPO"),
        ("anthracite-org/magnum-v4-22b-gguf", "anthracite-org/magnum-v4-22b"),
        ("bartowski/Hermes-3-Llama-3.1-8B-lorablated-GGUF", "mlabonne/Hermes-3-Llama-3.1-8B-lorablated"),
        ("mradermacher/Palmyra-Med-70B-GGUF", "Writer/Palmyra-Med-70B"),
    ],
)
def test_a_reupload_of_a_more_derivative_inherits_it(spec: str, original: str) -> None:
    assert_inherits(spec, original)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("huihui-ai/Qwen2.5-7B-Instruct-abliterated-v2", "allowed"),  # (Apache-2.0 over Apache-2.0)
        ("Sao10K/L3.3-70B-Euryale-v2.3", "conditional"),  # (Llama 3 / 3.3 conditions)
        ("TheDrummer/Cydonia-22B-v1", "unknown"),  # (Mistral Research License: recorded, not encoded)
        ("SeaLLMs/SeaLLMs-v3-7B-Chat", "unknown"),  # (SeaLLMs License: recorded, not encoded)
        ("Writer/Palmyra-Med-70B", "unknown"),  # (Writer Open Model License: recorded, not encoded)
    ],
)
def test_more_derivatives_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)
