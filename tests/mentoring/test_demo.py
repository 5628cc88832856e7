"""The demo: mentors across regions and languages, requests in every state, active and
completed mentorships, an open programme with applicants; running it twice changes nothing."""

import io

import pytest
from django.core.management import call_command

from mentoring.models import (
    Feedback,
    Goal,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    Session,
)

pytestmark = [pytest.mark.django_db]


def snapshot():
    return {
        "mentors": sorted(
            MentorProfile.objects.values_list("user__email", "capacity", "availability")
        ),
        "requests": sorted(
            MentoringRequest.objects.values_list("mentee__email", "mentor__email", "status")
        ),
        "mentorships": sorted(Mentorship.objects.values_list("mentee__email", "status")),
        "goals": Goal.objects.count(),
        "sessions": Session.objects.count(),
        "feedback": Feedback.objects.count(),
        "programmes": sorted(Programme.objects.values_list("slug", "application_closes")),
        "applications": ProgrammeApplication.objects.count(),
    }


def test_mentoring_demo_is_idempotent_and_covers_every_state(demo):
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first

    mentors = MentorProfile.objects.select_related("user__profile").prefetch_related("facets")
    assert mentors.count() >= 10
    assert MentorProfile.objects.filter(user__email="mentor@example.org").exists()
    assert len({m.user.profile.region for m in mentors}) == 5
    assert len({code for m in mentors for code in m.languages}) >= 8
    assert set(MentoringRequest.objects.values_list("status", flat=True)) == set(
        MentoringRequest.Status.values
    )
    assert set(Mentorship.objects.values_list("status", flat=True)) == set(Mentorship.Status.values)
    open_programmes = Programme.objects.open()
    assert open_programmes.count() == 1
    roles = set(open_programmes.get().applications.values_list("role", flat=True))
    assert roles == {"mentor", "mentee"}


def test_demo_pages_open_for_the_demo_logins(client, demo):
    from members.models import User

    for email in ("member@example.org", "mentor@example.org"):
        user = User.objects.get(email=email)
        client.force_login(user)
        for path in ("/mentoring/", "/mentoring/mentors/"):
            assert client.get(path).status_code == 200, (email, path)
        mentorships = Mentorship.objects.visible_to(user)
        assert mentorships.exists()
        for mentorship in mentorships:
            assert client.get(mentorship.get_absolute_url()).status_code == 200
