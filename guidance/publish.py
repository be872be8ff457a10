"""Build somewhere else, then swap: a failed build never leaves a half-written site.

The new site is built in a folder beside the old one and exchanged with it in one step
(Linux's ``renameat2`` with ``RENAME_EXCHANGE``), so a reader never finds no site at all;
where that call does not exist, two renames close together do. A build that was killed
leaves its folder behind: the next build removes every such folder whose process has gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["exchange", "staged_site"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@contextmanager
def staged_site(site_dir: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``site_dir``; on success it replaces ``site_dir``, on failure it goes."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read it
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    if exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old site now
        return
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (not Linux, old kernel)."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def _remove_abandoned(site_dir: Path) -> None:
    """Folders left beside the site by builds that were killed (their process is gone)."""
    pattern = re.compile(rf"^\.{re.escape(site_dir.name)}-(?:new|old)-(\d+)(?:-|$)")
    folders = [*site_dir.parent.glob(f".{site_dir.name}-new-*"), *site_dir.parent.glob(f".{site_dir.name}-old-*")]
    for folder in folders:
        found = pattern.match(folder.name)
        if folder.is_dir() and (found is None or not _alive(int(found.group(1)))):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
