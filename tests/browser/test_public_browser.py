"""Help for the public in a real browser: filters with and without JavaScript, open now by the
clock, 320 px reflow, the emergency line on a phone, axe-core and no request off the site."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from playwright.sync_api import Page

from guidance import load_site
from guidance.kinds.calendar.kind import site_calendar
from guidance.kinds.services.finder import is_open
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


def expected_status(openings, moment: datetime) -> str:
    """What a card should say at ``moment``, worked out by the Python the build uses."""
    from guidance.kinds.services.finder import DAYS, next_opening

    if any(o.always for o in openings):
        return "Open 24 hours."
    if is_open(openings, moment, HOLIDAYS):
        return "Open now."
    opens = next_opening(openings, moment, HOLIDAYS)
    days = (opens.date() - moment.date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else DAYS[opens.weekday()]
    hour = opens.strftime("%I").lstrip("0") + (opens.strftime(":%M") if opens.minute else "") + opens.strftime("%p").lower()
    return f"Closed now. Opens {day} at {hour}."


@pytest.mark.browser
@pytest.mark.parametrize("moment", [datetime(2026, 11, 28, 10, 0), datetime(2026, 12, 24, 18, 0), datetime(2026, 11, 24, 19, 30)])
@pytest.mark.parametrize("need", ["money", "parenting", "mental-health"])
def test_every_card_on_a_need_page_says_if_it_is_open_and_when_it_next_opens(browser, site_url: str, need: str, moment: datetime) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(f"{site_url}/public/services/{need}/")
    said = dict(page.eval_on_selector_all(".gl-service", "cs => cs.map(c => [c.id, c.querySelector('.gl-open-status').textContent])"))
    assert said == {s.id: expected_status(SERVICES.openings(s), moment) for s in SERVICES.for_need(need)}
    # "Open now" on the need's own page.
    page.get_by_label("Open now").check()
    assert shown(page) == [s.id for s in SERVICES.for_need(need) if is_open(SERVICES.openings(s), moment, HOLIDAYS)]
    context.close()


@pytest.mark.browser
def test_when_nothing_matches_the_nearest_help_is_offered(browser, site_url: str) -> None:
    moment = datetime(2026, 11, 29, 3, 0)  # a Sunday night: only the 24-hour services
    context = browser.new_context(timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(f"{site_url}/public/services/money/?open=now")
    none = page.locator(".gl-services-none")
    assert none.is_visible()
    assert none.get_by_role("link", name="See every service that is open now").get_attribute("href") == "../?open=now"
    for service in SERVICES.always_open():
        assert service.name in none.inner_text()
    assert none.locator('a[href="tel:999"]').count() == 1
    # On the page of every service: what is open now for any need.
    page.goto(f"{site_url}/public/services/?need=money&open=now")
    assert "Open now, for other needs: " in page.inner_text(".gl-open-elsewhere")
    context.close()
