"""Discovery: every model reference in a repository, with every location.

Each candidate file is read once; one compiled bytes regex per kind decides whether it can name a model at all,
and only those files are decoded and parsed. Large trees are split over the CPU cores.
"""

from __future__ import annotations

import os
import sys
import time
from bisect import bisect_left, bisect_right
from itertools import chain

from licensecheck.lazyre import MULTILINE, compiled, later_bytes
from licensecheck.records import TYPE_CHECKING, NamedTuple, cache
from licensecheck.scan import replay
from licensecheck.scan.extract import (
    _DEFAULT_HOLDERS,
    ASSIGNED_KEYS,
    CALL_MODEL_KEYWORDS,
    MODEL_KEYS,
    Mention,
    command_mentions,
    config_line_values,
    config_mentions,
    file_loaders,
    hub_target,
    jenkinsfile_mentions,
    looks_like_model,
    model_variable,
    modelfile_mentions,
    notebook_mentions,
    python_mentions,
    tox_mentions,
    yaml_readings,
)
from licensecheck.scan.resultcache import record, stamp_of
from licensecheck.scan.walk import FileEntry, walk_repository
from licensecheck.textfile import UTF16_BOMS

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from licensecheck.scan.resultcache import Stamp

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024  # notebooks carry their outputs (images) inline
# A forked helper costs about 2 ms; below these counts it saves less than that (measured: bench/bench_scan.py)
PARALLEL_MIN_PYTHON = 100  # Python files are the costly part
PARALLEL_MIN_FILES = 300

# Python is parsed only when it names a loader or a model key *and* holds a string that could be a model:
# a quoted org/name or name:tag that passes ``looks_like_model``, or a bare catalog alias given to a loader/key.
# Substrings, not one regex: `bytes in` runs at memory speed, while an alternation is tried at every position
# (a third of the time of a large scan went there).
_PY_CONTEXT = (  # the most common first: a file that has one is known after a few bytes
    b"odel",
    b"MODEL",
    b"okenizer",
    b"from_pretrained",
    b"pipeline",
    b"repo_id",
    b"_download",
    b"LLM",
    b"OKENIZER",
    b"REPO_ID",
    b"SentenceTransformer",
    b"CrossEncoder",
    b"Ollama",
    b"InferenceClient",
    b"name_or_path",  # adapter_name_or_path, _name_or_path
    b"NAME_OR_PATH",
    b"add_argument",  # --repo options
    b"mlx_",  # mlx-lm: `model, tokenizer = load("org/x")` (extract.file_loaders)
    b"_quantized",  # AutoGPTQ / AutoAWQ `from_quantized`
    b"FlagReranker",
    b"pretrained=",  # lm-eval `model_args="pretrained=org/x,…"`
)
# What stands just before a candidate string (within NEAR_BYTES, so calls spread over lines count) when it is in
# a place that can name a model: inside an open loader call, or right after a model key (keyword, dict key,
# assignment, argparse default), possibly after earlier items of a list. Read backwards from the string with plain
# byte operations: a regular expression searched over the window retries at every byte and costs ten times more.
_LOADER_SUFFIXES = (
    b"from_pretrained",
    b"pipeline",
    b"hf_hub_download",
    b"snapshot_download",
    b"LLM",
    b"AsyncLLMEngine",
    b"SentenceTransformer",
    b"CrossEncoder",
    b"load_checkpoint_and_dispatch",
    b"HuggingFaceEmbeddings",
    b"HuggingFacePipeline",
    b"ChatOllama",
    b"OllamaLLM",
    b"Ollama",
    b"InferenceClient",
    b"from_quantized",
    b"from_finetuned",
    b"FlagModel",
    b"FlagReranker",
    b"FlagLLMReranker",
    b"create_model",  # timm and open_clip (only a name with the Hub's prefix counts: extract.HUB_PREFIXED_CALLS)
    b"create_model_and_transforms",
    b"create_model_from_pretrained",
    b"get_tokenizer",
)
_AUTO_CLASS = later_bytes(rb"Auto[A-Z]")
_MODEL_KEY_BYTES = frozenset(key.encode() for key in MODEL_KEYS)  # what a model key is, for the extraction too
_ASSIGNED_KEY_BYTES = frozenset(key.encode() for key in ASSIGNED_KEYS)
_CALL_KEY_BYTES = frozenset(key.encode() for key in CALL_MODEL_KEYWORDS)
# (bytes of UTF-8 sequences count as word bytes: Python names may be `modèle` or `модель`)
_WORD_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_" + bytes(range(0x80, 0x100))


def _trailing_word(text: bytes) -> bytes:
    """The identifier ``text`` ends with (``\\w+`` in a bytes pattern), or nothing."""
    return text[len(text.rstrip(_WORD_BYTES)) :]


def _open_paren(text: bytes) -> int:
    """The offset of the innermost ``(`` still open at the end of ``text`` (pairs closed before it skipped), or -1."""
    depth = 0
    end = len(text)
    while True:
        opening = text.rfind(b"(", 0, end)
        closing = text.rfind(b")", 0, end)
        if closing > opening:
            depth += 1
            end = closing
        elif opening < 0:
            return -1
        elif depth:
            depth -= 1
            end = opening
        else:
            return opening


def _in_loader_call(before: bytes) -> bool:
    """Whether ``before`` ends inside the still-open parentheses of a loader call."""
    opening = _open_paren(before)
    if opening < 0:
        return False
    head = before[:opening].rstrip(b" \t\r\n\x0c\\")
    name = _trailing_word(head)
    if name.endswith(_LOADER_SUFFIXES) or _AUTO_CLASS().search(name) is not None:
        return True
    if name in (b"map", b"partial"):  # map(AutoModel.from_pretrained, [...]), partial(AutoModel.from_pretrained, …)
        first, comma, _ = before[opening + 1 :].partition(b",")
        return bool(comma) and _trailing_word(first.strip()).endswith(_LOADER_SUFFIXES)
    return b"load" in name and _dotted_tail(head) in _file_loaders()


# The file ``python_candidate_lines`` is filtering, and the callees that load a model in it alone (mlx-lm's `load`,
# ``extract.file_loaders``), listed once a call ending in `load` asks.
_FILE: list[bytes] = [b""]
_FILE_LOADERS: list[frozenset[bytes] | None] = [None]


def _file_loaders() -> frozenset[bytes]:
    loaders = _FILE_LOADERS[0]
    if loaders is None:
        data = _FILE[0]
        found = file_loaders(data.decode("latin-1")) if b"mlx_" in data else ()  # (no decoding for nothing)
        loaders = _FILE_LOADERS[0] = frozenset(name.encode() for name in found)
    return loaders


_STRIPPED: list[tuple[bytes, bytes | None]] = [(b"", b"")]  # the last window and its answer: three callers ask


def _strip_items(before: bytes) -> bytes | None:
    """``before`` without the earlier items of a list it ends inside (``"org/a", "org/b",``); None if malformed."""
    last, answer = _STRIPPED[0]
    if before is last:
        return answer
    answer = _stripped_items(before)
    _STRIPPED[0] = (before, answer)
    return answer


def _stripped_items(text: bytes) -> bytes | None:
    text = text.rstrip()
    while text.endswith(b","):
        text = text[:-1].rstrip()
        if not text.endswith((b'"', b"'")):
            return None
        opening = max(text.rfind(b'"', 0, len(text) - 1), text.rfind(b"'", 0, len(text) - 1))
        if opening < 0 or b"\n" in text[opening:]:
            return None
        text = text[:opening].rstrip()
    return text


def _after_model_key(before: bytes) -> bool:
    """Whether ``before`` ends right after a model key and ``=`` or ``:`` (maybe inside a list, after its items)."""
    text = _strip_items(before)
    if text is None:
        return False
    if text.endswith((b"[", b"(", b"{")):
        text = text[:-1].rstrip(b" \t\r\n\x0c\\")  # (a line continuation may stand before the bracket)
    if not text.endswith((b"=", b":")):
        return False
    keyword = text.endswith(b"=")
    text = text[:-1].rstrip()
    if text.endswith((b'"', b"'")):
        text = text[:-1]
    key = _trailing_word(text).lower()
    # (argparse and dataclass defaults are keywords: a dict key `DEFAULT:` is no place the extraction reads)
    return key in _MODEL_KEY_BYTES or (keyword and (key.endswith(b"default") or key in _CALL_KEY_BYTES))


def _model_place(before: bytes) -> bool:
    if before.endswith(b":"):  # a dict value: its key decides (the extraction reads no dict given to a loader)
        return _after_model_key(before)
    return _in_loader_call(before) or _after_model_key(before)


def _dotted_tail(text: bytes) -> bytes:
    """The name, dotted name or number ``text`` ends with (``os.environ``, ``args.model``, ``None``), or nothing."""
    return text[len(text.rstrip(_WORD_BYTES + b".")) :]


def _unwrapped(before: bytes) -> bytes | None:
    """The window in front of the expression a string stands in when the string is a value that expression may
    give: the default of ``os.getenv("M", …)`` or ``os.environ.get("M", …)``, the ``else`` branch of a
    conditional (``x if c else …``), the fallback of an ``or`` (``args.model or …``), an item of a list, tuple or
    set after items of any kind, or a parenthesized expression. None when the string stands in none of these."""
    text = before  # (tidied by the caller)
    if text.endswith(b","):
        opening = _open_paren(text)
        if opening >= 0 and _trailing_word(text[:opening].rstrip()) in (b"getenv", b"get", b"getattr"):
            head = text[:opening].rstrip()
            return head[: len(head) - len(_dotted_tail(head))]
        return _container_items_removed(text)
    if text.endswith(b"("):
        return _grouping_removed(text)
    word = _trailing_word(text)
    if word == b"or":  # the fallback of `args.model or "org/x"`: what stands before the whole `or`
        head = _tidy(text[:-2])
        return head[: _expression_start(head)]
    if word != b"else":
        return None
    at = len(text) - 4
    while (at := text.rfind(b"if", 0, at)) >= 0:  # the `if` of this conditional, then the branch before it
        if not _trailing_word(text[:at]) and text[at + 2 : at + 3] in (b" ", b"\t", b"(", b"\\", b"\n"):
            head = _tidy(text[:at])
            return head[: _expression_start(head)]
    return None


def _expression_start(text: bytes) -> int:
    """Where the expression ``text`` ends with starts: back over names, numbers, one-line strings, operators and
    balanced brackets, to just after a ``,``, ``;``, ``:``, an assignment's ``=`` or an unmatched opening bracket
    (0 when the window starts first)."""
    depth = 0
    at = len(text)
    while at > 0:
        char = text[at - 1 : at]
        if char in (b'"', b"'"):  # back to the opening quote of a one-line string
            opening = text.rfind(char, 0, at - 1)
            if opening < 0 or b"\n" in text[opening:at]:
                return at
            at = opening
            continue
        if char in (b")", b"]", b"}"):
            depth += 1
        elif char in (b"(", b"[", b"{"):
            if not depth:
                return at
            depth -= 1
        elif not depth:
            if char in (b",", b";", b":"):
                return at
            if char == b"=" and text[at - 2 : at - 1] not in (b"=", b"!", b"<", b">") and text[at : at + 1] != b"=":
                return at
        at -= 1
    return 0  # (a line break is no end: the expression may be inside brackets opened before the window)


def _tidy(text: bytes) -> bytes:
    """``text`` without what may trail a value's window: whitespace, line continuations, and comments."""
    while True:
        text = text.rstrip(b" \t\r\n\x0c\\")
        line_start = max(text.rfind(b"\n"), text.rfind(b"\r")) + 1
        line = text[line_start:]
        comment = _comment_at(line) if b"#" in line else -1
        if comment < 0:
            return text
        text = text[: line_start + comment]


def _comment_at(line: bytes) -> int:
    """Where the ``#`` comment of a line starts (a ``#`` after balanced quotes), or -1."""
    at = line.find(b"#")
    while at >= 0:
        code = line[:at]
        if _quotes(code, b'"') % 2 == 0 and _quotes(code, b"'") % 2 == 0:
            return at
        at = line.find(b"#", at + 1)
    return -1


def _container_items_removed(text: bytes) -> bytes | None:
    """``text`` without the earlier items of the list, tuple or set it ends inside, whatever they are
    (``[BASE, None, ``), so it ends with the opening bracket; None when it ends inside no such literal (``text``
    is tidied by the caller)."""
    if not text.endswith(b","):
        return None
    while text.endswith(b","):
        text = _tidy(text[:-1])
        text = _tidy(text[: _expression_start(text)])
    if text.endswith((b"[", b"{")) or (text.endswith(b"(") and not _trailing_word(text[:-1].rstrip())):
        return text
    return None


def _grouping_removed(text: bytes) -> bytes | None:
    """``text`` (tidied) without the bracket of a parenthesized expression it ends inside (``from_pretrained((``)."""
    if not text.endswith(b"("):
        return None
    head = _tidy(text[:-1])
    word = _trailing_word(head)
    if word in _KEYWORDS or head.endswith((b"(", b",", b"[")):  # an argument, an item, a branch
        return head
    if word in _DEFAULT_HOLDER_BYTES:  # `model: str = typer.Option(` / `Field(`: the default of what stands before
        return _tidy(head[: len(head) - len(_dotted_tail(head))])
    return None  # a call, or after `=` or `:` (a model key or an assignment reads past one bracket already)


_DEFAULT_HOLDER_BYTES = frozenset(name.encode() for name in _DEFAULT_HOLDERS)


_KEYWORDS = frozenset({b"else", b"if", b"in", b"return", b"and", b"or", b"not", b"yield", b"await", b"is", b"lambda"})


def _place(data: bytes, at: int, end: int) -> tuple[bool, bytes | None, bool]:
    """For the value at ``data[at:end]`` (a string or a name): (whether it stands at a model place, else the name it
    is assigned to if any, and whether it got there through an ``os.getenv`` default or a conditional branch),
    looking a few levels deep. A call with ``repo_type="dataset"`` (or "space") is no model place, and
    ``repo_id = …`` as a statement is an assignment, not a model key (the extraction reads them so)."""
    start = max(0, at - NEAR_BYTES)
    before = data[start:at]
    window: bytes | None = before
    for level in range(6):
        if window is None:
            break
        window = _tidy(window)
        if level == 0 and b"parametrize(" in window and _in_parametrize(window):
            return True, None, False
        if _model_place(window):
            if level == 0:
                assigned_repo = _assigns_repo_id(window, data, end)
                if assigned_repo is not None:
                    return False, assigned_repo, False
                if _in_other_repository_call(data, start, window) or _default_of_other_option(data, start, window):
                    return False, None, False
            return True, None, level > 0
        if window.endswith(b":") or (level == 0 and _in_dict_value(window)):
            named = _dict_name(window) if level == 0 and window.endswith(b":") else None
            return False, named, False  # (a dict value under another key: only a lookup in the dict may read it)
        assigned = _assigned_name(window) or _looped_name(window) or _list_assigned_name(window)
        if assigned:
            return False, assigned, level > 0
        if level == 0 and not _may_anchor(window):
            break  # (a row of a table: nothing in reach that unwrapping could lead to)
        window = _unwrapped(window)
    return False, None, False


def _in_parametrize(window: bytes) -> bool:
    """Whether a string stands among the cases of ``pytest.mark.parametrize`` whose parameter names hold a model
    key's word (``parametrize("model_id", ["org/a", …``): the extraction reads the ones named as a model key."""
    at = window.rfind(b"parametrize(")
    comma = window.find(b",", at)
    names = window[at + 12 : comma if comma >= 0 else len(window)].lower()
    return comma >= 0 and any(word in names for word in _KEY_WORDS)


def _dict_name(window: bytes) -> bytes | None:
    """The name a dict of plain strings is assigned to, when ``window`` ends right after one of its keys
    (``REGISTRY = {"neo": "org/a", "j": ``): a loader given ``REGISTRY[k]`` reads its values. None otherwise."""
    text = _before_quoted(window[:-1].rstrip())  # the key
    for _ in range(4):  # (a dict inside a dict's value: `CFG = {"llama": {"id": "org/x"`, read by CFG["llama"]["id"])
        while text is not None and text.endswith(b","):  # an earlier `"key": "value",` pair
            text = _before_quoted(text[:-1].rstrip())
            if text is None or not text.endswith(b":"):
                return None
            text = _before_quoted(text[:-1].rstrip())
        if text is None or not text.endswith(b"{"):
            return None
        head = text[:-1].rstrip()
        if head.endswith(b"="):
            return _assigned_name(head)
        if not head.endswith(b":"):
            return None
        text = _before_quoted(head[:-1].rstrip())  # the outer dict's key
    return None


def _before_quoted(text: bytes) -> bytes | None:
    """``text`` without the one-line string it ends with (and the blanks before it), or None."""
    if not text.endswith((b'"', b"'")):
        return None
    opening = text.rfind(text[-1:], 0, len(text) - 1)
    if opening < 0 or b"\n" in text[opening:]:
        return None
    return text[:opening].rstrip()


def _in_dict_value(window: bytes) -> bool:
    """Whether a (tidied) window ends inside a tuple, list or set of strings that is a dict's value (``"x": (``),
    which ``_place`` would find no model place after unwrapping it twice (a table of thousands of ids)."""
    text = _strip_items(window)
    return text is not None and text.endswith((b"(", b"[", b"{")) and text[:-1].rstrip().endswith(b":")


_ANCHOR_NAMES = later_bytes(b"|".join((b"Auto", *_LOADER_SUFFIXES[: _LOADER_SUFFIXES.index(b"create_model")])))


def _may_anchor(window: bytes) -> bool:
    """Whether a window holds anything a model place or an assignment needs: ``=`` or ``:`` (keys, assignments),
    ``for``, or a loader's name."""
    return (
        b"=" in window
        or b":" in window
        or b"for" in window
        or _ANCHOR_NAMES().search(window) is not None
        or b"create_model" in window  # (the names only a prefixed string counts in: extract.HUB_PREFIXED_CALLS)
        or b"get_tokenizer" in window
        or (b"load" in window and bool(_file_loaders()))
    )


_REPO_ID_ASSIGNED = later_bytes(rb"(?<![\w.])((?i:repo_id))\s*=\s*$")
# (a literal that is the whole value: `repo_type="dataset" if ds else "model"` is read as the extraction reads it)
_REPO_TYPE = later_bytes(rb"""\brepo_type\s*=\s*["']([A-Za-z]*)["']\s*(?:[,)#\n]|\Z)""")


def _assigns_repo_id(window: bytes, data: bytes, end: int) -> bytes | None:
    """The name (``repo_id``, ``REPO_ID``…) a statement ``repo_id = "…"`` assigns the value to, or None when the
    ``=`` may be a keyword argument's: inside an open parenthesis, not first on its line, or with more after the
    value than the end of the statement."""
    match = _REPO_ID_ASSIGNED().search(window)
    if match is None or _open_paren(window) >= 0:
        return None
    if window[max(window.rfind(b"\n"), window.rfind(b";")) + 1 : match.start()].strip():
        return None
    rest = data[end : end + 200].lstrip(b" \t")
    if rest[:1] in (b"", b"\n", b"\r", b";", b"#"):
        return match.group(1)
    return None


def _in_other_repository_call(data: bytes, start: int, window: bytes) -> bool:
    """Whether the value is an argument of a call that names a dataset or Space repository (``repo_type="dataset"``
    among the call's own keyword arguments); not when it sits in a list or dict inside the call."""
    opening = _open_paren(window)
    if opening < 0 or b"{" in window[opening:] or b"[" in window[opening:]:
        return False
    absolute = start + opening
    for segment_start, segment_end in _top_level_segments(data, absolute):
        match = _REPO_TYPE().search(data, segment_start, segment_end)
        if match is not None:
            return match.group(1) != b"model"
    return False


def _default_of_other_option(data: bytes, start: int, window: bytes) -> bool:
    """Whether the value is the ``default=`` of an ``add_argument`` call whose text names neither a model nor a
    repository (``--output_dir``): the extraction reads only the defaults of model options."""
    if not window.rstrip().endswith(b"="):
        return False
    text = window.rstrip()[:-1].rstrip()
    if _trailing_word(text) != b"default":
        return False
    opening = _open_paren(window)
    if opening < 0 or _trailing_word(window[:opening].rstrip()) != b"add_argument":
        return False
    segments = _top_level_segments(data, start + opening)
    call = data[start + opening : segments[-1][1] if segments else start + opening].lower()
    return b"model" not in call and b"repo" not in call


def _top_level_segments(data: bytes, opening: int, limit: int = 4000) -> list[tuple[int, int]]:
    """The stretches of a call's arguments outside nested parentheses, from its ``(`` at ``opening`` to the ``)``
    that closes it (or ``limit`` bytes on)."""
    segments: list[tuple[int, int]] = []
    end = min(len(data), opening + limit)
    depth = 0
    pos = opening + 1
    segment_start = pos
    while True:
        opened = data.find(b"(", pos, end)
        closed = data.find(b")", pos, end)
        if closed < 0:
            if depth == 0:
                segments.append((segment_start, end))
            return segments
        if 0 <= opened < closed:
            if depth == 0:
                segments.append((segment_start, opened))
            depth += 1
            pos = opened + 1
        elif depth:
            depth -= 1
            pos = closed + 1
            if depth == 0:
                segment_start = pos
        else:
            segments.append((segment_start, closed))
            return segments


def _identifier(word: bytes) -> bytes:
    """The part of a ``\\w+`` run that can be a Python name (its leading digits dropped)."""
    return word.lstrip(b"0123456789")


def _assigned_name(before: bytes) -> bytes | None:
    """The name ``before`` assigns to, when it ends with ``name =`` or ``name: annotation =`` (or ``:=``)."""
    text = before.rstrip()
    if not text.endswith(b"="):
        return None
    text = text[:-1]  # (after ==, +=, <= and the like no name is left right before it)
    segment = max(text.rfind(b"="), text.rfind(b"\n")) + 1
    colon = text.find(b":", segment)
    while colon >= 0:  # an annotation (or a walrus): the name stands before its colon
        name = _identifier(_trailing_word(text[:colon].rstrip()))
        if name:
            return name
        colon = text.find(b":", colon + 1)
    return _identifier(_trailing_word(text.rstrip())) or None


def _looped_name(before: bytes) -> bytes | None:
    """The loop variable when ``before`` ends inside the literal list of ``for name in [`` (of ``for a, b in [``,
    the last of the names: ``_looped_names`` has them all)."""
    names = _looped_names(before)
    return names[-1] if names else None


def _looped_names(before: bytes) -> list[bytes]:
    """The loop variables when ``before`` ends inside the literal list of ``for name in [`` or
    ``for short, name in [``."""
    text = _strip_items(before)
    if text is None or not text.endswith((b"[", b"(")):
        return []
    text = text[:-1].rstrip()
    if not text.endswith(b"in") or not text[:-2][-1:].isspace():
        return []
    text = text[:-2].rstrip()
    names: list[bytes] = []
    while True:
        name = _trailing_word(text)
        if not name or name != _identifier(name):
            return []
        names.insert(0, name)
        text = text[: len(text) - len(name)].rstrip()
        if not text.endswith(b","):
            break
        text = text[:-1].rstrip()
    if text.endswith(b"("):  # (`for (a, b) in`)
        text = text[:-1].rstrip()
    return names if text.endswith(b"for") and not _trailing_word(text[:-3]) else []


NEAR_BYTES = 240
# Every quoted token that could be a model id or a catalog alias. One pattern per quote character: a pattern that
# starts with a literal is searched at memory speed, one that starts with a character class is tried at every byte
# (seven times slower on a large tree).
_PY_QUOTED = (
    compiled(rb'"([A-Za-z0-9][\w.:/-]{1,200})"'),
    compiled(rb"'([A-Za-z0-9][\w.:/-]{1,200})'"),
)
_NOTEBOOK_HINT = (b"odel", b"MODEL", b"repo_id", b"_download", b"download ", b"ollama ", b"vllm ", b"LLM", b"pipeline")
# What a file must hold (compared in lower case) for its reader to find anything. A config's keys are read
# whatever their case (model_id, MODEL_ID, Tokenizer, REPO_ID…), and lm-eval's `pretrained=` inside a value; every
# command pattern needs one of the command words (extract._COMMAND_NEEDLES), an `ENV MODEL_ID=org/x` line too;
# YAML holds commands as well (CI `run:` steps, compose `command:` exec forms). Lower-casing a small file and
# looking for five words is twice as fast as looking for every spelling.
_CONFIG_HINT = (b"model", b"tokenizer", b"repo_id", b"name_or_path", b"pretrained=")
_SHELL_HINT = (b"model", b"tokenizer", b"download", b"serve", b"ollama", b"pretrain", b"hf-path", b"hf_path")
_HINTS = {
    "yaml": (*_CONFIG_HINT, b"download", b"serve", b"ollama", b"hf-path", b"hf_path"),
    "json": _CONFIG_HINT,
    "toml": _CONFIG_HINT,
    "shell": _SHELL_HINT,
    "jenkins": _SHELL_HINT,
    "tox": _SHELL_HINT,
}
_COMMAND_KINDS = frozenset({"shell", "jenkins", "tox"})  # (read for commands alone: no config gate)
# A config names a model only under a model key followed by `:` or `=` (`base_model: org/x`, `"model_id": …`, a
# YAML list under `models:`) or in `pretrained=`: a dataset that says "model" in its text, or layer names such as
# "model.layers.0", is not read line by line. Every model key holds one of these words; the key is the whole word
# they stand in (as the config reader takes it: from its first letter or `_`, and dots belong to it).
_KEY_WORDS = (b"model", b"tokenizer", b"repo_id", b"name_or_path")  # every model key holds one (in lower case)
_CONFIG_KEYS = tuple(
    (word, later_bytes(b"(" + word + rb"[a-z0-9_-]*)[\"']?(?:[ \t\r\x0b\x0c\x1c-\x1f]|[\x80-\xff])*[:=]"))
    for word in _KEY_WORDS
)
# (A key is ASCII: a word reaching back over other letters is no model key, so the word stops at the first
# non-ASCII byte; stopping there can only let more through.)
_KEY_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789_.-"
_NOT_KEY_START = b"0123456789.-"
LINE_REACH = 4096  # how far a key's line is looked along; a longer line is read
# What YAML needs for the command reader (CI `run:` steps): a command word or model flag, or a line that starts with
# a variable holding "model" (`MODEL_ID=org/x`, `export BASE_MODEL …`).
_COMMAND_WORDS = (
    b"download",
    b"serve",
    b"ollama",
    b"--model",
    b"--base",
    b"--tokenizer",
    b"--pretrain",
    b"hf-path",  # mlx-lm's `convert --hf-path org/x`
    b"hf_path",
    b"_model ",  # `--teacher_model org/x`, `--reward_model=org/x`, `--base-model-id org/x`
    b"_model=",
    b"-model ",
    b"-model=",
    b"-model-id",
    b"model.path=",  # Hydra overrides (verl `actor_rollout_ref.model.path=org/x`)
    b"model.name=",
)
# (a look-ahead: a match that ran on over a line break would hide the next line's variable; a backslash may continue
# the line before its `=`)
_VARIABLE = later_bytes(rb"model(?=(?:[a-z_]|[\x80-\xff])*[ \t\x1c-\x1f\\]*(?:[:?+]*=|[\s\x1c-\x1f]|[\x80-\xff]))")
_HIGH = bytes(range(0x80, 0x100))
_BLANK = b" \t\x1f" + _HIGH  # (white space within a line, read generously: any non-ASCII byte may be some)
_LINE_BREAKS = (
    b"\n",
    b"\r",
    b"\x0b",
    b"\x0c",
    b"\x1c",
    b"\x1d",
    b"\x1e",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
)


def _has_model_key(low: bytes, quoted: bool = False) -> bool:
    """Whether lower-cased config text has a line where the config reader finds a model key with a value that
    could be a model, or a model key that opens a list. Prose inside a dataset's strings ("the model: …") and layer
    names ("model.layers.0": …) are not. (Lower case reads no fewer values as models than the text's own case.)"""
    for word, pattern in _CONFIG_KEYS:
        if word not in low:
            continue  # (a plain search is three times as fast as the pattern's: a chat dataset holds one word)
        for match in pattern().finditer(low):
            at = match.start()
            head = low[max(0, at - 48) : at]
            before = head[len(head.rstrip(_KEY_BYTES)) :]  # (the key's part before the word)
            if (before + match.group(1)).lstrip(_NOT_KEY_START) not in _MODEL_KEY_BYTES:
                continue
            reach = max(0, at - LINE_REACH)
            starts = [found + len(brk) for brk in _LINE_BREAKS if (found := low.rfind(brk, reach, at)) >= 0]
            ends = [found for brk in _LINE_BREAKS if (found := low.find(brk, at, at + LINE_REACH)) >= 0]
            if (not starts and reach) or (not ends and len(low) > at + LINE_REACH):
                return True  # (a line longer than the reach: read it)
            line = low[max(starts, default=0) : min(ends, default=len(low))].decode("utf-8", "replace")
            values, opens_list = config_line_values(line, quoted)
            if opens_list or any(looks_like_model(value, is_catalog_alias) for value in values):
                return True
    return False


def _starts_a_line_with_model_variable(low: bytes) -> bool:
    """Whether a line of lower-cased text starts with a variable holding "model" (``_MODEL_VAR_RE`` of the
    command reader: maybe after ``env``, ``arg`` or ``export``, given with ``=``, ``:=``, ``?=``, ``+=`` or a
    blank), or is an ``env``/``arg``/``export`` line that gives one among others (``export PORT=8000
    LLM_MODEL=org/x``: the reader's ``_MODEL_ASSIGNMENT_RE``)."""
    for match in _VARIABLE().finditer(low):
        head = low[max(0, match.start() - 200) : match.start()]
        breaks = [found for brk in _LINE_BREAKS if (found := head.rfind(brk)) >= 0]
        if not breaks and len(head) == 200:
            return True  # (a line longer than the reach: read it)
        line = head[max(breaks, default=-1) + 1 :]
        if line.lstrip(_BLANK).startswith((b"env ", b"arg ", b"export ", b"env\t", b"arg\t", b"export\t")):
            return True
        word = line.rstrip(b"abcdefghijklmnopqrstuvwxyz_" + _HIGH)
        lead = word.strip(_BLANK)
        spaced = len(word.rstrip(_BLANK)) < len(word)
        if not lead or (lead in (b"env", b"arg", b"export") and spaced):
            return True
        before = word.rstrip(_BLANK)
        if before.endswith((b"env", b"arg", b"export")) and spaced:
            before = before[: len(before.rstrip(b"abcdefghijklmnopqrstuvwxyz"))].rstrip(_BLANK)
        if before.endswith((b'"', b"'")):
            return True  # (maybe an item of an exec form, which the command reader reads as a command line)
    return False


# What a YAML file's lines need for the command reader to find anything in them (lower case): a command word or
# model flag, lm-eval's `pretrained=`, a `python -c` line, or a line that starts with a
# variable holding "model" (`MODEL_ID=org/x`, `export BASE_MODEL …`). A config of keys (`base_model: org/x`) has
# none: its "model" lines are the config reader's, and the command reader would read them all again for nothing.
_YAML_COMMAND_HINTS = (*_COMMAND_WORDS, b"pretrained=", b"python")


def _yaml_may_hold_commands(low: bytes) -> bool:
    return _contains_any(low, _YAML_COMMAND_HINTS) or _starts_a_line_with_model_variable(low)


def _config_may_name(low: bytes, kind: str) -> bool:
    """Whether a config file (lower-cased) can name a model: a model key or ``pretrained=``, or for YAML what the
    command reader needs."""
    if b"pretrained=" in low or _has_model_key(low, quoted=kind == "json"):
        return True
    return kind == "yaml" and (
        _contains_any(low, _COMMAND_WORDS)
        or _starts_a_line_with_model_variable(low)
        or (b"value" in low and _ENV_ENTRY().search(low) is not None)
    )


# A Kubernetes or compose environment entry naming a model variable (`- name: MODEL_ID` then `value: …`).
_ENV_ENTRY = later_bytes(rb"name[ \t]*:[ \t]*[\"']?[a-z_]*model[a-z_]*[\"']?[ \t]*\r?\n[ \t]*value[ \t]*:")


class CardFile(NamedTuple):
    """A model card (README.md with front matter) found in the repository."""

    rel: str
    path: str


class Discovery:
    """What a walk found: model mentions by value (each with the file it is in), model cards, warnings."""

    def __init__(self) -> None:
        self.mentions: dict[str, list[tuple[Mention, str]]] = {}  # value -> [(mention, rel)]
        self.cards: list[CardFile] = []
        self.warnings: list[str] = []
        self.files_read = 0
        self.files_seen = 0

    def add(self, rel: str, mentions: Sequence[Mention]) -> None:
        for mention in mentions:
            self.mentions.setdefault(mention.value, []).append((mention, rel))


@cache
def _alias_keys() -> frozenset[str]:
    from licensecheck.data import catalog_names

    return catalog_names()


def is_catalog_alias(text: str) -> bool:
    """A bare name the catalog knows (``gpt2``-style ids, Ollama names such as ``llama3.1``)."""
    key = " ".join(text.split()).lower()
    return key in _alias_keys()


def _looks_like_card(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"---") and (
        b"license" in data[:65536] or b"base_model" in data[:65536] or b"\nsdk:" in head  # (a Space's README)
    )


_TRIPLE = {b'"""': compiled(b'"""'), b"'''": compiled(b"'''")}


def _positions(data: bytes, needle: bytes) -> list[int]:
    """Where ``needle`` (a triple quote) occurs, read left to right without overlaps."""
    return [match.start() for match in _TRIPLE[needle].finditer(data)]


def _triple_quoted(data: bytes) -> list[tuple[int, int]]:
    """Spans of triple-quoted strings (docstrings, mostly), paired in order; an approximation for the filter."""
    marks = sorted([(at, b'"') for at in _positions(data, b'"""')] + [(at, b"'") for at in _positions(data, b"'''")])
    spans: list[tuple[int, int]] = []
    opening: tuple[int, bytes] | None = None
    for at, kind in marks:
        if opening is None:
            opening = (at, kind)
        elif kind == opening[1]:
            spans.append((opening[0], at + 3))
            opening = None
    return spans


def _pairing_holds(data: bytes, double: list[int], single: list[int], openings: list[int]) -> bool:
    """Whether pairing the triple quotes in order can be trusted: no mark is escaped or stands beside the other
    quote character (``'\"\"\"'``), and every mark that opens a pair stands in code, after balanced quotes and
    no ``#`` on its line. One mark inside a one-line string or a comment would throw the pairing off for the rest
    of the file; then the lexer decides."""
    for marks, other in ((double, b"'"), (single, b'"')):
        for at in marks:
            if data[at - 1 : at] in (b"\\", other) or data[at + 3 : at + 4] == other:
                return False
    counted = 0  # where counting goes on from: the previous opening, or the start of its line
    double_quotes = single_quotes = 0
    for at in openings:  # (sorted: several openings on one line are counted on from the previous one)
        newline = data.rfind(b"\n", counted, at)
        if newline >= 0 or counted == 0:
            counted = newline + 1 if newline >= 0 else 0
            double_quotes = single_quotes = 0
        prefix = data[counted:at]
        if b"#" in prefix:
            return False
        double_quotes += _quotes(prefix, b'"')
        single_quotes += _quotes(prefix, b"'")
        if double_quotes % 2 or single_quotes % 2:
            return False
        counted = at
    return True


def _quotes(text: bytes, quote: bytes) -> int:
    """How many unescaped ``quote`` characters ``text`` holds."""
    return text.count(quote) - text.count(b"\\" + quote)


def _lexed_triples(data: bytes) -> list[tuple[int, int]]:
    """Spans of the triple-quoted strings, from the statement reader's lexer (exact, and slower than pairing)."""
    from licensecheck.scan.pysource import triple_spans

    return triple_spans(data.decode("latin-1"))  # (one character per byte: the offsets stay byte offsets)


class _Docstrings:
    """Whether an offset lies inside a triple-quoted string (docstrings, mostly): an approximation for the filter.

    Marks are paired in order, each kind closed by its own kind, and one left open closes nothing (the old pairing,
    as ``_triple_quoted``). With one kind of mark in the file, the usual case, the marks are listed once and an
    offset is inside when an odd number of them start before it and a closing one follows.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        double, single = _positions(data, b'"""'), _positions(data, b"'''")
        self.spans = _triple_quoted(data) if double and single else []
        self.marks = (double or single) if not self.spans else []
        openings = [at for at, _ in self.spans] if self.spans else self.marks[0::2]
        if not _pairing_holds(data, double, single, openings):  # a mark in a string or a comment: lex the file
            self.marks = []
            self.spans = _lexed_triples(data)
        self.opens = [at for at, _ in self.spans]

    def inside(self, at: int) -> bool:
        """Inside a triple-quoted string that is not an f-string (whose ``{fields}`` are code)."""
        if self.marks:
            before = bisect_left(self.marks, at)
            opening = self.marks[before - 1] if before % 2 == 1 and before < len(self.marks) else None
        else:
            index = bisect_right(self.opens, at) - 1
            opening = self.opens[index] if index >= 0 and at < self.spans[index][1] else None
        if opening is None or opening == at - 2:  # (the string's own opening: """org/x""" is a value, not a docstring)
            return False
        return b"f" not in self.data[max(0, opening - 2) : opening].lower()


def _contains_any(data: bytes, needles: tuple[bytes, ...]) -> bool:
    return any(needle in data for needle in needles)


def _in_comment(line_prefix: bytes) -> bool:
    """Whether a string starting after ``line_prefix`` sits in a ``#`` comment (quotes before ``#`` balanced)."""
    return _comment_at(line_prefix) >= 0


def _list_assigned_name(before: bytes) -> bytes | None:
    """The name ``before`` assigns a list or tuple to, when it ends inside one: ``MODELS = ["org/a", ``."""
    text = _strip_items(before)
    if text is None or not text.endswith((b"[", b"(", b"{")):
        return None
    return _assigned_name(text[:-1])


Judged = dict[tuple[bytes, int], bool]  # (name, depth) -> used by a loader, for one file
MAX_JUDGED_NAMES = 64  # each name costs a pass over the file


def _used_by_a_loader(data: bytes, name: bytes, judged: Judged, depth: int = 0) -> bool:
    """A constant counts only where it is passed by name to a loader or a model key on some line, or carried on to
    a name that is: the variable of a loop over it, or a name given it through ``os.getenv("M", NAME)`` or a
    conditional (``X = NAME if c else …``), a few names deep. ``judged`` keeps the answers for this file."""
    known = judged.get((name, depth))
    if known is not None:
        return known
    if len(judged) > MAX_JUDGED_NAMES:  # a generated table of constants: the parser decides, in one pass
        return True
    judged[name, depth] = False  # (while this name is being judged, a cycle back to it finds nothing new)
    used = name.lower() in _ASSIGNED_KEY_BYTES or _uses_count(data, name, judged, depth)
    judged[name, depth] = used
    return used


def _names_a_model(name: bytes, quoted: bytes) -> bool:
    """Whether the string ``quoted`` assigned to ``name`` is a finding by itself, as the extraction judges it: an
    ``org/name`` given to a name with the word "model" in it (``extract.model_variable``)."""
    return b"/" in quoted and (b"odel" in name or b"ODEL" in name) and model_variable(name.decode("utf-8", "replace"))


def _followed_by_if(after: bytes) -> bool:
    """Whether the text after a name goes on with the ``if`` of a conditional (``X = NAME if c else …``), maybe on
    a later line of a parenthesized one or after a closing parenthesis, as black writes them."""
    rest = after.lstrip(b" \t\r\n\x0c\\)")
    return rest.startswith(b"if") and rest[2:3] in (b" ", b"(", b"\t", b"\\", b"\n", b"\r")


def _plain_keyword_use(window: bytes, after: bytes) -> bool:
    """Whether a use of a name is given to a keyword or assigned (``checkpoint=_CHECKPOINT_FOR_DOC``) that is no
    model key, outside any loader call, and not carried on by a conditional: then it is no model place and passes
    nothing on, as ``_place`` would find at greater cost (transformers uses its checkpoint constants this way in
    hundreds of decorators)."""
    bare = window.rstrip(b" \t")
    if not bare.endswith(b"="):
        return False
    key = _trailing_word(bare[:-1].rstrip()).lower()  # (empty after ==, +=, := and the like)
    if not key or key in _MODEL_KEY_BYTES or key.endswith(b"default"):
        return False
    if _followed_by_if(after):
        return False
    tidied = _tidy(window)
    return tidied == bare and not _in_loader_call(tidied)


def _uses_count(data: bytes, name: bytes, judged: Judged, depth: int) -> bool:
    at = data.find(name)
    while at >= 0:
        end = at + len(name)
        prefix = data[max(0, at - 1) : at]
        after = data[end : end + 1]
        boundary = not (prefix[-1:].isalnum() or prefix[-1:] == b"_") and not (after.isalnum() or after == b"_")
        if boundary:
            window = data[max(0, at - NEAR_BYTES) : at]
            # (a name followed by `=` is assigned, named as a keyword, or compared: none of these reads it)
            after = data[end : end + 64]
            if after.lstrip(b" \t").startswith(b"=") or _plain_keyword_use(window, after):
                at = data.find(name, end)
                continue
            place, assigned, carried = _place(data, at, end)
            if place:
                return True
            if depth < 3:
                carried = carried or _followed_by_if(after)
                for other in (*_looped_names(window + b"["), assigned if carried else None):
                    if other is not None and other != name and _used_by_a_loader(data, other, judged, depth + 1):
                        return True
        at = data.find(name, end)
    return False


@cache
def _alias_bytes() -> frozenset[bytes]:
    return frozenset(key.encode() for key in _alias_keys() if " " not in key)


@cache
def _token_memo() -> tuple[set[bytes], set[bytes]]:
    """(every quoted token judged so far, those that could be a model): a repository repeats its ids a lot."""
    return set(), set()


def clear_caches() -> None:
    """Forget the catalog's aliases and the tokens judged with them (after the catalog changed)."""
    _alias_keys.cache_clear()
    _alias_bytes.cache_clear()
    _token_memo.cache_clear()


# lm-eval's model types that load a Hub model named in `model_args`
_LM_EVAL_MODELS = frozenset({b"hf", b"hf-auto", b"hf-causal", b"huggingface", b"vllm", b"sglang", b"hf-multimodal"})


def _candidate_values(data: bytes, patterns: tuple[re.Pattern[bytes], ...] = _PY_QUOTED) -> list[bytes]:
    """The distinct quoted tokens of ``data`` that look like a model id or are a catalog alias."""
    return _model_tokens(_quoted_tokens(data, patterns))


def _quoted_tokens(data: bytes, patterns: tuple[re.Pattern[bytes], ...] = _PY_QUOTED) -> set[bytes]:
    """The distinct quoted tokens of ``data`` shaped like a name (``_PY_QUOTED``)."""
    tokens = set(patterns[0].findall(data))
    for pattern in patterns[1:]:
        tokens.update(pattern.findall(data))
    return tokens


def _model_tokens(tokens: set[bytes]) -> list[bytes]:
    """The ``tokens`` that look like a model id or are a catalog alias (judged once per run: ``_token_memo``)."""
    seen, accepted = _token_memo()
    fresh = tokens - seen
    if fresh:
        _judge(fresh, accepted)
        if len(seen) > 1_000_000:  # a bound on memory for huge trees
            seen.clear()
        seen |= fresh
    return list(tokens & accepted)


# A token (one per line of a joined list) with a "/" or ":": an org/name id or a name:tag, for looks_like_model.
_SHAPED = compiled(rb"^[^\n/:]*[/:][^\n]*", MULTILINE)


def _judge(fresh: set[bytes], accepted: set[bytes]) -> None:
    """Add to ``accepted`` the tokens of ``fresh`` that could be a model: an ``org/name`` or ``name:tag`` that
    ``looks_like_model`` takes, or another token that is a catalog alias (in any case). The tokens are joined into
    one text so that lower-casing and sorting them out run in C, not once per token (a library has thousands)."""
    listed = list(fresh)
    joined = b"\n".join(listed)  # (a token never holds a line break: the quoted-token patterns exclude it)
    lowered = joined.lower().split(b"\n")
    if not _alias_bytes().isdisjoint(lowered):
        aliases = _alias_bytes()
        accepted.update(
            raw
            for raw, low in zip(listed, lowered, strict=True)
            if low in aliases and b"/" not in raw and b":" not in raw
        )
    if b"/" in joined or b":" in joined:
        for raw in _SHAPED.findall(joined):
            if looks_like_model(hub_target(raw.decode()), is_catalog_alias):
                accepted.add(raw)


# A notebook's code sits in JSON strings: its "…" strings are escaped (\"org/x\"), its '…' strings are not.
_NOTEBOOK_QUOTED = (
    later_bytes(rb'\\"([A-Za-z0-9][\w.:/-]{1,200})\\"'),
    later_bytes(rb"'([A-Za-z0-9][\w.:/-]{1,200})'"),
)


# The shell escapes of a notebook's code (`!cmd`), in its raw JSON: a source line opens a string or follows an
# escaped line break, maybe after spaces or escaped tabs; the escape runs to the end of the string.
_NOTEBOOK_SHELL = (
    later_bytes(rb'"(?:[ ]|\\t)*!((?:[^"\\]|\\.)*)'),
    later_bytes(rb'\\n(?:[ ]|\\t)*!((?:[^"\\]|\\.)*)'),
)
# `("` or `= "`: code whose "…" strings are not escaped, so not inside JSON (read by pattern, as broken JSON is).
# (A literal first: a pattern that starts with a class or a look-behind is tried at every byte.)
_RAW_CODE_STRING = later_bytes(rb'"(?<=[(=]")|"(?<=[(=] ")')


def _notebook_may_name(data: bytes) -> bool:
    """Whether a notebook can name a model: a string in its code that could be one, a shell line (``!…``) with a
    command that downloads or serves one, or a ``%%bash`` cell. Most notebooks of a tutorial folder are skipped
    without being parsed."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") or b"\\/" in data:
        return True  # not JSON (read by pattern), or a writer that escapes "/": read it properly
    if _candidate_values(data, tuple(pattern() for pattern in _NOTEBOOK_QUOTED)):
        return True
    shell = b"\n".join(line for pattern in _NOTEBOOK_SHELL for line in pattern().findall(data))
    if shell and _contains_any(shell.lower(), _SHELL_HINT):
        return True
    if b"%env " in data and (b"odel" in data or b"ODEL" in data):  # `%env MODEL_ID=org/x`: read as an export
        return True
    if b'"%%' in data and _contains_any(data, (b'"%%bash', b'"%%sh', b'"%%script', b'"%%system')):
        return True  # a shell cell: the extraction reads it whole (rare enough to read properly)
    return _RAW_CODE_STRING().search(data) is not None


def _quoted_positions(data: bytes, values: list[bytes]) -> list[int]:
    """Where each value stands quoted in ``data`` (the offset of its opening quote), in order."""
    starts: list[int] = []
    if len(values) > 16:  # many ids (a table of checkpoints): one pass over the quoted tokens, not one per id
        wanted = set(values)
        for pattern in _PY_QUOTED:
            starts += [match.start() for match in pattern.finditer(data) if match.group(1) in wanted]
        return sorted(set(starts))
    for raw in values:
        at = data.find(raw)
        while at >= 0:
            quote = data[at - 1 : at] if at else b""
            if quote in (b'"', b"'") and data[at + len(raw) : at + len(raw) + 1] == quote:
                starts.append(at - 1)
            at = data.find(raw, at + len(raw))
    return sorted(set(starts))


_MODEL_ARGS = later_bytes(rb"""\bmodel_args\s*=\s*[rRbBuUfF]{0,2}["']([^"'\n]*?\bpretrained=([^\s,"']+))""")


def _model_args_lines(data: bytes) -> list[int]:
    """The lines of ``model_args="pretrained=org/x,…"`` keywords (lm-eval) whose model could be one."""
    lines = []
    for match in _MODEL_ARGS().finditer(data):
        value = match.group(2).decode("utf-8", "replace")
        line_start = data.rfind(b"\n", 0, match.start()) + 1
        if looks_like_model(hub_target(value), is_catalog_alias) and not _in_comment(data[line_start : match.start()]):
            lines.append(data.count(b"\n", 0, match.start(1)) + 1)
    return lines


def python_candidate_lines(data: bytes) -> list[int] | None:
    """The lines of strings that could name a model, or None when the file cannot name one (not parsed then).

    A string counts when it looks like a model id (or is a catalog alias) and stands near a loader or model key, or
    is assigned to a name; strings inside docstrings and doctest lines do not make a file worth parsing.
    """
    # (the strings first: one pattern pass, where a file without any context word costs sixteen substring passes)
    tokens = _quoted_tokens(data)
    lines = _value_lines(data, _model_tokens(tokens))
    if not _LM_EVAL_MODELS.isdisjoint(tokens) and b"model_args" in data:
        # lm-eval's `simple_evaluate(model="hf", model_args="pretrained=org/x,…")`: read where one names a model
        # (a file that quotes no lm-eval model type is not searched for them: a pass over every file costs 15%)
        extra = _model_args_lines(data)
        if extra:
            return sorted(set(extra) | set(lines or ()))
    return lines


def _value_lines(data: bytes, values: list[bytes]) -> list[int] | None:
    """``python_candidate_lines`` for the quoted ``values`` that could be a model: their lines once one of them
    stands where a model is named, or None."""
    if not values or not _contains_any(data, _PY_CONTEXT):
        return None
    _FILE[0], _FILE_LOADERS[0] = data, None
    starts = _quoted_positions(data, values)
    docstrings: _Docstrings | None = None  # listed only once a string passes the cheaper tests
    judged: Judged = {}  # a file assigns the same names a lot
    for start in starts:
        before = data[max(0, start - NEAR_BYTES) : start]
        if data[start - 2 : start + 1] in (b'"""', b"'''"):  # a triple-quoted value: what stands before its quotes
            before = before[:-2]
        line = before[max(before.rfind(b"\n"), before.rfind(b"\r")) + 1 :]
        if line.lstrip().startswith((b">>>", b"...")) or _in_comment(line):  # doctest or comment: not code
            continue
        end = data.find(data[start : start + 1], start + 1) + 1
        if data[end : end + 8].lstrip(b" \t").startswith(b":"):
            continue  # a dict key (`{"Qwen-7B": {…}}`) or a compared value (`if m == "org/x":`): never read
        opening = start - 2 if data[start - 2 : start + 1] in (b'"""', b"'''") else start  # (`m = """org/x"""`)
        place, assigned, _ = _place(data, opening, end)
        if not place:
            if not assigned:
                continue
            if not (_names_a_model(assigned, data[start:end]) or _used_by_a_loader(data, assigned, judged)):
                continue
        if docstrings is None:
            docstrings = _Docstrings(data)
        if not docstrings.inside(start):
            break
    else:
        return None
    positions = list(starts)
    for needle in (b"repo_type", b"REPO_TYPE"):  # (what a call's `repo_type=NAME` or `**kwargs` is given)
        at = data.find(needle)
        while at >= 0:
            positions.append(at)
            at = data.find(needle, at + 1)
    lines: list[int] = []
    pos, line_no = 0, 1
    for start in sorted(positions):  # (counted on from the last one: linear in the file)
        line_no += data.count(b"\n", pos, start)
        pos = start
        lines.append(line_no)
    return sorted(set(lines))


def extract_file(
    kind: str, rel: str, text: str, lines: list[int] | None = None, *, commands: bool = True
) -> list[Mention]:
    """Model mentions in one decoded file of the given kind (``lines``: candidate lines of a Python file; with
    ``commands`` False, a YAML file is read as a config only: ``_yaml_may_hold_commands`` found no command in it)."""
    alias = is_catalog_alias
    if kind == "python":
        return python_mentions(text, alias, lines=lines)
    if kind == "notebook":
        return notebook_mentions(text, alias, python_candidate_lines)
    if kind == "modelfile":
        return modelfile_mentions(text, alias)
    if kind == "shell":
        return command_mentions(text, alias)
    if kind == "jenkins":
        return jenkinsfile_mentions(text, alias)
    if kind == "tox":
        return tox_mentions(text, alias)
    skip = "tool.licensecheck" if rel.rsplit("/", 1)[-1] == "pyproject.toml" else None
    if kind == "yaml":  # (block scalars: prose is no config, and only a command key's block is a command)
        config_text, command_text = yaml_readings(text)
        found = config_mentions(config_text, alias, skip_section=skip)
        if commands:  # CI workflows run download commands in `run:` steps
            found += command_mentions(command_text, alias)
        return found
    return config_mentions(text, alias, skip_section=skip, quoted_keys=kind == "json")


SKIPPED_LARGE = "\x00large:"  # internal markers on an outcome's warning, gathered into one line per kind
SKIPPED_BINARY = "\x00binary:"
FIRST_READ = 16 * 1024  # most source files fit; asking for the cap up front costs a large allocation per file
SHEBANG_BYTES = 256  # what an executable with no suffix is judged by (its `#!` line)


def read_capped(path: str, limit: int) -> bytes:
    """The file's bytes, at most ``limit + 1`` of them (one more than the cap tells "too large")."""
    return _read_stamped(path, limit)[0]


# While a result cache is in use (``resultcache``): when the scan started (0: no stamps).
_STAMP_FROM = 0


def _read_stamped(path: str, limit: int, *, script: bool = False) -> tuple[bytes, Stamp | None]:
    """``read_capped``, and the file's stamp as it was before the read (see ``resultcache.stamp_of``). With
    ``script``, a file whose first line is no script's ``#!`` line gives nothing more than that it is none."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # never wait on a FIFO swapped in mid-scan
    try:
        stamp = stamp_of(os.fstat(fd), _STAMP_FROM) if _STAMP_FROM else None
        if script:
            if script_kind(os.read(fd, SHEBANG_BYTES)) is None:  # (a binary is not read on)
                return b"", stamp
            os.lseek(fd, 0, os.SEEK_SET)
        return _read_open(fd, limit), stamp
    finally:
        os.close(fd)


def _read_open(fd: int, limit: int) -> bytes:
    data = os.read(fd, FIRST_READ)
    if len(data) < FIRST_READ:
        return data
    parts = [data]
    size = len(data)
    while size <= limit:
        chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


_SHELLS = frozenset({b"sh", b"bash", b"zsh", b"dash", b"ksh"})
_PYTHON_NAME = later_bytes(rb"(?:python|pypy)[0-9.]*")


def script_kind(head: bytes) -> str | None:
    """What an executable file with no suffix is read as, from its ``#!`` line: ``shell`` for sh, bash, zsh (and
    dash, ksh), ``python`` for Python; None for anything else (a binary, another language, no ``#!``)."""
    if not head.startswith(b"#!"):
        return None
    words = head[2 : head.find(b"\n") if b"\n" in head else SHEBANG_BYTES].split()
    if words and words[0].endswith(b"/env"):  # `#!/usr/bin/env -S bash -e`: the first word that is no option
        words = [word for word in words[1:] if not word.startswith(b"-") and b"=" not in word]
    if not words:
        return None
    name = words[0].rsplit(b"/", 1)[-1]
    if name in _SHELLS:
        return "shell"
    if name in (b"uv", b"pipx") and b"run" in words[1:3]:  # PEP 723 scripts: `#!/usr/bin/env -S uv run --script`
        return "python"
    return "python" if _PYTHON_NAME().fullmatch(name) else None


def scan_entry(entry: FileEntry) -> Outcome:
    """(rel, mentions, is_card, warning, stamp) for one file; never raises. The stamp (None unless a result cache
    is in use) says what the file was when it was read; a file that could not be read has none."""
    kind = entry.kind
    limit = MAX_NOTEBOOK_BYTES if kind == "notebook" else MAX_FILE_BYTES
    try:
        data, stamp = (
            _read_stamped(entry.path, limit, script=True) if kind == "script" else _read_stamped(entry.path, limit)
        )
    except OSError as exc:
        return entry.rel, [], False, f"{entry.rel}: skipped, cannot read it ({exc.strerror or exc})", None
    if kind == "script":  # (an executable that is no script, a binary too, is passed over without a word)
        found = script_kind(data)
        if found is None:
            return entry.rel, [], False, None, stamp
        kind = found
    if len(data) > limit:
        return entry.rel, [], False, f"{SKIPPED_LARGE}{entry.rel}", stamp
    if kind == "card" and data.startswith(UTF16_BOMS):  # a card saved as UTF-16 (Windows tools)
        data = data.decode("utf-16", "replace").encode("utf-8")
    if b"\x00" in data[:8192]:
        return entry.rel, [], False, f"{SKIPPED_BINARY}{entry.rel}", stamp
    if kind == "card":
        return entry.rel, [], _looks_like_card(data), None, stamp
    if kind == "json" and _OWN_REPORT in data[:256]:  # a licensecheck report (`--output` of an earlier run)
        return entry.rel, [], False, None, stamp
    commands = True
    if kind == "notebook":
        if not _contains_any(data, _NOTEBOOK_HINT):
            return entry.rel, [], False, None, stamp
    elif (hint := _HINTS.get(kind)) is not None:
        low = data.lower()
        if not _contains_any(low, hint) or (
            kind not in _COMMAND_KINDS and not _config_may_name(low.removeprefix(b"\xef\xbb\xbf"), kind)
        ):  # (the readers get the text without its byte order mark)
            return entry.rel, [], False, None, stamp
        commands = kind != "yaml" or _yaml_may_hold_commands(low)
    lines = None
    if kind == "python":
        lines = python_candidate_lines(data)
        if lines is None:
            return entry.rel, [], False, None, stamp
    elif kind == "notebook" and not _notebook_may_name(data):
        return entry.rel, [], False, None, stamp
    text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    mentions = extract_file(kind, entry.rel, text, lines, commands=commands)
    warning = None
    if any(m.form == "unparsed" for m in mentions):
        warning = f"{entry.rel}: does not parse as {kind}; its model references were read by pattern"
    return entry.rel, mentions, False, warning, stamp


_OWN_REPORT = b'"schema": "licensecheck/1"'
Outcome = tuple[str, list[Mention], bool, "str | None", "Stamp | None"]
_SHARED: list[FileEntry] = []  # the walk's result, inherited by forked workers instead of pickled


def _interesting(outcome: Outcome) -> bool:
    """Whether the parent needs the outcome: it says something, or it becomes a cache record."""
    return bool(outcome[1] or outcome[2] or outcome[3] or outcome[4])


CHUNK_FILES = 8  # files per unit of work handed out to the processes


def _claimed(queue: int) -> Iterator[int]:
    """Chunk numbers taken from the shared queue until it is empty (a pipe read of 4 bytes is atomic)."""
    while len(got := os.read(queue, 4)) == 4:
        yield int.from_bytes(got, "little")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _enlarge(fd: int) -> None:
    """Ask for a 1 MiB pipe buffer (the walk then rarely waits on a helper); the default is fine too."""
    import fcntl  # (only a parallel scan needs it: not imported at start-up)

    try:  # noqa: SIM105  (contextlib.suppress: importing contextlib costs 1 ms)
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1024 * 1024)
    except OSError:
        pass


class _Helpers:
    """Forked helpers that scan chunks of the walk while this process is still walking.

    Chunk ``k`` is ``entries[k * size : (k + 1) * size]`` in walk order. Its number goes into one queue (a pipe
    every process reads; a 4-byte read claims a chunk). A helper knows the entries walked before it was forked; the
    later ones reach it through its own feed pipe, each chunk's entries sent before its number is queued. When the
    walk is done this process takes chunks from the queue too, so nobody waits while work is left.
    """

    def __init__(self, entries: list[FileEntry], workers: int) -> None:
        import marshal  # (built in: no import cost, unlike pickle)

        self.entries = entries
        self.size = CHUNK_FILES
        self.published = 0
        self.done_here: set[int] = set()
        self.outcomes: list[Outcome] = []
        self.queue, self.queue_in = os.pipe()
        _enlarge(self.queue_in)
        os.set_blocking(self.queue_in, False)  # (a full queue: this process takes a chunk itself)
        self.helpers: list[tuple[int, int | None, int]] = []  # (pid, feed or None once it broke, result pipe)
        self.known = known = len(entries)  # what the helpers inherit: complete chunks of it need no feed message
        feeds: list[int] = []
        try:
            for _ in range(1, workers):
                feed_out, feed_in = os.pipe()
                _enlarge(feed_in)
                result_out, result_in = os.pipe()
                try:
                    pid = os.fork()
                except OSError:
                    for fd in (feed_out, feed_in, result_out, result_in):
                        os.close(fd)
                    raise
                if pid == 0:  # the helper: scan claimed chunks, send back what it did, leave without cleanup
                    code = 1
                    try:
                        for fd in (self.queue_in, feed_in, result_out, *feeds):
                            os.close(fd)
                        done, found = self._helper(feed_out, known)
                        plain = [(rel, [tuple(m) for m in men], *rest) for rel, men, *rest in found]
                        with os.fdopen(result_in, "wb") as pipe:
                            pipe.write(marshal.dumps((done, plain)))
                        code = 0
                    finally:
                        os._exit(code)
                os.close(feed_out)
                os.close(result_in)
                feeds.append(feed_in)
                self.helpers.append((pid, feed_in, result_out))
        except BaseException:
            self.close()
            raise

    def _helper(self, feed: int, known: int) -> tuple[list[int], list[Outcome]]:
        """Claim chunks until the queue ends. The feed is drained whenever it has data, even while no chunk can
        be claimed: a helper that let it fill would stop the walk that fills the queue."""
        import marshal
        import select

        os.set_blocking(self.queue, False)  # (a number another helper took first is no reason to wait)
        os.set_blocking(feed, False)
        received: dict[int, list[FileEntry]] = {}
        pending = b""
        feed_open = True
        done: list[int] = []
        found: list[Outcome] = []

        def drain() -> None:
            nonlocal pending, feed_open
            while feed_open:
                try:
                    data = os.read(feed, 1 << 20)
                except BlockingIOError:
                    return
                if not data:
                    feed_open = False
                    return
                pending += data
                while len(pending) >= 4:
                    size = int.from_bytes(pending[:4], "little")
                    if len(pending) < 4 + size:
                        break
                    number, rows = marshal.loads(pending[4 : 4 + size])
                    received[number] = [FileEntry(*row) for row in rows]
                    pending = pending[4 + size :]

        while True:
            ready, _, _ = select.select([self.queue, feed] if feed_open else [self.queue], [], [])
            if feed in ready:
                drain()
            if self.queue not in ready:
                continue
            try:
                got = os.read(self.queue, 4)
            except BlockingIOError:
                continue
            if len(got) < 4:
                break  # the queue is closed and empty
            chunk = int.from_bytes(got, "little")
            if (chunk + 1) * self.size <= known:  # walked before the fork: inherited
                batch = self.entries[chunk * self.size : (chunk + 1) * self.size]
            else:
                while chunk not in received:  # (its entries were sent before its number was queued)
                    if not feed_open:
                        raise EOFError("feed closed early")
                    select.select([feed], [], [])
                    drain()
                batch = received.pop(chunk)
            found += _scan_entries(batch)
            done.append(chunk)
        return done, found

    def publish(self, final: bool = False) -> None:
        """Queue every chunk the walk has completed (and, when ``final``, the last partial one)."""
        import marshal

        while True:
            start = self.published * self.size
            end = start + self.size
            if end > len(self.entries) and not (final and start < len(self.entries)):
                return
            chunk = self.published
            inherited = end <= self.known
            message = b"" if inherited else marshal.dumps((chunk, [tuple(e) for e in self.entries[start:end]]))
            for index, (pid, feed, result) in enumerate(self.helpers):
                if feed is None or inherited:
                    continue
                try:
                    _write_all(feed, len(message).to_bytes(4, "little") + message)
                except BrokenPipeError:  # the helper is gone: its chunks are done here at the end
                    os.close(feed)
                    self.helpers[index] = (pid, None, result)
            while True:
                try:
                    os.write(self.queue_in, chunk.to_bytes(4, "little"))
                    break
                except BlockingIOError:  # the queue is full: take a chunk off it here
                    try:
                        taken = os.read(self.queue, 4)
                    except BlockingIOError:  # (the helpers made room meanwhile)
                        continue
                    if len(taken) == 4:
                        self._scan_here(int.from_bytes(taken, "little"))
            self.published += 1

    def _scan_here(self, chunk: int) -> None:
        self.outcomes += _scan_entries(self.entries[chunk * self.size : (chunk + 1) * self.size])
        self.done_here.add(chunk)

    def finish(self, progress: Callable[[int, int], None] | None) -> list[Outcome]:
        """Close the queue, take chunks until it is empty, then gather the helpers' work (or redo it)."""
        import marshal

        self.publish(final=True)
        os.close(self.queue_in)
        self.queue_in = -1
        for index, (pid, feed, result) in enumerate(self.helpers):
            if feed is not None:
                os.close(feed)
                self.helpers[index] = (pid, None, result)
        total = len(self.entries)
        for chunk in _claimed(self.queue):
            self._scan_here(chunk)
            if progress is not None and chunk % 16 == 0:
                progress(min(chunk * self.size, total), total)
        finished = set(self.done_here)
        failed = False
        while self.helpers:
            pid, _, result = self.helpers.pop(0)
            with os.fdopen(result, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            try:
                if status != 0:
                    raise ValueError(status)
                done, plain = marshal.loads(data)
                found = [(rel, [Mention(*m) for m in mentions], *rest) for rel, mentions, *rest in plain]
            except Exception:  # a helper that died or sent something unreadable: its chunks are done here
                failed = True
                continue
            self.outcomes += found
            finished.update(done)
        if failed:
            for chunk in range(self.published):
                if chunk not in finished:
                    self._scan_here(chunk)
        self.close()
        return self.outcomes

    def close(self) -> None:
        """Release every pipe and reap every helper (after an interruption too: a helper stops at its queue's end)."""
        for fd in (self.queue_in, self.queue, *(pipe for _, feed, result in self.helpers for pipe in (feed, result))):
            if fd is not None and fd >= 0:
                try:  # noqa: SIM105  (contextlib.suppress: importing contextlib costs 1 ms)
                    os.close(fd)
                except OSError:
                    pass
        self.queue_in = self.queue = -1
        for pid, _, _ in self.helpers:
            try:  # noqa: SIM105
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.helpers = []


def _start_helpers(entries: list[FileEntry], workers: int) -> _Helpers:
    """Fork the helpers, with what they need built once before (a forked process inherits it)."""
    import licensecheck.scan.pysource  # noqa: F401  (imported once here, not once per process after the fork)
    from licensecheck.scan.extract import prepare

    prepare()
    return _Helpers(entries, workers)


ADAPTIVE_AFTER = 0.004  # seconds of scanning alone before the rest's cost is estimated
ADAPTIVE_REST = 0.012  # the estimated rest worth a forked helper (its fork and start cost about 2 ms)


def _worth_a_helper(started: float, done: int, entries: Sequence[FileEntry]) -> bool:
    """Whether a scan under the thresholds for helpers has shown, by the files read so far, that the rest will
    take long enough to share it: ``done`` files took the time since ``started``; as many more take as long."""
    elapsed = time.perf_counter() - started
    return elapsed > ADAPTIVE_AFTER and elapsed / done * (len(entries) - done) > ADAPTIVE_REST


def _offset(progress: Callable[[int, int], None] | None, done: int, total: int) -> Callable[[int, int], None] | None:
    """A progress callback for the helpers that took over after ``done`` of ``total`` files were scanned here."""
    if progress is None:
        return None
    report = progress
    return lambda at, _: report(done + at, total)


def _scan_entries(batch: Sequence[FileEntry]) -> list[Outcome]:
    return [o for o in map(scan_entry, batch) if _interesting(o)]


def discover(
    root: str,
    *,
    exclude: Sequence[str] = (),
    skip: frozenset[str] = frozenset(),
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    meanwhile: Callable[[], None] | None = None,
    cache: bool = False,
) -> Discovery:
    """Walk ``root`` and collect model mentions and model cards.

    ``meanwhile`` is work of the caller's that this process does once forked helpers are scanning (nothing is
    done with it when the scan runs in one process). With ``cache``, a file unchanged since the last scan of
    ``root`` is not read again (``licensecheck.scan.resultcache``).
    """
    global _STAMP_FROM
    result = Discovery()

    def on_error(rel: str, why: str) -> None:
        result.warnings.append(f"{rel}: skipped, cannot read it ({why})")

    _alias_keys()  # load the catalog once, before any fork
    records = None
    walk: Iterable[FileEntry] | None = None
    if cache:
        from licensecheck.scan.resultcache import ResultCache, now

        begun = replay.handoff(root, exclude, skip)  # the walk a replay began before it found the tree changed
        if begun is not None:
            records, walk = begun.cache, chain(begun.walked, begun.rest)
            begun.errors.forward(on_error)
        else:
            records = ResultCache.open(root)
        if records is not None:
            _STAMP_FROM = now()
    if walk is None:
        walk = walk_repository(root, exclude=exclude, skip=skip, on_error=on_error)
    cores = min(os.cpu_count() or 1, 4) if sys.platform == "linux" else 1
    wanted = cores if workers is None else workers
    entries: list[FileEntry] = []
    remembered: list[Outcome] = []  # outcomes of files unchanged since the last scan
    cards: dict[str, str] = {}  # rel -> path of every file a card may be in
    python_files = 0
    helpers: _Helpers | None = None
    try:
        for entry in walk:
            if entry.kind == "card":
                cards[entry.rel] = entry.path
            if records is not None:
                hit = records.lookup(entry)
                if hit is not None:
                    rel, plain, is_card, warning, stamp = hit
                    remembered.append((rel, [Mention(*m) for m in plain], is_card, warning, stamp))
                    continue
            entries.append(entry)
            python_files += entry.kind in ("python", "notebook")
            if helpers is not None:
                if len(entries) % CHUNK_FILES == 0:
                    helpers.publish()  # the helpers scan what is walked while the walk goes on
            elif wanted > 1 and (
                workers is not None or len(entries) >= PARALLEL_MIN_FILES or python_files >= PARALLEL_MIN_PYTHON
            ):
                try:
                    helpers = _start_helpers(entries, wanted)
                except OSError:  # no process or pipe to be had: this process scans alone
                    wanted = 1
        if helpers is not None:
            if meanwhile is not None:  # (the helpers take more chunks while this process does it)
                meanwhile()
            outcomes = helpers.finish(progress)
        else:
            outcomes = []
            started = time.perf_counter()
            for index, entry in enumerate(entries):
                outcome = scan_entry(entry)
                if _interesting(outcome):
                    outcomes.append(outcome)
                if progress is not None and index % 256 == 0:
                    progress(index, len(entries))
                done = index + 1
                if wanted > 1 and done % CHUNK_FILES == 0 and _worth_a_helper(started, done, entries):
                    # fewer files than the thresholds, but costly ones (litgpt's model table): the rest is shared
                    try:
                        helpers = _start_helpers(entries[done:], wanted)
                    except OSError:
                        wanted = 1
                        continue
                    if meanwhile is not None and any(outcome[1] for outcome in outcomes):
                        meanwhile()  # (what reporting needs, while the helper scans; only when there is a finding)
                    outcomes += helpers.finish(_offset(progress, done, len(entries)))
                    break
    except BaseException:
        if helpers is not None:
            helpers.close()
        raise
    finally:
        _STAMP_FROM = 0
    if records is not None:
        kinds = {entry.rel: entry.kind for entry in entries}
        fresh = {
            rel: record(kinds[rel], stamp, mentions, is_card, warning)
            for rel, mentions, is_card, warning, stamp in outcomes
            if stamp is not None
        }
        records.save(fresh)
        # (a replayed scan rests on every file walked having its record: none unreadable, none just changed)
        replay.note_tree(exclude, skip, records.generation, not result.warnings and len(fresh) == len(entries))
    outcomes += remembered
    entries_seen = len(entries) + len(remembered)
    result.files_seen = result.files_read = entries_seen
    skipped: dict[str, list[str]] = {SKIPPED_LARGE: [], SKIPPED_BINARY: []}
    for rel, mentions, is_card, warning, _ in sorted(outcomes, key=lambda item: item[0]):
        if warning and warning.startswith((SKIPPED_LARGE, SKIPPED_BINARY)):
            marker = SKIPPED_LARGE if warning.startswith(SKIPPED_LARGE) else SKIPPED_BINARY
            skipped[marker].append(warning[len(marker) :])
        elif warning:
            result.warnings.append(warning)
        if is_card:
            result.cards.append(CardFile(rel, cards[rel]))
        result.add(rel, mentions)
    # Never a silent pass: say which files were not read (one line each kind, the first few named).
    for marker, what in (
        (SKIPPED_LARGE, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"),
        (SKIPPED_BINARY, "binary"),
    ):
        rels = skipped[marker]
        if rels:
            shown = ", ".join(rels[:5]) + (f" and {len(rels) - 5} more" if len(rels) > 5 else "")
            result.warnings.append(f"{len(rels)} file(s) not read ({what}): {shown}")
    if progress is not None:
        progress(entries_seen, entries_seen)
    return result
