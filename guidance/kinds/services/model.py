"""Services for parents, carers and young people: who each is for, what it offers, how to reach it."""

from __future__ import annotations

from pydantic import Field

from guidance.citation import Citation
from guidance.fields import Day, Email, HttpsUrl, Id, Keywords, Strict, Text, UkPhone

__all__ = ["Need", "Service", "ServiceContact", "ServicesFile"]


class ServiceContact(Strict):
    phone: UkPhone | None = None
    text: UkPhone | None = Field(None, description="A number that takes text messages.")
    web: HttpsUrl | None = None
    email: Email | None = None

    def routes(self) -> list[str]:
        return [name for name in ("phone", "text", "web", "email") if getattr(self, name)]


class Need(Strict):
    id: Id
    name: Text = Field(description="In everyday words, e.g. 'Money worries'.")
    description: Text = Field(description="Who this is for, in one short sentence a child could read.")
    keywords: Keywords = Field(default_factory=list)


class Service(Strict):
    id: Id = Field(description="Permanent: the service's anchor, and the target of 'service:' links.")
    name: Text
    needs: list[Id] = Field(min_length=1, description="Ids of needs from the needs list.")
    who: Text = Field(description="Who it is for, in plain words.")
    offers: Text = Field(description="What it offers, in plain words.")
    keywords: Keywords = Field(default_factory=list)
    contact: ServiceContact
    hours: list[Text] = Field(
        min_length=1, description="When it is open, one line each: 'Monday to Friday, 9am to 5pm', '24 hours'."
    )
    cost: Text = Field("Free", description="e.g. 'Free', 'Free. Calls cost nothing from mobiles'.")
    languages: list[Text] = Field(default_factory=lambda: ["English"])
    confidential: bool = Field(description="Whether what you say stays private (with the usual safety exceptions).")
    area: Text | None = Field(None, description="Where it works, if not the whole area, e.g. 'National'.")
    example: bool = Field(False, description="True for fictional services and numbers in sample data.")
    source: Citation | None = Field(None, description="Where a real service's number is published. Required unless example.")
    checked: Day | None = Field(None, description="When its details were last checked with it (YYYY-MM-DD); the file's date if left out.")


class ServicesFile(Strict):
    """``data/services.yml``: the needs people come with, and the services that help."""

    checked: Day | None = Field(None, description="When every service's details were last checked (YYYY-MM-DD): "
                                "each card and page says so, and a year later `guidance check` gives notice.")
    needs: list[Need] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)
