"""Request arguments -> SearchQuery: accepted forms and the clear 400s for bad values."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from notices.web.common.errors import BadParameter
from notices.web.common.query_args import search_query
from notices.web.compat_api.listing import compat_query


def parse(bare_app, **args):
    with bare_app.test_request_context():
        return search_query(MultiDict(args))


def test_defaults_ask_for_everything_newest_first(bare_app):
    query = parse(bare_app)
    assert query.text == "" and query.kinds == () and query.page == 1 and query.per_page == 20
    assert query.sort == "relevance" and query.has_picture is None


def test_values_are_normalised(bare_app):
    with bare_app.test_request_context():
        query = search_query(
            MultiDict(
                [
                    ("q", "  Exampleman "),
                    ("kind", "un"),
                    ("kind", "red"),
                    ("nationality", "fr,be"),
                    ("nationality", "FR"),
                    ("wanted_by", "914"),
                    ("sex", "f"),
                    ("age_min", "20"),
                    ("age_max", "30"),
                    ("has_picture", "yes"),
                    ("sort", "NAME"),
                    ("page", "3"),
                    ("per_page", "50"),
                ]
            )
        )
    assert query.text == "Exampleman"
    assert query.kinds == ("un-person", "un-entity", "red")
    assert query.nationalities == ("FR", "BE") and query.wanted_by == ("914",)
    assert query.sex == "F" and (query.age_min, query.age_max) == (20, 30)
    assert query.has_picture is True and query.sort == "name"
    assert (query.page, query.per_page) == (3, 50)


@pytest.mark.parametrize(
    "args, parameter",
    [
        ({"age_min": "old"}, "age_min"),
        ({"age_min": "-1"}, "age_min"),
        ({"age_max": "151"}, "age_max"),
        ({"age_min": "50", "age_max": "40"}, "age_min"),
        ({"kind": "blue"}, "kind"),
        ({"nationality": "France"}, "nationality"),
        ({"wanted_by": "999"}, "wanted_by"),
        ({"sex": "X"}, "sex"),
        ({"has_picture": "maybe"}, "has_picture"),
        ({"sort": "random"}, "sort"),
        ({"page": "0"}, "page"),
        ({"per_page": "101"}, "per_page"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_values_name_the_parameter(bare_app, args, parameter):
    with pytest.raises(BadParameter) as raised:
        parse(bare_app, **args)
    assert raised.value.parameter == parameter
    assert raised.value.code == 400


def test_compatible_parameters_map_onto_the_same_query(bare_app):
    with bare_app.test_request_context():
        query, echo = compat_query(
            "red",
            MultiDict(
                {
                    "forename": "johan",
                    "name": "exampleman",
                    "nationality": "fr",
                    "ageMin": "30",
                    "ageMax": "60",
                    "sexId": "M",
                    "arrestWarrantCountryId": "914",
                    "freeText": "fraud",
                    "page": "2",
                    "resultPerPage": "160",
                    "unknown": "ignored",
                }
            ),
        )
    assert (query.forename, query.family_name, query.keywords) == ("johan", "exampleman", "fraud")
    assert query.kinds == ("red",) and query.nationalities == ("FR",)
    assert query.wanted_by == ("914",) and query.sex == "M"
    assert (query.page, query.per_page) == (2, 160)
    assert echo == {
        "page": 2,
        "resultPerPage": 160,
        "forename": "johan",
        "name": "exampleman",
        "freeText": "fraud",
        "nationality": "FR",
        "sexId": "M",
        "ageMin": 30,
        "ageMax": 60,
        "arrestWarrantCountryId": "914",
    }
    with bare_app.test_request_context(), pytest.raises(BadParameter):
        compat_query("red", MultiDict({"resultPerPage": "161"}))
