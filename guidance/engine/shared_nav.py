"""The navigation and tabs, rendered once for the pages side by side that the navigation does not list.

Material writes the whole navigation (and the tabs) into every page. For a page the navigation
does not list (a procedure's past versions, their comparisons, its history: most of a large
site) nothing in them is marked as the reader's page, and every address in them is relative to
the page's folder: so pages in the same folder (``procedures/x/v1/`` and ``procedures/x/v2/``) get
the same HTML, unless the navigation lists a page inside one of them. At 5,000 items Material
spent about 1.5 s writing the same navigation again. Our ``partials/nav.html`` and
``partials/tabs.html`` render Material's once per folder (:meth:`SharedNav.once`), for the pages
:meth:`SharedNav.key` names; every other page gets Material's as it is.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import jinja2
import material
from markupsafe import Markup

__all__ = ["MATERIAL_TEMPLATES", "SharedNav"]

# Material's own templates, reachable as "material/..." from ours that wrap them.
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


class SharedNav:
    """One build's navigation (made in ``on_nav``): what it lists, and what has been rendered."""

    def __init__(self, nav: Any) -> None:
        self.listed = {id(page) for page in nav.pages}
        self.addresses = tuple(page.url for page in nav.pages)
        self.rendered: dict[tuple[str, str], Markup] = {}

    def use(self, env: jinja2.Environment) -> None:
        """Let ``env``'s templates reach Material's as ``material/...`` and render once."""
        material = jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES))})
        env.loader = jinja2.ChoiceLoader([env.loader, material]) if env.loader else material
        env.globals["guidance_once"] = self.once

    def key(self, page: Any) -> str:
        """The folder whose pages share ``page``'s navigation; empty when it gets its own."""
        url: str = page.url
        if id(page) in self.listed or not url:
            return ""
        # What the engine makes each address relative to: the page's folder (get_relative_url).
        folder = (url if url.endswith("/") or "." not in posixpath.basename(url) else posixpath.dirname(url)).rstrip("/")
        if not folder or any(a == folder or a.startswith(folder + "/") for a in self.addresses):
            return ""
        return posixpath.dirname(folder) + "/"

    def once(self, name: str, key: str, caller: Any) -> Markup:
        """``caller``'s HTML for ``key``, rendered the first time it is asked for."""
        if (name, key) not in self.rendered:
            self.rendered[name, key] = Markup(caller())
        return self.rendered[name, key]
