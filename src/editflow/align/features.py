"""Model-free evidence that a Ukrainian and an English paragraph translate each other.

Every paragraph is reduced to a length (inline editor's notes removed) and a
set of anchor keys that survive translation unchanged or predictably:
numbers, month names, Latin-script tokens, proper names (Ukrainian names
romanised with KMU-2010 and matched fuzzily to English capitalised words),
a few country names every news text uses, and glossary terms.
`pair_matrix` turns the keys into weighted match counts for paragraph pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from editflow.roles import strip_inline_notes
from editflow.textnorm import normalize

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ`-][^\W\d_]+)*", re.UNICODE)
_NUM = re.compile(r"\d+")
# Characters that may surround a word without being part of it.
_EDGE = "\"'«»“”„‘’()[]{}.,;:!?…—–-/\\*&%$#@^~|<>+=`"


def words_of(text: str) -> list[str]:
    """`_WORD.findall(text)`, about twice as fast on prose.

    A match never spans whitespace, so the text is split first; a token that
    is all letters once its surrounding punctuation is stripped is the match
    itself, and only the others (hyphens, apostrophes, digits) go to the regex.
    """
    out: list[str] = []
    for tok in text.split():
        if tok.isalpha():
            out.append(tok)
            continue
        core = tok.strip(_EDGE)
        if core.isalpha():
            out.append(core)
        else:
            out.extend(_WORD.findall(tok))
    return out
_CYR = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_CYR_UPPER = frozenset("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЁЫЭЪ")

_UK_MONTHS = ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд")
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_EN_MONTH_ABBR = {m[:3]: i for i, m in enumerate(_EN_MONTHS)} | {"sept": 8}

# Names whose English form is not a romanisation.  Keys are Ukrainian stems
# (matched as word prefixes, so inflected forms count); values are English words.
_EXONYMS: dict[str, tuple[str, ...]] = {
    # Proper nouns (capitalised stems, matched case-sensitively so that
    # "прагне" is not Prague and "кримінальний" is not Crimea).
    "Росі": ("russia",), "Україн": ("ukraine",), "США": ("us", "usa", "america"), "Америк": ("america",),
    "Польщ": ("poland",), "Німеччин": ("germany",), "Франці": ("france",), "Британі": ("britain", "uk"),
    "Чехі": ("czech", "czechia"), "Праз": ("prague",), "Праг": ("prague",), "Варшав": ("warsaw",),
    "Москв": ("moscow",), "Білорус": ("belarus",), "Туреччин": ("turkey", "türkiye"), "Китай": ("china",),
    "Китаю": ("china",), "Ізраїл": ("israel",), "Іран": ("iran",), "Європ": ("europe",), "ЄС": ("eu",),
    "НАТО": ("nato",), "ООН": ("un",), "Крим": ("crimea",), "Донбас": ("donbas", "donbass"),
    "Угорщин": ("hungary",), "Італі": ("italy",), "Іспані": ("spain",), "Японі": ("japan",),
    "Канад": ("canada",), "Словаччин": ("slovakia",), "Румуні": ("romania",), "Молдов": ("moldova",),
    "Грузі": ("georgia",), "Литв": ("lithuania",), "Латві": ("latvia",), "Естоні": ("estonia",),
    "Фінлянді": ("finland",), "Швеці": ("sweden",), "Норвегі": ("norway",), "Австрі": ("austria",),
    "Брюссел": ("brussels",), "Вашингтон": ("washington",), "Лондон": ("london",), "Париж": ("paris",),
    "Берлін": ("berlin",), "Відн": ("vienna",), "Рим": ("rome",), "Ватикан": ("vatican",),
    "Великод": ("easter",), "Різдв": ("christmas",),
    # Adjectives and demonyms are lower-case in Ukrainian.
    "російськ": ("russian", "russians"), "росіян": ("russians", "russian"), "українськ": ("ukrainian",),
    "українц": ("ukrainians", "ukrainian"), "американськ": ("american",), "польськ": ("polish",),
    "німецьк": ("german",), "французьк": ("french",), "британськ": ("british",), "чеськ": ("czech",),
    "європейськ": ("european",), "угорськ": ("hungarian",), "китайськ": ("chinese",),
}

_EXONYMS_LOWER = {k: v for k, v in _EXONYMS.items() if not k[0].isupper()}
_EXONYMS = {k: v for k, v in _EXONYMS.items() if k[0].isupper()}
# Exonym anchors are keyed on the English word's first five letters, so that
# "Russia", "Russian" and "Russians" are one anchor.
_EXONYM_WORDS = {e for v in (*_EXONYMS.values(), *_EXONYMS_LOWER.values()) for e in v}


@lru_cache(maxsize=1)
def _fuzzy() -> tuple[Any, Any]:
    # Imported on first use and kept: rapidfuzz resolves `process` lazily, and
    # a `from ... import` inside the hot function costs a millisecond per call.
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    return process, JaroWinkler


@lru_cache(maxsize=1 << 16)
def romanize(word: str) -> str:
    """KMU-2010 romanisation, lower-cased (cached: names recur from article to article)."""
    from translitua import translit

    return translit(word).lower()


@lru_cache(maxsize=1 << 18)
def static_word_keys(w: str) -> tuple[str, ...]:
    """Keys a Ukrainian word gives whatever the document: month, exonym, Latin token.

    Cached across calls: an editorial desk's vocabulary repeats from article to article.
    """
    keys = set(month_keys_uk((w,)))
    lw = w.lower()
    upper = w[0].isupper()
    for k in range(2, min(len(w), 10) + 1):
        exo = _EXONYMS.get(w[:k]) if upper else None
        if exo is None:
            exo = _EXONYMS_LOWER.get(lw[:k])
        if exo is not None and (k >= 5 or len(w) <= k + 3):
            keys.update(f"x:{e[:5]}" for e in exo)
    if len(w) >= 2 and _LATIN.search(w) and not _CYR.search(w):
        keys.add(f"w:{lw}")
    return tuple(keys)


def month_keys_uk(words: Iterable[str]) -> set[str]:
    out = set()
    for w in words:
        lw = w.lower()
        if len(lw) < 4:
            continue
        for i, stem in enumerate(_UK_MONTHS):
            if lw.startswith(stem) and not (stem == "трав" and lw.startswith("травм")) \
                    and not (stem == "лип" and lw.startswith("липк")):
                out.add(f"m:{i + 1}")
                break
    return out


def _en_month_forms() -> dict[str, str]:
    forms = {}
    for i, m in enumerate(_EN_MONTHS):
        forms[m.capitalize()] = forms[m.upper()] = f"m:{i + 1}"
    for abbr, i in _EN_MONTH_ABBR.items():
        if abbr not in ("may", "mar"):  # "May" is the month only when spelled out
            for form in (abbr.capitalize(), abbr.capitalize() + ".", abbr.upper()):
                forms[form] = f"m:{i + 1}"
    return forms


# Capitalised forms only: "may" and "march" are ordinary words.
_EN_MONTH_FORMS = _en_month_forms()


_EN_MONTH_SET = frozenset(_EN_MONTH_FORMS)


def month_keys_en(words: Iterable[str]) -> set[str]:
    if not isinstance(words, (set, frozenset)):
        words = set(words)
    return {_EN_MONTH_FORMS[w] for w in _EN_MONTH_SET.intersection(words)}


def number_keys(text: str) -> Counter[str]:
    # Digit runs, not parsed values: "1 800"/"1,800" and "2,5"/"2.5" split
    # into the same runs on both sides whatever the locale's separators.
    runs = _NUM.findall(text)
    if not runs:
        return Counter()
    return Counter([_number_key(n) for n in runs])


@lru_cache(maxsize=1 << 14)
def _number_key(run: str) -> str:
    # Leading zeros dropped ("07" is 7); very long runs (phone numbers, ids) kept as written.
    return f"n:{int(run)}" if len(run) < 12 else f"n:{run}"


@dataclass
class ParaFeatures:
    length: int
    keys: Counter[str]
    words: frozenset[str] = frozenset()  # the distinct words as written, for the lexical evidence


class Extractor:
    """Builds anchor keys for both sides of one document pair.

    Name matching needs both sides at once (a Ukrainian name maps to the
    English capitalised words it resembles), so extraction is per pair.
    """

    def __init__(self, glossary_terms: Sequence[tuple[str, Sequence[str]]] = ()) -> None:
        # (uk term, accepted English renderings) from a glossary.
        self.terms = [(self._uk_stems(uk), [normalize(e).lower() for e in en if e])
                      for uk, en in glossary_terms if en]
        self.en_index: dict[str, list[int]] = {}
        for ti, (_, ens) in enumerate(self.terms):
            for e in ens:
                self.en_index.setdefault(" ".join(_WORD.findall(e)), []).append(ti)
        self.en_max = max((k.count(" ") + 1 for k in self.en_index), default=0)
        self.stem_index: dict[str, list[int]] = {}
        for ti, (stems, _) in enumerate(self.terms):
            for st in stems:
                self.stem_index.setdefault(st, []).append(ti)

    @staticmethod
    def _uk_stems(term: str) -> tuple[str, ...]:
        # Dictionary form minus its ending: a prefix that inflected forms share
        # ("Запорізька АЕС" → "запорізьк", "аес"; "рашизм" → "рашизм").
        stems = []
        for w in _WORD.findall(normalize(term).lower()):
            stem = re.sub(r"(?:ий|ій|ого|а|я|о|е|і|и|ь|й|ія|ка|ки)$", "", w) if len(w) > 4 else w
            stems.append(stem if len(stem) >= 3 else w)
        return tuple(stems)

    def extract(self, src: Sequence[str], tgt: Sequence[str]) -> tuple[list[ParaFeatures], list[ParaFeatures]]:
        process, JaroWinkler = _fuzzy()

        # Anchors come from the full text (a note like "[Russians – ed.]" still
        # names what the original says); lengths leave inline notes out.
        src_n = [normalize(t) for t in src]
        tgt_n = [normalize(t) for t in tgt]
        src_lens = [len(strip_inline_notes(t)) for t in src_n]
        tgt_lens = [len(strip_inline_notes(t)) for t in tgt_n]
        src_words = [set(words_of(t)) for t in src_n]
        tgt_words = [words_of(t) for t in tgt_n]
        tgt_sets = [set(ws) for ws in tgt_words]

        # Proper-name candidates: capitalised Cyrillic words, romanised.
        uk_caps = {w for w in set().union(*src_words) if len(w) >= 4 and w[0] in _CYR_UPPER}
        en_caps = {w.lower() for w in set().union(*tgt_sets) if len(w) >= 3 and w[0].isupper()}
        name_map: dict[str, set[str]] = {}
        if uk_caps and en_caps:
            by_letter: dict[str, list[str]] = {}
            for e in en_caps:
                by_letter.setdefault(e[0], []).append(e)
            roman = {w: romanize(w) for w in uk_caps}
            groups: dict[str, list[str]] = {}
            for w, r in roman.items():
                if r:
                    groups.setdefault(r[0], []).append(w)
            for letter, group in groups.items():
                cands = by_letter.get(letter)
                if not cands:
                    continue
                scores = process.cdist([roman[w] for w in group], cands, scorer=JaroWinkler.similarity,
                                       score_cutoff=0.86, dtype="float32")
                for wi, w in enumerate(group):
                    hits = {cands[k] for k in scores[wi].nonzero()[0]}
                    if hits:
                        name_map[w] = hits

        # Words repeat a lot in a long text: work out each distinct word's keys once.
        stem_index = self.stem_index
        cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for w in set().union(*src_words):
            word_keys = static_word_keys(w)
            names = name_map.get(w)
            if names:
                word_keys = word_keys + tuple(f"w:{e}" for e in names)
            stems: tuple[str, ...] = ()
            if stem_index:
                lw = w.lower()
                stems = tuple(lw[:k] for k in range(2, len(lw) + 1) if lw[:k] in stem_index)
            cache[w] = (word_keys, stems)

        # Most words give no key at all: visit only those that do (a set
        # intersection in C instead of a Python loop over every word).
        keyed = {w: k for w, (k, _) in cache.items() if k}
        stemmed = {w: st for w, (_, st) in cache.items() if st}
        src_feats = []
        for text, words, length in zip(src_n, src_words, src_lens, strict=True):
            keys = number_keys(text)
            found: set[str] = set()
            stems_here: set[str] = set()
            for w in words & keyed.keys():
                found.update(keyed[w])
            if stemmed:
                for w in words & stemmed.keys():
                    stems_here.update(stemmed[w])
            for k in found:
                keys[k] += 1
            if stems_here:
                for ti in {ti for st in stems_here for ti in stem_index[st]}:
                    if all(st in stems_here for st in self.terms[ti][0]):
                        keys[f"g:{ti}"] += 1
            src_feats.append(ParaFeatures(length, keys, frozenset(words)))

        wanted = {k[2:] for ks, _ in cache.values() for k in ks if k.startswith("w:")}
        tgt_feats = []
        for text, tgt_list, word_set, length in zip(tgt_n, tgt_words, tgt_sets, tgt_lens, strict=True):
            keys = number_keys(text)
            for k in month_keys_en(word_set):
                keys[k] += 1
            lower = set(map(str.lower, word_set))
            for w in lower & wanted:
                keys[f"w:{w}"] += 1
            for w in lower & _EXONYM_WORDS:
                keys[f"x:{w[:5]}"] += 1
            # Renderings are looked up as word n-grams, not by scanning the
            # text once per term: a newsroom glossary has thousands.
            if self.en_index:
                low = [w.lower() for w in tgt_list]
                hits = set()
                for size in range(1, self.en_max + 1):
                    for start in range(len(low) - size + 1):
                        hits.update(self.en_index.get(" ".join(low[start:start + size]), ()))
                for ti in hits:
                    keys[f"g:{ti}"] += 1
            tgt_feats.append(ParaFeatures(length, keys, frozenset(word_set)))
        return src_feats, tgt_feats


def key_weights(src: Sequence[ParaFeatures], tgt: Sequence[ParaFeatures]) -> dict[str, float]:
    """Rarer keys localise better: weight 1/(paragraphs holding the key on the busier side).

    Single digits are weak evidence whatever their frequency.
    """
    df_s: Counter[str] = Counter()
    df_t: Counter[str] = Counter()
    for f in src:
        df_s.update(f.keys.keys())
    for f in tgt:
        df_t.update(f.keys.keys())
    out = {}
    for k in df_s.keys() | df_t.keys():
        w = 1.0 / max(df_s.get(k, 1), df_t.get(k, 1))
        if k.startswith("n:") and len(k) == 3:
            w *= 0.4
        out[k] = w
    return out
