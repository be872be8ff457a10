"""The indicator finder and the matrix in a real browser: filtering, keyboard, live count, reflow."""

from __future__ import annotations

import pytest

from guidance import load_site
from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import ROOT

THRESHOLDS = load_site(ROOT / "data").content["thresholds"]
TOTAL = len(THRESHOLDS.indicators)


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(
        "[data-indicator]:not([hidden])", "items => items.map(li => li.querySelector('a').hash.slice(1))"
    ))


def count_text(page) -> str:
    return page.inner_text("#gl-finder-count")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("missed appointments", {"L2-dev-03", "L2-parenting-02", "L3-parenting-01"}),
        ("not brought", {"L2-dev-03", "L2-parenting-02", "L3-parenting-01"}),
        ("domestic abuse", {"L3-family-01", "L4-family-01"}),
        ("non-mobile baby bruising", {"L4-dev-01"}),
        ("FGM", {"L4-parenting-06"}),
    ],
)
def test_finder_filters_as_you_type(tab: RecordingPage, site_url: str, query: str, expected: set[str]) -> None:
    page = tab.page
    page.goto(site_url + "/thresholds/finder/")
    page.fill("#gl-finder-q", query)
    assert visible_ids(page) == expected
    assert count_text(page) == f"{len(expected)} of {TOTAL} indicators match"


@pytest.mark.browser
def test_finder_filters_by_domain_level_and_age(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/thresholds/finder/")
    page.select_option("#gl-finder-level", "4")
    page.select_option("#gl-finder-domain", "family-environment")
    assert visible_ids(page) == {i.id for i in THRESHOLDS.cell("4", "family-environment")}
    # Level and domain headings with nothing left under them are hidden too.
    shown = "hs => hs.filter(h => h.offsetParent !== null).map(h => h.textContent)"
    assert page.eval_on_selector_all("#gl-finder-results h2", shown) == ["Level 4: Specialist and statutory"]
    assert page.eval_on_selector_all("#gl-finder-results h3", shown) == ["Family and environmental factors"]
    page.select_option("#gl-finder-level", "")
    page.select_option("#gl-finder-domain", "")
    page.select_option("#gl-finder-age", "pre-birth")
    expected = {i.id for i in THRESHOLDS.indicators.values() if not i.age_bands or "pre-birth" in i.age_bands}
    assert visible_ids(page) == expected


@pytest.mark.browser
def test_finder_works_by_keyboard_and_announces_the_count(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/thresholds/finder/")
    live = page.locator("#gl-finder-count")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    page.focus("#gl-finder-q")
    page.keyboard.type("domestic abuse")
    assert count_text(page) == f"2 of {TOTAL} indicators match"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "gl-finder-domain"
    page.keyboard.press("ArrowDown")  # first real domain: the child's developmental needs
    assert count_text(page) == f"0 of {TOTAL} indicators match"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    assert count_text(page) == f"{len([i for i in THRESHOLDS.indicators.values() if i.domain == 'child-development'])} of {TOTAL} indicators match"


@pytest.mark.browser
def test_finder_state_is_in_the_url(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/thresholds/finder/?words=domestic+abuse&level=4")
    assert visible_ids(page) == {"L4-family-01"}
    assert page.input_value("#gl-finder-q") == "domestic abuse"
    page.fill("#gl-finder-q", "housing")
    page.wait_for_function("location.search === '?words=housing&level=4'")


@pytest.mark.browser
def test_finder_without_javascript_lists_everything(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/thresholds/finder/")
    assert page.locator("[data-indicator]").count() == TOTAL
    assert not page.locator("#gl-finder").is_visible()
    assert page.locator("[data-indicator]").last.is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/thresholds/", "/thresholds/level-3/", "/thresholds/matrix/", "/thresholds/finder/?words=neglect"])
def test_threshold_pages_pass_axe(tab: RecordingPage, site_url: str, axe, path: str) -> None:
    tab.page.goto(site_url + path)
    assert axe_violations(axe, tab.page) == ""
    assert tab.outside_requests() == []


@pytest.mark.browser
def test_matrix_reflows_on_a_phone_without_horizontal_scrolling(phone, site_url: str, axe) -> None:
    page = phone
    page.goto(site_url + "/thresholds/matrix/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    table_width = page.evaluate("document.querySelector('table.gl-matrix').getBoundingClientRect().width")
    assert table_width <= 360
    assert page.locator(".gl-cell-label").first.is_visible()  # each cell says its domain when stacked
    assert axe_violations(axe, page) == ""


@pytest.mark.browser
def test_matrix_is_a_table_on_a_wide_screen(tab: RecordingPage, site_url: str) -> None:
    tab.page.goto(site_url + "/thresholds/matrix/")
    assert tab.page.evaluate("getComputedStyle(document.querySelector('table.gl-matrix')).display") == "table"
    assert not tab.page.locator(".gl-cell-label").first.is_visible()


@pytest.mark.browser
def test_indicator_link_lands_on_its_anchor(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/thresholds/finder/?words=FGM")
    page.click("[data-indicator]:not([hidden]) a")
    page.wait_for_url("**/thresholds/level-4/#L4-parenting-06")
    assert page.locator("#L4-parenting-06").is_visible()
