"""Typed models of every kind of source: shape only, unknown keys forbidden."""

from guidance.models.brief import AllowEntry, AnonymityFile, BriefFile, Recommendation, Review, Theme, ThemesFile
from guidance.models.citation import Citation
from guidance.models.flow import Answer, CalendarFile, Closure, FlowFile, FlowText, FlowVersion, Node
from guidance.models.glossary import GlossaryFile, Term
from guidance.models.partnership import Audience, Contact, Partnership
from guidance.models.procedure import ProcedureFile, ProcedureText, Release, ReleasesFile, Step, Timescale, Version
from guidance.models.service import Need, Service, ServiceContact, ServicesFile
from guidance.models.thresholds import AgeBand, Domain, Indicator, Level, ThresholdsFile

__all__ = [
    "Need", "Service", "ServiceContact", "ServicesFile",
    "AllowEntry", "AnonymityFile", "BriefFile", "Recommendation", "Review", "Theme", "ThemesFile",
    "Answer", "CalendarFile", "Closure", "FlowFile", "FlowText", "FlowVersion", "Node",
    "AgeBand", "Audience", "Citation", "Contact", "Domain", "GlossaryFile", "Indicator", "Level", "Partnership",
    "ProcedureFile", "ProcedureText", "Release", "ReleasesFile", "Step", "Term", "ThresholdsFile", "Timescale",
    "Version",
]
