"""mkdocs-macros module: thin wrappers over the ``guidance`` package for hand-written pages.

Each macro finds what it needs in the data the guidance plugin loaded, and fails the build
with a clear message when a name is unknown (macros run with ``on_error_fail``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from guidance.engine.macro_errors import calling_line
from guidance.errors import MacroProblem, suggest
from guidance.kinds.briefs.collection import BRIEFS
from guidance.kinds.briefs.model import THEMES
from guidance.kinds.briefs.pages import brief_card as render_brief_card
from guidance.kinds.glossary.pages import GLOSSARY_PAGE, PLAIN_PAGE, term_list, term_reference
from guidance.kinds.glossary.terms import GLOSSARY
from guidance.kinds.partnership.pages import contact_line, for_the_public
from guidance.kinds.procedures.texts import PROCEDURES
from guidance.kinds.thresholds.grid import THRESHOLDS
from guidance.kinds.thresholds.pages import indicator_reference, level_summary
from guidance.render.history import change_list, in_force_list
from guidance.render.markdown import link, relative_to_page
from guidance.site import SiteData


def data_variables(site: SiteData) -> dict[str, tuple[str, object]]:
    """The variables a page can print, each with the kind it is read from and its value."""
    return {"glossary_count": (GLOSSARY.name, len(site.glossary))}


def define_env(env: Any) -> None:
    plugin = env.conf.plugins["guidance"]

    def site() -> SiteData:
        """The data as this page's macros read it: `guidance serve` notes what each page reads."""
        return plugin.data_for(env.page)

    def macro(func: Callable[..., str]) -> Callable[..., str]:
        """Register ``func`` as a macro whose problems the plugin reports, once, where it was called."""
        @functools.wraps(func)  # the signature stays visible to the checks before any call runs
        def call(*args: Any, **kwargs: Any) -> str:
            try:
                return func(*args, **kwargs)
            except MacroProblem as problem:
                plugin.macro_failed(env.page, calling_line(), str(problem))
                raise
        env.macro(call, func.__name__)
        plugin.macro_names.add(func.__name__)
        return call

    for name, (_kind, value) in data_variables(plugin.site).items():
        env.variables[name] = value

    def glossary_path() -> str:
        return relative_to_page(GLOSSARY_PAGE, env.page.file.src_uri)

    def find_term(name: str):
        term = site().glossary.lookup(name)
        if term is None:
            names = [n for t in site().glossary.terms for n in (t.id, *t.names)]
            raise MacroProblem(f"term({name!r}): unknown glossary term '{name}'{suggest(name, names)}")
        return term

    @macro
    def term(name: str, text: str | None = None) -> str:
        """A link to a glossary term's entry with its short definition, e.g. ``term("CSPR")``; on a page
        for the public, its plain-English meaning, linking to the plain-English glossary."""
        plain = for_the_public(env.page.meta)
        target = relative_to_page(PLAIN_PAGE, env.page.file.src_uri) if plain else glossary_path()
        return term_reference(find_term(name), target, text, plain=plain)

    @macro
    def glossary_list(*names: str, letter: str | None = None) -> str:
        """Terms with their short definitions: the named ones, those under a letter, or all."""
        if names:
            terms = [find_term(n) for n in names]
        elif letter:
            terms = site().glossary.by_letter().get(letter.upper(), [])
        else:
            terms = site().glossary.terms
        return term_list(terms, glossary_path())

    @macro
    def contact(ident: str) -> str:
        """A contact's name and click-to-call number from partnership.yml, e.g. ``contact("front-door")``."""
        found = site().partnership.contact(ident)
        if found is None:
            raise MacroProblem(f"contact({ident!r}): unknown contact{suggest(ident, [c.id for c in site().partnership.contacts])}")
        return contact_line(found)

    def thresholds():
        if THRESHOLDS not in site():
            raise MacroProblem("this partnership has no data/thresholds.yml")
        return site()[THRESHOLDS]

    @macro
    def threshold_level(ident) -> str:
        """A level's name, meaning and expected response, linking to its page, e.g. ``threshold_level("3")``."""
        t = thresholds()
        level = t.levels.get(str(ident))
        if level is None:
            raise MacroProblem(f"threshold_level({ident!r}): unknown level{suggest(str(ident), list(t.levels))}")
        return level_summary(t, level, env.page.file.src_uri)

    @macro
    def indicator(ident: str) -> str:
        """A link to one threshold indicator by its id, e.g. ``indicator("L3-parenting-07")``."""
        t = thresholds()
        found = t.indicators.get(ident)
        if found is None:
            raise MacroProblem(f"indicator({ident!r}): unknown indicator{suggest(ident, list(t.indicators))}")
        return indicator_reference(t, found, env.page.file.src_uri)

    def procedures():
        if PROCEDURES not in site():
            raise MacroProblem("this partnership has no procedures in data/procedures/")
        return site()[PROCEDURES]

    def find_procedure(ident: str, macro: str):
        found = procedures().by_id.get(ident)
        if found is None:
            raise MacroProblem(f"{macro}({ident!r}): unknown procedure{suggest(ident, list(procedures().by_id))}")
        return found

    def day(text, macro: str) -> date:
        try:
            return date.fromisoformat(str(text))
        except ValueError:
            raise MacroProblem(f"{macro}({text!r}): expected a date as YYYY-MM-DD, got '{text}'") from None

    @macro
    def procedure_link(ident: str, text: str | None = None) -> str:
        """A link to the version of a procedure in force today, e.g. ``procedure_link("early-help")``."""
        p = find_procedure(ident, "procedure_link")
        return link(text or p.title(site().today), relative_to_page(p.page, env.page.file.src_uri))

    @macro
    def changes_since(since) -> str:
        """Changes to practice since a date, newest first, e.g. ``changes_since("2024-01-01")``."""
        return change_list(procedures(), site().today, day(since, "changes_since"), env.page.file.src_uri)

    @macro
    def in_force_on(on, ident: str | None = None) -> str:
        """The versions in force on a date, of every procedure or one: ``in_force_on("2023-05-12", "rapid-reviews")``."""
        when = day(on, "in_force_on")
        chosen = [find_procedure(ident, "in_force_on")] if ident else None
        pairs = [(p, e) for p, e in procedures().in_force_on(when) if chosen is None or p in chosen]
        return in_force_list(pairs, when, env.page.file.src_uri)

    def briefs():
        if BRIEFS not in site():
            raise MacroProblem("this partnership has no learning briefs in data/briefs/")
        return site()[BRIEFS]

    @macro
    def brief_card(ident: str, level: int = 3) -> str:
        """A learning brief as a card: title, review, learning and themes, e.g. ``brief_card("child-b-2025")``."""
        found = briefs().by_id.get(ident)
        if found is None:
            raise MacroProblem(f"brief_card({ident!r}): unknown brief{suggest(ident, list(briefs().by_id))}")
        return render_brief_card(found, site().get(THEMES) or {}, env.page.file.src_uri, level)

    @macro
    def briefs_for_theme(theme: str, level: int = 3) -> str:
        """Every brief filed under a theme, newest first, e.g. ``briefs_for_theme("neglect")``."""
        themes = site().get(THEMES) or {}
        if theme not in themes:
            raise MacroProblem(f"briefs_for_theme({theme!r}): unknown theme{suggest(theme, list(themes))}")
        found = briefs().for_theme(theme)
        return "\n".join(render_brief_card(b, themes, env.page.file.src_uri, level) for b in found) or "No briefs yet.\n"
