"""Templated emails in the recipient's language, sent after the transaction commits."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from network.jobs import enqueue
from network.links import unsubscribe_url


def render_text(name: str, context: dict) -> str:
    """A plain-text template rendered as text: nothing HTML-escaped (an apostrophe in a name
    stays an apostrophe, never ``&#x27;``). Only HTML is escaped, in ``.html`` templates."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render_email(template: str, context: dict, *, language: str, zone: str = "UTC") -> dict:
    """Render ``emails/<template>_subject.txt``, ``.txt`` and (when present) ``.html``
    in ``language``, with dates in the time zone ``zone``."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE), timezone.override(zone or "UTC"):
        subject = render_text(f"emails/{template}_subject.txt", context).strip()
        body = render_text(f"emails/{template}.txt", context)
        try:
            html = render_to_string(f"emails/{template}.html", context)
        except TemplateDoesNotExist:
            html = ""
    return {"subject": " ".join(subject.split()), "body": body, "html": html}


def build_message(*, to, subject, body, html="", reply_to=(), headers=None):
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=list(to), reply_to=list(reply_to) or None, headers=headers
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message


def delivery_message_id(recipient_id: int, kind: str, key: str) -> str:
    """The Message-ID of one ``Delivery``: the same every time it is sent.

    A worker lost after the mail server accepted a message and before the delivery was
    marked sent hands that one message over again when the task is redelivered; with the
    same Message-ID it is the same message, which mail stores that de-duplicate by
    Message-ID keep once. The id reveals nothing: it is a keyed hash.
    """
    digest = salted_hmac(
        "network.delivery", f"{recipient_id}:{kind}:{key}", algorithm="sha256"
    ).hexdigest()[:32]
    return f"<{digest}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"


def unsubscribe_headers(user, scope: str = "all") -> dict:
    """RFC 2369 / RFC 8058 one-click unsubscribe, no sign-in needed."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, scope)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_email(
    *, to: list[str], template: str, context: dict, language: str, reply_to: list[str] = ()
) -> None:
    """Queue a templated email; it leaves only if the surrounding transaction commits."""
    message = render_email(template, context, language=language)
    transaction.on_commit(
        lambda: enqueue(
            "network.tasks.deliver_email", to=list(to), reply_to=list(reply_to), **message
        )
    )
