"""The CSV glossary format.

UTF-8 with a header.  Required columns `uk` (term in dictionary form) and
`en` (accepted renderings, `|`-separated, preferred first); optional
`forbidden` (`|`-separated variants), `note`, `context` (allowed contexts for
a forbidden variant, `|`-separated, e.g. "Chicken Kiev"), `case` (`any` or
`exact`), `match` (`lemma` or `exact`).  Unknown columns are kept in
`Term.extra` so that a newsroom can carry its own data along.
"""

from __future__ import annotations

import csv
import io

from editflow.errors import InputError
from editflow.glossary.term import CASES, MATCHES, Problem, Term, checked_mode, split_cell

REQUIRED = ("uk", "en")
KNOWN = ("uk", "en", "forbidden", "note", "context", "case", "match")


def parse_csv(text: str, origin: str = "<csv>", problems: list[Problem] | None = None) -> list[Term]:
    """Terms of a CSV glossary.  With `problems`, bad case/match values are collected, not raised."""
    try:
        # strict: an unterminated quote is an error, not a field that swallows the rest of the file
        # (every term after it silently lost).
        reader = csv.DictReader(io.StringIO(text), strict=True)
        header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as e:
        raise InputError(origin, f"malformed CSV header ({e})") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(origin, f"glossary CSV lacks the column(s) {', '.join(missing)}",
                         "the header must name at least 'uk' and 'en'")
    reader.fieldnames = header
    terms: list[Term] = []
    start = reader.line_num + 1  # the line the record being read starts on
    try:
        for row in reader:
            line = start
            start = reader.line_num + 1
            uk = (row.get("uk") or "").strip()
            if not uk:
                continue
            where = f"{origin}:{line}"
            terms.append(Term(
                uk=uk,
                en=split_cell(row.get("en")),
                forbidden=split_cell(row.get("forbidden")),
                note=(row.get("note") or "").strip(),
                context=split_cell(row.get("context")),
                case=checked_mode(row.get("case"), CASES, "any", "case", origin, line, problems),
                match=checked_mode(row.get("match"), MATCHES, "lemma", "match", origin, line, problems),
                origin=where,
                extra={k: v for k, v in row.items() if k not in KNOWN and k is not None and isinstance(v, str) and v},
            ))
    except csv.Error as e:
        if "end of data" in str(e):
            raise InputError(origin, f"line {start}: a quote opened here is never closed, so every line after "
                                     f"it would be read as one cell", "close the quote (or remove it)") from None
        raise InputError(origin, f"line {start}: malformed CSV ({e})") from None
    return terms
