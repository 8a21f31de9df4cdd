"""Project settings from `editflow.toml` (`editflow init` writes one with every key documented).

The file is found by walking up from the current folder (or given with
`editflow --config FILE`).  Its values become the defaults of the command
options, so the precedence is: command-line flag > environment variable
`EDITFLOW_<COMMAND>_<OPTION>` (e.g. `EDITFLOW_ALIGN_THRESHOLD`) > this file >
built-in default.  Sections: [project] languages, [align] threshold,
[glossary] paths, [roles] boilerplate, [checks] ignore/select/severity, [style] quotes/ednote,
[export] template/subtitle.  The checks' on/off switches always apply; the
command line's --select/--ignore narrow them further.  Which names are check
codes is the checks' knowledge, not this module's: `editflow.checks` refuses
an unknown code in [checks] where it applies the settings.

Unknown keys are reported as warnings (a typo must not silently switch a
check back on); a wrong type is an error naming the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editflow.errors import InputError
from editflow.model import SEVERITIES, Severity, is_severity

CONFIG_NAME = "editflow.toml"
# A folder is a project root when it holds the settings file or the project layout.  Nothing
# else counts: a `.git` or a `glossary/` folder alone once made a git root the project, so that
# exports and the translation memory landed far from the article.
_LAYOUT = ("originals", "translations")


@dataclass
class Style:
    quotes: str = "“”"                 # opening and closing double quote the house wants
    ednote: str = "[{text} – ed.]"     # house format of an English editor's note


@dataclass
class Settings:
    path: Path | None = None           # the editflow.toml read, if any
    root: Path | None = None           # the project folder
    ignore: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)   # code or family → severity
    style: Style = field(default_factory=Style)
    source_language: str = "uk"
    target_language: str = "en"
    threshold: float | None = None     # align: doubt threshold (None: the aligner's calibrated default)
    glossary_paths: list[Path] = field(default_factory=list)   # resolved against the file's folder
    boilerplate: list[str] = field(default_factory=list)  # roles: extra web-furniture patterns (regexes)
    template: Path | None = None       # export: reference .docx
    subtitle: bool = False             # export: first headline variant as subtitle
    warnings: list[str] = field(default_factory=list)

    def glossary_sources(self, given: Sequence[Path] = ()) -> list[Path]:
        """The term bases to use: those given, else [glossary] paths, else the project's glossary/ folder."""
        if given:
            return [Path(g) for g in given]
        if self.glossary_paths:
            return list(self.glossary_paths)
        if self.root is not None and (self.root / "glossary").is_dir():
            return [self.root / "glossary"]
        return []

    def default_map(self) -> dict[str, dict[str, Any]]:
        """Defaults for the commands' options, for Click's `default_map` (flags and env vars still win)."""
        out: dict[str, dict[str, Any]] = {}
        if self.threshold is not None:
            out.setdefault("align", {})["threshold"] = self.threshold
        if self.glossary_paths:
            for cmd in ("align", "check", "build", "export"):
                out.setdefault(cmd, {})["glossaries"] = [str(p) for p in self.glossary_paths]
        if self.template is not None:
            for cmd in ("export", "build"):
                out.setdefault(cmd, {})["template"] = str(self.template)
        if self.subtitle:
            for cmd in ("export", "build"):
                out.setdefault(cmd, {})["subtitle"] = True
        return out


def is_project_root(folder: Path) -> bool:
    return (folder / CONFIG_NAME).is_file() or any((folder / d).is_dir() for d in _LAYOUT)


def find_root(start: Path | None = None) -> Path | None:
    """The project that `start` (a file or folder; default: the current folder) belongs to.

    The first folder at or above it holding `editflow.toml`, or `originals/` or
    `translations/`; None outside any project.
    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        if is_project_root(folder):
            return folder
    return None


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(path, f"'{key}' must be a list of strings", "e.g. ignore = [\"typography.quotes\"]")
    return list(value)


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(path, f"'{key}' must be a table", f"write it as [{key}]")
    return value


def _typed(value: Any, kind: type, key: str, path: Path, example: str) -> Any:
    ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        wanted = {str: "a string", bool: "true or false", float: "a number"}.get(kind, kind.__name__)
        raise InputError(path, f"'{key}' must be {wanted}, not {type(value).__name__}", f"e.g. {example}")
    return value


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    s = Settings(path=path, root=path.parent)
    base = path.parent

    def unknown(section: str, key: str) -> None:
        s.warnings.append(f"{path}: unknown key '{section + '.' if section else ''}{key}' ignored")

    for key in data:
        if key not in ("project", "align", "glossary", "roles", "checks", "style", "export"):
            unknown("", key)
    for key, value in _table(data, "project", path).items():
        if key in ("source_language", "target_language"):
            setattr(s, key, _typed(value, str, f"project.{key}", path, f'{key} = "uk"'))
        else:
            unknown("project", key)
    if (s.source_language, s.target_language) != ("uk", "en"):
        raise InputError(path, f"editflow works from Ukrainian into English, not "
                               f"{s.source_language}→{s.target_language}",
                         'set source_language = "uk" and target_language = "en"')
    for key, value in _table(data, "align", path).items():
        if key == "threshold":
            t = _typed(value, float, "align.threshold", path, "threshold = 0.85")
            if not 0.0 <= t <= 1.0:
                raise InputError(path, "'align.threshold' must be between 0 and 1", "e.g. threshold = 0.85")
            s.threshold = t
        else:
            unknown("align", key)
    for key, value in _table(data, "glossary", path).items():
        if key == "paths":
            s.glossary_paths = [base / p for p in _strings(value, "glossary.paths", path)]
        else:
            unknown("glossary", key)
    for key, value in _table(data, "roles", path).items():
        if key == "boilerplate":
            s.boilerplate = _strings(value, "roles.boilerplate", path)
            for pattern in s.boilerplate:
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise InputError(path, f"'roles.boilerplate' pattern {pattern!r} is not a valid regular "
                                           f"expression ({e})", "fix or quote it (TOML literal strings: '...')") from None
        else:
            unknown("roles", key)
    for key, value in _table(data, "checks", path).items():
        if key == "ignore":
            s.ignore = _strings(value, "checks.ignore", path)
        elif key == "select":
            s.select = _strings(value, "checks.select", path)
        elif key == "severity":
            if not isinstance(value, dict):
                raise InputError(path, "'checks.severity' must be a table", "write it as [checks.severity]")
            for code, sev in value.items():
                if not is_severity(sev):
                    raise InputError(path, f"'checks.severity.{code}' must be one of {', '.join(SEVERITIES)}, "
                                           f"not {sev!r}")
                s.severity[code] = sev
        else:
            unknown("checks", key)
    for key, value in _table(data, "style", path).items():
        if key == "quotes":
            if not isinstance(value, str) or len(value) != 2:
                raise InputError(path, "'style.quotes' must be two characters, opening and closing",
                                 'e.g. quotes = "“”"')
            s.style.quotes = value
        elif key == "ednote":
            if not isinstance(value, str) or "{text}" not in value:
                raise InputError(path, "'style.ednote' must be a string containing {text}",
                                 'e.g. ednote = "[{text} – ed.]"')
            s.style.ednote = value
        else:
            unknown("style", key)
    for key, value in _table(data, "export", path).items():
        if key == "template":
            s.template = base / _typed(value, str, "export.template", path, 'template = "house.docx"')
        elif key == "subtitle":
            s.subtitle = _typed(value, bool, "export.subtitle", path, "subtitle = true")
        else:
            unknown("export", key)
    return s


def load_settings(start: Path | None = None, path: Path | None = None) -> Settings:
    """Settings for work on `start` (a file or folder), or from the config file `path`."""
    if path is None:
        root = find_root(start or Path.cwd())
        if root is None or not (root / CONFIG_NAME).is_file():
            return Settings(root=root)
        path = root / CONFIG_NAME
    try:
        data = tomllib.loads(Path(path).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise InputError(path, "settings file not found") from None
    except UnicodeDecodeError:
        raise InputError(path, "settings file is not UTF-8", "save it as UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(path, f"not valid TOML ({e})", "fix the line named") from None
    return parse_settings(data, Path(path))
