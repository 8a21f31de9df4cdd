"""Operations on a pairing: pure functions from one state to the next.

Each takes a `Pairing` and returns a new one (the caller keeps the history: the editor's undo,
the journal), or raises `PairingError` saying why it cannot be done.  Every row a person joins,
splits, links or moves comes out pinned.  Paragraphs never change their order on either side;
operations only change which paragraphs share a row.

English edited in the PO is known per paragraph (`Para.edited`); where an edit changed the
paragraph breaks, its paragraphs share an edit block, and an operation that would put them in
different rows "cuts edited English in two": it raises `NeedsConfirmation` unless `confirm=True`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from editflow.inline import split, strip_ends
from editflow.model import ROLES, Role, is_role
from editflow.pairing.model import (
    Pairing,
    PairingError,
    Para,
    Row,
    Side,
    guard_edited_english,
    is_side,
)
from editflow.po import text_hash

# --------------------------------------------------------------------------- helpers


def _changed(uk: Iterable[Para], en: Iterable[Para], *, pinned: bool) -> Row:
    """A row a person made: not the loaded entry any more, not scored until re-aligned."""
    return Row(tuple(uk), tuple(en), None, (), pinned, None, "")


def _loose(row: Row) -> list[Row]:
    """The row dissolved: one unpinned one-sided row per paragraph, Ukrainian first."""
    return [_changed([q], [], pinned=False) for q in row.uk] + [_changed([], [q], pinned=False) for q in row.en]


def _forbid_within(p: Pairing, row: Row) -> frozenset[tuple[str, str]]:
    """The forbidden links, less those a person has just made by putting both paragraphs in one row."""
    inside = {(u.pid, e.pid) for u in row.uk for e in row.en}
    return p.forbidden - inside


def _side(value: str) -> Side:
    if not is_side(value):
        raise PairingError(f"{value!r} is not a side: use uk or en")
    return value


def _neighbour(p: Pairing, row: int, direction: str) -> int:
    if direction not in ("next", "prev"):
        raise PairingError(f"{direction!r} is not a direction: use next or prev")
    p.row(row)
    other = row + 1 if direction == "next" else row - 1
    if not 0 <= other < len(p.rows):
        raise PairingError(f"row {p.describe(row)} has no {'next' if direction == 'next' else 'previous'} row")
    return other


def _pinned_refusal(p: Pairing, k: int, what: str) -> PairingError:
    return PairingError(f"{what}: {p.describe(k)} is a pinned row; unpin it first")


# --------------------------------------------------------------------------- row operations

def join(p: Pairing, row: int, direction: str = "next", confirm: bool = False) -> Pairing:
    """The row and the next (or previous) row become one pinned row (1-1 + 0-1 → 1-2)."""
    other = _neighbour(p, row, direction)
    a, b = sorted((row, other))
    joined = _changed(p.rows[a].uk + p.rows[b].uk, p.rows[a].en + p.rows[b].en, pinned=True)
    rows = [*p.rows[:a], joined, *p.rows[b + 1:]]
    return p.with_rows(rows, forbidden=_forbid_within(p, joined))


def pair_rows(p: Pairing, row: int, direction: str = "next") -> Pairing:
    """A Ukrainian-only row and the neighbouring English-only row (or the other way) become one pinned pair."""
    other = _neighbour(p, row, direction)
    r, o = p.rows[row], p.rows[other]
    if not ((r.uk and not r.en and o.en and not o.uk) or (r.en and not r.uk and o.uk and not o.en)):
        raise PairingError(f"pairing joins a row with no English and a neighbouring row with no Ukrainian; "
                           f"{p.describe(row)} and {p.describe(other)} are not such rows (use join)")
    return join(p, row, direction)


def split_row(p: Pairing, row: int, uk_at: int, en_at: int, confirm: bool = False) -> Pairing:
    """The row cut in two: (uk[:uk_at], en[:en_at]) and (uk[uk_at:], en[en_at:]), both pinned."""
    r = p.row(row)
    if not (0 <= uk_at <= len(r.uk) and 0 <= en_at <= len(r.en)):
        raise PairingError(f"{p.describe(row)} has {len(r.uk)} Ukrainian and {len(r.en)} English paragraphs: "
                           f"cannot split it after uk {uk_at} / en {en_at}")
    first, second = (r.uk[:uk_at], r.en[:en_at]), (r.uk[uk_at:], r.en[en_at:])
    if not (first[0] or first[1]) or not (second[0] or second[1]):
        raise PairingError(f"splitting {p.describe(row)} there leaves it whole; give a point between its paragraphs")
    pieces = [_changed(*first, pinned=True), _changed(*second, pinned=True)]
    after = p.with_rows([*p.rows[:row], *pieces, *p.rows[row + 1:]])
    return guard_edited_english(p, after, confirm, f"splitting {p.describe(row)}")


def unpair(p: Pairing, row: int, confirm: bool = False) -> Pairing:
    """The row dissolved into one-sided rows, not pinned; its links are forbidden on re-alignment."""
    r = p.row(row)
    if not r.uk or not r.en:
        raise PairingError(f"{p.describe(row)} is not a pair: nothing to unpair")
    forbidden = p.forbidden | {(u.pid, e.pid) for u in r.uk for e in r.en}
    after = p.with_rows([*p.rows[:row], *_loose(r), *p.rows[row + 1:]], forbidden=frozenset(forbidden))
    return guard_edited_english(p, after, confirm, f"unpairing {p.describe(row)}")


def move_paragraph(p: Pairing, side: str, number: int, direction: str = "prev", confirm: bool = False) -> Pairing:
    """The first (prev) or last (next) paragraph of a side of its row, moved into the neighbouring row.

    Both rows come out pinned; a row left with no paragraph disappears.
    """
    s = _side(side)
    k, pos = p.locate(s, number)
    other = _neighbour(p, k, direction)
    r, o = p.rows[k], p.rows[other]
    paras = r.side(s)
    edge = 0 if direction == "prev" else len(paras) - 1
    if pos != edge:
        raise PairingError(f"{s}{number} is not the {'first' if direction == 'prev' else 'last'} {s} paragraph of "
                           f"its row {p.describe(k)}: only a paragraph at the row's edge can cross into the "
                           f"{'previous' if direction == 'prev' else 'next'} row (split the row first)")
    q = paras[pos]
    rest = paras[:pos] + paras[pos + 1:]
    moved_into = (*o.side(s), q) if direction == "prev" else (q, *o.side(s))

    def rebuilt(row: Row, new: tuple[Para, ...]) -> Row:
        return _changed(new if s == "uk" else row.uk, new if s == "en" else row.en, pinned=True)

    rows = list(p.rows)
    rows[k] = rebuilt(r, rest)
    rows[other] = rebuilt(o, moved_into)
    after = p.with_rows(rows, forbidden=_forbid_within(p, rows[other]))
    return guard_edited_english(p, after, confirm, f"moving {s}{number}")


def pin(p: Pairing, row: int) -> Pairing:
    r = p.row(row)
    rows = list(p.rows)
    rows[row] = replace(r, pinned=True)
    return p.with_rows(rows)


def unpin(p: Pairing, row: int) -> Pairing:
    r = p.row(row)
    rows = list(p.rows)
    rows[row] = replace(r, pinned=False)
    return p.with_rows(rows)


# --------------------------------------------------------------------------- text operations

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _fresh_pid(taken: set[str], base: str) -> str:
    """A paragraph id not in `taken` (which it joins), made from `base`."""
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    taken.add(f"{base}_{n}")
    return f"{base}_{n}"


def _english_index_before(p: Pairing, row: int) -> int:
    for r in reversed(p.rows[:row]):
        if r.en:
            return r.en[-1].index
    return 0


def edit_english(p: Pairing, row: int, text: str) -> Pairing:
    """The row's English replaced by `text` (paragraphs separated by a blank line).

    With as many paragraphs as before, each keeps its identity and is edited on its own; with
    another number, the row's English is one edited text (a later operation that would separate
    its paragraphs asks first).
    """
    r = p.row(row)
    texts = [t for t in _PARAGRAPH_BREAK.split(text.strip("\n")) if t.strip()] if text.strip() else []
    if len(texts) == len(r.en):
        en = tuple(replace(q, text=t) for q, t in zip(r.en, texts, strict=True))
    else:
        block = f"edit:{r.en[0].pid if r.en else (r.uk[0].pid if r.uk else row)}"
        base = r.en[0].pid if r.en else (f"{r.uk[0].pid}.en" if r.uk else "en")
        role: Role = r.en[-1].role if r.en else (r.uk[-1].role if r.uk else "body")
        index = r.en[-1].index if r.en else _english_index_before(p, row)
        made: list[Para] = []
        taken = set(p.numbers())
        for j, t in enumerate(texts):
            if j < len(r.en):
                made.append(replace(r.en[j], text=t, original=None, block=block))
            else:
                made.append(Para("en", t, role, _fresh_pid(taken, base), False, None, block, index, None, -1))
        en = tuple(made)
    rows = list(p.rows)
    rows[row] = replace(r, en=en)
    return p.with_rows(rows)


def split_paragraph(p: Pairing, side: str, number: int, offset: int, confirm: bool = False) -> Pairing:
    """A paragraph cut at `offset` (characters) into two paragraphs of the same row (a headline glued
    to the lead).  The row is not pinned: re-aligning pairs the pieces.  English pieces count as
    edited (the translation file has them as one paragraph)."""
    s = _side(side)
    k, pos = p.locate(s, number)
    r = p.rows[k]
    q = r.side(s)[pos]
    # A tag open at the cut is closed in the head and opened again in the tail (editflow.inline).
    head, tail = (strip_ends(half) for half in split(q.text, offset))
    if not 0 < offset < len(q.text) or not head or not tail:
        raise PairingError(f"{s}{number} cannot be split at {offset}: both pieces need text "
                           f"(the paragraph has {len(q.text)} characters)")
    second_role: Role = "body" if q.role in ("title", "headline", "byline") else q.role
    if s == "en":
        block = (q.block or f"split:{q.pid}") if q.edited else ""
        first = replace(q, text=head, original=None, block=block)
        second = replace(q, text=tail, original=None, block=block, pid=_fresh_pid(set(p.numbers()), q.pid),
                         role=second_role,
                         role_set=False, ref=None)
    else:
        first = replace(q, text=head, original=text_hash(head))
        second = replace(q, text=tail, original=text_hash(tail), pid=_fresh_pid(set(p.numbers()), q.pid),
                         role=second_role,
                         role_set=False, ref=None)
    paras = (*r.side(s)[:pos], first, second, *r.side(s)[pos + 1:])
    new = Row(paras if s == "uk" else r.uk, paras if s == "en" else r.en, None, (), r.pinned, None, "")
    rows = list(p.rows)
    rows[k] = new
    return p.with_rows(rows)


# --------------------------------------------------------------------------- roles

ROLE_ALIASES: dict[str, Role] = {"variant": "headline", "headline-variant": "headline"}


def role_name(value: str) -> Role:
    name = value.strip().lower()
    role = ROLE_ALIASES.get(name, name)
    if not is_role(role):
        raise PairingError(f"{value!r} is not a role; roles: {', '.join(ROLES)} (title is the headline published, "
                           f"headline a variant)")
    return role


def _set_roles(p: Pairing, changes: dict[str, Role]) -> Pairing:
    rows = []
    for r in p.rows:
        if any(q.pid in changes for q in r.paras):
            r = replace(r, uk=tuple(replace(q, role=changes[q.pid], role_set=True) if q.pid in changes else q
                                    for q in r.uk),
                        en=tuple(replace(q, role=changes[q.pid], role_set=True) if q.pid in changes else q
                                 for q in r.en))
        rows.append(r)
    return p.with_rows(rows)


def set_role(p: Pairing, side: str, number: int, role: str) -> Pairing:
    """A paragraph's role, set by a person (kept through re-alignment and build)."""
    q = p.para(_side(side), number)
    return _set_roles(p, {q.pid: role_name(role)})


def mark_boilerplate(p: Pairing, side: str, number: int) -> Pairing:
    return set_role(p, side, number, "boilerplate")


def choose_headline(p: Pairing, number: int) -> Pairing:
    """en<number> becomes the headline published (`title`); every other English title becomes a variant."""
    chosen = p.para("en", number)
    changes: dict[str, Role] = {q.pid: "headline" for q in p.paragraphs("en") if q.role == "title" and q is not chosen}
    changes[chosen.pid] = "title"
    return _set_roles(p, changes)


# --------------------------------------------------------------------------- link

def _consecutive(side: Side, numbers: Sequence[int]) -> list[int]:
    nums = sorted(set(numbers))
    if nums and nums != list(range(nums[0], nums[-1] + 1)):
        raise PairingError(f"{side} paragraphs {','.join(map(str, nums))} are not consecutive: a row holds "
                           f"paragraphs that follow each other")
    return nums


def link(p: Pairing, uk: Sequence[int], en: Sequence[int], confirm: bool = False) -> Pairing:
    """One pinned row of exactly uk<uk…> and en<en…> (one side may be empty: a pinned omission or addition).

    What is left of the rows it takes paragraphs from stays in place as one-sided rows; unpinned
    rows that would cross it are dissolved into one-sided rows; taking part of a pinned row, or
    crossing one, is refused.
    """
    us, es = _consecutive("uk", uk), _consecutive("en", en)
    if not us and not es:
        raise PairingError("a link needs at least one paragraph")
    paras = [p.para("uk", n) for n in us] + [p.para("en", n) for n in es]
    wanted = {q.pid for q in paras}
    label = f"uk{_nums(us)}=en{_nums(es)}"
    touched = sorted({p.row_of("uk", n) for n in us} | {p.row_of("en", n) for n in es})
    for k in touched:
        row = p.rows[k]
        if row.pinned and not all(q.pid in wanted for q in row.paras):
            raise _pinned_refusal(p, k, f"linking {label} would take part of a pinned row")
    new = _changed([q for q in paras if q.side == "uk"], [q for q in paras if q.side == "en"], pinned=True)
    numbers = p.numbers()
    u0, u1, e0, e1 = (us[0], us[-1], es[0], es[-1]) if us and es else (0, 0, 0, 0)
    placed: list[tuple[float, Row]] = []
    for k, row in enumerate(p.rows):
        if k in touched:
            if k == touched[0]:
                placed.append((k, new))
            rest = Row(tuple(q for q in row.uk if q.pid not in wanted), tuple(q for q in row.en if q.pid not in wanted))
            placed += [(k + 0.5, r) for r in _loose(rest)]
            continue
        if row.uk and row.en and us and es:
            ru = [numbers[q.pid][1] for q in row.uk]
            re_ = [numbers[q.pid][1] for q in row.en]
            crosses = (ru[-1] < u0 and re_[0] > e1) or (ru[0] > u1 and re_[-1] < e0)
            if crosses:
                if row.pinned:
                    raise _pinned_refusal(p, k, f"linking {label} would cross a pinned row")
                placed += [(k, r) for r in _loose(row)]
                continue
        placed.append((k, row))
    rows = _order(placed, numbers)
    after = p.with_rows(rows, forbidden=_forbid_within(p, new))
    return guard_edited_english(p, after, confirm, f"linking {label}")


def _nums(ns: list[int]) -> str:
    return ",".join(map(str, ns)) or "—"


def _order(placed: list[tuple[float, Row]], numbers: dict[str, tuple[int, int]]) -> list[Row]:
    """Rows in an order that keeps both sides' paragraphs in theirs; one-sided rows stay near their place."""
    by_uk: dict[int, int] = {}
    by_en: dict[int, int] = {}
    for i, (_key, row) in enumerate(placed):
        for q in row.uk:
            by_uk[numbers[q.pid][1]] = i
        for q in row.en:
            by_en[numbers[q.pid][1]] = i
    n, m = len(by_uk), len(by_en)
    i = j = 1
    out: list[Row] = []
    done: set[int] = set()
    while i <= n or j <= m:
        ru = by_uk.get(i) if i <= n else None
        re_ = by_en.get(j) if j <= m else None
        if ru is not None and ru == re_:
            pick = ru
        else:
            u_free = ru is not None and not placed[ru][1].en
            e_free = re_ is not None and not placed[re_][1].uk
            if u_free and e_free:
                assert ru is not None and re_ is not None
                pick = ru if placed[ru][0] <= placed[re_][0] else re_
            elif u_free:
                assert ru is not None
                pick = ru
            elif e_free:
                assert re_ is not None
                pick = re_
            else:
                raise AssertionError("rows cross after a link")  # link dissolved or refused every crossing row
        row = placed[pick][1]
        out.append(row)
        done.add(pick)
        i += len(row.uk)
        j += len(row.en)
    return out


# --------------------------------------------------------------------------- operations as data

@dataclass(frozen=True)
class Op:
    """One operation as data: what the page sends, what the journal keeps."""
    name: str
    args: dict[str, Any] = field(default_factory=dict)
    confirm: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"op": self.name, "args": dict(self.args), "confirm": self.confirm}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Op:
        name = data.get("op")
        args = data.get("args", {})
        if not isinstance(name, str) or name not in OPS:
            raise PairingError(f"unknown operation {name!r}; operations: {', '.join(OPS)}")
        if not isinstance(args, dict):
            raise PairingError(f"operation {name}: args must be an object")
        return Op(name, dict(args), bool(data.get("confirm", False)))


OPS: dict[str, Callable[..., Pairing]] = {
    "join": join, "pair_rows": pair_rows, "split_row": split_row, "unpair": unpair,
    "move_paragraph": move_paragraph, "pin": pin, "unpin": unpin, "edit_english": edit_english,
    "split_paragraph": split_paragraph, "set_role": set_role, "mark_boilerplate": mark_boilerplate,
    "choose_headline": choose_headline, "link": link,
}


def apply_op(p: Pairing, op: Op, ctx: Any = None) -> Pairing:
    """`op` applied to `p`; `ctx` (a RealignContext) is what "realign" aligns with."""
    if op.name == "realign":
        from editflow.pairing.realign import RealignContext, realign

        return realign(p, ctx if isinstance(ctx, RealignContext) else RealignContext(), confirm=op.confirm)
    fn = OPS.get(op.name)
    if fn is None:
        raise PairingError(f"unknown operation {op.name!r}; operations: {', '.join([*OPS, 'realign'])}")
    params = inspect.signature(fn).parameters
    unknown = [a for a in op.args if a not in params or a == "p"]
    if unknown:
        raise PairingError(f"operation {op.name}: unknown argument(s) {', '.join(unknown)}")
    kwargs = dict(op.args)
    if "confirm" in params:
        kwargs["confirm"] = op.confirm
    try:
        inspect.signature(fn).bind(p, **kwargs)
    except TypeError as e:
        raise PairingError(f"operation {op.name}: {e}") from None
    return fn(p, **kwargs)


def replay(p: Pairing, ops: Iterable[Op], ctx: Any = None) -> Pairing:
    """The state after `ops`, in order (a journal restored)."""
    for op in ops:
        p = apply_op(p, op, ctx)
    return p
