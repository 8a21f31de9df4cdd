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
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(cases)} labelled pairs, {len(glossary)} glossary terms, {elapsed:.2f} s")
    print(f"{'code':20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8} {'F1':>7}")
    for code, s in scores.items():
        print(f"{code:20} {s['tp']:4} {s['fp']:4} {s['fn']:4} {s['precision']:10.3f} {s['recall']:8.3f} {s['f1']:7.3f}")
    if misses:
        print("\nmisses and false alarms:")
        for m in misses:
            print(f"  {m['id']} {m['kind']:11} {m['code']:18} {m['key']!r}\n      uk: {m['uk']}\n      en: {m['en']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
