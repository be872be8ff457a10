"""Search on another partnership's data, not the example's: what query.js and search.js understand
(a definition asked for, help asked for, a parent's own situation, a practitioner describing a child,
a misspelling, a level) must find the right kind of page for words the example never uses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from bench.search import Query, report, run_queries, served
from tests.helpers import EXAMPLE_TODAY, THRESHOLDS, run_cli, write

pytestmark = pytest.mark.browser

GLOSSARY = """\
terms:
  - id: personal-education-plan
    term: Personal education plan
    abbreviations: [PEP]
    definition: The part of a looked after child's care plan that sets out their education and how the school will meet it.
    plain: A plan for how a child in care will do well at school.
    source: {title: Working Together to Safeguard Children 2023}
  - id: kinship-care
    term: Kinship care
    aliases: [family and friends care]
    definition: When a child who cannot live with their parents is raised by a relative or friend.
    plain: When a grandparent, aunt or friend brings up a child.
    source: {title: Working Together to Safeguard Children 2023}
  - id: virtual-school-head
    term: Virtual school head
    abbreviations: [VSH]
    definition: The officer who promotes the education of the children the council looks after.
    plain: The person who helps children in care with school.
    source: {title: Working Together to Safeguard Children 2023}
"""

INDICATORS = """\
  - id: L2-family-02
    level: 2
    domain: family
    text: The family is behind with the rent and worried about losing the flat.
    keywords: [rent arrears]
  - id: L2-parenting-02
    level: 2
    domain: parenting
    text: An injury to a toddler that the parents cannot explain.
    keywords: [unexplained injury]
"""

SERVICES = """\
needs:
  - id: bullying
    name: Bullying
    description: If a child is picked on, at school or online.
    keywords: [cyberbullying, picked on]
  - id: housing
    name: A safe home
    description: If you might lose your home, or it is not safe to live in.
    keywords: [eviction, rent arrears, damp]
services:
  - id: kind-schools
    name: Kind Schools project
    needs: [bullying]
    who: Pupils who are bullied, and their parents.
    offers: Advice, and a worker who talks to the school with you.
    contact: {phone: 01632 960501}
    hours: ["Monday to Friday, 9am to 5pm"]
    confidential: true
    example: true
  - id: home-advice
    name: Fenwick Housing Advice
    needs: [housing]
    who: Anyone in Fenwick worried about their home.
    offers: Help to talk to your landlord, and to stay in your home.
    contact: {phone: 01632 960502}
    hours: ["Monday to Friday, 9am to 5pm"]
    confidential: true
    example: true
"""

SEARCH = """\
synonyms:
  - [broken arm, fracture, injury]
  - [bullied, picked on]
queries: []
"""

# Each query, and the page its person needs: none of these words is in the example's relevance set.
QUERIES = [
    Query("what does PEP stand for", "glossary/#personal-education-plan", "parent", "abbreviation"),
    Query("kinship care meaning", "glossary/#kinship-care", "practitioner", "question"),
    Query("vitual school head", "glossary/#virtual-school-head", "practitioner", "misspelling"),
    Query("my son is being picked on", "public/services/bullying/", "parent", "situation"),
    Query("help with eviction", "public/services/housing/", "parent", "everyday need"),
    Query("toddler with a broken arm parents cannot explain", "thresholds/level-2/#L2-parenting-02", "practitioner", "situation"),
    Query("level two", "thresholds/level-2/", "practitioner", "title"),
]


@pytest.fixture(scope="module")
def fenwick(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("fenwick") / "fenwick"
    assert run_cli("init", str(project)).returncode == 0
    write(project, "data/glossary.yml", GLOSSARY)
    write(project, "data/thresholds.yml", THRESHOLDS.replace("Testshire", "Fenwick").replace("glossary:cspr", "glossary:kinship-care") + INDICATORS)
    write(project, "data/services.yml", SERVICES)
    write(project, "data/search.yml", SEARCH)
    built = subprocess.run([sys.executable, "-m", "guidance", "build"], cwd=project, capture_output=True, text=True,
                           env={**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY})
    assert built.returncode == 0, built.stderr
    with served(project / "site") as base:
        yield base


def test_another_partnerships_words_find_the_right_kind_of_page(browser: Browser, fenwick: str) -> None:
    page = browser.new_page()
    outcomes = run_queries(page, fenwick, QUERIES)
    page.close()
    assert [o.query.text for o in outcomes if o.rank != 1] == [], report(outcomes)
