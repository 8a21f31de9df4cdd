"""The publication's input: the English paragraphs of a PO working file, with their roles and
where each stood (table cells), read back exactly as the PO keeps them, less those a reviewer
left out (`editflow.history.is_dropped`: a headline variant whose review row was deleted).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editflow.model import Paragraph
from editflow.roles import assign_roles

if TYPE_CHECKING:
    import polib




def english_paragraphs(po: polib.POFile, po_path: Path, left_out: list[Paragraph] | None = None) -> list[Paragraph]:
    """The English paragraphs with their roles, and where each stood in the translation file.

    The paragraphs of entries marked to be left out are not returned; they are appended to
    `left_out` when it is given (for the export's count of what it dropped).
    """
    from editflow.history import is_dropped
    from editflow.po import entry_info, po_to_documents

    _src, tgt, beads = po_to_documents(po, po_path)
    live = [e for e in po if not e.obsolete]
    infos = [entry_info(e) for e in live]
    if not any(infos):
        # A PO made by another tool carries no roles: read them off the text.
        assign_roles(tgt.paragraphs)
        return tgt.paragraphs
    dropped: set[int] = set()
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
        if is_dropped(entry):
            dropped.update(bead.tgt)
        where = [loc for ref, loc in map(_split_occurrence, entry.occurrences) if ref == target_ref]
        if len(where) == len(bead.tgt):
            for j, loc in zip(bead.tgt, where, strict=True):
                tgt.paragraphs[j].location = loc
    if left_out is not None:
        left_out += [p for j, p in enumerate(tgt.paragraphs) if j in dropped]
    return [p for j, p in enumerate(tgt.paragraphs) if j not in dropped]


def _split_occurrence(occ: tuple[str, str]) -> tuple[str, str]:
    # polib splits "file:12" but leaves "file.docx:table1/r2c1" whole.
    path, line = occ
    if line:
        return path, line
    ref, _, loc = path.rpartition(":")
    return (ref, loc) if ref else (path, "")
