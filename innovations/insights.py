"""The innovations' figures of the insight dashboard (network.insights)."""

from django.db.models import Exists, FilteredRelation, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from innovations.models import Adoption, Innovation, InnovationFacet, StageChange, Status
from network.insights import Insight, Period, Series, Table, breakdown, grouped, monthly
from network.taxonomy import Region, Stage, Theme

SECTION = _("Innovations")


def _in_region(period: Period, path: str = "") -> Q:
    """Innovations classified in the period's region (an innovation may name several)."""
    if not period.region:
        return Q()
    facets = InnovationFacet.objects.filter(
        innovation=OuterRef(f"{path}pk"), kind="region", value=period.region
    )
    return Q(Exists(facets))


def published(period: Period) -> Table:
    return monthly("innovations-published", period, label=_("Innovations"))


def by_stage(period: Period) -> Table:
    rows = breakdown("innovations-by-stage", period, dict(Stage.choices))
    return Table([_("Stage"), _("Innovations")], rows)


def by_theme(period: Period) -> Table:
    rows = breakdown("innovations-by-theme", period, dict(Theme.choices))
    return Table([_("Theme"), _("Innovations")], rows)


def by_region(period: Period) -> Table:
    rows = breakdown("innovations-by-region", period, dict(Region.choices))
    return Table([_("Region"), _("Innovations")], rows)


def by_status(period: Period) -> Table:
    rows = breakdown("innovations-by-status", period, dict(Status.choices))
    return Table([_("Status"), _("Innovations")], rows)


def stages_reached(period: Period) -> Table:
    rows = breakdown("innovations-stages-reached", period, dict(Stage.choices))
    return Table([_("Stage reached"), _("Innovations")], rows)


def adoptions(period: Period) -> Table:
    rows = period.filter(
        Adoption.objects.filter(status=Adoption.Status.CONFIRMED), "created_at"
    ).filter(_in_region(period, "innovation__"))
    return Table([_("Country"), _("Adoptions")], grouped(rows, "country", dict(countries), top=10))


def _classified(innovations):
    """Innovations with their region and theme classifications (an innovation may have
    several of each: it counts once in each)."""
    return innovations.annotate(
        region_facet=FilteredRelation("facets", condition=Q(facets__kind="region")),
        theme_facet=FilteredRelation("facets", condition=Q(facets__kind="theme")),
    )


def _shown():
    """Published innovations, public and members-only, that reports have not hidden and
    whose owner is not suspended: as every member sees them."""
    return _classified(Innovation.objects.for_any_member())


REGION = "region_facet__value"
SERIES = [
    Series("innovations-published", _shown, "published_at", REGION),
    Series("innovations-by-stage", _shown, "published_at", REGION, dimension="stage"),
    Series("innovations-by-theme", _shown, "published_at", REGION, "theme_facet__value"),
    Series("innovations-by-region", _shown, "published_at", REGION, dimension=REGION),
    Series(
        "innovations-stages-reached",
        lambda: StageChange.objects.annotate(
            region_facet=FilteredRelation(
                "innovation__facets", condition=Q(innovation__facets__kind="region")
            )
        ),
        "changed_at",
        REGION,
        dimension="after",
    ),
    Series(
        "innovations-by-status",
        lambda: _classified(Innovation.objects.all()),
        "created_at",
        REGION,
        dimension="status",
    ),
]

INSIGHTS = [
    Insight(
        "innovations-published", SECTION, _("Innovations published per month"),
        _("Published innovations shown today (public and members-only; those hidden after "
          "reports are left out), by the month they were first published. Counted each night."),
        published, chart="columns", public=True, order=20,
    ),
    Insight(
        "innovations-by-stage", SECTION, _("Innovations by stage"),
        _("Published innovations, public and members-only, published in the months of the "
          "period, by their stage of maturity. Counted each night."),
        by_stage, public=True, order=21,
    ),
    Insight(
        "innovations-by-theme", SECTION, _("Innovations by theme"),
        _("Published innovations published in the months of the period, by theme (an "
          "innovation may have several). Counted each night."),
        by_theme, public=True, order=22,
    ),
    Insight(
        "innovations-by-region", SECTION, _("Innovations by region"),
        _("Published innovations published in the months of the period, by the regions where "
          "they work. Counted each night."),
        by_region, order=23,
    ),
    Insight(
        "innovations-by-status", SECTION, _("Innovations by status"),
        _("Every innovation started in the months of the period, drafts, rejected and hidden "
          "ones included, by its status. Counted each night."),
        by_status, order=24,
    ),
    Insight(
        "innovations-stages-reached", SECTION, _("Stages reached"),
        _("Each time an innovation reached a stage of maturity in the months of the period, "
          "whatever its status (an innovation that moved twice counts twice; those there "
          "before stages were recorded count once, when they were published). Counted each "
          "night."),
        stages_reached, order=25,
    ),
    Insight(
        "adoptions", SECTION, _("Adoptions by country"),
        _("Adoptions confirmed by the innovation's team, recorded in the period."),
        adoptions, order=26,
    ),
]  # fmt: skip
