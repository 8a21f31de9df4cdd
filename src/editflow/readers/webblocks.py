"""A web page as the blocks of text a reader sees, in order: paragraphs, headings, list items, cells.

Each block keeps the element its text belongs to (for what the markup says about it), the file
line it starts on, how much of it is link or bold text, and its text with italics, bold and links
as editflow's inline tags.  A `<br>` is a line break inside a block, two in a row end it.  Which
blocks are the article is `readers.webarticle`'s decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from editflow.inline import PLAIN, Format, Piece, canonical_href, compose, escape
from editflow.textnorm import INVISIBLE

# Elements that start a block of text (everything else is inline: its text runs on).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "label", "legend", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# Elements whose content is never text a reader sees on the page.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "textarea", "input", "img", "picture", "source", "map",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE_OUT = str.maketrans("", "", INVISIBLE)
_BREAK = "\x00"  # stands for a <br> while a block's text is assembled
_LINK_OPEN, _LINK_CLOSE = "\x01", "\x02"  # fence link text while a block's text is assembled
_BOLD_OPEN, _BOLD_CLOSE = "\x03", "\x04"  # and bold text
_LINKED = re.compile("\x01([^\x02]*)\x02")
_BOLD = re.compile("\x03([^\x04]*)\x04")
_FENCES = re.compile("[\x01-\x04]")


def _fenced(rx: re.Pattern[str], piece: str) -> int:
    return sum(len(SPACES.sub(" ", _FENCES.sub("", m)).strip()) for m in rx.findall(piece))


@dataclass
class Block:
    """A run of text the page shows as one block: a paragraph, a heading, a list item, a cell."""
    lines: list[tuple[str, int]]  # the block's lines (split at <br>) and the line of the file each starts on
    owner: Any                    # the element the text belongs to
    index: int = 0                # position among the page's blocks
    linked: int = 0               # characters of the block's text inside links
    bold: int = 0                 # characters of the block's text in <b> or <strong>
    # The lines as the PO holds them: italics, bold and links as inline tags (editflow.inline).
    tagged: list[str] = field(default_factory=list)

    @property
    def tagged_text(self) -> str:
        return "\n".join(self.tagged) if self.tagged else self.text

    @property
    def size(self) -> int:
        return sum(len(text) for text, _ in self.lines)

    @property
    def link_share(self) -> float:
        """How much of the block is link text: menus and lists of other articles are nearly all links."""
        return self.linked / self.size if self.size else 0.0

    @property
    def bold_heading(self) -> bool:
        """A short line all in bold, not a sentence: how pages without <h2> set subheadings."""
        text = self.text
        return (self.bold >= 0.95 * self.size and len(text.split()) <= 12 and "\n" not in text
                and not HEADING_END.search(text) and not text.rstrip("\"'»”’) ").endswith("?"))

    @property
    def text(self) -> str:
        return "\n".join(text for text, _ in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0][1]


def _hidden(el: Any) -> bool:
    # (aria-hidden hides from screen readers what sighted readers see: a "·" between a byline's
    # name and date, an icon; it is read.)
    return (el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
            or bool(_UNSEEN.search(el.get("class") or "")))


# Text a sighted reader does not see as the article's: screen-reader-only labels, a wiki's "[edit]"
# links beside its headings, the "#" anchors beside a static site's.
_UNSEEN = re.compile(r"(?:^|\s)(?:sr-only|screen-reader-text|visually-?hidden|mw-editsection|editsection|headerlink|"
                     r"anchor-link|heading-anchor)(?:\s|$)", re.IGNORECASE)


class _Walker:
    def __init__(self, base: str = "") -> None:
        self.base = base               # the page's address, for its relative links
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._formats: list[Format] = []   # the formatting of each part (PLAIN for a <br>)
        self._starts: list[int] = []   # the file line where each line of the pending text starts
        self._owner: Any = None
        self._in_link = 0
        self._in_bold = 0
        self._format = PLAIN           # italics, bold and the link the text being walked stands in

    def _add(self, text: str | None, line: int) -> None:
        if text:
            if not self._starts:
                self._starts.append(line)
            # Link and bold text are fenced so that each block can count them once the text is split.
            if self._in_link:
                text = f"{_LINK_OPEN}{text}{_LINK_CLOSE}"
            if self._in_bold:
                text = f"{_BOLD_OPEN}{text}{_BOLD_CLOSE}"
            self._parts.append(text)
            self._formats.append(self._format)

    def _break(self, line: int) -> None:
        self._parts.append(_BREAK)
        self._formats.append(PLAIN)
        self._starts.append(line)

    def flush(self) -> None:
        raw = "".join(self._parts)
        starts = self._starts
        # The parts of each piece between <br>s, with their formatting.
        grouped: list[list[Piece]] = [[]]
        for part, fmt in zip(self._parts, self._formats, strict=True):
            if part == _BREAK:
                grouped.append([])
            else:
                grouped[-1].append((part, fmt))
        self._parts, self._formats, self._starts = [], [], []
        if not raw.strip() or self._owner is None:
            return
        pieces = raw.split(_BREAK)
        # Each piece after the first began at a <br>; one with no text of its own (two <br> in a row,
        # or a <br> first) is the blank line that separates paragraphs.
        lines: list[tuple[str, int]] = []
        tagged: list[str] = []
        first_line = starts[0] if starts else 0
        offset = 0 if raw.startswith(_BREAK) else 1
        linked = bold = 0
        for n, piece in enumerate(pieces):
            piece = piece.translate(INVISIBLE_OUT)
            text = SPACES.sub(" ", _FENCES.sub("", piece)).strip()
            line = first_line if n == 0 else starts[min(n - 1 + offset, len(starts) - 1)]
            if text:
                linked += _fenced(_LINKED, piece)
                bold += _fenced(_BOLD, piece)
                lines.append((text, line))
                tagged.append(_tagged_line(grouped[n], text))
            elif lines:
                self._emit(lines, linked, bold, tagged)
                lines, tagged, linked, bold = [], [], 0, 0
        if lines:
            self._emit(lines, linked, bold, tagged)

    def _emit(self, lines: list[tuple[str, int]], linked: int, bold: int, tagged: list[str]) -> None:
        self.blocks.append(Block(lines, self._owner, len(self.blocks), linked, bold, tagged))

    def block(self, el: Any) -> None:
        """Walk a block element: its own text and inline children, then each block child in turn."""
        self.flush()
        self._owner = el
        line = el.sourceline or 0
        self._add(el.text, line)
        for child in el:
            self._child(child, el)
        self.flush()

    def _child(self, child: Any, parent_block: Any) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        line = child.sourceline or 0
        if tag and tag not in SKIP_TAGS and not _hidden(child):
            if tag == "br":
                self._break(line)
            elif tag == "pre":
                # Preformatted text keeps its line breaks.
                self.flush()
                self._owner = child
                self._add(child.text_content().replace("\n", _BREAK), line)
                self.flush()
                self._owner = parent_block
            elif tag in _BLOCK_TAGS:
                self.block(child)
                self._owner = parent_block
            else:
                link = tag == "a" and child.get("href") is not None
                bold = tag in ("b", "strong")
                self._in_link += link
                self._in_bold += bold
                outer = self._format
                self._format = _inline_format(tag, child, outer, self.base)
                self._add(child.text, line)
                for grandchild in child:
                    self._child(grandchild, parent_block)
                self._format = outer
                self._in_link -= link
                self._in_bold -= bold
        self._add(child.tail, line)


_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
_BOLD_TAGS = frozenset({"b", "strong"})


def _inline_format(tag: str, el: Any, outer: Format, base: str = "") -> Format:
    """The formatting inside an inline element: italics, bold, a link to an address (not to a place in the
    page or a script), on top of what it stands in.

    A relative link is made absolute against the page's address (`base`); with
    no address known it is dropped and its words kept: in the publication it
    would point nowhere.
    """
    if tag in _ITALIC_TAGS and not outer.italic:
        return Format(True, outer.bold, outer.href)
    if tag in _BOLD_TAGS and not outer.bold:
        return Format(outer.italic, True, outer.href)
    if tag == "a" and not outer.href:
        href = (el.get("href") or "").strip()
        if href and not href.startswith("#") and not href.lower().startswith(("javascript:", "data:")):
            absolute = absolute_href(href, base)
            if absolute:
                return Format(outer.italic, outer.bold, canonical_href(absolute))
    return outer


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def absolute_href(href: str, base: str) -> str:
    """`href` as an address that works outside the page: as written when it has a scheme
    (https:, mailto:, tel:), joined to `base` when that is a web address, else ""."""
    if _SCHEME.match(href):
        return href
    if href.startswith("//"):
        return "https:" + href
    if base.lower().startswith(("http://", "https://")):
        return urljoin(base, href)
    return ""


def page_address(root: Any, known: str = "") -> str:
    """The page's own web address, against which its relative links read: the one it was fetched from
    or saved with (`known`), else what the page declares (<base href>, its canonical link, og:url)."""
    candidates = [known]
    candidates += root.xpath("//base/@href") + root.xpath("//link[@rel='canonical']/@href")
    candidates += root.xpath("//meta[@property='og:url']/@content")
    for c in candidates:
        c = (c or "").strip()
        if c.lower().startswith(("http://", "https://")):
            return c
    return ""


def _tagged_line(pieces: list[Piece], text: str) -> str:
    """One line of a block as the PO holds it: the characters of its plain `text` (invisible ones and
    fences out, white space runs one space, the ends stripped), formatting as tags."""
    if not any(fmt for _part, fmt in pieces):
        return escape(text)
    chars: list[str] = []
    fmts: list[Format] = []
    for part, fmt in pieces:
        for ch in _FENCES.sub("", part.translate(INVISIBLE_OUT)):
            if SPACES.match(ch):
                if chars and chars[-1] == " ":   # (a " " here can only stand for a run of white space)
                    continue
                ch = " "
            chars.append(ch)
            fmts.append(fmt)
    start, end = 0, len(chars)
    while start < end and chars[start].isspace():
        start += 1
    while end > start and chars[end - 1].isspace():
        end -= 1
    return compose([(ch, fmt) for ch, fmt in zip(chars[start:end], fmts[start:end], strict=True)])


def page_blocks(root: Any, base: str = "") -> list[Block]:
    walker = _Walker(base)
    body = root.find("body")
    walker.block(body if body is not None else root)
    return walker.blocks


SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*$")
HEADING_END = re.compile(r"[.!:;,…][\"'»”’)]*$")
