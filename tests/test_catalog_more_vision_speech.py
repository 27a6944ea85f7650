"""Catalog entries of the second vision/speech pass (catalog/more-vision-speech.yaml): each resolves with the
licences its card or licence text names and the modality it has, re-uploads inherit it, and the licences this
slice records resolve to an honest `unknown`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_inherits, assert_resolves
from licensecheck.catalog import lookup_model
from licensecheck.registry import find_license

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        ("stabilityai/stable-video-diffusion-img2vid-xt", {"stable-video-diffusion-nc-community"}, "multimodal"),
        ("stabilityai/stablelm-2-1_6b", {"stabilityai-ai-community"}, "text"),
        ("stabilityai/stablelm-2-zephyr-1_6b", {"sai-nc-community"}, "text"),
        ("briaai/RMBG-1.4", {"bria-rmbg-1.4"}, "multimodal"),
        ("briaai/RMBG-2.0", {"bria-rmbg-2.0"}, "multimodal"),
        ("facebook/deit-base-patch16-224", {"apache-2.0"}, "multimodal"),
        ("microsoft/swin-tiny-patch4-window7-224", {"apache-2.0"}, "multimodal"),
        ("microsoft/beit-base-patch16-224", {"apache-2.0"}, "multimodal"),
        ("hustvl/yolos-small", {"apache-2.0"}, "multimodal"),
        ("apple/mobilevit-small", {"apple-sample-code-license"}, "multimodal"),
        ("nvidia/mit-b0", {"nvidia-segformer"}, "multimodal"),
        ("nvidia/segformer-b0-finetuned-ade-512-512", {"nvidia-segformer"}, "multimodal"),
        ("microsoft/git-base", {"mit"}, "multimodal"),
        ("microsoft/kosmos-2-patch14-224", {"mit"}, "multimodal"),
        ("Salesforce/blip2-flan-t5-xl", {"mit", "apache-2.0"}, "multimodal"),  # (MIT over the Flan-T5-XL base)
        ("llava-hf/llava-onevision-qwen2-0.5b-ov-hf", {"apache-2.0"}, "multimodal"),
        ("llava-hf/llava-onevision-qwen2-7b-ov-hf", {"apache-2.0"}, "multimodal"),
        ("llava-hf/LLaVA-NeXT-Video-7B-hf", {"llama2"}, "multimodal"),
        ("playgroundai/playground-v2.5-1024px-aesthetic", {"playground-v2dot5-community"}, "multimodal"),
        ("prompthero/openjourney", {"creativeml-openrail-m"}, "multimodal"),
        # (the modified OpenRAIL-M of the card, over the SD 1.5 base's CreativeML OpenRAIL-M)
        (
            "dreamlike-art/dreamlike-photoreal-2.0",
            {"dreamlike-photoreal-2.0-license", "creativeml-openrail-m"},
            "multimodal",
        ),
        ("facebook/w2v-bert-2.0", {"mit"}, "multimodal"),
        ("facebook/wav2vec2-large-xlsr-53", {"apache-2.0"}, "multimodal"),
        ("parler-tts/parler-tts-mini-v1", {"apache-2.0"}, "multimodal"),
        # (second batch)
        ("stabilityai/StableBeluga2", {"stable-beluga-non-commercial-community", "llama2"}, "text"),
        ("stabilityai/StableBeluga-7B", {"stable-beluga-non-commercial-community", "llama2"}, "text"),
        ("PekingU/rtdetr_r50vd", {"apache-2.0"}, "multimodal"),
        ("LiheYoung/depth-anything-large-hf", {"apache-2.0"}, "multimodal"),
        ("Intel/dpt-large", {"apache-2.0"}, "multimodal"),
        ("Intel/dpt-hybrid-midas", {"apache-2.0"}, "multimodal"),
        ("laion/CLIP-ViT-bigG-14-laion2B-39B-b160k", {"mit"}, "multimodal"),
        ("PixArt-alpha/PixArt-XL-2-1024-MS", {"openrail++"}, "multimodal"),
        ("diffusers/controlnet-canny-sdxl-1.0", {"openrail++"}, "multimodal"),
        ("latent-consistency/lcm-lora-sdxl", {"openrail++"}, "multimodal"),
        ("h94/IP-Adapter", {"apache-2.0"}, "multimodal"),
        ("facebook/hubert-base-ls960", {"apache-2.0"}, "multimodal"),
        ("laion/clap-htsat-fused", {"apache-2.0"}, "multimodal"),
        ("stabilityai/stablelm-zephyr-3b", {"sai-nc-community", "cc-by-sa-4.0"}, "text"),  # (over StableLM-3B-4E1T)
        ("stabilityai/stablelm-base-alpha-7b", {"cc-by-sa-4.0"}, "text"),
        ("stabilityai/japanese-stablelm-base-alpha-7b", {"apache-2.0"}, "text"),
        ("facebook/vit-mae-base", {"apache-2.0"}, "multimodal"),
        ("lllyasviel/ControlNet", {"openrail"}, "multimodal"),
        ("openai/shap-e", {"mit"}, "multimodal"),
        ("01-ai/Yi-VL-6B", {"yi-license"}, "multimodal"),
        ("01-ai/Yi-VL-34B", {"yi-license"}, "multimodal"),
        ("llava-hf/llava-onevision-qwen2-0.5b-si-hf", {"apache-2.0"}, "multimodal"),
        ("lmms-lab/llama3-llava-next-8b", {"llama3"}, "multimodal"),  # (no tag: Llama 3 through its base)
        ("llava-hf/llama3-llava-next-8b-hf", {"llama3"}, "multimodal"),  # (through the lmms-lab original)
        ("mistral-community/pixtral-12b", {"apache-2.0"}, "multimodal"),  # (through Pixtral-12B-2409)
        ("Salesforce/blip2-opt-6.7b-coco", {"mit", "opt-175b-license"}, "multimodal"),  # (MIT over frozen OPT-6.7B)
        ("facebook/audiogen-medium", {"cc-by-nc-4.0"}, "multimodal"),
    ],
)
def test_second_pass_models_resolve_with_their_licenses_and_modality(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    "license_id",
    [
        "stable-video-diffusion-nc-community",
        "bria-rmbg-1.4",
        "bria-rmbg-2.0",
        "nvidia-segformer",
        "playground-v2dot5-community",
        "dreamlike-photoreal-2.0-license",
        "stable-beluga-non-commercial-community",
    ],
)
def test_the_licenses_this_slice_records_resolve(license_id: str) -> None:
    assert find_license(license_id) is not None


@pytest.mark.parametrize(
    ("license_name", "license_id"),
    [
        ("NVIDIA Source Code License for SegFormer", "nvidia-segformer"),
        ("Playground v2.5 Community License", "playground-v2dot5-community"),
        ("STABLE BELUGA NON-COMMERCIAL COMMUNITY LICENSE AGREEMENT", "stable-beluga-non-commercial-community"),
    ],
)
def test_the_recorded_licenses_resolve_from_their_names(license_name: str, license_id: str) -> None:
    found = find_license(license_name)
    assert found is not None and found.id == license_id


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("someone/RMBG-1.4-GGUF", "briaai/RMBG-1.4"),
        ("someone/parler-tts-mini-v1-GGUF", "parler-tts/parler-tts-mini-v1"),
    ],
)
def test_a_reupload_inherits_the_original(spec: str, original: str) -> None:
    assert_inherits(spec, original)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("parler-tts/parler-tts-mini-v1", "allowed"),
        ("microsoft/kosmos-2-patch14-224", "allowed"),
        ("llava-hf/LLaVA-NeXT-Video-7B-hf", "conditional"),  # (Llama 2's 700M MAU condition, --mau not given)
        ("briaai/RMBG-2.0", "unknown"),  # (BRIA licence: recorded, not encoded)
        ("nvidia/mit-b0", "unknown"),  # (SegFormer licence: recorded, not encoded)
        ("Intel/dpt-large", "allowed"),
        ("facebook/audiogen-medium", "forbidden"),  # (CC-BY-NC-4.0)
        ("stabilityai/StableBeluga2", "unknown"),  # (Stable Beluga NC licence: recorded, not encoded)
    ],
)
def test_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)


def test_a_time_series_model_has_a_license_but_no_modality(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", "amazon/chronos-bolt-base", "--use", "commercial")
    assert doc["licenses"] == ["apache-2.0"] and doc["verdict"] == "allowed"
    hit = lookup_model("amazon/chronos-bolt-base")
    assert hit is not None and hit.modality is None


def test_the_sdxl_controlnet_is_based_on_sdxl_not_on_the_sd15_its_card_names() -> None:
    hit = lookup_model("diffusers/controlnet-canny-sdxl-1.0")
    assert hit is not None and hit.bases == ("stabilityai/stable-diffusion-xl-base-1.0",)
