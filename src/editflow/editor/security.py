"""Who may talk to the editor's local server: the token, the Host and the Origin.

The server listens on 127.0.0.1 only, but that alone does not keep the PO private: every user
of the machine can reach a loopback port, and every web page the translator has open can make
the browser send requests to it. So every request must carry the random token that `editflow
edit` printed in its URL, which a page of another origin cannot learn (the same-origin policy):
the page and its files carry it as the URL's `token` parameter, the API calls in a header. No
cookie holds it: a browser sends a cookie of 127.0.0.1 to every port of 127.0.0.1, so a server
another user runs on this machine would receive it the moment the translator visited that
server's page. A name that a hostile site points at 127.0.0.1 (DNS rebinding) arrives with that
name in `Host` and is refused, as is any request whose `Origin` is not this server.

The middleware is plain ASGI, so that it guards every route, the static files included, before
Starlette's routing sees the request.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_HEADER = "x-editflow-token"
API = "/api/"
LOOPBACK = "127.0.0.1"

# The page is the only thing that runs scripts here: no inline code, nothing from elsewhere,
# never framed by another page, and the token in the address never leaves as a Referer.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     b"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Guard:
    """The server's identity: its port and token, and what a request must show to be served."""

    port: int
    token: str = field(default_factory=new_token, repr=False)

    @property
    def hosts(self) -> frozenset[str]:
        """The `Host` values a browser sends for this server; any other name is a rebinding attempt."""
        return frozenset({f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{h}" for h in self.hosts)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/?token={self.token}"

    def matches(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode("utf-8", "replace"),
                                                            self.token.encode("ascii"))

    def refusal(self, method: str, path: str, headers: dict[str, str], query: str) -> str | None:
        """Why this request is refused, or None when it may be served.

        `headers` are lower-cased names. The token comes in the `X-Editflow-Token` header (the
        page's API calls: nothing else may reach the PO) or as the URL's `token` parameter (the
        page and its files, which a browser loads without custom headers).
        """
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return f"unexpected Host {host!r}: this editor answers only as {LOOPBACK}:{self.port}"
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            return f"requests from {origin!r} are not accepted"
        if self.matches(headers.get(TOKEN_HEADER)):
            return None
        if method not in ("GET", "HEAD") or path.startswith(API):
            return "missing or wrong token header"
        if self.matches(query_token(query)):
            return None
        return "missing or wrong token: open the URL that 'editflow edit' printed"


def query_token(query: str) -> str | None:
    values = parse_qs(query).get("token")
    return values[0] if values else None


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        key = name.decode("latin-1").lower()
        # Two Host or Origin headers are not something a browser sends; keep the first and let
        # the comparison refuse anything odd.
        out.setdefault(key, value.decode("latin-1"))
    return out


class GuardMiddleware:
    """Refuses (403) every HTTP request `Guard.refusal` objects to; adds the security headers."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets or anything else on this server
            return
        headers = _headers(scope)
        query = scope.get("query_string", b"").decode("latin-1")
        why = self.guard.refusal(scope["method"], scope["path"], headers, query)
        if why is not None:
            await _plain(send, 403, f"editflow edit: refused: {why}\n")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode("ascii")), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
