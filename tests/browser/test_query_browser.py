"""query.js, the part of search that makes sense of a query, run as the browser runs it, with
lexicons made up here (not the example's): question words, misspellings, level numbers, synonyms,
and a person describing their own situation."""

from __future__ import annotations

import random
import string
from typing import Any

import pytest

LEXICON = {
    "words": {"neglect": 40, "neglected": 3, "safeguarding": 90, "food": 12, "bank": 9, "foodbank": 1, "childline": 4,
              "strategy": 20, "discussion": 15, "carers": 8, "young": 30, "exploitation": 11},
    "synonyms": [["teenager", "teen", "young person"], ["hit", "hurt", "beat"], ["low mood", "depression"],
                 ["refuge", "somewhere safe to stay"]],
    "levels": [{"id": "1", "name": "Universal", "url": "thresholds/level-1/"}, {"id": "2", "name": "Early help", "url": "thresholds/level-2/"},
               {"id": "3", "name": "Targeted", "url": "thresholds/level-3/"}],
    "worried": "public/worried-about-a-child/",
    "emergency": "If a child is in danger now, call 999.",
}


def understand(page, text: str, lexicon: dict[str, Any] = LEXICON, found: list[str] | None = None) -> dict[str, Any]:
    return page.evaluate(
        """async ([text, lexicon, found]) => {
             const q = await import('/assets/guidance/query.js');
             return q.understand(text, lexicon, new Set(found));
           }""", [text, lexicon, found or []])


@pytest.fixture
def page(tab, site_url: str):
    tab.page.goto(site_url + "/search/")
    return tab.page


@pytest.mark.browser
@pytest.mark.parametrize("typed, words, defining", [
    ("what is a LADO", ["lado"], True),
    ("LADO meaning", ["lado"], True),
    ("CSPR definition", ["cspr"], True),
    ("what does MASH stand for", ["mash"], True),
    ("define neglect", ["neglect"], True),
    ("how do I refer a child", ["refer", "child"], False),
    ("what should I do if a child goes missing", ["child", "missing"], False),  # "goes" says nothing
    ("a teenager's anxiety", ["teenager", "anxiety"], False),
])
def test_question_words_are_understood_not_searched(page, typed: str, words: list[str], defining: bool) -> None:
    meant = understand(page, typed)
    assert meant["words"] == words
    assert meant["defining"] is defining


@pytest.mark.browser
@pytest.mark.parametrize("typed, corrected", [
    ("neglet", "neglect"),
    ("safegaurding", "safeguarding"),
    ("stratergy discussion", "strategy discussion"),
    ("food bank", None),  # every word known: nothing changes
    ("foodbank", None),
    ("chidline", "childline"),
    ("young cares", "young carers"),
])
def test_a_word_no_page_has_is_corrected_to_the_nearest_the_site_has(page, typed: str, corrected: str | None) -> None:
    assert understand(page, typed)["corrected"] == corrected


@pytest.mark.browser
def test_a_real_word_the_lexicon_lacks_is_not_corrected(page) -> None:
    """The lexicon holds names; a word found on a page (the index is asked first) stays as typed."""
    assert understand(page, "neglects")["corrected"] == "neglect"
    assert understand(page, "neglects", found=["neglects"])["corrected"] is None


@pytest.mark.browser
@pytest.mark.parametrize("typed, level", [
    ("level 2", "2"), ("level two threshold", "2"), ("Level III", "3"), ("L1 universal", "1"), ("tier 3 referral", "3"),
    ("level 7", None), ("levels of need", None), ("2 levels", None),
])
def test_a_level_named_finds_the_level(page, typed: str, level: str | None) -> None:
    meant = understand(page, typed)
    assert (meant["level"] or {}).get("id") == level


@pytest.mark.browser
def test_synonyms_give_each_term_its_other_forms(page) -> None:
    meant = understand(page, "my teenager is in low mood")
    assert {"text": "teenager", "alternatives": ["teen", "young person"]} in meant["terms"]
    assert {"text": "low mood", "alternatives": ["depression"]} in meant["terms"]
    hits = understand(page, "my partner hits me")["terms"]
    assert {"text": "hits", "alternatives": ["hit", "hurt", "beat"]} in hits or {"text": "hits", "alternatives": ["hurt", "beat"]} in hits


@pytest.mark.browser
def test_a_synonym_phrase_with_small_words_is_found_in_a_query_without_them(page) -> None:
    """Question words go before the synonyms are read, and "to" goes from "somewhere safe to stay" too."""
    meant = understand(page, "somewhere safe to stay away from my partner")
    assert {"text": "somewhere safe stay", "alternatives": ["refuge"]} in meant["terms"]


@pytest.mark.browser
@pytest.mark.parametrize("typed, factors", [
    ("my dad drinks too much", {"dad": 0.5}),  # "too much" are small words; the need is the drinking
    ("bruising on a 3 month old", {"3": 0.3, "month": 0.5, "old": 0.5}),  # an age says who
    ("support for my autistic son", {"support": 0.3, "son": 0.5}),
    ("mum", {}),  # a word on its own counts, whatever it is
    ("help for parents", {}),
])
def test_who_it_is_about_a_number_and_wanting_count_less_than_what_is_happening(page, typed: str, factors: dict) -> None:
    assert understand(page, typed)["factors"] == factors


@pytest.mark.browser
@pytest.mark.parametrize("typed, personal, danger, worried", [
    ("someone at my child's club grabbed him", True, True, True),
    ("a teacher hurt my child", True, True, True),
    ("how do I report child abuse", False, True, True),
    ("my partner hits me", True, True, False),
    ("my ex threatens me and the kids", True, True, False),  # in danger themselves: their own route first
    ("I think my friend is being abused at home", True, True, True),
    ("child told me her uncle touched her", False, True, False),  # a practitioner's words about a case
    ("money worries", False, False, False),
])
def test_a_person_describing_their_own_life(page, typed: str, personal: bool, danger: bool, worried: bool) -> None:
    meant = understand(page, typed)
    assert (meant["personal"], meant["danger"], meant["worried"]) == (personal, danger, worried)


@pytest.mark.browser
def test_understanding_holds_for_any_lexicon_and_any_typing(page) -> None:
    """Generated lexicons and queries: never a crash, a correction is always a word the site has,
    and a query made only of known words is never changed."""
    rng = random.Random(7)
    for _ in range(30):
        vocabulary = {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 11))): rng.randint(1, 50) for _ in range(200)}
        lexicon = {"words": vocabulary, "synonyms": [rng.sample(sorted(vocabulary), 3)], "levels": []}
        known = " ".join(rng.sample(sorted(w for w in vocabulary if len(w) > 3), 3))
        assert understand(page, known, lexicon)["corrected"] is None
        typo = "".join(rng.choices(string.ascii_lowercase + " '?", k=rng.randint(1, 30)))
        meant = understand(page, typo, lexicon)
        for word in (meant["corrected"] or "").split():
            assert word in vocabulary or word in typo.lower().split() or len(word) < 4


@pytest.mark.browser
@pytest.mark.parametrize("typed, wanting, describing", [
    ("support for a teenager's anxiety", True, False),
    ("help with heating costs", True, False),
    ("drug service for teenagers", True, False),
    ("information sharing", False, False),  # "information" names the topic here
    ("bruising on a 3 month old baby", False, True),
    ("girl taken abroad to be cut", False, True),
    ("what is a LADO", False, False),  # a definition asked for
    ("what to do if a child goes missing", False, False),  # what to do asked for
    ("my son is being bullied", False, False),  # their own life
])
def test_help_asked_for_and_a_childs_situation_described(page, typed: str, wanting: bool, describing: bool) -> None:
    meant = understand(page, typed)
    assert (meant["wanting"], meant["describing"]) == (wanting, describing)
