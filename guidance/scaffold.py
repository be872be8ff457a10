"""``guidance new``: a new entry of a kind, written where it belongs, without disturbing the rest.

A kind says what the entry is (:class:`Scaffold`): a whole new file, or one more item in a
list of an existing file. The item is placed after the list's last item, indented as that list
is, so the editor's comments, order and layout stay as they wrote them.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

import yaml

from guidance.errors import Path

__all__ = ["Scaffold", "ScaffoldRefused", "entry_text", "file_text", "first_id", "ident_for", "read", "refuse_taken", "written"]


class ScaffoldRefused(Exception):
    """The entry cannot be added as asked (its id exists, its file is missing): the message says why."""


@dataclass(frozen=True)
class Scaffold:
    file: str  # where it goes
    ident: str  # the new entry's id
    text: str  # YAML: the whole file, or one list item (a "- " block)
    into: Path | None = None  # the list it joins; None: a new file


def ident_for(title: str, fallback: str) -> str:
    """An id from a title: 'Team around the family' -> 'team-around-the-family'."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or fallback


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def entry_text(entry: dict[str, Any]) -> str:
    """One list item, as YAML."""
    return _dump([entry])


def file_text(schema: str, data: dict[str, Any]) -> str:
    """A new file that names its schema on its first line (editors validate it as it is typed)."""
    return f"# yaml-language-server: $schema={schema}\n" + _dump(data)


def written(scaffold: Scaffold, before: str | None) -> str:
    """The file's new text with the entry in place."""
    if scaffold.into is None:
        if before is not None:
            raise ScaffoldRefused(f"{scaffold.file} exists already")
        return scaffold.text
    if before is None:
        raise ScaffoldRefused(f"{scaffold.file}: no such file")
    return _insert(before, scaffold.into, scaffold.text, scaffold.file)


def _insert(text: str, into: Path, item: str, file: str) -> str:
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    for step in into:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step]
        else:
            node = None
        if node is None:
            raise ScaffoldRefused(f"{file}: no list at {'.'.join(map(str, into))}")
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise ScaffoldRefused(f"{file}: {'.'.join(map(str, into))} is not a list written one item per line")
    last = node.value[-1]
    while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and last.value:
        last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
    end = last.end_mark
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at = end.line if end.column == 0 else end.line + 1
    return "".join(lines[:at]) + textwrap.indent(item, " " * node.start_mark.column) + "".join(lines[at:])


def read(file: str) -> str | None:
    path = FilePath(file)
    return path.read_text(encoding="utf-8") if path.exists() else None


def refuse_taken(ident: str, what: str, sources: list[Any], into: Path | None = None) -> None:
    """Stop when ``ident`` is taken: by an item of the list at ``into`` in any of the kind's
    files, or (``into`` None) by a whole file's ``id``."""
    for source in sources:
        document = source.document
        items = document.data
        for step in into or ():
            items = items.get(step) if isinstance(items, dict) else None
        candidates = list(enumerate(items)) if into is not None and isinstance(items, list) else [(None, document.data)]
        for i, item in candidates:
            if isinstance(item, dict) and item.get("id") == ident:
                line, column = document.where((*into, i, "id") if into is not None else ("id",))
                raise ScaffoldRefused(f"{what} '{ident}' exists already ({document.file}:{line}:{column}): choose another title")


def first_id(sources: list[Any], into: Path) -> str | None:
    """The id of the first item of the list at ``into``, e.g. the first need for a new service."""
    for source in sources:
        items = source.document.data
        for step in into:
            items = items.get(step) if isinstance(items, dict) else None
        if isinstance(items, list) and items and isinstance(items[0], dict):
            return str(items[0].get("id"))
    return None
