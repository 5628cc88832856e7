"""A member's dashboard block: the spaces they are in, with what is new since their visit."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from spaces.models import Membership, Thread

MAX_ITEMS = 6


def my_spaces_section(request) -> dict | None:
    user = request.user
    if not (user.is_authenticated and user.is_member):
        return None
    newer = (
        Thread.objects.filter(space=OuterRef("space"), hidden_at__isnull=True)
        .filter(last_activity_at__gt=Membership.news_since_of(OuterRef))
        .order_by()
        .values("space")
        .annotate(n=Count("pk"))
        .values("n")
    )
    memberships = list(
        Membership.objects.filter(user=user, state=Membership.State.ACTIVE)
        .select_related("space")
        .annotate(new=Coalesce(Subquery(newer, output_field=IntegerField()), 0))
        .order_by("-new", "space__title")[:MAX_ITEMS]
    )
    if not memberships:
        return None
    items = []
    for membership in memberships:
        meta = ""
        if membership.new:
            meta = ngettext("%(count)s new", "%(count)s new", membership.new) % {
                "count": membership.new
            }
        items.append(
            {
                "title": membership.space.title,
                "url": membership.space.get_absolute_url(),
                "meta": meta,
            }
        )
    return {"title": _("My spaces"), "items": items, "url": reverse("spaces:list") + "?mine=1"}
