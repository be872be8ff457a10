"""Learning briefs from case reviews, the themes they are filed under, and the anonymity rules.

A brief is laid out as a 7-minute briefing: background, why it matters, key information, what
worked well, things to reflect on, what to do. Its recommendations carry an owner, a due date
and a status, so a scrutiny board can see what learning has been acted on.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from guidance.fields import Day, Id, Question, Strict, Text
from guidance.site import Key

__all__ = [
    "REVIEW_TYPES", "STATUSES", "AllowEntry", "AnonymityFile", "Actions", "BriefFile", "Recommendation", "Review",
    "Theme", "ThemesFile",
]

THEMES: Key[dict[str, Theme]] = Key("themes")
ANONYMITY: Key[AnonymityFile] = Key("anonymity")

Reference = Annotated[str, StringConstraints(min_length=3)]

ReviewType = Literal["rapid-review", "cspr", "local-learning-review", "serious-case-review"]
REVIEW_TYPES: dict[str, str] = {
    "rapid-review": "Rapid review",
    "cspr": "Child safeguarding practice review",
    "local-learning-review": "Local learning review",
    "serious-case-review": "Serious case review",
}

Status = Literal["not-started", "in-progress", "done", "evidenced"]
STATUSES: dict[str, str] = {
    "not-started": "Not started",
    "in-progress": "In progress",
    "done": "Done",
    "evidenced": "Evidenced",
}


class Review(Strict):
    type: ReviewType = Field(description="rapid-review, cspr, local-learning-review or serious-case-review.")
    child: Text = Field(description="The pseudonym the review uses, e.g. 'Child B'. Never a real name.")
    published: Day = Field(description="When the review was published (YYYY-MM-DD).")


class Actions(Strict):
    practitioners: list[Text] = Field(default_factory=list, description="What practitioners should do differently.")
    managers: list[Text] = Field(default_factory=list, description="What managers and supervisors should do.")


class Recommendation(Strict):
    id: Id = Field(description="Unique within the brief, e.g. 'r1'. The recommendation's anchor.")
    text: Text = Field(description="What the review recommends.")
    owner: Text = Field(description="Who is accountable, e.g. 'Health designated professionals'.")
    due: Day = Field(description="When it should be done (YYYY-MM-DD).")
    status: Status = Field(description="not-started, in-progress, done or evidenced.")
    evidence: Text | None = Field(
        None, description="How we know practice changed (an audit, a survey). Required when the status is evidenced."
    )
    updated: Day | None = Field(None, description="When the status was last checked (YYYY-MM-DD).")


class BriefFile(Strict):
    """One file in ``data/briefs/``: a 7-minute briefing from one review."""

    id: Id = Field(description="Permanent: the brief's address /briefs/<id>/ and the target of 'brief:' links.")
    title: Text = Field(description="e.g. 'Child B: the baby nobody saw'.")
    summary: Text = Field(description="The learning in one or two sentences, for lists, cards and search.")
    review: Review
    themes: list[Id] = Field(min_length=1, description="Ids of themes from data/themes.yml.")
    background: Text = Field(description="What happened, briefly and without identifying anyone. Markdown allowed.")
    why_it_matters: Text = Field(description="Why this learning matters to practice. Markdown allowed.")
    key_information: list[Text] = Field(min_length=1, description="The facts and findings to know, one per item.")
    worked_well: list[Text] = Field(min_length=1, description="What worked well: learning is strength-based too.")
    reflect: list[Question] = Field(min_length=1, description="Questions for team discussion, each ending in '?'.")
    actions: Actions = Field(description="What to do: lists for practitioners and for managers.")
    recommendations: list[Recommendation] = Field(default_factory=list)
    links: list[Reference] = Field(
        default_factory=list, description="Related guidance written kind:id, e.g. 'procedure:rapid-reviews'."
    )


class Theme(Strict):
    id: Id
    name: Text = Field(description="e.g. 'Professional curiosity'.")
    description: Text = Field(description="What the theme covers, in one or two sentences.")
    links: list[Reference] = Field(default_factory=list, description="Guidance on this theme written kind:id.")


class ThemesFile(Strict):
    """``data/themes.yml``: the controlled vocabulary briefs are filed under."""

    themes: list[Theme] = Field(min_length=1)


class AllowEntry(Strict):
    brief: Id = Field(description="Id of the brief the finding is in.")
    text: Text = Field(description="The exact text found, e.g. '01632 960000'.")
    reason: Text = Field(description="Why it does not identify anyone, e.g. 'the front door's public number'.")
    reviewed_by: Text = Field(description="Who checked it.")
    reviewed_on: Day = Field(description="When it was checked (YYYY-MM-DD).")


class AnonymityFile(Strict):
    """``data/anonymity.yml``: names briefs must never contain, and reviewed exceptions."""

    names: list[Text] = Field(
        default_factory=list, description="Names of people in reviewed cases; never to appear in a brief."
    )
    allow: list[AllowEntry] = Field(default_factory=list, description="Findings checked and judged not identifying.")
