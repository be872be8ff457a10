"""A decision flow: questions, answers and outcomes, with versions like a procedure's.

A node is a question (``question`` and ``answers``) or an outcome (``outcome`` and ``text``);
the graph rules (every ``next`` exists, no loops, no dead ends) live in guidance.kinds.flows.logic.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from guidance.citation import Citation
from guidance.fields import Day, Id, Keywords, Strict, Text
from guidance.kinds.procedures.model import Timescale
from guidance.site import Key

__all__ = ["Answer", "CalendarFile", "Closure", "FlowFile", "FlowText", "FlowVersion", "Node", "OutcomeKind"]

CALENDAR: Key[CalendarFile] = Key("calendar")

Reference = Annotated[str, StringConstraints(min_length=3)]
OutcomeKind = Literal["act-now", "refer", "seek-advice", "no-further-action"]


class Answer(Strict):
    label: Text = Field(description="What the reader chooses, e.g. 'Yes, the child has died'.")
    value: Id | None = Field(None, description="How the answer is written in the URL; by default the label as an id.")
    next: Id = Field(description="The id of the node this answer leads to.")


class Node(Strict):
    question: Text | None = Field(None, description="A question node's question, one thing at a time.")
    help: Text | None = Field(None, description="Help shown under the question. Markdown allowed.")
    answers: list[Answer] | None = Field(None, description="At least two answers, each with its next node.")
    terms: list[Id] = Field(default_factory=list, description="Glossary term ids explained beside the question.")
    outcome: OutcomeKind | None = Field(None, description="An outcome node's kind: act-now, refer, seek-advice, no-further-action.")
    title: Text | None = Field(None, description="An outcome's heading, e.g. 'Notify the national panel'.")
    text: Text | None = Field(None, description="What to do. Markdown allowed.")
    deadline: Timescale | None = Field(None, description="When it must be done, e.g. within 5 working days of ...")
    contacts: list[Id] = Field(default_factory=list, description="Contact ids from partnership.yml.")
    links: list[Reference] = Field(default_factory=list, description="Related guidance written kind:id.")


class FlowText(Strict):
    """The whole of one version of a flow, after carrying forward what it did not change."""

    title: Text = Field(description="The question the flow answers, e.g. 'Does this incident need to be notified?'.")
    purpose: Text = Field(description="What the flow is for and who should use it. Markdown allowed.")
    you_need: list[Text] = Field(default_factory=list, description="What to have to hand before starting.")
    sources: list[Citation] = Field(min_length=1, description="The statute or guidance the flow follows.")
    start: Id = Field(description="The id of the first question.")
    nodes: dict[Id, Node] = Field(min_length=2)


class FlowVersion(Strict):
    version: int = Field(ge=1)
    effective: Day
    change: Literal["major", "minor"] = "major"
    note: Text | None = None
    release: Id | None = None
    title: Text | None = None
    purpose: Text | None = None
    you_need: list[Text] | None = None
    sources: list[Citation] | None = None
    start: Id | None = None
    nodes: dict[Id, Node] | None = None


class FlowFile(Strict):
    """One file in ``data/flows/``: a decision flow and its versions."""

    id: Id = Field(description="Permanent: the URL and the target of 'flow:' links.")
    owner: Text
    keywords: Keywords = Field(default_factory=list)
    versions: list[FlowVersion] = Field(min_length=1)


class Closure(Strict):
    date: Day
    name: Text = Field(description="Why the partnership does not count the day as a working day.")


Region = Literal["england-and-wales", "scotland", "northern-ireland"]


class CalendarFile(Strict):
    """``data/bank-holidays.yml``: which bank holidays deadlines skip, and local closures.

    The bank holidays themselves come from the `holidays` library, for every year, one-off days
    (a coronation, a state funeral) included: nobody types next year's dates or forgets them.
    """

    region: Region = Field(
        description="Whose bank holidays: england-and-wales, scotland or northern-ireland (they differ)."
    )
    closures: list[Closure] = Field(
        default_factory=list, description="Other days the partnership does not count as working days (YYYY-MM-DD)."
    )
