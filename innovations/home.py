"""The showcase's part of the home page: its figures, the featured and newest innovations, and
a member's own, followed and suggested innovations (declared in ``innovations.content``)."""

from django.db.models import Q

from innovations.models import Innovation, InnovationFacet, TaggedInnovation
from innovations.views.showcase import card_queryset
from network.models import FollowedTopic

CARDS = 3
MINE = 5
SUGGESTED = 4
FOLLOWING = 5


def innovation_count(viewer) -> int:
    return Innovation.objects.listed_for(viewer).count()


def country_count(viewer) -> int:
    """Countries of the innovations listed for ``viewer``."""
    listed = Innovation.objects.listed_for(viewer)
    return (
        InnovationFacet.objects.filter(kind="country", innovation__in=listed.values("pk"))
        .values("value")
        .distinct()
        .count()
    )


def featured(request) -> dict | None:
    listed = Innovation.objects.listed_for(request.user).filter(featured=True)
    innovations = list(card_queryset(listed).order_by("-published_at")[:CARDS])
    return {"innovations": innovations} if innovations else None


def newest(request) -> dict | None:
    listed = Innovation.objects.listed_for(request.user).exclude(featured=True)
    innovations = list(card_queryset(listed).order_by("-published_at")[:CARDS])
    return {"innovations": innovations} if innovations else None


def mine(request) -> dict:
    """The member's own innovations in any status (with a first step when there are none)."""
    innovations = list(
        Innovation.objects.of_team(request.user)
        .filter(hidden_at__isnull=True)
        .order_by("-updated_at")[:MINE]
    )
    return {"innovations": innovations}


def suggested(request) -> dict | None:
    """Innovations tagged with the member's interests or expertise, not their own."""
    viewer = request.user
    wanted = set(viewer.profile.interests.values_list("name", flat=True)) | set(
        viewer.profile.expertise.values_list("name", flat=True)
    )
    if not wanted:
        return None
    # A semi-join, not a join and DISTINCT: the newest four come down the index.
    innovations = list(
        Innovation.objects.listed_for(viewer)
        .filter(pk__in=tagged_with(wanted))
        .exclude(owner=viewer)
        .order_by("-published_at")[:SUGGESTED]
    )
    return {"innovations": innovations} if innovations else None


def following(request) -> dict | None:
    """Newest innovations from the themes, tags, organisations and members followed."""
    viewer = request.user
    follows = {}
    for kind, value in FollowedTopic.objects.filter(user=viewer).values_list("kind", "value"):
        follows.setdefault(kind, []).append(value)
    if not follows:
        return None
    match = Q(pk__in=[])
    if follows.get("theme"):
        themed = InnovationFacet.objects.filter(kind="theme", value__in=follows["theme"])
        match |= Q(pk__in=themed.values("innovation"))
    if follows.get("tag"):
        match |= Q(pk__in=tagged_with(follows["tag"]))
    if follows.get("organisation"):
        match |= Q(organisation__slug__in=follows["organisation"])
    if follows.get("member"):
        match |= Q(owner__username__in=follows["member"])
    innovations = list(
        Innovation.objects.listed_for(viewer)
        .filter(match)
        .exclude(owner=viewer)
        .order_by("-published_at")[:FOLLOWING]
    )
    return {"innovations": innovations} if innovations else None


def tagged_with(names):
    """The ids of innovations carrying any of the tags ``names`` (for a semi-join)."""
    return TaggedInnovation.objects.filter(tag__name__in=names).values("content_object")
