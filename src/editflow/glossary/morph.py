"""Ukrainian lemmas for glossary matching, with pymorphy3 and its Ukrainian dictionary.

A word's lemma set is the normal form of EVERY parse, not only the first:
`Києві` parses first as `кий` (a cue) but also as `київ`, `Харкові` as the
surname `харко` and as `харків`.  Words the dictionary does not know get the
predictor's lemmas (`шахедів` → `шахед`).  Matching is lemma equality, never
a shared prefix, so `Київстар` is not `Київ`, `мирний` is not `мир`, and an
adjective made from a noun (`київський`) keeps its own lemma.

Apostrophes (’ ʼ ‘ `) become the ASCII one the dictionary uses; text is NFC.
The analyser loads once, lazily; lemmas are cached per distinct word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "′": "'"})
# A Ukrainian (or any) word: letters with inner apostrophes.  Hyphens split
# words, so `Івано-Франківськ` is two words on both sides of a comparison.
# Combining marks count as letters so that a decomposed `й` (и + U+0306)
# does not split a word; each word is NFC-normalised on its own, so offsets
# stay those of the text as given.
_L = r"(?:[^\W\d_]|[\u0300-\u036f])"
WORD = re.compile(rf"{_L}+(?:['’ʼ‘`]{_L}+)*")


def normalize(text: str) -> str:
    """NFC and one apostrophe, offsets unchanged for NFC text (the PO's usual form)."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text = text.translate(_APOSTROPHES)
    return text


_analyzer: Any = None


def analyzer() -> Any:
    global _analyzer
    if _analyzer is None:
        import pymorphy3

        _analyzer = pymorphy3.MorphAnalyzer(lang="uk")
    return _analyzer


@lru_cache(maxsize=1 << 19)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma `word` can have (lower-case, normalised), the word itself included."""
    w = normalize(word).lower()
    out = {w}
    if any("а" <= c <= "я" or c in "іїєґ" for c in w):
        for p in analyzer().parse(w):
            out.add(p.normal_form)
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def term_lemmas(word: str, head: bool = True) -> frozenset[str]:
    """Lemmas of a word as written in a glossary.

    A term is given in dictionary form, so when one of the parses has the word
    itself as its lemma, that is the one meant: `Рада` is the council, not the
    adjective `радий`.  A word before the last one of a multiword term
    (`head=False`) is usually an adjective agreeing with it, so its adjective
    lemma counts too: `Біла` in `Біла Церква` is also `білий`, and `Білої
    Церкви` matches.  With no parse of its own (`Запорізька`), every parse's
    lemma counts.
    """
    w = normalize(word).lower()
    every = lemmas(w)
    if any("а" <= c <= "я" or c in "іїєґ" for c in w):
        parses = analyzer().parse(w)
        own = [p for p in parses if p.normal_form == w]
        if own:
            out = {w}
            if not head:
                out |= {p.normal_form for p in parses if "ADJF" in p.tag.grammemes}
            # A masculine noun for a person also names the woman in the office:
            # the desk's `народний депутат` covers `народна депутатка`.
            if head and any({"NOUN", "anim", "masc"} <= p.tag.grammemes for p in own) and w[-1] not in "аяоьй":
                out.add(w + "ка")
            return frozenset(out)
    return every


def known(word: str) -> bool:
    """Whether the dictionary knows `word` (else its lemmas are only predicted)."""
    return bool(analyzer().word_is_known(normalize(word).lower()))


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of `text`; offsets into `text` as given."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
