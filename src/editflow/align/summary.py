"""What `editflow align` tells the translator: pairs by kind, and the doubtful ones with where they are."""

from __future__ import annotations

from typing import Any

from editflow.model import Alignment, Bead, Document, Removed

KIND_ORDER = ("1-1", "1-2", "2-1", "2-2", "1-3", "3-1", "1-0", "0-1")
KIND_NAMES = {"1-0": "omissions", "0-1": "additions"}


def _where(doc: Document, idx: tuple[int, ...], lang: str) -> str:
    if not idx:
        return f"{lang} —"
    nums = ",".join(str(i + 1) for i in idx)
    locs = [doc.paragraphs[i].location for i in idx if doc.paragraphs[i].location]
    label = f"{lang} ¶{nums}"
    if locs and doc.format in ("txt", "md", "html", "mhtml"):
        label += f" (line {', '.join(locs)})"
    elif locs:
        label += f" ({', '.join(locs)})"
    return label


def _snippet(doc: Document, idx: tuple[int, ...], width: int = 48) -> str:
    if not idx:
        return ""
    text = " ".join(doc.paragraphs[idx[0]].text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def bead_summary(al: Alignment, bead: Bead) -> dict[str, Any]:
    return {
        "kind": bead.kind,
        "src": list(bead.src),
        "tgt": list(bead.tgt),
        "confidence": bead.confidence,
        "doubtful": bead.confidence < al.doubt_threshold,
        "reasons": bead.reasons,
        "where": f"{_where(al.source, bead.src, 'uk')} ↔ {_where(al.target, bead.tgt, 'en')}",
    }


def summarize(al: Alignment) -> dict[str, Any]:
    counts = al.counts()
    return {
        "source": str(al.source.path) if al.source.path else None,
        "target": str(al.target.path) if al.target.path else None,
        "paragraphs": {"uk": len(al.source), "en": len(al.target)},
        "paragraphing": {"uk": al.source.paragraphing, "en": al.target.paragraphing},
        "notices": list(al.notices),
        "pairs": len(al.beads),
        "kinds": {k: counts.get(k, 0) for k in KIND_ORDER if counts.get(k)},
        "doubt_threshold": al.doubt_threshold,
        "doubtful": [bead_summary(al, b) for b in al.beads if b.confidence < al.doubt_threshold],
        "unpaired": [bead_summary(al, b) for b in al.beads
                     if b.is_null and b.confidence >= al.doubt_threshold],
    }


def _line(al: Alignment, bead: Bead, why: str) -> str:
    d = bead_summary(al, bead)
    snip = _snippet(al.source, bead.src) or _snippet(al.target, bead.tgt)
    return f"  {d['kind']:<4} {d['confidence']:.2f}  {d['where']}: {why}  “{snip}”"


def format_summary(al: Alignment, output: str | None = None) -> str:
    s = summarize(al)
    kinds = ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in s["kinds"].items())
    lines = [f"{s['paragraphs']['uk']} Ukrainian and {s['paragraphs']['en']} English paragraphs → "
             f"{s['pairs']} pairs: {kinds}"]
    if output:
        lines[0] += f"; wrote {output}"
    doubtful = [b for b in al.beads if b.confidence < al.doubt_threshold]
    unpaired = [b for b in al.beads if b.is_null and b.confidence >= al.doubt_threshold]
    if doubtful:
        lines.append(f"{len(doubtful)} doubtful (confidence < {al.doubt_threshold:.2f}):")
        lines += [_line(al, b, "; ".join(b.reasons) or "uncertain pairing") for b in doubtful]
    else:
        lines.append("no doubtful pairs")
    if unpaired:
        lines.append("unpaired, confidently:")
        lines += [_line(al, b, "; ".join(b.reasons)) for b in unpaired]
    return "\n".join(lines)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def removed_json(al: Alignment) -> dict[str, list[dict[str, str]]]:
    """What the web-page reader left out of each side, block by block."""
    return {lang: [{"line": r.location, "why": r.why, "text": r.text} for r in doc.removed]
            for lang, doc in (("uk", al.source), ("en", al.target))}


def format_removed(al: Alignment, width: int = 100) -> str:
    """What was left out of each web page, one line per run of blocks left out for the same reason."""
    lines: list[str] = []
    for doc in (al.source, al.target):
        name = doc.url or (str(doc.path) if doc.path is not None else "input")
        if doc.format not in ("html", "mhtml"):
            continue
        if not doc.removed:
            lines.append(f"{name}: nothing left out")
            continue
        lines.append(f"{name}: {len(doc.removed)} block(s) left out of the article:")
        run: list[Removed] = []
        for r in [*doc.removed, None]:
            if run and (r is None or r.why != run[0].why):
                where = run[0].location if run[0].location == run[-1].location else \
                    f"{run[0].location}-{run[-1].location}"
                text = _shorten(" · ".join(x.text for x in run), width)
                lines.append(f"  line {where:<9} {run[0].why + ':':<18} {text}")
                run = []
            if r is not None:
                run.append(r)
    return "\n".join(lines) if lines else "no web pages among the inputs: nothing was left out"
