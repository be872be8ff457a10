"""The search kind: ``data/search.yml``, the partnership's synonyms and relevance set.

Checked like every source: a word in two synonym groups and a repeated query are errors here; an
expected page that does not exist (an error) and a synonym group no word on the site reaches (a
warning) are found once the pages are made (guidance/lexicon.py's relevance_problems).
"""

from __future__ import annotations

from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.search.model import SEARCH, SearchFile, SearchTuning
from guidance.search import normalise
from guidance.site import Source

__all__ = ["SearchKind"]


class SearchKind(Kind):
    name = SEARCH.name
    patterns = ("search.yml",)
    model = SearchFile
    required = False
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[SearchTuning, list[Problem]]:
        document, data = sources[0].document, sources[0].model
        problems: list[Problem] = []
        group_of: dict[str, int] = {}
        for i, group in enumerate(data.synonyms):
            if len(group) < 2:
                problems.append(document.problem(("synonyms", i), f"expected at least two words that mean the same, got {len(group)}"))
            for j, word in enumerate(group):
                key = normalise(word)
                if key in group_of:
                    where = "earlier in this group" if group_of[key] == i else f"in synonyms[{group_of[key]}]"
                    problems.append(document.problem(("synonyms", i, j), f"duplicate synonym '{word}' (given {where})"))
                group_of.setdefault(key, i)
        seen: dict[str, int] = {}
        for i, query in enumerate(data.queries):
            key = normalise(query.query)
            if key in seen:
                problems.append(document.problem(("queries", i, "query"), f"duplicate query '{query.query}' (given at queries[{seen[key]}])"))
            seen.setdefault(key, i)
        return SearchTuning([list(g) for g in data.synonyms], list(data.queries)), problems
