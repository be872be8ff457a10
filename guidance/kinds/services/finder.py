"""Services as readers find them: by need, open now, open all day and night.

Opening hours are written as people say them ("Monday to Friday, 9am to 5pm", "24 hours") and
parsed into :class:`Opening` spans, which the build checks and the "open now" filter uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from guidance.kinds.services.model import Need, Service
from guidance.site import Key

__all__ = ["DAYS", "HOURS_EXAMPLE", "Opening", "Services", "is_open", "next_opening", "parse_hours"]

SERVICES: Key[Services] = Key("services")

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HOURS_EXAMPLE = "opening hours such as 'Monday to Friday, 9am to 5pm', 'Saturday, 10am to 1:30pm' or '24 hours'"
_DAY_WORDS = {
    "every day": range(7),
    "weekdays": range(5),
    "weekends": range(5, 7),
}
_TIME = r"(?:1[0-2]|[1-9])(?::[0-5]\d)?(?:am|pm)|noon|midnight"
_HOURS = re.compile(rf"^(?P<days>[A-Za-z ]+?)(?:,\s*(?:(?P<always>24 hours)|(?P<start>{_TIME}) to (?P<end>{_TIME})))?$")


@dataclass(frozen=True)
class Opening:
    days: frozenset[int]  # 0 is Monday
    start: int  # minutes after midnight
    end: int  # minutes after midnight; 1440 is midnight at the end of the day; before start runs past midnight

    @property
    def always(self) -> bool:
        return len(self.days) == 7 and self.start == 0 and self.end == 24 * 60

    def as_json(self) -> dict[str, object]:
        return {"d": sorted(self.days), "s": self.start, "e": self.end}


def parse_hours(text: str) -> Opening | None:
    """One line of opening hours, or None if it cannot be read."""
    words = " ".join(text.split())
    if words.lower() == "24 hours":
        return Opening(frozenset(range(7)), 0, 24 * 60)
    match = _HOURS.match(words)
    if match is None or not (match["always"] or match["start"]):
        return None
    days = _days(match["days"])
    if days is None:
        return None
    if match["always"]:
        return Opening(days, 0, 24 * 60)
    start, end = _minutes(match["start"]), _minutes(match["end"])
    if start == end:
        return None
    return Opening(days, start, 24 * 60 if end == 0 else end)


def is_open(openings: list[Opening], when: datetime, holidays: frozenset[date] = frozenset()) -> bool:
    """Whether a service with these hours is open at ``when`` (local time in England).

    On a bank holiday only hours for every day of the week count: "Monday to Friday" services
    are usually closed.
    """
    day, minute = when.weekday(), when.hour * 60 + when.minute
    if when.date() in holidays:
        openings = [o for o in openings if len(o.days) == 7]
    for o in openings:
        if o.start < o.end and day in o.days and o.start <= minute < o.end:
            return True
        if o.end < o.start and ((day in o.days and minute >= o.start) or ((day - 1) % 7 in o.days and minute < o.end)):
            return True
    return False


def next_opening(openings: list[Opening], when: datetime, holidays: frozenset[date] = frozenset()) -> datetime | None:
    """When a service that is closed at ``when`` next opens, in England's clock time (a wall-clock
    time: "Monday at 9am" is 9am whether the clocks have changed or not); None if never in a week.

    Assumes the hours as they are written, with the bank-holiday rule of :func:`is_open`.
    """
    start_of_day = when.replace(hour=0, minute=0, second=0, microsecond=0)
    for offset in range(0, 15):
        day = start_of_day + timedelta(days=offset)
        usable = [o for o in openings if len(o.days) == 7] if day.date() in holidays else openings
        starts = sorted(o.start for o in usable if day.weekday() in o.days)
        for minute in starts:
            moment = day + timedelta(minutes=minute)
            if moment > when:
                return moment
    return None


def _days(text: str) -> frozenset[int] | None:
    text = text.strip()
    if text.lower() in _DAY_WORDS:
        return frozenset(_DAY_WORDS[text.lower()])
    parts = re.split(r" (to|and) ", text)
    if any(p not in DAYS for p in parts[::2]) or len(parts) not in (1, 3):
        return None
    first = DAYS.index(parts[0])
    if len(parts) == 1:
        return frozenset([first])
    last = DAYS.index(parts[2])
    if parts[1] == "and":
        return frozenset([first, last])
    return frozenset(range(first, last + 1)) if last > first else None


def _minutes(time: str) -> int:
    if time == "noon":
        return 12 * 60
    if time == "midnight":
        return 0
    hour, _, rest = time[:-2].partition(":")
    h = int(hour) % 12 + (12 if time.endswith("pm") else 0)
    return h * 60 + int(rest or 0)


@dataclass
class Services:
    needs: dict[str, Need]
    services: list[Service]
    checked: date | None = None  # when the list was last checked, for services that give no date of their own

    def checked_on(self, s: Service) -> date | None:
        return s.checked or self.checked

    def __post_init__(self) -> None:
        self.services = sorted(self.services, key=lambda s: s.name.casefold())
        self.by_id = {s.id: s for s in self.services}

    def for_need(self, need: str) -> list[Service]:
        return [s for s in self.services if need in s.needs]

    def openings(self, service: Service) -> list[Opening]:
        return [o for o in map(parse_hours, service.hours) if o is not None]

    def always_open(self) -> list[Service]:
        return [s for s in self.services if any(o.always for o in self.openings(s))]
