"""What every filtered listing shares (the showcase, the library, events, the directory, find a
mentor): counts per filter value as if that filter were not applied, the options a filter
shows, and the query string its pagination links keep."""

import django_filters
from django.db.models import Count


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose ``facets()`` say, for each filter, how many results each of its
    values would give with every other filter applied."""

    def copy_kwargs(self) -> dict:
        """What a copy of this filter set takes besides data and queryset (a subclass whose
        ``__init__`` takes more returns it here)."""
        return {}

    def queryset_without(self, field: str):
        """The results with every filter but ``field``: the base of that field's counts."""
        data = self.data.copy()
        data.pop(field, None)
        return type(self)(data, queryset=self.queryset, **self.copy_kwargs()).qs.order_by()

    def facets(self) -> dict[str, dict[str, int]]:
        """``{filter name: {value: count}}``, one query per filter."""
        raise NotImplementedError


def counts(queryset, field: str, *, distinct_on: str = "pk") -> dict[str, int]:
    """``{value: how many}`` of ``field`` over ``queryset``, counting distinct ``distinct_on``
    (the listed object, when ``queryset`` is a table beside it); empty values are left out."""
    rows = queryset.values(field).annotate(n=Count(distinct_on, distinct=True)).order_by()
    return {str(row[field]): row["n"] for row in rows if row[field] not in (None, "")}


def facet_options(choices, counts: dict[str, int] | None, selected) -> list[dict]:
    """A filter's options for the template, ``{"value", "label", "selected"}`` each.

    With ``counts``, only the values that have results (and the one chosen) are offered, each
    with its ``"count"``; without, every choice is. ``selected`` is the chosen value (a string,
    or None) or, for a multiple choice, a collection of them.
    """
    if selected is None or isinstance(selected, str):
        selected = [selected]
    chosen = {str(value) for value in selected if value is not None}
    options = []
    for value, label in choices:
        value = str(value)
        option = {"value": value, "label": label, "selected": value in chosen}
        if counts is not None:
            if not (counts.get(value) or value in chosen):
                continue
            option["count"] = counts.get(value, 0)
        options.append(option)
    return options


def query_without_page(request) -> str:
    """The current query string without ``page``, for pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
