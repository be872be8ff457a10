"""Learning briefs: ``data/briefs/<id>.yml``, ``data/themes.yml`` and ``data/anonymity.yml``.

- ``model``: briefs, reviews, recommendations, themes and the anonymity rules, as written.
- ``collection``: briefs as a whole (newest first, by theme, recommendations by status); addresses.
- ``anonymity``: text in a brief that could identify a child or family.
- ``pages``: each briefing, the list, themes, packs, the matrix and recommendations.
- ``kind``: the three kinds (themes, anonymity, briefs).
"""
