"""The MkDocs adapter: thin event methods over the ``guidance`` package.

Everything here is wiring: load and check ``data/`` once per build, add the generated
pages as virtual files, link glossary terms in rendered pages, feed the search index, and
in ``guidance serve`` watch ``data/`` and rebuild only what changed (:mod:`guidance.engine.rebuild`).
The domain code never imports MkDocs.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from markupsafe import Markup
from properdocs.config import base
from properdocs.config import config_options as c
from properdocs.exceptions import PluginError
from properdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from properdocs.structure.files import File, Files
from properdocs.utils import get_relative_url

from guidance.engine import engine_logger
from guidance.engine.build_problems import PROBLEMS_SCRIPT, Collected, problems_script, write_problems
from guidance.engine.embeds import Embeds
from guidance.engine.macro_calls import call_problems
from guidance.engine.macro_errors import AlreadyReported, body_offset, located, macro_log
from guidance.engine.macros import data_variables
from guidance.engine.offline_files import offline_pages_saved, offline_sources, write_offline
from guidance.engine.page_check import find_written
from guidance.engine.page_context import prepare
from guidance.engine.rebuild import KeptTemplates
from guidance.engine.serve_state import ServeState
from guidance.engine.shared_nav import SharedNav
from guidance.engine.theme_text import theme_text
from guidance.errors import GuidanceError, display_path
from guidance.headers import IIS_FILE, NETLIFY_FILE, inline_script_hashes, write_host_files
from guidance.indexer import IndexFailed, SiteIndex
from guidance.kinds.glossary.pages import GLOSSARY_PAGE, PLAIN_PAGE
from guidance.kinds.partnership.kind import STYLESHEET
from guidance.kinds.partnership.pages import for_the_public, theme_settings
from guidance.lexicon import lexicon, relevance_problems, vocabulary
from guidance.load import load_site_once
from guidance.outside import outside_requests
from guidance.pages import FOOTER_LINKS, LOST_LINKS, site_links, site_nav, site_pages
from guidance.reads import Reuse
from guidance.render.feeds import FEEDS_PAGE, feeds, feeds_page
from guidance.render.headings import quiet_permalinks
from guidance.render.markdown import page_url
from guidance.render.raw_blocks import put_back, set_aside
from guidance.render.search import search_pages
from guidance.render.termlinks import TermMatcher, link_terms
from guidance.site import Page, SiteData
from guidance.site_search import browse_links, records

__all__ = ["GuidancePlugin"]

log = get_plugin_logger("guidance")

# The theme's templates ship in the package: a project names the plugin and gets them, and a
# partnership's own ``theme.custom_dir`` still overrides any one of them.
THEME = Path(__file__).resolve().parent.parent / "theme"


class GuidanceConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Resolved by the engine against mkdocs.yml's folder, wherever the build is started from.
    data_dir = c.Dir(exists=False, default="data")


class GuidancePlugin(BasePlugin[GuidanceConfig]):
    site: SiteData | None = None
    pages: list[Page]
    matcher: TermMatcher
    index: SiteIndex | None = None
    # In `guidance serve` (a dirty build), what the last build made (guidance/engine/serve_state.py).
    kept: ServeState | None = None
    templates: KeptTemplates | None = None
    embeds: Embeds | None = None  # pages shown inside others; kept for a whole serve
    shared_nav: SharedNav  # the navigation each folder's unlisted pages share, made anew each build (on_nav)
    raw_blocks: dict[str, list[str]] = {}  # each generated page's raw HTML, kept out of Markdown (render/raw_blocks.py)
    data_version = 0
    serving = dirty = False
    # `guidance check` builds the pages where nobody sees them, to check hand-written pages: it
    # sets this, and the plugin then collects what it finds instead of failing at the first.
    checking = False
    # `guidance build` prints the sources' problems itself, once, before the engine starts.
    reported = False
    found: list[str]
    relevance: list[Any] = []  # data/search.yml's problems once the pages are made (guidance/lexicon.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this event also keeps one plugin instance, and its memory, for a whole serve.
        self.kept = ServeState(log.info, self._index_failed) if command == "serve" and dirty else None
        self.templates = KeptTemplates() if command == "serve" else None
        self.serving, self.dirty = command == "serve", dirty
        self.embeds = Embeds()

    def on_shutdown(self) -> None:
        if self.kept is not None:
            self.kept.later.stop()

    # Before mkdocs-macros (priority 0), whose define_env reads the loaded data.
    @event_priority(100)
    def on_config(self, config: Any) -> Any:
        if not self.config.enabled:
            return config
        _need_directory_urls(config)
        self.macro_names: set[str] = set()  # filled as mkdocs-macros runs define_env (guidance/engine/macros.py)
        macro_log.filters = [f for f in macro_log.filters if not isinstance(f, AlreadyReported)]
        self.reported_macros = AlreadyReported()
        macro_log.addFilter(self.reported_macros)
        self.docs_dir = Path(config.docs_dir)
        self.data_dir = Path(self.config.data_dir)
        self.broken: list[str] = []
        if self.serving:  # what is wrong is shown over the page (guidance/build_problems.py), not fatal
            if "macros" in config.plugins:
                config.plugins["macros"].config["on_error_fail"] = False
        site = self._load(config)
        _use_theme(config)
        partnership = site.partnership
        # The theme writes these into attributes without escaping them (aria-label="{{ config.site_name }}"):
        # given as markup already escaped, they are right there and where the theme escapes them.
        config.site_name = Markup.escape(partnership.name)
        config.site_description = Markup.escape(partnership.description)
        config.site_url = config.site_url or partnership.site_url
        config.extra["guidance"] = theme_settings(partnership, site.today, self.serving)
        made = site_pages(site, reuse=self._reuse())
        words = vocabulary(site, made)
        self.pages = made + search_pages(browse_links(site), lexicon(site, made, words)) + offline_sources(config, site, made, self.serving)
        self._relevance(relevance_problems(site, made, words))
        self.embeds = self.embeds or Embeds()
        self.embeds.plan(self.pages)
        found_feeds = feeds([(p.path, p.markdown) for p in self.pages])
        if found_feeds:  # behind every feed link: what a feed is, and each one's address to copy
            self.pages.append(Page(FEEDS_PAGE, feeds_page(found_feeds, config.extra["guidance"]["home"])))
        docs = Path(config.docs_dir)
        existing = {p.path for p in self.pages} | {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
        config.extra["guidance"]["footer"] = site_links(FOOTER_LINKS, existing)
        config.extra["guidance"]["lost"] = site_links(LOST_LINKS, existing)
        site_nav(config.nav, site)
        self.matcher = TermMatcher.for_glossary(site.glossary, partnership.never_link)
        return config

    def _relevance(self, problems: list[Any]) -> None:
        """data/search.yml against the pages just made: errors stop a build, warnings are warnings;
        `guidance check` reports them (``relevance``) and serve shows them over the page."""
        self.relevance = problems
        lines = [str(p) for p in problems]
        if self.checking:
            return
        if self.serving:
            self.broken += lines
            return
        errors = [str(p) for p in problems if p.is_error]
        if errors:
            raise PluginError(f"{len(errors)} problem(s) in the guidance sources:\n" + "\n".join(errors))
        for line in lines:
            log.warning(line)

    def _load(self, config: Any) -> SiteData:
        """Load data/ (once per change), or in serve keep the last sources that loaded."""
        try:
            site = load_site_once(self.data_dir, docs_dir=config.docs_dir, reuse=self._reuse())
            self.data_version += site is not self.site
            self.site = site
        except GuidanceError as exc:
            if not self.serving or self.site is None:
                raise PluginError(f"{len(exc.errors)} problem(s) in the guidance sources:\n{exc.report()}") from None
            self.broken = [str(p) for p in exc.problems]  # serve the last sources that loaded
            for line in self.broken:
                log.warning(line)
        except ValueError as exc:  # GUIDANCE_TODAY is not a date
            raise PluginError(str(exc)) from None
        assert self.site is not None  # loaded now, or kept from the last load
        for warning in self.site.warnings if not (self.checking or self.reported) else ():  # printed already
            # Notices depend on the date (an overdue review): they never stop a strict build.
            (log.warning if warning.is_warning else log.info)(str(warning))
        return self.site

    def on_files(self, files: Files, config: Any) -> Files:
        if not self.config.enabled:
            return files
        self.raw_blocks = {}
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"{config.docs_dir}/{page.path}: this page is generated from data; rename or remove it")
            markdown, self.raw_blocks[page.path] = set_aside(page.markdown) if page.path.endswith(".md") else (page.markdown, [])
            files.append(File.generated(config, page.path, content=markdown))
        if self.serving:
            files.append(File.generated(config, PROBLEMS_SCRIPT, content=problems_script()))
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        if self.kept is not None and self.site is not None:
            variables = {name: kind for name, (kind, _) in data_variables(self.site).items()}
            made, building = self.kept.plan_build(nav, config, files, self.pages, self.site, self.data_version,
                                                  (self.macro_names, variables))
            log.debug("made again from changed data: " + made)
            log.info(building)
        self.shared_nav = SharedNav(nav)
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        if self.templates is not None:
            env.bytecode_cache = self.templates
        env.globals["guidance_text"] = theme_text(env, config.theme["language"])
        self.shared_nav.use(env)
        return env

    # Before mkdocs-macros (priority 0) renders the page, which stops at its first failing call.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        if self.kept is not None and self.site is not None:  # note what its macros read, and what goes wrong
            self.kept.page_starts(page.file.src_uri, self.site, self._problem_count())
        macros = config.plugins.get("macros")
        if macros is None or page.file.generated_by or page.meta.get("render_macros") is False or "{" not in markdown:
            return markdown
        source = Path(config.docs_dir) / page.file.src_uri
        offset = body_offset(source.read_text(encoding="utf-8")) if source.exists() else 0
        calls = [f"{display_path(source)}:{c.line + offset}:{c.column}: {c.message}"
                 for c in call_problems(markdown, macros.macros, macros.variables)]
        if calls and not (self.checking or self.serving):
            raise PluginError("\n".join(calls))
        if calls:  # its links are still checked; its calls cannot run
            self.found += calls
            page.meta["render_macros"] = False
        return markdown

    def data_for(self, page: Any) -> SiteData:
        """The data as ``page``'s macros read it (guidance/engine/macros.py)."""
        assert self.site is not None
        return self.kept.data_for(page.file.src_uri, self.site) if self.kept is not None else self.site

    def macro_failed(self, page: Any, template_line: int, message: str) -> None:
        """A macro on ``page`` raised MacroProblem: say so once, at the call (guidance/engine/macros.py)."""
        where = located(self.docs_dir, page.file.src_uri, template_line, message)
        self.reported_macros.messages.append(message)
        if self.checking or self.serving:
            self.found.append(where)
        else:
            log.error(where)

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        try:
            html = put_back(html, self.raw_blocks.get(page.file.src_uri, []))
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
        html, linked = self._link(page, html)
        if self.embeds is not None:
            self.embeds.keep(page.file.src_uri, page.url, html)
        if self.kept is not None and self.site is not None:
            self.kept.page_built(page.file.src_uri, linked, self.site, self._problem_count())
        return html

    def _link(self, page: Any, html: str) -> tuple[str, frozenset[str]]:
        """The page's HTML with glossary terms linked, and the ids of the terms it links."""
        html = quiet_permalinks(html)
        if not self.config.enabled or page.meta.get("glossary_links") is False:
            return html, frozenset()
        # A parent's page (the public ones, and the home page where a parent starts) explains a term
        # in plain English and links to the plain-English glossary, never the practitioners' one.
        plain = for_the_public(page.meta)
        glossary_url = get_relative_url(page_url(PLAIN_PAGE if plain else GLOSSARY_PAGE), page.url)
        linked: set[str] = set()
        html = link_terms(html, self.matcher, glossary_url, plain=plain, seen=linked)
        return html, frozenset(linked)

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        search = self.site if self.config.enabled else None
        prepare(page, search, self.embeds)
        page.meta["gl_shared_nav"] = self.shared_nav.key(page)
        return context

    def on_pre_build(self, config: Any) -> None:
        self.outside: list[str] = []
        self.found = []
        self.script_hashes: set[str] = set()  # what the site's security headers allow (guidance/headers.py)
        self._site_dir = config.site_dir
        if self.serving:
            self.collected = Collected()
            engine_logger().addHandler(self.collected)
        if self.kept is not None:  # an edit while the last index is still being made
            self.kept.later.stop()
        # The search index fills on another core while the pages render (guidance/indexer.py).
        if self.config.enabled and self.site is not None and not self.checking and self.kept is None:
            self._stop_index()
            self.index = _indexing(SiteIndex)
            self.index.add_records(records(self.site))

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        for request in outside_requests(output, config.site_url or ""):
            self.outside.append(f"{_written_at(page, config, request)}: the page would fetch {request} from another site")
        self.script_hashes |= inline_script_hashes(output)
        if self.index is not None and "data-pagefind-body" in output:
            self.index.add_page(output, "/" + page.url)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        self.script_hashes |= inline_script_hashes(output_content)  # 404.html
        return output_content

    def on_post_build(self, config: Any) -> None:
        if self.serving:
            self._show_problems(Path(config.site_dir))
        elif self.outside and self.checking:
            self.found += self.outside
        elif self.outside:
            found, self.outside = self.outside, []
            raise PluginError(
                f"{len(found)} request(s) to other sites: a page may only load files from this site, "
                "so that nobody else learns who reads it\n" + "\n".join(found)
            )
        site_dir = Path(config.site_dir)
        if not self.serving:  # a project's own docs/_headers or docs/web.config is kept as written
            write_host_files(site_dir, self.script_hashes, keep=[n for n in (NETLIFY_FILE, IIS_FILE) if (self.docs_dir / n).exists()])
        if self.kept is not None and self.site is not None:
            self.kept.finish(self.site, site_dir, searched=self.config.enabled)
        offline = not (self.serving or self.checking) and self.site is not None
        with ThreadPoolExecutor(max_workers=1) as writer:  # Pagefind writes the index on the other core
            written = writer.submit(self.index.write, site_dir) if self.index is not None else None
            self.index = None
            saved = offline_pages_saved(site_dir, self.site, config) if offline and self.site is not None else None
            if written is not None:
                _indexing(written.result)
        if saved is not None and self.site is not None:
            write_offline(site_dir, self.site, config, saved)

    def _reuse(self) -> Reuse | None:
        """What each kind made, kept while its data is (serve only)."""
        return self.kept.reuse if self.kept is not None else None

    def _problem_count(self) -> int:
        """How many problems this build has met so far (serve shows them over the page)."""
        return len(self.found) + len(self.collected.messages)

    def _show_problems(self, site_dir: Path) -> None:
        engine_logger().removeHandler(self.collected)
        self.shown = [*self.broken, *self.found, *self.outside, *self.collected.messages]
        write_problems(site_dir, self.shown)

    def _index_failed(self, message: str) -> None:
        """serve's index, made after the build, failed: say so in the log and over the page."""
        log.error(message)
        write_problems(Path(self._site_dir), [*getattr(self, "shown", []), message])

    def on_build_error(self, error: Exception) -> None:
        if self.serving and hasattr(self, "collected"):  # shown when the author reloads
            self.found.append(f"the site could not be built: {error}")
            self._show_problems(Path(self._site_dir))
        self._stop_index()
        if self.kept is not None:
            self.kept.failed()

    def _stop_index(self) -> None:
        if self.index is not None:
            self.index.close(abandon=True)
            self.index = None

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.data_dir))
        return server


def _written_at(page: Any, config: Any, request: str) -> str:
    """Where a hand-written page asks for an address (file:line:col), or a generated page's URL."""
    if page.file.generated_by:
        return f"/{page.url}"
    source = Path(config.docs_dir) / page.file.src_uri
    line, column = find_written(source, request.split(" ")[-1])
    return f"{display_path(source)}:{line}:{column}"


def _indexing(action: Any) -> Any:
    """Run one step of the search index: a Pagefind failure fails the build, with its messages."""
    try:
        return action()
    except IndexFailed as exc:
        raise PluginError(f"the search index could not be written: {exc}") from None


def _need_directory_urls(config: Any) -> None:
    """Every address the site publishes is a folder (``procedures/early-help/``), kept for good, and the
    pages written from data link to them so."""
    if config.use_directory_urls:
        return
    source = Path(config.config_file_path or "mkdocs.yml")
    text = source.read_text(encoding="utf-8") if source.exists() else ""
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("use_directory_urls:")), 1)
    raise PluginError(f"{display_path(source)}:{line}:1: use_directory_urls: expected true (each page's address is a "
                      "folder, such as /procedures/early-help/, and never changes), got false")


def _use_theme(config: Any) -> None:
    """Our templates after the project's own ``custom_dir`` and before Material's; our stylesheet first."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
