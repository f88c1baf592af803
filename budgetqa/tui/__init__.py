"""The terminal app (Textual). Imported only when the app is opened."""

from __future__ import annotations

from pathlib import Path


def run(db_path: Path, document: int | None = None) -> None:
    """Open the app on a database, on ``document`` when given (else the report last chosen)."""
    from budgetqa.tui.app import BudgetApp

    BudgetApp(db_path, document).run()
