import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k7#Qp2@vLx9!mZr4&Tn8^Wc3*Yb6(Hd1)Fg5_Js0+Ue7=Ra2-Oi9"


def load_settings(**env):
    """Import the settings in a fresh interpreter with exactly these environment values."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "SECRET"))}
    for key in ("DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
        clean.pop(key, None)
    clean.update(env)
    code = "import network.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_debug_unset_means_production_checks():
    """A deployment that forgets DEBUG, or the key, never runs on the development key."""
    result = load_settings()
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DEBUG is off and SECRET_KEY is missing or weak" in result.stderr
    result = load_settings(SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['example.org']"


def test_development_settings_serve_a_laptop():
    result = load_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['127.0.0.1', 'localhost', '[::1]']"


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY is missing or weak"),
        ({"ALLOWED_HOSTS": "example.org", "SECRET_KEY": "short"}, "SECRET_KEY is missing or weak"),
        ({"ALLOWED_HOSTS": "example.org", "SECRET_KEY": "a" * 60}, "SECRET_KEY is missing or weak"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_settings_without_debug_refuse_weak_key_or_no_hosts(env, message):
    result = load_settings(DEBUG="false", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_settings_without_debug_start_with_key_and_hosts():
    result = load_settings(DEBUG="false", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['example.org']"


def test_settings_reject_a_malformed_boolean():
    result = load_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.postgres
def test_pages_run_without_the_jit_compiler(db):
    """Short queries with a high cost estimate would spend longer compiling than running."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_a_web_worker_keeps_what_it_loaded_out_of_the_garbage_collectors_passes():
    """network.wsgi freezes what a worker loaded (Django, the apps, the URL tree), whose
    full collections otherwise held a page for about 200 ms every few dozen pages."""
    code = "import gc, network.wsgi; print(gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000
