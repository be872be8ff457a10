"""What search gets from every kind that publishes: its records, what each page is, and what to browse.

Nothing here names a kind's pages: each kind says which pages are its own (see :mod:`guidance.kind`).
"""

from __future__ import annotations

from typing import Any

from guidance.pages import publishing
from guidance.render.markdown import page_url
from guidance.search import IN_OTHER, PRACTITIONERS, PUBLIC, Entry, LeftOut, PageInfo
from guidance.site import SiteData

__all__ = ["browse_links", "page_data", "page_entry", "records"]


def records(site: SiteData) -> list[Entry]:
    """Things that share a page with others (terms, indicators, services), each its own result."""
    return site.derived("records", lambda site: [entry for kind in publishing(site) for entry in kind.search_records(site)])


def page_entry(path: str, meta: dict[str, Any], site: SiteData) -> Entry | None:
    """What search shows for the page at docs ``path``, or None to leave it out of search."""
    if path == "index.md" or (meta.get("search") or {}).get("exclude"):
        # The home page only points elsewhere; any page can opt out with front matter
        # `search: {exclude: true}` (the search page does).
        return None
    title = str(meta.get("title") or "")
    audience = PUBLIC if meta.get("audience") == "public" else PRACTITIONERS
    page = PageInfo(path, page_url(path), title, audience, meta)
    for kind in publishing(site):
        found = kind.search_entry(page, site)
        if isinstance(found, LeftOut):
            return None
        if found is not None:
            return found
    # A written page answers to what its author says it is about: its description and keywords.
    keywords = meta.get("keywords")  # a list, or one keyword written on its own
    about = [meta.get("description"), *(keywords if isinstance(keywords, list) else [keywords])]
    return Entry(page.url, title, IN_OTHER, "Page", audience, names=(title,),
                 keywords=tuple(str(a) for a in about if isinstance(a, str) and a.strip()))


def page_data(site: SiteData) -> object:
    """The data :func:`page_entry` reads besides the page itself (a rebuild compares it)."""
    return [(kind.name, kind.search_data(site)) for kind in publishing(site)]


def browse_links(site: SiteData) -> list[tuple[str, str]]:
    """Where to look without search: each publishing kind's list of everything of its kind."""
    return [kind.browse for kind in publishing(site) if kind.browse is not None]
