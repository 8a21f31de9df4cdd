"""Editorial notes inside paragraphs: `[Russians – ed.]`, `(прим. ред.)`, `[Editor's note: …]`.

An editor's (or translator's, or author's) note is text the newsroom added
inside a paragraph; it has no counterpart on the other side by design.  The
checks look for them first: `ednote.*` checks their format and whether the
other side lost one, and every other check reads the text with the notes
blanked out (`mask`), so that a gloss like `[Ukraine’s parliament – ed.]`
never counts as an untranslated or extra term.

Recognised, in English and in Ukrainian, whatever the bracket, dash and case:
    [the head of the Chechen Republic – ed.]     (house format)
    [Russians - Ed]   (Russians — ed.)           (recognised, format flagged)
    [Editor's note: …]   (Ed. note: …)   [Translator’s note: …]
    [… – ред.]   (… – ред.)   (…, – прим. ред.)   (прим. ред.)   (Прим. ред.: …)
    (прим. перекл.)   … – ред.   [Ukraine’s parliament (Verkhovna Rada) – ed.]
Not notes: "co-ed", "(2nd ed.)", "(Ed Sheeran)", a bracket closed by the other kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Who added the note, by the abbreviation used.
_WHO = {
    "ed": "editor", "eds": "editor", "editor": "editor", "ред": "editor", "редакції": "editor",
    "transl": "translator", "trans": "translator", "tr": "translator", "translator": "translator",
    "перекл": "translator", "перекладача": "translator",
    "auth": "author", "author": "author", "авт": "author", "автора": "author",
}

# A note's body may hold the other kind of bracket ("[the Rada (parliament)
# – ed.]"), never its own; the closing bracket must match the opening one.
_BODY_SQ = r"[^\[\]]"
_BODY_RD = r"[^()\[\]]"
# The signature: "ed.", "Ed", "eds.", "ed. note", "Editor's note", "trans.", "прим. ред.", "ред.".
_SIG = (r"(?P<who>(?:прим\.?\s*)?(?:ред|перекл|авт)"
        r"|(?:editor|translator|author)s?[’'`ʼ]?s?(?:\s+note)?"
        r"|eds?|transl|trans|tr|auth)(?P<dot>\.?)(?:\s*note\b)?")
# Before the signature a dash: spaced, or an en/em dash — "co-ed" and "ex-tr" are words, not notes.
# Ukrainian writers also separate by a comma: "(за даними ООН, – ред.)", "(…, прим. ред.)".
_SEP = r"(?P<sep>\s+[–—-]{1,2}\s*|\s*,?\s*[–—]{1,2}\s*|\s*,\s*-\s*|\s*,\s*(?=прим))"


def _trailing(open_: str, body: str, close: str) -> str:
    return (rf"(?P<open>{open_})(?P<body>{body}{{1,400}}?){_SEP}{_SIG}\s*(?P<close>{close})")


# "[text – ed.]": a dash-separated signature at the end of a bracketed insertion.
_TRAILING = re.compile(_trailing(r"\[", _BODY_SQ, r"\]") + "|" +
                       _trailing(r"\(", _BODY_RD, r"\)").replace("?P<", "?P<r_"), re.IGNORECASE)
_LABEL = (r"(?:editor|translator|author)s?[’'`ʼ]?s?\.?\s+note|editorial\s+note|eds?\.\s*note|eds?\.?(?=\s*:)"
          r"|transl?\.\s*note|note\s+of\s+the\s+(?:editor|translator)"
          r"|прим(?:ітка)?\.?\s*(?:ред(?:акції)?|перекл(?:адача)?|авт(?:ора)?)\.?")


def _leading(open_: str, body: str, close: str) -> str:
    return (rf"(?P<open>{open_})\s*(?P<label>{_LABEL})\s*[:.–—-]?\s*(?P<body>{body}{{0,400}}?)\s*"
            rf"(?P<close>{close})")


# "[Editor's note: text]", "(Прим. ред.: text)", "(прим. ред.)".
_LEADING = re.compile(_leading(r"\[", _BODY_SQ, r"\]") + "|" +
                      _leading(r"\(", _BODY_RD, r"\)").replace("?P<", "?P<r_"), re.IGNORECASE)
# "… – ред." closing a Ukrainian sentence without brackets.
_BARE_UK = re.compile(r"(?P<sep>\s[–—-]\s?)(?P<who>(?:прим\.\s*)?(?:ред|перекл|авт))\.(?=\s|$)",
                      re.IGNORECASE)


def _group(m: re.Match[str], name: str) -> str:
    """A named group of either alternative (square brackets, or round ones: `r_` names)."""
    value = m.group(name)
    return value if value is not None else (m.group("r_" + name) or "")


@dataclass(frozen=True)
class Note:
    start: int        # span of the whole note in the paragraph text, brackets included
    end: int
    body: str         # what the note says ("Russians"), without brackets and signature
    who: str          # editor, translator, author
    raw: str          # the note exactly as written
    style: str        # "trailing" ([… – ed.]), "leading" ([Editor's note: …]) or "bare" (– ред.)


def _who(label: str) -> str:
    # "прим. перекл." and "Editorial note" name the author after a generic word.
    for word in re.findall(r"[a-zа-яіїєґ]+", label.lower()):
        if word in ("прим", "примітка", "note", "editorial"):
            continue
        for key, who in _WHO.items():
            if word.startswith(key):
                return who
    return "editor"


def find_notes(text: str) -> list[Note]:
    """Every editorial note in `text`, in order, not overlapping."""
    if not text or not any(c in text for c in "[(–—-"):
        return []
    found: list[Note] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _LEADING.finditer(text):
        if free(m.start(), m.end()):
            found.append(Note(m.start(), m.end(), _group(m, "body").strip(), _who(_group(m, "label")),
                              m.group(0), "leading"))
            taken.append((m.start(), m.end()))
    for m in _TRAILING.finditer(text):
        if free(m.start(), m.end()):
            found.append(Note(m.start(), m.end(), _group(m, "body").strip(), _who(_group(m, "who")),
                              m.group(0), "trailing"))
            taken.append((m.start(), m.end()))
    for m in _BARE_UK.finditer(text):
        # The note runs from the start of its sentence to the signature.
        head = max(text.rfind(". ", 0, m.start()), text.rfind("! ", 0, m.start()),
                   text.rfind("? ", 0, m.start()))
        start = head + 2 if head >= 0 else 0
        if free(start, m.end()):
            found.append(Note(start, m.end(), text[start:m.start()].strip(), _who(m.group("who")),
                              text[start:m.end()], "bare"))
            taken.append((start, m.end()))
    found.sort(key=lambda n: n.start)
    return found


def mask(text: str, notes: list[Note]) -> str:
    """`text` with every note blanked out by spaces, so offsets stay exact."""
    if not notes:
        return text
    chars = list(text)
    for n in notes:
        for i in range(n.start, n.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
