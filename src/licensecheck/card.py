"""Model cards: the YAML front matter of a Hugging Face README.md, read safely and type-checked."""

from __future__ import annotations

from licensecheck.errors import InputError
from licensecheck.records import TYPE_CHECKING, NamedTuple
from licensecheck.safeyaml import compose_yaml, load_yaml, node_line

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping
    from types import MappingProxyType
    from typing import Any
else:
    MappingProxyType = type(type.__dict__)  # (``types.MappingProxyType``, without importing ``types``)

MULTIMODAL_PIPELINES = frozenset(
    {
        "image-text-to-text",
        "visual-question-answering",
        "image-to-text",
        "any-to-any",
        "video-text-to-text",
        "document-question-answering",
        "audio-text-to-text",
        "image-text-to-image",
        "visual-document-retrieval",
        "video-classification",
        "zero-shot-image-classification",
        "image-to-image",
        "text-to-image",
        "automatic-speech-recognition",
        "text-to-speech",
        "text-to-audio",
        "image-classification",
        "object-detection",
        "image-segmentation",
        "text-to-video",
        "audio-classification",
        "image-feature-extraction",
    }
)
TEXT_PIPELINES = frozenset(
    {
        "text-generation",
        "text2text-generation",
        "fill-mask",
        "feature-extraction",
        "sentence-similarity",
        "text-classification",
        "token-classification",
        "question-answering",
        "summarization",
        "translation",
        "conversational",
        "zero-shot-classification",
        "table-question-answering",
        "text-ranking",
    }
)
# (mllama: the architecture of Llama 3.2 Vision, as the Hub tags its derivatives)
MULTIMODAL_TAGS = frozenset(
    {"multimodal", "vision", "image-text-to-text", "vision-language", "vlm", "llava", "omni", "mllama"}
)


class Card(NamedTuple):
    path: str
    license: tuple[str, ...] = ()
    license_name: str | None = None
    license_link: str | None = None
    base_model: tuple[str, ...] = ()
    base_model_relation: str | None = None
    pipeline_tag: str | None = None
    tags: tuple[str, ...] = ()
    lines: Mapping[str, int] = MappingProxyType({})
    has_front_matter: bool = True
    base_model_lines: tuple[int, ...] = ()  # the line of each base_model entry (of each item of a list)
    sdk: str | None = None  # set on a Hugging Face Space's README: the card of an app, not of a model
    dataset: bool = False  # a dataset card (task_categories, size_categories…, nothing only a model card has)
    models: tuple[tuple[str, int], ...] = ()  # a Space's `models:` list: (model id, line) for each it uses

    @property
    def modality(self) -> str | None:
        pipeline = (self.pipeline_tag or "").strip().lower()
        if pipeline in MULTIMODAL_PIPELINES:
            return "multimodal"
        if any(tag.strip().lower() in MULTIMODAL_TAGS for tag in self.tags):
            return "multimodal"
        if pipeline in TEXT_PIPELINES:
            return "text"
        return None


def read_card_text(path: str | os.PathLike[str]) -> str:
    """A card's text. A card over the size cap (inline base64 images) is read for its head alone when the front
    matter, all that is read of a card, closes within the cap; otherwise it is refused as any large file is."""
    from licensecheck.textfile import TooLarge, decode_text, read_text_file

    try:
        return read_text_file(path, what="model card")
    except TooLarge as refused:
        head = refused.head[: refused.head.rfind(b"\n") + 1]
        try:
            text = decode_text(head, path=str(path), what="model card")
            if split_front_matter(text, str(path)) is not None:
                return text
        except InputError:
            pass
        raise refused from None


def split_front_matter(text: str, path: str) -> tuple[str, int] | None:
    """The front matter block and the line it starts on, or None when the card has none."""
    lines = text.splitlines()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None
    for end in range(start + 1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return "\n".join(lines[start + 1 : end]), start + 1
    raise InputError("model card front matter starts with '---' but is never closed", path=path, line=start + 1)


def _strings(value: Any, name: str, path: str, line: int | None) -> tuple[str, ...]:
    """A string or a list of strings; anything else is an input error naming the field."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise InputError(
        f"model card field {name!r} must be a string or a list of strings, not {type(value).__name__}",
        path=path,
        line=line,
    )


def _string(value: Any, name: str, path: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    raise InputError(f"model card field {name!r} must be a string, not {type(value).__name__}", path=path, line=line)


def _tabs_spaced(body: str) -> str:
    """``body`` with every tab that follows text on its line made a space (its indentation left as it is)."""
    if "\t" not in body:
        return body
    lines = []
    for line in body.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        lines.append(line[:indent] + line[indent:].replace("\t", " "))
    return "\n".join(lines)


def parse_card(text: str, path: str) -> Card:
    """Read a card's front matter. A card without front matter declares nothing."""
    block = split_front_matter(text, path)
    if block is None:
        return Card(path=path, has_front_matter=False)
    body, offset = block
    try:
        data = load_yaml(body, path=path, what="model card front matter", line_offset=offset)
    except InputError as first:
        # A tab after a key's colon (`license:\tmit`) is separation space to the Hub's YAML 1.2 parser, an error to
        # PyYAML's: read such a card as the Hub does (tabs that indent a line stay an error).
        spaced = _tabs_spaced(body)
        if spaced == body:
            raise
        try:
            data = load_yaml(spaced, path=path, what="model card front matter", line_offset=offset)
        except InputError:
            raise first from None
        body = spaced
    if data is None:
        return Card(path=path)
    if not isinstance(data, dict):
        raise InputError(
            f"model card front matter must be a mapping of fields, not {type(data).__name__}",
            path=path,
            line=offset,
        )
    root = compose_yaml(body, path=path)

    def line(key: str) -> int | None:
        found = node_line(root, [key])
        return found + offset if found is not None else None

    lines = {
        key: n
        for key in ("license", "license_name", "license_link", "base_model")
        if key in data
        for n in [line(key)]
        if n is not None
    }
    tags = data.get("tags")
    if isinstance(tags, str):
        tags = [tags]
    if tags is not None and not (isinstance(tags, list)):
        raise InputError("model card field 'tags' must be a list of strings", path=path, line=line("tags"))
    return Card(
        path=path,
        license=_strings(data.get("license"), "license", path, line("license")),
        license_name=_string(data.get("license_name"), "license_name", path, line("license_name")),
        license_link=_string(data.get("license_link"), "license_link", path, line("license_link")),
        base_model=_strings(data.get("base_model"), "base_model", path, line("base_model")),
        base_model_relation=_string(
            data.get("base_model_relation"), "base_model_relation", path, line("base_model_relation")
        ),
        pipeline_tag=_string(data.get("pipeline_tag"), "pipeline_tag", path, line("pipeline_tag")),
        tags=tuple(str(t) for t in (tags or ()) if isinstance(t, (str, int, float))),
        lines=lines,
        base_model_lines=_item_lines(data.get("base_model"), "base_model", root, offset),
        sdk=str(data["sdk"]) if isinstance(data.get("sdk"), str) else None,
        models=_space_models(data.get("models"), root, offset),
        dataset=not _MODEL_FIELDS.intersection(data) and bool(_DATASET_FIELDS.intersection(data)),
    )


# Front matter fields of a Hugging Face dataset card that a model card does not use, and the reverse.
_DATASET_FIELDS = frozenset(
    {
        "task_categories",
        "task_ids",
        "size_categories",
        "dataset_info",
        "source_datasets",
        "annotations_creators",
        "language_creators",
        "multilinguality",
        "paperswithcode_id",
        "configs",
    }
)
_MODEL_FIELDS = frozenset({"base_model", "library_name", "pipeline_tag", "model-index", "model_name", "inference"})


def _item_lines(value: Any, key: str, root: Any, offset: int) -> tuple[int, ...]:
    """The line of each item of a list field (the key's line for a single value)."""
    if not isinstance(value, list):
        found = node_line(root, [key])
        return (found + offset,) if found is not None and value is not None else ()
    lines = []
    for index in range(len(value)):
        found = node_line(root, [key, index])
        lines.append(found + offset if found is not None else offset)
    return tuple(lines)


def _space_models(value: Any, root: Any, offset: int) -> tuple[tuple[str, int], ...]:
    """A Space card's ``models:`` (a string or a list of them), each with its line; anything else is ignored (the
    field means something only on a Space, and a model card may use the name otherwise)."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    out = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            found = node_line(root, ["models", index] if isinstance(value, list) else ["models"])
            out.append((item.strip(), (found + offset) if found is not None else offset))
    return tuple(out)
