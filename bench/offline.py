"""What a first visit saves for offline, and how long the saving takes, in Chromium.

    python -m bench.offline --site site/

A new visitor opens the home page; the page waits until it is quiet (loaded, and 2 s after any
keystroke: guidance/assets/offline.js), registers the worker, and the worker saves the whole set
that ``offline.json`` lists. The time is from the page's load event to the page saying it is
saved, so it includes those 2 s; sizes are from ``offline.json`` (as stored, and gzip -6 as a
host that compresses sends them). Served from this machine: the time is the browser's work
(fetching, checking and storing each file), not a phone network's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bench.search import CHROMIUM, FLAGS, served

SAVED = "[data-gl-offline-saved]:not([hidden])"


def offline_save(site: Path, runs: int = 3) -> tuple[float, float, float]:
    """(MB stored, MB downloaded compressed, median seconds from the first page's load to saved)."""
    from playwright.sync_api import sync_playwright

    listing = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    seconds = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "/")  # returns at the load event
            start = time.perf_counter()
            page.wait_for_selector(SAVED, timeout=900_000)
            seconds.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return listing["bytes"] / 1e6, listing["compressed"] / 1e6, statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stored, compressed, seconds = offline_save(args.site, args.runs)
    files = len(json.loads((args.site / "offline.json").read_text(encoding="utf-8"))["files"])
    print(f"offline: {files} files, {stored:.1f} MB stored, {compressed:.1f} MB downloaded (gzip), "
          f"saved {seconds:.1f} s after the first page loaded (median of {args.runs})")


if __name__ == "__main__":
    main()
