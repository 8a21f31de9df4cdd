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

from editflow.align import DOUBT_THRESHOLD, align
from editflow.fileio import atomic_write, fingerprint
from editflow.glossary import Glossary, load_glossary
from editflow.model import Alignment, Document
from editflow.outputs import Claim, OutputKind, Ownership, article_identity, decide
from editflow.readers import read_document

_BLANKS = re.compile(r"\n[ \t\u00a0]*\n+")


def _prepare(doc: Document) -> Document:
    # A paragraph must never hold a blank line: the PO joins the paragraphs
    # of a multi-paragraph bead with one, and must split them back exactly.
    for p in doc.paragraphs:
        p.text = _BLANKS.sub("\n", p.text)
    return doc


def align_files(original: Path, translation: Path, glossary: Glossary | Sequence[Path] | None = None,
                threshold: float = DOUBT_THRESHOLD, boilerplate: Sequence[str] = ()) -> Alignment:
    """Read and align two files.

    `glossary`: a loaded glossary (callers that use it again pass it, so it is read and indexed
    once), or the paths of term bases; `boilerplate`: extra regular expressions for web furniture.
    """
    source = _prepare(read_document(original, "uk"))
    target = _prepare(read_document(translation, "en"))
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = load_glossary(list(glossary)) if glossary else None
    patterns = [re.compile(p, re.IGNORECASE) for p in boilerplate]
    return align(source, target, glossary, threshold=threshold, boilerplate=patterns)


def tsv_text(al: Alignment) -> str:
    return "".join(f"{','.join(map(str, b.src))}\t{','.join(map(str, b.tgt))}\t{b.confidence:.4f}\n"
                   for b in al.beads)


def alignment_claim(al: Alignment, out: Path) -> Claim:
    """What writing `al` to `out` claims: a PO of the article of these two inputs, or a TSV."""
    if out.suffix.lower() != ".po":
        return Claim(OutputKind.TSV)
    from editflow.po import input_ref

    folder = Path(out).parent
    return Claim(OutputKind.PO, article_identity(input_ref(al.source, folder), input_ref(al.target, folder), out.name))


def check_overwrite(al: Alignment, out: Path, force: bool) -> Ownership:
    """Refuse to replace an output the user would not expect to lose (`editflow.outputs.decide`).

    A PO of the same article is refreshed, unless it holds English text that
    the translation file no longer has (edits made in the PO); anything else
    needs --force.
    """
    return decide(out, alignment_claim(al, out)).require(force)


def write_alignment(al: Alignment, out: Path, force: bool = False, *, expect: str | None = None) -> None:
    """Write `al` to `out` (.po or .tsv) as `check_overwrite` allows.

    `expect`: the output's `fileio.fingerprint` when the caller read it; a file changed on disk
    since then is not overwritten (fileio.ChangedOnDisk).  Without it, the file as it is when the
    overwrite check reads it is what may be replaced.
    """
    if expect is None:
        expect = fingerprint(out)
    check_overwrite(al, out, force)
    if out.suffix.lower() == ".tsv":
        atomic_write(out, tsv_text(al), expect=expect)
    else:
        from editflow.po import write_po

        write_po(al, out, expect=expect)
