"""What a space shares and plans: its files (checked downloads with the space's visibility),
innovations its members link to it, and sessions they propose."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from network.files import send_stored_file
from spaces.access import can_moderate, can_post, membership_of, readable_space
from spaces.forms import FileForm, ProposalDecisionForm, ProposalForm
from spaces.models import SessionProposal, SharedFile
from spaces.services import sharing

logger = logging.getLogger(__name__)


def files(request, slug):
    """The space's files, and (for its members) the form to share one."""
    space = readable_space(slug, request.user)
    may_post = can_post(request.user, space, membership_of(space, request.user))
    form = None
    if may_post:
        form = FileForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            sharing.file_share(
                space=space, by=request.user, title=form.cleaned_data["title"],
                checked=form.cleaned_data["upload"],
            )  # fmt: skip
            messages.success(request, _("The file is shared with the space."))
            return redirect("spaces:files", slug=space.slug)
    elif request.method == "POST":
        raise PermissionDenied
    shared = SharedFile.objects.filter(space=space, hidden_at__isnull=True).select_related(
        "uploaded_by"
    )
    page = Paginator(shared, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "spaces/files.html",
        {
            "space": space,
            "page_obj": page,
            "form": form,
            "moderating": can_moderate(request.user, space),
        },
    )


@require_safe
def file_download(request, slug, pk):
    """The one way to a shared file: after the space's check, as an attachment, never
    kept by a shared cache."""
    space = readable_space(slug, request.user)
    shared = get_object_or_404(SharedFile, space=space, pk=pk, hidden_at__isnull=True)
    try:
        response = send_stored_file(
            request,
            shared.file,
            filename=shared.original_filename,
            content_type=shared.content_type,
            modified=shared.created_at,
        )
    except (FileNotFoundError, OSError):
        logger.warning("Shared file %s: stored file is missing", shared.pk)
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    if not space.is_public:
        response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def file_remove(request, slug, pk):
    space = readable_space(slug, request.user)
    shared = get_object_or_404(SharedFile, space=space, pk=pk)
    sharing.file_remove(shared=shared, by=request.user)
    messages.success(request, _("The file is removed."))
    return redirect("spaces:files", slug=space.slug)


@login_required
def innovation_link(request, slug):
    space = readable_space(slug, request.user)
    if not can_post(request.user, space, membership_of(space, request.user)):
        raise PermissionDenied
    choices = sharing.linkable_innovations(request.user).order_by("title")
    if request.method == "POST":
        innovation = choices.filter(pk=request.POST.get("innovation") or 0).first()
        if innovation is None:
            messages.error(request, _("Choose one of your published innovations."))
        else:
            sharing.innovation_link(space=space, by=request.user, innovation=innovation)
            messages.success(
                request, _("“%(title)s” is linked to the space.") % {"title": innovation.title}
            )
            return redirect(space)
    return render(request, "spaces/link_innovation.html", {"space": space, "innovations": choices})


@login_required
def propose(request, slug):
    space = readable_space(slug, request.user)
    if not can_post(request.user, space, membership_of(space, request.user)):
        raise PermissionDenied
    form = ProposalForm(
        request.POST or None,
        initial={"language": space.language, "timezone": request.user.timezone or "UTC"},
    )
    if request.method == "POST" and form.is_valid():
        sharing.proposal_create(space=space, proposer=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Thank you: the space's moderators will answer your proposal."),
        )
        return redirect(space)
    return render(request, "spaces/propose.html", {"space": space, "form": form})


@login_required
@require_POST
def proposal_decide(request, slug, pk):
    space = readable_space(slug, request.user)
    proposal = get_object_or_404(SessionProposal, space=space, pk=pk)
    form = ProposalDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    accept = request.POST.get("answer") == "accept"
    try:
        sharing.proposal_decide(proposal=proposal, by=request.user, accept=accept, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(
                request,
                _("Accepted: a draft event now waits for the programme staff to publish it."),
            )
        else:
            messages.success(request, _("The proposal is declined."))
    return redirect("spaces:manage", slug=space.slug)
