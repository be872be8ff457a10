"""Every page generated from data, from every kind, and where the navigation lists them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from guidance.kind import Kind
from guidance.kinds.briefs.collection import BRIEFS_INDEX
from guidance.kinds.partnership.pages import ACCESSIBILITY_PAGE, WORRIED_PAGE
from guidance.kinds.services.pages import SERVICES_INDEX
from guidance.reads import Reuse, made
from guidance.registry import KINDS
from guidance.render.markdown import page_url
from guidance.site import Page, SiteData

# Links every page keeps at its foot, and where the "page not found" page sends people. A link
# is kept only if its page exists: a partnership may leave out services, briefs or the statement.
FOOTER_LINKS = (
    ("Worried about a child?", WORRIED_PAGE),
    ("Staying safe online", "public/staying-safe-online.md"),
    ("Accessibility statement", ACCESSIBILITY_PAGE),
)
LOST_LINKS = (
    ("Worried about a child?", WORRIED_PAGE),
    ("Find help for your family", SERVICES_INDEX),
    ("Guidance for people who work with children", "practitioners/index.md"),
    ("Learning from reviews", BRIEFS_INDEX),
)

__all__ = ["FOOTER_LINKS", "LOST_LINKS", "extend_nav", "publishing", "site_links", "site_nav", "site_pages"]


def site_pages(site: SiteData, kinds: Sequence[Kind] = KINDS, reuse: Reuse | None = None) -> list[Page]:
    """Every kind's pages; in ``guidance serve`` (``reuse``) a kind's pages are made again only
    when what they are made from has changed (guidance/reads.py)."""
    return [page for kind in publishing(site, kinds) for page in made(reuse, f"pages:{kind.name}", site, kind.pages)]


def publishing(site: SiteData, kinds: Sequence[Kind] = KINDS) -> list[Kind]:
    """The kinds that have data in ``site``, in the order their pages are listed."""
    return [kind for kind in kinds if kind.name in site.content]


def site_nav(nav: list[Any] | None, site: SiteData, kinds: Sequence[Kind] = KINDS) -> None:
    """Add each kind's entries to mkdocs.yml's nav, after the kind's index page wherever it is listed.
    A kind the nav does not list yet (sources added with ``guidance new``) gets a section at the end."""
    for kind in kinds:
        if not nav or kind.name not in site.content:
            continue
        entries = kind.nav(site) if kind.index_page else []
        if kind.index_page and extend_nav(nav, kind.index_page, entries):
            continue
        if kind.browse and not _listed(nav, kind.browse[1]):
            title, page = kind.browse
            nav.append({title: [page, *entries]} if entries else {title: page})


def _listed(nav: list[Any], page: str) -> bool:
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if value == page or (isinstance(value, list) and _listed(value, page)):
            return True
    return False


def extend_nav(nav: list[Any], index_page: str, entries: list[Any]) -> bool:
    """Insert ``entries`` after ``index_page`` in the section (list) that holds it. False if absent."""
    for i, item in enumerate(nav):
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if value == index_page:
            nav[i + 1 : i + 1] = [e for e in entries if e not in nav]
            return True
        if isinstance(value, list) and extend_nav(value, index_page, entries):
            return True
    return False


def site_links(links: Sequence[tuple[str, str]], pages: set[str]) -> list[dict[str, str]]:
    """Those of ``links`` (title, docs path) whose page exists, as title and URL path for templates."""
    return [{"title": title, "url": page_url(path)} for title, path in links if path in pages]
