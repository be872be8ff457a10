"""The site served with the security headers it ships, by the hosts they are written for: site/_headers
applied as Netlify or Cloudflare apply them, and real nginx including `guidance headers nginx`. No
Content-Security-Policy violation while a reader searches, answers a flow, filters indicators and
services, registers search for offline, and leaves by Exit this page."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
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


@pytest.fixture(scope="module", params=["_headers", "nginx"])
def strict_url(request: pytest.FixtureRequest, built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "nginx":
        yield from _nginx(built_site, tmp_path_factory.mktemp("nginx"))
        return
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


def _nginx(site: Path, work: Path) -> Iterator[str]:
    """Debian's nginx (installed by ./dev test), serving the built site with the printed snippet."""
    snippet = subprocess.run([sys.executable, "-m", "guidance", "headers", "nginx", "--site-dir", str(site)],
                             capture_output=True, text=True, check=True).stdout
    (work / "guidance-headers.conf").write_text(snippet)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    temp = " ".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # the workers must read the test's private temporary folder
        + f"worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; access_log off; {temp}\n"
        f"  server {{ listen 127.0.0.1:{port}; root {site}; include {work}/guidance-headers.conf; }}\n}}\n"
    )
    server = subprocess.Popen(["/usr/sbin/nginx", "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/")
            break
        except OSError:
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


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
    # The offline worker registers and saves the essentials (guidance/offline.py).
    page.wait_for_selector("[data-gl-offline-saved]:not([hidden])", timeout=30_000)

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
