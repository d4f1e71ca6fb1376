"""The one per-locale cache: values that depend only on the request's language and arguments."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

from notices.web.i18n.catalog import request_locale_id

T = TypeVar("T")


def _arguments(*args) -> Hashable:
    return args


def per_locale(
    function: Callable[..., T] | None = None, *, key: Callable[..., Hashable] = _arguments
) -> Callable[..., T] | Callable[[Callable[..., T]], Callable[..., T]]:
    """Cache `function(*args)` per UI language for the life of the process.

    Only for results that change with nothing but the locale and the arguments: labels of
    module constants, option lists, the disclaimer. `key` maps the arguments to a hashable
    cache key (default: the arguments themselves). Six locales keep the cache small."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        cache: dict[tuple, T] = {}

        @wraps(function)
        def cached(*args):
            cache_key = (request_locale_id(), key(*args))
            try:
                return cache[cache_key]
            except KeyError:
                value = cache[cache_key] = function(*args)
                return value

        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cached

    return decorate(function) if function is not None else decorate


# Label tables are module constants that live as long as the process, so their id is stable.
@per_locale(key=id)
def translated(table: dict) -> dict:
    """{code: text} of a table of lazy labels (a module constant) in the request's language."""
    return {code: str(label) for code, label in table.items()}
