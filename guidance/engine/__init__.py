"""Everything that faces the site engine, in one place: ProperDocs, the maintained continuation of MkDocs 1.x.

- :mod:`guidance.engine.plugin`: the plugin, on documented events only (``on_startup`` ... ``on_shutdown``).
- :mod:`guidance.engine.macros`: the macros for hand-written pages (an mkdocs-macros module, shipped here).
- :mod:`guidance.engine.commands`: ``guidance build`` and ``serve`` run the engine's whole lifecycle.
- :mod:`guidance.engine.page_check`, :mod:`guidance.engine.rebuild`, the macro checks and the
  problems shown over the page in ``serve``.

Nothing outside this package imports the engine. Material for MkDocs and mkdocs-macros import
``mkdocs.*``: ProperDocs' own alias (imported here, first) makes those its modules, so one engine
runs whichever way the build starts (``guidance build`` or ``properdocs build``). Decision 0014.
"""

from __future__ import annotations

import logging

import properdocs.replacement  # noqa: F401  (mkdocs.* imports resolve to ProperDocs)

__all__ = ["ENGINE", "engine_logger"]

ENGINE = "properdocs"


def engine_logger() -> logging.Logger:
    """The engine's logger, with the legacy ``mkdocs`` logger (Material's, mkdocs-macros') under it, as
    ``properdocs`` sets it up on its own command line: one place for every message, and strict mode
    counts all of them."""
    logger = logging.getLogger(ENGINE)
    legacy = logging.getLogger("mkdocs")
    legacy.parent = logger
    legacy.setLevel(logging.NOTSET)
    legacy.propagate = True
    return logger
