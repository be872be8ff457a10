"""A macro's failure in our words and places: ``docs/page.md:12:5: term('CSRP'): unknown glossary term ...``.

The macros (:mod:`guidance.engine.macros`) raise :class:`guidance.errors.MacroProblem`; each is
reported once, by the plugin, at the line of the page that made the call: the line comes from
Jinja's own map of template lines (``Template.get_corresponding_lineno``), not from a log. Calls
that cannot run at all (an unknown macro, a missing argument) are found before any macro runs
(:mod:`guidance.engine.macro_calls`).
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path

from guidance.errors import display_path

__all__ = ["AlreadyReported", "body_offset", "calling_line", "located", "macro_log"]

macro_log = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")


def body_offset(text: str) -> int:
    """How many lines precede a page's body: macros see the page without its front matter and
    the blank lines the engine strips after it, so their line numbers are counted from there."""
    lines = text.splitlines()
    offset = 0
    if lines and lines[0].strip() == "---":
        offset = next((i + 1 for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        while offset and offset < len(lines) and not lines[offset]:
            offset += 1
    return offset


def calling_line() -> int:
    """The line of the page's template that is running now (0 if no template is), for a macro to
    say where it was called."""
    frame = inspect.currentframe()
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return 0


def located(docs_dir: Path, src_uri: str, template_line: int, message: str) -> str:
    """``message`` at the page's line and the column of the call's ``{{``."""
    path = docs_dir / src_uri
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return f"{shown}:1:1: {message}"
    line = template_line + body_offset("\n".join(text))
    column = text[line - 1].find("{{") + 1 if 0 < line <= len(text) else 0
    return f"{shown}:{max(line, 1)}:{max(column, 1)}: {message}"


class AlreadyReported(logging.Filter):
    """mkdocs-macros logs every failed page as a block with a traceback: for a problem the plugin
    has reported in its own words, that block would say it twice."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        return not any(message in text for message in self.messages)
