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
