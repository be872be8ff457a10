"""What search knows about each thing on the site, taken from the data as well as the page.

Search sees two kinds of entry:

* **pages**: rendered pages, indexed from their HTML. Each kind says what its pages are
  (a procedure, a flowchart, a brief...), who it is for, and what it is called and about beyond
  its own words: a procedure's ``keywords``, a brief's review and themes. Past versions and
  comparisons are left out: search finds the guidance in force.
* **records**: things that share a page with others (glossary terms, threshold indicators,
  services). Each kind makes each its own result, at its anchor, with its aliases,
  abbreviations, keywords and needs.

``names`` are what a thing is called (a term, its abbreviations and aliases; a page's title);
``keywords`` are words people search with for it. The search page ranks a result whose name is
exactly the query first, then one with that exact keyword (see ``assets/search.js``).

This module is the shared shape; each kind makes its own entries (``Kind.search_records`` and
``Kind.search_entry``) and :mod:`guidance.site_search` gathers them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["AUDIENCES", "GROUPS", "LEFT_OUT", "Entry", "LeftOut", "PageInfo", "index_head", "normalise", "record_html", "tags"]

# What a search can be narrowed to: each kind files its entries under one of these.
IN_GLOSSARY, IN_PROCEDURES, IN_LEVELS, IN_FLOWS, IN_BRIEFS, IN_SERVICES, IN_OTHER = (
    "Glossary", "Procedures", "Levels of need", "Flowcharts", "Learning briefs", "Help and services", "Other pages",
)
GROUPS = (IN_GLOSSARY, IN_PROCEDURES, IN_LEVELS, IN_FLOWS, IN_BRIEFS, IN_SERVICES, IN_OTHER)  # the order of the filter
PRACTITIONERS, PUBLIC = "Practitioners", "The public"
AUDIENCES = (PRACTITIONERS, PUBLIC)



@dataclass(frozen=True)
class PageInfo:
    """A rendered page as search first meets it: where it is, what it is called, who it is for."""

    path: str  # in docs/: "procedures/rapid-reviews/index.md"
    url: str  # on the site: "procedures/rapid-reviews/"
    title: str
    audience: str  # one of AUDIENCES
    meta: dict[str, Any]


class LeftOut:
    """A kind's answer for one of its pages that search leaves out (a past version, a list of records)."""


LEFT_OUT = LeftOut()


@dataclass(frozen=True)
class Entry:
    url: str  # site path: "procedures/rapid-reviews/", "glossary/#lado"
    title: str
    group: str  # one of GROUPS: what the search can be narrowed to
    label: str  # what the result is, shown with it: "Glossary term", "Threshold indicator (level 4)"
    audience: str  # one of AUDIENCES
    names: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    text: str = ""  # a record's words to search, or a listing's description (a page's words are its HTML)
    # A page that lists what search finds on its own (every procedure, every brief on a theme): found
    # by its names and description only, not by every word of everything it lists.
    listing: bool = False


def normalise(text: str) -> str:
    """Lower case, words only: how names and the query are compared (``search.js`` does the same)."""
    return " ".join(re.sub(r"[^\w]+|_", " ", text.lower()).split())


def record_html(entry: Entry) -> str:
    """A record as a small HTML document for the indexer, with its address on the site (``href``):
    the indexer only knows the file it was given."""
    e = html.escape
    return (
        f'<html lang="en"><body><main data-pagefind-body>{index_head(entry)}'
        f'<span data-pagefind-meta="{e(f"href:{entry.url}", quote=True)}"></span>'
        f"<h1>{e(entry.title)}</h1><p>{e(entry.text)}</p></main></body></html>"
    )


def index_head(entry: Entry) -> str:
    """What goes first inside an entry's indexed element, for a record or a page (the theme puts
    it before the page's content): its filters and details, and its names and keywords as
    hidden, weighted text."""
    e = html.escape
    listing = (
        f'<span data-pagefind-meta="{e(f"title:{entry.title}", quote=True)}"></span><p hidden>{e(entry.text)}</p>'
        if entry.listing else ""  # its heading is not indexed with its list: the title is said here
    )
    return (
        tags(entry)
        + f'<p hidden data-pagefind-weight="7">{e(" · ".join(entry.names))}</p>'
        + f'<p hidden data-pagefind-weight="5">{e(" · ".join(entry.keywords))}</p>'
        + listing
    )


def tags(entry: Entry) -> str:
    """Empty elements that give the indexer an entry's filters and details, one key each."""
    names = "|".join(normalise(n) for n in entry.names)
    keywords = "|".join(normalise(k) for k in entry.keywords)
    filters = {"group": entry.group, "audience": entry.audience}
    meta = {"label": entry.label, "audience": entry.audience, "names": names, "keywords": keywords}
    return "".join(
        [f'<span data-pagefind-filter="{html.escape(f"{k}:{v}", quote=True)}"></span>' for k, v in filters.items()]
        + [f'<span data-pagefind-meta="{html.escape(f"{k}:{v}", quote=True)}"></span>' for k, v in meta.items()]
    )
