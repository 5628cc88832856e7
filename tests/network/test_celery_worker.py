"""A real Celery worker on Redis: kill it with SIGKILL halfway through the weekly digest for
200 members, start it again, and every member still gets exactly one digest.

No mail system can tell a message accepted an instant before the worker died from one never
sent; that one message may be handed over again, as the same message (same Message-ID)."""

import collections
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from network.celery import app
from network.tasks import schedule_digests
from tests.factories import InnovationFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]
ROOT = Path(__file__).resolve().parents[2]
MEMBERS = 200


def start_worker(mail_dir):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        "DIGEST_BATCH_SIZE": "5",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "network", "worker", "-P", "solo",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def messages(mail_dir):
    """(recipient, Message-ID) of every message the file backend has written so far."""
    found = []
    for path in mail_dir.iterdir():
        for text in path.read_text().split("\n" + "-" * 79 + "\n"):
            to = re.search(r"^To: (\S+)$", text, flags=re.M)
            if to:
                found.append((to[1], re.search(r"^Message-ID: (\S+)$", text, flags=re.M)[1]))
    return found


def recipients(mail_dir):
    return collections.Counter(to for to, _ in messages(mail_dir))


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_weekly_digest_survives_a_killed_worker(tmp_path):
    members = []
    for index in range(MEMBERS):
        member = UserFactory(email=f"reader{index}@example.org")
        member.profile.interests.set(["solar"])
        members.append(member)
    InnovationFactory(title="Solar kits", published_at=timezone.now()).tags.set(["solar"])
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    app.control.purge()
    app.conf.task_always_eager = False
    try:
        schedule_digests.delay(kind="weekly")
        worker = start_worker(mail_dir)
        try:
            assert wait_for(lambda: len(recipients(mail_dir)) >= MEMBERS // 3, 120), "no progress"
        finally:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        halfway = len(recipients(mail_dir))
        assert halfway < MEMBERS, "the worker finished before it could be killed"
        worker = start_worker(mail_dir)
        try:
            wait_for(lambda: len(recipients(mail_dir)) >= MEMBERS, 120)
            time.sleep(2)  # anything left would be a duplicate: give it the chance to show
        finally:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    finally:
        app.conf.task_always_eager = True
        app.control.purge()
    sent = messages(mail_dir)
    ids = collections.defaultdict(set)
    for to, message_id in sent:
        ids[to].add(message_id)
    # Every member got one digest: one message, under one Message-ID.
    assert len(ids) == MEMBERS
    assert {len(found) for found in ids.values()} == {1}
    # Only the message the mail server had accepted when the worker died, before its delivery
    # was marked sent, may have been handed over twice (the same message, same Message-ID).
    assert MEMBERS <= len(sent) <= MEMBERS + 1
