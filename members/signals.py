from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.db.models.signals import post_save
from django.dispatch import receiver

from members.models import Profile, User


@receiver(post_save, sender=User)
def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile from its first moment."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(authenticator_added, dispatch_uid="members_second_factor_set_up")
def second_factor_set_up(sender, request, user, authenticator, **kwargs):
    """Setting up a second factor proves it, as using it at sign-in does: the session holds
    its staff power from now on (members.access.passed_two_factor)."""
    if request is None or authenticator.type == Authenticator.Type.RECOVERY_CODES:
        return
    # allauth's own record, as its two-factor stage writes at sign-in.
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
