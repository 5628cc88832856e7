"""One declaration per app of what it brings to the pages that gather everything.

An app says once, on its ``AppConfig`` (``content = "innovations.content.CONTENT"``, a dotted
path to a :class:`ContentApp`), what it contributes: search sources, sitemap sections and
public list pages, the home page's figures and sections, blocks of a member's dashboard,
moderation queues, sections of the weekly discovery digest, reportable models, inbox actions,
the notification kinds a member may switch off, its part of "download all your data", which
of its writes leave the shared counts alone, and its demo seeder with its place in the demo
order.

Home, search, sitemaps, the moderation dashboard, digests, reports, inbox actions, the data
export, the aggregate invalidation and ``seed_demo`` read these declarations and nothing else
of the app, so the base and the top import no content app (import-linter checks it), and a
new content type is one declaration away from every one of them (README: "Adding a content
type"). ``manage.py check`` fails when an app of the project declares nothing or something
that does not load.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db.models import Model
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Figure:
    """A number on the home page ("Innovations 1,234"): ``count(viewer)``, shared for a minute
    by the viewers who would see the same number (network.cache.cached_for_audience; not by
    members, when some see things named for them alone, or only by the members that
    ``same_for_members(user)`` says see what every member sees). ``name`` is unique
    ("innovations")."""

    name: str
    label: Any
    count: Callable[[Any], int]
    order: int = 50
    same_for_members: bool | Callable[[Any], bool] = True


@dataclass(frozen=True)
class Section:
    """A block of the home page or of a member's dashboard, rendered with ``template`` from
    ``context(request)``; a falsy context means there is nothing to show. ``name`` is unique
    ("innovations:featured").

    ``shared``: a context that is the same for every viewer of an audience (the newest
    innovations, the next events) is shared by them for a minute, as figures are
    (network.cache.cached_for_audience): ``True`` by visitors and by approved members, a test
    ``shared(user)`` by visitors and the members it says see what every member sees. Its
    context then holds rows only, nothing translated or of the viewer's. ``False``: each
    viewer's own (a member's dashboard)."""

    name: str
    template: str
    context: Callable[[Any], dict | None]
    order: int = 50
    shared: bool | Callable[[Any], bool] = False


@dataclass(frozen=True)
class Queue:
    """A moderation queue: what waits (``queryset()``), since when (``date_field``), and the
    admin page where moderators work through it (``url``)."""

    label: Any
    queryset: Callable[[], Any]
    date_field: str
    url: str
    order: int = 50


@dataclass(frozen=True)
class Reportable:
    """A model members may report. ``lookup(user, pk)`` returns the object if ``user`` may
    see it (else raises Http404), so nobody can report what they cannot see; ``author(obj)``
    is the member responsible for it (or None). The model has a ``hidden_at`` field that its
    QuerySets exclude for everyone but staff."""

    model: type[Model]
    lookup: Callable[[Any, int], Model]
    author: Callable[[Model], Any]


@dataclass(frozen=True)
class ContentApp:
    """Everything an app brings to the shared pages and jobs; each part is optional."""

    # Its pages: (path prefix, URL conf), e.g. ("innovations/", "innovations.urls").
    urls: tuple[str, str] | None = None
    # Search: network.search.SearchSource objects, each placed by its own ``order``.
    search: Sequence[Any] = ()
    # Sitemap sections (name -> Sitemap class) and URL names of public list pages.
    sitemaps: Mapping[str, type] = field(default_factory=dict)
    pages: Sequence[str] = ()
    # URL names of the pages that are the same for every visitor (no session): served from
    # the shared cache (portal.middleware), forgotten on any write that may show on them.
    public_pages: Sequence[str] = ()
    # The home page: figures for everyone, sections for everyone, blocks of the signed-in
    # member's dashboard.
    figures: Sequence[Figure] = ()
    home: Sequence[Section] = ()
    dashboard: Sequence[Section] = ()
    # The insight dashboard's figures (network.insights.Insight) and the monthly series
    # rolled up each night for them (network.insights.Series).
    insights: Sequence[Any] = ()
    series: Sequence[Any] = ()
    # The moderation dashboard's queues, and the models members may report.
    queues: Sequence[Queue] = ()
    reportables: Sequence[Reportable] = ()
    # The weekly discovery digest: callables ``(users, since) -> {user_id: DigestSection}``,
    # each in a constant number of queries for the whole batch.
    digest: Sequence[Callable] = ()
    # Inbox action links (network.links.Action) and notification kinds members may mute.
    actions: Sequence[Any] = ()
    notification_kinds: Mapping[str, Any] = field(default_factory=dict)
    # ``personal_data(user) -> dict`` merged into "download all your data".
    personal_data: Callable | None = None
    # Shared counts (network.cache) are forgotten when a row of a declared app changes,
    # except writes listed here: model name -> the fields whose writes alone count nothing,
    # or None when no write of that model is counted. ``also_counted``: other apps whose
    # rows this app's counts read (taggit's tags).
    uncounted: Mapping[str, frozenset | None] = field(default_factory=dict)
    also_counted: Sequence[str] = ()
    # Likewise for the visitors' cached pages: writes no page a visitor sees shows.
    unshown: Mapping[str, frozenset | None] = field(default_factory=dict)
    # The dotted path of ``seed(*, log)`` for ``manage.py seed_demo`` (kept out of the running
    # site until the command imports it), run in ``demo_order``, lower first.
    demo: str = ""
    demo_order: int = 50


# Kinds of notification of the base itself that a member may switch off.
BASE_NOTIFICATION_KINDS = {
    "report_resolved": _("Moderators' decisions about what I shared"),
}


@cache
def declared() -> tuple[tuple[str, ContentApp], ...]:
    """(app label, declaration) for every app that declares one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        path = getattr(config, "content", None)
        if path:
            found.append((config.label, import_string(path)))
    return tuple(found)


def gather(part: str) -> list:
    """Every declared app's ``part`` (a sequence), one list in app order."""
    return [item for _label, app in declared() for item in getattr(app, part)]


def ordered(part: str) -> list:
    """``gather(part)`` sorted by each item's ``order``."""
    return sorted(gather(part), key=lambda item: item.order)


def gather_urls() -> list[tuple[str, str]]:
    """(path prefix, URL conf) of every app that has pages, in app order."""
    return [app.urls for _label, app in declared() if app.urls]


def sitemaps() -> dict[str, type]:
    return {name: sitemap for _label, app in declared() for name, sitemap in app.sitemaps.items()}


def notification_kinds() -> dict[str, Any]:
    """The kinds of notification a member may switch off: the base's and every app's."""
    kinds = dict(BASE_NOTIFICATION_KINDS)
    for _label, app in declared():
        kinds.update(app.notification_kinds)
    return kinds


@cache
def _reportables() -> dict[str, Reportable]:
    return {item.model._meta.label_lower: item for item in gather("reportables")}


def reportable(label: str) -> Reportable | None:
    """The reportable model named ``label`` ("innovations.innovation"), if any."""
    return _reportables().get(label)


def reportable_for(obj) -> Reportable:
    return _reportables()[obj._meta.label_lower]


@cache
def _actions() -> dict[str, Any]:
    return {action.name: action for action in gather("actions")}


def action(name: str):
    """The inbox action named ``name`` (network.links.Action), or None."""
    return _actions().get(name)


def personal_data(user) -> dict:
    data = {}
    for _label, app in declared():
        if app.personal_data is not None:
            data.update(app.personal_data(user))
    return data


@cache
def _exceptions(part: str) -> tuple[frozenset, dict]:
    """The labels of the apps whose writes matter, and the writes ``part`` says do not."""
    labels = set()
    quiet = {}
    for label, app in declared():
        labels.add(label)
        labels.update(app.also_counted)
        for model, fields in getattr(app, part).items():
            quiet[f"{label}.{model}"] = fields
    return frozenset(labels), quiet


def _matters(part: str, model, update_fields) -> bool:
    labels, quiet = _exceptions(part)
    if model._meta.app_label not in labels:
        return False
    key = model._meta.label_lower
    if key not in quiet:
        return True
    fields = quiet[key]
    return fields is not None and not (update_fields and set(update_fields) <= fields)


def counts_change(model, update_fields=None) -> bool:
    """Whether a write of ``model`` (of ``update_fields`` only, when given) may change a
    shared count."""
    return _matters("uncounted", model, update_fields)


def pages_change(model, update_fields=None) -> bool:
    """Whether a write of ``model`` may change a page the visitors' cache keeps."""
    return _matters("unshown", model, update_fields)


def demo_seeders() -> list[tuple[str, Callable]]:
    """(app label, seed) in demo order."""
    seeders = sorted((app.demo_order, label, app.demo) for label, app in declared() if app.demo)
    return [(label, import_string(path)) for _order, label, path in seeders]


def project_apps() -> list[str]:
    """Labels of the apps of this project (not Django's nor third parties') other than the
    base and the top, which gather the others: each of them must declare itself."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base and config.label not in UNDECLARED
    ]


# The base and the top are not content: they read the declarations.
UNDECLARED = frozenset({"network", "portal"})


@checks.register()
def check_declarations(app_configs=None, **kwargs):
    """Every app of the project declares itself, and every declaration loads."""
    errors = []
    declaring = set()
    for config in apps.get_app_configs():
        path = getattr(config, "content", None)
        if not path:
            continue
        try:
            declaration = import_string(path)
        except ImportError as error:
            errors.append(checks.Error(f"{config.label}: content {path!r} does not load: {error}",
                                       id="network.E001"))  # fmt: skip
            continue
        if not isinstance(declaration, ContentApp):
            errors.append(checks.Error(f"{config.label}: {path!r} is not a ContentApp",
                                       id="network.E002"))  # fmt: skip
        declaring.add(config.label)
    for label in project_apps():
        if label not in declaring:
            errors.append(
                checks.Error(
                    f"{label} declares no content (AppConfig.content)",
                    hint="Add content = '<app>.content.CONTENT' to its AppConfig; README: "
                    "Adding a content type.",
                    id="network.E003",
                )
            )
    return errors
