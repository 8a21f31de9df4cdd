"""The review history kept in a PO entry's translator comments, and how those comments are laid out.

`import-review` writes, per entry it changes (translator comments, `# ` lines, so that Poedit shows
them and `msgfmt --check` accepts them):

- one `before-review:` record when it first takes a reviewer's change to the English (who, when,
  which review, and the English before); the redline export reads them back to show the changes as
  tracked changes.  Base64-encoded JSON, one word, so that PO editors, which re-wrap comment lines,
  cannot break the text inside it;
- a `review-import:` record per review whose text for the entry it has taken into account
  (applied, merged, or weighed against a later PO change and set aside): the export the review was
  made from and the hash of the review's English.  Importing the same review again finds it and
  leaves the entry as it is, so a translator's later revert stands;
- `editflow: drop …`, the marker by which a paragraph whose row a reviewer deleted (a headline
  variant, web furniture, one a review added) is left out of the publication (its text stays in
  the PO; delete the line to publish it again);
- human lines: who reviewed, and the reviewers' comments as they wrote them.

Comment layout: polib writes a PO at 78 columns and wraps longer comment lines at spaces, which
a reader cannot tell from line breaks someone typed.  `comment_block` lays a text out as comment
lines no writer wraps again (a long line is continued on lines indented by two spaces) and
`note_lines` reads them back as written, continued lines joined.  This module is at the PO level,
below the export package, so the review import, the review export and the redline share it.
"""

from __future__ import annotations

import base64
import json
import re
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polib

BEFORE_PREFIX = "before-review:"
IMPORT_PREFIX = "review-import:"
DROP_MARK = "editflow: drop"
_BEFORE = re.compile(r"before-review:\s*([A-Za-z0-9+/=]+)")
_IMPORT = re.compile(r"review-import:\s*([0-9a-f]+)\s+([0-9a-z]+)")
_DROP = re.compile(r"^\s*editflow:\s*drop\b", re.IGNORECASE | re.MULTILINE)
# Lines of machinery, not notes: the records above and a base64 word a PO writer wrapped onto a line of its own.
_MACHINE_LINE = re.compile(r"^(before-review:|review-import:|[A-Za-z0-9+/=]{40,}$)")

# polib writes "# " + line and wraps lines longer than 78 characters.
COMMENT_WIDTH = 76
_CONTINUED = "  "


def encode_before(text: str, by: str, date: str, review: str) -> str:
    raw = json.dumps({"text": text, "by": by, "date": date, "review": review}, ensure_ascii=False,
                     sort_keys=True)
    return f"{BEFORE_PREFIX} {base64.b64encode(raw.encode('utf-8')).decode('ascii')}"


def before_records(entry: polib.POEntry) -> list[dict[str, Any]]:
    """The `before-review:` records of an entry, oldest first (damaged ones are skipped)."""
    out = []
    for m in _BEFORE.finditer(entry.tcomment or ""):
        try:
            out.append(json.loads(base64.b64decode(m.group(1), validate=True).decode("utf-8")))
        except (ValueError, UnicodeDecodeError):
            continue
    return out


def import_record(export: str, text_hash: str) -> str:
    """The line saying that the review made from export `export` with English hashed `text_hash` was taken in.

    `text_hash` may also be a word (lowercase letters) for a decision about the row, as "deleted"."""
    return f"{IMPORT_PREFIX} {export} {text_hash}"


def imported_texts(entry: polib.POEntry, export: str) -> set[str]:
    """Hashes of the English that reviews made from export `export` brought to this entry and were taken in."""
    return {m.group(2) for m in _IMPORT.finditer(entry.tcomment or "") if m.group(1) == export}


def drop_line(by: str, date: str, what: str = "headline variant") -> str:
    """The marker line leaving `what` (the entry's paragraph) out of the publication."""
    who = " ".join(x for x in (by, date) if x)
    return f"{DROP_MARK}: {what} left out of the publication (row deleted in review{f' by {who}' if who else ''})"


def is_dropped(entry: polib.POEntry) -> bool:
    """Whether the entry's English is to be left out of the publication (a reviewer deleted its row)."""
    return bool(_DROP.search(entry.tcomment or ""))


def comment_block(text: str) -> str:
    """`text` as translator-comment lines that a PO writer does not re-wrap, readable by `note_lines`.

    Each line of `text` stays a line; one longer than `COMMENT_WIDTH` is broken at spaces and
    continued on lines indented by two spaces.  A line's own leading white space is dropped (it
    would read as a continuation); empty lines at either end are left out.
    """
    out: list[str] = []
    for line in text.strip("\n").split("\n"):
        line = line.strip()
        if len(line) <= COMMENT_WIDTH:
            out.append(line)
            continue
        out += textwrap.wrap(line, COMMENT_WIDTH, subsequent_indent=_CONTINUED, break_long_words=False,
                             break_on_hyphens=False, replace_whitespace=False) or [line]
    return "\n".join(out)


def note_lines(tcomment: str) -> list[str]:
    """The translator comment's lines as written: a continued (indented) line joined to the one before."""
    out: list[str] = []
    for line in (tcomment or "").split("\n"):
        if out and line.startswith(_CONTINUED) and line.strip():
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
    return out


def human_notes(tcomment: str) -> list[str]:
    """`note_lines` without the machinery (review records) and blank lines: what a person reads."""
    return [ln for ln in note_lines(tcomment) if ln.strip() and not _MACHINE_LINE.match(ln.strip())]
