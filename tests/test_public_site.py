"""Pages for the public in the built example site: routes, who to call, services, statement, 404."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from guidance import load_site
from guidance.accessibility import CHECKS, NEEDS_JAVASCRIPT, YOU_CAN
from guidance.kinds.partnership.pages import accessibility_page
from tests.helpers import EXAMPLE_TODAY, ROOT, heading, load_problems, page, resolve, write
from tests.helpers import PARTNERSHIP as PARTNERSHIP_FILE
from tests.helpers import SERVICES as SERVICES_FILE

SITE = load_site(ROOT / "data", today=date.fromisoformat(EXAMPLE_TODAY))
SERVICES = SITE.content["services"]
PARTNERSHIP = SITE.partnership


def tel(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def test_the_home_page_sends_each_audience_its_own_way(built_site: Path) -> None:
    html = page(built_site, "index.html")
    routes = {a.get_text(strip=True): a["href"] for a in html.select(".gl-routes strong > a")}
    assert list(routes) == [
        "I'm worried about a child", "I need help for my family", "I work with children and families", "Learning and training",
    ]
    for href in routes.values():
        assert resolve(built_site, "index.html", href).exists(), href


def test_worried_about_a_child_puts_999_first_then_the_numbers_from_data(built_site: Path) -> None:
    html = page(built_site, "public/worried-about-a-child/index.html")
    article = html.select_one("article")
    first = article.h1.find_next_sibling()
    assert "gl-999" in first["class"] and first.select_one("a.gl-999-number")["href"] == "tel:999"
    calls = [a["href"] for a in article.select(".gl-call a")]
    day, night = PARTNERSHIP.contact(PARTNERSHIP.worried.daytime), PARTNERSHIP.contact(PARTNERSHIP.worried.out_of_hours)
    national = [PARTNERSHIP.contact(i) for i in PARTNERSHIP.worried.national]
    assert calls == [tel(day.phone), tel(night.phone), *(tel(c.phone) for c in national)]
    told = [" ".join(li.get_text().split()) for li in article.find(id="what-will-happen-when-you-call").find_next("ul").find_all("li")]
    assert told == PARTNERSHIP.worried.when_you_call
    assert html.select_one("[data-gl-exit]")  # Exit this page


def test_every_service_is_listed_once_with_every_way_to_reach_it(built_site: Path) -> None:
    html = page(built_site, "public/services/index.html")
    cards = html.select(".gl-services article.gl-service")
    assert [c["id"] for c in cards] == [s.id for s in SERVICES.services]
    for card in cards:
        s = SERVICES.by_id[card["id"]]
        hrefs = [a["href"] for a in card.select(".gl-service-contact a")]
        expected = [
            *([tel(s.contact.phone)] if s.contact.phone else []),
            *(["sms:" + s.contact.text.replace(" ", "")] if s.contact.text else []),
            *([s.contact.web] if s.contact.web else []),
            *(["mailto:" + s.contact.email] if s.contact.email else []),
        ]
        assert hrefs == expected
        facts = {dt.get_text(): dt.find_next_sibling("dd").get_text("\n") for dt in card.select("dt")}
        assert facts["Open"].split("\n") == s.hours
        assert facts["Cost"] == s.cost and facts["Languages"] == ", ".join(s.languages)
        assert facts["Private"].startswith("Yes" if s.confidential else "No")
        assert card.get("data-needs").split() == s.needs


@pytest.mark.parametrize("need", sorted(SERVICES.needs))
def test_each_need_has_a_page_that_works_without_javascript(built_site: Path, need: str) -> None:
    html = page(built_site, f"public/services/{need}/index.html")
    assert [c["id"] for c in html.select("article.gl-service")] == [s.id for s in SERVICES.for_need(need)]
    # Every service is listed without JavaScript; the script only adds open now and the filter,
    # which wait hidden until it runs.
    assert html.select_one("[data-gl-services-filter]").has_attr("hidden")
    assert all(p.has_attr("hidden") for p in html.select(".gl-open-status"))
    index = page(built_site, "public/services/index.html")
    link = index.select_one(f'.gl-needs a[href="{need}/"]')
    assert link.get_text() == SERVICES.needs[need].name


def test_the_24_hour_page_lists_only_services_open_all_day_and_night(built_site: Path) -> None:
    html = page(built_site, "public/services/open-24-hours/index.html")
    found = [c["id"] for c in html.select("article.gl-service")]
    assert found == [s.id for s in SERVICES.always_open()]
    assert {"childline", "samaritans", "crisis-line"} <= set(found) and "food-bank" not in found


def test_the_accessibility_statement_has_what_the_regulations_ask_for(built_site: Path) -> None:
    html = page(built_site, "about/accessibility/index.html")
    sections = [heading(h) for h in html.select("article h2, article h3")]
    assert sections == [
        "How accessible this website is", "Feedback and contact information", "Enforcement procedure",
        "Technical information about this website's accessibility", "Compliance status", "Non-accessible content",
        "How we tested this website", "Preparation of this accessibility statement",
    ]
    text = html.select_one("article").get_text(" ", strip=True)
    assert "fully compliant with the Web Content Accessibility Guidelines WCAG 2.2 AA standard" in text
    assert "We know of no non-accessible content." in text
    assert "prepared on 1 November 2026" in text and "within 5 working days" in text
    assert html.select_one('article a[href="mailto:nscp@example.org"]')
    # It claims what the browser tests check, no more: each check is listed, and what needs JavaScript.
    for check in CHECKS:
        assert check.says.split(",")[0] in text, check.id
    for item in NEEDS_JAVASCRIPT:
        assert item.split(" (")[0] in text


def test_a_statement_with_known_issues_says_partially_compliant(small: Path) -> None:
    accessibility = (
        "accessibility:\n  compliance: full\n  known_issues: [Some PDFs are not tagged.]\n  contact: front-door\n"
        "  tested: By the web team.\n  prepared: 2026-11-01\n  reviewed: 2026-11-01\n"
    )
    write(small, "data/partnership.yml", PARTNERSHIP_FILE + accessibility)
    site = load_site(small / "data", today=date.fromisoformat(EXAMPLE_TODAY))
    statement = accessibility_page(site.partnership)
    assert "partially compliant with the [Web Content Accessibility Guidelines]" in statement
    assert "### Non-accessible content\n\nThe content listed below is non-accessible.\n\n- Some PDFs are not tagged." in statement


def test_every_check_the_statement_claims_has_a_browser_test() -> None:
    tests = ROOT / "tests" / "browser" / "test_wcag_browser.py"
    names = {n.name for n in ast.walk(ast.parse(tests.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef)}
    for check in CHECKS:
        assert any(name.startswith(f"test_check_{check.id}_") for name in names), check.id
    for _, resting_on in YOU_CAN:
        assert set(resting_on) <= {c.id for c in CHECKS}


def test_every_page_links_to_the_statement_and_the_public_routes(built_site: Path) -> None:
    for file in ("index.html", "glossary/index.html", "briefs/child-b-2025/index.html", "404.html"):
        footer = page(built_site, file).select_one(".gl-footer-links")
        links = {a.get_text(): a["href"] for a in footer.find_all("a")}
        report = links.pop("Report a problem with this page")
        assert set(links) == {"Worried about a child?", "Staying safe online", "Accessibility statement"}, file
        if file != "404.html":
            assert all(resolve(built_site, file, href).exists() for href in links.values())
        # An email to the partnership with the page's own address in it: no form, no outside request.
        mail = urlsplit(report)
        assert mail.scheme == "mailto" and mail.path == "nscp@example.org"
        query = parse_qs(mail.query)
        address = "https://guidance.northmoor-scp.example.org/" + ("404" if file == "404.html" else file.removesuffix("index.html"))
        assert query["body"][0].startswith(f"Page: {address}\n"), query


def test_every_page_says_whose_site_it_is_its_licence_and_when_it_was_updated(built_site: Path) -> None:
    for file in ("index.html", "glossary/index.html", "public/services/index.html", "404.html"):
        footer = page(built_site, file).select_one(".md-copyright")
        text = " ".join(footer.get_text().split())
        assert text.startswith("Northmoor Safeguarding Children Partnership")
        assert "Open Government Licence v3.0" in text and "Last updated 23 November 2026." in text
        assert footer.select_one('a[rel="license"]')["href"].startswith("https://www.nationalarchives.gov.uk/")
        assert footer.select_one("time")["datetime"] == EXAMPLE_TODAY
        assert "Material for MkDocs" not in text and not footer.select('a[target="_blank"]')


def test_the_feedback_contact_must_have_an_email(small: Path) -> None:
    write(small, "data/partnership.yml", PARTNERSHIP_FILE + "feedback: front-door\n")
    assert load_problems(small / "data") == [
        "data/partnership.yml:16:11: feedback: contact 'front-door' has no email: a report of a problem with a page is sent by email"
    ]


def test_the_404_page_offers_the_emergency_routes_and_search(built_site: Path) -> None:
    html = page(built_site, "404.html")
    article = html.select_one("article")
    assert heading(article.h1) == "Page not found"
    assert article.select_one('a[href="tel:999"]')
    hrefs = [a["href"] for a in article.select("ul a")]
    assert hrefs[:2] == ["/public/worried-about-a-child/", "/public/services/"]
    for href in hrefs:
        assert (built_site / href.strip("/") / "index.html").exists(), href
    search = html.select_one('header form[role="search"]')  # the search box is on the page
    assert search["action"] == "/search/" and search.select_one('input[name="q"]')


def test_site_wide_links_are_kept_only_for_pages_that_exist() -> None:
    from guidance.pages import FOOTER_LINKS, LOST_LINKS, site_links

    pages = {"public/worried-about-a-child.md", "practitioners/index.md"}  # no services, briefs or statement
    assert site_links(LOST_LINKS, pages) == [
        {"title": "Worried about a child?", "url": "public/worried-about-a-child/"},
        {"title": "Guidance for people who work with children", "url": "practitioners/"},
    ]
    assert [link["title"] for link in site_links(FOOTER_LINKS, pages)] == ["Worried about a child?"]


@pytest.mark.parametrize("page", ["index.html", "public/index.html", "public/worried-about-a-child/index.html", "public/services/index.html"])
def test_a_parents_page_explains_terms_in_plain_english(built_site: Path, page: str) -> None:
    """Tooltips give the plain meaning and link to the plain-English glossary, never the practitioners'."""
    glossary = SITE.glossary
    links = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser").select("a.gl-term")
    assert links, page
    for a in links:
        term = glossary.by_id[a["href"].rsplit("#", 1)[1]]
        assert a["href"].split("#")[0].endswith("glossary/plain-english/"), a["href"]
        assert a["title"] == f"{term.heading}: {term.plain_summary}"


def test_a_practitioners_page_keeps_the_practitioners_glossary(built_site: Path) -> None:
    links = BeautifulSoup((built_site / "procedures/early-help/index.html").read_text(encoding="utf-8"), "html.parser").select("a.gl-term")
    assert links and all(a["href"].split("#")[0].endswith("glossary/") for a in links)


def test_the_worried_page_gives_a_national_helpline_when_the_local_lines_are_closed(built_site: Path) -> None:
    html = BeautifulSoup((built_site / "public/worried-about-a-child/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = next(h for h in html.find_all("h2") if h.get_text().startswith("If you cannot get through"))
    assert heading is not None
    after = heading.find_next("a", href=re.compile("^tel:"))
    assert after["href"] == "tel:08088005000"


def test_contact_hours_with_a_gap_in_the_week_are_a_warning(small: Path) -> None:
    from tests.helpers import PARTNERSHIP, write

    write(small, "data/partnership.yml", PARTNERSHIP.replace("    example: true\n", (
        "    example: true\n    open: ['Monday to Thursday, 8:30am to 5pm', 'Friday, 8:30am to 4:30pm']\n"
        "  - id: night\n    name: Night team\n    phone: 01632 960199\n"
        "    open: ['Monday to Thursday, 5pm to 8:30am', 'Friday, 5pm to midnight', 'weekends, 24 hours']\n"
    ), 1) + "worried:\n  daytime: front-door\n  out_of_hours: night\n  when_you_call: [We listen.]\n")
    warnings = [str(w) for w in load_site("data").warnings]
    advice = "(change their hours in contacts[].open, and give a national helpline in worried.national)"
    assert warnings == [
        f"data/partnership.yml:22:3: warning: worried: nobody answers from Friday 4:30pm to Friday 5pm: neither "
        f"'front-door' nor 'night' is open then {advice}",
        f"data/partnership.yml:22:3: warning: worried: nobody answers from Monday midnight to Monday 8:30am: neither "
        f"'front-door' nor 'night' is open then {advice}",
    ]


def test_contact_hours_are_read_as_services_hours_are(small: Path) -> None:
    from tests.helpers import PARTNERSHIP, load_problems, write

    write(small, "data/partnership.yml", PARTNERSHIP.replace("    example: true\n", "    example: true\n    open: ['Mondays 9 till 5']\n", 1))
    assert load_problems() == [
        "data/partnership.yml:12:12: contacts[0].open[0]: expected opening hours such as 'Monday to Friday, 9am to 5pm', "
        "'Saturday, 10am to 1:30pm' or '24 hours', got 'Mondays 9 till 5'"
    ]


def test_public_pages_and_service_cards_say_when_they_were_checked(built_site: Path) -> None:
    for file in ("public/index.html", "public/staying-safe-online/index.html", "public/services/index.html",
                 "public/services/money/index.html", "public/worried-about-a-child/index.html"):
        assert page(built_site, file).select_one(".gl-checked").get_text() == "Page checked on 2 November 2026.", file
    cards = page(built_site, "public/services/index.html").select(".gl-service")
    assert len(cards) == len(SERVICES.services)
    for card in cards:
        facts = {div.dt.get_text(): div.dd.get_text() for div in card.select(".gl-facts > div")}
        assert facts["Checked"] == "Details checked on 2 November 2026", card["id"]


def test_details_not_checked_for_a_year_are_a_notice(small: Path) -> None:
    services = small
    write(services, "data/services.yml", "checked: 2025-11-01\n" + SERVICES_FILE)
    site = load_site(services / "data", today=date(2026, 11, 23))
    assert [str(w) for w in site.warnings] == [
        "data/services.yml:1:10: notice: checked: the services' details were last checked on 2025-11-01, over a year "
        "ago: check them and update the date"
    ]
    assert load_site(services / "data", today=date(2026, 10, 31)).warnings == []
