"""The bilingual review document: one table, a row per PO entry, findings as Word comments.

The shape of memoQ's bilingual table and Trados's bilingual review: columns
id · Ukrainian · English · status · notes, a repeated header row that says
what may be edited, doubtful pairs shaded, every finding of the checks a
comment by "editflow" on the very words, Track Changes on so that whatever
the reviewer does arrives as tracked changes.

What makes the round trip safe is a custom XML part (`customXml/itemN.xml`,
namespace `REVIEW_NS`) recording the PO's identity (its input files and
their hashes, a hash of all entries, which names the export), the text
around the table, and, per row, the id, hashes of the Ukrainian and English,
and the English, status and notes as exported (base64, so no word processor
re-spaces them).  `review_import` reads it to tell what the reviewer changed
from what changed in the PO since, and to keep what a reviewer typed in the
status or notes column or outside the table.  The same part records
a hash of the document body as written, by which `editflow.outputs` tells an
untouched review (a later export replaces it) from one a reviewer has worked
in (kept until its work is imported); the core properties record which
article the review was exported for.

The table is written as raw WordprocessingML with lxml (python-docx cell by
cell is too slow for 2,000 rows and cannot split runs at span boundaries or
place comment ranges); python-docx supplies the package, the comments part
and saving.
"""

from __future__ import annotations

import base64
import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from editflow.errors import InputError
from editflow.export._package import Formatter, LinkedRuns, append_text, new_document, run_element, xml_safe
from editflow.inline import PLAIN, Format, Markup, parse
from editflow.outputs import HASHED_PARTS, REVIEW_NS, Claim, OutputKind, WriteResult, decide, parts_sha, stamp

if TYPE_CHECKING:
    import polib

    from editflow.config import Settings
    from editflow.model import Finding

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR, INITIALS = "editflow", "EF"
SEP = "\n\n"
NO_UKRAINIAN = "(no Ukrainian counterpart)"
COLUMNS = ("ID · do not change", "Ukrainian · do not change", "English · edit here",
           "Status", "Notes")
WARNING = ("Edit only the English column; Track Changes is on, so your edits are recorded. "
           "Do not change the ids or the Ukrainian, and do not add, delete, merge or split rows: "
           "editflow matches the rows by id when it imports this review, and refuses rows whose "
           "id or Ukrainian changed. Comment freely (Review → New Comment).")
DOUBT_FILL = "FFE699"
HEADER_FILL = "D9D9D9"
# Column widths in twentieths of a point on a landscape A4 page with 1.5 cm margins (26.7 cm).
WIDTHS = (1400, 5250, 5250, 1474, 1764)
PAGE_W, PAGE_H, MARGIN = 16838, 11906, 850

_CUSTOM_XML_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_PROPS_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CUSTOM_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
# A fixed datastore item id: the part is editflow's, and a fixed id keeps the bytes stable.
_ITEM_ID = "{6E1B7C0A-2F4D-4E1B-9C3A-ED17F10A0001}"


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def encode_text(text: str) -> str:
    """A text as the review part records it: base64 of its UTF-8, which no XML tool re-spaces."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def decode_text(value: str | None) -> str | None:
    """The text `encode_text` recorded; None when there is none or it is damaged."""
    if not value:
        return None if value is None else ""
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def row_ids(po: polib.POFile) -> list[tuple[str, polib.POEntry]]:
    """(row id, entry) for every entry that gets a row: msgctxt, else the index; duplicates suffixed."""
    out: list[tuple[str, polib.POEntry]] = []
    seen: set[str] = set()
    for entry in po:
        if entry.obsolete:
            continue
        rid = entry.msgctxt or str(len(out))
        base, n = rid, 1
        while rid in seen:
            n += 1
            rid = f"{base}~{n}"
        seen.add(rid)
        out.append((rid, entry))
    return out


def ukrainian_text(entry: polib.POEntry) -> str:
    """The Ukrainian side as the cell shows it (an addition shows a marker, not the placeholder)."""
    from editflow.po import ADDED_MSGID

    return NO_UKRAINIAN if entry.msgid == ADDED_MSGID else entry.msgid


def entries_hash(rows: Iterable[tuple[str, polib.POEntry]]) -> str:
    h = hashlib.sha256()
    for rid, e in rows:
        h.update("\x00".join((rid, e.msgid, e.msgstr, "\x01")).encode("utf-8"))
    return h.hexdigest()[:16]


def input_record(po: polib.POFile) -> dict[str, str]:
    """The PO's inputs and their hashes (editflow's header), as the review part records them."""
    md = po.metadata
    keys = ("X-Editflow-Source", "X-Editflow-Source-SHA256", "X-Editflow-Target", "X-Editflow-Target-SHA256")
    return {k.removeprefix("X-Editflow-").lower(): md.get(k, "") for k in keys}


# ---------------------------------------------------------------------------
# building the table
# ---------------------------------------------------------------------------

@dataclass
class _Anchor:
    """A comment to place: [start, end) in one side's text."""
    start: int
    end: int
    comment_id: int


@dataclass
class _Side:
    """One side of a row: its text as the PO holds it, shown without tags and formatted (editflow.inline)."""
    text: str
    anchors: list[_Anchor] = field(default_factory=list)   # in the shown text's offsets
    markup: Markup = field(init=False)

    def __post_init__(self) -> None:
        self.markup = parse(self.text)

    @property
    def shown(self) -> str:
        return self.markup.plain

    def format_at(self, offset: int) -> Format:
        formats = self.markup.formats
        k = bisect_right([start for start, _end, _fmt in formats], offset) - 1
        if k >= 0 and formats[k][0] <= offset < formats[k][1]:
            return formats[k][2]
        return PLAIN


def _el(tag: str, **attrs: str):
    e = etree.Element(W + tag)
    for k, v in attrs.items():
        e.set(W + k, v)
    return e


def _sub(parent, tag: str, **attrs: str):
    e = _el(tag, **attrs)
    parent.append(e)
    return e


def _add_comment(comments_elm, cid: int, text: str, date: str) -> None:
    """A `w:comment` by editflow, as Word writes one: each line a paragraph, the first with the annotation mark."""
    c = _el("comment", id=str(cid), author=AUTHOR, initials=INITIALS, date=date)
    for k, line in enumerate(text.split("\n")):
        p = _sub(c, "p")
        _sub(_sub(p, "pPr"), "pStyle", val="CommentText")
        if k == 0:
            mark = _sub(p, "r")
            _sub(_sub(mark, "rPr"), "rStyle", val="CommentReference")
            _sub(mark, "annotationRef")
        if line:
            append_text(_sub(p, "r"), line)
    comments_elm.append(c)


def _run(text: str, *, lang: str = "", italic: bool = False, bold: bool = False, grey: bool = False,
         style: str = ""):
    # Line breaks, tabs, soft hyphens… as Word writes them, so that the import reads back every character.
    return run_element(text, style=style, bold=bold, italic=italic, color="7F7F7F" if grey else "", lang=lang)


def _comment_ref(comment_id: int):
    r = _el("r")
    _sub(_sub(r, "rPr"), "rStyle", val="CommentReference")
    _sub(r, "commentReference", id=str(comment_id))
    return r


def _paragraphs(side: _Side, lang: str, formatter: Formatter, *, italic: bool = False, grey: bool = False) -> list:
    """The cell's paragraphs, runs split at every anchor and formatting boundary, comment ranges placed,
    the PO's inline tags as Word formatting and hyperlinks."""
    paras = []
    text = side.shown
    edges = {e for start, end, _fmt in side.markup.formats for e in (start, end)}
    # Offsets of paragraph starts in the side's text (paragraphs joined by a blank line).
    pieces: list[tuple[int, str]] = []
    pos = 0
    for part in text.split(SEP):
        pieces.append((pos, part))
        pos += len(part) + len(SEP)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for a in side.anchors:
        starts.setdefault(a.start, []).append(a.comment_id)
        ends.setdefault(a.end, []).append(a.comment_id)
    cuts = sorted(set(starts) | set(ends))
    for p_start, part in pieces:
        p = _el("p")
        p_end = p_start + len(part)
        local = [c for c in cuts if p_start <= c <= p_end] + [c for c in edges if p_start < c < p_end]
        bounds = sorted({p_start, p_end, *local})
        runs = LinkedRuns(formatter, p.append)
        for k, b in enumerate(bounds):
            # Ends before starts at one offset, so adjacent ranges do not overlap.
            for cid in ends.get(b, []):
                runs.close()
                p.append(_el("commentRangeEnd", id=str(cid)))
                p.append(_comment_ref(cid))
            for cid in starts.get(b, []):
                runs.close()
                p.append(_el("commentRangeStart", id=str(cid)))
            if k + 1 < len(bounds) and bounds[k + 1] > b:
                fmt = side.format_at(b)
                runs.add(_run(text[b:bounds[k + 1]], lang=lang, italic=italic or fmt.italic, bold=fmt.bold,
                              grey=grey, style=formatter.link_style() if fmt.href else ""), fmt.href)
        paras.append(p)
    return paras


def _cell(width: int, paragraphs: list, fill: str = "") -> object:
    tc = _el("tc")
    tcpr = _sub(tc, "tcPr")
    _sub(tcpr, "tcW", w=str(width), type="dxa")
    if fill:
        _sub(tcpr, "shd", val="clear", color="auto", fill=fill)
    for p in paragraphs or [_el("p")]:
        tc.append(p)
    return tc


def _plain(text: str, **kw) -> list:
    out = []
    for line in text.split("\n") if text else [""]:
        p = _el("p")
        if line:
            p.append(_run(line, **kw))
        out.append(p)
    return out


def _header_row():
    tr = _el("tr")
    trpr = _sub(tr, "trPr")
    _sub(trpr, "cantSplit")
    _sub(trpr, "tblHeader")
    for width, label in zip(WIDTHS, COLUMNS, strict=True):
        tr.append(_cell(width, _plain(label, bold=True), HEADER_FILL))
    return tr


def _status(entry: polib.POEntry) -> tuple[str, bool]:
    from editflow.history import is_dropped
    from editflow.po import entry_info

    info = entry_info(entry)
    doubtful = "fuzzy" in entry.flags
    parts = ["doubtful"] if doubtful else []
    if info is not None:
        parts.append(f"{len(info.src)}-{len(info.tgt)} · {info.confidence:.2f}")
    if is_dropped(entry):
        parts.append("not published")
    return "\n".join(parts) or "—", doubtful


def _notes(entry: polib.POEntry) -> str:
    """The entry's notes, each whole: the aligner's note on the pair, then the people's comments."""
    from editflow.history import human_notes
    from editflow.po import entry_note

    human = entry_note(entry)
    people = human_notes(entry.tcomment or "")
    return "\n".join([human, *people] if human else people)


def _comment_text(f: Finding) -> str:
    text = f"{f.severity}: {f.message} [{f.code}]"
    if f.suggestion:
        text += f"\nSuggestion: {f.suggestion}"
    return text


def _clamp(span: tuple[int, int] | None, text: str) -> tuple[int, int] | None:
    """A span usable as an anchor: inside the text, not empty, not starting or ending on a paragraph break."""
    if span is None:
        return None
    a, b = max(0, span[0]), min(len(text), span[1])
    while a < b and text[a] == "\n":
        a += 1
    while b > a and text[b - 1] == "\n":
        b -= 1
    return (a, b) if a < b else None


# ---------------------------------------------------------------------------
# the document
# ---------------------------------------------------------------------------

def _settings_track_revisions(document) -> None:
    """Switch Track Changes on: `w:trackRevisions` in settings.xml, at its schema position."""
    settings = document.settings.element
    if settings.find(W + "trackRevisions") is not None:
        return
    before = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
              "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
              "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
              "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
              "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
              "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
              "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
              "stylePaneSortMethod", "documentType", "mailMerge", "revisionView")
    index = 0
    for k, child in enumerate(settings):
        if isinstance(child.tag, str) and child.tag.startswith(W) and child.tag[len(W):] in before:
            index = k + 1
    settings.insert(index, _el("trackRevisions"))


def _landscape(document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    s = document.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Twips(PAGE_W), Twips(PAGE_H)
    s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Twips(MARGIN)


def _custom_xml(identity: dict[str, str], rows: list[dict[str, str]], content_sha: str) -> bytes:
    root = etree.Element(f"{{{REVIEW_NS}}}review", nsmap={None: REVIEW_NS})
    root.set("version", "1")
    for k, v in identity.items():
        root.set(k, xml_safe(v))
    root.set("content-sha", content_sha)
    for row in rows:
        r = etree.SubElement(root, f"{{{REVIEW_NS}}}row")
        for k, v in row.items():
            r.set(k, xml_safe(v))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _attach_custom_xml(document, blob: bytes):
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    # python-docx's default template already holds customXml/item1.xml: take the next free number.
    item_name = package.next_partname("/customXml/item%d.xml")
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    item = Part(item_name, "application/xml", blob, package)
    props = Part(props_name, _CUSTOM_PROPS_CT, (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{_ITEM_ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{REVIEW_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode(), package)
    item.relate_to(props, _CUSTOM_PROPS_RT)
    document.part.relate_to(item, _CUSTOM_XML_RT)
    return item


def _document_content_sha(document) -> str:
    """`outputs.content_sha` of the file `document` will be saved as (the parts' bytes are what gets zipped)."""
    parts = {str(p.partname).lstrip("/"): p for p in document.part.package.iter_parts()}
    return parts_sha(parts[n].blob for n in HASHED_PARTS if n in parts)


def build_review(po: polib.POFile, findings: list[Finding], moment: datetime):
    """The review document (python-docx Document) and its summary, without the custom part's body hash."""
    from docx.shared import Pt

    from editflow.po import entry_paragraph_ids

    rows = row_ids(po)
    document = new_document()
    _landscape(document)
    _settings_track_revisions(document)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    title = xml_safe(po.metadata.get("Project-Id-Version", "") or "article")
    props = document.core_properties
    props.title = f"{title} (bilingual review)"
    # editflow, not python-docx: an import tells a reviewer's untracked edit
    # by the last-modified-by Word writes, so ours must be recognisable.
    props.author = props.last_modified_by = AUTHOR
    props.keywords = "editflow review"
    props.comments = "Edit the English column only; import with 'editflow import-review'."
    props.language = "en"
    heading = f"Bilingual review: {title}"
    document.add_heading(heading, level=1)
    document.add_paragraph(WARNING)

    by_index: dict[int, list[Finding]] = {}
    for f in findings:
        by_index.setdefault(f.index, []).append(f)
    # Comments are written as XML with our own ids: python-docx looks up the
    # highest id with an XPath query per comment, quadratic over a long review.
    comments_elm = document.comments._comments_elm
    next_id = 0
    comment_date = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    placed = doubtful = 0

    tbl = _el("tbl")
    tblpr = _sub(tbl, "tblPr")
    _sub(tblpr, "tblW", w=str(sum(WIDTHS)), type="dxa")
    borders = _sub(tblpr, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, edge, val="single", sz="4", space="0", color="A6A6A6")
    _sub(tblpr, "tblLayout", type="fixed")
    _sub(tblpr, "tblLook", val="0020", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
         noHBand="1", noVBand="1")
    grid = _sub(tbl, "tblGrid")
    for w in WIDTHS:
        _sub(grid, "gridCol", w=str(w))
    tbl.append(_header_row())

    meta_rows: list[dict[str, str]] = []
    formatter = Formatter(document)
    for index, (rid, entry) in enumerate(rows):
        uk, en = _Side(ukrainian_text(entry)), _Side(entry.msgstr)
        for f in by_index.get(index, []):
            # Finding spans point into the PO's text; the cells show it without tags.
            t_span = _clamp(en.markup.to_plain(f.target_span), en.shown) if f.target_span is not None else None
            s_span = (_clamp(uk.markup.to_plain(f.source_span), uk.shown)
                      if f.source_span is not None and uk.text != NO_UKRAINIAN else None)
            if t_span is not None:
                side, span = en, t_span
            elif s_span is not None:
                side, span = uk, s_span
            elif en.text:     # a finding about the whole pair: the whole English
                side, span = en, (0, len(en.shown))
            else:
                side, span = uk, (0, len(uk.shown))
            _add_comment(comments_elm, next_id, _comment_text(f), comment_date)
            side.anchors.append(_Anchor(span[0], span[1], next_id))
            next_id += 1
            placed += 1
        status, fuzzy = _status(entry)
        doubtful += fuzzy
        fill = DOUBT_FILL if fuzzy else ""
        tr = _sub(tbl, "tr")
        _sub(_sub(tr, "trPr"), "cantSplit")
        tr.append(_cell(WIDTHS[0], _plain(rid), fill))
        if uk.text == NO_UKRAINIAN:   # (a finding may still be anchored on the marker)
            tr.append(_cell(WIDTHS[1], _paragraphs(uk, "", formatter, italic=True, grey=True), fill))
        else:
            tr.append(_cell(WIDTHS[1], _paragraphs(uk, "uk-UA", formatter), fill))
        # No language on the English: proofing follows the reviewer's own English variant.
        tr.append(_cell(WIDTHS[2], _paragraphs(en, "", formatter) if en.text else [], fill))
        notes = _notes(entry)
        tr.append(_cell(WIDTHS[3], _plain(status, bold=fuzzy), fill))
        tr.append(_cell(WIDTHS[4], _plain(notes, grey=True), fill))
        uk_ids, en_ids = entry_paragraph_ids(entry, index)
        # The paragraphs' stable ids: the import finds the row's English wherever a re-pairing put it.
        meta_rows.append({"id": rid, "src": text_sha(entry.msgid), "tgt": text_sha(entry.msgstr),
                          "uk": text_sha(uk.text), "fuzzy": "1" if fuzzy else "0",
                          "en": encode_text(entry.msgstr), "status": encode_text(status),
                          "notes": encode_text(notes), "uk-ids": ",".join(uk_ids), "en-ids": ",".join(en_ids)})

    body = document.element.body
    at = body.index(body.sectPr) if body.sectPr is not None else len(body)
    body.insert(at, tbl)
    body.insert(at + 1, _el("p"))   # Word ends a document with a paragraph, never a table
    record = input_record(po) | {"entries": entries_hash(rows), "rows": str(len(rows)),
                                 "outside": encode_text(f"{heading}\n{WARNING}"),
                                 "exported": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    summary = {"rows": len(rows), "comments": placed, "doubtful": doubtful,
               "findings": len(findings)}
    return document, record, meta_rows, summary


def write_review(po_path: Path, out: Path, *, glossaries: list[Path] | None = None,
                 force: bool = False, findings: list[Finding] | None = None,
                 settings: Settings | None = None) -> WriteResult:
    """Write the bilingual review document of `po_path` to `out`.

    `findings`: the checks' findings on this PO when the caller has them
    already (`editflow build` does); else the checks are run here, with
    `settings` (the run's settings; default: the PO's project's), so the
    review shows exactly what `editflow check` reports.  An existing `out`
    is replaced as `editflow.outputs.decide` allows (an untouched review of
    this PO, or one whose work the PO has imported), else InputError unless
    `force`.  Same PO (and glossary) → same bytes.
    """
    from editflow.checks import check_po
    from editflow.export._package import check_storable, docx_bytes, export_moment
    from editflow.fileio import atomic_write
    from editflow.po import load_po

    po_path, out = Path(po_path), Path(out)
    po = load_po(po_path)
    if not row_ids(po):
        raise InputError(po_path, "has no entries to review", "run 'editflow align' first")
    check_storable(po, po_path)
    claim = Claim.from_po(OutputKind.REVIEW, po.metadata, po_path)
    ownership = decide(out, claim).require(force)
    if findings is None:
        findings = check_po(po_path, glossaries, po=po, settings=settings).findings
    moment = export_moment(po)
    document, record, meta_rows, summary = build_review(po, findings, moment)
    stamp(document, claim)
    # The custom part records a hash of the body as it will be stored (the
    # body does not depend on the custom part, so the hash stays true).
    _attach_custom_xml(document, _custom_xml(record, meta_rows, _document_content_sha(document)))
    atomic_write(out, docx_bytes(document, moment))
    return WriteResult(out, OutputKind.REVIEW, ownership.state, rows=summary["rows"], findings=summary["findings"],
                       comments=summary["comments"], doubtful=summary["doubtful"])
