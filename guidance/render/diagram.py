"""A flow as a diagram: an SVG drawn at build time, so it needs no script and no other site.

A simple layered layout: each node sits on the row of its longest path from the start, in
the order it is first met; answers are labelled curves. Black on white, so it prints.
"""

from __future__ import annotations

import html
import textwrap

from ..flows import answer_value
from ..models.flow import FlowText

__all__ = ["flow_svg"]

WIDTH, GAP_X, GAP_Y, LINE, PAD, CHARS = 210, 36, 64, 16, 10, 28
KIND_NAMES = {"act-now": "Act now", "refer": "Refer", "seek-advice": "Seek advice", "no-further-action": "No further action"}


def flow_svg(text: FlowText, label: str) -> str:
    ranks = _ranks(text)
    rows: list[list[str]] = [[] for _ in range(max(ranks.values()) + 1)]
    for node in _order(text):
        rows[ranks[node]].append(node)
    lines = {node: _lines(text, node) for node in text.nodes}
    heights = [max(len(lines[n]) for n in row) * LINE + 2 * PAD for row in rows]
    width = max(len(row) for row in rows) * (WIDTH + GAP_X) + GAP_X
    boxes: dict[str, tuple[float, float, float]] = {}  # node -> x, y, height
    y = GAP_X / 2
    for row, height in zip(rows, heights):
        x = (width - len(row) * (WIDTH + GAP_X) + GAP_X) / 2
        for node in row:
            boxes[node] = (x, y, len(lines[node]) * LINE + 2 * PAD)
            x += WIDTH + GAP_X
        y += height + GAP_Y
    questions = sum(1 for n in text.nodes.values() if n.answers)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gl-diagram" viewBox="0 0 {width:.0f} {y - GAP_Y + GAP_X / 2:.0f}" '
        f'role="img" aria-labelledby="gl-diagram-title gl-diagram-desc">',
        f'<title id="gl-diagram-title">Diagram: {html.escape(label)}</title>',
        f'<desc id="gl-diagram-desc">{questions} questions and {len(text.nodes) - questions} outcomes. '
        "The same flow is set out in words on this page, each question linking to the next.</desc>",
        '<defs><marker id="gl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#000"/></marker></defs>',
    ]
    parts += _edges(text, boxes)
    parts += [_box(text, node, boxes[node], lines[node]) for node in text.nodes if node in boxes]
    parts.append("</svg>")
    return "\n".join(parts)


def _ranks(text: FlowText) -> dict[str, int]:
    """Longest distance from the start, over the nodes in an order where each comes after every
    node that leads to it (the flow has no loops): each answer is looked at once."""
    reached = _order(text)
    waiting = {node: 0 for node in reached}
    for node in reached:
        for answer in text.nodes[node].answers or []:
            waiting[answer.next] += 1
    rank = {text.start: 0}
    ready = [text.start]
    while ready:
        node = ready.pop()
        for answer in text.nodes[node].answers or []:
            rank[answer.next] = max(rank.get(answer.next, 0), rank[node] + 1)
            waiting[answer.next] -= 1
            if waiting[answer.next] == 0:
                ready.append(answer.next)
    return rank


def _order(text: FlowText) -> list[str]:
    """The nodes reached from the start, each where a depth-first walk in answer order first meets
    it; kept on a list, not Python's call stack, so a flow may be any depth."""
    seen: dict[str, None] = {}
    stack = [text.start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen[node] = None
        stack.extend(answer.next for answer in reversed(text.nodes[node].answers or []) if answer.next not in seen)
    return list(seen)


def _lines(text: FlowText, node: str) -> list[str]:
    spec = text.nodes[node]
    words = spec.question or spec.title or node
    wrapped = textwrap.wrap(words, CHARS)
    return [KIND_NAMES[spec.outcome].upper(), *wrapped] if spec.outcome else wrapped


def _box(text: FlowText, node: str, box: tuple[float, float, float], lines: list[str]) -> str:
    x, y, height = box
    outcome = text.nodes[node].outcome is not None
    rect = (
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{WIDTH}" height="{height:.0f}" rx="{2 if outcome else 10}" '
        f'fill="{"#f2f2f2" if outcome else "#fff"}" stroke="#000" stroke-width="{3 if outcome else 1.5}"/>'
    )
    bold = ' font-weight="bold"'
    spans = "".join(
        f'<tspan x="{x + WIDTH / 2:.0f}" y="{y + PAD + LINE * (i + 0.8):.0f}"{bold if outcome and i == 0 else ""}>'
        f"{html.escape(line)}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<g>{rect}<text text-anchor="middle" font-size="13" font-family="sans-serif" fill="#000">{spans}</text></g>'


def _edges(text: FlowText, boxes: dict[str, tuple[float, float, float]]) -> list[str]:
    parts = []
    for node, spec in text.nodes.items():
        if node not in boxes:
            continue
        x1, y1, h1 = boxes[node]
        answers = spec.answers or []
        for k, answer in enumerate(answers):
            x2, y2, _ = boxes[answer.next]
            sx = x1 + WIDTH * (k + 1) / (len(answers) + 1)
            ex, sy = x2 + WIDTH / 2, y1 + h1
            mid = (sy + y2) / 2
            parts.append(
                f'<path d="M {sx:.0f} {sy:.0f} C {sx:.0f} {mid:.0f}, {ex:.0f} {mid:.0f}, {ex:.0f} {y2 - 2:.0f}" '
                'fill="none" stroke="#000" stroke-width="1.2" marker-end="url(#gl-arrow)"/>'
            )
            label = answer_value(answer).replace("-", " ")[:18]
            lx, ly = sx + (ex - sx) * 0.2, sy + (mid - sy) * 0.6
            parts.append(
                f'<rect x="{lx - len(label) * 3.4 - 4:.0f}" y="{ly - 11:.0f}" width="{len(label) * 6.8 + 8:.0f}" height="15" fill="#fff"/>'
                f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" font-size="11" font-family="sans-serif" fill="#000">'
                f"{html.escape(label)}</text>"
            )
    return parts
