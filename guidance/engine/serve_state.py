"""What ``guidance serve`` keeps from one build to the next, in one place.

The pages' memory (guidance/incremental.py), what each kind made while its data is unchanged
(guidance/reads.py), this build's plan (guidance/engine/rebuild.py) and the search index written
after each build (guidance/engine/serve_index.py). The plugin holds one of these in a dirty serve
and none otherwise; each of its events hands over what it saw.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from properdocs.structure.files import Files

from guidance.engine.rebuild import Macros, RebuildPlan
from guidance.engine.serve_index import IndexAfterBuild
from guidance.incremental import Memory
from guidance.reads import Reuse
from guidance.site import Page, SiteData
from guidance.site_search import records

__all__ = ["ServeState"]


class ServeState:
    def __init__(self, written: Callable[[str], None], failed: Callable[[str], None]) -> None:
        self.memory = Memory()
        self.reuse = Reuse()
        self.later = IndexAfterBuild(written, failed)
        self.plan: RebuildPlan | None = None
        self._problems_before = 0

    def plan_build(self, nav: Any, config: Any, files: Files, pages: list[Page], site: SiteData,
                   data_version: int, macros: Macros) -> tuple[str, str]:
        """Decide which pages this build builds (``pages``: the generated ones). Returns the kinds
        whose pages were made again, and the line that tells the author what is built."""
        plan = self.plan = RebuildPlan.make(self.memory, nav, config, files, pages, site, data_version, macros)
        made = ", ".join(self.reuse.made)
        self.reuse.made.clear()
        built, total = len(plan.stale), len(plan.keys)
        # The author sees which of the pages they wrote show what they edited.
        written = sorted(plan.stale - {p.path for p in pages})
        by_hand = f" ({len(written)} written by hand: {', '.join(written)})" if written and built < total else ""
        return made, f"building {built} of {total} pages{by_hand}" + (": the others are unchanged" if built < total else "")

    def page_starts(self, path: str, site: SiteData, problems: int) -> None:
        """``path`` is about to render; ``problems``: how many this build has met so far."""
        assert self.plan is not None
        self.plan.watch(path, site)  # what its macros read
        self._problems_before = problems

    def data_for(self, path: str, site: SiteData) -> SiteData:
        """The data as ``path``'s macros read it."""
        return self.plan.watching.get(path, site) if self.plan is not None else site

    def page_built(self, path: str, linked: frozenset[str], site: SiteData, problems: int) -> None:
        """``path`` is rendered, linking the terms ``linked``: a page that met problems is built again."""
        assert self.plan is not None
        self.plan.linked[path] = linked
        self.plan.built(path, site)
        if problems > self._problems_before:
            self.plan.troubled.add(path)

    def finish(self, site: SiteData, site_dir: Path, searched: bool) -> None:
        """The build is written: remember it, and write the search index after it (if ``searched``)."""
        assert self.plan is not None
        self.plan.finish(self.memory, site, site_dir)
        if searched:
            self.later.start(site_dir, records(site), self.plan.addresses())

    def failed(self) -> None:
        """The build failed: the next one builds every page."""
        self.memory.forget()
