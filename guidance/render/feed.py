"""An Atom feed (RFC 4287) of published changes, so trainers and leads can follow them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from guidance.render.markdown import page_url

__all__ = ["FeedEntry", "atom_feed"]

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    key: str  # permanent, e.g. 'procedure/early-help/3'
    title: str
    page: str  # docs path the entry links to
    updated: date
    summary: str


def atom_feed(entries: list[FeedEntry], *, title: str, author: str, feed: str, page: str, site_url: str | None) -> str:
    """The feed at docs path ``feed``. Links are absolute when the site's address is known,
    otherwise relative to the feed, which feed readers resolve against where they fetched it."""

    def url(target: str) -> str:
        path = page_url(target) if target.endswith(".md") else target
        if site_url:
            return site_url.rstrip("/") + "/" + path
        relative = posixpath.relpath(path or ".", posixpath.dirname(feed) or ".")
        return relative + "/" if path.endswith("/") else relative

    authority = urlsplit(site_url).hostname if site_url else "guidance.invalid"
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _add(root, "title", title)
    _add(root, "id", f"tag:{authority},2024:{feed}")
    newest = max((e.updated for e in entries), default=date(2000, 1, 1))
    _add(root, "updated", _stamp(newest))
    ET.SubElement(_add(root, "author"), f"{{{ATOM}}}name").text = author
    _add(root, "link", rel="self", type="application/atom+xml", href=url(feed))
    _add(root, "link", rel="alternate", type="text/html", href=url(page))
    for e in entries:
        entry = _add(root, "entry")
        _add(entry, "title", e.title)
        _add(entry, "id", f"tag:{authority},2024:{e.key}")
        _add(entry, "updated", _stamp(e.updated))
        _add(entry, "link", rel="alternate", type="text/html", href=url(e.page))
        _add(entry, "summary", e.summary)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _add(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
