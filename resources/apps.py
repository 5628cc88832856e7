from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        from django.shortcuts import get_object_or_404

        from network import admin as moderation_admin
        from network import digests, moderation, registry, search
        from network.notification_kinds import KINDS
        from resources import signals  # noqa: F401 - connects the receivers
        from resources.digest import new_resources_section
        from resources.exports import personal_data
        from resources.models import Resource
        from resources.search import SOURCE

        registry.PERSONAL_DATA.append(personal_data)
        search.register(SOURCE)
        digests.DISCOVERY_SECTIONS.append(new_resources_section)
        KINDS["resource_reviewed"] = _("Decisions on resources I shared")
        moderation.register(
            Resource,
            lookup=lambda user, pk: get_object_or_404(Resource.objects.listed_for(user), pk=pk),
            author=lambda resource: resource.contributor,
        )
        moderation_admin.EXTRA_QUEUES.append(_submitted_resources_queue)


def _submitted_resources_queue(request):
    from network.admin import queue
    from resources.models import Resource, Status

    return queue(
        _("Contributed resources"),
        Resource.objects.filter(status=Status.SUBMITTED),
        "submitted_at",
        "/admin/resources/resource/?status__exact=submitted",
    )
