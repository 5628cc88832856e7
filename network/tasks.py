from celery import shared_task
from django.core.mail import EmailMessage


@shared_task(autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def deliver_email(*, to, subject, body, reply_to=()):
    """Send one rendered email; SMTP failures are retried with backoff."""
    EmailMessage(subject=subject, body=body, to=to, reply_to=list(reply_to) or None).send()
