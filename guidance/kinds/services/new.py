"""``guidance new service "<name>" [--need money]`` and ``guidance new need "<name>"``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guidance.scaffold import Scaffold, ScaffoldRefused, entry_text, file_text, first_id, ident_for, refuse_taken
from guidance.site import SiteData

__all__ = ["new_need", "new_service"]


def _need(ident: str, name: str) -> dict[str, Any]:
    return {"id": ident, "name": name, "description": f"TODO: who {name} is for, in one short sentence."}


def _service(ident: str, name: str, need: str) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "needs": [need],
        "who": "TODO: who it is for, in plain words.",
        "offers": "TODO: what it offers, in plain words.",
        "contact": {"web": "https://TODO.example.org/"},
        "hours": ["Monday to Friday, 9am to 5pm"],  # change to its real hours, or '24 hours'

        "confidential": True,
        "example": True,  # until its details are real: then remove this and give its source
    }


def new_service(name: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    sources = site.sources.get(kind, [])
    ident = ident_for(name, "new-service")
    refuse_taken(ident, "service", sources, ("services",))
    if not sources:  # the first service: its file, with a need for it to meet
        need = options.get("need") or "TODO-need"
        data = {"needs": [_need(ident_for(need, "need"), need)], "services": [_service(ident, name, ident_for(need, "need"))]}
        return Scaffold(f"{site.data_dir}/services.yml", ident, file_text("../schemas/services.schema.json", data))
    needs = [str(n.get("id")) for n in sources[0].document.data.get("needs", [])]
    need = options.get("need") or first_id(sources, ("needs",)) or ""
    if need not in needs:
        raise ScaffoldRefused(f"no need '{need}' in services.yml; its needs are {', '.join(needs)}")
    return Scaffold(sources[0].document.file, ident, entry_text(_service(ident, name, need)), ("services",))


def new_need(name: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    sources = site.sources.get(kind, [])
    ident = ident_for(name, "new-need")
    refuse_taken(ident, "need", sources, ("needs",))
    if not sources:
        raise ScaffoldRefused(f"{site.data_dir}/services.yml: no such file; add a service first (`guidance new service \"<name>\" --need \"{name}\"`)")
    return Scaffold(sources[0].document.file, ident, entry_text(_need(ident, name)), ("needs",))
