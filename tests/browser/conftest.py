"""The browser harness: the built example site served on 127.0.0.1, Debian's Chromium via Playwright.

Later capabilities add their browser tests beside these, with the same fixtures:
``site_url`` (the served site), ``page`` (a fresh tab that records every request) and
``axe_violations(page)`` (axe-core at WCAG 2.2 AA).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # No skip when Chromium is missing: `./dev test` installs it, and CI must fail loudly without it.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class RecordingPage:
    """A tab, and every URL it asked for, so tests can prove nothing left the site's origin."""

    def __init__(self, page: Page, origin: str):
        self.page, self.origin, self.requests = page, origin, []
        self.all_requests: list = []  # the requests themselves, to read their bodies
        page.on("request", lambda request: (self.requests.append(request.url), self.all_requests.append(request)))

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.origin + "/", "data:", "blob:", "about:"))]


@pytest.fixture
def tab(browser: Browser, site_url: str) -> Iterator[RecordingPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    recording = RecordingPage(context.new_page(), site_url)
    yield recording
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A tab the size of a small phone (360 px wide)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def narrow(browser: Browser) -> Iterator[Page]:
    """A tab 320 px wide: WCAG's reflow width, where nothing may scroll sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def axe_violations(axe: Axe, page: Page) -> str:
    """An empty string when the page passes axe-core at WCAG 2.2 AA, else the report."""
    # A tooltip fading out after focus moves is half transparent for a moment: judge the settled page.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    if not results.violations_count:
        return ""
    where = [
        f"{v['id']}: {node['target']}: {(node.get('any') or node.get('all') or [{}])[0].get('message', '')}"
        for v in results.response["violations"]
        for node in v["nodes"]
    ]
    return "\n".join(where) + "\n" + results.generate_report()


def pretend_now(page: Page, year: int, month: int, day: int) -> None:
    """Every document the page loads from now on believes it is 9am on that day (month 1 to 12):
    a page's own scripts that compare dates with today see the day a reader might open it."""
    page.add_init_script(f"""{{
        const RealDate = Date;
        Date = class extends RealDate {{
            constructor(...args) {{ super(...(args.length ? args : [{year}, {month - 1}, {day}, 9, 0])); }}
            static now() {{ return new RealDate({year}, {month - 1}, {day}, 9, 0).getTime(); }}
        }};
    }}""")
