"""Every page generated from data, from every kind."""

from __future__ import annotations

from typing import Sequence

from .kinds import KINDS, Kind
from .site import Page, SiteData

__all__ = ["site_pages"]


def site_pages(site: SiteData, kinds: Sequence[Kind] = KINDS) -> list[Page]:
    return [page for kind in kinds if kind.name in site.content for page in kind.pages(site)]
