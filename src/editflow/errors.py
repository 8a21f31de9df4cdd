"""User-facing errors, the exit codes, and how a bug is reported.

They derive from click.ClickException so that the CLI prints the one-line
message without a traceback.  The exit codes are defined here, once, and
documented in `editflow --help`; a bug's traceback goes to a file in the temp
folder (`write_traceback`), so that it never reads as findings or input trouble.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
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


def write_traceback(exc: BaseException, label: str = "") -> Path | None:
    """Write `exc`'s traceback to a new file `editflow-<label>-<time>-….txt` in the temp folder.

    Returns the file, or None when it could not be written (a full or
    read-only temp folder must not hide the error being reported).
    """
    from editflow import __version__

    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in label)[:60]
    prefix = f"editflow-{safe}-" if safe else "editflow-"
    try:
        # A unique name: two articles failing in the same second must not share a file.
        fd, name = tempfile.mkstemp(prefix=f"{prefix}{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"editflow {__version__}{f' ({label})' if label else ''}\n")
            traceback.print_exception(type(exc), exc, exc.__traceback__, file=fh)
    except OSError:
        return None
    return Path(name)


def report_internal_error(exc: BaseException, label: str = "") -> str:
    """Write the traceback of a bug to the temp folder; return one line: the exception and that file."""
    text = " ".join(str(exc).split())
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    written = write_traceback(exc, label)
    where = f"the traceback is in {written}" if written else "the traceback could not be saved to the temp folder"
    # Worded as the command line's own internal-error message, so that both read alike.
    return f"internal error ({what}); {where}"
