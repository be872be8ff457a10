"""Make Pagefind's index the same, byte for byte, for the same pages.

Pagefind 1.5 writes its word fragments stably, but lists each filter's values, and the filters
in its metadata, in the order of a Rust hash map: two builds of the same sources differed in
three files and their names, so every deploy and every reader's cache saw a change that was not
there. This rewrites those files in a fixed order, names them by a hash of what they hold, and
points the entry file at the new names. The contents are otherwise unchanged; search reads them
as before (docs/decisions/0013-reproducible-builds.md).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import cbor2

__all__ = ["stabilise"]

_SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _write(folder: Path, language: str, suffix: str, data: Any, length: int) -> str:
    """Write ``data`` as a Pagefind file named by its content's hash; return the name's hash part."""
    raw = _SIGNATURE + cbor2.dumps(data)
    name = f"{language}_{hashlib.sha256(raw).hexdigest()[:length]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def stabilise(index_dir: Path) -> None:
    """Rewrite ``index_dir``'s filter files, metadata and entry file in a fixed order."""
    entry_path = index_dir / "pagefind-entry.json"
    entry = _entry(entry_path)
    for language, details in entry["languages"].items():
        meta_path = index_dir / f"pagefind.{details['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and all(isinstance(f, list) and len(f) == 2 for f in meta[3])):
            return  # a layout this was not written for: leave Pagefind's files as they are
        filters = []
        for name, old in meta[3]:
            filter_path = index_dir / "filter" / f"{old}.pf_filter"
            found = _read(filter_path)
            found[1] = sorted(found[1], key=lambda value: value[0])
            filter_path.unlink()
            filters.append([name, _write(index_dir / "filter", language, ".pf_filter", found, len(old) - len(language) - 1)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        fresh = _write(index_dir, language, ".pf_meta", meta, len(details["hash"]) - len(language) - 1)
        (index_dir / f"{fresh}.pf_meta").rename(index_dir / f"pagefind.{fresh}.pf_meta")
        details["hash"] = fresh
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _entry(path: Path, tries: int = 20) -> Any:
    """Pagefind's entry file. It has answered "written" before now, and then an empty file was read
    once in hundreds of builds (a write still being flushed, on a busy machine): read it again for a
    moment before giving up, and then say which file, not only what JSON said."""
    for attempt in range(tries):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            if attempt == tries - 1:
                raise ValueError(f"Pagefind's {path.name} could not be read ({exc})") from None
            time.sleep(0.1)
    raise AssertionError("unreachable")
