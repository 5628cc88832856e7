"""Templated emails in the recipient's language, sent after the transaction commits."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def render_email(template: str, context: dict, *, language: str) -> dict:
    """Render ``emails/<template>_subject.txt`` and ``.txt`` (and ``.html`` if present)."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}.txt", context)
    return {"subject": " ".join(subject.split()), "body": body}


def send_email(
    *, to: list[str], template: str, context: dict, language: str, reply_to: list[str] = ()
) -> None:
    """Queue a templated email; it leaves only if the surrounding transaction commits."""
    from network.tasks import deliver_email

    message = render_email(template, context, language=language)
    transaction.on_commit(
        lambda: deliver_email.delay(to=list(to), reply_to=list(reply_to), **message)
    )
