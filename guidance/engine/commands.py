"""``guidance build`` and ``guidance serve`` on the engine: its whole lifecycle, its log in one place.

The command line (:mod:`guidance.cli`) checks the sources and prints their problems first, in our
format; the plugin is told so (``reported``) and does not print them again.
"""

from __future__ import annotations

import logging
import signal
import traceback
from pathlib import Path
from typing import Any

from properdocs.commands.build import build as engine_build
from properdocs.commands.serve import serve as engine_serve
from properdocs.config import load_config
from properdocs.config.defaults import MkDocsConfig
from properdocs.exceptions import ProperDocsException

from guidance.engine import engine_logger
from guidance.errors import GuidanceError
from guidance.publish import staged_site

__all__ = ["ConfigFailed", "build", "configuration", "failure_reason", "serve", "show_log"]


class ConfigFailed(Exception):
    """``mkdocs.yml`` could not be read: the engine's own words."""


def configuration(config_file: Path, **options: Any) -> tuple[MkDocsConfig, str]:
    """``mkdocs.yml`` loaded with ``options``, and the data folder its guidance plugin names."""
    try:
        config = load_config(str(config_file), **options)
    except Exception as exc:  # the engine reports a bad config as an exception: say it plainly
        raise ConfigFailed(f"{config_file}: {exc}") from None
    plugin = config.plugins.get("guidance")
    data = plugin.config.data_dir if plugin is not None else str(config_file.parent / "data")
    return config, data


def build(config: MkDocsConfig, target: Path) -> None:
    """Build into ``target``, swapped in only when the whole build succeeded (guidance/publish.py)."""
    plugin = config.plugins.get("guidance")
    if plugin is not None:
        plugin.reported = True  # the command line has printed the sources' problems
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with staged_site(target) as staging:
            config.site_dir = str(staging)
            engine_build(config)
    finally:
        config.plugins.on_shutdown()


def serve(config_file: str, dev_addr: str) -> None:
    """Serve with live reload; not strict: what is wrong is shown over the page while the last good
    site is served. A "dirty" build keeps the pages an edit did not change; the guidance plugin
    decides which (guidance/incremental.py), navigation included, so the engine's warning about
    dirty builds does not apply."""
    logging.getLogger(f"{engine_logger().name}.commands.build").addFilter(
        lambda record: "'dirty' build" not in record.getMessage())
    # Stopped by a service manager (SIGTERM), stop as on Ctrl+C: the engine then removes the copy of
    # the site it served from the temporary folder, which would otherwise stay there.
    signal.signal(signal.SIGTERM, _interrupt)
    engine_serve(config_file, dev_addr=dev_addr, livereload=True, build_type="dirty", strict=False)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def show_log(level: int = logging.WARNING) -> None:
    """Print the engine's messages (and its plugins') as ``LEVEL - message``."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = engine_logger()
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def failure_reason(exc: Exception) -> str:
    """What stopped a build. The engine's and the plugin's own errors are sentences already; anything
    else is a fault in the program: name the kind of error and where it happened (no traceback)."""
    if isinstance(exc, (ProperDocsException, GuidanceError)):
        return str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = next((f for f in reversed(frames) if "/guidance/" in f.filename), frames[-1] if frames else None)
    at = f" in {Path(where.filename).name}:{where.lineno} ({where.name})" if where else ""
    return f"{type(exc).__name__}{at}: {exc}"
