"""Write the search index for a built site with Pagefind (decision: docs/decisions/0007-search.md).

Pagefind reads the built pages (only what a page's template marks ``data-pagefind-body``) and
the records :mod:`guidance.search` makes from the data, and writes a chunked index into
``pagefind/``: a visitor downloads the chunks for the words they type, not the whole site.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import tempfile
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .search import Entry, record_html

__all__ = ["INDEX_DIR", "write_index"]

INDEX_DIR = "pagefind"

# Entries that are records of their own: the page lists them, search finds each one.
LISTED = [".gl-indicators", ".gl-finder-list", ".gl-matrix", ".gl-service", ".headerlink"]


# Pagefind's own ready-made interfaces: the search page is ours (assets/search.js).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def write_index(site_dir: Path, records: list[Entry]) -> list[str]:
    """Index ``site_dir`` and the records into ``site_dir/pagefind``; return the files search needs."""
    asyncio.run(_write(site_dir, records))
    out = site_dir / INDEX_DIR
    for pattern in UNUSED:
        for path in out.glob(pattern):
            path.unlink()
    # Every page is indexed as English, so the fallback for other languages is never loaded.
    files = sorted(p.relative_to(site_dir).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "wasm.unknown.pagefind")
    _write_offline_list(site_dir, files)
    return files


async def _write(site_dir: Path, records: list[Entry]) -> None:
    # Closing the index writes it, to ``output_path``: there is no separate write (a second one
    # would go to ./pagefind of whatever folder the build runs in).
    config = IndexConfig(exclude_selectors=LISTED, force_language="en", output_path=str(site_dir / INDEX_DIR))
    # Records go in as files of their own folder, a single request: the Python API answers one
    # request per tenth of a second, which is minutes for a few thousand records one by one. Each
    # record carries its real address (``href``) in its details.
    with tempfile.TemporaryDirectory(prefix="guidance-records-") as folder:
        for i, record in enumerate(records):
            (Path(folder) / f"{i}.html").write_text(record_html(record), encoding="utf-8")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(site_dir))
            if records:
                await index.add_directory(folder)


def _write_offline_list(site_dir: Path, files: list[str]) -> None:
    """The index's files and their total size, for the service worker that keeps search working offline."""
    size = sum((site_dir / f).stat().st_size for f in files)
    digest = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
    listing = {"version": digest, "bytes": size, "files": files}
    (site_dir / INDEX_DIR / "offline.json").write_text(json.dumps(listing), encoding="utf-8")
