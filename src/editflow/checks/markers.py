"""`markers.*`: an entry's `editflow: ignore …` marker that names no check.

A misspelt marker silences nothing, so the finding it was meant for comes
back with no word of why; this says why, on the entry, while the rest of
the file is checked as usual (refusing the whole file for one comment would
stop a pre-commit hook over a typo).
"""

from __future__ import annotations

from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check, suggest_code, unknown_patterns
from editflow.model import Finding


@check({
    "markers.unknown-code": ("error", "an entry's 'editflow: ignore' marker names no check code or family"),
})
def unknown_marker_codes(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    for e in entries:
        for name in unknown_patterns(e.ignore) if e.ignore else ():
            near = suggest_code(name)
            yield Finding("markers.unknown-code", "error",
                          f"'editflow: ignore {name}' names no check code or family"
                          + (f"; did you mean '{near}'?" if near else "; 'editflow check --list-codes' lists them, and a "
                             "reason goes in brackets after the codes: 'ignore numbers (why)'"),
                          index=e.index, suggestion=near)
