"""Driving wrk for the load benchmark (``bench/load_bench.py``): one wrk process per page,
all at once, each reporting its figures through ``bench/load.lua``; and the table of them."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

LUA = Path(__file__).with_name("load.lua")


def share_connections(total: int, page_list) -> list[int]:
    """One connection for /healthz (the last page); the rest in turn over the pages, at least
    one each."""
    pages = len(page_list) - 1
    rest = max(total - 1, pages)
    return [rest // pages + (1 if i < rest % pages else 0) for i in range(pages)] + [1]


def run_load(
    args, page_list, base: str, pages: dict, cookies: dict, duration: int, plan=None
) -> list[dict]:
    """Every page of ``page_list`` (``[(name, signed_in)]``) at once with its share of the
    connections, or the ``plan``'s pages only (``[((name, signed_in), connections)]``);
    ``pages`` maps each name to its paths."""
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is missing: apt-get install -y wrk")
    processes = []
    for (name, signed_in), connections in plan or zip(
        page_list, share_connections(args.connections, page_list), strict=True
    ):
        command = [
            wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
            "-s", str(LUA), base, "--", cookies.get(signed_in, "-"), *pages[name],
        ]  # fmt: skip
        processes.append(
            (
                name,
                connections,
                subprocess.Popen(
                    command,
                    stdout=subprocess.PIPE,
                    text=True,
                    env={**os.environ, "LOAD_THINK_MS": str(args.think)},
                ),
            )
        )
    results = []
    for name, connections, process in processes:
        output, _ = process.communicate()
        lines = [line for line in output.splitlines() if line.startswith("LOADJSON ")]
        if process.returncode or not lines:
            sys.exit(f"wrk failed for {name} (exit {process.returncode}):\n{output}")
        figures = json.loads(lines[-1].removeprefix("LOADJSON "))
        socket_errors = sum(figures[k] for k in ("connect", "read", "write", "timeout"))
        results.append({
            "page": name,
            "paths": pages[name],
            "connections": connections,
            "requests": figures["requests"],
            "rps": figures["requests"] / (figures["duration_us"] / 1e6),
            "p50_ms": figures["p50_ms"],
            "p95_ms": figures["p95_ms"],
            "p99_ms": figures["p99_ms"],
            "max_ms": figures["max_ms"],
            "non_200": figures["non200"],
            "socket_errors": socket_errors,
            "errors": figures["non200"] + socket_errors,
        })  # fmt: skip
    return results


def print_table(results: list[dict]) -> None:
    header = (
        f"{'page':<31}{'conn':>5}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in results:
        if row["page"].startswith("/healthz"):
            print("-" * len(header))
        print(
            f"{row['page']:<31}{row['connections']:>5}{row['rps']:>9.1f}{row['p50_ms']:>9.1f}"
            f"{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['errors']:>8}"
        )
    pages = [row for row in results if not row["page"].startswith("/healthz")]
    print("-" * len(header))
    print(
        f"{'all pages':<31}{sum(r['connections'] for r in pages):>5}"
        f"{sum(r['rps'] for r in pages):>9.1f}{'':>9}{max(r['p95_ms'] for r in pages):>9.1f}"
        f"{max(r['p99_ms'] for r in pages):>9.1f}{sum(r['errors'] for r in pages):>8}"
    )
