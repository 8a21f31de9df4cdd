#!/usr/bin/env python3
"""`editflow build` at desk scale: a 15,000-term glossary and twelve small articles.

Issue 13 §6: the glossary must be read and indexed once per run (or per worker), not once per
article, so twelve small articles must not take four times as long as one.  The glossary is made
at run time from Ukrainian words of the NTREX documents in ../shared/corpus (each a term with a
placeholder rendering; nothing is committed), the articles are the twelve smallest corpus
documents with at least three paragraphs.  Wall time of `editflow build -j N` from scratch, median
of --runs runs, for one article and for twelve.

    python benchmarks/desk_scale.py
    python benchmarks/desk_scale.py --terms 15000 --runs 3 --jobs 1
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

_WORD = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії'’]{5,}")


def glossary_csv(corpus: Path, n: int) -> str:
    words: dict[str, None] = {}
    for name in _common.corpus_names(corpus):
        if not name.startswith("ntrex128-"):
            continue
        for w in _WORD.findall((corpus / f"{name}.uk.txt").read_text(encoding="utf-8")):
            words.setdefault(w.lower(), None)
    pool = list(words)
    terms: list[str] = []
    # Single words first, then two-word terms made from them, until there are n.
    terms += pool[:n]
    k = 0
    while len(terms) < n and k + 1 < len(pool):
        terms.append(f"{pool[k]} {pool[k + 1]}")
        k += 2
    rows = ["uk,en,forbidden,note,context,case,match"]
    rows += [f'"{t}",term{i},,,,,' for i, t in enumerate(terms[:n])]
    return "\n".join(rows) + "\n"


def make_project(corpus: Path, dest: Path, articles: int, glossary: str) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    for d in ("originals", "translations", "glossary"):
        (dest / d).mkdir(parents=True)
    (dest / "glossary" / "terms.csv").write_text(glossary, encoding="utf-8")
    names = [n for n in _common.corpus_names(corpus)
             if len(_common.read_paragraphs(corpus / f"{n}.uk.txt")) >= 3]
    names.sort(key=lambda n: len((corpus / f"{n}.uk.txt").read_text(encoding="utf-8")))
    for n in names[:articles]:
        shutil.copy(corpus / f"{n}.uk.txt", dest / "originals" / f"{n}.uk.txt")
        shutil.copy(corpus / f"{n}.en.txt", dest / "translations" / f"{n}.en.txt")


def timed_build(project: Path, jobs: int) -> float:
    for d in ("build", ".editflow"):
        shutil.rmtree(project / d, ignore_errors=True)
    for po in (project / "translations").glob("*.po"):
        po.unlink()
    exe = Path(sys.executable).with_name("editflow")
    start = time.perf_counter()
    proc = subprocess.run([str(exe), "build", "-C", str(project), "-j", str(jobs)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--terms", type=int, default=15000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="build workers (default 1: the per-article cost alone)")
    args = ap.parse_args()
    glossary = glossary_csv(args.corpus, args.terms)
    n_terms = glossary.count("\n") - 1
    results = {}
    for articles in (1, 12):
        project = _common.CACHE / f"desk{articles}"
        make_project(args.corpus, project, articles, glossary)
        times = [timed_build(project, args.jobs) for _ in range(args.runs)]
        results[articles] = statistics.median(times)
        print(f"{articles:2} article(s), {n_terms} terms, -j {args.jobs}: median {results[articles]:.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    ratio = results[12] / results[1]
    print(f"twelve articles / one article: {ratio:.2f}x (target < 4x)")
    return 0 if ratio < 4 else 1


if __name__ == "__main__":
    sys.exit(main())
