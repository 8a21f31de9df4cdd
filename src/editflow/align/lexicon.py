"""A word-translation lexicon for the aligner: Ukrainian lemmas ↔ English stems with probabilities.

    from editflow.align.lexicon import Lexicon, train_lexicon, load_lexicon
    lex = train_lexicon([("…uk paragraph…", "…en paragraph…"), …])
    lex.renderings("рашизму")          # [("rashism", 0.81), ...]
    lex.save(Path(".editflow/lexicon.json.gz"))

Words are reduced before they are counted: Ukrainian words to their lemma
(pymorphy3's first parse), English words to a stem by light suffix stripping
(`attacked`, `attacks` → `attack`), function words dropped on both sides.
Translation probabilities are IBM Model 1's, trained in both directions on
aligned pairs and kept symmetric: p(u, e) = sqrt(t(e|u) · t(u|e)), so a
word pair scores high only when each side predicts the other (a frequent
English word that co-occurs with everything does not).

Lemmatising costs (pymorphy3 parses about 30 µs a new word), so the lexicon
carries a form → lemma table for every Ukrainian form it was trained on; at
alignment time the analyser is called only for forms missing from it that
could belong to a lemma the lexicon knows (same first letters).

The file format (`tm lexicon --export`, `--lexicon PATH`) is gzip-compressed
JSON: {"format": "editflow-lexicon", "version": 1, "meta": {…},
"uk": [lemma, …], "en": [stem, …], "display": [surface form per stem, …],
"pairs": [[uk index, en index, probability], …], "forms": {form: lemma, …}}.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from editflow.align.features import words_of
from editflow.errors import InputError
from editflow.textnorm import normalize

PREFIX = 4
FORMAT = "editflow-lexicon"
VERSION = 1

_CYR = re.compile(r"[а-яіїєґё]")

# Function words carry no evidence of which paragraph translates which.
UK_STOP = frozenset("""
і й та а але або чи ні не ані ж же би б бо що як який яка яке які котрий цей ця це ці той та те ті
там тут де коли куди звідки тоді тому тож також теж ще вже лише тільки навіть саме собі себе
в у на з із зі зо до від од по про для при під над між через за перед після без біля коло проти
серед поза крізь понад щодо задля завдяки згідно близько
я ти він вона воно ми ви вони мене мені мною тебе тобі тобою його йому ним ній неї нею нього
нам нас нами вам вас вами їх їм ними свій своя своє свої мій моя моє мої твій наш ваш їхній
бути є був була було були буде будуть мати весь вся все всі усі кожний кожен інший такий
сам самий хто щось хтось що-небудь ніхто ніщо нічого так якщо якби хоча хоч поки доки адже отже
чому навіщо вже ось от аж лиш либо або-або ніби мов наче немов
""".split())

EN_STOP = frozenset("""
a an the and or but nor so yet if then than that this these those there here where when while
what which who whom whose why how all any both each few more most other some such no not only
own same too very can could will would shall should may might must do does did done doing
be is am are was were been being have has had having i me my mine we us our ours you your yours
he him his she her hers it its they them their theirs myself yourself himself herself itself
ourselves themselves of in on at by for with about against between into through during before
after above below to from up down out off over under again further once also just as because
until per via upon within without among across along around s t don ll re ve d m o y
mr mrs ms
""".split())


# --------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------

_VOWEL = re.compile("[aeiouy]")
# Words whose final "s" is not a plural ending.
_EN_KEEP = frozenset("news series species always perhaps whereas towards afterwards gas yes lens bias atlas "
                     "alias canvas kansas texas paris athens brussels wales mars".split())


@lru_cache(maxsize=1 << 16)
def en_stem(word: str) -> str:
    """A light English stem: lower case, possessive and common inflections off, final "e" dropped.

    Not a linguist's lemma: it only has to give one key to the forms a
    translation uses (`attack`, `attacks`, `attacked`, `attacking`; `strike`,
    `striking`), the same way at training and at alignment time.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    n = len(w)
    if w in _EN_KEEP:
        return w
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif n > 4 and w.endswith("ing") and _VOWEL.search(w[:-3]):
        w = _undouble(w[:-3])
    elif n > 4 and w.endswith("ed") and _VOWEL.search(w[:-2]):
        w = w[:-2]
        w = w[:-1] + "y" if w.endswith("i") else _undouble(w)
    if len(w) > 2 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    # "stopped" → "stop", but "killed" → "kill", "passed" → "pass"
    return w[:-1] if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz" else w


def en_words(text: str) -> list[str]:
    """English content words of a text as they are written (lower-cased), in order."""
    out = []
    for w in words_of(normalize(text)):
        lw = w.lower()
        if len(lw) > 1 and lw not in EN_STOP:
            out.append(lw)
    return out


def uk_forms(text: str) -> list[str]:
    """Ukrainian (Cyrillic) words of a text, lower-cased, in order; other scripts are left to the anchors."""
    return [w for w in (m.lower() for m in words_of(normalize(text))) if _CYR.search(w)]


_analyzer: Any = None


def _parse_lemma(form: str) -> str:
    """The lemma most of pymorphy3's parses give (the first of those on a tie).

    Its Ukrainian dictionary scores every parse alike, so the first parse is
    arbitrary (`війни` first parses as the verb `війнути`); the majority is
    the paradigm the form belongs to most often.  The analyser loads on first
    use, like the glossary's.
    """
    from editflow.glossary.morph import analyzer

    counts = Counter(str(p.normal_form) for p in analyzer().parse(form))
    return counts.most_common(1)[0][0].replace("ё", "е")


@lru_cache(maxsize=1 << 18)
def uk_lemma(form: str) -> str:
    """Lemma of a lower-case Ukrainian form, through the analyser (cached for the process)."""
    return _parse_lemma(form)


# --------------------------------------------------------------------------
# the lexicon
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PairTable:
    """Translation pairs as two CSR indexes: Ukrainian id → English ids, English id → Ukrainian ids."""
    uk_ptr: np.ndarray
    uk_to_en: np.ndarray
    en_ptr: np.ndarray
    en_to_uk: np.ndarray


@dataclass
class Lexicon:
    """Symmetric word-translation probabilities between Ukrainian lemmas and English stems."""
    uk: list[str]                      # Ukrainian lemmas; index = id
    en: list[str]                      # English stems; index = id
    pair_uk: np.ndarray                # int32 per pair, sorted by (uk, -probability)
    pair_en: np.ndarray                # int32 per pair
    pair_p: np.ndarray                 # float32 per pair
    forms: dict[str, str] = field(default_factory=dict)    # Ukrainian form → lemma
    display: list[str] = field(default_factory=list)       # most frequent English surface form per stem
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.uk_index = {w: i for i, w in enumerate(self.uk)}
        self.en_index = {w: i for i, w in enumerate(self.en)}
        order = np.lexsort((-self.pair_p, self.pair_uk))
        self.pair_uk = np.asarray(self.pair_uk, dtype=np.int32)[order]
        self.pair_en = np.asarray(self.pair_en, dtype=np.int32)[order]
        self.pair_p = np.asarray(self.pair_p, dtype=np.float32)[order]
        self.indptr = np.searchsorted(self.pair_uk, np.arange(len(self.uk) + 1)).astype(np.int64)
        # Lemma prefixes: a form whose first letters start no known lemma is not worth parsing.
        # (Four letters: a form and its lemma share them but for the shortest words.)
        self._prefixes = {w[:PREFIX] for w in self.uk}
        self._lemma_cache: dict[str, int] = {}
        # Words as written → ids: an article's words are looked up once per paragraph.
        self._uk_words: dict[str, int] = {}
        self._en_words: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.pair_p)

    # -- lookups -----------------------------------------------------------

    def uk_id(self, form: str) -> int:
        """Id of a lower-case Ukrainian form's lemma, or -1 when the lexicon has no translation for it."""
        cached = self._lemma_cache.get(form)
        if cached is not None:
            return cached
        lemma = self.forms.get(form)
        if lemma is None:
            if form in self.uk_index:
                lemma = form
            elif len(form) > 2 and form[:PREFIX] in self._prefixes:
                lemma = uk_lemma(form)
            else:
                lemma = ""
        i = self.uk_index.get(lemma, -1)
        if i >= 0 and self.indptr[i] == self.indptr[i + 1]:
            i = -1
        self._lemma_cache[form] = i
        return i

    def en_id(self, word: str) -> int:
        """Id of an English word's stem, or -1 (function words, words the lexicon does not know)."""
        i = self._en_words.get(word)
        if i is None:
            lw = word.lower()
            i = -1 if len(lw) < 2 or lw in EN_STOP else self.en_index.get(en_stem(lw), -1)
            self._en_words[word] = i
        return i

    def uk_word_id(self, word: str) -> int:
        """`uk_id` of a word as written (any case, any script: non-Cyrillic words are -1)."""
        i = self._uk_words.get(word)
        if i is None:
            lw = normalize(word).lower()
            i = self._uk_words[word] = self.uk_id(lw) if _CYR.search(lw) else -1
        return i

    def translations(self, uk_id: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.indptr[uk_id], self.indptr[uk_id + 1]
        return self.pair_en[a:b], self.pair_p[a:b]

    def table(self, min_p: float) -> PairTable:
        """The pairs of probability at least `min_p`, indexed both ways (cached per threshold)."""
        tables: dict[float, PairTable] = self.__dict__.setdefault("_tables", {})
        if min_p not in tables:
            keep = self.pair_p >= min_p
            u, e = self.pair_uk[keep].astype(np.int64), self.pair_en[keep].astype(np.int64)
            by_e = np.argsort(e, kind="stable")
            tables[min_p] = PairTable(
                uk_ptr=np.searchsorted(u, np.arange(len(self.uk) + 1)), uk_to_en=e,
                en_ptr=np.searchsorted(e[by_e], np.arange(len(self.en) + 1)), en_to_uk=u[by_e])
        return tables[min_p]

    def renderings(self, word: str, limit: int = 10) -> list[tuple[str, float]]:
        """The English renderings of a Ukrainian word (any form), most probable first."""
        w = normalize(word).strip().lower()
        i = self.uk_id(w)
        if i < 0:
            lemma = uk_lemma(w) if _CYR.search(w) else w
            i = self.uk_index.get(lemma, -1)
        if i < 0:
            return []
        ens, ps = self.translations(i)
        shown = self.display or self.en
        return [(shown[e], round(float(p), 4)) for e, p in zip(ens[:limit], ps[:limit], strict=True)]

    def sources(self, word: str, limit: int = 10) -> list[tuple[str, float]]:
        """The Ukrainian lemmas an English word translates, most probable first."""
        e = self.en_id(word)
        if e < 0:
            return []
        hit = np.nonzero(self.pair_en == e)[0]
        hit = hit[np.argsort(-self.pair_p[hit], kind="stable")][:limit]
        return [(self.uk[self.pair_uk[k]], round(float(self.pair_p[k]), 4)) for k in hit]

    # -- combining ---------------------------------------------------------

    def with_pairs(self, pairs: Iterable[tuple[str, str, float]], origin: str = "") -> Lexicon:
        """A copy with extra (Ukrainian lemma, English word, probability) pairs, e.g. a glossary's terms.

        A pair already present keeps the higher probability.
        """
        uk, en = list(self.uk), list(self.en)
        display = list(self.display or self.en)
        uk_index, en_index = dict(self.uk_index), dict(self.en_index)
        best: dict[tuple[int, int], float] = {}
        for u, e, p in pairs:
            stem = en_stem(e)
            if not u or not stem:
                continue
            if u not in uk_index:
                uk_index[u] = len(uk)
                uk.append(u)
            if stem not in en_index:
                en_index[stem] = len(en)
                en.append(stem)
                display.append(e.lower())
            key = (uk_index[u], en_index[stem])
            best[key] = max(best.get(key, 0.0), float(p))
        if not best:
            return self
        old = {(int(a), int(b)): float(p) for a, b, p in zip(self.pair_uk, self.pair_en, self.pair_p, strict=True)}
        for k, p in best.items():
            old[k] = max(old.get(k, 0.0), p)
        keys = list(old)
        meta = dict(self.meta)
        if origin:
            meta["extra"] = [*meta.get("extra", []), origin]
        return Lexicon(uk, en, np.array([k[0] for k in keys], dtype=np.int32),
                       np.array([k[1] for k in keys], dtype=np.int32),
                       np.array([old[k] for k in keys], dtype=np.float32), dict(self.forms), display, meta)

    # -- files -------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "meta": self.meta, "uk": self.uk, "en": self.en,
            "display": self.display or self.en,
            "pairs": [[int(a), int(b), round(float(p), 4)]
                      for a, b, p in zip(self.pair_uk, self.pair_en, self.pair_p, strict=True)],
            "forms": dict(sorted(self.forms.items())),
        }

    def _json_bytes(self) -> bytes:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def to_bytes(self) -> bytes:
        # mtime=0: the same lexicon gives the same bytes, so a file's hash names its contents.
        return gzip.compress(self._json_bytes(), compresslevel=9, mtime=0)

    @property
    def digest(self) -> str:
        """SHA-256 of the lexicon's JSON (what a PO header records); read off the file when loaded from one."""
        if "_digest" not in self.__dict__:
            self.__dict__["_digest"] = hashlib.sha256(self._json_bytes()).hexdigest()
        return str(self.__dict__["_digest"])

    def save(self, path: Path) -> None:
        from editflow.fileio import atomic_write

        atomic_write(Path(path), self.to_bytes())


def merge_lexicons(top: Lexicon, base: Lexicon, meta: dict[str, Any] | None = None) -> Lexicon:
    """One lexicon holding both: every word pair of either, the higher probability where both have it.

    How a project's own lexicon is layered over the starter: its words win
    nothing by rank, but the starter fills what a young memory has not seen.
    """
    uk = list(top.uk) + [w for w in base.uk if w not in top.uk_index]
    en = list(top.en) + [w for w in base.en if w not in top.en_index]
    uk_index = {w: i for i, w in enumerate(uk)}
    en_index = {w: i for i, w in enumerate(en)}
    base_display = base.display or base.en
    display = list(top.display or top.en) + [base_display[base.en_index[w]] for w in en[len(top.en):]]
    u = np.concatenate([top.pair_uk, np.array([uk_index[w] for w in base.uk], dtype=np.int64)[base.pair_uk]])
    e = np.concatenate([top.pair_en, np.array([en_index[w] for w in base.en], dtype=np.int64)[base.pair_en]])
    p = np.concatenate([top.pair_p, base.pair_p])
    key = u.astype(np.int64) * max(len(en), 1) + e
    order = np.lexsort((-p, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    pick = order[first]
    forms = dict(base.forms)
    forms.update(top.forms)
    return Lexicon(uk, en, u[pick].astype(np.int32), e[pick].astype(np.int32), p[pick].astype(np.float32),
                   forms, display, dict(meta if meta is not None else top.meta))


def lexicon_from_json(data: dict[str, Any], origin: str = "<lexicon>") -> Lexicon:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(origin, "not an editflow lexicon", "write one with 'editflow tm lexicon --export PATH'")
    if data.get("version") != VERSION:
        raise InputError(origin, f"lexicon format version {data.get('version')}, this editflow reads {VERSION}",
                         "export it again with this editflow")
    try:
        uk = [str(w) for w in data["uk"]]
        en = [str(w) for w in data["en"]]
        pairs = np.asarray(data["pairs"], dtype=np.float64).reshape(-1, 3)
        a = pairs[:, 0].astype(np.int32)
        b = pairs[:, 1].astype(np.int32)
        if len(pairs) and (a.min() < 0 or a.max() >= len(uk) or b.min() < 0 or b.max() >= len(en)):
            raise ValueError("a pair refers to a word the lexicon does not list")
        display = [str(w) for w in data.get("display", en)]
        if len(display) != len(en):
            display = en
        forms = {str(k): str(v) for k, v in data.get("forms", {}).items()}
        meta = dict(data.get("meta", {}))
    except (KeyError, TypeError, ValueError) as e:
        raise InputError(origin, f"damaged lexicon ({e})", "export it again") from None
    return Lexicon(uk, en, a, b, pairs[:, 2].astype(np.float32), forms, display, meta)


def lexicon_from_bytes(raw: bytes, origin: str = "<lexicon>") -> Lexicon:
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as e:
        raise InputError(origin, f"not a readable lexicon ({e})",
                         "give a file written by 'editflow tm lexicon --export'") from None
    lex = lexicon_from_json(data, origin)
    lex.__dict__["_digest"] = hashlib.sha256(raw).hexdigest()
    return lex


def load_lexicon(path: Path) -> Lexicon:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "lexicon not found", "check the path given to --lexicon") from None
    except OSError as e:
        raise InputError(path, f"cannot read the lexicon ({e.strerror})") from None
    return lexicon_from_bytes(raw, str(path))


STARTER = "starter-lexicon.json.gz"


def starter_lexicon() -> Lexicon:
    """The lexicon shipped with editflow (from NTREX-128, CC BY-SA 4.0: see the package's data/ folder)."""
    from importlib.resources import files

    raw = files("editflow.data").joinpath(STARTER).read_bytes()
    return lexicon_from_bytes(raw, f"editflow/data/{STARTER}")


# --------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------

@dataclass
class _Corpus:
    uk_units: list[np.ndarray]
    en_units: list[np.ndarray]
    uk_vocab: list[str]
    en_vocab: list[str]
    forms: dict[str, str]
    display: list[str]


def _prepare(pairs: Iterable[tuple[str, str]]) -> _Corpus:
    forms: dict[str, str] = {}
    uk_index: dict[str, int] = {}
    en_index: dict[str, int] = {}
    surface: dict[str, Counter[str]] = {}
    uk_units, en_units = [], []
    for uk_text, en_text in pairs:
        us = set()
        for f in uk_forms(uk_text):
            lemma = forms.get(f)
            if lemma is None:
                lemma = forms[f] = uk_lemma(f)
            if lemma in UK_STOP or len(lemma) < 2:
                continue
            us.add(uk_index.setdefault(lemma, len(uk_index)))
        es = set()
        for w in en_words(en_text):
            st = en_stem(w)
            if not st:
                continue
            surface.setdefault(st, Counter())[w] += 1
            es.add(en_index.setdefault(st, len(en_index)))
        if us and es:
            uk_units.append(np.fromiter(sorted(us), dtype=np.int32))
            en_units.append(np.fromiter(sorted(es), dtype=np.int32))
    en_vocab = list(en_index)
    display = [surface[s].most_common(1)[0][0] for s in en_vocab]
    return _Corpus(uk_units, en_units, list(uk_index), en_vocab, forms, display)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy 2.3+'s hash-based np.unique is ~50× slower on large int arrays."""
    v = np.sort(values, kind="stable")
    if len(v) < 2:
        return v
    return v[np.concatenate([[True], v[1:] != v[:-1]])]


# Cells (unit × target word × source word) made at once while training: bounds
# the memory of a large translation memory's training to a few hundred MB.
_CHUNK_CELLS = 1 << 21


def _chunks(src_units: Sequence[np.ndarray], tgt_units: Sequence[np.ndarray]) -> list[tuple[int, int]]:
    cells = np.array([(len(s) + 1) * len(t) for s, t in zip(src_units, tgt_units, strict=True)], dtype=np.int64)
    out, start, acc = [], 0, 0
    for k, c in enumerate(cells.tolist()):
        if acc and acc + c > _CHUNK_CELLS:
            out.append((start, k))
            start, acc = k, 0
        acc += c
    if start < len(cells):
        out.append((start, len(cells)))
    return out


def _cells(src_units: Sequence[np.ndarray], tgt_units: Sequence[np.ndarray], null: int,
           n_tgt: int) -> tuple[np.ndarray, np.ndarray]:
    """(pair key = source × n_tgt + target) per cell, and the cell count of each (unit, target word).

    A unit's cells run target word by target word, each over the unit's
    source words and NULL: the source words competing for one target word
    are consecutive.
    """
    keys, seg = [], []
    for s, t in zip(src_units, tgt_units, strict=True):
        s1 = np.append(s, null).astype(np.int64)
        keys.append(np.tile(s1 * n_tgt, len(t)) + np.repeat(t.astype(np.int64), len(s1)))
        seg.append(np.full(len(t), len(s1), dtype=np.int64))
    return np.concatenate(keys), np.concatenate(seg)


def _model1(src_units: Sequence[np.ndarray], tgt_units: Sequence[np.ndarray], n_src: int, n_tgt: int,
            iterations: int) -> tuple[np.ndarray, np.ndarray]:
    """IBM Model 1 t(target | source) with a NULL source word, over co-occurring pairs only.

    Returns (pair key = source × n_tgt + target, probability).  Each cell
    keeps only the index of its word pair (int32); an EM iteration is a few
    numpy passes per chunk of units.
    """
    null = n_src  # the NULL word's id
    chunks = _chunks(src_units, tgt_units)
    keys = sorted_unique(np.concatenate([sorted_unique(_cells(src_units[a:b], tgt_units[a:b], null, n_tgt)[0])
                                         for a, b in chunks]))
    index, segments = [], []
    for a, b in chunks:
        k, seg = _cells(src_units[a:b], tgt_units[a:b], null, n_tgt)
        index.append(np.searchsorted(keys, k).astype(np.int32))
        segments.append(seg)
    key_src = keys // n_tgt
    t = np.ones(len(keys))
    for _ in range(iterations):
        counts = np.zeros(len(keys))
        for idx, seg in zip(index, segments, strict=True):
            p = t[idx]
            starts = np.concatenate([[0], np.cumsum(seg)[:-1]])
            denom = np.add.reduceat(p, starts)
            counts += np.bincount(idx, weights=p / np.repeat(denom, seg), minlength=len(keys))
        per_src = np.bincount(key_src, weights=counts, minlength=n_src + 1)
        t = counts / per_src[key_src]
    return keys, t


def train_lexicon(pairs: Iterable[tuple[str, str]], iterations: int = 6, min_prob: float = 0.05,
                  max_per_word: int = 8, min_count: int = 1, meta: dict[str, Any] | None = None) -> Lexicon:
    """Train a lexicon on aligned (Ukrainian, English) text pairs.

    IBM Model 1 in both directions; a pair of words is kept when the geometric
    mean of its two translation probabilities reaches `min_prob`, at most
    `max_per_word` renderings per Ukrainian lemma; words seen in fewer than
    `min_count` pairs are left out.
    """
    c = _prepare(pairs)
    nu, ne = len(c.uk_vocab), len(c.en_vocab)
    if not c.uk_units or nu == 0 or ne == 0:
        return Lexicon([], [], np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32),
                       {}, [], dict(meta or {}) | {"units": 0})
    keys_ue, t_eu = _model1(c.uk_units, c.en_units, nu, ne, iterations)   # t(e | u)
    keys_eu, t_ue = _model1(c.en_units, c.uk_units, ne, nu, iterations)   # t(u | e)
    # Both keyed by (u, e); the NULL rows drop out of the join.
    u1, e1 = keys_ue // ne, keys_ue % ne
    e2, u2 = keys_eu // nu, keys_eu % nu
    ok1, ok2 = u1 < nu, e2 < ne
    k1 = u1[ok1] * ne + e1[ok1]
    k2 = u2[ok2] * ne + e2[ok2]
    order = np.argsort(k2)
    k2, v2 = k2[order], t_ue[ok2][order]
    at = np.searchsorted(k2, k1)
    found = (at < len(k2)) & (k2[np.minimum(at, len(k2) - 1)] == k1)
    k = k1[found]
    p = np.sqrt(t_eu[ok1][found] * v2[at[found]])
    df_u = np.bincount(np.concatenate(c.uk_units), minlength=nu)
    df_e = np.bincount(np.concatenate(c.en_units), minlength=ne)
    u, e = k // ne, k % ne
    keep = (p >= min_prob) & (df_u[u] >= min_count) & (df_e[e] >= min_count)
    u, e, p = u[keep], e[keep], p[keep]
    # At most max_per_word renderings per lemma, the most probable.
    order = np.lexsort((-p, u))
    u, e, p = u[order], e[order], p[order]
    rank = np.arange(len(u)) - np.searchsorted(u, u)
    keep = rank < max_per_word
    u, e, p = u[keep], e[keep], p[keep]
    # Only the words that took part stay in the vocabularies and the form table.
    used_u = sorted_unique(u)
    used_e = sorted_unique(e)
    new_u = np.full(nu, -1, dtype=np.int64)
    new_u[used_u] = np.arange(len(used_u))
    new_e = np.full(ne, -1, dtype=np.int64)
    new_e[used_e] = np.arange(len(used_e))
    uk_vocab = [c.uk_vocab[i] for i in used_u]
    kept = set(uk_vocab)
    forms = {f: lemma for f, lemma in c.forms.items() if lemma in kept and f != lemma}
    lex = Lexicon(uk_vocab, [c.en_vocab[i] for i in used_e], new_u[u].astype(np.int32), new_e[e].astype(np.int32),
                  p.astype(np.float32), forms, [c.display[i] for i in used_e],
                  dict(meta or {}) | {"units": len(c.uk_units)})
    lex.meta["coverage"] = round(coverage_rate(lex, c), 4)
    return lex


def coverage_rate(lex: Lexicon, c: _Corpus) -> float:
    """Share of the lexicon's Ukrainian words in a training pair that have a rendering in its English."""
    new_u = np.array([lex.uk_index.get(w, -1) for w in c.uk_vocab], dtype=np.int64)
    new_e = np.array([lex.en_index.get(w, -1) for w in c.en_vocab], dtype=np.int64)
    known = covered = 0
    for us, es in zip(c.uk_units, c.en_units, strict=True):
        ids = new_u[us]
        ids = ids[ids >= 0]
        ens = set(new_e[es][new_e[es] >= 0].tolist())
        for i in ids.tolist():
            known += 1
            a, b = lex.indptr[i], lex.indptr[i + 1]
            if any(int(x) in ens for x in lex.pair_en[a:b]):
                covered += 1
    return covered / known if known else 0.0


def lemma_pairs_of_terms(terms: Iterable[tuple[str, Sequence[str]]]) -> list[tuple[str, str, float]]:
    """(Ukrainian lemma, English word, probability) pairs from glossary terms.

    A one-word term gives its renderings with probability 1; a multiword one
    pairs each content word with each content word of each rendering (0.5).
    """
    out = []
    for uk, ens in terms:
        lemmas = [uk_lemma(f) for f in uk_forms(uk)]
        lemmas = [lm for lm in lemmas if lm not in UK_STOP]
        for rendering in ens:
            words = en_words(rendering)
            p = 1.0 if len(lemmas) == 1 and len(words) == 1 else 0.5
            out += [(lm, w, p) for lm in lemmas for w in words]
    return out


def log_odds(p: float) -> float:
    return math.log(p / (1 - p))
