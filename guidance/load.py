"""``data/`` -> one :class:`SiteData`, or :class:`GuidanceError` with every problem at once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from guidance.errors import GuidanceError, Problem, display_path, in_order
from guidance.files import misnamed, stray_files
from guidance.kind import Kind
from guidance.kinds.glossary.jargon import jargon_warnings
from guidance.kinds.glossary.terms import GLOSSARY
from guidance.kinds.partnership.model import PARTNERSHIP
from guidance.offline import keep_problems
from guidance.readability import plain_language, public_pages
from guidance.reads import Reuse, made
from guidance.registry import KINDS
from guidance.safe_text import unsafe_text
from guidance.shape import validate_document
from guidance.site import SiteData, Source, build_date
from guidance.validate import duplicate_ids_in_lists, todo_notices
from guidance.yamlio import load_yaml

__all__ = ["load_site", "load_site_once"]


def load_site(
    data_dir: Path | str,
    *,
    kinds: Sequence[Kind] = KINDS,
    docs_dir: Path | str | None = None,
    today: date | None = None,
    reuse: Reuse | None = None,
) -> SiteData:
    """Load and check every source as of ``today`` (see :func:`build_date`). Warnings are kept; errors raise.

    ``reuse`` (``guidance serve``) keeps each kind's checks while what they read is unchanged."""
    data_dir = Path(data_dir)
    site = SiteData(data_dir=data_dir, today=today or build_date(), docs_dir=Path(docs_dir) if docs_dir else None)
    problems = stray_files(data_dir, [p for kind in kinds for p in kind.patterns]) if data_dir.is_dir() else []
    for kind in kinds:
        problems += _read_kind(site, kind)
    problems += _checks(site, kinds, Path(docs_dir) if docs_dir else None, reuse)
    if any(p.is_error for p in problems):
        error = GuidanceError(problems)
        error.waiting = [k.name for k in (PARTNERSHIP, GLOSSARY) if k not in site]
        raise error
    site.warnings = in_order(set(problems))  # one line per problem, however many kinds met it
    return site


def _read_kind(site: SiteData, kind: Kind) -> list[Problem]:
    """Read one kind's files into ``site``; a kind with a file that cannot be read, or whose
    entries do not hold together, is marked failed and has no content."""
    sources, problems, unreadable = _load_kind(kind, site.data_dir)
    site.sources[kind.name] = sources
    site.unreadable += unreadable
    if unreadable:
        site.failed.add(kind.name)
    elif sources:
        content, found = _combine(kind, sources)
        problems += found
        if any(p.is_error for p in found):  # not whole: its pages and link targets cannot be made
            site.failed.add(kind.name)
        else:
            site.content[kind.name] = content
    return problems


def _checks(site: SiteData, kinds: Sequence[Kind], docs_dir: Path | None, reuse: Reuse | None) -> list[Problem]:
    """Every check that can run, so that one broken file does not hide the problems in the
    others. While a kind has failed, an entry named but not found may be in it: those are left."""
    if PARTNERSHIP not in site or GLOSSARY not in site:
        return []  # `guidance check` says which checks wait for them (GuidanceError.waiting)
    problems = [p for kind in kinds if kind.name in site.content for p in made(reuse, f"check:{kind.name}", site, kind.check)]
    problems += jargon_warnings(site, docs_dir)
    problems += keep_problems(site, kinds)
    problems += _plain_language(site, kinds, docs_dir)
    problems += [p for sources in site.sources.values() for s in sources for p in todo_notices(s.document)]
    return [p for p in problems if not p.reference] if site.failed else problems


_loaded: dict[tuple[Any, ...], SiteData] = {}


def load_site_once(data_dir: Path | str, *, docs_dir: Path | str | None = None, today: date | None = None,
                   reuse: Reuse | None = None) -> SiteData:
    """:func:`load_site`, reused while no file in ``data_dir`` or ``docs_dir`` has changed.

    ``guidance build`` checks the sources and then MkDocs builds, in one process: the plugin gets
    the same data without parsing it twice. In ``serve`` an edit changes the files, so it reloads.
    """
    data, docs = Path(data_dir).resolve(), Path(docs_dir).resolve() if docs_dir else None
    key = (data, docs, today or build_date(), _fingerprint(data), _fingerprint(docs) if docs else ())
    if key not in _loaded:
        site = load_site(data_dir, docs_dir=docs_dir, today=today, reuse=reuse)
        _loaded.clear()  # only the latest: serve would otherwise keep every edit
        _loaded[key] = site
    return _loaded[key]


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    if not folder.is_dir():
        return ()
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def _plain_language(site: SiteData, kinds: Sequence[Kind], docs_dir: Path | None) -> list[Problem]:
    """Score every source and page written for the public; keep the scores for ``guidance check``."""
    if PARTNERSHIP not in site or GLOSSARY not in site:
        return []
    # A field still marked TODO is a placeholder with a notice of its own, not yet text to score.
    documents = [
        (document, [(path, text) for path, text in fields if "TODO" not in text])
        for kind in kinds if kind.name in site.content for document, fields in kind.public_text(site)
    ]
    limit = site.partnership.checks.reading_age
    site.readability, problems = plain_language(documents, public_pages(docs_dir), limit)
    return problems


def _load_kind(kind: Kind, data_dir: Path) -> tuple[list[Source[Any]], list[Problem], list[str]]:
    """The kind's sources that fit its model, every problem found in its files, and the files
    that could not be read at all (not YAML, or not the model's shape)."""
    paths = sorted({(p, pattern) for pattern in kind.patterns for p in data_dir.glob(pattern) if p.is_file()})
    problems: list[Problem] = []
    if not paths and kind.required:
        wanted = " or ".join(f"{display_path(data_dir / p)}" for p in kind.patterns)
        return [], [Problem(display_path(data_dir), 1, 1, "", f"missing {kind.name}: expected {wanted}")], [display_path(data_dir)]
    if kind.single and len(paths) > 1:
        names = ", ".join(display_path(p) for p, _ in paths)
        return [], [Problem(display_path(paths[1][0]), 1, 1, "", f"expected one {kind.name} file, got {len(paths)}: {names}")], [names]
    sources, unreadable = [], []
    for path, pattern in paths:
        source, found = _read_file(kind, path, pattern)
        problems += found
        if source is None:
            unreadable.append(display_path(path))
        else:
            sources.append(source)  # the model holds: the kind's own rules can run too
    return sources, problems, unreadable


# Each kind's content as last made, from the very source objects it was made from (kept below
# while their files are unchanged): an edit to one file leaves the other kinds' content as it was.
_combined: dict[str, tuple[list[Source[Any]], tuple[Any, list[Problem]]]] = {}


def _combine(kind: Kind, sources: list[Source[Any]]) -> tuple[Any, list[Problem]]:
    kept = _combined.get(kind.name)
    if kept is not None and len(kept[0]) == len(sources) and all(a is b for a, b in zip(kept[0], sources, strict=True)):
        return kept[1]
    made = _combined[kind.name] = (sources, kind.combine(sources))
    return made[1]


# Each file as last read, by its bytes: `guidance serve` reloads after every edit, and an edit
# changes one file of hundreds, so the others are not parsed and validated again.
_read: dict[tuple[str, str, str, str], tuple[bytes, tuple[Source[Any] | None, list[Problem]]]] = {}


def _read_file(kind: Kind, path: Path, pattern: str) -> tuple[Source[Any] | None, list[Problem]]:
    """A file's source (None if it cannot be read as YAML or does not fit the model) and its problems."""
    shown = display_path(path)
    key = (str(path.resolve()), pattern, kind.name, shown)
    digest = hashlib.sha256(path.read_bytes()).digest()
    kept = _read.get(key)
    if kept is not None and kept[0] == digest:
        return kept[1]
    result: tuple[Source[Any] | None, list[Problem]]
    try:
        document = load_yaml(path, shown)
    except GuidanceError as exc:
        result = None, list(exc.problems)
    else:
        # Problems in the text itself, found whether or not it fits the model.
        found = unsafe_text(document) + misnamed(document, document.data, path, pattern) + duplicate_ids_in_lists(document)
        try:
            result = Source(document, validate_document(document, kind.model)), found
        except GuidanceError as exc:
            result = None, list(exc.problems) + found
    _read[key] = (digest, result)
    return result

