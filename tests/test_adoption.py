"""A new partnership starts from nothing: `guidance init`, a build at once, and the files that
keep it sound (pre-commit) and publish it. The wheel test installs the package as a partnership
would and starts a project from it, so nothing it needs lives only in this repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import EXAMPLE_TODAY, ROOT, run_cli, write


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUIDANCE_TODAY", EXAMPLE_TODAY)


def test_a_new_project_builds_at_once_and_lists_what_is_still_to_write(tmp_path: Path, today: None) -> None:
    project = tmp_path / "northshire"
    result = run_cli("init", str(project))
    assert result.returncode == 0, result.stderr
    assert "guidance serve" in result.stdout
    # Nothing of the theme is copied: it comes from the package.
    assert not (project / "overrides").exists() and not (project / "macros").exists()
    assert (project / "schemas/glossary.schema.json").exists()
    assert (project / "requirements.txt").read_text().strip().endswith("safeguarding-guidance==0.1.0")

    check = run_cli("check", "--strict", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    todo = [line for line in check.stderr.splitlines() if "still to write" in line]
    assert "data/partnership.yml:3:7: notice: name: still to write: TODO Safeguarding Children Partnership" in todo
    assert all(re.match(r"data/\S+\.yml:\d+:\d+: notice: ", line) for line in todo) and len(todo) >= 4

    build = run_cli("build", "--strict", cwd=project)
    assert build.returncode == 0, build.stderr
    home = BeautifulSoup((project / "site/index.html").read_text(), "html.parser")
    assert home.select_one("link[href$='assets/guidance/guidance.css']") is not None  # our stylesheet
    assert home.select_one("a[data-gl-exit]") is not None  # the package's header, with Exit this page
    assert home.select_one("a[href='tel:999']") is not None
    glossary = (project / "site/glossary/index.html").read_text()
    assert "Protecting children from maltreatment" in glossary
    assert (project / "site/glossary/plain-english/index.html").exists()
    assert (project / "site/pagefind/pagefind.js").exists()


def test_the_example_project_builds_strictly_without_this_repository(tmp_path: Path, today: None) -> None:
    project = tmp_path / "example"
    assert run_cli("init", "--example", str(project)).returncode == 0
    assert not (project / "docs/decisions").exists()  # this repository's design records stay here
    build = run_cli("build", "--strict", cwd=project)
    assert build.returncode == 0, build.stderr
    assert (project / "site/procedures/rapid-reviews/index.html").exists()
    assert (project / "site/flows/which-level/index.html").exists()


def test_init_never_writes_over_a_folder_that_holds_files(tmp_path: Path) -> None:
    write(tmp_path, "mine/notes.txt", "my work")
    result = run_cli("init", str(tmp_path / "mine"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'mine'} is not an empty folder: choose a new one"
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_a_projects_own_template_overrides_the_packages_and_the_rest_still_come_from_it(tmp_path: Path, today: None) -> None:
    project = tmp_path / "p"
    run_cli("init", str(project))
    write(project, "overrides/partials/copyright.html", '<div class="northshire-footer">Northshire footer</div>\n')
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  language: en-GB", "  custom_dir: overrides\n  language: en-GB"))
    assert run_cli("build", "--strict", cwd=project).returncode == 0
    home = (project / "site/index.html").read_text()
    assert '<div class="northshire-footer">Northshire footer</div>' in home  # theirs
    assert "data-gl-exit" in home  # ours: the header with Exit this page


def test_the_pre_commit_hook_stops_a_commit_of_a_broken_source(tmp_path: Path, today: None) -> None:
    project = tmp_path / "p"
    run_cli("init", str(project))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    pre_commit = [str(Path(sys.executable).parent / "pre-commit"), "run", "--all-files"]
    good = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout
    glossary = project / "data/glossary.yml"
    glossary.write_text(glossary.read_text().replace("    plain:", "    plainn:"))
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    bad = subprocess.run(pre_commit, cwd=project, env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert re.search(r"data/glossary\.yml:\d+:\d+: .*plainn", bad.stdout), bad.stdout


def test_every_new_file_names_its_schema(tmp_path: Path) -> None:
    project = tmp_path / "p"
    run_cli("init", "--example", str(project))
    for path in (project / "data").rglob("*.yml"):
        first = path.read_text().splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} does not name its schema"
        assert (path.parent / match.group(1)).resolve().exists(), f"{path} names {match.group(1)}"


def test_the_publishing_workflows_check_build_and_pin_their_actions(tmp_path: Path) -> None:
    project = tmp_path / "p"
    run_cli("init", str(project))
    github = yaml.safe_load((project / ".github/workflows/publish.yml").read_text())
    assert github[True]["schedule"][0]["cron"]  # `on:` reads as true in YAML 1.1
    steps = [s for job in github["jobs"].values() for s in job["steps"]]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses and all(re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", u) for u in uses), uses
    runs = " ".join(s.get("run", "") for s in steps)
    assert "guidance check --strict" in runs and "guidance build --strict" in runs
    gitlab = yaml.safe_load((project / ".gitlab-ci.yml").read_text())
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert "guidance build --strict --site-dir public" in gitlab["pages"]["script"]


def test_the_wheel_holds_the_theme_macros_and_example(tmp_path: Path, today: None) -> None:
    """Built and installed as a partnership would, away from this repository."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", "site", "build", "*.egg-info", ".git", "__pycache__", ".*_cache", ".hypothesis", "tests"))
    wheel = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(source)],
                           capture_output=True, text=True)
    assert wheel.returncode == 0, wheel.stderr
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin/python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", *map(str, (tmp_path / "dist").glob("*.whl"))],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    # The dependencies are this environment's (no download in a test); the package is only the wheel's.
    site_packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    Path(site_packages, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([str(python), "-c", "import guidance; print(guidance.__file__)"], cwd=tmp_path, capture_output=True, text=True)
    assert where.stdout.startswith(site_packages), where.stdout + where.stderr
    for flag in ([], ["--example"]):
        project = tmp_path / f"project{'-'.join(flag)}"
        made = subprocess.run([str(fresh / "bin/guidance"), "init", *flag, str(project)], capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        built = subprocess.run([str(fresh / "bin/guidance"), "build", "--strict"], cwd=project, capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
        assert (project / "site/assets/guidance/guidance.css").exists()
        sitemap = (project / "site/sitemap.xml").read_text(encoding="utf-8")  # the theme's own sitemap came too
        assert "/offline/</loc>" not in sitemap and ("/procedures/early-help/</loc>" in sitemap or not flag)


def test_iis_serves_search_files_the_404_page_and_the_same_headers(built_site: Path) -> None:
    """IIS refuses files whose type it does not know: every kind of file search fetches is named."""
    import xml.etree.ElementTree as ET

    from guidance.headers import headers, site_hashes

    config = ET.parse(built_site / "web.config").getroot().find("system.webServer")
    assert config is not None
    mapped = {m.get("fileExtension") for m in config.iter("mimeMap")}
    removed = {m.get("fileExtension") for m in config.iter("remove") if m.get("fileExtension")}
    assert mapped <= removed  # a type IIS already knows is removed first, or IIS stops with an error
    search_types = {p.suffix for p in (built_site / "pagefind").rglob("*") if p.is_file()}
    assert {".pagefind", ".pf_fragment", ".pf_index", ".pf_meta"} <= search_types
    assert search_types - {".js", ".css", ".json"} <= mapped
    error = next(config.iter("error"))
    assert (error.get("statusCode"), error.get("responseMode")) == ("404", "File") and (built_site / error.get("path", "")).exists()
    sent = [(a.get("name"), a.get("value")) for a in config.iter("add")]
    assert sent == headers(site_hashes(built_site))


def test_nginx_gets_the_same_headers_from_the_built_site(built_site: Path) -> None:
    from guidance.headers import headers, site_hashes

    result = run_cli("headers", "nginx", "--site-dir", str(built_site))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("add_header")]
    found = [re.fullmatch(r'add_header (\S+) "(.*)" always;', line) for line in lines]
    assert all(found)
    assert [(m.group(1), m.group(2)) for m in found if m] == headers(site_hashes(built_site))
    assert "error_page 404 /404.html;" in result.stdout


def test_a_projects_own_headers_file_is_kept(tmp_path: Path, today: None) -> None:
    project = tmp_path / "p"
    run_cli("init", str(project))
    write(project, "docs/_headers", "/*\n  X-Ours: yes\n")
    assert run_cli("build", "--strict", cwd=project).returncode == 0
    assert (project / "site/_headers").read_text() == "/*\n  X-Ours: yes\n"
    assert "Content-Security-Policy" in (project / "site/web.config").read_text()


def test_every_page_carries_its_referrer_policy_for_hosts_that_cannot_set_headers(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 100
    without = [p.relative_to(built_site).as_posix() for p in pages if '<meta name="referrer" content="no-referrer">' not in p.read_text()]
    assert without == []
