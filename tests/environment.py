"""The test suite's environment, loaded as a pytest plugin (``-p tests.environment`` in
pyproject.toml) before pytest-django reads the settings.

The settings default to production (DEBUG off, which refuses the development key); the tests
run on the development values, set here explicitly, as `make run` sets them. A value already
in the environment wins (CI's PostgreSQL and Redis run set DATABASE_URL and REDIS_URL).
"""

import os

os.environ.setdefault("DEBUG", "true")
# Tests read what each view put in its template's context, which a page kept for visitors
# no longer has: the visitors' page cache is switched on by the tests of it (tests/portal).
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

# Under pytest-xdist each worker has a Redis database of its own (8 + its number), since a
# test that clears the cache would otherwise clear another worker's rate limits mid-test.
# PostgreSQL needs nothing of the kind: pytest-django gives each worker its test database.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw") and os.environ.get("REDIS_URL"):
    _base, _, _number = os.environ["REDIS_URL"].rpartition("/")
    if _number.isdigit() and _base.count("/") >= 2:
        os.environ["REDIS_URL"] = f"{_base}/{8 + int(_worker[2:]) % 8}"
