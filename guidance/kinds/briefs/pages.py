"""Learning briefs' pages: each 7-minute briefing, the list, themes, the themes matrix and
recommendations."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from guidance.kinds.briefs.collection import (
    BRIEFS_INDEX,
    MATRIX_PAGE,
    RECOMMENDATIONS_PAGE,
    THEMES_INDEX,
    Briefs,
    is_overdue,
    pack_page,
    theme_feed,
)
from guidance.kinds.briefs.collection import brief_page as page_of
from guidance.kinds.briefs.collection import theme_page as theme_path
from guidance.kinds.briefs.model import REVIEW_TYPES, STATUSES, BriefFile, Recommendation, Theme
from guidance.references import Target, Targets, split
from guidance.render.embed import placeholder
from guidance.render.feeds import feed_link
from guidance.render.markdown import (
    escape,
    facts_list,
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    link,
    long_date,
    page_url,
    reference_link,
    relative_to_page,
)
from guidance.site import SiteData

__all__ = [
    "brief_card", "brief_page", "index_page", "learning_section", "matrix_page", "pack_page_text", "recommendations_page",
    "theme_page", "themes_page",
]


def brief_page(b: BriefFile, themes: dict[str, Theme], targets: Targets, site: SiteData) -> str:
    """A 7-minute briefing: the review, seven short sections, and what became of its recommendations."""
    page = page_of(b.id)
    theme_links = ", ".join(html_link(themes[t].name, theme_path(t), page) for t in b.themes)
    facts = [
        ("Review", REVIEW_TYPES[b.review.type]),
        ("Child", f"{html_text(b.review.child)} (not their real name)"),
        ("Published", long_date(b.review.published)),
        ("Themes", theme_links),
    ]
    site_url = site.partnership.site_url
    address = (site_url.rstrip("/") if site_url else "") + "/" + page_url(page_of(b.id))
    parts = [
        front_matter(title=b.title, description=b.summary, brief=b.id),
        f"# {escape(b.title)}\n",
        '<p class="gl-kicker">7-minute briefing</p>\n',
        facts_list(facts),
        f"{escape(b.summary)}\n{{: .gl-lead }}\n",
        "## 1. Background\n", f"{b.background}\n",
        "## 2. Why it matters\n", f"{b.why_it_matters}\n",
        "## 3. Key information\n", _bullets(b.key_information),
        "## 4. What worked well\n", _bullets(b.worked_well),
        "## 5. Things to reflect on\n",
        "Questions to talk about as a team:\n",
        "\n".join(f"{n}. {q}" for n, q in enumerate(b.reflect, 1)) + "\n",
        "## 6. What to do\n",
        *_actions(b),
        "## 7. Find out more\n",
        _bullets([reference_link(r, targets, page) for r in b.links]) if b.links else "The review itself is the source.\n",
    ]
    if b.recommendations:
        parts += ["## Recommendations and progress\n", _recommendation_table(b, site.today)]
    parts.append(f'<p class="gl-print-url">Find this briefing online at {html_text(address)}</p>\n')
    return "\n".join(parts)


def brief_card(b: BriefFile, themes: dict[str, Theme], page: str, level: int = 3) -> str:
    """A brief in a list: its title as a heading, the review, the learning and its themes.

    Only the heading is Markdown (it belongs in the page's contents); the rest is made from data
    and written as HTML, which the build passes through (guidance/render/raw_blocks.py): an index
    of 500 briefs was otherwise read as Markdown card by card."""
    tags = ", ".join(html_link(themes[t].name, theme_path(t), page) for t in b.themes if t in themes)
    review = f"{REVIEW_TYPES[b.review.type]} about {html_text(b.review.child)}, published {long_date(b.review.published)}."
    return (
        f"{'#' * level} {link(b.title, relative_to_page(page_of(b.id), page))}\n\n"
        f'<p class="gl-card-meta"><em>{review}</em></p>\n\n'
        f"<p>{html_text(b.summary)}</p>\n\n"
        f'<p class="gl-card-tags"><strong>Themes:</strong> {tags}</p>\n'
    )


def index_page(briefs: Briefs, themes: dict[str, Theme]) -> str:
    here = BRIEFS_INDEX
    parts = [
        front_matter(
            title="Learning from reviews",
            description="7-minute briefings from rapid reviews and practice reviews: what happened, what we learned, what to do.",
        ),
        "# Learning from reviews\n",
        f"{len(briefs)} short briefings, each from a review of a case where a child was harmed. Each is set out as a "
        "7-minute briefing for a team meeting and prints on one or two sheets of A4. Children and families are "
        "never named.\n",
        f"- {link('Browse by theme', relative_to_page(THEMES_INDEX, here))}, and follow a theme for new briefings",
        f"- {link('See which themes recur across reviews', relative_to_page(MATRIX_PAGE, here))}",
        f"- {link('Check what has been done about each recommendation', relative_to_page(RECOMMENDATIONS_PAGE, here))}\n",
        "## Briefings, newest first\n",
    ]
    parts += [brief_card(b, themes, here) for b in briefs]
    return "\n".join(parts)


def themes_page(briefs: Briefs, themes: dict[str, Theme]) -> str:
    here = THEMES_INDEX
    rows = [
        f"| {link(t.name, relative_to_page(theme_path(t.id), here))} | {count} | {escape(t.description)} |"
        for t, count in sorted(briefs.theme_counts(themes), key=lambda tc: tc[0].name.casefold())
    ]
    return "\n".join([
        front_matter(title="Themes in learning from reviews", description="Learning briefs grouped by theme."),
        "# Themes\n",
        "Each theme lists its briefings and related guidance, and has a feed you can follow in a feed reader. "
        f"See also {link('which themes recur across reviews', relative_to_page(MATRIX_PAGE, here))}.\n",
        "| Theme | Briefings | What it covers |\n| --- | --- | --- |",
        *rows,
        "",
    ])


def theme_page(theme: Theme, themes: dict[str, Theme], briefs: Briefs, targets: Targets) -> str:
    here = theme_path(theme.id)
    found = briefs.for_theme(theme.id)
    parts = [
        front_matter(title=f"{theme.name}: learning briefs", description=theme.description, feed=theme_feed(theme.id)),
        f"# {escape(theme.name)}\n",
        f"{escape(theme.description)}\n",
        f"Follow new briefings on this theme with the {feed_link(f'{theme.name} feed', theme_feed(theme.id), here)} "
        "in any feed reader.\n",
        f"## Briefings ({len(found)})\n",
    ]
    if found:
        parts.append(f"{link(f'Print all {len(found)} briefings on this theme as one pack', relative_to_page(pack_page(theme.id), here))}"
                     " (for training: each starts on a new page).\n")
    parts += [brief_card(b, themes, here) for b in found] or ["None yet.\n"]
    related = _related(theme, found, targets)
    if related:
        parts += ["## Related guidance\n", _bullets([reference_link(r, targets, here) for r in related])]
    return "\n".join(parts)


def matrix_page(briefs: Briefs, themes: dict[str, Theme]) -> str:
    """Reviews by themes: which themes recur. The counts come first; the grid shows each review's."""
    here = MATRIX_PAGE
    counts = briefs.theme_counts(themes)
    total = len(briefs)
    rows = [
        f"| {link(t.name, relative_to_page(theme_path(t.id), here))} | {n} of {total} | "
        f'<span class="gl-bar" style="width: {round(100 * n / total) if total else 0}%"></span> |'
        for t, n in counts
    ]
    return "\n".join([
        front_matter(title="Themes across reviews", description="Which themes recur across the partnership's case reviews."),
        "# Themes across reviews\n",
        f"Which themes come up again and again across the {total} reviews we have published learning from. "
        "A theme that recurs is learning that has not yet landed.\n",
        "## How often each theme recurs\n",
        "| Theme | Reviews | Share of reviews |\n| --- | --- | --- |",
        *rows,
        "",
        "## Each review and its themes\n",
        "Read across a row for one review's themes, or down a column for the reviews that raised one theme.\n",
        _matrix([t for t, _ in counts], briefs, here),
    ])


def recommendations_page(briefs: Briefs, today: date) -> str:
    """Every recommendation by status, so a scrutiny board can see what learning has been acted on."""
    here = RECOMMENDATIONS_PAGE
    groups = briefs.by_status()
    late = sum(is_overdue(r, today) for _, r in briefs.recommendations())
    summary = [(f'<a href="#{status}">{label}</a>', str(len(groups[status]))) for status, label in STATUSES.items()]
    summary.append(("<strong>All</strong>", f"<strong>{len(briefs.recommendations())}</strong>"))
    parts = [
        front_matter(title="Recommendations from reviews", description="What has been done about each recommendation from the partnership's reviews."),
        "# Recommendations from reviews\n",
        "What has been done about each recommendation, as its owner last reported. *Done* means the action is "
        "complete; *evidenced* means we have evidence that practice changed, such as an audit.\n",
        "## Progress at a glance\n",
        html_table(("Status", "Recommendations"), summary),
        f"{late} past their due date and not yet done.\n" if late else "None is past its due date.\n",
    ]
    for status, label in STATUSES.items():
        parts.append(f"## {label} ({len(groups[status])}) {{ #{status} }}\n")
        if not groups[status]:
            parts.append("None.\n")
            continue
        rows = []
        for b, r in groups[status]:
            evidence = f"<br><em>Evidence:</em> {html_text(r.evidence)}" if r.evidence else ""
            rows.append((html_link(r.text, page_of(b.id), here, f"rec-{r.id}") + evidence,
                         html_link(b.title, page_of(b.id), here), html_text(r.owner), _due(r, today)))
        parts.append(html_table(("Recommendation", "From", "Owner", "Due"), rows))
    return "\n".join(parts)


def learning_section(briefs: list[Target], page: str, level: int = 2) -> str:
    """"Learning from reviews": the briefs that link to a page, for procedures, flows and terms."""
    if not briefs:
        return ""
    items = html_list(html_link(b.title, b.page, page) for b in briefs)
    return f"{'#' * level} Learning from reviews\n\n<p>Briefings from case reviews that refer to this:</p>\n\n{items}"


def _actions(b: BriefFile) -> list[str]:
    parts = []
    if b.actions.practitioners:
        parts += ["### Practitioners\n", _bullets(b.actions.practitioners)]
    if b.actions.managers:
        parts += ["### Managers and supervisors\n", _bullets(b.actions.managers)]
    return parts


def _recommendation_table(b: BriefFile, today: date) -> str:
    rows = []
    for r in b.recommendations:
        text = f'<span id="rec-{r.id}"></span>{html_text(r.text)}'
        if r.evidence:
            text += f"<br><strong>Evidence:</strong> {html_text(r.evidence)}"
        rows.append((text, html_text(r.owner), _due(r, today), _status(r)))
    return html_table(("Recommendation", "Owner", "Due", "Status"), rows)


def _status(r: Recommendation) -> str:
    checked = f" (checked {long_date(r.updated)})" if r.updated else ""
    return f'<span class="gl-status gl-status--{r.status}">{STATUSES[r.status]}</span>{checked}'


def _due(r: Recommendation, today: date) -> str:
    late = ' <strong class="gl-overdue">overdue</strong>' if is_overdue(r, today) else ""
    return f"{long_date(r.due)}{late}"


def _matrix(themes: list[Theme], briefs: Briefs, here: str) -> str:
    head = "".join(f'<th scope="col">{html_link(t.name, theme_path(t.id), here)}</th>' for t in themes)
    body = []
    for b in briefs:
        cells = "".join(
            '<td class="gl-yes"><span aria-hidden="true">●</span><span class="gl-sr">yes</span></td>'
            if t.id in b.themes else '<td><span class="gl-sr">no</span></td>'
            for t in themes
        )
        review = f"{REVIEW_TYPES[b.review.type]}, {b.review.published.year}"
        body.append(f'<tr><th scope="row">{html_link(b.title, page_of(b.id), here)} '
                    f'<span class="gl-matrix-review">{review}</span></th>{cells}</tr>')
    totals = "".join(f"<td>{len(briefs.for_theme(t.id))}</td>" for t in themes)
    return (
        '<div class="gl-scroll" role="region" aria-label="Reviews and their themes" tabindex="0">\n'
        '<table class="gl-themes-matrix">\n<caption>Themes raised by each review</caption>\n'
        f'<thead><tr><th scope="col" class="gl-matrix-corner">Review</th>{head}</tr></thead>\n'
        f"<tbody>\n{chr(10).join(body)}\n</tbody>\n"
        f'<tfoot><tr><th scope="row">Reviews with this theme</th>{totals}</tr></tfoot>\n</table>\n</div>\n'
    )


def _related(theme: Theme, found: list[BriefFile], targets: Targets) -> list[str]:
    """The theme's own links, then procedures and flows its briefings link to, each once."""
    seen: dict[str, str] = {}
    for ref in [*theme.links, *(r for b in found for r in b.links if split(r)[0] in ("procedure", "flow"))]:
        kind, ident = split(ref)
        target = targets.get(kind, {}).get(ident)
        seen.setdefault(target.href() if target else ref, ref)
    return list(seen.values())


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items) + "\n"


def pack_page_text(theme: Theme, briefs: Briefs, brief_pages: Mapping[str, str]) -> str:
    """Every briefing on ``theme`` in one page, each starting on a new sheet when printed: its title,
    then its own page's content (``brief_pages``: each brief's Markdown, by id), placed there once
    every page is rendered (guidance/render/embed.py)."""
    found = briefs.for_theme(theme.id)
    parts = [
        front_matter(title=f"{theme.name}: all briefings to print", search={"exclude": True},
                     description=f"Every 7-minute briefing on {theme.name}, to print as one pack."),
        f"# {escape(theme.name)}: all briefings\n",
        f"{len(found)} 7-minute briefings on this theme, one after another, to print as one pack for training. "
        "Each starts on a new page.\n",
    ]
    for b in found:
        shown = placeholder(page_of(b.id), brief_pages[b.id])
        parts.append(f'<section class="gl-pack-brief" markdown>\n\n## {escape(b.title)}\n\n{shown}\n</section>\n')
    return "\n".join(parts)
