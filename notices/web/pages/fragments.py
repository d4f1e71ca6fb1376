"""The repeated parts of result pages as HTML written in Python: cards and facet link lists.

A results page has twenty cards and a hundred and more facet links; through Jinja (a macro
per card, a loop per list) they cost about as much as the rest of the page together (hundreds
of autoescape calls, a hundred gettext calls through Jinja's call machinery). These write the
same bytes with one escape per value: the markup is what the templates wrote, whitespace
included (they render with trim_blocks and lstrip_blocks), as tests/web/pages/test_fragments
checks."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from notices.web.common.templating import list_text, time_element
from notices.web.i18n import labels
from notices.web.i18n.catalog import catalog, request_locale_id
from notices.web.pages.search_view import Card, Link


def _html_gettext() -> Callable[..., Markup]:
    # The templates' `_` when autoescaping (catalog.template_gettext): the message as Markup,
    # %-formatted with its variables escaped. What Markup(text) % variables gives (numbers
    # stay numbers for %d), without markupsafe's per-value helper objects.
    ugettext = catalog().ugettext

    def gettext(string: str, **variables) -> Markup:
        escaped = {
            name: value if isinstance(value, int | float) else escape(value)
            for name, value in variables.items()
        }
        return Markup(ugettext(string) % escaped)

    return gettext


def _picture(card: Card) -> str:
    if card.thumb_url:
        return (
            f'    <img src="{escape(card.thumb_url)}" alt="" width="96" height="120" '
            'loading="lazy">\n'
        )
    if card.kind == "un-entity":
        return '    <span class="placeholder placeholder--entity" aria-hidden="true"></span>\n'
    return '    <span class="placeholder" aria-hidden="true"></span>\n'


def _facts(card: Card, _: Callable[..., Markup]) -> str:
    # Messages stay outside f-strings: the extractor (scripts/i18n extract) does not look in.
    facts = []
    if card.age:
        born = ""
        if card.born:
            text = _("(born %(date)s)", date=card.born)
            born = f' <span class="muted">{text}</span>'
        facts.append(f"<li>{escape(card.age)}{born}</li>")
    if card.nationalities:
        label = _("Nationality")
        facts.append(
            f'<li><span class="visually-hidden">{label}: </span>'
            f"{escape(list_text(card.nationalities))}</li>"
        )
    if card.wanted_by:
        text = _("Wanted by %(countries)s", countries=list_text(card.wanted_by))
        facts.append(f"<li>{text}</li>")
    if card.published:
        changed = ""
        if card.changed:
            changed = " · " + _("Updated %(date)s", date=time_element(card.changed))
        added = _("Added %(date)s", date=time_element(card.published))
        facts.append(f'<li class="card__dates">{added}{changed}</li>')
    return "".join(facts)


def _match(card: Card, _: Callable[..., Markup]) -> str:
    if not card.band:
        return ""
    score = _("score %(score)d of 100", score=card.score)
    html = (
        f'    <p class="card__match"><span class="band band--{escape(card.band)}">'
        f'{escape(card.band_label)}</span> <span class="score">{score}</span></p>\n'
    )
    if card.matched:
        html += f'<p class="card__matched"><bdi>{escape(card.matched)}</bdi></p>'
    if card.why:
        html += f'<p class="card__why">{escape(card.why)}</p>'
    return html


def card_html(card: Card) -> Markup:
    """The card as the former `_card.html` macro rendered it (a template filter)."""
    _ = _html_gettext()
    kind = escape(card.kind)
    return Markup(
        f'<li class="card card--{kind}">\n'
        '  <div class="card__picture">\n'
        f"{_picture(card)}"
        "  </div>\n"
        '  <div class="card__body">\n'
        f'    <p class="card__kind kind-label kind-label--{kind}">{escape(card.kind_label)}</p>\n'
        f'    <h2 class="card__name"><a href="{escape(card.url)}"><bdi>{escape(card.name)}</bdi>'
        "</a></h2>\n"
        '    <ul class="card__facts">\n'
        f"{_facts(card, _)}"
        "    </ul>\n"
        f"{_match(card, _)}"
        "  </div>\n"
        "</li>"
    )


def facet_list(links: list[Link], indent: int = 6) -> Markup:
    """A facet's refine links with their counts as one <ul>, its closing tag indented by
    `indent` spaces like the template line that shows it (a template filter)."""
    locale_id = request_locale_id()
    items = "".join(
        f'<li><a href="{escape(link.url)}">{escape(link.label)}</a> '
        f'<span class="count">{escape(labels.number_text(link.count, locale_id))}</span></li>'
        for link in links
    )
    return Markup(f'<ul class="facet__list">\n{items}{" " * indent}</ul>')
