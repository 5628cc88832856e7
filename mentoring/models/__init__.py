"""Peer mentoring: mentors, requests, programmes and their matches, mentorships.

Visibility (DESIGN.md §4): mentors are listed to approved members only; a request is seen by
its mentee, its mentor and staff; a mentorship (goals, sessions, feedback) is private to the
pair and staff, and the mentor's feedback about the mentee to staff alone.

One module per feature; Django finds the models here, and so does the rest of the code
(``from mentoring.models import Mentorship``).
"""

from mentoring.models.common import (
    CHECKIN_GAP,
    MAX_CAPACITY,
    MAX_MONTHS,
    MIN_CAPACITY,
    MIN_MONTHS,
    REQUEST_LIFETIME,
    Availability,
    Format,
    Role,
)
from mentoring.models.mentors import (
    MentorFacet,
    MentorProfile,
    MentorProfileQuerySet,
    TaggedMentorExpertise,
    active_mentee_count,
)
from mentoring.models.mentorships import (
    Feedback,
    Goal,
    Mentorship,
    MentorshipQuerySet,
    Session,
    completed_mentorship_counts,
)
from mentoring.models.programmes import (
    Match,
    MatchQuerySet,
    Programme,
    ProgrammeApplication,
    ProgrammeQuerySet,
)
from mentoring.models.reminders import Reminder
from mentoring.models.requests import MentoringRequest, MentoringRequestQuerySet, TaggedRequestTopic

__all__ = [
    "CHECKIN_GAP",
    "MAX_CAPACITY",
    "MAX_MONTHS",
    "MIN_CAPACITY",
    "MIN_MONTHS",
    "REQUEST_LIFETIME",
    "Availability",
    "Feedback",
    "Format",
    "Goal",
    "Match",
    "MatchQuerySet",
    "MentorFacet",
    "MentorProfile",
    "MentorProfileQuerySet",
    "MentoringRequest",
    "MentoringRequestQuerySet",
    "Mentorship",
    "MentorshipQuerySet",
    "Programme",
    "ProgrammeApplication",
    "ProgrammeQuerySet",
    "Reminder",
    "Role",
    "Session",
    "TaggedMentorExpertise",
    "TaggedRequestTopic",
    "active_mentee_count",
    "completed_mentorship_counts",
]
