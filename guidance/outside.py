"""What a built page would fetch from another site: a check on every page, not a hope.

Someone reading about abuse must not be tracked, so no page may make a request outside its own
origin: no script, stylesheet, font, image, frame or icon from elsewhere, and no ``<base>``
that would send every relative address elsewhere. Links (``<a href>``) are not requests until
followed, and are allowed. Sources in ``data/`` cannot hold HTML at all (:mod:`guidance.safe_text`);
hand-written pages in ``docs/`` can, so this runs on the HTML of every page as it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["outside_requests"]

# An attribute whose value is an address with a host (https://x, //x, ftp://x...), and the tag it
# is in. Found from each "//" back to its "=" and its tag: a page has about 10 "//" and 430 "=",
# and a pattern tried at every "=" (before that, at every "<") was most of this check's time.
_ADDRESS = re.compile(r"=\s*([\"']?)\s*((?:[a-zA-Z][\w+.-]*:)?//[^\"'\s>]*)")  # from "=": rare in a page
_ATTRIBUTE = re.compile(r"\s(src|srcset|poster|data|href|xlink:href)\s*$")
_TAG_NAME = re.compile(r"<([a-zA-Z][\w:-]*)\b")
_SRCSET = re.compile(r"\ssrcset\s*=\s*([\"'])(.*?)\1", re.DOTALL)
_CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])\s*((?:[a-zA-Z][\w+.-]*:)?//[^\"')\s]*)")
_BASE = re.compile(r"<base\b[^>]*>", re.IGNORECASE)
_REL = re.compile(r"\srel\s*=\s*[\"']?([^\"'>]*)", re.IGNORECASE)
_REFRESH = re.compile(
    r"<meta\b[^>]*http-equiv\s*=\s*[\"']?refresh[^>]*url\s*=\s*((?:[a-zA-Z][\w+.-]*:)?//[^\"'\s>]*)", re.IGNORECASE
)
# <link> relations that make the browser fetch what they point at.
_FETCHING_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "prefetch", "modulepreload", "manifest",
                  "dns-prefetch", "preconnect", "prerender", "mask-icon"}


def outside_requests(html: str, own_origin: str = "") -> list[str]:
    """Each request the page would make to another site, as ``<tag attribute> address``."""
    found = []
    for match in _addresses(html):
        named = _ATTRIBUTE.search(html, max(0, match.start() - 40), match.start())
        if named is None:
            continue
        start = html.rfind("<", 0, named.start())
        tag = _TAG_NAME.match(html, start) if start >= 0 else None
        if tag is None or ">" in html[start:named.start()]:
            continue  # not inside a tag: text that reads like an attribute
        attribute, address = named.group(1), match.group(2)
        before = html[tag.end():named.start()]
        if _fetches(tag.group(1).lower(), attribute.lower(), before + html[match.end():match.end() + 200]):
            found.append(f"<{tag.group(1)} {attribute}> {address}")
    # The patterns below are tried only where their words appear: most pages have none.
    for match in _SRCSET.finditer(html) if "srcset" in html else ():
        for candidate in match.group(2).split(","):
            address = candidate.strip().split(" ")[0]
            if address.startswith("//") or re.match(r"^[a-zA-Z][\w+.-]*://", address):
                found.append(f"srcset {address}")
    if "url(" in html or "@import" in html:
        found += [f"CSS {m.group(1)}" for m in _CSS_URL.finditer(html)]
    found += [m.group(0) for m in _BASE.finditer(html)]
    found += [f"<meta http-equiv=refresh> {m.group(1)}" for m in _REFRESH.finditer(html)]
    if own_origin:
        found = [f for f in found if not f.split(" ")[-1].startswith(own_origin.rstrip("/") + "/")]
    return sorted(set(found), key=found.index)


def _addresses(html: str) -> Iterator[re.Match[str]]:
    """Each ``=`` followed by an address with a host, in order."""
    done = 0
    at = html.find("//")
    while at >= 0:
        equals = html.rfind("=", done, at) if at >= done else -1
        match = _ADDRESS.match(html, equals) if equals >= 0 else None
        if match is not None and match.start(2) <= at < match.end(2):
            yield match
            done = match.end()
        at = html.find("//", at + 2)


def _fetches(tag: str, attribute: str, attributes: str) -> bool:
    if tag in ("a", "area"):
        return False  # a link: nothing is fetched unless the reader follows it
    if tag == "link":
        rel = _REL.search(attributes)
        return bool(rel and set(rel.group(1).lower().split()) & _FETCHING_RELS)
    return attribute != "href" or tag in ("image", "use", "script", "feimage")
