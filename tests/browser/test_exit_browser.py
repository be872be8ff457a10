"""'Exit this page' on public pages and flows: the button and Shift three times, in a real browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import axe_violations

NEUTRAL = "https://www.bbc.co.uk/weather"


ARRIVALS: list[dict[str, str]] = []  # the headers each request to the neutral site carried


def _neutral(route) -> None:  # type: ignore[no-untyped-def]
    ARRIVALS.append(route.request.headers)
    route.fulfill(content_type="text/html", body="<title>Weather</title>")


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    """A tab whose neutral site is answered by the test, so nothing reaches the network."""
    context = browser.new_context()
    context.route(NEUTRAL + "**", _neutral)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 360 x 740 touch phone, as a frightened parent might hold."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.route(NEUTRAL + "**", _neutral)
    yield context.new_page()
    context.close()


# Every page a member of the public can reach, and the longest of them.
PUBLIC_ROUTES = ["/", "/search/", "/public/", "/public/worried-about-a-child/", "/public/services/",
                 "/public/services/money/", "/public/staying-safe-online/", "/glossary/plain-english/",
                 "/flows/notify-the-panel/", "/404.html"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PUBLIC_ROUTES)
def test_on_a_phone_exit_is_on_every_public_page_and_stays_on_screen(phone: Page, site_url: str, path: str) -> None:
    page = phone
    page.goto(site_url + path)
    button = page.locator("[data-gl-exit]")
    assert button.is_visible()
    assert page.locator(".gl-exit-hint").count() <= 1 and not page.locator(".gl-exit-hint").is_visible()  # no Shift on a phone
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(200)
    box = button.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 740  # still on screen
    assert box["width"] >= 24 and box["height"] >= 24  # a target a thumb can hit (WCAG 2.5.8)
    button.tap()
    page.wait_for_url(NEUTRAL)


@pytest.mark.browser
def test_exit_forgets_everything_the_site_kept_and_sends_no_referrer(visitor: Page, site_url: str) -> None:
    page = visitor
    page.goto(site_url + "/")  # the home page: the guidance is saved for offline (guidance/offline.py)
    page.wait_for_selector("[data-gl-offline-saved]:not([hidden])", timeout=30_000)
    page.goto(site_url + "/public/worried-about-a-child/")
    page.focus("[data-gl-offline-keep]")  # the reader asks to keep this public page, by keyboard
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-gl-offline-keep]:text('Saved to read offline')")
    page.evaluate("() => { localStorage.setItem('gl-test', 'worried'); sessionStorage.setItem('gl-test', 'worried'); }")
    assert len(page.evaluate("caches.keys()")) == 2  # the saved guidance, and the page the reader kept
    ARRIVALS.clear()
    page.click("[data-gl-exit]")
    page.wait_for_url(NEUTRAL)
    assert ARRIVALS and all("referer" not in headers for headers in ARRIVALS)
    page.goto(site_url + "/public/")  # back at the site, by typing its address: a public page saves nothing
    kept = page.evaluate("""async () => [await caches.keys(), (await navigator.serviceWorker.getRegistrations()).length,
                                         localStorage.length + sessionStorage.length]""")
    assert kept == [[], 0, 0]


@pytest.mark.browser
def test_with_a_keyboard_exit_is_among_the_first_tab_stops_and_says_how(visitor: Page, site_url: str) -> None:
    page = visitor
    page.goto(site_url + "/public/services/")
    assert page.locator(".gl-exit-hint").is_visible()
    assert page.inner_text(".gl-exit-hint") == "To leave this page quickly, press the Shift key 3 times."
    for stop in range(1, 6):  # noqa: B007 (read after the loop)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-gl-exit')"):
            break
    else:
        raise AssertionError("Exit this page is not among the first 5 Tab stops")
    assert stop <= 4


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
