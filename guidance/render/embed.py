"""One page's rendered content shown inside another: a training pack prints each briefing whole.

The page that shows others holds a placeholder for each (:func:`placeholder`); once every page is
rendered, each placeholder is replaced by the other page's content (:func:`embedded`): its title
left out (the host gives its own heading), its headings one level down, its ids made unique on the
host page and its links rebased to the host's address. Each page's Markdown is then converted once,
however many pages show it (decision 0008: a pack at 5,000 items repeated 6.8 MB of Markdown).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping

from guidance.render.markdown import relative_path

__all__ = ["embedded", "fill", "placeholder", "placeholders"]

_PLACEHOLDER = re.compile(r'<div class="gl-embed" data-gl-embed="([^"]+)" data-gl-version="[0-9a-f]*"></div>')
_TITLE = re.compile(r"<h1[\s>].*?</h1>\s*", re.S)
_HEADING = re.compile(r"<(/?)h([1-5])(?=[\s>])")
_ID = re.compile(r'\sid="([^"]*)"')
_URL = re.compile(r'\s(href|src)="([^"]*)"')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/)")


def placeholder(path: str, markdown: str) -> str:
    """Where docs file ``path``, whose Markdown is ``markdown``, is shown: a raw HTML block. The
    Markdown's digest is part of it, so the host page changes whenever the page it shows does."""
    version = hashlib.sha1(markdown.encode("utf-8")).hexdigest()[:16]
    return f'<div class="gl-embed" data-gl-embed="{path}" data-gl-version="{version}"></div>\n'


def placeholders(markdown_or_html: str) -> list[str]:
    """The docs files a page shows, in order."""
    return _PLACEHOLDER.findall(markdown_or_html)


def embedded(html: str, *, source: str, host: str, prefix: str) -> str:
    """Rendered ``html`` of the page at URL ``source`` as shown on the page at URL ``host`` (both
    relative to the site's root, ``briefs/x/``): without its first-level title, each heading one
    level down, each id and each link to one of its ids prefixed by ``prefix``, each relative link
    made relative to ``host``."""
    html = _TITLE.sub("", html, count=1)
    html = _HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", html)
    html = _ID.sub(lambda m: f' id="{prefix}{m[1]}"', html)
    return _URL.sub(lambda m: f' {m[1]}="{_rebased(m[2], source, host, prefix)}"', html)


def fill(html: str, contents: Mapping[str, tuple[str, str]], host: str) -> tuple[str, list[str]]:
    """``html`` with each placeholder replaced by its page's content, shown at URL ``host``;
    ``contents`` holds each page's URL and rendered content by docs file. Also the docs files that
    ``contents`` lacks (their placeholders are left as they are)."""
    missing: list[str] = []

    def content(match: re.Match[str]) -> str:
        path = match[1]
        if path not in contents:
            missing.append(path)
            return match[0]
        url, page_html = contents[path]
        prefix = posixpath.basename(url.rstrip("/")) + "-"
        return f'<div class="gl-embedded">\n{embedded(page_html, source=url, host=host, prefix=prefix)}\n</div>'

    return _PLACEHOLDER.sub(content, html), missing


def _rebased(url: str, source: str, host: str, prefix: str) -> str:
    if url.startswith("#"):
        return f"#{prefix}{url[1:]}" if len(url) > 1 else url
    if not url or _ABSOLUTE.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut] or "./", url[cut:]
    relative = relative_path(posixpath.join(source, path), host or ".")
    if path.endswith(("/", ".")):
        relative = "./" if relative == "." else relative + "/"
    return relative + rest
