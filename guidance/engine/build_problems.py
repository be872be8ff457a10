"""What `guidance serve` shows over the page: the problems its last build found.

While a source is broken, serve keeps building from the last sources that loaded, so the
author still has a site to read; the problems, and those the build met (a macro that failed,
a broken link), are written beside the pages for ``assets/guidance/problems.js`` to show.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

__all__ = ["PROBLEMS_FILE", "PROBLEMS_SCRIPT", "Collected", "problems_script", "write_problems"]

PROBLEMS_SCRIPT = "assets/guidance/problems.js"
PROBLEMS_FILE = "assets/guidance/problems.json"


def problems_script() -> str:
    return (Path(__file__).parent / "problems.js").read_text(encoding="utf-8")


def write_problems(site_dir: Path, problems: list[str]) -> None:
    path = site_dir / PROBLEMS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(list(dict.fromkeys(problems)), ensure_ascii=False), encoding="utf-8")


class Collected(logging.Handler):
    """The warnings and errors logged during one build (serve shows them; check reports them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
