"""Mentorships: goals, the sessions log, the 14-day check-in, completing with feedback (the
mentor's note never reaches the mentee), ending early with a reason, and the counts."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from mentoring.models import (
    Feedback,
    Goal,
    Mentorship,
    Reminder,
    Session,
    completed_mentorship_counts,
)
from mentoring.services.mentorships import (
    checkins_scan,
    feedback_give,
    goal_add,
    mentorship_complete,
    mentorship_end,
    session_log,
)
from tests.factories import MentorshipFactory, StaffFactory, UserFactory
from tests.mentoring.conftest import T0

pytestmark = [pytest.mark.django_db]

MENTOR_NOTE = "Needs to prepare better before sessions; promising though."
MENTEE_NOTE = "Marta opened doors with three employers."


@pytest.fixture
def mentorship(mentor, mentee):
    return MentorshipFactory(mentor=mentor.user, mentee=mentee, started_at=T0)


def to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_the_pair_keeps_a_goals_checklist(client, mentorship, mentee):
    client.force_login(mentee)
    client.post(f"/mentoring/mentorships/{mentorship.pk}/goals/", {"text": "Draft the MoU"})
    goal = Goal.objects.get()
    assert (goal.text, goal.done) == ("Draft the MoU", False)
    client.post(f"/mentoring/mentorships/{mentorship.pk}/goals/{goal.pk}/")
    goal.refresh_from_db()
    assert goal.done is True
    html = client.get(mentorship.get_absolute_url()).content.decode()
    assert "<s>Draft the MoU</s>" in html


def test_sessions_are_logged_and_the_partner_is_told(client, mentorship, mentor, mentee):
    client.force_login(mentor.user)
    response = client.post(
        f"/mentoring/mentorships/{mentorship.pk}/sessions/",
        {"held_on": "2026-03-05", "notes": "We mapped **employers**.", "next_steps": "Call two"},
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert (session.held_on, session.logged_by) == (date(2026, 3, 5), mentor.user)
    assert mentee.notifications.get().message == "Marta Mentor logged your session of 2026-03-05."
    html = client.get(mentorship.get_absolute_url()).content.decode()
    assert "We mapped <strong>employers</strong>." in html
    assert "Call two" in html


def test_bad_session_input_keeps_what_was_typed(client, mentorship, mentor):
    client.force_login(mentor.user)
    response = client.post(
        f"/mentoring/mentorships/{mentorship.pk}/sessions/",
        {"held_on": "not a date", "notes": "My long careful notes", "next_steps": "Step one"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid date." in html
    assert "My long careful notes" in html
    assert "Step one" in html
    assert Session.objects.count() == 0


def test_a_future_session_date_is_refused(client, mentorship, mentor):
    client.force_login(mentor.user)
    response = client.post(
        f"/mentoring/mentorships/{mentorship.pk}/sessions/",
        {"held_on": (date.today() + timedelta(days=30)).isoformat(), "notes": "Plan"},
    )
    assert "this date is in the future" in response.content.decode()
    assert Session.objects.count() == 0


def test_check_in_after_14_days_without_a_session_once_per_gap(
    mentorship, mentor, mentee, django_capture_on_commit_callbacks
):
    sent = {}
    midnight = T0.replace(hour=0)  # the mentorship started at 09:00 on day 0
    with django_capture_on_commit_callbacks(execute=True):
        for day in range(0, 31):
            for hour in (6, 18):  # twice a day: the second run must send nothing
                count = checkins_scan(now=midnight + timedelta(days=day, hours=hour))
                if count:
                    sent[day] = sent.get(day, 0) + count
    # Day 14 (14 days without a session) and day 28 (the second 14-day period).
    assert sent == {14: 1, 28: 1}
    assert [m.subject for m in to(mentor.user)] == [
        "How is your mentorship with Emeka Mentee going?"
    ] * 2
    assert [m.subject for m in to(mentee)] == [
        "How is your mentorship with Marta Mentor going?"
    ] * 2
    assert Reminder.objects.filter(kind="checkin").count() == 2


def test_a_logged_session_restarts_the_14_days(mentorship, mentor):
    session_log(
        mentorship=mentorship, by=mentor.user, held_on=date(2026, 3, 12), notes="", next_steps=""
    )
    assert checkins_scan(now=T0 + timedelta(days=20)) == 0  # 10 days after it
    assert checkins_scan(now=T0 + timedelta(days=24)) == 1  # 14 days after it
    assert checkins_scan(now=T0 + timedelta(days=25)) == 0


def test_completed_and_ended_mentorships_get_no_check_in(mentorship, mentor):
    mentorship_complete(mentorship=mentorship, by=mentor.user, now=T0)
    assert checkins_scan(now=T0 + timedelta(days=30)) == 0


def test_completing_asks_both_for_feedback_and_the_mentors_note_stays_with_staff(
    client, mentorship, mentor, mentee, django_capture_on_commit_callbacks
):
    client.force_login(mentee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/mentoring/mentorships/{mentorship.pk}/complete/")
    assert response["Location"] == f"/mentoring/mentorships/{mentorship.pk}/feedback/"
    mentorship.refresh_from_db()
    assert mentorship.status == "completed"
    assert [m.subject for m in to(mentor.user)] == ["Your mentorship with Emeka Mentee is complete"]
    assert "/feedback/" in to(mentee)[0].body
    client.post(response["Location"], {"rating": "5", "comment": MENTEE_NOTE})
    client.force_login(mentor.user)
    form_page = client.get(response["Location"]).content.decode()
    assert "your mentee never sees it" in form_page
    client.post(response["Location"], {"rating": "3", "comment": MENTOR_NOTE})
    assert sorted(Feedback.objects.values_list("role", "rating")) == [("mentee", 5), ("mentor", 3)]

    # The mentee never sees the mentor's note: not on the page, home, feedback form or data.
    client.force_login(mentee)
    for path in (
        mentorship.get_absolute_url(),
        "/mentoring/",
        f"/mentoring/mentorships/{mentorship.pk}/feedback/",
        "/members/me/export.json",
        "/notifications/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert MENTOR_NOTE not in response.content.decode(), path
    assert MENTEE_NOTE in client.get(mentorship.get_absolute_url()).content.decode()
    # The mentor reads the mentee's feedback; staff read both.
    client.force_login(mentor.user)
    assert MENTEE_NOTE in client.get(mentorship.get_absolute_url()).content.decode()
    client.force_login(StaffFactory())
    html = client.get(mentorship.get_absolute_url()).content.decode()
    assert MENTOR_NOTE in html and MENTEE_NOTE in html
    # No mentor note went out in any email either.
    assert not any(MENTOR_NOTE in m.body for m in mail.outbox)


def test_feedback_once_and_only_after_the_end(mentorship, mentee):
    with pytest.raises(ValidationError, match="when the mentorship ends"):
        feedback_give(mentorship=mentorship, by=mentee, rating=4, comment="")
    mentorship_complete(mentorship=mentorship, by=mentee)
    feedback_give(mentorship=mentorship, by=mentee, rating=4, comment="")
    with pytest.raises(ValidationError, match="already gave"):
        feedback_give(mentorship=mentorship, by=mentee, rating=2, comment="")
    with pytest.raises(PermissionDenied):
        feedback_give(mentorship=mentorship, by=UserFactory(), rating=2, comment="")


def test_either_side_ends_early_with_a_reason_the_other_is_told(
    client, mentorship, mentor, mentee, django_capture_on_commit_callbacks
):
    client.force_login(mentor.user)
    response = client.post(f"/mentoring/mentorships/{mentorship.pk}/end/", {"reason": ""})
    assert "This field is required." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/mentoring/mentorships/{mentorship.pk}/end/",
            {"reason": "I am moving to a new post and cannot keep our rhythm."},
        )
    mentorship.refresh_from_db()
    assert (mentorship.status, mentorship.ended_by) == ("ended", mentor.user)
    email = to(mentee)[0]
    assert email.subject == "Your mentorship with Marta Mentor has ended"
    assert "I am moving to a new post" in email.body
    assert "ended your mentorship early" in email.body
    with pytest.raises(ValidationError, match="has ended"):
        goal_add(mentorship=mentorship, by=mentee, text="More")


def test_completed_mentorships_are_counted_on_both_profiles(mentor, mentee):
    done = MentorshipFactory(mentor=mentor.user, mentee=mentee)
    mentorship_complete(mentorship=done, by=mentee)
    ended = MentorshipFactory(mentor=mentor.user, mentee=UserFactory())
    mentorship_end(mentorship=ended, by=mentor.user, reason="Moving on")
    MentorshipFactory(mentor=mentor.user, mentee=UserFactory())  # still active
    assert completed_mentorship_counts(mentor.user) == {"as_mentor": 1, "as_mentee": 0}
    assert completed_mentorship_counts(mentee) == {"as_mentor": 0, "as_mentee": 1}


def test_agreed_end_date_can_be_changed_by_the_pair(client, mentorship, mentee):
    client.force_login(mentee)
    client.post(
        f"/mentoring/mentorships/{mentorship.pk}/end-date/", {"agreed_end_date": "2026-08-31"}
    )
    mentorship.refresh_from_db()
    assert mentorship.agreed_end_date == date(2026, 8, 31)
    response = client.post(
        f"/mentoring/mentorships/{mentorship.pk}/end-date/", {"agreed_end_date": "2020-01-01"}
    )
    assert "cannot be before the start" in response.content.decode()
    mentorship.refresh_from_db()
    assert mentorship.agreed_end_date == date(2026, 8, 31)


def test_staff_see_but_do_not_write(mentorship):
    staff = StaffFactory()
    with pytest.raises(PermissionDenied):
        session_log(
            mentorship=mentorship, by=staff, held_on=date(2026, 3, 3), notes="", next_steps=""
        )
    assert Mentorship.objects.visible_to(staff).get() == mentorship
