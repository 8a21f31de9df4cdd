"""Helpers shared by the benchmark scripts (not part of the editflow package).

- where things are: the project root, the shared corpus and bench folders,
  the git-ignored cache under benchmarks/.cache/;
- reading paragraphs exactly the way ../shared/bench/score.py counts them;
- loading ../shared/bench/score.py and baselines.py as modules;
- the aligner hook (--aligner): the real ``editflow.align.align_paragraphs``
  by default, a stand-in defined here, or any ``module:function``.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
import re
import sys
from pathlib import Path
from typing import Callable, List, Sequence, Tuple

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE = BENCH_DIR / ".cache"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SHARED_BENCH = ROOT.parent / "shared" / "bench"
DEFAULT_HARD = CACHE / "hard"
DEFAULT_WASM = CACHE / "npm" / "node_modules" / "@bitextual" / "hunalign"

Bead = Tuple[Tuple[int, ...], Tuple[int, ...]]

# --------------------------------------------------------------------------
# paragraphs
# --------------------------------------------------------------------------

# the separator score.py uses in _count_paragraphs()
_BLANK = re.compile(r"\n[ \t\u00a0]*\n")


def split_paragraphs(text: str) -> List[str]:
    """Blocks separated by blank lines, as score.py counts them (empty blocks dropped)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    return [block.strip() for block in _BLANK.split(text) if block.strip()]


def read_paragraphs(path) -> List[str]:
    return split_paragraphs(Path(path).read_text(encoding="utf-8-sig"))


def write_paragraphs(path, paragraphs: Sequence[str]) -> None:
    Path(path).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def corpus_names(corpus) -> List[str]:
    corpus = Path(corpus)
    return sorted(p.name[: -len(".uk.txt")] for p in corpus.glob("*.uk.txt")
                  if (corpus / (p.name[: -len(".uk.txt")] + ".en.txt")).is_file())


def check_corpus(corpus) -> Path:
    corpus = Path(corpus)
    if not corpus.is_dir() or not corpus_names(corpus):
        raise SystemExit("corpus not found at %s (NAME.uk.txt / NAME.en.txt pairs); "
                         "pass --corpus PATH" % corpus)
    return corpus


def format_beads(beads: Sequence, with_conf: bool = True) -> str:
    """TSV as editflow writes it: SRC<TAB>TGT[<TAB>CONFIDENCE]."""
    lines = []
    for b in beads:
        line = ",".join(map(str, b.src)) + "\t" + ",".join(map(str, b.tgt))
        if with_conf and getattr(b, "confidence", None) is not None:
            line += "\t%.4f" % b.confidence
        lines.append(line)
    return "\n".join(lines) + ("\n" if lines else "")


# --------------------------------------------------------------------------
# shared modules
# --------------------------------------------------------------------------

def load_module(name: str, path) -> object:
    path = Path(path)
    if not path.is_file():
        raise SystemExit("%s not found (pass --bench DIR pointing at shared/bench)" % path)
    spec = importlib.util.spec_from_file_location(name, str(path))
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses & co. look modules up by name
    spec.loader.exec_module(mod)
    return mod


def load_score(bench_dir=DEFAULT_SHARED_BENCH):
    return load_module("editflow_bench_score", Path(bench_dir) / "score.py")


def load_baselines(bench_dir=DEFAULT_SHARED_BENCH):
    return load_module("editflow_bench_baselines", Path(bench_dir) / "baselines.py")


# --------------------------------------------------------------------------
# the aligner hook
# --------------------------------------------------------------------------

ALIGNER_HELP = ("aligner under test: 'editflow' (default, editflow.align.align_paragraphs), "
                "'standin' (a length-based stand-in defined in benchmarks/_common.py, for "
                "developing the benchmarks before the real aligner exists), or MODULE:FUNCTION")


class AlignerUnavailable(RuntimeError):
    pass


def _import_editflow_align():
    try:
        mod = importlib.import_module("editflow.align")
    except ModuleNotFoundError as e:
        if e.name != "editflow":
            raise
        # not installed in this interpreter: fall back to the source tree
        sys.path.insert(0, str(ROOT / "src"))
        mod = importlib.import_module("editflow.align")
    return mod


def resolve_aligner(spec: str) -> Tuple[Callable, str]:
    """Return (align_paragraphs-like callable, label); raise AlignerUnavailable."""
    if spec in ("standin", "stand-in"):
        return standin_align_paragraphs, "stand-in (benchmarks/_common.py)"
    if spec == "editflow":
        try:
            mod = _import_editflow_align()
            fn = getattr(mod, "align_paragraphs")
        except Exception as e:  # ImportError, AttributeError, or a bug at import time
            raise AlignerUnavailable(
                "editflow.align.align_paragraphs is not importable (%s: %s); "
                "run with --aligner standin to exercise the benchmark with the stand-in"
                % (type(e).__name__, e))
        return fn, "editflow.align.align_paragraphs"
    if ":" in spec:
        modname, fname = spec.split(":", 1)
        try:
            fn = getattr(importlib.import_module(modname), fname)
        except Exception as e:
            raise AlignerUnavailable("cannot import %s (%s: %s)" % (spec, type(e).__name__, e))
        return fn, spec
    raise AlignerUnavailable("unknown --aligner %r (%s)" % (spec, ALIGNER_HELP))


# --------------------------------------------------------------------------
# the stand-in aligner
# --------------------------------------------------------------------------

class StandInBead:
    __slots__ = ("src", "tgt", "confidence")

    def __init__(self, src, tgt, confidence):
        self.src, self.tgt, self.confidence = tuple(src), tuple(tgt), float(confidence)

    def __repr__(self):
        return "StandInBead(%r, %r, %.3f)" % (self.src, self.tgt, self.confidence)


_NUM = re.compile(r"\d+(?:[.,]\d+)*")
# bead types (source count, target count) and their log prior
_SI_TYPES = ((1, 1, math.log(0.89)), (1, 2, math.log(0.05)), (2, 1, math.log(0.05)),
             (1, 0, math.log(0.005)), (0, 1, math.log(0.005)))


def _logsf(x: float) -> float:
    if x < 30.0:
        v = 0.5 * math.erfc(x / math.sqrt(2.0))
        if v > 0.0:
            return math.log(v)
    return -0.5 * x * x - math.log(x) - 0.5 * math.log(2 * math.pi)


def _logaddexp(a: float, b: float) -> float:
    if a == -math.inf:
        return b
    if b == -math.inf:
        return a
    if a > b:
        return a + math.log1p(math.exp(b - a))
    return b + math.log1p(math.exp(a - b))


def standin_align_paragraphs(src: List[str], tgt: List[str], glossary=None) -> List[StandInBead]:
    """A deliberately simple stand-in with the real aligner's interface.

    Gale-Church length model (document length ratio, variance 6.8) plus a
    numbers bonus, bead types 1-1/1-2/2-1/1-0/0-1, banded forward-backward;
    the Viterbi path's beads carry their posterior probability as confidence.
    It exists only so that the benchmark scripts can be developed and tested
    before editflow.align exists; its numbers say nothing about editflow.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [StandInBead((i,), (), 1.0) for i in range(n)] + [StandInBead((), (j,), 1.0) for j in range(m)]
    ls = [max(1, len(s)) for s in src]
    lt = [max(1, len(t)) for t in tgt]
    ratio = sum(lt) / sum(ls)
    nums_s = [frozenset(_NUM.findall(s)) for s in src]
    nums_t = [frozenset(_NUM.findall(t)) for t in tgt]
    band = max(12, abs(n - m) + 8)

    def inband(i, j):
        return abs(j - i * m / n) <= band

    def cost(i, j, di, dj):
        """log-probability of the bead src[i-di:i] <-> tgt[j-dj:j]."""
        a = sum(ls[i - di:i])
        b = sum(lt[j - dj:j])
        if di == 0 or dj == 0:
            return -0.02 * math.sqrt(a + b)
        mean = (a * ratio + b) / 2
        delta = (b - a * ratio) / math.sqrt(6.8 * mean)
        lp = math.log(2) + _logsf(abs(delta))
        ns = frozenset().union(*nums_s[i - di:i])
        nt = frozenset().union(*nums_t[j - dj:j])
        if ns and nt:
            lp += 1.5 if ns == nt else (0.5 if ns & nt else -1.5)
        elif ns or nt:
            lp -= 0.5
        return lp

    NEG = -math.inf
    fwd = {(0, 0): 0.0}
    best = {(0, 0): (0.0, None)}
    cells = [(i, j) for i in range(n + 1) for j in range(m + 1) if inband(i, j) or (i, j) in ((0, 0), (n, m))]
    edge = {}
    for i, j in cells:
        if (i, j) == (0, 0):
            continue
        f = NEG
        bv, bp = NEG, None
        for di, dj, prior in _SI_TYPES:
            pi, pj = i - di, j - dj
            if pi < 0 or pj < 0 or (pi, pj) not in fwd:
                continue
            c = prior + cost(i, j, di, dj)
            edge[(pi, pj, i, j)] = c
            f = _logaddexp(f, fwd[(pi, pj)] + c)
            v = best[(pi, pj)][0] + c
            if v > bv:
                bv, bp = v, (pi, pj)
        if f > NEG:
            fwd[(i, j)] = f
            best[(i, j)] = (bv, bp)
    if (n, m) not in fwd:  # band too narrow; should not happen
        raise RuntimeError("stand-in aligner: no path")
    bwd = {(n, m): 0.0}
    for i, j in reversed(cells):
        if (i, j) == (n, m) or (i, j) not in fwd:
            continue
        b = NEG
        for di, dj, _ in _SI_TYPES:
            k = (i, j, i + di, j + dj)
            if k in edge and (i + di, j + dj) in bwd:
                b = _logaddexp(b, edge[k] + bwd[(i + di, j + dj)])
        if b > NEG:
            bwd[(i, j)] = b
    z = fwd[(n, m)]
    path = []
    cur = (n, m)
    while cur != (0, 0):
        prev = best[cur][1]
        path.append((prev, cur))
        cur = prev
    out = []
    for (pi, pj), (i, j) in reversed(path):
        post = math.exp(min(0.0, fwd[(pi, pj)] + edge[(pi, pj, i, j)] + bwd[(i, j)] - z))
        out.append(StandInBead(range(pi, i), range(pj, j), post))
    return out
