"""Which files under ``data/`` are sources: every file is read by a kind, or reported.

An author's new procedure saved as ``new-procedure.yaml``, or in ``data/procedure/``, would
otherwise never publish and nothing would say so. And a file named after its entry
(``data/procedures/early-help.yml``) must hold that entry: the name is how people find it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guidance.errors import Problem, display_path
from guidance.lock import LOCK_FILE
from guidance.yamlio import Document

__all__ = ["OTHER_FILES", "misnamed", "stray_files"]

# Files in data/ that are not sources of a kind, but are read all the same.
OTHER_FILES = (LOCK_FILE,)


def stray_files(data_dir: Path, patterns: Sequence[str]) -> list[Problem]:
    """A problem for each file under ``data_dir`` that no kind reads (hidden files and editors'
    backups aside), naming the source it was probably meant to be."""
    problems = []
    read = {p for pattern in (*patterns, *OTHER_FILES) for p in data_dir.glob(pattern)}
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p not in read):
        relative = path.relative_to(data_dir).as_posix()
        if _ignored(relative):
            continue
        wanted = _candidates(relative, patterns)
        match = difflib.get_close_matches(relative, wanted, n=1, cutoff=0.6)
        hint = f" (did you mean '{display_path(data_dir / match[0])}'?)" if match else ""
        expected = ", ".join(display_path(data_dir / p) for p in (*patterns, *OTHER_FILES))
        problems.append(Problem(display_path(path), 1, 1, "", f"this file is not read{hint}: the sources are {expected}"))
    return problems


def misnamed(document: Document, data: Any, path: Path, pattern: str) -> list[Problem]:
    """For a kind with a file per entry: the entry's ``id`` must be the file's name."""
    if "*" not in pattern or not isinstance(data, dict) or not isinstance(data.get("id"), str) or data["id"] == path.stem:
        return []
    return [document.problem(("id",), f"expected '{path.stem}' (the file's name), got '{data['id']}': name the file "
                             f"after the id ({data['id']}.yml) or the id after the file")]


def _ignored(relative: str) -> bool:
    """Hidden files (.gitkeep, .DS_Store) and editors' backups (x.yml~, #x.yml#) are not sources."""
    name = relative.rsplit("/", 1)[-1]
    return any(part.startswith(".") for part in relative.split("/")) or name.endswith("~") or name.startswith("#")


def _candidates(relative: str, patterns: Sequence[str]) -> list[str]:
    """What each pattern would have called this file: ``flow/x.yaml`` -> ``flows/x.yml``."""
    stem = relative.rsplit("/", 1)[-1].split(".", 1)[0]
    return [p.replace("*", stem) for p in (*patterns, *OTHER_FILES)]
