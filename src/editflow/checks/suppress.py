"""The dismissed-findings file: false alarms dismissed once, until the text changes.

Beside `translations/war.po` lives `translations/war.dismissed`, one line per
dismissed finding, meant to be committed with the PO:

    # key        code                entry     reason
    3f9a0c12be   numbers.mismatch    9f2c41d0  the figure is rounded on purpose

The key is a hash of (code, Ukrainian text, English text, span), so editing
either side of the entry brings the finding back for a new look.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editflow.errors import InputError
from editflow.fileio import atomic_write
from editflow.model import Finding

if TYPE_CHECKING:
    import polib

    from editflow.config import Settings
    from editflow.glossary import Glossary
    from editflow.refresh import RefreshReport

HEADER = "# editflow dismissed findings: key, code, entry, reason (tab-separated). Delete a line to undo.\n"


def dismissed_path(po_path: Path) -> Path:
    return Path(po_path).with_suffix(".dismissed")


def read_dismissed(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "dismissed-findings file is not UTF-8", "save it as UTF-8") from None
    keys = set()
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key = line.split()[0]
        if not all(c in "0123456789abcdef" for c in key.lower()) or len(key) < 6:
            raise InputError(path, f"line {n}: {key!r} is not a finding key",
                             "each line starts with the key 'editflow check' shows")
        keys.add(key.lower())
    return keys


def dismiss(path: Path, findings: list[Finding], reason: str = "") -> int:
    """Append these findings to the dismissed file; returns how many were new."""
    have = read_dismissed(path)
    old = path.read_bytes().decode("utf-8") if path.is_file() else HEADER
    if old and not old.endswith("\n"):
        old += "\n"
    new = [f for f in findings if f.dismiss_key not in have]
    seen: set[str] = set()
    lines = []
    for f in new:
        if f.dismiss_key in seen:
            continue
        seen.add(f.dismiss_key)
        lines.append("\t".join([f.dismiss_key, f.code, f.entry, " ".join(reason.split())]).rstrip() + "\n")
    if lines:
        atomic_write(path, old + "".join(lines))
    return len(lines)


def _spanned(f: Finding, source: str, target: str) -> tuple[str, str]:
    """The words a finding is about: which side, and the text under its span."""
    if f.target_span is not None:
        return "en", target[f.target_span[0]:f.target_span[1]]
    if f.source_span is not None:
        return "uk", source[f.source_span[0]:f.source_span[1]]
    return "", ""


def carry_dismissed(po_path: Path, previous: polib.POFile, po: polib.POFile, report: RefreshReport,
                    glossary: Glossary | None = None, settings: Settings | None = None) -> None:
    """Re-key the dismissals of `po_path` after a refresh moved their entries (editflow.refresh).

    A dismissal's key hashes the entry's whole text, so an entry that was merged, split or
    re-wrapped by the new alignment would bring back findings someone dismissed.  A dismissal
    is carried when its entry's paragraphs are all still there with the same text (the new
    entries hold them) and the same finding (code and the very words) is found there again;
    its line gets the new key, the reason kept.  A dismissal whose text changed is left in the
    file as it was (it no longer matches anything, as before) and listed in the report.
    Counts go into `report`; the dismissed file is rewritten only when a key changed.  When the
    checks cannot run (a glossary that cannot be read, ...), the file is left as it was and
    `report.dismissals_problem` says why: the PO is already written by then.
    """
    from editflow.errors import EditflowError

    try:
        _carry_dismissed(po_path, previous, po, report, glossary, settings)
    except EditflowError as e:
        report.dismissals_problem = e.format_message()


def _carry_dismissed(po_path: Path, previous: polib.POFile, po: polib.POFile, report: RefreshReport,
                     glossary: Glossary | None, settings: Settings | None) -> None:
    from editflow.checks import check_po, entries_from_po

    path = dismissed_path(po_path)
    if not path.is_file():
        return
    keys = read_dismissed(path)
    if not keys:
        return
    new_result = check_po(po_path, settings=settings, use_dismissed=False, po=po, glossary=glossary)
    live = {f.dismiss_key for f in new_result.findings}
    missing = keys - live
    if not missing:
        return
    old_result = check_po(po_path, settings=settings, use_dismissed=False, po=previous, glossary=glossary)
    old_entries = {e.id: e for e in entries_from_po(previous)}
    new_entries = {e.id: e for e in new_result.entries}
    rekey: dict[str, list[tuple[str, str]]] = {}   # old key → [(new key, new entry id)]
    used: set[str] = set()
    for f in old_result.findings:
        if f.dismiss_key not in missing or f.dismiss_key in rekey:
            continue
        moved = report.moves.get(f.entry)
        old_entry = old_entries.get(f.entry)
        if moved is None or not moved.exact or old_entry is None:
            continue
        words = _spanned(f, old_entry.po_source, old_entry.po_target)
        found = []
        for g in new_result.findings:
            if g.code != f.code or g.entry not in moved.new or g.dismiss_key in used:
                continue
            e = new_entries.get(g.entry)
            if e is not None and _spanned(g, e.po_source, e.po_target) == words and g.term == f.term:
                found.append((g.dismiss_key, g.entry))
                used.add(g.dismiss_key)
        if found:
            rekey[f.dismiss_key] = found
    report.dismissals_rekeyed = len(rekey)
    report.dismissals_lost = sorted(k for k in missing if k not in rekey
                                    and any(f.dismiss_key == k for f in old_result.findings))
    if not rekey:
        return
    out: list[str] = []
    for line in path.read_bytes().decode("utf-8").splitlines(keepends=True):
        fields = line.rstrip("\n").split("\t")
        key = fields[0].strip().lower() if fields else ""
        if key in rekey and not line.lstrip().startswith("#"):
            for new_key, entry in rekey[key]:
                rest = fields[1:] + [""] * max(0, 3 - len(fields))
                rest[1] = entry
                out.append("\t".join([new_key, *rest]).rstrip() + "\n")
        else:
            out.append(line if line.endswith("\n") else line + "\n")
    atomic_write(path, "".join(out))
