"""Learning briefs: validation and anonymity findings with exact messages, and what the domain counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guidance import load_site
from guidance.kinds.briefs import anonymity
from guidance.kinds.briefs.anonymity import findings
from guidance.kinds.briefs.collection import Briefs, is_overdue
from tests.helpers import BRIEF, EXAMPLE_TODAY, ROOT, THEMES, load_problems, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)


@pytest.fixture
def briefs(small: Path) -> Path:
    write(small, "data/themes.yml", THEMES)
    write(small, "data/briefs/child-a.yml", BRIEF)
    return small


def problems_with(root: Path, brief: str, anonymity: str | None = None) -> list[str]:
    write(root, "data/briefs/child-a.yml", brief)
    if anonymity is not None:
        write(root, "data/anonymity.yml", anonymity)
    return load_problems(today=TODAY)


def test_the_small_brief_is_valid(briefs: Path) -> None:
    site = load_site("data", today=TODAY)
    assert [b.id for b in site.content["briefs"]] == ["child-a"]
    assert site.warnings == []


def test_statuses_and_questions_are_checked_as_they_are_read(briefs: Path) -> None:
    broken = BRIEF.replace("    status: done\n", "    status: finished\n").replace("  - What would you do?", "  - Think about it.")
    assert problems_with(briefs, broken) == [
        "data/briefs/child-a.yml:16:5: reflect[0]: expected a question ending with '?', got 'Think about it.'",
        "data/briefs/child-a.yml:25:13: recommendations[0].status: expected one of: 'not-started', 'in-progress', "
        "'done' or 'evidenced', got 'finished'",
    ]


def test_rules_within_a_brief(briefs: Path) -> None:
    broken = (
        BRIEF.replace("id: child-a", "id: themes")
        .replace("themes: [neglect]", "themes: [neglect, neglect]")
        .replace("due: 2025-06-30", "due: 2024-12-31")
        .replace("  - id: r2\n", "  - id: r1\n")
        .replace("    evidence: An audit in 2025.\n", "")
    )
    assert problems_with(briefs, broken) == [
        "data/briefs/child-a.yml:1:5: id: 'themes' is the address of a page about all briefs: choose another id",
        "data/briefs/child-a.yml:1:5: id: expected 'child-a' (the file's name), got 'themes': name the file after the "
        "id (themes.yml) or the id after the file",
        "data/briefs/child-a.yml:8:19: themes[1]: duplicate theme id 'neglect' (first used at line 8)",
        "data/briefs/child-a.yml:24:10: recommendations[0].due: expected a due date on or after the review was "
        "published (2025-01-10), got 2024-12-31",
        "data/briefs/child-a.yml:26:9: recommendations[1].id: duplicate recommendation id 'r1' (first used at line 21)",
        "data/briefs/child-a.yml:30:13: recommendations[1].status: expected evidence (how we know practice changed) "
        "when the status is 'evidenced', found none: add evidence",
    ]


def test_themes_links_and_dates_must_resolve(briefs: Path) -> None:
    broken = (
        BRIEF.replace("themes: [neglect]", "themes: [neglekt]")
        .replace("links: [glossary:cspr]", "links: [glossary:cspr, procedure:rapid-reviews, brief:child-z, theme:neglect]")
        .replace("published: 2025-01-10", "published: 2027-01-10")
        .replace("due: 2025-", "due: 2027-")
    )
    assert problems_with(briefs, broken) == [
        "data/briefs/child-a.yml:7:14: review.published: expected a date no later than today (2026-11-23), got 2027-01-10",
        "data/briefs/child-a.yml:8:10: themes[0]: unknown theme 'neglekt' (did you mean 'neglect'?)",
        "data/briefs/child-a.yml:19:24: links[1]: unknown procedure 'rapid-reviews' (there is no procedure in this "
        "site's data yet)",
        "data/briefs/child-a.yml:19:49: links[2]: unknown brief 'child-z' (did you mean 'child-a'?)",
    ]


def test_a_theme_links_must_resolve_too(briefs: Path) -> None:
    write(briefs, "data/themes.yml", THEMES.replace("glossary:rapid-review", "glossary:rapid-reveiw"))
    assert load_problems(today=TODAY) == [
        "data/themes.yml:8:13: themes[1].links[0]: unknown glossary 'rapid-reveiw' (did you mean 'rapid-review'?)"
    ]


def test_an_overdue_recommendation_is_a_notice(briefs: Path) -> None:
    write(briefs, "data/briefs/child-a.yml", BRIEF.replace("    status: done\n", "    status: in-progress\n"))
    site = load_site("data", today=TODAY)
    assert [str(w) for w in site.warnings] == [
        "data/briefs/child-a.yml:24:10: notice: recommendations[0].due: recommendation 'r1' of 'child-a' was due on "
        "2025-06-30 and is in progress: update its status or due date"
    ]
    assert not site.warnings[0].is_warning and not site.warnings[0].is_error


# Anonymity: what a brief must never contain, each found where it is written.

IDENTIFYING = BRIEF.replace(
    "background: Child A was seen by a health visitor in March 2024.",
    """background: |
  Child A was born on 3 March 2019 and lived with
  Tiffany Marsh at 14 Elm Road, NM4 7QT.
  Mother's number was 07700 900123 and her email mum@example.org.""",
).replace("  - The school noticed.", "  - The school (DOB on file 03/04/2019) noticed Tiffany\n    Marsh was worried.")

DENY = """\
names: [Tiffany Marsh]
"""


def test_identifying_text_is_found_where_it_is_written(briefs: Path) -> None:
    hint = "a brief must not identify a child or family; remove it, or if it identifies no one, add a reviewed entry to the allow list in data/anonymity.yml"
    errors = [p for p in problems_with(briefs, IDENTIFYING, DENY) if ": warning: " not in p]  # jargon: 'NM4'
    assert errors == [
        f"data/briefs/child-a.yml:10:23: background: looks like a date of birth ('3 March 2019'): {hint}",
        f"data/briefs/child-a.yml:11:3: background: looks like a name on the deny-list ('Tiffany Marsh'): {hint}",
        f"data/briefs/child-a.yml:11:20: background: looks like a home address ('14 Elm Road'): {hint}",
        f"data/briefs/child-a.yml:11:33: background: looks like a postcode ('NM4 7QT'): {hint}",
        f"data/briefs/child-a.yml:12:23: background: looks like a phone number ('07700 900123'): {hint}",
        f"data/briefs/child-a.yml:12:50: background: looks like an email address ('mum@example.org'): {hint}",
        f"data/briefs/child-a.yml:17:29: worked_well[0]: looks like a date of birth ('03/04/2019'): {hint}",
        f"data/briefs/child-a.yml:17:49: worked_well[0]: looks like a name on the deny-list ('Tiffany Marsh'): {hint}",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Child B was seen by Mother and Father at the clinic.",
        "Working Together to Safeguard Children was published on 15 December 2023.",
        "The duty under the Children Act 1989 s47, SI 2018/789 regulation 11, applies from 1 April 2024.",
        "Notify the panel within 5 working days; call 999 or Childline on 0800 1111.",
        "A sibling's birth in 2019 changed the household. The plan ended on 12/03/2024.",
    ],
)
def test_no_false_alarm_on_pseudonyms_policy_dates_or_statutes(text: str) -> None:
    assert findings(text, ["Tiffany Marsh"]) == []


def test_a_reviewed_allow_list_entry_silences_one_finding(briefs: Path) -> None:
    allow = DENY + """\
allow:
  - brief: child-a
    text: NM4 7QT
    reason: The postcode of the partnership's office.
    reviewed_by: Learning and improvement subgroup
    reviewed_on: 2025-01-05
  - brief: child-a
    text: 01632 960999
    reason: Was once in the brief.
    reviewed_by: Learning and improvement subgroup
    reviewed_on: 2025-01-05
  - brief: child-z
    text: 01632 960999
    reason: A brief that does not exist.
    reviewed_by: Learning and improvement subgroup
    reviewed_on: 2025-01-05
"""
    found = [p for p in problems_with(briefs, IDENTIFYING, allow) if ": warning: " not in p or "anonymity" in p]
    assert not any("NM4 7QT" in line for line in found)
    assert len(found) == 9  # seven findings in the brief, the unknown brief and the unused entry
    assert "data/anonymity.yml:13:12: allow[2].brief: unknown brief 'child-z' (did you mean 'child-a'?)" in found
    write(briefs, "data/briefs/child-a.yml", BRIEF.replace("in March 2024.", "in March 2024 near NM4 7QT."))
    write(briefs, "data/anonymity.yml", allow.split("  - brief: child-z")[0])
    warnings = [str(w) for w in load_site("data", today=TODAY).warnings]
    assert not any("looks like" in w for w in warnings)  # the allowed postcode is silenced
    assert [w for w in warnings if w.startswith("data/anonymity.yml")] == [
        "data/anonymity.yml:9:11: warning: allow[1].text: '01632 960999' is no longer found in brief 'child-a': remove this entry"
    ]


def test_the_example_briefs_pass_and_use_their_allow_list() -> None:
    site = load_site(ROOT / "data", today=TODAY)
    assert not [w for w in site.warnings if w.is_warning]
    assert [a.text for a in site.content["anonymity"].allow] == ["01632 960100"]


# The domain: what the pages count.

EXAMPLE: Briefs = load_site(ROOT / "data", today=TODAY).content["briefs"]


def test_the_example_has_every_kind_of_review_and_enough_briefs() -> None:
    assert len(EXAMPLE) >= 6
    assert {b.review.type for b in EXAMPLE} == {"rapid-review", "cspr", "local-learning-review", "serious-case-review"}
    for b in EXAMPLE:
        assert len(b.recommendations) >= 2 and b.reflect and (b.actions.practitioners or b.actions.managers), b.id


def test_briefs_are_newest_first_and_counted_by_theme() -> None:
    published = [b.review.published for b in EXAMPLE]
    assert published == sorted(published, reverse=True)
    themes = load_site(ROOT / "data", today=TODAY).content["themes"]
    counts = EXAMPLE.theme_counts(themes)
    assert [n for _, n in counts] == sorted((n for _, n in counts), reverse=True)
    for theme, n in counts:
        assert n == sum(theme.id in b.themes for b in EXAMPLE) == len(EXAMPLE.for_theme(theme.id))


def test_recommendations_by_status_and_overdue() -> None:
    groups = EXAMPLE.by_status()
    assert list(groups) == ["not-started", "in-progress", "done", "evidenced"]
    assert sum(len(g) for g in groups.values()) == len(EXAMPLE.recommendations())
    late = [(b.id, r.id) for b, r in EXAMPLE.recommendations() if is_overdue(r, TODAY)]
    assert ("child-k-2025", "r2") in late  # in progress, due 30 April 2026
    assert ("child-k-2025", "r3") not in late  # not started, but due 31 December 2026
    assert all(r.status in ("not-started", "in-progress") for b, r in EXAMPLE.recommendations() if (b.id, r.id) in late)


def test_text_in_raw_html_is_escaped_for_html_not_markdown(briefs: Path) -> None:
    from guidance.kinds.briefs.pages import brief_page, matrix_page

    site = load_site("data", today=TODAY)
    themes = site.content["themes"]
    brief = site.content["briefs"].by_id["child-a"].model_copy(
        update={"title": "Child_A <and> *B*", "review": site.content["briefs"].by_id["child-a"].review.model_copy(update={"child": "Child_A"})}
    )
    matrix = matrix_page(Briefs([brief]), themes)
    assert ">Child_A &lt;and&gt; *B*</a>" in matrix and "\\\\" not in matrix
    page = brief_page(brief, themes, {}, site)
    assert "<dd>Child_A (not their real name)</dd>" in page


def test_briefs_without_a_themes_file_say_so(briefs: Path) -> None:
    (briefs / "data/themes.yml").unlink()
    assert load_problems(today=TODAY) == [
        "data/briefs/child-a.yml:8:10: themes[0]: unknown theme 'neglect' (there is no theme in this site's data yet)"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call the duty manager on 01632 960123.", "01632 960123"),
        ("Ring 0161-496-0123 today", "0161-496-0123"),
        ("Ring (01632) 960123 today", "(01632) 960123"),
        ("Ring +44 (0)1632 960123 today", "+44 (0)1632 960123"),
        ("Ring 0044 7700 900123 today", "0044 7700 900123"),
        ("His mobile was 07700900123.", "07700900123"),
        ("They lived near nm4 7qt.", "nm4 7qt"),
        ("They lived near Nm4 7Qt.", "Nm4 7Qt"),
        ("He attended Elmwood Primary School until May.", "Elmwood Primary School"),
        ("She was at St Mary's RC Primary School.", "St Mary's RC Primary School"),
        ("Staff at Oak Tree Nursery noticed bruising.", "Oak Tree Nursery"),
        ("The family were registered at Riverside Surgery.", "Riverside Surgery"),
        ("Teachers at Northmoor Academy raised it.", "Northmoor Academy"),
    ],
)
def test_identifying_text_in_any_common_form_is_found(text: str, found: str) -> None:
    assert [f.text for f in findings(text, [])] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "The Virtual School head and the school nurse met the GP surgery.",
        "A Sixth Form College, a Pupil Referral Unit and a Special School.",
        "The designated safeguarding lead at the Primary School called.",
        "Notify within 5 working days (regulation 11 of SI 2018/789); plans ended on 12/03/2024.",
    ],
)
def test_words_that_only_describe_a_place_are_not_findings(text: str) -> None:
    assert findings(text, []) == []


def test_every_prose_field_of_a_brief_is_read(briefs: Path) -> None:
    """A phone number put into each free-text field of a brief, actions and recommendations included."""
    import yaml

    from guidance.kinds.briefs.model import BriefFile
    from tests.payloads import free_text_paths

    data = yaml.safe_load(BRIEF.replace("  practitioners: [Call the front door.]", "  practitioners: [Call the front door.]\n  managers: [Supervise.]"))
    data["review"]["published"] = "2025-01-10"
    fields = [f for f in free_text_paths(BriefFile, data) if f[0] != "links"]  # links are kind:id, not prose
    for field in fields:
        holder = data
        for part in field[:-1]:
            holder = holder[part]
        holder[field[-1]] = f"{holder[field[-1]]} Call 01632 960777."
    write(briefs, "data/briefs/child-a.yml", yaml.safe_dump(data, sort_keys=False))
    reported = {p.split(": ")[1] for p in load_problems(today=TODAY) if "looks like a phone number" in p}
    from guidance.errors import format_path

    assert {"actions.managers[0]", "recommendations[0].text", "recommendations[1].evidence"} <= {format_path(f) for f in fields}
    assert reported == {format_path(f) for f in fields}


_NO_DIGITS = st.text(st.characters(blacklist_categories=("Nd", "Cs")), max_size=80)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_NO_DIGITS, st.sampled_from([
    "Flat ", "Apartment ", " Road", "NM", " born ", "January ", "@", "x@y.org", "(", "+", "-", "/", ".", " ",
])), max_size=12).map("".join))
def test_only_the_email_pattern_can_match_text_without_digits(text: str) -> None:
    """What lets findings() skip the other patterns on prose without a digit (most of it)."""
    for what, pattern in anonymity._CHECKS:
        if what != "an email address" or "@" not in text:
            assert pattern.search(text) is None, what
    assert anonymity._FULL_DATE.search(text) is None
