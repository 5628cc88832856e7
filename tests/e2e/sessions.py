"""Signed-in browsers for the browser tests."""

from django.conf import settings
from django.test import Client


def session_cookie(user, url: str) -> dict:
    """A session signed in as ``user``, as a Playwright cookie for the server at ``url``."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": url}
