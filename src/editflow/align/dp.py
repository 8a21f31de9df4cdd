"""Banded dynamic programming over bead scores: Viterbi path and forward-backward posteriors.

The lattice has a cell (i, j) for "the first i source and first j target
paragraphs are aligned".  Only a band of W cells per row is kept, centred
on where cumulative lengths say row i should land, so time and memory grow
linearly with the document (a book of 3,000 paragraphs a side is a few
hundred rows × W cells, not a 3,000 × 3,000 matrix).  Rows are processed
with numpy: a bead of kind (a, b) reads row i-a shifted by b, and the 0-1
(addition) bead that stays within a row is a running log-sum (or running
maximum) along the row.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

NEG = -1e30

# (source paragraphs, target paragraphs) of every bead kind; 0-1 must stay last
# (it is the within-row recurrence).
KINDS: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 0), (0, 1))


@dataclass
class Band:
    lo: np.ndarray  # first target boundary j held in row i
    width: int


def make_band(src_cum: np.ndarray, tgt_cum: np.ndarray, width: int,
              centre: np.ndarray | None = None) -> Band:
    """A band of `width` cells per row around `centre` (target position per row).

    Without a centre the band follows the diagonal by index and by cumulative
    length, halfway between the two.
    """
    n, m = len(src_cum) - 1, len(tgt_cum) - 1
    if width >= m + 1:
        return Band(np.zeros(n + 1, dtype=np.int64), m + 1)
    if centre is None:
        total_s, total_t = max(src_cum[-1], 1.0), max(tgt_cum[-1], 1.0)
        by_len = np.searchsorted(tgt_cum, src_cum * (total_t / total_s))
        by_idx = np.arange(n + 1) * (m / max(n, 1))
        centre = (by_len + by_idx) / 2.0
    lo = np.clip(np.round(np.asarray(centre, dtype=float) - width / 2.0).astype(np.int64), 0, m + 1 - width)
    # Rows must overlap enough for beads of up to 3 target paragraphs to connect them.
    lo = np.maximum.accumulate(lo)
    for i in range(1, n + 1):
        if lo[i] > lo[i - 1] + width // 2:
            lo[i] = lo[i - 1] + width // 2
    lo[0] = 0
    lo = np.minimum(lo, m + 1 - width)
    return Band(lo, width)


def anchor_centre(pairs: dict[tuple[int, int], float], n: int, m: int, min_weight: float = 0.5) -> np.ndarray:
    """Target position per row, interpolated through the longest chain of strong anchor pairs.

    Paragraph pairs that share a rare anchor (a number, a name) are points
    near the true path; the longest chain increasing on both sides drops the
    stray ones.  This keeps the band on the path where lengths drift (a long
    omission, a translation much wordier in one part than in another).
    """
    # Longest chain strictly increasing in p and q (patience sorting on q;
    # q descending within a source row, so one row contributes one point).
    pts = sorted(((p, q) for (p, q), w in pairs.items() if w >= min_weight), key=lambda x: (x[0], -x[1]))
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pts)
    for k, (_, q) in enumerate(pts):
        pos = bisect.bisect_left(tails, q)
        if pos == len(tails):
            tails.append(q)
            tail_idx.append(k)
        else:
            tails[pos] = q
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pts[k])
        k = prev[k]
    chain.reverse()
    xs = [0.0] + [p + 0.5 for p, _ in chain] + [float(n)]
    ys = [0.0] + [q + 0.5 for _, q in chain] + [float(m)]
    return np.interp(np.arange(n + 1), xs, ys)


def path_centre(path: list[tuple[int, int, int, int]], n: int) -> np.ndarray:
    """Target position per row along an alignment path."""
    centre = np.zeros(n + 1)
    for i0, j0, i1, j1 in path:
        centre[i1] = j1
        if i1 > i0 + 1:
            centre[i0 + 1:i1] = j0 + (j1 - j0) * (np.arange(i0 + 1, i1) - i0) / (i1 - i0)
    return centre


def gather(grid: np.ndarray, band: Band, da: int, db: int, fill: float = 0.0) -> np.ndarray:
    """grid[i-da, j-db] for every band cell (i, j), `fill` outside the band."""
    n1, w = grid.shape
    out = np.full((n1, w), fill)
    if da >= n1:
        return out
    if not band.lo.any():
        # The full lattice (every row starts at column 0): a shift is a slice.
        if db < w:
            out[da:, db:] = grid[:n1 - da, :w - db]
        return out
    rows = np.arange(da, n1)
    cols = band.lo[rows, None] + np.arange(w)[None, :] - db - band.lo[rows - da, None]
    ok = (cols >= 0) & (cols < w)
    vals = grid[rows - da][np.arange(len(rows))[:, None], np.clip(cols, 0, w - 1)]
    out[da:] = np.where(ok, vals, fill)
    return out


# Rows are stored with NEG padding so that every shifted read is a plain slice:
# LEFT cells before column 0 (a bead reaches back at most 3 target paragraphs),
# and enough after the band for the largest jump between rows that make_band allows.
LEFT = 3


def _read_index(band: Band, n: int, rowlen: int, direction: int, left: int = LEFT) -> np.ndarray:
    """Flat indexes into a padded (n+2, rowlen) table, per row and kind, of the
    cells a bead of that kind connects to (row i-a shifted by b going forward,
    row i+a shifted by -b going backward).  Out-of-lattice reads point at the
    last row, which stays NEG.  Precomputed so that a DP row costs one gather
    instead of one numpy call per kind."""
    w = band.width
    kinds = KINDS[:-1]
    a = np.array([k[0] for k in kinds])
    b = np.array([k[1] for k in kinds])
    rows = np.arange(n + 1)[:, None]
    other = rows - a[None, :] * direction
    ok = (other >= 0) & (other <= n)
    other_c = np.clip(other, 0, n)
    lo = band.lo
    start = (lo[rows] - b[None, :] - lo[other_c]) if direction > 0 else (lo[rows] + b[None, :] - lo[other_c])
    start = start + left
    ok &= (start >= 0) & (start + w <= rowlen)
    base = np.where(ok, other_c * rowlen + start, (n + 1) * rowlen)
    return base[:, :, None] + np.arange(w)[None, None, :]


def forward_tables(scores: list[np.ndarray], band: Band, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The Viterbi (max) and the sum (log-add) forward tables, in one pass over the rows.

    Both need the same gathers and prefix sums, so one row loop serves both
    (a third fewer numpy calls than two passes).
    """
    w = band.width
    rowlen = LEFT + w + 2 * w
    acc = np.full((2, n + 2, rowlen), NEG)
    flat = acc.reshape(-1)
    idx = _read_index(band, n, rowlen, +1)
    idx2 = np.stack([idx, idx + (n + 2) * rowlen], axis=1)  # (n+1, 2, kinds, w)
    stacked = np.stack(scores[:-1], axis=1)[:, None]          # (n+1, 1, kinds, w)
    prefix = np.cumsum(scores[-1], axis=1)
    for i in range(n + 1):
        vals = flat[idx2[i]] + stacked[i]
        best = vals[0].max(axis=0)
        rest = np.logaddexp.reduce(vals[1], axis=0)
        if i == 0:
            best[0] = rest[0] = 0.0  # the empty alignment at (0, 0); band.lo[0] == 0
        # 0-1 beads along the row: v[j] = combine(rest[j], v[j-1] + add[i, j]),
        # i.e. v = P + accumulate(rest - P) with P the prefix sum of add.
        p = prefix[i]
        acc[0, i, LEFT:LEFT + w] = np.maximum.accumulate(best - p) + p
        acc[1, i, LEFT:LEFT + w] = np.logaddexp.accumulate(rest - p) + p
    return acc[0, :n + 1, LEFT:LEFT + w], acc[1, :n + 1, LEFT:LEFT + w]


def viterbi(scores: list[np.ndarray], band: Band, n: int, m: int,
            delta: np.ndarray | None = None) -> list[tuple[int, int, int, int]]:
    """Best path as (i0, j0, i1, j1) bead boxes, in order (`delta`: the Viterbi table, if computed already)."""
    w = band.width
    if delta is None:
        delta = forward_tables(scores, band, n)[0]
    if delta[n, m - band.lo[n]] <= NEG / 2:
        raise RuntimeError("no alignment path inside the band")
    # Trace back by re-deriving which kind reached each cell (cheap: one cell per bead).
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        best, best_k = NEG, -1
        for k, (a, b) in enumerate(KINDS):
            pi, pj = i - a, j - b
            if pi < 0 or pj < 0:
                continue
            c0 = pj - band.lo[pi]
            c1 = j - band.lo[i]
            if not (0 <= c0 < w and 0 <= c1 < w):
                continue
            v = delta[pi, c0] + scores[k][i, c1]
            if v > best:
                best, best_k = v, k
        a, b = KINDS[best_k]
        path.append((i - a, j - b, i, j))
        i, j = i - a, j - b
    path.reverse()
    return path


def forward_backward(scores: list[np.ndarray], band: Band, n: int, m: int,
                     alpha: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float]:
    """Log forward and backward tables (band layout) and the log partition function."""
    w = band.width
    if alpha is None:
        alpha = forward_tables(scores, band, n)[1]
    z = float(alpha[n, m - band.lo[n]])

    # Backward: beta[i, j] = logsumexp over beads starting at (i, j).  Stored
    # padded like the forward table, reading rows i+a shifted by -b.
    # Backward: beta[i, j] = logsumexp over beads starting at (i, j), i.e.
    # beta[i+a, j+b] + score of that bead (stored at its end cell).  Rows of
    # the band move right by up to 1.5 widths over 3 rows, hence the wide
    # left padding that keeps every read a plain gather.
    left = 2 * w
    rowlen = left + w + 2 * w
    beta_p = np.full((n + 2, rowlen), NEG)
    beta_flat = beta_p.reshape(-1)
    kinds = len(KINDS) - 1
    score_p = np.full((kinds, n + 2, rowlen), NEG)
    for k in range(kinds):
        score_p[k, :n + 1, left:left + w] = scores[k]
    score_flat = score_p.reshape(-1)
    idx = _read_index(band, n, rowlen, -1, left)
    # The scores each row reads do not depend on beta: gathered for all rows at once.
    row_scores = score_flat[idx + (np.arange(kinds) * (n + 2) * rowlen)[None, :, None]]
    prefix = np.cumsum(scores[-1], axis=1)
    for i in range(n, -1, -1):
        rest = np.logaddexp.reduce(beta_flat[idx[i]] + row_scores[i], axis=0)
        if i == n and 0 <= m - band.lo[n] < w:
            rest[m - band.lo[n]] = 0.0
        # 0-1 along the row, right to left: b[j] = logaddexp(rest[j], add[i, j+1] + b[j+1]),
        # i.e. b[j] = -P[j] + log sum_{t>=j} exp(rest[t] + P[t]) with P the prefix sum of add.
        p = prefix[i]
        beta_p[i, left:left + w] = np.logaddexp.accumulate((rest + p)[::-1])[::-1] - p
    beta = beta_p[:n + 1, left:left + w]
    return alpha, beta, z


def posteriors(path: list[tuple[int, int, int, int]], scores: list[np.ndarray], band: Band,
               alpha: np.ndarray, beta: np.ndarray, z: float) -> list[float]:
    out = []
    for i0, j0, i1, j1 in path:
        k = KINDS.index((i1 - i0, j1 - j0))
        v = alpha[i0, j0 - band.lo[i0]] + scores[k][i1, j1 - band.lo[i1]] + beta[i1, j1 - band.lo[i1]] - z
        out.append(float(min(1.0, np.exp(v))))
    return out
