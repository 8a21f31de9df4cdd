"""Pieces every reader shares: character classes, offset-keeping lower-casing, blanking.

Readers never shift offsets: what is not to be read (a web address, a span
another reader took) is blanked with spaces of the same length, so every
span found stays a span of the paragraph as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from editflow.numbers.zones import OFFSET

GROUP_SP = "[\u00a0\u202f\u2009]"          # no-break, narrow no-break, thin space
APOS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "′": "'"})
CYR = "А-Яа-яІіЇїЄєҐґ"

# Things whose digits are not figures of the text: web addresses, e-mail,
# handles, hashtags, footnote markers, a zone's offset (UTC+2).  They are blanked before reading.
# Each pattern runs only when a cheap test says it can match (speed: most
# paragraphs have none of them).
_DOMAIN_TAIL = re.compile(r"\.(?:com|org|net|ua|uk|gov|html?|php|pdf|jpe?g|png)\b")
_MASKS = [
    (lambda t: "http" in t or "www." in t, re.compile(r"(?:https?://|www\.)\S+")),
    (lambda t: "@" in t, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")),
    (lambda t: "#" in t, re.compile(r"(?<![\w&])#(?=\w*[^\W\d_])\w+")),
    (lambda t: "[" in t or "24/7" in t, re.compile(r"\[[0-9]{1,3}\]|\b24/7\b")),
    (lambda t: "UTC" in t or "GMT" in t, OFFSET),
    (lambda t: "." in t and _DOMAIN_TAIL.search(t) is not None,
     re.compile(r"\b[\w-]+\.(?:com|org|net|ua|uk|gov|html?|php|pdf|jpe?g|png)\b")),
]
ANY_DIGIT = re.compile(r"[0-9]")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """The spans of web addresses, e-mail, handles, hashtags and footnote markers."""
    return [m.span() for test, rx in _MASKS if test(text) for m in rx.finditer(text)]


@lru_cache(maxsize=8)
def lower_keeping_offsets(text: str) -> str:
    """The text lower-cased with its offsets kept (a few letters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces (line ends kept, so ^ still anchors)."""
    chars = list(text)
    for a, b in spans:
        for k in range(a, b):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def overlaps(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps any span taken already."""
    return any(a < y and x < b for x, y in taken)
