"""A member changes their address only through allauth's verified flow: the new address must
be confirmed before it counts, and the old one is told (a takeover does not go unnoticed)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_address_counts_once_confirmed_and_the_old_one_is_told(client):
    member = UserFactory(email="old@example.org")
    client.force_login(member)
    response = client.post("/accounts/email/", {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "old@example.org"  # not yet: it must be confirmed first
    [confirmation] = [m for m in mail.outbox if m.to == ["new@example.org"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    member.refresh_from_db()
    assert member.email == "new@example.org"
    assert not EmailAddress.objects.filter(user=member, email="old@example.org").exists()
    told = [m for m in mail.outbox if m.to == ["old@example.org"]]
    assert told, [m.subject for m in mail.outbox]
    assert "new@example.org" in told[0].body or "changed" in told[0].subject.lower()
