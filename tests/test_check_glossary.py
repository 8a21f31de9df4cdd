"""`glossary.missing` and `glossary.forbidden` on pairs we write, on a PO, and on the sample project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from editflow.checks import CheckContext, make_entry, run_checks
from editflow.cli import cli
from editflow.glossary import Glossary, Term

ROOT = Path(__file__).resolve().parent.parent

GLOSSARY = Glossary([
    Term("Київ", ["Kyiv"], ["Kiev"], context=["Chicken Kiev", "Dynamo Kiev"]),
    Term("рашизм", ["rashism"], ["ruscism", "russism"]),
    Term("рашист", ["rashist", "Russian forces"], ["ruscist"]),
    Term("Запорізька АЕС", ["Zaporizhzhia NPP", "Zaporizhzhia Nuclear Power Plant"], ["Zaporozhye NPP"]),
    Term("Запоріжжя", ["Zaporizhzhia"], ["Zaporozhye"]),
    Term("Верховна Рада", ["Verkhovna Rada", "Rada", "Ukraine's parliament"], ["Supreme Council"]),
    Term("Крим", ["Crimea"], ["the Crimea"]),
    Term("шахед", ["Shahed"], ["Shaheed"]),
    Term("народний депутат", ["lawmaker", "MP"], ["people's deputy"]),
    Term("Укренерго", ["Ukrenergo"], ["UkrEnergo"], case="exact"),
    Term("ЗСУ", ["Armed Forces of Ukraine"], ["ZSU"], case="exact", match="exact"),
    Term("окупант", ["occupier", "Supreme Council"], ["occupant"]),
])


def run(uk: str, en: str, glossary: Glossary = GLOSSARY):
    return run_checks([make_entry(0, uk, en)], CheckContext(glossary=glossary), select=["glossary"])


def codes(uk: str, en: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.term, f.variant) for f in run(uk, en)]


@pytest.mark.parametrize("uk,en", [
    ("Ідеологія рашизму живе.", "The ideology of rashism lives on."),
    ("Рашистів відкинули від міста.", "Russian forces were pushed back from the city."),
    ("У Києві та Києві знову тривога.", "Another alert in Kyiv."),            # twice ↔ once is fine
    ("Мер Києва заявив.", "Kyiv’s mayor said."),
    ("Ситуація на Запорізькій АЕС.", "The situation at the Zaporizhzhia Nuclear Power Plant."),
    ("Рішення Верховної Ради.", "The Verkhovna Rada's decision."),
    ("Двоє народних депутатів.", "Two lawmakers'  offices."),
    ("Уночі збили 40 шахедів.", "Forty Shahed-136 drones were downed overnight."),
    ("Абоненти Київстару без зв'язку.", "Kyivstar subscribers lost service."),
    ("Мирний план.", "The peace plan."),
    ("Київський метрополітен.", "The Kyiv metro."),
    ("Ресторан подає котлету по-київськи.", "The restaurant serves Chicken Kiev."),  # allowed context
    ("Саміт Кримської платформи.", "The Crimea Platform summit."),
    ("Підрозділи ЗСУ.", "Units of the Armed Forces of Ukraine."),
    ("Зсув ґрунту.", "A landslide."),
])
def test_no_finding(uk, en):
    assert codes(uk, en) == []


def test_missing_and_forbidden_kiev():
    findings = run("Вибухи пролунали у Києві.", "Explosions were heard in Kiev.")
    by_code = {f.code: f for f in findings}
    assert set(by_code) == {"glossary.missing", "glossary.forbidden"}
    m, f = by_code["glossary.missing"], by_code["glossary.forbidden"]
    assert "Вибухи пролунали у Києві."[slice(*m.source_span)] == "Києві" and m.term == "Київ"
    assert "Explosions were heard in Kiev."[slice(*f.target_span)] == "Kiev"
    assert (f.term, f.variant, f.suggestion) == ("Київ", "Kiev", "Kyiv")


def test_forbidden_without_the_term_in_ukrainian():
    assert codes("Столиця знову під атакою.", "The capital, Kiev, is under attack again.") == [
        ("glossary.forbidden", "Київ", "Kiev")]


def test_forbidden_possessive_span_and_multiword():
    [f] = run("Столиця.", "Kiev's mayor.")
    assert f.target_span == (0, 4)
    assert codes("Крим окупований.", "The Crimea is occupied. Crimea is Ukraine.") == [
        ("glossary.forbidden", "Крим", "the Crimea")]


def test_nested_forbidden_reports_the_longer_variant():
    assert sorted(codes("На Запорізькій АЕС.", "At the Zaporozhye NPP.")) == [
        ("glossary.forbidden", "Запорізька АЕС", "Zaporozhye NPP"), ("glossary.missing", "Запорізька АЕС", None)]


def test_case_exact_terms():
    assert sorted(codes("Укренерго попереджає.", "UkrEnergo warns.")) == [
        ("glossary.forbidden", "Укренерго", "UkrEnergo"), ("glossary.missing", "Укренерго", None)]
    assert codes("Укренерго попереджає.", "Ukrenergo warns.") == []


def test_rendering_forbidden_elsewhere_does_not_count():
    # "Supreme Council" is accepted for окупант in this (deliberately bad) glossary but forbidden for the Rada.
    found = codes("Окупанти відступили.", "The Supreme Council retreated.")
    assert ("glossary.missing", "окупант", None) in found


def test_notes_are_masked():
    # The gloss inside the editor's note does not supply the rendering.
    assert codes("Ідеологія рашизму.", "The ideology [rashism – ed.] of Russia.") == [
        ("glossary.missing", "рашизм", None)]


def test_empty_english_is_left_to_untranslated():
    assert codes("У Києві.", "") == []


def test_no_glossary_no_findings():
    assert run("У Києві.", "In Kiev.", Glossary([])) == []


def _sample_pos(tmp_path: Path) -> list[Path]:
    from editflow.workfile import align_files, write_alignment

    out = []
    for orig in sorted((ROOT / "originals").glob("*.uk.*")):
        slug = orig.name.split(".uk.")[0]
        [trans] = (ROOT / "translations").glob(f"{slug}.en.*")
        po = tmp_path / f"{slug}.po"
        write_alignment(align_files(orig, trans, [ROOT / "glossary"]), po)
        out.append(po)
    return out


def test_sample_project_finds_exactly_the_planted_mistakes(tmp_path):
    from editflow.checks import check_po

    found = set()
    for po in _sample_pos(tmp_path):
        result = check_po(po, [ROOT / "glossary"], select=["glossary"], use_dismissed=False)
        found |= {(po.stem, f.code, f.term, f.variant) for f in result.findings}
    assert found == {
        ("kyiv-rashism-exhibition", "glossary.forbidden", "рашизм", "ruscism"),
        ("kyiv-rashism-exhibition", "glossary.missing", "рашизм", None),
        ("odesa-ports-grain-record", "glossary.forbidden", "Одеса", "Odessa"),
        ("odesa-ports-grain-record", "glossary.missing", "Одеса", None),
        ("rada-energy-protection-budget", "glossary.forbidden", "Київ", "Kiev"),
        ("rada-energy-protection-budget", "glossary.missing", "Київ", None),
    }


def test_cli_json_fields(tmp_path):
    po = next(p for p in _sample_pos(tmp_path) if p.stem == "rada-energy-protection-budget")
    result = CliRunner().invoke(cli, ["check", str(po), "--glossary", str(ROOT / "glossary"),
                                      "--select", "glossary", "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    forb = next(d for d in data if d["code"] == "glossary.forbidden")
    assert forb["variant"] == "Kiev" and forb["term"] == "Київ" and forb["suggestion"] == "Kyiv"
    missing = next(d for d in data if d["code"] == "glossary.missing")
    assert missing["term"] == "Київ" and "variant" not in missing and missing["source_span"]


def test_glossary_indexed_once_per_glossary_not_per_run(tmp_path):
    """The index lives with the glossary: build checks every article with one loaded glossary."""
    glossary = Glossary(list(GLOSSARY.terms))
    entries = [make_entry(i, "У Києві.", "In Kyiv.") for i in range(3)]
    run_checks(entries, CheckContext(glossary=glossary), select=["glossary"])
    first = glossary.derived["checks.index"]
    run_checks(entries, CheckContext(glossary=glossary), select=["glossary"])
    assert glossary.derived["checks.index"] is first


def test_variant_reported_as_written_and_curly_context():
    g = Glossary([Term("народний депутат", ["lawmaker"], ["people’s deputy", "people's deputy"]),
                  Term("Чорнобиль", ["Chornobyl"], ["Chernobyl"], context=["HBO's Chernobyl"])])
    [f] = run("Промова.", "The people's deputy spoke.", g)
    assert f.variant == "people's deputy"
    [f] = run("Промова.", "The people’s deputy spoke.", g)
    assert f.variant == "people’s deputy"
    assert run("Серіал «Чорнобиль» від HBO.", "HBO’s Chernobyl series.", g) == []


def test_proper_names_need_a_capital():
    g = Glossary([Term("Рівне", ["Rivne"]), Term("Буча", ["Bucha"])])
    assert run("Поле тут рівне.", "The field is flat.", g) == []
    assert run("Зчинилася буча.", "A commotion broke out.", g) == []
    assert [f.term for f in run("У Рівному і Бучі.", "In the west.", g)] == ["Рівне", "Буча"]


def test_institution_as_genitive_modifier_may_stay_implicit():
    g = Glossary([Term("Повітряні сили", ["Air Force"]), Term("ЗСУ", ["Armed Forces of Ukraine"], match="exact", case="exact"),
                  Term("окупант", ["occupier"]), Term("Херсон", ["Kherson"])])
    assert run("Повітряні сили ЗСУ збили ракету.", "Ukraine's Air Force shot down a missile.", g) == []
    # Not when the head term itself is missing, and not for a place name.
    assert [f.term for f in run("Повітряні сили ЗСУ збили ракету.", "The military shot down a missile.", g)] == [
        "Повітряні сили", "ЗСУ"]
    assert [f.term for f in run("Окупанти Херсона втекли.", "The city's occupiers fled.", g)] == ["Херсон"]


def test_cli_checks_several_files_and_refuses_a_bad_glossary(tmp_path):
    pos = _sample_pos(tmp_path)
    runner = CliRunner()
    r = runner.invoke(cli, ["check", *map(str, pos), "--glossary", str(ROOT / "glossary"), "--select", "glossary",
                            "--json"])
    assert r.exit_code == 1, r.output
    assert {(Path(d["file"]).stem, d["code"]) for d in json.loads(r.stdout)} == {
        ("kyiv-rashism-exhibition", "glossary.missing"), ("kyiv-rashism-exhibition", "glossary.forbidden"),
        ("odesa-ports-grain-record", "glossary.missing"), ("odesa-ports-grain-record", "glossary.forbidden"),
        ("rada-energy-protection-budget", "glossary.missing"), ("rada-energy-protection-budget", "glossary.forbidden")}
    bad = tmp_path / "bad.tbx"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "b">]><tbx/>', encoding="utf-8")
    r = runner.invoke(cli, ["check", str(pos[0]), "--glossary", str(bad)])
    assert r.exit_code == 2 and "declares entities" in r.output and "Traceback" not in r.output


def test_exact_case_rendering_capitalised_at_sentence_start_counts() -> None:
    from editflow.checks import CheckContext, make_entry, run_checks
    from editflow.glossary import Glossary, Term

    g = Glossary([Term(uk="ТЦК", en=["recruitment center", "TCC"], forbidden=["voenkomat"], case="exact",
                       match="exact")])
    ctx = CheckContext(glossary=g)
    ok = make_entry(0, "Працівники ТЦК вручили повістки.", "Recruitment center staff handed out summonses.")
    assert run_checks([ok], ctx, select=["glossary"]) == []
    brand = Glossary([Term(uk="Укренерго", en=["Ukrenergo"], forbidden=["UkrEnergo"], case="exact")])
    bad = make_entry(0, "Укренерго попередило про відключення.", "UkrEnergo warned of outages.")
    codes = sorted(f.code for f in run_checks([bad], CheckContext(glossary=brand), select=["glossary"]))
    assert codes == ["glossary.forbidden", "glossary.missing"]


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u2060", "\u200d"])
def test_invisible_characters_inside_words_do_not_hide_a_term(mark: str) -> None:
    # A soft hyphen from Word's optional hyphens or a page's hyphenation, a zero-width space
    # from a CMS: the words read as they show, and the spans cover them as written.
    uk, en = f"Вибухи пролунали у Ки{mark}єві.", f"Explosions were heard in Ki{mark}ev."
    by_code = {f.code: f for f in run(uk, en)}
    assert set(by_code) == {"glossary.missing", "glossary.forbidden"}
    assert uk[slice(*by_code["glossary.missing"].source_span)] == f"Ки{mark}єві"
    assert en[slice(*by_code["glossary.forbidden"].target_span)] == f"Ki{mark}ev"
    assert codes(f"Вибухи у Ки{mark}єві.", f"Explosions in Ky{mark}iv.") == []
