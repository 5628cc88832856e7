"""Curators keep their collections on the site: make one, introduce and publish it, add
public innovations and resources found by title, order them and note why each is there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from resources.access import collection_for_curator
from resources.collections import (
    can_curate,
    candidates,
    collection_add,
    collection_item_change,
    collection_save,
)
from resources.forms import CollectionForm, CollectionItemNoteForm
from resources.models import Collection, CollectionItem


def _edit_url(collection) -> str:
    return reverse("resources:collection_edit", kwargs={"slug": collection.slug})


@login_required
def collection_new(request):
    if not can_curate(request.user):
        raise PermissionDenied
    language = get_language()[:2]
    form = CollectionForm(
        request.POST or None,
        instance=Collection(published=False),
        initial={"language": language},
    )
    if request.method == "POST":
        if form.is_valid():
            collection = collection_save(collection=form.instance, by=request.user)
            messages.success(request, _("Collection made. Now add what belongs in it."))
            return redirect(_edit_url(collection))
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(request, "resources/collection_form.html", {"form": form})


@login_required
def collection_edit(request, slug):
    collection = collection_for_curator(slug, request.user)
    form = CollectionForm(request.POST or None, instance=collection)
    if request.method == "POST":
        if form.is_valid():
            collection_save(collection=form.instance, by=request.user)
            messages.success(request, _("Collection saved."))
            return redirect(_edit_url(collection))
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    query = request.GET.get("q", "")
    context = {
        "form": form,
        "collection": collection,
        "items": collection.items.select_related("innovation", "resource").order_by(
            "position", "pk"
        ),
        "query": query,
        "found": candidates(collection, query),
    }
    return render(request, "resources/collection_form.html", context)


@login_required
@require_POST
def collection_item_add(request, slug):
    collection = collection_for_curator(slug, request.user)
    form = CollectionItemNoteForm(request.POST)
    kind = request.POST.get("kind")
    thing = request.POST.get("pk", "")
    if not form.is_valid() or kind not in ("innovation", "resource") or not thing.isdigit():
        messages.error(request, _("That could not be added. Please try again."))
    else:
        try:
            collection_add(
                collection=collection,
                by=request.user,
                note=form.cleaned_data["note"],
                **{f"{kind}_id": int(thing)},
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Added to the collection."))
    return redirect(_edit_url(collection) + "#items")


@login_required
@require_POST
def collection_item(request, slug, pk):
    collection = collection_for_curator(slug, request.user)
    item = get_object_or_404(CollectionItem, collection=collection, pk=pk)
    form = CollectionItemNoteForm(request.POST)
    action = request.POST.get("action", "")
    if action not in ("remove", "up", "down", "note") or not form.is_valid():
        messages.error(request, _("That could not be changed. Please try again."))
    else:
        collection_item_change(
            item=item, by=request.user, action=action, note=form.cleaned_data["note"]
        )
        if action == "remove":
            messages.success(request, _("Removed from the collection."))
        elif action == "note":
            messages.success(request, _("Note saved."))
    return redirect(_edit_url(collection) + "#items")
