"""Offline and installable, wired to the engine: the worker, manifest and fallback page before the
build; the icons and the list of what is saved once the pages and the search index are written
(guidance/offline.py, guidance/webapp.py, decision 0016)."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from properdocs.plugins import get_plugin_logger

from guidance.indexer import INDEX_DIR
from guidance.offline import (
    LISTING,
    SavedSet,
    budget_problem,
    build_id,
    essentials,
    listing,
    offline_pages,
    saved_pages,
)
from guidance.registry import KINDS
from guidance.render.markdown import page_url
from guidance.render.search import LEXICON, QUERY_SCRIPT
from guidance.site import Page, SiteData
from guidance.webapp import ICONS, MANIFEST, icon_png, manifest, primary_colour

__all__ = ["offline_pages_saved", "offline_sources", "write_offline"]

log = get_plugin_logger("guidance")
SERVING = "serving"  # the build id in `guidance serve`, which saves nothing for offline


def offline_sources(config: Any, site: SiteData, made: list[Page], serving: bool) -> list[Page]:
    """The generated files, and what the theme prints (``config.extra.guidance``): the build's id
    (from the sources and ``made``, the pages made from them), whether pages register the worker,
    the theme colour."""
    inputs = [Path(config.docs_dir), site_data_dir(config), Path(config.config_file_path or "mkdocs.yml")]
    generated = (page.markdown for page in made)
    build = SERVING if serving else build_id(inputs, generated, version("safeguarding-guidance"))
    colour = primary_colour(_material(config), config.theme.get("palette"))
    p = site.partnership
    config.extra["guidance"].update(build=build, offline=not serving, colour=colour)
    return [*offline_pages(site, KINDS, build), Page(MANIFEST, manifest(p.name, p.short_name, p.description, colour))]


def offline_pages_saved(site_dir: Path, site: SiteData, config: Any) -> SavedSet:
    """The icons; then the pages saved after one visit and what they load, measured. The build
    does this while Pagefind writes the search index, which :func:`write_offline` then adds."""
    colour = config.extra["guidance"]["colour"]
    for path, size, purpose in ICONS:
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(icon_png(site.partnership.short_name, size, purpose, colour))
    return saved_pages(site_dir, [page_url(p) for p in essentials(site, KINDS)])


def write_offline(site_dir: Path, site: SiteData, config: Any, pages: SavedSet) -> None:
    """``offline.json``: what the worker saves (``pages``, then the files scripts load); the size
    reported, and checked against the budget in data/partnership.yml."""
    index = site_dir / INDEX_DIR / "offline.json"
    search_files = _index_files(index)
    also = [LEXICON, QUERY_SCRIPT, MANIFEST, *(path for path, _, _ in ICONS), *search_files]
    saved = pages.plus(site_dir, also)
    changes = next((k.changes_page for k in KINDS if k.changes_page and k.name in site.content), "index.md")
    budget = site.partnership.offline.budget_mb
    (site_dir / LISTING).write_text(listing(saved, config.extra["guidance"]["build"], site.today, page_url(changes), budget),
                                    encoding="utf-8")
    problem = budget_problem(site, saved)
    if problem is not None:  # `guidance build` prints the size either way (guidance.offline.report)
        log.warning(str(problem))


def site_data_dir(config: Any) -> Path:
    plugin = config.plugins.get("guidance")
    return Path(plugin.config.data_dir) if plugin is not None else Path("data")


def _index_files(listing_file: Path) -> list[str]:
    return list(json.loads(listing_file.read_text(encoding="utf-8"))["files"]) if listing_file.exists() else []


def _material(config: Any) -> Path | None:
    """Material's own templates folder (the last of the theme's folders that has its palette)."""
    for folder in reversed(config.theme.dirs):
        if any(Path(folder).glob("assets/stylesheets/palette.*.min.css")):
            return Path(folder)
    return None

