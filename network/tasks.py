"""Thin tasks: they take ids, re-fetch, return quietly when there is nothing to do, and call
services. All are idempotent, so acks_late redelivery after a lost worker is safe."""

import logging

from celery import shared_task

from network.emails import build_message

logger = logging.getLogger(__name__)


def enqueue(task, **kwargs) -> None:
    """Queue ``task``; if the broker is away, run it here and now, so that no work is lost.

    Every task is idempotent, so running it in the request is safe; it only costs time.
    """
    try:
        task.apply_async(kwargs=kwargs, retry=False)
    except Exception as error:  # kombu.exceptions.OperationalError, redis errors, ...
        logger.warning(
            "Broker unavailable (%s): running %s now", error.__class__.__name__, task.name
        )
        task.apply(kwargs=kwargs)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def deliver_email(*, to, subject, body, html="", reply_to=(), headers=None):
    """Send one rendered email; SMTP failures are retried with backoff."""
    build_message(
        to=to, subject=subject, body=body, html=html, reply_to=reply_to, headers=headers
    ).send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def email_notification(notification_id):
    from network.digests import email_notification_now

    email_notification_now(notification_id=notification_id)


@shared_task
def schedule_digests(kind):
    """Beat: enqueue the daily or weekly digest for every member, in batches."""
    from network.digests import current_period, digest_batches

    period = current_period(kind)
    for user_ids in digest_batches(kind):
        send_digest_batch.delay(kind=kind, period=period, user_ids=user_ids)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_digest_batch(self, *, kind, period, user_ids):
    from network.digests import send_digests

    send_digests(kind=kind, period=period, user_ids=user_ids, claim=self.request.id or "")
