"""Learning briefs (``data/briefs/*.yml``), their themes (``data/themes.yml``) and the anonymity
rules (``data/anonymity.yml``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from guidance.errors import Problem, Severity, format_path
from guidance.kind import Kind
from guidance.kinds.briefs import pages as render
from guidance.kinds.briefs.anonymity import findings, text_fields
from guidance.kinds.briefs.collection import (
    BRIEFS,
    BRIEFS_INDEX,
    MATRIX_PAGE,
    RECOMMENDATIONS_PAGE,
    RESERVED_IDS,
    THEMES_INDEX,
    Briefs,
    brief_page,
    is_overdue,
    pack_page,
    theme_feed,
    theme_page,
)
from guidance.kinds.briefs.model import ANONYMITY, THEMES, AnonymityFile, BriefFile, Theme, ThemesFile
from guidance.kinds.briefs.new import new_brief, new_theme
from guidance.references import Target, Targets, check_references
from guidance.registry import all_targets
from guidance.render.feed import FeedEntry, atom_feed
from guidance.render.markdown import page_url
from guidance.scaffold import Scaffold
from guidance.search import IN_BRIEFS, PRACTITIONERS, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, not_in_future, unknown_reference

__all__ = ["AnonymityKind", "BriefsKind", "ThemesKind"]

ALLOW_HINT = (
    "a brief must not identify a child or family; remove it, or if it identifies no one, "
    "add a reviewed entry to the allow list in data/anonymity.yml"
)


class ThemesKind(Kind):
    name = THEMES.name
    patterns = ("themes.yml",)
    entry_types = ("theme",)
    model = ThemesFile
    required = False
    single = True
    link_kinds = ("theme",)

    def combine(self, sources: list[Source[Any]]) -> tuple[dict[str, Theme], list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        problems = duplicate_ids(((t.id, doc, ("themes", i, "id")) for i, t in enumerate(data.themes)), "theme")
        return {t.id: t for t in data.themes}, problems

    def check(self, site: SiteData) -> list[Problem]:
        doc, data = site.sources[self.name][0].document, site.sources[self.name][0].model
        targets = all_targets(site)
        return check_references(
            doc, ((("themes", i, "links", j), ref) for i, t in enumerate(data.themes) for j, ref in enumerate(t.links)), targets
        )

    def targets(self, site: SiteData) -> Targets:
        themes = site[THEMES]
        return {"theme": {t.id: Target(t.name, theme_page(t.id)) for t in themes.values()}}

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return new_theme(title, site, options, self.name)


class AnonymityKind(Kind):
    name = ANONYMITY.name
    patterns = ("anonymity.yml",)
    model = AnonymityFile
    required = False
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[AnonymityFile, list[Problem]]:
        return sources[0].model, []


class BriefsKind(Kind):
    name = BRIEFS.name
    patterns = ("briefs/*.yml",)
    entry_types = ("brief",)
    model = BriefFile
    required = False
    index_page = BRIEFS_INDEX
    link_kinds = ("brief",)

    browse = ("Learning from reviews", BRIEFS_INDEX)

    def search_records(self, site: SiteData) -> list[Entry]:
        # A theme's pack repeats every briefing, so its page is not searched; the pack is found as
        # what trainers call it, and by the briefings it holds.
        briefs, themes = site[BRIEFS], site.get(THEMES) or {}
        packs = []
        for ident, theme in themes.items():
            held = [b.title for b in briefs.briefs if ident in b.themes]
            if held:
                packs.append(Entry(
                    page_url(pack_page(ident)), f"{theme.name}: all briefings to print", IN_BRIEFS, "Training pack", PRACTITIONERS,
                    names=(f"{theme.name} training pack", f"{theme.name} briefing pack"),
                    keywords=("training pack", "training materials", "handouts", "print"), text=" ".join(held)))
        return packs

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        if "brief" in page.meta:
            b = site[BRIEFS].by_id[page.meta["brief"]]
            themes = site.get(THEMES) or {}
            about = (b.review.child, "7-minute briefing", "learning brief", *(themes[t].name for t in b.themes if t in themes))
            return Entry(page.url, page.title, IN_BRIEFS, "Learning brief", page.audience,
                         names=(page.title, f"{b.review.child} review"), keywords=about)
        if page.path.startswith(BRIEFS_INDEX.removesuffix("index.md")):
            names, keywords = _list_words(page.path, site)
            return Entry(page.url, page.title, IN_BRIEFS, "Learning from reviews", page.audience,
                         names=(page.title, *names), keywords=keywords,
                         text=str(page.meta.get("description") or ""), listing=True)
        return None

    def search_data(self, site: SiteData) -> object:
        return [(t, th.name) for t, th in (site.get(THEMES) or {}).items()]

    def combine(self, sources: list[Source[Any]]) -> tuple[Briefs, list[Problem]]:
        problems = duplicate_ids(((s.model.id, s.document, ("id",)) for s in sources), "brief")
        for source in sources:
            problems += _brief_rules(source)
        unique = {s.model.id: s.model for s in reversed(sources)}
        return Briefs(list(unique.values())), problems

    def check(self, site: SiteData) -> list[Problem]:
        targets = all_targets(site)
        problems: list[Problem] = []
        for source in site.sources[self.name]:
            doc, brief = source.document, source.model
            problems += check_references(doc, ((("themes", i), f"theme:{t}") for i, t in enumerate(brief.themes)), targets)
            problems += check_references(doc, ((("links", i), ref) for i, ref in enumerate(brief.links)), targets)
            problems += _dates(source, site)
        return problems + _anonymity(site)

    def targets(self, site: SiteData) -> Targets:
        briefs: Briefs = site[BRIEFS]
        return {"brief": {b.id: Target(b.title, brief_page(b.id)) for b in briefs}}

    def links(self, site: SiteData) -> list[tuple[str, Target]]:
        briefs: Briefs = site[BRIEFS]
        return [(ref, Target(b.title, brief_page(b.id))) for b in briefs for ref in b.links]

    def nav(self, site: SiteData) -> list[Any]:
        return [{"Themes": THEMES_INDEX}, {"Themes across reviews": MATRIX_PAGE}, {"Recommendations": RECOMMENDATIONS_PAGE}]

    def offline_pages(self, site: SiteData) -> list[str]:
        return [BRIEFS_INDEX, *(brief_page(b.id) for b in site[BRIEFS])]

    def pages(self, site: SiteData) -> list[Page]:
        briefs: Briefs = site[BRIEFS]
        themes: dict[str, Theme] = site.get(THEMES) or {}
        targets = all_targets(site)
        pages = [
            Page(BRIEFS_INDEX, render.index_page(briefs, themes)),
            Page(THEMES_INDEX, render.themes_page(briefs, themes)),
            Page(MATRIX_PAGE, render.matrix_page(briefs, themes)),
            Page(RECOMMENDATIONS_PAGE, render.recommendations_page(briefs, site.today)),
        ]
        brief_pages = {b.id: render.brief_page(b, themes, targets, site) for b in briefs}
        pages += [Page(brief_page(ident), text) for ident, text in brief_pages.items()]
        for theme in themes.values():
            pages.append(Page(theme_page(theme.id), render.theme_page(theme, themes, briefs, targets)))
            pages.append(Page(theme_feed(theme.id), _feed(theme, briefs, site)))
            if briefs.for_theme(theme.id):
                pages.append(Page(pack_page(theme.id), render.pack_page_text(theme, briefs, brief_pages)))
        return pages

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return new_brief(title, site, options, self.name, THEMES.name)


def _brief_rules(source: Source[BriefFile]) -> list[Problem]:
    """Rules within one brief: its address is free, ids and themes are unique, statuses have evidence."""
    doc, brief = source.document, source.model
    problems = []
    if brief.id in RESERVED_IDS:
        problems.append(doc.problem(("id",), f"'{brief.id}' is the address of a page about all briefs: choose another id"))
    problems += duplicate_ids(((t, doc, ("themes", i)) for i, t in enumerate(brief.themes)), "theme")
    problems += duplicate_ids(
        ((r.id, doc, ("recommendations", i, "id")) for i, r in enumerate(brief.recommendations)), "recommendation"
    )
    for i, rec in enumerate(brief.recommendations):
        where = ("recommendations", i)
        if rec.status == "evidenced" and rec.evidence is None:
            problems.append(doc.problem(
                (*where, "status"),
                "expected evidence (how we know practice changed) when the status is 'evidenced', found none: add evidence",
            ))
        if rec.due < brief.review.published:
            published = brief.review.published
            problems.append(doc.problem(
                (*where, "due"), f"expected a due date on or after the review was published ({published}), got {rec.due}"
            ))
    return problems


def _dates(source: Source[BriefFile], site: SiteData) -> list[Problem]:
    """Nothing is published or updated in the future; late recommendations are a notice."""
    doc, brief = source.document, source.model
    problems = not_in_future(doc, ("review", "published"), brief.review.published, site.today)
    for i, rec in enumerate(brief.recommendations):
        problems += not_in_future(doc, ("recommendations", i, "updated"), rec.updated, site.today)
        if is_overdue(rec, site.today):
            problems.append(doc.problem(
                ("recommendations", i, "due"),
                f"recommendation '{rec.id}' of '{brief.id}' was due on {rec.due} and is {rec.status.replace('-', ' ')}: "
                "update its status or due date",
                severity=Severity.NOTICE,
            ))
    return problems


def _anonymity(site: SiteData) -> list[Problem]:
    """Every brief's prose, checked for text that could identify a child or family."""
    if site.has_failed("anonymity"):
        return []  # the allow list could not be read: every allowed finding would be reported
    rules: AnonymityFile = site.get(ANONYMITY) or AnonymityFile()
    used: set[int] = set()
    problems = []
    for source in site.sources["briefs"]:
        doc, ident = source.document, source.model.id
        allowed = {" ".join(a.text.split()): n for n, a in enumerate(rules.allow) if a.brief == ident}
        for path, text in text_fields(doc.data):
            after = None
            for finding in findings(text, rules.names):
                after = doc.find(path, finding.text, after)
                key = " ".join(finding.text.split())
                if key in allowed:
                    used.add(allowed[key])
                    continue
                message = f"looks like {finding.what} ('{finding.text}'): {ALLOW_HINT}"
                problems.append(Problem(doc.file, *after, format_path(path), message))
    return problems + _allow_list(site, rules, used)


def _allow_list(site: SiteData, rules: AnonymityFile, used: set[int]) -> list[Problem]:
    if ANONYMITY not in site:
        return []
    doc = site.sources["anonymity"][0].document
    briefs = [s.model.id for s in site.sources["briefs"]]
    problems = []
    for n, entry in enumerate(rules.allow):
        if entry.brief not in briefs:
            problems.append(unknown_reference(doc, ("allow", n, "brief"), "brief", entry.brief, briefs))
        elif n not in used:
            problems.append(doc.problem(
                ("allow", n, "text"),
                f"'{entry.text}' is no longer found in brief '{entry.brief}': remove this entry",
                severity=Severity.WARNING,
            ))
    return problems


def _feed(theme: Theme, briefs: Briefs, site: SiteData) -> str:
    entries = [
        FeedEntry(f"brief/{b.id}", b.title, brief_page(b.id), b.review.published, b.summary)
        for b in briefs.for_theme(theme.id)
    ]
    p = site.partnership
    return atom_feed(
        entries, title=f"Learning briefs on {theme.name}: {p.name}", author=p.name,
        feed=theme_feed(theme.id), page=theme_page(theme.id), site_url=p.site_url,
    )


def _list_words(path: str, site: SiteData) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What trainers call the pages that gather briefs: a theme's page, the matrix, the tracker."""
    for ident, theme in (site.get(THEMES) or {}).items():
        if path == theme_page(ident):
            return (theme.name, f"{theme.name} theme", f"learning about {theme.name}"), ("theme",)
    if path == MATRIX_PAGE:
        return ("themes and reviews matrix", "reviews and themes"), ("matrix",)
    if path == RECOMMENDATIONS_PAGE:
        return ("recommendations tracker",), ("overdue recommendations", "action plan", "actions")
    return (), ()
