"""The mentoring home: my requests, my mentorships, open programmes, suggested mentors."""

from django.db.models import Case, Q, When
from django.shortcuts import render
from django.utils import timezone

from members.models import visible_levels
from mentoring import ranking
from mentoring.access import is_member
from mentoring.models import (
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    completed_mentorship_counts,
)

RECENT = 10
PENDING_FIRST = Case(When(status=MentoringRequest.Status.PENDING, then=0), default=1)


def home(request):
    viewer = request.user
    if not is_member(viewer):
        return render(request, "mentoring/home.html", {"members_only": True})
    now = timezone.now()
    requests = MentoringRequest.objects.filter(Q(mentee=viewer) | Q(mentor=viewer)).select_related(
        "mentee", "mentor"
    )
    mentorships = (
        Mentorship.objects.filter(Q(mentee=viewer) | Q(mentor=viewer))
        .select_related("mentee", "mentor")
        .order_by("status", "-started_at")
    )
    programmes = list(Programme.objects.open(now).order_by("application_closes"))
    applied = set(
        ProgrammeApplication.objects.filter(user=viewer, programme__in=programmes).values_list(
            "programme_id", flat=True
        )
    )
    for programme in programmes:
        programme.applied = programme.pk in applied
    mentor = ranking.card_queryset(MentorProfile.objects.filter(user=viewer)).first()
    levels = visible_levels(viewer)
    context = {
        "received": list(
            requests.filter(mentor=viewer).order_by(PENDING_FIRST, "-created_at")[:RECENT]
        ),
        "sent": list(requests.filter(mentee=viewer).order_by("-created_at")[:RECENT]),
        "active": [m for m in mentorships if m.is_active],
        "past": [m for m in mentorships if not m.is_active][:RECENT],
        "programmes": programmes,
        "suggested": ranking.with_shared_parts(ranking.suggested_mentors(viewer, now=now), levels),
        "mentor": mentor,
        "counts": completed_mentorship_counts(viewer),
        "levels": levels,
    }
    return render(request, "mentoring/home.html", context)
