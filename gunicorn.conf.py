"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py`` (``make serve``).

Every value can be changed from the environment without editing this file:

GUNICORN_BIND       address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000 behind a balancer)
GUNICORN_WORKERS    worker processes (default 2 x CPU count + 1, from os.cpu_count())
GUNICORN_THREADS    threads per worker (default 4; the workers are always gthread workers)
GUNICORN_TIMEOUT    seconds a request may take before its worker is restarted (default 30)
GUNICORN_ACCESSLOG  access log file, "-" for stdout (default "-")

The app itself reads its QUIZAPP_* variables (see the README).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
from typing import Any


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# The app factory: every worker builds its own app, engine and connection pool after the fork.
wsgi_app = "quizapp:create_app()"

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
# Threaded workers: a slow client no longer takes a whole worker. A connection that has sent
# nothing yet, or idles between requests, waits in the worker's poller; a body that trickles in
# holds one thread until the app cuts it off (QUIZAPP_REQUEST_BODY_TIMEOUT, then 408), while
# the other threads serve /healthz and everyone else. A sync worker would be taken for as long
# as the client pleased.
threads = max(1, _int("GUNICORN_THREADS", 4))
worker_class = "gthread"

# A request stuck longer than this restarts its worker; graceful restarts wait as long.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = timeout
keepalive = 5

# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200

# Bodies are capped by the app (MAX_CONTENT_LENGTH); these cap request lines and headers.
limit_request_line = 8190
limit_request_fields = 100

accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# The route ("/attempts/<token>", set by quizapp.security), never the path or query: those hold
# secret tokens (results, one-at-a-time attempts, retakes). Unhandled errors log the route too.
access_log_format = '%(h)s "%(m)s %({quizapp.route}e)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Trust X-Forwarded-* only from these addresses (the app's QUIZAPP_PROXY_FIX does the rest).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# No control socket: several servers on one host (the bench's, a baseline's) would share its path.
control_socket_disable = True

#: The quiz app's modules, imported once in the master (see on_starting).
QUIZAPP_MODULES = (
    "quizapp.api", "quizapp.identity", "quizapp.cli", "quizapp.config", "quizapp.errors",
    "quizapp.extensions", "quizapp.security", "quizapp.web", "quizapp.web.health",
)


def on_starting(server: Any) -> None:
    """Import the quiz app's modules (not the app) in the master, before any fork.

    Importing takes ~0.8 s of CPU and the app itself ~0.2 s; a worker recycled every
    ``max_requests`` then pays only the latter. Nothing here opens a connection or builds
    the app: each worker still makes its own app, engine and pool after the fork.
    """
    uri = getattr(server.app, "app_uri", None) or wsgi_app
    if str(uri).split(":", 1)[0] == "quizapp":
        for name in QUIZAPP_MODULES:
            importlib.import_module(name)


def post_worker_init(worker: Any) -> None:
    """Freeze what the worker holds after building its app: the cyclic garbage collector then
    skips these long-lived objects on every collection (and forked pages stay shared)."""
    gc.collect()
    gc.freeze()
