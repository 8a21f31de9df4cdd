"""Word (.docx) reader.

python-docx opens the package (and tells us when it is broken), but the body
is walked as raw XML: `Paragraph.text` would keep tracked deletions out but
also drop tracked insertions, text boxes, fields and footnotes, and its tables
repeat merged cells.  What an editor sees in the final document is what we
want to align.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from editflow.errors import InputError
from editflow.inline import PLAIN, Format, Piece, canonical_href, compose, escape, paragraph_pieces
from editflow.model import Document, Paragraph, Role
from editflow.textnorm import is_blank, paragraph_form

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{_W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
W_T, W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = _w("t"), _w("sdt"), _w("sdtContent"), _w("customXml")
W_TXBX_CONTENT = _w("txbxContent")
W_HYPERLINK, W_FLD_SIMPLE, W_FLD_CHAR, W_INSTR_TEXT = _w("hyperlink"), _w("fldSimple"), _w("fldChar"), _w("instrText")
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
    # Word's Ctrl+Shift+- and Ctrl+-: the Unicode characters for the same
    # thing, so that they come back out (the writers turn them back into these elements).
    _w("noBreakHyphen"): "\u2011",
    _w("softHyphen"): "\u00ad",
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
        # Character styles (Word's Emphasis, Strong, a house's own): what their run properties set.
        self._run_props: dict[str, tuple[bool | None, bool | None]] = {}
        self._char_based_on: dict[str, str] = {}
        self.default_id: str | None = None
        if styles_element is None:
            return
        for style in styles_element.iter(_w("style")):
            if style.get(W_TYPE) == "character" and style.get(_w("styleId")):
                cid = style.get(_w("styleId"))
                rpr = style.find(_w("rPr"))
                self._run_props[cid] = (_toggle(rpr, "i"), _toggle(rpr, "b"))
                based = style.find(_w("basedOn"))
                if based is not None and based.get(W_VAL):
                    self._char_based_on[cid] = based.get(W_VAL)
                continue
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

    def character(self, sid: str | None) -> tuple[bool, bool]:
        """(italic, bold) that the character style `sid` gives its runs, through the styles it is based on."""
        italic: bool | None = None
        bold: bool | None = None
        seen: set[str] = set()
        while sid and sid not in seen and (italic is None or bold is None):
            seen.add(sid)
            i, b = self._run_props.get(sid, (None, None))
            italic = i if italic is None else italic
            bold = b if bold is None else bold
            sid = self._char_based_on.get(sid)
        return bool(italic), bool(bold)

    def outline(self, sid: str | None) -> int | None:
        seen: set[str] = set()
        while sid and sid not in seen:  # basedOn cycles exist in the wild
            seen.add(sid)
            if sid in self._outline:
                return self._outline[sid]
            sid = self._based_on.get(sid)
        return None


def _toggle(rpr: Any, name: str) -> bool | None:
    """Whether run properties switch `w:i`/`w:b` on (True), off (False), or say nothing (None)."""
    if rpr is None:
        return None
    el = rpr.find(_w(name))
    if el is None:
        return None
    return (el.get(W_VAL) or "true").lower() not in ("0", "false", "off", "none")


_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]+)"|([^"\s\\]\S*))', re.IGNORECASE)


def _field_href(instruction: str) -> str:
    """The address of a HYPERLINK field (`HYPERLINK "https://…" \\o "tip"`); "" for other fields and
    for links to a place in the document (`\\l`)."""
    m = _HYPERLINK_FIELD.match(instruction)
    if m is None or re.search(r"\\l\b", instruction):
        return ""
    return canonical_href(m.group(1) or m.group(2) or "")


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
class _Field:
    """A complex field being read (w:fldChar begin … separate … end): its instruction and address."""
    instruction: str = ""
    href: str = ""
    result: bool = False


@dataclass
class FieldStack:
    """The complex fields open at a point of a paragraph, read in document order (w:fldChar begin,
    w:instrText, separate, the text it shows, end): the text a HYPERLINK field shows links to its
    address.  The docx reader and the review import read Word's fields with this one."""
    open: list[_Field] = field(default_factory=list)

    def instruction(self, text: str) -> None:
        """A w:instrText: more of the innermost field's instruction, while it is still being given."""
        if self.open and not self.open[-1].result:
            self.open[-1].instruction += text

    def mark(self, kind: str) -> None:
        """A w:fldChar of type `kind` (begin, separate, end)."""
        if kind == "begin":
            self.open.append(_Field())
        elif kind == "separate" and self.open:
            f = self.open[-1]
            f.result = True
            f.href = _field_href(f.instruction)
        elif kind == "end" and self.open:
            self.open.pop()

    def href(self) -> str:
        """The address the text read now links to through a field showing it, else ""."""
        return next((f.href for f in reversed(self.open) if f.result and f.href), "")


@dataclass
class _Walker:
    styles: _Styles
    # The relationships of the part being walked (the body's, a footnotes part's): id → external address.
    links: dict[str, str] = field(default_factory=dict)
    fields: FieldStack = field(default_factory=FieldStack)
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
        # Blank lines (two Shift+Enters) and the ends go; every character stays (textnorm).
        text = _paragraph_text(list(self.inline(p, boxes, PLAIN)))
        if not is_blank(text):
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

    def inline(self, element: Any, boxes: list[Any], fmt: Format) -> Iterator[Piece]:
        """The text under `element` as (text, format) pieces: italics and bold of its runs, the address of
        the hyperlink (element or field) it stands in."""
        for child in _elements(element):
            tag = child.tag
            if tag in (W_T, M_T):
                yield child.text or "", self._in_field(fmt)
            elif tag in _CHAR_ELEMENTS:
                yield _CHAR_ELEMENTS[tag], self._in_field(fmt)
            elif tag == _w("sym"):
                yield symbol_character(child), self._in_field(fmt)
            elif tag == W_R:
                yield from self.inline(child, boxes, self._run_format(child, fmt))
            elif tag == W_HYPERLINK:
                address = self.links.get(child.get(_R_ID, ""), "")
                yield from self.inline(child, boxes, replace(fmt, href=canonical_href(address)) if address else fmt)
            elif tag == W_FLD_SIMPLE:
                address = _field_href(child.get(_w("instr"), ""))
                yield from self.inline(child, boxes, replace(fmt, href=address) if address else fmt)
            elif tag == W_FLD_CHAR:
                self.fields.mark(child.get(_w("fldCharType"), ""))
            elif tag == W_INSTR_TEXT:
                self.fields.instruction(child.text or "")
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
                    yield from self.inline(branch, boxes, fmt)
            elif tag in _SKIP:
                if tag in (_w("del"), _w("moveFrom")):
                    self._note_deleted_refs(child)
            else:
                yield from self.inline(child, boxes, fmt)

    def _run_format(self, run: Any, fmt: Format) -> Format:
        rpr = run.find(_w("rPr"))
        if rpr is None:
            return fmt
        italic, bold = False, False
        style = rpr.find(_w("rStyle"))
        if style is not None:
            italic, bold = self.styles.character(style.get(W_VAL))
        i, b = _toggle(rpr, "i"), _toggle(rpr, "b")
        italic = italic if i is None else i
        bold = bold if b is None else b
        if italic == fmt.italic and bold == fmt.bold:
            return fmt
        return replace(fmt, italic=italic, bold=bold)

    def _in_field(self, fmt: Format) -> Format:
        """`fmt` with the address of the HYPERLINK field whose shown text is being read, if any."""
        if fmt.href:
            return fmt
        href = self.fields.href()
        return replace(fmt, href=href) if href else fmt

    def _note_deleted_refs(self, element: Any) -> None:
        for tag, kind in _NOTE_REFS.items():
            for ref in element.iter(tag):
                self.deleted_note_refs.add((kind, ref.get(W_ID, "")))


def _paragraph_text(pieces: list[Piece]) -> str:
    """A paragraph's pieces as the PO holds them: the paragraph rule applied, literal `<` escaped, italics,
    bold and links as tags (editflow.inline)."""
    if not any(fmt for _text, fmt in pieces):
        return escape(paragraph_form("".join(text for text, _fmt in pieces)))
    return compose(paragraph_pieces(pieces))


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


def symbol_character(sym: Any) -> str:
    """The character a `w:sym` stands for (Insert → Symbol in Word).

    Word stores a symbol-font character as its font and its code in the font,
    shifted into the private range F000-F0FF.  For the Symbol font (the one
    Word offers for °, ±, ×, Greek letters, arrows…) that code is mapped to
    Unicode with Adobe's Symbol encoding; any other font's code is taken as
    Unicode itself, and a code that only means something in a pictograph font
    (Wingdings…) stays the private-use character Word stored, rather than
    become an unrelated letter.  Controls, which no text holds, are dropped.
    """
    try:
        code = int(sym.get(_w("char"), ""), 16)
    except ValueError:
        return ""
    font = (sym.get(_w("font")) or "").strip().lower()
    low = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    if font in _SYMBOL_FONTS and low <= 0xFF:
        mapped = _SYMBOL_FONT.get(low)
        if mapped is not None:
            return mapped
    if code < 0x20 or 0x7F <= code < 0xA0:
        return ""
    return chr(code)


_SYMBOL_FONTS = frozenset({"symbol", "symbol mt", "symbolmt"})
# Adobe's Symbol font encoding (codes 0x20-0xFE) in Unicode; the glyph pieces
# Adobe put in the private range (bracket and integral parts, serif/sans ©®™)
# are given their Unicode 3.2+ characters.
_SYMBOL_FONT: dict[int, str] = {
    0x20: " ", 0x21: "!", 0x22: "\u2200", 0x23: "#", 0x24: "\u2203", 0x25: "%", 0x26: "&",
    0x27: "\u220b", 0x28: "(", 0x29: ")", 0x2A: "\u2217", 0x2B: "+", 0x2C: ",", 0x2D: "\u2212",
    0x2E: ".", 0x2F: "/", **{c: chr(c) for c in range(0x30, 0x40)},
    0x40: "\u2245", 0x41: "\u0391", 0x42: "\u0392", 0x43: "\u03a7", 0x44: "\u0394", 0x45: "\u0395",
    0x46: "\u03a6", 0x47: "\u0393", 0x48: "\u0397", 0x49: "\u0399", 0x4A: "\u03d1", 0x4B: "\u039a",
    0x4C: "\u039b", 0x4D: "\u039c", 0x4E: "\u039d", 0x4F: "\u039f", 0x50: "\u03a0", 0x51: "\u0398",
    0x52: "\u03a1", 0x53: "\u03a3", 0x54: "\u03a4", 0x55: "\u03a5", 0x56: "\u03c2", 0x57: "\u03a9",
    0x58: "\u039e", 0x59: "\u03a8", 0x5A: "\u0396", 0x5B: "[", 0x5C: "\u2234", 0x5D: "]",
    0x5E: "\u22a5", 0x5F: "_", 0x60: "\u203e",
    0x61: "\u03b1", 0x62: "\u03b2", 0x63: "\u03c7", 0x64: "\u03b4", 0x65: "\u03b5", 0x66: "\u03c6",
    0x67: "\u03b3", 0x68: "\u03b7", 0x69: "\u03b9", 0x6A: "\u03d5", 0x6B: "\u03ba", 0x6C: "\u03bb",
    0x6D: "\u03bc", 0x6E: "\u03bd", 0x6F: "\u03bf", 0x70: "\u03c0", 0x71: "\u03b8", 0x72: "\u03c1",
    0x73: "\u03c3", 0x74: "\u03c4", 0x75: "\u03c5", 0x76: "\u03d6", 0x77: "\u03c9", 0x78: "\u03be",
    0x79: "\u03c8", 0x7A: "\u03b6", 0x7B: "{", 0x7C: "|", 0x7D: "}", 0x7E: "\u223c",
    0xA0: "\u20ac", 0xA1: "\u03d2", 0xA2: "\u2032", 0xA3: "\u2264", 0xA4: "\u2044", 0xA5: "\u221e",
    0xA6: "\u0192", 0xA7: "\u2663", 0xA8: "\u2666", 0xA9: "\u2665", 0xAA: "\u2660", 0xAB: "\u2194",
    0xAC: "\u2190", 0xAD: "\u2191", 0xAE: "\u2192", 0xAF: "\u2193",
    0xB0: "\u00b0", 0xB1: "\u00b1", 0xB2: "\u2033", 0xB3: "\u2265", 0xB4: "\u00d7", 0xB5: "\u221d",
    0xB6: "\u2202", 0xB7: "\u2022", 0xB8: "\u00f7", 0xB9: "\u2260", 0xBA: "\u2261", 0xBB: "\u2248",
    0xBC: "\u2026", 0xBD: "\u23d0", 0xBE: "\u23af", 0xBF: "\u21b5",
    0xC0: "\u2135", 0xC1: "\u2111", 0xC2: "\u211c", 0xC3: "\u2118", 0xC4: "\u2297", 0xC5: "\u2295",
    0xC6: "\u2205", 0xC7: "\u2229", 0xC8: "\u222a", 0xC9: "\u2283", 0xCA: "\u2287", 0xCB: "\u2284",
    0xCC: "\u2282", 0xCD: "\u2286", 0xCE: "\u2208", 0xCF: "\u2209",
    0xD0: "\u2220", 0xD1: "\u2207", 0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xD5: "\u220f",
    0xD6: "\u221a", 0xD7: "\u22c5", 0xD8: "\u00ac", 0xD9: "\u2227", 0xDA: "\u2228", 0xDB: "\u21d4",
    0xDC: "\u21d0", 0xDD: "\u21d1", 0xDE: "\u21d2", 0xDF: "\u21d3",
    0xE0: "\u25ca", 0xE1: "\u2329", 0xE2: "\u00ae", 0xE3: "\u00a9", 0xE4: "\u2122", 0xE5: "\u2211",
    0xE6: "\u239b", 0xE7: "\u239c", 0xE8: "\u239d", 0xE9: "\u23a1", 0xEA: "\u23a2", 0xEB: "\u23a3",
    0xEC: "\u23a7", 0xED: "\u23a8", 0xEE: "\u23a9", 0xEF: "\u23aa",
    0xF1: "\u232a", 0xF2: "\u222b", 0xF3: "\u2320", 0xF4: "\u23ae", 0xF5: "\u2321", 0xF6: "\u239e",
    0xF7: "\u239f", 0xF8: "\u23a0", 0xF9: "\u23a4", 0xFA: "\u23a5", 0xFB: "\u23a6", 0xFC: "\u23ab",
    0xFD: "\u23ac", 0xFE: "\u23ad",
}


# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------

def _links(part: Any) -> dict[str, str]:
    """The part's external relationships (hyperlinks): id → address."""
    return {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}


def _notes_root(document: Any, kind: str, path: Path) -> tuple[Any, dict[str, str]] | None:
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(f"/{kind}s"):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element, _links(part)
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            return etree.fromstring(part.blob, parser), _links(part)
        except etree.XMLSyntaxError:
            raise InputError(path, "is not a readable .docx (corrupted or not a Word file)",
                             "re-save it from Word or LibreOffice") from None
    return None


def _append_notes(walker: _Walker, document: Any, kind: str, path: Path) -> None:
    """Append foot- or endnotes in the order their marks appear in the text."""
    found = _notes_root(document, kind, path)
    if found is None:
        return
    root, walker.links = found
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
# Control characters
# ---------------------------------------------------------------------------

# C0 controls other than tab, newline and carriage return, raw or as character
# references: XML 1.0 cannot hold them, so Word refuses such a file and so does
# the XML parser; the tools that write them are broken exporters.
_C0_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]"
                     rb"|&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));")
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_MARK = "\U0010fffd"   # stands in for the control character while the paragraph is found


def _control_code(found: bytes) -> int:
    if not found.startswith(b"&#"):
        return found[0]
    digits = found[2:-1]
    return int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)


def refuse_control_characters(data: bytes, path: Path) -> None:
    """Raise an InputError naming the paragraph when the .docx holds a C0 control character.

    Called once opening the file has failed, so it costs nothing on good files.
    The paragraph is found by reading the document again with a marker in the
    character's place; does nothing when there is no such character.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            parts = {n: z.read(n) for n in _TEXT_PARTS if n in names}
            found = [(n, m) for n in _TEXT_PARTS if n in parts for m in [_C0_XML.search(parts[n])] if m]
            if not found:
                return
            fixed = io.BytesIO()
            with zipfile.ZipFile(fixed, "w") as out:
                for item in z.infolist():
                    blob = parts[item.filename] if item.filename in parts else z.read(item.filename)
                    if item.filename in parts:
                        blob = _C0_XML.sub(_MARK.encode("utf-8"), blob)
                    out.writestr(item, blob)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return
    part, first = found[0]
    what = f"the control character U+{_control_code(first.group()):04X}, which a Word document cannot hold"
    hint = "delete it (or re-save the file from the program that made it) and try again"
    try:
        marked = [p for p in docx_paragraphs(docx.Document(fixed), path) if _MARK in p.text]
    except Exception:  # still unreadable for another reason: name the part at least
        marked = []
    if not marked:
        raise InputError(path, f"{part} holds {what}", hint)
    p = marked[0]
    words = " ".join(p.text.replace(_MARK, " ").split())
    snippet = words if len(words) <= 40 else words[:39] + "…"
    where = f"paragraph {p.location}" if p.location.startswith("p") and p.location[1:].isdigit() else p.location
    raise InputError(path, f"{where} (“{snippet}”) holds {what}", hint)


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------

def docx_paragraphs(document: Any, path: Path | None = None) -> list[Paragraph]:
    """All text of an opened python-docx Document, as paragraphs in reading order.

    Body (with tables and text boxes in place), then footnotes, then endnotes.
    """
    walker = _Walker(_Styles(document.styles.element), _links(document.part))
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
        refuse_control_characters(data, path)
        raise InputError(path, "is not a readable .docx (corrupted or not a Word file)",
                         "re-save it from Word or LibreOffice") from None
    try:
        paragraphs = docx_paragraphs(document, path)
    except InputError:
        refuse_control_characters(data, path)   # a control character in the notes
        raise
    if not paragraphs:
        raise InputError(path, "has no text", "check that you picked the right file")
    return Document(paragraphs=paragraphs, path=path, lang=lang, format="docx",
                    encoding=None, sha256=sha256)
