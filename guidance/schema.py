"""JSON Schemas generated from the models, never written by hand, so editors can validate YAML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from guidance.kind import Kind
from guidance.registry import KINDS

__all__ = ["schema_file", "schemas", "write_schemas"]


def schema_file(kind: Kind) -> str:
    return f"{kind.name}.schema.json"


def schemas(kinds: Sequence[Kind] = KINDS) -> dict[str, str]:
    """File name -> JSON text, one per kind."""
    result = {}
    for kind in kinds:
        schema = kind.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{kind.name} source ({', '.join(kind.patterns)})"
        result[schema_file(kind)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


def write_schemas(out_dir: Path, kinds: Sequence[Kind] = KINDS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas(kinds).items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
