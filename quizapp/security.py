"""Security hardening: response headers, bounded ids in URLs, trusted proxies, slow bodies."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

#: Largest id a URL may name: SQL integers are 64-bit at most.
MAX_ID = 2**63 - 1


def parse_id(text: str) -> int | None:
    """The id written in ``text``, or ``None``: ASCII digits only, at most :data:`MAX_ID`.

    ``str.isdigit()`` alone also accepts "²" or "①", which ``int()`` then refuses.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= MAX_ID else None


class BoundedIntegerConverter(IntegerConverter):
    """``<int:...>`` that only matches ids a database column can hold.

    A larger number is a 404 like any other unknown id, instead of an
    overflow error in the database driver.
    """

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


#: Pages that are one person's own: a result, a one-at-a-time attempt, the browser's history,
#: every editor page and the editor API. No cache (browser or proxy) may keep them.
PRIVATE_BLUEPRINTS = frozenset({"play", "editor", "auth"})
PRIVATE_ENDPOINTS = frozenset(
    {"quiz.result", "quiz.history", "api.get_attempt", "api.create_attempt", "api.get_stats"}
)
#: WSGI environ key holding the route of a request ("/attempts/<token>"), for the access log:
#: gunicorn.conf.py logs it as ``%({quizapp.route}e)s`` instead of the path, which may hold a
#: secret token.
ROUTE_ENVIRON_KEY = "quizapp.route"


def is_private(endpoint: str | None) -> bool:
    """Whether the page of ``endpoint`` belongs to one person (and so is never cached)."""
    if endpoint is None:
        return False
    return endpoint in PRIVATE_ENDPOINTS or endpoint.partition(".")[0] in PRIVATE_BLUEPRINTS


class QuizFlask(Flask):
    """The app class: Flask, but an unhandled exception is logged with its route, never its
    path (``/attempts/<token>``, not the token)."""

    def log_exception(
        self,
        exc_info: tuple[type, BaseException, TracebackType] | tuple[None, None, None],
    ) -> None:
        route = request.environ.get(ROUTE_ENVIRON_KEY, "(no route)")
        self.logger.error(f"Exception on {route} [{request.method}]", exc_info=exc_info)


class BodyDeadline:
    """WSGI middleware: a request's body must arrive in full within ``seconds``.

    A client that sends its body a byte at a time would otherwise hold a server thread for as
    long as it likes. The body (at most ``max_bytes``; a larger declared one is left for the
    app's 413) is read before the app runs; at the deadline the server's socket is shut for
    reading, which ends the wait, and the answer is 408 with the connection closed. Needs the
    server's socket in the environ (gunicorn's ``gunicorn.socket``); without it (the test
    client) the body is read as it is.
    """

    def __init__(self, app: Any, *, seconds: float, max_bytes: int | None) -> None:
        self.app = app
        self.seconds = seconds
        self.max_bytes = max_bytes

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        sock = environ.get("gunicorn.socket")
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        declared = str(environ.get("CONTENT_LENGTH") or "").strip()
        if not isinstance(sock, socket.socket) or not (declared or chunked):
            return self.app(environ, start_response)  # nothing to wait for, or no way to stop
        if chunked:
            wanted = (self.max_bytes or 2**31) + 1  # one byte over the limit gets the app's 413
        elif declared.isascii() and declared.isdigit():
            wanted = int(declared)
            if wanted == 0 or (self.max_bytes is not None and wanted > self.max_bytes):
                return self.app(environ, start_response)  # empty, or refused unread (413)
        else:
            return self.app(environ, start_response)  # the app answers 400
        body = self._read(environ["wsgi.input"], sock, wanted)
        if body is None or (not chunked and len(body) < wanted):
            return self._too_slow(start_response)
        environ["wsgi.input"] = io.BytesIO(body)
        if chunked:
            environ["wsgi.input_terminated"] = True
        return self.app(environ, start_response)

    def _read(self, stream: Any, sock: socket.socket, wanted: int) -> bytes | None:
        """Up to ``wanted`` bytes of the body, or None if the deadline passed first."""
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            try:
                sock.shutdown(socket.SHUT_RD)  # the blocked read returns at once
            except OSError:
                pass  # the client is gone already

        timer = threading.Timer(self.seconds, expire)
        timer.daemon = True
        timer.start()
        chunks: list[bytes] = []
        size = 0
        try:
            while size < wanted and not expired.is_set():
                chunk = stream.read(min(65536, wanted - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except Exception:  # the server's reader on a shut socket: EOF, reset, its own errors
            if not expired.is_set():
                raise
        finally:
            timer.cancel()
        return None if expired.is_set() else b"".join(chunks)

    def _too_slow(self, start_response: Any) -> Iterable[bytes]:
        message = (
            f"408 Request Timeout: the request body did not arrive within {self.seconds:g} "
            "seconds.\n"
        ).encode()
        start_response(
            "408 Request Timeout",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(message))),
                ("X-Content-Type-Options", "nosniff"),
                ("Connection", "close"),
            ],
        )
        return [message]


def content_security_policy(frame_ancestors: str) -> str:
    """The Content-Security-Policy of every page: only this site's own scripts and styles."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def init_app(app: Flask) -> None:
    """Install the id converter, the body deadline, the proxy fix and the security headers.

    Call before the blueprints are registered: URL rules pick their converters then.
    """
    app.url_map.converters["int"] = BoundedIntegerConverter
    app.wsgi_app = BodyDeadline(  # type: ignore[method-assign]
        app.wsgi_app,
        seconds=float(app.config["REQUEST_BODY_TIMEOUT"]),
        max_bytes=app.config.get("MAX_CONTENT_LENGTH"),
    )
    proxies = int(app.config["PROXY_FIX"])
    if proxies > 0:
        # Behind a load balancer: trust its X-Forwarded-For/-Proto/-Host, so rate limits
        # see the client address and url_for() builds https:// links.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    csp = content_security_policy(str(app.config["FRAME_ANCESTORS"]))

    @app.before_request
    def route_for_the_access_log() -> None:
        """Name the request's route (not its path, which may hold a token) for the access log."""
        rule = request.url_rule
        request.environ[ROUTE_ENVIRON_KEY] = rule.rule if rule is not None else "(no route)"

    @app.after_request
    def security_headers(response: Response) -> Response:
        """Headers every response carries, whatever view or error handler made it."""
        headers = response.headers
        if is_private(request.endpoint):
            headers["Cache-Control"] = "no-store"
        headers.setdefault("Content-Security-Policy", csp)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
