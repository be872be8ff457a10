"""The glossary pages: A to Z for practitioners, and the plain-English list for the public."""

from __future__ import annotations

from guidance.kinds.glossary.model import Term
from guidance.kinds.glossary.terms import Glossary
from guidance.render.markdown import attr, escape, front_matter, html_link, html_text, link

__all__ = ["GLOSSARY_PAGE", "PLAIN_PAGE", "glossary_page", "plain_glossary_page", "term_list", "term_reference"]

GLOSSARY_PAGE = "glossary/index.md"
PLAIN_PAGE = "glossary/plain-english.md"

BackLinks = dict[str, list[tuple[str, str]]]  # term id -> [(brief title, docs file)]


def glossary_page(glossary: Glossary, partnership_name: str, used_in: BackLinks | None = None) -> str:
    letters = glossary.by_letter()
    parts = [
        front_matter(
            title="Glossary",
            description=f"What the words and abbreviations used in {partnership_name}'s guidance mean.",
            hide=["toc"],
            glossary_links=False,
        ),
        "# Glossary A to Z\n",
        f"What {len(glossary)} words and abbreviations used in safeguarding children mean, where each "
        "comes from and how it relates to others. Every entry has an address that will not change: "
        "this page's address, then # and the entry's short name, as in `/glossary/#lado`.\n",
        f"Looking for simpler words? Read the {link('plain-English glossary', 'plain-english.md')}.\n",
        _letter_nav(letters),
    ]
    for letter, terms in letters.items():
        parts.append(f"## {letter} {{ #letter-{_letter_id(letter)} }}\n")
        parts.extend(_entry(term, glossary, (used_in or {}).get(term.id, [])) for term in terms)
    return "\n".join(parts)


def plain_glossary_page(glossary: Glossary) -> str:
    parts = [
        front_matter(
            title="Words we use, explained",
            description="Plain-English meanings of words professionals use about keeping children safe.",
            audience="public",
            glossary_links=False,
        ),
        "# Words we use, explained\n",
        "Social workers and police use some words that can be hard to follow. "
        "This page says what they mean in everyday words.\n",
    ]
    for term in glossary.terms:
        parts.append(f"## {escape(term.heading)} {{ #{term.id} }}\n\n{term.plain}\n")
    return "\n".join(parts)


def term_list(terms: list[Term], glossary_path: str) -> str:
    """A bulleted list of terms with their short definitions, linking to their entries."""
    return "\n".join(f"- {link(t.heading, f'{glossary_path}#{t.id}')}: {t.summary}" for t in terms) + "\n"


def _letter_nav(letters: dict[str, list[Term]]) -> str:
    items = "".join(f'<li><a href="#letter-{_letter_id(k)}">{k}</a></li>' for k in letters)
    return f'<nav class="gl-az" aria-label="Glossary letters"><ul>{items}</ul></nav>\n'


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _entry(term: Term, glossary: Glossary, used_in: list[tuple[str, str]]) -> str:
    """A term's entry. Its heading, definition and plain-English meaning are Markdown; the lines
    made from data are HTML, which the build passes through (guidance/render/raw_blocks.py)."""
    lines = [f"### {escape(term.heading)} {{ #{term.id} }}\n"]
    if term.aliases:
        lines.append(f'<p class="gl-aka"><em>Also called:</em> {", ".join(html_text(a) for a in term.aliases)}</p>\n')
    lines.append(f"{term.definition}\n")
    lines.append(f"**In plain English:** {term.plain}\n{{: .gl-plain }}\n")
    label = html_text(term.source.label())
    source = f'<a href="{attr(term.source.url)}">{label}</a>' if term.source.url else label
    checked = f" (checked {term.reviewed.day} {term.reviewed:%B %Y})" if term.reviewed else ""
    lines.append(f'<p class="gl-source"><strong>Source:</strong> {source}{checked}</p>\n')
    if term.related:
        related = ", ".join(f'<a href="#{r}">{html_text(glossary.by_id[r].term)}</a>' for r in term.related)
        lines.append(f'<p class="gl-related"><strong>Related terms:</strong> {related}</p>\n')
    if used_in:
        uses = ", ".join(html_link(title, page, GLOSSARY_PAGE) for title, page in used_in)
        lines.append(f'<p class="gl-used"><strong>Learning from reviews:</strong> {uses}</p>\n')
    return "\n".join(lines)


def term_reference(term: Term, glossary_path: str, text: str | None = None, *, plain: bool = False) -> str:
    """A Markdown link to a term's entry, its short definition as the tooltip."""
    summary = term.plain_summary if plain else term.summary
    return link(text or term.heading, f"{glossary_path}#{term.id}", f"{term.heading}: {summary}")
