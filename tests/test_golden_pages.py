"""Golden snapshots: one page of every type, as a reader meets it (its title, then each block of
its article as text, links with their addresses), compared with tests/golden/.

A change to one page type can break another's: a wrapper added for search once blanked the
printed decision record. Any change to what a page says or links shows here as a diff. When the
change is meant, rewrite the snapshots with ``GUIDANCE_UPDATE_GOLDEN=1 ./dev test tests/test_golden_pages.py``
and review the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

GOLDEN = Path(__file__).parent / "golden"

PAGE_TYPES = {
    "home": "index.html",
    "public-index": "public/index.html",
    "worried": "public/worried-about-a-child/index.html",
    "services": "public/services/index.html",
    "service-need": "public/services/money/index.html",
    "open-24-hours": "public/services/open-24-hours/index.html",
    "staying-safe-online": "public/staying-safe-online/index.html",
    "plain-english-glossary": "glossary/plain-english/index.html",
    "glossary": "glossary/index.html",
    "practitioners": "practitioners/index.html",
    "thresholds": "thresholds/index.html",
    "level": "thresholds/level-3/index.html",
    "levels-matrix": "thresholds/matrix/index.html",
    "finder": "thresholds/finder/index.html",
    "flows": "flows/index.html",
    "flow": "flows/notify-the-panel/index.html",
    "flow-version": "flows/notify-the-panel/v1/index.html",
    "procedures": "procedures/index.html",
    "procedure": "procedures/notifying-serious-incidents/index.html",
    "procedure-version": "procedures/notifying-serious-incidents/v2/index.html",
    "procedure-history": "procedures/notifying-serious-incidents/history/index.html",
    "procedure-changes": "procedures/notifying-serious-incidents/v3-changes/index.html",
    "whats-changed": "procedures/changes/index.html",
    "as-at": "procedures/as-at/index.html",
    "briefs": "briefs/index.html",
    "brief": "briefs/child-b-2025/index.html",
    "themes": "briefs/themes/index.html",
    "theme": "briefs/themes/escalation/index.html",
    "theme-pack": "briefs/packs/escalation/index.html",
    "reviews-matrix": "briefs/matrix/index.html",
    "recommendations": "briefs/recommendations/index.html",
    "search": "search/index.html",
    "feeds": "feeds/index.html",
    "about": "about/index.html",
    "accessibility": "about/accessibility/index.html",
    "not-found": "404.html",
}

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "caption", "summary", "legend",
           "label", "button", "figcaption", "pre", "option", "textarea"}


def _inline(node: Tag | NavigableString) -> str:
    if isinstance(node, NavigableString):
        return str(node)
    if node.name in _BLOCKS or node.name in ("script", "style", "svg"):
        return " "
    text = "".join(_inline(child) for child in node.children)
    if node.name == "a" and node.get("href"):
        return f"[{' '.join(text.split())}]({node['href']})"
    return text


def outline(page_html: str) -> str:
    """The page as lines: its title, then each block of its article, ``tag: text``."""
    soup = BeautifulSoup(page_html, "html.parser")
    lines = [f"title: {soup.title.get_text(strip=True) if soup.title else ''}"]
    article = soup.find("article")
    assert article is not None
    for block in article.find_all(sorted(_BLOCKS)):
        text = " ".join("".join(_inline(child) for child in block.children).split())
        hidden = " (hidden)" if block.find_parent(attrs={"hidden": True}) or block.has_attr("hidden") else ""
        if text:
            lines.append(f"{block.name}{hidden}: {text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_each_page_type_matches_its_snapshot(built_site: Path, name: str) -> None:
    found = outline((built_site / PAGE_TYPES[name]).read_text(encoding="utf-8"))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("GUIDANCE_UPDATE_GOLDEN"):
        golden.write_text(found, encoding="utf-8")
    assert golden.exists(), f"no snapshot for {name}: run with GUIDANCE_UPDATE_GOLDEN=1 and review it"
    expected = golden.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), found.splitlines(), "snapshot", "built", lineterm=""))
    assert found == expected, f"{PAGE_TYPES[name]} changed:\n{diff}"


def test_every_snapshot_is_of_a_page_type_still_listed() -> None:
    assert {p.stem for p in GOLDEN.glob("*.txt")} == set(PAGE_TYPES)
