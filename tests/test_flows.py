"""Decision flows: every path of every flow node by node, graph rules with exact messages, deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guidance import load_site
from guidance.kinds.calendar.kind import site_calendar
from guidance.kinds.flows.logic import Flow, answer_value, deadline, next_node, paths
from guidance.kinds.procedures.model import Timescale
from tests.helpers import EXAMPLE_TODAY, FLOW, ROOT, load_problems, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)
SITE = load_site(ROOT / "data", today=TODAY)
FLOWS: dict[str, Flow] = SITE.content["flows"]


def route(flow: str) -> list[str]:
    """Every path of a flow, written node=answer → ... → outcome."""
    text = FLOWS[flow].shown(TODAY).text
    return [" → ".join(f"{s.node}={s.value}" if s.value else s.node for s in path) for path in paths(text)]


def test_notify_the_panel_every_path() -> None:
    assert route("notify-the-panel") == [
        "abuse-or-neglect=yes → death-or-harm=died → notify",
        "abuse-or-neglect=yes → death-or-harm=seriously-harmed → notify",
        "abuse-or-neglect=yes → death-or-harm=neither → not-notifiable",
        "abuse-or-neglect=not-sure → seek-advice",
        "abuse-or-neglect=no → not-notifiable",
    ]


def test_rapid_review_decision_every_path() -> None:
    assert route("rapid-review-decision") == [
        "notified=yes → improvements=yes → recurrent=yes → recommend-review",
        "notified=yes → improvements=yes → recurrent=no → learning-elsewhere=yes → no-review-share-learning",
        "notified=yes → improvements=yes → recurrent=no → learning-elsewhere=no → recommend-review",
        "notified=yes → improvements=no → no-review",
        "notified=no → notify-first",
    ]


def test_which_level_every_path() -> None:
    assert route("which-level") == [
        "immediate-danger=yes → call-999",
        "immediate-danger=no → significant-harm=yes → level-4",
        "immediate-danger=no → significant-harm=not-sure → talk-to-dsl",
        "immediate-danger=no → significant-harm=no → needs-met=yes → level-1",
        "immediate-danger=no → significant-harm=no → needs-met=no → complex=yes → level-3",
        "immediate-danger=no → significant-harm=no → needs-met=no → complex=no → level-2",
    ]


def test_professional_disagreement_every_path() -> None:
    assert route("professional-disagreement") == [
        "immediate-risk=yes → act-now",
        "immediate-risk=no → talked=no → stage-1",
        "immediate-risk=no → talked=yes → managers=no → stage-2",
        "immediate-risk=no → talked=yes → managers=yes → senior=no → stage-3",
        "immediate-risk=no → talked=yes → managers=yes → senior=yes → stage-4",
    ]


@pytest.mark.parametrize("flow", sorted(FLOWS))
def test_every_node_is_on_a_path_and_every_step_follows_next_node(flow: str) -> None:
    text = FLOWS[flow].shown(TODAY).text
    on_paths = set()
    for path in paths(text):
        assert text.nodes[path[-1].node].outcome is not None
        for step, after in zip(path, path[1:], strict=False):
            assert next_node(text, step.node, step.value) == after.node
            on_paths.add(step.node)
        on_paths.add(path[-1].node)
    assert on_paths == set(text.nodes)
    assert next_node(text, text.start, "no-such-answer") is None


def test_answer_values_come_from_labels_unless_given() -> None:
    node = FLOWS["notify-the-panel"].shown(TODAY).text.nodes["abuse-or-neglect"]
    assert [answer_value(a) for a in node.answers] == ["yes", "not-sure", "no"]


# Deadlines across weekends and bank holidays.

FIVE = Timescale(within="5 working days", of="becoming aware")
HOLIDAYS = site_calendar(SITE).days


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (date(2024, 5, 13), date(2024, 5, 20)),  # Monday: the next Monday
        (date(2024, 5, 10), date(2024, 5, 17)),  # Friday: the weekend does not count
        (date(2024, 5, 11), date(2024, 5, 17)),  # Saturday: counting starts on Monday
        (date(2024, 5, 1), date(2024, 5, 9)),  # Wednesday, over the early May bank holiday (6 May)
        (date(2024, 12, 20), date(2024, 12, 31)),  # Friday before Christmas Day and Boxing Day
        (date(2024, 12, 24), date(2025, 1, 3)),  # Christmas Eve, over three bank holidays
        (date(2024, 3, 27), date(2024, 4, 5)),  # over Good Friday and Easter Monday
        (date(2023, 12, 22), date(2024, 1, 3)),  # Friday: Christmas, Boxing Day and New Year's Day 2024
        (date(2027, 12, 23), date(2028, 1, 4)),  # Christmas 2027 falls on a Saturday: 27 and 28 are holidays
        (date(2031, 12, 23), date(2032, 1, 2)),  # Tuesday: Christmas, Boxing Day, New Year's Day
        (date(2030, 4, 17), date(2030, 4, 26)),  # over Easter 2030 (19 and 22 April)
        (date(2023, 5, 5), date(2023, 5, 15)),  # over the coronation (8 May 2023), a one-off day
        (date(2022, 9, 16), date(2022, 9, 26)),  # over the Queen's state funeral (19 September 2022)
    ],
)
def test_working_days_skip_weekends_and_bank_holidays(start: date, due: date) -> None:
    assert deadline(start, FIVE, HOLIDAYS) == due


def test_other_units() -> None:
    assert deadline(date(2024, 1, 31), Timescale(within="1 month", of="x")) == date(2024, 2, 29)
    assert deadline(date(2024, 1, 31), Timescale(within="6 months", of="x")) == date(2024, 7, 31)
    assert deadline(date(2024, 1, 1), Timescale(within="3 days", of="x")) == date(2024, 1, 4)
    assert deadline(date(2024, 1, 1), Timescale(within="2 weeks", of="x")) == date(2024, 1, 15)
    assert deadline(date(2024, 1, 1), Timescale(within="24 hours", of="x")) is None


# Invalid flows: each class with its exact message.


def flow_problems(root: Path, text: str) -> list[str]:
    write(root, "data/flows/notify.yml", text)
    return [p for p in load_problems(today=TODAY) if ": warning: " not in p and ": notice: " not in p]


def test_the_small_flow_is_valid(small: Path) -> None:
    write(small, "data/flows/notify.yml", FLOW)
    assert [str(p) for p in load_site("data", today=TODAY).warnings if p.is_error] == []


def test_an_unknown_next_node(small: Path) -> None:
    text = FLOW.replace('{label: "Yes", next: harm}', '{label: "Yes", next: harrm}')
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:16:34: versions[0].nodes.abuse.answers[0].next: unknown node 'harrm' (did you mean 'harm'?)"
    ]


def test_a_loop(small: Path) -> None:
    text = FLOW.replace('{label: "No", next: no-action}\n      notify', '{label: "No", next: abuse}\n      notify')
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:22:33: versions[0].nodes.harm.answers[1].next: goes back to 'abuse': a flow cannot "
        "loop (abuse → harm → abuse)"
    ]


def test_a_question_with_one_answer_and_an_unreachable_node(small: Path) -> None:
    text = FLOW.replace('          - {label: "No", next: no-action}\n      harm', "      harm")
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:16:11: versions[0].nodes.abuse.answers: a question needs at least 2 answers, got 1"
    ]
    text = FLOW.replace('{label: "No", next: no-action}\n      harm', '{label: "No", next: harm}\n      harm').replace(
        '{label: "No", next: no-action}\n      notify', '{label: "No", next: notify}\n      notify'
    )
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:30:9: versions[0].nodes.no-action: this outcome is never reached from the start node 'abuse'"
    ]


def test_a_dead_end_and_a_confused_node(small: Path) -> None:
    text = FLOW.replace("        outcome: no-further-action\n", "").replace("        outcome: act-now\n", "        outcome: act-now\n        question: Really?\n")
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:24:9: versions[0].nodes.notify: a node is a question or an outcome, not both: remove 'question' or 'outcome'",
        "data/flows/notify.yml:31:9: versions[0].nodes.no-action: expected a question (with 'question' and 'answers') or "
        "an outcome (with 'outcome', 'title' and 'text')",
    ]


def test_a_bad_deadline_start_and_references(small: Path) -> None:
    text = FLOW.replace("within: 5 working days", "within: five working days")
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:27:28: versions[0].nodes.notify.deadline.within: expected a time such as '5 working days', "
        "'24 hours' or '3 months', got 'five working days'"
    ]
    text = FLOW.replace("start: abuse", "start: notify").replace("contacts: [front-door]", "contacts: [front-dor]")
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:10:12: versions[0].start: the start node 'notify' must be a question",
    ]
    text = FLOW.replace("contacts: [front-door]", "contacts: [front-dor]").replace("terms: [cspr]", "terms: [cpsr]")
    assert flow_problems(small, text) == [
        "data/flows/notify.yml:14:17: versions[0].nodes.abuse.terms[0]: unknown glossary 'cpsr' (did you mean 'cspr'?)",
        "data/flows/notify.yml:28:20: versions[0].nodes.notify.contacts[0]: unknown contact 'front-dor' (did you mean 'front-door'?)",
    ]


def test_a_later_version_changes_only_what_it_gives(small: Path) -> None:
    text = FLOW + """\
  - version: 2
    effective: 2024-03-01
    note: Outcome reworded.
    title: Should this be notified?
"""
    write(small, "data/flows/notify.yml", text)
    flow: Flow = load_site("data", today=TODAY).content["flows"]["notify"]
    v1, v2 = flow.editions
    assert v2.text.title == "Should this be notified?" and v2.text.nodes == v1.text.nodes
    assert flow.shown(date(2024, 2, 29)) is v1 and flow.shown(date(2024, 3, 1)) is v2


def test_the_calendar_covers_years_around_the_build_and_says_where_it_stops() -> None:
    calendar = site_calendar(SITE)
    assert (calendar.first_year, calendar.last_year) == (TODAY.year - 20, TODAY.year + 10)
    assert calendar.covers(date(2031, 12, 25)) and not calendar.covers(date(TODAY.year + 11, 1, 1))
    assert date(2023, 5, 8) in calendar.holidays and date(2036, 12, 25) in calendar.holidays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("region: wales\n", "data/bank-holidays.yml:1:9: region: expected one of: 'england-and-wales', 'scotland' or "
         "'northern-ireland', got 'wales'"),
        ("region: england-and-wales\nclosures:\n  - {date: 2026-12-25, name: Office closed}\n",
         "data/bank-holidays.yml:3:12: closures[0].date: expected a day that is not a bank holiday already, got "
         "2026-12-25 (Christmas Day in England and Wales): remove it"),
        ("region: scotland\nclosures:\n  - {date: 2027-01-04, name: Office closed}\n",
         "data/bank-holidays.yml:3:12: closures[0].date: expected a day that is not a bank holiday already, got "
         "2027-01-04 (New Year Holiday (observed) in Scotland): remove it"),
    ],
)
def test_bank_holiday_data_that_contradicts_the_calendar_is_an_error(small: Path, text: str, expected: str) -> None:
    write(small, "data/bank-holidays.yml", text)
    assert load_problems() == [expected]


def test_scotland_has_its_own_bank_holidays_and_closures_count(small: Path) -> None:
    write(small, "data/bank-holidays.yml", "region: scotland\nclosures:\n  - {date: 2026-12-29, name: Office closed}\n")
    calendar = site_calendar(load_site("data", today=TODAY))
    assert date(2026, 1, 2) in calendar.holidays  # 2 January: Scotland only
    assert date(2026, 8, 3) in calendar.holidays and date(2026, 8, 31) not in calendar.holidays  # summer holidays differ
    # Thursday 24 December: Christmas (Fri), the weekend, Boxing Day observed (Mon) and the closure (Tue) are skipped.
    assert deadline(date(2026, 12, 24), Timescale(within="2 working days", of="x"), calendar.days) == date(2026, 12, 31)


def test_every_version_of_a_flow_has_a_page_saying_when_it_applied_and_what_changed() -> None:
    from guidance.registry import KINDS

    pages = {p.path: p.markdown for p in next(k for k in KINDS if k.name == "flows").pages(SITE)}
    first, second = pages["flows/notify-the-panel/v1.md"], pages["flows/notify-the-panel/v2.md"]
    assert "**This is not the version that applies now.** It applied from 29 September 2019 until 1 March 2024." in first
    assert "## What changed in version 1\n\n- First published." in first
    assert "**This is the version that applies now.** It applies from 1 March 2024." in second
    assert "- Changed what to do at the outcome 'Act now: Notify the national panel'" in second
    assert "| [Version 1](v1.md) | 29 September 2019 | First published. |" in pages["flows/notify-the-panel/index.md"]


def test_flow_changes_name_each_question_and_outcome_changed() -> None:
    from guidance.kinds.flows.model import FlowText
    from guidance.kinds.flows.versions import flow_changes

    before = FLOWS["which-level"].shown(TODAY).text
    data = before.model_dump()
    data["nodes"]["needs-met"]["question"] = "Are the child's needs met by universal services alone?"
    data["nodes"]["complex"]["answers"][0]["label"] = "Yes, several"
    data["nodes"]["level-3"]["title"] = "Refer for a multi_agency assessment"  # Markdown's special letters, escaped once
    del data["nodes"]["talk-to-dsl"]
    data["nodes"]["significant-harm"]["answers"] = [a for a in data["nodes"]["significant-harm"]["answers"] if a["next"] != "talk-to-dsl"]
    changes = flow_changes(before, FlowText.model_validate(data))
    assert any(c.startswith("Reworded: the question 'Are the child's needs met by the services everyone uses, such as school and the GP?'") for c in changes), changes
    assert any(c.startswith("Answers changed for the question") and "Yes, several" in c for c in changes)
    assert any("multi\\_agency" in c for c in changes) and not any("\\\\" in c for c in changes), changes
    assert any(c.startswith("Removed: the outcome") for c in changes)
