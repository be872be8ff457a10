"""The glossary: terms practitioners use, each with a plain-English meaning for the public."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from guidance.citation import Citation
from guidance.fields import Day, Id, Strict, Text, first_sentence

__all__ = ["GlossaryFile", "Term"]

Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9&/.'-]*[A-Z0-9][A-Za-z0-9&/.'-]*$")]


class Term(Strict):
    id: Id = Field(description="Stable id: the term's anchor. Never change it once published.")
    term: Text = Field(description="The term as it is written in full, e.g. 'Child safeguarding practice review'.")
    abbreviations: list[Abbreviation] = Field(
        default_factory=list, description="Short forms written in capitals, e.g. 'CSPR'. Matched case-sensitively."
    )
    aliases: list[Text] = Field(default_factory=list, description="Other names practitioners use for the same thing.")
    definition: Text = Field(description="The definition for practitioners. Markdown is allowed.")
    plain: Text = Field(description="The meaning in plain English for parents and the public (reading age 9-11).")
    short: Text | None = Field(None, description="Tooltip text; by default the definition's first sentence.")
    source: Citation = Field(description="The statute or guidance the term comes from.")
    related: list[Id] = Field(default_factory=list, description="Ids of related glossary terms.")
    reviewed: Day | None = Field(None, description="When the definition was last checked against its source (YYYY-MM-DD).")
    match: Literal["exact"] | None = Field(
        None,
        description="'exact': link the name and aliases only as written (case included), for a name that is also "
        "an everyday phrase. Names with a capital after the first letter ('Working Together') are always exact.",
    )

    @property
    def summary(self) -> str:
        return self.short or first_sentence(self.definition)

    @property
    def plain_summary(self) -> str:
        return first_sentence(self.plain)

    @property
    def names(self) -> list[str]:
        """Every way the term is written: full name, abbreviations, aliases."""
        return [self.term, *self.abbreviations, *self.aliases]

    @property
    def heading(self) -> str:
        return f"{self.term} ({', '.join(self.abbreviations)})" if self.abbreviations else self.term


class GlossaryFile(Strict):
    """``data/glossary.yml``, or each file in ``data/glossary/``."""

    terms: list[Term] = Field(description="The terms, in any order: pages sort them A to Z.")
