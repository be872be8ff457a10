"""Links between sources, written ``kind:id`` (``glossary:cspr``, ``procedure:early-help``).

Each kind says which targets it offers (:meth:`Kind.targets`); any other kind is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guidance.errors import Path, Problem, suggest
from guidance.yamlio import Document

__all__ = ["Target", "Targets", "check_reference", "check_references", "split"]

@dataclass(frozen=True)
class Target:
    """Something a link can point at: its title and where it is (a docs path and an anchor)."""

    title: str
    page: str
    anchor: str = ""

    def href(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


Targets = dict[str, dict[str, Target]]  # kind -> id -> target


def split(reference: str) -> tuple[str, str]:
    kind, _, ident = reference.partition(":")
    return kind.strip(), ident.strip()


def check_reference(document: Document, path: Path, reference: str, targets: Targets) -> Problem | None:
    kind, ident = split(reference)
    if not ident:
        return document.problem(path, f"expected a link written kind:id, such as 'glossary:cspr', got '{reference}'")
    if kind in targets:
        if ident in targets[kind]:
            return None
        hint = suggest(ident, list(targets[kind])) if targets[kind] else f" (there is no {kind} in this site's data yet)"
        return document.problem(path, f"unknown {kind} '{ident}'{hint}", reference=True)
    known = sorted(targets)
    hint = suggest(kind, known) or f" (expected one of: {', '.join(known)})"
    return document.problem(path, f"unknown kind of link '{kind}'{hint}")


def check_references(document: Document, items: Iterable[tuple[Path, str]], targets: Targets) -> list[Problem]:
    return [p for path, ref in items if (p := check_reference(document, path, ref, targets)) is not None]
