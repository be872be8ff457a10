"""The navigation and tabs rendered once per folder of unlisted pages (guidance/engine/shared_nav.py)
are byte for byte what Material writes into each page: a site built with Material's own
partials (a partnership's custom_dir puts them back) is the same site."""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.generate import generate
from guidance.engine.shared_nav import SharedNav
from tests.helpers import copy_project, run_cli

MATERIALS_OWN = {
    "partials/nav.html": '{% include "material/partials/nav.html" %}',
    "partials/tabs.html": '{% include "material/partials/tabs.html" %}',
}


def _with_materials_own(project: Path) -> Path:
    for name, text in MATERIALS_OWN.items():
        (project / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "overrides" / name).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en-GB", "  custom_dir: overrides\n  language: en-GB"),
                      encoding="utf-8")
    return project


def _build_id(site: Path) -> bytes:
    found = re.search(rb'<meta name="guidance-build" content="([0-9a-f]+)">', (site / "404.html").read_bytes())
    assert found
    return found[1]


def _differing(a: Path, b: Path) -> list[str]:
    """Files of site ``a`` not the same in site ``b``, but for each site's build id (made from
    its sources, mkdocs.yml among them) and offline.json (which gives the saved files' size
    compressed, each holding the build id)."""
    ids = _build_id(a), _build_id(b)
    differing = []
    for folder, _, names in os.walk(a):
        for name in names:
            mine = Path(folder) / name
            theirs = b / mine.relative_to(a)
            if name == "offline.json" and folder == str(a):
                continue
            if not theirs.exists() or mine.read_bytes().replace(*ids) != theirs.read_bytes():
                differing.append(mine.relative_to(a).as_posix())
    return differing


@pytest.mark.parametrize("source", ["example", "generated"])
def test_pages_get_the_navigation_material_would_write(tmp_path: Path, source: str) -> None:
    projects = []
    for name in ("shared", "materials-own"):
        if source == "example":
            project = copy_project(tmp_path / name)
        else:
            generate(300, tmp_path / name)
            project = tmp_path / name
        projects.append(project)
    _with_materials_own(projects[1])
    for project in projects:
        result = run_cli("build", cwd=project)
        assert result.returncode == 0, result.stderr
    shared, materials = (p / "site" for p in projects)
    pages = list(shared.rglob("index.html"))
    assert len(pages) > 50
    assert _differing(shared, materials) == [] and _differing(materials, shared) == []


def _page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_which_pages_share_a_folders_navigation() -> None:
    listed = [_page("procedures/"), _page("procedures/listed/history/"), _page("")]
    shared = SharedNav(SimpleNamespace(pages=listed))
    assert shared.key(listed[0]) == ""  # listed: it is marked as the reader's page
    assert shared.key(_page("procedures/a/v1/")) == shared.key(_page("procedures/a/v2/")) == "procedures/a/"
    assert shared.key(_page("procedures/a/")) == shared.key(_page("procedures/b/")) == "procedures/"
    assert shared.key(_page("procedures/listed/")) == ""  # the navigation lists a page inside it
    assert shared.key(_page("procedures/a/v1.html")) == shared.key(_page("procedures/a/v2.html")) == "procedures/"
    assert shared.key(_page("glossary/")) == "/"
