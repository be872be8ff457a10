"""The procedure pages in the built example site: current text, history, changes, feed, redirects."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import feedparser

from tests.helpers import SITE_URL, heading, page, resolve


def test_the_procedure_page_shows_the_version_in_force_and_the_one_to_come(built_site: Path) -> None:
    html = page(built_site, "procedures/notifying-serious-incidents/index.html")
    article = html.find("article")
    assert heading(article.find("h1")) == "Notifying serious child safeguarding incidents"
    banners = article.select(".gl-version")
    assert banners[0].get_text(" ", strip=True).startswith("This version took effect on 1 October 2025. It made minor changes only")
    assert "The last change to practice was on 1 March 2024" in banners[0].get_text()
    upcoming = article.select_one(".gl-upcoming")
    assert upcoming["data-gl-effective"] == "2027-04-01"
    assert upcoming.select_one(".gl-when-coming").get_text() == "Version 4 comes into force on 1 April 2027."
    assert upcoming.select_one(".gl-when-come").has_attr("hidden")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in article.select(".gl-facts dt")}
    assert facts == {
        "Version": "3, in force since 1 October 2025",
        "Owner": "Partnership business manager",
        "Last reviewed": "14 May 2026",
        "Next review due": "14 May 2027",
    }
    timescales = [(p["data-within"], p["data-unit"]) for p in article.select(".gl-timescale")]
    assert timescales == [("1", "working-days"), ("5", "working-days")]
    assert article.find(id="notify-the-panel").get_text().startswith("2. Notify the national panel")
    # The text in force, not the one to come.
    assert "giving the date the rapid review" not in article.get_text()


def test_related_guidance_links_resolve(built_site: Path) -> None:
    source = "procedures/strategy-discussions-and-section-47-enquiries/index.html"
    related = page(built_site, source).find(id="related-guidance").find_next_sibling("ul")
    hrefs = [a["href"] for a in related.find_all("a")]
    assert "../../thresholds/level-4/" in hrefs and "../resolving-professional-disagreements/" in hrefs
    for href in hrefs:
        assert resolve(built_site, source, href).exists(), href


def test_every_version_has_a_permanent_page_that_says_whether_it_is_current(built_site: Path) -> None:
    old = page(built_site, "procedures/rapid-reviews/v1/index.html").find("article")
    warning = old.select_one(".admonition.warning")
    assert warning.select_one(".admonition-title").get_text() == "This is not the current version"
    assert "in force from 29 September 2019 to 29 February 2024" in warning.get_text()
    assert warning.find("a", string="Read the current version")["href"] == "../"
    assert "within 10 working days" not in old.get_text()
    current = page(built_site, "procedures/rapid-reviews/v3/index.html").find("article")
    assert "This is the current version (3)" in current.get_text()
    assert "Within 10 working days of the local authority becoming aware" in current.get_text()
    coming = page(built_site, "procedures/notifying-serious-incidents/v4/index.html").find("article")
    assert coming.select_one(".admonition-title").get_text() == "Not in force yet"


def test_history_lists_every_version_with_its_dates_and_changes(built_site: Path) -> None:
    source = "procedures/notifying-serious-incidents/history/index.html"
    table = page(built_site, source).find("table", id="versions-table")
    rows = table.select("tbody tr")
    assert [r.th.get_text() for r in rows] == ["Version 4", "Version 3 (current)", "Version 2", "Version 1"]
    assert [(r["data-from"], r["data-until"]) for r in rows] == [
        ("2027-04-01", ""),
        ("2025-10-01", "2027-03-31"),
        ("2024-03-01", "2025-09-30"),
        ("2019-09-29", "2024-02-29"),
    ]
    cells = [[td.get_text(" ", strip=True) for td in r.find_all("td")] for r in rows]
    assert cells[1] == ["1 October 2025 to 31 March 2027", "Minor", "Minor change, such as wording: no change to practice. See what changed"]
    assert cells[3][2] == "First published."
    for link in table.find_all("a"):
        assert resolve(built_site, source, link["href"]).exists(), link["href"]


def test_the_changes_page_marks_words_added_and_removed(built_site: Path) -> None:
    article = page(built_site, "procedures/resolving-professional-disagreements/v2-changes/index.html").find("article")
    assert heading(article.find("h1")) == "Resolving professional disagreements: what changed in version 2"
    diff = article.select_one(".gl-diff")
    assert [d.get_text() for d in diff.find_all("del")] == ["removed: 5"]
    assert [i.get_text() for i in diff.find_all("ins")] == ["added: 3"]
    assert "Timescale: Within 3 working days of the decision you disagree with" in diff.get_text(" ", strip=True).replace("added: ", "").replace("removed: 5 ", "")
    # Only the step that changed is shown.
    assert [heading(h) for h in article.find_all("h2")] == ["Step: Talk to the practitioner"]


def test_changes_are_shown_in_the_words_a_reader_sees_not_markdown(built_site: Path) -> None:
    # Every comparison page: no Markdown marks where the version itself shows formatting.
    pages = sorted(built_site.glob("procedures/*/v*-changes/index.html"))
    assert len(pages) >= 5
    for file in pages:
        diff = " ".join(d.get_text(" ") for d in page(built_site, str(file.relative_to(built_site))).select(".gl-diff"))
        assert not re.search(r"\*\*|\]\(|(?<!\w)_\w+_(?!\w)", diff), file
    text = page(built_site, "procedures/notifying-serious-incidents/v3-changes/index.html").find("article").get_text(" ")
    assert "known or suspected and the child" in " ".join(text.split())


def test_whats_changed_groups_by_release_newest_first(built_site: Path) -> None:
    source = "procedures/changes/index.html"
    article = page(built_site, source).find("article")
    headings = [heading(h) for h in article.find_all("h2")]
    assert headings == [
        "Coming into force",
        "Autumn 2025 update, 1 October 2025",
        "Working Together 2023 alignment, 1 March 2024",
        "Spring 2022 update, 1 April 2022",
        "1 June 2021",
        "1 September 2020",
        "6 January 2020",
        "New local safeguarding arrangements, 29 September 2019",
    ]
    wt2023 = next(h for h in article.find_all("h2") if "Working Together 2023" in h.get_text()).find_next_sibling("ul")
    assert len(wt2023.find_all("li")) == 5
    # Minor changes get no public note.
    assert "version 3 of Notifying" not in article.get_text()
    assert page(built_site, source).find("link", rel="alternate", type="application/atom+xml")["href"] == "../changes.xml"


def test_the_feed_is_valid_atom_and_every_entry_links_to_its_changes(built_site: Path) -> None:
    feed = feedparser.parse((built_site / "procedures/changes.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "What's changed: Northmoor Safeguarding Children Partnership"
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Rapid reviews: version 3"
    assert "Notifying serious child safeguarding incidents: version 4" not in titles  # not in force yet
    assert len(feed.entries) == 18  # 20 versions, less one minor change and one still to come
    for entry in feed.entries:
        assert entry.link.startswith(SITE_URL)
        assert (built_site / entry.link.removeprefix(SITE_URL) / "index.html").exists(), entry.link
        assert entry.id.startswith("tag:guidance.northmoor-scp.example.org,2024:procedure/")
        assert entry.summary.startswith("In force from ")


def test_renamed_procedures_redirect_from_every_former_address(built_site: Path) -> None:
    for old, new in (
        ("chapters/p_escalation.html", "../procedures/resolving-professional-disagreements/"),
        ("procedures/escalation-policy/index.html", "../resolving-professional-disagreements/"),
        ("procedures/escalation-policy/v2/index.html", "../../resolving-professional-disagreements/v2/"),
        ("procedures/escalation-policy/history/index.html", "../../resolving-professional-disagreements/history/"),
    ):
        html = page(built_site, old)
        refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert refresh == f"0; url={new}", old
        assert html.find("a")["href"] == new
        assert resolve(built_site, old, new).exists()
        # The canonical address is the published one (partnership.yml's site_url), not a relative link.
        canonical = html.find("link", rel="canonical")["href"]
        assert canonical == "https://guidance.northmoor-scp.example.org/" + posixpath.normpath(posixpath.join(posixpath.dirname(old), new)) + "/"


def test_as_at_lists_every_version_of_every_procedure(built_site: Path) -> None:
    rows = page(built_site, "procedures/as-at/index.html").select("table#as-at-table tbody tr")
    assert len(rows) == 20
    in_force = [r.th.get_text() for r in rows if r["data-from"] <= "2023-05-12" and (not r["data-until"] or "2023-05-12" <= r["data-until"])]
    assert len(in_force) == 10


def test_the_procedures_index_and_nav(built_site: Path) -> None:
    html = page(built_site, "procedures/index.html")
    groups = [heading(h) for h in html.find("article").find_all("h2")]
    assert groups == ["Responding to concerns", "Reviews and learning", "Specific needs", "Working together"]
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary a")]
    assert "What's changed" in nav and "Guidance as at a date" in nav
    assert "Rapid reviews" not in nav  # the nav does not grow with the procedures


def test_procedure_macros_on_a_hand_written_page(built_site: Path) -> None:
    article = page(built_site, "practitioners/index.html").find("article")
    link = article.find("a", string="Notifying serious child safeguarding incidents")
    assert link["href"] == "../procedures/notifying-serious-incidents/"
    text = article.get_text(" ", strip=True)
    assert "Rapid reviews : The rapid review meeting must now be held within 10 working days" in text
    assert "Resolving professional disagreements , version 2 (in force from 1 April 2022)" in text


def test_every_feed_link_leads_to_how_to_follow_it_with_the_address_to_copy(built_site: Path) -> None:
    feeds = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.xml") if p.name != "sitemap.xml")
    assert "procedures/changes.xml" in feeds and len(feeds) >= 5
    how = page(built_site, "feeds/index.html")
    for feed in feeds:
        section = how.find(id=re.sub(r"[^a-z0-9]+", "-", feed.removesuffix(".xml")))
        assert section is not None, feed
        assert section.find_next("code").get_text() == f"https://guidance.northmoor-scp.example.org/{feed}"
    # The links a reader follows from the pages go to the explanation, not to raw XML.
    for source in ("procedures/changes/index.html", "briefs/themes/neglect/index.html"):
        links = [a["href"] for a in page(built_site, source).find("article").find_all("a") if "feed" in a.get_text()]
        assert links and all("/feeds/#" in href and not href.endswith(".xml") for href in links), links
