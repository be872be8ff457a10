"""Small helpers for writing Markdown safely from data."""

from __future__ import annotations

import html
import posixpath
import re

import yaml

__all__ = ["attr", "escape", "front_matter", "link", "relative_to_page"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")


def escape(text: str) -> str:
    """Plain text (a name, a title) that Markdown must show as it is."""
    return _SPECIAL.sub(r"\\\1", text)


def attr(text: str) -> str:
    """Text for an HTML attribute value, quotes included."""
    return html.escape(" ".join(text.split()), quote=True)


def link(text: str, target: str, title: str | None = None) -> str:
    suffix = f' "{title.replace(chr(34), chr(39))}"' if title else ""
    return f"[{escape(text)}]({target}{suffix})"


def front_matter(**meta: object) -> str:
    """YAML front matter. Generated pages never run macros: data text may contain braces."""
    meta.setdefault("render_macros", False)
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n"


def relative_to_page(target: str, page: str) -> str:
    """The path of docs file ``target`` as a Markdown link from docs file ``page``."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
