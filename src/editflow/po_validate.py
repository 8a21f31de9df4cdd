"""A strict reader of PO file structure, run before polib sees a file.

polib (and Babel) accept structurally broken PO files and quietly change the
text: a string missing its closing quote is cut short, a duplicate entry
replaces the first, a comment after the last entry vanishes, `\\a` stays a
backslash and a letter.  A PO is a file people edit by hand, so editflow
refuses such a file instead, with the file and line as `msgfmt` gives them,
and nothing is written from it.

The grammar is gettext's (`msgfmt --check` is the reference, and the tests hold
the two side by side over a collection of broken files):

    entry   := comment* [msgctxt STRING+] msgid STRING+
               (msgstr STRING+ | msgid_plural STRING+ (msgstr[N] STRING+)+)
    comment := "# …" | "#. …" | "#: …" | "#, …" | "#| <previous msgctxt/msgid/msgid_plural>"

with obsolete entries as the same lines behind `#~`.  What msgfmt refuses is
refused: an unterminated string, a keyword or text outside any entry, a
missing `msgstr`, an unknown escape, plural forms out of order, an entry that
repeats another's msgctxt and msgid (obsolete ones included), bytes that are
not in the declared charset.  Beyond msgfmt, editflow also refuses what would
change in its hands, each with the line named: an empty file; a charset other
than UTF-8 (or an unknown one) with non-ASCII text; no header saying the
charset when the text is not ASCII; the escapes `\\a`, `\\ooo`, `\\xHH` (valid
gettext, but polib keeps them as a backslash and letters); a string left on a
line of its own after a blank line; a comment after the last entry; a header
field given twice or a header line that is not `Field: value`.

What Poedit, Lokalize, Weblate and msgmerge write stays welcome: wrapped
strings, obsolete entries, `#|` previous strings, plural forms, any header
fields, CRLF line ends, a UTF-8 byte-order mark, entries added by hand.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from editflow.errors import InputError

# The escapes polib reads and writes back unchanged.  gettext also knows \a,
# octal and hex escapes; polib leaves those as a backslash and letters.
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_GETTEXT_ONLY = "a01234567x"
_WORD = re.compile(r"[A-Za-z_]\w*(?:\[(\d+)\])?")
_KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
_PREVIOUS = ("msgctxt", "msgid", "msgid_plural")
_INVALID_BYTE = re.compile("[\udc80-\udcff]")  # undecodable bytes, kept by "surrogateescape"

HINT = "fix it in a text editor (msgfmt --check shows the same); editflow has not changed the file"


class POFormatError(InputError):
    """A PO file editflow will not read; the message names the file and line."""

    def __init__(self, path: Path | str, line: int, problem: str, hint: str = HINT) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(where, f"not a valid PO file: {problem}", hint)
        self.line = line
        self.problem = problem


@dataclass
class ParsedEntry:
    """One entry as gettext reads it: its strings, decoded, and where it starts."""

    line: int                              # the line of its first keyword (msgctxt or msgid)
    obsolete: bool = False
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    has_comments: bool = False
    keyword_lines: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid or "")

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


@dataclass
class ValidatedPO:
    text: str                      # the file decoded (UTF-8, byte-order mark removed)
    entries: list[ParsedEntry]     # header included, in file order
    charset: str


class _Fail(Exception):
    def __init__(self, line: int, problem: str, hint: str = HINT) -> None:
        super().__init__(problem)
        self.line, self.problem, self.hint = line, problem, hint


_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(.)")
_SPACE = re.compile(r"[ \t]*")


def _unescape(body: str, line: int, col: int) -> str:
    for m in _ESCAPE.finditer(body):
        e = m.group(1)
        if e in _ESCAPES:
            continue
        where = col + m.start() + 1
        if e in _GETTEXT_ONLY:
            raise _Fail(line, f"escape \\{e} at column {where} would become a backslash and letters in editflow's "
                              "PO library", "write the character itself instead of the escape; "
                                            "editflow has not changed the file")
        raise _Fail(line, f"invalid control sequence \\{e} at column {where}")
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], body) if "\\" in body else body


def _lex_strings(rest: str, line: int, col0: int) -> list[str]:
    """The string on one line (gettext allows `"a" "b"`, polib does not); anything else on the line is an error."""
    out: list[str] = []
    i, n = 0, len(rest)
    while True:
        space = _SPACE.match(rest, i)
        i = space.end() if space else i
        if i >= n:
            return out
        if rest[i] != '"':
            token = rest[i:].split()[0]
            why = "a missing opening quote?" if '"' in rest[i:] else "text outside a string"
            raise _Fail(line, f"unexpected {token!r} at column {col0 + i + 1} ({why})")
        m = _STRING.match(rest, i)
        if m is None:
            raise _Fail(line, "end-of-line within string (a closing \" is missing)")
        if out:
            raise _Fail(line, f"a second string on one line at column {col0 + i + 1} (editflow's PO library cannot "
                              "read that)", "put each string on a line of its own; editflow has not changed the file")
        out.append(_unescape(m.group(1), line, col0 + i + 1))
        i = m.end()


class _Parser:
    """gettext's grammar, one line at a time."""

    def __init__(self) -> None:
        self.entries: list[ParsedEntry] = []
        self.cur: ParsedEntry | None = None
        self.field: str | None = None        # the field the last strings went to
        self.pending_comments = False
        self.pending_prev: ParsedEntry | None = None
        self.prev_field: str | None = None
        self.blank_since_string = False
        self.last_comment_line = 0

    # -- entries ----------------------------------------------------------
    def _complete(self, e: ParsedEntry) -> bool:
        if e.msgid is None:
            return False
        return (e.msgstr is not None) if e.msgid_plural is None else bool(e.msgstr_plural)

    def _close(self) -> None:
        e = self.cur
        if e is None:
            return
        if e.msgid is None:
            raise _Fail(e.line, "msgctxt without a msgid")
        if e.msgid_plural is not None and e.msgstr is None and not e.msgstr_plural:
            raise _Fail(e.keyword_lines.get("msgid", e.line), "missing 'msgstr[0]' section")
        if e.msgid_plural is None and e.msgstr is None:
            raise _Fail(e.keyword_lines.get("msgid", e.line), "missing 'msgstr' section")
        self.entries.append(e)
        self.cur, self.field = None, None

    def _start(self, line: int, obsolete: bool) -> ParsedEntry:
        e = ParsedEntry(line=line, obsolete=obsolete, has_comments=self.pending_comments)
        if self.pending_prev is not None:
            e.previous_msgctxt = self.pending_prev.msgctxt
            e.previous_msgid = self.pending_prev.msgid
            e.previous_msgid_plural = self.pending_prev.msgid_plural
        self.pending_comments, self.pending_prev, self.prev_field = False, None, None
        self.cur = e
        return e

    def keyword(self, kw: str, index: int | None, strings: list[str], line: int, obsolete: bool) -> None:
        if not strings:
            raise _Fail(line, f"'{kw}' without a string after it")
        self.blank_since_string = False
        text = "".join(strings)
        e = self.cur
        if e is not None and e.obsolete != obsolete:
            if self._complete(e):
                self._close()
                e = None
            else:
                raise _Fail(line, "an entry mixes obsolete (#~) and live lines")
        if kw in ("msgctxt", "msgid"):
            if e is not None and self._complete(e):
                self._close()
                e = None
            if e is not None:
                if e.msgid is not None:
                    raise _Fail(e.keyword_lines["msgid"], "missing 'msgstr' section")
                if kw == "msgctxt":
                    raise _Fail(line, "a second 'msgctxt' before the msgid")
            if e is None:
                e = self._start(line, obsolete)
            setattr(e, kw, text)
            e.keyword_lines[kw] = line
            self.field = kw
            return
        if e is None or e.msgid is None:
            raise _Fail(line, f"'{kw if index is None else f'msgstr[{index}]'}' outside any entry (no msgid before it)")
        if kw == "msgid_plural":
            if e.msgid_plural is not None or e.msgstr is not None or e.msgstr_plural:
                raise _Fail(line, "'msgid_plural' out of place")
            e.msgid_plural = text
            self.field = kw
        elif index is None:  # msgstr
            if e.msgid_plural is not None:
                raise _Fail(line, "plain 'msgstr' after 'msgid_plural' (expected 'msgstr[0]')")
            if e.msgstr is not None:
                raise _Fail(line, "a second 'msgstr' in one entry")
            e.msgstr = text
            self.field = kw
        else:
            if e.msgid_plural is None:
                raise _Fail(e.keyword_lines["msgid"], f"missing 'msgid_plural' section ('msgstr[{index}]' at line {line} "
                                                      "needs one)")
            if index != len(e.msgstr_plural):
                raise _Fail(line, f"plural form has wrong index (msgstr[{index}] where msgstr[{len(e.msgstr_plural)}] "
                                  "was expected)")
            e.msgstr_plural[index] = text
            self.field = f"msgstr[{index}]"
        e.keyword_lines.setdefault(kw, line)

    def continuation(self, strings: list[str], line: int, obsolete: bool) -> None:
        e = self.cur
        if e is None or self.field is None:
            raise _Fail(line, "a string outside any entry (no keyword before it)")
        if self.blank_since_string:
            raise _Fail(line, "a string after a blank line, outside any entry")
        if e.obsolete != obsolete:
            raise _Fail(line, "an entry mixes obsolete (#~) and live lines")
        text = "".join(strings)
        if self.field.startswith("msgstr["):
            e.msgstr_plural[int(self.field[7:-1])] += text
        else:
            setattr(e, self.field, getattr(e, self.field) + text)

    def blank(self) -> None:
        if self.field is not None:
            self.blank_since_string = True

    def comment(self, line: int) -> None:
        e = self.cur
        if e is not None:
            if e.msgid is None:
                raise _Fail(line, "a comment between msgctxt and msgid")
            if not self._complete(e):
                missing = "msgstr[0]" if e.msgid_plural is not None else "msgstr"
                raise _Fail(e.keyword_lines["msgid"], f"missing '{missing}' section (a comment at line {line} "
                                                      "stands where it should be)")
            self._close()
        self.pending_comments = True
        self.last_comment_line = line
        self.field = None

    def previous(self, kw: str | None, strings: list[str], line: int) -> None:
        """`#| msgid "…"` lines: the previous strings of the next entry (a PO editor's hint)."""
        self.comment(line)
        prev = self.pending_prev
        if kw is None:
            if prev is None or self.prev_field is None:
                raise _Fail(line, "a '#|' string with no '#| msgid' before it")
            setattr(prev, self.prev_field, getattr(prev, self.prev_field) + "".join(strings))
            return
        if kw not in _PREVIOUS:
            raise _Fail(line, f"'#| {kw}': only msgctxt, msgid and msgid_plural may be given as previous strings")
        if not strings:
            raise _Fail(line, f"'#| {kw}' without a string after it")
        if prev is None:
            prev = self.pending_prev = ParsedEntry(line=line)
        setattr(prev, kw, "".join(strings))
        self.prev_field = kw

    def finish(self) -> None:
        if self.cur is not None:
            self._close()
        if self.pending_prev is not None:
            raise _Fail(self.pending_prev.line, "'#|' previous strings after the last entry, belonging to none")
        if self.pending_comments and self.entries:
            raise _Fail(self.last_comment_line, "a comment after the last entry belongs to no entry "
                                                "(editflow's PO library would drop it)",
                        "move it above an entry, or delete it; editflow has not changed the file")


def _keyword_line(p: _Parser, line: str, n: int, col0: int, obsolete: bool) -> None:
    if line.startswith('"'):
        p.continuation(_lex_strings(line, n, col0), n, obsolete)
        return
    m = _WORD.match(line)
    if not m:
        raise _Fail(n, f"unexpected {line.split()[0]!r} (text outside any entry)")
    word = m.group(0)
    kw = "msgstr" if m.group(1) is not None and word.startswith("msgstr[") else word
    if kw not in _KEYWORDS or (m.group(1) is not None and kw != "msgstr"):
        if kw == "domain":
            raise _Fail(n, "'domain' directive (msgfmt ignores it; editflow's working files hold one domain)")
        raise _Fail(n, f"keyword {word!r} unknown (text outside any entry)")
    rest = line[m.end():]
    if rest.startswith('"'):
        raise _Fail(n, f"no space between '{word}' and its string (editflow's PO library cannot read that)",
                    f"write '{word} \"…\"'; editflow has not changed the file")
    strings = _lex_strings(rest, n, col0 + m.end())
    p.keyword(kw, int(m.group(1)) if m.group(1) is not None else None, strings, n, obsolete)


def _parse_line(p: _Parser, raw: str, n: int) -> None:
    line = raw.lstrip(" \t")
    col0 = len(raw) - len(line)
    if not line:
        p.blank()
        return
    if line.startswith("#~"):
        body = line[2:]
        if body.startswith("|"):
            # An obsolete entry's previous strings: syntax checked, not kept (polib drops them, as
            # msgmerge would on the next merge).
            after = body[1:].lstrip(" \t")
            m = _WORD.match(after)
            _lex_strings(after[m.end():] if m else after, n, col0)
            return
        rest = body.lstrip(" \t")
        if rest:
            _keyword_line(p, rest, n, len(raw) - len(rest), obsolete=True)
        return
    if line.startswith("#|"):
        after = line[2:].lstrip(" \t")
        m = _WORD.match(after)
        if m:
            p.previous(m.group(0), _lex_strings(after[m.end():], n, col0), n)
        else:
            p.previous(None, _lex_strings(after, n, col0), n)
        return
    if line.startswith("#"):
        second = line[1:2]
        if second not in ("", " ", "\t", "#", ".", ":", ","):
            raise _Fail(n, f"comment {line[:12]!r} has no space after '#' (editflow's PO library would refuse "
                           "or drop it)", "write '# ' before the text; editflow has not changed the file")
        if second in (".", ":", ",") and line[2:3] not in ("", " ", "\t"):
            raise _Fail(n, f"comment {line[:12]!r} has no space after '#{second}'",
                        f"write '#{second} ' before the text; editflow has not changed the file")
        p.comment(n)
        return
    _keyword_line(p, line, n, col0, obsolete=False)


def _header_fields(header: ParsedEntry) -> dict[str, str]:
    fields: dict[str, str] = {}
    line = header.keyword_lines.get("msgstr", header.line)
    for part in (header.msgstr or "").split("\n"):
        if not part.strip():
            continue
        if ":" not in part:
            raise _Fail(line, f"header line {part[:40]!r} is not 'Field: value'")
        key, value = part.split(":", 1)
        key = key.strip()
        if key in fields:
            raise _Fail(line, f"header field {key!r} is given twice")
        fields[key] = value.strip()
    return fields


def _charset(fields: dict[str, str]) -> str | None:
    m = re.search(r"charset\s*=\s*([^\s;]+)", fields.get("Content-Type", ""), re.IGNORECASE)
    return m.group(1) if m else None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def validate_po(data: bytes, path: Path | str = "<po>") -> ValidatedPO:
    """Check a PO file's structure and charset; its text and entries, or POFormatError naming the line."""
    if not data.strip():
        raise POFormatError(path, 0, "the file is empty", "re-create it with 'editflow align', or restore it from "
                                                          "version control")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]:
        raise POFormatError(path, 1, "the file is UTF-16 or binary, not a UTF-8 PO file",
                            "save it as UTF-8 (msgconv --to-code=UTF-8)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        if not data.strip():
            raise POFormatError(path, 0, "the file is empty (a byte-order mark and nothing else)",
                                "re-create it with 'editflow align', or restore it from version control")
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    p = _Parser()
    try:
        for n, raw in enumerate(lines, 1):
            _parse_line(p, raw[:-1] if raw.endswith("\r") else raw, n)
        p.finish()
        entries = p.entries
        if not entries:
            raise _Fail(1, "no entries and no header (only comments)")
        seen: dict[tuple[str | None, str], int] = {}
        for e in entries:
            if e.key in seen:
                raise _Fail(e.line, f"duplicate entry: the same msgctxt and msgid as the entry at line {seen[e.key]}",
                            "merge the two entries into one (or delete one); editflow has not changed the file")
            seen[e.key] = e.line
        header = next((e for e in entries if e.is_header), None)
        fields = _header_fields(header) if header is not None else {}
        charset = _charset(fields)
        ascii_only = data.isascii()
        header_line = header.keyword_lines.get("msgstr", header.line) if header is not None else 1
        if charset is None:
            if not ascii_only:
                raise _Fail(header_line, "no header names the charset (Content-Type: text/plain; charset=UTF-8) "
                                         "and the file holds non-ASCII text",
                            "add that header line; editflow has not changed the file")
            charset = "UTF-8"
        else:
            try:
                codec = codecs.lookup(charset).name
            except LookupError:
                raise _Fail(header_line, f"unknown charset {charset!r} in the header",
                            "set charset=UTF-8 in Content-Type (and save the file as UTF-8); "
                            "editflow has not changed the file") from None
            # ASCII text reads the same in every ASCII-compatible charset; anything else must be UTF-8.
            compatible = ascii_only and not codec.startswith(("utf-16", "utf-32"))
            if codec not in ("utf-8", "utf-8-sig") and not compatible:
                raise _Fail(header_line, f"the header declares charset {charset!r}; editflow reads UTF-8 PO files "
                                         "only",
                            "convert it with 'msgconv --to-code=UTF-8' (which also fixes the header); "
                            "editflow has not changed the file")
        bad = _INVALID_BYTE.search(text)
        if bad is not None:
            byte = ord(bad.group(0)) - 0xDC00
            raise _Fail(_line_of(text, bad.start()), f"byte 0x{byte:02X} is not valid UTF-8 (the header declares "
                                                     f"{charset})",
                        "save the file as UTF-8; editflow has not changed the file")
        plural = next((e for e in entries if e.msgid_plural is not None and not e.obsolete), None)
        if plural is not None and "nplurals" not in fields.get("Plural-Forms", ""):
            raise _Fail(plural.keyword_lines.get("msgstr", plural.line),
                        "plural forms are used but the header has no 'Plural-Forms: nplurals=…; plural=…;'",
                        "add the header field; editflow has not changed the file")
    except _Fail as f:
        raise POFormatError(path, f.line, f.problem, f.hint) from None
    return ValidatedPO(text, entries, charset)
