"""Signed links in emails: one-click unsubscribe, and single-purpose action links.

Both are HMAC-signed with SECRET_KEY (django.core.signing), so they cannot be forged or
edited to name another member, action or object. Action links also expire and work once.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse

UNSUBSCRIBE_SALT = "network.unsubscribe"
ACTION_SALT = "network.action"
ACTION_MAX_AGE = 7 * 24 * 3600


def unsubscribe_token(user, scope: str = "all") -> str:
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict:
    """The payload, or raises signing.BadSignature."""
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user, scope: str = "all") -> str:
    return settings.SITE_URL + reverse(
        "unsubscribe", kwargs={"token": unsubscribe_token(user, scope)}
    )


@dataclass(frozen=True)
class Action:
    """An action a member may take from their inbox (declared by its app: network.content). ``run(user, object_id)`` must be idempotent;
    ``describe(object_id, user)`` says what the confirmation page shows, or raises LookupError
    when the object is gone or no longer visible to the member."""

    name: str
    label: Any
    describe: Callable[[int], str]
    run: Callable[[Any, int], str]


def action_token(user, action: str, object_id: int) -> str:
    payload = {"u": user.pk, "a": action, "o": object_id, "n": secrets.token_urlsafe(9)}
    return signing.dumps(payload, salt=ACTION_SALT, compress=True)


def read_action_token(token: str) -> dict:
    """The payload, or raises signing.BadSignature / SignatureExpired."""
    return signing.loads(token, salt=ACTION_SALT, max_age=ACTION_MAX_AGE)


def action_url(user, action: str, object_id: int) -> str:
    return settings.SITE_URL + reverse(
        "act", kwargs={"token": action_token(user, action, object_id)}
    )
