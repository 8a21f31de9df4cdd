"""The working file: two files read and aligned, written as a PO (or a TSV bead list), and an
existing PO refreshed keeping everything people wrote in it (editflow.refresh).  The align step of the flow on disk
(read → align → PO); `editflow align` and `build` call it, and so can a script:

    from editflow.workfile import align_files, write_alignment
    al = align_files(Path("originals/war.uk.docx"), Path("translations/war.en.docx"))
    write_alignment(al, Path("translations/war.po"))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editflow.align import DOUBT_THRESHOLD, Lexicon, align
from editflow.errors import InputError
from editflow.fileio import atomic_write, fingerprint
from editflow.glossary import Glossary, load_glossary
from editflow.model import Alignment, Document
from editflow.outputs import Claim, OutputKind, OutputState, article_identity, decide
from editflow.readers import read_side
from editflow.readers.fetch import TIMEOUT
from editflow.readers.language import check_languages
from editflow.readers.paragraphs import HEADER as PARAGRAPHS_HEADER
from editflow.readers.paragraphs import ParagraphChoice, Paragraphing, ParagraphMode, parse_header
from editflow.readers.paragraphs import decide as decide_paragraphs

if TYPE_CHECKING:
    import polib

    from editflow.refresh import RefreshReport

_BLANKS = re.compile(r"\n[ \t\u00a0]*\n+")


def _prepare(doc: Document) -> Document:
    # A paragraph must never hold a blank line: the PO joins the paragraphs
    # of a multi-paragraph bead with one, and must split them back exactly.
    for p in doc.paragraphs:
        p.text = _BLANKS.sub("\n", p.text)
    return doc


def align_files(original: Path | str, translation: Path | str, glossary: Glossary | Sequence[Path] | None = None,
                threshold: float = DOUBT_THRESHOLD, boilerplate: Sequence[str] = (),
                lexicon: Lexicon | None = None, keep: polib.POFile | None = None, *,
                paragraphs: ParagraphChoice | tuple[ParagraphMode, ParagraphMode] = "auto",
                check_language: bool = True, timeout: float = TIMEOUT) -> Alignment:
    """Read and align two inputs (files, saved web pages, or pages' addresses).

    `glossary`: a loaded glossary (callers that use it again pass it, so it is read and indexed
    once), or the paths of term bases; `boilerplate`: extra regular expressions for web furniture;
    `lexicon`: word translations to align with (editflow.lexicons chooses the project's);
    `keep`: the article's PO as it is, whose pinned pairs, forbidden links and person-set roles the
    new alignment keeps where their paragraphs are still in the files (editflow.refresh).
    `paragraphs`: "blank", "lines" or "auto" for both sides (readers.paragraphs.decide), or the
    (original's, translation's) modes a PO recorded.  `check_language`: refuse inputs that are
    not a Ukrainian original and an English translation (readers.language) before anything is
    aligned.  `timeout`: seconds for fetching an address.
    """
    src_side = read_side(original, "uk", timeout=timeout)
    tgt_side = read_side(translation, "en", timeout=timeout)
    if check_language:
        check_languages(src_side.blank, tgt_side.blank)
    if isinstance(paragraphs, tuple):
        chosen = Paragraphing(paragraphs[0], paragraphs[1], "recorded")
    else:
        chosen = decide_paragraphs(src_side, tgt_side, paragraphs)
    source = _prepare(src_side.document(chosen.source))
    target = _prepare(tgt_side.document(chosen.target))
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = load_glossary(list(glossary)) if glossary else None
    patterns = [re.compile(p, re.IGNORECASE) for p in boilerplate]
    al = _align_keeping(source, target, glossary, threshold, patterns, lexicon, keep)
    if chosen.notice:
        al.notices.append(chosen.notice)
    return al


def _align_keeping(source: Document, target: Document, glossary: Glossary | None, threshold: float,
                   patterns: list[re.Pattern[str]], lexicon: Lexicon | None,
                   keep: polib.POFile | None) -> Alignment:
    if keep is None:
        return align(source, target, glossary, threshold=threshold, boilerplate=patterns, lexicon=lexicon)
    from editflow.refresh import carried_decisions

    decided = carried_decisions(keep, source.texts, target.texts)
    try:
        return align(source, target, glossary, threshold=threshold, boilerplate=patterns, lexicon=lexicon,
                     constraints=decided.constraints or None, roles=(decided.src_roles, decided.tgt_roles))
    except ValueError:
        # The kept pins contradict one another on the new texts; the refresh reports them as not carried.
        return align(source, target, glossary, threshold=threshold, boilerplate=patterns, lexicon=lexicon,
                     roles=(decided.src_roles, decided.tgt_roles))


def existing_po(path: Path) -> polib.POFile | None:
    """The PO at `path` when there is one editflow can read (its pairing decisions are kept); else None,
    and write_alignment says what is wrong with it."""
    from editflow.po import parse_po
    from editflow.po_validate import POFormatError

    if path.suffix.lower() != ".po" or not path.is_file():
        return None
    try:
        return parse_po(path.read_bytes(), path)
    except (OSError, POFormatError):
        return None


def recorded_paragraphs(po_path: Path, original: Path | str | None = None,
                        translation: Path | str | None = None) -> tuple[ParagraphMode, ParagraphMode] | None:
    """The paragraphing an existing PO recorded (`X-Editflow-Paragraphs`), for a refresh to keep.

    With `original` and `translation`, only when the PO names these inputs: a PO of another
    article says nothing about how these are paragraphed.
    """
    from editflow.po import read_header

    if po_path.suffix.lower() != ".po" or not po_path.is_file():
        return None
    header = read_header(po_path)
    if original is not None and translation is not None:
        refs = (_ref(original, po_path.parent), _ref(translation, po_path.parent))
        if refs != (header.get("X-Editflow-Source"), header.get("X-Editflow-Target")):
            return None
    return parse_header(header.get(PARAGRAPHS_HEADER))


def _ref(source: Path | str, folder: Path) -> str:
    # As po.input_ref names an input; a saved page's folder stands for its page.
    from editflow.po import input_ref
    from editflow.readers import web_page_of
    from editflow.readers.fetch import is_url

    if is_url(source):
        return str(source)
    path = Path(source)
    return input_ref(Document([], path=web_page_of(path) or path), folder)


def tsv_text(al: Alignment) -> str:
    return "".join(f"{','.join(map(str, b.src))}\t{','.join(map(str, b.tgt))}\t{b.confidence:.4f}\n"
                   for b in al.beads)


@dataclass
class Refresh:
    """An existing PO refreshed by a new alignment: what was there, what was written, and the report."""
    previous: polib.POFile
    po: polib.POFile
    report: RefreshReport


def alignment_claim(al: Alignment, out: Path) -> Claim:
    """What writing `al` to `out` claims: a PO of the article of these two inputs, or a TSV."""
    if out.suffix.lower() != ".po":
        return Claim(OutputKind.TSV)
    from editflow.po import input_ref

    folder = Path(out).parent
    return Claim(OutputKind.PO, article_identity(input_ref(al.source, folder), input_ref(al.target, folder), out.name))


def _existing(out: Path, force: bool, discard_edits: bool) -> polib.POFile | None:
    """The PO at `out`, read strictly; None when there is none to keep anything from."""
    from editflow.po import parse_po
    from editflow.po_validate import POFormatError

    if out.suffix.lower() != ".po" or not out.is_file():
        return None
    try:
        return parse_po(out.read_bytes(), out)
    except OSError as e:
        if force and discard_edits:
            return None
        raise InputError(out, f"exists and cannot be read ({e.strerror or e})",
                         "check its permissions, or use --force --discard-edits to replace it") from None
    except POFormatError as e:
        if force and discard_edits:
            return None
        # What people wrote in it cannot be kept without reading it, so even --force stops here.
        raise POFormatError(out, e.line, e.problem,
                            "fix that line (msgfmt --check shows the same), or replace the file and everything "
                            "written in it with --force --discard-edits; the file is unchanged") from None


def check_overwrite(al: Alignment, out: Path, force: bool, *, discard_edits: bool = False,
                    check_article: bool = True) -> polib.POFile | None:
    """Refuse to replace an output the user would not expect to lose; the existing PO to refresh, if any.

    `editflow.outputs.decide` says whether the path may be written.  A PO of the same article is
    refreshed, keeping what people wrote in it (editflow.refresh); a PO of another article
    (unless `check_article` is off, as for build, whose PO is the article's by its name), a
    read-only file and any other existing file need `force`.  A PO that cannot be read is
    refused even then (what is in it could not be kept), unless `discard_edits` lets it go.
    """
    return _checked(al, out, force, discard_edits, check_article)


def _checked(al: Alignment, out: Path, force: bool, discard_edits: bool, check_article: bool) -> polib.POFile | None:
    found = _existing(out, force, discard_edits)
    ownership = decide(out, alignment_claim(al, out))
    if not (found is not None and not check_article and ownership.state is OutputState.FOREIGN):
        ownership.require(force)
    return found


def write_alignment(al: Alignment, out: Path, force: bool = False, *, discard_edits: bool = False,
                    check_article: bool = True, expect: str | None = None) -> Refresh | None:
    """Write the alignment to `out` (.po or .tsv); an existing PO is refreshed, keeping what people wrote.

    Returns the refresh (what was kept, conflicts, what became obsolete) when a PO was there,
    else None.  `discard_edits` drops everything written in the existing PO instead.
    `expect`: the output's `fileio.fingerprint` when the caller read it; a file changed on disk
    since then is not overwritten (fileio.ChangedOnDisk).  Without it, the file as it is when the
    overwrite check reads it is what may be replaced.
    """
    from editflow.outputs import po_identity
    from editflow.po import alignment_to_po
    from editflow.refresh import carry_over

    if expect is None:
        expect = fingerprint(out)
    previous = _checked(al, out, force, discard_edits, check_article)
    if out.suffix.lower() == ".tsv":
        atomic_write(out, tsv_text(al), expect=expect)
        return None
    po = alignment_to_po(al, out)
    refresh = None
    if previous is not None:
        po, report = carry_over(previous, po, po_name=str(out), discard_edits=discard_edits,
                                same_article=po_identity(previous.metadata, out) == alignment_claim(al, out).identity)
        refresh = Refresh(previous, po, report)
    # A PO saved meanwhile (Poedit, another editflow) is not replaced by one made from what was read.
    atomic_write(out, str(po) + "\n", expect=expect)
    return refresh
