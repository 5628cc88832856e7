from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from innovations.models import Adoption, Comment, Innovation, Revision, TeamMember
from network.models import AuditEntry
from tests.factories import InnovationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def full_form(**overrides):
    data = {
        "title": "Mobile apprenticeship logbooks",
        "summary": "Apprentices log skills on their phones; masters confirm them.",
        "problem": "Paper logbooks get lost.",
        "solution": "An offline-first phone app.",
        "evidence": "- 400 apprentices\n- **92%** completion",
        "stage": "pilot",
        "themes": ["apprenticeships-and-work-based-learning", "digital-skills"],
        "sdgs": ["4", "8"],
        "target_groups": ["youth"],
        "countries": ["GH", "KE"],
        "seeking": ["partners", "funding"],
        "tags": "mobile, logbooks",
        "links": "https://example.org/logbooks",
        "visibility": "public",
    }
    data.update(overrides)
    return data


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def test_draft_needs_only_a_title_and_keeps_typed_values(owner_client, owner):
    response = owner_client.post("/innovations/new/", {"title": "Just an idea", "action": "draft"})
    assert response.status_code == 302
    innovation = Innovation.objects.get(title="Just an idea")
    assert (innovation.status, innovation.owner) == ("draft", owner)
    response = owner_client.post(
        "/innovations/new/", full_form(title="", summary="x" * 301, action="draft")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Ensure this value has at most 300 characters (it has 301)." in html
    assert "An offline-first phone app." in html
    assert 'value="mobile, logbooks"' in html
    assert Innovation.objects.count() == 1


def test_incomplete_submission_is_saved_as_draft_with_what_is_missing(owner_client):
    response = owner_client.post(
        "/innovations/new/", {"title": "Half done", "summary": "Something", "action": "submit"}
    )
    innovation = Innovation.objects.get(title="Half done")
    assert innovation.status == "draft"
    assert response["Location"] == f"/innovations/{innovation.slug}/edit/"
    page = owner_client.get(response["Location"]).content.decode()
    assert "the problem, the solution, stage, at least one theme, at least one country" in page


def test_complete_submission_reaches_moderators(owner_client, django_capture_on_commit_callbacks):
    StaffFactory(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        owner_client.post("/innovations/new/", full_form(action="submit"))
    innovation = Innovation.objects.get()
    assert innovation.status == "submitted"
    assert sorted(innovation.facet_values("region")) == ["africa"]
    assert sorted(innovation.facet_values("country")) == ["GH", "KE"]
    assert sorted(innovation.tags.names()) == ["logbooks", "mobile"]
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]


def moderator_client(client):
    moderator = StaffFactory(is_superuser=True)
    client.force_login(moderator)
    return client


def test_review_cycle_request_changes_resubmit_publish(
    client, owner, teammate, make_innovation, django_capture_on_commit_callbacks
):
    innovation = make_innovation(status="submitted", published_at=None)
    moderator = moderator_client(client)
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(
            "/admin/innovations/innovation/",
            {"action": "request_changes", "_selected_action": [innovation.pk],
             "note": "Please add evidence from the pilot."},
        )  # fmt: skip
    innovation.refresh_from_db()
    assert innovation.status == "changes_requested"
    assert innovation.review_note == "Please add evidence from the pilot."
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, teammate.email])
    assert "Please add evidence from the pilot." in mail.outbox[0].body
    assert owner.notifications.get().kind == "innovation_reviewed"

    client.force_login(teammate)  # the team can edit and resubmit
    response = client.post(
        f"/innovations/{innovation.slug}/edit/", full_form(title=innovation.title, action="submit")
    )
    assert response.status_code == 302
    innovation.refresh_from_db()
    assert innovation.status == "submitted"

    moderator_client(client).post(
        "/admin/innovations/innovation/",
        {"action": "publish", "_selected_action": [innovation.pk], "note": ""},
    )
    innovation.refresh_from_db()
    assert innovation.status == "published"
    assert innovation.published_at is not None

    # Publishing it again (two moderators on the same queue) tells nobody anything new.
    mail.outbox.clear()
    entries = AuditEntry.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client(client).post(
            "/admin/innovations/innovation/",
            {"action": "publish", "_selected_action": [innovation.pk], "note": ""},
        )
    assert mail.outbox == []
    assert AuditEntry.objects.count() == entries
    assert Innovation.objects.get(pk=innovation.pk).published_at == innovation.published_at


def test_reject_needs_a_reason(client, make_innovation):
    innovation = make_innovation(status="submitted", published_at=None)
    moderator = moderator_client(client)
    page = moderator.post(
        "/admin/innovations/innovation/", {"action": "reject", "_selected_action": [innovation.pk]}
    )
    assert "Comments for the team" in page.content.decode()
    innovation.refresh_from_db()
    assert innovation.status == "submitted"


def test_editing_a_published_innovation_keeps_a_revision_that_can_be_reverted(
    client, owner, make_innovation
):
    innovation = make_innovation(title="Original title")
    client.force_login(owner)
    client.post(
        f"/innovations/{innovation.slug}/edit/", full_form(title="New title", action="draft")
    )
    innovation.refresh_from_db()
    assert (innovation.title, innovation.status) == ("Original title", "published")  # waits
    moderator = moderator_client(client)
    moderator.post(
        "/admin/innovations/revision/",
        {"action": "publish_changes", "_selected_action": [Revision.objects.proposed().get().pk]},
    )
    innovation.refresh_from_db()
    assert innovation.title == "New title"
    revision = Revision.objects.get(proposed=False)
    assert revision.data["title"] == "Original title"
    moderator.post(
        "/admin/innovations/revision/", {"action": "revert", "_selected_action": [revision.pk]}
    )
    innovation.refresh_from_db()
    assert innovation.title == "Original title"
    assert innovation.facet_values("theme") == ["digital-skills"]


def test_owner_archives_a_published_innovation(client, owner, make_innovation):
    innovation = make_innovation()
    client.force_login(owner)
    client.post(f"/innovations/{innovation.slug}/archive/")
    innovation.refresh_from_db()
    assert innovation.status == "archived"
    assert innovation.title not in client.get("/innovations/").content.decode()


def test_team_invitation(client, owner, make_innovation):
    innovation = make_innovation()
    newcomer = UserFactory(username="new-comer")
    client.force_login(owner)
    client.post(
        f"/innovations/{innovation.slug}/team/", {"username": "new-comer", "role": "Trainer"}
    )
    assert innovation.team.filter(user=newcomer, role="Trainer").exists()
    assert newcomer.notifications.get().kind == "innovation_team"
    client.force_login(newcomer)
    assert client.get(f"/innovations/{innovation.slug}/edit/").status_code == 200


def test_endorse_follow_and_update_reach_followers(client, owner, make_innovation):
    innovation = make_innovation()
    fan = UserFactory()
    client.force_login(fan)
    client.post(f"/innovations/{innovation.slug}/endorse/")
    client.post(f"/innovations/{innovation.slug}/endorse/")  # toggles back
    client.post(f"/innovations/{innovation.slug}/endorse/")
    client.post(f"/innovations/{innovation.slug}/follow/")
    assert innovation.endorsements.count() == 1
    client.force_login(owner)
    client.post(
        f"/innovations/{innovation.slug}/updates/", {"title": "Second cohort started", "body": ""}
    )
    assert fan.notifications.get().message == f"New on “{innovation.title}”: Second cohort started"


def test_comments_notify_the_team_and_can_be_edited_for_15_minutes(
    client, owner, teammate, make_innovation
):
    innovation = make_innovation()
    peer = UserFactory()
    client.force_login(peer)
    client.post(f"/innovations/{innovation.slug}/comments/", {"body": "Have you tried SMS?"})
    comment = Comment.objects.get()
    assert owner.notifications.get().kind == "innovation_comment"
    assert teammate.notifications.get().kind == "innovation_comment"
    edit_url = f"/innovations/{innovation.slug}/comments/{comment.pk}/edit/"
    client.post(edit_url, {"body": "Have you tried USSD?"})
    comment.refresh_from_db()
    assert comment.body == "Have you tried USSD?"
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = client.post(edit_url, {"body": "Too late"})
    assert "Comments can be edited for 15 minutes after posting." in response.content.decode()
    client.force_login(owner)
    assert client.get(edit_url).status_code == 404


def test_interest_reaches_the_team_without_exposing_addresses(
    client, owner, make_innovation, django_capture_on_commit_callbacks
):
    innovation = make_innovation()
    owner.profile.delivery = "immediate"
    owner.profile.save()
    funder = UserFactory(email="funder@example.org")
    client.force_login(funder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/innovations/{innovation.slug}/interest/",
            {"purpose": "support", "message": "We could fund a second pilot."},
        )
    assert response.status_code == 302
    owner_mail = next(m for m in mail.outbox if m.to == [owner.email])
    assert owner_mail.reply_to == []  # the team answers on the site
    assert "funder@example.org" not in owner_mail.body
    assert f"/members/{funder.username}/message/" in owner_mail.body
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert owner.email not in page
    client.force_login(owner)
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert "We could fund a second pilot." in page
    assert "funder@example.org" not in page
    assert f"/members/{funder.username}/message/?subject=" in page


def test_adoption_ledger_proposed_then_confirmed(client, owner, make_innovation):
    innovation = make_innovation()
    adopter = UserFactory()
    client.force_login(adopter)
    client.post(
        f"/innovations/{innovation.slug}/adoptions/",
        {"organisation_name": "Volta TVET", "country": "GH", "adopted_on": "2026-03-01",
         "adaptation": "Translated to Twi."},
    )  # fmt: skip
    adoption = Adoption.objects.get()
    assert adoption.status == "proposed"
    assert "Volta TVET" not in client.get("/innovations/").content.decode()
    client.force_login(owner)
    client.post(f"/innovations/{innovation.slug}/adoptions/{adoption.pk}/")
    adoption.refresh_from_db()
    assert adoption.status == "confirmed"
    client.logout()
    assert "Volta TVET" in client.get(innovation.get_absolute_url()).content.decode()
    assert "adopted 1 time" in client.get("/innovations/").content.decode()


def test_a_blocked_member_cannot_comment_on_the_blockers_innovation(client, owner, make_innovation):
    from members.models import Block

    innovation = make_innovation()
    troll = UserFactory()
    Block.objects.create(blocker=owner, blocked=troll)
    client.force_login(troll)
    response = client.post(f"/innovations/{innovation.slug}/comments/", {"body": "Again!"})
    assert "A member of this team does not accept contact from you" in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_are_rate_limited(client):
    from members.contact import KINDS

    daily, per_team = KINDS["innovation_comment"].daily, KINDS["innovation_comment"].per_recipient
    innovations = InnovationFactory.create_batch(4)  # four teams
    client.force_login(UserFactory())
    for index in range(per_team):
        client.post(f"/innovations/{innovations[0].slug}/comments/", {"body": f"Note {index}"})
    response = client.post(f"/innovations/{innovations[0].slug}/comments/", {"body": "Again"})
    assert f"reached this member {per_team} times today" in response.content.decode()
    for index in range(per_team, daily):
        innovation = innovations[1 + index % 3]
        client.post(f"/innovations/{innovation.slug}/comments/", {"body": f"Note {index}"})
    response = client.post(f"/innovations/{innovations[3].slug}/comments/", {"body": "One more"})
    assert f"You can send at most {daily} comments a day" in response.content.decode()
    assert Comment.objects.count() == daily


def test_csv_export_cells_never_open_as_formulas(client):
    """A title like "=HYPERLINK(...)" is text in a spreadsheet, not a formula (CSV injection)."""
    import csv
    import io

    InnovationFactory(title='=HYPERLINK("http://evil.example","Open")', summary="+1 improved")
    response = client.get("/innovations/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","Open")'
    assert rows[0]["summary"] == "'+1 improved"
    assert rows[0]["stage"] == "pilot"


@pytest.mark.parametrize("remove", ["abc", "-1", "", "99999999"])
def test_a_malformed_team_removal_is_refused_without_an_error_page(client, remove):
    innovation = InnovationFactory()
    teammate = UserFactory()
    TeamMember.objects.create(innovation=innovation, user=teammate)
    client.force_login(innovation.owner)
    response = client.post(f"/innovations/{innovation.slug}/team/", {"remove": remove})
    assert response.status_code in (302, 404)
    assert TeamMember.objects.filter(innovation=innovation, user=teammate).exists()


def test_only_a_member_of_this_team_can_be_removed_from_it(client):
    innovation, other = InnovationFactory(), InnovationFactory()
    elsewhere = UserFactory()
    TeamMember.objects.create(innovation=other, user=elsewhere)
    client.force_login(innovation.owner)
    response = client.post(f"/innovations/{innovation.slug}/team/", {"remove": elsewhere.pk})
    assert response.status_code == 404
    assert TeamMember.objects.filter(innovation=other, user=elsewhere).exists()


def test_each_new_stage_is_kept_whoever_changes_it(client, make_innovation):
    innovation = make_innovation(stage="idea")
    assert list(innovation.stage_changes.values_list("before", "after")) == [("", "idea")]
    innovation.stage = "pilot"
    innovation.save()
    innovation.save()  # the same stage again is no move
    stored = Innovation.objects.get(pk=innovation.pk)
    stored.stage = "scaling"
    stored.save(update_fields=["stage", "updated_at"])
    Innovation.objects.only("pk", "title").get(pk=innovation.pk).save()  # stage not loaded
    assert list(innovation.stage_changes.order_by("pk").values_list("before", "after")) == [
        ("", "idea"), ("idea", "pilot"), ("pilot", "scaling"),
    ]  # fmt: skip
