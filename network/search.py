"""One search across the network. Each app declares its sources (network.content); a source
searches only what the viewer may see (it starts from the same QuerySet methods as
the lists), so results, counts and snippets never show more than the lists do.

PostgreSQL: stored, weighted tsvector columns kept current by triggers, GIN indexes, the
'simple' configuration with accents folded. Elsewhere (SQLite): an accent-folding function and
substring matching — slower, but sensible results.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import CharField, F, Func, Q, Subquery
from django.utils.html import escape
from django.utils.safestring import mark_safe


def strip_accents(text: str) -> str:
    """Lower case without accents: "Formación" -> "formacion", "École" -> "ecole".

    The same folding as the database function ``sin_unaccent`` (PostgreSQL: lower(unaccent)).
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def install_sqlite_unaccent(sender, connection, **kwargs):
    """Give SQLite the same ``sin_unaccent`` function PostgreSQL gets from a migration."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "sin_unaccent", 1, lambda v: None if v is None else strip_accents(v), deterministic=True
        )


class Unaccent(Func):
    function = "sin_unaccent"
    output_field = CharField()


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def terms(query: str) -> list[str]:
    return [t for t in re.split(r"\W+", strip_accents(query)) if t][:8]


# A source ranks at most this many of its newest matches; its count then shows "1000+".
CANDIDATES = 1000


def matching(queryset, query: str, *, fields: tuple[str, ...], newest: str):
    """What of ``queryset`` matches ``query``, best first, then newest (by ``newest``) first.

    PostgreSQL: the stored ``search_vector``. Only the CANDIDATES newest matches are ranked: a
    word found in most documents would otherwise make every search rank them all; rare words
    rank every match. Elsewhere: every term, accent-folded, in one of ``fields``.
    """
    order = (f"-{newest}", "-pk")
    if uses_full_text():
        text = SearchQuery(strip_accents(query), config="simple", search_type="websearch")
        candidates = queryset.filter(search_vector=text).order_by(*order).values("pk")
        return (
            queryset.model._default_manager.filter(pk__in=Subquery(candidates[:CANDIDATES]))
            .annotate(rank=SearchRank(F("search_vector"), text))
            .order_by("-rank", *order)
        )
    words = terms(query)
    if words:
        queryset = queryset.annotate(**{f"folded_{name}": Unaccent(name) for name in fields})
    for word in words:
        anywhere = Q()
        for name in fields:
            anywhere |= Q(**{f"folded_{name}__contains": word})
        queryset = queryset.filter(anywhere)
    return queryset.order_by(*order)


def snippet(text: str, query: str, length: int = 180) -> str:
    """An escaped excerpt around the first match, with matches in <mark>."""
    text = " ".join((text or "").split())
    folded = strip_accents(text)
    words = terms(query)
    start = min((folded.find(w) for w in words if folded.find(w) >= 0), default=0)
    start = max(0, start - length // 3)
    excerpt = text[start : start + length]
    folded_excerpt = folded[start : start + length]
    pieces, position = [], 0
    pattern = "|".join(re.escape(w) for w in words) or "(?!)"
    for match in re.finditer(pattern, folded_excerpt):
        pieces.append(escape(excerpt[position : match.start()]))
        pieces.append(f"<mark>{escape(excerpt[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(escape(excerpt[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: Any
    # (viewer, query, region, theme, language) -> QuerySet ordered best first
    search: Callable[..., Any]
    # (object, query) -> {"title", "url", "snippet", "meta"}
    result: Callable[..., dict]
    supports_theme: bool = False
    # Whether ``search`` takes a ``language`` (of what it finds) to keep to.
    supports_language: bool = False
    order: int = 50  # place among the groups of results
    max_results: int | None = None  # a source that caps its matches shows "1000+"
    # Whether every member sees the same matches (and their count can be shared among them):
    # not where members see things named for them alone (private spaces they belong to), or
    # a test of the member where only some do (network.cache.listing_audience).
    same_for_members: bool | Callable[[Any], bool] = True
