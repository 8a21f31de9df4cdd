"""Saving .docx files so that the same PO gives the same bytes, and never half a file.

python-docx stamps every zip member with the current time and the core
properties with "now"; both are replaced by one fixed moment: the
`SOURCE_DATE_EPOCH` environment variable when set (the reproducible-builds
convention), else the PO's `PO-Revision-Date`, else the PO's
`POT-Creation-Date`, else 2000-01-01.
"""

from __future__ import annotations

import functools
import io
import os
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.fileio import atomic_write

if TYPE_CHECKING:
    import polib

_FALLBACK = datetime(2000, 1, 1, tzinfo=UTC)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parse_po_date(value: str) -> datetime | None:
    # PO dates look like "2026-11-25 20:17+0000"; hand-edited ones vary.
    for fmt in ("%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M"):
        try:
            d = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return d if d.tzinfo else d.replace(tzinfo=UTC)
    return None


def export_moment(po: polib.POFile | None = None) -> datetime:
    """The one timestamp written into an export (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    if po is not None:
        for key in ("PO-Revision-Date", "POT-Creation-Date"):
            d = _parse_po_date(po.metadata.get(key, ""))
            if d is not None:
                return d.astimezone(UTC)
    return _FALLBACK


class _FixedTimeZip:
    """python-docx's physical package writer interface, writing members with one fixed timestamp.

    python-docx would stamp each member with "now" and compress it; writing
    through this instead gives deterministic bytes with a single compression
    pass (saving and re-zipping cost twice as much).
    """

    def __init__(self, stream: io.BytesIO, stamp: tuple[int, int, int, int, int, int]) -> None:
        self._zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self._stamp = stamp

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def docx_bytes(document: Any, moment: datetime) -> bytes:
    """The document's bytes with core-property dates and zip member times fixed to `moment`."""
    from docx.opc.pkgwriter import PackageWriter

    naive = moment.astimezone(UTC).replace(tzinfo=None)
    props = document.core_properties
    props.created = naive
    props.modified = naive
    props.last_printed = naive
    props.revision = 1
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    # Any: it stands in for python-docx's PhysPkgWriter by its two methods, write and close.
    writer: Any = _FixedTimeZip(out, max(naive, datetime(1980, 1, 1)).timetuple()[:6])
    # The steps of PackageWriter.write, with our member writer instead of its zip file.
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()
    return out.getvalue()


# Table styles every new document keeps: Word's default and the plain grid.
_KEPT_TABLE_STYLES = frozenset({"Normal Table", "Table Normal", "Table Grid"})


@functools.cache
def _blank_template() -> bytes:
    """python-docx's default template without the parts no export uses, made once per process.

    That template defines a hundred table styles ("Medium Grid 3 Accent 6", …:
    430 KB of its 440 KB styles part) and carries a second copy of the styles
    for Word 2010 (stylesWithEffects).  No export uses either, and they made up
    most of the time to open, write and compress every review, redline and
    publication, and to read one back.  Word still offers its built-in table
    styles (the latent styles stay), and Word 2010 and later open documents
    without the second copy, like every file LibreOffice writes.
    """
    import docx

    document = docx.Document()
    styles = document.styles.element
    for style in styles.findall(_W + "style"):
        name = style.find(_W + "name")
        if style.get(_W + "type") == "table" and (name is None or name.get(_W + "val") not in _KEPT_TABLE_STYLES):
            styles.remove(style)
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/stylesWithEffects")]:
        del rels[rid]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def new_document() -> Any:
    """A new python-docx Document: the default template, lightened (see `_blank_template`)."""
    import docx

    return docx.Document(io.BytesIO(_blank_template()))


def save_docx(document: Any, path: Path, moment: datetime) -> None:
    """Write the document deterministically and atomically (temp file, then rename)."""
    atomic_write(Path(path), docx_bytes(document, moment))


# ---------------------------------------------------------------------------
# Text as Word stores it
# ---------------------------------------------------------------------------

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters a run stores as elements rather than as text: what Word itself
# writes for them, and what the readers (readers/docx.py, the review import)
# turn back into the same characters.
_ELEMENTS = {"\n": "br", "\t": "tab", "\u00ad": "softHyphen", "\u2011": "noBreakHyphen"}
# XML 1.0 cannot hold C0 controls (other than tab, newline, carriage return) nor
# U+FFFE/U+FFFF.  The noncharacters are stored as `w:sym` (their code, no
# font), which the readers read back; the controls never reach a writer from a
# PO (`check_storable` refuses it first), so here they can only come from
# editflow's own messages and are shown as U+FFFD.
_SPECIAL = re.compile("[\n\t\u00ad\u2011\ufffe\uffff\x00-\x08\x0b-\x1f]")
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f]")
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _text_element(run: Any, tag: str, piece: str) -> None:
    from lxml import etree

    t = etree.SubElement(run, _W + tag)
    t.text = piece
    if piece[:1].isspace() or piece[-1:].isspace() or "  " in piece:
        t.set(_XML_SPACE, "preserve")


def append_text(run: Any, text: str, text_tag: str = "t") -> None:
    """Append `text` to the `w:r` element `run` as Word stores it, every character kept.

    Line breaks become `w:br`, tabs `w:tab`, soft and non-breaking hyphens
    `w:softHyphen` and `w:noBreakHyphen`, U+FFFE/U+FFFF `w:sym`; the rest
    goes into `w:t` (`text_tag`: "delText" for a tracked deletion), with
    xml:space="preserve" wherever spaces must not be trimmed.
    """
    from lxml import etree

    start = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > start:
            _text_element(run, text_tag, text[start:m.start()])
        ch = m.group()
        if ch in _ELEMENTS:
            etree.SubElement(run, _W + _ELEMENTS[ch])
        elif ch in "\ufffe\uffff":
            etree.SubElement(run, _W + "sym").set(_W + "char", f"{ord(ch):04X}")
        else:
            _text_element(run, text_tag, "\ufffd")
        start = m.end()
    if start < len(text):
        _text_element(run, text_tag, text[start:])


def xml_safe(text: str) -> str:
    """`text` for a place that holds plain XML text only (document properties, attributes):
    what XML cannot hold becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", text) if _NOT_XML.search(text) else text


def check_storable(po: polib.POFile, po_path: Path) -> None:
    """Refuse (InputError naming the PO, the line and the entry) a PO holding text a Word document cannot hold.

    C0 control characters other than tab and newline: a translator's editor
    may have let one in; XML 1.0 has no way to store it, and dropping it
    silently would change the text.  Everything else is stored (`append_text`).
    """
    from editflow.errors import InputError

    hint = "delete it in the PO (it is invisible in most editors) and export again"
    for name, value in po.metadata.items():
        m = _UNSTORABLE.search(f"{name}{value}")
        if m:
            raise InputError(po_path, f"the header field {name!r} holds the control character "
                                      f"U+{ord(m.group()):04X}, which a Word document cannot hold", hint)
    for entry in po:
        if entry.obsolete:
            continue
        for label, value in (("Ukrainian (msgid)", entry.msgid), ("English (msgstr)", entry.msgstr),
                             ("id (msgctxt)", entry.msgctxt or ""), ("translator comment", entry.tcomment or ""),
                             ("comment", entry.comment or "")):
            m = _UNSTORABLE.search(value)
            if m:
                ident = f" {entry.msgctxt!r}" if entry.msgctxt else ""
                raise InputError(po_path, f"line {entry.linenum}: the {label} of entry{ident} holds the control "
                                          f"character U+{ord(m.group()):04X}, which a Word document cannot hold",
                                 hint)


# ---------------------------------------------------------------------------
# Formatted text: the PO's inline tags as Word formatting
# ---------------------------------------------------------------------------

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
LINK_STYLE = "Hyperlink"


def run_element(text: str, *, style: str = "", bold: bool = False, italic: bool = False, color: str = "",
                lang: str = "", text_tag: str = "t") -> Any:
    """A `w:r` holding `text` (`append_text`), its properties in the schema's order."""
    from lxml import etree

    r = etree.Element(_W + "r")
    if style or bold or italic or color or lang:
        rpr = etree.SubElement(r, _W + "rPr")
        if style:
            etree.SubElement(rpr, _W + "rStyle").set(_W + "val", style)
        if bold:
            etree.SubElement(rpr, _W + "b")
        if italic:
            etree.SubElement(rpr, _W + "i")
        if color:
            etree.SubElement(rpr, _W + "color").set(_W + "val", color)
        if lang:
            etree.SubElement(rpr, _W + "lang").set(_W + "val", lang)
    append_text(r, text, text_tag)
    return r


class Formatter:
    """Writes a paragraph's tagged text (editflow.inline) into one Word document as formatted runs.

    `<i>` and `<b>` are the run's italics and bold; `<a href>` a real hyperlink: a `w:hyperlink` element
    whose relationship (one per address, in the body's part) points at the address, its runs in the
    Hyperlink character style, created (blue, underlined, as Word's own) the first time a document
    needs it unless the document or its template has one.  A paragraph whose markup is not the tag set
    is written as it stands, tags as text (`Markup.literal`).
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        self._style: str | None = None

    def link_style(self) -> str:
        if self._style is None:
            self._style = _ensure_link_style(self.document)
        return self._style

    def hyperlink(self, href: str) -> Any:
        from lxml import etree

        from editflow.inline import uri

        rid = self.document.part.relate_to(uri(href), _HYPERLINK_RT, is_external=True)
        link = etree.Element(_W + "hyperlink")
        link.set(_R_ID, rid)
        link.set(_W + "history", "1")
        return link

    def pieces(self, text: str) -> list[tuple[str, Any]]:
        """(text, Format) stretches of one paragraph's tagged text; one unformatted stretch when its markup
        is not the tag set."""
        from editflow.inline import parse

        return parse(text).shown_pieces()

    def elements(self, pieces: list[tuple[str, Any]], run: Any) -> list[Any]:
        """The elements for a paragraph's pieces: `run(text, Format)` makes each run (the caller's own
        properties), pieces linking to one address in a row share one `w:hyperlink`."""
        out: list[Any] = []
        runs = LinkedRuns(self, out.append)
        for text, fmt in pieces:
            if text:
                runs.add(run(text, fmt), fmt.href)
        return out


class LinkedRuns:
    """Runs appended in order to a paragraph (through `append`): those linking to one address in a
    row go into one `w:hyperlink`, the rest straight into the paragraph."""

    def __init__(self, formatter: Formatter, append: Any) -> None:
        self.formatter = formatter
        self.append = append
        self.link: Any = None
        self.href = ""

    def add(self, element: Any, href: str) -> None:
        if not href:
            self.link = None
            self.append(element)
            return
        if self.link is None or href != self.href:
            self.link, self.href = self.formatter.hyperlink(href), href
            self.append(self.link)
        self.link.append(element)

    def close(self) -> None:
        """End the open hyperlink: what the paragraph gets next (a comment mark) is outside it."""
        self.link = None


def _ensure_link_style(document: Any) -> str:
    """The style id of the document's Hyperlink character style, made as Word's own when it has none."""
    from lxml import etree

    styles = document.styles.element
    for style in styles.findall(_W + "style"):
        name = style.find(_W + "name")
        if style.get(_W + "type") == "character" and name is not None and name.get(_W + "val") == LINK_STYLE:
            return style.get(_W + "styleId") or LINK_STYLE
    taken = {s.get(_W + "styleId") for s in styles.findall(_W + "style")}
    sid = LINK_STYLE if LINK_STYLE not in taken else next(f"{LINK_STYLE}{n}" for n in range(2, 100)
                                                          if f"{LINK_STYLE}{n}" not in taken)
    style = etree.SubElement(styles, _W + "style")
    style.set(_W + "type", "character")
    style.set(_W + "styleId", sid)
    etree.SubElement(style, _W + "name").set(_W + "val", LINK_STYLE)
    etree.SubElement(style, _W + "uiPriority").set(_W + "val", "99")
    etree.SubElement(style, _W + "unhideWhenUsed")
    rpr = etree.SubElement(style, _W + "rPr")
    color = etree.SubElement(rpr, _W + "color")
    color.set(_W + "val", "0563C1")
    color.set(_W + "themeColor", "hyperlink")
    etree.SubElement(rpr, _W + "u").set(_W + "val", "single")
    return sid
