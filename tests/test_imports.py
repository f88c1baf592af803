"""Import hygiene: the core never imports Textual, `budgetqa ask` never pays for it, imports point one
way (no cycle among budgetqa's modules, counting imports made inside functions), no function is
longer than a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "budgetqa"
CORE = ["budgetqa.parser", "budgetqa.store", "budgetqa.checks", "budgetqa.answer", "budgetqa.question.query",
        "budgetqa.readback", "budgetqa.export", "budgetqa.browse", "budgetqa.cli", "budgetqa.render",
        "budgetqa.standard", "budgetqa.across", "budgetqa.departments", "budgetqa.bulk", "budgetqa.serve"]
MAX_FUNCTION_LINES = 80


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module):
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_asking_from_the_shell_does_not_import_textual_or_pypinyin(db_path):
    """Nor the parser: a loaded database is asked without it (its import is ~25 ms of start-up)."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from budgetqa.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['ask', '2013105', '--db', {str(db_path)!r}])\n"
        "assert '246.89' in r.output, r.output\n"
        "print(sorted(m for m in ('textual', 'pypinyin', 'sqlite_utils', 'budgetqa.parser') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_app_module_does_not_import_the_question_reader():
    """The app shows its first screen before it imports the reader (~0.1 s), which a thread then loads."""
    code = "import sys, budgetqa.tui.app; print(sorted(m for m in ('budgetqa.question.query', 'rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every budgetqa module -> the budgetqa modules it imports (at the top or inside a function)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("budgetqa"):
                for alias in node.names:  # from budgetqa.answer import build: the submodule, when it is one
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("budgetqa")}
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = {m for m in found if m in modules and m != name and not package.startswith(m)}
    return graph


def test_no_import_cycle():
    graph = _imports()
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in seen:
                seen.add(nxt)
                visit(nxt, path + [nxt])

    for start in sorted(graph):
        seen = {start}
        visit(start, [start])
    assert not cycles, cycles[:5]


def test_no_function_longer_than_a_screen():
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, long


def test_no_module_defines_a_name_twice():
    """A second top-level def or constant of the same name silently replaces the first (a rule written twice
    under one name runs only once, wherever it is called)."""
    twice = []
    for path in PACKAGE.rglob("*.py"):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = [node.name] if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else \
                [t.id for t in node.targets if isinstance(t, ast.Name)] if isinstance(node, ast.Assign) else []
            for name in names:
                if name in seen:
                    twice.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {name} (first at {seen[name]})")
                seen.setdefault(name, node.lineno)
    assert not twice, twice


def test_every_pattern_compiled_on_first_use_compiles():
    """Patterns made with budgetqa.patterns compile when a question first uses them: a wrong one must fail here,
    in a fresh interpreter that imports every module, not in front of a user."""
    code = (
        "import importlib, pkgutil, re, budgetqa\n"
        "from budgetqa import patterns\n"
        "for m in pkgutil.walk_packages(budgetqa.__path__, 'budgetqa.'):\n"
        "    if not m.name.startswith('budgetqa.tui'):\n"
        "        importlib.import_module(m.name)\n"
        "made = patterns.made()\n"
        "for p in made:\n"
        "    getattr(p, 'pattern')\n"
        "    assert isinstance(p.__dict__['_compiled'], re.Pattern)\n"
        "print(len(made))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 300
