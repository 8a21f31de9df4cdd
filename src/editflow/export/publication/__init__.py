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
- dropped: the paragraphs of entries a reviewer left out (a headline
  variant whose row was deleted in the review: `editflow: drop` in the PO),
  web boilerplate (share buttons, comment forms, cookie banners,
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

from pathlib import Path
from typing import TYPE_CHECKING

from editflow.errors import InputError
from editflow.export.publication.document import build_document
from editflow.export.publication.plan import STYLES, plan_publication
from editflow.export.publication.properties import glossary_keywords, header_list, set_properties
from editflow.export.publication.source import english_paragraphs
from editflow.outputs import Claim, OutputKind, WriteResult, decide, identifier
from editflow.roles import is_teaser

if TYPE_CHECKING:
    import polib

    from editflow.glossary import Glossary
    from editflow.model import Paragraph

__all__ = ["unconfirmed_pairs", "write_publication"]


def unconfirmed_pairs(po: polib.POFile) -> list[str]:
    """Where the doubtful pairs no one has confirmed are: "uk ¶3 ↔ en ¶4" for each fuzzy entry with a pairing."""
    from editflow.po import ADDED_MSGID, english_parts, entry_info

    out: list[str] = []
    uk = en = 0
    for entry in po:
        if entry.obsolete:
            continue
        info = entry_info(entry)
        n_uk = len(info.src) if info is not None else int(bool(entry.msgid and entry.msgid != ADDED_MSGID))
        n_en = len(english_parts(entry, info))
        if info is not None and "fuzzy" in entry.flags:
            sides = [f"uk ¶{uk + 1}" + (f"-{uk + n_uk}" if n_uk > 1 else "") if n_uk else "uk —",
                     f"en ¶{en + 1}" + (f"-{en + n_en}" if n_en > 1 else "") if n_en else "en —"]
            out.append(" ↔ ".join(sides))
        uk, en = uk + n_uk, en + n_en
    return out


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
    from editflow.export._package import check_storable, export_moment, save_docx
    from editflow.po import decode_ref, load_po, stale_inputs

    po_path, out = Path(po_path), Path(out)
    po = load_po(po_path)
    check_storable(po, po_path)
    left_out: list[Paragraph] = []
    paragraphs = english_paragraphs(po, po_path, left_out)
    if not any(p.text.strip() for p in paragraphs):
        raise InputError(po_path, "has no English text", "translate it (msgstr) before exporting")
    plan = plan_publication(paragraphs, subtitle=subtitle, last_translator=po.metadata.get("Last-Translator", ""))
    plan.dropped += left_out
    if not plan.blocks:
        raise InputError(po_path, "has no English text to publish (only web boilerplate and teasers)",
                         "check the translation")
    claim = Claim.from_po(OutputKind.PUBLICATION, po.metadata, po_path)
    ownership = decide(out, claim).require(force)

    warnings = [f"{po_path}: {name} changed since it was aligned; re-run 'editflow align' to refresh the PO"
                for name in stale_inputs(po, po_path)]
    doubtful = unconfirmed_pairs(po)
    if doubtful:
        warnings.append(f"{po_path}: {len(doubtful)} doubtful pair(s) not confirmed yet ({', '.join(doubtful[:5])}"
                        f"{' …' if len(doubtful) > 5 else ''}); check them with 'editflow edit' or "
                        f"'editflow pair --pin', or clear their fuzzy flag")
    document, template_warnings = build_document(plan, template=template)
    warnings += template_warnings

    md = po.metadata
    if md.get("X-Editflow-Keywords"):
        keywords = header_list(md["X-Editflow-Keywords"])
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
                   comments=f"Exported by editflow from {po_path.name}" + (f" (original: {Path(decode_ref(source)).name})"
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
