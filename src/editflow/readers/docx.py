"""Word (.docx) reader.

python-docx opens the package (and tells us when it is broken), but the body
is walked as raw XML: `Paragraph.text` would keep tracked deletions out but
also drop tracked insertions, text boxes, fields and footnotes, and its tables
repeat merged cells.  What an editor sees in the final document is what we
want to align.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from editflow.errors import InputError
from editflow.model import Document, Paragraph, Role

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{_W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
W_T, W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _w("t"), _w("sdt"), _w("sdtContent"), _w("customXml")
W_TXBX_CONTENT = _w("txbxContent")
W_VAL, W_ID, W_TYPE = _w("val"), _w("id"), _w("type")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{_MC_NS}}}AlternateContent",
                                        f"{{{_MC_NS}}}Choice", f"{{{_MC_NS}}}Fallback")
M_T = f"{{{_M_NS}}}t"

# Run content that stands for a character.
_CHAR_ELEMENTS: dict[str, str] = {
    _w("tab"): "\t",
    _w("ptab"): "\t",
    _w("br"): "\n",
    _w("cr"): "\n",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",   # only visible when Word breaks the line there
}
# Subtrees that are not part of the final text: tracked deletions and moves
# away, field instructions, properties (which hold change-tracking records),
# ruby annotations.  Everything else is walked, so unknown wrappers
# (smartTag, bdo, dir, permissions...) keep their text.
_SKIP = frozenset({
    _w("del"), _w("moveFrom"), _w("delText"), _w("instrText"), _w("delInstrText"),
    _w("pPr"), _w("rPr"), _w("sdtPr"), _w("sdtEndPr"), _w("tcPr"), _w("trPr"),
    _w("tblPr"), _w("tblGrid"), _w("fldData"), _w("rt"), _w("footnoteRef"),
    _w("endnoteRef"), _w("commentReference"), _w("annotationRef"),
})
_NOTE_REFS: dict[str, str] = {_w("footnoteReference"): "footnote", _w("endnoteReference"): "endnote"}
# Separator lines and "continued" notices are layout, not notes.
_NOTE_LAYOUT_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})

_INVISIBLE = str.maketrans("", "", "\u200b\u2060\ufeff")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------

class _Styles:
    """Paragraph style names and outline levels, keyed by style id.

    Style ids are localised ("berschrift1", "Heading1"), built-in style names
    are not ("heading 1"), and the outline level survives renaming, so roles
    are read from names and outline levels, never from ids.
    """

    def __init__(self, styles_element: Any) -> None:
        self._names: dict[str, str] = {}
        self._based_on: dict[str, str] = {}
        self._outline: dict[str, int] = {}
        self.default_id: str | None = None
        if styles_element is None:
            return
        for style in styles_element.iter(_w("style")):
            if style.get(W_TYPE) != "paragraph":
                continue
            sid = style.get(_w("styleId"))
            if sid is None:
                continue
            name = style.find(_w("name"))
            self._names[sid] = (name.get(W_VAL) or "") if name is not None else ""
            based = style.find(_w("basedOn"))
            if based is not None and based.get(W_VAL):
                self._based_on[sid] = based.get(W_VAL)
            level = _outline_level(style.find(_w("pPr")))
            if level is not None:
                self._outline[sid] = level
            if style.get(_w("default")) in ("1", "true", "on"):
                self.default_id = sid

    def name(self, sid: str | None) -> str:
        return self._names.get(sid or "", "").strip().lower()

    def outline(self, sid: str | None) -> int | None:
        seen: set[str] = set()
        while sid and sid not in seen:  # basedOn cycles exist in the wild
            seen.add(sid)
            if sid in self._outline:
                return self._outline[sid]
            sid = self._based_on.get(sid)
        return None


def _outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    lvl = ppr.find(_w("outlineLvl"))
    if lvl is None:
        return None
    try:
        return int(lvl.get(W_VAL, ""))
    except ValueError:
        return None


def _style_role(p: Any, styles: _Styles) -> tuple[Role, bool]:
    """(role, is a level-1 heading) for a paragraph, from its style and outline level."""
    ppr = p.find(_w("pPr"))
    sid = None
    if ppr is not None:
        pstyle = ppr.find(_w("pStyle"))
        if pstyle is not None:
            sid = pstyle.get(W_VAL)
    if sid is None:
        sid = styles.default_id
    name = styles.name(sid)
    if name == "title":
        return "title", False
    if name == "subtitle":
        return "headline", False
    if name in ("quote", "intense quote"):
        return "quote", False
    level = _outline_level(ppr)
    if level is None:
        level = styles.outline(sid)
    if level is None and name.startswith("heading "):
        digits = name.removeprefix("heading ").strip()
        if digits.isdigit():
            level = int(digits) - 1
    # Outline level 9 is Word's "body text".
    if level is not None and 0 <= level <= 8:
        return "heading", level == 0
    return "body", False


# ---------------------------------------------------------------------------
# Walking the XML
# ---------------------------------------------------------------------------

@dataclass
class _Context:
    """Where paragraphs being walked live.

    `location` None means the main body, where paragraphs are numbered "p7";
    elsewhere every paragraph of the container shares its location.  `role`
    overrides the style role (table cells, notes).
    """
    location: str | None = None
    role: Role | None = None
    prefix: str = ""
    tables: int = 0


@dataclass
class _Item:
    paragraph: Paragraph
    level0_in_body: bool = False


@dataclass
class _Walker:
    styles: _Styles
    items: list[_Item] = field(default_factory=list)
    body_paragraphs: int = 0
    textboxes: int = 0
    note_refs: list[tuple[str, str]] = field(default_factory=list)
    deleted_note_refs: set[tuple[str, str]] = field(default_factory=set)

    # --- block level ---------------------------------------------------------

    def blocks(self, parent: Any, ctx: _Context) -> None:
        for child in _elements(parent):
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, ctx)
            elif tag == W_TBL:
                self.table(child, ctx)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.blocks(content, ctx)
            elif tag == W_CUSTOM_XML:
                self.blocks(child, ctx)
            elif tag == MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self.blocks(branch, ctx)
            elif tag in (_w("ins"), _w("moveTo")):
                # Block-level tracked insertions wrap whole paragraphs/tables.
                self.blocks(child, ctx)
            elif tag in (_w("del"), _w("moveFrom")):
                self._note_deleted_refs(child)

    def paragraph(self, p: Any, ctx: _Context) -> None:
        if ctx.location is None:
            self.body_paragraphs += 1
            location = f"p{self.body_paragraphs}"
        else:
            location = ctx.location
        boxes: list[Any] = []
        text = "".join(self.inline(p, boxes)).translate(_INVISIBLE).strip()
        if text:
            role, level0 = _style_role(p, self.styles)
            if ctx.role is not None:
                role, level0 = ctx.role, False
            self.items.append(_Item(Paragraph(text, role, location),
                                    level0 and ctx.location is None))
        # Text boxes follow the paragraph they are anchored in.
        for box in boxes:
            self.textboxes += 1
            name = f"{ctx.prefix}textbox{self.textboxes}"
            self.blocks(box, _Context(location=name, role=ctx.role, prefix=f"{name}/"))

    def table(self, tbl: Any, ctx: _Context) -> None:
        ctx.tables += 1
        name = f"{ctx.prefix}table{ctx.tables}"
        for row_no, tr in enumerate(_rows(tbl), 1):
            trpr = tr.find(_w("trPr"))
            if trpr is not None and trpr.find(_w("del")) is not None:
                self._note_deleted_refs(tr)
                continue  # a tracked row deletion
            column = 1
            if trpr is not None:
                column += _int_val(trpr.find(_w("gridBefore")), 0)
            for tc in _cells(tr):
                tcpr = tc.find(_w("tcPr"))
                span = _int_val(tcpr.find(_w("gridSpan")) if tcpr is not None else None, 1)
                if not _is_merge_continuation(tcpr):
                    cell = f"{name}/r{row_no}c{column}"
                    self.blocks(tc, _Context(location=cell, role="table", prefix=f"{cell}/"))
                column += max(span, 1)

    # --- run level -----------------------------------------------------------

    def inline(self, element: Any, boxes: list[Any]) -> Iterator[str]:
        for child in _elements(element):
            tag = child.tag
            if tag in (W_T, M_T):
                yield child.text or ""
            elif tag in _CHAR_ELEMENTS:
                yield _CHAR_ELEMENTS[tag]
            elif tag == _w("sym"):
                yield _symbol(child)
            elif tag in _NOTE_REFS:
                # The reference mark is a number Word draws, not text.
                self.note_refs.append((_NOTE_REFS[tag], child.get(W_ID, "")))
            elif tag == W_TXBX_CONTENT:
                boxes.append(child)
            elif tag == MC_ALTERNATE:
                # Text boxes come twice (DrawingML choice + VML fallback):
                # read only one branch.
                branch = _branch(child)
                if branch is not None:
                    yield from self.inline(branch, boxes)
            elif tag in _SKIP:
                if tag in (_w("del"), _w("moveFrom")):
                    self._note_deleted_refs(child)
            else:
                yield from self.inline(child, boxes)

    def _note_deleted_refs(self, element: Any) -> None:
        for tag, kind in _NOTE_REFS.items():
            for ref in element.iter(tag):
                self.deleted_note_refs.add((kind, ref.get(W_ID, "")))


def _elements(parent: Any) -> Iterable[Any]:
    # Comments and processing instructions have non-string tags.
    return (c for c in parent if isinstance(c.tag, str))


def _branch(alternate: Any) -> Any | None:
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _rows(tbl: Any) -> Iterator[Any]:
    for child in _elements(tbl):
        if child.tag == W_TR:
            yield child
        elif child.tag in (W_SDT, W_CUSTOM_XML, W_SDT_CONTENT):
            yield from _rows(child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in _elements(tr):
        if child.tag == W_TC:
            yield child
        elif child.tag in (W_SDT, W_CUSTOM_XML, W_SDT_CONTENT):
            yield from _cells(child)


def _int_val(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W_VAL, default))
    except ValueError:
        return default


def _is_merge_continuation(tcpr: Any) -> bool:
    # A vMerge/hMerge without val="restart" continues the cell above/left;
    # its text (if any) is not shown, the first cell carries it.
    if tcpr is None:
        return False
    for tag in (_w("vMerge"), _w("hMerge")):
        merge = tcpr.find(tag)
        if merge is not None and merge.get(W_VAL, "continue") != "restart":
            return True
    return False


def _symbol(sym: Any) -> str:
    """Best effort for `w:sym`: symbol fonts use the F000 private range."""
    try:
        code = int(sym.get(_w("char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return chr(code) if code >= 0x20 else ""


# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------

def _notes_root(document: Any, kind: str, path: Path) -> Any | None:
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(f"/{kind}s"):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            return etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            raise InputError(path, "is not a readable .docx (corrupted or not a Word file)",
                             "re-save it from Word or LibreOffice") from None
    return None


def _append_notes(walker: _Walker, document: Any, kind: str, path: Path) -> None:
    """Append foot- or endnotes in the order their marks appear in the text."""
    root = _notes_root(document, kind, path)
    if root is None:
        return
    notes: dict[str, Any] = {}
    for note in root.iter(_w(kind)):
        if note.get(W_TYPE) not in _NOTE_LAYOUT_TYPES:
            notes.setdefault(note.get(W_ID, ""), note)
    order = [nid for k, nid in dict.fromkeys(walker.note_refs) if k == kind and nid in notes]
    # Notes whose mark we never saw (and was not deleted) are still text the
    # author wrote; keep them, after the referenced ones, rather than lose them.
    order += [nid for nid in notes
              if nid not in order and (kind, nid) not in walker.deleted_note_refs]
    for number, nid in enumerate(order, 1):
        walker.blocks(notes[nid], _Context(location=f"{kind}{number}", role="footnote",
                                           prefix=f"{kind}{number}/"))


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

def docx_paragraphs(document: Any, path: Path | None = None) -> list[Paragraph]:
    """All text of an opened python-docx Document, as paragraphs in reading order.

    Body (with tables and text boxes in place), then footnotes, then endnotes.
    """
    walker = _Walker(_Styles(document.styles.element))
    walker.blocks(document.element.body, _Context())
    # Notes are read after the body so their order follows the marks.
    _append_notes(walker, document, "footnote", path or Path("?"))
    _append_notes(walker, document, "endnote", path or Path("?"))
    if not any(item.paragraph.role == "title" for item in walker.items):
        for item in walker.items:
            if item.level0_in_body:
                # An article without a Title-styled line: its first
                # top-level heading is the headline.
                item.paragraph.role = "title"
                break
    return [item.paragraph for item in walker.items]


def document_from_bytes(data: bytes, path: Path, lang: str, sha256: str) -> Document:
    """Build a Document from a .docx file's bytes."""
    if not data:
        raise InputError(path, "has no text", "the file is empty")
    if data.startswith(_OLE_MAGIC):
        # Encrypted .docx files and old binary .doc files are both OLE containers.
        raise InputError(path, "is password-protected or an old .doc file",
                         "save an unprotected .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # zipfile, KeyError, lxml, ValueError: all mean "cannot open"
        raise InputError(path, "is not a readable .docx (corrupted or not a Word file)",
                         "re-save it from Word or LibreOffice") from None
    paragraphs = docx_paragraphs(document, path)
    if not paragraphs:
        raise InputError(path, "has no text", "check that you picked the right file")
    return Document(paragraphs=paragraphs, path=path, lang=lang, format="docx",
                    encoding=None, sha256=sha256)
