"""Comparing the quantities of two sides: which correspond, and which pair is one figure changed.

`score(u, e)` says how well a Ukrainian and an English quantity correspond
(STRONG: the same figure; LOOSE: a tolerated transformation: a rounding
after a hedge, a conversion, a bare figure against the same one with a
multiplier); `match` pairs them greedily.  What is left over on both sides
is examined by `changed` for pairs that are one figure written wrongly, and
why ("sign", "scale", "digits", ...).  Messages are the check's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from editflow.numbers.money import Rate, exchange
from editflow.numbers.quantity import Date, Quantity, sig_digits
from editflow.numbers.roles import Role, same_role
from editflow.numbers.units import consistent, dimension, half_step, same_dimension
from editflow.numbers.zones import KYIV

STRONG, LOOSE = 2, 1
# Why a leftover pair is taken for one figure written wrongly.
Reason = Literal["conversion", "exchange", "sign", "scale", "digits", "date", "time", "code", "fraction", "role"]


@dataclass
class Sides:
    """What the comparison needs besides the two quantities: each side's own facts."""
    rates: list[Rate] = field(default_factory=list)   # exchange rates either side states
    contrast_u: bool = False    # the Ukrainian writes both + and − signs: every sign matters
    contrast_e: bool = False


def eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def yearish(q: Quantity) -> bool:
    return q.text[:4].isdigit() and not q.text[4:5].isdigit() and 1000 <= q.values[0] <= 2100


def rounded(uk: float, en: float) -> bool:
    """The English rounds the Ukrainian figure: within 5% and with fewer significant digits.

    Only that way round: a translator may write "about 1,500" for 1 456, but an
    English figure more precise than the Ukrainian one came from nowhere.  The
    caller also wants a hedge ("about", "близько", "понад") on one side, or a
    figure in words: "40" for 41 with nothing said is a wrong figure.  Years are
    never rounded.
    """
    if uk <= 0 or en <= 0 or abs(uk - en) > 0.05 * max(uk, en):
        return False
    return sig_digits(en) < sig_digits(uk)


def temperature(q: Quantity) -> bool:
    return dimension(q.unit) == "temperature"


def contrast(qs: list[Quantity]) -> bool:
    """Whether a side writes both a plus and a minus ("вдень +3, вночі −3"): then no sign may be dropped."""
    signs = {q.sign for q in qs if q.kind == "number"}
    return 1 in signs and -1 in signs


def _dates_compatible(x: Date, y: Date) -> bool:
    common = [(p, q) for p, q in zip(x, y, strict=True) if p is not None and q is not None]
    return bool(common) and all(p == q for p, q in common) and (x[1] is not None and y[1] is not None)


def shift(hours: tuple[int, ...], frm: tuple[float, ...], to: tuple[float, ...]) -> set[int]:
    """Hours on the clock of zone `frm` read on the clock of zone `to`, season by season."""
    out = set()
    for h in hours:
        for a, b in zip(frm, to, strict=True):
            moved = h * 60 - a * 60 + b * 60
            if moved % 60 == 0:
                out.add(int(moved // 60) % 24)
    return out


def zoned_hours(u: Quantity, e: Quantity) -> set[int]:
    """The Ukrainian time `u` on the clock of the English time `e`.

    A Ukrainian time is Kyiv time unless it names its zone; an English time
    naming none is on the Ukrainian's clock; an unknown zone ("local time")
    leaves the hours as they are.
    """
    if u.zone is None or e.zone is None:
        return set(u.hours)
    zu = u.zone or KYIV
    return shift(u.hours, zu, e.zone or zu)


def times_agree(u: Quantity, e: Quantity) -> bool:
    """A Ukrainian and an English time say the same moment (zones considered)."""
    return bool(zoned_hours(u, e) & set(e.hours)) and u.minute == e.minute


def restates_time(a: Quantity, b: Quantity) -> bool | None:
    """Whether b, on the same side as a, gives a's moment in another zone ("3 p.m. (13:00 GMT)"); None: unknowable."""
    if a.zone is None or b.zone is None:
        return None
    return bool(shift(a.hours, a.zone or KYIV, b.zone or KYIV) & set(b.hours)) and a.minute == b.minute


def money_agree(u: Quantity, e: Quantity, rates: list[Rate]) -> bool:
    """Two sums in different currencies agree at a rate the text states (within the rounding tolerance)."""
    if not u.values or not e.values:
        return False
    lo, hi = e.values[0] - half_step(e), e.values[0] + half_step(e)
    for a, b in zip(exchange(u.values[0] - half_step(u), u.currency, e.currency, rates),
                    exchange(u.values[0] + half_step(u), u.currency, e.currency, rates), strict=True):
        slack = 0.02 * max(abs(a), abs(b))
        if min(a, b) - slack <= hi and lo <= max(a, b) + slack:
            return True
    return False


def _sign_score(u: Quantity, e: Quantity, sides: Sides) -> int:
    """A figure and its sign: −5 = −5; −3 against 3 only where the sign cannot be read from the words."""
    if any(eq(a, b) for a in u.values for b in e.values):
        return STRONG
    if not any(eq(abs(a), abs(b)) for a in u.values for b in e.values):
        return 0
    if u.sign and e.sign:
        return 0  # +3 against −3: written both ways, they disagree
    # "ВВП: −3%" ↔ "GDP fell 3%": the verb carries the sign.  Not so for a
    # temperature, nor where the side sets + against −.
    if temperature(u) or temperature(e) or sides.contrast_u or sides.contrast_e:
        return 0
    return LOOSE


def score(u: Quantity, e: Quantity, sides: Sides | None = None) -> int:
    """How well two quantities correspond: STRONG, LOOSE (tolerated) or 0."""
    sides = sides or Sides()
    ku, ke = u.kind, e.kind
    if ku == "date" and ke == "date":
        return STRONG if any(_dates_compatible(x, y) for x in u.dates for y in e.dates) else 0
    if ku == "time" and ke == "time":
        if times_agree(u, e):
            return STRONG
        # "about 2:30 p.m." for 14:28: within twenty minutes of a hedged time
        near = any(abs((h1 * 60 + u.minute) - (h2 * 60 + e.minute)) <= 20
                   for h1 in zoned_hours(u, e) for h2 in e.hours)
        return LOOSE if (u.approx or e.approx) and near else 0
    if ku == "code" and ke == "code":
        return STRONG if u.digits == e.digits else 0
    if {ku, ke} == {"code", "number"}:
        c, n = (u, e) if ku == "code" else (e, u)
        if not c.digits.isdigit():
            return 0
        if any(eq(v, float(c.digits)) for v in n.values + n.loose):
            return LOOSE
        # "SS19", "FY23" for the year 2019, 2023: a code naming a year by its last two digits
        return LOOSE if len(c.digits) == 2 and yearish(n) and int(n.values[0]) % 100 == int(c.digits) else 0
    if {ku, ke} == {"date", "number"}:
        d, n = (u, e) if ku == "date" else (e, u)
        parts = {p for r in d.dates for p in (r[0], r[2]) if p is not None}
        return LOOSE if not n.multiplied and any(eq(v, p) for v in n.values for p in parts) else 0
    if {ku, ke} == {"time", "number"}:
        t, n = (u, e) if ku == "time" else (e, u)
        hours = set(t.hours) | {h % 12 for h in t.hours}
        return LOOSE if not n.multiplied and any(v in hours or eq(v, h + t.minute / 100) for v in n.values
                                                 for h in hours) else 0
    if ku == "vague" and ke == "vague":
        return STRONG if any(eq(a, b) for a in u.values for b in e.values) else 0
    if "vague" in (ku, ke) and {ku, ke} <= {"vague", "number"}:
        return LOOSE if any(eq(a, b) for a in u.values for b in e.values) else 0
    if ku == ke == "number":
        return _number_score(u, e, sides)
    return 0


def _number_score(u: Quantity, e: Quantity, sides: Sides) -> int:
    if u.unit and e.unit and same_dimension(u.unit, e.unit) and u.unit != e.unit \
            and not {u.unit, e.unit} <= {"c", "deg"}:
        # another unit: right only as a conversion ("120 км" is not "120 miles")
        return LOOSE if consistent(u, e) else 0
    if u.currency and e.currency and u.currency != e.currency and sides.rates:
        return LOOSE if money_agree(u, e, sides.rates) else 0
    s = _sign_score(u, e, sides)
    if s:
        return s
    # a bare figure against the same figure with a multiplier ("2,5" ~ "2.5 million")
    if (u.multiplied != e.multiplied) and (any(eq(a, b) for a in u.loose for b in e.values)
                                            or any(eq(a, b) for a in u.values for b in e.loose)):
        return LOOSE
    # rounding wants a hedge, words, or the English "1.46 million" style for 1 456 000
    if (u.approx or e.approx or u.spelled or e.spelled or (e.multiplied and not u.multiplied)) \
            and not (yearish(u) or yearish(e)) and any(rounded(a, b) for a in u.values for b in e.values):
        return LOOSE
    if u.unit and e.unit and u.unit != e.unit and consistent(u, e):
        return LOOSE  # "27 °C" ↔ "80 degrees"
    return 0


def digits_of(v: float) -> str:
    v = abs(v)
    return str(int(v)) if float(v).is_integer() else repr(v)


def one_off(a: str, b: str) -> bool:
    """One digit changed, added or dropped, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) == 1:
        s, t = (a, b) if len(a) < len(b) else (b, a)
        return any(t[:k] + t[k + 1:] == s for k in range(len(t)))
    return False


def _same_initial(a: str, b: str) -> bool:
    x, y = a.lstrip("−-–+")[:1].upper(), b.lstrip("−-–+")[:1].upper()
    return x == y or y in _LATIN_INITIAL.get(x, "") or x in _LATIN_INITIAL.get(y, "")


# The Latin letter(s) a Cyrillic initial is romanised with, for designations (С-300 ↔ S-300).
_LATIN_INITIAL = {"А": "A", "Б": "B", "В": "VW", "Г": "HG", "Ґ": "G", "Д": "D", "Е": "E", "Є": "Y", "Ж": "Z",
                  "З": "Z", "И": "Y", "І": "I", "Ї": "Y", "Й": "Y", "К": "KC", "Л": "L", "М": "M", "Н": "N",
                  "О": "O", "П": "P", "Р": "R", "С": "SC", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "T",
                  "Ч": "C", "Ш": "S", "Щ": "S", "Ю": "Y", "Я": "Y"}


def _scale(q: Quantity) -> float:
    if q.kind == "vague":
        return q.values[0]
    if q.multiplied and q.loose and q.loose[0]:
        return abs(q.values[0] / q.loose[0])
    return 1.0


def changed(u: Quantity, e: Quantity, sides: Sides, roles: tuple[Role, Role] | None = None) -> Reason | None:
    """Why e may be u written wrongly, or None.  `roles` (what each counts) admits a changed figure."""
    if u.kind != e.kind:
        return None
    if u.kind == "date":
        for x in u.dates:
            for y in e.dates:
                pairs = [(p, q) for p, q in zip(x, y, strict=True) if p is not None and q is not None]
                diffs = [(p, q) for p, q in pairs if p != q]
                if (len(diffs) == 1 and len(pairs) > 1) or (len(diffs) == 2 and x[1] == y[2] and x[2] == y[1]):
                    return "date"  # one field off, or day and month swapped (03.04 read as March 4)
        return None
    if u.kind == "time":
        return "time" if bool(zoned_hours(u, e) & set(e.hours)) or u.minute == e.minute or e.zone else None
    if u.kind == "code":
        # С-300 for S-400, Су-25 for Su-27: the same designation with other digits
        return "code" if len(u.digits) == len(e.digits) and _same_initial(u.text, e.text) else None
    if u.kind == "vague":
        return "scale" if u.values[0] != e.values[0] else None
    if u.kind != "number" or u.percent != e.percent:
        return None
    if {u.unit, e.unit} <= {"c", "deg"} and any(eq(abs(a), abs(b)) for a in u.values for b in e.values):
        return "sign"  # "−5 °C" ↔ "5 degrees": the minus lost, not a conversion
    if u.unit and e.unit and same_dimension(u.unit, e.unit) and u.unit != e.unit:
        return "conversion"
    if u.currency and e.currency and u.currency != e.currency:
        return "exchange" if sides.rates and exchange(1.0, u.currency, e.currency, sides.rates) else None
    if any(eq(abs(a), abs(b)) for a in u.values for b in e.values):
        return "sign"
    if (u.multiplied or e.multiplied) and _scale(u) != _scale(e) \
            and any(eq(abs(a), abs(b)) for a in u.loose or u.values for b in e.loose or e.values):
        return "scale"  # 2,5 млн ↔ 2.5 billion, півмільйона ↔ half a billion
    if all(0 < abs(v) < 1 for v in u.values[:1] + e.values[:1]):
        return "fraction"  # 1/3 for 1/4
    if any(one_off(digits_of(a), digits_of(b)) for a in u.values for b in e.values):
        return "digits"
    if (u.unit and u.unit == e.unit) or (u.currency and u.currency == e.currency) or (u.percent and e.percent):
        return "role"  # 15 000 гектарів → 50,000 hectares
    if roles and same_role(*roles):
        return "role"
    return None


def match(us: list[Quantity], es: list[Quantity], sides: Sides | None = None,
          ) -> tuple[list[tuple[int, int, int]], set[int], set[int]]:
    """Pair quantities greedily, strongest and nearest (in relative position) first.

    Returns the pairs (i, j, score) and the unpaired indexes on each side.
    """
    sides = sides or Sides()
    cand = []
    for i, u in enumerate(us):
        for j, e in enumerate(es):
            s = score(u, e, sides)
            if s:
                # like with like first (digits with digits, words with words, ordinals
                # with ordinals), then keep the order of the text
                form = (u.spelled != e.spelled) + (u.ordinal != e.ordinal)
                pos = abs((i + 0.5) / len(us) - (j + 0.5) / len(es))
                cand.append((-s, form, pos, i, j))
    cand.sort()
    used_u: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for neg_s, _, _, i, j in cand:
        if i in used_u or j in used_e:
            continue
        used_u.add(i)
        used_e.add(j)
        pairs.append((i, j, -neg_s))
    return pairs, set(range(len(us))) - used_u, set(range(len(es))) - used_e
