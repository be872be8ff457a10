"""Every version of a decision flow at its own address, as procedures have: what it asked, what
it concluded, when it applied, and what changed from the version before.

A review after an incident asks what the tool said on the day a decision was made. The page of
a past version is a record, not a tool: it lists every question and outcome as linked sections
(no script steps through it), and says plainly which version applies now.
"""

from __future__ import annotations

import html

from guidance.kinds.flows.diagram import KIND_NAMES, diagram_figure, flow_svg
from guidance.kinds.flows.logic import Flow, FlowEdition, answer_value
from guidance.kinds.flows.model import FlowText, Node
from guidance.render.markdown import escape, front_matter, link, long_date, relative_to_page

__all__ = ["flow_changes", "version_page", "version_path"]


def version_path(flow: Flow, e: FlowEdition) -> str:
    return f"flows/{flow.id}/v{e.number}.md"


def version_page(flow: Flow, e: FlowEdition, *, current: FlowEdition | None = None) -> str:
    page = version_path(flow, e)
    t = e.text
    previous = flow.editions[e.number - 2] if e.number > 1 else None
    following = flow.editions[e.number] if e.number < len(flow.editions) else None
    if following is not None:
        when = f"It applied from {long_date(e.effective)} until {long_date(following.effective)}."
    else:
        when = f"It applies from {long_date(e.effective)}."
    status = "This is the version that applies now." if current is e else "This is not the version that applies now."
    use = link("Use the current version of this flow", relative_to_page(flow.page, page))
    changed = "\n".join(f"- {line}" for line in flow_changes(previous.text, t)) if previous else "- First published."
    note = f"{escape(e.note)}\n\n" if e.note else ""
    return "\n".join([
        front_matter(title=f"{t.title} (version {e.number})", description=f"Version {e.number} of the decision flow: {t.title}.",
                     flow=flow.id, hide=["toc"]),
        f"# {escape(t.title)} (version {e.number})\n",
        f'<div class="gl-version" role="note" markdown>\n\n**{status}** {when} {use}.\n\n</div>\n',
        f"## What changed in version {e.number}\n\n{note}{changed}\n",
        "## Questions and outcomes in this version\n",
        *(_section(ident, node, t) for ident, node in t.nodes.items()),
        "## The whole flow at a glance\n",
        diagram_figure(flow_svg(t, f"{t.title} (version {e.number})"), f"Every question and outcome of version {e.number}."),
    ])


def flow_changes(before: FlowText, after: FlowText) -> list[str]:
    """What a version changed, node by node, in words: questions, answers and outcomes."""
    changes = []
    if before.title != after.title:
        changes.append(f"The flow's question is now: {escape(after.title)}")
    for ident, node in after.nodes.items():
        old = before.nodes.get(ident)
        name = _name(node)
        if old is None:
            changes.append(f"New: {name}")
            continue
        if (old.question or old.title) != (node.question or node.title):
            changes.append(f"Reworded: {_name(old)} is now {name}")
        if [(a.label, a.next) for a in old.answers or []] != [(a.label, a.next) for a in node.answers or []]:
            answers = "; ".join(f"{escape(a.label)} (then {_name(after.nodes[a.next])})" for a in node.answers or [])
            changes.append(f"Answers changed for {name}: {answers}")
        if old.text != node.text or old.deadline != node.deadline or old.outcome != node.outcome:
            if node.outcome:
                changes.append(f"Changed what to do at {name}")
        if old.help != node.help and node.question:
            changes.append(f"Changed the help for {name}")
    changes += [f"Removed: {_name(node)}" for ident, node in before.nodes.items() if ident not in after.nodes]
    return changes or ["No change to the questions or outcomes (wording or sources only)."]


def _name(node: Node) -> str:
    if node.outcome:
        return f"the outcome '{escape(KIND_NAMES[node.outcome])}: {escape(node.title or '')}'"
    return f"the question '{escape(node.question or '')}'"


def _section(ident: str, node: Node, t: FlowText) -> str:
    if node.outcome:
        deadline = f"<p><strong>By when:</strong> {html.escape(str(node.deadline))}.</p>\n" if node.deadline else ""
        return (
            f'<section class="gl-step gl-outcome" id="node-{ident}" markdown>\n'
            f"<h3>{KIND_NAMES[node.outcome]}: {html.escape(node.title or '')}</h3>\n\n{node.text}\n\n{deadline}</section>\n"
        )
    answers = "\n".join(
        f'<li><a href="#node-{a.next}" data-value="{answer_value(a)}">{html.escape(a.label)}</a></li>' for a in node.answers or []
    )
    help_text = f"\n{node.help}\n\n" if node.help else ""
    start = " (the first question)" if ident == t.start else ""
    return (
        f'<section class="gl-step gl-question" id="node-{ident}" markdown>\n'
        f"<h3>{html.escape(node.question or '')}{start}</h3>\n{help_text}<ul>\n{answers}\n</ul>\n</section>\n"
    )
