"""`numbers.*`: the figures of the English against those of the Ukrainian.

Each side is read by its own locale (`editflow.numbers`), with its signs,
units, currencies, scales, dates, times and zones; then the quantities are
paired (`editflow.numbers.compare`): equal values first (`2,5 млн` =
`2.5 million`, `чотирнадцяти` = `14`, `24 лютого` = `Feb. 24`, `о 14:30` =
`at 2:30 p.m.`, `−5 °C` = `minus 5C`), then tolerated transformations (`1 456`
≈ `about 1,500`, `27 °C` = `81 °F`, `198 см` = `6-foot-6`, `о 15:00` =
`13:00 GMT`, a year given only as `2022` against a full date).  What is left
over is reported, each finding saying what it compared:

- `numbers.mismatch`, error: one figure written wrongly, reported once with
  both spans ("15 000 → 50,000"): a lost or flipped sign, another scale
  (`півмільйона` → `half a billion`, `десятки тисяч` → `hundreds of
  thousands`), a digit off or two swapped, a date or time one field off, a
  designation with other digits, or simply another figure counting the same
  thing (same unit, currency, percent, or counted noun).  At warning level
  when the pair is doubtful: the entry is fuzzy, both figures are in words
  (`три` ↔ `four`), a time is given in a zone we cannot place, or the two
  are merely the only figures left, of the same sort.
- `numbers.conversion`, error: a conversion that is wrong, in brackets
  (`−10 °C (50 °F)`: −10 °C = 14 °F) or instead of the original unit
  (`120 км` → `120 miles`); currencies only at a rate the text states.
  The rounding tolerance is described in `editflow.numbers.units`.
- `numbers.swapped`, warning: the same figures bound to each other's nouns
  ("8 загиблих, 14 поранених" → "14 dead, 8 wounded").
- `numbers.missing` / `numbers.extra`, warning: a figure with no counterpart.
- `numbers.format`: English written the Ukrainian way: a decimal comma
  (`2,5 million`, warning), thousands grouped with a point (`1.800` for
  1 800, warning) or a space (`1 800`, info).

Figures in words are read to find counterparts but are never reported
missing on their own: translators legitimately turn "two" into "a couple",
"сотні" into "hundreds".  The same holds for list numbering, decades
(`1990-х`), numeral compounds (`двостороння`), zeros and designations (`G7`
may become "the Group of Seven").  A conversion added in brackets is not a
figure of its own, nor is a zone's offset (`UTC+2`) or an exchange rate.
Bylines, web furniture, teasers, headline variants and note paragraphs are
dropped or reformatted by design, so only a mismatch is reported there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding, Severity
from editflow.numbers import Quantity, extract_en, extract_uk
from editflow.numbers.compare import (
    Reason,
    Sides,
    changed,
    contrast,
    eq,
    match,
    money_agree,
    restates_time,
    shift,
    times_agree,
    zoned_hours,
)
from editflow.numbers.money import Rate, exchange, rates
from editflow.numbers.roles import Role, role_of, swapped
from editflow.numbers.units import (
    UNIT_LABEL,
    consistent,
    converted_value,
    round_like,
    same_dimension,
)
from editflow.numbers.zones import KYIV

_PHONE_CONTEXT = re.compile(r"\b(?:call|phone|tel|telephone|hotline|number|line|dial|text)\b\.?[^.!?]{0,30}$",
                            re.IGNORECASE)
_QUIET_ROLES = {"byline", "boilerplate", "teaser", "headline", "note"}
# A figure restating the one before it: "−10 °C (14 °F)", "40 miles, or 64 km".
_ASIDE_GAP = re.compile(r"[^\d()]{0,24}?(?:\(|,?\s(?:or|або|тобто|i\.e\.)\s)[^\d()]{0,16}")
_CURRENCY = re.compile(r"[$€£₴]|\b(?:US|USD|EUR|GBP|UAH|dollars?|euros?|pounds?|hryvnias?|hryvnyas?)\b"
                       r"|(?:грн|гривн|гривень|долар|євро|фунт)", re.IGNORECASE)
_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "UAH": "UAH "}


def reportable(q: Quantity) -> bool:
    """Whether a quantity left without a counterpart is worth telling the editor about.

    Words, list numbers and vague amounts are rephrased freely; a designation
    (G7, Су-25) is often named another way ("the Group of Seven"); a zero is
    often "no", "none".  Only a wrong designation (a mismatch) is reported.
    """
    if q.spelled or q.listnum or q.soft or q.kind in ("vague", "code"):
        return False
    return not (q.kind == "number" and q.values and all(v == 0 for v in q.values))


# --- how figures are written in messages --------------------------------------------------------

def _en_number(v: float) -> str:
    s = f"{int(v):,}" if float(v).is_integer() else f"{v:,.6f}".rstrip("0").rstrip(".")
    return s.replace("-", "−")


def _en_style(q: Quantity) -> str:
    """A quantity's value written the English way, for messages and suggestions."""
    if q.kind == "number" and q.values:
        v = q.values[0]
        if float(v).is_integer() and 1000 <= v < 2100 and q.text.isdigit():
            return q.text  # a year
        return _en_number(v) + ("%" if q.percent else "")
    return q.text


def _describe(q: Quantity) -> str:
    text = " ".join(q.text.split())
    plain = _en_style(q)
    return f"“{text}”" if plain in (text, q.text) or q.kind != "number" else f"“{text}” ({plain})"


def _inches(v: float) -> str:
    feet, inches = divmod(round(v), 12)
    return f"{feet} ft {inches} in" if feet else f"{inches} in"


def _measure(q: Quantity) -> str:
    """A figure with its unit or currency, English style: "−10 °C", "120 km", "$2.7 million", "6 ft 6 in"."""
    if not q.values:
        return q.text
    if q.unit == "in" and q.values[0] >= 12:
        return _inches(q.values[0])
    if q.currency:
        return _money(q.values[0], q.currency)
    return _with_unit(_en_number(q.values[0]), q.unit)


def _with_unit(value: str, unit: str) -> str:
    label = UNIT_LABEL.get(unit, "")
    return f"{value}{'' if label == '°' else ' '}{label}".rstrip()


def _money(v: float, currency: str) -> str:
    sign = "−" if v < 0 else ""
    v = abs(v)
    for scale, word in ((1e9, " billion"), (1e6, " million")):
        if v >= scale:
            return f"{sign}{_SYMBOL.get(currency, currency + ' ')}{v / scale:,.2f}".rstrip("0").rstrip(".") + word
    return f"{sign}{_SYMBOL.get(currency, currency + ' ')}{_en_number(v)}"


def _target(value: float, like: Quantity) -> str:
    """`value` in `like`'s unit, with the precision `like` shows."""
    if like.unit == "in" and value >= 12:
        return _inches(value)
    return _with_unit(round_like(value, like), like.unit)


def _hhmm(q: Quantity, hours: set[int] | tuple[int, ...] | None = None) -> str:
    return " or ".join(f"{h:02d}:{q.minute:02d}" for h in sorted(hours if hours is not None else q.hours))


# --- one entry ------------------------------------------------------------------------------------

@dataclass
class _Pair:
    """The state of one entry's comparison: what is paired, explained or reported."""
    e: Entry
    us: list[Quantity]
    es: list[Quantity]
    sides: Sides
    quiet: bool
    paired_u: set[int] = field(default_factory=set)
    paired_e: set[int] = field(default_factory=set)
    done_u: set[int] = field(default_factory=set)     # explained or reported: not missing
    done_e: set[int] = field(default_factory=set)
    # sums added in brackets without a rate ("($2.7 million)"): compared only with each other
    money_u: set[int] = field(default_factory=set)
    money_e: set[int] = field(default_factory=set)
    # explained as conversions of another figure ("45 miles (72 km)"); still compared with a leftover
    # on the other side whose unit was swapped without converting ("45 km (72 km)")
    soft_u: set[int] = field(default_factory=set)
    soft_e: set[int] = field(default_factory=set)
    rate_u: set[int] = field(default_factory=set)       # the figures of an exchange rate ("UAH 37 to the dollar")
    rate_e: set[int] = field(default_factory=set)
    roles: dict[tuple[str, int], Role] = field(default_factory=dict)

    def role(self, side: str, k: int) -> Role:
        key = (side, k)
        if key not in self.roles:
            qs, text, lang = (self.us, self.e.source_text, "uk") if side == "u" else (self.es, self.e.target_text, "en")
            self.roles[key] = role_of(text, qs[k], qs, lang)
        return self.roles[key]


@check({
    "numbers.mismatch": ("error", "a figure differs between the Ukrainian and the English"),
    "numbers.conversion": ("error", "a unit or currency conversion that is wrong (°C/°F, km/miles, kg/lb ...)"),
    "numbers.swapped": ("warning", "the same figures bound to each other's nouns (8 killed, 14 wounded → 14, 8)"),
    "numbers.missing": ("warning", "a figure in the Ukrainian has no counterpart in the English"),
    "numbers.extra": ("warning", "a figure in the English has no counterpart in the Ukrainian"),
    "numbers.format": ("warning", "an English figure written the Ukrainian way (2,5 / 1 800)"),
})
def numbers(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    for e in entries:
        src, tgt = e.source_text, e.target_text
        if not src.strip() or not tgt.strip():
            continue  # additions and omissions are the aligner's and untranslated's business
        us, es = extract_uk(src), extract_en(tgt)
        if not us and not es:
            continue
        yield from _check_entry(e, us, es)


def _year_of_matched_date(pairs: list[tuple[int, int, int]], us: list[Quantity], es: list[Quantity],
                          left_u: set[int], left_e: set[int]) -> None:
    """`14 січня 2543 р.` ↔ `January 14th, … 2543`: the year written apart belongs to the date."""
    for i, j, _ in pairs:
        u, t = us[i], es[j]
        if u.kind != "date" or t.kind != "date":
            continue
        for have, lack, left, side in ((u, t, left_e, es), (t, u, left_u, us)):
            years = {d[0] for d in have.dates if d[0] is not None}
            if years and all(d[0] is None for d in lack.dates):
                for k in sorted(left):
                    q = side[k]
                    if q.kind == "number" and any(eq(v, y) for v in q.values for y in years):
                        left.discard(k)
                        break


def _within(spans: list[tuple[int, int]], q: Quantity) -> bool:
    return any(a <= q.start < b or q.start <= a < q.end for a, b in spans)


def _check_entry(e: Entry, us: list[Quantity], es: list[Quantity]) -> Iterator[Finding]:
    # a rate matters only to sums of money (and reading one costs: most paragraphs have none)
    money = any(q.currency for q in us) or any(q.currency for q in es)
    src_rates, tgt_rates = (rates(e.source_text), rates(e.target_text)) if money else ([], [])
    sides = Sides(rates=src_rates + tgt_rates, contrast_u=contrast(us), contrast_e=contrast(es))
    pairs, left_u, left_e = match(us, es, sides)
    _year_of_matched_date(pairs, us, es, left_u, left_e)
    st = _Pair(e, us, es, sides, quiet=bool(set(e.src_roles) & _QUIET_ROLES or set(e.tgt_roles) & _QUIET_ROLES))
    st.paired_u = {i for i, _, _ in pairs}
    st.paired_e = {j for _, j, _ in pairs}
    st.done_u = set(range(len(us))) - left_u
    st.done_e = set(range(len(es))) - left_e
    # an exchange rate's own figure ("UAH 37 to the dollar") is no figure of the story
    st.rate_u = {i for i in range(len(us)) if _within([r.span for r in src_rates], us[i])}
    st.rate_e = {j for j in range(len(es)) if _within([r.span for r in tgt_rates], es[j])}
    st.done_u |= st.rate_u & left_u
    st.done_e |= st.rate_e & left_e

    yield from _formats(e, us, es, pairs)
    yield from _asides(st, "u")
    yield from _asides(st, "e")
    _explained_across(st)
    yield from _mismatches(st)
    if not st.quiet:
        yield from _swaps(st, pairs)
        yield from _leftovers(st)


def _formats(e: Entry, us: list[Quantity], es: list[Quantity], pairs: list[tuple[int, int, int]]) -> Iterator[Finding]:
    for i, j, _ in pairs:
        q = es[j]
        if q.fmt == "space-group" and _PHONE_CONTEXT.search(e.target_text, max(0, q.start - 30), q.start):
            continue  # "call 116 123": a phone number, not a figure
        if q.fmt == "decimal-comma":
            yield Finding("numbers.format", "warning",
                          f"“{q.text}” uses a decimal comma; English writes {_en_style(q)}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_style(q) if not q.multiplied else None)
        elif q.fmt == "dot-group" and any(eq(v, q.values[1]) for v in us[i].values) \
                and not any(eq(v, q.values[0]) for v in us[i].values):
            yield Finding("numbers.format", "warning",
                          f"“{q.text}” groups thousands with a point; English writes {_en_number(q.values[1])}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_number(q.values[1]))
        elif q.fmt == "space-group":
            yield Finding("numbers.format", "info",
                          f"“{q.text}” groups thousands with a space; English writes {_en_style(q)}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_style(q))


# --- conversions written beside their figure ----------------------------------------------------

# What a figure written beside another restates it as: another unit, currency or zone ("" none).
AsideKind = Literal["unit", "money", "time", ""]


def _aside_kind(a: Quantity, b: Quantity) -> AsideKind:
    if a.kind == b.kind == "number":
        if a.unit and b.unit and a.unit != b.unit and same_dimension(a.unit, b.unit):
            return "unit"
        if a.currency and b.currency and a.currency != b.currency:
            return "money"
    if a.kind == b.kind == "time" and (a.zone or b.zone):
        return "time"
    return ""


def _aside_pairs(qs: list[Quantity], text: str, skip: set[int]) -> list[tuple[int, int, AsideKind]]:
    """(a, b, kind): b restates a in brackets right after it ("−10 °C (14 °F)"); `skip`: exchange rates."""
    out: list[tuple[int, int, AsideKind]] = []
    for k in range(len(qs) - 1):
        if k in skip or k + 1 in skip:
            continue
        a, b = qs[k], qs[k + 1]
        kind = _aside_kind(a, b)
        if kind and _ASIDE_GAP.fullmatch(text, a.end, b.start):
            out.append((k, k + 1, kind))
    return out


def _aside_agrees(a: Quantity, b: Quantity, kind: AsideKind, known: list[Rate]) -> bool | None:
    """True/False; None when it cannot be told (a currency without a stated rate, a zone not known)."""
    if kind == "unit":
        return consistent(a, b)
    if kind == "money":
        return money_agree(a, b, known) if known and exchange(1.0, a.currency, b.currency, known) else None
    return restates_time(a, b)  # None for "local time (01:30 GMT)": where is local?


def _asides(st: _Pair, side: str) -> Iterator[Finding]:
    qs, text = (st.us, st.e.source_text) if side == "u" else (st.es, st.e.target_text)
    done, paired = (st.done_u, st.paired_u) if side == "u" else (st.done_e, st.paired_e)
    soft = st.soft_u if side == "u" else st.soft_e
    for a, b, kind in _aside_pairs(qs, text, st.rate_u if side == "u" else st.rate_e):
        agrees = _aside_agrees(qs[a], qs[b], kind, st.sides.rates)
        if agrees is None:
            continue  # a sum in another currency, no rate given: see _money_aside
        if agrees:
            soft.update(k for k in (a, b) if k not in done)  # a conversion the writer added
            continue
        # wrong: the figure that has no counterpart on the other side is the wrong one
        base, wrong = (b, a) if b in paired and a not in paired else (a, b)
        if wrong in paired:
            continue  # both sides say the same: the check compares translation, not arithmetic
        done.update((a, b))
        yield _conversion(st, side, qs[base], qs[wrong], kind)


def _conversion(st: _Pair, side: str, base: Quantity, wrong: Quantity, kind: AsideKind) -> Finding:
    says = "the Ukrainian says" if side == "u" else "the English says"
    right = _right_value(base, wrong, kind, st.sides.rates)
    if kind == "time":
        message = f"{_describe(base)} is {right} in that zone; {says} {_describe(wrong)}"
    else:
        message = f"{_measure(base)} = {right}; {says} {_measure(wrong)}"
    span = (wrong.start, wrong.end)
    return Finding("numbers.conversion", _severity(st, "error"), message, index=st.e.index,
                   source_span=span if side == "u" else None, target_span=span if side == "e" else None,
                   suggestion=right if kind != "time" else None)


def _converted(base: Quantity, like: Quantity) -> str:
    """`base` converted into `like`'s unit, written as `like` is ("14 °F"); an unspecified degree as °F."""
    difference = base.difference or like.difference
    if like.unit == "deg" and base.unit != "deg":
        v = converted_value(base, "f", difference)
        return _with_unit(round_like(v, like), "f") if v is not None else "?"
    v = converted_value(base, like.unit, difference)
    return _target(v, like) if v is not None else "?"


def _right_value(base: Quantity, wrong: Quantity, kind: AsideKind, known: list[Rate]) -> str:
    if kind == "unit":
        return _converted(base, wrong)
    if kind == "money":
        got = exchange(base.values[0], base.currency, wrong.currency, known)
        return _money(got[0], wrong.currency) if got else "?"
    return _hhmm(wrong, zoned_hours(base, wrong))


def _explained_across(st: _Pair) -> None:
    """A leftover figure converting one on the other side ("40 miles (64 km)" with "64 км") is no extra figure."""
    for done, soft, qs, other, uk_side in ((st.done_u, st.soft_u, st.us, st.es, True),
                                           (st.done_e, st.soft_e, st.es, st.us, False)):
        for k, q in enumerate(qs):
            if k in done or k in soft or q.kind not in ("number", "time"):
                continue
            for o in other:
                if q.kind == o.kind == "time" and (q.zone or o.zone) and times_agree(*((q, o) if uk_side else (o, q))):
                    soft.add(k)
                    break
                if q.unit and o.unit and q.unit != o.unit and same_dimension(q.unit, o.unit) and consistent(o, q):
                    soft.add(k)
                    break
    for done, qs, text, other_text in ((st.done_u, st.us, st.e.source_text, st.e.target_text),
                                       (st.done_e, st.es, st.e.target_text, st.e.source_text)):
        for k, q in enumerate(qs):
            if k in done:
                continue
            if _restated(qs, k, text) or _idiom(q, text) or (q.percent and q.values == (100.0,)
                                                              and _WHOLLY.search(other_text)):
                done.add(k)
    st.money_e = {k for k in range(len(st.es)) if k not in st.done_e and _money_aside(st.e.target_text, st.es[k])}
    st.money_u = {k for k in range(len(st.us)) if k not in st.done_u and _money_aside(st.e.source_text, st.us[k])}


def _restated(qs: list[Quantity], k: int, text: str) -> bool:
    """"60 Minutes (60 хвилин)": a figure repeated in brackets right after itself glosses a name, no new figure."""
    if k == 0 or not qs[k].values or not qs[k - 1].values:
        return False
    gap = text[qs[k - 1].end:qs[k].start]
    return "(" in gap and len(gap) <= 30 and not any(c.isdigit() for c in gap) \
        and eq(qs[k].values[0], qs[k - 1].values[0])


_TURN = re.compile(r"[\s-]?(?:градус\w*|degrees?|°)(?!\s*(?:за\s+)?(?:Цельсі|Фаренгейт|Celsius|Fahrenheit|[CFС]\b))",
                   re.IGNORECASE)
# 100% told in words: "майже на 100%" ↔ "almost entirely"
_WHOLLY = re.compile(r"(?<![\w])(?:entirely|completely|fully|totally|wholly|utterly|повністю|цілком|цілковито"
                     r"|стовідсотково)(?![\w])", re.IGNORECASE)


def _idiom(q: Quantity, text: str) -> bool:
    """"розвернутися на 180 градусів" is a U-turn: the English says so in words."""
    return q.kind == "number" and q.values[:1] in ((180.0,), (360.0,)) and bool(_TURN.match(text, q.end))


def _money_aside(text: str, q: Quantity) -> bool:
    """A sum in brackets holding a currency: a conversion the writer added ("($2.7 million)")."""
    open_ = text.rfind("(", max(0, q.start - 25), q.start)
    if open_ < 0 or ")" in text[open_:q.start]:
        return False
    close = text.find(")", q.end, q.end + 30)
    return close >= 0 and bool(_CURRENCY.search(text, open_, close + 1))


# --- changed figures ----------------------------------------------------------------------------

def _severity(st: _Pair, base: Severity) -> Severity:
    return "warning" if base == "error" and (st.e.fuzzy or st.quiet) else base


def _big(u: Quantity, e: Quantity) -> bool:
    if u.kind != "number":
        return True
    return all(abs(v) >= 100 or not float(v).is_integer() for v in (u.values[:1] + e.values[:1]))


def _mismatches(st: _Pair) -> Iterator[Finding]:
    us, es = st.us, st.es
    left_u = [i for i in range(len(us)) if i not in st.done_u]
    left_e = [j for j in range(len(es)) if j not in st.done_e]
    cand_u = [i for i in left_u if _candidate(us[i])]
    cand_e = [j for j in left_e if _candidate(es[j])]
    # Small figures are one digit apart by chance ("12" and "10" in a paragraph
    # whose temperatures were converted): by digits alone a pair of them is a
    # mismatch only when it is all that is left over on both sides.
    alone = sum(reportable(us[i]) and i not in st.soft_u for i in cand_u) == 1 \
        and sum(reportable(es[j]) and j not in st.soft_e for j in cand_e) == 1
    reasons: dict[tuple[int, int], Reason] = {}
    for i in cand_u:
        for j in cand_e:
            if (i in st.money_u) != (j in st.money_e):
                continue  # a sum added in brackets is compared with another such sum only
            why = _why(st, i, j)
            if (i in st.soft_u or j in st.soft_e) and not (why == "conversion" and not (i in st.soft_u and j in st.soft_e)
                                                          and eq(abs(us[i].values[0]), abs(es[j].values[0]))):
                continue  # a converted figure is matched only by the same figure under a unit not converted
            if why and (why != "digits" or alone or _big(us[i], es[j])):
                reasons[(i, j)] = why
    options_u = {i: [j for (a, j) in reasons if a == i] for i in cand_u}
    options_e = {j: [i for (i, b) in reasons if b == j] for j in cand_e}
    for i in cand_u:
        if len(options_u[i]) == 1 and len(options_e[options_u[i][0]]) == 1:
            j = options_u[i][0]
            st.done_u.add(i)
            st.done_e.add(j)
            yield _changed(st, i, j, reasons[(i, j)])
    st.done_u |= st.money_u | st.soft_u
    st.done_e |= st.money_e | st.soft_e
    if st.quiet:
        return
    word = _word_mismatch(st)
    if word:
        i, j = word
        st.done_u.add(i)
        st.done_e.add(j)
        yield _mismatch(st, us[i], es[j], "warning", "the figure in words differs",
                        None if us[i].spelled else _en_style(us[i]))
    rest_u = [i for i in range(len(us)) if i not in st.done_u and reportable(us[i])]
    rest_e = [j for j in range(len(es)) if j not in st.done_e and reportable(es[j])]
    if len(rest_u) == 1 and len(rest_e) == 1 and _same_sort(us[rest_u[0]], es[rest_e[0]]):
        # The one figure left on each side, of the same sort (two dates, two sums in
        # millions) yet nothing says they count the same: likely one written for the
        # other, but not a typo we can recognise, so a warning.
        i, j = rest_u[0], rest_e[0]
        st.done_u.add(i)
        st.done_e.add(j)
        yield _mismatch(st, us[i], es[j], "warning", "the only figures left differ", None)


def _candidate(q: Quantity) -> bool:
    """Leftovers that may be one figure written wrongly: figures, designations, amounts in words, vague amounts."""
    return reportable(q) or q.kind in ("code", "vague") or (q.spelled and q.kind in ("number", "time")
                                                             and not q.ordinal)


def _why(st: _Pair, i: int, j: int) -> Reason | None:
    u, e = st.us[i], st.es[j]
    if u.kind == "vague" or e.kind == "vague" or u.spelled or e.spelled:
        # words are rephrased ("a couple" for three); only a scale, a sign, a unit or a clock tells
        why = changed(u, e, st.sides)
        return why if why in ("scale", "sign", "conversion", "time") else None
    why = changed(u, e, st.sides)
    if why is None and u.kind == e.kind == "number" and u.percent == e.percent:
        why = changed(u, e, st.sides, (st.role("u", i), st.role("e", j)))
    return why


def _changed(st: _Pair, i: int, j: int, why: Reason) -> Finding:
    u, t = st.us[i], st.es[j]
    if why == "conversion":
        right = _converted(u, t)
        return Finding("numbers.conversion", _severity(st, "error"),
                       f"{_measure(u)} = {right}; the English says {_measure(t)}", index=st.e.index,
                       source_span=(u.start, u.end), target_span=(t.start, t.end), suggestion=right)
    if why == "exchange":
        got = exchange(u.values[0], u.currency, t.currency, st.sides.rates)
        right = _money(got[0], t.currency) if got else "?"
        rate = next(r for r in st.sides.rates if {r.currency, r.base} == {u.currency, t.currency})
        return Finding("numbers.conversion", _severity(st, "error"),
                       f"{_measure(u)} at {_en_number(rate.per)} {rate.currency} per {rate.base} = {right}; "
                       f"the English says {_measure(t)}", index=st.e.index,
                       source_span=(u.start, u.end), target_span=(t.start, t.end), suggestion=right)
    severity: Severity = "error"
    if why == "time" and (u.zone is None or t.zone is None):
        severity = "warning"  # a time in a zone we cannot place may be a conversion
    if why in ("digits", "role") and u.spelled and t.spelled:
        severity = "warning"  # words are rephrased more freely than digits
    suggestion = _en_style(u) if u.kind == "number" and not u.multiplied and why != "sign" else None
    return _mismatch(st, u, t, _severity(st, severity), _explain(st, i, j, why), suggestion)


def _explain(st: _Pair, i: int, j: int, why: Reason) -> str:
    u, t = st.us[i], st.es[j]
    if why == "sign":
        return "the English drops the minus" if u.values[0] < 0 <= t.values[0] else "the sign differs"
    if why == "scale":
        return f"{_en_number(u.values[0])} in the Ukrainian, {_en_number(t.values[0])} in the English: another scale"
    if why == "date":
        return _date_difference(u, t)
    if why == "time":
        if t.zone and u.zone is not None:
            zone = _zone_name(u.zone or KYIV)
            if (u.zone or KYIV) == t.zone:
                return f"{_hhmm(u)} against {_hhmm(t)}, both {zone}"
            return f"{_hhmm(u)} {zone} is {_by_season(u, t)} {_zone_name(t.zone)}; the English says {_hhmm(t)}"
        return f"{_hhmm(u)} against {_hhmm(t)}"
    if why == "code":
        return "the designation's digits differ"
    if why == "role":
        ru, re_ = st.role("u", i), st.role("e", j)
        what = UNIT_LABEL.get(u.unit) if u.unit else u.currency or ("%" if u.percent else "")
        if not what and ru.word and re_.word:
            what = f"{ru.word} / {re_.word}"
        return f"another figure for the same thing ({what})" if what else "another figure for the same thing"
    return "the figure differs"


def _zone_name(zone: tuple[float, ...]) -> str:
    if zone == KYIV:
        return "Kyiv time"
    if len(set(zone)) == 1:
        h = zone[0]
        return "UTC" if h == 0 else f"UTC{'+' if h > 0 else '−'}{abs(h):g}"
    return "in the English's zone"


def _by_season(u: Quantity, t: Quantity) -> str:
    """u's clock time in t's zone: one time, or one for winter and one for summer."""
    zu = u.zone or KYIV
    winter, summer = (shift(u.hours, zu[k:k + 1], (t.zone or zu)[k:k + 1]) for k in (0, 1))
    if winter == summer:
        return _hhmm(u, winter)
    return f"{_hhmm(u, winter)} in winter, {_hhmm(u, summer)} in summer,"


def _date_difference(u: Quantity, t: Quantity) -> str:
    names = ("year", "month", "day")
    for x in u.dates:
        for y in t.dates:
            diffs = [n for n, p, q in zip(names, x, y, strict=True) if p is not None and q is not None and p != q]
            if diffs == ["month", "day"] and x[1] == y[2]:
                return "day and month swapped"
            if len(diffs) == 1:
                return f"the {diffs[0]} differs"
    return "the date differs"


def _mismatch(st: _Pair, u: Quantity, t: Quantity, severity: Severity, why: str, suggestion: str | None) -> Finding:
    return Finding("numbers.mismatch", severity, f"{_describe(u)} → {_describe(t)}: {why}",
                   index=st.e.index, source_span=(u.start, u.end), target_span=(t.start, t.end),
                   suggestion=suggestion)


def _same_sort(u: Quantity, e: Quantity) -> bool:
    if u.kind != e.kind:
        return False
    if u.kind != "number":
        return True
    return (u.percent and e.percent) or (u.multiplied and e.multiplied) or bool(u.unit and e.unit)


def _counted_word(q: Quantity) -> bool:
    """A cardinal in words worth comparing: three and up, not an ordinal, not a compound adjective."""
    return (q.spelled and q.kind == "number" and not q.ordinal and not q.soft and bool(q.values)
            and q.values[0] >= 3 and float(q.values[0]).is_integer() and "dozen" not in q.text.lower()
            and "дюжин" not in q.text.lower())


def _word_mismatch(st: _Pair) -> tuple[int, int] | None:
    """`чотирнадцять` ↔ `fifteen`, `чотирнадцяти` ↔ `15`: a warning, when each is the only figure left.

    Words are rephrased more freely than digits ("a dozen" for 11, "dozens"),
    so this never rises to an error, and only a lone pair counts.
    """
    us, es = st.us, st.es
    cu = [i for i in range(len(us)) if i not in st.done_u
          and ((reportable(us[i]) and us[i].kind == "number") or _counted_word(us[i]))]
    ce = [j for j in range(len(es)) if j not in st.done_e
          and ((reportable(es[j]) and es[j].kind == "number") or _counted_word(es[j]))]
    if len(cu) != 1 or len(ce) != 1:
        return None
    u, t = us[cu[0]], es[ce[0]]
    if not (u.spelled or t.spelled) or u.percent != t.percent or u.values[0] < 3 or t.values[0] < 3:
        return None
    return cu[0], ce[0]


# --- swapped figures and what is left ---------------------------------------------------------

def _swaps(st: _Pair, pairs: list[tuple[int, int, int]]) -> Iterator[Finding]:
    nums = [(i, j) for i, j, _ in pairs if st.us[i].kind == st.es[j].kind == "number" and not st.us[i].ordinal]
    if len(nums) < 2:
        return
    seen: set[int] = set()
    for a, (i1, j1) in enumerate(nums):
        for i2, j2 in nums[a + 1:]:
            if {i1, i2} & seen or eq(st.us[i1].values[0], st.us[i2].values[0]):
                continue
            r = (st.role("u", i1), st.role("e", j1), st.role("u", i2), st.role("e", j2))
            if swapped(*r):
                seen.update((i1, i2))
                u1, e1, u2, e2 = st.us[i1], st.es[j1], st.us[i2], st.es[j2]
                what = " and ".join(sorted(r[0].specific | r[2].specific))
                yield Finding(
                    "numbers.swapped", _severity(st, "warning"),
                    f"figures swapped? the Ukrainian binds {_describe(u1)} to {_words(r[0])} and {_describe(u2)} "
                    f"to {_words(r[2])}; the English {_describe(e1)} to {_words(r[1])} and {_describe(e2)} to "
                    f"{_words(r[3])} ({what})",
                    index=st.e.index, source_span=(u1.start, u1.end), target_span=(e1.start, e1.end))


def _words(r: Role) -> str:
    return f"“{r.word}”" if r.word else "/".join(sorted(r.specific))


def _leftovers(st: _Pair) -> Iterator[Finding]:
    for i, u in enumerate(st.us):
        if i not in st.done_u and reportable(u):
            yield Finding("numbers.missing", "warning", f"{_describe(u)} in the Ukrainian is not in the English",
                          index=st.e.index, source_span=(u.start, u.end))
    for j, t in enumerate(st.es):
        if j not in st.done_e and reportable(t):
            yield Finding("numbers.extra", "warning", f"{_describe(t)} in the English is not in the Ukrainian",
                          index=st.e.index, target_span=(t.start, t.end))
