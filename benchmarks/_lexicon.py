"""Lexicons for the benchmarks: cross-validated from the corpus, the shipped starter, or a file.

    spec "cv" / "cv:K"   K-fold by corpus document (default 10): a case is aligned with a
                         lexicon trained on the paragraph pairs of every corpus document
                         outside its source document's fold, never on its own document
    spec "starter"       the starter lexicon shipped in the package (NTREX-128 only)
    spec PATH            a lexicon file (`editflow tm lexicon --export`)

Trained lexicons are cached in benchmarks/.cache/lexicon/ (they hold corpus words,
so they stay out of the repository), keyed by fold, the corpus and editflow's
lexicon code, so a changed trainer retrains.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

LexiconFor = Callable[[str], object]   # corpus document name -> Lexicon (or None)


def corpus_pairs(corpus: Path, names) -> List[Tuple[str, str]]:
    pairs = []
    for name in names:
        uk = _common.read_paragraphs(corpus / (name + ".uk.txt"))
        en = _common.read_paragraphs(corpus / (name + ".en.txt"))
        pairs += list(zip(uk, en))
    return pairs


def fold_of(name: str, k: int) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % k


def _code_key() -> str:
    from editflow.align import lexicon

    return hashlib.sha256(Path(lexicon.__file__).read_bytes()).hexdigest()[:12]


def cv_lexicons(corpus: Path, k: int, quiet: bool = False) -> LexiconFor:
    from editflow.align.lexicon import load_lexicon, train_lexicon

    corpus = Path(corpus)
    names = _common.corpus_names(corpus)
    cache = _common.CACHE / "lexicon"
    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(("\n".join(names) + _code_key()).encode()).hexdigest()[:12]
    lexicons: Dict[int, object] = {}
    for f in range(k):
        path = cache / ("cv%d-%d-%s.json.gz" % (k, f, key))
        if path.is_file():
            lexicons[f] = load_lexicon(path)
            continue
        t0 = time.perf_counter()
        lex = train_lexicon(corpus_pairs(corpus, [n for n in names if fold_of(n, k) != f]),
                            meta={"source": "benchmark cv fold %d of %d" % (f, k)})
        lex.save(path)
        lexicons[f] = lex
        if not quiet:
            print("trained cv lexicon %d/%d (%d pairs) in %.1f s" % (f + 1, k, len(lex), time.perf_counter() - t0),
                  file=sys.stderr, flush=True)
    return lambda doc: lexicons[fold_of(doc, k)]


def resolve(spec: str, corpus: Path, quiet: bool = False) -> Tuple[LexiconFor, str]:
    """(document name -> lexicon, label) for a lexicon spec."""
    if spec in ("none", ""):
        return (lambda doc: None), "no lexicon"
    if spec == "cv" or spec.startswith("cv:"):
        k = int(spec.split(":", 1)[1]) if ":" in spec else 10
        return cv_lexicons(corpus, k, quiet), "lexicon cross-validated by document, %d folds" % k
    if spec == "starter":
        from editflow.align.lexicon import starter_lexicon

        lex = starter_lexicon()
        return (lambda doc: lex), "starter lexicon (%d pairs)" % len(lex)
    from editflow.align.lexicon import load_lexicon

    lex = load_lexicon(Path(spec))
    return (lambda doc: lex), "lexicon %s (%d pairs)" % (spec, len(lex))


def bind(fn: Callable, lexicon_for: Optional[LexiconFor]) -> Callable:
    """An aligner taking (src, tgt, doc) that passes the document's lexicon to `fn`."""
    if lexicon_for is None:
        return lambda src, tgt, doc=None: fn(src, tgt)
    return lambda src, tgt, doc=None: fn(src, tgt, lexicon=lexicon_for(doc))
