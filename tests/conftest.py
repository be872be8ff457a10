"""Shared fixtures: a copy of the example project, a small valid one to break, the built site."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from guidance.lock import Lock
from tests.helpers import ENGINE, EXAMPLE_TODAY, GLOSSARY, PARTNERSHIP, copy_project, write


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A minimal valid data/ in a temporary folder, which is the current directory."""
    write(tmp_path, "data/partnership.yml", PARTNERSHIP)
    write(tmp_path, "data/glossary.yml", GLOSSARY)
    Lock.read(tmp_path / "data").write([])  # as `guidance lock --new` starts it: procedures added later are checked
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the whole example project, as the current directory."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per run by the plain engine's `build --strict` (the plugin's entry point)."""
    root = copy_project(tmp_path_factory.mktemp("example"))
    env = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}
    result = subprocess.run([str(ENGINE), "build", "--strict"], cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING\s+-", result.stderr, re.M), result.stderr
    return root / "site"
