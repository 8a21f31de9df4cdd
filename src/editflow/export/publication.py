"""The English article as a publication-ready Word document.

What goes where (decided for a desk that pastes the result into its CMS or
lays it out for print):

- the headline (the first `title` paragraph, else the first paragraph that
  is not furniture) in the Title style; headline variants are left out, or
  with `subtitle=True` the first one, its label ("Headline option 2:")
  stripped, goes in as the Subtitle;
- bylines, datelines and photo credits of the top of the article right
  under the headline, in a "Byline" style; a byline further down stays where
  it stands, in the same style;
- section headings in Heading 1 (the PO keeps no heading level, and under a
  Title the first level is what Word and pandoc use), quote paragraphs
  (`quote` role, i.e. a block quote in the source) in Quote, everything else
  in Normal, the house's body style;
- editor's and translator's notes, whole-paragraph or inline, exactly as
  written;
- table cells (no tables in a publication document): one paragraph per
  table row, its cells joined by " – ", when the PO records where each cell
  stood; else one paragraph per cell;
- footnotes after the body;
- an attribution or credit line ("Originally published by …", "Translated
  by …", "This article was first published in Ukrainian by …", "Reprinted
  with permission") last, in a "Credit" style, wherever it stood;
- dropped: web boilerplate (share buttons, comment forms, cookie banners,
  copyright footers of the source site) and "Read more:" teasers, which link
  to other pages of the source site and mean nothing in a republication.

The document says it is English (w:lang in the default run properties and
on Normal, unless a template already says which English) and carries core
properties: title, author (the byline, else the PO's Last-Translator),
subject, keywords (glossary terms found in the English), dates from
`export_moment`, and the identifier of `editflow.outputs`, by which a later
export knows it may replace the file.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.errors import InputError
from editflow.model import Paragraph
from editflow.outputs import Claim, OutputKind, WriteResult, decide, identifier
from editflow.roles import assign_roles, is_boilerplate, is_labelled_variant, is_teaser

if TYPE_CHECKING:
    import polib

    from editflow.glossary import Glossary

# Output paragraph kinds → the style each is written in.
STYLES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "byline": "Byline",
    "heading": "Heading 1",
    "quote": "Quote",
    "body": "Normal",
    "note": "Normal",
    "footnote": "Normal",
    "credit": "Credit",
}
# Styles editflow defines itself when a document lacks them; the others are
# Word built-ins that every real template has, so missing ones are worth a warning.
_OWN_STYLES = {"Byline", "Credit"}

# Attribution of the whole piece: who published it first, who translated it.
_CREDIT = re.compile(
    r"^(?:(?:this\s+(?:article|story|piece|report|text|material)\s+(?:was|is|has\s+been)\s+"
    r"(?:\w+\s+){0,3}(?:published|produced|translated|republished|reprinted|written))|"
    r"(?:originally|first)\s+(?:published|appeared)|"
    r"(?:re)?published\s+(?:with|by\s+(?:arrangement|permission))|"
    r"(?:reprinted|republished|translated)\s+(?:with|by|from)|"
    r"translation\s*(?:by|from|:)|translated\s+from\b|"
    r"source\s*:|"
    r"(?:вперше\s+)?опубліковано\s|першоджерело\s*:|оригінал\s*:)",
    re.IGNORECASE,
)
# "Text by …, photos by …": a byline the role reader misses, not a headline.
_BY_LINE = re.compile(r"^(?:text|words|story|reporting|photos?|images?|video|illustrations?)\s+by\s+\S",
                      re.IGNORECASE)
_SENT_END = re.compile(r"[.!?…:;,\"'»”’)\]]$")
_TABLE_CELL = re.compile(r"(?:^|/)table(\d+)/r(\d+)c(\d+)$")
_LABEL = re.compile(r"^[^:]{1,60}:\s*")
_PLACEHOLDER_TRANSLATOR = re.compile(r"FULL NAME|EMAIL@ADDRESS", re.IGNORECASE)


@dataclass
class Block:
    """One paragraph of the publication: what it is and its text."""
    kind: str   # a key of STYLES
    text: str


@dataclass
class Plan:
    """What the publication will contain, decided from the English paragraphs alone."""
    blocks: list[Block]
    dropped: list[Paragraph] = field(default_factory=list)
    author: str = ""

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if b.kind == "title"), "")


_CREDIT_HEAD, _CREDIT_TAIL = 6, 10  # where a credit line may stand: the first / last paragraphs


def is_credit(text: str) -> bool:
    """Whether a paragraph is an attribution of the whole piece (first publisher, translator)."""
    t = text.strip()
    return len(t) <= 250 and bool(_CREDIT.match(t))


def strip_variant_label(text: str) -> str:
    """"Headline option 2: Overnight strike …" → "Overnight strike …"."""
    t = text.strip()
    if is_labelled_variant(t):
        t = _LABEL.sub("", t, count=1)
    return t


def author_from_byline(text: str) -> str:
    """The writer a byline names: "By A and B" → "A; B"; "" for datelines and photo credits."""
    t = text.strip()
    m = re.match(r"^(?:by|text\s+by|words\s+by|story\s+by|reporting\s+by|author|authors|text|words)"
                 r"\s*:?\s+(.+)$", t, re.IGNORECASE)
    if not m:
        return ""
    names = re.split(r",|;|\s+[–—-]\s+", m.group(1))[0]
    people = [n.strip(" .") for n in re.split(r"\s+and\s+|\s*&\s*", names) if n.strip(" .")]
    # A name is a few capitalised words; "By the end of …" never reaches here as a byline.
    people = [p for p in people if 0 < len(p.split()) <= 4 and p[:1].isupper()]
    return "; ".join(people)


def _looks_like_heading(p: Paragraph, following: Paragraph | None) -> bool:
    # A plain-text translation loses heading markup: a short line without
    # final punctuation between body paragraphs is a section heading.
    t = p.text.strip()
    return (p.role == "body" and following is not None and following.role in ("body", "quote")
            and 0 < len(t) <= 80 and len(t.split()) <= 10 and t[:1].isupper()
            and "\n" not in t and not _SENT_END.search(t))


def _table_rows(paragraphs: list[Paragraph], start: int) -> tuple[list[str], int]:
    """The table starting at `start` as row texts, and the index after it."""
    rows: list[tuple[tuple[str, str], list[str]]] = []
    i = start
    while i < len(paragraphs) and paragraphs[i].role == "table":
        p = paragraphs[i]
        m = _TABLE_CELL.search(p.location)
        key = (m.group(1), m.group(2)) if m else ("", str(i))
        if rows and rows[-1][0] == key:
            rows[-1][1].append(p.text.strip())
        else:
            rows.append((key, [p.text.strip()]))
        i += 1
    return [" – ".join(c for c in cells if c) for _, cells in rows], i


def plan_publication(paragraphs: list[Paragraph], *, subtitle: bool = False,
                     last_translator: str = "") -> Plan:
    """Decide each English paragraph's place in the publication (see the module docstring)."""
    paras = [Paragraph(p.text.strip(), p.role, p.location) for p in paragraphs if p.text.strip()]
    for k, p in enumerate(paras):
        # Credits stand at the top or the bottom; "Originally published in
        # 1995, the book …" in the middle of the story is a sentence.
        if (k < _CREDIT_HEAD or k >= len(paras) - _CREDIT_TAIL) and is_credit(p.text):
            p.role = "credit"
        elif p.role in ("headline", "body") and _BY_LINE.match(p.text):
            p.role = "byline"
    dropped: list[Paragraph] = []
    keep: list[Paragraph] = []
    for p in paras:
        # The role reader may have missed furniture in a table or a footnote; the text decides.
        if p.role in ("boilerplate", "teaser") or (p.role != "credit" and (is_boilerplate(p.text)
                                                                           or is_teaser(p.text))):
            dropped.append(p)
        else:
            keep.append(p)
    furniture = ("byline", "credit", "note", "headline", "footnote")
    title_p = next((p for p in keep if p.role == "title"), None) or next(
        (p for p in keep if p.role not in furniture), keep[0] if keep else None)
    variants = [p for p in keep if p.role == "headline" and p is not title_p]
    top_bylines: list[Paragraph] = []
    for p in keep:  # bylines before the first paragraph of text belong under the headline
        if p is title_p or p.role in ("headline", "title"):
            continue
        if p.role == "byline":
            top_bylines.append(p)
        elif p.role not in ("note", "credit"):
            break

    blocks: list[Block] = []
    if title_p is not None:
        blocks.append(Block("title", title_p.text))
    if subtitle and variants:
        blocks.append(Block("subtitle", strip_variant_label(variants[0].text)))
    blocks += [Block("byline", p.text) for p in top_bylines]
    dropped += variants[1:] if subtitle else variants
    placed = {id(p) for p in [title_p, *variants, *top_bylines]}
    rest = [p for p in keep if id(p) not in placed]
    credits = [p for p in rest if p.role == "credit"]
    footnotes = [p for p in rest if p.role == "footnote"]
    body = [p for p in rest if p.role not in ("credit", "footnote")]
    i = 0
    while i < len(body):
        p = body[i]
        if p.role == "table":
            rows, i = _table_rows(body, i)
            blocks += [Block("body", r) for r in rows if r]
            continue
        following = body[i + 1] if i + 1 < len(body) else None
        if p.role in ("heading", "title") or _looks_like_heading(p, following):
            kind = "heading"
        elif p.role in ("quote", "byline", "note"):
            kind = p.role
        else:
            kind = "body"  # body, and a stray headline-like line we keep rather than lose
        blocks.append(Block(kind, p.text))
        i += 1
    blocks += [Block("footnote", p.text) for p in footnotes]
    blocks += [Block("credit", p.text) for p in credits]

    author = next((a for p in top_bylines + [q for q in keep if q.role == "byline"]
                   if (a := author_from_byline(p.text))), "")
    if not author and last_translator and not _PLACEHOLDER_TRANSLATOR.search(last_translator):
        author = re.sub(r"\s*<[^>]*>\s*", " ", last_translator).strip()
    return Plan(blocks, dropped, author)


# ---------------------------------------------------------------------------
# The PO side
# ---------------------------------------------------------------------------

def english_paragraphs(po: polib.POFile, po_path: Path) -> list[Paragraph]:
    """The English paragraphs with their roles, and where each stood in the translation file."""
    from editflow.po import entry_info, po_to_documents

    _src, tgt, beads = po_to_documents(po, po_path)
    live = [e for e in po if not e.obsolete]
    infos = [entry_info(e) for e in live]
    if not any(infos):
        # A PO made by another tool carries no roles: read them off the text.
        assign_roles(tgt.paragraphs)
        return tgt.paragraphs
    # Locations (e.g. "table1/r2c1") come from the entries' target references;
    # they tell which table cells share a row.  Entries and beads go in step,
    # except entries that rebuilt to nothing (no bead).
    target_ref = po.metadata.get("X-Editflow-Target", "")
    it = iter(beads)
    for entry, info in zip(live, infos, strict=True):
        if info is not None:
            produced = bool(info.src) or bool(info.tgt) or bool(entry.msgstr)
        else:
            produced = bool(entry.msgstr) or bool(entry.msgid)
        if not produced:
            continue
        bead = next(it, None)
        if bead is None:
            break
        where = [loc for ref, loc in map(_split_occurrence, entry.occurrences) if ref == target_ref]
        if len(where) == len(bead.tgt):
            for j, loc in zip(bead.tgt, where, strict=True):
                tgt.paragraphs[j].location = loc
    return tgt.paragraphs


def _split_occurrence(occ: tuple[str, str]) -> tuple[str, str]:
    # polib splits "file:12" but leaves "file.docx:table1/r2c1" whole.
    path, line = occ
    if line:
        return path, line
    ref, _, loc = path.rpartition(":")
    return (ref, loc) if ref else (path, "")


# ---------------------------------------------------------------------------
# The Word side
# ---------------------------------------------------------------------------

_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DROP_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people")


def open_template(template: Path) -> Any:
    """The template as a python-docx Document with an empty body (its final section kept)."""
    import docx

    template = Path(template)
    if not template.is_file():
        raise InputError(template, "template not found", "give the path of a .docx reference document")
    hint = "give a Word .docx (or .dotx) reference document"
    try:
        data = template.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            ct = z.read("[Content_Types].xml")
            if _TEMPLATE_CT in ct:  # a Word template (.dotx): same parts, another content type
                out = io.BytesIO()
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                    for item in z.infolist():
                        raw = z.read(item.filename)
                        w.writestr(item, raw.replace(_TEMPLATE_CT, _DOCUMENT_CT)
                                   if item.filename == "[Content_Types].xml" else raw)
                data = out.getvalue()
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError):
        raise InputError(template, "is not a valid .docx template", hint) from None
    except Exception as e:  # python-docx raises ValueError, lxml errors, ... on a broken package
        raise InputError(template, f"is not a valid .docx template ({type(e).__name__})", hint) from None
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    # The template's own comments would survive as orphan parts; a
    # publication carries none.  Nor should it record revisions.
    rels = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(_DROP_RELS)]:
        del rels[rid]
    settings = document.settings.element
    for el in settings.findall(qn("w:trackRevisions")):
        settings.remove(el)
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            _accept_revisions(rel.target_part.element)
    return document


# Revision marks a header or footer of the template may hold: the ones whose
# content stays (insertions) are unwrapped, the rest removed with their content.
_UNWRAP = ("ins", "moveTo")
_REMOVE = ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
           "tcPrChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
           "moveToRangeEnd", "commentRangeStart", "commentRangeEnd", "commentReference")


def _accept_revisions(element: Any) -> None:
    """Accept every tracked change inside `element`; drop comment anchors."""
    for name in _REMOVE:
        for el in list(element.iter(_W + name)):
            el.getparent().remove(el)
    for name in _UNWRAP:
        for el in list(element.iter(_W + name)):
            parent = el.getparent()
            at = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(at, child)
            parent.remove(el)


def _set_english(document: Any) -> None:
    """w:lang on the default run properties and on Normal: English, unless already an English."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    targets = [rpr]
    normal = _default_paragraph_style(styles)
    if normal is not None:
        targets.append(normal.get_or_add_rPr())
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            # Word rejects run properties out of schema order.
            rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        if not (lang.get(qn("w:val")) or "").lower().startswith("en"):
            lang.set(qn("w:val"), "en-US")


def _outline_level(style: Any, level: int) -> None:
    # So that a created heading still shows in the navigation pane and the PDF outline.
    style.element.get_or_add_pPr().get_or_add_outlineLvl().val = level


def _default_paragraph_style(styles: Any) -> Any:
    # XPath, not python-docx's styles.default(): that one reads every style
    # through its attribute machinery, a noticeable share of an export.
    found = styles.xpath('w:style[@w:type="paragraph" and (@w:default="1" or @w:default="true")]')
    return found[0] if found else None


def _paragraph_style(styles: Any, name: str) -> Any:
    from docx.styles import BabelFish

    internal = BabelFish.ui2internal(name)
    for candidate in dict.fromkeys((internal, name)):
        found = styles.xpath(f'w:style[@w:type="paragraph" and w:name/@w:val="{candidate}"]')
        if found:
            return found[0]
    return None


def _ensure_styles(document: Any, names: set[str], from_template: bool) -> tuple[dict[str, str], list[str]]:
    """The style id for each paragraph style name; missing styles created from Normal."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles_el = document.styles.element
    normal_el = _default_paragraph_style(styles_el)
    normal = document.styles.get_by_id(normal_el.styleId, WD_STYLE_TYPE.PARAGRAPH) if normal_el is not None else None
    out: dict[str, str] = {}
    missing: list[str] = []
    for name in sorted(names):
        found = _paragraph_style(styles_el, name)
        if found is not None:
            out[name] = found.styleId
            continue
        if name not in _OWN_STYLES or from_template:
            missing.append(name)
        try:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        except ValueError:  # the name is taken by a character or table style
            out[name] = normal_el.styleId if normal_el is not None else ""
            continue
        if normal is not None:
            style.base_style = normal
            style.next_paragraph_style = normal
        font = style.font
        # Enough look to keep the structure visible until the house defines the style.
        if name == "Title":
            font.size, font.bold = Pt(24), True
        elif name == "Subtitle":
            font.size, font.italic = Pt(15), True
        elif name.startswith("Heading"):
            font.size, font.bold = Pt(15), True
            style.paragraph_format.keep_with_next = True
            _outline_level(style, 0)
        elif name in ("Quote", "Byline", "Credit"):
            font.italic = True
        if name == "Byline":
            font.size = Pt(10)
        style.quick_style = True
        out[name] = style.style_id
    return out, missing


def build_document(plan: Plan, *, template: Path | None = None) -> tuple[Any, list[str]]:
    """The python-docx Document for a plan, and warnings about the template."""
    import docx

    document = open_template(template) if template is not None else docx.Document()
    warnings: list[str] = []
    wanted = {STYLES[b.kind] for b in plan.blocks}
    styles, missing = _ensure_styles(document, wanted, from_template=template is not None)
    if missing:
        warnings.append(f"{template}: the template has no style{'s' if len(missing) > 1 else ''} "
                        f"{', '.join(missing)}; used styles based on Normal instead (define them in the template to style them)")
    _set_english(document)
    normal = _default_paragraph_style(document.styles.element)
    default_id = normal.styleId if normal is not None else None
    ids = {kind: styles[name] for kind, name in STYLES.items() if name in styles}
    body = document.element.body
    sect = body.find(_W + "sectPr")
    for block in plan.blocks:
        style_id = ids[block.kind]
        p = _paragraph(block.text, style_id if style_id and style_id != default_id else None)
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)
    return document, warnings


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _paragraph(text: str, style_id: str | None) -> Any:
    """A w:p element: one run, line breaks and tabs as Word writes them.

    Built with lxml directly: python-docx's add_paragraph(style=…) looks up
    the default style by scanning every style on each call, which made up
    half the export time of an 80-paragraph article.
    """
    from lxml import etree

    p = etree.Element(_W + "p")
    if style_id:
        ppr = etree.SubElement(p, _W + "pPr")
        etree.SubElement(ppr, _W + "pStyle").set(_W + "val", style_id)
    r = etree.SubElement(p, _W + "r")
    for k, line in enumerate(text.split("\n")):
        if k:
            etree.SubElement(r, _W + "br")  # a soft return in the source stays one
        for j, piece in enumerate(line.split("\t")):
            if j:
                etree.SubElement(r, _W + "tab")
            if piece:
                t = etree.SubElement(r, _W + "t")
                t.text = piece
                if piece != piece.strip():
                    t.set(_XML_SPACE, "preserve")
    return p


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

def _header_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,;]", value or "") if v.strip()]


def glossary_keywords(text: str, glossary: Glossary | None) -> list[str]:
    """English renderings of the glossary's terms that occur in the text, in order of appearance."""
    if glossary is None:
        return []
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    for term in glossary.terms:
        for en in term.en:
            m = re.search(r"(?<!\w)" + re.escape(en.lower()) + r"(?!\w)", lowered)
            if m:
                found.append((m.start(), en))
                break
    seen: set[str] = set()
    out = []
    for _, en in sorted(found):
        if en.lower() not in seen:
            seen.add(en.lower())
            out.append(en)
    return out


def set_properties(document: Any, *, title: str, author: str, subject: str, keywords: list[str],
                   comments: str, identifier: str) -> None:
    props = document.core_properties
    # Everything a template may carry about itself is replaced.
    props.title = title[:255]
    props.author = author[:255]
    props.subject = subject[:255]
    props.keywords = ", ".join(keywords)[:255]
    props.comments = comments[:255]
    props.category = ""
    props.content_status = ""
    props.version = ""
    props.language = "en-US"
    props.identifier = identifier
    props.last_modified_by = "editflow"


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

def write_publication(po_path: Path, out: Path, *, template: Path | None = None, subtitle: bool = False,
                      force: bool = False, glossary: Glossary | None = None) -> WriteResult:
    """Export the PO's English as a publication-ready .docx at `out`.

    An existing `out` is replaced as `editflow.outputs.decide` allows (this
    PO's own publication), else InputError unless `force`.  The result has
    the title, author, paragraphs written (and per kind), what was dropped
    (by role) and warnings (stale inputs, template styles missing).
    `glossary`: the glossary whose renderings become the document's keywords
    (default: the one the PO's project settings name).
    """
    from editflow.config import load_settings
    from editflow.errors import EditflowError
    from editflow.export._package import export_moment, save_docx
    from editflow.po import load_po, stale_inputs

    po_path, out = Path(po_path), Path(out)
    po = load_po(po_path)
    paragraphs = english_paragraphs(po, po_path)
    if not any(p.text.strip() for p in paragraphs):
        raise InputError(po_path, "has no English text", "translate it (msgstr) before exporting")
    plan = plan_publication(paragraphs, subtitle=subtitle, last_translator=po.metadata.get("Last-Translator", ""))
    if not plan.blocks:
        raise InputError(po_path, "has no English text to publish (only web boilerplate and teasers)",
                         "check the translation")
    claim = Claim.from_po(OutputKind.PUBLICATION, po.metadata, po_path)
    ownership = decide(out, claim).require(force)

    warnings = [f"{po_path}: {name} changed since it was aligned; re-run 'editflow align' to refresh the PO"
                for name in stale_inputs(po, po_path)]
    document, template_warnings = build_document(plan, template=template)
    warnings += template_warnings

    md = po.metadata
    if md.get("X-Editflow-Keywords"):
        keywords = _header_list(md["X-Editflow-Keywords"])
    else:
        try:
            if glossary is None:
                from editflow.glossary import load_glossary

                sources = load_settings(po_path).glossary_sources()
                glossary = load_glossary(sources) if sources else None
            keywords = glossary_keywords("\n".join(b.text for b in plan.blocks), glossary)
        except EditflowError as e:  # a broken glossary costs the keywords, not the export
            warnings.append(f"keywords left empty: {e.format_message()}")
            keywords = []
    source = md.get("X-Editflow-Source", "")
    subject = md.get("X-Editflow-Subject") or "English translation from Ukrainian"
    author = md.get("X-Editflow-Author") or plan.author
    set_properties(document, title=plan.title, author=author,
                   subject=subject, keywords=keywords,
                   comments=f"Exported by editflow from {po_path.name}" + (f" (original: {Path(source).name})"
                                                                         if source else ""),
                   identifier=identifier(claim))
    save_docx(document, out, export_moment(po))

    dropped: dict[str, int] = {}
    for p in plan.dropped:
        role = p.role if p.role in ("boilerplate", "teaser", "headline") else (
            "teaser" if is_teaser(p.text) else "boilerplate")
        dropped[role] = dropped.get(role, 0) + 1
    styles = {k: sum(1 for b in plan.blocks if b.kind == k) for k in STYLES if any(b.kind == k for b in plan.blocks)}
    return WriteResult(out, OutputKind.PUBLICATION, ownership.state, paragraphs=len(plan.blocks), dropped=dropped,
                       warnings=warnings, title=plan.title, author=author, styles=styles)
