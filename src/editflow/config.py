"""Project settings from `editflow.toml`.

The file is found by walking up from the file a command works on, so that
`editflow check translations/war.po` picks up the project's settings.  The
sections read so far:

    [checks]
    ignore = ["typography.double-space"]     # codes or families switched off
    select = []                               # when non-empty, only these run
    [checks.severity]
    "names.spelling" = "warning"              # default severities overridden

    [style]
    quotes = "“”"                             # the English quotes the house wants
    ednote = "[{text} – ed.]"                 # the house format of an editor's note

Unknown keys are reported as warnings (a typo must not silently switch a
check back on); a wrong type is an error naming the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editflow.errors import InputError

CONFIG_NAME = "editflow.toml"
# A folder is a project root when it holds one of these.
_ROOT_MARKERS = (CONFIG_NAME, "glossary", "originals", ".git")


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
    severity: dict[str, str] = field(default_factory=dict)
    style: Style = field(default_factory=Style)
    warnings: list[str] = field(default_factory=list)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that looks like an editflow project."""
    here = Path(start).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        if any((folder / m).exists() for m in _ROOT_MARKERS):
            return folder
    return None


def _strings(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(path, f"'{key}' must be a list of strings", "e.g. ignore = [\"typography.quotes\"]")
    return list(value)


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    from editflow.model import SEVERITIES

    s = Settings(path=path, root=path.parent)
    known_top = {"checks", "style", "project", "languages", "glossary", "align", "export", "build"}
    for key in data:
        if key not in known_top:
            s.warnings.append(f"{path}: unknown section or key '{key}' ignored")
    checks = data.get("checks", {})
    if not isinstance(checks, dict):
        raise InputError(path, "'checks' must be a table", "write it as [checks]")
    for key, value in checks.items():
        if key == "ignore":
            s.ignore = _strings(value, "checks.ignore", path)
        elif key == "select":
            s.select = _strings(value, "checks.select", path)
        elif key == "severity":
            if not isinstance(value, dict):
                raise InputError(path, "'checks.severity' must be a table", "write it as [checks.severity]")
            for code, sev in value.items():
                if sev not in SEVERITIES:
                    raise InputError(path, f"'checks.severity.{code}' must be one of {', '.join(SEVERITIES)}, "
                                           f"not {sev!r}")
                s.severity[code] = sev
        else:
            s.warnings.append(f"{path}: unknown key 'checks.{key}' ignored")
    style = data.get("style", {})
    if not isinstance(style, dict):
        raise InputError(path, "'style' must be a table", "write it as [style]")
    for key, value in style.items():
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
            s.warnings.append(f"{path}: unknown key 'style.{key}' ignored")
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
