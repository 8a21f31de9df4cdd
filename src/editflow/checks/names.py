"""`names.*`: proper names — which English word renders which Ukrainian name, and its spelling.

`name_pairs` finds, in each entry, the Ukrainian proper names (capitalised
nouns, with all their pymorphy3 lemmas) and the English word that renders
each one: the English word closest to a romanised lemma by Jaro-Winkler,
same first letter, above a confident threshold.  `consistency.term` groups
these pairs across the file; `names.spelling` compares each English spelling
with the glossary's rendering or, failing that, the KMU-2010 romanisation.

English news spells many Ukrainian names by convention rather than by
KMU-2010 (Zelensky, Klitschko, Oleksiy, Podolyak), and Ukrainian writes
foreign names in its own letters (Байден, Шольц, Пєсков), which KMU must
not be applied to.  So `names.spelling` is a suggestion (info), made only
when the English word is another romanisation of the name's lemma (Kharkov,
Kiev, Chernigov, Podolyak: see `is_rendering`) and the name looks Ukrainian
(ї, an apostrophe, or a Ukrainian ending such as -енко, -ук, -ів, -ій).  It
stays quiet on ending-only variants (-iy/-y for -ii, -y for -yi, -ia for
-iia), exonyms and conventional spellings, English words with letters KMU
never produces (c outside ch/ts, w, q, x), foreign names in Ukrainian
letters (a consonant before є), words the dictionary does not know, and
beyond a few per file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding
from editflow.textnorm import normalize

if TYPE_CHECKING:
    from editflow.glossary import Glossary

# How alike a romanised lemma and an English word must be to be taken as its rendering.
MATCH_THRESHOLD = 0.86
# At most this many names.spelling suggestions per file: a handful to review, not a wall.
MAX_PER_FILE = 5

_UK_WORD = re.compile(r"[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+(?:-[А-ЯЄІЇҐа-яєіїґ][а-яєіїґ'’ʼ]+)*")
_EN_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]+[^\W\d_]*(?:[-'’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_SENT_START = re.compile(r"(?:^|[.!?…:]\s*[«“\"„(—–-]?\s*|[«“\"„]\s*)$")

# English names for places and people that KMU-2010 does not spell; and the
# conventional English spellings of Ukrainian names the press uses widely.
EXONYMS = frozenset("""
ukraine russia europe crimea moscow kremlin belarus poland hungary romania moldova georgia germany
austria warsaw vienna prague rome paris brussels washington america american europe's kyivan
dnieper transcarpathia galicia volhynia podolia bukovina donbass kuban siberia chechnya
zelensky zelenskyy klitschko zaluzhny yanukovich yushchenko
medvedev peskov lavrov shoigu prigozhin navalny gorbachev yeltsin kadyrov lukashenko
""".split())

# KMU-2010 endings and the spellings English often uses for them instead.
_ENDING_VARIANTS = (("iia", ("ia", "iya", "ya")), ("yi", ("y", "iy", "yy", "ii")), ("ii", ("iy", "i", "y", "yi")),
                    ("ia", ("ya", "iya")), ("iu", ("yu", "iyu")))


# What each Ukrainian letter becomes in the romanisations English text uses
# (KMU-2010, BGN/PCGN, scholarly, and the Russian-style forms of Ukrainian
# names: Kharkov, Lvov, Olga).  An English word that one of these produces
# from a name's lemma is a rendering of that name; one they cannot produce
# (Biden for Байден, Senate for Сенат, Ministry for Міністерство) is a
# foreign name or a translation, which KMU-2010 has no say on.
_ROMAN = {
    "а": "a", "б": "b", "в": "v", "г": "h|g|gh", "ґ": "g", "д": "d", "е": "e", "є": "ie|ye|je|e",
    "ж": "zh|z|j", "з": "z", "и": "y|i", "і": "i|o|e", "ї": "i|yi|ji|ii|e|ie", "й": "i|y|j|",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh|ch", "ц": "ts|c|tz", "ч": "ch", "ш": "sh", "щ": "shch|sch|shh",
    "ь": "|'|’", "ю": "iu|yu|ju|u", "я": "ia|ya|ja|a", "'": "|'|’", "-": "-| ",
}
# Letters and endings that make a name Ukrainian rather than a foreign name in
# Ukrainian letters.  і, є, ґ and ь are not enough: Ukrainian spells Peter,
# Diego, Grey and Bristol with them.
_UKRAINIAN_MARK = re.compile(r"ї|'|(?:енко|ук|юк|чук|щук|як|ич|ів|їв|щина|ишин|ій)$")


# Per Ukrainian letter, the spellings it may take; matched by a memoised walk
# rather than a compiled alternation (compiling one pattern per name cost
# more than all the matching).
_ROMAN_ALTS = {k: tuple(v.split("|")) for k, v in _ROMAN.items()}


@lru_cache(maxsize=50000)
def is_rendering(lemma: str, en: str) -> bool:
    """Whether the English word is a romanisation of the Ukrainian lemma (any usual system)."""
    letters = normalize(lemma).lower()
    if any(ch not in _ROMAN_ALTS for ch in letters):
        return False
    target = en.lower()

    @cache
    def produces(i: int, j: int) -> bool:  # letters[i:] can be spelled as target[j:]
        if i == len(letters):
            return j == len(target)
        return any(target.startswith(alt, j) and produces(i + 1, j + len(alt)) for alt in _ROMAN_ALTS[letters[i]])

    return produces(0, 0)


def ukrainian_looking(lemma: str) -> bool:
    return bool(_UKRAINIAN_MARK.search(normalize(lemma).lower()))


@dataclass(frozen=True)
class NamePair:
    index: int                 # entry index
    uk: str                    # the Ukrainian word as written
    uk_span: tuple[int, int]
    lemma: str                 # the lemma that best explains the English
    en: str                    # the English word as written (possessive kept)
    en_span: tuple[int, int]
    en_base: str               # the English word without a possessive ending
    score: float               # Jaro-Winkler of the romanised lemma and the English word
    known: bool                # the lemma is in the dictionary (not a predicted word)
    foreign: bool              # the Ukrainian spelling marks a foreign name (Пєсков, Штайнмаєр)
    rendering: bool            # the English is a romanisation of the lemma (is_rendering)


def _morph() -> Any:
    # One analyser per process, shared with the glossary matching: loading the
    # Ukrainian dictionary costs ~0.1 s each time.
    from editflow.glossary.morph import analyzer

    return analyzer()


@lru_cache(maxsize=20000)
def _readings(word: str) -> tuple[tuple[tuple[str, bool], ...], bool]:
    """(lemma, known) of each noun reading of a Ukrainian word, and whether one is a person's name."""
    out: list[tuple[str, bool]] = []
    person = False
    for p in _morph().parse(normalize(word)):
        if p.tag.POS != "NOUN":
            continue
        person = person or any(t in p.tag for t in ("Name", "Surn", "Patr"))
        item = (p.normal_form, bool(p.is_known))
        if item not in out:
            out.append(item)
    return tuple(out), person



@lru_cache(maxsize=20000)
def kmu(word: str) -> str:
    """KMU-2010 romanisation of a Ukrainian word, capitalised like a name (each hyphen part)."""
    from translitua import translit

    roman = translit(normalize(word).lower().replace("'", ""))
    return "-".join(part[:1].upper() + part[1:] for part in roman.split("-"))


def _foreign_uk(word: str) -> bool:
    # Ukrainian spelling puts є after a consonant only in borrowed names (Пєсков, Мєдвєдєв).
    return bool(re.search(r"[бвгґджзклмнпрстфхцчшщ]є", word.lower()))


def _non_kmu_english(word: str) -> bool:
    w = word.lower()
    return bool(re.search(r"[wqx]|c(?!h)|ph|th|ee|oo", w.replace("ts", "")))


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENT_START.search(text[max(0, start - 4):start])) or start == 0


# An inflected form romanised is still this alike to the English name (Львова ~ Lviv: 0.78).
_PREFILTER = 0.75


def _uk_names(text: str, by_initial: dict[str, list[str]]) -> Iterator[tuple[str, tuple[int, int], tuple[tuple[str, bool], ...]]]:
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    for m in _UK_WORD.finditer(text):
        w = m.group()
        if len(w) < 3:
            continue
        roman = kmu(w).lower()
        cands = by_initial.get(roman[:1])
        if not cands or process.extractOne(roman, cands, scorer=JaroWinkler.similarity,
                                           score_cutoff=_PREFILTER) is None:
            continue  # no English word could render it: spare the morphology
        lemmas, person = _readings(w)
        if not lemmas:
            continue
        if not person and _sentence_initial(text, m.start()):
            continue  # a capital at a sentence start says nothing unless the dictionary knows a name
        yield w, m.span(), lemmas


def find_name_pairs(e: Entry) -> list[NamePair]:
    """The Ukrainian names of one entry with the English word rendering each, where one is clear."""
    from rapidfuzz.distance import JaroWinkler

    src, tgt = e.source_text, e.target_text
    if not src.strip() or not tgt.strip():
        return []
    en_words = [(m.group(), m.span(), _POSSESSIVE.sub("", m.group())) for m in _EN_WORD.finditer(tgt)]
    if not en_words:
        return []
    cands: list[tuple[float, int, int, str, bool]] = []
    by_initial: dict[str, list[str]] = {}
    for _, _, b in en_words:
        if b:
            by_initial.setdefault(b[0].lower(), []).append(b.lower())
    uk_found = list(_uk_names(src, by_initial))
    for ui, (_w, _, lemmas) in enumerate(uk_found):
        for lemma, known in lemmas:
            roman = kmu(lemma).lower()
            for ei, (_, _, base) in enumerate(en_words):
                b = base.lower()
                if not roman or b[0] != roman[0]:
                    continue
                score = JaroWinkler.similarity(roman, b)
                if is_rendering(lemma, b):
                    score += 1  # an exact romanisation beats any fuzzy likeness
                if score >= MATCH_THRESHOLD:
                    cands.append((score, ui, ei, lemma, known))
    cands.sort(key=lambda c: -c[0])
    used_u: set[int] = set()
    used_e: set[int] = set()
    out: list[NamePair] = []
    for score, ui, ei, lemma, known in cands:
        if ui in used_u or ei in used_e:
            continue
        used_u.add(ui)
        used_e.add(ei)
        w, uspan, _ = uk_found[ui]
        en, espan, base = en_words[ei]
        out.append(NamePair(e.index, w, uspan, lemma, en, espan, base, score, known, _foreign_uk(w),
                            is_rendering(lemma, base)))
    out.sort(key=lambda p: p.uk_span)
    return out


def name_pairs(entries: list[Entry], ctx: CheckContext) -> list[NamePair]:
    """Every name pair of the file, computed once per run (names and consistency share it)."""
    key = f"names.pairs:{id(entries)}"
    hit = ctx.cache.get(key)
    if hit is None:
        hit = ctx.cache[key] = [p for e in entries for p in find_name_pairs(e)]
    return hit


def _ending_variant(en: str, want: str) -> bool:
    """`Oleksiy` for `Oleksii`, `Zaluzhny` for `Zaluzhnyi`: an ending convention, not a misspelling."""
    en, want = en.lower(), want.lower()
    for kmu_end, variants in _ENDING_VARIANTS:
        if want.endswith(kmu_end):
            stem = want[: -len(kmu_end)]
            if any(en == stem + v for v in variants):
                return True
    return False


def _glossary_names(glossary: Glossary | None) -> dict[str, list[str]]:
    if glossary is None:
        return {}
    out: dict[str, list[str]] = {}
    for t in glossary.terms:
        if " " not in t.uk.strip() and t.en:
            out.setdefault(normalize(t.uk.strip()).lower(), []).extend(t.en)
    return out


def expected_spelling(p: NamePair, glossary_names: dict[str, list[str]]) -> tuple[list[str], str]:
    """(accepted spellings, where they come from: "glossary" or "KMU-2010")."""
    for key in (p.lemma, normalize(p.uk).lower()):
        if key in glossary_names:
            return glossary_names[key], "glossary"
    return [kmu(p.lemma)], "KMU-2010"


def spelling_finding(p: NamePair, glossary_names: dict[str, list[str]]) -> Finding | None:
    if not p.rendering:
        return None  # the English word is not clearly this name's rendering ("Shahed-type", "Ministry")
    wanted, origin = expected_spelling(p, glossary_names)
    if origin == "glossary":
        # glossary.missing and glossary.forbidden already report a glossary
        # name spelled otherwise; a third finding on the same word is noise.
        return None
    base = p.en_base
    if any(base.lower() == w.lower() for w in wanted):
        return None
    if origin == "KMU-2010":
        if (not p.known or p.foreign or not ukrainian_looking(p.lemma)
                or base.lower() in EXONYMS or _non_kmu_english(base) or _ending_variant(base, wanted[0])):
            return None
    want = wanted[0]
    a, _end = p.en_span
    return Finding("names.spelling", "info",
                   f"“{base}” for {p.uk} ({p.lemma}); the {origin} spelling is “{want}”",
                   index=p.index, source_span=p.uk_span, target_span=(a, a + len(base)), suggestion=want)


@check({
    "names.spelling": ("info", "a Ukrainian name spelled neither as the glossary nor as KMU-2010 romanises it"),
})
def names(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    gnames = _glossary_names(ctx.glossary)
    seen: set[tuple[str, str]] = set()
    count = 0
    for p in name_pairs(entries, ctx):
        key = (p.lemma, p.en_base.lower())
        if key in seen:
            continue  # one suggestion per name and spelling, at its first occurrence
        f = spelling_finding(p, gnames)
        if f is None:
            continue
        seen.add(key)
        count += 1
        if count > MAX_PER_FILE:
            return
        yield f
