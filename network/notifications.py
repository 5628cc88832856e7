"""The one way every app tells a member something: ``notify``.

A notification is shown in the app at once, and reaches the member's inbox according to their
preference: immediately (one email each), in a daily or weekly digest, or never; kinds they
switched off are never emailed. Each notification goes into exactly one email.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from network.emails import send_email
from network.jobs import enqueue
from network.models import Notification


def email_preference(user, kind: str) -> str:
    """ "immediate", "daily", "weekly" or "never" for this member and kind of notification."""
    profile = getattr(user, "profile", None)
    if profile is None or not user.is_active or kind in (profile.muted_kinds or []):
        return "never"
    return profile.delivery


@transaction.atomic
def notify(
    *, recipient, kind: str, message, url: str = "", params: dict | None = None, emailed=False
):
    """Record an in-app notification for ``recipient``, in their language.

    ``message`` is a (lazy) translatable string, formatted with ``params``; it is stored as
    plain text and escaped when shown. ``url`` is a site-relative link to the target.
    ``emailed=True`` when the caller sends its own email about the same thing: the
    notification then counts as emailed, so no immediate email or digest repeats it.
    """
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        text = str(message) % params if params else str(message)
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        message=text[:300],
        url=url[:500],
        emailed_at=timezone.now() if emailed else None,
    )
    if not emailed and email_preference(recipient, kind) == "immediate":
        transaction.on_commit(
            lambda: enqueue("network.tasks.email_notification", notification_id=notification.pk)
        )
    return notification


def notify_by_email(
    recipient,
    *,
    kind: str,
    message,
    template: str,
    context: dict,
    params: dict | None = None,
    url: str = "",
    reply_to=(),
) -> None:
    """An in-app notification and the email about the same thing, both in the recipient's
    language. The notification counts as emailed, so no immediate email or digest repeats it."""
    notify(recipient=recipient, kind=kind, message=message, params=params, url=url, emailed=True)
    send_email(
        to=[recipient.email],
        template=template,
        context=context,
        language=recipient.language,
        reply_to=list(reply_to),
    )
