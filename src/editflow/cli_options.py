"""The command line's shared pieces: options that several commands take, the settings of one run,
and the top-level error handling that turns every outcome into the documented exit code.

Options are declared once here and applied as decorators, so `--json` means the same thing, with
the same help, on every command that has it (as sqlite-utils does with its shared options).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from editflow.config import Settings, find_root, load_settings
from editflow.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, InputError, report_internal_error

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = ("Exit codes: 0 clean, 1 error-level findings, 2 usage or input error, "
                   "3 internal error (a bug; the traceback is saved to a file), 130 interrupted.")


# --------------------------------------------------------------------------- options

def json_option(help: str = "Print the result as JSON on stdout.") -> Callable[[F], F]:
    return click.option("--json", "as_json", is_flag=True, help=help)


def glossary_option(help: str = "Glossary (CSV, TBX, PO) or folder of them. Repeatable. "
                                "Default: [glossary] paths in editflow.toml, else the project's glossary/."
                    ) -> Callable[[F], F]:
    return click.option("-g", "--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
                        help=help)


def force_option(help: str) -> Callable[[F], F]:
    return click.option("-f", "--force", is_flag=True, help=help)


def lexicon_options(fn: F) -> F:
    """`--lexicon PATH` and `--no-lexicon`: which word-translation lexicon the aligner uses."""
    fn = click.option("--no-lexicon", is_flag=True,
                      help="Align on lengths, anchors and roles only, without a word-translation lexicon.")(fn)
    return click.option("--lexicon", "lexicon_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                        help="Word-translation lexicon to align with (a file 'editflow tm lexicon --export' "
                             "writes). Default: the project's, learned from its translation memory, else the "
                             "starter lexicon shipped with editflow.")(fn)


def chosen_lexicon_source(lexicon_path: Path | None, no_lexicon: bool) -> tuple[Path | None, bool]:
    """(file, enabled) from the two lexicon options; both at once is a usage error."""
    if lexicon_path is not None and no_lexicon:
        raise click.UsageError("give --lexicon PATH or --no-lexicon, not both")
    return lexicon_path, not no_lexicon


def project_option(fn: F) -> F:
    """`--project/-C DIR`, the one spelling of "which project" on every command that works on one."""
    return click.option("-C", "--project", "project_option", metavar="DIR",
                        type=click.Path(path_type=Path, file_okay=False, exists=True),
                        help="Project folder (default: the project around the current folder).")(fn)


def project_argument(fn: F) -> F:
    """The documented positional PROJECT, kept as an alias of `--project/-C`."""
    return click.argument("project", type=click.Path(path_type=Path, file_okay=False, exists=True),
                          required=False)(project_option(fn))


def chosen_project(positional: Path | None, option: Path | None) -> Path | None:
    if positional is not None and option is not None and positional.resolve() != option.resolve():
        raise click.UsageError(f"two projects given ({positional} and --project {option}); give one")
    return option if option is not None else positional


# --------------------------------------------------------------------------- settings of one run

@dataclass
class Run:
    """What the group's options decided, shared by the command that runs (Click's ctx.obj).

    Settings are read once per project folder and run: with `--config FILE` that file applies to
    everything; without it, each file's own project (found from the file's folder upward, else
    from the current folder) decides.
    """

    config: Path | None = None
    debug: bool = False
    _loaded: dict[Path | None, Settings] = field(default_factory=dict)

    def settings_for(self, anchor: Path | None = None) -> Settings:
        if self.config is not None:
            key: Path | None = None
        else:
            key = find_root(anchor)
        if key not in self._loaded:
            if self.config is not None:
                settings = load_settings(path=self.config)
            else:
                settings = load_settings(key) if key is not None else Settings()
            for w in settings.warnings:
                click.echo(f"warning: {w}", err=True)
            self._loaded[key] = settings
        return self._loaded[key]

    def project_root(self, given: Path | None) -> Path:
        """The project folder a project-wide command works on: the one given, else the current one's."""
        if given is not None:
            return given
        if self.config is not None:
            root = load_settings(path=self.config).root
            if root is not None:
                return root
        root = find_root(Path.cwd())
        if root is None:
            raise InputError(Path.cwd(), "not inside an editflow project (no editflow.toml, originals/ or "
                                         "translations/ here or above)",
                             "run 'editflow init', or give the project folder with --project/-C")
        return root


def current_run(ctx: click.Context) -> Run:
    obj = ctx.find_object(Run)
    if obj is None:  # a command invoked on its own, without the group (tests, scripts)
        obj = ctx.ensure_object(Run)
    return obj


# --------------------------------------------------------------------------- errors → exit codes

class InternalError(click.ClickException):
    """A bug: editflow itself failed.  Exit 3, never 1, so CI does not read a crash as findings."""

    exit_code = EXIT_INTERNAL


class Interrupted(click.ClickException):
    exit_code = EXIT_INTERRUPTED

    def show(self, file: Any = None) -> None:
        click.echo(f"editflow: {self.format_message()}", err=True)


def internal_error(exc: BaseException, debug: bool) -> InternalError:
    if debug:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    line = report_internal_error(exc, "crash")  # the one place that decides where tracebacks go
    if "could not be saved" in line:
        line += "; run again with --debug to see it"
    return InternalError(f"{line}. This is a bug in editflow, not in your files: please report it with that file.")


class EditflowGroup(click.Group):
    """The top-level group: every failure leaves through one handler with the documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            # Every output is written to a temporary file and renamed, so nothing is half-written.
            raise Interrupted("interrupted; no file was left half-written") from None
        except BrokenPipeError:
            # The reader of our output went away (`editflow tm lexicon | head`): not a bug, and
            # nothing more to say; stdout is pointed at /dev/null so Python's exit flush is quiet.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # stdout is no file descriptor (captured): nothing to flush
                pass
            raise click.exceptions.Exit(0) from None
        except Exception as exc:
            raise internal_error(exc, current_run(ctx).debug) from exc
