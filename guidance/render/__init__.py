"""Pure functions from models to Markdown or HTML fragments. No MkDocs imports here."""
