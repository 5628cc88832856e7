"""The request lifecycle end to end, with a controllable clock: ask, remind on day 3 and day 7
(once each), expire on day 10, accept or decline (also from the inbox), and ask the next best
mentor in one click."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from members.models import Block
from mentoring.models import MentoringRequest, Mentorship, Reminder
from mentoring.services.requests import (
    request_accept,
    request_create,
    request_decline,
    requests_scan,
)
from network.models import Notification
from tests.factories import MentorProfileFactory, MentorshipFactory, UserFactory
from tests.mentoring.conftest import T0, speaks

pytestmark = [pytest.mark.django_db]


def ask(mentee, mentor, *, now=T0, **overrides):
    fields = {
        "goals": "Design a pre-apprenticeship\nFind two employers",
        "topics": ["apprenticeships"],
        "innovation": None,
        "duration_months": 3,
        "language": "en",
        **overrides,
    }
    return request_create(mentee=mentee, mentor=mentor, now=now, **fields)


def action_paths(body):
    """The site-relative paths of the signed links in an email, in order."""
    return [urlsplit(url).path for url in re.findall(r"https?://\S+/act/\S+/", body)]


def to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_member_asks_through_the_form_and_the_mentor_is_told(
    client, mentor, mentee, django_capture_on_commit_callbacks
):
    client.force_login(mentee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mentoring/mentors/{mentor.user.username}/ask/",
            {"goals": "Set up a logbook", "topics": "apprenticeships, rpl",
             "duration_months": "4", "language": "fr"},
        )  # fmt: skip
    request = MentoringRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mentoring/requests/{request.pk}/"
    assert (request.mentee, request.mentor, request.status) == (mentee, mentor.user, "pending")
    assert (request.duration_months, request.language) == (4, "fr")
    assert sorted(request.topics.names()) == ["apprenticeships", "rpl"]
    assert [r["kind"] for r in request.reasons] == ["language", "expertise"]
    assert request.score == 10 + 20
    email = to(mentor.user)[0]
    assert email.subject == "Emeka Mentee asks you for mentoring"
    assert "Set up a logbook" in email.body
    assert len(re.findall(r"/act/", email.body)) == 2  # accept and decline links
    assert Notification.objects.get(recipient=mentor.user).url == request.get_absolute_url()


def test_reminders_on_day_3_and_day_7_once_each_then_expiry_on_day_10(
    mentor, mentee, other_mentor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(mentee, mentor)
    mail.outbox.clear()
    runs = {}
    with django_capture_on_commit_callbacks(execute=True):
        for hours in range(0, 11 * 24, 6):  # the beat runs every few hours for 11 days
            result = requests_scan(now=T0 + timedelta(hours=hours))
            if any(result.values()):
                runs[hours] = result
    assert runs == {
        72: {"expired": 0, "reminded": 1},   # day 3
        168: {"expired": 0, "reminded": 1},  # day 7
        240: {"expired": 1, "reminded": 0},  # day 10
    }  # fmt: skip
    assert sorted(Reminder.objects.values_list("kind", flat=True)) == [
        "request_day_3",
        "request_day_7",
    ]
    reminders = to(mentor.user)
    assert [m.subject for m in reminders] == [
        "Reminder: Emeka Mentee is waiting for your answer",
        "Reminder: Emeka Mentee is waiting for your answer",
    ]
    assert "3 days ago" in reminders[0].body
    assert "7 days ago" in reminders[1].body
    request.refresh_from_db()
    assert request.status == "expired"
    assert [m.subject for m in to(mentee)] == [
        "Your mentoring request expired: other mentors could help"
    ]
    # Running again (or twice at once) sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert requests_scan(now=T0 + timedelta(days=12)) == {"expired": 0, "reminded": 0}
    assert len(mail.outbox) == 3


def test_a_late_scan_sends_only_the_latest_reminder_due(
    mentor, mentee, django_capture_on_commit_callbacks
):
    ask(mentee, mentor)
    with django_capture_on_commit_callbacks(execute=True):
        assert requests_scan(now=T0 + timedelta(days=8)) == {"expired": 0, "reminded": 1}
    assert list(Reminder.objects.values_list("kind", flat=True)) == ["request_day_7"]


def test_answered_requests_get_no_reminder(mentor, mentee):
    request = ask(mentee, mentor)
    request_decline(request=request, by=mentor.user, now=T0 + timedelta(days=1))
    assert requests_scan(now=T0 + timedelta(days=11)) == {"expired": 0, "reminded": 0}
    assert Reminder.objects.count() == 0


def test_mentor_accepts_with_a_message_and_the_mentorship_starts(
    client, mentor, mentee, django_capture_on_commit_callbacks
):
    request = ask(mentee, mentor)
    client.force_login(mentor.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mentoring/requests/{request.pk}/respond/",
            {"decision": "accept", "message": "Happy to help!"},
        )
    mentorship = Mentorship.objects.get()
    assert response["Location"] == f"/mentoring/mentorships/{mentorship.pk}/"
    request.refresh_from_db()
    assert (request.status, request.response) == ("accepted", "Happy to help!")
    assert (mentorship.mentor, mentorship.mentee, mentorship.request) == (
        mentor.user,
        mentee,
        request,
    )
    assert list(mentorship.goal_items.values_list("text", flat=True)) == [
        "Design a pre-apprenticeship",
        "Find two employers",
    ]
    assert [m.subject for m in to(mentee)] == ["Marta Mentor accepted your mentoring request"]
    assert "Happy to help!" in to(mentee)[0].body


def test_agreed_end_date_follows_the_desired_duration(mentor, mentee):
    request = ask(mentee, mentor, duration_months=6)
    mentorship = request_accept(request=request, by=mentor.user, now=T0)
    assert mentorship.agreed_end_date.isoformat() == "2026-09-02"


def test_decline_offers_the_next_best_mentors_in_one_click(
    client, mentor, mentee, other_mentor, django_capture_on_commit_callbacks
):
    best = MentorProfileFactory(
        user=speaks(UserFactory(display_name="Bea Best"), "en"), expertise=["apprenticeships"]
    )
    french_only = MentorProfileFactory(languages=["fr"], expertise=["apprenticeships"])
    paused = MentorProfileFactory(availability="paused", expertise=["apprenticeships"])
    request = ask(mentee, mentor)
    with django_capture_on_commit_callbacks(execute=True):
        request_decline(request=request, by=mentor.user, message="Fully booked, sorry.")
    assert [m.subject for m in to(mentee)] == ["Marta Mentor cannot mentor you this time"]
    client.force_login(mentee)
    page = client.get(f"/mentoring/requests/{request.pk}/")
    suggested = [item.mentor for item in page.context["next_best"]]
    # Same language as the request, available, not the one who declined; best score first.
    assert suggested == [best, other_mentor]
    assert french_only not in suggested and paused not in suggested
    html = page.content.decode()
    assert "Fully booked, sorry." in html
    response = client.post(f"/mentoring/requests/{request.pk}/ask/{best.user.username}/")
    forwarded = MentoringRequest.objects.get(mentor=best.user)
    assert response["Location"] == f"/mentoring/requests/{forwarded.pk}/"
    assert (forwarded.goals, forwarded.language, forwarded.duration_months) == (
        request.goals,
        "en",
        3,
    )
    assert list(forwarded.topics.names()) == ["apprenticeships"]


def test_expired_request_offers_next_best_mentors(client, mentor, mentee, other_mentor):
    request = ask(mentee, mentor)
    requests_scan(now=T0 + timedelta(days=10))
    client.force_login(mentee)
    page = client.get(f"/mentoring/requests/{request.pk}/")
    assert [item.mentor for item in page.context["next_best"]] == [other_mentor]


def test_mentee_withdraws_a_pending_request(client, mentor, mentee):
    request = ask(mentee, mentor)
    client.force_login(mentee)
    client.post(f"/mentoring/requests/{request.pk}/withdraw/")
    request.refresh_from_db()
    assert request.status == "withdrawn"
    assert requests_scan(now=T0 + timedelta(days=11)) == {"expired": 0, "reminded": 0}


def test_paused_or_full_mentors_receive_no_requests(mentor, mentee):
    mentor.availability = "paused"
    mentor.save()
    with pytest.raises(ValidationError, match="not taking new mentees"):
        ask(mentee, mentor)
    mentor.availability = "available"
    mentor.capacity = 1
    mentor.save()
    MentorshipFactory(mentor=mentor.user)
    with pytest.raises(ValidationError, match="not taking new mentees"):
        ask(mentee, mentor)
    assert MentoringRequest.objects.count() == 0


def test_full_mentor_is_shown_as_such_and_the_form_is_closed(client, mentor, mentee):
    mentor.capacity = 1
    mentor.save()
    MentorshipFactory(mentor=mentor.user)
    client.force_login(mentee)
    html = client.get("/mentoring/mentors/").content.decode()
    assert "Full: 1 of 1 mentees" in html
    assert f"/mentoring/mentors/{mentor.user.username}/ask/" not in html
    response = client.post(
        f"/mentoring/mentors/{mentor.user.username}/ask/",
        {"goals": "x", "duration_months": "3", "language": "en"},
    )
    assert response.status_code == 200
    assert "not taking new mentees" in response.content.decode()
    assert MentoringRequest.objects.count() == 0


def test_a_mentor_who_blocked_a_member_receives_no_request_from_them(client, mentor, mentee):
    Block.objects.create(blocker=mentor.user, blocked=mentee)
    with pytest.raises(ValidationError, match="does not accept contact from you"):
        ask(mentee, mentor)
    client.force_login(mentee)
    assert client.get(f"/mentoring/mentors/{mentor.user.username}/ask/").status_code == 404
    listed = client.get("/mentoring/mentors/").context["page_obj"].object_list
    assert mentor not in [item.mentor for item in listed]


def test_one_pending_request_per_mentor(mentor, mentee):
    ask(mentee, mentor)
    with pytest.raises(ValidationError, match="already asked"):
        ask(mentee, mentor)


def test_language_must_be_one_the_mentor_offers(mentor, mentee):
    with pytest.raises(ValidationError, match="language this mentor offers"):
        ask(mentee, mentor, language="es")


def test_innovation_must_be_the_mentees_own(mentor, mentee):
    from tests.factories import InnovationFactory

    with pytest.raises(ValidationError, match="your own innovations"):
        ask(mentee, mentor, innovation=InnovationFactory())
    own = InnovationFactory(owner=mentee)
    assert ask(mentee, mentor, innovation=own).innovation == own


def test_only_the_mentor_answers(mentor, mentee, other_mentor):
    from django.core.exceptions import PermissionDenied

    request = ask(mentee, mentor)
    with pytest.raises(PermissionDenied):
        request_accept(request=request, by=other_mentor.user)
    with pytest.raises(PermissionDenied):
        request_accept(request=request, by=mentee)


def test_filling_the_last_place_declines_the_other_requests(
    mentor, mentee, django_capture_on_commit_callbacks
):
    mentor.capacity = 1
    mentor.save()
    first = ask(mentee, mentor)
    second_mentee = speaks(UserFactory(display_name="Sam Second"), "en")
    second = ask(second_mentee, mentor)
    with django_capture_on_commit_callbacks(execute=True):
        request_accept(request=first, by=mentor.user)
    second.refresh_from_db()
    assert (second.status, second.mentor_became_full) == ("declined", True)
    assert "Their places filled up" in to(second_mentee)[0].body
    with pytest.raises(ValidationError, match="no longer waiting"):
        request_accept(request=second, by=mentor.user)


def test_accept_and_decline_from_the_inbox_with_signed_links(
    client, mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(mentee, mentor)
    body = to(mentor.user)[0].body
    path, decline_path = action_paths(body)
    page = client.get(path)
    assert page.status_code == 200
    assert "Accept Emeka Mentee&#x27;s request" in page.content.decode()
    client.post(path)
    request.refresh_from_db()
    assert request.status == "accepted"
    assert Mentorship.objects.filter(request=request).count() == 1
    # A second click, or the decline link afterwards, changes nothing.
    client.post(path)
    assert client.get(decline_path).status_code == 404
    request.refresh_from_db()
    assert request.status == "accepted"
    assert Mentorship.objects.count() == 1


def test_decline_link_declines(client, mentor, mentee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(mentee, mentor)
    client.post(action_paths(to(mentor.user)[0].body)[1])
    request.refresh_from_db()
    assert request.status == "declined"


def test_a_forwarded_action_link_never_acts_for_another_member(
    client, mentor, mentee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(mentee, mentor)
    client.force_login(mentee)
    assert client.post(action_paths(to(mentor.user)[0].body)[0]).status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_accepting_when_full_says_why_and_keeps_the_message(client, mentor, mentee):
    request = ask(mentee, mentor)
    mentor.capacity = 1
    mentor.save()
    MentorshipFactory(mentor=mentor.user)  # the place went meanwhile
    client.force_login(mentor.user)
    response = client.post(
        f"/mentoring/requests/{request.pk}/respond/",
        {"decision": "accept", "message": "My typed welcome"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "All your places are taken (1 of 1)" in html
    assert "My typed welcome" in html
    request.refresh_from_db()
    assert request.status == "pending"


def test_the_beat_tasks_run_the_scans(mentor, mentee):
    from unittest import mock

    from mentoring.tasks import scan_mentorships, scan_requests

    ask(mentee, mentor, now=T0)
    MentorshipFactory(mentor=mentor.user, mentee=UserFactory(), started_at=T0)
    with mock.patch("django.utils.timezone.now", return_value=T0 + timedelta(days=15)):
        assert scan_requests.delay().get() == {"expired": 1, "reminded": 0}
        assert scan_mentorships.delay().get() == 1
