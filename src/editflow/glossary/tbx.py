"""TBX glossaries: TBX 2008 (`<martif>`, ISO 30042:2008) and TBX v3 (`<tbx>`, ISO 30042:2019).

One concept entry (`termEntry` / `conceptEntry`) gives one `Term` per
Ukrainian term that is not itself deprecated: its English terms are the
accepted renderings (preferred ones first) and the English terms whose
`administrativeStatus` is deprecated, superseded, obsolete or forbidden are
the forbidden variants.  A Ukrainian term whose `termType` is an acronym or
abbreviation is matched exactly (`ЗСУ`), like `match=exact, case=exact` in
the CSV.  Allowed contexts for forbidden variants go in
`<note>allowed: Chicken Kiev | Dynamo Kiev</note>` (or an element of type
`x-allowedContext`) on the entry or on the English term.

The XML is parsed with entities, DTD loading and network access off, and a
DOCTYPE that declares entities is refused outright: a term base is data, and
"billion laughs" or external-entity tricks must never be expanded.
"""

from __future__ import annotations

import re

from editflow.errors import InputError
from editflow.glossary.term import Term, split_cell

# administrativeStatus values (TBX 2008 spells them `…-admn-sts`; v3 files do too,
# and some tools write the bare words).
_BAD_STATUS = ("deprecated", "superseded", "obsolete", "forbidden", "notrecommended", "rejected")
_PREFERRED_STATUS = ("preferred",)
_ABBREV_TYPES = ("acronym", "abbreviation", "shortform", "initialism")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ALLOWED_NOTE = re.compile(r"^\s*allowed(?:\s+context)?s?\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _lang(el) -> str:
    v = el.get("{http://www.w3.org/XML/1998/namespace}lang") or el.get("lang") or ""
    return v.split("-")[0].split("_")[0].lower()


def _status(container) -> tuple[str, str]:
    """(administrativeStatus, termType) of a term container, lower-case, '' when absent."""
    status = ttype = ""
    for el in container.iter():
        if _local(el.tag) in ("termNote", "descrip", "admin"):
            kind = (el.get("type") or "").strip()
            value = "".join(el.itertext()).strip().lower()
            if kind in ("administrativeStatus", "normativeAuthorization"):
                status = value
            elif kind == "termType":
                ttype = value
    return status, ttype


def _allowed(el) -> list[str]:
    out: list[str] = []
    for sub in el.iter():
        name = _local(sub.tag)
        text = "".join(sub.itertext()).strip()
        if name in ("note", "descrip", "admin", "termNote") and (sub.get("type") or "") == "x-allowedContext":
            out += split_cell(text)
        elif name == "note" and (m := _ALLOWED_NOTE.match(text)):
            out += split_cell(m.group(1))
    return out


def _is_bad(status: str) -> bool:
    s = status.replace("-", "").replace(" ", "")
    return any(s.startswith(b) for b in _BAD_STATUS)


def parse_tbx(data: bytes, origin: str = "<tbx>") -> list[Term]:
    """Terms of a TBX file given as bytes (the XML declaration decides the encoding)."""
    from lxml import etree

    dt = _DOCTYPE.search(data)
    subset_end = data.find(b"]>", dt.start()) if dt else -1
    if dt and _ENTITY_DECL.search(data, dt.start(), subset_end if subset_end > 0 else len(data)):
        raise InputError(origin, "the TBX declares entities in its DOCTYPE, which editflow never expands",
                         "remove the <!DOCTYPE …> block (a term base needs no entities)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        line = getattr(e, "lineno", None) or (e.position[0] if getattr(e, "position", None) else 0)
        msg = (e.msg or str(e)).split(", line ")[0]
        raise InputError(origin, f"line {line}: malformed TBX ({msg})", "fix the XML or export the TBX again") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(origin, f"not a TBX file (root element <{_local(root.tag)}>)",
                         "expected <martif> (TBX 2008) or <tbx> (TBX v3)")
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        uk: list[tuple[str, str]] = []                  # (term, termType)
        preferred: list[str] = []
        admitted: list[str] = []
        forbidden: list[str] = []
        note = ""
        for sub in entry:
            name = _local(sub.tag)
            if name in ("descrip", "note") and not note and (sub.get("type") or "definition") in ("definition", ""):
                text = "".join(sub.itertext()).strip()
                if text and not _ALLOWED_NOTE.match(text):
                    note = text
            if name not in ("langSet", "langSec"):
                continue
            lang = _lang(sub)
            for term_el in sub.iter():
                if _local(term_el.tag) != "term":
                    continue
                text = " ".join("".join(term_el.itertext()).split())
                if not text:
                    continue
                container = term_el.getparent()
                if container is not None and _local(container.tag) == "termGrp":  # TBX 2008 ntig/termGrp/term
                    container = container.getparent()
                if container is None:  # a term element is always inside its entry's tree
                    continue
                status, ttype = _status(container)
                if lang == "uk":
                    if not _is_bad(status):
                        uk.append((text, ttype))
                elif lang == "en":
                    if _is_bad(status):
                        forbidden.append(text)
                    elif any(status.startswith(p) for p in _PREFERRED_STATUS):
                        preferred.append(text)
                    else:
                        admitted.append(text)
        if not uk:
            continue
        context = _allowed(entry)
        line = entry.sourceline or 0
        for text, ttype in uk:
            abbrev = ttype.replace(" ", "") in _ABBREV_TYPES
            terms.append(Term(uk=text, en=preferred + admitted, forbidden=list(forbidden), note=note,
                              context=context, case="exact" if abbrev else "any",
                              match="exact" if abbrev else "lemma", origin=f"{origin}:{line}"))
    return terms
