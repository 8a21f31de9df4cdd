"""Ukrainian lemmas for glossary matching, with pymorphy3 and its Ukrainian dictionary.

A word's lemma set is the normal form of EVERY parse, not only the first:
`Києві` parses first as `кий` (a cue) but also as `київ`, `Харкові` as the
surname `харко` and as `харків`.  Words the dictionary does not know get the
predictor's lemmas (`шахедів` → `шахед`).  Matching is lemma equality, never
a shared prefix, so `Київстар` is not `Київ`, `мирний` is not `мир`, and an
adjective made from a noun (`київський`) keeps its own lemma.

Apostrophes (’ ʼ ‘ `) become the ASCII one the dictionary uses; text is NFC.
The analyser loads once, lazily; parses, lemmas and forms are cached per
distinct word.  The matcher uses `forms` (every form of a term's lemmas), so
a long text needs no parsing at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from editflow.textnorm import normalize

# A Ukrainian (or any) word: letters with inner apostrophes.  Hyphens split
# words, so `Івано-Франківськ` is two words on both sides of a comparison.
# Combining marks count as letters so that a decomposed `й` (и + U+0306)
# does not split a word; each word is NFC-normalised on its own, so offsets
# stay those of the text as given.
_L = r"(?:[^\W\d_]|[\u0300-\u036f])"
WORD = re.compile(rf"{_L}+(?:['’ʼ‘`]{_L}+)*")


_analyzer: Any = None


def analyzer() -> Any:
    global _analyzer
    if _analyzer is None:
        import pymorphy3

        _analyzer = pymorphy3.MorphAnalyzer(lang="uk")
    return _analyzer


@lru_cache(maxsize=1 << 16)
def _parses(w: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a normalised lower-case word (its dictionary walk is pure Python: parse once)."""
    return tuple(analyzer().parse(w))


@lru_cache(maxsize=1 << 19)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma `word` can have (lower-case, normalised), the word itself included."""
    w = normalize(word).lower()
    out = {w}
    if any("а" <= c <= "я" or c in "іїєґ" for c in w):
        out.update(p.normal_form for p in _parses(w))
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
        parses = _parses(w)
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


@lru_cache(maxsize=1 << 16)
def forms(lemma: str) -> frozenset[str]:
    """Every form of `lemma` (lower-case, normalised): the words whose parses include this lemma.

    Matching asks "is `lemma` among the lemmas of this text word?".  Answering it
    from the glossary's side (the paradigms of its few thousand lemmas, predicted
    ones included: `шахед` → `шахедів`, `шахедами`) instead of parsing each of the
    tens of thousands of distinct words of a long text is the same relation,
    computed where it is cheap.
    """
    lemma = normalize(lemma).lower()
    out = {lemma}
    if any("а" <= c <= "я" or c in "іїєґ" for c in lemma):
        seen = set()
        for p in _parses(lemma):
            if p.normal_form != lemma:
                continue
            # Parses of one paradigm (nominative and accusative of `київ`) share a lexeme.
            first = p.methods_stack[0]
            key = (type(first[0]).__name__, first[2] if len(first) > 2 else None,
                   tuple(str(m[1:]) for m in p.methods_stack[1:]))
            if key not in seen:
                seen.add(key)
                out.update(_lexeme_words(p))
    return frozenset(out)


def _lexeme_words(p: Any) -> list[str]:
    """The word forms of a parse's lexeme.

    For a dictionary word they are read straight off its paradigm (prefix + stem
    + suffix), which is what pymorphy3's `Parse.lexeme` does before building a
    tag object per form, the part that costs; predicted words go the usual way.
    """
    stack = p.methods_stack
    if len(stack) == 1 and type(stack[0][0]).__name__ == "DictionaryAnalyzer" and len(stack[0]) == 4:
        _, fixed_word, para_id, idx = stack[0]
        d = analyzer().dictionary
        paradigm = d.paradigms[para_id]
        n = len(paradigm) // 3
        stem = d.build_stem(paradigm, idx, fixed_word)
        prefixes, suffixes = d.paradigm_prefixes, d.suffixes
        return [prefixes[paradigm[2 * n + i]] + stem + suffixes[paradigm[i]] for i in range(n)]
    return [f.word for f in p.lexeme]


def known(word: str) -> bool:
    """Whether the dictionary knows `word` (else its lemmas are only predicted)."""
    return bool(analyzer().word_is_known(normalize(word).lower()))
