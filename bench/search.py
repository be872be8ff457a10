"""Search quality, measured in the real browser against a built site.

    python -m bench.search [--site site] [--payload | --payload-only]

Serves the built site on 127.0.0.1, types each query of ``data/search.yml`` into the
site's own search box in Debian's Chromium, and prints the share of queries whose expected page
comes first and within the top three. ``tests/browser/test_search_browser.py`` runs it in CI
with a floor.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import statistics
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent.parent / "data" / "search.yml"  # the example's relevance set
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@dataclass(frozen=True)
class Query:
    text: str
    expect: str  # "path/" or "path/#anchor", relative to the site root
    audience: str = ""  # who would type it: practitioner, trainer, parent, young person
    kind: str = ""  # its class: title, abbreviation, question, situation, misspelling, everyday need


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: tuple[str, ...]  # result addresses, best first, relative to the site root
    millis: float  # from the last keystroke to results on screen

    @property
    def rank(self) -> int | None:
        for i, address in enumerate(self.found, 1):
            if matches(address, self.query.expect):
                return i
        return None


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(str(q["query"]), q["expect"], q.get("audience", ""), q.get("class", ""))
            for q in yaml.safe_load(path.read_text())["queries"]]


def matches(address: str, expect: str) -> bool:
    """Whether a result address is the expected page (and entry, when an anchor is expected)."""
    path, _, anchor = address.partition("#")
    want_path, _, want_anchor = expect.partition("#")
    return path.strip("/") == want_path.strip("/") and (not want_anchor or anchor == want_anchor)


def relative(url: str, base: str) -> str:
    parts = urlsplit(url)
    path = parts.path.removeprefix(urlsplit(base).path).lstrip("/")
    path = path.removesuffix("index.html")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


# -- typing a query into the built site's search page ------------------------------------------


def search_guidance(page, base: str, text: str, delay: float = 0) -> tuple[list[str], float]:
    """Our search page (Pagefind underneath): results are an ordered list of links."""
    box = page.locator("#gl-search-input")
    if not box.count():
        page.goto(f"{base}/search/")
        box = page.locator("#gl-search-input")
    box.fill("")
    page.wait_for_function("document.querySelector('#gl-search').dataset.state !== 'busy'")
    box.press_sequentially(text, delay=delay)
    page.wait_for_function(
        "q => { const s = document.querySelector('#gl-search');"
        " return s.dataset.state === 'done' && s.dataset.query === q }", arg=text, timeout=120_000)
    # Both times are the page's own clock: the last keystroke's search began, its results were on screen.
    millis = page.evaluate("(s => s.dataset.shownAt - s.dataset.typedAt)(document.querySelector('#gl-search'))")
    hrefs = page.eval_on_selector_all("#gl-search-results > li a.gl-result__link", "as => as.map(a => a.href)")
    return [relative(h, base) for h in hrefs], float(millis)




# -- running -----------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser closed mid-download (a tab closed after its results): not news


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def run_queries(page, base: str, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    for query in queries:
        found, millis = search_guidance(page, base, query.text)
        outcomes.append(Outcome(query, tuple(found), millis))
    return outcomes


# Words found on the example site and in every generated corpus (bench/generate.py's vocabulary).
PAYLOAD_QUERIES = ("neglect", "referral", "school health", "information sharing", "S47")
TYPING = 120  # ms between keystrokes: a quick typist (100 words a minute)


def first_search(browser, base: str, text: str) -> tuple[int, float]:
    """A new visitor opens the search page and types ``text``: the bytes search downloaded until the
    results showed (each file as a server would send it, gzip -6, or as stored when that is smaller),
    and the milliseconds from the last keystroke's search to results on screen."""
    context = browser.new_context()
    page = context.new_page()
    bodies: list[bytes] = []

    def downloaded(response) -> None:
        if "/pagefind/" in response.url or response.url.endswith(("/search.js", "/query.js", "/lexicon.json")):
            with contextlib.suppress(Exception):
                bodies.append(response.body())

    page.on("response", downloaded)
    page.goto(f"{base}/search/")
    page.wait_for_load_state("networkidle")
    _, millis = search_guidance(page, base, text, delay=TYPING)
    context.close()
    return sum(min(len(b), len(gzip.compress(b, 6))) for b in bodies), millis


def payload(site: Path, queries: tuple[str, ...] = PAYLOAD_QUERIES) -> tuple[float, float]:
    """Medians over ``queries`` of the first search's download (KB) and its keystroke-to-results time (ms)."""
    from playwright.sync_api import sync_playwright

    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        measured = [first_search(browser, base, q) for q in queries]
        browser.close()
    return statistics.median(b for b, _ in measured) / 1024, statistics.median(m for _, m in measured)


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    ranks = [o.rank for o in outcomes]
    return {
        "queries": len(outcomes),
        "rank 1 %": 100 * sum(r == 1 for r in ranks) / len(ranks),
        "top 3 %": 100 * sum(r is not None and r <= 3 for r in ranks) / len(ranks),
        # Mean reciprocal rank: 1 when every expected page is first, 0.5 when every one is second.
        "MRR": round(sum(1 / r for r in ranks if r) / len(ranks), 3),
        "no result %": 100 * sum(not o.found for o in outcomes) / len(ranks),
        "median ms": statistics.median(o.millis for o in outcomes),
    }


def by(outcomes: list[Outcome], key: str) -> dict[str, dict[str, float]]:
    """:func:`summary` for each audience (``key="audience"``) or class (``key="kind"``)."""
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(getattr(o.query, key) or "-", []).append(o)
    return {name: summary(group) for name, group in sorted(groups.items())}


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{key:>12}: {value:.3f}" if key == "MRR" else f"{key:>12}: {value:.1f}" if isinstance(value, float) else f"{key:>12}: {value}"
             for key, value in summary(outcomes).items()]
    for title, key in (("audience", "audience"), ("class", "kind")):
        lines.append(f"\n{'by ' + title:<16}{'queries':>8}{'first %':>9}{'top 3 %':>9}{'MRR':>7}{'none %':>8}")
        for name, s in by(outcomes, key).items():
            lines.append(f"{name:<16}{s['queries']:>8}{s['rank 1 %']:>9.1f}{s['top 3 %']:>9.1f}{s['MRR']:>7.2f}{s['no result %']:>8.1f}")
    misses = [o for o in outcomes if o.rank != 1]
    if misses:
        lines.append("")
    for o in misses:
        lines.append(f"  rank {o.rank or '-'}: {o.query.text!r} ({o.query.audience}, {o.query.kind}) wants {o.query.expect}; got {list(o.found[:3])}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--payload", action="store_true", help="also measure a new visitor's first search")
    parser.add_argument("--payload-only", action="store_true", help="only that (for a generated corpus)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if not args.payload_only:
        with served(args.site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            outcomes = run_queries(page, base, load_queries(args.queries))
            browser.close()
        print(f"search quality, {args.site}")
        print(report(outcomes))
    if args.payload or args.payload_only:
        kb, ms = payload(args.site)
        print(f"first search: {kb:.1f} KB downloaded, {ms:.1f} ms from the last keystroke to results (medians)")


if __name__ == "__main__":
    main()
