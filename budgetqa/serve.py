"""Sharing a database through Datasette: read-only, with its tables described and canned queries
for the common comparisons across reports (the optional extra ``serve``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from budgetqa.models import ReportError
from budgetqa.standard import FIGURES

TABLES = {
    "documents": "载入的报告：部门、年度、类型（预算/决算）、金额单位、文件名及其 sha256",
    "document_texts": "每份报告的原文（各表 source_line 所指的行）",
    "report_tables": "每份报告的表：表号、类型、标题、单位、栏目",
    "table_rows": "每张表的行：科目编码、名称、级次、所在行",
    "line_items": "每个印出的数字一行：表、行、栏目、金额（原样文本）、单位；amount_fen 为折合的分（整数，可比较、可相加）",
    "projects": "项目支出表的项目（本年 / 上年结转）",
    "performance_targets": "项目支出绩效目标表",
    "performance_fields": "绩效目标表的文字栏目",
    "performance_funds": "绩效目标表的资金",
    "performance_indicators": "绩效目标表的指标",
    "facts": "情况说明里写明的数字（金额、比例、增减）及原句",
    "assets": "国有资产占有使用情况",
    "duties": "部门职责",
    "units": "内设机构与下属单位",
    "glossary": "名词解释",
    "findings": "报告自身前后对不上的地方：尾数差或矛盾",
    "names": "问题能提到的名称及其拼音",
    "passages": "报告的句子（全文检索）",
    "report_figures": "每份报告的标准数字（收入总计、基本支出、人员经费、三公经费、政府采购……）及其出处；"
                      "amount_fen 为折合的分，跨报告比较、排名、求和用它",
}
COLUMNS = {
    "documents": {"kind": "预算 或 决算", "unit": "报告的主要金额单位", "sha256": "原文件字节的 sha256（重新载入时跳过相同文件）",
                  "parser_version": "读取它的解析器版本"},
    "report_figures": {
        "figure": "标准数字：" + "、".join(FIGURES), "label": "报告里的叫法", "amount": "金额（报告单位，精确）",
        "printed": "报告印出的样子", "unit": "报告的单位（元 / 万元）", "amount_fen": "折合分（整数）",
        "table_no": "所在表号（空：情况说明）", "table_title": "所在表或段落", "source_line": "原文行号",
        "note": "本表无数据：表印为空，数字为零",
    },
    "line_items": {"amount": "金额，原样（不含千分位）", "amount_fen": "折合分（整数）", "column_name": "栏目（多级表头以 / 连接）",
                   "source_line": "原文行号"},
}

# An amount in 分 shown in 万元: two decimals when exact, else as many as it takes (up to six).
_WAN = ("case when {c} % 10000 = 0 then printf('%.2f', {c} / 1000000.0)"
        " else rtrim(printf('%.6f', {c} / 1000000.0), '0') end")
_REPORT = "d.department as 部门, d.year as 年度, d.kind as 类型"
_SOURCE = "f.printed as 印出, f.unit as 单位, f.table_title as 出处, f.source_line as 行"
_FILTER = "(:year = '' or d.year = :year) and (:kind = '' or d.kind = :kind)"


def queries() -> dict[str, dict]:
    """Canned queries for the common comparisons across reports (Datasette shows each as a form)."""
    wan = _WAN.format(c="f.amount_fen")
    figures = "、".join(FIGURES)
    return {
        "rank_figure": {
            "title": "按标准数字给报告排名",
            "description": f"figure 填一个标准数字（{figures}）；year、kind（预算/决算）可留空。金额折合万元比较。",
            "sql": f"select {_REPORT}, f.figure as 数字, {wan} as 万元, {_SOURCE} from report_figures f"
                   f" join documents d on d.id = f.document_id where f.figure = :figure and {_FILTER}"
                   " order by f.amount_fen desc, d.department, d.year limit 100",
        },
        "department_years": {
            "title": "一个部门历年的标准数字",
            "description": "department 填部门名称的一部分，figure 填一个标准数字。",
            "sql": f"select {_REPORT}, f.figure as 数字, {wan} as 万元, {_SOURCE} from report_figures f"
                   " join documents d on d.id = f.document_id where f.figure = :figure"
                   " and instr(d.department, :department) > 0 order by d.department, d.kind, d.year",
        },
        "compare_departments": {
            "title": "两个部门比较",
            "description": "first、second 各填部门名称的一部分；year 可留空。",
            "sql": f"select {_REPORT}, f.figure as 数字, {wan} as 万元, {_SOURCE} from report_figures f"
                   " join documents d on d.id = f.document_id"
                   " where (instr(d.department, :first) > 0 or instr(d.department, :second) > 0)"
                   " and (:year = '' or d.year = :year) order by f.figure, d.department, d.year",
        },
        "totals_by_year": {
            "title": "各年合计",
            "description": "一个标准数字按年度、类型求和，并数出没有这个数字的报告。",
            "sql": "select d.year as 年度, d.kind as 类型, count(*) as 报告, count(f.document_id) as 有此数字,"
                   f" count(*) - count(f.document_id) as 缺少, {_WAN.format(c='sum(f.amount_fen)')} as 合计万元"
                   " from documents d left join report_figures f on f.document_id = d.id and f.figure = :figure"
                   " group by d.year, d.kind order by d.year, d.kind",
        },
        "share_of_total": {
            "title": "一个数字占另一个数字的比重排名",
            "description": "part、whole 各填一个标准数字（如 三公经费、支出总计）；year 可留空。",
            "sql": f"select {_REPORT}, {_WAN.format(c='f.amount_fen')} as 部分万元, {_WAN.format(c='w.amount_fen')} as 整体万元,"
                   " printf('%.2f', f.amount_fen * 100.0 / w.amount_fen) as 百分比, f.table_title as 出处, f.source_line as 行"
                   " from report_figures f join report_figures w on w.document_id = f.document_id and w.figure = :whole"
                   " join documents d on d.id = f.document_id where f.figure = :part and w.amount_fen > 0"
                   " and (:year = '' or d.year = :year) order by f.amount_fen * 1.0 / w.amount_fen desc limit 100",
        },
        "lacking_figure": {
            "title": "没有某个标准数字的报告",
            "description": "figure 填一个标准数字。",
            "sql": f"select d.id as 编号, {_REPORT}, d.source_name as 文件 from documents d where not exists"
                   " (select 1 from report_figures f where f.document_id = d.id and f.figure = :figure)"
                   " order by d.department, d.year",
        },
        "line_item": {
            "title": "按科目编码或名称查各报告印出的数字",
            "description": "code 填科目编码（如 2013105），或留空并在 name 填名称（如 差旅费）。",
            "sql": f"select {_REPORT}, i.table_no as 表, i.code as 编码, i.name as 名称, i.column_name as 栏目,"
                   " i.amount as 金额, i.unit as 单位, i.source_line as 行 from line_items i"
                   " join documents d on d.id = i.document_id where (:code != '' and i.code = :code)"
                   " or (:code = '' and i.name = :name) order by i.amount_fen desc limit 200",
        },
    }


def metadata(db_path: str | Path) -> dict:
    """Datasette metadata for a budgetqa database: what each table holds, and the canned queries."""
    name = Path(db_path).stem
    tables = {t: {"description": text, **({"columns": COLUMNS[t]} if t in COLUMNS else {})} for t, text in TABLES.items()}
    return {
        "title": "budgetqa：部门预算与决算",
        "description": "budgetqa 载入的预算、决算报告（只读）。每个数字都带着出处：表号、行号。"
                       "跨报告的比较用 report_figures（标准数字，amount_fen 为分）和下面的查询。",
        "databases": {name: {"tables": tables, "queries": queries()}},
    }


def available() -> bool:
    """True when Datasette is installed (the ``serve`` extra)."""
    return importlib.util.find_spec("datasette") is not None


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001, metadata_dir: str | Path) -> None:
    """Run Datasette on the database, read-only (immutable), until interrupted."""
    if not available():
        raise ReportError("budgetqa serve 需要 Datasette：pip install 'budgetqa[serve]'"
                          "（在源码目录中：pip install -e '.[serve]'）")
    from datasette.cli import cli as datasette

    meta = Path(metadata_dir) / "metadata.json"
    meta.write_text(json.dumps(metadata(db_path), ensure_ascii=False, indent=2), encoding="utf-8")
    datasette.main(["serve", "--immutable", str(db_path), "--metadata", str(meta), "--host", host, "--port", str(port),
                    "--setting", "sql_time_limit_ms", "5000"], prog_name="budgetqa serve", standalone_mode=True)
