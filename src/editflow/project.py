"""A newsroom project on disk: the layout, its articles, and `editflow init`.

    editflow.toml
    originals/<slug>.uk.{docx,md,txt,html,htm,mhtml}   (a page saved from the browser too)
    translations/<slug>.en.{docx,md,txt,html,htm,mhtml}
    translations/<slug>.po          the working file
    glossary/*.csv|*.tbx|*.po
    build/                          exports (not committed)
    .editflow/tm.sqlite             translation memory (rebuildable, not committed)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editflow.config import CONFIG_NAME
from editflow.errors import InputError
from editflow.fileio import atomic_write

# Preference order when one slug has several files: what a desk writes before what it saved from the web.
FORMATS = (".docx", ".md", ".txt", ".html", ".htm", ".mhtml", ".mht")
_NAMED = FORMATS[:3]  # what messages suggest naming a missing file: how a desk saves a text


@dataclass
class Article:
    slug: str
    original: Path | None
    translation: Path | None
    po: Path
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.original is not None and self.translation is not None

    @property
    def missing(self) -> str:
        """What an incomplete article lacks, with the name editflow expects for it."""
        if self.original is None:
            return f"no original (expected originals/{self.slug}.uk{'|'.join(_NAMED)})"
        if self.translation is None:
            return f"no translation (expected translations/{self.slug}.en{'|'.join(_NAMED)})"
        return ""


@dataclass
class Skipped:
    """A file in originals/ or translations/ that is no article's, and why."""
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: skipped, {self.reason}"


# Files editflow itself keeps in translations/ beside the articles: never "skipped".
_OWN_SUFFIXES = (".po", ".dismissed", ".json", ".lock", ".tmp")


def skipped_files(root: Path) -> list[Skipped]:
    """Files a desk put in originals/ or translations/ that `build` cannot use, with the name it expects.

    A translation in an unsupported format (`war.en.pdf`), a file named without the language part
    (`war.docx` in originals/ should be `war.uk.docx`), a file whose language part is the other
    side's (`war.en.txt` in originals/).
    """
    out: list[Skipped] = []
    for folder, lang, other in (("originals", "uk", "en"), ("translations", "en", "uk")):
        d = Path(root) / folder
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if not p.is_file() or p.name.startswith((".", "~$")) or p.suffix.lower() in _OWN_SUFFIXES:
                continue
            if p.name.lower() in ("readme.md", "readme.txt", "readme"):
                continue  # a folder's own notes
            suffix = p.suffix.lower()
            stem = p.name[: -len(p.suffix)] if p.suffix else p.name
            tagged = stem.lower().endswith(f".{lang}")
            if tagged and suffix in FORMATS:
                continue  # an article's file
            if tagged:
                out.append(Skipped(p, f"{p.suffix or 'no extension'} is not a format editflow reads; save it as "
                                      f"{stem}{' or '.join(_NAMED)}"))
            elif stem.lower().endswith(f".{other}"):
                out.append(Skipped(p, f"a .{other}. file in {folder}/; move it to "
                                      f"{'translations' if other == 'en' else 'originals'}/"))
            else:
                base = stem.split(".")[0] if "." in stem else stem
                ext = suffix if suffix in FORMATS else FORMATS[0]
                out.append(Skipped(p, f"its name lacks the .{lang}. part; editflow expects {folder}/{base}.{lang}{ext}"))
    return out


def _by_slug(folder: Path, lang: str) -> tuple[dict[str, Path], list[str]]:
    found: dict[str, list[Path]] = {}
    if folder.is_dir():
        for p in folder.iterdir():
            if not p.is_file() or p.name.startswith((".", "~$")):  # hidden files, Word lock files
                continue
            suffix = p.suffix.lower()
            stem = p.name[: -len(p.suffix)] if p.suffix else p.name
            if suffix in FORMATS and stem.lower().endswith(f".{lang}"):
                found.setdefault(stem[: -len(lang) - 1], []).append(p)
    out: dict[str, Path] = {}
    warnings: list[str] = []
    for slug, paths in found.items():
        paths.sort(key=lambda p: FORMATS.index(p.suffix.lower()))
        out[slug] = paths[0]
        if len(paths) > 1:
            warnings.append(f"{slug}: several {lang} files ({', '.join(p.name for p in paths)}); "
                            f"using {paths[0].name}")
    return out, warnings


def find_articles(root: Path) -> list[Article]:
    """Every article of the project, complete or not, in slug order."""
    root = Path(root)
    if not (root / "originals").is_dir() and not (root / "translations").is_dir():
        raise InputError(root, "not an editflow project (no originals/ or translations/ folder)",
                         "run 'editflow init' or give the project folder")
    originals, w1 = _by_slug(root / "originals", "uk")
    translations, w2 = _by_slug(root / "translations", "en")
    warns = w1 + w2
    articles = []
    for slug in sorted(originals.keys() | translations.keys()):
        a = Article(slug, originals.get(slug), translations.get(slug), root / "translations" / f"{slug}.po")
        a.warnings = [w for w in warns if w.startswith(f"{slug}:")]
        articles.append(a)
    return articles


CONFIG_TEMPLATE = """\
# editflow project settings.  Every setting is shown with its built-in default,
# commented out; uncomment and change what your desk needs.
# Precedence: command-line flag > environment variable EDITFLOW_* > this file > built-in.

[project]
# source_language = "uk"
# target_language = "en"

[align]
# Confidence below which a pair is doubtful (marked fuzzy in the PO).
# threshold = 0.95

[glossary]
# Term bases (CSV, TBX, PO), files or folders, relative to this file.
# paths = ["glossary"]

[roles]
# Extra patterns (Python regular expressions, searched case-insensitively) that mark a
# paragraph as web furniture of your site, on top of the built-in ones ("Share This", ...).
# boilerplate = ['^Підписуйтесь на наш', '^Follow us on']

[checks]
# Check codes or families switched off for the whole project, e.g. ["names", "typography.double-space"].
# 'editflow check --list-codes' lists them; an unknown name is refused, not ignored.
# ignore = []
# When not empty, only these run.
# select = []

[checks.severity]
# Default severities overridden, per code or family (a code's own line wins): "error", "warning" or "info".
# "names.spelling" = "warning"

[style]
# The English double quotes the house wants, opening and closing.
# quotes = "“”"
# The house format of an editor's note in the English.
# ednote = "[{text} – ed.]"

[export]
# A styled reference .docx whose styles, page setup, headers and footers the
# publication export uses (like pandoc's --reference-doc).
# template = "house.docx"
# Keep the first alternative headline as a subtitle instead of dropping it.
# subtitle = false
"""

GLOSSARY_HEADER = "uk,en,forbidden,note,context,case,match\n"
GITIGNORE = "# editflow: exports and the translation memory are rebuilt from the sources\nbuild/\n.editflow/\n"


def init_project(root: Path) -> list[tuple[Path, str]]:
    """Create the layout in `root`; existing files are never overwritten.

    Returns (path, what happened) for each item: "created" or "kept".
    """
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise InputError(root, "exists and is not a folder", "give a folder for the new project")
    done: list[tuple[Path, str]] = []
    for d in ("originals", "translations", "glossary"):
        p = root / d
        state = "kept" if p.is_dir() else "created"
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(p, f"cannot create the folder ({e.strerror})") from None
        done.append((p, state))
    files = {
        root / CONFIG_NAME: CONFIG_TEMPLATE,
        root / "glossary" / "terms.csv": GLOSSARY_HEADER,
        root / ".gitignore": GITIGNORE,
    }
    for p, text in files.items():
        if p.exists():
            done.append((p, "kept"))
            continue
        atomic_write(p, text)
        done.append((p, "created"))
    return done
