"""Re-align the rows a person has not pinned, around the ones they have.

The aligner runs again over the PO's own texts (edited English as it is now, roles as they are,
a person's roles forced), with every pinned row a hard constraint and every forbidden link
forbidden (editflow.align.constraints), so that a wrong pair fixed near the top repairs the rows
after it, and every confidence is recomputed.  A pinned row of a shape the aligner's lattice does
not hold (1-4, 3-2, 0-2, …) cuts the texts in two: what lies between such rows is aligned on its
own, exactly as the lattice would (a pinned bead leaves every other bead wholly before or after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from editflow.align import Constraints, Lexicon, Params, align_paragraphs
from editflow.align.dp import KINDS
from editflow.glossary import Glossary
from editflow.model import Bead
from editflow.pairing.model import Pairing, PairingError, Para, Row
from editflow.pairing.ops import _guard


@dataclass(frozen=True)
class RealignContext:
    """What the aligner uses besides the texts: the glossary and the word-translation lexicon
    (the CLI and the editor choose them as `align` does: settings, editflow.lexicons.choose_lexicon)."""
    glossary: Glossary | None = None
    lexicon: Lexicon | None = None
    params: Params | None = None


@dataclass
class _Segment:
    uk: tuple[int, int]     # [start, end) in the side's paragraph order
    en: tuple[int, int]


def realign(p: Pairing, ctx: RealignContext | None = None, confirm: bool = False) -> Pairing:
    """Every row not pinned aligned again, pinned rows and forbidden links kept; confidences recomputed."""
    ctx = ctx or RealignContext()
    uk = list(p.paragraphs("uk"))
    en = list(p.paragraphs("en"))
    pos = {q.pid: k for k, q in enumerate(uk)} | {q.pid: k for k, q in enumerate(en)}
    pinned: dict[tuple[tuple[int, ...], tuple[int, ...]], Row] = {}
    hard: list[tuple[Row, int, int]] = []   # a pinned row the lattice cannot hold, and where it starts
    before = {"uk": 0, "en": 0}
    for row in p.rows:
        if row.pinned:
            key = (tuple(pos[q.pid] for q in row.uk), tuple(pos[q.pid] for q in row.en))
            pinned[key] = row
            if (len(row.uk), len(row.en)) not in KINDS:
                hard.append((row, before["uk"], before["en"]))
        before["uk"] += len(row.uk)
        before["en"] += len(row.en)
    forbidden = [(pos[a], pos[b]) for a, b in p.forbidden if a in pos and b in pos]
    rows: list[Row] = []
    u = e = 0
    for h, hu, he in [*hard, (None, len(uk), len(en))]:
        rows += _align_segment(p, _Segment((u, hu), (e, he)), uk, en, pinned, forbidden, ctx)
        if h is not None:
            rows.append(h)
            u, e = hu + len(h.uk), he + len(h.en)
    after = p.with_rows(rows)
    return _guard(p, after, confirm, "re-aligning")


def _align_segment(p: Pairing, seg: _Segment, uk: list[Para], en: list[Para],
                   pinned: dict[tuple[tuple[int, ...], tuple[int, ...]], Row], forbidden: list[tuple[int, int]],
                   ctx: RealignContext) -> list[Row]:
    u0, u1 = seg.uk
    e0, e1 = seg.en
    if u0 == u1 and e0 == e1:
        return []
    inside = {key: row for key, row in pinned.items()
              if all(u0 <= i < u1 for i in key[0]) and all(e0 <= j < e1 for j in key[1])}
    constraints = Constraints(
        pinned=tuple((tuple(i - u0 for i in s), tuple(j - e0 for j in t)) for s, t in inside),
        forbidden=tuple((i - u0, j - e0) for i, j in forbidden if u0 <= i < u1 and e0 <= j < e1))
    src, tgt = uk[u0:u1], en[e0:e1]
    try:
        beads = align_paragraphs([q.text for q in src], [q.text for q in tgt], ctx.glossary,
                                 src_roles=[q.role for q in src], tgt_roles=[q.role for q in tgt],
                                 params=ctx.params, lexicon=ctx.lexicon,
                                 constraints=constraints if constraints else None)
    except ValueError as err:
        raise PairingError(f"re-aligning: {err}; unpin a row or allow a link again") from None
    current = {tuple(q.pid for q in row.paras): row for row in p.rows}
    return [_row(bead, src, tgt, u0, e0, inside, current) for bead in beads]


def _row(bead: Bead, src: Sequence[Para], tgt: Sequence[Para], u0: int, e0: int,
         inside: dict[tuple[tuple[int, ...], tuple[int, ...]], Row], current: dict[tuple[str, ...], Row]) -> Row:
    key = (tuple(i + u0 for i in bead.src), tuple(j + e0 for j in bead.tgt))
    if key in inside:
        row = inside[key]
        # A row pinned since the last scoring gets the aligner's score under its constraints.
        return replace(row, confidence=bead.confidence) if row.confidence is None else row
    uk = tuple(src[i] for i in bead.src)
    en = tuple(tgt[j] for j in bead.tgt)
    same = current.get(tuple(q.pid for q in uk + en))
    if same is not None:
        # The row it was: keep it (and with it the entry as written) unless the score moved.
        if same.confidence == bead.confidence and list(same.reasons) == bead.reasons:
            return same
        return replace(same, confidence=bead.confidence, reasons=tuple(bead.reasons))
    return Row(uk, en, bead.confidence, tuple(bead.reasons), False, None, "")
