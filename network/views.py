"""Home, health, robots and notifications."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from events.models import Event
from innovations.models import Innovation, InnovationFacet, TeamMember
from innovations.views.showcase import card_queryset
from members.models import Organisation
from network import links, registry
from network.cache import cached_for_audience
from network.models import Delivery, Notification
from resources.models import Resource


def home(request):
    User = get_user_model()
    viewer = request.user
    listed = Innovation.objects.listed_for(viewer)
    # The two figures over every listed innovation are shared for a minute by an audience.
    countries, innovations = cached_for_audience(
        "home-figures",
        viewer,
        [],
        lambda: (
            InnovationFacet.objects.filter(kind="country", innovation__in=listed.values("pk"))
            .values("value")
            .distinct()
            .count(),
            listed.count(),
        ),
    )
    figures = {
        "members": User.objects.approved().count(),
        "countries": countries,
        "innovations": innovations,
        "organisations": Organisation.objects.count(),
        "events": Event.objects.listed_for(viewer).published().upcoming().count(),
    }
    next_events = list(
        Event.objects.listed_for(viewer).published().upcoming().order_by("starts_at")[:3]
    )
    new_resources = list(Resource.objects.listed_for(viewer).order_by("-published_at")[:3])
    featured = list(card_queryset(listed.filter(featured=True)).order_by("-published_at")[:3])
    newest = list(card_queryset(listed.exclude(featured=True)).order_by("-published_at")[:3])
    dashboard = {}
    if viewer.is_authenticated:
        on_team = TeamMember.objects.filter(user=viewer).values("innovation")
        dashboard["mine"] = list(
            Innovation.objects.filter(Q(owner=viewer) | Q(pk__in=on_team))
            .filter(hidden_at__isnull=True)
            .order_by("-updated_at")[:5]
        )
        wanted = set(viewer.profile.interests.values_list("name", flat=True)) | set(
            viewer.profile.expertise.values_list("name", flat=True)
        )
        # A semi-join, not a join and DISTINCT: the newest four come down the index.
        dashboard["suggested"] = list(
            listed.filter(pk__in=tagged_with(wanted))
            .exclude(owner=viewer)
            .order_by("-published_at")[:4]
        ) if wanted else []  # fmt: skip
        dashboard["sections"] = [section(request) for section in registry.HOME_SECTIONS]
        dashboard["following"] = following_innovations(viewer, listed)
    return render(
        request,
        "network/home.html",
        {
            "figures": figures,
            "featured": featured,
            "newest": newest,
            "next_events": next_events,
            "new_resources": new_resources,
            "dashboard": dashboard,
        },
    )


def following_innovations(viewer, listed, limit=5):
    """Newest innovations from the themes, tags, organisations and members ``viewer`` follows."""
    from network.models import FollowedTopic

    follows = {}
    for kind, value in FollowedTopic.objects.filter(user=viewer).values_list("kind", "value"):
        follows.setdefault(kind, []).append(value)
    if not follows:
        return []
    match = Q(pk__in=[])
    if follows.get("theme"):
        match |= Q(
            pk__in=InnovationFacet.objects.filter(kind="theme", value__in=follows["theme"]).values(
                "innovation"
            )
        )
    if follows.get("tag"):
        match |= Q(pk__in=tagged_with(follows["tag"]))
    if follows.get("organisation"):
        match |= Q(organisation__slug__in=follows["organisation"])
    if follows.get("member"):
        match |= Q(owner__username__in=follows["member"])
    return list(listed.filter(match).exclude(owner=viewer).order_by("-published_at")[:limit])


def tagged_with(names):
    """The ids of innovations carrying any of the tags ``names`` (for a semi-join)."""
    from innovations.models import TaggedInnovation

    return TaggedInnovation.objects.filter(tag__name__in=names).values("content_object")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _broker_ok() -> bool | None:
    """None when no broker is configured (eager mode), else whether it answers."""
    if not settings.CELERY_BROKER_URL or settings.CELERY_TASK_ALWAYS_EAGER:
        return None
    from network.celery import app

    try:
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: 200 when the database (and broker, if any) answer, else 503."""
    checks = {"database": _database_ok()}
    broker = _broker_ok()
    if broker is not None:
        checks["broker"] = broker
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if healthy else 503)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /notifications/",
        "Disallow: /members/me/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "network/notifications.html", {"page_obj": page})


@login_required
@require_POST
def notification_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications")


@login_required
@require_POST
def notification_read_all(request):
    Notification.objects.for_user(request.user).unread().update(read_at=timezone.now())
    return redirect("notifications")


REPORTS_PER_DAY = 20


@login_required
def report(request, label, pk):
    """Report something you can see. Reporters stay anonymous to the reported member."""
    from django.contrib import messages
    from django.http import Http404
    from django.utils.translation import gettext as _

    from network import moderation
    from network.forms import ReportForm
    from network.models import Report

    reportable = moderation.REGISTRY.get(label.replace("-", "."))
    if reportable is None or not request.user.is_member:
        raise Http404
    try:
        target = reportable.lookup(request.user, pk)
    except reportable.model.DoesNotExist:
        raise Http404 from None
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        since = timezone.now() - timezone.timedelta(days=1)
        if (
            Report.objects.filter(reporter=request.user, created_at__gte=since).count()
            >= REPORTS_PER_DAY
        ):
            form.add_error(None, _("You have sent many reports today; please try again tomorrow."))
        else:
            moderation.report_create(reporter=request.user, target=target, **form.cleaned_data)
            messages.success(
                request,
                _("Thank you. A moderator will look at it; the author will not know it was you."),
            )
            return redirect(_target_url(target))
    return render(request, "network/report.html", {"form": form, "target": target})


def _target_url(target):
    if hasattr(target, "get_absolute_url"):
        return target.get_absolute_url()
    if hasattr(target, "innovation"):
        return target.innovation.get_absolute_url()
    return target.user.get_absolute_url()


# --- from the inbox: unsubscribe and action links --------------------------------------------
@csrf_exempt  # RFC 8058 one-click: mail providers POST without a session; the signed token is
# the credential, and it can only ever unsubscribe the member it names.
@never_cache
def unsubscribe(request, token):
    from django.core import signing
    from django.http import Http404
    from django.utils.translation import gettext as _

    try:
        payload = links.read_unsubscribe_token(token)
    except signing.BadSignature:
        raise Http404 from None
    user = get_user_model().objects.filter(pk=payload["u"]).select_related("profile").first()
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        profile = user.profile
        profile.delivery = "never"
        profile.discovery_digest = False
        profile.save(update_fields=["delivery", "discovery_digest"])
        done = True
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
    return render(request, "network/unsubscribe.html", {"member": user, "done": done})


@never_cache
def act(request, token):
    """An action link from an email: GET shows what it will do; only POST does it."""
    from django.core import signing
    from django.http import Http404

    try:
        payload = links.read_action_token(token)
    except signing.SignatureExpired:
        return render(request, "network/act.html", {"expired": True}, status=410)
    except signing.BadSignature:
        raise Http404 from None
    action = links.ACTIONS.get(payload["a"])
    user = get_user_model().objects.approved().filter(pk=payload["u"]).first()
    if action is None or user is None:
        raise Http404
    if request.user.is_authenticated and request.user.pk != user.pk:
        # Another member is signed in here: a forwarded link never acts for the wrong person.
        raise Http404
    try:
        description = action.describe(payload["o"], user)
    except LookupError:
        raise Http404 from None
    used = Delivery.objects.filter(recipient=user, kind="action", key=payload["n"]).exists()
    result = None
    if request.method == "POST" and not used:
        try:
            with transaction.atomic():
                Delivery.objects.create(
                    recipient=user, kind="action", key=payload["n"], sent_at=timezone.now()
                )
                result = action.run(user, payload["o"])
        except IntegrityError:
            used = True
    return render(
        request,
        "network/act.html",
        {"action": action, "description": description, "used": used, "result": result},
    )


SEARCH_PAGE_SIZE = 20


def search(request):
    """One search over every type, grouped with counts; only what the viewer may see."""
    from network import search as search_registry
    from network.search import uses_full_text
    from network.taxonomy import Region, Theme

    # A NUL byte cannot reach PostgreSQL (it refuses it in text): it is dropped, not searched.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    kind = request.GET.get("type", "")
    region = request.GET.get("region", "")
    theme = request.GET.get("theme", "")
    region = region if region in Region.values else ""
    theme = theme if theme in Theme.values else ""
    sources = search_registry.SOURCES
    groups, page = [], None
    if search_registry.terms(query):
        selected = [s for s in sources if s.key == kind] or sources
        for source in sources:
            if theme and not source.supports_theme:
                continue
            results = source.search(request.user, query, region=region, theme=theme)
            if source in selected and len(selected) == 1:
                page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
                items = [source.result(obj, query) for obj in page.object_list]
                count = page.paginator.count
            else:
                items = [source.result(obj, query) for obj in results[:5]]
                count = len(items)
                if count == 5:
                    # Every visitor sees the same results: their counts are shared.
                    count = cached_for_audience(
                        "search-count", request.user,
                        [("source", source.key), ("q", query), ("region", region), ("theme", theme)],
                        results.count, members_share=False,
                    )  # fmt: skip
            capped = bool(source.max_results) and uses_full_text() and count >= source.max_results
            groups.append({"source": source, "count": count, "items": items, "capped": capped,
                           "selected": source.key == kind})  # fmt: skip
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "network/search.html",
        {
            "query": query,
            "kind": kind,
            "groups": groups,
            "page_obj": page,
            "query_string": params.urlencode(),
            "regions": Region.choices,
            "themes": Theme.choices,
            "region": region,
            "theme": theme,
            "sources": sources,
        },
    )


@login_required
@require_POST
def follow_topic(request):
    """Follow or unfollow a theme, tag, organisation or member (members only)."""
    from django.contrib import messages
    from django.http import Http404
    from django.utils.translation import gettext as _

    from network.models import FollowedTopic
    from network.taxonomy import Theme

    kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()[:100]
    valid = {
        "theme": lambda v: v in Theme.values,
        "tag": lambda v: bool(v),
        "organisation": lambda v: Organisation.objects.filter(slug=v).exists(),
        "member": lambda v: get_user_model().objects.approved().filter(username=v).exists(),
    }
    if not request.user.is_member or kind not in valid or not valid[kind](value):
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
