"""Learning briefs in a real browser: printed on A4 as a handout, axe-core, the matrix on a phone."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import ROOT

BRIEFS = sorted(p.stem for p in (ROOT / "data/briefs").glob("*.yml"))
PAGES = [
    "/briefs/", "/briefs/child-b-2025/", "/briefs/themes/", "/briefs/themes/escalation/", "/briefs/matrix/",
    "/briefs/recommendations/",
]


@pytest.mark.browser
@pytest.mark.parametrize("brief", BRIEFS)
def test_a_printed_brief_fits_two_sides_of_a4_without_navigation(tab: RecordingPage, site_url: str, brief: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/briefs/{brief}/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert 1 <= len(pdf.pages) <= 2
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert f"/briefs/{brief}/" in printed.replace("\n", "")  # the address, to find it again
    assert "Search" not in printed and "Exit this page" not in printed  # no navigation chrome
    assert "1. Background" in printed and "7. Find out more" in printed


@pytest.mark.browser
def test_print_hides_the_header_navigation_and_footer(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(f"{site_url}/briefs/child-d-2024/")
    assert page.is_hidden(".gl-print-url")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-banner"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    assert page.is_visible(".gl-print-url")


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_brief_pages_pass_axe_and_stay_on_the_site(tab: RecordingPage, site_url: str, axe, path: str) -> None:
    tab.page.goto(site_url + path)
    assert axe_violations(axe, tab.page) == ""
    assert tab.outside_requests() == []


@pytest.mark.browser
def test_the_matrix_scrolls_inside_its_region_on_a_phone(narrow, site_url: str) -> None:
    page = narrow
    page.goto(site_url + "/briefs/matrix/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # the page itself does not scroll sideways
    region = page.locator(".gl-scroll")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # the table does, inside its region
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.gl-scroll').scrollLeft > 0")
