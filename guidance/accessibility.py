"""What the accessibility statement may claim: only what the browser tests check on every change.

Each check here has a browser test named ``test_check_<id>_…`` in
``tests/browser/test_wcag_browser.py``, and a unit test fails if one is missing, so the statement
never claims more than the tests prove (docs/decisions/0012-wcag-beyond-axe.md).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHECKS", "NEEDS_JAVASCRIPT", "YOU_CAN", "Check"]


@dataclass(frozen=True)
class Check:
    id: str
    says: str  # how the statement words it, after "checked for"


CHECKS = (
    Check("axe", "problems the axe-core checker finds against WCAG 2.2 AA, on every kind of page and in the states a "
                 "reader reaches: an open tooltip, the open menu, a decision flow's outcome, filtered lists and search results"),
    Check("keyboard", "every journey by keyboard alone: each decision flow to its record, the indicator finder, the services "
                      "filter, search, the menu and Exit this page"),
    Check("focus", "a visible focus on every stop of the Tab key, on screen and never under the page's header, at 320 pixels "
                   "wide and at 200% zoom"),
    Check("contrast", "the contrast of links and buttons when they are pointed at or have focus, not only at rest"),
    Check("tooltips", "glossary tooltips that stay while the pointer is on them and close with Escape"),
    Check("forced_colours", "pages and diagrams that can be read in Windows' contrast themes (forced colours)"),
    Check("reflow", "pages that do not scroll sideways at 320 pixels wide (400% zoom on a laptop)"),
    Check("titles", "a title of its own for every page"),
    Check("names", "names for links, headings and landmarks that make sense when read aloud"),
    Check("no_js", "what works without JavaScript"),
)

# What a reader can do, each line resting on the checks named with it.
YOU_CAN = (
    ("change colours and contrast using your browser or device settings, including contrast themes", ("forced_colours",)),
    ("zoom in up to 400% without the text spilling off the screen", ("reflow",)),
    ("move around the whole website using just a keyboard, and always see where you are", ("keyboard", "focus")),
    ("close any pop-up text with the Escape key", ("tooltips",)),
)

NEEDS_JAVASCRIPT = (
    "search (without it, the search page links to lists to browse instead)",
    "the 'open now' filter on the services pages (every service still says when it is open)",
    "the indicator finder (the pages for each level of need list every indicator)",
    "the forms that show the guidance as at a date (the tables below them list every version and its dates)",
    "the glossary's pop-up meanings (each term still links to its meaning)",
    "reading the guidance offline (every page still works online)",
)
