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

The words are compared without their inline tags (editflow.inline); each
piece is written with the formatting its side gives it (a deletion as it
was, an insertion and the unchanged text as they are now), links as
hyperlinks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from editflow.errors import InputError
from editflow.export._package import Formatter, LinkedRuns, run_element
from editflow.export.review import SEP, W
from editflow.inline import PLAIN, Format, Markup, parse
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
    formats: list[Format] = field(default_factory=list)   # each piece's formatting
    was: list[Format] = field(default_factory=list)       # an unchanged piece's formatting before review


def _char_formats(markup: Markup) -> list[Format]:
    out = [PLAIN] * len(markup.plain)
    for start, end, fmt in markup.formats:
        out[start:end] = [fmt] * (end - start)
    return out


def diff_paragraphs(before: str, after: str) -> list[_Para]:
    """The tracked-change paragraphs that turn `before` into `after` (PO texts: their words compared)."""
    before_m, after_m = parse(before), parse(after)
    a, b = tokens(before_m.plain), tokens(after_m.plain)
    fmts = {"a": _char_formats(before_m), "b": _char_formats(after_m)}
    starts = {"a": [0], "b": [0]}
    for side, toks in (("a", a), ("b", b)):
        for tok in toks:
            starts[side].append(starts[side][-1] + len(tok))
    paras = [_Para()]

    def put(kind: str, side: str, first: int, toks: list[str], old: int = -1) -> None:
        for k, tok in enumerate(toks):
            if tok == SEP:
                paras[-1].mark = kind
                paras.append(_Para())
                continue
            at = starts[side][first + k]
            was_at = starts["a"][old + k] if old >= 0 else -1
            for offset, ch in enumerate(tok):
                fmt = fmts[side][at + offset]
                was = fmts["a"][was_at + offset] if was_at >= 0 else fmt
                para = paras[-1]
                if (para.pieces and para.pieces[-1][0] == kind and para.formats[-1] == fmt
                        and para.was[-1] == was):
                    para.pieces[-1] = (kind, para.pieces[-1][1] + ch)
                else:
                    para.pieces.append((kind, ch))
                    para.formats.append(fmt)
                    para.was.append(was)

    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            put("eq", "b", j1, b[j1:j2], i1)
        else:
            put("del", "a", i1, a[i1:i2])
            put("ins", "b", j1, b[j1:j2])
    return paras


def _format_change(run, was: Format, formatter: Formatter, attrs: dict[str, str]) -> None:
    """Record in `run` that its formatting was `was` before the review (w:rPrChange, last in w:rPr)."""
    from lxml import etree

    rpr = run.find(W + "rPr")
    if rpr is None:
        rpr = etree.Element(W + "rPr")
        run.insert(0, rpr)
    change = etree.SubElement(rpr, W + "rPrChange", attrs)
    old = etree.SubElement(change, W + "rPr")
    if was.href:
        etree.SubElement(old, W + "rStyle").set(W + "val", formatter.link_style())
    if was.bold:
        etree.SubElement(old, W + "b")
    if was.italic:
        etree.SubElement(old, W + "i")


def _unchanged(text: str) -> _Para:
    """A paragraph the review left alone: its pieces as they are formatted (a literal one as written)."""
    markup = parse(text)
    pieces = [(piece, fmt) for piece, fmt in markup.shown_pieces() if piece]
    return _Para([("eq", piece) for piece, _fmt in pieces], formats=[fmt for _piece, fmt in pieces])


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return str(self.n)


def _fill(p, para: _Para, author: str, date: str, ids: _Ids, counts: dict[str, int], formatter: Formatter) -> None:
    from lxml import etree

    runs = LinkedRuns(formatter, p.append)
    formats = para.formats or [PLAIN] * len(para.pieces)
    for (kind, text), fmt, was in zip(para.pieces, formats, para.was or formats, strict=True):
        element = run_element(text, style=formatter.link_style() if fmt.href else "", bold=fmt.bold,
                              italic=fmt.italic, text_tag="delText" if kind == "del" else "t")
        if kind == "eq" and (was.italic, was.bold, bool(was.href)) != (fmt.italic, fmt.bold, bool(fmt.href)):
            # Formatting the reviewer changed (a word italicised): a tracked formatting change.
            _format_change(element, was, formatter, {W + "id": ids.next(), W + "author": author, W + "date": date})
            counts["formatting"] = counts.get("formatting", 0) + 1
        if kind != "eq":
            wrap = etree.Element(W + kind, {W + "id": ids.next(), W + "author": author, W + "date": date})
            wrap.append(element)
            element = wrap
            counts["insertions" if kind == "ins" else "deletions"] += 1
        runs.add(element, fmt.href)
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
    formatter = Formatter(document)
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
            [_unchanged(t) for t in entry.msgstr.split(SEP)]
        changed += before != entry.msgstr
        for k, para in enumerate(paras):
            role = roles[min(k, len(roles) - 1)] if roles else "body"
            style = _STYLE.get(role)
            p = document.add_paragraph(style=style) if style else document.add_paragraph()
            _fill(p._p, para, author, date, ids, counts, formatter)
            paragraphs += 1
    save_docx(document, out, moment)
    return WriteResult(out, OutputKind.REDLINE, ownership.state, paragraphs=paragraphs, changed=changed,
                       insertions=counts["insertions"], deletions=counts["deletions"], reviewers=reviewers)
