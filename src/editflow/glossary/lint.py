"""`editflow glossary lint`: what is wrong with a term base before it misleads the checks.

- error: an unknown `case`/`match` value; a rendering both accepted and
  forbidden in the same row;
- warning: the same Ukrainian term twice (compared by lemma, so `Київ` and
  a second `Київ` row, or `Верховна Рада` and `Верховна рада`, are one term);
  a row with no accepted English; an accepted rendering of one row that
  another row forbids (the check then does not count it as accepted); two
  renderings joined by the wrong separator (`rashism;ruscism`: one rendering
  to editflow, which splits on `|`);
- info: a word of a term that pymorphy3's dictionary does not know, so its
  forms are predicted (`шахед`): worth a look, usually fine.

The same variant forbidden by two rows is fine (`Zaporozhye` in several).
"""

from __future__ import annotations

import re
from pathlib import Path

from editflow.glossary import Glossary, Problem, Term, load_glossary

# "rashism;ruscism": two words or phrases joined by ; , or / (with no digits: "24/7" is one thing).
_JOINED = re.compile(r"^[^\W\d_][^\d;,/]*?\s*([;,/])\s*[^\W\d_][^\d;,/]*$")


def _key(t: Term) -> tuple[frozenset[str], ...]:
    from editflow.glossary.morph import WORD, normalize, term_lemmas

    words = [normalize(w) for w in WORD.findall(t.uk)]
    if t.match == "exact":
        return tuple(frozenset({w if t.case == "exact" else w.lower()}) for w in words)
    return tuple(term_lemmas(w, k == len(words) - 1) for k, w in enumerate(words))


def _en(s: str, exact_case: bool = False) -> str:
    """An English phrase as the matcher compares it: apostrophes, hyphens, spacing and (usually) case aside."""
    from editflow.glossary.morph import normalize

    s = " ".join(normalize(s).replace("-", " ").split())
    return s if exact_case else s.lower()


def lint_terms(terms: list[Term]) -> list[Problem]:
    from editflow.glossary.morph import WORD, known

    problems: list[Problem] = []
    keys = [_key(t) for t in terms]
    by_first: dict[str, list[int]] = {}
    for i, (t, key) in enumerate(zip(terms, keys, strict=True)):
        if not t.en:
            problems.append(Problem(t.origin, "warning", f"{t.uk!r} has no accepted English rendering"))
        for cell, what in ((t.en, "renderings"), (t.forbidden, "variants")):
            for rendering in cell:
                joined = _JOINED.match(rendering)
                if joined:
                    problems.append(Problem(
                        t.origin, "warning",
                        f"{t.uk!r}: {rendering!r} looks like two {what} joined by {joined.group(1)!r}, which "
                        f"editflow reads as one; separate them with '|'"))
        exact = t.case == "exact"
        both = {_en(e, exact) for e in t.en} & {_en(v, exact) for v in t.forbidden}
        for e in sorted(both):
            problems.append(Problem(t.origin, "error", f"{t.uk!r}: {e!r} is both accepted and forbidden"))
        if not key:
            problems.append(Problem(t.origin, "warning", f"{t.uk!r} has no words to match"))
            continue
        seen_dup: set[int] = set()
        for lem in key[0]:
            for j in by_first.get(lem, ()):
                other = keys[j]
                if j in seen_dup or len(other) != len(key):
                    continue
                if all(a & b for a, b in zip(key, other, strict=True)):
                    seen_dup.add(j)
                    problems.append(Problem(t.origin, "warning",
                                            f"{t.uk!r} duplicates {terms[j].uk!r} ({terms[j].origin})"))
        for lem in key[0]:
            by_first.setdefault(lem, []).append(i)
        if t.match != "exact":
            unknown = [w for w in WORD.findall(t.uk) if any("а" <= c.lower() <= "я" or c.lower() in "іїєґ" for c in w)
                       and not known(w)]
            if unknown:
                problems.append(Problem(t.origin, "info", f"{t.uk!r}: pymorphy3 does not know "
                                        f"{', '.join(unknown)}; its forms are predicted"))
    forbidden_by: dict[tuple[str, bool], list[int]] = {}
    for i, t in enumerate(terms):
        for v in t.forbidden:
            forbidden_by.setdefault((_en(v, t.case == "exact"), t.case == "exact"), []).append(i)
    for i, t in enumerate(terms):
        for e in t.en:
            for j in forbidden_by.get((_en(e), False), []) + forbidden_by.get((_en(e, True), True), []):
                if j != i:
                    problems.append(Problem(t.origin, "warning",
                                            f"{t.uk!r} accepts {e!r}, which {terms[j].uk!r} forbids ({terms[j].origin})"))
    return problems


def lint(paths: list[Path]) -> tuple[Glossary, list[Problem]]:
    """Read the glossaries (unreadable ones raise InputError) and list their problems."""
    problems: list[Problem] = []
    glossary = load_glossary(paths, problems)
    return glossary, problems + lint_terms(glossary.terms)
