"""Directory, profiles, organisations, and a member's own account pages."""

import json

from allauth.account import app_settings as allauth_settings
from allauth.account import forms as account_forms
from allauth.utils import get_form_class
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_countries import countries

from members import services
from members.access import kept_apart, member_for_viewer, shown_fields
from members.filters import DirectoryFilter, OrganisationFilter
from members.forms import (
    AnswerForm,
    DeleteAccountForm,
    FollowForm,
    MessageForm,
    PreferencesForm,
    ProfileForm,
)
from members.models import (
    Affiliation,
    Block,
    Message,
    Organisation,
    User,
    listed_q,
    showing_q,
    visible_levels,
)
from network.cache import shared_aggregate, shared_listing, shared_parts
from network.facets import facet_options, query_without_page
from network.models import FollowedTopic
from network.taxonomy import Language, OrganisationType, Region, Theme

DIRECTORY_PAGE_SIZE = 24


# What a directory card reads beyond the member and their profile.
MEMBER_CARD = (
    Prefetch(
        "affiliations", queryset=Affiliation.objects.select_related("organisation").order_by("pk")
    ),
    "profile__expertise",
)


def directory(request):
    viewer = request.user
    filterset = DirectoryFilter(
        request.GET or None, queryset=User.objects.listed_for(viewer), viewer=viewer
    )
    results = filterset.qs
    if not results.ordered:
        results = results.order_by("display_name", "username")
    results = results.select_related("profile")
    viewer_levels = visible_levels(viewer)
    levels = repr(sorted(viewer_levels))
    filters = sorted((k, v) for k, v in request.GET.lists() if k not in ("page", "sort"))
    page, facets = shared_listing(
        request, results, per_page=DIRECTORY_PAGE_SIZE,
        count=results.count, facets=filterset.facets,
        share=lambda what, compute: shared_aggregate(
            f"directory-{what}", levels, filters, compute
        ),
    )  # fmt: skip
    data = filterset.form.cleaned_data if filterset.is_bound and filterset.form.is_valid() else {}
    selected_expertise = set(request.GET.getlist("expertise"))
    expertise_counts = facets["expertise"]
    top_expertise = sorted(expertise_counts, key=lambda n: (-expertise_counts[n], n))[:20]
    # The cards are the same for every viewer with the same visibility levels: shared among
    # them, and what only a card shows read just for the cards rendered afresh.
    cards = shared_parts(
        "members/_member_card.html", list(page.object_list), depends_on=levels,
        context=lambda member: {"member": member, "levels": viewer_levels},
        prepare=lambda missing: prefetch_related_objects(missing, *MEMBER_CARD),
    )  # fmt: skip
    context = {
        "filter": filterset,
        "page_obj": page,
        "cards": cards,
        "facets": {
            "country": facet_options(
                sorted(((c, countries.name(c)) for c in facets["country"]), key=lambda x: x[1]),
                facets["country"],
                request.GET.get("country"),
            ),
            "region": facet_options(Region.choices, facets["region"], request.GET.get("region")),
            "organisation_type": facet_options(
                OrganisationType.choices,
                facets["organisation_type"],
                request.GET.get("organisation_type"),
            ),
            "language": facet_options(
                Language.choices, facets["language"], request.GET.get("language")
            ),
            "expertise": facet_options(
                [(n, n) for n in sorted(set(top_expertise) | selected_expertise)],
                expertise_counts,
                selected_expertise,
            ),
            "mentors": facets["open_to_mentor"]["true"],
        },
        "data": data,
        "query_string": query_without_page(request),
    }
    return render(request, "members/directory.html", context)


def profile(request, username):
    viewer = request.user
    member = member_for_viewer(username, viewer)
    profile = member.profile
    levels = visible_levels(viewer)
    organisations = []
    if profile.shows("organisation", viewer):
        organisations = list(member.affiliations.select_related("organisation"))
    context = {
        "member": member,
        "innovations": member.owned_innovations.listed_for(viewer).order_by("-published_at")[:20],
        # Events link to members; count through the reverse relation.
        "attended": member.event_registrations.attended(viewer=viewer).count(),
        "mentorships_completed": {
            "as_mentor": member.mentorships_as_mentor.filter(status="completed").count(),
            "as_mentee": member.mentorships_as_mentee.filter(status="completed").count(),
        },
        # Credentials link to members too: those the member chose to show.
        "credentials": list(member.credentials.on_profile()[:50]),
        "profile": profile,
        "organisations": organisations,
        "languages": [lang.get_code_display() for lang in profile.languages.all()],
        "shows": shown_fields(profile, viewer),
        "levels": levels,
        "can_contact": viewer.is_authenticated
        and viewer.is_member
        and viewer.pk != member.pk
        and not kept_apart(viewer, member),
        "has_blocked": viewer.is_authenticated
        and Block.objects.filter(blocker=viewer, blocked=member).exists(),
    }
    return render(request, "members/profile.html", context)


def avatar(request, username):
    """Photos are served through this check, never from a public media URL."""
    member = member_for_viewer(username, request.user)
    if not member.profile.avatar:
        raise Http404
    response = FileResponse(member.profile.avatar.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def message(request, username):
    member = member_for_viewer(username, request.user)
    if not request.user.is_member or member == request.user:
        raise Http404
    # A reply starts from the subject it answers (?subject=...), as the conversation links.
    initial = {"subject": request.GET.get("subject", "")[:150]}
    form = MessageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(sender=request.user, recipient=member, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your message was sent to %(name)s. Their answer will be in your messages.")
                % {"name": member},
            )
            return redirect(member)
    return render(request, "members/message.html", {"member": member, "form": form})


MESSAGES_PAGE_SIZE = 30


@login_required
@require_safe
def conversations(request):
    """The member's messages, received and sent, newest first."""
    mine = (
        Message.objects.filter(Q(sender=request.user) | Q(recipient=request.user))
        .select_related("sender", "recipient")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(mine, MESSAGES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "members/conversations.html", {"page_obj": page})


@login_required
@require_safe
def conversation(request, pk):
    """One message to or from the member, and a way to answer it on the site."""
    message = get_object_or_404(
        Message.objects.select_related("sender", "recipient").filter(
            Q(sender=request.user) | Q(recipient=request.user)
        ),
        pk=pk,
    )
    other = message.recipient if message.sender_id == request.user.pk else message.sender
    can_answer = (
        other is not None
        and request.user.is_member
        and User.objects.visible_to(request.user).filter(pk=other.pk).exists()
        and not kept_apart(request.user, other)
    )
    subject = message.subject if message.subject.startswith("Re: ") else f"Re: {message.subject}"
    return render(
        request,
        "members/conversation.html",
        {"message": message, "other": other, "can_answer": can_answer, "reply_subject": subject},
    )


@login_required
@require_POST
def block(request, username):
    member = member_for_viewer(username, request.user)
    if request.POST.get("action") == "unblock":
        services.block_remove(blocker=request.user, blocked=member)
        messages.success(request, _("You unblocked %(name)s.") % {"name": member})
    else:
        services.block_create(blocker=request.user, blocked=member)
        messages.success(
            request, _("You blocked %(name)s: they can no longer contact you.") % {"name": member}
        )
    return redirect(member)


@login_required
def dashboard(request):
    """The member's own page; an applicant asked a question by a moderator answers it here."""
    user = request.user
    profile = getattr(user, "profile", None)
    answer_form = None
    if user.status == User.Status.APPLICANT and profile is not None and profile.question:
        answer_form = AnswerForm(request.POST if request.method == "POST" else None)
        if answer_form.is_valid():
            services.application_answer(user=user, answer=answer_form.cleaned_data["answer"])
            messages.success(request, _("Thank you: your answer was sent to the moderators."))
            return redirect("members:dashboard")
    context = {"member": user, "answer_form": answer_form}
    return render(request, "members/dashboard.html", context)


@login_required
def edit(request):
    user = request.user
    profile = user.profile
    profile_form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile, user=user, prefix="profile"
    )
    preferences_form = PreferencesForm(
        request.POST or None, instance=profile, user=user, prefix="preferences"
    )
    if request.method == "POST":
        if profile_form.is_valid() and preferences_form.is_valid():
            data = profile_form.cleaned_data
            profile = profile_form.save(commit=False)
            services.profile_update(
                user=user,
                profile=profile,
                display_name=data["display_name"],
                languages=data["languages"],
                expertise=data["expertise"],
                interests=data["interests"],
                avatar=data.get("avatar_upload"),
                remove_avatar=data.get("remove_avatar", False),
            )
            preferences_form.save(commit=False)
            services.preferences_update(
                user=user,
                profile=profile,
                language=preferences_form.cleaned_data["language"],
                timezone_name=preferences_form.cleaned_data["timezone"],
            )
            messages.success(request, _("Your profile and preferences are saved."))
            return redirect("members:edit")
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(
        request,
        "members/edit.html",
        {"profile_form": profile_form, "preferences_form": preferences_form},
    )


@login_required
def export(request):
    data = services.account_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-network-data.json"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(
            request, _("Your account is deleted. Thank you for being part of the network.")
        )
        return redirect("home")
    return render(request, "members/delete.html", {"form": form})


def organisation_list(request):
    filterset = OrganisationFilter(request.GET or None, queryset=Organisation.objects.listed())
    # Counted as the organisation's page lists them: members the viewer may find, who show
    # their organisations to the viewer.
    shown_here = listed_q(request.user, "affiliations__user__") & showing_q(
        "organisation", request.user, "affiliations__user__"
    )
    results = filterset.qs.annotate(member_count=Count("affiliations", filter=shown_here)).order_by(
        "name"
    )
    page = Paginator(results, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "members/organisation_list.html",
        {"filter": filterset, "page_obj": page, "query_string": query_without_page(request)},
    )


def organisation_logo(request, slug):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not organisation.logo:
        raise Http404
    response = FileResponse(organisation.logo.open("rb"), content_type="image/jpeg")
    # A pending organisation's logo is for its applicant and staff: no shared cache keeps it.
    response["Cache-Control"] = (
        "private, max-age=3600" if organisation.pending else "public, max-age=86400"
    )
    return response


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    affiliations = (
        organisation.affiliations.filter(
            listed_q(request.user, "user__") & showing_q("organisation", request.user, "user__")
        )
        .select_related("user")
        .order_by("user__display_name")
    )
    # Content apps link to organisations; read them through the reverse relations.
    innovations = organisation.innovations.listed_for(request.user).order_by("-published_at")[:20]
    return render(
        request,
        "members/organisation_detail.html",
        {"organisation": organisation, "affiliations": affiliations, "innovations": innovations},
    )


@login_required
@require_POST
def follow_topic(request):
    """Follow or unfollow a theme, tag, organisation or member (members only)."""
    form = FollowForm(request.POST)
    if not form.is_valid():  # a kind that is not one, a NUL byte, a value too long
        raise Http404
    kind, value = form.cleaned_data["kind"], form.cleaned_data["value"]
    valid = {
        "theme": lambda v: v in Theme.values,
        "tag": lambda v: bool(v),
        "organisation": lambda v: Organisation.objects.listed().filter(slug=v).exists(),
        # Only someone the member may see: following names nobody they could not find.
        "member": lambda v: User.objects.visible_to(request.user).filter(username=v).exists(),
    }
    if not request.user.is_member or not valid[kind](value):
        raise Http404
    deleted, _rows = FollowedTopic.objects.filter(
        user=request.user, kind=kind, value=value
    ).delete()
    if not deleted:
        FollowedTopic.objects.get_or_create(user=request.user, kind=kind, value=value)
        messages.success(
            request, _("Followed: you will see it on your home page and in your weekly digest.")
        )
    else:
        messages.success(request, _("You no longer follow it."))
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


# The account forms a rate limit can stop (allauth's form ids), by the name of their URL.
KEPT_FORMS = {
    "account_signup": ("signup", account_forms.SignupForm),
    "account_login": ("login", account_forms.LoginForm),
    "account_reset_password": ("reset_password", account_forms.ResetPasswordForm),
}


def too_many_requests(request, exception=None):
    """allauth's answer when a rate limit stops a sign-up, sign-in or reset: a page of the site
    that says why and what to do, with the form filled in again as it was typed (passwords
    excepted), ready to send once the wait is over."""
    form = None
    match = getattr(request, "resolver_match", None)
    kept = KEPT_FORMS.get(match.url_name if match else None)
    if kept and request.method == "POST":
        form_id, default = kept
        typed = {
            name: value
            for name, value in request.POST.items()
            if "password" not in name and name != "csrfmiddlewaretoken"
        }
        form_class = get_form_class(allauth_settings.FORMS, form_id, default)
        form = form_class(initial=typed, **({"request": request} if form_id == "login" else {}))
    return render(request, "429.html", {"form": form}, status=429)
