"""The site served with the security headers it ships (site/_headers, as Netlify or Cloudflare
would apply them): no Content-Security-Policy violation while a reader searches, answers a flow,
filters indicators and services, registers search for offline, and leaves by Exit this page."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from guidance.headers import headers, site_hashes

NEUTRAL = "https://www.bbc.co.uk/weather"

# Every violation the page reports, kept where a navigation does not lose it.
WATCH = """
document.addEventListener('securitypolicyviolation', e => {
  const seen = JSON.parse(sessionStorage.getItem('csp') || '[]');
  seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  sessionStorage.setItem('csp', JSON.stringify(seen));
});
"""


def shipped_headers(site: Path) -> list[tuple[str, str]]:
    """The headers in site/_headers, read as a host reads them."""
    lines = (site / "_headers").read_text().splitlines()
    assert "/*" in lines
    return [tuple(part.strip() for part in line.split(":", 1)) for line in lines if line.startswith("  ")]  # type: ignore[misc]


@pytest.fixture(scope="module")
def strict_url(built_site: Path) -> Iterator[str]:
    sent = shipped_headers(built_site)

    class WithHeaders(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in sent:
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(WithHeaders, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def reader(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context()
    context.route(NEUTRAL + "**", lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"))
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    yield page, console
    context.close()


def violations(page: Page, console: list[str]) -> list[str]:
    return [*page.evaluate("JSON.parse(sessionStorage.getItem('csp') || '[]')"), *console]


def test_the_shipped_headers_are_the_set_made_from_the_built_pages(built_site: Path) -> None:
    assert shipped_headers(built_site) == headers(site_hashes(built_site))
    names = dict(shipped_headers(built_site))
    assert names["Referrer-Policy"] == "no-referrer" and names["X-Content-Type-Options"] == "nosniff"
    assert "'unsafe-inline'" not in names["Content-Security-Policy"].split("script-src")[1].split(";")[0]


@pytest.mark.browser
def test_search_flows_finder_services_and_exit_work_under_the_policy(reader: tuple[Page, list[str]], strict_url: str) -> None:
    page, console = reader
    response = page.goto(strict_url + "/search/?q=LADO")
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_function("() => document.querySelector('#gl-search').dataset.query === 'LADO'")
    assert page.locator("#gl-search-results > li").count() >= 1  # Pagefind's WebAssembly ran
    # Polled as functions: a predicate given as text is run by eval, which this policy refuses too.
    # The service worker that keeps search for offline registers and answers (after 2 s of results).
    page.wait_for_function("() => document.querySelector('#gl-search').dataset.offline", timeout=15000)
    assert page.evaluate("() => document.querySelector('#gl-search').dataset.offline") != "unavailable"

    page.goto(strict_url + "/flows/notify-the-panel/")
    page.click("text=Start now")
    page.click("[data-step='abuse-or-neglect'] [data-value='yes']")
    page.click("[data-step='death-or-harm'] [data-value='died']")
    assert "abuse-or-neglect=yes" in page.url and page.locator("[data-step='notify']").is_visible()

    page.goto(strict_url + "/thresholds/finder/")
    page.fill("#gl-finder-q", "FGM")
    page.wait_for_function("() => document.querySelectorAll('[data-indicator]:not([hidden])').length === 1")

    page.goto(strict_url + "/public/services/")
    page.select_option("#gl-need", "domestic-abuse")
    assert "need=domestic-abuse" in page.url

    page.goto(strict_url + "/public/worried-about-a-child/")
    assert violations(page, console) == []  # read before Exit clears what the site kept
    page.click("[data-gl-exit]")
    page.wait_for_url(NEUTRAL)
    assert console == []


@pytest.mark.browser
def test_an_injected_inline_script_is_refused(reader: tuple[Page, list[str]], strict_url: str) -> None:
    """The policy is not a formality: a script nobody hashed does not run."""
    page, console = reader
    page.goto(strict_url + "/public/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';
                             document.body.append(s); }""")
    assert page.evaluate("window.ran === undefined")
    assert any("script-src" in v for v in violations(page, console))
