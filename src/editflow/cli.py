"""The `editflow` command: parses options, calls the library, renders results.

Exit codes: 0 clean, 1 findings, 2 usage or input error.
Heavy imports (numpy, python-docx, polib) stay inside the commands so that
`editflow --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from editflow import __version__


def default_output(translation: Path) -> Path:
    """`translations/<slug>.po` beside the translation (`war.en.docx` → `war.po`)."""
    name = translation.name
    stem = name[: -len(translation.suffix)] if translation.suffix else name
    if stem.lower().endswith(".en"):
        stem = stem[:-3]
    return translation.with_name(f"{stem}.po")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="editflow")
def cli() -> None:
    """editflow: align, check and export Ukrainian→English article translations.

    \b
    A typical session:
      editflow align originals/war.uk.docx translations/war.en.docx
      (then open translations/war.po in Poedit; doubtful pairs are marked fuzzy)

    Exit codes: 0 clean, 1 findings, 2 usage or input error.
    """


@cli.command()
@click.argument("original", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("translation", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write: a .po working file or a .tsv bead list. "
                   "Default: <slug>.po beside the translation.")
@click.option("-g", "--glossary", "glossaries", multiple=True,
              type=click.Path(path_type=Path, exists=False),
              help="Glossary CSV (or folder of them) whose terms anchor the alignment. Repeatable.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Confidence below which a pair is doubtful (fuzzy in the PO). Default: 0.85 (calibrated: flags ~7% of pairs, ~87% of wrong ones).")
@click.option("-f", "--force", is_flag=True, help="Overwrite an existing output that belongs to another "
              "article or holds edits not in the translation.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors.")
def align(original: Path, translation: Path, output: Path | None, glossaries: tuple[Path, ...],
          threshold: float | None, force: bool, as_json: bool, quiet: bool) -> None:
    """Pair the paragraphs of ORIGINAL (Ukrainian) and TRANSLATION (English).

    Inputs may be .txt, .md or .docx (encodings are detected). Writes a PO
    working file (one entry per pair: msgid Ukrainian, msgstr English; doubtful
    pairs fuzzy) or, for -o X.tsv, one line per pair:
    SRC<TAB>TGT<TAB>CONFIDENCE with 0-based paragraph indexes.

    \b
    Examples:
      editflow align originals/war.uk.docx translations/war.en.docx
      editflow align uk.txt en.txt -o pairs.tsv --glossary glossary/
    """
    from editflow.align import DOUBT_THRESHOLD
    from editflow.pipeline import align_files, write_alignment
    from editflow.summary import format_summary, summarize

    out = output or default_output(translation)
    if out.suffix.lower() not in (".po", ".tsv"):
        raise click.UsageError(f"{out}: output must end in .po or .tsv")
    al = align_files(original, translation, list(glossaries), threshold if threshold is not None else DOUBT_THRESHOLD)
    write_alignment(al, out, force=force)
    if as_json:
        click.echo(json.dumps(summarize(al) | {"output": str(out)}, ensure_ascii=False, indent=2))
    elif not quiet:
        click.echo(format_summary(al, str(out)), err=True)


def _codes(values: tuple[str, ...]) -> list[str]:
    """`--select glossary,numbers --select typography.quotes` → three patterns."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _list_codes(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from editflow.checks import iter_codes

    for info in iter_codes():
        click.echo(f"{info.code:32} {info.severity:8} {info.summary}")
    ctx.exit(0)


@cli.command()
@click.argument("po_files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-g", "--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file or folder (CSV, TBX, PO). Repeatable. Default: the project's glossary/ folder.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these checks: codes or families, comma-separated (e.g. glossary,numbers.mismatch).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these checks (codes or families).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per finding, as a list on stdout.")
@click.option("--show-dismissed", is_flag=True, help="Also report findings dismissed in <slug>.dismissed.")
@click.option("--dismiss", "dismiss_keys", multiple=True, metavar="KEY",
              help="Dismiss the finding with this key (shown in the report) until its text changes. Repeatable.")
@click.option("--reason", default="", help="Why, recorded with --dismiss.")
@click.option("--color/--no-color", default=None, help="Colour the report (default: when on a terminal).")
@click.option("--list-codes", is_flag=True, expose_value=False, is_eager=True, callback=_list_codes,
              help="List every check code with its default severity, then exit.")
def check(po_files: tuple[Path, ...], glossaries: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...],
          as_json: bool, show_dismissed: bool, dismiss_keys: tuple[str, ...], reason: str,
          color: bool | None) -> None:
    """Check the translation in each PO_FILE: glossary, notes, numbers, typography, ...

    Works on editflow's working file and on any PO whose msgid is Ukrainian
    and msgstr English. Settings come from editflow.toml in the project
    ([checks] ignore/select/severity, [style]); a line
    "editflow: ignore numbers" in an entry's translator comment silences
    that family for the entry.

    \b
    Exit codes: 0 no error-level findings, 1 some, 2 usage or input error.
    \b
    Examples:
      editflow check translations/war.po
      editflow check war.po --select glossary --json
      editflow check war.po --dismiss 3f9a0c12be --reason "rounded on purpose"
      editflow check translations/*.po
    """
    if dismiss_keys and len(po_files) > 1:
        raise click.UsageError("--dismiss works on one PO file at a time")
    errors = 0
    out_json: list[dict] = []
    for po_file in po_files:
        errors += _check_one(po_file, glossaries, select, ignore, as_json, show_dismissed, dismiss_keys,
                             reason, color, out_json, many=len(po_files) > 1)
    if as_json:
        click.echo(json.dumps(out_json, ensure_ascii=False, indent=2))
    if errors:
        sys.exit(1)


def _check_one(po_file: Path, glossaries: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...],
               as_json: bool, show_dismissed: bool, dismiss_keys: tuple[str, ...], reason: str,
               color: bool | None, out_json: list[dict], many: bool) -> int:
    """One PO file of `editflow check`: report (or dismiss) its findings; returns its error count."""
    from editflow.checks import check_po
    from editflow.checks.report import finding_json, format_report
    from editflow.checks.suppress import dismiss, dismissed_path

    result = check_po(po_file, list(glossaries), select=_codes(select), ignore=_codes(ignore),
                      use_dismissed=not show_dismissed and not dismiss_keys)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    if dismiss_keys:
        wanted = {k.lower() for k in dismiss_keys}
        chosen = [f for f in result.findings if f.dismiss_key in wanted]
        unknown = wanted - {f.dismiss_key for f in chosen}
        if unknown:
            raise click.UsageError(f"no current finding has the key(s) {', '.join(sorted(unknown))}; "
                                   f"run 'editflow check {po_file}' to see the keys")
        target = dismissed_path(po_file)
        n = dismiss(target, chosen, reason)
        click.echo(f"{target}: {n} finding(s) dismissed", err=True)
        return 0
    if as_json:
        out_json += [finding_json(f) | ({"file": str(po_file)} if many else {}) for f in result.findings]
    else:
        colour = sys.stdout.isatty() if color is None else color
        click.echo(format_report(result.findings, result.entries, str(po_file), colour=colour))
    return result.errors


@cli.group()
def glossary() -> None:
    """Inspect term bases (CSV, TBX, PO): lint them, list their terms."""


@glossary.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def glossary_lint(paths: tuple[Path, ...]) -> None:
    """Report duplicate and conflicting rows, empty renderings, bad case/match values.

    \b
    Exit codes: 0 clean (info lines allowed), 1 problems, 2 unreadable glossary.
    Example:
      editflow glossary lint glossary/
    """
    from editflow.glossary.lint import lint

    g, problems = lint(list(paths))
    for p in problems:
        click.echo(str(p))
    bad = sum(1 for p in problems if p.level in ("error", "warning"))
    click.echo(f"{len(g)} terms in {len(g.paths)} file(s): "
               f"{bad} problem(s), {len(problems) - bad} note(s)", err=True)
    if bad:
        sys.exit(1)


@glossary.command("show")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def glossary_show(paths: tuple[Path, ...]) -> None:
    """List every term: Ukrainian → accepted renderings (forbidden variants)."""
    from editflow.glossary import load_glossary

    for t in load_glossary(list(paths)).terms:
        line = f"{t.uk} → {' | '.join(t.en) or '(none)'}"
        if t.forbidden:
            line += f"   not: {' | '.join(t.forbidden)}"
        if t.case != "any" or t.match != "lemma":
            line += f"   [case={t.case}, match={t.match}]"
        click.echo(line)


def main() -> None:
    try:
        cli.main(prog_name="editflow", standalone_mode=True)
    except KeyboardInterrupt:  # outputs are written atomically, so nothing is half-done
        click.echo("interrupted", err=True)
        sys.exit(130)
