"""A procedure and every version of it, and the releases that group changes across documents.

A version states the fields it changes; the rest carries forward from the version before,
so version 1 gives the whole text and later versions only what is new.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from guidance.citation import Citation
from guidance.fields import Day, Id, Keywords, OldUrl, Strict, Text
from guidance.site import Key
from guidance.timescales import DURATION_PATTERN, Duration

__all__ = ["ProcedureFile", "ProcedureText", "Release", "ReleasesFile", "Step", "Timescale", "Version"]

RELEASES: Key[dict[str, Release]] = Key("releases")

Reference = Annotated[str, StringConstraints(min_length=3)]
DurationText = Annotated[str, StringConstraints(pattern=DURATION_PATTERN)]


class Timescale(Strict):
    within: DurationText = Field(description="How long, e.g. '5 working days', '24 hours'.")
    of: Text = Field(description="From when, e.g. 'the local authority becoming aware of the incident'.")

    @property
    def duration(self) -> Duration:
        return Duration.parse(self.within)

    def __str__(self) -> str:
        return f"Within {self.duration} of {self.of}"


class Step(Strict):
    id: Id = Field(description="Stable: the step's anchor, e.g. 'notify-the-panel'.")
    title: Text
    who: Text | None = Field(None, description="Who does this step, e.g. 'Designated safeguarding lead'.")
    text: Text = Field(description="What to do. Markdown allowed.")
    timescale: Timescale | None = None


class ProcedureText(Strict):
    """The whole text of one version, after carrying forward what it did not change."""

    title: Text
    summary: Text = Field(description="What the procedure is for, in one or two sentences.")
    scope: Text = Field(description="When the procedure applies. Markdown allowed.")
    applies_to: list[Text] = Field(min_length=1, description="Who must follow it, one role or agency per item.")
    steps: list[Step] = Field(min_length=1)
    legal_basis: list[Citation] = Field(default_factory=list)
    links: list[Reference] = Field(
        default_factory=list, description="Related guidance written kind:id, e.g. 'glossary:lado', 'flow:notify-panel'."
    )


class Version(Strict):
    version: int = Field(ge=1, description="1, 2, 3... in the order the versions take effect.")
    effective: Day = Field(description="The day this version comes into force (YYYY-MM-DD).")
    change: Literal["major", "minor"] = Field(
        "major", description="major: practice changes and the note is published; minor: wording only, no note."
    )
    note: Text | None = Field(None, description="What changed, in one sentence. Required for major changes after version 1.")
    release: Id | None = Field(None, description="Id of the release in releases.yml this change belongs to.")
    # The text: version 1 gives every field; later versions only those they change.
    title: Text | None = None
    summary: Text | None = None
    scope: Text | None = None
    applies_to: list[Text] | None = Field(None, min_length=1)
    steps: list[Step] | None = Field(None, min_length=1)
    legal_basis: list[Citation] | None = None
    links: list[Reference] | None = None


class ProcedureFile(Strict):
    """One file in ``data/procedures/``: a procedure and all its versions."""

    id: Id = Field(description="Permanent: the procedure's URL and the target of 'procedure:' links.")
    group: Text = Field(description="The section of the procedures list it belongs to, e.g. 'Reviews and learning'.")
    owner: Text = Field(description="Who keeps it up to date, e.g. 'Partnership business manager'.")
    reviewed: Day = Field(description="When it was last reviewed, changed or not (YYYY-MM-DD).")
    review_due: Day = Field(description="When the next review is due (YYYY-MM-DD).")
    keywords: Keywords = Field(default_factory=list)
    former_ids: list[Id] = Field(default_factory=list, description="Ids it had before: their URLs redirect here.")
    former_urls: list[OldUrl] = Field(
        default_factory=list, description="Paths of old pages that redirect here, e.g. 'chapters/p_ch1_3.html'."
    )
    versions: list[Version] = Field(min_length=1, description="Every version, oldest first. Published ones never change.")


class Release(Strict):
    id: Id
    title: Text = Field(description="e.g. 'Working Together 2023 alignment'.")
    date: Day
    summary: Text = Field(description="What the release is about, in a sentence or two.")


class ReleasesFile(Strict):
    """``data/releases.yml``: named, dated sets of changes across many documents."""

    releases: list[Release] = Field(min_length=1)
