"""The threshold pages: overview, one page per level, the matrix, and the indicator finder.

Indicator lists are written as HTML (each indicator needs its own anchor and data for the
finder); the rest is Markdown. Links between these pages assume directory URLs.
"""

from __future__ import annotations

import html

from guidance.kinds.partnership.model import Contact
from guidance.kinds.partnership.pages import contact_line
from guidance.kinds.thresholds.grid import Thresholds, finder_page, level_page, matrix_page
from guidance.kinds.thresholds.model import Indicator, Level
from guidance.references import Targets
from guidance.render.markdown import asset_href, escape, front_matter, href, link, reference_link, relative_to_page

__all__ = ["finder", "indicator_reference", "level", "level_summary", "matrix", "overview"]

FINDER_SCRIPT = "assets/guidance/finder.js"


def overview(t: Thresholds) -> str:
    parts = [
        front_matter(title=t.source.title, description="The levels of need and what to do at each."),
        f"# {escape(t.source.title)}\n",
        f"{t.source.introduction}\n",
        f"*Follows {escape(t.source.source.label())}.* "
        f"See {link('all levels and domains on one page', 'matrix.md')} or "
        f"{link('find an indicator', 'finder.md')}.\n",
        "## The levels\n",
    ]
    for lvl in t.source.levels:
        parts.append(
            f'<section class="gl-level" style="--gl-level-colour: {html.escape(lvl.colour)}" markdown>\n\n'
            f"### {link(t.label(lvl), f'level-{lvl.id}.md')}\n\n{lvl.summary}\n\n"
            f"**What happens:** {lvl.response}\n\n</section>\n"
        )
    return "\n".join(parts)


def level(t: Thresholds, lvl: Level, contacts: list[Contact], targets: Targets) -> str:
    page = level_page(lvl)
    parts = [
        front_matter(title=t.label(lvl), description=lvl.summary),
        f'# {escape(t.label(lvl))}\n\n<p class="gl-level-marker" style="--gl-level-colour: '
        f'{html.escape(lvl.colour)}">Level {html.escape(lvl.id)} of {len(t.levels)}</p>\n',
        f"{lvl.summary}\n",
        "## What to do at this level\n",
        f"{lvl.response}\n",
        "\n".join(f"{n}. {action}" for n, action in enumerate(lvl.actions, 1)) + "\n",
    ]
    if lvl.timescales:
        parts.append("### Timescales\n\n" + "\n".join(f"- {item}" for item in lvl.timescales) + "\n")
    if contacts:
        parts.append("### Who to contact\n\n" + "\n".join(f"- {contact_line(c)}" for c in contacts) + "\n")
    if lvl.links:
        parts.append("### Related guidance\n\n" + "\n".join(f"- {reference_link(r, targets, page)}" for r in lvl.links) + "\n")
    parts.append("## Indicators\n\nAny one indicator is a prompt to think, not a verdict: weigh them together, "
                 "with the child's and family's strengths.\n")
    for domain in t.source.domains:
        parts.append(f"### {escape(domain.name)} {{ #level-{lvl.id}-{domain.id} }}\n")
        items = t.cell(lvl.id, domain.id)
        if items:
            parts.append(_indicator_list(t, items) + "\n")
        else:
            parts.append(f"{lvl.no_indicators[domain.id]}\n")
    return "\n".join(parts)


def matrix(t: Thresholds) -> str:
    head = "".join(f'<th scope="col" role="columnheader">{html.escape(d.name)}</th>' for d in t.source.domains)
    rows = []
    for lvl in t.source.levels:
        cells = []
        for domain in t.source.domains:
            items = t.cell(lvl.id, domain.id)
            content = "<ul>" + "".join(
                f'<li><a href="{href(level_page(lvl), matrix_page, i.id)}">{html.escape(i.text)}</a></li>' for i in items
            ) + "</ul>" if items else f"<p>{html.escape(lvl.no_indicators.get(domain.id, ''))}</p>"
            cells.append(f'<td role="cell"><p class="gl-cell-label" aria-hidden="true">{html.escape(domain.name)}</p>{content}</td>')
        label = f'<a href="{href(level_page(lvl), matrix_page)}">{html.escape(t.label(lvl))}</a>'
        rows.append(f'<tr role="row" style="--gl-level-colour: {html.escape(lvl.colour)}">'
                    f'<th scope="row" role="rowheader">{label}</th>{"".join(cells)}</tr>')
    return "\n".join([
        front_matter(title="Levels of need at a glance", description="Every level and domain of the threshold document on one page."),
        "# Levels of need at a glance\n",
        f"Every indicator in the {escape(t.source.title)}, by level and domain. Select an indicator to read it "
        f"in full with what to do; or {link('search the indicators', 'finder.md')}.\n",
        f'<table class="gl-matrix" role="table"><caption>Indicators by level of need (rows) and '
        f'domain (columns)</caption><thead><tr role="row"><th scope="col" role="columnheader">Level</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>\n',
    ])


def finder(t: Thresholds) -> str:
    groups = []
    for lvl in t.source.levels:
        domains = []
        for domain in t.source.domains:
            items = "".join(_finder_item(t, lvl, i) for i in t.cell(lvl.id, domain.id))
            if items:
                domains.append(f'<section data-group><h3>{html.escape(domain.name)}</h3><ul class="gl-finder-list">{items}</ul></section>')
        groups.append(f'<section data-group><h2 id="finder-level-{lvl.id}">{html.escape(t.label(lvl))}</h2>{"".join(domains)}</section>')
    total = len(t.indicators)
    return "\n".join([
        front_matter(title="Find an indicator", description="Search the threshold indicators by words, domain, level and age."),
        "# Find an indicator\n",
        "Type what you are seeing, such as *missed appointments* or *domestic abuse*, and narrow by "
        "domain, level or age. Every indicator is listed below, grouped by level and domain.\n",
        _finder_form(t),
        f'<p id="gl-finder-count" class="gl-finder-count" role="status" aria-live="polite">Showing all {total} indicators</p>\n',
        f'<div id="gl-finder-results">{"".join(groups)}</div>\n',
        f'<script src="{asset_href(FINDER_SCRIPT, finder_page)}" defer></script>\n',
    ])


def _indicator_list(t: Thresholds, items: list[Indicator]) -> str:
    entries = []
    for i in items:
        examples = f'<br><span class="gl-examples">For example: {html.escape("; ".join(i.examples))}.</span>' if i.examples else ""
        entries.append(f'<li id="{html.escape(i.id)}"><span class="gl-indicator-id">{html.escape(i.id)}</span> '
                       f'{html.escape(i.text)} <span class="gl-ages">({html.escape(t.ages(i))})</span>{examples}</li>')
    return f'<ul class="gl-indicators">{"".join(entries)}</ul>'


def _finder_item(t: Thresholds, lvl: Level, i: Indicator) -> str:
    words = " ".join([i.id, i.text, *i.examples, *i.keywords, t.domains[i.domain].name, lvl.name]).lower()
    return (f'<li data-indicator data-level="{html.escape(lvl.id)}" data-domain="{html.escape(i.domain)}" '
            f'data-ages="{html.escape(" ".join(i.age_bands))}" data-text="{html.escape(words)}">'
            f'<a href="{href(level_page(lvl), finder_page, i.id)}">{html.escape(i.text)}</a> '
            f'<span class="gl-tags">{html.escape(i.id)} · {html.escape(t.ages(i))}</span></li>')


def _finder_form(t: Thresholds) -> str:
    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        choices = "".join(f'<option value="{html.escape(v)}">{html.escape(text)}</option>' for v, text in options)
        return (f'<div class="gl-field"><label for="gl-finder-{name}">{label}</label>'
                f'<select id="gl-finder-{name}" name="{name}"><option value="">Any</option>{choices}</select></div>')

    return (
        '<form id="gl-finder" class="gl-finder" role="search" aria-label="Find an indicator" hidden>'
        '<div class="gl-field gl-field--wide"><label for="gl-finder-q">Words to find</label>'
        '<input id="gl-finder-q" name="words" type="search" autocomplete="off"></div>'
        + select("domain", "Domain", [(d.id, d.name) for d in t.source.domains])
        + select("level", "Level", [(lvl.id, t.label(lvl)) for lvl in t.source.levels])
        + select("age", "Age", [(a.id, a.name) for a in t.source.age_bands])
        + "</form>\n"
    )


def level_summary(t: Thresholds, lvl: Level, page: str) -> str:
    """A short Markdown block for hand-written pages: the level, what it means, what happens."""
    target = relative_to_page(level_page(lvl), page)
    return (f'<div class="gl-level" style="--gl-level-colour: {html.escape(lvl.colour)}" markdown>\n\n'
            f"**{link(t.label(lvl), target)}**: {lvl.summary} {lvl.response}\n\n</div>\n")


def indicator_reference(t: Thresholds, indicator: Indicator, page: str) -> str:
    """An inline Markdown link to one indicator, citing its id, e.g. for training material."""
    lvl = t.levels[indicator.level]
    # Without its full stop: the link sits inside the writer's sentence, which has its own.
    return link(f"{indicator.id}: {indicator.text.rstrip('.')}", f"{relative_to_page(level_page(lvl), page)}#{indicator.id}")
