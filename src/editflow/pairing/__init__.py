"""The alignment editor's library: one working file as rows of paragraphs, operations on them,
re-alignment around the rows a person pinned, and saving without losing what people wrote.

`editflow edit` (the browser page) and `editflow pair` (the command line) are thin layers on
this package; /work/issues/pairing-api.md describes the API they use.
"""

from editflow.pairing.journal import Journal, Pending
from editflow.pairing.model import SIDES, NeedsConfirmation, Pairing, PairingError, Para, Row, Side
from editflow.pairing.ops import (
    OPS,
    Op,
    apply_op,
    choose_headline,
    edit_english,
    join,
    link,
    mark_boilerplate,
    move_paragraph,
    pair_rows,
    pin,
    replay,
    set_role,
    split_paragraph,
    split_row,
    unpair,
    unpin,
)
from editflow.pairing.realign import RealignContext, realign
from editflow.pairing.store import SaveReport, load_pairing, read_pairing, render, save_pairing, to_po
from editflow.pairing.view import alignment_json, page_json, row_findings, to_alignment

__all__ = [
    "OPS", "SIDES", "Journal", "NeedsConfirmation", "Op", "Pairing", "PairingError", "Para", "Pending", "RealignContext", "Row",
    "SaveReport", "Side", "alignment_json", "apply_op", "choose_headline", "edit_english", "join", "link",
    "load_pairing", "mark_boilerplate", "move_paragraph", "page_json", "pair_rows", "pin", "read_pairing", "realign", "render",
    "replay", "row_findings", "save_pairing", "set_role", "split_paragraph", "split_row", "to_alignment", "to_po",
    "unpair", "unpin",
]
