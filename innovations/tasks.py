"""Thin tasks: they call services and are idempotent."""

from celery import shared_task

from innovations.visitors import visitors_forget


@shared_task
def forget_visitors():
    """Beat, nightly: delete visitors' messages kept long enough (VISITOR_RETENTION_DAYS)."""
    return visitors_forget()
