"""Demo events: every type, past and upcoming, in several time zones; some full with a
waitlist, one private workshop with invitees, clinics with slots, bookings and advice.

The content is in ``events.yaml`` beside this module. Idempotent: each event is keyed on its
slug and skipped when it exists; its hosts, registrations, invitations, slots, bookings and
feedback are only added in the run that creates it. Dates are relative to the day of the run
(at fixed local hours in each event's zone), so the upcoming events stay upcoming on a fresh
database. No notifications or emails are sent.
"""

import zoneinfo
from datetime import datetime, timedelta

from django.utils import timezone

from events.models import (
    TIMEZONES,
    Booking,
    ClinicSlot,
    Event,
    EventHost,
    EventLanguage,
    EventType,
    Feedback,
    Invitation,
    Registration,
    Scope,
    Status,
    Visibility,
)
from innovations.models import Innovation
from members.models import User
from network import demodata
from network.demodata import CLOCK, COUNTRY, PERSON, SLUG, choice, optional, ref
from network.taxonomy import Language, Region
from resources.models import Resource

SCHEMA = {
    "description_after_summary": str,
    "events": [
        {
            "slug": SLUG,
            "title": str,
            "type": choice(EventType),
            "scope": choice(Scope),
            optional("region", ""): choice(Region),
            optional("country", ""): COUNTRY,
            "zone": choice(TIMEZONES),
            "day": int,
            "at": CLOCK,
            "hours": float,
            "online": bool,
            optional("venue", ""): str,
            optional("capacity"): int,
            "languages": [choice(Language)],
            "visibility": choice(Visibility),
            optional("status", Status.PUBLISHED.value): choice(Status),
            "summary": str,
            "hosts": [{"person": PERSON, "role": choice(EventHost.Role)}],
            optional("guests", []): [
                {"name": str, "affiliation": str, "role": choice(EventHost.Role)}
            ],
            optional("guests_allowed", False): bool,
            optional("guest_registrations", []): [
                {
                    "name": str,
                    "email": str,
                    "organisation": str,
                    "country": COUNTRY,
                    "language": choice(Language),
                    optional("pending", False): bool,
                }
            ],
            optional("innovations", []): [ref("innovation")],
            optional("confirmed", []): [PERSON],
            optional("waitlisted", []): [PERSON],
            optional("attended", []): [PERSON],
            optional("invited_accepted", []): [PERSON],
            optional("invited_pending", []): [PERSON],
            optional("invited_declined", []): [PERSON],
            optional("feedback", []): [
                {"author": PERSON, "rating": choice([1, 2, 3, 4, 5]), "comment": str}
            ],
            optional("recording", ""): str,
            optional("links", []): [str],
            optional("materials", 0): int,
            optional("slots", []): [{"expert": PERSON, "minutes": int}],
            optional("bookings", []): [{"member": PERSON, "minutes": int, "question": str}],
            optional("advice", ""): str,
        }
    ],
}


def content(*, seen: dict | None = None) -> dict:
    """The events' demo content, read and checked."""
    return demodata.load("events", "events", SCHEMA, seen=seen)


def _at(day: int, at, zone: str, today) -> datetime:
    local = datetime.combine(today + timedelta(days=day), at)
    return local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(zoneinfo.ZoneInfo("UTC"))


def _create(entry, users, admin, today, now, about):
    starts_at = _at(entry["day"], entry["at"], entry["zone"], today)
    status = entry["status"]
    event = Event.objects.create(
        slug=entry["slug"],
        title=entry["title"],
        type=entry["type"],
        scope=entry["scope"],
        region=entry["region"],
        country=entry["country"],
        summary=entry["summary"],
        description=f"{entry['summary']}\n\n{about}",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=entry["hours"]),
        timezone=entry["zone"],
        online_url=f"https://meet.example.org/sin-{entry['slug'][:40]}" if entry["online"] else "",
        venue=entry["venue"],
        capacity=entry["capacity"],
        guests_allowed=entry["guests_allowed"],
        visibility=entry["visibility"],
        status=status,
        recording_url=entry["recording"],
        material_links="\n".join(entry["links"]),
        created_by=admin,
        published_at=None if status == Status.DRAFT else starts_at - timedelta(days=30),
        cancelled_at=now - timedelta(days=1) if status == Status.CANCELLED else None,
        sequence=1 if status == Status.CANCELLED else 0,
    )
    EventLanguage.objects.bulk_create(
        [EventLanguage(event=event, code=code) for code in entry["languages"]]
    )
    position = 0
    for host in entry["hosts"]:
        if host["person"] in users:
            EventHost.objects.create(
                event=event, user=users[host["person"]], role=host["role"], position=position
            )
            position += 1
    for guest in entry["guests"]:
        EventHost.objects.create(
            event=event, guest_name=guest["name"], guest_affiliation=guest["affiliation"],
            role=guest["role"], position=position,
        )  # fmt: skip
        position += 1
    if entry["innovations"]:
        event.innovations.set(Innovation.objects.filter(slug__in=entry["innovations"]))
    if entry["materials"]:
        event.materials.set(Resource.objects.public().order_by("pk")[: entry["materials"]])
    return event


def _people(event, entry, users, now):
    registered_at = event.published_at or now
    order = 0
    attended = set(entry["attended"])
    past = event.ends_at < now
    for status, key in (
        (Registration.Status.CONFIRMED, "confirmed"),
        (Registration.Status.WAITLISTED, "waitlisted"),
    ):
        for local in entry[key]:
            if local not in users:
                continue
            order += 1
            at = registered_at + timedelta(hours=order)
            Registration.objects.create(
                event=event,
                user=users[local],
                status=status,
                registered_at=at,
                confirmed_at=at if status == Registration.Status.CONFIRMED else None,
                attended=(local in attended) if past else None,
            )
    for guest in entry["guest_registrations"]:
        order += 1
        at = registered_at + timedelta(hours=order)
        pending = guest["pending"]
        if pending:  # just registered: their link works for two days
            at = now
        Registration.objects.create(
            event=event,
            guest_name=guest["name"],
            guest_email=guest["email"],
            guest_organisation=guest["organisation"],
            guest_country=guest["country"],
            guest_language=guest["language"],
            status=Registration.Status.PENDING if pending else Registration.Status.CONFIRMED,
            registered_at=at,
            confirmed_at=None if pending else at,
        )
    for key, status in (
        ("invited_accepted", Invitation.Status.ACCEPTED),
        ("invited_pending", Invitation.Status.PENDING),
        ("invited_declined", Invitation.Status.DECLINED),
    ):
        for local in entry[key]:
            if local not in users:
                continue
            Invitation.objects.create(
                event=event,
                user=users[local],
                invited_by=event.hosts.exclude(user=None).first().user,
                status=status,
                responded_at=None if status == Invitation.Status.PENDING else registered_at,
            )
            if status == Invitation.Status.ACCEPTED:
                order += 1
                at = registered_at + timedelta(hours=order)
                Registration.objects.create(
                    event=event, user=users[local], status=Registration.Status.CONFIRMED,
                    registered_at=at, confirmed_at=at,
                )  # fmt: skip
    for row in entry["feedback"]:
        if row["author"] in users:
            Feedback.objects.create(
                event=event,
                author=users[row["author"]],
                rating=row["rating"],
                comment=row["comment"],
            )


def _clinic(event, entry, users):
    slots = {}
    for row in entry["slots"]:
        local, offset = row["expert"], row["minutes"]
        if local not in users:
            continue
        starts_at = event.starts_at + timedelta(minutes=offset)
        slots[(local, offset)] = ClinicSlot.objects.create(
            event=event,
            expert=users[local],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=30),
        )
    for row in entry["bookings"]:
        member = users.get(row["member"])
        slot = next((s for (_expert, o), s in slots.items() if o == row["minutes"]), None)
        if member is None or slot is None:
            continue
        innovation = Innovation.objects.filter(owner=member).order_by("pk").first()
        if innovation is None:
            continue
        booking = Booking.objects.create(
            event=event, slot=slot, member=member, innovation=innovation, question=row["question"]
        )
        if entry["advice"]:
            booking.advice = entry["advice"]
            booking.advice_at = slot.ends_at
            booking.save(update_fields=["advice", "advice_at"])


def seed(*, log) -> None:
    data = content()
    now = timezone.now()
    today = now.date()
    users = demodata.people(User.objects.approved())
    admin = User.objects.filter(email=demodata.email("admin")).first()
    created = 0
    for entry in data["events"]:
        if Event.objects.filter(slug=entry["slug"]).exists():
            continue
        event = _create(entry, users, admin, today, now, data["description_after_summary"])
        _people(event, entry, users, now)
        if event.type == EventType.CLINIC:
            _clinic(event, entry, users)
        created += 1
    events = Event.objects.filter(slug__in=[entry["slug"] for entry in data["events"]])
    log(
        f"Events: {events.count()} ({created} new), "
        f"{events.upcoming(now).count()} upcoming, {events.past(now).count()} past; "
        f"{Registration.objects.filter(event__in=events).count()} registrations, "
        f"{Booking.objects.filter(event__in=events).count()} clinic bookings."
    )
