"""Visitors' interest in a public innovation: the form, the visitor's own page from their
signed link (confirm, the conversation, answer), and the team's answer from the innovation's
page (innovations.visitors)."""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from innovations import visitors
from innovations.access import innovation_for_viewer
from innovations.forms import VisitorInterestForm, VisitorReplyForm
from innovations.models import Innovation, VisitorInterest
from network.utils import keyed_by_address


@never_cache
@require_http_methods(["GET", "POST"])
def interest(request, slug):
    innovation = get_object_or_404(Innovation.objects.public(), slug=slug)
    if request.user.is_authenticated:
        return redirect("innovations:interest", slug=slug)  # members write as members
    form = VisitorInterestForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if not ratelimit.consume(request, action="innovation_visitor", key=email):
            form.add_error(None, _("Too many messages from here. Please try again later."))
            status = 429
        else:
            try:
                visitors.visitor_interest_create(
                    innovation=innovation, language=translation.get_language(),
                    **form.cleaned_data,
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                url = reverse("innovations:visitor_interest", args=[innovation.slug])
                return redirect(url + "?sent=1")
    context = {
        "innovation": innovation,
        "form": form,
        "sent": request.GET.get("sent") == "1",
        "retention_days": settings.VISITOR_RETENTION_DAYS,
    }
    return render(request, "innovations/visitor_interest.html", context, status=status)


@require_http_methods(["GET", "POST"])
def visitor(request, slug, token):
    found = visitors.interest_for_token(token)
    if found is None or found.innovation.slug != slug:
        raise Http404
    form = VisitorReplyForm(request.POST or None if request.POST.get("action") == "reply" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "confirm":
                found = visitors.visitor_interest_confirm(interest=found)
                messages.success(request, _("Thank you: your email is confirmed."))
                return keyed_by_address(redirect(request.path))
            if form.is_valid():
                visitors.visitor_reply_from_visitor(interest=found, body=form.cleaned_data["body"])
                messages.success(request, _("The team has your answer."))
                return keyed_by_address(redirect(request.path))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return keyed_by_address(redirect(request.path))
    context = {
        "interest": found,
        "innovation": found.innovation,
        "replies": found.replies.select_related("author"),
        "form": form,
    }
    return keyed_by_address(render(request, "innovations/visitor.html", context))


@login_required
@require_POST
def visitor_reply(request, slug, pk):
    """A team member answers a visitor from the innovation's page."""
    innovation = innovation_for_viewer(slug, request.user)
    found = get_object_or_404(VisitorInterest, pk=pk, innovation=innovation)
    if not innovation.has_on_team(request.user):
        raise Http404
    form = VisitorReplyForm(request.POST)
    if form.is_valid():
        try:
            visitors.visitor_reply_from_team(
                interest=found, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your answer is on its way to %(name)s.") % {"name": found.name}
            )
    else:
        messages.error(request, _("Write an answer first."))
    return redirect(innovation.get_absolute_url() + "#interests")
