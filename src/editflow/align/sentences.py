"""Sentence pairs inside one aligned paragraph pair (a bead), for a sentence-level translation memory.

    from editflow.align.sentences import SentenceAligner
    aligner = SentenceAligner(lexicon, glossary)          # once per memory update
    pairs = aligner.align(["…uk paragraph…"], ["…en paragraph…", "…"])
    [(p.source, p.target, p.confidence) for p in pairs if p.source and p.target]

The bead's paragraphs are split into sentences (editflow.sentences: a
paragraph break always ends a sentence) and the sentences aligned with the
paragraph aligner's own model: Gale & Church lengths (the bead's own length
ratio: its sentences must add up to the bead), the anchors (numbers, names,
months, Latin tokens, glossary terms) and the lexicon's word evidence, bead
kinds 1-1, 1-2, 2-1, 2-2, 1-3, 3-1 and omissions, the whole lattice (a bead
has a few sentences), Viterbi for the path and forward-backward for each
sentence pair's posterior: its confidence *within* the paragraph pair.  The
length ratio is the document's when the caller knows it (the PO header's
X-Editflow-Ratio), else the bead's own.
Roles play no part: every sentence is body text.

A side of one sentence makes one pair of the whole bead (confidence 1: there
is nothing to choose), so a sentence pair never says less than its paragraph pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editflow.align.dp import forward_backward, forward_tables, make_band, posteriors, viterbi
from editflow.align.features import Extractor, ParaFeatures, key_weights
from editflow.align.lexical import lexical_evidence, lexical_grids
from editflow.align.lexicon import Lexicon
from editflow.align.scoring import Params, bead_scores, build_evidence
from editflow.glossary import Glossary
from editflow.inline import cut, plain
from editflow.sentences import sentence_spans

# The paragraph aligner's own parameters.  What sentences need is the length
# ratio of the whole document (the PO's, estimated from its confident pairs):
# a ratio taken from the bead alone is skewed by the very sentence a
# translator left out, which then looks cheaper merged into a neighbour than
# left alone.  With one merge or omission planted in every paragraph of 3+
# sentences of the corpus (benchmarks/sentence_align.py), the document's
# ratio finds 0.98 of the omitted sentences where the bead's found 0.81-0.85,
# merges alike (0.98-0.99); a lower null cost or heavier words changed nothing
# beyond noise on either half of the documents.
SENTENCE_PARAMS = Params()
# A sentence pair below this posterior is doubtful (its paragraph pair's own doubt aside).
SENTENCE_DOUBT_THRESHOLD = 0.8


@dataclass(frozen=True)
class SentencePair:
    """One bead of the sentence alignment: sentence indexes into the bead's sentences, and their text."""
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    source: str        # the Ukrainian sentences, joined by one space ("" for an addition)
    target: str        # the English sentences ("" for an omission)
    confidence: float  # posterior of this sentence bead within its paragraph pair

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


def bead_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The sentences of a bead's side: each paragraph split, white space inside a sentence kept.

    A paragraph with inline tags (editflow.inline) is split on its words alone
    and each sentence keeps its formatting (a tag open across a boundary is
    closed and opened again), so no sentence holds half a tag.
    """
    out: list[str] = []
    for p in paragraphs:
        if "<" in p or "&" in p:
            words = plain(p)
            out.extend(cut(p, a, b) for a, b in sentence_spans(words))
        else:
            out.extend(p[a:b] for a, b in sentence_spans(p))
    return out


def _joined(sentences: Sequence[str], idx: Sequence[int]) -> str:
    return " ".join(sentences[i] for i in idx)


class SentenceAligner:
    """Aligns the sentences of paragraph pairs with one lexicon and glossary (prepared once)."""

    def __init__(self, lexicon: Lexicon | None = None, glossary: Glossary | None = None,
                 params: Params | None = None) -> None:
        from editflow.align import with_glossary

        self.params = params or SENTENCE_PARAMS
        self.lexicon = with_glossary(lexicon, glossary) if lexicon is not None else None
        terms = [(t.uk, t.en) for t in glossary.terms] if glossary is not None else []
        self.extractor = (glossary.memo("align.extractor", lambda: Extractor(terms))
                          if glossary is not None else Extractor([]))

    def align(self, src_paragraphs: Sequence[str], tgt_paragraphs: Sequence[str],
              ratio: float | None = None) -> list[SentencePair]:
        """Every sentence bead of one paragraph pair, in order (omissions and additions included).

        `ratio`: the document's English/Ukrainian length ratio (the PO's), when known.
        """
        return self.align_sentences(bead_sentences(src_paragraphs), bead_sentences(tgt_paragraphs), ratio)

    def align_many(self, beads: Sequence[tuple[Sequence[str], Sequence[str]]],
                   ratio: float | None = None) -> list[list[SentencePair]]:
        """`align` for every bead of one document: (Ukrainian paragraphs, English paragraphs) each.

        The anchors are read once for the whole document (proper names are
        matched across it, as the paragraph aligner does), not once per bead.
        """
        sides = [(bead_sentences(s), bead_sentences(t)) for s, t in beads]
        busy = [k for k, (s, t) in enumerate(sides) if len(s) > 1 and len(t) > 1]
        sf, tf = self.extractor.extract([plain(x) for k in busy for x in sides[k][0]],
                                        [plain(x) for k in busy for x in sides[k][1]]) if busy else ([], [])
        features: dict[int, tuple[list[ParaFeatures], list[ParaFeatures]]] = {}
        a = b = 0
        for k in busy:
            n, m = len(sides[k][0]), len(sides[k][1])
            features[k] = (sf[a:a + n], tf[b:b + m])
            a, b = a + n, b + m
        return [self.align_sentences(s, t, ratio, features.get(k)) for k, (s, t) in enumerate(sides)]

    def align_sentences(self, src: Sequence[str], tgt: Sequence[str], ratio: float | None = None,
                        features: tuple[list[ParaFeatures], list[ParaFeatures]] | None = None) -> list[SentencePair]:
        """The sentence beads of two lists of sentences (`features`: their anchors, when read already)."""
        n, m = len(src), len(tgt)
        if n == 0 or m == 0:
            return ([SentencePair((i,), (), src[i], "", 1.0) for i in range(n)]
                    + [SentencePair((), (j,), "", tgt[j], 1.0) for j in range(m)])
        if n == 1 or m == 1:
            s_idx, t_idx = tuple(range(n)), tuple(range(m))
            return [SentencePair(s_idx, t_idx, _joined(src, s_idx), _joined(tgt, t_idx), 1.0)]
        prm = self.params
        # The model reads words; the pairs keep the sentences as written (tags included).
        src_words, tgt_words = [plain(x) for x in src], [plain(x) for x in tgt]
        sf, tf = features if features is not None else self.extractor.extract(src_words, tgt_words)
        ev = build_evidence(sf, tf, key_weights(sf, tf), ["body"] * n, ["body"] * m)
        total_s, total_t = float(ev.src_len[-1]), float(ev.tgt_len[-1])
        if ratio is None:
            ratio = total_t / total_s if total_s > 0 and total_t > 0 else 1.0
        ratio = float(np.clip(ratio, 0.4, 2.5))
        band = make_band(ev.src_len, ev.tgt_len, m + 1)
        grids = None
        if self.lexicon is not None:
            lex = lexical_evidence(self.lexicon, src_words, tgt_words, prm.lex_min_p, prm.lex_r,
                                   src_words=[f.words for f in sf], tgt_words=[f.words for f in tf])
            grids = lexical_grids(lex, band)
        scores = bead_scores(ev, band, ratio, prm, grids)
        delta, alpha = forward_tables(scores, band, n)
        path = viterbi(scores, band, n, m, delta)
        alpha, beta, z = forward_backward(scores, band, n, m, alpha)
        conf = posteriors(path, scores, band, alpha, beta, z)
        out = []
        for (i0, j0, i1, j1), c in zip(path, conf, strict=True):
            s_idx, t_idx = tuple(range(i0, i1)), tuple(range(j0, j1))
            out.append(SentencePair(s_idx, t_idx, _joined(src, s_idx), _joined(tgt, t_idx), round(c, 4)))
        return out


def paired(pairs: Sequence[SentencePair]) -> list[SentencePair]:
    """The pairs with both sides (what a translation memory keeps)."""
    return [p for p in pairs if p.src and p.tgt]
