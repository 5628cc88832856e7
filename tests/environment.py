"""The test suite's environment, loaded as a pytest plugin (``-p tests.environment`` in
pyproject.toml) before pytest-django reads the settings.

The settings default to production (DEBUG off, which refuses the development key); the tests
run on the development values, set here explicitly, as `make run` sets them. A value already
in the environment wins (CI's PostgreSQL and Redis run set DATABASE_URL and REDIS_URL).
"""

import os

os.environ.setdefault("DEBUG", "true")
