"""The glossary in a real browser: accessibility, tooltips by keyboard, search, privacy."""

from __future__ import annotations

import pytest

from tests.browser.conftest import RecordingPage, axe_violations

PAGES = ["/", "/glossary/", "/glossary/plain-english/", "/practitioners/", "/public/", "/about/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_passes_axe_at_wcag_22_aa(tab: RecordingPage, site_url: str, axe, path: str) -> None:
    tab.page.goto(site_url + path)
    assert axe_violations(axe, tab.page) == ""


@pytest.mark.browser
def test_glossary_passes_axe_on_a_phone(phone, site_url: str, axe) -> None:
    phone.goto(site_url + "/glossary/")
    assert axe_violations(axe, phone) == ""
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.browser
def test_tooltip_appears_on_keyboard_focus(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/practitioners/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('gl-term')"):
            break
    else:
        pytest.fail("no glossary term link is reachable by Tab")
    tooltip = page.locator("#gl-tip[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("Strategy discussion: A multi-agency discussion")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "gl-tip"


@pytest.mark.browser
def test_tooltip_appears_on_hover(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/practitioners/")
    page.hover('article a.gl-term[href$="#lado"]')
    tooltip = page.locator("#gl-tip[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("Local authority designated officer (LADO):")


@pytest.mark.browser
def test_term_link_opens_its_entry(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/practitioners/")
    page.click('article a.gl-term[href$="#child-safeguarding-practice-review"]')
    page.wait_for_url("**/glossary/#child-safeguarding-practice-review")
    assert page.locator("#child-safeguarding-practice-review").is_visible()


def search(page, base: str, text: str) -> list[str]:
    """Search from the header's box, as a reader would, and return the result links."""
    page.fill("#gl-header-q", text)
    page.press("#gl-header-q", "Enter")
    page.wait_for_selector("#gl-search[data-state=done] #gl-search-results a")
    return page.eval_on_selector_all("#gl-search-results a", "links => links.map(a => a.href)")


@pytest.mark.browser
def test_no_request_leaves_the_site(tab: RecordingPage, site_url: str) -> None:
    for path in PAGES:
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("networkidle")
    search(tab.page, site_url, "neglect")
    tab.page.hover("article")
    assert tab.outside_requests() == []
    assert len(tab.requests) > len(PAGES)


@pytest.mark.browser
def test_the_letters_are_a_row_that_wraps_on_a_phone(phone, site_url: str) -> None:
    phone.goto(site_url + "/glossary/")
    boxes = phone.locator(".gl-az li").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
    height = phone.locator(".gl-az ul").evaluate("e => e.getBoundingClientRect().height")
    assert len(boxes) >= 15
    rows = len(set(round(top) for top in boxes))
    assert rows <= len(boxes) / 3, boxes  # rows of several letters, not one letter a line (952 px before)
    assert height < 400, height
