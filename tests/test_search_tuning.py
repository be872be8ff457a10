"""data/search.yml: the partnership's synonyms and relevance set are checked like every source,
and `guidance check` says which search results no query in the set expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidance import load_site
from guidance.lexicon import lexicon, reachable
from tests.helpers import load_problems, run_cli, write

SEARCH = """\
synonyms:
  - [cspr, serious case review]
queries:
  - {query: CSPR, expect: "glossary/#cspr", audience: practitioner, class: abbreviation}
"""


def test_a_valid_search_file_loads_and_feeds_the_lexicon(small: Path) -> None:
    write(small, "data/search.yml", SEARCH)
    site = load_site(small / "data")
    data = json.loads(lexicon(site))
    assert data["synonyms"] == [["cspr", "serious case review"]]
    assert "rapid" in data["words"] and data["words"]["review"] >= 2  # the site's words, counted
    assert data["levels"] == [] and data["entries"] >= 2


@pytest.mark.parametrize("text, expected", [
    ("synonyms:\n  - [review, review]\n", "data/search.yml:2:14: synonyms[0][1]: duplicate synonym 'review' (given earlier in this group)"),
    ("synonyms:\n  - [review, look back]\n  - [Review, check]\n",
     "data/search.yml:3:6: synonyms[1][0]: duplicate synonym 'Review' (given in synonyms[0])"),
    ("synonyms:\n  - [review]\n", "data/search.yml:2:5: synonyms[0]: expected at least two words that mean the same, got 1"),
    ("queries:\n  - {query: CSPR, expect: 'glossary/#cspr', audience: practitioner, class: abbreviation}\n"
     "  - {query: cspr, expect: 'glossary/#cspr', audience: trainer, class: abbreviation}\n",
     "data/search.yml:3:13: queries[1].query: duplicate query 'cspr' (given at queries[0])"),
    ("queries:\n  - {query: CSPR, expect: 'glossary/#csp', audience: practitioner, class: abbreviation}\n",
     "data/search.yml:2:27: queries[0].expect: no page or entry 'glossary/#csp' on the site (did you mean 'glossary/#cspr'?)"),
    ("queries:\n  - {query: LADO, expect: 'glossary lado', audience: practitioner, class: abbreviation}\n",
     "data/search.yml:2:27: queries[0].expect: expected an address on this site ending in '/', with '#' and an entry's id "
     "if it is one entry, such as 'glossary/#lado', got 'glossary lado'"),
    ("queries:\n  - {query: CSPR, expect: 'glossary/#cspr', audience: manager, class: abbreviation}\n",
     "data/search.yml:2:55: queries[0].audience: expected one of: 'practitioner', 'trainer', 'parent' or 'young person', got 'manager'"),
])
def test_mistakes_in_the_search_file_are_errors_with_where(small: Path, text: str, expected: str) -> None:
    write(small, "data/search.yml", text)
    problems = load_problems(str(small / "data"))
    assert expected in problems, problems


def test_a_synonym_group_no_page_uses_is_a_warning(small: Path) -> None:
    write(small, "data/search.yml", "synonyms:\n  - [zebra crossing, pelican crossing]\n")
    site = load_site(small / "data")
    assert [str(w) for w in site.warnings if w.is_warning] == [
        "data/search.yml:2:5: warning: synonyms[0]: no word of zebra crossing, pelican crossing is on the site: this group finds nothing"
    ]


def test_every_expected_page_of_the_example_exists(example: Path) -> None:
    site = load_site(example / "data", docs_dir=example / "docs")
    pages, anchors = reachable(site)
    assert "public/staying-safe-online/" in pages and "glossary/#lado" in anchors  # hand-written and from data
    assert not [w for w in site.warnings if "search.yml" in w.file and w.is_warning]


def test_check_says_which_results_no_query_expects(example: Path) -> None:
    result = run_cli("check", "--data-only", "--unreached", cwd=example)
    assert result.returncode == 0, result.stderr
    summary = [line for line in result.stdout.splitlines() if line.startswith("search: ")]
    assert len(summary) == 1 and " results are expected by no query in data/search.yml" in summary[0]
    listed = [line for line in result.stdout.splitlines() if line.startswith("  not expected: ")]
    assert "  not expected: glossary/#core-group" in listed  # no query in the example's set asks for it
    assert "  not expected: glossary/#lado" not in listed  # "LADO" and "what is a LADO" do
