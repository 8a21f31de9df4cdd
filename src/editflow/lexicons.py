"""Which word-translation lexicon an alignment uses, and the project's own, learned from its memory.

    from editflow.lexicons import choose_lexicon, refresh_lexicon
    refreshed = refresh_lexicon(root)           # after the memory changed (build, tm rebuild)
    lex = choose_lexicon(root)                  # what `align` inside the project uses

The order: `--no-lexicon` (none: lengths, anchors and roles only), `--lexicon
PATH` (that file), the project's lexicon (`.editflow/lexicon.json.gz`,
trained from the translation memory, the starter lexicon underneath for the
words the memory has not seen yet), else the starter lexicon shipped with
editflow.  The glossary's term pairs are added by the aligner itself, always.

Training is skipped when the memory has not changed since the cached lexicon
was made: the cache records a fingerprint of the memory (every article's PO
hash).  A changed lexicon never re-aligns anything by itself: the PO header
records the hash of the lexicon an article was aligned with, for people to
see, and `build` re-aligns only when an input changed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editflow.align.lexicon import Lexicon, load_lexicon, merge_lexicons, starter_lexicon, train_lexicon
from editflow.errors import EditflowError
from editflow.inline import plain
from editflow.tm import TM_DIR, TranslationMemory, tm_path

if TYPE_CHECKING:
    from editflow.align.sentences import SentenceAligner

LEXICON_NAME = "lexicon.json.gz"


def lexicon_path(root: Path) -> Path:
    return Path(root) / TM_DIR / LEXICON_NAME


def memory_fingerprint(mem: TranslationMemory) -> str:
    """A hash of what the memory holds: every article and the hash of the PO its pairs came from."""
    h = hashlib.sha256()
    for slug, digest in mem.conn.execute("SELECT slug, po_sha256 FROM articles ORDER BY slug"):
        h.update(f"{slug}\t{digest}\n".encode())
    return h.hexdigest()


def train_from_memory(mem: TranslationMemory, fingerprint: str = "") -> Lexicon:
    """The memory's lexicon, the starter underneath."""
    articles, units = mem.count()
    # Words are learnt from the words: the pairs without their inline tags (editflow.inline).
    own = train_lexicon(((plain(u.source), plain(u.target)) for u in mem.units()),
                        meta={"source": f"translation memory: {articles} articles, {units} pairs"})
    starter = starter_lexicon()
    meta = dict(own.meta) | {
        "memory": fingerprint or memory_fingerprint(mem),
        "starter": starter.digest,
        # The starter's pairs are in the file: it carries the starter's licence.
        "licence": "contains the starter lexicon: CC-BY-SA-4.0",
        "attribution": starter.meta.get("attribution", ""),
    }
    if not own.meta.get("units"):
        meta["coverage"] = starter.meta.get("coverage", 0.6)
    return merge_lexicons(own, starter, meta)


@dataclass
class Refreshed:
    path: Path
    trained: bool          # False: the memory had not changed, the cached lexicon stands
    pairs: int
    seconds: float


def refresh_lexicon(root: Path, mem: TranslationMemory | None = None) -> Refreshed:
    """Retrain the project's lexicon when the translation memory changed since it was made."""
    path = lexicon_path(root)
    own = mem is None
    memory = mem if mem is not None else TranslationMemory.open(tm_path(root))
    try:
        fingerprint = memory_fingerprint(memory)
        if path.is_file():
            try:
                cached = load_lexicon(path)
                if cached.meta.get("memory") == fingerprint:
                    return Refreshed(path, False, len(cached), 0.0)
            except EditflowError:
                pass  # a damaged cache is rebuilt, never trusted
        t0 = time.perf_counter()
        lex = train_from_memory(memory, fingerprint)
        lex.save(path)
        return Refreshed(path, True, len(lex), time.perf_counter() - t0)
    finally:
        if own:
            memory.close()


def choose_lexicon(root: Path | None, path: Path | None = None, enabled: bool = True) -> Lexicon | None:
    """The lexicon to align with: none, the file given, the project's, else the starter."""
    if not enabled:
        return None
    if path is not None:
        return load_lexicon(path)
    if root is not None:
        own = lexicon_path(root)
        if own.is_file():
            return load_lexicon(own)
    return starter_lexicon()


def project_aligner(root: Path, glossaries: Sequence[Path] = ()) -> SentenceAligner:
    """The sentence aligner for a project's memory: the project's lexicon (else the starter), and the
    terms of the glossaries given (the project's `Settings.glossary_sources()`)."""
    from editflow.align.sentences import SentenceAligner
    from editflow.glossary import load_glossary

    return SentenceAligner(choose_lexicon(root), load_glossary(list(glossaries)) if glossaries else None)
