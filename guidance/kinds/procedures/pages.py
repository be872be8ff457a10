"""A procedure's pages: the version in force, each version at its own address, and the list.

The text of a version is rendered the same way wherever it appears; only the banner above it
says whether it is the current version, a past one or one still to come.
"""

from __future__ import annotations

from datetime import date

from guidance.kinds.briefs.pages import learning_section
from guidance.kinds.procedures.model import ProcedureText, Step
from guidance.kinds.procedures.texts import AS_AT_PAGE, CHANGES_PAGE, INDEX_PAGE, Edition, Procedure, Procedures
from guidance.references import Target, Targets
from guidance.render.markdown import (
    admonition,
    asset_href,
    attr,
    escape,
    facts_list,
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    link,
    long_date,
    reference_anchor,
    relative_to_page,
)

__all__ = ["VERSIONS_SCRIPT", "current_page", "index_page", "version_page", "version_text", "versions_script"]

VERSIONS_SCRIPT = "assets/guidance/versions.js"


def current_page(p: Procedure, today: date, targets: Targets, learning: list[Target] | None = None) -> str:
    """The procedure's stable address: the version in force today, and any version to come."""
    e = p.shown(today)
    page = p.page
    s = p.source
    facts = [
        ("Version", f"{e.number}, in force since {long_date(e.effective)}" if e.effective <= today else f"{e.number}"),
        ("Owner", html_text(s.owner)),
        ("Last reviewed", long_date(s.reviewed)),
        ("Next review due", long_date(s.review_due) + (" (overdue)" if s.review_due < today else "")),
    ]
    return "\n".join(
        [
            front_matter(title=e.text.title, description=e.text.summary, procedure=p.id),
            f"# {escape(e.text.title)}\n",
            _current_banner(p, e, today),
            *(_upcoming_banner(p, later, page) for later in p.upcoming(today) if later is not e),
            facts_list(facts),
            version_text(e.text, page, targets),
            learning_section(learning or [], page),
            versions_script(page),
        ]
    )


def version_page(p: Procedure, e: Edition, today: date, targets: Targets) -> str:
    """One version at its permanent address, saying plainly whether it applies today."""
    page = p.version_page(e)
    current = p.in_force_on(today)
    return "\n".join(
        [
            front_matter(
                title=f"{e.text.title} (version {e.number})",
                description=f"Version {e.number} of {e.text.title}, {_period(p, e)}.",
                procedure=p.id,
            ),
            f"# {escape(e.text.title)}\n",
            _version_banner(p, e, current, page),
            version_text(e.text, page, targets),
        ]
    )


def _current_banner(p: Procedure, e: Edition, today: date) -> str:
    history = html_link("See every version and what changed", p.history_page, p.page)
    if e.effective > today:
        return _note(f"<strong>This procedure comes into force on {long_date(e.effective)}.</strong> {history}")
    if e.number == 1:
        said = "This is the first version."
    elif e.major:
        said = f"What changed: {html_text(e.note or '')}"
    else:
        last = p.last_major(e)
        said = f"It made minor changes only, such as wording. The last change to practice was on {long_date(last.effective)}"
        said += f": {html_text(last.note)}" if last.note and last.number > 1 else "."
    return _note(f"<strong>This version took effect on {long_date(e.effective)}.</strong> {said} {history}")


def _upcoming_banner(p: Procedure, later: Edition, page: str) -> str:
    read = html_link(f"Read version {later.number}", p.version_page(later), page)
    compare = html_link("see what will change", p.changes_page(later), page)
    note = f" {html_text(later.note)}" if later.major and later.note else ""
    when = long_date(later.effective)
    # versions.js swaps the two statements if the date passes before the site is next built.
    return _note(
        f'<strong class="gl-when-coming">Version {later.number} comes into force on {when}.</strong>'
        f'<strong class="gl-when-come" hidden>Version {later.number} came into force on {when}, after this page was '
        f"published: it now applies.</strong>{note} {read} or {compare}.",
        coming=later.effective,
    )


def _version_banner(p: Procedure, e: Edition, current: Edition | None, page: str) -> str:
    to_current = html_link("Read the current version", p.page, page)
    history = html_link("all versions", p.history_page, page)
    changes = f" {html_link('See what changed in it', p.changes_page(e), page)}." if e.number > 1 else ""
    if current is e:
        return _note(f"<strong>This is the current version ({e.number}), {_period(p, e)}.</strong>{changes} See {history}.")
    if current is None or e.effective > current.effective:
        return admonition("warning", "Not in force yet", f"Version {e.number} comes into force on {long_date(e.effective)}. "
                          f"Until then, the current version applies. {to_current}, or see {history}.{changes}")
    return admonition("warning", "This is not the current version", f"Version {e.number} was {_period(p, e)}. {to_current}, or see {history}.{changes}")


def _note(html: str, coming: date | None = None) -> str:
    """A version's status, above its text: HTML made from data, which the build passes through."""
    if coming is None:
        return f'<div class="gl-version" role="note">\n<p>{html}</p>\n</div>\n'
    return f'<div class="gl-version gl-upcoming" data-gl-effective="{coming.isoformat()}" role="note">\n<p>{html}</p>\n</div>\n'


def _period(p: Procedure, e: Edition) -> str:
    end = p.until(e)
    return f"in force from {long_date(e.effective)} to {long_date(end)}" if end else f"in force from {long_date(e.effective)}"


def version_text(t: ProcedureText, page: str, targets: Targets) -> str:
    """The body of one version: what it is for, when it applies, the steps and their timescales.

    Only the headings and the text written in Markdown are Markdown: lists, tables and labels made
    from the data are HTML, which the build passes through untouched (guidance/render/raw_blocks.py)
    instead of reading a version's scaffolding as Markdown on every page that shows it."""
    parts = [
        f"{t.summary}\n",
        "## When this procedure applies\n",
        f"{t.scope}\n",
        "## Who must follow it\n",
        html_list(html_text(who) for who in t.applies_to),
    ]
    timed = [(n, s) for n, s in enumerate(t.steps, 1) if s.timescale]
    if timed:
        rows = [(f'<a href="#{s.id}">{n}. {html_text(s.title)}</a>', html_text(str(s.timescale))) for n, s in timed]
        parts += ["## Timescales\n", html_table(("Step", "Timescale"), rows)]
    parts.append("## What to do\n")
    parts += [_step(n, s) for n, s in enumerate(t.steps, 1)]
    if t.legal_basis:
        parts += ["## Legal basis\n", html_list(_citation(c.label(), c.url) for c in t.legal_basis)]
    if t.links:
        parts += ["## Related guidance\n", html_list(reference_anchor(r, targets, page) for r in t.links)]
    return "\n".join(parts)


def _step(n: int, s: Step) -> str:
    parts = [f"### {n}. {escape(s.title)} {{ #{s.id} }}\n"]
    if s.who:
        parts.append(f"<p><strong>Who:</strong> {html_text(s.who)}</p>\n")
    parts.append(f"{s.text}\n")
    if s.timescale:
        d = s.timescale.duration
        parts.append(
            f'<p class="gl-timescale" data-within="{d.amount}" data-unit="{d.slug}">'
            f"<strong>Timescale:</strong> {attr(str(s.timescale))}</p>\n"
        )
    return "\n".join(parts)


def _citation(label: str, url: str | None) -> str:
    return f'<a href="{attr(url)}">{html_text(label)}</a>' if url else html_text(label)


def versions_script(page: str) -> str:
    return f'<script src="{asset_href(VERSIONS_SCRIPT, page)}" defer></script>\n'


def index_page(procedures: Procedures, today: date) -> str:
    """Every procedure by group, each with what it is for and when it last changed."""
    groups: dict[str, list[Procedure]] = {}
    for p in sorted(procedures, key=lambda p: p.title(today)):
        groups.setdefault(p.source.group, []).append(p)
    parts = [
        front_matter(title="Procedures", description="What to do, by when, and who does it: the partnership's procedures."),
        "# Procedures\n",
        "Each procedure shows the version in force today. Every past version is kept at its own address. "
        f"See {link('what has changed', relative_to_page(CHANGES_PAGE, INDEX_PAGE))} or "
        f"{link('the guidance as it was on a date', relative_to_page(AS_AT_PAGE, INDEX_PAGE))}.\n",
    ]
    for group in sorted(groups):
        parts.append(f"## {escape(group)}\n")
        for p in groups[group]:
            e = p.shown(today)
            changed = p.last_major(e)
            parts.append(
                f"- **{link(e.text.title, relative_to_page(p.page, INDEX_PAGE))}**: {escape(e.text.summary)} "
                f"*Last changed {long_date(changed.effective)}.*"
            )
        parts.append("")
    return "\n".join(parts)
