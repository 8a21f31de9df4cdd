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
from editflow.textnorm import INVISIBLE


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


_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)


def visible(text: str) -> tuple[str, list[int] | None]:
    """`text` without invisible characters inside words ("Ки\u00adїв" reads "Київ"), and for each
    character of it its offset in `text` (plus one past the end); None when there were none."""
    if not any(ch in text for ch in INVISIBLE):
        return text, None
    where = [i for i, ch in enumerate(text) if ch not in INVISIBLE]
    return text.translate(_DROP_INVISIBLE), [*where, len(text)]


def _back(span: tuple[int, int], where: list[int] | None) -> tuple[int, int]:
    """A span of the visible text as a span of the text as written."""
    if where is None:
        return span
    start, end = span
    return where[start], (where[end - 1] + 1 if end > start else where[start])


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
        tgt, tgt_at = visible(e.target_text)
        if not tgt.strip():
            continue  # nothing translated yet: untranslated.empty says so
        src, src_at = visible(e.source_text)
        en = en_text(tgt)
        occ = idx.find_uk(src) if src.strip() else []
        present = {o.term for o in occ}
        # Forbidden first: a hit for a term the Ukrainian has is the likelier reading
        # when two rows forbid the same variant.
        by_span: dict[tuple[int, int], list] = {}
        hits = idx.find_forbidden(en)
        for h in hits:
            by_span.setdefault((h.start, h.end), []).append(h)
        hit_terms = {h.term for h in hits}
        for span, hs in by_span.items():
            start, end = _back(span, tgt_at)
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
                    and all(_modifier(x, occ, rendered, src) for x in occ if x.term == o.term):
                continue  # Повітряні сили ЗСУ ↔ Ukraine's Air Force: the head term carries the meaning
            start, end = _back((o.start, o.end), src_at)
            written = e.source[start:end]
            options = " or ".join(_quote(r) for r in t.en[:3])
            msg = f"{_quote(written)} ({t.uk}) has no accepted rendering in the English: expected {options}"
            if t.note:
                msg += f". {t.note}"
            yield Finding("glossary.missing", "error", msg, index=e.index, source_span=(start, end),
                          term=t.uk, suggestion=t.en[0])
