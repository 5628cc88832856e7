"""Plain-text emails are text: a name with an apostrophe, an ampersand or angle brackets
reaches the reader as typed, never as ``&#x27;`` or ``&amp;``, in every email kind."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from members.adapters import AccountAdapter
from network.emails import render_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TYPED = "N'Diaye & \"Workers' Education\" <Association>"
ENTITY = re.compile(r"&(#x?[0-9a-fA-F]+|[a-zA-Z]+);")


WHEN = datetime(2027, 3, 4, 9, 30, tzinfo=UTC)
# What a template needs to be of a type: dates, counts, a handle for a link, a time zone.
TYPED_NAMES = {"day": 3, "days": 3, "duration_months": 3, "username": "n-diaye", "timezone": "UTC"}


def bound(name: str):
    if name in TYPED_NAMES:
        return TYPED_NAMES[name]
    return WHEN if name.endswith("_at") else Anything()


class Anything:
    """Whatever a template asks of it: every attribute, key and item is another one, and
    it prints as a name full of the characters HTML escaping changes."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return bound(name)

    def __getitem__(self, key):
        return bound(key) if isinstance(key, str) else Anything()

    def __iter__(self):
        return iter([Anything()])

    def __len__(self):
        return 1

    def __str__(self):
        return TYPED


def kinds() -> list[str]:
    folder = Path(settings.BASE_DIR) / "templates" / "emails"
    return sorted(p.name.removesuffix("_subject.txt") for p in folder.glob("*_subject.txt"))


def hostile_context() -> dict:
    """Every name the email templates use (those they include too), bound to ``Anything``."""
    folder = Path(settings.BASE_DIR) / "templates" / "emails"
    tags = re.findall(r"\{[{%](.*?)[%}]\}", "".join(p.read_text() for p in folder.glob("*.txt")))
    names = set(re.findall(r"(?<![.\w'\"|:])([a-z_][a-z0-9_]*)", " ".join(tags)))
    return {name: bound(name) for name in names}


@pytest.mark.parametrize("kind", kinds())
def test_no_email_kind_escapes_its_plain_text(kind):
    message = render_email(kind, hostile_context(), language="en")
    assert TYPED in message["subject"] + message["body"], kind
    assert not ENTITY.search(message["subject"]), message["subject"]
    assert not ENTITY.search(message["body"]), message["body"]


@pytest.mark.parametrize(
    "prefix",
    [
        "account/email/email_confirmation_signup",
        "account/email/password_reset_key",
        "account/email/email_changed",
    ],
)
def test_account_emails_are_text_and_name_the_site_from_the_settings(rf, settings, prefix):
    settings.SITE_URL = "https://skills.example.org"
    person = UserFactory(display_name=TYPED, username="generated-handle-7")
    request = rf.get("/", HTTP_HOST="evil.example")
    request.user = person
    context = {
        "user": person, "activate_url": "https://x/a", "password_reset_url": "https://x/p",
        "key": "k", "request": request, "from_email": "old@example.org",
        "to_email": person.email,
    }  # fmt: skip
    AccountAdapter(request).send_mail(prefix, person.email, context)
    sent = mail.outbox[-1]
    assert settings.SITE_NAME in sent.subject + sent.body
    assert "evil.example" not in sent.subject + sent.body
    assert "skills.example.org" in sent.body
    assert "generated-handle-7" not in sent.body
    assert not ENTITY.search(sent.subject) and not ENTITY.search(sent.body), sent.body
