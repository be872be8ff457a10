"""Timescales written as words ("5 working days", "24 hours") and the dates they give.

Procedures state each step's timescale as data, not only prose, so pages can list them,
search can find them and flows can compute deadlines. Working days skip weekends and the
bank holidays a partnership lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DURATION_PATTERN", "Duration", "add_working_days"]

_UNITS = {"working day": "working days", "day": "days", "hour": "hours", "week": "weeks", "month": "months"}
DURATION_PATTERN = r"^[1-9][0-9]{0,3} (?:working days?|days?|hours?|weeks?|months?)$"


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # plural: "working days", "days", "hours", "weeks", "months"

    @classmethod
    def parse(cls, text: str) -> Duration:
        if not re.match(DURATION_PATTERN, text):
            raise ValueError(f"expected a time such as '5 working days', got '{text}'")
        amount, unit = text.split(" ", 1)
        unit = _UNITS.get(unit, unit)
        return cls(int(amount), unit)

    def __str__(self) -> str:
        unit = self.unit if self.amount != 1 else next(k for k, v in _UNITS.items() if v == self.unit)
        return f"{self.amount} {unit}"

    @property
    def slug(self) -> str:
        return self.unit.replace(" ", "-")


def add_working_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The date ``days`` working days after ``start``: weekends and ``holidays`` do not count."""
    closed = set(holidays)
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            days -= 1
    return day
