"""Abbreviations used in content that the glossary does not define: warnings, not errors.

Staff surveys ask for less jargon; an undefined abbreviation is the jargon a reader cannot
look up. Data files and hand-written pages are both scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from guidance.errors import Path as FieldPath
from guidance.errors import Problem, Severity, display_path
from guidance.kinds.glossary.terms import GLOSSARY
from guidance.kinds.partnership.model import PARTNERSHIP
from guidance.site import SiteData
from guidance.yamlio import Document, once_per_document

__all__ = ["NOT_PROSE", "jargon_warnings", "known_abbreviations", "undefined_abbreviations"]

_ABBREVIATION = re.compile(r"(?<![\w/.#-])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*)(?:s|'s)?(?![\w/-])")
NOT_PROSE = re.compile(
    r"`[^`]*`|\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|\]\([^)]*\)|https?://\S+|\{[:#.][^}]*\}|^---$|^\s*[\w-]+:\s",
)
# Folders of docs/ that are for the project's developers, not the site (mkdocs.yml exclude_docs).
NOT_PUBLISHED = {"decisions"}
# Fields that hold names and codes rather than prose.
_SKIPPED_FIELDS = {
    "id", "abbreviations", "aliases", "url", "web", "email", "phone", "text", "known_abbreviations", "related",
    "source", "short_name",
    # data/search.yml: what people type, misspellings and all, and the words they use
    "query", "expect", "synonyms",
}


def undefined_abbreviations(text: str, known: set[str]) -> Iterator[tuple[int, str]]:
    """(offset, abbreviation) for each capitalised abbreviation in ``text`` not in ``known``."""
    for match in _ABBREVIATION.finditer(text):
        if match.group(1) not in known:
            yield match.start(1), match.group(1)


def jargon_warnings(site: SiteData, docs_dir: Path | None) -> list[Problem]:
    if GLOSSARY not in site or PARTNERSHIP not in site:
        return []
    known = known_abbreviations(site)
    problems = []
    for document in site.documents():
        for path, word in _capitals(document):
            if word not in known:
                problems.append(document.problem(path, _message(word), severity=Severity.WARNING))
    if docs_dir is not None and docs_dir.is_dir():
        for page in sorted(docs_dir.rglob("*.md")):
            if page.relative_to(docs_dir).parts[0] not in NOT_PUBLISHED:
                problems += _page_warnings(page, known)
    return problems


@once_per_document
def _capitals(document: Document) -> tuple[tuple[FieldPath, str], ...]:
    """(field, word) for each capitalised abbreviation in the document's text, known or not."""
    return tuple((path, m.group(1)) for path, text in _strings(document.data, ()) for m in _ABBREVIATION.finditer(text))


def known_abbreviations(site: SiteData) -> set[str]:
    """Capitalised words a reader can look up or needs no help with."""
    partnership = site.partnership
    aliases = {alias for term in site.glossary.terms for alias in term.aliases}
    # TODO marks what `guidance init` and `guidance new` leave to write: a notice of its own (guidance/validate.py).
    return site.glossary.abbreviations() | aliases | {partnership.short_name, *partnership.checks.known_abbreviations, "TODO"}


def _message(word: str) -> str:
    return f"abbreviation '{word}' is not in the glossary (add it, or list it in partnership.yml checks.known_abbreviations)"


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIPPED_FIELDS:
                yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _page_warnings(page: Path, known: set[str]) -> list[Problem]:
    problems = []
    in_code = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        prose = NOT_PROSE.sub(lambda m: " " * len(m.group(0)), line)
        for offset, word in undefined_abbreviations(prose, known):
            problems.append(Problem(display_path(page), number, offset + 1, "", _message(word), Severity.WARNING))
    return problems

