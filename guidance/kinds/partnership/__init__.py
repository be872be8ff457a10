"""The partnership: ``data/partnership.yml`` (one file).

- ``model``: the site's identity, contacts, audiences, checks; ``PARTNERSHIP``.
- ``cover``: the hours of the week no contact answers.
- ``pages``: the emergency line, "Worried about a child?", the accessibility statement, and who
  gets "Exit this page" (``exit.js``).
- ``kind``: the kind (rules, public text, pages).
"""
