"""Sentence boundaries in Ukrainian and English paragraphs, by rules that ship with editflow.

    from editflow.sentences import split_sentences
    split_sentences("О. Мельник приїхав до м. Львів у 2014 р. Відтоді він там.")
    # ['О. Мельник приїхав до м. Львів у 2014 р.', 'Відтоді він там.']

A sentence ends at `.`, `!`, `?` or an ellipsis, after any closing quotes and
brackets, when white space follows and the next sentence starts as one does:
a capital letter or a digit, perhaps behind an opening quote, bracket or a
dialogue dash ("«Ми прийдемо!» — сказав він" is one sentence, "— Так. — Ні."
two).  A full stop after an abbreviation needs more:

- titles and words that stand before a name or a number never end one
  ("Mr.", "Dr.", "м.", "вул.", "ім.", "т. зв.", "e.g."), nor does an initial
  ("О. Мельник", "J. K. Rowling");
- "No.", "Art.", "ст.", "ч.", "Jan." end none before a number ("ст. 15");
- abbreviations that often close a sentence ("etc.", "Inc.", "U.S.", "р." and
  "ст." after a year or a century, "тис.", "грн", "т. д.", "ін.", a unit after a
  number) end one only when the next word is one a sentence typically opens
  with (a pronoun, an article, a conjunction: "in the U.S. The…" splits,
  "U.S. President…" and "у 2014 р. Росія…" do not);
- a number of one or two digits opening a sentence is a list marker ("1. …").

Nothing inside brackets ends a sentence (an editor's note "[Ukraine's
parliament – ed.]" or a parenthesis stays with its sentence), unless the
bracket holds whole sentences of its own ("… . [Editor's note: … .] Next").
Ukrainian media write "росія" and "рф" in lower case on purpose: a full stop
before them ends a sentence too.  A line break inside a paragraph (Shift+Enter)
ends a sentence when the next line starts like one.

Not NLTK's punkt (its model is a download) and not a general library: pysbd
has no Ukrainian rules, and a newsroom's abbreviations are few and known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

_END = re.compile(r"[.!?…]+")
_CLOSERS = "\"'»”’)]"
_OPENERS = "\"'«“„‘([{"
_DASHES = "—–-"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_NUMBER = re.compile(r"^\d[\d\s.,:/-]*$")

# Words that stand before a name, a place or a phrase: never the end of a sentence.
_TITLES = frozenset("""
mr mrs ms messrs dr prof gen sen rep gov lt col maj capt cmdr sgt adm rev hon pres supt insp det fr mt
vs cf viz approx ca e.g i.e
вул просп пров пл бульв бул наб смт св ім акад проф доц д-р ген полк лейт кап тов гр оз див напр пор
зв т.зв укр рос англ нім франц лат пол дж ред нар прим перекл авт ed eds transl
""".split())
# Words that stand before a number (and are ordinary words otherwise).
_BEFORE_NUMBER = frozenset("""
no nos art arts fig figs vol vols ch sec para pp p tel
jan feb mar apr jun jul aug sep sept oct nov dec
ч п пп ст рис табл вип стор с тел кв буд корп оф мкр №
""".split())
# Abbreviations that may well close a sentence.
_CLOSING = frozenset("""
etc inc ltd co corp bros jr sr st ave blvd rd a.m p.m u.s u.k u.n e.u u.s.a
jan feb mar apr jun jul aug sep sept oct nov dec
р рр ст тис млн млрд трлн грн дол коп ін обл р-н год хв сек км кг м с т га л см мм ц
""".split())
# Before a name or a number these stand for a place ("м. Львів", "с. Іванівка", "р. Дніпро");
# after a number for a unit or a year ("5 м.", "2014 р."), and may close a sentence.
_PLACE_OR_UNIT = frozenset("м с р т ст".split())
# Amounts' units after a number ("500 тис.", "3 млн.", "20 грн."): no sentence goes on after them
# with a capital.
_AMOUNTS = frozenset("тис млн млрд трлн грн дол коп".split())
# Ukrainian words of one letter that can end a sentence ("є", "я"); the prepositions and
# conjunctions of one letter cannot.
_ONE_LETTER_WORDS = frozenset("є я".split())
# After "т." (так далі, тому подібне, таке інше) or "н." (нашої ери): the end of a list, or of a sentence.
_LIST_ENDS = frozenset("д п ін е".split())
# Words a sentence typically opens with: after an abbreviation that may close a sentence,
# a capitalised one of these says it did.
_STARTERS = frozenset("""
the a an this that these those it its he she they we i you there here his her their our my your
in on at after before but and or so yet however meanwhile also then now today yesterday tomorrow
when while since as if although though according many some most all both each every one two three
no not neither none nor only still earlier later last next what who how why where which despite
because for with from by to of during under over about
у в на за до з із зі від після під при про для через як коли якщо щоб що хоча тому отже адже але
а і й та проте однак також крім окрім водночас натомість зокрема нагадаємо раніше згодом потім тож
тоді відтоді тепер зараз наразі нині сьогодні вчора завтра торік минулого наступного цього цьогоріч
загалом втім саме навіть усі всі кожен багато деякі більшість один одна одне перш по протягом
упродовж завдяки згідно відповідно серед понад близько майже лише ще вже так ні не це ця цей ці той
та те ті він вона воно вони ми ви я його її їх їхній там тут де чому хто яка який яке які ось
""".split())
# Names Ukrainian media write in lower case on purpose.
_LOWER_NAMES = ("росі", "рф", "путін", "москов", "кремл", "russia", "putin", "kremlin")


def _protected(text: str) -> list[tuple[int, int]]:
    """Balanced () and [] spans (outermost), inside which no sentence ends."""
    spans = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "["}
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in ")]":
            if stack and stack[-1][0] == pairs[ch]:
                _, start = stack.pop()
                if not stack and i - start <= 600:
                    spans.append((start, i + 1))
            else:
                stack.clear()  # an unbalanced bracket ("1)", a smiley): trust no bracket before it
    return spans


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in spans:
        if a < pos < b:
            return a, b
    return None


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether `pos` follows the start of the text or a sentence end (white space and openers aside)."""
    k = pos - 1
    while k >= 0 and (text[k].isspace() or text[k] in _OPENERS):
        k -= 1
    return k < 0 or text[k] in ".!?…" or (text[k] in _CLOSERS and k > 0 and text[k - 1] in ".!?…")


def _opens_item(text: str, pos: int) -> bool:
    """Whether `pos` starts the text, a sentence or what follows a colon (where a list item may start)."""
    return _starts_sentence(text, pos) or text[:pos].rstrip().endswith((":", ";"))


def _next_word(text: str, pos: int) -> tuple[str, str]:
    """(first character, first word) of what follows `pos`, past white space, openers and a dash."""
    k = pos
    n = len(text)
    while k < n and (text[k].isspace() or text[k] in _OPENERS or text[k] in _DASHES):
        k += 1
    if k >= n:
        return "", ""
    m = _WORD.match(text, k)
    return text[k], (m.group(0) if m else "")


def _prev_token(text: str, end: int) -> str:
    """The token before a full stop at `end` (what stands between the last white space and it)."""
    k = end
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:end].lstrip(_OPENERS)


def _token_before(text: str, end: int) -> str:
    k = end
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return _prev_token(text, k)


def _initial_follows(text: str, dot: int) -> bool:
    """Whether another initial follows the full stop at `dot` ("J. A. Smith": "A" is no article here)."""
    m = re.match(r"\s+[^\W\d_]\.", text[dot + 1:dot + 5])
    return m is not None


def _full_stop_ends(text: str, dot: int, first: str, word: str) -> bool:
    """Whether the full stop at `dot` ends a sentence, the next one starting with `first`/`word`."""
    token = _prev_token(text, dot)
    if not token:
        return True
    key = token.lower()
    starter = word.lower() in _STARTERS and first.isupper()
    before = _token_before(text, dot)
    if len(token) == 1 and token.isalpha() and token.isupper():
        # An initial ("О. Мельник", "J. K. Rowling"), unless a sentence plainly starts after it
        # ("змінює ім'я на Є. У суботу …", "World War I. As …").
        return starter and not _initial_follows(text, dot)
    if token.isdigit() and len(token) <= 2 and _opens_item(text, dot - len(token)):
        return False  # a list marker: "1. Перше", "Кроки такі: 1. …"
    if (key in _LIST_ENDS and before.lower() in ("т.", "н.")) or key in ("ін", "etc"):
        return first.isupper()  # "та ін.", "і т. д.", "etc." close a list; a capital after them, a sentence
    after_number = bool(_NUMBER.match(before.rstrip(".,"))) or bool(_ROMAN.match(before))
    if key in _PLACE_OR_UNIT:
        return starter if after_number else False
    if key in _AMOUNTS and after_number:
        # "500 тис. Українці …": an amount's unit is followed by a lower-case noun when the
        # sentence goes on ("5 тис. гривень"), so a capital after it starts the next one; not an
        # abbreviation in capitals ("375 000 дол. США").
        return (first.isupper() and not (len(word) > 1 and word.isupper())) or starter
    if key in _TITLES:
        return False
    if key in _BEFORE_NUMBER and first.isdigit():
        return False
    if key in _CLOSING or ("." in key and _WORD.fullmatch(key.replace(".", "")) is not None
                           and all(len(p) <= 3 for p in key.split("."))):
        return starter  # "etc.", "U.S.", a dotted abbreviation
    if key in _ONE_LETTER_WORDS:
        return True  # "Проблема є.", "У тебе є я.": a word, not an abbreviation
    if len(key) == 1 and key.isalpha():
        return starter  # "a.", "е." (a lower-case letter: a list item, an abbreviation)
    if key.startswith("ред") and before in _DASHES:
        return True  # "… – ред." closing a sentence (an editor's note without brackets)
    return True


def _boundary(text: str, start: int, stop: int, after: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the punctuation text[start:stop], closers up to `after`, ends a sentence."""
    inside = _inside(start, spans)
    if inside is not None and inside[1] > after:
        return False  # a bracket ends no sentence before it closes
    first, word = _next_word(text, after)
    if not first:
        return False  # the end of the text is no boundary to make
    punct = text[start:stop]
    if first.islower():
        # "… війну. росія …": a name written in lower case on purpose opens a sentence too.
        return word.lower().startswith(_LOWER_NAMES) and (punct != "." or _full_stop_ends(text, start, "Р", word))
    if not (first.isupper() or first.isdigit()):
        # An emoji, a mention, a link: a full stop ends the sentence unless it closes a title.
        token = _prev_token(text, start).lower()
        return punct != "." or (bool(token) and token not in _TITLES)
    if punct == ".":
        return _full_stop_ends(text, start, first, word)
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of a paragraph, white space at either end left out."""
    spans = _protected(text) if ("(" in text or "[" in text) else []
    cuts = [0]
    n = len(text)
    for m in _END.finditer(text):
        after = m.end()
        while after < n and text[after] in _CLOSERS:
            after += 1
        if after >= n or not text[after].isspace():
            continue
        if _boundary(text, m.start(), m.end(), after, spans):
            cuts.append(after)
    if "\n" in text:
        for m in re.finditer(r"\n", text):
            first, _ = _next_word(text, m.end())
            if (first.isupper() or first.isdigit() or text[m.end():m.end() + 1] in "•*—–-") \
                    and _inside(m.start(), spans) is None:
                cuts.append(m.start())
    cuts = [*sorted(set(cuts)), n]
    out = []
    for a, b in pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph, as written."""
    return [text[a:b] for a, b in sentence_spans(text)]


def split_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """The sentences of several paragraphs in order: a paragraph break always ends a sentence."""
    return [s for p in paragraphs for s in split_sentences(p)]
