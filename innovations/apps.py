from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "innovations"
    verbose_name = _("Innovations")

    def ready(self):
        from django.shortcuts import get_object_or_404

        from innovations.models import Comment, Innovation, Update
        from network import moderation

        def innovation(user, pk):
            return get_object_or_404(Innovation.objects.visible_to(user), pk=pk)

        def contribution(model):
            def lookup(user, pk):
                return get_object_or_404(
                    model.objects.shown().filter(
                        innovation__in=Innovation.objects.visible_to(user)
                    ),
                    pk=pk,
                )

            return lookup

        moderation.register(Innovation, lookup=innovation, author=lambda obj: obj.owner)

        from innovations.digest import FOLLOW_ACTION, new_innovations_section
        from network import digests, links

        digests.DISCOVERY_SECTIONS.append(new_innovations_section)

        from innovations.digest import personal_data
        from network import registry

        registry.PERSONAL_DATA.append(personal_data)

        from innovations.search import SOURCE
        from network import search

        search.register(SOURCE)

        from django.utils.translation import gettext_lazy as _

        from network.notification_kinds import KINDS

        KINDS.update(
            {
                "innovation_reviewed": _("Moderators' reviews of my innovations"),
                "innovation_comment": _("Feedback on my innovations"),
                "innovation_interest": _("Members interested in my innovations"),
                "innovation_adoption": _("Adoptions of my innovations to confirm"),
                "innovation_team": _("Being added to an innovation's team"),
                "innovation_update": _("Updates on innovations I follow"),
            }
        )
        links.register_action(FOLLOW_ACTION)
        moderation.register(Comment, lookup=contribution(Comment), author=lambda obj: obj.author)
        moderation.register(Update, lookup=contribution(Update), author=lambda obj: obj.author)
