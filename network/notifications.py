"""The one way every app tells a member something: ``notify``."""

from django.db import transaction

from network.models import Notification


@transaction.atomic
def notify(*, recipient, kind: str, message: str, url: str = "") -> Notification:
    """Record an in-app notification for ``recipient``.

    ``message`` is plain text (escaped when shown); ``url`` a site-relative link to the target.
    """
    return Notification.objects.create(
        recipient=recipient, kind=kind, message=str(message)[:300], url=url[:500]
    )
