"""The library's part of the home page (declared in ``resources.content``)."""

from resources.models import Resource

NEW = 3


def new_resources(request) -> dict | None:
    resources = list(Resource.objects.listed_for(request.user).order_by("-published_at")[:NEW])
    return {"resources": resources} if resources else None
