"""Site-wide fragments from the partnership: the emergency banner on every page."""

from __future__ import annotations

import html
import re

from ..models import Contact, Partnership

__all__ = ["contact_line", "emergency_banner", "tel_link"]


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
