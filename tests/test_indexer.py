"""The search index, written by Pagefind's real binary through guidance/indexer.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidance.indexer import IndexFailed, SiteIndex
from guidance.search import PRACTITIONERS, Entry

PAGE = '<html lang="en"><body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>'


def test_pages_and_records_sent_during_a_build_are_written_at_the_end(tmp_path: Path) -> None:
    index = SiteIndex()
    index.add_records([Entry("glossary/#cspr", "Child safeguarding practice review", "glossary", "Glossary term",
                             PRACTITIONERS, text="A review of a serious case.")])
    index.add_page(PAGE.format(title="Rapid reviews", text="Within 15 working days."), "/procedures/rapid-reviews/")
    index.add_page(PAGE.format(title="Early help", text="Help before problems grow."), "/procedures/early-help/")
    files = index.write(tmp_path)

    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3
    offline = json.loads((tmp_path / "pagefind/offline.json").read_text())
    assert offline["files"] == files and "pagefind/pagefind.js" in files
    assert offline["bytes"] == sum((tmp_path / f).stat().st_size for f in files)
    assert not list((tmp_path / "pagefind").glob("pagefind-ui.*"))  # our own search page, not Pagefind's


def test_a_service_that_stops_fails_with_a_message_and_no_traceback(tmp_path: Path,
                                                                   capfd: pytest.CaptureFixture[str]) -> None:
    index = SiteIndex()
    index.close(abandon=True)  # as if the binary had died mid-build
    index.add_page(PAGE.format(title="Lost", text="Never indexed."), "/lost/")
    with pytest.raises(IndexFailed, match="Pagefind stopped"):
        index.write(tmp_path)
    assert "Traceback" not in capfd.readouterr().err
    assert not (tmp_path / "pagefind").exists()


def test_pagefind_is_sent_each_page_body_whole_and_nothing_it_would_not_index(built_site: Path) -> None:
    """Pagefind reads only the element marked data-pagefind-body: each page is sent as its
    language, its title and that element (the head and the navigation are about half of what pages weigh)."""
    from bs4 import BeautifulSoup

    from guidance.indexer import searched

    pages = [p for p in built_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert len(pages) > 50
    sizes = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        sent = searched(html)
        sizes.append((len(sent), len(html)))
        whole, part = (BeautifulSoup(h, "html.parser") for h in (html, sent))
        assert part.html is not None and part.html.get("lang") == whole.html.get("lang") == "en-GB"
        assert part.title is not None and whole.title is not None and part.title.string == whole.title.string
        bodies = [(b.get_text(), [e.get("id") for e in b.find_all(id=True)]) for b in whole.select("[data-pagefind-body]")]
        assert [(b.get_text(), [e.get("id") for e in b.find_all(id=True)]) for b in part.select("[data-pagefind-body]")] == bodies, path
    assert sum(s for s, _ in sizes) < sum(h for _, h in sizes) / 2
