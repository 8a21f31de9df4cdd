"""Ukrainian numbers in words, in any case form: `чотирнадцятьох`, `двадцять п'ять`, `півтори тисячі`.

Numerals are lemmatised with pymorphy3 rather than listed in every case form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from editflow.numbers.dates import UK_MONTH_RE, UK_MONTHS
from editflow.numbers.quantity import Quantity, can_add
from editflow.numbers.text import APOS, lower_keeping_offsets, overlaps

# Ukrainian numerals by lemma (pymorphy3 gives the lemma of any case form).
_UK_CARDINALS = {
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14,
    "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19,
    "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400,
    "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
    "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "дев'ятеро": 9, "десятеро": 10, "обидва": 2, "обидві": 2, "обоє": 2,
    "півтора": 1.5, "півтори": 1.5,
}
_UK_SCALES = {"тисяча": 1e3, "мільйон": 1e6, "мільярд": 1e9, "трильйон": 1e12}
_UK_ORDINALS = {
    "перший": 1, "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6, "сьомий": 7,
    "восьмий": 8, "дев'ятий": 9, "десятий": 10, "одинадцятий": 11, "дванадцятий": 12, "тринадцятий": 13,
    "чотирнадцятий": 14, "п'ятнадцятий": 15, "шістнадцятий": 16, "сімнадцятий": 17, "вісімнадцятий": 18,
    "дев'ятнадцятий": 19, "двадцятий": 20, "тридцятий": 30, "сороковий": 40, "п'ятдесятий": 50,
    "сотий": 100,
}
_UK_VAGUE = {"десяток": 10, "десятка": 10, "дюжина": 12, "сотня": 100}
_UK_FRACTIONS = {"половина": 0.5, "третина": 1 / 3, "чверть": 0.25, "доба": 24}
_UK_TIMES = {"вдвічі": 2, "удвічі": 2, "двічі": 2, "втричі": 3, "утричі": 3, "тричі": 3, "вчетверо": 4}
# "удесяте" — for the tenth time; "вдруге", "втретє"
_UK_NTH_TIME = {"друге": 2, "третє": 3, "четверте": 4, "п'яте": 5, "шосте": 6, "сьоме": 7, "восьме": 8,
                "дев'яте": 9, "десяте": 10, "одинадцяте": 11, "дванадцяте": 12, "п'ятнадцяте": 15, "двадцяте": 20}
# Words that may be numerals (the stems of _UK_NUMERAL_START): only these are looked up.
_UK_CAND = re.compile(
    r"(?<![\w'’ʼ])(?:нул|од|дв|тр|чот|чет|п['’ʼ]ят|шіс|шес|шос|сім|сем|сьом|віс|вос|дев|дес|сор|ст|сот|тис|міль|трил"
    r"|обид|обо|пів|перш|друг|трет|дюжин|полови|чвер|доб|вдві|удві|втри|утри|вчет"
    r"|[ув](?:друг|трет|четв|п['’ʼ]ят|шост|сьом|восьм|дев|дес|одинад|двана|двад))[а-яіїєґ'’ʼ]*")
_UK_HALF_SCALE = re.compile(r"пів(?:[ -]?)(тисячі|мільйона|мільярда|трильйона)\b", re.IGNORECASE)
# "кілька тисяч", "десятки тисяч", "сотні мільйонів": a vague amount of that scale
_UK_FEW = re.compile(r"(?<![\w'’ʼ])(?:кілька|декілька|кількох|декількох|кільком|багато|чимало)\s+$", re.IGNORECASE)
# Cheap filter before asking pymorphy3: only words that could be numerals.
_UK_NUMERAL_START = re.compile(
    r"^(?:нул|од|дв|дві|тр|чотир|четв|п'ят|шіст|шест|шост|сім|сем|сьом|віс|вос|дев'|десят|сор|"
    r"ст|сот|тис|мільй|мільярд|трильй|обид|обо|пів|перш|друг|трет|дюжин|полови|чвер|доб)")


def _morph() -> Any:
    # One analyser per process, shared with the glossary matching: loading the
    # Ukrainian dictionary costs ~0.1 s each time.
    from editflow.glossary.morph import analyzer

    return analyzer()


@lru_cache(maxsize=20000)
def uk_numeral(word: str) -> tuple[str, float] | None:
    """(class, value) of a Ukrainian word: cardinal, scale, ordinal, vague, fraction, times; else None."""
    w = word.lower().translate(APOS)
    if w in _UK_TIMES:
        return "times", _UK_TIMES[w]
    if w[:1] in ("у", "в") and w[1:] in _UK_NTH_TIME:
        return "ordinal", _UK_NTH_TIME[w[1:]]
    if not _UK_NUMERAL_START.match(w):
        return None
    parses = _morph().parse(w)
    lemmas = [(p.normal_form.translate(APOS), p.tag) for p in parses]
    for lemma, tag in lemmas:
        if lemma in _UK_CARDINALS and "NUMR" in tag:
            return "cardinal", _UK_CARDINALS[lemma]
    scales = [(lemma, tag) for lemma, tag in lemmas if lemma in _UK_SCALES and "NOUN" in tag]
    if scales:
        # "тисячі" is "thousands" as often as "of a thousand": plural wins, a numeral before it still counts
        plural = any("plur" in tag and "nomn" in tag for _, tag in scales)
        return ("scale-plural" if plural else "scale"), _UK_SCALES[scales[0][0]]
    for lemma, tag in lemmas:
        if lemma in _UK_ORDINALS and "ADJF" in tag:
            return "ordinal", _UK_ORDINALS[lemma]
    vague = [(lemma, tag) for lemma, tag in lemmas if lemma in _UK_VAGUE and "NOUN" in tag]
    if vague:
        # "сотні людей" (may be plural) is vague; "сотнею тисяч" is a hundred thousand
        plural = any("plur" in tag for _, tag in vague)
        return ("vague" if plural else "cardinal"), _UK_VAGUE[vague[0][0]]
    for lemma, tag in lemmas:
        if lemma in _UK_FRACTIONS and "NOUN" in tag:
            return "fraction", _UK_FRACTIONS[lemma]
    return None


_UK_COMPOUND = re.compile(
    r"(?<![\w'’ʼ])(одно|двох|дво|трьох|чотирьох|чотири|п['’ʼ]яти|шести|семи|восьми|дев['’ʼ]яти|десяти|"
    r"дванадцяти|п['’ʼ]ятнадцяти|двадцяти|тридцяти|сорока|п['’ʼ]ятдесяти|столітн|тисячо)"
    r"(?=[а-яіїєґ'’ʼ]{4,})", re.IGNORECASE)
_UK_COMPOUND_VALUE = {"одно": 1, "двох": 2, "дво": 2, "трьох": 3, "чотирьох": 4, "чотири": 4, "п'яти": 5,
                      "шести": 6, "семи": 7, "восьми": 8, "дев'яти": 9, "десяти": 10, "дванадцяти": 12,
                      "п'ятнадцяти": 15, "двадцяти": 20, "тридцяти": 30, "сорока": 40, "п'ятдесяти": 50,
                      "столітн": 100, "тисячо": 1000}


def _compound(a: int, b: int, word: str) -> Quantity | None:
    """An adjective built on a numeral (двостороння, п'ятиповерховий): the English often has a digit."""
    m = _UK_COMPOUND.match(word)
    key = m.group(1).lower().translate(APOS) if m else ""
    if key not in _UK_COMPOUND_VALUE:
        return None
    return Quantity(a, b, word, "number", values=(float(_UK_COMPOUND_VALUE[key]),), spelled=True, soft=True)


_UK_MONTH_AFTER = re.compile(rf"[ \u00a0]+({UK_MONTH_RE})\b", re.IGNORECASE)


def _uk_day(text: str, q: Quantity) -> Quantity:
    """"першого січня", "двадцять четвертого лютого": an ordinal in words before a month is a date."""
    m = _UK_MONTH_AFTER.match(text, q.end) if q.ordinal and 1 <= q.values[0] <= 31 else None
    if not m:
        return q
    return Quantity(q.start, m.end(), text[q.start:m.end()], "date",
                    dates=((None, UK_MONTHS[m.group(1).lower()], int(q.values[0])),), spelled=True)


def spelled_uk(text: str, taken: list[tuple[int, int]]) -> Iterator[Quantity]:
    halves: list[tuple[int, int]] = []
    for m in (_UK_HALF_SCALE.finditer(text) if "пів" in lower_keeping_offsets(text) else ()):
        if not overlaps(taken, *m.span()):
            word = m.group(1).lower()
            scale = 1e3 if word.startswith("т") else 1e9 if word.startswith("мільяр") else 1e12 if \
                word.startswith("трил") else 1e6
            halves.append(m.span())
            yield Quantity(m.start(), m.end(), m.group(), "number", values=(0.5 * scale,), loose=(0.5,),
                           spelled=True, multiplied=True)
    words = [(m.start(), m.end(), text[m.start():m.end()]) for m in _UK_CAND.finditer(lower_keeping_offsets(text))]
    free = [not overlaps(taken, a, b) and not overlaps(halves, a, b) for a, b, _ in words]
    info = [uk_numeral(w) if ok else None for (a, b, w), ok in zip(words, free, strict=True)]
    i = 0
    while i < len(words):
        kind = info[i]
        if kind is None:
            compound = _compound(*words[i]) if free[i] else None
            if compound:
                yield compound
            i += 1
            continue
        cls, v = kind
        if cls == "scale" and _UK_FEW.search(text, max(0, words[i][0] - 12), words[i][0]):
            a, b, w = words[i]
            yield Quantity(a, b, w, "vague", values=(v,), spelled=True)  # "кілька тисяч"
            i += 1
            continue
        following = info[i + 1] if i + 1 < len(words) else None
        if cls in ("vague", "scale-plural") and following is not None \
                and following[0] in ("scale", "scale-plural") and not text[words[i][1]:words[i + 1][0]].strip():
            a, b = words[i][0], words[i + 1][1]
            yield Quantity(a, b, text[a:b], "vague", values=(v * following[1],), spelled=True)  # "десятки тисяч"
            i += 2
            continue
        if cls in ("cardinal", "scale"):
            total, current, j, last_scale = 0.0, 0.0, i, 0.0
            while j < len(words):
                nxt = info[j]
                if nxt is None:
                    break
                gap = text[words[j - 1][1]:words[j][0]].strip() if j > i else ""
                if gap == "з" and nxt == ("fraction", 0.5) and current:
                    current += 0.5  # "два з половиною мільйони"
                    j += 1
                    continue
                c2, v2 = nxt
                if gap or c2 not in ("cardinal", "scale", "scale-plural"):
                    break
                if c2 == "cardinal":
                    if not can_add(current, v2) or (v2 == 1.5 and j > i):
                        break
                    current += v2
                else:
                    total += max(current, 1) * v2
                    current, last_scale = 0, v2
                j += 1
            value = total + current
            ordinal = False
            # "двадцять четвертого", "дві тисячі двадцять другому": a compound ordinal
            after = info[j] if j < len(words) else None
            if (after is not None and after[0] == "ordinal" and after[1] < 10
                    and not text[words[j - 1][1]:words[j][0]].strip() and can_add(value % 100, after[1])):
                value, ordinal, j = value + after[1], True, j + 1
            q = Quantity(words[i][0], words[j - 1][1], text[words[i][0]:words[j - 1][1]], "number",
                         values=(value,), spelled=True, ordinal=ordinal)
            if last_scale >= 1e3 and not current and not ordinal:
                q.multiplied, q.loose = True, (value / last_scale,)  # "три мільйони": 3 of a scale
            yield _uk_day(text, q)
            i = j
            continue
        a, b, w = words[i]
        if cls == "ordinal":
            yield _uk_day(text, Quantity(a, b, w, "number", values=(v,), spelled=True, ordinal=True))
        elif cls in ("vague", "scale-plural"):
            yield Quantity(a, b, w, "vague", values=(v,), spelled=True)
        elif cls in ("fraction", "times"):
            yield Quantity(a, b, w, "number", values=(v,), spelled=True)
        i += 1
