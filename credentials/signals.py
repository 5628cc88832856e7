"""Saves in the lower apps that may make an achievement's condition true. Each queues the
issuing task once the save is committed; the task checks the condition itself."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from credentials.models import Kind
from events.models import Registration
from innovations.models import Innovation
from mentoring.models import Feedback, Mentorship
from network.jobs import enqueue


def _later(kind: str, pk: int) -> None:
    transaction.on_commit(lambda: enqueue("credentials.tasks.issue", kind=kind, ids=[pk]))


@receiver(post_save, sender=Registration, dispatch_uid="credentials_registration")
def registration_saved(sender, instance, **kwargs):
    if instance.attended:
        _later(Kind.ATTENDED.value, instance.event_id)


@receiver(post_save, sender=Mentorship, dispatch_uid="credentials_mentorship")
def mentorship_saved(sender, instance, **kwargs):
    if instance.status == Mentorship.Status.COMPLETED:
        _later(Kind.MENTORSHIP.value, instance.pk)
        _later(Kind.PROGRAMME.value, instance.pk)


@receiver(post_save, sender=Feedback, dispatch_uid="credentials_mentoring_feedback")
def feedback_saved(sender, instance, **kwargs):
    _later(Kind.MENTORSHIP.value, instance.mentorship_id)
    _later(Kind.PROGRAMME.value, instance.mentorship_id)


@receiver(post_save, sender=Innovation, dispatch_uid="credentials_innovation")
def innovation_saved(sender, instance, **kwargs):
    if instance.stage:
        _later(Kind.INNOVATION_STAGE.value, instance.pk)
