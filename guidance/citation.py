"""Where a definition or rule comes from: statute, statutory guidance or local policy."""

from __future__ import annotations

from pydantic import Field

from guidance.fields import HttpsUrl, Strict, Text

__all__ = ["Citation"]


class Citation(Strict):
    title: Text = Field(description="The statute or guidance, e.g. 'Children Act 1989'.")
    section: Text | None = Field(None, description="Section, chapter or paragraph, e.g. 's47' or 'Chapter 4'.")
    url: HttpsUrl | None = Field(None, description="A link to the source, if it is published.")

    def label(self) -> str:
        return f"{self.title}, {self.section}" if self.section else self.title
