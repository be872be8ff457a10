"""The partnership kind: one file, ``data/partnership.yml``."""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..models import Partnership
from ..site import Source
from ..validate import duplicate_ids, unknown_reference
from . import Kind

__all__ = ["PartnershipKind"]


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
