"""Log-scores of every candidate bead in the band.

A bead's score is log prior(kind) + length evidence + anchor evidence +
role evidence.  Length evidence is Gale & Church's: the target length of a
bead is normal around ratio × source length with variance proportional to
the length; the ratio is estimated per document.  Omissions and additions
get a flat cost (not a length mismatch, which is what makes Gale–Church
unable to leave a long paragraph unpaired), made cheaper for paragraphs
whose role says they are often unpaired: boilerplate, notes, headline
variants, bylines, teasers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from editflow.align.dp import KINDS, NEG, Band, gather
from editflow.align.features import ParaFeatures
from editflow.align.lexical import LexicalGrids

# Paragraph categories for the role evidence; 0 is ordinary text.
# "headline-labelled" is a variant that says so ("Headline option 2: …"): it
# almost never pairs, unlike an unlabelled variant, which may well be the
# headline the other side translated.
ROLE_CATEGORY = {"boilerplate": 1, "note": 2, "teaser": 3, "byline": 4, "title": 5, "headline": 6,
                 "headline-labelled": 7}
TITLE_CAT, HEADLINE_CAT = 5, 6  # HEADLINE_CAT and above: variants
N_CATS = 8  # categories 0..7


@cache
def role_penalty_table(a: int, b: int, role_pen: float, headline_pen: float) -> np.ndarray:
    """Role penalty of an a-b bead for every combination of its paragraphs' categories.

    Index: sum of src category k × 8**k, plus tgt category k × 8**(a+k).
    A special paragraph (boilerplate, note, ...) whose kind has no
    counterpart on the other side is a strong surprise; a title paired with a
    headline variant only a mild one; a headline variant is a line of its
    own, never half of a merged bead.
    """
    codes = np.arange(N_CATS ** (a + b))
    cs = [(codes // N_CATS ** k) % N_CATS for k in range(a)]
    ct = [(codes // N_CATS ** (a + k)) % N_CATS for k in range(b)]
    pen = np.zeros(len(codes))
    for one, other in ((cs, ct), (ct, cs)):
        for x in one:
            lonely = x > 0
            near = np.zeros_like(lonely)
            for y in other:
                lonely &= y != x
                near |= ((x == TITLE_CAT) | (x == HEADLINE_CAT)) & ((y == TITLE_CAT) | (y == HEADLINE_CAT))
            near |= x == TITLE_CAT
            pen += np.where(lonely, np.where(near, headline_pen, role_pen), 0.0)
    if a > 1:
        pen += role_pen * sum((x >= HEADLINE_CAT) for x in cs)
    if b > 1:
        pen += role_pen * sum((x >= HEADLINE_CAT) for x in ct)
    return pen


@dataclass(frozen=True)
class Params:
    # Variance of the target length per unit of bead length (Gale & Church's s²).
    s2: float = 12.0
    priors: dict[tuple[int, int], float] = field(default_factory=lambda: {
        (1, 1): math.log(0.89), (1, 2): math.log(0.03), (2, 1): math.log(0.03),
        (2, 2): math.log(0.0005), (1, 3): math.log(0.01), (3, 1): math.log(0.01),
    })
    null: float = -3.5
    # Null cost by role: unpaired web furniture is expected.
    null_role: dict[int, float] = field(default_factory=lambda: {1: -1.0, 2: -1.5, 3: -2.5, 4: -2.5, 5: -2.5,
                                                                 6: -2.0, 7: -1.0})
    match: float = 2.0      # per unit of matched anchor weight
    miss: float = 0.6       # per unit of unmatched anchor weight
    role_pen: float = 4.0   # a special paragraph paired with one of another kind
    headline_pen: float = 0.3
    temperature: float = 1.0
    # Lexical evidence (with a lexicon): weight of the words' log-likelihood
    # ratio (the words of a paragraph are not independent trials), the least
    # probability of a lexicon pair that counts as a translation, and how often
    # a true pair covers a word (None: from the lexicon's training).
    lex_weight: float = 0.5
    lex_min_p: float = 0.1
    lex_r: float | None = None


def log_tail(x: np.ndarray) -> np.ndarray:
    """log P(|Z| > x) for a standard normal Z, stable far into the tail.

    Numerical Recipes' erfcc in log form: erfc(z) = t·exp(-z² + poly(t)),
    relative error < 1.2e-7 everywhere, and no underflow to -inf.
    """
    z = np.abs(x) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    return np.log(t) - z * z + poly


@dataclass
class Evidence:
    """Per-document inputs to the scores, on the cell grid of a band."""
    src_len: np.ndarray     # cumulative lengths, n+1
    tgt_len: np.ndarray     # m+1
    src_tot: np.ndarray     # cumulative anchor weight, n+1
    tgt_tot: np.ndarray
    # Anchor weight shared by paragraphs p and p+1 (index 0) or p and p+2
    # (index 1) on one side, so that a span's distinct anchors are not
    # counted twice when a merged bead is scored.
    src_shared: tuple[np.ndarray, np.ndarray]
    tgt_shared: tuple[np.ndarray, np.ndarray]
    src_cat: np.ndarray     # category per paragraph, n
    tgt_cat: np.ndarray
    # Anchors shared by few paragraphs, as flat pair arrays (source paragraph,
    # target paragraph, weight): the grid of a band is then one bincount.
    pair_src: np.ndarray
    pair_tgt: np.ndarray
    pair_weight: np.ndarray
    # The other shared anchors: source paragraphs, target paragraphs (sorted), weight.
    postings: list[tuple[list[int], np.ndarray, float]]
    strong: dict[tuple[int, int], float]  # pairs sharing anchors found in at most two paragraphs a side


FLAT_PAIRS = 256  # anchors with at most this many paragraph pairs are enumerated up front


def build_evidence(src: Sequence[ParaFeatures], tgt: Sequence[ParaFeatures],
                   weights: dict[str, float], src_roles: Sequence[str], tgt_roles: Sequence[str],
                   max_df: int = 60) -> Evidence:
    def cum(vals: Sequence[float]) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(np.asarray(vals, dtype=float))])

    src_tot = [sum(weights[k] for k in f.keys) for f in src]
    tgt_tot = [sum(weights[k] for k in f.keys) for f in tgt]
    postings_t: dict[str, list[int]] = {}
    for q, f in enumerate(tgt):
        for k in f.keys:
            postings_t.setdefault(k, []).append(q)
    postings_s: dict[str, list[int]] = {}
    for p, f in enumerate(src):
        for k in f.keys:
            if k in postings_t:
                postings_s.setdefault(k, []).append(p)
    # Per shared key: source paragraphs, target paragraphs (sorted) and weight.
    # Pairs are not enumerated here: a key in many paragraphs on both sides
    # would make that quadratic; pair_grid only visits pairs inside the band.
    postings = []
    flat_s: list[int] = []
    flat_t: list[int] = []
    flat_w: list[float] = []
    strong: dict[tuple[int, int], float] = {}
    big: list[tuple[list[int], list[int], float]] = []
    # Enumerated pairs cost memory linear in their number: a document may have
    # this many per paragraph; beyond that (a book) the frequent anchors are
    # visited per band row instead.
    budget = FLAT_PAIRS * (len(src) + len(tgt)) // 4
    for k, ps in postings_s.items():
        qs = postings_t[k]
        if len(qs) > max_df:
            continue
        w = weights[k]
        size = len(ps) * len(qs)
        if FLAT_PAIRS < size <= budget:
            budget -= size
            big.append((ps, qs, w))
        elif size <= FLAT_PAIRS:
            for p in ps:
                for q in qs:
                    flat_s.append(p)
                    flat_t.append(q)
            flat_w.extend([w] * (len(ps) * len(qs)))
            if len(ps) * len(qs) <= 4:
                for p in ps:
                    for q in qs:
                        strong[(p, q)] = strong.get((p, q), 0.0) + w
        else:
            postings.append((ps, np.asarray(qs), w))

    def shared(feats: Sequence[ParaFeatures], gap: int) -> np.ndarray:
        out = np.zeros(len(feats) + 3)
        for p in range(len(feats) - gap):
            common = feats[p].keys.keys() & feats[p + gap].keys.keys()
            if common:
                out[p] = sum(weights[k] for k in common)
        return out

    return Evidence(
        src_shared=(shared(src, 1), shared(src, 2)), tgt_shared=(shared(tgt, 1), shared(tgt, 2)),
        src_len=cum([f.length for f in src]), tgt_len=cum([f.length for f in tgt]),
        src_tot=cum(src_tot), tgt_tot=cum(tgt_tot),
        src_cat=np.array([ROLE_CATEGORY.get(r, 0) for r in src_roles], dtype=np.int64),
        tgt_cat=np.array([ROLE_CATEGORY.get(r, 0) for r in tgt_roles], dtype=np.int64),
        pair_src=np.concatenate([np.asarray(flat_s, dtype=np.int64)]
                                + [np.repeat(np.asarray(ps, dtype=np.int64), len(qs)) for ps, qs, _ in big]),
        pair_tgt=np.concatenate([np.asarray(flat_t, dtype=np.int64)]
                                + [np.tile(np.asarray(qs, dtype=np.int64), len(ps)) for ps, qs, _ in big]),
        pair_weight=np.concatenate([np.asarray(flat_w, dtype=float)]
                                   + [np.full(len(ps) * len(qs), w) for ps, qs, w in big]),
        postings=postings, strong=strong,
    )


def pair_grid(ev: Evidence, band: Band, n: int) -> np.ndarray:
    """Matched anchor weight of paragraph pair (i-1, j-1) at band cell (i, j)."""
    w = band.width
    lo = band.lo
    rows = ev.pair_src + 1
    cols = ev.pair_tgt - (lo[rows] - 1)  # target paragraph q sits at column q+1-lo in row p+1
    ok = (cols >= 0) & (cols < w)
    grid = np.bincount(rows[ok] * w + cols[ok], weights=ev.pair_weight[ok],
                       minlength=(n + 1) * w).reshape(n + 1, w)
    for ps, qs, weight in ev.postings:
        for p in ps:
            first = int(lo[p + 1]) - 1  # target paragraph at column 0 of row p+1
            a, b = np.searchsorted(qs, (first, first + w))
            if a < b:
                grid[p + 1, qs[a:b] - first] += weight
    return grid


def bead_scores(ev: Evidence, band: Band, ratio: float, prm: Params,
                lex: LexicalGrids | None = None) -> list[np.ndarray]:
    """Score arrays (n+1, W), one per kind in KINDS order; NEG where a bead cannot end.

    `lex`: the words' evidence on this band (editflow.align.lexical), when a lexicon is used.
    """
    n, m = len(ev.src_len) - 1, len(ev.tgt_len) - 1
    w = band.width
    rows = np.arange(n + 1)[:, None]
    cols = band.lo[:, None] + np.arange(w)[None, :]
    grid = pair_grid(ev, band, n)
    cat_grid_t = np.zeros((n + 1, w), dtype=np.int64)  # category of target paragraph j-1 at cell (i, j)
    inside = (cols >= 1) & (cols <= m)
    cat_grid_t[inside] = ev.tgt_cat[np.clip(cols, 1, m)[inside] - 1]
    # Shifted copies of the pair grid and target categories, each made once
    # and shared by every kind that needs it.
    shifted: dict[tuple[int, int], np.ndarray] = {}

    def grid_at(da: int, db: int) -> np.ndarray:
        if (da, db) not in shifted:
            shifted[(da, db)] = gather(grid, band, da, db)
        return shifted[(da, db)]

    cats = {db: gather(cat_grid_t.astype(float), band, 0, db).astype(np.int64) for db in range(3)}
    # Index arrays shared by every kind with the same a (rows) or b (columns).
    ri_of = {a: np.clip(rows, a, n) for a in range(4)}
    cj_of = {b: np.clip(cols, b, m) for b in range(4)}
    src_cat_at = [(ev.src_cat[np.clip(rows - 1 - da, 0, max(n - 1, 0))] if n else np.zeros_like(rows))
                  for da in range(3)]
    out: list[np.ndarray] = []
    for a, b in KINDS:
        valid = (rows >= a) & (cols >= b) & (cols <= m)
        ri = ri_of[a]
        cj = cj_of[b]
        if a == 0 or b == 0:
            table = np.array([prm.null] + [prm.null_role.get(c, prm.null) for c in range(1, 8)])
            if a == 1:
                cat_rows = ev.src_cat[np.clip(np.arange(n + 1) - 1, 0, n - 1)] if n else np.zeros(1, int)
                s = np.broadcast_to(table[cat_rows][:, None], (n + 1, w)).copy()
            else:
                s = table[cat_grid_t]
            # 0-1 cells that cannot hold a bead get a large finite cost: the
            # row recurrence works on prefix sums, which NEG would wreck.
            out.append(np.where(valid, s / prm.temperature, NEG if a else -1e4))
            continue
        ls = ev.src_len[ri] - ev.src_len[ri - a]
        lt = ev.tgt_len[cj] - ev.tgt_len[cj - b]
        mean = np.maximum((ratio * ls + lt) / 2.0, 1.0)
        delta = (lt - ratio * ls) / np.sqrt(prm.s2 * mean)
        s = prm.priors[(a, b)] + log_tail(delta)
        # Anchors.
        matched = np.zeros((n + 1, w))
        for da in range(a):
            for db in range(b):
                matched += grid_at(da, db)
        # Distinct anchor weight on each side of the bead (pairs that repeat an
        # anchor inside the span count it once), and the matched weight capped
        # by both: a name repeated in two paragraphs must not make a 2-2 bead
        # look better than the two 1-1 beads it is made of.
        tot_s = ev.src_tot[ri] - ev.src_tot[ri - a]
        for gap in range(1, a):
            for first in range(a - gap):
                tot_s = tot_s - ev.src_shared[gap - 1][np.clip(ri - a + first, 0, n)]
        tot_t = ev.tgt_tot[cj] - ev.tgt_tot[cj - b]
        for gap in range(1, b):
            for first in range(b - gap):
                tot_t = tot_t - ev.tgt_shared[gap - 1][np.clip(cj - b + first, 0, m)]
        tot_s, tot_t = np.maximum(tot_s, 0.0), np.maximum(tot_t, 0.0)
        matched = np.minimum(matched, np.minimum(tot_s, tot_t))
        unmatched = tot_s + tot_t - 2.0 * matched
        s = s + prm.match * matched - prm.miss * unmatched
        # Roles: the penalty depends only on the categories in the bead, so it
        # is read from a table indexed by their base-8 code (one gather instead
        # of dozens of whole-lattice operations per kind).
        code = np.zeros((n + 1, w), dtype=np.int64)
        for da in range(a):
            code += src_cat_at[da] * (N_CATS ** da)
        for db in range(b):
            code += cats[db] * (N_CATS ** (a + db))
        pen = role_penalty_table(a, b, prm.role_pen, prm.headline_pen)[code]
        s = s - pen
        if lex is not None:
            words = (lex.src_base[ri] - lex.src_base[ri - a]) + (lex.tgt_base[cj] - lex.tgt_base[cj - b])
            for da in range(a):
                g = lex.src_gain[b - 1]
                words = words + (g if da == 0 else gather(g, band, da, 0))
            for db in range(b):
                g = lex.tgt_gain[a - 1]
                words = words + (g if db == 0 else gather(g, band, 0, db))
            s = s + prm.lex_weight * words
        out.append(np.where(valid, s / prm.temperature, NEG))
    return out
