"""What a kind's work reads from the site, and serve keeping what it made while that is unchanged
(guidance/reads.py), on the example's real data loaded from real files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from guidance.engine.macro_calls import kinds_shown
from guidance.load import load_site
from guidance.reads import Reuse, Watched
from guidance.registry import KINDS, all_targets
from guidance.site import SiteData
from tests.helpers import EXAMPLE_TODAY

TODAY = date.fromisoformat(EXAMPLE_TODAY)


def kind(name: str):
    return next(k for k in KINDS if k.name == name)


def load(project: Path, reuse: Reuse | None = None) -> SiteData:
    return load_site(project / "data", docs_dir=project / "docs", today=TODAY, reuse=reuse)


def edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_watched_notes_the_kinds_read_and_what_cannot_be_followed(example: Path) -> None:
    site = load(example)
    services = Watched(site)
    kind("services").pages(services)
    assert {"services", "partnership", "calendar"} <= services.reads
    assert "procedures" not in services.reads and "glossary" not in services.reads
    briefs = Watched(site)
    kind("briefs").check(briefs)
    assert "anonymity" in briefs.reads  # whether it failed to load is read, not every kind
    outside = Watched(site)
    _ = outside.data_dir
    assert "*outside the data*" in outside.reads
    with pytest.raises(AttributeError, match="read-only"):
        outside.today = TODAY


def test_kept_work_is_made_again_only_when_what_it_read_changed(example: Path) -> None:
    reuse = Reuse()
    first = load(example, reuse)
    pages = {k.name: reuse(f"pages:{k.name}", first, k.pages) for k in KINDS if k.name in first.content}
    reuse.made.clear()
    edit(example, "data/services.yml", "You do not have to give your name.", "You never have to give your name.")
    second = load(example, reuse)
    again = {k.name: reuse(f"pages:{k.name}", second, k.pages) for k in KINDS if k.name in second.content}
    assert "pages:services" in reuse.made and "pages:procedures" not in reuse.made
    assert again["procedures"] is pages["procedures"]  # kept: the very same pages
    assert again["services"] != pages["services"]
    assert again == {k.name: k.pages(second) for k in KINDS if k.name in second.content}  # as if made afresh


def test_a_renamed_term_makes_again_the_pages_that_link_it_by_id_and_only_those(example: Path) -> None:
    # The early help procedure links glossary:team-around-the-family, and looks the targets up twice
    # (its pages and the briefs that link back to it): both lookups must be remembered.
    reuse = Reuse()
    first = load(example, reuse)
    procedures = reuse("pages:procedures", first, kind("procedures").pages)
    briefs = reuse("pages:briefs", first, kind("briefs").pages)
    edit(example, "data/glossary.yml", "term: Team around the family", "term: Team around the child")
    second = load(example, reuse)
    remade = reuse("pages:procedures", second, kind("procedures").pages)
    assert remade is not procedures and remade == kind("procedures").pages(second)
    assert any("Team around the child" in p.markdown for p in remade)
    assert reuse("pages:briefs", second, kind("briefs").pages) is briefs  # none links that term
    assert all_targets(second)["glossary"]["team-around-the-family"].title == "Team around the child"


def test_work_that_reads_files_beside_the_data_is_never_kept_but_the_lock_file_is_followed(example: Path) -> None:
    reuse = Reuse()
    site = load(example, reuse)
    reuse("docs", site, lambda site: sorted(p.name for p in site.docs_dir.iterdir()) if site.docs_dir else [])
    assert "docs" not in reuse.kept  # what else is in docs/ is not followed
    reuse("check:procedures", site, kind("procedures").check)  # checks published versions against the lock file
    assert reuse.kept["check:procedures"][0].holds(load(example))
    lock = example / "data/versions.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace('"sha256": "', '"sha256": "0', 1), encoding="utf-8")
    # The same sources read again, with the lock now edited by hand (a full load would stop at it).
    edited = SiteData(data_dir=site.data_dir, today=site.today, docs_dir=site.docs_dir, sources=site.sources,
                      content=site.content, failed=site.failed)
    assert not reuse.kept["check:procedures"][0].holds(edited)
    assert any("versions.lock" in str(p) for p in reuse("check:procedures", edited, kind("procedures").check))


def test_another_day_makes_again_what_read_the_day(example: Path) -> None:
    reuse = Reuse()
    site = load(example, reuse)
    reuse("pages:services", site, kind("services").pages)
    reuse("pages:glossary", site, kind("glossary").pages)
    later = load_site(example / "data", docs_dir=example / "docs", today=date(2027, 3, 1), reuse=reuse)
    assert not reuse.kept["pages:services"][0].holds(later)  # opening times and holidays depend on it
    assert reuse.kept["pages:glossary"][0].holds(later)


@pytest.mark.parametrize(("text", "shown"), [
    ("No macros at all.", set()),
    ('Call {{ contact("lado") }} and see {{ term("CSPR") }}.', set()),  # the macros' own reads are noted as they run
    ("The glossary explains {{ glossary_count }} terms.", {"glossary"}),
    ("{{ page.title }} on {{ config.site_name }}", set()),
    ('{% include "other.md" %}', None),  # what the other file shows is not followed
    ("{{ git.date }}", None),  # a variable that is not ours: it may show anything
    ("{{ unclosed", None),
])
def test_what_a_hand_written_page_shows_is_followed_only_when_it_only_calls_the_macros(text: str, shown: set[str] | None) -> None:
    assert kinds_shown(text, {"contact", "term"}, {"glossary_count": "glossary"}) == shown
