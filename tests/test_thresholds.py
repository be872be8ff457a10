"""Thresholds: validation messages, the domain object, and the built level, matrix and finder pages."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from guidance import load_site
from tests.helpers import ROOT, THRESHOLDS, load_problems, write

EXAMPLE = load_site(ROOT / "data").content["thresholds"]


def problems(root: Path, text: str) -> list[str]:
    write(root, "data/thresholds.yml", text)
    return load_problems()


def test_small_thresholds_load_with_numbers_as_level_ids(small: Path) -> None:
    write(small, "data/thresholds.yml", THRESHOLDS)
    t = load_site("data").content["thresholds"]
    assert list(t.levels) == ["1", "2"]
    assert [i.id for i in t.cell("1", "family")] == ["L1-family-01"]
    assert t.ages(t.indicators["L1-family-01"]) == "Under 5"
    assert t.ages(t.indicators["L1-parenting-01"]) == "Any age"
    assert t.gaps() == []


def test_thresholds_are_optional(small: Path) -> None:
    assert "thresholds" not in load_site("data").content


def test_indicator_level_domain_and_age_band_must_exist(small: Path) -> None:
    broken = (THRESHOLDS.replace("    level: 2\n    domain: parenting", "    level: 5\n    domain: parentin")
              .replace("age_bands: [under-5]", "age_bands: [under-6]"))
    assert problems(small, broken) == [
        "data/thresholds.yml:40:17: indicators[1].age_bands[0]: unknown age band 'under-6' (did you mean 'under-5'?)",
        "data/thresholds.yml:43:12: indicators[2].level: unknown level '5'",
        "data/thresholds.yml:44:13: indicators[2].domain: unknown domain 'parentin' (did you mean 'parenting'?)",
    ]


def test_duplicate_indicator_id(small: Path) -> None:
    broken = THRESHOLDS.replace("id: L2-parenting-01", "id: L1-parenting-01")
    assert problems(small, broken) == [
        "data/thresholds.yml:42:9: indicators[2].id: duplicate indicator id 'L1-parenting-01' (first used at line 33)"
    ]


def test_every_level_covers_every_domain_or_says_why(small: Path) -> None:
    broken = THRESHOLDS.replace("    no_indicators:\n      family: Family factors alone do not place a child at this level.\n", "")
    assert problems(small, broken) == [
        "data/thresholds.yml:23:5: levels[1]: level '2' has no indicators in domain 'family': add one, "
        "or give the reason under no_indicators"
    ]


def test_a_reason_must_name_a_real_domain(small: Path) -> None:
    broken = THRESHOLDS.replace("      family: Family factors", "      famly: Family factors")
    messages = problems(small, broken)
    assert messages == ["data/thresholds.yml:31:14: levels[1].no_indicators.famly: unknown domain 'famly' (did you mean 'family'?)"]


def test_links_and_contacts_must_resolve(small: Path) -> None:
    broken = (THRESHOLDS.replace("links: [glossary:cspr, threshold:2]", "links: [glossary:csrp, procedur:early-help, cspr]")
              .replace("contacts: [front-door]", "contacts: [front-dor]"))
    assert problems(small, broken) == [
        "data/thresholds.yml:22:13: levels[0].links[0]: unknown glossary 'csrp' (did you mean 'cspr'?)",
        "data/thresholds.yml:22:28: levels[0].links[1]: unknown kind of link 'procedur' (did you mean 'procedure'?)",
        "data/thresholds.yml:22:49: levels[0].links[2]: expected a link written kind:id, such as 'glossary:cspr', got 'cspr'",
        "data/thresholds.yml:29:16: levels[1].contacts[0]: unknown contact 'front-dor' (did you mean 'front-door'?)",
    ]


def test_the_example_is_a_complete_guide() -> None:
    assert len(EXAMPLE.levels) == 4 and len(EXAMPLE.domains) == 3
    assert len(EXAMPLE.indicators) >= 80
    for level in EXAMPLE.source.levels:
        for domain in EXAMPLE.source.domains:
            assert EXAMPLE.cell(level.id, domain.id), (level.id, domain.id)


def html(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_overview_lists_every_level_with_its_response(built_site: Path) -> None:
    page = html(built_site, "thresholds/index.html")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h3")]
    assert headings == [EXAMPLE.label(level) for level in EXAMPLE.source.levels]
    for level in EXAMPLE.source.levels:
        assert page.select_one(f'article a[href="level-{level.id}/"]') is not None
    assert "What happens:" in page.get_text()


def test_level_pages_group_indicators_by_domain_with_stable_anchors(built_site: Path) -> None:
    for level in EXAMPLE.source.levels:
        page = html(built_site, f"thresholds/level-{level.id}/index.html")
        for domain in EXAMPLE.source.domains:
            heading = page.find(id=f"level-{level.id}-{domain.id}")
            assert heading is not None and domain.name in heading.get_text()
            listed = [li["id"] for li in heading.find_next_sibling("ul").find_all("li")]
            assert listed == [i.id for i in EXAMPLE.cell(level.id, domain.id)]
        assert page.find(id="what-to-do-at-this-level") is not None


def test_level_4_says_who_to_call_and_links_its_guidance(built_site: Path) -> None:
    page = html(built_site, "thresholds/level-4/index.html")
    assert page.select_one('article a[href="tel:999"]') is not None
    assert page.select_one('article a[href="tel:01632960100"]') is not None
    related = page.find(id="related-guidance").find_next_sibling("ul")
    hrefs = [a["href"] for a in related.find_all("a")]
    assert "../../glossary/#section-47-enquiry" in hrefs
    assert "../../procedures/strategy-discussions-and-section-47-enquiries/" in hrefs
    assert "../../flows/which-level/" in hrefs


def test_matrix_has_every_indicator_linked_to_its_anchor(built_site: Path) -> None:
    page = html(built_site, "thresholds/matrix/index.html")
    rows = page.select("table.gl-matrix tbody tr")
    assert len(rows) == 4
    assert all(len(row.find_all("td")) == 3 for row in rows)
    links = page.select("table.gl-matrix td a")
    assert len(links) == len(EXAMPLE.indicators)
    for link in links:
        level_dir, anchor = link["href"].split("#")
        target = html(built_site, f"thresholds/{level_dir.strip('./')}/index.html")
        assert target.find(id=anchor) is not None, link["href"]


def test_finder_lists_everything_without_javascript(built_site: Path) -> None:
    page = html(built_site, "thresholds/finder/index.html")
    items = page.select("[data-indicator]")
    assert len(items) == len(EXAMPLE.indicators)
    assert page.select_one("form#gl-finder").has_attr("hidden")  # shown only when the script runs
    count = page.select_one("#gl-finder-count")
    assert count["aria-live"] == "polite" and count.get_text() == f"Showing all {len(EXAMPLE.indicators)} indicators"
    script = page.select_one("script[src$='finder.js']")["src"]
    assert (built_site / "thresholds/finder" / script).resolve().exists()
    first = items[0]
    assert first["data-level"] == "1" and first["data-domain"] == "child-development"


def test_macros_summarise_a_level_and_cite_an_indicator(built_site: Path) -> None:
    page = html(built_site, "practitioners/index.html")
    level = page.select_one('article .gl-level a[href="../thresholds/level-3/"]')
    assert level is not None and level.get_text() == "Level 3: Targeted and complex needs"
    cited = page.select_one('article a[href="../thresholds/level-3/#L3-parenting-07"]')
    assert cited.get_text().startswith("L3-parenting-07: Unborn baby")
