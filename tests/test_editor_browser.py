"""`editflow edit` in a real browser: headless Debian Chromium, driven by Playwright, keyboard only.

Every test starts the real command (`python -m editflow edit X.po --no-browser`) and opens the URL
it printed; what the translator does is typed, and what must be true afterwards is read from the
PO on disk (or the journal), not from the page alone.
"""

from __future__ import annotations

import http.server
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editflow.errors import EXIT_INTERRUPTED, EXIT_OK
from editflow.pairing import Journal, load_pairing
from editor_support import aligned_po, chromium, idle, misaligned_po, open_page, press, running_editor, version

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _texts(row: Any) -> list[str]:
    return [q.text for q in row.en]


def test_repair_pin_realign_headline_and_save_by_keyboard_alone(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        assert page.url == ed.url
        assert page.locator(".row").count() == 11
        # The wrongly cut pair is the first doubtful one: n jumps there, J joins it with the next row.
        page.keyboard.press("n")
        idle(page)
        assert page.evaluate("document.body.dataset.row") == "5"
        press(page, "J")
        row = page.locator(".row").nth(5)
        assert row.get_attribute("data-kind") == "1-2" and "pinned" in (row.get_attribute("class") or "")
        # Pin the next row too, then re-align the rest around the pins.
        page.keyboard.press("j")
        press(page, " ")
        assert "pinned" in (page.locator(".row").nth(6).get_attribute("class") or "")
        press(page, "R")
        # Publish the second English headline: Home, down to its row, H.
        page.keyboard.press("Home")
        page.keyboard.press("j")
        press(page, "H")
        assert page.locator(".row").nth(1).locator(".role.r-title").count() == 1
        press(page, "Control+s")
        assert "saved" in page.inner_text("#message")
        assert page.inner_text("#state") == "saved"
        assert not page.editflow_errors
        code, seconds = ed.stop()
    assert code == EXIT_OK, ed.stderr
    saved = load_pairing(po)
    joined = next(r for r in saved.rows if r.uk and r.uk[0].text.startswith("«Ми повернулися"))
    assert joined.kind == "1-2" and joined.pinned
    assert _texts(joined) == ['"We have come home," said the school\'s principal, Olena Melnyk.',
                              "According to her, the new building has a shelter for 900 people."]
    mayor = next(r for r in saved.rows if r.uk and r.uk[0].text.startswith("Міський голова"))
    assert mayor.pinned and _texts(mayor) == ["Mayor Vitali Klitschko thanked the builders."]
    assert saved.para("en", 2).role == "title" and saved.para("en", 2).role_set
    assert saved.para("en", 1).role == "headline"
    # Re-alignment scored every row it made again; the rest of the article is paired as before.
    assert all(r.confidence is not None for r in saved.rows if not r.pinned)
    assert [r.kind for r in saved.rows] == ["1-1", "0-1", "1-1", "1-1", "1-1", "1-2", "1-1", "1-1", "0-1", "0-1"]
    assert Journal.for_po(po).read() is None


def test_undo_and_redo_by_keyboard(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    before = po.read_bytes()
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        kinds = page.eval_on_selector_all(".row", "rows => rows.map(r => r.dataset.kind)")
        page.keyboard.press("n")
        press(page, "J")
        assert page.locator(".row").count() == 10
        assert page.evaluate("document.body.dataset.unsaved") == "1"
        press(page, "Control+z")
        assert page.eval_on_selector_all(".row", "rows => rows.map(r => r.dataset.kind)") == kinds
        assert page.evaluate("document.body.dataset.unsaved") == "0"
        assert Journal.for_po(po).read() is None  # nothing left unsaved
        press(page, "Control+y")
        assert page.locator(".row").nth(5).get_attribute("data-kind") == "1-2"
        press(page, "Control+z")
        code, _ = ed.stop()
    assert code == EXIT_OK and po.read_bytes() == before


def test_save_refuses_a_po_changed_on_disk_and_says_so(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("n")
        press(page, "J")
        # Meanwhile a translator saves the PO in Poedit.
        changed = po.read_text(encoding="utf-8").replace("Mayor Vitali Klitschko", "Mayor Klitschko")
        po.write_text(changed, encoding="utf-8")
        v = version(page)
        page.keyboard.press("Control+s")
        page.wait_for_selector("#ask:not([hidden])")
        assert "changed on disk" in page.inner_text("#ask-text")
        assert "nothing was saved" in page.inner_text("#ask-text")
        page.keyboard.press("Enter")
        idle(page)
        assert version(page) == v and page.inner_text("#state").startswith("unsaved")
        assert "changed on disk" in page.inner_text("#message")
        code, _ = ed.stop()
    assert po.read_text(encoding="utf-8") == changed
    assert code == EXIT_INTERRUPTED and Journal.for_po(po).read() is not None


def test_journal_restore_after_ctrl_c(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    before = po.read_bytes()
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("n")
        press(page, "J")
        page.keyboard.press("Home")
        page.keyboard.press("j")
        press(page, "H")
        code, _ = ed.stop(signal.SIGINT)
        page.close()
    assert code == EXIT_INTERRUPTED and "journal" in ed.stderr
    assert po.read_bytes() == before

    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.wait_for_selector("#ask:not([hidden])")
        assert "2 unsaved operation(s)" in page.inner_text("#ask-text")
        press(page, "Enter")
        assert page.locator(".row").nth(5).get_attribute("data-kind") == "1-2"
        assert page.locator(".row").nth(1).locator(".role.r-title").count() == 1
        press(page, "Control+s")
        code, _ = ed.stop()
    assert code == EXIT_OK
    saved = load_pairing(po)
    assert saved.para("en", 2).role == "title"
    assert saved.rows[saved.row_of("en", 6)].kind == "1-2"


def test_journal_can_be_discarded(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("n")
        press(page, "u")
        ed.stop()
        page.close()
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.wait_for_selector("#ask:not([hidden])")
        v = version(page)
        page.keyboard.press("d")
        page.wait_for_function("v => Number(document.body.dataset.version) > v", arg=v)
        assert page.locator(".row").count() == 11
        code, _ = ed.stop()
    assert code == EXIT_OK and Journal.for_po(po).read() is None


def test_edit_english_split_a_paragraph_set_a_role_and_confirm_a_cut(tmp_path: Path, browser: Any) -> None:
    uk = ["Школа відкрилася знову", "Учні повернулися до класів у понеділок."]
    en = ["School reopens Pupils returned to their classrooms on Monday.", "Share This"]
    po = aligned_po(tmp_path, "glued", uk, en)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        assert page.locator(".row").count() >= 2
        # The English headline is glued to the lead: x, cursor after "School reopens", Enter.
        page.keyboard.press("l")
        page.keyboard.press("x")
        page.wait_for_selector("#textedit:not([hidden])")
        page.keyboard.press("Home")
        for _ in range(len("School reopens ")):
            page.keyboard.press("ArrowRight")
        press(page, "Enter")
        state = ed.state()
        texts = [p["text"] for r in state["rows"] for p in r["en"]]
        assert texts[:2] == ["School reopens", "Pupils returned to their classrooms on Monday."]
        # Edit the English of the first row: e, type, Ctrl+Enter.
        page.keyboard.press("Home")
        page.keyboard.press("e")
        page.wait_for_selector("#textedit:not([hidden])")
        page.keyboard.press("Control+End")
        page.keyboard.type(" again")
        press(page, "Control+Enter")
        assert any(p["text"].endswith("again") and p["edited"] for r in ed.state()["rows"] for p in r["en"])
        # A role from the menu: r, down to "credit line", Enter.
        page.keyboard.press("End")
        page.keyboard.press("l")
        page.keyboard.press("r")
        page.wait_for_selector("#roles:not([hidden])")
        page.keyboard.press("7")
        press(page, "Enter")
        last = ed.state()["rows"][-1]
        assert last["en"][0]["role"] == "credit" and last["en"][0]["role_set"]
        assert not page.editflow_errors
        ed.stop()


def test_cutting_edited_english_in_two_asks_first(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("n")
        # The doubtful row's English rewritten as one text of two paragraphs.
        page.keyboard.press("e")
        page.wait_for_selector("#textedit:not([hidden])")
        page.keyboard.press("Control+a")
        page.keyboard.type('"We are home," said Olena Melnyk.\n\nThe shelter holds 900 people.')
        press(page, "Control+Enter")
        assert page.locator(".row").nth(5).get_attribute("data-kind") == "1-2"
        # Splitting between the two edited paragraphs asks first; Esc keeps the row whole.
        page.keyboard.press("l")
        page.keyboard.press("]")
        page.keyboard.press("s")
        page.wait_for_selector("#ask:not([hidden])")
        assert "edited" in page.inner_text("#ask-text")
        v = version(page)
        page.keyboard.press("Escape")
        idle(page)
        assert version(page) == v and page.locator(".row").nth(5).get_attribute("data-kind") == "1-2"
        # Asked again and confirmed with Enter, the row is split.
        page.keyboard.press("s")
        page.wait_for_selector("#ask:not([hidden])")
        page.keyboard.press("Enter")
        page.wait_for_function("v => Number(document.body.dataset.version) > v && document.body.dataset.busy === '0'",
                               arg=v)
        assert page.locator(".row").nth(5).get_attribute("data-kind") == "1-1"
        assert page.locator(".row").nth(6).get_attribute("data-kind") == "0-1"
        ed.stop()


def test_help_overlay_shows_every_key(tmp_path: Path, browser: Any) -> None:
    po = aligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("?")
        page.wait_for_selector("#help:not([hidden])")
        text = page.inner_text("#help-body")
        keymap = page.evaluate("KEYMAP")
        for entry in keymap:
            assert entry["help"] in text
        actions = page.evaluate("Object.keys(ACTIONS)")
        assert {e["action"] for e in keymap} <= set(actions)
        ops = {"join", "split_row", "unpair", "pair_rows", "move_paragraph", "edit_english", "split_paragraph",
               "pin", "unpin", "set_role", "choose_headline", "mark_boilerplate", "realign"}
        script = page.evaluate("ACTIONS.toString ? Object.values(ACTIONS).map(f => f.toString()).join('\\n') : ''")
        assert all(f'"{op}"' in script for op in ops), "an operation of the library has no key"
        page.keyboard.press("Escape")
        page.wait_for_selector("#help", state="hidden")
        ed.stop()


def test_token_is_needed_and_other_pages_cannot_reach_the_editor(tmp_path: Path, browser: Any) -> None:
    po = misaligned_po(tmp_path)
    before = po.read_bytes()
    with running_editor(po) as ed:
        page = browser.new_page()
        response = page.goto(f"http://127.0.0.1:{ed.port}/")
        assert response.status == 403 and "token" in page.inner_text("body")
        page.goto(f"http://localhost:{ed.port}/?token=not-the-token")
        assert "refused" in page.inner_text("body")
        # The translator has the editor open; a page served from another port of this machine
        # tries to act on it. It cannot know the token, and its Origin gives it away.
        editor_page = open_page(browser, ed)
        hostile = _serve_hostile_page(ed.port)
        try:
            tab = editor_page.context.new_page()
            tab.goto(hostile.url)
            tab.wait_for_function("() => window.done === true")
            outcome = tab.evaluate("window.outcome")
        finally:
            hostile.stop()
        assert outcome["state"] in ("blocked", 403), outcome
        assert outcome["post"] in ("blocked", 403, "opaque"), outcome
        assert ed.state()["version"] == 0
        ed.stop()
    assert po.read_bytes() == before and Journal.for_po(po).read() is None


def test_ctrl_c_with_the_page_open_stops_within_a_second(tmp_path: Path, browser: Any) -> None:
    po = aligned_po(tmp_path)
    with running_editor(po) as ed:
        page = open_page(browser, ed)
        page.keyboard.press("j")
        idle(page)
        code, seconds = ed.stop(signal.SIGINT)
    assert code == EXIT_OK and seconds < 1.0, (code, seconds)
    page.close()


# --------------------------------------------------------------------------- a hostile page


class _Hostile:
    def __init__(self, server: http.server.HTTPServer, thread: threading.Thread) -> None:
        self.server, self.thread = server, thread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def _serve_hostile_page(editor_port: int) -> _Hostile:
    """A page on another port of 127.0.0.1 that tries to read the editor's state and change the PO."""
    target = f"http://127.0.0.1:{editor_port}"
    html = f"""<!DOCTYPE html><script>
window.outcome = {{}};
async function attempt(name, url, init) {{
  try {{
    const r = await fetch(url, init);
    window.outcome[name] = r.type === "opaque" ? "opaque" : r.status;
  }} catch (e) {{ window.outcome[name] = "blocked"; }}
}}
(async () => {{
  await attempt("state", "{target}/api/state", {{credentials: "include"}});
  await attempt("post", "{target}/api/op", {{method: "POST", mode: "no-cors", credentials: "include",
    headers: {{"Content-Type": "text/plain"}}, body: JSON.stringify({{op: "unpair", args: {{row: 0}}}})}});
  window.done = true;
}})();
</script>""".encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return _Hostile(server, thread)
