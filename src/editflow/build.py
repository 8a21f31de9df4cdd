"""`editflow build` and `editflow status`: the whole desk from raw files to reviewed documents.

For every complete article (original and translation present):
  1. align, when the PO is missing or an input changed since it was aligned
     (what people wrote in the PO is carried to the new entries: editflow.refresh);
  2. check, with the project's glossary and settings;
  3. export the publication and review documents to build/.

Every article's confident pairs then go into the translation memory
(`.editflow/tm.sqlite`), through which the next checks look across articles.
What each article came to is kept in `.editflow/build.json`, keyed by the
hashes of everything it depends on, so that a re-run with nothing changed
does no work and `editflow status` answers without doing any.
Articles are built in parallel worker processes, one per core.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from editflow import __version__
from editflow.config import Settings
from editflow.errors import EditflowError
from editflow.fileio import atomic_write
from editflow.glossary import glossary_files
from editflow.project import Article, find_articles

STATE_NAME = "build.json"


@dataclass
class ArticleStatus:
    slug: str
    state: str = ""              # built, up to date, incomplete, refused, failed, stale, not built
    pairs: int = 0
    doubtful: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    review: str = ""             # not exported, exported, imported
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


def _review_state(po_path: Path, review_path: Path) -> str:
    if po_path.is_file() and "reviewed:" in po_path.read_text(encoding="utf-8", errors="replace"):
        return "imported"
    return "exported" if review_path.is_file() else "not exported"


def build_article(root: Path, article: Article, settings: Settings, glossaries: list[Path],
                  common_key: str, force: bool = False) -> ArticleStatus:
    """Align (if needed), check and export one article.  Runs in a worker process."""
    from editflow.align import DOUBT_THRESHOLD
    from editflow.checks import check_po
    from editflow.checks.suppress import carry_dismissed
    from editflow.export.publication import write_publication
    from editflow.export.review import write_review
    from editflow.po import load_po, stale_inputs
    from editflow.workfile import align_files, write_alignment

    st = ArticleStatus(article.slug)
    if not article.complete:
        st.state = "incomplete"
        st.message = "no translation" if article.translation is None else "no original"
        return st
    assert article.original is not None and article.translation is not None
    try:
        po_path = article.po
        po = load_po(po_path) if po_path.is_file() else None
        needs_align = po is None
        if po is not None and stale_inputs(po, po_path):
            needs_align = True
        if needs_align:
            al = align_files(article.original, article.translation, glossaries or None,
                             settings.threshold if settings.threshold is not None else DOUBT_THRESHOLD,
                             boilerplate=settings.boilerplate)
            # What people wrote in the PO is carried to the new entries (editflow.refresh).
            refresh = write_alignment(al, po_path, force=force, check_article=False)
            if refresh is not None:
                carry_dismissed(po_path, refresh.previous, refresh.po, refresh.report, glossaries or None, settings)
                st.message = refresh.report.summary() if refresh.report.kept_anything else ""
            po = load_po(po_path)
        result = check_po(po_path, glossaries or None, settings=settings, po=po)
        outs = outputs_for(root, article.slug)
        write_publication(po_path, outs["publication"], template=settings.template, subtitle=settings.subtitle,
                          force=force)
        try:
            write_review(po_path, outs["review"], glossaries=glossaries or None, force=force,
                         findings=result.findings)
        except EditflowError as e:
            # A review document someone has worked in is never replaced: their
            # edits reach the PO only through import-review.
            st.message = f"review not refreshed: {e.format_message()}"
            st.review = "in review"
        st.pairs = len(result.entries)
        st.doubtful = sum(1 for e in result.entries if e.fuzzy)
        for f in result.findings:
            st.findings[f.severity] = st.findings.get(f.severity, 0) + 1
        st.review = st.review or _review_state(po_path, outs["review"])
        st.outputs = [str(p) for p in outs.values()]
        st.state = "built"
        st.key = article_key(article, common_key)
    except EditflowError as e:
        st.state = "failed"
        st.message = e.format_message()
    return st


def state_path(root: Path) -> Path:
    return root / ".editflow" / STATE_NAME


def load_state(root: Path) -> dict[str, ArticleStatus]:
    path = state_path(root)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {slug: ArticleStatus(**row) for slug, row in data.get("articles", {}).items()}
    except (ValueError, TypeError):
        return {}  # a cache: a damaged one is rebuilt, never trusted


def save_state(root: Path, statuses: list[ArticleStatus]) -> None:
    data = {"editflow": __version__, "articles": {s.slug: asdict(s) for s in statuses if s.key}}
    atomic_write(state_path(root), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def status(root: Path, settings: Settings, glossaries: list[Path]) -> list[ArticleStatus]:
    """What `build` would report, from the recorded state: nothing is aligned, checked or exported."""
    saved = load_state(root)
    common = settings_key(settings, glossaries)
    out = []
    for a in find_articles(root):
        if not a.complete:
            out.append(ArticleStatus(a.slug, "incomplete", message="no translation" if a.translation is None
                                     else "no original"))
            continue
        prev = saved.get(a.slug)
        if prev is not None and prev.key == article_key(a, common) and all(Path(p).is_file() for p in prev.outputs):
            prev.state = "up to date"
            prev.review = _review_state(a.po, outputs_for(root, a.slug)["review"])
            out.append(prev)
        elif prev is not None:
            prev.state = "stale"
            out.append(prev)
        else:
            out.append(ArticleStatus(a.slug, "not built", review=_review_state(a.po, outputs_for(root, a.slug)["review"])))
    return out


def build(root: Path, settings: Settings, glossaries: list[Path], *, jobs: int | None = None, force: bool = False,
          progress: Callable[[ArticleStatus], None] | None = None) -> list[ArticleStatus]:
    """Build every article that needs it; returns one status per article, in slug order."""
    root = Path(root)
    articles = find_articles(root)
    saved = load_state(root)
    common = settings_key(settings, glossaries)
    results: dict[str, ArticleStatus] = {}
    todo: list[Article] = []
    for a in articles:
        prev = saved.get(a.slug)
        if (a.complete and not force and prev is not None and prev.key == article_key(a, common)
                and all(Path(p).is_file() for p in prev.outputs)):
            prev.state = "up to date"
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
                results[a.slug] = build_article(root, a, settings, glossaries, common, force)
                if progress:
                    progress(results[a.slug])
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                futures: dict[Future[ArticleStatus], Article] = {
                    pool.submit(build_article, root, a, settings, glossaries, common, force): a for a in todo}
                try:
                    from concurrent.futures import as_completed

                    for fut in as_completed(futures):
                        st = fut.result()
                        results[st.slug] = st
                        if progress:
                            progress(st)
                except BaseException:
                    # Ctrl-C: stop handing out work; each output is written atomically,
                    # so what is done is whole and the rest is untouched.
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
        _update_memory(root, articles)
    finally:
        # Whatever finished is recorded, so an interrupted build resumes where it stopped.
        done = [results[s] for s in sorted(results)]
        keep = {s: v for s, v in saved.items() if s not in results and (root / "translations" / f"{s}.po").exists()}
        save_state(root, done + list(keep.values()))
    return [results[a.slug] for a in articles if a.slug in results]


def _update_memory(root: Path, articles: list[Article]) -> None:
    """Every article's pairs into the translation memory, for the next checks to look across articles."""
    from editflow.tm import TranslationMemory, tm_path

    with TranslationMemory.open(tm_path(root)) as mem:
        for a in articles:
            if a.po.is_file():
                try:
                    mem.update_from_po(a.po, a.slug)
                except EditflowError:
                    continue  # a PO the build refused or could not read stays out of the memory
        mem.forget_missing(a.slug for a in articles if a.po.is_file())


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
