"""Quality gates on the code itself: lint, types, import boundaries, and the schemas editors use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from guidance.registry import KINDS
from guidance.schema import schema_file
from tests.helpers import ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "guidance", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_strict_on_the_core() -> None:
    """pyproject.toml lists the core modules mypy holds to --strict; the rest is checked as typed."""
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_boundaries_hold() -> None:
    """Only guidance.engine imports the engine; kinds never import the engine or the command line;
    the shared machinery imports no kind (pyproject.toml, [tool.importlinter])."""
    result = _run("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's schema check sees it: a date is text (JSON has no dates)."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FILES = [(kind, path) for kind in KINDS for pattern in kind.patterns for path in sorted((ROOT / "data").glob(pattern))]


@pytest.mark.parametrize(("kind", "path"), _FILES, ids=[p.relative_to(ROOT / "data").as_posix() for _, p in _FILES])
def test_every_example_file_passes_its_published_schema(kind: object, path: Path) -> None:
    """Editors validate sources with schemas/*.schema.json: an example that fails its own schema
    gets every line underlined (thresholds.yml once failed 88 times: level ids are numbers)."""
    schema = json.loads((ROOT / "schemas" / schema_file(kind)).read_text(encoding="utf-8"))  # type: ignore[arg-type]
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)  # noqa: S506 (a SafeLoader)
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_every_kind_of_example_source_is_covered() -> None:
    assert {kind.name for kind, _ in _FILES} == {kind.name for kind in KINDS}
