"""Rendering findings: a readable report grouped by entry, and JSON for scripts."""

from __future__ import annotations

from typing import Any

import click

from editflow.checks import Entry
from editflow.model import SEVERITIES, Finding, Severity, Span

_COLOUR: dict[Severity, str] = {"error": "red", "warning": "yellow", "info": "cyan"}
CONTEXT = 40  # characters shown either side of a span


def finding_json(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "entry": f.entry, "index": f.index, "line": f.line, "code": f.code, "severity": f.severity,
        "message": f.message,
        "source_span": list(f.source_span) if f.source_span else None,
        "target_span": list(f.target_span) if f.target_span else None,
        "key": f.dismiss_key,
    }
    if f.term is not None:
        out["term"] = f.term
    if f.variant is not None:
        out["variant"] = f.variant
    if f.suggestion is not None:
        out["suggestion"] = f.suggestion
    return out


def counts(findings: list[Finding]) -> dict[Severity, int]:
    out: dict[Severity, int] = {s: 0 for s in SEVERITIES}
    for f in findings:
        out[f.severity] += 1
    return out


def excerpt(text: str, span: Span | None, colour: bool, width: int = CONTEXT) -> str:
    """One line around `span`, the span bracketed (and coloured on a terminal)."""
    flat = text.replace("\n", " ")
    if span is None:
        s = " ".join(flat.split())
        return s if len(s) <= 2 * width else s[: 2 * width - 1] + "…"
    a, b = span
    left, mid, right = flat[max(0, a - width):a], flat[a:b], flat[b:b + width]
    if a - width > 0:
        left = "…" + left.lstrip()
    if b + width < len(flat):
        right = right.rstrip() + "…"
    marked = click.style(mid, fg="red", bold=True, underline=True) if colour else f"⟦{mid}⟧"
    return f"{left}{marked}{right}"


def format_report(findings: list[Finding], entries: list[Entry], path: str, colour: bool = False) -> str:
    by_index = {e.index: e for e in entries}
    lines: list[str] = []
    current = None
    for f in findings:
        if f.index != current:
            current = f.index
            e = by_index[f.index]
            # path:line is what editors and terminals turn into a link to the entry.
            head = f"{path}:{e.line}  [{e.id}]" if e.line else f"{path}  entry {e.index + 1} [{e.id}]"
            lines.append("")
            lines.append(click.style(head, bold=True) if colour else head)
        sev = f.severity.ljust(7)
        if colour:
            sev = click.style(sev, fg=_COLOUR.get(f.severity, "white"), bold=f.severity == "error")
        lines.append(f"  {sev} {f.code}: {f.message}")
        e = by_index[f.index]
        # Spans point into the PO's text, tags and all: the excerpt shows what Poedit shows.
        if f.target_span is not None or (f.source_span is None and e.target):
            lines.append(f"      en: {excerpt(e.po_target, f.target_span, colour)}")
        if f.source_span is not None or (f.target_span is None and e.source):
            lines.append(f"      uk: {excerpt(e.po_source, f.source_span, colour)}")
        if f.suggestion:
            lines.append(f"      suggestion: {f.suggestion}")
        lines.append(f"      key {f.dismiss_key}")
    c = counts(findings)
    total = sum(c.values())
    summary = (f"{path}: {total} finding{'s' if total != 1 else ''} in {len(entries)} entries"
               f" ({', '.join(f'{n} {s}' for s, n in c.items() if n) or 'clean'})")
    lines.append("")
    lines.append(summary)
    return "\n".join(lines).lstrip("\n")
