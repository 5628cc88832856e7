"""A team's edit of a published innovation is not public until a moderator publishes it
(innovations.proposals): the team sees and can go on with its change, moderators see what it
changes, and only then does everyone see it."""

import io

import pytest
from django.core import mail
from PIL import Image

from innovations.models import Innovation, Revision
from network.models import AuditEntry
from tests.factories import StaffFactory, UserFactory
from tests.innovations.test_workflow import full_form

pytestmark = pytest.mark.django_db


def edit(client, innovation, **changes):
    response = client.post(
        f"/innovations/{innovation.slug}/edit/", full_form(action="draft", **changes)
    )
    assert response.status_code == 302
    return response


def moderator(client):
    client.force_login(StaffFactory())
    return client


def act(client, action, proposal, **data):
    return client.post(
        "/admin/innovations/revision/",
        {"action": action, "_selected_action": [proposal.pk], **data},
    )


def test_a_team_edit_of_a_published_innovation_is_not_public_until_approved(
    client, owner, teammate, make_innovation, django_capture_on_commit_callbacks
):
    innovation = make_innovation(title="Approved title zq")
    StaffFactory(email="mod@example.org")
    client.force_login(teammate)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, innovation, title="Swapped for spam zq", links="https://spam.example")
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]  # moderators are told
    # Everyone else still sees what was approved.
    for viewer in (None, UserFactory()):
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(innovation.get_absolute_url()).content.decode()
        assert "Approved title zq" in page and "spam.example" not in page
        assert "Swapped for spam zq" not in client.get("/innovations/").content.decode()
    # The team sees that its change waits, and goes on from it.
    client.force_login(owner)
    assert "wait for a moderator" in client.get(innovation.get_absolute_url()).content.decode()
    form = client.get(f"/innovations/{innovation.slug}/edit/").context["form"]
    assert form["title"].value() == "Swapped for spam zq"
    # The moderator sees what it changes, on the dashboard's queue and the revision's page.
    proposal = Revision.objects.proposed().get()
    moderator(client)
    queues = {
        str(q["label"]): q["count"] for q in client.get("/admin/moderation/").context["queues"]
    }
    assert queues["Changes to published innovations"] == 1
    page = client.get(f"/admin/innovations/revision/{proposal.pk}/change/").content.decode()
    assert "Approved title zq" in page and "Swapped for spam zq" in page
    with django_capture_on_commit_callbacks(execute=True):
        act(client, "decline_changes", proposal, note="Links to a betting site.")
    innovation.refresh_from_db()
    assert innovation.title == "Approved title zq"
    assert (
        owner.notifications.get().message
        == "Your changes to “Approved title zq” were not published."
    )
    assert "Links to a betting site." in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="innovation_changes_declined").exists()


def test_published_changes_show_and_the_approved_version_is_kept(client, owner, make_innovation):
    innovation = make_innovation(title="First version zq")
    client.force_login(owner)
    edit(client, innovation, title="Second version zq")
    edit(client, innovation, title="Third version zq")  # replaces the waiting change
    proposal = Revision.objects.proposed().get()
    act(moderator(client), "publish_changes", proposal)
    client.logout()
    assert "Third version zq" in client.get("/innovations/").content.decode()
    innovation.refresh_from_db()
    assert innovation.facet_values("theme") == [
        "apprenticeships-and-work-based-learning", "digital-skills",
    ]  # fmt: skip
    history = Revision.objects.get(proposed=False)
    assert history.data["title"] == "First version zq"
    assert owner.notifications.get().message == "Your changes to “Third version zq” are published."


def test_a_cover_in_a_waiting_change_is_not_shown_until_published(client, owner, make_innovation):
    innovation = make_innovation()
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "cover.png"
    client.force_login(owner)
    edit(client, innovation, cover_upload=buffer)
    assert not Innovation.objects.get(pk=innovation.pk).cover
    act(moderator(client), "publish_changes", Revision.objects.proposed().get())
    assert Innovation.objects.get(pk=innovation.pk).cover


def test_staff_edits_go_live(client, make_innovation):
    innovation = make_innovation(title="Before zq")
    moderator(client)
    edit(client, innovation, title="Corrected by staff zq")
    assert Innovation.objects.get(pk=innovation.pk).title == "Corrected by staff zq"
    assert not Revision.objects.proposed().exists()


def test_a_small_fix_goes_live_when_the_setting_allows_it(client, owner, make_innovation, settings):
    settings.PUBLISHED_SMALL_FIX_CHARACTERS = 10
    innovation = make_innovation()
    edit(moderator(client), innovation)  # now exactly what the form holds (staff: live)
    client.force_login(owner)
    edit(client, innovation, title="Mobile apprenticeship log-books")  # a typo: 1 character
    assert Innovation.objects.get(pk=innovation.pk).title == "Mobile apprenticeship log-books"
    assert not Revision.objects.proposed().exists()
    edit(client, innovation, title="Mobile apprenticeship log-books", links="https://x.example")
    assert Innovation.objects.get(pk=innovation.pk).links == "https://example.org/logbooks"
    assert Revision.objects.proposed().count() == 1  # a link is never a small fix
    settings.PUBLISHED_SMALL_FIX_CHARACTERS = 0  # the default: every change waits
    Revision.objects.proposed().delete()
    edit(client, innovation, title="Mobile apprenticeship logbooks")
    assert Innovation.objects.get(pk=innovation.pk).title == "Mobile apprenticeship log-books"
