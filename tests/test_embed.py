"""One page's rendered content shown inside another (guidance/render/embed.py)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from guidance.render.embed import embedded, fill, placeholder, placeholders

BRIEF = (
    '<h1 id="child-d">Child D<a class="headerlink" href="#child-d">&para;</a></h1>\n'
    '<p class="gl-kicker">7-minute briefing</p>\n'
    '<h2 id="1-background">1. Background<a class="headerlink" href="#1-background">&para;</a></h2>\n'
    '<p>See <a href="../../glossary/#neglect" title="Neglect: ...">neglect</a>, '
    '<a href="../themes/neglect/">the theme</a>, <a href="../../">home</a>, <a href="./">this page</a>, '
    '<a href="../../procedures/early-help/?v=2#step-1">a step</a>, <a href="#rec-r1">the first</a>, '
    '<a href="https://example.org/x">elsewhere</a>, <a href="/feeds/">a rooted address</a>, '
    '<a href="mailto:team@example.org">mail</a>, <a href="tel:01632960100">call</a> and '
    '<img src="../../assets/picture.png" alt="">.</p>\n'
    '<h5 id="deep">Deep</h5><h6 id="deepest">Deepest</h6>\n'
    '<table><tr><td><span id="rec-r1"></span>Do this.</td></tr></table>\n'
)


def test_a_shown_page_loses_its_title_and_its_headings_go_one_level_down() -> None:
    html = embedded(BRIEF, source="briefs/child-d/", host="briefs/packs/neglect/", prefix="child-d-")
    assert "<h1" not in html and "Child D<" not in html
    assert '<h3 id="child-d-1-background">1. Background' in html and html.count("</h3>") == 1
    assert '<h6 id="child-d-deep">Deep</h6><h6 id="child-d-deepest">' in html  # nothing deeper than h6


@pytest.mark.parametrize("source, host", [("briefs/child-d/", "briefs/packs/neglect/"), ("briefs/child-d/", ""),
                                          ("a/b/c/d/", "a/x/")])
def test_each_link_reaches_what_it_reached_on_its_own_page(source: str, host: str) -> None:
    before = re.findall(r'(?:href|src)="([^"]*)"', BRIEF)
    after = re.findall(r'(?:href|src)="([^"]*)"', embedded(BRIEF, source=source, host=host, prefix="child-d-"))
    site = "https://guidance.example.org/"
    for old, new in zip(before[1:], after, strict=True):  # the title's own permalink goes with it
        if old.startswith("#"):
            assert new == "#child-d-" + old[1:]
        else:
            assert urljoin(site + host, new) == urljoin(site + source, old), (old, new)


def test_ids_are_prefixed_so_several_pages_can_share_a_host() -> None:
    html = embedded(BRIEF, source="briefs/child-d/", host="briefs/packs/neglect/", prefix="child-d-")
    assert '<span id="child-d-rec-r1">' in html and 'href="#child-d-rec-r1"' in html
    assert ' id="rec-r1"' not in html


def test_placeholders_are_filled_in_order_and_a_missing_page_is_named() -> None:
    markdown = placeholder("briefs/a.md", "# A") + placeholder("briefs/b.md", "# B")
    assert placeholders(markdown) == ["briefs/a.md", "briefs/b.md"]
    assert placeholder("briefs/a.md", "# A") != placeholder("briefs/a.md", "# A, edited")  # the host changes too
    contents = {"briefs/a.md": ("briefs/a/", "<h1>A</h1><p>From A</p>")}
    html, missing = fill(markdown, contents, "briefs/packs/t/")
    assert "<p>From A</p>" in html and missing == ["briefs/b.md"]
    assert placeholders(html) == ["briefs/b.md"]
