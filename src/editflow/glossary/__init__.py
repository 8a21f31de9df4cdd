"""Term bases: reading them (CSV, TBX, PO), matching their terms through
Ukrainian inflection (`morph`, `match`) and linting them (`lint`).

    from editflow.glossary import load_glossary
    g = load_glossary([Path("glossary/")])      # every .csv, .tbx and .po inside
"""

from __future__ import annotations

from pathlib import Path

from editflow.errors import InputError
from editflow.glossary.csvfmt import parse_csv
from editflow.glossary.term import Glossary, Problem, Term

__all__ = [
    "FORMATS",
    "Glossary",
    "Problem",
    "Term",
    "load_glossary",
    "parse_csv",
    "parse_po_glossary",
    "parse_tbx",
]

FORMATS = (".csv", ".tbx", ".po", ".xlsx")


def parse_tbx(data: bytes, origin: str = "<tbx>") -> list[Term]:
    from editflow.glossary.tbx import parse_tbx as _parse
    return _parse(data, origin)


def parse_po_glossary(text: str, origin: str = "<po>", problems: list[Problem] | None = None) -> list[Term]:
    from editflow.glossary.pofmt import parse_po_glossary as _parse
    return _parse(text, origin, problems)


def _read_text(f: Path, what: str) -> str:
    try:
        return f.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f, f"glossary is not UTF-8 (byte {e.start})", f"save it as UTF-8 {what}") from None
    except OSError as e:
        raise InputError(f, f"cannot read the glossary ({e.strerror})") from None


def _read_bytes(f: Path) -> bytes:
    try:
        return f.read_bytes()
    except OSError as e:
        raise InputError(f, f"cannot read the glossary ({e.strerror})") from None


def read_file(f: Path, problems: list[Problem] | None = None) -> list[Term]:
    """Terms of one glossary file, by its extension."""
    suffix = f.suffix.lower()
    if suffix == ".csv":
        # What Excel saves: UTF-8 with or without a BOM, UTF-16, or the Windows code page.
        from editflow.readers.text import decode_bytes

        text, _encoding = decode_bytes(_read_bytes(f), f)
        return parse_csv(text, str(f), problems)
    if suffix == ".xlsx":
        from editflow.glossary.csvfmt import parse_xlsx

        return parse_xlsx(_read_bytes(f), str(f), problems)
    if suffix == ".po":
        return parse_po_glossary(_read_text(f, "PO"), str(f), problems)
    if suffix == ".tbx":
        try:
            data = f.read_bytes()
        except OSError as e:
            raise InputError(f, f"cannot read the glossary ({e.strerror})") from None
        return parse_tbx(data, str(f))
    raise InputError(f, f"unsupported glossary format '{f.suffix}'", "use a .csv, .xlsx, .tbx or .po glossary")


def glossary_files(paths: list[Path] | Path) -> list[Path]:
    if isinstance(paths, Path):
        paths = [paths]
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            # "~$terms.xlsx" is Excel's lock file while the workbook is open, not a glossary.
            files += sorted(f for f in p.iterdir()
                            if f.is_file() and f.suffix.lower() in FORMATS and not f.name.startswith(("~$", ".")))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(p, "glossary not found", "check the path given to --glossary")
    return files


def load_glossary(paths: list[Path] | Path, problems: list[Problem] | None = None) -> Glossary:
    """Read one or more glossary files (or folders of them: every .csv, .tbx and .po inside).

    With `problems`, recoverable row problems (an unknown case/match value) are
    collected there instead of raising; unreadable files always raise InputError.
    """
    files = glossary_files(paths)
    terms: list[Term] = []
    for f in files:
        terms += read_file(f, problems)
    return Glossary(terms=terms, paths=files)
