"""Every page generated from data, from every kind, and where the navigation lists them."""

from __future__ import annotations

from typing import Any, Sequence

from .kinds import KINDS, Kind
from .site import Page, SiteData

__all__ = ["extend_nav", "site_nav", "site_pages"]


def site_pages(site: SiteData, kinds: Sequence[Kind] = KINDS) -> list[Page]:
    return [page for kind in kinds if kind.name in site.content for page in kind.pages(site)]


def site_nav(nav: list[Any] | None, site: SiteData, kinds: Sequence[Kind] = KINDS) -> None:
    """Add each kind's entries to mkdocs.yml's nav, after the kind's index page wherever it is listed."""
    for kind in kinds:
        if nav and kind.index_page and kind.name in site.content:
            extend_nav(nav, kind.index_page, kind.nav(site))


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
