"""The CSV glossary format, and the same table in an Excel workbook.

A header row, then one term a row.  What Excel saves is read as it is: the delimiter is sniffed
(`,`, `;` as Excel writes it where the comma is the decimal sign, or a tab), and the encoding
detected as for text files (a BOM, UTF-8, UTF-16, Windows-1251).  Required columns `uk` (term in dictionary form) and
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


def sniff_delimiter(text: str) -> str:
    """`,`, `;` or a tab: whichever splits the header line into the most known columns."""
    header = text.split("\n", 1)[0]
    best, best_known = ",", -1
    for delimiter in (",", ";", "\t"):
        cells = [c.strip().strip('"').strip().lower() for c in header.split(delimiter)]
        known = sum(1 for c in cells if c in KNOWN)
        if known > best_known:
            best, best_known = delimiter, known
    return best


def parse_csv(text: str, origin: str = "<csv>", problems: list[Problem] | None = None) -> list[Term]:
    """Terms of a CSV glossary.  With `problems`, bad case/match values are collected, not raised."""
    try:
        # strict: an unterminated quote is an error, not a field that swallows the rest of the file
        # (every term after it silently lost).
        reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(text), strict=True)
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
            terms.append(row_term(row, origin, line, problems))
    except csv.Error as e:
        if "end of data" in str(e):
            raise InputError(origin, f"line {start}: a quote opened here is never closed, so every line after "
                                     f"it would be read as one cell", "close the quote (or remove it)") from None
        raise InputError(origin, f"line {start}: malformed CSV ({e})") from None
    return terms


def row_term(row: dict[str, str], origin: str, line: int, problems: list[Problem] | None) -> Term:
    """One table row (column name → cell) as a term; `line` is its line or row number."""
    uk = (row.get("uk") or "").strip()
    return Term(
        uk=uk,
        en=split_cell(row.get("en")),
        forbidden=split_cell(row.get("forbidden")),
        note=(row.get("note") or "").strip(),
        context=split_cell(row.get("context")),
        case=checked_mode(row.get("case"), CASES, "any", "case", origin, line, problems),
        match=checked_mode(row.get("match"), MATCHES, "lemma", "match", origin, line, problems),
        origin=f"{origin}:{line}",
        extra={k: v for k, v in row.items() if k not in KNOWN and k is not None and isinstance(v, str) and v},
    )


def parse_xlsx(data: bytes, origin: str = "<xlsx>", problems: list[Problem] | None = None) -> list[Term]:
    """Terms of an Excel workbook's first sheet: the same columns as a CSV glossary, header in row 1."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise InputError(origin, f"not a readable Excel workbook ({e})", "save it again as .xlsx, or as CSV UTF-8") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError(origin, "the workbook has no sheet")
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        header = [("" if c is None else str(c)).strip().lower() for c in (first or ())]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(origin, f"the first sheet's header row lacks the column(s) {', '.join(missing)}",
                             "row 1 must name at least 'uk' and 'en'")
        terms: list[Term] = []
        for number, values in enumerate(rows, 2):
            row = {h: ("" if v is None else str(v)) for h, v in zip(header, values, strict=False) if h}
            if (row.get("uk") or "").strip():
                terms.append(row_term(row, origin, number, problems))
        return terms
    finally:
        book.close()
