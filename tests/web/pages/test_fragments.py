"""Result cards and facet lists written in Python (pages/fragments.py) are the markup the
templates wrote: every branch, and every value escaped once."""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup

from notices.web.i18n import labels
from notices.web.pages.fragments import card_html, facet_list
from notices.web.pages.search_view import Card, Link


def _card(**changes) -> Card:
    fields = {
        "url": "/notices/red/2020-1?from=q%3D<x>",
        "name": "O'NEIL <b>",
        "kind": "red",
        "kind_label": "Red notice",
        "age": "40 years old",
        "born": "1 May 1985",
        "nationalities": ["France", "A & B"],
        "wanted_by": ["Italy"],
        "thumb_url": None,
        "band": None,
        "band_label": "",
        "score": None,
        "why": "",
    }
    return Card(**{**fields, **changes})


def test_a_full_card_is_the_macro_markup(app):
    with app.test_request_context("/"):
        html = card_html(
            _card(
                thumb_url="/media/ab&c.jpg",
                band="strong",
                band_label="Strong <match>",
                score=97,
                why=Markup("<bdi>X</bdi> matches exactly"),
                matched="Matched alias <Y>",
                published=labels.day(datetime(2024, 3, 5)),
                changed=labels.day(datetime(2024, 4, 6)),
            )
        )
    assert html == (
        '<li class="card card--red">\n'
        '  <div class="card__picture">\n'
        '    <img src="/media/ab&amp;c.jpg" alt="" width="96" height="120" loading="lazy">\n'
        "  </div>\n"
        '  <div class="card__body">\n'
        '    <p class="card__kind kind-label kind-label--red">Red notice</p>\n'
        '    <h2 class="card__name"><a href="/notices/red/2020-1?from=q%3D&lt;x&gt;">'
        "<bdi>O&#39;NEIL &lt;b&gt;</bdi></a></h2>\n"
        '    <ul class="card__facts">\n'
        '<li>40 years old <span class="muted">(born 1 May 1985)</span></li>'
        '<li><span class="visually-hidden">Nationality: </span>France and A &amp; B</li>'
        "<li>Wanted by Italy</li>"
        '<li class="card__dates">Added <time datetime="2024-03-05">March 5, 2024</time> · '
        'Updated <time datetime="2024-04-06">April 6, 2024</time></li>'
        "    </ul>\n"
        '    <p class="card__match"><span class="band band--strong">Strong &lt;match&gt;</span>'
        ' <span class="score">score 97 of 100</span></p>\n'
        '<p class="card__matched"><bdi>Matched alias &lt;Y&gt;</bdi></p>'
        '<p class="card__why"><bdi>X</bdi> matches exactly</p>'
        "  </div>\n"
        "</li>"
    )


def test_a_bare_card_has_a_placeholder_and_no_facts(app):
    with app.test_request_context("/"):
        entity = card_html(_card(kind="un-entity", age="", nationalities=[], wanted_by=[]))
        person = card_html(_card(born=""))
    assert '<span class="placeholder placeholder--entity" aria-hidden="true"></span>\n' in entity
    assert '    <ul class="card__facts">\n    </ul>\n  </div>\n</li>' in entity
    assert "<li>40 years old</li>" in person
    assert '<span class="placeholder" aria-hidden="true"></span>\n' in person


def test_a_facet_list_is_the_template_loop_markup(app):
    links = [Link("A & B", "/search?nationality=AB&x=<", 1234), Link("C", "/search?c=1", 5)]
    with app.test_request_context("/"):
        html = facet_list(links)
        more = facet_list(links[1:], 8)
        empty = facet_list([])
    assert html == (
        '<ul class="facet__list">\n'
        '<li><a href="/search?nationality=AB&amp;x=&lt;">A &amp; B</a> '
        '<span class="count">1,234</span></li>'
        '<li><a href="/search?c=1">C</a> <span class="count">5</span></li>'
        "      </ul>"
    )
    assert more.endswith('<span class="count">5</span></li>        </ul>')
    assert empty == '<ul class="facet__list">\n      </ul>'
