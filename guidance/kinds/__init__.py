"""One package per kind of source: its model, rules, logic, pages, addresses and search entries.

See :mod:`guidance.kind` for what a kind provides and :mod:`guidance.registry` for the list.
"""
