"""The search page and its scripts (offline, search is part of the saved set: guidance/offline.py)."""

from __future__ import annotations

from pathlib import Path

from guidance.render.markdown import asset_href, front_matter, html_text, page_url
from guidance.search import GROUPS
from guidance.site import Page

__all__ = ["LEXICON", "QUERY_SCRIPT", "SEARCH_PAGE", "SEARCH_SCRIPT", "search_pages"]

SEARCH_PAGE = "search.md"
SEARCH_SCRIPT = "assets/guidance/search.js"
QUERY_SCRIPT = "assets/guidance/query.js"  # what a query means: imported by search.js
LEXICON = "search/lexicon.json"  # made by guidance/lexicon.py
ASSETS = Path(__file__).parent.parent / "assets"

def search_pages(browse: list[tuple[str, str]], lexicon: str) -> list[Page]:
    """The search page, with ``browse`` (link text, docs path): the pages that list everything of a
    kind the site has, for when search is not the way (no JavaScript, or no luck); and ``lexicon``
    (guidance/lexicon.py), what the page knows besides the index."""
    return [
        Page(SEARCH_PAGE, search_page(browse)),
        Page(SEARCH_SCRIPT, (ASSETS / "search.js").read_text(encoding="utf-8")),
        Page(QUERY_SCRIPT, (ASSETS / "query.js").read_text(encoding="utf-8")),
        Page(LEXICON, lexicon),
    ]


def search_page(browse_links: list[tuple[str, str]]) -> str:
    here = SEARCH_PAGE
    groups = "\n".join(
        f'<label class="gl-search-group"><input type="radio" name="show" value="{html_text(g)}"> '
        f'{html_text(g)} <span class="gl-search-count"></span></label>'
        for g in GROUPS
    )
    browse = "\n".join(f'<li><a href="{asset_href(page_url(path), here)}/">{html_text(title)}</a></li>' for title, path in browse_links)
    return (
        front_matter(title="Search", description="Search the guidance, the glossary and help for families.",
                     glossary_links=False, hide=["toc"], search={"exclude": True}, exit=True)
        + "# Search\n\n"
        + f'<div id="gl-search" class="gl-search" data-state="idle" data-index="{asset_href("pagefind/", here)}/" '
        f'data-lexicon="{asset_href(LEXICON, here)}" '
        f'data-understand="{asset_href(QUERY_SCRIPT, here)}">\n'
        '<form id="gl-search-form" class="gl-search-form" role="search" action="." method="get" aria-label="Search the guidance">\n'
        '<label for="gl-search-input">Search for words, an abbreviation or a question</label>\n'
        '<div class="gl-search-row"><input id="gl-search-input" name="q" type="search" autocomplete="off" '
        'spellcheck="false" aria-describedby="gl-search-hint">\n'
        '<button type="submit" class="md-button md-button--primary">Search</button></div>\n'
        '<p id="gl-search-hint" class="gl-search-hint">For example: S47, LADO, money worries, missed health appointments.</p>\n'
        f'<fieldset id="gl-search-groups" class="gl-search-groups" hidden>\n<legend>Show only</legend>\n'
        f'<label class="gl-search-group"><input type="radio" name="show" value="" checked> Everything '
        f'<span class="gl-search-count"></span></label>\n{groups}\n</fieldset>\n'
        "</form>\n"
        '<div id="gl-search-help" class="gl-search-help" hidden></div>\n'
        '<p id="gl-search-status" class="gl-search-status" role="status" aria-live="polite"></p>\n'
        '<ol id="gl-search-results" class="gl-search-results"></ol>\n'
        '<button id="gl-search-more" class="md-button" type="button" hidden>Show more results</button>\n'
        '<noscript><p class="gl-search-status">Search needs JavaScript, which is turned off. '
        "You can find everything from these pages instead:</p></noscript>\n"
        f'<nav class="gl-search-browse" aria-label="Browse instead of searching">\n<p>Or browse:</p>\n<ul>\n{browse}\n</ul>\n</nav>\n'
        "</div>\n\n"
        f'<script src="{asset_href(SEARCH_SCRIPT, here)}" defer></script>\n'
    )
