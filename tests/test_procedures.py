"""Procedures: which version is in force on a date, word-level changes, validation, the lock."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from guidance import load_site
from guidance.diff import Block, diff_blocks, diff_words
from guidance.kinds.procedures.pages import current_page, version_page
from guidance.kinds.procedures.texts import Procedure, Procedures
from guidance.render.history import diff_html
from tests.helpers import EXAMPLE_TODAY, PROCEDURE, ROOT, load_problems, run_cli, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)


@pytest.fixture(scope="module")
def example_procedures() -> Procedures:
    return load_site(ROOT / "data", today=TODAY).content["procedures"]


# Version in force: the day before, of and after every effective date.


def test_every_version_applies_from_its_effective_date_until_the_next(example_procedures: Procedures) -> None:
    checked = 0
    for p in example_procedures:
        for e in p.editions:
            before = p.in_force_on(e.effective - timedelta(days=1))
            assert before is p.previous(e), (p.id, e.number)
            assert p.in_force_on(e.effective) is e
            following = p.editions[e.number] if e.number < len(p.editions) else None
            after = e.effective + timedelta(days=1)
            expected = following if following and following.effective == after else e
            assert p.in_force_on(after) is expected
            checked += 1
    assert checked == 20


def test_a_version_to_come_does_not_replace_the_current_one_early(example_procedures: Procedures) -> None:
    p = example_procedures.by_id["notifying-serious-incidents"]
    v3, v4 = p.editions[2], p.editions[3]
    assert v4.effective == date(2027, 4, 1)
    assert p.shown(date(2027, 3, 31)) is v3 and p.upcoming(date(2027, 3, 31)) == [v4]
    assert p.shown(date(2027, 4, 1)) is v4 and p.upcoming(date(2027, 4, 1)) == []
    assert p.until(v3) == date(2027, 3, 31) and p.until(v4) is None


def test_the_procedure_page_follows_the_build_date(example_procedures: Procedures) -> None:
    p = example_procedures.by_id["notifying-serious-incidents"]
    before = current_page(p, date(2027, 3, 31), {})
    assert '<strong class="gl-when-coming">Version 4 comes into force on 1 April 2027.</strong>' in before
    assert 'data-gl-effective="2027-04-01"' in before
    assert "Version 4 comes into force on 1 April 2027." in before
    assert "It made minor changes only" in before and "giving the date the rapid review" not in before
    on = current_page(p, date(2027, 4, 1), {})
    assert "<strong>This version took effect on 1 April 2027.</strong> What changed: The notification now gives" in on
    assert "data-gl-effective" not in on and "giving the date the rapid review" in on


def test_a_past_version_says_it_is_not_current_and_links_to_the_current_one(example_procedures: Procedures) -> None:
    p = example_procedures.by_id["rapid-reviews"]
    text = version_page(p, p.editions[0], TODAY, {})
    assert '<div class="admonition warning">\n<p class="admonition-title">This is not the current version</p>' in text
    assert "Version 1 was in force from 29 September 2019 to 29 February 2024." in text
    assert '<a href="../">Read the current version</a>' in text
    current = version_page(p, p.editions[2], TODAY, {})
    assert "<strong>This is the current version (3), in force from 1 October 2025.</strong>" in current


def test_later_versions_carry_forward_what_they_do_not_change(small: Path) -> None:
    write(small, "data/procedures/escalation.yml", PROCEDURE)
    p: Procedure = load_site("data", today=TODAY).content["procedures"].by_id["escalation"]
    v1, v2, v3 = p.editions
    assert v2.text.title == v1.text.title == "Resolving disagreements"
    assert [str(s.timescale) for s in v2.text.steps] == ["Within 3 working days of the decision"]
    assert v3.text.steps == v2.text.steps and v3.text.summary == "How to challenge a decision about a child."
    assert v2.text.steps[0].timescale.duration.amount == 3


# Word-level differences, on golden inputs.


def test_diff_marks_changed_words_only() -> None:
    assert diff_words("within 3 working days of the referral", "within 5 working days of the  referral being made") == [
        ("equal", "within"),
        ("delete", "3"),
        ("insert", "5"),
        ("equal", "working days of the referral"),
        ("insert", "being made"),
    ]


def test_diff_aligns_lines_before_words() -> None:
    old = "Refer to the partnership\nrefer it to the business manager."
    new = "Refer to the partnership chair\nrefer it to the chair.\nTimescale: Within 10 working days"
    assert diff_words(old, new) == [
        ("equal", "Refer to the partnership"),
        ("insert", "chair"),
        ("equal", "\nrefer it to the"),
        ("delete", "business manager."),
        ("insert", "chair.\nTimescale: Within 10 working days"),
    ]


def test_diff_html_is_not_colour_alone() -> None:
    html = diff_html(diff_words("call the <front> door", "call the front door now"))
    assert html == (
        '<p>call the <del><span class="gl-sr">removed: </span>&lt;front&gt;</del> '
        '<ins><span class="gl-sr">added: </span>front</ins> door '
        '<ins><span class="gl-sr">added: </span>now</ins></p>'
    )


def test_diff_blocks_follow_steps_by_id() -> None:
    old = [Block("scope", "Scope", "When you disagree."), Block("step:a", "Step: A", "Do a."), Block("step:b", "Step: B", "Do b.")]
    new = [Block("scope", "Scope", "When  you\ndisagree."), Block("step:b", "Step: B", "Do b now."), Block("step:c", "Step: C", "Do c.")]
    changes = diff_blocks(old, new)
    assert [(c.status, c.heading) for c in changes] == [("changed", "Scope"), ("changed", "Step: B"), ("added", "Step: C"), ("removed", "Step: A")]
    assert changes[1].ops == [("equal", "Do b"), ("delete", "b."), ("insert", "b now.")] or changes[1].ops == [
        ("equal", "Do"),
        ("delete", "b."),
        ("insert", "b now."),
    ]


# Validation: each rule with its exact message.


def procedure_problems(root: Path, text: str) -> list[str]:
    write(root, "data/procedures/escalation.yml", text)
    return [p for p in load_problems(today=TODAY) if ": warning: " not in p and ": notice: " not in p]


def test_versions_must_be_numbered_and_dated_in_order(small: Path) -> None:
    text = PROCEDURE.replace("  - version: 2\n    effective: 2022-04-01", "  - version: 4\n    effective: 2019-04-01")
    assert procedure_problems(small, text) == [
        "data/procedures/escalation.yml:21:14: versions[1].version: expected 2 (versions are numbered in order from 1), got 4",
        "data/procedures/escalation.yml:22:16: versions[1].effective: expected a date after 2020-01-01 (version 1 takes "
        "effect then, and two versions cannot be in force at once), got 2019-04-01",
    ]


def test_major_changes_need_a_note_and_minor_ones_have_none(small: Path) -> None:
    text = PROCEDURE.replace("    note: The first stage now takes 3 working days.\n", "").replace(
        "    change: minor\n", "    change: minor\n    note: Typos.\n"
    )
    assert procedure_problems(small, text) == [
        "data/procedures/escalation.yml:21:5: versions[1]: a major change needs a note saying what changed, in one sentence",
        "data/procedures/escalation.yml:33:11: versions[2].note: minor changes get no public note (GOV.UK's rule): "
        "remove the note, or make the change major",
    ]


def test_the_first_version_gives_the_whole_text(small: Path) -> None:
    text = PROCEDURE.replace("    scope: When you disagree with another agency.\n", "")
    assert procedure_problems(small, text) == [
        "data/procedures/escalation.yml:7:5: versions[0]: missing required field 'scope' (version 1 gives the whole "
        "text; later versions give only what they change)"
    ]


def test_timescales_links_releases_and_review_dates_are_checked(small: Path) -> None:
    text = (
        PROCEDURE.replace("within: 3 working days", "within: three days")
        .replace("links: [glossary:cspr]", "links: [glossary:cpsr, procedure:nowhere]")
        .replace("    note: The first", "    release: spring-2022\n    note: The first")
    )
    assert procedure_problems(small, text) == [
        "data/procedures/escalation.yml:30:19: versions[1].steps[0].timescale.within: expected a time such as "
        "'5 working days', '24 hours' or '3 months', got 'three days'",
    ]
    text = text.replace("within: three days", "within: 3 working days").replace("review_due: 2025-05-01", "review_due: 2024-01-01")
    assert procedure_problems(small, text) == [
        "data/procedures/escalation.yml:5:13: review_due: expected a date after reviewed (2024-05-01), got 2024-01-01",
        "data/procedures/escalation.yml:20:13: versions[0].links[0]: unknown glossary 'cpsr' (did you mean 'cspr'?)",
        "data/procedures/escalation.yml:20:28: versions[0].links[1]: unknown procedure 'nowhere'",
        "data/procedures/escalation.yml:23:14: versions[1].release: unknown release 'spring-2022'",
    ]


def test_an_overdue_review_is_a_notice_that_never_stops_a_build(small: Path) -> None:
    write(small, "data/procedures/escalation.yml", PROCEDURE)
    notices = [str(w) for w in load_site("data", today=TODAY).warnings if not w.is_warning]
    assert notices == [
        "data/procedures/escalation.yml:5:13: notice: review_due: review of 'escalation' has been overdue since "
        "2025-05-01: review it, then update reviewed and review_due"
    ]


def test_former_ids_must_be_free(small: Path) -> None:
    write(small, "data/procedures/other.yml", PROCEDURE.replace("id: escalation", "id: other\nformer_ids: [escalation]"))
    assert procedure_problems(small, PROCEDURE) == [
        "data/procedures/other.yml:2:14: former_ids[0]: 'escalation' is the id of a procedure in use: a former id must be free"
    ]


# The lock: published history cannot be rewritten.


@pytest.fixture
def locked(example: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUIDANCE_TODAY", EXAMPLE_TODAY)
    return example


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_example_is_locked(locked: Path) -> None:
    result = run_cli("check", "--strict", cwd=locked)
    assert result.returncode == 0, result.stderr
    assert "0 warning(s)" in result.stdout


def test_editing_a_published_version_is_refused(locked: Path) -> None:
    source = locked / "data/procedures/rapid-reviews.yml"
    lock_before = (locked / "data/versions.lock").read_text()
    # Version 2's report step: version 3 restates its steps, so only version 2 changes.
    edit(source, "Delegated safeguarding partners, with the agencies involved and a representative of education\n        text", "Delegated partners\n        text")
    for command in ("check", "lock"):
        result = run_cli(command, cwd=locked)
        assert result.returncode == 1
        assert result.stderr.splitlines()[0] == (
            "data/procedures/rapid-reviews.yml:49:5: versions[1]: version 2 of 'rapid-reviews' took effect on "
            "2024-03-01 and cannot be changed; add version 4 instead"
        )
        assert "Traceback" not in result.stderr
    assert (locked / "data/versions.lock").read_text() == lock_before


def test_a_version_to_come_may_change_once_the_lock_follows(locked: Path) -> None:
    edit(locked / "data/procedures/notifying-serious-incidents.yml", "giving the date the rapid review", "giving the day the rapid review")
    result = run_cli("check", "--strict", cwd=locked)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/procedures/notifying-serious-incidents.yml:105:5: warning: versions[3]: version 4 of "
        "'notifying-serious-incidents' takes effect on 2027-04-01 and has changed since it was locked: "
        "run `guidance lock` to record it"
    )
    assert run_cli("lock", cwd=locked).returncode == 0
    assert run_cli("check", "--strict", cwd=locked).returncode == 0


def test_removing_a_published_version_is_refused(locked: Path) -> None:
    source = locked / "data/procedures/early-help.yml"
    source.unlink()
    result = run_cli("check", cwd=locked)
    assert result.returncode == 1
    line = next(n for n, text in enumerate((locked / "data/versions.lock").read_text().splitlines(), 1) if "early-help/1" in text)
    assert f"data/versions.lock:{line}:3: version 1 of procedure 'early-help' took effect on 2021-06-01 and cannot be removed: " \
        "restore it in the sources (published history is kept)" in result.stderr.splitlines()


def test_a_renamed_procedure_keeps_its_locked_history(locked: Path) -> None:
    source = locked / "data/procedures/early-help.yml"
    edit(source, "id: early-help\n", "id: help-early\nformer_ids: [early-help]\n")
    source.rename(source.with_name("help-early.yml"))
    # Links written 'procedure:early-help' in published text keep working: they cannot be edited.
    result = run_cli("check", "--strict", cwd=locked)
    assert result.returncode == 0, result.stderr
    assert run_cli("lock", cwd=locked).returncode == 0
    entries = json.loads((locked / "data/versions.lock").read_text())
    assert "procedure/help-early/1" in entries and "procedure/early-help/1" not in entries


def test_a_broken_lock_file_is_reported_not_raised(locked: Path) -> None:
    (locked / "data/versions.lock").write_text('{\n  "procedure/early-help/1": {"effective": \n}\n')
    result = run_cli("check", cwd=locked)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "data/versions.lock:3:1: invalid lock file: Expecting value; restore it from version control "
        "(git checkout -- data/versions.lock)"
    )


def test_a_bad_build_date_is_reported_not_raised(locked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUIDANCE_TODAY", "2026-13-01")
    result = run_cli("check", cwd=locked)
    assert result.returncode == 1
    assert result.stderr == "GUIDANCE_TODAY: expected a date as YYYY-MM-DD, got '2026-13-01'\n"


def test_a_bad_procedure_macro_fails_the_build_in_one_line(locked: Path) -> None:
    page = locked / "docs/about/index.md"
    page.write_text(page.read_text() + '\n{{ in_force_on("2023-13-01") }}\n', encoding="utf-8")
    result = run_cli("build", cwd=locked)
    assert result.returncode == 1 and not (locked / "site").exists()
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if "2023-13-01" in text)
    assert f"docs/about/index.md:{line}:1: in_force_on('2023-13-01'): expected a date as YYYY-MM-DD, got '2023-13-01'" in result.stderr


# Every known way round the lock, each tried with `guidance lock` after it.

PUBLISHED = "Delegated safeguarding partners, with the agencies involved and a representative of education\n        text"


def refused_everywhere(locked: Path, first_line: str) -> None:
    """`check` and `lock` both fail with ``first_line`` first, and the lock file is as it was."""
    lock_before = (locked / "data/versions.lock").read_bytes()
    for command in ("check", "lock", "check"):
        result = run_cli(command, cwd=locked)
        assert result.returncode == 1, (command, result.stdout)
        assert result.stderr.splitlines()[0] == first_line, (command, result.stderr)
        assert "Traceback" not in result.stderr
    assert (locked / "data/versions.lock").read_bytes() == lock_before


def test_moving_a_published_version_into_the_future_does_not_unlock_it(locked: Path) -> None:
    source = locked / "data/procedures/rapid-reviews.yml"  # version 3, in force since 2025-10-01
    edit(source, "must now be held within 10 working days", "must now be held within 12 working days")
    edit(source, "effective: 2025-10-01", "effective: 2027-06-01")
    refused_everywhere(locked, (
        "data/procedures/rapid-reviews.yml:84:5: versions[2]: version 3 of 'rapid-reviews' took effect on "
        "2025-10-01 and cannot be changed; add version 4 instead"
    ))


def lock_line(locked: Path, key: str) -> int:
    return next(n for n, t in enumerate((locked / "data/versions.lock").read_text().splitlines(), 1) if f'"{key}"' in t)


def test_deleting_a_lock_entry_is_found_by_the_seal(locked: Path) -> None:
    lock = locked / "data/versions.lock"
    seal_line = lock_line(locked, "seal")
    lock.write_text("".join(line for line in lock.read_text().splitlines(keepends=True) if "rapid-reviews/2" not in line))
    edit(locked / "data/procedures/rapid-reviews.yml", PUBLISHED, "Delegated partners\n        text")
    refused_everywhere(locked, (
        f"data/versions.lock:{seal_line - 1}:3: the lock has been edited by hand (its seal does not match its entries): "
        "restore it from version control (git checkout -- data/versions.lock); only `guidance lock` may change it"
    ))


def test_editing_a_lock_entry_to_match_new_text_is_found_by_the_seal(locked: Path) -> None:
    from guidance.lock import content_hash

    lock = locked / "data/versions.lock"
    entries = json.loads(lock.read_text())
    old = entries["procedure/rapid-reviews/2"]["sha256"]
    lock.write_text(lock.read_text().replace(old, content_hash("anything else")))
    result = run_cli("check", cwd=locked)
    assert result.returncode == 1
    assert f"data/versions.lock:{lock_line(locked, 'seal')}:3: the lock has been edited by hand" in result.stderr


def test_a_missing_lock_is_an_error_and_a_new_one_needs_saying_so(locked: Path) -> None:
    (locked / "data/versions.lock").unlink()
    message = (
        "data/versions.lock:1:1: data/versions.lock is missing, so published versions cannot be checked: restore it "
        "from version control (git checkout -- data/versions.lock), or for a new site run `guidance lock --new`"
    )
    for command in ("check", "lock"):
        result = run_cli(command, cwd=locked)
        assert result.returncode == 1 and result.stderr.splitlines()[0] == message
    assert run_cli("lock", "--new", cwd=locked).returncode == 0
    entries = json.loads((locked / "data/versions.lock").read_text())
    assert entries["procedure/rapid-reviews/2"]["locked"] == EXAMPLE_TODAY
    assert run_cli("check", "--strict", cwd=locked).returncode == 0
    again = run_cli("lock", "--new", cwd=locked)
    assert again.returncode == 1 and again.stderr == "data/versions.lock exists already: run `guidance lock` without --new\n"


def test_the_lock_records_when_each_version_was_locked(locked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = json.loads((locked / "data/versions.lock").read_text())
    assert entries.pop("seal")["sha256"]
    assert all(set(e) == {"effective", "locked", "sha256"} for e in entries.values())
    # A later `guidance lock` keeps the day each version was first recorded.
    monkeypatch.setenv("GUIDANCE_TODAY", "2026-12-01")
    assert run_cli("lock", cwd=locked).returncode == 0
    assert json.loads((locked / "data/versions.lock").read_text())["procedure/rapid-reviews/2"] == entries["procedure/rapid-reviews/2"]


def test_a_bad_date_in_the_lock_is_reported_on_its_line(locked: Path) -> None:
    lock = locked / "data/versions.lock"
    line = lock_line(locked, "procedure/early-help/1")
    lines = lock.read_text().splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace('"effective": "2021-06-01"', '"effective": "2021-06-31"')
    lock.write_text("".join(lines))
    result = run_cli("check", cwd=locked)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(
        f"data/versions.lock:{line}:3: procedure/early-help/1: invalid lock file: expected entries like"
    )
