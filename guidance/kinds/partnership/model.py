"""The partnership: site identity, who to contact, and who the site is for."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from guidance.fields import Day, Email, HttpsUrl, Id, Strict, Text, UkPhone
from guidance.site import Key

__all__ = ["Accessibility", "Audience", "Contact", "Offline", "Partnership", "Worried"]

PARTNERSHIP: Key[Partnership] = Key("partnership")


class Contact(Strict):
    id: Id
    name: Text = Field(description="Who answers, e.g. 'Children's social care front door'.")
    phone: UkPhone | None = None
    text: UkPhone | None = Field(None, description="A number that takes text messages.")
    email: Email | None = None
    web: HttpsUrl | None = None
    hours: Text | None = Field(None, description="When it is open, in words, e.g. 'Monday to Friday, 9am to 5pm'.")
    open: list[Text] = Field(
        default_factory=list,
        description="When it is open, one line each as services write it ('Monday to Thursday, 8:30am to 5pm', "
        "'weekends, 24 hours'): the check finds hours in the week when nobody answers.",
    )
    description: Text | None = None
    example: bool = Field(False, description="True for the fictional numbers of sample data, shown as examples.")


class Audience(Strict):
    id: Id
    name: Text
    description: Text


class Worried(Strict):
    """What the "Worried about a child?" page says, beside the emergency line."""

    daytime: Id = Field(description="Id of the contact to call in the day, usually the front door.")
    out_of_hours: Id = Field(description="Id of the contact to call when the daytime one is closed.")
    when_you_call: list[Text] = Field(min_length=1, description="What happens when you call, one short sentence each.")
    national: list[Id] = Field(
        default_factory=list,
        description="Ids of national helplines to call if you cannot get through, or live elsewhere (e.g. the NSPCC's).",
    )
    checked: Day | None = Field(None, description="When the numbers and hours on the page were last checked (YYYY-MM-DD).")


class Accessibility(Strict):
    """The accessibility statement every UK public-sector website must publish."""

    compliance: Literal["full", "partial"] = Field(description="full or partial, against the standard.")
    standard: Text = Field("WCAG 2.2 AA", description="The standard the site is measured against.")
    known_issues: list[Text] = Field(default_factory=list, description="What is not yet accessible, and when it will be.")
    contact: Id = Field(description="Id of the contact for problems and other formats.")
    reply_within: Text = Field("5 working days", description="How soon you reply to a request.")
    tested: Text = Field(description="How and when the site was last tested, and by whom.")
    prepared: Day = Field(description="When the statement was first prepared.")
    reviewed: Day = Field(description="When it was last reviewed.")


class Licence(Strict):
    """The licence the site's words are published under, named in every page's footer."""

    name: Text = Field(description="e.g. 'Open Government Licence v3.0'.")
    url: HttpsUrl = Field(description="Where the licence is published.")


class Checks(Strict):
    known_abbreviations: list[Text] = Field(
        default_factory=list,
        description="Capitalised words that are not jargon (e.g. 'UK', 'NHS') and need no glossary entry.",
    )
    reading_age: int = Field(
        9, ge=5, le=21, description="The highest reading age allowed on pages for the public; above it is a warning."
    )


class Offline(Strict):
    """What a reader's browser saves after one visit, to read with no signal (decision 0016)."""

    keep: list[Id] = Field(
        default_factory=lambda: ["procedures", "thresholds", "flows", "glossary"],
        description="The kinds whose pages are saved after one visit (procedures in force, threshold levels, "
        "the matrix and finder, flows, the glossary; briefs if named). The home page and search are always saved; "
        "pages only for the public never are, unless a reader asks.",
    )
    budget_mb: float = Field(
        25, gt=0, le=500,
        description="The most the saved set may weigh, in megabytes as stored; a build over it warns (strict fails).",
    )


class Partnership(Strict):
    """``data/partnership.yml``."""

    name: Text = Field(description="The partnership's full name; it is the site's name.")
    short_name: Text = Field(description="Its short form, e.g. 'NSCP'.")
    area: Text
    description: Text = Field(description="One or two sentences for the home page and search engines.")
    site_url: HttpsUrl | None = Field(None, description="Where the site is published.")
    emergency: Text = Field(description="What to do if a child is in immediate danger. Shown on every page.")
    exit_url: HttpsUrl = Field(
        "https://www.bbc.co.uk/weather",
        description="Where 'Exit this page' goes: a neutral site that gives nothing away in a browser's history.",
    )
    contacts: list[Contact] = Field(min_length=1)
    main_contact: Id = Field(description="Id of the contact shown beside the emergency line on every page.")
    audiences: list[Audience] = Field(min_length=1)
    worried: Worried | None = Field(None, description="The 'Worried about a child?' page; none if left out.")
    accessibility: Accessibility | None = Field(None, description="The accessibility statement; none if left out.")
    feedback: Id | None = Field(
        None, description="Id of the contact, with an email address, told about a problem with a page ('Report a problem "
        "with this page' on every page); none if left out.",
    )
    never_link: list[Text] = Field(
        default_factory=list,
        description="Phrases in which no glossary term is linked, e.g. 'services working together'.",
    )
    licence: Licence | None = Field(None, description="The content's licence, in every page's footer; none if left out.")
    checks: Checks = Field(default_factory=Checks)
    offline: Offline = Field(default_factory=Offline, description="What is saved for reading offline.")

    def contact(self, ident: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == ident), None)
