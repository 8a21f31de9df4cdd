"""Library tests of the aligner on small hand-written article pairs."""

from __future__ import annotations

import numpy as np
import pytest

from editflow.align import align_paragraphs
from editflow.align.dp import KINDS, Band, forward_backward, make_band, posteriors, viterbi
from editflow.align.features import Extractor, month_keys_en, month_keys_uk, number_keys
from editflow.align.scoring import log_tail
from editflow.glossary import Term, Glossary

UK = [
    "У Києві відкрили новий міст через Дніпро: рух запустять 1 березня",
    "Міська рада Києва 12 лютого 2024 року затвердила відкриття нового мосту, будівництво якого тривало понад 20 років.",
    "За словами мера, загальна вартість проєкту становила 8,5 млрд гривень, а частка міського бюджету — 62%.",
    "«Це важливий день для всіх киян. Ми довго чекали на цей момент, і тепер міст нарешті служитиме людям», — сказав мер.",
    "Він також подякував будівельникам, які працювали навіть під час повітряних тривог і відключень світла.",
    "Нагадаємо, що торік росіяни обстріляли район будівництва щонайменше п'ять разів, пошкодивши два крани.",
    "Рух транспорту мостом запустять 1 березня. Громадський транспорт почне курсувати з 15 березня, а велосипедна доріжка відкриється у квітні.",
]
EN = [
    "New bridge across the Dnipro opens in Kyiv, traffic to start on March 1",
    "Kyiv City Council on February 12, 2024 approved the opening of a new bridge that had been under construction for more than 20 years.",
    "According to the mayor, the total cost of the project was UAH 8.5 billion, and the city budget's share was 62%.",
    "“This is an important day for all residents of Kyiv. We have waited a long time for this moment, and now the bridge will finally serve people,” the mayor said.",
    "He also thanked the builders who kept working even during air raid alerts and power outages.",
    "As a reminder, last year they [Russians – ed.] shelled the construction area at least five times, damaging two cranes.",
    "Traffic on the bridge will be launched on March 1. Public transport will start running on March 15, and the bike lane will open in April.",
]


def beads_of(src, tgt, **kw):
    return [(b.src, b.tgt) for b in align_paragraphs(src, tgt, **kw)]


def test_identity_pair_is_all_one_to_one_and_confident():
    beads = align_paragraphs(UK, EN)
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(len(UK))]
    assert all(b.confidence > 0.75 for b in beads)
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_split_in_translation_is_a_1_2_bead():
    s1, s2 = EN[6].split(". ", 1)
    en = EN[:6] + [s1 + ".", s2]
    assert beads_of(UK, en)[-1] == ((6,), (6, 7))


def test_merge_in_translation_is_a_2_1_bead():
    en = EN[:4] + [EN[4] + " " + EN[5], EN[6]]
    assert ((4, 5), (4,)) in beads_of(UK, en)


def test_omitted_paragraph_is_a_1_0_bead():
    en = EN[:4] + EN[5:]
    got = beads_of(UK, en)
    assert ((4,), ()) in got
    assert ((5,), (4,)) in got


def test_added_note_and_boilerplate_are_0_1_beads():
    en = EN[:3] + ["[Editor’s note: The figures were provided by the city council and could not be independently verified.]"] \
        + EN[3:] + ["Share This", "Facebook", "Twitter", "Submit a Comment"]
    got = align_paragraphs(UK, en)
    pairs = [(b.src, b.tgt) for b in got]
    assert ((), (3,)) in pairs
    assert pairs[-4:] == [((), (8,)), ((), (9,)), ((), (10,)), ((), (11,))]
    assert "looks like web boilerplate" in got[-1].reasons
    assert ((3,), (4,)) in pairs


def test_headline_variants_on_top_are_additions():
    en = [EN[0], "Headline option 2: Kyiv opens long-awaited Dnipro bridge"] + EN[1:]
    got = align_paragraphs(UK, en)
    assert [(b.src, b.tgt) for b in got][:2] == [((0,), (0,)), ((), (1,))]
    assert "headline variant" in got[1].reasons


def test_every_paragraph_appears_once_in_order():
    en = EN[:2] + EN[3:] + ["Facebook"]
    got = beads_of(UK, en)
    assert [i for s, _ in got for i in s] == list(range(len(UK)))
    assert [j for _, t in got for j in t] == list(range(len(en)))


def test_empty_side_gives_null_beads():
    assert beads_of(UK[:2], []) == [((0,), ()), ((1,), ())]
    assert beads_of([], EN[:1]) == [((), (0,))]


def test_glossary_terms_anchor_pairs():
    glossary = Glossary([Term("рашизм", ["rashism"]), Term("Запорізька АЕС", ["Zaporizhzhia NPP"])])
    sf, tf = Extractor([(t.uk, t.en) for t in glossary.terms]).extract(
        ["Світ має засудити рашизм і захопленння Запорізької АЕС."], ["The world must condemn rashism."])
    assert "g:0" in sf[0].keys and "g:1" in sf[0].keys
    assert "g:0" in tf[0].keys and "g:1" not in tf[0].keys


def test_number_and_month_keys_agree_across_locales():
    assert number_keys("1 800 осіб, 2,5 млрд") == number_keys("1,800 people, 2.5 billion")
    assert month_keys_uk(["лютого", "травня"]) == month_keys_en(["February", "May"]) == {"m:2", "m:5"}
    assert month_keys_en(["may", "march"]) == set()  # modal verb, not a month


def test_names_match_through_romanisation():
    sf, tf = Extractor().extract(["Зеленський прибув до Харкова."], ["Zelensky arrived in Kharkiv."])
    shared = set(sf[0].keys) & set(tf[0].keys)
    assert {"w:zelensky", "w:kharkiv"} <= shared


def test_log_tail_is_finite_far_out():
    vals = log_tail(np.array([0.0, 1.0, 10.0, 60.0]))
    assert vals[0] == pytest.approx(0.0, abs=1e-6)
    assert vals[1] == pytest.approx(np.log(0.3173105), abs=1e-5)
    assert np.all(np.isfinite(vals)) and vals[3] < -1700


def _random_scores(n, m, band, rng):
    return [np.where(rng.random((n + 1, band.width)) < 2, rng.normal(-2, 1, (n + 1, band.width)), 0)
            for _ in KINDS]


def test_band_and_full_lattice_agree_when_the_path_stays_inside():
    rng = np.random.default_rng(7)
    n = m = 30
    cum = np.arange(n + 1, dtype=float) * 100
    full = make_band(cum, cum, m + 1)
    narrow = make_band(cum, cum, 16)
    assert full.width == m + 1 and narrow.width == 16
    # Scores that strongly prefer the diagonal: both lattices find it.
    def diag_scores(band: Band):
        out = []
        rows = np.arange(n + 1)[:, None]
        cols = band.lo[:, None] + np.arange(band.width)[None, :]
        for a, b in KINDS:
            s = np.where((a == 1) & (b == 1) & (rows == cols), 0.0, -8.0) + rng.normal(0, 0.01, cols.shape)
            s = np.where((rows >= a) & (cols >= b) & (cols <= m), s, -1e30 if a else -1e4)
            out.append(s)
        return out
    for band in (full, narrow):
        path = viterbi(diag_scores(band), band, n, m)
        assert path == [(i, i, i + 1, i + 1) for i in range(n)]


def test_posteriors_sum_to_one_over_competing_paths():
    # Two paragraphs a side: the posteriors of the 1-1,1-1 path and the 2-2
    # bead come from the same partition function.
    n = m = 2
    band = make_band(np.array([0.0, 1, 2]), np.array([0.0, 1, 2]), 3)
    scores = []
    rows = np.arange(n + 1)[:, None]
    cols = band.lo[:, None] + np.arange(band.width)[None, :]
    for a, b in KINDS:
        val = {(1, 1): -0.5, (2, 2): -1.5}.get((a, b), -50.0)
        s = np.where((rows >= a) & (cols >= b) & (cols <= m), val, -1e30 if a else -1e4)
        scores.append(s)
    alpha, beta, z = forward_backward(scores, band, n, m)
    p11 = posteriors([(0, 0, 1, 1), (1, 1, 2, 2)], scores, band, alpha, beta, z)
    p22 = posteriors([(0, 0, 2, 2)], scores, band, alpha, beta, z)
    assert p11[0] == pytest.approx(p11[1])
    assert p11[0] + p22[0] == pytest.approx(1.0, abs=1e-6)
    assert p11[0] > p22[0]


def test_long_documents_stay_linear_in_memory():
    # 600 paragraphs a side with a 40-paragraph omission in the middle: the
    # band must follow the shift (it widens itself when the path nears its edge).
    rng = np.random.default_rng(3)
    words = ["слово", "місто", "рада", "уряд", "закон", "війна", "мир", "фронт"]
    src = [" ".join(rng.choice(words, size=int(rng.integers(8, 60)))) + f" {i}." for i in range(600)]
    tgt = [" ".join(["word"] * int(len(s) / 6)) + f" {i}." for i, s in enumerate(src)]
    del tgt[300:340]
    got = beads_of(src, tgt)
    assert sum(1 for s, t in got if s and not t) == 40
    assert all(s == (t[0] + (40 if s[0] >= 340 else 0),) for s, t in got if s and t)


def test_words_of_matches_the_word_pattern() -> None:
    from editflow.align.features import _WORD, words_of

    samples = ["«Ми повернулися додому», — сказала Олена (прим. ред.).", "Kyiv's 5-річний COVID-19 rock'n'roll '90s",
               "x² ½ a.b -word- [Russians – ed.] об’єкт", "Harry_Potter Zaporizhzhia-based—and…then"]
    for s in samples:
        assert words_of(s) == _WORD.findall(s), s
