"""Admin actions that ask for something before they run: a reason (declining applicants or
resources, suspending members, reviewing innovations, deciding on reports) or a message
(emailing an event's registrants). One page shows the selected objects and the form; the
action runs once the form comes back valid."""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from network.moderation import audit


def action_with_form(modeladmin, request, queryset, *, form_class, title, submit, describe,
                     run, intro=""):  # fmt: skip
    """Render the action's page for ``queryset``, or, when the page's form is sent back valid,
    call ``run(form.cleaned_data)`` and return to the list (``None``).

    The form counts as sent when its first field is in the POST: the changelist's own POST
    carries only the action and the selection. ``describe(obj)`` names each selected object.
    """
    first_field = next(iter(form_class.base_fields))
    form = form_class(request.POST if first_field in request.POST else None)
    if form.is_valid():
        run(form.cleaned_data)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": title,
        "intro": intro,
        "items": [(obj.pk, describe(obj)) for obj in queryset],
        "form": form,
        "action": request.POST.get("action", ""),
        "next": request.POST.get("next", ""),
        "submit": submit,
    }
    return render(request, "admin/action_form.html", context)


def decide_each(modeladmin, request, items, decide, done) -> int:
    """Take the decision ``decide(item)`` on each of ``items``, then tell the moderator
    ``done(count)``. Returns how many were decided."""
    count = 0
    for item in items:
        decide(item)
        count += 1
    modeladmin.message_user(request, done(count), messages.SUCCESS)
    return count


def _plain(value):
    """A form value as the audit log keeps it (JSON): objects by id, files by name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set) or (
        hasattr(value, "__iter__") and not hasattr(value, "read")
    ):
        return sorted(_plain(item) for item in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class AuditedAdmin:
    """Every add, change and deletion made on this model's admin pages is in the audit log:
    who, when, and for a change each changed field before and after. (Django's own admin
    history keeps field names only, and anyone with the change permission may read it.)"""

    def save_form(self, request, form, change):
        changed = [name for name in form.changed_data if name in form.cleaned_data]
        request._audited_fields = (
            {name: _plain(form.initial.get(name)) for name in changed},
            {name: _plain(form.cleaned_data.get(name)) for name in changed},
        )
        return super().save_form(request, form, change)

    def log_addition(self, request, obj, message):
        _before, after = getattr(request, "_audited_fields", ({}, {}))
        audit(actor=request.user, action="admin_added", target=obj, after=after)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        before, after = getattr(request, "_audited_fields", ({}, {}))
        audit(actor=request.user, action="admin_changed", target=obj, before=before, after=after)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            audit(actor=request.user, action="admin_deleted", target=obj)
        return super().log_deletions(request, queryset)


class DecisionsAdmin:
    """A moderator's decisions are the same wherever they are taken. Each decision is an
    admin action (which calls its service: the person is told, the moderator's note goes with
    it, dates are set and the audit log written); ``decisions`` names the actions that are
    also buttons on each object's change page, and on its review page when the model has one.
    A button runs that very action on that one object, so a form asking for a reason or a
    note is the same page too.

    ``decisions`` maps an action's name to its button's label and to whether it applies to an
    object in its present state. ``review_template`` (a template under ``admin/``) adds a
    queue of what waits (``review_queryset()``, oldest first) and a page per object that shows
    first what the moderator decides on, with the buttons."""

    decisions: dict = {}
    review_title = ""
    review_template = ""
    review_queue_template = ""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        urls = [
            path("<path:object_id>/decide/<str:name>/", view(self.decide_view),
                 name=f"{prefix}_decide"),
        ]  # fmt: skip
        if self.review_template:
            urls += [
                path("review/", view(self.review_queue_view), name=f"{prefix}_review_queue"),
                path("<path:object_id>/review/", view(self.review_view), name=f"{prefix}_review"),
            ]
        return urls + super().get_urls()

    def _url(self, name, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    def decisions_for(self, request, obj):
        """The buttons for ``obj``: (action name, label) for the decisions that apply to it and
        that this moderator may take."""
        actions = self.get_actions(request)
        return [
            (name, label)
            for name, (label, applies) in self.decisions.items()
            if name in actions and applies(obj)
        ]

    def decide_view(self, request, object_id, name):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        if request.method != "POST":
            return redirect(self._change_url(obj))
        if not self.has_change_permission(request, obj) or name not in dict(
            self.decisions_for(request, obj)
        ):
            raise PermissionDenied
        func = self.get_actions(request)[name].func
        response = func(self, request, self.get_queryset(request).filter(pk=obj.pk))
        if response is not None:
            return response
        after = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            after, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            after = self._change_url(obj)
        return redirect(after)

    def _change_url(self, obj):
        return self._url("change", quote(obj.pk))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            context["decisions"] = self.decisions_for(request, obj)
            if self.review_template:
                context["review_url"] = self._review_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _review_url(self, obj):
        return self._url("review", quote(obj.pk))

    # --- review pages ---------------------------------------------------------------------
    def _review_title(self):
        return self.review_title or _("Waiting for a decision: %(name)s") % {
            "name": self.opts.verbose_name_plural
        }

    def review_queryset(self, request):
        raise NotImplementedError

    def review_context(self, request, obj) -> dict:
        return {}

    def review_queue_view(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        paginator = Paginator(self.review_queryset(request), 50)
        page = paginator.get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": self._review_title(),
            "page": page,
            "items": page.object_list,
            "now": timezone.now(),
        }
        return TemplateResponse(request, self.review_queue_template, context)

    def review_view(self, request, object_id):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        waiting = self.review_queryset(request).exclude(pk=obj.pk)
        later = waiting.first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": str(obj),
            "decisions": self.decisions_for(request, obj)
            if self.has_change_permission(request, obj)
            else [],
            "queue_url": self._url("review_queue"),
            "queue_title": self._review_title(),
            "next_url": self._review_url(later) if later is not None else "",
            "change_url": self._change_url(obj),
            "now": timezone.now(),
            **self.review_context(request, obj),
        }
        return TemplateResponse(request, self.review_template, context)
