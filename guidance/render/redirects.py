"""Pages that send an old address to where its content lives now, on any static host."""

from __future__ import annotations

import html
import posixpath

__all__ = ["redirect_file", "redirect_page"]


def redirect_file(old: str) -> str:
    """The file that answers an old address: 'a/b/' -> 'a/b/index.html'; 'a/b.html' stays."""
    return old if old.endswith(".html") else old.rstrip("/") + "/index.html"


def redirect_page(old_file: str, new_url: str, title: str, site_url: str | None = None) -> str:
    """A page that moves the reader on at once, with a link for when refresh is blocked.

    ``new_url`` is a site path with directory URLs, e.g. 'procedures/early-help/'. The refresh and
    the link are relative (they work on a preview host too); the canonical link is the published
    address when ``site_url`` is known, as search engines expect.
    """
    target = posixpath.relpath(new_url or ".", posixpath.dirname(old_file) or ".")
    target = "./" if target == "." else target + ("/" if new_url.endswith("/") else "")
    url, name = html.escape(target, quote=True), html.escape(title)
    canonical = html.escape(site_url.rstrip("/") + "/" + new_url, quote=True) if site_url else url
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {name}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{url}">{name}</a>.</p>\n'
        "</body>\n</html>\n"
    )
