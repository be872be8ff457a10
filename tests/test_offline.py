"""What a build saves for offline and installs with (issue 23): the listing, the budget, the
choice by kind, the build's id, the manifest and icons. In a browser: tests/browser/test_offline_browser.py."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from guidance.offline import build_id
from tests.helpers import EXAMPLE_TODAY, ROOT, load_problems, run_cli, write


def listing(site: Path) -> dict:
    return json.loads((site / "offline.json").read_text(encoding="utf-8"))


def test_the_listing_holds_the_essentials_and_every_file_they_load(built_site: Path) -> None:
    saved = listing(built_site)
    files = saved["files"]
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert saved["build"] == home.find("meta", attrs={"name": "guidance-build"})["content"]
    for essential in ["", "search/", "glossary/", "thresholds/", "thresholds/matrix/", "thresholds/finder/",
                      "thresholds/level-1/", "thresholds/level-4/", "procedures/", "procedures/early-help/",
                      "flows/", "flows/notify-the-panel/", "offline/", "pagefind/pagefind.js",
                      "search/lexicon.json", "manifest.webmanifest", "assets/guidance/icon-512.png"]:
        assert essential in files, essential
    procedures = {re.search(r"^id: (\S+)$", p.read_text(encoding="utf-8"), re.M).group(1)  # type: ignore[union-attr]
                  for p in (ROOT / "data/procedures").glob("*.yml")}
    assert procedures and procedures <= {f.split("/")[1] for f in files if re.fullmatch(r"procedures/[^/]+/", f)}
    # Only the version in force: no history, no past versions; never a page only for the public.
    assert not [f for f in files if re.search(r"/(v\d+|v\d+-changes|history)/$|^public/|^glossary/plain", f)]
    assert all((built_site / (f + "index.html" if f.endswith("/") or not f else f)).is_file() for f in files)
    assert saved["bytes"] == sum((built_site / (f + "index.html" if f.endswith("/") or not f else f)).stat().st_size
                                 for f in files)
    # Every script, stylesheet and icon each saved page loads is saved with it (read here by a parser).
    for page in [f for f in files if f.endswith("/") or not f]:
        soup = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        loads = [s["src"] for s in soup.select("script[src]")] + [
            link["href"] for link in soup.select("link[href]") if {"stylesheet", "icon", "manifest"} & set(link["rel"])]
        for address in loads:
            target = os.path.normpath(os.path.join("/" + page, address)).lstrip("/")
            assert target in files, f"{page or 'home'} loads {address}, which is not saved"


def test_the_worker_is_stamped_with_the_build_and_the_old_worker_retires(built_site: Path) -> None:
    worker = (built_site / "offline-worker.js").read_text(encoding="utf-8")
    assert f'const BUILD = "{listing(built_site)["build"]}";' in worker and "%BUILD%" not in worker
    retired = (built_site / "search-worker.js").read_text(encoding="utf-8")
    assert "unregister()" in retired and "fetch" not in retired


def test_every_page_says_which_build_it_is_of_and_public_pages_ask_to_be_kept(built_site: Path) -> None:
    build = listing(built_site)["build"]
    for page, public in [("index.html", False), ("procedures/early-help/index.html", False),
                         ("public/worried-about-a-child/index.html", True), ("public/services/money/index.html", True)]:
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.find("meta", attrs={"name": "guidance-build"})["content"] == build
        assert (soup.find("meta", attrs={"name": "guidance-offline", "content": "ask"}) is not None) is public, page
        assert (soup.select_one("[data-gl-offline-keep]") is not None) is public, page


def test_the_manifest_and_icons_come_from_the_partnership(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Northmoor Safeguarding Children Partnership" and manifest["short_name"] == "NSCP"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    palette = next((built_site / "assets/stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    indigo = re.search(r"\[data-md-color-primary=indigo\]\{[^}]*--md-primary-fg-color:(#\w{6})", palette).group(1)
    assert manifest["theme_color"] == indigo  # the header's own colour
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO((built_site / icon["src"]).read_bytes()))
        assert image.format == "PNG" and f"{image.width}x{image.height}" == icon["sizes"]
        corner = image.convert("RGBA").getpixel((0, 0))
        assert corner[3] == (255 if icon["purpose"] == "maskable" else 0)  # a mask crops; "any" is rounded
        centre_row = [image.convert("RGB").getpixel((x, image.height // 2)) for x in range(image.width)]
        assert (255, 255, 255) in centre_row  # the letters, in white


def test_the_build_id_follows_what_is_built_not_where_or_which_night(tmp_path: Path) -> None:
    from guidance.load import load_site
    from guidance.pages import site_pages

    def made(day: str) -> list[str]:
        return [p.markdown for p in site_pages(load_site(ROOT / "data", today=date_of(day)))]

    for folder in ("one", "two"):
        write(tmp_path / folder, "data/glossary.yml", "terms: []\n")
    first = build_id([tmp_path / "one/data"], made(EXAMPLE_TODAY), "1.0")
    assert build_id([tmp_path / "two/data"], made(EXAMPLE_TODAY), "1.0") == first  # another folder or machine
    assert build_id([tmp_path / "one/data"], made("2026-11-24"), "1.0") == first  # a night on which nothing changed
    assert build_id([tmp_path / "one/data"], made("2027-04-02"), "1.0") != first  # a version has come into force
    assert build_id([tmp_path / "one/data"], made(EXAMPLE_TODAY), "1.1") != first
    write(tmp_path / "one", "data/glossary.yml", "terms: [] \n")
    assert build_id([tmp_path / "one/data"], made(EXAMPLE_TODAY), "1.0") != first


def date_of(text: str):  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(text)


def test_another_partnerships_glossary_only_site_saves_what_it_has(tmp_path: Path) -> None:
    project = tmp_path / "new"
    assert run_cli("init", str(project)).returncode == 0
    result = run_cli("build", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    line = re.search(r"offline: (\d+) files saved after one visit, ([\d.]+) MB \(([\d.]+) MB to download compressed\), "
                     r"budget 25 MB", result.stdout)
    assert line, result.stdout
    saved = listing(tmp_path / "site")
    assert int(line.group(1)) == len(saved["files"]) and float(line.group(2)) == round(saved["bytes"] / 1e6, 1)
    assert {"", "search/", "glossary/", "offline/"} <= set(saved["files"])
    assert not [f for f in saved["files"] if f.startswith(("procedures", "thresholds", "flows"))]
    assert saved["changes"] == ""  # no list of changes: the notice links the home page
    fallback = BeautifulSoup((tmp_path / "site/offline/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in fallback.select("article ul a")] == ["Home", "Glossary, A to Z"]


def test_a_set_over_its_budget_is_a_warning_at_its_line_and_fails_a_strict_build(example: Path) -> None:
    partnership = example / "data/partnership.yml"
    partnership.write_text(partnership.read_text(encoding="utf-8") + "offline:\n  budget_mb: 0.5\n", encoding="utf-8")
    line = len(partnership.read_text(encoding="utf-8").splitlines())
    env = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "guidance", "build", "--strict", "-d", str(example / "out")],
                            cwd=example, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert re.search(rf"data/partnership\.yml:{line}:14: warning: offline\.budget_mb: the pages saved for offline weigh "
                     r"1\.\d MB, over the budget of 0\.5 MB: name fewer kinds in offline\.keep, or raise offline\.budget_mb",
                     result.stderr + result.stdout), result.stderr
    assert not (example / "out").exists()  # a failed build leaves nothing half-written


@pytest.mark.parametrize(("keep", "said"), [
    ("[procedure]", "offline.keep[0]: expected a kind with pages to save for offline (glossary, thresholds, "
                    "procedures, flows, briefs), got 'procedure' (did you mean 'procedures'?)"),
    ("[glossary, glossary]", "offline.keep[1]: 'glossary' is named twice"),
    ("glossary", "offline.keep: expected a list"),
])
def test_what_is_kept_offline_is_checked(small: Path, keep: str, said: str) -> None:
    partnership = small / "data/partnership.yml"
    partnership.write_text(partnership.read_text(encoding="utf-8") + f"offline:\n  keep: {keep}\n", encoding="utf-8")
    problems = load_problems()
    assert any(said in p and p.startswith("data/partnership.yml:") for p in problems), problems
