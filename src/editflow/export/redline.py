"""The redline: the English article with the reviewer's changes as Word tracked changes.

Each entry's English is compared, word by word, with the English as it was
before review (the `before-review:` record `review_import` keeps in the
entry's translator comments).  Tokens are words, runs of white space and
single punctuation marks, so a changed comma is a changed comma and not a
changed word.  Deletions become `w:del`, insertions `w:ins`, authored by the
reviewer named in the record and dated with the export moment; a paragraph
break the reviewer added or removed is a tracked paragraph mark.  Entries the
review did not touch are plain paragraphs, so the translator sees exactly
what the editor changed and can accept or reject it in Word.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from editflow.errors import InputError
from editflow.export.review import SEP, W
from editflow.outputs import Claim, OutputKind, WriteResult, decide, stamp

_TOKEN = re.compile(r"\n\n|[^\S\n]+|\n|\w+|[^\w\s]")
_STYLE = {"title": "Title", "heading": "Heading 2", "quote": "Quote"}


def tokens(text: str) -> list[str]:
    """Words, white-space runs, line breaks, paragraph breaks and single punctuation marks."""
    return _TOKEN.findall(text)


@dataclass
class _Para:
    pieces: list[tuple[str, str]] = field(default_factory=list)   # (kind "eq"/"ins"/"del", text)
    mark: str = "eq"   # the paragraph mark itself: "ins" (reviewer split here), "del" (reviewer joined)


def diff_paragraphs(before: str, after: str) -> list[_Para]:
    """The tracked-change paragraphs that turn `before` into `after`."""
    a, b = tokens(before), tokens(after)
    paras = [_Para()]

    def put(kind: str, toks: list[str]) -> None:
        for tok in toks:
            if tok == SEP:
                paras[-1].mark = kind
                paras.append(_Para())
            elif paras[-1].pieces and paras[-1].pieces[-1][0] == kind:
                paras[-1].pieces[-1] = (kind, paras[-1].pieces[-1][1] + tok)
            else:
                paras[-1].pieces.append((kind, tok))

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            put("eq", a[i1:i2])
        else:
            put("del", a[i1:i2])
            put("ins", b[j1:j2])
    return paras


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def _text_run(kind: str, text: str):
    from lxml import etree

    from editflow.export._package import append_text

    r = etree.Element(W + "r")
    append_text(r, text, "delText" if kind == "del" else "t")
    return r


def _fill(p, para: _Para, author: str, date: str, ids: _Ids, counts: dict[str, int]) -> None:
    from lxml import etree

    for kind, text in para.pieces:
        run = _text_run(kind, text)
        if kind == "eq":
            p.append(run)
            continue
        wrap = etree.SubElement(p, W + kind, {W + "id": ids.next(), W + "author": author, W + "date": date})
        wrap.append(run)
        counts["insertions" if kind == "ins" else "deletions"] += 1
    if para.mark != "eq":
        ppr = p.get_or_add_pPr()
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        etree.SubElement(rpr, W + para.mark, {W + "id": ids.next(), W + "author": author, W + "date": date})


def write_redline(po_path: Path, out: Path, *, force: bool = False) -> WriteResult:
    """Write the redline of `po_path` to `out`.

    An existing `out` is replaced as `editflow.outputs.decide` allows (this
    PO's own redline), else InputError unless `force`.  The result counts
    the paragraphs, the entries with changes, insertions and deletions, and
    names the reviewers.
    """
    from editflow.export._package import check_storable, export_moment, new_document, save_docx, xml_safe
    from editflow.export.review import row_ids
    from editflow.history import before_records
    from editflow.po import entry_info, load_po

    po_path, out = Path(po_path), Path(out)
    po = load_po(po_path)
    rows = row_ids(po)
    records = {rid: before_records(e) for rid, e in rows}
    if not any(records.values()):
        raise InputError(po_path, "has no imported review, so there is nothing to redline",
                         "import the reviewed document first with 'editflow import-review'")
    check_storable(po, po_path)
    claim = Claim.from_po(OutputKind.REDLINE, po.metadata, po_path)
    ownership = decide(out, claim).require(force)
    moment = export_moment(po)
    date = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    document = new_document()
    title = xml_safe(po.metadata.get("Project-Id-Version", "") or "article")
    props = document.core_properties
    props.title = f"{title} (redline)"
    stamp(document, claim)
    props.author = props.last_modified_by = "editflow"
    props.comments = "The reviewer's changes as tracked changes; accept or reject them in Word."
    props.language = "en"
    ids = _Ids()
    counts = {"insertions": 0, "deletions": 0}
    reviewers: list[str] = []
    changed = paragraphs = 0
    for rid, entry in rows:
        recs = records[rid]
        before = recs[0]["text"] if recs else entry.msgstr
        if not before.strip() and not entry.msgstr.strip():
            continue
        author = (recs[-1].get("by") or "reviewer") if recs else "reviewer"
        if recs and author not in reviewers:
            reviewers.append(author)
        info = entry_info(entry)
        roles = info.tgt_roles if info else []
        if before == entry.msgstr and roles and set(roles) == {"boilerplate"}:
            continue   # web furniture nobody touched is not part of the article
        paras = diff_paragraphs(before, entry.msgstr) if before != entry.msgstr else \
            [_Para([("eq", t)]) for t in entry.msgstr.split(SEP)]
        changed += before != entry.msgstr
        for k, para in enumerate(paras):
            role = roles[min(k, len(roles) - 1)] if roles else "body"
            style = _STYLE.get(role)
            p = document.add_paragraph(style=style) if style else document.add_paragraph()
            _fill(p._p, para, author, date, ids, counts)
            paragraphs += 1
    save_docx(document, out, moment)
    return WriteResult(out, OutputKind.REDLINE, ownership.state, paragraphs=paragraphs, changed=changed,
                       insertions=counts["insertions"], deletions=counts["deletions"], reviewers=reviewers)
