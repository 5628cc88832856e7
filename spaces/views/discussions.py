"""Threads and replies: reading, writing, editing, quoting, answering, pinning and locking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from spaces.access import (
    can_moderate,
    can_post,
    membership_of,
    readable_space,
    thread_for_viewer,
)
from spaces.forms import ReplyEditForm, ReplyForm, ThreadEditForm, ThreadForm
from spaces.models import Reply, Revision
from spaces.services import discussions

REPLIES_PER_PAGE = 50


def _language(request) -> str:
    return get_language() or "en"


@login_required
def thread_new(request, slug):
    space = readable_space(slug, request.user)
    if not can_post(request.user, space, membership_of(space, request.user)):
        raise PermissionDenied
    form = ThreadForm(request.POST or None, language=_language(request))
    if request.method == "POST" and form.is_valid():
        try:
            thread = discussions.thread_create(
                space=space,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                question=form.cleaned_data["question"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your thread is up."))
            return redirect(thread)
    return render(request, "spaces/thread_form.html", {"space": space, "form": form})


def _reply_page(replies, reply_id) -> int | None:
    """The page a reply is on, so that a link to it (a notification) opens there."""
    try:
        reply_id = int(reply_id)
    except (TypeError, ValueError):
        return None
    target = replies.filter(pk=reply_id).values_list("created_at", flat=True).first()
    if target is None:
        return None
    before = replies.filter(created_at__lt=target).count()
    return before // REPLIES_PER_PAGE + 1


@require_safe
def thread_detail(request, slug, pk):
    viewer = request.user
    space = readable_space(slug, viewer)
    thread = thread_for_viewer(space, pk, viewer)
    membership = membership_of(space, viewer)
    replies = _replies(thread, viewer)
    number = request.GET.get("page") or _reply_page(replies, request.GET.get("reply"))
    page = Paginator(
        replies.select_related("author", "quoting__author"), REPLIES_PER_PAGE
    ).get_page(number)
    page.object_list = list(page.object_list)
    for reply in page.object_list:
        reply.thread = thread  # their links name the thread: no query each
    answer = None
    if thread.answer_id:
        answer = replies.filter(pk=thread.answer_id).first()
        if answer is not None:
            answer.thread = thread
    may_post = can_post(viewer, space, membership) and not thread.locked_at
    quoting = None
    if may_post and request.GET.get("quote"):
        quoting = replies.filter(pk=request.GET["quote"]).select_related("author").first()
    form = None
    if may_post:
        form = ReplyForm(
            language=_language(request),
            initial={"quoting": quoting.pk if quoting else None},
        )
    moderating = can_moderate(viewer, space, membership)
    return render(
        request,
        "spaces/thread.html",
        {
            "space": space,
            "thread": thread,
            "page_obj": page,
            "form": form,
            "quoting": quoting,
            "answer": answer,
            "may_post": may_post,
            "moderating": moderating,
            "may_answer": thread.is_question
            and (moderating or (viewer.is_authenticated and thread.author_id == viewer.pk)),
            "membership": membership,
        },
    )


def _replies(thread, viewer):
    """The thread's replies ``viewer`` may read (staff see hidden ones, marked)."""
    replies = Reply.objects.filter(thread=thread)
    if not viewer.is_staff:
        replies = replies.shown()
    return replies.order_by("created_at", "pk")


@login_required
@require_POST
def reply_create(request, slug, pk):
    space = readable_space(slug, request.user)
    thread = thread_for_viewer(space, pk, request.user)
    if not can_post(request.user, space, membership_of(space, request.user)):
        raise PermissionDenied
    form = ReplyForm(request.POST, language=_language(request))
    if form.is_valid():
        quoting = None
        if form.cleaned_data.get("quoting"):
            quoting = _replies(thread, request.user).filter(pk=form.cleaned_data["quoting"]).first()
        try:
            reply = discussions.reply_create(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                quoting=quoting,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your reply is up."))
            return redirect(reply.get_absolute_url())
    return render(
        request, "spaces/reply_form.html", {"space": space, "thread": thread, "form": form}
    )


@login_required
def thread_edit(request, slug, pk):
    space = readable_space(slug, request.user)
    thread = thread_for_viewer(space, pk, request.user)
    if thread.author_id != request.user.pk:
        raise PermissionDenied
    form = ThreadEditForm(request.POST or None, instance=thread)
    if request.method == "POST" and form.is_valid():
        discussions.post_edit(
            post=thread, by=request.user, body=form.cleaned_data["body"],
            title=form.cleaned_data["title"],
        )  # fmt: skip
        messages.success(request, _("Your changes are saved."))
        return redirect(thread)
    return render(request, "spaces/edit_form.html", {"space": space, "thread": thread,
                                                      "form": form})  # fmt: skip


@login_required
def reply_edit(request, slug, pk):
    space = readable_space(slug, request.user)
    reply = get_object_or_404(Reply.objects.visible_to(request.user), thread__space=space, pk=pk)
    if reply.author_id != request.user.pk:
        raise PermissionDenied
    form = ReplyEditForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        discussions.post_edit(post=reply, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your changes are saved."))
        return redirect(reply.get_absolute_url())
    return render(request, "spaces/edit_form.html", {"space": space, "thread": reply.thread,
                                                      "form": form})  # fmt: skip


@login_required
@require_POST
def thread_moderate(request, slug, pk):
    space = readable_space(slug, request.user)
    thread = thread_for_viewer(space, pk, request.user)
    action = request.POST.get("action", "")
    try:
        discussions.thread_moderate(thread=thread, by=request.user, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = {
            "pin": _("The thread is pinned to the top of the space."),
            "unpin": _("The thread is no longer pinned."),
            "lock": _("The thread is locked: it takes no more replies."),
            "unlock": _("The thread takes replies again."),
        }
        messages.success(request, done[action])
    return redirect(thread)


@login_required
@require_POST
def answer_mark(request, slug, pk):
    space = readable_space(slug, request.user)
    thread = thread_for_viewer(space, pk, request.user)
    reply = None
    if request.POST.get("reply"):
        reply = _replies(thread, request.user).filter(pk=request.POST["reply"]).first()
        if reply is None:
            raise Http404
    try:
        discussions.answer_mark(thread=thread, reply=reply, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(thread)
    if reply is not None:
        messages.success(request, _("Marked as the answer."))
        return redirect(reply.get_absolute_url())
    messages.success(request, _("The question is open again."))
    return redirect(thread)


@login_required
@require_safe
def thread_history(request, slug, pk):
    """Earlier versions of a thread and its replies: for the space's moderators."""
    space = readable_space(slug, request.user)
    thread = thread_for_viewer(space, pk, request.user)
    if not can_moderate(request.user, space):
        raise PermissionDenied
    revisions = Revision.objects.filter(thread=thread) | Revision.objects.filter(
        reply__thread=thread
    )
    return render(
        request,
        "spaces/history.html",
        {"space": space, "thread": thread, "revisions": revisions.select_related("reply")},
    )
