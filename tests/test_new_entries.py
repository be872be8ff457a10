"""`guidance new <kind>`: a valid entry of every kind, where it belongs, with TODO where an editor
writes; an id that exists is refused and nothing is written."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from guidance.scaffold import Scaffold, ScaffoldRefused, written
from tests.helpers import EXAMPLE_TODAY, run_cli

# (entry type, title, options, the file it writes, the id it makes) on the example project.
CASES = [
    ("glossary-term", "Family group conference", [], "data/glossary.yml", "family-group-conference"),
    ("indicator", "Often hungry at school", ["--level", "2", "--domain", "parenting-capacity"], "data/thresholds.yml", "L2-parenting-capacity-"),
    ("procedure", "Private fostering", [], "data/procedures/private-fostering.yml", "private-fostering"),
    ("procedure-version", "early-help", [], "data/procedures/early-help.yml", "early-help version 2"),
    ("flow", "Should I make a referral?", [], "data/flows/should-i-make-a-referral.yml", "should-i-make-a-referral"),
    ("brief", "Child Q: the quiet one", ["--theme", "neglect"], "data/briefs/child-q-the-quiet-one.yml", "child-q-the-quiet-one"),
    ("service", "Northmoor food bank", ["--need", "money"], "data/services.yml", "northmoor-food-bank"),
    ("need", "Housing", [], "data/services.yml", "housing"),
    ("theme", "Neglect in adolescence", [], "data/themes.yml", "neglect-in-adolescence"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new") / "example"
    assert run_cli("init", "--example", str(root)).returncode == 0
    return root


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUIDANCE_TODAY", EXAMPLE_TODAY)


def test_every_kind_of_source_can_be_started_with_guidance_new() -> None:
    from guidance.registry import KINDS

    made = {t for k in KINDS for t in k.entry_types}
    assert made == {case[0] for case in CASES}


@pytest.mark.parametrize("entry_type, title, options, file, ident", CASES, ids=[c[0] for c in CASES])
def test_new_writes_a_valid_entry_where_it_belongs(tmp_path: Path, project: Path, entry_type, title, options, file, ident) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(project, root)
    target = root / file
    before = target.read_text() if target.exists() else ""
    result = run_cli("new", entry_type, title, *options, cwd=root)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"added {entry_type} '{re.escape(ident)}[^']*' to {re.escape(file)}: fill in its TODOs .*\n", result.stdout)
    after = target.read_text()
    if before:  # added to an existing file: lines added, none changed or removed (comments included)
        changes = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
        assert changes and all(line.startswith("+ ") for line in changes), changes
    else:
        assert after.startswith("# yaml-language-server: $schema=")
    check = run_cli("check", cwd=root)
    assert check.returncode == 0, check.stderr
    todo = [line for line in check.stderr.splitlines() if "still to write" in line and line.startswith(file)]
    assert todo, check.stderr  # what is left to write is listed, with its line
    assert "error" not in check.stderr


@pytest.mark.parametrize("entry_type, title, options, file", [
    ("glossary-term", "Neglect", [], "data/glossary.yml"),
    ("procedure", "Early help", [], "data/procedures/early-help.yml"),
    ("flow", "Which level", [], "data/flows/which-level.yml"),
    ("service", "Childline", [], "data/services.yml"),
    ("need", "Money", [], "data/services.yml"),
    ("theme", "Neglect", [], "data/themes.yml"),
])
def test_an_id_that_exists_is_refused_and_nothing_is_written(project: Path, entry_type, title, options, file) -> None:
    before = {p: p.read_text() for p in (project / "data").rglob("*.yml")}
    result = run_cli("new", entry_type, title, *options, cwd=project)
    assert result.returncode == 1
    assert re.search(r"not added: .* '[a-z0-9-]+' exists already \(data/\S+:\d+:\d+\)", result.stderr), result.stderr
    assert {p: p.read_text() for p in (project / "data").rglob("*.yml")} == before


@pytest.mark.parametrize("args, said", [
    (["indicator", "Hungry", "--level", "9"], "no level '9' in thresholds.yml; its levels are 1, 2, 3, 4"),
    (["procedure-version", "nope"], "no procedure 'nope'; the procedures are "),
    (["brief", "Child Z", "--theme", "nope"], "no theme 'nope' in themes.yml; its themes are "),
])
def test_what_new_cannot_do_it_says(project: Path, args: list[str], said: str) -> None:
    result = run_cli("new", *args, cwd=project)
    assert result.returncode == 1 and said in result.stderr, result.stderr


def test_a_new_project_grows_kind_by_kind_and_its_nav_with_it(tmp_path: Path) -> None:
    root = tmp_path / "p"
    run_cli("init", str(root))
    for args in (["service", "Food bank"], ["need", "Housing"], ["theme", "Neglect"], ["brief", "Child Q"],
                 ["flow", "Which way?"], ["procedure", "Early help"], ["procedure-version", "early-help"]):
        result = run_cli("new", *args, cwd=root)
        assert result.returncode == 0, result.stderr
    assert run_cli("lock", cwd=root).returncode == 0  # the versions to come are recorded
    build = run_cli("build", "--strict", cwd=root)
    assert build.returncode == 0, build.stderr
    from bs4 import BeautifulSoup

    tabs = [a.get_text(strip=True) for a in BeautifulSoup((root / "site/index.html").read_text(), "html.parser").select(".md-tabs a")]
    assert {"Procedures", "Decision flows", "Learning from reviews", "Find help for your family"} <= set(tabs)


def test_an_item_joins_its_list_with_the_editors_comments_and_layout_kept() -> None:
    text = "# mine\nterms:\n  # first\n  - id: a\n    term: A\n\n# the end\nother: 1\n"
    result = written(Scaffold("f.yml", "b", "- id: b\n  term: B\n", ("terms",)), text)
    assert result == "# mine\nterms:\n  # first\n  - id: a\n    term: A\n  - id: b\n    term: B\n\n# the end\nother: 1\n"
    with pytest.raises(ScaffoldRefused, match="not a list written one item per line"):
        written(Scaffold("f.yml", "b", "- b\n", ("terms",)), "terms: [a]\n")
    with pytest.raises(ScaffoldRefused, match="exists already"):
        written(Scaffold("f.yml", "b", "id: b\n"), "id: a\n")
