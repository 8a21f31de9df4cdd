"""Which line breaks are paragraph breaks: blank lines only, or every line.

Text pasted from a browser has one paragraph a line and no blank lines; a Word document typed
with Shift+Enter between paragraphs is one paragraph full of line breaks.  Read the usual way
(blank lines, Word's and HTML's own paragraphs), such a side is one paragraph against twenty on
the other side, and the alignment is one huge doubtful pair.  `decide` reads each side both
ways and picks, for each side, the way that fits the other side, unless the user said
(`--paragraphs lines|blank`) or the PO recorded an earlier choice (`X-Editflow-Paragraphs`).

A side may be read as lines only when its line breaks look like paragraph ends: most lines
before a break end a sentence or are short headline-like lines.  Hard-wrapped text (a line
break every 70 characters, mid-sentence) never qualifies.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from editflow.inline import plain, split_lines
from editflow.model import Document, Paragraph

ParagraphMode = Literal["blank", "lines"]
ParagraphChoice = Literal["blank", "lines", "auto"]
MODES: tuple[ParagraphMode, ...] = ("blank", "lines")
HEADER = "X-Editflow-Paragraphs"

_SENTENCE_END = re.compile(r"[.!?…:;][\"'»”’)\]]*$")
_STARTS_UPPER = re.compile(r"^[\"'«“„(\[]*[^\W\d_]")
_SHORT_LINE_WORDS = 8         # a headline or subheading line
_PARAGRAPH_ENDS = 0.6         # share of line breaks that must look like paragraph ends
_SWITCH_COST = math.log(1.5)  # reading a side by lines needs counts closer by this factor than blank lines give
_ONE_BLOCK_COST = math.log(2.0)


def split_line_breaks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Every line of every paragraph a paragraph of its own (Word's Shift+Enter, HTML's <br>).

    The first line keeps the paragraph's location, the others add `/2`, `/3`...; a title's
    further lines are body text (assign_roles tells headline variants later).
    """
    out: list[Paragraph] = []
    for p in paragraphs:
        lines = split_lines(p.text)   # a tag open across a line break is closed and opened again
        if len(lines) <= 1:
            out.append(p)
            continue
        for n, line in enumerate(lines, 1):
            role = p.role if n == 1 or p.role != "title" else "body"
            out.append(Paragraph(line, role, p.location if n == 1 else f"{p.location}/{n}"))
    return out


def _wrapped(breaks: list[tuple[str, str]]) -> bool:
    """Whether lines were broken at a fixed width (hard-wrapped e-mail or terminal text), from each
    line and the line after it: the longest line is short, and at (nearly) every break the next
    word would not have fitted on the line.  Lines pasted from a page are as long as their
    paragraphs, from a headline's few words to many hundred characters."""
    if not breaks:
        return False
    width = max(len(line) for line, _ in breaks)
    full = sum(len(line) + 1 + len((following.split() or [""])[0]) > width for line, following in breaks)
    return width <= _WRAP_WIDTH and full >= 0.9 * len(breaks)


_WRAP_WIDTH = 120


@dataclass
class Side:
    """One input read both ways."""
    blank: Document
    _lines: Callable[[], Document]
    _cached: Document | None = None

    @property
    def lines(self) -> Document:
        if self._cached is None:
            self._cached = self._lines()
        return self._cached

    def document(self, mode: ParagraphMode) -> Document:
        return self.blank if mode == "blank" else self.lines

    @classmethod
    def of(cls, blank: Document) -> Side:
        """A side whose line breaks are kept inside its paragraphs (.docx, web pages)."""
        return cls(blank, lambda: replace(blank, paragraphs=split_line_breaks(blank.paragraphs),
                                          paragraphing="lines"))

    def breaks(self) -> tuple[int, int]:
        """(line breaks inside the blank-line paragraphs, how many of them look like paragraph ends).

        A line that ends a sentence ends a paragraph; so does one without a full stop before a
        line that starts with a capital (a headline, a subheading, a caption) when it is short or
        the text is not wrapped at a fixed width, where a line of any length may be a headline.
        """
        starts = {p.location for p in self.blank.paragraphs}
        pieces = self.lines.paragraphs
        inner = [(plain(piece.text).strip(), plain(following.text).strip())
                 for piece, following in pairwise(pieces) if following.location not in starts]
        wrapped = _wrapped(inner)
        ends = sum(1 for text, following in inner
                   if _SENTENCE_END.search(text) or ((not wrapped or len(text.split()) <= _SHORT_LINE_WORDS)
                                                     and _STARTS_UPPER.match(following)))
        return len(inner), ends

    @property
    def may_be_lines(self) -> bool:
        inside, ends = self.breaks()
        return inside >= 2 and ends >= _PARAGRAPH_ENDS * inside

    @property
    def pasted(self) -> bool:
        """Hardly any blank lines but many lines that end paragraphs: text pasted from a browser."""
        return len(self.blank) <= 2 and len(self.lines) >= 3 and self.may_be_lines


@dataclass
class Paragraphing:
    """How each side was paragraphed, and what the user should hear about it."""
    source: ParagraphMode
    target: ParagraphMode
    how: str = "auto"     # "auto", "given" (--paragraphs) or "recorded" (the PO's header)
    notice: str = ""      # the mismatch noticed, and what was done or could be done about it

    @property
    def header(self) -> str:
        return format_header(self.source, self.target)


def format_header(source: ParagraphMode, target: ParagraphMode) -> str:
    return f"uk={source} en={target}"


def parse_header(value: str | None) -> tuple[ParagraphMode, ParagraphMode] | None:
    """The modes an `X-Editflow-Paragraphs` header records, or None when it records none we know."""
    if not value:
        return None
    found: dict[str, ParagraphMode] = {}
    for item in value.replace(",", " ").split():
        side, _, mode = item.partition("=")
        for known in MODES:
            if mode.strip().lower() == known:
                found[side.strip().lower()] = known
    if "uk" in found and "en" in found:
        return found["uk"], found["en"]
    return None


def _count(n: int, lang: str) -> str:
    return f"{n} {lang} paragraph{'' if n == 1 else 's'}"


def _cost(side: Side, mode: ParagraphMode) -> float:
    if mode == "lines":
        return 0.0 if side.pasted else _SWITCH_COST
    return _ONE_BLOCK_COST if side.pasted else 0.0


def decide(source: Side, target: Side, choice: ParagraphChoice = "auto") -> Paragraphing:
    """The paragraphing of each side: `choice` for both, or for "auto" the one that fits the other side.

    Auto weighs how far apart the two sides' paragraph counts are (a translation has about as
    many paragraphs as its original) against reading a side by lines without need; a side with
    no blank lines whose lines end sentences is read by lines at no cost.
    """
    if choice != "auto":
        result = Paragraphing(choice, choice, "given")
    else:
        options = [(s, t) for s in MODES for t in MODES
                   if (s == "blank" or source.may_be_lines) and (t == "blank" or target.may_be_lines)]

        def total(option: tuple[ParagraphMode, ParagraphMode]) -> float:
            s, t = option
            ns, nt = len(source.document(s)), len(target.document(t))
            return abs(math.log(max(ns, 1) / max(nt, 1))) + _cost(source, s) + _cost(target, t)

        s, t = min(options, key=total)
        result = Paragraphing(s, t, "auto")
    result.notice = notice(source, target, result)
    return result


def notice(source: Side, target: Side, chosen: Paragraphing) -> str:
    """What to tell the user: a side read by lines, or counts far apart that lines could explain."""
    ns, nt = len(source.blank), len(target.blank)
    names = {"uk": _name(source.blank), "en": _name(target.blank)}
    if chosen.how == "auto" and "lines" in (chosen.source, chosen.target):
        read = [(lang, side) for lang, side, mode in (("uk", source, chosen.source), ("en", target, chosen.target))
                if mode == "lines" and len(side.lines) != len(side.blank)]
        if read:
            said = "; ".join(f"single line breaks read as paragraph breaks in {names[lang]} ({len(side.lines)} "
                             f"paragraphs)" for lang, side in read)
            return (f"{_count(nt, 'English')} against {ns} Ukrainian: {said}; "
                    f"--paragraphs blank reads only blank lines as paragraph breaks")
        return ""
    used_s, used_t = len(source.document(chosen.source)), len(target.document(chosen.target))
    small, big = sorted((used_s, used_t))
    if small == 0 or big / small < 2 or big - small < 3:
        return ""
    fewer = source if used_s < used_t else target
    mode = chosen.source if fewer is source else chosen.target
    if mode == "lines" or len(fewer.lines) <= len(fewer.blank):
        return ""
    return (f"{_count(used_t, 'English')} against {used_s} Ukrainian: are single line breaks paragraphs "
            f"in {_name(fewer.blank)}? --paragraphs lines reads every line as a paragraph")


def _name(doc: Document) -> str:
    return doc.url or (str(doc.path) if doc.path is not None else "the input")
