"""Which blocks of a web page are the article, and the role of each.

trafilatura decides which text of the page is the article (it leaves out menus, share bars,
related-article lists, comment forms, cookie notices and footers); its text is matched with the
page's own blocks (`readers.webblocks`) in order, and what the markup and the wording say about
each block settles the rest: the headline among the page's headings and its metadata, the
headline's companions (byline, date, an author's link) wherever trafilatura put them, where the
article ends (its tags, its comments, the next section of a newsletter, a wiki's sources), the
paragraphs trafilatura dropped inside the text, and the furniture it let through.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from editflow.inline import escape, plain, without_whole_emphasis
from editflow.model import Paragraph, Removed, Role
from editflow.readers.webblocks import HEADING_END, HEADINGS, INVISIBLE_OUT, SENTENCE_END, SKIP_TAGS, SPACES, Block
from editflow.roles import is_boilerplate, is_byline, is_date_line, is_note, is_teaser


def _names(el: Any) -> str:
    """The words an element's tag, class, id, role and itemprop hold, lower case, space-separated.

    A utility framework's variant classes ("hover:underline", "[&_blockquote]:italic") style what is
    inside the element, they do not name it, and are left out."""
    classes = " ".join(c for c in str(el.get("class") or "").split() if ":" not in c and "[" not in c)
    words = " ".join([classes, *(str(el.get(a) or "") for a in ("id", "role", "itemprop", "rel"))])
    return f"{el.tag} " + re.sub(r"[^a-z0-9]+", " ", words.lower())


def _word_rx(*stems: str) -> re.Pattern[str]:
    # A stem must start a word: "share" finds "share-bar" and "sharedaddy", "ad" only "ad" and "ads".
    return re.compile(r"(?:^|\s)(?:" + "|".join(stems) + ")")


# What a left-out block was, from the nearest element whose markup says so.  Order matters
# within one element ("comment-share" is comments).
# A social network's post embedded in the page (a tweet in a <blockquote class="twitter-tweet">): the
# network's text, not the article's.
_EMBED_MARK = _word_rx("twitter ?tweet", "instagram ?media", "tiktok ?embed", "fb ?(?:post|xfbml)", "telegram ?post")
_FURNITURE_HEADER = _word_rx("header", "masthead", "topbar", "logo", "site ?title", "branding")
_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cookie notice", _word_rx("cookie", "consent", "gdpr")),
    # role="dialog": a pop-up over the page (a paywall's "You have read 3 of 3 free articles"), never its text.
    ("dialog", _word_rx(r"(?:alert)?dialog(?:\s|$)")),
    ("embedded post", _EMBED_MARK),
    ("comments", _word_rx("comment", "disqus", "respond", "reply", "discussion")),
    ("share buttons", _word_rx("share", "sharing", "social", "sharedaddy", "addthis")),
    ("subscription", _word_rx("subscri", "newsletter", "signup", "follow", "donat", "support")),
    ("related articles", _word_rx("related", "read ?also", "readalso", "more ?news", "recommend", "popular",
                                  "trending", "most ?read", "latest", "also", "teaser", "more ?stories")),
    # "promo", not "promoted" (Drupal marks every article promoted to the front page so).
    ("advertisement", _word_rx(r"ads?(?:\s|$)", "advert", "banner", r"promo(?:s|tion|tions)?(?:\s|$)", "sponsor",
                               "adsbygoogle", r"partners?(?:\s|$)")),
    ("menu", _word_rx("nav", "menu", "breadcrumb", "skip")),
    ("tags", _word_rx(r"tags?(?:\s|$)", "rubric", "categor", "topics")),
    ("footer", _word_rx("footer", "copyright", "colophon")),
    ("header", _FURNITURE_HEADER),
    ("sidebar", _word_rx("sidebar", "aside", "widget")),
    ("author's bio", _word_rx(r"(?:author ?)?bio(?:\s|$)", "about ?(?:the ?)?author", "author ?box")),
    ("form", _word_rx("form", "search", "login")),
    ("caption", _word_rx("figure", "figcaption", "caption", "credit")),
    ("buttons", _word_rx("button")),
)
_BYLINE_MARK = _word_rx("byline", "author", "dateline", "article ?meta", "entry ?meta", "post ?meta", "posted",
                        "published", "pubdate", "date", "time", "writer", "address")
# "note" as a word of its own: a podcast's "show-notes" box and a report's "footnotes" are no editor's note.
_NOTE_MARK = _word_rx("editor ?s? ?note", "ed ?note", "editornote", r"note(?=\s|$)", "correction", "disclaimer")
_LEAD_MARK = _word_rx("lead", "standfirst", "subtitle", "subhead", "excerpt", "intro", "summary", "dek", "deck",
                      "kicker")
_QUOTE_MARK = _word_rx("blockquote", "quote")


def _ancestors(el: Any) -> Iterator[Any]:
    while el is not None and isinstance(el.tag, str):
        yield el
        el = el.getparent()


# Reasons that only say what an element is, not what it is for: a button or a form inside a
# cookie notice or a comment section is that notice or section.
_GENERIC = frozenset({"buttons", "form", "caption", "header"})


def _page_form(el: Any) -> bool:
    """A <form> around the whole page (ASP.NET wraps every page in one), not a form on it: marked so
    by `_mark_page_forms`, which measures each form once."""
    return el.tag == "form" and el.get(_PAGE_FORM_MARK) is not None


def _mark_page_forms(root: Any) -> None:
    for form in root.iter("form"):
        if len(form.text_content()) > _PAGE_FORM:
            form.set(_PAGE_FORM_MARK, "")


_PAGE_FORM = 3000
_PAGE_FORM_MARK = "data-editflow-page-form"


def furniture(el: Any) -> str:
    """Why a block is not article text: what the nearest element whose markup says so is for."""
    generic = ""
    for anc in _ancestors(el):
        if _page_form(anc):
            continue
        names = _names(anc)
        for why, rx in _FURNITURE:
            if rx.search(names) and not (why == "caption" and _quote_figure(anc)):
                if why not in _GENERIC:
                    return why
                generic = generic or why
    return generic or "not article text"


def _quote_figure(el: Any) -> bool:
    """Whether the element is in a <figure> that holds a quote (a <blockquote>, its speaker in the
    <figcaption>), not a photo."""
    figure = next((a for a in _ancestors(el) if a.tag == "figure"), None)
    return figure is not None and next(figure.iter("blockquote"), None) is not None


def _marked(el: Any, rx: re.Pattern[str], stop: Any = None) -> bool:
    """Whether the element, or an ancestor below `stop`, is marked by `rx`."""
    for anc in _ancestors(el):
        if anc is stop:
            return False
        if rx.search(_names(anc)):
            return True
    return False


def _in_small_box(el: Any, mark: re.Pattern[str], stop: Any, limit: int) -> bool:
    """Whether the nearest box below `stop` that the markup names by `mark` holds at most `limit`
    characters: a byline's, a caption's or a quote's box, not a wrapper that happens to be named so
    ("date-outer" around a blog's whole post, "[&_blockquote]" styles on the text's box)."""
    for anc in _ancestors(el):
        if anc is stop:
            return False
        if mark.search(_names(anc)):
            return _fits(anc, limit)
    return False


def _fits(el: Any, limit: int) -> bool:
    """Whether the element's text, white space collapsed, is at most `limit` characters.  It stops
    reading as soon as it is longer: asked of every block's boxes, a table layout's one cell
    around a thousand paragraphs is read once per block, not whole each time."""
    seen = 0
    for piece in el.itertext():
        # (A piece's own characters all stand in the whole text, so their sum is a lower bound.)
        seen += len(SPACES.sub(" ", piece).strip())
        if seen > limit:
            return False
    return len(SPACES.sub(" ", el.text_content()).strip()) <= limit


def _byline_box(el: Any, stop: Any) -> bool:
    """Whether the element sits in the byline's box (author, date, post meta), below `stop`."""
    return _in_small_box(el, _BYLINE_MARK, stop, _BYLINE_BOX)


_BYLINE_BOX = 400


# Furniture that comes as a box of its own, with bylines, dates and text of its own inside.
_BOXES = frozenset({"cookie notice", "dialog", "embedded post", "comments", "share buttons", "subscription",
                    "related articles", "advertisement", "author's bio"})


def _in_furniture(el: Any, stop: Any) -> bool:
    # Comment, share, related... containers inside the article hold bylines and dates of their own.
    for anc in _ancestors(el):
        if anc is stop:
            return False
        if _page_form(anc):
            continue
        names = _names(anc)
        if anc.tag in ("nav", "form", "footer", "button") or any(rx.search(names) for why, rx in _FURNITURE
                                                                 if why in _BOXES):
            return True
    return False


# ---------------------------------------------------------------------------
# Matching the page's blocks with trafilatura's text
# ---------------------------------------------------------------------------

# trafilatura's output elements that hold a block of text of their own.
_T_BLOCKS = frozenset({"p", "head", "item", "cell", "quote", "code", "list", "table", "row", "div", "main",
                       "body", "doc"})


def _key(text: str) -> str:
    """Text compared without white space: trafilatura and the page break and space lines differently."""
    return "".join(text.translate(INVISIBLE_OUT).split())


def _extracted_keys(root: Any) -> list[str]:
    """trafilatura's article text as keys, one per block it made."""
    out: list[str] = []

    def walk(el: Any) -> None:
        buf = [el.text or ""]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _T_BLOCKS:
                out.append(_key("".join(buf)))
                buf = []
                walk(child)
            elif tag:
                buf.append("".join(child.itertext()))
            buf.append(child.tail or "")
        out.append(_key("".join(buf)))

    walk(root)
    return [k for k in out if k]


def _kept(blocks: list[Block], keys: list[str]) -> set[int]:
    """The blocks whose text is trafilatura's, claimed by trafilatura's blocks in order.

    Each of trafilatura's blocks claims the first page block after the last one claimed with
    the same text; else a run of consecutive page blocks that make it up (trafilatura joins
    lines a page splits with <br><br>), else a block it trimmed (a "Share" link dropped from a
    paragraph) when what it kept is most of it.  A menu item can thus only be claimed by
    article text that is exactly its text, and then the article's own block comes first.
    """
    bkeys = [_key(b.text) for b in blocks]
    where: dict[str, list[int]] = {}
    for i, k in enumerate(bkeys):
        where.setdefault(k, []).append(i)
    kept: set[int] = set()
    prev = -1
    for t in keys:
        claimed = next(([i] for i in where.get(t, ()) if i > prev), None) or _compose(t, bkeys, prev)
        if claimed:
            kept.update(claimed)
            prev = claimed[-1]
    return kept


def _compose(t: str, bkeys: list[str], prev: int) -> list[int] | None:
    for s in range(prev + 1, len(bkeys)):
        k = bkeys[s]
        if t.startswith(k):
            run, n, e = [s], len(k), s + 1
            while n < len(t) and e < len(bkeys) and bkeys[e] and t.startswith(bkeys[e], n):
                run.append(e)
                n += len(bkeys[e])
                e += 1
            if n >= 0.8 * len(t):
                return run
        elif len(t) >= 12 and k.startswith(t) and len(t) >= 0.8 * len(k):
            return [s]
    return None


# ---------------------------------------------------------------------------
# The article
# ---------------------------------------------------------------------------

@dataclass
class Page:
    """A web page read: the article's paragraphs (with the file lines they start on) and what was left out."""
    paragraphs: list[Paragraph]
    removed: list[Removed] = field(default_factory=list)


def _meta_titles(root: Any) -> list[str]:
    """The headline as the page's metadata gives it: og:title, twitter:title, <title>, a JSON-LD headline."""
    found = [m.get("content") or "" for m in root.iter("meta")
             if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")]
    found += [t.text_content() for t in root.iter("title")]
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            found += _JSON_HEADLINE.findall(script.text)
    return [_key(t).lower() for t in found if t and t.strip()]


_JSON_HEADLINE = re.compile(r'"(?:headline|name)"\s*:\s*"((?:[^"\\]|\\.){10,300})"')


def _choose_title(blocks: list[Block], kept: set[int], titles: list[str]) -> int | None:
    """The headline's block: an <h1> of the article, else one the page's metadata names (a page with
    no <h1>: a table layout's bold line), the article's own before any other.

    An <h1> that is the site's name (in the page's header, or a link home: Blogger and older
    WordPress themes) gives way to an <h2>/<h3> that the metadata names as the headline."""
    h1 = [b for b in blocks if b.owner.tag == "h1"]
    named = next((b.index for b in blocks if b.owner.tag in ("h2", "h3") and _names_headline(b, titles)), None)
    for b in h1:
        if b.index in kept:
            return named if named is not None and _site_name(b, titles) else b.index
    for b in h1:
        k = _key(b.text).lower()
        if len(k) >= 10 and any(k in t or t in k for t in titles if len(t) >= 10) and not (
                named is not None and _site_name(b, titles)):
            return b.index
    if named is not None:
        return named
    if len(h1) == 1 and kept:
        # A page's only <h1>, right above the text trafilatura kept, with no metadata to say otherwise.
        b, first = h1[0], min(kept)
        if b.index < first <= b.index + _NEAR and b.link_share < 0.5 and len(_key(b.text)) >= 10:
            return b.index
    # A document's title styled so, not tagged <h1> (Google Docs published to the web: its <h1>s are
    # the sections), first among the kept text.
    classed = next((b for b in blocks if b.index in kept and _TITLE_CLASS.search(_names(b.owner))
                    and len(b.text.split()) <= 30 and "\n" not in b.text and not SENTENCE_END.search(b.text)), None)
    if classed is not None and classed.index <= min(kept) + 1:
        return classed.index
    if h1:
        return None
    lines = [b for b in blocks if len(_key(b.text)) >= 20 and b.link_share < 0.5 and "\n" not in b.text
             and any(_key(b.text).lower() in t for t in titles)]
    return next((b.index for b in lines if b.index in kept), lines[0].index if lines else None)


# (Word's "save as web page" styles its title <p class=MsoTitle>.)
_TITLE_CLASS = re.compile(r"(?:^|\s)(?:p|div|span) (?:.* )?(?:entry |post |article |story |doc |document )?"
                          r"(?:title|headline|msotitle)(?:\s|$)")
_NEAR = 6  # blocks between a headline and its text at most (a byline, a date, a photo, its caption)


def _names_headline(b: Block, titles: list[str]) -> bool:
    """Whether the metadata gives this block's text as the headline: as the whole og:title or
    JSON-LD headline, or as most of the <title> ("Blog name: Headline")."""
    k = _key(b.text).lower()
    # A post's title often links to the post itself: the whole og:title may be a link.
    return len(k) >= 15 and any(k == t or (b.link_share < 0.5 and k in t and len(k) >= 0.6 * len(t))
                                for t in titles)


def _site_name(b: Block, titles: list[str]) -> bool:
    """An <h1> that names the site, not the article: inside the page's header or all a link, and not
    what the metadata gives as the headline."""
    if _names_headline(b, titles):
        return False
    return b.link_share >= 0.9 or any(a.tag == "header" or _FURNITURE_HEADER.search(_names(a))
                                      for a in _ancestors(b.owner))


def _common_ancestor(elements: list[Any]) -> Any:
    paths = [list(reversed(list(_ancestors(e)))) for e in elements]
    common = None
    for level in zip(*paths, strict=False):
        if all(e is level[0] for e in level):
            common = level[0]
        else:
            break
    return common


def _is_descendant(el: Any, ancestor: Any) -> bool:
    return any(a is ancestor for a in _ancestors(el))


def _role(b: Block, title: int | None, container: Any, first_body: int = -1, lead_end: int = -1) -> Role:
    tag = b.owner.tag
    if b.index == title:
        return "title"
    before_text = title is not None and title < b.index < first_body
    if before_text and (tag in HEADINGS or _heading_box(b, container)) and _standfirst(b.text):
        return "body"   # the standfirst under the headline, set as a subheading
    if before_text and is_date_line(b.text):
        return "byline"   # a date in bold under the headline is no subheading
    if _cell_of(b) is not None or (tag == "caption" and not _layout_cell(b.owner)):
        return "table"   # (a header cell in bold is the table's, not a subheading)
    if tag in HEADINGS or b.bold_heading or _heading_box(b, container):
        return "heading"
    if _byline_box(b.owner, container) and len(b.text) <= 200:
        return "byline"
    if title is not None and title < b.index < max(first_body, lead_end) and (
            is_byline(b.text) or _meta_line(b) or meta_parts(b)):
        return "byline"
    if _AUTHOR_LABEL.match(b.text) and is_byline(b.text):
        return "byline"   # "Author: …" after the text
    # (A list item is no note by its box: a summary's bullets in a role="note" box are text.)
    if (b.owner.tag != "li" and _marked(b.owner, _NOTE_MARK, container)) or is_note(b.text):
        return "note"
    if any(a.tag in ("blockquote", "q") for a in _ancestors(b.owner)) or _quote_box(b.owner, container):
        return "quote"
    return "body"


def _standfirst(text: str) -> bool:
    """A subheading-tagged line that is a sentence or two, not a heading: the article's standfirst."""
    words = len(text.split())
    return words >= 12 or (words >= 8 and bool(SENTENCE_END.search(text)))


_AUTHOR_LABEL = re.compile(r"^(?:by|author|authors|text|source|(?:prepared|written|compiled)\s+by|автор(?:ка|и)?|текст|"
                           r"джерело|(?:матеріал\s+)?підготува(?:в|ла|ли))\b", re.IGNORECASE)
# A link to an author's page: /author/…, /authors/…, /people/…, substack.com/@name.
_AUTHOR_HREF = re.compile(r"/(?:authors?|avtor(?:y|s)?|autor|people|staff|profile|team|journalists?)/|/@[\w.-]+/?$",
                          re.IGNORECASE)


def _author_link(b: Block) -> bool:
    """A name that links to its author's page (or is marked rel=author), alone on its line."""
    text = b.text
    if b.link_share < 0.8 or len(text) > 60 or len(text.split()) > 5 or SENTENCE_END.search(text):
        return False
    # (The link must be this line's: a block's owner may be the whole <article>, the author's link
    # in its meta row, while the line is the section's link above the headline.)
    return any((_AUTHOR_HREF.search(a.get("href") or "") or "author" in (a.get("rel") or "").lower())
               and SPACES.sub(" ", a.text_content()).strip() in text for a in b.owner.iter("a"))


def _meta_line(b: Block) -> bool:
    """The headline's companions that no wording rule reads as a byline: a date alone, an author's name
    linking to the author's page or standing alone, a short row with a date in it ("News |
    14.03.2025 09:31 | Views: 411")."""
    text = b.text.strip()
    return (is_date_line(text) or _author_link(b) or bool(_NAME_LINE.match(text))
            or (len(text.split()) <= 12 and "\n" not in text and not SENTENCE_END.search(text)
                and b.link_share < 0.3 and b.owner.tag != "li" and bool(_DATE_IN_ROW.search(text))))


# A date in a row of the page's meta data: "14.03.2025", "14 березня 2025", "March 14, 2025", "3 April 2025".
_DATE_IN_ROW = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
                          r"\b\d{1,2}\s+[а-яіїєґ]{3,12}\.?\s+\d{4}|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|"
                          r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}")


def _section_links(box: Any) -> set[str]:
    """The box's links to a section of the site ("Futsal", "Економіка"), not to an author: a category chip."""
    out: set[str] = set()
    for a in box.iter("a"):
        text = SPACES.sub(" ", a.text_content()).strip()
        if text and len(text.split()) <= 3 and not _AUTHOR_HREF.search(a.get("href") or "") \
                and not is_date_line(text) and not _NAME_LINE.match(text):
            out.add(text)
    return out


def _without(box: Any, drop: Callable[[str], bool]) -> str:
    """The text of a box of separate items (a byline's row) without the items `drop` says go, each
    with the separator before it: "<b>Name</b> | 12.03.2025 <span>Views: 1532</span>" without its
    counter is "Name | 12.03.2025"; "Author: X | 17.03.2025 13:45 | 2 min" without its reading time
    is "Author: X | 17.03.2025 13:45".  Text outside the items, and items of separators alone, are
    the separators.  "" when nothing goes."""
    out, pending = "", box.text or ""
    dropped = False
    for child in box:
        if not isinstance(child.tag, str) or child.tag in SKIP_TAGS:
            pending += child.tail or ""
            continue
        item = SPACES.sub(" ", child.text_content()).strip()
        if not any(ch.isalnum() for ch in item):
            pending += child.text_content()
        elif drop(item):
            out, pending = (out + pending).rstrip(_SEPARATORS), ""
            dropped = True
        else:
            out += pending + child.text_content()
            pending = ""
        pending += child.tail or ""
    return SPACES.sub(" ", out + pending).strip(_SEPARATORS) if dropped else ""


_SEPARATORS = " \t\n\u00a0\u202f|·•"


def _only_counters(b: Block) -> bool:
    """A box of separate items that are all counters: comments, views, a reading time."""
    items = [SPACES.sub(" ", child.text_content()).strip() for child in b.owner
             if isinstance(child.tag, str) and child.tag not in SKIP_TAGS]
    items = [item for item in items if any(ch.isalnum() for ch in item)]
    loose = (b.owner.text or "") + "".join(child.tail or "" for child in b.owner)
    return bool(items) and not any(ch.isalnum() for ch in loose) and all(_counter(item) for item in items)


def _counter(item: str) -> bool:
    """A counter of the byline's row: "Views: 1532", "Comments: 12", "47"."""
    return is_boilerplate(item) or bool(_NUMBER_ONLY.match(item))


# A person's name alone on a line: "Khrystyna Palamarchuk", "Ігор САВЧУК".
_NAME_LINE = re.compile(r"^[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’ʼ-]+(?:\s+[A-ZА-ЯІЇЄҐ][A-Za-zА-ЯІЇЄҐа-яіїєґ'’ʼ-]+){1,2}$")


def meta_parts(b: Block) -> list[str]:
    """The items of a box of the headline's companions made of separate elements, the date and the
    author, with the view and comment counters, a reading time and icons left out
    ("14-03-2025, 10:42 1 284 3 Olena Kravchuk": "14-03-2025, 10:42", "Olena Kravchuk")."""
    if "\n" in b.text or len(b.text) > 200 or SENTENCE_END.search(b.text):
        return []
    items = [SPACES.sub(" ", child.text_content()).strip() for child in b.owner
             if isinstance(child.tag, str) and child.tag not in SKIP_TAGS and child.tag != "br"]
    items = [t for t in items if t]
    loose = (b.owner.text or "") + "".join(child.tail or "" for child in b.owner)
    if len(items) < 2 or any(ch.isalnum() for ch in loose):
        return []
    parts = [t for t in items if any(ch.isalpha() for ch in t) or is_date_line(t)]
    parts = [t for t in parts if not is_boilerplate(t) and t not in _section_links(b.owner)]
    kinds = [is_date_line(t) or bool(_NAME_LINE.match(t)) or is_byline(t) for t in parts]
    return parts if parts and all(kinds) and len(parts) < len(items) + 1 else []


def _heading_box(b: Block, container: Any) -> bool:
    """A short line in a box the markup calls a title or heading (site builders that set subheadings in
    <div class="t-title">), not a sentence."""
    text = b.text
    if "\n" in text or len(text.split()) > 12 or HEADING_END.search(text) or text.rstrip().endswith("?"):
        return False
    # (The box holds the line and little else.)
    return b.owner.tag in ("div", "span", "p") and _in_small_box(b.owner, _HEADING_MARK, container, len(text) + 20)


_HEADING_MARK = _word_rx(r"(?:\w+ )?(?:sub)?(?:title|heading|headline|subhead)(?:\s|$)")


def _attribution(b: Block, blocks: list[Block], kept: set[int], container: Any) -> bool:
    """The line right under a quote naming who said it ("— Olesia Haidamaka, curator")."""
    text = b.text.strip()
    if len(text.split()) > 20 or b.index - 1 not in kept:
        return False
    # "— Name", or the speaker in the quote's own <figcaption>/<cite> (<figure><blockquote>…</blockquote>
    # <figcaption>Name, role</figcaption></figure>).
    if not (_DASH_START.match(text) or (_quote_figure(b.owner) and any(
            a.tag in ("figcaption", "cite") for a in _ancestors(b.owner)))):
        return False
    if not _is_descendant(b.owner, container) or _in_furniture(b.owner, container):
        return False
    return _quote_like(blocks[b.index - 1])


_DASH_START = re.compile(r"^[—–-]\s*\S")


def _quote_like(b: Block) -> bool:
    return any(a.tag in ("blockquote", "q") for a in _ancestors(b.owner)) or _quote_box(b.owner, None)


def _quote_box(el: Any, stop: Any) -> bool:
    """Whether the element sits in a box the markup names a quote's (one quote), below `stop`."""
    return _in_small_box(el, _QUOTE_MARK, stop, _QUOTE_BOX)


_QUOTE_BOX = 1200


def _cell_of(b: Block) -> Any:
    """The cell of a table of data that the block is, or whose only text it is (Word's "save as web
    page" sets a <p> in every cell), else None."""
    cell = b.owner if b.owner.tag in ("td", "th") else next(
        (a for a in _ancestors(b.owner) if a.tag in ("td", "th")), None)
    if cell is None:
        return None
    if cell is not b.owner:
        text = SPACES.sub(" ", b.text).strip()
        if not _fits(cell, len(text)) or SPACES.sub(" ", cell.text_content()).strip() != text:
            return None
    return None if _layout_cell(cell) else cell


def _layout_cell(cell: Any) -> bool:
    """Whether a table cell is page layout (a column of an old site's table, the article in it), not a
    cell of a table of data: it holds another table or paragraphs of text, or its table does."""
    table = next((a for a in cell.iterancestors() if a.tag == "table"), None)
    if table is None:
        return True
    if cell.find(".//table") is not None or table.find(".//table") is not None:
        return True
    if any(a.tag == "table" for a in table.iterancestors()):
        return True  # a table inside a layout table is a box of the layout (a byline row, a comment)
    text = cell.text_content()
    return len(text) > 300 or "\n\n" in text.strip()


def _rescued(b: Block, container: Any, title_pos: int, first_body: int, lead_end: int, last_text: int = -1) -> bool:
    """A block trafilatura left out that the article needs: its byline, an editor's note, its lead."""
    if not _is_descendant(b.owner, container) or _in_furniture(b.owner, container):
        return False
    text = b.text
    if _marked(b.owner, _NOTE_MARK, container) or is_note(text):
        return b.index > title_pos
    if title_pos < b.index < lead_end and len(text) <= 200 and _cell_of(b) is None and (
            _byline_box(b.owner, container) or is_byline(text) or _meta_line(b) or meta_parts(b)):
        return True   # (a cell of a table of data, a score box's "Halytski Levy Lviv", is no byline)
    if title_pos < b.index < first_body:
        # The lead, marked so or running text trafilatura left out before the text it kept.
        return (_marked(b.owner, _LEAD_MARK, container) and b.link_share < 0.5) or (
            _sentences(b) and len(b.text.split()) >= _LEAD_WORDS)
    # "Author: …" closing the text, or a signature ("Serhii Prykhodko, 21.08.2025") right after it.
    if b.index > first_body and bool(_AUTHOR_LABEL.match(text)) and is_byline(text):
        return True
    return (0 <= last_text < b.index <= last_text + 2 and is_byline(text) and not _SOURCE_LINE.match(text)
            and not _END_MARK.match(text))


def _in_text(b: Block, container: Any, body: list[int], owners: set[int], parents: set[int]) -> bool:
    """A block inside the article's text that trafilatura dropped: a subheading before an advert,
    a paragraph after a quote in a page that runs its paragraphs together with <br><br>."""
    if not body or b.index < body[0] or b.link_share >= 0.3:
        return False
    if not _is_descendant(b.owner, container) or _in_furniture(b.owner, container):
        return False
    text = b.text
    if is_boilerplate(text) or is_teaser(text):
        return False
    if b.owner.tag in HEADINGS or b.bold_heading:
        return b.index < body[-1]
    if id(b.owner) in owners:  # text of the very element that holds article text (its signature too)
        return len(text.split()) >= 4 or is_byline(text)
    if b.owner.tag == "li" and b.index < body[-1]:
        # An item of a list inside the text ("Denys Kravets — captain and programmer;").
        return len(text.split()) >= 3
    following = b.owner.getnext()
    if text.rstrip().endswith(":") and following is not None and following.tag in ("ul", "ol") and b.index < body[-1]:
        # The line that introduces a list of the text, not a list of links to other stories.
        listed = len(following.text_content().strip())
        linked = sum(len(a.text_content().strip()) for a in following.iter("a"))
        return listed > 0 and linked < 0.5 * listed
    if _quote_like(b) and len(text.split()) >= 8 and b.index < body[-1]:
        return True   # a quote set apart need not end in a full stop ("… than renovated classrooms”")
    if not (len(text.split()) >= 12 and SENTENCE_END.search(text)):
        return False
    # Inside the text, or after it in the box that holds its paragraphs: a last paragraph set as a
    # <div> where the others are <p>s (a <p> after the text that trafilatura left out, it left out knowingly).
    return b.index < body[-1] or (b.owner.tag == "div" and id(b.owner.getparent()) in parents)


def _update_time(b: Block, blocks: list[Block], kept: set[int], title_pos: int, container: Any) -> bool:
    """A live blog's update time ("13:10"): a line that is only a time (a date with it at most), set
    before an update of the article's text once its text has begun (the time under the headline is
    the byline's)."""
    if not _TIME_LINE.match(b.text) or b.index + 1 not in kept or blocks[b.index + 1].owner.tag in HEADINGS:
        return False
    if not _is_descendant(b.owner, container) or _in_furniture(b.owner, container):
        return False
    return any(title_pos < i < b.index and SENTENCE_END.search(blocks[i].text) for i in kept)


# "13:10", "1:10 pm", "06.04.2025 13:10", "6 квітня, 13:10": a time, a date at most beside it.
_TIME_LINE = re.compile(r"^(?:[\w.,/ -]{0,24}?[\s,]+)?\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?$", re.IGNORECASE)


def _above_title(blocks: list[Block], kept: set[int], title: int | None) -> list[int]:
    """Bylines set just above the headline (a blog's author, date and "Updated: …" lines): the
    byline-like blocks right before it, skipping furniture by its words ("3 min read")."""
    if title is None:
        return []
    found: list[int] = []
    for b in reversed(blocks[max(0, title - _NEAR):title]):
        if b.index in kept:
            break
        if is_boilerplate(b.text):
            continue
        plain_box = furniture(b.owner) == "not article text" or _byline_box(b.owner, None)
        # (A name alone is no byline here: above the headline it is as likely the site's name.)
        if not plain_box or not (is_byline(b.text) or is_date_line(b.text) or _author_link(b) or meta_parts(b)):
            break
        found.append(b.index)
    return found


def _heading_like(b: Block) -> bool:
    return b.owner.tag in HEADINGS or b.bold_heading




# A photo's caption ending in its credit: "Exhibits of the exhibition. Photo: Mariia Hnatiuk".
_CAPTION_CREDIT = re.compile(r"^.{0,200}\s(?:(?:photo|image|фото|світлина|ілюстрація)\s*:\s*[^.:]{2,80}"
                             r"|(?<=[.!?] )(?:photos?|image) by (?:the )?[^.:]{2,60}|(?<=[.!?] )фото автора"
                             r"|(?<=[.!?] )фото з архіву[^.:]{0,60}"
                             r"|(?<=[.!?] )(?:photos?|images?) (?:courtesy of|provided by|from) [^:]{2,60}"
                             r"|(?<=[.!?] )фото (?:надане|надала|надав|надали|надано|з|із) [^.:]{2,60})\.?$",
                             re.IGNORECASE | re.DOTALL)


def _end_marker(b: Block) -> bool:
    """A block that comes after an article's text, not inside it: its tags (labelled, or a line of
    hashtags), its comments, a newsletter's "Also in this issue", a wiki's "Sources"."""
    text = b.text.strip()
    if _END_MARK.match(text) or _HASHTAGS.match(text) or _NEXT_SECTION.match(text):
        return True
    return is_boilerplate(text) and bool(_COMMENTS_LINE.search(text))


def _citations_after(blocks: list[Block], b: Block) -> bool:
    """A "Sources" heading over a wiki's list of linked citations, which ends the text; an
    investigation's list of its sources in words is part of it."""
    if not _heading_like(b):
        return False
    text = b.text.strip()
    return (bool(_SOURCES.match(text)) and _links_follow(blocks, b)) or (
        bool(_FOOTNOTES.match(text)) and _back_links_follow(blocks, b))


def _back_links_follow(blocks: list[Block], b: Block) -> bool:
    """Footnotes under the heading: items that link back to their marks in the text ("… p. 14. ↩")."""
    return any(str(a.get("href") or "").startswith("#") and (
        SPACES.sub("", a.text_content()) in _BACK_ARROWS or "ref" in str(a.get("href")).lower())
        for f in blocks[b.index + 1:b.index + 4] for a in f.owner.iter("a"))


_FOOTNOTES = re.compile(r"^(?:notes|footnotes|endnotes|примітки|виноски)\s*:?$", re.IGNORECASE)
_BACK_ARROWS = frozenset({"↩", "↩︎", "↑", "^", "⤴"})


def _more_news(blocks: list[Block], b: Block) -> bool:
    """A label over a list of the site's other stories ("More Committee news", "Інші новини регіону"),
    which ends the text: a short line, not a sentence, with links under it."""
    text = b.text.strip()
    return len(text.split()) <= 6 and bool(_MORE_NEWS.match(text)) and _links_follow(blocks, b)


def _links_follow(blocks: list[Block], b: Block) -> bool:
    following = blocks[b.index + 1:b.index + 4]
    return bool(following) and sum(f.link_share for f in following) / len(following) >= 0.3


# "More Committee news", "Other news from the region", "Інші новини Комітету", "Більше новин з Києва".
_MORE_NEWS = re.compile(r"^(?:(?:other|more)\s+(?:[\w'’-]+\s+){0,3}?(?:news|stories|publications)\b"
                        r"|(?:інші|більше|ще)\s+(?:новини|новин|публікації|публікацій|матеріали)\b)[^.!?]*$",
                        re.IGNORECASE)


_NEXT_SECTION = re.compile(r"^(?:also\s+in\s+this\s+issue|more\s+in\s+this\s+issue|in\s+other\s+news|"
                           r"(?:media|press)\s+contacts?|контакти\s+для\s+(?:змі|преси)|"
                           r"(?:other|more)\s+news\s+(?:in|from)\s+this\s+section|"
                           r"також\s+у\s+(?:цьому\s+)?випуску|ще\s+у\s+випуску|інші\s+новини(?:\s+розділу)?|"
                           r"більше\s+новин\s+розділу)\s*[:.]?$", re.IGNORECASE)
_SOURCES = re.compile(r"^(?:sources|references|external\s+links|джерела|посилання|зовнішні\s+посилання|"
                      r"література)\s*:?$", re.IGNORECASE)


# "Tags: …", "Category: …", and a label with no colon before its comma-separated list ("Теги Закарпаття, …").
_END_MARK = re.compile(r"^(?:tags?|теги?|мітки|ключові\s+слова|keywords|topics|теми|categor(?:y|ies)|категорі[яї]|"
                       r"рубрик[аи])(?:\s*:|\s+[^.!?]*,[^.!?]*$)", re.IGNORECASE)
_COMMENTS_LINE = re.compile(r"comment|коментар|discussion|обговорення|about\s+the\s+author|про\s+автора",
                            re.IGNORECASE)
# A tag line with no label: "#Rivne #healthcare #perinatal centre".
_HASHTAGS = re.compile(r"^#[^\W\d_][\w'’-]*(?:[ \t,]+#?[^\W\d_][\w'’-]*)*$")


def _article_end(blocks: list[Block], kept: set[int], title: int | None) -> int:
    """The index of the first block after the article's text, else past the last: its tag list or
    comment section, once its text has begun.  What trafilatura keeps of a page it cannot read (a
    table layout's columns, a related-articles section after the tags) stops there; an editor's
    note after it stays."""
    start = title if title is not None else -1
    body = [i for i in sorted(kept) if i > start and SENTENCE_END.search(blocks[i].text)
            and len(blocks[i].text.split()) >= 6 and blocks[i].link_share < 0.3]
    if not body:
        return len(blocks)
    return next((b.index for b in blocks[body[0] + 1:] if _end_marker(b) or _citations_after(blocks, b)
                 or _more_news(blocks, b)), len(blocks))


def _furniture_kept(b: Block, title: int | None) -> bool:
    """Web furniture trafilatura let through: told by its wording ("Share", "Read more: <link>", a
    photo's caption ending in its credit), by being all links (a menu, a list of other articles), or
    by coming before the headline."""
    if b.index == title:
        return False
    if title is not None and b.index < title:
        return True
    if _furniture_wording(b):
        return True
    return b.link_share >= 0.75 and b.owner.tag not in HEADINGS


def _furniture_wording(b: Block) -> bool:
    """Furniture by its words: "Share", "Read more: <link>", a photo's caption ending in its credit, an
    attached file's link."""
    text = b.text
    return (is_boilerplate(text) or (is_teaser(text) and b.link_share >= 0.5)
            or (bool(_CAPTION_CREDIT.search(text)) and not _AUTHOR_LABEL.match(text))
            or bool(_PHOTO_CREDIT.match(text) or _URL_SOURCE.match(text)) or _attachment(b)
            or _caption_box(b.owner) or _inline_caption(b) or _embed_caption(b) or _credited_caption(b)
            or _figure_title(b)
            or (bool(_NUMBER_ONLY.match(text)) and _cell_of(b) is None and not is_date_line(text))
            or not any(ch.isalnum() for ch in text) or _marked(b.owner, _EMBED_MARK))


# A photo credit on its own line ("Photos: Serhii Melnyk", "Фото: …"), not an author's byline.
_PHOTO_CREDIT = re.compile(r"^(?:photos?|images?|фото|світлин[аи]|ілюстраці[яї])\s*(?:by\b|:)[^.:]{2,80}$",
                           re.IGNORECASE)
# A print page's address line: "Source: https://…", "Джерело: https://…".
_URL_SOURCE = re.compile(r"^(?:source|джерело|url|посилання)\s*:\s*https?://\S+$", re.IGNORECASE)
# A counter with no words (views, likes, comments next to their icons): "1 027", "47".
_NUMBER_ONLY = re.compile(r"^(?:\d+|\d{1,3}(?:[\s.,\u00a0\u202f]\d{3})+)(?:\s+(?:\d+|\d{1,3}(?:[\s.,\u00a0\u202f]\d{3})+))*$")


def _caption_box(el: Any) -> bool:
    """A photo's caption: in a <figcaption> or a small box the markup names a caption (Blogger's
    "tr-caption" cell).  Bigger boxes so named wrap more than a caption."""
    if _quote_figure(el):
        return False
    return any(anc.tag == "figcaption" for anc in _ancestors(el)) or _in_small_box(el, _CAPTION_MARK, None,
                                                                                    _BYLINE_BOX)


def _inline_caption(b: Block) -> bool:
    """A caption set as an inline element beside its photo (<div><img><br><span class="img-cap">…</span></div>):
    all of a short block's text inside one element the markup names a caption."""
    if b.size > _CAPTION_TEXT or len(b.owner.text_content()) > 4 * _CAPTION_TEXT:
        return False
    text = SPACES.sub(" ", b.text).strip()
    return any(el is not b.owner and isinstance(el.tag, str) and _CAPTION_MARK.search(_names(el))
               and SPACES.sub(" ", el.text_content()).strip() == text for el in b.owner.iter())


_CAPTION_TEXT = 300


def _figure_title(b: Block) -> bool:
    """A chart's or a photo's title inside its <figure> ("<figure><h3>Workload per doctor, 2025</h3><iframe>"):
    the figure's, not a subheading of the text.  A quote's figure and a table's cells are not."""
    return b.owner.tag in HEADINGS and any(a.tag == "figure" for a in _ancestors(b.owner)) \
        and not _quote_figure(b.owner)


def _credited_caption(b: Block) -> bool:
    """A photo's caption in a box of its own with the credit in the next ("<div><img></div><div>Caption.</div>
    <div>Photo: Name</div>", markup that names neither): a short block whose next element is the credit,
    in a small box that holds the picture."""
    after = b.owner.getnext()
    box = b.owner.getparent()
    if b.size > _CAPTION_TEXT or after is None or box is None or not isinstance(after.tag, str):
        return False
    if not _PHOTO_CREDIT.match(SPACES.sub(" ", after.text_content()).strip()):
        return False
    # The picture is in the box, or beside it in the figure's own box.
    return any(next(el.iter("img"), None) is not None and len(el.text_content()) <= 2 * _CAPTION_TEXT
               for el in (box, box.getparent()) if el is not None)


def _embed_caption(b: Block) -> bool:
    """The line under an embedded social post or video ("Post on the RMA Telegram channel · Open in
    Telegram"): a short block in a small box that also holds the network's frame or widget script."""
    if b.size > _CAPTION_TEXT:
        return False
    for box in list(_ancestors(b.owner))[1:3]:
        if not _fits(box, _CAPTION_TEXT):
            return False
        if any(_EMBED_SOURCE.search(str(el.get("src") or "")) for el in box.iter("iframe", "script")):
            return True
    return False


_EMBED_SOURCE = re.compile(r"^(?:https?:)?//(?:[\w-]+\.)*(?:t\.me|telegram\.org|twitter\.com|x\.com|"
                           r"platform\.twitter\.com|instagram\.com|facebook\.com|facebook\.net|youtube\.com|"
                           r"youtube-nocookie\.com|youtu\.be|tiktok\.com|vimeo\.com)/", re.IGNORECASE)

# "nimg-cap", "photo-cap": "cap" as a word of its own ("capital" is no caption); "podpis"/"pidpys" are
# the word for a caption (підпис) as Ukrainian and Russian sites transliterate it.
_CAPTION_MARK = _word_rx("figcaption", "caption", "wp ?caption", "image ?caption", "photo ?caption",
                         r"cap(?=\s|$)", "podpis", "pidpys")


def _attachment(b: Block) -> bool:
    """A link to an attached file ("Annexes 1–7 (XLSX, 384 KB)"), not a sentence that links to one."""
    if b.link_share < 0.5 or len(b.text) > 300:
        return False
    return bool(_FILE_SIZE.search(b.text)) or any(_FILE_LINK.search(a.get("href") or "") for a in b.owner.iter("a"))


_FILE_EXTENSIONS = r"pdf|docx?|xlsx?|odt|ods|rtf|pptx?|zip|rar|7z"
_FILE_LINK = re.compile(rf"\.(?:{_FILE_EXTENSIONS})(?:[?#].*)?$", re.IGNORECASE)
_FILE_SIZE = re.compile(rf"\((?:{_FILE_EXTENSIONS})\b[,;]?\s*[\d.,\s]+\s*(?:[kmg]i?b|[кмг]б|bytes|байт)\)", re.IGNORECASE)


# Roles the publication styles itself: a page's bold headline or italic byline is the site's look.
_STYLED_ROLES = frozenset({"title", "headline", "heading", "byline"})


def article(root: Any, blocks: list[Block], keys: list[str]) -> Page:
    """The article's paragraphs among the page's blocks, given trafilatura's text."""
    _mark_page_forms(root)
    titles = _meta_titles(root)
    blocks = _headline_apart(blocks, titles)
    kept = _kept(blocks, keys)
    title = _choose_title(blocks, kept, titles)
    kept = {i for i in kept if not _furniture_kept(blocks[i], title)}
    # A label whose list went ("More news:", "Tags:") goes with it.
    for i in sorted(kept, reverse=True):
        text = blocks[i].text
        if text.endswith(":") and len(text.split()) <= 4 and i + 1 not in kept:
            kept.discard(i)
    if title is not None:
        kept.add(title)
    if _thin(blocks, kept, title):
        kept |= _densest(blocks, title)
    end = _article_end(blocks, kept, title)
    kept = {i for i in kept if i < end or is_note(blocks[i].text)}
    forced: dict[int, Role] = {}   # roles the neighbourhood decides: update times, attributions, bylines
    container = None
    first_body = lead_end = len(blocks)
    if kept:
        container = _common_ancestor([blocks[i].owner for i in sorted(kept)])
        first_body, lead_end = _complete(blocks, kept, forced, title, end, container)
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    roles = {i: forced.get(i) or _role(blocks[i], title, container, first_body, lead_end) for i in kept}
    rows: dict[int, tuple[str, Role]] = {i: (text, "byline") for i, text in _byline_rows(blocks, kept, roles).items()}
    rows |= {i: (text, "table") for i, text in _cell_rows(blocks, kept, roles).items()}
    for b in blocks:
        if b.index in rows:
            text, role = rows[b.index]
            if text:
                paragraphs.append(Paragraph(text, role, str(b.line)))
            continue
        if b.index in kept and roles[b.index] == "byline" and _only_counters(b):
            # A row of counters under the headline ("0 1,502 Reading time: 3 min"): no byline at all.
            removed.append(Removed(" ".join(b.text.split()), str(b.line), "counters"))
        elif b.index in kept:
            role = roles[b.index]
            text = _paragraph_text(b, role)
            if role == "byline" and _SEPARATOR_START.match(text) and paragraphs and paragraphs[-1].role == "byline" \
                    and b.index - 1 in kept:
                # One row of the page set as two boxes: "By Daria Ostapenko" and "| September 3, 2025".
                last = paragraphs.pop()
                paragraphs.append(Paragraph(f"{last.text} {text}", "byline", last.location))
                continue
            if role == "byline" and paragraphs and paragraphs[-1].role == "byline" \
                    and _key(plain(paragraphs[-1].text)) in _key(plain(text)):
                # The row's box read whole ("Автор Олена Гриценко - 14 березня 2025") after a piece of it.
                paragraphs.pop()
            paragraphs.append(Paragraph(text, role, str(b.line)))
        else:
            removed.append(Removed(" ".join(b.text.split()), str(b.line), furniture(b.owner)))
    return Page(paragraphs, removed)


def _byline_rows(blocks: list[Block], kept: set[int], roles: dict[int, Role]) -> dict[int, str]:
    """A byline's label set as an element of its own ("<div>Автор</div> <a>Олена Гриценко</a>"): one
    byline with the name after it, in one small box.  Block index → the joined text for the label,
    "" for the name it took."""
    out: dict[int, str] = {}
    order = sorted(kept)
    for i, j in pairwise(order):
        if roles[i] == roles[j] == "byline" and _BYLINE_LABEL.match(blocks[i].text.strip()) and j not in out:
            box = _common_ancestor([blocks[i].owner, blocks[j].owner])
            if _fits(box, _BYLINE_BOX):
                out[i] = f"{escape(blocks[i].text.strip())} {_paragraph_text(blocks[j], 'byline')}"
                out[j] = ""
    return out


def _cell_rows(blocks: list[Block], kept: set[int], roles: dict[int, Role]) -> dict[int, str]:
    """A table of data read a row a paragraph, as the page shows it: the row's cells joined by a tab
    (a row aligns with the translation's row, and its numbers are checked together; the publication
    sets the cells apart again).  Block index → the row's text for its first cell, "" for the rest."""
    out: dict[int, str] = {}
    cells = {i: _cell_of(blocks[i]) for i in kept if roles[i] == "table"}
    order = [i for i in sorted(cells) if cells[i] is not None]
    k = 0
    while k < len(order):
        row = cells[order[k]].getparent()
        run = [order[k]]
        while k + len(run) < len(order) and order[k + len(run)] == run[-1] + 1 \
                and cells[order[k + len(run)]].getparent() is row:
            run.append(order[k + len(run)])
        k += len(run)
        if len(run) > 1 and all("\n" not in blocks[i].text for i in run):
            out[run[0]] = "\t".join(_paragraph_text(blocks[i], "table") for i in run)
            out.update((i, "") for i in run[1:])
    return out


# A byline's label alone: "By", "Автор", "Author:", "Текст:".
_BYLINE_LABEL = re.compile(r"^(?:by|written\s+by|posted\s+by|author|автор(?:ка)?|текст|text)\s*:?$", re.IGNORECASE)


def _stray(b: Block) -> bool:
    """A short line that is no sentence, no byline and no heading, or one mostly of figures."""
    text = b.text
    if b.owner.tag in HEADINGS or SENTENCE_END.search(text) or is_byline(text) or _meta_line(b) or meta_parts(b):
        return False
    words = text.split()
    return len(words) <= 6 or sum(any(ch.isdigit() for ch in w) for w in words) >= 0.3 * len(words)


def _sentences(b: Block) -> bool:
    """A block that reads as running text: sentences (or one that introduces a quote or a list with a
    colon), few links."""
    words = len(b.text.split())
    ends = bool(SENTENCE_END.search(b.text)) or (words >= 12 and b.text.rstrip().endswith(":"))
    return words >= 8 and ends and b.link_share < 0.3


def _thin(blocks: list[Block], kept: set[int], title: int | None) -> bool:
    """Whether trafilatura kept next to no running text after the headline (a news agency's page of
    ids and <br>s, where it took the footer for the article)."""
    start = title if title is not None else -1
    # (A quoted document alone is not the article: a page whose own paragraphs are <div>s around it.)
    text = [blocks[i] for i in kept if i > start and _sentences(blocks[i]) and not _furniture_wording(blocks[i])
            and not _quote_like(blocks[i])]
    return len(text) < 2 or sum(b.size for b in text) < _THIN


_THIN = 400


def _densest(blocks: list[Block], title: int | None) -> set[int]:
    """The running text of the box that holds the most of it after the headline, outside any box the
    markup calls furniture: the article, where trafilatura found none."""
    start = title if title is not None else -1
    candidates = [b for b in blocks[start + 1:]
                  if _sentences(b) and furniture(b.owner) == "not article text" and not _furniture_wording(b)]
    per_owner: dict[int, int] = {}
    for b in candidates:
        per_owner[id(b.owner)] = per_owner.get(id(b.owner), 0) + 1
    boxes: dict[int, list[Block]] = {}
    held = []   # the parents looked at, kept alive so that their ids stay theirs
    for b in candidates:
        # Paragraphs split by <br><br> share their element; paragraphs of their own (<p>, <div>)
        # share their parent.
        box = b.owner if per_owner[id(b.owner)] > 1 else b.owner.getparent()
        held.append(box)
        boxes.setdefault(id(box), []).append(b)
    if not boxes:
        return set()
    best = max(boxes.values(), key=lambda group: sum(b.size for b in group))
    return {b.index for b in best}


_PULL_MARK = _word_rx("pull ?quote", "pullquote", "highlight", "callout")
_LEAD_WORDS = 10  # a lead paragraph, not a site's tagline ("From Wikinews, the free news source you can write!")
_SOURCE_LINE = re.compile(r"^(?:source|джерело)\s*:", re.IGNORECASE)
_SEPARATOR_START = re.compile(r"^[|·•/—–]\s*\S")


def _headline_apart(blocks: list[Block], titles: list[str]) -> list[Block]:
    """The page's blocks, with a block that runs the headline together with its date by a single
    <br> (an old site's table cell: "15.03.2025<br>Headline") split into its lines."""
    out: list[Block] = []
    for b in blocks:
        keys = [_key(text).lower() for text, _ in b.lines]
        if 1 < len(b.lines) <= 4 and any(len(k) >= 15 and any(k == t or (k in t and len(k) >= 0.6 * len(t))
                                                               for t in titles) for k in keys):
            tagged = b.tagged if len(b.tagged) == len(b.lines) else [escape(text) for text, _ in b.lines]
            # (Link and bold counts are the whole block's and are not split: a date and a headline
            # set in one cell are neither lists of links nor bold subheadings.)
            out += [Block([line], b.owner, 0, 0, 0, [tag]) for line, tag in zip(b.lines, tagged, strict=True)]
        else:
            out.append(b)
    for n, b in enumerate(out):
        b.index = n
    return out


def _list_label(b: Block, blocks: list[Block], kept: set[int], container: Any) -> bool:
    """The label over a list of the article ("Key points", "Головне коротко")."""
    text = b.text.strip()
    if b.index + 1 not in kept or blocks[b.index + 1].owner.tag != "li" or "\n" in text:
        return False
    if len(text.split()) > 5 or HEADING_END.search(text) or is_boilerplate(text) or is_teaser(text):
        return False
    return _is_descendant(b.owner, container) and not _in_furniture(b.owner, container)


def _complete(blocks: list[Block], kept: set[int], forced: dict[int, Role], title: int | None, end: int,
              container: Any) -> tuple[int, int]:
    """Add to `kept` what trafilatura left out that the article needs, take out what it let through
    that is not, and settle the roles its neighbours decide (in `forced`).  Returns where the text
    begins after the headline's companions, and where the lead (up to the second paragraph) ends."""
    title_pos = title if title is not None else -1
    # Boxes the markup calls furniture that trafilatura let through: an author's bio, a newsletter
    # form (below the article's own box; a byline or a note in them stays).
    for i in [i for i in kept if i != title and _in_furniture(blocks[i].owner, container)
              and not (is_byline(blocks[i].text) or is_note(blocks[i].text))]:
        kept.discard(i)
    body = [i for i in sorted(kept) if i > title_pos and blocks[i].owner.tag not in HEADINGS]
    # The text begins after the headline's companions (byline, date), whether trafilatura kept them or not.
    first_body = next((i for i in body if not (is_byline(blocks[i].text) or _meta_line(blocks[i])
                                               or meta_parts(blocks[i]) or blocks[i].bold_heading
                                               or _heading_box(blocks[i], container) or _stray(blocks[i]))),
                      len(blocks))
    # Short lines between the headline and the text that are neither its companions nor sentences: a
    # match's score, a kicker ("Ukrainian Cup final · Lutsk").
    for i in [i for i in kept if title_pos < i < first_body and _stray(blocks[i])]:
        kept.discard(i)
    body = [i for i in body if i in kept]
    # A standfirst may come before the byline: the companions are looked for up to the second paragraph.
    lead_end = next((i for i in body if i > first_body and _sentences(blocks[i])), len(blocks))
    owners = {id(blocks[i].owner) for i in body}
    # (The parent elements are held in a list: lxml gives the same Python object for an element only
    # while one is alive, and their ids are compared below.)
    parent_elements = [blocks[i].owner.getparent() for i in body if blocks[i].owner.tag == "p"]
    parents = {id(el) for el in parent_elements}
    # The article's last paragraphs, its notes included: a signature may follow them.
    kept_text = [i for i in kept if _sentences(blocks[i]) or is_note(blocks[i].text)]
    for b in blocks:
        if b.index not in kept and (b.index < end or is_note(b.text)) and not _furniture_wording(b) \
                and (_rescued(b, container, title_pos, first_body, lead_end, max(kept_text, default=-1))
                     or _in_text(b, container, body, owners, parents)):
            kept.add(b.index)
            if _attribution(b, blocks, kept, container):
                forced[b.index] = "quote"   # "Name, director of …" under a quote: its speaker, not a byline
        elif b.index not in kept and b.index < end and _update_time(b, blocks, kept, title_pos, container):
            kept.add(b.index)
            forced[b.index] = "heading"
        elif b.index not in kept and title_pos < b.index < end and _list_label(b, blocks, kept, container):
            kept.add(b.index)
            forced[b.index] = "heading"
        elif b.index < end and _attribution(b, blocks, kept, container):
            kept.add(b.index)
            forced[b.index] = "quote"
    # Trailing subheadings head nothing of the article: "Photo gallery", "Documents" above a
    # gallery or a list of attached files that went.
    while kept and max(kept) != title and _heading_like(blocks[max(kept)]) and not (
            _NAME_LINE.match(blocks[max(kept)].text.strip()) or is_byline(blocks[max(kept)].text)):
        kept.discard(max(kept))   # (a bold signature is no subheading)
    for i in _above_title(blocks, kept, title):
        kept.add(i)
        forced[i] = "byline"
    running = [i for i in sorted(kept) if _sentences(blocks[i]) and not is_note(blocks[i].text)]
    if len(running) >= 3:
        last = running[-1]
        if last - 1 not in kept and last - 1 > running[-2] and _author_link(blocks[last - 1]):
            kept.discard(last)   # an author's bio under the author's linked name, after the text
    # A pull quote repeats a sentence of the text, set large beside it (an <aside>, a quote box): the
    # sentence is read once.
    pulls = [i for i in kept if i != title and len(blocks[i].text.split()) >= 5
             and (_quote_like(blocks[i]) or any(a.tag == "aside" or _PULL_MARK.search(_names(a))
                                                for a in _ancestors(blocks[i].owner)))]
    if pulls:
        text = "\x00".join(_key(blocks[i].text).lower() for i in sorted(kept) if i not in pulls)
        for i in pulls:
            if _key(blocks[i].text).lower().strip("«»\"“”„'") in text:
                kept.discard(i)
    text_end = max((i for i in kept if SENTENCE_END.search(blocks[i].text) and len(blocks[i].text.split()) >= 6
                    and not is_note(blocks[i].text) and not is_boilerplate(blocks[i].text)), default=len(blocks))
    for i in kept:
        text = blocks[i].text.strip()
        if i > text_end and (_NAME_LINE.match(text) or (is_byline(text) and not _SOURCE_LINE.match(text))):
            # The author's name alone after the text, or a signature ("Ірина Коваль, фото автора"), is
            # the byline, not a subheading or text.
            forced[i] = "byline"
        elif _SOURCE_LINE.match(text) and not _URL_SOURCE.match(text):
            forced[i] = "body"   # "Джерело: пресслужба ОВА" credits the news's source: text, not a byline
    return first_body, lead_end


def _paragraph_text(b: Block, role: Role) -> str:
    """A kept block's text as the PO holds it: a styled role's whole-paragraph emphasis left out (the
    site's look), a byline's counters and reading time left out with their separators."""
    if role == "byline":
        # The byline's row without its counters, reading time and category chip: the items meta_parts
        # keeps, else (a box of one line) all but its counters.
        parts = meta_parts(b)
        trimmed = ""
        if parts:
            trimmed = _without(b.owner, lambda item: item not in parts)
        elif "\n" not in b.text and _fits(b.owner, _BYLINE_BOX):
            # (A box of one line: the source's own line breaks between its items do not count.)
            trimmed = _without(b.owner, _counter)
        if trimmed and trimmed != b.text:
            return escape(trimmed)
    return without_whole_emphasis(b.tagged_text) if role in _STYLED_ROLES else b.tagged_text

def extract(root: Any) -> list[str]:
    """trafilatura's article text of the page, as block keys."""
    # trafilatura costs a fifth of a second to import: only for web pages.
    from trafilatura import bare_extraction

    # fast: no justext/readability fallback. Its stop lists for a hundred languages cost 0.3 s on a page
    # trafilatura finds short, and editflow's own walk rescues what the fallback would (measured on the
    # three page sets: the same paragraphs and roles).
    result = bare_extraction(copy.deepcopy(root), include_comments=False, include_tables=True,
                             include_images=False, include_links=False, with_metadata=False, fast=True)
    body = getattr(result, "body", None)
    return _extracted_keys(body) if body is not None else []
