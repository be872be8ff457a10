"""Large and strange flows are checked in time linear in their size, and refused without a crash.

Checking a flow used to list every path: 20 yes/no questions whose answers rejoin have a
million paths (26 s), 24 hung, and a 1,200-question chain overflowed Python's stack.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidance import load_site
from guidance.kinds.flows.diagram import MAX_BOXES
from guidance.kinds.flows.logic import graph_problems
from guidance.kinds.flows.model import FlowText
from guidance.registry import KINDS
from tests.helpers import load_problems, write


def flow_text(questions: int, answers: int, rng: random.Random, rejoin: float) -> dict[str, Any]:
    """Questions q0..qn-1 in order, each answer leading to a later question or an outcome."""
    nodes: dict[str, Any] = {}
    for i in range(questions):
        nexts = []
        for k in range(answers):
            if i + 1 == questions:
                nexts.append(f"end{k % 2}")  # every outcome is reached
            elif k == 0:
                nexts.append(f"q{i + 1}")  # every question is reached
            elif rng.random() < rejoin:
                nexts.append(f"q{rng.randrange(i + 1, questions)}")
            else:
                nexts.append(f"end{rng.randrange(2)}")
        nodes[f"q{i}"] = {
            "question": f"Question {i}, about a child and a worry that is long enough to wrap?",
            "answers": [{"label": f"Answer {k}", "next": n} for k, n in enumerate(nexts)],
        }
    for o in range(2):
        nodes[f"end{o}"] = {"outcome": "refer", "title": f"Outcome {o}", "text": "Do this."}
    return {"title": "A large flow", "purpose": "Tests.", "sources": [{"title": "Working Together 2023"}], "start": "q0", "nodes": nodes}


def timed_check(text: dict[str, Any]) -> float:
    model = FlowText.model_validate(text)
    started = time.perf_counter()
    assert graph_problems(model) == []
    return time.perf_counter() - started


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions=st.integers(50, 800), answers=st.integers(2, 6), rejoin=st.floats(0.3, 1.0), seed=st.integers(0, 10**6))
def test_large_rejoining_flows_are_checked_in_well_under_a_second(questions: int, answers: int, rejoin: float, seed: int) -> None:
    assert timed_check(flow_text(questions, answers, random.Random(seed), rejoin)) < 1.0


def test_twenty_four_rejoining_yes_no_questions_and_a_long_chain() -> None:
    rejoining = flow_text(24, 2, random.Random(1), 1.0)  # about 2**24 paths
    chain = flow_text(1200, 2, random.Random(2), 0.0)  # 1,200 deep
    assert timed_check(rejoining) < 1.0 and timed_check(chain) < 1.0


def test_a_long_loop_is_reported_not_a_crash(small: Path) -> None:
    text = flow_text(1500, 2, random.Random(3), 0.0)
    text["nodes"]["q1499"]["answers"][1]["next"] = "q0"
    flow = {"id": "deep", "owner": "Tests", "versions": [{"version": 1, "effective": "2024-01-01", **text}]}
    write(small, "data/flows/deep.yml", yaml.safe_dump(flow, sort_keys=False))
    problems = load_problems()
    assert len(problems) == 1 and problems[0].startswith("data/flows/deep.yml:")
    assert "versions[0].nodes.q1499.answers[1].next: goes back to 'q0': a flow cannot loop (q0 → q1 → q2" in problems[0]


@pytest.mark.parametrize(("questions", "answers", "rejoin"), [(300, 4, 0.9), (1200, 2, 0.0), (24, 2, 1.0)])
def test_a_large_flow_loads_and_makes_its_pages(small: Path, questions: int, answers: int, rejoin: float) -> None:
    """Wide, 1,200 deep, or a million paths: the pages are made all the same, with a diagram
    where one can help (up to 90 boxes) and a plain sentence where it could not."""
    flow = {"id": "big", "owner": "Tests", "versions": [{"version": 1, "effective": "2024-01-01",
                                                         **flow_text(questions, answers, random.Random(4), rejoin)}]}
    write(small, "data/flows/big.yml", yaml.safe_dump(flow, sort_keys=False))
    site = load_site("data")
    pages = next(k for k in KINDS if k.name == "flows").pages(site)
    page = next(p for p in pages if p.path == "flows/big/index.md")
    assert f"q{questions - 1}" in page.markdown
    if questions * (answers + 1) + 2 <= MAX_BOXES:
        assert page.markdown.count("<rect") == questions * (answers + 1) + 2
    else:
        assert "too many questions and answers to draw as one diagram" in page.markdown and "<svg" not in page.markdown
