"""The words of Markdown as a reader sees them (guidance/render/plain_text.py): text without
Markdown's marks is read as written, without converting it, and must read exactly as converting
it would."""

from __future__ import annotations

import html

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from guidance.render import plain_text
from guidance.render.plain_text import rendered_text

# Words, the punctuation prose uses, and the marks and line starts that make text Markdown.
_PIECES = st.sampled_from([
    "the", "Child", "95%", "£20", "2024", "it's", "\u201cquoted\u201d", "a/b", "(note)", "-", "--", "\u2013",
    ",", ".", ":", ";", "?", "!", " ", "  ", "\n", "\n\n", "\n    ", "\n- ", "\n1. ", "\n12.", "*", "_",
    "**bold**", "`code`", "[link](x.md)", "<b>", "&amp;", "#", "> ", "\t", "=", "\n===", "\n---",
])


def _converted(source: str) -> str:
    """What converting gives (the path every marked text takes)."""
    parser = plain_text._Text()
    parser.feed(markdown.Markdown().convert(html.escape(source, quote=False).replace("&gt;", ">")))
    return plain_text._lines("".join(parser.parts))


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_text_read_as_written_reads_as_converted(source: str) -> None:
    rendered_text.cache_clear()
    assert rendered_text(source) == _converted(source)


def test_prose_is_read_line_by_line_and_marked_text_is_converted() -> None:
    assert rendered_text("First  line\nsecond line.\n\nNew paragraph, 95% (of £20).") == (
        "First line\nsecond line.\nNew paragraph, 95% (of £20).")
    assert rendered_text("Read **this** and [that](x.md).") == "Read this and that."
    assert rendered_text("- one\n- two") == "one\ntwo"
