"""WSGI entry point (gunicorn network.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
application = get_wsgi_application()

# What a worker has loaded by now (Django, the apps and their models, the URL tree, loaded
# here rather than on the first request) lives as long as the worker. It is taken out of
# the garbage collector's sight: its full passes over those 230,000 objects held one page
# in every few dozen for about 200 ms (measured on the members' pages at benchmark size).
get_resolver().url_patterns  # noqa: B018 (loads every app's URLs and views)
gc.freeze()
