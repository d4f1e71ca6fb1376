"""Which host and scheme absolute URLs use: PUBLIC_URL when set, else a trusted Host header.

Absolute URLs (API links, redirects, feeds) are built from the request's host. A client must
not be able to choose it: with PUBLIC_URL every absolute URL uses that address whatever Host
says; without it, a Host outside TRUSTED_HOSTS gets a 400. Behind TRUSTED_PROXIES reverse
proxies, X-Forwarded-For (the client address), X-Forwarded-Proto and X-Forwarded-Host from
that many hops are believed (ProxyFix); nothing else is, and PUBLIC_URL still wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

if TYPE_CHECKING:  # imports for annotations only
    from collections.abc import Iterable

    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment


class PublicUrl:
    """WSGI middleware: the request looks as if it came to PUBLIC_URL (scheme, host, port,
    path prefix), so every URL the app builds points there. A path prefix is one the reverse
    proxy removes before forwarding (https://example.org/notices/search -> /search)."""

    def __init__(self, wsgi_app: WSGIApplication, public_url: str) -> None:
        parts = urlsplit(public_url)
        self.wsgi_app = wsgi_app
        self.scheme = parts.scheme
        self.host = parts.netloc
        self.server_name = parts.hostname or ""
        self.port = str(parts.port or (443 if parts.scheme == "https" else 80))
        self.prefix = parts.path.rstrip("/")

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ["SERVER_NAME"] = self.server_name
        environ["SERVER_PORT"] = self.port
        if self.prefix:
            # The reverse proxy strips the prefix (our own paths may start with the same word:
            # /notices/...), and every URL the app builds gets it back.
            environ["SCRIPT_NAME"] = self.prefix
        return self.wsgi_app(environ, start_response)


def trusted_hosts(value: str | list[str] | None) -> list[str] | None:
    """TRUSTED_HOSTS as a list (a comma-separated string is accepted from the environment)."""
    if value is None or isinstance(value, list):
        return value
    return [host.strip() for host in value.split(",") if host.strip()]


def init_app(app: Flask) -> None:
    """Install PUBLIC_URL, the trusted hosts, and ProxyFix for TRUSTED_PROXIES hops."""
    config = app.config
    public_url = config["PUBLIC_URL"]
    if public_url:
        app.wsgi_app = PublicUrl(app.wsgi_app, public_url)
        # The Host is now always PUBLIC_URL's: that is the one trusted host.
        config["TRUSTED_HOSTS"] = [urlsplit(public_url).hostname]
    else:
        config["TRUSTED_HOSTS"] = trusted_hosts(config["TRUSTED_HOSTS"])
    hops = config["TRUSTED_PROXIES"]
    if hops:
        # Behind N reverse proxies the client is the Nth address from the right of
        # X-Forwarded-For; without this every visitor would share the proxy's limit.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
