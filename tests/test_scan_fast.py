"""The fast paths of a scan checked against the slow, obviously right ones they replace.

- the byte-level place checks of the Python pre-filter against the regular expressions they replaced;
- the catalog's wildcard matcher against ``fnmatchcase``;
- reading Python statement by statement (``pysource``) against parsing the whole file, on real code.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from licensecheck.catalog import glob_match
from licensecheck.scan import discover
from licensecheck.scan.extract import _PythonScan, key_and_value
from licensecheck.scan.pysource import Source

PROPERTY = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Plain references for the byte-level place checks of the pre-filter: a forward scan for the innermost open
# parenthesis, and regular expressions (the ones the pre-filter used before it read windows backwards).
LOADER_NAME = re.compile(
    rb"(?:from_pretrained|pipeline|hf_hub_download|snapshot_download|LLM|AsyncLLMEngine|SentenceTransformer"
    rb"|CrossEncoder|load_checkpoint_and_dispatch|Auto[A-Z]\w*|HuggingFaceEmbeddings|HuggingFacePipeline"
    rb"|ChatOllama|OllamaLLM|Ollama|InferenceClient|create_model|create_model_and_transforms"
    rb"|create_model_from_pretrained|get_tokenizer)\s*$"
)


def _reference_in_loader_call(window: bytes) -> bool:
    opened: list[int] = []
    for at, char in enumerate(window):
        if char == ord("("):
            opened.append(at)
        elif char == ord(")") and opened:
            opened.pop()
    if not opened:
        return False
    head = window[: opened[-1]]
    word = re.search(rb"\w*\s*$", head)
    assert word is not None
    return LOADER_NAME.search(head[word.start() :]) is not None and (
        word.start() == 0 or not re.match(rb"\w", head[word.start() - 1 : word.start()])
    )


def _model_keys() -> bytes:
    from licensecheck.scan.extract import MODEL_KEYS

    return b"|".join(sorted((k.encode() for k in MODEL_KEYS), key=len, reverse=True))


OLD_KEY = re.compile(
    rb"(?<!\w)(?:(?i:" + _model_keys() + rb")[\"']?\s*[=:]|(?i:\w*default)[\"']?\s*=)"
    rb"\s*[\[(]?\s*(?:[\"'][^\"'\n]*[\"']\s*,\s*)*$"
)
OLD_ASSIGNED = re.compile(rb"([A-Za-z_][\w]*)\s*(?::[^=\n]*)?=\s*$")
OLD_LOOPED = re.compile(rb"""\bfor\s+([A-Za-z_]\w*)\s+in\s*[\[(]\s*(?:["'][^"'\n]*["']\s*,\s*)*$""")

PIECES = [
    b"model",
    b"MODEL_ID",
    b"x",
    b"for",
    b"in",
    b"default",
    b"repo_id",
    b"my_repo_id",
    b"tokenizer_name",
    b"AutoModel",
    b"TFAutoModelForX",
    b"Auto",
    b"from_pretrained",
    b"pipeline",
    b"LLM",
    b"MyLLM",
    b"name_or_path",
    b"Ollama",
    b"str",
    b"9",
    b"1x",
    b"_",
    b"=",
    b"==",
    b"+=",
    b"!=",
    b":",
    b":=",
    b"(",
    b")",
    b"[",
    b"]",
    b",",
    b".",
    b'"a/b"',
    b"'x'",
    b'"',
    b"'",
    b" ",
    b"\t",
    b"\n",
]
WINDOWS = st.lists(st.sampled_from(PIECES), max_size=14).map(b"".join)


@PROPERTY
@given(WINDOWS)
def test_model_place_matches_the_regular_expressions(window: bytes) -> None:
    # (a dict value is placed by its key alone: a dict given to a loader is not read, nor a `DEFAULT:` key)
    in_call = not window.endswith(b":") and _reference_in_loader_call(window)
    expected = in_call or OLD_KEY.search(window) is not None
    assert discover._model_place(window) == expected


@PROPERTY
@given(WINDOWS, st.sampled_from([b"", b",", b")", b" if c else x", b"if(c)", b" = 1", b"\n"]))
def test_a_plain_keyword_use_is_no_place_and_passes_nothing_on(window: bytes, after: bytes) -> None:
    # the shortcut for `checkpoint=NAME`: whenever it answers, the full reading agrees
    data = window + b"NAME" + after
    if discover._plain_keyword_use(window, after):
        place, _, carried = discover._place(data, len(window), len(window) + 4)
        assert not place and not carried and discover._looped_name(window + b"[") is None


@PROPERTY
@given(WINDOWS)
def test_the_dict_value_shortcut_changes_no_place(window: bytes) -> None:
    data = window + b'"org/x"'
    fast = discover._place(data, len(window), len(data))
    original = discover._in_dict_value
    try:
        discover._in_dict_value = lambda _: False  # the full reading, unwrapping level by level
        assert discover._place(data, len(window), len(data)) == fast
    finally:
        discover._in_dict_value = original


@PROPERTY
@given(WINDOWS)
def test_assigned_name_matches_the_regular_expression(window: bytes) -> None:
    match = OLD_ASSIGNED.search(window)
    assert discover._assigned_name(window) == (match.group(1) if match else None)


@PROPERTY
@given(WINDOWS)
def test_looped_name_matches_the_regular_expression(window: bytes) -> None:
    match = OLD_LOOPED.search(window)
    assert discover._looped_name(window) == (match.group(1) if match else None)


@PROPERTY
@given(
    st.text("ab-/.*", max_size=12),
    st.text("ab-/.", max_size=12),
)
def test_glob_match_is_fnmatchcase(pattern: str, text: str) -> None:
    assert glob_match(text, pattern) == fnmatch.fnmatchcase(text, pattern)


@PROPERTY
@given(st.lists(st.sampled_from([b"x = 1\n", b'"""', b"doc ", b"\n", b'"a/b"', b"'", b" ", b"# "]), max_size=24))
def test_docstring_parity_matches_pairing_with_one_kind_of_triple_quote(parts: list[bytes]) -> None:
    data = b"".join(parts)
    docstrings = discover._Docstrings(data)
    opened = discover._positions(data, b'"""')
    assume(
        len(opened) % 2 == 0 and b"'''" not in data
    )  # (an unclosed one runs to the end for parity, and closes nothing when paired)
    # a mark beside a quote or after a comment sign may not be a string's edge: then the lexer decides
    plain = discover._pairing_holds(data, opened, [], opened[0::2])
    spans = discover._triple_quoted(data) if plain else discover._lexed_triples(data)
    marks = {m + k for m in opened for k in range(3)}
    marks |= {start + 2 for start, _ in spans}  # (a string's own third quote: """org/x""" is a value)
    for at in range(len(data)):
        if at not in marks:  # (on a mark itself the two may differ; no candidate string starts there)
            assert docstrings.inside(at) == any(start <= at < end for start, end in spans), (data, at)


# ------------------------------------------------------------------------------------- statements, not files


def statement_text(source: str, line: int) -> str | None:
    got = Source(source).statement(line)
    if got is None:
        return None
    first, last, _ = got
    return "\n".join(source.split("\n")[first - 1 : last])


def test_a_call_spread_over_lines_is_cut_out_whole() -> None:
    source = 'x = 1\nmodel = AutoModel.from_pretrained(\n    "org/a",  # (a comment with a ")"\n    x=")",\n)\ny = 2\n'
    assert (
        statement_text(source, 3)
        == 'model = AutoModel.from_pretrained(\n    "org/a",  # (a comment with a ")"\n    x=")",\n)'
    )


def test_headers_decorators_and_continuations() -> None:
    source = (
        "class A:\n"
        "    @register(model='org/d')\n"
        "    def f(self):\n"
        "        for m in ['org/a',\n"
        "                  'org/b']:\n"
        "            pass\n"
        "        if x:\n"
        "            pass\n"
        "        elif y == 'org/c':\n"
        "            pass\n"
        "        z = 'org/e' + \\\n"
        "            'f'\n"
        "        w: 'T' = 'org/g'\n"
    )
    assert statement_text(source, 2) == "    @register(model='org/d')"
    assert statement_text(source, 5) == "        for m in ['org/a',\n                  'org/b']:"
    assert statement_text(source, 9) == "        elif y == 'org/c':"
    assert statement_text(source, 12) == "        z = 'org/e' + \\\n            'f'"
    assert statement_text(source, 13) == "        w: 'T' = 'org/g'"


def test_multi_line_strings_belong_to_the_statement_they_start_in() -> None:
    source = 'PROMPT = """\nfrom_pretrained("org/in-a-string")\n""" + "org/x"\nnext_line = 1\n'
    assert statement_text(source, 3) == source.split("\n", 3)[0] + "\n" + "\n".join(source.split("\n")[1:3])
    assert statement_text(source, 2) == statement_text(source, 3)
    assert not Source(source).strings_start_on(2)  # the doc line is inside the string


def test_what_cannot_be_cut_out_is_none() -> None:
    assert statement_text("match x:\n    case 'org/a':\n        pass\n", 2) is None
    assert statement_text("if a:\n    pass\nelse: m = 'org/a'\n", 3) is None
    assert statement_text("x = (1,\n", 1) is None  # never closes


def _oracle_files() -> list[Path]:
    stdlib = sorted(Path(ast.__file__).parent.glob("*.py"))
    fixtures = sorted((Path(__file__).parent / "fixtures").rglob("*.py"))
    return fixtures + stdlib[:: max(1, len(stdlib) // 60)]


@pytest.mark.parametrize("path", _oracle_files(), ids=lambda p: p.name)
def test_statements_find_what_the_whole_tree_finds(path: Path) -> None:
    """Every line holding a quote is a candidate: far more statements than a scan ever cuts out."""
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source)
    except SyntaxError:
        pytest.skip("not Python 3")
    lines = [n for n, text in enumerate(source.split("\n"), 1) if '"' in text or "'" in text]
    by_statements = _PythonScan.of_statements(source, lines)
    by_tree = _PythonScan.of_tree(tree, lines, source)
    if by_statements is None:  # allowed (the caller parses the file), but it must stay the exception
        assert "match " in source or "else:" in source or "case " in source, path
        return
    assert sorted(set(by_statements.found)) == sorted(set(by_tree.found))


def test_a_file_that_does_not_parse_elsewhere_still_gives_its_loader_calls() -> None:
    from licensecheck.scan.extract import python_mentions

    source = 'print "python 2"\nm = AutoModel.from_pretrained("org/x")\n'
    found = python_mentions(source, lambda _: False, lines=[2])
    assert [(m.value, m.line, m.form) for m in found] == [("org/x", 2, "python")]
    assert sys.version_info >= (3, 10)


def test_family_patterns_looked_up_by_organisation_keep_catalog_order() -> None:
    from licensecheck.catalog import lookup_model
    from licensecheck.data import catalog_index

    index = catalog_index()
    checked = 0
    for pattern in index["patterns"]:
        key = pattern["match"].replace("*", "x")
        if key in index["models"] or key in index["aliases"]:
            continue
        first = next(p for p in index["patterns"] if fnmatch.fnmatchcase(key, p["match"]))
        hit = lookup_model(key)
        assert hit is not None and hit.how == "pattern" and hit.matched == first["match"], key
        checked += 1
    assert checked > 100


COMMAND_PIECES = [
    "huggingface-cli download ",
    "hf download ",
    "vllm serve ",
    "ollama run ",
    "ollama pull ",
    "--model ",
    "--Model=",
    "--base-model ",
    "--tokenizer=",
    "MODEL_ID=",
    "ENV MODEL ",
    "export BASE_MODEL=",
    "pretrained=",
    "CMD [",
    '"vllm", "serve", ',
    "org/x",
    "llama3.1:8b",
    " ",
    "; ",
    "&& ",
    "| ",
    "echo ",
    "\\\n",
    "\n",
    "\r\n",
    "\u2028",
    "# ",
    '"',
    "]",
    "run: ",
]


LOGICAL_PIECES = ["", "  ", "# c \\", "# c", "a \\", "model x", "b", "  \\", "\\", "c d \\ "]


@PROPERTY
@given(st.lists(st.sampled_from(LOGICAL_PIECES), max_size=12), st.sets(st.integers(min_value=1, max_value=14)))
def test_logical_lines_at_lines_are_those_the_whole_reading_gives(pieces: list[str], numbers: set[int]) -> None:
    from licensecheck.scan.extract import _logical_lines, _logical_lines_at

    text = "\n".join(pieces)
    whole = [item for item in _logical_lines(text, "#") if any(n in numbers for n in range(item[0], item[1] + 1))]
    assert list(_logical_lines_at(text.splitlines(), numbers, "#")) == whole


@PROPERTY
@given(st.lists(st.sampled_from(COMMAND_PIECES), max_size=20).map("".join))
def test_command_line_gate_drops_only_lines_that_cannot_match(text: str) -> None:
    from licensecheck.scan import extract

    gated = extract.command_mentions(text, lambda _: False)
    original = extract._COMMAND_NEEDLES
    try:
        extract._COMMAND_NEEDLES = ("",)  # every line passes
        assert extract.command_mentions(text, lambda _: False) == gated
    finally:
        extract._COMMAND_NEEDLES = original


@pytest.mark.parametrize(
    "text",
    [
        "x = '''never closed\n",
        "x = '''never closed\n\n",
        "'\\\n'",  # a one-quote string continued by a backslash
        'f("""a\n',
        "s = 'a\\\nb'\nm = from_pretrained('org/x')\n",
    ],
)
def test_open_and_continued_strings_keep_their_lines_and_end(text: str) -> None:
    source = Source(text)
    assert len(source.masked) == len(text) and source.masked.count("\n") == text.count("\n")
    assert [len(source.code_line(n)) for n in range(1, len(source.lines) + 1)] == [len(x) for x in source.lines]
    for line in range(1, len(source.lines) + 1):
        source.statement(line)  # (these once looped forever or indexed past the end)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # an unpaired triple quote (in a comment, in a string) or an unclosed one hides nothing after it
        ('# docstrings use """ quotes\nm = AutoModel.from_pretrained("org/x-model")\n', [("org/x-model", 2)]),
        ('ok = line.startswith(\'"""\')\nm = AutoModel.from_pretrained("org/x-model")\n', [("org/x-model", 2)]),
        # an id that is itself triple-quoted does not turn the rest of the file into a docstring
        ('a = """gpt2"""\nm = AutoModel.from_pretrained("org/x-model")\n', [("org/x-model", 2)]),
        # the fields of an f-string spread over lines are code
        (
            'b = AutoModel.from_pretrained("org/b-model")\n'
            'r = f"""\nLoaded: {AutoModel.from_pretrained("org/fs-model")}\n"""\n',
            [("org/b-model", 1), ("org/fs-model", 3)],
        ),
        # ... even when it is the file's only model reference
        ('r = f"""\nLoaded: {AutoModel.from_pretrained("org/fs-model")}\n"""\n', [("org/fs-model", 2)]),
        # the default of os.getenv / os.environ.get, a branch of a conditional, an argument after a nested call
        ('import os\nMODEL = os.getenv("MODEL_NAME", "org/env-model")\n', [("org/env-model", 2)]),
        ('m = AutoModel.from_pretrained(os.environ.get("M", "org/env2-model"))\n', [("org/env2-model", 1)]),
        ('m = AutoModel.from_pretrained(get_dir(x), "org/nested-model")\n', [("org/nested-model", 1)]),
        ('model_id = None if len(argv) > 1 else "org/cond-model"\n', [("org/cond-model", 1)]),
        (
            'tok = a if b else c if d else "org/chain-model"\nAutoTokenizer.from_pretrained(tok)\n',
            [("org/chain-model", 1)],
        ),
        ('BASE = os.getenv("M", "org/def-model")\nm = AutoModel.from_pretrained(BASE)\n', [("org/def-model", 1)]),
        ('A = "org/via-model"\nB = os.getenv("M", A)\nAutoModel.from_pretrained(B)\n', [("org/via-model", 1)]),
        (
            'DEFAULT = "org/def-x"\nchosen = DEFAULT if flag else None\nAutoModel.from_pretrained(chosen)\n',
            [("org/def-x", 1)],
        ),
        # a triple quote inside a one-line string or a comment does not turn later code into a docstring
        (
            'def f():\n    """Doc."""\n    part = \'"""\'\n\ndef g():\n    """Doc."""\n'
            '    t = AutoTokenizer.from_pretrained("org/after-model")\n\ndef h():\n    """Doc."""\n',
            [("org/after-model", 7)],
        ),
        (
            'x = 1  # """ opens nothing\ndef g():\n    """Doc."""\n    AutoModel.from_pretrained("org/c-model")\n'
            'def h():\n    """Doc."""\n',
            [("org/c-model", 4)],
        ),
        # decorator arguments, on either path (a lone CR makes the whole file parsed)
        ('@register(model="org/dec-model")\ndef f():\n    pass\n', [("org/dec-model", 1)]),
        ('@register(model="org/dec-model")\rdef f():\r    pass\r', [("org/dec-model", 1)]),
        ('@register(model="org/dec-model")\r\ndef f():\r\n    pass\r\n', [("org/dec-model", 1)]),
    ],
)
def test_reported_misses_stay_fixed(source: str, expected: list[tuple[str, int]]) -> None:
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    lines = python_candidate_lines(("from transformers import AutoModel\n" + source).encode())
    assert lines is not None
    found = python_mentions("from transformers import AutoModel\n" + source, lambda _: False, lines=lines)
    assert [(m.value, m.line - 1) for m in found if m.value != "gpt2"] == expected


def test_a_deep_conditional_and_a_long_prompt_file_neither_crash_nor_crawl() -> None:
    import time

    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    deep = "MODEL = " + " if c else ".join(f'"org/m{i}"' for i in range(1000)) + "\nAutoModel.from_pretrained(MODEL)\n"
    python_mentions(deep, lambda _: False, lines=python_candidate_lines(deep.encode()))  # no RecursionError
    prompts = 'MODEL = "org/x-model"\n' + "".join(f's{k} = fmt("""\ntext {k}\n""", MODEL)\n' for k in range(3000))
    prompts += "AutoModel.from_pretrained(MODEL)\n"
    started = time.perf_counter()
    found = python_mentions(prompts, lambda _: False, lines=python_candidate_lines(prompts.encode()))
    assert ("org/x-model", 1) in [(m.value, m.line) for m in found]
    assert time.perf_counter() - started < 5  # quadratic once: a minute for a file like this of 600 kB


def test_model_args_give_every_model_key_in_them() -> None:
    from licensecheck.scan.extract import config_mentions

    text = "eval:\n  model_args: pretrained=org/x-model,tokenizer=org/tok-model,dtype=float16\n"
    found = sorted((m.value, m.line) for m in config_mentions(text, lambda _: False))
    assert found == [("org/tok-model", 2), ("org/x-model", 2)]


@pytest.mark.parametrize("whole_file", [False, True])
def test_loops_over_a_list_held_in_a_name(whole_file: bool) -> None:
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    source = (
        "import os\n"
        "CANDIDATES = (\n"
        '    "org/a",\n'
        '    "org/b",\n'
        ")\n"
        'GREETINGS = ["hello/world"]\n'
        "for name in CANDIDATES:\n"
        "    tok = AutoTokenizer.from_pretrained(name)\n"
        "for greeting in GREETINGS:\n"
        "    print(greeting)\n"
    )
    if whole_file:
        source += "match name:\n    case 1:\n        pass\n"  # (a use that cannot be cut out: the whole file)
    lines = python_candidate_lines(source.encode())
    assert lines is not None
    found = [(m.value, m.line) for m in python_mentions(source, lambda _: False, lines=lines)]
    assert found == [("org/a", 3), ("org/b", 4)]


def test_windows_line_ends_are_read_statement_by_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    source = (
        'MODEL = "org/crlf-model"\n\ndef load():\n    """Docs."""\n'
        '    return AutoModel.from_pretrained(\n        MODEL,\n        revision="main",\n    )\n'
    ).replace("\n", "\r\n")
    lines = python_candidate_lines(source.encode())
    assert lines is not None

    def whole_file(*args: object, **kwargs: object) -> None:
        raise AssertionError("a CRLF file should not be parsed whole")

    monkeypatch.setattr(_PythonScan, "of_tree", whole_file)
    assert [(m.value, m.line) for m in python_mentions(source, lambda _: False, lines=lines)] == [("org/crlf-model", 1)]
    lone_cr = "x = 1\rm = AutoModel.from_pretrained('org/cr-model')\n"  # a lone CR: parsed whole, still found
    monkeypatch.undo()
    found = python_mentions(lone_cr, lambda _: False, lines=python_candidate_lines(lone_cr.encode()))
    assert [m.value for m in found] == ["org/cr-model"]


@pytest.mark.parametrize("whole_file", [False, True])
def test_a_constant_derived_from_later_constants_is_followed(whole_file: bool) -> None:
    """`model_id = A if c else B` inside a function, with A and B defined further down: order does not matter."""
    source = (
        "def main(args):\n"
        '    model_id = QWEN if args.model == "qwen" else LLAMA\n'
        "    return AutoConfig.from_pretrained(model_id)\n"
        "\n"
        'LLAMA = "meta-llama/Llama-4-Scout-17B-16E"\n'
        'QWEN = os.getenv("QWEN", "Qwen/Qwen3-30B-A3B")\n'
    )
    lines = [n for n, text in enumerate(source.split("\n"), 1) if '"' in text]
    scan = _PythonScan.of_tree(ast.parse(source), lines, source) if whole_file else None
    scan = scan or _PythonScan.of_statements(source, lines)
    assert scan is not None
    assert sorted(set(scan.found)) == [("Qwen/Qwen3-30B-A3B", 6), ("meta-llama/Llama-4-Scout-17B-16E", 5)]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The lines the statement reader is asked to cut out and parse, in order."""
    from licensecheck.scan import pysource

    lines: list[int] = []
    statement = pysource.Source.statement

    def counting(self: pysource.Source, line: int, bounds: tuple[int, int] | None = None) -> object:
        lines.append(line)
        return statement(self, line, bounds)

    monkeypatch.setattr(pysource.Source, "statement", counting)
    return lines


def test_statements_that_use_a_constant_are_parsed_only_when_they_can_read_it(
    parsed: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    may_add = _PythonScan.may_add
    monkeypatch.setattr(_PythonScan, "may_add", lambda self, names: True)  # (every use, found or not: see below)
    source = (
        'CKPT = "org/const-model"\n'
        "def check(self, CKPT, config):\n"
        "    self.helper(CKPT, config)\n"
        "    print(CKPT)\n"
        "    a = AutoModel.from_pretrained(\n"
        "        CKPT,\n"
        "    )\n"
        '    b = {"model_name_or_path": CKPT}\n'
        "    c = run(Tokenizer_Name=CKPT)\n"
        "    for m in CKPT:\n"
        "        pass\n"
        '    parser.add_argument("--model", default=CKPT)\n'
        "    same = CKPT == other\n"
    )
    scan = _PythonScan.of_statements(source, [1])
    assert scan is not None
    # not the def, the helper call, the print or the comparison (nor line 1: a plain assignment needs no parser)
    assert parsed == [6, 8, 9, 10, 12]
    whole = _PythonScan.of_tree(ast.parse(source), [1], source)
    assert sorted(set(scan.found)) == sorted(set(whole.found)) == [("org/const-model", 1)]
    assert scan.loops == whole.loops == [("m", "CKPT"), ("m@10", "CKPT")]  # (the body's own, read inside it)
    # once a use has found the constant's string, the other uses are not read
    monkeypatch.setattr(_PythonScan, "may_add", may_add)
    parsed.clear()
    scan = _PythonScan.of_statements(source, [1])
    assert scan is not None and parsed == [6]
    assert sorted(set(scan.found)) == sorted(set(whole.found))
    # a constant whose strings are all found already (a model key's) passes on nothing new: its uses are not read
    parsed.clear()
    keyed = source.replace("CKPT", "model_id")
    scan = _PythonScan.of_statements(keyed, [1])
    assert scan is not None and parsed == []
    assert sorted(set(scan.found)) == sorted(set(_PythonScan.of_tree(ast.parse(keyed), [1], keyed).found))


JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(["é", "\u2028", '"quoted"', "\\", "\x00", "🙂", "line\nbreak"])
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6) | st.integers() | st.booleans() | st.none(), inner, max_size=4)
    ),
    max_leaves=30,
)


@PROPERTY
@given(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=5))
def test_json_output_is_exactly_what_json_dumps_writes(doc: dict[str, object]) -> None:
    import json

    from licensecheck.render.json_format import dumps

    assert dumps(doc) == json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('hf_hub_download(repo_id="org/some-data", repo_type="dataset", filename="x.json")\n', []),
        ('snapshot_download(repo_id="org/some-space", repo_type="space")\n', []),
        ('snapshot_download(repo_id="org/weights", repo_type="model")\n', [("org/weights", 1)]),
        # a field or variable named repo_id is a dataset as often as a model: only what a loader is given counts
        ('class Lima:\n    repo_id: str = "GAIR/lima"\n    """The dataset repository."""\n', []),
        (
            'REPO_ID = "org/checkpoint"\npath = hf_hub_download(repo_id=REPO_ID, filename="model.bin")\n',
            [("org/checkpoint", 1)],
        ),
        ('MODEL_ID: str = "org/annotated"\n', [("org/annotated", 1)]),
        ('repo_id = "huggingface/label-files"\np = hf_hub_download(repo_id, "x.json", repo_type="dataset")\n', []),
        ('p = hf_hub_download(\n    repo_id="org/kw-model"  # weights\n)\n', [("org/kw-model", 2)]),
        ('repo_id = "org/used-model"\np = hf_hub_download(repo_id, "model.bin")\n', [("org/used-model", 1)]),
        # the repo_type of a call inside the loader call, or a dict inside the call, do not hide a model
        ('m = AutoModel.from_pretrained("org/outer-model", cache=f(repo_type="dataset"))\n', [("org/outer-model", 1)]),
        ('run({"repo_id": "org/in-dict"}, repo_type="dataset")\n', [("org/in-dict", 1)]),
    ],
)
def test_dataset_and_space_repositories_are_not_models(source: str, expected: list[tuple[str, int]]) -> None:
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    lines = python_candidate_lines(source.encode())
    found = [] if lines is None else python_mentions(source, lambda _: False, lines=lines)
    assert [(m.value, m.line) for m in found] == expected
    whole = python_mentions(source, lambda _: False)  # the whole-file reading agrees
    assert [(m.value, m.line) for m in whole] == expected


@pytest.mark.parametrize(
    "source",
    [
        # a keyword argument is no assignment: the name it is given to is not followed for the constant
        'CKPT = "org/doc-ckpt"\n@add_docstrings(checkpoint=CKPT)\ndef f(checkpoint):\n    load(checkpoint)\n',
        # a name that merely holds "model" is no model key (the extraction reads neither)
        'class GemmaConfig:\n    model_type = "gemma2"\n    """Config."""\n',
        'parser.add_argument("--output_dir", default="google/gemma-7b")\nload_model = 1\n',
        # a dataset download, and a dataset repository held in repo_id
        'f = hf_hub_download(repo_id="org/labels", filename="x.json", repo_type="dataset")\n',
        'repo_id = "huggingface/label-files"\np = hf_hub_download(repo_id, "x.json", repo_type="dataset")\n',
        # a constant only compared, reassigned, or named as a keyword of a loader: none of these reads it
        'CKPT = "org/doc-ckpt"\nif CKPT == x:\n    CKPT = y\nm = AutoModel.from_pretrained(x, CKPT=1)\n',
    ],
)
def test_the_prefilter_skips_what_the_extraction_would_not_read(source: str) -> None:
    from licensecheck.scan.discover import is_catalog_alias, python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    assert python_mentions(source, is_catalog_alias) == []  # what the whole-file reading finds: nothing
    assert python_candidate_lines(source.encode()) is None or "add_argument" in source


NOTEBOOK_CELLS = [
    ("code", ["import torch\n", "x = torch.ones(3)\n"]),
    ("code", ['tok = AutoTokenizer.from_pretrained("org/nb-double")\n']),
    ("code", ["m = AutoModel.from_pretrained('org/nb-single')\n"]),
    ("code", ["!huggingface-cli download org/nb-shell --local-dir w\n"]),
    ("code", ["  !ollama pull llama3.1:8b\n"]),
    ("code", ["%pip install transformers\n", "MODEL = 'gpt2'\n"]),
    ("code", ["def f(a, b='cpu'):\n", "    return a\n"]),
    ("code", ['print("the model is loading")\n']),
    ("markdown", ["We download the model `org/md-model` here.\n"]),
    ("raw", ['from_pretrained("org/raw-cell")\n']),
]


@PROPERTY
@given(st.lists(st.sampled_from(range(len(NOTEBOOK_CELLS))), max_size=8), st.booleans())
def test_notebook_prefilters_drop_nothing_the_full_reading_finds(picks: list[int], outputs: bool) -> None:
    import json

    from licensecheck.scan.discover import _notebook_may_name, is_catalog_alias, python_candidate_lines
    from licensecheck.scan.extract import notebook_mentions

    cells = []
    for pick in picks:
        kind, source = NOTEBOOK_CELLS[pick]
        cell: dict[str, object] = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell["outputs"] = [{"output_type": "stream", "text": ["model loaded: 'org/printed'\n"]}] if outputs else []
        cells.append(cell)
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}, indent=1)
    full = notebook_mentions(text, is_catalog_alias)
    fast = notebook_mentions(text, is_catalog_alias, python_candidate_lines)
    assert fast == full
    if full:
        assert _notebook_may_name(text.encode())


def test_a_notebook_that_cannot_name_a_model_is_not_parsed() -> None:
    import json

    from licensecheck.scan.discover import _notebook_may_name

    cells = [NOTEBOOK_CELLS[i] for i in (0, 6, 7, 8)]
    doc = {"cells": [{"cell_type": k, "metadata": {}, "source": s, "outputs": []} for k, s in cells]}
    assert not _notebook_may_name(json.dumps(doc).encode())
    escaped = json.dumps({"cells": [{"cell_type": "code", "source": ['from_pretrained("org/x")']}]})
    assert _notebook_may_name(escaped.replace("/", "\\/").encode())  # a writer that escapes "/"
    assert _notebook_may_name(b'{"cells": [{"cell_type": "code", "source": ["!vllm serve org/x\\n"]}]}')
    assert _notebook_may_name(b"not json at all: from_pretrained('org/x')")


@pytest.mark.parametrize("whole_file", [False, True])
def test_parameter_defaults_are_assignments(whole_file: bool) -> None:
    from licensecheck.scan.discover import python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    source = (
        'def load(x, model_id="org/p-model", *, tokenizer_name: str = "org/t-model", k=None):\n'
        "    pass\n"
        'async def fetch(path="org/used-path"):\n'
        "    return AutoModel.from_pretrained(path)\n"
        'def other(name="org/not-a-key"):\n'
        "    print(name)\n"
    )
    if whole_file:
        source += "match x:\n    case 1:\n        pass\n"  # (cannot be cut out: the whole file is read)
    lines = python_candidate_lines(source.encode())
    assert lines is not None
    found = sorted((m.value, m.line) for m in python_mentions(source, lambda _: False, lines=lines))
    assert found == [("org/p-model", 1), ("org/t-model", 1), ("org/used-path", 3)]


# Found by a differential review (the fast path against a whole-file reading): each once missed by the fast path.
FAST_PATH_MISSES = {
    "parenthesized conditional (black)": (
        "m = AutoModel.from_pretrained(\n"
        "    (\n"
        "        args.model\n"
        "        if args.model\n"
        '        else "org/x"\n'
        "    ),\n"
        ")\n"
    ),
    "getenv in parentheses in a branch": 'import os\nmodel_id = a if c else (os.getenv("M", "org/x"))\n',
    "branch after a subscript": 'import sys\nmodel_id = sys.argv[1] if len(sys.argv) > 1 else "org/x"\n',
    "constant carried by a conditional": 'A = "org/x"\nB = x[0] if c else A\nAutoModel.from_pretrained(B)\n',
    "branch after a unary minus": 'model_id = -1 if c else "org/x"\n',
    "comment opening a list": (
        'MODELS = [\n    # small ones\n    "org/x",\n]\nfor m in MODELS:\n    AutoModel.from_pretrained(m)\n'
    ),
    "comment after a parenthesis": 'download(repo_id=(  # note\n    "org/x"))\n',
    "a name before the id in a list": 'CKPTS = [BASE, "org/x"]\nfor c in CKPTS:\n    AutoModel.from_pretrained(c)\n',
    "a set": 'models = {"org/x"}\n',
    "continuation after =": 'model_name = \\\n    "org/x"\n',
    "continuation before if": 'model_id = a \\\n    if c else "org/x"\n',
    "unbalanced parenthesis in a comment": 'm = AutoModel.from_pretrained(\n    # the small one :)\n    "org/x",\n)\n',
    "triple quote in a string": (
        "SEP = \"a ''' b\"\nm = AutoModel.from_pretrained(\"org/x\")\ndef f():\n    '''doc'''\n"
    ),
    "escaped triple quote in a docstring": (
        'def f():\n    """Write \\""" to quote."""\nm = AutoModel.from_pretrained("org/x")\ndef g():\n    """doc"""\n'
    ),
    "triple quote in a comment after an apostrophe": (
        'x = "it\'s"  # """\nm = AutoModel.from_pretrained("org/x")\ndef g():\n    """doc"""\n'
    ),
    "a triple-quoted id": 'm = AutoModel.from_pretrained("""org/x""")\n',
    "a key with no 'model' in it": 'cfg = dict(adapter_name_or_path="org/x")\n',
    "a --repo option": 'p.add_argument("--repo", default="org/x")\n',
    "a use in an f-string field": 'CKPT = "org/x"\nprint(f"{AutoModel.from_pretrained(CKPT)}")\n',
    "a bare get()": 'A = "org/x"\nB = get("M", A)\nAutoModel.from_pretrained(B)\n',
    "three getenv steps": (
        "import os\n"
        'A = "org/x"\n'
        'B = os.getenv("B", A)\n'
        'C = os.getenv("C", B)\n'
        'D = os.getenv("D", C)\n'
        "AutoModel.from_pretrained(D)\n"
    ),
    "continuation before the call's parenthesis": 'm = AutoModel.from_pretrained \\\n    ("org/x")\n',
    "lone CR line ends": '# load\rm = AutoModel.from_pretrained("org/x")\r',
    "REPO_ID in capitals": 'REPO_ID = "org/x"\nmodel = AutoModel.from_pretrained(REPO_ID)\n',
    "a constant in a parameter's getenv default": (
        'import os\nDEFAULT = "org/x"\ndef load(model_id=os.getenv("M", DEFAULT)):\n    pass\n'
    ),
    "repo_id keyword with a conditional": 'info = api.model_info(repo_id="org/x" if c else other)\n',
    "black-style chained conditional": (
        'model_id = (\n    args.model\n    if args.model\n    else os.environ["M"]\n    if "M" in os.environ\n'
        '    else "org/x"\n)\n'
    ),
    "comment before a grouping parenthesis": 'm = AutoModel.from_pretrained(  # note\n    ("org/x"))\n',
    "continuation before a grouping parenthesis": 'model_id = os.getenv("M", \\\n    ("org/x"))\n',
    "a long wrapped conditional": (
        "model = AutoModel.from_pretrained(\n    (\n        training_arguments.model_name_or_path\n"
        '        if training_arguments.model_name_or_path is not None\n        else "org/x"\n    )\n)\n'
    ),
    "repo_type given by a conditional": 'snapshot_download(repo_id="org/x", repo_type="dataset" if ds else "model")\n',
    "a name that is not ASCII": 'ckpt_é = "org/x"\nAutoModel.from_pretrained(ckpt_é)\n',
    "a Cyrillic loop variable": 'CKPTS = ["org/x"]\nfor модель in CKPTS:\n    AutoModel.from_pretrained(модель)\n',
    "a capitalized keyword": 'x = foo(Tokenizer="org/x")\n',
    "a set of ids looped over": 'CHECKPOINTS = {"org/x"}\nfor c in CHECKPOINTS:\n    AutoModel.from_pretrained(c)\n',
    "an escaped quote before #": 'x = "\\"#"; m = AutoModel.from_pretrained("org/x")\n',
    "a long id": f'm = AutoModel.from_pretrained("{"o" * 90}/{"x" * 90}")\n',
    # found by the session-4 review (older than its changes)
    "a black-wrapped conditional over a constant": (
        'CKPT = "org-a/model-b"\ncheckpoint = (\n    CKPT\n    if c\n    else None\n)\n'
        "m = AutoModel.from_pretrained(checkpoint)\n"
    ),
    "a parenthesized constant in a conditional": (
        'CKPT = "org-a/model-b"\ncheckpoint = (CKPT) if c else None\nm = AutoModel.from_pretrained(checkpoint)\n'
    ),
    "a triple-quoted value of a model key": 'base_model = """org-a/model-b"""\n',
    "a triple-quoted parameter default": 'def f(model_id="""Qwen/Qwen2-7B"""):\n    pass\n',
    "a continued line before a list": 'model_id = \\\n    ["org-a/model-b"]\n',
}


@pytest.mark.parametrize("source", list(FAST_PATH_MISSES.values()), ids=list(FAST_PATH_MISSES))
def test_the_fast_path_finds_what_the_whole_file_reading_finds(source: str) -> None:
    from licensecheck.scan.discover import is_catalog_alias, python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    slow = sorted((m.value, m.line) for m in python_mentions(source, is_catalog_alias))
    assert slow, "the whole-file reading finds the model"
    lines = python_candidate_lines(source.encode())
    fast = (
        []
        if lines is None
        else sorted((m.value, m.line) for m in python_mentions(source, is_catalog_alias, lines=lines))
    )
    assert fast == slow


def test_uses_are_searched_only_for_strings_that_could_still_be_a_finding(parsed: list[int]) -> None:
    from licensecheck.scan.discover import is_catalog_alias
    from licensecheck.scan.extract import looks_like_model

    source = (
        'def run(self, checkpoint="org/param-model", device="cuda"):\n'
        "    x = load(model=device)\n"  # a use of `device`: it holds no model, so it is not read
        "    return AutoModel.from_pretrained(checkpoint)\n"
    )
    scan = _PythonScan.of_statements(source, [1], lambda value: looks_like_model(value, is_catalog_alias))
    assert scan is not None and parsed == [1, 3]
    assert sorted(set(scan.found)) == [("org/param-model", 1)]
    parsed.clear()
    every = _PythonScan.of_statements(source, [1])  # (without the test, every string is followed)
    assert every is not None and parsed == [1, 2, 3]
    assert sorted(set(every.found)) == [("cuda", 1), ("org/param-model", 1)]


def test_shell_and_docker_variables_naming_a_model_are_read(tmp_path: Path) -> None:
    from licensecheck.scan.discover import _SHELL_HINT, discover
    from licensecheck.scan.extract import _COMMAND_NEEDLES

    for needle in _COMMAND_NEEDLES:  # the byte pre-filter lets through every line a command pattern can read
        for spelling in (needle, needle.upper(), needle.capitalize()):
            assert any(hint in spelling.lower().encode() for hint in _SHELL_HINT), spelling
    (tmp_path / "run.sh").write_text("export BASE_MODEL=org/exported\nMODEL_ID=org/inline python run.py\n")
    (tmp_path / "Dockerfile").write_text("FROM python:3.11\nENV MODEL_ID=org/docker-env\n")
    found = discover(str(tmp_path), workers=1)
    assert sorted(found.mentions) == ["org/docker-env", "org/exported", "org/inline"]


@pytest.mark.parametrize(
    "source",
    [
        ["import os\n!ollama pull llama3.1:8b\n"],  # the cell's source as one string
        ["\t!huggingface-cli download org/tabbed\n"],
        ["!MODEL_ID=org/from-var python run.py\n"],
    ],
)
def test_notebook_shell_lines_in_any_layout_are_read(source: list[str]) -> None:
    import json

    from licensecheck.scan.discover import _notebook_may_name, is_catalog_alias
    from licensecheck.scan.extract import notebook_mentions

    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "source": source if len(source) > 1 else source[0]}
    text = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4})
    assert notebook_mentions(text, is_catalog_alias)
    assert _notebook_may_name(text.encode())


def test_config_gates_let_through_every_key_and_command_the_readers_take(tmp_path: Path) -> None:
    from licensecheck.scan.discover import discover

    files = {
        "a.yaml": "REPO_ID: org/upper-key\nTokenizer: org/cap-key\n",
        "b.json": '{"TOKENIZER_NAME": "org/json-upper", "args": "pretrained=org/lm-eval-json,dtype=bf16"}\n',
        "c.toml": 'adapter_NAME_OR_PATH = "org/toml-mixed"\n',
        "docker-compose.yaml": (
            'services:\n  llm:\n    entrypoint: ["vllm", "serve", "org/compose-exec"]\n'
            '  pull:\n    command: ["ollama", "pull", "mistral:7b"]\n'
        ),
        ".github/workflows/ci.yaml": "jobs:\n  x:\n    steps:\n      - run: hf download\torg/tabbed-cli\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    found = sorted(discover(str(tmp_path), workers=1).mentions)
    assert found == [
        "mistral:7b",
        "org/cap-key",
        "org/compose-exec",
        "org/json-upper",
        "org/lm-eval-json",
        "org/tabbed-cli",
        "org/toml-mixed",
        "org/upper-key",
    ]


_CONFIG_KEYS = ["model", "Model", "base_model", "MODEL_ID", "tokenizer_name", "repo_id", "_name_or_path", "models"]
_CONFIG_KEYS += ["adapter_NAME_OR_PATH", "model.x", "1model", "émodel", "x_model", "default", "prompt"]
_CONFIG_VALUES = ["org/name", "gpt2", "llama3.1:8b", "Llama 3.1", "not a model", "./local", "${MODEL}", "a"]


@st.composite
def _config_line(draw: st.DrawFn) -> str:
    key = draw(st.sampled_from(_CONFIG_KEYS))
    value = draw(st.sampled_from(_CONFIG_VALUES))
    quote, value_quote = draw(st.sampled_from(["", '"', "'"])), draw(st.sampled_from(["", '"', "'"]))
    sep = draw(st.sampled_from([":", ": ", " = ", "=", ":\t", "\u00a0:", ": \u3000", " ", "\t"]))
    indent = draw(st.sampled_from(["", "  ", "- ", "\u3000", "\t"]))
    lead = draw(st.sampled_from(["", "export ", "ENV ", "run: ", "run: export ", "text the "]))
    forms = [
        f"{indent}{lead}{quote}{key}{quote}{sep}{value_quote}{value}{value_quote}",
        f"{indent}{quote}{key}{quote}:",  # a key that opens a list
        f"{indent}- {value_quote}{value}{value_quote}",
        "{" + f"{quote}{key}{quote}{sep}{value_quote}{value}{value_quote}" + ', "lr": 1}',
        f"{indent}args: pretrained={value},dtype=bf16",
        f"{indent}run: {draw(st.sampled_from(['vllm serve', 'hf download', 'ollama run', 'x --model']))} {value}",
        '"value": "a direct-to-consumer model: gpt2 sells"',
        '"model.layers.0.mlp": {"snr": 1.5}',
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(_config_line(), min_size=1, max_size=5),
    line_break=st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\x1c", "\u2028", "\x85"]),
    kind=st.sampled_from(["yaml", "json", "toml"]),
)
def test_the_config_prefilter_skips_no_file_the_readers_find_a_model_in(
    lines: list[str], line_break: str, kind: str
) -> None:
    from licensecheck.scan.discover import _HINTS, _config_may_name, _contains_any, is_catalog_alias
    from licensecheck.scan.extract import command_mentions, config_mentions, yaml_readings

    text = line_break.join(lines)
    if kind == "yaml":  # (as ``extract_file`` reads it: prose block scalars apart)
        config_text, command_text = yaml_readings(text)
        found = config_mentions(config_text, is_catalog_alias) + command_mentions(command_text, is_catalog_alias)
    else:  # (JSON: keys inside a line count quoted)
        found = config_mentions(text, is_catalog_alias, quoted_keys=kind == "json")
    low = text.encode().lower()
    if found:
        assert _contains_any(low, _HINTS[kind]) and _config_may_name(low, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a chat dataset that says "model:" in its prose, and a table of layer names
        '[{"instruction": "Name a part.", "output": "1. Build the model: start small.\\n2. Test it."}]\n',
        '{\n  "model.layers.0.input_layernorm": {"snr": 1.5},\n  "model.norm": {"snr": 2.0}\n}\n',
        # a model key whose value can be no model
        '{"model_type": "llama", "model": "./checkpoints/last"}\n',
    ],
)
def test_config_files_that_cannot_name_a_model_are_not_read(text: str) -> None:
    from licensecheck.scan.discover import _config_may_name, is_catalog_alias
    from licensecheck.scan.extract import config_mentions

    assert config_mentions(text, is_catalog_alias) == []
    assert not _config_may_name(text.encode().lower(), "json")


@pytest.mark.parametrize(
    "source",
    [
        # an alias as a dict key, its value under an enum key: neither is read (LLaMA-Factory's model table)
        'register(\n    models={\n        "BLOOM-560M": {\n            Source.DEFAULT: "bigscience/bloom-560m",\n'
        "        },\n    },\n)\n",
        'if name == "gpt2":\n    pass\n',
        'load = AutoModel.from_pretrained({"x": "org/in-a-dict"})\n',
    ],
)
def test_dict_keys_and_values_under_other_keys_do_not_make_a_file_parsed(source: str) -> None:
    from licensecheck.scan.discover import is_catalog_alias, python_candidate_lines
    from licensecheck.scan.extract import python_mentions

    assert python_mentions(source, is_catalog_alias) == []
    assert python_candidate_lines(source.encode()) is None


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        # found by a red-team review of the config pre-filter: each was skipped, though a reader finds it
        ("c.toml", "\ufeffModel_iD = 'phi3'\n", "phi3"),  # a byte order mark before the first key
        ("w.yml", 'command: ["export MODEL=q/r", "-c", "run"]\n', "q/r"),  # a variable in an exec form
        ("w.yml", "run: |\n  export\x1fMODEL=q/r\n", "q/r"),  # any white space after export
        ("w.yml", "steps:\n  - run: echo\nMODEL\\\n=q/r\n", "q/r"),  # a continued line before its =
        ("w.yml", 'command: [\\\n  "MODEL_ID=q/r"]\n', "q/r"),  # an exec form continued over lines
        ("w.yml", "#" * 300 + '\ncommand: [\\\n  "MODEL_ID=q/r"]\n', "q/r"),  # (after the first 200 bytes)
    ],
)
def test_config_files_the_readers_take_are_read(tmp_path: Path, name: str, text: str, found: str) -> None:
    from licensecheck.scan.discover import scan_entry
    from licensecheck.scan.walk import FileEntry, file_kind

    path = tmp_path / name
    path.write_bytes(text.encode())
    kind = file_kind(name)
    assert kind is not None
    _, mentions, _, _, _ = scan_entry(FileEntry(str(path), name, kind))
    assert found in [m.value for m in mentions]


PLAIN_TRAPS = (
    'MODEL = "org/plain-a"  # the plain case\n'
    "self.base = 'org/attribute-b'\n"
    "load(\n"
    '    model_id="org/keyword-c"\n'  # a keyword inside a call, not an assignment
    ")\n"
    'doc = """\n'
    'NOT_CODE = "org/in-docstring-d"\n'
    '"""\n'
    "total = 1 + \\\n"
    '    len("org/continued-e")\n'
    'escaped = "org/esc\\x41-f"\n'
    'prefixed = r"org/raw-g"\n'
    'two = "org/two-h"; other = 1\n'
    'repo_id = "org/assigned-key-i"\n'
    'model_name_or_path = "org/assigned-key-j"\n'
    "from_pretrained(MODEL)\n"
)


def test_plain_assignments_read_without_the_parser_agree_with_it() -> None:
    """Lines that look like `NAME = "…"` but sit in a call, a string or a continuation are cut out and parsed; the
    plain ones are read directly; either way the findings and constants are the parser's."""
    source = PLAIN_TRAPS
    lines = [number for number, text in enumerate(source.split("\n"), 1) if '"' in text or "'" in text]
    fast = _PythonScan.of_statements(source, lines)
    whole = _PythonScan.of_tree(ast.parse(source), lines, source)
    assert fast is not None
    assert sorted(set(fast.found)) == sorted(set(whole.found))
    assert {value for value, _ in fast.found} >= {"org/plain-a", "org/keyword-c", "org/assigned-key-j"}
    assert "org/in-docstring-d" not in {value for value, _ in fast.found}
    assert fast.constants == whole.constants


def test_a_line_that_continues_another_is_not_read_as_a_plain_assignment(parsed: list[int]) -> None:
    source = 'total = 1 + \\\n    2\nM = "org/x-model"\nN = "org/y-model"\nfrom_pretrained(M)\n'
    scan = _PythonScan.of_statements(source, [3, 4])
    assert scan is not None and parsed == [5]  # (lines 3 and 4 are plain; only the loader's use is parsed)
    continued = 'value = f(1) + \\\nM = "org/x-model"\nfrom_pretrained(M)\n'
    assert _PythonScan.of_statements(continued, [2]) is None  # (cut out with what it continues: no statement)
    assert parsed[-1] == 2


@pytest.mark.parametrize("target", ["if", "self.class", "None"])
def test_a_plain_assignment_to_a_keyword_is_left_to_the_parser(target: str, parsed: list[int]) -> None:
    source = f'{target} = "org/x-model"\n'
    assert _PythonScan.of_statements(source, [1]) is None  # (the parser refuses it: the caller parses the file)
    assert parsed == [1]


def test_the_scan_s_parser_and_walks_are_ast_s() -> None:
    from licensecheck.scan import pyast

    sources = [
        PLAIN_TRAPS,
        "from __future__ import annotations\nx: int = 1\n",
        "@d(a=[1, {2: f'{x!r}'}])\ndef f(): ...",
    ]
    for source in sources:
        ours, theirs = pyast.parse(source), ast.parse(source)
        assert ast.dump(ours, include_attributes=True) == ast.dump(theirs, include_attributes=True)
        assert [ast.dump(n) for n in pyast.walk(ours)] == [ast.dump(n) for n in ast.walk(theirs)]
        for mine, other in zip(pyast.walk(ours), ast.walk(theirs), strict=True):
            assert [ast.dump(n) for n in pyast.iter_child_nodes(mine)] == [
                ast.dump(n) for n in ast.iter_child_nodes(other)
            ]
    with pytest.raises(SyntaxError):
        pyast.parse("def (")


def test_a_use_passed_over_is_read_once_a_conditional_gives_its_name_a_new_string(parsed: list[int]) -> None:
    """Uses passed over while a conditional later in the file gives their name another string: the reading still
    finds every string the whole-file reading finds (a name's strings are read by every node that reads the name,
    so the first loader finds the later string too)."""
    source = (
        'A = "org/a-model"\n'  # 1
        'B = "org/b-model"\n'  # 2
        "m = A\n"  # 3 (not a constant: m holds nothing yet)
        "for m in [A]:\n"  # 4
        "    AutoModel.from_pretrained(m)\n"  # 5
        "    AutoModel.from_pretrained(m)\n"  # 6
        "m = B if flag else A\n"  # 7
    )
    lines = [1, 2]
    fast = _PythonScan.of_statements(source, lines)
    whole = _PythonScan.of_tree(ast.parse(source), lines, source)
    assert fast is not None
    assert sorted(set(fast.found)) == sorted(set(whole.found))
    assert {value for value, _ in fast.found} == {"org/a-model", "org/b-model"}


def test_names_by_line_agrees_with_the_lines_of_each_name() -> None:
    from licensecheck.scan.extract import _name_lines, _names_by_line

    text = "A = 1\nx = A + B\nAB = B\n# A\nfoo(A_, _A, A)\n"
    assert _names_by_line(text, {"A", "B"}) == [
        (1, frozenset({"A"})),
        (2, frozenset({"A", "B"})),
        (3, frozenset({"B"})),
        (4, frozenset({"A"})),
        (5, frozenset({"A"})),
    ]
    assert _name_lines(text, {"A", "B"}) == [1, 2, 3, 4, 5]
    many = {f"N{i}" for i in range(20)} | {"A"}  # (the one-pass path)
    assert _names_by_line(text, many) == [
        (1, frozenset({"A"})),
        (2, frozenset({"A"})),
        (4, frozenset({"A"})),
        (5, frozenset({"A"})),
    ]


def test_bracket_depth_is_counted_right_past_characters_beyond_latin_1() -> None:
    from licensecheck.scan.pysource import Source

    text = (
        "变量 = (1,\n"  # 1: opens a bracket after characters beyond Latin-1
        "    '中文 (', 2)  # 注释 [\n"  # 2: brackets in a string and a comment do not count
        "é = f(\n"  # 3
        "    \"😀\", model='org/x')\n"  # 4
        "x = 1\n"  # 5
    )
    source = Source(text)
    assert source.span(2) == (1, 2)
    assert source.span(4) == (3, 4)
    assert source.span(5) == (5, 5)
    assert source.starts_a_statement(3) and not source.starts_a_statement(4)


@pytest.mark.parametrize(
    "source",
    [
        # a use passed over (its constant's string already found through another name holding the same string) whose
        # name gains a string only in a later round, through a conditional or a default read then
        'A = B = "o/a"\npipeline(model=B)\nAutoModel.from_pretrained(A)\nA = C if c else A\nC = D if c else D\n'
        'D = "o/d"\n',
        'BASE = "o/base"\ntok = BASE if c else None\nAutoTokenizer.from_pretrained(tok)\nckpt = BASE if c else None\n'
        "AutoModel.from_pretrained(ckpt)\nckpt = alt if c else ckpt\nalt = os.getenv(K, fallback)\n"
        'fallback = FALLBACK if c else None\nFALLBACK = "o/fallback"\n',
        'A = B = "o/a"\npipeline(model=B)\nfor m in A:\n    AutoModel.from_pretrained(m)\nA = C if c else None\n'
        'C = D if c else None\nD = "o/d"\n',
        'A = B = "o/a"\npipeline(model=B)\nmodel_id = A if c else None\nA = C if c else None\nC = D if c else None\n'
        'D = "o/d"\n',
        'A = "o/a"; pipeline(model="o/a")\nAutoModel.from_pretrained(A)\nA = C if c else A\nC = D if c else D\n'
        'D = "o/d"\n',
    ],
)
def test_uses_passed_over_are_read_when_a_later_round_gives_their_names_a_string(source: str) -> None:
    lines = [number for number, text in enumerate(source.split("\n"), 1) if '"' in text]
    fast = _PythonScan.of_statements(source, lines)
    whole = _PythonScan.of_tree(ast.parse(source), lines, source)
    assert fast is not None
    assert sorted(set(fast.found)) == sorted(set(whole.found))
    assert any(value in ("o/d", "o/fallback") for value, _ in fast.found)


@pytest.mark.parametrize(
    ("code", "nested"),
    [
        ('f"{x:{w}}"', False),  # a nested format spec closes both fields
        ('f"{{literal"', False),  # doubled braces are literal
        ('rf"{{}}{x}"', False),
        ("F\"{d['k']}\"", False),  # other quotes inside a field: one token, as the lexer reads it
        ('"{ not an f-string"', False),
        ('if "{" in x: pass', False),  # (the f of `if` is no string prefix)
        ('f"{row["', True),  # `f"{row["model"]}"` (Python 3.12) cut off at the field's own quote
        ('f"{a}{b[" + 1', True),
        ('f"""{x\n["', True),
    ],
)
def test_an_f_string_cut_off_inside_a_field_is_noticed(code: str, nested: bool) -> None:
    from licensecheck.scan.pysource import Source

    assert Source(code + "\n").nested_quotes is nested


def test_a_file_with_fields_reusing_their_quotes_is_left_to_the_parser() -> None:
    """Python 3.12 lets a field reuse its f-string's quotes; the lexer would pair the quotes wrongly and read a line
    inside a string as code, so such a file is not cut into statements."""
    source = "s = f\"{\"'\"}\" '''\nX = \"meta-llama/Llama-2-7b-hf\"\nx' '''\nAutoModel.from_pretrained(X)\n"
    assert _PythonScan.of_statements(source, [2]) is None
    if sys.version_info >= (3, 12):
        whole = _PythonScan.of_tree(ast.parse(source), [2], source)
        assert whole.found == []  # (the id is inside a string: no finding)


def test_a_long_chain_of_derived_names_is_settled_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each round of uses settles the constants again; only what can change is re-read, so a chain of n names
    (`N1 = N0 if c else None`, …) costs work in proportion to n, not n squared (800 names took 4 s before)."""
    import random

    n = 300
    lines = ['N0 = "org/model-x"']
    lines += [f"N{i} = N{i - 1} if c else None" for i in range(1, n)]
    lines.append(f"AutoModel.from_pretrained(N{n - 1})")  # (only the end of the chain is loaded)
    random.Random(1).shuffle(lines)
    source = "\n".join(lines) + "\n"
    calls = [0]
    strings = _PythonScan._strings

    def counting(self: _PythonScan, node: ast.expr | None) -> list[tuple[str, int]]:
        calls[0] += 1
        return strings(self, node)

    monkeypatch.setattr(_PythonScan, "_strings", counting)
    literal = [number for number, text in enumerate(source.split("\n"), 1) if '"' in text]
    fast = _PythonScan.of_statements(source, literal)
    whole = _PythonScan.of_tree(ast.parse(source), literal, source)
    first = lines.index('N0 = "org/model-x"') + 1
    assert fast is not None and sorted(set(fast.found)) == sorted(set(whole.found)) == [("org/model-x", first)]
    assert fast.constants[f"N{n - 1}"] == [("org/model-x", first)]  # (carried the whole length of the chain)
    calls[0] = 0
    _PythonScan.of_statements(source, literal)
    assert calls[0] < 40 * n


@settings(max_examples=300, deadline=None)
@given(
    st.sets(
        st.one_of(
            st.from_regex(rb"[A-Za-z0-9][\w.:/-]{1,40}", fullmatch=True),
            st.sampled_from(
                [b"gpt2", b"GPT2", b"Llama3.1", b"org/Model-7B", b"llama3.1:8b", b"a:b:c", b"x/y/z", b"host:8080"]
            ),
        ),
        max_size=40,
    )
)
def test_tokens_are_judged_together_as_one_by_one(tokens: set[bytes]) -> None:
    """``_judge`` sorts a batch of tokens in C; the answer is the one each token would get on its own."""
    from licensecheck.scan import discover as discover_mod
    from licensecheck.scan.extract import looks_like_model

    aliases = discover_mod._alias_bytes()
    expected = {
        raw
        for raw in tokens
        if (
            looks_like_model(raw.decode(), discover_mod.is_catalog_alias)
            if b"/" in raw or b":" in raw
            else raw.lower() in aliases
        )
    }
    accepted: set[bytes] = set()
    discover_mod._judge(tokens, accepted)
    assert accepted == expected


# The pattern that read a config line's key and value in one go (its lazy value group costs a step per character).
WHOLE_KEY_LINE = re.compile(r"""^\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*,?\s*$""")


_LINE_PIECES = st.sampled_from(
    [" ", "\t", "\u00a0", "\x0b", ",", ":", "=", "-", "- ", "'", '"', "#", "[", "]", "model", "base_model", "org/x"]
)


@PROPERTY
@given(st.lists(_LINE_PIECES, max_size=12).map("".join))
@example("  - model: org/x ,  ")
@example('"base_model" = "org/x",,')
@example("model:\u00a0, ")
def test_a_config_line_s_key_and_value_are_what_the_whole_line_pattern_read(line: str) -> None:
    whole = WHOLE_KEY_LINE.match(line)
    assert key_and_value(line) == (None if whole is None else (whole.group(1), whole.group(2)))
