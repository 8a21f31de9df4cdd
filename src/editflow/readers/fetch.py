"""Fetching a web page from its address (`editflow align URL URL`).

Plain urllib: one GET, a timeout on connecting and on each read, a size limit counted while
reading (a server may send no length or a false one), and every failure an InputError naming
the address and what to do, offline included.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editflow import __version__
from editflow.errors import InputError

if TYPE_CHECKING:
    from email.message import Message

TIMEOUT = 20.0                    # seconds, for connecting and for each read
MAX_PAGE_BYTES = 20 * 1024 * 1024  # the text files' limit: an article page is far smaller
_CHUNK = 64 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_SAVE_HINT = "or save the page from the browser (Ctrl+S) and give the file"


def is_url(source: object) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


@dataclass
class Fetched:
    data: bytes
    charset: str | None   # what the server declared in Content-Type
    url: str              # the address after redirects


def fetch(url: str, timeout: float = TIMEOUT, limit: int = MAX_PAGE_BYTES) -> Fetched:
    """GET `url`; raise InputError for anything but an HTML page within `limit` bytes."""
    # urllib.request and ssl cost a few hundredths of a second to import: only when fetching.
    import ssl
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={
        "User-Agent": f"editflow/{__version__} (article alignment)",
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            ctype = headers.get_content_type() if headers.get("Content-Type") else ""
            if ctype not in _PAGE_TYPES:
                raise InputError(url, f"is not a web page ({ctype})", "give the address of the article's page")
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise _too_large(url, limit)
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise _too_large(url, limit)
                chunks.append(chunk)
            return Fetched(b"".join(chunks), headers.get_content_charset(), response.geturl())
    except urllib.error.HTTPError as e:
        raise InputError(url, f"cannot be fetched (the server answered {e.code} {e.reason})",
                         f"check the address, {_SAVE_HINT}") from None
    except urllib.error.URLError as e:
        raise _unreachable(url, e.reason, timeout) from None
    except (ssl.SSLError, OSError) as e:  # timeouts and refused connections while reading, too
        raise _unreachable(url, e, timeout) from None
    except ValueError as e:  # a malformed address
        raise InputError(url, f"is not an address editflow can fetch ({e})", "check the address") from None


def _too_large(url: str, limit: int) -> InputError:
    return InputError(url, f"is larger than {limit // (1024 * 1024)} MB", f"that is not an article page; {_SAVE_HINT}")


def _unreachable(url: str, reason: object, timeout: float) -> InputError:
    if isinstance(reason, TimeoutError):
        return InputError(url, f"did not answer within {timeout:g} s",
                          f"try again later or with a longer --fetch-timeout, {_SAVE_HINT}")
    if isinstance(reason, socket.gaierror):
        return InputError(url, "cannot be reached: the host name could not be looked up (offline?)",
                          f"check your connection and the address, {_SAVE_HINT}")
    if isinstance(reason, ConnectionRefusedError):
        return InputError(url, "cannot be reached: the connection was refused",
                          f"check the address, {_SAVE_HINT}")
    text = getattr(reason, "strerror", None) or str(reason) or reason.__class__.__name__
    return InputError(url, f"cannot be reached ({text})", f"check your connection and the address, {_SAVE_HINT}")
