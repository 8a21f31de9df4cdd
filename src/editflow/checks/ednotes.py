"""`ednote.*`: editor's notes — their house format, and notes one side has and the other lacks.

An English note the Ukrainian does not have is usually a gloss the editor
added for foreign readers (`[Ukraine’s parliament – ed.]`), so it is only
listed for review.  A Ukrainian note (`– ред.`, `(прим. ред.)`) that the
English lost is more likely a slip: the note's content is either gone or
now reads as the author's words.

Notes are paired within an entry by where they stand in the paragraph
(relative position) and by how alike they read once the Ukrainian is
romanised, so the note left over is the one with no plausible partner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding
from editflow.notes import Note

# A leading-style note longer than this is a paragraph-sized editor's note
# ("[Editor's note: this article was updated …]"), not an inline gloss, and
# the inline house format does not apply to it.
_GLOSS_WORDS = 8


def house_format(note: Note, template: str) -> str:
    """The note rewritten in the house format (`[{text} – ed.]` by default)."""
    return template.format(text=note.body.strip())


def is_gloss(note: Note) -> bool:
    """An inline editor's gloss, to which the house format applies."""
    if note.who != "editor" or not note.body.strip():
        return False
    if note.style == "trailing":
        return True
    if note.style == "leading":
        body = note.body.strip()
        return len(body.split()) <= _GLOSS_WORDS and not re.search(r"[.!?]\s", body)
    return False


def format_ok(note: Note, template: str) -> bool:
    """Whether an English note follows the house format (notes it does not apply to are OK)."""
    return not is_gloss(note) or note.raw == house_format(note, template)


def _rel(note: Note, text: str) -> float:
    return note.start / max(len(text), 1)


def pair_notes(entry: Entry) -> tuple[list[tuple[Note, Note]], list[Note], list[Note]]:
    """(pairs, Ukrainian notes left alone, English notes left alone), pairing nearest positions first."""
    src, tgt = entry.source_notes, entry.target_notes
    if not src or not tgt:
        return [], list(src), list(tgt)
    from rapidfuzz import fuzz
    from translitua import translit

    # Closeness in the paragraph, plus how alike the two notes read once the
    # Ukrainian is romanised (names and numbers carry over: Херсон ~ Kherson).
    def cost(s: Note, t: Note) -> float:
        sim = fuzz.ratio(translit(s.body).lower(), t.body.lower()) / 100
        return abs(_rel(s, entry.source) - _rel(t, entry.target)) + (1 - sim)

    cands = sorted((cost(s, t), i, j) for i, s in enumerate(src) for j, t in enumerate(tgt))
    used_s: set[int] = set()
    used_t: set[int] = set()
    pairs: list[tuple[Note, Note]] = []
    for _, i, j in cands:
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        pairs.append((src[i], tgt[j]))
    return (pairs, [s for i, s in enumerate(src) if i not in used_s],
            [t for j, t in enumerate(tgt) if j not in used_t])


_BRACKETED = re.compile(r"\([^()]{2,}\)|\[[^\[\]]{2,}\]")


@check({
    "ednote.format": ("warning", "an English editor's note is not in the house format"),
    "ednote.unmatched": ("info", "an English note has no counterpart in the Ukrainian (an added gloss?)"),
    "ednote.lost": ("warning", "a Ukrainian editor's note has no note in the English"),
})
def ednotes(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    template = ctx.style.ednote
    for e in entries:
        for n in e.target_notes:
            if not format_ok(n, template):
                want = house_format(n, template)
                yield Finding("ednote.format", "warning",
                              f"editor's note not in the house format: “{n.raw}” → “{want}”",
                              index=e.index, target_span=(n.start, n.end), suggestion=want)
        if not e.source.strip() or not e.target.strip():
            continue  # an added or untranslated paragraph: other checks speak for it
        _, lost, added = pair_notes(e)
        for n in added:
            yield Finding("ednote.unmatched", "info",
                          f"note “{n.raw}” has no counterpart in the Ukrainian; check the gloss",
                          index=e.index, target_span=(n.start, n.end))
        for n in lost:
            # The bracketed aside nearest where the note stood, if the English has one.
            where = _rel(n, e.source) * len(e.target)
            kept = min(_BRACKETED.finditer(e.target_text), key=lambda m: abs(m.start() - where), default=None)
            how = ("; a bracketed aside is there without a note signature" if kept
                   else "; its content is gone or reads as the author's words")
            yield Finding("ednote.lost", "warning",
                          f"the Ukrainian note “{n.raw}” has no note in the English{how}",
                          index=e.index, source_span=(n.start, n.end),
                          target_span=kept.span() if kept else None)


@dataclass
class NoteInfo:
    """One note of a PO file with its context, as `editflow notes` lists it."""
    entry: str            # the entry's id (msgctxt, else its index)
    index: int
    side: str             # "uk" or "en"
    who: str              # editor, translator, author
    note: str             # the note exactly as written
    text: str             # what it says, without brackets and signature
    span: tuple[int, int]
    sentence: str         # the sentence around the note
    format_ok: bool       # English: in the house format (always True for Ukrainian notes)
    suggestion: str | None
    counterpart: str | None   # the paired note on the other side, if any
    line: int = 0


_SENT_END = re.compile(r"[.!?…](?=[\s\"”»’)]*(?:\s|$))")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (the note's own full stops do not end it)."""
    head = 0
    for m in _SENT_END.finditer(text, 0, start):
        head = m.end()
    tail = len(text)
    after = _SENT_END.search(text, end)
    if after:
        tail = after.end()
    return " ".join(text[head:tail].split())


def list_notes(entries: list[Entry], template: str = "[{text} – ed.]") -> list[NoteInfo]:
    """Every note of the entries, both sides, in entry order (Ukrainian first)."""
    out: list[NoteInfo] = []
    for e in entries:
        pairs, _, _ = pair_notes(e)
        partner = {id(s): t for s, t in pairs} | {id(t): s for s, t in pairs}
        for side, text, notes in (("uk", e.source, e.source_notes), ("en", e.target, e.target_notes)):
            for n in notes:
                ok = side == "uk" or format_ok(n, template)
                other = partner.get(id(n))
                out.append(NoteInfo(
                    entry=e.id, index=e.index, side=side, who=n.who, note=n.raw, text=n.body,
                    span=(n.start, n.end), sentence=sentence_around(text, n.start, n.end), format_ok=ok,
                    suggestion=None if ok else house_format(n, template),
                    counterpart=other.raw if other else None, line=e.line))
    return out
