"""Offline: what a practitioner needs with no signal, saved by the browser after one visit, as one
set per build (decision docs/decisions/0016-offline.md).

The build lists the set in ``offline.json``: the essential pages (the home page, search, and the
pages of each kind ``offline.keep`` names in data/partnership.yml), every file those pages load,
and the search index. It writes the worker that saves it, ``offline-worker.js``, stamped with the
build's id: a new build is a new worker, which the browser fetches on the next visit online; the
worker saves the new set beside the old one and drops the old only once every file has arrived.
The id is also in every page (``<meta name="guidance-build">``), so the worker keeps a page a
reader opens only if it is of the same build as the set.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from guidance.errors import Problem, Severity, suggest
from guidance.kind import Kind
from guidance.render.markdown import front_matter, page_url, relative_to_page
from guidance.site import Page, SiteData

__all__ = ["FALLBACK_PAGE", "LISTING", "PAGE_SCRIPT", "WORKER", "SavedSet", "build_id", "budget_problem",
           "essentials", "keep_problems", "listing", "offline_pages", "report", "saved_pages", "saved_set"]

LISTING = "offline.json"
WORKER = "offline-worker.js"  # at the root: a worker serves only the pages at or below its folder
RETIRED_WORKER = "search-worker.js"  # the worker of earlier builds: it now removes itself and its cache
FALLBACK_PAGE = "offline.md"  # shown for a page that was not saved, when there is no signal
HOME_PAGE = "index.md"
PAGE_SCRIPT = "assets/guidance/offline.js"  # on every page: registers the worker, says how current the page is
ASSETS = Path(__file__).parent / "assets"

# A tag that makes the browser fetch what it names, and the address in it.
_TAG = re.compile(r"<(script|link|img|source)\b([^>]*)>", re.IGNORECASE)
_ADDRESS = re.compile(r"\s(?:src|href)\s*=\s*\"([^\"]+)\"", re.IGNORECASE)
_REL = re.compile(r"\srel\s*=\s*\"([^\"]*)\"", re.IGNORECASE)
_FETCHED_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "modulepreload", "preload"}


@dataclass(frozen=True)
class SavedSet:
    """The files saved for offline (site-relative URLs, ``""`` for the home page) and their size."""

    files: list[str]
    bytes: int  # as stored in the browser
    compressed: int  # as downloaded from a host that compresses (gzip)

    @property
    def megabytes(self) -> float:
        return self.bytes / 1_000_000

    def plus(self, site_dir: Path, files: Iterable[str]) -> SavedSet:
        """This set and those of ``files`` that the site has, each measured once."""
        have = set(self.files)
        added = [f for f in dict.fromkeys(files) if f not in have and _file(site_dir, f) is not None]
        total, compressed = self.bytes, self.compressed
        for url in added:
            data = _file(site_dir, url).read_bytes()  # type: ignore[union-attr]
            total += len(data)
            compressed += len(gzip.compress(data, compresslevel=6, mtime=0))
        return SavedSet([*self.files, *added], total, compressed)


def build_id(inputs: Iterable[Path], generated: Iterable[str], version: str) -> str:
    """The same for the same sources, generated pages and version of this tool, wherever they are
    built; different when any changes. The generated pages stand for the day: a nightly build in
    which nothing comes into force keeps the id, so readers are not sent the same set again."""
    digest = hashlib.sha256(f"{version}\0".encode())
    for folder in inputs:
        files = sorted(folder.rglob("*")) if folder.is_dir() else [folder] if folder.exists() else []
        for path in files:
            if path.is_file():
                name = path.relative_to(folder).as_posix() if folder.is_dir() else path.name
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for markdown in generated:
        digest.update(markdown.encode() + b"\0")
    return digest.hexdigest()[:12]


def essentials(site: SiteData, kinds: Sequence[Kind]) -> list[str]:
    """The pages (docs paths) saved after one visit: home, search, the page shown for a page not
    saved, and each kept kind's own choice."""
    keep = site.partnership.offline.keep
    pages = [HOME_PAGE, "search.md", FALLBACK_PAGE]
    for kind in kinds:
        if kind.name in keep and kind.name in site.content:
            pages += [p for p in kind.offline_pages(site) if p not in pages]
    return pages


def keep_problems(site: SiteData, kinds: Sequence[Kind]) -> list[Problem]:
    """``offline.keep`` names kinds that have pages to save, each once."""
    offers = [k.name for k in kinds if type(k).offline_pages is not Kind.offline_pages]
    doc = site.sources["partnership"][0].document
    problems, seen = [], set()
    for i, name in enumerate(site.partnership.offline.keep):
        if name not in offers:
            problems.append(doc.problem(("offline", "keep", i), f"expected a kind with pages to save for offline "
                                                                 f"({', '.join(offers)}), got '{name}'{suggest(name, offers)}"))
        elif name in seen:
            problems.append(doc.problem(("offline", "keep", i), f"'{name}' is named twice"))
        seen.add(name)
    return problems


def saved_set(site_dir: Path, pages: Iterable[str], also: Iterable[str]) -> SavedSet:
    """``pages`` (site-relative URLs of built pages) with every file they load from this site, and
    ``also`` (files loaded by script: the search index, the lexicon)."""
    return saved_pages(site_dir, pages).plus(site_dir, also)


def saved_pages(site_dir: Path, pages: Iterable[str]) -> SavedSet:
    """``pages`` with every file they load from this site (what :func:`saved_set` adds ``also`` to)."""
    files: dict[str, None] = {}
    for url in pages:
        page = _file(site_dir, url)
        if page is None:
            continue
        files[url] = None
        for address in _loaded(page.read_text(encoding="utf-8")):
            found = _resolve(url, address)
            if found is not None and _file(site_dir, found) is not None:
                files[found] = None
    return SavedSet([], 0, 0).plus(site_dir, files)


def budget_problem(site: SiteData, saved: SavedSet) -> Problem | None:
    budget = site.partnership.offline.budget_mb
    if saved.megabytes <= budget:
        return None
    doc = site.sources["partnership"][0].document
    return doc.problem(("offline", "budget_mb"), f"the pages saved for offline weigh {saved.megabytes:.1f} MB, over "
                       f"the budget of {budget:g} MB: name fewer kinds in offline.keep, or raise offline.budget_mb",
                       severity=Severity.WARNING)


def listing(saved: SavedSet, build: str, published: date, changes: str, budget_mb: float) -> str:
    """``offline.json``: what the worker saves, and what the pages say of it."""
    return json.dumps({"build": build, "published": published.isoformat(), "changes": changes,
                       "bytes": saved.bytes, "compressed": saved.compressed, "budget": int(budget_mb * 1_000_000),
                       "files": saved.files}, indent=0)


def report(site_dir: Path) -> str | None:
    """One line on what a built site saves for offline, from its ``offline.json``."""
    path = site_dir / LISTING
    if not path.is_file():
        return None
    saved = json.loads(path.read_text(encoding="utf-8"))
    return (f"offline: {len(saved['files'])} files saved after one visit, {saved['bytes'] / 1e6:.1f} MB "
            f"({saved['compressed'] / 1e6:.1f} MB to download compressed), budget {saved['budget'] / 1e6:g} MB")


def offline_pages(site: SiteData, kinds: Sequence[Kind], build: str) -> list[Page]:
    """The worker (stamped with ``build``), the script every page loads, the page shown for a page
    not saved, and the earlier builds' worker, which now removes itself."""
    worker = (ASSETS / WORKER).read_text(encoding="utf-8")
    worker = worker.replace('"%BUILD%"', json.dumps(build)).replace('"%FALLBACK%"', json.dumps(page_url(FALLBACK_PAGE)))
    return [
        Page(WORKER, worker),
        Page(RETIRED_WORKER, (ASSETS / RETIRED_WORKER).read_text(encoding="utf-8")),
        Page(PAGE_SCRIPT, (ASSETS / "offline.js").read_text(encoding="utf-8")),
        Page(FALLBACK_PAGE, fallback_page(site, kinds)),
    ]


def fallback_page(site: SiteData, kinds: Sequence[Kind]) -> str:
    """What a reader sees, with no signal, for a page this device has not saved."""
    keep = site.partnership.offline.keep
    saved = [("Home", HOME_PAGE)] + [k.browse for k in kinds if k.name in keep and k.name in site.content and k.browse]
    links = "\n".join(f"- [{title}]({relative_to_page(path, FALLBACK_PAGE)})" for title, path in saved)
    return (
        front_matter(title="You are offline", description="This page has not been saved on this device.",
                     hide=["toc"], search={"exclude": True}, sitemap=False)
        + "# You are offline\n\n"
        + "This page has not been saved on this device, so it cannot be shown until you have signal again.\n\n"
        + '<p data-gl-offline-retry hidden><a href="./">Try the page again</a></p>\n\n'
        + "These pages are saved and can be read now:\n\n"
        + links + "\n\n"
        + f"[Search]({relative_to_page('search.md', FALLBACK_PAGE)}) works offline too.\n\n"
        + f"{site.partnership.emergency}\n"
    )


def _loaded(html: str) -> list[str]:
    found = []
    for tag in _TAG.finditer(html):
        name, attributes = tag.group(1).lower(), tag.group(2)
        if name == "link":
            rel = _REL.search(attributes)
            if rel is None or not _FETCHED_RELS & set(rel.group(1).lower().split()):
                continue
        address = _ADDRESS.search(attributes)
        if address:
            found.append(address.group(1))
    return found


def _resolve(page: str, address: str) -> str | None:
    """A site-relative URL for an address written in the page at ``page``, or None if elsewhere."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join("/" + posixpath.dirname("/" + page + "x")[1:], parts.path))
    if path.startswith("/.."):
        return None
    return path.lstrip("/") + ("/" if parts.path.endswith("/") and path != "/" else "")


def _file(site_dir: Path, url: str) -> Path | None:
    path = site_dir / (url + "index.html" if url.endswith("/") or url == "" else url)
    return path if path.is_file() else None
