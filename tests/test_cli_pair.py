"""`editflow pair`: the pairing operations from the command line (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_pairing import make_alignment

from editflow.cli import cli
from editflow.pairing import edit_english, load_pairing, save_pairing
from editflow.po import SEP, alignment_to_po


@pytest.fixture
def po_path(tmp_path: Path) -> Path:
    path = tmp_path / "budget.po"
    path.write_text(str(alignment_to_po(make_alignment(), path)) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--no-lexicon"] if "--realign" in args else list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(po_path: Path) -> list[str]:
    p = load_pairing(po_path)
    return [p.describe(k) for k in range(len(p.rows))]


def test_link_writes_one_pinned_row(po_path: Path) -> None:
    code, _out, err = run("pair", str(po_path), "--link", "5=7")
    assert code == 0, err
    assert "uk5 ↔ en7" in rows(po_path) and "uk6 ↔ en —" in rows(po_path)
    assert load_pairing(po_path).rows[5].pinned
    assert "1 row(s) changed" not in err and "changed:" in err and "saved" in err


def test_several_links_at_once_and_realign(po_path: Path) -> None:
    code, _out, err = run("pair", str(po_path), "--link", "4=5,6", "--link", "5=7", "--realign")
    assert code == 0, err
    assert rows(po_path)[4:8] == ["uk4 ↔ en5-6", "uk5 ↔ en7", "uk6 ↔ en8", "uk7 ↔ en9"]


def test_a_refused_request_writes_nothing_and_exits_2(po_path: Path) -> None:
    code, _out, err = run("pair", str(po_path), "--pin", "uk5")     # uk5-6 ↔ en7
    assert code == 0, err
    before = po_path.read_bytes()
    code, _out, err = run("pair", str(po_path), "--link", "7=6", "--role", "en10=credit")
    assert code == 2 and "cross a pinned row" in err
    assert po_path.read_bytes() == before
    code, _out, err = run("pair", str(po_path), "--link", "3=4", "--unpair", "uk3")
    assert code == 2 and "undoes --link 3=4" in err
    code, _out, err = run("pair", str(po_path), "--pin", "uk99")
    assert code == 2 and "there is no uk99" in err
    code, _out, err = run("pair", str(po_path), "--pin", "3")
    assert code == 2 and "uk<number> or en<number>" in err
    code, _out, err = run("pair", str(po_path), "--link", "3")
    assert code == 2 and "UK=EN" in err
    assert po_path.read_bytes() == before


def test_unpair_pin_unpin(po_path: Path) -> None:
    code, _out, err = run("pair", str(po_path), "--unpair", "en8", "--pin", "uk3")
    assert code == 0, err
    p = load_pairing(po_path)
    assert "uk7 ↔ en —" in rows(po_path) and p.rows[p.row_of("uk", 3)].pinned
    assert p.forbidden
    code, _out, err = run("pair", str(po_path), "--unpin", "en4", "--realign")
    assert code == 0, err
    assert "uk7 ↔ en8" not in rows(po_path)     # the forbidden link stays forbidden


def test_roles_and_the_headline(po_path: Path) -> None:
    code, _out, err = run("pair", str(po_path), "--headline", "en2", "--role", "en10=credit")
    assert code == 0, err
    p = load_pairing(po_path)
    assert p.para("en", 2).role == "title" and p.para("en", 1).role == "headline"
    assert p.para("en", 10).role == "credit"
    code, _out, err = run("pair", str(po_path), "--headline", "uk1")
    assert code == 2 and "English paragraph" in err
    code, _out, err = run("pair", str(po_path), "--role", "en3=sidebar")
    assert code == 2 and "is not a role" in err


def test_dry_run_writes_nothing(po_path: Path) -> None:
    before = po_path.read_bytes()
    code, _out, err = run("pair", str(po_path), "--link", "5=7", "--realign", "--dry-run")
    assert code == 0, err
    assert "would change" in err and "not written" in err
    assert po_path.read_bytes() == before


def test_json_is_align_json_shape(po_path: Path) -> None:
    code, out, err = run("pair", str(po_path), "--link", "5=7", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["paragraphs"] == {"uk": 7, "en": 10} and data["written"] is True
    assert data["pinned"][0]["where"] == "uk ¶5 ↔ en ¶7"
    assert {"kinds", "doubtful", "unpaired", "doubt_threshold"} <= set(data)
    code, out, _err = run("pair", str(po_path), "--json")   # no request: shows, writes nothing
    assert json.loads(out)["written"] is False


def test_cutting_edited_english_needs_yes(po_path: Path) -> None:
    p = load_pairing(po_path)
    save_pairing(edit_english(p, 4, "Schools and hospitals will receive the most money." + SEP + "Hospitals first."
                              + SEP + "The city's hospitals will get new equipment."))
    code, _out, err = run("pair", str(po_path), "--link", "4=5")
    assert code == 2 and "cut English edited in the PO in two" in err and "--yes" in err
    code, _out, err = run("pair", str(po_path), "--link", "4=5", "--yes")
    assert code == 0, err
    assert load_pairing(po_path).para("en", 6).edited


def test_pair_works_without_the_original_files(po_path: Path, tmp_path: Path) -> None:
    # The PO names inputs that do not exist: re-pairing needs only the PO.
    assert not (tmp_path / "budget.uk.txt").exists()
    code, _out, err = run("pair", str(po_path), "--realign")
    assert code == 0, err


def test_a_read_only_po_is_left_as_it_is(po_path: Path) -> None:
    before = po_path.read_bytes()
    po_path.chmod(0o444)
    try:
        code, _out, err = run("pair", str(po_path), "--link", "5=7")
        assert code == 2 and "is read-only, so editflow will not write the pairing into it" in err
        assert po_path.read_bytes() == before
    finally:
        po_path.chmod(0o644)
