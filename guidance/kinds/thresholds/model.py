"""The threshold document: levels of need, assessment domains, age bands and indicators."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from guidance.citation import Citation
from guidance.fields import ID_PATTERN, Colour, Id, Keywords, Strict, Text

__all__ = ["AgeBand", "Domain", "Indicator", "Level", "ThresholdsFile"]

# Indicator ids are cited by trainers ("L3-parenting-07"), so capitals are allowed.
INDICATOR_ID_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
IndicatorId = Annotated[str, StringConstraints(pattern=INDICATOR_ID_PATTERN)]
Reference = Annotated[str, StringConstraints(min_length=3)]
# Levels are numbered: `level: 3` and `level: "3"` mean the same.
# The schema says so too, so that editors do not underline every `id: 1`.
LevelId = Annotated[
    Id,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": ID_PATTERN}]}),
]


class Domain(Strict):
    id: Id
    name: Text = Field(description="e.g. 'Parenting capacity'.")
    description: Text


class AgeBand(Strict):
    id: Id
    name: Text = Field(description="e.g. 'Under 5'.")


class Level(Strict):
    id: LevelId = Field(description="Short and permanent: 1 to 4 in most partnerships.")
    name: Text = Field(description="e.g. 'Early help'.")
    colour: Colour = Field(description="A CSS colour for the level's marker; never the only way the level is shown.")
    summary: Text = Field(description="What this level means, in plain words.")
    response: Text = Field(description="The response expected at this level.")
    actions: list[Text] = Field(min_length=1, description="What to do now, one step per item.")
    timescales: list[Text] = Field(default_factory=list, description="Timescales that apply, e.g. 'Decision within 1 working day'.")
    contacts: list[Id] = Field(default_factory=list, description="Ids of contacts in partnership.yml.")
    links: list[Reference] = Field(default_factory=list, description="Links written kind:id, e.g. 'procedure:early-help', 'glossary:early-help'.")
    no_indicators: dict[str, Text] = Field(
        default_factory=dict, description="Domain id -> why this level has no indicators in that domain."
    )


class Indicator(Strict):
    id: IndicatorId = Field(description="Permanent: trainers cite it, e.g. 'L3-parenting-07'.")
    level: LevelId
    domain: Id
    text: Text = Field(description="Specific, observable and non-judgemental.")
    age_bands: list[Id] = Field(default_factory=list, description="Age band ids; empty means any age.")
    examples: list[Text] = Field(default_factory=list)
    keywords: Keywords = Field(default_factory=list)


class ThresholdsFile(Strict):
    """``data/thresholds.yml``."""

    title: Text
    introduction: Text = Field(description="What the document is for and how to use it. Markdown allowed.")
    source: Citation
    domains: list[Domain] = Field(min_length=1)
    age_bands: list[AgeBand] = Field(default_factory=list)
    levels: list[Level] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
