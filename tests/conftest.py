"""Shared fixtures: system-tool gating, LibreOffice conversion, and a small Ukrainian/English article pair.

System tools: `require_tool("msgfmt")` returns the tool's path, skips the test
with the package to install when it is missing, and fails instead under
EDITFLOW_REQUIRE_TOOLS=1 (CI).

LibreOffice, to prove that a real word processor opens an export:

    def test_opens(tmp_path, soffice_pdf, pdftotext):
        pdf = soffice_pdf(docx_path)          # LibreOffice headless → a PDF in a temporary folder
        assert "Kyiv" in pdftotext(pdf)

`soffice_pdf(docx, outdir=None, timeout=120)` converts with a fresh
LibreOffice profile per call (two conversions sharing a profile fail) into
`outdir` (default: a new pytest temporary folder) and returns the PDF's path; a failed or timed-out
conversion fails the test with LibreOffice's output.  `pdftotext(pdf)`
returns the PDF's text (poppler, `-layout` off, so a paragraph's words read
in order).  Both skip (or fail under CI) when `soffice` / `pdftotext` are
missing (packages libreoffice-writer-nogui, poppler-utils).  Each conversion
costs a few seconds: convert one or two documents per test module, from a
module-scoped fixture (use `soffice_pdf_module` / `pdftotext_module` there).

The article below was written for these tests (a made-up local news piece).
Its shape is chosen so that a correct alignment has every interesting bead:
a headline, 1-1 body paragraphs with numbers and names, one Ukrainian
paragraph the English splits in two (1-2), one Ukrainian paragraph the
English omits (1-0), and an English-only web boilerplate tail (0-1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, NamedTuple

import pytest

# ---------------------------------------------------------------------------
# System tools
# ---------------------------------------------------------------------------

# Which distribution package provides a tool, for the skip message.
_TOOL_PACKAGES = {"msgfmt": "gettext", "msgcat": "gettext", "msgmerge": "gettext", "msguniq": "gettext",
                  "soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils",
                  "pdftoppm": "poppler-utils", "chromium": "chromium", "omegat": "omegat"}


def tools_required() -> bool:
    """CI sets EDITFLOW_REQUIRE_TOOLS=1: a missing tool is then a failure, not a skip."""
    return os.environ.get("EDITFLOW_REQUIRE_TOOLS", "").strip().lower() not in ("", "0", "false", "no")


def require_tool(name: str) -> str:
    """The path of system tool `name`; skip the test when it is missing (fail under CI)."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} not installed (apt-get install {_TOOL_PACKAGES.get(name, name)})"
    if tools_required():
        pytest.fail(f"{message}; EDITFLOW_REQUIRE_TOOLS is set, so this is an error", pytrace=False)
    pytest.skip(message)


@pytest.fixture(name="require_tool")
def require_tool_fixture() -> Callable[[str], str]:
    """`require_tool("msgfmt")` inside a test: see `require_tool` above."""
    return require_tool


# ---------------------------------------------------------------------------
# LibreOffice: does a real word processor open the document?
# ---------------------------------------------------------------------------

def soffice_convert(docx_path: Path, outdir: Path, target: str = "pdf", timeout: float = 120) -> Path:
    """`docx_path` converted by LibreOffice headless into `outdir` (`target`: "pdf", or
    "docx:MS Word 2007 XML" to open and save again as Word); the new file's path.

    The one way tests call LibreOffice.  Every call gets its own LibreOffice profile
    (UserInstallation), removed afterwards: two conversions on one profile at once fail, and a
    user's own profile must not be touched.
    """
    soffice = require_tool("soffice")
    docx_path, outdir = Path(docx_path), Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="editflow-lo-"))
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck",
           f"-env:UserInstallation={(work / 'profile').as_uri()}",
           "--convert-to", target, "--outdir", str(outdir), str(docx_path)]
    # HOME in the work folder keeps LibreOffice out of the user's ~/.config;
    # without dconf (GSETTINGS_BACKEND=memory) nothing writes there after the
    # conversion returns, so the folder really goes.
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env=os.environ | {"HOME": str(work), "GSETTINGS_BACKEND": "memory"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"LibreOffice took more than {timeout:.0f} s to convert {docx_path.name}", pytrace=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = outdir / (docx_path.stem + "." + target.split(":")[0])
    if proc.returncode != 0 or not out.is_file():
        pytest.fail(f"LibreOffice could not convert {docx_path.name} (exit {proc.returncode}):\n"
                    f"{proc.stdout}{proc.stderr}", pytrace=False)
    return out


def convert_to_pdf(docx_path: Path, outdir: Path, timeout: float = 120) -> Path:
    """`docx_path` converted by LibreOffice headless into `outdir`; the PDF's path."""
    return soffice_convert(docx_path, outdir, "pdf", timeout)


def pdf_text(pdf_path: Path, timeout: float = 60) -> str:
    """The text of a PDF, via poppler's pdftotext."""
    tool = require_tool("pdftotext")
    proc = subprocess.run([tool, "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True,
                          timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"pdftotext failed on {pdf_path}: {proc.stderr.decode(errors='replace')}", pytrace=False)
    return proc.stdout.decode("utf-8")


def _pdf_converter(factory: pytest.TempPathFactory) -> Callable[..., Path]:
    def convert(docx_path: Path, outdir: Path | None = None, timeout: float = 120) -> Path:
        return convert_to_pdf(docx_path, outdir if outdir is not None else factory.mktemp("pdf"), timeout)

    return convert


@pytest.fixture(name="soffice_pdf")
def soffice_pdf_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`soffice_pdf(docx_path, outdir=None) -> pdf_path` inside a test: see `convert_to_pdf`."""
    return _pdf_converter(tmp_path_factory)


@pytest.fixture(name="pdftotext")
def pdftotext_fixture() -> Callable[..., str]:
    """`pdftotext(pdf_path) -> str` inside a test: see `pdf_text`."""
    return pdf_text


@pytest.fixture(name="soffice_pdf_module", scope="module")
def soffice_pdf_module_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`soffice_pdf` for module-scoped fixtures (convert once, check in many tests)."""
    return _pdf_converter(tmp_path_factory)


@pytest.fixture(name="pdftotext_module", scope="module")
def pdftotext_module_fixture() -> Callable[..., str]:
    """`pdftotext` for module-scoped fixtures."""
    return pdf_text


# ---------------------------------------------------------------------------
# The article
# ---------------------------------------------------------------------------

UK_PARAGRAPHS = [
    # 0 headline
    "У Києві відкрили відбудовану школу на Оболоні",
    # 1
    "Школу № 251 на Оболоні, яку зруйнував російський ракетний удар 24 лютого 2022 року, "
    "відкрили після відбудови. На урочисту лінійку прийшли понад 600 учнів та їхні батьки.",
    # 2
    "Відбудова тривала майже два роки й коштувала 148 мільйонів гривень. Половину суми "
    "надали міжнародні партнери, решту виділив бюджет Києва.",
    # 3 -> split in two by the translation
    "«Ми повернулися додому», — сказала директорка школи Олена Мельник. За її словами, у "
    "новому корпусі обладнали укриття на 900 місць, тож навчання не перериватиметься під "
    "час повітряних тривог.",
    # 4
    "Міський голова Віталій Кличко подякував будівельникам і зазначив, що в Києві ще 37 "
    "освітніх закладів потребують ремонту після обстрілів.",
    # 5 -> omitted by the translation
    "Раніше мешканці району збирали підписи за те, щоб школу відновили саме на старому "
    "місці, а не перенесли до іншого мікрорайону.",
    # 6
    "Наступного тижня в школі відкриють басейн і спортивну залу, які також постраждали "
    "від удару.",
]

EN_PARAGRAPHS = [
    "Kyiv reopens rebuilt school in Obolon",
    "School No. 251 in Obolon, destroyed by a Russian missile strike on February 24, 2022, "
    "has reopened after reconstruction. More than 600 pupils and their parents attended the "
    "opening ceremony.",
    "The reconstruction took almost two years and cost 148 million hryvnias. International "
    "partners provided half of the money, and Kyiv's city budget covered the rest.",
    '"We have come home," said the school\'s principal, Olena Melnyk.',
    "According to her, the new building has a shelter for 900 people, so lessons will not be "
    "interrupted during air raid alerts.",
    "Mayor Vitali Klitschko thanked the builders and noted that 37 more educational "
    "institutions in Kyiv need repairs after the shelling.",
    "Next week the school will open a swimming pool and a gym, which were also damaged in "
    "the strike.",
    # English-only web furniture copied along with the article
    "Share This",
    "Facebook",
    "Twitter",
]

# The alignment a reader would make: (Ukrainian indexes, English indexes).
EXPECTED_BEADS = [
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2,)),
    ((3,), (3, 4)),
    ((4,), (5,)),
    ((5,), ()),
    ((6,), (6,)),
    ((), (7,)),
    ((), (8,)),
    ((), (9,)),
]


class ArticlePair(NamedTuple):
    original: Path
    translation: Path
    uk: list[str]   # the paragraphs written to `original`
    en: list[str]   # the paragraphs written to `translation`

    @property
    def root(self) -> Path:
        return self.original.parent.parent


def write_paragraphs(path: Path, paragraphs: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def make_pair(tmp_path: Path) -> Callable[..., ArticlePair]:
    """Write `originals/<slug>.uk.txt` and `translations/<slug>.en.txt` under tmp_path."""

    def make(uk: list[str] | None = None, en: list[str] | None = None, slug: str = "school",
             root: Path | None = None) -> ArticlePair:
        base = root or tmp_path
        uk = list(UK_PARAGRAPHS if uk is None else uk)
        en = list(EN_PARAGRAPHS if en is None else en)
        original = write_paragraphs(base / "originals" / f"{slug}.uk.txt", uk)
        translation = write_paragraphs(base / "translations" / f"{slug}.en.txt", en)
        return ArticlePair(original, translation, uk, en)

    return make


@pytest.fixture
def article_pair(make_pair: Callable[..., ArticlePair]) -> ArticlePair:
    """The school article as tmp_path/originals/school.uk.txt and tmp_path/translations/school.en.txt."""
    return make_pair()


@pytest.fixture
def source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> int:
    """A fixed SOURCE_DATE_EPOCH (2023-11-14 22:13:20 UTC) for reproducible PO headers."""
    epoch = 1_700_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    return epoch


@pytest.fixture
def expected_beads() -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The reader's alignment of the school article (see EXPECTED_BEADS)."""
    return list(EXPECTED_BEADS)
