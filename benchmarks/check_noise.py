"""False-alarm rate of the checks on real translations (no planted errors).

For every document pair of ../shared/corpus the gold paragraph pairs (paragraph i
of NAME.uk.txt ↔ paragraph i of NAME.en.txt) become check entries, every
registered check runs over them, and the findings are counted per 100
paragraphs, by code and by severity.  The corpus is read at run time only;
nothing from it goes into the project.

    python benchmarks/check_noise.py                 # table
    python benchmarks/check_noise.py --json          # the figures as JSON
    python benchmarks/check_noise.py --show numbers.mismatch [--limit 30]
    python benchmarks/check_noise.py --direction uk  # Ukrainian originals only
    python benchmarks/check_noise.py --plant         # recall: one digit changed per English paragraph

`--plant` is the other side of the coin: in every pair whose English has a
figure written with digits, one digit of one figure is changed (seeded), and
the script counts how often the numbers checks then point at that figure
(as a mismatch, at error level (a mismatch or a wrong conversion), and as any
numbers finding).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, check_corpus, corpus_names, read_paragraphs  # noqa: E402

try:
    import editflow  # noqa: F401
except ModuleNotFoundError:
    sys.path.insert(0, str(ROOT / "src"))

from editflow.checks import CODES, load_checks, make_entry, run_checks, matches  # noqa: E402


def directions(corpus: Path) -> dict[str, str]:
    """Document name → original language, from manifest.tsv (empty when it is missing)."""
    path = corpus / "manifest.tsv"
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    name_i, lang_i = head.index("name"), head.index("orig_lang")
    return {row.split("\t")[name_i]: row.split("\t")[lang_i] for row in lines[1:] if row.strip()}


def documents(corpus: Path, direction: str, report_skipped: bool = False) -> Iterator[tuple[str, list[str], list[str]]]:
    """(name, Ukrainian paragraphs, English paragraphs) of each document in `direction` ("all", "uk", "en")."""
    orig = directions(corpus)
    for name in corpus_names(corpus):
        if direction != "all" and orig.get(name, "") != direction:
            continue
        uk = read_paragraphs(corpus / f"{name}.uk.txt")
        en = read_paragraphs(corpus / f"{name}.en.txt")
        if len(uk) != len(en):
            if report_skipped:
                print(f"skipped {name}: {len(uk)} vs {len(en)} paragraphs", file=sys.stderr)
            continue
        yield name, uk, en


_FIGURE = re.compile(r"(?<![\w.,])[0-9]+(?:[.,][0-9]+)*(?![\w])")


def plant(args: argparse.Namespace) -> int:
    corpus = check_corpus(args.corpus)
    rng = random.Random(args.seed)
    planted = as_mismatch = as_error = as_any = 0
    misses: list[str] = []
    for name, uk, en in documents(corpus, args.direction):
        for i, (s, t) in enumerate(zip(uk, en)):
            figures = [m for m in _FIGURE.finditer(t)]
            if not figures:
                continue
            m = rng.choice(figures)
            pos = rng.choice([k for k in range(m.start(), m.end()) if t[k].isdigit()])
            new = rng.choice([d for d in "0123456789" if d != t[pos] and not (pos == m.start() and d == "0")])
            t2 = t[:pos] + new + t[pos + 1:]
            before = {(f.code, f.target_span) for f in run_checks([make_entry(0, s, t)], select=["numbers"])}
            after = [f for f in run_checks([make_entry(0, s, t2)], select=["numbers"])
                     if (f.code, f.target_span) not in before]
            hit = [f for f in after if f.target_span and f.target_span[0] <= pos < f.target_span[1]]
            planted += 1
            as_mismatch += any(f.code == "numbers.mismatch" for f in hit)
            as_error += any(f.severity == "error" for f in hit)  # a mismatch or a wrong conversion
            as_any += bool(hit)
            if not hit and len(misses) < args.limit:
                misses.append(f"{name} ¶{i}: {t[max(0, m.start() - 60):pos]}⟦{new}⟧{t[pos + 1:m.end() + 40]}")
    report = {"planted": planted, "found_as_mismatch": as_mismatch, "found_at_error_level": as_error,
              "found_by_any_numbers_code": as_any,
              "recall_mismatch": round(as_mismatch / planted, 3) if planted else 0.0,
              "recall_error": round(as_error / planted, 3) if planted else 0.0,
              "recall_any": round(as_any / planted, 3) if planted else 0.0}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{planted} paragraphs with one digit changed in the English ({args.direction})")
        print(f"pointed at as numbers.mismatch: {as_mismatch} ({report['recall_mismatch']:.1%})")
        print(f"pointed at by an error-level finding: {as_error} ({report['recall_error']:.1%})")
        print(f"pointed at by any numbers code: {as_any} ({report['recall_any']:.1%})")
        if args.show:
            print("\nmissed:")
            print("\n".join(misses))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", metavar="CODE", help="print the findings of CODE (or family) with their pairs")
    ap.add_argument("--limit", type=int, default=40, help="how many examples --show prints")
    ap.add_argument("--direction", choices=("all", "uk", "en"), default="all",
                    help="uk: Ukrainian originals only; en: English originals only")
    ap.add_argument("--plant", action="store_true", help="change one digit per English paragraph and report recall")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.plant:
        return plant(args)

    corpus = check_corpus(args.corpus)
    load_checks()
    by_code: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    paragraphs = docs = 0
    shown = 0
    t0 = time.perf_counter()
    for name, uk, en in documents(corpus, args.direction, report_skipped=True):
        docs += 1
        paragraphs += len(uk)
        entries = [make_entry(i, s, t) for i, (s, t) in enumerate(zip(uk, en))]
        findings = run_checks(entries)
        for f in findings:
            by_code[f.code] += 1
            by_sev[f.severity] += 1
            if args.show and matches(f.code, [args.show]) and shown < args.limit:
                shown += 1
                e = entries[f.index]
                print(f"== {name} ¶{f.index} {f.code} [{f.severity}] {f.message}")
                for label, text, span in (("uk", e.source, f.source_span), ("en", e.target, f.target_span)):
                    if span:
                        a, b = span
                        text = text[:a] + "⟦" + text[a:b] + "⟧" + text[b:]
                    print(f"   {label}: {text}")
    elapsed = time.perf_counter() - t0
    per100 = lambda n: round(100.0 * n / paragraphs, 2) if paragraphs else 0.0  # noqa: E731
    codes = sorted(set(by_code) | {c for c in CODES})
    report = {
        "corpus": str(corpus), "direction": args.direction, "documents": docs, "paragraphs": paragraphs,
        "seconds": round(elapsed, 2),
        "per_100_paragraphs": {"by_code": {c: per100(by_code[c]) for c in codes},
                               "by_severity": {s: per100(by_sev[s]) for s in ("error", "warning", "info")}},
        "counts": {"by_code": {c: by_code[c] for c in codes}, "by_severity": dict(by_sev)},
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif not args.show:
        print(f"{docs} documents, {paragraphs} paragraphs ({args.direction}), {elapsed:.1f} s")
        print(f"{'code':32} {'findings':>9} {'per 100 ¶':>10}")
        for c in codes:
            print(f"{c:32} {by_code[c]:9d} {per100(by_code[c]):10.2f}")
        print()
        for s in ("error", "warning", "info"):
            print(f"{s:32} {by_sev[s]:9d} {per100(by_sev[s]):10.2f}")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # piped into head
        sys.stderr.close()
        raise SystemExit(0)
