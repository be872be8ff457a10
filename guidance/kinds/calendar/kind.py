"""The calendar kind: ``data/bank-holidays.yml``, the region whose bank holidays deadlines skip
and the partnership's own closures. Without the file: England and Wales, no closures."""

from __future__ import annotations

from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.calendar.days import REGION_NAMES, Calendar, bank_holidays, calendar
from guidance.kinds.flows.model import CALENDAR, CalendarFile
from guidance.site import SiteData, Source

__all__ = ["CalendarKind", "site_calendar"]


class CalendarKind(Kind):
    name = CALENDAR.name
    patterns = ("bank-holidays.yml",)
    model = CalendarFile
    required = False
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[CalendarFile, list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        days = [c.date for c in data.closures]
        problems = [
            doc.problem(("closures", i, "date"), f"expected each date once, got {day} again")
            for i, day in enumerate(days)
            if day in days[:i]
        ]
        years = range(min((d.year for d in days), default=2000), max((d.year for d in days), default=2000) + 1)
        known = bank_holidays(data.region, years)
        problems += [
            doc.problem(("closures", i, "date"), f"expected a day that is not a bank holiday already, got {day} "
                        f"({known[day]} in {REGION_NAMES[data.region]}): remove it")
            for i, day in enumerate(days)
            if day in known
        ]
        return data, problems


def site_calendar(site: SiteData) -> Calendar:
    """The calendar deadlines and opening hours use: the file's, or England and Wales's."""
    data: CalendarFile | None = site.get(CALENDAR)
    if data is None:
        return calendar("england-and-wales", [], site.today)
    return calendar(data.region, [c.date for c in data.closures], site.today)
