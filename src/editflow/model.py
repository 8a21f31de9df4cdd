"""The data model shared by every stage: documents, paragraphs, beads, alignments.

Plain dataclasses, no behaviour beyond small derived properties, so that each
stage (read → align → PO → check → export) can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeGuard, get_args

# Paragraph roles.  Readers set the structural ones they can see (title,
# heading, quote, footnote, table); `roles.assign_roles` adds the ones read
# off the text (headline variants, bylines, notes, boilerplate, teasers).
Role = Literal[
    "title",        # the article's headline
    "headline",     # an alternative headline / headline variant
    "heading",      # a section heading
    "body",
    "quote",
    "byline",       # author, dateline, photo credit, kicker
    "teaser",       # "Read more: ..." / "Читайте також: ..."
    "note",         # a whole-paragraph editor's or translator's note
    "boilerplate",  # web-page furniture: share buttons, comment forms, social links
    "footnote",
    "table",        # a paragraph taken from a table cell
    "credit",       # the desk's attribution: "Translated by …", "Originally published by …"
]
ROLES: tuple[Role, ...] = get_args(Role)


def is_role(value: object) -> TypeGuard[Role]:
    return value in ROLES


def role_of(value: str, default: Role = "body") -> Role:
    """A role read from a file (a PO edited by hand may hold anything): unknown ones are `default`."""
    return value if is_role(value) else default


@dataclass
class Paragraph:
    text: str
    role: Role = "body"
    # Where the paragraph came from in its file, for messages and `#:` references:
    # e.g. "12" (line number in a text file) or "p7", "table1/r2c1", "footnote3" in a .docx.
    location: str = ""


@dataclass
class Removed:
    """A block of a web page that the reader left out of the article (a menu item, a share bar...)."""
    text: str
    location: str = ""  # line in the page's HTML
    why: str = ""       # "menu", "share buttons", "comments", ... ("not article text" when nothing says)


@dataclass
class Document:
    paragraphs: list[Paragraph]
    path: Path | None = None
    lang: str = ""
    format: str = "txt"          # txt, md, docx, html, mhtml
    encoding: str | None = None  # detected (or, for a web page, declared) encoding of text files and pages
    sha256: str = ""             # hash of the file's bytes, for stale-PO detection
    url: str = ""                # the address a web page was fetched from (then `path` is None)
    # How paragraphs were told apart: "blank" as the file marks them (blank lines in text, paragraphs
    # in Word and HTML), "lines" every line break too (text pasted from a browser, Shift+Enter).
    paragraphing: str = "blank"
    # What a web page held besides the article, in page order (`editflow align --show-removed`).
    removed: list[Removed] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]

    def __len__(self) -> int:
        return len(self.paragraphs)


BEAD_KINDS = ("1-1", "1-2", "2-1", "2-2", "1-3", "3-1", "1-0", "0-1")


@dataclass
class Bead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    # Why the bead is doubtful (empty when it is not): "numbers differ",
    # "length ratio 2.4", "looks like web boilerplate", "headline variant", ...
    reasons: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def is_null(self) -> bool:
        return not self.src or not self.tgt


@dataclass
class Alignment:
    source: Document
    target: Document
    beads: list[Bead]
    # Length ratio target/source estimated for this document pair.
    ratio: float = 1.0
    doubt_threshold: float = 0.5
    # SHA-256 of the word-translation lexicon the beads were scored with ("" for none).
    lexicon: str = ""
    # What reading the inputs noticed that the user should hear (a paragraph-count mismatch).
    notices: list[str] = field(default_factory=list)

    def doubtful(self) -> list[Bead]:
        return [b for b in self.beads if b.confidence < self.doubt_threshold]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for b in self.beads:
            out[b.kind] = out.get(b.kind, 0) + 1
        return out


# Finding severities, most serious first.  `editflow check` exits 1 when any
# finding is an error.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


def is_severity(value: object) -> TypeGuard[Severity]:
    return value in SEVERITIES


Span = tuple[int, int]  # [start, end) character offsets into one side's text


@dataclass
class Finding:
    """One problem a check found in one PO entry.

    Spans are character offsets into the entry's text exactly as it stands in
    the PO (`msgid` for the Ukrainian side, `msgstr` for the English side), so
    that a report, a Word comment or an editor plugin can mark the very words.
    """
    code: str                      # "glossary.missing", "numbers.mismatch", ...
    severity: Severity
    message: str
    entry: str = ""                # the entry's msgctxt, else its 0-based index as a string
    index: int = -1                # position of the entry in the PO (header excluded)
    source_span: Span | None = None
    target_span: Span | None = None
    term: str | None = None        # glossary findings: the glossary's `uk` cell, exactly
    variant: str | None = None     # glossary.forbidden: the forbidden variant as written in the glossary
    suggestion: str | None = None  # a replacement, when the check knows one
    line: int = 0                  # line of the entry in the PO file, for messages
    dismiss_key: str = ""          # set by the runner: hash of (code, source, target, span)
