"""The glossary kind: ``data/glossary.yml`` or any number of files in ``data/glossary/``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.glossary.model import GlossaryFile
from guidance.kinds.glossary.pages import GLOSSARY_PAGE, PLAIN_PAGE, glossary_page, plain_glossary_page
from guidance.kinds.glossary.terms import GLOSSARY, Glossary
from guidance.references import Target, Targets
from guidance.registry import backlinks
from guidance.render.markdown import page_url
from guidance.scaffold import Scaffold, entry_text, file_text, ident_for, refuse_taken
from guidance.search import IN_GLOSSARY, LEFT_OUT, PRACTITIONERS, PUBLIC, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, unknown_reference

__all__ = ["GlossaryKind"]


class GlossaryKind(Kind):
    name = GLOSSARY.name
    patterns = ("glossary.yml", "glossary/*.yml")
    model = GlossaryFile
    link_kinds = ("glossary",)
    entry_types = ("glossary-term",)

    browse = ("Glossary, A to Z", GLOSSARY_PAGE)

    def search_records(self, site: SiteData) -> list[Entry]:
        glossary = page_url(GLOSSARY_PAGE)
        terms = [
            Entry(f"{glossary}#{t.id}", t.term, IN_GLOSSARY, "Glossary term", PRACTITIONERS,
                  names=tuple(t.names), text=f"{t.definition}\n{t.plain}")
            for t in site.glossary.terms
        ]
        lists = [
            Entry(glossary, "Glossary: words used in safeguarding", IN_GLOSSARY, "Glossary", PRACTITIONERS,
                  names=("glossary", "jargon buster")),
            Entry(page_url(PLAIN_PAGE), "Words we use, explained", IN_GLOSSARY, "Glossary in plain English", PUBLIC,
                  names=("words we use explained", "plain english glossary", "jargon buster")),
        ]
        return lists + terms

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        # The glossaries only list terms: search finds each term, and each list as a record of its own.
        return LEFT_OUT if page.path in (GLOSSARY_PAGE, PLAIN_PAGE) else None

    def combine(self, sources: list[Source[Any]]) -> tuple[Glossary, list[Problem]]:
        located = [(t.id, s.document, ("terms", i, "id")) for s in sources for i, t in enumerate(s.model.terms)]
        problems = duplicate_ids(located, "term")
        glossary = Glossary([t for s in sources for t in s.model.terms])
        for source in sources:
            for i, term in enumerate(source.model.terms):
                for j, ref in enumerate(term.related):
                    if ref not in glossary.by_id:
                        path = ("terms", i, "related", j)
                        problems.append(unknown_reference(source.document, path, "term", ref, list(glossary.by_id)))
        return glossary, problems

    def offline_pages(self, site: SiteData) -> list[str]:
        return [GLOSSARY_PAGE]  # the plain-English glossary is a public page: saved only if a reader asks

    def pages(self, site: SiteData) -> list[Page]:
        return [
            Page(GLOSSARY_PAGE, glossary_page(site.glossary, site.partnership.name, _learning(site))),
            Page(PLAIN_PAGE, plain_glossary_page(site.glossary)),
        ]

    def targets(self, site: SiteData) -> Targets:
        return {"glossary": {t.id: Target(t.term, GLOSSARY_PAGE, t.id) for t in site.glossary.terms}}

    def public_text(self, site: SiteData) -> list[tuple[Any, list[tuple[Any, str]]]]:
        # The plain-English meanings are the public glossary page.
        return [
            (s.document, [(("terms", i, "plain"), t.plain) for i, t in enumerate(s.model.terms)])
            for s in site.sources[self.name]
        ]

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        ident = ident_for(title, "new-term")
        files = site.sources.get(self.name, [])
        refuse_taken(ident, "glossary term", files, ("terms",))
        entry = {
            "id": ident,
            "term": title,
            "definition": f"TODO: what {title} means for practitioners.",
            "plain": f"TODO: what {title} means, in everyday words.",
            "source": {"title": "TODO: the statute or guidance it comes from"},
        }
        if files:
            return Scaffold(files[-1].document.file, ident, entry_text(entry), ("terms",))
        return Scaffold(f"{site.data_dir}/glossary.yml", ident, file_text("../schemas/glossary.schema.json", {"terms": [entry]}))


def _learning(site: SiteData) -> dict[str, list[tuple[str, str]]]:
    """For each term, the learning briefs that link to it, as (title, docs file)."""
    found = backlinks(site, "briefs")
    return {
        t.id: [(b.title, b.page) for b in found.get(f"{GLOSSARY_PAGE}#{t.id}", [])]
        for t in site.glossary.terms
    }
