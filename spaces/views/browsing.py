"""Spaces a viewer may see, one space's page, and who is in it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from events.models import Event
from innovations.models import Innovation
from members.models import User
from network.taxonomy import Language
from resources.models import Resource
from spaces.access import can_join, can_moderate, can_post, membership_of, space_for_viewer
from spaces.forms import FollowingForm, JoinRequestForm
from spaces.models import Kind, Membership, SessionProposal, SharedFile, Space, Thread
from spaces.services.membership import visit_record

SPACES_PER_PAGE = 24
THREADS_PER_PAGE = 20


def _count(queryset):
    return Coalesce(
        Subquery(
            queryset.order_by().values("space").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def with_counts(spaces, viewer):
    """Members and threads of each space in two subqueries, and whether ``viewer`` is in
    it: the same number of queries for one space and for a page of them."""
    members = Membership.objects.active().filter(space=OuterRef("pk"))
    threads = Thread.objects.filter(space=OuterRef("pk"), hidden_at__isnull=True)
    spaces = spaces.annotate(member_count=_count(members), thread_count=_count(threads))
    if viewer.is_authenticated:
        spaces = spaces.annotate(
            joined=Exists(
                Membership.objects.filter(
                    space=OuterRef("pk"), user=viewer, state=Membership.State.ACTIVE
                )
            )
        )
    return spaces


@require_safe
def space_list(request):
    viewer = request.user
    spaces = Space.objects.visible_to(viewer).filter(archived_at__isnull=True)
    kind = request.GET.get("kind", "")
    language = request.GET.get("language", "")
    mine = request.GET.get("mine") == "1" and viewer.is_authenticated
    if kind in Kind.values:
        spaces = spaces.filter(kind=kind)
    else:
        kind = ""
    if language in Language.values:
        spaces = spaces.filter(language=language)
    else:
        language = ""
    if mine:
        spaces = spaces & Space.objects.joined_by(viewer)
    spaces = with_counts(spaces, viewer).order_by("kind", "title", "pk")
    page = Paginator(spaces, SPACES_PER_PAGE).get_page(request.GET.get("page"))
    query = "&".join(
        f"{name}={value}"
        for name, value in (("kind", kind), ("language", language), ("mine", "1" if mine else ""))
        if value
    )
    return render(
        request,
        "spaces/list.html",
        {
            "page_obj": page,
            "kinds": Kind.choices,
            "kind": kind,
            "language": language,
            "languages": Language.choices,
            "mine": mine,
            "query_string": query,
            "filtered": bool(kind or language or mine),
        },
    )


@require_safe
def space_detail(request, slug):
    viewer = request.user
    space = space_for_viewer(slug, viewer)
    membership = membership_of(space, viewer)
    invited = membership is not None and membership.state == Membership.State.INVITED
    if space.is_private and not (viewer.is_staff or (membership and membership.is_active)):
        # Invited to a private space: the invitation, nothing of what is inside.
        return render(request, "spaces/invited.html", {"space": space, "membership": membership})
    threads = (
        Thread.objects.visible_to(viewer)
        .filter(space=space)
        .select_related("author")
        # Pinned first: PostgreSQL would put the unpinned (NULL) first in a descending order.
        .order_by(F("pinned_at").desc(nulls_last=True), "-last_activity_at", "-pk")
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    last_visit = membership.news_since if membership and membership.is_active else None
    for thread in page:
        thread.space = space  # their links name the space: no query each
        thread.is_new = last_visit is not None and thread.last_activity_at > last_visit
    visit_record(membership)
    now = timezone.now()
    sessions = (
        Event.objects.listed_for(viewer)
        .filter(Q(spaces=space) | Q(rooms=space))
        .upcoming(now)
        .distinct()
        .order_by("starts_at")[:5]
    )
    files = SharedFile.objects.filter(space=space, hidden_at__isnull=True).select_related(
        "uploaded_by"
    )[:5]
    innovations = Innovation.objects.listed_for(viewer).filter(
        pk__in=space.linked_innovations.values("innovation")
    )[:6]
    resources = Resource.objects.listed_for(viewer).filter(pk__in=space.resources.values("pk"))[:6]
    moderators = [
        m.user for m in Membership.objects.moderating().filter(space=space).select_related("user")
    ]
    moderating = can_moderate(viewer, space, membership)
    context = {
        "space": space,
        "membership": membership,
        "invited": invited,
        "page_obj": page,
        "last_visit": last_visit,
        "new_count": sum(1 for thread in page if thread.is_new),
        "sessions": list(sessions),
        "files": list(files),
        "innovations": list(innovations),
        "resources": list(resources),
        "moderators": moderators,
        "member_count": Membership.objects.active().filter(space=space).count(),
        "may_post": can_post(viewer, space, membership),
        "may_join": can_join(viewer, space, membership),
        "moderating": moderating,
        "pending": (
            Membership.objects.filter(space=space, state=Membership.State.REQUESTED).count()
            + SessionProposal.objects.filter(
                space=space, status=SessionProposal.Status.PROPOSED
            ).count()
            if moderating
            else 0
        ),
        "join_form": JoinRequestForm(),
        "following_form": FollowingForm(instance=membership) if membership else None,
    }
    return render(request, "spaces/space.html", context)


@login_required
@require_safe
def space_members(request, slug):
    """Who is in the space, as the directory would show them to the viewer (members only)."""
    viewer = request.user
    space = space_for_viewer(slug, viewer)
    membership = membership_of(space, viewer)
    if not (viewer.is_authenticated and viewer.is_member) or (
        space.is_private and not (viewer.is_staff or (membership and membership.is_active))
    ):
        raise PermissionDenied
    people = (
        User.objects.listed_for(viewer)
        .filter(Exists(Membership.objects.active().filter(space=space, user=OuterRef("pk"))))
        .select_related("profile")
        .order_by("display_name", "pk")
    )
    moderators = set(
        Membership.objects.moderating().filter(space=space).values_list("user_id", flat=True)
    )
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "spaces/members.html",
        {"space": space, "page_obj": page, "moderators": moderators},
    )
