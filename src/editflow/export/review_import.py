"""The reviewer's work back into the PO: what the reviewer changed, and nothing else.

The review table is read with lxml straight from `word/document.xml`, by
structure, never by style names (Word and LibreOffice rename and restyle):
the table is the one whose first column holds the ids recorded in the
document's editflow part; the English cell's text is its final text with
tracked changes accepted (`w:ins`/`w:moveTo` in, `w:del`/`w:moveFrom` out),
a tracked row insertion or deletion (`w:trPr/w:ins`, `w:trPr/w:del`) as if
accepted.

Rows are matched by id, never by position.  Each row is a three-way
comparison, as a careful editor would make it, of the English as exported
(the review's part records it), as the reviewer returned it, and as the PO
holds it now:

- the reviewer left the row alone: the PO's text stays, whatever happened
  to it since the export (a translator's later edit or revert is kept);
- the reviewer changed it and the PO did not change: the reviewer's text;
- both changed it: paragraph by paragraph, each side's change where the
  other left the paragraph alone; a paragraph both changed differently is a
  conflict, reported with both texts, and nothing is written unless
  `resolve` says whose text to take ("theirs": the reviewer's, "ours": the
  PO's).

Text a word processor loses without anyone seeing it (a soft hyphen or a
trailing space dropped, a tab turned into a space) does not count as a
change, so a review opened and saved again untouched imports as "no
changes"; anything added, however invisible, does.

What editors do in a table is understood: Enter in an English cell makes
another paragraph (the pair becomes 1-2; the entry's machine line says so),
Shift+Enter a line break inside the paragraph; an added row (empty id) is a
new English paragraph after the row above it, an entry of its own with no
Ukrainian; a deleted row of a headline variant (or of web furniture, or of a
paragraph a review added) leaves that paragraph out of the publication
(`editflow: drop` marker; its text stays in the PO).  What a reviewer types
in the status or notes column, or outside the table, is kept as a comment.  Deleting the headline's row or a body row, merging or
splitting cells, editing the Ukrainian or an id are refused with the rows
named: pairings are changed in the alignment editor, not by deleting rows.

Everything is checked before anything is written; a refusal leaves the PO
byte-identical.  `force` imports everything that can be kept and keeps the
rest as comments in the entry (or the PO header) where it can: the English
of a row whose Ukrainian was edited, the reviewer's side of a conflict, the
text of a merged row.

What the PO gains, per changed entry (translator comments, laid out by
`editflow.history.comment_block` so that no PO writer re-wraps them):

    # reviewed: edited by Olena K. 2026-11-20
    # review (Olena K. 2026-11-20) on “Mayor”: Use his full title.
    #   And check the spelling of the name.
    # before-review: eyJ0ZXh0Ijog…
    # review-import: 788842c2bc949327 431dfe97315e3ef8

`before-review:` holds the English as it was before the first review that
changed the entry (what `redline` diffs against); `review-import:` says
which export's review, with which English, has been taken in, so importing
the same review again changes nothing.  A reviewer's comment keeps its line
breaks.  The fuzzy flag is left as it is: in editflow's PO it says the
*pairing* is doubtful, and an editor polishing the English of a row does
not confirm that the Ukrainian and English belong together.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from editflow.errors import InputError
from editflow.export.review import (
    AUTHOR,
    NO_UKRAINIAN,
    SEP,
    WARNING,
    W,
    decode_text,
    row_ids,
    text_sha,
    ukrainian_text,
)
from editflow.history import (
    before_records,
    comment_block,
    drop_line,
    encode_before,
    import_record,
    imported_texts,
    is_dropped,
)
from editflow.outputs import (
    REVIEW_NS,
    imported_review,
    po_identity,
    read_review_part,
    read_stamp,
    record_imported_review,
)

if TYPE_CHECKING:
    import polib
    from lxml import etree

    from editflow.readers.docx import FieldStack

_MAX_LISTED = 6
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Whose text a conflict takes: the reviewer's, the PO's, or none (refuse).
Resolution = Literal["theirs", "ours"] | None

# Roles whose paragraphs a publication may leave out: deleting such a row is understood.
_DROPPABLE_ROLES = frozenset({"headline", "boilerplate", "teaser"})
# The `review-import:` record of a row deletion taken into account (dropped, or noted under --force).
_DELETED = "deleted"


@dataclass
class Conflict:
    """A paragraph changed both in the PO (since the export) and in the review, differently."""
    id: str
    paragraph: int          # 1-based within the entry; 0 when the entry is compared whole
    ours: str               # the PO's text now
    theirs: str             # the review's text
    base: str | None = None  # as exported; None when the review does not record it

    def where(self) -> str:
        return f"{self.id} paragraph {self.paragraph}" if self.paragraph else self.id

    def describe(self) -> str:
        return f"{self.where()}: the PO has “{_flat(self.ours)}”, the review has “{_flat(self.theirs)}”"

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "paragraph": self.paragraph, "ours": self.ours, "theirs": self.theirs,
                "base": self.base}


class ReviewConflict(InputError):
    """The review and the PO changed the same paragraphs: nothing was written."""

    def __init__(self, path: Path, problem: str, hint: str, conflicts: list[Conflict]) -> None:
        super().__init__(path, problem, hint)
        self.conflicts = conflicts


@dataclass
class ImportSummary:
    review: str
    po: str
    changed: list[str] = field(default_factory=list)      # ids whose English was updated
    comments: int = 0                                     # reviewers' comments added
    unchanged: int = 0                                    # rows with nothing new
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, reason) not imported under --force
    kept: list[str] = field(default_factory=list)         # ids the PO changed since the export, the review did not
    merged: list[str] = field(default_factory=list)       # ids both changed, in different paragraphs
    resolved: list[tuple[Conflict, str]] = field(default_factory=list)  # conflicts and whose text was taken
    reshaped: list[tuple[str, str]] = field(default_factory=list)       # (id, "1-1 → 1-2")
    added: list[str] = field(default_factory=list)        # ids of entries made from added rows
    dropped: list[str] = field(default_factory=list)      # ids left out of the publication
    already: bool = False                                 # this very document was imported whole before
    written: bool = False
    dry_run: bool = False

    @property
    def no_changes(self) -> bool:
        return not (self.changed or self.comments or self.added or self.dropped)

    def as_dict(self) -> dict[str, Any]:
        return {"review": self.review, "po": self.po, "changed": self.changed, "comments": self.comments,
                "unchanged": self.unchanged, "skipped": [{"id": i, "reason": r} for i, r in self.skipped],
                "kept": self.kept, "merged": self.merged,
                "conflicts": [c.as_dict() | {"taken": how} for c, how in self.resolved],
                "reshaped": [{"id": i, "pairing": k} for i, k in self.reshaped],
                "added": self.added, "dropped": self.dropped, "no_changes": self.no_changes,
                "already_imported": self.already, "written": self.written, "dry_run": self.dry_run}

    def format(self) -> str:
        if self.already:
            return (f"{self.review} → {self.po}: no changes; this review was imported before, "
                    f"and everything in the PO since is kept")
        if self.dry_run:
            verb = "no changes" if self.no_changes else "would update " + self.po
        elif self.written:
            verb = (f"no changes; recorded the review as imported in {self.po}" if self.no_changes
                    else f"updated {self.po}")
        else:
            verb = f"no changes to {self.po}"
        lines = [f"{self.review} → {self.po}: {len(self.changed)} row(s) changed, "
                 f"{self.comments} comment(s) imported, {self.unchanged} unchanged; {verb}"]
        if self.changed:
            lines.append("  changed: " + ", ".join(self.changed))
        for rid, kinds in self.reshaped:
            lines.append(f"  paragraphs changed in {rid}: now {kinds}")
        if self.added:
            lines.append("  added paragraph(s): " + ", ".join(self.added))
        if self.dropped:
            lines.append("  left out of the publication (row deleted): " + ", ".join(self.dropped))
        if self.kept:
            lines.append("  kept the PO's later change (the review left it alone): " + ", ".join(self.kept))
        if self.merged:
            lines.append("  merged (the PO and the review changed different paragraphs): " + ", ".join(self.merged))
        for c, how in self.resolved:
            lines.append(f"  conflict in {c.where()}: {how}")
        for rid, reason in self.skipped:
            lines.append(f"  not imported {rid}: {reason}")
        return "\n".join(lines)


@dataclass
class Change:
    """What one tracked change or untracked edit tells the record."""
    author: str
    date: str   # YYYY-MM-DD, or "" when Word did not say


@dataclass
class ReviewComment:
    author: str
    date: str
    text: str   # as written: one line per paragraph of the comment, line breaks kept
    anchor: str = ""


@dataclass
class Row:
    """One data row of the review table, read back."""
    position: int               # 1-based among the data rows, for messages
    id: str
    ukrainian: str
    english: str                # tracked changes accepted
    english_paragraphs: int
    changes: list[Change] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)
    problem: str = ""           # merged/split cells, ...
    deleted: Change | None = None    # a tracked deletion of the whole row
    inserted: Change | None = None   # a tracked insertion of the whole row
    status: str = ""            # the status and notes columns as returned, one line per paragraph
    notes: str = ""
    side_changes: list[Change] = field(default_factory=list)   # tracked changes in those columns


# ---------------------------------------------------------------------------
# reading the document
# ---------------------------------------------------------------------------

def _q(tag: str) -> str:
    return W + tag


def _attr(el, name: str) -> str:
    return el.get(_q(name)) or ""


def _day(date: str) -> str:
    return date[:10] if re.match(r"\d{4}-\d\d-\d\d", date or "") else ""


def _tidy(paragraph: str) -> str:
    # A line break at either end of a paragraph, or two in a row, would read as a
    # paragraph break in the PO (paragraphs are joined by a blank line): one line break at most.
    return re.sub(r"\n{2,}", "\n", paragraph).strip("\n")


@dataclass
class Formatting:
    """What reading a cell's formatting needs from the review document: its character styles (a reviewer's
    Emphasis or Strong) and its hyperlinks' addresses (relationship id → address)."""
    styles: Any = None
    links: dict[str, str] = field(default_factory=dict)


def _cell_text(tc, changes: list[Change] | None = None, formatting: Formatting | None = None) -> tuple[str, int]:
    """The cell's text with tracked changes accepted, and its number of non-empty paragraphs.

    Paragraphs are joined by a blank line, as in the PO; a paragraph whose
    mark was deleted (tracked) joins the next one.  With `formatting`, the
    text as the PO holds it: italics, bold and hyperlinks as inline tags,
    literal `<` escaped (editflow.inline); an editor who italicised a word
    in Word has added `<i>`.
    """
    paragraphs: list[str] = []
    pending = ""
    for p in tc.iter(_q("p")):
        if _inside(p, "del", tc) or _inside(p, "moveFrom", tc):
            continue
        text = _paragraph_text(p, changes, formatting)
        mark = p.find(f"{_q('pPr')}/{_q('rPr')}")
        if mark is not None:
            for tag in ("ins", "del"):
                m = mark.find(_q(tag))
                if m is not None and changes is not None:
                    changes.append(Change(_attr(m, "author"), _day(_attr(m, "date"))))
        if mark is not None and mark.find(_q("del")) is not None:
            pending += text
            continue
        paragraphs.append(pending + text)
        pending = ""
    if pending:
        paragraphs.append(pending)
    kept = [_tidy(t) for t in paragraphs if _tidy(t).strip()]
    return SEP.join(kept), len(kept)


def _all_text(tc) -> str:
    """Every character in a cell, deleted (tracked) ones included: the id of a row deleted with Track Changes on."""
    return "".join(el.text or "" for el in tc.iter(_q("t"), _q("delText")))


def _inside(el, tag: str, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == _q(tag):
            return True
        parent = parent.getparent()
    return False


def _paragraph_text(p, changes: list[Change] | None, formatting: Formatting | None = None) -> str:
    from editflow.inline import PLAIN, Format, compose

    out: list[tuple[str, Format]] = []
    from editflow.readers.docx import FieldStack

    fields = FieldStack()    # the complex fields open here
    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in (_q("ins"), _q("del"), _q("moveTo"), _q("moveFrom")):
            if changes is not None and el.getparent() is not None and el.getparent().tag != _q("rPr"):
                changes.append(Change(_attr(el, "author"), _day(_attr(el, "date"))))
            continue
        if tag == _q("rPrChange"):
            # Formatting changed with Track Changes on (a word italicised): who did it.
            if changes is not None and formatting is not None and not _inside(el, "del", p):
                changes.append(Change(_attr(el, "author"), _day(_attr(el, "date"))))
            continue
        if formatting is not None and tag in (_q("fldChar"), _q("instrText")):
            if not (_inside(el, "del", p) or _inside(el, "moveFrom", p)):
                if tag == _q("instrText"):
                    fields.instruction(el.text or "")
                else:
                    fields.mark(_attr(el, "fldCharType"))
            continue
        if tag not in (_q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen"), _q("softHyphen"),
                       _q("sym")):
            continue
        if _inside(el, "del", p) or _inside(el, "moveFrom", p):
            continue
        # A nested paragraph (a text box inside the cell) is read on its own turn.
        owner = el.getparent()
        while owner is not None and owner.tag != _q("p"):
            owner = owner.getparent()
        if owner is not p:
            continue
        fmt = PLAIN if formatting is None else _format_of(el, p, formatting, fields)
        if tag == _q("t"):
            out.append((el.text or "", fmt))
        elif tag == _q("tab"):
            # w:tab is also a tab-stop definition inside w:tabs (pPr); only run tabs are text.
            if el.getparent().tag == _q("r"):
                out.append(("\t", fmt))
        elif tag in (_q("br"), _q("cr")):
            out.append(("\n", fmt))
        elif tag == _q("noBreakHyphen"):
            out.append(("\u2011", fmt))
        elif tag == _q("softHyphen"):
            out.append(("\u00ad", fmt))
        elif tag == _q("sym"):
            from editflow.readers.docx import symbol_character

            out.append((symbol_character(el), fmt))
    if formatting is None:
        return "".join(text for text, _fmt in out)
    return compose(out)


def _format_of(el, p, formatting: Formatting, fields: FieldStack) -> Any:
    """The format of a text element of paragraph `p`: its run's italics and bold, the link it stands in."""
    from editflow.inline import Format, canonical_href
    from editflow.readers.docx import _field_href, _toggle

    run = el.getparent()
    italic = bold = False
    rpr = run.find(_q("rPr")) if run is not None and run.tag == _q("r") else None
    if rpr is not None:
        style = rpr.find(_q("rStyle"))
        if style is not None and formatting.styles is not None:
            italic, bold = formatting.styles.character(_attr(style, "val"))
        i, b = _toggle(rpr, "i"), _toggle(rpr, "b")
        italic = italic if i is None else i
        bold = bold if b is None else b
    href = ""
    parent = run
    while parent is not None and parent is not p and not href:
        if parent.tag == _q("hyperlink"):
            href = canonical_href(formatting.links.get(parent.get(_R_ID) or "", ""))
        elif parent.tag == _q("fldSimple"):
            href = _field_href(_attr(parent, "instr"))
        parent = parent.getparent()
    if not href:
        href = fields.href()
    return Format(italic=italic, bold=bold, href=href)


@dataclass
class ReviewDoc:
    part: etree._Element         # the editflow custom XML part
    rows: list[Row]
    stray_comments: list[ReviewComment]
    last_modified_by: str
    modified: str
    identity: str = ""           # the article it was exported for (`outputs.po_identity`), "" when unrecorded
    untouched: bool = False      # body and comments exactly as editflow exported them
    outside: list[str] = field(default_factory=list)   # paragraphs outside the review table, as returned


def _comment_paragraph(p) -> str:
    out: list[str] = []
    for el in p.iter(_q("t"), _q("br"), _q("cr"), _q("tab")):
        if el.tag == _q("t"):
            out.append(el.text or "")
        elif el.tag == _q("tab"):
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def _comments(z: zipfile.ZipFile) -> dict[str, ReviewComment]:
    from lxml import etree

    if "word/comments.xml" not in z.namelist():
        return {}
    root = etree.fromstring(z.read("word/comments.xml"))
    out: dict[str, ReviewComment] = {}
    for c in root.iter(_q("comment")):
        # One line per paragraph of the comment, line breaks inside one kept: as the reviewer wrote it.
        lines = "\n".join(_comment_paragraph(p) for p in c.iter(_q("p"))).split("\n")
        text = "\n".join(line.rstrip() for line in lines).strip("\n")
        out[_attr(c, "id")] = ReviewComment(_attr(c, "author"), _day(_attr(c, "date")), text)
    return out


def _core(z: zipfile.ZipFile) -> tuple[str, str]:
    from lxml import etree

    try:
        root = etree.fromstring(z.read("docProps/core.xml"))
    except (KeyError, etree.XMLSyntaxError):
        return "", ""
    by = root.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy")
    mod = root.find("{http://purl.org/dc/terms/}modified")
    return ((by.text or "").strip() if by is not None else "",
            _day((mod.text or "").strip()) if mod is not None else "")


def _plain_text(text: str) -> str:
    from editflow.inline import plain

    return plain(text)


def _formatting(z: zipfile.ZipFile) -> Formatting:
    """The review document's character styles and hyperlink addresses, for reading formatting in cells."""
    from lxml import etree

    from editflow.readers.docx import _Styles

    names = set(z.namelist())
    styles = None
    if "word/styles.xml" in names:
        try:
            styles = _Styles(etree.fromstring(z.read("word/styles.xml")))
        except etree.XMLSyntaxError:
            styles = None
    links: dict[str, str] = {}
    if "word/_rels/document.xml.rels" in names:
        try:
            rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        except etree.XMLSyntaxError:
            rels = None
        for rel in rels if rels is not None else ():
            if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink"):
                links[rel.get("Id") or ""] = rel.get("Target") or ""
    return Formatting(styles, links)


def read_review(path: Path) -> ReviewDoc:
    """Parse a review document; InputError when it is not one or cannot be read."""
    from lxml import etree

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "review document not found", "give the .review.docx the reviewer sent back")
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            body_xml = z.read("word/document.xml")
            comments = _comments(z)
            last_by, modified = _core(z)
            formatting = _formatting(z)
        part = read_review_part(data)
        root = etree.fromstring(body_xml)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, EOFError, zlib_error()) as e:
        raise InputError(path, f"is not a readable Word document ({type(e).__name__})",
                         "the file is corrupted or not a .docx; ask for it again or re-export the review") from None
    if part is None:
        raise InputError(path, "is not an editflow review document (no editflow record inside)",
                         "export one with 'editflow export FILE.po --review'")
    known = {rid for r in part.iter(f"{{{REVIEW_NS}}}row") if (rid := r.get("id"))}
    table = _find_table(root, known)
    if table is None:
        raise InputError(path, "holds no review table (empty or removed)",
                         "re-export the review with 'editflow export FILE.po --review'")
    rows, stray = _read_rows(table, root, comments, known, formatting)
    if not rows:
        raise InputError(path, "the review table is empty", "re-export the review with 'editflow export FILE.po --review'")
    stamp = read_stamp(data)
    outside = [text for p in root.iter(_q("p")) if _table_of(p) is None and not _inside(p, "del", root)
               and (text := _tidy(_paragraph_text(p, None))).strip()]
    return ReviewDoc(part, rows, stray, last_by, modified, stamp.identity if stamp is not None else "",
                     stamp is not None and stamp.untouched, outside)


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


def _rows_of(tbl):
    # Rows may sit inside content controls (w:sdt/w:sdtContent) after Word has been at it.
    return [tr for tr in tbl.iter(_q("tr")) if _table_of(tr) is tbl]


def _table_of(el):
    parent = el.getparent()
    while parent is not None and parent.tag != _q("tbl"):
        parent = parent.getparent()
    return parent


def _cells_of(tr):
    return [tc for tc in tr.iter(_q("tc")) if tc.getparent() is tr or _row_of(tc) is tr]


def _row_of(el):
    parent = el.getparent()
    while parent is not None and parent.tag != _q("tr"):
        parent = parent.getparent()
    return parent


def _find_table(root, known: set[str]):
    """The table whose first column holds the most recorded ids (by structure, not by style)."""
    best, best_hits = None, -1
    for tbl in root.iter(_q("tbl")):
        if _table_of(tbl) is not None:   # a table nested in a cell is not the review table
            continue
        hits = 0
        for tr in _rows_of(tbl):
            cells = _cells_of(tr)
            if cells and _all_text(cells[0]).strip() in known:
                hits += 1
        if hits > best_hits:
            best, best_hits = tbl, hits
    return best


def _row_change(tr, tag: str) -> Change | None:
    mark = tr.find(f"{_q('trPr')}/{_q(tag)}")
    return None if mark is None else Change(_attr(mark, "author"), _day(_attr(mark, "date")))


def _read_rows(tbl, root, comments: dict[str, ReviewComment],
               known: set[str], formatting: Formatting | None = None) -> tuple[list[Row], list[ReviewComment]]:
    trs = _rows_of(tbl)
    # The header row is the first row unless it holds a row id (someone deleted
    # the header): w:tblHeader and the header's wording are not relied on.
    first = _cells_of(trs[0]) if trs else []
    skip = 1 if trs and not (first and _all_text(first[0]).strip() in known) else 0
    data = trs[skip:]
    row_of_tr = {tr: k for k, tr in enumerate(data)}
    rows: list[Row] = []
    for k, tr in enumerate(data):
        cells = _cells_of(tr)
        problem = ""
        if len(cells) != 5:
            problem = f"has {len(cells)} cells instead of 5 (merged or split)"
        elif any(tc.find(f"{_q('tcPr')}/{_q('vMerge')}") is not None
                 or int((tc.find(f"{_q('tcPr')}/{_q('gridSpan')}") is not None
                         and _attr(tc.find(f"{_q('tcPr')}/{_q('gridSpan')}"), "val")) or 1) > 1
                 for tc in cells):
            problem = "has merged cells"
        padded = cells + [None] * (5 - len(cells))
        deleted = _row_change(tr, "del")
        # A row deleted with Track Changes on keeps its cells, their text marked deleted.
        rid_text = (_all_text(padded[0]) if deleted else _cell_text(padded[0])[0]).strip() \
            if padded[0] is not None else ""
        uk = _cell_text(padded[1], None, formatting)[0] if padded[1] is not None else ""
        if formatting is not None and _plain_text(uk) == NO_UKRAINIAN:
            uk = NO_UKRAINIAN   # the marker of an addition, written in italics: not the text's own
        changes: list[Change] = []
        en, n_en = _cell_text(padded[2], changes, formatting) if padded[2] is not None else ("", 0)
        side: list[Change] = []
        status, notes = (_cell_text(tc, side)[0].replace(SEP, "\n") if tc is not None else "" for tc in padded[3:5])
        rows.append(Row(k + 1, rid_text, uk, en, n_en, changes, [], problem, deleted, _row_change(tr, "ins"),
                        status, notes, side))
    # Comments: anchored by their range start (or, lacking one, their reference) in a data row.
    stray: list[ReviewComment] = []
    placed: set[str] = set()
    for tag in ("commentRangeStart", "commentReference"):
        for el in root.iter(_q(tag)):
            cid = _attr(el, "id")
            if cid in placed or cid not in comments:
                continue
            placed.add(cid)
            c = comments[cid]
            tr = _row_of(el)
            while tr is not None and tr not in row_of_tr:
                tr = _row_of(tr)
            if c.author == AUTHOR:
                continue
            if tr is None:
                stray.append(c)
                continue
            if tag == "commentRangeStart":
                c.anchor = _anchored_text(el, cid)
            rows[row_of_tr[tr]].comments.append(c)
    for cid, c in comments.items():
        if cid not in placed and c.author != AUTHOR:
            stray.append(c)
    return rows, stray


def _anchored_text(start, cid: str) -> str:
    """The text between a comment's range start and end (deleted text left out), shortened."""
    out: list[str] = []
    on = False
    tc = start
    while tc is not None and tc.tag != _q("tc"):
        tc = tc.getparent()
    scope = tc if tc is not None else start.getroottree().getroot()
    for el in scope.iter():
        if el is start:
            on = True
        elif el.tag == _q("commentRangeEnd") and _attr(el, "id") == cid:
            break
        elif on and el.tag == _q("t") and not _inside(el, "del", scope):
            out.append(el.text or "")
    text = " ".join("".join(out).split())
    return text if len(text) <= 60 else text[:57] + "…"


# ---------------------------------------------------------------------------
# comparing texts
# ---------------------------------------------------------------------------

def _seen(text: str) -> str:
    """The text as a reader sees it: soft hyphens, trailing spaces and the kind of blank left out."""
    text = text.replace("\u00ad", "").replace("\t", " ")
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def same_text(returned: str, written: str) -> bool:
    """Whether `returned` (read back from a word processor) is `written` with only what it loses unseen lost.

    LibreOffice drops soft hyphens and a paragraph's trailing spaces, and turns a tab written as
    text into a space.  Only that direction counts: a returned text longer than the written one
    was typed into, however invisible the addition.  Inline tags are compared by what they say
    (`inline.canonical`): `<i><b>x</b></i>` written comes back from Word as `<b><i>x</i></b>`, and
    a paragraph exported with its tags as text (markup that is not the tag set) comes back escaped.
    """
    if returned == written:
        return True
    from editflow.inline import canonical

    returned, written = canonical(returned), canonical(written)
    return returned == written or (len(returned) <= len(written) and _seen(returned) == _seen(written))


def _flat(text: str) -> str:
    return text.replace(SEP, " ¶ ").replace("\n", " ↵ ")


def _norm(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# the record in the PO
# ---------------------------------------------------------------------------

def _has_line(text: str, line: str) -> bool:
    # PO editors (and polib) re-wrap comment lines: compare with white space normalised.
    return _norm(line) in _norm(text or "")


@dataclass
class _Proxy:
    """A row re-paired since the export: a stand-in entry holding its English, and where that is now."""
    entry: polib.POEntry
    places: list[tuple[polib.POEntry, int]]     # per paragraph of the row: the entry holding it, its position
    hosts: list[polib.POEntry]
    tcomment: str                                # the stand-in's comments when made
    text: str                                    # its English when made

    def parts_of(self, host: polib.POEntry) -> list[str]:
        from editflow.po import english_parts, entry_info

        return english_parts(host, entry_info(host))


def _english_homes(po: polib.POFile) -> dict[str, tuple[polib.POEntry, int]]:
    """Every English paragraph's id → the live entry holding it and its position there."""
    from editflow.po import entry_paragraph_ids

    out: dict[str, tuple[polib.POEntry, int]] = {}
    for k, entry in enumerate(e for e in po if not e.obsolete):
        for pos, pid in enumerate(entry_paragraph_ids(entry, k)[1]):
            out.setdefault(pid, (entry, pos))
    return out


def _add_line(entry: polib.POEntry, line: str) -> bool:
    if _has_line(entry.tcomment, line):
        return False
    block = comment_block(line)
    entry.tcomment = f"{entry.tcomment}\n{block}" if entry.tcomment else block
    return True


def _who(changes: list[Change], fallback: Change) -> list[Change]:
    seen: dict[tuple[str, str], Change] = {}
    for c in changes:
        seen.setdefault((c.author or "unknown reviewer", c.date), Change(c.author or "unknown reviewer", c.date))
    return list(seen.values()) or [fallback]


def _by(changes: list[Change]) -> str:
    return ", ".join(" ".join(x for x in (c.author, c.date) if x) for c in changes)


def _comment_line(c: ReviewComment) -> str:
    who = " ".join(x for x in (c.author or "reviewer", c.date) if x)
    on = f" on “{c.anchor}”" if c.anchor else ""
    return f"review ({who}){on}: {c.text}"


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:_MAX_LISTED])
    return shown + (f" (+{len(ids) - _MAX_LISTED} more)" if len(ids) > _MAX_LISTED else "")


def _roles(entry: polib.POEntry) -> list[str]:
    from editflow.po import entry_info

    info = entry_info(entry)
    return [] if info is None else [*info.src_roles, *info.tgt_roles]


def _row_label(rid: str, position: int, entry: polib.POEntry | None) -> str:
    roles = set(_roles(entry)) if entry is not None else set()
    what = "the headline" if "title" in roles else (sorted(roles)[0] if len(roles) == 1 else "")
    return f"{rid} (row {position}{', ' + what if what else ''})"


# ---------------------------------------------------------------------------
# the import
# ---------------------------------------------------------------------------

class _Import:
    """One import: decides row by row on the PO in memory; the caller writes it, or not."""

    def __init__(self, po: polib.POFile, doc: ReviewDoc, review_path: Path, po_path: Path, *,
                 force: bool, resolve: Resolution, summary: ImportSummary) -> None:
        self.po, self.doc, self.review_path, self.po_path = po, doc, review_path, po_path
        self.force, self.resolve, self.summary = force, resolve, summary
        self.export = doc.part.get("entries", "")
        self.recorded = {r.get("id", ""): (k + 1, r) for k, r in enumerate(doc.part.iter(f"{{{REVIEW_NS}}}row"))}
        self.current = dict(row_ids(po))
        self.problems: dict[str, list[str]] = {}
        self.conflicts: list[Conflict] = []
        self.touched = False
        self.fallback = Change(doc.last_modified_by if doc.last_modified_by and doc.last_modified_by != AUTHOR
                               else "unknown reviewer", doc.modified)
        self.header_lines: list[str] = []
        self.after: dict[int, polib.POEntry] = {}   # id(anchor entry) → the last entry added after it
        self.homes = _english_homes(po)            # paragraph id → (entry, position of its English paragraph)

    # -- bookkeeping -------------------------------------------------------

    def refuse(self, kind: str, what: str, keep: tuple[polib.POEntry | None, str] | None = None) -> None:
        """A row that cannot be imported as it is; under force, `keep` says where its text goes as a comment."""
        self.problems.setdefault(kind, []).append(what)
        self.summary.skipped.append((what, kind))
        if self.force and keep is not None:
            entry, line = keep
            if entry is None:
                self._header_line(line)
            else:
                self.note(entry, line)

    def note(self, entry: polib.POEntry, line: str) -> bool:
        if _add_line(entry, line):
            self.touched = True
            return True
        return False

    def comments(self, entry: polib.POEntry | None, row: Row) -> bool:
        added = False
        for c in row.comments:
            line = _comment_line(c)
            if entry is None:
                if self._header_line(line):
                    self.summary.comments += 1
                    added = True
            elif self.note(entry, line):
                self.summary.comments += 1
                added = True
        return added

    def _header_line(self, line: str) -> bool:
        if _has_line(self.po.header or "", line) or any(_norm(line) == _norm(x) for x in self.header_lines):
            return False
        self.header_lines.append(line)
        return True

    def who(self, row: Row) -> list[Change]:
        extra = [c for c in (row.inserted, row.deleted) if c is not None]
        return _who(row.changes + extra, self.fallback)

    # -- the rows ----------------------------------------------------------

    def run(self) -> None:
        seen: dict[str, int] = {}
        anchor: polib.POEntry | None = None     # the entry of the nearest row above with one
        present: set[str] = set()
        for row in self.doc.rows:
            if not row.deleted:
                present.update(row.id.split())
        for row in self.doc.rows:
            if row.problem:
                self.problem_row(row)
                continue
            if not row.id:
                if not row.deleted:
                    anchor = self.added_row(row, anchor) or anchor
                continue
            if row.id not in self.recorded:
                if row.deleted:
                    continue    # a row someone added and deleted again
                self.refuse("unknown ids", f"{row.id!r} (row {row.position})",
                            (None, f"review: row {row.position} with an unknown id {row.id!r} was not imported; "
                                   f"its English: “{_flat(row.english)}”") if row.english.strip() else None)
                if self.force:
                    self.comments(None, row)
                continue
            entry = self.entry_for(row)
            if entry is not None:
                anchor = entry
            if row.deleted:
                continue    # handled with the rows that are gone, below
            seen[row.id] = seen.get(row.id, 0) + 1
            if seen[row.id] > 1:
                self.refuse("rows added (duplicate ids)", f"{row.id} (row {row.position})",
                            (entry, f"review: a copy of this row (row {row.position}) held: “{_flat(row.english)}” "
                                    f"(not imported)") if row.english.strip() else None)
                continue
            proxy = self.proxy_for(row.id)
            if proxy is None:
                self.known_row(row, entry)
            elif self.repaired_row_fits(row, proxy):
                self.known_row(row, proxy.entry)
                self.write_back(proxy)
        for rid, (position, _rec) in self.recorded.items():
            if rid not in present:
                gone = next((r for r in self.doc.rows if r.deleted and r.id == rid), None)
                self.deleted_row(rid, position, gone)

    # -- rows re-paired since the export (editflow.pairing) ----------------

    def proxy_for(self, rid: str) -> _Proxy | None:
        """A stand-in entry for a row whose English paragraphs are now elsewhere, or part of a larger entry.

        The review records the row's paragraph ids (older reviews: the ids its entry gave them then);
        when those paragraphs are exactly the English of the entry with the row's id, or some are not
        found, the row is imported as before.
        """
        from editflow.po import default_pid, english_parts, entry_info

        rec = self.recorded[rid][1]
        if rec.get("en-ids") is not None:
            pids = [x for x in rec.get("en-ids", "").split(",") if x]
        else:
            base = decode_text(rec.get("en"))
            pids = [default_pid(rid, "en", k + 1) for k in range(len(base.split(SEP)))] if base else []
        spots = [self.homes.get(pid) for pid in pids]
        if not pids or any(spot is None for spot in spots):
            return None
        places = [spot for spot in spots if spot is not None]
        entry = self.current.get(rid)
        if entry is not None and all(e is entry for e, _ in places) \
                and [pos for _, pos in places] == list(range(len(english_parts(entry, entry_info(entry))))):
            return None
        hosts: list[polib.POEntry] = []
        for e, _ in places:
            if not any(e is h for h in hosts):
                hosts.append(e)
        texts, roles = [], []
        for e, pos in places:
            info = entry_info(e)
            texts.append(english_parts(e, info)[pos])
            roles.append(info.tgt_roles[pos] if info is not None and pos < len(info.tgt_roles) else "body")
        import polib

        stand_in = polib.POEntry(
            msgctxt=rid, msgid=hosts[0].msgid, msgstr=SEP.join(texts), tcomment=hosts[0].tcomment,
            comment=f"editflow: src= tgt={','.join(['0'] * len(texts))} conf=1 roles=|{','.join(roles)}")
        return _Proxy(stand_in, places, hosts, hosts[0].tcomment or "", stand_in.msgstr)

    def repaired_row_fits(self, row: Row, proxy: _Proxy) -> bool:
        """Whether what the reviewer did to a re-paired row can be put back into the entries now holding it."""
        base = decode_text(self.recorded[row.id][1].get("en"))
        if base is not None and same_text(row.english, base):
            return True     # nothing changed in the review: comments and notes go to the entries as usual
        count = len(row.english.split(SEP)) if row.english.strip() else 0
        spread = len(proxy.hosts) > 1
        whole = all(len(proxy.parts_of(h)) == sum(1 for e, _ in proxy.places if e is h) for h in proxy.hosts)
        if count == 0 and not whole:
            why = "its English deleted in the review, but its paragraphs now share a row with others"
        elif spread and count != len(proxy.places):
            why = "the review changed how many paragraphs it has, and its paragraphs are in several rows now"
        else:
            return True
        self.refuse(f"rows re-paired since the export ({why}; change it in the PO or the alignment editor)",
                    _row_label(row.id, row.position, None),
                    (proxy.hosts[0], f"review ({_by(self.who(row))}): not imported, row {row.id} was re-paired "
                                     f"since the export: “{_flat(row.english)}”"))
        return False

    def write_back(self, proxy: _Proxy) -> None:
        """The stand-in's English and new comment lines, put into the entries holding the row's paragraphs."""
        from editflow.po import english_parts, entry_info, set_english_paragraphs

        tc = proxy.entry.tcomment or ""
        added = tc[len(proxy.tcomment):].strip("\n") if tc.startswith(proxy.tcomment) else ""
        for host in proxy.hosts:
            if added and not _has_line(host.tcomment or "", added):
                host.tcomment = f"{host.tcomment}\n{added}" if host.tcomment else added
        text = proxy.entry.msgstr
        if text == proxy.text:
            return
        new = text.split(SEP) if text else []
        if len(new) == len(proxy.places):
            for host in proxy.hosts:
                parts = list(english_parts(host, entry_info(host)))
                for (e, pos), piece in zip(proxy.places, new, strict=True):
                    if e is host:
                        parts[pos] = piece
                host.msgstr = SEP.join(parts)
            return
        host = proxy.hosts[0]     # one host (repaired_row_fits): the paragraphs replaced where they stand
        parts = list(english_parts(host, entry_info(host)))
        positions = [pos for _, pos in proxy.places]
        parts[positions[0]:positions[-1] + 1] = new
        reason = "paragraphs split in review" if len(new) > len(positions) else "paragraphs joined in review"
        set_english_paragraphs(self.po, host, len(parts), reason)
        host.msgstr = SEP.join(parts)

    def entry_for(self, row: Row) -> polib.POEntry | None:
        """The PO entry of a recorded row: its id, else (re-aligned since) the one entry still holding its English."""
        entry = self.current.get(row.id)
        if entry is not None:
            return entry
        base = decode_text(self.recorded[row.id][1].get("en"))
        if not base:
            return None
        holders = [e for rid, e in self.current.items() if e.msgstr == base and rid not in self.recorded]
        return holders[0] if len(holders) == 1 else None

    def known_row(self, row: Row, entry: polib.POEntry | None) -> None:
        rec = self.recorded[row.id][1]
        if entry is None:
            base = decode_text(rec.get("en"))
            untouched = (same_text(row.english, base) if base is not None
                         else text_sha(row.english) == rec.get("tgt"))
            if untouched and not row.comments:
                self.summary.unchanged += 1
                return
            self.refuse("not in the PO any more (re-aligned since the export)", f"{row.id} (row {row.position})",
                        (None, f"review: row {row.id} is not in the PO any more; the review's English: "
                               f"“{_flat(row.english)}”"))
            if self.force:
                self.comments(None, row)
            return
        if not self.ukrainian_intact(row, rec, entry):
            self.refuse("Ukrainian edited", row.id,
                        (entry, f"review ({_by(self.who(row))}): the Ukrainian was changed in the review to "
                                f"“{_flat(row.ukrainian)}” (not imported: the Ukrainian comes from the original)"))
            if not self.force:
                return
        changed = self.english(row, rec, entry)
        changed = self.comments(entry, row) or changed
        changed = self.typed_notes(entry, row, rec) or changed
        if not changed:
            self.summary.unchanged += 1

    def typed_notes(self, entry: polib.POEntry | None, row: Row, rec=None) -> bool:
        """What a reviewer typed in the status or notes column: kept as a comment (nothing to apply)."""
        added = False
        for column, text in (("status", row.status), ("notes", row.notes)):
            exported = decode_text(rec.get(column)) if rec is not None else ""
            if exported is None:
                continue    # a review that does not record the column: what is new cannot be told
            old = [line for line in exported.split("\n") if line.strip()]
            new = [line for line in text.split("\n") if line.strip() and not any(same_text(line, o) for o in old)]
            if not new:
                continue
            line = f"review ({_by(_who(row.side_changes, self.fallback))}) in the {column} column: " + "\n".join(new)
            if entry is None:
                added = self._header_line(line) or added
            else:
                added = self.note(entry, line) or added
        if added:
            self.summary.comments += 1
        return added

    def ukrainian_intact(self, row: Row, rec, entry: polib.POEntry) -> bool:
        if text_sha(row.ukrainian) == rec.get("uk"):
            return True
        exported = ukrainian_text(entry)
        return text_sha(exported) == rec.get("uk") and same_text(row.ukrainian, exported)

    # -- the English: a three-way comparison -------------------------------

    def english(self, row: Row, rec, entry: polib.POEntry) -> bool:
        theirs, ours = row.english, entry.msgstr
        base = decode_text(rec.get("en"))
        if base is None and text_sha(ours) == rec.get("tgt"):
            base = ours     # an older review records only the hash: the PO still has the exported text
        po_changed = text_sha(ours) != rec.get("tgt")
        # This review's text taken in before: what the PO has said since (a revert, say) stands.
        taken = text_sha(theirs) in imported_texts(entry, self.export)
        if taken:
            reviewed = False
        elif base is not None:
            reviewed = not same_text(theirs, base)
        else:
            reviewed = text_sha(theirs) != rec.get("tgt")
        if not reviewed:
            if (po_changed or taken) and not same_text(theirs, ours):
                self.summary.kept.append(row.id)
            return False
        if same_text(theirs, ours):
            return False    # the PO already says what the reviewer wrote
        if not theirs.strip():
            return self.emptied(row, entry)
        if not po_changed:
            return self.apply(row, entry, theirs, theirs)
        merged, conflicts = self.merge(row.id, base, ours, theirs)
        unresolved = False
        for c in conflicts:
            if self.resolve is not None:
                self.summary.resolved.append((c, "took the reviewer's text" if self.resolve == "theirs"
                                              else "kept the PO's text"))
            elif self.force:
                self.summary.resolved.append((c, "kept the PO's text; the reviewer's is in a comment"))
                self.note(entry, f"review ({_by(self.who(row))}): not imported, as the PO changed "
                                 f"{'paragraph ' + str(c.paragraph) if c.paragraph else 'this entry'} too: "
                                 f"“{_flat(c.theirs)}”")
            else:
                self.conflicts.append(c)
                unresolved = True
        if unresolved:
            return False
        if not conflicts:
            self.summary.merged.append(row.id)
        if merged == ours:
            # Weighed and set aside: the same review, imported again, need not be weighed again.
            return self.note(entry, import_record(self.export, text_sha(theirs)))
        return self.apply(row, entry, merged, theirs)

    def merge(self, rid: str, base: str | None, ours: str, theirs: str) -> tuple[str, list[Conflict]]:
        """Each side's change where the other left a paragraph alone; the conflicts, resolved as asked."""
        take_theirs = self.resolve == "theirs"
        if base is None:
            return (theirs if take_theirs else ours), [Conflict(rid, 0, ours, theirs, None)]
        b, o, t = base.split(SEP), ours.split(SEP), theirs.split(SEP)
        if not len(b) == len(o) == len(t):
            return (theirs if take_theirs else ours), [Conflict(rid, 0, ours, theirs, base)]
        out: list[str] = []
        conflicts: list[Conflict] = []
        for k, (bk, ok, tk) in enumerate(zip(b, o, t, strict=True)):
            if same_text(tk, bk) or same_text(tk, ok):
                out.append(ok)
            elif ok == bk:
                out.append(tk)
            else:
                conflicts.append(Conflict(rid, k + 1 if len(b) > 1 else 0, ok, tk, bk))
                out.append(tk if take_theirs else ok)
        return SEP.join(out), conflicts

    def emptied(self, row: Row, entry: polib.POEntry) -> bool:
        """English deleted from a cell: a headline variant is left out of the publication; else refused."""
        if self._droppable(entry):
            return self.drop(entry, row.id, self.who(row)[0])
        self.refuse("English emptied (the PO pairs paragraphs; change pairings in the alignment editor)",
                    _row_label(row.id, row.position, entry),
                    (entry, f"review ({_by(self.who(row))}): the English of this row was deleted in the review "
                            f"(not imported)"))
        return False

    def apply(self, row: Row, entry: polib.POEntry, text: str, theirs: str) -> bool:
        """Set the entry's English to `text` (the review's `theirs`, or its merge with the PO's)."""
        from editflow.po import entry_info, set_english_paragraphs

        who = self.who(row)
        tracked = "" if row.changes or row.inserted else " (changes not tracked)"
        self.note(entry, f"reviewed: edited by {_by(who)}{tracked}")
        if not before_records(entry):
            self.note(entry, encode_before(entry.msgstr, who[0].author, who[0].date, self.export))
        info = entry_info(entry)
        paragraphs = text.split(SEP)
        count = len(paragraphs)
        if info is None and count > 1:
            # An entry without the machine line holds one paragraph (editflow.po): the others
            # become entries of their own after it, as an added row's would.
            text = paragraphs[0]
            anchor = entry
            for more in paragraphs[1:]:
                anchor = self.new_entry(more, anchor, who)
        elif info is not None and count != len(info.tgt):
            old = f"{len(info.src)}-{len(info.tgt)}"
            reason = ("translated in review" if not info.tgt else
                      "paragraphs split in review" if count > len(info.tgt) else "paragraphs joined in review")
            set_english_paragraphs(self.po, entry, count, reason)
            self.summary.reshaped.append((row.id, f"{old} → {len(info.src)}-{count}"))
        entry.msgstr = text
        self.note(entry, import_record(self.export, text_sha(theirs)))
        self.summary.changed.append(row.id)
        self.touched = True
        return True

    @staticmethod
    def _droppable(entry: polib.POEntry) -> bool:
        """A paragraph the publication may go without: a headline variant, web furniture, or one a review added."""
        from editflow.po import ADDED_MSGID, entry_info

        if entry_info(entry) is None:
            return entry.msgid == ADDED_MSGID
        roles = set(_roles(entry))
        return bool(roles) and roles <= _DROPPABLE_ROLES

    def drop(self, entry: polib.POEntry, rid: str, change: Change) -> bool:
        if is_dropped(entry) or _DELETED in imported_texts(entry, self.export):
            return False
        roles = set(_roles(entry))
        what = ("headline variant" if "headline" in roles else "web furniture" if roles
                else "paragraph added in review")
        self.note(entry, drop_line(change.author, change.date, what))
        self.note(entry, import_record(self.export, _DELETED))
        self.summary.dropped.append(rid)
        return True

    def deleted_row(self, rid: str, position: int, row: Row | None) -> None:
        entry = self.current.get(rid)
        if entry is None:
            return      # gone from the PO too: nothing to keep or to drop
        change = self.who(row)[0] if row is not None else self.fallback
        proxy = self.proxy_for(rid)
        if proxy is not None:
            # Its paragraphs are elsewhere now, or share an entry with others: deciding what the
            # deletion means is the alignment editor's (a role, a drop), not this import's.
            self.refuse("rows deleted that were re-paired since the export (set their role in the alignment "
                        "editor instead)", _row_label(rid, position, None),
                        (proxy.hosts[0], f"review ({_by([change])}): row {rid} was deleted in the review "
                                         f"(not imported: it was re-paired since the export)"))
            return
        roles = set(_roles(entry))
        if row is not None:
            self.comments(entry, row)
            self.typed_notes(entry, row, self.recorded[rid][1])
        if self._droppable(entry):
            self.drop(entry, rid, change)
            return
        if _DELETED in imported_texts(entry, self.export):
            return      # refused before and noted under --force: not again
        kind = ("the headline's row deleted" if "title" in roles else "body rows deleted") + \
            " (change pairings in the alignment editor, not by deleting rows)"
        self.refuse(kind, _row_label(rid, position, entry),
                    (entry, f"review ({_by([change])}): this row was deleted in the review (not imported)"))
        if self.force:
            self.note(entry, import_record(self.export, _DELETED))

    def added_row(self, row: Row, anchor: polib.POEntry | None) -> polib.POEntry | None:
        """A row with no id: its English paragraphs become new entries after `anchor`; the last one made."""
        uk = row.ukrainian.strip()
        if not row.english.strip():
            if uk and uk != NO_UKRAINIAN:
                self.refuse("rows added with Ukrainian only", f"row {row.position}",
                            (None, f"review: row {row.position} was added with Ukrainian only: “{_flat(uk)}”"))
                if not self.force:
                    return None
            self.comments(anchor, row)
            self.typed_notes(anchor, row)
            return None
        if uk and uk != NO_UKRAINIAN:
            self.refuse("rows added with Ukrainian (add paragraphs to the original and re-align)",
                        f"row {row.position}", None)
            if not self.force:
                return None
        who = self.who(row)
        last: polib.POEntry | None = None
        for text in row.english.split(SEP):
            entry = self.new_entry(text, anchor, who)
            if uk and uk != NO_UKRAINIAN:
                self.note(entry, f"review ({_by(who)}): Ukrainian typed beside it in the review: “{_flat(uk)}”")
            last = entry
        self.comments(last or anchor, row)
        self.typed_notes(last or anchor, row)
        return last

    def new_entry(self, text: str, anchor: polib.POEntry | None, who: list[Change]) -> polib.POEntry:
        """A new entry holding the English paragraph `text`, no Ukrainian, placed after `anchor`."""
        import polib

        from editflow.po import ADDED_MSGID, _bead_id

        mark = import_record(self.export, text_sha(text))
        done = next((e for e in self.po if not e.obsolete and e.msgid == ADDED_MSGID
                     and text_sha(text) in imported_texts(e, self.export)), None)
        if done is not None:
            return done     # added by an earlier import of this review
        base = _bead_id([text], added=True)
        taken = {e.msgctxt for e in self.po}
        rid, n = base, 1
        while rid in taken:
            n += 1
            rid = f"{base}-{n}"
        # No machine line: an entry people added, which a refresh carries over as such.
        entry = polib.POEntry(msgctxt=rid, msgid=ADDED_MSGID, msgstr=text,
                              tcomment=comment_block(f"reviewed: added by {_by(who)}"))
        self.note(entry, encode_before("", who[0].author, who[0].date, self.export))
        self.note(entry, mark)
        after = self.after.get(id(anchor), anchor) if anchor is not None else None
        at = 0 if after is None else next(k for k, e in enumerate(self.po) if e is after) + 1
        self.po.insert(at, entry)
        if anchor is not None:
            self.after[id(anchor)] = entry
        self.summary.added.append(rid)
        self.touched = True
        return entry

    def problem_row(self, row: Row) -> None:
        label = " + ".join(row.id.split()) or f"row {row.position}"
        ids = [t for t in row.id.split() if t in self.current]
        entry = self.current[ids[0]] if ids else None
        self.refuse("rows merged or split", f"{label} ({row.problem})",
                    (entry, f"review: rows {label} were merged or split in the review (not imported); "
                            f"the English there: “{_flat(row.english)}”") if row.english.strip() else None)
        if self.force:
            self.comments(entry, row)

    # -- the outcome ---------------------------------------------------------

    def check(self) -> None:
        """Raise the refusal when the import cannot be taken whole (and force does not ask for the rest)."""
        parts: list[str] = []
        if self.problems and not self.force:
            parts += [f"{kind}: {_listed(ids)}" for kind, ids in self.problems.items()]
        if self.conflicts:
            parts.append("changed in both the PO and the review: " + "; ".join(c.describe() for c in self.conflicts))
        if not parts:
            return
        listed = "; ".join(parts)
        message = f"refused, {self.po_path} left untouched: {listed}"
        if self.conflicts:
            hint = ("choose whose text to keep: --theirs takes the reviewer's, --ours keeps the PO's "
                    "(--force keeps the PO's and adds the reviewer's as a comment)")
            raise ReviewConflict(self.review_path, message, hint, self.conflicts)
        raise InputError(self.review_path, message, "fix the review, export a new one, or use --force to import "
                                                    "what can be kept and keep the rest as comments")

    def finish_header(self) -> None:
        for line in self.header_lines:
            if not _has_line(self.po.header or "", line):
                block = comment_block(line)
                self.po.header = f"{self.po.header}\n{block}" if self.po.header else block
                self.touched = True


def import_review(review_path: Path, po_path: Path, *, force: bool = False, dry_run: bool = False,
                  resolve: Resolution = None) -> ImportSummary:
    """Bring what the reviewer changed in `review_path` into `po_path`, and nothing else.

    A three-way comparison per row (see the module docstring).  Refuses
    (InputError, PO byte-identical) when a row cannot be imported as it is;
    `ReviewConflict` when the PO and the review changed one paragraph
    differently, unless `resolve` is "theirs" (the reviewer's text) or
    "ours" (the PO's).  `force` imports what can be kept and keeps the rest
    as comments, reporting it in `ImportSummary.skipped`.  `dry_run`
    reports without writing.  Two imports into one PO at once take turns
    (the project lock): the second reads what the first wrote, so neither's
    changes are lost; a PO saved in an editor meanwhile is not overwritten
    (fileio.ChangedOnDisk).
    """
    from editflow.locks import locked

    if dry_run:
        return _import_review(Path(review_path), Path(po_path), force=force, dry_run=True, resolve=resolve)
    with locked(Path(po_path), f"import-review into {Path(po_path).name}"):
        return _import_review(Path(review_path), Path(po_path), force=force, dry_run=False, resolve=resolve)


def _import_review(review_path: Path, po_path: Path, *, force: bool, dry_run: bool,
                   resolve: Resolution) -> ImportSummary:
    from editflow.fileio import atomic_write, fingerprint
    from editflow.outputs import require_writable
    from editflow.po import load_po

    if not dry_run:
        require_writable(po_path, "the review's changes")
    expect = fingerprint(po_path)
    po = load_po(po_path)
    doc = read_review(review_path)
    part = doc.part

    # Whose review of what: the one identity every export of a PO records.
    if doc.identity and doc.identity != po_identity(po.metadata, po_path):
        named = part.get("source") or part.get("target")
        raise InputError(review_path, f"is a review of another article{f' ({named})' if named else ''}, "
                                      f"not of {po_path}", "import it into the PO it was exported from")
    recorded = {r.get("id", "") for r in part.iter(f"{{{REVIEW_NS}}}row")}
    if not recorded & {rid for rid, _ in row_ids(po)}:
        raise InputError(review_path, f"is not a review of {po_path}: none of its rows is in this PO",
                         "import it into the PO it was exported from")

    summary = ImportSummary(str(review_path), str(po_path), dry_run=dry_run)
    data = review_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if imported_review(po.metadata) == digest:
        # This very document is in the PO already; whatever the PO says since is someone's later work.
        summary.already = True
        summary.unchanged = len(doc.rows)
        return summary

    work = _Import(po, doc, review_path, po_path, force=force, resolve=resolve, summary=summary)
    work.run()
    work.check()
    # Comments anchored outside the table (on the title, say) go to the PO header's comment,
    # and so does text typed outside it.
    for c in doc.stray_comments:
        if work._header_line(_comment_line(c)):
            summary.comments += 1
    exported = decode_text(part.get("outside"))
    known = exported.split("\n") if exported is not None else [WARNING]
    typed = [t for t in doc.outside if not any(same_text(t, k) for k in known)
             and not (exported is None and t.startswith("Bilingual review: "))]
    if typed and work._header_line(f"review ({work.fallback.author}) outside the table: " + "\n".join(typed)):
        summary.comments += 1
    work.finish_header()
    # Everything in this document is now in the PO: recorded, so that a
    # later export may replace it, also when someone worked in it without
    # bringing anything new (an untouched export needs no record).
    whole = not work.problems
    unrecorded = whole and not doc.untouched and imported_review(po.metadata) != digest
    if (work.touched or unrecorded) and not dry_run:
        if work.touched:
            po.metadata["PO-Revision-Date"] = _now()
        if whole:
            record_imported_review(po.metadata, data)
        atomic_write(po_path, str(po) + "\n", expect=expect)
        summary.written = True
    return summary


def _now() -> str:
    import os
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    t = time.gmtime(int(epoch)) if epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", t)
