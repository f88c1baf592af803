"""Projects from the project tables: this year's (表十二) and carried over (表十三)."""

from __future__ import annotations

from budgetqa.models import Project, Table


def projects_from_tables(tables: list[Table]) -> list[Project]:
    """Every project row (the deepest rows) of the project tables, with its grouping row."""
    projects: list[Project] = []
    for table in tables:
        if table.kind not in ("projects", "projects_carryover"):
            continue
        scope = "上年结转" if table.kind == "projects_carryover" else "本年"
        deepest = max((r.depth for r in table.rows), default=0)
        parents: dict[int, str] = {}
        for row in table.rows:
            parents[row.depth] = row.name
            if row.depth != deepest or row.is_total:
                continue
            projects.append(
                Project(
                    name=row.name,
                    scope=scope,
                    table_no=table.no,
                    line=row.line,
                    depth=row.depth,
                    group=parents.get(row.depth - 1, ""),
                    amounts={c.column: c.amount for c in row.cells},
                    unit=table.unit,
                )
            )
    return projects
