"""Editorial checks over the pairs of a PO file.

A check family is a module in this package with one or more functions
decorated with `@check(...)`.  Each function receives every entry of the file
(some checks, like consistency, need them all) and the context, and yields
`Finding`s.  The runner (`run_checks`) applies what the user asked for:
`--select`/`--ignore`, severities from `editflow.toml`, per-entry markers in
the translator comment (`# editflow: ignore numbers`) and the dismissed-
findings file.

This package alone decides which checks run (`selection`): it knows the
codes, so it refuses a name that is no code or family, in the options
("--select: unknown check code or family 'glosary' (did you mean
'glossary'?)") and in the settings file's [checks], where it applies them.
A misspelt marker is not refused (one entry must not stop the whole check):
the `markers` family reports it on its entry.

    from editflow.checks import run_checks, entries_from_po, CheckContext
    findings = run_checks(entries_from_po(po), CheckContext(glossary=g))

Every check reads `source_text`/`target_text`, the sides with editorial notes
blanked out (offsets unchanged), except the `ednote` family, which reads the
notes themselves.  Both are the text without its inline tags (`<i>`, `<b>`,
`<a href>`: editflow.inline); the runner maps each finding's spans back to
the text as it stands in the PO (`Entry.source_markup`), so a check never
sees a tag and a finding still marks the very words.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.config import Settings, Style
from editflow.errors import InputError
from editflow.inline import Markup, parse, plain
from editflow.model import Finding, Severity, is_severity
from editflow.notes import Note, find_notes, mask

if TYPE_CHECKING:
    import polib

    from editflow.glossary import Glossary


@dataclass
class Entry:
    """One PO entry as the checks see it."""
    index: int                 # 0-based position among the PO's entries (header excluded)
    id: str                    # msgctxt, else the index as a string
    source: str                # the Ukrainian side without inline tags ("" for an addition)
    target: str                # the English side without inline tags ("" when untranslated or omitted)
    source_notes: list[Note] = field(default_factory=list)
    target_notes: list[Note] = field(default_factory=list)
    source_text: str = ""      # `source` with notes blanked out, same length
    target_text: str = ""      # `target` with notes blanked out, same length
    src_roles: list[str] = field(default_factory=list)
    tgt_roles: list[str] = field(default_factory=list)
    fuzzy: bool = False
    ignore: list[str] = field(default_factory=list)   # codes/families dismissed by a marker
    line: int = 0              # line of the entry in the PO file
    kind: str = ""             # bead kind from editflow's working file ("1-1", "1-0", ...); "" for other POs
    # Each side as written in the PO, read: its tags, problems and the map between the two texts' offsets.
    source_markup: Markup | None = None
    target_markup: Markup | None = None

    @property
    def roles(self) -> set[str]:
        return set(self.src_roles) | set(self.tgt_roles)

    @property
    def po_source(self) -> str:
        """The Ukrainian side exactly as the PO holds it (tags and all): what finding spans point into."""
        return self.source_markup.text if self.source_markup is not None else self.source

    @property
    def po_target(self) -> str:
        """The English side exactly as the PO holds it (tags and all): what finding spans point into."""
        return self.target_markup.text if self.target_markup is not None else self.target

    def to_po(self, f: Finding) -> None:
        """Move a finding's spans from the texts the checks read to the texts as the PO holds them."""
        if f.source_span is not None and self.source_markup is not None:
            f.source_span = self.source_markup.to_tagged(f.source_span)
        if f.target_span is not None and self.target_markup is not None:
            f.target_span = self.target_markup.to_tagged(f.target_span)


def make_entry(index: int, source: str, target: str, id: str = "", **kw: Any) -> Entry:
    """An Entry from two texts as a PO holds them: tags read off, notes found and masked.  Handy in tests
    and for non-PO input."""
    sm, tm = parse(source), parse(target)
    sn, tn = find_notes(sm.plain), find_notes(tm.plain)
    return Entry(index=index, id=id or str(index), source=sm.plain, target=tm.plain,
                 source_notes=sn, target_notes=tn, source_text=mask(sm.plain, sn),
                 target_text=mask(tm.plain, tn), source_markup=sm, target_markup=tm, **kw)


_IGNORE_MARKER = re.compile(r"editflow:\s*ignore\b[:\s]*(.*)", re.IGNORECASE)
# Where the codes of a marker end and the translator's reason begins: a bracket, a dash between
# spaces, "because"/"бо"/"оскільки" ("ignore numbers (rounded in the original)", "ignore numbers --
# the source rounds", "ignore numbers because …").
_MARKER_REASON = re.compile(r"\s*(?:[(\[]|\s(?:--|—|–|-)\s|\s(?:because|since|бо|оскільки|тому що)\b).*$",
                            re.IGNORECASE | re.DOTALL)


def marker_codes(text: str) -> str:
    """What a marker's line names, the reason after it left out."""
    return _MARKER_REASON.sub("", " " + text).strip()


def ignore_markers(tcomment: str) -> list[str]:
    """Codes named by `editflow: ignore numbers, typography.quotes` lines ("all" for everything).

    A reason may follow the codes, in brackets, after a dash or after
    "because" (`editflow: ignore numbers (rounded in the original)`); it is
    for people and silences nothing itself. Names are returned as written (a
    sentence's full stop aside); the `markers` check reports those that are
    no check code or family.
    """
    out: list[str] = []
    for line in (tcomment or "").splitlines():
        m = _IGNORE_MARKER.search(line)
        if m:
            names = [c.rstrip(".") for c in re.split(r"[\s,;]+", marker_codes(m.group(1)))]
            names = [c for c in names if c]
            out += names or ["all"]
    return out


def entries_from_po(po: polib.POFile) -> list[Entry]:
    """The entries of a PO file (editflow's working file or any uk→en PO), header and obsolete ones left out."""
    from editflow.po import ADDED_MSGID, entry_info

    entries: list[Entry] = []
    for entry in po:
        if entry.obsolete:
            continue
        index = len(entries)
        info = entry_info(entry)
        source = "" if entry.msgid == ADDED_MSGID else entry.msgid
        if entry.msgid_plural:  # a plural PO entry: check the singular pair
            target = entry.msgstr_plural.get(0, "") if entry.msgstr_plural else ""
        else:
            target = entry.msgstr
        entries.append(make_entry(
            index, source, target, id=entry.msgctxt or str(index),
            src_roles=info.src_roles if info else [], tgt_roles=info.tgt_roles if info else [],
            fuzzy="fuzzy" in entry.flags, ignore=ignore_markers(entry.tcomment),
            line=entry.linenum or 0, kind=f"{len(info.src)}-{len(info.tgt)}" if info else "",
        ))
    return entries


@dataclass
class CheckContext:
    glossary: Glossary | None = None
    style: Style = field(default_factory=Style)
    # Per-run caches a check may keep (e.g. a glossary index), keyed by the check's name.
    cache: dict[str, Any] = field(default_factory=dict)
    # Earlier translations of a Ukrainian paragraph in the project's other articles
    # (from the translation memory): text → [(article, English)].  None: no memory.
    memory: Callable[[str], list[tuple[str, str]]] | None = None


CheckFn = Callable[[list[Entry], CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    summary: str


CODES: dict[str, CodeInfo] = {}
_CHECKS: list[tuple[tuple[str, ...], CheckFn]] = []


def check(codes: Mapping[str, tuple[Severity, str]]) -> Callable[[CheckFn], CheckFn]:
    """Register a check function and the codes it emits, each with its default severity and a summary.

        @check({"numbers.mismatch": ("error", "a number differs between the sides")})
        def numbers(entries, ctx): ...
    """
    for code, (severity, summary) in codes.items():
        if not is_severity(severity):
            raise ValueError(f"{code}: unknown severity {severity!r}")
        CODES[code] = CodeInfo(code, severity, summary)

    def register(fn: CheckFn) -> CheckFn:
        _CHECKS.append((tuple(codes), fn))
        return fn
    return register


_FRAMEWORK = {"report", "suppress"}
_loaded = False


def load_checks() -> None:
    """Import every check module of this package once, so that their checks register."""
    global _loaded
    if _loaded:
        return
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not mod.name.startswith("_") and mod.name not in _FRAMEWORK:
            importlib.import_module(f"{__name__}.{mod.name}")
    _loaded = True


_EVERYTHING = ("all", "*")


def matches(code: str, patterns: Iterable[str]) -> bool:
    """`numbers` matches `numbers.mismatch`; `all` matches everything."""
    for p in patterns:
        p = p.strip().lower()
        if p in _EVERYTHING or code == p or code.startswith(p + "."):
            return True
    return False


def _families() -> list[str]:
    load_checks()
    return sorted({c.split(".", 1)[0] for c in CODES})


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The names among `patterns` that are neither a code, a family nor `all` (blanks are no names)."""
    load_checks()
    valid = {*_EVERYTHING, *CODES, *_families()}
    return [p.strip() for p in patterns if p.strip() and p.strip().lower() not in valid]


def suggest_code(pattern: str) -> str | None:
    """The code or family closest to a misspelt one (`glosary` → `glossary`), if any is close."""
    load_checks()
    close = difflib.get_close_matches(pattern.strip().lower(), [*_families(), *CODES], n=1, cutoff=0.6)
    return close[0] if close else None


def describe_codes() -> str:
    """Every valid name on one line: `all, consistency.{memory,segment,term}, ...` (families implied)."""
    load_checks()
    parts = ["all"]
    for family in _families():
        names = sorted(c.split(".", 1)[1] for c in CODES if c.split(".", 1)[0] == family)
        parts.append(f"{family}.{names[0]}" if len(names) == 1 else f"{family}.{{{','.join(names)}}}")
    return ", ".join(parts)


def unknown_described(name: str) -> str:
    """`'glosary' (did you mean 'glossary'?)`: an unknown name as messages quote it."""
    near = suggest_code(name)
    return f"'{name}'" + (f" (did you mean '{near}'?)" if near else "")


def check_patterns(patterns: Iterable[str], where: str, path: Path | None = None) -> list[str]:
    """`patterns` lower-cased, blanks dropped; an unknown name is refused naming `where` (an option or a key)."""
    patterns = list(patterns)
    unknown = unknown_patterns(patterns)
    if unknown:
        raise InputError(path, f"{where}: unknown check code or family {', '.join(map(unknown_described, unknown))}",
                         f"valid: {describe_codes()} (a family covers its codes; "
                         f"'editflow check --list-codes' describes each)")
    return [p.strip().lower() for p in patterns if p.strip()]


def dismiss_key(f: Finding, entry: Entry) -> str:
    """A finding's identity for dismissal: lasts until the text (or the span) changes."""
    span = f.target_span if f.target_span is not None else f.source_span
    raw = "\x00".join([f.code, entry.po_source, entry.po_target, repr(span)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:10]


def _wanted(select: list[str], ignore: list[str]) -> set[str]:
    return {c for c in CODES if (not select or matches(c, select)) and not matches(c, ignore)}


@dataclass(frozen=True)
class Selection:
    """Which codes run, and the severities the settings give them."""
    on: frozenset[str]
    severity: Mapping[str, Severity] = field(default_factory=dict)   # by code, family or `all`

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The settings' severity for `code`: its own line, else its family's, else `all`'s, else `default`."""
        for key in (code, code.split(".", 1)[0], *_EVERYTHING):
            if key in self.severity:
                return self.severity[key]
        return default


def selection(select: Iterable[str] = (), ignore: Iterable[str] = (),
              settings: Settings | None = None) -> Selection:
    """The checks to run: what the settings file's [checks] leaves on, narrowed by `--select`/`--ignore`.

    Every name is checked against the registered codes; an unknown one is an
    InputError naming the option, or the settings file and its key.
    """
    load_checks()
    settings = settings or Settings()
    select = check_patterns(select, "--select")
    ignore = check_patterns(ignore, "--ignore")
    path = settings.path
    file_select = check_patterns(settings.select, "'checks.select'", path)
    file_ignore = check_patterns(settings.ignore, "'checks.ignore'", path)
    check_patterns(settings.severity, "'checks.severity'", path)
    severity = {k.strip().lower(): v for k, v in settings.severity.items()}
    return Selection(frozenset(_wanted(file_select, file_ignore) & _wanted(select, ignore)), severity)


def run_checks(entries: list[Entry], ctx: CheckContext | None = None, *,
               select: Iterable[str] = (), ignore: Iterable[str] = (),
               settings: Settings | None = None, dismissed: set[str] | frozenset[str] = frozenset(),
               ) -> list[Finding]:
    """Run every check that the selection leaves on; findings in entry order.

    Precedence: command-line `select`/`ignore` narrow what the settings file
    leaves on; per-entry markers and dismissals then drop single findings.
    """
    ctx = ctx or CheckContext(style=settings.style if settings else Style())
    chosen = selection(select, ignore, settings)
    on = chosen.on
    by_index = {e.index: e for e in entries}
    out: list[Finding] = []
    for codes, fn in _CHECKS:
        if not on.intersection(codes):
            continue
        for f in fn(entries, ctx):
            if f.code not in on:
                continue
            e = by_index.get(f.index)
            if e is None:
                raise RuntimeError(f"check {fn.__name__} reported an unknown entry index {f.index}")
            if e.ignore and matches(f.code, e.ignore):
                continue
            e.to_po(f)
            f.entry = f.entry or e.id
            f.line = f.line or e.line
            f.severity = chosen.severity_of(f.code, f.severity)
            f.dismiss_key = dismiss_key(f, e)
            if f.dismiss_key in dismissed:
                continue
            out.append(f)
    out.sort(key=lambda f: (f.index, f.target_span or f.source_span or (0, 0), f.code))
    return out


def iter_codes() -> Iterator[CodeInfo]:
    load_checks()
    yield from sorted(CODES.values(), key=lambda c: c.code)


@dataclass
class CheckResult:
    entries: list[Entry]
    findings: list[Finding]
    glossary_paths: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")


_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_LETTER = re.compile(r"[^\W\d_]")


def _looks_ukrainian(entries: list[Entry]) -> bool:
    with_letters = [e.source for e in entries if _LETTER.search(e.source)]
    if not with_letters:
        return True  # nothing to judge by (an empty or additions-only file)
    cyr = sum(1 for s in with_letters if _CYRILLIC.search(s))
    return cyr >= 0.3 * len(with_letters)


def _project_memory(settings: Settings, po_path: Any,
                    entries: list[Entry]) -> Callable[[str], list[tuple[str, str]]] | None:
    """Look-ups in the project's translation memory for these entries, this article left out.

    The entries' earlier translations are read in one go and the memory closed
    again; None when the project has no memory.
    """
    from editflow.errors import EditflowError
    from editflow.tm import TranslationMemory, source_key, tm_path

    if settings.root is None or not tm_path(settings.root).is_file():
        return None
    slug = Path(po_path).stem
    try:
        with TranslationMemory.open(tm_path(settings.root)) as mem:
            found = mem.exact_many(e.source for e in entries if e.source)
    except EditflowError:  # a damaged memory only costs the cross-article check
        return None

    def lookup(text: str) -> list[tuple[str, str]]:
        # The checks compare words: the memory's English without its tags, like the entries'.
        return [(u.slug, plain(u.target)) for u in found.get(source_key(text), []) if u.slug != slug]
    return lookup


def check_po(path: Any, glossaries: list[Any] | None = None, *, select: Iterable[str] = (),
             ignore: Iterable[str] = (), settings: Settings | None = None,
             use_dismissed: bool = True, po: polib.POFile | None = None,
             glossary: Glossary | None = None) -> CheckResult:
    """Everything `editflow check FILE.po` does short of printing: load, find the glossary, run, filter.

    `glossary`: a glossary the caller has loaded already (build loads it once for every article);
    else the term bases `glossaries`, else the settings' [glossary] paths, else the project's
    `glossary/` folder.
    """
    from editflow.checks.suppress import dismissed_path, read_dismissed
    from editflow.config import load_settings
    from editflow.glossary import load_glossary
    from editflow.po import load_po

    path = Path(path)
    settings = settings or load_settings(path)
    selection(select, ignore, settings)  # a misspelt code is refused before the PO and glossary are read
    po = po if po is not None else load_po(path)  # a caller that has read the file already passes it
    entries = entries_from_po(po)
    if not _looks_ukrainian(entries):
        raise InputError(path, "the msgid side is not Ukrainian",
                         "editflow checks PO files whose msgid is Ukrainian and msgstr English")
    if glossary is None:
        gpaths = settings.glossary_sources(glossaries or ())
        glossary = load_glossary(gpaths) if gpaths else None
    dismissed = read_dismissed(dismissed_path(path)) if use_dismissed else set()
    ctx = CheckContext(glossary=glossary, style=settings.style, memory=_project_memory(settings, path, entries))
    findings = run_checks(entries, ctx, select=select, ignore=ignore, settings=settings, dismissed=dismissed)
    return CheckResult(entries, findings, glossary.paths if glossary else [], list(settings.warnings))
