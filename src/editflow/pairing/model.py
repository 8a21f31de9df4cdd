"""The state of one working file as the alignment editor sees it: rows of paragraphs per side.

A row is any shape (1-1, 2-1, 0-1, 1-4, 3-2, …).  Every paragraph carries what must survive a
re-pairing: its stable id (`pid`), its role and whether a person set it, and the hash of its text
as aligned (so English edited in the PO stays known as edited wherever the paragraph goes).

Everything here is frozen: an operation returns a new `Pairing`, and the caller (the editor's
undo stack, `editflow pair`) keeps whichever states it needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeGuard

from editflow.errors import EditflowError
from editflow.model import Role
from editflow.po import text_hash

if TYPE_CHECKING:
    import polib

Side = Literal["uk", "en"]
SIDES: tuple[Side, Side] = ("uk", "en")


def is_side(value: object) -> TypeGuard[Side]:
    return value in SIDES


class PairingError(EditflowError):
    """An operation on the pairing that cannot be done as asked; the message says why and what to do."""


class NeedsConfirmation(PairingError):
    """The operation would cut English edited in the PO in two: done only when confirmed."""

    def __init__(self, message: str, rows: list[int]) -> None:
        super().__init__(message)
        self.rows = rows


@dataclass(frozen=True)
class Para:
    side: Side
    text: str
    role: Role = "body"
    pid: str = ""                 # stable id, kept through every re-pairing
    role_set: bool = False        # set by a person: kept through re-alignments and build
    original: str | None = None   # text_hash of the text as aligned; None: not known (counts as edited)
    block: str = ""               # paragraphs sharing a non-empty block were edited as one text
    index: int = -1               # index of the paragraph in its input file when aligned
    ref: tuple[str, str] | None = None   # its `#:` reference (file, location)
    home: int = -1                # the loaded PO entry it was in (-1: none)

    @property
    def edited(self) -> bool:
        """The text differs from the text as aligned (always false for the Ukrainian, which is not edited)."""
        return self.side == "en" and (self.original is None or text_hash(self.text) != self.original)


@dataclass(frozen=True)
class Row:
    uk: tuple[Para, ...]
    en: tuple[Para, ...]
    confidence: float | None = None     # None: not scored since a person changed the row
    reasons: tuple[str, ...] = ()
    pinned: bool = False
    entry: int | None = None            # the loaded PO entry it is, unchanged; None when rebuilt
    id: str = ""                        # msgctxt it was loaded with ("" for a rebuilt row)

    @property
    def kind(self) -> str:
        return f"{len(self.uk)}-{len(self.en)}"

    def side(self, side: Side) -> tuple[Para, ...]:
        return self.uk if side == "uk" else self.en

    @property
    def paras(self) -> tuple[Para, ...]:
        return self.uk + self.en

    @property
    def edited(self) -> bool:
        return any(p.edited for p in self.en)

    def doubtful(self, threshold: float) -> bool:
        return not self.pinned and (self.confidence is None or self.confidence < threshold)



@dataclass(frozen=True)
class Pairing:
    rows: tuple[Row, ...]
    threshold: float = 0.85
    forbidden: frozenset[tuple[str, str]] = frozenset()   # (uk pid, en pid) pairs that must not share a row
    path: Path | None = None
    fingerprint: str = ""
    # The rows as loaded, by entry index: a row equal to its loaded self is written back untouched.
    loaded: tuple[Row, ...] = field(default=(), compare=False, repr=False)
    # The PO as read (never changed: saving copies its entries) and its entries that hold no paragraph.
    po: polib.POFile | None = field(default=None, compare=False, repr=False)
    stray: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def with_rows(self, rows: list[Row] | tuple[Row, ...], **changes: object) -> Pairing:
        return replace(self, rows=tuple(r for r in rows if r.uk or r.en), **changes)  # type: ignore[arg-type]

    @cached_property
    def _numbers(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        count = {"uk": 0, "en": 0}
        for k, row in enumerate(self.rows):
            for p in row.paras:
                count[p.side] += 1
                out[p.pid] = (k, count[p.side])
        return out

    @cached_property
    def _by_number(self) -> dict[tuple[str, int], tuple[int, int]]:
        out: dict[tuple[str, int], tuple[int, int]] = {}
        for k, row in enumerate(self.rows):
            for side in SIDES:
                for pos, p in enumerate(row.side(side)):
                    out[(side, self._numbers[p.pid][1])] = (k, pos)
        return out

    def numbers(self) -> dict[str, tuple[int, int]]:
        """pid → (row index, 1-based number of the paragraph on its side)."""
        return self._numbers

    def number(self, para: Para) -> int:
        return self._numbers[para.pid][1]

    def label(self, para: Para) -> str:
        return f"{para.side}{self.number(para)}"

    def count(self, side: Side) -> int:
        return sum(len(r.side(side)) for r in self.rows)

    def locate(self, side: Side, number: int) -> tuple[int, int]:
        """(row index, position within the row's side) of paragraph uk<number> / en<number>."""
        where = self._by_number.get((side, number))
        if where is None:
            raise PairingError(f"there is no {side}{number}: the {'Ukrainian' if side == 'uk' else 'English'} "
                               f"side has {self.count(side)} paragraphs")
        return where

    def row_of(self, side: Side, number: int) -> int:
        return self.locate(side, number)[0]

    def para(self, side: Side, number: int) -> Para:
        k, pos = self.locate(side, number)
        return self.rows[k].side(side)[pos]

    def row(self, index: int) -> Row:
        if not 0 <= index < len(self.rows):
            raise PairingError(f"there is no row {index + 1}: the pairing has {len(self.rows)} rows")
        return self.rows[index]

    def describe(self, index: int) -> str:
        """A row as people name it: "uk3-4 ↔ en5"."""
        row = self.rows[index]
        return f"{_span(self, row.uk, 'uk')} ↔ {_span(self, row.en, 'en')}"

    def paragraphs(self, side: Side) -> Iterator[Para]:
        for row in self.rows:
            yield from row.side(side)


def _span(p: Pairing, paras: tuple[Para, ...], side: str) -> str:
    if not paras:
        return f"{side} —"
    first, last = p.number(paras[0]), p.number(paras[-1])
    return f"{side}{first}" if first == last else f"{side}{first}-{last}"


def _edited_blocks(p: Pairing) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for k, row in enumerate(p.rows):
        for q in row.en:
            if q.block and q.original is None:
                out.setdefault(q.block, set()).add(k)
    return out


def guard_edited_english(before: Pairing, after: Pairing, confirm: bool, what: str) -> Pairing:
    """`after`, refused (NeedsConfirmation) when it spreads English edited as one text over rows that
    held it together, unless `confirm`: every operation that moves paragraphs asks this."""
    if confirm:
        return after
    was = _edited_blocks(before)
    cut = [b for b, rows in _edited_blocks(after).items() if len(rows) > 1 and len(was.get(b, ())) == 1]
    if cut:
        rows = sorted({k for b in cut for k in was[b]})
        where = ", ".join(before.describe(k) for k in rows)
        raise NeedsConfirmation(f"{what} would cut English edited in the PO in two ({where}); "
                                f"confirm to do it anyway (--yes)", rows)
    return after
