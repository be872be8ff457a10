"""``guidance new indicator "<text>" [--level 2] [--domain parenting]``."""

from __future__ import annotations

from collections.abc import Mapping

from guidance.scaffold import Scaffold, ScaffoldRefused, entry_text, first_id
from guidance.site import SiteData

__all__ = ["new_indicator"]


def new_indicator(text: str, site: SiteData, options: Mapping[str, str], kind: str) -> Scaffold:
    sources = site.sources.get(kind, [])
    if not sources:
        raise ScaffoldRefused(f"{site.data_dir}/thresholds.yml: no such file; write the levels and domains first (see README)")
    data = sources[0].document.data
    levels = [str(x.get("id")) for x in data.get("levels", [])]
    domains = [str(x.get("id")) for x in data.get("domains", [])]
    level = options.get("level") or first_id(sources, ("levels",)) or ""
    domain = options.get("domain") or first_id(sources, ("domains",)) or ""
    for what, given, known in (("level", level, levels), ("domain", domain, domains)):
        if given not in known:
            raise ScaffoldRefused(f"no {what} '{given}' in thresholds.yml; its {what}s are {', '.join(known)}")
    taken = {str(x.get("id")) for x in data.get("indicators", [])}
    number = 1 + sum(1 for i in taken if i.startswith(f"L{level}-{domain}-"))
    while (ident := f"L{level}-{domain}-{number:02d}") in taken:
        number += 1
    entry = {
        "id": ident,
        "level": int(level) if level.isdigit() else level,
        "domain": domain,
        "text": text,
        "examples": ["TODO: what a practitioner might see or hear"],
        "keywords": [],
    }
    return Scaffold(sources[0].document.file, ident, entry_text(entry), ("indicators",))
