"""Help for the public in a real browser: filters with and without JavaScript, open now by the
clock, 320 px reflow, the emergency line on a phone, axe-core and no request off the site."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from playwright.sync_api import Page

from guidance import load_site
from guidance.kinds.calendar import site_calendar
from guidance.services import is_open
from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import EXAMPLE_TODAY, ROOT

SITE = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY))
SERVICES = SITE.content["services"]
HOLIDAYS = frozenset(site_calendar(SITE).holidays)
PUBLIC = [
    "/", "/public/", "/public/worried-about-a-child/", "/public/services/", "/public/services/money/",
    "/public/services/open-24-hours/", "/public/staying-safe-online/", "/about/accessibility/", "/404.html",
]


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all(".gl-services .gl-service:not([hidden])", "cards => cards.map(c => c.id)")


@pytest.mark.browser
def test_filter_by_need_and_24_hours_and_keep_it_in_the_address(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + "/public/services/")
    assert page.inner_text("#gl-services-status") == f"Showing all {len(SERVICES.services)} services."
    page.select_option("#gl-need", "domestic-abuse")
    assert shown(page) == [s.id for s in SERVICES.for_need("domestic-abuse")]
    assert page.inner_text("#gl-services-status") == f"Showing {len(shown(page))} of {len(SERVICES.services)} services."
    page.check('input[name="open"][value="24-hours"]')
    both = [s.id for s in SERVICES.for_need("domestic-abuse") if s in SERVICES.always_open()]
    assert shown(page) == both and len(both) == 3
    assert "need=domestic-abuse" in page.url and "open=24-hours" in page.url
    page.reload()  # a shared or bookmarked choice comes back
    assert page.input_value("#gl-need") == "domestic-abuse"
    assert shown(page) == both
    assert tab.outside_requests() == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 24, 19, 30),  # a Tuesday evening: one evening group is open
        datetime(2026, 11, 29, 3, 0),  # a Sunday night: only the 24-hour services
        datetime(2026, 11, 23, 10, 0),  # a Monday morning: most are open
        datetime(2026, 12, 25, 11, 0),  # Christmas Day: weekday services are closed
    ],
)
def test_open_now_follows_the_clock_in_england(browser, site_url: str, moment: datetime) -> None:
    context = browser.new_context(timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(site_url + "/public/services/?open=now")
    expected = [s.id for s in SERVICES.services if is_open(SERVICES.openings(s), moment, HOLIDAYS)]
    assert shown(page) == expected and expected
    context.close()


@pytest.mark.browser
def test_without_javascript_every_service_is_listed_and_needs_are_links(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/public/services/")
    assert not page.is_visible("[data-gl-services-filter]")  # no controls that cannot work
    assert len(shown(page)) == len(SERVICES.services)
    page.click(".gl-needs >> text=Money worries")
    assert page.url.endswith("/public/services/money/")
    assert page.eval_on_selector_all("article.gl-service", "c => c.map(x => x.id)") == [s.id for s in SERVICES.for_need("money")]
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_pass_axe_and_stay_on_the_site(tab: RecordingPage, site_url: str, axe, path: str) -> None:
    tab.page.goto(site_url + path)
    assert axe_violations(axe, tab.page) == ""
    assert tab.outside_requests() == []


@pytest.mark.browser
@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_reflow_at_320_pixels(narrow: Page, site_url: str, path: str) -> None:
    narrow.goto(site_url + path)
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.browser
def test_the_emergency_line_is_on_screen_on_a_phone_without_scrolling(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    banner = phone.locator(".md-banner")
    box = banner.bounding_box()
    assert "call 999" in banner.inner_text() and box["y"] >= 0 and box["y"] + box["height"] <= 740
    first_route = phone.locator(".gl-routes a").first
    assert first_route.inner_text() == "I'm worried about a child"
