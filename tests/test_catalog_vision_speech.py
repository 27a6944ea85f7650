"""Catalog entries for vision, vision-language, speech/audio and image/video generation models
(catalog/vision-speech.yaml): each resolves with the licences its card or licence text names, is multimodal,
and re-uploads inherit it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_inherits, assert_resolves
from licensecheck.catalog import lookup_model
from licensecheck.registry import find_license

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


@pytest.mark.parametrize(
    ("spec", "license_ids"),
    [
        ("Salesforce/blip2-opt-2.7b", {"mit", "opt-175b-license"}),  # (MIT Q-Former over frozen OPT-2.7B weights)
        ("facebook/wav2vec2-base", {"apache-2.0"}),
        ("facebook/hubert-large-ll60k", {"apache-2.0"}),
        ("facebook/dino-vitb16", {"apache-2.0"}),
        ("facebook/sam-vit-large", {"apache-2.0"}),
        ("facebook/detr-resnet-101", {"apache-2.0"}),
        ("Qwen/Qwen-VL-Chat", {"tongyi-qianwen"}),
        ("THUDM/glm-4v-9b", {"glm-4"}),
        ("THUDM/cogvlm2-llama3-chat-19B", {"cogvlm2", "llama3"}),  # (CogVLM licence over Llama 3 8B Instruct)
        ("THUDM/CogVideoX-5b", {"cogvideox-license"}),
        ("THUDM/CogVideoX-2b", {"apache-2.0"}),
        ("depth-anything/Depth-Anything-V2-Small-hf", {"apache-2.0"}),
        ("depth-anything/Depth-Anything-V2-Base-hf", {"cc-by-nc-4.0"}),
        ("OpenGVLab/InternVL3-8B", {"mit"}),
        ("OpenGVLab/InternVL3_5-8B", {"apache-2.0"}),
        ("openbmb/MiniCPM-Llama3-V-2_5", {"minicpm-model-license", "llama3"}),
        ("openbmb/MiniCPM-V-4", {"minicpm-model-license"}),
        ("deepseek-ai/Janus-Pro-7B", {"deepseek"}),
        ("Wan-AI/Wan2.1-T2V-14B", {"apache-2.0"}),
        ("Wan-AI/Wan2.2-T2V-A14B", {"apache-2.0"}),
        ("Wan-AI/Wan2.2-TI2V-5B", {"apache-2.0"}),  # (the family pattern)
        ("Kwai-Kolors/Kolors", {"kolors"}),
        ("hexgrad/Kokoro-82M", {"apache-2.0"}),
        ("suno/bark", {"mit"}),
        ("suno/bark-small", {"mit"}),
        ("coqui/XTTS-v2", {"coqui-public-model-license"}),
        ("myshell-ai/OpenVoice", {"mit"}),
        ("fishaudio/fish-speech-1.5", {"cc-by-nc-sa-4.0"}),
        ("Ultralytics/YOLOv8", {"agpl-3.0"}),
        ("Ultralytics/YOLO11", {"agpl-3.0"}),
        ("liuhaotian/llava-v1.6-34b", {"apache-2.0"}),
        ("llava-hf/llava-v1.6-34b-hf", {"apache-2.0"}),  # (no tag of its own: the original's terms flow through)
        ("llava-hf/llava-1.5-13b-hf", {"llama2"}),  # (no tag: Llama 2 through the Vicuna 13B base)
        ("facebook/dinov3-vitb16-pretrain-lvd1689m", {"dinov3-license"}),  # (the family pattern)
        ("facebook/mms-tts-eng", {"cc-by-nc-4.0"}),
        ("facebook/mms-tts-fra", {"cc-by-nc-4.0"}),  # (the family pattern)
        ("facebook/mms-300m", {"cc-by-nc-4.0"}),
        ("HuggingFaceM4/idefics2-8b", {"apache-2.0"}),
        ("HuggingFaceM4/idefics-80b-instruct", {"mit", "llama1-research-license"}),  # (MIT over frozen LLaMA 65B)
        ("laion/CLIP-ViT-H-14-laion2B-s32B-b79K", {"mit"}),
        ("ByteDance/SDXL-Lightning", {"openrail++"}),
        ("microsoft/table-transformer-detection", {"mit"}),
        ("google/owlvit-base-patch32", {"apache-2.0"}),
        ("IDEA-Research/grounding-dino-tiny", {"apache-2.0"}),
        ("pyannote/speaker-diarization-3.1", {"mit"}),
        ("pyannote/segmentation-3.0", {"mit"}),
        ("speechbrain/spkrec-ecapa-voxceleb", {"apache-2.0"}),
        ("jonatasgrosman/wav2vec2-large-xlsr-53-english", {"apache-2.0"}),
        ("timm/resnet50.a1_in1k", {"apache-2.0"}),
        ("timm/vit_base_patch16_224.augreg2_in21k_ft_in1k", {"apache-2.0"}),
    ],
)
def test_vision_and_speech_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str]
) -> None:
    assert_resolves(cli_json, spec, license_ids, "multimodal")


@pytest.mark.parametrize(
    "license_id",
    [
        "cogvlm2",
        "cogvideox-license",
        "coqui-public-model-license",
        "kolors",
        "dinov3-license",
        "llama1-research-license",
    ],
)
def test_the_licenses_this_slice_records_resolve(license_id: str) -> None:
    assert find_license(license_id) is not None


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("bartowski/Kokoro-82M-GGUF", "hexgrad/Kokoro-82M"),
        ("someone/Janus-Pro-7B-GGUF", "deepseek-ai/Janus-Pro-7B"),
    ],
)
def test_a_reupload_inherits_the_original(spec: str, original: str) -> None:
    assert_inherits(spec, original)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("hexgrad/Kokoro-82M", "allowed"),
        ("Wan-AI/Wan2.1-T2V-14B", "allowed"),
        ("depth-anything/Depth-Anything-V2-Base-hf", "forbidden"),  # (CC-BY-NC-4.0)
        ("coqui/XTTS-v2", "unknown"),  # (CPML: recorded, not encoded)
        ("Salesforce/blip2-opt-2.7b", "unknown"),
        ("llava-hf/llava-1.5-13b-hf", "conditional"),  # (Llama 2's 700M MAU condition, --mau not given)
        ("facebook/mms-tts-eng", "forbidden"),  # (the OPT-175B licence of the frozen LLM is not encoded)
    ],
)
def test_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)


def test_the_cogvideox_2b_sibling_is_not_taken_for_the_5b() -> None:
    hit = lookup_model("THUDM/CogVideoX-2b")
    assert hit is not None and hit.licenses == ("apache-2.0",)


def test_dinov2_stays_apache_while_dinov3_has_its_own_license() -> None:
    v2 = lookup_model("facebook/dinov2-base")
    v3 = lookup_model("facebook/dinov3-vitl16-pretrain-lvd1689m")
    assert v2 is not None and v2.licenses == ("apache-2.0",)
    assert v3 is not None and v3.licenses == ("dinov3-license",)


@pytest.mark.parametrize("spec", ["amazon/chronos-t5-small", "amazon/chronos-t5-large"])
def test_a_time_series_model_has_a_license_but_no_modality(cli_json: JsonCli, spec: str) -> None:
    _, doc = cli_json("model", spec, "--use", "commercial")
    assert doc["licenses"] == ["apache-2.0"] and doc["verdict"] == "allowed"
    assert lookup_model(spec) is not None and lookup_model(spec).modality is None  # type: ignore[union-attr]


def test_fasttext_language_id_is_a_non_commercial_text_model(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "facebook/fasttext-language-identification", "--use", "commercial")
    assert doc["licenses"] == ["cc-by-nc-4.0"] and doc["verdict"] == "forbidden"
    assert doc["facts"]["modality"] == "text"
