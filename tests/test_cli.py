"""Tests for the `editflow` command line (click's CliRunner, in process).

Click ≥ 8.2 keeps stderr apart: `result.stdout` is stdout only, `result.stderr`
stderr only, `result.output` both as a terminal would show them.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from editflow.cli import cli, default_output
from editflow.po import load_po
from editflow.readers import read_document


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# ---------------------------------------------------------------------------
# Help
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_top_level_help_shows_the_typical_session(runner: CliRunner, flag: str) -> None:
    result = runner.invoke(cli, [flag])
    assert result.exit_code == 0, result.output
    assert "editflow align originals/war.uk.docx translations/war.en.docx" in result.stdout
    assert "align" in result.stdout.split("Commands:")[1]
    text = " ".join(result.stdout.split())
    assert ("Exit codes: 0 clean, 1 error-level findings, 2 usage or input error, 3 internal error "
            "(a bug; the traceback is saved to a file), 130 interrupted.") in text


def test_align_help_shows_the_examples_and_options(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["align", "--help"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Examples:" in out
    assert "editflow align originals/war.uk.docx translations/war.en.docx" in out
    assert "editflow align uk.txt en.txt -o pairs.tsv --glossary glossary/" in out
    for option in ("--output", "--glossary", "--threshold", "--force", "--json", "--quiet"):
        assert option in out


# ---------------------------------------------------------------------------
# Successful runs
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("war.en.docx", "war.po"),
    ("school.en.txt", "school.po"),
    ("school.EN.md", "school.po"),
    ("notes.txt", "notes.po"),
])
def test_default_output_name(name: str, expected: str) -> None:
    assert default_output(Path("translations") / name) == Path("translations") / expected


def test_align_writes_the_default_po_beside_the_translation(runner: CliRunner, article_pair) -> None:
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    out = article_pair.translation.parent / "school.po"
    assert files_in(out.parent) == ["school.en.txt", "school.po"]
    assert files_in(article_pair.original.parent) == ["school.uk.txt"]
    po = load_po(out)
    assert [e.msgid for e in po][:3] == article_pair.uk[:3]
    assert result.stdout == ""  # the summary goes to stderr
    assert f"wrote {out}" in result.stderr


def test_align_stderr_summary_counts_pairs_by_kind(runner: CliRunner, article_pair) -> None:
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation)])
    assert result.exit_code == 0, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{len(article_pair.uk)} Ukrainian and {len(article_pair.en)} English paragraphs")
    assert "10 pairs: 5 1-1, 1 1-2, 1 omissions, 3 additions" in first


def test_align_json_summary(runner: CliRunner, article_pair) -> None:
    out = article_pair.translation.parent / "school.po"
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"pairs", "kinds", "doubtful", "output"} <= set(data)
    assert data["output"] == str(out)
    assert data["pairs"] == len(load_po(out)) == 10
    assert data["kinds"] == {"1-1": 5, "1-2": 1, "1-0": 1, "0-1": 3}
    assert sum(data["kinds"].values()) == data["pairs"]
    assert data["paragraphs"] == {"uk": len(article_pair.uk), "en": len(article_pair.en)}
    assert isinstance(data["doubtful"], list)
    for d in data["doubtful"]:
        assert d["confidence"] < data["doubt_threshold"]
        assert d["doubtful"] is True
    fuzzy = [e for e in load_po(out) if e.fuzzy]
    assert len(fuzzy) == len(data["doubtful"])
    assert "wrote" not in result.stdout  # no human summary mixed into the JSON
    assert result.stderr == ""


def test_align_tsv_output(runner: CliRunner, article_pair, expected_beads) -> None:
    out = article_pair.root / "pairs.tsv"
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation),
                                 "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["output"] == str(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    beads = [tuple(tuple(int(x) for x in col.split(",") if x) for col in line.split("\t")[:2]) for line in lines]
    assert beads == expected_beads
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert not (article_pair.translation.parent / "school.po").exists()


def test_align_quiet_prints_nothing(runner: CliRunner, article_pair) -> None:
    result = runner.invoke(cli, ["align", "-q", str(article_pair.original), str(article_pair.translation)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (article_pair.translation.parent / "school.po").is_file()


def test_align_threshold_zero_marks_nothing_fuzzy(runner: CliRunner, article_pair) -> None:
    result = runner.invoke(cli, ["align", "--threshold", "0", str(article_pair.original),
                                 str(article_pair.translation), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["doubtful"] == []
    po = load_po(article_pair.translation.parent / "school.po")
    assert not any(e.fuzzy for e in po)
    assert po.metadata["X-Editflow-Doubt-Threshold"] == "0.00"


def test_align_refuses_to_overwrite_a_tsv_then_force_does(runner: CliRunner, article_pair) -> None:
    out = article_pair.root / "pairs.tsv"
    out.write_text("old\n", encoding="utf-8")
    args = ["align", str(article_pair.original), str(article_pair.translation), "-o", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "--force" in result.stderr and str(out) in result.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    result = runner.invoke(cli, args + ["--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") != "old\n"


def test_align_with_a_glossary(runner: CliRunner, article_pair) -> None:
    glossary = article_pair.root / "glossary" / "places.csv"
    glossary.parent.mkdir()
    glossary.write_text("uk,en,forbidden\nКиїв,Kyiv,Kiev\nОболонь,Obolon,\n", encoding="utf-8")
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation),
                                 "-g", str(glossary.parent), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"] == 10


# ---------------------------------------------------------------------------
# Bad inputs: exit 2, one line naming the file, no traceback, nothing written
# ---------------------------------------------------------------------------

def _missing(path: Path) -> Path:
    return path.with_name("nosuch.uk.txt")


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _binary(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    return path


def _corrupt_docx(path: Path) -> Path:
    bad = path.with_suffix("").with_suffix(".docx")
    bad.write_bytes(random.Random(20220224).randbytes(4096))
    return bad


def _truncated_docx(path: Path) -> Path:
    # A real Word file cut in half by a failed download: a zip without its directory.
    bad = path.with_suffix("").with_suffix(".docx")
    document = docx.Document()
    document.add_paragraph("Школу відкрили після відбудови.")
    document.save(str(bad))
    data = bad.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _empty_docx(path: Path) -> Path:
    bad = path.with_suffix("").with_suffix(".docx")
    docx.Document().save(str(bad))
    return bad


def _pdf(path: Path) -> Path:
    bad = path.with_suffix("").with_suffix(".pdf")
    bad.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    return bad


BAD_INPUTS = {
    "missing": (_missing, "does not exist"),
    "empty": (_empty, "has no text"),
    "binary": (_binary, "binary"),
    "corrupt-docx": (_corrupt_docx, "not a readable .docx"),
    "truncated-docx": (_truncated_docx, "not a readable .docx"),
    "empty-docx": (_empty_docx, "has no text"),
    "pdf": (_pdf, "unsupported file type '.pdf'"),
}


def assert_one_line_error(result, name: str, words: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert name in lines[0]
    assert words in lines[0]


@pytest.mark.parametrize("side", ["original", "translation"])
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_naming_the_file(runner: CliRunner, article_pair, case: str,
                                                         side: str) -> None:
    make, words = BAD_INPUTS[case]
    original, translation = article_pair.original, article_pair.translation
    if side == "original":
        original = make(original)
        bad = original
    else:
        translation = make(translation.with_name("school.en.txt"))
        bad = translation
    before = {d: files_in(d) for d in (article_pair.original.parent, article_pair.translation.parent)}
    result = runner.invoke(cli, ["align", str(original), str(translation)])
    assert_one_line_error(result, str(bad), words)
    after = {d: files_in(d) for d in before}
    assert after == before  # no output, no temp file
    assert not default_output(translation).exists()


def test_output_with_a_wrong_suffix_is_a_usage_error(runner: CliRunner, article_pair) -> None:
    out = article_pair.root / "pairs.csv"
    before = files_in(article_pair.root)
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation),
                                 "-o", str(out)])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    error = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert error == [f"Error: {out}: output must end in .po or .tsv"]
    assert "Usage:" in result.stderr
    assert files_in(article_pair.root) == before
    assert not (article_pair.translation.parent / "school.po").exists()


def test_missing_glossary_exits_2_naming_it(runner: CliRunner, article_pair) -> None:
    glossary = article_pair.root / "glossary" / "terms.csv"
    before = files_in(article_pair.translation.parent)
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation),
                                 "--glossary", str(glossary)])
    assert_one_line_error(result, str(glossary), "glossary not found")
    assert files_in(article_pair.translation.parent) == before


def test_glossary_without_required_columns_exits_2(runner: CliRunner, article_pair) -> None:
    glossary = article_pair.root / "terms.csv"
    glossary.write_text("term,translation\nКиїв,Kyiv\n", encoding="utf-8")
    result = runner.invoke(cli, ["align", str(article_pair.original), str(article_pair.translation),
                                 "-g", str(glossary)])
    assert_one_line_error(result, str(glossary), "lacks the column(s) uk, en")
    assert not (article_pair.translation.parent / "school.po").exists()


def test_unreadable_inputs_do_not_clobber_an_existing_po(runner: CliRunner, article_pair) -> None:
    result = runner.invoke(cli, ["align", "-q", str(article_pair.original), str(article_pair.translation)])
    assert result.exit_code == 0, result.output
    out = article_pair.translation.parent / "school.po"
    old = out.read_bytes()
    article_pair.translation.write_bytes(b"")
    result = runner.invoke(cli, ["align", "--force", str(article_pair.original), str(article_pair.translation)])
    assert_one_line_error(result, str(article_pair.translation), "has no text")
    assert out.read_bytes() == old


def test_docx_inputs_work_end_to_end(runner: CliRunner, article_pair) -> None:
    path = article_pair.root / "originals" / "school.uk.docx"
    document = docx.Document()
    document.add_paragraph(article_pair.uk[0], style="Title")
    for text in article_pair.uk[1:]:
        document.add_paragraph(text)
    document.save(str(path))
    result = runner.invoke(cli, ["align", str(path), str(article_pair.translation), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["paragraphs"]["uk"] == len(read_document(path).texts) == len(article_pair.uk)
    assert data["kinds"].get("1-2") == 1
