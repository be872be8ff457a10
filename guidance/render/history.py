"""What changed and when: a procedure's history, the word-level changes in each version,
the site-wide "What's changed" page and the guidance as at any date.
"""

from __future__ import annotations

import html
from datetime import date

from guidance.diff import Block, Op, diff_blocks
from guidance.kinds.procedures.model import ProcedureText, Release
from guidance.kinds.procedures.pages import versions_script
from guidance.kinds.procedures.texts import AS_AT_PAGE, CHANGES_FEED, CHANGES_PAGE, Change, Edition, Procedure, Procedures
from guidance.references import Targets, split
from guidance.render.feeds import feed_link
from guidance.render.markdown import escape, front_matter, href, html_link, html_list, html_text, link, long_date, relative_to_page
from guidance.render.plain_text import rendered_text

__all__ = [
    "as_at_page", "blocks", "change_list", "changes_page", "diff_html", "history_page", "in_force_list", "whats_changed_page",
]


def history_page(p: Procedure, today: date) -> str:
    page = p.history_page
    title = p.title(today)
    rows = []
    for e in reversed(p.editions):
        label = f"Version {e.number}" + (" (current)" if e is p.in_force_on(today) else "")
        if e.major:
            note = html.escape(e.note or "First published.")
        else:
            note = "Minor change, such as wording: no change to practice."
        compare = f' <a href="{href(p.changes_page(e), page)}">See what changed</a>' if e.number > 1 else ""
        rows.append(
            f'<tr {_range(p, e)}><th scope="row"><a href="{href(p.version_page(e), page)}">{label}</a></th>'
            f"<td>{_period(p, e, today)}</td><td>{e.change.capitalize()}</td><td>{note}{compare}</td></tr>"
        )
    return "\n".join(
        [
            front_matter(title=f"{title}: all versions", description=f"Every version of {title} and what changed in each.", procedure=p.id),
            f"# {escape(title)}: all versions\n",
            f"Every version of {link('this procedure', relative_to_page(p.page, page))} is kept unchanged at its own "
            "address, so you can see what it said at any time. Major changes say what changed; minor changes, "
            "such as wording, do not change practice.\n",
            "## Which version applied on a date\n",
            _date_form("versions", "version"),
            f"Or see {link('all guidance as it was on a date', relative_to_page(AS_AT_PAGE, page))}.\n",
            "## Versions\n",
            f'<table id="versions-table">\n<caption>Versions of {html.escape(title)}, newest first</caption>\n'
            '<thead><tr><th scope="col">Version</th><th scope="col">In force</th><th scope="col">Change</th>'
            '<th scope="col">What changed</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n",
            versions_script(page),
        ]
    )


def changes_page(p: Procedure, e: Edition, targets: Targets) -> str:
    """The words that changed between version ``e`` and the one before, section by section."""
    before = p.previous(e)
    assert before is not None, "the first version has no changes page"
    page = p.changes_page(e)
    changes = diff_blocks(blocks(before.text, targets), blocks(e.text, targets))
    what = f"{e.note}" if e.major and e.note else "Minor change, such as wording: no change to practice."
    parts = [
        front_matter(
            title=f"What changed in version {e.number}: {e.text.title}",
            description=f"The words that changed in version {e.number} of {e.text.title}.",
            procedure=p.id,
            glossary_links=False,
        ),
        f"# {escape(e.text.title)}: what changed in version {e.number}\n",
        f"Version {e.number} of {link(e.text.title, relative_to_page(p.page, page))}, in force from "
        f"{long_date(e.effective)}. {escape(what)}\n",
        f"Compare {link(f'version {before.number}, before', relative_to_page(p.version_page(before), page))} with "
        f"{link(f'version {e.number}, after', relative_to_page(p.version_page(e), page))}, or see "
        f"{link('all versions', relative_to_page(p.history_page, page))}.\n",
        '<div class="gl-diff-key" role="note">\n<p><strong>How to read this page:</strong> words added in version '
        f"{e.number} are <ins>underlined</ins> and words taken out are <del>struck through</del>. Screen readers "
        'say "added" and "removed" before them.</p>\n</div>\n',
    ]
    if not changes:
        parts.append("The text is the same as the version before; only its date or note changed.\n")
    for change in changes:
        status = {"changed": "", "added": " (new)", "removed": " (taken out)"}[change.status]
        parts += [f"## {escape(change.heading)}{status}\n", f'<div class="gl-diff">\n{diff_html(change.ops)}\n</div>\n']
    return "\n".join(parts)


def diff_html(ops: list[Op]) -> str:
    """Changed words marked with <ins> and <del>, and said aloud, not shown by colour alone."""
    out = []
    for tag, text in ops:
        words = "<br>\n".join(html.escape(line) for line in text.split("\n"))
        if tag == "equal":
            out.append(words)
        elif tag == "delete":
            out.append(f'<del><span class="gl-sr">removed: </span>{words}</del>')
        else:
            out.append(f'<ins><span class="gl-sr">added: </span>{words}</ins>')
    return "<p>" + " ".join(out) + "</p>"


def blocks(t: ProcedureText, targets: Targets) -> list[Block]:
    """A version as titled blocks of words, keyed so that steps are compared with themselves. The
    words are those a reader sees: Markdown is rendered first, so a word made bold is the word."""
    found = [
        Block("title", "Title", t.title),
        Block("summary", "Summary", rendered_text(t.summary)),
        Block("scope", "When this procedure applies", rendered_text(t.scope)),
        Block("applies", "Who must follow it", "\n".join(rendered_text(a) for a in t.applies_to)),
    ]
    for step in t.steps:
        lines = [step.title, *([f"Who: {step.who}"] if step.who else []), rendered_text(step.text)]
        lines += [f"Timescale: {step.timescale}"] if step.timescale else []
        found.append(Block(f"step:{step.id}", f"Step: {step.title}", "\n".join(lines)))
    found.append(Block("legal", "Legal basis", "\n".join(c.label() for c in t.legal_basis)))
    found.append(Block("links", "Related guidance", "\n".join(_title(r, targets) for r in t.links)))
    return [b for b in found if b.text]


def _title(reference: str, targets: Targets) -> str:
    kind, ident = split(reference)
    target = targets.get(kind, {}).get(ident)
    return target.title if target else reference


def whats_changed_page(procedures: Procedures, releases: dict[str, Release], today: date) -> str:
    page = CHANGES_PAGE
    parts = [
        front_matter(title="What's changed", description="Changes to practice in the partnership's procedures, newest first.", feed=CHANGES_FEED),
        "# What's changed\n",
        "Changes to practice in our procedures, newest first, grouped by release. Minor changes, such as "
        "wording, are listed in each procedure's history. "
        f"{feed_link('Follow these changes in a feed reader', CHANGES_FEED, page)}.\n",
    ]
    coming = [c for c in procedures.changes(today, include_upcoming=True) if c.edition.effective > today]
    if coming:  # the lists are HTML, made from data: the build passes them through (raw_blocks.py)
        parts += ["## Coming into force\n", html_list(_change_item(c, page, when=True, as_html=True) for c in reversed(coming))]
    for release, day, changes in procedures.grouped(procedures.changes(today), releases):
        heading = f"{release.title}, {long_date(day)}" if release else long_date(day)
        parts.append(f"## {escape(heading)}\n")
        if release:
            parts.append(f"<p>{html_text(release.summary)}</p>\n")
        parts.append(html_list(_change_item(c, page, as_html=True) for c in changes))
    return "\n".join(parts)


def _change_item(c: Change, page: str, *, when: bool = False, as_html: bool = False) -> str:
    """One change as a Markdown list item, or ``as_html`` as the HTML inside one."""
    p, e = c.procedure, c.edition

    def to(text: str, target: str) -> str:
        if as_html:
            return html_link(text, target, page)
        return link(text, relative_to_page(target, page))

    name = f"<strong>{to(e.text.title, p.page)}</strong>" if as_html else f"**{to(e.text.title, p.page)}**"
    if e.number == 1:
        item = f"{name}: new procedure, in force from {long_date(e.effective)}."
    else:
        prefix = f"From {long_date(e.effective)}: " if when else ""
        note = (html_text if as_html else escape)(e.note or "")
        item = f"{prefix}{name}: {note} {to(f'See what changed in version {e.number}', p.changes_page(e))}."
    return item if as_html else f"- {item}"


def as_at_page(procedures: Procedures, today: date) -> str:
    """Every version of every procedure with its dates; a date filters it to those then in force."""
    page = AS_AT_PAGE
    rows = []
    for p in sorted(procedures, key=lambda p: p.title(today)):
        for e in p.editions:
            rows.append(
                f'<tr {_range(p, e)}><th scope="row"><a href="{href(p.version_page(e), page)}">'
                f"{html.escape(e.text.title)}</a></th><td>Version {e.number}</td><td>{_period(p, e, today)}</td></tr>"
            )
    return "\n".join(
        [
            front_matter(title="Guidance as at a date", description="Which version of each procedure was in force on a date."),
            "# Guidance as at a date\n",
            "Choose a date to see the version of each procedure that was in force that day: for example, the date "
            "of an incident under review. Without a date, the table lists every version.\n",
            _date_form("as-at", "procedure"),
            '<table id="as-at-table">\n<caption>Every version of every procedure</caption>\n'
            '<thead><tr><th scope="col">Procedure</th><th scope="col">Version</th><th scope="col">In force</th></tr></thead>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n",
            versions_script(page),
        ]
    )


def _date_form(name: str, noun: str) -> str:
    # It works only with JavaScript, so without it the form is not shown (gl-needs-js): the table
    # below lists every version and its dates either way.
    return (
        f'<form class="gl-finder gl-as-at gl-needs-js" method="get" data-gl-as-at="{name}-table" data-gl-noun="{noun}">\n'
        f'<div class="gl-field"><label for="{name}-date">Date</label>\n'
        f'<input type="date" id="{name}-date" name="date" required></div>\n'
        f'<button type="submit" class="md-button md-button--primary">Show what was in force</button>\n'
        f'<button type="reset" class="md-button">Show all versions</button>\n'
        f'<p id="{name}-status" class="gl-as-at-status" role="status" aria-live="polite"></p>\n</form>\n'
    )


def _range(p: Procedure, e: Edition) -> str:
    end = p.until(e)
    return f'data-from="{e.effective.isoformat()}" data-until="{end.isoformat() if end else ""}"'


def _period(p: Procedure, e: Edition, today: date) -> str:
    end = p.until(e)
    if e.effective > today:
        return f"From {long_date(e.effective)} (not yet in force)"
    return f"{long_date(e.effective)} to {long_date(end)}" if end else f"From {long_date(e.effective)} to now"



def change_list(procedures: Procedures, today: date, since: date, page: str) -> str:
    """Changes to practice since a date, newest first, as a Markdown list (for the changes_since macro)."""
    changes = procedures.changes(today, since=since)
    if not changes:
        return f"No changes to practice since {long_date(since)}."
    return "\n".join(_change_item(c, page) for c in changes)


def in_force_list(pairs: list[tuple[Procedure, Edition]], day: date, page: str) -> str:
    """The version of each procedure in force on a date, linked, as a Markdown list."""
    if not pairs:
        return f"No procedure was in force on {long_date(day)}."
    return "\n".join(
        f"- {link(e.text.title, relative_to_page(p.version_page(e), page))}, version {e.number} "
        f"(in force from {long_date(e.effective)})"
        for p, e in pairs
    )
