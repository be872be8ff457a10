"""The continuum of need: ``data/thresholds.yml``.

- ``model``: levels, domains, age bands and indicators, as written.
- ``grid``: the whole, as a grid of levels by domains; ``THRESHOLDS``; level page addresses.
- ``pages``: overview, a page per level, the matrix and the indicator finder (``finder.js``).
- ``kind``: the kind (files, rules, pages, search records for indicators).
"""
