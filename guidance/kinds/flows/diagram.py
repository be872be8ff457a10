"""A flow as a diagram: an SVG drawn at build time, so it needs no script and no other site.

Graphviz's ``dot`` lays it out (docs/decisions/0010-decision-aids.md): it places boxes in
ranks, keeps them apart and routes lines around them, which a hand-written layout did not (a
label hid another; a line ran beneath a box it did not join). Each answer is a small box of its
own on the line it labels, so dot keeps labels apart as it does questions. Sizes are given to
dot, not measured by it, and the same sizes are drawn, so what :mod:`.diagram_check` reads is
what dot placed. The drawing uses ``currentColor``, so it stays visible in forced colours.
"""

from __future__ import annotations

import functools
import html
import json
import shutil
import subprocess
import textwrap
from dataclasses import dataclass

from guidance.kinds.flows.diagram_check import diagram_faults
from guidance.kinds.flows.model import FlowText

__all__ = ["DiagramError", "KIND_NAMES", "diagram_figure", "flow_svg", "layout_faults"]

KIND_NAMES = {"act-now": "Act now", "refer": "Refer", "seek-advice": "Seek advice", "no-further-action": "No further action"}
# Text sizes (px) and how wide a character is taken to be: wide enough for the sans-serif fonts
# readers have, so text never runs out of its box.
FONT, LABEL_FONT, CHAR, LINE, PAD = 14, 13, 0.62, 18, 10
CHARS, LABEL_CHARS = 26, 18
SPLINES = ("spline", "polyline", "ortho")  # tried in turn until one draws cleanly
# Boxes (questions, outcomes and answers) beyond which a flow is not drawn: a diagram that
# large is no help to a reader, and laying it out takes dot minutes. The page says so instead.
MAX_BOXES = 90


class DiagramError(Exception):
    """The diagram cannot be drawn here (Graphviz missing or failing)."""


@dataclass(frozen=True)
class _Shape:
    ident: str
    lines: tuple[str, ...]
    width: float
    height: float
    kind: str  # "question", an outcome kind, or "answer"


def flow_svg(text: FlowText, label: str) -> str | None:
    """The diagram, drawn the first way that keeps every box and label clear; None for a flow
    too large to draw usefully."""
    return _drawing(text, label)[0] if drawable(text) else None


def drawable(text: FlowText) -> bool:
    return len(text.nodes) + sum(len(n.answers or []) for n in text.nodes.values()) <= MAX_BOXES


def diagram_figure(svg: str | None, caption: str) -> str:
    """A diagram at a size its words can be read at: on a narrow screen it scrolls sideways
    (a region the keyboard can reach and scroll) rather than shrinking its text to specks."""
    if svg is None:
        return (f'<p class="gl-figure-none">This flow has too many questions and answers to draw as one diagram '
                f"(more than {MAX_BOXES}): every question and outcome is set out in words on this page.</p>\n")
    return (
        '<figure class="gl-figure">\n<div class="gl-diagram-scroll" role="region" tabindex="0" '
        'aria-label="Diagram of the flow (scrolls sideways on a narrow screen)">\n'
        f"{svg}\n</div>\n<figcaption>{html.escape(caption)}</figcaption>\n</figure>\n"
    )


def layout_faults(text: FlowText) -> list[str]:
    """Where the best drawing of this flow still hides a label or crosses a box (none, usually)."""
    return list(_drawing(text, "")[1]) if drawable(text) else []


# Each flow as last drawn, by the very text it was drawn from: a source that has not changed keeps
# its objects (guidance/load.py), and `guidance serve` draws every flow again when a term changes.
_drawn: dict[tuple[int, str], tuple[FlowText, tuple[str, list[str]]]] = {}


def _drawing(text: FlowText, label: str) -> tuple[str, list[str]]:
    kept = _drawn.get((id(text), label))
    if kept is not None and kept[0] is text:
        return kept[1]
    if len(_drawn) > 4096:  # old drawings of edited flows
        _drawn.clear()
    drawn = _draw(text, label)
    _drawn[(id(text), label)] = (text, drawn)
    return drawn


def _draw(text: FlowText, label: str) -> tuple[str, list[str]]:
    shapes = _shapes(text)
    first: tuple[str, list[str]] | None = None
    for splines in SPLINES:
        layout = _layout(_dot(text, shapes, splines))
        # Checked without its title (the label), so the check that loading runs and the drawing
        # on the page share one result; a serve rebuild checks an unchanged flow not at all.
        faults = list(_faults(_svg(text, "", shapes, layout)))
        svg = _svg(text, label, shapes, layout)
        if not faults:
            return svg, []
        first = first or (svg, faults)
    assert first is not None
    return first


@functools.lru_cache(maxsize=1024)
def _faults(svg: str) -> tuple[str, ...]:
    return tuple(diagram_faults(svg))


def _shapes(text: FlowText) -> dict[str, _Shape]:
    shapes: dict[str, _Shape] = {}
    for ident, node in text.nodes.items():
        if node.outcome:
            lines = (KIND_NAMES[node.outcome].upper(), *textwrap.wrap(node.title or "", CHARS))
            kind = node.outcome
        else:
            lines, kind = tuple(textwrap.wrap(node.question or "", CHARS)), "question"  # type: ignore[assignment]
        shapes[ident] = _Shape(ident, tuple(lines), _width(lines, FONT, CHARS), len(lines) * LINE + 2 * PAD, kind)
        for j, answer in enumerate(node.answers or []):
            words = tuple(textwrap.wrap(answer.label, LABEL_CHARS, break_long_words=True))
            name = f"{ident}--{j}"
            shapes[name] = _Shape(name, words, _width(words, LABEL_FONT, 0) + 8, len(words) * (LABEL_FONT + 3) + 6, "answer")
    return shapes


def _width(lines: tuple[str, ...], font: int, at_least: int) -> float:
    return max(max((len(line) for line in lines), default=1), at_least) * font * CHAR + 2 * PAD


def _dot(text: FlowText, shapes: dict[str, _Shape], splines: str) -> str:
    def node(shape: _Shape) -> str:
        return f'"{shape.ident}" [width={shape.width / 72:.3f}, height={shape.height / 72:.3f}];'

    edges = []
    for ident, spec in text.nodes.items():
        for j, answer in enumerate(spec.answers or []):
            edges.append(f'"{ident}" -> "{ident}--{j}" [arrowhead=none];')
            edges.append(f'"{ident}--{j}" -> "{answer.next}";')
    return "\n".join([
        "digraph flow {",
        f'graph [rankdir=TB, nodesep=0.35, ranksep=0.3, splines={splines}, ordering=out, margin=0];',
        'node [shape=box, fixedsize=true, label=""];',
        *(node(s) for s in shapes.values()),
        *edges,
        "}",
    ])


@functools.lru_cache(maxsize=1024)
def _layout(dot: str) -> dict:
    program = shutil.which("dot")
    if program is None:
        raise DiagramError("drawing a flow's diagram needs Graphviz's dot: install the graphviz package "
                           "(apt-get install graphviz; ./dev does this)")
    try:
        done = subprocess.run([program, "-Tjson"], input=dot, capture_output=True, text=True, timeout=60, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        raise DiagramError(f"Graphviz's dot could not lay the diagram out: {exc}") from None
    return json.loads(done.stdout)


def _svg(text: FlowText, label: str, shapes: dict[str, _Shape], layout: dict) -> str:
    _, _, width, height = (float(v) for v in layout["bb"].split(","))
    margin = 8
    flip = lambda x, y: (x + margin, height - y + margin)  # noqa: E731 - dot's y goes up
    boxes: dict[str, tuple[float, float]] = {}
    names = {}
    for obj in layout.get("objects", []):
        names[obj["_gvid"]] = obj["name"]
        boxes[obj["name"]] = flip(*(float(v) for v in obj["pos"].split(",")))
    questions = sum(1 for n in text.nodes.values() if n.answers)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gl-diagram" viewBox="0 0 {width + 2 * margin:.0f} {height + 2 * margin:.0f}" '
        f'width="{width + 2 * margin:.0f}" height="{height + 2 * margin:.0f}" style="min-width: {0.85 * (width + 2 * margin):.0f}px" role="img" '
        'aria-labelledby="gl-diagram-title gl-diagram-desc">',
        f'<title id="gl-diagram-title">Diagram: {html.escape(label)}</title>',
        f'<desc id="gl-diagram-desc">{questions} questions and {len(text.nodes) - questions} outcomes. '
        "The same flow is set out in words on this page, each question linking to the next.</desc>",
        '<defs><marker id="gl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker></defs>',
    ]
    for edge in layout.get("edges", []):
        parts.append(_edge(edge, flip, names[edge["head"]] in text.nodes))
    parts += [_box(shapes[name], *boxes[name]) for name in shapes if name in boxes]
    parts.append("</svg>")
    return "\n".join(parts)


def _edge(edge: dict, flip: object, arrow: bool) -> str:
    spline = edge["pos"].split()
    tip = None
    if spline[0].startswith("e,"):
        tip = flip(*(float(v) for v in spline.pop(0)[2:].split(",")))  # type: ignore[operator]
    if spline and spline[0].startswith("s,"):
        spline.pop(0)
    points = [flip(*(float(v) for v in p.split(","))) for p in spline]  # type: ignore[operator]
    d = f"M {points[0][0]:.1f} {points[0][1]:.1f} " + " ".join(
        "C " + " ".join(f"{x:.1f} {y:.1f}" for x, y in points[k:k + 3]) for k in range(1, len(points) - 2, 3)
    )
    if tip:
        d += f" L {tip[0]:.1f} {tip[1]:.1f}"
    marker = ' marker-end="url(#gl-arrow)"' if arrow else ""
    return f'<path d="{d}" fill="none" stroke="currentColor" stroke-width="1.4"{marker}/>'


def _box(shape: _Shape, cx: float, cy: float) -> str:
    x, y = cx - shape.width / 2, cy - shape.height / 2
    answer = shape.kind == "answer"
    font = LABEL_FONT if answer else FONT
    line = LABEL_FONT + 3 if answer else LINE
    top = y + (3 if answer else PAD)
    outcome = shape.kind not in ("question", "answer")
    bold = ' font-weight="700"'  # an outcome's kind, on its first line
    spans = "".join(
        f'<tspan x="{cx:.1f}" y="{top + line * (i + 0.78):.1f}"{bold if outcome and i == 0 else ""}>{html.escape(text)}</tspan>'
        for i, text in enumerate(shape.lines)
    )
    rect = (
        f'<rect class="gl-diagram-{"answer" if answer else "box"}" x="{x:.1f}" y="{y:.1f}" width="{shape.width:.1f}" '
        f'height="{shape.height:.1f}" rx="{0 if answer or outcome else 10}" '
        f'fill="{"#f2f2f2" if outcome else "#fff"}" stroke="{"none" if answer else "currentColor"}" '
        f'stroke-width="{3 if outcome else 1.5}"/>'
    )
    return (f'{rect}<text text-anchor="middle" font-size="{font}" font-family="sans-serif" fill="currentColor">'
            f"{spans}</text>")

