"""Does someone answer at every hour of the week? The gaps left by a partnership's contacts.

A parent who calls the front door on Friday at 4:45pm, after it closes and before the
out-of-hours team starts, reaches nobody. The contacts' weekly hours (as services write theirs)
are laid over the week, minute by minute, and every stretch nobody covers is named.
"""

from __future__ import annotations

from guidance.kinds.services.finder import DAYS, Opening

__all__ = ["gaps", "describe_gap"]

WEEK = 7 * 24 * 60


def gaps(openings: list[Opening]) -> list[tuple[int, int]]:
    """Stretches of the week (minutes from Monday 00:00, end exclusive) that no opening covers."""
    covered = bytearray(WEEK)
    for o in openings:
        for day in o.days:
            start = day * 1440 + o.start
            end = day * 1440 + (o.end if o.end > o.start else o.end + 1440)  # past midnight: into the next day
            for minute in range(start, end):
                covered[minute % WEEK] = 1
    found, minute = [], 0
    while minute < WEEK:
        if covered[minute]:
            minute += 1
            continue
        start = minute
        while minute < WEEK and not covered[minute]:
            minute += 1
        found.append((start, minute))
    if len(found) > 1 and found[0][0] == 0 and found[-1][1] == WEEK:  # Sunday night into Monday morning
        found = [(found[-1][0], found[0][1] + WEEK), *found[1:-1]]
    return found


def describe_gap(start: int, end: int) -> str:
    """'Friday 4:30pm to 5pm'."""
    return f"{_when(start)} to {_when(end, end=True)}"


def _when(minute: int, end: bool = False) -> str:
    minute %= WEEK
    day, rest = divmod(minute, 1440)
    if end and rest == 0:
        day, rest = (day - 1) % 7, 1440
    hour, mins = divmod(rest, 60)
    if hour in (0, 24) and mins == 0:
        time = "midnight"
    elif hour == 12 and mins == 0:
        time = "noon"
    else:
        time = f"{(hour - 1) % 12 + 1}{f':{mins:02d}' if mins else ''}{'am' if hour < 12 else 'pm'}"
    return f"{DAYS[day]} {time}"
