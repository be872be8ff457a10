"""Nothing in a source can run, fetch or hide: exact messages for each way it could try.

And types are strict: no number taken as text or as a date, no YAML 1.1 word as yes/no.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guidance import load_site
from guidance.outside import outside_requests
from guidance.safe_text import link_refused
from tests.helpers import GLOSSARY, PARTNERSHIP, load_problems, write

HTML_HINT = "(source text cannot hold HTML: write the words, and use Markdown for links and emphasis)"
LINK = "expected a link to https://, mailto:, tel: or a page of this site, got"


def definition(root: Path, text: str) -> list[str]:
    """The problems of the small glossary with ``text`` as its first definition, a block from line 6, column 7."""
    write(root, "data/glossary.yml", GLOSSARY.replace("definition: A local review of a serious case.", f"definition: >-\n      {text}"))
    return load_problems()


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        ("A <script>alert(1)</script>", "<script>", f"expected Markdown without HTML, got '<script>' {HTML_HINT}"),
        ("A <img src=x onerror=alert(1)>", "<img", f"expected Markdown without HTML, got '<img src=x onerror=alert(1)>' {HTML_HINT}"),
        ('A x"><svg/onload=alert(1)>', "<svg", f"expected Markdown without HTML, got '<svg/onload=alert(1)>' {HTML_HINT}"),
        ("A <!-- hidden -->", "<!--", f"expected Markdown without HTML, got '<!-- hidden -->' {HTML_HINT}"),
        ("See [this](javascript:alert(1)).", "javascript", f"{LINK} 'javascript:alert(1)'"),
        ("See [this](JaVa\\Script:alert(1)).", "JaVa", f"{LINK} 'JaVa\\Script:alert(1)'"),
        ("See [this](data:text/html,x).", "data:", f"{LINK} 'data:text/html,x'"),
        ("See [this](http://plain.example/).", "http:", f"{LINK} 'http://plain.example/'"),
        ("See [this](//other.example/).", "//", f"{LINK} '//other.example/'"),
        ("See [this][1].\n\n      [1]: javascript:alert(1)", "javascript", f"{LINK} 'javascript:alert(1)'"),
        ("See <javascript:alert(1)>.", "<java", f"{LINK} 'javascript:alert(1)'"),
        ("A ![pixel](https://tracker.example/p.png)", "![",
         "expected text without images, got '![pixel](https://tracker.example/p.png)' "
         "(an image would be fetched from wherever it points: put images in a page in docs/)"),
        ('A review {: onclick="alert(1)" }', "{", "expected text without attribute lists, got '{: onclick=\"alert(1)\" }'"),
        ("A review {style=x}", "{", "expected text without attribute lists, got '{style=x}'"),
        ("A &lt;script&gt;", "&lt;", "expected the character itself, got the HTML character reference '&lt;'"),
    ],
)
def test_markup_in_a_source_is_an_error_where_it_is_written(small: Path, text: str, needle: str, message: str) -> None:
    problems = definition(small, text)
    lines = f"      {text}".split("\n")
    line = next(i for i, t in enumerate(lines) if needle in t)
    assert problems[0] == f"data/glossary.yml:{6 + line}:{lines[line].index(needle) + 1}: terms[0].definition: {message}"


@pytest.mark.parametrize(("escaped", "shown"), [("\\x01", "U+0001"), ("\\u202E", "U+202E"), ("\\u2028", "U+2028")])
def test_hidden_characters_are_errors(small: Path, escaped: str, shown: str) -> None:
    write(small, "data/glossary.yml", GLOSSARY.replace("A local review of a serious case.", f'"A {escaped}review"'))
    assert load_problems() == [f"data/glossary.yml:5:17: terms[0].definition: expected printable text, got the hidden character {shown}"]


def test_every_finding_in_a_field_is_reported_at_once(small: Path) -> None:
    problems = definition(small, "A <b>bold</b> claim, [a](javascript:x) &amp; more")
    assert [p.split(": ")[0] for p in problems] == [  # <b>, </b>, the link and the reference, in order
        "data/glossary.yml:6:9", "data/glossary.yml:6:16", "data/glossary.yml:6:32", "data/glossary.yml:6:46"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Children under 5 years and <5 kg, or 3 < 4 > 2.",
        "See [the panel](https://www.gov.uk/government/organisations/child-safeguarding-practice-review-panel).",
        "Write to [us](mailto:help@example.org), call [us](tel:01632960000) or read [the page](../procedures/x/#a).",
        "An autolink <https://www.gov.uk/> and <help@example.org>.",
        "Braces {like these} and an ampersand & a hash #tag are words.",
        "Wow! [Not an image] and **bold** _emphasis_.",
    ],
)
def test_ordinary_markdown_is_accepted(small: Path, text: str) -> None:
    write(small, "data/glossary.yml", GLOSSARY.replace("A local review of a serious case.", f"'{text}'"))
    assert load_site("data").glossary.by_id["cspr"].definition == text


def test_markup_is_found_in_every_kind_of_field_and_file(small: Path) -> None:
    """Not only definitions: names, descriptions, lists of text, in any file."""
    write(small, "data/partnership.yml", PARTNERSHIP.replace("description: A partnership for tests.", "description: A <i>test</i>."))
    write(small, "data/glossary.yml", GLOSSARY.replace("aliases", "x").replace("abbreviations: [CSPR]", "abbreviations: [CSPR]\n    aliases: ['<b>x</b>']"))
    problems = load_problems()
    assert "data/partnership.yml:4:16: description: expected Markdown without HTML, got '<i>' " + HTML_HINT in problems
    assert "data/glossary.yml:5:16: terms[0].aliases[0]: expected Markdown without HTML, got '<b>' " + HTML_HINT in problems


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("reviewed: 2024-05-01", "reviewed: 1699920000", "terms[0].reviewed: expected a date as YYYY-MM-DD, got the number 1699920000"),
        ("reviewed: 2024-05-01", "reviewed: 2024/05/01", "terms[0].reviewed: expected a date as YYYY-MM-DD, got '2024/05/01'"),
        ("reviewed: 2024-05-01", "reviewed: 2024-02-30", "terms[0].reviewed: expected a date as YYYY-MM-DD, got '2024-02-30'"),
        ("term: Child safeguarding practice review", "term: true", "terms[0].term: expected text, got true (a yes/no value)"),
        ("term: Child safeguarding practice review", "term: 1989", "terms[0].term: expected text, got the number 1989"),
    ],
)
def test_no_value_is_coerced(small: Path, before: str, after: str, message: str) -> None:
    glossary = GLOSSARY.replace("    related: [rapid-review]", "    related: [rapid-review]\n    reviewed: 2024-05-01")
    write(small, "data/glossary.yml", glossary.replace(before, after))
    problems = load_problems()
    assert [p.split(": ", 1)[1] for p in problems] == [message]


def test_yaml_1_1_words_are_not_yes_or_no(small: Path) -> None:
    write(small, "data/partnership.yml", PARTNERSHIP.replace("example: true", "example: no"))
    assert load_problems() == ["data/partnership.yml:11:14: contacts[0].example: expected true or false, got 'no'"]


def test_a_colour_is_a_hex_colour_not_css() -> None:
    from pydantic import ValidationError

    from guidance.kinds.thresholds.model import Level

    fields = {"id": 1, "name": "Early help", "summary": "s", "response": "r", "actions": ["a"]}
    assert Level.model_validate({**fields, "colour": "#2e7d32"}).colour == "#2e7d32"
    with pytest.raises(ValidationError):
        Level.model_validate({**fields, "colour": "red; background-image: url(https://tracker.example/)"})


@pytest.mark.parametrize(
    ("target", "refused"),
    [("https://a.example/", False), ("mailto:a@b.org", False), ("tel:999", False), ("../x/#y", False), ("#here", False),
     ("javascript:x", True), (" JAVASCRIPT:x", True), ("java\\script:x", True), ("vbscript:x", True), ("//a.example", True),
     ("http://a.example", True), ("file:///etc/passwd", True)],
)
def test_which_links_a_source_may_make(target: str, refused: bool) -> None:
    assert link_refused(target) is refused


def test_what_a_page_would_fetch_from_other_sites() -> None:
    page = (
        '<a href="https://www.gov.uk/">a link is not a request</a><link rel="canonical" href="https://x.example/">'
        '<img alt="a" src="https://tracker.example/p.png"><link rel="stylesheet" href="//cdn.example/x.css">'
        '<script src="https://cdn.example/x.js"></script><div style="background: url(https://e.example/b.png)"></div>'
        '<img srcset="a.png 1x, https://e.example/2x.png 2x"><svg><use href="https://e.example/s.svg#i"/></svg>'
        '<meta http-equiv="refresh" content="0; url=https://e.example/"><iframe src="//e.example/f"></iframe>'
        '<img src="assets/own.png"><link rel="icon" href="https://guidance.example.org/favicon.png">'
        '<a href="https://a.example/?next=//b.example/">a link whose address holds another</a>'
        f'<img alt="b" src ={" " * 80}https://u.example/far.png>'
    )
    assert outside_requests(page, "https://guidance.example.org/") == [
        "<img src> https://tracker.example/p.png",
        "<link href> //cdn.example/x.css",
        "<script src> https://cdn.example/x.js",
        "<use href> https://e.example/s.svg#i",
        "<iframe src> //e.example/f",
        "<img src> https://u.example/far.png",
        "srcset https://e.example/2x.png",
        "CSS https://e.example/b.png",
        "<meta http-equiv=refresh> https://e.example/",
    ]
