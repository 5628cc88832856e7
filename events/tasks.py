"""Thin tasks: they take ids or plain values, and call services. All are idempotent, so
acks_late redelivery after a lost worker is safe."""

from celery import shared_task

from events.services.guests import guests_forget
from events.services.reminders import reminders_send
from network.emails import build_message


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def deliver_event_email(*, to, subject, body, html="", calendar="", headers=None):
    """Send one rendered email about an event, with its calendar file when given."""
    message = build_message(to=to, subject=subject, body=body, html=html, headers=headers)
    if calendar:
        message.attach("event.ics", calendar, "text/calendar")
    message.send()


@shared_task
def send_due_reminders():
    """Beat, every five minutes: send the reminders due now (24 hours and 1 hour before).

    A scan rather than countdowns: nothing is lost when a worker restarts, and a run that
    overlaps another sends nothing twice (see ``reminders_send``).
    """
    return reminders_send(claim=send_due_reminders.request.id or "")


@shared_task
def forget_guests():
    """Beat, nightly: delete guests' registrations kept long enough (GUEST_RETENTION_DAYS)."""
    return guests_forget()
