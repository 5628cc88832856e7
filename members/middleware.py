import zoneinfo
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.access import passed_two_factor, without_staff_power
from members.models import User

ACTIVE_RESOLUTION = timedelta(minutes=15)
# What counts as a second factor (recovery codes only back one of these up).
SECOND_FACTORS = [Authenticator.Type.TOTP, "webauthn"]
# The session key of the admin page a staff member was sent away from to set up a factor.
AFTER_SECOND_FACTOR = "after_second_factor"


class StaffPowerMiddleware:
    """Staff power needs a strong session, and ends sooner. A staff or superuser account whose session has not
    passed two-factor authentication is, for this request, the ordinary member it also is
    (``members.access.without_staff_power``); the page tells it why (``staff_power_withheld``)
    and the admin sends it to set up its second factor, or to use it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        staff = user.is_authenticated and (user.is_staff or user.is_superuser)
        if staff and request.session.get_expiry_age() > settings.STAFF_SESSION_SECONDS:
            # A staff session ends after 12 hours of inactivity (sign-in sets two weeks).
            request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
        if staff and not passed_two_factor(request):
            has_factor = Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
            request.user = without_staff_power(user)
            request.staff_power_withheld = "verify" if has_factor else "set_up"
            if request.path.startswith(reverse("admin:index")):
                if has_factor:
                    return redirect_to_login(request.get_full_path(), reverse("mfa_reauthenticate"))
                messages.warning(
                    request, _("Set up two-factor authentication before you use the admin.")
                )
                # Where they were going, offered again once the factor is set up.
                request.session[AFTER_SECOND_FACTOR] = request.get_full_path()
                return redirect("mfa_activate_totp")
        elif staff and request.session.get(AFTER_SECOND_FACTOR) == request.get_full_path():
            del request.session[AFTER_SECOND_FACTOR]  # arrived
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
