"""A strict MkDocs build of the example site, its HTML parsed: pages, anchors, tooltips, links."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from guidance import load_site
from tests.helpers import ENGINE, ROOT, SITE_URL, run_cli, search_index
from tests.helpers import page as read_page

SITE = load_site(ROOT / "data")


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    """Every page of the site, without the redirects that stand at former addresses."""
    return sorted(p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def test_every_term_has_its_permanent_anchor_and_full_entry(built_site: Path) -> None:
    html = soup(built_site, "glossary/index.html")
    for term in SITE.glossary.terms:
        heading = html.find(id=term.id)
        assert heading is not None and heading.name == "h3", term.id
        assert term.term in heading.get_text()
        for abbreviation in term.abbreviations:
            assert abbreviation in heading.get_text()
        entry = "".join(str(sibling) for sibling in heading.find_next_siblings(limit=6))
        assert "In plain English:" in entry and "Source:" in entry


def test_terms_are_in_a_to_z_order_under_letter_headings(built_site: Path) -> None:
    html = soup(built_site, "glossary/index.html")
    names = [h.get("id") for h in html.select("article h3[id]")]
    assert names == [t.id for t in SITE.glossary.terms]
    letters = [a.get_text() for a in html.select("nav.gl-az a")]
    assert letters == sorted(letters) and "A" in letters and "W" in letters
    for link in html.select("nav.gl-az a"):
        assert html.find(id=link["href"][1:]) is not None


def test_related_terms_link_to_existing_anchors(built_site: Path) -> None:
    html = soup(built_site, "glossary/index.html")
    related = html.select(".gl-related a")
    assert len(related) >= 60
    for link in related:
        assert html.find(id=link["href"].lstrip("#")) is not None, link


def test_aliases_and_sources_are_shown(built_site: Path) -> None:
    html = soup(built_site, "glossary/index.html")
    s47 = html.find(id="section-47-enquiry")
    entry = " ".join(t.get_text(" ") for t in s47.find_next_siblings(limit=5))
    assert "child protection enquiry" in entry
    assert "Children Act 1989, s47" in entry
    assert s47.find_next("a", href="https://www.legislation.gov.uk/ukpga/1989/41/section/47") is not None


def test_term_links_carry_tooltips_and_resolve(built_site: Path) -> None:
    """Every glossary link on every page points at a real anchor and carries a definition: the
    practitioners' glossary, or on a parent's page the plain-English one."""
    glossaries = {"/glossary/": soup(built_site, "glossary/index.html"),
                  "/glossary/plain-english/": soup(built_site, "glossary/plain-english/index.html")}
    linked = 0
    for page in pages(built_site):
        for link in soup(built_site, str(page.relative_to(built_site))).select("a.gl-term"):
            linked += 1
            target = urlparse(urljoin(f"http://x/{page.relative_to(built_site).as_posix()}", link["href"]))
            assert target.path in glossaries, link
            term = SITE.glossary.by_id[target.fragment]
            assert glossaries[target.path].find(id=term.id) is not None
            assert link["title"].startswith(term.heading + ": ")
    assert linked >= 8


def test_practitioner_page_links_first_use_and_uses_abbr_later(built_site: Path) -> None:
    html = soup(built_site, "practitioners/index.html")
    article = html.find("article")
    cspr = article.select('a.gl-term[href$="#child-safeguarding-practice-review"]')
    assert len(cspr) == 1 and cspr[0].get_text() == "CSPR"
    later = [a for a in article.select("abbr") if a.get_text() == "LADO"]
    assert later and all(not a.has_attr("title") for a in later)  # no hover-only tooltip (WCAG 1.4.13)


def test_public_pages_show_plain_english_tooltips(built_site: Path) -> None:
    link = soup(built_site, "public/index.html").select_one('article a[href$="#section-47-enquiry"]')
    assert link["title"] == "Section 47 enquiry (S47): " + SITE.glossary.by_id["section-47-enquiry"].plain_summary


def test_plain_english_glossary_lists_every_term(built_site: Path) -> None:
    html = soup(built_site, "glossary/plain-english/index.html")
    for term in SITE.glossary.terms:
        heading = html.find(id=term.id)
        assert heading is not None
        assert " ".join(term.plain.split()[:6]) in " ".join(heading.find_next_sibling("p").get_text().split())


def test_macros_render_terms_lists_and_contacts(built_site: Path) -> None:
    html = soup(built_site, "practitioners/index.html")
    article = html.find("article")
    assert "explains 73 terms" in article.get_text()
    terms = article.find(id="terms-you-will-meet-most-often").find_next("ul")
    items = terms.select("li")
    assert [i.find("a")["href"] for i in items[:2]] == ["../glossary/#section-47-enquiry", "../glossary/#strategy-discussion"]
    assert article.select_one('a[href="tel:01632960150"]').get_text() == "01632 960150"


def test_every_page_has_the_emergency_line_and_site_name(built_site: Path) -> None:
    for page in pages(built_site):
        html = soup(built_site, str(page.relative_to(built_site)))
        banner = html.select_one(".md-banner .gl-emergency")
        assert banner is not None and "call 999" in banner.get_text(), page
        assert banner.select_one('a[href="tel:01632960100"]') is not None
        assert html.title.get_text().endswith("Northmoor Safeguarding Children Partnership")


def test_the_sitemap_lists_every_page_but_the_one_shown_offline(built_site: Path) -> None:
    """Search engines get every page (past versions too) and never "You are offline", the page a
    reader's browser shows for a page it has not saved."""
    listed = {loc.removeprefix(SITE_URL) for loc in re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text())}
    every = {p.relative_to(built_site).as_posix().removesuffix("index.html") for p in pages(built_site) if p.name == "index.html"}
    assert "offline/" in every and "procedures/early-help/v1/" in listed
    assert listed == every - {"offline/"}


def test_no_page_repeats_an_id(built_site: Path) -> None:
    """A repeated id sends a link, a label or a screen reader's reference to the first one only
    (a training pack printing several briefs once repeated each brief's recommendation anchors)."""
    repeated = {}
    for page in pages(built_site):
        ids = [tag["id"] for tag in soup(built_site, str(page.relative_to(built_site))).find_all(id=True)]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            repeated[page.relative_to(built_site).as_posix()] = twice
    assert repeated == {}


def test_navigation_stays_small(built_site: Path) -> None:
    """Terms are anchors on one page, never navigation entries; other sections are pruned."""
    html = soup(built_site, "glossary/index.html")
    nav_links = html.select("nav.md-nav--primary a")
    assert len(nav_links) < 40
    fragments = {(a.get("href") or "").partition("#")[2] for a in nav_links}
    assert not fragments & set(SITE.glossary.by_id)


def test_nothing_is_loaded_from_another_origin(built_site: Path) -> None:
    for page in pages(built_site):
        html = soup(built_site, str(page.relative_to(built_site)))
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                if tag == "link" and set(element.get("rel") or []) & {"canonical", "alternate"}:
                    continue  # names an address; the browser loads nothing from it
                value = element.get(attribute) or ""
                assert not re.match(r"^(https?:)?//", value), f"{page}: {element}"
        assert "fonts.googleapis" not in page.read_text()


def test_search_finds_each_glossary_term_by_its_abbreviations_and_aliases(built_site: Path) -> None:
    entries = search_index(built_site)
    lado = entries["/glossary/#lado"]
    assert lado["meta"]["title"] == "Local authority designated officer"
    assert lado["meta"]["label"] == "Glossary term"
    assert lado["filters"] == {"group": ["Glossary"], "audience": ["Practitioners"]}
    assert "lado" in lado["meta"]["names"].split("|")
    assert "designated officer" in lado["meta"]["names"].split("|")
    s47 = entries["/glossary/#section-47-enquiry"]
    assert {"s47", "section 47", "child protection enquiry"} <= set(s47["meta"]["names"].split("|"))
    # The glossary page itself is an entry, not a page of every term competing with each term.
    assert entries["/glossary/"]["meta"]["label"] == "Glossary"


def test_search_indexes_the_guidance_in_force_not_past_versions(built_site: Path) -> None:
    entries = search_index(built_site)
    procedure = "/procedures/strategy-discussions-and-section-47-enquiries/"
    assert entries[procedure]["meta"]["label"] == "Procedure"
    assert "s47" in entries[procedure]["meta"]["keywords"].split("|")
    assert not [url for url in entries if re.search(r"/v\d+(-changes)?/$|/history/$", url)]
    assert "/" not in entries and "/search/" not in entries  # pages that only point elsewhere
    html = read_page(built_site, "procedures/strategy-discussions-and-section-47-enquiries/v1/index.html")
    assert not html.select("[data-pagefind-body]")


def test_threshold_indicators_and_services_are_found_at_their_anchors(built_site: Path) -> None:
    entries = search_index(built_site)
    indicator = entries["/thresholds/level-4/#L4-dev-01"]
    assert indicator["meta"]["label"] == "Threshold indicator (level 4)"
    assert "bruising" in indicator["meta"]["keywords"].split("|")
    childline = entries["/public/services/#childline"]
    assert childline["filters"]["audience"] == ["The public"]
    assert "feeling low or worried" in childline["meta"]["keywords"].split("|")
    # The level page's list of indicators is left to the indicators' own entries.
    assert "Any bruise or injury to a baby" not in entries["/thresholds/level-4/"]["content"]


def test_the_search_index_is_lean_and_lists_what_offline_search_keeps(built_site: Path) -> None:
    index = built_site / "pagefind"
    assert not list(index.glob("pagefind-*ui*")) and not (index / "pagefind-highlight.js").exists()
    listing = json.loads((index / "offline.json").read_text())
    assert "pagefind/pagefind.js" in listing["files"] and "pagefind/pagefind-entry.json" in listing["files"]
    assert all((built_site / f).is_file() for f in listing["files"])
    assert listing["bytes"] == sum((built_site / f).stat().st_size for f in listing["files"])


def test_generated_pages_are_virtual(built_site: Path) -> None:
    assert not (ROOT / "docs/glossary").exists()
    assert (built_site / "glossary/index.html").exists()


def test_a_hand_written_page_cannot_be_overwritten(example: Path) -> None:
    (example / "docs/glossary").mkdir()
    (example / "docs/glossary/index.md").write_text("# Mine\n")
    result = run_cli("build", cwd=example)
    assert result.returncode == 1
    assert "docs/glossary/index.md: this page is generated from data; rename or remove it" in result.stderr


@pytest.mark.parametrize("command", [["build", "--strict"], ["build"]])
def test_the_plain_engine_reports_data_errors_cleanly(example: Path, command: list[str]) -> None:
    import subprocess

    (example / "data/glossary.yml").write_text("terms:\n  - id: x\n    term: X\n    defintion: y\n")
    result = subprocess.run([str(ENGINE), *command], cwd=example, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/glossary.yml:4:5: terms[0].defintion: unknown field 'defintion' (did you mean 'definition'?)" in result.stderr


def test_the_search_index_is_written_inside_the_site_only(example: Path) -> None:
    result = run_cli("build", cwd=example)
    assert result.returncode == 0, result.stderr
    assert (example / "site/pagefind/pagefind-entry.json").is_file()
    assert not (example / "pagefind").exists()  # closing the index once wrote a copy here too


def test_no_page_doubles_a_full_stop(built_site: Path) -> None:
    """A macro's text that ends with a full stop, inside a writer's sentence, once gave '..'."""
    doubled = []
    for file in pages(built_site):
        article = soup(built_site, str(file.relative_to(built_site))).find("article")
        if article is None:
            continue
        for code in article.select("code, pre"):
            code.decompose()
        text = " ".join(article.get_text("").split())
        doubled += [f"{file.relative_to(built_site)}: …{m.group(0)}…" for m in re.finditer(r".{20}(?<!\.)\.\s?\.(?!\.).{0,20}", text)]
    assert doubled == []


def test_a_page_kept_out_of_the_sitemap_says_so_with_true_or_false(example: Path) -> None:
    page = example / "docs/about/hidden.md"
    page.write_text('---\ntitle: Hidden\nsitemap: "no"\n---\n\n# Hidden\n', encoding="utf-8")
    result = run_cli("build")
    assert result.returncode == 1
    assert "about/hidden.md: sitemap: expected true or false, got 'no'" in result.stderr
    assert "Traceback" not in result.stderr
    page.write_text("---\ntitle: Hidden\nsitemap: false\n---\n\n# Hidden\n", encoding="utf-8")
    assert run_cli("build").returncode == 0
    assert "/about/hidden/</loc>" not in (example / "site/sitemap.xml").read_text(encoding="utf-8")
    assert (example / "site/about/hidden/index.html").exists()
