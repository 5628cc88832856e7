"""What members do with an innovation: endorse, follow, comment, updates, interest, adoptions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovations import services
from innovations.access import innovation_for_viewer
from innovations.forms import AdoptionForm, CommentForm, InterestForm, UpdateForm
from innovations.models import Adoption, Comment, Status


def _published_for_member(request, slug):
    """Members act only on published innovations they can see."""
    if not request.user.is_member:
        raise PermissionDenied
    innovation = innovation_for_viewer(slug, request.user)
    if innovation.status != Status.PUBLISHED:
        raise PermissionDenied
    return innovation


def _form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@login_required
@require_POST
def endorse(request, slug):
    innovation = _published_for_member(request, slug)
    endorsed = services.endorse_toggle(innovation=innovation, user=request.user)
    messages.success(
        request, _("You endorse this innovation.") if endorsed else _("Endorsement withdrawn.")
    )
    return redirect(innovation)


@login_required
@require_POST
def follow(request, slug):
    innovation = _published_for_member(request, slug)
    following = services.follow_toggle(innovation=innovation, user=request.user)
    messages.success(
        request,
        _("You will hear about its updates.") if following else _("You no longer follow it."),
    )
    return redirect(innovation)


@login_required
@require_POST
def comment(request, slug):
    innovation = _published_for_member(request, slug)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            created = services.comment_create(
                innovation=innovation, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(innovation.get_absolute_url() + f"#comment-{created.pk}")
    return render(
        request, "innovations/comment_form.html", {"innovation": innovation, "form": form}
    )


@login_required
def comment_edit(request, slug, pk):
    innovation = _published_for_member(request, slug)
    comment = get_object_or_404(Comment, pk=pk, innovation=innovation, author=request.user)
    form = CommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=comment, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(innovation.get_absolute_url() + f"#comment-{comment.pk}")
    return render(
        request,
        "innovations/comment_form.html",
        {"innovation": innovation, "form": form, "comment": comment},
    )


@login_required
@require_POST
def update(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    if not innovation.has_on_team(request.user):
        raise PermissionDenied
    form = UpdateForm(request.POST)
    if form.is_valid():
        services.update_post(innovation=innovation, author=request.user, **form.cleaned_data)
        messages.success(request, _("Your update is on the timeline; followers are told."))
    else:
        _form_errors(request, form)
    return redirect(innovation.get_absolute_url() + "#updates")


@login_required
def interest(request, slug):
    innovation = _published_for_member(request, slug)
    form = InterestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.interest_express(innovation=innovation, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The team has your message; their reply will come to your email.")
            )
            return redirect(innovation)
    return render(
        request, "innovations/interest_form.html", {"innovation": innovation, "form": form}
    )


@login_required
def adoption(request, slug):
    """Recording an adoption (the team) or reporting one for the team to confirm (another
    member), on a page of its own: in the innovation's page, the form and its list of every
    country were two fifths of the page (7.7 of 19.3 KB) for every member who read it, and
    a tenth of its time, for a form few send. An invalid form comes back with what was
    typed and its errors."""
    innovation = _published_for_member(request, slug)
    on_team = innovation.has_on_team(request.user)
    form = AdoptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.adoption_record(innovation=innovation, by=request.user, **form.cleaned_data)
        if on_team:
            messages.success(request, _("The adoption is in the ledger."))
        else:
            messages.success(request, _("Thank you. The team will confirm the adoption."))
        return redirect(innovation.get_absolute_url() + "#adoptions")
    return render(
        request,
        "innovations/adoption_form.html",
        {"innovation": innovation, "form": form, "on_team": on_team},
    )


@login_required
@require_POST
def adoption_confirm(request, slug, pk):
    innovation = innovation_for_viewer(slug, request.user)
    adoption = get_object_or_404(Adoption, pk=pk, innovation=innovation)
    if request.POST.get("action") == "delete":
        services.adoption_delete(adoption=adoption, by=request.user)
        messages.success(request, _("Removed from the ledger."))
    else:
        services.adoption_confirm(adoption=adoption, by=request.user)
        messages.success(request, _("Adoption confirmed."))
    return redirect(innovation.get_absolute_url() + "#adoptions")
