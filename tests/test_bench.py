"""The scale generator writes a valid project that uses every kind of source."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.generate import generate
from guidance import load_site
from guidance.registry import KINDS
from tests.helpers import EXAMPLE_TODAY


def test_a_generated_corpus_is_valid_and_uses_every_kind(tmp_path: Path) -> None:
    counts = generate(400, tmp_path / "corpus")
    site = load_site(tmp_path / "corpus/data", today=date.fromisoformat(EXAMPLE_TODAY))
    assert {k.name for k in KINDS} <= set(site.content)
    assert not [w for w in site.warnings if w.is_warning]
    assert len(site.content["procedures"].by_id) == counts["procedures"]
    assert len(site.content["briefs"]) == counts["briefs"]
    assert len(site.content["services"].services) == counts["services"]
    assert len(site.content["thresholds"].indicators) == counts["indicators"]
    assert len(site.content["flows"]) == counts["flows"]
    versions = sum(len(p.editions) for p in site.content["procedures"].by_id.values())
    assert 3 * counts["procedures"] <= versions <= 5 * counts["procedures"]


def test_the_benchmark_runs_and_prints_its_table() -> None:
    import subprocess
    import sys

    from tests.helpers import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--sizes", "150", "--runs", "1"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert table[0] == "| figure | example | 150 items |"
    figures = {row.split(" | ")[0].removeprefix("| "): row for row in table[2:]}
    for figure in ("check s", "build s", "peak MB", "plain mkdocs s", "ours / plain", "ours / plain, no search", "first search KB", "search ms", "serve rebuild s", "public page KB", "flow page KB",
                   "offline MB", "offline download MB", "offline save s"):
        assert figure in figures, figure
    build = float(figures["build s"].split(" | ")[1])
    assert build > 0
    # The example's saved set is what its offline.json lists, and the browser saved it.
    assert 0 < float(figures["offline download MB"].split(" | ")[1]) < float(figures["offline MB"].split(" | ")[1])
    assert float(figures["offline save s"].split(" | ")[1]) >= 2  # it waits 2 s for the page to be quiet


def test_the_conversion_timer_names_every_kind_of_page_and_what_was_set_aside(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import ROOT

    generate(150, tmp_path / "corpus")
    run = [sys.executable, "-m", "bench.convert", str(tmp_path / "corpus"), "--runs", "1"]
    result = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = {line[:32].strip(): line[32:] for line in result.stdout.splitlines()}
    assert {"procedures", "procedures (versions)", "procedures (comparisons)", "briefs", "glossary"} <= set(rows)
    assert rows["converting, all pages"].strip().endswith("pages)")
    placeholders = [line for line in result.stdout.splitlines() if line.startswith("raw HTML set aside behind ")]
    assert len(placeholders) == 1 and int(placeholders[0].split()[5]) > 100
    whole = subprocess.run([*run, "--whole", "--without", "abbr"], cwd=ROOT, capture_output=True, text=True)
    assert whole.returncode == 0, whole.stderr
    assert "raw HTML set aside" not in whole.stdout
