"""Safe YAML loading with explicit limits: only ``yaml.SafeLoader``, a cap on aliases and nesting depth.

A document that expands aliases many times over (the "billion laughs") or nests deeper than any real card or
policy is refused with an InputError instead of being walked for minutes.
"""

from __future__ import annotations

import yaml

from licensecheck.errors import InputError
from licensecheck.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

MAX_ALIASES = 1000
MAX_EXPANDED_NODES = 100_000  # nodes the document would have with every alias expanded
MAX_DEPTH = 64
MAX_YAML_BYTES = 2 * 1024 * 1024


class _LimitedLoader(yaml.SafeLoader):
    """SafeLoader that counts alias uses and nesting depth while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> node count with aliases expanded

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases (line {mark.line + 1})")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.YAMLError(f"nested deeper than {MAX_DEPTH} levels (line {mark.line + 1})")
            node: Any = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if id(node) not in self._sizes:
            children: list[Any] = []
            if isinstance(node, yaml.SequenceNode):
                children = node.value
            elif isinstance(node, yaml.MappingNode):
                children = [n for pair in node.value for n in pair]
            size = 1 + sum(self._sizes.get(id(child), 1) for child in children)
            if size > MAX_EXPANDED_NODES:
                line = node.start_mark.line + 1
                raise yaml.YAMLError(f"expands to more than {MAX_EXPANDED_NODES:,} nodes through aliases (line {line})")
            self._sizes[id(node)] = size
        return node

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        # A repeated key would silently keep the last value (`license: cc-by-nc-4.0` then `license: mit`).
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                        )
                    seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads `NO`, `off`, `yes` as booleans; we keep the safe resolver but callers check types.


def load_yaml(text: str, *, path: str, what: str = "YAML", line_offset: int = 0) -> Any:
    """Parse one YAML document safely; any problem is an InputError naming the file and line."""
    if len(text) > MAX_YAML_BYTES:
        raise InputError(f"{what} is larger than {MAX_YAML_BYTES // 1024} KiB", path=path)
    loader: _LimitedLoader | None = None
    try:
        loader = _LimitedLoader(text)
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "syntax error"
        raise InputError(f"invalid {what}: {problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:  # (a ReaderError, a character YAML does not allow, says where on a second line)
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 + line_offset if isinstance(position, int) else None
        problem = (str(exc).splitlines() or ["unreadable"])[0]
        raise InputError(f"invalid {what}: {problem}", path=path, line=line) from None
    except RecursionError:
        raise InputError(f"invalid {what}: nested too deeply", path=path) from None
    except (ValueError, OverflowError) as exc:  # e.g. a date such as 2027-13-45 that YAML reads as a timestamp
        line = _unreadable_scalar_line(text)
        raise InputError(
            f"invalid {what}: {exc}", path=path, line=line + line_offset if line is not None else None
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def _unreadable_scalar_line(text: str) -> int | None:
    """The line of the first scalar that YAML cannot make a value of (a timestamp such as 2027-13-45), or None."""
    loader: _LimitedLoader | None = None
    try:
        loader = _LimitedLoader(text)
        todo = [loader.get_single_node()]
        while todo:
            node = todo.pop(0)
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node, deep=True)
                except (ValueError, OverflowError):
                    return int(node.start_mark.line) + 1
            elif isinstance(node, yaml.SequenceNode):
                todo.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                todo.extend(item for pair in node.value for item in pair)
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        if loader is not None:
            loader.dispose()
    return None


def compose_yaml(text: str, *, path: str) -> yaml.Node | None:
    """The node tree (with line numbers) of a document already known to load."""
    try:
        loader = _LimitedLoader(text)
    except yaml.YAMLError:
        return None
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def node_line(root: yaml.Node | None, path: list[Any]) -> int | None:
    """The 1-based line of the value at ``path`` (keys and list indexes) in a composed tree."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                    node = value
                    line = key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line
