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

from editflow.errors import InputError
from editflow.fileio import atomic_write
from editflow.model import Finding

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
