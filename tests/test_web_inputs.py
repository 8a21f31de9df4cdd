"""Web pages, pasted text and wrong-language inputs (readers.html, readers.paragraphs, readers.language).

The pages and articles here were written for these tests (invented local news).
"""

from __future__ import annotations

import codecs
import http.server
import quopri
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from editflow.build import build
from editflow.cli import cli, default_output_for
from editflow.config import Settings
from editflow.errors import InputError
from editflow.po import load_po
from editflow.project import find_articles, init_project
from editflow.readers import read_document, read_side
from editflow.readers.fetch import fetch
from editflow.readers.html import declared_encoding, decode_page, read_page
from editflow.inline import plain
from editflow.readers.language import check_languages, guess
from editflow.readers.paragraphs import decide, parse_header
from editflow.roles import is_boilerplate
from editflow.workfile import align_files

TITLE_UK = "У Полтаві відкрили оновлений парк над Ворсклою"
BYLINE_UK = "Ганна Литвин, 4 червня 2025"
BODY_UK = [
    "У суботу в Полтаві відкрили для відвідувачів оновлений парк на березі Ворскли.",
    "На реконструкцію міська рада витратила 48 мільйонів гривень, роботи тривали два роки.",
    "У парку висадили понад 600 дерев, облаштували велодоріжки та дитячі майданчики.",
]
HEADING_UK = "Що чекає на відвідувачів"
QUOTE_UK = "«Ми хотіли, щоб кожен полтавець мав поруч тихе зелене місце», — сказала архітекторка Ірина Мороз."
LAST_UK = "Влітку в парку щовечора працюватимуть фонтани та літній кінотеатр."
NOTE_UK = "Примітка редакції: статтю оновлено після уточнення вартості робіт."
ARTICLE_UK = [TITLE_UK, BYLINE_UK, *BODY_UK, HEADING_UK, QUOTE_UK, LAST_UK, NOTE_UK]
ARTICLE_EN = [
    "Poltava opens renovated park on the Vorskla",
    "Hanna Lytvyn, 4 June 2025",
    "On Saturday a renovated park on the bank of the Vorskla opened to visitors in Poltava.",
    "The city council spent 48 million hryvnias on the reconstruction, and the works took two years.",
    "More than 600 trees were planted in the park, and cycle paths and playgrounds were built.",
    "What awaits visitors",
    "“We wanted every Poltava resident to have a quiet green place nearby,” said architect Iryna Moroz.",
    "In summer the fountains and an open-air cinema will run in the park every evening.",
    "Editor's note: this article was updated after the cost of the works was clarified.",
]
MENU = ["Головна", "Новини", "Спорт", "Культура"]


def page(charset_meta: str = '<meta charset="utf-8">', title: str = TITLE_UK) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in BODY_UK)
    menu = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(MENU))
    return f"""<!DOCTYPE html>
<html lang="uk"><head>{charset_meta}<title>{title} | Полтавські вісті</title></head>
<body>
<div class="cookie-banner"><p>Ми використовуємо файли cookie.</p><button>Гаразд</button></div>
<header><nav class="menu"><ul>{menu}</ul></nav></header>
<article>
<h1>{title}</h1>
<div class="byline">{BYLINE_UK}</div>
<div class="share"><a href="#">Facebook</a> <a href="#">Telegram</a></div>
{body}
<h2>{HEADING_UK}</h2>
<blockquote><p>{QUOTE_UK}</p></blockquote>
<p>{LAST_UK}</p>
<aside class="editor-note"><p>{NOTE_UK}</p></aside>
</article>
<section id="comments"><h3>Коментарі</h3><form><p>Щоб залишити коментар, увійдіть.</p><textarea></textarea>
<button>Надіслати</button></form></section>
<footer><p>© 2025 Полтавські вісті. Усі права захищено.</p></footer>
</body></html>
"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def english(tmp_path: Path, paragraphs: list[str] = ARTICLE_EN, name: str = "park.en.txt") -> Path:
    return write(tmp_path / name, "\n\n".join(paragraphs) + "\n")


# ---------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------

def test_page_keeps_the_article_in_order_with_roles(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "park.uk.html", page()), "uk")
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert doc.texts == ARTICLE_UK
    roles = [p.role for p in doc.paragraphs]
    assert roles == ["title", "byline", "body", "body", "body", "heading", "quote", "body", "note"]
    # Each paragraph is located by its line in the file.
    source = page().splitlines()
    for p in doc.paragraphs:
        assert p.text.split("\n")[0][:20] in source[int(p.location) - 1]


def test_what_was_left_out_is_listed_with_the_reason(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "park.uk.html", page()), "uk")
    removed = {r.text: r.why for r in doc.removed}
    assert removed["Ми використовуємо файли cookie."] == "cookie notice"
    assert removed["Гаразд"] == "cookie notice"   # the notice's button, not just "a button"
    assert all(removed[m] == "menu" for m in MENU)
    assert removed["Facebook Telegram"] == "share buttons"
    assert removed["Щоб залишити коментар, увійдіть."] == "comments"
    assert removed["© 2025 Полтавські вісті. Усі права захищено."] == "footer"
    assert not set(removed) & set(ARTICLE_UK)


def test_meta_charset_and_http_equiv_decide_the_encoding(tmp_path: Path) -> None:
    for meta in ('<meta charset="windows-1251">',
                 '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'):
        path = write(tmp_path / "cp.html", page(meta).encode("cp1251"))
        doc = read_document(path, "uk")
        assert doc.encoding == "cp1251" and doc.texts == ARTICLE_UK
    assert declared_encoding(b'<meta charset="KOI8-R">') == "koi8-u"
    assert declared_encoding(b'<meta charset="iso-8859-1">') == "cp1252"  # as browsers read it
    assert declared_encoding(b"<p>no declaration</p>") is None


def test_a_page_without_a_declaration_is_detected_like_a_text_file(tmp_path: Path) -> None:
    for encoding in ("cp1251", "utf-8"):
        doc = read_document(write(tmp_path / f"{encoding}.html", page("").encode(encoding)), "uk")
        assert doc.texts == ARTICLE_UK, encoding
        assert codecs.lookup(doc.encoding or "").name == codecs.lookup(encoding).name


def test_a_bom_wins_over_the_meta_and_a_wrong_declaration_is_detected(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + page('<meta charset="windows-1251">').encode("utf-8")
    assert read_document(write(tmp_path / "bom.html", data), "uk").texts == ARTICLE_UK
    utf16 = codecs.BOM_UTF16_LE + page("").encode("utf-16-le")
    assert read_document(write(tmp_path / "utf16.html", utf16), "uk").texts == ARTICLE_UK
    # Labelled UTF-8, saved as Windows-1251: the bytes are not UTF-8, so they are detected.
    text, encoding = decode_page(page('<meta charset="utf-8">').encode("cp1251"), "x.html")
    assert encoding == "cp1251" and TITLE_UK in text


def mhtml(html: str, charset: str = "utf-8") -> bytes:
    body = quopri.encodestring(html.encode(charset)).decode("ascii").replace("\n", "\r\n")
    b = "----MultipartBoundary--test----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/park\r\n"
            f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{b}"\r\n\r\n'
            f"--{b}\r\nContent-Type: text/css\r\nContent-Location: https://news.example/a.css\r\n\r\np {{}}\r\n"
            f"--{b}\r\nContent-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: https://news.example/park\r\n\r\n{body}\r\n--{b}--\r\n").encode("ascii")


def test_mhtml_archive_reads_its_main_page_in_the_declared_charset(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "park.uk.mhtml", mhtml(page(""), "windows-1251")), "uk")
    assert doc.format == "mhtml" and doc.encoding == "cp1251" and doc.texts == ARTICLE_UK
    with pytest.raises(InputError, match="no text/html part"):
        read_document(write(tmp_path / "empty.mhtml", b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhi"))


def test_a_web_page_complete_folder_reads_its_page(tmp_path: Path) -> None:
    html = write(tmp_path / "saved" / "Park.html", page())
    write(tmp_path / "saved" / "Park_files" / "style.css", "p {}")
    assert read_document(tmp_path / "saved" / "Park_files", "uk").path == html
    assert read_document(tmp_path / "saved", "uk").texts == ARTICLE_UK


def test_line_breaks_and_blank_lines_of_br(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="utf-8"></head><body><article><h1>Заголовок статті про парк у Полтаві</h1>'
            f"<div class='text'>{BODY_UK[0]}<br>{BODY_UK[1]}<br><br>{BODY_UK[2]}<br><br>{LAST_UK}</div>"
            "</article></body></html>")
    page_ = read_page(html)
    texts = [p.text for p in page_.paragraphs]
    assert texts[1:] == [f"{BODY_UK[0]}\n{BODY_UK[1]}", BODY_UK[2], LAST_UK]
    side = read_side(write(tmp_path / "br.html", html), "uk")
    assert [p.text for p in side.lines.paragraphs][1:] == [*BODY_UK, LAST_UK]
    assert side.lines.paragraphing == "lines"


def test_a_page_with_no_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        read_document(write(tmp_path / "menu.html", "<html><body><nav><a href='/'>Головна</a></nav></body></html>"))
    with pytest.raises(InputError, match="has no text"):
        read_document(write(tmp_path / "empty.html", "  \n"))


# ---------------------------------------------------------------------------
# Paragraphs: pasted text and Shift+Enter
# ---------------------------------------------------------------------------

def test_pasted_text_is_read_a_paragraph_a_line_when_the_other_side_has_blank_lines(tmp_path: Path) -> None:
    uk = write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK) + "\n")
    en = write(tmp_path / "park.en.txt", "\n".join(ARTICLE_EN) + "\n")   # pasted: no blank lines
    chosen = decide(read_side(uk, "uk"), read_side(en, "en"))
    assert (chosen.source, chosen.target) == ("blank", "lines")
    assert chosen.notice.startswith("1 English paragraph against 9 Ukrainian: single line breaks read as paragraph "
                                    f"breaks in {en} (9 paragraphs)")
    given = decide(read_side(uk, "uk"), read_side(en, "en"), "blank")
    assert (given.source, given.target) == ("blank", "blank")
    assert given.notice == (f"1 English paragraph against 9 Ukrainian: are single line breaks paragraphs in {en}? "
                            "--paragraphs lines reads every line as a paragraph")


def test_both_sides_pasted_are_both_read_by_lines(tmp_path: Path) -> None:
    uk = write(tmp_path / "park.uk.txt", "\n".join(ARTICLE_UK) + "\n")
    en = write(tmp_path / "park.en.txt", "\n".join(ARTICLE_EN) + "\n")
    chosen = decide(read_side(uk, "uk"), read_side(en, "en"))
    assert (chosen.source, chosen.target) == ("lines", "lines")


def test_hard_wrapped_text_and_sentence_a_line_text_stay_blank_line_paragraphs(tmp_path: Path) -> None:
    uk = write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK) + "\n")
    # Wrapped mid-sentence at about 40 characters: those breaks are not paragraph ends.
    wrapped = "\n\n".join("\n".join(_wrap(p, 40)) for p in ARTICLE_EN[:5])
    chosen = decide(read_side(uk, "uk"), read_side(write(tmp_path / "w.en.txt", wrapped), "en"))
    assert chosen.target == "blank"
    # One sentence a line, blank lines between paragraphs on both sides: nothing to change.
    en = "\n\n".join(p.replace(", and ", ",\nand ") for p in ARTICLE_EN)
    chosen = decide(read_side(uk, "uk"), read_side(write(tmp_path / "s.en.txt", en), "en"))
    assert (chosen.source, chosen.target, chosen.notice) == ("blank", "blank", "")


def test_a_short_paste_with_a_long_headline_is_read_by_lines_and_wrapped_text_is_not(tmp_path: Path) -> None:
    """A headline of many words with no full stop is a paragraph end when the text is not wrapped
    at a fixed width; three pasted lines against three paragraphs are three paragraphs."""
    headline = "Полтава відкрила оновлений парк над Ворсклою після двох років реконструкції та суперечок"
    uk = write(tmp_path / "p.uk.txt", "\n".join([headline, BODY_UK[0], BODY_UK[1] + " " + BODY_UK[2]]) + "\n")
    en = write(tmp_path / "p.en.txt", "\n\n".join([ARTICLE_EN[0], ARTICLE_EN[2], ARTICLE_EN[3]]) + "\n")
    chosen = decide(read_side(uk, "uk"), read_side(en, "en"))
    assert (chosen.source, chosen.target) == ("lines", "blank")
    # Both pasted, three lines each: both by lines.
    en = write(tmp_path / "q.en.txt", "\n".join([ARTICLE_EN[0], ARTICLE_EN[2], ARTICLE_EN[3]]) + "\n")
    both = decide(read_side(uk, "uk"), read_side(en, "en"))
    assert (both.source, both.target) == ("lines", "lines")
    # Wrapped at 100 characters, every line nearly as long as the longest: blank-line paragraphs.
    wrapped = "\n\n".join("\n".join(_wrap(" ".join(ARTICLE_EN[2:5]) + " " + p, 100)) for p in ARTICLE_EN[5:8])
    chosen = decide(read_side(write(tmp_path / "w.uk.txt", "\n\n".join(BODY_UK) + "\n"), "uk"),
                    read_side(write(tmp_path / "w.en.txt", wrapped), "en"))
    assert chosen.target == "blank"


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def test_word_shift_enter_paragraphs_are_split(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    p = d.add_paragraph(ARTICLE_EN[0])
    for text in ARTICLE_EN[1:]:
        p.add_run().add_break()
        p.add_run(text)
    d.save(tmp_path / "park.en.docx")
    uk = write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK) + "\n")
    al = align_files(uk, tmp_path / "park.en.docx")
    assert al.target.paragraphing == "lines" and len(al.target) == 9
    assert [p.location for p in al.target.paragraphs][:3] == ["p1", "p1/2", "p1/3"]
    assert al.counts() == {"1-1": 9}
    assert al.notices and "park.en.docx (9 paragraphs)" in al.notices[0]


def test_header_values() -> None:
    assert parse_header("uk=lines en=blank") == ("lines", "blank")
    assert parse_header("en=blank, uk=blank") == ("blank", "blank")
    assert parse_header("uk=words en=blank") is None and parse_header(None) is None


# ---------------------------------------------------------------------------
# Languages
# ---------------------------------------------------------------------------

RUSSIAN = ["В Полтаве открыли обновлённый парк на берегу Ворсклы, который жители ждали два года.",
           "На реконструкцию городской совет потратил 48 миллионов гривен, и это было очень дорого.",
           "Он сказал, что уже этим летом в парке будут работать фонтаны и летний кинотеатр."]


def test_a_ukrainian_article_quoting_more_russian_than_it_writes_is_ukrainian(tmp_path: Path) -> None:
    """An article about Russian propaganda quotes its posts at length: more ы and "что" than і and
    "що", but paragraphs of its own in Ukrainian, which a Russian page has none of."""
    article = ["Російські пропагандисти знову поширюють фейки про парк. Ось що написав один із них:",
               "«Это было очень важно для нас, и мы знаем, что они уже проиграли. Он сказал, что она тоже была там.»",
               "«Мы будем идти до конца, как говорил он, и это уже очевидно всем, кто следил за этим.»",
               "«Очень скоро всё закончится, и они это знают, как и то, что было в прошлом году.»",
               "Аналітики Центру протидії дезінформації зазначають, що це типовий прийом."]
    assert guess(article).lang == "uk"
    assert guess([*RUSSIAN, "Відео: Полтава, парк"]).lang == "ru"  # a Ukrainian caption makes no Ukrainian page
    english = ["Russian propagandists are again spreading fakes about the park. Here is what one of them wrote:",
               "“This was very important for us, and we know they have already lost. He said she was there too.”",
               "“We will go to the end, as he said, and this is already obvious to everyone who followed it.”",
               "“Very soon it will all be over, and they know it, as well as what happened last year.”",
               "Analysts at the Centre for Countering Disinformation note that this is a typical technique."]
    uk = write(tmp_path / "fakes.uk.txt", "\n\n".join(article))
    en = write(tmp_path / "fakes.en.txt", "\n\n".join(english))
    result = CliRunner().invoke(cli, ["align", str(uk), str(en), "-o", str(tmp_path / "fakes.po"), "--no-lexicon"])
    assert result.exit_code == 0, result.output


def test_guess_tells_ukrainian_russian_and_english() -> None:
    assert guess(ARTICLE_UK).lang == "uk"
    assert guess(RUSSIAN).lang == "ru"
    assert guess(ARTICLE_EN).lang == "en"
    assert guess(["Київ"]).lang == ""   # too little to tell
    # A Ukrainian article quoting a Russian sentence is still Ukrainian.
    assert guess([*ARTICLE_UK, RUSSIAN[0]]).lang == "uk"


def test_language_refusals_name_the_files_and_the_command_meant(tmp_path: Path) -> None:
    uk = read_document(write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK)), "uk")
    en = read_document(english(tmp_path), "en")
    ru = read_document(write(tmp_path / "ru" / "park.uk.txt", "\n\n".join(RUSSIAN)), "uk")
    with pytest.raises(InputError) as swapped:
        check_languages(en, uk)
    assert str(swapped.value.message).endswith(f"give the Ukrainian original first: editflow align {uk.path} {en.path}")
    with pytest.raises(InputError, match=r"both inputs are the original.*e\.g\. editflow align .*park\.en\.txt"):
        check_languages(uk, uk)
    with pytest.raises(InputError, match="both inputs are the translation"):
        check_languages(en, en)
    with pytest.raises(InputError, match=r"is Russian, not Ukrainian \(\d+ of the letters ы э ъ ё"):
        check_languages(ru, en)
    check_languages(uk, en)


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------

def test_align_a_page_with_show_removed(tmp_path: Path) -> None:
    src = write(tmp_path / "park.uk.html", page())
    result = CliRunner().invoke(cli, ["align", str(src), str(english(tmp_path)), "--show-removed"])
    assert result.exit_code == 0, result.output
    assert f"{src}: 11 block(s) left out of the article:" in result.stderr
    assert "menu:              Головна · Новини · Спорт · Культура" in result.stderr
    assert "9 Ukrainian and 9 English paragraphs → 9 pairs: 9 1-1" in result.stderr
    po = load_po(tmp_path / "park.po")
    assert [e.msgid for e in po] == ARTICLE_UK
    assert f"park.uk.html:{page().splitlines().index('<h1>' + TITLE_UK + '</h1>') + 1}" in str(po[0])
    json_run = CliRunner().invoke(cli, ["align", str(src), str(english(tmp_path)), "--show-removed", "--json"])
    removed = __import__("json").loads(json_run.stdout)["removed"]
    assert {"line": removed["uk"][0]["line"], "why": "cookie notice", "text": "Ми використовуємо файли cookie."} \
        == removed["uk"][0] and removed["en"] == []


def test_paragraphs_choice_is_recorded_and_kept_by_a_refresh(tmp_path: Path) -> None:
    uk = write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK) + "\n")
    en = write(tmp_path / "park.en.txt", "\n".join(ARTICLE_EN) + "\n")
    runner = CliRunner()
    first = runner.invoke(cli, ["align", str(uk), str(en)])
    assert first.exit_code == 0, first.output
    assert "note: 1 English paragraph against 9 Ukrainian: single line breaks read" in first.stderr
    po_path = tmp_path / "park.po"
    assert load_po(po_path).metadata["X-Editflow-Paragraphs"] == "uk=blank en=lines"
    # Blank lines added to the English would make auto decide otherwise; the refresh keeps the record.
    en.write_text("\n".join(ARTICLE_EN[:4]) + "\n\n" + "\n".join(ARTICLE_EN[4:]) + "\n", encoding="utf-8")
    again = runner.invoke(cli, ["align", str(uk), str(en)])
    assert again.exit_code == 0 and "9 Ukrainian and 9 English paragraphs" in again.stderr
    assert load_po(po_path).metadata["X-Editflow-Paragraphs"] == "uk=blank en=lines"
    given = runner.invoke(cli, ["align", str(uk), str(en), "--paragraphs", "blank"])
    assert given.exit_code == 0 and "9 Ukrainian and 2 English paragraphs" in given.stderr
    assert "are single line breaks paragraphs in" in given.stderr
    assert load_po(po_path).metadata["X-Editflow-Paragraphs"] == "uk=blank en=blank"


@pytest.mark.parametrize("case", ["swapped", "same", "russian"])
def test_wrong_languages_exit_2_and_write_nothing(tmp_path: Path, case: str) -> None:
    uk = write(tmp_path / "park.uk.txt", "\n\n".join(ARTICLE_UK))
    en = english(tmp_path)
    ru = write(tmp_path / "park.ru.txt", "\n\n".join(RUSSIAN))
    args = {"swapped": [en, uk], "same": [uk, uk], "russian": [ru, en]}[case]
    def files() -> list[str]:
        return sorted(p.name for p in tmp_path.iterdir())

    before = files()
    result = CliRunner().invoke(cli, ["align", *map(str, args), "-o", str(tmp_path / "out.po")])
    assert result.exit_code == 2, result.output
    assert files() == before
    expected = {"swapped": f"did you mean|give the Ukrainian original first: editflow align {uk} {en}",
                "same": "both inputs are the original", "russian": "is Russian, not Ukrainian"}[case]
    assert any(e in result.stderr for e in expected.split("|"))
    if case == "russian":
        assert f"e.g. editflow align {uk} {en}" in result.stderr  # park.ru.txt → park.uk.txt
    skipped = CliRunner().invoke(cli, ["align", *map(str, args), "-o", str(tmp_path / "out.tsv"),
                                       "--skip-language-check"])
    assert skipped.exit_code == 0, skipped.output


# ---------------------------------------------------------------------------
# Pages by address, from a server on this machine
# ---------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[bytes, str]]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        body, ctype = self.pages.get(self.path, (b"not here", "text/plain"))
        self.send_response(200 if self.path in self.pages or self.path == "/slow" else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.pages = {
        "/uk/park": (page("").encode("cp1251"), "text/html; charset=windows-1251"),
        "/en/park": (("<html><head><meta charset='utf-8'></head><body><article><h1>" + ARTICLE_EN[0] + "</h1>"
                      + "".join(f"<p>{p}</p>" for p in ARTICLE_EN[1:]) + "</article></body></html>").encode(),
                     "text/html"),
        "/slow": (b"<html></html>", "text/html"),
        "/big": (b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>", "text/html"),
        "/photo": (b"\x89PNG", "image/png"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_align_two_addresses(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["align", f"{server}/uk/park", f"{server}/en/park"])
    assert result.exit_code == 0, result.output
    po = load_po(tmp_path / "park.po")
    assert [e.msgid for e in po] == ARTICLE_UK
    assert po.metadata["X-Editflow-Source"] == f"{server}/uk/park"
    assert default_output_for(f"{server}/en/news/park-opens.html") == Path("park-opens.po")


def test_fetch_failures_are_input_errors(server: str) -> None:
    with pytest.raises(InputError, match=r"did not answer within 0\.5 s"):
        fetch(f"{server}/slow", timeout=0.5)
    with pytest.raises(InputError, match="the server answered 404"):
        fetch(f"{server}/missing")
    with pytest.raises(InputError, match=r"is larger than 1 MB"):
        fetch(f"{server}/big", limit=1024 * 1024)
    with pytest.raises(InputError, match=r"is not a web page \(image/png\)"):
        fetch(f"{server}/photo")


def test_offline_and_refused_connections_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="the connection was refused"):
        fetch(f"http://127.0.0.1:{port}/page", timeout=2)

    def no_network(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    result = CliRunner().invoke(cli, ["align", "https://news.example/uk/park", "https://news.example/en/park",
                                      "-o", "x.po"])
    assert result.exit_code == 2
    assert ("https://news.example/uk/park: cannot be reached: the host name could not be looked up (offline?)"
            in result.stderr)


def test_fetch_timeout_option(server: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["align", f"{server}/slow", str(english(tmp_path)), "--fetch-timeout", "0.5",
                                      "-o", str(tmp_path / "x.po")])
    assert result.exit_code == 2 and "did not answer within 0.5 s" in result.stderr
    assert not (tmp_path / "x.po").exists()


# ---------------------------------------------------------------------------
# A project with a saved page as its original
# ---------------------------------------------------------------------------

def test_build_takes_an_html_original(tmp_path: Path) -> None:
    init_project(tmp_path)
    write(tmp_path / "originals" / "park.uk.html", page())
    write(tmp_path / "originals" / "park.uk_files" / "style.css", "p {}")
    english(tmp_path / "translations")
    (articles,) = find_articles(tmp_path)
    assert articles.original == tmp_path / "originals" / "park.uk.html"
    (status,) = build(tmp_path, Settings(root=tmp_path), [], jobs=1)
    assert status.state == "built", status.message
    assert status.pairs == 9
    po = load_po(tmp_path / "translations" / "park.po")
    assert [e.msgid for e in po] == ARTICLE_UK
    assert po.metadata["X-Editflow-Paragraphs"] == "uk=blank en=blank"


def test_build_refuses_an_article_whose_files_hold_the_wrong_languages(tmp_path: Path) -> None:
    init_project(tmp_path)
    write(tmp_path / "originals" / "park.uk.txt", "\n\n".join(ARTICLE_EN))
    english(tmp_path / "translations")
    (status,) = build(tmp_path, Settings(root=tmp_path), [], jobs=1)
    assert status.state == "refused" and "both inputs are the translation" in status.message
    assert not (tmp_path / "translations" / "park.po").exists()


# ---------------------------------------------------------------------------
# A page's links in the publication
# ---------------------------------------------------------------------------

def linked_page(head: str = "") -> str:
    return ('<html><head><meta charset="utf-8">' + head + '</head><body><article>'
            "<h1>Заголовок статті про парк у Полтаві</h1>"
            f"<p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p>"
            '<p>Більше <a href="/news/park">про парк</a>, <a href="//poltava.ua/map">мапа</a>, '
            '<a href="mailto:desk@poltava.ua">редакція</a> і <a href="https://kyiv.ua/x">Київ</a>.</p>'
            "</article></body></html>")


@pytest.mark.parametrize(("head", "url", "expected"), [
    # No address known: a relative link would point nowhere in the publication, so its words stay plain.
    ("", "", 'Більше про парк, <a href="https://poltava.ua/map">мапа</a>, '
             '<a href="mailto:desk@poltava.ua">редакція</a> і <a href="https://kyiv.ua/x">Київ</a>.'),
    # The page's canonical address (or <base>, og:url), or the address it was fetched from, makes it absolute.
    ('<link rel="canonical" href="https://poltava.ua/uk/2025/park">', "",
     'Більше <a href="https://poltava.ua/news/park">про парк</a>, <a href="https://poltava.ua/map">мапа</a>, '
     '<a href="mailto:desk@poltava.ua">редакція</a> і <a href="https://kyiv.ua/x">Київ</a>.'),
    ('<base href="https://poltava.ua/uk/">', "",
     'Більше <a href="https://poltava.ua/news/park">про парк</a>, <a href="https://poltava.ua/map">мапа</a>, '
     '<a href="mailto:desk@poltava.ua">редакція</a> і <a href="https://kyiv.ua/x">Київ</a>.'),
    ("", "http://127.0.0.1:8000/uk/park.html",
     'Більше <a href="http://127.0.0.1:8000/news/park">про парк</a>, <a href="https://poltava.ua/map">мапа</a>, '
     '<a href="mailto:desk@poltava.ua">редакція</a> і <a href="https://kyiv.ua/x">Київ</a>.'),
])
def test_a_pages_relative_links_are_made_absolute_or_dropped(head: str, url: str, expected: str) -> None:
    assert read_page(linked_page(head), url).paragraphs[-1].text == expected


def test_an_mhtml_archive_gives_its_address_to_relative_links(tmp_path: Path) -> None:
    archive = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://poltava.ua/uk/park\r\n"
               "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
               "Content-Type: text/html; charset=utf-8\r\nContent-Location: https://poltava.ua/uk/park\r\n"
               "Content-Transfer-Encoding: 8bit\r\n\r\n" + linked_page() + "\r\n--B--\r\n")
    path = tmp_path / "park.uk.mhtml"
    path.write_bytes(archive.encode("utf-8"))
    assert '<a href="https://poltava.ua/news/park">про парк</a>' in read_document(path, "uk").texts[-1]


def test_a_sites_bold_subheading_and_italic_byline_are_its_style_not_the_authors() -> None:
    html = ('<html><head><meta charset="utf-8"></head><body><article>'
            "<h1><b>Заголовок статті про парк у Полтаві</b></h1>"
            "<p class='byline'><i>Катерина Іваненко, 30 жовтня 2025</i></p>"
            f"<p>{BODY_UK[0]}</p><h2><strong>Що далі</strong></h2>"
            f"<p><i>{BODY_UK[1]}</i></p><p>{BODY_UK[2]} <b>Важливо</b>.</p>"
            "</article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, p.text) for p in paras] == [
        ("title", "Заголовок статті про парк у Полтаві"),
        ("byline", "Катерина Іваненко, 30 жовтня 2025"),
        ("body", BODY_UK[0]),
        ("heading", "Що далі"),
        # In the text, italics over a whole paragraph and bold on a word are the author's: kept.
        ("body", f"<i>{BODY_UK[1]}</i>"),
        ("body", f"{BODY_UK[2]} <b>Важливо</b>."),
    ]


# ---------------------------------------------------------------------------
# Pages trafilatura cannot read alone: an old table layout, furniture after the tags
# ---------------------------------------------------------------------------

def table_layout_page() -> str:
    """A 2000s regional site: three columns of one layout table, no <h1>, the headline a bold <font>,
    the article's paragraphs one <font> run split by <br><br>, a subheading in <b>, everything
    around it (menu, rates, poll, most read, an archive calendar) in cells of the same table."""
    body = "<br><br>\n".join([BODY_UK[0], BODY_UK[1], f"<b>{HEADING_UK}</b>", BODY_UK[2], QUOTE_UK, LAST_UK])
    calendar = "".join(f"<td>{d}</td>" for d in range(1, 15))
    return f"""<html><head><meta charset="utf-8"><title>Вісник :: {TITLE_UK}</title></head><body>
<table width="980"><tr><td colspan="3"><font><a href="/">Головна</a> | <a href="/n">Новини</a> | <a href="/k">Культура</a></font></td></tr>
<tr><td width="180"><table><tr><td>РУБРИКИ</td></tr><tr><td>Курс: USD 41.20 / 41.55</td></tr>
<tr><td><form><b>Чи ходите ви в парки?</b><br><input type="radio"> Так<br><input type="radio"> Ні</form></td></tr></table></td>
<td width="620"><font size="1"><a href="/">Головна</a> &raquo; <a href="/k">Культура</a></font><br><br>
<font size="4"><b>{TITLE_UK}</b></font><br>
<table width="100%"><tr><td><font size="1">{BYLINE_UK}</font></td><td><font size="1">Переглядів: 1254</font></td></tr></table>
<img src="/p.jpg"><br><font size="1"><i>Новий парк над Ворсклою. Фото: Ганна Литвин</i></font><br><br>
<font size="2">{body}<br><br></font>
<table><tr><td><b>Читайте також:</b><br>&#8226; <a href="/a">Інша новина про Полтаву (12.03.2025)</a></td></tr></table>
<font size="1">Поділитися: <a href="https://t.me/share">Telegram</a> <a href="#">Копіювати посилання</a></font><br>
<font size="1"><b>Теги:</b> <a href="/t/1">парк</a>, <a href="/t/2">Полтава</a></font>
<table><tr><td>Коментарі (1)</td></tr><tr><td>Оксана 14.03.2025 18:22</td></tr><tr><td>Дуже гарно вийшло!</td></tr></table>
<font>Щоб залишити коментар, увійдіть. Реєстрація безкоштовна.</font></td>
<td width="180"><table><tr><td>НАЙЧИТАНІШІ</td></tr><tr><td>Реклама на сайті: (0532) 52-44-10</td></tr>
<tr><td>АРХІВ НОВИН</td></tr><tr><td>Березень 2025</td></tr><tr>{calendar}</tr></table></td></tr></table>
</body></html>"""


def test_a_table_layout_page_gives_its_article_with_roles() -> None:
    paras = read_page(table_layout_page()).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", BYLINE_UK), ("body", BODY_UK[0]), ("body", BODY_UK[1]),
        ("heading", HEADING_UK), ("body", BODY_UK[2]), ("body", QUOTE_UK), ("body", LAST_UK)]


def test_what_follows_the_tags_is_not_the_article() -> None:
    """A related-articles section and a donation box after the tag list, in markup whose class
    names say nothing (a server-rendered front end's hashed names), are left out; an editor's
    note after the tags stays."""
    related = "".join(f'<div class="css-k{i}"><a href="/n/{i}"><h3>Інша новина номер {i} про місто</h3></a>'
                      f"<p>Короткий опис іншої новини про місто на кілька слів.</p><div>12 травня 2025</div></div>"
                      for i in range(3))
    html = (f'<html><head><meta charset="utf-8"></head><body><main class="css-1a"><div class="css-2b">'
            f'<h1>{TITLE_UK}</h1><div class="css-3c">{BYLINE_UK}</div>'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + '<div class="css-4d">Теги: <a href="/t/1">#парк</a> <a href="/t/2">#Полтава</a></div>'
            '<section class="css-5e"><p>Підтримайте незалежну журналістику Полтавщини</p>'
            "<p>Ми працюємо щодня, щоб ви знали, що відбувається у громаді, і розповідаємо про це чесно.</p></section>"
            f'<section class="css-6f"><h2>Більше з рубрики «Місто»</h2>{related}</section>'
            f"<p>{NOTE_UK}</p></div></main></body></html>")
    paras = read_page(html).paragraphs
    assert [plain(p.text) for p in paras] == [TITLE_UK, BYLINE_UK, *BODY_UK, LAST_UK, NOTE_UK]
    assert [p.role for p in paras][-1] == "note"


def test_a_drupal_article_promoted_to_the_front_page_is_no_advert() -> None:
    # Drupal marks such an article "node--promoted": its byline is still rescued.
    html = (f'<html><head><meta charset="utf-8"><title>{TITLE_UK} | Вісник</title></head><body>'
            '<div class="region region-content">'
            f'<h1>{TITLE_UK}</h1><div class="node node--type-article node--promoted">'
            f'<div class="node__meta"><div class="node__submitted">Автор: Ганна Литвин | 04.06.2025 - 11:42</div></div>'
            '<div class="field field--name-body">' + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + "</div></div></div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras][:2] == [
        ("title", TITLE_UK), ("byline", "Автор: Ганна Литвин | 04.06.2025 - 11:42")]


def test_the_next_article_an_infinite_scroll_page_loaded_is_not_this_one() -> None:
    """Below the article, its line of hashtags (no "Tags:" label), and the site's next article
    already loaded with its own headline, byline and text: only this article is read. A view
    counter in the byline's box and a caption whose credit has no full stop before it are not text."""
    nxt = ["На вулиці Соборній замінять сто сорок старих ліхтарів на енергоощадні.",
           "Роботи проводитимуть уночі, щоб не заважати руху транспорту в центрі міста."]
    html = (f'<html><head><meta charset="utf-8"><title>{TITLE_UK}</title></head><body><main>'
            f'<article class="article"><header><h1>{TITLE_UK}</h1><div class="article__meta">'
            f'<div>{BYLINE_UK}</div><div>2 418 переглядів 2 коментарів</div></div></header>'
            '<figure><img src="/a.jpg"><figcaption>Оновлений парк над Ворсклою Фото: Полтавська міська рада'
            "</figcaption></figure>"
            '<div class="article__body">' + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK]) + "</div>"
            '<div class="article__topics"><a href="/t/1">#Полтава</a> <a href="/t/2">#парк</a> '
            '<a href="/t/3">#благоустрій</a></div></article>'
            '<div class="next-label">Наступна новина</div>'
            '<article class="article"><header><h1>На Соборній замінять ліхтарі</h1>'
            '<div class="article__meta">Олег Петрук, 2 квітня 2025</div></header>'
            '<div class="article__body">' + "".join(f"<p>{t}</p>" for t in nxt) + "</div></article>"
            "</main></body></html>")
    paras = read_page(html).paragraphs
    assert [plain(p.text) for p in paras] == [TITLE_UK, BYLINE_UK, *BODY_UK, LAST_UK]


def test_a_blogs_name_in_h1_gives_way_to_the_posts_title_the_metadata_names() -> None:
    """Blogger: the blog's name in an <h1> linking home, the post's title in an <h3> (og:title), the
    whole post inside a "date-outer" box (no byline for all that: only the date above the title is),
    a photo's caption in a small "tr-caption" table, a body sentence about photos kept."""
    last = "У музеї показують 40 фото пана Івана з архіву його родини, зроблених у 1970-х роках."
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}">'
            f"<title>Нотатки волонтерки: {TITLE_UK}</title></head><body>"
            '<header><div class="titlewrapper"><h1 class="title"><a href="https://notes.example/">Нотатки волонтерки'
            "</a></h1></div></header>"
            '<div class="date-outer"><h2 class="date-header"><span>4 червня 2025</span></h2>'
            f'<div class="post hentry"><h3 class="post-title entry-title">{TITLE_UK}</h3>'
            '<div class="post-body entry-content">'
            + f'<div>{BODY_UK[0]}<br><br>{BODY_UK[1]}</div>'
            '<table class="tr-caption-container"><tr><td><img src="/a.jpg"></td></tr>'
            '<tr><td class="tr-caption">Новий парк над Ворсклою. Фото автора</td></tr></table>'
            f"<div>{BODY_UK[2]}</div><div>{last}</div></div></div></div>"
            "</body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("byline", "4 червня 2025"), ("title", TITLE_UK), ("body", BODY_UK[0]), ("body", BODY_UK[1]),
        ("body", BODY_UK[2]), ("body", last)]


def _live_blog(first_time: str = "12:40") -> str:
    updates = [("13:10", BODY_UK[2]), (first_time, LAST_UK)]
    entries = "".join(f'<article class="lb-entry"><header><time datetime="2025-06-04T{t}">{t}</time></header>'
                      f'<div class="lb-entry__content"><p>{text}</p></div>'
                      '<footer><button>Поділитися</button></footer></article>' for t, text in updates)
    return (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            '<nav><a href="/">Головна</a> <a href="/n">Новини</a></nav><main><article class="liveblog">'
            f'<div class="lb-header"><h1>{TITLE_UK}</h1>'
            f'<div class="lb-byline">Ганна Литвин · 4 червня 2025 · 10:05</div><p class="lb-intro">{BODY_UK[0]}</p>'
            f"</div><p>{BODY_UK[1]}</p>"
            f'<div class="lb-feed">{entries}</div></article></main><footer>© 2025 Вісник</footer></body></html>')


def test_a_live_blogs_update_times_head_their_updates() -> None:
    paras = read_page(_live_blog()).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Ганна Литвин · 4 червня 2025 · 10:05"), ("body", BODY_UK[0]),
        ("body", BODY_UK[1]), ("heading", "13:10"), ("body", BODY_UK[2]), ("heading", "12:40"), ("body", LAST_UK)]
    # A time with its date, or with am/pm, is a time line too.
    assert ("heading", "4 червня, 12:40") in [(p.role, p.text) for p in read_page(_live_blog("4 червня, 12:40")).paragraphs]


def test_a_photo_gallery_and_attached_files_after_the_text_are_left_out() -> None:
    """A council portal: under the text a photo gallery and a list of attached documents, each with
    its own subheading; the files' links are no text of the article, and the headings head nothing."""
    docs = ('<li><a href="https://rada.example/docs/rishennia.pdf">Рішення про зміни до бюджету громади на 2025 рік'
            '</a></li><li><a href="https://rada.example/docs/dodatky">Додатки 1–7 до рішення</a> '
            "<small>(XLSX, 384 КБ)</small></li>")
    html = (f'<html><head><meta charset="utf-8"></head><body><div class="container"><div class="news-item">'
            f"<h1>{TITLE_UK}</h1>" + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + '<div class="news-gallery"><h2 class="h5">Фотогалерея</h2><div class="row">'
            + "".join(f'<div class="col"><a href="/g/{i}.jpg"><img src="/g/{i}.jpg"></a></div>' for i in range(4))
            + f'</div></div><div class="news-docs"><h2 class="h5">Документи до новини</h2><ul>{docs}</ul></div>'
            "</div></div></body></html>")
    paras = read_page(html).paragraphs
    assert [plain(p.text) for p in paras] == [TITLE_UK, *BODY_UK, LAST_UK]


def test_a_site_builder_page_with_no_semantic_markup() -> None:
    """A Tilda-like page: no <h1> (the headline a <div> the metadata names), the byline, the date and
    the photo credit each a <div>, a subheading in a "t-title" box, a quote's attribution under it,
    then a bare "Read also" label, a newsletter box and a cookie notice in boxes that say nothing."""
    box = '<div class="t-rec"><div class="t-container"><div class="t-col">{}</div></div></div>'
    credit_uk = "Фото: Сергій Мельник"
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            + box.format('<div class="tn-atom">КУЛЬТУРА · ВИСТАВКИ</div>')
            + box.format(f'<div class="tn-atom">{TITLE_UK}</div><div class="tn-atom">Текст: Дарина Чорновол</div>'
                         f'<div class="tn-atom">20 березня 2025</div><div class="tn-atom">{credit_uk}</div>')
            + box.format(f'<div class="t-text">{BODY_UK[0]}<br><br>{BODY_UK[1]}</div>')
            + box.format(f'<div class="t017__title t-title"><div style="font-size:28px">{HEADING_UK}</div></div>')
            + box.format(f'<div class="t-text">{BODY_UK[2]}</div>')
            + box.format(f'<blockquote class="t065__text">{QUOTE_UK}</blockquote>'
                         '<div class="t065__author t-descr">— Ірина Мороз, архітекторка</div>')
            + box.format(f'<div class="t-text">{LAST_UK}</div>')
            + box.format('<div class="t-section__title t-title">Читайте також</div>'
                         '<a href="/a"><div class="t-name">Інша новина про парк</div></a>')
            + box.format('<div class="t-title">Розсилка «Вісника»</div>'
                         '<div class="t-descr">Раз на тиждень — найкращі тексти про місто. Без спаму.</div>')
            + box.format('<div class="t886__text">Ми використовуємо cookie, щоб сайт працював краще.</div>')
            + "</body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Текст: Дарина Чорновол"), ("byline", "20 березня 2025"),
        ("body", BODY_UK[0]), ("body", BODY_UK[1]), ("heading", HEADING_UK), ("body", BODY_UK[2]),
        ("quote", QUOTE_UK), ("quote", "— Ірина Мороз, архітекторка"), ("body", LAST_UK)]


def test_a_newsletter_platform_post_with_its_standfirst_author_link_and_questions() -> None:
    """A Substack-like post: the whole article in a "newsletter-post" box, the standfirst an <h3>, the
    author a link to /@name and the date on lines of their own, bold interview questions (body, not
    subheadings), a reading time, a view counter and the editors' note on the interview."""
    question = "Скільки пацієнтів припадає на одного лікаря?"
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            '<article class="typography newsletter-post post"><div class="post-header">'
            f'<h1 class="post-title">{TITLE_UK}</h1>'
            f'<h3 class="subtitle">{BODY_UK[0]} Ми поговорили про черги, телемедицину та генератор.</h3>'
            '<div class="byline-wrap"><div class="meta-x1"><a href="https://notes.example/@hannalytvyn">Ганна Литвин'
            '</a></div><div class="meta-x1">4 червня 2025</div><div class="meta-x2">6 хв читання</div>'
            '<div class="ufi"><div>47</div><div>3</div><button>Поділитися</button></div></div></div>'
            f'<div class="body markup"><p>{BODY_UK[1]}</p><p><strong>{question}</strong></p><p>{BODY_UK[2]}</p>'
            f"<p>{LAST_UK}</p><p>Інтерв’ю скорочене та відредаговане.</p></div></article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("body", f"{BODY_UK[0]} Ми поговорили про черги, телемедицину та генератор."),
        ("byline", "Ганна Литвин"), ("byline", "4 червня 2025"), ("body", BODY_UK[1]), ("body", question),
        ("body", BODY_UK[2]), ("body", LAST_UK), ("note", "Інтерв’ю скорочене та відредаговане.")]


def test_bylines_above_the_headline_and_a_meta_box_of_counters() -> None:
    """A blog that sets the date and "Updated: …" above the headline (a reading time between), and a
    portal whose meta box holds the date, view and comment counters and the author: the bylines
    are kept, the counters and the reading time left out, a row of bullets is no text."""
    above = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
             '<div class="hdr"><p>Агро Волинь</p></div><div class="post"><ul class="meta"><li>15 лип. 2025 р.</li>'
             "<li>Оновлено: 16 лип. 2025 р.</li><li>3 хв читання</li></ul>"
             f"<h1>{TITLE_UK}</h1>" + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
             + '<div class="dots"><span>•</span></div></div></body></html>')
    paras = read_page(above).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("byline", "15 лип. 2025 р."), ("byline", "Оновлено: 16 лип. 2025 р."), ("title", TITLE_UK),
        *[("body", t) for t in [*BODY_UK, LAST_UK]]]
    box = (f'<html><head><meta charset="utf-8"></head><body><div id="dle-content"><div class="full-story">'
           f'<h1>{TITLE_UK}</h1><div class="fullstory-info"><span class="fi-date">14-03-2025, 10:42</span> '
           '<span class="fi-views">1 284</span> <span class="fi-comm">3</span> '
           '<span class="fi-author"><a href="https://site.example/user/Olena/">Олена Кравчук</a></span></div>'
           '<div class="full-text">' + "<br><br>".join([*BODY_UK, LAST_UK]) + "</div></div></div></body></html>")
    paras = read_page(box).paragraphs
    assert [(p.role, plain(p.text)) for p in paras][:3] == [
        ("title", TITLE_UK), ("byline", "14-03-2025, 10:42 Олена Кравчук"), ("body", BODY_UK[0])]


def test_an_old_site_builders_article_ends_at_its_details_line_and_its_signature_is_a_byline() -> None:
    """uCoz: the author's name alone in bold after the text is the byline, the editors' note stays,
    and the details line ("Category: … | Views: … | Tags: …") ends the article: the comment count,
    the poll and the site's friends after it are not read."""
    html = (f'<html><head><meta charset="utf-8"></head><body><table><tr><td class="eTitle"><h1>{TITLE_UK}</h1></td>'
            '<td>18.03.2025, 11:32</td></tr><tr><td class="eMessage" colspan="2">'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + f'<p style="text-align:right"><strong>Ігор САВЧУК</strong></p><p>{NOTE_UK}</p></td></tr>'
            '<tr><td class="eDetails">Категорія: Кримінал | Переглядів: 412 | Додав: admin | Теги: суд</td></tr>'
            "</table><table><tr><td>Всього коментарів: 0</td></tr><tr><td>Наше опитування</td></tr>"
            "<tr><td>Як ви оцінюєте дороги в районі? Добре, погано, жахливо.</td></tr>"
            "<tr><td>Друзі сайту</td></tr></table></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras][-3:] == [
        ("body", LAST_UK), ("byline", "Ігор САВЧУК"), ("note", NOTE_UK)]
    assert "Всього коментарів: 0" not in [plain(p.text) for p in paras]


def test_reader_view_credits_and_reading_time() -> None:
    html = (f'<html><head><meta charset="utf-8"></head><body><div class="container"><div class="header reader-header">'
            '<a class="domain reader-domain">site.ua</a>'
            f'<h1 class="reader-title">{TITLE_UK}</h1><div class="credits reader-credits">Христина Паламарчук</div>'
            '<div class="meta-data"><div class="reader-estimated-time">5–6 хвилин</div></div></div><hr>'
            '<div class="content"><div class="moz-reader-content">'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK]) + "</div></div></div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras][:3] == [
        ("title", TITLE_UK), ("byline", "Христина Паламарчук"), ("body", BODY_UK[0])]
    assert "5–6 хвилин" not in [plain(p.text) for p in paras]


def test_a_tweet_embed_a_back_link_and_a_closing_author_line() -> None:
    """An embedded tweet is the network's text, not a quote of the article; "← All posts" is a link
    back; "Автор: …" closing the text is its byline; a last paragraph set as a <div> beside the
    article's <p>s is text; the byline row keeps its "|" separators (elements of their own) and
    leaves out the reading time."""
    tweet = ('<blockquote class="twitter-tweet"><p lang="uk">Ми вдома! Арена знову відкрита. Чекаємо на вас '
             'у суботу о 17:00 на першому матчі сезону.</p>— ХК Сіверяни (@siveriany_hc) '
             '<a href="https://twitter.com/siveriany_hc/status/1">16 березня 2025 р.</a></blockquote>')
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            '<a class="back" href="/blog">← Усі статті блогу</a><article class="post">'
            f'<h1>{TITLE_UK}</h1><div class="post-meta"><span>Автор: Олег Кравчук</span><span class="sep"> | </span>'
            '<span>17.03.2025 13:45</span><span class="sep"> | </span><span class="post-meta__readtime">2 хв</span></div>'
            f'<div class="post-body"><p>{BODY_UK[0]}</p>{tweet}<p>{BODY_UK[1]}</p><p>{BODY_UK[2]}</p>'
            f"<div>{LAST_UK} Ми й надалі стежитимемо за роботою парку та розповімо про нові об’єкти.</div></div>"
            "<p>Автор: Ганна Литвин</p></article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Автор: Олег Кравчук | 17.03.2025 13:45"), ("body", BODY_UK[0]),
        ("body", BODY_UK[1]), ("body", BODY_UK[2]),
        ("body", f"{LAST_UK} Ми й надалі стежитимемо за роботою парку та розповімо про нові об’єкти."),
        ("byline", "Автор: Ганна Литвин")]


def test_a_document_published_from_google_docs() -> None:
    """Its title is a paragraph styled "title" (its <h1>s are sections), the subtitle a standfirst."""
    subtitle = "Графіки відключень у районі діятимуть щонайменше до кінця тижня, попереджають в обленерго"
    html = ('<html><head><meta charset="utf-8"><meta property="og:title" content="Парк_фінал"></head><body>'
            '<div id="banners"><div>Published using Google Docs</div><div>Updated automatically every 5 minutes</div>'
            f'</div><div id="contents"><p class="c14 title"><span class="c2">{TITLE_UK}</span></p>'
            f'<p class="c15 subtitle"><span class="c17">{subtitle}</span></p>'
            f'<p class="c3"><span>{BYLINE_UK}</span></p><h1 class="c5" id="h.1"><span>{HEADING_UK}</span></h1>'
            + "".join(f'<p class="c3"><span class="c1">{t}</span></p>' for t in [*BODY_UK, LAST_UK])
            + "</div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("body", subtitle), ("byline", BYLINE_UK), ("heading", HEADING_UK),
        *[("body", t) for t in [*BODY_UK, LAST_UK]]]


def test_a_wiki_article_a_newsletter_issue_and_a_journal_post() -> None:
    """A wiki: "[edit]" links beside the headings are not read, the date in bold under the headline is
    the byline, the "Sources" list ends the text.  A newsletter: "Also in this issue" ends the lead
    story, a long copyright line is furniture.  A journal: the post's title links to the post, the
    journal's name is the <h1>; "Текст і фото: …" is a byline, not a photo's credit."""
    edit = '<span class="mw-editsection">[<a href="?action=edit">ред.</a>]</span>'
    wiki = (f'<html><head><meta charset="utf-8"><title>{TITLE_UK} — Вікіновини</title></head><body>'
            f'<h1 id="firstHeading">{TITLE_UK}</h1><div id="mw-content-text"><div class="mw-parser-output">'
            f"<p><b>Понеділок, 17 березня 2025</b></p><p>{BODY_UK[0]}</p><h2>{HEADING_UK}{edit}</h2>"
            f"<p>{BODY_UK[1]}</p><h2>Джерела{edit}</h2><ul><li>Ганна Федорук. «Парк над Ворсклою» — Полтавський "
            "вісник, 16 березня 2025</li></ul></div></div></body></html>")
    assert [(p.role, plain(p.text)) for p in read_page(wiki).paragraphs] == [
        ("title", TITLE_UK), ("byline", "Понеділок, 17 березня 2025"), ("body", BODY_UK[0]),
        ("heading", HEADING_UK), ("body", BODY_UK[1])]
    issue = (f'<html><head><meta charset="utf-8"><title>{TITLE_UK}</title></head><body><table><tr><td>'
             f'<h1>{TITLE_UK}</h1>' + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
             + "<h2>Також у випуску</h2><p>Водоканал попереджає про ремонт мереж у Ворзелі з 17 по 19 березня.</p>"
             "<p>Copyright © 2025 Приірпіння, All rights reserved. Ви отримали цей лист, бо підписалися на "
             "розсилку на нашому сайті. Наша адреса: вул. Університетська, 2, Ірпінь.</p></td></tr></table></body></html>")
    assert [plain(p.text) for p in read_page(issue).paragraphs] == [TITLE_UK, *BODY_UK, LAST_UK]
    journal = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
               '<div class="header"><h1>Волинь зблизька</h1></div><div class="entry">'
               f'<h3 class="entry-title"><a href="https://kozak.example/48213.html">{TITLE_UK}</a></h3>'
               '<div class="entry-content"><div>Текст і фото: Іван Козак</div>'
               + "<br><br>".join([*BODY_UK, LAST_UK]) + "</div></div></body></html>")
    assert [(p.role, plain(p.text)) for p in read_page(journal).paragraphs][:3] == [
        ("title", TITLE_UK), ("byline", "Текст і фото: Іван Козак"), ("body", BODY_UK[0])]


def test_a_print_pages_address_line_goes_and_a_source_line_stays() -> None:
    page = (f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE_UK}</h1>'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + "<p>{}</p></body></html>")
    texts = [plain(p.text) for p in read_page(page.format("Джерело: https://visnyk.example/news/28417.html")).paragraphs]
    assert texts == [TITLE_UK, *BODY_UK, LAST_UK]
    texts = [plain(p.text) for p in read_page(page.format("Джерело: пресслужба Полтавської міської ради")).paragraphs]
    assert texts[-1] == "Джерело: пресслужба Полтавської міської ради"


def test_a_byline_after_the_standfirst_a_utility_class_page_and_a_scoreboard() -> None:
    """Tailwind: a "[&_blockquote]:italic" class on the text's box makes nothing a quote; the byline
    comes after the standfirst, its "·" an aria-hidden element (hidden from screen readers, seen by
    everyone else); a match's scoreboard and the category chip in the meta row are no text."""
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            f'<main><article class="mx-auto max-w-3xl"><h1 class="text-3xl font-bold">{TITLE_UK}</h1>'
            '<div class="mt-2 text-sm"><a href="/sport">Футзал</a><time>21 квітня 2025, 22:10</time><span>5 412</span></div>'
            '<div class="score">Фінал Кубка України · Луцьк</div><div class="score">Енергія (Харків)4 : 3Атлант (Київ)</div>'
            f'<p class="lead text-lg">{BODY_UK[0]}</p>'
            '<div class="flex"><a href="/authors/hanna-lytvyn/">Ганна Литвин</a> <span aria-hidden="true">·</span> '
            '<time>9 квітня 2025</time></div>'
            '<div class="prose [&_blockquote]:italic [&_blockquote]:border-l-4">'
            + "".join(f"<p>{t}</p>" for t in [BODY_UK[1], BODY_UK[2], LAST_UK]) + "</div></article></main></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "21 квітня 2025, 22:10"), ("body", BODY_UK[0]),
        ("byline", "Ганна Литвин · 9 квітня 2025"), ("body", BODY_UK[1]), ("body", BODY_UK[2]), ("body", LAST_UK)]


def test_a_page_inside_a_page_wide_form_and_a_wire_page_trafilatura_cannot_read() -> None:
    """ASP.NET wraps the page in a <form>: that is no form furniture.  The byline row's "Views: 2417"
    goes, and so do "Spotted a mistake? … Ctrl+Enter" and "Other news in this section" with what
    follows.  A news agency's page of ids, its text one <span> split by <br><br>: read where
    trafilatura finds nothing but the footer, "All rights to the materials …" left out."""
    text = "<br><br>".join([*BODY_UK, LAST_UK])
    aspx = (f'<html><head><meta charset="utf-8"></head><body><form id="aspnetForm" method="post">'
            '<div id="menu"><a href="/">Головна</a> <a href="/n">Новини</a></div>'
            f'<h1>{TITLE_UK}</h1><div class="newsInfo"><span id="lblAuthor">Марія Савчук</span> | '
            '<span id="lblDate">17.02.2025, 09:15</span> &nbsp; <span class="views">Переглядів: <span>2417</span></span></div>'
            f'<span id="lblText">{text}</span><div>Помітили помилку? Виділіть текст і натисніть Ctrl+Enter</div>'
            '<div>Інші новини розділу</div><ul><li><a href="/1">15.02.2025 Амбулаторію відкрили після ремонту</a></li>'
            "</ul>" + "".join(f"<div>Коментар читача номер {i}: дуже добре, що лікарню нарешті відремонтували.</div>"
                              for i in range(3))
            + "</form></body></html>")
    paras = read_page(aspx).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Марія Савчук | 17.02.2025, 09:15"), *[("body", t) for t in [*BODY_UK, LAST_UK]]]
    wire = (f'<html><head><meta charset="utf-8"></head><body><div id="feed"><div>Стрічка новин</div>'
            + "".join(f'<li><a href="/n/{i}">14:{i}7 Інша новина агентства номер {i}</a></li>' for i in range(6))
            + f'</div><div id="date">12 серпня 2025, 14:37</div><h1 id="title">{TITLE_UK}</h1>'
            f'<div id="text">{text}<br><br>Автор: Сергій Ковтун</div>'
            '<div id="copy">Усі права на матеріали належать агентству «Регіон-Прес». Використання матеріалів дозволено '
            "лише з гіперпосиланням на агентство, не нижче першого абзацу.</div></body></html>")
    texts = [plain(p.text) for p in read_page(wire).paragraphs]
    assert texts[texts.index(TITLE_UK):] == [TITLE_UK, *BODY_UK, LAST_UK, "Автор: Сергій Ковтун"]


def test_an_authors_bio_and_a_newsletter_box_after_the_text() -> None:
    html = (f'<html><head><meta charset="utf-8"></head><body><article><h1>{TITLE_UK}</h1>'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + '<div class="mt-8 flex"><div><a href="/avtory/andrii-sobko">Андрій Собко</a>'
            "<p>Пише про стартапи, зв’язок і кібербезпеку. До редакції працював розробником у фінтех-компанії.</p>"
            "</div></div><div class='box'><p>Щоп’ятниці — головне з українського техносвіту</p>"
            "<p>Одна розсилка на тиждень, без спаму. Можна відписатися будь-коли.</p></div></article></body></html>")
    texts = [plain(p.text) for p in read_page(html).paragraphs]
    assert texts[:5] == [TITLE_UK, *BODY_UK, LAST_UK]
    assert not any(t.startswith(("Пише про", "Одна розсилка")) for t in texts)


def test_a_pull_quote_a_byline_in_two_boxes_and_an_investigations_sources() -> None:
    """A pull quote in an <aside> repeats a sentence of the text: read once.  The byline's name in a
    box of its own and "| date" after it are one row.  An investigation's list of its sources in
    words, its funding note and "Матеріал підготувала …" at the end are the article's."""
    sources = ["Дані системи Prozorro, закупівлі за 2021–2023 роки.",
               "Відповідь міської ради на інформаційний запит редакції від 3 жовтня 2024 року."]
    html = (f'<html><head><meta charset="utf-8"></head><body><article><h1>{TITLE_UK}</h1>'
            '<div class="meta"><div class="b-byline"><span>Автор: <a href="/people/hanna/">Ганна Литвин</a></span></div>'
            '<span class="sep" aria-hidden="true">|</span> <time>3 вересня 2025</time></div>'
            f"<p>{BODY_UK[0]}</p><p>«У шпиталі я думав про одне: хочу знову місити тісто», — каже він. {BODY_UK[1]}</p>"
            '<aside class="b-pull-quote"><p>У шпиталі я думав про одне: хочу знову місити тісто</p></aside>'
            f"<p>{BODY_UK[2]}</p><p>{LAST_UK}</p><h2>Джерела</h2>" + "".join(f"<p>{t}</p>" for t in sources)
            + "<p>Розслідування підготовлене в межах проєкту «Прозорі громади» за підтримки фонду.</p>"
            "<p>Матеріал підготувала Ірина Гордієнко · 28 вересня 2024</p></article>"
            "<div class='tags'>Теги: закупівлі, школи</div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Автор: Ганна Литвин | 3 вересня 2025"), ("body", BODY_UK[0]),
        ("body", f"«У шпиталі я думав про одне: хочу знову місити тісто», — каже він. {BODY_UK[1]}"),
        ("body", BODY_UK[2]), ("body", LAST_UK), ("heading", "Джерела"), *[("body", t) for t in sources],
        ("note", "Розслідування підготовлене в межах проєкту «Прозорі громади» за підтримки фонду."),
        ("byline", "Матеріал підготувала Ірина Гордієнко · 28 вересня 2024")]


def test_an_old_regional_sites_table_cell_with_the_date_and_headline_run_together() -> None:
    """The date and the headline in one cell split by one <br> (the <title> names the headline), the
    text split by <br><br>, the author in bold after it; a row of furniture links, the comments and
    the ad line after it are not read."""
    text = "<br><br>".join([*BODY_UK, LAST_UK])
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f"<title>{TITLE_UK} - Вербицький вісник</title></head><body><table><tr><td>"
            '<a href="/">Головна</a> | <a href="/n">Новини</a></td></tr><tr><td>'
            f'<font size="1">15.03.2025</font><br><font size="4"><b>{TITLE_UK}</b></font></td></tr>'
            f"<tr><td>{text}</td></tr><tr><td><div><b>Василь ТКАЧУК</b></div></td></tr>"
            "<tr><td>Переглядів: 1032 | Версія для друку | Надіслати другу</td></tr><tr><td>Коментарі (1):</td></tr>"
            "<tr><td>Галина 15.03.2025 11:02<br>Молодці! Чекаємо вас у Вишнях, у нас клуб згорів ще навесні.</td></tr>"
            "<tr><td><center>Реклама на сайті – тел. 2-14-87</center></td></tr></table></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("byline", "15.03.2025"), ("title", TITLE_UK), *[("body", t) for t in [*BODY_UK, LAST_UK]],
        ("byline", "Василь ТКАЧУК")]


def test_a_city_portals_meta_row_a_lead_outside_the_text_box_and_closing_lines() -> None:
    """A meta row of plain text with a date is the byline as it reads; the lead set apart before the
    photo is text; "Ірина Коваль, фото автора" closing the text is the byline and "Джерело: …" text."""
    html = (f'<html><head><meta charset="utf-8"></head><body><div class="news"><h1>{TITLE_UK}</h1>'
            '<div class="meta">Новини | 14.03.2025 09:31 | Переглядів: 411</div>'
            f'<div>{BODY_UK[0]} Роботи тривали два роки й коштували громаді понад сорок мільйонів гривень.</div>'
            '<div class="photo">Оновлений парк. Фото: Ірина Коваль</div>'
            + "".join(f"<p>{t}</p>" for t in [BODY_UK[1], BODY_UK[2], LAST_UK])
            + "<p>Джерело: пресслужба Полтавської ОВА</p><p>Ірина Коваль, фото автора</p></div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Новини | 14.03.2025 09:31 | Переглядів: 411"),
        ("body", f"{BODY_UK[0]} Роботи тривали два роки й коштували громаді понад сорок мільйонів гривень."),
        ("body", BODY_UK[1]), ("body", BODY_UK[2]), ("body", LAST_UK),
        ("body", "Джерело: пресслужба Полтавської ОВА"), ("byline", "Ірина Коваль, фото автора")]


def test_a_key_points_box_a_listen_player_and_a_discussion_after_the_text() -> None:
    """The "Головне коротко" box's label is a heading and its bullets text (also in a role="note"
    box); "Слухати · 6:05", "Читати 6 хв 5,2 тис.", "Партнерський матеріал", a bare row of counters
    ("2 1146") are furniture; "Про автора" and "Обговорення 3" end the text."""
    html = (f'<html><head><meta charset="utf-8"><meta property="og:title" content="{TITLE_UK}"></head><body>'
            f'<article><h1>{TITLE_UK}</h1><div class="meta">Ганна Литвин | 9 квітня 2025</div>'
            '<div class="player">Слухати · 6:05</div><div class="stats">Читати 6 хв 5,2 тис.</div>'
            '<div class="likes"><span>2</span> <span>1146</span></div>'
            '<section class="kp"><div class="kp-title">Головне коротко</div><ul role="note">'
            "<li>Парк відкрили після двох років реконструкції.</li><li>Роботи коштували 48 мільйонів гривень.</li>"
            "</ul></section>" + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + '<div class="partner">Партнерський матеріал</div>'
            "<h3>Про автора</h3><p>Кореспондентка відділу «Суспільство». Пише про медицину й соціальні послуги вже десять років.</p>"
            "<h3>Обговорення 3</h3><p>Нарешті хоч щось роблять, а не тільки обіцяють, подивимось, як воно буде взимку.</p>"
            "</article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Ганна Литвин | 9 квітня 2025"), ("heading", "Головне коротко"),
        ("body", "Парк відкрили після двох років реконструкції."), ("body", "Роботи коштували 48 мільйонів гривень."),
        *[("body", t) for t in [*BODY_UK, LAST_UK]]]


def test_a_statement_quoted_in_full_a_list_in_the_text_and_a_signature_after_the_note() -> None:
    """trafilatura keeps only the quoted statement (a <blockquote>) of a page whose own paragraphs
    are <div>s: the page's text is read around it, the sentence that introduces it (a colon) too.
    A list's items inside the text are text; the author's signature after the editors' note is the
    byline; "Теги …" without a colon and a reuse notice end the text."""
    statement = ["Комісія висловлює занепокоєння фінансовим станом водоканалів у громадах області та на півдні.",
                 "Комісія закликає органи місцевого самоврядування переглянути чинні тарифи до першого травня."]
    team = ["Денис Кравець — капітан і програміст;", "Софія Онищенко — система комп'ютерного зору."]
    html = (f'<html><head><meta charset="utf-8"></head><body><div class="page"><h1>{TITLE_UK}</h1>'
            '<div class="by">Назар Ткачук | 03.03.2025 16:05</div>'
            f'<div class="pg-p">{BODY_UK[0]}</div>'
            '<div class="pg-p">Комісія вимагає від місцевих рад переглянути тарифи до першого травня, ось повний текст заяви:</div>'
            "<blockquote>" + "".join(f"<p>{t}</p>" for t in statement) + "</blockquote>"
            f'<div class="pg-p">{BODY_UK[1]}</div><div class="pg-p">До команди входять:</div>'
            "<ul>" + "".join(f"<li>{t}</li>" for t in team) + f'</ul><div class="pg-p">{BODY_UK[2]}</div>'
            f'<div class="pg-p">{NOTE_UK}</div><div class="nauthor"><b>Олег Даниленко</b>, 03.03.2025</div>'
            '<div class="t">Теги тарифи, водоканали, громади</div>'
            "<div>При використанні матеріалів посилання на «Вісник» обов'язкове.</div></div></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Назар Ткачук | 03.03.2025 16:05"), ("body", BODY_UK[0]),
        ("body", "Комісія вимагає від місцевих рад переглянути тарифи до першого травня, ось повний текст заяви:"),
        *[("quote", t) for t in statement], ("body", BODY_UK[1]), ("body", "До команди входять:"),
        *[("body", t) for t in team], ("body", BODY_UK[2]), ("note", NOTE_UK), ("byline", "Олег Даниленко, 03.03.2025")]


def test_a_wire_story_and_a_byline_row_with_counters_in_spans() -> None:
    """"By … and … | date time" is a byline; "(Reporting by …; Editing by …)" closing a wire story is
    one too; counters set as spans of their own leave the row ("<b>Name</b> | date <span>Views:
    1532</span>"); a photo credited "courtesy of …" and "If you spot a mistake …" are furniture."""
    html = (f'<html><head><meta charset="utf-8"></head><body><article><h1>{TITLE_UK}</h1>'
            '<div class="ninfo"><b>Петро Савчук</b> | 12.03.2025 10:15 <span class="v">&nbsp;Переглядів: 1532</span> '
            '<span class="c">Коментарів: 12</span></div>'
            + "".join(f"<p>{t}</p>" for t in [*BODY_UK, LAST_UK])
            + "<p>The park on the Vorskla at dawn. Photo courtesy of the Poltava City Council.</p>"
            "<p>(Reporting by Olena Marchuk in Kyiv and Tom Reyes in Bucharest; Editing by Anna Kowalska)</p>"
            "<div>If you spot a mistake, select it and press Ctrl+Enter</div></article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras] == [
        ("title", TITLE_UK), ("byline", "Петро Савчук | 12.03.2025 10:15"), *[("body", t) for t in [*BODY_UK, LAST_UK]],
        ("byline", "(Reporting by Olena Marchuk in Kyiv and Tom Reyes in Bucharest; Editing by Anna Kowalska)")]


def test_a_caption_set_as_an_inline_span_beside_its_photo_is_not_text() -> None:
    """An old CMS's photo box: <img>, <br> and the caption in a <span class="nimg-cap">, with no
    credit or "Photo" in its words; a box whose class only starts with "cap" ("capital-news") is text."""
    caption = "A view of the park from the river, as the design shows it"
    html = ('<html><head><meta charset="utf-8"></head><body><div class="content">'
            f"<h1>{TITLE_UK}</h1><p>{BODY_UK[0]}</p>"
            f'<div class="nimg"><img src="/a.jpg" alt=""><br><span class="nimg-cap">{caption}</span></div>'
            f'<p>{BODY_UK[1]}</p><div class="capital-news">{BODY_UK[2]}</div></div></body></html>')
    texts = [plain(p.text) for p in read_page(html).paragraphs]
    assert caption not in texts
    assert texts == [TITLE_UK, BODY_UK[0], BODY_UK[1], BODY_UK[2]]


def test_a_partners_box_after_the_text_is_furniture_and_a_partnership_story_is_not() -> None:
    """An NGO's report page: a "partners" section (heading, "made possible with support from:", logos)
    after the text is left out as a sponsors' box; a box whose class is "partnership" is text."""
    html = ('<html><head><meta charset="utf-8"></head><body>'
            f'<section class="hero"><h1>{TITLE_UK}</h1></section><section class="report-main">'
            f'<div class="report-text"><p>{BODY_UK[0]}</p><div class="partnership">{BODY_UK[1]}</div>'
            f"<p>{BODY_UK[2]}</p><p>{LAST_UK}</p></div></section>"
            '<section class="partners container"><h2>Research partners</h2>'
            '<p class="partners__intro">This research was made possible with support from:</p>'
            '<div class="partners__logos"><a href="#"><img src="/fund.png" alt="Fund"></a></div></section>'
            "</body></html>")
    texts = [plain(p.text) for p in read_page(html).paragraphs]
    assert texts == [TITLE_UK, BODY_UK[0], BODY_UK[1], BODY_UK[2], LAST_UK]


def test_a_more_news_label_over_a_list_of_links_ends_the_text() -> None:
    """A parliament site's table layout: under the text, "Інші новини Комітету" over dated links, then
    the right column's announcements, which trafilatura keeps as text; the label ends the article.
    The same words in a sentence of the text end nothing."""
    sentence = "Інші новини комітету з питань бюджету депутати обговорять наступного тижня."
    rows = "".join(f'<tr><td class="d">2{k}.03.2025</td><td><a href="/n/{k}">Новина комітету номер {k} про засідання'
                   "</a></td></tr>" for k in range(5))
    html = ('<html><head><meta charset="utf-8"></head><body><table><tr><td valign="top">'
            f'<span class="news_title">{TITLE_UK}</span><br><p>{BODY_UK[0]}</p><p>{sentence}</p>'
            f"<p>{BODY_UK[1]}</p><p>{BODY_UK[2]}</p>"
            f'<table><tr><td><b>Інші новини Комітету</b></td></tr></table><table>{rows}</table></td>'
            '<td valign="top"><table><tr><td><b>Анонси</b></td></tr><tr><td>26.03.2025 10:00</td></tr>'
            "<tr><td>Пленарне засідання</td></tr><tr><td>27.03.2025 11:00</td></tr>"
            "<tr><td>Парламентські слухання щодо освіти дорослих</td></tr></table></td></tr></table></body></html>")
    texts = [plain(p.text) for p in read_page(html).paragraphs]
    assert "Інші новини Комітету" not in texts and "Анонси" not in texts and "Пленарне засідання" not in texts
    assert texts[-4:] == [BODY_UK[0], sentence, BODY_UK[1], BODY_UK[2]]


def test_a_byline_rows_view_counter_goes_though_the_source_breaks_the_row_into_lines() -> None:
    """WordPress writes a meta row's items on lines of their own in the source: the row is still one
    line on the page, and its "1 034 views" counter goes; the author is an office, not a person's name."""
    html = ('<html><head><meta charset="utf-8"></head><body><article><header>'
            f'<h1 class="entry-title">{TITLE_UK}</h1>\n<div class="entry-meta">\n\t<span class="posted-on">'
            '<time datetime="2025-04-07">7 квітня 2025</time></span> · <span class="byline"><a href="/author/k/">'
            "Сектор комунікації поліції області</a></span>\n\t"
            '<span class="post-views-count"><span class="dashicons"></span> 1\u00a0034 переглядів</span>\n</div>'
            f'</header><div class="entry-content"><p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p><p>{BODY_UK[2]}</p>'
            "</div></article></body></html>")
    paras = read_page(html).paragraphs
    assert [(p.role, plain(p.text)) for p in paras][:2] == [
        ("title", TITLE_UK), ("byline", "7 квітня 2025 · Сектор комунікації поліції області")]


def test_the_line_under_an_embedded_telegram_post_is_not_text() -> None:
    """An administration's site embeds its Telegram post mid-text (the widget's script and frame) with a
    line under it; a short paragraph of the text next to a photo is kept."""
    html = ('<html><head><meta charset="utf-8"></head><body><main><h1>Water supply restored in the town</h1>'
            '<div class="meta"><time>3 April 2025, 12:47</time> <span>•</span> <span>RMA Communications Department'
            '</span></div><article class="prose">'
            f"<p>{ARTICLE_EN[2]}</p><p>{ARTICLE_EN[3]}</p>"
            '<div class="not-prose my-8" data-embed="telegram"><script async src="https://telegram.org/js/'
            'telegram-widget.js?22" data-telegram-post="rma/18452"></script><iframe src="https://t.me/rma/18452?'
            'embed=1"></iframe><p class="text-xs">Post on the RMA Telegram channel · <a href="https://t.me/rma/18452">'
            "Open in Telegram</a></p></div>"
            f'<div class="photo"><img src="/a.jpg"><p>{ARTICLE_EN[4]}</p></div></article></main></body></html>')
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras == [("title", "Water supply restored in the town"),
                     ("byline", "3 April 2025, 12:47 • RMA Communications Department"),
                     ("body", ARTICLE_EN[2]), ("body", ARTICLE_EN[3]), ("body", ARTICLE_EN[4])]


def test_a_byline_label_in_an_element_of_its_own_joins_the_name_and_an_advert_label_is_furniture() -> None:
    """A tagDiv-style WordPress theme: "Автор" in a <div> of its own before the author's link, the date
    and counters beside them; "- Реклама -" over an advert slot inside the text."""
    html = ('<html><head><meta charset="utf-8"></head><body><article><header class="td-post-title">'
            f'<h1 class="entry-title">{TITLE_UK}</h1><div class="td-module-meta-info">'
            '<div class="td-post-author-name"><div class="td-author-by">Автор</div> <a href="/author/olena/">'
            'Олена Гриценко</a><div class="td-author-line"> - </div></div><span class="td-post-date">'
            '<time>14 березня 2025</time></span><div class="td-post-comments"><a href="#c">7</a></div></div></header>'
            f'<div class="td-post-content"><p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p>'
            '<div class="td-a-rec"><span class="td-adspot-title">- Реклама -</span><a href="/ad"><img src="/b.jpg">'
            f"</a></div><p>{BODY_UK[2]}</p><p>{LAST_UK}</p></div></article></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras[:2] == [("title", TITLE_UK), ("byline", "Автор Олена Гриценко - 14 березня 2025")]
    assert [t for _, t in paras[2:]] == [BODY_UK[0], BODY_UK[1], BODY_UK[2], LAST_UK]


def test_a_byline_label_alone_joins_the_name_after_it() -> None:
    """ "By" in an element of its own, then the author's link, in a small box with nothing else: one byline."""
    html = ('<html><head><meta charset="utf-8"></head><body><article>'
            f'<h1>{TITLE_UK}</h1><div class="author"><div class="by">By</div><a href="/author/o/">Olena Hrytsenko</a>'
            f'</div><div class="content"><p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p><p>{BODY_UK[2]}</p></div>'
            "</article></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras[:2] == [("title", TITLE_UK), ("byline", "By Olena Hrytsenko")]


def test_a_quote_in_a_figure_with_its_speaker_in_the_figcaption_is_a_quote_not_a_photo() -> None:
    """<figure><blockquote>…</blockquote><figcaption>Name, role</figcaption></figure> inside the text, the
    quote ending without a full stop: both lines are the quote; a photo's <figcaption> is still no text."""
    words = "«Школа, у якої є власне світло, — це школа, яка не зупиняє навчання під час відключень»"
    speaker = "Наталія Гуменюк, директорка департаменту освіти міської ради"
    html = ('<html><head><meta charset="utf-8"></head><body><main><h1>Вінниця встановить сонячні станції на школах</h1>'
            f'<div class="ArticleBody_root"><p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p>'
            f'<figure class="Quote_root"><svg></svg><blockquote class="Quote_text"><p>{words}</p></blockquote>'
            f'<figcaption class="Quote_author">{speaker}</figcaption></figure><p>{BODY_UK[2]}</p>'
            '<figure><img src="/a.jpg"><figcaption>Дах ліцею № 4, де встановлять першу станцію</figcaption></figure>'
            f"<p>{LAST_UK}</p></div></main></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras[1:] == [("body", BODY_UK[0]), ("body", BODY_UK[1]), ("quote", words), ("quote", speaker),
                         ("body", BODY_UK[2]), ("body", LAST_UK)]


def test_a_paywalls_access_line_a_no_advice_line_and_a_score_boxs_team_cells_are_not_text() -> None:
    """A business site: "You have access to premium content until …" and "… is not investment advice."
    are furniture by their words; a sports page's score box (team names in cells) under the headline
    is no byline."""
    html = ('<html><head><meta charset="utf-8"></head><body><main><article>'
            "<h1>Halytski Levy win the Ukrainian Futsal Cup</h1>"
            '<div class="info">Maksym Dorosh, April 6, 2025</div>'
            '<table class="match-box"><tr><td class="team">Halytski Levy<br>Lviv</td><td>4:3</td>'
            '<td class="team">Khvylia<br>Dnipro</td></tr></table>'
            '<div class="paywall-status" role="status">You have access to premium content until 30.04.2025. '
            "Thank you for supporting independent business journalism.</div>"
            f"<p>{ARTICLE_EN[2]}</p><p>{ARTICLE_EN[3]}</p><p>{ARTICLE_EN[4]}</p>"
            '<div class="article-disclaimer"><p>This article is for information only and is not investment advice.</p>'
            "</div></article></main></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras == [("title", "Halytski Levy win the Ukrainian Futsal Cup"),
                     ("byline", "Maksym Dorosh, April 6, 2025"),
                     ("body", ARTICLE_EN[2]), ("body", ARTICLE_EN[3]), ("body", ARTICLE_EN[4])]


def test_footnotes_under_a_notes_heading_end_the_text_and_a_show_notes_box_is_text() -> None:
    """A think tank's report: "Notes" over footnotes that link back to their marks ends the text; a
    podcast's "show-notes" box holds its text, not an editor's note; "Host: …" is a byline."""
    html = ('<html><head><meta charset="utf-8"></head><body><main><article>'
            f'<h1>{ARTICLE_EN[0]}</h1><p>Host: Taras Melnychuk · 6 March 2025</p><div class="show-notes">'
            f'<p>{ARTICLE_EN[2]}<sup><a href="#fn-1" id="fnref-1">[1]</a></sup></p><p>{ARTICLE_EN[3]}</p>'
            f"<p>{ARTICLE_EN[4]}</p></div>"
            '<h2>Notes</h2><ol><li id="fn-1">Energopolis, Baseline Study, November 2024, p. 14. '
            '<a class="fn-back" href="#fnref-1">↩</a></li><li id="fn-2">Offers from five suppliers, collected by the '
            'authors. <a class="fn-back" href="#fnref-2">↩</a></li></ol></article></main></body></html>')
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras == [("title", ARTICLE_EN[0]), ("byline", "Host: Taras Melnychuk · 6 March 2025"),
                     ("body", f"{ARTICLE_EN[2]}[1]"), ("body", ARTICLE_EN[3]), ("body", ARTICLE_EN[4])]


def test_a_caption_followed_by_its_credit_beside_the_picture_is_not_text() -> None:
    """A component framework's figure: the picture in one box, then a box with the caption and a
    "Photo: …" credit, class names that say nothing."""
    caption = "Associate professor Oksana Hryniv and a PhD student in the microbiology lab."
    html = ('<html><head><meta charset="utf-8"></head><body><div id="__next"><h1>Soil bacteria break down herbicides</h1>'
            f'<div class="css-a1"><div class="css-b2">{ARTICLE_EN[2]}</div></div>'
            '<div class="css-f1"><div class="css-i1"><span><img alt="" src="/lab.jpg"></span></div>'
            f'<div class="css-c1"><div class="css-c2">{caption}</div><div class="css-c3">Photo: Andrii Babenko</div>'
            f'</div></div><div class="css-a1"><div class="css-b2">{ARTICLE_EN[3]}</div></div>'
            f'<div class="css-a1"><div class="css-b2">{ARTICLE_EN[4]}</div></div></div></body></html>')
    texts = [plain(p.text) for p in read_page(html).paragraphs]
    assert caption not in texts and "Photo: Andrii Babenko" not in texts
    assert texts[-3:] == [ARTICLE_EN[2], ARTICLE_EN[3], ARTICLE_EN[4]]


def test_a_charts_title_in_its_figure_a_paywall_dialog_and_a_media_contact_box_are_not_text() -> None:
    """A data story: a chart's <h3> title inside its <figure> is the figure's; a paywall's pop-up
    (role="dialog") inside the text and a "Media contact" box after it are furniture; "Views: 1,937"
    leaves the byline row."""
    html = ('<html><head><meta charset="utf-8"></head><body><main><article>'
            f'<h1>{ARTICLE_EN[0]}</h1><div class="info"><span>By Olena Kravets · 3 April 2025</span>'
            '<span class="views">Views: 1,937</span></div><div class="story-body">'
            f'<p>{ARTICLE_EN[2]}</p><figure class="chart-embed"><h3 class="chart-embed__title">Workload per family '
            'doctor by community, January 2025</h3><iframe src="https://charts.example/map/"></iframe>'
            "<figcaption>Patients per doctor. Source: declarations register</figcaption></figure>"
            f'<p>{ARTICLE_EN[3]}</p><div class="pw-modal" role="dialog" aria-modal="true"><p>You have read 3 of 3 free '
            "articles this month</p><p>Unlimited access to everything on the site</p><p>Already a subscriber? Sign in"
            f"</p></div><p>{ARTICLE_EN[4]}</p><h2>Media contact</h2><p>University press office: press@example.edu, "
            "+380 00 000 00 00</p></div></article></main></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras == [("title", ARTICLE_EN[0]), ("byline", "By Olena Kravets · 3 April 2025"),
                     ("body", ARTICLE_EN[2]), ("body", ARTICLE_EN[3]), ("body", ARTICLE_EN[4])]


@pytest.mark.parametrize("line", ["3,418 views", "Views: 1,937", "1.034 переглядів", "- Реклама -",
                                  "— Advertisement —", "This article is for information only and is not investment advice.",
                                  "Матеріал має інформаційний характер і не є інвестиційною рекомендацією.",
                                  "Page 1", "Сторінка 2 з 3", "EMBARGOED UNTIL 18 March 2025, 09:00 Kyiv time",
                                  "ДЛЯ ПУБЛІКАЦІЇ: не раніше 18.03.2025, 09:00", "Обсяг: 2 940 знаків з пробілами",
                                  "Length: 2,870 characters with spaces · Translation: Ostap Melnyk",
                                  "For the desk: the quote was recorded by phone.", "Reading time: 3 min",
                                  "Час читання: 3 хв"])
def test_counters_advert_labels_and_standing_disclaimers_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["- 2 -", "The bank said the bonds are not investment advice for retail savers and "
                                  "will be sold to funds.", "3,418 people viewed the exhibition on its first day.",
                                  "Embargo on Russian oil: what changes for Ukraine",
                                  "Page 1 of the report says the plant will close."])
def test_look_alikes_of_counters_and_disclaimers_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_section_link_above_the_headline_is_no_byline_though_the_article_holds_the_authors_link() -> None:
    """A mobile site: the section's link ("Transport") set as loose text of the <article> above the
    <h1>, the author's link in the meta row below it: the section is no byline, the row is."""
    html = ('<html><head><meta charset="utf-8"></head><body><article class="m-article">'
            '<a class="m-article__rubric" href="/en/rubric/transport">Transport</a>'
            f'<h1 class="m-article__title">{ARTICLE_EN[0]}</h1><div class="m-article__meta">'
            '<a href="/en/author/andrii-melnychuk">Andrii Melnychuk</a> · 9 April 2025, 08:15</div>'
            f'<div class="m-article__body"><p>{ARTICLE_EN[2]}</p><p>{ARTICLE_EN[3]}</p><p>{ARTICLE_EN[4]}</p></div>'
            "</article></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras[:2] == [("title", ARTICLE_EN[0]), ("byline", "Andrii Melnychuk · 9 April 2025, 08:15")]
    assert "Transport" not in [t for _, t in paras]


def test_a_table_of_data_is_read_a_row_a_paragraph_with_its_cells_apart() -> None:
    """A fare table inside the text: one `table` paragraph per row, as the page shows it, its cells
    joined by a tab; Word's "save as web page" sets each cell's text in a <p> and its header in bold,
    which is still the table's row (numbers alone included), not a subheading."""
    html = ('<html><head><meta charset="utf-8"></head><body><article>'
            f"<h1>{TITLE_UK}</h1><p>{BODY_UK[0]}</p><p>{BODY_UK[1]}</p>"
            '<table class="fares"><tr><th>Вид квитка</th><th>Зараз</th><th>З 1 травня</th></tr>'
            "<tr><td>Разова поїздка</td><td>12 грн</td><td>15 грн</td></tr></table>"
            '<table class="MsoTableGrid" border="1"><tr><td>\n<p class="MsoNormal"><b>Маршрут</b></p>\n</td>'
            '<td><p class="MsoNormal"><b>До 1 березня</b></p></td></tr>'
            '<tr><td><p class="MsoNormal">Лубни – Оржиця</p></td><td><p class="MsoNormal">1</p></td></tr></table>'
            f"<p>{BODY_UK[2]}</p><p>{LAST_UK}</p></article></body></html>")
    paras = [(p.role, p.text) for p in read_page(html).paragraphs]
    assert [p for p in paras if p[0] == "table"] == [
        ("table", "Вид квитка\tЗараз\tЗ 1 травня"), ("table", "Разова поїздка\t12 грн\t15 грн"),
        ("table", "<b>Маршрут</b>\t<b>До 1 березня</b>"), ("table", "Лубни – Оржиця\t1")]
    assert [t for r, t in paras if r == "body"] == [BODY_UK[0], BODY_UK[1], BODY_UK[2], LAST_UK]


def test_words_msotitle_paragraph_is_the_headline() -> None:
    """A Word document saved as a web page: no <h1>, the title a <p class=MsoTitle>, "Document1" as <title>."""
    html = ('<html><head><meta charset="utf-8"><title>Document1</title></head><body><div class="WordSection1">'
            f'<p class="MsoTitle">{TITLE_UK}</p>'
            + "".join(f'<p class="MsoNormal">{b}</p>' for b in [*BODY_UK, LAST_UK]) + "</div></body></html>")
    paras = [(p.role, plain(p.text)) for p in read_page(html).paragraphs]
    assert paras[0] == ("title", TITLE_UK)
    assert [t for _, t in paras[1:]] == [*BODY_UK, LAST_UK]


def test_a_row_of_counters_under_the_headline_is_left_out_and_listed() -> None:
    """A Jannah-like theme's second meta row holds only counters (comments, views, reading time): it is
    no byline, and --show-removed lists it; the author's row above it stays."""
    html = ('<html><head><meta charset="utf-8"></head><body><article><h1 class="post-title">'
            f'{ARTICLE_EN[0]}</h1><div class="post-meta"><a href="/en/author/iryna-melnyk/">Iryna Melnyk</a> '
            '<span class="date">March 14, 2025</span></div><div class="post-meta stats">'
            '<span class="comments"><span class="icon"></span>0</span><span class="views">1,502</span>'
            '<span class="reading"><span class="icon" aria-hidden="true"></span> Reading time: 3 min</span></div>'
            f'<div class="entry-content"><p>{ARTICLE_EN[2]}</p><p>{ARTICLE_EN[3]}</p><p>{ARTICLE_EN[4]}</p></div>'
            "</article></body></html>")
    page = read_page(html)
    paras = [(p.role, plain(p.text)) for p in page.paragraphs]
    assert paras == [("title", ARTICLE_EN[0]), ("byline", "Iryna Melnyk March 14, 2025"),
                     ("body", ARTICLE_EN[2]), ("body", ARTICLE_EN[3]), ("body", ARTICLE_EN[4])]
    assert any("Reading time: 3 min" in r.text and r.why == "counters" for r in page.removed)
