"""Plain-text and Markdown readers.

The paragraph rule is the bench's: a paragraph is every non-empty block of
lines between blank lines, nothing dropped, so that paragraph indexes of a
.txt input line up with the reference alignments.  Markdown uses the same rule
and only peels off the markup an editor would not translate.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from editflow.errors import InputError
from editflow.model import Document, Paragraph, Role
from editflow.textnorm import is_blank

# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The two single-byte encodings Ukrainian newsrooms still produce.  KOI8-R is
# folded into KOI8-U: they differ only where KOI8-U has ґ є і ї (KOI8-R has box
# drawing there), so KOI8-U is right for Ukrainian and harmless for Russian.
_CYRILLIC_CODEPAGES: tuple[str, ...] = ("cp1251", "koi8_u")
_DETECTOR_CODEPAGES: list[str] = ["cp1251", "koi8_u", "koi8_r"]

# --- the cp1251 / KOI8-U tie-breaker (see cyrillic_score) ---
# Relative letter frequencies of Ukrainian (per mille, rounded; Russian-only
# letters get a small weight so Russian text is not punished as garbage).
_LETTER_FREQ: dict[str, float] = {
    "о": 94, "а": 72, "н": 65, "и": 61, "і": 59, "в": 52, "т": 50, "е": 47,
    "р": 46, "с": 41, "к": 35, "л": 34, "д": 33, "у": 33, "м": 30, "п": 28,
    "з": 21, "я": 20, "ь": 16, "б": 16, "г": 15, "ч": 12, "й": 12, "х": 11,
    "ж": 9, "ц": 9, "ю": 8, "є": 8, "ш": 7, "ї": 6, "щ": 5, "ф": 3, "ґ": 0.5,
    "ы": 0.3, "э": 0.3, "ё": 0.2, "ъ": 0.2,
}
_TOTAL_FREQ = sum(_LETTER_FREQ.values())
_LETTER_LOGP: dict[str, float] = {k: math.log(v / _TOTAL_FREQ) for k, v in _LETTER_FREQ.items()}
_UNKNOWN_LETTER_LOGP = -10.0  # a letter that is neither Ukrainian nor Russian
# The most frequent Ukrainian letter pairs; a wrong code page maps them to
# pairs that are almost never among these.
_COMMON_BIGRAMS = frozenset({
    "ст", "на", "но", "пр", "ов", "ра", "ни", "ко", "по", "ен", "ро", "ан", "то", "ти",
    "ва", "ні", "ал", "ер", "ре", "ла", "ли", "ві", "та", "ог", "го", "ри", "ка", "не",
    "ди", "ів", "од", "ви", "ин", "ть", "ми", "мі", "ле", "ат", "ту", "ль", "ом", "ий",
    "ку", "ся", "их", "ня", "ит", "зн", "ор", "ою", "ем", "ак", "ої", "лі", "ці", "ок",
    "де", "ді", "ує", "ає", "ії", "ій", "ск", "ос", "ус", "ол", "ям", "ив", "ще", "їх",
    "єд",
})
_BIGRAM_BONUS = 1.5
# Non-letters that real Cyrillic text does contain in the 0x80–0xFF range.
# (©, ·, ¦ are left out on purpose: they are what KOI8-U ї, cp1251 Ї, ... become.)
_TYPOGRAPHY = frozenset("«»—–…’‘“”„№\u00a0°")
_NOT_LETTER_PENALTY = 12.0  # box drawing, ¦, ╡ ...: what a wrong code page produces
_CAPITAL_PENALTY = 2.0      # per word: capitalised words are rarer than small ones
_CASE_PENALTY = 4.0         # per capital after the first in a mixed-case word ("лЕЬЙЮ")
# Words (letters, possibly with ASCII letters mixed in) and runs of other
# non-ASCII characters; ASCII punctuation and digits separate them.
_TOKEN_RE = re.compile(r"[^\W\d_]+|[^\x00-\x7f\w]+")
_SCORE_SAMPLE = 200_000     # bytes; the scorer is pure Python, a sample suffices
# Below this share of non-ASCII letters the text is not Cyrillic (e.g. English
# in cp1252 with a few accents), and a Cyrillic code page would garble it.
_MIN_CYRILLIC_SHARE = 0.3

# C0 controls other than \t \n \v \f \r and ESC do not occur in prose.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


def cyrillic_score(text: str) -> float:
    """Average log-likelihood of the non-ASCII characters of `text` as Ukrainian.

    charset_normalizer alone confuses cp1251 and KOI8-U on short texts (a
    two-sentence paragraph, an all-caps headline: measured wrong on ~5% of
    such snippets, and sometimes it returns no candidate at all).  The two
    code pages put small and capital letters in swapped halves and ґєії in
    different places, so decoding with the wrong one yields words like
    "лЕЬЙЮМЖЁ", rare letters, unlikely letter pairs and box-drawing
    characters — all cheap to score with letter and pair frequencies plus a
    per-word case model.  On 3,000 random 1–8-word snippets (a fifth of them
    all caps) the final choice was wrong 22 times, all on four words or
    fewer, mostly all caps; whole sentences were always right.
    """
    n = 0
    score = 0.0
    for token in _TOKEN_RE.findall(text):
        if not token[0].isalpha():
            # Non-ASCII non-letters: typography is fine, the rest is what a
            # wrong code page makes of ґєії and of the other case's letters.
            for ch in token:
                n += 1
                if ch not in _TYPOGRAPHY:
                    score -= _NOT_LETTER_PENALTY
            continue
        low = token.lower()
        prev = ""
        for ch in low:
            if ord(ch) < 128:
                prev = ""
                continue
            n += 1
            score += _LETTER_LOGP.get(ch, _UNKNOWN_LETTER_LOGP)
            if prev + ch in _COMMON_BIGRAMS:
                score += _BIGRAM_BONUS
            prev = ch
        # Case shape: lower, Title and ALL CAPS are normal; "лЕЬЙЮ" is not.
        if token != low:
            score -= _CAPITAL_PENALTY
            if not (token.isupper() or token[1:] == low[1:]):
                score -= _CASE_PENALTY * sum(1 for ch in token[1:] if ch.isupper())
    return score / n if n else 0.0


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:_SCORE_SAMPLE]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _non_ascii_letter_share(data: bytes) -> float:
    # In Cyrillic code pages every letter is a high byte; in cp1252 English
    # only the odd accented one is.  bytes.translate keeps this at C speed.
    sample = data[:_SCORE_SAMPLE]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    total = high + ascii_letters
    return high / total if total else 0.0


def _pick_cyrillic(data: bytes) -> str | None:
    """cp1251 or koi8_u for Cyrillic single-byte data, None if it is not that."""
    if _non_ascii_letter_share(data) < _MIN_CYRILLIC_SHARE:
        return None
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    matches = from_bytes(data, cp_isolation=_DETECTOR_CODEPAGES)
    proposed = {"koi8_u" if m.encoding == "koi8_r" else m.encoding for m in matches}
    sample = data[:_SCORE_SAMPLE]
    scores: dict[str, float] = {}
    for enc in _CYRILLIC_CODEPAGES:
        try:
            scores[enc] = cyrillic_score(sample.decode(enc))
        except UnicodeDecodeError:
            continue  # cp1251 leaves 0x98 undefined: that rules it out
    if not scores:
        return None
    # The detector proposes, the letter score decides: when the detector has
    # an opinion we stay within it unless it offered only undecodable pages.
    pool = [e for e in scores if e in proposed] or list(scores)
    return max(pool, key=lambda e: scores[e])


def _best_other(data: bytes) -> Any:
    """charset_normalizer's pick for non-Cyrillic data (unsupported, but readable).

    Among equally plausible Latin code pages it picks cp1250 as often as
    cp1252; Western European text (the usual case) wants cp1252.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= least + 0.01:
            return m
    return matches[0]


def _binary(path: Path | str | None) -> InputError:
    return InputError(path, "looks like a binary file, not text", "give a .txt, .md or .docx file")


def _decode_legacy(data: bytes, path: Path | str | None) -> tuple[str, str]:
    """Decode data that is not UTF-8: Cyrillic code pages first, then anything."""
    picked = _pick_cyrillic(data)
    if picked is not None:
        return data.decode(picked), codecs.lookup(picked).name
    best = _best_other(data)
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    if _CONTROL_RE.search(data[:_SCORE_SAMPLE].decode("latin-1")):
        raise _binary(path)
    raise InputError(path, "has an encoding editflow cannot detect", "save it as UTF-8")


_UTF8_CYRILLIC = re.compile(rb"(?:[\xd0-\xd3][\x80-\xbf]){3}")


def _refuse_mixed(data: bytes, error: UnicodeDecodeError, path: Path | str | None) -> None:
    """Refuse a file whose lines are in two encodings (UTF-8 text pasted into a Windows-1251 file).

    Read as one code page, its UTF-8 lines would turn into mojibake without a word of warning.
    A line in a Cyrillic code page that is also valid UTF-8 holding three Cyrillic letters in a row
    does not occur (its letters are single bytes ≥ 0xC0, never continuation bytes), so one such
    line beside an invalid one means the file mixes encodings.
    """
    for number, line in enumerate(data.splitlines(), 1):
        if _UTF8_CYRILLIC.search(line):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            bad_line = data.count(b"\n", 0, error.start) + 1
            raise InputError(path, f"mixes encodings: line {number} is UTF-8 but line {bad_line} is not",
                             "save the whole file as UTF-8 (copy the text into a new file if need be)")


def decode_bytes(data: bytes, path: Path | str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, codec name).

    Order: BOM (UTF-8, UTF-16, UTF-32), then strict UTF-8, then the Cyrillic
    code pages, then whatever charset_normalizer finds (so an English cp1252
    file still reads).  Raises InputError for binary or undetectable data.
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise _binary(path) from None
            break
    else:
        if b"\x00" in data:
            # Without a BOM, NUL bytes mean binary: the tools editors use do
            # not write BOM-less UTF-16.
            raise _binary(path)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            _refuse_mixed(data, e, path)
            text, encoding = _decode_legacy(data, path)
    if _looks_binary(text):
        raise _binary(path)
    return text, encoding


# ---------------------------------------------------------------------------
# Paragraph splitting
# ---------------------------------------------------------------------------

# Editors count lines by these three; U+2028 and friends stay inside a line.
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
# Form feed (a page break in old text files) and vertical tab (a line break in
# text copied out of Word) are layout: white space, like the tab.
_LAYOUT_CONTROLS = str.maketrans("\f\v", "  ")
# The C0 controls left: no text holds them and a Word document cannot store
# them, so a file with a few of them (more is binary) is refused, line named.
_C0_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _refuse_controls(text: str, path: Path | str | None) -> None:
    m = _C0_RE.search(text)
    if m is None:
        return
    line = len(_LINE_END_RE.split(text[:m.start()]))
    raise InputError(path, f"line {line} holds the control character U+{ord(m.group()):04X}, which no text "
                           f"and no Word document can hold",
                     "delete it (or re-save the file from the program that made it) and try again")


def _blocks(text: str, lines: bool = False) -> Iterator[list[tuple[int, str]]]:
    """Yield blank-line-separated blocks as (1-based line number, stripped line).

    A line is blank when it holds nothing visible (`textnorm.is_blank`: white
    space and zero-width characters only); the other lines keep every
    character, zero-width ones included.  A byte-order mark at the very start
    is the encoding's signature, not text.  `lines`: every line is a block of
    its own (text pasted from a web page: a paragraph a line).
    """
    block: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_END_RE.split(text.removeprefix("\ufeff").translate(_LAYOUT_CONTROLS)), 1):
        stripped = line.strip()  # str.strip covers NBSP and other Unicode spaces
        if not is_blank(stripped):
            if lines and block and not _SETEXT_RE.match(stripped):
                yield block
                block = []
            block.append((number, stripped))
        elif block:
            yield block
            block = []
    if block:
        yield block


def text_paragraphs(text: str, lines: bool = False) -> list[Paragraph]:
    """Paragraphs of a plain-text article, located by their first line number (`lines`: one a line)."""
    return [
        Paragraph(" ".join(line for _, line in block), "body", str(block[0][0]))
        for block in _blocks(text, lines)
    ]


def read_text_paragraphs(text: str) -> list[str]:
    """The paragraph texts of a plain-text article (see `text_paragraphs`)."""
    return [p.text for p in text_paragraphs(text)]


# --- Markdown ---------------------------------------------------------------

_ATX_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^(=+|-+)$")
_QUOTE_MARK_RE = re.compile(r"^(?:>[ \t]?)+")
_ESCAPE_RE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1")
_IMAGE_RE = re.compile(r"!\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\)")
_LINK_RE = re.compile(r"\[([^\[\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"]*\")?\)")
# Emphasis: the marker must hug the text (`*x*`, not `2 * 3 * 4`), and `_` only
# counts at word edges so snake_case and URLs survive.
_EMPHASIS_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("***", re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*")),
    ("**", re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")),
    ("___", re.compile(r"(?<!\w)___(?=\S)(.+?)(?<=\S)___(?!\w)")),
    ("__", re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")),
    ("*", re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*")),
    ("_", re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")),
)
# Protected spans are parked in the Private Use Area while markup is stripped.
_PARK_BASE = 0xF0000
_PARKED_RE = re.compile("[\U000f0000-\U000fffff]")


def strip_inline_markdown(text: str) -> str:
    """Reduce emphasis and links to their text; leave everything else literal.

    Square brackets that are not links (`[Russians – ed.]`) are editorial
    content and stay.  Code spans and backslash escapes are protected so their
    `*` and `_` are not taken for emphasis.
    """
    if not any(marker in text for marker in "*_[`\\"):
        return text  # the common case; keeps large files fast
    parked: list[str] = []

    def park(s: str) -> str:
        parked.append(s)
        return chr(_PARK_BASE + len(parked) - 1)

    # Characters of the parking range the text itself holds are parked first,
    # so that they come back as themselves (and are not taken for a parked span).
    text = _PARKED_RE.sub(lambda m: park(m.group(0)), text)
    text = _CODE_SPAN_RE.sub(lambda m: park(m.group(0)), text)
    text = _ESCAPE_RE.sub(lambda m: park(m.group(1)), text)
    text = _IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _LINK_RE.sub(lambda m: m.group(1), text)
    for marker, pattern in _EMPHASIS_RES:
        if marker not in text:
            continue
        changed = 1
        while changed:  # nested emphasis peels one layer per pass
            text, changed = pattern.subn(r"\1", text)
    if parked:
        text = _PARKED_RE.sub(lambda m: _unpark(m.group(0), parked), text)
    return text


def _unpark(ch: str, parked: list[str]) -> str:
    index = ord(ch) - _PARK_BASE
    return parked[index] if index < len(parked) else ch


def _md_line(line: str) -> str:
    # A trailing backslash is a Markdown hard line break, not text.
    if line.endswith("\\") and not line.endswith("\\\\"):
        line = line[:-1].rstrip()
    return line


def markdown_paragraphs(text: str, lines: bool = False) -> list[Paragraph]:
    """Paragraphs of a Markdown article with structural roles.

    Same block rule as plain text; ATX heading lines are split off their block
    (Markdown renders them as separate blocks even without a blank line).  The
    first level-1 heading is the title, other headings are "heading".
    """
    out: list[Paragraph] = []
    have_title = False

    def heading(level: int, content: str, number: int) -> None:
        nonlocal have_title
        content = strip_inline_markdown(content).strip()
        if not content:
            return
        role: Role = "heading"
        if level == 1 and not have_title:
            role, have_title = "title", True
        out.append(Paragraph(content, role, str(number)))

    def body(lines: list[tuple[int, str]], role: Role = "body") -> None:
        if lines:
            joined = " ".join(_md_line(line) for _, line in lines).strip()
            if joined:
                out.append(Paragraph(strip_inline_markdown(joined), role, str(lines[0][0])))

    for block in _blocks(text, lines):
        first = block[0][1]
        if first.startswith(">"):
            body([(n, _QUOTE_MARK_RE.sub("", line).strip()) for n, line in block], "quote")
            continue
        last = block[-1][1]
        if (len(block) >= 2 and _SETEXT_RE.match(last)
                and not any(_ATX_RE.match(line) for _, line in block[:-1])):
            content = " ".join(_md_line(line) for _, line in block[:-1])
            heading(1 if last[0] == "=" else 2, content, block[0][0])
            continue
        pending: list[tuple[int, str]] = []
        for number, line in block:
            m = _ATX_RE.match(line)
            if m:
                body(pending)
                pending = []
                heading(len(m.group(1)), m.group(2) or "", number)
            else:
                pending.append((number, line))
        body(pending)
    return out


# ---------------------------------------------------------------------------
# Reader entry point
# ---------------------------------------------------------------------------

def document_from_bytes(data: bytes, path: Path, fmt: str, lang: str, sha256: str,
                        lines: bool = False) -> Document:
    """Build a Document from a text or Markdown file's bytes (fmt "txt" or "md"; `lines`: a paragraph a line)."""
    if not data:
        raise InputError(path, "has no text", "the file is empty")
    text, encoding = decode_bytes(data, path)
    _refuse_controls(text, path)
    paragraphs = markdown_paragraphs(text, lines) if fmt == "md" else text_paragraphs(text, lines)
    if not paragraphs:
        raise InputError(path, "has no text", "check that you picked the right file")
    return Document(paragraphs=paragraphs, path=path, lang=lang, format=fmt,
                    encoding=encoding, sha256=sha256, paragraphing="lines" if lines else "blank")
