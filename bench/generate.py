"""A synthetic but valid guidance project of a chosen size, for measuring scale.

    python -m bench.generate 5000 /tmp/corpus-5k

Every kind of source is used, in the proportions of a consortium manual (for 5,000 items:
about 300 procedures with 3 to 5 versions each, 1,100 glossary terms, 550 briefs, 50 flows,
550 services and 1,200 threshold indicators), with realistic text lengths and links between them.
The example project in this repository supplies the shapes: flows and briefs are its own, renamed;
everything else is written from templates. The output is deterministic for a given size.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
# Share of the items each kind takes (procedure versions count as items).
SHARES = {"glossary": 0.22, "indicators": 0.24, "procedures": 0.06, "briefs": 0.11, "flows": 0.01, "services": 0.11}
WORDS = (
    "child family practitioner assessment referral concern school health visitor police social worker plan "
    "review meeting consent record share information risk harm neglect support parent carer agency manager "
    "timescale decision strategy discussion conference outcome safety need level early help evidence learning "
    "theme supervision escalation partnership voice curiosity chronology visit report notify panel local"
).split()


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return (" ".join(chosen)).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def generate(items: int, target: Path) -> dict[str, int]:
    """Write a project with about ``items`` items into ``target``; return how many of each were written."""
    rng = random.Random(items)
    if target.exists():
        shutil.rmtree(target)
    for name in ("docs", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    # The example's practitioner page names example procedures and briefs: a generic one instead.
    (target / "docs/practitioners/index.md").write_text(
        "---\ntitle: For practitioners\n---\n\n# For practitioners\n\nThe glossary explains {{ glossary_count }} terms.\n",
        encoding="utf-8",
    )
    data = target / "data"
    data.mkdir()
    for name in ("partnership.yml", "releases.yml", "bank-holidays.yml"):
        shutil.copy(ROOT / "data" / name, data / name)
    if items > 6000:  # what a reader saves for offline grows with the guidance (about 3.2 MB a thousand
        # items): a partnership this large raises its budget, or a strict build fails on the warning
        with (data / "partnership.yml").open("a", encoding="utf-8") as partnership:
            partnership.write(f"offline:\n  budget_mb: {items // 250}\n")
    themes = yaml.safe_load((ROOT / "data/themes.yml").read_text(encoding="utf-8"))
    for theme in themes["themes"]:
        theme["links"] = [link for link in theme.get("links", []) if link.startswith("glossary:")]
    _dump(data / "themes.yml", themes)
    counts = {kind: max(1, round(items * share)) for kind, share in SHARES.items()}
    terms = _glossary(rng, data, counts["glossary"])
    _thresholds(rng, data, counts["indicators"], terms)
    flows = _flows(data, counts["flows"])
    procedures = _procedures(rng, data, counts["procedures"], terms, flows)
    _briefs(rng, data, counts["briefs"], terms, procedures)
    _services(rng, data, counts["services"])
    _search(rng, data, terms)
    (data / "anonymity.yml").write_text("names: []\nallow: []\n", encoding="utf-8")
    # The project's Python first; the rest of PATH too, for Graphviz's dot (flow diagrams).
    env = {**os.environ, "GUIDANCE_TODAY": TODAY, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    subprocess.run([sys.executable, "-m", "guidance", "lock", "--new"], cwd=target, check=True, capture_output=True, env=env)
    return counts


class _Written(yaml.SafeDumper):
    """Every value written out: sources may not use aliases, which PyYAML writes for shared values."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, content: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(content, Dumper=_Written, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def _glossary(rng: random.Random, data: Path, n: int) -> list[str]:
    example = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    terms = list(example)
    for i in range(n - len(terms)):
        terms.append({
            "id": f"term-{i}",
            "term": f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i}",
            "definition": paragraph(rng, rng.randint(2, 4)),
            "plain": "A short plain meaning. It helps you.",
            "source": {"title": "Working Together to Safeguard Children 2023"},
        })
    _dump(data / "glossary.yml", {"terms": terms})
    return [t["id"] for t in terms]


def _thresholds(rng: random.Random, data: Path, n: int, terms: list[str]) -> None:
    source = yaml.safe_load((ROOT / "data/thresholds.yml").read_text(encoding="utf-8"))
    levels = [lvl["id"] for lvl in source["levels"]]
    domains = [d["id"] for d in source["domains"]]
    for level in source["levels"]:
        level["links"] = [link for link in level.get("links", []) if link.startswith(("glossary:", "threshold:"))]
    source["indicators"] = [
        {
            "id": f"L{lvl}-gen-{i:05d}",
            "level": lvl,
            "domain": domains[i % len(domains)],
            "text": sentence(rng, rng.randint(10, 22)),
        }
        for i in range(n)
        for lvl in [levels[i % len(levels)]]
    ]
    _dump(data / "thresholds.yml", source)


def _flows(data: Path, n: int) -> list[str]:
    examples = sorted((ROOT / "data/flows").glob("*.yml"))
    ids = []
    for i in range(n):
        flow = yaml.safe_load(examples[i % len(examples)].read_text(encoding="utf-8"))
        flow["id"] = f"{flow['id']}-{i}"
        for version in flow["versions"]:
            version.pop("release", None)
            if "title" in version:
                version["title"] = f"{version['title']} ({i})"
            for node in (version.get("nodes") or {}).values():
                node["links"] = [link for link in node.get("links", []) if link.startswith("glossary:")]
        _dump(data / "flows" / f"{flow['id']}.yml", flow)
        ids.append(flow["id"])
    return ids


def _procedures(rng: random.Random, data: Path, n: int, terms: list[str], flows: list[str]) -> list[str]:
    ids = []
    for i in range(n):
        ident = f"procedure-{i:04d}"
        steps = [
            {"id": f"step-{s}", "title": sentence(rng, 4).rstrip("."), "who": "Lead practitioner", "text": paragraph(rng, 3)}
            for s in range(rng.randint(4, 8))
        ]
        steps[1]["timescale"] = {"within": f"{rng.randint(1, 20)} working days", "of": "the referral being received"}
        versions: list[dict[str, Any]] = [{
            "version": 1, "effective": f"{2019 + i % 3}-0{1 + i % 9}-01",
            "title": f"{sentence(rng, 3).rstrip('.')} {i}", "summary": sentence(rng, 16),
            "scope": paragraph(rng, 2), "applies_to": ["Every agency working with children"], "steps": steps,
            "links": [f"glossary:{rng.choice(terms)}", f"flow:{rng.choice(flows)}"],
        }]
        for v in range(2, rng.randint(3, 5) + 1):
            changed = [dict(step, text=paragraph(rng, 3)) if rng.random() < 0.3 else step for step in steps]
            versions.append({
                "version": v, "effective": f"{2021 + v}-0{1 + i % 9}-15", "note": sentence(rng, 10), "steps": changed,
            })
        _dump(data / "procedures" / f"{ident}.yml", {
            "id": ident, "group": f"Group {i % 12}", "owner": "Partnership business manager",
            "reviewed": "2026-01-10", "review_due": "2027-06-30", "versions": versions,
        })
        ids.append(ident)
    return ids


def _briefs(rng: random.Random, data: Path, n: int, terms: list[str], procedures: list[str]) -> None:
    examples = sorted((ROOT / "data/briefs").glob("*.yml"))
    for i in range(n):
        brief = yaml.safe_load(examples[i % len(examples)].read_text(encoding="utf-8"))
        brief["id"] = f"{brief['id']}-{i}"
        brief["title"] = f"{brief['title']} ({i})"
        brief["review"]["child"] = f"Child {chr(65 + i % 26)}{i}"
        brief["links"] = [f"procedure:{rng.choice(procedures)}", f"glossary:{rng.choice(terms)}"]
        brief["actions"]["practitioners"] = [a.replace("01632 960100", "the front door") for a in brief["actions"]["practitioners"]]
        _dump(data / "briefs" / f"{brief['id']}.yml", brief)


def _services(rng: random.Random, data: Path, n: int) -> None:
    source = yaml.safe_load((ROOT / "data/services.yml").read_text(encoding="utf-8"))
    fictional = [s for s in source["services"] if s.get("example")]
    services = []
    for i in range(n):
        service = dict(fictional[i % len(fictional)])
        service["id"] = f"{service['id']}-{i}"
        service["name"] = f"{service['name']} {i}"
        services.append(service)
    _dump(data / "services.yml", {"needs": source["needs"], "services": services})


def _search(rng: random.Random, data: Path, terms: list[str]) -> None:
    """The example's glossary queries (their terms are in every corpus), and each of a sample of the
    generated terms asked for by its name."""
    example = yaml.safe_load((ROOT / "data/search.yml").read_text(encoding="utf-8"))
    queries = [q for q in example["queries"] if q["expect"].startswith("glossary/#") and q["expect"][10:] in terms]
    generated = yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    made = [t for t in generated if t["id"].startswith("term-")]
    for term in rng.sample(made, k=min(20, len(made))):
        queries.append({"query": term["term"], "expect": f"glossary/#{term['id']}", "audience": "practitioner", "class": "title"})
    _dump(data / "search.yml", {"synonyms": [["chronology", "timeline of events"], ["supervision", "reflective supervision"]],
                                "queries": queries})


def main() -> None:
    items, target = int(sys.argv[1]), Path(sys.argv[2])
    counts = generate(items, target)
    print(f"wrote {target}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))


if __name__ == "__main__":
    main()
