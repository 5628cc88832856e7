"""The events' figures of the insight dashboard (network.insights)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventType, Registration, Status, Visibility
from network.insights import Insight, Period, Series, Table, grouped, monthly, rate
from network.taxonomy import Language, Region

SECTION = _("Events")
CONFIRMED = Registration.Status.CONFIRMED


def _events(period: Period):
    """Published events (not cancelled) that start in the period, in the region (events for
    the whole world count everywhere only)."""
    return period.filter(Event.objects.filter(status=Status.PUBLISHED), "starts_at", "region")


def _registrations(period: Period):
    """Seats taken (confirmed registrations, not the waitlist) at those events."""
    return Registration.objects.filter(status=CONFIRMED, event__in=_events(period))


def registrations(period: Period) -> Table:
    return monthly("events-registrations", period, label=_("Registrations"))


def by_type(period: Period) -> Table:
    rows = grouped(_registrations(period), "event__type", dict(EventType.choices))
    return Table([_("Type of event"), _("Registrations")], rows)


def attendance(period: Period) -> Table:
    """Of the confirmed registrants whose attendance the hosts marked, how many came."""
    marked = _registrations(period).filter(
        attended__isnull=False, event__starts_at__lt=timezone.now()
    )
    marks = list(marked.values_list("event__type", "attended"))
    rows = []
    for value, label in EventType.choices:
        of_type = [came for kind, came in marks if kind == value]
        if of_type:
            rows.append((label, rate(sum(of_type), len(of_type))))
    return Table([_("Type of event"), _("Attended, % of those marked")], rows, unit="percent")


def by_region(period: Period) -> Table:
    events = _events(period).filter(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
    rows = grouped(events, "region", {"": _("Global"), **dict(Region.choices)})
    return Table([_("Region"), _("Events")], rows)


def by_language(period: Period) -> Table:
    rows = grouped(_registrations(period), "event__languages__code", dict(Language.choices))
    return Table([_("Language"), _("Registrations")], rows)


SERIES = [
    Series(
        "events-registrations",
        lambda: Registration.objects.filter(status=CONFIRMED, event__status=Status.PUBLISHED),
        "registered_at",
        "event__region",
    )
]

INSIGHTS = [
    Insight(
        "events-registrations", SECTION, _("Registrations per month"),
        _("Confirmed seats at published events, by the month people registered (the waitlist "
          "and cancelled registrations are left out). Counted each night."),
        registrations, chart="columns", order=30,
    ),
    Insight(
        "events-by-type", SECTION, _("Registrations by type of event"),
        _("Confirmed seats at published events that start in the period."),
        by_type, public=True, order=31,
    ),
    Insight(
        "events-attendance", SECTION, _("Attendance rate"),
        _("Of the registrants whose attendance the hosts marked, at events that took place in "
          "the period, the share who came."),
        attendance, order=32,
    ),
    Insight(
        "events-by-region", SECTION, _("Events by region"),
        _("Published public and members-only events that start in the period (private "
          "workshops are left out), by region; global events for the whole world."),
        by_region, public=True, order=33,
    ),
    Insight(
        "events-by-language", SECTION, _("Registrations by language"),
        _("Confirmed seats at published events that start in the period, by the language of "
          "the event (an event in two languages counts in both)."),
        by_language, order=34,
    ),
]  # fmt: skip
