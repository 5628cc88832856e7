"""Writes with side effects for the resource library: contributions, review, files,
downloads and useful marks."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import User
from network.emails import send_email
from network.moderation import moderator_emails, record_review
from network.notifications import notify_by_email
from network.utils import unique_slug
from resources.access import check_can_mark
from resources.models import (
    RESERVED_SLUGS,
    Publisher,
    Resource,
    ResourceTheme,
    Status,
    UsefulMark,
)
from resources.uploads import CheckedDocument


# --- files ----------------------------------------------------------------------------------
def _delete_file_after_commit(storage, name: str) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def resource_attach_file(*, resource: Resource, document: CheckedDocument) -> None:
    """Store a checked document under a random name (see ``resource_file_path``) with its
    metadata; the previous file, if any, is deleted once the transaction commits.

    The caller saves ``resource``.
    """
    old_name = resource.file.name if resource.file else ""
    resource.file.save(document.original_name, document.upload, save=False)
    resource.original_filename = document.original_name
    resource.file_size = document.size
    resource.content_type = document.content_type
    resource.external_url = ""
    _delete_file_after_commit(resource.file.storage, old_name)


def resource_detach_file(*, resource: Resource) -> None:
    """Forget the stored file (for a resource that becomes an external link)."""
    if resource.file:
        _delete_file_after_commit(resource.file.storage, resource.file.name)
    resource.file = ""
    resource.original_filename = ""
    resource.file_size = None
    resource.content_type = ""


def resource_set_themes(*, resource: Resource, themes: list[str]) -> None:
    resource.themes.all().delete()
    ResourceTheme.objects.bulk_create(
        [ResourceTheme(resource=resource, theme=theme) for theme in dict.fromkeys(themes)]
    )


def resource_slug(title: str) -> str:
    return unique_slug(Resource, title, max_length=220, reserved=RESERVED_SLUGS)


# --- contributing and review ----------------------------------------------------------------
@transaction.atomic
def resource_contribute(
    *,
    contributor: User,
    fields: dict,
    themes: list[str],
    tags: list[str],
    document: CheckedDocument | None = None,
) -> Resource:
    """A member shares a resource: submitted for review (published at once when staff add it).

    ``fields`` are model fields (title, summary, description, type, language, year, licence,
    access, organisation, external_url); ``document`` a checked upload, or None for a link.
    """
    if not (contributor.is_authenticated and contributor.is_member):
        raise PermissionDenied
    if (document is None) == (not fields.get("external_url")):
        raise ValidationError(_("Upload a file or give a link, one of the two."))
    resource = Resource(**fields)
    resource.slug = resource_slug(fields["title"])
    resource.contributor = contributor
    resource.publisher_type = Publisher.MEMBER
    now = timezone.now()
    resource.submitted_at = now
    if contributor.is_staff:
        resource.status = Status.PUBLISHED
        resource.published_at = now
    else:
        resource.status = Status.SUBMITTED
    if document is not None:
        resource_attach_file(resource=resource, document=document)
    resource.save()
    resource_set_themes(resource=resource, themes=themes)
    resource.tags.set(tags)
    if resource.status == Status.SUBMITTED:
        _tell_moderators(resource)
    return resource


def _tell_moderators(resource: Resource) -> None:
    admin_url = settings.SITE_URL + reverse("admin:resources_resource_change", args=[resource.pk])
    for email in moderator_emails():
        send_email(
            to=[email],
            template="resource_submitted",
            context={"resource": resource, "contributor": resource.contributor, "url": admin_url},
            language=settings.LANGUAGE_CODE,
        )


def _decide(resource: Resource, *, status: str, note: str, message, moderator: User) -> Resource:
    resource, changed = record_review(
        resource, status=status, note=note, moderator=moderator, published=Status.PUBLISHED
    )
    if not changed:
        return resource
    contributor = resource.contributor
    if contributor is not None and contributor.is_active and contributor.pk != moderator.pk:
        url = resource.get_absolute_url()
        notify_by_email(
            contributor,
            kind="resource_reviewed",
            message=message,
            params={"title": resource.title},
            url=url,
            template="resource_reviewed",
            context={
                "resource": resource,
                "published": status == Status.PUBLISHED,
                "note": note,
                "url": settings.SITE_URL + url,
            },
        )
    return resource


@transaction.atomic
def resource_approve(*, resource: Resource, moderator: User) -> Resource:
    """Publish a resource (a contribution, or a staff draft); the contributor is told."""
    if not (resource.file or resource.external_url):
        raise ValidationError(
            _("Attach the resource's file or give its link before publishing it.")
        )
    return _decide(
        resource,
        status=Status.PUBLISHED,
        note="",
        message=gettext_lazy("Your resource “%(title)s” is published in the library."),
        moderator=moderator,
    )


@transaction.atomic
def resource_decline(*, resource: Resource, moderator: User, reason: str) -> Resource:
    """Decline a contribution with a reason, which the contributor receives."""
    if not reason.strip():
        raise ValidationError(_("Give the contributor a reason."))
    return _decide(
        resource,
        status=Status.REJECTED,
        note=reason.strip(),
        message=gettext_lazy("Your resource “%(title)s” was not accepted for the library."),
        moderator=moderator,
    )


# --- downloads ----------------------------------------------------------------------------
def download_record(*, resource: Resource) -> None:
    """Count one download, in the database (``F() + 1``): exact under concurrent requests."""
    if resource.status == Status.PUBLISHED:
        Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)


# --- useful marks -------------------------------------------------------------------------
def useful_mark_set(*, resource: Resource, member: User, note: str = "") -> UsefulMark:
    """Mark ``resource`` as useful, or change the note of an existing mark."""
    check_can_mark(resource, member)
    note = note.strip()
    try:
        with transaction.atomic():
            mark, created = UsefulMark.objects.get_or_create(
                resource=resource, member=member, defaults={"note": note}
            )
    except IntegrityError:  # two clicks at once: the other one created it
        mark, created = UsefulMark.objects.get(resource=resource, member=member), False
    if not created and mark.note != note:
        mark.note = note
        mark.save(update_fields=["note", "updated_at"])
    return mark


def useful_mark_remove(*, resource: Resource, member: User) -> None:
    UsefulMark.objects.filter(resource=resource, member=member).delete()
