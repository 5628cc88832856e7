"""The member's part of the library, for "download all your data" (``network.content``)."""

from django.conf import settings

from resources.models import UsefulMark


def personal_data(user) -> dict:
    return {
        "resources_shared": [
            {
                "title": resource.title,
                "status": resource.status,
                "file": resource.original_filename,
                "link": resource.external_url,
                "url": settings.SITE_URL + resource.get_absolute_url(),
            }
            for resource in user.contributed_resources.order_by("pk")
        ],
        "resources_marked_useful": [
            {"resource": mark.resource.title, "note": mark.note, "at": mark.updated_at.isoformat()}
            for mark in UsefulMark.objects.filter(member=user).select_related("resource")
        ],
    }
