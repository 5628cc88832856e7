import zoneinfo
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import User

ACTIVE_RESOLUTION = timedelta(minutes=15)


class StaffTwoFactorMiddleware:
    """Staff must have two-factor authentication before they reach the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.is_staff
            and request.path.startswith(reverse("admin:index"))
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request, _("Set up two-factor authentication before you use the admin.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class MemberTimezoneMiddleware:
    """Show every date in the member's own time zone (visitors: UTC, or the event's zone)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.timezone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class LastActiveMiddleware:
    """Record when a member was last active, at most one write every 15 minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = timezone.now()
            if user.last_active is None or now - user.last_active > ACTIVE_RESOLUTION:
                User.objects.filter(pk=user.pk).update(last_active=now)
                user.last_active = now
        return self.get_response(request)
