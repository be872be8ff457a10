"""The MkDocs side of ``guidance serve``'s partial rebuilds (the decisions are in
:mod:`guidance.incremental`): which files MkDocs may skip, the pages it keeps, and what it
remembers when a build is done.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import jinja2
from properdocs.config.defaults import MkDocsConfig
from properdocs.structure.files import Files
from properdocs.structure.nav import Navigation

from guidance.engine.embeds import hosts
from guidance.engine.macro_calls import kinds_shown
from guidance.incremental import Built, Memory, digest
from guidance.reads import Snapshot, Watched
from guidance.site import Page, SiteData
from guidance.site_search import page_data

__all__ = ["KeptTemplates", "Macros", "RebuildPlan"]

Macros = tuple[set[str], dict[str, str]]  # the macros' names, and each data variable's kind


class KeptTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once for a whole serve: each rebuild makes a new Jinja
    environment, which would otherwise parse and compile every template again (a third of a
    rebuild of the example). Jinja checks each template's source against the code it kept, so an
    edited template is compiled again."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


class RebuildPlan:
    """Which pages this serve rebuild builds, and what it learns about them as they are built."""

    def __init__(self, shared: str, keys: dict[str, str], stale: set[str], files: Files, macros: dict[str, set[str]]):
        self.shared, self.keys, self.stale = shared, keys, stale
        self.macros = macros  # hand-written pages whose macros' reads are noted, with the kinds they print
        self.linked: dict[str, frozenset[str]] = {}
        self.shown: dict[str, Snapshot | None] = {}  # what those pages' macros read as they were built
        self.troubled: set[str] = set()  # pages whose building found problems
        self.watching: dict[str, Watched] = {}  # the data as those pages' macros read it, while they render
        self.outputs = {f.src_uri: f.dest_uri for f in files.documentation_pages()}

    @classmethod
    def make(cls, memory: Memory, nav: Navigation, config: MkDocsConfig, files: Files, pages: list[Page],
             site: SiteData, data_version: int, macros: Macros) -> RebuildPlan:
        """Decide which pages to build; MkDocs skips the rest in a dirty build (``File.is_modified``).

        ``pages`` are the generated pages; ``data_version`` changes whenever the data does;
        ``macros`` the names of the macros and of the data's variables (with their kinds).
        """
        generated = {p.path: p.markdown for p in pages}
        for page in nav.pages:  # their titles are in every page's navigation: read them now
            page.read_source(config)
        documents = files.documentation_pages()
        keys, followed, texts = {}, {}, dict(generated)
        paths = {f.src_uri for f in documents}
        for f in documents:
            if f.src_uri in generated:
                keys[f.src_uri] = digest(generated[f.src_uri])
                continue
            text = texts[f.src_uri] = f.content_string
            shown = kinds_shown(text, *macros) if "{" in text else set()
            keys[f.src_uri] = digest(text, data_version if shown is None else "", _linked_pages(f.src_uri, text, paths))
            if shown is not None and "{" in text:
                followed[f.src_uri] = shown
        site_dir = Path(config.site_dir)
        shared = _shared(nav, config, site)
        shown = {path for path in followed if (built := memory.pages.get(path)) is None or built.data is None
                 or not built.data.holds(site)}
        stale = memory.stale(shared, keys, site.glossary, texts, shown) | {
            f.src_uri for f in documents if not (site_dir / f.dest_uri).is_file()}
        stale |= {host for host, shown in hosts(pages).items() if stale.intersection(shown)}  # a pack and its briefings
        for file in documents:
            file.is_modified = (lambda built=file.src_uri in stale: built)  # type: ignore[method-assign,misc]
        return cls(shared, keys, stale, files, followed)

    def watch(self, path: str, site: SiteData) -> SiteData:
        """The data as ``path``'s macros will read it: noted, if the page is followed."""
        if path not in self.macros:
            return site
        watched = self.watching[path] = Watched(site)
        watched.reads.update(self.macros[path])
        return watched

    def built(self, path: str, site: SiteData) -> None:
        """``path`` has been rendered: keep what its macros read."""
        if path in self.watching:
            self.shown[path] = Snapshot.of(site, self.watching.pop(path))

    def addresses(self) -> list[tuple[str, str]]:
        """Each page's address and its file in the site."""
        return [("/" + output.removesuffix("index.html"), output) for output in self.outputs.values()]

    def finish(self, memory: Memory, site: SiteData, site_dir: Path) -> None:
        """Remember this build; delete the pages that are gone."""
        for path, built in memory.pages.items():
            if path not in self.keys:
                (site_dir / built.file).unlink(missing_ok=True)
        pages = {
            path: Built(key, self.linked.get(path, frozenset()), self.outputs[path], self.shown.get(path), path in self.troubled)
            if path in self.stale else memory.pages[path]
            for path, key in self.keys.items()
        }
        memory.remember(self.shared, site.glossary, pages)


_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)#\s>]+\.md)")


def _linked_pages(path: str, text: str, pages: set[str]) -> list[tuple[str, bool]]:
    """Each page ``text`` links to, and whether it exists: a hand-written page is built again when
    an edit adds or removes a page it links, so that its link works again or is reported."""
    folder = posixpath.dirname(path)
    found = []
    for target in _MARKDOWN_LINK.findall(text):
        resolved = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
        found.append((resolved, resolved in pages))
    return found


def _shared(nav: Navigation, config: MkDocsConfig, site: SiteData) -> str:
    """A digest of what every page shows: navigation, settings, theme and the data search adds."""
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    theme = sorted((p.as_posix(), p.stat().st_mtime_ns) for p in custom.rglob("*") if p.is_file()) if custom else []
    return digest(_outline(nav.items), config.site_name, config.site_description, config.extra, site.partnership,
                  Path(config.config_file_path).read_text(encoding="utf-8"), theme, page_data(site))


def _outline(items: list[Any]) -> list[Any]:
    """The navigation as titles and addresses."""
    return [(item.title, getattr(item, "url", None), _outline(getattr(item, "children", None) or [])) for item in items]
