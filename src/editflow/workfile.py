"""The working file: two files read and aligned, written as a PO (or a TSV bead list), and an
existing one refreshed only when that loses nothing.  The align step of the flow on disk
(read → align → PO); `editflow align` and `build` call it, and so can a script:

    from editflow.workfile import align_files, write_alignment
    al = align_files(Path("originals/war.uk.docx"), Path("translations/war.en.docx"))
    write_alignment(al, Path("translations/war.po"))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from editflow.align import DOUBT_THRESHOLD, Lexicon, align
from editflow.errors import InputError
from editflow.fileio import atomic_write
from editflow.glossary import Glossary, load_glossary
from editflow.model import Alignment, Document
from editflow.readers import read_document

_BLANKS = re.compile(r"\n[ \t\u00a0]*\n+")


def _prepare(doc: Document) -> Document:
    # A paragraph must never hold a blank line: the PO joins the paragraphs
    # of a multi-paragraph bead with one, and must split them back exactly.
    for p in doc.paragraphs:
        p.text = _BLANKS.sub("\n", p.text)
    return doc


def align_files(original: Path, translation: Path, glossary: Glossary | Sequence[Path] | None = None,
                threshold: float = DOUBT_THRESHOLD, boilerplate: Sequence[str] = (),
                lexicon: Lexicon | None = None) -> Alignment:
    """Read and align two files.

    `glossary`: a loaded glossary (callers that use it again pass it, so it is read and indexed
    once), or the paths of term bases; `boilerplate`: extra regular expressions for web furniture;
    `lexicon`: word translations to align with (editflow.lexicons chooses the project's).
    """
    source = _prepare(read_document(original, "uk"))
    target = _prepare(read_document(translation, "en"))
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = load_glossary(list(glossary)) if glossary else None
    patterns = [re.compile(p, re.IGNORECASE) for p in boilerplate]
    return align(source, target, glossary, threshold=threshold, boilerplate=patterns, lexicon=lexicon)


def tsv_text(al: Alignment) -> str:
    return "".join(f"{','.join(map(str, b.src))}\t{','.join(map(str, b.tgt))}\t{b.confidence:.4f}\n"
                   for b in al.beads)


def check_overwrite(al: Alignment, out: Path, force: bool) -> None:
    """Refuse to replace an output the user would not expect to lose.

    A PO of the same article is refreshed, unless it holds English text that
    the translation file no longer has (edits made in the PO); anything else
    needs --force.
    """
    if force or not out.exists():
        return
    if out.suffix.lower() == ".po":
        from editflow.po import load_po, same_article

        try:
            po = load_po(out)
        except InputError:
            raise InputError(out, "exists and is not an editflow PO file", "use --force to overwrite it") from None
        if not same_article(po, out, al.source, al.target):
            raise InputError(out, "exists and belongs to another article", "use --force to overwrite it")
        edited = edited_entries(po, out)
        if edited:
            raise InputError(out, f"holds English edited in the PO ({len(edited)} entr"
                                  f"{'y' if len(edited) == 1 else 'ies'}: {', '.join(edited[:5])})",
                             "use --force to overwrite them, or copy the edits into the translation first")
        return
    raise InputError(out, "already exists", "use --force to overwrite it")


def edited_entries(po, path: Path) -> list[str]:
    """Ids of the entries whose English was changed in the PO after editflow wrote it."""
    from editflow.po import entry_info, text_hash

    out = []
    for entry in po:
        info = entry_info(entry)
        if info is None or not info.en_hash:
            continue
        if text_hash(entry.msgstr) != info.en_hash:
            out.append(entry.msgctxt or entry.msgid[:30])
    return out


def write_alignment(al: Alignment, out: Path, force: bool = False) -> None:
    check_overwrite(al, out, force)
    if out.suffix.lower() == ".tsv":
        atomic_write(out, tsv_text(al))
    else:
        from editflow.po import write_po

        write_po(al, out)
