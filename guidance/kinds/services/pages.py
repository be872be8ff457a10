"""Pages that help parents and carers find a service: all of them, by need, and open all night.

Without JavaScript each need has its own page and the list is grouped; with it, one page filters
by need, "open now" and "24 hours" as you choose.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

from guidance.kinds.partnership.pages import IN_DANGER_NOW
from guidance.kinds.services.finder import Services
from guidance.kinds.services.model import Need, Service
from guidance.render.markdown import asset_href, attr, front_matter, href, long_date

__all__ = ["ALWAYS_PAGE", "SERVICES_INDEX", "SERVICES_SCRIPT", "always_page", "index_page", "need_page", "need_page_text"]

SERVICES_INDEX = "public/services/index.md"
ALWAYS_PAGE = "public/services/open-24-hours.md"
SERVICES_SCRIPT = "assets/guidance/services.js"


def need_page(ident: str) -> str:
    return f"public/services/{ident}.md"


def index_page(services: Services, holidays: list[date], area: str) -> str:
    here = SERVICES_INDEX
    needs = "\n".join(
        f'<li><a href="{href(need_page(n.id), here)}">{_e(n.name)}</a> '
        f'<span class="gl-count">({_count(len(services.for_need(n.id)))})</span><br>{_e(n.description)}</li>'
        for n in services.needs.values()
    )
    options = "".join(f'<option value="{n.id}">{_e(n.name)}</option>' for n in services.needs.values())
    return "\n".join([
        front_matter(
            title="Find help for your family",
            description=f"Services in {area} for parents, carers and young people: who they help and how to reach them.",
            audience="public",
            checked=services.checked.isoformat() if services.checked else None,
            hide=["toc"],
        ),
        "# Find help for your family\n",
        _danger(),
        "These services can help you and your family. Most are free. Many will talk to you in confidence.\n",
        "## What do you need help with?\n",
        f'<ul class="gl-needs">\n{needs}\n<li><a href="{href(ALWAYS_PAGE, here)}">Open all day and all night</a> '
        f'<span class="gl-count">({_count(len(services.always_open()))})</span><br>Help at any time, day or night.</li>\n</ul>\n',
        "## All services\n",
        _service_list(services, services.services, holidays, here, need_choice=options, level=3),
    ])


def need_page_text(services: Services, need: Need, holidays: list[date]) -> str:
    here = need_page(need.id)
    found = services.for_need(need.id)
    return "\n".join([
        front_matter(title=need.name, description=need.description, audience="public",
                     checked=services.checked.isoformat() if services.checked else None),
        f"# {_e(need.name)}\n",
        _danger(),
        f"{_e(need.description)}\n",
        f"{_count(len(found)).capitalize()} can help. "
        f'<a href="{href(SERVICES_INDEX, here)}">See all services</a>.\n',
        _service_list(services, found, holidays, here, level=2),
    ])


def _service_list(services: Services, found: list[Service], holidays: list[date], here: str, *, level: int,
                  need_choice: str = "") -> str:
    """The cards, a filter by when (and by need, where every need is listed), and what to do when
    nothing matches: the services open now for any need, the 24-hour lines, and 999."""
    need = (f'<div class="gl-field"><label for="gl-need">Help with</label>\n'
            f'<select id="gl-need" name="need"><option value="">Anything</option>{need_choice}</select></div>\n') if need_choice else ""
    always = ", ".join(f'{_e(s.name)} (<a href="tel:{_digits(s.contact.phone)}">{_e(s.contact.phone)}</a>)'
                       for s in services.always_open() if s.contact.phone)
    cards = "\n".join(service_card(s, services, here, level=level) for s in found)
    return (
        f'<form class="gl-service-filter" data-gl-services-filter hidden>\n{need}'
        '<fieldset class="gl-field gl-choices"><legend>When</legend>\n'
        '<label><input type="radio" name="open" value="" checked> Any time</label>\n'
        '<label><input type="radio" name="open" value="now"> Open now</label>\n'
        '<label><input type="radio" name="open" value="24-hours"> Open 24 hours</label>\n</fieldset>\n'
        "</form>\n"
        '<p class="gl-service-status" id="gl-services-status" role="status" aria-live="polite"></p>\n'
        f'<div class="gl-services" data-holidays="{attr(json.dumps([d.isoformat() for d in holidays]))}" '
        f'data-all="{href(SERVICES_INDEX, here)}">\n{cards}\n</div>\n'
        '<div class="gl-services-none" hidden>\n<p><strong>No service here matches.</strong></p>\n'
        '<p class="gl-open-elsewhere"></p>\n'
        + (f"<p>You can call these at any time, day or night: {always}.</p>\n" if always else "")
        + f"<p>{IN_DANGER_NOW}</p>\n</div>\n"
        f'<script src="{asset_href(SERVICES_SCRIPT, here)}" defer></script>\n'
    )


def always_page(services: Services) -> str:
    here = ALWAYS_PAGE
    found = services.always_open()
    return "\n".join([
        front_matter(title="Help at any time, day or night", description="Services you can contact 24 hours a day.", audience="public"),
        "# Help at any time, day or night\n",
        _danger(),
        f"{_count(len(found)).capitalize()} you can contact 24 hours a day, every day. "
        f'<a href="{href(SERVICES_INDEX, here)}">See all services</a>.\n',
        *(service_card(s, services, here, level=2) for s in found),
    ])


def service_card(s: Service, services: Services, page: str, level: int) -> str:
    """One service: who it is for, what it offers, every way to reach it, hours, cost and privacy."""
    hours = json.dumps([o.as_json() for o in services.openings(s)])
    needs = " ".join(s.needs)
    facts = [
        ("Open", "<br>".join(_e(line) for line in s.hours)),
        ("Cost", _e(s.cost)),
        ("Languages", _e(", ".join(s.languages))),
        ("Private", "Yes. What you say is kept private, unless someone is in danger." if s.confidential else "No."),
    ]
    if s.area:
        facts.append(("Where", _e(s.area)))
    checked = services.checked_on(s)
    if checked:
        facts.append(("Checked", f"Details checked on {long_date(checked)}"))  # how fresh a number is
    rows = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in facts)
    need_links = ", ".join(
        f'<a href="{href(need_page(n), page)}">{_e(services.needs[n].name)}</a>' for n in s.needs
    )
    example = '<p class="gl-example">This is an example service. Its number is not real.</p>' if s.example else ""
    source = f'<p class="gl-service-source">Number from: {_e(s.source.label())}</p>' if s.source else ""
    return (
        f'<article class="gl-service" id="{s.id}" data-needs="{needs}" data-hours="{html.escape(hours, quote=True)}">\n'
        f"<h{level}>{_e(s.name)}</h{level}>\n"
        '<p class="gl-open-status" hidden></p>\n'
        f"<p><strong>Who it is for:</strong> {_e(s.who)}</p>\n"
        f"<p><strong>What it offers:</strong> {_e(s.offers)}</p>\n"
        f'<ul class="gl-service-contact">{_routes(s)}</ul>\n'
        f'<dl class="gl-facts">{rows}</dl>\n'
        f'<p class="gl-service-needs">Helps with: {need_links}</p>\n{example}{source}\n'
        "</article>\n"
    )


def _routes(s: Service) -> str:
    c = s.contact
    items = []
    if c.phone:
        items.append(f'Call <a href="tel:{_digits(c.phone)}">{_e(c.phone)}</a>')
    if c.text:
        items.append(f'Text <a href="sms:{_digits(c.text)}">{_e(c.text)}</a>')
    if c.web:
        items.append(f'<a href="{attr(c.web)}">Go to the {_e(s.name)} website</a>')
    if c.email:
        items.append(f'Email <a href="mailto:{attr(c.email)}">{_e(c.email)}</a>')
    return "".join(f"<li>{item}</li>" for item in items)


def _danger() -> str:
    return f'<p class="gl-danger"><strong>{IN_DANGER_NOW}</strong></p>\n'


def _count(n: int) -> str:
    return f"{n} service" if n == 1 else f"{n} services"


def _digits(number: str) -> str:
    return re.sub(r"\s", "", number)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
