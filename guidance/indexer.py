"""Write the search index for a site with Pagefind (decision: docs/decisions/0007-search.md).

Pagefind indexes each built page (only what a page's template marks ``data-pagefind-body``)
and the records :mod:`guidance.search` makes from the data, and writes a chunked index into
``pagefind/``: a visitor downloads the chunks for the words they type, not the whole site.

The index is built *while* the site builds: :class:`SiteIndex` runs Pagefind's binary as a
service, and records and pages go to it as soon as they exist, so its work happens on another
core while MkDocs renders. Only writing the files waits for the end of the build.

We speak the service's protocol ourselves (base64 JSON messages, each ended by a comma) rather
than through Pagefind's Python API, whose reader sleeps 0.1 s before each reply: a request
per page would cost minutes on a large site.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import re
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

from guidance.search import Entry, record_html
from guidance.stable_index import stabilise

__all__ = ["INDEX_DIR", "IndexFailed", "SiteIndex", "searched"]

INDEX_DIR = "pagefind"

_BODY = "<div data-pagefind-body>"  # guidance/theme/main.html
_ARTICLE_END = "</article>"
_HTML_TAG = re.compile(r"<html[\s>][^>]*>?")
_TITLE = re.compile(r"<title>.*?</title>", re.S)

# Entries that are records of their own: the page lists them, search finds each one.
LISTED = [".gl-indicators", ".gl-finder-list", ".gl-matrix", ".gl-service", ".headerlink"]

# Pagefind's own ready-made interfaces: the search page is ours (assets/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")

_WAIT = 300  # seconds for the service to write the index once every page is in


class IndexFailed(Exception):
    """Pagefind could not index the site: its messages, one per line."""


class SiteIndex:
    """One search index, fed page by page while the site builds, written by :meth:`write`."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise IndexFailed("Pagefind's binary is missing: reinstall the project (pip install -e .)")
        self._process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._replies: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._sent = 0
        self._ended = False  # the service has stopped talking
        self._answered = threading.Condition()
        threading.Thread(target=self._send_all, daemon=True).start()
        threading.Thread(target=self._read_all, daemon=True).start()
        config = {"exclude_selectors": LISTED, "force_language": "en"}
        try:
            self._index_id = self._wait(self._send({"type": "NewIndex", "config": config}))["index_id"]
        except IndexFailed:
            self.close(abandon=True)
            raise

    def add_records(self, records: list[Entry]) -> None:
        for i, record in enumerate(records):
            # Each record carries its real address (``href``) in its details; its url is a placeholder.
            self.add_page(record_html(record), f"/_records/{i}/")

    def add_page(self, page_html: str, url: str) -> None:
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": searched(page_html),
                    "file_path": None})

    def write(self, site_dir: Path) -> list[str]:
        """Write the index into ``site_dir/pagefind``; return the files search needs."""
        out = site_dir / INDEX_DIR
        self._wait(self._sent)
        # On a busy machine the service has answered "written" while its entry file was still empty
        # (2 builds in 822, with another build running): write again until the entry can be read.
        for _ in range(3):
            self._wait(self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(out)}))
            if _readable(out / "pagefind-entry.json"):
                break
        self.close()
        if self._errors:
            raise IndexFailed("\n".join(self._errors))
        for pattern in UNUSED:
            for path in out.glob(pattern):
                path.unlink()
        stabilise(out)  # the same pages give the same files (guidance/stable_index.py)
        # Every page is indexed as English, so the fallback for other languages is never loaded.
        files = sorted(p.relative_to(site_dir).as_posix() for p in out.rglob("*")
                       if p.is_file() and p.name != "wasm.unknown.pagefind")
        _write_offline_list(site_dir, files)
        return files

    def close(self, *, abandon: bool = False) -> None:
        """Stop the service once it has read every request, or at once to ``abandon`` the index
        (a failed build)."""
        if abandon:
            self._process.kill()
        self._outbox.put(None)
        try:
            self._process.wait(timeout=_WAIT)
        except subprocess.TimeoutExpired:  # a hung binary
            self._process.kill()
            self._process.wait()

    def _send(self, payload: dict[str, Any]) -> int:
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        self._outbox.put(base64.b64encode(json.dumps(message).encode()) + b",")
        return self._sent

    def _wait(self, message_id: int) -> dict[str, Any]:
        """The reply to ``message_id``, once it and every message sent before it are answered:
        the index is written only after the last page is in."""
        with self._answered:
            answered = self._answered.wait_for(
                lambda: len(self._replies) >= message_id or self._ended, timeout=_WAIT)
            if not answered:
                raise IndexFailed(f"Pagefind did not answer in {_WAIT} s")
            if message_id not in self._replies:
                raise IndexFailed("Pagefind stopped: " + "; ".join(self._errors or ["no message"]))
            return self._replies[message_id]

    def _send_all(self) -> None:
        """Writes requests in a thread of their own: a build never blocks on a full pipe.

        Everything waiting is written at once. While MkDocs renders, this thread gets Python's
        lock only every few milliseconds; a write per request would leave most of them for the
        end of the build, and the index with them."""
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while True:
                waiting = [self._outbox.get()]
                while waiting[-1] is not None and not self._outbox.empty():
                    waiting.append(self._outbox.get())
                stdin.write(b"".join(m for m in waiting if m is not None))
                stdin.flush()
                if waiting[-1] is None:
                    break
            stdin.close()
        except OSError:  # the service stopped: the reader notices, and write() says so
            pass

    def _read_all(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        buffer = b""
        try:
            while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]  # a buffered pipe has read1
                *messages, buffer = (buffer + chunk).split(b",")
                for message in messages:
                    self._receive(json.loads(base64.b64decode(message)))
        except (OSError, ValueError, KeyError, TypeError) as exc:  # not the service's protocol: stop, say why
            self._errors.append(f"unreadable reply from Pagefind ({exc})")
            self._process.kill()
        with self._answered:
            self._ended = True
            self._answered.notify_all()

    def _receive(self, reply: dict[str, Any] | None) -> None:
        if reply is None:
            return
        payload = reply["payload"]
        if payload.get("type") == "Error":
            self._errors.append(payload.get("message", "unknown error"))
        with self._answered:
            self._replies[reply.get("message_id") or -len(self._errors)] = payload
            self._answered.notify_all()


def _write_offline_list(site_dir: Path, files: list[str]) -> None:
    """The index's files and their total size: the offline set includes them (guidance/offline.py)."""
    size = sum((site_dir / f).stat().st_size for f in files)
    digest = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
    listing = {"version": digest, "bytes": size, "files": files}
    (site_dir / INDEX_DIR / "offline.json").write_text(json.dumps(listing), encoding="utf-8")


def searched(page_html: str) -> str:
    """What Pagefind reads of a built page: its ``<html>`` tag (the language), its title, and the
    page from its ``data-pagefind-body`` element to the end of the article, since Pagefind indexes
    nothing outside that element. The rest (the head, the navigation) was half of what was encoded
    and sent at 5,000 items (30 MB of pages sent whole, 15 MB now)."""
    start = page_html.find(_BODY)
    end = page_html.rfind(_ARTICLE_END)  # the page's article (Material's), which holds the body
    html_tag = _HTML_TAG.search(page_html, 0, start)
    if start < 0 or end < start or html_tag is None:
        return page_html
    title = _TITLE.search(page_html, 0, start)
    return f"{html_tag[0]}<head>{title[0] if title else ''}</head><body>{page_html[start:end]}</body></html>"


def _readable(path: Path, seconds: float = 2.0) -> bool:
    """Whether ``path`` holds JSON within ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            json.loads(path.read_text(encoding="utf-8"))
            return True
        except (OSError, ValueError):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
