"""The theme's strings, looked up once a build (guidance/engine/theme_text.py), are exactly what
Material's own partials/language.html gives, for every key it has, in English and in another language."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import material
import pytest

from guidance.engine.theme_text import theme_text

MATERIAL = Path(material.__file__).parent / "templates"
OURS = Path(__file__).resolve().parent.parent / "guidance/theme"
KEYS = re.findall(r'^\s*"([^"]+)":', (MATERIAL / "partials/languages/en.html").read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize("plugin", [True, False], ids=["looked-up-once", "without-the-plugin"])
@pytest.mark.parametrize("language", ["en-GB", "en", "fr", "cy"])
def test_every_string_is_what_materials_partial_gives(language: str, plugin: bool) -> None:
    # Material's partial, with our British English (which Material does not have) beside it.
    british = {"partials/languages/en-GB.html": (OURS / "partials/languages/en-GB.html").read_text(encoding="utf-8")}
    theirs = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader(british), jinja2.FileSystemLoader([str(MATERIAL)])]),
                                autoescape=True)
    ours = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OURS), str(MATERIAL)]), autoescape=True)
    if plugin:  # else as Material's search plugin reads the partial, before the plugin sets anything
        ours.globals["guidance_text"] = theme_text(ours, language)
    page = '{% import "partials/language.html" as lang with context %}{% for key in keys %}{{ key }}={{ lang.t(key) }}\n{% endfor %}'
    config = {"theme": {"language": language}}
    keys = [*KEYS, "no.such.key", "<b>"]
    assert len(KEYS) > 50
    expected = theirs.from_string(page).render(config=config, keys=keys)
    assert ours.from_string(page).render(config=config, keys=keys) == expected
    assert "Skip to content" in expected or language not in ("en", "en-GB")


def test_materials_search_plugin_can_read_the_partial_before_any_page() -> None:
    """Material's search plugin asks the partial for its language settings while the site is
    configured, before the guidance plugin has set anything in the templates."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OURS), str(MATERIAL)]), autoescape=True)
    module = env.get_template("partials/language.html", globals={"config": {"theme": {"language": "en-GB"}}}).module
    assert str(module.t("search.config.lang")) == "en"
    assert str(module.t("language")) == "en-GB"
