"""Which pages a serve rebuild builds (guidance/incremental.py), from what the last build made."""

from __future__ import annotations

from guidance.incremental import Built, Memory, digest
from guidance.kinds.glossary.terms import Glossary
from tests.helpers import glossary_term as term

CSPR = term("cspr", "Child safeguarding practice review", ("CSPR",))
TAF = term("taf", "Team around the family", ("TAF",))
MARKDOWN = {
    "a.md": "A CSPR was held.",
    "b.md": "The team around the family met.",
    "c.md": "Nothing to link. A lead professional was named.",
}


def remembered(glossary: Glossary) -> Memory:
    memory = Memory()
    linked = {"a.md": {"cspr"}, "b.md": {"taf"}, "c.md": set()}
    pages = {p: Built(digest(md), frozenset(linked[p]), p.replace(".md", "/index.html")) for p, md in MARKDOWN.items()}
    memory.remember("shared", glossary, pages)
    return memory


def keys(markdown: dict[str, str]) -> dict[str, str]:
    return {p: digest(md) for p, md in markdown.items()}


def test_nothing_is_built_when_nothing_changed() -> None:
    glossary = Glossary([CSPR, TAF])
    assert remembered(glossary).stale("shared", keys(MARKDOWN), glossary, MARKDOWN) == set()


def test_a_page_whose_markdown_changed_is_built() -> None:
    glossary = Glossary([CSPR, TAF])
    edited = {**MARKDOWN, "c.md": "Something else."}
    assert remembered(glossary).stale("shared", keys(edited), glossary, edited) == {"c.md"}


def test_a_new_page_is_built_and_everything_is_when_what_all_pages_show_changed() -> None:
    glossary = Glossary([CSPR, TAF])
    added = {**MARKDOWN, "d.md": "New."}
    memory = remembered(glossary)
    assert memory.stale("shared", keys(added), glossary, added) == {"d.md"}
    assert memory.stale("other", keys(MARKDOWN), glossary, MARKDOWN) == set(MARKDOWN)


def test_a_changed_term_rebuilds_the_pages_that_link_it() -> None:
    renamed = Glossary([CSPR, term("taf", "Team around the child", ("TAF",))])
    memory = remembered(Glossary([CSPR, TAF]))
    assert memory.stale("shared", keys(MARKDOWN), renamed, MARKDOWN) == {"b.md"}


def test_a_new_term_rebuilds_the_pages_that_mention_it() -> None:
    added = Glossary([CSPR, TAF, term("lp", "Lead professional")])
    memory = remembered(Glossary([CSPR, TAF]))
    assert memory.stale("shared", keys(MARKDOWN), added, MARKDOWN) == {"c.md"}


def test_a_removed_term_rebuilds_the_pages_that_linked_it_and_forgetting_rebuilds_all() -> None:
    memory = remembered(Glossary([CSPR, TAF]))
    assert memory.stale("shared", keys(MARKDOWN), Glossary([TAF]), MARKDOWN) == {"a.md"}
    memory.forget()
    assert memory.stale("shared", keys(MARKDOWN), Glossary([CSPR, TAF]), MARKDOWN) == set(MARKDOWN)
