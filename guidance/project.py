"""A new project: ``guidance init`` writes one that builds and serves at once.

The theme, its stylesheet and the macros come from the package (the plugin adds them), so a
project holds only what a partnership edits: ``mkdocs.yml``, ``data/``, ``docs/``, the schemas
editors validate against, and the files that publish it. ``--example`` starts from the whole
fictional example instead of a minimal partnership.
"""

from __future__ import annotations

import shutil
from importlib.metadata import version
from pathlib import Path

from guidance.lock import Lock
from guidance.schema import write_schemas

__all__ = ["ProjectExists", "init_project"]

HERE = Path(__file__).resolve().parent
STARTER, EXAMPLE = HERE / "starter", HERE / "example"
PACKAGE = "safeguarding-guidance"


class ProjectExists(Exception):
    """The target folder already holds files: init never writes over anyone's work."""


def init_project(target: Path, *, example: bool = False) -> list[Path]:
    """Write a new project into ``target`` (absent or empty); return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectExists(f"{target} is not an empty folder: choose a new one")
    target.mkdir(parents=True, exist_ok=True)
    sources = [STARTER / "common"]
    sources += [EXAMPLE] if example else [STARTER / "minimal"]
    for source in sources:
        # The example's docs/decisions/ are this repository's design records, not its pages.
        shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("decisions", "__pycache__"))
    (target / "requirements.txt").write_text(
        f"# The guidance tool, at the version this project was started with: upgrade on purpose.\n{PACKAGE}=={version(PACKAGE)}\n",
        encoding="utf-8",
    )
    write_schemas(target / "schemas")
    lock = Lock.read(target / "data")
    if not lock.exists:
        lock.write([])  # procedures added later have their published history kept
    return sorted(p for p in target.rglob("*") if p.is_file())
