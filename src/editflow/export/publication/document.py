"""The Word side of the publication: a document from the house template (or python-docx's
default), its styles made sure of, the plan's blocks written as styled paragraphs, English as the
language, and no revisions or comments carried over from the template.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.errors import InputError
from editflow.export.publication.plan import OWN_STYLES, STYLES, Plan

if TYPE_CHECKING:

    pass



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
        if name not in OWN_STYLES or from_template:
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
    from editflow.export._package import new_document

    document = open_template(template) if template is not None else new_document()
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


def _paragraph(text: str, style_id: str | None) -> Any:
    """A w:p element: one run, line breaks, tabs and hyphens as Word writes them (`_package.append_text`).

    Built with lxml directly: python-docx's add_paragraph(style=…) looks up
    the default style by scanning every style on each call, which made up
    half the export time of an 80-paragraph article.
    """
    from lxml import etree

    from editflow.export._package import append_text

    p = etree.Element(_W + "p")
    if style_id:
        ppr = etree.SubElement(p, _W + "pPr")
        etree.SubElement(ppr, _W + "pStyle").set(_W + "val", style_id)
    append_text(etree.SubElement(p, _W + "r"), text)
    return p
