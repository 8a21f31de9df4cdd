"""`editflow edit` without a browser: the guard's rules, the HTTP refusals of the running server,
the session (undo, redo, journal, Save and its conflict refusal), and how the command stops."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from editflow.cli import cli
from editflow.editor.security import Guard
from editflow.editor.session import Conflict, EditorSession, NeedsConfirmation, Refused
from editflow.errors import EXIT_INTERRUPTED, EXIT_OK
from editflow.pairing import Journal, load_pairing
from editor_support import aligned_po, misaligned_po, running_editor

# --------------------------------------------------------------------------- the guard's rules


def _headers(port: int, **extra: str) -> dict[str, str]:
    return {"host": f"127.0.0.1:{port}", **extra}


def test_guard_accepts_the_token_in_the_header_or_the_url() -> None:
    g = Guard(port=8123)
    assert g.refusal("POST", "/api/op", _headers(8123, **{"x-editflow-token": g.token}), "") is None
    assert g.refusal("GET", "/", _headers(8123), f"token={g.token}") is None
    assert g.refusal("GET", "/static/editor.js", _headers(8123), f"token={g.token}") is None
    assert g.refusal("GET", "/", {"host": "localhost:8123"}, f"token={g.token}") is None


def test_guard_refuses_a_missing_or_wrong_token() -> None:
    g = Guard(port=8123)
    assert "token" in (g.refusal("GET", "/", _headers(8123), "") or "")
    assert "token" in (g.refusal("GET", "/", _headers(8123), "token=guess") or "")
    assert "token" in (g.refusal("POST", "/api/op", _headers(8123, **{"x-editflow-token": "guess"}), "") or "")


def test_guard_wants_the_header_for_the_api_even_with_the_token_in_the_url() -> None:
    g = Guard(port=8123)
    # A URL is what another page can make a browser request (an <img>, a form): never enough for the PO.
    assert g.refusal("GET", "/api/state", _headers(8123), f"token={g.token}") is not None
    assert g.refusal("POST", "/api/save", _headers(8123), f"token={g.token}") is not None


def test_guard_refuses_other_hosts_and_origins_whatever_the_token() -> None:
    g = Guard(port=8123)
    ok = {"x-editflow-token": g.token}
    assert "Host" in (g.refusal("GET", "/api/state", {"host": "evil.example:8123", **ok}, "") or "")
    assert "Host" in (g.refusal("GET", "/api/state", {"host": "127.0.0.1:9999", **ok}, "") or "")
    assert "Host" in (g.refusal("GET", "/api/state", ok, "") or "")
    for origin in ("http://evil.example", "http://127.0.0.1:9999", "null", "https://127.0.0.1:8123"):
        assert "not accepted" in (g.refusal("POST", "/api/op", _headers(8123, origin=origin, **ok), "") or "")
    assert g.refusal("POST", "/api/op", _headers(8123, origin="http://127.0.0.1:8123", **ok), "") is None


def test_every_guard_has_its_own_long_token() -> None:
    tokens = {Guard(port=1).token for _ in range(20)}
    assert len(tokens) == 20 and min(len(t) for t in tokens) >= 40


# --------------------------------------------------------------------------- the running server


def test_server_refuses_requests_without_the_token_or_from_elsewhere(tmp_path: Path) -> None:
    po = aligned_po(tmp_path)
    before = po.read_bytes()
    with running_editor(po) as ed:
        assert ed.url.startswith("http://127.0.0.1:")
        status, page = ed.request("GET", f"/?token={ed.token}", token=False)
        assert status == 200 and f'content="{ed.token}"' in page
        assert ed.request("GET", "/", token=False)[0] == 403
        assert ed.request("GET", "/?token=wrong", token=False)[0] == 403
        assert ed.request("GET", "/api/state", token=False)[0] == 403
        assert ed.request("GET", f"/api/state?token={ed.token}", token=False)[0] == 403
        assert ed.request("GET", "/static/editor.js", token=False)[0] == 403
        assert ed.request("GET", "/api/state", headers={"X-Editflow-Token": "wrong"})[0] == 403
        # DNS rebinding: a hostile name resolved to 127.0.0.1 arrives with that name in Host.
        status, text = ed.request("GET", "/api/state", headers={"Host": f"evil.example:{ed.port}"})
        assert status == 403 and "Host" in text
        # Another page in the translator's browser: its Origin gives it away, token or not.
        op = {"op": "unpair", "args": {"row": 0}, "version": 0}
        status, text = ed.request("POST", "/api/op", op, headers={"Origin": "http://evil.example"})
        assert status == 403 and "not accepted" in text
        assert ed.request("POST", "/api/op", op, headers={"Origin": f"http://127.0.0.1:{ed.port + 1}"})[0] == 403
        assert ed.request("POST", "/api/op", op, token=False)[0] == 403
        assert ed.state()["version"] == 0, "a refused request changed the session"
        # Only its own files: nothing else on disk, however it is named.
        for path in ("/static/../../../../etc/passwd", "/static/%2e%2e%2fsession.py", "/static/index.html",
                     f"/{po.name}", "/static/", "/etc/passwd"):
            status, _ = ed.request("GET", f"{path}?token={ed.token}", token=False)
            assert status == 404, path
        status, js = ed.request("GET", f"/static/editor.js?token={ed.token}", token=False)
        assert status == 200 and "editflowTimings" in js
    assert po.read_bytes() == before


def test_security_headers_on_every_answer(tmp_path: Path) -> None:
    import http.client

    po = aligned_po(tmp_path)
    with running_editor(po) as ed:
        conn = http.client.HTTPConnection("127.0.0.1", ed.port, timeout=30)
        conn.request("GET", f"/?token={ed.token}")
        response = conn.getresponse()
        response.read()
        csp = response.getheader("content-security-policy") or ""
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert response.getheader("referrer-policy") == "no-referrer"
        assert response.getheader("set-cookie") is None  # the token is never in a cookie
        conn.close()


def test_server_binds_loopback_only(tmp_path: Path) -> None:
    import socket

    po = aligned_po(tmp_path)
    with running_editor(po) as ed:
        others = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
        others |= {"127.0.0.2"}  # the rest of the loopback range is not this server either
        for address in others:
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((address, ed.port)) != 0, f"editor reachable on {address}"


def test_ctrl_c_exits_0_when_everything_was_saved_and_130_with_unsaved_work(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        code, seconds = ed.stop(signal.SIGINT)
    assert code == EXIT_OK and seconds < 1.0, (code, seconds, ed.stderr)
    assert "stopped" in ed.stderr

    with running_editor(po) as ed:
        status, text = ed.request("POST", "/api/op", {"op": "join", "args": {"row": 5}, "version": 0})
        assert status == 200, text
        code, seconds = ed.stop(signal.SIGINT)
    assert code == EXIT_INTERRUPTED and seconds < 1.0, (code, seconds, ed.stderr)
    assert "unsaved changes" in ed.stderr and "journal" in ed.stderr
    assert Journal.for_po(po).read() is not None


def test_sigterm_is_reported_like_ctrl_c(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        assert ed.request("POST", "/api/op", {"op": "pin", "args": {"row": 0}})[0] == 200
        code, _ = ed.stop(signal.SIGTERM)
    assert code == EXIT_INTERRUPTED, ed.stderr


def test_edit_refuses_a_missing_po_and_a_taken_port(tmp_path: Path) -> None:
    import socket

    result = CliRunner().invoke(cli, ["edit", str(tmp_path / "none.po"), "--no-browser"])
    assert result.exit_code == 2 and "none.po" in result.output
    po = aligned_po(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["edit", str(po), "--no-browser", "--port", str(port)])
    assert result.exit_code == 2 and f"port {port}" in result.output and "in use" in result.output


# --------------------------------------------------------------------------- the session


def test_session_undo_redo_and_the_journal_follow_each_step(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    s = EditorSession(po)
    journal = Journal.for_po(po)
    kinds = [r["kind"] for r in s.state()["rows"]]
    assert kinds[5:7] == ["1-1", "0-1"]
    s.apply("join", {"row": 5, "direction": "next"})
    assert s.state()["rows"][5]["kind"] == "1-2" and s.state()["rows"][5]["pinned"]
    s.apply("pin", {"row": 0})
    pending = journal.read()
    assert pending is not None and [op.name for op in pending.ops] == ["join", "pin"]
    s.undo()
    assert [op.name for op in journal.read().ops] == ["join"]  # type: ignore[union-attr]
    s.undo()
    assert journal.read() is None and not s.unsaved
    assert [r["kind"] for r in s.state()["rows"]] == kinds
    s.redo()
    assert s.state()["rows"][5]["kind"] == "1-2" and s.state()["redo"] == "pin"
    s.apply("pin", {"row": 1})  # a new step drops what could have been redone
    assert s.state()["redo"] is None
    with pytest.raises(Refused):
        s.redo()


def test_session_refuses_what_the_library_refuses_and_asks_what_it_asks(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    s = EditorSession(po)
    with pytest.raises(Refused, match="no operation"):
        s.apply("format_disk", {})
    with pytest.raises(Refused):
        s.apply("join", {"row": 99})
    with pytest.raises(Refused):
        s.apply("join", {"row": 1, "colour": "red"})
    assert s.version == 0 and not s.unsaved
    # English edited as one text over two paragraphs, then a split between them: ask first.
    s.apply("edit_english", {"row": 5, "text": '"We have come home," said Olena Melnyk.\n\nShe is the principal.'})
    with pytest.raises(NeedsConfirmation):
        s.apply("split_row", {"row": 5, "uk_at": 1, "en_at": 1})
    s.apply("split_row", {"row": 5, "uk_at": 1, "en_at": 1}, confirm=True)
    assert s.state()["rows"][6]["en"][0]["text"] == "She is the principal."


def test_session_save_writes_the_po_and_starts_afresh(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    s = EditorSession(po)
    s.apply("join", {"row": 5, "direction": "next"})
    s.apply("choose_headline", {"number": 2})
    message = s.save()
    assert "saved" in message and not s.unsaved and Journal.for_po(po).read() is None
    saved = load_pairing(po)
    row = next(r for r in saved.rows if [q.text for q in r.en][:1] == ['"We have come home," said the school\'s principal, Olena Melnyk.'])
    assert row.kind == "1-2" and row.pinned
    assert saved.para("en", 2).role == "title" and saved.para("en", 1).role == "headline"
    with pytest.raises(Refused):
        s.undo()  # a save starts a new history


def test_session_save_refuses_a_po_changed_on_disk(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    s = EditorSession(po)
    s.apply("join", {"row": 5, "direction": "next"})
    changed = po.read_text(encoding="utf-8").replace("Mayor Vitali Klitschko", "Mayor Klitschko")
    po.write_text(changed, encoding="utf-8")
    with pytest.raises(Conflict, match="changed on disk"):
        s.save()
    assert po.read_text(encoding="utf-8") == changed
    assert s.unsaved and Journal.for_po(po).read() is not None


def test_session_offers_the_journal_of_an_earlier_session(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    first = EditorSession(po)
    first.apply("join", {"row": 5, "direction": "next"})
    first.apply("pin", {"row": 0})
    del first  # a crash: nothing saved, the journal stays

    second = EditorSession(po)
    assert second.offer is not None and second.offer.applies and second.unsaved
    assert second.state()["offer"]["operations"] == 2
    with pytest.raises(Refused, match="restore or discard"):
        second.apply("pin", {"row": 1})
    second.restore_journal()
    assert second.offer is None and second.state()["rows"][5]["kind"] == "1-2"
    second.undo()  # restored steps are ordinary steps
    assert not second.state()["rows"][0]["pinned"] and second.state()["undo"] == "join"

    third = EditorSession(po)
    third.discard_journal()
    assert Journal.for_po(po).read() is None and not third.unsaved


def test_session_will_not_replay_a_journal_made_on_another_version_of_the_po(tmp_path: Path) -> None:
    po = misaligned_po(tmp_path)
    first = EditorSession(po)
    first.apply("join", {"row": 5, "direction": "next"})
    po.write_text(po.read_text(encoding="utf-8").replace("Mayor Vitali", "Mayor"), encoding="utf-8")
    second = EditorSession(po)
    assert second.offer is not None and not second.offer.applies
    with pytest.raises(Refused, match="another version"):
        second.restore_journal()
    second.discard_journal()
    assert Journal.for_po(po).read() is None


def test_state_holds_what_the_page_draws(tmp_path: Path) -> None:
    po = aligned_po(tmp_path)
    state = EditorSession(po).state()
    assert json.loads(json.dumps(state)) == state
    row = state["rows"][0]
    assert {"kind", "confidence", "doubtful", "pinned", "reasons", "uk", "en", "findings"} <= set(row)
    assert {"number", "text", "role", "pid"} <= set(row["en"][0])
    assert state["version"] == 0 and state["offer"] is None and state["title"] == "school.po"
