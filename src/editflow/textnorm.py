"""Text normalisation every stage shares: Unicode NFC and one apostrophe.

Ukrainian is typed with several apostrophes (’ ʼ ‘ ` and the prime ′) and
sometimes decomposed letters; the dictionary, the aligner's anchors, the
checks and the translation memory all compare words, so they all see the
text through this one function.  A character is replaced by one character,
so offsets into NFC text stay valid.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "’ʼ‘`′"


def normalize(text: str) -> str:
    """NFC, every apostrophe variant as ASCII "'"."""
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    # Both steps are skipped when there is nothing to do (is_normalized and
    # `in` are fast scans; a translate table would walk every character).
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for ch in APOSTROPHES:
        if ch in text:
            text = text.replace(ch, "'")
    return text
