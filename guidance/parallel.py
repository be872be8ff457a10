"""Work shared with a forked helper: the build takes items from the start, the helper from the end.

MkDocs renders pages one after another in one process. :class:`Meeting` forks a helper process
that starts at the last item of a list and works backwards, while the build goes forwards. Each
side claims an item in a table both can see before working on it, so no item is done twice and
the two meet wherever the work happens to balance, however uneven the items or the machine.

When the build comes to an item the helper has claimed, it asks for the helper's results: the
helper is then at most one item from the end of its share, and sends everything it made at once.
A helper that fails on an item leaves no result for it; a helper that dies leaves none at all.
Either way the build does that work itself, so the helper can only ever save time.

Nothing here knows MkDocs: :mod:`guidance.second_core` says what the work is.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Hashable, Sequence
from typing import Any

__all__ = ["LogRecords", "Meeting", "available", "thaw"]

_FREE, _BUILD, _HELPER = 0, 1, 2


def available() -> bool:
    """A helper needs ``fork`` (Linux and macOS): it shares the build's state as it is now."""
    return hasattr(os, "fork")


class Meeting:
    """A list of items worked on from both ends: ``claim`` from the build, ``work`` in the helper."""

    def __init__(self, items: Sequence[Hashable], work: Callable[[Any], Any]):
        self._position = {item: i for i, item in enumerate(items)}
        self._owner = multiprocessing.Array("b", len(items))
        reader, writer = multiprocessing.Pipe(duplex=False)
        self._results: dict[Any, Any] | None = None
        # What exists now is never garbage for the helper: with the collector leaving it alone,
        # the helper does not copy the build's memory page by page, and the build's own
        # collections skip it too, until `thaw` at the end of the build.
        gc.freeze()
        self.pid = os.fork()
        if self.pid == 0:  # the helper: it never returns to the build
            reader.close()
            _help(list(items), self._owner, writer, work)
        writer.close()
        self._reader = reader

    def __len__(self) -> int:
        return len(self._position)

    def claim(self, item: Hashable) -> bool:
        """True if the build should do ``item`` itself; False if the helper has it."""
        position = self._position.get(item)
        if position is None:
            return True
        with self._owner.get_lock():
            if self._owner[position] == _HELPER:
                return False
            self._owner[position] = _BUILD
            return True

    def result(self, item: Hashable) -> Any | None:
        """What the helper made of ``item``, or None if it made nothing (then do it yourself)."""
        if self._results is None:
            self._results = self._collect()
        return self._results.get(item)

    def close(self) -> None:
        """Stop the helper if it is still working (a failed build), and forget its results."""
        if self._results is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._results = {}
            self._reap()

    def _collect(self) -> dict[Any, Any]:
        try:
            return self._reader.recv()
        except (EOFError, OSError):  # the helper died: the build does its share
            return {}
        finally:
            self._reap()

    def _reap(self) -> None:
        self._reader.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _help(items: list[Any], owner: Any, writer: Any, work: Callable[[Any], Any]) -> None:
    """The helper's whole life: claim from the end until meeting the build, send, and exit."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in serve ends the helper quietly
        gc.disable()  # a short life: collecting would only copy the build's memory
        results = {}
        for position in reversed(range(len(items))):
            with owner.get_lock():
                if owner[position] != _FREE:
                    break
                owner[position] = _HELPER
            try:
                results[items[position]] = work(items[position])
            except Exception:  # the build will do this item and report what went wrong
                pass
        writer.send(results)
    finally:
        os._exit(0)


def thaw() -> None:
    """Let the collector see again what :class:`Meeting` froze (at the end of a build: `guidance
    serve` builds again and again in one process)."""
    gc.unfreeze()


class LogRecords(logging.Handler):
    """In the helper, what work logs is kept, to be logged again by the build when it uses the work.

    The helper must not print: the build logs each message at the moment it would have, so MkDocs's
    strict mode counts it and the log reads in order.
    """

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    @classmethod
    def everywhere(cls) -> LogRecords:
        """Send every logger's records here instead of to their handlers (the helper only)."""
        handler = cls()
        logging.Logger.callHandlers = lambda logger, record: handler.handle(record)  # type: ignore[method-assign]
        return handler

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def take(self) -> list[tuple[str, int, str]]:
        records, self.records = self.records, []
        return records

    @staticmethod
    def replay(records: list[tuple[str, int, str]]) -> None:
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
