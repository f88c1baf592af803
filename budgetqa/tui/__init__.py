"""The terminal app (Textual). Imported only when the app is opened."""

from __future__ import annotations

from pathlib import Path


def run(db_path: Path) -> None:
    """Open the app on a database."""
    from budgetqa.tui.app import BudgetApp

    BudgetApp(db_path).run()
