"""Reading the library: the list with filters and facet counts, a resource's page, collections."""

import csv

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from innovations.models import Innovation
from network.cache import STEADY_SECONDS, cached_for_audience, shared_listing
from network.facets import facet_options, query_without_page
from network.taxonomy import Language, Theme
from network.utils import spreadsheet_safe
from resources.access import collection_for_viewer, may_edit_collection, resource_for_viewer
from resources.brief import collection_brief_pdf
from resources.collections import can_curate, curated_by
from resources.filters import SORTS, LibraryFilter
from resources.forms import UsefulMarkForm
from resources.models import (
    Access,
    Collection,
    Publisher,
    Resource,
    ResourceTheme,
    ResourceType,
    UsefulMark,
)

PAGE_SIZE = 20
# Short labels for the filter (the model's say more, for the forms).
ACCESS_CHOICES = [(Access.PUBLIC, _("Public")), (Access.MEMBERS, _("Members only"))]
FILTER_NAMES = ("q", "type", "theme", "language", "publisher", "year", "access", "tag")


def card_queryset(queryset):
    """What a resource card shows, in a fixed number of queries."""
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("themes", queryset=ResourceTheme.objects.order_by("theme"))
    )


def collections_for(viewer):
    """Published collections holding at least one innovation or resource ``viewer`` may see,
    with how many."""
    listed = Q(items__resource__in=Resource.objects.listed_for(viewer).values("pk")) | Q(
        items__innovation__in=Innovation.objects.listed_for(viewer).values("pk")
    )
    return list(
        Collection.objects.published()
        .annotate(item_count=Count("items", filter=listed))
        .filter(item_count__gt=0)
        .order_by("title", "pk")
    )


def library(request):
    viewer = request.user
    filterset = LibraryFilter(request.GET or None, queryset=Resource.objects.listed_for(viewer))
    sort = request.GET.get("sort")
    results = filterset.qs.order_by(*SORTS.get(sort, SORTS["newest"]))
    filters = [(k, v) for k, v in request.GET.lists() if k not in ("page", "sort")]
    page, counts = shared_listing(
        request, card_queryset(results), per_page=PAGE_SIZE,
        count=results.count, facets=filterset.facets,
        share=lambda what, compute: cached_for_audience(
            f"library-{what}", viewer, filters, compute, seconds=STEADY_SECONDS
        ),
    )  # fmt: skip
    get = request.GET.get
    years = sorted(counts["year"], reverse=True)
    facets = {
        "type": facet_options(ResourceType.choices, counts["type"], get("type")),
        "theme": facet_options(Theme.choices, counts["theme"], get("theme")),
        "language": facet_options(Language.choices, counts["language"], get("language")),
        "publisher": facet_options(Publisher.choices, counts["publisher"], get("publisher")),
        "year": facet_options([(year, year) for year in years], counts["year"], get("year")),
        "access": facet_options(ACCESS_CHOICES, counts["access"], get("access")),
    }
    filtered = any(get(name) for name in FILTER_NAMES)
    return render(
        request,
        "resources/library.html",
        {
            "page_obj": page,
            "facets": facets,
            "sort": sort if sort in SORTS else "newest",
            "query_string": query_without_page(request),
            "filtered": filtered,
            "collections": collections_for(viewer) if not filtered and page.number == 1 else [],
        },
    )


def language_versions(resource: Resource, viewer) -> list[Resource]:
    """The same work in other languages, only those ``viewer`` may see, by language."""
    work = resource.work_id
    versions = (
        Resource.objects.listed_for(viewer)
        .filter(Q(pk=work) | Q(translation_of=work))
        .exclude(pk=resource.pk)
        .only("slug", "title", "language")
    )
    return sorted(versions, key=lambda version: version.language_name_local)


def used_in_events(resource: Resource, viewer) -> list:
    """Events that use the resource (their materials), for ``viewer``.

    The events app links to resources, not the other way round: this app reaches them through
    the reverse relation and the events' own ``listed_for``, never by importing the events app.
    """
    related = getattr(resource, "events", None)
    listed_for = getattr(related, "listed_for", None)
    return list(listed_for(viewer)) if callable(listed_for) else []


def render_detail(request, resource: Resource, *, useful_form=None):
    viewer = request.user
    member = viewer.is_authenticated and viewer.is_member
    marks = UsefulMark.objects.filter(resource=resource, member__is_active=True)
    useful_count = marks.count()
    notes = list(marks.select_related("member")) if member else []
    my_mark = next((mark for mark in notes if mark.member_id == viewer.pk), None)
    if useful_form is None and member:
        useful_form = UsefulMarkForm(instance=my_mark)
    context = {
        "resource": resource,
        "is_member": member,
        "is_contributor": viewer.is_authenticated and resource.contributor_id == viewer.pk,
        "versions": language_versions(resource, viewer),
        "innovations": list(
            Innovation.objects.listed_for(viewer).filter(resources=resource).order_by("title")
        ),
        "events": used_in_events(resource, viewer),
        "collections": list(
            Collection.objects.published().filter(items__resource=resource).distinct()
        ),
        "useful_count": useful_count,
        "useful_notes": [mark for mark in notes if mark.note],
        "my_mark": my_mark,
        "useful_form": useful_form,
    }
    return render(request, "resources/detail.html", context)


def detail_queryset():
    return Resource.objects.select_related("organisation", "contributor").prefetch_related(
        Prefetch("themes", queryset=ResourceTheme.objects.order_by("theme")), "tags"
    )


def detail(request, slug):
    resource = resource_for_viewer(slug, request.user, detail_queryset())
    return render_detail(request, resource)


def collection_list(request):
    user = request.user
    context = {
        "collections": collections_for(user),
        "can_curate": can_curate(user),
        "mine": curated_by(user),
    }
    return render(request, "resources/collection_list.html", context)


def collection_detail(request, slug):
    viewer = request.user
    collection = collection_for_viewer(slug, viewer)
    return render(
        request,
        "resources/collection_detail.html",
        {
            "collection": collection,
            "items": collection.items_for(viewer),
            "can_edit": may_edit_collection(collection, viewer),
        },
    )


def _public_collection(slug):
    """A published collection for partners: its public items only, whoever asks."""
    collection = collection_for_viewer(slug, AnonymousUser())
    return collection, collection.items_for(None)


def _item_row(item) -> dict:
    thing = item.thing
    is_resource = item.resource_id is not None
    return {
        "type": "resource" if is_resource else "innovation",
        "title": thing.title,
        "url": settings.SITE_URL + thing.get_absolute_url(),
        "summary": thing.summary,
        "language": thing.language,
        "note": item.note,
    }


@require_safe
def collection_export(request, slug, fmt):
    """A collection's public items as CSV or JSON, for partners' own lists, or as a PDF brief
    to print or pass on."""
    if fmt not in ("csv", "json", "pdf"):
        raise Http404
    collection, items = _public_collection(slug)
    rows = [_item_row(item) for item in items]
    if fmt == "pdf":
        response = HttpResponse(collection_brief_pdf(collection, items), "application/pdf")
    elif fmt == "json":
        data = {
            "title": collection.title,
            "description": collection.description,
            "url": settings.SITE_URL + collection.get_absolute_url(),
            "items": rows,
        }
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(["type", "title", "url", "summary", "language", "note"])
        for row in rows:
            writer.writerow([spreadsheet_safe(value) for value in row.values()])
    response["Content-Disposition"] = f'attachment; filename="{collection.slug}.{fmt}"'
    return response


@require_safe
@xframe_options_exempt
@csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})
def collection_embed(request, slug):
    """A small card of the collection for partner websites (framed): public items only."""
    collection, items = _public_collection(slug)
    return render(
        request, "resources/collection_embed.html", {"collection": collection, "items": items}
    )
