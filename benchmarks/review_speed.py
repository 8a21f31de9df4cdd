#!/usr/bin/env python3
"""Speed of the review round trip on a 2,000-row PO, measured as subprocess wall time.

1. builds a 2,000-entry editflow PO in a temporary directory from corpus
   paragraph pairs (../shared/corpus, read at run time, never copied into
   the project; pairs repeat in order when the corpus has fewer), with the
   per-entry layout `editflow align` writes (ids, machine line, every 15th
   entry doubtful);
2. export: `write_review(po, out)` in a fresh interpreter (start-up, imports,
   the checks and the .docx included), target <= 5 s;
3. a scripted review like Word's: every 10th row gets a tracked replacement
   of its first English word (w:del + w:ins) and every 50th a reviewer
   comment (commentRangeStart/End + comments.xml);
4. import: `editflow import-review REVIEW PO` in a fresh process, target
   <= 5 s; then the re-import (nothing to change) is timed too.

One run each after an untimed warm-up of the interpreter's file cache;
median of --reps runs.

    python benchmarks/review_speed.py
    python benchmarks/review_speed.py --json            # JSON on stdout
    python benchmarks/review_speed.py --rows 5000 --reps 3
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_EXPORT_S = 5.0
TARGET_IMPORT_S = 5.0
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def corpus_pairs(corpus: Path, n: int) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name in _common.corpus_names(corpus):
        uk = _common.read_paragraphs(corpus / f"{name}.uk.txt")
        en = _common.read_paragraphs(corpus / f"{name}.en.txt")
        pairs += list(zip(uk, en))
    if not pairs:
        raise SystemExit(f"no paragraph pairs in {corpus}")
    return [pairs[k % len(pairs)] for k in range(n)]


def build_po(pairs: list[tuple[str, str]], po_path: Path) -> None:
    from editflow.model import Alignment, Bead, Document, Paragraph
    from editflow.po import write_po

    src = Document([Paragraph(u, location=str(k)) for k, (u, _) in enumerate(pairs)], path=po_path.parent / "a.uk.txt",
                   lang="uk", sha256="0" * 64)
    tgt = Document([Paragraph(e, location=str(k)) for k, (_, e) in enumerate(pairs)], path=po_path.parent / "a.en.txt",
                   lang="en", sha256="1" * 64)
    beads = [Bead((k,), (k,), 0.5 if k % 15 == 7 else 0.97) for k in range(len(pairs))]
    write_po(Alignment(src, tgt, beads, ratio=1.1, doubt_threshold=0.85), po_path)


def scripted_review(path: Path) -> tuple[int, int]:
    """Edit the review as Word would; returns (rows edited, comments added)."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    comments = etree.fromstring(parts["word/comments.xml"])
    rows = list(next(root.iter(W + "tbl")).iter(W + "tr"))[1:]
    edited = commented = 0
    next_id = 100000
    for k, tr in enumerate(rows):
        en = tr.findall(W + "tc")[2]
        run = next((r for r in en.iter(W + "r") if r.find(W + "t") is not None and (r.find(W + "t").text or "").strip()), None)
        if run is None:
            continue
        if k % 10 == 0:
            t = run.find(W + "t")
            first, _, rest = t.text.partition(" ")
            if not first:
                continue
            t.text = " " + rest if rest else ""
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            next_id += 1
            d = etree.Element(W + "del", {W + "id": str(next_id), W + "author": "Bench Reviewer",
                                          W + "date": "2026-11-20T10:00:00Z"})
            etree.SubElement(etree.SubElement(d, W + "r"), W + "delText").text = first
            next_id += 1
            ins = etree.Element(W + "ins", {W + "id": str(next_id), W + "author": "Bench Reviewer",
                                            W + "date": "2026-11-20T10:00:00Z"})
            etree.SubElement(etree.SubElement(ins, W + "r"), W + "t").text = \
                first.upper() if first.upper() != first else first + "s"
            run.addprevious(d)
            run.addprevious(ins)
            edited += 1
        if k % 50 == 0:
            next_id += 1
            cid = str(next_id)
            run.addprevious(etree.Element(W + "commentRangeStart", {W + "id": cid}))
            run.addnext(etree.Element(W + "commentRangeEnd", {W + "id": cid}))
            c = etree.SubElement(comments, W + "comment", {W + "id": cid, W + "author": "Bench Reviewer",
                                                           W + "date": "2026-11-20T10:00:00Z"})
            etree.SubElement(etree.SubElement(etree.SubElement(c, W + "p"), W + "r"), W + "t").text = \
                f"Reviewer's question on row {k + 1}."
            commented += 1
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return edited, commented


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def editflow_command() -> list[str]:
    script = Path(sys.executable).with_name("editflow")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editflow"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="print the results as JSON (to PATH, or stdout when no PATH)")
    args = ap.parse_args(argv)
    corpus = _common.check_corpus(args.corpus)
    tmp = Path(tempfile.mkdtemp(prefix="editflow-review-bench-"))
    try:
        po = tmp / "bench.po"
        build_po(corpus_pairs(corpus, args.rows), po)
        pristine = po.read_bytes()
        review = tmp / "bench.review.docx"
        export_cmd = [sys.executable, "-c",
                      "import sys; from pathlib import Path; from editflow.export.review import write_review; "
                      "write_review(Path(sys.argv[1]), Path(sys.argv[2]), force=True)", str(po), str(review)]
        timed(export_cmd)   # warm-up: file cache, .pyc
        export_s = [timed(export_cmd) for _ in range(args.reps)]
        edited_copy = tmp / "edited.review.docx"
        shutil.copy(review, edited_copy)
        edited, commented = scripted_review(edited_copy)
        import_cmd = [*editflow_command(), "import-review", str(edited_copy), str(po)]
        import_s, reimport_s = [], []
        for _ in range(args.reps):
            po.write_bytes(pristine)
            import_s.append(timed(import_cmd))
            reimport_s.append(timed(import_cmd))
        from editflow.history import before_records
        from editflow.po import load_po
        changed = sum(1 for e in load_po(po) if before_records(e))
        res = {
            "rows": args.rows, "review_bytes": review.stat().st_size, "rows_edited": edited,
            "comments_added": commented, "rows_changed_in_po": changed,
            "export_s": round(statistics.median(export_s), 3), "export_target_s": TARGET_EXPORT_S,
            "import_s": round(statistics.median(import_s), 3), "import_target_s": TARGET_IMPORT_S,
            "reimport_s": round(statistics.median(reimport_s), 3),
        }
        res["ok"] = res["export_s"] <= TARGET_EXPORT_S and res["import_s"] <= TARGET_IMPORT_S \
            and changed == edited
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        text = json.dumps(res, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    if args.json != "-":
        print(f"review export, {res['rows']} rows: {res['export_s']:.2f} s (target <= {TARGET_EXPORT_S:.0f} s)")
        print(f"review import, {res['rows_edited']} rows edited, {res['comments_added']} comments: "
              f"{res['import_s']:.2f} s (target <= {TARGET_IMPORT_S:.0f} s); re-import {res['reimport_s']:.2f} s")
        print(f"rows changed in the PO: {res['rows_changed_in_po']} of {res['rows_edited']} edited; "
              f"{'OK' if res['ok'] else 'MISSED'}")
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
