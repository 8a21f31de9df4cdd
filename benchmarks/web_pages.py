"""Web pages as inputs: extraction precision and recall, roles, alignment F1, reading time.

The 20 pages of benchmarks/data/pages/ (made by make_pages.py from ten invented articles in
Ukrainian and English, set in five site templates with their menus, share bars, teasers,
comment forms and footers) are read with `editflow.readers.read_document`; each page's
extracted paragraphs are compared with the true paragraphs beside it (<slug>.<lang>.truth.tsv):

- precision: extracted paragraphs that are true paragraphs / extracted paragraphs;
- recall: true paragraphs extracted / true paragraphs (their words compared, inline tags left out,
  white space collapsed);
- roles: of the true paragraphs extracted, those whose role (title, byline, heading, quote,
  note, body) the reader gave as the truth has it;
- alignment: each page aligned against its plain-text counterpart in the other language (the
  other side's true paragraphs, blank-line separated) with `editflow.workfile.align_files`;
  links (uk paragraph, en paragraph) of beads with both sides, against the gold alignment
  (the articles are translated paragraph for paragraph), with extracted paragraphs mapped to
  true ones by their text: precision, recall, F1;
- time: reading each page in this process once trafilatura is imported (median and maximum),
  and the first read in a fresh process, start-up and imports included.

    .venv/bin/python benchmarks/web_pages.py [--json]
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "data" / "pages"
ROOT = PAGES.parents[2]


def norm(text: str) -> str:
    return " ".join(text.split())


def truth(page: Path) -> list[tuple[str, str]]:
    slug, lang = page.name.split(".")[:2]
    return truth_of(slug, lang)


def truth_of(slug: str, lang: str) -> list[tuple[str, str]]:
    rows = (PAGES / f"{slug}.{lang}.truth.tsv").read_text(encoding="utf-8").splitlines()
    # Entities and white space as a reader sees them (a truth file written by hand may keep "&amp;").
    return [(r.split("\t", 1)[0], norm(html.unescape(r.split("\t", 1)[1]))) for r in rows if r.strip()]


def gold_links(slug: str) -> set[tuple[int, int]]:
    """The true (uk, en) paragraph links: paragraph for paragraph, except notes one side adds (a
    translator's note), which pair with nothing."""
    uk, en = truth_of(slug, "uk"), truth_of(slug, "en")
    longer, shorter = (uk, en) if len(uk) >= len(en) else (en, uk)
    keep = list(range(len(longer)))
    extra = len(longer) - len(shorter)
    # The longer side's notes that stand where the other side has something else, from the end.
    for i in reversed(range(len(longer))):
        if extra == 0:
            break
        if longer[i][0] == "note":
            keep.remove(i)
            extra -= 1
    if extra or [longer[i][0] for i in keep] != [r for r, _ in shorter]:
        raise SystemExit(f"{slug}: the two truth files differ by more than notes one side adds")
    # (index on the shorter side, index on the longer side) → (uk, en)
    return {(k, i) if longer is uk else (i, k) for i, k in enumerate(keep)}


def pages() -> list[Path]:
    return sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".htm", ".mhtml"))


def to_truth(extracted: list[str], true: list[str]) -> list[int | None]:
    """Each extracted paragraph's index among the true ones (in order), None when it is none of them."""
    out: list[int | None] = []
    start = 0
    for text in extracted:
        found = next((i for i in range(start, len(true)) if true[i] == text), None)
        if found is None:
            found = next((i for i in range(len(true)) if true[i] == text), None)
        else:
            start = found + 1
        out.append(found)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--pages", type=Path, default=None,
                    help="the folder of pages and truth files (default: data/pages; data/pages_blind holds "
                         "pages written without seeing the reader)")
    args = ap.parse_args()
    global PAGES
    if args.pages is not None:
        PAGES = args.pages.resolve()
    sys.path.insert(0, str(ROOT / "src"))
    from editflow.inline import plain
    from editflow.readers import read_document
    from editflow.workfile import align_files

    all_pages = pages()
    read_document(all_pages[0], "")  # imports trafilatura: the in-process times below are warm
    extracted_n = true_n = hits = role_hits = 0
    links_tp = links_pred = links_gold = 0
    times: list[float] = []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in all_pages:
            slug, lang = page.name.split(".")[:2]
            t0 = time.perf_counter()
            doc = read_document(page, lang)
            times.append(time.perf_counter() - t0)
            true = truth(page)
            # The words: the formatting a page's text carries is kept as inline tags (editflow.inline),
            # which the truth files do not write.
            texts = [norm(plain(p.text)) for p in doc.paragraphs]
            true_texts = [t for _, t in true]
            mapped = to_truth(texts, true_texts)
            page_hits = len({m for m in mapped if m is not None})
            roles_ok = sum(1 for p, m in zip(doc.paragraphs, mapped, strict=True)
                           if m is not None and p.role == true[m][0])
            extracted_n += len(texts)
            true_n += len(true)
            hits += page_hits
            role_hits += roles_ok
            # The other side as plain text, aligned against the page.
            other = "en" if lang == "uk" else "uk"
            counterpart = Path(tmp) / f"{slug}.{other}.txt"
            counterpart.write_text("\n\n".join(t for _, t in truth_of(slug, other)) + "\n",
                                   encoding="utf-8")
            src, tgt = (page, counterpart) if lang == "uk" else (counterpart, page)
            al = align_files(src, tgt)
            page_side = [mapped[i] for i in range(len(mapped))]
            pred = set()
            for bead in al.beads:
                for i in bead.src:
                    for j in bead.tgt:
                        a = page_side[i] if lang == "uk" else i
                        b = page_side[j] if lang == "en" else j
                        pred.add((a, b))
            gold = gold_links(slug)
            tp = len(pred & gold)
            links_tp += tp
            links_pred += len(pred)
            links_gold += len(gold)
            rows.append({"page": page.name, "extracted": len(texts), "true": len(true), "found": page_hits,
                         "roles_right": roles_ok, "removed": len(doc.removed), "encoding": doc.encoding,
                         "links_right": tp, "links": len(pred), "read_s": round(times[-1], 4),
                         "wrong": [t for t, m in zip(texts, mapped, strict=True) if m is None],
                         "missed": [t for i, t in enumerate(true_texts) if i not in set(mapped)],
                         "roles_wrong": [f"{p.role} for {true[m][0]}: {true[m][1]}"
                                         for p, m in zip(doc.paragraphs, mapped, strict=True)
                                         if m is not None and p.role != true[m][0]]})
    cold = subprocess.run([sys.executable, "-c", "import sys, time; t = time.perf_counter(); "
                           "from editflow.readers import read_document; read_document(sys.argv[1], 'uk'); "
                           "print(time.perf_counter() - t)", str(all_pages[0])],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    p = hits / extracted_n
    r = hits / true_n
    lp, lr = links_tp / links_pred, links_tp / links_gold
    result = {
        "pages": len(all_pages),
        "paragraphs": {"extracted": extracted_n, "true": true_n, "found": hits,
                       "precision": round(p, 4), "recall": round(r, 4)},
        "roles_right": round(role_hits / hits, 4),
        "alignment": {"precision": round(lp, 4), "recall": round(lr, 4), "f1": round(2 * lp * lr / (lp + lr), 4)},
        "read_seconds": {"median": round(statistics.median(times), 4), "max": round(max(times), 4),
                         "first_read_fresh_process": round(float(cold.stdout.strip()), 3)},
        "per_page": rows,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{'page':34} {'true':>4} {'extr':>4} {'found':>5} {'roles':>5} {'links':>7} {'removed':>7} {'read s':>7}  encoding")
    for row in rows:
        print(f"{row['page']:34} {row['true']:4} {row['extracted']:4} {row['found']:5} {row['roles_right']:5} "
              f"{row['links_right']:3}/{row['links']:<3} {row['removed']:7} {row['read_s']:7.3f}  {row['encoding']}")
        for t in row["wrong"]:
            print(f"    extracted, not true: {t[:90]}")
        for t in row["missed"]:
            print(f"    true, not extracted: {t[:90]}")
        for t in row["roles_wrong"]:
            print(f"    role {t[:90]}")
    par = result["paragraphs"]
    print(f"\nparagraphs: precision {par['precision']:.4f}, recall {par['recall']:.4f} "
          f"({par['found']} of {par['true']} true found, {par['extracted']} extracted)")
    print(f"roles right: {result['roles_right']:.4f} of the paragraphs found")
    al = result["alignment"]
    print(f"alignment (one side a page): precision {al['precision']:.4f}, recall {al['recall']:.4f}, F1 {al['f1']:.4f}")
    rs = result["read_seconds"]
    print(f"read a page: median {rs['median']:.4f} s, max {rs['max']:.4f} s in process; "
          f"first read in a fresh process {rs['first_read_fresh_process']:.3f} s (imports included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
