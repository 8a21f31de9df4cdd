"""The pairing as the page and `editflow pair --json` show it, with the checks' findings per row."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from editflow.model import Alignment, Bead, Document, Finding, Paragraph
from editflow.pairing.model import Pairing, Para, Row
from editflow.pairing.store import to_po
from editflow.po import SEP

if TYPE_CHECKING:
    from editflow.config import Settings
    from editflow.glossary import Glossary

# How the page names the roles (the model's `title` is the headline published, `headline` a variant).
ROLE_LABELS = {"title": "headline", "headline": "headline variant", "heading": "heading", "body": "body",
               "quote": "quote", "byline": "byline", "teaser": "teaser", "note": "note",
               "boilerplate": "boilerplate", "footnote": "footnote", "table": "table", "credit": "credit"}


def to_alignment(p: Pairing) -> Alignment:
    """The pairing as an Alignment over the PO's own texts (paragraph indexes as numbered now, 0-based)."""
    src: list[Paragraph] = []
    tgt: list[Paragraph] = []
    beads: list[Bead] = []
    for row in p.rows:
        s = tuple(range(len(src), len(src) + len(row.uk)))
        t = tuple(range(len(tgt), len(tgt) + len(row.en)))
        src += [Paragraph(q.text, q.role) for q in row.uk]
        tgt += [Paragraph(q.text, q.role) for q in row.en]
        conf = 1.0 if row.pinned and row.confidence is None else (row.confidence or 0.0)
        beads.append(Bead(s, t, conf, list(row.reasons)))
    return Alignment(Document(src, lang="uk"), Document(tgt, lang="en"), beads, doubt_threshold=p.threshold)


def alignment_json(p: Pairing) -> dict[str, Any]:
    """The pairing in `align --json`'s shape, plus the pinned rows and the forbidden links."""
    from editflow.align.summary import bead_summary, summarize

    al = to_alignment(p)
    out = summarize(al)
    out["source"], out["target"] = (p.po.metadata.get("X-Editflow-Source") if p.po is not None else None,
                                    p.po.metadata.get("X-Editflow-Target") if p.po is not None else None)
    # A pinned row is confirmed, whatever its score: not doubtful.
    pinned = {id(al.beads[k]) for k, row in enumerate(p.rows) if row.pinned}
    out["doubtful"] = [bead_summary(al, b) for k, b in enumerate(al.beads)
                       if p.rows[k].doubtful(p.threshold)]
    out["pinned"] = [bead_summary(al, b) for b in al.beads if id(b) in pinned]
    out["forbidden"] = forbidden_labels(p)
    out["po"] = str(p.path) if p.path else None
    return out


def forbidden_labels(p: Pairing) -> list[list[str]]:
    numbers = p.numbers()
    out = []
    for a, b in sorted(p.forbidden):
        if a in numbers and b in numbers:
            out.append([f"uk{numbers[a][1]}", f"en{numbers[b][1]}"])
    return sorted(out, key=lambda x: (int(x[0][2:]), int(x[1][2:])))


def _para_json(p: Pairing, q: Para) -> dict[str, Any]:
    d: dict[str, Any] = {"number": p.number(q), "text": q.text, "role": q.role,
                         "role_label": ROLE_LABELS.get(q.role, q.role), "role_set": q.role_set, "pid": q.pid,
                         "edited": q.edited}
    if q.side == "en":
        d["block"] = q.block if q.original is None else ""
    return d


def _where(paras: tuple[Para, ...], span: tuple[int, int]) -> tuple[int, tuple[int, int]] | None:
    """(index of the paragraph, span within it) of a span into the paragraphs joined by blank lines."""
    start = 0
    for k, q in enumerate(paras):
        end = start + len(q.text)
        if start <= span[0] <= end:
            return k, (span[0] - start, min(span[1], end) - start)
        start = end + len(SEP)
    return None


def finding_json(p: Pairing, row: Row, f: Finding) -> dict[str, Any]:
    d: dict[str, Any] = {"code": f.code, "severity": f.severity, "message": f.message, "key": f.dismiss_key,
                         "side": None, "paragraph": None, "span": None}
    if f.suggestion:
        d["suggestion"] = f.suggestion
    for side, span in (("en", f.target_span), ("uk", f.source_span)):
        paras = row.en if side == "en" else row.uk
        if span is not None and paras:
            at = _where(paras, span)
            if at is not None:
                d["side"], d["paragraph"], d["span"] = side, p.number(paras[at[0]]), list(at[1])
            break
    return d


def row_json(p: Pairing, k: int, findings: list[Finding] | None = None) -> dict[str, Any]:
    row = p.rows[k]
    return {
        "index": k, "id": row.id, "kind": row.kind, "confidence": row.confidence,
        "doubtful": row.doubtful(p.threshold), "pinned": row.pinned, "reasons": list(row.reasons),
        "edited": row.edited, "where": p.describe(k),
        "uk": [_para_json(p, q) for q in row.uk], "en": [_para_json(p, q) for q in row.en],
        "findings": [finding_json(p, row, f) for f in findings or []],
    }


def page_json(p: Pairing, findings: dict[int, list[Finding]] | None = None) -> dict[str, Any]:
    """Everything the page draws: rows with paragraphs, roles, confidence, doubts and findings."""
    findings = findings or {}
    return {
        "po": p.path.name if p.path else None, "fingerprint": p.fingerprint, "threshold": p.threshold,
        "paragraphs": {"uk": p.count("uk"), "en": p.count("en")},
        "forbidden": forbidden_labels(p),
        "rows": [row_json(p, k, findings.get(k)) for k in range(len(p.rows))],
    }


def row_findings(p: Pairing, po_path: Path | None = None, *, settings: Settings | None = None,
                 glossary: Glossary | None = None) -> dict[int, list[Finding]]:
    """The checks' findings on the state (dismissed ones left out), by row index."""
    from editflow.checks import check_po

    path = Path(po_path or p.path or "pairing.po")
    result = check_po(path, settings=settings, po=to_po(p), glossary=glossary)
    out: dict[int, list[Finding]] = {}
    for f in result.findings:
        if 0 <= f.index < len(p.rows):
            out.setdefault(f.index, []).append(f)
    return out


def describe_rows(p: Pairing, rows: list[int], verb: str = "changed") -> str:
    """The rows given, one line each: where, shape, pinned or score, the start of the text."""
    if not rows:
        return f"no row {verb}"
    lines = [f"{len(rows)} row(s) {verb}:"]
    for k in rows:
        row = p.rows[k]
        state = "pinned" if row.pinned else ("not scored" if row.confidence is None else f"{row.confidence:.2f}")
        first = (row.uk or row.en)[0].text
        snippet = " ".join(first.split())
        snippet = snippet if len(snippet) <= 48 else snippet[:47] + "…"
        lines.append(f"  {row.kind:<4} {state:<10} {p.describe(k)}  “{snippet}”")
    return "\n".join(lines)
