"""Model references in one file's text: Python (``ast``, never imported), notebooks, configs, scripts, Modelfiles.

Every extractor returns ``Mention``s: the string as written, its 1-based line and the form it was found in.
Strings only count when they stand where a model goes (a loader call, a model key, a download command) *and*
look like a model id (see ``looks_like_model``); local paths, URLs and file names never do.
"""

from __future__ import annotations

from bisect import bisect_left

from licensecheck.lazyre import DOTALL, IGNORECASE, MULTILINE, compiled, later
from licensecheck.records import TYPE_CHECKING, NamedTuple, cache
from licensecheck.scan.pyast import iter_child_nodes, parse, walk

if TYPE_CHECKING:
    import ast
    import re
    from collections import deque
    from collections.abc import Callable, Iterable, Iterator, Sequence
else:
    import _ast as ast  # (the node classes; importing `ast` itself costs 1.1 ms: licensecheck.scan.pyast)
    from _collections import deque  # (the same class: importing ``collections`` costs 1.7 ms)

# Keyword arguments, config keys and assignment targets whose string value names a model.
MODEL_KEYS = frozenset(
    {
        "model",
        "model_id",
        "model_name",
        "model_name_or_path",
        "model_path",
        "pretrained_model_name_or_path",
        "base_model",
        "base_model_name_or_path",
        "base_model_id",
        "repo_id",
        "tokenizer",
        "tokenizer_name",
        "tokenizer_name_or_path",
        "teacher_model",
        "teacher_model_name_or_path",
        "student_model",
        "reward_model",
        "ref_model",
        "embedding_model",
        "embed_model",
        "reranker_model",
        "draft_model",
        "speculative_model",
        "adapter_name_or_path",
        "peft_model_id",
        "_name_or_path",
        "served_model",
        "llm_model",
        "models",
        "eval_models",
        "ref_model_name_or_path",
        "reward_model_name_or_path",
        # the same roles spelled with _name / _id, and camelCase keys of JavaScript-style configs (lower-cased)
        "model_ids",
        "base_models",
        "teacher_model_name",
        "student_model_name",
        "student_model_name_or_path",
        "reward_model_name",
        "ref_model_name",
        "embedding_model_name",
        "embedding_model_id",
        "embed_model_name",
        "reranker_model_name",
        "rerank_model",
        "llm_model_name",
        "draft_model_name",
        "modelid",
        "modelname",
        "modelpath",
        "basemodel",
        "judge_model",
        "reward_model_path",
        "teacher_model_id",
        "reward_model_id",
    }
)
# Names that make a string assigned to them a finding by themselves. `repo_id` names dataset and Space repositories
# as often as models: a string assigned to it counts only once a loader or a model keyword is given it.
ASSIGNED_KEYS = MODEL_KEYS - {"repo_id"}
# Other names of a model variable (`DEFAULT_MODEL`, `LLM_MODEL_ID`, `BASE_MODEL_NAME`): a word "model" among its
# words, and none of the words that make it a type, a place to write to, a size or a setting. Such a name makes an
# `org/name` string assigned to it a finding by itself (a constants module a loader elsewhere reads).
_NOT_A_MODEL_VARIABLE = frozenset(
    "type types class classes cls arch architecture family kind format dir dirs directory folder file files "
    "filename url urls link revision version max min size sizes len length dtype kwargs config configs cfg args "
    "card index key keys prefix suffix pattern patterns regex output outputs out save saved hub push upload "
    "dataset datasets export mapping map names parallel registry registries count counts num "
    # what a model-worded name holds when it is no model the code loads: the model it writes (a fine-tune's result)
    # and things named after models (data, Spaces, experiment trackers, images, routes, units)
    "new finetuned ft merged trained final pushed result results data benchmark benchmarks corpus space spaces "
    "leaderboard project wandb mlflow image images container docker github git unit units route routes topic "
    "endpoint api metric metrics experiment run runs tag tags invalid missing fake nonexistent bad wrong".split()
)


def model_variable(name: str) -> bool:
    """Whether a string assigned to ``name`` names a model by itself: a model key (``model_id``, ``base_model``), or
    a name with the word "model" and no word that makes it something else (``DEFAULT_MODEL``; a caller then wants
    an ``org/name`` value, not a bare word)."""
    low = name.lower()
    if low in ASSIGNED_KEYS:
        return True
    words = low.split("_")
    return ("model" in words or "models" in words) and _NOT_A_MODEL_VARIABLE.isdisjoint(words)


# Calls whose positional string arguments name a model.
LOADER_CALLS = frozenset(
    {
        "from_pretrained",
        "pipeline",
        "hf_hub_download",
        "snapshot_download",
        "LLM",
        "AsyncLLMEngine",
        "SentenceTransformer",
        "CrossEncoder",
        "load_checkpoint_and_dispatch",
        "AutoModel",
        "AutoTokenizer",
        "HuggingFaceEmbeddings",
        "HuggingFacePipeline",
        "ChatOllama",
        "OllamaLLM",
        "Ollama",
        "InferenceClient",  # huggingface_hub: InferenceClient("org/x") serves the model
        "AsyncInferenceClient",
        "from_quantized",  # AutoGPTQ, AutoAWQ: AutoAWQForCausalLM.from_quantized("org/x-AWQ")
        "from_finetuned",  # FlagEmbedding: FlagAutoModel.from_finetuned("BAAI/bge-m3")
        "BGEM3FlagModel",  # FlagEmbedding's embedders and rerankers take the model first
        "FlagModel",
        "FlagReranker",
        "FlagLLMReranker",
        "LayerWiseFlagLLMReranker",
    }
)
# timm and open_clip name a Hub model with a prefix (`timm.create_model("hf_hub:timm/x")`,
# `open_clip.create_model_and_transforms("hf-hub:org/x")`); without it, a name is one of their own, not the Hub's.
HUB_PREFIXES = ("hf_hub:", "hf-hub:")
HUB_PREFIXED_CALLS = frozenset(
    {"create_model", "create_model_and_transforms", "create_model_from_pretrained", "get_tokenizer"}
)
_ID_RE = compiled(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
_TAG_RE = compiled(r"^[a-z0-9][a-z0-9._-]{0,63}(?:/[a-z0-9][a-z0-9._-]{0,63})?:[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_FILE_SUFFIXES = (
    ".py",
    ".json",
    ".jsonl",
    ".yaml",
    ".yml",
    ".toml",
    ".txt",
    ".csv",
    ".tsv",
    ".md",
    ".sh",
    ".bin",
    ".pt",
    ".pth",
    ".ckpt",
    ".safetensors",
    ".gguf",
    ".ggml",
    ".onnx",
    ".h5",
    ".npy",
    ".npz",
    ".pkl",
    ".parquet",
    ".arrow",
    ".tar",
    ".gz",
    ".zip",
    ".png",
    ".jpg",
    ".jpeg",
    ".wav",
    ".mp3",
    ".log",
    ".html",
    ".ipynb",
    ".cfg",
    ".ini",
    ".model",
    ".tiktoken",
)
# First path segments that name a folder, not a Hugging Face organisation.
# Hosted-API model names in LiteLLM/LangChain style ("anthropic/claude-3-5-sonnet", "openai/gpt-4o"): services,
# not open weights, so not findings. Only these names under openai/: its open models (gpt-oss, whisper) count.
_API_PROVIDERS = frozenset(
    {
        "anthropic",
        "azure",
        "azure_ai",
        "bedrock",
        "vertex_ai",
        "gemini",
        "groq",
        "together_ai",
        "fireworks_ai",
        "openrouter",
        "deepinfra",
        "perplexity",
        "replicate",
        "sagemaker",
        "cohere_chat",
        "anyscale",
        "xai",
        "deepseek",
        "dashscope",
        "voyage",
        "cerebras",
        "sambanova",
        "mistral",  # (Mistral's API; its open weights are under mistralai/)
        "nvidia_nim",
        "watsonx",
        "cloudflare",
        "ai21",
    }
)
_OPENAI_API_MODELS = (
    "gpt-3",
    "gpt-4",
    "gpt-5",
    "o1",
    "o3",
    "o4",
    "chatgpt",
    "text-embedding",
    "dall-e",
    "davinci",
    "babbage",
    "tts-",
    "whisper-1",
    "omni-moderation",
    "computer-use",
)
_LOCAL_ROOTS = frozenset(
    {
        "data",
        "datasets",
        "models",
        "model",
        "checkpoints",
        "checkpoint",
        "ckpt",
        "ckpts",
        "outputs",
        "output",
        "out",
        "results",
        "runs",
        "logs",
        "tmp",
        "temp",
        "cache",
        ".cache",
        "weights",
        "src",
        "configs",
        "config",
        "scripts",
        "local",
        "artifacts",
        "saved_models",
        "pretrained",
        "exp",
        "experiments",
        "home",
        "mnt",
        "workspace",
        "application",
        "text",
        "image",
        "audio",
        "video",
        "multipart",
        # more folder names that training scripts save to and load from
        "lora",
        "loras",
        "adapter",
        "adapters",
        "merged",
        "save",
        "saved",
        "trained",
        "finetuned",
        "fine_tuned",
        "work_dirs",
        "work_dir",
        "tokenizers",
        "tokenizer",
        "exports",
        "export",
        "snapshots",
        "downloads",
        "assets",
        "resources",
        "storage",
        "volumes",
        "opt",
        "var",
        "users",
        "root",
    }
)


class Mention(NamedTuple):
    """A model reference as written, where it stands, and the form it was found in."""

    value: str
    line: int
    form: str  # python | notebook | config | command | modelfile | card | policy


if TYPE_CHECKING:
    AliasCheck = Callable[[str], bool]  # (an annotation only: ``collections.abc`` is not imported at run time)


def looks_like_model(value: str, is_alias: AliasCheck) -> bool:
    """An ``org/name`` id, an Ollama ``name:tag``, or a catalog alias; never a path, URL or file name."""
    text = value.strip()
    if not text or len(text) > 200 or text != value or "://" in text or "\\" in text:
        return False
    if text.startswith(("/", ".", "~", "-", "$", "{", "<")):
        return False
    if _ID_RE.match(text):
        org, name = text.lower().split("/", 1)
        if org in _API_PROVIDERS or (org == "openai" and name.startswith(_OPENAI_API_MODELS)):
            return False
        if org.startswith(("your", "username")) or name.startswith("your"):  # .env.example: your-org/your-model
            return False
        return org not in _LOCAL_ROOTS and not text.lower().endswith(_FILE_SUFFIXES)
    if _TAG_RE.match(text):
        return not text.rsplit(":", 1)[1].isdigit()  # host:port is not a tag
    return is_alias(text)


def hub_target(value: str) -> str:
    """``hf_hub:org/x`` (or ``hf-hub:``) -> ``org/x``; other values are kept as they are."""
    return value[len(HUB_PREFIXES[0]) :] if value.startswith(HUB_PREFIXES) else value


def modelfile_target(value: str) -> str:
    """``hf.co/org/repo:Q4_K_M`` -> ``org/repo``; Ollama names are kept as they are."""
    for prefix in ("hf.co/", "huggingface.co/", "https://hf.co/", "https://huggingface.co/"):
        if value.startswith(prefix):
            return value[len(prefix) :].split(":", 1)[0]
    return value


# ---------------------------------------------------------------- Python


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _walk_lines(tree: ast.AST, lines: Sequence[int] | None) -> Iterator[ast.AST]:
    """Every node, or (with ``lines``, sorted) only the nodes whose line span holds one of those lines.

    A large file with a few candidate strings is read along the few paths that lead to them instead of node by
    node, which is what makes scanning library-sized trees affordable.
    """
    if lines is None:
        yield from walk(tree)
        return
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in iter_child_nodes(node):
            start = getattr(child, "lineno", None)
            if start is None:  # arguments, comprehensions…: no span of their own
                stack.append(child)
                continue
            decorators = getattr(child, "decorator_list", None)
            if decorators:  # a decorated def or class starts at its first decorator
                start = min(start, *(decorator.lineno for decorator in decorators))
            end = getattr(child, "end_lineno", None) or start
            index = bisect_left(lines, start)
            if index < len(lines) and lines[index] <= end:
                stack.append(child)


# Nodes that nothing below is read from: names, constants, contexts and operators. A statement parsed alone is
# walked without them (a dict literal of settings is mostly such leaves), in the order ``ast.walk`` gives.
_LEAF_TYPES = frozenset(
    {
        ast.Constant,
        ast.Name,
        *ast.expr_context.__subclasses__(),
        *ast.operator.__subclasses__(),
        *ast.unaryop.__subclasses__(),
        *ast.cmpop.__subclasses__(),
        *ast.boolop.__subclasses__(),
    }
)


def _walk_branches(tree: ast.AST) -> Iterator[ast.AST]:
    """``ast.walk`` without the leaves (``_LEAF_TYPES``), in the same order."""
    todo = deque([tree])
    leaf = _LEAF_TYPES
    node_type = ast.AST
    while todo:
        node = todo.popleft()
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                todo.extend(item for item in value if isinstance(item, node_type) and type(item) not in leaf)
            elif isinstance(value, node_type) and type(value) not in leaf:
                todo.append(value)
        yield node


def prepare() -> None:
    """Build what Python extraction builds on first use (before forking helpers, so it is built once)."""
    _use_context()


def _names_read(node: ast.expr | None) -> Iterator[str]:
    """The names whose strings ``_PythonScan._strings`` reads from ``node``."""
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.IfExp):
        yield from _names_read(node.body)
        yield from _names_read(node.orelse)
    elif isinstance(node, ast.Call) and (default := _env_default(node)) is not None:
        yield from _names_read(default)
    elif isinstance(node, ast.Call) and _call_name(node.func) == "getattr" and len(node.args) == 3:
        yield from _names_read(node.args[2])
    elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        for value in node.values:
            yield from _names_read(value)


def _env_default(node: ast.Call) -> ast.expr | None:
    """The default of ``os.getenv("M", …)`` or ``os.environ.get("M", …)``, given by position or as ``default=``."""
    if _call_name(node.func) not in ("getenv", "get") or not node.args:
        return None
    if len(node.args) >= 2:
        return node.args[1]
    return next((kw.value for kw in node.keywords if kw.arg == "default"), None)


def _dict_loop(node: ast.For | ast.AsyncFor) -> tuple[str, str] | None:
    """(loop variable, dict name) of ``for v in D.values()`` or ``for k, v in D.items()``, else None."""
    call = node.iter
    if not (
        isinstance(call, ast.Call)
        and not call.args
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
    ):
        return None
    target = node.target
    if call.func.attr == "values" and isinstance(target, ast.Name):
        return target.id, call.func.value.id
    if (
        call.func.attr == "items"
        and isinstance(target, ast.Tuple)
        and len(target.elts) == 2
        and isinstance(target.elts[1], ast.Name)
    ):
        return target.elts[1].id, call.func.value.id
    return None


def _derived(value: ast.expr | None) -> bool:
    """A value that may be another constant's: a conditional, an ``or`` default (``os.getenv("M") or A``), or a call
    such as ``os.getenv("M", A)``."""
    return (
        isinstance(value, ast.IfExp)
        or (isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or))
        or (isinstance(value, ast.Call) and bool(value.args))
    )


@cache
def _use_context() -> re.Pattern[str]:
    """What a statement that only uses a constant must hold to matter: a loop, a loader call, a model keyword or
    dict key, an argparse option, or a conditional or call that may pass it on to another name
    (``_PythonScan._collect`` and ``finish`` read nothing else from it)."""
    loaders = "|".join(sorted(LOADER_CALLS | HUB_PREFIXED_CALLS))
    keys = "|".join(sorted(MODEL_KEYS | CALL_MODEL_KEYWORDS, key=lambda key: (-len(key), key)))  # (same every run)
    return compiled(
        rf"\bfor\b|\belse\b|\bgetenv\b|\bget\s*\(|\badd_argument\b|\bAuto(?:Model|Tokenizer|Processor|Config)|\b(?:{loaders})\b"
        rf"|(?i:\b(?:{keys})(?:\s*=(?!=)|[\"']\s*:))"
    )


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_WORD = later(r"[^\W\d]\w*")


def _name_lines(text: str, names: Iterable[str]) -> list[int]:
    """The sorted lines of ``text`` on which one of ``names`` occurs as a whole word."""
    return sorted({line for line, _ in _names_by_line(text, names)})


def _names_by_line(text: str, names: Iterable[str]) -> list[tuple[int, frozenset[str]]]:
    """(line, the names on it) for each line of ``text`` on which one of ``names`` occurs as a whole word, in order.

    One ``str.find`` loop per name: a regular expression that starts with ``\\b`` is tried at every character.
    """
    positions: list[tuple[int, str]] = []
    names = set(names)
    if len(names) > 16:  # many names: one pass over every word instead of one pass per name
        positions = [(match.start(), match.group()) for match in _WORD().finditer(text) if match.group() in names]
        names = set()
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _is_word_char(text[at - 1])) and not (end < len(text) and _is_word_char(text[end])):
                positions.append((at, name))
            at = text.find(name, end)
    positions.sort()
    out: dict[int, set[str]] = {}
    pos, line = 0, 1
    for at, name in positions:
        line += text.count("\n", pos, at)
        pos = at
        out.setdefault(line, set()).add(name)
    return [(number, frozenset(held)) for number, held in out.items()]


def _line_numbers(text: str, positions: Iterable[int]) -> set[int]:
    """The (1-based) lines of ``text`` that hold the given character offsets."""
    lines: set[int] = set()
    pos, line = 0, 1
    for at in sorted(positions):
        line += text.count("\n", pos, at)
        pos = at
        lines.add(line)
    return lines


MAX_STATEMENTS = 1000  # statements cut out and parsed one by one, per file, before the whole file is parsed

# A whole line that gives a plain string to a name or attribute (`MODEL_ID = "org/x"  # note`): the commonest
# candidate statement in test suites, read without cutting it out and parsing it. No escapes, prefixes or quotes
# inside the string (its value is then exactly the text between the quotes), ASCII names (the parser normalizes
# others), nothing after it but a comment.
_PLAIN_ASSIGNMENT = later(
    r"""[ \t]*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*=[ \t]*(["'])([^"'\\\n\r]*)\2[ \t]*(?:\#.*)?"""
)


@cache
def _keywords() -> frozenset[str]:
    """Python's keywords: no name to assign to (a parser error, left to the parser)."""
    import keyword  # (read only once a plain assignment is met)

    return frozenset(keyword.kwlist)


# The node types ``_PythonScan._collect`` reads anything from.
_COLLECTED = frozenset(
    {
        ast.Call,
        ast.Dict,
        ast.For,
        ast.AsyncFor,
        ast.Assign,
        ast.AnnAssign,
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.comprehension,
        ast.NamedExpr,
    }
)


class _PythonScan:
    """Collect string constants and the nodes that can name a model; then read them (``finish``).

    Nodes come from a whole tree (``of_tree``), or statement by statement (``of_statements``): the statements
    holding a string that could be a model, then the statements that use a constant found there by name.
    """

    def __init__(self, could_be_model: Callable[[str], bool] | None = None, source: str = "") -> None:
        self.could_be_model = could_be_model  # which strings a use may still make a finding (None: any)
        self._source = source  # (for the callees that load a model in this file alone: ``loaders``)
        self._loaders: frozenset[str] | None = None
        self.constants: dict[str, list[tuple[str, int]]] = {}
        # a dict constant's value under each constant key: (name, key) -> (string, line), for `REGISTRY["neo"]`
        self.entries: dict[tuple[str, str], tuple[str, int]] = {}
        self.found: list[tuple[str, int]] = []
        self._later: list[tuple[ast.Call | ast.Dict, int]] = []  # (node, line offset of the tree it is in)
        self._offset = 0  # added to node line numbers: a statement parsed alone starts at line 1
        self.loops: list[tuple[str, str]] = []  # (loop variable, the constant it runs over)
        # assignments whose strings may come from other constants (`m = A if c else B`, `os.getenv("M", A)`),
        # read once every constant is known, so the order the statements were visited in does not matter
        self._derived: list[tuple[str, ast.expr, int]] = []  # (name, value, line offset)
        self._held: dict[str, set[tuple[str, int]]] = {}  # what each constant holds, to test membership at once
        self._grown: set[str] = set()  # names given a string since the last settling
        self._settled = (0, 0)  # how many derived assignments and loops the last settling had seen
        self._derived_readers: dict[str, list[int]] = {}  # name -> the derived assignments that read it
        self._loop_readers: dict[str, list[int]] = {}  # name -> the loops over it
        # what the statements read so far find (``may_add``): the strings, and how far ``found``/``_later`` are in
        self._found_so_far: set[tuple[str, int]] = set()
        self._found_upto = 0
        self._read_upto = 0
        # A name loaded a thousand times is read once per reading: how many of each name's strings the reading
        # under way has given already (``_give``), and what it has found (to add each string once).
        self._given: dict[str, int] = {}
        self._given_keys: set[tuple[str, int]] = set()
        self._so_far_given: dict[str, int] = {}  # the same, for the reading of the statements read so far
        self._checked: dict[str, int] = {}  # how many of a name's strings ``may_add`` found found (since a refresh)
        # rows of a list of tuples (`PAIRS = [("pythia", "org/x"), …]`) and the loops that unpack them
        # (`for short, repo in PAIRS`): each loop variable takes the strings at its place in each row
        self._rows: dict[str, list[tuple[ast.Tuple | ast.List, int]]] = {}
        self._row_loops: list[tuple[ast.Tuple, str]] = []
        self._rows_read: set[tuple[int, int]] = set()
        # loop variables read inside their loop's body: name -> [(first line, last line, the name in that body)]
        self._scopes: dict[str, list[tuple[int, int, str]]] = {}
        self._source_lines: list[str] | None = None

    @classmethod
    def of_tree(
        cls,
        tree: ast.AST,
        lines: Sequence[int] | None = None,
        source: str = "",
        could_be_model: Callable[[str], bool] | None = None,
    ) -> _PythonScan:
        """With ``lines`` (the lines holding a string that could be a model), only the nodes spanning those lines
        are visited, then the nodes on lines that use a constant found there by name."""
        scan = cls(could_be_model, source)
        scan._collect(_walk_lines(tree, lines))
        if lines is not None and source:
            seen: set[int] = set(lines)
            searched: set[str] = set()
            while new := scan.names(searched):  # uses of constants, then of loop variables over them
                searched |= new
                uses = sorted({line for line in _name_lines(source, new) if line not in seen})
                seen.update(uses)
                if uses:
                    scan._collect(_walk_lines(tree, uses), assignments=False)
        scan.finish()
        return scan

    @classmethod
    def of_statements(
        cls,
        text: str,
        lines: Sequence[int],
        could_be_model: Callable[[str], bool] | None = None,
    ) -> _PythonScan | None:
        """The same reading from single statements; None when one cannot be cut out (then parse the file)."""
        from licensecheck.scan.pysource import Source

        source = Source(text)
        if source.nested_quotes:  # (a field that reuses its f-string's quotes: only the parser reads that right)
            return None
        scan = cls(could_be_model, text)
        scan._source_lines = source.lines  # (split once: the statement reader's lines serve the scopes too)
        covered: set[int] = set()  # lines of the statements read so far

        use_context = _use_context()
        parsed = [0]

        plain_assignment = _PLAIN_ASSIGNMENT()

        def visit(line: int, assignments: bool) -> bool:
            if line in covered:
                return True
            if parsed[0] > MAX_STATEMENTS:  # (a generated file: one whole parse is cheaper by now)
                return False
            parsed[0] += 1
            plain = plain_assignment.fullmatch(source.lines[line - 1]) if assignments else None
            if (
                plain is not None
                and _keywords().isdisjoint(plain.group(1).split("."))
                and source.starts_a_statement(line)
            ):
                covered.add(line)  # the statement is this line, as the parser would read it
                # (an attribute counts by its name, as for a parsed one: self.model_name = "org/x")
                scan._keep(plain.group(1).rsplit(".", 1)[-1], plain.group(3), line)
                return True
            bounds = source.span(line)
            if bounds is None:
                return False
            if not assignments and not scan.may_read(use_context, source.text_of(*bounds)):
                covered.update(range(bounds[0], bounds[1] + 1))  # uses the name, but nothing that reads it
                return True
            got = source.statement(line, bounds)
            if got is None:
                return False
            first, last, tree = got
            covered.update(range(first, last + 1))
            scan._offset = first - 1
            scan._collect(_walk_branches(tree), assignments)
            return True

        for line in lines:
            if source.strings_start_on(line) and not visit(line, True):
                return None
        # Uses of constants, then of loop variables over them. A use is read while one of its names holds a string
        # that no statement read so far finds (a test suite passes the same MODEL_ID to a loader a hundred times:
        # the first use finds it). The uses passed over are kept, with the names on them, and read after all when
        # one of those names has come to hold a string not found (a conditional or a default read later, maybe in
        # a later round, can give it one); the reading ends when no name is new and no passed use can add anything.
        searched: set[str] = set()
        passed: dict[int, frozenset[str]] = {}
        while True:
            new = scan.names(searched)
            if new:
                searched |= new
                for line, names in _names_by_line(source.text, new):  # (the raw text: f-string fields are code)
                    if line in covered:
                        continue
                    if scan.may_add(names):
                        if not visit(line, False):
                            return None
                    else:
                        passed[line] = passed.get(line, frozenset()) | names
                continue
            scan.refresh()
            again = [line for line, names in passed.items() if line not in covered and scan.may_add(names)]
            if not again:
                break
            for line in again:
                del passed[line]
                if not visit(line, False):
                    return None
        scan.finish()
        return scan

    def loaders(self) -> frozenset[str]:
        """The callees that load a model in this file alone (``file_loaders``), as written."""
        if self._loaders is None:
            self._loaders = file_loaders(self._source)
        return self._loaders

    def may_read(self, use_context: re.Pattern[str], statement: str) -> bool:
        """Whether a statement that uses a constant holds what could read it (``_use_context``, or a call of one of
        this file's own loaders)."""
        return use_context.search(statement) is not None or (
            "load" in statement and any(name.rsplit(".", 1)[-1] in statement for name in self.loaders())
        )

    def may_add(self, names: frozenset[str]) -> bool:
        """Whether one of ``names`` holds a string that the statements read so far do not find. Between refreshes
        the constants are taken as they stand, so a string a conditional adds later is missed until ``refresh``
        settles them."""
        self._find_so_far()
        found = self._found_so_far
        could = self.could_be_model
        checked = self._checked  # (strings found stay found until a refresh: each is looked at once)
        for name in names:
            values = self.constants.get(name, ())
            at = checked.get(name, 0)
            while at < len(values):
                value = values[at]
                if value not in found and (could is None or could(value[0])):
                    checked[name] = at
                    return True
                at += 1
            checked[name] = at
        return False

    def refresh(self) -> None:
        """Settle the constants and read every node collected so far again with them."""
        self._settle()
        self._found_so_far = set(self.found)
        self._found_upto = len(self.found)
        self._read_upto = 0
        self._so_far_given, self._checked = {}, {}
        self._find_so_far()

    def _find_so_far(self) -> None:
        """Add what the calls and dicts collected since the last time find, with the constants known now (a
        subset of what ``finish`` finds with the settled constants)."""
        if self._read_upto < len(self._later):
            kept, offset = self.found, self._offset
            self.found = []  # (what they find is kept apart: ``finish`` reads every node again)
            self._given, self._given_keys = self._so_far_given, self._found_so_far
            self._read(self._later[self._read_upto :])
            self._found_so_far.update(self.found)
            self.found, self._offset = kept, offset
            self._read_upto = len(self._later)
        self._found_so_far.update(self.found[self._found_upto :])  # (model keys assigned a string find it at once)
        self._found_upto = len(self.found)

    def names(self, searched: set[str] | frozenset[str] = frozenset()) -> set[str]:
        """The names not in ``searched`` whose uses may find more: constants and the variables of loops over them,
        holding a string not found yet (a use of a name passes on only the strings it holds)."""
        self._settle()
        found = set(self.found)
        names = (set(self.constants) | {target for target, _ in self.loops}) - searched
        return {name for name in names if self._news(self.constants.get(name, ()), found)}

    def _news(self, values: Iterable[tuple[str, int]], found: set[tuple[str, int]]) -> bool:
        """Whether ``values`` hold a string not found yet that could still be a finding."""
        could = self.could_be_model
        return any(value not in found and (could is None or could(value[0])) for value in values)

    def _settle(self) -> None:
        """Carry strings along derived assignments and loops until nothing new comes. Only what can change is read
        again: the assignments and loops met since the last time, and those reading a name that has grown (a long
        chain of names costs its length, not its length squared)."""
        self._unpack_rows()
        derived_seen, loops_seen = self._settled
        todo_derived = list(range(derived_seen, len(self._derived)))
        todo_loops = list(range(loops_seen, len(self.loops)))
        self._settled = (len(self._derived), len(self.loops))
        while True:
            grown, self._grown = self._grown, set()
            for name in grown:
                todo_derived += self._derived_readers.get(name, ())
                todo_loops += self._loop_readers.get(name, ())
            if not todo_derived and not todo_loops:
                return
            for index in dict.fromkeys(todo_derived):
                target, value, offset = self._derived[index]
                self._offset = offset
                for item in self._strings(value):
                    if self._hold(target, item) and _names_a_model(target, item[0]):
                        self.found.append(item)
            for index in dict.fromkeys(todo_loops):
                target, source = self.loops[index]
                for item in list(self.constants.get(source, ())):
                    self._hold(target, item)
            todo_derived, todo_loops = [], []

    def _unpack_rows(self) -> None:
        """Give the variables of each loop over a list of tuples the strings at their places (once per row)."""
        for index, (target, source) in enumerate(self._row_loops):
            for row_index, (row, offset) in enumerate(self._rows.get(source, ())):
                if (index, row_index) not in self._rows_read:
                    self._rows_read.add((index, row_index))
                    kept, self._offset = self._offset, offset
                    self._assign(target, row, loop=True)
                    self._offset = kept

    def _hold(self, name: str, item: tuple[str, int]) -> bool:
        """Give ``name`` the string ``item`` (value, line); whether it is new to it."""
        held = self._held.setdefault(name, set())
        if item in held:
            return False
        held.add(item)
        self.constants.setdefault(name, []).append(item)
        self._grown.add(name)
        return True

    def _scope_loop(self, node: ast.For | ast.AsyncFor, target: str, source: str) -> None:
        """Inside the body of ``for target in source``, the loop variable holds only what ``source`` holds: a name
        reused by two loops (`for name in DATASETS: load_dataset(name)`, `for name in MODELS: load(name)`) gives a
        loader in one body the other's strings no more. A use outside every such body takes all of them."""
        header = node.lineno + self._offset
        header_end = node.iter.end_lineno + self._offset if node.iter.end_lineno else header
        scoped = self._scope(target, header, _block_end(self._lines(), header_end, header))
        if scoped is not None:
            self._loop(scoped, source)

    def _scope(self, name: str, header: int, last: int) -> str | None:
        """The name ``name`` is read by in the body of the statement whose header is on line ``header`` and whose
        body ends on line ``last`` (None when it has no body of lines of its own)."""
        if last <= header:
            return None
        scoped = f"{name}@{header}"
        scopes = self._scopes.setdefault(name, [])
        if (header + 1, last, scoped) not in scopes:
            scopes.append((header + 1, last, scoped))
        return scoped

    def _lines(self) -> list[str]:
        if self._source_lines is None:
            self._source_lines = self._source.splitlines()
        return self._source_lines

    def _in_scope(self, name: str, line: int) -> str:
        """The name a use of ``name`` on ``line`` reads: a loop's own variable inside that loop's body."""
        for first, last, scoped in self._scopes.get(name, ()):
            if first <= line <= last:
                return scoped
        return name

    def _loop(self, target: str, source: str) -> None:
        """``for target in source``: the loop variable takes every string the name holds (settled later)."""
        self._loop_readers.setdefault(source, []).append(len(self.loops))
        self.loops.append((target, source))

    def finish(self) -> None:
        self._settle()
        self._given, self._given_keys = {}, set(self.found)
        self._read(dict.fromkeys(self._later))

    def _read(self, nodes: Iterable[tuple[ast.Call | ast.Dict, int]]) -> None:
        """Read the calls and dicts collected (each with the line offset of the tree it is in) into ``found``."""
        for node, offset in nodes:
            self._offset = offset
            if isinstance(node, ast.Call):
                self._call(node)
            else:
                self._dict(node)

    def _collect(self, nodes: Iterator[ast.AST], assignments: bool = True) -> None:
        collected = _COLLECTED
        for node in nodes:
            if type(node) not in collected:  # (most nodes: one set lookup, not a chain of isinstance calls)
                continue
            if isinstance(node, (ast.Call, ast.Dict)):
                self._later.append((node, self._offset))
            elif (
                isinstance(node, (ast.For, ast.AsyncFor))
                and isinstance(node.target, ast.Name)
                and isinstance(node.iter, ast.Name)
            ):  # for name in MODELS: name takes every value MODELS holds (settled in finish)
                self._loop(node.target.id, node.iter.id)
                self._scope_loop(node, node.target.id, node.iter.id)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) and _unpacks(node.target, node.iter):
                # for short, repo in PAIRS / [..., for (name, repo) in [("a", "org/a"), …]]: by place in each row
                if isinstance(node.iter, ast.Name) and isinstance(node.target, ast.Tuple):
                    self._row_loops.append((node.target, node.iter.id))
                elif isinstance(node.iter, (ast.List, ast.Tuple)) and (
                    assignments or isinstance(node, ast.comprehension)
                ):
                    for row in node.iter.elts:
                        self._assign(node.target, row, loop=True)
            elif isinstance(node, (ast.For, ast.AsyncFor)) and (looped := _dict_loop(node)) is not None:
                self._loop(*looped)  # for v in REGISTRY.values() / for k, v in REGISTRY.items()
            elif isinstance(node, ast.comprehension) and isinstance(node.target, ast.Name):
                # [load(m) for m in MODELS] / {m: load(m) for m in ["org/a", "org/b"]}: as the loops they are
                if isinstance(node.iter, ast.Name):
                    self._loop(node.target.id, node.iter.id)
                elif isinstance(node.iter, (ast.List, ast.Tuple)):  # (held only: `any(name in s for name in
                    for element in node.iter.elts:  # ["ctrl", …])` tests words, a loader given the name loads them)
                        for item in self._strings(element) if isinstance(element, ast.Constant) else ():
                            self._hold(node.target.id, item)
            elif not assignments:  # a statement that uses a constant: only what may carry it on is read
                if isinstance(node, ast.Assign) and _derived(node.value):  # B = os.getenv("M", A)
                    for target in node.targets:
                        self._assign(target, node.value)
                elif isinstance(node, ast.AnnAssign) and _derived(node.value):
                    self._assign(node.target, node.value)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):  # def f(m=os.getenv("M", A))
                    self._parameters(node.args, derived_only=True, function=node)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    self._assign(target, node.value)
            elif isinstance(node, ast.NamedExpr):  # if (name := "org/x"): load(name)
                self._assign(node.target, node.value)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):  # def load(model="org/x"): a default
                self._parameters(node.args, function=node)
            elif isinstance(node, ast.AnnAssign):
                self._assign(node.target, node.value)
            elif (
                isinstance(node, (ast.For, ast.AsyncFor))
                and isinstance(node.target, ast.Name)
                and isinstance(node.iter, (ast.List, ast.Tuple))
            ):  # for name in ["org/a", "org/b"]: a loader given `name` loads each of them
                for element in node.iter.elts:
                    self._assign(node.target, element)

    def _strings(self, node: ast.expr | None) -> list[tuple[str, int]]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [(node.value, node.lineno + self._offset)]
        if isinstance(node, ast.Name):
            return list(self.constants.get(self._in_scope(node.id, node.lineno + self._offset), ()))
        if isinstance(node, ast.Attribute):  # self.model_name, Cfg.llm: what an attribute of that name was given
            return list(self.constants.get(_attribute_name(node), ()))
        if isinstance(node, ast.Subscript) and (held := _subscripted_name(node.value)) is not None:
            key = node.slice  # REGISTRY["neo"], REGISTRY[k], CFG["llama"]["id"]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                entry = self.entries.get((held, key.value))
                return [entry] if entry is not None else []
            return list(self.constants.get(held, ()))
        if isinstance(node, ast.IfExp):  # "a/b" if cond else "c/d": either may be loaded
            return self._strings(node.body) + self._strings(node.orelse)
        if isinstance(node, ast.Call) and (default := _env_default(node)) is not None:
            # os.getenv("MODEL", "org/x") / os.environ.get("MODEL", default="org/x"): the default is what runs
            return self._strings(default)
        if isinstance(node, ast.Call) and _call_name(node.func) == "getattr" and len(node.args) == 3:
            return self._strings(node.args[2])  # getattr(args, "model", "org/x"): the default
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):  # args.model or "org/x": the fallback
            return [found for value in node.values for found in self._strings(value)]
        if isinstance(node, ast.JoinedStr):  # f"org/x" with no field: a plain string
            parts = [
                part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)
            ]
            if len(parts) == len(node.values):
                return [("".join(parts), node.lineno + self._offset)]
        return []

    def _parameters(
        self,
        args: ast.arguments,
        derived_only: bool = False,
        function: ast.FunctionDef | ast.AsyncFunctionDef | None = None,
    ) -> None:
        """Parameters with a default are assigned it, as a name is (``def f(model_id="org/x")``); with
        ``derived_only``, only defaults that may carry another constant (``os.getenv("M", A)``, conditionals).
        Inside the function's own body a parameter holds its own default only (``def load_model(repo="org/m")``
        beside ``def load_data(repo="org/d")``: the model loader is given the model)."""
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
        pairs += [(arg, default) for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True) if default]
        pairs = [(arg, default) for arg, default in pairs if not derived_only or _derived(default)]
        if not pairs:
            return
        header = last = 0  # (the body's lines, looked for only when a parameter has a default to scope)
        if function is not None:
            header = function.lineno + self._offset
            last = _block_end(self._lines(), self._header_end(function), header)
        for arg, default in pairs:
            self._assign(ast.Name(id=arg.arg), default)
            scoped = self._scope(arg.arg, header, last)
            if scoped is not None:
                self._assign(ast.Name(id=scoped), default)

    def _header_end(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
        """The last line of a def's header, whose signature may run over several lines: the first line from the
        `def` on whose code ends with the header's colon."""
        lines = self._lines()
        header = function.lineno + self._offset
        if not 1 <= header <= len(lines):
            return header
        indent = len(lines[header - 1]) - len(lines[header - 1].lstrip())
        for number in range(header, min(len(lines), header + 60) + 1):
            code = lines[number - 1].split("#", 1)[0].rstrip()
            stripped = code.lstrip()
            if number > header and stripped and len(code) - len(stripped) <= indent and not stripped.startswith(")"):
                return header  # (a one-line def, or no header end found: no body to scope)
            if code.endswith(":"):
                return number
        return header

    def _assign(self, target: ast.expr, value: ast.expr | None, loop: bool = False) -> None:
        """A module- or function-level string constant (so a loader given its name finds it), or a model key. An
        attribute counts by its name (``self.model_name = "org/x"`` … ``from_pretrained(self.model_name)``).
        ``loop``: a loop variable given one row of what it runs over (held, not a finding by its name alone)."""
        if (
            isinstance(target, ast.Tuple)
            and isinstance(value, (ast.Tuple, ast.List))
            and len(target.elts) == len(value.elts)
            and not any(isinstance(e, ast.Starred) for e in target.elts)
        ):  # teacher, student = "org/big", "org/small": each name its own string
            for one, given in zip(target.elts, value.elts, strict=True):
                if loop and isinstance(one, ast.Name):
                    for item in self._strings(given) if isinstance(given, ast.Constant) else ():
                        self._hold(one.id, item)
                else:
                    self._assign(one, given)
            return
        if isinstance(target, ast.Attribute):
            target = ast.Name(id=target.attr)
        if not isinstance(target, ast.Name) or value is None:
            return
        if isinstance(value, ast.Call) and _call_name(value.func) == "field":  # dataclass field(default=...)
            value = next((kw.value for kw in value.keywords if kw.arg == "default"), None)
        elif isinstance(value, ast.Call) and _call_name(value.func) in _DEFAULT_HOLDERS:
            # typer.Option("org/x"), typer.Argument("org/x"), pydantic Field("org/x") or Field(default="org/x")
            positional = value.args[0] if value.args else None
            value = next((kw.value for kw in value.keywords if kw.arg == "default"), positional)
        if isinstance(value, (ast.List, ast.Tuple, ast.Set)):  # MODELS = ["org/a", "org/b"]: each of them
            for element in value.elts:
                if isinstance(element, (ast.Tuple, ast.List)):  # (a row: unpacked by place in a loop over the list)
                    self._rows.setdefault(target.id, []).append((element, self._offset))
                self._assign(target, element)
            return
        if isinstance(value, ast.Call) and _call_name(value.func) == "dict" and not value.args:
            value = ast.Dict(  # KW = dict(repo_type="dataset"): as the literal it builds
                keys=[ast.Constant(value=kw.arg) for kw in value.keywords if kw.arg is not None],
                values=[kw.value for kw in value.keywords if kw.arg is not None],
            )
        if isinstance(value, ast.Dict):  # REGISTRY = {"neo": "org/a"}: REGISTRY[k] and its values() give each
            for key, element in zip(value.keys, value.values, strict=True):
                if isinstance(element, ast.Dict) and isinstance(key, ast.Constant) and isinstance(key.value, str):
                    inner = f"{target.id}[{key.value}]"
                    self._assign(ast.Name(id=inner), element)  # CFG["llama"]["id"]
                    for item in list(self.constants.get(inner, ())):  # (held by CFG too: its uses are read)
                        self._hold(target.id, item)
                    continue
                if isinstance(element, ast.Constant) and isinstance(element.value, str):
                    item = (element.value, element.lineno + self._offset)
                    self._hold(target.id, item)
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        self.entries[target.id, key.value] = item
            return
        if value is not None and _derived(value):
            # either branch of "a/b" if c else "c/d", or the default of os.getenv("M", "a/b"): either may be or
            # hold another constant, read when all are known
            for name in _names_read(value):
                self._derived_readers.setdefault(name, []).append(len(self._derived))
            self._derived.append((target.id, value, self._offset))
        elif isinstance(value, ast.Constant):
            for text, line in self._strings(value):
                self._keep(target.id, text, line)

    def _keep(self, name: str, text: str, line: int) -> None:
        """``name`` holds the string ``text`` (given on ``line``); a model key that holds it names a model."""
        self._hold(name, (text, line))
        if _names_a_model(name, text):
            self.found.append((text, line))

    def _call(self, node: ast.Call) -> None:
        name = _call_name(node.func)
        if name in PUBLISH_CALLS:  # upload_folder(repo_id=…), push_to_hub(repo_id=…): where it publishes, not a use
            return
        if self._other_repository(node):  # hf_hub_download(repo_id=..., repo_type="dataset"): not a model
            return
        if (
            name in LOADER_CALLS
            or name.startswith(("AutoModel", "AutoTokenizer", "AutoProcessor", "AutoConfig"))
            or ("load" in name and _dotted_name(node.func) in self.loaders())
        ):
            for arg in node.args:
                self._give(arg)
        if name == "map" and len(node.args) == 2 and _call_name(node.args[0]) in LOADER_CALLS:
            # map(AutoModel.from_pretrained, ["org/a", "org/b"]): the loader is given each item
            iterable = node.args[1]
            for item in iterable.elts if isinstance(iterable, (ast.List, ast.Tuple)) else [iterable]:
                self._give(item)
        if name == "partial" and len(node.args) >= 2 and _call_name(node.args[0]) in LOADER_CALLS:
            self._give(node.args[1])  # functools.partial(AutoModel.from_pretrained, "org/x")
        if name in HUB_PREFIXED_CALLS and node.args:  # timm, open_clip: a Hub model only with the Hub's prefix
            self.found.extend(found for found in self._strings(node.args[0]) if found[0].startswith(HUB_PREFIXES))
        for kw in node.keywords:
            if kw.arg is not None and (kw.arg.lower() in MODEL_KEYS or kw.arg in CALL_MODEL_KEYWORDS):
                if kw.arg in CALL_MODEL_KEYWORDS and isinstance(kw.value, (ast.List, ast.Tuple)):
                    for item in kw.value.elts:  # reward_funcs=[accuracy, "org/reward-model"]: the ids among them
                        self._give(item)
                else:
                    self._give(kw.value)
            elif kw.arg == "model_args":  # lm-eval: simple_evaluate(model="hf", model_args="pretrained=org/x,…")
                for text, line in self._strings(kw.value):
                    self.found.extend((arg.group(1), line) for arg in _PRETRAINED_ARG_RE().finditer(text))
        if name == "parametrize" and len(node.args) >= 2:  # @pytest.mark.parametrize("model_id", ["org/a", …])
            self._parametrize(node.args[0], node.args[1])
        if name in ("add_argument", "option") and node.args:  # argparse and click --model defaults
            flags = [s.lower() for arg in node.args for s, _ in self._strings(arg)]
            if any(
                ("model" in f or "repo" in f or "tokenizer" in f) and not _OUTPUT_WORDS_RE().search(f) for f in flags
            ):
                for kw in node.keywords:
                    if kw.arg == "default":
                        self._give(kw.value)

    def _other_repository(self, node: ast.Call) -> bool:
        """Whether a call names a dataset or Space repository: ``repo_type="dataset"``, given literally, through a
        constant (``repo_type=REPO_TYPE``) or in a dict of keyword arguments (``**{"repo_type": "dataset"}``)."""
        for kw in node.keywords:
            if kw.arg == "repo_type":
                if isinstance(kw.value, ast.Constant):
                    return kw.value.value not in (None, "model")
                given = [value for value, _ in self._strings(kw.value)]
                if given:
                    return "model" not in given
                named = _dotted_name(kw.value).upper()  # DATASET, constants.REPO_TYPE_DATASET, REPO_TYPE_SPACE
                return "DATASET" in named or "SPACE" in named
            if kw.arg is None and isinstance(kw.value, ast.Name):  # **kwargs
                entry = self.entries.get((kw.value.id, "repo_type"))
                if entry is not None and entry[0] != "model":
                    return True
            if kw.arg is None and isinstance(kw.value, ast.Call) and _call_name(kw.value.func) == "dict":
                for inner in kw.value.keywords:  # **dict(repo_type="dataset")
                    if inner.arg == "repo_type" and isinstance(inner.value, ast.Constant):
                        return inner.value.value not in (None, "model")
        return False

    def _give(self, node: ast.expr | None) -> None:
        """Add the strings ``node`` gives to ``found``, each once per reading; a name's strings only from where the
        last use of it left off (a name assigned and loaded thousands of times costs that many, not its square)."""
        held = _held_name(node)
        if isinstance(node, ast.Name):
            held = self._in_scope(node.id, node.lineno + self._offset)
        if held is not None:
            values = self.constants.get(held, ())
            start = self._given.get(held, 0)
            if start >= len(values):
                return
            self._given[held] = len(values)
            items: Iterable[tuple[str, int]] = values[start:]
        else:
            items = self._strings(node)
        keys, found = self._given_keys, self.found
        for item in items:
            if item not in keys:
                keys.add(item)
                found.append(item)

    def _parametrize(self, argnames: ast.expr, argvalues: ast.expr) -> None:
        """The values pytest gives a parameter named as a model key, one per case (a tuple per case for several)."""
        if isinstance(argnames, ast.Constant) and isinstance(argnames.value, str):
            names = [name.strip() for name in argnames.value.split(",")]
        elif isinstance(argnames, (ast.List, ast.Tuple)):
            names = [str(e.value) for e in argnames.elts if isinstance(e, ast.Constant)]
        else:
            return
        wanted = [index for index, name in enumerate(names) if name.lower() in ASSIGNED_KEYS]
        if not wanted or not isinstance(argvalues, (ast.List, ast.Tuple)):
            return
        for case in argvalues.elts:
            if isinstance(case, ast.Call) and _call_name(case.func) == "param":  # pytest.param("org/x", marks=…)
                values: list[ast.expr] = list(case.args)
            elif len(names) > 1 and isinstance(case, (ast.List, ast.Tuple)):
                values = list(case.elts)
            else:
                values = [case]
            for index in wanted:  # (an id with an org or a tag: test suites parametrize over family names too)
                if index < len(values):
                    self.found.extend(v for v in self._strings(values[index]) if "/" in v[0] or ":" in v[0])

    def _dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values, strict=True):
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.lower() in MODEL_KEYS:
                self._give(value)


# Keywords that take a model id in a call, not in a config: TRL's GRPOTrainer(reward_funcs="org/reward-model"),
# lm-eval's HFLM(pretrained="org/x") (a `pretrained=True` flag gives no string).
CALL_MODEL_KEYWORDS = frozenset({"reward_funcs", "pretrained"})


def _names_a_model(name: str, text: str) -> bool:
    """Whether the string ``text`` assigned to ``name`` is a finding by itself (``model_variable``)."""
    return name.lower() in ASSIGNED_KEYS or ("/" in text and model_variable(name))


def _block_end(lines: list[str], header_end: int, header: int) -> int:
    """The last line of the body of the compound statement whose header starts on line ``header`` and ends on line
    ``header_end`` (1-based): the lines after it indented deeper than the header (blank lines and comments go on)."""
    if not 1 <= header <= len(lines):
        return header
    indent = len(lines[header - 1]) - len(lines[header - 1].lstrip())
    last = header_end
    for number in range(header_end + 1, len(lines) + 1):
        text = lines[number - 1]
        stripped = text.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(text) - len(stripped) <= indent:
            break
        last = number
    return last


def _subscripted_name(node: ast.expr) -> str | None:
    """The name a subscript reads a dict by: ``CFG`` of ``CFG[k]``, ``CFG[llama]`` of ``CFG["llama"][k]``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        outer = _subscripted_name(node.value)
        return f"{outer}[{node.slice.value}]" if outer is not None else None
    return None


def _unpacks(target: ast.expr, iterable: ast.expr) -> bool:
    """Whether a loop unpacks each item into names (``for short, repo in …``) over a name or a literal list."""
    return (
        isinstance(target, ast.Tuple)
        and bool(target.elts)
        and all(isinstance(element, ast.Name) for element in target.elts)
        and isinstance(iterable, (ast.Name, ast.List, ast.Tuple))
    )


def _attribute_name(node: ast.Attribute) -> str:
    """The name an attribute counts by: its own (``cfg.model_id``), or for an enum member's ``.value``
    (``Models.LLAMA.value``) the member's."""
    if node.attr == "value" and isinstance(node.value, ast.Attribute):
        return node.value.attr
    return node.attr


def _held_name(node: ast.expr | None) -> str | None:
    """The name whose strings ``_PythonScan._strings`` gives for ``node`` as they are (a name, an attribute by its
    name, a subscript with a key that is no string), or None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _attribute_name(node)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        key = node.slice
        return None if isinstance(key, ast.Constant) and isinstance(key.value, str) else node.value.id
    return None


def _dotted_name(node: ast.expr) -> str:
    """``mlx_lm.utils.load`` for the callee ``mlx_lm.utils.load``; "" for anything but names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted_name(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


# mlx-lm and mlx-vlm load a model with a plain `load("org/x")`, a name too common to be a loader anywhere else:
# it is one where it is called through the module or imported from it (``file_loaders``).
_MLX_LOADS = frozenset({"mlx_lm.load", "mlx_lm.utils.load", "mlx_vlm.load", "mlx_vlm.utils.load"})
_MLX_FROM_IMPORT_RE = later(r"^[ \t]*from[ \t]+mlx_v?lm(?:\.\w+)*[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)", MULTILINE)
_MLX_IMPORT_AS_RE = later(r"^[ \t]*import[ \t]+mlx_v?lm[ \t]+as[ \t]+(\w+)", MULTILINE)


def file_loaders(text: str) -> frozenset[str]:
    """The callees, as written, that load a model in a file that uses mlx-lm: ``mlx_lm.load``, ``load`` (or its
    alias) imported from it, ``lm.load`` after ``import mlx_lm as lm``; none in a file without ``mlx_``."""
    if "mlx_" not in text:
        return frozenset()
    names = set(_MLX_LOADS)
    for imported in _MLX_FROM_IMPORT_RE().finditer(text):
        for item in imported.group(1).strip("()").replace("\\", " ").split(","):
            words = item.split()
            if words and words[0] == "load":  # `load`, or `load as mlx_load`
                names.add(words[-1])
    names.update(f"{alias.group(1)}.load" for alias in _MLX_IMPORT_AS_RE().finditer(text))
    return frozenset(names)


# Calls whose first argument (or ``default=``) is a parameter's or field's default: typer and pydantic.
_DEFAULT_HOLDERS = frozenset({"Option", "Argument", "Field"})


# Hub calls that write to a repository (huggingface_hub's HfApi and the ``push_to_hub`` of every library): their
# ``repo_id`` is where the repository publishes its own model, not a model it uses.
PUBLISH_CALLS = frozenset(
    {
        "push_to_hub",
        "upload_file",
        "upload_folder",
        "upload_large_folder",
        "create_repo",
        "delete_repo",
        "move_repo",
        "create_commit",
        "create_branch",
        "delete_branch",
        "create_tag",
        "delete_tag",
        "delete_file",
        "delete_folder",
        "create_pull_request",
        "create_discussion",
        "update_repo_settings",
        "update_repo_visibility",
        "super_squash_history",
        "duplicate_space",
        "add_space_secret",
        "add_space_variable",
    }
)


def python_mentions(
    source: str,
    is_alias: AliasCheck,
    *,
    form: str = "python",
    line_offset: int = 0,
    lines: Sequence[int] | None = None,
) -> list[Mention]:
    """Model strings in Python source.

    ``lines``, when given, are the (sorted) lines holding every string that could name a model. Source that does
    not parse (Python 2, a template, a fragment) is read with plain patterns instead, as form ``unparsed``, so a
    model it loads is not silently missed.
    """
    scan = None

    def could_be_model(value: str) -> bool:
        return looks_like_model(hub_target(value), is_alias)

    # a few statements instead of the whole file; Windows line ends are one line break, as for the parser (a lone
    # "\r" is a line break for the parser but not for the statement reader: such a file is parsed whole)
    unix = source.replace("\r\n", "\n") if "\r" in source else source
    if "\r" in unix:  # (the candidate lines were counted by "\n" alone: every node is read)
        lines = None
    if lines is not None:
        try:
            scan = _PythonScan.of_statements(unix, lines, could_be_model)
        except (RecursionError, MemoryError):  # (what a whole-file parse then makes of it decides)
            scan = None
    if scan is None:
        try:
            scan = _PythonScan.of_tree(parse(source), lines, source, could_be_model)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return pattern_mentions(source, is_alias, line_offset=line_offset)
    out = dict.fromkeys(
        Mention(value, line + line_offset, form)
        for value, line in ((hub_target(value), line) for value, line in scan.found)
        if looks_like_model(value, is_alias)
    )
    return list(out)


# A loader call or a model keyword with a literal string: what `ast` would find, for text that does not parse.
_PATTERN_RE = later(
    r"""(?:(?:from_pretrained|pipeline|hf_hub_download|snapshot_download|SentenceTransformer|CrossEncoder|LLM"""
    r"""|Ollama\w*|ChatOllama)\s*\(\s*|\b(?:model\w*|repo_id|tokenizer\w*|\w*name_or_path)\s*=\s*)"""
    r"""["']([A-Za-z0-9][\w.:/-]{0,150})["']"""
)


def pattern_mentions(text: str, is_alias: AliasCheck, *, line_offset: int = 0) -> list[Mention]:
    """Loader calls and model keywords found by pattern in code that could not be parsed (form ``unparsed``)."""
    out: list[Mention] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        for match in _PATTERN_RE().finditer(line):
            if looks_like_model(match.group(1), is_alias):
                out.append(Mention(match.group(1), number + line_offset, "unparsed"))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- commands (shell, Dockerfile, CI steps)

_OPTS_WITH_VALUE = frozenset(
    {
        "--repo-type",
        "--revision",
        "--local-dir",
        "--cache-dir",
        "--token",
        "--include",
        "--exclude",
        "--max-workers",
        "--local-dir-use-symlinks",
        "--format",
        "--host",
        "--port",
    }
)
_OTHER_REPO_TYPE_RE = later(r"""--repo[-_]type(?:=|\s+)["']?(?:dataset|space)s?\b""")
_COMMAND_RE = later(
    r"(?:\b(?:huggingface-cli|hf|litgpt|tune)\s+download|\bvllm\s+serve|\bollama\s+(?:pull|run))\s+(.*)"
)
# The command-line flags that name a model (after `--`), for command lines and block lists of arguments: `--model`
# and its `_id`, `_path`, `_name_or_path`… forms with any role before it (`--teacher_model`, `--reward-model`,
# `--actor_model_name_or_path`, `--hf_model_repo_id`), the tokenizer's, OpenRLHF's `--pretrain` and
# `--reward_pretrain`, and mlx_lm.convert's `--hf-path`. One that names where a model is written is none
# (`--output_model`, `--hub_model_id`: ``_OUTPUT_WORDS_RE``).
_MODEL_FLAGS = (
    r"(?:(?:[a-z0-9]+[_-])*(?:model|tokenizer)(?:[_-](?:id|path|name(?:[_-]or[_-]path)?|repo(?:[_-]id)?))?|"
    r"pretrained[_-]model[_-]name[_-]or[_-]path|hf[_-]path|(?:reward[_-]|critic[_-])?pretrain|model\.(?:name|path))"
)
_MODEL_FLAG_RE = later(r"--(" + _MODEL_FLAGS + r")[\"']?(?:=|\s+|,\s*)[\"']?([^\s\"'\\,\]]+)")
# Hydra-style overrides of a model's name or path (verl `actor_rollout_ref.model.path=org/x`, `model.name=org/x`).
_OVERRIDE_RE = later(
    r"(?:^|\s)\+{0,2}(?:[\w-]+\.)*(?:model|tokenizer)\.(?:name|path|id|repo_id|name_or_path|"
    r"pretrained_model_name_or_path)=[\"']?([^\s\"',]+)"
)


def _first_argument(rest: str) -> str | None:
    tokens = rest.replace("\\", " ").split()
    skip = False
    for token in tokens:
        if skip:
            skip = False
            continue
        if token.startswith("-"):
            skip = token in _OPTS_WITH_VALUE
            continue
        return token.strip("\"'")
    return None


# A Dockerfile or compose exec form: CMD ["vllm", "serve", "org/x"], command: ["ollama", "run", "gemma2:9b"].
_EXEC_FORM_RE = later(
    r"""^(?:(?:CMD|ENTRYPOINT|RUN)\s+|-?\s*(?:command|entrypoint|args)\s*:\s*)\[(.*)\]\s*,?$""", IGNORECASE
)
_EXEC_ITEM_RE = later(r""""((?:[^"\\]|\\.)*)"|'([^']*)'""")
# (the blanks around an operator are stripped from the pieces after the split: `\s*` on both sides of the pattern
# retried the whole run of blanks at each of its characters, quadratic in a line of thousands of continuations)
_SEGMENT_SPLIT_RE = later(r"(?:;|&&|\|\||\|)")
# A variable that names a model: ENV MODEL_ID=org/x, ARG BASE_MODEL=..., export MODEL=org/x, MODEL_NAME: org/x.
_MODEL_VAR_RE = later(
    r"""^(?:(?:ENV|ARG)\s+|export\s+)?([A-Za-z_]*MODEL[A-Za-z_]*)\s*(?:[:?+]*=|\s)\s*["']?([^\s"';]+)""", IGNORECASE
)
# More assignments on one ENV, ARG or export line (ENV PORT=8000 MODEL_ID=org/x): each NAME=value after the first.
# Words that make a variable or flag named after a model a place the repository writes to, or data, or an image:
# HUB_MODEL_ID, OUTPUT_MODEL_REPO, --push-to-hub-model, MODEL_DATASET, MODEL_IMAGE.
_OUTPUT_WORDS_RE = later(
    r"(?i)output|hub_?model|push|save|upload|dataset|image$|export_?dir|(?:^|[_-])(?:new|finetuned|merged|trained|final)[_-]"
)
_ASSIGNMENTS_LINE_RE = later(r"^(?:ENV|ARG|export)\s", IGNORECASE)
_MODEL_ASSIGNMENT_RE = later(r"""\s([A-Za-z_]*MODEL[A-Za-z_]*)=["']?([^\s"';]+)""", IGNORECASE)
# lm-evaluation-harness and similar: --model_args pretrained=org/x,dtype=... or model_args: pretrained=org/x
_PRETRAINED_ARG_RE = later(r"""\bpretrained=["']?([^\s,"']+)""")
# What a line needs for any of the command patterns to match (model flags and variables all contain "model" or
# "tokenizer"; commands contain download, serve or ollama).
# `for m in a/b c/d` (before `; do`), `MODELS=(a/b "c/d")` on one line, and a variable's use: `$m`, `${m}`,
# `"${MODELS[@]}"` (group 1 a plain name, group 2 a braced one).
_FOR_LOOP_RE = later(r"^for\s+([A-Za-z_]\w*)\s+in\s+(.+?)\s*$")
_ARRAY_RE = later(r"""^(?:export\s+|declare\s+-a\s+)?([A-Za-z_]\w*)=\(\s*(.*?)\s*\)\s*$""")
# An array whose items go on over the next lines (`MODELS=(` and one id a line, up to the line with `)`).
_ARRAY_OPENS_RE = later(r"""^(?:export\s+|declare\s+-a\s+)?([A-Za-z_]\w*)=\(([^)]*)$""")
# A parameter expansion with a default (`${MODEL:-org/x}`, `${1:-org/x}`, `${M:=org/x}`, `${M-org/x}`): the name and
# the default.
_EXPANSION_DEFAULT_RE = later(r"""\$\{([A-Za-z_]\w*|[0-9]+):?[-=]([^{}\s]+)\}""")
_SHELL_VARIABLE_RE = later(r"""["']?\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?:\[[@*]\])?\}|\(([A-Za-z_]\w*)\))["']?""")
# A variable given one word in a shell script (`REPO=org/x`, `export CKPT="org/x"`) or a Makefile (`CKPT = org/x`,
# `:=`, `?=`): where a command is given `$REPO` or `$(CKPT)`, the word is what it names.
_DEFINITION_RE = later(
    r"""^\s*(?:(?:export|override|readonly|local|declare)\s+)?([A-Za-z_]\w*)\s*(?:::?=|\?=|=)(?!=)\s*(.*)$"""
)
_TRAILING_COMMENT_RE = later(r"\s#")  # (what ends a definition's value: ``CKPT=org/x  # the base``)
_COMMAND_NEEDLES = ("model", "tokenizer", "download", "serve", "ollama", "pretrain", "hf-path", "hf_path")


# Line breaks of ``str.splitlines`` other than "\n": a text with any of them has its lines counted the slow way.
_OTHER_BREAKS = later("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _lines_holding(text: str, needles: Sequence[str]) -> set[int] | None:
    """The (1-based) numbers of the lines of ``text`` that hold one of ``needles``, found with ``str.find`` at
    memory speed instead of line by line; None when ``text`` breaks lines with more than "\n"."""
    if _OTHER_BREAKS().search(text):
        return None
    positions: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            positions.append(at)
            at = text.find(needle, at + 1)
    return _line_numbers(text, positions)


def _logical_lines(text: str, comment: str) -> Iterator[tuple[int, int, str]]:
    """Lines with backslash continuations joined, comments dropped; each with the numbers of its first and last
    line."""
    return _joined_lines(text.splitlines(), comment, 1)


def _joined_lines(lines: list[str], comment: str, first: int) -> Iterator[tuple[int, int, str]]:
    """``_logical_lines`` of ``lines`` from line ``first`` (1-based) on, which must not continue an earlier line."""
    parts: list[str] = []
    start = number = first
    for number in range(first, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if not parts and (not stripped or stripped.startswith(comment)):
            continue
        if not parts:
            start = number
        if stripped.endswith("\\"):
            parts.append(stripped[:-1])
            continue
        parts.append(stripped)
        yield start, number, " ".join(parts)
        parts = []
    if parts:
        yield start, number, " ".join(parts)


def _logical_lines_at(lines: list[str], numbers: set[int], comment: str) -> Iterator[tuple[int, int, str]]:
    """What ``_logical_lines`` yields, for only the logical lines that hold one of the (1-based) line ``numbers``:
    each is read from the first line of the backslash continuation it may be part of."""
    done = 0  # the last line of what was yielded (the lines after it start afresh)
    for number in sorted(numbers):
        if number <= done or number > len(lines):
            continue
        first = number
        while first > done + 1 and lines[first - 2].strip().endswith("\\"):
            first -= 1
        for start, end, joined in _joined_lines(lines, comment, first):
            if end >= number:  # (the first logical line that reaches it holds it, unless it is blank or a comment)
                if start <= number:
                    yield start, end, joined
                    done = end
                break


_REDIRECTION_FIRST = later(r"^(?:[0-9]?>&?[0-9]?\s*|@|-)+")


def _printed(segment: str) -> bool:
    """Whether a command prints text (`echo`, `printf`, Make's `@echo`, `>&2 echo`): what it says is no command."""
    word = _REDIRECTION_FIRST().sub("", segment, count=1) if segment[:1] in "@->0123456789" else segment
    return word.startswith(("echo ", "printf ", "echo\t", "printf\t"))


def _segments(line: str) -> list[str]:
    """The commands of a line split at ``;``, ``&&``, ``||`` and ``|``, without the blanks around each operator."""
    pieces = _SEGMENT_SPLIT_RE().split(line)
    last = len(pieces) - 1
    return (
        [
            piece.lstrip() if index == last else piece.rstrip() if index == 0 else piece.strip()
            for index, piece in enumerate(pieces)
        ]
        if last
        else pieces
    )


_HEREDOC_RE = later(r"""<<(-?)[ \t]*(["']?)([A-Za-z_][\w.-]*)\2""")
# (`read -r -d '' cmd <<EOF` keeps a command in a variable to run it: OpenRLHF's launch scripts)
_HEREDOC_SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "ssh", "exec", "eval", "source", "read"})
_ASSIGNMENT_WORD = later(r"[A-Za-z_]\w*=.*")


def _here_documents(text: str, is_alias: AliasCheck, comment: str) -> tuple[str, list[Mention]]:
    """``text`` with the bodies of here-documents that are no commands emptied (their line breaks kept), and the
    model mentions of those that are Python (``python - <<'PY'``)."""
    lines = text.splitlines(keepends=True)
    found: list[Mention] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        code = line.split(comment, 1)[0] if comment in line else line
        match = _HEREDOC_RE().search(code) if "<<" in code else None
        index += 1
        if match is None or code[match.start() : match.start() + 3] == "<<<":
            continue
        delimiter = match.group(3)
        end = index
        while end < len(lines):
            # (the delimiter may stand indented: a script in a YAML `run: |` block is, and `<<-` strips tabs)
            if lines[end].strip() == delimiter:
                break
            end += 1
        words = [word for word in _segments(code[: match.start()])[-1].split() if word != "sudo"]
        while words and (_ASSIGNMENT_WORD().fullmatch(words[0]) or words[0] == "RUN"):  # (`MODEL=x python - <<EOF`)
            words = words[1:]
        if not words and "RUN" in code[: match.start()]:  # a Dockerfile's `RUN <<EOF`: a script
            index = end + 1
            continue
        program = words[0].rsplit("/", 1)[-1] if words else ""
        if program in _HEREDOC_SHELLS or program == "env":
            index = end + 1
            continue  # commands: read as the rest of the script
        if program.startswith("python"):
            from textwrap import dedent  # (a here-document in a YAML `run: |` step is indented)

            body = dedent("".join(lines[index:end]))
            found += python_mentions(body, is_alias, form="command", line_offset=index)
        for number in range(index, end):  # (text for the program: a usage message, a config, a prompt)
            line_end = lines[number][len(lines[number].rstrip("\r\n")) :]
            lines[number] = line_end
        index = end + 1
    return "".join(lines), found


def command_mentions(text: str, is_alias: AliasCheck, *, comment: str = "#") -> list[Mention]:
    """``huggingface-cli download``, ``hf download``, ``vllm serve``, ``ollama pull/run``, ``--model X``.

    Continued lines are joined; ``;``, ``&&`` and pipes separate commands; Dockerfile and compose exec forms
    (``CMD ["vllm", "serve", "org/x"]``) are read as the command they run; ``echo`` and ``printf`` are text, and
    so is a here-document given to anything but a shell (``cat <<EOF``); one given to Python is read as Python.
    """
    out: list[Mention] = []
    raw_lines: list[str] = []
    if "<<" in text:
        text, out = _here_documents(text, is_alias, comment)

    # the words of `for m in a/b c/d` loops and `MODELS=(a/b c/d)` arrays, each with the line it stands on
    words_of: dict[str, list[tuple[str, int]]] = {}
    expanding: set[str] = set()

    def add(value: str, start: int) -> None:
        expansion = _EXPANSION_DEFAULT_RE().fullmatch(value.strip("\"'"))
        if expansion is not None:  # `${MODEL:-org/x}`, `${1:-org/x}`: the default, and what else the name is given
            name, default = expansion.groups()
            add(default.strip("\"'"), start)
            if not name.isdigit():
                add(f"${{{name}}}", start)
            return
        variable = _SHELL_VARIABLE_RE().fullmatch(value)
        if variable is not None:  # `download $m` in a loop over model ids: each of them
            name = variable.group(1) or variable.group(2) or variable.group(3)
            if name in expanding:  # (`A = $(B)`, `B = $(A)`: no end)
                return
            words = words_of.get(name)
            if words is None:  # a variable the file gives a word: `REPO=org/x`, `CKPT ?= org/x`
                if not raw_lines:
                    raw_lines.extend(text.splitlines())
                words = words_of[name] = _definitions(name, raw_lines)
            expanding.add(name)
            for word, line in words:
                add(word, line)
            expanding.discard(name)
            return
        value = hub_target(modelfile_target(value))
        if looks_like_model(value, is_alias):
            if not raw_lines:
                raw_lines.extend(text.splitlines())
            out.append(Mention(value, _line_of(value, raw_lines, start - 1), "command"))

    lowered_text = text.lower()
    if not any(needle in lowered_text for needle in _COMMAND_NEEDLES):
        return out
    # every pattern below needs one of the needles: only the logical lines that hold one are read (and, where a
    # variable is used, the loops that may give it model ids), and the arrays (whose items are no command lines)
    needles = (*_COMMAND_NEEDLES, "for ", "=(") if "$" in text else (*_COMMAND_NEEDLES, "=(")
    hits = _lines_holding(lowered_text, needles)  # (lower case keeps every line break where it was)
    if hits is not None:
        raw_lines.extend(text.splitlines())
        logical = _logical_lines_at(raw_lines, hits, comment)
    else:
        logical = _logical_lines(text, comment)
    array_end = 0  # the last line of an array read over several lines (its items are no command lines)
    for start, end, line in logical:
        if start <= array_end:
            continue
        if hits is None and "=(" not in line and not any(needle in line.lower() for needle in _COMMAND_NEEDLES):
            continue
        exec_form = _EXEC_FORM_RE().match(line)
        if exec_form:
            line = " ".join(a or b for a, b in _EXEC_ITEM_RE().findall(exec_form.group(1)))
        variable = _MODEL_VAR_RE().match(line)
        if variable and not _OUTPUT_WORDS_RE().search(variable.group(1)):
            add(variable.group(2), start)
        if _ASSIGNMENTS_LINE_RE().match(line):
            for assignment in _MODEL_ASSIGNMENT_RE().finditer(line):
                if not _OUTPUT_WORDS_RE().search(assignment.group(1)):
                    add(assignment.group(2), start)
        if "python" in line and " -c " in line:  # RUN python -c "…snapshot_download('org/x')": loader calls in it
            for match in _PATTERN_RE().finditer(line.replace('\\"', '"')):  # (quotes escaped in a "…" string)
                add(match.group(1), start)
        for segment in _segments(line):
            if _printed(segment):
                continue
            listed = _FOR_LOOP_RE().match(segment) or _ARRAY_RE().match(segment)
            opened = _ARRAY_OPENS_RE().match(segment) if listed is None and "=(" in segment else None
            if opened is not None:
                if not raw_lines:
                    raw_lines.extend(text.splitlines())
                words_of[opened.group(1)], array_end = _array_items(opened.group(2), raw_lines, end)
                break  # (the array runs to the end of the line: nothing else is on it)
            if listed is not None:
                words = listed.group(2).split()
                spread = _SHELL_VARIABLE_RE().fullmatch(words[0].strip('"')) if len(words) == 1 else None
                if spread is not None and spread.group(2):  # for m in "${MODELS[@]}"
                    words_of[listed.group(1)] = list(words_of.get(spread.group(2), ()))
                else:
                    words_of[listed.group(1)] = [(word.strip("\"'"), start) for word in words]
                continue
            for match in _COMMAND_RE().finditer(segment):
                if _OTHER_REPO_TYPE_RE().search(match.group(1)):  # `--repo-type dataset`: data, not a model
                    continue
                value = _first_argument(match.group(1))
                if value is not None:
                    add(value, start)
            for match in _MODEL_FLAG_RE().finditer(segment):
                if not _OUTPUT_WORDS_RE().search(match.group(1)):
                    add(match.group(2), start)
            if "model." in segment or "tokenizer." in segment:
                for match in _OVERRIDE_RE().finditer(segment):
                    add(match.group(1), start)
            for match in _PRETRAINED_ARG_RE().finditer(segment):
                add(match.group(1), start)
    return list(dict.fromkeys(out))


def _definitions(name: str, lines: list[str]) -> list[tuple[str, int]]:
    """The words the variable ``name`` is given in ``lines`` (``NAME=word``, ``NAME ?= word``…), each with its line;
    a value of several words (a command's environment, a Make list) is none."""
    found: list[tuple[str, int]] = []
    for number, line in enumerate(lines, 1):
        if name not in line:
            continue
        match = _DEFINITION_RE().match(line)
        if match is None or match.group(1) != name:
            continue
        value = _TRAILING_COMMENT_RE().split(match.group(2), maxsplit=1)[0].strip()
        if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
            value = value[1:-1]
        if value and len(value.split()) == 1:
            found.append((value, number))
    return found


def _array_items(first: str, lines: list[str], number: int) -> tuple[list[tuple[str, int]], int]:
    """The items of a shell array opened on line ``number`` (``first``: what follows its ``(`` there), each with its
    line, and the line that closes it (the last line when none does). Comments end a line's items."""
    items: list[tuple[str, int]] = []
    text = first
    while True:
        body, closed, _ = text.partition(")")
        for word in body.split():
            if word.startswith("#"):
                break
            items.append((word.strip("\"'"), number))
        if closed or number >= len(lines):
            return items, number
        text = lines[number]
        number += 1


# A Jenkinsfile's shell step: `sh 'cmd'`, `sh "cmd"`, `sh '''…'''` over lines, `sh(script: 'cmd', returnStdout: true)`,
# `sh label: 'x', script: "cmd"`; `bat`, `powershell` and `pwsh` alike. Group 1 is the opening quote.
_JENKINS_STEP_RE = later(
    r"""(?<![\w./-])(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:\w+\s*:\s*(?:'[^'\n]*'|"[^"\n]*"|\w+)\s*,\s*)*"""
    r"""(?:script\s*:\s*)?('''|\"\"\"|'|")"""
)
# A Groovy variable given one quoted word (`SERVED = 'org/x'` in an `environment` block, `def M = "org/x"`).
_GROOVY_DEFINITION_RE = later(r"""^\s*(?:def\s+)?([A-Za-z_]\w*)\s*=\s*(['"])([^'"\s]+)\2\s*$""")
_BLOCK_COMMENT_RE = later(r"""^[ \t]*/\*.*?\*/""", MULTILINE | DOTALL)


def jenkinsfile_mentions(text: str, is_alias: AliasCheck) -> list[Mention]:
    """A Jenkinsfile's shell steps read as commands (each on its own lines), with the variables they may use;
    the Groovy around them, ``//`` lines and ``/* */`` blocks that open a line are not read."""
    lines = text.splitlines()
    joined = "\n".join("" if line.lstrip().startswith("//") else line for line in lines)
    joined = _BLOCK_COMMENT_RE().sub(lambda block: "\n" * block.group().count("\n"), joined)
    kept = [""] * len(lines)  # what each line gives the command reader
    starts = [0]  # where each line starts in `joined`
    for line in joined.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for index, line in enumerate(joined.split("\n")):
        defined = _GROOVY_DEFINITION_RE().match(line)
        if defined is not None:
            kept[index] = f"{defined.group(1)}={defined.group(3)}"
    at = 0
    while (step := _JENKINS_STEP_RE().search(joined, at)) is not None:
        quote = step.group(1)
        end = _closing_quote(joined, step.end(), quote)
        at = step.end() if end < 0 else end + len(quote)
        if end < 0:
            continue
        number = bisect_left(starts, step.end() + 1) - 1  # (the line the command starts on)
        for offset, piece in enumerate(joined[step.end() : end].split("\n")):
            kept[number + offset] = f"{kept[number + offset]} ; {piece}" if kept[number + offset] else piece
    return command_mentions("\n".join(kept), is_alias)


def _closing_quote(text: str, start: int, quote: str) -> int:
    """Where the string opened by ``quote`` just before ``start`` closes (a one-quote string on its own line, past
    backslash escapes), or -1."""
    if len(quote) == 3:
        return text.find(quote, start)
    at = start
    while at < len(text):
        char = text[at]
        if char == "\n":
            return -1
        if char == "\\":
            at += 2
            continue
        if char == quote:
            return at
        at += 1
    return -1


_TOX_COMMAND_KEYS = frozenset({"commands", "commands_pre", "commands_post"})


def tox_mentions(text: str, is_alias: AliasCheck) -> list[Mention]:
    """The ``commands`` (``commands_pre``, ``commands_post``) of a ``tox.ini`` read as commands, with the indented
    lines that go on with them; no other key is read."""
    lines = text.splitlines()
    kept = [""] * len(lines)
    in_commands = False
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line[:1] in (" ", "\t"):  # (a value that goes on over the next lines)
            if in_commands:
                kept[index] = line
            continue
        key, equals, value = line.partition("=")
        in_commands = bool(equals) and key.strip().lower() in _TOX_COMMAND_KEYS
        if in_commands:
            kept[index] = value
    return command_mentions("\n".join(kept), is_alias)


# ---------------------------------------------------------------- configs (YAML, JSON, TOML), read line by line

# A key at the start of a line; ``key_and_value`` cuts the value from the rest of the line (a lazy group up to a
# pattern at the end costs a step per character: 90 µs for a long line of a chat dataset that says "model:").
_KEY_LINE_RE = later(r"""\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*""")
# Every key in MODEL_KEYS contains one of these (in either case).
_KEY_PARTS = ("odel", "ODEL", "epo_id", "EPO_ID", "okenizer", "OKENIZER", "name_or_path", "NAME_OR_PATH")
# A key and its scalar value anywhere in a line: {"model_name_or_path": "org/x", "lr": 2e-5}, {model: org/x}.
_KEY_ANYWHERE_RE = later(r"""["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*["']?([A-Za-z0-9][\w.:/-]*)""")
# In JSON a key is quoted: `model: org/x` inside a string value (a chat turn, a prompt) is text, and so is an
# escaped `\"model\": …` (JSON inside a JSON string).
_QUOTED_KEY_ANYWHERE_RE = later(r"""(?<!\\)"([A-Za-z_][\w.-]*)"\s*:\s*"?([A-Za-z0-9][\w.:/-]*)""")
_QUOTED_LIST_ANYWHERE_RE = later(r"""(?<!\\)"([A-Za-z_][\w.-]*)"\s*:\s*\[([^\[\]]*)\]""")
_LIST_ITEM_RE = later(r"""^\s*-\s+["']?([^"'#\s,]+)["']?\s*(?:#.*)?$""")
# A list under a key anywhere in a line ({"models": ["a", "b"]}), and a quoted item of a list over several lines.
_LIST_ANYWHERE_RE = later(r"""["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*\[([^\[\]]*)\]""")
_LIST_OPENS_RE = later(r"""["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*\[\s*$""")
_QUOTED_ITEM_RE = later(r"""["']([^"'\s,]+)["']""")
# Kubernetes and compose environment entries: `- name: MODEL_ID` then `value: org/x`.
_ENV_NAME_RE = later(r"""^\s*(?:-\s+)?name\s*:\s*["']?[A-Za-z_]*MODEL[A-Za-z_]*["']?\s*$""", IGNORECASE)
_ENV_VALUE_RE = later(r"""^\s*value\s*:\s*["']?([^"'#\s]+)["']?\s*(?:#.*)?$""")
# A block-list item that is a model flag (`- --model-id`): the next item is its value (k8s args, compose command).
_FLAG_ITEM_RE = later(r"""^\s*-\s+["']?--""" + _MODEL_FLAGS + r"""["']?\s*$""")


LONG_LINE = 2000  # minified JSON, prompt collections: read from the key parts instead of at every character


def _pairs_anywhere(line: str, quoted: bool = False) -> Iterator[tuple[str, str]]:
    """(key, scalar value) pairs anywhere in a line (with ``quoted``, JSON's: the key in double quotes).

    A long line is read only where a model key could stand (around each key part), because the pattern is tried at
    every character otherwise: a 200 kB one-line JSON of prompts cost 40 ms.
    """
    pattern = _QUOTED_KEY_ANYWHERE_RE() if quoted else _KEY_ANYWHERE_RE()
    if len(line) <= LONG_LINE:
        for pair in pattern.finditer(line):
            yield pair.group(1), pair.group(2)
        return
    starts: set[int] = set()
    for part in _KEY_PARTS:
        at = line.find(part)
        while at >= 0:
            start = at
            while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "_.-"):
                start -= 1
            starts.add(start)
            at = line.find(part, at + len(part))
    for start in sorted(starts):
        if quoted:
            if not start or line[start - 1] != '"':
                continue
            start -= 1
        found = pattern.match(line, start)
        if found is not None:
            yield found.group(1), found.group(2)


def _values(raw: str) -> list[str]:
    """The scalar values of a key's value text: ``org/x``, ``"org/x"``, ``[a/b, c/d]``."""
    text = raw.split(" #", 1)[0].strip().rstrip(",").strip()
    parts = text[1:-1].split(",") if text.startswith("[") and text.endswith("]") else [text]
    return [p.strip().strip("\"'") for p in parts if p.strip().strip("\"'")]


# The entries of a mapping under a model key that name the model (`model:` / `  name: org/x`; `- name: org/x` in a
# list of them), besides the model keys themselves, read on any line.
IDENTITY_KEYS = frozenset(
    {"name", "path", "id", "repo", "name_or_path", "pretrained", "checkpoint", "hf_path", "hub_id", "hf_repo"}
)
_BLOCK_INDICATOR_RE = later(r"[|>][-+0-9]*(?:\s+#.*)?")
_FLOW_MAP_RE = later(r"""["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*\{([^{}]*)\}""")


class _MappingItem:
    """One mapping item of a list under a model key: the model its `name`/`path`/`id` entry names, unless the item
    has a model key of its own (`- model: org/x` / `  name: my-alias`: the name is the alias a gateway serves it as,
    and the model key is read as any model key is)."""

    def __init__(self, is_alias: AliasCheck) -> None:
        self.is_alias = is_alias
        self.named: list[Mention] = []
        self.keyed = False

    def read(self, line: str, number: int) -> None:
        keyed = key_and_value(line)
        if keyed is not None and keyed[0].lower() in MODEL_KEYS:
            self.keyed = True
        self.named += _identity_mentions(line, number, self.is_alias)

    def settle(self) -> list[Mention]:
        found = [] if self.keyed else self.named
        self.named, self.keyed = [], False
        return found


def _identity_mentions(line: str, number: int, is_alias: AliasCheck) -> list[Mention]:
    """The model an entry of a mapping under a model key names (``name: org/x``, ``- path: org/x``), if any."""
    keyed = key_and_value(line)
    if keyed is None or keyed[0].lower() not in IDENTITY_KEYS:
        return []
    return [
        Mention(value, number, "config")
        for value in map(hub_target, _values(keyed[1]))
        if looks_like_model(value, is_alias)
    ]


def config_mentions(
    text: str, is_alias: AliasCheck, *, skip_section: str | None = None, quoted_keys: bool = False
) -> list[Mention]:
    """Model keys in YAML, JSON and TOML, line by line: tolerant of templates and fast, with exact lines.

    A key with no inline value followed by ``- item`` lines (a YAML list) counts each item.
    ``skip_section`` (a TOML table such as ``tool.licensecheck``) is not read: it is the policy, not a use.
    ``quoted_keys`` (JSON): a key inside a line counts only in double quotes, as JSON writes keys.
    """
    out: list[Mention] = []
    list_key_indent: int | None = None
    item_indent: int | None = None  # the column of the list's items (-1: the key opened a mapping, not a list)
    bracket_list = False  # inside a JSON or TOML list under a model key, over several lines
    depth = 0  # how deep in brackets that list's current line is (1: its own items)
    pending = False  # the line before named a model variable (`name: MODEL_ID`) or was a model flag item
    block_value = False  # the line before was a model key with a block scalar (`model: >-`, `model_id: |`)
    in_skipped = False
    item = _MappingItem(is_alias)  # the mapping item of a list under a model key being read
    # A mapping under a model key (`model:` then `  name: org/x`, Hydra and NeMo style; `"model": {` in JSON): the
    # indentation of the key that opened it, and of its entries once the first one is seen.
    map_key_indent: int | None = None
    map_indent: int | None = None
    # the lines a model key can be on (every key holds a key part); with a section to skip, every line is read
    hits = _lines_holding(text, (*_KEY_PARTS, "pretrained=")) if skip_section is None else None
    for number, line in enumerate(text.splitlines(), 1):
        if (
            hits is not None
            and list_key_indent is None
            and map_key_indent is None
            and not bracket_list
            and not pending
            and not block_value
            and number not in hits
        ):
            continue  # (what the key-part test below would skip, without stripping the line first)
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//")):
            pending = False  # (a variable's value is on the very next line)
            continue
        if skip_section is not None and stripped.startswith("[") and not bracket_list:
            section = stripped.strip("[] ")
            in_skipped = section == skip_section or section.startswith(skip_section + ".")
            continue
        if in_skipped:
            continue
        if bracket_list:  # only the list's own string items: not what objects or tables inside it hold
            if depth == 1 and stripped[:1] in ('"', "'") and ":" not in stripped.split(stripped[0], 2)[-1][:2]:
                out.extend(
                    Mention(item, number, "config")
                    for item in map(hub_target, _QUOTED_ITEM_RE().findall(stripped.split("]", 1)[0]))
                    if looks_like_model(item, is_alias)
                )
            depth += sum(stripped.count(c) for c in "[{") - sum(stripped.count(c) for c in "]}")
            bracket_list = depth > 0
            continue
        if block_value:  # `model: >-` then the model on the next line, indented
            block_value = False
            if " " not in stripped and looks_like_model(named := hub_target(stripped.strip("\"'")), is_alias):
                out.append(Mention(named, number, "config"))
            continue
        if pending:
            pending = False
            value = _ENV_VALUE_RE().match(line) or _LIST_ITEM_RE().match(line)
            if value is not None and looks_like_model(named := hub_target(value.group(1)), is_alias):
                out.append(Mention(named, number, "config"))
                continue
        indent = len(line) - len(line.lstrip())
        if map_key_indent is not None:  # the entries of a mapping under a model key: its name, path or id
            if map_indent is None:
                map_indent = indent if indent > map_key_indent else -1
            if indent < map_indent or map_indent < 0 or stripped.startswith(("}", "]")):
                map_key_indent = map_indent = None
            elif indent == map_indent:
                out.extend(_identity_mentions(line, number, is_alias))
        if list_key_indent is not None:
            if item_indent is None:  # the first line under the key: a list, or a mapping
                item_indent = indent if stripped.startswith("- ") and indent >= list_key_indent else -1
                if item_indent < 0 and indent > list_key_indent and map_key_indent is None:
                    map_key_indent, map_indent = list_key_indent, indent  # (a mapping: read as one)
                    out.extend(_identity_mentions(line, number, is_alias))
            listed = _LIST_ITEM_RE().match(line)
            if listed and indent == item_indent:
                if looks_like_model(named := hub_target(listed.group(1)), is_alias):
                    out.append(Mention(named, number, "config"))
                continue
            if item_indent >= 0 and (
                (indent == item_indent and stripped.startswith("- ")) or indent == item_indent + 2
            ):  # a mapping item of the list (`- name: org/x`, `  path: org/x` under it): its name, path or id
                if indent == item_indent:  # (a new item: what the last one named)
                    out.extend(item.settle())
                item.read(line, number)
            if item_indent < 0 or indent < item_indent or (indent == item_indent and not stripped.startswith("- ")):
                list_key_indent = None  # (a mapping item of the list, or a line inside one, keeps it going)
                out.extend(item.settle())
        if "ODEL" in line.upper() and (_ENV_NAME_RE().match(line) or _FLAG_ITEM_RE().match(line)):
            pending = True
            continue
        if not any(part in line for part in _KEY_PARTS) and "pretrained=" not in line:
            continue  # every model key holds one of these parts: most lines skip the regexes
        values, opens_list = config_line_values(line, quoted_keys)
        out.extend(Mention(value, number, "config") for value in values if looks_like_model(value, is_alias))
        if opens_list and (keyed := key_and_value(line)) is not None and _BLOCK_INDICATOR_RE().fullmatch(keyed[1]):
            block_value = True
        elif opens_list and map_key_indent is None and (keyed := key_and_value(line)) is not None and keyed[1] == "{":
            map_key_indent, map_indent = indent, None  # `"model": {` over the next lines (JSON)
        elif opens_list:
            keyed = key_and_value(line)
            if keyed is not None and keyed[1].startswith("["):
                bracket_list, depth = True, keyed[1].count("[") + keyed[1].count("{") - keyed[1].count("}")
            elif stripped.endswith("["):  # ({"models": [ at the end of the mapping's first line)
                bracket_list, depth = True, 1
            else:
                list_key_indent, item_indent = indent, None
                if map_key_indent is not None and indent > map_key_indent:  # (a model key inside the mapping of
                    map_key_indent = map_indent = None  # another: verl `reward_model:` / `model:` / `path:`)
    out.extend(item.settle())
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- YAML block scalars

# A block scalar's header: `key: |`, `key: >-`, `- |`, `- key: |+2`, maybe with a comment after it.
_BLOCK_HEADER_RE = later(r"""^([ ]*)(-[ ]+)?(?:(["']?)([^\s#"'][^#]*?)\3[ ]*:[ ]+)?[|>][-+0-9]*[ ]*(?:#.*)?$""")
_PARENT_KEY_RE = later(r"""^[ ]*(?:-[ ]+)?["']?([^\s#"':][^#:]*?)["']?[ ]*:(?:[ ]|$)""")
# Words of a key whose block scalar is a command the YAML runs (CI `run: |`, GitLab `script:`, compose `command: >`),
# and of one whose block scalar is prose (a prompt, an issue form's text, a chat turn) rather than an embedded
# config (a ConfigMap's `config.yaml: |`).
_COMMAND_KEY_WORDS = frozenset(
    "run script scripts command commands cmd cmds entrypoint args shell bash sh pwsh powershell exec steps install "
    "setup start launch serve deploy build test inline".split()
)
_PROSE_KEY_WORDS = frozenset(
    "prompt prompts template templates description value text content contents message messages body instruction "
    "instructions note notes comment comments summary help example examples answer answers question questions "
    "response responses completion completions chosen rejected system user assistant shot shots few query queries "
    "context input inputs output outputs doc docs readme changelog title label labels placeholder markdown".split()
)


def _key_words(key: str) -> set[str]:
    return set(key.lower().replace("-", "_").replace(".", "_").replace(" ", "_").split("_"))


def yaml_block_scalars(text: str) -> list[tuple[str, int, int]]:
    """(key, first line, last line) of the text of each block scalar in YAML text (`key: |` and the lines indented
    under it); a list item's (`- |`) key is its list's. Lines are 1-based, counted as ``str.splitlines`` counts."""
    if not any(mark in text for mark in (": |", ": >", "- |", "- >", ":\t|", ":\t>")):
        return []  # (no block scalar can start without one: most configs have none)
    lines = text.splitlines()
    header = _BLOCK_HEADER_RE()
    out: list[tuple[str, int, int]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = header.match(line) if ("|" in line or ">" in line) else None
        if match is None or not (match.group(2) or match.group(4)):
            index += 1
            continue
        indent = len(match.group(1))
        column = indent + len(match.group(2) or "") if match.group(4) else indent  # (where the key or item is)
        key = match.group(4) or _parent_key(lines, index, indent)
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > column):
            end += 1
        last = end
        while last > index + 1 and not lines[last - 1].strip():  # (blank lines after it belong to nothing)
            last -= 1
        if last > index + 1:
            out.append((key, index + 2, last))
        index = end
    return out


def _parent_key(lines: list[str], index: int, indent: int) -> str:
    """The key of the list that the item on line ``index`` (at ``indent``) belongs to, or ""."""
    for back in range(index - 1, max(-1, index - 200), -1):
        line = lines[back]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip(" ")) < indent:
            found = _PARENT_KEY_RE().match(line)
            return found.group(1) if found else ""
    return ""


def blank_lines(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the lines of each (first, last) span emptied (their line breaks kept, so numbers stay)."""
    lines = text.splitlines(keepends=True)
    for first, last in spans:
        for number in range(first, min(last, len(lines)) + 1):
            line = lines[number - 1]
            lines[number - 1] = line[len(line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")) :]
    return "".join(lines)


def yaml_readings(text: str) -> tuple[str, str]:
    """The text the config reader reads (block scalars of prose emptied: a prompt that says `model: org/x` names no
    model the repository uses) and the text the command reader reads (only the block scalars of command keys: a
    `run: |` step, not an issue form's text)."""
    blocks = yaml_block_scalars(text)
    if not blocks:
        return text, text
    # (the config reader reads a block only where it is a config: a file's text under a ConfigMap-style key, or a
    # model key's own value; the command reader only a command key's that names no prose)
    not_config = [(first, last) for key, first, last in blocks if not _config_block(key)]
    not_commands = [
        (first, last)
        for key, first, last in blocks
        if not _key_words(key) & _COMMAND_KEY_WORDS or _key_words(key) & _PROSE_KEY_WORDS
    ]
    return blank_lines(text, not_config), blank_lines(text, not_commands)


_CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".cfg", ".ini", ".conf", ".env", ".properties", ".jsonl")
_CONFIG_KEY_WORDS = frozenset("config configs configuration settings values conf env properties manifest spec".split())


def _config_block(key: str) -> bool:
    """Whether a block scalar under ``key`` holds a config to read for model keys: a file's text (`config.yaml: |`),
    a key that says config (`settings: |`), or a model key's own value (`model: >-`)."""
    low = key.lower().strip()
    return low.endswith(_CONFIG_SUFFIXES) or bool(_key_words(low) & _CONFIG_KEY_WORDS) or low in MODEL_KEYS


def key_and_value(line: str) -> tuple[str, str] | None:
    """The key a config line starts with and its value text (less blanks and one trailing comma), or None."""
    match = _KEY_LINE_RE().match(line)
    if match is None:
        return None
    raw = line[match.end() :].rstrip()
    if raw.endswith(","):
        raw = raw[:-1].rstrip()
    return match.group(1), raw


def config_line_values(line: str, quoted: bool = False) -> tuple[list[str], bool]:
    """The values one config line gives model keys (each still to be judged by ``looks_like_model``; timm's and
    open_clip's ``hf_hub:org/x`` given as ``org/x``), and whether the line is a model key with no value of its own
    (a YAML list of them follows). ``quoted``: JSON, whose keys inside a line are in double quotes."""
    values, opens_list = _line_values(line, quoted)
    return [hub_target(value) for value in values], opens_list


def _line_values(line: str, quoted: bool = False) -> tuple[list[str], bool]:
    values: list[str] = []
    if "{" in line or "pretrained=" in line:  # flow mappings, inline tables, one-line JSON, model_args
        values += [value for key, value in _pairs_anywhere(line, quoted) if key.lower() in MODEL_KEYS]
    if "pretrained=" in line:  # lm-eval model_args strings
        values += [arg.group(1) for arg in _PRETRAINED_ARG_RE().finditer(line)]
    if "{" in line and "[" in line:  # {"models": ["a", "b"]}: a list under a model key inside a mapping
        for key, items in (_QUOTED_LIST_ANYWHERE_RE() if quoted else _LIST_ANYWHERE_RE()).findall(line):
            if key.lower() in MODEL_KEYS:
                values += _values(f"[{items}]")
    if "{" in line and line.rstrip().endswith("["):  # {"models": [ … a list that goes on over the next lines
        opening = _LIST_OPENS_RE().search(line)
        if opening is not None and opening.group(1).lower() in MODEL_KEYS:
            return values, True
    if "{" in line and "}" in line:  # {"model": {"name": "org/x", "dtype": "bf16"}}: a mapping under a model key
        for key, inner in _FLOW_MAP_RE().findall(line):
            if key.lower() in MODEL_KEYS:
                values += [value for name, value in _pairs_anywhere(inner, quoted) if name.lower() in IDENTITY_KEYS]
    keyed = key_and_value(line)
    if keyed is None or keyed[0].lower() not in MODEL_KEYS:
        return values, False
    raw = keyed[1]
    if not raw or raw.startswith("#") or raw == "{" or _BLOCK_INDICATOR_RE().fullmatch(raw):
        return values, True
    if raw.startswith("[") and "]" not in raw:  # a JSON or TOML list that goes on over the next lines
        return values + _values(raw[1:]), True
    return values + _values(raw), False


# ---------------------------------------------------------------- notebooks and Modelfiles


def _line_of(value: str, lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        if value in lines[index]:
            return index + 1
    return start + 1


# Cell magics that run the whole cell as a shell script (`%%script bash` too; `%%script false` disables a cell).
_SHELL_CELL_MAGICS = frozenset({"%%bash", "%%sh", "%%shell", "%%system"})
_SCRIPT_SHELLS = frozenset({"bash", "sh", "zsh", "/bin/bash", "/bin/sh"})


def _is_shell_cell(first_line: str) -> bool:
    words = first_line.split()
    return bool(words) and (
        words[0] in _SHELL_CELL_MAGICS or (words[0] == "%%script" and len(words) > 1 and words[1] in _SCRIPT_SHELLS)
    )


def notebook_mentions(
    text: str, is_alias: AliasCheck, candidate_lines: Callable[[bytes], list[int] | None] | None = None
) -> list[Mention]:
    """Code cells of a Jupyter notebook; lines are lines of the .ipynb file, so annotations land on them.

    ``candidate_lines`` (the Python pre-filter) spares parsing cells that cannot name a model.
    """
    import json  # (only notebooks need it: a scan start-up without it is 1.5 ms shorter)

    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return pattern_mentions(text, is_alias)  # a notebook that is not JSON: read its text by pattern
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        return []
    firsts: list[str] = []  # the first source line of each code cell, to find where each starts in the file
    pythons: list[str] = []  # each code cell's Python (magics and shell escapes blanked: line numbers kept)
    shells: list[str] = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source")
        code = "".join(source) if isinstance(source, list) else source if isinstance(source, str) else ""
        if not isinstance(code, str) or not code.strip():
            continue
        firsts.append(str(source[0] if isinstance(source, list) and source else code).strip()[:40])
        lines = code.splitlines()
        if lines and _is_shell_cell(lines[0]):  # a %%bash cell: all of it is shell
            shells.append("\n".join(["", *lines[1:]]))
            pythons.append("")
        else:
            shells.append("\n".join(_shell_escape(ln) for ln in lines))
            pythons.append("\n".join("" if ln.lstrip().startswith(("!", "%")) else ln for ln in lines))
    found: list[list[Mention]] = [[] for _ in pythons]  # per code cell
    # The cells share one namespace (a constant set in one cell and loaded in another): read them as one module,
    # or cell by cell when that does not parse (a cell of IPython syntax).
    whole = _notebook_python(pythons, is_alias, candidate_lines)
    for index, python in enumerate(pythons):
        if whole is None:
            candidates = candidate_lines(python.encode("utf-8", "surrogatepass")) if candidate_lines else None
            if candidate_lines is None or candidates is not None:
                found[index] += python_mentions(python, is_alias, form="notebook", lines=candidates)
        else:
            found[index] += whole[index]
        if shells[index].strip():
            found[index] += command_mentions(shells[index], is_alias)
    if not any(found):
        return []
    from bisect import bisect_right
    from itertools import accumulate

    # where each line of the file starts (the lines `splitlines` sees); a minified notebook is one long line
    starts = list(accumulate((len(line) for line in text.splitlines(keepends=True)), initial=0))
    out: list[Mention] = []
    cursor = 0  # an offset in the file: where the current code cell's first line is
    for first, mentions in zip(firsts, found, strict=True):  # the cursor moves to the start of each code cell
        if first:
            at = text.find(json.dumps(first)[1:-1], cursor)
            cursor = at if at >= 0 else cursor
        for mention in mentions:
            at = text.find(mention.value, cursor)
            out.append(Mention(mention.value, bisect_right(starts, at if at >= 0 else cursor), "notebook"))
    return list(dict.fromkeys(out))


def _shell_escape(line: str) -> str:
    """What a notebook line gives the command reader: a shell escape (`!cmd`), or an environment variable set with
    `%env NAME=value` (read as `export NAME=value`); nothing for a line of Python."""
    stripped = line.lstrip()
    if stripped.startswith("!"):
        return stripped[1:]
    if stripped.startswith("%env ") and "=" in stripped:
        return "export " + stripped[5:].strip()
    return ""


def _notebook_python(
    pythons: list[str], is_alias: AliasCheck, candidate_lines: Callable[[bytes], list[int] | None] | None
) -> list[list[Mention]] | None:
    """The model mentions of a notebook's code cells read as one module, per cell; None when that module does not
    parse (then each cell is read alone)."""
    from bisect import bisect_right

    combined = "\n".join(pythons)
    starts: list[int] = []  # the line each cell starts on in the module
    line = 1
    for python in pythons:
        starts.append(line)
        line += python.count("\n") + 1
    per_cell: list[list[Mention]] = [[] for _ in pythons]
    candidates = candidate_lines(combined.encode("utf-8", "surrogatepass")) if candidate_lines else None
    if candidate_lines is not None and candidates is None:
        return per_cell
    mentions = python_mentions(combined, is_alias, form="notebook", lines=candidates)
    if any(mention.form == "unparsed" for mention in mentions):
        return None
    for mention in mentions:
        per_cell[bisect_right(starts, mention.line) - 1].append(mention)
    return per_cell


def modelfile_mentions(text: str, is_alias: AliasCheck) -> list[Mention]:
    """An Ollama Modelfile's ``FROM`` (a local weights file does not count)."""
    out: list[Mention] = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and parts[0].upper() == "FROM":
            value = modelfile_target(parts[1].strip().strip("\"'"))
            if looks_like_model(value, is_alias):
                out.append(Mention(value, number, "modelfile"))
    return out


def unique(mentions: Iterable[Mention]) -> Iterator[Mention]:
    yield from dict.fromkeys(mentions)
