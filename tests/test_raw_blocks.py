"""Raw HTML blocks set aside while a generated page's Markdown is converted (guidance/render/raw_blocks.py):
converting with them set aside and putting them back gives exactly what converting the whole page
gives, for every generated page of the example and of a generated partnership of another shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.convert import converter
from bench.generate import generate
from guidance.load import load_site
from guidance.pages import site_pages
from guidance.render.raw_blocks import put_back, set_aside
from tests.helpers import ROOT


def _body(text: str) -> str:
    """The page without its front matter, which the engine reads and leaves out of the conversion."""
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def _same_either_way(project: Path) -> int:
    md = converter(project)
    set_aside_count = 0
    for page in site_pages(load_site(project / "data", docs_dir=project / "docs")):
        if not page.path.endswith(".md"):
            continue
        text, blocks = set_aside(page.markdown)
        assert text.startswith(page.markdown[: page.markdown.find("\n---\n", 3) + 5]) or not page.markdown.startswith("---\n")
        whole = md.reset().convert(_body(page.markdown))
        assert put_back(md.reset().convert(_body(text)), blocks) == whole, page.path
        set_aside_count += len(blocks)
    return set_aside_count


def test_every_example_page_converts_the_same_with_its_raw_html_set_aside() -> None:
    assert _same_either_way(ROOT) > 100


def test_a_generated_partnership_converts_the_same_with_its_raw_html_set_aside(tmp_path: Path) -> None:
    generate(400, tmp_path / "corpus")
    assert _same_either_way(tmp_path / "corpus") > 200


SAMPLE = """---
title: "A page"
---

# A page

<div class="a">
<p>one</p>
</div>

Text.

<table class="t" id="versions">
<tr><td id="row-1">x</td></tr>
</table>
"""


def test_blocks_become_placeholders_that_keep_their_ids() -> None:
    text, blocks = set_aside(SAMPLE)
    assert text.startswith('---\ntitle: "A page"\n---\n')
    assert blocks == ['<div class="a">\n<p>one</p>\n</div>', '<table class="t" id="versions">\n<tr><td id="row-1">x</td></tr>\n</table>']
    assert '<div data-gl-block="1"><a id="versions"></a><a id="row-1"></a></div>' in text
    assert "\n\n\ue0000\ue001\n\n" in text  # no id to keep: a paragraph of one marker
    assert "<p>one</p>" not in text


def _same(page: str) -> tuple[str, list[str]]:
    md = converter(ROOT)
    text, blocks = set_aside(page)
    assert put_back(md.reset().convert(_body(text)), blocks) == md.reset().convert(_body(page))
    return text, blocks


def test_blocks_with_only_blank_lines_between_them_are_set_aside_as_one() -> None:
    text, blocks = _same("# T\n\n<p>one</p>\n\n\n<ul>\n<li>two</li>\n</ul>\n\n<p>three</p>\n\nText.\n\n<p>four</p>\n")
    assert blocks == ["<p>one</p>\n\n<ul>\n<li>two</li>\n</ul>\n\n<p>three</p>", "<p>four</p>"]
    assert text == "# T\n\n\ue0000\ue001\n\nText.\n\n\ue0001\ue001\n"


def test_a_page_whose_text_holds_the_marker_is_left_whole() -> None:
    page = "# T\n\nA \ue000 in the text.\n\n\ue0000\ue001\n\n<p>one</p>\n\nEnd.\n"
    assert _same(page) == (page, [])


@pytest.mark.parametrize("body", [
    "```html\n<div class=\"a\">\n</div>\n```\n",                          # shown as code
    "<div markdown>\n\n<div class=\"a\">\n<p>x</p>\n</div>\n\n</div>\n",  # Markdown reads inside, rewriting tags
    "<div class=\"a\">\n<!-- </div> -->\n</div>\n",                       # a comment
    "<div class=\"a\">\n<p>x</p>\n</div>\nstraight after\n",              # no blank line after it
    "<div class=\"a\" markdown=\"1\">\n*x*\n</div>\n",                     # Markdown inside
    "<div class=\"a\">\n<script>let a = '</div>';</script>\n</div>\n",   # a script
    "<div class=\"a\" id='single'>\n</div>\n",                            # an id the placeholder could not keep
    "<div class=\"a\">\n<p>never closed</p>\n",
    "<span class=\"a\">inline, so a paragraph</span>\n",
])
def test_what_might_not_be_raw_html_is_left_to_markdown(body: str) -> None:
    page = f"# Title\n\n{body}\nAfter.\n"
    text, blocks = set_aside(page)
    assert (text, blocks) == (page, [])


def test_a_placeholder_markdown_lost_is_an_error_not_a_missing_block() -> None:
    text, blocks = set_aside(SAMPLE)
    html = converter(ROOT).convert(_body(text)).replace('<div data-gl-block="1">', "<div>")
    with pytest.raises(ValueError, match="1 of 2 raw HTML blocks lost their place"):
        put_back(html, blocks)
