"""``data/search.yml``: words that mean the same to the people who search, and the queries the
search is measured against (each with who would type it and what kind of query it is)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from guidance.fields import SITE_PATH_PATTERN, Strict, Text
from guidance.site import Key

__all__ = ["SEARCH", "RelevanceQuery", "SearchFile", "SearchTuning"]

Audience = Literal["practitioner", "trainer", "parent", "young person"]
QueryClass = Literal["title", "abbreviation", "question", "situation", "misspelling", "everyday need"]


# A site address: folders ending in "/", then an entry's "#anchor" if the result is one entry on a page.
SitePath = Annotated[str, StringConstraints(pattern=SITE_PATH_PATTERN)]


class RelevanceQuery(Strict):
    query: Text = Field(description="What a person types, in their words: never reworded to suit the engine.")
    expect: SitePath = Field(description="The page that person needs first, as a site path: 'glossary/#lado', 'public/services/money/'.")
    audience: Audience = Field(description="Who would type it: practitioner, trainer, parent or young person.")
    kind: QueryClass = Field(alias="class", description="title, abbreviation, question, situation, misspelling or everyday need.")


class SearchFile(Strict):
    """``data/search.yml``."""

    synonyms: list[list[Text]] = Field(
        default_factory=list,
        description="Groups of words or phrases that mean the same to searchers, e.g. [teenager, teen, young person]: "
        "a search for one also finds the others.",
    )
    queries: list[RelevanceQuery] = Field(default_factory=list, description="The relevance set: what people type and the page they need.")


class SearchTuning:
    def __init__(self, synonyms: list[list[str]], queries: list[RelevanceQuery]):
        self.synonyms, self.queries = synonyms, queries


SEARCH: Key[SearchTuning] = Key("search")
