#!/usr/bin/env python3
"""Speed and memory of editflow's paragraph aligner, measured (not estimated).

(a) typical articles: align_paragraphs wall time on the corpus documents with
    40-80 paragraphs a side (the largest ones if none reach 40) and on a
    synthetic 80-paragraph article made by concatenating corpus documents;
    one untimed warm-up call, then median and max over --reps calls, without
    a lexicon (target: median <= 20 ms) and with the --lexicon (default: the
    starter lexicon; target: median <= 40 ms);
(b) the CLI: `editflow align ORIG TRANS -o out.tsv` on that 80-paragraph
    pair written to a temporary directory, wall time including interpreter
    start-up (the `editflow` script next to sys.executable, else
    `python -m editflow`); one untimed warm-up run, median of --cli-reps
    (target <= 0.5 s);
(c) book length: the whole corpus concatenated (every uk document in one
    file, every en one in another, same order; ~3,300 paragraphs a side),
    aligned in a fresh subprocess that reports the align_paragraphs time and
    its own peak RSS (ru_maxrss) (targets <= 3 s, <= 500 MB), then the
    corpus concatenated twice (target: time and memory at most double);
    both alignments are scored against the identity gold (strict F1).  The
    book is aligned with the --lexicon, loaded before the clock starts.

    python benchmarks/speed.py
    python benchmarks/speed.py --reps 50 --json benchmarks/.cache/speed.json
    python benchmarks/speed.py --aligner standin      # before editflow.align exists
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import _lexicon  # noqa: E402

TARGET_ARTICLE_MS = 20.0
TARGET_ARTICLE_LEX_MS = 40.0
TARGET_CLI_S = 0.5
TARGET_BOOK_S = 3.0
TARGET_BOOK_MB = 500.0
TARGET_RATIO = 2.0


def _maxrss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024  # bytes on macOS, KiB on Linux


# --------------------------------------------------------------------------
# the child process of (c)
# --------------------------------------------------------------------------

def child_book(uk: str, en: str, out: str, aligner: str, lexicon: str = "none") -> int:
    t_start = time.perf_counter()
    fn, label = _common.resolve_aligner(aligner)
    lex = None
    if lexicon != "none":
        lexicon_for, lex_label = _lexicon.resolve(lexicon, _common.DEFAULT_CORPUS, quiet=True)
        lex = lexicon_for("")
        label += ", " + lex_label
    t_imported = time.perf_counter()
    src = _common.read_paragraphs(uk)
    tgt = _common.read_paragraphs(en)
    rss_before = _maxrss_mb()
    t0 = time.perf_counter()
    beads = fn(src, tgt, lexicon=lex) if lex is not None else fn(src, tgt)
    t1 = time.perf_counter()
    rss = _maxrss_mb()
    Path(out).write_text(_common.format_beads(beads), encoding="utf-8")
    print(json.dumps({"align_s": t1 - t0, "import_s": t_imported - t_start, "maxrss_mb": rss,
                      "maxrss_before_align_mb": rss_before, "n_src": len(src), "n_tgt": len(tgt),
                      "beads": len(beads), "aligner": label}))
    return 0


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def load_corpus(corpus: Path) -> List[Tuple[str, List[str], List[str]]]:
    docs = []
    for name in _common.corpus_names(corpus):
        docs.append((name, _common.read_paragraphs(corpus / (name + ".uk.txt")),
                     _common.read_paragraphs(corpus / (name + ".en.txt"))))
    return docs


def orig_langs(corpus: Path) -> Dict[str, str]:
    out = {}
    man = corpus / "manifest.tsv"
    if man.is_file():
        lines = man.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            cols = line.split("\t")
            out[cols[head.index("name")]] = cols[head.index("orig_lang")]
    return out


def synthetic_article(docs, langs, n=80) -> Tuple[List[str], List[str], List[str]]:
    """n paragraphs a side from whole corpus documents (Ukrainian originals first)."""
    ordered = [d for d in docs if langs.get(d[0]) == "uk" and len(d[1]) == len(d[2])] + \
              [d for d in docs if langs.get(d[0]) != "uk" and len(d[1]) == len(d[2])]
    uk, en, used = [], [], []
    for name, u, e in ordered:
        if len(uk) >= n:
            break
        uk += u
        en += e
        used.append(name)
    return uk[:n], en[:n], used


def strict_f1(score, n_src: int, n_tgt: int, beads) -> float:
    c = score.Counts()
    gold = [((i,), (i,)) for i in range(min(n_src, n_tgt))]
    pred = [(tuple(b[0]), tuple(b[1])) for b in beads]
    c.add(gold, pred, False, "")
    return c.result()["strict"]["f1"]


def ms(x: float) -> str:
    return "%.1f ms" % (x * 1000)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, value, target="", ok: Optional[bool] = None):
        self.rows.append((what, value, target, "" if ok is None else ("PASS" if ok else "FAIL")))

    def render(self) -> str:
        w = max(len(r[0]) for r in self.rows)
        out = ["%-*s  %16s  %10s  %s" % (w, "measure", "value", "target", "result")]
        for what, value, target, res in self.rows:
            out.append("%-*s  %16s  %10s  %s" % (w, what, value, target, res))
        return "\n".join(out)


# --------------------------------------------------------------------------
# (a) typical articles
# --------------------------------------------------------------------------

def _timed(fn, reps: int):
    t0 = time.perf_counter()
    beads = fn()
    first = time.perf_counter() - t0
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return beads, first, statistics.median(times), max(times)


def bench_articles(fn, docs, langs, reps: int, score, table: Table, res: Dict, lex=None, lex_label="") -> None:
    typical = [d for d in docs if 40 <= len(d[1]) <= 80 and 40 <= len(d[2]) <= 80]
    note = ""
    if not typical:
        typical = sorted(docs, key=lambda d: -(len(d[1]) + len(d[2])))[:3]
        note = " (none has 40-80 paragraphs: the largest)"
    uk80, en80, used = synthetic_article(docs, langs, 80)
    articles = [(name, u, e) for name, u, e in typical] + [("synthetic-80 (%d docs)" % len(used), uk80, en80)]
    res["articles"] = []
    print("(a) align_paragraphs on %d articles%s, %d repetitions each ..." % (len(articles), note, reps),
          file=sys.stderr, flush=True)
    variants = [("", None, TARGET_ARTICLE_MS)]
    if lex is not None:
        variants.append((" +lexicon", lex, TARGET_ARTICLE_LEX_MS))
    for name, u, e in articles:
        for tag, lx, target in variants:
            call = (lambda: fn(list(u), list(e), lexicon=lx)) if lx is not None else (lambda: fn(list(u), list(e)))
            beads, first, med, mx = _timed(call, reps)
            f1 = strict_f1(score, len(u), len(e), [(b.src, b.tgt) for b in beads])
            res["articles"].append({"name": name, "lexicon": lex_label if lx is not None else None,
                                    "n_src": len(u), "n_tgt": len(e), "first_s": first, "median_s": med,
                                    "max_s": mx, "reps": reps, "strict_f1": f1, "target_ms": target,
                                    "pass": med * 1000 <= target})
            label = "%s %d/%d%s, median" % (name[:30], len(u), len(e), tag)
            table.add("(a) " + label, ms(med), "<= %g ms" % target, med * 1000 <= target)
            table.add("    max of %d (first call %s), strict F1 %.3f" % (reps, ms(first), f1), ms(mx))
    res["synthetic_docs"] = used


# --------------------------------------------------------------------------
# (b) the CLI
# --------------------------------------------------------------------------

def cli_command() -> List[str]:
    exe = Path(sys.executable).parent / ("editflow.exe" if os.name == "nt" else "editflow")
    if exe.is_file() and os.access(exe, os.X_OK):
        return [str(exe)]
    return [sys.executable, "-m", "editflow"]


def bench_cli(docs, langs, reps: int, score, table: Table, res: Dict) -> None:
    uk80, en80, _ = synthetic_article(docs, langs, 80)
    base = cli_command()
    print("(b) %s align, 80 paragraphs, %d runs ..." % (" ".join(base), reps), file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="editflow-speed-") as tmp:
        tmp = Path(tmp)
        orig, trans, out = tmp / "orig.txt", tmp / "trans.txt", tmp / "out.tsv"
        _common.write_paragraphs(orig, uk80)
        _common.write_paragraphs(trans, en80)
        cmd = base + ["align", str(orig), str(trans), "-o", str(out)]
        times = []
        for k in range(reps + 1):  # run 0 is an untimed warm-up (pyc files, disk cache)
            if out.exists():
                out.unlink()
            t0 = time.perf_counter()
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp)
            except subprocess.TimeoutExpired:
                res["cli"] = {"error": "timed out after 120 s", "command": cmd}
                table.add("(b) editflow align CLI, 80 paragraphs", "timeout", "<= %g s" % TARGET_CLI_S, False)
                return
            dt = time.perf_counter() - t0
            if proc.returncode != 0 or not out.is_file():
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
                res["cli"] = {"error": "exit %d: %s" % (proc.returncode, " | ".join(tail)), "command": cmd}
                table.add("(b) editflow align CLI: failed (exit %d)" % proc.returncode, "-",
                          "<= %g s" % TARGET_CLI_S, False)
                print("CLI failed: %s\n  %s" % (" ".join(cmd), "\n  ".join(tail)), file=sys.stderr)
                return
            if k == 0:
                warm = dt
            else:
                times.append(dt)
        try:
            beads = score.read_alignment(str(out))
            f1 = strict_f1(score, len(uk80), len(en80), beads)
        except Exception as e:
            f1 = None
            print("could not read the CLI's output: %s" % e, file=sys.stderr)
        # for reference: start-up alone (interpreter + click, no alignment)
        startup = []
        for _ in range(reps):
            t0 = time.perf_counter()
            proc = subprocess.run(base + ["--help"], capture_output=True, text=True, timeout=60, cwd=tmp)
            startup.append(time.perf_counter() - t0)
    med = statistics.median(times)
    res["cli"] = {"command": " ".join(base) + " align ORIG TRANS -o out.tsv", "warmup_s": warm,
                  "median_s": med, "max_s": max(times), "runs": reps, "strict_f1": f1,
                  "help_median_s": statistics.median(startup), "pass": med <= TARGET_CLI_S,
                  "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE")}
    table.add("(b) editflow align CLI (starter lexicon), 80 paragraphs, median of %d" % reps, "%.3f s" % med,
              "<= %g s" % TARGET_CLI_S, med <= TARGET_CLI_S)
    table.add("    max %.3f s, warm-up run %.3f s, strict F1 %s" % (max(times), warm,
                                                                    "%.3f" % f1 if f1 is not None else "?"), "")
    table.add("    for reference: `editflow --help` (start-up only), median", "%.3f s" % statistics.median(startup))


# --------------------------------------------------------------------------
# (c) book length
# --------------------------------------------------------------------------

def run_child(uk: Path, en: Path, out: Path, aligner: str, timeout: int, lexicon: str = "none") -> Dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-book", str(uk), str(en), str(out),
           "--aligner", aligner, "--lexicon", lexicon]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after %d s" % timeout}
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        return {"error": "exit %d: %s" % (proc.returncode, " | ".join(tail))}
    try:
        r = json.loads(proc.stdout.strip().splitlines()[-1])
    except Exception:
        return {"error": "unreadable child output: %r" % proc.stdout[-200:]}
    r["process_wall_s"] = wall
    return r


def bench_book(docs, aligner: str, reps: int, timeout: int, score, table: Table, res: Dict,
               lexicon: str = "none") -> None:
    uk_all = [p for _, u, e in docs for p in u]
    en_all = [p for _, u, e in docs for p in e]
    res["book"] = {}
    with tempfile.TemporaryDirectory(prefix="editflow-book-") as tmp:
        tmp = Path(tmp)
        for label, times in (("single", 1), ("double", 2)):
            uk, en = tmp / ("%s.uk.txt" % label), tmp / ("%s.en.txt" % label)
            _common.write_paragraphs(uk, uk_all * times)
            _common.write_paragraphs(en, en_all * times)
            runs = []
            print("(c) book %s: %d/%d paragraphs, %d run(s) in a fresh process ..."
                  % (label, len(uk_all) * times, len(en_all) * times, reps), file=sys.stderr, flush=True)
            for k in range(reps):
                out = tmp / ("%s.%d.tsv" % (label, k))
                r = run_child(uk, en, out, aligner, timeout, lexicon)
                if "error" in r:
                    runs = [r]
                    break
                if k == 0:
                    r["strict_f1"] = strict_f1(score, r["n_src"], r["n_tgt"], score.read_alignment(str(out)))
                runs.append(r)
            if "error" in runs[0]:
                res["book"][label] = runs[0]
                print("book %s failed: %s" % (label, runs[0]["error"]), file=sys.stderr)
                continue
            res["book"][label] = {
                "n_src": runs[0]["n_src"], "n_tgt": runs[0]["n_tgt"], "runs": len(runs),
                "align_s": min(r["align_s"] for r in runs),            # best of the runs
                "align_s_all": [r["align_s"] for r in runs],
                "maxrss_mb": max(r["maxrss_mb"] for r in runs),        # worst of the runs
                "maxrss_before_align_mb": runs[0]["maxrss_before_align_mb"],
                "process_wall_s": min(r["process_wall_s"] for r in runs),
                "import_s": runs[0]["import_s"], "strict_f1": runs[0]["strict_f1"],
                "aligner": runs[0]["aligner"]}
    for label in ("single", "double"):
        b = res["book"].get(label, {})
        tag = "book" if label == "single" else "doubled book"
        if "error" in b:
            table.add("(c) %s: %s" % (tag, b["error"][:60]), "-", "", False)
            continue
        if label == "single":
            table.add("(c) book %d/%d paragraphs: align time (best of %d)" % (b["n_src"], b["n_tgt"], b["runs"]),
                      "%.2f s" % b["align_s"], "<= %g s" % TARGET_BOOK_S, b["align_s"] <= TARGET_BOOK_S)
            table.add("    peak RSS of the child process", "%.0f MB" % b["maxrss_mb"],
                      "<= %g MB" % TARGET_BOOK_MB, b["maxrss_mb"] <= TARGET_BOOK_MB)
        else:
            table.add("(c) doubled %d/%d: align time (best of %d)" % (b["n_src"], b["n_tgt"], b["runs"]),
                      "%.2f s" % b["align_s"])
            table.add("    peak RSS of the child process", "%.0f MB" % b["maxrss_mb"])
        table.add("    (process wall %.2f s, RSS before aligning %.0f MB), strict F1"
                  % (b["process_wall_s"], b["maxrss_before_align_mb"]), "%.3f" % b["strict_f1"])
    s, d = res["book"].get("single", {}), res["book"].get("double", {})
    if "align_s" in s and "align_s" in d:
        tr = d["align_s"] / s["align_s"] if s["align_s"] > 0 else float("inf")
        mr = d["maxrss_mb"] / s["maxrss_mb"] if s["maxrss_mb"] > 0 else float("inf")
        res["book"]["time_ratio"], res["book"]["rss_ratio"] = tr, mr
        table.add("(c) doubled / single: time", "%.2fx" % tr, "<= %gx" % TARGET_RATIO, tr <= TARGET_RATIO)
        table.add("    doubled / single: peak RSS", "%.2fx" % mr, "<= %gx" % TARGET_RATIO, mr <= TARGET_RATIO)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--corpus", default=str(_common.DEFAULT_CORPUS),
                    help="corpus directory (default ../shared/corpus from the project root)")
    ap.add_argument("--bench", default=str(_common.DEFAULT_SHARED_BENCH),
                    help="directory of score.py (default ../shared/bench)")
    ap.add_argument("--aligner", default="editflow", help=_common.ALIGNER_HELP)
    ap.add_argument("--reps", type=int, default=25, help="timed calls per article in (a) (default 25, >= 20)")
    ap.add_argument("--cli-reps", type=int, default=5, help="timed CLI runs in (b) (default 5)")
    ap.add_argument("--book-reps", type=int, default=2,
                    help="fresh-process runs per book size in (c); time = best, RSS = worst (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per book run (default 600)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: articles, cli, book")
    ap.add_argument("--lexicon", default="starter",
                    help="lexicon for (a)'s second timing and for (c): starter (default), none, or a lexicon "
                         "file (benchmarks/_lexicon.py; cv is not meaningful here)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH ('-' = stdout)")
    ap.add_argument("--child-book", nargs=3, metavar=("UK", "EN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_book:
        return child_book(*args.child_book, aligner=args.aligner, lexicon=args.lexicon)

    corpus = _common.check_corpus(args.corpus)
    score = _common.load_score(args.bench)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    docs = load_corpus(corpus)
    langs = orig_langs(corpus)
    table = Table()
    res: Dict = {"python": sys.version.split()[0], "platform": sys.platform, "cpus": os.cpu_count(),
                 "aligner_spec": args.aligner}
    rc = 0
    try:
        fn, label = _common.resolve_aligner(args.aligner)
        res["aligner"] = label
    except _common.AlignerUnavailable as e:
        fn, label = None, None
        print("aligner unavailable: %s" % e, file=sys.stderr)
        res["aligner_error"] = str(e)
        rc = 1

    if "articles" not in skip:
        if fn is None:
            table.add("(a) typical articles: aligner unavailable", "-", "<= %g ms" % TARGET_ARTICLE_MS, False)
        else:
            lex = lex_label = None
            if args.lexicon != "none":
                lexicon_for, lex_label = _lexicon.resolve(args.lexicon, corpus, quiet=True)
                lex = lexicon_for("")
            bench_articles(fn, docs, langs, max(1, args.reps), score, table, res, lex, lex_label)
    if "cli" not in skip:
        bench_cli(docs, langs, max(1, args.cli_reps), score, table, res)
    if "book" not in skip:
        if fn is None:
            table.add("(c) book: aligner unavailable", "-", "<= %g s" % TARGET_BOOK_S, False)
        else:
            bench_book(docs, args.aligner, max(1, args.book_reps), args.timeout, score, table, res, args.lexicon)

    print()
    try:
        res["loadavg_at_end"] = os.getloadavg()
    except OSError:
        pass
    print("aligner: %s   (python %s, %d CPUs, load average %s)" % (
        label or "unavailable", res["python"], res["cpus"] or 0,
        " ".join("%.1f" % x for x in res.get("loadavg_at_end", ())) or "?"))
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and "cli" not in skip:
        print("note: PYTHONDONTWRITEBYTECODE is set, so the CLI runs recompile every module not "
              "already byte-compiled (e.g. an editable install's sources)")
    if (res.get("loadavg_at_end") or (0,))[0] > (res["cpus"] or 1):
        print("note: the machine was busy (load average above the CPU count): timings are pessimistic")
    if args.aligner != "editflow":
        print("note: (a) and (c) measure --aligner %s; (b) always runs the editflow CLI" % args.aligner)
    print(table.render())
    res["table"] = [dict(zip(("measure", "value", "target", "result"), r)) for r in table.rows]
    if any(r[3] == "FAIL" for r in table.rows):
        rc = rc or 1
    if args.json:
        text = json.dumps(res, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(text + "\n", encoding="utf-8")
            print("JSON written to %s" % args.json, file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
