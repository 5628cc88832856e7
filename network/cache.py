"""A Redis cache that degrades instead of failing: when Redis is away, reads miss and writes
are dropped (rate limits then let requests through, a deliberate choice: the network stays
usable, and sign-up stays behind email verification and approval) — every page still serves."""

import logging

from django.core.cache.backends.redis import RedisCache

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
    import redis

    return isinstance(error, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError))


class ResilientRedisCache(RedisCache):
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
