"""Admin actions that ask for something before they run: a reason (declining applicants or
resources, suspending members, reviewing innovations, deciding on reports) or a message
(emailing an event's registrants). One page shows the selected objects and the form; the
action runs once the form comes back valid."""

from django.shortcuts import render


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
