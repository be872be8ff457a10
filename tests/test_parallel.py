"""guidance/parallel.py: a list worked from both ends, by the build and by a forked helper."""

from __future__ import annotations

import logging
import os
import time

import pytest

from guidance.parallel import LogRecords, Meeting


def _square_slowly(item: int) -> tuple[int, int]:
    time.sleep(0.01)
    return item * item, os.getpid()


def _work_through(meeting: Meeting, items: list[int]) -> dict[int, tuple[int, int]]:
    """What the build does: each item in order, itself if it can claim it, else from the helper."""
    done = {}
    for item in items:
        done[item] = _square_slowly(item) if meeting.claim(item) else meeting.result(item)
    return done


def test_each_item_is_done_once_and_both_sides_share_the_list() -> None:
    items = list(range(60))
    meeting = Meeting(items, _square_slowly)
    done = _work_through(meeting, items)
    assert {item: square for item, (square, _) in done.items()} == {i: i * i for i in items}
    by_helper = [item for item, (_, pid) in done.items() if pid == meeting.pid]
    assert by_helper and len(by_helper) < len(items)
    # The helper's share is one run at the end of the list.
    assert by_helper == items[-len(by_helper):]


def test_an_item_the_helper_fails_on_is_left_to_the_build() -> None:
    def fail_on_last(item: int) -> int:
        if item == 19:
            raise ValueError("no")
        return item

    meeting = Meeting(list(range(20)), fail_on_last)
    time.sleep(0.5)  # the helper takes every item before the build starts
    assert not meeting.claim(0)
    assert meeting.result(19) is None
    assert meeting.result(18) == 18


def test_a_helper_that_dies_leaves_everything_to_the_build() -> None:
    def die(item: int) -> int:
        os._exit(3)

    meeting = Meeting(list(range(20)), die)
    time.sleep(0.5)
    assert not meeting.claim(19)  # the helper claimed it, then died
    assert meeting.result(19) is None
    assert meeting.claim(0)


def test_closing_stops_a_helper_at_work_at_once() -> None:
    meeting = Meeting(list(range(5)), lambda item: time.sleep(60))
    time.sleep(0.2)
    started = time.monotonic()
    meeting.close()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(meeting.pid, os.WNOHANG)  # gone and reaped: no zombie left behind


def test_what_the_helper_logs_is_logged_by_the_build_when_it_uses_the_work(caplog: pytest.LogCaptureFixture) -> None:
    def warn(item: int) -> list[tuple[str, int, str]]:
        records = LogRecords.everywhere()
        logging.getLogger("mkdocs.structure.pages").warning("page %s links to nowhere", item)
        return records.take()

    meeting = Meeting([1, 2, 3], warn)
    time.sleep(0.5)
    assert not caplog.records  # nothing printed or logged by the helper itself
    LogRecords.replay(meeting.result(3))
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.structure.pages", logging.WARNING, "page 3 links to nowhere")
    ]
