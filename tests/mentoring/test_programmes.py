"""Programmes: apply in the window; after it, staff run the matching engine from the admin,
see the pairs with scores and reasons, adjust, confirm; both sides accept and the mentorship
starts. Programme and event managers may do all this; Moderators may look."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from members.models import Block
from mentoring.models import Match, Mentorship, ProgrammeApplication
from mentoring.services.programmes import programme_apply, programme_confirm, programme_run_matching
from tests.factories import (
    MentorProfileFactory,
    ProgrammeApplicationFactory,
    ProgrammeFactory,
    StaffFactory,
    UserFactory,
)
from tests.mentoring.conftest import speaks

pytestmark = [pytest.mark.django_db]


def staff_in(group_name):
    user = StaffFactory()
    user.groups.clear()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def closed_programme():
    now = timezone.now()
    return ProgrammeFactory(
        application_opens=now - timedelta(days=20), application_closes=now - timedelta(days=1)
    )


@pytest.fixture
def cohort():
    """A closed programme: Anna (English, three places) and Bruno (French and English, one
    place); three mentees: Ada and Ben speak English, Chloé only French."""
    programme = closed_programme()
    anna = MentorProfileFactory(
        user=speaks(UserFactory(display_name="Anna Mentor"), "en"),
        languages=["en"], expertise=["rpl"], capacity=3,
    )  # fmt: skip
    bruno = MentorProfileFactory(
        user=speaks(UserFactory(display_name="Bruno Mentor"), "fr", "en"),
        languages=["fr", "en"], expertise=["apprenticeships"], capacity=1,
    )  # fmt: skip
    for mentor in (anna, bruno):
        ProgrammeApplicationFactory(
            programme=programme, user=mentor.user, role="mentor", capacity=mentor.capacity
        )
    ada = speaks(UserFactory(display_name="Ada Mentee"), "en")
    ben = speaks(UserFactory(display_name="Ben Mentee"), "en")
    chloe = speaks(UserFactory(display_name="Chloé Mentee"), "fr")
    ProgrammeApplicationFactory(programme=programme, user=ada, topics=["rpl"])
    ProgrammeApplicationFactory(programme=programme, user=ben, topics=["apprenticeships"],
                                goals="Build a dual programme\nVisit a partner")  # fmt: skip
    ProgrammeApplicationFactory(programme=programme, user=chloe)
    return programme, anna, bruno, ada, ben, chloe


def test_members_apply_in_the_window_and_change_their_mind(client, mentor):
    programme = ProgrammeFactory()
    member = UserFactory()
    client.force_login(member)
    response = client.post(
        programme.get_absolute_url(),
        {"role": "mentee", "goals": "Learn RPL", "topics": "rpl, assessment",
         "themes": ["lifelong-learning"], "capacity": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    application = ProgrammeApplication.objects.get()
    assert (application.role, application.topics) == ("mentee", ["assessment", "rpl"])
    client.post(f"{programme.get_absolute_url()}withdraw/")
    assert ProgrammeApplication.objects.count() == 0
    # A mentor profile is needed to apply as a mentor.
    response = client.post(programme.get_absolute_url(), {"role": "mentor", "capacity": "2"})
    assert "Create your mentor profile first" in response.content.decode()
    client.force_login(mentor.user)
    client.post(programme.get_absolute_url(), {"role": "mentor", "capacity": "5"})
    assert ProgrammeApplication.objects.get().capacity == 2  # never more than their capacity


def test_bad_application_keeps_what_was_typed(client):
    programme = ProgrammeFactory()
    client.force_login(UserFactory())
    response = client.post(
        programme.get_absolute_url(),
        {"role": "mentee", "goals": "", "topics": "my typed topic", "capacity": "1"},
    )
    html = response.content.decode()
    assert "Tell us what you want to achieve." in html
    assert "my typed topic" in html
    assert ProgrammeApplication.objects.count() == 0


def test_no_applications_outside_the_window():
    programme = closed_programme()
    with pytest.raises(ValidationError, match="closed"):
        programme_apply(
            programme=programme, user=UserFactory(), role="mentee", goals="x", topics=[], themes=[]
        )


def test_matching_runs_only_after_the_window():
    with pytest.raises(ValidationError, match="once applications have closed"):
        programme_run_matching(programme=ProgrammeFactory(), by=StaffFactory())


def test_engine_pairs_everyone_it_can_with_language_and_capacity(cohort):
    programme, anna, bruno, ada, ben, chloe = cohort
    matches = programme_run_matching(programme=programme, by=StaffFactory())
    pairs = {(m.mentee, m.mentor) for m in matches}
    # Chloé speaks only French, so Bruno (one place) goes to her; Anna takes Ada and Ben.
    assert pairs == {(ada, anna.user), (ben, anna.user), (chloe, bruno.user)}
    assert all(m.status == "proposed" for m in matches)
    ada_match = next(m for m in matches if m.mentee == ada)
    assert [r["kind"] for r in ada_match.reasons][:2] == ["language", "expertise"]


def test_blocked_pairs_are_never_proposed(cohort):
    programme, _anna, bruno, _ada, _ben, chloe = cohort
    Block.objects.create(blocker=bruno.user, blocked=chloe)
    matches = programme_run_matching(programme=programme, by=StaffFactory())
    assert chloe not in {m.mentee for m in matches}


def test_manager_runs_adjusts_and_confirms_in_the_admin_then_both_accept(
    client, cohort, django_capture_on_commit_callbacks
):
    programme, anna, bruno, ada, ben, chloe = cohort
    client.force_login(staff_in("Programme and event managers"))
    response = client.post(
        "/admin/mentoring/programme/",
        {"action": "run_matching", "_selected_action": [programme.pk]},
    )
    assert response["Location"] == f"/admin/mentoring/programme/{programme.pk}/matching/"
    page = client.get(response["Location"]).content.decode()
    assert "Ada Mentee" in page and "Shared expertise: rpl" in page
    assert Match.objects.filter(status="proposed").count() == 3

    # Adjust: Ben goes unmatched; pairing Chloé with Anna (no shared language) is refused.
    client.post(response["Location"], {"action": "adjust", f"mentor_{ben.pk}": ""})
    assert set(Match.objects.values_list("mentee__display_name", flat=True)) == {
        "Ada Mentee",
        "Chloé Mentee",
    }
    refused = client.post(
        response["Location"], {"action": "adjust", f"mentor_{chloe.pk}": str(anna.pk)},
        follow=True,
    )  # fmt: skip
    assert "cannot be paired with this mentor" in refused.content.decode()
    assert Match.objects.get(mentee=chloe).mentor == bruno.user

    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"], {"action": "confirm"})
    assert set(Match.objects.values_list("status", flat=True)) == {"offered"}
    offered_to = sorted(m.to[0] for m in mail.outbox)
    assert offered_to == sorted([ada.email, anna.user.email, chloe.email, bruno.user.email])

    match = Match.objects.get(mentee=ada)
    client.force_login(ada)
    client.post(match.get_absolute_url(), {"decision": "accept"})
    assert not Mentorship.objects.exists()  # both must accept
    client.force_login(anna.user)
    client.post(match.get_absolute_url(), {"decision": "accept"})
    mentorship = Mentorship.objects.get()
    assert (mentorship.mentor, mentorship.mentee, mentorship.programme) == (
        anna.user,
        ada,
        programme,
    )
    match.refresh_from_db()
    assert match.status == "accepted"

    declined = Match.objects.get(mentee=chloe)
    client.force_login(chloe)
    client.post(declined.get_absolute_url(), {"decision": "decline"})
    declined.refresh_from_db()
    assert (declined.status, declined.declined_by) == ("declined", chloe)
    assert bruno.user.notifications.filter(kind="mentoring").exists()


def test_rerunning_keeps_offered_pairs_and_their_places(cohort):
    programme = cohort[0]
    staff = StaffFactory()
    programme_run_matching(programme=programme, by=staff)
    programme_confirm(programme=programme, by=staff)
    assert programme_run_matching(programme=programme, by=staff) == []
    assert Match.objects.filter(status="offered").count() == 3


def test_moderators_may_look_but_not_run_the_matching(client, cohort):
    programme = cohort[0]
    client.force_login(staff_in("Moderators"))
    url = f"/admin/mentoring/programme/{programme.pk}/matching/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "run"}).status_code == 403
    assert not Match.objects.exists()
    assert client.get("/admin/mentoring/mentorship/").status_code == 200
    assert client.get("/admin/mentoring/mentorship/add/").status_code == 403


def test_admin_lists_open_for_managers(client, cohort, mentor, mentee):
    from tests.factories import MentoringRequestFactory, MentorshipFactory

    MentoringRequestFactory(mentee=mentee, mentor=mentor.user)
    MentorshipFactory(mentor=mentor.user, mentee=mentee)
    client.force_login(staff_in("Programme and event managers"))
    for path in ("mentorprofile", "mentoringrequest", "mentorship", "programme", "match",
                 "reminder"):  # fmt: skip
        assert client.get(f"/admin/mentoring/{path}/").status_code == 200, path
    assert client.get(f"/admin/mentoring/programme/{cohort[0].pk}/change/").status_code == 200


def test_matching_page_with_mentees_and_no_mentor(client):
    programme = closed_programme()
    ProgrammeApplicationFactory(programme=programme, user=speaks(UserFactory(), "en"))
    client.force_login(staff_in("Programme and event managers"))
    url = f"/admin/mentoring/programme/{programme.pk}/matching/"
    client.post(url, {"action": "run"})
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["unmatched"]) == 1
    assert not Match.objects.exists()
