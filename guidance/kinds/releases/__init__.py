"""Releases: ``data/releases.yml``, named and dated sets of changes across procedures and flows."""
