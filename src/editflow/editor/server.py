"""The editor's local web server: one page, its three files, and a small JSON API over one session.

Starlette routes the requests and uvicorn serves them (see the commit that added them: a small,
well-kept ASGI stack instead of hand-written HTTP handling). Every request first passes
`security.GuardMiddleware`. The API calls run one at a time on the event loop: there is one
translator and one PO, and an operation that ran beside another could act on rows that no
longer exist.

API (JSON in and out; every answer that changes nothing on failure says why in `error`):

    GET  /api/state                     the rows, roles, findings, journal offer, version
    POST /api/op      {op, args, version, confirm}
    POST /api/undo    {version}          POST /api/redo {version}
    POST /api/save    {version}
    POST /api/journal {action: "restore" | "discard"}

A request whose `version` is not the session's current one (another tab acted meanwhile) is
answered 409 with the current state, so that an operation never lands on rows the page has not
seen.
"""

from __future__ import annotations

import json
import signal
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from editflow.editor.security import LOOPBACK, Guard, GuardMiddleware
from editflow.editor.session import Conflict, EditorSession, NeedsConfirmation, Refused
from editflow.errors import EditflowError, report_internal_error

# The page's files, the only files this server sends. Read once from the package, so that an
# installed wheel serves exactly what it ships, and no request ever names a path on disk.
ASSETS: dict[str, str] = {
    "editor.js": "text/javascript; charset=utf-8",
    "editor.css": "text/css; charset=utf-8",
    "keys.js": "text/javascript; charset=utf-8",
}
TOKEN_PLACEHOLDER = "{{TOKEN}}"
TITLE_PLACEHOLDER = "{{TITLE}}"
# uvicorn waits this long for open connections on Ctrl-C; the page keeps none open, so this only
# bounds a request that is being answered.
GRACEFUL_SHUTDOWN_S = 1


def asset_text(name: str) -> str:
    return (resources.files("editflow.editor") / "static" / name).read_text(encoding="utf-8")


def _html_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"__invalid__": True}
    return data if isinstance(data, dict) else {"__invalid__": True}


def build_app(session: EditorSession, guard: Guard) -> Any:
    """The ASGI application for one session, behind `guard`."""
    assets = {name: (asset_text(name), kind) for name, kind in ASSETS.items()}
    page = (asset_text("index.html").replace(TOKEN_PLACEHOLDER, guard.token)
            .replace(TITLE_PLACEHOLDER, _html_escape(session.title)))

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return Response("not found\n", status_code=404, media_type="text/plain; charset=utf-8")
        text, kind = assets[name]
        return Response(text, media_type=kind)

    def stale(body: dict[str, Any]) -> JSONResponse | None:
        if body.get("__invalid__"):
            return _json({"error": "the request was not a JSON object"}, 400)
        version = body.get("version")
        if version is not None and version != session.version:
            return _json({"error": "the page was out of date (changed in another tab?); it now shows the "
                                   "current rows", "state": session.state()}, 409)
        return None

    def outcome(action: Callable[[], Any]) -> JSONResponse:
        try:
            message = action()
        except NeedsConfirmation as e:
            return _json({"confirm": str(e)}, 409)
        except Conflict as e:
            return _json({"error": str(e), "conflict": True, "state": session.state()}, 409)
        except Refused as e:
            return _json({"error": str(e), "state": session.state()}, 400)
        except EditflowError as e:  # a file the session reads or writes cannot be used
            return _json({"error": e.format_message(), "state": session.state()}, 400)
        except Exception as e:  # a bug: said as the command line says it, the page keeps its rows
            return _json({"error": report_internal_error(e, "edit"), "internal": True}, 500)
        return _json({"state": session.state(), "message": message or ""})

    async def state(request: Request) -> Response:
        return _json(session.state())

    async def op(request: Request) -> Response:
        body = await _body(request)
        if (early := stale(body)) is not None:
            return early
        name, args = body.get("op"), body.get("args") or {}
        if not isinstance(name, str) or not isinstance(args, dict):
            return _json({"error": "an operation needs a name and arguments"}, 400)
        return outcome(lambda: session.apply(name, args, confirm=bool(body.get("confirm"))))

    async def undo(request: Request) -> Response:
        body = await _body(request)
        return stale(body) or outcome(session.undo)

    async def redo(request: Request) -> Response:
        body = await _body(request)
        return stale(body) or outcome(session.redo)

    async def save(request: Request) -> Response:
        body = await _body(request)
        return stale(body) or outcome(session.save)

    async def journal(request: Request) -> Response:
        body = await _body(request)
        action = body.get("action")
        if action == "restore":
            return outcome(session.restore_journal)
        if action == "discard":
            return outcome(session.discard_journal)
        return _json({"error": "journal action must be 'restore' or 'discard'"}, 400)

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)  # browsers ask; answering keeps their console quiet

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/favicon.ico", no_icon, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/api/state", state, methods=["GET"]),
        Route("/api/op", op, methods=["POST"]),
        Route("/api/undo", undo, methods=["POST"]),
        Route("/api/redo", redo, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/journal", journal, methods=["POST"]),
    ]
    return GuardMiddleware(Starlette(routes=routes), guard)


def bind(port: int = 0) -> socket.socket:
    """A listening socket on 127.0.0.1 (`port` 0: a free one); only this machine can connect."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((LOOPBACK, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


@dataclass
class Served:
    """How a serving ended: whether work remained unsaved (it is then in the journal)."""

    unsaved: bool
    interrupted: bool


def serve(session: EditorSession, sock: socket.socket, guard: Guard) -> Served:
    """Serve `session` on `sock` until Ctrl-C (SIGINT) or SIGTERM; then report what is unsaved.

    uvicorn stops on the signal within GRACEFUL_SHUTDOWN_S and then raises it again (so that
    Ctrl-C reads as KeyboardInterrupt here, after the server has closed cleanly).
    """
    interrupted = False
    main = threading.current_thread() is threading.main_thread()
    # uvicorn raises SIGTERM again once it has stopped; read as Ctrl-C, it reaches the report of
    # what is unsaved instead of killing the process before it.
    previous = signal.signal(signal.SIGTERM, _as_interrupt) if main else None
    try:
        import uvicorn

        config = uvicorn.Config(build_app(session, guard), lifespan="off", ws="none", access_log=False,
                                log_level="warning", server_header=False, date_header=False, proxy_headers=False,
                                timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S)
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # also when it comes before uvicorn has taken over the signals
        interrupted = True
    finally:
        sock.close()
        if main:
            signal.signal(signal.SIGTERM, previous)
    return Served(unsaved=session.unsaved, interrupted=interrupted)


def _as_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
