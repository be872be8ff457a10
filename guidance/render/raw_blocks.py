"""Raw HTML blocks in a generated page, set aside while its Markdown is converted.

Python-Markdown passes a block of raw HTML through untouched, but only after reading every tag of
it twice (its own HTML block parser, then the engine's search for ids), and a generated page is
often mostly such blocks: a version comparison's marked-up words, a service's card, a history
table. :func:`set_aside` takes each such block out of the Markdown, leaving a one-line placeholder;
:func:`put_back` puts the blocks into the converted HTML, which is then what converting the whole
Markdown gives (tests/test_raw_blocks.py converts every generated page both ways). At 5,000 items
this is about a quarter of the Markdown conversion (decision 0008).

Only what is surely a raw block is set aside: a block-level element that starts a line after a
blank line and whose end tag ends a line before a blank line, outside any fenced code, with no
``markdown`` attribute (Markdown inside), comment, script or style anywhere in it. The placeholder
keeps the block's ids, so the engine still knows which anchors the page has.
"""

from __future__ import annotations

import bisect
import itertools
import re

__all__ = ["put_back", "set_aside"]

_TAGS = "address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|header|nav|ol|p|section|table|ul"
_START = re.compile(rf"<({_TAGS})(?=[\s>])")
_FENCE = re.compile(r"^(?:```|~~~)", re.M)
_UNSAFE = ("<!--", "<script", "<style", "<pre", "<textarea", "id='")
_MARKDOWN_ATTR = re.compile(r"\smarkdown(?=[\s=>/])")
_UNQUOTED_ID = re.compile(r"\sid=(?!\")")
_A_NAME = re.compile(r"<a\s[^>]*\sname=")
_MARKDOWN_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(?=\s)[^>]*\smarkdown(?=[\s=>/])")
_ID = re.compile(r'\sid="([^"]*)"')
# Private-use characters, which Markdown passes through as text: the marker comes out as a paragraph
# of its own. (A page whose text holds one is left whole.) A paragraph costs Markdown
# half what an HTML placeholder does, and most blocks have no id.
_MARK_START, _MARK_END = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(rf'<p>{_MARK_START}(\d+){_MARK_END}</p>|<div data-gl-block="(\d+)">(?:<a id="[^"]*"></a>)*</div>')
_TAG_PATTERNS: dict[str, re.Pattern[str]] = {}


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each raw HTML block replaced by a placeholder, and the blocks in order.

    Blocks with only blank lines between them are set aside as one, joined by a blank line, as
    Markdown writes them. A placeholder is a paragraph of one marker the page does not hold
    (private-use characters around the block's number), or, where the block has ids, an empty
    ``div`` holding an anchor for each id."""
    if "\n\n<" not in markdown or _MARK_START in markdown:  # its own text could pass for a placeholder
        return markdown, []
    spans = _spans(markdown)
    if not spans:
        return markdown, []
    groups: list[list[tuple[int, int]]] = []  # runs of blocks with only blank lines between them
    for start, end in spans:
        if groups and not markdown[groups[-1][-1][1]:start].strip():
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    parts: list[str] = []
    blocks: list[str] = []
    done = 0
    for group in groups:
        pieces = [markdown[start:end] for start, end in group]
        parts.append(markdown[done:group[0][0]])
        parts.append(_placeholder(len(blocks), [i for piece in pieces for i in _ID.findall(piece)]))
        blocks.append("\n\n".join(pieces))
        done = group[-1][1]
    parts.append(markdown[done:])
    return "".join(parts), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """Converted ``html`` with the blocks set aside in its place. Every placeholder must be there."""
    if not blocks:
        return html
    found = 0

    def block(match: re.Match[str]) -> str:
        nonlocal found
        found += 1
        if match[1] is None:
            return blocks[int(match[2])]
        # A paragraph: Markdown ends a raw block with a line break, unless it ends the page.
        return blocks[int(match[1])] + ("\n" if match.end() < len(html) else "")

    html = _PLACEHOLDER.sub(block, html)
    if found != len(blocks):
        raise ValueError(f"{len(blocks) - found} of {len(blocks)} raw HTML blocks lost their place in the converted page")
    return html


def _placeholder(number: int, ids: list[str]) -> str:
    if ids:  # the engine learns the page's anchors from the placeholder
        anchors = "".join(f'<a id="{i}"></a>' for i in ids)
        return f'<div data-gl-block="{number}">{anchors}</div>'
    return f"{_MARK_START}{number}{_MARK_END}"


def _spans(markdown: str) -> list[tuple[int, int]]:
    """Where each raw HTML block that is surely one starts and ends."""
    skip = sorted(_fences(markdown) + _markdown_inside(markdown))
    starts = [a for a, _ in skip]
    reach = list(itertools.accumulate((b for _, b in skip), max))  # the furthest any of the first n reaches
    spans = []
    position = _body_start(markdown)
    while (found := markdown.find("\n\n<", max(position - 2, 0))) >= 0:
        start = found + 2
        position = start + 1
        if not (match := _START.match(markdown, start)):
            continue
        end, alone = _element_end(markdown, start, match[1])
        if end is None:  # an element never closed: Markdown's reading of the rest is not ours to guess
            break
        position = end  # nothing inside a block is set aside on its own
        before = bisect.bisect_right(starts, start)  # the skipped spans starting at or before it
        if alone and not (before and reach[before - 1] > start) and not _unsafe(markdown[start:end]):
            spans.append((start, end))
    return spans


def _unsafe(block: str) -> bool:
    """Whether Markdown might read ``block`` as more than raw HTML, or its ids are not all plain."""
    return (
        any(text in block for text in _UNSAFE)
        or ("markdown" in block and _MARKDOWN_ATTR.search(block) is not None)
        or ("id=" in block and _UNQUOTED_ID.search(block) is not None)
        or ("name=" in block and _A_NAME.search(block) is not None)
    )


def _body_start(markdown: str) -> int:
    """Where the text after the front matter starts."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        return end + 5 if end >= 0 else len(markdown)
    return 0


def _element_end(markdown: str, start: int, tag: str) -> tuple[int | None, bool]:
    """Where the element starting at ``start`` ends (None if never), and whether a blank line
    (or the end of the page) follows it."""
    pattern = _TAG_PATTERNS.get(tag)
    if pattern is None:
        pattern = _TAG_PATTERNS[tag] = re.compile(rf"<(/?){tag}(?=[\s>/])")
    depth = 0
    for match in pattern.finditer(markdown, start):
        depth += -1 if match[1] else 1
        if depth:
            continue
        close = markdown.find(">", match.end())
        if close < 0:
            return None, False
        end = close + 1
        return end, markdown[end : end + 2] in ("", "\n", "\n\n")
    return None, False


def _markdown_inside(markdown: str) -> list[tuple[int, int]]:
    """Where elements with Markdown inside them (a ``markdown`` attribute) lie: Markdown reads
    the HTML within them itself, writing its tags anew."""
    if " markdown" not in markdown:
        return []
    spans = []
    for match in _MARKDOWN_START.finditer(markdown):
        end, _ = _element_end(markdown, match.start(), match[1])
        spans.append((match.start(), len(markdown) if end is None else end))
    return spans


def _fences(markdown: str) -> list[tuple[int, int]]:
    """Where fenced code lies (a fence left open runs to the end)."""
    if "```" not in markdown and "~~~" not in markdown:
        return []
    marks = [m.start() for m in _FENCE.finditer(markdown)] + [len(markdown)]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
