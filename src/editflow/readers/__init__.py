"""Readers: turn an input file (.txt, .md, .docx) into an `editflow.model.Document`.

Every problem with the file itself becomes an `InputError` that names the file
and says what to do, so the CLI prints one line instead of a traceback.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from editflow.errors import InputError
from editflow.model import Document
from editflow.readers import text as _text
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
    "read_text_paragraphs",
    "strip_inline_markdown",
    "text_paragraphs",
]

# Extension → Document.format.
FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx"}

# Articles are kilobytes; anything this big is a wrong file (a dump, a log)
# and decoding it would only make the user wait.
MAX_TEXT_BYTES = 20 * 1024 * 1024


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
            raise InputError(path, "is a directory, not a file",
                             "give the path of a .txt, .md or .docx file")
        if not path.is_file():
            # A FIFO or device would block or never end.
            raise InputError(path, "is not a regular file",
                             "give the path of a .txt, .md or .docx file")
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


def read_document(path: Path | str, lang: str = "") -> Document:
    """Read a .txt, .md/.markdown or .docx file into a Document.

    `lang` is recorded as given; readers do not guess languages.
    Raises InputError for any problem with the file.
    """
    path = Path(path)
    _check_is_file(path)
    suffix = path.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        kind = f"'{suffix}'" if suffix else "(no extension)"
        raise InputError(path, f"unsupported file type {kind}", "use .txt, .md or .docx")
    # .docx files are zip containers whose size is mostly images, so the text
    # size limit applies to text files only.
    data = _read_bytes(path, None if fmt == "docx" else MAX_TEXT_BYTES)
    sha256 = hashlib.sha256(data).hexdigest()
    if fmt == "docx":
        # python-docx costs a tenth of a second to import: only for .docx inputs.
        from editflow.readers import docx as _docx

        return _docx.document_from_bytes(data, path, lang, sha256)
    return _text.document_from_bytes(data, path, fmt, lang, sha256)


def __getattr__(name: str) -> object:
    if name == "docx_paragraphs":
        from editflow.readers.docx import docx_paragraphs

        return docx_paragraphs
    raise AttributeError(name)
