"""Intents over a list of rows: rankings, counts, thresholds, project lists and the rows under a subject."""

from __future__ import annotations

from decimal import Decimal

from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import table_label
from budgetqa.docdata import DocData, RowData
from budgetqa.matcher import Parsed


# --------------------------------------------------------------------------- rankings and counts
def _table_rows(doc: DocData, table_no: int, level: str = "") -> tuple[str, list[tuple[str, Decimal, str, int, str]]]:
    """The detail rows of a named table (no totals, no rows that group other rows), or its rows of one level."""
    table = doc.tables[table_no]
    groups = {r.parent_code for r in table.rows if r.parent_code}
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    if level and any(r.code and r.level == level for r in table.rows):
        rows = [r for r in table.rows if r.code and r.level == level and r.first is not None]
        return (f"{table_label(table)} 的{level}级科目",
                [(f"{r.code} {r.name}", r.first, table.unit, r.line, table_label(table)) for r in rows])
    rows = [r for r in table.rows if not r.is_total and r.first is not None and r.code not in groups
            and r.name not in ECONOMIC_CLASSES and not (table.kind.startswith("projects") and r.depth < 2)]
    return (f"{table_label(table)} 的明细行",
            [(f"{r.code} {r.name}" if r.code else r.name, r.first, table.unit, r.line, table_label(table)) for r in rows])


def _domain(doc: DocData, p: Parsed) -> tuple[str, list[tuple[str, Decimal, str, int, str]]]:
    """What a ranking, count or filter is over: (description, [(name, amount, unit, line, where)])."""
    tables = [int(e.ref) for e in p.entities if e.kind == "table" and e.ref.isdigit() and int(e.ref) in doc.tables]
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    classes = [e.name for e in p.items if e.kind == "economic" and e.name in ECONOMIC_CLASSES]
    if classes and (tables or p.has("中", "里", "当中")):  # 商品和服务支出中最大的一项: the items under it
        table = doc.tables[tables[0]] if tables else doc.table("basic_economic")
        parent, below = _class_rows(table, classes[0]) if table else (None, [])
        if below:
            return (f"{table_label(table)} 中{parent.name}下的各项",
                    [(f"{r.code} {r.name}" if r.code else r.name, r.first, table.unit, r.line, table_label(table))
                     for r in below if r.first is not None])
    if tables:
        level = next((lv for lv in ("类", "款") if p.has(f"{lv}级", f"各{lv}", f"哪一{lv}", f"哪个{lv}", f"哪{lv}")),
                     "项" if p.has("项级") else "")
        return _table_rows(doc, tables[0], level)
    if p.has("经济科目", "经济分类", "人员经费", "公用经费", "工资福利", "商品和服务") and not p.has("项目"):
        table = doc.table("basic_economic")
        if table is None:
            return "", []
        groups = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出")
        rows = [r for r in table.rows if not r.is_total and r.name not in groups and r.first is not None]
        return f"{table_label(table)} 的经济科目", [(r.name, r.first, table.unit, r.line, table_label(table)) for r in rows]
    listed = list(dict.fromkeys(e.ref for e in p.entities if e.kind == "code"))
    if len(listed) >= 2:  # 201/208/210/221 哪个最少: just the codes named
        table = doc.table("expenditure") or doc.table("gp_expenditure")
        rows = [r for r in table.rows if r.code in listed] if table else []
        return (f"所列的 {len(rows)} 个科目", [(f"{r.code} {r.name}", r.first or Decimal(0), table.unit, r.line,
                                              table_label(table)) for r in rows])
    parents = list(dict.fromkeys(e.ref for e in p.items if e.kind in ("code", "subject") and e.ref and len(e.ref) < 7))
    if (p.has("类", "款", "功能分类", "科目") or parents) and not p.has("项目"):
        level = "款" if p.has("款") else "项" if p.has("项级", "项科目", "个项") else "类"
        if parents and level == "类":
            level = "款" if len(parents[0]) == 3 else "项"
        table = doc.table("expenditure") or doc.table("gp_expenditure")
        if p.scope == "本年":
            table = doc.table("gp_expenditure") or table
        if table is None:
            return "", []
        rows = [r for r in table.rows if r.code and r.level == level
                and (not parents or any(r.code.startswith(c) for c in parents))]
        out = [(f"{r.code} {r.name}", r.first or Decimal(0), table.unit, r.line, table_label(table)) for r in rows]
        if p.has("有钱", "有预算", "有数", "有金额", "非零"):
            out = [o for o in out if o[1] != 0]
        under = f"{parents[0]} 下" if parents else ""
        return f"{table_label(table)} 中{under}的{level}级科目", out
    if p.has("绩效") and doc.targets:  # 绩效目标表里年度资金总额最大的项目: the sheets' own totals
        rows = []
        for t in doc.targets:
            funds = sorted((f for f in t["funds"] if "总额" in f["item"] or f["item"] in ("合计", "资金总额")),
                           key=lambda f: f["scope"] != ("实施期" if p.has("实施期") else "年度"))
            if funds and funds[0]["amount"] is not None:
                rows.append((t["project_name"], Decimal(funds[0]["amount"]), funds[0]["unit"], funds[0]["source_line"],
                             "项目绩效目标表"))
        if rows:
            return "项目绩效目标表（资金总额）", rows
    scope = None if p.scope == "全部" else p.scope
    projects = [q for q in doc.projects if scope is None or q["scope"] == scope]
    where = {"本年": "本年新安排的项目（表十二）", "上年结转": "上年结转项目（表十三）"}.get(scope or "", "全部项目（本年与上年结转）")
    return where, [(f"{q['name']}" + ("" if scope else f"（{q['scope']}）"), Decimal(q["amount"]), q["unit"],
                    q["source_line"], table_label(doc.tables[q["table_no"]]) if q["table_no"] in doc.tables else "")
                   for q in projects if q["amount"] is not None]


def ranking(doc: DocData, p: Parsed) -> Answer | None:
    """The largest or smallest items within a stated scope."""
    where, rows = _domain(doc, p)
    if not rows:
        return None
    ascending = p.has("最少", "最小", "最低", "倒数", "从低到高", "从小到大") and not p.has("最多", "最大", "最高")
    if p.nth and p.nth < 0 and not p.top_n:
        return _nth(where, rows, -p.nth, True)
    if p.nth and not p.top_n:
        return _nth(where, rows, p.nth, ascending or p.has(f"第{p.nth}小", f"第{p.nth}少", f"第{p.nth}低"))
    if p.top_n is not None and p.top_n < 0:
        ascending, n = True, -p.top_n
    elif p.has("排序", "从高到低", "从大到小", "由高到低", "由大到小", "从低到高", "从小到大", "排一下", "排个序", "排名") and not p.top_n:
        n = len(rows)
    else:
        n = p.top_n or (3 if p.has("几个", "哪些") else 1)
    ranked = sorted(rows, key=lambda r: r[1], reverse=not ascending)[: max(1, n)]
    word = "最少" if ascending else "最多"
    head = ranked[0]
    listing = "；".join(f"{i}. {r[0]} {amount_text(r[1], r[2])}" for i, r in enumerate(ranked, 1))
    text = (f"{where}中{word}的是 {head[0]}，{amount_text(head[1], head[2])}。" if n == 1
            else f"{where}中{word}的 {len(ranked)} 个：{listing}。")
    if p.scope is None and where.startswith("全部项目") and n == 1:
        current = sorted([q for q in doc.projects if q["scope"] == "本年" and q["amount"]], key=lambda q: Decimal(q["amount"]), reverse=not ascending)
        if current:
            text += f"只看本年新安排的项目，{word}的是 {current[0]['name']} {amount_text(Decimal(current[0]['amount']), current[0]['unit'])}。"
    a = _answer("ranking", f"{where}，按金额{'从小到大' if ascending else '从大到小'}", text)
    for r in ranked:
        a.figure(r[0], r[1], r[2], r[4], r[3])
    a.columns = ["名次", "名称", "金额", "单位", "行"]
    a.rows = [[i, r[0], r[1], r[2], r[3]] for i, r in enumerate(ranked, 1)]
    a.chart = [(r[0], r[1]) for r in ranked]
    return a


def _nth(where: str, rows: list, nth: int, ascending: bool) -> Answer | None:
    """排第二的是哪个: the item at one place, with the ones around it for context."""
    ranked = sorted(rows, key=lambda r: r[1], reverse=not ascending)
    if nth > len(ranked):
        return None
    order = "从小到大" if ascending else "从大到小"
    r = ranked[nth - 1]
    a = _answer("ranking", f"{where}，按金额{order}第 {nth} 位",
                f"{where}中按金额{order}排第 {nth} 的是 {r[0]}，{amount_text(r[1], r[2])}"
                f"（共 {len(ranked)} 项；第 1 位 {ranked[0][0]} {amount_text(ranked[0][1], ranked[0][2])}）。")
    a.figure(r[0], r[1], r[2], r[4], r[3])
    shown = ranked[: max(nth, 3)]
    a.columns = ["名次", "名称", "金额", "单位", "行"]
    a.rows = [[i, x[0], x[1], x[2], x[3]] for i, x in enumerate(shown, 1)]
    a.chart = [(x[0], x[1]) for x in shown]
    return a


def count(doc: DocData, p: Parsed) -> Answer | None:
    """How many projects, subjects, units, duties or targets."""
    if p.has("内设机构", "科室", "下属单位"):
        from budgetqa.answer.topics import units

        return units(doc, p)
    if p.has("职责"):
        n = len(doc.duties)
        a = _answer("count", "本部门职责", f"本部门职责共 {n} 条。")
        a.figure("职责条数", Decimal(n), "条")
        return a
    if p.has("绩效", "目标表") and not doc.targets:
        from budgetqa.answer.topics import _performance_overview

        return _performance_overview(doc)
    if p.has("绩效", "目标表"):
        n = len(doc.targets)
        a = _answer("count", "项目绩效目标表", f"共有 {n} 张项目支出绩效目标表：{'、'.join(t['project_name'] for t in doc.targets)}。")
        a.figure("绩效目标表数量", Decimal(n), "张")
        return a
    where, rows = _domain(doc, p)
    if not rows:
        return None
    a = _answer("count", where, f"{where}共 {len(rows)} 个：{'、'.join(r[0] for r in rows)}。")
    a.figure(f"{where}个数", Decimal(len(rows)), "个")
    a.columns = ["序号", "名称", "金额", "单位", "行"]
    a.rows = [[i, r[0], r[1], r[2], r[3]] for i, r in enumerate(rows, 1)]
    for r in rows:
        a.source(r[4], r[3], r[0])
    return a


def filter(doc: DocData, p: Parsed) -> Answer | None:  # noqa: A001 - the intent's name
    """Items above or below a threshold (超过50万的项目)."""
    average = p.has("平均值", "平均数", "平均水平", "均值", "平均")
    if not (p.numbers or average) or p.has("设备", "车", "辆", "面积", "平米"):
        return None
    where, rows = _domain(doc, p)
    if not rows:
        return None
    unit = rows[0][2]
    if average and not p.numbers:  # 超过平均值的项目: the mean of the same rows, exactly
        total = sum((r[1] for r in rows), Decimal(0))
        threshold = total / len(rows)
        where += f"（平均值 = {total} ÷ {len(rows)}）"
    else:
        threshold = p.numbers[0]
        if unit == "元" and p.has("万"):
            threshold *= 10000
        elif unit == "万元" and p.has("元") and not p.has("万"):  # 超过500000元 asked of a table in 万元
            threshold /= 10000
    words = p.squashed
    at_least = p.has("不少于", "不低于", "不小于", "不下于", "以上", "至少", "大于等于", "大于或等于")
    at_most = p.has("不超过", "不高于", "不大于", "不多于", "以下", "至多", "最多", "小于等于", "小于或等于")
    below = at_most or any(w in words.replace("不" + w, "") for w in ("低于", "小于", "不足", "不到", "少于"))
    if at_least:
        below = False
    inclusive = at_least or at_most
    if below:
        chosen = [r for r in rows if (r[1] <= threshold if inclusive else r[1] < threshold)]
        word = "不超过" if inclusive else "低于"
    else:
        chosen = [r for r in rows if (r[1] >= threshold if inclusive else r[1] > threshold)]
        word = "不少于" if inclusive else "超过"
    listing = "、".join(f"{r[0]} {amount_text(r[1], r[2])}" for r in chosen) or "没有"
    total = sum((r[1] for r in chosen), Decimal(0))
    a = _answer("filter", f"{where}中金额{word} {amount_text(threshold, unit)}",
                f"{where}中金额{word} {amount_text(threshold, unit)}的有 {len(chosen)} 个：{listing}"
                + (f"；合计 {amount_text(total, unit)}。" if len(chosen) > 1 else "。"))
    for r in chosen[:20]:
        a.figure(r[0], r[1], r[2], r[4], r[3])
    if len(chosen) > 1:
        a.figure("合计（计算）", total, unit)
    a.figure("个数", Decimal(len(chosen)), "个")
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[r[0], r[1], r[2], r[3]] for r in chosen]
    return a


def _carried_subjects(doc: DocData, p: Parsed) -> tuple[str, list]:
    """Subjects with money carried over from last year (哪些科目有上年结转), from the income table."""
    table = doc.table("income")
    if table is None or "上年结转" not in table.columns:
        return "", []
    level = "款" if p.has("款") else "类" if p.has("类") else "项"
    rows = [r for r in table.rows if r.code and r.level == level and (r.amount("上年结转") or 0) != 0]
    return (f"{table_label(table)} 中有上年结转的{level}级科目",
            [(f"{r.code} {r.name}", r.amount("上年结转"), table.unit, r.line_of("上年结转"), table_label(table)) for r in rows])


def list_projects(doc: DocData, p: Parsed) -> Answer | None:
    """The project lists (this year's and / or carried over), or the subjects with carry-over."""
    if p.has("科目") and p.scope == "上年结转":
        where, rows = _carried_subjects(doc, p)
    else:
        where, rows = _domain(doc, p)
    if not rows or p.has("类", "款") and not p.has("项目"):
        return None
    total = Decimal(0)
    for r in rows:
        total += r[1]
    listing = "；".join(f"{r[0]} {amount_text(r[1], r[2])}" for r in rows)
    a = _answer("list_projects", where, f"{where}共 {len(rows)} 个，合计 {amount_text(total, rows[0][2])}（计算）：{listing}。")
    a.columns = ["名称", "金额", "单位", "行"]
    a.rows = [[r[0], r[1], r[2], r[3]] for r in rows]
    for r in rows:
        a.source(r[4], r[3], r[0])
    a.chart = [(r[0], r[1]) for r in rows]
    return a


def children(doc: DocData, p: Parsed) -> Answer | None:
    """The rows under a subject code (221类下面有啥)."""
    codes = [e.ref for e in p.items if e.kind in ("code", "subject") and e.ref]
    if not codes:
        return _economic_children(doc, p)
    code = codes[0]
    table = doc.table("expenditure") or doc.table("gp_expenditure") or doc.table("income")
    if table is None:
        return None
    parent = next((r for r in table.rows if r.code == code), None)
    below = [r for r in table.rows if r.code and r.code != code and r.code.startswith(code)]
    if parent is None or not below:
        return None
    listing = "；".join(f"{r.code} {r.name} {amount_text(r.first or Decimal(0), table.unit)}" for r in below)
    a = _answer("children", f"{code} {parent.name} 的下级科目", f"{code} {parent.name}（{amount_text(parent.first or Decimal(0), table.unit)}）下有：{listing}（{table_label(table)}）。")
    a.figure(f"{code} {parent.name}", parent.first or Decimal(0), table.unit, table_label(table), parent.line)
    a.columns = ["科目编码", "科目名称", "级次"] + table.columns
    a.rows = [[r.code, r.name, r.level] + [r.amount(c) for c in table.columns] for r in below]
    for r in below:
        a.source(table_label(table), r.line, f"{r.code} {r.name}")
    a.chart = [(f"{r.code} {r.name}", r.first or Decimal(0)) for r in below if r.level == _next_level(parent)]
    return a


_COUNT_CUES = ("几个", "多少个", "个数", "几项", "多少项", "几条", "多少条")


def _class_rows(table, name: str) -> tuple[RowData | None, list[RowData]]:
    """An economic class's row (商品和服务支出) and the item rows printed under it."""
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    index = next((i for i, r in enumerate(table.rows) if r.name == name), None)
    if index is None:
        return None, []
    below = []
    for r in table.rows[index + 1:]:
        if r.name in ECONOMIC_CLASSES or r.is_total:
            break
        below.append(r)
    return table.rows[index], below


def _economic_children(doc: DocData, p: Parsed) -> Answer | None:
    """The items under an economic class of the basic-expenditure table (商品和服务支出包括哪些)."""
    from budgetqa.parser.columns import ECONOMIC_CLASSES

    table = doc.table("basic_economic")
    columns = [e.name for e in p.items if e.kind == "column" and e.name in ("人员经费", "公用经费")]
    if table is not None and columns:  # 公用经费包括哪些: the items with figures in that column
        column = next((c for c in table.columns if c.endswith(columns[0])), None)
        rows = [r for r in table.rows if column and r.amount(column) and not r.is_total and r.name not in ECONOMIC_CLASSES]
        if rows:
            total = table.total_row()
            listing = "；".join(f"{r.name} {amount_text(r.amount(column), table.unit)}" for r in rows)
            a = _answer("children", f"{columns[0]} 的明细",
                        f"{columns[0]}包括 {len(rows)} 项：{listing}（{table_label(table)}）。")
            if total is not None and total.amount(column) is not None:
                a.figure(f"{columns[0]}合计", total.amount(column), table.unit, table_label(table), total.line)
            if p.has(*_COUNT_CUES):
                a.figure(f"{columns[0]}明细项数", Decimal(len(rows)), "个")
            a.columns = ["名称", "类别", "金额", "单位", "行"]
            a.rows = [[r.name, r.category or "", r.amount(column), table.unit, r.line] for r in rows]
            return a
    named = [e.name for e in p.items if e.kind == "economic" and e.name in ECONOMIC_CLASSES]
    if table is None or not named:
        return None
    parent, below = _class_rows(table, named[0])
    if parent is None or not below:
        return None
    listing = "；".join(f"{r.name} {amount_text(r.first or Decimal(0), table.unit)}" for r in below)
    a = _answer("children", f"{parent.name} 的明细", f"{parent.name}（{amount_text(parent.first or Decimal(0), table.unit)}）包括：{listing}（{table_label(table)}）。")
    a.figure(parent.name, parent.first or Decimal(0), table.unit, table_label(table), parent.line)
    a.columns = ["名称", "类别", "金额", "单位", "行"]
    a.rows = [[r.name, r.category or "", r.first, table.unit, r.line] for r in below]
    a.chart = [(r.name, r.first or Decimal(0)) for r in below]
    return a


def _next_level(row: RowData) -> str:
    return {"类": "款", "款": "项"}.get(row.level or "", "项")
