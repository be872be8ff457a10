"""A decision flow in a real browser: every path by keyboard, the URL, Change and Back, the record."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from guidance import load_site
from guidance.kinds.flows.logic import paths
from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import EXAMPLE_TODAY, ROOT

FLOW = "/flows/notify-the-panel/"
TEXT = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY)).content["flows"]["notify-the-panel"].shown(
    date.fromisoformat(EXAMPLE_TODAY)
).text


def label(node: str, value: str) -> str:
    from guidance.kinds.flows.logic import answer_value

    return next(a.label for a in TEXT.nodes[node].answers if answer_value(a) == value)


def tab_to(page, text: str) -> None:
    """Press Tab until the focused element is the link or button with this text."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"could not reach {text!r} with the Tab key")


def visible_step(page) -> str:
    return page.eval_on_selector_all("[data-step]:not([hidden])", "els => els.map(e => e.dataset.step).filter(s => s !== 'start')")[0]


@pytest.mark.browser
@pytest.mark.parametrize("path", paths(TEXT), ids=lambda p: "-".join(s.value or s.node for s in p))
def test_every_path_by_keyboard(tab: RecordingPage, site_url: str, axe, path) -> None:
    page = tab.page
    page.goto(site_url + FLOW)
    # A start page first: what the flow is for and Start now, no question yet.
    assert page.eval_on_selector_all("[data-step]:not([hidden])", "els => els.map(e => e.dataset.step)") == ["start"]
    tab_to(page, "Start now")
    page.keyboard.press("Enter")
    assert page.locator("[data-step=start]").is_hidden()
    for step in path[:-1]:
        assert visible_step(page) == step.node
        assert axe_violations(axe, page) == ""
        tab_to(page, label(step.node, step.value))
        page.keyboard.press("Enter")
        # A screen reader hears the new step: focus moves to its heading.
        assert page.evaluate("document.activeElement.closest('[data-step]').dataset.step") == visible_step(page)
    assert visible_step(page) == path[-1].node
    assert axe_violations(axe, page) == ""
    answers = dict(parse_qsl(urlsplit(page.url).query))
    assert answers == {s.node: s.value for s in path[:-1]}
    assert list(answers) == sorted(answers)  # readable and sorted
    assert tab.outside_requests() == []


@pytest.mark.browser
def test_a_shared_url_opens_at_the_same_step_with_the_same_answers(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW + "?death-or-harm=seriously-harmed&abuse-or-neglect=yes")
    assert visible_step(page) == "notify"
    summary = page.inner_text(".gl-summary-list")
    assert "Is abuse or neglect of the child known or suspected?\nYes Change" in summary
    assert "The child has been seriously harmed" in summary
    # An answer that is not on the path is ignored, not trusted.
    page.goto(site_url + FLOW + "?abuse-or-neglect=no&death-or-harm=died")
    assert visible_step(page) == "not-notifiable"


@pytest.mark.browser
def test_change_back_and_start_again(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    page.fill("#gl-rationale", "Bruising to a baby; the cause is not explained.")
    page.click(".gl-summary-list a >> nth=1")  # Change the second answer
    assert visible_step(page) == "death-or-harm"
    assert urlsplit(page.url).query == "abuse-or-neglect=yes"
    page.click("text=Neither")
    assert visible_step(page) == "not-notifiable"
    page.go_back()  # the browser's own Back
    assert visible_step(page) == "death-or-harm"
    page.click("[data-gl-back]")
    assert visible_step(page) == "abuse-or-neglect" and urlsplit(page.url).query == ""
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    page.fill("#gl-rationale", "Something private.")
    page.click("[data-gl-restart]")
    assert visible_step(page) == "abuse-or-neglect"
    assert page.input_value("#gl-rationale") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""


def enter_date(page, node: str, day: str, month: str, year: str) -> None:
    """Type a date into an outcome's day, month and year boxes, as a practitioner would."""
    for part, value in (("day", day), ("month", month), ("year", year)):
        page.fill(f"#deadline-{node}-{part}", value)


@pytest.mark.browser
def test_the_decision_record_and_the_deadline(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    enter_date(page, "notify", "1", "5", "2024")
    assert page.inner_text("#node-notify .gl-deadline-result") == (
        "Deadline: Thursday 9 May 2024 (5 working days after Wednesday 1 May 2024, not counting weekends or bank holidays)."
    )
    page.fill("#gl-rationale", "Baby with unexplained bruising; notified on advice of the DSL.")
    page.fill("#gl-decided-by", "A. Practitioner, designated safeguarding lead")
    record = page.inner_text(".gl-record-text")
    assert record.startswith(
        "Decision record\nFlow: Does this incident need to be notified to the national panel? (version 2, in force from 1 March 2024)\n"
    )
    assert "1. Is abuse or neglect of the child known or suspected? Yes\n2. Has the child died or been seriously harmed? The child has died" in record
    assert "Outcome: Act now: Notify the national panel\nDeadline: Thursday 9 May 2024 (5 working days after Wednesday 1 May 2024" in record
    assert "Rationale:\nBaby with unexplained bruising; notified on advice of the DSL." in record
    assert "Decided by: A. Practitioner, designated safeguarding lead\nRecorded: " in record
    assert "From: Northmoor Safeguarding Children Partnership" in record
    page.click("[data-gl-copy]")
    page.wait_for_function("document.querySelector('.gl-copy-status').textContent !== ''")
    assert tab.outside_requests() == []  # the rationale never left the page


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (("22", "12", "2023"), "Deadline: Wednesday 3 January 2024 (5 working days after Friday 22 December 2023"),
        (("23", "12", "2027"), "Deadline: Tuesday 4 January 2028 (5 working days after Thursday 23 December 2027"),
        (("5", "5", "2023"), "Deadline: Monday 15 May 2023 (5 working days after Friday 5 May 2023"),  # the coronation
        (("31", "2", "2024"), "Enter a real date, for example 27 3 2024."),
        (("1", "May", "2024"), "Enter the date as numbers, for example 27 3 2024."),
        (("1", "5", "2050"), "Bank holidays are known here for 2006 to 2036 only, so this deadline is not worked out: "
                             "count 5 working days from Sunday 1 May 2050 by hand"),
    ],
)
def test_deadlines_in_any_year_and_dates_the_calendar_cannot_vouch_for(tab: RecordingPage, site_url: str, typed, said) -> None:
    page = tab.page
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    enter_date(page, "notify", *typed)
    assert page.inner_text("#node-notify .gl-deadline-result").startswith(said)


@pytest.mark.browser
def test_the_record_survives_a_link_and_back_and_goes_with_start_again_or_exit(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    private = "Unexplained bruising, seen by the health visitor on Tuesday."
    page.context.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"))
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    enter_date(page, "notify", "1", "5", "2024")
    page.fill("#gl-rationale", private)
    page.fill("#gl-decided-by", "A. Practitioner")
    page.click("#node-notify a[href*='procedures/notifying-serious-incidents']")
    page.wait_for_url("**/procedures/notifying-serious-incidents/")
    page.go_back()
    page.wait_for_selector("#node-notify:not([hidden])")
    assert page.input_value("#gl-rationale") == private
    assert page.input_value("#gl-decided-by") == "A. Practitioner"
    assert page.input_value("#deadline-notify-year") == "2024"
    assert "Deadline: Thursday 9 May 2024" in page.inner_text("#node-notify .gl-deadline-result")
    assert private in page.inner_text(".gl-record-text")
    # Never sent: no request's address or body carries it, and no cookie holds it.
    assert not any("bruising" in (r.url + (r.post_data or "")) for r in tab.all_requests)
    assert page.evaluate("document.cookie") == ""
    page.click("[data-gl-restart]")
    assert page.input_value("#gl-rationale") == "" and page.evaluate("sessionStorage.length") == 0
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    page.fill("#gl-rationale", private)
    page.click("[data-gl-exit]")
    page.wait_for_url("https://www.bbc.co.uk/**")
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    assert page.input_value("#gl-rationale") == "" and page.evaluate("sessionStorage.length") == 0


def _outcome_path(flow: str):
    """A path to an outcome with a deadline if the flow has one, else its first path."""
    text = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY)).content["flows"][flow].shown(
        date.fromisoformat(EXAMPLE_TODAY)).text
    all_paths = paths(text)
    return text, next((p for p in all_paths if text.nodes[p[-1].node].deadline), all_paths[0])


@pytest.mark.browser
@pytest.mark.parametrize("flow", ["notify-the-panel", "rapid-review-decision", "which-level", "professional-disagreement"])
def test_the_printed_decision_record_holds_the_whole_decision(tab: RecordingPage, site_url: str, flow: str) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    text, path = _outcome_path(flow)
    page = tab.page
    query = "&".join(f"{s.node}={s.value}" for s in sorted(path[:-1], key=lambda s: s.node))
    page.goto(f"{site_url}/flows/{flow}/?{query}")
    outcome = path[-1].node
    if text.nodes[outcome].deadline:
        enter_date(page, outcome, "2", "9", "2024")
    page.fill("#gl-rationale", "The reasons for this decision, written down.")
    page.fill("#gl-decided-by", "A. Practitioner, team manager")
    page.evaluate("window.print = () => {}")  # the dialog itself is the browser's; what it prints is ours
    page.click("[data-gl-print]")
    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    printed = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert len(pdf.pages) == 1
    assert f"Decision record: {text.title}" in printed
    for step in path[:-1]:
        assert text.nodes[step.node].question in printed
    assert text.nodes[outcome].title in printed
    if text.nodes[outcome].deadline:
        assert "Deadline:" in printed and "after Monday 2 September 2024" in printed
    for words in ("The reasons for this decision, written down.", "Decided by: A. Practitioner, team manager",
                  "Recorded:", "Northmoor Safeguarding Children Partnership", f"/flows/{flow}/?"):
        assert words in printed, words
    assert "Skip to content" not in printed and "Start again" not in printed  # the record alone


@pytest.mark.browser
def test_without_javascript_every_node_is_a_linked_section(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FLOW)
    for node, spec in TEXT.nodes.items():
        section = page.locator(f"#node-{node}")
        assert section.is_visible(), node
        for answer in spec.answers or []:
            assert section.locator(f'a[href="#node-{answer.next}"]', has_text=answer.label).count() == 1
    page.click("#node-abuse-or-neglect >> text=Yes")
    assert page.url.endswith("#node-death-or-harm")
    assert page.locator(".gl-diagram").is_visible()
    # The deadline's rule, worked through an example, to apply by hand.
    rule = page.inner_text("#node-notify .gl-deadline-rule")
    assert rule.startswith("Count 5 working days from the day after the local authority becoming aware of the incident, "
                           "leaving out Saturdays, Sundays and bank holidays in England and Wales. For example, from ")
    # A record to print and fill in, with every question.
    form = page.locator(".gl-paper-record")
    assert form.is_visible()
    for node in TEXT.nodes.values():
        if node.question:
            assert node.question in form.inner_text()
    for words in ("Outcome:", "counted from:", "Rationale", "Decided by (name and role):", "Northmoor Safeguarding Children Partnership"):
        assert words in form.inner_text()
    context.close()


@pytest.mark.browser
def test_with_javascript_the_paper_record_is_not_shown(tab: RecordingPage, site_url: str) -> None:
    tab.page.goto(site_url + FLOW)
    assert tab.page.locator(".gl-paper-record").count() == 0 or not tab.page.locator(".gl-paper-record").is_visible()


@pytest.mark.browser
def test_the_diagram_has_a_text_alternative_and_no_outside_request(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW)
    svg = page.locator("svg.gl-diagram")
    assert svg.get_attribute("role") == "img"
    assert page.locator("#gl-diagram-title").text_content() == "Diagram: Does this incident need to be notified to the national panel?"
    assert "3 outcomes" in page.locator("#gl-diagram-desc").text_content()
    assert tab.outside_requests() == []


@pytest.mark.browser
@pytest.mark.parametrize("flow", ["notify-the-panel", "rapid-review-decision", "which-level", "professional-disagreement"])
def test_the_diagram_is_legible_on_a_small_phone_and_in_forced_colours(browser, site_url: str, axe, flow: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/flows/{flow}/")
    # axe first, at the top: scrolled part-way, the sticky header covers part of whatever passes under it.
    assert axe_violations(axe, page) == ""
    region = page.locator(".gl-diagram-scroll")
    region.scroll_into_view_if_needed()
    # Words stay readable: no line of text drawn smaller than 11 px, the page scrolls only inside the region.
    heights = page.eval_on_selector_all(".gl-diagram tspan", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 11, min(heights)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # it scrolls sideways instead
    # By keyboard: the region takes focus, and the arrow keys scroll it.
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.gl-diagram-scroll').scrollLeft > 0")
    # Forced colours (Windows High Contrast): lines, arrows and words take the system's text colour.
    page.emulate_media(forced_colors="active", color_scheme="dark")
    colours = page.evaluate("""() => {
      const line = document.querySelector('.gl-diagram path[marker-end]');
      const arrow = document.querySelector('#gl-arrow path');
      const word = document.querySelector('.gl-diagram text');
      const back = getComputedStyle(document.querySelector('.gl-diagram-scroll')).backgroundColor;
      return {line: getComputedStyle(line).stroke, arrow: getComputedStyle(arrow).fill, word: getComputedStyle(word).fill, back};
    }""")
    assert colours["line"] == colours["arrow"] == colours["word"] != colours["back"], colours
    context.close()
