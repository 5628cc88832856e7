"""Admin actions that ask for something before they run: a reason (declining applicants or
resources, suspending members, reviewing innovations, deciding on reports) or a message
(emailing an event's registrants). One page shows the selected objects and the form; the
action runs once the form comes back valid."""

from django.shortcuts import render

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
        "submit": submit,
    }
    return render(request, "admin/action_form.html", context)


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
