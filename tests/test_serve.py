"""`guidance serve`: the example site on a local port, rebuilt when data/ changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, wanted: str, timeout: float = 30) -> str:
    """The page at ``url`` once it contains ``wanted``; fails after ``timeout`` seconds."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode()
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {wanted!r}; last body had {len(body)} characters")


def test_serve_rebuilds_when_a_yaml_source_changes(example: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "guidance", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=example, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/glossary/"
        fetch(url, "Team around the family")
        glossary = example / "data/glossary.yml"
        glossary.write_text(glossary.read_text().replace("term: Team around the family", "term: Team around the child"))
        body = fetch(url, "Team around the child")
        assert "Team around the family" not in body
        assert "livereload" in body  # the page reloads itself when the build changes
        # The search index is rebuilt with the pages.
        assert '"languages"' in fetch(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json", '"languages"')
    finally:
        server.terminate()
        server.wait(timeout=10)
