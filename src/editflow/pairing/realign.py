"""Re-align the rows a person has not pinned, around the ones they have.

The aligner runs again over the PO's own texts (edited English as it is now, roles as they are,
a person's roles forced), with every pinned row a hard constraint and every forbidden link
forbidden (editflow.align.constraints), so that a wrong pair fixed near the top repairs the rows
after it, and every confidence is recomputed.  Any shape may be pinned (the aligner cuts the texts
at a pinned 1-4 or 3-2; a pinned 0-2 is two pinned additions, put back together here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from editflow.align import Constraints, Lexicon, Params, align_paragraphs
from editflow.glossary import Glossary
from editflow.model import Bead
from editflow.pairing.model import Pairing, PairingError, Para, Row, guard_edited_english


@dataclass(frozen=True)
class RealignContext:
    """What the aligner uses besides the texts: the glossary and the word-translation lexicon
    (the CLI and the editor choose them as `align` does: settings, editflow.lexicons.choose_lexicon)."""
    glossary: Glossary | None = None
    lexicon: Lexicon | None = None
    params: Params | None = None


def realign(p: Pairing, ctx: RealignContext | None = None, confirm: bool = False) -> Pairing:
    """Every row not pinned aligned again, pinned rows and forbidden links kept; confidences recomputed."""
    ctx = ctx or RealignContext()
    uk = list(p.paragraphs("uk"))
    en = list(p.paragraphs("en"))
    pos = {q.pid: k for k, q in enumerate(uk)} | {q.pid: k for k, q in enumerate(en)}
    pinned = {(tuple(pos[q.pid] for q in row.uk), tuple(pos[q.pid] for q in row.en)): row
              for row in p.rows if row.pinned}
    forbidden = tuple((pos[a], pos[b]) for a, b in sorted(p.forbidden) if a in pos and b in pos)
    constraints = Constraints(tuple(pinned), forbidden)
    try:
        beads = align_paragraphs([q.text for q in uk], [q.text for q in en], ctx.glossary,
                                 src_roles=[q.role for q in uk], tgt_roles=[q.role for q in en],
                                 params=ctx.params, lexicon=ctx.lexicon, constraints=constraints or None)
    except ValueError as err:
        raise PairingError(f"re-aligning: {err}; unpin a row or allow a link again") from None
    current = {tuple(q.pid for q in row.paras): row for row in p.rows}
    # A pinned one-sided row of several paragraphs comes back as one bead per paragraph.
    one_sided = {q.pid: row for row in pinned.values() if not (row.uk and row.en) and len(row.paras) > 1
                 for q in row.paras}
    rows: list[Row] = []
    for bead in beads:
        paras = [uk[i] for i in bead.src] + [en[j] for j in bead.tgt]
        if len(paras) == 1 and paras[0].pid in one_sided:
            row = one_sided[paras[0].pid]
            if row.paras[0].pid == paras[0].pid:
                rows.append(row)
            continue
        rows.append(_row(bead, uk, en, pinned, current))
    after = p.with_rows(rows)
    return guard_edited_english(p, after, confirm, "re-aligning")


def _row(bead: Bead, uk: Sequence[Para], en: Sequence[Para],
         pinned: dict[tuple[tuple[int, ...], tuple[int, ...]], Row], current: dict[tuple[str, ...], Row]) -> Row:
    key = (bead.src, bead.tgt)
    if key in pinned:
        row = pinned[key]
        # A row pinned since the last scoring gets the aligner's score under its constraints.
        return replace(row, confidence=bead.confidence) if row.confidence is None else row
    src = tuple(uk[i] for i in bead.src)
    tgt = tuple(en[j] for j in bead.tgt)
    same = current.get(tuple(q.pid for q in src + tgt))
    if same is not None:
        # The row it was: keep it (and with it the entry as written) unless the score moved.
        if same.confidence == bead.confidence and list(same.reasons) == bead.reasons:
            return same
        return replace(same, confidence=bead.confidence, reasons=tuple(bead.reasons))
    return Row(src, tgt, bead.confidence, tuple(bead.reasons), False, None, "")
