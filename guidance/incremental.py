"""Rebuild only the pages an edit changed, for ``guidance serve``.

After each build, :class:`Memory` keeps what every page was made from. On the next build a
page is rebuilt when:

- its Markdown changed (generated pages hold their data, backlinks included, in their Markdown);
- a glossary term it links changed, or a changed term's name now appears in it (the glossary
  links and their tooltips are added after the Markdown);
- it is written by hand and any data changed (its macros may show any of it);
- something every page shows changed: the navigation (its pages' titles included), the site's
  settings, the theme, or the data search adds to pages. Then every page is.

Every other page keeps the file the last build wrote. Nothing here knows MkDocs: the plugin
passes in digests and Markdown, and gets back the pages to build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from guidance.kinds.glossary.terms import Glossary
from guidance.render.termlinks import TermMatcher

__all__ = ["Built", "Memory", "digest", "term_digests"]


def digest(*parts: object) -> str:
    """A short fingerprint of ``parts`` (strings as they are, anything else by its ``repr``)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else repr(part).encode())
        h.update(b"\0")
    return h.hexdigest()


def term_digests(glossary: Glossary) -> dict[str, str]:
    """What a linked term puts into a page (its names, heading and both summaries), by term id."""
    return {t.id: digest(t.names, t.heading, t.summary, t.plain_summary) for t in glossary.terms}


@dataclass(frozen=True)
class Built:
    """One page as the last build made it."""

    key: str  # digest of its Markdown (and, for hand-written pages, of the data)
    terms: frozenset[str]  # ids of the glossary terms it links
    file: str  # where it is in the site


@dataclass
class Memory:
    """What the last successful build made; empty before the first, and after a failed one."""

    shared: str = ""
    terms: dict[str, str] = field(default_factory=dict)
    pages: dict[str, Built] = field(default_factory=dict)

    def stale(self, shared: str, keys: dict[str, str], glossary: Glossary, markdown: dict[str, str]) -> set[str]:
        """The pages (docs paths, the keys of ``keys``) to build now.

        ``shared`` fingerprints what every page shows; ``markdown`` is each generated page's
        Markdown, searched for the names of changed terms.
        """
        if shared != self.shared:
            return set(keys)
        terms = term_digests(glossary)
        changed = {t for t in terms.keys() | self.terms.keys() if terms.get(t) != self.terms.get(t)}
        names = TermMatcher.for_glossary(Glossary([glossary.by_id[t] for t in changed if t in glossary.by_id]))
        return {
            path for path, key in keys.items()
            if (built := self.pages.get(path)) is None or built.key != key
            or built.terms & changed
            or (names.pattern is not None and names.pattern.search(markdown.get(path, "")) is not None)
        }

    def remember(self, shared: str, glossary: Glossary, pages: dict[str, Built]) -> None:
        self.shared, self.terms, self.pages = shared, term_digests(glossary), pages

    def forget(self) -> None:
        """After a failed build, whose pages may show data that is gone: the next build builds
        every page. The pages stay known, so that those no longer made are still deleted."""
        self.shared = ""
