"""``guidance new procedure "<title>"`` and ``guidance new procedure-version <procedure id>``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from guidance.scaffold import Scaffold, ScaffoldRefused, entry_text, file_text, ident_for, refuse_taken
from guidance.site import SiteData

__all__ = ["new_procedure", "new_version"]

# A new version comes into force this many days after it is written, unless its editor says
# otherwise: time to read it, and never a change to what is in force today.
NOTICE_DAYS = 28


def new_procedure(title: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    ident = ident_for(title, "new-procedure")
    refuse_taken(ident, "procedure", site.sources.get(kind, []))
    today = site.today
    data = {
        "id": ident,
        "group": "TODO: the section of the procedures list it belongs to",
        "owner": "TODO: who keeps it up to date",
        "reviewed": today.isoformat(),
        "review_due": (today + timedelta(days=365)).isoformat(),
        "versions": [{
            "version": 1,
            "effective": (today + timedelta(days=NOTICE_DAYS)).isoformat(),
            "change": "major",
            "title": title,
            "summary": "TODO: what the procedure is for, in one or two sentences.",
            "scope": "TODO: when it applies.",
            "applies_to": ["TODO: who must follow it, one role or agency per item"],
            "steps": [{"id": "first-step", "title": "TODO: the first step", "text": "TODO: what to do."}],
        }],
    }
    return Scaffold(f"{site.data_dir}/procedures/{ident}.yml", ident, file_text("../../schemas/procedures.schema.json", data))


def new_version(procedure: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    """One more version of an existing procedure: it keeps the last version's text until the
    editor writes what changes (only the fields a version gives change)."""
    source = next((s for s in site.sources.get(kind, []) if s.document.data.get("id") == procedure), None)
    if source is None:
        known = [str(s.document.data.get("id")) for s in site.sources.get(kind, [])]
        raise ScaffoldRefused(f"no procedure '{procedure}'" + (f"; the procedures are {', '.join(known)}" if known else ""))
    versions = source.document.data["versions"]
    last = max(str(v["effective"]) for v in versions)
    effective = max(site.today + timedelta(days=NOTICE_DAYS), date.fromisoformat(last) + timedelta(days=1))
    number = max(int(v["version"]) for v in versions) + 1
    entry = {"version": number, "effective": effective.isoformat(), "change": "major", "note": "TODO: what changed, in one sentence."}
    return Scaffold(source.document.file, f"{procedure} version {number}", entry_text(entry), ("versions",))

