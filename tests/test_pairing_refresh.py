"""A person's pairing decisions survive a re-alignment of changed inputs (align over an existing PO, build).

Pins, forbidden links, person-set roles and paragraph ids are kept where their paragraphs are still
in the files, and the refresh says which it could not keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_pairing import EN, UK

from editflow.cli import cli
from editflow.pairing import choose_headline, edit_english, link, load_pairing, save_pairing, set_role, unpair
from editflow.po import load_po


def write_texts(folder: Path, uk: list[str], en: list[str]) -> tuple[Path, Path]:
    (folder / "originals").mkdir(exist_ok=True)
    (folder / "translations").mkdir(exist_ok=True)
    o, t = folder / "originals" / "budget.uk.txt", folder / "translations" / "budget.en.txt"
    o.write_text("\n\n".join(uk) + "\n", encoding="utf-8")
    t.write_text("\n\n".join(en) + "\n", encoding="utf-8")
    return o, t


def align(o: Path, t: Path) -> str:
    result = CliRunner().invoke(cli, ["align", str(o), str(t), "--no-lexicon"])
    assert result.exit_code == 0, result.output
    return result.stderr


@pytest.fixture
def article(tmp_path: Path) -> tuple[Path, Path, Path]:
    o, t = write_texts(tmp_path, [u for u, _ in UK], [e for e, _ in EN])
    align(o, t)
    return o, t, t.with_name("budget.po")


def rows(po: Path) -> list[str]:
    p = load_pairing(po)
    return [p.describe(k) for k in range(len(p.rows))]


def test_pins_roles_and_forbidden_links_survive_a_changed_translation(article: tuple[Path, Path, Path]) -> None:
    o, t, po = article
    p = load_pairing(po)
    # A pin the aligner would not make by itself: en6 is an addition, the person says it goes with uk4.
    p = link(p, [4], [5, 6])
    p = choose_headline(p, 2)
    p = set_role(p, "en", 10, "credit")
    p = unpair(p, p.row_of("uk", 3))
    save_pairing(p)
    en = [e for e, _ in EN]
    en[8] = "The next session is scheduled for January 16."    # the translator changed a paragraph
    write_texts(t.parent.parent, [u for u, _ in UK], en)
    message = align(o, t)
    after = load_pairing(po)
    assert "uk4 ↔ en5-6" in rows(po) and after.rows[rows(po).index("uk4 ↔ en5-6")].pinned
    assert "uk3 ↔ en4" not in rows(po)
    assert (after.para("en", 2).role, after.para("en", 2).role_set) == ("title", True)
    assert (after.para("en", 1).role, after.para("en", 1).role_set) == ("headline", True)
    assert (after.para("en", 10).role, after.para("en", 10).role_set) == ("credit", True)
    assert "pinned pair" in message
    # The paragraph ids carried: the forbidden link still names live paragraphs.
    assert after.forbidden and {a for a, _ in after.forbidden} <= set(after.numbers())


def test_what_cannot_be_kept_is_named(article: tuple[Path, Path, Path]) -> None:
    o, t, po = article
    p = set_role(link(load_pairing(po), [4], [5, 6]), "en", 10, "credit")
    save_pairing(p)
    en = [e for e, _ in EN]
    del en[9]                # the credit line is gone
    del en[5]                # and a paragraph of the pinned pair
    write_texts(t.parent.parent, [u for u, _ in UK], en)
    message = align(o, t)
    assert "not carried: the role credit of en ¶10" in message
    assert "not carried: the pin on" in message and "not all in the inputs any more" in message


def test_build_keeps_them_too(article: tuple[Path, Path, Path]) -> None:
    o, t, po = article
    save_pairing(set_role(link(load_pairing(po), [4], [5, 6]), "en", 10, "credit"))
    t.write_text(t.read_text(encoding="utf-8").replace("January 15", "January 16"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-C", str(o.parent.parent), "--no-lexicon"])
    assert result.exit_code in (0, 1), result.output
    after = load_pairing(po)
    assert "uk4 ↔ en5-6" in rows(po) and after.para("en", 10).role == "credit"


def test_edited_english_recorded_per_paragraph_is_carried(article: tuple[Path, Path, Path]) -> None:
    o, t, po = article
    p = load_pairing(po)
    k = p.row_of("uk", 4)
    p = link(p, [4], [5, 6])
    p = edit_english(p, k, "Schools and hospitals will receive most of the money.\n\n"
                           "The city's hospitals will get new equipment.")
    save_pairing(p)
    t.write_text(t.read_text(encoding="utf-8").replace("January 15", "January 16"), encoding="utf-8")
    align(o, t)
    entry = next(e for e in load_po(po) if "most of the money" in e.msgstr)
    assert entry.msgstr.endswith("new equipment.")
    assert load_pairing(po).para("en", 5).edited
