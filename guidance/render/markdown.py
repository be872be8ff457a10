"""Small helpers for writing Markdown safely from data."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from datetime import date

import yaml

from guidance.references import Targets, split

__all__ = [
    "admonition", "asset_href", "attr", "escape", "facts_list", "front_matter", "html_link", "html_list", "html_table", "html_text", "href", "link", "long_date", "page_url", "reference_link",
    "reference_anchor", "relative_path", "relative_to_page",
]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")


def escape(text: str) -> str:
    """Plain text (a name, a title) that Markdown must show as it is."""
    return _SPECIAL.sub(r"\\\1", text)


def html_text(text: str) -> str:
    """Plain text inside raw HTML, where Markdown escapes would show: ``<dd>``, ``<th>``, ``<a>``."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Text for an HTML attribute value, quotes included."""
    return html.escape(" ".join(text.split()), quote=True)


def link(text: str, target: str, title: str | None = None) -> str:
    suffix = f' "{title.replace(chr(34), chr(39))}"' if title else ""
    return f"[{escape(text)}]({target}{suffix})"


def facts_list(facts: list[tuple[str, str]]) -> str:
    """Name-value facts about a document (owner, dates) as a description list; values are HTML."""
    rows = "\n".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in facts)
    return f'<dl class="gl-facts">\n{rows}\n</dl>\n'


def html_list(items: Iterable[str]) -> str:
    """A bulleted list of HTML items, as a raw HTML block (what a Markdown list converts to)."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def html_table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of HTML cells, as a raw HTML block written as a Markdown table converts to: made
    from data, it passes through the build instead of being read as Markdown (raw_blocks.py)."""
    def row(cells: Sequence[str], tag: str) -> str:
        return "<tr>\n" + "".join(f"<{tag}>{cell}</{tag}>\n" for cell in cells) + "</tr>\n"
    body = "".join(row(cells, "td") for cells in rows)
    return f"<table>\n<thead>\n{row(head, 'th')}</thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def admonition(kind: str, title: str, html: str) -> str:
    """A note such as ``!!! warning "Title"`` as the admonition extension writes it, from HTML."""
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{html_text(title)}</p>\n<p>{html}</p>\n</div>\n'


def long_date(day: date) -> str:
    """A date as GOV.UK writes it: '1 March 2024'."""
    return f"{day.day} {day:%B %Y}"


def front_matter(**meta: object) -> str:
    """YAML front matter. Generated pages never run macros: data text may contain braces.

    Each value is written as JSON, which YAML reads as it is, and which is many times faster
    to write than YAML for the thousands of pages a large site has. YAML writes what JSON would
    leave raw but YAML may not hold (line and paragraph separators, other unprintable letters).
    """
    meta.setdefault("render_macros", False)
    values = {key: json.dumps(value, ensure_ascii=False) for key, value in meta.items()}
    if all(value.isprintable() for value in values.values()):
        return "---\n" + "".join(f"{key}: {value}\n" for key, value in values.items()) + "---\n\n"
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n"


def relative_to_page(target: str, page: str) -> str:
    """The path of docs file ``target`` as a Markdown link from docs file ``page``."""
    return relative_path(target, posixpath.dirname(page) or ".")


def page_url(page: str) -> str:
    """The URL path of a docs file with directory URLs: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = page.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
    return f"{stem}/" if stem else ""


def href(target: str, page: str, anchor: str = "") -> str:
    """A relative URL for raw HTML from docs file ``page`` to docs file ``target`` (and anchor)."""
    relative = relative_path(page_url(target) or ".", page_url(page) or ".")
    url = "./" if relative == "." else f"{relative}/"
    return f"{url}#{anchor}" if anchor else url


def asset_href(asset: str, page: str) -> str:
    """A relative URL from docs file ``page`` to a static file such as ``assets/x.js``."""
    return relative_path(asset, page_url(page) or ".")


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath`` for two paths inside the docs folder, without asking the system for
    the working directory twice a call (a large site makes 40,000 of them)."""
    parts, base = posixpath.normpath(path).split("/"), posixpath.normpath(start).split("/")
    if ".." in parts or ".." in base or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    parts, base = [p for p in parts if p != "."], [p for p in base if p != "."]
    common = 0
    for a, b in zip(parts, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def html_link(text: str, target: str, page: str, anchor: str = "") -> str:
    """An HTML link from docs file ``page`` to docs file ``target`` (and anchor), for raw HTML."""
    return f'<a href="{href(target, page, anchor)}">{html_text(text)}</a>'


def reference_anchor(reference: str, targets: Targets, page: str) -> str:
    """An HTML link for ``kind:id`` (checked when the data was loaded), for raw HTML."""
    kind, ident = split(reference)
    target = targets.get(kind, {}).get(ident)
    if target is None:
        return html_text(ident.replace("-", " "))
    return html_link(target.title, target.page, page, target.anchor or "")


def reference_link(reference: str, targets: Targets, page: str) -> str:
    """A Markdown link for ``kind:id`` (checked when the data was loaded)."""
    kind, ident = split(reference)
    target = targets.get(kind, {}).get(ident)
    if target is None:
        return escape(ident.replace("-", " "))
    path = relative_to_page(target.page, page)
    return link(target.title, f"{path}#{target.anchor}" if target.anchor else path)
