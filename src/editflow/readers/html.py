"""Web pages saved from a browser (.html, .htm, .mhtml) and pages fetched from an address.

This module reads the bytes: the encoding, the main page of an MHTML archive, the element tree.
`readers.webblocks` walks the page into the blocks of text a reader sees, in order, and
`readers.webarticle` decides which of them are the article (with trafilatura's help) and the
role of each.  Walking the page, not trafilatura's output, is what gives every paragraph its line
in the file, its role from the markup (h1 title, h2-h6 headings, blockquote quotes, the byline,
editor's notes, table cells) and the list of what was left out with the reason the markup gives
(`Document.removed`).

Encoding: a byte-order mark, else the `<meta charset>` (or `http-equiv` Content-Type) of the
page, else the charset an MHTML part or an HTTP response declares, else the bytes are detected
as a text file's are (`readers.text.decode_bytes`).  A declared encoding the bytes do not
decode with is detected instead: pages saved as Windows-1251 but labelled UTF-8 exist.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import Message
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from editflow.errors import InputError
from editflow.model import Document
from editflow.readers.text import decode_bytes
from editflow.readers.webarticle import Page, article, extract
from editflow.readers.webblocks import page_address, page_blocks

# ---------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
# Browsers put the declaration first in <head>; a prescan of this many bytes finds it.
_PRESCAN = 64 * 1024
# Labels the WHATWG encoding standard maps to another encoding than Python does.
_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    # A page that says UTF-16 in a <meta> is not UTF-16 (the <meta> could not be read if it were).
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
    # KOI8-U is KOI8-R with Ukrainian letters where KOI8-R has box drawing.
    "koi8-r": "koi8_u",
}


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page's `<meta>` declares (a Python codec name), or None."""
    m = _META_CHARSET.search(data[:_PRESCAN])
    return _codec(m.group(1).decode("ascii", "replace")) if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes, path: Path | str | None, charset: str | None = None) -> tuple[str, str]:
    """A page's text and the codec it was decoded with.

    A BOM wins, then `charset` (an MHTML part's or an HTTP response's), then the page's `<meta>`;
    without any of them, or when the declared encoding cannot decode the bytes, the bytes are
    detected like a text file's.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codecs.lookup(codec).name
            except UnicodeDecodeError:
                break
    for declared in (_codec(charset), declared_encoding(data)):
        if declared is None:
            continue
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            break
    return decode_bytes(data, path)


# ---------------------------------------------------------------------------
# MHTML
# ---------------------------------------------------------------------------

def mhtml_page(data: bytes, path: Path | str | None) -> tuple[bytes, str | None, str]:
    """The main HTML of an MHTML archive ("web page, single file"), its declared charset and its address."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    main_location = message.get("Snapshot-Content-Location")
    pages: list[Message] = [part for part in message.walk()
                            if not part.is_multipart() and part.get_content_type() in _HTML_TYPES]
    if not pages:
        raise InputError(path, "is not a web archive with a page in it (no text/html part)",
                         "save the page again as 'Web page, single file' or as .html")
    # The main page is the one the archive names; frames come after it.
    page = next((p for p in pages if main_location and p.get("Content-Location") == main_location), pages[0])
    payload = page.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = b""
    return payload, page.get_content_charset(), str(page.get("Content-Location") or main_location or "")


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse(text: str) -> Any:
    """The page's element tree (lxml), comments and processing instructions left out."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    # Parsed from UTF-8 bytes: lxml refuses a str that carries an XML encoding declaration.
    return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)



def read_page(text: str, url: str = "") -> Page:
    """The article of a page's HTML (decoded); `url`: the address it was fetched from or saved with."""
    try:
        root = parse(text)
    except (etree.ParserError, ValueError):
        return Page([])
    blocks = page_blocks(root, page_address(root, url))
    return article(root, blocks, extract(root))


# ---------------------------------------------------------------------------
# Reader entry point
# ---------------------------------------------------------------------------

def document_from_bytes(data: bytes, path: Path | None, fmt: str, lang: str, sha256: str,
                        charset: str | None = None, url: str = "") -> Document:
    """Build a Document from a saved page's bytes (fmt "html" or "mhtml").

    `charset`: what the server declared for a fetched page.
    """
    where: Path | str | None = path if path is not None else url
    if not data.strip():
        raise InputError(where, "has no text", "the file is empty")
    address = url
    if fmt == "mhtml":
        data, charset, saved_from = mhtml_page(data, where)
        address = address or saved_from
    text, encoding = decode_page(data, where, charset)
    page = read_page(text, address)
    if not page.paragraphs:
        raise InputError(where, "has no article text editflow can find",
                         "open the page in a browser, copy the article's text into a .txt file and give that")
    return Document(paragraphs=page.paragraphs, path=path, lang=lang, format=fmt, encoding=encoding,
                    sha256=sha256, url=url, removed=page.removed)
