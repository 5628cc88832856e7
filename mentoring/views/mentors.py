"""Find a mentor, and a member's own mentor profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import visible_levels
from mentoring import ranking
from mentoring.access import is_member, require_member
from mentoring.filters import MentorFilter
from mentoring.forms import MentorProfileForm
from mentoring.models import MentorProfile
from mentoring.services.mentors import mentor_profile_save
from network.cache import shared_aggregate
from network.facets import facet_options, query_without_page
from network.taxonomy import Language, Region, Theme

PAGE_SIZE = 20


def mentor_list(request):
    """Mentors ranked for the viewer by match score, each card saying why.

    Visitors and applicants see what mentoring is and how to join, and no mentor at all.
    Two phases, so that the page scales with the number of mentors: every filtered mentor
    is scored and ranked from plain values (:func:`ranking.score_candidates`, four queries,
    no model instances), then only the requested page's mentors are loaded as cards
    (:func:`ranking.cards_for`, four queries). A fixed number of queries whatever the number
    of mentors: the viewer's features, the filter's tag choices, the scoring rows, the page's
    cards, the viewer's own mentor profile.
    """
    viewer = request.user
    if not is_member(viewer):
        return render(request, "mentoring/mentor_list.html", {"members_only": True})
    now = timezone.now()
    levels = visible_levels(viewer)
    base = MentorProfile.objects.visible_to(viewer).listed().exclude(user=viewer)
    filterset = MentorFilter(request.GET or None, queryset=base, levels=levels)

    def score():
        mentee = ranking.member_features(viewer, now=now)
        return ranking.packed(
            ranking.score_candidates(filterset.qs, mentee, levels=levels, now=now)
        )

    # The ranking is the viewer's own; kept for a minute so that paging through it and coming
    # back does not score every mentor again (forgotten when a mentor or member changes).
    filters = sorted((k, v) for k, v in request.GET.lists() if k != "page")
    scored = shared_aggregate("mentor-ranking", f"member:{viewer.pk}", filters, score)
    # The paginator counts and slices the ranked ids; only the page becomes cards.
    page = Paginator(scored, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = ranking.with_shared_parts(
        ranking.cards_for(filterset.qs, ranking.unpacked(page.object_list)), levels
    )
    get = request.GET.get
    selected_expertise = set(request.GET.getlist("expertise"))
    context = {
        "page_obj": page,
        "levels": levels,
        "query_string": query_without_page(request),
        "filters": {
            "expertise": facet_options(filterset.choices("expertise"), None, selected_expertise),
            "theme": facet_options(Theme.choices, None, get("theme")),
            "language": facet_options(Language.choices, None, get("language")),
            "region": facet_options(Region.choices, None, get("region")),
            "available": get("available") == "true",
        },
        "filtered": any(get(key) for key in ("expertise", "theme", "language", "region"))
        or get("available") == "true",
        "my_mentor_profile": MentorProfile.objects.filter(user=viewer).first(),
    }
    return render(request, "mentoring/mentor_list.html", context)


@login_required
def mentor_edit(request):
    """Opt in as a mentor, or change one's offer (capacity, availability, languages...)."""
    require_member(request.user)
    mentor = MentorProfile.objects.filter(user=request.user).first()
    form = MentorProfileForm(request.POST or None, instance=mentor, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                mentor_profile_save(
                    user=request.user,
                    bio=data["bio"],
                    capacity=data["capacity"],
                    availability=data["availability"],
                    expertise=data["expertise"],
                    themes=data["themes"],
                    languages=data["languages"],
                    formats=data["formats"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your mentor profile is saved.")
                    if mentor
                    else _("Thank you for offering to mentor. Members can now ask you."),
                )
                return redirect("mentoring:home")
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(request, "mentoring/mentor_form.html", {"form": form, "mentor": mentor})
