"""The listing: upcoming, past and "my events", with filters and facet counts."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from events.access import my_event_ids, viewer_zone
from events.filters import EventFilter
from events.models import Event, EventType, Registration, Scope
from network.cache import cached_for_audience, shared_listing
from network.facets import facet_options, query_without_page
from network.taxonomy import Language, Region

PAGE_SIZE = 20
ORDER = {
    "upcoming": ("starts_at", "pk"),
    "past": ("-starts_at", "-pk"),
    "mine": ("-starts_at", "-pk"),
}


def _month_choices(counts):
    choices = []
    for value in counts:
        day = parse_date(f"{value}-01")
        if day is not None:
            choices.append((value, date_format(day, "YEAR_MONTH_FORMAT")))
    return choices


def listing(request):
    viewer = request.user
    when = request.GET.get("when")
    if when not in ORDER or (when == "mine" and not viewer.is_authenticated):
        when = "upcoming"
    now = timezone.now()
    base = Event.objects.listed_for(viewer)
    if when == "upcoming":
        base = base.upcoming(now)
    elif when == "past":
        base = base.past(now)
    else:
        base = base.filter(pk__in=my_event_ids(viewer))
    filterset = EventFilter(request.GET or None, queryset=base)
    results = filterset.qs.with_seats().order_by(*ORDER[when]).prefetch_related("languages")
    # Members named on a private event (or hosting one) see more events than the others:
    # they count their own, while visitors and every other member share the page count and
    # the facet counts. "My events" are each member's own.
    members_share = when != "mine" and Event.objects.same_as_every_member
    filters = [("when", when)] + [
        (k, v) for k, v in request.GET.lists() if k not in ("page", "when")
    ]
    page, counts = shared_listing(
        request, results, per_page=PAGE_SIZE,
        count=results.count, facets=filterset.facets,
        share=lambda what, compute: cached_for_audience(
            f"events-{what}", viewer, filters, compute, members_share=members_share
        ),
    )  # fmt: skip
    get = request.GET.get
    facets = {
        "type": facet_options(EventType.choices, counts["type"], get("type")),
        "scope": facet_options(Scope.choices, counts["scope"], get("scope")),
        "region": facet_options(Region.choices, counts["region"], get("region")),
        "language": facet_options(Language.choices, counts["language"], get("language")),
        "month": facet_options(_month_choices(counts["month"]), counts["month"], get("month")),
    }
    mine = {}
    if viewer.is_authenticated:
        mine = dict(
            Registration.objects.filter(user=viewer, event__in=[e.pk for e in page.object_list])
            .exclude(status=Registration.Status.CANCELLED)
            .values_list("event_id", "status")
        )
    for event in page.object_list:
        event.my_status = mine.get(event.pk, "")
    return render(
        request,
        "events/listing.html",
        {
            "page_obj": page,
            "facets": facets,
            "when": when,
            "now": now,
            "zone": viewer_zone(request),
            "query_string": query_without_page(request),
            "filtered": any(get(key) for key in facets),
        },
    )
