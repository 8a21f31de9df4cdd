#!/usr/bin/env python3
"""Pin and re-align: how far the translator's few pins repair what the aligner got wrong, and how fast.

(a) repair: on the hard cases (benchmarks/make_hard_cases.py) that editflow aligns wrongly, a
    simulated translator works the way the alignment editor lets them: the first true pair the
    pairing lacks (in reading order) is linked as a pinned row (`editflow.pairing.link`; a true
    omission or addition is pinned on its own), then everything not pinned is re-aligned
    (`editflow.pairing.realign`), up to three times.  Reports the share of cases that become
    exactly the gold alignment (target >= 80%) and the mean number of pins they needed.  The whole
    path is the product's: the alignment written as a PO, read back as a pairing, operated on.
(b) speed of the operations on an 80-paragraph article (corpus documents concatenated, as
    speed.py makes it): median and max wall time of each operation over --reps calls, the
    editor's page data (page_json) and the checks' findings per row included (target: any
    operation <= 200 ms);
(c) re-alignment of a book: the corpus concatenated to ~3,300 paragraphs a side, one row pinned
    near the top, re-aligned (best of --book-reps; target <= 3 s).

The lexicon is the one the product would use on the cases (default: cross-validated by corpus
document, so a case never meets a lexicon trained on its own document; see _lexicon.py).

    python benchmarks/pin_realign.py
    python benchmarks/pin_realign.py --lexicon none --limit 100 --json benchmarks/.cache/pin_realign.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import _lexicon

Bead = tuple[tuple[int, ...], tuple[int, ...]]

PIN_TARGET, OP_TARGET_MS, BOOK_TARGET_S = 0.80, 200.0, 3.0


def write_po(uk: list[str], en: list[str], lexicon, folder: Path, name: str = "case"):
    """The case aligned as `editflow align` would (roles read off the text), written as a PO; its pairing."""
    from editflow.align import align
    from editflow.model import Document, Paragraph
    from editflow.pairing import load_pairing
    from editflow.po import write_po as po_write

    src = Document([Paragraph(t) for t in uk], lang="uk")
    tgt = Document([Paragraph(t) for t in en], lang="en")
    al = align(src, tgt, lexicon=lexicon)
    path = folder / f"{name}.po"
    po_write(al, path)
    return load_pairing(path)


def beads_of(p) -> list[Bead]:
    uk_at = {q.pid: k for k, q in enumerate(p.paragraphs("uk"))}
    en_at = {q.pid: k for k, q in enumerate(p.paragraphs("en"))}
    return [(tuple(uk_at[q.pid] for q in r.uk), tuple(en_at[q.pid] for q in r.en)) for r in p.rows]


def repair(p, gold: list[Bead], ctx, max_pins: int = 3) -> tuple[bool, int]:
    """(exact at the end, pins made): pin the first missing true pair, re-align, up to `max_pins` times."""
    from editflow.pairing import link, realign

    gold_set = set(gold)
    for pins in range(1, max_pins + 1):
        have = set(beads_of(p))
        missing = next(b for b in gold if b not in have)
        p = link(p, [i + 1 for i in missing[0]], [j + 1 for j in missing[1]], confirm=True)
        p = realign(p, ctx, confirm=True)
        if set(beads_of(p)) == gold_set:
            return True, pins
    return False, max_pins


def bench_repair(args, score, corpus: Path, res: dict[str, Any]) -> None:
    from editflow.pairing import RealignContext

    hard = Path(args.hard)
    if not (hard / "manifest.tsv").is_file():
        import make_hard_cases

        print(f"making the hard cases in {hard} ...", file=sys.stderr)
        if make_hard_cases.generate(corpus, hard, n_cases=1200, seed=11, bench=args.bench, quiet=True) != 0:
            raise SystemExit("could not make the hard cases")
    import accuracy

    docs = accuracy.load_hard(hard, score, args.limit)
    lexicon_for, lex_label = _lexicon.resolve(args.lexicon, corpus)
    res["lexicon"] = lex_label
    wrong = 0
    outcomes: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="editflow-pins-") as tmp:
        for d in docs:
            lex = lexicon_for(d.doc)
            gold = [(tuple(s), tuple(t)) for s, t in d.gold]
            p = write_po(d.src, d.tgt, lex, Path(tmp))
            if set(beads_of(p)) == set(gold):
                continue
            wrong += 1
            exact, pins = repair(p, gold, RealignContext(lexicon=lex))
            outcomes.append({"case": d.key, "ops": d.ops, "exact": exact, "pins": pins})
    res["seconds"] = round(time.perf_counter() - t0, 1)
    res["cases"] = len(docs)
    res["wrong"] = wrong
    fixed = [o for o in outcomes if o["exact"]]
    res["exact"] = len(fixed)
    res["share"] = len(fixed) / wrong if wrong else None
    res["mean_pins_fixed"] = statistics.mean(o["pins"] for o in fixed) if fixed else None
    res["pins_histogram"] = dict(sorted(Counter(o["pins"] for o in fixed).items()))
    res["not_fixed"] = [o["case"] for o in outcomes if not o["exact"]]
    by_op: dict[str, list[int]] = {}
    for o in outcomes:
        for op in o["ops"]:
            by_op.setdefault(op, [0, 0])
            by_op[op][0] += o["exact"]
            by_op[op][1] += 1
    res["by_op"] = by_op


# --------------------------------------------------------------------------- speed


def _timed(fn: Callable[[], Any], reps: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def article(corpus: Path, n: int) -> tuple[list[str], list[str]]:
    import speed

    docs = speed.load_corpus(corpus)
    uk, en, _used = speed.synthetic_article(docs, speed.orig_langs(corpus), n)
    return uk, en


def bench_ops(args, corpus: Path, res: dict[str, Any]) -> None:
    from editflow import pairing as pg
    from editflow.pairing import RealignContext

    lexicon_for, _label = _lexicon.resolve("starter" if args.lexicon != "none" else "none", corpus)
    lex = lexicon_for("")
    ctx = RealignContext(lexicon=lex)
    uk, en = article(corpus, 80)
    with tempfile.TemporaryDirectory(prefix="editflow-ops-") as tmp:
        p = write_po(uk, en, lex, Path(tmp), "article")
        mid = len(p.rows) // 2
        two = next(k for k in range(mid, len(p.rows)) if p.rows[k].uk and p.rows[k].en)
        q_link = pg.link(p, [p.number(p.rows[two].uk[0])], [p.number(p.rows[two].en[0])])
        unpaired = pg.unpair(p, two)
        en_n = p.number(p.rows[two].en[0])
        ops: dict[str, Callable[[], Any]] = {
            "join": lambda: pg.join(p, mid, "next"),
            "split_row": lambda: pg.split_row(pg.join(p, mid, "next"), mid, len(p.rows[mid].uk), len(p.rows[mid].en)),
            "unpair": lambda: pg.unpair(p, two),
            "pair_rows": lambda: pg.pair_rows(unpaired, two, "next"),
            "move_paragraph": lambda: pg.move_paragraph(p, "en", en_n, "prev"),
            "edit_english": lambda: pg.edit_english(p, two, p.rows[two].en[0].text + " Edited."),
            "split_paragraph": lambda: pg.split_paragraph(p, "en", en_n, len(p.rows[two].en[0].text) // 2),
            "pin": lambda: pg.pin(p, two),
            "set_role": lambda: pg.set_role(p, "en", en_n, "quote"),
            "choose_headline": lambda: pg.choose_headline(p, 1),
            "link": lambda: pg.link(p, [p.number(p.rows[two].uk[0])], [p.number(p.rows[two].en[0])]),
            "realign (after a link)": lambda: pg.realign(q_link, ctx),
            "page data (page_json)": lambda: pg.page_json(q_link),
            "findings per row (the checks)": lambda: pg.row_findings(q_link),
            "render the PO (Save's text)": lambda: pg.render(q_link),
            # What the editor answers a request with: the operation, the rows' data, the findings.
            "link + page data + findings": lambda: (lambda q: pg.page_json(q, pg.row_findings(q)))(
                pg.link(p, [p.number(p.rows[two].uk[0])], [p.number(p.rows[two].en[0])])),
            "realign + page data + findings": lambda: (lambda q: pg.page_json(q, pg.row_findings(q)))(
                pg.realign(q_link, ctx)),
        }
        out = {}
        for name, fn in ops.items():
            med, worst = _timed(fn, args.reps)
            out[name] = {"median_ms": round(med, 2), "max_ms": round(worst, 2)}
        res["article"] = {"paragraphs": [len(uk), len(en)], "rows": len(p.rows), "ops": out}


def bench_book(args, corpus: Path, res: dict[str, Any]) -> None:
    import speed

    from editflow.pairing import RealignContext, link, load_pairing, realign

    docs = speed.load_corpus(corpus)
    uk = [t for _n, u, _e in docs for t in u]
    en = [t for _n, _u, e in docs for t in e]
    lexicon_for, _label = _lexicon.resolve("starter" if args.lexicon != "none" else "none", corpus)
    lex = lexicon_for("")
    with tempfile.TemporaryDirectory(prefix="editflow-book-") as tmp:
        t0 = time.perf_counter()
        path = write_po(uk, en, lex, Path(tmp), "book").path
        aligned = time.perf_counter() - t0
        t0 = time.perf_counter()
        p = load_pairing(path)
        loaded = time.perf_counter() - t0
        k = next(k for k in range(5, len(p.rows)) if p.rows[k].uk and p.rows[k].en)
        q = link(p, [p.number(p.rows[k].uk[0])], [p.number(p.rows[k].en[0])])
        ctx = RealignContext(lexicon=lex)
        times = []
        for _ in range(args.book_reps):
            t0 = time.perf_counter()
            realign(q, ctx)
            times.append(time.perf_counter() - t0)
        res["book"] = {"paragraphs": [len(uk), len(en)], "rows": len(p.rows), "first_align_s": round(aligned, 2),
                       "load_s": round(loaded, 2), "realign_best_s": round(min(times), 2),
                       "realign_runs_s": [round(x, 2) for x in times]}


# --------------------------------------------------------------------------- report


def render(res: dict[str, Any]) -> str:
    lines = []
    r = res.get("repair")
    if r:
        share = r["share"]
        lines.append(f"(a) pin and re-align ({r['lexicon']}): {r['cases']} hard cases, {r['wrong']} aligned wrongly")
        if share is not None:
            ok = "ok" if share >= PIN_TARGET and r["wrong"] >= 40 else "MISSED"
            lines.append(f"    exact after at most 3 pins: {r['exact']}/{r['wrong']} = {share:.1%} "
                         f"(target >= {PIN_TARGET:.0%} on >= 40 cases: {ok})")
            lines.append(f"    mean pins of those: {r['mean_pins_fixed']:.2f}; pins needed: "
                         + ", ".join(f"{k}: {v}" for k, v in r["pins_histogram"].items()))
            worst = sorted(r["by_op"].items(), key=lambda kv: kv[1][0] / kv[1][1])[:5]
            lines.append("    hardest operations (exact/wrong): "
                         + ", ".join(f"{op} {a}/{b}" for op, (a, b) in worst))
        lines.append(f"    ({r['seconds']} s)")
    a = res.get("article")
    if a:
        worst = max(v["max_ms"] for v in a["ops"].values())
        lines.append(f"(b) operations on an 80-paragraph article ({a['paragraphs'][0]}/{a['paragraphs'][1]} paragraphs, "
                     f"{a['rows']} rows), median / max ms:")
        for name, v in a["ops"].items():
            lines.append(f"    {name:<32} {v['median_ms']:>8.2f} {v['max_ms']:>8.2f}")
        lines.append(f"    slowest: {worst:.1f} ms (target <= {OP_TARGET_MS:.0f} ms: "
                     f"{'ok' if worst <= OP_TARGET_MS else 'MISSED'})")
    b = res.get("book")
    if b:
        lines.append(f"(c) book {b['paragraphs'][0]}/{b['paragraphs'][1]} paragraphs, {b['rows']} rows: re-align "
                     f"with one pin, best of {len(b['realign_runs_s'])}: {b['realign_best_s']:.2f} s (target <= "
                     f"{BOOK_TARGET_S:.0f} s: {'ok' if b['realign_best_s'] <= BOOK_TARGET_S else 'MISSED'}); "
                     f"load {b['load_s']:.2f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(_common.DEFAULT_CORPUS))
    ap.add_argument("--bench", default=str(_common.DEFAULT_SHARED_BENCH))
    ap.add_argument("--hard", default=str(_common.CACHE / "hard-pins"),
                    help="hard cases (made here when missing: 1,200 cases, seed 11, as "
                         "make_hard_cases.py --cases 1200 --seed 11 makes them)")
    ap.add_argument("--lexicon", default="cv", help="cv (default), cv:K, starter, none, or a lexicon file")
    ap.add_argument("--limit", type=int, help="only the first N hard cases")
    ap.add_argument("--parts", default="repair,ops,book", help="comma-separated: repair, ops, book")
    ap.add_argument("--reps", type=int, default=20, help="timed calls per operation (b)")
    ap.add_argument("--book-reps", type=int, default=3, help="timed re-alignments of the book (c)")
    ap.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = ap.parse_args(argv)
    corpus = _common.check_corpus(args.corpus)
    score = _common.load_score(args.bench)
    parts = set(args.parts.split(","))
    res: dict[str, Any] = {}
    if "repair" in parts:
        res["repair"] = {}
        bench_repair(args, score, corpus, res["repair"])
    if "ops" in parts:
        bench_ops(args, corpus, res)
    if "book" in parts:
        bench_book(args, corpus, res)
    print(render(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
