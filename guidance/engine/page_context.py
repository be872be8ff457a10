"""What the theme reads from each page besides its Markdown, set as the page goes into its template
(``on_page_context``, once every page's content is rendered): its search entry's head, a description
safe in an attribute, "Page checked on", whether it shows Exit this page, and the pages it shows
inside it (a training pack's briefings)."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup
from properdocs.exceptions import PluginError

from guidance.engine.embeds import Embeds
from guidance.kinds.partnership.pages import shows_exit
from guidance.render.markdown import long_date
from guidance.search import index_head
from guidance.site import SiteData
from guidance.site_search import page_entry

__all__ = ["prepare"]


def prepare(page: Any, site: SiteData | None, embeds: Embeds | None) -> None:
    """``site``: the data, when the site is searched (the plugin is enabled)."""
    if site is not None:
        entry = page_entry(page.file.src_uri, {**page.meta, "title": page.title}, site)
        page.meta["gl_search"] = entry and index_head(entry)
        page.meta["gl_search_listing"] = bool(entry and entry.listing)
    # The theme writes it into <meta content="..."> as it is: a quote in a brief's summary
    # would end the attribute. Markup is printed as it is and never escaped twice.
    description = page.meta.get("description")
    if isinstance(description, str) and not isinstance(description, Markup):
        page.meta["description"] = Markup.escape(description)
    checked = _checked(page)
    if checked is not None:
        page.meta["checked_on"] = long_date(checked)
    page.meta["gl_exit"] = shows_exit(page.meta)
    listed = page.meta.get("sitemap", True)  # `sitemap: false` keeps a page out of sitemap.xml
    if not isinstance(listed, bool):
        raise PluginError(f"{page.file.src_uri}: sitemap: expected true or false, got {listed!r}")
    if embeds is not None and page.content is not None:
        page.content = embeds.fill(page.file.src_uri, page.url, page.content)


def _checked(page: Any) -> date | None:
    """`checked:` in front matter (a date, or its ISO text from a generated page): "Page checked on ..."."""
    checked = page.meta.get("checked")
    if isinstance(checked, str):
        try:
            return date.fromisoformat(checked)
        except ValueError:
            raise PluginError(f"{page.file.src_uri}: checked: expected a date as YYYY-MM-DD, got '{checked}'") from None
    return checked if isinstance(checked, date) else None
