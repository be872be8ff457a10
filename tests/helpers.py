"""What tests share besides fixtures: the project's root, small valid sources, and the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("data", "docs", "macros", "overrides", "mkdocs.yml")

PARTNERSHIP = """\
name: Testshire Safeguarding Children Partnership
short_name: TSCP
area: Testshire
description: A partnership for tests.
emergency: If a child is in immediate danger, call 999.
main_contact: front-door
contacts:
  - id: front-door
    name: Front door
    phone: 01632 960100
    example: true
audiences:
  - id: practitioners
    name: Practitioners
    description: People who work with children.
"""

GLOSSARY = """\
terms:
  - id: cspr
    term: Child safeguarding practice review
    abbreviations: [CSPR]
    definition: A local review of a serious case.
    plain: A careful look back at what happened.
    source:
      title: Working Together to Safeguard Children 2023
    related: [rapid-review]
  - id: rapid-review
    term: Rapid review
    definition: A quick review after a serious incident.
    plain: A quick check after a child is badly hurt.
    source:
      title: Working Together to Safeguard Children 2023
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def copy_project(target: Path) -> Path:
    """The example project's files (data, pages, config) copied into ``target``."""
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``guidance`` command, in a child process."""
    return subprocess.run([sys.executable, "-m", "guidance", *args], cwd=cwd, capture_output=True, text=True)
