"""Whole tables out of the database, laid out as in the report, for show, export and the app."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa.findings import SEVERITY_LABEL, finding_from_row, group_findings
from budgetqa.models import ReportError
from budgetqa.render import fact_kind

_CN_NUM = "零一二三四五六七八九十"

# Views that are not one of the report's numbered tables.
EXTRA_VIEWS = {
    "projects": "项目（本年与上年结转）",
    "performance": "项目绩效目标",
    "indicators": "绩效指标",
    "findings": "一致性检查结果",
    "facts": "情况说明中的数字",
}


# The columns that name a row, and what a total's name ends with.
NAME_COLUMNS = ("项目", "收入项目", "支出项目", "项目名称")
TOTAL_NAME = re.compile(r"(合计|总计|小计)[\s　]*$")


@dataclass
class Layout:
    """A table ready to show or export: title, unit, header and rows of cells."""

    key: str
    title: str
    unit: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source line of each row (0: none)
    empty: bool = False
    frozen: int = 0  # leading columns that say which row it is (code, name): they stay while scrolling right
    wrap: str = ""  # a column whose long text wraps inside its cell rather than being cut

    def total_rows(self) -> set[int]:
        """Rows that are totals (合计, 总计, 小计, 本年支出合计…): sorting leaves them where they are."""
        names = [i for i, c in enumerate(self.columns) if c in NAME_COLUMNS]
        return {index for index, row in enumerate(self.rows)
                if any(isinstance(row[i], str) and TOTAL_NAME.search(row[i]) for i in names if i < len(row))}


def list_tables(conn: sqlite3.Connection, doc_id: int) -> list[sqlite3.Row]:
    """The document's tables with their row and cell counts."""
    return conn.execute(
        """select t.table_no, t.title, t.unit, t.kind, t.empty, t.source_line,
                  (select count(*) from table_rows r where r.document_id = t.document_id
                     and r.table_no = t.table_no) as row_count,
                  (select count(*) from line_items i where i.document_id = t.document_id
                     and i.table_no = t.table_no) as cell_count
           from report_tables t where t.document_id = ? order by t.table_no""",
        [doc_id],
    ).fetchall()


def _cn_to_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text and all(ch in _CN_NUM for ch in text):
        if text == "十":
            return 10
        if text.startswith("十"):
            return 10 + _CN_NUM.index(text[1])
        if len(text) >= 2 and text[1] == "十":
            return _CN_NUM.index(text[0]) * 10 + (_CN_NUM.index(text[2]) if len(text) > 2 else 0)
        return _CN_NUM.index(text) if len(text) == 1 else None
    return None


def resolve_table(conn: sqlite3.Connection, doc_id: int, ref: str) -> str:
    """'3', '表三', '表3', a title fragment or a view name -> a table number or view key."""
    ref = ref.strip()
    if ref in EXTRA_VIEWS:
        return ref
    for key, title in EXTRA_VIEWS.items():
        if ref and ref in title:
            return key
    m = re.fullmatch(r"(?:表|预算公开表)?\s*([0-9]+|[一二三四五六七八九十]+)", ref)
    tables = list_tables(conn, doc_id)
    if m:
        no = _cn_to_int(m.group(1))
        if any(t["table_no"] == no for t in tables):
            return str(no)
    hits = [t for t in tables if ref and (ref in t["title"] or ref == t["kind"])]
    if len(hits) == 1:
        return str(hits[0]["table_no"])
    choices = "；".join(f"{t['table_no']} {t['title']}" for t in tables)
    if hits:
        raise ReportError(f"「{ref}」对应多张表：" + "；".join(f"{t['table_no']} {t['title']}" for t in hits))
    raise ReportError(f"没有「{ref}」这张表；可以用：{choices}，或 {'、'.join(EXTRA_VIEWS)}")


def layout(conn: sqlite3.Connection, doc_id: int, ref: str) -> Layout:
    """One table (or extra view) as header + rows, amounts as exact Decimals."""
    if conn.execute("select 1 from documents where id = ?", [doc_id]).fetchone() is None:
        raise ReportError(f"报告 {doc_id} 已不在数据库里（被替换或删除了）")
    key = resolve_table(conn, doc_id, ref)
    if key in EXTRA_VIEWS:
        return _extra(conn, doc_id, key)
    meta = conn.execute(
        "select * from report_tables where document_id = ? and table_no = ?", [doc_id, int(key)]
    ).fetchone()
    rows = conn.execute(
        "select * from table_rows where document_id = ? and table_no = ? order by row_no",
        [doc_id, int(key)],
    ).fetchall()
    cells: dict[int, dict[str, Decimal]] = {}
    for item in conn.execute(
        "select row_no, column_name, amount from line_items where document_id = ? and table_no = ?",
        [doc_id, int(key)],
    ):
        cells.setdefault(item["row_no"], {})[item["column_name"]] = Decimal(item["amount"])
    title = f"表{key} {meta['title']}"
    sides = json.loads(meta["side_columns"] or "{}")
    if sides:
        return _two_sided(key, title, meta, rows, cells, sides)
    columns = json.loads(meta["columns"] or "[]")
    has_code = any(r["code"] for r in rows)
    has_category = any(r["category"] for r in rows)
    header = (["科目编码"] if has_code else []) + ["项目"] + (["类别"] if has_category else []) + columns
    out = Layout(key, title, meta["unit"], header, empty=bool(meta["empty"]), frozen=2 if has_code else 1)
    for r in rows:
        values = cells.get(r["row_no"], {})
        name = ("　" * (r["depth"] or 0)) + r["name"]
        line = ([r["code"] or ""] if has_code else []) + [name] + ([r["category"] or ""] if has_category else [])
        out.rows.append(line + [values.get(c) for c in columns])
        out.lines.append(r["source_line"])
    return out


def _two_sided(key, title, meta, rows, cells, sides) -> Layout:
    income, expense = sides.get("收入", []), sides.get("支出", [])
    header = ["收入项目"] + [f"收入/{c}" for c in income] + ["支出项目"] + [f"支出/{c}" for c in expense]
    out = Layout(key, title, meta["unit"], header, empty=bool(meta["empty"]), frozen=1)
    by_line: dict[int, dict[str, sqlite3.Row]] = {}
    order: list[int] = []
    for r in rows:
        slot = by_line.setdefault(r["source_line"], {})
        if r["side"] in slot:  # two rows of one side on a line: keep both, one per output row
            order.append(-r["row_no"])
            by_line[-r["row_no"]] = {r["side"]: r}
            continue
        if not slot:
            order.append(r["source_line"])
        slot[r["side"]] = r
    for line_key in order:
        slot = by_line[line_key]
        left, right = slot.get("收入"), slot.get("支出")
        lv = cells.get(left["row_no"], {}) if left else {}
        rv = cells.get(right["row_no"], {}) if right else {}
        out.rows.append(
            [left["name"] if left else ""] + [lv.get(c) for c in income]
            + [right["name"] if right else ""] + [rv.get(c) for c in expense]
        )
        out.lines.append((left or right)["source_line"])
    return out


def _extra(conn: sqlite3.Connection, doc_id: int, key: str) -> Layout:
    document = conn.execute("select unit from documents where id = ?", [doc_id]).fetchone()
    if document is None:
        raise ReportError(f"报告 {doc_id} 已不在数据库里（被替换或删除了）")
    unit = document["unit"]
    if key == "projects":
        out = Layout(key, EXTRA_VIEWS[key], unit, ["范围", "项目名称", "金额", "单位", "所属"], frozen=2)
        for r in conn.execute("select * from projects where document_id = ? order by scope desc, rowid", [doc_id]):
            out.rows.append([r["scope"], r["name"], _dec(r["amount"]), r["unit"], r["group_name"]])
            out.lines.append(r["source_line"])
    elif key == "performance":
        out = Layout(key, EXTRA_VIEWS[key], "元", ["项目名称", "项目属性", "项目期", "实施期资金总额", "年度资金总额",
                                                    "总体目标（年度）", "填报日期"], frozen=1)
        for r in conn.execute("select * from performance_targets where document_id = ? order by id", [doc_id]):
            funds = {f["scope"] + "/" + f["item"]: _dec(f["amount"]) for f in conn.execute(
                "select * from performance_funds where target_id = ?", [r["id"]])}
            out.rows.append([r["project_name"], r["attribute"], r["period"], funds.get("实施期/资金总额"),
                             funds.get("年度/资金总额"), r["goal_year"], r["filled_date"]])
            out.lines.append(r["source_line"])
        out.unit = (conn.execute("select unit from performance_targets where document_id = ?", [doc_id]).fetchone() or {"unit": "元"})["unit"]
    elif key == "indicators":
        out = Layout(key, EXTRA_VIEWS[key], "", ["项目名称", "范围", "一级指标", "二级指标", "三级指标", "指标值"], frozen=1)
        for r in conn.execute(
            """select t.project_name, i.* from performance_indicators i join performance_targets t
               on t.id = i.target_id where i.document_id = ? order by t.id, i.rowid""", [doc_id]):
            out.rows.append([r["project_name"], r["scope"], r["level1"], r["level2"], r["level3"], r["value"]])
            out.lines.append(r["source_line"])
    elif key == "findings":
        out = _findings(conn, doc_id, key)
    else:
        out = Layout(key, EXTRA_VIEWS[key], "", ["章节", "类型", "名称", "数值", "单位", "原文"])
        for r in conn.execute("select * from facts where document_id = ? order by rowid", [doc_id]):
            out.rows.append([r["section"], fact_kind(r["kind"]), r["label"], _dec(r["value"]), r["unit"], r["sentence"]])
            out.lines.append(r["source_line"])
    return out


def _findings(conn: sqlite3.Connection, doc_id: int, key: str) -> Layout:
    """The check's findings, one gap per row with every place it is seen (one place per line);
    contradictions first."""
    rows = conn.execute("select * from findings where document_id = ? order by rowid", [doc_id]).fetchall()
    out = Layout(key, EXTRA_VIEWS[key], "", ["类型", "差", "印", "算得", "单位", "处", "比较"], frozen=1, wrap="比较")
    groups = group_findings([finding_from_row(r) for r in rows])
    for group in sorted(groups, key=lambda g: g.severity != "contradiction"):  # contradictions first
        places = "\n".join(f"{p.subject}（行 {','.join(map(str, p.lines))}）" for p in group.places)
        out.rows.append([SEVERITY_LABEL[group.severity], group.difference, group.stated, group.computed, group.unit,
                         len(group.places), places])
        out.lines.append(group.lines[0] if group.lines else 0)
    return out


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)
