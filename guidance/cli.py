"""The command line: ``guidance init | check | build | serve | new | lock | headers | schema``.

A thin adapter: each command loads through :func:`guidance.load.load_site`, prints problems
in the one format, and exits 1 on errors. No traceback reaches the user for bad input.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

import guidance.engine  # noqa: F401  (first: the engine's module aliases before any other import)
from guidance.errors import GuidanceError, Problem, display_path, in_order
from guidance.load import load_site, load_site_once
from guidance.registry import KINDS
from guidance.site import SiteData

if TYPE_CHECKING:
    from properdocs.config.defaults import MkDocsConfig

__all__ = ["main"]

# Material's end-of-life notice is for site owners choosing an engine; docs/decisions/0001 records
# ours. Authors running `guidance` get their own messages only.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_CONFIG = click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(dir_okay=False))
_DATA = click.option("--data", "data_dir", default="data", show_default=True, type=click.Path(file_okay=False))
_DOCS = click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(file_okay=False))
_STRICT = click.option("--strict", is_flag=True, help="Treat warnings as errors.")


@click.group()
@click.version_option(package_name="safeguarding-guidance")
def main() -> None:
    """Validate safeguarding guidance sources and build them into a static site."""


@main.command()
@_DATA
@_DOCS
@_CONFIG
@_STRICT
@click.option("--data-only", is_flag=True, help="Check data/ only, not the hand-written pages in docs/.")
@click.option("--unreached", is_flag=True, help="List the search results that no query in data/search.yml expects.")
def check(data_dir: str, docs_dir: str, config_file: str, strict: bool, data_only: bool, unreached: bool) -> None:
    """Validate every source in data/, and the pages in docs/ (links, anchors, macro calls), without publishing."""
    from guidance.lexicon import unexpected

    site = _load_or_exit(data_dir, docs_dir, strict)
    limit = site.partnership.checks.reading_age
    for score in site.readability:
        click.echo(f"plain language: {score}" + (f" (above {limit})" if score.reading_age > limit else ""))
    missed, results = unexpected(site)
    click.echo(f"search: {len(missed)} of {results} results are expected by no query in data/search.yml"
               + ("" if unreached or not missed else " (--unreached lists them)"))
    for url in missed if unreached else []:
        click.echo(f"  not expected: {url}")
    pages = [] if data_only or not Path(config_file).exists() else _page_problems(Path(config_file))
    if pages:
        _print(in_order(pages))
        errors, warnings = sum(p.is_error for p in pages), sum(p.is_warning for p in pages)
        click.echo(f"{errors} error(s), {warnings} warning(s), {len(pages) - errors - warnings} notice(s) in the pages", err=True)
        if errors or strict:
            sys.exit(1)
    counts = ", ".join(f"{len(site.sources[k.name])} {k.name} file(s)" for k in KINDS if site.sources.get(k.name))
    click.echo(f"ok: {counts}; {len(site.glossary)} glossary terms; {sum(w.is_warning for w in site.warnings)} warning(s), "
               f"{sum(not w.is_warning for w in site.warnings)} notice(s)")


def _page_problems(config_file: Path) -> list[Problem]:
    from guidance.engine.page_check import page_problems

    _, _, config = _sources(config_file)
    return page_problems(config)


@main.command()
@_CONFIG
@_STRICT
@click.option("-d", "--site-dir", default=None, type=click.Path(file_okay=False), help="Where to put the site.")
def build(config_file: str, strict: bool, site_dir: str | None) -> None:
    """Build the site into site/; on failure the previous site/ is left as it was."""
    from guidance.engine import commands

    config_path = Path(config_file)
    data, docs, config = _sources(config_path, strict=strict or None)
    _load_or_exit(data, docs, strict)
    commands.show_log()
    target = Path(site_dir) if site_dir else config_path.parent / "site"
    try:
        commands.build(config, target)
    except (Exception, SystemExit) as exc:  # the engine and its plugins fail by raising or exiting
        reason = f": {commands.failure_reason(exc)}" if isinstance(exc, Exception) else " (see the messages above)"
        click.echo(f"build failed, {target} left unchanged{reason}", err=True)
        sys.exit(1)
    click.echo(f"built {target}")
    from guidance.offline import report

    offline = report(target)
    if offline:
        click.echo(offline)
    _exit_now()


@main.command()
@_CONFIG
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(config_file: str, dev_addr: str) -> None:
    """Serve the site with live reload when data/ or docs/ change."""
    from guidance.engine import commands

    data, docs, _ = _sources(Path(config_file))
    _load_or_exit(data, docs, strict=False)
    commands.show_log(logging.INFO)
    try:
        commands.serve(config_file, dev_addr)
    except Exception as exc:
        click.echo(f"serve stopped: {exc}", err=True)
        sys.exit(1)


@main.command()
@click.argument("entry_type", type=click.Choice([t for k in KINDS for t in k.entry_types]))
@click.argument("title")
@_DATA
@click.option("--level", help="indicator: the level it belongs to (default: the first).")
@click.option("--domain", help="indicator: the domain it belongs to (default: the first).")
@click.option("--need", help="service: the need it meets (default: the first).")
@click.option("--theme", help="brief: its theme (default: the first).")
def new(entry_type: str, title: str, data_dir: str, **options: str | None) -> None:
    """Add a new, valid entry with TODO where you write, e.g. `guidance new glossary-term "Team around the family"`,
    `guidance new procedure-version early-help` (TITLE is then the procedure's id)."""
    from guidance.scaffold import ScaffoldRefused, read, written

    site = _load_or_exit(data_dir, None, strict=False, quiet=True)
    kind = next(k for k in KINDS if entry_type in k.entry_types)
    try:
        scaffold = kind.scaffold(entry_type, title, site, {k: v for k, v in options.items() if v is not None})
        before = read(scaffold.file)
        text = written(scaffold, before)
    except ScaffoldRefused as exc:
        click.echo(f"not added: {exc}", err=True)
        sys.exit(1)
    path = Path(scaffold.file)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        load_site(data_dir)
    except GuidanceError as exc:  # never leave the sources broken
        path.write_text(before, encoding="utf-8") if before is not None else path.unlink()
        _print(exc.problems)
        click.echo("not added: the new entry would not be valid", err=True)
        sys.exit(1)
    click.echo(f"added {entry_type} '{scaffold.ident}' to {display_path(path)}: fill in its TODOs (guidance check lists them)")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--example", is_flag=True, help="Start from the whole fictional example, not a minimal partnership.")
def init(folder: str, example: bool) -> None:
    """Start a new project in FOLDER: sources to edit, a site that builds at once, and its publishing files."""
    from guidance.project import ProjectExists, init_project

    try:
        written = init_project(Path(folder), example=example)
    except ProjectExists as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"wrote {len(written)} files into {folder}: cd {folder} && guidance serve")
    click.echo("then fill in what `guidance check` lists as still to write (TODO)")


@main.command()
@click.argument("host", type=click.Choice(["nginx", "netlify", "iis"]))
@click.option("-d", "--site-dir", default="site", show_default=True, type=click.Path(file_okay=False, exists=True))
def headers(host: str, site_dir: str) -> None:
    """Print the security headers the built site was tested with, for HOST (nginx: a snippet to include)."""
    from guidance.headers import render, site_hashes

    click.echo(render(host, site_hashes(Path(site_dir))), nl=False)


@main.command()
@_DATA
@click.option("--new", "first", is_flag=True, help="Start the lock of a new site, where there is none yet.")
def lock(data_dir: str, first: bool) -> None:
    """Record every version in data/versions.lock, so that published ones can never change.

    Run it when you add a version. It refuses while a published version differs from the lock:
    add a new version instead of editing one that has taken effect.
    """
    from guidance.lock import Lock, updated_entries

    if first:
        path = Path(data_dir) / "versions.lock"
        if path.exists():
            click.echo(f"{display_path(path)} exists already: run `guidance lock` without --new", err=True)
            sys.exit(1)
        Lock.read(Path(data_dir)).write([])  # empty and sealed: what the check below reads
    site = _load_or_exit(data_dir, None, strict=False)
    records = [r for kind in KINDS if kind.name in site.content for r in kind.versioned(site)]
    current = Lock.read(Path(data_dir))
    new = [r for r in records if current.entries.get(r.key, None) is None or current.entries[r.key].sha256 != r.sha256]
    current.write(updated_entries(current, records, site.today))
    click.echo(f"{current.path}: {len(records)} version(s) recorded, {len(new)} new or still to come")


@main.command()
@click.option("--out", default="schemas", show_default=True, type=click.Path(file_okay=False))
def schema(out: str) -> None:
    """Write a JSON Schema for every kind of source (for editors' YAML validation)."""
    from guidance.schema import write_schemas

    for path in write_schemas(Path(out)):
        click.echo(f"wrote {path}")


def _sources(config_file: Path, **options: Any) -> tuple[str, str, MkDocsConfig]:
    """The data and docs folders that ``mkdocs.yml`` (and its guidance plugin) name, and the
    config itself, loaded once with ``options``."""
    from guidance.engine.commands import ConfigFailed, configuration

    if not config_file.exists():
        click.echo(f"{config_file}: no such file; run from the project's folder or give -f", err=True)
        sys.exit(1)
    try:
        config, data = configuration(config_file, **options)
    except ConfigFailed as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    return data, str(config.docs_dir), config


def _load_or_exit(data_dir: str, docs_dir: str | None, strict: bool, *, quiet: bool = False) -> SiteData:
    try:
        site = load_site_once(data_dir, docs_dir=docs_dir)
    except ValueError as exc:  # the build date given in the environment
        click.echo(str(exc), err=True)
        sys.exit(1)
    except GuidanceError as exc:
        _print(exc.problems)
        if exc.waiting:  # said, not silently skipped
            click.echo(f"links between entries, abbreviations, plain language and dates are checked once the "
                       f"{' and '.join(exc.waiting)} file(s) can be read", err=True)
        warnings = sum(p.is_warning for p in exc.problems)
        notices = len(exc.problems) - len(exc.errors) - warnings
        click.echo(f"{len(exc.errors)} error(s), {warnings} warning(s), {notices} notice(s)", err=True)
        sys.exit(1)
    if not quiet:
        _print(site.warnings)
    found = [w for w in site.warnings if w.is_warning]
    if strict and found:
        click.echo(f"{len(found)} warning(s), which --strict treats as errors", err=True)
        sys.exit(1)
    return site


def _exit_now() -> NoReturn:
    """End a finished build at once. Everything is written and flushed; freeing a large build's
    memory object by object would only keep the prompt waiting (0.3 s for 1,000 items)."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _print(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)

