"""What tests share besides fixtures: the project's root, small valid sources, and the CLI."""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from guidance.kinds.glossary.model import Term

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The site engine, named here only: plain `properdocs build` must work as well as `guidance build`.
ENGINE = Path(sys.executable).parent / "properdocs"

PROJECT_FILES = ("data", "docs", "mkdocs.yml")
# The day the example site is built for in tests: its versions and reviews are stated as of then.
EXAMPLE_TODAY = "2026-11-23"

PARTNERSHIP = """\
name: Testshire Safeguarding Children Partnership
short_name: TSCP
area: Testshire
description: A partnership for tests.
emergency: If a child is in immediate danger, call 999.
main_contact: front-door
contacts:
  - id: front-door
    name: Front door
    phone: 01632 960100
    example: true
audiences:
  - id: practitioners
    name: Practitioners
    description: People who work with children.
"""

GLOSSARY = """\
terms:
  - id: cspr
    term: Child safeguarding practice review
    abbreviations: [CSPR]
    definition: A local review of a serious case.
    plain: A careful look back at what happened.
    source:
      title: Working Together to Safeguard Children 2023
    related: [rapid-review]
  - id: rapid-review
    term: Rapid review
    definition: A quick review after a serious incident.
    plain: A quick check after a child is badly hurt.
    source:
      title: Working Together to Safeguard Children 2023
"""


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_problems(data_dir: str = "data", today: date | None = None) -> list[str]:
    """The report lines of loading ``data_dir``, which must fail."""
    from guidance import GuidanceError, load_site

    try:
        load_site(data_dir, today=today)
    except GuidanceError as exc:
        return exc.report().splitlines()
    raise AssertionError(f"{data_dir} loaded without errors")


def copy_project(target: Path) -> Path:
    """The example project's files (data, pages, config) copied into ``target``."""
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``guidance`` command, in a child process."""
    return subprocess.run([sys.executable, "-m", "guidance", *args], cwd=cwd, capture_output=True, text=True)


THRESHOLDS = """\
title: Testshire continuum of need
introduction: How to decide the level of need.
source:
  title: Working Together to Safeguard Children 2023
domains:
  - id: parenting
    name: Parenting capacity
    description: Basic care and safety.
  - id: family
    name: Family and environment
    description: Housing, income, community.
age_bands:
  - id: under-5
    name: Under 5
levels:
  - id: 1
    name: Universal
    colour: green
    summary: Needs met by universal services.
    response: No referral needed.
    actions: [Keep supporting the family.]
    links: [glossary:cspr, threshold:2]
  - id: 2
    name: Early help
    colour: orange
    summary: Additional needs.
    response: Early help assessment.
    actions: [Offer early help.]
    contacts: [front-door]
    no_indicators:
      family: Family factors alone do not place a child at this level.
indicators:
  - id: L1-parenting-01
    level: 1
    domain: parenting
    text: Parents provide warmth and routines.
  - id: L1-family-01
    level: 1
    domain: family
    age_bands: [under-5]
    text: Stable housing.
  - id: L2-parenting-01
    level: 2
    domain: parenting
    text: Parents miss health appointments.
"""


PROCEDURE = """\
id: escalation
group: Working together
owner: Partnership business manager
reviewed: 2024-05-01
review_due: 2025-05-01
versions:
  - version: 1
    effective: 2020-01-01
    title: Resolving disagreements
    summary: How to challenge a decision.
    scope: When you disagree with another agency.
    applies_to: [Every practitioner]
    steps:
      - id: talk
        title: Talk to them
        text: Talk to the practitioner who decided.
        timescale:
          within: 5 working days
          of: the decision
    links: [glossary:cspr]
  - version: 2
    effective: 2022-04-01
    note: The first stage now takes 3 working days.
    steps:
      - id: talk
        title: Talk to them
        text: Talk to the practitioner who decided.
        timescale:
          within: 3 working days
          of: the decision
  - version: 3
    effective: 2030-01-01
    change: minor
    summary: How to challenge a decision about a child.
"""


FLOW = """\
id: notify
owner: Partnership business manager
versions:
  - version: 1
    effective: 2020-01-01
    title: Notify the panel?
    purpose: Decide whether to notify.
    sources:
      - title: Children Act 2004
    start: abuse
    nodes:
      abuse:
        question: Is abuse or neglect known or suspected?
        terms: [cspr]
        answers:
          - {label: "Yes", next: harm}
          - {label: "No", next: no-action}
      harm:
        question: Has the child died or been seriously harmed?
        answers:
          - {label: "Yes", next: notify}
          - {label: "No", next: no-action}
      notify:
        outcome: act-now
        title: Notify
        text: Notify the panel.
        deadline: {within: 5 working days, of: becoming aware}
        contacts: [front-door]
      no-action:
        outcome: no-further-action
        title: Do not notify
        text: Record why.
"""

THEMES = """\
themes:
  - id: neglect
    name: Neglect
    description: Basic needs not met.
  - id: escalation
    name: Escalation
    description: Taking a concern further.
    links: [glossary:rapid-review]
"""

BRIEF = """\
id: child-a
title: "Child A: learning for tests"
summary: What we learned.
review:
  type: rapid-review
  child: Child A
  published: 2025-01-10
themes: [neglect]
background: Child A was seen by a health visitor in March 2024.
why_it_matters: Working Together was published on 15 December 2023 (Children Act 1989 s47, regulation 11).
key_information:
  - Child A's mother missed 3 appointments.
worked_well:
  - The school noticed.
reflect:
  - What would you do?
actions:
  practitioners: [Call the front door.]
links: [glossary:cspr]
recommendations:
  - id: r1
    text: Train staff.
    owner: Training lead
    due: 2025-06-30
    status: done
  - id: r2
    text: Audit files.
    owner: Safeguarding lead
    due: 2025-09-30
    status: evidenced
    evidence: An audit in 2025.
"""


# Reading the built site.

SITE_URL = "https://guidance.northmoor-scp.example.org/"  # the example partnership's address


def page(site: Path, path: str) -> BeautifulSoup:
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def heading(tag) -> str:
    """A heading's text without its permalink."""
    return tag.get_text(strip=True).removesuffix("¶")


def resolve(site: Path, from_file: str, href: str) -> Path:
    """The file a relative link from a built file lands on (directory URLs end in index.html)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() else path

SERVICES = """\
needs:
  - id: money
    name: Money worries
    description: If you cannot pay for food or bills.
  - id: parenting
    name: Help with parenting
    description: If being a parent feels hard.
services:
  - id: money-advice
    name: Money Advice
    needs: [money]
    who: Anyone with money worries.
    offers: Help with bills and debts.
    contact: {phone: 01632 960330, web: "https://money.example.org/"}
    hours: ["Monday to Friday, 9am to 5pm"]
    confidential: true
    example: true
  - id: helpline
    name: Parent helpline
    needs: [parenting]
    who: Any parent.
    offers: Someone to talk to.
    contact: {phone: 0800 1111}
    hours: [24 hours]
    confidential: true
    source: {title: The helpline's own website, url: "https://helpline.example.org/"}
"""


def search_index(built_site: Path) -> dict[str, dict]:
    """Every entry in a built site's Pagefind index, by address: its words, title, filters and details."""
    import gzip
    import json

    entries = {}
    for fragment in (built_site / "pagefind/fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        entries["/" + data["meta"]["href"] if "href" in data["meta"] else data["url"]] = data
    return entries


def glossary_term(ident: str, name: str, abbreviations: tuple[str, ...] = (), aliases: tuple[str, ...] = ()) -> Term:
    """A valid glossary term with a made-up definition."""
    return Term.model_validate({
        "id": ident, "term": name, "abbreviations": list(abbreviations), "aliases": list(aliases),
        "definition": f"What {name} means. More detail.", "plain": f"{name} in plain words. More.",
        "source": {"title": "Working Together to Safeguard Children 2023"},
    })
