"""Paragraph alignment of a Ukrainian original with its English translation.

    from editflow.align import align, align_paragraphs
    alignment = align(source_document, target_document, glossary=None)
    beads = align_paragraphs(["…uk…", …], ["…en…", …])

Every bead (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1) gets its posterior
probability from a forward-backward pass as its confidence; beads below the
doubt threshold carry the reasons an editor should look at them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from editflow.align.constraints import Constraints, apply_constraints
from editflow.align.dp import (
    Band,
    anchor_centre,
    forward_backward,
    forward_tables,
    make_band,
    path_centre,
    posteriors,
    viterbi,
)
from editflow.align.features import Extractor, key_weights, number_keys
from editflow.align.lexical import LexicalEvidence, bead_coverage, lexical_evidence, lexical_grids
from editflow.align.lexicon import Lexicon, lemma_pairs_of_terms
from editflow.align.scoring import Evidence, Params, bead_scores, build_evidence
from editflow.glossary import Glossary
from editflow.model import Alignment, Bead, Document, Paragraph, Role
from editflow.roles import assign_roles, is_labelled_variant

# Calibrated on the hard-case benchmark (benchmarks/accuracy.py) with a lexicon:
# beads below this posterior are 4-5% of all beads and hold 86-87% of the wrong
# ones (the lexicon cross-validated by document; the starter on the WMT cases).
# The words made confidences sharper: the earlier 0.85 now caught only 64%.
DOUBT_THRESHOLD = 0.95
# Documents up to this many paragraphs a side get the full lattice; longer
# ones a band of MIN_BAND cells (pass 1) and NARROW_BAND (pass 2), widened
# automatically whenever the best path comes near the band's edge.  With
# the band centred on the anchor chain, 24 cells lose nothing on the
# benchmarks (identical alignments and confidences on the corpus and the
# hard cases) and cost a third less than the full lattice of a 60-paragraph
# article.
FULL_LATTICE = 40
# A path scoring below this went through a bead the constraints forbid (the
# additions' forbidden cells carry a finite -1e4, see constraints.py).
FORBIDDEN = -5e3
MIN_BAND = 24
NARROW_BAND = 24

__all__ = ["DOUBT_THRESHOLD", "Constraints", "Lexicon", "Params", "align", "align_paragraphs"]


def _ratio(ev: Evidence, beads: Sequence[tuple[int, int, int, int]] | None) -> float:
    """Target/source length ratio of this document pair.

    From the confident 1-1 beads of a first pass when there are enough of
    them, else from the whole texts minus paragraphs that are likely unpaired.
    """
    sl = np.diff(ev.src_len)
    tl = np.diff(ev.tgt_len)
    if beads:
        ones = [(i0, j0) for i0, j0, i1, j1 in beads
                if i1 - i0 == 1 and j1 - j0 == 1 and ev.src_cat[i0] == 0 and ev.tgt_cat[j0] == 0]
        if len(ones) >= 3:
            s = sum(sl[i] for i, _ in ones)
            t = sum(tl[j] for _, j in ones)
            if s > 0 and t > 0:
                return float(np.clip(t / s, 0.4, 2.5))
    s = float(sl[ev.src_cat == 0].sum()) or float(sl.sum())
    t = float(tl[ev.tgt_cat == 0].sum()) or float(tl.sum())
    if s <= 0 or t <= 0:
        return 1.0
    return float(np.clip(t / s, 0.4, 2.5))


@dataclass
class _Lattice:
    band: Band
    scores: list[np.ndarray]
    alpha: np.ndarray | None = None  # the sum forward table, when computed with the Viterbi one


def _solve(ev: Evidence, n: int, m: int, ratio: float, prm: Params,
           centre: np.ndarray | None, width: int, lex: LexicalEvidence | None = None,
           constraints: Constraints | None = None) -> tuple[list[tuple[int, int, int, int]], _Lattice]:
    """Best path in a band, widened until the path keeps clear of the band's edges."""
    while True:
        band = make_band(ev.src_len, ev.tgt_len, width, centre)
        scores = bead_scores(ev, band, ratio, prm, lexical_grids(lex, band) if lex is not None else None)
        if constraints:
            apply_constraints(scores, band, constraints, n)
        # Most articles need the forward-backward pass on this very lattice,
        # so its forward table is made in the Viterbi pass.
        delta, alpha = forward_tables(scores, band, n)
        try:
            path = viterbi(scores, band, n, m, delta)
        except RuntimeError:
            path = None
        if path is not None and constraints and delta[n, m - band.lo[n]] < FORBIDDEN:
            path = None  # only a path through a forbidden addition is left: none keeps the constraints
        if band.width >= m + 1 or (path is not None and not _touches_edge(path, band, m)):
            break
        width *= 2
    if path is None:
        if constraints:
            raise ValueError("the pinned pairs and forbidden links contradict each other: no alignment keeps them all")
        raise RuntimeError("alignment failed: no path")  # cannot happen on the full lattice
    return path, _Lattice(band, scores, alpha)


def _touches_edge(path: list[tuple[int, int, int, int]], band: Band, m: int) -> bool:
    for _, _, i, j in path:
        c = j - int(band.lo[i])
        if (c < 3 and band.lo[i] > 0) or (c > band.width - 4 and band.lo[i] + band.width - 1 < m):
            return True
    return False


def _reasons(src: Sequence[str], tgt: Sequence[str], s_idx: tuple[int, ...], t_idx: tuple[int, ...],
             s_roles: Sequence[str], t_roles: Sequence[str], ratio: float,
             nums: tuple[list[set[str]], list[set[str]]] | None = None) -> list[str]:
    roles = [s_roles[i] for i in s_idx] + [t_roles[j] for j in t_idx]
    out = []
    if "boilerplate" in roles:
        out.append("looks like web boilerplate")
    if "headline" in roles:
        out.append("headline variant")
    if "note" in roles:
        out.append("editor's or translator's note")
    if "teaser" in roles:
        out.append("'read more' teaser")
    if "byline" in roles or "credit" in roles:
        out.append("byline or credit")
    if not t_idx:
        out.append("no English counterpart (omitted?)")
    elif not s_idx:
        out.append("no Ukrainian counterpart (added?)")
    else:
        if nums is None:
            ns = {k for k in number_keys(" ".join(src[i] for i in s_idx)) if len(k) > 3}
            nt = {k for k in number_keys(" ".join(tgt[j] for j in t_idx)) if len(k) > 3}
        else:
            ns = set().union(*(nums[0][i] for i in s_idx))
            nt = set().union(*(nums[1][j] for j in t_idx))
        if ns != nt and (ns or nt):
            out.append("numbers differ")
        ls = sum(len(src[i]) for i in s_idx)
        lt = sum(len(tgt[j]) for j in t_idx)
        if ls and lt:
            r = (lt / ls) / ratio
            if r > 1.6 or r < 1 / 1.6:
                out.append(f"length ratio {lt / ls:.1f}")
        if len(s_idx) > 1 or len(t_idx) > 1:
            out.append(f"{len(s_idx)}-{len(t_idx)} merge/split")
    return out


def _scoring_role(role: str, text: str) -> str:
    if role == "credit":
        return "byline"   # priced as a byline: often left unpaired, like the author's line
    return "headline-labelled" if role == "headline" and is_labelled_variant(text) else role


_TITLE_LIKE = ("title", "headline", "headline-labelled")


def _lone_titles(cats: list[str], other: list[str]) -> list[str]:
    """A title scored as text when the other side has no headline at all.

    Its counterpart is then in the other side's text, most often the
    headline glued to the lead (a 2-1 bead), not missing: leaving it out
    must cost what leaving out text costs.
    """
    if any(c in _TITLE_LIKE for c in other):
        return cats
    return ["body" if c == "title" else c for c in cats]


def align_paragraphs(src: Sequence[str], tgt: Sequence[str], glossary: Glossary | None = None,
                     src_roles: Sequence[str] | None = None, tgt_roles: Sequence[str] | None = None,
                     params: Params | None = None, lexicon: Lexicon | None = None,
                     constraints: Constraints | None = None) -> list[Bead]:
    """Align two lists of paragraph texts; roles are read off the text when not given.

    `lexicon`: word translations (editflow.align.lexicon) whose evidence joins
    the lengths, anchors and roles; the glossary's terms are added to it.
    `constraints`: pinned pairs and forbidden links the alignment must keep
    (editflow.align.constraints); forced roles are given as src_roles/tgt_roles.
    """
    return _align(src, tgt, glossary, src_roles, tgt_roles, params, lexicon, constraints)[0]


def with_glossary(lexicon: Lexicon, glossary: Glossary | None) -> Lexicon:
    """The lexicon with the glossary's term pairs added (a glossary rendering is a sure translation)."""
    if glossary is None or not glossary.terms:
        return lexicon
    return lexicon.with_pairs(lemma_pairs_of_terms((t.uk, t.en) for t in glossary.terms))


def _align(src: Sequence[str], tgt: Sequence[str], glossary: Glossary | None,
           src_roles: Sequence[str] | None, tgt_roles: Sequence[str] | None,
           params: Params | None, lexicon: Lexicon | None = None,
           constraints: Constraints | None = None) -> tuple[list[Bead], float]:
    prm = params or Params()
    if src_roles is None:
        paras = [Paragraph(t) for t in src]
        assign_roles(paras)
        src_roles = [p.role for p in paras]
    if tgt_roles is None:
        paras = [Paragraph(t) for t in tgt]
        assign_roles(paras)
        tgt_roles = [p.role for p in paras]
    if constraints:
        constraints = constraints.on_lattice()
        if constraints.beyond_lattice():
            return _align_around(src, tgt, glossary, src_roles, tgt_roles, prm, lexicon, constraints)
    n, m = len(src), len(tgt)
    src_cats = [_scoring_role(r, t) for r, t in zip(src_roles, src, strict=True)]
    tgt_cats = [_scoring_role(r, t) for r, t in zip(tgt_roles, tgt, strict=True)]
    src_cats, tgt_cats = _lone_titles(src_cats, tgt_cats), _lone_titles(tgt_cats, src_cats)
    if n == 0 or m == 0:
        beads = [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
        for b in beads:
            b.reasons = _reasons(src, tgt, b.src, b.tgt, src_roles, tgt_roles, 1.0)
        return beads, 1.0
    extractor = (glossary.memo("align.extractor", lambda: Extractor([(t.uk, t.en) for t in glossary.terms]))
                 if glossary else Extractor([]))
    sf, tf = extractor.extract(src, tgt)
    ev = build_evidence(sf, tf, key_weights(sf, tf), src_cats, tgt_cats)
    ratio = _ratio(ev, None)
    lex = None
    if lexicon is not None:
        lex = lexical_evidence(with_glossary(lexicon, glossary), src, tgt, prm.lex_min_p, prm.lex_r,
                               src_words=[f.words for f in sf], tgt_words=[f.words for f in tf])
    # Pass 1 finds the path roughly (band around strong anchors) to estimate
    # this pair's length ratio; pass 2 scores with it in a narrower band
    # around that path and computes the posteriors.  When the ratio hardly
    # moves (most articles), pass 1's lattice is reused as it is.
    wide = m + 1 if m + 1 <= FULL_LATTICE else MIN_BAND
    first, solved = _solve(ev, n, m, ratio, prm, anchor_centre(ev.strong, n, m), wide, lex, constraints)
    new_ratio = _ratio(ev, first)
    if abs(new_ratio - ratio) <= 0.03 * ratio:
        path = first
    else:
        ratio = new_ratio
        narrow = m + 1 if m + 1 <= FULL_LATTICE else NARROW_BAND
        path, solved = _solve(ev, n, m, ratio, prm, path_centre(first, n), narrow, lex, constraints)
    alpha, beta, z = forward_backward(solved.scores, solved.band, n, m, solved.alpha)
    conf = posteriors(path, solved.scores, solved.band, alpha, beta, z)
    # Numbers of two or more digits, per paragraph, for the "numbers differ" reason.
    nums = ([{k for k in f.keys if k.startswith("n:") and len(k) > 3} for f in sf],
            [{k for k in f.keys if k.startswith("n:") and len(k) > 3} for f in tf])
    beads = []
    for (i0, j0, i1, j1), c in zip(path, conf, strict=True):
        s_idx, t_idx = tuple(range(i0, i1)), tuple(range(j0, j1))
        bead = Bead(s_idx, t_idx, round(c, 4))
        bead.reasons = _reasons(src, tgt, s_idx, t_idx, src_roles, tgt_roles, ratio, nums)
        if lex is not None and s_idx and t_idx and (
                bead.reasons or c < DOUBT_THRESHOLD or any(src_cats[i] in _TITLE_LIKE for i in s_idx)
                or any(tgt_cats[j] in _TITLE_LIKE for j in t_idx)):
            covered, words = bead_coverage(lex, s_idx, t_idx)
            if words >= 2:
                # Where words decided a pair (a merge, a headline, lengths or numbers
                # that disagree, a doubt), say how far they agree.
                bead.reasons.append(f"{covered} of {words} content words translate")
        beads.append(bead)
    return beads, ratio


def _align_around(src: Sequence[str], tgt: Sequence[str], glossary: Glossary | None,
                  src_roles: Sequence[str], tgt_roles: Sequence[str], prm: Params, lexicon: Lexicon | None,
                  constraints: Constraints) -> tuple[list[Bead], float]:
    """Align around pinned pairs the lattice cannot hold: each stretch between them on its own.

    The ratio reported is the longest stretch's.
    """
    hard = constraints.beyond_lattice()
    for (s0, t0), (s1, t1) in pairwise(hard):
        if s0[-1] >= s1[0] or t0[-1] >= t1[0]:
            raise ValueError("the pinned pairs and forbidden links contradict each other: no alignment keeps them all")
    stretches: list[tuple[int, int, int, int]] = []
    u = e = 0
    for s, t in hard:
        stretches.append((u, s[0], e, t[0]))
        u, e = s[-1] + 1, t[-1] + 1
    stretches.append((u, len(src), e, len(tgt)))
    soft = [(s, t) for s, t in constraints.pinned if (s, t) not in hard]
    beads: list[Bead] = []
    ratio, longest = 1.0, -1
    for k, (u0, u1, e0, e1) in enumerate(stretches):
        inside = [(s, t) for s, t in soft if all(u0 <= i < u1 for i in s) and all(e0 <= j < e1 for j in t)]
        if any(any(u0 <= i < u1 for i in s) or any(e0 <= j < e1 for j in t)
               for s, t in soft if (s, t) not in inside):
            raise ValueError("the pinned pairs and forbidden links contradict each other: no alignment keeps them all")
        sub = Constraints(tuple((tuple(i - u0 for i in s), tuple(j - e0 for j in t)) for s, t in inside),
                          tuple((i - u0, j - e0) for i, j in constraints.forbidden if u0 <= i < u1 and e0 <= j < e1))
        part, part_ratio = _align(src[u0:u1], tgt[e0:e1], glossary, src_roles[u0:u1], tgt_roles[e0:e1], prm,
                                  lexicon, sub or None)
        if (u1 - u0) + (e1 - e0) > longest:
            ratio, longest = part_ratio, (u1 - u0) + (e1 - e0)
        beads += [Bead(tuple(i + u0 for i in b.src), tuple(j + e0 for j in b.tgt), b.confidence, b.reasons)
                  for b in part]
        if k < len(hard):
            s, t = hard[k]
            beads.append(Bead(s, t, 1.0, _reasons(src, tgt, s, t, src_roles, tgt_roles, ratio)))
    return beads, ratio


def align(source: Document, target: Document, glossary: Glossary | None = None,
          params: Params | None = None, threshold: float = DOUBT_THRESHOLD,
          boilerplate: Sequence[re.Pattern[str]] = (), lexicon: Lexicon | None = None,
          constraints: Constraints | None = None,
          roles: tuple[Mapping[int, Role], Mapping[int, Role]] | None = None) -> Alignment:
    """Align two documents; paragraph roles are refined in place first.

    `boilerplate`: extra patterns marking web furniture (editflow.toml's [roles] boilerplate).
    `lexicon`: word translations to score beads with (the caller loads it; see editflow.align.lexicon).
    `constraints`: pinned pairs and forbidden links to keep; `roles`: roles a person set, by
    paragraph index (Ukrainian, English), which win over the ones read off the text.
    """
    assign_roles(source.paragraphs, boilerplate)
    assign_roles(target.paragraphs, boilerplate)
    for doc, forced in zip((source, target), roles or ({}, {}), strict=True):
        for k, role in forced.items():
            if 0 <= k < len(doc.paragraphs):
                doc.paragraphs[k].role = role
    beads, ratio = _align(source.texts, target.texts, glossary,
                          [p.role for p in source.paragraphs], [p.role for p in target.paragraphs], params,
                          lexicon, constraints)
    return Alignment(source, target, beads, ratio=ratio, doubt_threshold=threshold,
                     lexicon=lexicon.digest if lexicon is not None else "")
