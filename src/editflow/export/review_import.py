"""The reviewer's work back into the PO: accepted tracked changes, comments, a record of who did what.

The review table is read with lxml straight from `word/document.xml`, by
structure, never by style names (Word and LibreOffice rename and restyle):
the table is the one whose first column holds the ids recorded in the
document's editflow part; the English cell's text is its final text with
tracked changes accepted (`w:ins`/`w:moveTo` in, `w:del`/`w:moveFrom` out).

Rows are matched by id, never by position.  Everything is checked before
anything is written; a review that cannot be imported whole is refused with
one line naming the rows, the PO untouched, unless `force` asks for the
safe subset (rows whose id and Ukrainian are intact and whose PO entry has
not changed since the export).

What the PO gains, per changed entry (translator comments, `# ` lines, so
that Poedit shows them and `msgfmt --check` accepts them):

    # reviewed: edited by Olena K. 2026-11-20
    # review (Olena K. 2026-11-20) on “Mayor”: Use his full title.
    # before-review: eyJ0ZXh0Ijog…

`before-review:` holds, base64-encoded JSON (one word, so PO editors that
re-wrap comments cannot break it), the English as it was before the review,
the reviewer and the date: what `redline` diffs against.  It is written once,
by the first review that changes the entry, so the redline always shows
every reviewer change since the translator's version.

The fuzzy flag is left as it is: in editflow's PO it says the *pairing* is
doubtful, and an editor polishing the English of a row does not confirm that
the Ukrainian and English belong together.

Importing the same review twice changes nothing the second time: an entry
whose English already equals the review's is left alone, and a comment line
already present is not added again.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editflow.errors import InputError
from editflow.export.review import AUTHOR, SEP, W, entries_hash, row_ids, text_sha
from editflow.history import before_records, encode_before
from editflow.outputs import (
    REVIEW_NS,
    imported_review,
    po_identity,
    read_review_part,
    read_stamp,
    record_imported_review,
)
from editflow.textnorm import is_blank

if TYPE_CHECKING:
    import polib
    from lxml import etree

_MAX_LISTED = 6


@dataclass
class ImportSummary:
    review: str
    po: str
    changed: list[str] = field(default_factory=list)      # ids whose English was updated
    comments: int = 0                                     # reviewers' comments added
    unchanged: int = 0                                    # rows with nothing new
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, reason) left out under --force
    written: bool = False
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {"review": self.review, "po": self.po, "changed": self.changed, "comments": self.comments,
                "unchanged": self.unchanged, "skipped": [{"id": i, "reason": r} for i, r in self.skipped],
                "written": self.written, "dry_run": self.dry_run}

    def format(self) -> str:
        if self.dry_run:
            verb = "would update"
        elif self.written:
            verb = "updated" if self.changed or self.comments else "recorded the review as imported in"
        else:
            verb = "nothing to change in"
        lines = [f"{self.review} → {self.po}: {len(self.changed)} row(s) changed, "
                 f"{self.comments} comment(s) imported, {self.unchanged} unchanged; {verb} {self.po}"]
        if self.changed:
            lines.append("  changed: " + ", ".join(self.changed))
        for rid, reason in self.skipped:
            lines.append(f"  skipped {rid}: {reason}")
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
    text: str
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


# ---------------------------------------------------------------------------
# reading the document
# ---------------------------------------------------------------------------

def _q(tag: str) -> str:
    return W + tag


def _attr(el, name: str) -> str:
    return el.get(_q(name)) or ""


def _day(date: str) -> str:
    return date[:10] if re.match(r"\d{4}-\d\d-\d\d", date or "") else ""


def _cell_text(tc, changes: list[Change] | None = None) -> tuple[str, int]:
    """The cell's text with tracked changes accepted, and its number of non-empty paragraphs.

    Paragraphs are joined by a blank line, as in the PO; a paragraph whose
    mark was deleted (tracked) joins the next one.
    """
    paragraphs: list[str] = []
    pending = ""
    for p in tc.iter(_q("p")):
        if _inside(p, "del", tc) or _inside(p, "moveFrom", tc):
            continue
        text = _paragraph_text(p, changes)
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
    kept = [_cell_paragraph(t) for t in paragraphs if not is_blank(t)]
    return SEP.join(kept), len(kept)


def _cell_paragraph(text: str) -> str:
    """A cell paragraph as a PO paragraph: no empty line inside and no line break at either end.

    Two Shift+Enters in a row, or one at the end, would read as the blank line
    that separates the paragraphs of a PO side (and msgfmt refuses a msgstr
    that ends with a newline when its msgid does not).  Nothing else changes.
    """
    if "\n" not in text:
        return text
    return re.sub(r"\n{2,}", "\n", text).strip("\n")


def _inside(el, tag: str, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == _q(tag):
            return True
        parent = parent.getparent()
    return False


def _paragraph_text(p, changes: list[Change] | None) -> str:
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in (_q("ins"), _q("del"), _q("moveTo"), _q("moveFrom")):
            if changes is not None and el.getparent() is not None and el.getparent().tag != _q("rPr"):
                changes.append(Change(_attr(el, "author"), _day(_attr(el, "date"))))
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
        if tag == _q("t"):
            out.append(el.text or "")
        elif tag == _q("tab"):
            # w:tab is also a tab-stop definition inside w:tabs (pPr); only run tabs are text.
            if el.getparent().tag == _q("r"):
                out.append("\t")
        elif tag in (_q("br"), _q("cr")):
            out.append("\n")
        elif tag == _q("noBreakHyphen"):
            out.append("\u2011")
        elif tag == _q("softHyphen"):
            out.append("\u00ad")
        elif tag == _q("sym"):
            from editflow.readers.docx import symbol_character

            out.append(symbol_character(el))
    return "".join(out)


@dataclass
class ReviewDoc:
    part: etree._Element         # the editflow custom XML part
    rows: list[Row]
    stray_comments: list[ReviewComment]
    last_modified_by: str
    modified: str
    identity: str = ""           # the article it was exported for (`outputs.po_identity`), "" when unrecorded
    untouched: bool = False      # body and comments exactly as editflow exported them


def _comments(z: zipfile.ZipFile) -> dict[str, ReviewComment]:
    from lxml import etree

    if "word/comments.xml" not in z.namelist():
        return {}
    root = etree.fromstring(z.read("word/comments.xml"))
    out: dict[str, ReviewComment] = {}
    for c in root.iter(_q("comment")):
        paras = ["".join(t.text or "" for t in p.iter(_q("t"))) for p in c.iter(_q("p"))]
        out[_attr(c, "id")] = ReviewComment(_attr(c, "author"), _day(_attr(c, "date")),
                                            " / ".join(s.strip() for s in paras if s.strip()))
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
    rows, stray = _read_rows(table, root, comments, known)
    if not rows:
        raise InputError(path, "the review table is empty", "re-export the review with 'editflow export FILE.po --review'")
    stamp = read_stamp(data)
    return ReviewDoc(part, rows, stray, last_by, modified, stamp.identity if stamp is not None else "",
                     stamp is not None and stamp.untouched)


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
            if cells and _cell_text(cells[0])[0].strip() in known:
                hits += 1
        if hits > best_hits:
            best, best_hits = tbl, hits
    return best


def _read_rows(tbl, root, comments: dict[str, ReviewComment],
               known: set[str]) -> tuple[list[Row], list[ReviewComment]]:
    trs = _rows_of(tbl)
    # The header row is the first row unless it holds a row id (someone deleted
    # the header): w:tblHeader and the header's wording are not relied on.
    first = _cells_of(trs[0]) if trs else []
    skip = 1 if trs and not (first and _cell_text(first[0])[0].strip() in known) else 0
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
        rid_text = _cell_text(padded[0])[0].strip() if padded[0] is not None else ""
        uk = _cell_text(padded[1])[0] if padded[1] is not None else ""
        changes: list[Change] = []
        en, n_en = _cell_text(padded[2], changes) if padded[2] is not None else ("", 0)
        rows.append(Row(k + 1, rid_text, uk, en, n_en, changes, [], problem))
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
# the record in the PO
# ---------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.split())


def _has_line(entry: polib.POEntry, line: str) -> bool:
    # PO editors (and polib) re-wrap comment lines: compare with white space normalised.
    return _norm(line) in _norm(entry.tcomment or "")


def _add_line(entry: polib.POEntry, line: str) -> bool:
    if _has_line(entry, line):
        return False
    entry.tcomment = f"{entry.tcomment}\n{line}" if entry.tcomment else line
    return True


def _who(changes: list[Change], fallback: Change) -> list[Change]:
    seen: dict[tuple[str, str], Change] = {}
    for c in changes:
        seen.setdefault((c.author or "unknown reviewer", c.date), Change(c.author or "unknown reviewer", c.date))
    return list(seen.values()) or [fallback]


def _comment_line(c: ReviewComment) -> str:
    who = " ".join(x for x in (c.author or "reviewer", c.date) if x)
    on = f" on “{c.anchor}”" if c.anchor else ""
    return f"review ({who}){on}: {c.text}"


def _listed(ids: list[str]) -> str:
    shown = ", ".join(ids[:_MAX_LISTED])
    return shown + (f" (+{len(ids) - _MAX_LISTED} more)" if len(ids) > _MAX_LISTED else "")


def _expected_paragraphs(entry: polib.POEntry) -> int:
    from editflow.po import entry_info

    info = entry_info(entry)
    if info is None:
        return 1
    return max(len(info.tgt), 1)


def import_review(review_path: Path, po_path: Path, *, force: bool = False,
                  dry_run: bool = False) -> ImportSummary:
    """Bring the reviewer's edits and comments from `review_path` into `po_path`.

    Refuses (InputError, PO untouched) when any row cannot be imported safely,
    unless `force`, which imports the safe rows and reports the others in
    `ImportSummary.skipped`.  `dry_run` reports without writing.
    """
    from editflow.fileio import atomic_write
    from editflow.po import load_po

    review_path, po_path = Path(review_path), Path(po_path)
    po = load_po(po_path)
    doc = read_review(review_path)
    part = doc.part
    recorded = {r.get("id", ""): r for r in part.iter(f"{{{REVIEW_NS}}}row")}
    current = dict(row_ids(po))

    # Whose review of what: the one identity every export of a PO records.
    if doc.identity and doc.identity != po_identity(po.metadata, po_path):
        named = part.get("source") or part.get("target")
        raise InputError(review_path, f"is a review of another article{f' ({named})' if named else ''}, "
                                      f"not of {po_path}", "import it into the PO it was exported from")
    if not set(recorded) & set(current):
        raise InputError(review_path, f"is not a review of {po_path}: none of its rows is in this PO",
                         "import it into the PO it was exported from")

    review_id = part.get("entries", "")
    fresh = part.get("entries") == entries_hash(row_ids(po))
    problems: dict[str, list[str]] = {}
    skipped: list[tuple[str, str]] = []

    def refuse(kind: str, rid: str) -> None:
        problems.setdefault(kind, []).append(rid)
        skipped.append((rid, kind))

    seen: dict[str, int] = {}
    good: list[tuple[Row, polib.POEntry]] = []
    for row in doc.rows:
        label = " + ".join(row.id.split()) or f"row {row.position}"
        if row.problem:
            refuse("rows merged or split", f"{label} ({row.problem})")
            continue
        if not row.id:
            refuse("rows added", f"row {row.position} (no id)")
            continue
        if row.id not in recorded:
            refuse("unknown ids", f"{row.id!r} (row {row.position})")
            continue
        seen[row.id] = seen.get(row.id, 0) + 1
        if seen[row.id] > 1:
            refuse("rows added (duplicate ids)", row.id)
            continue
        rec = recorded[row.id]
        if text_sha(row.ukrainian) != rec.get("uk"):
            refuse("Ukrainian edited", row.id)
            continue
        entry = current.get(row.id)
        if entry is None:
            refuse("not in the PO any more (older review)", row.id)
            continue
        if text_sha(entry.msgid) != rec.get("src"):
            refuse("PO's Ukrainian changed since the export (older review)", row.id)
            continue
        if not fresh and text_sha(entry.msgstr) != rec.get("tgt") and entry.msgstr != row.english:
            refuse("PO's English changed since the export (older review)", row.id)
            continue
        if row.english != entry.msgstr:
            if not row.english.strip():
                refuse("English emptied (the PO pairs paragraphs; re-align instead)", row.id)
                continue
            want = _expected_paragraphs(entry)
            if row.english_paragraphs != want and not (want == 1 and not entry.msgstr):
                refuse(f"English paragraphs {want} → {row.english_paragraphs} (the PO pairs paragraphs; "
                       f"re-align instead)", row.id)
                continue
        good.append((row, entry))
    # Ids still written somewhere in the table (a merged row holds two) are not deleted rows.
    present = {tok for row in doc.rows for tok in row.id.split()}
    for rid in recorded:
        if rid not in present:
            refuse("rows deleted", rid)
    if not fresh:
        for rid in current:
            if rid not in recorded:
                refuse("PO entries not in the review (older review)", rid)

    if problems and not force:
        listed = "; ".join(f"{kind}: {_listed(ids)}" for kind, ids in problems.items())
        safe = len(good)
        raise InputError(review_path, f"refused, {po_path} left untouched: {listed}",
                         f"fix the review, export a new one, or use --force to import the {safe} intact row(s)")

    summary = ImportSummary(str(review_path), str(po_path), skipped=skipped if force else [],
                            dry_run=dry_run)
    fallback = Change(doc.last_modified_by if doc.last_modified_by and doc.last_modified_by != AUTHOR
                      else "unknown reviewer", doc.modified)
    touched = False
    for row, entry in good:
        changed = False
        if row.english != entry.msgstr:
            who = _who(row.changes, fallback)
            first = who[0]
            tracked = "" if row.changes else " (changes not tracked)"
            _add_line(entry, "reviewed: edited by " + ", ".join(
                " ".join(x for x in (c.author, c.date) if x) for c in who) + tracked)
            if not before_records(entry):
                _add_line(entry, encode_before(entry.msgstr, first.author, first.date, review_id))
            entry.msgstr = row.english
            summary.changed.append(row.id)
            changed = True
        for c in row.comments:
            if _add_line(entry, _comment_line(c)):
                summary.comments += 1
                changed = True
        touched |= changed
        if not changed:
            summary.unchanged += 1
    # Comments anchored outside the table (on the title, say) go to the PO header's comment.
    for c in doc.stray_comments:
        line = _comment_line(c)
        if _norm(line) not in _norm(po.header or ""):
            po.header = f"{po.header}\n{line}" if po.header else line
            summary.comments += 1
            touched = True
    # Everything in this document is now in the PO: recorded, so that a
    # later export may replace it, also when someone worked in it without
    # bringing anything new (an untouched export needs no record).
    data = review_path.read_bytes()
    whole = not summary.skipped
    unrecorded = (whole and not doc.untouched
                  and imported_review(po.metadata) != hashlib.sha256(data).hexdigest())
    if (touched or unrecorded) and not dry_run:
        if touched:
            po.metadata["PO-Revision-Date"] = _now()
        if whole:
            record_imported_review(po.metadata, data)
        atomic_write(po_path, str(po) + "\n")
        summary.written = True
    return summary



def _now() -> str:
    import os
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    t = time.gmtime(int(epoch)) if epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", t)
