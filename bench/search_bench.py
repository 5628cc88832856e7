"""Benchmark: the search query on PostgreSQL with 100,000 innovations.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/network_bench \\
        .venv/bin/python bench/search_bench.py --innovations 100000

Creates a throw-away database, bulk-seeds innovations with varied multilingual text (the
trigger fills the search vectors), then times the search query (the same function the search
page calls, for a visitor) for frequent and rare terms and prints p50/p95 and the plan.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

WORDS = [
    "apprenticeship",
    "training",
    "skills",
    "digital",
    "green",
    "youth",
    "women",
    "employers",
    "workers",
    "college",
    "formation",
    "compétences",
    "apprentissage",
    "numérique",
    "jeunes",
    "femmes",
    "emploi",
    "métiers",
    "école",
    "formación",
    "competencias",
    "aprendizaje",
    "digital",
    "jóvenes",
    "mujeres",
    "empleo",
    "oficios",
    "escuela",
    "solar",
    "construction",
    "agriculture",
    "care",
    "tourism",
    "garment",
    "mining",
    "logistics",
    "health",
    "water",
]
RARE = ["zanzibar", "quokka", "ayacucho", "tombouctou", "ushuaia"]


def seed(count: int) -> None:
    from innovations.models import Innovation

    rng = random.Random(42)
    batch = []
    for index in range(count):
        words = rng.choices(WORDS, k=40)
        if index % 20000 == 0:
            words.append(RARE[(index // 20000) % len(RARE)])
        batch.append(
            Innovation(
                title=" ".join(words[:6]).capitalize(),
                slug=f"bench-{index}",
                summary=" ".join(words[6:20]),
                solution=" ".join(words[20:]),
                stage="pilot",
                status="published",
                visibility="public" if index % 5 else "members",
                published_at=f"2026-01-01T00:00:{index % 60:02d}Z",
            )
        )
        if len(batch) == 5000:
            Innovation.objects.bulk_create(batch)
            batch = []
    Innovation.objects.bulk_create(batch)


def seed_resources(count: int) -> None:
    from resources.models import Resource

    rng = random.Random(7)
    batch = []
    for index in range(count):
        words = rng.choices(WORDS, k=30)
        if index % 5000 == 0:
            words.append(RARE[(index // 5000) % len(RARE)])
        batch.append(
            Resource(
                title=" ".join(words[:6]).capitalize(),
                slug=f"bench-resource-{index}",
                summary=" ".join(words[6:18]),
                description=" ".join(words[18:]),
                type="guide",
                language="en",
                publisher_type="ilo",
                year=2025,
                external_url=f"https://example.org/{index}",
                access="public" if index % 5 else "members",
                status="published",
                published_at=f"2026-01-01T00:00:{index % 60:02d}Z",
            )
        )
        if len(batch) == 5000:
            Resource.objects.bulk_create(batch)
            batch = []
    Resource.objects.bulk_create(batch)


def measure(term: str, runs: int, search) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        # The page's work for the query: the first page of results and the count.
        queryset = search(None, term)
        list(queryset[:20])
        queryset.count()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--innovations", type=int, default=100000)
    parser.add_argument("--resources", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: this benchmark is for PostgreSQL.")
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        seed(args.innovations)
        seed_resources(args.resources)
        with connection.cursor() as cursor:
            # Merge the GIN pending lists and gather statistics, as autovacuum would.
            cursor.execute("SELECT gin_clean_pending_list('innovation_search_gin')")
            cursor.execute("SELECT gin_clean_pending_list('resource_search_gin')")
            cursor.execute("ANALYZE innovations_innovation")
            cursor.execute("ANALYZE resources_resource")
        print(
            f"seeded {args.innovations} innovations and {args.resources} resources "
            f"in {time.perf_counter() - started:.1f} s"
        )
        from innovations.search import search_innovations
        from resources.search import search_resources

        print(f"{'type':<13}{'term':<14}{'kind':<10}{'p50 ms':>8}{'p95 ms':>8}")
        for search, label in ((search_innovations, "innovations"), (search_resources, "resources")):
            for term, kind in [("skills", "frequent"), ("formación", "frequent"),
                               ("école", "frequent"), ("quokka", "rare"), ("tombouctou", "rare")]:  # fmt: skip
                timings = sorted(measure(term, args.runs, search))
                p95 = timings[int(len(timings) * 0.95) - 1]
                print(
                    f"{label:<13}{term:<14}{kind:<10}{statistics.median(timings):>8.1f}{p95:>8.1f}"
                )

        sql, params = search_innovations(None, "quokka").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print("GIN index used for a rare word:", "innovation_search_gin" in plan)
        sql, params = search_innovations(None, "skills").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
