"""A `Pairing` read from a PO working file, and the PO it stands for.

Reading needs only the PO: it holds both texts paragraph for paragraph, so the editor and
`editflow pair` work when the original files have moved or changed.

Writing keeps everything people wrote.  A row that is still the entry it was loaded from is
written back exactly as it was read; a row a person changed becomes a new entry that takes, from
every entry whose paragraphs it now holds, the translator comments, markers, review records and
flags (as `editflow.refresh` does when a re-alignment moves paragraphs), and records per paragraph
in its machine line what must survive the next re-pairing: the paragraphs' stable ids, their roles
(a `!` when a person set it), the hash of each English paragraph as aligned, and `pin=1`.
The forbidden links of `--unpair` are a header field, `X-Editflow-Forbidden-Links`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polib

from editflow.align import DOUBT_THRESHOLD
from editflow.errors import InputError
from editflow.fileio import ChangedOnDisk, atomic_write, fingerprint, fingerprint_bytes
from editflow.history import DROP_MARK, is_dropped
from editflow.locks import locked
from editflow.outputs import require_writable
from editflow.pairing.model import Pairing, PairingError, Para, Row
from editflow.po import (
    ADDED_MSGID,
    KIND_LABELS,
    SEP,
    EntryInfo,
    _bead_id,
    _now,
    default_pid,
    english_originals,
    entry_info,
    entry_note,
    parse_po,
    read_po_bytes,
    text_hash,
)

if TYPE_CHECKING:
    from editflow.config import Settings
    from editflow.glossary import Glossary

FORBIDDEN_FIELD = "X-Editflow-Forbidden-Links"


# --------------------------------------------------------------------------- reading

def load_pairing(po_path: Path) -> Pairing:
    """The pairing of the PO at `po_path`, read strictly (a broken PO is refused with its line)."""
    return read_pairing(po_path)[0]


def read_pairing(po_path: Path) -> tuple[Pairing, polib.POFile]:
    """The pairing and the PO it was read from (one read of the file: the fingerprint is of those bytes)."""
    po_path = Path(po_path)
    data = read_po_bytes(po_path)
    po = parse_po(data, po_path)
    return pairing_from_po(po, po_path, fingerprint_bytes(data)), po


def _threshold(po: polib.POFile) -> float:
    try:
        return float(po.metadata.get("X-Editflow-Doubt-Threshold", "") or DOUBT_THRESHOLD)
    except ValueError:
        return DOUBT_THRESHOLD


def _reasons(entry: polib.POEntry) -> tuple[str, ...]:
    parts = entry_note(entry).split(" · ")[2:]
    return tuple(r for part in parts for r in part.split("; ") if r)


def _split_side(text: str, count: int, path: Path, entry: polib.POEntry, side: str) -> list[str]:
    if count == 0 or not text:
        return []
    parts = text.split(SEP) if count > 1 else [text]
    if len(parts) != count:
        raise InputError(path, f"entry {entry.msgctxt or entry.msgid[:30]!r}: the {side} side should hold "
                               f"{count} paragraph(s) separated by a blank line, found {len(parts)}",
                         "restore the blank lines or re-align")
    return parts


def pairing_from_po(po: polib.POFile, po_path: Path, print_fp: str = "") -> Pairing:
    threshold = _threshold(po)
    rows: list[Row] = []
    seen: set[str] = set()
    live = [e for e in po if not e.obsolete]
    for k, entry in enumerate(live):
        row = _row(entry, k, po_path, threshold, seen)
        rows.append(row)
    forbidden = _read_forbidden(po.metadata.get(FORBIDDEN_FIELD, ""))
    stray = tuple(k for k, r in enumerate(rows) if not r.uk and not r.en)
    return Pairing(tuple(r for r in rows if r.uk or r.en), threshold, forbidden, po_path, print_fp, tuple(rows),
                   po, stray)


def _unique_pid(pid: str, seen: set[str]) -> str:
    base, n = pid, 1
    while pid in seen:
        n += 1
        pid = f"{base}_{n}"
    seen.add(pid)
    return pid


def _row(entry: polib.POEntry, k: int, path: Path, threshold: float, seen: set[str]) -> Row:
    info = entry_info(entry)
    entry_id = entry.msgctxt or f"n{k + 1}"
    if info is None:  # a PO made elsewhere, or an entry added by hand: one paragraph a side
        uk_texts = [entry.msgid] if entry.msgid and entry.msgid != ADDED_MSGID else []
        en_texts = [entry.msgstr] if entry.msgstr else []
        info = EntryInfo((), (), 1.0, [], [])
        originals: list[str | None] = [None] * len(en_texts)
        tokens = ["*"] * len(en_texts)
    else:
        uk_texts = _split_side(entry.msgid, len(info.src), path, entry, "Ukrainian")
        t_count = (len(info.tgt) or 1) if entry.msgstr else 0
        parts = entry.msgstr.split(SEP) if t_count > 1 else ([entry.msgstr] if t_count else [])
        originals = english_originals(entry, info)
        if len(parts) != t_count or len(originals) != len(parts):
            # English re-paragraphed in the PO (a blank line added or removed): its paragraphs as they
            # are now, edited as one text.
            parts = entry.msgstr.split(SEP) if entry.msgstr else []
            originals = [None] * len(parts)
        en_texts = parts
        recorded = info.en_hashes
        tokens = (recorded if recorded is not None and len(recorded) == len(parts)
                  else ["?" if o is None else o for o in originals])
    occ = list(entry.occurrences)
    refs: list[tuple[str, str] | None] = [(f, ln) for f, ln in occ] if len(occ) == len(uk_texts) + len(en_texts) \
        else [None] * (len(uk_texts) + len(en_texts))
    uk = tuple(
        Para("uk", t, _at(info.src_roles, i, "body"), _pid(info.src_ids, len(uk_texts), entry_id, "uk", i, seen),
             _at(info.src_set, i, False), text_hash(t), "", _at(list(info.src), i, _at(list(info.src), -1, -1)),
             refs[i], k)
        for i, t in enumerate(uk_texts))
    block = f"b{k}"
    en = tuple(
        Para("en", t, _at(info.tgt_roles, j, _at(info.tgt_roles, -1, _at(info.src_roles, -1, "body"))),
             _pid(info.tgt_ids, len(en_texts), entry_id, "en", j, seen), _at(info.tgt_set, j, False),
             originals[j], block if tokens[j] == "?" else "",
             _at(list(info.tgt), j, _at(list(info.tgt), -1, -1)), refs[len(uk_texts) + j], k)
        for j, t in enumerate(en_texts))
    fuzzy = "fuzzy" in entry.flags
    scored = entry_info(entry) is not None
    pinned = scored and not fuzzy and (info.pinned or info.confidence < threshold)
    return Row(uk, en, info.confidence, _reasons(entry) if scored else (), pinned, k, entry.msgctxt or "")


_T = TypeVar("_T")


def _at(items: list[_T], index: int, default: _T) -> _T:
    try:
        return items[index] if items else default
    except IndexError:
        return default


def _pid(ids: list[str], count: int, entry_id: str, side: str, position: int, seen: set[str]) -> str:
    pid = ids[position] if len(ids) == count else default_pid(entry_id, side, position + 1)
    return _unique_pid(pid, seen)


def _read_forbidden(value: str) -> frozenset[tuple[str, str]]:
    out = set()
    for item in value.split():
        a, sep, b = item.partition("=")
        if sep and a and b:
            out.add((a, b))
    return frozenset(out)


# --------------------------------------------------------------------------- writing

def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr, msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural), occurrences=list(entry.occurrences), comment=entry.comment,
        tcomment=entry.tcomment, flags=list(entry.flags), obsolete=entry.obsolete,
        previous_msgctxt=entry.previous_msgctxt, previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural)


def _tokens(row: Row) -> list[str]:
    """The `en=` tokens of a row's English: each paragraph's hash as aligned, else ? (one edit with
    its neighbour of the same block) or * (edited on its own)."""
    out = []
    en = row.en
    for j, p in enumerate(en):
        if p.original is not None:
            out.append(p.original)
        elif p.block and ((j > 0 and en[j - 1].block == p.block and en[j - 1].original is None)
                          or (j + 1 < len(en) and en[j + 1].block == p.block and en[j + 1].original is None)):
            out.append("?")
        else:
            out.append("*")
    return out


def _confidence(row: Row) -> float:
    """The score written: a row not scored since a person changed it is sure when pinned, else unknown (0)."""
    if row.confidence is not None:
        return row.confidence
    return 1.0 if row.pinned else 0.0


def machine_line(row: Row, entry_id: str) -> str:
    def roles(paras: tuple[Para, ...]) -> str:
        return ",".join(p.role + ("!" if p.role_set else "") for p in paras)

    tokens = _tokens(row)
    if not row.en:
        en = text_hash("")
    elif len(tokens) == 1 and tokens[0] not in ("?", "*"):
        en = tokens[0]
    else:
        en = ",".join(tokens)
    fields = [f"src={','.join(str(p.index) for p in row.uk)}", f"tgt={','.join(str(p.index) for p in row.en)}",
              f"conf={_confidence(row):.4f}",
              f"roles={roles(row.uk)}|{roles(row.en)}", f"en={en}"]
    if row.pinned:
        fields.append("pin=1")
    defaults = ([default_pid(entry_id, "uk", i + 1) for i in range(len(row.uk))],
                [default_pid(entry_id, "en", j + 1) for j in range(len(row.en))])
    if [p.pid for p in row.uk] != defaults[0] or [p.pid for p in row.en] != defaults[1]:
        fields.append(f"ids={','.join(p.pid for p in row.uk)}|{','.join(p.pid for p in row.en)}")
    return "editflow: " + " ".join(fields)


def human_line(row: Row) -> str:
    kind = KIND_LABELS.get(row.kind, row.kind)
    if row.confidence is None:
        text = f"{kind} · not scored (paired by hand)"
    else:
        text = f"{kind} · confidence {row.confidence:.2f}"
    reasons = list(row.reasons)
    if row.pinned:
        reasons.insert(0, "pinned")
    if reasons:
        text += " · " + "; ".join(reasons)
    return text


def _comment_lines(entry: polib.POEntry) -> list[str]:
    return [ln for ln in (entry.tcomment or "").split("\n") if ln.strip()]


_DROP_LINE = re.compile(rf"^\s*{re.escape(DROP_MARK)}\b", re.IGNORECASE)


@dataclass
class _Written:
    po: polib.POFile
    not_carried: list[str] = field(default_factory=list)
    moves: dict[str, list[str]] = field(default_factory=dict)   # old entry id → new entry ids holding its paragraphs
    exact: dict[str, bool] = field(default_factory=dict)        # old entry id → all its paragraphs kept as they were


def to_po(p: Pairing) -> polib.POFile:
    """The PO the pairing stands for: one entry per row, then the entries that hold no paragraph, then
    the obsolete entries of the PO it was loaded from."""
    return _to_po(p, _loaded_po(p)).po


def _loaded_po(p: Pairing) -> polib.POFile:
    if p.po is None:
        raise PairingError("this pairing was not loaded from a PO")
    return p.po


def _to_po(p: Pairing, previous: polib.POFile) -> _Written:
    live = [e for e in previous if not e.obsolete]
    if len(live) != len(p.loaded):
        raise PairingError("the PO given is not the one this pairing was loaded from")
    po = polib.POFile(wrapwidth=78)
    po.header = previous.header
    po.metadata = dict(previous.metadata)
    po.metadata_is_fuzzy = previous.metadata_is_fuzzy
    out = _Written(po)
    unchanged = [row.entry is not None and p.loaded[row.entry] == row for row in p.rows]
    ids: set[str] = {row.id for row, same in zip(p.rows, unchanged, strict=True) if same and row.id}
    entries: list[polib.POEntry] = []
    for row, same in zip(p.rows, unchanged, strict=True):
        if same and row.entry is not None:
            entries.append(_copy(live[row.entry]))
            continue
        entries.append(_rebuild(p, row, live, ids, out))
    entries += [_copy(live[k]) for k in p.stray]
    for e in entries:
        po.append(e)
    for e in previous:
        if e.obsolete:
            po.append(_copy(e))
    present = {q.pid for q in _all(p)}
    kept = sorted(f for f in p.forbidden if f[0] in present and f[1] in present)
    if kept:
        po.metadata[FORBIDDEN_FIELD] = " ".join(f"{a}={b}" for a, b in kept)
    else:
        po.metadata.pop(FORBIDDEN_FIELD, None)
    if any(not s for s in unchanged) or len(p.rows) + len(p.stray) != len(live):
        po.metadata["PO-Revision-Date"] = _now()
    now = {q.pid: q.text for q in _all(p)}
    for k, row in enumerate(p.rows):
        for q in row.paras:
            if q.home >= 0:
                old_id = live[q.home].msgctxt or f"entry {q.home + 1}"
                new_id = entries[k].msgctxt or f"entry {k + 1}"
                targets = out.moves.setdefault(old_id, [])
                if new_id not in targets:
                    targets.append(new_id)
    for h, loaded in enumerate(p.loaded):
        if loaded is not None:
            old_id = live[h].msgctxt or f"entry {h + 1}"
            out.exact[old_id] = all(now.get(q.pid) == q.text for q in loaded.paras)
    return out


def _all(p: Pairing) -> list[Para]:
    return [q for row in p.rows for q in row.paras]


def _rebuild(p: Pairing, row: Row, live: list[polib.POEntry], ids: set[str], out: _Written) -> polib.POEntry:
    homes = list(dict.fromkeys(q.home for q in row.paras if q.home >= 0))
    entry_id = _entry_id(p, row, live, homes, ids)
    ids.add(entry_id)
    uk_texts = [q.text for q in row.uk]
    en_texts = [q.text for q in row.en]
    lines: list[str] = []
    have: set[str] = set()
    dropped_all = bool(row.en) and all(q.home >= 0 and is_dropped(live[q.home]) for q in row.en)
    flags: list[str] = []
    for h in homes:
        for ln in _comment_lines(live[h]):
            if _DROP_LINE.match(ln) and not dropped_all:
                out.not_carried.append(f"{live[h].msgctxt}: “{ln.strip()}” (its row now holds other English too)")
                continue
            key = " ".join(ln.split())
            if key not in have:
                have.add(key)
                lines.append(ln)
        flags += [f for f in live[h].flags if f != "fuzzy" and f not in flags]
    if row.doubtful(p.threshold):
        flags.insert(0, "fuzzy")
    single = live[homes[0]] if len(homes) == 1 else None
    entry = polib.POEntry(
        msgctxt=entry_id, msgid=SEP.join(uk_texts) if uk_texts else ADDED_MSGID, msgstr=SEP.join(en_texts),
        comment=human_line(row) + "\n" + machine_line(row, entry_id),
        tcomment="\n".join(lines), flags=flags,
        occurrences=[q.ref for q in row.paras if q.ref is not None],
        previous_msgctxt=single.previous_msgctxt if single is not None else None,
        previous_msgid=single.previous_msgid if single is not None else None,
    )
    return entry


def _entry_id(p: Pairing, row: Row, live: list[polib.POEntry], homes: list[int], ids: set[str]) -> str:
    """The loaded entry's id when the row holds exactly its paragraphs, else a new one as `align` makes."""
    if len(homes) == 1:
        loaded = p.loaded[homes[0]]
        if loaded is not None and [q.pid for q in loaded.paras] == [q.pid for q in row.paras] \
                and live[homes[0]].msgctxt and live[homes[0]].msgctxt not in ids:
            return live[homes[0]].msgctxt
    texts = [q.text for q in row.uk] or [q.text for q in row.en]
    base = _bead_id(texts, added=not row.uk)
    candidate, n = base, 1
    while candidate in ids:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


# --------------------------------------------------------------------------- saving

@dataclass
class SaveReport:
    path: Path
    fingerprint: str
    rows_written: int
    dismissals_rekeyed: int = 0
    dismissals_lost: list[str] = field(default_factory=list)
    dismissals_problem: str = ""
    not_carried: list[str] = field(default_factory=list)

    def format(self) -> str:
        lines = [f"saved {self.path} ({self.rows_written} row(s) rewritten)"]
        if self.dismissals_rekeyed:
            lines.append(f"dismissed findings carried to the changed rows: {self.dismissals_rekeyed}")
        lines += [f"not carried: dismissed finding {k} (it will be reported again)" for k in self.dismissals_lost]
        if self.dismissals_problem:
            lines.append(f"dismissed findings left under their old keys: {self.dismissals_problem}")
        lines += [f"not carried: {n}" for n in self.not_carried]
        return "\n".join(lines)


def render(p: Pairing) -> str:
    """The text of the PO `p` stands for, as Save writes it (for --dry-run and tests)."""
    return str(to_po(p)) + "\n"


def save_pairing(p: Pairing, po_path: Path | None = None, *, settings: Settings | None = None,
                 glossary: Glossary | None = None) -> SaveReport:
    """Write the PO of `p` atomically over the file it was loaded from, refusing if that changed on disk.

    Dismissed findings (`<po>.dismissed`) of rows whose paragraphs moved are re-keyed to the rows
    that now hold the same words (checks.suppress); the journal of unsaved operations is cleared.
    """
    from editflow.checks.suppress import carry_dismissed
    from editflow.pairing.journal import Journal
    from editflow.refresh import Moved, RefreshReport

    path = Path(po_path or p.path or "")
    if not path.name:
        raise PairingError("no PO to save to")
    require_writable(path, "the pairing")
    data = path.read_bytes() if path.is_file() else b""
    if fingerprint_bytes(data) != p.fingerprint:
        raise ChangedOnDisk(path, "was changed on disk since it was loaded (saved in another program or by "
                                  "another editflow command); nothing was overwritten",
                            "load it again to work on the file as it is now; the unsaved operations stay in "
                            "the journal")
    previous = _loaded_po(p)
    written = _to_po(p, previous)
    with locked(path, f"saving {path.name}"):
        atomic_write(path, str(written.po) + "\n", expect=p.fingerprint)
    report = SaveReport(path, fingerprint(path), sum(1 for r in p.rows if r.entry is None or p.loaded[r.entry] != r),
                        not_carried=written.not_carried)
    refresh = RefreshReport(str(path))
    refresh.moves = {old: Moved(old, new, written.exact.get(old, False)) for old, new in written.moves.items()}
    carry_dismissed(path, previous, written.po, refresh, glossary, settings)
    report.dismissals_rekeyed = refresh.dismissals_rekeyed
    report.dismissals_lost = refresh.dismissals_lost
    report.dismissals_problem = refresh.dismissals_problem
    Journal.for_po(path).clear()
    return report
