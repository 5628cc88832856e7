"""Signed-in browsers for the browser tests, and the second factor of signed-in staff."""

import time
from importlib import import_module

from allauth.account.internal.flows import login as allauth_login
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client


def pass_second_factor(session, user) -> None:
    """Record in ``session`` that ``user`` passed their second factor just now, as a sign-in
    through allauth's two-factor stage would: staff power counts only in such a session
    (members.middleware.StaffPowerMiddleware)."""
    session[allauth_login.AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "at": time.time(), "type": Authenticator.Type.TOTP}
    ]
    session[allauth_login._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


def session_cookie(user, url: str) -> dict:
    """A session signed in as ``user``, as a Playwright cookie for the server at ``url``."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": url}


def staff_session_cookie(user, url: str) -> dict:
    """``session_cookie`` for staff who have a second factor and passed it."""
    cookie = session_cookie(user, url)
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=cookie["value"])
    pass_second_factor(store, user)
    return cookie
