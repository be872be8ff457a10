"""Services for the public: hours, next openings and validation with exact messages."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from guidance import load_site
from guidance.kinds.services.finder import Opening, is_open, parse_hours
from tests.helpers import EXAMPLE_TODAY, ROOT, SERVICES, load_problems, write

TODAY = date.fromisoformat(EXAMPLE_TODAY)
WEEKDAYS = frozenset(range(5))


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Monday to Friday, 9am to 5pm", Opening(WEEKDAYS, 540, 1020)),
        ("24 hours", Opening(frozenset(range(7)), 0, 1440)),
        ("Weekends, 24 hours", Opening(frozenset({5, 6}), 0, 1440)),
        ("Saturday, 10am to 1:30pm", Opening(frozenset({5}), 600, 810)),
        ("Tuesday and Thursday, noon to midnight", Opening(frozenset({1, 3}), 720, 1440)),
        ("Weekdays, 6pm to 8am", Opening(WEEKDAYS, 1080, 480)),
        ("Every day, 12am to 6am", Opening(frozenset(range(7)), 0, 360)),
    ],
)
def test_hours_are_read_as_people_write_them(text: str, opening: Opening) -> None:
    assert parse_hours(text) == opening


@pytest.mark.parametrize("text", ["Mon-Fri 9-5", "Monday to Friday", "Friday to Monday, 9am to 5pm", "Monday, 9am to 9am", "9am to 5pm"])
def test_hours_that_cannot_be_read(text: str) -> None:
    assert parse_hours(text) is None


def test_open_now_handles_overnight_hours_and_bank_holidays() -> None:
    evenings = [parse_hours("Weekdays, 6pm to 8am")]
    office = [parse_hours("Monday to Friday, 9am to 5pm")]
    always = [parse_hours("24 hours")]
    assert is_open(evenings, datetime(2026, 11, 23, 19, 0))  # Monday evening
    assert is_open(evenings, datetime(2026, 11, 24, 7, 59))  # Tuesday morning, from Monday's shift
    assert is_open(evenings, datetime(2026, 11, 28, 7, 0))  # Saturday morning, from Friday night's shift
    assert not is_open(evenings, datetime(2026, 11, 29, 7, 0))  # Sunday morning: no Saturday night shift
    assert is_open(office, datetime(2026, 11, 23, 9, 0)) and not is_open(office, datetime(2026, 11, 23, 17, 0))
    christmas = frozenset({date(2026, 12, 25)})
    assert not is_open(office, datetime(2026, 12, 25, 11, 0), christmas)
    assert is_open(always, datetime(2026, 12, 25, 11, 0), christmas)


@pytest.fixture
def services(small: Path) -> Path:
    write(small, "data/services.yml", SERVICES)
    return small


def test_the_small_services_are_valid(services: Path) -> None:
    found = load_site("data", today=TODAY).content["services"]
    assert [s.id for s in found.always_open()] == ["helpline"]
    assert [s.id for s in found.for_need("money")] == ["money-advice"]


def test_services_are_checked_with_exact_messages(services: Path) -> None:
    broken = (
        SERVICES.replace("needs: [money]\n    who: Anyone", "needs: [mony]\n    who: Anyone")
        .replace('hours: ["Monday to Friday, 9am to 5pm"]', 'hours: ["Mon-Fri 9-5"]')
        .replace('contact: {phone: 01632 960330, web: "https://money.example.org/"}', "contact: {}")
        .replace("    source: {title: The helpline's own website, url: \"https://helpline.example.org/\"}\n", "")
    )
    write(services, "data/services.yml", broken)
    assert load_problems(today=TODAY) == [
        "data/services.yml:11:13: services[0].needs[0]: unknown need 'mony' (did you mean 'money'?)",
        "data/services.yml:14:14: services[0].contact: expected at least one way to get in touch (phone, text, web or email), found none",
        "data/services.yml:15:13: services[0].hours[0]: expected opening hours such as 'Monday to Friday, 9am to 5pm', "
        "'Saturday, 10am to 1:30pm' or '24 hours', got 'Mon-Fri 9-5'",
        "data/services.yml:18:5: services[1]: 'helpline' is a real service: add a source saying where its number is "
        "published, or mark it example: true",
    ]


def test_contact_details_must_be_well_formed(services: Path) -> None:
    broken = SERVICES.replace("phone: 01632 960330", "phone: 1632 960330").replace("https://money.example.org/", "http://money.example.org/")
    write(services, "data/services.yml", broken)
    assert load_problems(today=TODAY) == [
        "data/services.yml:14:22: services[0].contact.phone: expected a UK phone number such as '01632 960123', "
        "'0800 123 4567' or '999', got '1632 960330'",
        "data/services.yml:14:40: services[0].contact.web: expected a web address starting with https://, got "
        "'http://money.example.org/'",
    ]


def test_the_worried_page_contacts_must_exist(small: Path) -> None:
    with open("data/partnership.yml", "a", encoding="utf-8") as f:
        f.write("worried:\n  daytime: front-dor\n  out_of_hours: front-door\n  when_you_call: [We listen.]\n")
    assert load_problems(today=TODAY) == [
        "data/partnership.yml:17:12: worried.daytime: unknown contact 'front-dor' (did you mean 'front-door'?)"
    ]


def test_the_example_has_enough_services_with_fictional_or_cited_numbers() -> None:
    site = load_site(ROOT / "data", today=TODAY)
    found = site.content["services"]
    assert len(found.services) >= 25
    for need in found.needs:
        assert len(found.for_need(need)) >= 2, need
    for s in found.services:
        numbers = [n for n in (s.contact.phone, s.contact.text) if n]
        if s.example:
            assert all(re.fullmatch(r"01632 960\d{3}|07700 900\d{3}", n) for n in numbers), s.id
            assert not s.contact.web or ".example.org" in s.contact.web, s.id
        else:
            assert s.source and s.source.url, s.id


def test_a_need_cannot_take_the_address_of_another_services_page(services: Path) -> None:
    write(services, "data/services.yml", SERVICES.replace("  - id: parenting\n", "  - id: open-24-hours\n").replace(
        "needs: [parenting]", "needs: [open-24-hours]"))
    assert load_problems(today=TODAY) == [
        "data/services.yml:5:9: needs[1].id: 'open-24-hours' is the address of another services page: choose another id"
    ]


# When a closed service next opens: across the weekend, bank holidays and the clock change.

WEEKDAYS = [parse_hours("Monday to Friday, 9am to 5pm")]


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (datetime(2026, 3, 27, 17, 30), datetime(2026, 3, 30, 9, 0)),  # Friday evening: Monday 9am, after the clocks go forward
        (datetime(2026, 10, 23, 18, 0), datetime(2026, 10, 26, 9, 0)),  # the weekend the clocks go back
        (datetime(2026, 4, 2, 18, 0), datetime(2026, 4, 7, 9, 0)),  # Thursday before Easter: not Good Friday or Easter Monday
        (datetime(2026, 12, 24, 17, 1), datetime(2026, 12, 29, 9, 0)),  # Christmas Eve: not Christmas Day or Boxing Day (observed)
        (datetime(2026, 5, 5, 8, 59), datetime(2026, 5, 5, 9, 0)),  # a minute before opening
    ],
)
def test_when_a_closed_service_next_opens(now: datetime, opens: datetime) -> None:
    from guidance.kinds.calendar.days import calendar
    from guidance.kinds.services.finder import is_open, next_opening

    holidays = frozenset(calendar("england-and-wales", [], date(2026, 1, 1)).holidays)
    assert not is_open(WEEKDAYS, now, holidays)
    assert next_opening(WEEKDAYS, now, holidays) == opens


def test_overnight_and_every_day_hours_next_open() -> None:
    from guidance.kinds.services.finder import next_opening

    nights = [parse_hours("every day, 6pm to 8am")]
    assert next_opening(nights, datetime(2026, 12, 25, 9, 0), frozenset({date(2026, 12, 25)})) == datetime(2026, 12, 25, 18, 0)
    assert next_opening([parse_hours("Monday, 9am to 5pm")], datetime(2026, 1, 5, 17, 0)) == datetime(2026, 1, 12, 9, 0)


def test_the_services_page_names_the_partnerships_own_area(services: Path) -> None:
    """Every partnership's services page once said "Services in Northmoor"."""
    from guidance.kinds.services.pages import SERVICES_INDEX
    from guidance.pages import site_pages

    site = load_site(services / "data")
    page = next(p for p in site_pages(site) if p.path == SERVICES_INDEX)
    assert "Services in Testshire" in page.markdown
    assert "Northmoor" not in page.markdown


def test_everyday_phrasings_of_a_need_and_a_service_are_what_search_reads_them_by(services: Path) -> None:
    """A need's page answers to its description and phrasings, a service to its needs and its own."""
    from guidance.search import Entry, PageInfo
    from guidance.site_search import records

    phrased = (SERVICES.replace("    description: If you cannot pay for food or bills.\n",
                                "    description: If you cannot pay for food or bills.\n    keywords: [debt, cost of living]\n")
               .replace("    offers: Help with bills and debts.\n", "    offers: Help with bills and debts.\n    keywords: [rent arrears]\n"))
    write(services, "data/services.yml", phrased)
    site = load_site("data", today=TODAY)
    advice = next(e for e in records(site) if e.url.endswith("#money-advice"))
    assert advice.keywords == ("Money worries", "rent arrears")
    from guidance.registry import KINDS

    page = PageInfo("public/services/money.md", "public/services/money/", "Money worries", "The public", {})
    entry = next(k for k in KINDS if k.name == "services").search_entry(page, site)
    assert isinstance(entry, Entry) and entry.keywords == ("If you cannot pay for food or bills.", "debt", "cost of living")


def test_a_phrasing_given_twice_is_an_error_at_the_second(services: Path) -> None:
    write(services, "data/services.yml", SERVICES.replace(
        "    description: If being a parent feels hard.\n",
        "    description: If being a parent feels hard.\n    keywords: [tantrums, parenting course, Parenting  Course]\n"))
    assert load_problems(today=TODAY) == [
        "data/services.yml:8:44: needs[1].keywords[2]: duplicate keyword 'Parenting  Course' (given earlier in this list)"
    ]
