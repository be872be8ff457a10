"""Text that looks like markup, in every free-text field of every kind, stays text on every page.

The payloads `guidance check` refuses are tested in tests/test_payloads.py. These are the ones it
lets through (quotes that would end an attribute, template syntax, a quote inside a link, a bare
`javascript:`): the site is built with each of them in every field, and Chromium opens every page.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from guidance import GuidanceError, load_site
from guidance.lock import Lock
from tests.browser.conftest import _QuietHandler
from tests.helpers import EXAMPLE_TODAY, ROOT, copy_project
from tests.payloads import ALLOWED, inject

pytestmark = pytest.mark.browser

PAYLOAD = " ".join(ALLOWED)
# Matched against other sources' text, not published: kept as it is so the briefs stay valid.
NOT_PUBLISHED = {"data/anonymity.yml"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, int, int]]:
    """The example, every free-text field ending in every allowed payload, built and served."""
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    skip: set[tuple[str, str]] = set()
    reasons: set[str] = set()
    here = os.getcwd()
    os.chdir(root)
    try:
        # Fields with rules of their own refuse the payload: opening hours, and references to other
        # entries (`procedure:early-help`). Leave them as they are, and say why below.
        for _ in range(3):
            shutil.rmtree(root / "data")
            shutil.copytree(ROOT / "data", root / "data")
            (root / "data/versions.lock").unlink()  # every version's text changed: a new site,
            Lock.read(root / "data").write([])  # as `guidance lock --new` starts it
            fields = inject(root / "data", PAYLOAD, skip, NOT_PUBLISHED)
            try:
                load_site("data", docs_dir="docs")
                break
            except GuidanceError as exc:
                skip |= {(p.file, p.path) for p in exc.errors}
                reasons |= {p.message.split(" ")[0] + " " + p.message.split(" ")[1] for p in exc.errors}
    finally:
        os.chdir(here)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace("strict: true", "strict: false"))
    env = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}
    guidance = Path(sys.executable).parent / "guidance"
    result = subprocess.run([str(guidance), "build"], cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # References refuse it (`procedure:early-help`, a relevance query's expected page), as do opening hours.
    assert all(r == "expected opening" or r.startswith(("unknown ", "no page")) for r in reasons), reasons
    yield f"http://127.0.0.1:{server.server_address[1]}", root / "site", len(fields), len(skip)
    server.shutdown()


# What each page is asked, after it has loaded and its scripts have run.
INSPECT = """() => ({
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith('on')).map(a => `${e.tagName.toLowerCase()} ${a.name}`)),
  scripted: [...document.querySelectorAll('[href],[src],[action]')]
    .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))
    .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
  autofocus: document.querySelectorAll('[autofocus]').length,
  text: document.body.innerText,
})"""


def test_no_page_runs_or_fetches_anything_from_a_source(hostile_site: tuple[str, Path, int, int], browser: Browser) -> None:
    url, site, fields, skipped = hostile_site
    assert fields > 1000 and skipped < fields / 8, (fields, skipped)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:", "about:")) else outside.append(r.url))
    found: dict[str, list[str]] = {}
    pages = sorted(site.rglob("index.html"))
    shown = 0
    for file in pages:
        html = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # a moved page's stub leaves at once: read it as HTML
            handlers = [a for tag in BeautifulSoup(html, "html.parser").find_all(True) for a in tag.attrs if a.startswith("on")]
            assert handlers == [], file
            continue
        address = f"{url}/{file.parent.relative_to(site).as_posix()}/".replace("/./", "/")
        page.goto(address, wait_until="load")
        page.mouse.move(5, 5)
        page.keyboard.press("Tab")
        result = page.evaluate(INSPECT)
        for problem in result["handlers"] + result["scripted"] + ([f"{result['autofocus']} autofocus"] if result["autofocus"] else []):
            found.setdefault(address, []).append(problem)
        shown += "onmouseover=\"alert('xss-quote')\"" in result["text"] and "{{ 7 * 7 }}" in result["text"]
    context.close()
    assert len(pages) > 100
    assert dialogs == [] and outside == [] and found == {}, (dialogs, outside, found)
    assert shown > len(pages) / 2, f"the payload showed as text on only {shown} of {len(pages)} pages"
