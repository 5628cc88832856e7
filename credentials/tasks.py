"""Thin tasks: they take names and ids and call the service, which is idempotent (a unique
constraint per member, achievement and occasion), so retries and overlapping runs issue
nothing twice."""

from celery import shared_task

from credentials.services import issue_due


@shared_task
def issue(*, kind: str, ids: list[int]):
    """A save said a condition may have become true for these objects of ``kind``."""
    return issue_due(kind=kind, ids=ids)


@shared_task
def scan():
    """The beat's sweep: whatever became true without a save to hear (attendance marked in
    bulk, an event that ended for its hosts)."""
    return issue_due()
