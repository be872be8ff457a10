"""How to follow the site's feeds: one page, behind every feed link, that says what a feed is and
gives each feed's address to copy. A feed opened in a browser is raw XML with no explanation."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from guidance.render.markdown import escape, front_matter, html_text, link, relative_to_page

__all__ = ["FEEDS_PAGE", "Feed", "feed_anchor", "feeds", "feeds_page"]

FEEDS_PAGE = "feeds.md"
_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Feed:
    path: str  # e.g. procedures/changes.xml
    title: str
    subtitle: str


def feed_anchor(path: str) -> str:
    """The feed's section on the feeds page: 'procedures/changes.xml' -> 'procedures-changes'."""
    return re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".xml").lower()).strip("-")


def feed_link(text: str, path: str, page: str) -> str:
    """A link to how to follow the feed at ``path``, from ``page``."""
    return link(text, f"{relative_to_page(FEEDS_PAGE, page)}#{feed_anchor(path)}")


def feeds(pages: list[tuple[str, str]]) -> list[Feed]:
    """The Atom feeds among generated pages (path, content), with their own titles."""
    found = [Feed(path, *_titles(content, path)) for path, content in pages if path.endswith(".xml")]
    return sorted(found, key=lambda f: f.path)


@functools.lru_cache(maxsize=64)  # `guidance serve` asks after every edit; most feeds are unchanged
def _titles(content: str, path: str) -> tuple[str, str]:
    root = ET.fromstring(content)
    return root.findtext(f"{_ATOM}title", path), root.findtext(f"{_ATOM}subtitle", "")


def feeds_page(found: list[Feed], home: str) -> str:
    parts = [
        front_matter(title="Follow changes with a feed", description="How to hear about new guidance and briefings without signing up."),
        "# Follow changes with a feed\n",
        "A feed tells you when something new is published here: no email, no account, and nobody learns "
        "that you follow it. You need a feed reader. This is an app or website that collects feeds; "
        "Microsoft Outlook has one too, under RSS Feeds.\n",
        "To follow a feed, copy its address below and add it to your feed reader.\n",
    ]
    for feed in found:
        address = home + feed.path
        parts += [
            f"## {escape(feed.title)} {{ #{feed_anchor(feed.path)} }}\n",
            f"{escape(feed.subtitle)}\n" if feed.subtitle else "",
            f"Address to copy: <code>{html_text(address)}</code>\n",
            f"{link('Open the feed itself', relative_to_page(feed.path, FEEDS_PAGE))} (it is written for feed readers, "
            "so your browser may show it as code).\n",
        ]
    return "\n".join(parts)
