"""A decision flow's page: one question at a time with JavaScript, every node as linked sections without.

The page holds the whole flow. Without JavaScript each answer is a link to the next section, so
nothing is lost; flow.js shows one step at a time, keeps the answers in the query string and
builds the decision record, all in the page.
"""

from __future__ import annotations

import html
import json
from datetime import date, timedelta

from guidance.kinds.briefs.pages import learning_section
from guidance.kinds.calendar.days import YEARS_AHEAD, Calendar
from guidance.kinds.flows.diagram import KIND_NAMES, diagram_figure, flow_svg
from guidance.kinds.flows.logic import FLOWS_INDEX, Flow, FlowEdition, answer_value, deadline
from guidance.kinds.flows.model import Node
from guidance.kinds.flows.versions import version_path
from guidance.kinds.partnership.pages import contact_line
from guidance.kinds.procedures.model import Timescale
from guidance.references import Target, Targets
from guidance.render.markdown import asset_href, attr, escape, front_matter, link, long_date, reference_link, relative_to_page
from guidance.site import SiteData

__all__ = ["FLOW_SCRIPT", "flow_page", "index_page"]

FLOW_SCRIPT = "assets/guidance/flow.js"


def flow_page(flow: Flow, site: SiteData, targets: Targets, calendar: Calendar, learning: list[Target] | None = None) -> str:
    e = flow.shown(site.today)
    t = e.text
    page = flow.page
    root = (
        f'<div class="gl-flow" data-gl-flow="{flow.id}" data-title="{attr(t.title)}" data-version="{e.number}" '
        f'data-site="{attr(site.partnership.name)}" '
        f'data-effective="{e.effective.isoformat()}" data-start="{t.start}" '
        f'data-holidays="{attr(json.dumps([d.isoformat() for d in calendar.days]))}" '
        f'data-holidays-from="{calendar.first_year}" data-holidays-to="{calendar.last_year}" markdown>\n'
    )
    parts = [
        front_matter(title=t.title, description=f"A step-by-step tool: {t.title}", flow=flow.id, hide=["toc"]),
        f"# {escape(t.title)}\n",
        root,
        '<nav class="gl-flow-controls" aria-label="Flow" hidden><a href="./" data-gl-back>Back</a> '
        '<a href="./" data-gl-restart>Start again</a></nav>\n',
        _start(flow, e, page),
        *(_node(ident, node, site, targets, page, calendar) for ident, node in t.nodes.items()),
        _record(),
        _paper_record(flow, e, site),
        "</div>\n",
        "## The whole flow at a glance\n",
        diagram_figure(flow_svg(t, t.title), "Every question and outcome of this flow. The same flow is set out in words above."),
        _about(flow, e, site.today),
        learning_section(learning or [], page),
        f'<script src="{asset_href(FLOW_SCRIPT, page)}" defer></script>\n',
    ]
    return "\n".join(parts)


def _start(flow: Flow, e: FlowEdition, page: str) -> str:
    t = e.text
    need = "\n".join(f"- {escape(item)}" for item in t.you_need)
    return (
        '<section class="gl-step gl-start" id="start" data-step="start" markdown>\n\n'
        f"{t.purpose}\n\n" + (f"**You will need:**\n\n{need}\n\n" if need else "")
        + "Your answers stay in this page's address, so you can bookmark or share the page at any step. "
        "Nothing you type is sent or saved.\n\n"
        f'<p><a class="md-button md-button--primary gl-start-button" href="#node-{t.start}">Start now</a></p>\n\n</section>\n'
    )


def _node(ident: str, node: Node, site: SiteData, targets: Targets, page: str, calendar: Calendar) -> str:
    if node.outcome:
        return _outcome(ident, node, site, targets, page, calendar)
    parts = [
        f'<section class="gl-step gl-question" id="node-{ident}" data-step="{ident}" data-text="{attr(node.question or "")}" markdown>\n',
        f'<h2 class="gl-step-heading" tabindex="-1">{html.escape(node.question or "")}</h2>\n',
    ]
    if node.help:
        parts.append(f'<div class="gl-help" markdown>\n\n{node.help}\n\n</div>\n')
    if node.terms:
        rows = "\n".join(
            f"<dt>{html.escape(term.term)}</dt><dd>{html.escape(term.summary)}</dd>"
            for term in (site.glossary.by_id[t] for t in node.terms)
        )
        parts.append(f'<dl class="gl-flow-terms">\n{rows}\n</dl>\n')
    answers = "\n".join(
        f'<li><a class="md-button gl-answer" href="#node-{a.next}" data-value="{answer_value(a)}" data-next="{a.next}">'
        f"{html.escape(a.label)}</a></li>"
        for a in node.answers or []
    )
    parts.append(f'<ul class="gl-answers">\n{answers}\n</ul>\n')
    if node.links:
        parts.append("\n".join(f"- {reference_link(r, targets, page)}" for r in node.links) + "\n")
    parts.append("</section>\n")
    return "\n".join(parts)


def _outcome(ident: str, node: Node, site: SiteData, targets: Targets, page: str, calendar: Calendar) -> str:
    kind = KIND_NAMES[node.outcome or "refer"]
    parts = [
        f'<section class="gl-step gl-outcome gl-outcome--{node.outcome}" id="node-{ident}" data-step="{ident}" '
        f'data-outcome="{node.outcome}" data-text="{attr(kind + ": " + (node.title or ""))}" markdown>\n',
        f'<h2 class="gl-step-heading" tabindex="-1"><span class="gl-outcome-kind">{kind}:</span> {html.escape(node.title or "")}</h2>\n',
        f"{node.text}\n",
    ]
    if node.deadline:
        parts.append(_deadline(ident, node, calendar))
    if node.contacts:
        lines = "\n".join(f"- {contact_line(c)}" for c in (site.partnership.contact(i) for i in node.contacts) if c)
        parts.append(f"**Who to contact:**\n\n{lines}\n")
    if node.links:
        parts.append("**Guidance:**\n\n" + "\n".join(f"- {reference_link(r, targets, page)}" for r in node.links) + "\n")
    parts.append("</section>\n")
    return "\n".join(parts)


def _deadline(ident: str, node: Node, calendar: Calendar) -> str:
    """By when, and (with JavaScript) the date it falls on, from a day, month and year typed in
    three boxes as GOV.UK asks for dates: a browser's date picker shows mm/dd/yyyy in some places."""
    assert node.deadline is not None
    d = node.deadline.duration
    of = html.escape(node.deadline.of)
    field = f"deadline-{ident}"
    boxes = "".join(
        f'<div class="gl-date-item"><label for="{field}-{part}">{name}</label>'
        f'<input class="gl-date-input gl-date-input--{part}" id="{field}-{part}" name="{part}" type="text" '
        f'inputmode="numeric" autocomplete="off" spellcheck="false" maxlength="{size}" size="{size}"></div>'
        for part, name, size in (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
    )
    return (
        f'<div class="gl-deadline" data-amount="{d.amount}" data-unit="{d.slug}" data-of="{attr(node.deadline.of)}">\n'
        f"<p><strong>By when:</strong> {html.escape(str(node.deadline).replace('Within', 'within', 1))}.</p>\n"
        f'<p class="gl-deadline-rule">{html.escape(deadline_rule(node.deadline, calendar))}</p>\n'
        f'<fieldset class="gl-date gl-js" id="{field}" role="group" aria-describedby="{field}-hint" hidden>\n'
        f'<legend>Date of {of}</legend>\n<p class="gl-hint" id="{field}-hint">For example, 27 3 2024</p>\n'
        f'<div class="gl-date-items">{boxes}</div>\n</fieldset>\n'
        '<p class="gl-deadline-result" role="status" aria-live="polite"></p>\n</div>\n'
    )


def deadline_rule(timescale: Timescale, calendar: Calendar) -> str:
    """How to count the deadline by hand, with a worked example across the last Christmas."""
    d = timescale.duration
    start = date(calendar.last_year - YEARS_AHEAD - 1, 12, 22)  # just before last Christmas
    while start.weekday() >= 5:
        start -= timedelta(days=1)
    due = deadline(start, timescale, calendar.days)
    if d.unit == "working days":
        how = (f"Count {d.amount} working days from the day after {timescale.of}, leaving out Saturdays, "
               f"Sundays and bank holidays in {calendar.region_name}")
    elif d.unit == "hours":
        return f"Count {d.amount} hours from the time of {timescale.of}, nights and weekends included."
    else:
        how = f"Count {d.amount} {d.unit} from {timescale.of}, weekends and bank holidays included"
    return f"{how}. For example, from {_weekday_date(start)} it is {_weekday_date(due)}." if due else f"{how}."


def _weekday_date(day: date) -> str:
    return f"{day:%A} {long_date(day)}"


def _record() -> str:
    """The parts only JavaScript uses: the answers so far and the decision record."""
    return (
        '<section class="gl-summary" aria-labelledby="gl-summary-heading" hidden>\n'
        '<h2 id="gl-summary-heading">Your answers so far</h2>\n<dl class="gl-summary-list"></dl>\n</section>\n'
        '<section class="gl-record" aria-labelledby="gl-record-heading" hidden>\n'
        '<h2 id="gl-record-heading">Decision record</h2>\n'
        '<div class="gl-field gl-field--wide"><label for="gl-rationale">Your rationale</label>\n'
        '<p class="gl-hint" id="gl-rationale-hint">Why you reached this decision. It stays in this browser tab: it is '
        "never sent anywhere, it is kept if you follow a link and come back, and Start again, Exit this page or "
        "closing the tab clears it.</p>\n"
        '<textarea id="gl-rationale" rows="6" autocomplete="off" aria-describedby="gl-rationale-hint"></textarea></div>\n'
        '<div class="gl-field gl-field--wide"><label for="gl-decided-by">Who decided (name and role)</label>\n'
        '<input id="gl-decided-by" type="text" autocomplete="off" spellcheck="false"></div>\n'
        '<p><button type="button" class="md-button md-button--primary" data-gl-print>Print decision record</button> '
        '<button type="button" class="md-button" data-gl-copy>Copy decision record</button></p>\n'
        '<p class="gl-copy-status" role="status" aria-live="polite"></p>\n'
        '<pre class="gl-record-text" tabindex="0" aria-label="Decision record text"></pre>\n</section>\n'
    )


def _paper_record(flow: Flow, e: FlowEdition, site: SiteData) -> str:
    """Without JavaScript: a decision record to print and fill in by hand, every question listed."""
    t = e.text
    questions = "".join(
        f"<li>{html.escape(node.question or '')}<br>Answer: <span class=\"gl-blank\"></span></li>"
        for node in t.nodes.values() if node.question
    )
    lines = '<span class="gl-blank gl-blank--line"></span>' * 4
    return (
        '<noscript><section class="gl-paper-record" aria-labelledby="gl-paper-record-heading">\n'
        '<h2 id="gl-paper-record-heading">Decision record to print and fill in</h2>\n'
        f"<p>{html.escape(site.partnership.name)}. Flow: {html.escape(t.title)} (version {e.number}, in force from "
        f"{long_date(e.effective)}). Answer the questions you were asked; leave the others blank.</p>\n"
        f"<ol>{questions}</ol>\n"
        '<p>Outcome: <span class="gl-blank"></span></p>\n'
        '<p>Deadline: <span class="gl-blank"></span> counted from: <span class="gl-blank"></span></p>\n'
        f"<p>Rationale (why you reached this decision):</p>{lines}\n"
        '<p>Decided by (name and role): <span class="gl-blank"></span></p>\n'
        '<p>Date and time: <span class="gl-blank"></span></p>\n'
        "</section></noscript>\n"
    )


def _about(flow: Flow, e: FlowEdition, today: date) -> str:
    rows = "\n".join(
        f"| {link(f'Version {v.number}', relative_to_page(version_path(flow, v), flow.page))} | "
        f"{long_date(v.effective)}{' (not yet in force)' if v.effective > today else ''} | "
        f"{escape(v.note or ('First published.' if v.number == 1 else 'Minor change, such as wording.'))} |"
        for v in reversed(flow.editions)
    )
    sources = "\n".join(f"- {escape(s.label())}" for s in e.text.sources)
    return (
        "## About this flow\n\n"
        f"Version {e.number}, in force from {long_date(e.effective)}. Kept up to date by {escape(flow.source.owner)}.\n\n"
        f"**Based on:**\n\n{sources}\n\n| Version | In force from | What changed |\n| --- | --- | --- |\n{rows}\n"
    )


def index_page(flows: list[Flow], today: date) -> str:
    items = "\n".join(
        f"- {link(f.shown(today).text.title, relative_to_page(f.page, FLOWS_INDEX))}"
        for f in sorted(flows, key=lambda f: f.shown(today).text.title)
    )
    return (
        front_matter(title="Decision flows", description="Step-by-step tools that help you decide what to do and record why.")
        + "# Decision flows\n\n"
        "Each flow asks one question at a time and ends with what to do, by when and who to contact. "
        "You can share a link at any step, and print or copy a record of your decision.\n\n"
        f"{items}\n"
    )
