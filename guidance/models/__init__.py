"""Typed models of every kind of source: shape only, unknown keys forbidden."""

from .brief import AllowEntry, AnonymityFile, BriefFile, Recommendation, Review, Theme, ThemesFile
from .citation import Citation
from .flow import Answer, CalendarFile, Closure, FlowFile, FlowText, FlowVersion, Node
from .glossary import GlossaryFile, Term
from .service import Need, Service, ServiceContact, ServicesFile
from .procedure import ProcedureFile, ProcedureText, Release, ReleasesFile, Step, Timescale, Version
from .partnership import Audience, Contact, Partnership
from .thresholds import AgeBand, Domain, Indicator, Level, ThresholdsFile

__all__ = [
    "Need", "Service", "ServiceContact", "ServicesFile",
    "AllowEntry", "AnonymityFile", "BriefFile", "Recommendation", "Review", "Theme", "ThemesFile",
    "Answer", "CalendarFile", "Closure", "FlowFile", "FlowText", "FlowVersion", "Node",
    "AgeBand", "Audience", "Citation", "Contact", "Domain", "GlossaryFile", "Indicator", "Level", "Partnership",
    "ProcedureFile", "ProcedureText", "Release", "ReleasesFile", "Step", "Term", "ThresholdsFile", "Timescale",
    "Version",
]
