"""A moderator's decision reaches the person whichever way it is taken: the admin list's
action, the buttons on the object's change page, or the review pages (network.admin_actions.
DecisionsAdmin). Each decision emails and notifies, carries the moderator's note, sets its
dates and is in the audit log."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from innovations.models import Innovation, Revision
from members.models import User
from network import moderation
from network.models import AuditEntry, Report
from tests.factories import (
    AffiliationFactory,
    ApplicantFactory,
    EventFactory,
    InnovationFactory,
    OrganisationFactory,
    RegistrationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return StaffFactory(display_name="Mo Moderator", email="mod@example.org")


@pytest.fixture
def staff_client(client, moderator):
    client.force_login(moderator)
    return client


def decide(obj, name):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/decide/{name}/"


def audited(obj, action):
    return AuditEntry.objects.filter(action=action, object_id=str(obj.pk)).exists()


# --- members --------------------------------------------------------------------------------
def test_an_applicants_change_page_offers_the_decisions_and_a_members_others(staff_client):
    applicant = ApplicantFactory()
    page = staff_client.get(f"/admin/members/user/{applicant.pk}/change/").content.decode()
    for label in ("Approve", "Decline with a reason", "Ask for more information"):
        assert f'<button type="submit">{label}</button>' in page
    assert f"/admin/members/user/{applicant.pk}/review/" in page
    assert '<button type="submit">Suspend</button>' not in page  # declined, not suspended
    member = UserFactory()
    page = staff_client.get(f"/admin/members/user/{member.pk}/change/").content.decode()
    assert '<button type="submit">Suspend</button>' in page
    assert '<button type="submit">Approve</button>' not in page
    # A decision that does not apply to the member is refused, not run.
    assert staff_client.post(decide(member, "approve")).status_code == 403
    assert staff_client.post(decide(member, "unsuspend")).status_code == 403


def test_approving_from_the_change_page_welcomes_the_applicant(
    staff_client, moderator, django_capture_on_commit_callbacks
):
    applicant = ApplicantFactory(email="ama@example.org", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(decide(applicant, "approve"))
    assert response["Location"] == f"/admin/members/user/{applicant.pk}/change/"
    applicant.refresh_from_db()
    assert applicant.status == User.Status.APPROVED
    assert applicant.profile.decided_by == moderator
    assert applicant.profile.decided_at is not None
    [email] = mail.outbox
    assert email.to == ["ama@example.org"]
    assert "approuvée" in email.subject
    assert applicant.notifications.get().kind == "application_decided"
    assert audited(applicant, "application_approved")


def test_declining_from_the_change_page_asks_the_reason_then_sends_it(
    staff_client, django_capture_on_commit_callbacks
):
    applicant = ApplicantFactory(email="decl@example.org")
    form = staff_client.post(decide(applicant, "decline"))
    assert form.status_code == 200
    assert "Reason, sent to the applicants" in form.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == User.Status.APPLICANT
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            decide(applicant, "decline"), {"reason": "We could not confirm your organisation."}
        )
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.status == User.Status.DECLINED
    assert "We could not confirm your organisation." in mail.outbox[0].body
    assert applicant.notifications.get().kind == "application_decided"
    assert audited(applicant, "application_declined")


def test_a_question_reaches_the_applicant_whose_answer_reaches_the_moderators(
    staff_client, moderator, django_capture_on_commit_callbacks
):
    applicant = ApplicantFactory(email="q@example.org", display_name="Kofi Mensah")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide(applicant, "ask"), {"question": "Which centre do you run?"})
    applicant.refresh_from_db()
    assert applicant.status == User.Status.APPLICANT  # still in the queue
    [email] = mail.outbox
    assert email.to == ["q@example.org"]
    assert "Which centre do you run?" in email.body
    assert "/members/me/" in email.body
    assert applicant.notifications.get().url == "/members/me/"
    assert audited(applicant, "application_question")

    client = Client()
    client.force_login(applicant)
    page = client.get("/members/me/").content.decode()
    assert "Which centre do you run?" in page
    refused = client.post("/members/me/", {"answer": "  "})
    assert "This field is required." in refused.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/members/me/", {"answer": "Kumasi Technical Institute."})
    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["mod@example.org"]
    assert "Kumasi Technical Institute." in email.body
    assert f"/admin/members/user/{applicant.pk}/review/" in email.body
    review = staff_client.get(f"/admin/members/user/{applicant.pk}/review/").content.decode()
    assert review.index("Which centre do you run?") < review.index("Kumasi Technical Institute.")
    queue = staff_client.get("/admin/members/user/review/").content.decode()
    assert "answered your question" in queue


def test_a_member_cannot_answer_for_an_application_nobody_questioned(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    client.post("/members/me/", {"answer": "Unasked."})
    applicant.profile.refresh_from_db()
    assert applicant.profile.answer == ""


def test_the_review_queue_shows_what_a_moderator_decides_on(staff_client):
    new_org = OrganisationFactory(name="Accra Skills Lab", pending=True)
    known = OrganisationFactory(name="Known Institute")
    ada = ApplicantFactory(display_name="Ada Applicant")  # her address confirmed
    ada.profile.country = "GH"
    ada.profile.motivation = "To learn from peers about apprenticeships in the informal economy."
    ada.profile.save()
    AffiliationFactory(user=ada, organisation=new_org)
    ben = ApplicantFactory(display_name="Ben Applicant", verified_email=False)
    EmailAddress.objects.create(user=ben, email=ben.email, verified=False, primary=True)
    AffiliationFactory(user=ben, organisation=known)
    UserFactory(display_name="Already Member")
    page = staff_client.get("/admin/members/user/review/").content.decode()
    assert "Already Member" not in page
    ada_row = page[page.index("Ada Applicant") : page.index("</tr>", page.index("Ada Applicant"))]
    assert "Accra Skills Lab" in ada_row and "(new)" in ada_row
    assert "Ghana" in ada_row
    assert "To learn from peers" in ada_row
    assert "<td>yes</td>" in ada_row
    ben_row = page[page.index("Ben Applicant") : page.index("</tr>", page.index("Ben Applicant"))]
    assert "Known Institute" in ben_row and "(new)" not in ben_row
    assert "<td>not yet</td>" in ben_row
    # Oldest first; each opens on its motivation, with the decisions and the next one.
    assert page.index("Ada Applicant") < page.index("Ben Applicant")
    review = staff_client.get(f"/admin/members/user/{ada.pk}/review/").content.decode()
    assert (
        review.index("Motivation")
        < review.index("To learn from peers")
        < review.index("Approve")
        < review.index("Details")
    )
    assert f'name="next" value="/admin/members/user/{ben.pk}/review/"' in review


def test_the_review_queue_reads_in_constant_queries(staff_client, django_assert_num_queries):
    def make(count):
        for _ in range(count):
            applicant = ApplicantFactory()
            AffiliationFactory(user=applicant, organisation=OrganisationFactory())

    make(2)
    staff_client.get("/admin/members/user/review/")  # session and permissions cached
    with django_assert_num_queries(8):
        staff_client.get("/admin/members/user/review/")
    make(8)
    with django_assert_num_queries(8):
        staff_client.get("/admin/members/user/review/")


def test_members_and_applicants_cannot_take_decisions(client, django_capture_on_commit_callbacks):
    applicant = ApplicantFactory()
    for person in (UserFactory(), applicant, StaffFactory(two_factor=False)):
        client.force_login(person)
        response = client.post(decide(applicant, "approve"))
        assert response.status_code == 302
        assert "/admin/" not in response["Location"] or "/login/" in response["Location"]
    applicant.refresh_from_db()
    assert applicant.status == User.Status.APPLICANT


# --- innovations ----------------------------------------------------------------------------
@pytest.fixture
def submitted(db):
    owner = UserFactory(email="owner@example.org")
    return InnovationFactory(
        title="Solar workshop", owner=owner, status="submitted", published_at=None
    )


def test_publishing_from_the_list_carries_the_moderators_note(
    staff_client, submitted, django_capture_on_commit_callbacks
):
    form = staff_client.post(
        "/admin/innovations/innovation/", {"action": "publish", "_selected_action": [submitted.pk]}
    )
    assert "Note for the team (optional)" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            "/admin/innovations/innovation/",
            {"action": "publish", "_selected_action": [submitted.pk],
             "note": "Congratulations: we fixed a typo in the summary."},
        )  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.status == "published"
    assert submitted.published_at is not None
    [email] = mail.outbox
    assert email.to == ["owner@example.org"]
    assert "Congratulations: we fixed a typo in the summary." in email.body
    assert submitted.owner.notifications.get().kind == "innovation_reviewed"
    assert audited(submitted, "innovation_published")


def test_publishing_from_the_change_page_without_a_note(
    staff_client, submitted, django_capture_on_commit_callbacks
):
    page = staff_client.get(f"/admin/innovations/innovation/{submitted.pk}/change/")
    assert '<button type="submit">Publish</button>' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(decide(submitted, "publish"), {"note": ""})
    assert response["Location"] == f"/admin/innovations/innovation/{submitted.pk}/change/"
    submitted.refresh_from_db()
    assert (submitted.status, submitted.review_note) == ("published", "")
    assert submitted.published_at is not None
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
    assert audited(submitted, "innovation_published")


def test_changes_asked_on_the_review_page_then_shown_when_sent_again(
    staff_client, submitted, django_capture_on_commit_callbacks
):
    later = InnovationFactory(title="Later one", status="submitted", published_at=None)
    review = staff_client.get(f"/admin/innovations/innovation/{submitted.pk}/review/")
    html = review.content.decode()
    assert "This is the first version a moderator sees." in html
    assert "Training in workshops with employers." in html  # the content as members see it
    assert f'value="/admin/innovations/innovation/{later.pk}/review/"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            decide(submitted, "request_changes"),
            {"note": "Add evidence of results.", "next": f"/admin/innovations/innovation/{later.pk}/review/"},
        )  # fmt: skip
    assert response["Location"] == f"/admin/innovations/innovation/{later.pk}/review/"
    submitted.refresh_from_db()
    assert submitted.status == "changes_requested"
    assert "Add evidence of results." in mail.outbox[0].body
    assert Revision.objects.filter(innovation=submitted, proposed=False).count() == 1
    # The team adds evidence and sends it again: the moderator sees what changed.
    Innovation.objects.filter(pk=submitted.pk).update(
        evidence="Placement rose from 40% to 70%.", status="submitted"
    )
    html = staff_client.get(f"/admin/innovations/innovation/{submitted.pk}/review/").content
    html = html.decode()
    assert "Changes since the last version" in html
    row = html[html.index('<th scope="row">evidence</th>') :]
    assert "Placement rose from 40% to 70%." in row[: row.index("</tr>")]


def test_an_offsite_next_address_is_not_followed(staff_client, submitted):
    response = staff_client.post(
        decide(submitted, "publish"), {"note": "", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/admin/innovations/innovation/{submitted.pk}/change/"


# --- resources ------------------------------------------------------------------------------
def test_approving_a_resource_from_its_review_page_tells_the_contributor(
    staff_client, django_capture_on_commit_callbacks
):
    contributor = UserFactory(email="contrib@example.org")
    resource = ResourceFactory(
        title="Employer checklist", status="submitted", published_at=None,
        contributor=contributor, link="https://example.org/checklist",
    )  # fmt: skip
    queue = staff_client.get("/admin/resources/resource/review/").content.decode()
    assert "Employer checklist" in queue
    review = staff_client.get(f"/admin/resources/resource/{resource.pk}/review/").content
    assert b"Approve and publish" in review
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            decide(resource, "approve"), {"next": "/admin/resources/resource/review/"}
        )
    resource.refresh_from_db()
    assert resource.status == "published"
    assert resource.published_at is not None
    assert [m.to for m in mail.outbox] == [["contrib@example.org"]]
    assert contributor.notifications.get().kind == "resource_reviewed"
    assert audited(resource, "resource_published")
    assert (
        b"No resource is waiting." in staff_client.get("/admin/resources/resource/review/").content
    )


# --- events ---------------------------------------------------------------------------------
def test_cancelling_from_the_change_page_tells_the_registrants(
    client, django_capture_on_commit_callbacks
):
    client.force_login(StaffFactory(is_superuser=True))
    event = EventFactory(title="Called off")
    registration = RegistrationFactory(event=event)
    page = client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert '<button type="submit">Cancel (tells the registrants)</button>' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide(event, "cancel_events"))
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert event.cancelled_at is not None
    assert audited(event, "event_cancelled")
    [email] = mail.outbox
    assert (email.subject, email.to) == ("Cancelled: Called off", [registration.user.email])
    assert registration.user.notifications.exists()


# --- reports --------------------------------------------------------------------------------
def test_deciding_a_report_from_its_change_page_tells_the_author(
    staff_client, django_capture_on_commit_callbacks
):
    author = UserFactory(email="author@example.org")
    innovation = InnovationFactory(title="Reported one", owner=author)
    moderation.report_create(reporter=UserFactory(), target=innovation, reason="spam")
    report = Report.objects.get()
    page = staff_client.get(f"/admin/network/report/{report.pk}/change/").content.decode()
    assert '<button type="submit">Decide (with a note)</button>' in page
    form = staff_client.post(decide(report, "resolve"))
    assert "Note to the author (the reason)" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            decide(report, "resolve"), {"outcome": "removed", "note": "Advertising, not skills."}
        )
    report.refresh_from_db()
    assert report.resolved_at is not None
    innovation.refresh_from_db()
    assert innovation.hidden_at is not None
    assert any(
        m.to == ["author@example.org"] and "Advertising, not skills." in m.body for m in mail.outbox
    )
