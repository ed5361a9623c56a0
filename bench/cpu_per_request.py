"""Server CPU per request: the quiz app and the bare-Flask baseline under gunicorn, one request
at a time.

bench/load.py measures throughput under load, where the client, the other server and the
machine's other work share the CPUs, so its ratios move by about ±0.1 between runs. This
measures what each request costs the server itself: one gunicorn worker with one thread
(the settings of gunicorn.conf.py otherwise, worker recycling off), requests sent one after
another over one kept-alive connection, and the worker's CPU time (user + system, from
/proc) divided by the number of requests. Other work on the machine barely moves it.

Routes measured on both servers: the quiz page and /healthz (one SQL query); on the quiz app
also /history, a page of the layout with nothing of a quiz on it (what any page costs).

    .venv/bin/python bench/cpu_per_request.py [--requests 1500] [--repeats 3]

Linux only (/proc). SQLite files in a temporary folder; the quiz app's is migrated and seeded.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402  (bench/ is not a package)


def serve(app_spec: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """One worker with one thread on a free port, as bench/load.py starts its servers."""
    port = load.free_port()
    # --max-requests 0: a recycled worker would take its CPU time with it mid-measurement
    proc = load.serve(app_spec, {**env, "GUNICORN_THREADS": "1"}, port, 1, ("--max-requests", "0"))
    return proc, port


def worker_cpu(master: int) -> tuple[int, float]:
    """The one worker of ``master``: its pid and CPU seconds so far."""
    pid = int(subprocess.check_output(["pgrep", "-P", str(master)]).split()[0])
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_request(proc: subprocess.Popen[bytes], port: int, path: str, cookie: str, n: int) -> float:
    """Milliseconds of the worker's CPU per GET of ``path`` (after 200 unmeasured ones)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Cookie": cookie} if cookie else {}

    def get() -> None:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")

    for _ in range(200):
        get()
    pid, before = worker_cpu(proc.pid)
    for _ in range(n):
        get()
    pid_after, after = worker_cpu(proc.pid)
    if pid_after != pid:
        raise RuntimeError("the worker was replaced during the measurement")
    conn.close()
    return (after - before) / n * 1000


def session_cookie(port: int, path: str) -> str:
    """The cookie a taker has after a first page view (kept, as a real browser would)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return (response.getheader("Set-Cookie") or "").split(";")[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app_db = f"sqlite:///{tmp}/quizapp.db"
        base_db = f"sqlite:///{tmp}/baseline.db"
        env = {"QUIZAPP_SQLALCHEMY_DATABASE_URI": app_db, "QUIZAPP_RATELIMIT_ENABLED": "0"}
        for command in (["db", "upgrade"], ["seed"]):
            subprocess.run(
                [str(BIN / "quizapp"), *command],
                cwd=ROOT,
                env={**os.environ, **env},
                check=True,
                capture_output=True,
            )
        import baseline_app
        from sqlalchemy import create_engine

        baseline_app.metadata.create_all(create_engine(base_db))
        servers = {
            "baseline": serve(
                "bench.baseline_app:create_app()", {"BASELINE_DATABASE_URI": base_db}
            ),
            "quizapp": serve("quizapp:create_app()", env),
        }
        routes: dict[str, list[str]] = {
            "baseline": ["/quizzes/1", "/healthz"],
            "quizapp": ["/quizzes/1", "/history", "/healthz"],
        }
        results: dict[tuple[str, str], list[float]] = {}
        try:
            cookie = session_cookie(servers["quizapp"][1], "/quizzes/1")
            measure: Callable[[str, str], float] = lambda name, path: per_request(  # noqa: E731
                *servers[name], path, cookie if name == "quizapp" else "", args.requests
            )
            for _ in range(args.repeats):  # alternated, so drift hits both alike
                for name, paths in routes.items():
                    for path in paths:
                        results.setdefault((name, path), []).append(measure(name, path))
        finally:
            for proc, _ in servers.values():
                proc.terminate()
                proc.wait(timeout=30)
    base_page = statistics.median(results[("baseline", "/quizzes/1")])
    print(f"server CPU per request, median of {args.repeats} x {args.requests} requests")
    print("| server | route | ms per request | baseline page / this |")
    print("|---|---|---|---|")
    for (name, path), values in results.items():
        ms = statistics.median(values)
        print(f"| {name} | {path} | {ms:.3f} | {base_page / ms:.2f} |")


if __name__ == "__main__":
    main()
