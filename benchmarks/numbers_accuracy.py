#!/usr/bin/env python3
"""Precision and recall of the numbers checks on labelled one-sentence pairs, overall and per kind.

    .venv/bin/python benchmarks/numbers_accuracy.py [--probes FILE] [--json] [--show]

The probes (`benchmarks/data/numbers_probes.txt`, written for editflow, no corpus
text) are lines `kind | Ukrainian | English | expected`.  An empty `expected` marks
a correct rendering: any numbers finding on it is a false alarm.  Otherwise it is
`code/severity` (e.g. `numbers.mismatch/error`), and the figure(s) the finding must
point at are marked ⟦ ⟧ in the sentences.  A finding is correct when its code and
severity are the expected ones and each of its spans overlaps the marked figure on
that side (a side without a mark is not checked); one finding per expectation
counts, any other finding is a false alarm.

Per kind: precision = correct findings / all findings on that kind's pairs (its
correct renderings included), recall = correct findings / expected findings.
Run it against another editflow (e.g. the code before a change) with
`PYTHONPATH=/path/to/editflow/src`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = ("⟦", "⟧")


@dataclass
class Probe:
    line: int
    kind: str
    uk: str
    en: str
    code: str = ""               # "" for a correct rendering
    severity: str = ""
    uk_span: tuple[int, int] | None = None
    en_span: tuple[int, int] | None = None
    findings: list = field(default_factory=list)


def _unmark(text: str) -> tuple[str, tuple[int, int] | None]:
    a = text.find(MARK[0])
    if a < 0:
        return text, None
    b = text.index(MARK[1], a)
    return text[:a] + text[a + 1:b] + text[b + 1:], (a, b - 1)


def read_probes(path: Path) -> list[Probe]:
    probes = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in raw.split("|")]
        if len(parts) != 4:
            raise SystemExit(f"{path}:{n}: expected 4 fields separated by |, got {len(parts)}")
        kind, uk, en, expected = parts
        uk, uk_span = _unmark(uk)
        en, en_span = _unmark(en)
        code, _, severity = expected.partition("/")
        if code and not (uk_span or en_span):
            raise SystemExit(f"{path}:{n}: an expected finding needs its figure marked with ⟦ ⟧")
        probes.append(Probe(n, kind, uk, en, code, severity, uk_span, en_span))
    return probes


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is None or (b is not None and a[0] < b[1] and b[0] < a[1])


def correct(p: Probe, f) -> bool:
    return (f.code == p.code and f.severity == p.severity
            and _overlaps(p.uk_span, f.source_span) and _overlaps(p.en_span, f.target_span))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--probes", type=Path, default=HERE / "data" / "numbers_probes.txt")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args()

    try:
        import editflow  # noqa: F401
    except ModuleNotFoundError:
        sys.path.insert(0, str(HERE.parent / "src"))
    from editflow.checks import make_entry, run_checks

    probes = read_probes(args.probes)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    shown: list[str] = []
    for p in probes:
        p.findings = run_checks([make_entry(0, p.uk, p.en)], select=["numbers"])
        pairs[p.kind] += 1
        hit = False
        for f in p.findings:
            if p.code and not hit and correct(p, f):
                hit = True
                tp[p.kind] += 1
            else:
                fp[p.kind] += 1
                shown.append(f"false alarm  {p.kind:10} line {p.line}: {f.code}/{f.severity} {f.message}\n"
                             f"             uk: {p.uk}\n             en: {p.en}")
        if p.code and not hit:
            fn[p.kind] += 1
            shown.append(f"missed       {p.kind:10} line {p.line}: {p.code}/{p.severity}\n"
                         f"             uk: {p.uk}\n             en: {p.en}")

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None  # no findings: precision is undefined, not perfect

    def cell(x: float | None, width: int) -> str:
        return f"{x:{width}.3f}" if x is not None else f"{'—':>{width}}"

    kinds = sorted(pairs)
    per_kind = {k: {"pairs": pairs[k], "expected": tp[k] + fn[k], "correct": tp[k], "false_alarms": fp[k],
                    "missed": fn[k], "precision": ratio(tp[k], tp[k] + fp[k]), "recall": ratio(tp[k], tp[k] + fn[k])}
                for k in kinds}
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    report = {"probes": len(probes), "correct_renderings": sum(1 for p in probes if not p.code),
              "planted_errors": sum(1 for p in probes if p.code),
              "overall": {"precision": ratio(T, T + F), "recall": ratio(T, T + N), "correct": T,
                          "false_alarms": F, "missed": N},
              "per_kind": per_kind}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['probes']} probes: {report['correct_renderings']} correct renderings, "
              f"{report['planted_errors']} planted errors")
        print(f"{'kind':12} {'pairs':>5} {'expected':>8} {'correct':>7} {'false':>5} {'missed':>6} "
              f"{'precision':>9} {'recall':>6}")
        for k in kinds:
            r = per_kind[k]
            print(f"{k:12} {r['pairs']:5d} {r['expected']:8d} {r['correct']:7d} {r['false_alarms']:5d} "
                  f"{r['missed']:6d} {cell(r['precision'], 9)} {cell(r['recall'], 6)}")
        o = report["overall"]
        print(f"{'overall':12} {len(probes):5d} {T + N:8d} {T:7d} {F:5d} {N:6d} {cell(o['precision'], 9)} "
              f"{cell(o['recall'], 6)}")
        if args.show and shown:
            print()
            print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
