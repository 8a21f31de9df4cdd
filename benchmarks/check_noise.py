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
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, check_corpus, corpus_names, read_paragraphs  # noqa: E402

try:
    import editflow  # noqa: F401
except ModuleNotFoundError:
    sys.path.insert(0, str(ROOT / "src"))

from editflow.checks import CODES, load_checks, make_entry, run_checks, matches  # noqa: E402


def default_corpus() -> str:
    """../shared/corpus from the project root; from a git worktree under wt/, one level further up."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return str(base / "shared" / "corpus")
    return str(DEFAULT_CORPUS)


def directions(corpus: Path) -> dict[str, str]:
    """Document name → original language, from manifest.tsv (empty when it is missing)."""
    path = corpus / "manifest.tsv"
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    name_i, lang_i = head.index("name"), head.index("orig_lang")
    return {row.split("\t")[name_i]: row.split("\t")[lang_i] for row in lines[1:] if row.strip()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=default_corpus())
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", metavar="CODE", help="print the findings of CODE (or family) with their pairs")
    ap.add_argument("--limit", type=int, default=40, help="how many examples --show prints")
    ap.add_argument("--direction", choices=("all", "uk", "en"), default="all",
                    help="uk: Ukrainian originals only; en: English originals only")
    args = ap.parse_args(argv)

    corpus = check_corpus(args.corpus)
    orig = directions(corpus)
    load_checks()
    by_code: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    paragraphs = docs = 0
    shown = 0
    t0 = time.perf_counter()
    for name in corpus_names(corpus):
        if args.direction != "all" and orig.get(name, "") != args.direction:
            continue
        uk = read_paragraphs(corpus / f"{name}.uk.txt")
        en = read_paragraphs(corpus / f"{name}.en.txt")
        if len(uk) != len(en):
            print(f"skipped {name}: {len(uk)} vs {len(en)} paragraphs", file=sys.stderr)
            continue
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
    raise SystemExit(main())
