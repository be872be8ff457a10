"""How long Markdown takes over a project's generated pages, by kind of page, outside the build.

    python -m bench.convert /tmp/corpus                  # as the build converts them (raw blocks set aside)
    python -m bench.convert /tmp/corpus --without abbr   # the same without one of mkdocs.yml's extensions
    python -m bench.convert /tmp/corpus --whole          # without setting raw blocks aside

Each page gets a fresh converter with the project's extensions (``mkdocs.yml``, plus the three the
engine always adds), as the engine gives each page; converter setup is timed apart. It also times
the version comparisons' reading of each version's text (guidance/render/history.py). The build's
own time is ``python -m bench.run``'s: this says which pages and which extensions that time is spent
on. Times are the best of ``--runs`` runs: the machine is noisy.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

import markdown
import yaml

from bench.generate import TODAY

__all__ = ["converter", "extensions"]

ENGINE_EXTENSIONS = ["toc", "tables", "fenced_code"]  # what MkDocs and ProperDocs add to every site's list


def extensions(project: Path, without: tuple[str, ...] = ()) -> tuple[list[str], dict[str, dict]]:
    """The project's Markdown extensions and their settings, as the engine reads them."""
    names, configs = list(ENGINE_EXTENSIONS), {}
    for entry in yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")).get("markdown_extensions", []):
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names += [] if name in names else [name]
        configs[name] = config or {}
    names = [n for n in names if n not in without]
    return names, {n: c for n, c in configs.items() if n in names}


def converter(project: Path, without: tuple[str, ...] = ()) -> markdown.Markdown:
    """Python-Markdown with the project's extensions and their settings, as the engine makes it."""
    names, configs = extensions(project, without)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _kind(path: str) -> str:
    parts = path.split("/")
    name = parts[0] if len(parts) > 1 else "home"
    if "changes" in parts[-1]:
        return f"{name} (comparisons)"
    return f"{name} (versions)" if parts[-1][:1] == "v" and parts[-1][1:2].isdigit() else name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--without", nargs="*", default=[], help="extensions of mkdocs.yml to leave out")
    parser.add_argument("--whole", action="store_true", help="convert raw HTML blocks too, as if none were set aside")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("GUIDANCE_TODAY", TODAY)

    from guidance.load import load_site
    from guidance.pages import site_pages
    from guidance.render.history import blocks
    from guidance.render.plain_text import rendered_text
    from guidance.render.raw_blocks import set_aside

    site = load_site(args.project / "data", docs_dir=args.project / "docs")
    pages = [(p.path, p.markdown if args.whole else set_aside(p.markdown)[0]) for p in site_pages(site) if p.path.endswith(".md")]
    bodies = [(path, text.split("\n---\n", 1)[1] if text.startswith("---\n") else text) for path, text in pages]
    set_aside_blocks = [] if args.whole else [b for p in site_pages(site) if p.path.endswith(".md") for b in set_aside(p.markdown)[1]]
    keeping_ids = sum(text.count('<div data-gl-block="') for _, text in pages)
    names, configs = extensions(args.project, tuple(args.without))
    best: Counter[str] = Counter()
    setup = reading = float("inf")
    for _ in range(args.runs):
        spent: Counter[str] = Counter()
        made = 0.0
        for path, body in bodies:
            start = time.perf_counter()
            md = markdown.Markdown(extensions=names, extension_configs=configs)
            ready = time.perf_counter()
            md.convert(body)
            made += ready - start
            spent[_kind(path)] += time.perf_counter() - ready
        if not best or sum(spent.values()) < sum(best.values()):
            best = spent
        setup = min(setup, made)
        rendered_text.cache_clear()
        start = time.perf_counter()
        for procedure in site.content.get("procedures", []):  # type: ignore[attr-defined]
            for edition in procedure.editions:
                blocks(edition.text, {})
        reading = min(reading, time.perf_counter() - start)
    for kind, seconds in best.most_common():
        print(f"{kind:32} {seconds:6.2f} s")
    print(f"{'converting, all pages':32} {sum(best.values()):6.2f} s  ({len(bodies)} pages)")
    print(f"{'making converters':32} {setup:6.2f} s")
    print(f"{'reading versions to compare':32} {reading:6.2f} s")
    if not args.whole:
        print(f"raw HTML set aside behind {len(set_aside_blocks)} placeholders, {keeping_ids} of them keeping ids")


if __name__ == "__main__":
    main()
