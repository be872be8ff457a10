"""``guidance check`` for hand-written pages: build them where nobody sees, and report in our format.

Links, anchors and macros in ``docs/`` are what MkDocs and mkdocs-macros judge when they build,
so the check builds too (into a folder it then deletes, without the search index), and turns
what they say into ``docs/page.md:12:5: ...`` lines. Every macro call is read before any runs
(:mod:`guidance.engine.macro_calls`), so all bad calls are found at once, not one per page per build.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Any

from guidance.engine import engine_logger
from guidance.engine.build_problems import Collected
from guidance.errors import Problem, Severity, display_path

__all__ = ["find_written", "page_problems"]

_LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a link|an unrecognized relative link|an absolute link|a link to) "
    r"'(?P<target>[^']+)'(?P<rest>.*)$", re.DOTALL
)
_LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$", re.DOTALL)


def page_problems(config: Any) -> list[Problem]:
    """Build ``config``'s site into a temporary folder; every problem with a hand-written page."""
    from properdocs.commands.build import build

    plugin = config.plugins["guidance"]
    plugin.checking = True
    macros = config.plugins.get("macros")
    if macros is not None:
        macros.config["on_error_fail"] = False  # report each page's failure, then go on
    strict, config.strict = config.strict, False  # every warning is collected, none aborts
    records = Collected()
    logger = engine_logger()
    logger.addHandler(records)
    problems: list[Problem] = []
    try:
        with tempfile.TemporaryDirectory(prefix="guidance-check-") as folder:
            config.site_dir = folder
            build(config)
    except (Exception, SystemExit) as exc:  # the build stopped: what it said so far still counts
        problems.append(Problem(display_path(config.config_file_path), 1, 1, "", f"the pages could not be built: {exc}"))
    finally:
        logger.removeHandler(records)
    docs = Path(config.docs_dir)
    problems += [_problem(message, docs) for message in plugin.found] + plugin.relevance
    # What MkDocs only warns about fails a strict build (mkdocs.yml's strict: true), as here.
    severity = Severity.ERROR if strict else Severity.WARNING
    problems += [dataclasses.replace(_problem(message, docs), severity=severity) for message in records.messages]
    return problems


def _problem(message: str, docs: Path) -> Problem:
    located = _LOCATED.match(message)
    if located:
        return Problem(located["file"], int(located["line"]), int(located["column"]), "", located["message"].strip())
    link = _LINK.match(message)
    if link:
        path = docs / link["src"]
        line, column = find_written(path, link["target"])
        rest = link["rest"].strip().removeprefix(", but").removeprefix(",").strip().rstrip(".")
        return Problem(display_path(path), line, column, "", f"link '{link['target']}': {rest}")
    return Problem(display_path(docs), 1, 1, "", message.strip())


def find_written(path: Path, target: str) -> tuple[int, int]:
    """Where a link's target is written in the page: in Markdown ``](target``, or in HTML."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1, 1
    for needle in (f"]({target}", f'"{target}"', target):
        for number, text in enumerate(lines, 1):
            if needle in text:
                return number, text.index(needle) + (2 if needle.startswith("]") else 1 if needle.startswith('"') else 0) + 1
    return 1, 1
