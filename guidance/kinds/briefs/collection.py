"""Learning briefs as a whole: newest first, by theme, themes across reviews, recommendations.

Pure domain code: what the pages list and count, with no Markdown in it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from guidance.kinds.briefs.model import STATUSES, BriefFile, Recommendation, Theme
from guidance.site import Key

__all__ = [
    "BRIEFS_INDEX", "MATRIX_PAGE", "RECOMMENDATIONS_PAGE", "RESERVED_IDS", "THEMES_INDEX", "Briefs", "brief_page",
    "is_overdue", "theme_feed", "theme_page",
]

BRIEFS: Key[Briefs] = Key("briefs")

BRIEFS_INDEX = "briefs/index.md"
THEMES_INDEX = "briefs/themes/index.md"
MATRIX_PAGE = "briefs/matrix.md"
RECOMMENDATIONS_PAGE = "briefs/recommendations.md"
# Briefs live at /briefs/<id>/, beside these pages: no brief may take their address.
RESERVED_IDS = ("themes", "matrix", "recommendations", "packs")


def brief_page(ident: str) -> str:
    return f"briefs/{ident}.md"


def theme_page(ident: str) -> str:
    return f"briefs/themes/{ident}.md"


def pack_page(ident: str) -> str:
    """Every briefing on a theme, one after another: a trainer's pack to print."""
    return f"briefs/packs/{ident}.md"


def theme_feed(ident: str) -> str:
    return f"briefs/themes/{ident}.xml"


def is_overdue(rec: Recommendation, today: date) -> bool:
    """Past its due date and not yet done."""
    return rec.status in ("not-started", "in-progress") and rec.due < today


@dataclass
class Briefs:
    """Every brief, newest first."""

    briefs: list[BriefFile]
    by_id: dict[str, BriefFile] = field(init=False)

    def __post_init__(self) -> None:
        self.briefs = sorted(self.briefs, key=lambda b: (b.review.published, b.id), reverse=True)
        self.by_id = {b.id: b for b in self.briefs}

    def __iter__(self):
        return iter(self.briefs)

    def __len__(self) -> int:
        return len(self.briefs)

    def for_theme(self, theme: str) -> list[BriefFile]:
        return [b for b in self.briefs if theme in b.themes]

    def theme_counts(self, themes: dict[str, Theme]) -> list[tuple[Theme, int]]:
        """Each theme of the vocabulary and how many reviews raised it, the most recurrent first."""
        counts = Counter(t for b in self.briefs for t in b.themes)
        return sorted(((t, counts[t.id]) for t in themes.values()), key=lambda tc: (-tc[1], tc[0].name.casefold()))

    def recommendations(self) -> list[tuple[BriefFile, Recommendation]]:
        """Every recommendation of every brief, soonest due first."""
        pairs = [(b, r) for b in self.briefs for r in b.recommendations]
        return sorted(pairs, key=lambda br: (br[1].due, br[0].id, br[1].id))

    def by_status(self) -> dict[str, list[tuple[BriefFile, Recommendation]]]:
        """Recommendations grouped by status, in the order work moves through them."""
        groups: dict[str, list[tuple[BriefFile, Recommendation]]] = {s: [] for s in STATUSES}
        for brief, rec in self.recommendations():
            groups[rec.status].append((brief, rec))
        return groups
