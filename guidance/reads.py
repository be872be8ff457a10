"""What a piece of work reads from the site's data, so that ``guidance serve`` can keep what it
made from data that has not changed.

A kind's pages and checks, and a hand-written page's macros, see the site through
:class:`Watched`, which notes each kind whose sources or content they read (``site[KEY]``,
``site.glossary``, ``site.sources[name]``, ...). :class:`Reuse` keeps each result with a
:class:`Snapshot` of those kinds' sources. The loader keeps a file's :class:`~guidance.site.Source`
object while the file's bytes are unchanged (guidance/load.py), and a kind's content is made from
its sources alone, so the very same source objects mean the very same content.

What cannot be followed this way makes a result that is never kept: reading files beside the
data (``data_dir``, ``docs_dir``) or what the checks found (``warnings``, ``readability``).
Reading every kind at once (``content``, ``failed``, iterating ``sources``) ties a result to
every kind. Nothing here knows MkDocs; ``guidance build`` never keeps anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from guidance.site import Key, SiteData, Source

__all__ = ["Reuse", "Snapshot", "Watched", "made"]

T = TypeVar("T")

EVERY_KIND = "*every kind*"
UNKNOWN = "*outside the data*"  # a result that read this is never kept
TODAY = "*today*"
# SiteData's fields, by what reading them ties a result to.
_TIED = {"today": TODAY, "content": EVERY_KIND, "failed": EVERY_KIND,
         "data_dir": UNKNOWN, "docs_dir": UNKNOWN, "warnings": UNKNOWN, "readability": UNKNOWN, "unreadable": UNKNOWN}


class _Sources(Mapping[str, list[Source[Any]]]):
    """``site.sources`` that notes each kind looked up; going through all of them reads every kind."""

    def __init__(self, sources: dict[str, list[Source[Any]]], reads: set[str]):
        self._sources, self._reads = sources, reads

    def __getitem__(self, name: str) -> list[Source[Any]]:
        self._reads.add(name)
        return self._sources[name]

    def __contains__(self, name: object) -> bool:
        self._reads.add(str(name))
        return name in self._sources

    def __iter__(self) -> Iterator[str]:
        self._reads.add(EVERY_KIND)
        return iter(self._sources)

    def __len__(self) -> int:
        self._reads.add(EVERY_KIND)
        return len(self._sources)


_MISSING = object()
Noted = set[tuple[tuple[object, ...], bool]]  # a path into a derived value, and whether its value (not only its presence) was read


class _Noting(Mapping[Any, Any]):
    """A derived mapping (every link target, by kind and id) that notes what is looked up in it, so
    that work which looked up three targets depends on those three, not on every target."""

    def __init__(self, value: Mapping[Any, Any], path: tuple[object, ...], noted: Noted):
        self._value, self._path, self._noted = value, path, noted

    def _at(self, key: object) -> Any:
        value = self._value[key]
        if isinstance(value, Mapping):
            self._noted.add(((*self._path, key), False))
            return _Noting(value, (*self._path, key), self._noted)
        self._noted.add(((*self._path, key), True))
        return value

    def __getitem__(self, key: object) -> Any:
        self._noted.add(((*self._path, key), False))  # its absence is read too
        return self._at(key)

    def get(self, key: object, default: Any = None) -> Any:
        self._noted.add(((*self._path, key), False))
        return self._at(key) if key in self._value else default

    def __contains__(self, key: object) -> bool:
        self._noted.add(((*self._path, key), False))
        return key in self._value

    def __iter__(self) -> Iterator[Any]:
        self._noted.add((self._path, True))
        return iter(self._value)

    def __len__(self) -> int:
        self._noted.add((self._path, True))
        return len(self._value)


def _same_where_noted(old: object, new: object, noted: Noted | None) -> bool:
    if noted is None:
        return old == new
    for path, whole in noted:
        a, b = _lookup(old, path), _lookup(new, path)
        if not (a == b if whole else (a is _MISSING) == (b is _MISSING)):
            return False
    return True


def _lookup(value: object, path: tuple[object, ...]) -> object:
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return _MISSING
        value = value[key]
    return value


class Watched(SiteData):
    """The site as one piece of work sees it, noting in :attr:`reads` what that work reads."""

    def __init__(self, site: SiteData):  # shares the site's data, copies nothing
        object.__setattr__(self, "_site_reads", (site, set()))
        object.__setattr__(self, "values", {})  # what derived() gave: a name, how it was made and the value

    @property
    def reads(self) -> set[str]:
        return self._watched()[1]

    def _watched(self) -> tuple[SiteData, set[str]]:
        watched: tuple[SiteData, set[str]] = object.__getattribute__(self, "_site_reads")
        return watched

    def __getattribute__(self, name: str) -> Any:
        if name == "sources":
            site, reads = object.__getattribute__(self, "_site_reads")
            return _Sources(site.sources, reads)
        if name in _TIED:
            site, reads = object.__getattribute__(self, "_site_reads")
            reads.add(_TIED[name])
            return getattr(site, name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the site is read-only here: cannot set {name}")

    def _read(self, name: str) -> dict[str, object]:
        site, reads = self._watched()
        reads.add(name)
        content: dict[str, object] = site.content
        return content

    def has_failed(self, kind: str) -> bool:
        site, reads = self._watched()
        reads.add(kind)
        return site.has_failed(kind)

    def __getitem__(self, key: Key[T]) -> T:
        return self._read(key.name)[key.name]  # type: ignore[return-value]

    def __contains__(self, key: Key[Any]) -> bool:
        return key.name in self._read(key.name)

    def get(self, key: Key[T]) -> T | None:
        return self._read(key.name).get(key.name)  # type: ignore[return-value]

    def derived(self, name: str, make: Callable[[SiteData], T]) -> T:
        """The site's value, made unwatched: the work depends on the value, not on what made it."""
        value = self._watched()[0].derived(name, make)
        values: dict[str, tuple[Callable[[SiteData], object], object, Noted | None]] = object.__getattribute__(self, "values")
        if not isinstance(value, Mapping):
            values[name] = (make, value, None)
            return value
        noted = values[name][2] if name in values else None
        noted = set() if noted is None else noted  # one record however often it is asked for
        values[name] = (make, value, noted)
        return _Noting(value, (), noted)  # type: ignore[return-value]

    @property
    def glossary(self) -> Any:
        return self._read("glossary")["glossary"]

    @property
    def partnership(self) -> Any:
        return self._read("partnership")["partnership"]


@dataclass(frozen=True)
class Snapshot:
    """The sources a result was made from: for each kind it read, its source objects, whether it
    failed and whether it has content; and the day, if it read it."""

    kinds: tuple[tuple[str, tuple[Source[Any], ...], bool, bool], ...]
    today: object
    values: tuple[tuple[str, Callable[[SiteData], object], object, Noted | None], ...]  # from SiteData.derived

    @classmethod
    def of(cls, site: SiteData, watched: Watched) -> Snapshot | None:
        """What ``watched`` read, as it is in ``site`` now; None if a result that read it cannot be kept."""
        reads = watched.reads
        if UNKNOWN in reads:
            return None
        names = site.sources.keys() | site.content.keys() if EVERY_KIND in reads else reads - {TODAY}
        kinds = tuple((n, tuple(site.sources.get(n, ())), n in site.failed, n in site.content) for n in sorted(names))
        values = tuple((name, *made) for name, made in sorted(watched.values.items(), key=lambda v: v[0]))
        return cls(kinds, site.today if TODAY in reads or EVERY_KIND in reads else None, values)

    def holds(self, site: SiteData) -> bool:
        """Whether ``site`` has the same sources (the same objects) for every kind this names, and
        the same derived values."""
        if self.today is not None and self.today != site.today:
            return False
        return all(_same_where_noted(value, site.derived(name, make), noted) for name, make, value, noted in self.values) and all(
            (n in site.failed) == failed and (n in site.content) == has
            and len(kept := site.sources.get(n, ())) == len(sources) and all(a is b for a, b in zip(kept, sources, strict=False))
            for n, sources, failed, has in self.kinds
        )


class Reuse:
    """Results kept from the last build, each with what it was made from: one per name."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[Snapshot, object]] = {}
        self.made: list[str] = []  # the names made (not kept) by the last calls, for the tests and the log

    def __call__(self, name: str, site: SiteData, make: Callable[[SiteData], T]) -> T:
        """``make(site)``, or what it returned last time if what it read is unchanged."""
        kept = self.kept.get(name)
        if kept is not None and kept[0].holds(site):
            return kept[1]  # type: ignore[return-value]
        watched = Watched(site)
        result = make(watched)
        snapshot = Snapshot.of(site, watched)
        if snapshot is None:
            self.kept.pop(name, None)
        else:
            self.kept[name] = (snapshot, result)
        self.made.append(name)
        return result


def made(reuse: Reuse | None, name: str, site: SiteData, make: Callable[[SiteData], T]) -> T:
    """``make(site)``, kept in ``reuse`` when there is one (``guidance serve``)."""
    return make(site) if reuse is None else reuse(name, site, make)
