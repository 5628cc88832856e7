"""Benchmark: the search query on PostgreSQL with 100,000 innovations.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/network_bench \\
        .venv/bin/python bench/search_bench.py --innovations 100000

Creates a throw-away database, bulk-seeds innovations with varied multilingual text (the
trigger fills the search vectors), then times the search query (the same function the search
page calls, for a visitor) for frequent and rare terms and prints p50/p95 and the plan.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
os.environ.setdefault("DEBUG", "true")  # development settings: local database, no secret key

import django

django.setup()

from django.db import connection  # noqa: E402


def seed(count: int) -> None:
    from bench.seeding import seed_innovations

    # 40 words each, a rare word every 20,000; one in five members-only.
    seed_innovations(count, prefix="bench", rare_every=20000)


def seed_resources(count: int) -> None:
    from bench.seeding import seed_resources as seed

    seed(count, prefix="bench-resource", rare_every=5000)


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
        from bench.seeding import analyse
        from innovations.models import Innovation
        from resources.models import Resource

        # Merge the GIN pending lists and gather statistics, as autovacuum would.
        analyse(Innovation, Resource)
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
