"""`editflow edit`: the alignment editor in the browser, for one working file.

The editor is a thin layer on `editflow.pairing`: a session (session.py) keeps the states the
translator went through, a local server (server.py) shows them on one page (static/) and turns
the page's requests into the library's operations, and security.py decides who may talk to it.

    editor = open_editor(Path("translations/war.po"), settings)
    print(editor.url)          # http://127.0.0.1:PORT/?token=…
    served = editor.serve()    # until Ctrl-C; served.unsaved: work left in the journal
"""

from __future__ import annotations

import errno
import socket
from dataclasses import dataclass
from pathlib import Path

from editflow.config import Settings
from editflow.editor.security import Guard
from editflow.editor.server import Served, bind, serve
from editflow.editor.session import EditorSession
from editflow.errors import InputError

__all__ = ["Editor", "EditorSession", "Guard", "Served", "open_editor"]


@dataclass
class Editor:
    """A session with its listening socket and guard, ready to serve."""

    session: EditorSession
    sock: socket.socket
    guard: Guard

    @property
    def url(self) -> str:
        return self.guard.url

    @property
    def port(self) -> int:
        return self.guard.port

    def serve(self) -> Served:
        return serve(self.session, self.sock, self.guard)

    def stopped(self) -> Served:
        """Stop before serving (Ctrl-C while starting): what is unsaved, as `serve` reports it."""
        self.sock.close()
        return Served(unsaved=self.session.unsaved, interrupted=True)


def open_editor(po_path: Path, settings: Settings | None = None, *, glossaries: list[Path] | None = None,
                lexicon: Path | None = None, use_lexicon: bool = True, port: int = 0) -> Editor:
    """Read the PO (strictly), prepare re-alignment and checks as `align` would, and bind a port on
    127.0.0.1 (`port` 0: a free one).

    Everything that can be refused is refused here, before a URL is printed: a PO that cannot
    be read (InputError, exit 2), a glossary or lexicon that cannot be read, a port that is taken.
    """
    from editflow.glossary import load_glossary
    from editflow.lexicons import choose_lexicon
    from editflow.pairing.realign import RealignContext

    po_path = Path(po_path)
    if not po_path.is_file():
        raise InputError(po_path, "no such PO file", "give the working file that 'editflow align' wrote")
    settings = settings if settings is not None else Settings()
    sources = settings.glossary_sources(glossaries or [])
    glossary = load_glossary(sources) if sources else None
    context = RealignContext(glossary=glossary, lexicon=choose_lexicon(settings.root, lexicon, use_lexicon))
    session = EditorSession(po_path, settings, glossary=glossary, context=context)
    try:
        sock = bind(port)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise InputError(None, f"port {port} on 127.0.0.1 is in use",
                             "choose another with --port, or leave --port out for a free one") from None
        raise InputError(None, f"cannot listen on 127.0.0.1:{port} ({e.strerror or e})",
                         "choose another port with --port") from None
    return Editor(session, sock, Guard(port=sock.getsockname()[1]))
