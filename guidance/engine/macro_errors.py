"""mkdocs-macros' errors in our words and places: ``docs/page.md:12:5: term('CSRP'): ...``.

mkdocs-macros logs a failed macro as a Markdown block with a traceback, and counts lines from
the page's body, not its file. A logging filter rewrites each such record in one line, located
in the file, as every other problem is.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from guidance.errors import display_path

__all__ = ["MacroErrors", "body_offset", "macro_log"]

macro_log = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")


def body_offset(text: str) -> int:
    """How many lines precede a page's body: macros see the page without its front matter and
    the blank lines MkDocs strips after it, so their line numbers are counted from there."""
    lines = text.splitlines()
    offset = 0
    if lines and lines[0].strip() == "---":
        offset = next((i + 1 for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        while offset and offset < len(lines) and not lines[offset]:
            offset += 1
    return offset


class MacroErrors(logging.Filter):
    """mkdocs-macros logs a failed macro as a Markdown block with a traceback: say it in one line.

    ``docs/page.md:12:5: term('CSRP'): unknown glossary term 'CSRP' (did you mean 'CSPR'?)``
    """

    _ERROR = re.compile(r"_File_: `(?P<file>[^`]+)`\s+_(?P<kind>\w+)_: (?P<message>[^\n]*)")
    _LINE = re.compile(r'File "<template>", line (\d+)')

    def __init__(self, docs_dir: Path):
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        match = self._ERROR.search(record.getMessage())
        if match:
            lines = self._LINE.findall(record.getMessage())
            where = self._where(match["file"], int(lines[-1]) if lines else 0)
            record.msg, record.args = f"{where}: {match['message']}", ()
        return True

    def _where(self, file: str, template_line: int) -> str:
        path = self.docs_dir / file
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return shown
        offset = body_offset("\n".join(text))
        line = template_line + offset
        column = text[line - 1].find("{{") + 1 if 0 < line <= len(text) else 0
        return f"{shown}:{line}:{max(column, 1)}"
