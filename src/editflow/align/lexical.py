"""Lexical evidence of a bead: do the words of one side translate words of the other?

Every Ukrainian word the lexicon can translate, whose renderings occur
somewhere in the English document, is a trial: in a bead it is *covered*
when one of its renderings is in the bead's English side.  Under the
hypothesis that the two sides translate each other a word is covered with
probability r + (1 − r)·ρ (translated, or by chance); under the hypothesis
that they are unrelated with the chance rate ρ alone.  ρ depends on the
word and on the size of the other side: ρ = 1 − (1 − f)^L, where f is the
share of the English document's words that render this word and L the
number of words in the bead's English side.  A word's log-likelihood ratio
is therefore

    covered:      log(r + (1 − r)·ρ) − log ρ
    not covered:  log(1 − r)

and a bead scores the sum over the words of both sides (English words
likewise against the Ukrainian side).  Because ρ grows with L, the same
covered word is worth less in a merged bead than in a 1-1 one: a fixed
chance rate would make a 2-2 merge of two good pairs look better than the
pairs themselves.  A paragraph left unpaired scores 0, so an omitted
paragraph whose words have no counterpart is cheaper left out than merged
into a neighbour's bead.

Everything is computed once per document as flat arrays (words × the
paragraphs that cover them), then spread on the lattice's band with
bincount, one grid per span size: no Python loop over cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from editflow.align.dp import Band
from editflow.align.features import words_of
from editflow.align.lexicon import Lexicon, sorted_unique
from editflow.textnorm import normalize


@dataclass
class SideWords:
    """One side's lexicon words, per paragraph."""
    ids: list[np.ndarray]          # distinct lexicon ids per paragraph
    cum: np.ndarray                # cumulative number of lexicon words, n+1


@dataclass
class Covers:
    """The trials of one side: eligible words, their renderings, and where the other side holds them."""
    para: np.ndarray               # paragraph of each eligible word
    freq: np.ndarray               # f: share of the other document's words that render it
    rend_word: np.ndarray          # (eligible word, rendering) pairs: the word's index into para/freq ...
    rend_id: np.ndarray            # ... and the rendering's lexicon id on the other side
    postings: np.ndarray           # the other side's words, sorted: id × (other paragraphs + 1) + paragraph
    n_other: int                   # paragraphs on the other side
    base: np.ndarray               # cumulative count of eligible words per paragraph, n+1

    def covered(self, lo: np.ndarray, hi: np.ndarray, pick: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(word, paragraph) pairs where the other side's paragraph holds a rendering of the word,
        sorted and distinct, looking only at paragraphs lo[w] <= q < hi[w] of each word w.

        Only the paragraphs a band can pair a word with are visited, so a book
        costs what its band costs, not words × every paragraph that renders them.
        `pick`: restrict to these (word, rendering) entries.
        """
        words = self.rend_word if pick is None else self.rend_word[pick]
        ids = self.rend_id if pick is None else self.rend_id[pick]
        stride = self.n_other + 1
        start = np.searchsorted(self.postings, ids * stride + lo[words])
        end = np.searchsorted(self.postings, ids * stride + np.maximum(hi[words], lo[words]))
        pos, found = _ranges(start, end)
        if not len(found):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        key = sorted_unique(words[pos] * stride + self.postings[found] % stride)
        return key // stride, key % stride


@dataclass
class LexicalEvidence:
    src: SideWords
    tgt: SideWords
    src_cov: Covers                # Ukrainian words covered by English paragraphs
    tgt_cov: Covers                # English words covered by Ukrainian paragraphs
    r: float                       # how often a true pair covers a word


def side_words(words: Sequence[Iterable[str]], get_id: Callable[[str], int]) -> SideWords:
    """Each paragraph's distinct lexicon ids, from its distinct words as written (`get_id`: word → id or -1)."""
    ids = []
    for ws in words:
        seen = set(map(get_id, ws))
        seen.discard(-1)
        ids.append(np.fromiter(sorted(seen), dtype=np.int64, count=len(seen)))
    cum = np.concatenate([[0], np.cumsum([len(x) for x in ids])]).astype(np.float64)
    return SideWords(ids, cum)


def _ranges(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every index of the ranges [starts[k], ends[k]): (k per index, index)."""
    lens = np.maximum(ends - starts, 0)
    total = int(lens.sum())
    if total == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pos = np.repeat(np.arange(len(starts)), lens)
    offs = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
    return pos, np.repeat(starts, lens) + offs


def _covers(words: SideWords, other: SideWords, ptr: np.ndarray, trans: np.ndarray, max_df: int) -> Covers:
    """This side's trials against the other side's words."""
    n, n_other = len(words.ids), len(other.ids)
    para = np.repeat(np.arange(n), [len(x) for x in words.ids])
    wid = np.concatenate(words.ids) if n else np.zeros(0, np.int64)
    stride = n_other + 1
    o_para = np.repeat(np.arange(n_other), [len(x) for x in other.ids])
    o_id = np.concatenate(other.ids) if n_other else np.zeros(0, np.int64)
    postings = np.sort(o_id * stride + o_para)
    total_other = max(float(len(o_id)), 1.0)
    # Each word's renderings, and how many of the other side's paragraphs hold each.
    pos, rend = _ranges(ptr[wid], ptr[wid + 1])
    rend = trans[rend]
    held = np.searchsorted(postings, rend * stride + stride) - np.searchsorted(postings, rend * stride)
    count = np.bincount(pos, weights=held, minlength=len(wid)) if len(pos) else np.zeros(len(wid))
    # A word whose renderings are nowhere in the other document is no trial:
    # the lexicon lacks the translator's word far more often than the
    # paragraph lacks a counterpart.  One rendered all over it is no evidence.
    eligible = (count >= 1) & (count <= max_df)
    new = np.cumsum(eligible) - 1
    keep = eligible[pos] & (held > 0)
    freq = np.clip(count[eligible] / total_other, 1e-6, 0.9)
    base = np.concatenate([[0.0], np.cumsum(np.bincount(para[eligible], minlength=n))])
    return Covers(para[eligible], freq, new[pos[keep]], rend[keep], postings, n_other, base)


def lexical_evidence(lexicon: Lexicon, src: Sequence[str], tgt: Sequence[str], min_p: float = 0.1,
                     r: float | None = None, max_df: int = 60,
                     src_words: Sequence[Iterable[str]] | None = None,
                     tgt_words: Sequence[Iterable[str]] | None = None) -> LexicalEvidence:
    """The words' evidence for one document pair.

    `src_words`/`tgt_words`: each paragraph's distinct words, when the
    caller has them already (the anchors' extractor does); else read here.
    """
    table = lexicon.table(min_p)
    sw = side_words(src_words if src_words is not None else [set(words_of(normalize(t))) for t in src],
                    lexicon.uk_word_id)
    tw = side_words(tgt_words if tgt_words is not None else [set(words_of(normalize(t))) for t in tgt],
                    lexicon.en_id)
    src_cov = _covers(sw, tw, table.uk_ptr, table.uk_to_en, max_df)
    tgt_cov = _covers(tw, sw, table.en_ptr, table.en_to_uk, max_df)
    if r is None:
        r = float(lexicon.meta.get("coverage", 0.6)) * 0.8
    return LexicalEvidence(sw, tw, src_cov, tgt_cov, float(np.clip(r, 0.05, 0.95)))


def _gain(freq: np.ndarray, length: np.ndarray, r: float) -> np.ndarray:
    """log-likelihood ratio of a covered word over a not-covered one, against a span of `length` words."""
    rho = -np.expm1(length * np.log1p(-freq))
    rho = np.maximum(rho, 1e-12)
    return np.log(r + (1.0 - r) * rho) - np.log(rho) - np.log1p(-r)


def _grids(cov: Covers, other_cum: np.ndarray, rows_of_para: bool, band: Band, n: int, m: int,
           r: float) -> list[np.ndarray]:
    """Gain grids for spans of 1, 2 and 3 paragraphs on the other side.

    rows_of_para=True (Ukrainian words): grid k holds, at cell (p+1, j), the
    gain of paragraph p's words against the English span of k+1 paragraphs
    ending at j.  False (English words): at cell (i, q+1), the gain of
    paragraph q's words against the Ukrainian span of k+1 paragraphs ending at i.
    """
    w = band.width
    lo = band.lo
    out = []
    limit = m if rows_of_para else n
    # The other side's paragraphs the band can pair each word with.
    if rows_of_para:   # Ukrainian paragraph p, row p+1: English spans ending in the row's band
        start = lo[cov.para + 1] - 3
        stop = lo[cov.para + 1] + w
    else:              # English paragraph q, column q+1: the rows whose band holds that column
        first_row = np.searchsorted(lo + w, cov.para + 1, side="right")
        last_row = np.searchsorted(lo, cov.para + 1, side="right") - 1
        start, stop = first_row - 3, np.where(last_row >= first_row, last_row, first_row - 3)
    cov_word, cov_para = cov.covered(np.clip(start, 0, limit), np.clip(stop, 0, limit))
    # Covered pairs come sorted by (word, paragraph): the paragraph before,
    # for the same word, tells which spans already count the word.
    same = np.zeros(len(cov_word), dtype=bool)
    prev = np.zeros(len(cov_word), dtype=np.int64)
    if len(cov_word) > 1:
        same[1:] = cov_word[1:] == cov_word[:-1]
        prev[1:] = cov_para[:-1]
    for size in (1, 2, 3):
        grid = np.zeros((n + 1) * w)
        if len(cov_word):
            k = np.repeat(np.arange(size), len(cov_word))
            word = np.tile(cov_word, size)
            end = np.tile(cov_para, size) + 1 + k  # the other span's end boundary
            # A span holding two paragraphs that cover the word counts it once:
            # an end the previous covering paragraph reaches already is dropped.
            ok = (end <= limit) & (end >= size) & ~(np.tile(same, size) & (end <= np.tile(prev, size) + size))
            word, end = word[ok], end[ok]
            length = other_cum[end] - other_cum[end - size]
            gain = _gain(cov.freq[word], length, r)
            mine = cov.para[word] + 1  # this side's boundary after the word's paragraph
            if rows_of_para:
                row, col = mine, end - lo[mine]
            else:
                row, col = end, mine - lo[end]
            ok = (col >= 0) & (col < w)
            grid = np.bincount(row[ok] * w + col[ok], weights=gain[ok], minlength=(n + 1) * w).astype(float)
        out.append(grid.reshape(n + 1, w))
    return out


@dataclass
class LexicalGrids:
    src_gain: list[np.ndarray]     # by English span size 1..3: Ukrainian words' gains, rows = their paragraph
    tgt_gain: list[np.ndarray]     # by Ukrainian span size 1..3: English words' gains, columns = their paragraph
    src_base: np.ndarray           # cumulative log(1-r) × eligible words, n+1
    tgt_base: np.ndarray


def lexical_grids(ev: LexicalEvidence, band: Band) -> LexicalGrids:
    n, m = len(ev.src.ids), len(ev.tgt.ids)
    log_miss = float(np.log1p(-ev.r))
    return LexicalGrids(
        _grids(ev.src_cov, ev.tgt.cum, True, band, n, m, ev.r),
        _grids(ev.tgt_cov, ev.src.cum, False, band, n, m, ev.r),
        ev.src_cov.base * log_miss, ev.tgt_cov.base * log_miss)


def bead_coverage(ev: LexicalEvidence, s_idx: Sequence[int], t_idx: Sequence[int]) -> tuple[int, int]:
    """(covered, eligible) Ukrainian words of a bead: how many of its words translate."""
    if not s_idx or not t_idx:
        return 0, 0
    c = ev.src_cov
    first, last = np.searchsorted(c.para, [s_idx[0], s_idx[-1] + 1])
    if first == last:
        return 0, 0
    pick = np.nonzero((c.rend_word >= first) & (c.rend_word < last))[0]
    lo = np.full(len(c.para), t_idx[0])
    words, _ = c.covered(lo, lo + len(t_idx), pick)
    return len(sorted_unique(words)), int(last - first)
