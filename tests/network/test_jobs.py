"""Services queue tasks by name (network.jobs.enqueue), so that tasks and services never
import each other. A web process has imported no ``tasks`` module when it first queues."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.exceptions import NotRegistered

from network.jobs import task_named

ROOT = Path(__file__).resolve().parents[2]

FRESH = """
import django
django.setup()
import sys
from network.jobs import task_named
apps = ("network", "members", "innovations", "resources", "events", "mentoring", "portal")
assert not {f"{app}.tasks" for app in apps} & set(sys.modules), "a tasks module is loaded"
print(task_named("events.tasks.deliver_event_email").name)
print(task_named("network.tasks.deliver_email").name)
"""


def test_a_fresh_process_finds_every_app_task_by_name():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", FRESH], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "events.tasks.deliver_event_email",
        "network.tasks.deliver_email",
    ]


@pytest.mark.django_db
def test_a_task_name_no_app_defines_fails_loudly_instead_of_waiting_for_the_broker():
    with pytest.raises(NotRegistered):
        task_named("network.tasks.no_such_task")
