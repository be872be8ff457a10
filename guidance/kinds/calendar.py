"""The calendar kind: ``data/bank-holidays.yml``, the days deadlines in working days skip."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..errors import Problem, Severity
from ..models import CalendarFile
from ..site import SiteData, Source
from . import Kind

__all__ = ["CalendarKind"]

# Deadlines run up to a few months ahead: say so in good time when next year's days are missing.
_NOTICE_AHEAD = timedelta(days=120)


class CalendarKind(Kind):
    name = "calendar"
    patterns = ("bank-holidays.yml",)
    model = CalendarFile
    required = False
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[list[date], list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        days = [h.date for h in data.bank_holidays]
        problems = [
            doc.problem(("bank_holidays", i, "date"), f"expected each date once, got {day} again")
            for i, day in enumerate(days)
            if day in days[:i]
        ]
        return sorted(set(days)), problems

    def check(self, site: SiteData) -> list[Problem]:
        days: list[date] = site.content[self.name]
        if days[-1] - _NOTICE_AHEAD < site.today:
            doc = site.sources[self.name][0].document
            return [
                doc.problem(
                    ("bank_holidays",),
                    f"bank holidays are listed only up to {days[-1]}: add next year's so that deadlines stay right",
                    severity=Severity.NOTICE,
                )
            ]
        return []
