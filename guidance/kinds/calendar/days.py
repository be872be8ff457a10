"""Working days: which days are bank holidays, for any year, and which the partnership closes.

England and Wales, Scotland and Northern Ireland have different bank holidays, and one-off days
are declared now and then (a jubilee, a coronation, a state funeral). They come from the
``holidays`` library, which knows every year's, rather than from a list typed into the data
that runs out (docs/decisions/0010-decision-aids.md). A deadline is worked out only for years
the calendar is given for; beyond them, the page says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import holidays

__all__ = ["Calendar", "REGIONS", "bank_holidays", "calendar"]

# Our names for the regions, and the library's.
REGIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
REGION_NAMES = {"england-and-wales": "England and Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}
# Years before and after the build's that deadlines are worked out for.
YEARS_BACK, YEARS_AHEAD = 20, 10


@dataclass(frozen=True)
class Calendar:
    region: str
    first_year: int
    last_year: int
    holidays: tuple[date, ...]  # the region's bank holidays in those years, sorted
    closures: tuple[date, ...] = ()  # the partnership's own

    @property
    def days(self) -> list[date]:
        """The days a working-day deadline skips, besides weekends."""
        return sorted({*self.holidays, *self.closures})

    @property
    def region_name(self) -> str:
        return REGION_NAMES[self.region]

    def covers(self, day: date) -> bool:
        return self.first_year <= day.year <= self.last_year


def bank_holidays(region: str, years: range) -> dict[date, str]:
    """The region's bank holidays in those years, by date, with their names."""
    found = holidays.country_holidays("GB", subdiv=REGIONS[region], years=years)
    return {day: str(name) for day, name in sorted(found.items())}


def calendar(region: str, closures: list[date], today: date) -> Calendar:
    years = range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)
    return Calendar(region, years.start, years.stop - 1, tuple(bank_holidays(region, years)), tuple(sorted(closures)))
