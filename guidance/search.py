"""What search knows about each thing on the site, taken from the data as well as the page.

Search sees two kinds of entry:

* **pages**: rendered pages, indexed from their HTML. :func:`page_entry` says what each one is
  (a procedure, a flowchart, a brief...), who it is for, and what it is called and about beyond
  its own words: a procedure's ``keywords``, a brief's review and themes. Past versions and
  comparisons are left out: search finds the guidance in force.
* **records**: things that share a page with others (glossary terms, threshold indicators,
  services). :func:`records` makes each its own result, at its anchor, with its aliases,
  abbreviations, keywords and needs.

``names`` are what a thing is called (a term, its abbreviations and aliases; a page's title);
``keywords`` are words people search with for it. The search page ranks a result whose name is
exactly the query first, then one with that exact keyword (see ``assets/search.js``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from guidance.kinds.glossary.pages import GLOSSARY_PAGE, PLAIN_PAGE
from guidance.kinds.services.pages import SERVICES_INDEX
from guidance.kinds.thresholds.grid import level_page
from guidance.render.markdown import page_url
from guidance.site import SiteData

__all__ = ["AUDIENCES", "GROUPS", "Entry", "index_head", "normalise", "page_entry", "record_html", "records", "tags"]

GLOSSARY, PROCEDURES, LEVELS, FLOWS, BRIEFS, SERVICES, OTHER = (
    "Glossary", "Procedures", "Levels of need", "Flowcharts", "Learning briefs", "Help and services", "Other pages",
)
GROUPS = (GLOSSARY, PROCEDURES, LEVELS, FLOWS, BRIEFS, SERVICES, OTHER)  # the order of the filter
PRACTITIONERS, PUBLIC = "Practitioners", "The public"
AUDIENCES = (PRACTITIONERS, PUBLIC)

# Pages that only list records: search finds their entries, and the page as a record of its own.
_LISTS = {GLOSSARY_PAGE, PLAIN_PAGE}


@dataclass(frozen=True)
class Entry:
    url: str  # site path: "procedures/rapid-reviews/", "glossary/#lado"
    title: str
    group: str  # one of GROUPS: what the search can be narrowed to
    label: str  # what the result is, shown with it: "Glossary term", "Threshold indicator (level 4)"
    audience: str  # one of AUDIENCES
    names: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    text: str = ""  # records only: the words to search (a page's words are its HTML)


def normalise(text: str) -> str:
    """Lower case, words only: how names and the query are compared (``search.js`` does the same)."""
    return " ".join(re.sub(r"[^\w]+|_", " ", text.lower()).split())


def records(site: SiteData) -> list[Entry]:
    return [*_glossary(site), *_indicators(site), *_services(site)]


def _glossary(site: SiteData) -> list[Entry]:
    if "glossary" not in site.content:
        return []
    glossary = page_url(GLOSSARY_PAGE)
    terms = [
        Entry(
            f"{glossary}#{t.id}", t.term, GLOSSARY, "Glossary term", PRACTITIONERS,
            names=tuple(t.names), text=f"{t.definition}\n{t.plain}",
        )
        for t in site.glossary.terms
    ]
    lists = [
        Entry(glossary, "Glossary: words used in safeguarding", GLOSSARY, "Glossary", PRACTITIONERS,
              names=("glossary", "jargon buster")),
        Entry(page_url(PLAIN_PAGE), "Words we use, explained", GLOSSARY, "Glossary in plain English", PUBLIC,
              names=("words we use explained", "plain english glossary", "jargon buster")),
    ]
    return lists + terms


def _indicators(site: SiteData) -> list[Entry]:
    t = site.content.get("thresholds")
    if t is None:
        return []
    return [
        Entry(
            f"{page_url(level_page(t.levels[str(i.level)]))}#{i.id}", i.text, LEVELS,
            f"Threshold indicator (level {i.level})", PRACTITIONERS,
            keywords=tuple(i.keywords),
            text=f"{t.label(t.levels[str(i.level)])}. {t.domains[i.domain].name}.",
        )
        for i in t.source.indicators
    ]


def _services(site: SiteData) -> list[Entry]:
    services = site.content.get("services")
    if services is None:
        return []
    where = page_url(SERVICES_INDEX)
    return [
        Entry(
            f"{where}#{s.id}", s.name, SERVICES, "Service", PUBLIC,
            names=(s.name,), keywords=tuple(services.needs[n].name for n in s.needs),
            text=f"{s.who} {s.offers}",
        )
        for s in services.services
    ]


def page_entry(path: str, meta: dict[str, Any], site: SiteData) -> Entry | None:
    """What search shows for the page at docs ``path``, or None to leave it out of search."""
    if path == "index.md" or path in _LISTS or (meta.get("search") or {}).get("exclude"):
        # The home page only points elsewhere; a glossary's terms are records of their own; any
        # page can opt out with front matter `search: {exclude: true}` (the search page does).
        return None
    title = str(meta.get("title") or "")
    audience = PUBLIC if meta.get("audience") == "public" else PRACTITIONERS
    url = page_url(path)
    if "procedure" in meta:
        p = site.content["procedures"].by_id[meta["procedure"]]
        if path != p.page:
            return None  # past versions, comparisons and the history are reached from the procedure
        return Entry(url, title, PROCEDURES, "Procedure", audience, names=(title,), keywords=tuple(p.source.keywords))
    if "flow" in meta:
        flow = site.content["flows"][meta["flow"]]
        if path != flow.page:
            return None  # past versions are reached from the flow, as a procedure's are
        return Entry(url, title, FLOWS, "Flowchart", audience, names=(title,), keywords=tuple(flow.source.keywords))
    if "brief" in meta:
        b = site.content["briefs"].by_id[meta["brief"]]
        themes = site.content.get("themes") or {}
        about = (b.review.child, "7-minute briefing", "learning brief", *(themes[t].name for t in b.themes if t in themes))
        return Entry(url, title, BRIEFS, "Learning brief", audience, names=(title, f"{b.review.child} review"), keywords=about)
    if path.startswith("briefs/"):
        return Entry(url, title, BRIEFS, "Learning from reviews", audience, names=(title,))
    if path == "thresholds/index.md":
        return Entry(url, title, LEVELS, "Levels of need", audience, names=(title, "levels of need", "thresholds"))
    if path.startswith("thresholds/"):
        return Entry(url, title, LEVELS, "Levels of need", audience, names=(title,))
    if path.startswith("public/services/"):
        services = site.content.get("services")
        need = services.needs.get(path.removeprefix("public/services/").removesuffix(".md")) if services else None
        return Entry(url, title, SERVICES, "Help and services", audience, names=(title, *([need.name] if need else [])))
    return Entry(url, title, OTHER, "Page", audience, names=(title,))


def page_data(site: SiteData) -> object:
    """The data :func:`page_entry` reads besides the page itself (a rebuild compares it)."""
    content = site.content
    return (
        [(p.id, p.page, p.source.keywords) for p in content["procedures"]] if "procedures" in content else [],
        [(f.id, f.source.keywords) for f in content["flows"].values()] if "flows" in content else [],
        [(t, th.name) for t, th in (content.get("themes") or {}).items()],
        [(n, need.name) for n, need in content["services"].needs.items()] if "services" in content else [],
    )


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
    return (
        tags(entry)
        + f'<p hidden data-pagefind-weight="7">{e(" · ".join(entry.names))}</p>'
        + f'<p hidden data-pagefind-weight="5">{e(" · ".join(entry.keywords))}</p>'
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
