"""Pages shown inside other pages (guidance/render/embed.py), on the engine's events.

Each shown page's content is kept as it is rendered (``on_page_content``); a page that shows others
is given theirs in ``on_page_context``, which the engine calls only once every page's content is
rendered. In ``guidance serve`` the contents are kept between builds, so a pack rebuilt alone still
shows briefings that were not rebuilt; the rebuild plan builds a pack again whenever a page it
shows is built (guidance/engine/rebuild.py).
"""

from __future__ import annotations

from properdocs.exceptions import PluginError

from guidance.render.embed import fill, placeholders
from guidance.site import Page

__all__ = ["Embeds", "hosts"]


def hosts(pages: list[Page]) -> dict[str, list[str]]:
    """The generated pages that show others, with the docs files each shows."""
    return {p.path: shown for p in pages if (shown := placeholders(p.markdown))}


class Embeds:
    def __init__(self) -> None:
        self.hosts: dict[str, list[str]] = {}
        self.shown: set[str] = set()
        self.contents: dict[str, tuple[str, str]] = {}  # docs file: (its URL, its rendered content)

    def plan(self, pages: list[Page]) -> None:
        """This build's generated pages: which show others, and which are shown."""
        self.hosts = hosts(pages)
        self.shown = {path for shown in self.hosts.values() for path in shown}
        self.contents = {path: content for path, content in self.contents.items() if path in self.shown}

    def keep(self, path: str, url: str, html: str) -> None:
        if path in self.shown:
            self.contents[path] = (url, html)

    def fill(self, path: str, url: str, html: str) -> str:
        """``html`` of the page ``path`` at ``url``, with the pages it shows."""
        if path not in self.hosts:
            return html
        filled, missing = fill(html, self.contents, url)
        if missing:
            raise PluginError(f"{path} shows {', '.join(missing)}, which this build did not render")
        return filled
