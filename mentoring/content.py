"""What mentoring brings to the pages and jobs that gather everything (network.content)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from mentoring.actions import ACCEPT_MATCH, ACCEPT_REQUEST, DECLINE_REQUEST
from mentoring.exports import personal_data
from mentoring.insights import INSIGHTS, SERIES
from mentoring.models import MentorProfile
from network.content import ContentApp, Reportable


def _mentor(user, pk):
    return get_object_or_404(MentorProfile.objects.visible_to(user).listed(), pk=pk)


CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("mentoring/", "mentoring.urls"),
    # A mentoring bio is member-written text shown to other members: reportable.
    reportables=[Reportable(MentorProfile, _mentor, lambda mentor: mentor.user)],
    actions=[ACCEPT_REQUEST, DECLINE_REQUEST, ACCEPT_MATCH],
    notification_kinds={"mentoring": _("Mentoring: requests, answers, reminders and check-ins")},
    personal_data=personal_data,
    # Logs of a mentorship and the reminders of the scans: written often, counted nowhere.
    uncounted={"reminder": None, "session": None, "goal": None},
    unshown={"reminder": None, "session": None, "goal": None},
    demo="mentoring.demo.seed",
    demo_order=50,
)
