"""audit slice (catalog/audit.yaml): popular ids an audit of real ids found answering `unknown`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_resolves

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("stabilityai/stable-diffusion-2-1-base", {"openrail++"}, "multimodal"),
        ("stabilityai/stable-diffusion-3-medium-diffusers", {"stabilityai-ai-community"}, "multimodal"),
        ("stabilityai/sd-turbo", {"sai-nc-community", "openrail++"}, "multimodal"),
        ("NousResearch/Hermes-2-Pro-Llama-3-8B", {"apache-2.0", "llama3"}, "text"),  # (Apache label over Llama 3)
        ("NousResearch/Hermes-2-Theta-Llama-3-8B", {"apache-2.0", "llama3"}, "text"),
        ("cognitivecomputations/dolphin-2.9.1-yi-1.5-34b", {"apache-2.0"}, "text"),
        ("mattshumer/Reflection-Llama-3.1-70B", {"llama3.1"}, "text"),
        ("lmsys/longchat-7b-v1.5-32k", {"llama2"}, "text"),
        ("HuggingFaceH4/mistral-7b-sft-beta", {"mit", "apache-2.0"}, "text"),
        ("Salesforce/xgen-7b-8k-inst", {"cc-by-nc-4.0", "apache-2.0"}, "text"),
        ("BAAI/bge-en-icl", {"apache-2.0"}, "text"),
        ("Lykon/DreamShaper", {"creativeml-openrail-m"}, "multimodal"),
        ("SG161222/RealVisXL_V4.0", {"openrail++"}, "multimodal"),
    ],
)
def test_audit_slice_resolves(cli_json: JsonCli, spec: str, license_ids: set[str], modality: str) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "verdict", "facts"),
    [
        ("Salesforce/xgen-7b-8k-inst", "forbidden", ()),  # (research only)
        ("NousResearch/Hermes-2-Pro-Llama-3-8B", "allowed", ("--mau", "1M")),  # (Llama 3 terms, under 700M users)
        ("NousResearch/Hermes-2-Pro-Llama-3-8B", "needs-permission", ("--mau", "900M")),
        ("cognitivecomputations/dolphin-2.9.1-yi-1.5-34b", "allowed", ()),
    ],
)
def test_audit_slice_commercial(cli_json: JsonCli, spec: str, verdict: str, facts: tuple[str, ...]) -> None:
    assert_commercial(cli_json, spec, verdict, *facts)
