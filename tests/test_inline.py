"""editflow.inline: the PO's inline tag set (`<i>`, `<b>`, `<a href>`), its escapes and offset maps.

Properties (Hypothesis):
- a literal text, escaped as a reader escapes it, reads back as itself with no tag and no
  problem, whatever tag-like `<`, `&lt;` and `&amp;` it holds;
- formatted pieces composed into tags read back as the same characters with the same formats
  (white space at a formatted stretch's edges aside), and the composed text is canonical;
- every plain character's span maps to the very characters that write it in the PO.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editflow.inline import (
    PLAIN,
    Format,
    canonical,
    canonical_href,
    compose,
    cut,
    escape,
    is_valid,
    paragraph_pieces,
    parse,
    plain,
    strip_ends,
    uri,
    without_whole_emphasis,
)
from editflow.textnorm import paragraph_form

I, B = Format(italic=True), Format(bold=True)
LINK = Format(href="https://example.org/a?b=1&c=2")


def test_the_tag_set_reads_as_formatting() -> None:
    m = parse('Russians hit <i>Kharkiv</i> and <b>Sumy <i>region</i></b>, <a href="https://x.ua/">says</a> OVA.')
    assert m.plain == "Russians hit Kharkiv and Sumy region, says OVA."
    assert m.problems == []
    assert [(m.plain[a:b], f) for a, b, f in m.formats] == [
        ("Kharkiv", I), ("Sumy ", B), ("region", Format(italic=True, bold=True)), ("says", Format(href="https://x.ua/"))]


def test_escapes_read_as_their_characters() -> None:
    m = parse("a &lt;i> tag, AT&amp;T, AT&T, &gt; and 1 < 2")
    assert m.plain == "a <i> tag, AT&T, AT&T, &gt; and 1 < 2"
    assert not m.formats and not m.problems


def test_nothing_to_read_is_the_same_object_cheaply() -> None:
    m = parse("Plain text, no markup at all.")
    assert m.plain == m.text and m.starts is None
    assert m.to_tagged((3, 7)) == (3, 7) and m.to_plain((3, 7)) == (3, 7)


def test_markup_that_is_not_the_tag_set_makes_its_paragraph_literal() -> None:
    cases = {
        "a <u>b</u>": "unknown tag <u>",
        "a <em>b</em>": "write <i>",
        "<I>b</I>": "lower case",
        "<i>open": "not closed",
        "close</b> here": "closes no <b>",
        "<i>a<b>b</i>c</b>": "tags cross",
        '<a href="">x</a>': "without an address",
        '<a href="1"><a href="2">x</a></a>': "link inside a link",
        "<a href=x>y</a>": 'written <a href="ADDRESS">',
        "<i >x</i>": "exactly",
    }
    for text, words in cases.items():
        m = parse(text)
        assert m.literal and words in m.problems[0].message, (text, m.problems)
        # shown as written, tags as text
        assert m.plain == text and not m.formats
    # escapes still read in a literal paragraph
    assert parse("x &lt; <u>y</u>").plain == "x < <u>y</u>"


def test_a_literal_paragraph_leaves_the_others_of_its_side_alone() -> None:
    m = parse("<u>bad</u>\n\n<i>good</i>")
    assert m.plain == "<u>bad</u>\n\ngood"
    assert [(m.plain[a:b], f) for a, b, f in m.formats] == [("good", I)]
    assert [p.start for p in m.problems] == [0, 6]


def test_a_tag_never_crosses_a_paragraph_break() -> None:
    m = parse("<i>one\n\ntwo</i>")
    assert m.literal
    assert {p.message for p in m.problems} == {"<i> is not closed before the paragraph ends", "</i> closes no <i>"}


def test_escape_only_what_would_read_as_markup() -> None:
    assert escape("1 < 2 and x<y, AT&T &gt;") == "1 < 2 and x<y, AT&T &gt;"
    assert escape("<i>x</i> <b and c> <span class='q'> <br/>") == "&lt;i>x&lt;/i> &lt;b and c> &lt;span class='q'> &lt;br/>"
    assert escape("&lt; &amp; &amp;lt;") == "&amp;lt; &amp;amp; &amp;amp;lt;"
    # a `<` that reads as a tag only once the one after it is escaped
    assert escape("<i <i>>") == "&lt;i &lt;i>>"


def test_compose_writes_one_canonical_form() -> None:
    assert compose([("Hello ", I), ("world", Format(italic=True, bold=True)), (" and", PLAIN)]) == \
        "<i>Hello </i><b><i>world</i></b> and"
    # white space at a formatted stretch's edges goes outside it
    assert compose([("a", PLAIN), (" Kyiv ", I), ("Post", PLAIN)]) == "a <i>Kyiv</i> Post"
    assert compose([("   ", B)]) == "   "
    # a link outermost, its address canonical, the text escaped
    assert compose([("<b>", LINK)]) == '<a href="https://example.org/a?b=1&c=2">&lt;b></a>'
    assert canonical("<i><b>x</b></i>") == "<b><i>x</i></b>"
    assert canonical("<i>a </i>b") == "<i>a</i> b"
    assert canonical("<u>x</u>") == "&lt;u>x&lt;/u>"       # a literal paragraph, escaped
    assert canonical("a\n\n<i>b</i>") == "a\n\n<i>b</i>"


def test_addresses() -> None:
    stored = "https://uk.wikipedia.org/wiki/%D0%9A%D0%B8%D1%97%D0%B2?q=a%20b"
    assert canonical_href(stored) == "https://uk.wikipedia.org/wiki/Київ?q=a%20b"
    assert canonical_href('https://x.ua/a b"c<d>') == "https://x.ua/a%20b%22c%3Cd%3E"
    assert uri("https://uk.wikipedia.org/wiki/Київ?q=a%20b") == stored
    assert canonical_href(canonical_href(stored)) == canonical_href(stored)


def test_spans_map_both_ways() -> None:
    m = parse("x <i>Kyiv</i> &lt;y")
    assert m.plain == "x Kyiv <y"
    assert m.to_tagged((2, 6)) == (5, 9)          # "Kyiv", tags left out
    assert m.to_tagged((7, 9)) == (14, 19)        # "<y" is written "&lt;y"
    assert m.to_tagged((9, 9)) == (19, 19)
    assert m.to_plain((5, 9)) == (2, 6)
    assert m.to_plain((2, 13)) == (2, 6)          # the tags around "Kyiv"
    assert m.to_plain((0, len(m.text))) == (0, len(m.plain))


def test_cut_and_strip_keep_formatting() -> None:
    assert cut("<b>Headline option 2:</b> <i>Over</i>night", 19) == "<i>Over</i>night"
    assert cut("<b>Label: bold</b> rest", 7) == "<b>bold</b> rest"
    assert strip_ends(" <i>a</i> ") == "<i>a</i>"
    assert plain("<i>a</i> &amp; b") == "a & b"
    assert is_valid("<i>a</i>") and not is_valid("<i>a")


def test_paragraph_pieces_follow_the_paragraph_rule() -> None:
    pieces = paragraph_pieces([(" a\n", PLAIN), ("  \n", I), ("b", I), (" ", PLAIN)])
    assert "".join(t for t, _ in pieces) == "a\nb"
    assert pieces[-1] == ("\nb", I)


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

# Fragments that make text look like markup, between runs of any characters.
TAGGISH = ["<", ">", "&", "<i>", "</i>", "<b>", "</b>", '<a href="x">', "</a>", "&lt;", "&amp;", "&amp;lt;",
           "<a", "<i", "</", "<u>", "<span class='x'>", "<br/>", "<I>", '"', "lt;", "amp;", " ", "\n", "\t"]
CHARS = st.characters(exclude_categories=("Cs",))
FRAGMENT = st.one_of(st.text(CHARS, max_size=4), st.sampled_from(TAGGISH))
LITERAL = st.lists(FRAGMENT, max_size=12).map("".join)
FORMATS = st.builds(Format, italic=st.booleans(), bold=st.booleans(),
                    href=st.sampled_from(["", "", "https://example.org/", "/articles/a_b?x=1&y=2", "https://uk.ua/Київ"]))
# One paragraph's pieces: no paragraph break (a blank line) inside, not even across two pieces.
PIECES = st.lists(st.tuples(LITERAL, FORMATS), max_size=6).filter(lambda ps: "\n\n" not in "".join(t for t, _ in ps))
PROPERTY = settings(max_examples=500, deadline=None)


@PROPERTY
@given(text=LITERAL)
@example(text="<P\n\n>")   # a "tag" across a paragraph break is no tag: escaped per paragraph
def test_literal_text_survives_escaping(text: str) -> None:
    escaped = escape(text)
    m = parse(escaped)
    assert m.plain == text
    assert not m.formats and not m.problems
    assert canonical(escaped) == escaped
    assert plain(escaped) == text


@PROPERTY
@given(pieces=PIECES)
def test_composed_pieces_read_back(pieces: list[tuple[str, Format]]) -> None:
    tagged = compose(pieces)
    m = parse(tagged)
    assert not m.problems
    assert m.plain == "".join(t for t, _ in pieces)
    # every character keeps its format, except white space at a formatted stretch's edge
    per_char = [PLAIN] * len(m.plain)
    for a, b, f in m.formats:
        per_char[a:b] = [f] * (b - a)
    drawn = [f for t, f in pieces for _ in t]
    for ch, got, want in zip(m.plain, per_char, drawn, strict=True):
        if not ch.isspace():
            assert (got.italic, got.bold, got.href) == (want.italic, want.bold, canonical_href(want.href))
    assert compose(m.pieces()) == tagged
    assert canonical(tagged) == tagged


@PROPERTY
@given(pieces=PIECES)
def test_every_character_maps_to_where_it_is_written(pieces: list[tuple[str, Format]]) -> None:
    m = parse(compose(pieces))
    for k, ch in enumerate(m.plain):
        a, b = m.to_tagged((k, k + 1))
        assert parse(m.text[a:b]).plain == ch
        assert m.to_plain((a, b)) == (k, k + 1)


@PROPERTY
@given(pieces=PIECES)
def test_paragraph_pieces_keep_the_characters_of_paragraph_form(pieces: list[tuple[str, Format]]) -> None:
    text = "".join(t for t, _ in pieces)
    assert "".join(t for t, _ in paragraph_pieces(pieces)) == paragraph_form(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("<i>Катерина Іваненко, 30 жовтня 2025</i>", "Катерина Іваненко, 30 жовтня 2025"),
    ("<i>Іваненко</i> <i>Київ</i>", "Іваненко Київ"),
    ('<b><a href="https://x.ua/a">Автор</a></b>', '<a href="https://x.ua/a">Автор</a>'),
    ("<b>Укриття</b> для людей", "<b>Укриття</b> для людей"),
    ('<a href="https://x.ua/a">Автор</a>', '<a href="https://x.ua/a">Автор</a>'),
    ("<i>a &lt;b> tag</i>", "a &lt;b> tag"),
    ("<u>not the tag set</u>", "<u>not the tag set</u>"),
])
def test_without_whole_emphasis(text: str, expected: str) -> None:
    assert without_whole_emphasis(text) == expected
