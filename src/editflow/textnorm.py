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
# Characters that show nothing and split no word: a soft hyphen (Word's optional hyphen, a web
# page's hyphenation), zero-width spaces and joiners, the word joiner, a stray BOM.  A web page's
# words are read without them; the glossary checks see through them inside a word.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def normalize(text: str) -> str:
    """NFC, every apostrophe variant as ASCII "'", the non-breaking hyphen as "-".

    (Word's non-breaking hyphen reaches the text as U+2011, which the readers
    keep so that it comes back out; words are compared with a plain hyphen.)
    """
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    # Both steps are skipped when there is nothing to do (is_normalized and
    # `in` are fast scans; a translate table would walk every character).
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for ch in APOSTROPHES:
        if ch in text:
            text = text.replace(ch, "'")
    if "\u2011" in text:
        text = text.replace("\u2011", "-")
    return text


# ---------------------------------------------------------------------------
# What a paragraph is (the rule every reader produces and every writer keeps)
# ---------------------------------------------------------------------------
#
# A paragraph editflow carries is a non-empty string that
#   - has no white space at either end (as `str.strip` sees it: spaces, tabs,
#     no-break spaces, U+2028/U+2029, …); readers strip it, the PO, the review
#     and the publication keep everything else byte for byte;
#   - may hold line breaks ("\n": Shift+Enter in Word), but no blank line: a
#     line holding only white space and invisible format characters (Unicode
#     category Cf: zero-width space, soft hyphen, direction marks, …), because
#     the PO joins the paragraphs of one side with a blank line;
#   - holds no control character other than tab and newline (C0 controls
#     cannot be stored in a Word document's XML: readers refuse them).
# Every other character (zero-width and no-break spaces, soft hyphens,
# direction marks, combining accents, emoji, U+2028/U+2029 inside the text) is
# the writer's and comes back out unchanged.


def is_blank(text: str) -> bool:
    """True when `text` holds nothing visible: only white space and format characters (Cf)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def paragraph_form(text: str) -> str:
    """`text` as a paragraph by the rule above: blank lines dropped, white space at both ends stripped.

    Characters are never changed, only blank lines and the ends go: a text
    already in this form is returned as it is.
    """
    if "\n" in text:
        lines = text.split("\n")
        if any(is_blank(line) for line in lines):
            text = "\n".join(line for line in lines if not is_blank(line))
    return text.strip()
