"""Procedure history in a real browser: the date chooser by keyboard, shareable dates, axe-core."""

from __future__ import annotations

import pytest

from tests.browser.conftest import RecordingPage, axe_violations, pretend_now

HISTORY = "/procedures/notifying-serious-incidents/history/"


def visible_rows(page, table: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not([hidden]) th", "cells => cells.map(th => th.textContent.trim())"
    )


@pytest.mark.browser
def test_the_date_chooser_works_by_keyboard_alone(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    # Chromium's date field takes digits in the order its locale shows: day first or month first.
    for digits in ("12052023", "05122023"):
        page.goto(site_url + HISTORY)
        page.focus("#versions-date")
        page.keyboard.type(digits)
        if page.input_value("#versions-date") == "2023-05-12":
            break
    assert page.input_value("#versions-date") == "2023-05-12"
    page.keyboard.press("Enter")
    assert page.inner_text("#versions-status") == "1 version was in force on 12 May 2023."
    assert visible_rows(page, "versions-table") == ["Version 1"]
    assert "date=2023-05-12" in page.url
    # Tab to "Show all versions" and press it.
    for _ in range(5):  # past the date field's own parts and the submit button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Show all versions":
            break
    assert page.evaluate("document.activeElement.textContent") == "Show all versions"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#versions-table tbody tr:not([hidden])').length === 4")
    assert page.inner_text("#versions-status") == "Showing every version."
    assert "date=" not in page.url
    assert tab.outside_requests() == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("day", "expected", "said"),
    [
        ("2024-02-29", ["Version 1"], "1 version was in force on 29 February 2024."),
        ("2024-03-01", ["Version 2"], "1 version was in force on 1 March 2024."),
        ("2026-11-23", ["Version 3 (current)"], "1 version is in force on 23 November 2026."),
        ("2027-03-31", ["Version 3 (current)"], "1 version will be in force on 31 March 2027."),
        ("2027-04-01", ["Version 4"], "1 version will be in force on 1 April 2027."),
    ],
)
def test_a_shared_link_opens_at_its_date(tab: RecordingPage, site_url: str, day: str, expected: list[str], said: str) -> None:
    page = tab.page
    page.clock.set_fixed_time("2026-11-23T10:00:00")  # the reader's today: a date after it is still to come
    page.goto(f"{site_url}{HISTORY}?date={day}")
    assert visible_rows(page, "versions-table") == expected
    assert page.input_value("#versions-date") == day
    assert page.inner_text("#versions-status") == said


@pytest.mark.browser
def test_guidance_as_at_a_date_for_the_whole_site(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/procedures/as-at/?date=2018-01-01")
    assert page.inner_text("#as-at-status") == "No procedure was in force on 1 January 2018."
    page.goto(site_url + "/procedures/as-at/?date=2023-05-12")
    assert page.inner_text("#as-at-status") == "10 procedures were in force on 12 May 2023."
    assert page.inner_text("#as-at-table caption") == "In force on 12 May 2023"
    rows = page.eval_on_selector_all("#as-at-table tbody tr:not([hidden]) td:first-of-type", "tds => tds.map(td => td.textContent)")
    assert rows.count("Version 2") == 2 and rows.count("Version 1") == 8


@pytest.mark.browser
def test_without_javascript_every_version_and_its_dates_are_listed(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + HISTORY + "?date=2023-05-12")
    assert len(visible_rows(page, "versions-table")) == 4
    assert "1 October 2025 to 31 March 2027" in page.inner_text("#versions-table")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "/procedures/",
        "/procedures/notifying-serious-incidents/",
        HISTORY,
        "/procedures/rapid-reviews/v1/",
        "/procedures/resolving-professional-disagreements/v3-changes/",
        "/procedures/changes/",
        "/procedures/as-at/?date=2023-05-12",
    ],
)
def test_procedure_pages_pass_axe(tab: RecordingPage, site_url: str, axe, path: str) -> None:
    tab.page.goto(site_url + path)
    assert axe_violations(axe, tab.page) == ""
    assert tab.outside_requests() == []


@pytest.mark.browser
def test_screen_readers_hear_added_and_removed_words(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/procedures/resolving-professional-disagreements/v2-changes/")
    text = page.locator(".gl-diff").inner_text()
    assert "removed: 5" in page.locator(".gl-diff del").text_content()
    assert "added: 3" in page.locator(".gl-diff ins").text_content()
    # The announcements are hidden visually, not from assistive technology.
    hidden = page.eval_on_selector(".gl-diff ins .gl-sr", "el => [getComputedStyle(el).position, el.getBoundingClientRect().width]")
    assert hidden == ["absolute", 1]
    assert "Timescale: Within" in text and "working days of the decision you disagree with" in text
    # Not colour alone: struck through and underlined.
    decorations = page.eval_on_selector_all(
        ".gl-diff del, .gl-diff ins", "els => els.map(e => getComputedStyle(e).textDecorationLine)"
    )
    assert decorations == ["line-through", "underline"]


@pytest.mark.browser
def test_an_announced_version_that_has_come_into_force_says_so(browser, site_url: str) -> None:
    """If the site is not rebuilt on the day, the page itself notices the date has passed."""
    context = browser.new_context()
    page = context.new_page()
    pretend_now(page, 2027, 4, 2)
    page.goto(site_url + "/procedures/notifying-serious-incidents/")
    assert not page.is_visible(".gl-when-coming")
    assert page.inner_text(".gl-when-come").startswith("Version 4 came into force on 1 April 2027")
    context.close()
