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
from pathlib import Path
from typing import Callable

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
        p = etree.SubElement(c, W + "p")
        r = etree.SubElement(p, W + "r")
        etree.SubElement(r, W + "annotationRef")
        r = etree.SubElement(p, W + "r")
        etree.SubElement(r, W + "t").text = text
        return cid

    def set_text(self, rid: str, column: int, text: str) -> None:
        """An untracked edit: the cell's first run gets `text`, the others are emptied."""
        cell = self.cell(rid, column)
        ts = list(cell.iter(W + "t"))
        ts[0].text = text
        for t in ts[1:]:
            t.text = ""

    def delete_row(self, rid: str) -> None:
        tr = self.row(rid)
        tr.getparent().remove(tr)

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
