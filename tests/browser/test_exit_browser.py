"""'Exit this page' on public pages and flows: the button and Shift three times, in a real browser."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import axe_violations

NEUTRAL = "https://www.bbc.co.uk/weather"


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    """A tab whose neutral site is answered by the test, so nothing reaches the network."""
    context = browser.new_context()
    context.route(NEUTRAL + "**", lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"))
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    ["/public/", "/public/worried-about-a-child/", "/public/services/", "/glossary/plain-english/", "/flows/notify-the-panel/"],
)
def test_shift_three_times_leaves_and_back_does_not_return(visitor: Page, site_url: str, path: str) -> None:
    page = visitor
    page.goto(site_url + "/")
    page.goto(site_url + path + ("?abuse-or-neglect=yes&death-or-harm=died" if "flows" in path else ""))
    page.evaluate("sessionStorage.setItem('gl-test', 'worried'); localStorage.setItem('gl-test', 'worried')")
    if "flows" in path:
        page.fill("#gl-rationale", "Private notes")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == site_url + "/"  # the page that was left was replaced, not kept in history
    assert page.evaluate("[sessionStorage.getItem('gl-test'), localStorage.getItem('gl-test')]") == [None, None]


@pytest.mark.browser
def test_the_button_works_by_keyboard_and_is_first_on_the_page(visitor: Page, site_url: str, axe) -> None:
    page = visitor
    page.goto(site_url + "/public/")
    assert axe_violations(axe, page) == ""
    button = page.locator("[data-gl-exit]")
    assert button.inner_text() == "Exit this page"
    assert button.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)


@pytest.mark.browser
def test_practitioner_pages_have_no_exit_button(visitor: Page, site_url: str) -> None:
    visitor.goto(site_url + "/procedures/")
    assert visitor.locator("[data-gl-exit]").count() == 0


@pytest.mark.browser
def test_without_javascript_the_button_is_a_plain_link(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/public/")
    assert page.locator("[data-gl-exit]").get_attribute("href") == NEUTRAL
    context.close()
