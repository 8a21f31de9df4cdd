"""The `editflow` command: parses options, calls the library, renders results.

Exit codes (editflow.errors): 0 clean, 1 error-level findings, 2 usage or input error,
3 internal error, 130 interrupted; every failure leaves through EditflowGroup's one handler.
Heavy imports (numpy, python-docx, polib) stay inside the commands so that
`editflow --help` starts fast.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from editflow import __version__
from editflow.cli_options import (
    EXIT_CODES_HELP,
    EditflowGroup,
    Run,
    chosen_lexicon_source,
    chosen_project,
    current_run,
    force_option,
    glossary_option,
    json_option,
    lexicon_options,
    project_argument,
    project_option,
)
from editflow.errors import EXIT_FINDINGS, EXIT_INTERRUPTED


def default_output(translation: Path) -> Path:
    """`translations/<slug>.po` beside the translation (`war.en.docx` → `war.po`)."""
    name = translation.name
    stem = name[: -len(translation.suffix)] if translation.suffix else name
    if stem.lower().endswith(".en"):
        stem = stem[:-3]
    return translation.with_name(f"{stem}.po")


@click.group(cls=EditflowGroup, epilog=EXIT_CODES_HELP,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="editflow")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), envvar="EDITFLOW_CONFIG",
              help="Settings file for this run (default: editflow.toml of the project each file belongs to).")
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback too.")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, debug: bool) -> None:
    """editflow: align, check and export Ukrainian→English article translations.

    \b
    A typical session:
      editflow align originals/war.uk.docx translations/war.en.docx
      (then open translations/war.po in Poedit; doubtful pairs are marked fuzzy)
      editflow export translations/war.po --publication

    Settings: editflow.toml of the project (the first folder at or above the file worked on, else
    the current folder, that holds editflow.toml, originals/ or translations/), or --config FILE.
    Precedence: flags > EDITFLOW_<COMMAND>_<OPTION> environment variables > the file > defaults.
    """
    run = ctx.ensure_object(Run)
    run.config, run.debug = config_path, debug
    if config_path is not None:
        run.settings_for(None)  # a broken --config file is refused before any work starts


def default_output_for(translation: str) -> Path:
    """`default_output` of a file; for a page's address, `<last part of its path>.po` in the current folder."""
    from editflow.readers.fetch import is_url

    if not is_url(translation):
        return default_output(Path(translation))
    from urllib.parse import urlsplit

    parts = urlsplit(translation)
    segment = next((s for s in reversed(parts.path.split("/")) if s), "") or parts.hostname or "page"
    stem = re.sub(r"[^\w.-]+", "-", segment.rsplit(".", 1)[0] if "." in segment[1:] else segment).strip("-.")
    return default_output(Path(f"{stem or 'page'}.po"))


@cli.command()
@click.argument("original", type=click.Path())
@click.argument("translation", type=click.Path())
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write: a .po working file or a .tsv bead list. "
                   "Default: <slug>.po beside the translation.")
@glossary_option("Glossary (CSV, TBX, PO) or folder of them whose terms anchor the alignment. Repeatable. "
                 "Default: [glossary] paths in editflow.toml, else the project's glossary/.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Confidence below which a pair is doubtful (fuzzy in the PO). Default: [align] threshold, "
                   "else 0.95 (calibrated with a lexicon: flags ~5% of pairs, ~86% of wrong ones).")
@click.option("--paragraphs", type=click.Choice(["auto", "blank", "lines"]), default=None,
              help="What separates paragraphs: 'blank' lines (Word's and HTML's own paragraphs), every line "
                   "break ('lines': text pasted from a browser, Shift+Enter in Word), or 'auto': each side the way "
                   "that fits the other. Default: what the existing PO recorded, else auto.")
@click.option("--show-removed", is_flag=True,
              help="List what was left out of a web page (menus, share buttons, comment forms...), with its line.")
@click.option("--fetch-timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
              help="Seconds to wait for a page given by its address (http:// or https://).")
@click.option("--skip-language-check", is_flag=True,
              help="Align even when the inputs do not look like a Ukrainian original and an English translation.")
@force_option("Replace an existing output that belongs to another article, is read-only or is a .tsv. "
              "What people wrote in a PO is still kept.")
@click.option("--discard-edits", is_flag=True,
              help="Drop what people wrote in the existing PO (comments, confirmed pairs, English edited in it, "
                   "added entries) instead of carrying it over; with --force, also replace a PO that cannot be read.")
@lexicon_options
@json_option("Print the summary as JSON on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="No summary, only errors.")
@click.pass_context
def align(ctx: click.Context, original: str, translation: str, output: Path | None, glossaries: tuple[Path, ...],
          threshold: float | None, paragraphs: str | None, show_removed: bool, fetch_timeout: float,
          skip_language_check: bool, force: bool, discard_edits: bool, lexicon_path: Path | None, no_lexicon: bool,
          as_json: bool, quiet: bool) -> None:
    """Pair the paragraphs of ORIGINAL (Ukrainian) and TRANSLATION (English).

    Inputs may be .txt, .md, .docx, a web page saved from the browser (.html,
    .htm, .mhtml, or the folder of a "web page, complete") or a page's address
    (http:// or https://): a page's article is kept (headline, byline,
    headings, quotes, editor's notes), its menus, share buttons, comment
    forms and footers left out. Encodings are detected. Inputs that are not
    a Ukrainian original and an English translation (swapped, the same
    language twice, a Russian original) are refused before anything is
    written. Writes a PO working file (one entry per pair: msgid Ukrainian,
    msgstr English; doubtful pairs fuzzy) or, for -o X.tsv, one line per pair:
    SRC<TAB>TGT<TAB>CONFIDENCE with 0-based paragraph indexes.

    An existing PO of the article is refreshed: translator comments, ignore
    markers, review records, confirmed pairs, English edited in the PO, added
    entries and dismissed findings go to the entries that now hold the same
    paragraphs; what finds no place is kept as an obsolete (#~) entry and named.

    Words count as well as lengths, numbers and names: the project's lexicon
    (learned from its translation memory by 'build' and 'tm rebuild'), else
    the starter lexicon, plus the glossary's terms. The PO header records the
    lexicon's hash (X-Editflow-Lexicon).

    \b
    Examples:
      editflow align originals/war.uk.docx translations/war.en.docx
      editflow align uk.txt en.txt -o pairs.tsv --glossary glossary/
      editflow align saved/war.uk.html translations/war.en.docx --show-removed
      editflow align pasted.uk.txt war.en.txt --paragraphs lines
      editflow align uk.txt en.txt --no-lexicon
    """
    from editflow.align import DOUBT_THRESHOLD
    from editflow.align.summary import format_removed, format_summary, removed_json, summarize
    from editflow.checks.suppress import carry_dismissed
    from editflow.fileio import fingerprint
    from editflow.glossary import load_glossary
    from editflow.lexicons import choose_lexicon
    from editflow.locks import locked
    from editflow.workfile import align_files, existing_po, recorded_paragraphs, write_alignment

    out = output or default_output_for(translation)
    if out.suffix.lower() not in (".po", ".tsv"):
        raise click.UsageError(f"{out}: output must end in .po or .tsv")
    settings = current_run(ctx).settings_for(out)
    if threshold is None:
        threshold = settings.threshold if settings.threshold is not None else DOUBT_THRESHOLD
    sources = settings.glossary_sources(glossaries)
    glossary = load_glossary(sources) if sources else None
    lexicon_file, use_lexicon = chosen_lexicon_source(lexicon_path, no_lexicon)
    lexicon = choose_lexicon(settings.root, lexicon_file, use_lexicon)
    with locked(out, f"align into {out.name}"):
        expect = fingerprint(out)  # the PO as read now; one saved meanwhile in an editor is not overwritten
        # A refresh reads the inputs the way the PO recorded, unless --paragraphs says otherwise.
        mode = paragraphs or recorded_paragraphs(out, original, translation) or "auto"
        al = align_files(original, translation, glossary=glossary, threshold=threshold,
                         boilerplate=settings.boilerplate, lexicon=lexicon,
                         keep=None if discard_edits else existing_po(out),
                         paragraphs=mode,  # type: ignore[arg-type]
                         check_language=not skip_language_check, timeout=fetch_timeout)
        refresh = write_alignment(al, out, force=force, discard_edits=discard_edits, expect=expect)
        if refresh is not None and not discard_edits:
            carry_dismissed(out, refresh.previous, refresh.po, refresh.report, glossary, settings)
    if as_json:
        extra: dict[str, object] = {"refresh": refresh.report.as_dict()} if refresh is not None else {}
        if show_removed:
            extra["removed"] = removed_json(al)
        click.echo(json.dumps(summarize(al) | {"output": str(out)} | extra, ensure_ascii=False, indent=2))
    elif not quiet:
        if show_removed:
            click.echo(format_removed(al), err=True)
        for notice in al.notices:
            click.echo(f"note: {notice}", err=True)
        click.echo(format_summary(al, str(out)), err=True)
        if refresh is not None and refresh.report.format():
            click.echo(refresh.report.format(), err=True)
    if refresh is not None and quiet and (refresh.report.conflicts or refresh.report.obsolete):
        # Even --quiet says where the PO now differs from what a plain re-alignment would give.
        click.echo(refresh.report.format(), err=True)


@cli.command()
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--link", "links", multiple=True, metavar="UK=EN",
              help="Make one pinned row of these paragraphs: 1=2 (uk1 with en2), 3,4=5, 3=5,6, 3-5=6; 7= or =7 "
                   "pins a paragraph with no counterpart. Repeatable.")
@click.option("--unpair", "unpairs", multiple=True, metavar="uk7|en7",
              help="Dissolve the row holding this paragraph into one-sided rows; re-alignment will not pair "
                   "them again. Repeatable.")
@click.option("--pin", "pins", multiple=True, metavar="uk3|en5",
              help="Pin (confirm) the row holding this paragraph. Repeatable.")
@click.option("--unpin", "unpins", multiple=True, metavar="uk3|en5",
              help="Unpin the row holding this paragraph. Repeatable.")
@click.option("--role", "roles", multiple=True, metavar="PARA=ROLE",
              help="Set a paragraph's role, e.g. en12=credit, uk3=boilerplate (title is the headline published, "
                   "headline a variant). Kept through re-alignment and build. Repeatable.")
@click.option("--headline", metavar="enN",
              help="The English headline to publish; the other headline lines stay in the PO as variants.")
@click.option("--realign", is_flag=True, help="Re-align every row that is not pinned, around the pinned ones.")
@click.option("--dry-run", is_flag=True, help="Show the result; write nothing.")
@click.option("-y", "--yes", is_flag=True, help="Do it even where English edited in the PO would be cut in two.")
@glossary_option("Glossary whose terms anchor the re-alignment. Repeatable. "
                 "Default: [glossary] paths in editflow.toml, else the project's glossary/.")
@lexicon_options
@json_option("Print the pairing as JSON on stdout (align --json's shape, plus pinned rows and forbidden links).")
@click.pass_context
def pair(ctx: click.Context, po_file: Path, links: tuple[str, ...], unpairs: tuple[str, ...], pins: tuple[str, ...],
         unpins: tuple[str, ...], roles: tuple[str, ...], headline: str | None, realign: bool, dry_run: bool,
         yes: bool, glossaries: tuple[Path, ...], lexicon_path: Path | None, no_lexicon: bool,
         as_json: bool) -> None:
    """Fix the pairing of a PO working file from the command line (what 'editflow edit' does in a browser).

    Paragraphs are numbered from 1 on each side as the PO holds them now (for a
    fresh PO, as 'align' shows them). Every option is checked first, then all are
    applied together: links, unpairs, unpins, pins, roles, the headline, then
    --realign; if one is refused, nothing is written (exit 2). Without --realign
    nothing but what is asked changes. Works from the PO alone: the original
    files are not needed. What people wrote in the PO (edited English,
    comments, dismissals, review history) is kept.

    \b
    Examples:
      editflow pair translations/war.po --link 3,4=5 --realign
      editflow pair translations/war.po --unpair uk7 --headline en2 --role en30=credit
      editflow pair translations/war.po --json
    """
    from editflow.align.summary import format_summary
    from editflow.glossary import load_glossary
    from editflow.lexicons import choose_lexicon
    from editflow.pairing import load_pairing, save_pairing
    from editflow.pairing.realign import RealignContext
    from editflow.pairing.script import apply_requests, changed_rows, parse_requests
    from editflow.pairing.view import alignment_json, describe_rows, to_alignment

    settings = current_run(ctx).settings_for(po_file)
    before = load_pairing(po_file)
    requests = parse_requests(before, links=links, unpairs=unpairs, pins=pins, unpins=unpins, roles=roles,
                              headline=headline, realign=realign)
    rc = None
    if realign:
        sources = settings.glossary_sources(glossaries)
        lexicon_file, use_lexicon = chosen_lexicon_source(lexicon_path, no_lexicon)
        rc = RealignContext(glossary=load_glossary(sources) if sources else None,
                            lexicon=choose_lexicon(settings.root, lexicon_file, use_lexicon))
    after = apply_requests(before, requests, rc, confirm=yes)
    report = None
    if requests.changes and not dry_run:
        report = save_pairing(after, po_file, settings=settings, glossary=rc.glossary if rc else None)
    if as_json:
        click.echo(json.dumps(alignment_json(after) | {"written": report is not None}, ensure_ascii=False, indent=2))
        return
    changed = changed_rows(before, after)
    if requests.changes:
        click.echo(describe_rows(after, changed, "would change" if dry_run else "changed"), err=True)
    click.echo(format_summary(to_alignment(after)), err=True)
    if report is not None:
        click.echo(report.format(), err=True)
    elif requests.changes:
        click.echo(f"dry run: {po_file} not written", err=True)


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
@glossary_option()
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these checks: codes or families, comma-separated (e.g. glossary,numbers.mismatch).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these checks (codes or families).")
@json_option("One JSON object per finding, as a list on stdout.")
@click.option("--show-dismissed", is_flag=True, help="Also report findings dismissed in <slug>.dismissed.")
@click.option("--dismiss", "dismiss_keys", multiple=True, metavar="KEY",
              help="Dismiss the finding with this key (shown in the report) until its text changes. Repeatable.")
@click.option("--reason", default="", help="Why, recorded with --dismiss.")
@click.option("--color/--no-color", default=None, help="Colour the report (default: when on a terminal).")
@click.option("--list-codes", is_flag=True, expose_value=False, is_eager=True, callback=_list_codes,
              help="List every check code with its default severity, then exit.")
@click.pass_context
def check(ctx: click.Context, po_files: tuple[Path, ...], glossaries: tuple[Path, ...], select: tuple[str, ...],
          ignore: tuple[str, ...], as_json: bool, show_dismissed: bool, dismiss_keys: tuple[str, ...], reason: str,
          color: bool | None) -> None:
    """Check the translation in each PO_FILE: glossary, notes, numbers, typography, ...

    Works on editflow's working file and on any PO whose msgid is Ukrainian
    and msgstr English. Settings come from editflow.toml in the project
    ([checks] ignore/select/severity, [style]); a line
    "editflow: ignore numbers (rounded in the original)" in an entry's
    translator comment silences that family for the entry (the reason in
    brackets is for people). A name that is no check code or family is
    refused in --select, --ignore and [checks] (exit 2), and reported as
    markers.unknown-code in an entry's marker.

    \b
    Exit codes: 0 no error-level findings, 1 some, 2 usage or input error, 3 internal error.
    \b
    Examples:
      editflow check translations/war.po
      editflow check translations/*.po --select glossary --json
      editflow check war.po --dismiss 3f9a0c12be --reason "rounded on purpose"
    """
    from editflow.checks import check_po
    from editflow.checks.report import finding_json, format_report
    from editflow.checks.suppress import dismiss, dismissed_path

    if dismiss_keys and len(po_files) != 1:
        raise click.UsageError("--dismiss works on one PO file at a time")
    run = current_run(ctx)
    results = []
    for po_file in po_files:
        settings = run.settings_for(po_file)  # --config, else each PO's own project
        result = check_po(po_file, list(glossaries), select=_codes(select), ignore=_codes(ignore),
                          settings=settings, use_dismissed=not show_dismissed and not dismiss_keys)
        for w in result.warnings:
            if w not in settings.warnings:  # the settings' own warnings were shown when they were read
                click.echo(f"warning: {w}", err=True)
        results.append((po_file, result))
    if dismiss_keys:
        po_file, result = results[0]
        wanted = {k.lower() for k in dismiss_keys}
        chosen = [f for f in result.findings if f.dismiss_key in wanted]
        unknown = wanted - {f.dismiss_key for f in chosen}
        if unknown:
            raise click.UsageError(f"no current finding has the key(s) {', '.join(sorted(unknown))}; "
                                   f"run 'editflow check {po_file}' to see the keys")
        from editflow.locks import locked

        target = dismissed_path(po_file)
        with locked(po_file, f"dismissing findings of {po_file.name}"):
            n = dismiss(target, chosen, reason)
        click.echo(f"{target}: {n} finding(s) dismissed", err=True)
        return
    if as_json:
        click.echo(json.dumps([{"file": str(po_file)} | finding_json(f) for po_file, result in results
                               for f in result.findings], ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty() if color is None else color
        click.echo("\n\n".join(format_report(result.findings, result.entries, str(po_file), colour=colour)
                               for po_file, result in results))
    if any(result.errors for _, result in results):
        sys.exit(EXIT_FINDINGS)


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
def init(directory: Path) -> None:
    """Create a project in DIRECTORY (default: here): originals/, translations/,
    glossary/terms.csv, editflow.toml with every setting documented, and a
    .gitignore for build/ and .editflow/. Existing files are kept as they are.
    """
    from editflow.project import init_project

    for path, state in init_project(directory):
        click.echo(f"{state:8} {path}", err=True)


@cli.group()
def tm() -> None:
    """The project's translation memory (.editflow/tm.sqlite, rebuilt from the PO files).

    Every aligned pair is kept twice: as the paragraph pair of its PO entry,
    and split into sentence pairs (the pair's sentences aligned inside it,
    each with its confidence).

    \b
    Examples:
      editflow tm rebuild
      editflow tm search "обстріляли Харків"
      editflow tm export --tmx build/memory.tmx
      editflow tm export --tmx build/paragraphs.tmx --level paragraph
    """


@tm.command("rebuild")
@project_argument
@json_option("Print the counts as JSON on stdout.")
@click.pass_context
def tm_rebuild(ctx: click.Context, project: Path | None, project_option: Path | None, as_json: bool) -> None:
    """Bring the memory up to date with every translations/*.po of PROJECT (default: this project).

    Articles whose PO has not changed are skipped; articles whose PO is gone are dropped.
    Each pair is split into sentence pairs, aligned with the project's lexicon and glossary.
    The project's lexicon (.editflow/lexicon.json.gz) is then retrained from the memory,
    unless the memory did not change since it was made.
    """
    from editflow.lexicons import project_aligner, refresh_lexicon
    from editflow.locks import locked
    from editflow.tm import TranslationMemory, tm_path, update_from_project

    root = current_run(ctx).project_root(chosen_project(project, project_option))
    with locked(root, "tm rebuild"), TranslationMemory.open(tm_path(root)) as mem:
        aligner = project_aligner(root, current_run(ctx).settings_for(root).glossary_sources())
        updated, dropped = update_from_project(mem, root, aligner)
        counts = mem.counts()
        lex = refresh_lexicon(root, mem)
    if as_json:
        click.echo(json.dumps({"articles": counts.articles, "units": counts.paragraphs, "sentences": counts.sentences,
                               "doubtful": {"units": counts.doubtful_paragraphs,
                                            "sentences": counts.doubtful_sentences},
                               "updated": updated, "dropped": dropped,
                               "lexicon": {"path": str(lex.path), "trained": lex.trained, "pairs": lex.pairs,
                                           "seconds": round(lex.seconds, 2)}}))
    else:
        click.echo(f"{tm_path(root)}: {counts.articles} articles, {counts.paragraphs} paragraph pairs "
                   f"({counts.doubtful_paragraphs} doubtful), {counts.sentences} sentence pairs "
                   f"({counts.doubtful_sentences} doubtful); {updated} updated, {dropped} dropped", err=True)
        click.echo(f"{lex.path}: " + (f"retrained, {lex.pairs} word pairs in {lex.seconds:.1f} s" if lex.trained
                                      else f"unchanged ({lex.pairs} word pairs; the memory did not change)"),
                   err=True)


@tm.command("search")
@click.argument("text")
@project_option
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=5, show_default=True, help="Most hits shown.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=60.0, show_default=True,
              help="Similarity (0-100) below which a hit is not shown.")
@click.option("--level", type=click.Choice(["sentence", "paragraph"]),
              help="Only sentence pairs, or only paragraph pairs (default: both; a paragraph of one sentence "
                   "is one hit).")
@json_option("Hits as JSON on stdout.")
@click.pass_context
def tm_search(ctx: click.Context, text: str, project_option: Path | None, limit: int, min_score: float,
              level: str | None, as_json: bool) -> None:
    """Earlier translations of Ukrainian TEXT, sentences and paragraphs (fuzzy: the closest first).

    A doubtful pair (an alignment nobody has confirmed yet, or a sentence pair
    the sentence alignment doubted) is shown marked "doubtful".
    """
    from editflow.tm import TranslationMemory, tm_path

    root = current_run(ctx).project_root(project_option)
    path = tm_path(root)
    if not path.is_file():
        from editflow.errors import InputError

        raise InputError(path, "no translation memory yet", "run 'editflow tm rebuild'")
    with TranslationMemory.open(path) as mem:
        hits = mem.search(text, limit=limit, min_score=min_score, level=level)
    if as_json:
        click.echo(json.dumps([{"score": round(h.score, 1), "level": h.unit.level, "article": h.unit.slug,
                                "entry": h.unit.entry, "sentence": h.unit.sentence,
                                "confidence": round(h.unit.confidence, 4), "doubtful": h.unit.doubtful,
                                "created": h.unit.created, "source": h.unit.source, "target": h.unit.target}
                               for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no earlier translation found", err=True)
    for h in hits:
        where = f"{h.unit.slug} [{h.unit.entry}" + (f", sentence {h.unit.sentence}]" if h.unit.sentence else "]")
        click.echo(f"{h.score:5.1f}  {where} {h.unit.level}" + ("  doubtful" if h.unit.doubtful else ""))
        click.echo(f"       uk: {' '.join(h.unit.source.split())}")
        click.echo(f"       en: {' '.join(h.unit.target.split())}")


@tm.command("export")
@click.option("--tmx", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the TMX 1.4b file.")
@click.option("--level", type=click.Choice(["sentence", "paragraph"]), default="sentence", show_default=True,
              help="One translation unit per sentence pair (what CAT tools match), or per paragraph pair "
                   "(the PO's entries).")
@click.option("--include-doubtful", is_flag=True,
              help="Export the doubtful pairs too, marked with the property x-editflow-doubtful "
                   "(default: left out, and counted).")
@project_option
@force_option("Overwrite an existing file.")
@click.pass_context
def tm_export(ctx: click.Context, out: Path, level: str, include_doubtful: bool, project_option: Path | None,
              force: bool) -> None:
    """Write the memory as TMX 1.4b (Ukrainian source, English target) for CAT tools.

    The memory is brought up to date with the PO files first.  Each unit has
    its creation date (when the pair entered the memory) and the properties
    x-editflow-article, x-editflow-entry and x-editflow-confidence; the
    editor's notes ("[… – ed.]") the English has and the Ukrainian does not
    are taken out of the English segment and kept as the unit's <note>;
    italics, bold and links are paired <bpt>/<ept> codes. Doubtful pairs are
    left out unless --include-doubtful.
    """
    from editflow.export.tmx import export_tmx
    from editflow.lexicons import project_aligner
    from editflow.locks import locked
    from editflow.outputs import Claim, OutputKind, decide
    from editflow.tm import TranslationMemory, tm_path, update_from_project

    root = current_run(ctx).project_root(project_option)
    decide(out, Claim(OutputKind.TMX)).require(force)
    with locked(root, "tm export"), TranslationMemory.open(tm_path(root)) as mem:
        aligner = project_aligner(root, current_run(ctx).settings_for(root).glossary_sources())
        update_from_project(mem, root, aligner)
        done = export_tmx(mem, out, level, include_doubtful)
    message = f"{out}: {done.units} {level} pairs"
    if done.left_out:
        message += (f"; {done.left_out} doubtful pairs left out (confirm them in their PO, or export them "
                    f"marked with --include-doubtful)")
    elif done.doubtful:
        message += f", {done.doubtful} of them doubtful (marked x-editflow-doubtful)"
    click.echo(message, err=True)


@tm.command("lexicon")
@project_option
@click.option("--word", "words", multiple=True, metavar="WORD",
              help="Show the renderings of a Ukrainian word (any form), or the Ukrainian words an English word "
                   "renders, with their probabilities. Repeatable.")
@click.option("-n", "--limit", type=click.IntRange(1, 100), default=8, show_default=True,
              help="Most renderings shown per word.")
@click.option("--export", "export_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the lexicon to this file, in the format --lexicon reads.")
@lexicon_options
@force_option("Overwrite an existing --export file.")
@json_option("Print the lexicon's summary (or the words' renderings) as JSON on stdout.")
@click.pass_context
def tm_lexicon(ctx: click.Context, project_option: Path | None, words: tuple[str, ...], limit: int,
               export_path: Path | None, lexicon_path: Path | None, no_lexicon: bool, force: bool,
               as_json: bool) -> None:
    """What the aligner knows of words: the lexicon 'align' uses in this project.

    The project's lexicon is learned from its translation memory ('build' and
    'tm rebuild' retrain it when the memory changed), with the starter lexicon
    (from NTREX-128, CC BY-SA 4.0) underneath; outside a project, or before the
    memory has pairs, it is the starter alone.

    \b
    Examples:
      editflow tm lexicon
      editflow tm lexicon --word рашизм --word Києві
      editflow tm lexicon --export desk-lexicon.json.gz
    """
    from editflow.config import find_root
    from editflow.lexicons import choose_lexicon
    from editflow.lexicons import lexicon_path as own_lexicon_path

    lexicon_file, use_lexicon = chosen_lexicon_source(lexicon_path, no_lexicon)
    if not use_lexicon:
        raise click.UsageError("--no-lexicon leaves nothing to show")
    run = current_run(ctx)
    # Outside a project the starter lexicon is shown: no project is not an error here.
    root = project_option if project_option is not None else (
        run.project_root(None) if run.config is not None or find_root(Path.cwd()) is not None else None)
    lex = choose_lexicon(root, lexicon_file)
    assert lex is not None
    if lexicon_file is not None:
        origin = str(lexicon_file)
    elif root is not None and own_lexicon_path(root).is_file():
        origin = str(own_lexicon_path(root))
    else:
        origin = "the starter lexicon (no project lexicon yet: 'editflow tm rebuild' makes one)"
    if export_path is not None:
        from editflow.outputs import Claim, OutputKind, decide

        decide(export_path, Claim(OutputKind.LEXICON)).require(force)
        lex.save(export_path)
        click.echo(f"{export_path}: {len(lex)} word pairs from {origin}", err=True)
        return
    if words:
        # A Latin-script word is English: show what it renders instead.
        found = {w: lex.sources(w, limit) if any("a" <= c.lower() <= "z" for c in w) else lex.renderings(w, limit)
                 for w in words}
        if as_json:
            click.echo(json.dumps({w: [{"word": r, "probability": p} for r, p in rs] for w, rs in found.items()},
                                  ensure_ascii=False, indent=2))
            return
        for w, rs in found.items():
            click.echo(f"{w}: " + (", ".join(f"{r} {p:.2f}" for r, p in rs) if rs else "not in the lexicon"))
        return
    info = {"lexicon": origin, "sha256": lex.digest, "pairs": len(lex), "ukrainian_words": len(lex.uk),
            "english_words": len(lex.en), "forms": len(lex.forms)} | {
        k: v for k, v in lex.meta.items() if k in ("source", "units", "coverage", "licence", "attribution")}
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    for k, v in info.items():
        click.echo(f"{k.replace('_', ' ')}: {v}")


_EXPORT_SUFFIX = {"publication": ".docx", "review": ".review.docx", "redline": ".redline.docx"}


def default_export_output(po_file: Path, mode: str) -> Path:
    """`build/<slug>.docx` (`.review.docx`, `.redline.docx`) in the project root, else beside the PO."""
    from editflow.config import find_root

    slug = po_file.name[: -len(po_file.suffix)] if po_file.suffix else po_file.name
    root = find_root(po_file)
    folder = root / "build" if root is not None else po_file.parent
    try:  # messages name the file the way the user would type it
        folder = folder.relative_to(Path.cwd())
    except ValueError:
        pass
    return folder / f"{slug}{_EXPORT_SUFFIX[mode]}"


@cli.command()
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@json_option("One JSON object per note, as a list on stdout.")
@click.pass_context
def notes(ctx: click.Context, po_file: Path, as_json: bool) -> None:
    """List every editor's or translator's note in PO_FILE with its context.

    For each note: the entry, the side (uk/en), the note, the sentence around
    it, whether an English note follows the house format ([style] ednote in
    editflow.toml, default "[{text} – ed.]") and its counterpart on the
    other side.

    \b
    Examples:
      editflow notes translations/war.po
      editflow notes war.po --json
    """
    from dataclasses import asdict

    from editflow.checks import entries_from_po
    from editflow.checks.ednotes import list_notes
    from editflow.po import load_po

    settings = current_run(ctx).settings_for(po_file)
    found = list_notes(entries_from_po(load_po(po_file)), settings.style.ednote)
    if as_json:
        click.echo(json.dumps([asdict(n) for n in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"{po_file}: no notes")
        return
    for n in found:
        where = f"line {n.line}" if n.line else f"entry {n.index}"
        flag = "" if n.format_ok else f"  (house format: {n.suggestion})"
        click.echo(f"[{n.entry}] {n.side} {n.who} ({where}): {n.note}{flag}")
        click.echo(f"    in: {n.sentence}")
        click.echo(f"    {'matches' if n.counterpart else 'no counterpart on the other side'}"
                   + (f": {n.counterpart}" if n.counterpart else ""))
    click.echo(f"{po_file}: {len(found)} note(s), {sum(1 for n in found if not n.format_ok)} not in the house format")


@cli.command()
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--publication", "mode", flag_value="publication",
              help="The English article, publication-ready (Title, headings, quotes; boilerplate dropped).")
@click.option("--review", "mode", flag_value="review",
              help="The bilingual review table with the checks' findings as comments, Track Changes on.")
@click.option("--redline", "mode", flag_value="redline",
              help="The English with the reviewer's changes as tracked changes against the translation.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the .docx. Default: build/<slug>.docx (.review.docx, .redline.docx) "
                   "in the project folder.")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False),
              help="Publication: a reference .docx whose styles, page setup, headers and footers are used.")
@click.option("--subtitle/--no-subtitle", default=None,
              help="Publication: put the first alternative headline under the title as Subtitle "
                   "(default: [export] subtitle).")
@glossary_option("Glossary file or folder for the review's checks and the publication's keywords. "
                 "Repeatable. Default: [glossary] paths in editflow.toml, else the project's glossary/.")
@force_option("Overwrite an existing output that editflow did not export from this PO.")
@click.pass_context
def export(ctx: click.Context, po_file: Path, mode: str | None, output: Path | None, template: Path | None,
           subtitle: bool | None, glossaries: tuple[Path, ...], force: bool) -> None:
    """Export PO_FILE as a Word document: --publication, --review or --redline.

    Exports are deterministic: the same PO gives the same bytes (dates from
    SOURCE_DATE_EPOCH, else the PO's revision date). An existing output is
    replaced only when editflow exported it from the same PO, or with --force.

    \b
    Examples:
      editflow export translations/war.po --publication
      editflow export war.po --publication --template house.docx --subtitle -o war.docx
      editflow export war.po --review
    """
    if mode is None:
        raise click.UsageError("choose what to export: --publication, --review or --redline")
    if mode != "publication" and (template is not None or subtitle is not None):
        raise click.UsageError("--template and --subtitle apply to --publication only")
    if mode == "redline" and glossaries:
        raise click.UsageError("--glossary applies to --publication and --review only")
    settings = current_run(ctx).settings_for(po_file)
    out = output or default_export_output(po_file, mode)
    if out.suffix.lower() != ".docx":
        raise click.UsageError(f"{out}: output must end in .docx")

    if mode == "publication":
        from editflow.export.publication import write_publication
        from editflow.glossary import load_glossary

        sources = settings.glossary_sources(glossaries)
        result = write_publication(po_file, out, template=template or settings.template,
                                   subtitle=settings.subtitle if subtitle is None else subtitle, force=force,
                                   glossary=load_glossary(sources) if sources else None)
    elif mode == "review":
        from editflow.export.review import write_review

        result = write_review(po_file, out, glossaries=list(glossaries) or None, force=force, settings=settings)
    else:
        from editflow.export.redline import write_redline

        result = write_redline(po_file, out, force=force)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(f"wrote {result.path}: {result.describe()}", err=True)


@cli.command("import-review")
@click.argument("review", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@force_option("Import everything that can be kept and keep the rest as comments in the PO (the English of a "
              "row whose Ukrainian was edited, the reviewer's side of a conflict, the text of merged rows), "
              "instead of refusing the whole review.")
@click.option("--theirs", is_flag=True,
              help="Where the PO (since the export) and the review changed one paragraph differently, take the "
                   "reviewer's text.")
@click.option("--ours", is_flag=True,
              help="Where the PO (since the export) and the review changed one paragraph differently, keep the "
                   "PO's text (the review's other changes are still imported).")
@click.option("-n", "--dry-run", is_flag=True, help="Report what would change; write nothing.")
@json_option("Print the summary as JSON on stdout.")
def import_review_cmd(review: Path, po_file: Path, force: bool, theirs: bool, ours: bool, dry_run: bool,
                      as_json: bool) -> None:
    """Bring what the reviewer changed in REVIEW (.review.docx) into PO_FILE, and nothing else.

    Each row is compared three ways: the English as exported, as the
    reviewer returned it, and as the PO holds it now. The reviewer's
    changes are taken (tracked changes accepted; who and when recorded in
    the entry's comments), changes made in the PO since the export are
    kept, and a paragraph both changed differently is a conflict: both
    texts are shown and nothing is written unless --theirs or --ours says
    whose to keep. Reviewers' Word comments become translator comments,
    line breaks kept. Enter in an English cell splits the paragraph (the
    pair becomes 1-2), Shift+Enter is a line break inside it, an added row
    is a new English paragraph after the row above, and deleting a
    headline variant's row leaves it out of the publication. Deleting the
    headline's row or a body row, merging or splitting cells, edited
    Ukrainian or ids are refused with the rows named, the PO untouched.
    Rows are matched by id. Importing the same review again changes nothing.

    \b
    Examples:
      editflow import-review build/war.review.docx translations/war.po
      editflow import-review war.review.docx war.po --dry-run
      editflow import-review war.review.docx war.po --theirs
    """
    from editflow.export.review_import import import_review

    if theirs and ours:
        raise click.UsageError("--theirs and --ours exclude each other; give one")
    summary = import_review(review, po_file, force=force, dry_run=dry_run,
                            resolve="theirs" if theirs else "ours" if ours else None)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(summary.format(), err=True)


@cli.command()
@project_argument
@glossary_option()
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Articles built at once (default: one per core).")
@force_option("Rebuild every article, re-align over a read-only PO (what people wrote in it is kept), and "
              "replace review documents someone has worked in.")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Reference .docx for the publication export (default: [export] template).")
@click.option("--subtitle/--no-subtitle", default=None,
              help="Keep the first headline variant as a subtitle (default: [export] subtitle).")
@lexicon_options
@json_option("One JSON object per article on stdout.")
@click.pass_context
def build(ctx: click.Context, project: Path | None, project_option: Path | None, glossaries: tuple[Path, ...],
          jobs: int | None, force: bool, template: Path | None, subtitle: bool | None, lexicon_path: Path | None,
          no_lexicon: bool, as_json: bool) -> None:
    """Align, check and export every article of PROJECT (default: this project).

    For each originals/<slug>.uk.* with translations/<slug>.en.*: align when
    the PO is missing or an input changed (what people wrote in the PO is
    carried to the new entries, as 'editflow align' does), run the checks, write build/<slug>.docx and
    build/<slug>.review.docx, then print one line per article. Articles with
    nothing changed since the last build are not redone. Then the translation
    memory takes every article's pairs, and the project's lexicon
    (.editflow/lexicon.json.gz) is retrained from it if it changed; a new
    lexicon alone re-aligns nothing.

    \b
    Exit codes, the worst article's: 0 clean, 1 error-level findings, 2 an input refused (or no
    article pairs found), 3 an internal error failed an article (its traceback is in the temp folder).
    """
    from dataclasses import asdict, replace

    from editflow.build import LexiconChoice, format_table
    from editflow.build import build as build_project
    from editflow.build import exit_code as build_exit_code

    run = current_run(ctx)
    root = run.project_root(chosen_project(project, project_option))
    settings = run.settings_for(root)
    if template is not None or subtitle is not None:
        settings = replace(settings, template=template or settings.template,
                           subtitle=settings.subtitle if subtitle is None else subtitle)
    paths = settings.glossary_sources(glossaries)
    lexicon = LexiconChoice(*chosen_lexicon_source(lexicon_path, no_lexicon))
    from editflow.project import find_articles

    total = len(find_articles(root))
    warnings: list[str] = []  # shown once the progress bar is done with the terminal line
    with click.progressbar(length=total, label="building", file=sys.stderr, show_pos=True) as bar:
        statuses = build_project(root, settings, paths, jobs=jobs, force=force, progress=lambda st: bar.update(1),
                                 warn=warnings.append, lexicon=lexicon)
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    if as_json:
        click.echo(json.dumps([asdict(s) for s in statuses], ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(statuses))
    code = build_exit_code(statuses)
    if code:
        sys.exit(code)


@cli.command()
@project_argument
@json_option("One JSON object per article on stdout.")
@click.pass_context
def status(ctx: click.Context, project: Path | None, project_option: Path | None, as_json: bool) -> None:
    """What 'editflow build' would report, without doing any work.

    Articles built since their inputs last changed show their recorded
    figures; changed ones show "stale", never-built ones "not built".
    """
    from dataclasses import asdict

    from editflow.build import format_table
    from editflow.build import status as project_status

    run = current_run(ctx)
    root = run.project_root(chosen_project(project, project_option))
    settings = run.settings_for(root)
    statuses = project_status(root, settings, settings.glossary_sources(),
                              warn=lambda w: click.echo(f"warning: {w}", err=True))
    if as_json:
        click.echo(json.dumps([asdict(s) for s in statuses], ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(statuses))


@cli.command()
@click.argument("po_file", type=click.Path(path_type=Path, dir_okay=False))
@glossary_option("Glossary (CSV, TBX, PO) or folder of them, for the checks' findings on each row and for "
                 "re-aligning. Repeatable. Default: [glossary] paths in editflow.toml, else the project's glossary/.")
@lexicon_options
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port on 127.0.0.1 to serve the editor on. Default: a free one.")
@click.option("--no-browser", is_flag=True, help="Print the editor's URL on stdout instead of opening a browser.")
@click.pass_context
def edit(ctx: click.Context, po_file: Path, glossaries: tuple[Path, ...], lexicon_path: Path | None,
         no_lexicon: bool, port: int, no_browser: bool) -> None:
    """Fix the pairing of PO_FILE in the browser: join, split, unpair, pin, re-align, set roles.

    Starts a local editor for one working file (on 127.0.0.1 only; the URL
    carries a random token that every request must show) and opens it in the
    browser. Press ? on the page for its keys. Save writes the PO (refused if
    it changed on disk since the page loaded it); unsaved work is journalled
    as it is made, and the next 'editflow edit' of the PO offers it back.
    Ctrl-C stops the editor.

    \b
    Exit codes: 0 stopped with everything saved, 2 usage or input error,
    130 stopped with unsaved changes (they are in the journal).
    \b
    Examples:
      editflow edit translations/war.po
      editflow edit translations/war.po --no-browser --port 8765
    """
    import webbrowser

    from editflow.cli_options import Interrupted
    from editflow.editor import open_editor

    settings = current_run(ctx).settings_for(po_file)
    lexicon_file, use_lexicon = chosen_lexicon_source(lexicon_path, no_lexicon)
    editor = open_editor(po_file, settings, glossaries=list(glossaries), lexicon=lexicon_file,
                         use_lexicon=use_lexicon, port=port)
    try:
        if no_browser:
            click.echo(editor.url)
        else:
            click.echo(f"editflow edit: {po_file} at {editor.url}", err=True)
            webbrowser.open(editor.url)
        if editor.session.offer is not None:
            click.echo(f"editflow edit: {len(editor.session.offer.ops)} unsaved operation(s) of an earlier session "
                       f"are in the journal; the page offers to restore them", err=True)
        click.echo("editflow edit: Ctrl-C stops the editor", err=True)
        served = editor.serve()
    except KeyboardInterrupt:  # before the server took over Ctrl-C
        served = editor.stopped()
    if served.unsaved:
        raise Interrupted(f"stopped with unsaved changes; they are in {editor.session.journal.path}, and "
                          f"'editflow edit {po_file}' offers them back")
    click.echo(f"editflow edit: stopped; {po_file} has everything that was done", err=True)


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
        sys.exit(EXIT_FINDINGS)


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
        cli.main(prog_name="editflow", auto_envvar_prefix="EDITFLOW", obj=Run())
    except KeyboardInterrupt:  # outside a command (while Click parses): nothing was written yet
        click.echo("editflow: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
