"""PO files are read strictly (editflow.po_validate, through po.load_po), held against `msgfmt --check`.

BROKEN is a collection of structurally broken files, one per way a hand-edited PO breaks: each is
refused by editflow with the file and the line, and the test records whether gettext's own
`msgfmt --check` refuses it too (where it does, the two name the same line).  The classes editflow
refuses beyond msgfmt are the ones where polib would change the text, or where the file says its
text is in a charset editflow does not read.  WELCOME holds files as Poedit, Weblate and msgmerge
save them: both accept them, and editflow reads the same strings gettext does.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from editflow.po import load_po, parse_po
from editflow.po_validate import POFormatError, validate_po

HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: school\\n"\n"Language: en\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n')
H = HEADER.count("\n")   # lines in HEADER: the first entry after it starts at line H + 2


@dataclass(frozen=True)
class Broken:
    name: str
    data: bytes
    line: int                # the line editflow names (0: the file as a whole)
    words: str               # what the message says
    msgfmt_refuses: bool     # False: a class editflow refuses beyond msgfmt (see the module doc)


def po(body: str, header: str = HEADER) -> bytes:
    return (header + "\n" + body).encode("utf-8")


BROKEN = [
    Broken("unterminated string", po('msgid "Київ\nmsgstr "Kyiv"\n'), H + 2, "end-of-line within string", True),
    Broken("missing opening quote", po('msgid Київ"\nmsgstr "Kyiv"\n'), H + 2, "missing opening quote", True),
    Broken("missing closing quote in a continuation", po('msgid ""\n"Київ\nmsgstr "Kyiv"\n'), H + 3,
           "end-of-line within string", True),
    Broken("empty file", b"", 0, "the file is empty", True),
    Broken("blank file", b"\n \n\t\n", 0, "the file is empty", True),
    Broken("only comments", b"# a translator's note\n# nothing else\n", 1, "no entries and no header", True),
    Broken("unknown charset", po('msgid "Київ"\nmsgstr "Kyiv"\n', HEADER.replace("UTF-8", "UTF-9")), 2,
           "unknown charset 'UTF-9'", False),
    Broken("charset placeholder left in", po('msgid "Київ"\nmsgstr "Kyiv"\n', HEADER.replace("UTF-8", "CHARSET")),
           2, "unknown charset 'CHARSET'", False),
    Broken("wrong charset: Latin-1 declared, UTF-8 written",
           po('msgid "Київ"\nmsgstr "Kyiv"\n', HEADER.replace("UTF-8", "ISO-8859-1")), 2,
           "declares charset 'ISO-8859-1'", False),
    Broken("wrong charset: UTF-8 declared, Windows-1251 written",
           (HEADER + '\nmsgid "Київ"\nmsgstr "Kyiv"\n').encode("cp1251"), H + 2, "is not valid UTF-8", True),
    Broken("UTF-16 file", (HEADER + '\nmsgid "Київ"\nmsgstr "Kyiv"\n').encode("utf-16"), 1, "UTF-16", True),
    Broken("no charset in the header, Ukrainian text",
           po('msgid "Київ"\nmsgstr "Kyiv"\n', 'msgid ""\nmsgstr ""\n"Language: en\\n"\n'), 2,
           "no header names the charset", False),
    Broken("no header at all, Ukrainian text", b'msgid "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2"\nmsgstr "Kyiv"\n', 1,
           "no header names the charset", True),
    Broken("duplicate entries", po('msgctxt "a1"\nmsgid "Київ"\nmsgstr "Kyiv"\n\nmsgctxt "a1"\nmsgid "Київ"\n'
                                   'msgstr "Kiev"\n'), H + 6, "duplicate entry", True),
    Broken("duplicate entries without msgctxt", po('msgid "Київ"\nmsgstr "Kyiv"\n\nmsgid "Київ"\nmsgstr "Kiev"\n'),
           H + 5, "duplicate entry", True),
    Broken("an obsolete entry duplicating a live one",
           po('msgid "Київ"\nmsgstr "Kyiv"\n\n#~ msgid "Київ"\n#~ msgstr "Kiev"\n'), H + 5, "duplicate entry", True),
    Broken("a second header", po('msgid ""\nmsgstr "Language: uk\\n"\n'), H + 2, "duplicate entry", True),
    Broken("bad escape", po('msgid "Київ\\q"\nmsgstr "Kyiv"\n'), H + 2, "invalid control sequence \\q", True),
    Broken("escaped apostrophe", po("msgid \"Київ\\'\"\nmsgstr \"Kyiv\"\n"), H + 2, "invalid control sequence", True),
    Broken("escape polib would keep as a backslash", po('msgid "Київ\\a"\nmsgstr "Kyiv"\n'), H + 2,
           "escape \\a", False),
    Broken("octal escape", po('msgid "Київ\\101"\nmsgstr "Kyiv"\n'), H + 2, "escape \\1", False),
    Broken("text outside any entry", po('Київ is the capital\nmsgid "Київ"\nmsgstr "Kyiv"\n'), H + 2,
           "text outside any entry", True),
    Broken("a word after the string", po('msgid "Київ" city\nmsgstr "Kyiv"\n'), H + 2, "unexpected 'city'", True),
    Broken("a string on its own after a blank line", po('msgid "Київ"\nmsgstr "Kyiv"\n\n"and more"\n'), H + 5,
           "outside any entry", False),
    Broken("a comment after the last entry", po('msgid "Київ"\nmsgstr "Kyiv"\n\n# the end\n'), H + 5,
           "comment after the last entry", False),
    Broken("missing msgstr", po('msgid "Київ"\n\nmsgid "Львів"\nmsgstr "Lviv"\n'), H + 2, "missing 'msgstr'", True),
    Broken("missing msgstr at the end", po('msgid "Київ"\nmsgstr "Kyiv"\n\nmsgid "Львів"\n'), H + 5,
           "missing 'msgstr'", True),
    Broken("a comment between msgid and msgstr", po('msgid "Київ"\n# note\nmsgstr "Kyiv"\n'), H + 2,
           "missing 'msgstr'", True),
    Broken("a second msgstr", po('msgid "Київ"\nmsgstr "Kyiv"\nmsgstr "Kiev"\n'), H + 4, "second 'msgstr'", True),
    Broken("msgstr[0] without msgid_plural", po('msgid "Київ"\nmsgstr[0] "Kyiv"\n'), H + 2,
           "missing 'msgid_plural'", True),
    Broken("plural forms out of order",
           po('msgid "день"\nmsgid_plural "дні"\nmsgstr[0] "day"\nmsgstr[2] "days"\n',
              HEADER + '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'), H + 6, "plural form has wrong index", True),
    Broken("plural forms without Plural-Forms",
           po('msgid "день"\nmsgid_plural "дні"\nmsgstr[0] "day"\nmsgstr[1] "days"\n'), H + 4,
           "Plural-Forms", True),
    Broken("unterminated previous msgid", po('#| msgid "Київ\nmsgid "Київ"\nmsgstr "Kyiv"\n'), H + 2,
           "end-of-line within string", True),
    Broken("unterminated obsolete string", po('msgid "Київ"\nmsgstr "Kyiv"\n\n#~ msgid "Львів\n#~ msgstr "Lviv"\n'),
           H + 5, "end-of-line within string", True),
    Broken("domain directive", po('domain "school"\nmsgid "Київ"\nmsgstr "Kyiv"\n'), H + 2, "'domain'", True),
    Broken("a header field given twice",
           po('msgid "Київ"\nmsgstr "Kyiv"\n', HEADER + '"Language: uk\\n"\n'), 2, "given twice", False),
    Broken("two strings on one line", po('msgid "Ки" "їв"\nmsgstr "Kyiv"\n'), H + 2, "a second string", False),
    Broken("a comment polib drops", po('#no space after the hash\nmsgid "Київ"\nmsgstr "Kyiv"\n'), H + 2,
           "no space after '#'", False),
]

WELCOME = {
    "Poedit": (
        "# Ukrainian translation of the school article.\n"
        "# Olena K. <olena@example.org>, 2026.\n"
        "#\n"
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: school\\n"\n"POT-Creation-Date: 2026-11-01 10:00+0200\\n"\n'
        '"PO-Revision-Date: 2026-11-20 12:00+0200\\n"\n"Last-Translator: Olena K. <olena@example.org>\\n"\n'
        '"Language-Team: Desk <desk@example.org>\\n"\n"Language: en\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"X-Generator: Poedit 3.4.2\\n"\n'
        '"X-Poedit-SourceCharset: UTF-8\\n"\n'
        "\n"
        "# checked with the desk\n"
        "#. 1-1 · confidence 0.91\n"
        "#: ../originals/school.uk.txt:3\n"
        "#, fuzzy\n"
        '#| msgid "Школу відкрили"\n'
        'msgctxt "b729bff5"\n'
        'msgid ""\n"Школу № 251 на Оболоні, яку зруйнував російський ракетний удар 24 "\n'
        '"лютого 2022 року, відкрили після відбудови."\n'
        'msgstr ""\n"School No. 251 in Obolon, destroyed by a Russian missile strike on "\n'
        '"February 24, 2022, has \\"reopened\\"\\tafter reconstruction.\\n"\n"\\n"\n"Second paragraph."\n'
        "\n"
        'msgid "день"\nmsgid_plural "дні"\nmsgstr[0] "day"\nmsgstr[1] "days"\n'
        "\n"
        '#~ msgctxt "old"\n#~ msgid "Стара назва"\n#~ msgstr "Old name"\n'
    ),
    "Weblate": (
        'msgid ""\nmsgstr ""\n"Project-Id-Version: school 1.0\\n"\n"Report-Msgid-Bugs-To: \\n"\n'
        '"Language-Team: English <https://hosted.weblate.org/projects/desk/school/en/>\\n"\n'
        '"Language: en\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=n != 1;\\n"\n'
        '"X-Generator: Weblate 5.8\\n"\n'
        "\n"
        '#: school.uk.txt:1\nmsgctxt "0baaf8a0"\nmsgid "У Києві відкрили відбудовану школу"\n'
        'msgstr "Kyiv reopens rebuilt school"\n'
        "\n"
        "#, fuzzy\n"
        'msgid "Наступного тижня в школі відкриють басейн"\nmsgstr "Next week the school will open a pool"\n'
        "\n"
        '#~ msgid "Поділитися"\n#~ msgstr "Share This"\n'
    ),
    "msgmerge": (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        "\n"
        '#, fuzzy\n#| msgctxt "a"\n#| msgid ""\n#| "Київ, "\n#| "столиця"\nmsgctxt "b"\nmsgid "Київ — столиця"\n'
        'msgstr "Kyiv is the capital"\n'
        "\n"
        '#~| msgid "Львів"\n#~ msgid "Львів, місто"\n#~ msgstr "Lviv, the city"\n'
    ),
    "CRLF line ends": ('msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
                       'msgid "Київ"\r\nmsgstr "Kyiv"\r\n'),
    "entries added by hand without blank lines": (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        'msgid "Київ"\nmsgstr "Kyiv"\nmsgctxt "mine"\nmsgid "[editflow: no Ukrainian counterpart]"\n'
        'msgstr "A note of the desk."\n'
    ),
}

_MSGFMT_LINE = re.compile(r":(\d+):(?:\d+:)? (?!warning)")


def run_msgfmt(msgfmt: str, path: Path) -> tuple[int, str]:
    proc = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_a_broken_po_is_refused_with_file_and_line_as_msgfmt_does(case: Broken, tmp_path: Path, require_tool) -> None:
    path = tmp_path / "school.po"
    path.write_bytes(case.data)
    with pytest.raises(POFormatError) as exc:
        load_po(path)
    message = exc.value.format_message()
    assert message.startswith(f"{path}:{case.line}: " if case.line else f"{path}: "), message
    assert case.words in message and "not a valid PO file" in message
    assert exc.value.line == case.line
    assert path.read_bytes() == case.data
    rc, err = run_msgfmt(require_tool("msgfmt"), path)
    assert (rc != 0) == case.msgfmt_refuses, err
    lines = [int(m.group(1)) for m in _MSGFMT_LINE.finditer(err)]
    if case.msgfmt_refuses and lines:
        # msgfmt names the line after an unterminated string (where it noticed the end of line).
        assert lines[0] in (case.line, case.line + 1), err
    elif not case.msgfmt_refuses:
        assert "fatal" not in err


@pytest.mark.parametrize("name", sorted(WELCOME))
def test_files_saved_by_po_editors_are_welcome(name: str, tmp_path: Path, require_tool) -> None:
    path = tmp_path / "school.po"
    path.write_bytes(WELCOME[name].encode("utf-8"))
    rc, err = run_msgfmt(require_tool("msgfmt"), path)
    assert rc == 0, err
    po = load_po(path)
    # editflow reads the strings gettext reads: msgunfmt-free check through the validator's own parse.
    parsed = [e for e in validate_po(path.read_bytes(), path).entries if not e.is_header]
    assert [(e.msgctxt, e.msgid, e.msgstr or "", e.obsolete) for e in po] == \
        [(p.msgctxt, p.msgid, p.msgstr or "", p.obsolete) for p in parsed]


def test_poedit_file_reads_exactly(tmp_path: Path) -> None:
    po = parse_po(WELCOME["Poedit"].encode("utf-8"), "poedit.po")
    first = po[0]
    assert first.msgctxt == "b729bff5" and first.flags == ["fuzzy"] and first.tcomment == "checked with the desk"
    assert first.previous_msgid == "Школу відкрили"
    assert first.msgstr == ('School No. 251 in Obolon, destroyed by a Russian missile strike on February 24, 2022, '
                            'has "reopened"\tafter reconstruction.\n\nSecond paragraph.')
    assert po[1].msgstr_plural == {0: "day", 1: "days"}
    assert po[2].obsolete and po[2].msgstr == "Old name"
    assert po.metadata["X-Generator"] == "Poedit 3.4.2" and po.header.startswith("Ukrainian translation")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    # msgfmt refuses a UTF-8 BOM (Windows Notepad writes one); nothing in the text changes by dropping it.
    data = b"\xef\xbb\xbf" + WELCOME["Weblate"].encode("utf-8")
    po = parse_po(data, "bom.po")
    assert po[0].msgstr == "Kyiv reopens rebuilt school"


def test_a_string_with_a_line_separator_is_read_whole(tmp_path: Path, require_tool) -> None:
    # polib alone would break the line at U+2028 (str.splitlines) and lose the rest of the string.
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Київ\u2028Львів"\nmsgstr "a\u0085b"\n'
    path = tmp_path / "sep.po"
    path.write_text(text, encoding="utf-8")
    assert run_msgfmt(require_tool("msgfmt"), path)[0] == 0
    [entry] = load_po(path)
    assert entry.msgid == "Київ\u2028Львів" and entry.msgstr == "a\u0085b"


def test_what_editflow_writes_is_read_back_unchanged(article_pair) -> None:
    from editflow.workfile import align_files, write_alignment

    out = article_pair.translation.with_name("school.po")
    write_alignment(align_files(article_pair.original, article_pair.translation), out)
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in load_po(out)] == \
        [(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(out))]


def test_collection_covers_every_class_of_the_issue() -> None:
    names = " ".join(c.name for c in BROKEN)
    for cls in ("unterminated", "missing opening quote", "empty file", "unknown charset", "wrong charset",
                "duplicate entries", "bad escape", "text outside any entry"):
        assert cls in names


def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.po"
    path.write_bytes(b"\xef\xbb\xbf\n")
    with pytest.raises(POFormatError, match="the file is empty"):
        load_po(path)
