"""Signed inbox action links (``network.links``): a mentor accepts or declines a request, and
a member accepts a programme pairing, from the email, in one click. Each ``run`` is idempotent
and never raises on a request that changed meanwhile: it says what happened instead."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.models import Match, MentoringRequest
from mentoring.services.programmes import match_respond
from mentoring.services.requests import request_accept, request_decline
from network.links import Action


def _pending_request(object_id, user) -> MentoringRequest:
    request = (
        MentoringRequest.objects.pending()
        .select_related("mentee")
        .filter(pk=object_id, mentor=user)
        .first()
    )
    if request is None:
        raise LookupError(object_id)
    return request


def _describe_accept(object_id, user):
    request = _pending_request(object_id, user)
    return _("Accept %(name)s's request for mentoring. Your mentorship page opens at once.") % {
        "name": request.mentee
    }


def _describe_decline(object_id, user):
    request = _pending_request(object_id, user)
    return _("Decline %(name)s's request for mentoring. We suggest other mentors to them.") % {
        "name": request.mentee
    }


def _answer(user, object_id, *, accept: bool) -> str:
    request = MentoringRequest.objects.filter(pk=object_id, mentor=user).first()
    if request is None:
        return _("This request no longer exists.")
    try:
        if accept:
            request_accept(request=request, by=user)
        else:
            request_decline(request=request, by=user)
    except (ValidationError, PermissionDenied) as error:
        return " ".join(getattr(error, "messages", [])) or _("Nothing was changed.")
    if accept:
        return _("You accepted %(name)s's request. Welcome to your new mentorship.") % {
            "name": request.mentee
        }
    return _("You declined %(name)s's request.") % {"name": request.mentee}


def _describe_match(object_id, user):
    match = (
        Match.objects.filter(Q(mentor=user) | Q(mentee=user))
        .filter(pk=object_id, status=Match.Status.OFFERED)
        .select_related("programme")
        .first()
    )
    if match is None:
        raise LookupError(object_id)
    return _("Accept the pairing offered in “%(programme)s”.") % {
        "programme": match.programme.title
    }


def _run_match(user, object_id):
    match = Match.objects.filter(pk=object_id).first()
    if match is None:
        return _("This pairing no longer exists.")
    try:
        match_respond(match=match, by=user, accept=True)
    except (ValidationError, PermissionDenied) as error:
        return " ".join(getattr(error, "messages", [])) or _("Nothing was changed.")
    return _("You accepted. We tell you as soon as your partner answers too.")


ACCEPT_REQUEST = Action(
    name="mentoring_accept_request",
    label=gettext_lazy("Accept a mentoring request"),
    describe=_describe_accept,
    run=lambda user, object_id: _answer(user, object_id, accept=True),
)
DECLINE_REQUEST = Action(
    name="mentoring_decline_request",
    label=gettext_lazy("Decline a mentoring request"),
    describe=_describe_decline,
    run=lambda user, object_id: _answer(user, object_id, accept=False),
)
ACCEPT_MATCH = Action(
    name="mentoring_accept_match",
    label=gettext_lazy("Accept a programme pairing"),
    describe=_describe_match,
    run=_run_match,
)
