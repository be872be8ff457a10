"""Typed models of every kind of source: shape only, unknown keys forbidden."""

from .citation import Citation
from .glossary import GlossaryFile, Term
from .partnership import Audience, Contact, Partnership

__all__ = ["Audience", "Citation", "Contact", "GlossaryFile", "Partnership", "Term"]
