"""Hostile text put into every free-text field of every source, for the payload tests.

A free-text field is found from the kind's model, not listed by hand: any string its JSON
schema leaves open (no pattern, format or list of values). So a field added later is covered.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import yaml

from guidance.errors import Path as FieldPath
from guidance.errors import format_path
from guidance.registry import KINDS
from guidance.yamlio import load_yaml

# Each is refused by `guidance check` wherever it is written; the name says what it tries.
REFUSED = {
    "script": "<script>alert('xss-script')</script>",
    "image-onerror": "<img src=x onerror=alert('xss-img')>",
    "attribute-breakout-svg": "\"'><svg onload=alert('xss-svg')>",
    "frame": "<iframe src=https://evil.example/></iframe>",
    "style": "<style>body{background:url(https://evil.example/s)}</style>",
    "comment": "<!-- hidden -->",
    "javascript-link": "[read](javascript:alert('xss-link'))",
    "data-link": "[read](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "reference-link": "[read][x]\n\n[x]: javascript:alert('xss-ref')",
    "autolink": "<javascript:alert('xss-auto')>",
    "tracking-image": "![.](https://evil.example/pixel.png)",
    "attribute-list": "{: onclick=\"alert('xss-attr')\" }",
    "character-references": "&lt;script&gt;alert('xss-entity')&lt;/script&gt;",
    "hidden-scheme": "[read](\x01javascript:alert('xss-control'))",
}

# Each is allowed, and must appear on the page as the text it is, never as markup.
ALLOWED = (
    "\" onmouseover=\"alert('xss-quote')\" data-x=\"",
    "' onfocus='alert(\"xss-apos\")' autofocus x='",
    "{{ 7 * 7 }} {% if true %}xss-jinja{% endif %}",
    "[ok](https://ok.example/\"onmouseover=\"alert('xss-href'))",
    "x < y > z & w <3",
    "javascript:alert('xss-text')",
)


def free_text_paths(kind_model: Any, data: Any) -> Iterator[FieldPath]:
    """The path of every string in ``data`` that its model's schema leaves free."""
    schema = kind_model.model_json_schema()
    definitions = schema.get("$defs", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def fits(node: dict[str, Any], value: Any) -> bool:
        wanted = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool, "number": (int, float)}
        kind = node.get("type")
        return kind is None or isinstance(value, wanted.get(kind, object))

    def walk(node: dict[str, Any], value: Any, path: FieldPath) -> Iterator[FieldPath]:
        node = resolve(node)
        if "anyOf" in node:
            node = next((resolve(o) for o in node["anyOf"] if fits(resolve(o), value)), {})
        if isinstance(value, dict):
            extra = node.get("additionalProperties")
            for key, item in value.items():
                sub = node.get("properties", {}).get(key) or (extra if isinstance(extra, dict) else None)
                if sub is not None:
                    yield from walk(sub, item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(node.get("items", {}), item, path + (i,))
        elif isinstance(value, str) and node.get("type") == "string":
            if not {"pattern", "format", "enum", "const"} & node.keys():
                yield path

    yield from walk(schema, data, ())


def source_files(data_dir: Path) -> Iterator[tuple[Path, Any]]:
    """Every source file and the model of its kind."""
    for kind in KINDS:
        for pattern in kind.patterns:
            for path in sorted(data_dir.glob(pattern)):
                yield path, kind.model


def inject(
    data_dir: Path, text: str, skip: Collection[tuple[str, str]] = (), skip_files: Collection[str] = ()
) -> list[tuple[str, FieldPath]]:
    """Append ``text`` to every free-text field of every source but those in ``skip`` (file, path as
    messages write it); the (file, path) of each field changed."""
    changed = []
    for path, model in source_files(data_dir):
        data = copy.deepcopy(load_yaml(path).data)  # the parse is cached: never change it
        shown = str(path.relative_to(data_dir.parent))
        if shown in skip_files:
            continue
        for field in list(free_text_paths(model, data)):
            if (shown, format_path(field)) in skip:
                continue
            *parents, last = field
            holder = data
            for part in parents:
                holder = holder[part]
            holder[last] = f"{holder[last]} {text}"
            changed.append((shown, field))
        path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return changed
