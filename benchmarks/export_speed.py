#!/usr/bin/env python3
"""Speed of the publication export, measured as a desk runs it.

A typical article: 80 paragraphs a side made of whole corpus documents (the
same synthetic article as speed.py), given the furniture real articles have
(a headline variant, a byline, a dateline, a "Read more:" teaser, a credit
line and a web-boilerplate tail), written to a temporary project and aligned
once into a PO (about 85 entries).  Then

    editflow export ARTICLE.po --publication -o out.docx

in a fresh process, wall time including interpreter start-up; one untimed
warm-up run, then the median (and max) of --reps runs (target: median
<= 0.5 s), with the median CPU time (user + system) of the child, which a
busy machine inflates much less than the wall time.  The same with --template (a house reference document with a
header and footer).  For reference: `python -c pass`, `editflow --help`, and
`import docx` in a fresh interpreter, so that the share of start-up and
imports is visible.

    python benchmarks/export_speed.py
    python benchmarks/export_speed.py --reps 15 --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402
import speed  # noqa: E402  (its corpus loading and synthetic article)

TARGET_S = 0.5


def article(corpus: Path) -> tuple[list[str], list[str]]:
    docs = speed.load_corpus(corpus)
    uk, en, _used = speed.synthetic_article(docs, speed.orig_langs(corpus), 80)
    # The furniture of a real article, around the corpus text (written here, not copied).
    uk = ["Нічна атака на енергетику: що відомо", "Київ, 4 квітня 2025 р."] + uk[:78]
    en = (["Overnight attack on the energy system: what we know",
           "Headline option 2: What we know about the overnight attack",
           "By Olena Marchenko", "KYIV, April 4, 2025"]
          + en[:40] + ["Read more: How Kyiv's power grid survived the winter"] + en[40:78]
          + ["This article was first published in Ukrainian by Kyiv Today.",
             "Share This", "Facebook", "Telegram", "Submit a Comment"])
    return uk, en


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: List[str], reps: int, env: Dict[str, str]) -> tuple[List[float], List[float]]:
    """Wall times and CPU times (user + system) of `reps` runs after one warm-up run.

    CPU time hardly moves when other work shares the machine; wall time does.
    """
    subprocess.run(cmd, check=True, capture_output=True, env=env)  # warm-up: page cache, .pyc
    wall, cpu = [], []
    for _ in range(reps):
        c = _child_cpu()
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        wall.append(time.perf_counter() - t)
        cpu.append(_child_cpu() - c)
    return wall, cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.DEFAULT_CORPUS)
    ap.add_argument("--reps", type=int, default=9, help="timed runs per measurement (default 9)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    args = ap.parse_args(argv)
    corpus = _common.check_corpus(args.corpus)

    import docx

    from editflow.workfile import align_files, write_alignment

    editflow = speed.cli_command()
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    results: Dict[str, object] = {"reps": args.reps, "target_s": TARGET_S, "load_avg": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="editflow-export-bench-") as tmp:
        root = Path(tmp)
        (root / "originals").mkdir()
        (root / "translations").mkdir()
        uk, en = article(corpus)
        _common.write_paragraphs(root / "originals" / "article.uk.txt", uk)
        _common.write_paragraphs(root / "translations" / "article.en.txt", en)
        po = root / "translations" / "article.po"
        write_alignment(align_files(root / "originals" / "article.uk.txt",
                                    root / "translations" / "article.en.txt"), po)
        import polib

        results["po_entries"] = len(polib.pofile(str(po)))
        results["en_paragraphs"] = len(en)
        template = root / "house.docx"
        d = docx.Document()
        d.sections[0].header.paragraphs[0].text = "Kyiv Today: house header"
        d.sections[0].footer.paragraphs[0].text = "Kyiv Today: house footer"
        d.save(str(template))

        out = root / "build" / "article.docx"
        export = editflow + ["export", str(po), "--publication", "-o", str(out), "--force"]
        runs = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import docx'": [sys.executable, "-c", "import docx"],
            "editflow --help": editflow + ["--help"],
            "editflow export --publication": export,
            "editflow export --publication --template": export + ["--template", str(template)],
        }
        rows = []
        for name, cmd in runs.items():
            print(f"{name}: {args.reps} runs ...", file=sys.stderr, flush=True)
            t, cpu = timed(cmd, args.reps, env)
            med = statistics.median(t)
            target = name.startswith("editflow export")
            rows.append((name, med, max(t), statistics.median(cpu), target))
            results[name] = {"median_s": round(med, 4), "max_s": round(max(t), 4),
                             "cpu_median_s": round(statistics.median(cpu), 4),
                             **({"pass": med <= TARGET_S} if target else {})}
        results["output_bytes"] = out.stat().st_size

    ok = all(r[1] <= TARGET_S for r in rows if r[4])
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"publication export: {results['en_paragraphs']} English paragraphs, "
              f"{results['po_entries']} PO entries; median and max of {args.reps} runs "
              f"(load average {results['load_avg']:.2f} on {os.cpu_count()} CPUs)")
        print(f"  {'':44} {'wall':>8}  {'max':>7}  {'CPU':>7}")
        for name, med, mx, cpu, target in rows:
            verdict = (f"  <= {TARGET_S} s  {'PASS' if med <= TARGET_S else 'FAIL'}") if target else ""
            print(f"  {name:44} {med:6.3f} s  {mx:5.3f} s  {cpu:5.3f} s{verdict}")
        if results["load_avg"] > (os.cpu_count() or 1) * 0.75:
            print("  note: the machine was busy; wall times are inflated (CPU times much less so)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
