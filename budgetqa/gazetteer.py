"""The names a question can refer to, with their pinyin, computed once when a document loads."""

from __future__ import annotations

import re

from budgetqa.models import Document
from budgetqa.textnorm import compact, strip_ordinal
from budgetqa.lexicon import COLUMN_ITEMS
from budgetqa.textnorm import pinyin_keys

_GENERIC_COLUMNS = {"合计", "小计", "总计", "金额", "预算数", "决算数", "本年收入", "本年支出"}


def table_core(title: str, department: str) -> str:
    """What a title says a table holds: 2024年一般公共预算支出预算表（不含上年结转） -> 一般公共预算支出."""
    text = compact(title).replace(compact(department), "")
    text = re.sub(r"^\d{4}年度?", "", text)
    text = re.sub(r"[（(][^）)]*[）)]$", "", text)
    text = re.sub(r"^(?:预算单位|部门|单位|财政拨款安排)", "", text) if not text.startswith("财政拨款收") else text
    return re.sub(r"(?:预算|决算)?(?:总表|表)$", "", text)


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
        core = table_core(table.title, doc.department)
        # in a fixed order (a set's order follows the hash seed: the rows came out in a different
        # order from one process to the next)
        for key in dict.fromkeys((core, re.sub(r"(?:支出|收入)$", "", core))):
            if len(key) >= 5 and key not in COLUMN_ITEMS:
                add("table", key, str(table.no))
        bare = re.sub(r"^\d{4}年度?", "", compact(table.title).replace(compact(doc.department), ""))
        qualifier = re.search(r"[（(]([^）)]*)[）)]$", bare)
        if len(bare) >= 6 and bare.endswith(("表", "）", ")")):  # 项目支出预算表（本年预算）, typed without the year
            add("table", bare, str(table.no))
        if qualifier and not qualifier.group(1).startswith(("不含", "含")):  # 本年项目支出预算表
            add("table", re.sub(r"预算$", "", qualifier.group(1)) + re.sub(r"[（(][^）)]*[）)]$", "", bare), str(table.no))
        for column in table.columns:
            leaf = column.rsplit("/", 1)[-1].removeprefix("其中：").removeprefix("其中")
            if (len(leaf) >= 3 and leaf not in _GENERIC_COLUMNS and leaf not in COLUMN_ITEMS
                    and not leaf.startswith("第") and not re.match(r"\d{4}", leaf)):
                add("column", leaf, f"{table.no}|{column}")
        for row in table.rows:
            if table.kind == "basic_economic" and not row.is_total:
                add("economic", row.name, f"{table.no}:{row.row_no}")
            elif row.code:
                add("subject", row.name, row.code)
            elif table.two_sided:
                add("summary_item", strip_ordinal(row.name), f"{table.no}:{row.row_no}")
            elif table.kind == "three_public" and not row.is_total:
                add("three_public", row.name, f"{table.no}:{row.row_no}")
    for project in doc.projects:
        add("project", project.name, project.scope)
    projects = {compact(p.name) for p in doc.projects}
    for sheet in doc.performance:  # target sheets name projects too (some reports have no project table)
        if compact(sheet.project_name) in projects:
            continue
        add("target", sheet.project_name, sheet.project_name)
        bare = re.sub(r"^(?:[\d\-－—\s]+|\d{4}年度?)", "", sheet.project_name).strip("-－— ")
        if bare != sheet.project_name and len(bare) >= 4:
            add("target", bare, sheet.project_name)
    for fact in doc.facts:
        if fact.kind in ("amount", "count"):
            add("fact", fact.label, fact.kind)
    for item in doc.items:
        if item.kind in ("glossary", "asset", "internal_unit", "subordinate_unit"):
            add(item.kind, item.name, str(item.line))
    add("department", doc.department, "")
    # Abbreviations people type, pointing at the first of their names this document prints.
    from budgetqa.lexicon import SYNONYMS

    printed = {r["name"] for r in rows}
    for alias, names in SYNONYMS.items():
        target = next((compact(n) for n in names if compact(n) in printed), None)
        if target:
            add("synonym", alias, target)
    return rows
