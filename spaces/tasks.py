"""Thin tasks: they take ids and call the service."""

from celery import shared_task

from spaces.services import discussions


@shared_task
def tell_followers(*, thread_id: int, reply_id: int | None = None, skip=()):
    """A new thread or reply: tell the members who follow the space."""
    return discussions.tell_followers(thread_id=thread_id, reply_id=reply_id, skip=skip)
