"""The names a question can refer to, with their pinyin, computed once when a document loads."""

from __future__ import annotations

from budgetqa.models import Document
from budgetqa.parser.text import compact, strip_ordinal
from budgetqa.textnorm import pinyin_keys


def name_rows(doc_id: int, doc: Document) -> list[dict]:
    """Rows of the ``names`` table: subjects, economic items, projects, facts, terms, units."""
    seen: set[tuple[str, str, str]] = set()
    rows: list[dict] = []

    def add(kind: str, name: str, ref: str) -> None:
        name = compact(name)
        if not name or (kind, name, ref) in seen:
            return
        seen.add((kind, name, ref))
        full, initials = pinyin_keys(name)
        rows.append({"document_id": doc_id, "kind": kind, "name": name, "ref": ref,
                     "pinyin": full, "initials": initials})

    for table in doc.tables:
        add("table", table.title, str(table.no))
        for row in table.rows:
            if row.code:
                add("subject", row.name, row.code)
            elif table.kind == "basic_economic" and not row.is_total:
                add("economic", row.name, f"{table.no}:{row.row_no}")
            elif table.two_sided:
                add("summary_item", strip_ordinal(row.name), f"{table.no}:{row.row_no}")
            elif table.kind == "three_public" and not row.is_total:
                add("three_public", row.name, f"{table.no}:{row.row_no}")
    for project in doc.projects:
        add("project", project.name, project.scope)
    for fact in doc.facts:
        if fact.kind in ("amount", "count"):
            add("fact", fact.label, fact.kind)
    for item in doc.items:
        if item.kind in ("glossary", "asset", "internal_unit", "subordinate_unit"):
            add(item.kind, item.name, str(item.line))
    add("department", doc.department, "")
    # Abbreviations people type, pointing at the first of their names this document prints.
    from budgetqa.catalogue import SYNONYMS

    printed = {r["name"] for r in rows}
    for alias, names in SYNONYMS.items():
        target = next((compact(n) for n in names if compact(n) in printed), None)
        if target:
            add("synonym", alias, target)
    return rows
