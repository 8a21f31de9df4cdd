"""`numbers.*`: the figures of the English against those of the Ukrainian.

Each side is read by its own locale (`editflow.numbers`), then the quantities are
paired: equal values first (`2,5 млн` = `2.5 million` = `2,500,000`,
`чотирнадцяти` = `14`, `24 лютого` = `Feb. 24`, `о 14:30` = `at 2:30 p.m.`),
then tolerated transformations (`1 456` ≈ `about 1,500`, a year given only
as `2022` against a full date, a bare `2,5` against `2.5 million`).  What is
left over is reported:

- `numbers.mismatch`, error: a figure on each side left over and each the
  other's only plausible counterpart (same kind, one digit off, digits
  swapped, the same figure with another multiplier, a date one field off, a
  designation with other digits): the wrong figure, almost certainly.  At
  warning level when the pair is doubtful: the entry is fuzzy (the pairing
  itself is in doubt), a figure is in words (`три` ↔ `four`), or the two are
  merely the only figures left, of the same sort (two percentages, two dates).
- `numbers.missing` / `numbers.extra`, warning: a figure with no counterpart
  on the other side.
- `numbers.format`: English written the Ukrainian way: a decimal comma
  (`2,5 million`, warning), thousands grouped with a point (`1.800` for
  1 800, warning) or a space (`1 800`, info).

Figures in words are read to find counterparts but are never reported on
their own: translators legitimately turn "two" into "a couple", "one" into
"a", "сотні" into "hundreds".  The same holds for list numbering, decades
(`1990-х`), numeral compounds (`двостороння`), zeros and designations
(`G7` may become "the Group of Seven"; only a designation with other digits
is reported).  Imperial/metric conversions are tolerated (`85 mph` ↔
`137 км/год`), and a conversion added in brackets is not a figure of its own.
Bylines, web furniture, teasers, headline variants and note paragraphs are
dropped or reformatted by design, so only a mismatch is reported there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding, Severity
from editflow.numbers import Quantity, extract_en, extract_uk, sig_digits

STRONG, LOOSE = 2, 1
_PHONE_CONTEXT = re.compile(r"\b(?:call|phone|tel|telephone|hotline|number|line|dial|text)\b\.?[^.!?]{0,30}$", re.IGNORECASE)
_QUIET_ROLES = {"byline", "boilerplate", "teaser", "headline", "note"}


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _yearish(q: Quantity) -> bool:
    return q.text[:4].isdigit() and not q.text[4:5].isdigit() and 1000 <= q.values[0] <= 2100


def _rounded(uk: float, en: float) -> bool:
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


# Imperial (or US) unit → (metric unit, factor); temperatures separately.
_CONVERSIONS = {
    "in": (("cm", 2.54), ("mm", 25.4)), "ft": (("m", 0.3048), ("cm", 30.48)), "yd": (("m", 0.9144),),
    "mi": (("km", 1.609344),), "mph": (("kmh", 1.609344),), "lb": (("kg", 0.45359237),),
    "oz": (("g", 28.349523),), "gal": (("l", 3.785412),), "acre": (("ha", 0.404686),),
}


def _converted(u: Quantity, e: Quantity) -> bool:
    """A figure converted between imperial and metric units (85 mph ↔ 137 км/год, 80 °F ↔ 27 °C)."""
    metric, imperial = (u, e) if u.unit in ("mm", "cm", "kmh", "km", "m", "kg", "t", "l", "ha", "c", "g") else (e, u)
    if not metric.unit or not imperial.unit or metric is imperial:
        return False
    targets: list[float] = []
    for v in imperial.values:
        if imperial.unit in ("f", "deg") and metric.unit == "c":
            targets += [(v - 32) / 1.8, v / 1.8]  # a temperature, or a difference of temperatures
        for unit, factor in _CONVERSIONS.get(imperial.unit, ()):
            if unit == metric.unit:
                targets.append(v * factor)
    return any(abs(t - m) <= max(0.06 * abs(m), 0.6) for t in targets for m in metric.values)


def _dates_compatible(x: tuple, y: tuple) -> bool:
    common = [(p, q) for p, q in zip(x, y) if p is not None and q is not None]
    return bool(common) and all(p == q for p, q in common) and (x[1] is not None and y[1] is not None)


def score(u: Quantity, e: Quantity) -> int:
    """How well two quantities correspond: STRONG, LOOSE (tolerated) or 0."""
    ku, ke = u.kind, e.kind
    if ku == "date" and ke == "date":
        return STRONG if any(_dates_compatible(x, y) for x in u.dates for y in e.dates) else 0
    if ku == "time" and ke == "time":
        if set(u.hours) & set(e.hours) and u.minute == e.minute:
            return STRONG
        # "about 2:30 p.m." for 14:28: within twenty minutes of a hedged time
        near = any(abs((h1 * 60 + u.minute) - (h2 * 60 + e.minute)) <= 20 for h1 in u.hours for h2 in e.hours)
        return LOOSE if (u.approx or e.approx) and near else 0
    if ku == "code" and ke == "code":
        return STRONG if u.digits == e.digits else 0
    if {ku, ke} == {"code", "number"}:
        c, n = (u, e) if ku == "code" else (e, u)
        return LOOSE if c.digits.isdigit() and any(_eq(v, float(c.digits)) for v in n.values + n.loose) else 0
    if {ku, ke} == {"date", "number"}:
        d, n = (u, e) if ku == "date" else (e, u)
        parts = {p for r in d.dates for p in (r[0], r[2]) if p is not None}
        return LOOSE if not n.multiplied and any(_eq(v, p) for v in n.values for p in parts) else 0
    if {ku, ke} == {"time", "number"}:
        t, n = (u, e) if ku == "time" else (e, u)
        hours = set(t.hours) | {h % 12 for h in t.hours}
        return LOOSE if not n.multiplied and any(v in hours for v in n.values) else 0
    if ku in ("number", "vague") and ke in ("number", "vague"):
        if any(_eq(a, b) for a in u.values for b in e.values):
            return STRONG if ku == ke else LOOSE
        # a bare figure against the same figure with a multiplier ("2,5" ~ "2.5 million")
        if (u.multiplied != e.multiplied) and (any(_eq(a, b) for a in u.loose for b in e.values)
                                                or any(_eq(a, b) for a in u.values for b in e.loose)):
            return LOOSE
        # rounding wants a hedge, words, or the English "1.46 million" style for 1 456 000
        if ku == ke == "number" and (u.approx or e.approx or u.spelled or e.spelled
                                     or (e.multiplied and not u.multiplied)) \
                and not (_yearish(u) or _yearish(e)) and any(_rounded(a, b) for a in u.values for b in e.values):
            return LOOSE
        if ku == ke == "number" and u.unit and e.unit and _converted(u, e):
            return LOOSE
    return 0


def reportable(q: Quantity) -> bool:
    """Whether a quantity left without a counterpart is worth telling the editor about.

    Words, list numbers and vague amounts are rephrased freely; a designation
    (G7, Су-25) is often named another way ("the Group of Seven"); a zero is
    often "no", "none".  Only a wrong designation (a mismatch) is reported.
    """
    if q.spelled or q.listnum or q.soft or q.kind in ("vague", "code"):
        return False
    return not (q.kind == "number" and q.values and all(v == 0 for v in q.values))


def _digits(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def _one_off(a: str, b: str) -> bool:
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


def plausible(u: Quantity, e: Quantity) -> bool:
    """Could e be u written wrongly?  Only then is a leftover pair a mismatch."""
    if u.kind != e.kind:
        return False
    if u.kind == "date":
        for x in u.dates:
            for y in e.dates:
                diffs = [(p, q) for p, q in zip(x, y) if p is not None and q is not None and p != q]
                same = [(p, q) for p, q in zip(x, y) if p is not None and q is not None and p == q]
                if len(diffs) == 1 and same:
                    return True
        return False
    if u.kind == "time":
        return bool(set(u.hours) & set(e.hours)) or u.minute == e.minute  # one field off
    if u.kind == "code":
        # С-300 for S-400, Су-25 for Su-27: the same designation with other digits
        return len(u.digits) == len(e.digits) and _same_initial(u.text, e.text)
    if u.kind != "number" or u.percent != e.percent:
        return False
    if u.multiplied and e.multiplied and any(_eq(a, b) for a in u.loose for b in e.loose):
        return True  # 2,5 млн ↔ 2.5 billion
    if all(0 < v < 1 for v in u.values[:1] + e.values[:1]):
        return True  # two fractions: 1/3 for 1/4
    return any(_one_off(_digits(a), _digits(b)) for a in u.values for b in e.values)


_CURRENCY = re.compile(r"[$€£₴]|\b(?:US|USD|EUR|GBP|UAH|dollars?|euros?|pounds?|hryvnias?|hryvnyas?)\b"
                       r"|(?:грн|гривн|гривень|долар|євро|фунт)", re.IGNORECASE)
_ZONE = re.compile(r"\s*(?:\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|CT|CST|PT|PST|PDT|MSK)\b"
                   r"|(?:за\s+)?(?:київським|московським|Гринвіч|місцевим)|(?:[A-Z][a-z]+|local) time)")
# The Latin letter(s) a Cyrillic initial is romanised with, for designations (С-300 ↔ S-300).
_LATIN_INITIAL = {"А": "A", "Б": "B", "В": "VW", "Г": "HG", "Ґ": "G", "Д": "D", "Е": "E", "Є": "Y", "Ж": "Z",
                  "З": "Z", "И": "Y", "І": "I", "Ї": "Y", "Й": "Y", "К": "KC", "Л": "L", "М": "M", "Н": "N",
                  "О": "O", "П": "P", "Р": "R", "С": "SC", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "T",
                  "Ч": "C", "Ш": "S", "Щ": "S", "Ю": "Y", "Я": "Y"}


def _same_initial(a: str, b: str) -> bool:
    x, y = a[:1].upper(), b[:1].upper()
    return x == y or y in _LATIN_INITIAL.get(x, "") or x in _LATIN_INITIAL.get(y, "")


def _money_aside(text: str, q: Quantity) -> bool:
    """A sum in brackets holding a currency: a conversion the writer added ("($2.7 million)")."""
    open_ = text.rfind("(", max(0, q.start - 25), q.start)
    if open_ < 0 or ")" in text[open_:q.start]:
        return False
    close = text.find(")", q.end, q.end + 30)
    return close >= 0 and bool(_CURRENCY.search(text, open_, close + 1))


def _restates(q: Quantity, side: list[Quantity]) -> bool:
    return bool(q.unit) and any(o is not q and o.unit and _converted(q, o) for o in side)


def _big(u: Quantity, e: Quantity) -> bool:
    if u.kind != "number":
        return True
    return all(v >= 100 or not float(v).is_integer() for v in (u.values[:1] + e.values[:1]))


def match(us: list[Quantity], es: list[Quantity]) -> tuple[list[tuple[int, int, int]], set[int], set[int]]:
    """Pair quantities greedily, strongest and nearest (in relative position) first.

    Returns the pairs (i, j, score) and the unpaired indexes on each side.
    """
    cand = []
    for i, u in enumerate(us):
        for j, e in enumerate(es):
            s = score(u, e)
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


def _en_style(q: Quantity) -> str:
    """A quantity's value written the English way, for messages and suggestions."""
    if q.kind == "number" and q.values:
        v = q.values[0]
        if float(v).is_integer() and 1000 <= v < 2100 and q.text.isdigit():
            return q.text  # a year
        s = f"{int(v):,}" if float(v).is_integer() else f"{v:,.6f}".rstrip("0").rstrip(".")
        return s + ("%" if q.percent else "")
    return q.text


def _en_style_value(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.6f}".rstrip("0").rstrip(".")


def _describe(q: Quantity) -> str:
    text = " ".join(q.text.split())
    plain = _en_style(q)
    return f"“{text}”" if plain in (text, q.text) or q.kind != "number" else f"“{text}” ({plain})"


@check({
    "numbers.mismatch": ("error", "a figure differs between the Ukrainian and the English"),
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
                    if q.kind == "number" and any(_eq(v, y) for v in q.values for y in years):
                        left.discard(k)
                        break


def _check_entry(e: Entry, us: list[Quantity], es: list[Quantity]) -> Iterator[Finding]:
    pairs, left_u, left_e = match(us, es)
    _year_of_matched_date(pairs, us, es, left_u, left_e)
    quiet = bool(set(e.src_roles) & _QUIET_ROLES or set(e.tgt_roles) & _QUIET_ROLES)

    for i, j, _ in pairs:
        q = es[j]
        if q.fmt == "space-group" and _PHONE_CONTEXT.search(e.target_text, max(0, q.start - 30), q.start):
            continue  # "call 116 123": a phone number, not a figure
        if q.fmt == "decimal-comma":
            yield Finding("numbers.format", "warning",
                          f"“{q.text}” uses a decimal comma; English writes {_en_style(q)}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_style(q) if not q.multiplied else None)
        elif q.fmt == "dot-group" and any(_eq(v, q.values[1]) for v in us[i].values) \
                and not any(_eq(v, q.values[0]) for v in us[i].values):
            yield Finding("numbers.format", "warning",
                          f"“{q.text}” groups thousands with a point; English writes {_en_style_value(q.values[1])}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_style_value(q.values[1]))
        elif q.fmt == "space-group":
            yield Finding("numbers.format", "info",
                          f"“{q.text}” groups thousands with a space; English writes {_en_style(q)}",
                          index=e.index, source_span=(us[i].start, us[i].end), target_span=(q.start, q.end),
                          suggestion=_en_style(q))

    # A conversion added in brackets ("200 миль (322 км)", "UAH 100 million ($2.7
    # million)") restates a figure of its own side.
    aside_u = {i for i in left_u if _restates(us[i], us) or _money_aside(e.source_text, us[i])}
    aside_e = {j for j in left_e if _restates(es[j], es) or _money_aside(e.target_text, es[j])}
    hard_u = [i for i in sorted(left_u) if reportable(us[i]) and i not in aside_u]
    hard_e = [j for j in sorted(left_e) if reportable(es[j]) and j not in aside_e]
    # Mismatch candidates: conversions too, but only against a conversion on the other side.
    cand_u = [i for i in sorted(left_u) if reportable(us[i]) or us[i].kind == "code"]
    cand_e = [j for j in sorted(left_e) if reportable(es[j]) or es[j].kind == "code"]
    # Small figures are one digit apart by chance ("12" and "10" in a paragraph
    # whose temperatures were converted): a pair of them is a mismatch only when
    # it is all that is left over on both sides.
    alone = sum(us[i].kind != "code" for i in cand_u) == 1 and sum(es[j].kind != "code" for j in cand_e) == 1
    options_u = {i: [j for j in cand_e if plausible(us[i], es[j]) and (alone or _big(us[i], es[j]))
                     and (i in aside_u) == (j in aside_e)]
                 for i in cand_u}
    options_e = {j: [i for i in cand_u if j in options_u[i]] for j in cand_e}
    paired_u: set[int] = set()
    paired_e: set[int] = set()
    for i in cand_u:
        if len(options_u[i]) == 1 and len(options_e[options_u[i][0]]) == 1:
            j = options_u[i][0]
            paired_u.add(i)
            paired_e.add(j)
            u, t = us[i], es[j]
            # A time given in another zone (13:00 GMT for 15:00 in Kyiv) may be a conversion;
            # a byline's date and time may be the English edition's own.
            zoned = u.kind == "time" and (_ZONE.match(e.source_text, u.end) or _ZONE.match(e.target_text, t.end))
            yield _mismatch(e, u, t, "warning" if e.fuzzy or zoned or quiet else "error",
                            _en_style(u) if u.kind == "number" and not u.multiplied else None)
    if quiet:
        return
    word = _word_mismatch(us, es, [i for i in left_u if i not in paired_u], [j for j in left_e if j not in paired_e])
    if word:
        i, j = word
        paired_u.add(i)
        paired_e.add(j)
        yield _mismatch(e, us[i], es[j], "warning", None if us[i].spelled else _en_style(us[i]))
    rest_u = [i for i in hard_u if i not in paired_u]
    rest_e = [j for j in hard_e if j not in paired_e]
    if len(rest_u) == 1 and len(rest_e) == 1 and _same_sort(us[rest_u[0]], es[rest_e[0]]):
        # The one figure left on each side, of the same sort (two percentages, two
        # dates, two sums in millions): likely one written for the other, but not
        # a typo we can recognise, so a warning.
        i, j = rest_u[0], rest_e[0]
        paired_u.add(i)
        paired_e.add(j)
        yield _mismatch(e, us[i], es[j], "warning", None)
    for i in hard_u:
        if i not in paired_u:
            u = us[i]
            yield Finding("numbers.missing", "warning",
                          f"{_describe(u)} in the Ukrainian is not in the English",
                          index=e.index, source_span=(u.start, u.end))
    for j in hard_e:
        if j not in paired_e:
            t = es[j]
            yield Finding("numbers.extra", "warning",
                          f"{_describe(t)} in the English is not in the Ukrainian",
                          index=e.index, target_span=(t.start, t.end))


def _mismatch(e: Entry, u: Quantity, t: Quantity, severity: Severity, suggestion: str | None) -> Finding:
    return Finding("numbers.mismatch", severity,
                   f"the Ukrainian has {_describe(u)} where the English has {_describe(t)}",
                   index=e.index, source_span=(u.start, u.end), target_span=(t.start, t.end), suggestion=suggestion)


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


def _word_mismatch(us: list[Quantity], es: list[Quantity], left_u: list[int],
                   left_e: list[int]) -> tuple[int, int] | None:
    """`чотирнадцять` ↔ `fifteen`, `чотирнадцяти` ↔ `15`: a warning, when each is the only figure left.

    Words are rephrased more freely than digits ("a dozen" for 11, "dozens"),
    so this never rises to an error, and only a lone pair counts.
    """
    cu = [i for i in left_u if (reportable(us[i]) and us[i].kind == "number") or _counted_word(us[i])]
    ce = [j for j in left_e if (reportable(es[j]) and es[j].kind == "number") or _counted_word(es[j])]
    if len(cu) != 1 or len(ce) != 1:
        return None
    u, t = us[cu[0]], es[ce[0]]
    if not (u.spelled or t.spelled) or u.percent != t.percent or u.values[0] < 3 or t.values[0] < 3:
        return None
    return cu[0], ce[0]
