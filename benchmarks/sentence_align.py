#!/usr/bin/env python3
"""Sentence pairs inside paragraph pairs: editflow's splitting and sentence alignment against the truth.

The corpus documents whose paragraphs were grouped from segments (WMT22,
WMT23, NTREX-128: ../shared/corpus/segments/*.jsonl, regrouped here with the
corpus's own build.py) give, for every paragraph pair, its true segment pairs.
Each gold paragraph pair is split into sentences (editflow.sentences) and its
sentences aligned (editflow.align.sentences), as `tm rebuild` does for every
pair of the memory.  A gold segment may hold several sentences, so a
predicted sentence pair is scored against the segments it falls in:

  correct       its Ukrainian and English sides both lie inside the same gold
                segment pair k, or both cover exactly the same run of whole
                segments k..l (a merge of true pairs is still a true pair);
  recovered     a gold pair k is recovered when every sentence of segment k,
                on both sides, is in a correct pair inside k (no sentence runs
                over k's edges, none is left unpaired)

  precision = correct pairs / predicted pairs (with both sides)
  recall    = recovered gold pairs / gold pairs

How splitting and alignment each contribute:
  - "oracle split": the same alignment on the gold segments themselves (each
    segment one sentence): its losses are the aligner's alone;
  - "split bound": the share of gold pairs whose edges the splitter found on
    both sides, the recall a perfect aligner would reach after this splitter;
  - boundary recall per side, with the gold boundaries that have no sentence
    punctuation at all (transcribed speech, chat) counted apart.

Inside a gold segment the pairing of its sentences is not checked (the
gold has nothing finer), so a split segment counts as recovered whenever its
sentences stay inside it on both sides.

    python benchmarks/sentence_align.py                      # lexicon cross-validated by document
    python benchmarks/sentence_align.py --lexicon starter --json benchmarks/.cache/sentences.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import _lexicon  # noqa: E402

TARGET = 0.97
_PUNCT_END = re.compile(r"[.!?…][\"'»”’)\]]*$")


@dataclass
class Para:
    doc: str
    source: str          # wmt22-uken, ntrex128-enuk, ...
    domain: str
    uk: list[str]        # gold segments
    en: list[str]


def load_gold(corpus: Path) -> list[Para]:
    """Every grouped paragraph pair of the corpus with its gold segments (checked against the .txt files)."""
    spec = importlib.util.spec_from_file_location("corpus_build", corpus / "build.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{corpus / 'build.py'} not found")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    kept = {}
    for line in (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        kept[cols[0]] = cols[7]
    out = []
    for path in sorted((corpus / "segments").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            name = build.doc_name(rec)
            if rec["unit"] != "segment" or not kept.get(name, "").startswith("grouped"):
                continue
            rng = build.doc_rng(name)
            paras = []
            for bi, (ub, eb) in enumerate(zip(rec["uk"], rec["en"], strict=True)):
                headline = bi == 0 and build.looks_like_headline(ub[0], eb[0])
                pos = 0
                for k in build.group_sizes(len(ub), rng, headline):
                    paras.append((ub[pos:pos + k], eb[pos:pos + k]))
                    pos += k
            on_disk = _common.read_paragraphs(corpus / f"{name}.uk.txt")
            if [" ".join(u) for u, _ in paras] != on_disk:
                raise SystemExit(f"{name}: the regrouped segments differ from the corpus file")
            label = "-".join(name.split("-")[:2])
            out += [Para(name, label, rec["domain"], u, e) for u, e in paras]
    return out


def seg_bounds(segs: Sequence[str]) -> list[tuple[int, int]]:
    """Character span of each segment in the paragraph (segments joined by one space)."""
    out, pos = [], 0
    for s in segs:
        out.append((pos, pos + len(s)))
        pos += len(s) + 1
    return out


def core(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the punctuation at its ends: where a dash or a closing quote goes
    (end of one segment or start of the next) is no sentence boundary of its own."""
    a, b = span
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return (a, b) if a < b else span


def seg_of(span: tuple[int, int], bounds: Sequence[tuple[int, int]], text: str) -> tuple[int, int]:
    """(first, last) segment whose letters and digits a character span holds."""
    a, b = core(text, span)
    first = next((k for k, (s, e) in enumerate(bounds) if a < e), len(bounds) - 1)
    last = max((k for k, (s, e) in enumerate(bounds) if b > s), default=0)
    return first, max(first, last)


def same_boundary(text: str, x: int, y: int) -> bool:
    """Two boundaries with only punctuation and white space between them."""
    lo, hi = min(x, y), max(x, y)
    return not any(ch.isalnum() for ch in text[lo:hi])


def score_para(uk_spans: Sequence[tuple[int, int]], en_spans: Sequence[tuple[int, int]],
               pairs: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
               ub: Sequence[tuple[int, int]], eb: Sequence[tuple[int, int]],
               uk_text: str, en_text: str) -> tuple[int, int, list[bool], list[bool]]:
    """(predicted pairs, correct pairs, recovered per gold pair, correctness per predicted pair)."""
    n_gold = len(ub)
    bad = [False] * n_gold                    # a gold pair something went wrong in
    covered_uk = [set() for _ in range(n_gold)]
    covered_en = [set() for _ in range(n_gold)]
    predicted = correct = 0
    flags = []
    for s_idx, t_idx in pairs:
        if not s_idx or not t_idx:
            for i in s_idx:
                a, b = seg_of(uk_spans[i], ub, uk_text)
                for k in range(a, b + 1):
                    bad[k] = True
            for j in t_idx:
                a, b = seg_of(en_spans[j], eb, en_text)
                for k in range(a, b + 1):
                    bad[k] = True
            continue
        predicted += 1
        su = (uk_spans[s_idx[0]][0], uk_spans[s_idx[-1]][1])
        se = (en_spans[t_idx[0]][0], en_spans[t_idx[-1]][1])
        ku, ke = seg_of(su, ub, uk_text), seg_of(se, eb, en_text)
        inside = ku == ke and ku[0] == ku[1]
        whole = (ku == ke and core(uk_text, su) == core(uk_text, (ub[ku[0]][0], ub[ku[1]][1]))
                 and core(en_text, se) == core(en_text, (eb[ke[0]][0], eb[ke[1]][1])))
        ok = inside or whole
        flags.append(ok)
        correct += ok
        if inside:
            covered_uk[ku[0]].add(s_idx)
            covered_en[ke[0]].add(t_idx)
        else:
            for k in range(min(ku[0], ke[0]), max(ku[1], ke[1]) + 1):
                bad[k] = True
    recovered = []
    for k in range(n_gold):
        if bad[k]:
            recovered.append(False)
            continue
        uk_here = {i for i, sp in enumerate(uk_spans) if seg_of(sp, ub, uk_text) == (k, k)}
        en_here = {j for j, sp in enumerate(en_spans) if seg_of(sp, eb, en_text) == (k, k)}
        got_uk = {i for idx in covered_uk[k] for i in idx}
        got_en = {j for idx in covered_en[k] for j in idx}
        recovered.append(bool(uk_here) and got_uk == uk_here and got_en == en_here)
    return predicted, correct, recovered, flags


def perturbed(p: Para, index: int) -> tuple[list[str], list[str], set[tuple[tuple[int, ...], tuple[int, ...]]], str]:
    """The gold segments with one translator's change: two sentences merged on one side, or one left out.

    Returns (Ukrainian sentences, English sentences, the true pairs, the change made).
    """
    import hashlib

    n = len(p.uk)
    op = ("merge en", "merge uk", "omit en", "omit uk")[int(hashlib.sha256(f"{p.doc}:{index}".encode())
                                                           .hexdigest()[:8], 16) % 4]
    k = int(hashlib.sha256(f"{p.doc}:{index}:k".encode()).hexdigest()[:8], 16) % (n - 1)
    uk, en = list(p.uk), list(p.en)
    pairs: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    if op == "merge en":
        en[k:k + 2] = [en[k] + " " + en[k + 1]]
        pairs = [((i,), (i if i <= k else i - 1,)) for i in range(n) if i != k and i != k + 1]
        pairs.append(((k, k + 1), (k,)))
    elif op == "merge uk":
        uk[k:k + 2] = [uk[k] + " " + uk[k + 1]]
        pairs = [((i if i <= k else i - 1,), (i,)) for i in range(n) if i != k and i != k + 1]
        pairs.append(((k,), (k, k + 1)))
    elif op == "omit en":
        del en[k]
        pairs = [((i,), (i if i < k else i - 1,)) for i in range(n) if i != k]
    else:
        del uk[k]
        pairs = [((i if i < k else i - 1,), (i,)) for i in range(n) if i != k]
    return uk, en, set(pairs), op


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--lexicon", default="cv", help="cv (default), cv:K, starter, none, or a lexicon file")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong pairs")
    args = ap.parse_args()
    corpus = _common.check_corpus(args.corpus)
    from editflow.align.sentences import SENTENCE_DOUBT_THRESHOLD, SentenceAligner, SentencePair
    from editflow.sentences import sentence_spans

    gold = load_gold(corpus)
    # The document's length ratio, as the PO header gives it to `tm rebuild` (the paragraph
    # aligner's estimate; here the whole document's, which it is close to on these pairs).
    chars: dict[str, list[int]] = {}
    for p in gold:
        c_doc = chars.setdefault(p.doc, [0, 0])
        c_doc[0] += sum(map(len, p.uk))
        c_doc[1] += sum(map(len, p.en))
    doc_ratio = {doc: en / uk for doc, (uk, en) in chars.items()}
    lexicon_for, lex_label = _lexicon.resolve(args.lexicon, corpus)
    aligners: dict[int, SentenceAligner] = {}

    def aligner_for(doc: str) -> SentenceAligner:
        lex = lexicon_for(doc)
        key = id(lex)
        if key not in aligners:
            aligners[key] = SentenceAligner(lex)
        return aligners[key]

    c: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    by_domain: dict[str, Counter[str]] = {}
    hard: dict[str, Counter[str]] = {}
    conf_flags: list[tuple[float, bool]] = []
    hard_flags: list[tuple[float, bool]] = []
    wrong: list[str] = []
    seconds = 0.0
    done: dict[str, Iterator[list[SentencePair]]] = {}
    for index, p in enumerate(gold):
        al = aligner_for(p.doc)
        ub, eb = seg_bounds(p.uk), seg_bounds(p.en)
        uk_text, en_text = " ".join(p.uk), " ".join(p.en)
        c_src = by_source.setdefault(p.source, Counter())
        c_dom = by_domain.setdefault(p.domain, Counter())
        # The real thing: split, then align.
        uk_spans, en_spans = sentence_spans(uk_text), sentence_spans(en_text)
        if p.doc not in done:
            # As `tm rebuild` does: every paragraph pair of a document at once.
            t0 = time.perf_counter()
            paras = [q for q in gold if q.doc == p.doc]
            done = {p.doc: iter(al.align_many([([" ".join(q.uk)], [" ".join(q.en)]) for q in paras],
                                              doc_ratio[p.doc]))}
            seconds += time.perf_counter() - t0
        res = next(done[p.doc])
        pred, corr, rec, flags = score_para(uk_spans, en_spans, [(r.src, r.tgt) for r in res], ub, eb,
                                            uk_text, en_text)
        both = [r for r in res if r.src and r.tgt]
        conf_flags += [(r.confidence, ok) for r, ok in zip(both, flags, strict=True)]
        if args.show and len(wrong) < args.show:
            wrong += [f"{p.doc}  {r.kind} {r.confidence:.2f}\n   uk: {r.source}\n   en: {r.target}"
                      for r, ok in zip(both, flags, strict=True) if not ok]
        # The same aligner on the gold segments: alignment errors alone.
        ores = al.align_sentences(p.uk, p.en, doc_ratio[p.doc])
        opred, ocorr, orec, _ = score_para(ub, eb, [(r.src, r.tgt) for r in ores], ub, eb, uk_text, en_text)
        # The aligner on a translator's change to the gold segments: merges and omissions.
        if len(p.uk) >= 3:
            puk, pen, truth, op = perturbed(p, index)
            hard_res = [r for r in al.align_sentences(puk, pen, doc_ratio[p.doc]) if r.src and r.tgt]
            got = {(r.src, r.tgt) for r in hard_res}
            hard_flags += [(r.confidence, (r.src, r.tgt) in truth) for r in hard_res]
            for cc in (c, hard.setdefault(op, Counter())):
                cc["hard pred"] += len(got)
                cc["hard correct"] += len(got & truth)
                cc["hard gold"] += len(truth)
        # What the splitter found.
        found_uk = [b for _, b in uk_spans[:-1]]
        found_en = [b for _, b in en_spans[:-1]]

        def hit(text: str, found: list[int], g: int) -> bool:
            return any(same_boundary(text, f, g) for f in found)

        edge_uk = [hit(uk_text, found_uk, ub[k][1]) for k in range(len(p.uk) - 1)]
        edge_en = [hit(en_text, found_en, eb[k][1]) for k in range(len(p.en) - 1)]
        punct_uk = [bool(_PUNCT_END.search(x)) for x in p.uk[:-1]]
        punct_en = [bool(_PUNCT_END.search(x)) for x in p.en[:-1]]
        edges_ok = 0
        for k in range(len(p.uk)):
            edges = [e for e in (k - 1, k) if 0 <= e < len(p.uk) - 1]
            found_all = all(edge_uk[e] and edge_en[e] for e in edges)
            edges_ok += found_all
            # Why a gold pair was lost: an edge with no sentence punctuation on a side (no
            # rule can see it), else an edge the splitter missed, else the alignment.
            if rec[k]:
                why = "kept"
            elif any(not (punct_uk[e] and punct_en[e]) and not (edge_uk[e] and edge_en[e]) for e in edges):
                why = "lost: unpunctuated edge"
            elif not found_all:
                why = "lost: splitter missed an edge"
            else:
                why = "lost: alignment"
            for cc in (c, c_src, c_dom):
                cc[why] += 1
                if all(punct_uk[e] and punct_en[e] for e in edges):
                    cc["punctuated gold"] += 1
                    cc["punctuated recovered"] += rec[k]
        for side, segs, bounds, found, text, edges in (("uk", p.uk, ub, found_uk, uk_text, edge_uk),
                                                       ("en", p.en, eb, found_en, en_text, edge_en)):
            for k in range(len(segs) - 1):
                kind = "punct" if _PUNCT_END.search(segs[k]) else "nopunct"
                for cc in (c, c_src, c_dom):
                    cc[f"{side} {kind} gold"] += 1
                    cc[f"{side} {kind} found"] += edges[k]
            inner = sum(1 for f in found if not any(same_boundary(text, f, g) for _, g in bounds[:-1]))
            for cc in (c, c_src, c_dom):
                cc[f"{side} sentences"] += len(found) + 1
                cc[f"{side} extra"] += inner
        for cc in (c, c_src, c_dom):
            cc["gold"] += len(p.uk)
            cc["paragraphs"] += 1
            cc["pred"] += pred
            cc["correct"] += corr
            cc["recovered"] += sum(rec)
            cc["oracle pred"] += opred
            cc["oracle correct"] += ocorr
            cc["oracle recovered"] += sum(orec)
            cc["split bound"] += edges_ok

    def figures(cc: Counter[str]) -> dict[str, float]:
        def ratio(a: str, b: str) -> float:
            return round(cc[a] / cc[b], 4) if cc[b] else 0.0
        return {
            "paragraphs": cc["paragraphs"], "gold pairs": cc["gold"], "predicted pairs": cc["pred"],
            "precision": ratio("correct", "pred"), "recall": ratio("recovered", "gold"),
            "oracle split precision": ratio("oracle correct", "oracle pred"),
            "oracle split recall": ratio("oracle recovered", "gold"),
            "split bound": ratio("split bound", "gold"),
            "recall where the gold edges are punctuated": ratio("punctuated recovered", "punctuated gold"),
            "gold pairs with punctuated edges": cc["punctuated gold"],
            "lost: unpunctuated edge": cc["lost: unpunctuated edge"],
            "lost: splitter missed an edge": cc["lost: splitter missed an edge"],
            "lost: alignment": cc["lost: alignment"],
            "uk boundaries found (punctuated)": ratio("uk punct found", "uk punct gold"),
            "en boundaries found (punctuated)": ratio("en punct found", "en punct gold"),
            "uk boundaries without punctuation": cc["uk nopunct gold"],
            "en boundaries without punctuation": cc["en nopunct gold"],
            "uk boundaries found (unpunctuated)": ratio("uk nopunct found", "uk nopunct gold"),
            "en boundaries found (unpunctuated)": ratio("en nopunct found", "en nopunct gold"),
            "uk sentences": cc["uk sentences"], "en sentences": cc["en sentences"],
            "uk splits inside a segment": cc["uk extra"], "en splits inside a segment": cc["en extra"],
        }

    total = figures(c)
    per_source = {s: figures(cc) for s, cc in sorted(by_source.items())}
    per_domain = {s: figures(cc) for s, cc in sorted(by_domain.items())}
    def doubt_of(flags: list[tuple[float, bool]], threshold: float) -> dict[str, float]:
        """How many pairs the doubt threshold flags and how many of the wrong ones it catches."""
        flagged = [ok for conf, ok in flags if conf < threshold]
        kept = [ok for conf, ok in flags if conf >= threshold]
        return {"threshold": threshold, "pairs": len(flags), "pairs flagged": len(flagged),
                "share flagged": round(len(flagged) / max(len(flags), 1), 4),
                "wrong pairs": sum(1 for _, ok in flags if not ok),
                "wrong pairs flagged": sum(1 for ok in flagged if not ok),
                "precision of the unflagged": round(sum(kept) / max(len(kept), 1), 4)}

    doubt = {"corpus": doubt_of(conf_flags, SENTENCE_DOUBT_THRESHOLD),
             "changed segments": doubt_of(hard_flags, SENTENCE_DOUBT_THRESHOLD),
             "other thresholds (changed segments)": [doubt_of(hard_flags, t) for t in (0.5, 0.7, 0.9, 0.95)]}

    print(f"{len(gold)} gold paragraph pairs from {len({p.doc for p in gold})} documents; {lex_label}")
    print(f"sentence alignment time: {seconds:.2f} s ({1000 * seconds / max(len(gold), 1):.2f} ms a paragraph pair)")
    cols = ("precision", "recall", "oracle split precision", "oracle split recall", "split bound",
            "recall where the gold edges are punctuated")
    print(f"\n{'':16}{'pairs':>7}" + "".join(f"{h:>12}" for h in ("precision", "recall", "orc.split P",
                                                                   "orc.split R", "split bound", "R punct.")))
    for label, f in [*per_source.items(), *per_domain.items(), ("all", total)]:
        print(f"{label:16}{f['gold pairs']:>7}" + "".join(f"{f[k]:>12.4f}" for k in cols))
    print("\ngold pairs lost: to an edge with no sentence punctuation on a side / to an edge the splitter "
          "missed / to the alignment")
    for label, f in [*per_source.items(), ("all", total)]:
        print(f"{label:16} {f['lost: unpunctuated edge']:5} / {f['lost: splitter missed an edge']:4} / "
              f"{f['lost: alignment']:4}   (of {f['gold pairs']}; {f['gold pairs with punctuated edges']} "
              f"with punctuated edges)")
    print("\nsplitter: gold boundaries found, punctuated / unpunctuated (count)")
    for label, f in [*per_source.items(), ("all", total)]:
        print(f"{label:16} uk {f['uk boundaries found (punctuated)']:.4f} / "
              f"{f['uk boundaries found (unpunctuated)']:.2f} ({f['uk boundaries without punctuation']})"
              f"   en {f['en boundaries found (punctuated)']:.4f} / "
              f"{f['en boundaries found (unpunctuated)']:.2f} ({f['en boundaries without punctuation']})"
              f"   splits inside segments uk {f['uk splits inside a segment']} en {f['en splits inside a segment']}")
    print("\nthe aligner alone on the gold segments with one change per paragraph of 3+ (exact pairs):")
    for op, cc in [*sorted(hard.items()), ("all", c)]:
        print(f"{op:16} pairs {cc['hard gold']:5}  precision {cc['hard correct'] / max(cc['hard pred'], 1):.4f}"
              f"  recall {cc['hard correct'] / max(cc['hard gold'], 1):.4f}")
    for label, d in (("split and aligned", doubt["corpus"]), ("changed segments", doubt["changed segments"]),
                     *(("  (changed segments)", d) for d in doubt["other thresholds (changed segments)"])):
        print(f"doubt threshold {d['threshold']}, {label}: {d['pairs flagged']} of {d['pairs']} pairs flagged "
              f"({100 * d['share flagged']:.1f}%), holding {d['wrong pairs flagged']} of the {d['wrong pairs']} "
              f"wrong ones; precision of the rest {d['precision of the unflagged']:.4f}")

    def verdict(x: float) -> str:
        return f"{x:.4f} {'PASS' if x >= TARGET else 'FAIL'}"

    print(f"\ntarget >= {TARGET}: precision {verdict(total['precision'])}; recall {verdict(total['recall'])} "
          f"(on the gold pairs whose edges are punctuated: "
          f"{verdict(total['recall where the gold edges are punctuated'])})")
    for w in wrong[:args.show]:
        print(w)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"lexicon": lex_label, "all": total, "by source": per_source, "by domain": per_domain,
                                         "doubt": doubt, "seconds": round(seconds, 2),
                                         "changed segments": {op: {"pairs": cc["hard gold"],
                                                                   "precision": round(cc["hard correct"] / max(cc["hard pred"], 1), 4),
                                                                   "recall": round(cc["hard correct"] / max(cc["hard gold"], 1), 4)}
                                                              for op, cc in [*sorted(hard.items()), ("all", c)]}}, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
