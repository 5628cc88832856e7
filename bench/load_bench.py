"""Load benchmark: the main pages under concurrent load, served by gunicorn with production
settings, on PostgreSQL and Redis.

    .venv/bin/python bench/load_bench.py                 # 50k members, 100k innovations, 30 s
    .venv/bin/python bench/load_bench.py --smoke         # a few thousand rows, 5 s (CI)

1. Creates the database of ``DATABASE_URL`` if missing (default
   ``postgres://postgres@127.0.0.1:5432/network_load``), migrates it, and bulk-seeds members
   (profiles, organisations, mentors), innovations (facets and tags), events (registrations)
   and resources, unless it already holds that many (``--reseed`` drops and seeds again);
   then VACUUM ANALYZE.
2. Signs in one benchmark member (a session row in the database; its cookie goes to wrk).
3. Collects the static files into a temporary folder and starts gunicorn with DEBUG off on
   127.0.0.1 (a free port), then waits for /healthz and checks that every page answers 200.
4. Runs one wrk process per page, all at once, for ``--duration`` seconds, sharing
   ``--connections`` between them (at least one each); bench/load.lua prints each page's
   figures. Prints the table (and writes ``--json``); exits 1 when a page had an error (a
   status other than 200, a socket error or a timeout) or, with ``--assert-p95 MS``, a p95
   above MS.

Needs wrk (``apt-get install -y wrk``), PostgreSQL and Redis (``REDIS_URL``, default
``redis://127.0.0.1:6379/2``).
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.serving import free_port, get, start_gunicorn, wait_healthy  # noqa: E402
from bench.wrk import print_table, run_load  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/network_load"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/2"
BENCH_EMAIL = "load-bench@load.example"
FULL = {"members": 50_000, "innovations": 100_000, "events": 5_000, "resources": 20_000}
SMOKE = {"members": 2_000, "innovations": 3_000, "events": 200, "resources": 1_000}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name, count in FULL.items():
        parser.add_argument(f"--{name}", type=int, help=f"rows to seed (default {count:,})")
    parser.add_argument("--duration", type=int, help="seconds of load (default 30)")
    parser.add_argument("--connections", type=int, help="total concurrent connections (20)")
    parser.add_argument(
        "--workers", type=int,
        help="gunicorn workers (default 5 x cores; smoke 2 x cores + 1)",
    )  # fmt: skip
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (1: sync)")
    parser.add_argument(
        "--warmup", type=int, help="seconds of unmeasured load first (default 5, smoke 2)"
    )
    parser.add_argument(
        "--think", type=int, default=0, metavar="MS",
        help="think time between a connection's requests (random 0.5x-1.5x; default 0: none)",
    )  # fmt: skip
    parser.add_argument("--reseed", action="store_true", help="drop the database, seed again")
    parser.add_argument(
        "--no-page-cache", action="store_true",
        help="render visitors' pages afresh (PAGE_CACHE_SECONDS=0), to compare",
    )  # fmt: skip
    parser.add_argument("--smoke", action="store_true", help="a few thousand rows, 5 s (CI)")
    parser.add_argument("--assert-p95", type=float, metavar="MS", help="fail above this p95")
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="WORD",
        help="leave out the pages whose name contains WORD (repeatable), e.g. mentors",
    )  # fmt: skip
    parser.add_argument(
        "--alone", action="store_true",
        help="each page on its own in turn, one connection: its latency without load",
    )  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results here")
    args = parser.parse_args()
    PAGES[:] = [p for p in PAGES if not any(w in p[0] for w in args.exclude) or "healthz" in p[0]]
    sizes = SMOKE if args.smoke else FULL
    for name, count in sizes.items():
        if getattr(args, name) is None:
            setattr(args, name, count)
    args.duration = args.duration or (5 if args.smoke else 30)
    if args.warmup is None:
        args.warmup = 2 if args.smoke else 5
    args.connections = args.connections or (len(PAGES) if args.smoke else 20)
    cores = os.cpu_count() or 1
    # Five sync workers per core, as the compose stack is advised to run (WEB_CONCURRENCY;
    # the README's load benchmark compares 9 to 21 workers here). With one per connection
    # every busy worker took an equal share of the cores, and the visitors' connections,
    # which never pause, took most of them from the members' pages (their p95 up to 1.3 s).
    # With fewer, the requests beyond the workers wait in the listen queue, in the order
    # they came; with too few (2 x cores + 1), every page waits behind members' pages. The
    # smoke run only checks that every page answers.
    if args.workers:
        args.workers_reason = "given"
    elif args.smoke:
        args.workers, args.workers_reason = 2 * cores + 1, f"2 x {cores} cores + 1"
    else:
        args.workers, args.workers_reason = 5 * cores, f"5 x {cores} cores"
    return args


# The pages under load: name, signed in, paths (several: the connections take them in turn).
# Filled in by pick_pages() once the data exists; the order is the order of the table and
# of the connections shared out (/healthz, the floor, always gets exactly one).
PAGES = [
    ("home", False),
    ("showcase", False),
    ("showcase filtered", False),
    ("innovation detail", False),
    ("search ?q=skills", False),
    ("events", False),
    ("event detail", False),
    ("library", False),
    ("resource detail", False),
    # The same pages for a member, rendered for them (visitors' come from the shared cache).
    ("home (signed in)", True),
    ("showcase (signed in)", True),
    ("innovation detail (signed in)", True),
    ("search (signed in)", True),
    ("events (signed in)", True),
    ("library (signed in)", True),
    ("directory (signed in)", True),
    ("profile (signed in)", True),
    ("mentors (signed in)", True),
    # Partners' public figures, and staff's dashboard (its figures shared until data changes).
    ("network in figures", False),
    ("insight dashboard (staff)", "staff"),
    ("/healthz (floor)", False),
]


def production_env(args, var_dir: Path) -> dict:
    """The environment of both this process and gunicorn: production settings on loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "network.settings",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        "REDIS_URL": os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on 127.0.0.1: no redirect to HTTPS, cookies without the Secure flag.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "VAR_DIR": str(var_dir),  # collected static files go to var_dir/staticfiles
        "MEDIA_ROOT": str(var_dir / "media"),
        "LOG_LEVEL": "WARNING",
        # --no-page-cache: every visitor's page rendered afresh, to see what the cache gives.
        "PAGE_CACHE_SECONDS": "0" if args.no_page_cache else "300",
    }


def ensure_database(url: str, *, drop: bool) -> bool:
    """Create the database of ``url`` if missing (drop it first with ``drop``). True: created."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if drop:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))  # fmt: skip
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def counts() -> dict:
    from events.models import Event
    from innovations.models import Innovation
    from members.models import User
    from resources.models import Resource

    return {
        "members": User.objects.exclude(email=BENCH_EMAIL).count(),
        "innovations": Innovation.objects.count(),
        "events": Event.objects.count(),
        "resources": Resource.objects.count(),
    }


def seed(args) -> float:
    from datetime import timedelta

    from django.utils import timezone

    from bench import seeding

    now = timezone.now()
    started = time.perf_counter()
    step = time.perf_counter()

    def done(what):
        nonlocal step
        print(f"  {what} in {time.perf_counter() - step:.1f} s", flush=True)
        step = time.perf_counter()

    organisations = seeding.seed_organisations(max(args.members // 10, 1), prefix="load-org")
    members = seeding.seed_members(
        args.members, prefix="load", domain="load.example", delivery="daily", interests=2,
        expertise=2, rich=True, organisations=organisations,
    )  # fmt: skip
    done(f"{len(organisations):,} organisations, {args.members:,} members with profiles")
    seeding.seed_mentors(members)
    done(f"{len(members[::10]):,} mentors")
    seeding.seed_innovations(
        args.innovations,
        prefix="load-innovation",
        rare_every=20000,
        # Newest first, an hour apart; one in twenty submitted, one in twenty a draft.
        published_at=lambda i: now - timedelta(hours=i),
        status=lambda i: {0: "submitted", 1: "draft"}.get(i % 20, "published"),
        visibility=lambda i: "members" if i % 5 == 0 else "public",
        owners=members,
        organisations=organisations,
        rich=True,
        facets=True,
        tags=3,
    )
    done(f"{args.innovations:,} innovations with facets and tags")
    seeding.seed_events(args.events, prefix="load-event", members=members)
    done(f"{args.events:,} events with languages, hosts and registrations")
    seeding.seed_resources(
        args.resources, prefix="load-resource", rare_every=5000, rich=True, tags=2,
        contributors=members, organisations=organisations,
    )  # fmt: skip
    done(f"{args.resources:,} resources with tags")
    seeding.analyse(vacuum=True)
    done("VACUUM ANALYZE")
    return time.perf_counter() - started


def bench_member():
    """The signed-in member of the benchmark and a session cookie for them."""

    from members.models import Profile, User

    user, _ = User.objects.get_or_create(
        email=BENCH_EMAIL,
        defaults={"username": "load-bench", "display_name": "Load Bench", "status": "approved"},
    )
    Profile.objects.get_or_create(user=user, defaults={"country": "KE", "region": "africa"})
    return user, _session_cookie(user)


def _session_cookie(user, *, second_factor=False) -> str:
    from allauth.account.internal.flows import login as allauth_login
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if second_factor:  # as a sign-in through allauth's two-factor stage records it
        session[allauth_login.AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "mfa", "at": time.time(), "type": Authenticator.Type.TOTP}
        ]
        session[allauth_login._AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def bench_staff():
    """A moderator of the benchmark (second factor passed) and a session cookie for them."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from members.models import User

    user, _ = User.objects.get_or_create(
        email="load-staff@load.example",
        defaults={"username": "load-staff", "display_name": "Load Staff", "status": "approved",
                  "is_staff": True},
    )  # fmt: skip
    user.groups.add(Group.objects.get(name="Moderators"))
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
    )
    return _session_cookie(user, second_factor=True)


def cold_insights() -> list[tuple[str, float]]:
    """Each dashboard figure computed afresh (no cache), in ms: what the first view after a
    change of data costs. The monthly series are rolled up first, as each night."""
    from network import content, insights

    started = time.perf_counter()
    insights.rollup(content.gather("series"))
    timings = [("nightly rollup of the monthly series", (time.perf_counter() - started) * 1000)]
    for insight in content.ordered("insights"):
        started = time.perf_counter()
        insight.table(insights.Period())
        timings.append((insight.name, (time.perf_counter() - started) * 1000))
    return timings


def pick_pages(viewer) -> dict:
    """The paths of each page: detail pages rotate among five visible rows spread over the data."""
    from events.models import Event
    from innovations.models import Innovation
    from members.models import User
    from network.taxonomy import Region, Theme
    from resources.models import Resource

    def spread(queryset, field, count=5):
        total = queryset.count()
        step = max(total // count, 1)
        return [queryset.order_by("pk")[i * step][field] for i in range(min(count, total))]

    innovations = spread(Innovation.objects.public().values("slug"), "slug")
    events = spread(Event.objects.public().upcoming().values("slug"), "slug")
    resources = spread(Resource.objects.public().values("slug"), "slug")
    members = spread(
        User.objects.approved().exclude(pk=viewer.pk).filter(profile__hidden_at=None)
        .values("username"), "username",
    )  # fmt: skip
    theme, region = Theme.values[0], Region.values[0]
    paths = {
        "home": ["/"],
        "showcase": ["/innovations/"],
        "showcase filtered": [f"/innovations/?theme={theme}&region={region}&stage=pilot"],
        "innovation detail": [f"/innovations/{slug}/" for slug in innovations],
        "search ?q=skills": ["/search/?q=skills"],
        "events": ["/events/"],
        "event detail": [f"/events/{slug}/" for slug in events],
        "library": ["/resources/"],
        "resource detail": [f"/resources/{slug}/" for slug in resources],
        "directory (signed in)": ["/members/"],
        "profile (signed in)": [f"/members/{username}/" for username in members],
        "mentors (signed in)": ["/mentoring/mentors/"],
        "network in figures": ["/figures/"],
        "insight dashboard (staff)": [
            "/insights/",
            f"/insights/?region={region}",
            "/insights/?start=2026-01-01",
        ],
        "/healthz (floor)": ["/healthz"],
    }
    for name in ("home", "showcase", "innovation detail", "events", "library"):
        paths[f"{name} (signed in)"] = paths[name]
    paths["search (signed in)"] = paths["search ?q=skills"]
    missing = [name for name, _ in PAGES if not paths[name]]
    if missing:
        sys.exit(f"No data for: {', '.join(missing)}. Seed more rows (--reseed).")
    return paths


def preflight(base: str, pages: dict, cookies: dict) -> list[str]:
    """Every path answers 200 (signed-in pages as the member or the moderator) before the
    load starts."""
    problems = []
    for name, signed_in in PAGES:
        for path in pages[name]:
            status, body = get(base + path, cookies.get(signed_in))
            if status != 200:
                problems.append(f"{name}: {path} answered {status}")
            elif signed_in and "Sign out" not in body:
                problems.append(f"{name}: {path} was not served signed in")
    return problems


def main() -> None:
    args = parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    env = production_env(args, var_dir)
    os.environ.update(env)
    if not env["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must name a PostgreSQL database: this benchmark is for PostgreSQL.")
    server = None
    try:
        created = ensure_database(env["DATABASE_URL"], drop=args.reseed)
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connections

        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        print(f"database {urlsplit(env['DATABASE_URL']).path.lstrip('/')}: "
              f"{'created, ' if created else ''}migrated in {time.perf_counter() - started:.1f} s")  # fmt: skip
        wanted = {name: getattr(args, name) for name in FULL}
        have = counts()
        if all(have[name] >= count for name, count in wanted.items()):
            print("already seeded: " + ", ".join(f"{n:,} {k}" for k, n in have.items()))
        else:
            if any(have.values()):
                print("partly seeded: dropping the database and seeding again")
                connections.close_all()
                ensure_database(env["DATABASE_URL"], drop=True)
                call_command("migrate", verbosity=0, interactive=False)
            print("seeding: " + ", ".join(f"{n:,} {k}" for k, n in wanted.items()), flush=True)
            print(f"seeded in {seed(args):.1f} s")
            cache.clear()  # nothing cached from an earlier data set
        viewer, cookie = bench_member()
        cookies = {True: cookie, "staff": bench_staff()}
        pages = pick_pages(viewer)
        print("insight figures computed afresh (ms):")
        for name, ms in cold_insights():
            print(f"  {name:<40}{ms:>9.1f}")

        started = time.perf_counter()
        call_command("collectstatic", interactive=False, verbosity=0)
        print(f"collectstatic into {var_dir / 'staticfiles'} in {time.perf_counter() - started:.1f} s")  # fmt: skip
        connections.close_all()

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = var_dir / "gunicorn.log"
        server = start_gunicorn(args, env, port, log)
        wait_healthy(base, server, log, timeout=max(90, 6 * args.workers))  # each starts Django
        kind = "sync" if args.threads == 1 else f"gthread, {args.threads} threads each"
        print(f"gunicorn on {base}: {args.workers} workers ({args.workers_reason}; {kind}), "
              "DEBUG off")  # fmt: skip
        problems = preflight(base, pages, cookies)
        if problems:
            print("\n".join(["Pages failed before the load:", *problems]))
            sys.exit(1)
        think = f", {args.think} ms think time" if args.think else ", no think time"
        if args.alone:
            print(f"each page alone in turn: one connection for {args.duration} s{think}\n")
        else:
            print(f"load: {args.connections} connections for {args.duration} s{think}, one wrk "
                  f"per page ({len(PAGES)} pages, at least one connection each)\n", flush=True)  # fmt: skip
        if args.warmup:
            # Every worker loads its templates, translations and connections before timing.
            run_load(args, PAGES, base, pages, cookies, args.warmup)
        load_before = os.getloadavg()[0]
        if args.alone:
            results = [row for page in PAGES
                       for row in run_load(args, PAGES, base, pages, cookies, args.duration, [(page, 1)])]  # fmt: skip
        else:
            results = run_load(args, PAGES, base, pages, cookies, args.duration)
        print_table(results)
        print(
            f"\nload average (1 min) before the measured run {load_before:.2f}, after "
            f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
        )
        failures = [f"{r['page']}: {r['errors']} errors ({r['non_200']} not 200, "
                    f"{r['socket_errors']} socket errors or timeouts)"
                    for r in results if r["errors"] or not r["requests"]]  # fmt: skip
        if args.assert_p95 is not None:
            failures += [f"{r['page']}: p95 {r['p95_ms']:.1f} ms > {args.assert_p95:g} ms"
                         for r in results if r["p95_ms"] > args.assert_p95]  # fmt: skip
        if args.json:
            args.json.write_text(json.dumps({
                "settings": {
                    "members": args.members, "innovations": args.innovations,
                    "events": args.events, "resources": args.resources,
                    "duration_s": args.duration, "connections": args.connections,
                    "workers": args.workers, "threads": args.threads,
                    "cores": os.cpu_count(),
                    "warmup_s": args.warmup,
                },
                "pages": results,
                "failures": failures,
            }, indent=2) + "\n")  # fmt: skip
        if failures:
            print("\nFAILED:\n  " + "\n  ".join(failures))
            sys.exit(1)
        print("\nno errors" + (f"; every p95 under {args.assert_p95:g} ms" if args.assert_p95 else ""))  # fmt: skip
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
