"""Unsaved operations on disk, so that work survives Ctrl-C or a crash.

The editor writes the operations made since the PO was loaded (as they stand after undo) each
time they change; Save clears the file.  The next session finds it and offers to restore: the
operations are replayed on the PO, provided it is still the file they were made on (its
fingerprint when loaded is recorded with them).

In a project the journal is `.editflow/journal/<po-name>.json`; outside one, `.<po-name>.journal.json`
beside the PO.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from editflow.config import find_root
from editflow.errors import InputError
from editflow.fileio import atomic_write
from editflow.pairing.model import PairingError
from editflow.pairing.ops import Op

VERSION = 1


@dataclass(frozen=True)
class Pending:
    """What a journal holds: the operations, and the PO (its fingerprint) they were made on."""
    fingerprint: str
    ops: list[Op]
    po: str


@dataclass(frozen=True)
class Journal:
    path: Path
    po: Path

    @staticmethod
    def for_po(po_path: Path) -> Journal:
        po_path = Path(po_path)
        root = find_root(po_path)
        if root is not None:
            return Journal(root / ".editflow" / "journal" / f"{po_path.name}.json", po_path)
        return Journal(po_path.with_name(f".{po_path.name}.journal.json"), po_path)

    def write(self, fingerprint: str, ops: list[Op]) -> None:
        """Record `ops` (all the unsaved operations, in order); an empty list clears the journal."""
        if not ops:
            self.clear()
            return
        data = {"version": VERSION, "po": str(self.po), "fingerprint": fingerprint,
                "ops": [op.as_json() for op in ops]}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def read(self) -> Pending | None:
        """The pending operations, or None when there are none."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise InputError(self.path, f"journal cannot be read ({e.strerror or e})", "check its permissions") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            ops = [Op.from_json(d) for d in data["ops"]]
            return Pending(str(data["fingerprint"]), ops, str(data.get("po", "")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, PairingError) as e:
            raise InputError(self.path, f"journal is damaged ({e.format_message() if isinstance(e, PairingError) else e})",
                             "delete it to start afresh (its unsaved operations are lost)") from None

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
