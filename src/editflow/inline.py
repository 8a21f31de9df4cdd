"""Inline formatting in the PO text: italics, bold and links as a small tag set.

A translator's italics, bold and hyperlinks travel in the PO as inline tags,
the way CAT tools carry them, so that Poedit shows them, a translator can
edit them, and they move with their words when a sentence is rewritten:

    <i>…</i>                italics
    <b>…</b>                bold
    <a href="ADDRESS">…</a> a hyperlink to ADDRESS

Nothing else is a tag.  Tags nest (`<b><i>…</i></b>`), but a link does not
hold another link and no tag crosses a paragraph break.  Readers write them
in one canonical form: a link outermost, then bold, then italics; white space
at either edge of a formatted stretch is written outside it (`<i>Kyiv</i> Post`,
not `<i>Kyiv </i>Post`); an address with spaces, quotes or angle brackets is
percent-encoded there, and one Word stored percent-encoded is written with
its letters (`…/wiki/Київ`).  An address is otherwise taken as written:
`&` in a query string stays `&`.

Literal text that would read as markup is escaped by the readers: a `<` that
opens something tag-like (`<i>`, `</b>`, `<a href=…>`, and the HTML tags a
translator might type instead: `<em>`, `<u>`, `<span …>`, `<br/>` …) is
written `&lt;`, and an `&` that would start `&lt;` or `&amp;` is written
`&amp;`.  Every other `<` and `&` (`a < b`, `AT&T`) stays as it is.  Every
writer reads `&lt;` and `&amp;` back as `<` and `&`.

Markup a person typed that is not the tag set (an unknown tag, `<I>`, an
`<i>` never closed, `</b>` closing nothing, crossed tags, a link without an
address) makes its paragraph *literal*: the checks report it
(`typography.tags`), and every writer shows that paragraph's text as it
stands, tags as text (escapes still read as their characters), rather than
guess.

The checks and the aligner read the text without tags (`Markup.plain`); a
`Markup` maps offsets between the two (`to_tagged`, `to_plain`), so that a
finding found in the plain text marks the very words in the PO.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

SEP = "\n\n"   # the PO's paragraph separator (editflow.po.SEP): no tag crosses it


@dataclass(frozen=True)
class Format:
    """How a stretch of text is formatted: italics, bold, and the address it links to ("" for none)."""
    italic: bool = False
    bold: bool = False
    href: str = ""

    def __bool__(self) -> bool:
        return self.italic or self.bold or bool(self.href)


PLAIN = Format()
Piece = tuple[str, Format]


@dataclass(frozen=True)
class Problem:
    """Markup that is not the tag set, as [start, end) in the text as written."""
    start: int
    end: int
    message: str


@dataclass
class Markup:
    """A text as written in the PO, read: its plain text, formatted stretches, problems and offset maps.

    `formats` are (start, end, Format) in plain offsets, in order, never PLAIN.
    `starts[k]`/`ends[k]`: where plain character k is written in `text` (an
    escape takes 4 or 5 characters); both None when the two texts are the same.
    """
    text: str
    plain: str
    formats: list[tuple[int, int, Format]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    starts: list[int] | None = None
    ends: list[int] | None = None

    @property
    def literal(self) -> bool:
        """Whether some paragraph's markup was not the tag set, so its text is shown as written."""
        return bool(self.problems)

    def pieces(self) -> list[Piece]:
        """The plain text cut into (text, Format) stretches, unformatted ones included, in order."""
        out: list[Piece] = []
        pos = 0
        for start, end, fmt in self.formats:
            if start > pos:
                out.append((self.plain[pos:start], PLAIN))
            out.append((self.plain[start:end], fmt))
            pos = end
        if pos < len(self.plain) or not out:
            out.append((self.plain[pos:], PLAIN))
        return out

    def shown_pieces(self) -> list[Piece]:
        """`pieces` as every writer shows them: a paragraph whose markup is not the tag set as one
        unformatted stretch, its tags as text."""
        return [(self.plain, PLAIN)] if self.literal else self.pieces()

    def to_tagged(self, span: tuple[int, int]) -> tuple[int, int]:
        """A [start, end) span of the plain text as offsets into the text as written (tags at its edges left out)."""
        if self.starts is None or self.ends is None:
            return span
        n = len(self.plain)
        a, b = max(0, min(span[0], n)), max(0, min(span[1], n))
        if b <= a:
            at = self.starts[a] if a < n else len(self.text)
            return at, at
        return self.starts[a], self.ends[b - 1]

    def to_plain(self, span: tuple[int, int]) -> tuple[int, int]:
        """A [start, end) span of the text as written as offsets into the plain text (the characters it covers)."""
        if self.starts is None:
            return span
        a, b = bisect_left(self.starts, span[0]), bisect_left(self.starts, span[1])
        return a, max(a, b)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

_TAG = re.compile(r'<(?:(i|b)|/(i|b|a))>|<a href="([^"<>]*)">')
# What reads as an attempt at a tag: ours, ours misspelt, and the HTML tags people type instead.
_NAMES = ("a|abbr|b|big|br|cite|code|del|dfn|div|em|font|hr|i|img|ins|kbd|mark|p|q|s|samp|small|span|"
          "strike|strong|sub|sup|tt|u|var")
_TAGLIKE = re.compile(rf"<\s*/?\s*(?:{_NAMES})(?=[\s/>])[^<>]*>", re.IGNORECASE)
_SPECIAL = re.compile(r"[<&]")
_BETTER = {"em": "<i>", "cite": "<i>", "var": "<i>", "dfn": "<i>", "strong": "<b>"}


def _describe(tag: str) -> str:
    name = re.sub(r"[^a-z]", "", tag.lower().split()[0] if tag.split() else tag.lower())
    if name == "a":
        return f'{tag}: a link is written <a href="ADDRESS">…</a>'
    if name in ("i", "b") and tag != tag.lower():
        return f"{tag}: the tags are written in lower case, <{name}>"
    if name in ("i", "b"):
        return f"{tag}: write <{name}> and </{name}> exactly"
    better = _BETTER.get(name)
    if better:
        return f"unknown tag {tag}: write {better}"
    return f'unknown tag {tag} (editflow keeps <i>, <b> and <a href="…">; write a literal < as &lt;)'


def _literal(text: str, base: int, problems: list[Problem]) -> Markup:
    """A paragraph whose markup is not the tag set: every `<` is text, escapes still read."""
    if "&" not in text:
        return Markup(text, text, [], problems)
    plain: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        width = 4 if text.startswith("&lt;", i) else 5 if text.startswith("&amp;", i) else 1
        plain.append("<" if width == 4 else "&" if width == 5 else text[i])
        starts.append(base + i)
        ends.append(base + i + width)
        i += width
    return Markup(text, "".join(plain), [], problems, starts, ends)


def _paragraph(text: str, base: int) -> Markup:
    """Read one paragraph; offsets in the result's maps and problems are shifted by `base`."""
    plain: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    formats: list[tuple[int, int, Format]] = []
    problems: list[Problem] = []
    stack: list[tuple[str, str, int, int]] = []   # (tag name, href, start, end) of the open tags
    fmt = PLAIN
    run_start = 0

    def put(chars: str, start: int, width: int) -> None:
        for k, ch in enumerate(chars):
            plain.append(ch)
            starts.append(base + start + k * width)
            ends.append(base + start + (k + 1) * width)

    def switch() -> None:
        nonlocal fmt, run_start
        new = Format(italic=any(t[0] == "i" for t in stack), bold=any(t[0] == "b" for t in stack),
                     href=next((t[1] for t in stack if t[0] == "a"), ""))
        if new != fmt:
            if fmt and len(plain) > run_start:
                formats.append((run_start, len(plain), fmt))
            fmt, run_start = new, len(plain)

    pos = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i < pos:
            continue
        put(text[pos:i], pos, 1)
        if text.startswith("&lt;", i):
            put("<", i, 4)
            pos = i + 4
            continue
        if text.startswith("&amp;", i):
            put("&", i, 5)
            pos = i + 5
            continue
        if text[i] == "&":
            put("&", i, 1)
            pos = i + 1
            continue
        tag = _TAG.match(text, i)
        if tag is not None:
            pos = tag.end()
            opened, closed, href = tag.group(1), tag.group(2), tag.group(3)
            if opened:
                stack.append((opened, "", i, pos))
            elif href is not None:
                if not href.strip():
                    problems.append(Problem(base + i, base + pos, f"{tag.group()}: a link without an address"))
                elif any(t[0] == "a" for t in stack):
                    problems.append(Problem(base + i, base + pos, f"{tag.group()}: a link inside a link"))
                stack.append(("a", href, i, pos))
            else:
                if stack and stack[-1][0] == closed:
                    stack.pop()
                elif any(t[0] == closed for t in stack):
                    inner = stack[-1][0]
                    problems.append(Problem(base + i, base + pos,
                                            f"</{closed}> closes <{closed}> before </{inner}> closes <{inner}> "
                                            f"(tags cross)"))
                    stack = [t for t in stack if t[0] != closed]
                else:
                    problems.append(Problem(base + i, base + pos, f"</{closed}> closes no <{closed}>"))
            switch()
            continue
        like = _TAGLIKE.match(text, i)
        if like is not None:
            problems.append(Problem(base + i, base + like.end(), _describe(like.group())))
            put(like.group(), i, 1)
            pos = like.end()
            continue
        put("<", i, 1)
        pos = i + 1
    put(text[pos:], pos, 1)
    for name, _href, start, end in stack:
        problems.append(Problem(base + start, base + end, f"<{name}> is not closed before the paragraph ends"
                                if name != "a" else f"{text[start:end]} is not closed by </a> before the "
                                                    f"paragraph ends"))
    if problems:
        problems.sort(key=lambda p: p.start)
        return _literal(text, base, problems)
    if fmt and len(plain) > run_start:
        formats.append((run_start, len(plain), fmt))
    joined = "".join(plain)
    if joined == text:
        return Markup(text, joined, formats)
    return Markup(text, joined, formats, [], starts, ends)


def parse(text: str) -> Markup:
    """Read a PO side (its paragraphs separated by a blank line) into plain text, formatting and maps."""
    if "<" not in text and "&" not in text:
        return Markup(text, text)
    if SEP not in text:
        return _paragraph(text, 0)
    parts: list[Markup] = []
    base = 0
    for part in text.split(SEP):
        parts.append(_paragraph(part, base) if ("<" in part or "&" in part) else Markup(part, part))
        base += len(part) + len(SEP)
    return _join(text, parts)


def _join(text: str, parts: Sequence[Markup]) -> Markup:
    plain = SEP.join(p.plain for p in parts)
    formats: list[tuple[int, int, Format]] = []
    problems: list[Problem] = []
    starts: list[int] = []
    ends: list[int] = []
    offset = base = 0
    for k, p in enumerate(parts):
        if k:
            starts += [base - 2, base - 1]
            ends += [base - 1, base]
        formats += [(a + offset, b + offset, f) for a, b, f in p.formats]
        problems += p.problems
        if p.starts is not None and p.ends is not None:
            starts += p.starts
            ends += p.ends
        else:
            starts += range(base, base + len(p.plain))
            ends += range(base + 1, base + len(p.plain) + 1)
        offset += len(p.plain) + len(SEP)
        base += len(p.text) + len(SEP)
    if plain == text:
        return Markup(text, plain, formats, problems)
    return Markup(text, plain, formats, problems, starts, ends)


def plain(text: str) -> str:
    """The text without its tags and escapes, as the checks, the aligner and the memory's look-ups read it."""
    if "<" not in text and "&" not in text:
        return text
    return parse(text).plain


def is_valid(text: str) -> bool:
    """Whether every paragraph's markup is the tag set."""
    return not parse(text).problems


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def escape(text: str) -> str:
    """Literal text as the PO holds it: only a `<` that would read as a tag and an `&` that would read as an
    escape are escaped, so that `parse(escape(t)).plain == t` and nothing in it reads as a tag."""
    if "<" not in text and "&" not in text:
        return text
    if SEP in text:
        # No tag crosses a paragraph break: each paragraph is escaped on its own.
        return SEP.join(escape(part) for part in text.split(SEP))
    # From the end: whether a `<` reads as a tag depends only on the (escaped) text after it.
    tail = ""
    end = len(text)
    for m in reversed(list(_SPECIAL.finditer(text))):
        i = m.start()
        tail = text[i + 1:end] + tail
        if text[i] == "<":
            tail = ("&lt;" if _TAGLIKE.match("<" + tail) else "<") + tail
        else:
            tail = ("&amp;" if tail.startswith(("lt;", "amp;")) else "&") + tail
        end = i
    return text[:end] + tail


_HREF_UNSAFE = re.compile(r'["<>\s\x00-\x1f\x7f]')
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def canonical_href(address: str) -> str:
    """An address as a tag holds it: letters Word stored percent-encoded as letters, and the characters
    that would end the tag or break a line (quotes, angle brackets, white space) percent-encoded."""
    address = address.strip()
    if "%" in address:
        address = _PERCENT_RUN.sub(_decode_letters, address)
    if _HREF_UNSAFE.search(address):
        address = _HREF_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), address)
    return address


def _decode_letters(m: re.Match[str]) -> str:
    """A run of %XX escapes with its non-ASCII UTF-8 characters decoded; ASCII escapes (%20, %2F) kept."""
    raw = bytes(int(m.group()[k + 1:k + 3], 16) for k in range(0, len(m.group()), 3))
    out: list[str] = []
    k = 0
    while k < len(raw):
        b = raw[k]
        width = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 1
        if width > 1:
            try:
                ch = raw[k:k + width].decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            if len(ch) == 1 and ch.isprintable() and not ch.isspace():
                out.append(ch)
                k += width
                continue
        out.append(f"%{b:02X}")
        k += 1
    return "".join(out)


def uri(address: str) -> str:
    """An address as a Word relationship stores it: ASCII, everything else percent-encoded as UTF-8."""
    from urllib.parse import quote

    return quote(address, safe="!#$%&'()*+,/:;=?@[]~")


def _trim(pieces: Iterable[Piece]) -> list[Piece]:
    """Adjacent pieces of one format merged, empty ones dropped, white space at a formatted stretch's edges
    moved out of it (for each of italics, bold and the link on its own)."""
    chars: list[str] = []
    fmts: list[Format] = []
    for text, fmt in pieces:
        if fmt.href:
            fmt = replace(fmt, href=canonical_href(fmt.href))
        chars += text
        fmts += [fmt] * len(text)
    n = len(chars)
    unset: tuple[tuple[str, Callable[[Format], Format]], ...] = (
        ("italic", lambda f: replace(f, italic=False)), ("bold", lambda f: replace(f, bold=False)),
        ("href", lambda f: replace(f, href="")))
    for attr, off in unset:
        k = 0
        while k < n:
            value = getattr(fmts[k], attr)
            if not value:
                k += 1
                continue
            end = k
            while end < n and getattr(fmts[end], attr) == value:
                end += 1
            a, b = k, end
            while a < b and chars[a].isspace():
                fmts[a] = off(fmts[a])
                a += 1
            while b > a and chars[b - 1].isspace():
                fmts[b - 1] = off(fmts[b - 1])
                b -= 1
            k = end
    out: list[Piece] = []
    for ch, fmt in zip(chars, fmts, strict=True):
        if out and out[-1][1] == fmt:
            out[-1] = (out[-1][0] + ch, fmt)
        else:
            out.append((ch, fmt))
    return out


def _tags(fmt: Format) -> list[tuple[str, str]]:
    """The tags a format opens, outermost first: (opening tag, closing tag)."""
    out = []
    if fmt.href:
        out.append((f'<a href="{fmt.href}">', "</a>"))
    if fmt.bold:
        out.append(("<b>", "</b>"))
    if fmt.italic:
        out.append(("<i>", "</i>"))
    return out


def compose(pieces: Iterable[Piece]) -> str:
    """Text and formats as the PO holds them: the text escaped, the tags in their canonical form.

    A paragraph's pieces (no paragraph break inside); `compose(parse(t).pieces())` is `t` for a text a
    reader wrote, and the canonical form of any other valid one.
    """
    out: list[str] = []
    open_: list[tuple[str, str]] = []
    for text, fmt in _trim(pieces):
        want = _tags(fmt)
        keep = 0
        while keep < min(len(open_), len(want)) and open_[keep] == want[keep]:
            keep += 1
        out += [close for _open, close in reversed(open_[keep:])]
        out += [opening for opening, _close in want[keep:]]
        open_ = want
        out.append(escape(text))
    out += [close for _open, close in reversed(open_)]
    return "".join(out)


def canonical(text: str) -> str:
    """The one way a reader writes what `text` says: tags in canonical form, a literal paragraph escaped.

    Two texts that say the same (the same words, formatted the same way) have the same canonical form;
    a word processor's text read back is in it already.
    """
    if "<" not in text and "&" not in text:
        return text
    return SEP.join(compose(parse(part).shown_pieces()) for part in text.split(SEP))


def cut(text: str, start: int, end: int | None = None) -> str:
    """The paragraph `text` from plain offset `start` to `end` (default: its end), its formatting kept
    (a label cut off a headline)."""
    markup = parse(text)
    stop = len(markup.plain) if end is None else end
    if markup.literal:
        return escape(markup.plain[start:stop])
    out: list[Piece] = []
    pos = 0
    for piece, fmt in markup.pieces():
        last = pos + len(piece)
        if last > start and pos < stop:
            out.append((piece[max(0, start - pos):stop - pos], fmt))
        pos = last
    return compose(out)


def without_whole_emphasis(text: str) -> str:
    """The paragraph without italics or bold that cover every word of it (a site's style for its
    headlines, subheadings and bylines, which the publication styles by role); a link kept."""
    if "<" not in text:
        return text
    markup = parse(text)
    if markup.literal:
        return text
    pieces = [(t, f) for t, f in markup.pieces() if t.strip()]
    if not pieces or len({f for _, f in pieces}) != 1 or not (pieces[0][1].italic or pieces[0][1].bold):
        return text
    href = pieces[0][1].href
    return compose([(t, Format(href=href) if f else PLAIN) for t, f in markup.pieces()])


def split(text: str, offset: int) -> tuple[str, str]:
    """A paragraph cut in two at `offset` into the text as written, each half keeping its formatting (a tag
    open at the cut is closed before it and opened again after it)."""
    if "<" not in text and "&" not in text:
        return text[:offset], text[offset:]
    at = parse(text).to_plain((offset, offset))[0]
    return cut(text, 0, at), cut(text, at)


def paragraph_pieces(pieces: Iterable[Piece]) -> list[Piece]:
    """Formatted text brought to the paragraph rule (`textnorm.paragraph_form`): blank lines and the white
    space at both ends dropped, every other character kept with its format."""
    from editflow.textnorm import is_blank

    chars: list[str] = []
    fmts: list[Format] = []
    for text, fmt in pieces:
        chars += text
        fmts += [fmt] * len(text)
    text = "".join(chars)
    keep = [True] * len(chars)
    if "\n" in text:
        lines = text.split("\n")
        if any(is_blank(line) for line in lines):
            # Kept: the lines that are not blank, each after the line break before it (the first one's aside).
            keep = [False] * len(chars)
            pos = 0
            first = True
            for line in lines:
                end = pos + len(line)
                if not is_blank(line):
                    keep[pos:end] = [True] * (end - pos)
                    if not first:
                        keep[pos - 1] = True
                    first = False
                pos = end + 1
    kept = [k for k in range(len(chars)) if keep[k]]
    while kept and chars[kept[0]].isspace():
        kept.pop(0)
    while kept and chars[kept[-1]].isspace():
        kept.pop()
    out: list[Piece] = []
    for k in kept:
        if out and out[-1][1] == fmts[k]:
            out[-1] = (out[-1][0] + chars[k], fmts[k])
        else:
            out.append((chars[k], fmts[k]))
    return out


def strip_ends(text: str) -> str:
    """A paragraph's tagged text without white space at its ends (which may stand inside its tags)."""
    if "<" not in text and "&" not in text:
        return text.strip()
    markup = parse(text)
    if markup.plain == markup.plain.strip():
        return text
    if markup.literal:
        return escape(markup.plain.strip())
    return compose(paragraph_pieces(markup.pieces()))


def split_lines(text: str) -> list[str]:
    """A paragraph's lines (split at its line breaks), each keeping its formatting and without white space
    at its ends; lines with no words left out."""
    if "<" not in text and "&" not in text:
        return [line.strip() for line in text.split("\n") if line.strip()]
    markup = parse(text)
    if markup.literal:
        return [escape(line.strip()) for line in markup.plain.split("\n") if line.strip()]
    lines: list[list[Piece]] = [[]]
    for piece, fmt in markup.pieces():
        for k, part in enumerate(piece.split("\n")):
            if k:
                lines.append([])
            lines[-1].append((part, fmt))
    out = [strip_ends(compose(line)) for line in lines]
    return [line for line in out if plain(line).strip()]
