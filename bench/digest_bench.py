"""Benchmark: build and send the weekly digest for many members on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/network_bench \\
        .venv/bin/python bench/digest_bench.py --members 20000

Creates a throw-away database (test_<name>), bulk-seeds members with interests and pending
notifications plus a week of new innovations, then runs every digest batch as the worker
would (emails go to memory, not to a server). Prints the total time and the queries per batch.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
os.environ.setdefault("DEBUG", "true")  # development settings: local database, no secret key
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

REGIONS = ["africa", "americas", "arab-states", "asia-pacific", "europe-central-asia"]


def seed(members: int) -> None:
    from bench.bulk import execute, table
    from bench.seeding import TAGS, ensure_tags, seed_innovations, seed_members
    from innovations.models import Innovation, InnovationFacet, TaggedInnovation
    from network.models import Notification

    # Approved members on the weekly digest with two interests each, one pending
    # notification each, and a week of new public innovations with a region and a tag.
    users = seed_members(
        members, delivery="weekly", discovery_digest=True, interests=2, tag_names=TAGS[:10]
    )
    Notification.objects.bulk_create(
        [Notification(recipient=u, kind="innovation_comment", message="Someone commented")
         for u in users],
        batch_size=5000,
    )  # fmt: skip
    now = timezone.now()
    innovations = seed_innovations(
        60, prefix="bench-innovation", published_at=lambda i: now, visibility=lambda i: "public"
    )
    tags = ensure_tags(TAGS[:10])
    InnovationFacet.objects.bulk_create(
        [InnovationFacet(innovation=inv, kind="region", value=REGIONS[i % 5])
         for i, inv in enumerate(innovations)]
    )  # fmt: skip
    TaggedInnovation.objects.bulk_create(
        [TaggedInnovation(content_object=inv, tag=tags[i % len(tags)])
         for i, inv in enumerate(innovations)]
    )  # fmt: skip
    execute(f"ANALYZE {table(Innovation)}")


def run(batch: int) -> None:
    from network.digests import current_period, digest_batches, send_digests

    settings.DIGEST_BATCH_SIZE = batch
    period = current_period("weekly")
    sent = 0
    reads = []
    total = []
    started = time.perf_counter()
    for user_ids in digest_batches("weekly"):
        mail.outbox = []
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            sent += send_digests(kind="weekly", period=period, user_ids=user_ids, claim="bench")
        total.append(len(queries))
        reads.append(sum(1 for q in queries if q["sql"].lstrip().upper().startswith("SELECT")))
    elapsed = time.perf_counter() - started
    print(f"members emailed: {sent}")
    print(f"batches: {len(total)} of {batch}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(sent, 1) * 1000:.2f} ms per member)")
    print(f"read queries per batch: min {min(reads)}, max {max(reads)}")
    print(f"all queries per batch (with per-member writes): min {min(total)}, max {max(total)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: this benchmark is for PostgreSQL.")
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.DEBUG = False
    mail.outbox = []
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        seed(args.members)
        print(f"seeded {args.members} members in {time.perf_counter() - started:.1f} s ({name})")
        run(args.batch)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
