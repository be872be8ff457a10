"""Golden snapshots of what the example's data becomes before the engine sees it: every generated
page's Markdown, by kind, and every search entry (records, and what each generated page is to search).

A refactor that changes output shows here as a diff, kind by kind. When a change is meant, rewrite
them with ``GUIDANCE_UPDATE_GOLDEN=1 ./dev test tests/test_golden_sources.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from guidance import SiteData, load_site
from guidance.pages import publishing
from guidance.render.markdown import page_url
from guidance.search import Entry
from guidance.site_search import page_entry, records
from tests.helpers import EXAMPLE_TODAY, ROOT

GOLDEN = Path(__file__).parent / "golden" / "sources"


@pytest.fixture(scope="module")
def site() -> SiteData:
    before = os.environ.get("GUIDANCE_TODAY")
    os.environ["GUIDANCE_TODAY"] = EXAMPLE_TODAY
    try:
        return load_site(ROOT / "data")
    finally:
        if before is None:
            del os.environ["GUIDANCE_TODAY"]
        else:
            os.environ["GUIDANCE_TODAY"] = before


def _compare(name: str, found: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("GUIDANCE_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(found, encoding="utf-8")
    assert golden.exists(), f"no snapshot {name}: run with GUIDANCE_UPDATE_GOLDEN=1 and review it"
    expected = golden.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), found.splitlines(), "snapshot", "now", lineterm=""))
    assert found == expected, f"{name} changed:\n{diff[:20000]}"


def _kinds(site: SiteData) -> list[str]:
    return [kind.name for kind in publishing(site) if kind.pages(site)]


def test_snapshots_cover_every_kind_with_pages(site: SiteData) -> None:
    expected = {f"{name}.md" for name in _kinds(site)} | {"search.txt"}
    assert {p.name for p in GOLDEN.glob("*")} == expected


@pytest.mark.parametrize("kind", ["partnership", "glossary", "thresholds", "procedures", "flows", "briefs", "services"])
def test_generated_markdown_of_each_kind_matches_its_snapshot(site: SiteData, kind: str) -> None:
    found = next(k for k in publishing(site) if k.name == kind).pages(site)
    text = "".join(f"===== {page.path}\n{page.markdown.rstrip()}\n" for page in found if page.path.endswith(".md"))
    scripts = [page.path for page in found if not page.path.endswith(".md")]
    _compare(f"{kind}.md", text + "".join(f"===== {path} (script, not compared)\n" for path in scripts))


def _line(entry: Entry) -> str:
    return " | ".join([entry.url, entry.title, entry.group, entry.label, entry.audience,
                       "; ".join(entry.names), "; ".join(entry.keywords), " ".join(entry.text.split())])


def test_search_entries_match_their_snapshot(site: SiteData) -> None:
    lines = ["# records"] + [_line(e) for e in records(site)] + ["# pages"]
    for kind in publishing(site):
        for page in kind.pages(site):
            if page.path.endswith(".md"):
                meta = _front_matter(page.markdown)
                entry = page_entry(page.path, meta, site)
                lines.append(_line(entry) if entry else f"/{page_url(page.path)} | left out")
    _compare("search.txt", "\n".join(lines) + "\n")


def _front_matter(markdown: str) -> dict[str, object]:
    from properdocs.utils.meta import get_data

    return get_data(markdown)[1]
