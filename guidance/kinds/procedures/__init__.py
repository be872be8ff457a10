"""Procedures with every version: ``data/procedures/<id>.yml``.

- ``model``: a procedure file, its versions and texts, and releases (``data/releases.yml``).
- ``texts``: procedures as readers see them (each version's whole text, what is in force when,
  addresses); ``PROCEDURES``.
- ``pages``: the version in force, each version, history, changes, "as at" (``versions.js``).
- ``kind``: the kind (files, rules, lock records, pages, search entries).
"""
