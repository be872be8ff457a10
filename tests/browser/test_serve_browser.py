"""`guidance serve` with a broken source: the author sees the problems over the last good page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from bench.serving import Serving
from tests.browser.conftest import axe_violations
from tests.helpers import EXAMPLE_TODAY

pytestmark = pytest.mark.browser


def test_the_problems_show_over_the_page_and_go_when_fixed(example: Path, browser: Browser, axe: Axe) -> None:
    with Serving(example, {**os.environ, "GUIDANCE_TODAY": EXAMPLE_TODAY}) as server:
        server.wait_for_build(1)
        page = browser.new_page()
        page.goto(server.url + "glossary/")
        assert page.locator(".gl-problems").count() == 0
        glossary = example / "data/glossary.yml"
        good = glossary.read_text()
        glossary.write_text(good.replace("    definition: >-\n      The national model", "    defintion: >-\n      The national model", 1))
        server.wait_for_build(2, timeout=120)
        # The page reloads itself after the build; the problems are then over it.
        alert = page.get_by_role("alert")
        alert.wait_for(timeout=30_000)
        assert "1 problem in the sources" in alert.inner_text()
        assert "data/glossary.yml:10:5: terms[0].defintion: unknown field 'defintion'" in alert.inner_text()
        assert page.get_by_role("heading", name="Glossary", exact=False).first.is_visible()  # the last good page
        assert axe_violations(axe, page) == ""
        page.keyboard.press("Tab")  # first on the page: the overlay's own button, by keyboard
        assert page.evaluate("document.activeElement.textContent") == "Hide these problems"
        page.keyboard.press("Enter")
        assert page.get_by_role("alert").count() == 0
        glossary.write_text(good)
        server.wait_for_build(3, timeout=120)
        page.wait_for_timeout(1500)  # the reload after the build
        page.reload()
        assert page.locator(".gl-problems").count() == 0
        page.close()
