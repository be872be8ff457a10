"""The glossary: ``data/glossary.yml`` or ``data/glossary/*.yml``.

- ``model``: a term and the file, as written.
- ``terms``: the glossary as a whole (A to Z, lookup by any name); ``GLOSSARY``, its key.
- ``jargon``: abbreviations used anywhere that the glossary does not define.
- ``pages``: the A to Z for practitioners and the plain-English list; their addresses.
- ``kind``: the kind (files, rules, pages, search records, scaffold for ``guidance new``).
"""
