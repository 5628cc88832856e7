"""The personal calendar feed of "my events", at a private, revocable token address that
calendar apps subscribe to without a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events.calendars import personal_calendar
from events.models import CalendarToken
from events.services.calendar_feed import calendar_token_for, calendar_token_revoke


@never_cache
def personal_feed(request, token):
    """No session: the token is the credential. The feed is what its member may see, in
    their language; a revoked token is a 404."""
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active or not found.user.is_member:
        raise Http404
    user = found.user
    with translation.override(user.language or None):
        body = personal_calendar(user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-events.ics"'
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def feed_urls(request, token: CalendarToken) -> dict:
    url = request.build_absolute_uri(reverse("events:feed", kwargs={"token": token.token}))
    return {"https": url, "webcal": "webcal://" + url.split("://", 1)[1]}


@login_required
@never_cache
def my_calendar(request):
    """Where a member finds (and can revoke) their feed's address."""
    if not request.user.is_member:
        raise Http404
    token = calendar_token_for(request.user)
    return render(request, "events/my_calendar.html", {"urls": feed_urls(request, token)})


@login_required
@require_POST
def revoke(request):
    if not request.user.is_member:
        raise Http404
    calendar_token_revoke(user=request.user)
    messages.success(
        request,
        _(
            "Your calendar address is new; the old one no longer works. Subscribe again with the new one."
        ),
    )
    return redirect("events:my_calendar")
