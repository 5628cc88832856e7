from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from django.shortcuts import get_object_or_404

        from mentoring.actions import ACTIONS
        from mentoring.exports import personal_data
        from mentoring.models import MentorProfile
        from network import links, moderation, registry
        from network.notification_kinds import KINDS

        def mentor(user, pk):
            return get_object_or_404(MentorProfile.objects.visible_to(user).listed(), pk=pk)

        # A mentoring bio is member-written text shown to other members: reportable.
        moderation.register(MentorProfile, lookup=mentor, author=lambda obj: obj.user)
        for action in ACTIONS:
            links.register_action(action)
        registry.PERSONAL_DATA.append(personal_data)
        KINDS.update({"mentoring": _("Mentoring: requests, answers, reminders and check-ins")})
