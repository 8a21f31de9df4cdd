#!/usr/bin/env python3
"""How often `--paragraphs auto` reads each side as the user meant.

Every corpus document pair with at least three paragraphs is written out again, each side in one
of the shapes users hand editflow: paragraphs between blank lines (`blank`), one paragraph a
line with no blank lines, as text pasted from a browser (`lines`), hard-wrapped at a fixed width
with blank lines between paragraphs (`wrapN`, N characters), or one sentence a line with blank
lines between paragraphs (`sents`).  `readers.paragraphs.decide` then picks each side's reading;
it is right when a `lines` side is read by lines and every other side by blank lines.

    .venv/bin/python benchmarks/paragraphing.py [--corpus ../shared/corpus] [--show 3]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

import _common

from editflow.readers import read_side
from editflow.readers.paragraphs import decide

# A sentence end before a capital: good enough to put sentences on lines of their own.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZА-ЯІЇЄҐ])")
SCENARIOS = [("lines", "blank"), ("blank", "lines"), ("lines", "lines"), ("blank", "blank"),
             ("wrap72", "blank"), ("blank", "wrap72"), ("wrap40", "lines"), ("lines", "wrap100"),
             ("sents", "blank"), ("blank", "sents"), ("lines", "sents")]


def render(paragraphs: list[str], shape: str) -> str:
    if shape == "lines":
        return "\n".join(paragraphs) + "\n"
    if shape == "sents":
        return "\n\n".join("\n".join(_SENTENCE.split(p)) for p in paragraphs) + "\n"
    if shape.startswith("wrap"):
        return "\n\n".join(textwrap.fill(p, int(shape[4:])) for p in paragraphs) + "\n"
    return "\n\n".join(paragraphs) + "\n"


def expected(shape: str) -> str:
    return "lines" if shape == "lines" else "blank"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--show", type=int, default=3, help="wrong decisions to print per scenario")
    args = ap.parse_args()
    docs = sorted(args.corpus.glob("*.uk.txt"))
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 2
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    wrong: dict[tuple[str, str], list[str]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        uk_file, en_file = Path(tmp) / "a.uk.txt", Path(tmp) / "a.en.txt"
        for doc in docs:
            uk = _common.split_paragraphs(doc.read_text(encoding="utf-8"))
            en = _common.split_paragraphs(doc.with_name(doc.name.removesuffix(".uk.txt") + ".en.txt").read_text(encoding="utf-8"))
            if len(uk) < 3 or len(en) < 3:
                continue
            for scenario in SCENARIOS:
                su, se = scenario
                uk_file.write_text(render(uk, su), encoding="utf-8")
                en_file.write_text(render(en, se), encoding="utf-8")
                chosen = decide(read_side(uk_file, "uk"), read_side(en_file, "en"))
                total[scenario] += 1
                if (chosen.source, chosen.target) == (expected(su), expected(se)):
                    right[scenario] += 1
                else:
                    wrong.setdefault(scenario, []).append(
                        f"{doc.name.removesuffix('.uk.txt')} ({len(uk)}/{len(en)} paragraphs): "
                        f"read uk={chosen.source} en={chosen.target}")
    print(f"{len(docs)} corpus pairs, those with 3+ paragraphs on both sides rewritten in each shape; "
          f"{time.perf_counter() - started:.1f} s\n")
    print(f"{'uk shape':10} {'en shape':10} {'pairs':>6} {'right':>8}")
    for scenario in SCENARIOS:
        print(f"{scenario[0]:10} {scenario[1]:10} {total[scenario]:6} {right[scenario] / total[scenario]:8.4f}")
        for line in wrong.get(scenario, [])[: args.show]:
            print(f"    {line}")
    all_right, all_total = sum(right.values()), sum(total.values())
    print(f"\nall: {all_right} of {all_total} right ({all_right / all_total:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
