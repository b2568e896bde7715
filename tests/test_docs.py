"""Docs that cannot drift: the README's Python example runs, the CLI reference is current."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_readme_python_example_runs_and_codes_the_arrest(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "COERCE" in printed and "TUR" in printed


def test_cli_reference_matches_the_help_output():
    current = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_cli_reference.py"), "--print"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == current, (
        "docs/cli.md is stale: run `python docs/make_cli_reference.py`"
    )
