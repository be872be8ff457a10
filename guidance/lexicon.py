"""What the search page knows besides Pagefind's index: the site's words (to correct a misspelt
query), the partnership's synonyms, its levels of need (so "level 2" finds the level) and where a
frightened reader should go (the worried page and the emergency line).

Built from the data at each build into ``search/lexicon.json``, which ``assets/search.js`` reads
with its first search; ``assets/query.js`` is what makes sense of a query with it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

from guidance.errors import Problem, Severity, suggest
from guidance.kinds.partnership.pages import WORRIED_PAGE
from guidance.kinds.search.model import SEARCH
from guidance.kinds.thresholds.grid import THRESHOLDS, level_page
from guidance.pages import site_pages
from guidance.render.markdown import page_url
from guidance.render.search import LEXICON
from guidance.search import normalise
from guidance.site import Page, SiteData
from guidance.site_search import page_entry, records

__all__ = ["LEXICON", "lexicon", "reachable", "relevance_problems", "search_results", "unexpected", "vocabulary"]

MAX_WORDS = 12_000  # the most frequent, so that a 5,000-item site's first search stays small
_NOT_WORD = re.compile(r"[^\w']+|_")  # as query.js's normalise: letters, digits and apostrophes
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def vocabulary(site: SiteData, pages: list[Page]) -> Counter[str]:
    """Every word in what search finds by name: records' titles, names, keywords and text, and each
    page's title, description and keywords (``pages``: the generated pages, made once per build)."""
    words: Counter[str] = Counter()
    for entry in records(site):
        for text in (entry.title, *entry.names, *entry.keywords, entry.text):
            words.update(_words(text))
    for page in pages:
        head = _FRONT.match(page.markdown) if page.path.endswith(".md") else None
        if head:
            words.update(_words(head.group(1)))
    for path in _docs(site):
        head = _FRONT.match(path.read_text(encoding="utf-8"))
        words.update(_words(head.group(1) if head else ""))
    return words


def reachable(site: SiteData, generated: list[Page]) -> tuple[set[str], set[str]]:
    """Every page's address ("procedures/rapid-reviews/", "" for the home page) and every record's
    ("glossary/#lado"): what a query in the relevance set may expect."""
    pages = {page_url(p.path).strip("/") + "/" for p in generated if p.path.endswith(".md")}
    pages |= {page_url(p.relative_to(site.docs_dir).as_posix()).strip("/") + "/" for p in _docs(site)} if site.docs_dir else set()
    pages = {"" if p == "/" else p for p in pages}
    anchors = {e.url for e in records(site) if "#" in e.url}
    return pages, anchors


def search_results(site: SiteData) -> list[str]:
    """The address of everything search can show: each record, and each page search takes in."""
    found = [e.url for e in records(site)]
    pages = [(p.path, p.markdown) for p in site_pages(site) if p.path.endswith(".md")]
    pages += [(path.relative_to(site.docs_dir).as_posix(), path.read_text(encoding="utf-8")) for path in _docs(site)] if site.docs_dir else []
    for path, markdown in pages:
        head = _FRONT.match(markdown)
        meta = yaml.safe_load(head.group(1)) if head else {}
        entry = page_entry(path, meta if isinstance(meta, dict) else {}, site)
        if entry is not None:
            found.append(entry.url)
    return list(dict.fromkeys(u.lstrip("/") for u in found))


def relevance_problems(site: SiteData, pages: list[Page], words: Counter[str] | None = None) -> list[Problem]:
    """data/search.yml against the site as built: an expected page or entry that does not exist is an
    error; a synonym group no word on the site reaches is a warning. Run once the pages are made."""
    tuning = site.get(SEARCH)
    if tuning is None:
        return []
    document = site.sources[SEARCH.name][0].document
    addresses, anchors = reachable(site, pages)
    problems = []
    for i, query in enumerate(tuning.queries):
        path, _, anchor = query.expect.partition("#")
        # Without docs/ (checking data/ alone) a page not made from data may be a hand-written one.
        missing = (f"{path}#{anchor}" not in anchors) if anchor else (path not in addresses and site.docs_dir is not None)
        if missing:
            near = suggest(query.expect, sorted(addresses | anchors))
            problems.append(document.problem(("queries", i, "expect"), f"no page or entry '{query.expect}' on the site{near}"))
    words = words if words is not None else vocabulary(site, pages)
    for i, group in enumerate(tuning.synonyms):
        if not any(all(w in words for w in normalise(word).split()) for word in group):
            problems.append(document.problem(
                ("synonyms", i), f"no word of {', '.join(group)} is on the site: this group finds nothing", severity=Severity.WARNING))
    return problems


def unexpected(site: SiteData) -> tuple[list[str], int]:
    """The search results no query of the relevance set expects, and how many results there are."""
    tuning = site.get(SEARCH)
    wanted = {q.expect.lstrip("/") for q in tuning.queries} if tuning else set()
    results = search_results(site)
    return [u for u in results if u not in wanted], len(results)


def lexicon(site: SiteData, pages: list[Page], words: Counter[str] | None = None) -> str:
    """The JSON the search page reads (``words``: the :func:`vocabulary`, if made already)."""
    words = words if words is not None else vocabulary(site, pages)
    tuning = site.get(SEARCH)
    thresholds = site.get(THRESHOLDS)
    partnership = site.partnership
    data = {
        "words": dict(sorted(((w, n) for w, n in words.most_common(MAX_WORDS) if len(w) > 2), key=lambda x: x[0])),
        "synonyms": [[normalise(w) for w in group] for group in tuning.synonyms] if tuning else [],
        "levels": [
            {"id": str(level.id), "name": level.name, "url": page_url(level_page(level))}
            for level in (thresholds.levels.values() if thresholds else [])
        ],
        "worried": page_url(WORRIED_PAGE) if partnership.worried else None,
        "emergency": partnership.emergency,
        # How many things search can find: how rare a word is, is how few of them have it.
        "entries": len(records(site)) + sum(1 for p in pages if p.path.endswith(".md")),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@lru_cache(maxsize=65536)  # `guidance serve` counts the same texts after every edit
def _words(text: str) -> tuple[str, ...]:
    text = re.sub(r"'s\b", "", text.lower().replace("’", "'").replace("‘", "'"))  # as query.js: the possessive goes
    words = _NOT_WORD.sub(" ", text).split()
    return tuple(w.strip("'") for w in words if w.strip("'") and not w.isdigit())


def _docs(site: SiteData) -> list[Path]:
    return sorted(site.docs_dir.rglob("*.md")) if site.docs_dir and site.docs_dir.is_dir() else []
