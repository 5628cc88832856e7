"""Demo events: every type, past and upcoming, in several time zones; some full with a
waitlist, one private workshop with invitees, clinics with slots, bookings and advice.

Idempotent: each event is keyed on its slug and skipped when it exists; its hosts,
registrations, invitations, slots, bookings and feedback are only added in the run that
creates it. Dates are relative to the day of the run (at fixed local hours in each event's
zone), so the upcoming events stay upcoming on a fresh database. No notifications or emails
are sent.
"""

import zoneinfo
from datetime import datetime, time, timedelta

from django.utils import timezone

from events.models import (
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
from members.demo import approved_locals
from members.models import User

HOST, SPEAKER, EXPERT, MODERATOR = "host", "speaker", "expert", "moderator"

# People are named by the local part of their demo address (``member`` is member@example.org).
# ``day`` is days from the day of the run; ``at`` the local start time in ``zone``.
EVENTS = [
    {
        "slug": "digital-logbooks-for-informal-apprenticeships",
        "title": "Digital logbooks for informal apprenticeships: lessons from Kenya",
        "type": EventType.SESSION, "scope": Scope.REGIONAL, "region": "africa",
        "zone": "Africa/Nairobi", "day": 9, "at": (14, 0), "hours": 1.5,
        "online": True, "capacity": 8, "languages": ["en", "sw"],
        "visibility": Visibility.PUBLIC,
        "summary": "How master craftspeople and apprentices keep a mobile logbook that leads "
        "to a recognised trade test — and what it took to get there.",
        "hosts": [("amina.wanjiru", HOST), ("samuel.mwangi", SPEAKER)],
        "guests": [("Wanjiku Kamau", "Jua Kali Association of Nairobi", SPEAKER)],
        "innovations": ["Jifunze Logbook: digital records for informal apprenticeships"],
        "confirmed": ["member", "joseph.okello", "fatou.diop", "chiamaka.eze", "thabo.nkosi",
                      "hanna.bekele", "kofi.mensah", "grace.banda"],
        "waitlisted": ["moussa.sarr", "rania.haddad", "priya.nair"],
    },
    {
        "slug": "skills-anticipation-with-online-vacancy-data",
        "title": "Webinar: skills anticipation with online vacancy data",
        "type": EventType.WEBINAR, "scope": Scope.GLOBAL, "zone": "America/Bogota",
        "day": 3, "at": (9, 0), "hours": 1, "online": True, "capacity": 10,
        "languages": ["es", "en"], "visibility": Visibility.PUBLIC,
        "summary": "Reading millions of job ads to see which occupations are emerging, "
        "with the team behind the Radar de ocupaciones emergentes.",
        "hosts": [("lucia.ramirez", HOST), ("carlos.mendoza", SPEAKER)],
        "innovations": ["Radar de ocupaciones emergentes a partir de vacantes en línea"],
        "confirmed": ["diego.fernandez", "valentina.torres", "ana.souza", "jennifer.clarke",
                      "yousef.alharthy", "nguyen.lan", "budi.santoso", "elif.yilmaz",
                      "javier.lopez", "olena.kovalenko"],
        "waitlisted": ["aigerim.nurlanovna", "member", "claire.martin"],
    },
    {
        "slug": "green-skills-for-the-solar-transition",
        "title": "Green skills for the solar transition",
        "type": EventType.WEBINAR, "scope": Scope.GLOBAL, "zone": "Europe/Paris",
        "day": 16, "at": (15, 0), "hours": 1.5, "online": True, "capacity": None,
        "languages": ["en", "fr"], "visibility": Visibility.PUBLIC,
        "summary": "Solar building sites as schools: training young women electricians in "
        "Senegal, and what employers look for.",
        "hosts": [("fatou.diop", HOST), ("claire.martin", MODERATOR)],
        "innovations": ["Chantiers-écoles solaires pour jeunes femmes électriciennes"],
        "confirmed": ["moussa.sarr", "marieclaire.joseph", "julien.lefevre", "sofie.peeters"],
    },
    {
        "slug": "taller-formacion-dual-america-latina",
        "title": "Taller de ideación: formación dual en pequeñas empresas de América Latina",
        "type": EventType.WORKSHOP, "scope": Scope.REGIONAL, "region": "americas",
        "zone": "America/Bogota", "day": 12, "at": (10, 0), "hours": 3, "online": True,
        "venue": "Universidad Nacional, Bogotá — Edificio de Ingeniería, sala 204",
        "capacity": 20, "languages": ["es"], "visibility": Visibility.MEMBERS,
        "summary": "Un taller para imaginar cómo las pequeñas empresas pueden acoger "
        "aprendices entre varias.",
        "hosts": [("carlos.mendoza", HOST), ("lucia.ramirez", HOST)],
        "confirmed": ["diego.fernandez", "valentina.torres", "mentor", "ana.souza"],
    },
    {
        "slug": "private-workshop-financing-skills-arab-states",
        "title": "Ideation workshop: financing skills training in the Arab States",
        "type": EventType.WORKSHOP, "scope": Scope.REGIONAL, "region": "arab-states",
        "zone": "Asia/Amman", "day": 20, "at": (11, 0), "hours": 3, "online": True,
        "venue": "Vocational Training Corporation, Amman", "capacity": 12,
        "languages": ["en", "ar"], "visibility": Visibility.PRIVATE,
        "summary": "An invitation-only workshop on levies, funds and vouchers for training.",
        "hosts": [("omar.almasri", HOST), ("layla.nasser", HOST)],
        "invited_accepted": ["rania.haddad", "mariam.khalil", "ahmed.saleh", "yousef.alharthy"],
        "invited_pending": ["member", "nusrat.jahan"],
        "invited_declined": ["jennifer.clarke"],
    },
    {
        "slug": "innovation-clinic-scaling-your-pilot",
        "title": "Innovation clinic: from pilot to scale",
        "type": EventType.CLINIC, "scope": Scope.GLOBAL, "zone": "Asia/Kolkata",
        "day": 6, "at": (13, 0), "hours": 4, "online": True, "capacity": None,
        "languages": ["en", "hi"], "visibility": Visibility.MEMBERS,
        "summary": "Book 30 minutes with an expert about taking your pilot to scale: "
        "partners, financing, evidence.",
        "hosts": [("mentor", EXPERT), ("priya.nair", EXPERT)],
        "slots": [("mentor", 0), ("mentor", 45), ("mentor", 90), ("priya.nair", 0),
                  ("priya.nair", 45), ("priya.nair", 150)],
        "bookings": [("member", 0, "How do we find a second city for our inclusive "
                      "apprenticeships, and who should pay for the job coaches?")],
    },
    {
        "slug": "training-rpl-assessors-india",
        "title": "Training: recognising the skills of informal workers — for RPL assessors",
        "type": EventType.TRAINING, "scope": Scope.NATIONAL, "region": "asia-pacific",
        "country": "IN", "zone": "Asia/Kolkata", "day": 25, "at": (10, 0), "hours": 6,
        "online": False, "venue": "Workers' Education Association, New Delhi",
        "capacity": 25, "languages": ["hi", "en"], "visibility": Visibility.MEMBERS,
        "summary": "Two days of practice in assessing prior learning on the workplace.",
        "hosts": [("rahul.mehta", HOST)],
        "confirmed": ["priya.nair", "nusrat.jahan"],
    },
    {
        "slug": "tvet-quality-labels-session",
        "title": "Session: quality labels for apprenticeship places",
        "type": EventType.SESSION, "scope": Scope.REGIONAL, "region": "europe-central-asia",
        "zone": "Europe/Brussels", "day": 30, "at": (14, 0), "hours": 1.5, "online": True,
        "capacity": 40, "languages": ["en", "fr"], "visibility": Visibility.PUBLIC,
        "status": Status.CANCELLED,
        "summary": "Cancelled: the speakers could not travel; a new date follows.",
        "hosts": [("sofie.peeters", HOST)],
        "confirmed": ["elif.yilmaz", "giorgi.beridze"],
    },
    {
        "slug": "skills-for-migrants-regional-session",
        "title": "Regional session: certifying the skills of labour migrants",
        "type": EventType.SESSION, "scope": Scope.REGIONAL, "region": "arab-states",
        "zone": "Asia/Amman", "day": 40, "at": (12, 0), "hours": 1.5, "online": True,
        "capacity": 50, "languages": ["en", "ar"], "visibility": Visibility.PUBLIC,
        "status": Status.DRAFT,
        "summary": "Draft: the programme is being agreed with the speakers.",
        "hosts": [("layla.nasser", HOST)],
    },
    # --- past ----------------------------------------------------------------------------
    {
        "slug": "inclusive-apprenticeships-lagos-session",
        "title": "Knowledge-sharing session: apprenticeships for young people with disabilities",
        "type": EventType.SESSION, "scope": Scope.GLOBAL, "zone": "Africa/Lagos",
        "day": -21, "at": (15, 0), "hours": 1.5, "online": True, "capacity": 30,
        "languages": ["en"], "visibility": Visibility.PUBLIC,
        "summary": "Employers, trainers and young apprentices from Lagos on what made their "
        "placements work.",
        "hosts": [("member", HOST), ("grace.banda", MODERATOR)],
        "innovations": ["Inclusive apprenticeships for young people with disabilities in Lagos"],
        "confirmed": ["mentor", "chiamaka.eze", "thabo.nkosi", "hanna.bekele", "kofi.mensah",
                      "jennifer.clarke"],
        "attended": ["mentor", "chiamaka.eze", "thabo.nkosi", "kofi.mensah"],
        "feedback": [("mentor", 5, "The **job-coach model** was new to me; clear and honest "
                      "about what did not work."), ("chiamaka.eze", 4, "Useful. More time for "
                      "questions next time, please.")],
        "recording": "https://video.example.org/sessions/inclusive-apprenticeships",
        "materials": 2,
    },
    {
        "slug": "micro-credentials-employers-trust-webinar",
        "title": "Webinar: micro-credentials that employers trust",
        "type": EventType.WEBINAR, "scope": Scope.GLOBAL, "zone": "Asia/Manila",
        "day": -45, "at": (16, 0), "hours": 1, "online": True, "capacity": None,
        "languages": ["en"], "visibility": Visibility.PUBLIC,
        "summary": "Stackable data credentials for contact-centre workers, one year on.",
        "hosts": [("maria.santos", HOST), ("budi.santoso", SPEAKER)],
        "innovations": ["Stackable data micro-credentials for contact-centre workers"],
        "confirmed": ["member", "nguyen.lan", "siosaia.taufa", "rahul.mehta"],
        "attended": ["member", "nguyen.lan", "rahul.mehta"],
        "feedback": [("nguyen.lan", 5, "We will try the employer panel idea in Viet Nam.")],
        "recording": "https://video.example.org/webinars/micro-credentials",
        "links": ["https://slides.example.org/micro-credentials.pdf"],
    },
    {
        "slug": "climate-resilient-building-skills-workshop",
        "title": "Ideation workshop: climate-resilient building skills for outer islands",
        "type": EventType.WORKSHOP, "scope": Scope.REGIONAL, "region": "asia-pacific",
        "zone": "Pacific/Fiji", "day": -60, "at": (9, 0), "hours": 3, "online": True,
        "venue": "Pacific TVET Network, Suva", "capacity": 15, "languages": ["en"],
        "visibility": Visibility.PUBLIC,
        "summary": "Ideas for training builders where cyclones are getting stronger.",
        "hosts": [("mere.rokotuiwai", HOST), ("siosaia.taufa", HOST)],
        "innovations": ["Climate-resilient building skills for outer islands"],
        "confirmed": ["member", "maria.santos", "budi.santoso"],
        "attended": ["member", "maria.santos"],
    },
    {
        "slug": "innovation-clinic-evidence-of-results",
        "title": "Innovation clinic: showing evidence of results",
        "type": EventType.CLINIC, "scope": Scope.GLOBAL, "zone": "Europe/Paris",
        "day": -30, "at": (10, 0), "hours": 3, "online": True, "capacity": None,
        "languages": ["en", "fr"], "visibility": Visibility.MEMBERS,
        "summary": "Half an hour with an evaluation expert about what your evidence shows.",
        "hosts": [("mentor", EXPERT), ("julien.lefevre", EXPERT)],
        "slots": [("mentor", 0), ("mentor", 45), ("julien.lefevre", 0)],
        "bookings": [("amina.wanjiru", 0, "Our completion data is strong, but how do we show "
                      "that the logbook, not the stipend, made the difference?")],
        "advice": "Compare apprentices whose masters joined in the first and second year "
        "(a **stepped roll-out**); the stipend was the same for both. Write down the "
        "comparison before you look at the results.",
    },
    {
        "slug": "training-of-trainers-core-skills",
        "title": "Training of trainers: teaching core skills through projects",
        "type": EventType.TRAINING, "scope": Scope.REGIONAL, "region": "europe-central-asia",
        "zone": "Europe/Paris", "day": -10, "at": (9, 30), "hours": 7, "online": False,
        "venue": "Observatoire des compétences, Université de Lyon", "capacity": 16,
        "languages": ["fr", "en"], "visibility": Visibility.MEMBERS,
        "summary": "A day of practice in project-based teaching of core skills.",
        "hosts": [("claire.martin", HOST)],
        "confirmed": ["julien.lefevre", "sofie.peeters", "olena.kovalenko", "member"],
        "attended": ["julien.lefevre", "sofie.peeters", "member"],
        "feedback": [("sofie.peeters", 4, "Practical and well paced.")],
    },
]  # fmt: skip


def _email(local: str) -> str:
    return f"{local}@example.org"


def _at(day: int, hour_minute, zone: str, today) -> datetime:
    local = datetime.combine(today + timedelta(days=day), time(*hour_minute))
    return local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(zoneinfo.ZoneInfo("UTC"))


def _create(entry, users, admin, today, now):
    from innovations.models import Innovation

    starts_at = _at(entry["day"], entry["at"], entry["zone"], today)
    status = entry.get("status", Status.PUBLISHED)
    event = Event.objects.create(
        slug=entry["slug"],
        title=entry["title"],
        type=entry["type"],
        scope=entry["scope"],
        region=entry.get("region", ""),
        country=entry.get("country", ""),
        summary=entry["summary"],
        description=entry["summary"]
        + "\n\n- Who it is for: practitioners, policy makers and partners\n"
        "- How it works: short talks, then questions and discussion",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=entry["hours"]),
        timezone=entry["zone"],
        online_url=f"https://meet.example.org/sin-{entry['slug'][:40]}" if entry["online"] else "",
        venue=entry.get("venue", ""),
        capacity=entry["capacity"],
        visibility=entry["visibility"],
        status=status,
        recording_url=entry.get("recording", ""),
        material_links="\n".join(entry.get("links", [])),
        created_by=admin,
        published_at=None if status == Status.DRAFT else starts_at - timedelta(days=30),
        cancelled_at=now - timedelta(days=1) if status == Status.CANCELLED else None,
        sequence=1 if status == Status.CANCELLED else 0,
    )
    EventLanguage.objects.bulk_create(
        [EventLanguage(event=event, code=code) for code in entry["languages"]]
    )
    position = 0
    for local, role in entry.get("hosts", []):
        if local in users:
            EventHost.objects.create(event=event, user=users[local], role=role, position=position)
            position += 1
    for name, affiliation, role in entry.get("guests", []):
        EventHost.objects.create(
            event=event, guest_name=name, guest_affiliation=affiliation, role=role,
            position=position,
        )  # fmt: skip
        position += 1
    titles = entry.get("innovations", [])
    if titles:
        event.innovations.set(Innovation.objects.filter(title__in=titles))
    if entry.get("materials"):
        from resources.models import Resource

        event.materials.set(Resource.objects.public().order_by("pk")[: entry["materials"]])
    return event


def _people(event, entry, users, now):
    registered_at = event.published_at or now
    order = 0
    attended = set(entry.get("attended", []))
    past = event.ends_at < now
    for status, key in (
        (Registration.Status.CONFIRMED, "confirmed"),
        (Registration.Status.WAITLISTED, "waitlisted"),
    ):
        for local in entry.get(key, []):
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
    for key, status in (
        ("invited_accepted", Invitation.Status.ACCEPTED),
        ("invited_pending", Invitation.Status.PENDING),
        ("invited_declined", Invitation.Status.DECLINED),
    ):
        for local in entry.get(key, []):
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
    for local, rating, comment in entry.get("feedback", []):
        if local in users:
            Feedback.objects.create(
                event=event, author=users[local], rating=rating, comment=comment
            )


def _clinic(event, entry, users):
    from innovations.models import Innovation

    slots = {}
    for local, offset in entry.get("slots", []):
        if local not in users:
            continue
        starts_at = event.starts_at + timedelta(minutes=offset)
        slots[(local, offset)] = ClinicSlot.objects.create(
            event=event,
            expert=users[local],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=30),
        )
    for local, offset, question in entry.get("bookings", []):
        member = users.get(local)
        slot = next((s for (_expert, o), s in slots.items() if o == offset), None)
        if member is None or slot is None:
            continue
        innovation = Innovation.objects.filter(owner=member).order_by("pk").first()
        if innovation is None:
            continue
        booking = Booking.objects.create(
            event=event, slot=slot, member=member, innovation=innovation, question=question
        )
        if entry.get("advice"):
            booking.advice = entry["advice"]
            booking.advice_at = slot.ends_at
            booking.save(update_fields=["advice", "advice_at"])


def seed(*, log) -> None:
    now = timezone.now()
    today = now.date()
    locals_ = approved_locals()
    users = {
        user.email.split("@")[0]: user
        for user in User.objects.approved().filter(email__in=[_email(n) for n in locals_])
    }
    admin = User.objects.filter(email="admin@example.org").first()
    created = 0
    for entry in EVENTS:
        if Event.objects.filter(slug=entry["slug"]).exists():
            continue
        event = _create(entry, users, admin, today, now)
        _people(event, entry, users, now)
        if event.type == EventType.CLINIC:
            _clinic(event, entry, users)
        created += 1
    events = Event.objects.filter(slug__in=[entry["slug"] for entry in EVENTS])
    log(
        f"Events: {events.count()} ({created} new), "
        f"{events.upcoming(now).count()} upcoming, {events.past(now).count()} past; "
        f"{Registration.objects.filter(event__in=events).count()} registrations, "
        f"{Booking.objects.filter(event__in=events).count()} clinic bookings."
    )
