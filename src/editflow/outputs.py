"""Output ownership: whether editflow may write over a file that is already there.

Every writer asks `decide(path, claim)` before it writes: `align` for the PO
working file and the TSV bead list, `export` and `build` for the publication,
review and redline documents; `build` and `status` read an article's review
state off the same decision (`review_state`).  The answer is an `Ownership`:

    state      what is at the path                                          may write
    absent     nothing                                                      yes
    own        editflow's own output for the same article, untouched       yes
               (a PO of the article, even edited: the refresh keeps what
               people wrote in it, editflow.refresh)
    imported   a review someone worked in, all of it imported into the PO  yes
    worked in  a review with work the PO has not imported                  no
    read-only  a PO someone made read-only                                 no
    foreign    another article's export, another mode's, a file editflow   no
               did not write, a TSV or TMX (they record nothing)
    folder     a folder                                                     never

`Ownership.require(force)` raises the refusal as an InputError (exit 2,
nothing written); `--force` writes over every refusal but a folder.

Which article an output belongs to is one identity, `po_identity`: a hash of
the names of the two inputs the PO header records (relative to the PO, so
it survives moving the project folder and re-aligning changed inputs), else
of the PO's file name.  A Word export carries it in its core properties
(`dc:identifier` = ``editflow:<kind>:<identity>``); a review also names its
inputs in its editflow part, by which a review that lost its core properties
to a word processor, or was exported before they carried the identity, is
still known.  A review's part records a hash of its body and comments as
written (`content-sha`): a different hash means someone worked in it.  That
work counts as imported when the PO header's `X-Editflow-Imported-Review`
(`imported_review`; written by `record_imported_review`, which
`import-review` calls when it took in the whole document) is the SHA-256 of
the document's bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from editflow.errors import InputError

if TYPE_CHECKING:
    from lxml import etree

# PO header field: SHA-256 of the last review document import-review took in whole.
IMPORTED_REVIEW_KEY = "X-Editflow-Imported-Review"
# Namespace of the custom XML part a review document carries (export.review writes it).
REVIEW_NS = "urn:editflow:review:1"
# The review's parts a reviewer's work changes; their hash tells an untouched review.
HASHED_PARTS = ("word/document.xml", "word/comments.xml")

_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_PREFIX = "editflow:"
# What the redline carried before core properties held the identity.
_OLD_REDLINE_CATEGORY = "editflow redline"


class OutputKind(StrEnum):
    PO = "po"
    TSV = "tsv"
    TMX = "tmx"
    LEXICON = "lexicon"
    PUBLICATION = "publication"
    REVIEW = "review"
    REDLINE = "redline"


class OutputState(StrEnum):
    ABSENT = "absent"
    OWN = "own"
    IMPORTED = "imported"
    WORKED_IN = "worked in"
    READ_ONLY = "read-only"
    FOREIGN = "foreign"
    FOLDER = "folder"


_WRITABLE = frozenset({OutputState.ABSENT, OutputState.OWN, OutputState.IMPORTED})


# An article's review document, as `build` and `status` report it (`review_state`).
ReviewState = Literal["not exported", "exported", "in review", "imported"]


@dataclass(frozen=True)
class Claim:
    """Who wants to write: the kind of output and the article it is made from."""
    kind: OutputKind
    identity: str = ""          # article identity (`po_identity`); "" for a TSV or TMX
    imported_review: str = ""   # review only: the PO's `imported_review`

    @classmethod
    def from_po(cls, kind: OutputKind, metadata: Mapping[str, str], po_path: Path) -> Claim:
        """The claim of an export made from the PO at `po_path` with this header."""
        return cls(kind, po_identity(metadata, po_path),
                   imported_review(metadata) if kind is OutputKind.REVIEW else "")


@dataclass(frozen=True)
class Ownership:
    """The decision about one output path (see the module docstring)."""
    path: Path
    state: OutputState
    reason: str = ""   # why not, for a refusal: "exists and belongs to another article"
    hint: str = ""     # what to do about it

    @property
    def may_write(self) -> bool:
        return self.state in _WRITABLE

    def require(self, force: bool = False) -> Ownership:
        """This decision when the write may go ahead (`force` overrides all but a folder); else InputError."""
        if self.may_write or (force and self.state is not OutputState.FOLDER):
            return self
        raise InputError(self.path, self.reason, self.hint)


# ---------------------------------------------------------------------------
# identity
# ---------------------------------------------------------------------------

def article_identity(source: str, target: str, po_name: str) -> str:
    """The identity of the article a PO with these input names (as its header writes them) belongs to.

    The names are compared decoded (`po.decode_ref`), so that a PO written
    before file names were encoded ("my file.uk.txt") is still its article's.
    """
    from editflow.po import decode_ref

    key = f"{decode_ref(source)}\n{decode_ref(target)}"
    if not key.strip():
        key = po_name   # a PO made by another tool names no inputs
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def po_identity(metadata: Mapping[str, str], po_path: Path) -> str:
    """The identity of the article of the PO at `po_path` (header `metadata`); every export of it records it."""
    return article_identity(metadata.get("X-Editflow-Source", ""), metadata.get("X-Editflow-Target", ""),
                            Path(po_path).name)


def identifier(claim: Claim) -> str:
    """The core-properties identifier an export records: ``editflow:<kind>:<identity>``."""
    return f"{_PREFIX}{claim.kind}:{claim.identity}"


def stamp(document: Any, claim: Claim) -> None:
    """Record in a python-docx document which article and mode it was exported for."""
    document.core_properties.identifier = identifier(claim)


def imported_review(metadata: Mapping[str, str]) -> str:
    """SHA-256 of the review document the PO has imported whole; "" when none."""
    return metadata.get(IMPORTED_REVIEW_KEY, "").strip()


def record_imported_review(metadata: MutableMapping[str, str], document: bytes) -> None:
    """Record in a PO header that everything in this review document is in the PO."""
    metadata[IMPORTED_REVIEW_KEY] = hashlib.sha256(document).hexdigest()


# ---------------------------------------------------------------------------
# what an existing document records
# ---------------------------------------------------------------------------

def parts_sha(blobs: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for b in blobs:
        h.update(b)
    return h.hexdigest()[:16]


def _review_part(z: zipfile.ZipFile) -> etree._Element | None:
    from lxml import etree

    for name in sorted(z.namelist()):
        if name.startswith("customXml/") and name.endswith(".xml") and "itemProps" not in name \
                and "/_rels/" not in name:
            try:
                root = etree.fromstring(z.read(name))
            except etree.XMLSyntaxError:
                continue
            if root.tag == f"{{{REVIEW_NS}}}review":
                return root
    return None


def read_review_part(data: bytes) -> etree._Element | None:
    """The editflow review part of a .docx's bytes, or None."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return _review_part(z)


def content_sha(data: bytes) -> str:
    """Hash of a .docx's body and comments as stored: tells an untouched review from a worked-in one."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        return parts_sha(z.read(n) for n in HASHED_PARTS if n in names)


@dataclass(frozen=True)
class Stamp:
    """What an existing .docx records about where it came from."""
    kind: str = ""          # publication / review / redline, "" when it says nothing
    identity: str = ""      # the article identity, "" when it does not record one
    untouched: bool = False  # a review whose body and comments are as editflow wrote them


def read_stamp(data: bytes) -> Stamp | None:
    """The record in a .docx's bytes (core identifier, review part); None when it is not a readable .docx."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            core = etree.fromstring(z.read("docProps/core.xml")) if "docProps/core.xml" in names else None
            part = _review_part(z)
            body_sha = parts_sha(z.read(n) for n in HASHED_PARTS if n in names) if part is not None else ""
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, EOFError, KeyError, ValueError):
        return None
    kind = identity = ""
    if core is not None:
        ident = (core.findtext(f"{_DC}identifier") or "").strip()
        if ident.startswith(_PREFIX):
            kind, _, identity = ident[len(_PREFIX):].partition(":")
        elif (core.findtext(f"{_CP}category") or "").strip() == _OLD_REDLINE_CATEGORY:
            kind = OutputKind.REDLINE
    if part is not None:
        kind = kind or OutputKind.REVIEW
        if not identity and kind == OutputKind.REVIEW and (part.get("source") or part.get("target")):
            identity = article_identity(part.get("source", ""), part.get("target", ""), "")
        return Stamp(kind, identity, part.get("content-sha") == body_sha)
    return Stamp(kind, identity)


# ---------------------------------------------------------------------------
# the decision
# ---------------------------------------------------------------------------

_OTHER_NAME = "use --force to overwrite it, or choose another name with -o"


def decide(path: Path, claim: Claim) -> Ownership:
    """May `claim` write at `path`?  Reads what is there; writes nothing."""
    path = Path(path)
    try:
        if not path.exists():
            return Ownership(path, OutputState.ABSENT)
        if path.is_dir():
            return Ownership(path, OutputState.FOLDER, "is a folder", "give a file name with -o")
    except OSError as e:   # a folder we may not look into: nothing there is ours to replace
        return Ownership(path, OutputState.FOREIGN, f"cannot be looked at ({e.strerror or e})", _OTHER_NAME)
    if claim.kind is OutputKind.PO:
        return _decide_po(path, claim)
    if claim.kind in (OutputKind.TSV, OutputKind.TMX, OutputKind.LEXICON):
        return Ownership(path, OutputState.FOREIGN, "already exists", "use --force to overwrite it")
    return _decide_document(path, claim)


def read_only(path: Path) -> bool:
    """Whether someone made the file read-only (no write permission, or no write bit at all: root may write
    anything, but a file chmod'ed a-w was meant not to change)."""
    try:
        return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222
    except OSError:
        return False


def require_writable(path: Path, what: str) -> None:
    """Refuse (InputError, nothing written) to write `what` into a file someone made read-only: the
    commands that change a PO in place (import-review, pair, the editor's Save) leave it as it is,
    as `align` and `build` do without --force."""
    if read_only(path):
        raise InputError(path, f"is read-only, so editflow will not write {what} into it",
                         "make it writable (chmod u+w) and run the command again")


def _decide_po(path: Path, claim: Claim) -> Ownership:
    from editflow.po import read_header

    hint = "use --force to overwrite it"
    if read_only(path):
        return Ownership(path, OutputState.READ_ONLY, "is read-only, so editflow will not replace it",
                         "make it writable (chmod u+w), or use --force to replace it anyway")
    # Whose PO it is is in the header; the writer reads the whole file strictly (po.load_po)
    # when it refreshes it, and refuses one that is broken, naming the line.
    metadata = read_header(path)
    if not metadata:
        return Ownership(path, OutputState.FOREIGN, "exists and is not an editflow PO file", hint)
    if po_identity(metadata, path) != claim.identity:
        return Ownership(path, OutputState.FOREIGN, "exists and belongs to another article", hint)
    # English edited in the PO, comments and the rest that people wrote are carried over by the
    # refresh (editflow.refresh), so an edited PO of the article is refreshed like any other.
    return Ownership(path, OutputState.OWN)


def _decide_document(path: Path, claim: Claim) -> Ownership:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Ownership(path, OutputState.FOREIGN, f"exists and cannot be read ({e.strerror or e})", _OTHER_NAME)
    if claim.imported_review and hashlib.sha256(data).hexdigest() == claim.imported_review:
        # The PO holds all of this document: it is this PO's review, and nothing in it would be lost.
        return Ownership(path, OutputState.IMPORTED)
    found = read_stamp(data)
    if found is None or not found.kind:
        return Ownership(path, OutputState.FOREIGN, "exists and was not made by editflow from this PO", _OTHER_NAME)
    if found.kind != claim.kind:
        return Ownership(path, OutputState.FOREIGN, f"exists and is an editflow {found.kind} export, "
                                                    f"not a {claim.kind}", _OTHER_NAME)
    if not found.identity:
        return Ownership(path, OutputState.FOREIGN, f"exists and is an editflow {found.kind} that does not record "
                                                    f"which PO it was exported from", _OTHER_NAME)
    if found.identity != claim.identity:
        return Ownership(path, OutputState.FOREIGN, f"exists and was exported from another PO "
                                                    f"(another article's {found.kind})", _OTHER_NAME)
    if claim.kind is OutputKind.REVIEW and not found.untouched:
        return Ownership(path, OutputState.WORKED_IN,
                         "is a review someone has worked in, and the PO has not imported that work",
                         "import it first with 'editflow import-review', choose another -o, or use --force")
    return Ownership(path, OutputState.OWN)


def review_state(review_path: Path, po_path: Path) -> ReviewState:
    """The state of an article's review document, from the same decision the review writer makes."""
    from editflow.po import read_header

    metadata = read_header(po_path) if Path(po_path).is_file() else {}
    claim = Claim.from_po(OutputKind.REVIEW, metadata, po_path)
    state = decide(review_path, claim).state
    if state is OutputState.WORKED_IN:
        return "in review"
    if state is OutputState.IMPORTED or (claim.imported_review and state in (OutputState.OWN, OutputState.ABSENT)):
        return "imported"
    # Another article's document at this path is not this article's review.
    return "exported" if state is OutputState.OWN else "not exported"


# ---------------------------------------------------------------------------
# what a writer reports
# ---------------------------------------------------------------------------

_DROPPED_NAMES = {"boilerplate": "web boilerplate", "teaser": "teaser(s)", "headline": "headline variant(s)"}


@dataclass
class WriteResult:
    """What an export wrote: one shape for the publication, review and redline writers."""
    path: Path
    kind: OutputKind
    replaced: OutputState = OutputState.ABSENT   # what was at the path (a refused state: --force wrote over it)
    paragraphs: int = 0        # publication, redline: paragraphs written
    rows: int = 0              # review: table rows written
    dropped: dict[str, int] = field(default_factory=dict)   # publication: paragraphs left out, by role
    warnings: list[str] = field(default_factory=list)
    title: str = ""            # publication
    author: str = ""           # publication
    styles: dict[str, int] = field(default_factory=dict)    # publication: paragraphs per kind (title, byline, ...)
    findings: int = 0          # review: findings of the checks
    comments: int = 0          # review: findings placed as Word comments
    doubtful: int = 0          # review: doubtful pairs
    changed: int = 0           # redline: entries the review changed
    insertions: int = 0        # redline
    deletions: int = 0         # redline
    reviewers: list[str] = field(default_factory=list)      # redline

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"path": str(self.path), "kind": str(self.kind), "replaced": str(self.replaced)}

    def describe(self) -> str:
        """One line: what is in the document."""
        if self.kind is OutputKind.REVIEW:
            return (f"{self.rows} rows, {self.comments} of {self.findings} findings as comments, "
                    f"{self.doubtful} doubtful")
        if self.kind is OutputKind.REDLINE:
            who = f" by {', '.join(self.reviewers)}" if self.reviewers else ""
            return (f"{self.paragraphs} paragraphs, {self.changed} changed{who} "
                    f"({self.insertions} insertions, {self.deletions} deletions)")
        dropped = ", ".join(f"{n} {_DROPPED_NAMES.get(role, role)}" for role, n in self.dropped.items())
        return f"{self.paragraphs} paragraphs" + (f"; dropped {dropped}" if dropped else "")
