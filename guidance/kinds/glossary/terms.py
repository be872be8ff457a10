"""The glossary as a whole: terms sorted A to Z, and lookup by any name a term goes by."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidance.kinds.glossary.model import Term
from guidance.site import Key

__all__ = ["Glossary"]

GLOSSARY: Key[Glossary] = Key("glossary")


@dataclass
class Glossary:
    terms: list[Term]
    by_id: dict[str, Term] = field(init=False)
    _by_name: dict[str, Term] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = sorted(self.terms, key=lambda t: (t.term.casefold(), t.id))
        self.by_id = {t.id: t for t in self.terms}
        self._by_name = {}
        for term in self.terms:
            for name in (term.id, *term.names):
                self._by_name.setdefault(name.casefold(), term)

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, name: str) -> Term | None:
        """The term with this id, abbreviation, full name or alias (any case)."""
        return self._by_name.get(name.casefold())

    def abbreviations(self) -> set[str]:
        return {abbreviation for term in self.terms for abbreviation in term.abbreviations}

    def by_letter(self) -> dict[str, list[Term]]:
        """Terms grouped under their first letter; digits and symbols under '#'."""
        letters: dict[str, list[Term]] = {}
        for term in self.terms:
            first = term.term[0].upper()
            letters.setdefault(first if first.isalpha() else "#", []).append(term)
        return letters
