"""Glossary terms in rendered HTML: first use linked with a tooltip, the rest left readable."""

from __future__ import annotations

import re

import pytest

from guidance.kinds.glossary.model import Term
from guidance.kinds.glossary.terms import Glossary
from guidance.render.termlinks import TermMatcher, link_terms
from tests.helpers import glossary_term as term


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher.for_glossary(Glossary([
        term("cspr", "Child safeguarding practice review", ["CSPR"]),
        term("s47", "Section 47 enquiry", ["S47"], ["child protection enquiry"]),
        term("cp", "Child protection", ["CP"]),
        term("cpp", "Child protection plan"),
    ]))


def test_first_use_is_a_link_with_the_short_definition(matcher: TermMatcher) -> None:
    html = link_terms("<p>A CSPR follows. Another CSPR.</p>", matcher, "../glossary/")
    assert html == (
        '<p>A <a class="gl-term" href="../glossary/#cspr" title="Child safeguarding practice review (CSPR): '
        'What Child safeguarding practice review means.">CSPR</a> follows. Another <abbr>CSPR</abbr>.</p>'
    )  # no title on later uses: a hover-only tooltip (WCAG 1.4.13); the first use explains it


def test_public_pages_get_the_plain_definition(matcher: TermMatcher) -> None:
    html = link_terms("<p>CSPR</p>", matcher, "g/", plain=True)
    assert 'title="Child safeguarding practice review (CSPR): Child safeguarding practice review in plain words."' in html


def test_longest_name_wins_and_case_is_ignored_for_names(matcher: TermMatcher) -> None:
    html = link_terms("<p>The Child Protection Plan was agreed.</p>", matcher, "g/")
    assert 'href="g/#cpp"' in html and 'href="g/#cp"' not in html


def test_a_shorter_name_matches_where_the_longer_one_stops(matcher: TermMatcher) -> None:
    # Names that share their first words ('child protection', '... plan', '... enquiry') are
    # branches of one trie: a branch that fails gives way to the shorter name.
    html = link_terms("<p>Child protection planning. A child protection enquiry.</p>", matcher, "g/")
    assert '<a class="gl-term" href="g/#cp"' in html and ">Child protection</a> planning" in html
    assert '<a class="gl-term" href="g/#s47"' in html and 'href="g/#cpp"' not in html


def test_abbreviations_match_case_sensitively_and_whole_words_only(matcher: TermMatcher) -> None:
    html = link_terms("<p>cspr, CSPRx, xCSPR, cp-related, CP</p>", matcher, "g/")
    assert html == '<p>cspr, CSPRx, xCSPR, cp-related, <a class="gl-term" href="g/#cp" ' \
                   'title="Child protection (CP): What Child protection means.">CP</a></p>'


@pytest.mark.parametrize("tag", ["a href='x'", "code", "pre", "h2", "button", "abbr title='x'", "script"])
def test_text_inside_links_code_headings_and_controls_is_untouched(matcher: TermMatcher, tag: str) -> None:
    name = tag.split()[0]
    source = f"<{tag}>A CSPR <span>and S47</span></{name}>"
    assert link_terms(source, matcher, "g/") == source


def test_text_after_a_skipped_element_is_linked(matcher: TermMatcher) -> None:
    html = link_terms("<h2>CSPR</h2><p>The CSPR</p>", matcher, "g/")
    assert html.startswith("<h2>CSPR</h2><p>The <a class=\"gl-term\"")


def test_attributes_are_never_rewritten(matcher: TermMatcher) -> None:
    source = '<img alt="CSPR chart" src="cspr.png"><p title="S47">x</p>'
    assert link_terms(source, matcher, "g/") == source


def test_titles_are_escaped() -> None:
    matcher = TermMatcher.for_glossary(Glossary([term("q", 'The "quoted" & <odd> term', ["QT"])]))
    html = link_terms("<p>QT</p>", matcher, "g/")
    assert 'title="The &quot;quoted&quot; &amp; &lt;odd&gt; term (QT): ' in html


def test_a_name_that_starts_with_a_symbol_is_still_found() -> None:
    # Names usually start with a letter, and the pattern then looks for word starts first.
    matcher = TermMatcher.for_glossary(Glossary([term("hash", "#NoFilter campaign")]))
    assert 'href="g/#hash"' in link_terms("<p>The #NoFilter campaign ran.</p>", matcher, "g/")


# Common collisions: a term's name used as everyday words.

def _linked(html: str) -> list[str]:
    return re.findall(r'<a class="gl-term" href="[^"]*#([^"]+)"', html)


COLLISIONS = Glossary([
    term("wt", "Working Together to Safeguard Children", [], ["Working Together"]),
    term("lsp", "Lead safeguarding partner", [], ["safeguarding partners"]),
    term("eh", "Early help", ["EH"]),
    term("cin", "Child in need", ["CIN"]),
    term("ref", "Referral"),
    term("gillick", "Gillick competence"),
    term("ca", "Children Act 1989"),
])


@pytest.mark.parametrize(("text", "linked"), [
    ("Several services working together can help.", []),          # everyday words, not the guidance
    ("As Working Together says, share information.", ["wt"]),     # the guidance, as it is written
    ("WORKING TOGETHER in capitals is not its name.", []),
    ("Early help is offered. early help again.", ["eh"]),          # sentence-case names ignore case
    ("A child in needs assessment, and a child in need.", ["cin"]),  # whole words only
    ("A self-referral is not a referral? A referral is.", ["ref"]),  # not inside a hyphenated word
    ("CINEMA and cinema are not CIN.", ["cin"]),
    ("gillick competence in lower case is still the term.", ["gillick"]),
    ("Under the children act 1989, lower case, it is not the Act's name.", []),
    ("Under the Children Act 1989, a duty.", ["ca"]),
])
def test_a_term_is_linked_only_where_it_means_the_term(text: str, linked: list[str]) -> None:
    assert _linked(link_terms(f"<p>{text}</p>", TermMatcher.for_glossary(COLLISIONS), "g/")) == linked


def test_an_entry_can_ask_to_be_matched_exactly() -> None:
    exact = Term.model_validate({**term("plan", "Plan").model_dump(exclude_none=True), "match": "exact"})
    matcher = TermMatcher.for_glossary(Glossary([exact]))
    assert _linked(link_terms("<p>We will plan. The Plan says so.</p>", matcher, "g/")) == ["plan"]
    assert "<p>We will plan." in link_terms("<p>We will plan. The Plan says so.</p>", matcher, "g/")


def test_phrases_the_partnership_never_links_are_left_as_they_are() -> None:
    matcher = TermMatcher.for_glossary(COLLISIONS, never=["safeguarding partners meeting", "early help hub"])
    html = link_terms("<p>The safeguarding partners meeting. The early help hub. The safeguarding partners.</p>", matcher, "g/")
    assert _linked(html) == ["lsp"]
    assert html.startswith("<p>The safeguarding partners meeting. The early help hub. The <a")
