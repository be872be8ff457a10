"""Headings' permalinks, kept out of headings' names and out of the Tab order.

Python-Markdown's ``toc`` writes ``<a class="headerlink" href="#id" title="…">¶</a>`` inside each
heading, so every heading's accessible name ended in "¶" and each was one more Tab stop named
"¶". The link stays for the pointer (to copy a section's address); the page's contents, which
are links with the same addresses, are the keyboard's way (docs/decisions/0012-wcag-beyond-axe.md).
"""

from __future__ import annotations

import re

__all__ = ["quiet_permalinks"]

_PERMALINK = re.compile(r'<a class="headerlink" href="(#[^"]*)" title="[^"]*">')


def quiet_permalinks(html: str) -> str:
    """``html`` with each heading's permalink hidden from assistive technology and the Tab order."""
    return _PERMALINK.sub(r'<a class="headerlink" href="\1" aria-hidden="true" tabindex="-1">', html)
