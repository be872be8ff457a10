"""The partnership: site identity, who to contact, and who the site is for."""

from __future__ import annotations

from pydantic import Field

from .base import Email, HttpsUrl, Id, Strict, Text, UkPhone

__all__ = ["Audience", "Contact", "Partnership"]


class Contact(Strict):
    id: Id
    name: Text = Field(description="Who answers, e.g. 'Children's social care front door'.")
    phone: UkPhone | None = None
    text: UkPhone | None = Field(None, description="A number that takes text messages.")
    email: Email | None = None
    web: HttpsUrl | None = None
    hours: Text | None = Field(None, description="When it is open, in words, e.g. 'Monday to Friday, 9am to 5pm'.")
    description: Text | None = None
    example: bool = Field(False, description="True for the fictional numbers of sample data, shown as examples.")


class Audience(Strict):
    id: Id
    name: Text
    description: Text


class Checks(Strict):
    known_abbreviations: list[Text] = Field(
        default_factory=list,
        description="Capitalised words that are not jargon (e.g. 'UK', 'NHS') and need no glossary entry.",
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
    checks: Checks = Field(default_factory=Checks)

    def contact(self, ident: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == ident), None)
