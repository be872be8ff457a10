"""The same sources give the same site, byte for byte, the search index included (decision 0013),
whichever way the build is started: `guidance build` twice, and the plain engine's `build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ENGINE, EXAMPLE_TODAY

_ENV = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _guidance(root: Path, site: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "guidance", "build", "-d", site], cwd=root,
                            capture_output=True, text=True, env=_ENV)
    assert result.returncode == 0, result.stderr
    return root / site


def test_two_builds_and_the_plain_engine_make_the_same_site(example: Path) -> None:
    first, second = _files(_guidance(example, "site-a")), _files(_guidance(example, "site-b"))
    result = subprocess.run([str(ENGINE), "build", "-q", "-d", "site-plain"], cwd=example,
                            capture_output=True, text=True, env=_ENV)
    assert result.returncode == 0, result.stderr
    plain = _files(example / "site-plain")
    assert len([name for name in first if name.endswith(".html")]) > 100
    assert len([name for name in first if name.startswith("pagefind/filter/")]) >= 2
    assert sorted(first) == sorted(second) == sorted(plain)
    assert [name for name in first if first[name] != second[name]] == []
    assert [name for name in first if first[name] != plain[name]] == []
    entry = json.loads((example / "site-a/pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] > 100
