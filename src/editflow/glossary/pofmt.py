"""PO glossaries (as Poedit, Weblate and Lokalize keep them).

Each entry is a term: `msgid` the Ukrainian term, `msgstr` the accepted
English renderings separated by `|` or `;` (preferred first).  The rest goes
in comments, one `key: value` per line, in the translator comment (`# …`)
or the extracted comment (`#. …`):

    #. forbidden: Kiev
    #. context: Chicken Kiev | Dynamo Kiev
    #. note: Never "Kiev" in our copy.
    #, case-exact, match-exact
    msgid "Київ"
    msgstr "Kyiv"

Flags `case-exact` and `match-exact` (or the keys `case:`/`match:`) set the
case and match rules.  A comment line that is not `key: value` is part of
the note.  Entries with an empty `msgstr` still count (the term is then
reported by `glossary lint`); obsolete entries (`#~`) are skipped.
"""

from __future__ import annotations

import re

from editflow.errors import InputError
from editflow.glossary.term import CASES, MATCHES, Problem, Term, checked_mode, split_cell

_KEY = re.compile(r"^\s*(forbidden|context|note|case|match)\s*:\s*(.*)$", re.IGNORECASE)


def parse_po_glossary(text: str, origin: str = "<po>", problems: list[Problem] | None = None) -> list[Term]:
    import polib

    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as e:
        raise InputError(origin, f"malformed PO glossary ({str(e).strip()})", "check it with 'msgfmt --check'") from None
    terms: list[Term] = []
    for entry in po:
        if entry.obsolete or not entry.msgid.strip():
            continue
        where = f"{origin}:{entry.linenum}"
        fields: dict[str, list[str]] = {"forbidden": [], "context": [], "note": [], "case": [], "match": []}
        for comment in (entry.comment, entry.tcomment):
            for line in (comment or "").splitlines():
                m = _KEY.match(line)
                if m:
                    fields[m.group(1).lower()].append(m.group(2).strip())
                elif line.strip():
                    fields["note"].append(line.strip())
        case = "exact" if "case-exact" in entry.flags else (fields["case"] or [""])[-1]
        match = "exact" if "match-exact" in entry.flags else (fields["match"] or [""])[-1]
        terms.append(Term(
            uk=" ".join(entry.msgid.split()),
            en=split_cell(entry.msgstr, "|;"),
            forbidden=[v for f in fields["forbidden"] for v in split_cell(f, "|;")],
            note=" ".join(fields["note"]),
            context=[v for f in fields["context"] for v in split_cell(f, "|;")],
            case=checked_mode(case, CASES, "any", "case", origin, entry.linenum or 0, problems),
            match=checked_mode(match, MATCHES, "lemma", "match", origin, entry.linenum or 0, problems),
            origin=where,
        ))
    return terms
