#!/usr/bin/env python3
"""Speed of `editflow check`: a million words against a 5,000-term glossary, and a typical article.

(a) big: builds (once, into benchmarks/.cache/check_speed/) a PO of paired paragraphs made
    by repeating the corpus pairs (both directions; paragraph i of NAME.uk.txt with
    paragraph i of NAME.en.txt) until the Ukrainian AND the English side each hold at
    least --words words (default 1,000,000 each), and a glossary of --terms terms
    (default 5,000) drawn from the corpus itself: the most frequent Ukrainian noun
    lemmas and adjective+noun pairs, each with its KMU-2010 romanisation and the
    English words most associated with it across the aligned paragraphs (Dice
    coefficient) as accepted renderings, and a Russian-style romanisation
    (`kh`→`h`, `y`→`i`, …) as a forbidden variant.  Then times
    `editflow check BIG.po --select glossary --glossary G.csv` in a fresh process,
    start-up included (target <= 10 s), over --reps runs; the first run is the cold one.
    The same PO is also checked with the numbers family alone (`--select numbers`,
    same target): the family reads every figure of both sides, in words too.
(b) article: `editflow check` with every check on an article-sized PO (the sample
    project's rada-energy-protection-budget aligned, with the project glossary),
    median wall time of --reps runs (target <= 0.5 s).

    .venv/bin/python benchmarks/check_speed.py [--json] [--words N] [--terms N] [--rebuild]

The generated files hold corpus text, so they stay in the git-ignored cache.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

TARGET_BIG_S = 10.0
TARGET_ARTICLE_S = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_EN_STOP = set("""the a an of and or to in on at for by with from as is are was were be been it its this that
these those he she they we you i his her their our your not no but if so than then there here which who whom
what when where why how all any each more most other some such only own same also very can will just should
now about after before over under into out up down off again further once s t said says has have had do does
did would could may might must shall one two three new""".split())


def editflow_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("editflow")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "editflow"]


def corpus_pairs(corpus: Path) -> list[tuple[str, str]]:
    pairs = []
    for name in _common.corpus_names(corpus):
        uk = _common.read_paragraphs(corpus / f"{name}.uk.txt")
        en = _common.read_paragraphs(corpus / f"{name}.en.txt")
        pairs += list(zip(uk, en))
    return pairs


def build_glossary(pairs: list[tuple[str, str]], n_terms: int, out: Path) -> int:
    """Frequent noun lemmas and adjective+noun pairs with associated English words."""
    import pymorphy3
    from translitua import translit

    morph = pymorphy3.MorphAnalyzer(lang="uk")
    parse_cache: dict[str, tuple[str, str]] = {}

    def pos_lemma(w: str) -> tuple[str, str]:
        r = parse_cache.get(w)
        if r is None:
            p = morph.parse(w.lower().replace("’", "'").replace("ʼ", "'"))[0]
            r = parse_cache[w] = (p.tag.POS or "", p.normal_form)
        return r

    nouns: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    uk_sets: list[set[str]] = []
    en_sets: list[set[str]] = []
    en_df: Counter[str] = Counter()
    for uk, en in pairs:
        words = _WORD.findall(uk)
        tags = [pos_lemma(w) for w in words]
        lem = set()
        for k, (pos, lemma) in enumerate(tags):
            if pos == "NOUN" and len(lemma) > 2:
                nouns[lemma] += 1
                lem.add(lemma)
                if k and tags[k - 1][0] == "ADJF":
                    bigrams[(words[k - 1], words[k])] += 1
        uk_sets.append(lem)
        ens = {w.lower() for w in _WORD.findall(en)} - _EN_STOP
        en_sets.append(ens)
        en_df.update(ens)
    n_bi = min(len(bigrams), n_terms // 5)
    # Candidate nouns: the 3x most frequent; kept are those whose best English word is most
    # strongly associated with them, as in a real term base whose renderings translators follow.
    candidates = [w for w, _ in nouns.most_common(3 * (n_terms - n_bi))]
    co: dict[str, Counter[str]] = {w: Counter() for w in candidates}
    for lem, ens in zip(uk_sets, en_sets):
        for w in lem:
            if w in co:
                co[w].update(ens)
    scored = []
    for w in candidates:
        df = nouns[w]
        best = sorted(((2 * c / (df + en_df[e]), e) for e, c in co[w].items()), reverse=True)[:3]
        scored.append((best[0][0] if best else 0.0, w, [e for _, e in best]))
    scored.sort(reverse=True)
    rows = []
    seen = set()
    for _, w, best in scored[: n_terms - n_bi]:
        rom = translit(w)
        rows.append((w, [rom.lower()] + best, [_russian_style(rom)]))
        seen.add(w)
    best_of = {w: best for _, w, best in scored}
    for (a, b), _ in bigrams.most_common():
        if len(rows) >= n_terms:
            break
        la, lb = pos_lemma(a)[1], pos_lemma(b)[1]
        term = f"{la} {lb}"
        if term in seen:
            continue
        seen.add(term)
        rows.append((term, [f"{translit(la)} {translit(lb)}".lower()] + best_of.get(lb, []), []))
    with out.open("w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["uk", "en", "forbidden", "note", "context", "case", "match"])
        for uk, en, forb in rows[:n_terms]:
            en = [e for e in dict.fromkeys(en) if e]
            forb = [v for v in forb if v and v.lower() not in {e.lower() for e in en}]
            wr.writerow([uk, "|".join(en), "|".join(forb), "", "", "", ""])
    return min(len(rows), n_terms)


def _russian_style(rom: str) -> str:
    s = rom.lower()
    for a, b in (("kh", "h"), ("zh", "j"), ("y", "i"), ("ts", "c"), ("ia", "ya")):
        s = s.replace(a, b)
    return s if s != rom.lower() else s + "e"


def build_po(pairs: list[tuple[str, str]], words: int, out: Path) -> tuple[int, int, int]:
    import polib

    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    uk_words = en_words = 0
    n = 0
    while uk_words < words or en_words < words:
        for uk, en in pairs:
            po.append(polib.POEntry(msgctxt=f"p{n}", msgid=uk, msgstr=en))
            n += 1
            uk_words += len(uk.split())
            en_words += len(en.split())
            if uk_words >= words and en_words >= words:
                break
    po.save(str(out))
    return n, uk_words, en_words


def timed(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr.strip()}")
    return dt


def article_po(cache: Path) -> Path:
    out = cache / "article.po"
    if not out.exists():
        sys.path.insert(0, str(_common.ROOT / "src"))
        from editflow.workfile import align_files, write_alignment

        root = _common.ROOT
        write_alignment(align_files(root / "originals" / "rada-energy-protection-budget.uk.txt",
                                    root / "translations" / "rada-energy-protection-budget.en.txt",
                                    [root / "glossary"]), out)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--words", type=int, default=500_000,
                    help="words on each side (default 500,000: a million words of paired text)")
    ap.add_argument("--terms", type=int, default=5000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the PO and the glossary")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    cache = _common.CACHE / "check_speed"
    cache.mkdir(parents=True, exist_ok=True)
    big, gloss = cache / f"big-{args.words}.po", cache / f"glossary-{args.terms}.csv"
    info: dict = {}
    if args.rebuild or not big.exists() or not gloss.exists():
        pairs = corpus_pairs(_common.check_corpus(args.corpus))
        t0 = time.perf_counter()
        info["terms"] = build_glossary(pairs, args.terms, gloss)
        n, uw, ew = build_po(pairs, args.words, big)
        info.update(entries=n, uk_words=uw, en_words=ew, build_s=round(time.perf_counter() - t0, 1))
        (cache / f"big-{args.words}.json").write_text(json.dumps(info))
    else:
        info = json.loads((cache / f"big-{args.words}.json").read_text())

    cmd = editflow_cmd()
    root = _common.ROOT
    big_times = [timed(cmd + ["check", str(big), "--select", "glossary", "--glossary", str(gloss), "--no-color"], root)
                 for _ in range(args.reps)]
    num_times = [timed(cmd + ["check", str(big), "--select", "numbers", "--no-color"], root)
                 for _ in range(args.reps)]
    art = article_po(cache)
    timed(cmd + ["check", str(art), "--glossary", str(root / "glossary")], root)  # warm-up
    art_times = [timed(cmd + ["check", str(art), "--glossary", str(root / "glossary"), "--no-color"], root)
                 for _ in range(max(args.reps, 5))]
    result = {
        "big": {**info, "glossary_terms": sum(1 for _ in gloss.open(encoding="utf-8")) - 1,
                "cold_s": round(big_times[0], 2), "median_s": round(statistics.median(big_times), 2),
                "target_s": TARGET_BIG_S, "ok": big_times[0] <= TARGET_BIG_S},
        "big_numbers": {"cold_s": round(num_times[0], 2), "median_s": round(statistics.median(num_times), 2),
                        "target_s": TARGET_BIG_S, "ok": num_times[0] <= TARGET_BIG_S},
        "article": {"median_s": round(statistics.median(art_times), 3), "max_s": round(max(art_times), 3),
                    "target_s": TARGET_ARTICLE_S, "ok": statistics.median(art_times) <= TARGET_ARTICLE_S},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        b, a = result["big"], result["article"]
        print(f"big: {b['entries']} entries, {b['uk_words']:,} uk + {b['en_words']:,} en words, "
              f"{b['glossary_terms']} terms: cold {b['cold_s']} s, median {b['median_s']} s "
              f"(target <= {TARGET_BIG_S} s) {'OK' if b['ok'] else 'SLOW'}")
        n = result["big_numbers"]
        print(f"big, numbers family: cold {n['cold_s']} s, median {n['median_s']} s "
              f"(target <= {TARGET_BIG_S} s) {'OK' if n['ok'] else 'SLOW'}")
        print(f"article (all checks): median {a['median_s']} s, max {a['max_s']} s "
              f"(target <= {TARGET_ARTICLE_S} s) {'OK' if a['ok'] else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
