"""Rebuild only the pages an edit changed, for ``guidance serve``.

After each build, :class:`Memory` keeps what every page was made from. On the next build a
page is rebuilt when:

- its Markdown changed (generated pages hold their data, backlinks included, in their Markdown);
- a glossary term it links changed, or a name a term did not have before now appears in it (the
  glossary links and their tooltips are added after the Markdown);
- it is written by hand and what its macros showed changed (noted as they ran, see
  guidance/reads.py), or, for a page whose text does more than call the macros, any data changed;
- building it last time found problems (a macro that failed, a broken link): they are shown
  over the page only while a build finds them;
- something every page shows changed: the navigation (its pages' titles included), the site's
  settings, the theme, or the data search adds to pages. Then every page is.

Every other page keeps the file the last build wrote. Nothing here knows MkDocs: the plugin
passes in digests and Markdown, and gets back the pages to build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

from guidance.kinds.glossary.model import Term
from guidance.kinds.glossary.terms import Glossary
from guidance.reads import Snapshot
from guidance.render.termlinks import TermMatcher

__all__ = ["Built", "Memory", "digest", "term_digests"]


def digest(*parts: object) -> str:
    """A short fingerprint of ``parts`` (strings as they are, anything else by its ``repr``)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()


def _names(term: Term) -> tuple[object, ...]:
    """What decides where a term is linked: its names and how they are matched."""
    return (term.match, *term.names)


def term_digests(glossary: Glossary) -> dict[str, str]:
    """What a linked term puts into a page (its names, heading and both summaries), by term id."""
    return {t.id: digest(t.names, t.heading, t.summary, t.plain_summary) for t in glossary.terms}


@dataclass(frozen=True)
class Built:
    """One page as the last build made it."""

    key: str  # digest of its Markdown (and, for hand-written pages, of the data)
    terms: frozenset[str]  # ids of the glossary terms it links
    file: str  # where it is in the site
    data: Snapshot | None = None  # for a hand-written page with macros: the data they showed
    troubled: bool = False  # building it found problems: it is built again until it builds cleanly


@dataclass
class Memory:
    """What the last successful build made; empty before the first, and after a failed one."""

    shared: str = ""
    terms: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[object, ...]] = field(default_factory=dict)  # each term's names, as last linked
    pages: dict[str, Built] = field(default_factory=dict)
    lowered: dict[str, tuple[str, str]] = field(default_factory=dict)  # each page's text in lower case, by its key

    def stale(self, shared: str, keys: dict[str, str], glossary: Glossary, texts: dict[str, str],
              shown: Collection[str] = ()) -> set[str]:
        """The pages (docs paths, the keys of ``keys``) to build now.

        ``shared`` fingerprints what every page shows; ``texts`` is each page's Markdown, searched
        for names terms did not have before; ``shown`` are the hand-written pages whose macros
        showed data that has changed since (their key does not change with the data).
        """
        if shared != self.shared:
            return set(keys)
        terms = term_digests(glossary)
        changed = {t for t in terms.keys() | self.terms.keys() if terms.get(t) != self.terms.get(t)}
        named = self._named(glossary, changed, keys, texts)
        return {
            path for path, key in keys.items()
            if (built := self.pages.get(path)) is None or built.key != key
            or built.terms & changed or built.troubled
            or path in shown or path in named
        }

    def _named(self, glossary: Glossary, changed: set[str], keys: dict[str, str], texts: dict[str, str]) -> set[str]:
        """The pages in which a name a term did not have before appears. A page that had one of
        the term's old names linked it, and is rebuilt for that; the new names are searched for,
        first as lower-case text (fast), then as the links will find them."""
        new = [t for t in (glossary.by_id[i] for i in changed if i in glossary.by_id) if _names(t) != self.names.get(t.id)]
        if not new:
            return set()
        pattern = TermMatcher.for_glossary(Glossary(new)).pattern
        needles = [n.lower() for t in new for n in t.names]
        found = set()
        for path, text in texts.items():
            lowered = self.lowered.get(path)
            if lowered is None or lowered[0] != keys.get(path):
                lowered = self.lowered[path] = (keys.get(path, ""), text.lower())
            if pattern is not None and any(n in lowered[1] for n in needles) and pattern.search(text):
                found.add(path)
        return found

    def remember(self, shared: str, glossary: Glossary, pages: dict[str, Built]) -> None:
        self.shared, self.terms, self.pages = shared, term_digests(glossary), pages
        self.names = {t.id: _names(t) for t in glossary.terms}
        self.lowered = {path: kept for path, kept in self.lowered.items() if path in pages and pages[path].key == kept[0]}

    def forget(self) -> None:
        """After a failed build, whose pages may show data that is gone: the next build builds
        every page. The pages stay known, so that those no longer made are still deleted."""
        self.shared = ""
