from django.db.models.signals import post_save
from django.dispatch import receiver

from members.models import Profile, User


@receiver(post_save, sender=User)
def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile from its first moment."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
