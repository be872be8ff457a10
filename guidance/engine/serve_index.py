"""`guidance serve`'s search index: written after each rebuild, in a thread of its own.

Pagefind makes a whole index each time; it cannot take one changed page. At 5,000 items that
is every page read back from disk and sent again, and the wait for Pagefind to write: more
than the rest of a rebuild after one edit. So serve shows the rebuilt pages first (the browser
reloads) and writes the index a moment later, into a folder of its own that then takes the
place of the last one: search never reads half an index. An edit made meanwhile abandons the
index being made; the next rebuild makes a new one. ``guidance build`` does not do this: its
index is made while its pages render, and the build ends when the index is written.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from guidance.indexer import INDEX_DIR, IndexFailed, SiteIndex
from guidance.search import Entry

__all__ = ["INDEX_WRITTEN", "IndexAfterBuild"]

INDEX_WRITTEN = "search index written"  # logged when a rebuild's index is in place
_STAGING = ".pagefind-next"


class IndexAfterBuild:
    """The index of the last rebuild, made in the background; at most one at a time."""

    def __init__(self, written: Callable[[str], None], failed: Callable[[str], None]):
        self._written, self._failed = written, failed
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._making: SiteIndex | None = None  # stopped at once when an edit comes

    def start(self, site_dir: Path, records: list[Entry], pages: list[tuple[str, str]]) -> None:
        """Index ``records`` and ``pages`` (address, file in ``site_dir``) once the build is done."""
        self.stop()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(site_dir, records, pages, self._stop), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Abandon the index being made, if any, and wait until it has stopped."""
        self._stop.set()
        making = self._making
        if making is not None:
            making.close(abandon=True)
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self, site_dir: Path, records: list[Entry], pages: list[tuple[str, str]], stop: threading.Event) -> None:
        staging = site_dir / _STAGING
        try:
            index = self._making = SiteIndex()
            index.add_records(records)
            for url, file in pages:
                if stop.is_set():
                    return
                html = (site_dir / file).read_text(encoding="utf-8")
                if "data-pagefind-body" in html:
                    index.add_page(html, url)
            shutil.rmtree(staging, ignore_errors=True)
            index.write(staging)
            if not stop.is_set():
                _swap(staging / INDEX_DIR, site_dir / INDEX_DIR)
                self._written(f"{INDEX_WRITTEN} ({len(pages)} pages, {len(records)} records)")
        except (IndexFailed, OSError) as exc:
            if not stop.is_set():  # not abandoned for a newer edit
                self._failed(f"the search index could not be written: {exc}")
        finally:
            if self._making is not None:
                self._making.close(abandon=True)
                self._making = None
            shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, current: Path) -> None:
    """Put ``new`` where ``current`` is: search reads the old index or the new, never a mixture."""
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)
