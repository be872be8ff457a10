"""Front matter for generated pages, read back by MkDocs's own reader."""

from __future__ import annotations

import pytest
from properdocs.utils.meta import get_data

from guidance.render.markdown import front_matter

TITLES = [
    'Child B: "what we learned"', "Section 47 — enquiries", "yes", "null", "- a dash", "#7", "{braces}",
    "back\\slash", "tab\there", "two\nlines", "line\u2028separator", "emoji 🙂", "", "123",
]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_reads_back_as_written(title: str) -> None:
    meta = {"title": title, "hide": ["toc"], "search": {"exclude": True}, "audience": "public"}
    markdown, read = get_data(front_matter(**meta) + "# Heading\n")
    assert read == {**meta, "render_macros": False}
    assert markdown.strip() == "# Heading"
