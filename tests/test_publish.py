"""Publishing a build: never a moment without a site, and nothing left beside it by a killed build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from guidance.publish import staged_site
from tests.helpers import EXAMPLE_TODAY, run_cli


def test_readers_always_find_a_site_while_it_is_replaced(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("0")
    missing: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            if not (site / "index.html").exists():
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(1, 200):
            with staged_site(site) as staging:
                (staging / "index.html").write_text(str(n))
    finally:
        stop.set()
        reader.join()
    assert (site / "index.html").read_text() == "199"
    assert missing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_killed_build_leaves_nothing_once_the_next_build_runs(example: Path) -> None:
    env = {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}
    build = subprocess.Popen([sys.executable, "-m", "guidance", "build"], cwd=example, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(example.glob(".site-new-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # part-way through
    build.send_signal(signal.SIGKILL)
    build.wait()
    left = list(example.glob(".site-new-*"))
    assert left, "the build was killed before it began writing"
    assert run_cli("build", cwd=example).returncode == 0
    assert sorted(p.name for p in example.iterdir() if p.name.startswith(".site")) == []
    assert (example / "site/index.html").exists()


def test_another_build_running_keeps_its_folder(tmp_path: Path) -> None:
    """A folder of a build still running (its process is alive) is not removed."""
    site = tmp_path / "site"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        theirs = tmp_path / f".site-new-{other.pid}-abc"
        theirs.mkdir()
        (tmp_path / ".site-new-999999999-x").mkdir()  # no such process
        with staged_site(site) as staging:
            (staging / "index.html").write_text("ok")
        assert sorted(p.name for p in tmp_path.iterdir()) == [theirs.name, "site"]
    finally:
        other.kill()
        other.wait()
