"""A flow's diagram is true to the flow: no label hidden or overlapping, no line through a box
it does not join. Checked on the example flows, on flows of many other shapes, and shown to
catch the faults of the diagrams this project drew before (kept in tests/fixtures/)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidance import load_site
from guidance.kinds.flows.diagram import MAX_BOXES, flow_svg, layout_faults
from guidance.kinds.flows.diagram_check import diagram_faults
from guidance.kinds.flows.model import FlowText
from tests.helpers import EXAMPLE_TODAY, ROOT, load_problems, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("flow", ["notify-the-panel", "rapid-review-decision", "which-level", "professional-disagreement"])
def test_every_example_flow_is_drawn_cleanly_in_every_version(flow: str) -> None:
    for edition in load_site(ROOT / "data", today=TODAY).content["flows"][flow].editions:
        assert diagram_faults(flow_svg(edition.text, flow) or "") == []


def test_the_check_finds_what_was_wrong_with_the_diagrams_drawn_before() -> None:
    """The hand-made layout of 2026-11-23: a hidden label, a line under a box, labels overlapping."""
    notify = diagram_faults((FIXTURES / "notify-the-panel-diagram-2026-11-23.svg").read_text())
    assert "'died' and 'died seriously harmed' overlap" in notify
    assert any(f.startswith("the line from 'Is abuse or neglect of the child known or suspected?' to 'NO FURTHER ACTION")
               and f.endswith("crosses 'SEEK ADVICE Talk it through before deciding'") for f in notify)
    assert "'yes no' and 'yes no' overlap" in diagram_faults((FIXTURES / "rapid-review-decision-diagram-2026-11-23.svg").read_text())


WORDS = ["child", "harm", "referral", "worker", "school", "family", "Ōtautahi", "Llanelli", "safeguarding", "ÉCOLE",
         "a", "of", "the", "Ysgol", "multi-agency", "Pōneke", "O'Connor-Smythe", "extraordinarily-long-hyphenated-word"]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def generated_flow(rng: random.Random, questions: int, answers: int, long_text: bool) -> FlowText:
    nodes: dict[str, object] = {}
    outcomes = ["act-now", "refer", "seek-advice", "no-further-action"]
    for i in range(questions):
        nexts = []
        for k in range(answers):
            if i + 1 == questions or (k > 0 and rng.random() < 0.4):
                nexts.append(f"o{rng.randrange(len(outcomes))}" if i + 1 < questions else f"o{k % len(outcomes)}")
            else:
                nexts.append(f"q{rng.randrange(i + 1, questions)}" if k else f"q{i + 1}")
        nodes[f"q{i}"] = {
            "question": _words(rng, rng.randint(12, 30) if long_text else rng.randint(3, 9)) + "?",
            "answers": [{"label": f"{k} " + _words(rng, rng.randint(4, 9) if long_text else 1), "next": n}
                        for k, n in enumerate(nexts)],
        }
    for o, kind in enumerate(outcomes):
        nodes[f"o{o}"] = {"outcome": kind, "title": _words(rng, rng.randint(2, 12)), "text": "Do this."}
    used = {a["next"] for n in nodes.values() for a in n.get("answers", [])}  # type: ignore[attr-defined]
    nodes = {k: v for k, v in nodes.items() if k.startswith("q") or k in used}
    return FlowText.model_validate(
        {"title": "A flow", "purpose": "Tests.", "sources": [{"title": "Working Together 2023"}], "start": "q0", "nodes": nodes}
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions=st.integers(1, 12), answers=st.integers(2, 6), long_text=st.booleans(), seed=st.integers(0, 10**6))
def test_flows_of_many_shapes_are_drawn_cleanly(questions: int, answers: int, long_text: bool, seed: int) -> None:
    text = generated_flow(random.Random(seed), questions, answers, long_text)
    boxes = len(text.nodes) + sum(len(n.answers or []) for n in text.nodes.values())
    svg = flow_svg(text, "A flow")
    if boxes > MAX_BOXES:
        assert svg is None
    else:
        assert svg is not None and diagram_faults(svg) == [] and layout_faults(text) == []


def test_every_word_of_a_flow_is_in_its_diagram() -> None:
    import html as html_lib
    import re

    text = generated_flow(random.Random(7), 4, 3, True)
    drawn = "".join(html_lib.unescape(t) for t in re.findall(r">([^<]+)</tspan>", flow_svg(text, "A flow") or ""))
    for node in text.nodes.values():
        for answer in node.answers or []:
            assert answer.label.replace(" ", "") in drawn.replace(" ", "")
        assert (node.question or node.title or "").replace(" ", "") in drawn.replace(" ", "")


def test_without_graphviz_a_flow_is_an_error_that_says_what_to_install(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guidance.kinds.flows import diagram as diagram
    from tests.helpers import FLOW

    diagram._layout.cache_clear()  # laid out already in this process: lay it out again
    monkeypatch.setenv("PATH", str(small))  # no dot on it
    write(small, "data/flows/notify.yml", FLOW)
    assert load_problems() == [
        "data/flows/notify.yml:4:5: versions[0]: drawing a flow's diagram needs Graphviz's dot: install the graphviz "
        "package (apt-get install graphviz; ./dev does this)"
    ]
