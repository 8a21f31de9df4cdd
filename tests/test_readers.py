"""Tests for editflow.readers: text/Markdown decoding and splitting, .docx walking, errors.

Every fixture is written here into tmp_path; .docx files are built with
python-docx and, for what python-docx cannot write (tracked changes, text
boxes, footnotes), by injecting WordprocessingML.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from editflow.errors import InputError
from editflow.model import Paragraph
from editflow.readers import (
    cyrillic_score,
    decode_bytes,
    markdown_paragraphs,
    read_document,
    read_text_paragraphs,
    strip_inline_markdown,
    text_paragraphs,
)

# Written for these tests.  No em dashes or curly apostrophes: KOI8-U has neither.
UK_PARAGRAPH = (
    "Київська міська рада ухвалила програму ремонту шкіл. "
    "Першими оновлять ґанки та їдальні, повідомляє пресслужба. "
    "Роботи мають завершитися до вересня, якщо підрядники не зірвуть терміни."
)
UK_SECOND = "Мешканці з'ясовували подробиці на зустрічі з депутатами у четвер."


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def pairs(doc_or_pars: object) -> list[tuple[str, str, str]]:
    paragraphs = getattr(doc_or_pars, "paragraphs", doc_or_pars)
    return [(p.text, p.role, p.location) for p in paragraphs]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------

UK_TEXT = f"{UK_PARAGRAPH}\n\n{UK_SECOND}\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (UK_TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + UK_TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + UK_TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + UK_TEXT.encode("utf-16-be"), "utf-16-be"),
        (UK_TEXT.encode("cp1251"), "cp1251"),
        (UK_TEXT.encode("koi8_u"), "koi8-u"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1251", "koi8u"],
)
def test_text_encodings_decode_exactly(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = write(tmp_path, "article.txt", raw)
    doc = read_document(path, lang="uk")
    assert doc.texts == [UK_PARAGRAPH, UK_SECOND]
    assert doc.encoding == encoding
    assert doc.format == "txt"
    assert doc.lang == "uk"
    assert doc.path == path
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


SHORT_UK = [
    UK_PARAGRAPH,
    "Ми їдемо додому.",
    "Що?",
    "ВІЙНА І МИР",
    "ЄС",
    "Їжак і єнот.",
    "Президент підписав закон про освіту. Його оприлюднили в четвер.",
    "NATO і ЄС підтримали Україну.",
]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
@pytest.mark.parametrize("sample", SHORT_UK)
def test_short_cyrillic_texts_pick_the_right_code_page(sample: str, encoding: str) -> None:
    # charset_normalizer alone gets several of these wrong or finds nothing.
    text, _ = decode_bytes(sample.encode(encoding))
    assert text == sample


def test_cyrillic_score_prefers_the_right_decoding() -> None:
    raw = UK_SECOND.encode("cp1251")
    assert cyrillic_score(raw.decode("cp1251")) > cyrillic_score(raw.decode("koi8_u")) + 1
    raw = UK_SECOND.encode("koi8_u")
    assert cyrillic_score(raw.decode("koi8_u")) > cyrillic_score(raw.decode("cp1251")) + 1


def test_english_cp1252_does_not_crash(tmp_path: Path) -> None:
    raw = "The café reopened on Monday.\n\nIts owner, a naïve optimist, is pleased.\n".encode("cp1252")
    doc = read_document(write(tmp_path, "en.txt", raw))
    assert len(doc) == 2
    assert doc.texts[0].startswith("The caf") and doc.texts[1].endswith("is pleased.")


# ---------------------------------------------------------------------------
# Plain-text paragraphs
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    lines = ["Заголовок статті", "", "Перший рядок", "  другий рядок  ", "", "", "Кінець."]
    path = write(tmp_path, "a.txt", newline.join(lines))
    assert pairs(read_document(path)) == [
        ("Заголовок статті", "body", "1"),
        ("Перший рядок другий рядок", "body", "3"),
        ("Кінець.", "body", "7"),
    ]


def test_blank_lines_with_whitespace_and_nbsp_separate_paragraphs() -> None:
    text = "One line\n   \nTwo\t\n\u00a0\u00a0\nThree\n\t \u00a0\n\nFour"
    assert pairs(text_paragraphs(text)) == [
        ("One line", "body", "1"),
        ("Two", "body", "3"),
        ("Three", "body", "5"),
        ("Four", "body", "8"),
    ]


def test_inner_spacing_and_invisibles_kept_nothing_dropped() -> None:
    # Zero-width characters are the writer's (issue 13): kept; only the BOM at the very start goes.
    text = (
        "\ufeffДва  пробіли лишаються.\n"
        "Наступний\u200b рядок\ufeff.\n"
        "\n"
        "Поділитися: Facebook Twitter Telegram\n"
        "\n"
        "[Росіяни – ред.] напали вночі.\n"
    )
    assert read_text_paragraphs(text) == [
        "Два  пробіли лишаються. Наступний\u200b рядок\ufeff.",
        "Поділитися: Facebook Twitter Telegram",
        "[Росіяни – ред.] напали вночі.",
    ]


def test_zero_width_only_line_counts_as_blank() -> None:
    assert read_text_paragraphs("A\n\u200b\nB") == ["A", "B"]


# ---------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------

MARKDOWN = """\
# Уряд *ухвалив* бюджет

Депутати проголосували **у четвер**, пише [Укрінформ](https://www.ukrinform.ua/a_(b)).
Опозиція [Росіяни – ред.] критикує рішення.

## Що змінюється ##

> Це _перший_ крок,
> > сказав міністр.

- ремонт шкіл
- нові автобуси

Подробиці
---------

# Другий заголовок першого рівня
Текст одразу під ним з snake_case, 2 * 3 * 4, `a*b*c` і \\*зірочками\\*.

Старий стиль
============
"""


def test_markdown_roles_and_markup(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "article.md", MARKDOWN), lang="uk")
    assert doc.format == "md"
    assert doc.encoding == "utf-8"
    assert pairs(doc) == [
        ("Уряд ухвалив бюджет", "title", "1"),
        ("Депутати проголосували у четвер, пише Укрінформ. "
         "Опозиція [Росіяни – ред.] критикує рішення.", "body", "3"),
        ("Що змінюється", "heading", "6"),
        ("Це перший крок, сказав міністр.", "quote", "8"),
        ("- ремонт шкіл - нові автобуси", "body", "11"),
        ("Подробиці", "heading", "14"),
        ("Другий заголовок першого рівня", "heading", "17"),
        ("Текст одразу під ним з snake_case, 2 * 3 * 4, `a*b*c` і *зірочками*.", "body", "18"),
        ("Старий стиль", "heading", "20"),
    ]


def test_markdown_setext_title_and_markdown_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "note.markdown", "Kyiv Reopens Schools\n====\n\n#hashtag is not a heading\n")
    assert pairs(read_document(path)) == [
        ("Kyiv Reopens Schools", "title", "1"),
        ("#hashtag is not a heading", "body", "4"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*курсив* і **жирний** і ***обидва***", "курсив і жирний і обидва"),
        ("_one_ and __two__", "one and two"),
        ("**жирний з *курсивом* всередині**", "жирний з курсивом всередині"),
        ("[текст](http://example.com \"назва\")", "текст"),
        ("![фото](img.png) підпис", "фото підпис"),
        ("[Russians – ed.] and [sic]", "[Russians – ed.] and [sic]"),
        ("[Russians – ed.] (2022)", "[Russians – ed.] (2022)"),
        ("file_name_here and *", "file_name_here and *"),
        ("\\[not a link\\](x)", "[not a link](x)"),
    ],
)
def test_strip_inline_markdown(source: str, expected: str) -> None:
    assert strip_inline_markdown(source) == expected


def test_strip_inline_markdown_keeps_private_use_characters() -> None:
    # The markup stripper parks protected spans in plane 15; the text's own characters there stay.
    assert strip_inline_markdown("a \U000f0000 *b* `c` \U000fffff") == "a \U000f0000 b `c` \U000fffff"


def test_markdown_paragraphs_helper() -> None:
    assert pairs(markdown_paragraphs("## Розділ\nТекст\\\nдалі")) == [
        ("Розділ", "heading", "1"),
        ("Текст далі", "body", "2"),
    ]


# ---------------------------------------------------------------------------
# Text errors
# ---------------------------------------------------------------------------

def assert_input_error(path: Path, *fragments: str) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = info.value.format_message()
    assert str(path) in message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "nope.txt", "does not exist")


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert_input_error(tmp_path / "folder.txt", "is a directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert_input_error(tmp_path / "pipe.txt", "is not a regular file")


@pytest.mark.parametrize("content", [b"", b"   \r\n\n\t\n", "\u00a0\n\u200b\n".encode()])
def test_empty_or_blank_file(tmp_path: Path, content: bytes) -> None:
    assert_input_error(write(tmp_path, "empty.txt", content), "has no text")


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 8,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 40 + "текст".encode("cp1251"),
    ],
    ids=["png", "all-bytes", "control-chars"],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    assert_input_error(write(tmp_path, "image.txt", content), "looks like a binary file, not text")


def test_undetectable_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Force the detector to give up, as it does on some short odd inputs.
    monkeypatch.setattr("charset_normalizer.from_bytes", lambda *a, **k: [])
    path = write(tmp_path, "odd.txt", "Plain words with one odd byte: caf\xe9.".encode("latin-1"))
    assert_input_error(path, "save it as UTF-8")


def test_too_large_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: costs no disk or time
    assert_input_error(path, "is too large (21.0 MB)", "editflow reads articles up to 20 MB")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", "текст")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod does not stop root, so simulate the OS refusing.
    monkeypatch.setattr(Path, "read_bytes", deny)
    assert_input_error(path, "cannot be read (Permission denied)")


@pytest.mark.parametrize(("name", "kind"), [("paper.pdf", "'.pdf'"), ("README", "(no extension)")])
def test_unsupported_extension(tmp_path: Path, name: str, kind: str) -> None:
    message = assert_input_error(write(tmp_path, name, "text"), f"unsupported file type {kind}")
    assert message.endswith("use .txt, .md, .docx or a saved web page (.html, .mhtml)")


# ---------------------------------------------------------------------------
# .docx fixtures
# ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def add_xml(document: docx.document.Document, xml: str) -> None:
    """Append block-level WordprocessingML (one or more w:p / w:tbl) to the body."""
    wrapper = parse_xml(f"<w:body {NSDECL}>{xml}</w:body>")
    sect_pr = document.element.body.find(f"{{{W_NS}}}sectPr")
    for child in list(wrapper):
        sect_pr.addprevious(child)


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def save(document: docx.document.Document, tmp_path: Path, name: str = "article.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def add_notes_part(document: docx.document.Document, kind: str, xml: str) -> None:
    content_type = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {NSDECL}>{xml}</w:{kind}s>'
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, blob.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


# ---------------------------------------------------------------------------
# .docx reading
# ---------------------------------------------------------------------------

def test_docx_styles_to_roles(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Уряд ухвалив бюджет", style="Title")
    document.add_paragraph("Альтернативний заголовок", style="Subtitle")
    document.add_heading("Що змінюється", level=1)
    document.add_heading("Для шкіл", level=2)
    document.add_paragraph("Це перший крок, сказав міністр.", style="Quote")
    document.add_paragraph("Ми не зупинимося.", style="Intense Quote")
    custom = document.styles.add_style("Рубрика", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]  # outline level inherited
    document.add_paragraph("Рубрика редакції", style="Рубрика")
    document.add_paragraph("Зміст", style="TOC Heading")  # based on Heading 1 but level 9
    # A German Word style: localised id, English built-in name, no outline level.
    document.styles.element.append(parse_xml(
        f'<w:style {NSDECL} w:type="paragraph" w:styleId="berschrift3">'
        '<w:name w:val="heading 3"/></w:style>'))
    add_xml(document, p(r("Überschrift aus Deutschland"), style="berschrift3"))
    add_xml(document, '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>'
                      f'{r("Рівень структури в абзаці")}</w:p>')
    document.add_paragraph("Звичайний текст.")
    doc = read_document(save(document, tmp_path), lang="uk")
    assert doc.format == "docx" and doc.encoding is None and doc.lang == "uk"
    assert pairs(doc) == [
        ("Уряд ухвалив бюджет", "title", "p1"),
        ("Альтернативний заголовок", "headline", "p2"),
        ("Що змінюється", "heading", "p3"),
        ("Для шкіл", "heading", "p4"),
        ("Це перший крок, сказав міністр.", "quote", "p5"),
        ("Ми не зупинимося.", "quote", "p6"),
        ("Рубрика редакції", "heading", "p7"),
        ("Зміст", "body", "p8"),
        ("Überschrift aus Deutschland", "heading", "p9"),
        ("Рівень структури в абзаці", "heading", "p10"),
        ("Звичайний текст.", "body", "p11"),
    ]


def test_docx_first_heading1_is_title_without_title_style(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].text = "Heading in a table"
    table.cell(0, 0).paragraphs[0].style = document.styles["Heading 1"]
    document.add_heading("Schools Reopen in Kyiv", level=1)
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("Classes resume on Monday.")
    document.add_heading("What Changes", level=1)
    path = save(document, tmp_path)
    assert pairs(read_document(path)) == [
        ("Heading in a table", "table", "table1/r1c1"),
        ("Schools Reopen in Kyiv", "title", "p1"),
        ("Classes resume on Monday.", "body", "p4"),
        ("What Changes", "heading", "p5"),
    ]


def test_docx_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    add_xml(document, p(
        r("Уряд "),
        '<w:ins w:id="1" w:author="Редактор" w:date="2024-03-01T10:00:00Z">'
        f'{r("нарешті ")}</w:ins>',
        r("ухвалив "),
        '<w:del w:id="2" w:author="Редактор" w:date="2024-03-01T10:01:00Z">'
        '<w:r><w:delText xml:space="preserve">новий </w:delText></w:r></w:del>',
        r("бюджет."),
    ))
    add_xml(document, p(
        '<w:moveFrom w:id="3" w:author="Ред"><w:r><w:t>Перенесене речення. </w:t></w:r></w:moveFrom>',
        r("Друге речення. "),
        '<w:moveTo w:id="4" w:author="Ред"><w:r><w:t>Перенесене речення.</w:t></w:r></w:moveTo>',
    ))
    # A paragraph deleted as a whole leaves nothing behind.
    add_xml(document, p('<w:del w:id="5" w:author="Ред"><w:r><w:delText>Видалений абзац.</w:delText>'
                        '</w:r></w:del>'))
    add_xml(document, p(r("Останній абзац.")))
    assert pairs(read_document(save(document, tmp_path))) == [
        ("Уряд нарешті ухвалив бюджет.", "body", "p1"),
        ("Друге речення. Перенесене речення.", "body", "p2"),
        ("Останній абзац.", "body", "p4"),
    ]


def textbox_drawing(*paragraphs: str) -> str:
    content = "".join(p(r(t)) for t in paragraphs)
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:extent cx="1828800" cy="914400"/>'
        '<wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    )


def textbox_vml(*paragraphs: str) -> str:
    content = "".join(p(r(t)) for t in paragraphs)
    return (f'<w:pict><v:shape id="tb1" style="width:144pt;height:72pt">'
            f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>')


def test_docx_text_boxes_read_once_after_anchor(tmp_path: Path) -> None:
    document = docx.Document()
    box = ("Довідка: школа має 40 класів.", "Ремонт коштував 12 млн грн.")
    add_xml(document, p(
        r("Абзац із врізкою"),
        '<w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps">{textbox_drawing(*box)}</mc:Choice>'
        f'<mc:Fallback>{textbox_vml(*box)}</mc:Fallback>'
        '</mc:AlternateContent></w:r>',
        r(" продовжується."),
    ))
    # Older files: VML only, no AlternateContent.
    add_xml(document, p(f"<w:r>{textbox_vml('Стара врізка.')}</w:r>"))
    add_xml(document, p(r("Наступний абзац.")))
    assert pairs(read_document(save(document, tmp_path))) == [
        ("Абзац із врізкою продовжується.", "body", "p1"),
        ("Довідка: школа має 40 класів.", "body", "textbox1"),
        ("Ремонт коштував 12 млн грн.", "body", "textbox1"),
        ("Стара врізка.", "body", "textbox2"),
        ("Наступний абзац.", "body", "p3"),
    ]


def test_docx_tables_nested_and_merged(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Перед таблицею.")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Місто"
    table.cell(0, 1).text = "Кількість шкіл"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "2023"
    inner.cell(0, 1).text = "2024"
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "Київ"
    table.cell(1, 1).text = "526"
    table.cell(2, 1).text = "531"
    # Some producers leave a copy of the text in the continuation cell.
    continuation = table._tbl.tr_lst[2].tc_lst[0]
    continuation.append(parse_xml(f"<w:p {NSDECL}>{r('Київ')}</w:p>"))
    wide = document.add_table(rows=2, cols=2)
    wide.cell(0, 0).merge(wide.cell(0, 1)).text = "Джерело: МОН"
    wide.cell(1, 0).text = "ліво"
    wide.cell(1, 1).text = "право"
    document.add_paragraph("Після таблиці.")
    assert pairs(read_document(save(document, tmp_path))) == [
        ("Перед таблицею.", "body", "p1"),
        ("Місто", "table", "table1/r1c1"),
        ("Кількість шкіл", "table", "table1/r1c2"),
        ("2023", "table", "table1/r1c2/table1/r1c1"),
        ("2024", "table", "table1/r1c2/table1/r1c2"),
        ("Київ", "table", "table1/r2c1"),
        ("526", "table", "table1/r2c2"),
        ("531", "table", "table1/r3c2"),
        ("Джерело: МОН", "table", "table2/r1c1"),
        ("ліво", "table", "table2/r2c1"),
        ("право", "table", "table2/r2c2"),
        ("Після таблиці.", "body", "p2"),
    ]


def test_docx_footnotes_and_endnotes(tmp_path: Path) -> None:
    document = docx.Document()
    ref = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Reference w:id="{id}"/></w:r>'
    add_xml(document, p(
        r("За даними Держстату"), ref.format(kind="footnote", id=2),
        r(", населення скоротилося"), ref.format(kind="footnote", id=1), r("."),
    ))
    add_xml(document, p(
        r("Оцінки різняться"),
        f'<w:del w:id="9" w:author="Ред">{ref.format(kind="footnote", id=3)}</w:del>',
        ref.format(kind="endnote", id=1), r("."),
    ))
    note = ('<w:{kind} w:id="{id}"><w:p><w:r><w:{kind}Ref/></w:r>'
            '<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>')
    add_notes_part(document, "footnote", (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '<w:t>SEPARATOR</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/><w:t>CONTINUATION</w:t></w:r></w:p></w:footnote>'
        + note.format(kind="footnote", id=1, text="Оцінка ООН, 2023.")
        + '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>'
        + r(" Держстат, експрес-випуск.") + "</w:p>" + p(r("Дані без тимчасово окупованих територій."))
        + "</w:footnote>"
        + note.format(kind="footnote", id=3, text="Видалена примітка.")
    ))
    add_notes_part(document, "endnote", (
        '<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        + note.format(kind="endnote", id=1, text="Примітка перекладача.")
    ))
    assert pairs(read_document(save(document, tmp_path))) == [
        ("За даними Держстату, населення скоротилося.", "body", "p1"),
        ("Оцінки різняться.", "body", "p2"),
        ("Держстат, експрес-випуск.", "footnote", "footnote1"),
        ("Дані без тимчасово окупованих територій.", "footnote", "footnote1"),
        ("Оцінка ООН, 2023.", "footnote", "footnote2"),
        ("Примітка перекладача.", "footnote", "endnote1"),
    ]


def test_docx_special_runs_fields_and_links(tmp_path: Path) -> None:
    document = docx.Document()
    add_xml(document, p(
        r("Колонка"), "<w:r><w:tab/></w:r>", r("значення"),
        "<w:r><w:br/></w:r>", r("новий рядок"), "<w:r><w:cr/></w:r>", r("ще"),
    ))
    add_xml(document, p(
        r("Кривий"), "<w:r><w:noBreakHyphen/></w:r>", r("Ріг, +25"),
        '<w:r><w:sym w:font="Symbol" w:char="F0B0"/></w:r>', r("C"),
    ))
    add_xml(document, p(
        r("Див. сторінку "),
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>5</w:t></w:r></w:fldSimple>',
        r(" і "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r("звіт"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r(" та "),
        '<w:hyperlink r:id="rIdX" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'{r("сайт міністерства")}</w:hyperlink>',
        r("."),
    ))
    assert read_document(save(document, tmp_path)).texts == [
        "Колонка\tзначення\nновий рядок\nще",
        "Кривий\u2011Ріг, +25°C",   # Word's non-breaking hyphen, kept as one
        "Див. сторінку 5 і звіт та сайт міністерства.",
    ]


def test_docx_sha256_is_of_file_bytes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Text.")
    path = save(document, tmp_path)
    assert read_document(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# .docx errors
# ---------------------------------------------------------------------------

def test_docx_corrupted(tmp_path: Path) -> None:
    assert_input_error(write(tmp_path, "broken.docx", b"PK\x03\x04 this is not really a zip"),
                       "is not a readable .docx (corrupted or not a Word file)",
                       "re-save it from Word or LibreOffice")


def test_docx_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert_input_error(path, "is not a readable .docx")


def test_docx_password_protected_or_old_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert_input_error(write(tmp_path, "secret.docx", ole),
                       "is password-protected or an old .doc file", "save an unprotected .docx")


def test_docx_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph(" \u00a0 ")
    document.add_table(rows=1, cols=2)
    assert_input_error(save(document, tmp_path, "blank.docx"), "has no text")


def test_docx_empty_file(tmp_path: Path) -> None:
    assert_input_error(write(tmp_path, "zero.docx", b""), "has no text")


def test_paragraph_objects_are_model_paragraphs(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", "x"))
    assert doc.paragraphs == [Paragraph("x", "body", "1")]


def test_a_text_file_mixing_utf8_and_windows_1251_is_refused_naming_the_lines(tmp_path: Path) -> None:
    from editflow.errors import InputError
    from editflow.readers.text import decode_bytes

    data = "Заголовок статті\n\n".encode() + "Текст у Windows-1251.\n".encode("cp1251")
    with pytest.raises(InputError, match=r"war\.uk\.txt: mixes encodings: line 1 is UTF-8 but line 3 is not"):
        decode_bytes(data, tmp_path / "war.uk.txt")
    assert decode_bytes("Текст у Windows-1251.\n".encode("cp1251"))[1] == "cp1251"
