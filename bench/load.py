"""Load test: N simulated quiz takers against gunicorn, then check that no answer was lost.

For each database (SQLite, PostgreSQL) this starts two servers in turn on a free loopback port,
with the settings of gunicorn.conf.py:

1. the baseline (bench/baseline_app.py): a bare Flask app that serves a page and inserts a row;
2. the quiz app on a fresh database (migrated and seeded), rate limits off.

Both servers run side by side (each warmed up first, not counted) and get the same three
phases, driven by the same client: N takers split over client *processes* (``--client-procs``,
so the client is not one GIL-bound process), each taker a thread with its own connection and
cookie. Each phase runs as baseline T/2 s, quiz app T s, baseline T/2 s, so both sides of a
ratio are measured around the same moment on a shared machine:

- ``page``: GET the quiz page, nothing else (the "quiz page" throughput of the issue);
- ``submit``: each taker reads the page and the JSON quiz once, then alternates form POSTs
  (its CSRF token and session cookie, a fresh submission id each time) and API POSTs
  (the "submission" throughput, compared with the baseline's single-row insert);
- ``journey``: the full loop of a taker: GET page, POST form, GET JSON, POST API.

Afterwards the attempts and responses in the database must equal what the server acknowledged
(303 / 201): none lost, none stored twice. The client's own CPU time is reported beside each
phase: on a small machine it competes with the server for the same cores.

    .venv/bin/python bench/load.py --users 16 --seconds 10 --db sqlite postgres

Only the standard library on the client side (processes, threads, http.client), loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DB = "quizapp_bench"
INPUT = re.compile(r"<input\b[^>]*>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
MAX_USERS = 64
MAX_SECONDS = 300
MAX_PROCS = 8
PHASES = ("page", "submit", "journey")
#: Seconds of page requests before the measured phases (workers booted, caches warm).
WARMUP_S = 3.0


@dataclass
class Stats:
    """What the clients saw, merged over threads and processes."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    acked_attempts: int = 0
    acked_responses: int = 0
    client_cpu: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1

    def ack(self, responses: int) -> None:
        with self.lock:
            self.acked_attempts += 1
            self.acked_responses += responses

    def plain(self) -> dict[str, Any]:
        """A picklable copy (to send from a client process)."""
        return {
            "latencies": self.latencies,
            "errors": self.errors,
            "acked_attempts": self.acked_attempts,
            "acked_responses": self.acked_responses,
            "client_cpu": self.client_cpu,
        }

    def merge(self, other: dict[str, Any]) -> None:
        for kind, values in other["latencies"].items():
            self.latencies.setdefault(kind, []).extend(values)
        for what, n in other["errors"].items():
            self.errors[what] = self.errors.get(what, 0) + n
        self.acked_attempts += other["acked_attempts"]
        self.acked_responses += other["acked_responses"]
        self.client_cpu += other["client_cpu"]

    def server_errors(self) -> int:
        """Responses with a 5xx status."""
        return sum(n for what, n in self.errors.items() if re.search(r": 5\d\d$", what))


class Taker:
    """One simulated quiz taker: its own connection and session cookie."""

    def __init__(self, port: int, quiz_id: int, stats: Stats, rng: random.Random) -> None:
        self.port, self.quiz_id, self.stats, self.rng = port, quiz_id, stats, rng
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""
        self.form: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.options: dict[str, list[int]] = {}

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.conn.close()
            self.stats.error(f"{kind}: {type(exc).__name__}")
            time.sleep(0.1)  # a refused connection must not spin
            return 0, b""
        self.stats.record(kind, time.perf_counter() - start)
        # gunicorn's sync workers close every connection; http.client reconnects on the next
        # request, for the baseline and the app alike.
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        if response.status >= 400:
            self.stats.error(f"{kind}: {response.status}")
        return response.status, data

    # -- the requests -------------------------------------------------------------------------

    def get_page(self, parse: bool) -> bool:
        status, html = self.request("GET page", "GET", f"/quizzes/{self.quiz_id}")
        if status != 200:
            return False
        if parse:
            self.form, self.radios = {}, {}
            for tag in INPUT.findall(html.decode()):
                attrs = dict(ATTR.findall(tag))
                name = attrs.get("name", "")
                if attrs.get("type") == "radio":
                    self.radios.setdefault(name, []).append(attrs.get("value", ""))
                elif name in ("csrf_token", "submission_id"):
                    self.form[name] = attrs.get("value", "")
        return True

    def post_form(self, fresh_id: bool) -> None:
        form = dict(self.form)
        if fresh_id:  # a new form id of the same shape, as a new page view would give
            form["submission_id"] = secrets.token_urlsafe(16)
        form["name"] = f"web {self.rng.randrange(10**6)}"
        for name, values in self.radios.items():
            form[name] = self.rng.choice(values)
        body = urllib.parse.urlencode(form).encode()
        status, _ = self.request(
            "POST form",
            "POST",
            f"/quizzes/{self.quiz_id}",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if status == 303:
            self.stats.ack(len(self.radios))

    def get_json(self) -> bool:
        status, data = self.request("GET json", "GET", f"/api/quizzes/{self.quiz_id}")
        if status != 200:
            return False
        quiz = json.loads(data)
        self.options = {str(q["id"]): [o["id"] for o in q["options"]] for q in quiz["questions"]}
        return True

    def post_api(self) -> None:
        answers = {qid: self.rng.choice(ids) for qid, ids in self.options.items()}
        body = json.dumps({"name": f"api {self.rng.randrange(10**6)}", "answers": answers}).encode()
        status, _ = self.request(
            "POST json",
            "POST",
            f"/api/quizzes/{self.quiz_id}/attempts",
            body,
            {"Content-Type": "application/json"},
        )
        if status == 201:
            self.stats.ack(len(answers))

    # -- the phases ---------------------------------------------------------------------------

    def run(self, phase: str, deadline: float) -> None:
        if phase == "submit" and not (self.get_page(parse=True) and self.get_json()):
            return
        while time.monotonic() < deadline:
            if phase == "page":
                self.get_page(parse=False)
            elif phase == "submit":
                self.post_form(fresh_id=True)
                if time.monotonic() < deadline:
                    self.post_api()
            else:
                if self.get_page(parse=True):
                    self.post_form(fresh_id=False)
                if time.monotonic() < deadline and self.get_json():
                    self.post_api()
        self.conn.close()


def _client_process(
    port: int,
    quiz_id: int,
    phase: str,
    first: int,
    users: int,
    start_at: float,
    seconds: float,
    queue: Any,
) -> None:
    """One client process: ``users`` taker threads from ``start_at`` for ``seconds``."""
    stats = Stats()
    cpu = time.process_time()
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=lambda i=i: Taker(port, quiz_id, stats, random.Random(i)).run(phase, deadline),
            daemon=True,
        )
        for i in range(first, first + users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    stats.client_cpu = time.process_time() - cpu
    queue.put(stats.plain())


def drive(
    port: int, quiz_id: int, phase: str, users: int, seconds: float, procs: int
) -> tuple[Stats, float]:
    """Run ``users`` takers over ``procs`` client processes; what they saw and the wall time."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    procs = max(1, min(procs, users))
    shares = [users // procs + (1 if i < users % procs else 0) for i in range(procs)]
    start_at = time.time() + 0.5  # every process starts its takers together
    workers, first = [], 0
    for share in shares:
        worker = context.Process(
            target=_client_process,
            args=(port, quiz_id, phase, first, share, start_at, seconds, queue),
        )
        worker.start()
        workers.append(worker)
        first += share
    stats = Stats()
    for _ in workers:
        stats.merge(queue.get(timeout=seconds + 120))
    for worker in workers:
        worker.join()
    return stats, seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server did not become healthy")


def serve(
    app_spec: str,
    env: dict[str, str],
    port: int,
    workers: int,
    options: tuple[str, ...] = (),
) -> subprocess.Popen[bytes]:
    """gunicorn with gunicorn.conf.py on ``port``, access log off; ``options`` are added to its
    command line (bench/cpu_per_request.py turns worker recycling off)."""
    env = {
        **os.environ,
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "/dev/null",
        "GUNICORN_LOGLEVEL": "warning",
    }
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    cmd = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), *options, app_spec]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    wait_healthy(port, proc)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def fresh_database(kind: str, workdir: Path, pg_name: str = PG_DB) -> str:
    """A new, empty database; its SQLAlchemy URL."""
    if kind == "sqlite":
        workdir.mkdir(parents=True, exist_ok=True)
        path = workdir / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{pg_name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_name}"


def count_rows(uri: str, tables: list[str]) -> list[int]:
    counts = []
    if uri.startswith("sqlite"):
        with sqlite3.connect(uri.removeprefix("sqlite:///")) as conn:
            for table in tables:
                counts.append(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608
        return counts
    import psycopg

    with psycopg.connect(uri.replace("+psycopg", "")) as conn:
        for table in tables:
            row = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # noqa: S608
            counts.append(row[0] if row else 0)
    return counts


def summary(name: str, phase: str, stats: Stats, wall: float) -> dict[str, Any]:
    every = sorted(s for values in stats.latencies.values() for s in values)

    def pct(p: float) -> float:
        return every[min(len(every) - 1, int(p * len(every)))] * 1000 if every else float("nan")

    return {
        "name": name,
        "phase": phase,
        "requests": len(every),
        "rps": len(every) / wall if wall else 0.0,
        "by_kind": {kind: len(values) / wall for kind, values in sorted(stats.latencies.items())},
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "mean": statistics.fmean(every) * 1000 if every else float("nan"),
        "errors": sum(stats.errors.values()),
        "server_errors": stats.server_errors(),
        "error_kinds": dict(stats.errors),
        "client_cpu": stats.client_cpu / wall if wall else 0.0,
    }


@dataclass
class Server:
    """One running server under test and what its clients saw, phase by phase."""

    name: str
    proc: subprocess.Popen[bytes]
    port: int
    quiz_id: int
    phases: dict[str, tuple[Stats, float]] = field(default_factory=dict)
    total: Stats = field(default_factory=Stats)

    def load(self, phase: str, seconds: float, args: argparse.Namespace) -> None:
        stats, wall = drive(self.port, self.quiz_id, phase, args.users, seconds, args.client_procs)
        before = self.phases.get(phase)
        if before is not None:
            before[0].merge(stats.plain())
            stats, wall = before[0], before[1] + wall
        self.phases[phase] = (stats, wall)

    def rows(self) -> list[dict[str, Any]]:
        return [summary(self.name, phase, *self.phases[phase]) for phase in self.phases]


def start_server(
    name: str, app_spec: str, env: dict[str, str], quiz_id: int | None, args: argparse.Namespace
) -> Server:
    """Start a server, find the quiz to take, warm every worker up (not counted)."""
    port = free_port()
    proc = serve(app_spec, env, port, args.workers)
    if quiz_id is None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/quizzes")
        quiz_id = json.loads(conn.getresponse().read())["quizzes"][0]["id"]
        conn.close()
    drive(port, quiz_id, "page", args.users, WARMUP_S, args.client_procs)
    return Server(name, proc, port, quiz_id)


def run_pair(baseline: Server, app: Server, args: argparse.Namespace) -> None:
    """Each phase as baseline (T/2), app (T), baseline (T/2): both measured around the same
    moment, so a shared machine's drift hits both sides of a ratio alike."""
    for phase in args.phases:
        baseline.load(phase, args.seconds / 2, args)
        app.load(phase, args.seconds, args)
        baseline.load(phase, args.seconds / 2, args)
    for server in (baseline, app):
        server.total = Stats()
        for stats, _ in server.phases.values():
            server.total.merge(stats.plain())


def integrity(name: str, total: Stats, stored: tuple[int, int]) -> dict[str, Any]:
    """Acknowledged against stored: lost (acked, not stored) and duplicated (stored, not acked)."""
    acked = (total.acked_attempts, total.acked_responses)
    if stored[1] < 0:  # the baseline stores one row per submission
        acked = (acked[0], -1)
    lost = sum(max(0, a - s) for a, s in zip(acked, stored, strict=True))
    dup = sum(max(0, s - a) for a, s in zip(acked, stored, strict=True))
    return {
        "name": name,
        "acked": acked,
        "stored": stored,
        "lost": lost,
        "duplicated": dup,
        "server_errors": total.server_errors(),
        "errors": sum(total.errors.values()),
    }


def run_one(kind: str, args: argparse.Namespace, workdir: Path) -> tuple[list[Any], list[Any]]:
    # The baseline and the quiz app, each on a fresh database of this kind, both running.
    base_uri = fresh_database(kind, workdir / "baseline", args.pg_name)
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine

    from bench.baseline_app import metadata

    engine = create_engine(base_uri)
    metadata.create_all(engine)
    engine.dispose()

    app_uri = fresh_database(kind, workdir / "app", args.pg_name + "_app")
    env = {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": app_uri,
        "QUIZAPP_RATELIMIT_ENABLED": "false",
        "QUIZAPP_SECRET_KEY": "bench-only-secret",  # noqa: S105 - a throwaway server on loopback
    }
    full_env = {**os.environ, **env}
    subprocess.run(
        [str(BIN / "quizapp"), "db", "upgrade"],
        cwd=ROOT,
        env=full_env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [str(BIN / "quizapp"), "seed"], cwd=ROOT, env=full_env, check=True, capture_output=True
    )

    servers: list[Server] = []
    try:
        servers.append(
            start_server(
                f"baseline, {kind}",
                "bench.baseline_app:create_app()",
                {"BASELINE_DATABASE_URI": base_uri},
                1,
                args,
            )
        )
        servers.append(start_server(f"quizapp, {kind}", "quizapp:create_app()", env, None, args))
        baseline, app = servers
        run_pair(baseline, app, args)
    finally:
        for server in servers:
            stop(server.proc)
    checks = [
        integrity(baseline.name, baseline.total, (count_rows(base_uri, ["baseline_row"])[0], -1)),
        integrity(app.name, app.total, tuple(count_rows(app_uri, ["attempt", "response"]))),
    ]
    return baseline.rows() + app.rows(), checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=16, help="simulated takers (max 64)")
    parser.add_argument(
        "--seconds", type=float, default=10, help="load time per phase and server (max 300)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="gunicorn workers (default: gunicorn.conf.py, 2 x CPUs + 1)",
    )
    parser.add_argument(
        "--client-procs",
        type=int,
        default=2,
        help=f"client processes the takers are split over (max {MAX_PROCS})",
    )
    parser.add_argument("--phases", nargs="+", choices=PHASES, default=list(PHASES))
    parser.add_argument(
        "--db", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"]
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--pg-name",
        default=PG_DB,
        help=f"PostgreSQL databases to drop and create: NAME and NAME_app (default {PG_DB}); "
        "give each checkout on a shared server its own",
    )
    args = parser.parse_args(argv)
    args.users = max(1, min(args.users, MAX_USERS))
    args.seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    args.client_procs = max(1, min(args.client_procs, MAX_PROCS))

    rows: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="quizapp-load-") as tmp:
        for kind in args.db:
            more_rows, more_checks = run_one(kind, args, Path(tmp))
            rows += more_rows
            checks += more_checks
    load_after = os.getloadavg()

    print(
        f"\n{args.users} users over {args.client_procs} client processes, {args.seconds:g} s "
        f"per phase and server, CPUs: {os.cpu_count()}, load average "
        f"{load_before[0]:.1f} before / {load_after[0]:.1f} after\n"
    )
    print(
        "| server | phase | requests | req/s | req/s by kind | p50 ms | p95 ms | p99 ms | "
        "errors | 5xx | client CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        kinds = ", ".join(f"{kind} {rps:.0f}" for kind, rps in row["by_kind"].items())
        print(
            f"| {row['name']} | {row['phase']} | {row['requests']} | {row['rps']:.0f} | "
            f"{kinds} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | "
            f"{row['errors']} | {row['server_errors']} | {row['client_cpu']:.0%} |"
        )
    print(
        "\n| server | acknowledged attempts / responses | stored attempts / responses | lost | "
        "duplicated | 5xx |"
    )
    print("|---|---|---|---|---|---|")
    ok = True
    for check in checks:
        acked = " / ".join(str(n) for n in check["acked"] if n >= 0)
        stored = " / ".join(str(n) for n in check["stored"] if n >= 0)
        print(
            f"| {check['name']} | {acked} | {stored} | {check['lost']} | {check['duplicated']} | "
            f"{check['server_errors']} |"
        )
        ok = ok and check["lost"] == 0 and check["duplicated"] == 0 and check["errors"] == 0
    print()
    for kind in args.db:
        for phase in args.phases:
            base = next(r for r in rows if r["name"] == f"baseline, {kind}" and r["phase"] == phase)
            app = next(r for r in rows if r["name"] == f"quizapp, {kind}" and r["phase"] == phase)
            ratio = app["rps"] / base["rps"] if base["rps"] else float("nan")
            what = {
                "page": "quiz page vs baseline page",
                "submit": "submission vs baseline insert",
                "journey": "whole journey",
            }[phase]
            print(f"{kind}: {what}: {ratio:.2f} x baseline")
    for row in rows:
        if row["error_kinds"]:
            print(f"{row['name']} ({row['phase']}) errors: {row['error_kinds']}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "checks": checks}, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
