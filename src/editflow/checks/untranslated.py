"""`untranslated.*`: English left empty, copied from the Ukrainian, or holding Cyrillic.

Roles matter: an omission the aligner found (a Ukrainian paragraph with no
English) is the translator's choice when it is web furniture or a headline
variant, so only body-like paragraphs count as untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editflow.checks import CheckContext, Entry, check
from editflow.model import Finding

# Roles whose omission is normal: furniture, alternatives, the newsroom's own notes.
_DROPPABLE = {"boilerplate", "headline", "teaser", "byline", "note", "credit"}
# Roles whose text is not the article's: neither side is checked for being translated.
_NOT_TEXT = {"boilerplate", "credit"}

_CYR = "А-Яа-яЁёІіЇїЄєҐґʼ"
_CYR_RUN = re.compile(rf"[{_CYR}][{_CYR}'’\-]*")
# Mixed scripts are judged per hyphen-free part: "OSB-плитами" and "IT-фахівці"
# are ordinary Ukrainian compounds, "Kиїв" with a Latin K is a slip.
_PART = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(rf"[{_CYR}]")


@check({
    "untranslated.empty": ("error", "the English side is empty"),
    "untranslated.omitted": ("warning", "the translation leaves a paragraph out (the aligner found no English for it)"),
    "untranslated.identical": ("error", "the English side is a copy of the Ukrainian"),
    "untranslated.cyrillic": ("error", "Cyrillic text left in the English"),
    "untranslated.mixed-script": ("warning", "a word mixes Latin and Cyrillic letters"),
})
def untranslated(entries: list[Entry], ctx: CheckContext) -> Iterator[Finding]:
    for e in entries:
        src, tgt = e.source_text, e.target_text
        if e.roles and e.roles <= _NOT_TEXT:
            continue    # web furniture or the desk's credit, as the aligner or a person marked it
        if src.strip() and not e.target.strip():
            if set(e.src_roles) & _DROPPABLE:
                continue
            if e.kind.endswith("-0"):
                # The aligner's omission: often deliberate (local detail, a repeated
                # quote), so the editor is told, not alarmed.
                yield Finding("untranslated.omitted", "warning",
                              "this paragraph is not in the translation; check that leaving it out was meant",
                              index=e.index, source_span=(0, len(e.source)))
            else:
                yield Finding("untranslated.empty", "error", "no English for this paragraph",
                              index=e.index, source_span=(0, len(e.source)))
            continue
        if src.strip() and " ".join(src.split()) == " ".join(tgt.split()) and _CYRILLIC.search(src):
            yield Finding("untranslated.identical", "error", "the English is the Ukrainian text copied",
                          index=e.index, source_span=(0, len(e.source)), target_span=(0, len(e.target)))
            continue
        for m in _CYR_RUN.finditer(tgt):
            # A Cyrillic letter inside a Latin word is the mixed-script case below.
            a, b = m.span()
            word = _word_at(tgt, a)
            if word and _LATIN.search(tgt[word[0]:word[1]]):
                continue
            yield Finding("untranslated.cyrillic", "error", f"Cyrillic left in the English: “{m.group()}”",
                          index=e.index, target_span=(a, b))
        for side, text in (("target", tgt), ("source", src)):
            for m in _PART.finditer(text):
                w = m.group()
                if _LATIN.search(w) and _CYRILLIC.search(w):
                    span = m.span()
                    msg = f"“{w}” mixes Latin and Cyrillic letters"
                    if side == "target":
                        yield Finding("untranslated.mixed-script", "warning", msg, index=e.index, target_span=span)
                    else:
                        yield Finding("untranslated.mixed-script", "warning", msg, index=e.index, source_span=span)


def _word_at(text: str, pos: int) -> tuple[int, int] | None:
    for m in _PART.finditer(text, max(0, pos - 40)):
        if m.start() <= pos < m.end():
            return m.span()
        if m.start() > pos:
            break
    return None
