"""The learning brief pages in the built example site: briefings, themes, feeds, matrix,
recommendations and back-links."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
import pytest

from guidance import load_site
from guidance.kinds.briefs.collection import is_overdue
from guidance.kinds.briefs.model import REVIEW_TYPES, STATUSES
from guidance.render.markdown import long_date
from tests.helpers import EXAMPLE_TODAY, ROOT, SITE_URL, heading, page, resolve, search_index

TODAY = date.fromisoformat(EXAMPLE_TODAY)
SITE = load_site(ROOT / "data", today=TODAY)
BRIEFS = SITE.content["briefs"]
THEMES = SITE.content["themes"]
SECTIONS = [
    "1. Background", "2. Why it matters", "3. Key information", "4. What worked well", "5. Things to reflect on",
    "6. What to do", "7. Find out more", "Recommendations and progress",
]


@pytest.mark.parametrize("brief", [b.id for b in BRIEFS])
def test_each_brief_is_a_7_minute_briefing_at_its_short_address(built_site: Path, brief: str) -> None:
    b = BRIEFS.by_id[brief]
    file = f"briefs/{brief}/index.html"
    html = page(built_site, file)
    article = html.select_one("article")
    assert heading(article.h1) == b.title
    assert [heading(h) for h in article.find_all("h2")] == SECTIONS
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in article.select(".gl-facts dt")}
    assert facts["Review"].get_text(strip=True) == REVIEW_TYPES[b.review.type]
    assert facts["Child"].get_text(strip=True) == f"{b.review.child} (not their real name)"
    assert facts["Published"].get_text(strip=True) == long_date(b.review.published)
    themes = facts["Themes"].find_all("a")
    assert [a.get_text() for a in themes] == [THEMES[t].name for t in b.themes]
    assert all(resolve(built_site, file, a["href"]).exists() for a in themes)
    questions = article.find("h2", id="5-things-to-reflect-on").find_next("ol").find_all("li")
    assert [q.get_text(" ", strip=True) for q in questions] == b.reflect
    for link in article.find("h2", id="7-find-out-more").find_next("ul").find_all("a"):
        assert resolve(built_site, file, link["href"]).exists(), link["href"]
    assert html.select_one(".gl-print-url").get_text() == f"Find this briefing online at {SITE_URL}briefs/{brief}/"


def test_recommendations_show_owner_due_date_status_and_evidence(built_site: Path) -> None:
    b = BRIEFS.by_id["child-b-2025"]
    table = page(built_site, "briefs/child-b-2025/index.html").find("h2", id="recommendations-and-progress").find_next("table")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert rows == [
        [
            r.text + (f" Evidence: {r.evidence}" if r.evidence else ""),
            r.owner,
            long_date(r.due) + (" overdue" if is_overdue(r, TODAY) else ""),
            STATUSES[r.status] + (f" (checked {long_date(r.updated)})" if r.updated else ""),
        ]
        for r in b.recommendations
    ]
    assert [tr.find(id=True)["id"] for tr in table.tbody.find_all("tr")] == [f"rec-{r.id}" for r in b.recommendations]
    assert rows[2][2] == "31 March 2026 overdue"  # in progress, due before the build date


def test_the_index_lists_every_brief_newest_first(built_site: Path) -> None:
    html = page(built_site, "briefs/index.html")
    titles = [heading(h) for h in html.select("article h3")]
    assert titles == [b.title for b in sorted(BRIEFS, key=lambda b: b.review.published, reverse=True)]
    nav = [a.get_text(strip=True) for a in html.select(".md-nav--primary a")]
    assert {"Themes", "Themes across reviews", "Recommendations"} <= set(nav)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_each_theme_lists_its_briefs_and_has_a_valid_feed(built_site: Path, theme: str) -> None:
    file = f"briefs/themes/{theme}/index.html"
    html = page(built_site, file)
    expected = [b for b in BRIEFS if theme in b.themes]
    assert [heading(h) for h in html.select("article h3")] == [b.title for b in expected]
    alternate = html.find("link", rel="alternate", type="application/atom+xml")
    assert resolve(built_site, file, alternate["href"]) == built_site / f"briefs/themes/{theme}.xml"
    feed = feedparser.parse((built_site / f"briefs/themes/{theme}.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == f"Learning briefs on {THEMES[theme].name}: Northmoor Safeguarding Children Partnership"
    assert [e.link for e in feed.entries] == [f"{SITE_URL}briefs/{b.id}/" for b in expected]
    assert [e.summary for e in feed.entries] == [b.summary for b in expected]
    for entry in feed.entries:
        assert (built_site / entry.link.removeprefix(SITE_URL) / "index.html").exists()


def test_a_theme_lists_related_guidance_from_its_briefs(built_site: Path) -> None:
    file = "briefs/themes/escalation/index.html"
    related = page(built_site, file).find("h2", id="related-guidance").find_next("ul").find_all("a")
    titles = [a.get_text(strip=True) for a in related]
    # The theme's own links first, then procedures and flows its briefs link to, each once.
    assert titles[:2] == ["Resolving professional disagreements", "How do I take a professional disagreement further?"]
    assert "Safeguarding disabled children" in titles and len(titles) == len(set(titles))
    assert all(resolve(built_site, file, a["href"]).exists() for a in related)


def test_the_matrix_shows_each_review_against_each_theme(built_site: Path) -> None:
    html = page(built_site, "briefs/matrix/index.html")
    table = html.select_one("table.gl-themes-matrix")
    assert table.caption.get_text() == "Themes raised by each review"
    columns = [th.get_text(strip=True) for th in table.thead.find_all("th")][1:]
    assert sorted(columns) == sorted(t.name for t in THEMES.values())
    by_name = {t.name: t.id for t in THEMES.values()}
    for row, b in zip(table.tbody.find_all("tr"), BRIEFS, strict=True):
        assert row.th["scope"] == "row" and row.th.a.get_text() == b.title
        marks = [td.get_text(strip=True) for td in row.find_all("td")]
        assert marks == [("●yes" if by_name[c] in b.themes else "no") for c in columns]
    totals = [int(td.get_text()) for td in table.tfoot.find_all("td")]
    assert totals == [len(BRIEFS.for_theme(by_name[c])) for c in columns]
    assert totals == sorted(totals, reverse=True)  # the most recurrent theme first
    region = html.select_one(".gl-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"]


def test_the_recommendations_page_counts_every_status(built_site: Path) -> None:
    html = page(built_site, "briefs/recommendations/index.html")
    summary = html.find("h2", id="progress-at-a-glance").find_next("table")
    counts = {tr.td.get_text(strip=True): tr.find_all("td")[1].get_text(strip=True) for tr in summary.tbody.find_all("tr")}
    every = BRIEFS.recommendations()
    assert counts == {
        **{label: str(sum(r.status == s for _, r in every)) for s, label in STATUSES.items()}, "All": str(len(every)),
    }
    late = sum(is_overdue(r, TODAY) for _, r in every)
    assert f"{late} past their due date and not yet done." in html.get_text()
    for status, label in STATUSES.items():
        section = html.find("h2", id=status)
        expected = [r for _, r in every if r.status == status]
        assert heading(section) == f"{label} ({len(expected)})"
        links = [tr.td.a for tr in section.find_next("table").tbody.find_all("tr")]
        assert [a.get_text() for a in links] == [r.text for r in expected]
        for a in links:
            target = resolve(built_site, "briefs/recommendations/index.html", a["href"])
            assert page(built_site, str(target.relative_to(built_site))).find(id=a["href"].split("#")[1])


def test_procedures_flows_and_terms_link_back_to_their_briefs(built_site: Path) -> None:
    def linked_to(ref: str) -> list[str]:
        return sorted(b.title for b in BRIEFS if ref in b.links)

    def learning(file: str, scope=None) -> list[str]:
        html = page(built_site, file)
        section = (scope(html) if scope else html.find("h2", id="learning-from-reviews").find_next("ul"))
        for a in section.find_all("a"):
            assert resolve(built_site, file, a["href"]).exists()
        return sorted(a.get_text() for a in section.find_all("a"))

    assert learning("procedures/information-sharing/index.html") == linked_to("procedure:information-sharing")
    assert len(linked_to("procedure:information-sharing")) >= 3
    assert learning("flows/professional-disagreement/index.html") == linked_to("flow:professional-disagreement")
    assert learning("glossary/index.html", lambda h: h.find(id="neglect").find_next(class_="gl-used")) == linked_to(
        "glossary:neglect"
    )
    assert "learning-from-reviews" not in (built_site / "procedures/early-help/v1/index.html").read_text()


def test_brief_macros_on_a_hand_written_page(built_site: Path) -> None:
    html = page(built_site, "practitioners/index.html")
    cards = [heading(h) for h in html.select("article h3")]
    neglect = [b.title for b in BRIEFS.for_theme("neglect")]
    assert cards == [BRIEFS.by_id["child-m-2026"].title, *neglect]
    for a in html.select("article h3 a"):
        assert resolve(built_site, "practitioners/index.html", a["href"]).exists()


def test_every_brief_and_theme_page_is_in_the_search_index(built_site: Path) -> None:
    entries = search_index(built_site)
    for b in BRIEFS:
        entry = entries[f"/briefs/{b.id}/"]
        assert entry["meta"]["title"] == b.title
        assert entry["meta"]["label"] == "Learning brief"
        assert "7 minute briefing" in entry["meta"]["keywords"].split("|")
    for theme in THEMES.values():
        assert entries[f"/briefs/themes/{theme.id}/"]["filters"]["group"] == ["Learning briefs"]
