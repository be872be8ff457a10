"""A decision flow in a real browser: every path by keyboard, the URL, Change and Back, the record."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from guidance import load_site
from guidance.flows import paths
from tests.browser.conftest import RecordingPage, axe_violations
from tests.helpers import EXAMPLE_TODAY, ROOT

FLOW = "/flows/notify-the-panel/"
TEXT = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY)).content["flows"]["notify-the-panel"].shown(
    date.fromisoformat(EXAMPLE_TODAY)
).text


def label(node: str, value: str) -> str:
    from guidance.flows import answer_value

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


@pytest.mark.browser
def test_the_decision_record_and_the_deadline(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW + "?abuse-or-neglect=yes&death-or-harm=died")
    page.fill("#deadline-notify", "2024-05-01")
    page.dispatch_event("#deadline-notify", "change")
    assert page.inner_text("#node-notify .gl-deadline-result") == (
        "Deadline: Thursday 9 May 2024 (5 working days after Wednesday 1 May 2024, not counting weekends or bank holidays)."
    )
    page.fill("#gl-rationale", "Baby with unexplained bruising; notified on advice of the DSL.")
    record = page.inner_text(".gl-record-text")
    assert record.startswith(
        "Decision record\nFlow: Does this incident need to be notified to the national panel? (version 2, in force from 1 March 2024)\n"
    )
    assert "1. Is abuse or neglect of the child known or suspected? Yes\n2. Has the child died or been seriously harmed? The child has died" in record
    assert "Outcome: Act now: Notify the national panel\nDeadline: Thursday 9 May 2024" in record
    assert "Rationale:\nBaby with unexplained bruising; notified on advice of the DSL." in record
    assert "Recorded: " in record
    page.click("[data-gl-copy]")
    page.wait_for_function("document.querySelector('.gl-copy-status').textContent !== ''")
    assert tab.outside_requests() == []  # the rationale never left the page


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
    context.close()


@pytest.mark.browser
def test_the_diagram_has_a_text_alternative_and_no_outside_request(tab: RecordingPage, site_url: str) -> None:
    page = tab.page
    page.goto(site_url + FLOW)
    svg = page.locator("svg.gl-diagram")
    assert svg.get_attribute("role") == "img"
    assert page.locator("#gl-diagram-title").text_content() == "Diagram: Does this incident need to be notified to the national panel?"
    assert "3 outcomes" in page.locator("#gl-diagram-desc").text_content()
    assert tab.outside_requests() == []
