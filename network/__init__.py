"""The project package: settings, URLs, the Celery app, and the shared base layer."""

from network.celery import app as celery_app

__all__ = ["celery_app"]
