"""`licensecheck model PATH`: cards, LICENSE files, adapter configs, lineage, and malformed input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

FIXTURES = Path(__file__).parent / "fixtures" / "models"
JsonCli = Callable[..., tuple[int, dict[str, Any]]]


def folder(name: str) -> str:
    return str(FIXTURES / name)


def test_card_declaring_apache_over_a_llama_base_inherits_llama(cli_json: JsonCli) -> None:
    code, doc = cli_json("model", folder("apache-over-llama"), "--use", "commercial", "--mau", "900M")
    assert doc["verdict"] == "needs-permission" and code == 1
    assert doc["licenses"] == ["apache-2.0", "llama3.1"]
    assert [step["model"] for step in doc["lineage"]][1] == "meta-llama/Llama-3.1-8B-Instruct"
    assert any("does not let derivatives carry other terms" in w for w in doc["warnings"])
    assert any(e["source"] == "card" and e.get("line") == 2 for e in doc["evidence"])


def test_lineage_is_shown_in_text(cli: Callable[..., Result]) -> None:
    result = cli("model", folder("apache-over-llama"), "--use", "commercial", "--mau", "1M")
    assert result.exit_code == 0
    assert "(declares apache-2.0) → meta-llama/Llama-3.1-8B-Instruct (llama3.1)" in result.stdout
    assert "warning:" in result.stdout


def test_license_other_resolves_through_license_name(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("other-license-name"), "--use", "commercial")
    assert doc["licenses"] == ["nvidia-open-model-license"]
    assert doc["verdict"] == "allowed"


def test_license_other_resolves_through_license_link(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("other-link-only"), "--use", "commercial")
    assert doc["licenses"] == ["gemma"]


def test_license_file_identified_by_its_release_date_line(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("license-file-only"), "--use", "commercial", "--mau", "1M", "--region", "US")
    assert doc["licenses"] == ["llama3.2"]
    assert doc["verdict"] == "allowed"
    assert doc["evidence"][0]["source"] == "license-file"


def test_modified_mit_is_not_plain_mit(cli_json: JsonCli) -> None:
    code, doc = cli_json("model", folder("license-md-kimi"), "--use", "commercial")
    assert doc["licenses"] == ["modified-mit"]
    assert doc["verdict"] == "unknown" and code == 1


def test_adapter_config_names_the_base(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("adapter-only"), "--use", "distillation", "--target", "mistralai/Mistral-7B-v0.1")
    assert doc["licenses"] == ["llama3"]
    assert doc["verdict"] == "forbidden"
    assert any(e["source"] == "adapter-config" for e in doc["evidence"])


def test_folder_with_only_a_base_is_judged_by_the_base(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("base-only"), "--use", "commercial")
    assert doc["licenses"] == ["gemma"]
    assert doc["verdict"] == "allowed"


def test_no_license_anywhere_is_unknown(cli_json: JsonCli, cli: Callable[..., Result]) -> None:
    code, doc = cli_json("model", folder("no-license"), "--use", "commercial")
    assert doc["verdict"] == "unknown" and code == 1
    assert doc["licenses"] == []


def test_multimodal_card_under_llama32_in_the_eu(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("vision-finetune"), "--use", "commercial", "--mau", "1M", "--region", "DE")
    assert doc["verdict"] == "forbidden"
    assert doc["facts"]["modality"] == "multimodal"


def test_recorded_but_unencoded_license_is_an_honest_unknown(cli_json: JsonCli) -> None:
    code, doc = cli_json("model", folder("unencoded-license"), "--use", "commercial")
    assert doc["verdict"] == "unknown" and code == 1
    assert doc["licenses"] == ["qwen"]
    assert "not encoded" in doc["results"][0]["reason"]


def test_two_declared_licenses_both_apply(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("two-licenses"), "--use", "relicensing", "--target", "apache-2.0")
    assert doc["licenses"] == ["llama3.1", "gemma"]
    assert {r["license"] for r in doc["results"]} == {"llama3.1", "gemma"}
    assert doc["verdict"] == "forbidden"


def test_base_model_cycle_is_cut(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("cycle-a"), "--use", "commercial")
    assert doc["licenses"] == ["mit"]
    assert any("cycle" in w for w in doc["warnings"])


def test_card_file_given_directly(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", str(FIXTURES / "other-link-only" / "README.md"), "--use", "commercial")
    assert doc["licenses"] == ["gemma"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed-yaml", "README.md:"),
        ("unterminated", "never closed"),
        ("front-matter-list", "must be a mapping"),
        ("wrong-type", "'license' must be a string or a list of strings"),
        ("base-dict", "'base_model'"),
        ("binary-readme", "binary"),
        ("not-utf8", "UTF-8"),
        ("alias-bomb", "aliases"),
    ],
)
def test_malformed_input_is_one_line_and_exit_2(cli: Callable[..., Result], name: str, message: str) -> None:
    result = cli("model", folder(name), "--use", "commercial", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_is_an_input_error(cli: Callable[..., Result]) -> None:
    result = cli("model", "./does/not/exist", "--use", "commercial")
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_malformed_yaml_error_names_the_line(cli: Callable[..., Result]) -> None:
    result = cli("model", folder("malformed-yaml"), "--format", "json")
    assert ":3:" in result.stderr or ":4:" in result.stderr, result.stderr


def test_license_file_that_contradicts_the_card_also_applies(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("license-file-contradicts-card"), "--use", "commercial", "--mau", "900M")
    assert doc["licenses"] == ["apache-2.0", "llama3.1"]
    assert doc["verdict"] == "needs-permission"
    assert any("LICENSE is the Llama 3.1" in w and "both are taken to apply" in w for w in doc["warnings"])


def test_license_file_settles_an_unrecognised_license_name(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("custom-name-with-license-file"), "--use", "commercial")
    assert doc["licenses"] == ["gemma"]
    assert doc["verdict"] == "allowed"


def test_license_link_to_a_catalog_models_license_file(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("link-to-hub-license"), "--use", "commercial", "--mau", "1M", "--region", "US")
    assert doc["licenses"] == ["llama3.2"]
    assert doc["verdict"] == "allowed"


def test_spdx_expression_in_a_card_names_every_license(cli_json: JsonCli) -> None:
    _, doc = cli_json("model", folder("spdx-expression"), "--use", "commercial", "--mau", "1M")
    assert doc["licenses"] == ["apache-2.0", "llama3.1"]


def test_a_base_the_catalog_does_not_know_makes_the_answer_unknown(cli_json: JsonCli) -> None:
    code, doc = cli_json("model", folder("unknown-base"), "--use", "commercial")
    assert doc["verdict"] == "unknown" and code == 1
    assert doc["licenses"] == ["mit", "unknown"]
    assert any("someorg/llama-3.1-8b-internal-sft" in r["reason"] for r in doc["results"])


def _card(tmp_path: Path, name: str, front_matter: str) -> str:
    path = tmp_path / name
    path.mkdir()
    (path / "README.md").write_text(f"---\n{front_matter}---\n# {name}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("base", "pipeline"),
    [
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "text-generation"),
        ("meta-llama/Llama-3.2-11B-Vision-Instruct", "text-generation"),
        ("meta-llama/Llama-3.2-11B-Vision-Instruct", "text2text-generation"),
    ],
)
def test_a_text_tagged_derivative_of_a_multimodal_release_is_withheld_in_the_eu(
    cli_json: JsonCli, tmp_path: Path, base: str, pipeline: str
) -> None:
    license_id = "llama4" if "Llama-4" in base else "llama3.2"
    card = _card(tmp_path, "gguf", f"license: {license_id}\npipeline_tag: {pipeline}\nbase_model: {base}\n")
    _, doc = cli_json("model", card, "--use", "commercial", "--mau", "1M", "--region", "DE")
    assert doc["verdict"] == "forbidden"
    assert doc["facts"]["modality"] == "multimodal"
    assert any(e["detail"].startswith("multimodal: ") and base in e["detail"] for e in doc["evidence"])
    _, outside = cli_json("model", card, "--use", "commercial", "--mau", "1M", "--region", "US")
    assert outside["verdict"] == "allowed"


def test_a_text_model_over_a_text_base_stays_text(cli_json: JsonCli, tmp_path: Path) -> None:
    card = _card(
        tmp_path, "ft", "license: llama3.2\npipeline_tag: text-generation\nbase_model: meta-llama/Llama-3.2-3B\n"
    )
    _, doc = cli_json("model", card, "--use", "commercial", "--mau", "1M", "--region", "DE")
    assert doc["verdict"] == "allowed" and doc["facts"]["modality"] == "text"


def test_a_publisher_s_later_license_version_supersedes_its_own_base_s(cli_json: JsonCli) -> None:
    model = "meta-llama/Llama-3.3-70B-Instruct"
    _, doc = cli_json("model", model, "--use", "relicensing", "--target", "llama3.3", "--mau", "1M")
    assert doc["licenses"] == ["llama3.3"] and doc["verdict"] == "allowed"
    assert [step["model"] for step in doc["lineage"]] == [model, "meta-llama/Llama-3.1-70B"]  # (still shown)
    assert any("llama3.1 no longer applies" in e["detail"] for e in doc["evidence"])
    _, older = cli_json("model", model, "--use", "relicensing", "--target", "llama3.1", "--mau", "1M")
    assert older["verdict"] == "forbidden"


def test_another_publisher_s_derivative_keeps_its_base_s_license(cli_json: JsonCli, tmp_path: Path) -> None:
    card = _card(tmp_path, "ft", "license: llama3.3\nbase_model: meta-llama/Llama-3.1-70B\n")
    _, doc = cli_json("model", card, "--use", "relicensing", "--target", "llama3.3", "--mau", "1M")
    assert doc["licenses"] == ["llama3.3", "llama3.1"] and doc["verdict"] == "forbidden"
    card = _card(tmp_path, "ft33", "license: llama3.3\nbase_model: meta-llama/Llama-3.3-70B-Instruct\n")
    _, doc = cli_json("model", card, "--use", "relicensing", "--target", "llama3.3", "--mau", "1M")
    assert doc["licenses"] == ["llama3.3"] and doc["verdict"] == "allowed"


@pytest.mark.parametrize(
    ("files", "base"),
    [
        ({"README.md": "---\nlicense: apache-2.0\nbase_model: ./nonexistent-base\n---\n"}, "./nonexistent-base"),
        ({"adapter_config.json": '{"base_model_name_or_path": "/home/trainer/ckpt/base"}'}, "/home/trainer/ckpt/base"),
    ],
)
def test_a_base_path_that_is_not_here_makes_the_answer_unknown(
    cli_json: JsonCli, tmp_path: Path, files: dict[str, str], base: str
) -> None:
    folder = tmp_path / "downloaded"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    code, doc = cli_json("model", str(folder), "--use", "commercial")
    assert code == 1 and doc["verdict"] == "unknown"
    assert any(base in w and "license terms are unknown" in w for w in doc["warnings"])


@pytest.mark.parametrize("config", ["[1, 2]", '"org/x"', "null"])
def test_an_adapter_config_that_is_no_object_is_an_input_error(
    cli: Callable[..., Result], tmp_path: Path, config: str
) -> None:
    (tmp_path / "adapter_config.json").write_text(config, encoding="utf-8")
    result = cli("model", str(tmp_path), "--use", "commercial")
    assert result.exit_code == 2
    assert "adapter config must be a JSON object" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_unrecognised_license_file_is_named_in_the_warning(cli_json: JsonCli, tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text("Some proprietary license. All rights reserved.\n", encoding="utf-8")
    code, doc = cli_json("model", str(tmp_path), "--use", "commercial")
    assert code == 1 and doc["verdict"] == "unknown"
    assert any("is not one licensecheck recognises" in w and "LICENSE" in w for w in doc["warnings"])
    assert not any(w.startswith("no license found") for w in doc["warnings"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MIT License\n", "mit"),
        ("The MIT License (MIT)\n\nCopyright (c) 2024 Someone\n", "mit"),
        ("Apache License 2.0\n", "apache-2.0"),
        ("# Apache License\n## Version 2.0\n", "apache-2.0"),
        ("SPDX-License-Identifier: Apache-2.0\n", "apache-2.0"),
        ("**CC BY-NC 4.0**\n", "cc-by-nc-4.0"),
        ("Licensed by NVIDIA Corporation under the NVIDIA Open Model License\n", "nvidia-open-model-license"),
        ("Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc.\n", "llama3.1"),
        ('Copyright 2024 Someone\n\nLicensed under the Apache License, Version 2.0 (the "License");\n', "apache-2.0"),
        ("https://ai.google.dev/gemma/terms\n", "gemma"),
    ],
)
def test_a_license_file_that_only_names_its_license_is_recognised(
    tmp_path: Path, cli_json: JsonCli, text: str, expected: str
) -> None:
    (tmp_path / "README.md").write_text("# A model\n")
    (tmp_path / "LICENSE").write_text(text)
    _, doc = cli_json("model", str(tmp_path), "--use", "research")
    assert doc["licenses"] == [expected]
    assert doc["evidence"][0]["source"] == "license-file"


@pytest.mark.parametrize(
    "text",
    [
        "Copyright (c) 2024 Someone\nAll rights reserved.\n",
        "Custom terms. Portions are licensed under the Apache License 2.0 but the weights are not.\n",
        "Our own license\n\n" + "You may not use this model.\n" * 6 + "The MIT License does not apply.\n",
    ],
)
def test_a_license_file_that_names_no_license_at_its_top_stays_unrecognised(
    tmp_path: Path, cli_json: JsonCli, text: str
) -> None:
    (tmp_path / "README.md").write_text("# A model\n")
    (tmp_path / "LICENSE").write_text(text)
    code, doc = cli_json("model", str(tmp_path), "--use", "research")
    assert doc["licenses"] == [] and doc["verdict"] == "unknown" and code == 1


@pytest.mark.parametrize(
    "raw",
    [
        "MIT License\n\nCopyright © 2024 Someone\n".encode("cp1252"),
        "MIT License\n\nPermission is hereby granted, free of charge\n".encode("utf-16"),
        b"\x7fELF\x00\x00\x01\x02",
    ],
    ids=["cp1252", "utf16", "binary"],
)
def test_a_license_file_that_cannot_be_read_leaves_the_card_s_license_standing(
    tmp_path: Path, cli_json: JsonCli, raw: bytes
) -> None:
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n# A model\n")
    (tmp_path / "LICENSE").write_bytes(raw)
    code, doc = cli_json("model", str(tmp_path), "--use", "commercial")
    assert doc["licenses"] == ["mit"] and doc["verdict"] == "allowed" and code == 0
    if raw.startswith(b"\x7fELF"):
        assert any("LICENSE not read" in warning for warning in doc["warnings"])


def test_a_utf16_card_is_read(tmp_path: Path, cli_json: JsonCli) -> None:
    (tmp_path / "README.md").write_bytes("---\nlicense: cc-by-nc-4.0\n---\n# A model\n".encode("utf-16"))
    _, doc = cli_json("model", str(tmp_path), "--use", "commercial")
    assert doc["licenses"] == ["cc-by-nc-4.0"] and doc["verdict"] == "forbidden"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"Apache-2.0, MIT"', ["apache-2.0", "mit"]),
        ("mit/apache-2.0", ["mit", "apache-2.0"]),
        ("cc-by-nc-4.0; apache-2.0", ["cc-by-nc-4.0", "apache-2.0"]),
        ('"Apache License, Version 2.0"', ["apache-2.0"]),
        ("apache", ["apache-2.0"]),
        ("dbrx", ["databricks-open-model-license"]),
        ("llama3.1-community", ["llama3.1"]),
        ("gemma-license", ["gemma"]),
    ],
)
def test_card_license_values_as_people_write_them(
    tmp_path: Path, cli_json: JsonCli, value: str, expected: list[str]
) -> None:
    (tmp_path / "README.md").write_text(f"---\nlicense: {value}\n---\n")
    _, doc = cli_json("model", str(tmp_path), "--use", "research")
    assert doc["licenses"] == expected


@pytest.mark.parametrize("front", ["pipeline_tag: Image-Text-to-Text", "tags: [mllama]"])
def test_multimodal_card_markers_in_any_case(tmp_path: Path, cli_json: JsonCli, front: str) -> None:
    (tmp_path / "README.md").write_text(f"---\nlicense: llama3.2\n{front}\n---\n")
    code, doc = cli_json("model", str(tmp_path), "--use", "commercial", "--mau", "1M", "--region", "DE")
    assert doc["verdict"] == "forbidden" and code == 1


def test_a_large_card_is_read_for_its_front_matter(
    tmp_path: Path, cli_json: JsonCli, cli: Callable[..., Result]
) -> None:
    image = "![chart](data:image/png;base64," + "A" * 1_500_000 + ")\n"
    (tmp_path / "README.md").write_text("---\nlicense: cc-by-nc-4.0\n---\n# A model\n\n" + image)
    _, doc = cli_json("model", str(tmp_path), "--use", "commercial")
    assert doc["licenses"] == ["cc-by-nc-4.0"] and doc["verdict"] == "forbidden"
    (tmp_path / "README.md").write_text("---\nlicense: mit\n# " + "A" * 1_500_000 + "\n---\n")
    result = cli("model", str(tmp_path))
    assert result.exit_code == 2 and "larger than" in result.stderr
