"""Plain language for the public: a reading age for every page and source written for them.

GOV.UK writes for a reading age of 9; the partnership sets its limit (``checks.reading_age``,
11 by default). The score is the Flesch-Kincaid grade plus 5 (a US school grade is a UK reading
age less about five years). Above the limit is a warning that names the hardest sentences and
any undefined abbreviations; ``--strict`` makes it an error.

The grade is counted as textstat 0.7.4 counts it, syllables by pyphen's hyphenation dictionary
(docs/decisions/0002-dependencies.md says why not textstat itself).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable

import pyphen

from .errors import Path as FieldPath
from .errors import Problem, Severity, display_path, format_path
from .jargon import NOT_PROSE, known_abbreviations, undefined_abbreviations
from .yamlio import Document

__all__ = ["Readability", "assess", "plain_language", "reading_age", "sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MARKUP = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|\]\([^)]*\)|\{[:#.][^}]*\}|`[^`]*`|https?://\S+|[*_\[\]]|^#.*$",
    re.M,
)


@dataclass(frozen=True)
class Readability:
    """The score of one page or source for the public, and where its hardest sentence is."""

    file: str
    line: int
    column: int
    path: str
    reading_age: int
    hardest: list[tuple[str, int]] = field(default_factory=list)
    jargon: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.file}: reading age {self.reading_age}"


def reading_age(text: str) -> int:
    """The UK reading age of ``text``: its Flesch-Kincaid grade plus 5, at least 5."""
    return max(5, round(flesch_kincaid_grade(text) + 5)) if text.strip() else 5


_PUNCTUATION = re.compile(r"[^\w\s]")
_COUNTED_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def flesch_kincaid_grade(text: str) -> float:
    """0.39 words per sentence + 11.8 syllables per word - 15.59, each rounded to one decimal
    place as textstat 0.7.4 rounds them. A "sentence" of two words or fewer is not counted."""
    words = _PUNCTUATION.sub("", text).split()
    found = _COUNTED_SENTENCE.findall(text)
    counted = max(1, len(found) - sum(len(_PUNCTUATION.sub("", s).split()) <= 2 for s in found))
    syllables = sum(len(_hyphenation().positions(w)) + 1 for w in _PUNCTUATION.sub("", text.lower()).split())
    per_sentence = _round(len(words) / counted)
    per_word = _round(syllables / len(words)) if words else 0.0
    return _round(0.39 * per_sentence + 11.8 * per_word - 15.59)


def _round(number: float) -> float:
    """To one decimal place, halves away from zero."""
    return math.floor(number * 10 + math.copysign(0.5, number)) / 10


@cache
def _hyphenation() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def sentences(text: str) -> list[str]:
    """Sentences of plain text; a blank line ends one too (a heading, a list item)."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        found += [s for s in _SENTENCE_END.split(block) if len(s.split()) > 1]
    return found


def assess(texts: Iterable[str], limit: int) -> tuple[int, list[tuple[str, int]]]:
    """The reading age of all ``texts`` together, and up to three sentences above ``limit``, hardest first."""
    parts = [sentence for text in texts for sentence in sentences(text)]
    if not parts:
        return 5, []
    ends = [s if s[-1] in ".!?" else s + "." for s in parts]
    scored = sorted(((s, reading_age(s)) for s in parts), key=lambda sa: -sa[1])
    return reading_age(" ".join(ends)), [(s, a) for s, a in scored if a > limit][:3]


def plain_language(
    documents: list[tuple[Document, list[tuple[FieldPath, str]]]], pages: list[Path], known: set[str], limit: int
) -> tuple[list[Readability], list[Problem]]:
    """Scores for the public fields of each source and each public page, and a warning for each above ``limit``."""
    scores = []
    for doc, fields in documents:
        if fields:
            scores.append(_score_source(doc, fields, known, limit))
    for page in pages:
        scores.append(_score_page(page, known, limit))
    problems = [_warning(s, limit) for s in scores if s.reading_age > limit]
    return scores, problems


def public_pages(docs_dir: Path | None) -> list[Path]:
    """Hand-written pages whose front matter says ``audience: public``."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return [
        p for p in sorted(docs_dir.rglob("*.md"))
        if re.search(r"^audience:\s*public\s*$", _front_matter(p.read_text(encoding="utf-8")), re.M)
    ]


def _score_source(doc: Document, fields: list[tuple[FieldPath, str]], known: set[str], limit: int) -> Readability:
    age, hardest = assess([text for _, text in fields], limit)
    where, path = doc.where(fields[0][0]), fields[0][0]
    if hardest:
        path = next((p for p, text in fields if hardest[0][0] in " ".join(text.split())), path)
        where = doc.find(path, hardest[0][0])
    jargon = sorted({w for _, text in fields for _, w in undefined_abbreviations(text, known)})
    return Readability(doc.file, *where, format_path(path), age, hardest, jargon)


def _score_page(page: Path, known: set[str], limit: int) -> Readability:
    raw = page.read_text(encoding="utf-8")
    body = raw[len(_front_matter(raw)):]
    body = re.sub(r"^(```|~~~).*?^\1", "", body, flags=re.M | re.S)
    text = _MARKUP.sub("", _LIST_ITEM.sub("\n\n", body))
    age, hardest = assess([text], limit)
    line, column = 1, 1
    if hardest:
        first = " ".join(hardest[0][0].split()[:3])
        for number, source in enumerate(raw.splitlines(), 1):
            if first in _MARKUP.sub("", source):
                line, column = number, max(source.find(first.split()[0]) + 1, 1)
                break
    jargon = sorted({w for _, w in undefined_abbreviations(NOT_PROSE.sub(" ", body), known)})
    return Readability(display_path(page), line, column, "", age, hardest, jargon)


def _warning(s: Readability, limit: int) -> Problem:
    message = f"reading age {s.reading_age} is above {limit}, the most allowed for the public (partnership.yml checks.reading_age)"
    if s.hardest:
        message += "; hardest sentences: " + "; ".join(f"'{text}' (reading age {age})" for text, age in s.hardest)
    if s.jargon:
        message += "; undefined abbreviations: " + ", ".join(s.jargon)
    return Problem(s.file, s.line, s.column, s.path, message, Severity.WARNING)


def _front_matter(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    return match.group(0) if match else ""
