"""The review history kept in a PO entry: the English as it was before a reviewer changed it.

`import-review` writes one `before-review:` record into the entry's translator comments when it
first takes a reviewer's change (who, when, which review, and the English before); the redline
export reads them back to show the changes as tracked changes.  The record is base64-encoded JSON
so that PO editors, which re-wrap comment lines, cannot break the text inside it.  It lives at the
PO level, below the export package, so the review import and the redline export share it without
one reaching into the other.
"""

from __future__ import annotations

import base64
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polib

BEFORE_PREFIX = "before-review:"
_BEFORE = re.compile(r"before-review:\s*([A-Za-z0-9+/=]+)")


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
