"""Queueing background work so that nothing is lost when the broker is away.

Services name the task they queue ("network.tasks.deliver_email") rather than import it:
tasks call services, so services that imported tasks would import each other in a cycle.
The name is resolved in Celery's registry, which holds every app's ``tasks`` module.
"""

import logging

from celery import current_app

from network.models import PendingTask

logger = logging.getLogger(__name__)


def task_named(name: str):
    """The registered task ``name``. Celery imports each app's ``tasks`` module when a worker
    starts; a web process imports them the first time it queues something."""
    task = current_app.tasks.get(name)
    if task is None:
        current_app.loader.import_default_modules()
        task = current_app.tasks[name]  # a name no app defines fails loudly, here
    return task


def enqueue(name: str, **kwargs) -> None:
    """Queue the task ``name``. If the broker is away, keep it in the database instead: the
    beat's ``replay_pending_tasks`` queues it once the broker is back, so no work is lost and
    the request does not wait for it. ``kwargs`` must be JSON-serialisable (they are for the
    broker too)."""
    task = task_named(name)
    try:
        task.apply_async(kwargs=kwargs, retry=False)
    except Exception as error:  # kombu.exceptions.OperationalError, redis errors, ...
        logger.warning(
            "Broker unavailable (%s): %s kept until it is back", error.__class__.__name__, name
        )
        PendingTask.objects.create(name=name, kwargs=kwargs, error=str(error)[:300])
