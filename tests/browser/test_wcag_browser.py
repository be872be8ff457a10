"""WCAG 2.2 AA where axe cannot see: keyboard, focus, contrast in every state, tooltips, forced
colours, reflow, titles and names, and what works without JavaScript.

Each test named ``test_check_<id>_…`` backs one line of the accessibility statement
(guidance/accessibility.py); tests/test_accessibility_statement.py fails if a check has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import RecordingPage, axe_violations

# One page of each kind, the public ones first.
PAGE_TYPES = [
    "", "public/", "public/worried-about-a-child/", "public/services/", "public/services/money/",
    "public/staying-safe-online/", "glossary/plain-english/", "glossary/", "practitioners/", "thresholds/",
    "thresholds/level-3/", "thresholds/matrix/", "thresholds/finder/", "flows/", "flows/which-level/",
    "procedures/", "procedures/early-help/", "procedures/early-help/history/", "procedures/as-at/",
    "procedures/changes/", "briefs/", "briefs/child-b-2025/", "briefs/themes/", "briefs/recommendations/",
    "briefs/packs/voice-of-the-child/", "search/", "about/accessibility/", "404.html",
]
# Where Tab is walked stop by stop: a page of each layout (the glossary is the longest).
WALKED = ["", "public/services/", "glossary/", "thresholds/level-3/", "flows/which-level/",
          "procedures/early-help/", "briefs/child-b-2025/", "search/", "404.html"]

# 320 px is WCAG's reflow width; 640 CSS px at a device scale of 2 is a 1280 px laptop at 200% zoom.
VIEWPORTS = {"320px": {"viewport": {"width": 320, "height": 640}},
             "zoom200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}}

# What the focused element looks like, and whether anything covers it.
FOCUS_STATE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const label = hit && hit.closest("label");
  const covered = !(hit && (hit === e || e.contains(hit) || hit.contains(e) || (label && label.control === e)));
  return {
    what: e.tagName + " " + (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().slice(0, 40),
    left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
    visible: s.visibility === "visible" && r.width > 0 && r.height > 0,
    ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
    covered, coveredBy: covered && hit ? hit.tagName + "." + hit.className : "",
    key: e.outerHTML.slice(0, 200) + "@" + Math.round(r.top + scrollY),
  };
}"""

# The contrast of an element's text against what is behind it (WCAG's formula).
CONTRAST = """(e) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let back = null;
  for (let n = e; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { back = c.slice(0, 3); break; }
  }
  back = back || [255, 255, 255];
  const [a, b] = [lum(rgb(getComputedStyle(e).color).slice(0, 3)), lum(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.fixture(params=list(VIEWPORTS))
def small_screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**VIEWPORTS[request.param])
    yield context.new_page()
    context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def _walk(page: Page, limit: int = 600, key: str = "Tab") -> list[dict[str, Any]]:
    """Every Tab stop of the page, in order (or backwards with Shift+Tab), until focus comes round again."""
    stops: list[dict[str, Any]] = []
    seen = set()
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["key"] in seen:
            break
        seen.add(state["key"])
        stops.append(state)
    return stops


# Focus: every stop visible, on screen and not under the header, at 320 px and at 200% zoom.

@pytest.mark.parametrize("path", WALKED)
def test_check_focus_every_tab_stop_is_visible_and_on_screen(small_screen: Page, site_url: str, path: str) -> None:
    page = small_screen
    _open(page, f"{site_url}/{path}")
    width = page.evaluate("innerWidth")
    stops = _walk(page)
    assert len(stops) >= 5, stops
    hidden = [s["what"] for s in stops if not s["visible"]]
    off = [s["what"] for s in stops if s["right"] <= 0 or s["left"] >= width or s["bottom"] <= 0]
    covered = [(s["what"], s["coveredBy"]) for s in stops if s["visible"] and s["covered"]]
    unringed = [s["what"] for s in stops if not s["ring"]]
    assert not hidden, f"invisible Tab stops: {hidden}"
    assert not off, f"Tab stops off screen: {off}"
    assert not covered, f"Tab stops covered (by the header?): {covered}"
    assert not unringed, f"Tab stops with no visible focus: {unringed}"


def test_check_focus_backwards_on_a_level_page_nothing_hides_under_the_header(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 700})
    _open(page, f"{site_url}/thresholds/level-3/")
    page.keyboard.press("End")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator(".md-footer a").last.focus()
    stops = _walk(page, key="Shift+Tab")
    assert len(stops) > 20
    covered = [(s["what"], s["coveredBy"]) for s in stops if s["visible"] and s["covered"]]
    assert not covered, covered


def test_check_focus_after_a_flow_answer_and_a_link_to_a_term_is_below_the_header(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.set_viewport_size({"width": 360, "height": 640})
    _open(page, f"{site_url}/flows/which-level/")
    page.locator(".gl-start-button").click()
    page.locator(".gl-answers a:visible").first.click()
    page.wait_for_timeout(300)
    state = page.evaluate(FOCUS_STATE)
    assert state is not None and not state["covered"], state
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert state["top"] >= header - 1, (state, header)
    # A stable link to one term: the term's heading is below the header and above "Back to top".
    _open(page, f"{site_url}/glossary/#lado")
    page.mouse.wheel(0, -1)  # Material shows "Back to top" when the page scrolls up
    page.wait_for_timeout(400)
    top, hit = page.evaluate(
        "(() => { const h = document.getElementById('lado'); const r = h.getBoundingClientRect();"
        " const x = r.left + Math.min(r.width / 2, 40), y = r.top + r.height / 2;"
        " const e = document.elementFromPoint(x, y); return [r.top, !!e && (e === h || h.contains(e))]; })()"
    )
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert top >= header - 1 and hit, (top, header, hit)


# Keyboard: journeys a keyboard user makes, including the menu on a small screen.

def test_check_keyboard_the_menu_opens_and_closes_on_a_small_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    _open(page, f"{site_url}/practitioners/")
    menu = page.locator("[data-gl-menu]")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-gl-menu')"):
            break
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert menu.get_attribute("aria-expanded") == "true"
    inside = page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    assert inside, page.evaluate("document.activeElement.outerHTML")
    # The drawer's links are Tab stops while it is open, and visible.
    state = page.evaluate(FOCUS_STATE)
    assert state["visible"] and state["left"] >= 0, state
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-gl-menu')")
    context.close()


def test_check_keyboard_search_and_the_services_filter(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    _open(page, f"{site_url}/")
    page.locator("#gl-header-q").focus()
    page.keyboard.type("neglect")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=neglect"))
    page.locator(".gl-search-results a").first.wait_for(timeout=10000)
    page.keyboard.press("Tab")
    for _ in range(30):
        if page.evaluate("!!document.activeElement.closest('.gl-search-results')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.gl-search-results')")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/search/" not in url)
    # The services filter: "open now" by keyboard alone.
    _open(page, f"{site_url}/public/services/")
    stops = 0
    while not page.evaluate("!!document.activeElement.closest('[data-gl-services-filter]')") and stops < 60:
        page.keyboard.press("Tab")
        stops += 1
    assert stops < 60
    before = page.locator(".gl-service:visible").count()
    for _ in range(5):
        if page.evaluate("document.activeElement.type === 'radio'"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # Open now
    page.keyboard.press("ArrowRight")  # Open 24 hours
    page.wait_for_timeout(200)
    assert page.evaluate("document.activeElement.value") == "24-hours"
    assert 0 < page.locator(".gl-service:visible").count() < before


# Contrast in every state: links and buttons pointed at and focused.

CONTRAST_TARGETS = [
    ("public/worried-about-a-child/", ".md-banner a", 4.5),
    ("public/worried-about-a-child/", "article a[href^='../services']", 4.5),
    ("glossary/", "article a.gl-term, article p a", 4.5),
    ("thresholds/level-3/", "article a.gl-term", 4.5),
    ("flows/which-level/", ".gl-start-button", 4.5),
    ("procedures/as-at/", ".gl-as-at .md-button:not(.md-button--primary)", 4.5),
    ("search/", "#gl-search-form button[type=submit]", 4.5),
    ("", ".md-footer a", 4.5),
    ("", ".md-tabs__link", 4.5),
    ("practitioners/", ".md-nav__link", 4.5),
]


@pytest.mark.parametrize(("path", "selector", "least"), CONTRAST_TARGETS)
def test_check_contrast_of_links_and_buttons_when_pointed_at_and_focused(
    tab: RecordingPage, site_url: str, path: str, selector: str, least: float
) -> None:
    page = tab.page
    _open(page, f"{site_url}/{path}")
    element = page.locator(selector).locator("visible=true").first
    element.scroll_into_view_if_needed()
    at_rest = element.evaluate(CONTRAST)
    element.hover()
    page.wait_for_timeout(300)  # Material's colour transitions
    hovered = element.evaluate(CONTRAST)
    page.mouse.move(0, 0)
    element.focus()
    page.wait_for_timeout(300)
    focused = element.evaluate(CONTRAST)
    assert min(at_rest, hovered, focused) >= least, (at_rest, hovered, focused)


# Tooltips (1.4.13): hoverable, persistent, dismissible, readable.

def test_check_tooltips_stay_while_pointed_at_and_close_with_escape(tab: RecordingPage, site_url: str, axe) -> None:
    page = tab.page
    _open(page, f"{site_url}/thresholds/level-3/")
    term = page.locator("article a.gl-term").first
    assert term.get_attribute("title") is None  # no second, browser-drawn tooltip
    term.hover()
    tip = page.locator("#gl-tip")
    tip.wait_for(state="visible")
    assert term.get_attribute("aria-describedby") == "gl-tip"
    assert float(tip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    assert tip.evaluate(CONTRAST) >= 4.5
    assert not axe_violations(axe, page)
    # The pointer moves from the term onto the tooltip: it stays.
    box = tip.bounding_box()
    assert box
    page.mouse.move(box["x"] + 10, box["y"] + 10, steps=8)
    page.wait_for_timeout(600)
    assert tip.is_visible()
    # Escape closes it without moving the pointer or focus.
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # By keyboard: focus shows it, Escape closes it, focus stays on the term.
    term.focus()
    tip.wait_for(state="visible")
    assert tip.inner_text() == term.get_attribute("data-gl-tip")
    page.keyboard.press("Escape")
    assert tip.is_hidden() and page.evaluate("document.activeElement.classList.contains('gl-term')")
    # Moving the pointer away, with focus elsewhere, closes it.
    page.evaluate("document.activeElement.blur()")
    term.hover()
    tip.wait_for(state="visible")
    page.mouse.move(5, 700)
    tip.wait_for(state="hidden", timeout=2000)


# Forced colours: arrows and boxes drawn in the theme's text colour; the search field has a boundary.

def test_check_forced_colours_keep_diagrams_and_the_search_field(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, forced_colors="active", color_scheme="dark")
    page = context.new_page()
    _open(page, f"{site_url}/flows/which-level/")
    colours = page.evaluate(
        "(() => { const probe = document.createElement('span'); probe.style.color = 'CanvasText';"
        " probe.style.backgroundColor = 'Canvas'; document.body.append(probe); const s = getComputedStyle(probe);"
        " const arrow = document.querySelector('.gl-diagram path[marker-end]');"
        " return {text: s.color, canvas: s.backgroundColor, stroke: getComputedStyle(arrow).stroke,"
        " head: getComputedStyle(document.querySelector('.gl-diagram marker path')).fill}; })()"
    )
    assert colours["stroke"] == colours["text"] != colours["canvas"], colours
    assert colours["head"] == colours["text"], colours
    border = page.evaluate("getComputedStyle(document.querySelector('#gl-header-q')).borderTopStyle")
    assert border != "none"
    context.close()


# Reflow: nothing scrolls sideways at 320 px.

@pytest.mark.parametrize("path", PAGE_TYPES)
def test_check_reflow_no_page_scrolls_sideways_at_320px(narrow: Page, site_url: str, path: str) -> None:
    _open(narrow, f"{site_url}/{path}")
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320


def test_check_reflow_wide_tables_scroll_by_keyboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    _open(page, f"{site_url}/briefs/child-b-2025/")
    boxes = page.locator("[data-gl-scroll][tabindex='0']")
    assert boxes.count() >= 1
    box = boxes.first
    assert box.get_attribute("role") == "region" and box.get_attribute("aria-label")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    assert box.evaluate("e => e.scrollLeft") > 0
    context.close()


# Titles and names.

def test_check_titles_every_page_has_its_own(built_site: Path) -> None:
    titles: dict[str, list[str]] = {}
    for file in built_site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a redirect, not a page
        found = re.search(r"<title>(.*?)</title>", text, re.S)
        assert found, file
        titles.setdefault(found.group(1).strip(), []).append(str(file.relative_to(built_site)))
    assert {t: f for t, f in titles.items() if len(f) > 1} == {}
    assert "Page not found - Northmoor Safeguarding Children Partnership" in titles


@pytest.mark.parametrize("path", ["thresholds/level-3/", "search/", "glossary/", "procedures/early-help/"])
def test_check_names_of_headings_landmarks_and_links(tab: RecordingPage, site_url: str, path: str) -> None:
    page = tab.page
    _open(page, f"{site_url}/{path}")
    tree = page.locator("body").aria_snapshot()
    assert "¶" not in tree
    assert not re.search(r"^\s*- navigation:?$", tree, re.M), tree
    searches = re.findall(r'^\s*- search "([^"]*)"', tree, re.M)
    assert len(searches) == len(set(searches)), searches
    navigations = re.findall(r'^\s*- navigation "([^"]*)"', tree, re.M)
    assert navigations, tree
    assert page.evaluate("document.documentElement.lang") == "en-GB"
    new_windows = page.evaluate(
        "[...document.querySelectorAll('a[target=_blank]')].filter(a => !/new (tab|window)/i.test(a.textContent"
        " + (a.getAttribute('aria-label') || ''))).map(a => a.href)"
    )
    assert new_windows == []


# Without JavaScript: what needs it is not offered.

@pytest.mark.parametrize(("path", "selector"), [
    ("procedures/as-at/", ".gl-as-at"),
    ("procedures/early-help/history/", ".gl-as-at"),
    ("public/services/", "[data-gl-services-filter]"),
    ("thresholds/finder/", "#gl-finder"),
])
def test_check_no_js_forms_that_need_javascript_are_not_shown(browser: Browser, site_url: str, path: str, selector: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert page.locator(selector).count() >= 1
    assert page.locator(selector).first.is_hidden()
    context.close()


def test_check_no_js_the_search_page_offers_browsing(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/search/")
    links = page.locator(".gl-search-browse a")
    assert links.count() >= 4 and links.first.is_visible()
    context.close()


# axe in the states a reader reaches by interacting.

def test_check_axe_with_the_menu_open_and_a_filter_applied(browser: Browser, site_url: str, axe) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    _open(page, f"{site_url}/public/services/")
    page.locator("[data-gl-menu]").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert not axe_violations(axe, page)
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    page.locator("[data-gl-services-filter] input[type=radio]").nth(1).check()
    page.wait_for_timeout(200)
    assert not axe_violations(axe, page)
    context.close()
