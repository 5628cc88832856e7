"""Thin tasks: they take ids, re-fetch, return quietly when there is nothing to do, and call
services. All are idempotent, so acks_late redelivery after a lost worker is safe. Services
queue them by name through ``network.jobs.enqueue``."""

import logging

from celery import current_app, shared_task
from django.db import transaction

from network import content, insights
from network.digests import current_period, digest_batches, email_notification_now, send_digests
from network.emails import build_message
from network.models import PendingTask

logger = logging.getLogger(__name__)


@shared_task
def replay_pending_tasks(batch=500):
    """Beat, every minute: queue what waited while the broker was away, oldest first. Rows
    are deleted as they are queued; if the broker fails again, the rest wait for next time.
    Returns how many were queued."""
    queued = 0
    with transaction.atomic():
        rows = PendingTask.objects.select_for_update(skip_locked=True)[:batch]
        for row in rows:
            task = current_app.tasks.get(row.name)
            if task is None:
                logger.error("Pending task %s is unknown; kept for an administrator", row.name)
                continue
            try:
                task.apply_async(kwargs=row.kwargs, retry=False)
            except Exception as error:
                logger.warning("Broker still unavailable (%s)", error.__class__.__name__)
                break
            row.delete()
            queued += 1
    return queued


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def deliver_email(*, to, subject, body, html="", reply_to=(), headers=None):
    """Send one rendered email; SMTP failures are retried with backoff."""
    build_message(
        to=to, subject=subject, body=body, html=html, reply_to=reply_to, headers=headers
    ).send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def email_notification(notification_id):
    email_notification_now(notification_id=notification_id)


@shared_task
def schedule_digests(kind):
    """Beat: enqueue the daily or weekly digest for every member, in batches."""
    period = current_period(kind)
    for user_ids in digest_batches(kind):
        send_digest_batch.delay(kind=kind, period=period, user_ids=user_ids)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def send_digest_batch(self, *, kind, period, user_ids):
    send_digests(kind=kind, period=period, user_ids=user_ids, claim=self.request.id or "")


@shared_task
def rollup_insights():
    """Recount the insight dashboard's monthly series (network.insights.rollup)."""
    return insights.rollup(content.gather("series"))
