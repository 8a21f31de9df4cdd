"""What a figure counts: the noun, unit or subject it is bound to ("8 загиблих" → killed).

Two uses.  A figure missing on one side and another extra on the other are
one changed figure when they count the same thing ("15 000 гектарів" →
"50,000 hectares"), and two figures that both survive translation are
swapped when each went to the other's noun ("8 killed, 14 wounded" → "14
killed and 8 wounded").  A small bilingual lexicon of what news copy counts
gives each side's words a class; the word after the figure decides, then
the words before it ("загинули 8 людей": killed).  "people" and its kin are
generic: they make two figures comparable but never prove a swap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from editflow.numbers.quantity import Quantity
from editflow.numbers.text import APOS

GENERIC = "people"
# class: (Ukrainian word beginnings, English word beginnings).  Beginnings are
# matched against the lower-cased word; a "=" prefix asks for the whole word.
_LEXICON: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "killed": (("загин", "загибл", "вбит", "вбив", "убит", "убив", "смерт", "помер", "жертв", "полягл"),
               ("kill", "dead", "death", "=die", "=died", "=dies", "=dying", "fatalit", "=lives", "=life")),
    "wounded": (("поранен", "поранил", "травм", "постражд", "покалічен", "=поранення"),
                ("wound", "injur", "=hurt")),
    "missing": (("зникл", "безвіст"), ("=missing",)),
    "captive": (("полонен", "полон"), ("prisoner", "captive", "=pows", "=pow", "captur")),
    "children": (("дит", "діт", "неповнолітн", "немовл"), ("child", "kid", "minor", "teen", "infant", "bab")),
    "adults": (("доросл",), ("adult",)),
    "men": (("=чоловіків", "=чоловіки", "=чоловіка", "=чоловікам"), ("=men", "=man", "=males")),
    "women": (("жін", "жінок", "жінк"), ("women", "woman", "female")),
    "soldiers": (("військовослуж", "солдат", "бійц", "бійці", "вояк", "захисник", "окупант", "десантник",
                  "морпіх", "піхотинц", "=військових", "=військові"),
                 ("troop", "soldier", "servicem", "personnel", "fighter", "defender", "occupier", "marine",
                  "infantr", "paratroop")),
    "civilians": (("цивільн", "мирних", "мирні"), ("civilian",)),
    GENERIC: (("люд", "=осіб", "особ", "мешканц", "жител", "громадян", "населенн", "українц", "=чоловік",
               "пасажир", "учасник", "респондент", "опитан"),
              ("people", "person", "resident", "inhabitant", "citizen", "population", "ukrainian", "passenger",
               "participant", "respondent")),
    "tanks": (("танк",), ("tank",)),
    "armoured": (("бронемашин", "бронетехні", "=ббм", "=бмп", "=бтр", "бронеавтомоб"),
                 ("armoured", "armored", "=apcs", "=apc", "=ifvs", "=ifv")),
    "vehicles": (("автомобіл", "машин", "автівк", "вантажівк", "бронемашин", "автотехні"),
                 ("vehicle", "=cars", "=car", "truck", "lorr")),
    "drones": (("дрон", "безпілотн", "=бпла", "шахед"), ("drone", "=uavs", "=uav", "shahed")),
    "missiles": (("ракет",), ("missile", "rocket")),
    "aircraft": (("літак", "винищувач", "бомбардувальник"), ("aircraft", "plane", "=jets", "=jet", "warplane",
                                                          "fighter jet", "bomber")),
    "helicopters": (("гелікоптер", "вертоліт", "вертольот"), ("helicopter", "chopper")),
    "artillery": (("артилер", "гармат", "гаубиц"), ("artiller", "=guns", "=gun", "howitzer")),
    "shells": (("снаряд",), ("shell",)),
    "ships": (("корабл", "судн", "катер"), ("ship", "vessel", "=boats", "=boat")),
    "attacks": (("атак", "=удари", "=ударів", "=удару", "обстріл"), ("attack", "strike", "shelling", "assault")),
    "buildings": (("будин", "будівл", "споруд", "житлов", "=об'єктів"), ("building", "house", "home",
                                                                      "structure", "dwelling")),
    "apartments": (("квартир",), ("apartment", "=flats")),
    "settlements": (("=сіл", "=села", "=село", "селищ", "=міст", "=міста", "населених", "громад"),
                    ("village", "town", "=cities", "=city", "settlement", "communit")),
    "schools": (("шкіл", "школ"), ("school",)),
    "hospitals": (("лікарн", "=лікарень", "шпитал"), ("hospital",)),
    "gold": (("золот",), ("=gold", "=golds")),
    "silver": (("срібн",), ("=silver", "=silvers")),
    "bronze": (("бронз",), ("=bronze", "=bronzes")),
    "petrol": (("бензин",), ("petrol", "gasoline", "=gas")),
    "diesel": (("дизел", "дизпалив"), ("diesel",)),
    "years": (("=рік", "=роки", "=років", "=року", "=роках", "=літ", "річн"), ("year",)),
    "months": (("місяц", "=місяць"), ("month",)),
    "weeks": (("тижн", "=тиждень"), ("week",)),
    "days": (("=день", "=дні", "=днів", "=дня", "=днями", "=добу", "=доби", "=діб"), ("=day", "=days")),
    "hours": (("годин",), ("hour",)),
    "minutes": (("хвилин",), ("minute",)),
    "points": (("очк", "=бали", "=балів", "=бала"), ("point",)),
    "goals": (("=гол", "=голи", "=голів"), ("=goal", "=goals")),
    "votes": (("голос",), ("vote", "ballot")),
    "deputies": (("депутат", "нардеп"), ("=mps", "=mp", "lawmaker", "deput", "legislator")),
    "refugees": (("біженц", "переселенц", "=впо"), ("refugee", "displaced", "=idps")),
    "cases": (("випадк", "інфікован", "захворюв"), ("=cases", "=case", "infection")),
    "regions": (("област", "регіон"), ("region", "oblast", "province")),
    "countries": (("країн", "держав"), ("countr", "nation", "=states")),
    "families": (("родин", "сімей", "сім'ї", "домогосподарств"), ("famil", "household")),
    "students": (("студент", "учн", "школяр"), ("student", "pupil", "schoolchild")),
    "doctors": (("=лікар", "=лікарі", "=лікарів", "=лікаря", "=лікарям", "медик"), ("doctor", "medic", "physician")),
    "journalists": (("журналіст",), ("journalist", "reporter")),
    "rescuers": (("рятувальник",), ("rescuer", "firefighter")),
    "police": (("поліцейськ", "поліціянт", "правоохорон"), ("police", "officer")),
    "applications": (("заяв",), ("application",)),
    "doses": (("доз",), ("=dose", "=doses")),
    "medals": (("медал",), ("medal",)),
}
_STOP = {"і", "й", "та", "а", "але", "або", "чи", "ще", "and", "or", "but", "while", "whereas", "plus", "with",
         "з", "із", "від", "до", "з-поміж", "among", "of", "from", "to", "than", "ніж"}
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
# Where a figure's words end: a sentence or clause mark (a dash often stands for a repeated verb, so it does not).
_BREAK = re.compile(r"[.;:!?()\[\]]|,\s")


def _index(side: int) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The lexicon as (word beginning → classes, whole word → classes) for one language."""
    starts: dict[str, set[str]] = {}
    whole: dict[str, set[str]] = {}
    for cls, entry in _LEXICON.items():
        for stem in entry[side]:
            table, key = (whole, stem[1:]) if stem.startswith("=") else (starts, stem)
            table.setdefault(key, set()).add(cls)
    return ({k: frozenset(v) for k, v in starts.items()}, {k: frozenset(v) for k, v in whole.items()})


_INDEX = {"uk": _index(0), "en": _index(1)}
_LONGEST = max(len(k) for starts, _ in _INDEX.values() for k in starts)


@lru_cache(maxsize=8192)
def word_classes(word: str, lang: str) -> frozenset[str]:
    """The lexicon classes of one word."""
    w = word.lower().translate(APOS)
    starts, whole = _INDEX[lang]
    out = set(whole.get(w, ()))
    for k in range(2, min(len(w), _LONGEST) + 1):
        out |= starts.get(w[:k], frozenset())
    return frozenset(out)


@dataclass(frozen=True)
class Role:
    """What one figure counts: lexicon classes, the first word after it (for display), its unit."""
    classes: frozenset[str]
    word: str = ""

    @property
    def specific(self) -> frozenset[str]:
        return self.classes - {GENERIC}


def _window_after(text: str, q: Quantity, nxt: int) -> list[str]:
    stop = _BREAK.search(text, q.end, nxt)
    chunk = text[q.end:stop.start() if stop else nxt]
    words: list[str] = []
    for m in _WORD.finditer(chunk):
        if m.group().lower() in _STOP or len(words) >= 4:
            break
        words.append(m.group())
    return words


def _window_before(text: str, q: Quantity, prev: int) -> list[str]:
    chunk = text[prev:q.start]
    breaks = list(_BREAK.finditer(chunk))
    if breaks:
        chunk = chunk[breaks[-1].end():]
    return [m.group() for m in _WORD.finditer(chunk)][-4:]


def role_of(text: str, q: Quantity, side: list[Quantity], lang: str) -> Role:
    """The role of `q` among the quantities `side` of its paragraph `text`."""
    later = [o.start for o in side if o.start >= q.end]
    earlier = [o.end for o in side if o.end <= q.start]
    after = _window_after(text, q, min(later, default=len(text)))
    classes: set[str] = set()
    for w in after:
        classes |= word_classes(w, lang)
    if not classes - {GENERIC}:
        for w in _window_before(text, q, max(earlier, default=0)):
            classes |= word_classes(w, lang) - {GENERIC} or set()
    return Role(frozenset(classes), after[0] if after else "")


def same_role(a: Role, b: Role) -> bool:
    """Whether two figures count the same thing by the lexicon (generic classes included)."""
    return bool(a.classes & b.classes)


def swapped(u1: Role, e1: Role, u2: Role, e2: Role) -> bool:
    """u1↔e1 and u2↔e2 hold the same figures, yet each English figure counts what the other Ukrainian one did."""
    s = (u1.specific, e1.specific, u2.specific, e2.specific)
    if not all(s):
        return False
    return not (s[0] & s[1]) and not (s[2] & s[3]) and bool(s[0] & s[3]) and bool(s[2] & s[1])
