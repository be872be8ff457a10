"""The continuum of need as a whole: levels, domains and indicators, and the grid they form."""

from __future__ import annotations

from dataclasses import dataclass, field

from guidance.kinds.thresholds.model import AgeBand, Domain, Indicator, Level, ThresholdsFile
from guidance.site import Key

__all__ = ["Thresholds", "level_page", "matrix_page", "finder_page", "overview_page"]

THRESHOLDS: Key[Thresholds] = Key("thresholds")

overview_page = "thresholds/index.md"
matrix_page = "thresholds/matrix.md"
finder_page = "thresholds/finder.md"


def level_page(level: Level) -> str:
    return f"thresholds/level-{level.id}.md"


@dataclass
class Thresholds:
    source: ThresholdsFile
    levels: dict[str, Level] = field(init=False)
    domains: dict[str, Domain] = field(init=False)
    age_bands: dict[str, AgeBand] = field(init=False)
    indicators: dict[str, Indicator] = field(init=False)

    def __post_init__(self) -> None:
        self.levels = {level.id: level for level in self.source.levels}
        self.domains = {domain.id: domain for domain in self.source.domains}
        self.age_bands = {band.id: band for band in self.source.age_bands}
        self.indicators = {indicator.id: indicator for indicator in self.source.indicators}

    def cell(self, level_id: str, domain_id: str) -> list[Indicator]:
        """The indicators at one level in one domain, in the order the document gives them."""
        return [i for i in self.source.indicators if i.level == level_id and i.domain == domain_id]

    def gaps(self) -> list[tuple[Level, Domain]]:
        """Level and domain pairs with no indicator and no stated reason."""
        return [
            (level, domain)
            for level in self.source.levels
            for domain in self.source.domains
            if not self.cell(level.id, domain.id) and domain.id not in level.no_indicators
        ]

    def ages(self, indicator: Indicator) -> str:
        """The indicator's age bands in words; 'Any age' when none is given."""
        return ", ".join(self.age_bands[a].name for a in indicator.age_bands) or "Any age"

    def label(self, level: Level) -> str:
        return f"Level {level.id}: {level.name}"
