"""What the partnership file publishes: the emergency banner on every page, "Worried about a child?"
and the accessibility statement."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from markupsafe import Markup

from guidance.accessibility import CHECKS, NEEDS_JAVASCRIPT, YOU_CAN
from guidance.kinds.partnership.model import Contact, Partnership
from guidance.render.markdown import front_matter, long_date

__all__ = [
    "IN_DANGER_NOW", "for_the_public", "shows_exit", "theme_settings",
    "ACCESSIBILITY_PAGE", "WORRIED_PAGE", "accessibility_page", "contact_line", "emergency_banner", "tel_link", "worried_page",
]


IN_DANGER_NOW = 'If a child is in danger now, call <a href="tel:999">999</a>.'
"""The one sentence every page for parents gives first (the worried page says it at more length)."""


def for_the_public(meta: Mapping[str, Any]) -> bool:
    """Is a page one a member of the public may be reading? Public pages, and the pages that ask
    to be treated as such (front matter ``exit: true``: the home page, search)."""
    return meta.get("audience") == "public" or bool(meta.get("exit"))


def shows_exit(meta: Mapping[str, Any]) -> bool:
    """Does a page carry "Exit this page"? Every page the public may reach, and every decision flow
    (a worried parent may be handed one). The 404 page always does (in its template)."""
    return for_the_public(meta) or bool(meta.get("flow"))


def theme_settings(p: Partnership, today: date, serving: bool) -> dict[str, Any]:
    """What the theme's templates print on every page (``config.extra.guidance``): computed here,
    printed there."""
    contact = p.contact(p.feedback) if p.feedback else None
    return {
        "emergency": emergency_banner(p),
        "in_danger_now": Markup(IN_DANGER_NOW),
        "short_name": p.short_name,
        "exit_url": p.exit_url,
        "serving": serving,
        # The footer of every page: whose site it is, its licence, and when it was built.
        "name": p.name,
        "licence": p.licence.model_dump() if p.licence else None,
        "updated": f"{today.day} {today:%B %Y}",
        "updated_iso": today.isoformat(),
        # "Report a problem with this page" writes to the feedback contact's email, if it has one.
        "feedback": contact.email if contact is not None and contact.email else None,
        # The published address (not `serve`'s): what a report of a problem names.
        "home": (str(p.site_url).rstrip("/") + "/") if p.site_url else "/",
    }


def tel_link(number: str) -> str:
    """A click-to-call link; the visible number keeps its spaces, the href has none."""
    digits = re.sub(r"\s", "", number)
    return f'<a href="tel:{digits}">{html.escape(number)}</a>'


def emergency_banner(partnership: Partnership) -> str:
    """HTML for the banner above every page: the emergency line, then the front door."""
    parts = [f"<strong>{html.escape(partnership.emergency)}</strong>"]
    main = partnership.contact(partnership.main_contact)
    if main and main.phone:
        parts.append(contact_line(main))
    return '<p class="gl-emergency">' + " ".join(parts) + "</p>"


def contact_line(contact: Contact) -> str:
    """The contact's name and every way to reach it, as links, ending with a full stop."""
    routes = []
    if contact.phone:
        routes.append(tel_link(contact.phone) + (" (example number)" if contact.example else ""))
    if contact.email:
        routes.append(f'<a href="mailto:{html.escape(contact.email)}">{html.escape(contact.email)}</a>')
    if contact.web:
        routes.append(f'<a href="{html.escape(contact.web)}">{html.escape(contact.web)}</a>')
    return f"{html.escape(contact.name)}: {' or '.join(routes)}."


WORRIED_PAGE = "public/worried-about-a-child.md"
ACCESSIBILITY_PAGE = "about/accessibility.md"


def worried_page(p: Partnership, services_page: bool) -> str:
    """"Worried about a child?": 999 first, then who to call now and out of hours, and what happens."""
    w = p.worried
    assert w is not None
    day, night = p.contact(w.daytime), p.contact(w.out_of_hours)
    assert day is not None and night is not None
    steps = "\n".join(f"- {html.escape(sentence)}" for sentence in w.when_you_call)
    more = (
        "- [Find help for your family](services/index.md): services for parents, carers and young people.\n"
        if services_page else ""
    )
    return "\n".join([
        front_matter(title="Worried about a child?", description="Who to call if you are worried about a child.", audience="public",
                     checked=w.checked.isoformat() if w.checked else None),
        "# Worried about a child?\n",
        '<div class="gl-999">\n<h2 id="in-danger-now">Is a child in danger right now?</h2>\n'
        '<p>Call <a class="gl-999-number" href="tel:999">999</a>. Ask for the police or an ambulance.</p>\n</div>\n',
        "## If the child is not in danger right now\n",
        f"Call us. We are {html.escape(day.name)}.\n",
        _call(day),
        "## When we are closed\n",
        f"Call {html.escape(night.name)}.\n",
        _call(night),
        *_national(p),
        "## What will happen when you call\n",
        steps + "\n",
        "You do not have to be sure. If you are worried, it is right to call.\n",
        "## More help\n",
        more + "- [Staying safe online](staying-safe-online.md): how to hide that you visited this site.\n"
        "- [Words we use, explained](../glossary/plain-english.md)\n",
    ])


def _national(p: Partnership) -> list[str]:
    """Helplines for anywhere in the country: for when the local lines are busy or closed, or the
    child lives somewhere else."""
    w = p.worried
    contacts = [c for c in (p.contact(i) for i in (w.national if w else [])) if c]
    if not contacts:
        return []
    parts = ["## If you cannot get through, or the child lives somewhere else\n"]
    for c in contacts:
        parts += [f"Call {html.escape(c.name)}." + (f" {html.escape(c.description)}" if c.description else "") + "\n", _call(c)]
    return parts


def _call(c: Contact) -> str:
    lines = []
    if c.phone:
        lines.append(f'<p class="gl-call">Call {tel_link(c.phone)}' + (" (example number)" if c.example else "") + "</p>")
    if c.email:
        lines.append(f'<p>Or email <a href="mailto:{html.escape(c.email)}">{html.escape(c.email)}</a></p>')
    if c.hours:
        lines.append(f"<p>Open: {html.escape(c.hours)}</p>")
    return "\n".join(lines) + "\n"


def accessibility_page(p: Partnership) -> str:
    """The statement UK public-sector websites must publish, in GOV.UK's model form. It claims only
    what the browser tests check (guidance/accessibility.py) and what the partnership says."""
    a = p.accessibility
    assert a is not None
    contact = p.contact(a.contact)
    assert contact is not None
    where = p.site_url or "this website"
    full = a.compliance == "full" and not a.known_issues
    wcag = f"[Web Content Accessibility Guidelines](https://www.w3.org/TR/WCAG22/) {html.escape(a.standard)} standard"
    status = (
        f"This website is fully compliant with the {wcag}." if full else
        f"This website is partially compliant with the {wcag}, because of the non-compliances listed below."
    )
    issues = "\n".join(f"- {html.escape(i)}" for i in a.known_issues)
    return "\n".join([
        front_matter(title="Accessibility statement", description=f"How accessible {p.name}'s website is."),
        f"# Accessibility statement for {html.escape(p.name)}\n",
        f"This statement applies to {html.escape(where)}, run by {html.escape(p.name)}. We want as many people as "
        "possible to be able to use it. For example, you should be able to:\n",
        _items(can for can, _ in YOU_CAN),
        "The site loads nothing from other websites, so nobody else learns that you visited.\n",
        "## How accessible this website is\n",
        (f"We know some parts of this website are not fully accessible:\n\n{issues}\n" if issues else
         "We know of no part of this website that fails the standard.\n"),
        "Without JavaScript, every page can be read and every decision flow followed, but these do not work:\n",
        _items(NEEDS_JAVASCRIPT),
        "## Feedback and contact information\n",
        "If you find a problem, or need something on this site in a different format such as large print, "
        f"easy read or audio, contact {contact_line(contact)} We will reply within {html.escape(a.reply_within)}.\n",
        "## Enforcement procedure\n",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
        "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how "
        "we respond to your complaint, [contact the Equality Advisory and Support Service (EASS)]"
        "(https://www.equalityadvisoryservice.com/).\n",
        "## Technical information about this website's accessibility\n",
        f"{html.escape(p.name)} is committed to making its website accessible, in accordance with the Public Sector "
        "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.\n",
        "### Compliance status\n",
        status + "\n",
        "### Non-accessible content\n",
        (f"The content listed below is non-accessible.\n\n{issues}\n" if issues else "We know of no non-accessible content.\n"),
        "## How we tested this website\n",
        f"{html.escape(a.tested)}\n",
        "The software that builds this website is tested on every change, in a real browser, on an example site "
        "with every kind of page. It is checked for:\n",
        _items(check.says for check in CHECKS),
        "## Preparation of this accessibility statement\n",
        f"This statement was prepared on {long_date(a.prepared)}. It was last reviewed on {long_date(a.reviewed)}.\n",
    ])


def _items(items: Iterable[str]) -> str:
    """A Markdown list read as one sentence: each item ends with a semicolon, the last with a full stop."""
    found = list(items)
    return "\n".join(f"- {item}{'.' if i == len(found) - 1 else ';'}" for i, item in enumerate(found)) + "\n"
