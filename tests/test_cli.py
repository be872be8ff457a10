"""The real ``guidance`` command: exit codes, messages without tracebacks, safe builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from guidance.schema import schemas
from tests.helpers import ROOT, run_cli, write


def test_check_passes_on_the_example(example: Path) -> None:
    result = run_cli("check", cwd=example)
    assert result.returncode == 0, result.stderr
    assert "73 glossary terms; 0 warning(s)" in result.stdout


def test_check_reports_every_error_and_exits_1_without_traceback(example: Path) -> None:
    glossary = example / "data/glossary.yml"
    text = glossary.read_text()
    glossary.write_text(text.replace("    definition: >-\n      The national model", "    defintion: >-\n      The national model", 1)
                        .replace("related: [rapid-review, serious-child-safeguarding-incident, national-panel",
                                 "related: [rapid-reveiw, serious-child-safeguarding-incident, national-panel"))
    result = run_cli("check", cwd=example)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "data/glossary.yml:10:5: terms[0].defintion: unknown field 'defintion' (did you mean 'definition'?)",
        # Said, not silently skipped: what cannot be checked until the glossary can be read.
        "links between entries, abbreviations, plain language and dates are checked once the glossary file(s) can be read",
        "1 error(s), 0 warning(s), 0 notice(s)",
    ]


def test_an_error_does_not_hide_warnings_or_notices_and_each_is_counted_as_what_it_is(example: Path) -> None:
    procedure = example / "data/procedures/early-help.yml"
    procedure.write_text(procedure.read_text().replace("\nowner: ", "\nbogus: 1\nowner: ", 1))
    write(example, "docs/extra.md", "# Extra\n\nAsk the QZX team.\n")
    result = run_cli("check", cwd=example)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("data/procedures/early-help.yml:") and "unknown field 'bogus'" in lines[0]
    assert "docs/extra.md:3:9: warning: abbreviation 'QZX' is not in the glossary" in result.stderr
    notices = [line for line in lines if ": notice: " in line]
    assert len(notices) == 4  # the example's overdue recommendations, which depend on the date
    assert lines[-1] == "1 error(s), 1 warning(s), 4 notice(s)"


def test_reference_errors_are_all_reported(example: Path) -> None:
    glossary = example / "data/glossary.yml"
    text = glossary.read_text()
    glossary.write_text(text.replace("related: [child-in-need, threshold-document]", "related: [child-in-ned, threshold-documents]"))
    result = run_cli("check", cwd=example)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/glossary.yml:21:15: terms[0].related[0]: unknown term 'child-in-ned' (did you mean 'child-in-need'?)",
        "data/glossary.yml:21:29: terms[0].related[1]: unknown term 'threshold-documents' (did you mean 'threshold-document'?)",
        "links between entries, abbreviations, plain language and dates are checked once the glossary file(s) can be read",
        "2 error(s), 0 warning(s), 0 notice(s)",
    ]


def test_warnings_pass_unless_strict(example: Path) -> None:
    write(example, "docs/extra.md", "# Extra\n\nAsk the QZX team.\n")
    relaxed = run_cli("check", cwd=example)
    strict = run_cli("check", "--strict", cwd=example)
    assert relaxed.returncode == 0
    assert "docs/extra.md:3:9: warning: abbreviation 'QZX' is not in the glossary" in relaxed.stderr
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == "1 warning(s), which --strict treats as errors"


def test_failed_build_leaves_the_previous_site_untouched(example: Path) -> None:
    assert run_cli("build", cwd=example).returncode == 0
    index = example / "site/glossary/index.html"
    before = index.read_bytes()

    write(example, "docs/broken.md", '# Broken\n\n{{ term("NOPE") }}\n')  # fails inside MkDocs, mid-build
    result = run_cli("build", cwd=example)
    assert result.returncode == 1
    assert "docs/broken.md:3:1: term('NOPE'): unknown glossary term 'NOPE'" in result.stderr
    assert "Traceback" not in result.stderr
    assert index.read_bytes() == before
    assert not (example / "site/broken").exists()
    assert sorted(p.name for p in example.iterdir() if p.name.startswith(".site")) == []


def test_build_with_invalid_data_does_not_start(example: Path) -> None:
    assert run_cli("build", cwd=example).returncode == 0
    (example / "data/glossary.yml").write_text("terms: [\n")
    result = run_cli("build", cwd=example)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "data/glossary.yml:2:1: invalid YAML: did not find expected node content"
    assert (example / "site/glossary/index.html").exists()


def test_new_glossary_term_adds_a_valid_entry(example: Path) -> None:
    result = run_cli("new", "glossary-term", "Family group conference", cwd=example)
    assert result.returncode == 0, result.stderr
    assert "added glossary-term 'family-group-conference' to data/glossary.yml" in result.stdout
    assert run_cli("check", cwd=example).returncode == 0
    assert "  - id: family-group-conference\n    term: Family group conference\n" in (example / "data/glossary.yml").read_text()


def test_new_refuses_a_duplicate_and_leaves_the_file_alone(example: Path) -> None:
    before = (example / "data/glossary.yml").read_text()
    result = run_cli("new", "glossary-term", "Neglect", cwd=example)
    assert result.returncode == 1
    assert "not added: glossary term 'neglect' exists already (data/glossary.yml:" in result.stderr
    assert (example / "data/glossary.yml").read_text() == before


def test_committed_schemas_match_the_models() -> None:
    """Editors validate YAML against schemas/; they must never drift from the models."""
    for name, text in schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"run `guidance schema` to write {name}"
        assert committed.read_text() == text, f"schemas/{name} is stale: run `guidance schema`"


def test_schemas_validate_the_example_data_and_name_every_field() -> None:
    glossary = json.loads(schemas()["glossary.schema.json"])
    term = glossary["$defs"]["Term"]
    assert term["additionalProperties"] is False
    assert set(term["required"]) == {"id", "term", "definition", "plain", "source"}


def test_every_data_file_points_editors_at_its_schema() -> None:
    for path in sorted((ROOT / "data").rglob("*.yml")):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.exists(), f"{path} names {schema}"


def test_build_uses_the_data_folder_mkdocs_yml_names(example: Path) -> None:
    (example / "data").rename(example / "sources")
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("      data_dir: data", "      data_dir: sources"))
    result = run_cli("build", cwd=example)
    assert result.returncode == 0, result.stderr
    assert (example / "site/glossary/index.html").exists()


def test_a_missing_config_file_is_a_clear_error(example: Path) -> None:
    result = run_cli("build", "-f", "nope.yml", cwd=example)
    assert result.returncode == 1
    assert result.stderr.strip() == "nope.yml: no such file; run from the project's folder or give -f"


def test_addresses_that_are_not_folders_are_refused_where_they_are_set(example: Path) -> None:
    """The pages written from data link to folder addresses (/procedures/early-help/), which never change."""
    config = example / "mkdocs.yml"
    config.write_text(config.read_text().replace("strict: true\n", "strict: true\nuse_directory_urls: false\n"))
    line = config.read_text().splitlines().index("use_directory_urls: false") + 1
    result = run_cli("build", cwd=example)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"mkdocs.yml:{line}:1: use_directory_urls: expected true (each page's address is a folder, such as "
            "/procedures/early-help/, and never changes), got false") in result.stderr
    assert not (example / "site").exists()


def test_a_page_that_would_fetch_from_another_site_fails_the_build(example: Path) -> None:
    """Hand-written pages may use HTML, but not to load anything from elsewhere: a check, not a hope."""
    write(example, "docs/about/embed.md", (
        "# Embedded\n\n<script src=\"https://cdn.example/widget.js\"></script>\n\n"
        "<img alt=\"\" src=\"//tracker.example/p.png\">\n\n<a href=\"https://www.gov.uk/\">A link is fine</a>\n"
    ))
    result = run_cli("build", cwd=example)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "2 request(s) to other sites: a page may only load files from this site, so that nobody else learns who reads it\n"
        "docs/about/embed.md:3:14: the page would fetch <script src> https://cdn.example/widget.js from another site\n"
        "docs/about/embed.md:5:18: the page would fetch <img src> //tracker.example/p.png from another site"
    ) in result.stderr
    assert not (example / "site").exists()


BROKEN_PAGE = """\
---
title: Broken
---

# Broken

See [a page](missing.md), [an anchor](../glossary/index.md#nope) and [this page](#nowhere).

{{ term() }}

{{ termz("CSPR") }}

{{ contact("front-door", 1) }}
"""


def test_check_reads_hand_written_pages_and_reports_every_problem_at_once(example: Path) -> None:
    write(example, "docs/about/broken.md", BROKEN_PAGE)
    write(example, "docs/about/unknown.md", '# Unknown\n\n{{ term("NOPE") }}\n\n<img alt="" src="https://tracker.example/p.png">\n')
    result = run_cli("check", cwd=example)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if ": notice: " not in line]
    assert lines == [
        "docs/about/broken.md:7:14: link 'missing.md': the target 'about/missing.md' is not found among documentation files",
        "docs/about/broken.md:7:39: link '../glossary/index.md#nope': the doc 'glossary/index.md' does not contain an anchor '#nope'",
        "docs/about/broken.md:7:82: link '#nowhere': there is no such anchor on this page",
        "docs/about/broken.md:9:4: term(): expected term(name, text=None) (missing a required argument: 'name')",
        "docs/about/broken.md:11:4: termz('CSPR'): unknown macro 'termz' (did you mean 'term'?)",
        "docs/about/broken.md:13:4: contact('front-door', 1): expected contact(ident) (too many positional arguments)",
        "docs/about/unknown.md:3:1: term('NOPE'): unknown glossary term 'NOPE'",
        "7 error(s), 0 warning(s), 0 notice(s) in the pages",
    ]


def test_a_bad_macro_call_fails_the_build_in_our_words(example: Path) -> None:
    write(example, "docs/about/broken.md", "# Broken\n\n{{ contact() }}\n")
    result = run_cli("build", cwd=example)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/about/broken.md:3:4: contact(): expected contact(ident) (missing a required argument: 'ident')" in result.stderr


def test_build_prints_each_problem_once_in_our_format(example: Path) -> None:
    """The sources' warnings were printed by the command line and again, prefixed, by the engine's log."""
    glossary = example / "data/glossary.yml"
    glossary.write_text(glossary.read_text().replace("      The national model", "      Ask the QZX team first. The national model", 1))
    result = run_cli("build", cwd=example)
    assert result.returncode == 0, result.stderr
    problems = re.findall(r"data/\S+:\d+:\d+: (?:warning|notice): .*", result.stderr)
    assert any("abbreviation 'QZX'" in p for p in problems), result.stderr
    assert len(problems) == len(set(problems)), "a problem was printed twice"
    for line in result.stderr.splitlines():
        if "data/" in line and (": notice: " in line or ": warning: " in line):
            assert re.match(r"^data/\S+:\d+:\d+: (warning|notice): ", line), f"not in our format: {line}"
