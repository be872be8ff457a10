"""`guidance serve` in the background, for the benchmark and the tests: it counts finished builds.

MkDocs logs "Documentation built" when a build is done, just before it tells the browser to
reload: waiting for that line is waiting for the reload. The search index follows a moment
later (guidance/engine/serve_index.py), and says so in the log.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from guidance.engine.serve_index import INDEX_WRITTEN

__all__ = ["Serving", "elapsed_until_built"]


class Serving:
    def __init__(self, project: Path, env: dict[str, str] | None = None):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log: list[str] = []
        self._built = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "guidance", "serve", "--dev-addr", f"127.0.0.1:{self.port}"], cwd=project,
            env=env or dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def builds(self) -> int:
        return sum("Documentation built" in line for line in self.log)

    def indexes(self) -> int:
        return sum(INDEX_WRITTEN in line for line in self.log)

    def watching(self) -> bool:
        """Whether the server watches for edits (it starts after the first build)."""
        return any("Serving on" in line for line in self.log)

    def wait_for_build(self, count: int, timeout: float = 600) -> None:
        """Until ``count`` builds have finished and edits are watched; fails with the end of the
        log after ``timeout`` seconds."""
        done = lambda: self.builds() >= count and self.watching()  # noqa: E731
        with self._built:
            if not self._built.wait_for(lambda: done() or self.process.poll() is not None, timeout):
                raise TimeoutError(f"no build {count} in {timeout} s:\n" + "".join(self.log[-20:]))
        if not done():
            raise RuntimeError("guidance serve stopped:\n" + "".join(self.log[-20:]))

    def wait_for_index(self, count: int, timeout: float = 600) -> None:
        """Until the search indexes of ``count`` builds are in place."""
        with self._built:
            if not self._built.wait_for(lambda: self.indexes() >= count or self.process.poll() is not None, timeout):
                raise TimeoutError(f"no index {count} in {timeout} s:\n" + "".join(self.log[-20:]))
        if self.indexes() < count:
            raise RuntimeError("guidance serve stopped:\n" + "".join(self.log[-20:]))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def __enter__(self) -> Serving:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _read(self) -> None:
        for line in self.process.stdout or []:
            with self._built:
                self.log.append(line)
                self._built.notify_all()
        with self._built:
            self._built.notify_all()


def elapsed_until_built(serving: Serving, edit: Callable[[], object]) -> float:
    """Seconds from making ``edit`` until the build it starts has finished."""
    count = serving.builds() + 1
    start = time.perf_counter()
    edit()
    serving.wait_for_build(count)
    return time.perf_counter() - start
