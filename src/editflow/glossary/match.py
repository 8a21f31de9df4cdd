"""Finding glossary terms in text: Ukrainian through inflection, English through plurals and possessives.

`GlossaryIndex(terms)` is built once per glossary.  On the Ukrainian side each
term is indexed by the lemmas of its first word, so a paragraph costs one
dictionary look-up per lemma of each of its words, whatever the size of the
glossary; a candidate is then confirmed word by word (multiword terms need
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

from editflow.glossary.morph import WORD, lemmas, normalize, term_lemmas
from editflow.glossary.term import Term

# English words: letters and digits, inner apostrophes, a trailing possessive apostrophe.
_EN_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*(?:['’ʼ](?![^\W_]))?")
# What may stand between the words of a multiword term.
_GAP = re.compile(r"[\s\u00a0\u202f\-‐‑]*")
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Occurrence:
    """A term found in a text: [start, end) offsets into the text as given."""
    term: int
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
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
    words: tuple[frozenset[str], ...]   # per word: lemma set (lemma mode) or {written form} (exact)
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


def en_key(word: str, exact_case: bool = False) -> str:
    w = normalize(word)
    return w if exact_case else w.lower()


def en_variants(key: str) -> tuple[str, ...]:
    """The word and what it can be the plural or possessive of: `rashists` → rashist, `kyiv's` → kyiv."""
    out = [key]
    base = key
    if base.endswith("'s"):
        base = base[:-2]
        out.append(base)
    elif base.endswith("'"):
        base = base[:-1]
        out.append(base)
    if len(base) > 2 and base[-1] in "sS" and base[-2] not in "sS'":
        out.append(base[:-1])
        if base[-3:].lower() == "ies":
            out.append(base[:-3] + ("y" if base[-4].islower() else "Y"))
        elif base[-2:].lower() == "es":
            out.append(base[:-2])
    return tuple(dict.fromkeys(out))


@dataclass
class EnText:
    """English text split into words once, for every look-up in it."""
    text: str
    words: list[tuple[str, int, int]]                 # (surface, start, end)
    _index: dict[bool, dict[str, list[int]]] = field(default_factory=dict)

    def index(self, exact_case: bool) -> dict[str, list[int]]:
        """Word key (and each plural/possessive base) → positions."""
        idx = self._index.get(exact_case)
        if idx is None:
            idx = {}
            for i, (w, _, _) in enumerate(self.words):
                for v in _variants_cached(en_key(w, exact_case)):
                    idx.setdefault(v, []).append(i)
            self._index[exact_case] = idx
        return idx


_VARIANTS: dict[str, tuple[str, ...]] = {}


def _variants_cached(key: str) -> tuple[str, ...]:
    v = _VARIANTS.get(key)
    if v is None:
        v = _VARIANTS[key] = en_variants(key)
    return v


def en_text(text: str) -> EnText:
    return EnText(text, [(m.group(), m.start(), m.end()) for m in _EN_WORD.finditer(text)])


def _split_en(phrase: str, exact_case: bool) -> tuple[str, ...]:
    return tuple(en_key(m.group(), exact_case) for m in _EN_WORD.finditer(phrase))


def _joined(text: str, words: Sequence[tuple[str, int, int]], i: int, n: int) -> bool:
    """Words i..i+n-1 stand next to each other, separated only by spaces or hyphens."""
    for k in range(i, i + n - 1):
        a, b = words[k][2], words[k + 1][1]
        if _GAP.fullmatch(text, a, b) is None:
            return False
    return True


class GlossaryIndex:
    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self.by_lemma: dict[str, list[_UkPattern]] = {}
        self.by_form: dict[str, list[_UkPattern]] = {}
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
            prefixes: tuple[str, ...] | None = tuple(_case_prefix(w) for w in words)
        else:
            # A capitalised word of a term is a proper name, and Ukrainian writes proper
            # names capitalised: `Рівне` (the city) is not `рівне` (flat), `Буча` not
            # `буча` (a commotion).  Lower-case term words may be capitalised anywhere.
            prefixes = tuple(w[:1] if w[:1].isupper() else "" for w in words)
            if not any(prefixes):
                prefixes = None
        if t.match == "exact":
            pat = _UkPattern(ti, tuple(frozenset({w.lower()}) for w in words), True, prefixes)
            self.by_form.setdefault(words[0].lower(), []).append(pat)
        else:
            sets = tuple(term_lemmas(w, k == len(words) - 1) for k, w in enumerate(words))
            pat = _UkPattern(ti, sets, False, prefixes)
            for lem in sets[0]:
                self.by_lemma.setdefault(lem, []).append(pat)

    def find_uk(self, text: str) -> list[Occurrence]:
        """Every term occurrence in Ukrainian `text`; an occurrence inside a longer term's is dropped."""
        words = _words(text)
        found: dict[tuple[int, int], Occurrence] = {}
        by_lemma, by_form = self.by_lemma, self.by_form
        for i, (w, start, _) in enumerate(words):
            cands: list[_UkPattern] = []
            lw = normalize(w).lower()
            if lw in by_form:
                cands += by_form[lw]
            for lem in lemmas(w):
                if lem in by_lemma:
                    cands += by_lemma[lem]
            for p in cands:
                n = len(p.words)
                if i + n > len(words) or (n > 1 and not _joined(text, words, i, n)):
                    continue
                ok = True
                for k in range(n):
                    wk = words[i + k][0]
                    if p.exact:
                        ok = normalize(wk).lower() in p.words[k]
                    else:
                        ok = k == 0 or not lemmas(wk).isdisjoint(p.words[k])
                    if ok and p.case_prefixes is not None:
                        ok = normalize(wk).startswith(p.case_prefixes[k])
                    if not ok:
                        break
                if ok:
                    found.setdefault((p.term, start), Occurrence(p.term, start, words[i + n - 1][2]))
        return _outermost(sorted(found.values(), key=lambda o: (o.start, -o.end)))

    # -- English -----------------------------------------------------------

    def _at(self, en: EnText, p: _EnPattern, i: int) -> bool:
        words = en.words
        n = len(p.words)
        if i < 0 or i + n > len(words) or (n > 1 and not _joined(en.text, words, i, n)):
            return False
        for k in range(n):
            if p.words[k] not in _variants_cached(en_key(words[i + k][0], p.exact_case)):
                return False
        return True

    def has_rendering(self, term: int, en: EnText) -> bool:
        """Whether one of the term's accepted renderings is in `en` (plural, possessive and hyphenation aside)."""
        for p in self.accepted[term]:
            idx = en.index(p.exact_case)
            for i in idx.get(p.words[0], ()):
                if self._at(en, p, i):
                    return True
        return False

    def find_forbidden(self, en: EnText) -> list[Hit]:
        """Forbidden variants in `en`, outside their terms' allowed contexts; nested hits dropped."""
        hits: dict[tuple[int, int, int], Hit] = {}
        forbidden = self.forbidden
        words = en.words
        for j, (w, _, _) in enumerate(words):
            for v in _variants_cached(en_key(w)):
                for p in forbidden.get(v, ()):
                    i = j - p.anchor
                    if not self._at(en, p, i):
                        continue
                    start, end = words[i][1], words[i + len(p.words) - 1][2]
                    last, wstart = words[i + len(p.words) - 1][0], words[i + len(p.words) - 1][1]
                    if en_key(last, p.exact_case).startswith(p.words[-1]):
                        # The span covers the variant, not its plural or possessive ending,
                        # so replacing it with the suggestion keeps `'s`.
                        end = wstart + len(p.words[-1])
                    if p.words[0].lower() == "the" and i + len(p.words) < len(words) \
                            and words[i + len(p.words)][0][:1].isupper() and _joined(en.text, words, i + len(p.words) - 1, 2):
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


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def _outermost(items: list) -> list:
    """Drop items whose span lies strictly inside another's (sorted by start, longest first)."""
    out: list = []
    for it in items:
        if any(o.start <= it.start and it.end <= o.end and (o.end - o.start) > (it.end - it.start) for o in out[-8:]):
            continue
        out.append(it)
    return out
