"""The generated pages and MkDocs's two passes over the pages, shared with a helper on the second core.

- :func:`generated_pages`: each kind writes its pages' Markdown from the data; the helper takes
  kinds from the last, the build from the first.

MkDocs builds in two passes, one page after another (``mkdocs/commands/build.py``): first each
page's Markdown becomes HTML (``_populate_page``), then each page is put into the theme's template
and written (``_build_page``). Just before each pass the plugin forks a helper
(:class:`guidance.parallel.Meeting`) that does the same work on pages from the end of the list,
while MkDocs goes on from the start. Forked from the build at that moment, the helper has the same
configuration, files, navigation, plugins and theme, so it makes what MkDocs would make.

- :class:`MarkdownPass`. For a page the helper rendered, MkDocs still reads the page and runs the
  plugins' Markdown events, then takes the helper's HTML, contents, title and anchors in place of
  rendering, but only if the helper rendered the very same Markdown. Warnings the helper's render
  logged are logged again then, so strict mode counts them. The helper also links glossary terms
  in the HTML, which the plugin uses if the HTML it is given is the HTML the helper linked.
- :class:`TemplatePass`. For a page the helper put into the template, MkDocs uses a template that
  writes the helper's page as it is. MkDocs still runs the plugins' events for it, so the search
  index gets every page, and writes the file.

Anything the helper did not finish, MkDocs does itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from jinja2 import ChoiceLoader, DictLoader
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .pages import publishing, site_pages
from .parallel import LogRecords, Meeting, available
from .site import Page as GeneratedPage
from .site import SiteData

__all__ = ["MarkdownPass", "TemplatePass", "generated_pages", "pages_to_build", "worth_sharing"]

# Fewer pages than this are not worth a process.
_FEWEST = 8

Linker = Callable[[Any, str], Any]


def generated_pages(site: SiteData, share: bool = True) -> list[GeneratedPage]:
    """Every page generated from data, as :func:`guidance.pages.site_pages` makes them, in its order."""
    if not share or not available():
        return site_pages(site)
    kinds = {kind.name: kind for kind in publishing(site)}
    meeting = Meeting(list(kinds), lambda name: kinds[name].pages(site))
    try:
        return [
            page
            for name, kind in kinds.items()
            for page in (kind.pages(site) if meeting.claim(name) else meeting.result(name) or kind.pages(site))
        ]
    finally:
        meeting.close()


def pages_to_build(files: Files, dirty: bool) -> list[File]:
    """The pages MkDocs will render in this build, in its order (drafts, shown only in serve, aside)."""
    return [f for f in files.documentation_pages(inclusion=InclusionLevel.is_included) if not dirty or f.is_modified()]


def worth_sharing(pages: list[File]) -> bool:
    return available() and len(pages) >= _FEWEST


@dataclass(frozen=True)
class Rendered:
    """What rendering one page's Markdown gave the helper: what ``Page.render`` sets, and more."""

    markdown: str
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # links to other pages' anchors, by the target's path
    logs: list[tuple[str, int, str]]
    linked: Any  # the plugin's own linking of ``content``


class MarkdownPass:
    """Markdown to HTML: MkDocs from the first page, the helper from the last."""

    def __init__(self, pages: list[File], config: Any, files: Files, link: Linker):
        self.config, self.files, self.link = config, files, link
        self.taken: set[str] = set()
        self.meeting = Meeting([f.src_uri for f in pages], self._render)

    def before(self, page: Page) -> None:
        """At ``on_pre_page``: a page the helper has is not rendered again, but taken from it."""
        if not self.meeting.claim(page.file.src_uri):
            page.render = functools.partial(self._take, page)  # type: ignore[method-assign]

    def linked(self, page: Page, html: str) -> Any | None:
        """The helper's linking of ``html`` for this page, if it linked this very HTML."""
        rendered = self.meeting.result(page.file.src_uri) if page.file.src_uri in self.taken else None
        return rendered.linked if rendered is not None and rendered.content == html else None

    def close(self) -> None:
        self.meeting.close()

    def report(self) -> str:
        return f"{len(self.taken)} of {len(self.meeting)} pages' Markdown"

    def _take(self, page: Page, config: Any, files: Files) -> None:
        del page.render  # back to Page.render, for this and any later build
        rendered = self.meeting.result(page.file.src_uri)
        if rendered is None or rendered.markdown != page.markdown:
            return page.render(config, files)
        page.content, page.toc, page._title_from_render = rendered.content, rendered.toc, rendered.title
        page.present_anchor_ids = rendered.anchors
        if rendered.links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in rendered.links.items()}
        self.taken.add(page.file.src_uri)
        LogRecords.replay(rendered.logs)

    def _render(self, src_uri: str) -> Rendered:
        """In the helper: what ``_populate_page`` does up to the HTML, for one page."""
        logs = _helper_logs()
        config, files = self.config, self.files
        file = files.get_file_from_path(src_uri)
        page = file.page if file.page is not None else Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        logs.take()  # the build runs the Markdown events again and logs for itself
        page.render(config, files)
        links = page.links_to_anchors
        return Rendered(
            markdown=page.markdown,
            content=page.content,
            toc=page.toc,
            title=page._title_from_render,
            anchors=page.present_anchor_ids,
            links=None if links is None else {target.src_uri: found for target, found in links.items()},
            logs=logs.take(),
            linked=self.link(page, page.content),
        )


class TemplatePass:
    """Pages into the theme's template: MkDocs from the first page, the helper from the last."""

    TEMPLATE = "guidance-prerendered.html"

    def __init__(self, pages: list[File], config: Any, files: Files, nav: Any, env: Any, serving: bool):
        self.config, self.nav, self.env = config, nav, env
        # What MkDocs gives each page's context as `pages`.
        self.doc_files = files.documentation_pages(
            inclusion=InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        )
        self.order = [f.src_uri for f in pages]
        self.position = {uri: i for i, uri in enumerate(self.order)}
        self.files = {f.src_uri: f for f in pages}
        env.loader = ChoiceLoader([DictLoader({self.TEMPLATE: "{{ guidance_prerendered }}"}), env.loader])
        self.templates: dict[str, Any] = {}
        self.taken = 0
        self.meeting = Meeting(self.order, self._build)
        self._claim_from(0)

    def after(self, page: Page) -> None:
        """At ``on_post_page``: claim the next page before MkDocs chooses its template."""
        uri = page.file.src_uri
        if uri in self.templates:
            _restore(page.meta, self.templates.pop(uri))
        elif uri in self.position:
            self._claim_from(self.position[uri] + 1)

    def context(self, context: Any, page: Page) -> Any:
        """At ``on_page_context``, last: a page the helper has gets its output, or is rendered here."""
        uri = page.file.src_uri
        if uri in self.templates:
            built = self.meeting.result(uri)
            if built is None:
                output = self.env.get_template(self.templates[uri] or "main.html").render(context)
            else:
                output, logs = built
                LogRecords.replay(logs)
                self.taken += 1
            context["guidance_prerendered"] = Markup(output)
        return context

    def close(self) -> None:
        self.meeting.close()

    def report(self) -> str:
        return f"{self.taken} of {len(self.order)} pages into the template"

    def _claim_from(self, position: int) -> None:
        if position < len(self.order) and not self.meeting.claim(self.order[position]):
            # The helper has this page, so every page after it too.
            for uri in self.order[position:]:
                meta = self.files[uri].page.meta
                self.templates[uri] = meta.get("template")
                meta["template"] = self.TEMPLATE

    def _build(self, src_uri: str) -> tuple[str, list[tuple[str, int, str]]]:
        """In the helper: what ``_build_page`` does up to the output, for one page, and what the
        template logged (the build runs the context events again and logs for itself)."""
        logs = _helper_logs()
        config, page = self.config, self.files[src_uri].page
        page.active = True
        try:
            context = get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            logs.take()
            return template.render(context), logs.take()
        finally:
            page.active = False


def _restore(meta: dict[str, Any], template: str | None) -> None:
    if template is None:
        meta.pop("template", None)
    else:
        meta["template"] = template


@functools.cache
def _helper_logs() -> LogRecords:
    """The helper's log records, kept to be logged by the build (one handler per helper)."""
    return LogRecords.everywhere()
