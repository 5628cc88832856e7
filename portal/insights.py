"""The staff insight dashboard and the public "network in figures", from every app's declared
figures (network.insights). Each figure is a chart drawn on the server above its table, and
each table downloads as CSV or XLSX with the dashboard's filters."""

import csv
import datetime

import tablib
from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from network import content
from network.cache import STEADY_SECONDS, shared_aggregate
from network.charts import chart, value_text
from network.insights import Period, Table, public_cell
from network.taxonomy import Region
from network.utils import spreadsheet_safe

PERMISSION = "network.view_insights"


class PeriodForm(forms.Form):
    """The dashboard's filters: a date range and a region, all optional."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("Everywhere")), *Region.choices]
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start of the period comes after its end."))
        return data

    def period(self) -> Period:
        if not self.is_valid():
            return Period()
        data = self.cleaned_data
        return Period(data["start"], data["end"], data["region"])


def _insights(public=False) -> list:
    return [insight for insight in content.ordered("insights") if insight.public or not public]


def _table(insight, period: Period) -> Table:
    """The figure's table, shared by every viewer of the same filters and language until the
    counted data changes (network.cache), ten minutes at most."""
    compute = lambda: _plain(insight.table(period))  # noqa: E731
    return shared_aggregate(
        f"insight-{insight.name}", "staff", (period, get_language()), compute,
        seconds=STEADY_SECONDS,
    )  # fmt: skip


def _plain(table: Table) -> Table:
    """Translated strings as text, so the table is cached and exported as it reads."""
    return Table(
        columns=[str(column) for column in table.columns],
        rows=[tuple(str(cell) if not isinstance(cell, int | float) else cell for cell in row)
              for row in table.rows],
        unit=table.unit, note=str(table.note),
    )  # fmt: skip


def _figure(insight, period: Period, *, public=False) -> dict:
    """The figure: its table, cells and chart, drawn once and shared with the table (drawing
    thirty charts took a fifth of the dashboard's time, 25 to 20 ms). ``public``: the
    network in figures, whose cells under five read "fewer than 5"."""

    def compute():
        table = _table(insight, period)
        if public:
            table = Table(
                columns=table.columns,
                rows=[(row[0], *(public_cell(cell) for cell in row[1:])) for row in table.rows],
                unit=table.unit,
                note=table.note,
            )
        return {
            "table": table,
            "cells": [[value_text(cell, table.unit) for cell in row] for row in table.rows],
            "chart": chart(
                table, kind=insight.chart, title=insight.title,
                description=insight.description,
                ident=f"{'public-' if public else ''}{insight.name}",
            ),
        }  # fmt: skip

    shared = shared_aggregate(
        f"insight-figure-{insight.name}", "public" if public else "staff",
        (period, get_language()), compute, seconds=STEADY_SECONDS,
    )  # fmt: skip
    return {"insight": insight, **shared}


@require_safe
@login_required
@permission_required(PERMISSION, raise_exception=True)
def dashboard(request):
    form = PeriodForm(request.GET or None)
    period = form.period()
    sections = {}
    for insight in _insights():
        figure = _figure(insight, period)
        sections.setdefault(str(insight.section), []).append(figure)
    query = request.GET.urlencode() if form.is_bound and form.is_valid() else ""
    context = {"form": form, "period": period, "sections": sections, "query": query}
    return render(request, "portal/insights.html", context)


@require_safe
@login_required
@permission_required(PERMISSION, raise_exception=True)
def export(request, name, fmt):
    insight = next((item for item in _insights() if item.name == name), None)
    if insight is None or fmt not in ("csv", "xlsx"):
        raise Http404
    form = PeriodForm(request.GET or None)
    table = _table(insight, form.period())
    filename = f"{name}-{datetime.date.today():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([spreadsheet_safe(cell) for cell in row])
    else:
        data = tablib.Dataset(*[list(row) for row in table.rows], headers=table.columns)
        data.title = str(insight.title)[:31]
        response = HttpResponse(
            data.export("xlsx"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def figures(request):
    """The network in figures, for partners and anyone: counts only, for all time, with the
    cells under five shown as "fewer than 5"."""
    shown = [_figure(insight, Period(), public=True) for insight in _insights(public=True)]
    return render(request, "portal/figures.html", {"figures": shown})
