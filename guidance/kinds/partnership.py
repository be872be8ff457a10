"""The partnership kind: one file, ``data/partnership.yml``."""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..models import Partnership
from pathlib import Path

from ..site import Page, SiteData, Source
from ..validate import duplicate_ids, unknown_reference
from . import Kind

__all__ = ["EXIT_SCRIPT", "PartnershipKind"]

# "Exit this page", on every public page and every flow (overrides/main.html places the button).
EXIT_SCRIPT = "assets/guidance/exit.js"


class PartnershipKind(Kind):
    name = "partnership"
    patterns = ("partnership.yml",)
    model = Partnership
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[Partnership, list[Problem]]:
        source = sources[0]
        doc, partnership = source.document, source.model
        problems = duplicate_ids(((c.id, doc, ("contacts", i, "id")) for i, c in enumerate(partnership.contacts)), "contact")
        problems += duplicate_ids(((a.id, doc, ("audiences", i, "id")) for i, a in enumerate(partnership.audiences)), "audience")
        if partnership.contact(partnership.main_contact) is None:
            known = [c.id for c in partnership.contacts]
            problems.append(unknown_reference(doc, ("main_contact",), "contact", partnership.main_contact, known))
        return partnership, problems

    def pages(self, site: SiteData) -> list[Page]:
        return [Page(EXIT_SCRIPT, (Path(__file__).parent.parent / "assets" / "exit.js").read_text(encoding="utf-8"))]
