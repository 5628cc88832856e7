"""Figures about the network: the staff insight dashboard and the public "network in figures".

Each content app declares its figures once (``ContentApp.insights``, in its own
``insights.py``): an :class:`Insight` computes a :class:`Table` for a :class:`Period` (a date
range and a region), and says what it counts and whom it leaves out. Monthly counts over the
whole history (who joined each month, what was published...) are :class:`Series`, rolled up
each night into ``MonthlyCount`` rows (:func:`rollup`, idempotent), so that a chart over years
reads a few hundred rows at any size. The portal renders each table as a chart (server-side
SVG, network.charts) above the table itself, and exports it as CSV or XLSX.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import MonthlyCount

# Counts under this are shown as "fewer than 5" on the public page: nobody is singled out.
SMALL_CELL = 5


@dataclass(frozen=True)
class Period:
    """What a figure covers: ``start`` and ``end`` dates (inclusive; ``None`` is open) and a
    region of the ILO (``""``: everywhere)."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    region: str = ""

    def within(self, date_field: str) -> Q:
        """Rows whose ``date_field`` (a date-time) falls in the period."""
        q = Q()
        if self.start:
            q &= Q(**{f"{date_field}__gte": _midnight(self.start)})
        if self.end:
            q &= Q(**{f"{date_field}__lt": _midnight(self.end + datetime.timedelta(days=1))})
        return q

    def in_region(self, region_field: str | None) -> Q:
        if not self.region or not region_field:
            return Q()
        return Q(**{region_field: self.region})

    def filter(self, queryset, date_field: str | None, region_field: str | None = None):
        if date_field:
            queryset = queryset.filter(self.within(date_field))
        return queryset.filter(self.in_region(region_field))


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), datetime.UTC)


@dataclass
class Table:
    """A figure's numbers: ``rows`` of (label, value, ...), under ``columns``. ``unit``
    says how values read: "count", "percent" or "days". ``note`` qualifies the whole table
    ("all time: downloads are not dated")."""

    columns: list
    rows: list[tuple]
    unit: str = "count"
    note: Any = ""


@dataclass(frozen=True)
class Insight:
    """A figure of the dashboard. ``name`` is unique ("members-by-region"); ``section``
    groups figures ("Members"); ``description`` says exactly what is counted and who is left
    out. ``chart``: "bars" (one bar per row), "columns" (months, left to right) or "" (a
    table only). ``public``: shown on the public "network in figures" page too, where it must
    hold counts only (small cells are suppressed there). ``regional``: False when its
    figures have no region (the region filter leaves it as it is, and says so)."""

    name: str
    section: Any
    title: Any
    description: Any
    table: Callable[[Period], Table]
    chart: str = "bars"
    public: bool = False
    order: int = 50
    regional: bool = True


@dataclass(frozen=True)
class Series:
    """A monthly count rolled up each night: the distinct rows of ``queryset()`` by the month
    of ``date_field``, by ``region_field`` (a path to a region code, or None), and by
    ``dimension`` (a path to the value a figure breaks down by: a stage, a theme...; or None)."""

    name: str
    queryset: Callable[[], Any]
    date_field: str
    region_field: str | None = None
    dimension: str | None = None


def rollup(series: list[Series]) -> int:
    """Recount every series month by month and replace its stored counts, in one transaction
    per series: running it twice stores the same rows. Each month has a row for everywhere
    (region "") and one per region (an object in two regions counts in both, once in the
    total); with a dimension, one per value. Returns how many rows are stored."""
    stored = 0
    for item in series:
        rows = item.queryset().exclude(**{f"{item.date_field}__isnull": True})
        rows = rows.annotate(month=TruncMonth(item.date_field, tzinfo=datetime.UTC))
        fields = ["month"]
        if item.dimension:
            rows = rows.annotate(insight_dimension=F(item.dimension)).exclude(
                insight_dimension__isnull=True
            )
            fields.append("insight_dimension")
        counts = {}
        for region_field in (None, item.region_field) if item.region_field else (None,):
            grouped_rows, grouped_by = rows, fields
            if region_field:
                grouped_rows = (
                    rows.annotate(insight_region=F(region_field))
                    .exclude(insight_region__isnull=True)
                    .exclude(insight_region="")
                )
                grouped_by = [*fields, "insight_region"]
            counted = grouped_rows.values(*grouped_by).annotate(n=Count("pk", distinct=True))
            for row in counted.order_by():
                month = row["month"]
                month = month.date() if isinstance(month, datetime.datetime) else month
                key = (month, row.get("insight_region", ""), row.get("insight_dimension", ""))
                counts[key] = row["n"]
        with transaction.atomic():
            MonthlyCount.objects.filter(metric=item.name).delete()
            MonthlyCount.objects.bulk_create(
                MonthlyCount(metric=item.name, month=month, region=region,
                             dimension=str(dimension), value=n)
                for (month, region, dimension), n in sorted(counts.items())
            )  # fmt: skip
        stored += len(counts)
    return stored


def _stored(metric: str, period: Period):
    """The stored counts of ``metric`` in the period's months (whole months) and region."""
    rows = MonthlyCount.objects.filter(metric=metric, region=period.region)
    if period.start:
        rows = rows.filter(month__gte=period.start.replace(day=1))
    if period.end:
        rows = rows.filter(month__lte=period.end)
    return rows


def breakdown(metric: str, period: Period, labels: dict | None = None, *, top: int = 0) -> list:
    """(label, count) of a rolled-up series with a dimension, summed over the period's
    months, largest first: what ``grouped`` counts, read from the nightly counts."""
    totals = defaultdict(int)
    for dimension, value in _stored(metric, period).values_list("dimension", "value"):
        totals[dimension] += value
    return _ranked(totals.items(), labels, top)


def monthly(metric: str, period: Period, *, label=None) -> Table:
    """A rolled-up series as a table of months within ``period`` (every month shown, a
    month without rows as 0), for a region or everywhere."""
    by_month = defaultdict(int)
    for month, value in _stored(metric, period).filter(dimension="").values_list("month", "value"):
        by_month[month] += value
    months = _months(period, by_month)
    return Table(
        columns=[_("Month"), label or _("Count")],
        rows=[(month.strftime("%Y-%m"), by_month.get(month, 0)) for month in months],
    )


def _months(period: Period, seen) -> list[datetime.date]:
    """The months from the period's start (or the first seen) to its end (or this month)."""
    first = period.start.replace(day=1) if period.start else (min(seen) if seen else None)
    last = (period.end or timezone.now().date()).replace(day=1)
    if first is None or first > last:
        return []
    months, month = [], first
    while month <= last and len(months) < 240:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def grouped(
    queryset, key: str, labels: dict | None = None, *, top: int = 0, count: str = "pk",
    total: str = "",
) -> list[tuple]:  # fmt: skip
    """(label, count) of ``queryset``'s rows grouped by ``key``, largest first (then by
    label), with ``labels`` naming the values: the distinct values of ``count`` in each group,
    or the sum of the ``total`` field. ``top`` keeps the largest few and sums the rest as
    "Other"."""
    measure = Sum(total) if total else Count(count, distinct=True)
    counts = queryset.values(key).annotate(n=measure).order_by().values_list(key, "n")
    return _ranked(counts, labels, top)


def _ranked(counts, labels: dict | None, top: int) -> list[tuple]:
    rows = [
        ((labels.get(value, value) if labels else value) or _("Not given"), n or 0)
        for value, n in counts
    ]
    rows = sorted(rows, key=lambda row: (-row[1], str(row[0])))
    if top and len(rows) > top:
        rows = [*rows[:top], (_("Other"), sum(n for _label, n in rows[top:]))]
    return [(str(label), n) for label, n in rows]


def rate(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole``, to one decimal (0 of nothing is 0)."""
    return round(100 * part / whole, 1) if whole else 0.0


def median(values: list[float]) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    middle = len(values) // 2
    value = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    return round(value, 1)


def public_cell(value) -> Any:
    """A count as the public page shows it: below SMALL_CELL, "fewer than 5"."""
    if isinstance(value, int) and 0 < value < SMALL_CELL:
        return _("fewer than %(count)d") % {"count": SMALL_CELL}
    return value
