"""Curated collections kept on the site: a curator (a member staff gave the permission
``resources.curate_collection``) or a moderator makes one, introduces it, publishes it, and
adds public innovations and resources with a note, in their order. Staff also keep them in
the admin. Who may do it is ``Collection.objects.editable_by`` and ``can_curate``."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from innovations.models import Innovation
from members.models import User
from network.moderation import audit
from network.utils import unique_slug
from resources.models import RESERVED_SLUGS, Collection, CollectionItem, Resource

# How many candidates the "add" search offers of each kind.
CANDIDATES = 10


def can_curate(user) -> bool:
    """Whether ``user`` may make collections on the site."""
    return bool(
        user.is_authenticated and user.is_member and user.has_perm("resources.curate_collection")
    )


@transaction.atomic
def collection_save(*, collection: Collection, by: User) -> Collection:
    """Save a new or edited collection; a new one is ``by``'s, and its publication (or
    withdrawal) is audited."""
    if collection.pk is None:
        if not can_curate(by):
            raise PermissionDenied
        collection.curator = by
        collection.slug = unique_slug(
            Collection, collection.title, max_length=220, reserved=RESERVED_SLUGS
        )
        was_published = False
    else:
        if not Collection.objects.editable_by(by).filter(pk=collection.pk).exists():
            raise PermissionDenied
        was_published = Collection.objects.filter(pk=collection.pk, published=True).exists()
    collection.save()
    if collection.published != was_published:
        action = "collection_published" if collection.published else "collection_withdrawn"
        audit(actor=by, action=action, target=collection)
    return collection


def candidates(collection: Collection, query: str) -> dict[str, list]:
    """Public innovations and resources whose title holds ``query``, not yet in it."""
    query = query.strip()
    if len(query) < 2:
        return {"innovations": [], "resources": []}
    found = {
        "innovations": Innovation.objects.public()
        .filter(title__icontains=query)
        .exclude(collection_items__collection=collection),
        "resources": Resource.objects.listed_for(None)
        .filter(title__icontains=query)
        .exclude(collection_items__collection=collection),
    }
    return {
        kind: list(things.order_by("title", "pk")[:CANDIDATES]) for kind, things in found.items()
    }


def _locked(pk: int, by: User) -> Collection:
    """The collection, locked for this change, if ``by`` may change it."""
    collection = Collection.objects.editable_by(by).select_for_update().filter(pk=pk).first()
    if collection is None:
        raise PermissionDenied
    return collection


@transaction.atomic
def collection_add(
    *, collection: Collection, by: User, innovation_id=None, resource_id=None, note: str = ""
) -> CollectionItem:
    """Put a public innovation or resource at the end of the collection."""
    collection = _locked(collection.pk, by)
    if innovation_id:
        thing = Innovation.objects.public().filter(pk=innovation_id).first()
        fields = {"innovation": thing}
    else:
        thing = Resource.objects.listed_for(None).filter(pk=resource_id).first()
        fields = {"resource": thing}
    if thing is None:
        raise ValidationError(_("Only public innovations and resources go in a collection."))
    if collection.items.filter(**fields).exists():
        raise ValidationError(_("It is in this collection already."))
    last = collection.items.aggregate(last=Max("position"))["last"]
    return CollectionItem.objects.create(
        collection=collection,
        position=0 if last is None else last + 1,
        note=note.strip()[:300],
        **fields,
    )


@transaction.atomic
def collection_item_change(*, item: CollectionItem, by: User, action: str, note: str = "") -> None:
    """``remove`` it, move it ``up`` or ``down`` one place, or change its ``note``."""
    collection = _locked(item.collection_id, by)
    if action == "remove":
        item.delete()
        return
    if action == "note":
        item.note = note.strip()[:300]
        item.save(update_fields=["note"])
        return
    if action not in ("up", "down"):
        raise ValidationError(_("Unknown action."))
    # Number them afresh in their order, then swap with the neighbour.
    items = list(collection.items.order_by("position", "pk"))
    index = next(i for i, each in enumerate(items) if each.pk == item.pk)
    other = index - 1 if action == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


def curated_by(user) -> list[Collection]:
    """The collections ``user`` curates, drafts among them, newest first."""
    if not user.is_authenticated:
        return []
    return list(Collection.objects.filter(curator=user).order_by("-updated_at", "-pk"))
