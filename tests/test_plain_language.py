"""Plain language for the public: every sentence and every page scored, as a parent reads them."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guidance import load_site
from guidance.readability import flesch_kincaid_grade, reading_age, sentence_reading_age, sentences
from tests.helpers import EXAMPLE_TODAY, ROOT, run_cli, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)
LIMIT = 9  # GOV.UK's, and the default

PLAIN = [
    "Call us if you are worried.",
    "We will listen to you.",
    "You do not have to give your name.",
    "We can help your family.",
    "Tell us what you saw or heard.",
    "A worker will call you back the same day.",
]
HARD_SENTENCE = (
    "Notwithstanding the aforementioned considerations, multi-agency safeguarding arrangements "
    "necessitate comprehensive interdisciplinary collaboration."
)


def _page(body: str, front: str = "audience: public") -> str:
    return f"---\ntitle: Help\n{front}\n---\n\n# Help\n\n{body}"


def _warnings(result_stderr: str) -> list[str]:
    return [line for line in result_stderr.splitlines() if "reading age" in line]


def test_sentences_and_reading_ages() -> None:
    assert sentences("Call us. We listen to\nwhat you say.\n\nA new paragraph! Yes") == [
        "Call us.", "We listen to what you say.", "A new paragraph!"
    ]
    assert sentences("The button cannot hide everything: Your history stays.") == [
        "The button cannot hide everything:", "Your history stays."
    ]
    assert reading_age("Call us. We will help you.") <= LIMIT
    assert reading_age(HARD_SENTENCE) > 16


# What textstat 0.7.4, which the check used before, gives for each: the grade counts as it did,
# including its rounding, sentences of two words or fewer, and text with no words at all.
@pytest.mark.parametrize(("text", "grade"), [
    ("If a child is in immediate danger, call 999.", 4.4),
    ("The multi-agency safeguarding arrangements require statutory partners to collaborate effectively.", 21.3),
    ("Call us. We can help.", -1.9),
    ("a b", -3.1),
    ("", -15.7),
])
def test_the_grade_is_counted_as_before(text: str, grade: float) -> None:
    assert flesch_kincaid_grade(text) == grade


def test_a_reading_age_is_told_in_whole_years() -> None:
    # Grade 4.4 is a reading age of 9 years and some months: 9, as a child's age is told.
    assert reading_age("If a child is in immediate danger, call 999.") == 9


def test_one_long_word_does_not_make_a_short_sentence_hard() -> None:
    # Alone, the grade of "Call the safeguarding partnership." is 9.6: a reading age of 14.
    assert flesch_kincaid_grade("Call the safeguarding partnership.") == 9.6
    assert sentence_reading_age("Call the safeguarding partnership.") <= LIMIT
    # A long sentence of long words stays hard, however it is weighed.
    assert sentence_reading_age(HARD_SENTENCE) >= 20


# Varied text, not the example's: short sentences of everyday words are plain; long sentences
# of long words are not; and a sentence never gets easier by growing longer.
EVERYDAY = (
    "call help child home safe talk school friend money food worried family parent listen "
    "you we the a to is can your if at and for it not with".split()
)
LONG = "organisation responsibility safeguarding interdisciplinary accountability multi-agency statutory".split()


@pytest.mark.parametrize("seed", range(20))
def test_generated_sentences_are_scored_as_their_words_and_length_say(seed: int) -> None:
    rng = random.Random(seed)
    plain = " ".join(rng.choice(EVERYDAY) for _ in range(rng.randint(3, 9))).capitalize() + "."
    hard = " ".join(rng.choice(EVERYDAY + LONG * 3) for _ in range(rng.randint(18, 30))).capitalize() + "."
    assert sentence_reading_age(plain) <= LIMIT, plain
    assert sentence_reading_age(hard) > LIMIT + 3, hard
    words = plain[:-1].split()
    assert sentence_reading_age(" ".join(words + words + words) + ".") >= sentence_reading_age(plain)


def test_a_single_hard_sentence_on_a_plain_page_is_named_where_it_is(small: Path) -> None:
    body = "\n\n".join(" ".join(PLAIN) for _ in range(4))
    write(small, "docs/public/help.md", _page(body + f"\n\nAlso, {HARD_SENTENCE}\n\n" + body))
    result = run_cli("check", "--docs", "docs", cwd=small)
    assert result.returncode == 0, result.stderr
    # The page as a whole is plain: averaging alone would have hidden the sentence.
    score = re.search(r"^plain language: docs/public/help.md: reading age (\d+)$", result.stdout, re.M)
    assert score and int(score.group(1)) <= LIMIT, result.stdout
    assert _warnings(result.stderr) == [
        f"docs/public/help.md:16:1: warning: this sentence has reading age 25, above 9 "
        f"(partnership.yml checks.reading_age): 'Also, {HARD_SENTENCE}'"
    ]
    strict = run_cli("check", "--docs", "docs", "--strict", cwd=small)
    assert strict.returncode == 1 and _warnings(result.stderr)[0] in strict.stderr


def test_a_hard_page_names_every_hard_sentence_and_its_own_score(small: Path) -> None:
    hard = ["Comprehensive interdisciplinary collaboration is mandatory.", "Call us.", "",
            "Practitioners must document proportionate, evidence-informed rationale.", "We will call you back."]
    write(small, "docs/public/help.md", _page("\n".join(hard) + "\n"))
    assert _warnings(run_cli("check", "--docs", "docs", cwd=small).stderr) == [
        "docs/public/help.md:5:1: warning: reading age 24 is above 9, the most allowed for the public "
        "(partnership.yml checks.reading_age)",
        "docs/public/help.md:8:1: warning: this sentence has reading age 16, above 9 (partnership.yml "
        "checks.reading_age): 'Comprehensive interdisciplinary collaboration is mandatory.'",
        "docs/public/help.md:11:1: warning: this sentence has reading age 16, above 9 (partnership.yml "
        "checks.reading_age): 'Practitioners must document proportionate, evidence-informed rationale.'",
    ]


def test_a_hard_sentence_in_a_source_is_named_at_its_line_and_column(small: Path) -> None:
    glossary = (small / "data/glossary.yml").read_text(encoding="utf-8")
    plain = re.search(r"^    plain: (.*)$", glossary, re.M)
    assert plain, glossary
    write(small, "data/glossary.yml", glossary.replace(
        plain.group(0), f"    plain: >-\n      {plain.group(1)}\n      {HARD_SENTENCE}"
    ))
    line = glossary[: plain.start()].count("\n") + 3
    warnings = _warnings(run_cli("check", cwd=small).stderr)
    assert any(w.startswith(f"data/glossary.yml:{line}:7: warning: terms[0].plain: this sentence has reading age 25, ")
               for w in warnings), warnings


def test_the_partnership_sets_its_own_limit(small: Path) -> None:
    partnership = (small / "data/partnership.yml").read_text(encoding="utf-8")
    write(small, "docs/public/help.md", _page("Practitioners must record their rationale.\n"))
    assert _warnings(run_cli("check", "--docs", "docs", cwd=small).stderr)
    write(small, "data/partnership.yml", partnership + "checks:\n  reading_age: 21\n")
    assert not _warnings(run_cli("check", "--docs", "docs", cwd=small).stderr)


def test_the_home_page_is_scored_and_pages_for_practitioners_are_not(small: Path) -> None:
    write(small, "docs/index.md", f"# Home\n\n{HARD_SENTENCE}\n")
    write(small, "docs/practice.md", _page(HARD_SENTENCE + "\n", front="audience: practitioners"))
    write(small, "docs/public/quoted.md", _page(HARD_SENTENCE + "\n", front='audience: "public"'))
    result = run_cli("check", "--docs", "docs", cwd=small)
    files = {line.split(":")[0] for line in _warnings(result.stderr)}
    assert files == {"docs/index.md", "docs/public/quoted.md"}


def test_every_sentence_the_example_writes_for_the_public_is_plain() -> None:
    site = load_site(ROOT / "data", docs_dir=ROOT / "docs", today=TODAY)
    scored = {s.file: s for s in site.readability}
    assert set(scored) == {
        "data/partnership.yml", "data/glossary.yml", "data/services.yml",
        "docs/index.md", "docs/public/index.md", "docs/public/staying-safe-online.md",
    }
    assert all(s.reading_age <= LIMIT and not s.hard for s in scored.values()), scored
    assert not [w for w in site.warnings if "reading age" in w.message]


def _names(site_dir: Path) -> list[str]:
    """Names are read as names: the services', the needs', the languages' and the partnership's."""
    site = load_site(ROOT / "data", today=TODAY)
    services = site.content["services"]
    found = [s.name for s in services.services] + [n.name for n in services.needs.values()]
    found += [lang for s in services.services for lang in s.languages]
    return sorted(set(found) | {"Northmoor"}, key=len, reverse=True)


PUBLIC_ROUTES = ["index.html", "404.html", "glossary/plain-english/index.html"]


def test_everything_a_parent_reads_on_the_built_site_is_plain(built_site: Path) -> None:
    """Our own words too: the exit hint, the emergency line, the cards' labels, the 404."""
    pages = [built_site / p for p in PUBLIC_ROUTES] + sorted((built_site / "public").rglob("index.html"))
    names = _names(built_site)
    hard = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select("[hidden], script, style, .headerlink, h1, h2, h3, h4, dt"):
            hidden.decompose()
        for part in soup.select(".md-banner, .gl-exit, .gl-exit-hint, article"):
            text = part.get_text("\n\n")
            for name in names:
                text = text.replace(name, "it")
            text = re.sub(r"https?://\S+", "it", text)  # an address is read as a name too
            hard += [(page.relative_to(built_site).as_posix(), s) for s in sentences(text) if sentence_reading_age(s) > LIMIT]
    assert len(pages) > 15
    assert not hard, hard
