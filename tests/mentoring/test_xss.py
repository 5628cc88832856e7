"""Everything members write in mentoring, through the XSS corpus, renders harmless."""

import pytest

from mentoring.models import Feedback, Match
from tests.factories import (
    MentoringRequestFactory,
    MentorshipFactory,
    ProgrammeFactory,
    StaffFactory,
    UserFactory,
)
from tests.mentoring.conftest import speaks
from tests.security.xss import PAYLOADS, dangerous_markup

pytestmark = [pytest.mark.django_db]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_mentoring_text_renders_no_script(client, mentor, payload):
    mentee = speaks(UserFactory(display_name=payload[:120]), "en")
    mentor.bio = payload
    mentor.save()
    mentor.expertise.set([payload[:50]])
    mentor.user.profile.headline = payload[:160]
    mentor.user.profile.save()
    request = MentoringRequestFactory(
        mentee=mentee, mentor=mentor.user, goals=payload, response=payload, status="declined",
        reasons=[{"kind": "expertise", "points": 10, "values": [payload[:50]]}],
    )  # fmt: skip
    request.topics.set([payload[:50]])
    mentorship = MentorshipFactory(
        mentor=mentor.user, mentee=mentee, goals=payload, status="ended", end_reason=payload
    )
    mentorship.goal_items.create(text=payload[:300])
    mentorship.sessions.create(held_on="2026-03-03", notes=payload, next_steps=payload)
    Feedback.objects.create(mentorship=mentorship, author=mentee, role="mentee", rating=4,
                            comment=payload)  # fmt: skip
    Feedback.objects.create(mentorship=mentorship, author=mentor.user, role="mentor", rating=4,
                            comment=payload)  # fmt: skip
    programme = ProgrammeFactory(title=payload[:200], description=payload)
    match = Match.objects.create(
        programme=programme, mentor=mentor.user, mentee=mentee, status="offered",
        reasons=[{"kind": "expertise", "points": 10, "values": [payload[:50]]}],
    )  # fmt: skip
    pages = {
        mentee: [
            request.get_absolute_url(),
            mentorship.get_absolute_url(),
            f"/mentoring/mentorships/{mentorship.pk}/feedback/",
            "/mentoring/",
            "/mentoring/mentors/",
            f"/mentoring/mentors/{mentor.user.username}/ask/",
            programme.get_absolute_url(),
            match.get_absolute_url(),
        ],
        mentor.user: [request.get_absolute_url(), mentorship.get_absolute_url(), "/mentoring/"],
        StaffFactory(): [mentorship.get_absolute_url(), request.get_absolute_url()],
    }
    for viewer, paths in pages.items():
        client.force_login(viewer)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert dangerous_markup(response.content.decode()) == [], path


@pytest.mark.parametrize("payload", PAYLOADS[:10])
def test_typed_back_after_an_error_renders_no_script(client, mentor, mentee, payload):
    """Bad input comes back in the form as typed, and still runs nothing."""
    mentorship = MentorshipFactory(mentor=mentor.user, mentee=mentee)
    client.force_login(mentee)
    response = client.post(
        f"/mentoring/mentorships/{mentorship.pk}/sessions/",
        {"held_on": payload[:30], "notes": payload, "next_steps": payload},
    )
    assert response.status_code == 200
    assert dangerous_markup(response.content.decode()) == []
    response = client.post(
        f"/mentoring/mentors/{mentor.user.username}/ask/",
        {"goals": payload, "topics": payload[:40], "duration_months": "9", "language": "en"},
    )
    assert response.status_code == 200
    assert dangerous_markup(response.content.decode()) == []
