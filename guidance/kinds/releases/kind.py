"""The releases kind: ``data/releases.yml``, named and dated sets of changes across documents."""

from __future__ import annotations

from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.procedures.model import RELEASES, Release, ReleasesFile
from guidance.site import Source
from guidance.validate import duplicate_ids

__all__ = ["ReleasesKind"]


class ReleasesKind(Kind):
    name = RELEASES.name
    patterns = ("releases.yml",)
    model = ReleasesFile
    required = False
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[dict[str, Release], list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        problems = duplicate_ids(((r.id, doc, ("releases", i, "id")) for i, r in enumerate(data.releases)), "release")
        return {r.id: r for r in data.releases}, problems
