"""`consistency.*`: the same Ukrainian rendered two ways within one file.

- `consistency.segment`: a Ukrainian paragraph that occurs again (after
  normalising spaces, apostrophes and quotes) with a different English.
  Short paragraphs ("Так.", "Фото: Reuters") may fairly be rendered by
  context, so only paragraphs of a few words or more count.
- `consistency.term`: one Ukrainian name spelled two ways in the English
  (Zelensky / Zelenskyy, Kharkiv / Kharkov).  Names are identified with
  `names.name_pairs`, and only an English word that is a romanisation of the
  name's lemma counts, so that Ukraine / Ukrainian or a translated title is
  never taken for a second spelling.  With a glossary, a term whose accepted
  renderings are spelling variants of one another (Zelenskyy | Zelensky)
  must still be spelled one way within a file; accepted renderings that are
  different words (Verkhovna Rada | Ukrainian parliament) are stylistic
  variation, which the glossary allows on purpose.
The finding goes on each occurrence that differs from the spelling used
most (the first one on a tie), with that spelling as the suggestion.
- `consistency.memory`: across articles, through the project's translation
  memory: a Ukrainian paragraph that another article translated otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check
from editflow.checks.names import name_pairs
from editflow.model import Finding

# A repeated paragraph must have at least this many words to be held to one rendering.
MIN_SEGMENT_WORDS = 4
# Accepted renderings this alike are spellings of one name, not different wordings.
SPELLING_VARIANT = 0.85

_QUOTES = str.maketrans({c: '"' for c in "“”„«»‟″"} | {c: "'" for c in "‘’ʼ`"})


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split())


def segment_findings(entries: list[Entry]) -> Iterator[Finding]:
    seen: dict[str, list[Entry]] = {}
    for e in entries:
        src = _norm(e.source)
        if len(src.split()) < MIN_SEGMENT_WORDS or not e.target.strip():
            continue
        seen.setdefault(src, []).append(e)
    for group in seen.values():
        if len(group) < 2:
            continue
        renderings = Counter(_norm(e.target) for e in group)
        if len(renderings) < 2:
            continue
        first: dict[str, Entry] = {}
        for e in group:
            first.setdefault(_norm(e.target), e)
        best = max(renderings, key=lambda r: (renderings[r], -first[r].index))
        model = first[best]
        for e in group:
            if _norm(e.target) != best:
                yield Finding("consistency.segment", "warning",
                              f"the same Ukrainian as entry {model.id} is translated differently there",
                              index=e.index, source_span=(0, len(e.source)), target_span=(0, len(e.target)),
                              suggestion=model.target)


def name_findings(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[str, list] = {}
    for p in name_pairs(entries, ctx):
        if p.rendering:
            groups.setdefault(p.lemma, []).append(p)
    for lemma, pairs in groups.items():
        counts = Counter(p.en_base.lower() for p in pairs)
        if len(counts) < 2:
            continue
        first: dict[str, int] = {}
        for k, p in enumerate(pairs):
            first.setdefault(p.en_base.lower(), k)
        best = max(counts, key=lambda s: (counts[s], -first[s]))
        spelled = pairs[first[best]].en_base
        for p in pairs:
            if p.en_base.lower() == best:
                continue
            a = p.en_span[0]
            yield Finding("consistency.term", "warning",
                          f"“{p.en_base}” for {p.uk}, spelled “{spelled}” elsewhere in this file",
                          index=p.index, source_span=p.uk_span, target_span=(a, a + len(p.en_base)),
                          term=lemma, suggestion=spelled)


def _word_re(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?:['’]s|s)?(?![\w-])", re.IGNORECASE)


def spelling_variants(a: str, b: str) -> bool:
    """`Zelenskyy`/`Zelensky`, `Vitaliy Klitschko`/`Vitali Klitschko`: the same words spelled differently.

    Word by word, so that an abbreviation (`Zaporizhzhia NPP` for `Zaporizhzhia
    Nuclear Power Plant`) or a different wording is never taken for one.
    """
    from rapidfuzz import fuzz

    wa, wb = a.lower().split(), b.lower().split()
    if a.lower() == b.lower() or len(wa) != len(wb):
        return False
    return all(fuzz.ratio(x, y) >= SPELLING_VARIANT * 100 for x, y in zip(wa, wb, strict=True))


def glossary_findings(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    if ctx.glossary is None:
        return
    reported: set[tuple[int, int]] = set()  # two terms may share renderings (ЗАЕС, Запорізька АЕС)
    for t in ctx.glossary.terms:
        if len(t.en) < 2:
            continue
        # Renderings that are spellings of one another; different wordings are free to alternate.
        variants = [r for r in t.en if any(spelling_variants(r, o) for o in t.en)]
        if len(variants) < 2:
            continue
        # Longest first, so that "Zelenskyy" is not also counted as "Zelensky"... and vice versa.
        patterns = sorted(((r, _word_re(r)) for r in variants), key=lambda rp: -len(rp[0]))
        hits: list[tuple[int, int, int, str]] = []  # entry index, start, end, rendering
        for e in entries:
            taken: list[tuple[int, int]] = []
            for r, pat in patterns:
                for m in pat.finditer(e.target_text):
                    if all(m.end() <= a or m.start() >= b for a, b in taken):
                        taken.append(m.span())
                        hits.append((e.index, m.start(), m.start() + len(r), r))
        counts = Counter(h[3] for h in hits)
        if len(counts) < 2:
            continue
        order = {r: k for k, r in reversed(list(enumerate(h[3] for h in hits)))}
        best = max(counts, key=lambda r: (counts[r], -order[r]))
        for index, a, b, r in hits:
            if r != best and (index, a) not in reported:
                reported.add((index, a))
                yield Finding("consistency.term", "warning",
                              f"“{r}” for {t.uk}, spelled “{best}” elsewhere in this file",
                              index=index, target_span=(a, b), term=t.uk, suggestion=best)


@check({
    "consistency.segment": ("warning", "the same Ukrainian paragraph translated differently within the file"),
    "consistency.term": ("warning", "the same Ukrainian name or term spelled two ways within the file"),
})
def consistency(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    yield from segment_findings(entries)
    yield from name_findings(entries, ctx)
    yield from glossary_findings(entries, ctx)


@check({
    "consistency.memory": ("info", "a Ukrainian paragraph translated differently in another article of the project"),
})
def memory(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    """Across articles, through the project's translation memory (`editflow tm rebuild`)."""
    if ctx.memory is None:
        return
    for e in entries:
        if len(e.source.split()) < MIN_SEGMENT_WORDS or not e.target.strip():
            continue
        mine = _norm(e.target)
        others = [(slug, en) for slug, en in ctx.memory(e.source) if _norm(en) != mine]
        if others:
            slug, en = others[0]
            more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
            yield Finding("consistency.memory", "info",
                          f"translated differently in {slug}{more}: “{' '.join(en.split())}”",
                          index=e.index, target_span=(0, len(e.target)), suggestion=en)
