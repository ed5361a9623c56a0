"""Load test: N simulated quiz takers against gunicorn, then check that no answer was lost.

For each database (SQLite, PostgreSQL) this starts two servers in turn on a free loopback port,
with the settings of gunicorn.conf.py:

1. the baseline (bench/baseline_app.py): a bare Flask app that serves a page and inserts a row;
2. the quiz app on a fresh database (migrated and seeded), rate limits off.

Each of N client threads loops for T seconds: fetch the quiz page, submit the form (with its
CSRF token and session cookie), fetch the quiz as JSON, submit through the API. Afterwards the
attempts and responses in the database must equal what the server acknowledged (303 / 201).

    .venv/bin/python bench/load.py --users 16 --seconds 20 --db sqlite postgres

Only the standard library on the client side (threads + http.client), loopback only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
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


@dataclass
class Stats:
    """What the clients saw, merged over threads."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    acked_attempts: int = 0
    acked_responses: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

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


class Taker:
    """One simulated quiz taker: its own connection and session cookie."""

    def __init__(self, port: int, quiz_id: int, stats: Stats, rng: random.Random) -> None:
        self.port, self.quiz_id, self.stats, self.rng = port, quiz_id, stats, rng
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def request(
        self, kind: str, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, http.client.HTTPResponse]:
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
            return 0, b"", None  # type: ignore[return-value]
        self.stats.record(kind, time.perf_counter() - start)
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, data, response

    def web_round(self) -> None:
        status, html, _ = self.request("GET page", "GET", f"/quizzes/{self.quiz_id}")
        if status != 200:
            self.stats.error(f"GET page: {status}") if status else None
            return
        form: dict[str, str] = {}
        radios: dict[str, list[str]] = {}
        for tag in INPUT.findall(html.decode()):
            attrs = dict(ATTR.findall(tag))
            name = attrs.get("name", "")
            if attrs.get("type") == "radio":
                radios.setdefault(name, []).append(attrs.get("value", ""))
            elif name in ("csrf_token", "submission_id"):
                form[name] = attrs.get("value", "")
        form["name"] = f"web {self.rng.randrange(10**6)}"
        for name, values in radios.items():
            form[name] = self.rng.choice(values)
        body = urllib.parse.urlencode(form).encode()
        status, _, _ = self.request(
            "POST form", "POST", f"/quizzes/{self.quiz_id}", body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if status == 303:
            self.stats.ack(len(radios))
        elif status:
            self.stats.error(f"POST form: {status}")

    def api_round(self) -> None:
        status, data, _ = self.request("GET json", "GET", f"/api/quizzes/{self.quiz_id}")
        if status != 200:
            self.stats.error(f"GET json: {status}") if status else None
            return
        quiz = json.loads(data)
        answers = {str(q["id"]): self.rng.choice(q["options"])["id"] for q in quiz["questions"]}
        body = json.dumps({"name": f"api {self.rng.randrange(10**6)}", "answers": answers}).encode()
        status, _, _ = self.request(
            "POST json", "POST", f"/api/quizzes/{self.quiz_id}/attempts", body,
            {"Content-Type": "application/json"},
        )
        if status == 201:
            self.stats.ack(len(answers))
        elif status:
            self.stats.error(f"POST json: {status}")


def drive(port: int, quiz_id: int, users: int, seconds: float) -> tuple[Stats, float]:
    """Run ``users`` takers for ``seconds``; return what they saw and the wall time."""
    stats = Stats()
    deadline = time.monotonic() + seconds

    def loop(i: int) -> None:
        taker = Taker(port, quiz_id, stats, random.Random(i))
        while time.monotonic() < deadline:
            taker.web_round()
            if time.monotonic() >= deadline:
                break
            taker.api_round()
        taker.conn.close()

    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(users)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return stats, time.monotonic() - start


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


def serve(app_spec: str, env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ, **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "/dev/null",
        "GUNICORN_LOGLEVEL": "warning",
    }
    if workers:
        env["GUNICORN_WORKERS"] = str(workers)
    cmd = [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), app_spec]
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


def fresh_database(kind: str, workdir: Path) -> str:
    """A new, empty database; its SQLAlchemy URL."""
    if kind == "sqlite":
        path = workdir / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_DB}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_DB}"


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


def summary(name: str, stats: Stats, wall: float, stored: tuple[int, int] | None) -> dict[str, Any]:
    every = [s for values in stats.latencies.values() for s in values]
    every.sort()

    def pct(p: float) -> float:
        return every[min(len(every) - 1, int(p * len(every)))] * 1000 if every else float("nan")

    row = {
        "name": name,
        "requests": len(every),
        "rps": len(every) / wall if wall else 0.0,
        "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
        "mean": statistics.fmean(every) * 1000 if every else float("nan"),
        "errors": sum(stats.errors.values()),
        "error_kinds": dict(stats.errors),
        "acked": (stats.acked_attempts, stats.acked_responses),
        "stored": stored,
    }
    return row


def run_one(
    kind: str, users: int, seconds: float, workers: int, workdir: Path
) -> list[dict[str, Any]]:
    results = []
    # 1. The baseline on a fresh database of the same kind.
    uri = fresh_database(kind, workdir)
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine

    from bench.baseline_app import metadata

    engine = create_engine(uri)
    metadata.create_all(engine)
    engine.dispose()
    port = free_port()
    proc = serve("bench.baseline_app:create_app()", {"BASELINE_DATABASE_URI": uri}, port, workers)
    try:
        stats, wall = drive(port, 1, users, seconds)
    finally:
        stop(proc)
    stored_rows = count_rows(uri, ["baseline_row"])[0]
    results.append(summary(f"baseline, {kind}", stats, wall, (stored_rows, -1)))

    # 2. The quiz app on a fresh database, migrated and seeded.
    uri = fresh_database(kind, workdir)
    env = {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": uri,
        "QUIZAPP_RATELIMIT_ENABLED": "false",
        "QUIZAPP_SECRET_KEY": "bench-only-secret",  # noqa: S105 - a throwaway server on loopback
    }
    full_env = {**os.environ, **env}
    subprocess.run([str(BIN / "quizapp"), "db", "upgrade"], cwd=ROOT, env=full_env, check=True,
                   capture_output=True)
    subprocess.run([str(BIN / "quizapp"), "seed"], cwd=ROOT, env=full_env, check=True,
                   capture_output=True)
    port = free_port()
    proc = serve("quizapp:create_app()", env, port, workers)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/quizzes")
        quiz_id = json.loads(conn.getresponse().read())["quizzes"][0]["id"]
        conn.close()
        stats, wall = drive(port, quiz_id, users, seconds)
    finally:
        stop(proc)
    attempts, responses = count_rows(uri, ["attempt", "response"])
    results.append(summary(f"quizapp, {kind}", stats, wall, (attempts, responses)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=16, help="client threads (max 64)")
    parser.add_argument("--seconds", type=float, default=20, help="load time per server (max 300)")
    parser.add_argument("--workers", type=int, default=0,
                        help="gunicorn workers (default: gunicorn.conf.py, 2 x CPUs + 1)")
    parser.add_argument("--db", nargs="+", choices=["sqlite", "postgres"],
                        default=["sqlite", "postgres"])
    args = parser.parse_args(argv)
    users = max(1, min(args.users, MAX_USERS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="quizapp-load-") as tmp:
        for kind in args.db:
            rows.extend(run_one(kind, users, seconds, args.workers, Path(tmp)))

    print(f"\n{users} users, {seconds:g} s per server, CPUs: {os.cpu_count()}\n")
    print("| server | requests | req/s | p50 ms | p95 ms | p99 ms | errors | acknowledged "
          "attempts / responses | stored attempts / responses | lost |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ok = True
    for row in rows:
        acked_a, acked_r = row["acked"]
        stored_a, stored_r = row["stored"]
        if row["name"].startswith("baseline"):
            lost = acked_a - stored_a
            stored_text = f"{stored_a} rows"
            acked_text = f"{acked_a} rows"
        else:
            lost = (acked_a - stored_a) + (acked_r - stored_r)
            stored_text = f"{stored_a} / {stored_r}"
            acked_text = f"{acked_a} / {acked_r}"
        ok = ok and lost == 0 and row["errors"] == 0
        print(f"| {row['name']} | {row['requests']} | {row['rps']:.0f} | {row['p50']:.0f} | "
              f"{row['p95']:.0f} | {row['p99']:.0f} | {row['errors']} | {acked_text} | "
              f"{stored_text} | {lost} |")
    for kind in args.db:
        base = next(r for r in rows if r["name"] == f"baseline, {kind}")
        app = next(r for r in rows if r["name"] == f"quizapp, {kind}")
        ratio = app["rps"] / base["rps"] if base["rps"] else float("nan")
        print(f"\n{kind}: quizapp throughput = {ratio:.2f} x baseline")
    for row in rows:
        if row["error_kinds"]:
            print(f"{row['name']} errors: {row['error_kinds']}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
