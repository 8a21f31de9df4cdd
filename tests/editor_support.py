"""Helpers for the editor's tests: a PO to edit, `editflow edit` running in its own process, and
headless Chromium driven by Playwright.

The editor always runs as the real command (`python -m editflow edit X.po --no-browser`), so that
the tests go through the command line, the server, its security and the page exactly as a
translator does; Chromium is Debian's (/usr/bin/chromium), never a browser Playwright downloads.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import require_tool, tools_required

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# An article written for these tests: a headline with two English variants, a byline, body
# paragraphs (one the English splits in two) and web furniture after the English.
UK = [
    "У Києві відкрили відбудовану школу на Оболоні",
    "Автор: Олена Гнатюк",
    "Школу № 251 на Оболоні, яку зруйнував російський ракетний удар 24 лютого 2022 року, відкрили після "
    "відбудови. На урочисту лінійку прийшли понад 600 учнів.",
    "Відбудова тривала майже два роки й коштувала 148 мільйонів гривень.",
    "«Ми повернулися додому», — сказала директорка школи Олена Мельник. За її словами, у новому корпусі "
    "обладнали укриття на 900 місць.",
    "Міський голова Віталій Кличко подякував будівельникам.",
    "Наступного тижня в школі відкриють басейн і спортивну залу.",
]
EN = [
    "Kyiv reopens rebuilt school in Obolon",
    "Headline option 2: Rebuilt Obolon school welcomes 600 pupils",
    "By Olena Hnatiuk",
    "School No. 251 in Obolon, destroyed by a Russian missile strike on February 24, 2022, has reopened "
    "after reconstruction. More than 600 pupils attended the opening ceremony.",
    "The reconstruction took almost two years and cost 148 million hryvnias.",
    '"We have come home," said the school\'s principal, Olena Melnyk.',
    "According to her, the new building has a shelter for 900 people.",
    "Mayor Vitali Klitschko thanked the builders.",
    "Next week the school will open a swimming pool and a gym.",
    "Share This",
    "Facebook",
]


def write_article(root: Path, slug: str = "school", uk: Sequence[str] = UK, en: Sequence[str] = EN) -> tuple[Path, Path]:
    original = root / "originals" / f"{slug}.uk.txt"
    translation = root / "translations" / f"{slug}.en.txt"
    for path, paragraphs in ((original, uk), (translation, en)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return original, translation


def aligned_po(root: Path, slug: str = "school", uk: Sequence[str] = UK, en: Sequence[str] = EN) -> Path:
    """`editflow align` of the article, as a project under `root`: translations/<slug>.po."""
    from editflow.workfile import align_files, write_alignment

    original, translation = write_article(root, slug, uk, en)
    out = translation.with_name(f"{slug}.po")
    write_alignment(align_files(original, translation), out)
    return out


def misaligned_po(root: Path, slug: str = "school") -> Path:
    """The article's PO with the split pair cut wrongly: uk5 ↔ en6 alone (doubtful), en7 left over.

    What the aligner might have written for a harder article; the tests repair it.
    """
    from editflow.model import Bead
    from editflow.po import write_po
    from editflow.workfile import align_files

    original, translation = write_article(root, slug)
    al = align_files(original, translation)
    beads: list[Bead] = []
    for bead in al.beads:
        if bead.src == (4,) and bead.tgt == (5, 6):
            beads.append(Bead((4,), (5,), 0.41, ["length ratio 0.5"]))
            beads.append(Bead((), (6,), 0.52, ["no Ukrainian counterpart (added?)"]))
        else:
            beads.append(bead)
    assert len(beads) == len(al.beads) + 1, "the aligner no longer pairs uk5 with en6, en7"
    al.beads = beads
    out = translation.with_name(f"{slug}.po")
    write_po(al, out)
    return out


# ----------------------------------------------------------------------------- the editor process

@dataclass
class EditorProcess:
    """`editflow edit PO --no-browser` in its own process; `url` is what it printed."""

    proc: subprocess.Popen[str]
    url: str
    stopped: tuple[int, float] | None = None
    stderr: str = ""
    _err: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
                token: bool = True) -> tuple[int, str]:
        """One HTTP request to the editor: (status, body text). `headers` override the defaults."""
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if token:
            sent["X-Editflow-Token"] = self.token
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
            sent["Content-Length"] = str(len(data))
        sent.update(headers or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest(method, path, skip_host=True)
            for name, value in sent.items():
                conn.putheader(name, value)
            conn.endheaders(data)
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            conn.close()

    def state(self) -> dict[str, Any]:
        status, text = self.request("GET", "/api/state")
        assert status == 200, text
        return json.loads(text)  # type: ignore[no-any-return]

    def stop(self, sig: int = signal.SIGINT, timeout: float = 20) -> tuple[int, float]:
        """Send `sig` (Ctrl-C by default); (exit code, seconds it took to exit)."""
        if self.stopped is None:
            start = time.monotonic()
            self.proc.send_signal(sig)
            try:
                code = self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                pytest.fail(f"editflow edit did not stop within {timeout} s of signal {sig}")
            self.stopped = (code, time.monotonic() - start)
            self.stderr = self.proc.stderr.read() if self.proc.stderr else ""
        return self.stopped


def start_editor(po: Path, *args: str, python: str = sys.executable, cwd: Path | None = None,
                 timeout: float = 60) -> EditorProcess:
    cmd = [python, "-m", "editflow", "edit", str(po), "--no-browser", *args]
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()  # the URL, once the port is bound
    if not line.startswith("http://") or time.monotonic() > deadline:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"editflow edit did not print its URL (exit {proc.returncode}): {line}\n{err}")
    return EditorProcess(proc, line)


@contextmanager
def running_editor(po: Path, *args: str, **kw: Any) -> Iterator[EditorProcess]:
    editor = start_editor(po, *args, **kw)
    try:
        yield editor
    finally:
        if editor.stopped is None:
            editor.stop()


# ----------------------------------------------------------------------------- the browser

def playwright_module() -> Any:
    """playwright.sync_api, or a skip (a failure under EDITFLOW_REQUIRE_TOOLS) when it is missing."""
    require_tool("chromium")
    try:
        from playwright import sync_api
    except ImportError:
        message = "playwright not installed (pip install -e '.[test]')"
        if tools_required():
            pytest.fail(f"{message}; EDITFLOW_REQUIRE_TOOLS is set, so this is an error", pytrace=False)
        pytest.skip(message)
    return sync_api


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium, driven by Playwright."""
    sync_api = playwright_module()
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, editor: EditorProcess) -> Any:
    """A new browser tab on the editor's URL, once the rows are drawn; page errors fail the test."""
    page = browser.new_context(viewport={"width": 1300, "height": 900}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.editflow_errors = errors
    page.goto(editor.url)
    page.wait_for_selector("body[data-drawn]")
    return page


def wait_version(page: Any, after: int, timeout: float = 15_000) -> int:
    """Wait until the page shows a state newer than `after` and no request is on its way."""
    page.wait_for_function(
        "v => Number(document.body.dataset.version) > v && document.body.dataset.busy === '0'",
        arg=after, timeout=timeout)
    return int(page.evaluate("Number(document.body.dataset.version)"))


def version(page: Any) -> int:
    return int(page.evaluate("Number(document.body.dataset.version)"))


def press(page: Any, *keys: str) -> int:
    """Press each key, each one an operation: wait for the state it produces; the new version.

    An operation the server refused leaves the version as it was: the test fails with the
    page's message.
    """
    v = version(page)
    for key in keys:
        page.keyboard.press(key)
        idle(page)
        now = version(page)
        if now <= v:
            raise AssertionError(f"{key}: no new state; the page says {page.inner_text('#message')!r}")
        v = now
    return v


def idle(page: Any) -> None:
    """Wait until every key pressed so far has been handled (the page's queue of keys is empty).

    Predicates are functions, never expression strings: Playwright evaluates a string with
    eval(), which the page's Content-Security-Policy rightly forbids.
    """
    page.evaluate("window.editflowIdle()")
    page.wait_for_function("() => document.body.dataset.busy === '0'")
