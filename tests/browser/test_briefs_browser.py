"""Learning briefs in a real browser: printed on A4 as a handout, axe-core, the matrix on a phone."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from guidance import load_site
from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import EXAMPLE_TODAY, ROOT

BRIEFS = sorted(p.stem for p in (ROOT / "data/briefs").glob("*.yml"))
PAGES = [
    "/briefs/", "/briefs/child-b-2025/", "/briefs/themes/", "/briefs/themes/escalation/", "/briefs/matrix/",
    "/briefs/recommendations/", "/briefs/packs/voice-of-the-child/",
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


def _printed(page) -> list[str]:
    """The text of each A4 page, as the reader prints it (the browser's print events run)."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/briefs/child-b-2025/", "/procedures/early-help/", "/thresholds/level-2/"])
def test_a_printout_says_whose_it_is_where_it_lives_when_printed_and_where_links_go(
    tab: RecordingPage, site_url: str, path: str
) -> None:
    page = tab.page
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    text = " ".join(_printed(page))
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    head = f"Northmoor Safeguarding Children Partnership. Printed from https://guidance.northmoor-scp.example.org{path} on {today}."
    assert text.replace(" ", "").startswith(head.replace(" ", ""))  # a long address may wrap
    assert "Report a problem with this page" not in text and "Exit this page" not in text  # no screen furniture
    # A link in the text is followed by its address, so the paper can be followed up.
    first = page.locator(".md-content article a[data-gl-url]").first
    assert f"{first.inner_text().strip()} ({first.get_attribute('data-gl-url')})".replace(" ", "") in text.replace(" ", "")


@pytest.mark.browser
def test_a_trainer_prints_every_briefing_on_a_theme_as_one_pack(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    briefs = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY)).content["briefs"]
    theme = max(("neglect", "escalation", "voice-of-the-child", "information-sharing"), key=lambda t: len(briefs.for_theme(t)))
    page.goto(f"{site_url}/briefs/themes/{theme}/")
    page.click("text=/Print all \\d+ briefings on this theme as one pack/")
    page.wait_for_url(f"**/briefs/packs/{theme}/")
    titles = [t.replace("¶", "").strip() for t in page.locator(".gl-pack-brief h2").all_inner_texts()]
    cards = len(briefs.for_theme(theme))
    assert len(titles) == cards >= 2
    sheets = _printed(page)
    # Each briefing starts on a sheet of its own, with its title at the top.
    starts = [i for i, sheet in enumerate(sheets) for title in titles if title in sheet[:500]]
    assert len(set(starts)) == cards
    assert tab.outside_requests() == []
