"""The NLP slice of the catalog (catalog/nlp.yaml): encoders, embeddings, rerankers, translation, seq2seq."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from catalog_checks import assert_commercial, assert_resolves
from licensecheck.catalog import lookup_model

JsonCli = Callable[..., tuple[int, dict[str, Any]]]


# Widely used NLP models that once resolved to nothing: the licences the CLI reports (declared plus inherited).
@pytest.mark.parametrize(
    ("spec", "license_ids", "modality"),
    [
        # OPUS-MT: most pairs declare Apache-2.0, some were relicensed to CC-BY-4.0 (no org-wide pattern)
        ("Helsinki-NLP/opus-mt-en-de", {"cc-by-4.0"}, "text"),
        ("Helsinki-NLP/opus-mt-de-en", {"apache-2.0"}, "text"),
        ("Helsinki-NLP/opus-mt-zh-en", {"cc-by-4.0"}, "text"),
        ("Helsinki-NLP/opus-mt-en-ROMANCE", {"apache-2.0"}, "text"),
        ("Helsinki-NLP/opus-mt-tc-big-en-fr", {"cc-by-4.0"}, "text"),
        ("opus-mt-mul-en", {"apache-2.0"}, "text"),  # (the bare repo name)
        ("BAAI/bge-large-en", {"mit"}, "text"),
        ("BAAI/bge-small-en", {"mit"}, "text"),
        ("sentence-transformers/paraphrase-mpnet-base-v2", {"apache-2.0"}, "text"),
        ("sentence-transformers/gtr-t5-base", {"apache-2.0"}, "text"),
        ("cross-encoder/ms-marco-TinyBERT-L-2-v2", {"apache-2.0"}, "text"),
        ("cross-encoder/nli-deberta-v3-base", {"apache-2.0", "mit"}, "text"),  # (Apache over DeBERTa-v3, MIT)
        ("deepset/roberta-base-squad2", {"cc-by-4.0"}, "text"),
        ("deepset/deberta-v3-large-squad2", {"cc-by-4.0", "mit"}, "text"),
        ("dslim/bert-large-NER", {"mit"}, "text"),
        ("dslim/distilbert-NER", {"apache-2.0"}, "text"),
        ("facebook/m2m100_1.2B", {"mit"}, "text"),
        ("facebook/mbart-large-50-many-to-many-mmt", {"mit"}, "text"),  # (no licence on its card: its base's)
        ("facebook/nllb-moe-54b", {"cc-by-nc-4.0"}, "text"),
        ("facebook/dpr-question_encoder-single-nq-base", {"cc-by-nc-4.0"}, "text"),
        ("FacebookAI/xlm-mlm-en-2048", {"cc-by-nc-4.0"}, "text"),
        ("facebook/blenderbot-400M-distill", {"apache-2.0"}, "text"),
        ("google/madlad400-3b-mt", {"apache-2.0"}, "text"),
        ("google/umt5-xxl", {"apache-2.0"}, "text"),
        ("google/tapas-base-finetuned-wtq", {"apache-2.0"}, "text"),
        ("microsoft/DialoGPT-medium", {"mit"}, "text"),
        ("microsoft/layoutlmv3-base", {"cc-by-nc-sa-4.0"}, "multimodal"),  # (document images)
        ("microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract-fulltext", {"mit"}, "text"),  # (the old repo name)
        ("MoritzLaurer/DeBERTa-v3-base-mnli-fever-anli", {"mit"}, "text"),
        ("Salesforce/codet5-base", {"apache-2.0"}, "text"),
        ("Salesforce/codet5p-220m", {"bsd-3-clause"}, "text"),  # (CodeT5+ is BSD-3-Clause, unlike CodeT5)
        ("camembert-base", {"mit"}, "text"),  # (the bare legacy id)
        ("Jean-Baptiste/camembert-ner", {"mit"}, "text"),
        ("Unbabel/wmt22-comet-da", {"apache-2.0"}, "text"),
        ("emilyalsentzer/Bio_ClinicalBERT", {"mit"}, "text"),
        ("nlpaueb/legal-bert-base-uncased", {"cc-by-sa-4.0"}, "text"),
        ("sshleifer/distilbart-cnn-12-6", {"apache-2.0"}, "text"),
        ("ai4bharat/indictrans2-en-indic-1B", {"mit"}, "text"),
        ("AI4Bharat/indictrans2-en-indic-1B", {"mit"}, "text"),  # (ids are case-insensitive)
        # no licence on the card: the base's terms are what the CLI can name
        ("ProsusAI/finbert", {"apache-2.0"}, "text"),
        ("j-hartmann/emotion-english-distilroberta-base", {"apache-2.0", "mit"}, "text"),
        ("lllyasviel/control_v11p_sd15_canny", {"openrail", "creativeml-openrail-m"}, "multimodal"),
    ],
)
def test_nlp_models_resolve_with_their_licenses(
    cli_json: JsonCli, spec: str, license_ids: set[str], modality: str
) -> None:
    assert_resolves(cli_json, spec, license_ids, modality)


@pytest.mark.parametrize(
    ("spec", "original"),
    [
        ("someone/opus-mt-en-de-GGUF", "Helsinki-NLP/opus-mt-en-de"),
        ("someone/bge-large-en-onnx", "BAAI/bge-large-en"),
        ("someone/madlad400-3b-mt-GGUF", "google/madlad400-3b-mt"),
    ],
)
def test_a_reupload_of_an_nlp_model_inherits_it(spec: str, original: str) -> None:
    hit = lookup_model(spec)
    assert hit is not None and hit.how == "name-match" and hit.bases == (original,), (spec, hit)


@pytest.mark.parametrize(
    ("spec", "verdict"),
    [
        ("Helsinki-NLP/opus-mt-de-en", "allowed"),
        ("BAAI/bge-base-en", "allowed"),
        ("deepset/roberta-base-squad2", "unknown"),  # (CC-BY-4.0: recorded, not encoded)
        ("facebook/nllb-moe-54b", "forbidden"),  # (CC-BY-NC-4.0)
        ("facebook/mbart-large-50-many-to-many-mmt", "allowed"),  # (MIT through its base)
    ],
)
def test_nlp_models_commercial_verdicts(cli_json: JsonCli, spec: str, verdict: str) -> None:
    assert_commercial(cli_json, spec, verdict)


def test_dbmdz_copies_under_google_bert_are_mit_not_the_bert_pattern() -> None:
    # the google-bert/bert-* pattern (Apache-2.0) must not label the MIT dbmdz German BERT copies
    for spec in ("google-bert/bert-base-german-dbmdz-cased", "google-bert/bert-base-german-dbmdz-uncased"):
        hit = lookup_model(spec)
        assert hit is not None and hit.how == "catalog" and hit.licenses == ("mit",), (spec, hit)


def test_opus_mt_has_no_org_wide_pattern() -> None:
    # OPUS-MT cards differ (Apache-2.0 or CC-BY-4.0): an unlisted pair stays unknown rather than guessed
    hit = lookup_model("Helsinki-NLP/opus-mt-xx-yy")
    assert hit is None or hit.how != "pattern"


def test_the_m2m100_pattern_covers_an_unlisted_checkpoint() -> None:
    hit = lookup_model("facebook/m2m100-12B-avg-10-ckpt")
    assert hit is not None and hit.how == "pattern" and hit.licenses == ("mit",)
