"""Staff in the admin: issue by hand with a reason, filter, revoke and re-issue with a reason,
each in the audit log; a moderator (the Moderators group) may, and nobody edits or deletes."""

import pytest
from django.contrib.auth.models import Group

from credentials.models import Credential
from credentials.services import credential_issue
from network.models import AuditEntry
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client):
    moderator = StaffFactory()
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    client.moderator = moderator
    return client


def test_a_moderator_issues_by_hand_with_a_reason(moderator_client, achievements):
    member = UserFactory()
    response = moderator_client.post(
        "/admin/credentials/credential/add/",
        {
            "member": member.pk,
            "achievement": achievements["hosted"].pk,
            "reason": "Hosted our offline day in Accra.",
        },
    )
    assert response.status_code == 302
    credential = Credential.objects.get()
    assert (credential.member, credential.issued_by) == (member, moderator_client.moderator)
    assert credential.occasion.startswith("manual:")
    assert credential.jwt
    entry = AuditEntry.objects.get(action="credential_issue")
    assert entry.reason == "Hosted our offline day in Accra."


def test_revoke_then_reissue_from_the_list_with_reasons(moderator_client, achievements):
    credential, _created = credential_issue(
        member=UserFactory(), achievement=achievements["hosted"], occasion="event:1"
    )
    selection = {"action": "revoke", "_selected_action": [credential.pk]}
    page = moderator_client.post("/admin/credentials/credential/", selection)
    assert page.status_code == 200  # asks for the reason first
    response = moderator_client.post(
        "/admin/credentials/credential/", selection | {"reason": "Not there after all."}
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.state() == "revoked"
    listing = moderator_client.get("/admin/credentials/credential/", {"state": "revoked"})
    assert list(listing.context["cl"].result_list) == [credential]
    moderator_client.post(
        "/admin/credentials/credential/",
        {"action": "reissue", "_selected_action": [credential.pk], "reason": "Name corrected."},
    )
    fresh = Credential.objects.exclude(pk=credential.pk).get()
    assert fresh.state() == "valid" and fresh.member == credential.member
    # Re-issuing a revoked credential revokes nothing again: one issue more in the log.
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "reason")) == [
        ("credential_revoke", "Not there after all."),
        ("credential_issue", "Name corrected."),
    ]


def test_nobody_edits_or_deletes_a_credential(moderator_client, achievements):
    credential, _created = credential_issue(
        member=UserFactory(), achievement=achievements["hosted"], occasion="event:1"
    )
    base = f"/admin/credentials/credential/{credential.pk}"
    assert moderator_client.get(f"{base}/change/").status_code == 200  # to read
    assert moderator_client.post(f"{base}/change/", {}).status_code == 403
    assert moderator_client.get(f"{base}/delete/").status_code == 403
