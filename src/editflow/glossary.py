"""Term bases.  For now the CSV format, which the aligner reads for anchors.

CSV: UTF-8 with a header.  Required columns `uk` (term in dictionary form)
and `en` (accepted renderings, `|`-separated, preferred first); optional
`forbidden` (`|`-separated variants), `note`, `context` (allowed contexts
for a forbidden variant, `|`-separated, e.g. "Chicken Kiev"), `case`
(`any` or `exact`), `match` (`lemma` or `exact`).  Unknown columns are kept
in `Term.extra` so that a newsroom can carry its own data along.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from editflow.errors import InputError

REQUIRED = ("uk", "en")
KNOWN = ("uk", "en", "forbidden", "note", "context", "case", "match")


@dataclass
class Term:
    uk: str
    en: list[str]
    forbidden: list[str] = field(default_factory=list)
    note: str = ""
    context: list[str] = field(default_factory=list)
    case: str = "any"
    match: str = "lemma"
    origin: str = ""  # "file:line", for messages
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Glossary:
    terms: list[Term]
    paths: list[Path] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.terms)


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def parse_csv(text: str, origin: str = "<csv>") -> list[Term]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(origin, f"glossary CSV lacks the column(s) {', '.join(missing)}",
                         "the header must name at least 'uk' and 'en'")
    reader.fieldnames = header
    terms: list[Term] = []
    for row in reader:
        line = reader.line_num
        uk = (row.get("uk") or "").strip()
        if not uk:
            continue
        case = (row.get("case") or "any").strip().lower() or "any"
        match = (row.get("match") or "lemma").strip().lower() or "lemma"
        if case not in ("any", "exact"):
            raise InputError(origin, f"line {line}: case must be 'any' or 'exact', not {case!r}")
        if match not in ("lemma", "exact"):
            raise InputError(origin, f"line {line}: match must be 'lemma' or 'exact', not {match!r}")
        terms.append(Term(
            uk=uk,
            en=_split(row.get("en")),
            forbidden=_split(row.get("forbidden")),
            note=(row.get("note") or "").strip(),
            context=_split(row.get("context")),
            case=case,
            match=match,
            origin=f"{origin}:{line}",
            extra={k: v for k, v in row.items() if k not in KNOWN and k is not None and v},
        ))
    return terms


def load_glossary(paths: list[Path] | Path) -> Glossary:
    """Read one or more glossary files (or folders of them)."""
    if isinstance(paths, Path):
        paths = [paths]
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.iterdir() if f.suffix.lower() == ".csv")
        elif p.exists():
            files.append(p)
        else:
            raise InputError(p, "glossary not found", "check the path given to --glossary")
    terms: list[Term] = []
    for f in files:
        if f.suffix.lower() != ".csv":
            raise InputError(f, f"unsupported glossary format '{f.suffix}'", "use a .csv glossary")
        try:
            text = f.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f, "glossary is not UTF-8", "save it as UTF-8 CSV") from None
        except OSError as e:
            raise InputError(f, f"cannot read the glossary ({e.strerror})") from None
        terms += parse_csv(text, str(f))
    return Glossary(terms=terms, paths=files)
