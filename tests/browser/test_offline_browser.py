"""Offline and installable, as a practitioner on a home visit meets it (issue 23, decision 0016).

One visit online to the home page, then the network gone: every essential page opens, a flow
runs to its deadline and record, search answers from any page. A new build published: the next
visit online replaces the saved set whole and says that the guidance has changed; a build that
arrives only in part leaves the old set whole. Installable by Chromium's own criteria.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from guidance.kinds.flows.logic import FLOWS
from guidance.kinds.procedures.texts import PROCEDURES
from guidance.kinds.thresholds.grid import THRESHOLDS
from guidance.load import load_site
from guidance.render.markdown import page_url
from tests.browser.conftest import CHROMIUM, FLAGS, axe_violations, pretend_now
from tests.helpers import ENGINE, EXAMPLE_TODAY, ROOT, copy_project

pytestmark = pytest.mark.browser

SAVED = "[data-gl-offline-saved]:not([hidden])"
NOTE = "[data-gl-offline]:not([hidden])"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Host:
    """A web host whose published site can be replaced, as a partnership's nightly publish does."""

    def __init__(self, root: Path):
        self.live = root / "live"
        handler = functools.partial(_Quiet, directory=str(self.live))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def publish(self, site: Path) -> None:
        shutil.rmtree(self.live, ignore_errors=True)
        shutil.copytree(site, self.live)


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    served = Host(tmp_path_factory.mktemp("host"))
    yield served
    served.server.shutdown()


@pytest.fixture(scope="module")
def next_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example a day later with one glossary definition reworded: a new build."""
    root = copy_project(tmp_path_factory.mktemp("next"))
    glossary = root / "data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "The national model for assessing", "The national model (reworded in the next build) for assessing", 1),
        encoding="utf-8")
    env = {**os.environ, "GUIDANCE_TODAY": "2026-11-24"}
    result = subprocess.run([str(ENGINE), "build", "--strict"], cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return root / "site"


def essential_urls() -> list[str]:
    """What the issue names: home, every procedure in force, every level, the matrix and finder,
    every flow, the glossary and search (addresses from the example's own data)."""
    from datetime import date

    site = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY))
    urls = ["/", "/search/", "/glossary/", "/thresholds/matrix/", "/thresholds/finder/"]
    urls += [f"/thresholds/level-{lvl.id}/" for lvl in site[THRESHOLDS].source.levels]
    urls += ["/" + page_url(p.page) for p in site[PROCEDURES]]
    urls += ["/" + page_url(f.page) for f in site[FLOWS].values()]
    return urls


def visit_once(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(SAVED, timeout=60_000)  # the worker has saved the whole set
    return page


def build_of(page: Page) -> str:
    return page.get_attribute('meta[name="guidance-build"]', "content") or ""


def saved_urls(page: Page) -> list[str]:
    return page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    }""")


def test_after_one_visit_every_essential_page_and_search_open_with_no_signal(
        browser: Browser, host: Host, built_site: Path, axe) -> None:
    host.publish(built_site)
    context = browser.new_context(**PHONE)
    try:
        page = visit_once(context, host.url + "/")
        page.goto(host.url + "/briefs/child-k-2025/")  # a page read online is kept too
        page.goto(host.url + "/public/services/money/")  # a page for the public is not
        page.wait_for_timeout(500)
        assert not [u for u in saved_urls(page) if "/public/" in u]
        context.set_offline(True)
        for url in essential_urls():
            page.goto(host.url + url)
            assert not page.title().startswith("You are offline"), url
            page.wait_for_selector(NOTE, timeout=10_000)
            assert re.fullmatch(r"No connection: this is the copy saved on this device on \d{1,2} \w+ \d{4}\. The "
                                r"guidance may have changed since\.", page.inner_text(NOTE)), url
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe_violations(axe, page) == ""
        page.goto(host.url + "/briefs/child-k-2025/")
        assert page.inner_text("h1").startswith("Child K")

        # The finder filters offline.
        page.goto(host.url + "/thresholds/finder/")
        everything = page.locator("[data-indicator]:not([hidden])").count()
        page.fill("#gl-finder-q", "domestic abuse")
        assert 0 < page.locator("[data-indicator]:not([hidden])").count() < everything
        assert page.inner_text("#gl-finder-count").endswith("indicators match")

        # A flow runs offline to its deadline and its record.
        page.goto(host.url + "/flows/notify-the-panel/?abuse-or-neglect=yes&death-or-harm=died")
        for part, value in (("day", "1"), ("month", "5"), ("year", "2024")):
            page.fill(f"#deadline-notify-{part}", value)
        assert page.inner_text("#node-notify .gl-deadline-result").startswith("Deadline: Thursday 9 May 2024")
        assert "Outcome: Act now: Notify the national panel" in page.inner_text(".gl-record-text")

        # Search from another page's header button, with no signal: pages never opened are found.
        page.goto(host.url + "/procedures/early-help/")
        page.tap(".gl-header-search__button")  # a phone's first tap opens the field
        page.fill(".gl-header-search__input", "LADO")
        page.tap(".gl-header-search__button")
        page.wait_for_function("() => document.querySelector('#gl-search')?.dataset.query === 'LADO'", timeout=20_000)
        assert page.locator("#gl-search-results > li").count() >= 1
        assert page.inner_text("#gl-search-results > li:first-child a") != ""

        # A version that comes into force while the reader is offline says so on its day.
        pretend_now(page, 2027, 4, 2)
        page.goto(host.url + "/procedures/notifying-serious-incidents/")
        assert page.inner_text(".gl-when-come").startswith("Version 4 came into force on 1 April 2027")

        # A page not saved says so, with what is saved and a way back to it.
        page.goto(host.url + "/public/services/money/")
        assert page.inner_text("h1").startswith("You are offline")
        assert page.get_attribute("[data-gl-offline-retry] a", "href") == host.url + "/public/services/money/"
        assert page.locator("main a[href$='procedures/']").count() == 1
        assert axe_violations(axe, page) == ""
    finally:
        context.close()


def test_a_new_build_replaces_the_saved_set_whole_and_says_so_once(
        browser: Browser, host: Host, built_site: Path, next_build: Path, axe) -> None:
    host.publish(built_site)
    context = browser.new_context()
    try:
        page = visit_once(context, host.url + "/")
        first = build_of(page)
        assert page.evaluate("caches.keys()") == [f"guidance-{first}"]
        host.publish(next_build)
        page.goto(host.url + "/thresholds/")  # the next visit online
        page.wait_for_selector(NOTE + "[data-state=updated]", timeout=60_000)
        second = build_of(page)
        assert second != first
        assert page.inner_text(NOTE).startswith("The guidance has changed since it was saved on this device")
        assert page.get_attribute(NOTE + " a", "href") == host.url + "/procedures/changes/"
        assert page.evaluate("caches.keys()") == [f"guidance-{second}"]
        assert axe_violations(axe, page) == ""
        page.goto(host.url + "/glossary/")
        page.wait_for_selector(SAVED)
        assert page.locator(NOTE).count() == 0  # said once
        context.set_offline(True)
        for url in essential_urls()[:12]:
            page.goto(host.url + url)
            assert build_of(page) == second, url
        page.goto(host.url + "/glossary/")
        assert "reworded in the next build" in page.inner_text("main")
    finally:
        context.close()


def test_a_build_that_arrives_in_part_leaves_the_saved_set_as_it_was(
        browser: Browser, host: Host, built_site: Path, next_build: Path, tmp_path: Path) -> None:
    host.publish(built_site)
    context = browser.new_context()
    try:
        page = visit_once(context, host.url + "/")
        first = build_of(page)
        broken = tmp_path / "broken"
        shutil.copytree(next_build, broken)
        (broken / "thresholds/level-2/index.html").unlink()  # lost in the upload
        host.publish(broken)
        page.goto(host.url + "/about/")
        outcome = page.evaluate("""async () => {  // the new build's worker tries, and gives up
          const r = await navigator.serviceWorker.getRegistration();
          if (!r.installing) await r.update().catch(() => {});
          const w = r.installing;
          if (w && w.state !== 'redundant') {
            await new Promise((done) => w.addEventListener('statechange', () => w.state === 'redundant' && done()));
          }
          return w ? w.state : 'no new worker';
        }""")
        assert outcome == "redundant"
        assert page.evaluate("caches.keys()") == [f"guidance-{first}"]
        context.set_offline(True)
        for url in ["/", "/thresholds/level-2/", "/thresholds/level-3/", "/glossary/"]:
            page.goto(host.url + url)
            assert build_of(page) == first, url
        assert "reworded in the next build" not in page.inner_text("main")
    finally:
        context.close()


def test_chromium_can_install_the_site(browser: Browser, host: Host, built_site: Path, tmp_path: Path) -> None:
    host.publish(built_site)
    # A profile on disk: Chromium does not offer to install from an incognito window.
    context = browser.browser_type.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                             args=FLAGS, headless=True)
    try:
        page = visit_once(context, host.url + "/")
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [] and manifest["url"] == host.url + "/manifest.webmanifest"
        assert '"short_name": "NSCP"' in manifest["data"]
    finally:
        context.close()
