"""`glossary.*`: terms of the glossary rendered as the desk wants them.

- `glossary.missing`: the Ukrainian has a term (any inflected form) and the
  English has none of its accepted renderings.  One finding per term and
  entry, on the term's first occurrence: the Ukrainian saying `Київ` twice and
  the English `Kyiv` once is a normal translation, not a miss.
- `glossary.forbidden`: a forbidden variant in the English, outside the
  term's allowed contexts ("Chicken Kiev"), whatever the Ukrainian says.

Both read the note-masked texts, so a gloss such as `[Russian fascism – ed.]`
neither supplies nor lacks a rendering.
"""

from __future__ import annotations

from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding


def _index(ctx: CheckContext):  # -> GlossaryIndex, built once per glossary
    from editflow.glossary.match import GlossaryIndex

    if ctx.glossary is not None:
        glossary = ctx.glossary
        return glossary.memo("checks.index", lambda: GlossaryIndex(glossary.terms))
    idx = ctx.cache.get("glossary")
    if idx is None:
        idx = ctx.cache["glossary"] = GlossaryIndex([])
    return idx


def _modifier(o, occ, rendered: dict[int, bool], text: str) -> bool:
    """Whether occurrence `o` directly follows another term rendered in the English.

    An institution's name or abbreviation in the genitive after a term
    (`Повітряні сили ЗСУ`, `Генеральний штаб Збройних сил України`) says whose
    body it is; the English often leaves it implicit (`Ukraine's Air Force`, `the
    General Staff`), and no editor would ask for it back.  (Used for abbreviations
    and multiword terms only: `окупанти Херсона` still needs Kherson.)
    """
    return any(h.term != o.term and rendered.get(h.term) and h.end <= o.start and not text[h.end:o.start].strip()
               for h in occ)


def _quote(s: str) -> str:
    return f"“{s}”"


@check({
    "glossary.missing": ("error", "a glossary term in the Ukrainian has none of its accepted renderings in the English"),
    "glossary.forbidden": ("error", "a forbidden variant of a glossary term in the English"),
})
def glossary(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    if ctx.glossary is None or not ctx.glossary.terms:
        return
    from editflow.glossary.match import en_text

    idx = _index(ctx)
    terms = idx.terms
    for e in entries:
        tgt = e.target_text
        if not tgt.strip():
            continue  # nothing translated yet: untranslated.empty says so
        en = en_text(tgt)
        occ = idx.find_uk(e.source_text) if e.source_text.strip() else []
        present = {o.term for o in occ}
        # Forbidden first: a hit for a term the Ukrainian has is the likelier reading
        # when two rows forbid the same variant.
        by_span: dict[tuple[int, int], list] = {}
        hits = idx.find_forbidden(en)
        for h in hits:
            by_span.setdefault((h.start, h.end), []).append(h)
        hit_terms = {h.term for h in hits}
        for (start, end), hs in by_span.items():
            h = next((x for x in hs if x.term in present), hs[0])
            t = terms[h.term]
            preferred = t.en[0] if t.en else None
            written = e.target[start:end]
            msg = f"forbidden variant {_quote(written)} ({t.uk})"
            if preferred:
                msg += f": write {_quote(preferred)}"
            if t.note:
                msg += f". {t.note}"
            yield Finding("glossary.forbidden", "error", msg, index=e.index, target_span=(start, end),
                          term=t.uk, variant=h.variant, suggestion=preferred)
        rendered = {t: bool(idx.accepted[t]) and idx.has_rendering(t, en) for t in present}
        seen: set[int] = set()
        for o in occ:
            if o.term in seen:
                continue
            seen.add(o.term)
            t = terms[o.term]
            if not idx.accepted[o.term] or rendered[o.term]:
                continue
            if o.term not in hit_terms and idx.in_fixed_name(o.term, en):
                continue  # «Чорнобиль» від HBO ↔ HBO's Chernobyl: the allowed fixed name is the rendering
            if (t.match == "exact" or len(t.uk.split()) > 1) \
                    and all(_modifier(x, occ, rendered, e.source_text) for x in occ if x.term == o.term):
                continue  # Повітряні сили ЗСУ ↔ Ukraine's Air Force: the head term carries the meaning
            written = e.source[o.start:o.end]
            options = " or ".join(_quote(r) for r in t.en[:3])
            msg = f"{_quote(written)} ({t.uk}) has no accepted rendering in the English: expected {options}"
            if t.note:
                msg += f". {t.note}"
            yield Finding("glossary.missing", "error", msg, index=e.index, source_span=(o.start, o.end),
                          term=t.uk, suggestion=t.en[0])
