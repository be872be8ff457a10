"""Services for parents, carers and young people: ``data/services.yml``.

- ``model``: needs and services, as written.
- ``finder``: opening hours parsed, open now and next opening; ``SERVICES``.
- ``pages``: all services, a page per need, open 24 hours (``services.js``: the filter).
- ``kind``: the kind (files, rules, pages, search records).
"""
