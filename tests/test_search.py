"""What search knows about each entry, from the example data (guidance/search.py)."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from guidance import load_site
from guidance.search import GROUPS, PUBLIC, normalise, record_html
from guidance.site_search import page_entry, records
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data", docs_dir=ROOT / "docs")


def test_names_and_queries_are_compared_as_lower_case_words() -> None:
    assert normalise("  Section-47 (S47)  ") == "section 47 s47"
    assert normalise("Worried about my neighbour's child?") == "worried about my neighbour s child"


def test_every_term_indicator_service_and_pack_is_a_record_at_its_anchor(site) -> None:
    found = {r.url: r for r in records(site)}
    thresholds, services = site.content["thresholds"], site.content["services"]
    packs = [url for url in found if url.startswith("briefs/packs/")]  # a theme's pack is not searched as a page
    assert len(packs) == 11 and found["briefs/packs/neglect/"].names == ("Neglect training pack", "Neglect briefing pack")
    assert len(found) == 2 + len(site.glossary) + len(thresholds.indicators) + len(services.services) + len(packs)
    term = found["glossary/#section-47-enquiry"]
    assert {"S47", "section 47"} <= set(term.names) and term.label == "Glossary term"
    assert found["thresholds/level-2/#L2-dev-03"].keywords == ("was not brought", "missed appointments", "DNA")
    assert found["public/services/#food-bank"].audience == PUBLIC
    assert all(r.group in GROUPS for r in found.values())


def test_a_record_carries_its_address_filters_and_names_for_the_indexer(site) -> None:
    html = record_html(next(r for r in records(site) if r.url == "glossary/#lado"))
    assert 'data-pagefind-meta="href:glossary/#lado"' in html
    assert 'data-pagefind-filter="group:Glossary"' in html
    assert 'data-pagefind-meta="names:local authority designated officer|lado|designated officer"' in html


def test_past_versions_the_home_page_and_opted_out_pages_are_not_searched(site) -> None:
    procedure = site.content["procedures"].by_id["rapid-reviews"]
    meta = {"title": "Rapid reviews", "procedure": procedure.id}
    assert page_entry(procedure.page, meta, site).label == "Procedure"
    assert page_entry(procedure.history_page, meta, site) is None
    assert page_entry(procedure.version_page(procedure.editions[0]), meta, site) is None
    assert page_entry("index.md", {"title": "Home"}, site) is None
    assert page_entry("search.md", {"title": "Search", "search": {"exclude": True}}, site) is None
    public = page_entry("public/staying-safe-online.md", {"title": "Staying safe online", "audience": "public"}, site)
    assert (public.group, public.audience) == ("Other pages", PUBLIC)


def test_the_search_page_offers_to_browse_only_what_the_site_has(small: Path) -> None:
    """A glossary-only partnership's search page once linked to five lists it did not have."""
    from bs4 import BeautifulSoup

    from guidance.pages import site_pages
    from guidance.render.markdown import page_url
    from guidance.render.search import SEARCH_PAGE, search_page
    from guidance.site_search import browse_links

    site = load_site(small / "data")
    html = search_page(browse_links(site)).split("---\n", 2)[2]
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select(".gl-search-browse a")]
    assert links == ["../glossary/"]
    published = {page_url(p.path) for p in site_pages(site)}
    for href in links:
        assert posixpath.normpath(posixpath.join(page_url(SEARCH_PAGE), href)) + "/" in published


@pytest.mark.parametrize("meta, keywords", [
    ({"title": "Staying safe online", "description": "How to hide that you visited this site."},
     ("How to hide that you visited this site.",)),
    ({"title": "Staying safe online", "keywords": ["clear history", "private browsing"]}, ("clear history", "private browsing")),
    ({"title": "Staying safe online", "keywords": "clear history"}, ("clear history",)),  # one, not its letters
    ({"title": "Staying safe online", "description": "", "keywords": [3, None]}, ()),
])
def test_a_written_page_answers_to_its_description_and_keywords(site, meta: dict, keywords: tuple[str, ...]) -> None:
    entry = page_entry("public/staying-safe-online.md", meta, site)
    assert entry is not None and entry.keywords == keywords
