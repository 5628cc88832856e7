"""Events: knowledge-sharing sessions, ideation workshops, innovation clinics, trainings and
webinars; their hosts, registrations with a waitlist, invitations, clinic slots and bookings,
reminders, feedback, and the private token of each member's calendar feed.

One module per feature; Django finds the models here, and so does the rest of the code
(``from events.models import Event``).
"""

from events.models.calendar_feed import CalendarToken, _new_token
from events.models.choices import (
    RESERVED_SLUGS,
    SHOWN_STATUSES,
    TIMEZONES,
    EventType,
    Scope,
    Status,
    Visibility,
    validate_timezone,
)
from events.models.clinics import Booking, ClinicSlot
from events.models.event import (
    Event,
    EventHost,
    EventLanguage,
    EventQuerySet,
    Invitation,
    Registration,
    RegistrationQuerySet,
    _new_calendar_uid,
)
from events.models.feedback import Feedback, FeedbackQuerySet
from events.models.reminders import Reminder

__all__ = [
    "RESERVED_SLUGS",
    "SHOWN_STATUSES",
    "TIMEZONES",
    "Booking",
    "CalendarToken",
    "ClinicSlot",
    "Event",
    "EventHost",
    "EventLanguage",
    "EventQuerySet",
    "EventType",
    "Feedback",
    "FeedbackQuerySet",
    "Invitation",
    "Registration",
    "RegistrationQuerySet",
    "Reminder",
    "Scope",
    "Status",
    "Visibility",
    # Named by the first migration (the defaults and validator of its fields).
    "_new_calendar_uid",
    "_new_token",
    "validate_timezone",
]
