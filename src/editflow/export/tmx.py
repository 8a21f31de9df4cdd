"""TMX 1.4b from the translation memory, for CAT tools (`editflow tm export --tmx`).

    from editflow.export.tmx import export_tmx
    with TranslationMemory.open(tm_path(root)) as mem:
        export_tmx(mem, Path("desk.tmx"))            # sentence pairs, doubtful ones left out

One `<tu>` per unit of one level (sentence pairs by default, or the PO's
paragraph pairs): one-line segments, the PO's inline tags as paired
`<bpt>`/`<ept>` codes, an editor's note only the English has taken out of
the English segment into a `<note>`, the unit's creation date and its
article, entry and confidence as properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editflow import __version__
from editflow.fileio import atomic_write
from editflow.inline import plain
from editflow.tm import LEVELS, TranslationMemory, Unit, now_stamp

_CLOSING_PUNCT = tuple(".,;:!?)]»”’")


def without_notes(source: str, target: str) -> tuple[str, list[str]]:
    """The English side with the editor's (translator's) notes taken out, and the notes as written.

    A note the Ukrainian has too ("(прим. ред.)" and its translation) is the
    text's own and stays; one only the English has (`[Ukraine's parliament –
    ed.]`, a gloss for foreign readers) has no counterpart in the source, so
    a CAT tool's match must not carry it.
    """
    from editflow.notes import find_notes

    notes = find_notes(target)
    if not notes:
        return target, []
    if find_notes(source):
        from editflow.checks import make_entry
        from editflow.checks.ednotes import pair_notes

        _, _, notes = pair_notes(make_entry(0, source, target))
    if not notes:
        return target, []
    pieces, last = [], 0
    for n in sorted(notes, key=lambda n: n.start):
        pieces.append(target[last:n.start])
        last = n.end
    pieces.append(target[last:])
    text = pieces[0]
    for piece in pieces[1:]:
        text = _join(text, piece)
    if not text.strip():  # the English is nothing but a note: that is the pair's text, not a gloss on it
        return target, []
    return text.strip(), [n.raw for n in notes]


def _join(left: str, right: str) -> str:
    """The text either side of a note taken out: one space between words, none before punctuation."""
    left, right = left.rstrip(" \t"), right.lstrip(" \t")
    if not left or not right or right[0] in _CLOSING_PUNCT or left[-1] in "([«“„‘\"'":
        return left + right
    return left + " " + right


_LINE_BREAK = re.compile(r"[ \t]*[\r\n\u2028\u2029][\s]*")


def segment_text(text: str) -> str:
    """A side as a TMX segment: one line (a CAT tool's segment never holds a line break, so a segment
    with one would never match; the blank line between a bead's paragraphs too), XML's forbidden
    characters dropped; every other character, spaces included, as written."""
    return _LINE_BREAK.sub(" ", _xml_chars(text)).strip()


def tmx_text(units: Iterable[Unit], created: str | None = None, level: str = "paragraph") -> str:
    """TMX 1.4b: one <tu> per unit, Ukrainian source, English target.

    Each <tu> carries its creation date (when the pair entered the memory),
    the article, the PO entry and the confidence as <prop>s
    (`x-editflow-article`, `x-editflow-entry`, `x-editflow-confidence`),
    `x-editflow-doubtful` = yes on a doubtful pair, and the editor's notes
    taken out of the English side as <note>s.  `created`: the header's date
    (default now); `level`: the header's segtype.
    """
    from xml.sax.saxutils import escape, quoteattr

    segtype = "sentence" if level == "sentence" else "paragraph"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f'  <header creationtool="editflow" creationtoolversion={quoteattr(__version__)} '
        f'datatype="plaintext" segtype="{segtype}" adminlang="en" srclang="uk" o-tmf="editflow" '
        f'creationdate="{created or now_stamp()}"/>',
        "  <body>",
    ]
    for u in units:
        target, notes = without_notes(u.source, u.target)
        date = f" creationdate={quoteattr(u.created)}" if _TMX_DATE.match(u.created) else ""
        out.append(f"    <tu tuid={quoteattr(_xml_chars(u.tuid))}{date}>")
        for kind, value in (("article", u.slug), ("entry", u.entry), ("confidence", f"{u.confidence:.4f}")):
            out.append(f'      <prop type="x-editflow-{kind}">{escape(_xml_chars(value))}</prop>')
        if u.doubtful:
            out.append('      <prop type="x-editflow-doubtful">yes</prop>')
        for note in notes:
            out.append(f"      <note>{escape(_xml_chars(segment_text(plain(note))))}</note>")
        for lang, seg in (("uk", u.source), ("en", target)):
            out.append(f'      <tuv xml:lang="{lang}"><seg>{tmx_segment(segment_text(seg))}</seg></tuv>')
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


_TMX_TAG = re.compile(r'<(/?)([ib])>|<a href="[^"<>]*">|</a>|&lt;|&amp;')
_TMX_TYPES = {"i": "italic", "b": "bold", "a": "link"}


def tmx_segment(text: str) -> str:
    """A PO side as the content of a TMX `<seg>`: its inline tags (editflow.inline) as paired
    `<bpt i="N" type="italic|bold|link">`/`<ept i="N">` holding the tag as written, the rest as XML text.

    A paragraph whose markup is not the tag set has its tags as text, as every writer shows it.
    """
    from xml.sax.saxutils import escape

    from editflow.inline import canonical

    text = _xml_chars(canonical(text))
    out: list[str] = []
    open_: list[int] = []
    count = 0
    pos = 0
    for m in _TMX_TAG.finditer(text):
        out.append(escape(text[pos:m.start()]))
        pos = m.end()
        tag = m.group()
        if tag in ("&lt;", "&amp;"):
            out.append(escape("<" if tag == "&lt;" else "&"))
        elif tag.startswith("</"):
            out.append(f'<ept i="{open_.pop() if open_ else 0}">{escape(tag)}</ept>')
        else:
            count += 1
            open_.append(count)
            kind = _TMX_TYPES["a" if tag.startswith("<a ") else tag[1]]
            out.append(f'<bpt i="{count}" type="{kind}">{escape(tag)}</bpt>')
    out.append(escape(text[pos:]))
    return "".join(out)


_TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def _xml_chars(text: str) -> str:
    # XML 1.0 forbids most control characters and U+FFFE/U+FFFF; a PO may carry them from a pasted web page.
    return "".join(c for c in text if (c in "\t\n\r" or ord(c) >= 0x20) and c not in "\ufffe\uffff")


@dataclass(frozen=True)
class TmxExport:
    path: Path
    units: int          # translation units written
    doubtful: int       # doubtful pairs of this level in the memory
    left_out: int       # of them, left out (0 when they were included, marked)
    level: str


def export_tmx(mem: TranslationMemory, out: Path, level: str = "sentence", include_doubtful: bool = False,
               created: str | None = None) -> TmxExport:
    """Write the memory's pairs of one level as TMX; doubtful pairs left out unless `include_doubtful`."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    units = list(mem.units(level, doubtful=True))
    doubtful = sum(1 for u in units if u.doubtful)
    chosen = units if include_doubtful else [u for u in units if not u.doubtful]
    atomic_write(Path(out), tmx_text(chosen, created, level))
    return TmxExport(Path(out), len(chosen), doubtful, 0 if include_doubtful else doubtful, level)


def write_tmx(units: Iterable[Unit], out: Path, created: str | None = None, level: str = "paragraph") -> int:
    units = list(units)
    atomic_write(Path(out), tmx_text(units, created, level))
    return len(units)


