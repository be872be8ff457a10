"""Source text may not carry HTML, script links, attribute lists, images or hidden characters.

Text in ``data/`` is Markdown, and Markdown passes raw HTML through: an ``<img onerror>`` pasted
into a definition, or a ``javascript:`` link in a step, would run on every page that shows it.
So every string of every source is read before it is used, and anything that is not plain
Markdown prose is an error at the file, line and column where it is written:

- raw HTML of any kind (tags, comments, declarations), which Markdown would pass through;
- HTML character references (``&lt;``), which templates may turn back into markup;
- links (inline, reference definitions and ``<autolinks>``) to anything but ``https:``,
  ``mailto:``, ``tel:`` or a page of this site;
- images, which would be a request to wherever they point;
- attribute lists (``{: onclick=... }``), which the ``attr_list`` extension turns into attributes;
- control characters, which browsers drop from a link's scheme (``\\x01javascript:``).

Hand-written pages in ``docs/`` are the authors' own HTML and are not read here; what they may
request is checked in the built pages (:mod:`guidance.outside`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from guidance.errors import Path, Problem, format_path
from guidance.yamlio import Document

__all__ = ["LINK_SCHEMES", "link_refused", "unsafe_text"]

# What a link in a source may lead to, besides a page of this site.
LINK_SCHEMES = ("https", "mailto", "tel")

_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]?|!|\?)[^>\n]{0,40}>?")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\s*[(\[]?[^)\]\n]{0,60}[)\]]?")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s>()]*(?:\([^\s()]*\)[^\s>()]*)*)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTRIBUTES = re.compile(r"\{:?[ \t]*(?:[#.][^\s}]|[^\s=}]+[ \t]*=)[^}\n]*\}")
# C0 controls and DEL, and the characters that reorder or split text unseen (Trojan Source).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028-\u202e\u2066-\u2069]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def unsafe_text(document: Document) -> list[Problem]:
    """One problem for each thing in the document's text that could run, request or hide."""
    problems = []
    for path, value in _strings(document.data, ()):
        for needle, message in _findings(value):
            line, column = document.find(path, needle)
            problems.append(Problem(document.file, line, column, format_path(path), message))
    return problems


def link_refused(target: str) -> bool:
    """Whether a link's destination leads somewhere a source may not link to."""
    target = target.replace("\\", "").strip()
    if target.startswith("//"):  # another site, by the page's own scheme
        return True
    scheme = _SCHEME.match(target)
    return scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def _findings(text: str) -> Iterator[tuple[str, str]]:
    if not any(c in text for c in "<&![{]") and not _CONTROL.search(text):
        return  # nearly every string: nothing here could be markup
    autolinks = set()
    for match in _AUTOLINK.finditer(text):
        autolinks.add(match.start())
        target = match.group(1)
        if ":" in target and link_refused(target):
            yield match.group(0), _link_message(target)
    for match in _HTML.finditer(text):
        if match.start() not in autolinks:
            yield match.group(0), (
                f"expected Markdown without HTML, got '{match.group(0)}' "
                "(source text cannot hold HTML: write the words, and use Markdown for links and emphasis)"
            )
    for match in _REFERENCE.finditer(text):
        yield match.group(0), f"expected the character itself, got the HTML character reference '{match.group(0)}'"
    for match in _IMAGE.finditer(text):
        yield match.group(0), (
            f"expected text without images, got '{match.group(0)}' "
            "(an image would be fetched from wherever it points: put images in a page in docs/)"
        )
    for pattern in (_INLINE_LINK, _DEFINITION):
        for match in pattern.finditer(text):
            if link_refused(match.group(1)):
                yield match.group(1), _link_message(match.group(1))
    for match in _ATTRIBUTES.finditer(text):
        yield match.group(0), f"expected text without attribute lists, got '{match.group(0)}'"
    for match in _CONTROL.finditer(text):
        yield match.group(0), f"expected printable text, got the hidden character U+{ord(match.group(0)):04X}"


def _link_message(target: str) -> str:
    return f"expected a link to https://, mailto:, tel: or a page of this site, got '{target}'"
