"""What spaces bring to the pages and jobs that gather everything (network.content)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from network.content import ContentApp, Reportable, Section
from spaces.digest import active_threads_section
from spaces.exports import personal_data
from spaces.home import my_spaces_section
from spaces.insights import INSIGHTS, SERIES
from spaces.models import Reply, SharedFile, Space, Thread
from spaces.search import SPACES, THREADS
from spaces.sitemaps import SpaceSitemap, ThreadSitemap


def _thread(user, pk):
    return get_object_or_404(Thread.objects.visible_to(user), pk=pk)


def _reply(user, pk):
    return get_object_or_404(Reply.objects.visible_to(user), pk=pk)


def _file(user, pk):
    readable = Space.objects.readable_by(user)
    return get_object_or_404(
        SharedFile.objects.filter(space__in=readable, hidden_at__isnull=True), pk=pk
    )


CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("spaces/", "spaces.urls"),
    search=[SPACES, THREADS],
    sitemaps={"spaces": SpaceSitemap, "space-threads": ThreadSitemap},
    pages=["spaces:list"],
    public_pages=["spaces:list", "spaces:space", "spaces:thread"],
    dashboard=[
        Section("spaces:mine", "components/dashboard_links.html", my_spaces_section, order=15)
    ],
    reportables=[
        Reportable(Thread, _thread, lambda thread: thread.author),
        Reportable(Reply, _reply, lambda reply: reply.author),
        Reportable(SharedFile, _file, lambda shared: shared.uploaded_by),
    ],
    digest=[active_threads_section],
    notification_kinds={
        "space_post": _("New threads and replies in the spaces I follow"),
        "space_mention": _("Mentions of me in a space"),
        "space_membership": _("Requests, answers and proposals in my spaces"),
    },
    personal_data=personal_data,
    # A visit writes last_visit_at, which no count and no visitor's page shows.
    uncounted={"membership": frozenset({"last_visit_at", "following"}), "revision": None},
    unshown={"membership": frozenset({"last_visit_at", "following"}), "revision": None},
    demo="spaces.demo.seed",
    demo_order=55,
)
