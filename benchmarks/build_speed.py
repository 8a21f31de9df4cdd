#!/usr/bin/env python3
"""Speed of the project workflow, measured: `editflow build`, a re-run, `status`, `--help`.

A project of --articles articles (default 200) is made under
benchmarks/.cache/project<N>/ from ../shared/corpus at run time (the largest
documents first, so the project is not made of two-line snippets; the texts
are read from ../shared, never committed), with the sample glossary.  Then,
each as a subprocess of the `editflow` command next to this Python, wall time:

  1. `editflow build` from scratch (align, check, publication and review
     export of every article, one worker per core)     target <= 60 s
  2. `editflow build` again, nothing changed            target <= 5 s
  3. `editflow status`                                  target <= 1 s
  4. `editflow --help`                                  target <= 0.3 s
  5. `editflow tm rebuild` from an empty memory (every article's pairs
     and sentence pairs again; the lexicon is not retrained, the memory
     holding what it held)                               target <= 30 s

    python benchmarks/build_speed.py
    python benchmarks/build_speed.py --articles 50 --json benchmarks/.cache/build.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGETS = {"build": 60.0, "rebuild": 5.0, "status": 1.0, "help": 0.3, "tm rebuild": 30.0}


def editflow_cmd() -> list[str]:
    script = Path(sys.executable).with_name("editflow")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editflow"]


def make_project(corpus: Path, n: int, dest: Path) -> int:
    if dest.exists():
        shutil.rmtree(dest)
    for d in ("originals", "translations", "glossary"):
        (dest / d).mkdir(parents=True)
    shutil.copy(_common.ROOT / "glossary" / "terms.csv", dest / "glossary" / "terms.csv")
    names = _common.corpus_names(corpus)
    sized = sorted(names, key=lambda nm: -len(_common.read_paragraphs(corpus / f"{nm}.uk.txt")))[:n]
    paras = 0
    for nm in sized:
        uk = (corpus / f"{nm}.uk.txt").read_text(encoding="utf-8")
        en = (corpus / f"{nm}.en.txt").read_text(encoding="utf-8")
        (dest / "originals" / f"{nm}.uk.txt").write_text(uk, encoding="utf-8")
        (dest / "translations" / f"{nm}.en.txt").write_text(en, encoding="utf-8")
        paras += len(_common.split_paragraphs(uk))
    return paras


def run(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t, p.returncode, p.stdout + p.stderr


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--reps", type=int, default=3, help="runs of the fast commands (median reported)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    corpus = _common.check_corpus(args.corpus)
    dest = _common.CACHE / f"project{args.articles}"
    paras = make_project(corpus, args.articles, dest)
    cmd = editflow_cmd()
    print(f"project: {args.articles} articles, {paras} Ukrainian paragraphs, in {dest}", file=sys.stderr)

    res: dict[str, float] = {}
    t, rc, out = run(cmd + ["build"], dest)
    if rc not in (0, 1):
        print(out, file=sys.stderr)
        return 2
    res["build"] = t
    built = sum(1 for line in out.splitlines() if line.rstrip().endswith("built"))
    res["rebuild"] = statistics.median(run(cmd + ["build"], dest)[0] for _ in range(args.reps))
    res["status"] = statistics.median(run(cmd + ["status"], dest)[0] for _ in range(args.reps))
    res["help"] = statistics.median(run(cmd + ["--help"], dest)[0] for _ in range(args.reps))
    memory = dest / ".editflow" / "tm.sqlite"

    def tm_rebuild() -> float:
        memory.unlink(missing_ok=True)
        t, rc, out = run(cmd + ["tm", "rebuild"], dest)
        if rc != 0:
            raise SystemExit(out)
        return t

    res["tm rebuild"] = statistics.median(tm_rebuild() for _ in range(args.reps))

    load = os.getloadavg()
    print(f"\n{os.cpu_count()} CPUs, load average {load[0]:.1f}; articles built: {built}")
    print(f"{'measure':40} {'value':>9} {'target':>9}  result")
    for key, label in (("build", "build from scratch"), ("rebuild", "build again, nothing changed (median)"),
                       ("status", "status (median)"), ("help", "editflow --help (median)"),
                       ("tm rebuild", "tm rebuild, empty memory (median)")):
        ok = res[key] <= TARGETS[key]
        print(f"{label:40} {res[key]:8.2f}s {TARGETS[key]:8.1f}s  {'PASS' if ok else 'FAIL'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"articles": args.articles, "paragraphs": paras, "built": built,
                                         "seconds": res, "targets": TARGETS}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
