from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from innovations.models import Comment
from members.models import User
from network.models import AuditEntry, Report
from tests.factories import (
    ApplicantFactory,
    InnovationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def staff_in(group, **kwargs):
    user = StaffFactory(moderator=False, **kwargs)
    user.groups.set([Group.objects.get(name=group)])
    return user


@pytest.fixture
def moderator():
    return staff_in("Moderators")


@pytest.fixture
def manager():
    return staff_in("Programme and event managers")


def long_standing_members(count, **fields):
    """Members approved long enough ago for their reports to weigh (REPORT_TRUSTED_AFTER_DAYS)."""
    joined = timezone.now() - timedelta(days=30)
    return UserFactory.create_batch(count, date_joined=joined, **fields)


def report(client, reporter, target_path, reason="spam"):
    client.force_login(reporter)
    return client.post(target_path, {"reason": reason, "note": "Looks like spam."})


def report_path(obj):
    return f"/report/{obj._meta.label_lower.replace('.', '-')}/{obj.pk}/"


# --- roles -------------------------------------------------------------------------------
def test_moderator_can_approve_members(client, moderator):
    applicant = ApplicantFactory()
    client.force_login(moderator)
    client.post("/admin/members/user/", {"action": "approve", "_selected_action": [applicant.pk]})
    applicant.refresh_from_db()
    assert applicant.status == "approved"


def test_programme_manager_cannot_approve_members(client, manager):
    applicant = ApplicantFactory()
    client.force_login(manager)
    response = client.post(
        "/admin/members/user/", {"action": "approve", "_selected_action": [applicant.pk]}
    )
    applicant.refresh_from_db()
    assert applicant.status == "applicant"
    assert response.status_code in (200, 302, 403)
    assert client.get("/admin/network/report/").status_code == 403
    assert client.get(f"/admin/members/user/{applicant.pk}/change/").status_code == 200
    assert client.post(f"/admin/members/user/{applicant.pk}/change/", {}).status_code == 403


@pytest.mark.parametrize(
    "path, moderator_status",
    [
        ("/admin/innovations/innovation/", 200),
        ("/admin/network/report/", 200),
        ("/admin/network/auditentry/", 200),
        ("/admin/members/organisation/", 200),
        ("/admin/resources/resource/", 200),
        ("/admin/resources/collection/", 200),
        ("/admin/auth/group/", 403),
        ("/admin/taggit/tag/", 403),
        ("/admin/moderation/", 200),
    ],
)
def test_moderator_reaches_exactly_their_queues(client, moderator, path, moderator_status):
    client.force_login(moderator)
    assert client.get(path).status_code == moderator_status


def test_moderator_cannot_change_staff_or_grant_roles(client, moderator):
    other_staff = StaffFactory()
    member = UserFactory()
    client.force_login(moderator)
    assert client.post(f"/admin/members/user/{other_staff.pk}/change/", {}).status_code == 403
    page = client.get(f"/admin/members/user/{member.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="groups"' not in page


def test_moderator_cannot_set_a_members_password(client, moderator):
    """Setting a password is taking over the account; the change form shows it read-only and
    the password page itself refuses too."""
    member = UserFactory()
    client.force_login(moderator)
    url = f"/admin/members/user/{member.pk}/password/"
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"password1": "a-new-long-password", "password2": "a-new-long-password"}
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.check_password("a-long-test-password")


def test_merging_tags_needs_the_tag_permission(client, moderator):
    from taggit.models import Tag

    Tag.objects.create(name="apprenticeship")
    client.force_login(moderator)
    session = client.session
    session["selected_tag_ids"] = str(Tag.objects.get().pk)
    session.save()
    assert client.get("/admin/taggit/tag/merge-tags/").status_code == 403
    assert client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "x"}).status_code == 403
    assert list(Tag.objects.values_list("name", flat=True)) == ["apprenticeship"]


def test_dashboard_counts_the_queues(client, moderator):
    ApplicantFactory.create_batch(2)
    InnovationFactory(status="submitted", published_at=None)
    client.force_login(moderator)
    queues = {q["url"]: q["count"] for q in client.get("/admin/moderation/").context["queues"]}
    assert queues["/admin/members/user/review/"] == 2
    assert queues["/admin/innovations/innovation/review/"] == 1


def test_moderator_reviews_contributed_resources(client, moderator):
    """DESIGN §1: moderators review contributed resources, not only administrators."""
    waiting = ResourceFactory(status="submitted", published_at=None)
    client.force_login(moderator)
    queues = {q["url"]: q["count"] for q in client.get("/admin/moderation/").context["queues"]}
    assert queues["/admin/resources/resource/review/"] == 1
    response = client.post(
        "/admin/resources/resource/", {"action": "approve", "_selected_action": [waiting.pk]}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "published"
    assert client.get(f"/admin/resources/resource/{waiting.pk}/change/").status_code == 200
    # Reviewing is not removing: the record stays, with its history.
    assert client.get(f"/admin/resources/resource/{waiting.pk}/delete/").status_code == 403


# --- reports -------------------------------------------------------------------------------
def listing_paths(innovation):
    return [
        innovation.get_absolute_url(),
        "/innovations/",
        "/innovations/feed/",
        "/innovations/export.json",
        "/sitemap.xml",
        "/",
        f"/organisations/{innovation.organisation.slug}/" if innovation.organisation else "/",
    ]


def visible_anywhere(client, innovation):
    found = []
    if client.get(innovation.get_absolute_url()).status_code == 200:
        found.append("detail")
    for path in listing_paths(innovation)[1:]:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        if innovation.title in text or innovation.get_absolute_url() in text:
            found.append(path)
    return found


def test_three_reports_from_three_members_hide_content_until_a_moderator_acts(
    client, moderator, django_capture_on_commit_callbacks
):
    innovation = InnovationFactory(title="Suspicious innovation qq", featured=True)
    reporters = long_standing_members(3)
    for reporter in reporters[:2]:
        report(client, reporter, report_path(innovation))
    client.logout()
    assert len(visible_anywhere(client, innovation)) == 7
    with django_capture_on_commit_callbacks(execute=True):
        report(client, reporters[2], report_path(innovation))
    innovation.refresh_from_db()
    assert innovation.hidden_at is not None
    for viewer in (None, UserFactory(), innovation.owner):
        client.logout()
        if viewer:
            client.force_login(viewer)
        assert visible_anywhere(client, innovation) == [], viewer
    assert AuditEntry.objects.get().action == "hidden_after_reports"

    client.force_login(moderator)
    client.post(
        "/admin/network/report/",
        {"action": "resolve", "_selected_action": list(Report.objects.values_list("pk", flat=True)),
         "outcome": "dismissed", "note": "Not spam."},
    )  # fmt: skip
    innovation.refresh_from_db()
    assert innovation.hidden_at is None
    assert Report.objects.filter(resolved_at=None).count() == 0
    client.logout()
    assert len(visible_anywhere(client, innovation)) == 7


def test_reports_from_new_accounts_do_not_hide_and_moderators_hear_of_a_hide_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    innovation = InnovationFactory(title="Reported by newcomers qq")
    for reporter in UserFactory.create_batch(3):  # approved today
        report(client, reporter, report_path(innovation))
    innovation.refresh_from_db()
    assert innovation.hidden_at is None
    assert Report.objects.filter(resolved_at=None).count() == 3
    assert not moderator.notifications.exists()
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in long_standing_members(3):
            report(client, reporter, report_path(innovation))
    innovation.refresh_from_db()
    assert innovation.hidden_at is not None
    notice = moderator.notifications.get()
    assert "Reported by newcomers qq" in notice.message
    assert notice.url == "/admin/network/report/?resolved_at__isempty=1"
    assert [message.to for message in mail.outbox] == [[moderator.email]]


def test_one_member_reporting_three_times_does_not_hide(client):
    innovation = InnovationFactory()
    reporter = UserFactory()
    for _ in range(3):
        report(client, reporter, report_path(innovation))
    innovation.refresh_from_db()
    assert innovation.hidden_at is None
    assert Report.objects.count() == 1


def test_reported_comment_is_hidden_and_reporters_stay_anonymous(client, moderator):
    innovation = InnovationFactory()
    author = UserFactory(display_name="Rude Commenter")
    comment = Comment.objects.create(innovation=innovation, author=author, body="Rude words zz")
    reporters = long_standing_members(3, display_name="Careful Reporter")
    for reporter in reporters:
        report(client, reporter, report_path(comment), reason="harassment")
    client.force_login(UserFactory())
    assert "Rude words zz" not in client.get(innovation.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(
        "/admin/network/report/",
        {"action": "resolve", "_selected_action": list(Report.objects.values_list("pk", flat=True)),
         "outcome": "removed", "note": "Harassment is not allowed here."},
    )  # fmt: skip
    notice = author.notifications.get()
    assert "Content removed" in notice.message
    assert "Careful Reporter" not in notice.message
    client.force_login(author)
    assert "Careful Reporter" not in client.get("/notifications/").content.decode()


def test_nobody_can_report_what_they_cannot_see(client):
    draft = InnovationFactory(status="draft", published_at=None)
    client.force_login(UserFactory())
    assert client.get(report_path(draft)).status_code == 404
    client.force_login(ApplicantFactory())
    assert client.get(report_path(InnovationFactory())).status_code == 404


# --- suspension --------------------------------------------------------------------------
def test_suspended_member_cannot_sign_in_nor_be_seen_and_comes_back_intact(client, moderator):
    member = UserFactory(email="sus@example.org", display_name="Suspended Person")
    member.profile.visibility = "public"
    member.profile.save()
    innovation = InnovationFactory(owner=member, title="Their innovation qq")
    other = InnovationFactory()
    Comment.objects.create(innovation=other, author=member, body="Their comment zz")

    client.force_login(moderator)
    client.post(
        "/admin/members/user/",
        {"action": "suspend", "_selected_action": [member.pk], "reason": "Repeated spam."},
    )
    member.refresh_from_db()
    assert member.is_active is False
    assert AuditEntry.objects.get(action="user_suspended").reason == "Repeated spam."

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "sus@example.org", "password": "a-long-test-password"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    client.force_login(UserFactory())
    assert client.get(f"/members/{member.username}/").status_code == 404
    assert "Suspended Person" not in client.get("/members/").content.decode()
    assert client.get(innovation.get_absolute_url()).status_code == 404
    assert "Their innovation qq" not in client.get("/innovations/").content.decode()
    assert "Their comment zz" not in client.get(other.get_absolute_url()).content.decode()

    client.force_login(moderator)
    client.post("/admin/members/user/", {"action": "unsuspend", "_selected_action": [member.pk]})
    client.force_login(UserFactory())
    assert client.get(innovation.get_absolute_url()).status_code == 200
    assert "Their comment zz" in client.get(other.get_absolute_url()).content.decode()
    assert client.get(f"/members/{member.username}/").status_code == 200
    client.logout()
    client.post(
        "/accounts/login/", {"login": "sus@example.org", "password": "a-long-test-password"}
    )
    assert client.session["_auth_user_id"] == str(member.pk)


# --- audit log -----------------------------------------------------------------------------
def test_audit_entries_cannot_be_changed_or_deleted_in_admin(client, moderator):
    admin_user = staff_in("Moderators", is_superuser=True)
    entry = AuditEntry.objects.create(actor=moderator, action="test", object_repr="x", reason="r")
    for user in (moderator, admin_user):
        client.force_login(user)
        change = client.post(f"/admin/network/auditentry/{entry.pk}/change/", {"reason": "edited"})
        assert change.status_code == 403
        delete = client.post(f"/admin/network/auditentry/{entry.pk}/delete/", {"post": "yes"})
        assert delete.status_code == 403
        bulk = client.post(
            "/admin/network/auditentry/",
            {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
        )
        assert bulk.status_code in (200, 302)
    entry.refresh_from_db()
    assert entry.reason == "r"
    assert AuditEntry.objects.count() == 1


def test_decisions_are_audited(client, moderator):
    applicant = ApplicantFactory()
    client.force_login(moderator)
    client.post(
        "/admin/members/user/",
        {"action": "decline", "_selected_action": [applicant.pk], "reason": "Not in skills."},
    )
    assert list(AuditEntry.objects.values_list("action", "reason")) == [
        ("application_declined", "Not in skills.")
    ]
    assert User.objects.get(pk=applicant.pk).status == "declined"
