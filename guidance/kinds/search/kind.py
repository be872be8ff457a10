"""The search kind: ``data/search.yml``, the partnership's synonyms and relevance set.

Checked like every source: a word in two synonym groups, a repeated query and an expected page
that does not exist are errors; a synonym group that no word on the site reaches is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from guidance.errors import Problem, Severity
from guidance.kind import Kind
from guidance.kinds.search.model import SEARCH, SearchFile, SearchTuning
from guidance.search import normalise
from guidance.site import SiteData, Source

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

    def check(self, site: SiteData) -> list[Problem]:
        from guidance.lexicon import reachable, vocabulary  # the site's pages and words: every kind's

        source = site.sources[self.name][0]
        tuning = site[SEARCH]
        pages, anchors = reachable(site)
        problems = []
        for i, query in enumerate(tuning.queries):
            path, _, anchor = query.expect.partition("#")
            path = path.strip("/") + "/" if path.strip("/") else ""
            # Without docs/ (checking data/ alone) a page not made from data may be a hand-written one.
            missing = (f"{path}#{anchor}" not in anchors) if anchor else (path not in pages and site.docs_dir is not None)
            if missing:
                # A reference: while another kind's file cannot be read, its pages may be the ones missing.
                problems.append(source.document.problem(
                    ("queries", i, "expect"), f"no page or entry '{query.expect}' on the site{_near(query.expect, pages | anchors)}",
                    reference=True))
        words = vocabulary(site)
        for i, group in enumerate(tuning.synonyms):
            if not any(all(w in words for w in normalise(word).split()) for word in group):
                problems.append(source.document.problem(
                    ("synonyms", i), f"no word of {', '.join(group)} is on the site: this group finds nothing",
                    severity=Severity.WARNING))
        return problems


def _near(wrong: str, known: Iterable[str]) -> str:
    from guidance.errors import suggest

    return suggest(wrong, sorted(known))
