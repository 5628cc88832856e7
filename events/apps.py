from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.shortcuts import get_object_or_404

        from events.digest import REGISTER_ACTION, personal_data, upcoming_events_section
        from events.home import my_events_section
        from events.models import Event, Feedback
        from events.search import SOURCE
        from network import digests, links, moderation, registry, search
        from network.notification_kinds import KINDS

        def event(user, pk):
            return get_object_or_404(Event.objects.listed_for(user), pk=pk)

        def feedback(user, pk):
            return get_object_or_404(
                Feedback.objects.shown().filter(event__in=Event.objects.listed_for(user)), pk=pk
            )

        moderation.register(Event, lookup=event, author=lambda obj: obj.created_by)
        moderation.register(Feedback, lookup=feedback, author=lambda obj: obj.author)
        digests.DISCOVERY_SECTIONS.append(upcoming_events_section)
        links.register_action(REGISTER_ACTION)
        registry.PERSONAL_DATA.append(personal_data)
        registry.HOME_SECTIONS.append(my_events_section)
        search.register(SOURCE)
        # Kinds of notification members may switch off. (Invitations, seats from the
        # waitlist, changes and cancellations come with their own email, always sent.)
        KINDS["clinic_booked"] = _("Bookings of my clinic slots")
        KINDS["clinic_booking_cancelled"] = _("Cancelled clinic bookings")
        KINDS["clinic_advice"] = _("Experts' advice from clinics")
