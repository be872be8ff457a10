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


def test_relative_paths_are_what_posixpath_gives_for_any_docs_paths() -> None:
    import posixpath
    import random

    from guidance.render.markdown import relative_path

    parts = ["a", "b", "index.md", "x.md", ".", "..", "a/b", ""]
    rng = random.Random(21)
    checked = 0
    for _ in range(20000):
        path, start = ("/".join(rng.choice(parts) for _ in range(rng.randint(1, 4))) or "." for _ in range(2))
        if path.startswith("/") or start.startswith("/"):
            continue
        assert relative_path(path, start) == posixpath.relpath(path, start), (path, start)
        checked += 1
    assert checked > 15000
