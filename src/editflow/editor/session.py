"""One editing session of one PO: the states the translator went through, undo and redo, the
journal of unsaved work, and Save.

Every operation is `editflow.pairing`'s: a pure function from one `Pairing` to the next. The
session only keeps the states in order, so that undo is a step back, and writes the operations
since the last save to the journal after every change, so that a crash or Ctrl-C loses nothing
(`editflow edit` of the same PO offers them back). A save starts a new history: what is on disk
is then the state, and the journal is empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editflow import pairing
from editflow.config import Settings
from editflow.fileio import ChangedOnDisk
from editflow.glossary import Glossary
from editflow.pairing import Journal, Op, Pairing
from editflow.pairing.realign import RealignContext

# Every operation of the library: the pure ones by name, and re-alignment (which needs the context).
OPERATIONS = frozenset([*pairing.OPS, "realign"])


class Refused(Exception):
    """An operation the session did not apply; the message says why, in one line."""


class NeedsConfirmation(Refused):
    """The operation would cut English a person edited in two: ask, then send it again confirmed."""


class Conflict(Refused):
    """Save found the PO changed on disk since the page loaded it; nothing was written."""


@dataclass
class Step:
    op: Op
    state: Pairing


@dataclass(frozen=True)
class Offer:
    """Unsaved work an earlier session left in the journal."""

    ops: tuple[Op, ...]
    applies: bool  # made on the PO as it is now on disk (else it cannot be replayed safely)

    def as_json(self) -> dict[str, Any]:
        return {"operations": len(self.ops), "applies": self.applies,
                "names": [op.name for op in self.ops]}


class EditorSession:
    """The editor's state for one PO. Not thread-safe: the server calls it one request at a time."""

    def __init__(self, po_path: Path, settings: Settings | None = None, glossary: Glossary | None = None,
                 context: RealignContext | None = None) -> None:
        self.path = Path(po_path)
        self.settings = settings
        self.context = context if context is not None else RealignContext(glossary=glossary)
        self.glossary = glossary
        self.base = pairing.load_pairing(self.path)
        self.steps: list[Step] = []
        self.position = 0           # steps[:position] are applied; the rest can be redone
        self.version = 0            # changes whenever the state does; the page sends it back
        self.journal = Journal.for_po(self.path)
        self.offer = self._pending_offer()
        self.last_message = ""
        self._findings: tuple[int, dict[int, list[Any]]] | None = None

    # ------------------------------------------------------------------ what the page shows

    @property
    def title(self) -> str:
        return self.path.name

    @property
    def current(self) -> Pairing:
        return self.steps[self.position - 1].state if self.position else self.base

    @property
    def unsaved(self) -> bool:
        """Work that is not in the PO: applied operations, or an earlier session's not yet answered."""
        return self.position > 0 or self.offer is not None

    def findings(self) -> dict[int, list[Any]]:
        if self._findings is None or self._findings[0] != self.version:
            found = pairing.row_findings(self.current, self.path, settings=self.settings, glossary=self.glossary)
            self._findings = (self.version, found)
        return self._findings[1]

    def state(self) -> dict[str, Any]:
        data = pairing.page_json(self.current, self.findings())
        data.update({
            "version": self.version,
            "unsaved": self.position > 0,
            "undo": self.steps[self.position - 1].op.name if self.position else None,
            "redo": self.steps[self.position].op.name if self.position < len(self.steps) else None,
            "offer": self.offer.as_json() if self.offer is not None else None,
            "journal": str(self.journal.path),
            "title": self.title,
        })
        return data

    # ------------------------------------------------------------------ changes

    def apply(self, name: str, args: dict[str, Any], confirm: bool = False) -> str:
        if self.offer is not None:
            raise Refused("first restore or discard the unsaved work of the earlier session")
        if name not in OPERATIONS:
            raise Refused(f"no operation called {name!r}")
        op = Op(name, dict(args), confirm)
        new = self._run(lambda: pairing.apply_op(self.current, op, self.context))
        del self.steps[self.position:]
        self.steps.append(Step(op, new))
        self.position += 1
        self._changed()
        return ""

    def undo(self) -> str:
        if self.position == 0:
            raise Refused("nothing to undo")
        self.position -= 1
        self._changed()
        return f"undid {self.steps[self.position].op.name}"

    def redo(self) -> str:
        if self.position == len(self.steps):
            raise Refused("nothing to redo")
        self.position += 1
        self._changed()
        return f"redid {self.steps[self.position - 1].op.name}"

    def save(self) -> str:
        if self.offer is not None:
            raise Refused("first restore or discard the unsaved work of the earlier session")
        try:
            report = pairing.save_pairing(self.current, self.path, settings=self.settings, glossary=self.glossary)
        except ChangedOnDisk as e:
            raise Conflict(f"{self.path.name} changed on disk since the page loaded it; nothing was saved "
                           f"(your changes are kept here and in the journal: reload the page to keep "
                           f"working on them, or restart 'editflow edit' to start from the file as it is now)"
                           ) from e
        except pairing.PairingError as e:
            raise Refused(e.format_message()) from e
        self.base = pairing.load_pairing(self.path)
        self.steps, self.position = [], 0
        self.journal.clear()  # save_pairing clears it too; an editor must not rely on that to exit 0
        self.version += 1
        lost = f"; {len(report.dismissals_lost)} dismissed finding(s) no longer apply" if report.dismissals_lost else ""
        self.last_message = f"saved {self.path.name}: {report.rows_written} rows{lost}"
        return self.last_message

    def restore_journal(self) -> str:
        if self.offer is None:
            raise Refused("there is no unsaved work to restore")
        if not self.offer.applies:
            raise Refused(f"the unsaved work was made on another version of {self.path.name} "
                          f"(it changed on disk since); it cannot be replayed safely: discard it")
        state = self.base
        steps: list[Step] = []
        for op in self.offer.ops:
            state = self._run(lambda op=op, state=state: pairing.apply_op(state, op, self.context))
            steps.append(Step(op, state))
        self.steps, self.position, self.offer = steps, len(steps), None
        self._changed()
        return f"restored {len(steps)} unsaved operation(s)"

    def discard_journal(self) -> str:
        if self.offer is None:
            raise Refused("there is no unsaved work to discard")
        self.offer = None
        self.journal.clear()
        self.version += 1
        return "discarded the earlier session's unsaved work"

    # ------------------------------------------------------------------ internals

    def _pending_offer(self) -> Offer | None:
        pending = self.journal.read()
        if pending is None:
            return None
        if not pending.ops:
            self.journal.clear()
            return None
        return Offer(tuple(pending.ops), applies=pending.fingerprint == self.base.fingerprint)

    def _run(self, action: Any) -> Pairing:
        try:
            result: Pairing = action()
        except pairing.NeedsConfirmation as e:
            raise NeedsConfirmation(e.format_message()) from e
        except pairing.PairingError as e:
            raise Refused(e.format_message()) from e
        return result

    def _changed(self) -> None:
        self.version += 1
        ops = [s.op for s in self.steps[:self.position]]
        if ops:
            self.journal.write(self.base.fingerprint, ops)
        else:
            self.journal.clear()
