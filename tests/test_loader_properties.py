"""Whatever is in data/, the loader returns data or reports problems; it never raises anything else."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidance import GuidanceError, SiteData, load_site
from guidance.yamlio import parse_yaml
from tests.helpers import EXAMPLE_TODAY, ROOT

EXAMPLE_PARTNERSHIP = (ROOT / "data/partnership.yml").read_text()
EXAMPLE_GLOSSARY = (ROOT / "data/glossary.yml").read_text()
EXAMPLE_DATA = parse_yaml(EXAMPLE_GLOSSARY, "glossary.yml").data
EXAMPLE_THRESHOLDS = parse_yaml((ROOT / "data/thresholds.yml").read_text(), "thresholds.yml").data
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.dates().map(str), st.sampled_from(["cspr", "rapid-review", "CSPR", "no", "2024-02-30", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


def outcome(glossary_text: str, thresholds_text: str | None = None) -> SiteData | GuidanceError:
    """Load a project with these sources: returning data and raising GuidanceError are the only outcomes allowed."""
    with tempfile.TemporaryDirectory() as root:
        data = Path(root) / "data"
        data.mkdir()
        (data / "partnership.yml").write_text(EXAMPLE_PARTNERSHIP, encoding="utf-8")
        (data / "glossary.yml").write_text(glossary_text, encoding="utf-8")
        if thresholds_text is not None:
            (data / "thresholds.yml").write_text(thresholds_text, encoding="utf-8")
        try:
            return load_site(data)
        except GuidanceError as exc:
            assert exc.problems, "an error must say what is wrong"
            for problem in exc.problems:
                assert problem.line >= 1 and problem.column >= 1 and str(problem)
            return exc


@PROPERTY
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    outcome(text)


@PROPERTY
@given(values)
def test_any_yaml_document(value: Any) -> None:
    outcome(yaml.safe_dump(value, allow_unicode=True))


@PROPERTY
@given(values.filter(lambda v: isinstance(v, list)))
def test_any_list_of_terms(terms: list[Any]) -> None:
    outcome(yaml.safe_dump({"terms": terms}, allow_unicode=True))


def mutate(data: Any, choices: st.DataObject) -> Any:
    """Walk to a random place in the example data and change it."""
    if isinstance(data, dict) and data:
        key = choices.draw(st.sampled_from(sorted(data)))
        action = choices.draw(st.sampled_from(["descend", "delete", "rename", "replace"]))
        copy = dict(data)
        if action == "descend":
            copy[key] = mutate(copy[key], choices)
        elif action == "delete":
            del copy[key]
        elif action == "rename":
            copy[choices.draw(st.text(min_size=1, max_size=12))] = copy.pop(key)
        else:
            copy[key] = choices.draw(values)
        return copy
    if isinstance(data, list) and data:
        index = choices.draw(st.integers(0, len(data) - 1))
        action = choices.draw(st.sampled_from(["descend", "delete", "duplicate", "replace"]))
        copy = list(data)
        if action == "descend":
            copy[index] = mutate(copy[index], choices)
        elif action == "delete":
            del copy[index]
        elif action == "duplicate":
            copy.insert(index, copy[index])
        else:
            copy[index] = choices.draw(values)
        return copy
    return choices.draw(values)


def mutated_yaml(data: Any, choices: st.DataObject) -> str:
    """``data`` after one to three random mutations, as YAML text."""
    for _ in range(choices.draw(st.integers(1, 3))):
        data = mutate(data, choices)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@PROPERTY
@given(st.data())
def test_mutations_of_the_example_glossary(choices: st.DataObject) -> None:
    outcome(mutated_yaml(EXAMPLE_DATA, choices))


@PROPERTY
@given(st.data())
def test_mutations_of_the_example_thresholds(choices: st.DataObject) -> None:
    outcome(EXAMPLE_GLOSSARY, mutated_yaml(EXAMPLE_THRESHOLDS, choices))


@PROPERTY
@given(st.data())
def test_text_edits_of_the_example_glossary(choices: st.DataObject) -> None:
    """Deleted, repeated and mangled lines: what a careless edit does to the file."""
    lines = EXAMPLE_GLOSSARY.splitlines(keepends=True)
    for _ in range(choices.draw(st.integers(1, 4))):
        i = choices.draw(st.integers(0, len(lines) - 1))
        action = choices.draw(st.sampled_from(["delete", "repeat", "insert"]))
        if action == "delete":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        else:
            at = choices.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + choices.draw(st.text(max_size=5)) + lines[i][at:]
    outcome("".join(lines))


def test_the_example_itself_loads() -> None:
    result = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY))
    assert len(result.glossary) >= 60
    assert len(result.content["thresholds"].indicators) >= 80
    assert len(result.content["briefs"]) >= 6


def test_a_build_parses_the_data_once_until_a_file_changes(example: Path) -> None:
    import os

    from guidance.load import load_site_once

    today = date.fromisoformat(EXAMPLE_TODAY)
    first = load_site_once("data", docs_dir="docs", today=today)
    assert load_site_once(Path("data").resolve(), docs_dir=Path("docs").resolve(), today=today) is first
    glossary = Path("data/glossary.yml")
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(glossary, ns=(glossary.stat().st_atime_ns, glossary.stat().st_mtime_ns + 1_000_000))
    assert load_site_once("data", docs_dir="docs", today=today) is not first
