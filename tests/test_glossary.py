"""Glossary formats: CSV, TBX (2008 and v3), PO; bad input refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from editflow.errors import InputError
from editflow.glossary import Glossary, Problem, Term, load_glossary, parse_csv
from editflow.glossary.tbx import parse_tbx

CSV = """uk,en,forbidden,note,context,case,match,desk
Київ,Kyiv,Kiev,Never Kiev.,Chicken Kiev|Dynamo Kiev,,,news
ЗСУ,Armed Forces of Ukraine| AFU ,ZSU,,,exact,exact,
"""


def test_csv_columns():
    kyiv, zsu = parse_csv(CSV, "t.csv")
    assert kyiv == Term("Київ", ["Kyiv"], ["Kiev"], "Never Kiev.", ["Chicken Kiev", "Dynamo Kiev"],
                        "any", "lemma", "t.csv:2", {"desk": "news"})
    assert zsu.en == ["Armed Forces of Ukraine", "AFU"] and zsu.case == zsu.match == "exact"


def test_csv_missing_column():
    with pytest.raises(InputError, match="lacks the column"):
        parse_csv("uk,note\nКиїв,x\n", "t.csv")


def test_csv_bad_mode_raises_or_is_collected():
    text = "uk,en,case\nКиїв,Kyiv,sometimes\n"
    with pytest.raises(InputError, match="line 2: case"):
        parse_csv(text, "t.csv")
    problems: list[Problem] = []
    assert parse_csv(text, "t.csv", problems)[0].case == "any"
    assert problems and problems[0].level == "error"


def test_windows_1251_csv_is_read_not_refused(tmp_path):
    """Excel in a Ukrainian locale saves CSV in Windows-1251: the encoding is detected."""
    f = tmp_path / "g.csv"
    f.write_bytes("uk,en\nКиїв,Kyiv\n".encode("cp1251"))
    assert [(t.uk, t.en) for t in load_glossary(f).terms] == [("Київ", ["Kyiv"])]


TBX2008 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
 <martifHeader><fileDesc><sourceDesc><p>desk</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="c1">
   <descrip type="definition">Capital of Ukraine.</descrip>
   <note>allowed: Chicken Kiev | Dynamo Kiev</note>
   <langSet xml:lang="uk"><tig><term>Київ</term></tig></langSet>
   <langSet xml:lang="en">
    <tig><term>Kiev</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>Kyiv</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Kyjiw</term></termGrp><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></ntig>
   </langSet>
  </termEntry>
  <termEntry id="c2">
   <langSet xml:lang="uk"><tig><term>ЗСУ</term><termNote type="termType">acronym</termNote></tig></langSet>
   <langSet xml:lang="en-GB"><tig><term>Armed Forces of Ukraine</term></tig>
     <tig><term>AFU</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
  </termEntry>
 </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
 <tbxHeader><fileDesc><sourceDesc><p>desk</p></sourceDesc></fileDesc></tbxHeader>
 <text><body>
  <conceptEntry id="c1">
   <langSec xml:lang="uk"><termSec><term>рашизм</term></termSec></langSec>
   <langSec xml:lang="en">
    <termSec><term>rashism</term></termSec>
    <termSec><term>ruscism</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    <termSec><term>raschism</term><termNote type="administrativeStatus">obsolete</termNote></termSec>
   </langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def test_tbx_2008():
    kyiv, zsu = parse_tbx(TBX2008.encode(), "t.tbx")
    assert kyiv.uk == "Київ" and kyiv.en == ["Kyiv"] and kyiv.forbidden == ["Kiev", "Kyjiw"]
    assert kyiv.context == ["Chicken Kiev", "Dynamo Kiev"] and kyiv.note == "Capital of Ukraine."
    assert zsu.en == ["Armed Forces of Ukraine", "AFU"] and (zsu.case, zsu.match) == ("exact", "exact")


def test_tbx_v3():
    [t] = parse_tbx(TBX3.encode(), "t.tbx")
    assert (t.uk, t.en, t.forbidden) == ("рашизм", ["rashism"], ["ruscism", "raschism"])


def test_tbx_malformed_has_line():
    bad = TBX3.replace("</termSec></langSec>", "</langSec>", 1)
    with pytest.raises(InputError, match=r"line \d+: malformed TBX"):
        parse_tbx(bad.encode(), "t.tbx")


def test_tbx_wrong_root():
    with pytest.raises(InputError, match="not a TBX"):
        parse_tbx(b"<html/>", "t.tbx")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tbx><text><body><conceptEntry><langSec xml:lang="uk"><termSec><term>&lol3;</term></termSec></langSec></conceptEntry></body></text></tbx>
"""


def test_tbx_entities_refused(tmp_path):
    with pytest.raises(InputError, match="declares entities"):
        parse_tbx(BILLION_LAUGHS.encode(), "t.tbx")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<tbx><text><body><conceptEntry><langSec xml:lang="uk"><termSec><term>&x;</term>'
           '</termSec></langSec></conceptEntry></body></text></tbx>')
    with pytest.raises(InputError, match="declares entities"):
        parse_tbx(xxe.encode(), "t.tbx")


def test_tbx_parser_never_expands_even_unchecked(tmp_path):
    # Defence in depth: the parser settings alone keep an external entity unread.
    from lxml import etree

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xxe = f'<!DOCTYPE t [<!ENTITY x SYSTEM "file://{secret}">]><t>&x;</t>'.encode()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    assert b"TOPSECRET" not in etree.tostring(etree.fromstring(xxe, parser))


PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#. forbidden: Kiev
#. context: Chicken Kiev | Dynamo Kiev
# The capital.
msgid "Київ"
msgstr "Kyiv"

#, case-exact, match-exact
msgid "ЗСУ"
msgstr "Armed Forces of Ukraine; AFU"

#~ msgid "Москва"
#~ msgstr "Moscow"
"""


def test_po_glossary(tmp_path):
    f = tmp_path / "terms.po"
    f.write_text(PO, encoding="utf-8")
    kyiv, zsu = load_glossary(f).terms
    assert (kyiv.uk, kyiv.en, kyiv.forbidden, kyiv.context) == ("Київ", ["Kyiv"], ["Kiev"], ["Chicken Kiev", "Dynamo Kiev"])
    assert kyiv.note == "The capital." and kyiv.origin.endswith(":5")
    assert zsu.en == ["Armed Forces of Ukraine", "AFU"] and (zsu.case, zsu.match) == ("exact", "exact")


def test_po_malformed(tmp_path):
    f = tmp_path / "terms.po"
    f.write_text('msgid "Київ"\nbogus\nmsgstr "Kyiv"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"malformed PO glossary \(Syntax error in po file \(line 2\)\)"):
        load_glossary(f)


def test_folder_reads_every_format(tmp_path):
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "b.tbx").write_text(TBX3, encoding="utf-8")
    (tmp_path / "c.po").write_text(PO, encoding="utf-8")
    (tmp_path / "readme.md").write_text("not a glossary", encoding="utf-8")
    g = load_glossary([tmp_path])
    assert isinstance(g, Glossary) and [p.name for p in g.paths] == ["a.csv", "b.tbx", "c.po"]
    assert [t.uk for t in g.terms] == ["Київ", "ЗСУ", "рашизм", "Київ", "ЗСУ"]


def test_unsupported_and_missing(tmp_path):
    f = tmp_path / "g.xlsx"
    f.write_bytes(b"x")
    with pytest.raises(InputError, match="unsupported"):
        load_glossary(f)
    with pytest.raises(InputError, match="not found"):
        load_glossary(tmp_path / "nope.csv")


def test_sample_glossary_loads():
    g = load_glossary(Path(__file__).resolve().parent.parent / "glossary")
    assert len(g) > 40 and all(t.en for t in g.terms)


# ---------------------------------------------------------------------------
# editflow glossary lint / show
# ---------------------------------------------------------------------------

LINT_CSV = """uk,en,forbidden,case,match
Київ,Kyiv,Kiev,,
Київ,Kyiv|Kiev,,,
Верховна Рада,Verkhovna Rada,Supreme Council,,
Верховна рада,Rada,,,
окупант,occupier|Supreme Council,occupant,,
Укренерго,Ukrenergo,UkrEnergo,exact,
Запоріжжя,Zaporizhzhia,Zaporozhye,,
Запорізька АЕС,Zaporizhzhia NPP,Zaporozhye,,
мобілізація,,mobilisation,,
шахед,Shahed,,sometimes,
"""


def test_lint_finds_each_kind_of_problem(tmp_path):
    from editflow.glossary.lint import lint

    f = tmp_path / "g.csv"
    f.write_text(LINT_CSV, encoding="utf-8")
    _, problems = lint([f])
    text = "\n".join(map(str, problems))
    assert "g.csv:3: warning: 'Київ' duplicates 'Київ'" in text
    assert "'Верховна рада' duplicates 'Верховна Рада'" in text
    assert "g.csv:6: warning: 'окупант' accepts 'Supreme Council', which 'Верховна Рада' forbids" in text
    assert "'Київ' accepts 'Kiev', which 'Київ' forbids" in text
    assert "'мобілізація' has no accepted English rendering" in text
    assert "g.csv:11: error: case must be 'any' or 'exact', not 'sometimes'" in text
    assert "info: 'шахед': pymorphy3 does not know шахед" in text
    assert "Укренерго" not in text            # UkrEnergo ≠ Ukrenergo under case=exact
    assert "Zaporozhye" not in text           # one variant forbidden by two rows is fine


def test_lint_cli_exit_codes(tmp_path):
    from click.testing import CliRunner

    from editflow.cli import cli

    bad = tmp_path / "bad.csv"
    bad.write_text(LINT_CSV, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["glossary", "lint", str(bad)])
    assert r.exit_code == 1 and "duplicates" in r.stdout
    r = runner.invoke(cli, ["glossary", "lint", str(Path(__file__).resolve().parent.parent / "glossary")])
    assert r.exit_code == 0, r.output
    notcsv = tmp_path / "x.csv"
    notcsv.write_text("term,translation\nКиїв,Kyiv\n", encoding="utf-8")
    r = runner.invoke(cli, ["glossary", "lint", str(notcsv)])
    assert r.exit_code == 2 and "lacks the column" in r.output
    assert runner.invoke(cli, ["glossary", "show", str(bad)]).exit_code == 2   # show is strict
    good = tmp_path / "good.csv"
    good.write_text(CSV, encoding="utf-8")
    r = runner.invoke(cli, ["glossary", "show", str(good)])
    assert r.exit_code == 0 and "Київ → Kyiv   not: Kiev" in r.stdout


def test_csv_with_an_unterminated_quote_is_refused_naming_the_line() -> None:
    from editflow.errors import InputError
    from editflow.glossary import parse_csv

    text = 'uk,en\nКиїв,Kyiv\n"Львів,Lviv\nОдеса,Odesa\nХарків,Kharkiv\n'
    with pytest.raises(InputError, match=r"terms\.csv: line 3: a quote opened here is never closed"):
        parse_csv(text, "terms.csv")


# ---------------------------------------------------------------------------
# What Excel saves
# ---------------------------------------------------------------------------

EXCEL_ROWS = [("uk", "en", "forbidden"), ("Київ", "Kyiv", "Kiev"), ("рашизм", "rashism", ""),
              ("Львів", "Lviv", "Lvov")]


def _by_uk(g: Glossary) -> dict[str, list[str]]:
    return {t.uk: t.en + ["!" + f for f in t.forbidden] for t in g.terms}


EXPECTED = {"Київ": ["Kyiv", "!Kiev"], "рашизм": ["rashism"], "Львів": ["Lviv", "!Lvov"]}


@pytest.mark.parametrize("delimiter,encoding,bom", [
    (";", "cp1251", b""),                   # Excel "CSV" in a Ukrainian locale
    (";", "utf-8", b"\xef\xbb\xbf"),        # Excel "CSV UTF-8"
    ("\t", "utf-16-le", b"\xff\xfe"),       # Excel "Unicode text"
    (",", "utf-16-be", b"\xfe\xff"),
])
def test_csv_as_excel_saves_it_is_read(tmp_path: Path, delimiter: str, encoding: str, bom: bytes) -> None:
    text = "\r\n".join(delimiter.join(row) for row in EXCEL_ROWS) + "\r\n"
    path = tmp_path / "terms.csv"
    path.write_bytes(bom + text.encode(encoding))
    assert _by_uk(load_glossary(path)) == EXPECTED


def test_xlsx_glossary_is_read_directly(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in EXCEL_ROWS:
        sheet.append(list(row))
    sheet.append([None, None, None])       # an empty row Excel keeps at the end
    book.save(tmp_path / "terms.xlsx")
    (tmp_path / "~$terms.xlsx").write_bytes(b"lock file of an open workbook")
    g = load_glossary(tmp_path)
    assert _by_uk(g) == EXPECTED
    assert [p.name for p in g.paths] == ["terms.xlsx"]
    assert g.terms[0].origin.endswith("terms.xlsx:2")


def test_xlsx_without_the_columns_or_broken_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["term", "translation"])
    book.save(tmp_path / "a.xlsx")
    with pytest.raises(InputError, match=r"a\.xlsx: the first sheet's header row lacks the column\(s\) uk, en"):
        load_glossary(tmp_path / "a.xlsx")
    (tmp_path / "b.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match=r"b\.xlsx: not a readable Excel workbook"):
        load_glossary(tmp_path / "b.xlsx")


def test_lint_flags_renderings_joined_by_the_wrong_separator(tmp_path: Path) -> None:
    from editflow.glossary.lint import lint

    (tmp_path / "terms.csv").write_text("uk,en,forbidden\nрашизм,\"rashism;ruscism\",\n"
                                        "Київ,Kyiv,\"Kiev, Kiew\"\nцілодобово,24/7,\n", encoding="utf-8")
    _g, problems = lint([tmp_path])
    joined = [str(p) for p in problems if "joined by" in p.message]
    assert len(joined) == 2
    assert "'rashism;ruscism' looks like two renderings joined by ';'" in joined[0]
    assert "'Kiev, Kiew' looks like two variants joined by ','" in joined[1]
