"""`editflow build` and `editflow status`: the whole desk from raw files to reviewed documents.

For every complete article (original and translation present):
  1. align, when the PO is missing or an input changed since it was aligned
     (what people wrote in the PO is carried to the new entries: editflow.refresh);
  2. check, with the project's glossary and settings;
  3. export the publication and review documents to build/.

Every article's confident pairs then go into the translation memory
(`.editflow/tm.sqlite`), through which the next checks look across articles.
What each built article came to is kept in `.editflow/build.json`, keyed by
the hashes of everything it depends on, so that a re-run with nothing changed
does no work and `editflow status` answers without doing any; a damaged
record is only a cache, rebuilt with a warning.
Articles are built in parallel worker processes, one per core.

One article's trouble stays its own: a refused input makes it "refused", a bug
(any other exception) makes it "failed" with its traceback written to the temp
folder, and the others are still built.  `exit_code` turns the statuses into
the command's exit code: the worst article's.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from editflow import __version__
from editflow.config import Settings
from editflow.errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EditflowError,
    InputError,
    report_internal_error,
)
from editflow.fileio import atomic_write, fingerprint
from editflow.glossary import Glossary, glossary_files, load_glossary
from editflow.outputs import ReviewState as DocumentReviewState
from editflow.outputs import review_state
from editflow.project import Article, Skipped, find_articles, skipped_files

if TYPE_CHECKING:
    from editflow.align.lexicon import Lexicon
    from editflow.align.sentences import SentenceAligner

STATE_NAME = "build.json"

# refused: an input the article cannot be built from (the message says what to do);
# failed: a bug in editflow hit the article (the message says where its traceback is).
ArticleState = Literal["built", "up to date", "incomplete", "refused", "failed", "stale", "not built"]
# The review document's state (editflow.outputs decides it); "" for an incomplete article.
ReviewState = Literal["", DocumentReviewState]
Warn = Callable[[str], None]


@dataclass
class ArticleStatus:
    slug: str
    state: ArticleState = "not built"
    pairs: int = 0
    doubtful: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    review: ReviewState = ""
    message: str = ""
    key: str = ""                # hash of every input of this article's build
    outputs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.findings.get("error", 0)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def settings_key(settings: Settings, glossaries: list[Path]) -> str:
    """Hash of what every article's checks and exports depend on besides the article itself."""
    h = hashlib.sha256(__version__.encode())
    if settings.path is not None:
        h.update(_sha(settings.path).encode())
    for g in glossary_files(glossaries):  # a missing glossary is an input error here already
        h.update(str(g).encode() + _sha(g).encode())
    if settings.template is not None:
        h.update(_sha(settings.template).encode())
    return h.hexdigest()


def article_key(article: Article, common: str) -> str:
    h = hashlib.sha256(common.encode())
    for p in (article.original, article.translation, article.po):
        h.update(_sha(p).encode() if p is not None else b"-")
    return h.hexdigest()[:16]


def outputs_for(root: Path, slug: str) -> dict[str, Path]:
    return {"publication": root / "build" / f"{slug}.docx", "review": root / "build" / f"{slug}.review.docx"}


# The glossary of this run, read and indexed once per process (the parent with -j1, each worker
# otherwise) and keyed by the run's settings key, which hashes every glossary file: with a
# 15,000-term glossary, reading it for every article cost more than the article itself.
_GLOSSARY: dict[str, Glossary | None] = {}


def run_glossary(glossaries: list[Path], common_key: str) -> Glossary | None:
    if common_key not in _GLOSSARY:
        _GLOSSARY.clear()
        _GLOSSARY[common_key] = load_glossary(glossaries) if glossaries else None
    return _GLOSSARY[common_key]


# The lexicon of this run, loaded once per process like the glossary, keyed by what was asked
# for and by the project lexicon's file state (build retrains it after the memory changed).
_LEXICON: dict[tuple[str, ...], Lexicon | None] = {}


@dataclass(frozen=True)
class LexiconChoice:
    """Which lexicon the build's alignments use: a file, the project's (None), or none at all."""
    path: Path | None = None
    enabled: bool = True


def run_lexicon(root: Path, choice: LexiconChoice) -> Lexicon | None:
    from editflow.lexicons import choose_lexicon, lexicon_path

    own = lexicon_path(root)
    key = (str(choice.path), str(choice.enabled), str(own.stat().st_mtime_ns) if own.is_file() else "-")
    if key not in _LEXICON:
        _LEXICON.clear()
        _LEXICON[key] = choose_lexicon(root, choice.path, choice.enabled)
    return _LEXICON[key]


def build_article(root: Path, article: Article, settings: Settings, glossaries: list[Path],
                  common_key: str, force: bool = False, lexicon: LexiconChoice = LexiconChoice()) -> ArticleStatus:
    """Align (if needed), check and export one article.  Runs in a worker process.

    Never raises for the article's own trouble: a refused input or a bug is its state.
    The glossary is read once per process, and the same object serves the alignment, the
    checks and the publication's keywords.
    """
    from editflow.align import DOUBT_THRESHOLD
    from editflow.checks import check_po
    from editflow.checks.suppress import carry_dismissed
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review
    from editflow.po import load_po, stale_inputs
    from editflow.readers.paragraphs import HEADER as PARAGRAPHS_HEADER
    from editflow.readers.paragraphs import parse_header
    from editflow.workfile import align_files, write_alignment

    st = ArticleStatus(article.slug)
    if not article.complete:
        st.state = "incomplete"
        st.message = article.missing
        return st
    assert article.original is not None and article.translation is not None
    try:
        glossary = run_glossary(glossaries, common_key)
        po_path = article.po
        expect = fingerprint(po_path)  # a PO saved by a translator while this runs is not overwritten
        po = load_po(po_path) if po_path.is_file() else None
        needs_align = po is None
        if po is not None and stale_inputs(po, po_path):
            needs_align = True
        if needs_align:
            # A PO made before keeps how its inputs were paragraphed (readers.paragraphs).
            recorded = parse_header(po.metadata.get(PARAGRAPHS_HEADER)) if po is not None else None
            al = align_files(article.original, article.translation, glossary,
                             settings.threshold if settings.threshold is not None else DOUBT_THRESHOLD,
                             boilerplate=settings.boilerplate, lexicon=run_lexicon(root, lexicon), keep=po,
                             paragraphs=recorded or "auto")
            # What people wrote in the PO is carried to the new entries (editflow.refresh).
            refresh = write_alignment(al, po_path, force=force, check_article=False, expect=expect)
            if refresh is not None:
                carry_dismissed(po_path, refresh.previous, refresh.po, refresh.report, glossary, settings)
                st.message = refresh.report.summary() if refresh.report.kept_anything else ""
            st.message = "; ".join(m for m in (*al.notices, st.message) if m)
            po = load_po(po_path)
        result = check_po(po_path, settings=settings, po=po, glossary=glossary)
        outs = outputs_for(root, article.slug)
        write_publication(po_path, outs["publication"], template=settings.template, subtitle=settings.subtitle,
                          force=force, glossary=glossary)
        try:
            write_review(po_path, outs["review"], glossaries=glossaries or None, force=force,
                         findings=result.findings)
        except EditflowError as e:
            # A review document someone has worked in is never replaced: their
            # edits reach the PO only through import-review.
            st.message = f"review not refreshed: {e.format_message()}"
        st.pairs = len(result.entries)
        st.doubtful = sum(1 for e in result.entries if e.fuzzy)
        for f in result.findings:
            st.findings[f.severity] = st.findings.get(f.severity, 0) + 1
        st.outputs = [str(p) for p in outs.values()]
        st.state = "built"
        st.key = article_key(article, common_key)
    except EditflowError as e:
        st.state = "refused"
        st.message = e.format_message()
    except Exception as e:  # a bug: this article fails, the build goes on (Ctrl-C still stops it)
        st.state = "failed"
        st.message = report_internal_error(e, article.slug)
    # Built, refused or failed: the review is in the state its document and the PO say, as `status` reads it.
    st.review = review_state(outputs_for(root, article.slug)["review"], article.po)
    return st


def state_path(root: Path) -> Path:
    return root / ".editflow" / STATE_NAME


_FIELD_TYPES: dict[str, type] = {"slug": str, "pairs": int, "doubtful": int, "message": str, "key": str}


def _status_from_row(slug: str, row: Any) -> ArticleStatus:
    """One recorded article, every field checked: raises ValueError naming what is wrong."""
    if not isinstance(row, dict):
        raise ValueError(f"article '{slug}' is not an object")
    unknown = set(row) - {f.name for f in fields(ArticleStatus)}
    if unknown:
        raise ValueError(f"article '{slug}' has unknown fields {sorted(unknown)}")
    for name, kind in _FIELD_TYPES.items():
        if name in row and (not isinstance(row[name], kind) or isinstance(row[name], bool)):
            raise ValueError(f"article '{slug}': {name} is not a {kind.__name__}")
    if row.get("slug", slug) != slug:
        raise ValueError(f"article '{slug}' is recorded as '{row['slug']}'")
    if row.get("state", "not built") not in get_args(ArticleState):
        raise ValueError(f"article '{slug}': unknown state {row['state']!r}")
    if row.get("review", "") not in get_args(ReviewState):
        raise ValueError(f"article '{slug}': unknown review state {row['review']!r}")
    findings = row.get("findings", {})
    if not isinstance(findings, dict) or not all(isinstance(k, str) and type(v) is int for k, v in findings.items()):
        raise ValueError(f"article '{slug}': findings are not counts by severity")
    outputs = row.get("outputs", [])
    if not isinstance(outputs, list) or not all(isinstance(p, str) for p in outputs):
        raise ValueError(f"article '{slug}': outputs are not a list of paths")
    return ArticleStatus(**{"slug": slug, **row})


def load_state(root: Path, warn: Warn | None = None) -> dict[str, ArticleStatus]:
    """The recorded articles; a damaged record counts as none (it is a cache), with a warning."""
    path = state_path(root)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("articles", {}), dict):
            raise ValueError("not an object with an 'articles' object")
        return {slug: _status_from_row(slug, row) for slug, row in data.get("articles", {}).items()}
    except (OSError, ValueError) as e:  # UnicodeDecodeError and json's errors are ValueErrors
        if warn is not None:
            reason = " ".join(str(e).split())
            warn(f"{path}: damaged ({reason}); ignored, and the record is rebuilt from the articles")
        return {}


def save_state(root: Path, statuses: list[ArticleStatus]) -> None:
    data = {"editflow": __version__, "articles": {s.slug: asdict(s) for s in statuses if s.key}}
    atomic_write(state_path(root), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def status(root: Path, settings: Settings, glossaries: list[Path], *,
           warn: Warn | None = None) -> list[ArticleStatus]:
    """What `build` would report, from the recorded state: nothing is aligned, checked or exported."""
    saved = load_state(root, warn)
    common = settings_key(settings, glossaries)
    out = []
    for a in find_articles(root):
        if not a.complete:
            out.append(ArticleStatus(a.slug, "incomplete", message=a.missing))
            continue
        prev = saved.get(a.slug)
        # The review document is the reviewer's as much as ours: its state is read afresh, not from the record.
        review = review_state(outputs_for(root, a.slug)["review"], a.po)
        if prev is not None and prev.key == article_key(a, common) and all(Path(p).is_file() for p in prev.outputs):
            prev.state = "up to date"
            prev.review = review
            out.append(prev)
        elif prev is not None:
            prev.state = "stale"
            prev.review = review
            out.append(prev)
        else:
            out.append(ArticleStatus(a.slug, "not built", review=review))
    return out


def _no_pairs(root: Path, articles: list[Article], skipped: Sequence[Skipped] = ()) -> InputError:
    halves = [a.slug for a in articles]
    problem = "no article pairs found (originals/<slug>.uk.* with translations/<slug>.en.*)"
    if halves:
        shown = ", ".join(f"{a.slug} ({a.missing})" for a in articles[:5]) + (", ..." if len(halves) > 5 else "")
        problem += f"; {len(halves)} without the other half: {shown}"
    if skipped:
        shown = "; ".join(str(s) for s in skipped[:5]) + ("; ..." if len(skipped) > 5 else "")
        problem += f"; {len(skipped)} file(s) skipped: {shown}"
    return InputError(root, problem, "add the missing files, or give the project folder")


def exit_code(statuses: Iterable[ArticleStatus]) -> int:
    """The exit code of a build: its worst article's (a bug, then a refused input, then findings)."""
    def one(s: ArticleStatus) -> int:
        if s.state == "failed":
            return EXIT_INTERNAL
        if s.state == "refused":
            return EXIT_INPUT
        return EXIT_FINDINGS if s.errors else EXIT_OK

    # The codes are numbered in order of gravity.
    return max((one(s) for s in statuses), default=EXIT_OK)


def build(root: Path, settings: Settings, glossaries: list[Path], *, jobs: int | None = None, force: bool = False,
          progress: Callable[[ArticleStatus], None] | None = None,
          warn: Warn | None = None, lexicon: LexiconChoice = LexiconChoice()) -> list[ArticleStatus]:
    """Build every article that needs it; returns one status per article, in slug order.

    Articles are aligned with `lexicon` (default: the project's, else the
    starter); afterwards the translation memory takes every article's pairs
    and the project's lexicon is retrained if the memory changed, for the
    next alignments.  A changed lexicon alone re-aligns nothing.

    Raises InputError when the project has no complete article (nothing could
    be built); an article's own trouble is its status instead (see `exit_code`).
    The project's lock is held throughout: a second build (or an import-review,
    a tm rebuild) waits for this one, or stops with a message.
    """
    from editflow.locks import locked

    with locked(Path(root), "build"):
        return _build(Path(root), settings, glossaries, jobs=jobs, force=force, progress=progress, warn=warn,
                      lexicon=lexicon)


def _build(root: Path, settings: Settings, glossaries: list[Path], *, jobs: int | None, force: bool,
           progress: Callable[[ArticleStatus], None] | None, warn: Warn | None,
           lexicon: LexiconChoice) -> list[ArticleStatus]:
    from editflow.checks import selection

    selection(settings=settings)  # a misspelt code in [checks] stops the build once, before any article is touched
    root = Path(root)
    articles = find_articles(root)
    skipped = skipped_files(root)
    if not any(a.complete for a in articles):
        raise _no_pairs(root, articles, skipped)
    for s in skipped:  # the desk sees what was left out and the name editflow expected
        if warn is not None:
            warn(str(s))
    saved = load_state(root, warn)
    common = settings_key(settings, glossaries)
    results: dict[str, ArticleStatus] = {}
    todo: list[Article] = []
    for a in articles:
        prev = saved.get(a.slug)
        if (a.complete and not force and prev is not None and prev.key == article_key(a, common)
                and all(Path(p).is_file() for p in prev.outputs)):
            prev.state = "up to date"
            prev.review = review_state(outputs_for(root, a.slug)["review"], a.po)
            results[a.slug] = prev
            if progress:
                progress(prev)
        elif not a.complete:
            results[a.slug] = build_article(root, a, settings, glossaries, common)
            if progress:
                progress(results[a.slug])
        else:
            todo.append(a)
    jobs = max(1, jobs or os.cpu_count() or 1)
    try:
        if jobs == 1 or len(todo) <= 1:
            for a in todo:
                results[a.slug] = build_article(root, a, settings, glossaries, common, force, lexicon)
                if progress:
                    progress(results[a.slug])
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                futures: dict[Future[ArticleStatus], Article] = {
                    pool.submit(build_article, root, a, settings, glossaries, common, force, lexicon): a
                    for a in todo}
                try:
                    for fut in as_completed(futures):
                        try:
                            st = fut.result()
                        except Exception as e:
                            # Outside the article's own code: a worker that died (out of
                            # memory, killed) or a result that could not be sent back.
                            a = futures[fut]
                            st = ArticleStatus(a.slug, "failed", message=report_internal_error(e, a.slug))
                        results[st.slug] = st
                        if progress:
                            progress(st)
                except BaseException:
                    # Ctrl-C: stop handing out work; each output is written atomically,
                    # so what is done is whole and the rest is untouched.
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
        _update_memory(root, articles, lambda: _memory_aligner(root, lexicon, glossaries, common))
    finally:
        # Whatever finished is recorded, so an interrupted build resumes where it stopped.
        done = [results[s] for s in sorted(results)]
        keep = {s: v for s, v in saved.items() if s not in results and (root / "translations" / f"{s}.po").exists()}
        save_state(root, done + list(keep.values()))
    return [results[a.slug] for a in articles if a.slug in results]


def _memory_aligner(root: Path, lexicon: LexiconChoice, glossaries: list[Path], common: str) -> SentenceAligner:
    """The sentence aligner for the memory: this run's lexicon and glossary."""
    from editflow.align.sentences import SentenceAligner

    return SentenceAligner(run_lexicon(root, lexicon), run_glossary(glossaries, common))


def _update_memory(root: Path, articles: list[Article], make_aligner: Callable[[], SentenceAligner]) -> None:
    """Every article's pairs into the translation memory (split into sentence pairs by
    `make_aligner()`: the run's lexicon and glossary, loaded only when a PO changed), for the next
    checks to look across articles, and the project's lexicon retrained from it when it changed,
    for the next alignments."""
    from editflow.lexicons import refresh_lexicon
    from editflow.tm import TranslationMemory, tm_path

    aligner: SentenceAligner | None = None
    with TranslationMemory.open(tm_path(root)) as mem:
        for a in articles:
            if a.po.is_file():
                try:
                    if mem.is_current(a.po, a.slug):
                        continue
                    aligner = aligner or make_aligner()
                    mem.update_from_po(a.po, a.slug, aligner)
                except EditflowError:
                    continue  # a PO the build refused or could not read stays out of the memory
        mem.forget_missing(a.slug for a in articles if a.po.is_file())
        refresh_lexicon(root, mem)


def format_table(statuses: list[ArticleStatus]) -> str:
    head = ("article", "pairs", "doubtful", "errors", "warnings", "info", "review", "state")
    rows = [head] + [(s.slug, str(s.pairs or ""), str(s.doubtful or ""), str(s.findings.get("error", 0) or ""),
                      str(s.findings.get("warning", 0) or ""), str(s.findings.get("info", 0) or ""), s.review,
                      s.state + (f": {s.message}" if s.message else "")) for s in statuses]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head) - 1)]
    lines = []
    for r in rows:
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, 6)] + [r[6].ljust(widths[6]), r[7]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
