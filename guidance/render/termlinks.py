"""Glossary terms in any page's HTML: the first use links to the entry with a tooltip.

The first time a page uses a term (its name, an alias or an abbreviation), the words
become a link to the glossary entry whose ``title`` is the short definition: our tooltips
(assets/site.js) show it on hover and on keyboard focus. Later uses of an abbreviation
become ``<abbr>``, with no hover-only title. Text inside links, headings, code and form controls
is left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from guidance.kinds.glossary.model import Term
from guidance.kinds.glossary.terms import Glossary

__all__ = ["TermMatcher", "link_terms"]

_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
         "button", "label", "select", "textarea", "option", "svg", "dfn", "title", "nav"}
# What a tag does to "inside an element never linked", for tags short enough to recur ("<p>",
# "</a>"): a page has thousands of tags and a few dozen kinds.
_CACHED_TAG = 12
_CHANGES: dict[str, int] = {}
_MIN_LENGTH = 3  # names shorter than this ('CP', 'EH') are matched as abbreviations only


@dataclass
class TermMatcher:
    """One regular expression for every name in the glossary, built once per site."""

    pattern: re.Pattern[str] | None
    exact: dict[str, Term]
    folded: dict[str, Term]
    titles: dict[tuple[str, bool], str] = field(default_factory=dict)  # each term's tooltip, made once

    @classmethod
    def for_glossary(cls, glossary: Glossary, never: Sequence[str] = ()) -> TermMatcher:
        """``never``: phrases in which no term is linked ('services working together')."""
        exact = {a: t for t in glossary.terms for a in t.abbreviations}
        folded: dict[str, Term] = {}
        for t in glossary.terms:
            for name in (t.term, *t.aliases):
                if len(name) < _MIN_LENGTH:
                    continue
                if t.match == "exact" or _proper(name):
                    exact[name] = t
                else:
                    folded[name.casefold()] = t
        phrases = [*folded, *(p.casefold() for p in never if p.casefold() not in folded)]
        if not phrases and not exact:
            return cls(None, exact, folded)
        # A trie, not a list of alternatives: each position in a page is tried against the letters
        # that can follow, not against every name, so linking stays linear in the glossary's size.
        alternatives = [f"(?i:{_trie(phrases, str.lower)})" if phrases else "", _trie(exact, str) if exact else ""]
        # A word boundary first lets the engine skip quickly to where a word starts; it changes
        # nothing when every name starts with a letter or digit (and is left out otherwise).
        boundary = r"\b" if all(re.match(r"\w", n) for n in (*phrases, *exact)) else ""
        pattern = rf"{boundary}(?<![\w-])(?:{'|'.join(a for a in alternatives if a)})(?![\w-])"
        return cls(re.compile(pattern), exact, folded)

    def term_for(self, text: str) -> Term | None:
        """The term ``text`` names; None for a phrase never linked."""
        return self.exact.get(text) or self.folded.get(text.casefold())


def _proper(name: str) -> bool:
    """A name with a capital after its first letter ('Working Together', 'Children Act 1989') is a
    proper noun: matched only as written, so 'services working together' is not it."""
    return any(c.isupper() for c in name[1:])


def link_terms(page_html: str, matcher: TermMatcher, glossary_url: str, *, plain: bool = False,
               seen: set[str] | None = None) -> str:
    """``page_html`` with glossary terms linked; ``glossary_url`` is the glossary page's URL from this page.

    The ids of the terms linked are added to ``seen``, if given.
    """
    if matcher.pattern is None:
        return page_html
    seen = set() if seen is None else seen
    out: list[str] = []
    skipping = 0
    pattern = matcher.pattern

    def mark(match: re.Match[str]) -> str:
        return _mark(match.group(0), matcher, seen, glossary_url, plain)

    for token in _TOKEN.findall(page_html):
        if token[0] == "<":
            change = _CHANGES.get(token)
            if change is None:
                change = _skip_change(token)
                if len(token) <= _CACHED_TAG:
                    _CHANGES[token] = change
            skipping += change
            out.append(token)
        elif skipping > 0 or token.isspace():
            out.append(token)
        else:
            out.append(pattern.sub(mark, token))
    return "".join(out)


def _trie(words: Iterable[str], key: Callable[[str], str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a trie of their letters."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for letter in key(word):
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict[str, dict]) -> str:
    options = [re.escape(letter) + _branches(child) for letter, child in sorted(node.items()) if letter]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    # Optional, so greedy: a longer name ('child protection plan') is tried before a shorter one.
    return f"(?:{body})?" if "" in node else body


def _skip_change(tag: str) -> int:
    match = _TAG.match(tag)
    if not match or match.group(2).lower() not in _SKIP or tag.endswith("/>"):
        return 0
    return -1 if match.group(1) else 1


def _mark(text: str, matcher: TermMatcher, seen: set[str], glossary_url: str, plain: bool) -> str:
    term = matcher.term_for(html.unescape(text))
    if term is None:  # a phrase the partnership never links
        return text
    title = matcher.titles.get((term.id, plain))
    if title is None:
        summary = term.plain_summary if plain else term.summary
        title = matcher.titles[term.id, plain] = html.escape(f"{term.heading}: {summary}", quote=True)
    if term.id not in seen:
        seen.add(term.id)
        return f'<a class="gl-term" href="{glossary_url}#{term.id}" title="{title}">{text}</a>'
    if text in matcher.exact:
        # No title: a hover-only tooltip (WCAG 1.4.13, 2.1.1). The first use on the page explains it.
        return f"<abbr>{text}</abbr>"
    return text
