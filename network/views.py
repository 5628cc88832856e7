"""The base's pages: health, robots, notifications, reports, and the links in emails
(unsubscribe, actions). The pages that gather every app are in ``portal``."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import IntegrityError, connection, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from network import content, links, moderation
from network.celery import app
from network.forms import ReportForm
from network.models import Delivery, Notification, Report


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
    reportable = content.reportable(label.replace("-", "."))
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
    try:
        payload = links.read_action_token(token)
    except signing.SignatureExpired:
        return render(request, "network/act.html", {"expired": True}, status=410)
    except signing.BadSignature:
        raise Http404 from None
    action = content.action(payload["a"])
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
