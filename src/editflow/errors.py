"""User-facing errors.

They derive from click.ClickException so that the CLI prints the one-line
message without a traceback.  The exit codes are defined here, once, and
documented in `editflow --help`.
"""

from __future__ import annotations

from pathlib import Path

import click

EXIT_OK = 0            # clean
EXIT_FINDINGS = 1      # error-level findings (or, for build, an article with them)
EXIT_INPUT = 2         # usage or input error: a file or option editflow cannot use
EXIT_INTERNAL = 3      # a bug in editflow; the traceback is saved to a file
EXIT_INTERRUPTED = 130  # Ctrl-C; nothing is left half-written


class EditflowError(click.ClickException):
    exit_code = EXIT_INPUT


class InputError(EditflowError):
    """A file the user gave us cannot be used; the message names it and says what to do."""

    def __init__(self, path: Path | str | None, problem: str, hint: str = "") -> None:
        where = f"{path}: " if path is not None else ""
        msg = f"{where}{problem}"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)
        self.path = path
