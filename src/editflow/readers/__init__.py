"""Readers: turn an input (.txt, .md, .docx, a saved web page, a page's address) into an
`editflow.model.Document`.

Every problem with the file itself becomes an `InputError` that names the file
and says what to do, so the CLI prints one line instead of a traceback.
`read_side` reads an input once so that it can be paragraphed either way (blank lines, or
every line: readers.paragraphs); `read_document` reads it one way.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from editflow.errors import InputError
from editflow.model import Document
from editflow.readers import text as _text
from editflow.readers.fetch import TIMEOUT, is_url
from editflow.readers.paragraphs import ParagraphMode, Side
from editflow.readers.text import (
    cyrillic_score,
    decode_bytes,
    markdown_paragraphs,
    read_text_paragraphs,
    strip_inline_markdown,
    text_paragraphs,
)

__all__ = [
    "FORMATS",
    "MAX_TEXT_BYTES",
    "cyrillic_score",
    "decode_bytes",
    "docx_paragraphs",
    "markdown_paragraphs",
    "read_document",
    "read_side",
    "read_text_paragraphs",
    "strip_inline_markdown",
    "text_paragraphs",
]

# Extension → Document.format.
FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                           ".html": "html", ".htm": "html", ".xhtml": "html", ".mhtml": "mhtml", ".mht": "mhtml"}
_KINDS = ".txt, .md, .docx or a saved web page (.html, .mhtml)"

# Articles are kilobytes; anything this big is a wrong file (a dump, a log)
# and decoding it would only make the user wait.
MAX_TEXT_BYTES = 20 * 1024 * 1024
# A single-file web page carries its pictures inside.
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024
_LIMITS = {"docx": None, "mhtml": MAX_ARCHIVE_BYTES}


def _megabytes(size: int) -> str:
    # Round up so a file just over the limit never reads as "20.0 MB".
    return f"{math.ceil(size / (1024 * 1024) * 10) / 10:.1f}"


def _check_is_file(path: Path) -> None:
    # Existence first: "does not exist" is more useful than a type complaint
    # about a mistyped name.
    try:
        if not path.exists():
            raise InputError(path, "does not exist", "check the path and the file name")
        if path.is_dir():
            raise InputError(path, "is a directory, not a file", f"give the path of a {_KINDS} file")
        if not path.is_file():
            # A FIFO or device would block or never end.
            raise InputError(path, "is not a regular file", f"give the path of a {_KINDS} file")
    except OSError as exc:  # e.g. a parent directory we may not enter
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(path, f"cannot be read ({reason})",
                         "check that the file exists and you may read it") from None


def _read_bytes(path: Path, limit: int | None) -> bytes:
    try:
        if limit is not None:
            size = path.stat().st_size
            if size > limit:
                raise InputError(path, f"is too large ({_megabytes(size)} MB)",
                                 f"editflow reads articles up to {limit // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(path, f"cannot be read ({reason})",
                         "check that the file exists and you may read it") from None


def web_page_of(folder: Path) -> Path | None:
    """The page of a "web page, complete" save given as its folder: `X_files/` → `X.html` beside it,
    else the one .html/.htm file inside the folder."""
    try:
        if not folder.is_dir():
            return None
        if folder.name.endswith("_files"):
            stem = folder.name[: -len("_files")]
            for suffix in (".html", ".htm", ".xhtml"):
                page = folder.with_name(stem + suffix)
                if page.is_file():
                    return page
        pages = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".html", ".htm")]
    except OSError:
        return None
    return pages[0] if len(pages) == 1 else None


def read_side(source: Path | str, lang: str = "", *, timeout: float = TIMEOUT) -> Side:
    """Read an input once: a file, a saved page's folder, or (a str starting http:// or https://) an address.

    The Side gives the Document paragraphed as the file marks paragraphs and, on demand, with
    every line break a paragraph break too.  Raises InputError for any problem with the input.
    """
    if is_url(source):
        from editflow.readers import html as _html
        from editflow.readers.fetch import fetch

        assert isinstance(source, str)
        page = fetch(source, timeout=timeout)
        sha256 = hashlib.sha256(page.data).hexdigest()
        return Side.of(_html.document_from_bytes(page.data, None, "html", lang, sha256, charset=page.charset,
                                                 url=source))
    path = Path(source)
    path = web_page_of(path) or path
    _check_is_file(path)
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        kind = f"'{suffix}'" if suffix else "(no extension)"
        raise InputError(path, f"unsupported file type {kind}", f"use {_KINDS}")
    # .docx files are zip containers whose size is mostly images, so the text
    # size limit applies to text files only.
    data = _read_bytes(path, _LIMITS.get(fmt, MAX_TEXT_BYTES))
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt == "docx":
        # python-docx costs a tenth of a second to import: only for .docx inputs.
        from editflow.readers import docx as _docx

        return Side.of(_docx.document_from_bytes(data, path, lang, sha256))
    if fmt in ("html", "mhtml"):
        # trafilatura costs a fifth of a second to import: only for web pages.
        from editflow.readers import html as _html

        return Side.of(_html.document_from_bytes(data, path, fmt, lang, sha256))
    return Side(_text.document_from_bytes(data, path, fmt, lang, sha256),
                lambda: _text.document_from_bytes(data, path, fmt, lang, sha256, lines=True))


def read_document(path: Path | str, lang: str = "", paragraphs: ParagraphMode = "blank", *,
                  timeout: float = TIMEOUT) -> Document:
    """Read a .txt, .md/.markdown, .docx, .html/.htm or .mhtml file (or a page's address) into a Document.

    `lang` is recorded as given; readers do not guess languages.  `paragraphs`: "blank" reads
    paragraphs as the file marks them, "lines" makes every line break a paragraph break.
    Raises InputError for any problem with the input.
    """
    return read_side(path, lang, timeout=timeout).document(paragraphs)


def __getattr__(name: str) -> object:
    if name == "docx_paragraphs":
        from editflow.readers.docx import docx_paragraphs

        return docx_paragraphs
    raise AttributeError(name)
