"""Plain language for the public: a reading age for every sentence and every page written for them.

GOV.UK writes for a reading age of 9, and so does the partnership unless it sets another limit
(``checks.reading_age``). A reading age is the Flesch-Kincaid grade plus 5 (a US school grade is a
UK reading age less about five years), in whole years as ages are told. Each sentence above the limit is a warning at its own
``file:line:col``, and so is each page or source whose whole text is above it; ``--strict`` makes
them errors. The home page is always scored: parents start there.

The grade is counted as textstat 0.7.4 counts it, syllables by pyphen's hyphenation dictionary
(docs/decisions/0002-dependencies.md says why not textstat itself). A sentence alone is a small
sample: one long word in a four-word sentence would give it a reading age of 12. So a sentence's
syllables per word are weighed together with ``PRIOR_WORDS`` words of ``PRIOR_SYLLABLES`` each (plain
English), which matters less the longer the sentence is; its length counts as it is
(docs/decisions/0011-plain-sentences.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pyphen

from guidance.errors import Path as FieldPath
from guidance.errors import Problem, Severity, display_path, format_path
from guidance.yamlio import Document

__all__ = [
    "Readability", "Sentence", "plain_language", "public_pages", "reading_age", "sentence_reading_age", "sentences",
]

PRIOR_WORDS = 10
PRIOR_SYLLABLES = 1.3

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z0-9\"'(])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_TERM_MACRO = re.compile(r"""\{\{\s*term\((?:[^)]*?,)?\s*["']([^"']*)["']\s*\)\s*\}\}""")  # as it reads
_MARKUP = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|\]\([^)]*\)|\{[:#.][^}]*\}|`[^`]*`|https?://\S+|[*_\[\]]|^#.*$"
    r"|^ {0,3}(?:!!!|\?\?\?\+?)[^\n\"]*$",
    re.M,
)
_ADMONITION_TITLE = re.compile(r'^ {0,3}(?:!!!|\?\?\?\+?)[^\n"]*"([^"\n]*)" *$', re.M)
_CODE_BLOCK = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


@dataclass(frozen=True)
class Sentence:
    """One sentence for the public, where it is written, and its reading age."""

    text: str
    line: int
    column: int
    path: str
    reading_age: int


@dataclass(frozen=True)
class Readability:
    """The score of one page or source for the public, and its sentences above the limit, in order."""

    file: str
    line: int
    column: int
    path: str
    reading_age: int
    hard: list[Sentence] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.file}: reading age {self.reading_age}"


@lru_cache(maxsize=4096)
def reading_age(text: str) -> int:
    """The UK reading age of a passage: its Flesch-Kincaid grade plus 5, at least 5."""
    return _age(flesch_kincaid_grade(text)) if text.strip() else 5


@lru_cache(maxsize=65536)
def sentence_reading_age(sentence: str) -> int:
    """The reading age of one sentence: its own length, and its syllables per word weighed with
    ``PRIOR_WORDS`` plain words, so that one long word does not make a short sentence hard."""
    words = _PUNCTUATION.sub("", sentence).split()
    if not words:
        return 5
    syllables = _syllables(words) + PRIOR_WORDS * PRIOR_SYLLABLES
    grade = 0.39 * len(words) + 11.8 * syllables / (len(words) + PRIOR_WORDS) - 15.59
    return _age(grade)


def _age(grade: float) -> int:
    """A grade as a reading age in whole years, as a child's age is told: 9.8 is 9."""
    return max(5, math.floor(grade + 5))


_PUNCTUATION = re.compile(r"[^\w\s]")
_COUNTED_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def flesch_kincaid_grade(text: str) -> float:
    """0.39 words per sentence + 11.8 syllables per word - 15.59, each rounded to one decimal
    place as textstat 0.7.4 rounds them. A "sentence" of two words or fewer is not counted."""
    words = _PUNCTUATION.sub("", text).split()
    found = _COUNTED_SENTENCE.findall(text)
    counted = max(1, len(found) - sum(len(_PUNCTUATION.sub("", s).split()) <= 2 for s in found))
    per_sentence = _round(len(words) / counted)
    per_word = _round(_syllables(words) / len(words)) if words else 0.0
    return _round(0.39 * per_sentence + 11.8 * per_word - 15.59)


def _syllables(words: list[str]) -> int:
    return sum(_word_syllables(w.lower()) for w in words)


@lru_cache(maxsize=65536)  # words repeat: every rebuild in `guidance serve` scores every public text
def _word_syllables(word: str) -> int:
    return len(_hyphenation().positions(word)) + 1


def _round(number: float) -> float:
    """To one decimal place, halves away from zero."""
    return math.floor(number * 10 + math.copysign(0.5, number)) / 10


@cache
def _hyphenation() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def sentences(text: str) -> list[str]:
    """Sentences of plain text; a blank line ends one too (a heading, a list item), and so does a
    colon before a capital (a list's lead-in)."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        found += [s for s in _SENTENCE_END.split(block) if len(s.split()) > 1]
    return found


def plain_language(
    documents: list[tuple[Document, list[tuple[FieldPath, str]]]], pages: list[Path], limit: int
) -> tuple[list[Readability], list[Problem]]:
    """Scores for the public fields of each source and each public page; a warning for each
    sentence, page and source above ``limit``. (Undefined abbreviations are ``jargon``'s.)"""
    scores = [_score_source(doc, fields, limit) for doc, fields in documents if fields]
    scores += [_score_page(page, limit) for page in pages]
    problems = [problem for score in scores for problem in _warnings(score, limit)]
    return scores, problems


def public_pages(docs_dir: Path | None) -> list[Path]:
    """The home page, and hand-written pages whose front matter says ``audience: public``."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return [
        p for p in sorted(docs_dir.rglob("*.md"))
        if p == docs_dir / "index.md"
        or re.search(r"^audience:\s*[\"']?public[\"']?\s*$", _front_matter(p.read_text(encoding="utf-8")), re.M)
    ]


def _score_source(doc: Document, fields: list[tuple[FieldPath, str]], limit: int) -> Readability:
    hard = []
    for path, text in fields:
        after = None
        for sentence in sentences(text):
            after = doc.find(path, sentence, after)
            age = sentence_reading_age(sentence)
            if age > limit:
                hard.append(Sentence(sentence, *after, format_path(path), age))
    age = reading_age(_passage(sentence for _, text in fields for sentence in sentences(text)))
    return Readability(doc.file, *doc.where(fields[0][0]), "", age, hard)


def _score_page(page: Path, limit: int) -> Readability:
    raw = page.read_text(encoding="utf-8")
    offset = len(_front_matter(raw))
    body = _CODE_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), raw[offset:])
    body = _TERM_MACRO.sub(r"\1", body)
    body = _ADMONITION_TITLE.sub(lambda m: m.group(1) + ".\n", body)
    found = sentences(_MARKUP.sub("", _LIST_ITEM.sub("\n\n", body)))
    hard, start = [], offset
    for sentence in found:
        line, column, start = _locate(raw, sentence, start)
        age = sentence_reading_age(sentence)
        if age > limit:
            hard.append(Sentence(sentence, line, column, "", age))
    line = raw[:offset].count("\n") + 1
    return Readability(display_path(page), line, 1, "", reading_age(_passage(found)), hard)


def _locate(raw: str, sentence: str, start: int) -> tuple[int, int, int]:
    """Line and column of ``sentence`` in the Markdown it was read from, at or after ``start``,
    markup between its first words allowed; and where to look for the next one."""
    words = re.findall(r"\w+", sentence)[:4]
    match = re.compile(r"[\W_]+?".join(re.escape(w) for w in words)).search(raw, start) if words else None
    at = match.start() if match else start
    line = raw.count("\n", 0, at) + 1
    return line, at - (raw.rfind("\n", 0, at) + 1) + 1, match.end() if match else start


def _passage(found: Iterable[str]) -> str:
    """Sentences as one passage, each ending as a sentence does (a heading or list item may not).
    Two words or fewer are a name or a label, not a sentence: "Front door", "More help"."""
    return " ".join(s if s[-1] in ".!?" else s + "." for s in found if len(s.split()) > 2)


def _warnings(score: Readability, limit: int) -> list[Problem]:
    setting = "partnership.yml checks.reading_age"
    problems = [
        Problem(score.file, s.line, s.column, s.path,
                f"this sentence has reading age {s.reading_age}, above {limit} ({setting}): '{s.text}'", Severity.WARNING)
        for s in score.hard
    ]
    if score.reading_age > limit:
        message = f"reading age {score.reading_age} is above {limit}, the most allowed for the public ({setting})"
        problems.append(Problem(score.file, score.line, score.column, score.path, message, Severity.WARNING))
    return problems


def _front_matter(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    return match.group(0) if match else ""
