"""A Redis cache that degrades instead of failing: when Redis is away (or full), reads miss
and writes are dropped (rate limits then let requests through, a deliberate choice: the
network stays usable, and sign-up stays behind email verification and approval) — every
page still serves."""

import hashlib
import logging
import threading

import redis
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

logger = logging.getLogger(__name__)


def _degrade(default_factory):
    def wrap(method):
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as error:  # redis.ConnectionError, TimeoutError, ...
                if not _is_redis_error(error):
                    raise
                logger.warning("Cache unavailable (%s): degrading", error.__class__.__name__)
                return default_factory(*args, **kwargs)

        return wrapper

    return wrap


def _is_redis_error(error) -> bool:
    """Redis away, too slow, or full and refusing writes (a Redis that must not evict)."""
    return isinstance(
        error,
        (
            redis.exceptions.ConnectionError,
            redis.exceptions.TimeoutError,
            redis.exceptions.OutOfMemoryError,
        ),
    )


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool. Django builds a new
    one for every cache call, with its table of some 170 reply handlers: about 0.1 ms each
    time, a millisecond on a page that reads the cache ten times. A ``redis.Redis`` takes a
    connection from its pool for each command, so one serves every thread."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    get = _degrade(lambda key, default=None, version=None: default)(RedisCache.get)
    set = _degrade(lambda *args, **kwargs: None)(RedisCache.set)
    # "Stored": cache-based locks (allauth's rate-limit lock) then proceed instead of waiting
    # and refusing; rate limits fail open while Redis is away.
    add = _degrade(lambda *args, **kwargs: True)(RedisCache.add)
    touch = _degrade(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _degrade(lambda *args, **kwargs: False)(RedisCache.delete)
    get_many = _degrade(lambda keys, version=None: {})(RedisCache.get_many)
    set_many = _degrade(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _degrade(lambda *args, **kwargs: None)(RedisCache.delete_many)
    has_key = _degrade(lambda *args, **kwargs: False)(RedisCache.has_key)
    clear = _degrade(lambda *args, **kwargs: False)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:
            if not _is_redis_error(error):
                raise
            logger.warning("Cache unavailable (%s): degrading", error.__class__.__name__)
            raise ValueError(f"Key {key!r} not found (cache unavailable).") from None


# --- aggregates shared by an audience ---------------------------------------------------------
# Facet counts and figures over every listed row take seconds at 100,000 rows. They are shared
# for a minute by viewers who would see exactly the same numbers, and forgotten at once when
# anything they count changes (a publication, a hiding, a suspension, a profile edit): the
# generation below is part of every key, and each such save moves it on.
AGGREGATE_SECONDS = 60
# What depends on nothing but saved rows (the showcase's and the library's totals and
# facets, related innovations: no date in their rules) is kept longer, since only a save
# changes it and every counted save forgets it; so are staff's figures, which may lag the
# clock by a few minutes. Each computation over 100,000 rows takes up to a second or so,
# and, recomputed every minute, held one member's page and slowed every other.
STEADY_SECONDS = 600
_GENERATION_KEY = "aggregates:generation"

# Within a request the generation is read once: a page shares up to thirty aggregates and
# parts (the insight dashboard), and each would read it again, a round trip to Redis each.
# A save in the request forgets it with the aggregates; outside requests it is always read.
_request = threading.local()


def _generation() -> int:
    generation = getattr(_request, "generation", None)
    if generation is None:
        generation = cache.get(_GENERATION_KEY, 0)
        if getattr(_request, "open", False):
            _request.generation = generation
    return generation


def begin_request(**kwargs) -> None:
    """Signal receiver: a request begins, its first shared aggregate reads the generation."""
    _request.open, _request.generation = True, None


def end_request(**kwargs) -> None:
    _request.open, _request.generation = False, None


def shared_aggregate(name: str, audience: str, parameters, compute, *, seconds=AGGREGATE_SECONDS):
    """``compute()``, cached under ``name``, ``audience`` and ``parameters`` (any repr-able
    value) for the current generation of the counted data, for ``seconds`` at most (what
    changes with time alone, such as what is upcoming, is recomputed within a minute)."""
    generation = _generation()
    digest = hashlib.sha256(repr((audience, parameters)).encode()).hexdigest()[:32]
    key = f"aggregate:{name}:{generation}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def shared_parts(template_name: str, objects, *, depends_on, context, prepare=None) -> list[str]:
    """Each of ``objects`` rendered with ``template_name`` and ``context(obj)``: the part of a
    card that is the same for every viewer (a mentor's name, bio and expertise), shared for a
    minute and forgotten with the aggregates' generation, read for a whole page at once. Such
    a part shows nothing of the viewer and is rendered without the request; ``depends_on``
    (any repr-able value) names what else it varies with, such as the viewer's visibility
    levels, and the active language is part of its key. ``prepare(missing)``, if given, is
    called with the objects whose part must be rendered, before it is: to prefetch what only
    the part reads."""
    generation = _generation()
    digest = hashlib.sha256(repr((get_language(), depends_on)).encode()).hexdigest()[:32]
    keys = [f"part:{template_name}:{generation}:{digest}:{obj.pk}" for obj in objects]
    found = cache.get_many(keys)
    missing = {key: obj for key, obj in zip(keys, objects, strict=True) if key not in found}
    if missing:
        if prepare:
            prepare(list(missing.values()))
        rendered = {
            key: render_to_string(template_name, context(obj)) for key, obj in missing.items()
        }
        cache.set_many(rendered, AGGREGATE_SECONDS)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys]


def forget_aggregates(**kwargs) -> None:
    """Signal receiver: what was counted changed, so every shared aggregate is stale."""
    _request.generation = None
    _next_generation(_GENERATION_KEY)


# The visitors' pages (portal.middleware) have a generation of their own: they also show
# writes that no count reads (comments, updates), and are forgotten on those too.
_PAGES_GENERATION_KEY = "pages:generation"


def page_generation() -> int:
    return cache.get(_PAGES_GENERATION_KEY, 0)


def forget_pages(**kwargs) -> None:
    """What a visitor's page may show changed: every cached visitors' page is stale."""
    _next_generation(_PAGES_GENERATION_KEY)


def _next_generation(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # no generation yet (or the cache is away): start one
        cache.set(key, 1, None)


def listing_audience(user, *, members_share=True) -> str | None:
    """The audience whose listed innovations and resources are exactly ``user``'s, or None.

    Visitors see the public published ones, approved members every published one (their own
    included); staff and applicants (who also see their own members-only ones) get none, so
    what they see is always computed for them and never shared. ``members_share=False`` is
    for lists where each member sees their own (events they are invited to): only visitors
    share. It may also be a test of the member, ``members_share(user)``, for lists where most
    members see the same and a few see more (those named on a private event).
    """
    if not user.is_authenticated:
        return "public"
    if members_share and user.is_member and not user.is_staff:
        if callable(members_share) and not members_share(user):
            return None
        return "members"
    return None


def cached_for_audience(
    name, user, parameters, compute, *, members_share=True, seconds=AGGREGATE_SECONDS
):
    """``compute()``, shared by the viewers of ``user``'s audience who ask with the same
    ``parameters`` (see network.cache.shared_aggregate); computed afresh for an audience of
    one."""
    audience = listing_audience(user, members_share=members_share)
    if audience is None:
        return compute()
    return shared_aggregate(name, audience, sorted(parameters), compute, seconds=seconds)


class SharedCountPaginator(Paginator):
    """A paginator whose total comes from ``count()`` (a shared aggregate) rather than a
    COUNT over every listed row on each view."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._shared_count = count

    @cached_property
    def count(self):
        return self._shared_count()


def shared_listing(request, items, *, per_page, count, facets, share):
    """The page of ``items`` the request asks for, and the facet counts. The total
    (``count()``) and the facets (``facets()``) read every listed row, so both go through
    ``share(what, compute)``, which keeps them for the viewers who would see the same."""
    page = SharedCountPaginator(items, per_page, count=lambda: share("count", count)).get_page(
        request.GET.get("page")
    )
    return page, share("facets", facets)
