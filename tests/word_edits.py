"""Editing a review document the way Word does, for the round-trip tests.

Word records a tracked replacement as the old run wrapped in `w:del` (its
text in `w:delText`) followed by a `w:ins` run, each with author and date;
a comment as `w:commentRangeStart`/`w:commentRangeEnd` around the runs, a
reference run after the end, and a `w:comment` in word/comments.xml.  These
helpers produce exactly that markup with lxml, on the saved .docx.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Docx:
    """word/document.xml and word/comments.xml of a .docx, editable, written back by `save`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with zipfile.ZipFile(self.path) as z:
            self.parts = {n: z.read(n) for n in z.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.comments = etree.fromstring(self.parts["word/comments.xml"])
        self._next_id = 1000

    def save(self, path: Path | None = None) -> Path:
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        self.parts["word/comments.xml"] = etree.tostring(self.comments, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        out = Path(path or self.path)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(name, data)
        out.write_bytes(buf.getvalue())
        return out

    # -- finding things ------------------------------------------------------

    def table(self):
        return next(self.root.iter(W + "tbl"))

    def rows(self) -> list:
        return list(self.table().iter(W + "tr"))

    def row(self, rid: str):
        for tr in self.rows():
            first = tr.find(W + "tc")
            if "".join(t.text or "" for t in first.iter(W + "t")) == rid:
                return tr
        raise KeyError(rid)

    def cell(self, rid: str, column: int):
        return self.row(rid).findall(W + "tc")[column]

    def new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    # -- Word-like edits ----------------------------------------------------

    def _split_at(self, cell, word: str):
        """Split the run holding `word` so that `word` is a run of its own; return that run."""
        for r in cell.iter(W + "r"):
            t = r.find(W + "t")
            if t is None or t.text is None or word not in t.text:
                continue
            before, after = t.text.split(word, 1)
            parent = r.getparent()
            at = parent.index(r)
            pieces = [x for x in (before, word, after)]
            made = []
            for k, text in enumerate(pieces):
                if not text:
                    continue
                nr = copy.deepcopy(r)
                nt = nr.find(W + "t")
                nt.text = text
                nt.set(XML_SPACE, "preserve")
                made.append((k, nr))
            parent.remove(r)
            for offset, (_k, nr) in enumerate(made):
                parent.insert(at + offset, nr)
            return next(nr for k, nr in made if k == 1)
        raise KeyError(word)

    def replace(self, rid: str, old: str, new: str, author: str, date: str, column: int = 2) -> None:
        """A tracked replacement of `old` by `new` (either may be empty: pure insertion/deletion)."""
        cell = self.cell(rid, column)
        if old:
            run = self._split_at(cell, old)
            d = etree.Element(W + "del", {W + "id": self.new_id(), W + "author": author, W + "date": date})
            run.addprevious(d)
            d.append(run)
            t = run.find(W + "t")
            t.tag = W + "delText"
            anchor = d
        else:
            anchor = cell.find(f".//{W}p").findall(W + "r")[-1]
        if new:
            ins = etree.Element(W + "ins", {W + "id": self.new_id(), W + "author": author, W + "date": date})
            r = etree.SubElement(ins, W + "r")
            t = etree.SubElement(r, W + "t")
            t.text = new
            t.set(XML_SPACE, "preserve")
            anchor.addnext(ins)

    def comment(self, rid: str, word: str, author: str, text: str, date: str, column: int = 2,
                initials: str = "") -> str:
        cell = self.cell(rid, column)
        run = self._split_at(cell, word)
        cid = self.new_id()
        run.addprevious(etree.Element(W + "commentRangeStart", {W + "id": cid}))
        end = etree.Element(W + "commentRangeEnd", {W + "id": cid})
        run.addnext(end)
        ref = etree.Element(W + "r")
        etree.SubElement(etree.SubElement(ref, W + "rPr"), W + "rStyle", {W + "val": "CommentReference"})
        etree.SubElement(ref, W + "commentReference", {W + "id": cid})
        end.addnext(ref)
        c = etree.SubElement(self.comments, W + "comment",
                             {W + "id": cid, W + "author": author, W + "date": date, W + "initials": initials})
        # Each line a paragraph of the comment (Enter); "\v" a line break inside one (Shift+Enter).
        for k, line in enumerate(text.split("\n")):
            p = etree.SubElement(c, W + "p")
            if k == 0:
                etree.SubElement(etree.SubElement(p, W + "r"), W + "annotationRef")
            r = etree.SubElement(p, W + "r")
            for n, piece in enumerate(line.split("\v")):
                if n:
                    etree.SubElement(r, W + "br")
                etree.SubElement(r, W + "t").text = piece
        return cid

    def set_text(self, rid: str, column: int, text: str) -> None:
        """An untracked edit: the cell's first run gets `text`, the others are emptied."""
        cell = self.cell(rid, column)
        ts = list(cell.iter(W + "t"))
        ts[0].text = text
        for t in ts[1:]:
            t.text = ""

    def delete_row(self, rid: str, author: str = "", date: str = "") -> None:
        """Table → Delete Rows: gone, or (with `author`, Track Changes on) marked deleted as Word does."""
        tr = self.row(rid)
        if not author:
            tr.getparent().remove(tr)
            return
        trpr = tr.find(W + "trPr")
        if trpr is None:
            trpr = etree.Element(W + "trPr")
            tr.insert(0, trpr)
        etree.SubElement(trpr, W + "del", {W + "id": self.new_id(), W + "author": author, W + "date": date})
        for tc in tr.findall(W + "tc"):
            for p in tc.findall(W + "p"):
                ppr = p.find(W + "pPr")
                if ppr is None:
                    ppr = etree.Element(W + "pPr")
                    p.insert(0, ppr)
                rpr = ppr.find(W + "rPr")
                if rpr is None:
                    rpr = etree.SubElement(ppr, W + "rPr")
                etree.SubElement(rpr, W + "del", {W + "id": self.new_id(), W + "author": author, W + "date": date})
                for r in p.findall(W + "r"):
                    for t in r.findall(W + "t"):
                        t.tag = W + "delText"
                    d = etree.Element(W + "del", {W + "id": self.new_id(), W + "author": author, W + "date": date})
                    r.addprevious(d)
                    d.append(r)

    def insert_row_after(self, rid: str, english: str, author: str = "", date: str = "",
                         ukrainian: str = "") -> None:
        """Table → Insert Rows Below under row `rid`, then English typed in its English cell.

        Word copies the row's cell properties and leaves the cells empty; with `author` (Track
        Changes on) the row, its paragraph marks and the typed text are marked inserted.
        Paragraphs of `english` are separated by a blank line (Enter), line breaks by "\n".
        """
        tr = self.row(rid)
        new = etree.Element(W + "tr")
        trpr = etree.SubElement(new, W + "trPr")
        if author:
            etree.SubElement(trpr, W + "ins", {W + "id": self.new_id(), W + "author": author, W + "date": date})
        for k, tc in enumerate(tr.findall(W + "tc")):
            cell = etree.SubElement(new, W + "tc")
            cell.append(copy.deepcopy(tc.find(W + "tcPr")))
            text = english if k == 2 else ukrainian if k == 1 else ""
            for para in text.split("\n\n"):
                p = etree.SubElement(cell, W + "p")
                if author:
                    rpr = etree.SubElement(etree.SubElement(p, W + "pPr"), W + "rPr")
                    etree.SubElement(rpr, W + "ins", {W + "id": self.new_id(), W + "author": author, W + "date": date})
                if not para:
                    continue
                holder = p
                if author:
                    holder = etree.SubElement(p, W + "ins", {W + "id": self.new_id(), W + "author": author,
                                                             W + "date": date})
                r = etree.SubElement(holder, W + "r")
                for n, line in enumerate(para.split("\n")):
                    if n:
                        etree.SubElement(r, W + "br")
                    t = etree.SubElement(r, W + "t")
                    t.text = line
                    t.set(XML_SPACE, "preserve")
        tr.addnext(new)

    def split_paragraph(self, rid: str, before: str, author: str, date: str, column: int = 2) -> None:
        """Enter typed just before the words `before` in a cell, Track Changes on.

        Word ends the first half with a new (inserted) paragraph mark and moves the rest,
        runs and all, into the next paragraph.
        """
        run = self._split_at(self.cell(rid, column), before)
        p = run.getparent()
        while p.tag != W + "p":
            p = p.getparent()
        second = etree.Element(W + "p")
        if p.find(W + "pPr") is not None:
            second.append(copy.deepcopy(p.find(W + "pPr")))
        top = run
        while top.getparent() is not p:
            top = top.getparent()
        moving = [top, *top.itersiblings()]
        for el in moving:
            second.append(el)
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        etree.SubElement(rpr, W + "ins", {W + "id": self.new_id(), W + "author": author, W + "date": date})
        p.addnext(second)
        # The space Word leaves at the end of the first half is the typist's to delete; we do.
        last = list(p.iter(W + "t"))
        if last and last[-1].text:
            last[-1].text = last[-1].text.rstrip(" ")

    def line_break(self, rid: str, before: str, author: str, date: str, column: int = 2) -> None:
        """Shift+Enter typed just before the words `before` (a tracked `w:br`)."""
        run = self._split_at(self.cell(rid, column), before)
        prev = run.getprevious()
        if prev is not None and prev.tag == W + "r" and prev.find(W + "t") is not None:
            t = prev.find(W + "t")
            t.text = (t.text or "").rstrip(" ")
        ins = etree.Element(W + "ins", {W + "id": self.new_id(), W + "author": author, W + "date": date})
        etree.SubElement(etree.SubElement(ins, W + "r"), W + "br")
        run.addprevious(ins)

    def duplicate_row(self, rid: str) -> None:
        tr = self.row(rid)
        tr.addnext(copy.deepcopy(tr))

    def merge_down(self, rid: str) -> None:
        """Word's Merge Cells on the id cell of `rid` and the row below (vertical merge)."""
        tr = self.row(rid)
        nxt = tr.getnext()
        for k, tc in enumerate(tr.findall(W + "tc")):
            tcpr = tc.find(W + "tcPr")
            etree.SubElement(tcpr, W + "vMerge", {W + "val": "restart"})
            below = nxt.findall(W + "tc")[k]
            for p in below.findall(W + "p"):
                tc.append(p)
            etree.SubElement(below.find(W + "tcPr"), W + "vMerge")
            etree.SubElement(below, W + "p")

    def resave_like_word(self) -> None:
        """What Word does to a document it opens and saves without an edit: runs split at every
        word with revision ids, proofing marks and a _GoBack bookmark around them, a rendered page
        break noted, and itself named as the last to modify it."""
        rsid = "00A1B2C3"
        for k, r in enumerate(list(self.root.iter(W + "r"))):
            t = r.find(W + "t")
            r.set(W + "rsidR", rsid)
            if t is None or not t.text or " " not in t.text.strip():
                continue
            words = t.text.split(" ")
            parent, at = r.getparent(), r.getparent().index(r)
            for n, word in enumerate(words):
                piece = copy.deepcopy(r)
                pt = piece.find(W + "t")
                pt.text = word + (" " if n < len(words) - 1 else "")
                pt.set(XML_SPACE, "preserve")
                parent.insert(at + n, piece)
            parent.remove(r)
            if k % 7 == 0:
                parent.insert(at, etree.Element(W + "proofErr", {W + "type": "spellStart"}))
                parent.insert(at + 2, etree.Element(W + "proofErr", {W + "type": "spellEnd"}))
        for p in self.root.iter(W + "p"):
            p.set(W + "rsidR", rsid)
            p.set(W + "rsidRDefault", rsid)
        first = next(self.root.iter(W + "p"))
        first.insert(0, etree.Element(W + "bookmarkStart", {W + "id": "0", W + "name": "_GoBack"}))
        first.append(etree.Element(W + "bookmarkEnd", {W + "id": "0"}))
        some_run = list(self.table().iter(W + "r"))[5]
        some_run.insert(0, etree.Element(W + "lastRenderedPageBreak"))
        core = self.parts["docProps/core.xml"].decode("utf-8")
        self.parts["docProps/core.xml"] = core.replace("<cp:lastModifiedBy>editflow</cp:lastModifiedBy>",
                                                       "<cp:lastModifiedBy>Olena K.</cp:lastModifiedBy>").encode()

    def strip_styles(self) -> None:
        """What a house template or LibreOffice may do: every style reference renamed."""
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for el in self.root.iter(W + tag):
                el.set(W + "val", "Custom" + el.get(W + "val", ""))
        styles = etree.fromstring(self.parts["word/styles.xml"])
        for st in styles.iter(W + "style"):
            st.set(W + "styleId", "Custom" + st.get(W + "styleId", ""))
            name = st.find(W + "name")
            if name is not None:
                name.set(W + "val", "Custom " + name.get(W + "val", ""))
        self.parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8",
                                                       standalone=True)


def edit(path: Path, fn: Callable[[Docx], None], out: Path | None = None) -> Path:
    d = Docx(path)
    fn(d)
    return d.save(out)
