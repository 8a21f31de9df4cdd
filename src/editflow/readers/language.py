"""Which language an input is in, as far as the aligner needs to know: Ukrainian, Russian, English.

Two slips are common and quietly ruin an alignment: the two files given in the wrong order, and
the Russian version of a Ukrainian site's page taken for the original.  Letters tell them apart
without a model: і ї є ґ are Ukrainian only, ы э ъ ё Russian only (a Russian text has about
two of them in every hundred letters, a Ukrainian one about six of its own), and the commonest
short words differ (і, та, що, це, від, який / и, что, это, от, который).  English is Latin
script with English function words.  A guess is only made on enough letters, and mixed texts
(an English translation quoting Ukrainian names) are decided by the script most letters are in.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

from editflow.errors import InputError
from editflow.inline import plain
from editflow.model import Document

NAMES = {"uk": "Ukrainian", "ru": "Russian", "en": "English", "other": "in another language"}

_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэъё")
_UK_WORDS = frozenset({"і", "та", "що", "це", "від", "який", "яка", "які", "якщо", "він", "вона", "вони", "його",
                       "також", "вже", "дуже", "був", "була", "були", "року", "році", "із", "зі", "щоб"})
_RU_WORDS = frozenset({"и", "что", "это", "от", "который", "которые", "которая", "он", "она", "они", "его",
                       "также", "уже", "очень", "был", "была", "были", "года", "году", "если", "чтобы", "как"})
_EN_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "at",
                       "from", "it", "are", "were", "has", "have", "this", "be", "an", "said"})
_WORD = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 80        # fewer letters than this: no guess
_PARAGRAPH_LETTERS = 30  # a paragraph's own vote (a Ukrainian article quoting Russian)
_SCRIPT_SHARE = 0.7      # the script most letters must be in
_SAMPLE = 200_000        # characters looked at


@dataclass
class Guess:
    lang: str            # "uk", "ru", "en", "other" or "" (too little text, or mixed)
    why: str = ""        # what decided it, for the message


def guess(texts: Sequence[str], min_letters: int = _MIN_LETTERS) -> Guess:
    """The language of a document's paragraphs (no guess on fewer than `min_letters` letters)."""
    sample = "\n".join(texts)[:_SAMPLE].lower()
    cyrillic = latin = uk_letters = ru_letters = 0
    for ch in sample:
        if "а" <= ch <= "я" or ch in "іїєґыэъёў":
            cyrillic += 1
            if ch in _UK_LETTERS:
                uk_letters += 1
            elif ch in _RU_LETTERS:
                ru_letters += 1
        elif "a" <= ch <= "z":
            latin += 1
    letters = cyrillic + latin
    if letters < min_letters:
        return Guess("")
    words = _WORD.findall(sample)
    if cyrillic >= _SCRIPT_SHARE * letters:
        uk_words = sum(1 for w in words if w in _UK_WORDS)
        ru_words = sum(1 for w in words if w in _RU_WORDS)
        # A letter weighs less than a word: a quoted Russian sentence in a Ukrainian article
        # brings a few ы, a Russian text many "и" and "что".
        uk, ru = uk_letters + 2 * uk_words, ru_letters + 2 * ru_words
        if ru > 2 * uk and ru >= 5:
            # A Ukrainian article about Russian propaganda may quote more Russian than it writes
            # Ukrainian; a Russian page has no paragraph of its own in Ukrainian.
            votes = [guess([t], _PARAGRAPH_LETTERS).lang for t in _sampled(texts)] if len(texts) > 1 else []
            ours = votes.count("uk")
            if ours and ours >= 0.15 * (ours + votes.count("ru")):
                return Guess("uk", f"{ours} Ukrainian paragraphs, the rest quoting Russian")
            return Guess("ru", f"{ru_letters} of the letters ы э ъ ё against {uk_letters} of і ї є ґ")
        if uk > 2 * ru and uk >= 5:
            return Guess("uk", f"{uk_letters} of the letters і ї є ґ against {ru_letters} of ы э ъ ё")
        return Guess("")
    if latin >= _SCRIPT_SHARE * letters:
        en_words = sum(1 for w in words if w in _EN_WORDS)
        if en_words >= 0.08 * len(words):
            return Guess("en", "Latin script and English words")
        return Guess("other", "Latin script without English words")
    return Guess("")


def _sampled(texts: Sequence[str]) -> list[str]:
    """The paragraphs the sample of `guess` looks at (the first _SAMPLE characters)."""
    out: list[str] = []
    size = 0
    for t in texts:
        if size >= _SAMPLE:
            break
        out.append(t)
        size += len(t) + 1
    return out


def _name(doc: Document) -> str:
    return doc.url or (str(doc.path) if doc.path is not None else "the input")


def _command(original: str, translation: str, extra: Sequence[str] = ()) -> str:
    return " ".join(["editflow", "align", shlex.quote(original), shlex.quote(translation), *extra])


def check_languages(source: Document, target: Document) -> None:
    """Refuse a pair that is not a Ukrainian original and an English translation (InputError, exit 2).

    Says which input is in which language and the command the user probably meant: the two
    inputs swapped, or the same command with the right file.  Inputs too short or too mixed to
    tell are let through: the check only stops what is certainly wrong.
    """
    src, tgt = guess([plain(t) for t in source.texts]), guess([plain(t) for t in target.texts])
    a, b = _name(source), _name(target)
    if src.lang == "en" and tgt.lang == "uk":
        raise InputError(a, f"is English and {b} is Ukrainian: the original and the translation look swapped",
                         f"give the Ukrainian original first: {_command(b, a)}")
    if src.lang == "ru":
        raise InputError(a, f"is Russian, not Ukrainian ({src.why})",
                         "give the Ukrainian original (a site's Ukrainian version is often the same address "
                         "without /ru/)" + _ru_hint(a, b))
    if tgt.lang == "ru":
        raise InputError(b, f"is Russian, not English ({tgt.why})", "give the English translation")
    if src.lang and src.lang == tgt.lang:
        if src.lang == "uk":
            raise InputError(b, f"is Ukrainian, like {a}: both inputs are the original",
                             "give the English translation as the second input"
                             + _partner_hint(a, b, "en"))
        raise InputError(a, f"is {NAMES.get(src.lang, src.lang)}, like {b}: both inputs are the translation",
                         "give the Ukrainian original as the first input" + _partner_hint(b, a, "uk"))
    if src.lang in ("en", "other"):
        raise InputError(a, f"is {NAMES[src.lang]}, not Ukrainian", "give the Ukrainian original as the first input")
    if tgt.lang in ("uk", "other"):
        raise InputError(b, f"is {NAMES[tgt.lang]}, not English", "give the English translation as the second input")


def _ru_hint(original: str, translation: str) -> str:
    for ru, uk in (("/ru/", "/"), ("/ru/", "/uk/"), (".ru.", ".uk.")):
        if ru in original:
            return f", e.g. {_command(original.replace(ru, uk, 1), translation)}"
    return ""


def _partner_hint(kept: str, wrong: str, lang: str) -> str:
    """`editflow align …` with the file named like `kept` in the other language, when there is one."""
    from pathlib import Path

    other = "uk" if lang == "en" else "en"
    path = Path(kept)
    marker = f".{other}."
    if marker not in path.name:
        return ""
    name = path.name.replace(marker, f".{lang}.", 1)
    folders = [path.parent, path.parent.parent / ("translations" if lang == "en" else "originals")]
    for folder in folders:
        for candidate in sorted(folder.glob(name[: name.index(f".{lang}.") + len(lang) + 2] + "*")):
            if candidate.is_file() and str(candidate) != wrong:
                pair = (kept, str(candidate)) if lang == "en" else (str(candidate), kept)
                return f", e.g. {_command(*pair)}"
    return ""
