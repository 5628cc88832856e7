"""The innovations' part of the weekly discovery digest, and its inbox action (follow)."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.models import Comment, Endorsement, Follow, Innovation, InnovationFacet, Interest
from members.models import TaggedExpertise, TaggedInterest
from network.digests import DigestItem, DigestSection, followed_topics
from network.links import Action, action_url

MAX_ITEMS = 5


def new_innovations_section(users, since):
    """New published innovations matching each member's interests, expertise or region.

    A constant number of queries for the whole batch: the week's innovations (with facets and
    tags), and the members' profiles' tags.
    """
    if not users:
        return {}
    # What an approved member may see: the same rule as the showcase.
    innovations = list(
        Innovation.objects.for_any_member()
        .filter(published_at__gte=since)
        .prefetch_related(
            Prefetch(
                "facets", queryset=InnovationFacet.objects.filter(kind__in=["region", "theme"])
            ),
            "tags",
        )
        .select_related("organisation", "owner")
        .order_by("-published_at")[:200]
    )
    if not innovations:
        return {}
    interests = {}
    for model in (TaggedInterest, TaggedExpertise):
        for user_id, name in model.objects.filter(
            content_object__in=[u.pk for u in users]
        ).values_list("content_object_id", "tag__name"):
            interests.setdefault(user_id, set()).add(name.lower())
    follows = followed_topics(users)
    sections = {}
    for user in users:
        followed = follows.get(user.pk, set())
        wanted = interests.get(user.pk, set()) | {
            value for kind, value in followed if kind == "tag"
        }
        region = user.profile.region
        matches = []
        for innovation in innovations:
            if innovation.owner_id == user.pk:
                continue
            tags = {tag.name.lower() for tag in innovation.tags.all()}
            regions = {f.value for f in innovation.facets.all() if f.kind == "region"}
            if tags & wanted or (region and region in regions) or _follows(innovation, followed):
                matches.append(innovation)
        if not matches:
            continue
        # In the member's language: the title, the stage, the link's language prefix.
        with translation.override(user.language or settings.LANGUAGE_CODE):
            section = DigestSection(title=_("New innovations for you"))
            for innovation in matches[:MAX_ITEMS]:
                section.items.append(
                    DigestItem(
                        title=innovation.title,
                        url=settings.SITE_URL + innovation.get_absolute_url(),
                        meta=innovation.get_stage_display(),
                        action_url=action_url(user, "follow_innovation", innovation.pk),
                        action_label=_("Follow its updates"),
                    )
                )
        sections[user.pk] = section
    return sections


def _follows(innovation, followed) -> bool:
    """Whether the innovation is from a theme, organisation or member the member follows."""
    keys = {("theme", f.value) for f in innovation.facets.all() if f.kind == "theme"}
    if innovation.organisation_id:
        keys.add(("organisation", innovation.organisation.slug))
    if innovation.owner_id:
        keys.add(("member", innovation.owner.username))
    return bool(keys & followed)


def _describe_follow(object_id, user):
    innovation = Innovation.objects.listed_for(user).filter(pk=object_id).first()
    if innovation is None:
        raise LookupError(object_id)
    return _("Follow “%(title)s” to hear about its updates.") % {"title": innovation.title}


def _run_follow(user, object_id):
    innovation = Innovation.objects.listed_for(user).get(pk=object_id)
    Follow.objects.get_or_create(innovation=innovation, user=user)
    return _("You now follow “%(title)s”.") % {"title": innovation.title}


FOLLOW_ACTION = Action(
    name="follow_innovation",
    label=gettext_lazy("Follow an innovation"),
    describe=_describe_follow,
    run=_run_follow,
)


def personal_data(user) -> dict:
    """The member's part of the showcase, for "download all your data"."""
    return {
        "innovations": [
            {"title": i.title, "status": i.status, "url": settings.SITE_URL + i.get_absolute_url()}
            for i in user.owned_innovations.order_by("pk")
        ],
        "innovation_comments": [
            {
                "innovation": c.innovation.title,
                "comment": c.body,
                "created": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(author=user).select_related("innovation")
        ],
        "endorsements": [
            e.innovation.title
            for e in Endorsement.objects.filter(user=user).select_related("innovation")
        ],
        "followed_innovations": [
            f.innovation.title for f in user.followed_innovations.select_related("innovation")
        ],
        "interests_expressed": [
            {"innovation": i.innovation.title, "purpose": i.purpose, "message": i.message}
            for i in Interest.objects.filter(user=user).select_related("innovation")
        ],
    }
