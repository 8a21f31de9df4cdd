#!/usr/bin/env python3
"""How many numbers findings on real translations are worth an editor's look (hand-labelled).

    .venv/bin/python benchmarks/numbers_noise.py [--json] [--show] [--seed 1]

The numbers family runs over every document pair of ../shared/corpus, paragraph
i ↔ paragraph i, read as `check_noise.py` reads them.  Every error-level finding
and a random sample of 100 warnings (fixed seed) are looked up in
`benchmarks/data/numbers_noise_labels.tsv`, where each was labelled by hand: worth
an editor's look (a wrong or doubtful figure, a conversion to verify) or not (a
right rendering the check misread).  The labels are keyed only by document name,
paragraph index, finding code and finding key (the dismissal key: a hash of the
code, both texts and the span), so no corpus text is stored; a finding whose key
is not in the file is listed as unlabelled (`--show` prints it with its texts, to
label it).  Info-level findings are not counted.

Run it against the code before a change with `PYTHONPATH=/path/to/old/src` to
compare; the labels file holds the findings of both.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import DEFAULT_CORPUS, ROOT, check_corpus  # noqa: E402

try:
    import editflow  # noqa: F401
except ModuleNotFoundError:
    sys.path.insert(0, str(ROOT / "src"))

from check_noise import documents  # noqa: E402
from editflow.checks import make_entry, run_checks  # noqa: E402

LABELS = HERE / "data" / "numbers_noise_labels.tsv"
SAMPLE = 100


def read_labels(path: Path) -> dict[tuple[str, int, str, str], tuple[bool, str]]:
    out = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
                key = (row["document"], int(row["paragraph"]), row["code"], row["key"])
                out[key] = (row["worth_a_look"].strip() == "yes", row.get("why", ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="print the unlabelled findings with their texts")
    args = ap.parse_args()

    corpus = check_corpus(args.corpus)
    found = []
    texts = {}
    paragraphs = 0
    for name, uk, en in documents(corpus, "all"):
        paragraphs += len(uk)
        entries = [make_entry(i, s, t) for i, (s, t) in enumerate(zip(uk, en))]
        for f in run_checks(entries, select=["numbers"]):
            found.append((name, f.index, f.code, f.dismiss_key, f.severity, f.message))
            texts[(name, f.index)] = (entries[f.index].source, entries[f.index].target, f.source_span, f.target_span)
    errors = [f for f in found if f[4] == "error"]
    warnings = [f for f in found if f[4] == "warning"]
    sample = sorted(random.Random(args.seed).sample(warnings, min(SAMPLE, len(warnings))))
    labels = read_labels(args.labels)

    def tally(items: list) -> dict:
        labelled = [labels[f[:4]] for f in items if f[:4] in labels]
        worth = sum(1 for ok, _ in labelled if ok)
        return {"findings": len(items), "labelled": len(labelled), "worth_a_look": worth,
                "share": round(worth / len(labelled), 3) if labelled else None}

    report = {"paragraphs": paragraphs, "errors": tally(errors),
              "warnings": {**tally(sample), "all_warnings": len(warnings), "sampled": len(sample)},
              "unlabelled": [f"{f[0]} ¶{f[1]} {f[2]} {f[3]}" for f in errors + sample if f[:4] not in labels]}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"numbers family on {paragraphs} corpus paragraphs: {len(errors)} errors, {len(warnings)} warnings "
              f"({len(sample)} sampled)")
        for what in ("errors", "warnings"):
            r = report[what]
            share = f"{r['share']:.0%}" if r["share"] is not None else "—"
            print(f"{what:9} labelled {r['labelled']}/{len(errors) if what == 'errors' else len(sample)}, "
                  f"worth a look {r['worth_a_look']} ({share})")
        if report["unlabelled"]:
            print(f"{len(report['unlabelled'])} unlabelled: add them to {args.labels.name}")
    if args.show:
        for f in errors + sample:
            if f[:4] in labels:
                continue
            uk, en, ss, ts = texts[(f[0], f[1])]
            print(f"\n{f[0]}\t{f[1]}\t{f[2]}\t{f[3]}\t[{f[4]}] {f[5]}")
            for label, text, span in (("uk", uk, ss), ("en", en, ts)):
                if span:
                    text = text[:span[0]] + "⟦" + text[span[0]:span[1]] + "⟧" + text[span[1]:]
                print(f"   {label}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
