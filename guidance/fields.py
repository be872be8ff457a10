"""What every model shares: unknown keys are errors, and the field types the sources use."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from guidance.timescales import DURATION_PATTERN

__all__ = ["Colour", "Day", "Email", "HttpsUrl", "Id", "Keywords", "OldUrl", "PATTERN_NAMES", "REPEATED", "Question", "SITE_PATH_PATTERN", "Strict", "Text", "UkPhone"]


class Strict(BaseModel):
    """Base of every source model: a misspelt field fails instead of vanishing."""

    # strict: a number is not text or a date, and 'no' is not false (only true and false are).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, strict=True)


ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# No quotes, angle brackets or backticks: an address goes into attributes (the Exit button's href).
HTTPS_PATTERN = r"^https://[^\s/$.?#\"'<>`][^\s\"'<>`]*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"
# 999 and 112 (emergency), 111, 116 xxx helplines, short freephone numbers (Childline's 0800 1111),
# or a 10/11-digit number starting 0.
UK_PHONE_PATTERN = r"^(?:999|112|111|116 ?\d{3}|0800 ?\d{4}|0\d{2,4} ?\d{3,4} ?\d{3,4})$"

QUESTION_PATTERN = r"\?$"

# A colour goes into a style attribute: a hex colour or a colour's name, never CSS that could
# fetch something (url(...)) or set anything else (no ';', ':' or '(' can pass).
COLOUR_PATTERN = r"^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$"

# A site path of an old page: 'chapters/p_notify.html' or 'procedures/old-name/'.
OLD_URL_PATTERN = r"^[A-Za-z0-9_~-]+(?:[./][A-Za-z0-9_~-]+)*/?$"

# An address on this site search can answer with: folders ending in '/', then '#anchor' for one
# entry on a page ('glossary/#lado', 'public/services/money/').
SITE_PATH_PATTERN = r"^(?:[a-z0-9][a-z0-9._-]*/)+(?:#[A-Za-z0-9][A-Za-z0-9_-]*)?$"

# How a pattern is named to the person who broke it.
PATTERN_NAMES = {
    ID_PATTERN: "an id of lowercase letters, digits and single hyphens, such as 'rapid-review'",
    HTTPS_PATTERN: "a web address starting with https://",
    EMAIL_PATTERN: "an email address such as 'name@example.org'",
    UK_PHONE_PATTERN: "a UK phone number such as '01632 960123', '0800 123 4567' or '999'",
    r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$": "an id of letters, digits and single hyphens, such as 'L3-parenting-07'",
    DURATION_PATTERN: "a time such as '5 working days', '24 hours' or '3 months'",
    QUESTION_PATTERN: "a question ending with '?'",
    COLOUR_PATTERN: "a colour such as '#2e7d32' or 'green'",
    OLD_URL_PATTERN: "a path on this site without a leading '/', such as 'chapters/p_ch1_3.html'",
    SITE_PATH_PATTERN: "an address on this site ending in '/', with '#' and an entry's id if it is one entry, such as 'glossary/#lado'",
}

Text = Annotated[str, StringConstraints(min_length=1)]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
HttpsUrl = Annotated[str, StringConstraints(pattern=HTTPS_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
UkPhone = Annotated[str, StringConstraints(pattern=UK_PHONE_PATTERN)]
OldUrl = Annotated[str, StringConstraints(pattern=OLD_URL_PATTERN)]
Question = Annotated[str, StringConstraints(min_length=2, pattern=QUESTION_PATTERN)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: Any) -> Any:
    """Dates are written YYYY-MM-DD (the loader keeps them as text): not a number, not 2024/1/2."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # 2024-02-30: said below
    raise PydanticCustomError("date_parsing", "expected a date as YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_day)]


REPEATED = "keyword_repeated"


def _once_each(words: list[str]) -> list[str]:
    """A keyword written twice (in any case or spacing) is a slip, and would count twice in search."""
    seen: set[str] = set()
    for at, word in enumerate(words):
        key = " ".join(re.sub(r"[^\w]+|_", " ", word.lower()).split())
        if key in seen:  # said at the repeat (see shape.py)
            raise PydanticCustomError(REPEATED, "duplicate keyword '{word}' (given earlier in this list)", {"word": word, "at": at})
        seen.add(key)
    return words


# Everyday words and phrasings people search with for an entry ("DNA", "my partner hurts me"):
# search reads each as a name the entry answers to.
Keywords = Annotated[
    list[Text], AfterValidator(_once_each),
    Field(description="Other words and everyday phrasings people search with, each once, e.g. 'S47' or 'scared at home'."),
]


def first_sentence(text: str) -> str:
    """The first sentence of a definition, for tooltips and lists."""
    match = re.match(r"(.+?[.!?])(?:\s|$)", " ".join(text.split()))
    return match.group(1) if match else " ".join(text.split())
