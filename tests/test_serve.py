"""`guidance serve`: the example site on a local port, rebuilt when data/ changes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.serving import Serving
from tests.helpers import EXAMPLE_TODAY


def fetch(url: str, wanted: str, timeout: float = 30) -> str:
    """The page at ``url`` once it contains ``wanted``; fails after ``timeout`` seconds."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode()
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {wanted!r}; last body had {len(body)} characters")


def test_serve_rebuilds_when_a_yaml_source_changes(example: Path, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with Serving(example, env={**os.environ, "TMPDIR": str(temporary)}) as server:
        url = server.url + "glossary/"
        fetch(url, "Team around the family")
        glossary = example / "data/glossary.yml"
        glossary.write_text(glossary.read_text().replace("term: Team around the family", "term: Team around the child"))
        body = fetch(url, "Team around the child")
        assert "Team around the family" not in body
        assert "livereload" in body  # the page reloads itself when the build changes
        # The search index is rebuilt with the pages.
        assert '"languages"' in fetch(server.url + "pagefind/pagefind-entry.json", '"languages"')
        assert any(temporary.iterdir())  # the site it serves
    # Stopped (SIGTERM), it leaves no copy of the site behind.
    assert list(temporary.iterdir()) == []


NEW_TERM = """
  - id: lead-professional
    term: Lead professional
    definition: >-
      The practitioner who co-ordinates the help a family gets from several services.
    plain: >-
      One worker who links up everyone who helps your family.
    source:
      title: Working Together to Safeguard Children 2023
"""

# Each edit: a file, the text to replace and what replaces it (None: the file is deleted).
EDITS = [
    # A term linked from other pages is renamed: their tooltips change.
    ("data/glossary.yml", "term: Team around the family", "term: Team around the child"),
    # A new term whose name is already on a page: that page now links it.
    ("data/glossary.yml", "\n  - id: designated-safeguarding-lead", NEW_TERM + "\n  - id: designated-safeguarding-lead"),
    # One service's text.
    ("data/services.yml", "You do not have to give your name.", "You never have to give your name."),
    # What a level expects, which a hand-written page shows through a macro.
    ("data/thresholds.yml", "  response: Refer to the front door.", "  response: Refer to the front door at once."),
    # A definition shown in tooltips on a brief, whose Markdown is unchanged: the training packs
    # that print the brief are built again with it (guidance/render/embed.py).
    ("data/glossary.yml", "attend\" recognises that children depend on adults", "attend\" recognises that children rely on adults"),
    # A brief's own text: its page and the packs that print it.
    ("data/briefs/child-d-2024.yml", "Its harm builds up over", "Its harm builds up slowly over"),
    # A brief is deleted: its page goes, and the pages that list it change.
    ("data/briefs/child-h-2019.yml", None, None),
    # Something every page shows: the partnership's name.
    ("data/partnership.yml", "name: Northmoor Safeguarding Children Partnership",
     "name: Northmoor Children's Safeguarding Partnership"),
]


# Written by hand with no macro that shows the data edited below (their contact is in
# partnership.yml, whose edit rebuilds every page and is made last).
SHOWS_NO_DATA = {"about/index.md", "index.md", "public/staying-safe-online.md"}


def served(serving: Serving, url: str) -> str:
    """A page as `guidance serve` serves it, less its live reload script, the script that shows
    the author problems, and its canonical address."""
    html = urllib.request.urlopen(serving.url + url, timeout=10).read().decode()
    html = re.sub(r"<script src=\"[^\"]*problems\.js\" defer></script>", "", html)
    return same_site(re.sub(r"<script[^>]*>[^<]*livereload[^<]*</script>", "", html))


def indexed_pages(entry: str) -> int:
    """How many pages and records a search index holds, from its entry file."""
    return json.loads(entry)["languages"]["en"]["page_count"]


def same_site(html: str) -> str:
    """A page without its canonical address, which names the server it came from, nor what only a
    published build has: its id and the script that saves it for offline (guidance/offline.py)."""
    html = re.sub(r'<meta name="guidance-build" content="[^"]*">', "", html)
    html = re.sub(r'<script src="[^"]*offline\.js" data-worker="[^"]*" defer></script>', "", html)
    return re.sub(r'<link rel="canonical" href="[^"]*">', "", html)


def full_build(project: Path, site: Path) -> dict[str, str]:
    """Every page of a full `guidance build` of ``project`` into ``site``, by address."""
    subprocess.run([sys.executable, "-m", "guidance", "build", "-d", str(site)], cwd=project, check=True,
                   env={**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}, capture_output=True)
    return {p.relative_to(site).as_posix().removesuffix("index.html"): p.read_text(encoding="utf-8")
            for p in site.rglob("index.html") if not p.is_relative_to(site / "pagefind")}


def test_serve_rebuilds_only_what_an_edit_changed_and_serves_what_a_full_build_makes(
        example: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # The relevance query that expects the brief deleted below goes first: it would be a dangling reference.
    relevance = example / "data/search.yml"
    relevance.write_text("".join(line for line in relevance.read_text().splitlines(keepends=True) if "briefs/child-h-2019/" not in line))
    with Serving(example, {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}) as server:
        server.wait_for_build(1)
        server.wait_for_index(1)  # an edit while it is being made would abandon it
        for n, (file, old, new) in enumerate(EDITS, start=2):
            path = example / file
            if old is None:
                path.unlink()
            else:
                assert old in path.read_text(), old
                path.write_text(path.read_text().replace(old, new, 1))
            server.wait_for_build(n, timeout=120)
            server.wait_for_index(n, timeout=120)  # written after the pages (guidance/engine/serve_index.py)
            full = tmp_path_factory.mktemp("full") / "site"
            expected = full_build(example, full)
            if old is None:
                with pytest.raises(urllib.error.HTTPError, match="404"):
                    served(server, "briefs/child-h-2019/")
            differ = [url for url, html in expected.items() if served(server, url) != same_site(html)]
            assert not differ, f"after editing {file}: {differ}"
            assert indexed_pages(served(server, "pagefind/pagefind-entry.json")) == indexed_pages(
                (full / "pagefind/pagefind-entry.json").read_text())
            counts = re.findall(r"building (\d+) of (\d+) pages", "".join(server.log))[-1]
            if file != "data/partnership.yml":  # every page shows the partnership's name
                assert int(counts[0]) < int(counts[1]) / 2, counts
            # A page written by hand is built again only if its macros showed what changed.
            line = next(line for line in reversed(server.log) if "building" in line)
            by_hand = re.search(r"written by hand: ([^)]*)\)", line)
            built = set(by_hand.group(1).split(", ")) if by_hand else set()
            if file != "data/partnership.yml":
                assert built.isdisjoint(SHOWS_NO_DATA), (file, line)
                assert ("practitioners/index.md" in built) == (file != "data/services.yml"), (file, line)


def test_serve_keeps_the_last_good_site_and_shows_the_problems_until_they_are_fixed(example: Path) -> None:
    problems = "assets/guidance/problems.json"
    with Serving(example, {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}) as server:
        server.wait_for_build(1)
        assert json.loads(fetch(server.url + problems, "[")) == []
        glossary = example / "data/glossary.yml"
        good = glossary.read_text()
        glossary.write_text(good.replace("    definition: >-\n      The national model", "    defintion: >-\n      The national model", 1))
        server.wait_for_build(2, timeout=120)
        shown = json.loads(fetch(server.url + problems, "defintion"))
        assert "data/glossary.yml:10:5: terms[0].defintion: unknown field 'defintion' (did you mean 'definition'?)" in shown
        assert "Team around the family" in fetch(server.url + "glossary/", "Team around the family")  # the last good site
        # A macro that fails in a hand-written page does not stop the server either.
        page = example / "docs/about/index.md"
        page.write_text(page.read_text() + '\n{{ term("NOPE") }}\n\n{{ term() }}\n')
        server.wait_for_build(3, timeout=120)
        shown = json.loads(fetch(server.url + problems, "term()"))
        assert any("term(): expected term(name, text=None) (missing a required argument: 'name')" in p for p in shown)
        # Another file mended: the page's own problems are still shown, though nothing it shows changed.
        glossary.write_text(good)
        server.wait_for_build(4, timeout=120)
        shown = json.loads(fetch(server.url + problems, "term()"))
        assert not any("defintion" in p for p in shown)
        assert any("term(): expected term(name, text=None)" in p for p in shown)
        page.write_text(page.read_text().replace('\n{{ term("NOPE") }}\n\n{{ term() }}\n', ""))
        server.wait_for_build(5, timeout=120)
        assert json.loads(fetch(server.url + problems, "[]")) == []
        # A page written by hand with no macros links a brief; the brief's file is deleted: the
        # link is reported, though nothing in the page changed.
        relevance = example / "data/search.yml"
        relevance.write_text("".join(line for line in relevance.read_text().splitlines(keepends=True) if "briefs/child-h-2019/" not in line))
        server.wait_for_build(6, timeout=120)
        linking = example / "docs/public/staying-safe-online.md"
        linking.write_text(linking.read_text() + "\nRead [what a review found](../briefs/child-h-2019.md).\n")
        server.wait_for_build(7, timeout=120)
        assert json.loads(fetch(server.url + problems, "[]")) == []
        (example / "data/briefs/child-h-2019.yml").unlink()
        server.wait_for_build(8, timeout=120)
        shown = json.loads(fetch(server.url + problems, "child-h-2019"))
        assert any("public/staying-safe-online.md" in p and "briefs/child-h-2019.md" in p for p in shown), shown
        assert server.process.poll() is None
