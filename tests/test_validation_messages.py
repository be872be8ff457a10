"""One test per class of bad input, asserting the exact message: file:line:col: path: text."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidance import load_site
from tests.helpers import EXAMPLE_TODAY, GLOSSARY, load_problems, write


def problems(root: Path, glossary: str) -> list[str]:
    write(root, "data/glossary.yml", glossary)
    return load_problems()


def test_the_small_project_is_valid(small: Path) -> None:
    site = load_site("data")
    assert [t.id for t in site.glossary.terms] == ["cspr", "rapid-review"]
    assert site.warnings == []


def test_yaml_syntax_error_names_the_line(small: Path) -> None:
    broken = GLOSSARY.replace("abbreviations: [CSPR]", "abbreviations: [CSPR")
    assert problems(small, broken) == [
        "data/glossary.yml:4:20: invalid YAML: this '[' is not closed (did not find expected ',' or ']' at line 5)"
    ]


def test_bad_indentation_is_a_syntax_error(small: Path) -> None:
    broken = GLOSSARY.replace("    term: Rapid review\n", "    term: Rapid review\n   definition: x\n")
    assert problems(small, broken) == ["data/glossary.yml:12:4: invalid YAML: did not find expected '-' indicator"]


def test_duplicate_key_is_rejected_not_overwritten(small: Path) -> None:
    broken = GLOSSARY.replace("    plain: A quick check", "    term: Again\n    plain: A quick check")
    assert problems(small, broken) == ["data/glossary.yml:13:5: terms[1].term: duplicate key 'term' (first given at line 11)"]


def test_misspelt_field_is_an_error_with_a_suggestion(small: Path) -> None:
    broken = GLOSSARY.replace("    definition: A local review", "    defintion: A local review")
    assert problems(small, broken) == [
        "data/glossary.yml:5:5: terms[0].defintion: unknown field 'defintion' (did you mean 'definition'?)"
    ]


def test_unknown_field_lists_the_allowed_ones(small: Path) -> None:
    broken = GLOSSARY.replace("badly hurt.\n", "badly hurt.\n    colour: red\n")
    assert problems(small, broken) == [
        "data/glossary.yml:14:5: terms[1].colour: unknown field 'colour' (expected one of: id, term, "
        "abbreviations, aliases, definition, plain, short, source, related, reviewed, match)"
    ]


def test_wrong_type_says_what_was_expected_and_found(small: Path) -> None:
    broken = GLOSSARY.replace("abbreviations: [CSPR]", "abbreviations: CSPR")
    assert problems(small, broken) == ["data/glossary.yml:4:20: terms[0].abbreviations: expected a list, got 'CSPR'"]


def test_yes_and_no_stay_text(small: Path) -> None:
    """YAML 1.1 would read `no` as false; our loader keeps it as the word."""
    write(small, "data/glossary.yml", GLOSSARY.replace("term: Rapid review", "term: no"))
    assert load_site("data").glossary.by_id["rapid-review"].term == "no"


def test_missing_required_field(small: Path) -> None:
    broken = GLOSSARY.replace("    plain: A quick check after a child is badly hurt.\n", "")
    assert problems(small, broken) == ["data/glossary.yml:10:5: terms[1]: missing required field 'plain'"]


def test_duplicate_id_points_to_the_first_use(small: Path) -> None:
    broken = GLOSSARY.replace("related: [rapid-review]", "related: []").replace("  - id: rapid-review", "  - id: cspr")
    assert problems(small, broken) == ["data/glossary.yml:10:9: terms[1].id: duplicate term id 'cspr' (first used at line 2)"]


def test_duplicate_id_across_files(small: Path) -> None:
    write(small, "data/glossary/more.yml", "terms:\n" + GLOSSARY.split("terms:\n")[1].split("  - id: rapid-review")[0])
    (small / "data/glossary.yml").rename(small / "data/glossary/main.yml")
    messages = problems(small, "terms: []\n")
    assert "data/glossary/more.yml:2:9: terms[0].id: duplicate term id 'cspr' (first used at data/glossary/main.yml:2:9)" in messages


def test_dangling_reference_suggests_the_near_miss(small: Path) -> None:
    broken = GLOSSARY.replace("related: [rapid-review]", "related: [rapid-reveiw]")
    assert problems(small, broken) == [
        "data/glossary.yml:9:15: terms[0].related[0]: unknown term 'rapid-reveiw' (did you mean 'rapid-review'?)"
    ]


def test_invalid_date(small: Path) -> None:
    broken = GLOSSARY.replace("    related: [rapid-review]", "    related: [rapid-review]\n    reviewed: 2024-02-30")
    assert problems(small, broken) == ["data/glossary.yml:10:15: terms[0].reviewed: expected a date as YYYY-MM-DD, got '2024-02-30'"]


def test_id_format(small: Path) -> None:
    broken = GLOSSARY.replace("id: cspr", "id: CSPR Review").replace("related: [rapid-review]", "related: []")
    assert problems(small, broken) == [
        "data/glossary.yml:2:9: terms[0].id: expected an id of lowercase letters, digits and single hyphens, "
        "such as 'rapid-review', got 'CSPR Review'"
    ]


def test_unsupported_tag(small: Path) -> None:
    assert problems(small, "terms: !include other.yml\n") == ["data/glossary.yml:1:8: terms: unsupported YAML tag '!include'"]


def test_empty_file(small: Path) -> None:
    assert problems(small, "") == ["data/glossary.yml:1:1: expected a mapping of fields, got nothing"]


def test_missing_source_file(small: Path) -> None:
    (small / "data/glossary.yml").unlink()
    assert load_problems() == ["data:1:1: missing glossary: expected data/glossary.yml or data/glossary/*.yml"]


def test_phone_number_format(small: Path) -> None:
    text = (small / "data/partnership.yml").read_text()
    write(small, "data/partnership.yml", text.replace("01632 960100", "12345"))
    assert load_problems() == [
        "data/partnership.yml:10:12: contacts[0].phone: expected a UK phone number such as '01632 960123', "
        "'0800 123 4567' or '999' (as text, in quotes), got the number 12345"
    ]


def test_dangling_contact_reference(small: Path) -> None:
    text = (small / "data/partnership.yml").read_text()
    write(small, "data/partnership.yml", text.replace("main_contact: front-door", "main_contact: front-dor"))
    assert load_problems() == [
        "data/partnership.yml:6:15: main_contact: unknown contact 'front-dor' (did you mean 'front-door'?)"
    ]


def test_every_problem_in_every_file_is_reported_at_once(small: Path) -> None:
    text = (small / "data/partnership.yml").read_text()
    write(small, "data/partnership.yml", text.replace("short_name: TSCP", "short_nam: TSCP"))
    broken = GLOSSARY.replace("abbreviations: [CSPR]", "abbreviations: CSPR").replace("    plain: A quick check after a child is badly hurt.\n", "")
    assert problems(small, broken) == [
        "data/glossary.yml:4:20: terms[0].abbreviations: expected a list, got 'CSPR'",
        "data/glossary.yml:10:5: terms[1]: missing required field 'plain'",
        "data/partnership.yml:2:1: short_nam: unknown field 'short_nam' (did you mean 'short_name'?)",
    ]


def test_undefined_abbreviation_is_a_warning(small: Path) -> None:
    write(small, "data/glossary.yml", GLOSSARY.replace("A quick review after", "A quick MASH review after"))
    site = load_site("data")
    assert [str(w) for w in site.warnings] == [
        "data/glossary.yml:12:17: warning: terms[1].definition: abbreviation 'MASH' is not in the glossary "
        "(add it, or list it in partnership.yml checks.known_abbreviations)"
    ]


def test_undefined_abbreviation_in_a_page_is_a_warning(small: Path) -> None:
    write(small, "docs/index.md", "# Home\n\nAsk the `DSL` or the DSL, then the CSPR team.\n")
    site = load_site("data", docs_dir="docs")
    assert [str(w) for w in site.warnings] == [
        "docs/index.md:3:22: warning: abbreviation 'DSL' is not in the glossary "
        "(add it, or list it in partnership.yml checks.known_abbreviations)"
    ]


def test_a_file_that_cannot_be_read_hides_nothing_in_the_others(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Five mistakes in five files, of five kinds, are all reported in one run."""
    monkeypatch.setenv("GUIDANCE_TODAY", EXAMPLE_TODAY)
    edits = {
        "data/procedures/early-help.yml": ("title:", "titel:"),  # not the model's shape
        "data/flows/which-level.yml": ("title:", "title: A <b>bold</b> title\n  x:"),  # unsafe, and a stray field
        "data/services.yml": ("phone: 01632 960301", "phone: 12345"),
        "data/briefs/child-b-2025.yml": ("id: r2", "id: r1"),
        "data/thresholds.yml": ("levels:", "levels: [\n"),  # does not parse
    }
    for file, (old, new) in edits.items():
        path = example / file
        path.write_text(path.read_text().replace(old, new, 1))
    problems = [p.split(": ")[0].split(":")[0] for p in load_problems()]
    assert sorted(set(problems)) == sorted(edits)


@pytest.mark.parametrize("broken", ["glossary.yml", "partnership.yml", "thresholds.yml", "procedures/early-help.yml",
                                    "flows/which-level.yml", "briefs/child-b-2025.yml", "services.yml", "themes.yml",
                                    "anonymity.yml", "releases.yml", "bank-holidays.yml"])
def test_any_file_broken_still_shows_a_mistake_elsewhere(example: Path, broken: str) -> None:
    """Whichever file cannot be read, a stray file and unsafe text elsewhere are still found, and nothing crashes."""
    path = example / "data" / broken
    path.write_text(path.read_text() + "\n: [\n")
    (example / "data/glosary.yml").write_text("terms: []\n")
    other = example / ("data/services.yml" if broken != "services.yml" else "data/themes.yml")
    other.write_text(other.read_text().replace("name: ", "name: <i>x</i> ", 1))
    problems = load_problems()
    assert any(p.startswith(f"data/{broken}:") and "invalid YAML" in p for p in problems)
    assert any(p.startswith("data/glosary.yml:1:1: this file is not read (did you mean 'data/glossary.yml'?)") for p in problems)
    assert any(p.startswith(f"{other.relative_to(example)}:") and "expected Markdown without HTML" in p for p in problems)


def test_bytes_that_are_not_utf8_are_located(small: Path) -> None:
    text = GLOSSARY.replace("A quick check after", "A quick check (café) after").encode("utf-8").replace("é".encode(), b"\xe9")
    (small / "data/glossary.yml").write_bytes(text)
    assert load_problems() == [
        "data/glossary.yml:13:30: expected UTF-8 text, got bytes that are not (invalid continuation byte): save the file as UTF-8"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms: &t []\nmore: *t\n", "data/glossary.yml:2:7: expected values written out, got the alias '*t': aliases are not allowed in sources"),
        ("terms: &t [*t]\n", "data/glossary.yml:1:12: expected values written out, got the alias '*t': aliases are not allowed in sources"),
    ],
)
def test_aliases_are_refused_where_they_are_written(small: Path, text: str, expected: str) -> None:
    write(small, "data/glossary.yml", text)
    assert load_problems() == [expected]


def test_an_alias_bomb_is_refused_at_once(small: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    write(small, "data/glossary.yml", "\n".join(lines) + "\nterms: []\n")
    problems = load_problems()  # 9**9 values if expanded: answered at once instead
    assert len(problems) == 72 and all("aliases are not allowed" in p for p in problems)


def test_nesting_and_size_are_bounded(small: Path) -> None:
    deep = "terms:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 60)) + "  " * 60 + "- x\n"
    write(small, "data/glossary.yml", deep)
    assert load_problems()[0].endswith("expected values nested at most 40 deep, got deeper")
    (small / "data/glossary.yml").write_text("terms: []\n" + "# padding\n" * 600_000)
    assert load_problems() == [
        "data/glossary.yml:1:1: expected a file of at most 5 MB, got 6.0 MB: split it into several files"
    ]


def test_files_no_kind_reads_are_reported_with_the_name_they_were_meant_to_have(small: Path) -> None:
    write(small, "data/glosary.yml", "terms: []\n")
    write(small, "data/procedures/new-procedure.yaml", "id: new-procedure\n")
    write(small, "data/flow/x.yml", "id: x\n")
    write(small, "data/.gitkeep", "")
    write(small, "data/notes.yml~", "backup\n")
    sources = (
        "data/partnership.yml, data/glossary.yml, data/glossary/*.yml, data/thresholds.yml, data/releases.yml, "
        "data/bank-holidays.yml, data/procedures/*.yml, data/flows/*.yml, data/themes.yml, data/anonymity.yml, "
        "data/briefs/*.yml, data/services.yml, data/search.yml, data/versions.lock"
    )
    assert load_problems() == [
        f"data/flow/x.yml:1:1: this file is not read (did you mean 'data/flows/x.yml'?): the sources are {sources}",
        f"data/glosary.yml:1:1: this file is not read (did you mean 'data/glossary.yml'?): the sources are {sources}",
        f"data/procedures/new-procedure.yaml:1:1: this file is not read (did you mean 'data/procedures/new-procedure.yml'?): "
        f"the sources are {sources}",
    ]


def test_an_entry_in_a_file_named_after_another_is_an_error(small: Path) -> None:
    from tests.helpers import PROCEDURE

    write(small, "data/procedures/old-name.yml", PROCEDURE)
    problems = load_problems()
    assert "data/procedures/old-name.yml:1:5: id: expected 'old-name' (the file's name), got 'escalation': name the file " \
        "after the id (escalation.yml) or the id after the file" in problems


def test_duplicate_ids_inside_one_entry_are_errors(small: Path) -> None:
    from tests.helpers import PROCEDURE

    text = PROCEDURE.replace(
        "    steps:\n      - id: talk\n", "    steps:\n      - id: talk\n        title: Again\n        text: Again.\n      - id: talk\n", 1
    )
    write(small, "data/procedures/escalation.yml", text)
    problems = load_problems()
    assert problems[0] == "data/procedures/escalation.yml:17:13: versions[0].steps[1].id: duplicate step id 'talk' (first used at line 14)"


CALENDAR = "region: england-and-wales\n"


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        ("data/bank-holidays.yml", f"{CALENDAR}closures:\n  - date: 0\n    name: Office closed\n",
         "data/bank-holidays.yml:3:11: closures[0].date: expected a date as YYYY-MM-DD, got the number 0"),
        ("data/bank-holidays.yml", f"{CALENDAR}closures:\n  - date: 2024-01-02\n    name: true\n",
         "data/bank-holidays.yml:4:11: closures[0].name: expected text, got true (a yes/no value)"),
    ],
)
def test_no_coercion_in_any_kind(small: Path, file: str, text: str, expected: str) -> None:
    write(small, file, text)
    assert load_problems() == [expected]
