#!/usr/bin/env python3
"""The project lexicon's costs: training it from a desk-sized translation memory, skipping that when
the memory did not change, and `editflow align` inside the project (start-up and loading it included).

A project under benchmarks/.cache/lexicon-project/ gets a translation memory of --articles articles
(default 500) of --pairs paragraph pairs each (default 40), cycled from the corpus's 3,282 paragraph
pairs (the corpus has no more text: a real desk's vocabulary is larger, so its lexicon is too), put
into .editflow/tm.sqlite directly.  Then, each in a fresh process:

  1. train: editflow.lexicons.refresh_lexicon on that memory (target <= 60 s), its peak RSS;
  2. again: the same with nothing changed (skipped: the memory's fingerprint is unchanged);
  3. the CLI: `editflow align` of the 80-paragraph article of speed.py inside the project, which
     loads the project's lexicon (target <= 0.5 s), median of --reps after a warm-up run.

    python benchmarks/lexicon_speed.py [--articles 500] [--pairs 40] [--reps 5] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import speed  # noqa: E402

TARGET_TRAIN_S = 60.0
TARGET_CLI_S = 0.5

CHILD = """
import json, resource, sys, time
from pathlib import Path
from editflow.lexicons import refresh_lexicon
t = time.perf_counter()
r = refresh_lexicon(Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - t, "trained": r.trained, "pairs": r.pairs,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_memory(root: Path, corpus: Path, articles: int, pairs: int) -> int:
    from editflow.project import init_project
    from editflow.tm import TranslationMemory, source_key, tm_path

    init_project(root)
    names = _common.corpus_names(corpus)
    units = []
    for name in names:
        units += list(zip(_common.read_paragraphs(corpus / (name + ".uk.txt")),
                          _common.read_paragraphs(corpus / (name + ".en.txt")), strict=False))
    path = tm_path(root)
    if path.exists():
        path.unlink()
    k = 0
    with TranslationMemory.open(path) as mem, mem.conn:
        for a in range(articles):
            slug = "article-%03d" % a
            mem.conn.execute("INSERT INTO articles (slug, po_path, po_sha256) VALUES (?, ?, ?)",
                             (slug, f"translations/{slug}.po", "%064x" % a))
            rows = []
            for e in range(pairs):
                uk, en = units[k % len(units)]
                k += 1
                rows.append((slug, "%08x" % e, uk, en, source_key(uk)))
            mem.conn.executemany("INSERT INTO units (slug, entry, source, target, source_key) VALUES (?, ?, ?, ?, ?)",
                                 rows)
    return k


def run_child(root: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(root)], capture_output=True, text=True, timeout=600)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_cli(root: Path, corpus: Path, reps: int) -> dict:
    docs = speed.load_corpus(corpus)
    uk, en, _ = speed.synthetic_article(docs, speed.orig_langs(corpus), 80)
    _common.write_paragraphs(root / "originals" / "article.uk.txt", uk)
    _common.write_paragraphs(root / "translations" / "article.en.txt", en)
    cmd = speed.cli_command() + ["align", "originals/article.uk.txt", "translations/article.en.txt",
                                 "-o", "translations/article.tsv", "-f"]
    times = []
    for k in range(reps + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=root, timeout=120)
        dt = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(proc.stderr)
        if k:
            times.append(dt)
    return {"median_s": statistics.median(times), "max_s": max(times), "runs": reps}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(_common.DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--pairs", type=int, default=40, help="paragraph pairs per article")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", metavar="PATH")
    args = ap.parse_args(argv)
    corpus = _common.check_corpus(args.corpus)
    root = _common.CACHE / "lexicon-project"
    n = make_memory(root, corpus, args.articles, args.pairs)
    lexicon = root / ".editflow" / "lexicon.json.gz"
    if lexicon.exists():
        lexicon.unlink()
    print("memory: %d articles, %d pairs; training in a fresh process ..." % (args.articles, n), file=sys.stderr)
    train = run_child(root)
    again = run_child(root)
    print("align CLI inside the project ...", file=sys.stderr)
    cli = bench_cli(root, corpus, args.reps)
    res = {"articles": args.articles, "pairs": n, "train": train, "again": again, "cli": cli,
           "lexicon_bytes": lexicon.stat().st_size, "loadavg": os.getloadavg()}
    rows = [
        ("train the lexicon from %d articles (%d pairs)" % (args.articles, n), "%.1f s" % train["seconds"],
         "<= %g s" % TARGET_TRAIN_S, train["seconds"] <= TARGET_TRAIN_S and train["trained"]),
        ("    peak RSS of the training process; word pairs; file size", "%.0f MB; %d; %.0f KB" % (
            train["maxrss_mb"], train["pairs"], res["lexicon_bytes"] / 1024), "", None),
        ("again, memory unchanged (skipped)", "%.2f s" % again["seconds"], "", not again["trained"]),
        ("editflow align inside the project, 80 paragraphs, median of %d" % args.reps,
         "%.3f s" % cli["median_s"], "<= %g s" % TARGET_CLI_S, cli["median_s"] <= TARGET_CLI_S),
    ]
    print("load average %s" % " ".join("%.1f" % x for x in res["loadavg"]))
    for what, value, target, ok in rows:
        print("%-70s %18s %10s %s" % (what, value, target, "" if ok is None else ("PASS" if ok else "FAIL")))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
