from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django_countries import countries
from taggit.models import Tag

from innovations import services
from innovations.access import can_edit, innovation_for_viewer
from innovations.filters import SORTS, ShowcaseFilter
from innovations.forms import (
    CommentForm,
    TeamAddForm,
    UpdateForm,
    VisitorReplyForm,
)
from innovations.models import (
    Adoption,
    Comment,
    Endorsement,
    Follow,
    Innovation,
    InnovationFacet,
    Revision,
    TaggedInnovation,
    TeamMember,
    VisitorInterest,
    VisitorReply,
)
from network.cache import STEADY_SECONDS, cached_for_audience, shared_listing
from network.facets import facet_options, query_without_page
from network.taxonomy import (
    SDG,
    Language,
    OrganisationType,
    Region,
    Seeking,
    Stage,
    TargetGroup,
    Theme,
)
from network.utils import json_ld

PAGE_SIZE = 20


def card_queryset(queryset):
    """What an innovation card shows, in a fixed number of queries."""
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("facets", queryset=InnovationFacet.objects.order_by("kind", "value"))
    )


def with_endorsements(queryset):
    """Annotate ``endorsement_count`` with a subquery per row, not a join and GROUP BY: the
    newest-first page then reads 20 rows down the index instead of grouping every one."""
    endorsements = (
        Endorsement.objects.filter(innovation=OuterRef("pk"))
        .order_by()
        .values("innovation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        endorsement_count=Coalesce(Subquery(endorsements, output_field=IntegerField()), Value(0))
    )


def in_language(innovations, viewer, language: str) -> list:
    """Each innovation, or its version in ``language`` where ``viewer`` may see one: a list of
    one card per work (InnovationQuerySet.one_per_work) shows each in the viewer's language."""
    elsewhere = [innovation.pk for innovation in innovations if innovation.language != language]
    if not elsewhere:
        return list(innovations)
    versions = card_queryset(with_endorsements(Innovation.objects.listed_for(viewer))).filter(
        translation_of__in=elsewhere, language=language
    )
    found = {version.translation_of_id: version for version in versions}
    return [found.get(innovation.pk, innovation) for innovation in innovations]


def showcase(request):
    viewer = request.user
    base = Innovation.objects.listed_for(viewer)
    filterset = ShowcaseFilter(request.GET, queryset=base, viewer=viewer)
    sort = request.GET.get("sort")
    results = with_endorsements(filterset.qs).order_by(*SORTS.get(sort, SORTS["newest"]))
    filters = [(k, v) for k, v in request.GET.lists() if k not in ("page", "sort")]
    page, counts = shared_listing(
        request, card_queryset(results), per_page=PAGE_SIZE,
        count=results.count, facets=filterset.facets,
        share=lambda what, compute: cached_for_audience(
            f"showcase-{what}", viewer, filters, compute, seconds=STEADY_SECONDS
        ),
    )  # fmt: skip
    get = request.GET.get
    country_choices = sorted(
        ((c, countries.name(c)) for c in counts["country"]), key=lambda x: x[1]
    )
    facets = {
        "region": facet_options(Region.choices, counts["region"], get("region")),
        "country": facet_options(country_choices, counts["country"], get("country")),
        "theme": facet_options(Theme.choices, counts["theme"], get("theme")),
        "stage": facet_options(Stage.choices, counts["stage"], get("stage")),
        "language": facet_options(Language.choices, counts["language"], get("language")),
        "sdg": facet_options(SDG.choices, counts["sdg"], get("sdg")),
        "target": facet_options(TargetGroup.choices, counts["target"], get("target")),
        "seeking": facet_options(Seeking.choices, counts["seeking"], get("seeking")),
        "organisation_type": facet_options(
            OrganisationType.choices, counts["organisation_type"], get("organisation_type")
        ),
        "tag": facet_options([(n, n) for n in counts["tag"]], counts["tag"], get("tag")),
    }
    page.object_list = in_language(page.object_list, viewer, get_language())
    adoption_counts = dict(
        Adoption.objects.filter(
            innovation__in=[i.pk for i in page.object_list], status=Adoption.Status.CONFIRMED
        )
        .values_list("innovation")
        .annotate(n=Count("pk"))
    )
    for innovation in page.object_list:
        innovation.adoption_count = adoption_counts.get(innovation.pk, 0)
    return render(
        request,
        "innovations/showcase.html",
        {
            "page_obj": page,
            "facets": facets,
            "sort": sort if sort in SORTS else "newest",
            "query_string": query_without_page(request),
            "filtered": any(request.GET.get(key) for key in facets) or bool(get("q")),
        },
    )


def related_innovations(innovation, viewer, limit=4):
    """Published innovations sharing themes and tags with ``innovation``, best first (the
    most themes and tags in common, then the newest), among the RELATED_CANDIDATES newest
    that share any.

    The ranking is shared for a minute by an audience (as primary keys); the innovations
    themselves are read again for ``viewer`` each time.
    """
    computed = []

    def rank():
        computed.extend(_rank_related(innovation, viewer, limit))
        return [related.pk for related in computed]

    pks = cached_for_audience(
        "related-innovations", viewer, [("pk", innovation.pk)], rank, seconds=STEADY_SECONDS
    )
    if computed:
        return computed
    found = Innovation.objects.listed_for(viewer).only("slug", "title", "stage").in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


# Related innovations are ranked among the newest of those sharing a theme or a tag with
# the innovation: scoring every listed innovation took 1 to 3 s at 100,000 of them.
RELATED_CANDIDATES = 500


def _rank_related(innovation, viewer, limit):
    themes = [f.value for f in innovation.facets.all() if f.kind == "theme"]
    tag_ids = [tag.pk for tag in innovation.tags.all()]
    if not themes and not tag_ids:
        return []
    with_themes = InnovationFacet.objects.filter(kind="theme", value__in=themes)
    with_tags = TaggedInnovation.objects.filter(tag_id__in=tag_ids)
    candidates = (
        Innovation.objects.listed_for(viewer)
        .exclude(pk=innovation.pk)
        .filter(
            Exists(with_themes.filter(innovation=OuterRef("pk")))
            | Exists(with_tags.filter(content_object=OuterRef("pk")))
        )
        .order_by("-published_at", "-pk")
        .values("pk")[:RELATED_CANDIDATES]
    )
    shared_themes = (
        with_themes.filter(innovation=OuterRef("pk")).values("innovation").annotate(n=Count("pk"))
    )
    shared_tags = (
        with_tags.filter(content_object=OuterRef("pk"))
        .values("content_object")
        .annotate(n=Count("pk"))
    )
    score = Coalesce(
        Subquery(shared_themes.values("n"), output_field=IntegerField()), Value(0)
    ) + Coalesce(Subquery(shared_tags.values("n"), output_field=IntegerField()), Value(0))
    return list(
        Innovation.objects.filter(pk__in=Subquery(candidates))
        .annotate(score=score)
        .order_by("-score", "-published_at", "-pk")[:limit]
    )


def _json_ld(innovation, request):
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": innovation.title,
        "description": innovation.summary,
        "url": settings.SITE_URL + innovation.get_absolute_url(),
        "dateModified": innovation.updated_at.isoformat(),
        "keywords": ", ".join(sorted(tag.name for tag in innovation.tags.all())),
    }
    if innovation.published_at:
        data["datePublished"] = innovation.published_at.isoformat()
    if innovation.organisation:
        data["publisher"] = {"@type": "Organization", "name": innovation.organisation.name}
    return json_ld(data)


def detail(request, slug):
    viewer = request.user
    member = viewer.is_authenticated and viewer.is_member
    queryset = Innovation.objects.select_related("owner", "organisation").prefetch_related(
        Prefetch("facets", queryset=InnovationFacet.objects.order_by("kind", "value")),
        Prefetch("team", queryset=TeamMember.objects.select_related("user").order_by("pk")),
        "tags",
    )
    queryset = with_endorsements(queryset)
    if member:
        queryset = queryset.annotate(
            endorsed=Exists(Endorsement.objects.filter(innovation=OuterRef("pk"), user=viewer)),
            following=Exists(Follow.objects.filter(innovation=OuterRef("pk"), user=viewer)),
            # The team's change waiting for a moderator, if any (shown to the team only).
            change_waiting_since=Subquery(
                Revision.objects.proposed()
                .filter(innovation=OuterRef("pk"))
                .values("created_at")[:1]
            ),
        )
    innovation = innovation_for_viewer(slug, viewer, queryset)
    on_team = innovation.has_on_team(viewer)
    adoptions = innovation.adoptions.order_by("-adopted_on", "-created_at")
    if not (on_team or viewer.is_staff):
        adoptions = adoptions.filter(status=Adoption.Status.CONFIRMED)
    stage_values = Stage.values
    stage_index = stage_values.index(innovation.stage) if innovation.stage else -1
    context = {
        "innovation": innovation,
        "on_team": on_team,
        "can_edit": can_edit(viewer, innovation),
        # The team's change waiting for a moderator (they see it; the page shows the approved).
        "change_waiting_since": getattr(innovation, "change_waiting_since", None)
        if on_team
        else None,
        "is_member": member,
        "facets": innovation.facet_labels(),
        "versions": innovation.versions_for(viewer),
        "ladder": [
            {
                "value": value,
                "label": label,
                "done": index < stage_index,
                "current": index == stage_index,
            }
            for index, (value, label) in enumerate(Stage.choices)
        ],
        "comments": list(
            Comment.objects.filter(innovation=innovation).shown().select_related("author")
        ),
        "updates": list(innovation.updates.shown().select_related("author")),
        "adoptions": list(adoptions.select_related("proposed_by")),
        "interests": list(innovation.interests.select_related("user")) if on_team else [],
        # Visitors' messages a moderator let through (or that came from a known address).
        "visitor_interests": list(
            innovation.visitor_interests.filter(state=VisitorInterest.State.SENT).prefetch_related(
                Prefetch("replies", queryset=VisitorReply.objects.select_related("author"))
            )
        )
        if on_team
        else [],
        "visitor_reply_form": VisitorReplyForm() if on_team else None,
        "related": related_innovations(innovation, viewer),
        # Events link to innovations; read them through the reverse relation.
        "presented_at": list(innovation.presented_at.listed_for(viewer).order_by("-starts_at")),
        "json_ld": _json_ld(innovation, request),
        "comment_form": CommentForm(),
        "update_form": UpdateForm(),
        "team_form": TeamAddForm(),
        "edit_window": services.COMMENT_EDIT_WINDOW,
    }
    return render(request, "innovations/detail.html", context)


def cover(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    if not innovation.cover:
        raise Http404
    response = FileResponse(innovation.cover.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = ("public" if innovation.is_public else "private") + ", max-age=3600"
    return response


@xframe_options_exempt
@csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})
def embed(request, slug):
    """A small card for partner websites: the one page that may be framed. Public only."""
    innovation = innovation_for_viewer(slug, None, card_queryset(Innovation.objects.public()))
    return render(request, "innovations/embed.html", {"innovation": innovation})


def tag_suggestions(request):
    """Existing tags starting with what was typed, for the tag field's suggestions."""
    # PostgreSQL refuses a NUL byte in text: drop it rather than fail.
    prefix = request.GET.get("q", "").replace("\x00", "").strip()[:50]
    names = []
    if prefix:
        names = list(
            Tag.objects.filter(
                name__istartswith=prefix,
                innovations_taggedinnovation_items__content_object__in=Innovation.objects.listed_for(
                    request.user
                ),
            )
            .values_list("name", flat=True)
            .distinct()
            .order_by("name")[:10]
        )
    return JsonResponse({"tags": names})
