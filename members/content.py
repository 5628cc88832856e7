"""What members and organisations bring to the pages and jobs that gather everything
(network.content)."""

from django.utils.translation import gettext_lazy as _

from members.access import member_for_viewer
from members.insights import INSIGHTS, SERIES
from members.models import Organisation, Profile, User
from members.search import MEMBERS, ORGANISATIONS
from network.content import ContentApp, Figure, Queue, Reportable


def _profile(user, pk):
    profile = Profile.objects.select_related("user").get(pk=pk)
    return member_for_viewer(profile.user.username, user).profile


CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("", "members.urls"),
    search=[ORGANISATIONS, MEMBERS],
    pages=["members:organisations"],
    public_pages=[
        "members:directory",
        "members:profile",
        "members:organisations",
        "members:organisation",
    ],
    figures=[
        Figure("members", _("Members"), lambda viewer: User.objects.approved().count(), order=10),
        Figure(
            "organisations",
            _("Organisations"),
            lambda viewer: Organisation.objects.listed().count(),
            order=40,
        ),
    ],
    queues=[
        Queue(
            _("Membership applications"),
            User.objects.applicants,
            "date_joined",
            "/admin/members/user/review/",
            order=10,
        )
    ],
    reportables=[Reportable(Profile, _profile, lambda profile: profile.user)],
    notification_kinds={
        "application_decided": _("Decisions on my membership application"),
        "member_message": _("Messages from other members"),
    },
    # Messages are counted nowhere; each sign-in writes last_login, which no count reads.
    uncounted={
        "message": None,
        "contact": None,
        "user": frozenset({"last_login", "last_active"}),
    },
    unshown={
        "message": None,
        "contact": None,
        "block": None,
        "user": frozenset({"last_login", "last_active"}),
    },
    # Expertise, interests and the other apps' tags are taggit's rows.
    also_counted=["taggit"],
    demo="members.demo.seed",
    demo_order=10,
)
