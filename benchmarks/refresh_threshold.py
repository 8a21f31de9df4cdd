"""How safe is the refresh's fuzzy paragraph match (editflow.refresh)?

When a PO is refreshed, a paragraph with no exact counterpart (white space aside) is taken for the
closest unclaimed paragraph of the new alignment whose rapidfuzz `fuzz.ratio` is at least
`MATCH_THRESHOLD`, both at least `MIN_FUZZY_LENGTH` characters long.  Two numbers say whether that
is the right line:

- false matches: of all pairs of *distinct* paragraphs of one corpus document (same language,
  both long enough), how many reach the threshold (a comment could go to the wrong paragraph);
- kept: of the corpus paragraphs long enough, with three words replaced at random (an edit), how
  many still reach it against their old text (a comment follows the edited paragraph).

    .venv/bin/python benchmarks/refresh_threshold.py [--corpus ../shared/corpus] [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_CORPUS, check_corpus, corpus_names, read_paragraphs
from rapidfuzz import fuzz

from editflow.refresh import MATCH_THRESHOLD, MIN_FUZZY_LENGTH

FILLERS = ["the", "який", "new", "report", "Kyiv", "said", "також", "minister"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    corpus = check_corpus(args.corpus)
    rng = random.Random(args.seed)
    pairs = false = edited = kept = 0
    examples: list[tuple[float, str, str]] = []
    for name in corpus_names(corpus):
        for lang in ("uk", "en"):
            paras = [" ".join(p.split()) for p in read_paragraphs(corpus / f"{name}.{lang}.txt")]
            long_enough = [p for p in paras if len(p) >= MIN_FUZZY_LENGTH]
            for a, b in itertools.combinations(long_enough, 2):
                if a == b:
                    continue
                pairs += 1
                score = fuzz.ratio(a, b)
                if score >= MATCH_THRESHOLD:
                    false += 1
                    examples.append((score, a[:50], b[:50]))
            for p in long_enough:
                words = p.split()
                if len(words) < 4:
                    continue
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(FILLERS)
                edited += 1
                kept += fuzz.ratio(p, " ".join(words)) >= MATCH_THRESHOLD
    print(f"threshold {MATCH_THRESHOLD:g}, paragraphs of at least {MIN_FUZZY_LENGTH} characters")
    print(f"distinct paragraph pairs of one document reaching it: {false} of {pairs} ({false / pairs:.4%})")
    print(f"paragraphs with three words replaced still reaching it: {kept} of {edited} ({kept / edited:.1%})")
    for score, a, b in sorted(examples, reverse=True)[:10]:
        print(f"  {score:5.1f}  {a!r}  ~  {b!r}")


if __name__ == "__main__":
    main()
