"""Safeguarding guidance: validated YAML sources rendered into a static guidance site.

The package knows no site engine: loading, validation and rendering to Markdown are plain
Python. ``guidance.engine`` adapts it to the site engine (ProperDocs); ``guidance.cli`` is the command line.
"""

from guidance.errors import GuidanceError, Problem, Severity
from guidance.load import load_site
from guidance.site import Page, SiteData

__all__ = ["GuidanceError", "Page", "Problem", "Severity", "SiteData", "load_site"]
