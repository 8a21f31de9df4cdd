"""`typography.*`: the English side's quotes, brackets, spaces, doubled words and dashes.

All of these read the English with editorial notes blanked out (a note is
the ednote checks' business), except `double-space`, which is about the
text as typed.  Each is tuned to stay quiet on what English news copy does
legitimately:

- apostrophes are not quotes (`don't`, `Kyiv's`, `rock 'n' roll`, `'90s`,
  `a 5' wall`), and a straight `"` after a digit is an inch mark;
- a quotation that runs over several paragraphs leaves its opening quote
  unclosed at the end of every paragraph but the last, and the next
  paragraph opens with a quote again: that is the news convention, not an
  unbalanced quote;
- an imbalance the Ukrainian has too (a quote the original itself leaves
  open, a list numbered `1)`, `2)`) is the original's shape, not a slip;
- `had had`, `that that`, `is is` and intensifiers (`very, very`) are
  English; doubled capitalised words are usually names (`Bora Bora`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check
from editflow.inline import Markup
from editflow.model import Finding, Severity

DOUBLE_QUOTES = "“”„‟«»\"″"
_OPENERS = {"(": ")", "[": "]"}
_CLOSERS = {")": "(", "]": "["}


# ---------------------------------------------------------------------------
# quotes in the house style
# ---------------------------------------------------------------------------

# Elisions and decades that start with an apostrophe, not an opening quote.
_ELISION = re.compile(r"'(?:\d0s|\d\ds|n'|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b)", re.IGNORECASE)
# A straight single quote opening a quotation: after a space or an opening
# bracket/dash, before a letter; closing: after a letter or punctuation,
# before a space or punctuation.  `Kyiv's` (letters both sides) is neither.
_SQ_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'(?=[^\W\d_])")
_SQ_CLOSE = re.compile(r"(?<=[^\W_]|[.,!?])'(?=[\s.,;:!?)\]—–]|$)")


def _double_quote_pairs(text: str) -> list[tuple[int, int]]:
    """Spans [open, close] of double-quoted passages, whatever the quote characters."""
    pairs: list[tuple[int, int]] = []
    opening: int | None = None
    for m in _DQUOTE.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "\"″" and i > 0 and text[i - 1].isdigit() and opening is None:
            continue  # 12" – an inch mark
        role = _quote_role(text, i)
        if role == "open" and opening is None:
            opening = i
        elif role == "close" and opening is not None:
            pairs.append((opening, i))
            opening = None
    return pairs


def _quote_role(text: str, i: int, low_high: bool = False) -> str:
    ch = text[i]
    if ch == "“" and low_high:
        return "close"  # „…“, the Ukrainian (and German) pair
    if ch in "“„«‟":
        return "open"
    if ch in "”»":
        return "close"
    # A straight quote: opening when it starts a word, closing when it ends one.
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([—–-/":
        return "open"
    if after.isspace() or after in ".,;:!?)]—–-/":
        return "close"
    return "open" if not before.isalnum() else "close"


def _single_quote_pairs(text: str) -> list[tuple[int, int]]:
    """Straight single quotes used as quotation marks ('like this'), apostrophes left alone."""
    pairs: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _SQ_OPEN.search(text, pos)
        if not m:
            return pairs
        a = m.start()
        if _ELISION.match(text, a):
            pos = a + 1
            continue
        c = _SQ_CLOSE.search(text, a + 2, min(len(text), a + 200))
        # A sentence end before the closing quote makes this an apostrophe ('em) we did not know.
        if not c or re.search(r"[.!?]\s+[A-Z]", text[a:c.start()]):
            pos = a + 1
            continue
        pairs.append((a, c.start()))
        pos = c.end()


def quote_findings(e: Entry, house: str) -> Iterator[Finding]:
    text = e.target_text
    want_open, want_close = house[0], house[1]
    for a, b in _double_quote_pairs(text):
        if text[a] == want_open and text[b] == want_close:
            continue
        inner = text[a + 1:b]
        pair = text[a] + text[b]
        # Straight quotes are what a keyboard types and many CMSs smarten on
        # publication; «» or „“ are the Ukrainian quotes carried over: a slip.
        straight = pair.strip("\"″") == ""
        code = "typography.straight-quotes" if straight else "typography.quotes"
        sev: Severity = "info" if straight else "warning"
        yield Finding(code, sev, f"quotes {pair} where the house style wants {want_open}{want_close}",
                      index=e.index, target_span=(a, b + 1), suggestion=f"{want_open}{inner}{want_close}")
    if want_open in "“«„":
        # With curly house quotes, a quotation inside a quotation takes ‘’.
        for a, b in _single_quote_pairs(text):
            inner = text[a + 1:b]
            yield Finding("typography.straight-quotes", "info",
                          "straight single quotes; the house style wants ‘’",
                          index=e.index, target_span=(a, b + 1), suggestion=f"‘{inner}’")


# ---------------------------------------------------------------------------
# unbalanced quotes and brackets
# ---------------------------------------------------------------------------

# "1)", "b)" opening a list item: a closing bracket with no opening one, by design.
_LIST_ITEM = re.compile(r"(?:^|[\s:;,])(?:\d{1,2}|[a-zа-яі])\)", re.IGNORECASE)
_SMILEY = re.compile(r"[:;=]-?[()\]]|\([:;]")
_BRACKET = re.compile(r"[()\[\]]")
_DQUOTE = re.compile(f"[{DOUBLE_QUOTES}]")


def bracket_problems(text: str) -> list[tuple[int, str]]:
    """Positions of brackets left unmatched, with what is wrong."""
    stack: list[int] = []
    out: list[tuple[int, str]] = []
    marks = [m.start() for m in _BRACKET.finditer(text)]
    if not marks:
        return out
    skip = {m.end() - 1 for m in _LIST_ITEM.finditer(text)}
    skip |= {i for m in _SMILEY.finditer(text) for i in range(m.start(), m.end())}
    for i in marks:
        ch = text[i]
        if i in skip and not (ch == ")" and any(text[j] == "(" for j in stack)):
            continue
        if ch in _OPENERS:
            stack.append(i)
        elif ch in _CLOSERS:
            if _CLOSERS[ch] not in (text[j] for j in stack):
                out.append((i, f"“{ch}” with no opening bracket"))
                continue
            # Openers of the other kind above the match were never closed: "( [ )".
            while text[stack[-1]] != _CLOSERS[ch]:
                j = stack.pop()
                out.append((j, f"“{text[j]}” never closed"))
            stack.pop()
    out += [(i, f"“{text[i]}” never closed") for i in stack]
    return sorted(out)


# "the workers" union": a plural possessive typed with a double quote.
_POSSESSIVE_SLOT = re.compile(r"s[\"”] [a-z]")


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def quote_problems(text: str, low_high: bool = False) -> tuple[list[tuple[int, str]], int | None]:
    """(quotes out of place, the first opening quote left open or None).

    Curly quotes nest (a quotation inside a quotation typed with the same
    marks is a style matter, not an imbalance); straight ones cannot, so a
    second straight quote closes the first.
    """
    out: list[tuple[int, str]] = []
    stack: list[int] = []
    for m in _DQUOTE.finditer(text):
        i, ch = m.start(), m.group()
        straight = ch in "\"″"
        if straight and i > 0 and text[i - 1].isdigit() and not stack:
            continue  # 12" – an inch mark
        if ch in "\"”″" and _between_letters(text, i):
            out.append((i, f"“{ch}” between letters, where an apostrophe belongs"))
            continue
        role = _quote_role(text, i, low_high)
        if role == "open" and not (straight and stack and text[stack[-1]] in "\"″"):
            stack.append(i)
        elif stack:
            stack.pop()
        elif _POSSESSIVE_SLOT.match(text, i - 1):
            out.append((i, f"“{ch}” after a plural, where an apostrophe belongs"))
        else:
            out.append((i, f"closing “{ch}” with no opening quote"))
    return out, (stack[0] if stack else None)


def _starts_with_quote(text: str) -> bool:
    t = text.lstrip(" \u00a0\t—–-")
    return bool(t) and t[0] in DOUBLE_QUOTES and t[0] not in "”»"


def _uk_quotes_unbalanced(text: str) -> bool:
    """Whether the Ukrainian itself leaves a quote open or closes one it never opened."""
    problems, left_open = quote_problems(text, low_high="„" in text)
    return bool(problems) or left_open is not None


def unbalanced_findings(entries: list[Entry]) -> Iterator[Finding]:
    for k, e in enumerate(entries):
        text = e.target_text
        if not text.strip():
            continue
        brackets = bracket_problems(text)
        if brackets and not bracket_problems(e.source_text):
            for i, what in brackets:
                yield Finding("typography.unbalanced", "warning", f"unbalanced bracket: {what}",
                              index=e.index, target_span=(i, i + 1))
        problems, left_open = quote_problems(text)
        if not problems and left_open is None:
            continue
        for i, what in problems:
            if "apostrophe" in what:
                yield Finding("typography.unbalanced", "warning", f"quote {what}",
                              index=e.index, target_span=(i, i + 1), suggestion="’")
        if _uk_quotes_unbalanced(e.source_text):
            continue  # the original leaves a quote open or closes one it never opened
        problems = [p for p in problems if "apostrophe" not in p[1]]
        if problems and k > 0 and quote_problems(entries[k - 1].target_text)[1] is not None:
            # The quotation began in the previous paragraph (split differently from ours).
            problems = problems[1:]
        for i, what in problems:
            yield Finding("typography.unbalanced", "warning", f"unbalanced quote: {what}",
                          index=e.index, target_span=(i, i + 1))
        if left_open is not None:
            nxt = entries[k + 1].target_text if k + 1 < len(entries) else ""
            if _starts_with_quote(nxt):
                continue  # a quotation running on into the next paragraph, news style
            if nxt.strip() and quote_problems(nxt)[0][:1] and "closing" in quote_problems(nxt)[0][0][1]:
                continue  # closed in the next entry: the paragraphs are split inside the quote
            yield Finding("typography.unbalanced", "warning",
                          f"quote “{text[left_open]}” never closed in this paragraph",
                          index=e.index, target_span=(left_open, left_open + 1))


# ---------------------------------------------------------------------------
# spaces, doubled words, dashes
# ---------------------------------------------------------------------------

_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_SPACE_BEFORE = re.compile(r"(?<=[^\W_])[ \u00a0]+(?=[,;:!?](?:\s|$)|\.(?:\s|$)(?!\.))")
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])", re.IGNORECASE)
# Doubled words English uses on purpose: "had had", "that that", "what it is is",
# reduplicated intensifiers and interjections.
LEGIT_DOUBLES = frozenset("""
had that is do does very really way so much far more many long too bye ha haha knock blah bla
yeah yes no oh ah now well there tut tsk la boo chop hush mm hmm go bang tick tock pom ta
""".split())
# "The The" opening a sentence is a slip, not a name.
_FUNCTION_WORDS = frozenset("the a an and or of to in on at for from with by is was are it this".split())
_SPACED_HYPHEN = re.compile(r"(?<=[\w,.!?\"”’)%]) - (?=[\w\"“‘(])")


def doubled_word_findings(e: Entry) -> Iterator[Finding]:
    # The text as typed: in the masked text a note becomes spaces, and
    # "the [Kherson – ed.] the" would read as "the the".
    for m in _DOUBLED.finditer(e.target):
        if any(n.start < m.end() and m.start() < n.end for n in e.target_notes):
            continue
        first, second = m.group(1), m.group(2)
        if first.lower() in LEGIT_DOUBLES:
            continue
        if first[0].isupper() and second[0].isupper() and first.lower() not in _FUNCTION_WORDS:
            continue  # Bora Bora, Sirhan Sirhan; "Dundee Dundee" is rarer than a real name
        yield Finding("typography.doubled-word", "warning", f"doubled word “{first} {second}”",
                      index=e.index, target_span=m.span(), suggestion=first)


@check({
    "typography.quotes": ("warning", "English quotes not in the house style (“” by default), e.g. «» or „“"),
    "typography.straight-quotes": ("info", "straight quotes in the English where the house style wants curly ones"),
    "typography.unbalanced": ("warning", "an unbalanced quote or bracket in the English"),
    "typography.double-space": ("info", "two or more spaces in a row in the English"),
    "typography.doubled-word": ("warning", "the same word twice in a row in the English (“the the”)"),
    "typography.space-before-punct": ("warning", "a space before , . ; : ! ? in the English"),
    "typography.dash": ("info", "a spaced hyphen “ - ” used as a dash in the English"),
})
def typography(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    house = ctx.style.quotes
    for e in entries:
        if not e.target_text.strip():
            continue
        yield from quote_findings(e, house)
        yield from doubled_word_findings(e)
        for m in _DOUBLE_SPACE.finditer(e.target):
            yield Finding("typography.double-space", "info", f"{len(m.group())} spaces in a row",
                          index=e.index, target_span=m.span(), suggestion=" ")
        for m in _SPACE_BEFORE.finditer(e.target):
            if any(n.start < m.end() + 1 and m.start() < n.end for n in e.target_notes):
                continue  # "liras (about $500 – ed.)," is the note's business
            mark = e.target[m.end()]
            yield Finding("typography.space-before-punct", "warning", f"space before “{mark}”",
                          index=e.index, target_span=(m.start(), m.end() + 1), suggestion=mark)
        for m in _SPACED_HYPHEN.finditer(e.target_text):
            yield Finding("typography.dash", "info", "a spaced hyphen used as a dash; write “ – ”",
                          index=e.index, target_span=m.span(), suggestion=" – ")
    yield from unbalanced_findings(entries)


# ---------------------------------------------------------------------------
# inline tags (editflow.inline): what a translator typed in the PO editor
# ---------------------------------------------------------------------------

@check({
    "typography.tags": ("error", "inline tags that are not <i>, <b> and <a href=\"…\">, or not closed, or crossed: "
                                 "the exports show that paragraph's text as written"),
    "typography.links": ("warning", "the English has fewer links than the Ukrainian"),
})
def inline_tags(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    for e in entries:
        for side, markup in (("uk", e.source_markup), ("en", e.target_markup)):
            if markup is None:
                continue
            for problem in markup.problems:
                span = markup.to_plain((problem.start, problem.end))
                where = "the English" if side == "en" else "the Ukrainian"
                yield Finding("typography.tags", "error",
                              f"{problem.message}; until it is fixed, {where} of this paragraph is exported "
                              f"with the tags as text", index=e.index,
                              source_span=span if side == "uk" else None, target_span=span if side == "en" else None)
        if e.source_markup is None or e.target_markup is None or not e.target.strip():
            continue
        uk_links, en_links = _links(e.source_markup), _links(e.target_markup)
        if len(en_links) < len(uk_links):
            lost = [href for href in uk_links if href not in en_links]
            yield Finding("typography.links", "warning",
                          f"the Ukrainian has {len(uk_links)} link{'s' if len(uk_links) > 1 else ''}, the English "
                          f"{len(en_links)}" + (f" (none to {lost[0]})" if lost and len(lost) == 1 else ""),
                          index=e.index)


def _links(markup: Markup) -> list[str]:
    """The addresses a side links to, one per linked stretch."""
    out: list[str] = []
    last_end = -1
    for start, end, fmt in markup.formats:
        if fmt.href and not (out and out[-1] == fmt.href and start == last_end):
            out.append(fmt.href)
        if fmt.href:
            last_end = end
    return out
