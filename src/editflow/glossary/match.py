"""Finding glossary terms in text: Ukrainian through inflection, English through plurals and possessives.

`GlossaryIndex(terms)` is built once per glossary.  On the Ukrainian side each
term is indexed by every form of its first word's lemmas (`morph.forms`: the
paradigms pymorphy3 knows or predicts), so a paragraph costs one dictionary
look-up per word whatever the size of the glossary, and the text itself is
never parsed; a candidate is then confirmed word by word (multiword terms need
their words in order, separated only by spaces or hyphens).  `match=exact`
terms (abbreviations such as `ЗСУ`) are looked up by their written form.

On the English side a word also stands for its singular and its possessor
(`Shaheds`, `Kyiv's`, `Kyiv’s`, `lawmakers'` all give the word they are
made from), and words are split at hyphens, so `Shahed-136` contains
`Shahed` and `de-occupation` is `de occupation`.  Forbidden variants are
indexed by their longest word (the rarest, roughly), so that `the Crimea`
is not tried at every `the`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from editflow.glossary.morph import WORD, forms, normalize, term_lemmas
from editflow.glossary.term import Term

# English words: letters and digits, inner apostrophes, a trailing possessive apostrophe.
_EN_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*(?:['’ʼ](?![^\W_]))?")
# What may stand between the words of a multiword term.
_GAP = re.compile(r"[\s\u00a0\u202f\-‐‑]*")
# English also joins the letters of an abbreviation with full stops (`U.S.`).
_EN_GAP = re.compile(r"[\s\u00a0\u202f\-‐‑]*|\.[\s\u00a0]?")
_ARTICLES = frozenset({"the", "a", "an"})


class Occurrence(NamedTuple):
    """A term found in a text: [start, end) offsets into the text as given."""
    term: int
    start: int
    end: int


class Hit(NamedTuple):
    """A forbidden variant found in English text."""
    term: int
    variant: str        # as written in the glossary
    start: int
    end: int

    def text_is_not(self, text: str) -> bool:
        return self.variant != text[self.start:self.end]


@dataclass(frozen=True)
class _UkPattern:
    term: int
    words: tuple[frozenset[str], ...]   # per word: the forms it may take (lower-case, normalised)
    exact: bool
    case_prefixes: tuple[str, ...] | None  # case=exact: each word must start with this, case-sensitively


@dataclass(frozen=True)
class _EnPattern:
    term: int
    text: str                     # as written in the glossary
    words: tuple[str, ...]        # keys (lower-case unless case=exact)
    exact_case: bool
    anchor: int                   # index of the word the pattern is indexed by


def _case_prefix(word: str) -> str:
    """`єВідновлення` → `єВ`, `Дія` → `Д`, `ЗСУ` → `ЗСУ`, `рашизм` → `` (no constraint)."""
    last = max((i for i, c in enumerate(word) if c.isupper()), default=-1)
    return word[: last + 1]


def _sentence_case_keys(word: str, exact_case: bool) -> tuple[str, ...]:
    """Keys of a text word; in case=exact mode a Capitalised word also stands for its lower-case form.

    Exact case exists for brand spellings (Ukrenergo, not UkrEnergo); a
    lower-case rendering capitalised at the start of a sentence or in a
    headline ("Recruitment center staff …") is the same word.
    """
    key = en_key(word, exact_case)
    if exact_case and key[:1].isupper() and key[1:] == key[1:].lower():
        return (key, key[0].lower() + key[1:])
    return (key,)


def en_key(word: str, exact_case: bool = False) -> str:
    w = normalize(word)
    return w if exact_case else w.lower()


def en_variants(key: str) -> tuple[str, ...]:
    """The word and what it can be the plural or possessive of: `rashists` → rashist, `kyiv's` → kyiv."""
    out = [key]
    base = key
    if base[-2:] in ("'s", "'S"):
        base = base[:-2]
        out.append(base)
    elif base.endswith("'"):
        base = base[:-1]
        out.append(base)
    if len(base) > 2 and base[-1] in "sS" and base[-2] not in "sS'":
        out.append(base[:-1])
        if len(base) > 3 and base[-3:].lower() == "ies":
            out.append(base[:-3] + ("y" if base[-4].islower() else "Y"))
        elif base[-2:].lower() == "es":
            out.append(base[:-2])
    return tuple(dict.fromkeys(out))


_VARIANTS: dict[bool, dict[str, tuple[str, ...]]] = {False: {}, True: {}}


def _variants_of(surface: str, exact_case: bool) -> tuple[str, ...]:
    """en_variants(en_key(surface)), cached: a long text repeats its words."""
    v = _VARIANTS[exact_case].get(surface)
    if v is None:
        keys = _sentence_case_keys(surface, exact_case)
        v = en_variants(keys[0]) if len(keys) == 1 else tuple(dict.fromkeys(
            x for key in keys for x in en_variants(key)))
        _VARIANTS[exact_case][surface] = v
    return v


@dataclass
class EnText:
    """English text split into words once, for every look-up in it (offsets computed on demand)."""
    text: str
    surfaces: list[str]
    _spans: list[tuple[str, int, int]] | None = None
    _variants: dict[bool, list[tuple[str, ...]]] = field(default_factory=dict)
    _keys: dict[bool, set[str]] = field(default_factory=dict)

    @property
    def words(self) -> list[tuple[str, int, int]]:
        """(surface, start, end) per word."""
        if self._spans is None:
            self._spans = [(m.group(), m.start(), m.end()) for m in _EN_WORD.finditer(self.text)]
        return self._spans

    def variants(self, exact_case: bool) -> list[tuple[str, ...]]:
        """Per word: its key and the words it can be the plural or possessive of."""
        v = self._variants.get(exact_case)
        if v is None:
            cache = _VARIANTS[exact_case]
            v = [cache.get(w) or _variants_of(w, exact_case) for w in self.surfaces]
            self._variants[exact_case] = v
        return v

    def keys(self, exact_case: bool) -> set[str]:
        """Every word key of the text, with each plural/possessive base (a set: built in C)."""
        k = self._keys.get(exact_case)
        if k is None:
            k = self._keys[exact_case] = set(chain.from_iterable(self.variants(exact_case)))
        return k

    def positions(self, key: str, exact_case: bool) -> list[int]:
        """Where `key` stands (as a word, its singular or its possessor)."""
        return [i for i, vs in enumerate(self.variants(exact_case)) if key in vs]


def en_text(text: str) -> EnText:
    return EnText(text, _EN_WORD.findall(text))


@lru_cache(maxsize=1 << 16)
def _split_en(phrase: str, exact_case: bool) -> tuple[str, ...]:
    return tuple(en_key(m.group(), exact_case) for m in _EN_WORD.finditer(phrase))


def _joined(text: str, words: Sequence[tuple[str, int, int]], i: int, n: int) -> bool:
    """English words i..i+n-1 stand next to each other, separated only by spaces or hyphens."""
    for k in range(i, i + n - 1):
        a, b = words[k][2], words[k + 1][1]
        if _EN_GAP.fullmatch(text, a, b) is None:
            return False
    return True


class GlossaryIndex:
    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self.by_form: dict[str, list[_UkPattern]] = {}   # form of a term's first word → its patterns
        self.accepted: list[list[_EnPattern]] = []
        self.forbidden: dict[str, list[_EnPattern]] = {}
        self.contexts: dict[int, list[re.Pattern[str]]] = {}
        # Forbidden phrases: case-folded, except those of case=exact rows (`UkrEnergo`
        # forbids that spelling only, not `Ukrenergo`).
        forbidden_keys = {(_split_en(v, t.case == "exact"), t.case == "exact") for t in self.terms for v in t.forbidden}
        for ti, t in enumerate(self.terms):
            self._add_uk(ti, t)
            exact = t.case == "exact"
            acc = []
            for r in t.en:
                words = _split_en(r, exact)
                # A rendering that another row forbids cannot vouch for this one.
                if words and (_split_en(r, False), False) not in forbidden_keys \
                        and (_split_en(r, True), True) not in forbidden_keys:
                    acc.append(_EnPattern(ti, r, words, exact, 0))
            self.accepted.append(acc)
            for v in t.forbidden:
                words = _split_en(v, exact)
                if not words:
                    continue
                anchor = max(range(len(words)), key=lambda k: (words[k].lower() not in _ARTICLES, len(words[k])))
                pat = _EnPattern(ti, v, words, exact, anchor)
                self.forbidden.setdefault(words[anchor].lower(), []).append(pat)
            if t.context:
                self.contexts[ti] = [_context_rx(c) for c in t.context]

    # -- Ukrainian ---------------------------------------------------------

    def _add_uk(self, ti: int, t: Term) -> None:
        words = [normalize(w) for w, _, _ in _words(t.uk)]
        if not words:
            return
        if t.case == "exact":
            prefixes: tuple[str, ...] | None = tuple(_fold(_case_prefix(w)) for w in words)
        else:
            # A capitalised word of a term is a proper name, and Ukrainian writes proper
            # names capitalised: `Рівне` (the city) is not `рівне` (flat), `Буча` not
            # `буча` (a commotion).  Lower-case term words may be capitalised anywhere.
            prefixes = tuple(_fold(w[:1]) if w[:1].isupper() else "" for w in words)
            if not any(prefixes):
                prefixes = None
        if t.match == "exact":
            sets = tuple(frozenset({_fold(w.lower())}) for w in words)
        else:
            # Each word: every form of every lemma it can have as a term word.
            sets = tuple(frozenset(_fold(f) for lem in term_lemmas(w, k == len(words) - 1) for f in forms(lem))
                         for k, w in enumerate(words))
        pat = _UkPattern(ti, sets, t.match == "exact", prefixes)
        for f in sets[0]:
            self.by_form.setdefault(f, []).append(pat)

    def find_uk(self, text: str) -> list[Occurrence]:
        """Every term occurrence in Ukrainian `text`; an occurrence inside a longer term's is dropped."""
        by_form = self.by_form
        keys = [_UK_KEYS.get(w) or _uk_key(w) for w in WORD.findall(text)]
        get = by_form.get
        hits = [(i, c) for i, c in enumerate(map(get, keys)) if c]
        if not hits:
            return []
        ms = list(WORD.finditer(text))   # offsets, only for paragraphs with a candidate
        found: dict[tuple[int, int], Occurrence] = {}
        nw = len(ms)
        for i, cands in hits:
            start = ms[i].start()
            for p in cands:
                n = len(p.words)
                if i + n > nw:
                    continue
                ok = True
                for k in range(1, n):
                    if keys[i + k] not in p.words[k]:
                        ok = False
                        break
                if ok and p.case_prefixes is not None:
                    ok = all(_fold(normalize(ms[i + k].group())).startswith(p.case_prefixes[k]) for k in range(n))
                if ok and n > 1:
                    ok = all(_GAP.fullmatch(text, ms[k].end(), ms[k + 1].start()) for k in range(i, i + n - 1))
                if ok and (p.term, start) not in found:
                    found[(p.term, start)] = Occurrence(p.term, start, ms[i + n - 1].end())
        return _outermost(sorted(found.values(), key=lambda o: (o.start, -o.end)))

    # -- English -----------------------------------------------------------

    def _at(self, en: EnText, p: _EnPattern, i: int) -> bool:
        n = len(p.words)
        if i < 0 or i + n > len(en.surfaces):
            return False
        variants = en.variants(p.exact_case)
        for k in range(n):
            if p.words[k] not in variants[i + k]:
                return False
        return n == 1 or _joined(en.text, en.words, i, n)

    def has_rendering(self, term: int, en: EnText) -> bool:
        """Whether one of the term's accepted renderings is in `en` (plural, possessive and hyphenation aside)."""
        for p in self.accepted[term]:
            if p.words[0] not in en.keys(p.exact_case):
                continue
            if len(p.words) == 1:
                return True
            if any(self._at(en, p, i) for i in en.positions(p.words[0], p.exact_case)):
                return True
        return False

    def find_forbidden(self, en: EnText) -> list[Hit]:
        """Forbidden variants in `en`, outside their terms' allowed contexts; nested hits dropped."""
        hits: dict[tuple[int, int, int], Hit] = {}
        forbidden = self.forbidden
        for v in forbidden.keys() & en.keys(False):      # set operations in C, not a loop over words
            for j in en.positions(v, False):
                for p in forbidden[v]:
                    i = j - p.anchor
                    if not self._at(en, p, i):
                        continue
                    words = en.words
                    start, end = words[i][1], words[i + len(p.words) - 1][2]
                    last, wstart = words[i + len(p.words) - 1][0], words[i + len(p.words) - 1][1]
                    if en_key(last, p.exact_case).startswith(p.words[-1]):
                        # The span covers the variant, not its plural or possessive ending,
                        # so replacing it with the suggestion keeps `'s`.
                        end = wstart + len(p.words[-1])
                    if p.words[0].lower() == "the" and i + len(p.words) < len(words) \
                            and words[i + len(p.words)][0][:1].isupper() \
                            and _GAP.fullmatch(en.text, words[i + len(p.words) - 1][2], words[i + len(p.words)][1]):
                        continue  # "the Crimea Platform": the article belongs to a longer name
                    if self._in_context(p.term, en.text, start, end):
                        continue
                    old = hits.get((start, end, p.term))
                    # Two spellings of one variant (people’s/people's deputy): report the one written.
                    if old is None or (old.text_is_not(en.text) and p.text == en.text[start:end]):
                        hits[(start, end, p.term)] = Hit(p.term, p.text, start, end)
        return _outermost(sorted(hits.values(), key=lambda h: (h.start, -h.end)))

    def in_fixed_name(self, term: int, en: EnText) -> bool:
        """Whether `en` names the term through one of its allowed contexts (`HBO's Chernobyl`)."""
        return any(rx.search(en.text) for rx in self.contexts.get(term, ()))

    def _in_context(self, term: int, text: str, start: int, end: int) -> bool:
        for rx in self.contexts.get(term, ()):
            for m in rx.finditer(text):
                if m.start() <= start and end <= m.end():
                    return True
        return False


def _context_rx(phrase: str) -> re.Pattern[str]:
    """An allowed context as a case-insensitive whole-phrase pattern, any apostrophe, any spacing."""
    parts = [re.escape(normalize(p)).replace("'", "['’ʼ‘`]") for p in phrase.split()]
    return re.compile(r"(?<!\w)" + r"[\s\u00a0]+".join(parts) + r"(?!\w)", re.IGNORECASE)


_UK_KEYS: dict[str, str] = {}


def _fold(key: str) -> str:
    # ґ and г are one letter for matching: Ukrainian spelling of names wavers
    # (`Вашингтон`/`Вашинґтон`, `Гданськ`/`Ґданськ`).
    return key.replace("ґ", "г").replace("Ґ", "Г") if ("ґ" in key or "Ґ" in key) else key


def _uk_key(word: str) -> str:
    k = _UK_KEYS.get(word)
    if k is None:
        k = _UK_KEYS[word] = _fold(normalize(word).lower())
    return k


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def _outermost(items: list) -> list:
    """Drop items whose span lies strictly inside another's (items sorted by start, longest first)."""
    out: list = []
    far_start, far_end = -1, -1          # the kept item reaching furthest right
    for it in items:
        if it.end < far_end or (it.end == far_end and it.start > far_start):
            continue  # starts no earlier and ends no later than that item, and is shorter
        out.append(it)
        if it.end > far_end:
            far_start, far_end = it.start, it.end
    return out
