"""Automatic issuing: each kind of achievement, exactly once whatever the retries; by hand
with a reason (audited); the member told through their notification preferences."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from credentials import tasks
from credentials.models import Credential
from credentials.services import credential_issue_manually, credential_revoke
from mentoring.models import Feedback
from network.models import AuditEntry, Notification
from tests.factories import (
    EventFactory,
    EventHostFactory,
    InnovationFactory,
    MentorshipFactory,
    ProgrammeFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def past_event(**fields):
    start = timezone.now() - timedelta(days=3)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def issued(achievement):
    return sorted(
        Credential.objects.filter(achievement=achievement).values_list(
            "member__username", "occasion"
        )
    )


def confirmed_mentorship(**fields):
    mentorship = MentorshipFactory(status="completed", ended_at=timezone.now(), **fields)
    for author, role in ((mentorship.mentor, "mentor"), (mentorship.mentee, "mentee")):
        Feedback.objects.create(mentorship=mentorship, author=author, role=role, rating=5)
    return mentorship


def test_attending_a_training_issues_one_credential_whatever_the_retries(achievements):
    training = past_event(type="training", title="Green skills for trainers")
    webinar = past_event(type="webinar")
    came = RegistrationFactory(event=training, user=UserFactory(username="came"), attended=True)
    RegistrationFactory(event=training, user=UserFactory(username="absent"), attended=False)
    RegistrationFactory(event=webinar, user=came.user, attended=True)  # not a type that counts
    for _retry in range(3):
        tasks.issue(kind="attended", ids=[training.pk])
        tasks.scan()
    assert issued(achievements["attended"]) == [("came", f"event:{training.pk}")]
    credential = Credential.objects.get()
    assert credential.occasion_label == "Attended “Green skills for trainers”"
    assert credential.jwt.count(".") == 2


def test_a_members_only_event_keeps_its_title_out_of_the_public_credential(achievements):
    event = past_event(type="session", visibility="members", title="Members' secret plans")
    RegistrationFactory(event=event, user=UserFactory(), attended=True)
    tasks.scan()
    assert Credential.objects.get().occasion_label == "Attended a members' session"


def test_hosting_issues_once_the_session_has_taken_place(achievements):
    upcoming = EventFactory()
    done = past_event()
    EventHostFactory(event=upcoming, user=UserFactory(username="soon"))
    EventHostFactory(event=done, user=UserFactory(username="host"))
    EventHostFactory(event=done, user=UserFactory(username="speaker"), role="speaker")
    tasks.scan()
    tasks.scan()
    assert issued(achievements["hosted"]) == [("host", f"event:{done.pk}")]


def test_a_mentorship_counts_when_both_sides_confirmed_it(achievements):
    mentor, mentee = UserFactory(username="mentor"), UserFactory(username="mentee")
    mentorship = MentorshipFactory(mentor=mentor, mentee=mentee, status="completed")
    Feedback.objects.create(mentorship=mentorship, author=mentee, role="mentee", rating=4)
    tasks.scan()
    assert issued(achievements["mentorship"]) == []  # the mentor has not confirmed yet
    Feedback.objects.create(mentorship=mentorship, author=mentor, role="mentor", rating=5)
    tasks.issue(kind="mentorship", ids=[mentorship.pk])
    tasks.issue(kind="mentorship", ids=[mentorship.pk])
    occasion = f"mentorship:{mentorship.pk}"
    assert issued(achievements["mentorship"]) == [("mentee", occasion), ("mentor", occasion)]
    assert issued(achievements["programme"]) == []  # not in a programme


def test_completing_a_programme_issues_to_both_sides(achievements):
    programme = ProgrammeFactory()
    mentorship = confirmed_mentorship(
        programme=programme, mentor=UserFactory(username="m1"), mentee=UserFactory(username="m2")
    )
    tasks.scan()
    tasks.scan()
    occasion = f"programme:{programme.pk}"
    assert issued(achievements["programme"]) == [("m1", occasion), ("m2", occasion)]
    assert len(issued(achievements["mentorship"])) == 2
    assert mentorship.pk


def test_an_innovation_that_reached_evaluated_credits_its_team(achievements):
    owner = UserFactory(username="owner")
    pilot = InnovationFactory(owner=owner, stage="pilot")
    tasks.scan()
    assert issued(achievements["innovation"]) == []
    pilot.stage = "scaling"  # beyond evaluated counts too
    pilot.save()
    tasks.issue(kind="innovation_stage", ids=[pilot.pk])
    tasks.scan()
    assert issued(achievements["innovation"]) == [("owner", f"innovation:{pilot.pk}")]


def test_saves_queue_the_issuing_task(achievements, django_capture_on_commit_callbacks):
    event = past_event(type="session")
    registration = RegistrationFactory(event=event, user=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        registration.attended = True
        registration.save()
    assert Credential.objects.filter(member=registration.user).count() == 1


def test_the_member_is_notified_by_their_preference(
    achievements, django_capture_on_commit_callbacks
):
    member = UserFactory()
    member.profile.delivery = "immediate"
    member.profile.save()
    RegistrationFactory(event=past_event(), user=member, attended=True)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.scan()
    notification = Notification.objects.get(recipient=member, kind="credential_issued")
    assert notification.url == Credential.objects.get().get_absolute_url()
    assert len(mail.outbox) == 1
    muted = UserFactory()
    muted.profile.delivery = "immediate"
    muted.profile.muted_kinds = ["credential_issued"]
    muted.profile.save()
    RegistrationFactory(event=past_event(), user=muted, attended=True)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.scan()
    assert len(mail.outbox) == 1


def test_staff_issue_and_revoke_with_a_reason_in_the_audit_log(achievements):
    staff, member = StaffFactory(), UserFactory()
    credential = credential_issue_manually(
        member=member, achievement=achievements["hosted"], by=staff, reason="Hosted offline."
    )
    credential_revoke(credential=credential, by=staff, reason="Issued by mistake.")
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "reason"))
    assert actions == [
        ("credential_issue", "Hosted offline."),
        ("credential_revoke", "Issued by mistake."),
    ]
    assert Credential.objects.get().state() == "revoked"
