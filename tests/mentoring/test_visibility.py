"""Who sees what, for visitor, applicant, member, the pair, another mentor and staff: the
mentorship page (and everything under it), requests, the mentor list, the home page,
programmes and programme pairings. What one may not see is a 404."""

import pytest

from mentoring.models import Match
from tests.factories import (
    MentoringRequestFactory,
    MentorshipFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.mentoring.conftest import as_role

pytestmark = [pytest.mark.django_db]

ROLES = ["visitor", "applicant", "member", "mentee", "mentor", "other_mentor", "staff"]
PAIR_AND_STAFF = {"mentee", "mentor", "staff"}
MEMBERS = {"member", "mentee", "mentor", "other_mentor", "staff"}


@pytest.fixture
def mentorship(mentor, mentee):
    mentorship = MentorshipFactory(
        mentor=mentor.user, mentee=mentee, goals="Secret goals zq", status="completed"
    )
    mentorship.sessions.create(held_on="2026-03-03", notes="Private notes zq")
    return mentorship


@pytest.mark.parametrize("role", ROLES)
def test_mentorship_page_is_a_404_for_everyone_but_the_pair_and_staff(
    client, roles, mentorship, role
):
    as_role(client, roles, role)
    base = f"/mentoring/mentorships/{mentorship.pk}"
    expected = 200 if role in PAIR_AND_STAFF else 404
    response = client.get(f"{base}/")
    assert response.status_code == expected
    assert ("Private notes zq" in response.content.decode()) == (role in PAIR_AND_STAFF)
    assert client.get(f"{base}/end/").status_code == expected
    feedback = client.get(f"{base}/feedback/").status_code
    assert feedback == {"staff": 302}.get(role, expected)  # staff read feedback, not give it
    if role not in PAIR_AND_STAFF:
        for action in ("goals/", "sessions/", "end-date/", "complete/", "end/", "feedback/"):
            assert client.post(f"{base}/{action}", {"text": "x"}).status_code == 404, action


@pytest.mark.parametrize("role", ROLES)
def test_request_page_is_for_the_mentee_the_mentor_and_staff(client, roles, mentor, mentee, role):
    request = MentoringRequestFactory(mentee=mentee, mentor=mentor.user, goals="Hidden goal zq")
    as_role(client, roles, role)
    response = client.get(f"/mentoring/requests/{request.pk}/")
    assert response.status_code == (200 if role in PAIR_AND_STAFF else 404)
    if role not in PAIR_AND_STAFF:
        for path in ("respond/", "withdraw/"):
            assert client.post(f"/mentoring/requests/{request.pk}/{path}").status_code in (302, 404)
        request.refresh_from_db()
        assert request.status == "pending"


@pytest.mark.parametrize("role", ROLES)
def test_mentor_list_is_for_members(client, roles, mentor, other_mentor, role):
    as_role(client, roles, role)
    response = client.get("/mentoring/mentors/")
    assert response.status_code == 200
    html = response.content.decode()
    if role in MEMBERS:
        shown = {item.mentor for item in response.context["page_obj"].object_list}
        expected = {mentor, other_mentor} - {getattr(roles[role], "mentor_profile", None)}
        assert shown == expected
    else:
        assert "page_obj" not in response.context
        assert "Marta Mentor" not in html and "Otto Other" not in html
        assert "Mentoring is open to members of the network" in html


@pytest.mark.parametrize("role", ROLES)
def test_mentoring_home_by_role(client, roles, mentor, mentee, role):
    MentoringRequestFactory(mentee=mentee, mentor=mentor.user)
    as_role(client, roles, role)
    response = client.get("/mentoring/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ("From Emeka Mentee" in html) == (role == "mentor")
    assert ("To Marta Mentor" in html) == (role == "mentee")


@pytest.mark.parametrize("role", ROLES)
def test_programme_page_is_for_members(client, roles, role):
    programme = ProgrammeFactory()
    as_role(client, roles, role)
    status = client.get(programme.get_absolute_url()).status_code
    assert status == (200 if role in MEMBERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_a_programme_pairing_is_seen_by_the_two_once_offered(client, roles, mentor, mentee, role):
    match = Match.objects.create(
        programme=ProgrammeFactory(), mentor=mentor.user, mentee=mentee, score=30, reasons=[]
    )
    as_role(client, roles, role)
    # Proposed pairs are the staff's draft.
    assert client.get(match.get_absolute_url()).status_code == (200 if role == "staff" else 404)
    match.status = Match.Status.OFFERED
    match.save()
    assert client.get(match.get_absolute_url()).status_code == (
        200 if role in PAIR_AND_STAFF else 404
    )


def test_asking_needs_an_approved_member(client, roles, mentor):
    url = f"/mentoring/mentors/{mentor.user.username}/ask/"
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(roles["applicant"])
    assert client.get(url).status_code == 403
    client.force_login(roles["member"])
    assert client.get(url).status_code == 200


def test_hidden_or_suspended_mentors_are_not_listed(client, mentor, other_mentor):
    from django.utils import timezone

    other_mentor.hidden_at = timezone.now()
    other_mentor.save()
    mentor.user.is_active = False
    mentor.user.save()
    client.force_login(UserFactory())
    assert list(client.get("/mentoring/mentors/").context["page_obj"].object_list) == []


def test_region_filter_and_reasons_never_reveal_a_hidden_country(client, mentor, mentee):
    profile = mentor.user.profile
    profile.country = "KE"
    profile.country_visibility = "hidden"
    profile.save()
    mentee.profile.country = "KE"
    mentee.profile.save()
    client.force_login(mentee)
    response = client.get("/mentoring/mentors/?region=africa")
    assert list(response.context["page_obj"].object_list) == []
    item = client.get("/mentoring/mentors/").context["page_obj"].object_list[0]
    assert [reason.kind for reason in item.reasons] == ["language", "expertise"]
    profile.country_visibility = "members"
    profile.save()
    response = client.get("/mentoring/mentors/?region=africa")
    item = response.context["page_obj"].object_list[0]
    assert "Same region: Africa" in item.explanations


def test_a_mentor_profile_can_be_reported_by_members(client, mentor, mentee):
    client.force_login(mentee)
    html = client.get("/mentoring/mentors/").content.decode()
    report = f"/report/mentoring-mentorprofile/{mentor.pk}/"
    assert report in html
    assert client.get(report).status_code == 200
    client.force_login(UserFactory(status="applicant"))
    assert client.get(report).status_code in (403, 404)
