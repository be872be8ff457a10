"""data/search.yml: the partnership's synonyms and relevance set are checked like every source,
and `guidance check` says which search results no query in the set expects."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guidance import load_site
from guidance.lexicon import lexicon, reachable, relevance_problems
from tests.helpers import load_problems, run_cli, write

SEARCH = """\
synonyms:
  - [cspr, serious case review]
queries:
  - {query: CSPR, expect: "glossary/#cspr", audience: practitioner, class: abbreviation}
"""


def test_a_valid_search_file_loads_and_feeds_the_lexicon(small: Path) -> None:
    write(small, "data/search.yml", SEARCH)
    from guidance.pages import site_pages

    site = load_site(small / "data")
    data = json.loads(lexicon(site, site_pages(site)))
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


def test_a_missing_expected_page_is_an_error_and_a_group_no_page_uses_a_warning_once_the_pages_are_made(example: Path) -> None:
    relevance = example / "data/search.yml"
    text = relevance.read_text().replace('expect: "briefs/child-h-2019/"', 'expect: "briefs/child-h-2018/"')
    relevance.write_text(text.replace("synonyms:\n", "synonyms:\n  - [zebra crossing, pelican crossing]\n", 1))
    check = run_cli("check", cwd=example)
    assert check.returncode == 1
    assert re.search(r"^data/search\.yml:\d+:37: queries\[\d+\]\.expect: no page or entry 'briefs/child-h-2018/' on the site "
                     r"\(did you mean 'briefs/child-h-2019/'\?\)$", check.stderr, re.M), check.stderr
    assert ("data/search.yml:17:5: warning: synonyms[0]: no word of zebra crossing, pelican crossing is on the site: "
            "this group finds nothing") in check.stderr
    build = run_cli("build", cwd=example)
    assert build.returncode == 1 and "no page or entry 'briefs/child-h-2018/'" in build.stderr and "Traceback" not in build.stderr


def test_every_expected_page_of_the_example_exists(example: Path) -> None:
    from guidance.pages import site_pages

    site = load_site(example / "data", docs_dir=example / "docs")
    pages = site_pages(site)
    addresses, anchors = reachable(site, pages)
    assert "public/staying-safe-online/" in addresses and "glossary/#lado" in anchors  # hand-written and from data
    assert relevance_problems(site, pages) == []


def test_check_says_which_results_no_query_expects(example: Path) -> None:
    result = run_cli("check", "--data-only", "--unreached", cwd=example)
    assert result.returncode == 0, result.stderr
    summary = [line for line in result.stdout.splitlines() if line.startswith("search: ")]
    assert len(summary) == 1 and " results are expected by no query in data/search.yml" in summary[0]
    listed = [line for line in result.stdout.splitlines() if line.startswith("  not expected: ")]
    assert "  not expected: glossary/#core-group" in listed  # no query in the example's set asks for it
    assert "  not expected: glossary/#lado" not in listed  # "LADO" and "what is a LADO" do
