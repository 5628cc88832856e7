"""A deleted resource takes its stored file with it (once the deletion is committed)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from resources.models import Resource


@receiver(post_delete, sender=Resource, dispatch_uid="resources_delete_file")
def delete_stored_file(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
