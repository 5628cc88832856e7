"""The credentials' stable addresses under the site's address (SITE_URL), in no language:
what a credential names must not change with the viewer's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def absolute(name: str, **kwargs) -> str:
    with translation.override(None):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def issuer_id() -> str:
    return absolute("credentials:issuer")


def jwks_url() -> str:
    return absolute("credentials:jwks")


def status_list_url(purpose: str) -> str:
    return absolute("credentials:status_list", purpose=purpose)


def achievement_id(slug: str) -> str:
    return absolute("credentials:achievement", slug=slug)


def achievement_image_url(slug: str) -> str:
    return absolute("credentials:achievement_image", slug=slug)


def credential_id(public_id) -> str:
    return absolute("credentials:detail", public_id=public_id)
