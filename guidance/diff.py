"""Word-level differences between two versions of a text, section by section.

A version is laid out as blocks (title, scope, each step...) keyed so that a step keeps its
identity when it moves or is reworded. Blocks are aligned by key, then words within a block.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Block", "BlockChange", "Op", "diff_blocks", "diff_words"]

Op = tuple[Literal["equal", "delete", "insert"], str]

_TOKEN = re.compile(r"\n|[^\s]+")


@dataclass(frozen=True)
class Block:
    key: str  # stable identity, e.g. 'scope' or 'step:notify-the-panel'
    heading: str
    text: str


@dataclass(frozen=True)
class BlockChange:
    status: Literal["changed", "added", "removed"]
    heading: str
    ops: list[Op]


def diff_words(old: str, new: str) -> list[Op]:
    """The words of ``new`` against ``old``: runs kept, deleted and inserted, in reading order.

    Lines are aligned first, then words within lines that changed, so that a word is never
    matched with one on an unrelated line. Whitespace within a line is not a change.
    """
    a, b = old.split("\n"), new.split("\n")
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in _opcodes([" ".join(x.split()) for x in a], [" ".join(x.split()) for x in b]):
        if tag == "equal":
            ops.append(("equal", "\n".join(a[i1:i2])))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                ops += _words(a[i1 + k], b[j1 + k]) + [("equal", "\n")]
            ops.pop()
        else:
            ops += _words("\n".join(a[i1:i2]), "\n".join(b[j1:j2]))
        ops.append(("equal", "\n"))
    return _merged(ops[:-1])


def _words(old: str, new: str) -> list[Op]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag in ("equal", "delete", "replace") and i2 > i1:
            ops.append(("equal" if tag == "equal" else "delete", _join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("insert", _join(b[j1:j2])))
    return ops


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def _merged(ops: list[Op]) -> list[Op]:
    """Neighbouring runs of the same kind as one; line breaks folded into the kept text around them."""
    out: list[Op] = []
    for tag, text in ops:
        if not text:
            continue
        if out and out[-1][0] == tag:
            joiner = "" if text == "\n" or out[-1][1].endswith("\n") else " "
            out[-1] = (tag, out[-1][1] + joiner + text)
        else:
            out.append((tag, text))
    return out


def diff_blocks(old: list[Block], new: list[Block]) -> list[BlockChange]:
    """Blocks that changed, were added or were removed, in the new version's order."""
    before = {b.key: b for b in old}
    after = {b.key for b in new}
    changes = []
    for block in new:
        earlier = before.get(block.key)
        if earlier is None:
            changes.append(BlockChange("added", block.heading, [("insert", _join(_TOKEN.findall(block.text)))]))
        elif earlier.text.split() != block.text.split() or earlier.text.count("\n") != block.text.count("\n"):
            changes.append(BlockChange("changed", block.heading, diff_words(earlier.text, block.text)))
    for block in old:
        if block.key not in after:
            changes.append(BlockChange("removed", block.heading, [("delete", _join(_TOKEN.findall(block.text)))]))
    return changes


def _join(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")
