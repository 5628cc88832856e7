"""Joining, leaving, following, invitations, and the space moderators' dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.models import User
from network.models import Report
from spaces.access import can_moderate, membership_of, space_for_viewer
from spaces.forms import FollowingForm, InviteForm, JoinRequestForm, ProposalDecisionForm
from spaces.models import Membership, Reply, SessionProposal, Thread
from spaces.services import membership as memberships


@login_required
@require_POST
def join(request, slug):
    space = space_for_viewer(slug, request.user)
    form = JoinRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        membership = memberships.join(space=space, user=request.user, message=message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(space)
    if membership.is_active:
        messages.success(request, _("Welcome to “%(space)s”.") % {"space": space.title})
    else:
        messages.success(
            request,
            _("Your request is with the space's moderators; you will be told of their answer."),
        )
    return redirect(space)


@login_required
@require_POST
def leave(request, slug):
    space = space_for_viewer(slug, request.user)
    memberships.leave(space=space, user=request.user)
    messages.success(request, _("You left “%(space)s”.") % {"space": space.title})
    return redirect("spaces:list" if space.is_private else space.get_absolute_url())


@login_required
@require_POST
def following(request, slug):
    space = space_for_viewer(slug, request.user)
    membership = membership_of(space, request.user)
    if membership is None or not membership.is_active:
        raise PermissionDenied
    form = FollowingForm(request.POST, instance=membership)
    if form.is_valid():
        memberships.following_set(membership=membership, following=form.cleaned_data["following"])
        messages.success(request, _("Your choice is saved."))
    else:
        messages.error(request, _("Choose what you would like to hear about."))
    return redirect(space)


@login_required
def invitation(request, slug, token):
    """The page a signed invitation link opens: accept or decline, as the invited member."""
    membership = memberships.membership_for_token(token)
    if membership is None or membership.space.slug != slug:
        raise Http404
    if membership.user_id != request.user.pk:
        raise Http404
    space = membership.space
    if membership.state != Membership.State.INVITED:
        if membership.is_active:
            return redirect(space)
        raise Http404
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        memberships.invitation_respond(membership=membership, user=request.user, accept=accept)
        if accept:
            messages.success(request, _("Welcome to “%(space)s”.") % {"space": space.title})
            return redirect(space)
        messages.success(request, _("You declined the invitation."))
        return redirect("spaces:list")
    return render(request, "spaces/invited.html", {"space": space, "membership": membership,
                                                   "token": token})  # fmt: skip


def _space_reports(space):
    """Open reports about the space's threads and replies."""
    threads = Thread.objects.filter(space=space).values("pk")
    replies = Reply.objects.filter(thread__space=space).values("pk")
    kinds = ContentType.objects.get_for_models(Thread, Reply)
    return Report.objects.filter(resolved_at__isnull=True).filter(
        Q(content_type=kinds[Thread], object_id__in=threads)
        | Q(content_type=kinds[Reply], object_id__in=replies)
    )


@login_required
def manage(request, slug):
    """The space moderators' small dashboard: requests to join, proposed sessions, reports,
    pinned threads, and inviting members."""
    space = space_for_viewer(slug, request.user)
    if not can_moderate(request.user, space):
        raise PermissionDenied
    invite_form = InviteForm(request.POST or None)
    if request.method == "POST" and invite_form.is_valid():
        person = (
            User.objects.approved()
            .filter(username__iexact=invite_form.cleaned_data["username"])
            .first()
        )
        if person is None:
            invite_form.add_error("username", _("No member has this username."))
        else:
            try:
                memberships.invite(space=space, by=request.user, user=person)
            except ValidationError as error:
                invite_form.add_error("username", error)
            else:
                messages.success(request, _("%(name)s is invited.") % {"name": person})
                return redirect("spaces:manage", slug=space.slug)
    context = {
        "space": space,
        "requests": Membership.objects.filter(space=space, state=Membership.State.REQUESTED)
        .select_related("user")
        .order_by("created_at"),
        "invited": Membership.objects.filter(space=space, state=Membership.State.INVITED)
        .select_related("user")
        .order_by("created_at"),
        "proposals": SessionProposal.objects.filter(
            space=space, status=SessionProposal.Status.PROPOSED
        ).select_related("proposer"),
        "reports": list(_space_reports(space).order_by("-created_at")[:50]),
        "pinned": Thread.objects.filter(space=space, pinned_at__isnull=False),
        "invite_form": invite_form,
        "decision_form": ProposalDecisionForm(),
    }
    return render(request, "spaces/manage.html", context)


@login_required
@require_POST
def request_decide(request, slug, pk):
    space = space_for_viewer(slug, request.user)
    membership = get_object_or_404(Membership, space=space, pk=pk)
    accept = request.POST.get("answer") == "accept"
    try:
        memberships.request_decide(membership=membership, by=request.user, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(request, _("%(name)s is in.") % {"name": membership.user})
        else:
            messages.success(request, _("The request is declined."))
    return redirect("spaces:manage", slug=space.slug)
