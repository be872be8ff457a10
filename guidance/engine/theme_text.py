"""The theme's strings (Material's ``lang.t``), each looked up once a build.

Material's ``partials/language.html`` answers every ``lang.t(key)`` with two macro calls, each
building its language's whole table anew; a page asks over forty times, and at 5,000 items that
was about 0.8 s of a build. Our ``partials/language.html`` sets ``t`` to :func:`theme_text`'s
answer instead: the same strings (the language's own, else Material's English, else the key),
found once each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

__all__ = ["theme_text"]


def theme_text(env: Any, language: str) -> Callable[[str], Markup]:
    """``lang.t`` for the theme's ``language``, from the language files in ``env``'s templates."""
    own = env.get_template(f"partials/languages/{language}.html").module
    english = env.get_template("partials/languages/en.html").module
    found: dict[str, Markup] = {}

    def text(key: str) -> Markup:
        if key not in found:
            found[key] = Markup(own.t(key) or english.t(key) or Markup.escape(key))
        return found[key]

    return text
