"""Pages rendered on two cores (guidance/second_core.py) make the same site as on one."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.helpers import EXAMPLE_TODAY, write


def _one_core(root: Path) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      data_dir: data\n", "      data_dir: data\n      parallel: false\n"), encoding="utf-8")
    assert "parallel: false" in config.read_text(encoding="utf-8")


def _build(root: Path, site: str) -> Path:
    env = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "guidance", "build", "-d", site], cwd=root, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    return root / site


def _files(site: Path) -> dict[str, bytes]:
    # Every file, the search index included: the same sources give the same site, byte for byte
    # (guidance/stable_index.py orders what Pagefind leaves to a hash map).
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_cores_build_the_same_site_as_one(example: Path) -> None:
    two = _build(example, "site-two")
    _one_core(example)
    one = _build(example, "site-one")
    two_files, one_files = _files(two), _files(one)
    assert sorted(two_files) == sorted(one_files)
    assert len([name for name in one_files if name.endswith(".html")]) > 100
    assert len([name for name in one_files if name.startswith("pagefind/filter/")]) >= 2
    assert [name for name in one_files if two_files[name] != one_files[name]] == []
    pages = [json.loads((site / "pagefind/pagefind-entry.json").read_text())["languages"]["en"]["page_count"] for site in (one, two)]
    assert pages[0] == pages[1] > 100


def test_a_page_the_helper_renders_still_fails_a_strict_build_with_its_warnings(
    example: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Enough long hand-written pages that the helper, working from the end, reaches some of them.
    pages, text = 200, "A paragraph of *guidance* with `code` and **strong** words in it.\n\n" * 60
    for n in range(pages):
        links = f"See [nowhere](missing-{n}.md) and [there](page-{(n + 1) % pages:03}.md#no-{n})."
        write(example, f"docs/extra/page-{n:03}.md", f"# Page {n}\n\n{text}{links}\n")
    monkeypatch.setenv("GUIDANCE_TODAY", EXAMPLE_TODAY)
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.guidance")
    with pytest.raises(Abort, match=rf"Aborted with {2 * pages} warnings in strict mode"):
        build(load_config(str(example / "mkdocs.yml"), strict=True))
    messages = [record.getMessage() for record in caplog.records]
    for n in (0, pages // 2, pages - 1):
        assert any(f"'missing-{n}.md'" in m for m in messages), n
        assert any(f"does not contain an anchor '#no-{n}'" in m for m in messages), n
    shared = next(m for m in messages if "pages' Markdown" in m)
    taken, total = map(int, re.search(r"did (\d+) of (\d+)", shared).groups())
    assert taken > total - pages, shared  # the generated pages at the end, and some of these
