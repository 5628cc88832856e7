"""An event's page and its calendar file."""

from django.conf import settings
from django.db.models import Avg, Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from events import access
from events.access import event_for_viewer, viewer_zone
from events.calendars import event_calendar
from events.forms import AttendanceForm, FeedbackForm, InviteForm, RegisterForm, SlotForm
from events.models import (
    Booking,
    ClinicSlot,
    Event,
    EventHost,
    EventType,
    Feedback,
    Invitation,
    Registration,
    Status,
)
from events.services.registration import confirmed_count, waitlist_position
from network.utils import json_ld


def detail_queryset():
    return Event.objects.select_related("created_by").prefetch_related(
        Prefetch(
            "hosts", queryset=EventHost.objects.select_related("user").order_by("position", "pk")
        ),
        "languages",
    )


def _json_ld(event):
    """schema.org Event for search engines: public events only, never the meeting link."""
    modes = {
        (True, True): "MixedEventAttendanceMode",
        (True, False): "OnlineEventAttendanceMode",
        (False, True): "OfflineEventAttendanceMode",
        (False, False): "OfflineEventAttendanceMode",
    }
    url = settings.SITE_URL + event.get_absolute_url()
    location = []
    if event.online_url:
        location.append({"@type": "VirtualLocation", "url": url})
    if event.venue:
        location.append({"@type": "Place", "name": event.venue})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": event.starts_at.astimezone(event.zone).isoformat(),
        "endDate": event.ends_at.astimezone(event.zone).isoformat(),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if event.status == Status.CANCELLED else "EventScheduled"),
        "eventAttendanceMode": "https://schema.org/"
        + modes[(bool(event.online_url), bool(event.venue))],
        "location": location,
    }
    return json_ld(data)


def detail_context(request, event, **forms):
    """Everything the event page shows ``request.user``; forms passed in replace blank ones
    (a bound form with errors keeps what was typed)."""
    viewer = request.user
    now = timezone.now()
    member = viewer.is_authenticated and viewer.is_member
    hosting = access.is_host(viewer, event)
    manager = access.can_manage(viewer, event)
    registration = invitation = None
    if viewer.is_authenticated:
        registration = Registration.objects.filter(event=event, user=viewer).first()
        invitation = Invitation.objects.filter(event=event, user=viewer).first()
    confirmed = confirmed_count(event)
    seats_left = None if event.capacity is None else max(event.capacity - confirmed, 0)
    feedback = list(Feedback.objects.filter(event=event).shown().select_related("author"))
    rating = (
        Feedback.objects.filter(event=event).shown().aggregate(avg=Avg("rating"), n=Count("pk"))
    )
    context = {
        "event": event,
        "now": now,
        "zone": viewer_zone(request),
        "is_member": member,
        "hosting": hosting,
        "manager": manager,
        "registration": registration,
        "waitlist_position": waitlist_position(registration) if registration else None,
        "invitation": invitation,
        "sees_link": access.sees_meeting_link(
            viewer, event, registration=registration, hosting=hosting
        ),
        "confirmed_count": confirmed,
        "seats_left": seats_left,
        "registration_open": event.registration_is_open(now),
        "innovations": list(event.innovations.listed_for(viewer).order_by("title")),
        "materials": list(event.materials.listed_for(viewer).order_by("title")),
        "feedback": feedback,
        "rating": rating,
        "my_feedback": next((f for f in feedback if f.author_id == viewer.pk), None),
        "can_give_feedback": access.can_give_feedback(viewer, event, registration),
        "register_form": RegisterForm(),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(),
        "json_ld": _json_ld(event) if event.is_public else "",
    }
    if manager:
        registrations = list(
            event.registrations.exclude(status=Registration.Status.CANCELLED).select_related("user")
        )
        context["registrants"] = registrations
        context["invitations"] = list(event.invitations.select_related("user"))
        context["invite_form"] = forms.get("invite_form") or InviteForm()
        context["attendance_form"] = AttendanceForm(
            registrations=[r for r in registrations if r.status == Registration.Status.CONFIRMED]
        )
    if event.type == EventType.CLINIC:
        slots = list(
            ClinicSlot.objects.filter(event=event)
            .select_related("expert", "booking__member", "booking__innovation")
            .order_by("starts_at", "pk")
        )
        for slot in slots:
            slot.booked = hasattr(slot, "booking")
            slot.mine = slot.booked and slot.booking.member_id == viewer.pk
            slot.for_me = slot.expert_id == viewer.pk
        context["slots"] = slots
        context["my_booking"] = (
            Booking.objects.filter(event=event, member=viewer).select_related("slot").first()
            if viewer.is_authenticated
            else None
        )
        context["can_book"] = (
            member
            and not hosting
            and event.status == Status.PUBLISHED
            and context["my_booking"] is None
        )
        if hosting or viewer.is_staff:
            context["slot_form"] = forms.get("slot_form") or SlotForm()
    return context


def detail(request, slug):
    event = event_for_viewer(slug, request.user, detail_queryset())
    return render(request, "events/detail.html", detail_context(request, event))


def calendar_file(request, slug):
    """``/events/<slug>/calendar.ics``: the meeting link only for who may see it."""
    event = event_for_viewer(slug, request.user, detail_queryset())
    with_link = access.sees_meeting_link(request.user, event)
    response = HttpResponse(
        event_calendar(event, with_link=with_link), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    if event.is_public and not request.user.is_authenticated:
        response["Cache-Control"] = "public, max-age=600"
    else:
        # Per person (the meeting link), or not public: never in a shared cache.
        response["Cache-Control"] = "private, no-store"
    if not event.is_public:
        response["X-Robots-Tag"] = "noindex"
    return response
