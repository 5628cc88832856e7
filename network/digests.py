"""Email digests: the daily and weekly summaries of notifications, and the weekly discovery
digest. Built for a batch of members at a time in a constant number of queries; each
member's email is recorded in a Delivery whose unique key stops a second send.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from network import content
from network.emails import build_message, delivery_message_id, render_email, unsubscribe_headers
from network.models import Delivery, FollowedTopic, Notification
from network.notifications import email_preference


@dataclass
class DigestItem:
    title: str
    url: str
    meta: str = ""
    action_url: str = ""
    action_label: str = ""


@dataclass
class DigestSection:
    title: str
    items: list[DigestItem] = field(default_factory=list)


def followed_topics(users) -> dict[int, set[tuple[str, str]]]:
    """What each of ``users`` follows, as (kind, value) pairs (tags lower-cased): one query for
    the batch. Sections match it against an item's themes, tags, organisation and author."""
    follows = {}
    for user_id, kind, value in FollowedTopic.objects.filter(
        user__in=[u.pk for u in users]
    ).values_list("user_id", "kind", "value"):
        follows.setdefault(user_id, set()).add((kind, value.lower() if kind == "tag" else value))
    return follows


def batch_size() -> int:
    return getattr(settings, "DIGEST_BATCH_SIZE", 500)


def current_period(kind: str, now=None) -> str:
    now = now or timezone.now()
    if kind == "daily":
        return now.strftime("%Y-%m-%d")
    year, week, _day = now.isocalendar()
    return f"{year}-W{week:02d}"


def digest_batches(kind: str):
    """Ids of the members who may get this digest, in batches (a query per batch)."""
    users = get_user_model().objects.approved()
    if kind == "daily":
        users = users.filter(profile__delivery="daily")
    else:
        users = users.filter(profile__delivery="weekly") | users.filter(
            profile__discovery_digest=True
        )
    ids = users.order_by("pk").values_list("pk", flat=True).distinct()
    last = 0
    while True:
        chunk = list(ids.filter(pk__gt=last)[: batch_size()])
        if not chunk:
            return
        yield chunk
        last = chunk[-1]


def _claim(users, kind, period, claim):
    """Insert this run's Delivery rows; return the users this run must email.

    Rows another run inserted are left alone (it sends them). A redelivered task has the same
    claim (its Celery task id), so it finishes what a lost worker left unsent.
    """
    Delivery.objects.bulk_create(
        [Delivery(recipient=user, kind=kind, key=period, claim=claim) for user in users],
        ignore_conflicts=True,
    )
    mine = set(
        Delivery.objects.filter(
            recipient__in=users, kind=kind, key=period, claim=claim, sent_at__isnull=True
        ).values_list("recipient_id", flat=True)
    )
    return [user for user in users if user.pk in mine]


def send_digests(*, kind: str, period: str, user_ids: list[int], claim: str = "") -> int:
    """Email the ``kind`` digest for ``period`` to these members; returns how many were sent."""
    claim = claim or uuid.uuid4().hex
    users = list(
        get_user_model()
        .objects.approved()
        .filter(pk__in=user_ids)
        .select_related("profile")
        .order_by("pk")
    )
    users = _claim(users, kind, period, claim)
    if not users:
        return 0
    now = timezone.now()
    pending = {}
    wanting_notifications = [u for u in users if u.profile.delivery == kind]
    for notification in Notification.objects.filter(
        recipient__in=wanting_notifications, emailed_at__isnull=True, created_at__lte=now
    ).order_by("created_at"):
        pending.setdefault(notification.recipient_id, []).append(notification)
    sections = {}
    if kind == "weekly":
        discoverers = [u for u in users if u.profile.discovery_digest]
        since = now - timedelta(days=7)
        for build in content.gather("digest"):
            for user_id, section in build(discoverers, since).items():
                if section.items:
                    sections.setdefault(user_id, []).append(section)
    sent = 0
    preferences_url = settings.SITE_URL + reverse("members:edit")
    connection = mailers.default
    for user in users:
        notifications = [
            n for n in pending.get(user.pk, []) if email_preference(user, n.kind) == kind
        ]
        user_sections = sections.get(user.pk, [])
        delivery = Delivery.objects.filter(recipient=user, kind=kind, key=period)
        if not notifications and not user_sections:
            delivery.update(sent_at=timezone.now(), skipped=True)
            continue
        headers = unsubscribe_headers(user) | {
            "Message-ID": delivery_message_id(user.pk, kind, period)
        }
        message = render_email(
            "digest",
            {
                "member": user,
                "kind": kind,
                "notifications": notifications,
                "sections": user_sections,
                "preferences_url": preferences_url,
                "unsubscribe_url": headers["List-Unsubscribe"][1:-1],
            },
            language=user.language,
            zone=user.timezone,
        )
        with transaction.atomic():
            # Compare-and-set: of two runs holding the same claim (a task delivered twice),
            # only the one whose UPDATE finds the row unsent sends; the other waits on the
            # row lock, then finds it sent. A failed send rolls the mark back.
            # The send comes last, so that only the COMMIT stands between the mail server's
            # acceptance and the mark: a worker lost in that instant makes the redelivered
            # task hand the same message (same Message-ID) over once more.
            if not delivery.filter(sent_at__isnull=True).update(sent_at=timezone.now()):
                continue
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                emailed_at=timezone.now()
            )
            connection.send_messages([build_message(to=[user.email], headers=headers, **message)])
        sent += 1
    connection.close()
    return sent


def email_notification_now(*, notification_id: int) -> bool:
    """Email one notification on its own (members who chose "immediately")."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_related("recipient__profile")
            .select_for_update(of=("self",))
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        user = notification.recipient
        if email_preference(user, notification.kind) != "immediate":
            return False
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(
                    recipient=user, kind="notification", key=str(notification.pk)
                )
        except IntegrityError:
            return False
        headers = unsubscribe_headers(user) | {
            "Message-ID": delivery_message_id(user.pk, delivery.kind, delivery.key)
        }
        message = render_email(
            "notification",
            {
                "member": user,
                "notification": notification,
                "url": settings.SITE_URL + (notification.url or reverse("notifications")),
                "preferences_url": settings.SITE_URL + reverse("members:edit"),
                "unsubscribe_url": headers["List-Unsubscribe"][1:-1],
            },
            language=user.language,
            zone=user.timezone,
        )
        now = timezone.now()
        delivery.sent_at = now
        delivery.save(update_fields=["sent_at"])
        notification.emailed_at = now
        notification.save(update_fields=["emailed_at"])
        build_message(to=[user.email], headers=headers, **message).send()
    return True
