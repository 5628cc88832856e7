"""What members add: contributions, their own list, and "useful" marks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resources import services
from resources.access import resource_for_viewer
from resources.forms import ContributeForm, UsefulMarkForm
from resources.models import Resource, Status
from resources.views.library import detail_queryset, render_detail


@login_required
def contribute(request):
    if not request.user.is_member:
        raise PermissionDenied
    form = ContributeForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            resource = services.resource_contribute(
                contributor=request.user,
                fields=form.model_fields(),
                themes=form.cleaned_data["themes"],
                tags=form.cleaned_data["tags"],
                document=form.cleaned_data["upload"],
            )
            if resource.status == Status.PUBLISHED:
                messages.success(request, _("Published in the library."))
            else:
                messages.success(
                    request,
                    _("Thank you. A moderator will review it; we will tell you the outcome."),
                )
            return redirect(resource)
        message = _("Please correct the errors below; nothing has been saved yet.")
        if request.FILES:
            message += " " + _("For your safety, browsers forget a chosen file: choose it again.")
        messages.error(request, message)
    return render(request, "resources/contribute.html", {"form": form})


@login_required
def mine(request):
    """The resources I contributed, in every status."""
    resources = Resource.objects.filter(contributor=request.user).order_by("-created_at", "-pk")
    return render(request, "resources/mine.html", {"resources": resources})


@login_required
@require_POST
def useful(request, slug):
    if not request.user.is_member:
        raise PermissionDenied
    resource = resource_for_viewer(slug, request.user, detail_queryset())
    anchor = resource.get_absolute_url() + "#useful"
    if request.POST.get("action") == "remove":
        services.useful_mark_remove(resource=resource, member=request.user)
        messages.success(request, _("Your mark is removed."))
        return redirect(anchor)
    form = UsefulMarkForm(request.POST)
    if not form.is_valid():
        # Show the page again with what was typed and why it was refused.
        return render_detail(request, resource, useful_form=form)
    try:
        services.useful_mark_set(
            resource=resource, member=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: other members will see it helped you."))
    return redirect(anchor)
