"""Does a brief identify a child or family? Text that looks like it does, found before publishing.

Briefs refer to children by pseudonym ("Child B", "Mother"). This looks for what should never
appear: full dates of birth, postcodes, phone numbers, email addresses, house addresses, and
names the partnership lists in ``data/anonymity.yml``. A finding someone has checked and judged
harmless (the front door's public number) is silenced by a reviewed allow-list entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from guidance.errors import Path

__all__ = ["Finding", "findings", "text_fields"]

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_FULL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
_DIGIT = re.compile(r"\d")
_BIRTH = re.compile(r"\b(?:born|birth|births|birthday|DOB|D\.O\.B)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\"'])|\n\s*\n")

_CHECKS: list[tuple[str, re.Pattern[str]]] = [
    # In any case: 'nm4 7qt' identifies a street as well as 'NM4 7QT' does.
    ("a postcode", re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)),
    # A UK number however it is written: 01632 960123, 0161-496-0123, (01632) 960123,
    # +44 (0)1632 960123, 0044 7700 900123; at the end of a sentence too. Not a date (1/2/2019).
    ("a phone number", re.compile(
        r"(?<![\d/.-])(?:(?:\+|00)44[ .-]?(?:\(0\)[ .-]?)?|\(0|0)\d(?:\)?[ .-]?\(?\d){8,9}(?!\d|[/.-]\d)"
    )),
    ("an email address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        "a home address",
        re.compile(
            r"\b(?:Flat|Apartment) \d+[A-Za-z]?\b"
            r"|\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z']+ ){1,3}"
            r"(?:Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Court|Place|Gardens|Terrace|Grove|Rise|Walk|Row|"
            r"Mews|Square|View|Green|Parade)\b"
        ),
    ),
]

# A school, nursery or GP surgery named: 'Elmwood Primary School', "St Mary's RC Nursery",
# 'Riverside Surgery'. One to four capitalised words before the kind of place. A name made only
# of words that describe (the Virtual School, a Sixth Form College) names no one's school.
_PLACE = re.compile(
    r"\b((?:(?:St\.?|[A-Z][\w'’-]*)\s+){1,4}?)"
    r"((?:(?:Primary|Infant|Infants|Junior|Secondary|High|Grammar|Nursery|Community|Catholic|Church|C of E|CE|RC|CofE)\s+)*"
    r"(?:School|Academy|College|Nursery|Pre-?[Ss]chool|Surgery|Medical Centre|Health Centre|Medical Practice|"
    r"Children's Centre|Family Centre))\b"
)
_DESCRIBING = {
    "the", "a", "an", "this", "that", "her", "his", "their", "our", "your", "its", "each", "every", "any", "another",
    "local", "primary", "secondary", "special", "independent", "free", "virtual", "sixth", "form", "further",
    "education", "residential", "boarding", "state", "private", "new", "same", "other", "first", "second", "nursery",
    "infant", "junior", "high", "community", "faith", "village", "maintained", "designated", "named", "mainstream",
    "alternative", "pupil", "referral", "hospital", "gp", "nhs", "general", "practice", "school", "schools", "at",
    "in", "from", "to", "and", "or", "with", "by", "for", "of", "on", "when", "where", "while", "after", "before",
}

# Fields that hold ids, kinds, references or dates rather than prose.
_NOT_PROSE = {"id", "type", "status", "links", "themes", "published", "due", "updated"}


@dataclass(frozen=True)
class Finding:
    what: str  # 'a postcode', "a name on the deny-list"
    text: str  # exactly as found
    start: int  # where in the scanned string


def findings(text: str, names: list[str]) -> list[Finding]:
    """Everything in ``text`` that looks identifying, in the order it appears."""
    # Every pattern but the email address's and the places' needs a digit: most prose has none.
    digits = _DIGIT.search(text) is not None
    checks = _CHECKS if digits else [(what, pattern) for what, pattern in _CHECKS if what == "an email address" and "@" in text]
    found = [Finding(what, m.group(), m.start()) for what, pattern in checks for m in pattern.finditer(text)]
    found += _dates_of_birth(text) if digits else []
    found += _places(text)
    for name in names:
        words = r"\s+".join(re.escape(word) for word in name.split())
        pattern = re.compile(rf"(?<!\w){words}(?!\w)")
        found += [Finding("a name on the deny-list", m.group(), m.start()) for m in pattern.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def text_fields(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every prose string in a parsed source, with its path: what the anonymity check reads."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _NOT_PROSE:
                yield from text_fields(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_fields(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def _places(text: str) -> list[Finding]:
    """Schools, nurseries and surgeries named: their own name, not words that only describe."""
    found = []
    for m in _PLACE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower().strip("'’") in _DESCRIBING:  # 'The Elmwood School' -> 'Elmwood School'
            words.pop(0)
        if words and not all(w.lower().strip("'’s") in _DESCRIBING for w in words):
            start = m.start(1) + m.group(1).index(words[0])
            found.append(Finding("a named school, nursery or GP surgery", text[start:m.end()], start))
    return found


def _dates_of_birth(text: str) -> list[Finding]:
    """A full date in the same sentence as a word about birth. A policy's date is not flagged."""
    found = []
    for m in _FULL_DATE.finditer(text):
        begin = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        after = _SENTENCE_END.search(text, m.end())
        end = after.start() if after else len(text)
        if _BIRTH.search(text, begin, end):
            found.append(Finding("a date of birth", m.group(), m.start()))
    return found
