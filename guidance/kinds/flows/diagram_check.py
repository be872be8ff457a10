"""Is a flow's diagram true to the flow? A check of the SVG itself, as a reader would see it.

Two things make a diagram lie: a label hidden under another (the "died" answer under "seriously
harmed"), and a line drawn through a box it does not join (No running beneath "Seek advice", so
that it reads as Seek advice -> No further action). This reads the drawn boxes, texts and lines
of an SVG, whoever drew it, and names every such fault by the texts involved.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

__all__ = ["Box", "diagram_faults"]

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
# How near a line's end must be to a box to join it, and how far inside a box a line may pass
# (its arrowhead touching the edge) before it crosses it.
_JOIN, _INSET = 4.0, 2.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    text: str = ""

    def overlaps(self, other: Box, tolerance: float = 0.5) -> bool:
        return (self.x + tolerance < other.x + other.width and other.x + tolerance < self.x + self.width
                and self.y + tolerance < other.y + other.height and other.y + tolerance < self.y + self.height)

    def contains(self, point: tuple[float, float], inset: float = 0.0) -> bool:
        x, y = point
        return (self.x + inset < x < self.x + self.width - inset) and (self.y + inset < y < self.y + self.height - inset)

    def distance(self, point: tuple[float, float]) -> float:
        x, y = point
        dx = max(self.x - x, 0.0, x - (self.x + self.width))
        dy = max(self.y - y, 0.0, y - (self.y + self.height))
        return (dx * dx + dy * dy) ** 0.5


def diagram_faults(svg: str) -> list[str]:
    """Every place where boxes overlap or a line crosses a box it does not join, in words."""
    root = ET.fromstring(svg)
    texts = []
    for text in root.iter(f"{_SVG}text"):
        lines = [t for t in text.iter(f"{_SVG}tspan") if t.get("y")] or [text]
        texts += [(float(t.get("x", text.get("x", "0"))), float(t.get("y", "0")), "".join(t.itertext()).strip()) for t in lines]
    boxes = []
    for rect in _drawn(root, "rect"):
        x, y, width, height = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
        box = Box(x, y, width, height)
        words = " ".join(w for x, y, w in texts if box.contains((x, y - 3)) and w)
        boxes.append(Box(box.x, box.y, box.width, box.height, words))
    faults = [
        f"'{a.text}' and '{b.text}' overlap"
        for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)
    ]
    for path in _drawn(root, "path"):
        points = _points(path.get("d", ""))
        if len(points) < 2:
            continue
        joined = [b for b in boxes if b.distance(points[0]) <= _JOIN or b.distance(points[-1]) <= _JOIN]
        ends = " to ".join(f"'{b.text}'" for b in joined) or "nowhere"
        for box in boxes:
            if box not in joined and any(box.contains(p, _INSET) for p in points):
                faults.append(f"the line from {ends} crosses '{box.text}'")
    return faults


def _drawn(root: ET.Element, tag: str) -> list[ET.Element]:
    """The elements of a kind drawn on the diagram, not those that define a marker."""
    skipped = {id(e) for d in root.iter(f"{_SVG}defs") for e in d.iter()}
    return [e for e in root.iter(f"{_SVG}{tag}") if id(e) not in skipped]


def _points(d: str) -> list[tuple[float, float]]:
    """Points along a path of M, L and C commands: curves sampled finely enough to meet a box."""
    points: list[tuple[float, float]] = []
    for command, numbers in re.findall(r"([MLC])([^MLC]*)", d):
        values = [float(v) for v in _NUMBER.findall(numbers)]
        pairs = list(zip(values[::2], values[1::2], strict=False))
        if command in "ML":
            if command == "L" and points:
                for a, b in zip([points[-1], *pairs], pairs, strict=False):
                    points += [(a[0] + (b[0] - a[0]) * t / 8, a[1] + (b[1] - a[1]) * t / 8) for t in range(1, 9)]
            else:
                points += pairs
            continue
        for k in range(0, len(pairs) - 2, 3):
            p0, (p1, p2, p3) = points[-1], pairs[k:k + 3]
            for step in range(1, 25):
                t = step / 24
                u = 1 - t
                points.append((
                    u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1],
                ))
    return points
