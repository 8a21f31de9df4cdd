#!/usr/bin/env python3
"""Write docs/cli.md: the --help of every editflow command, so the reference never drifts.

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 when docs/cli.md is out of date (the tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"


def commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    out = [prefix]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            out += commands(cmd, prefix + [name])
        elif cmd is not None:
            out.append(prefix + [name])
    return out


def reference() -> str:
    from editflow.cli import cli

    runner = CliRunner()
    parts = ["# editflow command reference", "",
             "Generated from `--help` by `scripts/cli_reference.py`; a test fails when it is out of date.", ""]
    for path in commands(cli, []):
        result = runner.invoke(cli, path + ["--help"], prog_name="editflow", terminal_width=100)
        if result.exit_code != 0:
            raise SystemExit(f"editflow {' '.join(path)} --help failed: {result.output}")
        title = " ".join(["editflow", *path])
        parts += [f"## {title}", "", "```", result.stdout.rstrip(), "```", ""]
    return "\n".join(parts)


def main() -> int:
    text = reference()
    if "--check" in sys.argv:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
