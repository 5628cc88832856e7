"""What events bring to the pages and jobs that gather everything (network.content)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from events import home
from events.digest import REGISTER_ACTION, personal_data, upcoming_events_section
from events.insights import INSIGHTS, SERIES
from events.models import Event, Feedback
from events.search import SOURCE
from events.sitemaps import EventSitemap
from network.content import ContentApp, Figure, Reportable, Section


def _event(user, pk):
    return get_object_or_404(Event.objects.listed_for(user), pk=pk)


def _feedback(user, pk):
    listed = Event.objects.listed_for(user)
    return get_object_or_404(Feedback.objects.shown().filter(event__in=listed), pk=pk)


CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("events/", "events.urls"),
    search=[SOURCE],
    sitemaps={"events": EventSitemap},
    pages=["events:listing"],
    public_pages=["events:listing", "events:detail", "events:calendar"],
    # Members named on a private event (or hosting one) count it too: their count is their
    # own; every other member's is shared.
    figures=[
        Figure(
            "events",
            _("Upcoming events"),
            home.upcoming_count,
            order=30,
            same_for_members=Event.objects.same_as_every_member,
        )
    ],
    home=[
        Section(
            "events:next",
            "events/_home.html#next",
            home.next_events,
            order=30,
            shared=Event.objects.same_as_every_member,
        )
    ],
    dashboard=[
        Section("events:mine", "components/dashboard_links.html", home.my_events_section, order=20)
    ],
    reportables=[
        Reportable(Event, _event, lambda event: event.created_by),
        Reportable(Feedback, _feedback, lambda feedback: feedback.author),
    ],
    digest=[upcoming_events_section],
    actions=[REGISTER_ACTION],
    # Invitations, seats from the waitlist, changes and cancellations come with their own
    # email, always sent; these a member may switch off.
    notification_kinds={
        "clinic_booked": _("Bookings of my clinic slots"),
        "clinic_booking_cancelled": _("Cancelled clinic bookings"),
        "clinic_advice": _("Experts' advice from clinics"),
    },
    personal_data=personal_data,
    uncounted={"reminder": None, "calendartoken": None},
    unshown={"reminder": None, "calendartoken": None},
    demo="events.demo.seed",
    demo_order=40,
)
