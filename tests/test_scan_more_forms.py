"""Forms of a model reference read end to end (``licensecheck scan`` on a small repository), each with its trap."""

from __future__ import annotations

from pathlib import Path

from licensecheck.scan.extract import command_mentions
from test_scan_support import fixed_catalog, scan_json

__all__ = ["fixed_catalog"]


def no_alias(text: str) -> bool:
    return False


def values(mentions: list) -> list[tuple[str, int]]:
    return [(m.value, m.line) for m in mentions]


def tree(root: Path, files: dict[str, str], executable: tuple[str, ...] = ()) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
        if name in executable:
            (root / name).chmod(0o755)
    return root


def scanned(root: Path) -> dict[str, list[tuple[str, int]]]:
    """What ``licensecheck scan --format json`` finds: model -> [(path, line)]."""
    code, doc, _ = scan_json(str(root), "--no-cache")
    assert code in (0, 1), doc
    return {f["model"]: [(loc["path"], loc["line"]) for loc in f["locations"]] for f in doc["findings"]}


# ---------------------------------------------------------------- shell arrays over several lines


def test_a_shell_array_over_several_lines_gives_each_item_its_line() -> None:
    text = (
        "MODELS=(\n"
        "  org/array-a   # the small one\n"
        '  "org/array-b"\n'
        "  'org/array-c' org/array-d\n"
        ")\n"
        'for m in "${MODELS[@]}"; do\n'
        '  hf download "$m"\n'
        "done\n"
    )
    assert values(command_mentions(text, no_alias)) == [
        ("org/array-a", 2),
        ("org/array-b", 3),
        ("org/array-c", 4),
        ("org/array-d", 4),
    ]


def test_an_array_closed_on_its_last_item_s_line_and_declared_arrays() -> None:
    text = 'declare -a CKPTS=(\n  org/decl-a\n  org/decl-b)\nfor c in "${CKPTS[@]}"; do vllm serve $c; done\n'
    assert values(command_mentions(text, no_alias)) == [("org/decl-a", 2), ("org/decl-b", 3)]


def test_an_array_no_command_reads_is_no_finding() -> None:
    text = 'FILES=(\n  data/a.json\n  org/not-used\n)\nfor f in "${FILES[@]}"; do cat "$f"; done\nhf download org/x\n'
    assert values(command_mentions(text, no_alias)) == [("org/x", 6)]


def test_an_unclosed_array_reads_no_further_than_the_file() -> None:
    # (bash refuses it: the rest of the file is the array's items, and no command reads them)
    text = 'MODELS=(\n  org/open-a\nfor m in "${MODELS[@]}"; do hf download "$m"; done\n'
    assert values(command_mentions(text, no_alias)) == []


def test_multi_line_arrays_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(
        tmp_path,
        {
            "scripts/fetch.sh": 'MODELS=(\n  org/e2e-array-a\n  org/e2e-array-b\n)\nfor m in "${MODELS[@]}"; do\n'
            '  huggingface-cli download "$m"\ndone\n'
        },
    )
    found = scanned(root)
    assert found["org/e2e-array-a"] == [("scripts/fetch.sh", 2)]
    assert found["org/e2e-array-b"] == [("scripts/fetch.sh", 3)]


# ---------------------------------------------------------------- variables defined in the same Makefile or script


def test_a_makefile_variable_given_to_a_command_names_its_value() -> None:
    text = (
        "CKPT = org/make-ckpt  # the served one\n"
        "REPO ?= org/make-repo\n"
        "BASE := org/make-base\n"
        "MODEL = org/make-model\n"
        "serve:\n"
        "\tvllm serve $(CKPT) --port 8000\n"
        "\thf download ${REPO}\n"
        "\tpython train.py --model $(BASE)\n"
        "\tvllm serve $(MODEL)\n"
    )
    assert values(command_mentions(text, no_alias)) == [
        ("org/make-model", 4),  # (a variable named after a model counts where it is defined, as before)
        ("org/make-ckpt", 1),
        ("org/make-repo", 2),
        ("org/make-base", 3),
    ]


def test_a_shell_variable_given_to_a_command_names_its_value() -> None:
    text = 'REPO="org/sh-repo"\nexport CKPT=org/sh-ckpt\nhf download $REPO --local-dir w\nvllm serve "${CKPT}"\n'
    assert values(command_mentions(text, no_alias)) == [("org/sh-repo", 1), ("org/sh-ckpt", 2)]


def test_variables_no_command_reads_or_that_hold_no_model_are_no_finding() -> None:
    text = (
        "DATA = data/train.json\n"
        "OUT = org/not-read\n"
        "WORDS = org/a org/b\n"
        "all:\n"
        "\thf download $(DATA)\n"
        "\tcp $(OUT) /tmp\n"
        "\techo vllm serve $(OUT)\n"
        "\tvllm serve $(UNDEFINED)\n"
        "\tvllm serve $(WORDS)\n"
        "\tvllm serve $(shell cat model.txt)\n"
    )
    assert values(command_mentions(text, no_alias)) == []


def test_a_variable_defined_by_itself_does_not_loop() -> None:
    text = "A = $(B)\nB = $(A)\nC = $(C)\nvllm serve $(A)\nvllm serve $(C)\n"
    assert values(command_mentions(text, no_alias)) == []


def test_makefile_variables_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(tmp_path, {"Makefile": "SERVED ?= org/e2e-served\n\nserve:\n\tvllm serve $(SERVED) --port 8000\n"})
    assert scanned(root)["org/e2e-served"] == [("Makefile", 1)]


def test_an_array_s_items_are_no_commands_whatever_else_the_file_holds() -> None:
    # (no variable anywhere: the array is still read as one, as bash does, and the same with any line breaks)
    text = "M=(\n  vllm serve org/item\n)\nvllm serve org/real\n"
    assert values(command_mentions(text, no_alias)) == [("org/real", 4)]
    assert values(command_mentions(text.replace("\n", "\r"), no_alias)) == [("org/real", 4)]


# ---------------------------------------------------------------- Procfile, Jenkinsfile, tox.ini


def test_file_kinds_of_process_pipeline_and_tox_files() -> None:
    from licensecheck.scan.walk import file_kind

    assert file_kind("Procfile") == file_kind("Procfile.dev") == "shell"
    assert file_kind("Jenkinsfile") == file_kind("Jenkinsfile.release") == "jenkins"
    assert file_kind("tox.ini") == "tox"
    assert file_kind("setup.ini") is None and file_kind("myprocfile") is None


JENKINSFILE = """\
pipeline {
  agent any
  environment {
    SERVED = 'org/jenkins-env'
  }
  stages {
    stage('fetch') {
      steps {
        sh 'hf download org/jenkins-single --local-dir w'
        sh "vllm serve org/jenkins-double --port 8000"
        sh(script: 'huggingface-cli download org/jenkins-script', returnStdout: true)
        sh label: 'serve', script: "vllm serve ${SERVED}"
        sh '''
          python train.py \\
            --model org/jenkins-triple
        '''
        // sh 'hf download org/jenkins-commented'
        /* sh "vllm serve org/jenkins-block"
           sh "vllm serve org/jenkins-block-2" */
        echo 'hf download org/jenkins-echo'
        sh 'echo vllm serve org/jenkins-echoed'
        archiveArtifacts artifacts: 'org/jenkins-artifact', fingerprint: true
      }
    }
  }
}
"""


def test_jenkinsfile_shell_steps_are_commands() -> None:
    from licensecheck.scan.extract import jenkinsfile_mentions

    assert values(jenkinsfile_mentions(JENKINSFILE, no_alias)) == [
        ("org/jenkins-single", 9),
        ("org/jenkins-double", 10),
        ("org/jenkins-script", 11),
        ("org/jenkins-env", 4),
        ("org/jenkins-triple", 15),
    ]


TOX_INI = """\
[tox]
envlist = py311

[testenv]
description = serve the model (vllm serve org/tox-described)
deps =
    vllm serve org/tox-deps
setenv =
    REPO = org/tox-setenv
commands_pre = hf download org/tox-pre
commands =
    python -m pytest tests
    python eval.py \\
        --model org/tox-continued
    # vllm serve org/tox-commented
    vllm serve org/tox-served
allowlist_externals = vllm
"""


def test_tox_commands_are_commands_and_nothing_else_is() -> None:
    from licensecheck.scan.extract import tox_mentions

    assert values(tox_mentions(TOX_INI, no_alias)) == [
        ("org/tox-pre", 10),
        ("org/tox-continued", 14),
        ("org/tox-served", 16),
    ]


def test_procfile_jenkinsfile_and_tox_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(
        tmp_path,
        {
            "Procfile": "release: python manage.py migrate\nweb: vllm serve org/e2e-procfile --port $PORT\n",
            "ci/Jenkinsfile": JENKINSFILE,
            "tox.ini": TOX_INI,
        },
    )
    found = scanned(root)
    assert found["org/e2e-procfile"] == [("Procfile", 2)]
    assert found["org/jenkins-triple"] == [("ci/Jenkinsfile", 15)]
    assert found["org/tox-served"] == [("tox.ini", 16)]
    assert not [model for model in found if "commented" in model or "block" in model or "echo" in model]
    assert not [model for model in found if model in ("org/tox-described", "org/tox-deps", "org/tox-setenv")]


# ---------------------------------------------------------------- executable scripts without a suffix


def test_the_kind_of_a_script_comes_from_its_shebang() -> None:
    from licensecheck.scan.discover import script_kind

    for line in (b"#!/bin/bash", b"#!/bin/sh -e", b"#!/usr/bin/env bash", b"#!/usr/bin/env -S bash -eu", b"#!/bin/zsh"):
        assert script_kind(line + b"\nhf download org/x\n") == "shell", line
    for line in (b"#!/usr/bin/env python3", b"#!/usr/bin/python", b"#! /usr/bin/env python3.11\r", b"#!/opt/pypy3"):
        assert script_kind(line + b"\nimport os\n") == "python", line
    for head in (b"#!/usr/bin/env node\n", b"#!/usr/bin/perl\n", b"#!\n", b"hf download org/x\n", b"\x7fELF\x02"):
        assert script_kind(head) is None, head


def test_executable_scripts_without_a_suffix_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    shell = "#!/usr/bin/env bash\nset -e\nhf download org/script-shell --local-dir w\n"
    root = tree(
        tmp_path,
        {
            "bin/fetch": shell,
            "bin/serve": "#!/bin/sh\nexec vllm serve org/script-sh --port 8000\n",
            "tools/run": '#!/usr/bin/env python3\nimport transformers\n\nAutoModel.from_pretrained("org/script-py")\n',
            "notes/fetch": shell.replace("script-shell", "not-executable"),  # not executable: not a script
            "bin/data": "hf download org/no-shebang\n",  # no #! line: not read
            "bin/tool": "#!/usr/bin/env node\n// vllm serve org/node-script\n",
        },
        executable=("bin/fetch", "bin/serve", "tools/run", "bin/data", "bin/tool"),
    )
    (root / "bin" / "blob").write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64 + b"vllm serve org/binary")
    (root / "bin" / "blob").chmod(0o755)
    _, doc, _ = scan_json(str(root), "--no-cache")
    found = {f["model"]: [(loc["path"], loc["line"]) for loc in f["locations"]] for f in doc["findings"]}
    assert found == {
        "org/script-shell": [("bin/fetch", 3)],
        "org/script-sh": [("bin/serve", 2)],
        "org/script-py": [("tools/run", 4)],
    }
    assert doc["warnings"] == []  # (an executable that is no script, a binary too, is passed over silently)


def test_the_walk_asks_only_executable_files_without_a_suffix(tmp_path: Path) -> None:
    from licensecheck.scan.walk import walk_repository

    tree(tmp_path, {"run": "#!/bin/sh\n", "LICENSE": "MIT\n", "go.x": "#!/bin/sh\n"}, executable=("run", "go.x"))
    assert sorted((entry.rel, entry.kind) for entry in walk_repository(str(tmp_path))) == [("run", "script")]


def test_an_executable_that_is_no_script_is_not_read_past_its_first_bytes(tmp_path: Path) -> None:
    from licensecheck.scan import discover
    from licensecheck.scan.walk import FileEntry

    big = tmp_path / "tool"
    big.write_bytes(b"\x7fELF" + b"x" * (3 * 1024 * 1024))  # over the size limit: a read to the end would say so
    assert discover.scan_entry(FileEntry(str(big), "tool", "script"))[1:4] == ([], False, None)
    big.write_bytes(b"#!/bin/sh\n" + b"x" * (3 * 1024 * 1024))  # a script that large is named, as any file
    assert discover.scan_entry(FileEntry(str(big), "tool", "script"))[3] == f"{discover.SKIPPED_LARGE}tool"


# ---------------------------------------------------------------- mlx-lm


def python_found(source: str) -> list[tuple[str, int]]:
    """What the scan finds in one Python file: the pre-filter's candidate lines, then the extraction."""
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    lines = python_candidate_lines(source.encode())
    found = [] if lines is None else values(python_mentions(source, no_alias, lines=lines))
    assert sorted(set(values(python_mentions(source, no_alias)))) == sorted(set(found))  # (as the whole file reads)
    return found


MLX_CASES = [
    ('import mlx_lm\nm, tok = mlx_lm.load("mlx-community/Llama-3.2-3B-Instruct-4bit")\n', [2]),
    ('from mlx_lm import load, generate\n\nm, tok = load("org/mlx-imported")\n', [3]),
    ("from mlx_lm import (\n    generate,\n    load as mlx_load,\n)\nm, t = mlx_load('org/mlx-aliased')\n", [5]),
    ('import mlx_lm as lm\nm, t = lm.load("org/mlx-module-alias")\n', [2]),
    ('def chat():\n    from mlx_lm import load as load_model\n    return load_model("org/mlx-local-import")\n', [3]),
    ('from mlx_lm.utils import load\nREPO = "org/mlx-constant"\nm, t = load(REPO)\n', [2]),
    ('from mlx_vlm import load\nm, processor = load("org/mlx-vlm")\n', [2]),
]


def test_mlx_lm_load_is_a_loader_where_it_comes_from_mlx_lm() -> None:
    for source, lines in MLX_CASES:
        assert [line for _, line in python_found(source)] == lines, source


def test_a_load_that_does_not_come_from_mlx_lm_is_no_loader() -> None:
    for source in (
        'import json\nx = load("org/not-mlx")\n',  # no import of mlx_lm: `load` is anyone's
        'from mlx_lm import generate\nfrom mylib import load\nx = load("org/other-load")\n',
        'import torch, mlx_lm\nstate = torch.load("org/torch-load")\nm = mlx_lm.generate(x, "org/prompt")\n',
        'from mlx_lm import load\nimport yaml\ncfg = yaml.load("org/yaml")\nm = self.load("org/method")\n',
    ):
        assert python_found(source) == [], source


def test_mlx_lm_command_lines_are_read() -> None:
    text = (
        "mlx_lm.generate --model mlx-community/Qwen2.5-7B-Instruct-4bit --prompt hi\n"
        "python -m mlx_lm.generate --model org/mlx-cli-module\n"
        "mlx_lm.server --model org/mlx-cli-server --port 8080\n"
    )
    assert values(command_mentions(text, no_alias)) == [
        ("mlx-community/Qwen2.5-7B-Instruct-4bit", 1),
        ("org/mlx-cli-module", 2),
        ("org/mlx-cli-server", 3),
    ]


def test_mlx_lm_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(
        tmp_path,
        {
            "chat.py": 'from mlx_lm import load, generate\n\nmodel, tokenizer = load("org/e2e-mlx")\n',
            "other.py": 'from mylib import load\n\nstate = load("org/e2e-not-mlx")\n',
            "serve.sh": "python -m mlx_lm.server --model org/e2e-mlx-server\n",
        },
    )
    found = scanned(root)
    assert found["org/e2e-mlx"] == [("chat.py", 3)]
    assert found["org/e2e-mlx-server"] == [("serve.sh", 1)]
    assert "org/e2e-not-mlx" not in found


# ---------------------------------------------------------------- timm and open_clip: the Hub's prefix


def test_timm_and_open_clip_name_a_hub_model_with_the_hub_prefix() -> None:
    source = (
        "import timm, open_clip\n"
        'm = timm.create_model("hf_hub:timm/vit_base_patch16_224.augreg_in21k", pretrained=True)\n'
        'clip, _, pre = open_clip.create_model_and_transforms("hf-hub:laion/CLIP-ViT-B-32-laion2B-s34B-b79K")\n'
        "siglip, pre = open_clip.create_model_from_pretrained('hf-hub:timm/ViT-B-16-SigLIP')\n"
        "tok = open_clip.get_tokenizer('hf-hub:timm/ViT-B-16-SigLIP')\n"
        'BACKBONE = "hf-hub:org/backbone"\n'
        "features = timm.create_model(BACKBONE, features_only=True)\n"
        'named = open_clip.create_model_and_transforms(model_name="hf-hub:org/keyword")\n'
    )
    assert sorted(python_found(source)) == [
        ("laion/CLIP-ViT-B-32-laion2B-s34B-b79K", 3),
        ("org/backbone", 6),
        ("org/keyword", 8),
        ("timm/ViT-B-16-SigLIP", 4),
        ("timm/ViT-B-16-SigLIP", 5),
        ("timm/vit_base_patch16_224.augreg_in21k", 2),
    ]


def test_timm_and_open_clip_names_without_the_prefix_are_their_own() -> None:
    source = (
        "import timm, open_clip\n"
        'a = timm.create_model("resnet50", pretrained=True)\n'
        'b = timm.create_model("org/no-prefix")\n'  # (timm reads no org/name without the prefix)
        'c, _, p = open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")\n'
        'd = open_clip.get_tokenizer("org/plain-tokenizer")\n'
        'print("hf_hub:org/in-a-message")\n'
        'e = make("hf-hub:org/other-call")\n'
    )
    assert python_found(source) == []


def test_timm_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(
        tmp_path,
        {"vision.py": 'import timm\n\nbackbone = timm.create_model(\n    "hf_hub:org/e2e-timm", pretrained=True\n)\n'},
    )
    assert scanned(root) == {"org/e2e-timm": [("vision.py", 4)]}


# ---------------------------------------------------------------- parameter expansions with a default


def test_a_parameter_expansion_s_default_is_what_a_script_names() -> None:
    text = (
        "#!/bin/bash\n"
        "MODEL=${1:-org/positional-default}\n"
        'BASE_MODEL="${BASE_MODEL:-org/env-default}"\n'
        "CKPT=${CKPT:=org/assigned-default}\n"
        "vllm serve $MODEL\n"
        'python train.py --model_name_or_path "$BASE_MODEL"\n'
        "hf download $CKPT\n"
        "python eval.py --model ${EVAL_MODEL:-org/flag-default}\n"
    )
    assert values(command_mentions(text, no_alias)) == [
        ("org/positional-default", 2),
        ("org/env-default", 3),
        ("org/assigned-default", 4),
        ("org/flag-default", 8),
    ]


def test_a_default_that_is_no_model_or_an_expansion_without_one_names_nothing() -> None:
    text = (
        "OUT=${OUT:-org/not-a-model-place}\n"  # (a variable no command reads, not named after a model)
        "MODEL=${MODEL:-./checkpoints/run1}\n"  # (a local path)
        "vllm serve ${MODEL}\n"
        "PORT=${PORT:-8000}\n"
    )
    assert values(command_mentions(text, no_alias)) == []


def test_parameter_expansion_defaults_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(tmp_path, {"serve.sh": '#!/usr/bin/env bash\nMODEL=${1:-org/e2e-default}\nvllm serve "$MODEL"\n'})
    assert scanned(root) == {"org/e2e-default": [("serve.sh", 2)]}


# ---------------------------------------------------------------- the Hub's prefix and mlx-lm's convert, beyond Python


def test_hub_prefixed_names_in_configs_and_commands_end_to_end(tmp_path: Path, fixed_catalog: None) -> None:
    root = tree(
        tmp_path,
        {
            "train.yaml": "model: hf_hub:org/timm-config\nmodels:\n  - hf-hub:org/clip-item\n",
            "run.sh": "python train.py --model hf-hub:org/clip-flag\n",
            "convert.sh": (
                "mlx_lm.convert --hf-path org/mlx-source -q\npython -m mlx_lm.convert --hf_path=org/mlx-two\n"
            ),
        },
    )
    assert scanned(root) == {
        "org/timm-config": [("train.yaml", 1)],
        "org/clip-item": [("train.yaml", 3)],
        "org/clip-flag": [("run.sh", 1)],
        "org/mlx-source": [("convert.sh", 1)],
        "org/mlx-two": [("convert.sh", 2)],
    }


def test_a_prefix_that_is_not_the_hub_s_is_kept() -> None:
    assert values(command_mentions("python run.py --model local:org/x\n", no_alias)) == []


def test_a_name_assigned_and_loaded_thousands_of_times_is_read_once_per_use() -> None:
    """`x = "org/mI"` / `from_pretrained(x)` N times: each loader use gave every string the name ever held, N * N
    entries (5,000 pairs took 42 s); each string is found once."""
    from licensecheck.scan.extract import _PythonScan, parse

    pairs = 600  # (under MAX_STATEMENTS: read statement by statement, and as a whole tree)
    text = "".join(f'x = "org/m{i}"\ny = AutoModel.from_pretrained(x)\n' for i in range(pairs))
    lines = list(range(1, 2 * pairs + 1, 2))
    by_statements = _PythonScan.of_statements(text, lines)
    assert by_statements is not None
    for scan in (by_statements, _PythonScan.of_tree(parse(text), lines, text)):
        assert len(scan.found) <= 2 * pairs
        assert {value for value, _ in scan.found} == {f"org/m{i}" for i in range(pairs)}


def test_a_minified_notebook_puts_each_finding_on_its_line() -> None:
    """A notebook written without indentation is one line: every finding is on line 1 (and the cells are not
    searched from the start of the file again for each one)."""
    import json

    from licensecheck.scan.extract import notebook_mentions

    cells = [
        {"cell_type": "code", "source": [f'x = "org/m{i}"\n', "m = AutoModel.from_pretrained(x)\n"]}
        for i in range(2000)
    ]
    found = notebook_mentions(json.dumps({"cells": cells}), lambda _: False)
    assert len(found) == 2000 and {m.line for m in found} == {1}
    pretty = json.dumps({"cells": cells}, indent=1)
    lines = pretty.splitlines()
    for mention in notebook_mentions(pretty, lambda _: False)[:50]:
        assert f'x = \\"{mention.value}\\"' in lines[mention.line - 1]


def test_commands_split_at_operators_as_before_without_a_quadratic_pattern() -> None:
    import re

    from licensecheck.scan.extract import _segments, command_mentions

    old = re.compile(r"\s*(?:;|&&|\|\||\|)\s*")
    for line in ["a ; b", " a;b ", "a  &&  b || c | d", "x", "  x  ", "a;;b", "|a|", "a \t; \tb", "vllm serve x | tee"]:
        assert _segments(line) == old.split(line)
    text = "vllm serve " + "\\\n" * 20000 + "org/model\n"
    assert [m.value for m in command_mentions(text, lambda _: False)] == ["org/model"]


# ---------------------------------------------------------------- more Python forms (a red-team pass)

MORE_PYTHON = {
    "comp.py": "from transformers import AutoModel\n"
    'models = [AutoModel.from_pretrained(m) for m in ["microsoft/phi-2", "microsoft/phi-1_5"]]\n',
    "comp2.py": 'from transformers import AutoModel\nIDS = ["EleutherAI/pythia-70m"]\n'
    "models = {m: AutoModel.from_pretrained(m) for m in IDS}\n",
    "words.py": 'hit = any(model_name in s for model_name in ["ctrl", "fsmt"])\n',  # (words tested, not loaded)
    "mapped.py": "from transformers import AutoModel\n"
    'loaded = list(map(AutoModel.from_pretrained, ["tiiuae/falcon-7b"]))\n',
    "enums.py": "from enum import Enum\nfrom transformers import AutoModel\n\n\nclass Models(str, Enum):\n"
    '    LLAMA = "meta-llama/Llama-3.1-8B-Instruct"\n\n\ndef f():\n'
    "    return AutoModel.from_pretrained(Models.LLAMA.value)\n",
    "env.py": "import os\nfrom transformers import AutoModel\n"
    'MODEL_ID = os.getenv("MODEL_ID", default="mistralai/Mistral-7B-v0.1")\n'
    'AutoModel.from_pretrained(MODEL_ID)\nAutoModel.from_pretrained(os.environ.get("X", default="microsoft/phi-2"))\n',
    "quant.py": 'm = AutoGPTQForCausalLM.from_quantized("TheBloke/Llama-2-13B-chat-GPTQ")\n'
    'bge = BGEM3FlagModel("BAAI/bge-m3", use_fp16=True)\n'
    'rr = FlagReranker("BAAI/bge-reranker-v2-m3", use_fp16=True)\n'
    'trainer = GRPOTrainer(model="Qwen/Qwen2-0.5B-Instruct", reward_funcs="weqweasdas/RM-Gemma-2B")\n',
    "evals.py": "import lm_eval\n"
    'res = lm_eval.simple_evaluate(model="hf", model_args="pretrained=EleutherAI/gpt-j-6b,dtype=float16")\n'
    '# lm_eval.simple_evaluate(model="hf", model_args="pretrained=EleutherAI/pythia-12b")\n',
    "consts.py": 'DEFAULT_MODEL = "EleutherAI/pythia-1b"\nLLM_MODEL_ID = "google/gemma-2-2b-it"\n'
    'MODEL_TYPE = "acme/not-a-model"\nOUTPUT_MODEL_DIR = "acme/out"\nDEFAULT_MODEL_NAME = "bert"\n',
    "fields.py": "from dataclasses import dataclass, field\n\n\n@dataclass\nclass A:\n"
    '    reward_model_path: str = field(default="OpenAssistant/reward-model-deberta-v3-large-v2")\n'
    '    judge_model: str = "CohereForAI/c4ai-command-r-plus"\n\n\n'
    'p.add_argument("--tokenizer", default="meta-llama/Llama-2-7b-hf")\n',
}


def test_more_python_forms_are_found_and_their_traps_are_not(tmp_path: Path, fixed_catalog: None) -> None:
    found = scanned(tree(tmp_path, MORE_PYTHON))
    expected = {
        "microsoft/phi-2": [("comp.py", 2), ("env.py", 5)],
        "microsoft/phi-1_5": [("comp.py", 2)],
        "EleutherAI/pythia-70m": [("comp2.py", 2)],
        "tiiuae/falcon-7b": [("mapped.py", 2)],
        "meta-llama/Llama-3.1-8B-Instruct": [("enums.py", 6)],
        "mistralai/Mistral-7B-v0.1": [("env.py", 3)],
        "TheBloke/Llama-2-13B-chat-GPTQ": [("quant.py", 1)],
        "BAAI/bge-m3": [("quant.py", 2)],
        "BAAI/bge-reranker-v2-m3": [("quant.py", 3)],
        "Qwen/Qwen2-0.5B-Instruct": [("quant.py", 4)],
        "weqweasdas/RM-Gemma-2B": [("quant.py", 4)],
        "EleutherAI/gpt-j-6b": [("evals.py", 2)],
        "EleutherAI/pythia-1b": [("consts.py", 1)],
        "google/gemma-2-2b-it": [("consts.py", 2)],
        "OpenAssistant/reward-model-deberta-v3-large-v2": [("fields.py", 6)],
        "meta-llama/Llama-2-7b-hf": [("fields.py", 10)],
    }
    for model, locations in expected.items():
        assert found.pop(model, None) == locations, model
    (judge,) = [model for model in found if model.endswith("c4ai-command-r-plus")]
    assert found.pop(judge) == [("fields.py", 7)]
    assert not found, found  # no ctrl / fsmt words, no commented-out call, no type, output folder or bare word


# ---------------------------------------------------------------- prose in configs, dataset cards


PROSE_AND_CONFIGS = {
    "prompts.yaml": "system_prompt: |\n  When asked which model you are, answer:\n"
    "  model: meta-llama/Llama-2-70b-chat-hf\n"
    "few_shot:\n  - |\n    A: e.g. --model CohereForAI/c4ai-command-r-v01\nmodel: microsoft/phi-2\n",
    "chat.json": '[\n  {"role": "user", "content": "Which is better, model: CohereForAI/c4ai-command-r-plus?"},\n'
    '  {"role": "assistant", "content": "none", "model": "google/gemma-2-2b-it"},\n'
    '  {"text": "{\\"model\\": \\"tiiuae/falcon-7b\\"}"}\n]\n',
    ".github/ISSUE_TEMPLATE/bug.yml": "body:\n  - type: textarea\n    attributes:\n      value: |\n"
    "        model: CohereForAI/c4ai-command-r-v01\n        python run.py --model databricks/dbrx-instruct\n",
    ".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n      - run: |\n"
    "          huggingface-cli download mistralai/Mistral-7B-v0.1\n      - name: serve\n        run: >-\n"
    "          vllm serve Qwen/Qwen2.5-7B-Instruct\nscript:\n  - |\n    ollama pull llama3.1:8b\n",
    "k8s/cm.yaml": "kind: ConfigMap\ndata:\n  config.yaml: |\n    model: meta-llama/Llama-3.2-1B-Instruct\n",
    "data/mydataset/README.md": "---\nlicense: cc-by-nc-4.0\ntask_categories:\n- text-generation\n"
    "size_categories:\n- 10K<n<100K\n---\n# My dataset\n",
}


def test_prose_in_block_scalars_and_json_strings_names_no_model(tmp_path: Path, fixed_catalog: None) -> None:
    """A prompt, an issue form's text or a chat turn that says `model: org/x` is text; a `run: |` step, a GitLab
    `script:` item and a ConfigMap's embedded config are read; a dataset's card is no model card."""
    found = scanned(tree(tmp_path, PROSE_AND_CONFIGS))
    assert found.pop("microsoft/phi-2") == [("prompts.yaml", 7)]
    assert found.pop("google/gemma-2-2b-it") == [("chat.json", 3)]
    assert found.pop("mistralai/Mistral-7B-v0.1") == [(".github/workflows/ci.yml", 5)]
    assert found.pop("Qwen/Qwen2.5-7B-Instruct") == [(".github/workflows/ci.yml", 8)]
    assert found.pop("meta-llama/Llama-3.2-1B-Instruct") == [("k8s/cm.yaml", 4)]
    (ollama,) = [model for model in found if "3.1" in model]
    assert found.pop(ollama) == [(".github/workflows/ci.yml", 11)]
    assert not found, found
    _, doc, _ = scan_json(str(tmp_path), "--no-cache")
    assert not [f for f in doc["findings"] if f.get("kind") == "card"]


def test_yaml_block_scalars_are_found_with_their_keys() -> None:
    from licensecheck.scan.extract import yaml_block_scalars

    text = "a: |\n  one\n\n  two\nb: x\nlist:\n  - |\n    item\n  - >-\n    folded\n- run: |\n    cmd\n  env: x\n"
    assert yaml_block_scalars(text) == [("a", 2, 4), ("list", 8, 8), ("list", 10, 10), ("run", 12, 12)]


NESTED_CONFIGS = {
    "conf.yaml": "model:\n  name: meta-llama/Llama-3.1-8B-Instruct\n  revision: main\n"
    "tokenizer:\n  path: EleutherAI/pythia-1b\n"
    "models:\n  - microsoft/phi-2\n  - name: tiiuae/falcon-7b\n    revision: main\n"
    "  - revision: x\n    id: google/gemma-2-2b-it\n"
    "trainer:\n  name: acme/not-a-model-key\n"
    "data:\n  name: tatsu-lab/alpaca\n",
    "conf.json": '{ "model": {"name": "mistralai/Mistral-7B-v0.1", "dtype": "bf16"}, "data": {"name": "acme/x"} }\n',
    "conf2.json": '{\n  "model": {\n    "name": "Qwen/Qwen2.5-7B-Instruct",\n'
    '    "extra": {"name": "acme/other"}\n  },\n'
    '  "dataset": {\n    "name": "acme/data"\n  }\n}\n',
}


def test_a_mapping_under_a_model_key_names_its_model(tmp_path: Path, fixed_catalog: None) -> None:
    """Hydra / NeMo configs: `model:` then `name: org/x`; a list of mappings under `models:`; JSON objects under a
    model key. The same entries under other keys name no model."""
    found = scanned(tree(tmp_path, NESTED_CONFIGS))
    assert found == {
        "meta-llama/Llama-3.1-8B-Instruct": [("conf.yaml", 2)],
        "EleutherAI/pythia-1b": [("conf.yaml", 5)],
        "microsoft/phi-2": [("conf.yaml", 7)],
        "tiiuae/falcon-7b": [("conf.yaml", 8)],
        "google/gemma-2-2b-it": [("conf.yaml", 11)],
        "mistralai/Mistral-7B-v0.1": [("conf.json", 1)],
        "Qwen/Qwen2.5-7B-Instruct": [("conf2.json", 3)],
    }


def test_model_flags_of_any_role_and_hydra_overrides_in_commands() -> None:
    """RLHF and distillation launchers name teachers, reward models, actors and critics with flags of their own;
    verl and Hydra override a model's path; flags that name where a model is written are none."""
    text = (
        "deepspeed --module openrlhf.cli.train_ppo \\\n   --pretrain org/sft \\\n   --reward_pretrain org/rm \\\n"
        "   --save_path ./checkpoint/out\n"
        "python3 -m verl.trainer.main_ppo actor_rollout_ref.model.path=org/actor critic.model.path=org/critic\n"
        "python train.py model.name=org/hydra trainer.max_epochs=1 model=llama\n"
        "python main.py --actor_model_name_or_path org/a1 --critic_model_name_or_path org/c1\n"
        "python train.py --tokenizer_name org/tok --teacher_model org/teacher --student_model org/student\n"
        "python train.py --reward_model=org/reward --base-model-id org/base --hf_model_repo_id org/gguf\n"
        "python train.py --output_model org/out --hub_model_id org/pushed --push_to_hub_model_id org/p2\n"
        "litgpt download org/lit\ntune download org/tune --output-dir /tmp/x\n"
    )
    assert values(command_mentions(text, no_alias)) == [
        ("org/sft", 2),  # (each on the line it is on, within the continued command)
        ("org/rm", 3),
        ("org/actor", 5),
        ("org/critic", 5),
        ("org/hydra", 6),
        ("org/a1", 7),
        ("org/c1", 7),
        ("org/tok", 8),
        ("org/teacher", 8),
        ("org/student", 8),
        ("org/reward", 9),
        ("org/base", 9),
        ("org/gguf", 9),
        ("org/lit", 11),
        ("org/tune", 12),
    ]


def test_lm_eval_model_classes_and_bare_words_of_model_lists(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "hflm.py": "from lm_eval.models.huggingface import HFLM\n"
        'lm = HFLM(pretrained="EleutherAI/pythia-160m", batch_size=8)\n'
        'm = timm.create_model("resnet50", pretrained=True)\n',
        # a list of family names under a name with "models" in it: words, not ids (no finding, and not parsed)
        "flags.py": 'WINDOW_ATTENTION_MODELS = ["mistral", "mixtral", "qwen2"]\n'
        "if model_type in WINDOW_ATTENTION_MODELS:\n    pass\n",
    }
    assert scanned(tree(tmp_path, files)) == {"EleutherAI/pythia-160m": [("hflm.py", 2)]}
    from licensecheck.scan.discover import python_candidate_lines

    assert python_candidate_lines(files["flags.py"].encode()) is None


HEREDOCS = (
    "#!/bin/sh\n"
    'echo "vllm serve org/echoed"\n'
    "cat <<EOT\nUsage: ollama pull org/usage-text\nEOT\n"
    "python - <<'PY'\nfrom transformers import AutoModel\nAutoModel.from_pretrained(\"org/python-body\")\nPY\n"
    "bash <<EOF\nhuggingface-cli download org/bash-body\nEOF\n"
    "cat > notes.txt <<-CFG\n\tvllm serve org/tabbed-text\n\tCFG\n"
    "vllm serve org/after\n"
)


def test_here_documents_are_text_unless_a_shell_or_python_reads_them() -> None:
    assert values(command_mentions(HEREDOCS, no_alias)) == [
        ("org/python-body", 8),
        ("org/bash-body", 11),
        ("org/after", 16),
    ]
    dockerfile = (
        "FROM python:3.11\nRUN <<EOF\nhf download org/run-body\nEOF\n"
        "COPY <<EOT /app/x.txt\nvllm serve org/copied\nEOT\n"
    )
    assert values(command_mentions(dockerfile, no_alias)) == [("org/run-body", 3)]


def test_repo_type_given_through_a_constant_or_kwargs_is_no_model(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "a.py": 'from huggingface_hub import snapshot_download\nREPO_TYPE = "dataset"\n'
        'b = snapshot_download("CohereForAI/aya_dataset", repo_type=REPO_TYPE)\n'
        'kw = {"repo_type": "dataset"}\nc = snapshot_download("CohereForAI/aya_collection", **kw)\n'
        'd = snapshot_download("microsoft/phi-2")\n',
        "__pypackages__/3.11/lib/p/a.py": "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("org/vendored")\n',
    }
    assert scanned(tree(tmp_path, files)) == {"microsoft/phi-2": [("a.py", 6)]}


def test_loops_that_unpack_rows_and_nested_dict_lookups(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "pairs.py": "from transformers import AutoModel\n"
        'PAIRS = [("pythia", "EleutherAI/pythia-1b"), ("opt", "facebook/opt-1.3b")]\n'
        "for short, repo in PAIRS:\n    AutoModel.from_pretrained(repo)\n",
        "literal.py": "from transformers import AutoModel\n"
        'for short, repo in [("pythia", "EleutherAI/pythia-160m")]:\n    AutoModel.from_pretrained(repo)\n',
        "comp.py": "from transformers import AutoModel\n"
        'ms = [AutoModel.from_pretrained(r) for n, r in [("a", "microsoft/phi-2")]]\n'
        'TABLE = [("gpt2", 1), ("bert", 2)]\nfor name, n in TABLE:\n    print(name)\n',  # (printed words, no model)
        "nested.py": "from transformers import AutoModel\n"
        'CFG = {"llama": {"id": "meta-llama/Llama-3.2-1B", "lr": 1e-4}, "phi": {"id": "microsoft/phi-1_5"}}\n'
        'AutoModel.from_pretrained(CFG["llama"]["id"])\n',
    }
    assert scanned(tree(tmp_path, files)) == {
        "EleutherAI/pythia-1b": [("pairs.py", 2)],
        "facebook/opt-1.3b": [("pairs.py", 2)],
        "EleutherAI/pythia-160m": [("literal.py", 2)],
        "microsoft/phi-2": [("comp.py", 2)],
        "meta-llama/Llama-3.2-1B": [("nested.py", 2)],
    }


def test_a_model_key_with_a_block_scalar_names_the_model_on_the_next_line(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "c.yaml": "model: >-\n  meta-llama/Llama-3.2-1B\nmodel_id: |\n  Qwen/Qwen2.5-0.5B\nprompt: |\n  model: x/y\n"
    }
    assert scanned(tree(tmp_path, files)) == {
        "meta-llama/Llama-3.2-1B": [("c.yaml", 2)],
        "Qwen/Qwen2.5-0.5B": [("c.yaml", 4)],
    }


def test_partial_walrus_and_uv_run_scripts(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "a.py": "import functools\nfrom transformers import AutoModel\n"
        'load = functools.partial(AutoModel.from_pretrained, "google/gemma-2b")\n'
        'if (n := "HuggingFaceTB/SmolLM2-360M"):\n    AutoModel.from_pretrained(n)\n',
        "uvscript": '#!/usr/bin/env -S uv run --script\n# /// script\n# dependencies = ["transformers"]\n# ///\n'
        'from transformers import AutoModel\nAutoModel.from_pretrained("microsoft/phi-2")\n',
    }
    assert scanned(tree(tmp_path, files, executable=("uvscript",))) == {
        "google/gemma-2b": [("a.py", 3)],
        "HuggingFaceTB/SmolLM2-360M": [("a.py", 4)],
        "microsoft/phi-2": [("uvscript", 6)],
    }


def test_a_notebooks_env_magic_sets_a_model_variable(tmp_path: Path, fixed_catalog: None) -> None:
    import json

    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None}
    notebook = {
        "cells": [{**cell, "source": ["%env MODEL_ID=google/gemma-2-2b-it\n", "%env OUTPUT_DIR=acme/out\n"]}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(notebook, indent=1)
    found = scanned(tree(tmp_path, {"a.ipynb": text}))
    line = next(number for number, ln in enumerate(text.splitlines(), 1) if "%env MODEL_ID" in ln)
    assert found == {"google/gemma-2-2b-it": [("a.ipynb", line)]}


SECOND_PASS = {
    "finetune.py": 'model_name = "NousResearch/Llama-2-7b-chat-hf"\nnew_model = "acme/Llama-2-7b-chat-finetune"\n'
    "from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained(model_name)\n"
    "model.push_to_hub(new_model)\n"
    'FINETUNED_MODEL_ID = "acme/x1"\nMERGED_MODEL_NAME = "acme/x2"\nMODEL_EVAL_DATA = "tatsu-lab/alpaca_eval"\n'
    'WANDB_MODEL_PROJECT = "acme/llm"\nMODEL_SERVER_IMAGE = "vllm/vllm-openai"\nINVALID_MODEL_ID = "does-not/exist"\n',
    "data.py": "from huggingface_hub import snapshot_download, hf_hub_download, constants\n"
    'DATASET = "dataset"\nsnapshot_download("HuggingFaceH4/ultrachat_200k", repo_type=DATASET)\n'
    'DATA_KW = dict(repo_type="dataset")\nsnapshot_download("HuggingFaceFW/fineweb", **DATA_KW)\n'
    'hf_hub_download("HuggingFaceTB/smoltalk", "x.parquet", **dict(repo_type="dataset"))\n'
    'snapshot_download("HuggingFaceFW/fineweb-edu", repo_type=constants.REPO_TYPE_DATASET)\n',
    "lm.py": "from lm_eval.models.huggingface import HFLM\nimport lm_eval\n"
    'lm = HFLM(pretrained="EleutherAI/pythia-160m")\n'
    'res = lm_eval.simple_evaluate(model="hf", model_args="pretrained=EleutherAI/gpt-j-6b,dtype=float16")\n',
    "verl.yaml": "actor_rollout_ref:\n  model:\n    path: Qwen/Qwen2.5-0.5B-Instruct\nreward_model:\n  enable: true\n"
    "  model:\n    path: OpenAssistant/reward-model-deberta-v3-large-v2\n",
    "Makefile": 'help:\n\t@echo "example: --model acme/echoed"\n\t@printf "usage: vllm serve acme/printed\\n"\n'
    "run:\n\tvllm serve tiiuae/falcon-7b\n",
    "rl.sh": "#!/bin/bash\nread -r -d '' training_commands <<EOF\nopenrlhf.cli.train_ppo \\\\\n"
    "   --pretrain OpenRLHF/Llama-3-8b-sft-mixture \\\\\n   --critic_pretrain OpenRLHF/Llama-3-8b-rm-mixture\nEOF\n"
    'deepspeed --module $training_commands\n>&2 echo "try --model acme/stderr-echo"\n',
    "tasks.yaml": "test_prompt: |\n  how do I run vllm serve acme/in-a-prompt locally?\n"
    "setup_instructions: |\n  e.g. --model acme/in-instructions\ncases:\n  - id: case1\n    reference: |\n"
    "      model: acme/in-a-reference\nsteps:\n  - run: |\n      cat <<EOF\n      model: acme/catted\n      EOF\n"
    "      python - <<'PY'\n      from transformers import AutoModel\n"
    '      AutoModel.from_pretrained("microsoft/phi-2")\n      PY\n',
}


def test_a_second_red_team_pass(tmp_path: Path, fixed_catalog: None) -> None:
    """Write targets, data and tracker names under model-worded names are no models; dataset downloads whatever
    spells their repo_type; lm-eval's two forms together; a reward model inside verl's mapping; printed text in
    Makefiles and scripts; OpenRLHF's `read <<EOF` commands; prose block scalars; Python in a CI step."""
    found = scanned(tree(tmp_path, SECOND_PASS))
    assert found == {
        "NousResearch/Llama-2-7b-chat-hf": [("finetune.py", 1)],
        "EleutherAI/pythia-160m": [("lm.py", 3)],
        "EleutherAI/gpt-j-6b": [("lm.py", 4)],
        "Qwen/Qwen2.5-0.5B-Instruct": [("verl.yaml", 3)],
        "OpenAssistant/reward-model-deberta-v3-large-v2": [("verl.yaml", 7)],
        "tiiuae/falcon-7b": [("Makefile", 5)],
        "OpenRLHF/Llama-3-8b-sft-mixture": [("rl.sh", 4)],
        "OpenRLHF/Llama-3-8b-rm-mixture": [("rl.sh", 5)],
        "microsoft/phi-2": [("tasks.yaml", 16)],
    }


def test_reward_funcs_as_a_list_of_functions_and_ids(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "a.py": "from trl import GRPOTrainer\n\n\ndef accuracy(x):\n    return 1\n\n\n"
        'trainer = GRPOTrainer(model="Qwen/Qwen2-0.5B-Instruct", reward_funcs=[accuracy, "weqweasdas/RM-Gemma-2B"])\n'
    }
    assert scanned(tree(tmp_path, files)) == {
        "Qwen/Qwen2-0.5B-Instruct": [("a.py", 8)],
        "weqweasdas/RM-Gemma-2B": [("a.py", 8)],
    }


def test_a_display_name_beside_a_model_key_in_a_list_item_is_no_model(tmp_path: Path, fixed_catalog: None) -> None:
    files = {
        "m.yaml": "models:\n  - model: meta-llama/Llama-3.1-8B-Instruct\n    name: acme/llama-alias\n"
        "  - name: tiiuae/falcon-7b\n    revision: main\n"
        "  - name: acme/qwen-alias\n    model: Qwen/Qwen2.5-7B-Instruct\n"
    }
    assert scanned(tree(tmp_path, files)) == {
        "meta-llama/Llama-3.1-8B-Instruct": [("m.yaml", 2)],
        "tiiuae/falcon-7b": [("m.yaml", 4)],
        "Qwen/Qwen2.5-7B-Instruct": [("m.yaml", 7)],
    }


def test_a_loop_variable_reused_for_data_and_models(tmp_path: Path, fixed_catalog: None) -> None:
    """`for name in DATASETS: load_dataset(name)` then `for name in MODELS: from_pretrained(name)`: only the models'
    loop loads models (a loader after both loops may still get either)."""
    files = {
        "a.py": "from transformers import AutoModel\nfrom datasets import load_dataset\n"
        'MODELS = ["microsoft/phi-2", "EleutherAI/pythia-70m"]\nDATASETS = ["tatsu-lab/alpaca", "openai/gsm8k"]\n'
        "for name in DATASETS:\n    load_dataset(name)\nfor name in MODELS:\n    # each\n"
        "    m = AutoModel.from_pretrained(name)\n\nprint(name)\n"
    }
    assert scanned(tree(tmp_path, files)) == {
        "microsoft/phi-2": [("a.py", 3)],
        "EleutherAI/pythia-70m": [("a.py", 3)],
    }


def test_a_parameter_reused_for_data_and_models(tmp_path: Path, fixed_catalog: None) -> None:
    """Inside a function's body, a parameter holds its own default only (signatures over several lines too)."""
    files = {
        "a.py": "from transformers import AutoModel\nfrom datasets import load_dataset\n\n\n"
        'def load_model(repo="google/flan-t5-base"):\n    return AutoModel.from_pretrained(repo)\n\n\n'
        'def load_data(repo="tatsu-lab/alpaca"):\n    return load_dataset(repo)\n\n\n'
        'def other(\n    repo="EleutherAI/pythia-70m",\n    n=1,\n):\n    return AutoModel.from_pretrained(repo)\n'
    }
    assert scanned(tree(tmp_path, files)) == {
        "google/flan-t5-base": [("a.py", 5)],
        "EleutherAI/pythia-70m": [("a.py", 14)],
    }
