"""Hard constraints on an alignment: pairs a person has pinned, links they have forbidden.

    from editflow.align import align_paragraphs
    from editflow.align.constraints import Constraints
    beads = align_paragraphs(uk, en, constraints=Constraints(pinned=(((3,), (4, 5)),), forbidden=((7, 7),)))

They act on the lattice, not on the scores' ingredients: every candidate
bead that contradicts a constraint gets an impossible score before the
Viterbi and forward-backward passes, so the best path and every confidence
are computed among the alignments that respect them (a pinned bead comes out
with confidence 1).  A pinned bead of a shape the lattice does not know
(1-4, 3-2, ...) cuts the texts in two: the aligner aligns what lies between
such beads on its own (`editflow.align`), which is what the lattice would do,
a pinned bead leaving every other bead wholly before or after it; a pinned
one-sided bead (0-3) is that many pinned additions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editflow.align.dp import KINDS, NEG, Band

Side = tuple[int, ...]


@dataclass(frozen=True)
class Constraints:
    pinned: tuple[tuple[Side, Side], ...] = ()   # (uk paragraphs, en paragraphs) that must form one bead
    forbidden: tuple[tuple[int, int], ...] = ()  # (uk paragraph, en paragraph) that must not share a bead

    def __post_init__(self) -> None:
        for src, tgt in self.pinned:
            if not src and not tgt:
                raise ValueError("a pinned pair needs a paragraph")
            for side in (src, tgt):
                if side and tuple(side) != tuple(range(side[0], side[0] + len(side))):
                    raise ValueError(f"pinned paragraphs {list(side)} are not consecutive")

    def __bool__(self) -> bool:
        return bool(self.pinned or self.forbidden)

    def on_lattice(self) -> Constraints:
        """The same constraints with a one-sided pin of several paragraphs as that many one-paragraph pins."""
        pinned: list[tuple[Side, Side]] = []
        for src, tgt in self.pinned:
            if src and tgt:
                pinned.append((src, tgt))
            else:
                pinned += [((i,), ()) for i in src] + [((), (j,)) for j in tgt]
        return Constraints(tuple(pinned), self.forbidden)

    def beyond_lattice(self) -> list[tuple[Side, Side]]:
        """The pinned pairs of a shape the lattice does not hold, in order."""
        return sorted(((s, t) for s, t in self.pinned if s and t and (len(s), len(t)) not in KINDS),
                      key=lambda st: (st[0][0], st[1][0]))


def apply_constraints(scores: Sequence[np.ndarray], band: Band, constraints: Constraints, n: int) -> None:
    """Give every bead that breaks a constraint an impossible score (in place).

    Scores are per kind (KINDS order), indexed by the bead's end cell (i, j)
    in band layout; the bead covers uk [i-a, i) and en [j-b, j).  The 0-1
    scores take a large finite cost instead of NEG: the row recurrence works
    on their prefix sums.
    """
    assert all((len(s), len(t)) in KINDS for s, t in constraints.pinned), "cut at larger pins first (align._align)"
    w = band.width
    rows = np.arange(n + 1)[:, None]
    cols = band.lo[:, None] + np.arange(w)[None, :]
    bad = [np.zeros((n + 1, w), dtype=bool) for _ in KINDS]
    for k, (ka, kb) in enumerate(KINDS):
        s_lo, s_hi, t_lo, t_hi = rows - ka, rows, cols - kb, cols
        for src, tgt in constraints.pinned:
            exact = np.full((n + 1, w), (ka, kb) == (len(src), len(tgt)))
            touches = np.zeros((n + 1, w), dtype=bool)
            if src:
                i0, i1 = src[0], src[-1] + 1
                exact &= s_lo == i0
                touches |= (s_lo < i1) & (s_hi > i0)
            if tgt:
                j0, j1 = tgt[0], tgt[-1] + 1
                exact &= t_lo == j0
                touches |= (t_lo < j1) & (t_hi > j0)
            if src and tgt:
                # Every other bead lies wholly before the pinned one or wholly after it.
                before = (s_hi <= i0) & (t_hi <= j0)
                after = (s_lo >= i1) & (t_lo >= j1)
                bad[k] |= ~exact & ~before & ~after
            else:
                bad[k] |= touches & ~exact
        if ka and kb:
            for p, q in constraints.forbidden:
                bad[k] |= (s_lo <= p) & (s_hi > p) & (t_lo <= q) & (t_hi > q)
    last = len(KINDS) - 1
    for k, mask in enumerate(bad):
        if mask.any():
            scores[k][mask] = -1e4 if k == last else NEG
