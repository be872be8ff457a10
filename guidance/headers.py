"""The security headers a published site is served with, for each kind of host.

One set, written three ways: Netlify and Cloudflare Pages read ``_headers`` from the site's
root, IIS reads ``web.config``, nginx takes a snippet to include. The Content-Security-Policy
is made from the built pages: scripts come from the site itself, and the few inline scripts
the theme writes (Material's ``__md_scope``, the skip to a hash target) are allowed by their
hashes, so an injected script runs nowhere. The browser tests serve the site with exactly this
set and find no violation while search, flows, the finder, services and exit are used.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

__all__ = ["HOSTS", "IIS_FILE", "NETLIFY_FILE", "headers", "inline_script_hashes", "render", "site_hashes", "write_host_files"]

NETLIFY_FILE, IIS_FILE = "_headers", "web.config"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUNS = {"text/javascript", "application/javascript", "module"}

# Pagefind's index files, which IIS refuses to serve unless it knows their type.
PAGEFIND_TYPES = {".pagefind": "application/octet-stream", ".pf_fragment": "application/octet-stream",
                  ".pf_index": "application/octet-stream", ".pf_meta": "application/octet-stream",
                  ".pf_filter": "application/octet-stream",
                  ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                  ".json": "application/json", ".xml": "application/xml", ".gz": "application/gzip"}


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions (``'sha256-…'``) for each inline script that runs in ``html``."""
    found = set()
    for attributes, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _RUNS):
            continue  # loaded from a file (covered by 'self'), or data the browser does not run
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        found.add(f"'sha256-{digest}'")
    return found


def site_hashes(site_dir: Path) -> set[str]:
    """The inline script hashes of every page of a built site."""
    return {h for page in site_dir.rglob("*.html") for h in inline_script_hashes(page.read_text(encoding="utf-8"))}


def headers(script_hashes: Iterable[str]) -> list[tuple[str, str]]:
    policy = [
        "default-src 'self'",
        # Pagefind's search runs as WebAssembly: compiling it needs 'wasm-unsafe-eval' (not 'unsafe-eval').
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(script_hashes)]),
        # Style attributes carry computed widths and level colours; no stylesheet comes from elsewhere.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",  # the theme's icons are data: URLs in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return [
        ("Content-Security-Policy", "; ".join(policy)),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Strict-Transport-Security", "max-age=31536000"),
    ]


def netlify(pairs: list[tuple[str, str]]) -> str:
    return "# Security headers for Netlify and Cloudflare Pages, made by `guidance build`.\n/*\n" + "".join(
        f"  {name}: {value}\n" for name, value in pairs
    )


def iis(pairs: list[tuple[str, str]]) -> str:
    types = "".join(
        f'      <remove fileExtension="{ext}" />\n      <mimeMap fileExtension="{ext}" mimeType="{mime}" />\n'
        for ext, mime in PAGEFIND_TYPES.items()
    )
    added = "".join(f"        <add name={quoteattr(n)} value={quoteattr(v)} />\n" for n, v in pairs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- IIS: the types of search's index files, the site's 404 page and its security headers,\n"
        "     made by `guidance build`. -->\n"
        "<configuration>\n  <system.webServer>\n"
        f"    <staticContent>\n{types}    </staticContent>\n"
        '    <httpErrors errorMode="Custom" existingResponse="Replace">\n'
        '      <remove statusCode="404" />\n'
        '      <error statusCode="404" path="404.html" responseMode="File" />\n'
        "    </httpErrors>\n"
        "    <httpProtocol>\n      <customHeaders>\n"
        '        <remove name="X-Powered-By" />\n'
        f"{added}      </customHeaders>\n    </httpProtocol>\n"
        "  </system.webServer>\n</configuration>\n"
    )


def nginx(pairs: list[tuple[str, str]]) -> str:
    lines = "".join(f'add_header {name} "{value}" always;\n' for name, value in pairs)
    return (
        "# Include inside the site's server { } block: security headers, and the 404 page.\n"
        "# Made by `guidance headers nginx` from the built site; make it again after an upgrade.\n"
        f"{lines}error_page 404 /404.html;\n"
    )


HOSTS = {"netlify": netlify, "iis": iis, "nginx": nginx}


def render(host: str, script_hashes: Iterable[str]) -> str:
    return HOSTS[host](headers(script_hashes))


def write_host_files(site_dir: Path, script_hashes: Iterable[str], keep: Iterable[str] = ()) -> None:
    """``_headers`` and ``web.config`` at the site's root, except those a project writes itself (``keep``)."""
    hashes = sorted(script_hashes)
    for name, host in ((NETLIFY_FILE, "netlify"), (IIS_FILE, "iis")):
        if name not in keep:
            (site_dir / name).write_text(render(host, hashes), encoding="utf-8")
