"""What goes where in the publication: the English paragraphs, with their roles, planned as
styled blocks (title, byline, headings, quotes, body, credit last) with furniture dropped.

Pure functions over `Paragraph`s; no Word and no PO here, so the rules are tested on their own.
A paragraph's text carries its inline tags (editflow.inline) into its block; the rules read its
words without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editflow.inline import cut, plain
from editflow.model import Paragraph
from editflow.roles import is_boilerplate, is_labelled_variant, is_teaser

if TYPE_CHECKING:

    pass



# Output paragraph kinds → the style each is written in.
STYLES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "byline": "Byline",
    "heading": "Heading 1",
    "quote": "Quote",
    "body": "Normal",
    "note": "Normal",
    "footnote": "Normal",
    "credit": "Credit",
}
# Styles editflow defines itself when a document lacks them; the others are
# Word built-ins that every real template has, so missing ones are worth a warning.
OWN_STYLES = {"Byline", "Credit"}

# Attribution of the whole piece: who published it first, who translated it.
_CREDIT = re.compile(
    r"^(?:(?:this\s+(?:article|story|piece|report|text|material)\s+(?:was|is|has\s+been)\s+"
    r"(?:\w+\s+){0,3}(?:published|produced|translated|republished|reprinted|written))|"
    r"(?:originally|first)\s+(?:published|appeared)|"
    r"(?:re)?published\s+(?:with|by\s+(?:arrangement|permission))|"
    r"(?:reprinted|republished|translated)\s+(?:with|by|from)|"
    r"translation\s*(?:by|from|:)|translated\s+from\b|"
    r"source\s*:|"
    r"(?:вперше\s+)?опубліковано\s|першоджерело\s*:|оригінал\s*:)",
    re.IGNORECASE,
)
# "Text by …, photos by …": a byline the role reader misses, not a headline.
_BY_LINE = re.compile(r"^(?:text|words|story|reporting|photos?|images?|video|illustrations?)\s+by\s+\S",
                      re.IGNORECASE)
_SENT_END = re.compile(r"[.!?…:;,\"'»”’)\]]$")
_TABLE_CELL = re.compile(r"(?:^|/)table(\d+)/r(\d+)c(\d+)$")
_LABEL = re.compile(r"^[^:]{1,60}:\s*")
_PLACEHOLDER_TRANSLATOR = re.compile(r"FULL NAME|EMAIL@ADDRESS", re.IGNORECASE)


@dataclass
class Block:
    """One paragraph of the publication: what it is and its text."""
    kind: str   # a key of STYLES
    text: str


@dataclass
class Plan:
    """What the publication will contain, decided from the English paragraphs alone."""
    blocks: list[Block]
    dropped: list[Paragraph] = field(default_factory=list)
    author: str = ""

    @property
    def title(self) -> str:
        """The headline's words (without its inline tags)."""
        return next((plain(b.text) for b in self.blocks if b.kind == "title"), "")


_CREDIT_HEAD, _CREDIT_TAIL = 6, 10  # where a credit line may stand: the first / last paragraphs


def is_credit(text: str) -> bool:
    """Whether a paragraph is an attribution of the whole piece (first publisher, translator)."""
    t = text.strip()
    return len(t) <= 250 and bool(_CREDIT.match(t))


def strip_variant_label(text: str) -> str:
    """"Headline option 2: Overnight strike …" → "Overnight strike …" (inline tags kept)."""
    t = text.strip()
    words = plain(t)
    if is_labelled_variant(words):
        label = _LABEL.match(words)
        if label is not None:
            t = cut(t, label.end())
    return t


def author_from_byline(text: str) -> str:
    """The writer a byline names: "By A and B" → "A; B"; "" for datelines and photo credits."""
    t = text.strip()
    m = re.match(r"^(?:by|text\s+by|words\s+by|story\s+by|reporting\s+by|author|authors|text|words)"
                 r"\s*:?\s+(.+)$", t, re.IGNORECASE)
    if not m:
        return ""
    names = re.split(r",|;|\s+[–—-]\s+", m.group(1))[0]
    people = [n.strip(" .") for n in re.split(r"\s+and\s+|\s*&\s*", names) if n.strip(" .")]
    # A name is a few capitalised words; "By the end of …" never reaches here as a byline.
    people = [p for p in people if 0 < len(p.split()) <= 4 and p[:1].isupper()]
    return "; ".join(people)


def _looks_like_heading(p: Paragraph, following: Paragraph | None) -> bool:
    # A plain-text translation loses heading markup: a short line without
    # final punctuation between body paragraphs is a section heading.
    t = plain(p.text).strip()
    return (p.role == "body" and following is not None and following.role in ("body", "quote")
            and 0 < len(t) <= 80 and len(t.split()) <= 10 and t[:1].isupper()
            and "\n" not in t and not _SENT_END.search(t))


def _table_rows(paragraphs: list[Paragraph], start: int) -> tuple[list[str], int]:
    """The table starting at `start` as row texts, and the index after it."""
    rows: list[tuple[tuple[str, str], list[str]]] = []
    i = start
    while i < len(paragraphs) and paragraphs[i].role == "table":
        p = paragraphs[i]
        m = _TABLE_CELL.search(p.location)
        key = (m.group(1), m.group(2)) if m else ("", str(i))
        # (A web page's row comes as one paragraph, its cells joined by tabs.)
        cells = [c.strip() for c in p.text.split("\t")]
        if rows and rows[-1][0] == key:
            rows[-1][1].extend(cells)
        else:
            rows.append((key, cells))
        i += 1
    return [" – ".join(c for c in cells if c) for _, cells in rows], i


def plan_publication(paragraphs: list[Paragraph], *, subtitle: bool = False,
                     last_translator: str = "") -> Plan:
    """Decide each English paragraph's place in the publication (see the module docstring)."""
    paras = [Paragraph(p.text.strip(), p.role, p.location) for p in paragraphs if plain(p.text).strip()]
    for k, p in enumerate(paras):
        # Credits stand at the top or the bottom; "Originally published in
        # 1995, the book …" in the middle of the story is a sentence.
        words = plain(p.text)
        if (k < _CREDIT_HEAD or k >= len(paras) - _CREDIT_TAIL) and is_credit(words):
            p.role = "credit"
        elif p.role in ("headline", "body") and _BY_LINE.match(words):
            p.role = "byline"
    dropped: list[Paragraph] = []
    keep: list[Paragraph] = []
    for p in paras:
        # The role reader may have missed furniture in a table or a footnote; the text decides.
        if p.role in ("boilerplate", "teaser") or (p.role != "credit" and (is_boilerplate(plain(p.text))
                                                                           or is_teaser(plain(p.text)))):
            dropped.append(p)
        else:
            keep.append(p)
    furniture = ("byline", "credit", "note", "headline", "footnote")
    title_p = next((p for p in keep if p.role == "title"), None) or next(
        (p for p in keep if p.role not in furniture), keep[0] if keep else None)
    variants = [p for p in keep if p.role == "headline" and p is not title_p]
    top_bylines: list[Paragraph] = []
    for p in keep:  # bylines before the first paragraph of text belong under the headline
        if p is title_p or p.role in ("headline", "title"):
            continue
        if p.role == "byline":
            top_bylines.append(p)
        elif p.role not in ("note", "credit"):
            break

    blocks: list[Block] = []
    if title_p is not None:
        # A labelled variant chosen as the headline ("Headline option 2: …") is published without its label.
        blocks.append(Block("title", strip_variant_label(title_p.text)))
    if subtitle and variants:
        blocks.append(Block("subtitle", strip_variant_label(variants[0].text)))
    blocks += [Block("byline", p.text) for p in top_bylines]
    dropped += variants[1:] if subtitle else variants
    placed = {id(p) for p in [title_p, *variants, *top_bylines]}
    rest = [p for p in keep if id(p) not in placed]
    credits = [p for p in rest if p.role == "credit"]
    footnotes = [p for p in rest if p.role == "footnote"]
    body = [p for p in rest if p.role not in ("credit", "footnote")]
    i = 0
    while i < len(body):
        p = body[i]
        if p.role == "table":
            rows, i = _table_rows(body, i)
            blocks += [Block("body", r) for r in rows if r]
            continue
        following = body[i + 1] if i + 1 < len(body) else None
        if p.role in ("heading", "title") or _looks_like_heading(p, following):
            kind = "heading"
        elif p.role in ("quote", "byline", "note"):
            kind = p.role
        else:
            kind = "body"  # body, and a stray headline-like line we keep rather than lose
        blocks.append(Block(kind, p.text))
        i += 1
    blocks += [Block("footnote", p.text) for p in footnotes]
    blocks += [Block("credit", p.text) for p in credits]

    author = next((a for p in top_bylines + [q for q in keep if q.role == "byline"]
                   if (a := author_from_byline(plain(p.text)))), "")
    if not author and last_translator and not _PLACEHOLDER_TRANSLATOR.search(last_translator):
        author = re.sub(r"\s*<[^>]*>\s*", " ", last_translator).strip()
    return Plan(blocks, dropped, author)
