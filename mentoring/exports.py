"""The member's mentoring data, for "download all your data" (``network.content``).

A mentor's note about their mentee is for staff only, so it is not part of the mentee's
export; each member gets the feedback they wrote."""

from django.conf import settings
from django.db.models import Q

from mentoring.models import Feedback, MentoringRequest, MentorProfile, Mentorship, Session


def personal_data(user) -> dict:
    mentor = MentorProfile.objects.filter(user=user).prefetch_related("facets").first()
    mentorships = list(
        Mentorship.objects.filter(Q(mentor=user) | Q(mentee=user)).select_related(
            "mentor", "mentee"
        )
    )
    return {
        "mentor_profile": {
            "bio": mentor.bio,
            "capacity": mentor.capacity,
            "availability": mentor.availability,
            "expertise": sorted(mentor.expertise.names()),
            "themes": mentor.themes,
            "languages": mentor.languages,
            "formats": mentor.formats,
        }
        if mentor
        else None,
        "mentoring_requests": [
            {
                "mentee": str(r.mentee),
                "mentor": str(r.mentor),
                "goals": r.goals,
                "status": r.status,
                "response": r.response,
                "sent": r.created_at.isoformat(),
            }
            for r in MentoringRequest.objects.filter(Q(mentee=user) | Q(mentor=user))
            .select_related("mentee", "mentor")
            .order_by("pk")
        ],
        "mentorships": [
            {
                "mentor": str(m.mentor),
                "mentee": str(m.mentee),
                "status": m.status,
                "started": m.started_at.isoformat(),
                "url": settings.SITE_URL + m.get_absolute_url(),
            }
            for m in mentorships
        ],
        "mentoring_sessions": [
            {"date": s.held_on.isoformat(), "notes": s.notes, "next_steps": s.next_steps}
            for s in Session.objects.filter(mentorship__in=[m.pk for m in mentorships])
        ],
        "mentoring_feedback_given": [
            {"rating": f.rating, "comment": f.comment, "given": f.created_at.isoformat()}
            for f in Feedback.objects.filter(author=user)
        ],
    }
