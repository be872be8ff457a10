"""Decision flows as pure logic: the next node, every path, the graph rules, and deadlines.

As in GOV.UK's smart answers, a flow is data plus small functions; the browser code only
walks the same graph, and tests enumerate every path node by node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from guidance import versions
from guidance.errors import Path, suggest
from guidance.kinds.flows.model import Answer, FlowFile, FlowText, Node
from guidance.kinds.procedures.model import Timescale
from guidance.site import Key
from guidance.timescales import add_working_days

__all__ = [
    "FLOWS_INDEX", "Flow", "FlowEdition", "Step", "answer_value", "deadline", "graph_problems", "next_node", "paths",
]

FLOWS: Key[dict[str, Flow]] = Key("flows")

FLOWS_INDEX = "flows/index.md"


def answer_value(answer: Answer) -> str:
    """How an answer is written in the URL: its value, or its label as an id ('Not sure' -> 'not-sure')."""
    return answer.value or re.sub(r"[^a-z0-9]+", "-", answer.label.lower()).strip("-")


def next_node(text: FlowText, node: str, value: str) -> str | None:
    """Where answering ``value`` at ``node`` leads, or None if that is not one of its answers."""
    for answer in text.nodes[node].answers or []:
        if answer_value(answer) == value:
            return answer.next
    return None


@dataclass(frozen=True)
class Step:
    node: str
    value: str | None  # None at the outcome that ends the path


def paths(text: FlowText, limit: int = 100_000) -> list[list[Step]]:
    """Every path from the start to an outcome, in the order of the answers. The flow must be valid.

    A flow whose answers rejoin has paths exponential in its size (20 yes/no questions that
    rejoin: a million), so listing stops with ValueError past ``limit``; nothing that checks or
    builds a flow lists its paths (see :func:`graph_problems`), only tests of small flows do.
    """
    found: list[list[Step]] = []
    stack: list[tuple[str, list[Step]]] = [(text.start, [])]
    while stack:
        node, so_far = stack.pop()
        answers = text.nodes[node].answers
        if not answers:
            found.append([*so_far, Step(node, None)])
            if len(found) > limit:
                raise ValueError(f"the flow has more than {limit} paths")
            continue
        for answer in reversed(answers):  # popped in the order of the answers
            stack.append((answer.next, [*so_far, Step(node, answer_value(answer))]))
    return found


def deadline(start: date, timescale: Timescale, holidays: Iterable[date] = ()) -> date | None:
    """The day by which something must be done; None for hours, which need a time of day."""
    d = timescale.duration
    if d.unit == "working days":
        return add_working_days(start, d.amount, holidays)
    if d.unit == "days":
        return start + timedelta(days=d.amount)
    if d.unit == "weeks":
        return start + timedelta(weeks=d.amount)
    if d.unit == "months":
        month = start.month - 1 + d.amount
        year, month = start.year + month // 12, month % 12 + 1
        for day in (start.day, 30, 29, 28):  # 31 January + 1 month -> 28 or 29 February
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def graph_problems(text: FlowText) -> list[tuple[Path, str]]:
    """Every way the flow cannot be followed, as (path within the version, message)."""
    problems = _node_shapes(text)
    names = list(text.nodes)
    if text.start not in text.nodes:
        problems.append((("start",), f"unknown node '{text.start}'{suggest(text.start, names)}"))
    elif text.nodes[text.start].answers is None:
        problems.append((("start",), f"the start node '{text.start}' must be a question"))
    for ident, node in text.nodes.items():
        for j, answer in enumerate(node.answers or []):
            if answer.next not in text.nodes:
                where = ("nodes", ident, "answers", j, "next")
                problems.append((where, f"unknown node '{answer.next}'{suggest(answer.next, names)}"))
    if problems:
        return problems
    problems += _loops(text)
    if not problems:
        reached = _reachable(text)
        for ident, node in text.nodes.items():
            if ident not in reached:
                what = "outcome" if node.outcome else "question"
                problems.append((("nodes", ident), f"this {what} is never reached from the start node '{text.start}'"))
    return problems


def _node_shapes(text: FlowText) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    for ident, node in text.nodes.items():
        where: Path = ("nodes", ident)
        if node.question is not None and node.outcome is not None:
            problems.append((where, "a node is a question or an outcome, not both: remove 'question' or 'outcome'"))
        elif node.question is not None:
            problems += _question_shape(where, node)
        elif node.outcome is not None:
            if node.answers is not None:
                problems.append(((*where, "answers"), "an outcome ends the flow: remove its answers"))
            for field in ("title", "text"):
                if getattr(node, field) is None:
                    problems.append((where, f"missing required field '{field}' (every outcome has a title and text)"))
        else:
            problems.append((where, "expected a question (with 'question' and 'answers') or an outcome (with 'outcome', 'title' and 'text')"))
    return problems


def _question_shape(where: Path, node: Node) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    answers = node.answers or []
    if len(answers) < 2:
        problems.append(((*where, "answers"), f"a question needs at least 2 answers, got {len(answers)}"))
    for field in ("title", "text", "deadline", "contacts"):
        if getattr(node, field):
            problems.append(((*where, field), f"'{field}' belongs to outcomes; a question has question, help, answers, terms and links"))
    seen: dict[str, int] = {}
    for j, answer in enumerate(answers):
        value = answer_value(answer)
        if value in seen:
            problems.append(((*where, "answers", j), f"answers {seen[value] + 1} and {j + 1} are both written '{value}' in the URL: give one a value"))
        seen.setdefault(value, j)
    return problems


def _reachable(text: FlowText) -> set[str]:
    """The nodes some path reaches: each node visited once, however often answers rejoin."""
    reached, waiting = {text.start}, [text.start]
    while waiting:
        for answer in text.nodes[waiting.pop()].answers or []:
            if answer.next not in reached:
                reached.add(answer.next)
                waiting.append(answer.next)
    return reached


def _loops(text: FlowText) -> list[tuple[Path, str]]:
    """The answer that closes each loop, with the loop spelt out: a depth-first walk that visits
    each node once, kept on a list rather than Python's call stack (a flow may be 10,000 deep)."""
    problems: list[tuple[Path, str]] = []
    state: dict[str, str] = {}  # "open" while on the current trail, then "done"
    for root in text.nodes:
        if root in state:
            continue
        trail: list[str] = [root]
        state[root] = "open"
        stack: list[int] = [0]  # for each node on the trail, the next answer to follow
        while trail:
            node, j = trail[-1], stack[-1]
            answers = text.nodes[node].answers or []
            if j == len(answers):
                state[node] = "done"
                trail.pop()
                stack.pop()
                continue
            stack[-1] += 1
            following = answers[j].next
            if state.get(following) == "open":
                loop = " → ".join([*trail[trail.index(following):], following])
                problems.append((("nodes", node, "answers", j, "next"), f"goes back to '{following}': a flow cannot loop ({loop})"))
            elif following not in state:
                state[following] = "open"
                trail.append(following)
                stack.append(0)
    return problems


FlowEdition = versions.Edition[FlowText]


@dataclass
class Flow(versions.Versioned[FlowText]):
    text_model = FlowText
    lock_kind = "flow"
    source: FlowFile

    @property
    def page(self) -> str:
        return f"flows/{self.id}/index.md"
