"""Scale benchmark: medians of several runs for the example site and generated corpora.

    python -m bench.run                 # the example site and corpora of 1,000 and 5,000 items
    python -m bench.run --sizes 200 --runs 1   # a smoke run, as CI does
    python -m bench.run --sizes 5000 --runs 7 --serve   # only `guidance serve`'s rebuild after an edit

For each project it prints `guidance check` time; full build time and peak memory; a plain
`mkdocs build` of the same Markdown with the same theme (our overhead, measured in the same run),
twice: with MkDocs's default plugins (its search, which is what a plain site has) and with none;
build time per item; and the bytes a first visit downloads (HTML, CSS and JS, gzip -9) for a
public page, a procedure page and a flow page; and what a new visitor's first search downloads and
how long it takes from the last keystroke to results, in Chromium (medians over a few queries);
what the first visit saves for offline (MB stored and downloaded) and how long saving takes from
the first page's load (bench/offline.py); and how long `guidance serve` takes to serve the rebuilt
site after one YAML file is edited (the browser reloads), and until its search index follows.
Machines are noisy: every time is the median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.generate import TODAY, generate
from bench.offline import offline_save
from bench.search import payload
from bench.serving import Serving, elapsed_until_built

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "GUIDANCE_TODAY": TODAY}
PLUGIN_ONLY_PARTIALS = ("partials/nav.html", "partials/tabs.html")


# Runs a command and prints its peak memory (KB): a fresh process, so the peak is that command's.
_PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
)


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds and peak memory (KB) of one run of ``command``; it must succeed."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, *command], cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-2000:]}")
    return elapsed, int(result.stderr.split()[-1])


def median_run(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    results = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def median_runs(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, tuple[float, int]]:
    """Each command's median seconds and peak memory, the commands taking turns run by run: on a
    shared machine a slow minute then slows one run of each, not every run of one."""
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            results[name].append(timed(command, cwd))
    return {name: (statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for name, rs in results.items()}


def plain_project(project: Path, plugins: list[str] | None = None) -> Path:
    """The same Markdown (hand-written and generated) with the same theme, built by plain MkDocs:
    with MkDocs's default plugins (``None``: its search, Material's here) or with ``plugins``."""
    sys.path.insert(0, str(ROOT))
    from guidance.load import load_site
    from guidance.pages import site_nav, site_pages

    plain = Path(tempfile.mkdtemp(prefix="plain-"))
    shutil.copytree(project / "docs", plain / "docs")
    site = load_site(project / "data", docs_dir=project / "docs")
    for page in site_pages(site):
        target = plain / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("plugins")
    # What the guidance plugin adds to every build: its theme templates and its stylesheet. Not
    # the navigation and tabs it renders once per folder of unlisted pages (with the plugin only,
    # guidance/engine/shared_nav.py): plain MkDocs renders Material's for every page.
    theme = plain / "theme"
    shutil.copytree(ROOT / "guidance/theme", theme)
    for partial in PLUGIN_ONLY_PARTIALS:
        (theme / partial).unlink()
    config["theme"]["custom_dir"] = str(theme)
    config["extra_css"] = ["assets/guidance/guidance.css"]
    if plugins is not None:
        config["plugins"] = plugins
    site_nav(config["nav"], site)
    config["extra"] = {"guidance": {"emergency": "", "exit_url": "https://www.bbc.co.uk/weather"}}
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return plain


def first_visit(site: Path, page: str) -> int:
    """Bytes (gzip -9) of a page's HTML and the stylesheets and scripts it links to."""
    html_file = site / page / "index.html"
    html = html_file.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 9))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (html_file.parent / ref.split("?")[0]).resolve()
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 9))
    return total


def serve_rebuild(project: Path, runs: int) -> tuple[float, float]:
    """Seconds from saving an edited glossary.yml until `guidance serve` has rebuilt the site (the
    moment its live reload refreshes the browser), and until its search index has followed: the
    medians of ``runs`` edits."""
    import time
    import urllib.request

    glossary = project / "data/glossary.yml"
    original = glossary.read_text(encoding="utf-8")
    try:
        with Serving(project, ENV) as serving:
            serving.wait_for_build(1)
            serving.wait_for_index(1)
            times, indexed = [], []
            for run in range(runs):
                word = f"Edited{run}word"
                edited = re.sub(r"^(\s*-?\s*term: )(.+)$", rf"\g<1>\g<2> {word}", original, count=1, flags=re.M)
                start = time.perf_counter()
                times.append(elapsed_until_built(serving, lambda text=edited: glossary.write_text(text, encoding="utf-8")))
                serving.wait_for_index(run + 2)
                indexed.append(time.perf_counter() - start)
                if word not in urllib.request.urlopen(serving.url + "glossary/", timeout=30).read().decode():
                    raise SystemExit(f"guidance serve rebuilt {project} without the edit")
            return statistics.median(times), statistics.median(indexed)
    finally:
        glossary.write_text(original, encoding="utf-8")


def measure_serve(name: str, project: Path, items: int, runs: int) -> dict[str, float]:
    """Only the serve rebuild (``--serve``): the first build is serve's own."""
    row: dict[str, float] = {"items": items}
    row["serve rebuild s"], row["serve search updated s"] = serve_rebuild(project, runs)
    print(f"{name}: " + ", ".join(f"{k} {v:.2f}" for k, v in row.items()), flush=True)
    return row


def measure(name: str, project: Path, items: int, runs: int) -> dict[str, float]:
    check, _ = median_run([str(BIN / "guidance"), "check"], project, runs)
    # Plain MkDocs as it comes (its default plugin is its search) and with no plugins at all.
    plain, bare = plain_project(project), plain_project(project, [])
    mkdocs = [str(BIN / "properdocs"), "build", "-q"]
    timings = median_runs({"ours": ([str(BIN / "guidance"), "build"], project), "plain": (mkdocs, plain),
                           "bare": (mkdocs, bare)}, runs)
    shutil.rmtree(plain)
    shutil.rmtree(bare)
    (build, memory), baselines = timings["ours"], {name: timings[name][0] for name in ("plain", "bare")}
    site = project / "site"
    pages = {
        "public page": "public/services",
        "procedure page": next(p.parent.relative_to(site).as_posix() for p in sorted(site.glob("procedures/*/index.html"))
                               if p.parent.name not in ("changes", "as-at")),
        "flow page": next(p.parent.relative_to(site).as_posix() for p in sorted(site.glob("flows/*/index.html"))),
    }
    row = {
        "items": items, "check s": check, "build s": build, "peak MB": memory / 1024,
        "plain mkdocs s": baselines["plain"], "ours / plain": build / baselines["plain"],
        "plain, no search s": baselines["bare"], "ours / plain, no search": build / baselines["bare"],
        "ms per item": 1000 * build / items,
    }
    row["first search KB"], row["search ms"] = payload(site)
    row["offline MB"], row["offline download MB"], row["offline save s"] = offline_save(site, runs)
    row["serve rebuild s"], row["serve search updated s"] = serve_rebuild(project, runs)
    row.update({f"{label} KB": first_visit(site, page) / 1024 for label, page in pages.items()})
    print(f"{name}: " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help="measure only guidance serve's rebuild after an edit")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    example = work / "example"
    for name in ("data", "docs", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, example / name)
    how = measure_serve if args.serve else measure
    rows = {"example": how("example", example, _items(example), args.runs)}
    for size in args.sizes:
        corpus = work / f"corpus-{size}"
        generate(size, corpus)
        rows[f"{size} items"] = how(f"{size} items", corpus, size, args.runs)
    print()
    names = list(rows)
    keys = list(rows[names[0]])
    print("| figure | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for key in keys:
        print(f"| {key} | " + " | ".join(_fmt(rows[n][key]) for n in names) + " |")
    sized = [r for n, r in rows.items() if n != "example"]
    if len(sized) >= 2 and "build s" in sized[0]:
        small, large = sized[0], sized[-1]
        print(f"\nbuild time ratio {large['items']}/{small['items']} items: {large['build s'] / small['build s']:.2f} "
              f"(linear would be {large['items'] / small['items']:.2f})")
    shutil.rmtree(work)


def _items(project: Path) -> int:
    """Entries in a project's data: terms, indicators, procedure versions, flows, briefs and services."""
    sys.path.insert(0, str(ROOT))
    from guidance.load import load_site

    site = load_site(project / "data")
    c = site.content
    return (len(c["glossary"]) + len(c["thresholds"].indicators) + sum(len(p.editions) for p in c["procedures"])
            + len(c["flows"]) + len(c["briefs"]) + len(c["services"].services))


def _fmt(value: float) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    main()
