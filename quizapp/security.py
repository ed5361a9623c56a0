"""Security hardening: response headers, bounded ids in URLs, trusted proxies."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

#: Largest id a URL may name: SQL integers are 64-bit at most.
MAX_ID = 2**63 - 1


class BoundedIntegerConverter(IntegerConverter):
    """``<int:...>`` that only matches ids a database column can hold.

    A larger number is a 404 like any other unknown id, instead of an
    overflow error in the database driver.
    """

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


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
    """Install the id converter, the proxy fix and the security headers on ``app``.

    Call before the blueprints are registered: URL rules pick their converters then.
    """
    app.url_map.converters["int"] = BoundedIntegerConverter
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies > 0:
        # Behind a load balancer: trust its X-Forwarded-For/-Proto/-Host, so rate limits
        # see the client address and url_for() builds https:// links.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
    csp = content_security_policy(str(app.config.get("FRAME_ANCESTORS") or "'self'"))

    @app.after_request
    def security_headers(response: Response) -> Response:
        """Headers every response carries, whatever view or error handler made it."""
        headers = response.headers
        headers.setdefault("Content-Security-Policy", csp)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
