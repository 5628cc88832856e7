"""What the showcase brings to the pages and jobs that gather everything (network.content)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from innovations import home
from innovations.digest import FOLLOW_ACTION, new_innovations_section, personal_data
from innovations.insights import INSIGHTS, SERIES
from innovations.models import Comment, Innovation, Revision, Status, Update, VisitorInterest
from innovations.search import SOURCE
from innovations.sitemaps import InnovationSitemap
from network.content import ContentApp, Figure, Queue, Reportable, Section


def _innovation(user, pk):
    return get_object_or_404(Innovation.objects.visible_to(user), pk=pk)


def _contribution(model):
    """A comment or update, reportable by whoever may see its innovation."""

    def lookup(user, pk):
        visible = Innovation.objects.visible_to(user)
        return get_object_or_404(model.objects.shown().filter(innovation__in=visible), pk=pk)

    return lookup


CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("innovations/", "innovations.urls"),
    search=[SOURCE],
    sitemaps={"innovations": InnovationSitemap},
    pages=["innovations:showcase"],
    # (The CSV export streams, row by row: it is never kept.)
    public_pages=[
        "innovations:showcase",
        "innovations:detail",
        "innovations:embed",
        "innovations:feed",
        "innovations:export_json",
    ],
    figures=[
        Figure("innovations", _("Innovations"), home.innovation_count, order=20),
        Figure("countries", _("Countries"), home.country_count, order=50),
    ],
    home=[
        Section(
            "innovations:featured",
            "innovations/_home.html#featured",
            home.featured,
            order=10,
            shared=True,
        ),
        Section(
            "innovations:newest",
            "innovations/_home.html#newest",
            home.newest,
            order=20,
            shared=True,
        ),
    ],
    dashboard=[
        Section("innovations:mine", "innovations/_home.html#mine", home.mine, order=10),
        Section(
            "innovations:following", "innovations/_home.html#following", home.following, order=30
        ),
        Section(
            "innovations:suggested", "innovations/_home.html#suggested", home.suggested, order=40
        ),
    ],
    queues=[
        Queue(
            _("Submitted innovations"),
            lambda: Innovation.objects.filter(status=Status.SUBMITTED),
            "submitted_at",
            "/admin/innovations/innovation/review/",
            order=20,
        ),
        Queue(
            _("Visitors' first messages to teams"),
            lambda: VisitorInterest.objects.filter(state=VisitorInterest.State.HELD),
            "created_at",
            "/admin/innovations/visitorinterest/?state__exact=held",
            order=27,
        ),
        Queue(
            _("Changes to published innovations"),
            Revision.objects.proposed,
            "created_at",
            "/admin/innovations/revision/?waiting=1",
            order=25,
        ),
    ],
    reportables=[
        Reportable(Innovation, _innovation, lambda innovation: innovation.owner),
        Reportable(Comment, _contribution(Comment), lambda comment: comment.author),
        Reportable(Update, _contribution(Update), lambda update: update.author),
    ],
    digest=[new_innovations_section],
    actions=[FOLLOW_ACTION],
    notification_kinds={
        "innovation_reviewed": _("Moderators' reviews of my innovations"),
        "innovation_comment": _("Feedback on my innovations"),
        "innovation_interest": _("Members interested in my innovations"),
        "innovation_adoption": _("Adoptions of my innovations to confirm"),
        "innovation_team": _("Being added to an innovation's team"),
        "innovation_update": _("Updates on innovations I follow"),
    },
    personal_data=personal_data,
    # Written often, and read by no shared count.
    uncounted={"comment": None, "update": None, "interest": None, "revision": None},
    # Comments and updates show on an innovation's page; these never do to visitors.
    unshown={"interest": None, "revision": None, "follow": None},
    demo="innovations.demo.seed",
    demo_order=20,
)
