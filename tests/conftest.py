"""Shared fixtures: a copy of the example project, and a small valid one to break on purpose."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid data/ in a temporary folder, which is the current directory."""
    write(tmp_path, "data/partnership.yml", PARTNERSHIP)
    write(tmp_path, "data/glossary.yml", GLOSSARY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the whole example project, as the current directory."""
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``guidance`` command, in a child process."""
    return subprocess.run([sys.executable, "-m", "guidance", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per run by plain `mkdocs build --strict` (the plugin's entry point)."""
    root = tmp_path_factory.mktemp("example")
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING\s+-", result.stderr, re.M), result.stderr
    return root / "site"
