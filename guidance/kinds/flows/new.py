"""``guidance new flow "<the question it answers>"``: a start question and two outcomes to build on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from guidance.kinds.procedures.new import NOTICE_DAYS
from guidance.scaffold import Scaffold, file_text, ident_for, refuse_taken
from guidance.site import SiteData

__all__ = ["new_flow"]


def new_flow(title: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    ident = ident_for(title, "new-flow")
    refuse_taken(ident, "flow", site.sources.get(kind, []))
    data = {
        "id": ident,
        "owner": "TODO: who keeps it up to date",
        "versions": [{
            "version": 1,
            "effective": (site.today + timedelta(days=NOTICE_DAYS)).isoformat(),
            "title": title,
            "purpose": "TODO: what the flow is for and who should use it.",
            "sources": [{"title": "TODO: the statute or guidance the flow follows"}],
            "start": "first-question",
            "nodes": {
                "first-question": {
                    "question": "TODO: the first question?",
                    "answers": [{"label": "Yes", "next": "if-yes"}, {"label": "No", "next": "if-no"}],
                },
                "if-yes": {"outcome": "refer", "title": "TODO: what to do", "text": "TODO: what to do, and by when."},
                "if-no": {"outcome": "no-further-action", "title": "TODO: what to do", "text": "TODO: what to do instead."},
            },
        }],
    }
    return Scaffold(f"{site.data_dir}/flows/{ident}.yml", ident, file_text("../../schemas/flows.schema.json", data))
