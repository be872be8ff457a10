"""Markdown as a reader sees it: the words, without the marks that format them.

Comparisons between versions are made on this text, so that a word made bold shows as the word
("known or suspected and the child"), not as "**and**" (docs/decisions/0004-versioned-procedures.md).
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import markdown

__all__ = ["rendered_text"]

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dt", "dd", "br", "hr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# One converter for every call: making a Markdown instance costs more than converting a step's
# text. Each version's texts are compared with the version before and the one after, so the
# same text is asked for twice: kept.
_MARKDOWN = markdown.Markdown()


# Text with none of Markdown's marks reads as it is written, line for line: no need to convert it.
# Most of a procedure's text is such prose, and converting it was most of the time comparisons took.
# Anything else, or a line that could start a list or code, is converted.
_MARKED = re.compile(r"[^\w \n,.;:!?()'\"%£$/’‘“”–—-]|_")
_LINE_START = re.compile(r"^(?: {4}| *-| *\d+\.)", re.M)


@functools.lru_cache(maxsize=8192)
def rendered_text(source: str) -> str:
    """The words of Markdown ``source`` as rendered, one line per paragraph or list item."""
    if _MARKED.search(source) is None and _LINE_START.search(source) is None:
        return _lines(source)
    parser = _Text()
    parser.feed(_MARKDOWN.reset().convert(html.escape(source, quote=False).replace("&gt;", ">")))
    return _lines("".join(parser.parts))


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
