from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from members import signals  # noqa: F401 - connects the receivers
        from members.models import Profile
        from network import moderation

        def lookup(user, pk):
            from members.views import member_for_viewer

            profile = Profile.objects.select_related("user").get(pk=pk)
            return member_for_viewer(profile.user.username, user).profile

        moderation.register(Profile, lookup=lookup, author=lambda profile: profile.user)

        from members.search import MEMBERS, ORGANISATIONS
        from network import search

        search.register(ORGANISATIONS)
        search.register(MEMBERS)
