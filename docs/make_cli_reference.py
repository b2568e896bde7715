"""Write docs/cli.md from the commands' own --help (run after changing a command)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from accord.cli import main


def reference() -> str:
    runner = CliRunner()
    parts = [
        "# accord command reference",
        "",
        "Generated from `--help` by `docs/make_cli_reference.py`; do not edit by hand.",
        "",
    ]
    names = [None, *sorted(main.commands)]
    for name in names:
        args = ["--help"] if name is None else [name, "--help"]
        out = runner.invoke(main, args, prog_name="accord", terminal_width=100).output
        parts += [f"## accord {name}" if name else "## accord", "", "```", out.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = reference()
    if "--print" in sys.argv:
        sys.stdout.write(text)
    else:
        (Path(__file__).parent / "cli.md").write_text(text, encoding="utf-8")
        click.echo("wrote docs/cli.md")
