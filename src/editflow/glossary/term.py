"""The glossary's data model: a term with its renderings, shared by every format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from editflow.model import Severity

T = TypeVar("T")

CASES = ("any", "exact")
MATCHES = ("lemma", "exact")


@dataclass
class Term:
    uk: str
    en: list[str]                                   # accepted renderings, preferred first
    forbidden: list[str] = field(default_factory=list)
    note: str = ""
    context: list[str] = field(default_factory=list)  # fixed expressions where a forbidden variant is fine
    case: str = "any"
    match: str = "lemma"
    origin: str = ""  # "file:line", for messages
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Problem:
    """Something wrong with a glossary row, found while reading it (reported by `glossary lint`)."""
    origin: str        # "file:line"
    level: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.level}: {self.message}"


@dataclass
class Glossary:
    terms: list[Term]
    paths: list[Path] = field(default_factory=list)
    # What the aligner, the checks and the exports derive from the terms (indexes), made once per
    # glossary object: a desk's 15,000-term glossary took longer to index than an article to check.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.terms)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """`make()`, computed the first time `key` is asked for on this glossary, then kept."""
        if key not in self.derived:
            self.derived[key] = make()
        return cast(T, self.derived[key])


def split_cell(cell: str | None, seps: str = "|") -> list[str]:
    """`a | b|c` → ["a", "b", "c"]; empty parts dropped."""
    text = cell or ""
    for s in seps[1:]:
        text = text.replace(s, seps[0])
    return [p.strip() for p in text.split(seps[0]) if p.strip()]


def checked_mode(value: str | None, allowed: tuple[str, ...], default: str, what: str, origin: str,
                 line: int, problems: list[Problem] | None) -> str:
    """A case/match value: unknown values are an input error, or a lint problem when collecting."""
    from editflow.errors import InputError

    v = (value or "").strip().lower() or default
    if v in allowed:
        return v
    msg = f"{what} must be {' or '.join(repr(a) for a in allowed)}, not {v!r}"
    if problems is None:
        raise InputError(origin, f"line {line}: {msg}")
    problems.append(Problem(f"{origin}:{line}", "error", msg + f" (read as {default!r})"))
    return default
