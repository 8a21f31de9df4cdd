"""The bundled sample project aligns exactly as its ground truth (originals/README.md) says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editflow.align.lexicon import starter_lexicon
from editflow.workfile import align_files

ROOT = Path(__file__).resolve().parent.parent


def reference() -> dict[str, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    text = (ROOT / "originals" / "README.md").read_text(encoding="utf-8")
    block = text.split("## Reference alignments", 1)[1].split("```")[1]
    out = {}
    for line in block.strip().splitlines():
        slug, *beads = line.split()
        out[slug] = [tuple(tuple(int(x) for x in side.split("+")) if side != "-" else ()
                           for side in bead.split(":")) for bead in beads]
    return out


REFERENCE = reference()


def test_reference_covers_every_sample_article():
    slugs = {re.sub(r"\.uk\.\w+$", "", p.name) for p in (ROOT / "originals").glob("*.uk.*")}
    assert slugs == set(REFERENCE)


@pytest.mark.parametrize("with_lexicon", [False, True], ids=["no lexicon", "starter lexicon"])
@pytest.mark.parametrize("slug", sorted(REFERENCE))
def test_sample_article_aligns_as_the_reference_says(slug, with_lexicon):
    original = next((ROOT / "originals").glob(f"{slug}.uk.*"))
    translation = next((ROOT / "translations").glob(f"{slug}.en.*"))
    al = align_files(original, translation, [ROOT / "glossary"],
                     lexicon=starter_lexicon() if with_lexicon else None)
    assert [(b.src, b.tgt) for b in al.beads] == REFERENCE[slug]
