#!/usr/bin/env python3
"""Precision and recall of `glossary.missing` and `glossary.forbidden` on labelled sentence pairs.

    .venv/bin/python benchmarks/glossary_accuracy.py [--cases FILE.jsonl] [--glossary FILE] [--json]

Each line of the cases file is {"id", "uk", "en", "expected": [{"code", "term"} |
{"code", "variant", "term"}]}: the findings a careful editor holding the glossary
would raise for that pair, and no others.  A finding counts as correct when its code
and its key match an expected one: the glossary's `uk` cell for glossary.missing, the
forbidden variant as written in the glossary for glossary.forbidden.  The pairs and the
glossary (`benchmarks/data/`) were written for editflow; no corpus text is used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = ("glossary.missing", "glossary.forbidden")


def key(code: str, item) -> tuple[str, str]:
    if isinstance(item, dict):
        return code, item["term"] if code == "glossary.missing" else item["variant"]
    return code, item.term if code == "glossary.missing" else item.variant


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=HERE / "data" / "glossary_cases.jsonl")
    ap.add_argument("--glossary", type=Path, default=HERE / "data" / "glossary_cases.csv")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--noise", action="store_true",
                    help="also run the project glossary over the uk-original corpus documents (no planted "
                         "errors) and report findings per 100 paragraphs")
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    args = ap.parse_args()

    from editflow.checks import CheckContext, make_entry, run_checks
    from editflow.glossary import load_glossary

    cases = [json.loads(l) for l in args.cases.read_text(encoding="utf-8").splitlines() if l.strip()]
    glossary = load_glossary(args.glossary)
    ctx = CheckContext(glossary=glossary)
    t0 = time.perf_counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    misses: list[dict] = []
    for c in cases:
        findings = run_checks([make_entry(0, c["uk"], c["en"])], ctx, select=["glossary"])
        got = Counter(key(f.code, f) for f in findings)
        want = Counter(key(e["code"], e) for e in c["expected"])
        for k in (got | want):
            hit = min(got[k], want[k])
            tp[k[0]] += hit
            fp[k[0]] += got[k] - hit
            fn[k[0]] += want[k] - hit
            if got[k] != want[k]:
                misses.append({"id": c["id"], "kind": "false alarm" if got[k] > want[k] else "missed",
                               "code": k[0], "key": k[1], "uk": c["uk"], "en": c["en"]})
    elapsed = time.perf_counter() - t0
    scores = {}
    for code in (*CODES, "all"):
        t = sum(tp.values()) if code == "all" else tp[code]
        p_ = sum(fp.values()) if code == "all" else fp[code]
        n = sum(fn.values()) if code == "all" else fn[code]
        prec = t / (t + p_) if t + p_ else 1.0
        rec = t / (t + n) if t + n else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores[code] = {"tp": t, "fp": p_, "fn": n, "precision": round(prec, 4), "recall": round(rec, 4),
                        "f1": round(f1, 4)}
    result = {"cases": len(cases), "terms": len(glossary), "seconds": round(elapsed, 3), "scores": scores,
              "misses": misses}
    if args.noise:
        result["noise"] = corpus_noise(args.corpus)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(cases)} labelled pairs, {len(glossary)} glossary terms, {elapsed:.2f} s")
    print(f"{'code':20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8} {'F1':>7}")
    for code, s in scores.items():
        print(f"{code:20} {s['tp']:4} {s['fp']:4} {s['fn']:4} {s['precision']:10.3f} {s['recall']:8.3f} {s['f1']:7.3f}")
    if args.noise:
        nz = result["noise"]
        print(f"\ncorpus (uk originals, project glossary): {nz['paragraphs']} paragraphs; findings per 100 "
              f"paragraphs: " + ", ".join(f"{c} {v}" for c, v in nz["per_100"].items()))
        for (code, term, variant, written), n in nz["top"]:
            print(f"  {n:3}  {code:18} {term} {variant or ''} ← {written!r}")
    if misses:
        print("\nmisses and false alarms:")
        for m in misses:
            print(f"  {m['id']} {m['kind']:11} {m['code']:18} {m['key']!r}\n      uk: {m['uk']}\n      en: {m['en']}")
    return 0


def corpus_noise(corpus: Path) -> dict:
    """Glossary findings on the corpus's Ukrainian-original documents (paragraph i ↔ paragraph i)."""
    import csv as _csv

    from editflow.checks import CheckContext, make_entry, run_checks
    from editflow.glossary import load_glossary

    glossary = load_glossary(HERE.parent / "glossary")
    ctx = CheckContext(glossary=glossary)
    rows = list(_csv.DictReader((corpus / "manifest.tsv").open(encoding="utf-8"), delimiter="\t"))
    paragraphs = 0
    per_code: Counter[str] = Counter()
    seen: Counter[tuple] = Counter()
    for r in rows:
        if r["orig_lang"] != "uk":
            continue
        uk = [p for p in (corpus / f"{r['name']}.uk.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
        en = [p for p in (corpus / f"{r['name']}.en.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
        entries = [make_entry(i, u.strip(), e.strip()) for i, (u, e) in enumerate(zip(uk, en))]
        paragraphs += len(entries)
        for f in run_checks(entries, ctx, select=["glossary"]):
            e = entries[f.index]
            span = f.target_span or f.source_span
            text = e.target if f.target_span else e.source
            per_code[f.code] += 1
            seen[(f.code, f.term, f.variant, text[span[0]:span[1]])] += 1
    return {"paragraphs": paragraphs,
            "per_100": {c: round(100 * n / max(paragraphs, 1), 2) for c, n in sorted(per_code.items())},
            "top": seen.most_common(15)}


if __name__ == "__main__":
    sys.exit(main())
