"""Import hygiene: the core never imports Textual, and `budgetqa ask` never pays for it."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["budgetqa.parser", "budgetqa.store", "budgetqa.checks", "budgetqa.matcher", "budgetqa.answer",
        "budgetqa.export", "budgetqa.browse", "budgetqa.cli", "budgetqa.docdata", "budgetqa.render",
        "budgetqa.standard", "budgetqa.across", "budgetqa.bulk", "budgetqa.serve"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_asking_from_the_shell_does_not_import_textual_or_pypinyin(db_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from budgetqa.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['ask', '2013105', '--db', {str(db_path)!r}])\n"
        "assert '246.89' in r.output, r.output\n"
        "print(sorted(m for m in ('textual', 'pypinyin', 'sqlite_utils') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
