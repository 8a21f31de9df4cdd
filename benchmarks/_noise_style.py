"""Findings per 100 paragraphs for the style families (ednote, typography, consistency, names).

A private measurement script: every document pair of ../shared/corpus is read
with its gold paragraph correspondence (paragraph i ↔ paragraph i), turned
into entries with `editflow.checks.make_entry`, and checked document by
document (consistency works within a file, so one document = one PO file).
The corpus has no planted errors, so what fires is mostly noise to study.

    .venv/bin/python benchmarks/_noise_style.py
    .venv/bin/python benchmarks/_noise_style.py --uk-only --show typography.unbalanced
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, corpus_names, read_paragraphs  # noqa: E402

# A worktree under /work/wt/<name> sits one level deeper than the main checkout.
CORPUS = next((p for p in (DEFAULT_CORPUS, ROOT.parent.parent / "shared" / "corpus")
               if (p / "manifest.tsv").is_file()), DEFAULT_CORPUS)

FAMILIES = ["ednote", "typography", "consistency", "names"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--uk-only", action="store_true", help="only documents whose original is Ukrainian")
    ap.add_argument("--select", default=",".join(FAMILIES))
    ap.add_argument("--show", metavar="CODE", help="print the findings of this code (or family)")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()

    from editflow.checks import CODES, load_checks, make_entry, matches, run_checks

    orig = {}
    manifest = args.corpus / "manifest.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                orig[row["name"]] = row["orig_lang"]
    load_checks()
    select = [s for s in args.select.split(",") if s]
    counts: Counter[str] = Counter()
    paragraphs = docs = shown = 0
    for name in corpus_names(args.corpus):
        if args.uk_only and orig.get(name) != "uk":
            continue
        uk = read_paragraphs(args.corpus / f"{name}.uk.txt")
        en = read_paragraphs(args.corpus / f"{name}.en.txt")
        if len(uk) != len(en):
            continue
        entries = [make_entry(i, s, t) for i, (s, t) in enumerate(zip(uk, en))]
        docs += 1
        paragraphs += len(entries)
        for f in run_checks(entries, select=select):
            counts[f.code] += 1
            if args.show and matches(f.code, [args.show]) and shown < args.limit:
                shown += 1
                e = entries[f.index]
                print(f"--- {name} #{f.index} {f.code} [{f.severity}] {f.message}")
                if f.target_span:
                    a, b = f.target_span
                    print(f"  en: …{e.target[max(0, a - 80):a]}⟦{e.target[a:b]}⟧{e.target[b:b + 80]}…")
                if f.source_span:
                    a, b = f.source_span
                    print(f"  uk: …{e.source[max(0, a - 80):a]}⟦{e.source[a:b]}⟧{e.source[b:b + 80]}…")
                if f.suggestion:
                    print(f"  suggestion: {f.suggestion}")
    print(f"{docs} documents, {paragraphs} paragraphs ({'Ukrainian originals only' if args.uk_only else 'all'})")
    print(f"{'code':28} {'sev':8} {'n':>5} {'/100 par':>9}")
    for code in sorted(c for c in CODES if matches(c, select)):
        n = counts.get(code, 0)
        print(f"{code:28} {CODES[code].severity:8} {n:5} {100 * n / max(paragraphs, 1):9.2f}")
    by_sev: Counter[str] = Counter()
    for code, n in counts.items():
        by_sev[CODES[code].severity] += n
    print("by severity: " + ", ".join(f"{s} {by_sev.get(s, 0)} ({100 * by_sev.get(s, 0) / max(paragraphs, 1):.2f}/100)"
                                     for s in ("error", "warning", "info")))


if __name__ == "__main__":
    main()
