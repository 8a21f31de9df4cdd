"""User-facing errors.

They derive from click.ClickException so that the CLI prints the one-line
message without a traceback; exit code 2 marks a usage or input error
(0 clean, 1 findings, 2 usage/input error).
"""

from __future__ import annotations

from pathlib import Path

import click


class EditflowError(click.ClickException):
    exit_code = 2


class InputError(EditflowError):
    """A file the user gave us cannot be used; the message names it and says what to do."""

    def __init__(self, path: Path | str | None, problem: str, hint: str = "") -> None:
        where = f"{path}: " if path is not None else ""
        msg = f"{where}{problem}"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)
        self.path = path
