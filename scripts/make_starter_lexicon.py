#!/usr/bin/env python3
"""Build the starter lexicon shipped in the package from the NTREX-128 documents of the shared corpus.

    python scripts/make_starter_lexicon.py                      # ../shared/corpus → src/editflow/data/
    python scripts/make_starter_lexicon.py --corpus PATH --out FILE

Only documents whose name starts with `ntrex128-` are read (NTREX-128 is
CC BY-SA 4.0; the WMT documents of the corpus are test data that must not
be shipped). Their sentence pairs (`segments/ntrex128-en-uk.jsonl`, the same
documents segment by segment) train an IBM Model 1 lexicon in both
directions (editflow.align.lexicon.train_lexicon); word pairs seen in at
least two sentence pairs and of symmetric probability at least 0.1 are
kept, at most four renderings a word.  The form table keeps the Ukrainian
forms of the kept lemmas, so a desk's first alignments parse few words.

The output is an adaptation of NTREX-128 and stays under CC BY-SA 4.0: the
file's metadata carries the licence and the attribution, and
src/editflow/data/STARTER-LEXICON.md says so for people.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from editflow.align.lexicon import STARTER, train_lexicon  # noqa: E402

PREFIX = "ntrex128-"
ATTRIBUTION = ("Federmann, Kocmi and Xin, NTREX-128 – News Test References for MT Evaluation of 128 Languages "
               "(SUMEval 2022), English source from the WMT19 news test set (Barrault et al., 2019); "
               "MicrosoftTranslator/NTREX@8561f6a622db9edad1217683e5c83daefd8bb2bf")


def ntrex_pairs(corpus: Path) -> tuple[list[tuple[str, str]], int]:
    """Sentence pairs of the corpus's NTREX-128 documents (paragraph pairs if the segments are missing)."""
    names = sorted(p.name[: -len(".uk.txt")] for p in corpus.glob(PREFIX + "*.uk.txt"))
    if not names:
        raise SystemExit(f"no {PREFIX}* documents in {corpus}")
    wanted = {n[len("ntrex128-enuk-"):]: n for n in names}
    segments = corpus / "segments" / "ntrex128-en-uk.jsonl"
    pairs: list[tuple[str, str]] = []
    if segments.is_file():
        for line in segments.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d.get("source") != "ntrex128" or d.get("doc_id") not in wanted:
                continue
            for uk_block, en_block in zip(d["uk"], d["en"], strict=True):
                pairs += list(zip(uk_block, en_block, strict=True))
    else:
        for n in names:
            uk = (corpus / f"{n}.uk.txt").read_text(encoding="utf-8").split("\n\n")
            en = (corpus / f"{n}.en.txt").read_text(encoding="utf-8").split("\n\n")
            pairs += [(u.strip(), e.strip()) for u, e in zip(uk, en, strict=True) if u.strip() and e.strip()]
    return pairs, len(names)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "editflow" / "data" / STARTER)
    ap.add_argument("--min-prob", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--per-word", type=int, default=4)
    args = ap.parse_args(argv)
    pairs, docs = ntrex_pairs(args.corpus)
    lex = train_lexicon(pairs, min_prob=args.min_prob, min_count=args.min_count, max_per_word=args.per_word,
                        meta={"source": f"NTREX-128 newstest2019 en-uk, {docs} documents, {len(pairs)} sentence "
                                        "pairs, via the editflow shared corpus",
                              "licence": "CC-BY-SA-4.0", "attribution": ATTRIBUTION,
                              "made_by": "scripts/make_starter_lexicon.py"})
    lex.save(args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(lex)} pairs, {len(lex.uk)} Ukrainian lemmas, {len(lex.en)} English stems, "
          f"{len(lex.forms)} forms, {size / 1024:.0f} KB (coverage {lex.meta['coverage']})")
    return 0 if size < 200 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
