"""YAML loading that keeps the line and column of every node and rejects duplicate keys.

PyYAML's own constructors keep the last of two equal keys and turn ``no`` into ``False``.
We compose the node tree (libyaml when available) and build plain Python values ourselves,
following the YAML 1.2 core schema: only ``true``/``false`` are booleans, numbers with a
leading zero (phone numbers) stay text, and dates stay text for the models to parse.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any, TypeVar

import yaml

from guidance.errors import GuidanceError, Path, Problem, describe, format_path

__all__ = ["Document", "load_yaml", "parse_yaml"]

try:  # libyaml's composer is several times faster; fall back where it is not built.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# Bounds on what one file may ask of the loader: real sources are far inside them (the largest
# file of a 5,000-item site is 0.6 MB, nested 8 deep). See load_yaml and _Builder.
MAX_BYTES = 5_000_000
MAX_DEPTH = 40

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$")
_STANDARD_TAG = "tag:yaml.org,2002:"


@dataclass
class Document:
    """One YAML file: its plain data, and where each value and key stands in the text."""

    file: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    text: str = field(default="", repr=False)
    _lines: list[int] | None = field(default=None, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of ``path``, or of its nearest ancestor that exists."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def find(self, path: Path, needle: str, after: tuple[int, int] | None = None) -> tuple[int, int]:
        """Line and column of ``needle`` as written inside the scalar at ``path`` (after ``after``).

        For text found in a value rather than the value itself: a postcode in a paragraph.
        Words folded across lines in the file still match. Falls back to the value's position.
        """
        start = self.where(path)
        if not self.text or tuple(path) not in self.values:
            return start
        offsets, starts = self._offsets()
        begin = self._offset(after) + 1 if after and after >= start else self._offset(start)
        # The scalar ends where the next key or value starts.
        later = bisect.bisect_right(starts, self._offset(start))
        end = starts[later] if later < len(starts) else len(self.text)
        pattern = r"\s+".join(re.escape(word) for word in needle.split())
        match = re.compile(pattern).search(self.text, begin, end)
        if match is None:
            return start
        line = bisect.bisect_right(offsets, match.start())
        return line, match.start() - offsets[line - 1] + 1

    def _offsets(self) -> tuple[list[int], list[int]]:
        """Where each line starts in the text, and where each key and value starts (sorted): made once."""
        if self._lines is None:
            offsets = [0]
            for line in self.text.splitlines(keepends=True):
                offsets.append(offsets[-1] + len(line))
            self._lines = offsets
            self._starts = sorted({self._offset(p) for p in (*self.values.values(), *self.keys.values())})
        return self._lines, self._starts

    def _offset(self, at: tuple[int, int]) -> int:
        offsets = self._lines or [0, 0]
        return offsets[min(at[0], len(offsets) - 1) - 1] + at[1] - 1

    def problem(self, path: Path, message: str, *, key: bool = False, **kw: Any) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.file, line, column, format_path(path), message, **kw)


T = TypeVar("T")


def once_per_document(read: Callable[[Document], T]) -> Callable[[Document], T]:
    """``read(document)`` made once for each parsed document: a Document never changes once it is
    built, and `guidance serve` checks every document again after an edit to one of them."""
    kept: dict[int, tuple[Document, T]] = {}

    @functools.wraps(read)
    def once(document: Document) -> T:
        found = kept.get(id(document))
        if found is None or found[0] is not document:
            if len(kept) > 20_000:  # documents since edited
                kept.clear()
            found = kept[id(document)] = (document, read(document))
        return found[1]
    return once


# The last good parse of each file, by name: `guidance serve` reads every file again after an
# edit, but parses only those whose text changed. Nothing changes a Document once it is built.
_parsed: dict[str, tuple[str, Document]] = {}


def load_yaml(path: FilePath, display: str | None = None) -> Document:
    """Read and parse one file; raise :class:`GuidanceError` with every problem found."""
    name = display or str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        message = f"expected a file of at most {MAX_BYTES // 1_000_000} MB, got {size / 1_000_000:.1f} MB: split it into several files"
        raise GuidanceError([Problem(name, 1, 1, "", message)])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        message = f"expected UTF-8 text, got bytes that are not ({exc.reason}): save the file as UTF-8"
        raise GuidanceError([Problem(name, line, column, "", message)]) from None
    last = _parsed.get(name)
    if last is not None and last[0] == text:
        return last[1]
    document = parse_yaml(text, name)
    _parsed[name] = (text, document)
    return document


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset in text that is UTF-8 up to there."""
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", errors="replace")) + 1


def parse_yaml(text: str, file: str) -> Document:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise GuidanceError([_syntax_problem(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise GuidanceError([Problem(file, 1, 1, "", f"invalid YAML: {exc}")]) from None
    builder = _Builder(Document(file, None, text=text))
    builder.document.data = builder.build(node, ()) if node is not None else None
    if builder.aliased:
        builder.problems += _aliases(text, file)
    if builder.problems:
        raise GuidanceError(builder.problems)
    return builder.document


def _syntax_problem(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    """Where the text stops being YAML. An unclosed bracket is found only where something else
    begins, often lines later: point at the bracket itself, and say where the parser gave up."""
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "is not valid YAML"
    flow = exc.context in ("while parsing a flow sequence", "while parsing a flow mapping")
    opened = exc.context_mark if flow else None
    if opened is not None and mark is not None:
        bracket = "[" if "sequence" in str(exc.context) else "{"
        reason = f"this '{bracket}' is not closed ({reason} at line {mark.line + 1})"
        mark = opened
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(file, line, column, "", f"invalid YAML: {reason}")


def _aliases(text: str, file: str) -> list[Problem]:
    """Each alias (``*name``), where it is written. Refused: an alias repeats a part of the file
    without writing it, so a few lines can stand for billions of values (or for themselves)."""
    return [
        Problem(file, event.start_mark.line + 1, event.start_mark.column + 1, "",
                f"expected values written out, got the alias '*{event.anchor}': aliases are not allowed in sources")
        for event in yaml.parse(text, Loader=_Loader)
        if isinstance(event, yaml.AliasEvent)
    ]


class _Builder:
    def __init__(self, document: Document):
        self.document = document
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.aliased = False

    def build(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:  # the composer gives an alias the node it names: met again
            self.aliased = True
            return None
        self.seen.add(id(node))
        self.document.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if len(path) > MAX_DEPTH:
            message = f"expected values nested at most {MAX_DEPTH} deep, got deeper"
            self.problems.append(self.document.problem(path, message))
            return None
        if not node.tag.startswith(_STANDARD_TAG) and node.tag != "!":
            self.problems.append(self.document.problem(path, f"unsupported YAML tag '{node.tag}'"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else key_node
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, str):
                self.problems.append(
                    self.document.problem(path, f"expected a field name, got {describe(key)} at line {where[0]}")
                )
                continue
            child = path + (key,)
            if key in result:
                first = self.document.keys[child][0]
                self.problems.append(
                    Problem(self.document.file, *where, format_path(child), f"duplicate key '{key}' (first given at line {first})")
                )
                continue
            self.document.keys[child] = where
            result[key] = self.build(value_node, child)
        return result


def _scalar(node: yaml.Node) -> Any:
    value = node.value
    # Quoted or block text. A plain scalar's style is None in PyYAML and "" in libyaml.
    if node.style or node.tag == f"{_STANDARD_TAG}str":
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value
