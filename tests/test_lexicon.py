"""The word-translation lexicon: training, its file, the starter, and what it changes in alignments."""

from __future__ import annotations

import gzip
import json
import tomllib
from pathlib import Path

import numpy as np
import pytest

import editflow.align.lexicon as lexicon_mod
from editflow.align import Constraints, align_paragraphs, with_glossary
from editflow.align.lexical import _gain, bead_coverage, lexical_evidence
from editflow.align.lexicon import (
    Lexicon,
    en_stem,
    lemma_pairs_of_terms,
    lexicon_from_bytes,
    load_lexicon,
    starter_lexicon,
    train_lexicon,
)
from editflow.errors import InputError
from editflow.glossary import Glossary, Term

ROOT = Path(__file__).resolve().parent.parent

# Sentence pairs written for these tests.
PAIRS = [
    ("Школа отримала нові комп'ютери.", "The school received new computers."),
    ("Дрони атакували школу вночі.", "Drones attacked the school at night."),
    ("Учні повернулися до школи у вересні.", "The pupils returned to school in September."),
    ("Рятувальники гасили пожежу в школі.", "Rescuers put out a fire at the school."),
    ("Місто отримало нові автобуси.", "The city received new buses."),
    ("Дрони атакували місто вранці.", "Drones attacked the city in the morning."),
    ("Рятувальники працювали в місті всю ніч.", "Rescuers worked in the city all night."),
    ("Мер міста подякував рятувальникам.", "The city's mayor thanked the rescuers."),
    ("Нові автобуси курсуватимуть містом.", "The new buses will run through the city."),
    ("Пожежа знищила склад.", "The fire destroyed a warehouse."),
]


@pytest.fixture(scope="module")
def small() -> Lexicon:
    return train_lexicon(PAIRS, meta={"source": "tests"})


def test_english_stems_join_a_words_inflections():
    assert {en_stem(w) for w in ("attack", "attacks", "attacked", "attacking")} == {"attack"}
    assert en_stem("cities") == en_stem("city") == "city"
    assert en_stem("striking") == en_stem("strike")
    assert en_stem("Ukraine's") == en_stem("Ukraine")
    assert en_stem("news") == "news" and en_stem("bring") == "bring"


def test_training_finds_renderings_through_inflection(small):
    assert small.renderings("школу")[0][0] == "school"
    assert small.renderings("містом")[0][0] == "city"
    assert small.renderings("рятувальникам")[0][0] == "rescuers"
    probs = [p for _, p in small.renderings("школа")]
    assert probs == sorted(probs, reverse=True) and 0 < probs[0] <= 1
    assert ("школа", small.renderings("школа")[0][1]) in small.sources("schools")
    assert small.renderings("неіснуюче") == []
    assert 0 < small.meta["coverage"] <= 1 and small.meta["units"] == len(PAIRS)


def test_form_table_spares_the_analyser(small, monkeypatch):
    def refuse(form: str) -> str:
        raise AssertionError(f"analyser called for {form}")

    monkeypatch.setattr(lexicon_mod, "uk_lemma", refuse)
    fresh = lexicon_from_bytes(small.to_bytes())
    assert fresh.uk_id("школі") >= 0 and fresh.uk_id("школі") == fresh.uk_id("школу")
    # A form whose first letters start no known lemma is not worth parsing either.
    assert fresh.uk_id("жовтогарячий") == -1


def test_file_round_trip_is_exact_and_deterministic(small, tmp_path):
    path = tmp_path / "lex.json.gz"
    small.save(path)
    again = load_lexicon(path)
    assert again.digest == small.digest
    assert again.to_bytes() == small.to_bytes() == path.read_bytes()
    assert again.renderings("школу") == small.renderings("школу")


@pytest.mark.parametrize("content", [b"not a lexicon", gzip.compress(b'{"format": "other"}', mtime=0),
                                     json.dumps({"format": "editflow-lexicon", "version": 99}).encode(),
                                     json.dumps({"format": "editflow-lexicon", "version": 1, "uk": ["а"],
                                                 "en": [], "pairs": [[0, 3, 0.5]]}).encode()])
def test_unusable_files_are_refused_with_the_file_named(tmp_path, content):
    path = tmp_path / "bad.json.gz"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"bad\.json\.gz"):
        load_lexicon(path)
    with pytest.raises(InputError, match="not found"):
        load_lexicon(tmp_path / "missing.json.gz")


def test_glossary_pairs_join_the_lexicon(small):
    pairs = lemma_pairs_of_terms([("рашизм", ["rashism"]), ("Верховна Рада", ["Verkhovna Rada"])])
    assert ("рашизм", "rashism", 1.0) in pairs
    richer = small.with_pairs(pairs, origin="glossary")
    assert richer.renderings("рашизму") == [("rashism", 1.0)]
    assert richer.renderings("школу") == small.renderings("школу")
    assert small.renderings("рашизму") == []  # the original is unchanged


def test_the_chance_rate_grows_with_the_other_side():
    freq = np.full(4, 0.01)
    gains = _gain(freq, np.array([5.0, 10.0, 20.0, 40.0]), 0.6)
    assert np.all(np.diff(gains) < 0) and np.all(gains > 0)
    # A word rendered all over the other document is no evidence: covered, it
    # scores (gain + log(1 - r)) about what an unrelated span would.
    assert abs(_gain(np.array([0.3]), np.array([20.0]), 0.6)[0] + np.log1p(-0.6)) < 0.01


def test_covered_words_are_counted_per_bead(small):
    ev = lexical_evidence(small, ["Дрони атакували школу.", "Мер подякував рятувальникам."],
                          ["Drones attacked the school.", "The mayor thanked the rescuers."])
    c = ev.src_cov
    assert len(c.para) >= 4
    everywhere = np.zeros(len(c.para), dtype=np.int64)
    words, paras = c.covered(everywhere, everywhere + 2)
    assert set(zip(c.para[words].tolist(), paras.tolist(), strict=True)) == {(0, 0), (1, 1)}
    # A window of the second English paragraph only finds the second paragraph's words.
    words, paras = c.covered(everywhere + 1, everywhere + 2)
    assert set(c.para[words].tolist()) == {1} and set(paras.tolist()) == {1}
    assert bead_coverage(ev, (0,), (0,)) == (int(sum(c.para == 0)), int(sum(c.para == 0)))
    assert bead_coverage(ev, (0,), (1,))[0] == 0


# -- the starter ---------------------------------------------------------------------------------

def test_starter_lexicon_is_small_licensed_and_useful():
    path = ROOT / "src" / "editflow" / "data" / "starter-lexicon.json.gz"
    assert path.stat().st_size < 200 * 1024
    lex = starter_lexicon()
    assert 2000 <= len(lex) <= 10000
    assert lex.meta["licence"] == "CC-BY-SA-4.0" and "NTREX-128" in lex.meta["attribution"]
    assert "NTREX-128" in lex.meta["source"]
    assert lex.renderings("президента")[0][0] == "president"
    assert lex.renderings("уряду")[0][0] == "government"
    notice = (ROOT / "src" / "editflow" / "data" / "STARTER-LEXICON.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "Federmann, Kocmi and Xin" in notice


def test_package_metadata_declares_both_licences_and_the_data():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT AND CC-BY-SA-4.0"
    assert set(meta["project"]["license-files"]) == {"LICENSE", "LICENSE-data"}
    assert "Attribution-ShareAlike 4.0" in (ROOT / "LICENSE-data").read_text(encoding="utf-8")
    assert "starter-lexicon.json.gz" in meta["tool"]["setuptools"]["package-data"]["editflow.data"]


# -- alignments --------------------------------------------------------------------------------

UK_COLUMN = [
    "Японія виділить Україні мільярд доларів на відновлення зруйнованих міст",
    "Уряд Японії ухвалив рішення надати Україні додаткову фінансову допомогу на відбудову зруйнованих "
    "міст, повідомив прем'єр-міністр у вівторок.",
    "Кошти спрямують на ремонт шкіл і лікарень та на захист критичної інфраструктури від атак.",
    "«Ми розуміємо, що зима буде важкою, і хочемо, щоб українські міста мали світло й тепло», — сказав "
    "міністр закордонних справ Японії.",
    "За даними уряду України, з початку повномасштабного вторгнення Росія пошкодила або знищила понад "
    "половину енергетичних потужностей країни.",
    "Японія вже передала Україні генератори та гуманітарну допомогу.",
    "Сергій Корнієнко, Надзвичайний і Повноважний Посол України в Японії (2020–2023)",
]
EN_COLUMN = [
    "Tokyo pledges new aid as winter approaches",
    "Japan to give Ukraine a billion dollars to rebuild destroyed cities",
    "Japan backs Ukraine's power grid as Russian strikes continue",
    "Japan's government has decided to give Ukraine additional financial aid to rebuild destroyed cities, "
    "the prime minister said on Tuesday.",
    "The money will go to repairing schools and hospitals and to protecting critical infrastructure from attacks.",
    "“We understand that the winter will be hard, and we want Ukrainian cities to have light and heat,” "
    "Japan's foreign minister said.",
    "According to the Ukrainian government, since the start of the full-scale invasion Russia has damaged or "
    "destroyed more than half of the country's power capacity.",
    "Japan has already given Ukraine generators and humanitarian aid.",
    "Serhiy Korniienko, Ambassador Extraordinary and Plenipotentiary of Ukraine to Japan (2020–2023), originally "
    "posted on ZN.ua. Translated and edited by the Kyiv Review team.",
    "Serhiy Korniienko",
    "An independent media outlet covering Ukraine's politics and economy since 2014.",
    "Follow us on X, Facebook and Instagram",
    "Leave a Reply Cancel reply",
]


def test_the_headline_variant_that_translates_the_headline_is_paired():
    beads = align_paragraphs(UK_COLUMN, EN_COLUMN, lexicon=starter_lexicon())
    got = [(b.src, b.tgt) for b in beads]
    assert ((0,), (1,)) in got                       # words, not position
    assert ((), (0,)) in got and ((), (2,)) in got   # the other two stay variants
    title = next(b for b in beads if b.src == (0,))
    assert any("content words translate" in r for r in title.reasons)


def test_signature_is_paired_and_the_page_chrome_after_it_left_out():
    beads = align_paragraphs(UK_COLUMN, EN_COLUMN, lexicon=starter_lexicon())
    got = [(b.src, b.tgt) for b in beads]
    assert ((6,), (8,)) in got
    assert all(((), (j,)) in got for j in range(9, 13))


def test_a_headline_glued_to_the_lead_is_a_two_to_one_bead():
    en = [EN_COLUMN[1] + " " + EN_COLUMN[3], *EN_COLUMN[4:8]]
    beads = align_paragraphs(UK_COLUMN[:6], en, lexicon=starter_lexicon())
    assert [(b.src, b.tgt) for b in beads][:2] == [((0, 1), (0,)), ((2,), (1,))]


def test_words_decide_which_paragraph_was_omitted(small):
    uk = ["Дрони атакували школу вночі.", "Мер міста подякував рятувальникам.",
          "Пожежа знищила склад.", "Нові автобуси курсуватимуть містом."]
    # Equal lengths: only the words tell that the mayor's paragraph is the one left out.
    en = ["Drones attacked the school at night.", "The fire destroyed a warehouse.",
          "The new buses will run through the city."]
    got = [(b.src, b.tgt) for b in align_paragraphs(uk, en, lexicon=small)]
    assert got == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_the_glossary_joins_a_lexicon_at_alignment_time(small):
    richer = with_glossary(small, Glossary([Term("рашизм", ["rashism", "ruscism"])]))
    assert dict(richer.renderings("рашизму")) == {"rashism": 1.0, "ruscism": 1.0}
    assert with_glossary(small, None) is small
    ev = lexical_evidence(richer, ["Виставка про рашизм відкрилася."], ["An exhibition about rashism opened."])
    assert bead_coverage(ev, (0,), (0,)) == (1, 1)


# -- constraints ---------------------------------------------------------------------------------

def test_a_pinned_pair_is_kept_and_sure():
    uk, en = UK_COLUMN[:6], EN_COLUMN[3:8]
    free = [(b.src, b.tgt) for b in align_paragraphs(uk, en)]
    assert ((2,), (1,)) in free
    beads = align_paragraphs(uk, en, constraints=Constraints(pinned=(((2,), (2,)),)))
    pinned = next(b for b in beads if b.src == (2,))
    assert pinned.tgt == (2,) and pinned.confidence == 1.0


def test_a_forbidden_link_is_never_in_a_bead():
    uk, en = UK_COLUMN[:6], EN_COLUMN[3:8]
    beads = align_paragraphs(uk, en, constraints=Constraints(forbidden=((2, 1),)))
    assert not any(2 in b.src and 1 in b.tgt for b in beads)
    assert sorted(i for b in beads for i in b.src) == list(range(6))


def test_constraints_that_contradict_each_other_are_refused():
    with pytest.raises(ValueError, match="contradict"):
        align_paragraphs(UK_COLUMN[:4], EN_COLUMN[3:7],
                         constraints=Constraints(pinned=(((1,), (2,)), ((2,), (1,)))))
    with pytest.raises(ValueError, match="consecutive"):
        Constraints(pinned=(((1,), (1, 3)),))


def test_a_pinned_pair_of_any_shape_is_kept():
    uk, en = UK_COLUMN[:6], EN_COLUMN[3:8]
    beads = align_paragraphs(uk, en, constraints=Constraints(pinned=(((1,), (1, 2, 3)),), forbidden=((4, 4),)))
    assert ((1,), (1, 2, 3)) in [(b.src, b.tgt) for b in beads]
    assert sorted(i for b in beads for i in b.src) == list(range(6))
    assert sorted(j for b in beads for j in b.tgt) == list(range(5))
    assert not any(4 in b.src and 4 in b.tgt for b in beads)
    beads = align_paragraphs(uk, en, constraints=Constraints(pinned=(((), (0, 1)),)))
    assert [(b.src, b.tgt) for b in beads if not b.src][:2] == [((), (0,)), ((), (1,))]
