"""Which filters a tab offers, and the page links with gap markers."""

from __future__ import annotations

from notices.domain import KINDS

PERSON_KINDS = frozenset({"red", "yellow", "un-person"})
UN_KINDS = frozenset({"un-person", "un-entity"})
FILTERS = ("nationality", "wanted_by", "sex", "age", "has_picture", "keywords", "un")
# Request parameters that set each filter.
FILTER_PARAMS = {
    "nationality": ("nationality",),
    "wanted_by": ("wanted_by",),
    "sex": ("sex",),
    "age": ("age_min", "age_max"),
    "has_picture": ("has_picture",),
    "keywords": ("keywords",),
    "un": ("un_reference", "un_resolution"),
}


def shown_filters(kinds: tuple[str, ...], set_params: set[str]) -> frozenset[str]:
    """The filters that can narrow this tab's notices: no "wanted by" on missing persons, no
    sex, age or picture for UN entities, UN reference and resolution on the UN tab. A filter
    already set stays shown, so that nobody is left with a constraint they cannot see."""
    covered = set(kinds) or set(KINDS)
    shown = {"nationality", "keywords"}
    if "red" in covered:
        shown.add("wanted_by")
    if covered & PERSON_KINDS:
        shown |= {"sex", "age", "has_picture"}
    if covered <= UN_KINDS:
        shown.add("un")
    shown |= {name for name, params in FILTER_PARAMS.items() if set(params) & set_params}
    return frozenset(shown)


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """First, last and nearby page numbers in order, None where numbers are left out."""
    numbers = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    out: list[int | None] = []
    for number in numbers:
        if out and number - out[-1] == 2:
            out.append(number - 1)  # a gap of one page: show the page instead of a marker
        elif out and number - out[-1] > 2:
            out.append(None)
        out.append(number)
    return out
