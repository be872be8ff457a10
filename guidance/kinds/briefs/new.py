"""``guidance new brief "<title>" [--theme id]`` and ``guidance new theme "<name>"``."""

from __future__ import annotations

from collections.abc import Mapping

from guidance.scaffold import Scaffold, ScaffoldRefused, entry_text, file_text, first_id, ident_for, refuse_taken
from guidance.site import SiteData

__all__ = ["new_brief", "new_theme"]


def new_theme(name: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    sources = site.sources.get(kind, [])
    ident = ident_for(name, "new-theme")
    refuse_taken(ident, "theme", sources, ("themes",))
    entry = {"id": ident, "name": name, "description": f"TODO: what {name} covers, in one or two sentences."}
    if not sources:
        return Scaffold(f"{site.data_dir}/themes.yml", ident, file_text("../schemas/themes.schema.json", {"themes": [entry]}))
    return Scaffold(sources[0].document.file, ident, entry_text(entry), ("themes",))


def new_brief(title: str, site: SiteData, options: Mapping[str, str], kind: str, themes_kind: str) -> Scaffold:
    ident = ident_for(title, "new-brief")
    refuse_taken(ident, "brief", site.sources.get(kind, []))
    themes = site.sources.get(themes_kind, [])
    known = [str(t.get("id")) for s in themes for t in s.document.data.get("themes", [])]
    theme = options.get("theme") or first_id(themes, ("themes",))
    if theme is None:
        raise ScaffoldRefused(f"{site.data_dir}/themes.yml: no themes yet; add one first (`guidance new theme \"<name>\"`)")
    if theme not in known:
        raise ScaffoldRefused(f"no theme '{theme}' in themes.yml; its themes are {', '.join(known)}")
    data = {
        "id": ident,
        "title": title,
        "summary": "TODO: the learning in one or two sentences.",
        "review": {"type": "rapid-review", "child": "Child TODO", "published": site.today.isoformat()},
        "themes": [theme],
        "background": "TODO: what happened, briefly and without identifying anyone.",
        "why_it_matters": "TODO: why this learning matters to practice.",
        "key_information": ["TODO: a fact or finding to know"],
        "worked_well": ["TODO: what worked well"],
        "reflect": ["TODO: a question for team discussion?"],
        "actions": {"practitioners": ["TODO: what practitioners should do differently"], "managers": []},
    }
    return Scaffold(f"{site.data_dir}/briefs/{ident}.yml", ident, file_text("../../schemas/briefs.schema.json", data))
