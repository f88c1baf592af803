"""Check a document against itself: totals vs parts, the same figure across tables, and every
narrative share, breakdown and growth rate recomputed from the figures it rests on.

A gap no larger than the rounding of the summed figures is a 尾数差 (rounding); anything larger is
a 矛盾 (contradiction). Nothing is corrected: findings only say what disagrees and where.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from budgetqa.findings import CONTRADICTION, ROUNDING, SHARE_TOLERANCE, Finding, judge, share_operands
from budgetqa.models import YUAN_PER_UNIT, Document, Fact, Row, Table
from budgetqa.parser.hierarchy import hierarchy
from budgetqa.parser.headers import column_relations
from budgetqa.parser.text import AMOUNT, compact, strip_ordinal, to_decimal

def _compare(stated: Decimal, parts: list[Decimal], **kw) -> Finding | None:
    """A finding when stated != sum(parts); rounding when within the summed figures' rounding."""
    severity = judge(stated, parts)
    if severity is None:
        return None
    return Finding(severity, stated=stated, computed=sum(parts, Decimal(0)), **kw)


def check_document(doc: Document) -> list[Finding]:
    """Every inconsistency the document contains, tables first, then the narrative."""
    findings: list[Finding] = []
    for table in doc.tables:
        findings += _row_totals(table)
        findings += _hierarchy(table)
        if table.two_sided:
            findings += _summary_totals(table)
    findings += _cross_tables(doc)
    findings += _narrative(doc)
    findings += _narrative_as_inspected(doc)
    return findings


def _row_totals(table: Table) -> list[Finding]:
    out = []
    relations = {side: column_relations(table.columns_for(side)) for side in {row.side for row in table.rows}}
    for row in table.rows:
        columns = table.columns_for(row.side)
        for total, parts in relations[row.side]:
            stated = row.amount(columns[total])
            values = [row.amount(columns[p]) for p in parts]
            if stated is None or all(v is None for v in values) \
                    or judge(stated, [v for v in values if v is not None]) is None:
                continue  # (the finding's words are written only for a finding)
            f = _compare(
                stated, [v for v in values if v is not None], kind="row_total", unit=table.unit,
                subject=f"表{table.no}「{_row_label(row)}」{columns[total]} 与 "
                + " + ".join(columns[p] for p, v in zip(parts, values) if v is not None),
                lines=[row.line],
            )
            if f:
                out.append(f)
    return out


def _row_label(row: Row) -> str:
    return f"{row.code} {row.name}" if row.code else row.name


def _hierarchy(table: Table) -> list[Finding]:
    out = []
    sides = list(table.side_columns) if table.two_sided else [None]
    for side in sides:
        rows = [r for r in table.rows if r.side == side]
        for parent, children in hierarchy(table, rows):
            for column in table.columns_for(side):
                stated = parent.amount(column)
                values = [c.amount(column) for c in children]
                present = [v for v in values if v is not None]
                if stated is None and not present or judge(stated or Decimal(0), present) is None:
                    continue
                f = _compare(
                    stated or Decimal(0), present, kind="hierarchy", unit=table.unit,
                    subject=f"表{table.no}「{_row_label(parent)}」{column} 与其下 {len(children)} 行之和",
                    lines=[parent.line] + [c.line for c in children if c.amount(column) is not None],
                )
                if f:
                    out.append(f)
    return out


def _named(table: Table, *names: str, side: str | None = None) -> Row | None:
    for row in table.rows:
        if (side is None or row.side == side) and compact(row.name) in names:
            return row
    return None


def _summary_totals(table: Table) -> list[Finding]:
    """收入总计 = 本年收入合计 + 结转; 支出总计 = 本年支出合计 + 年终结转; 收入总计 = 支出总计."""
    out = []
    first = lambda r: r.cells[0].amount if r and r.cells else None  # noqa: E731
    totals: dict[str, Row | None] = {}
    for side, total_names, current_name in (("收入", ("收入总计", "总计"), "本年收入合计"),
                                            ("支出", ("支出总计", "总计"), "本年支出合计")):
        current = _named(table, current_name, side=side)
        total = _named(table, *total_names, side=side) or _grand_total_below(table, current)
        totals[side] = total
        if total is None or first(total) is None or current is None:
            continue  # no 本年…合计 row: the total sums the items (a hierarchy check)
        carried = [
            r for r in table.rows
            if r.side == side and current.row_no < r.row_no < total.row_no
            and strip_ordinal(r.name) == r.name and r.cells
        ]
        parts = [r for r in [current, *carried] if r.cells]
        f = _compare(
            first(total), [first(r) for r in parts], kind="summary_total", unit=table.unit,
            subject=f"表{table.no} {side}总计 与 " + " + ".join(r.name for r in parts),
            lines=[total.line] + [r.line for r in parts],
        )
        if f:
            out.append(f)
    income_total, expense_total = totals["收入"], totals["支出"]
    if income_total and expense_total and first(income_total) is not None and first(expense_total) is not None:
        f = _compare(
            first(income_total), [first(expense_total)], kind="summary_total", unit=table.unit,
            subject=f"表{table.no} 收入总计 与 支出总计", lines=[income_total.line, expense_total.line],
        )
        if f:
            out.append(f)
    return out


def _grand_total_below(table: Table, current: Row | None) -> Row | None:
    """A side's last row printed 「合计」 below its 本年…合计 (本年收入合计 + 结余 + 结转 = 合计): the
    side's 总计 under another name (高等学校收支决算总表)."""
    if current is None:
        return None
    below = [r for r in table.rows if r.side == current.side and r.row_no > current.row_no
             and compact(r.name) in ("合计", "部门合计") and r.cells]
    return below[-1] if below else None


def _total_row(table: Table | None) -> Row | None:
    if table is None:
        return None
    for row in table.rows:
        if not row.code and compact(row.name) in ("合计", "总计", "本年支出合计", "部门合计") and row.cells:
            return row
    # A project table's total is its first (department) row, when that row prints a figure.
    first = table.rows[0] if table.rows else None
    return first if first and first.depth == 0 and first.cells and table.kind.startswith("projects") else None


def _basic_total(basic: Table) -> tuple[Decimal, int] | None:
    """The basic-expenditure table's total: its 合计 row, or 人员经费合计 + 公用经费合计."""
    total = _total_row(basic)
    if total and total.cells:
        return total.cells[0].amount, total.line
    halves = [r for r in basic.rows if not r.code and compact(r.name).endswith("合计") and r.cells]
    if not halves:
        return None
    return sum((r.cells[0].amount for r in halves), Decimal(0)), halves[-1].line


def _basic_part(basic: Table, leaf: str) -> tuple[Decimal, int] | None:
    """人员经费 or 公用经费 of the basic-expenditure table (a column of its total, or a half)."""
    total = _total_row(basic)
    found = _column_amount(total, leaf) if total else None
    if found:
        return found
    half = next((r for r in basic.rows if not r.code and compact(r.name) == f"{leaf}合计" and r.cells), None)
    return (half.cells[0].amount, half.line) if half else None


def _column_amount(row: Row | None, leaf: str) -> tuple[Decimal, int] | None:
    if row is None:
        return None
    for cell in row.cells:
        if cell.column.rsplit("/", 1)[-1] == leaf:
            return cell.amount, cell.line
    return None


def _same(out: list, subject: str, a, b, unit: str) -> None:
    """Compare two stated figures that must be equal ((amount, line) pairs)."""
    if a is None or b is None:
        return
    f = _compare(a[0], [b[0]], kind="cross_table", unit=unit, subject=subject, lines=[a[1], b[1]])
    if f:
        out.append(f)


def _cross_tables(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    summary, expenditure = doc.table("summary"), doc.table("expenditure")
    gp, basic = doc.table("gp_expenditure"), doc.table("basic_economic")
    projects, carry = doc.table("projects"), doc.table("projects_carryover")
    income = doc.table("income")
    unit = doc.unit
    exp_total = _total_row(expenditure)
    if summary and expenditure:
        for row in summary.rows:
            if row.side != "支出" or not row.cells or row.is_total:
                continue
            name = strip_ordinal(row.name)
            match = next((r for r in expenditure.rows if r.code and len(r.code) == 3 and r.name == name), None)
            if match and match.cells:
                _same(out, f"表{summary.no}「{name}」与 表{expenditure.no} {match.code}", (row.cells[0].amount, row.line),
                      (match.cells[0].amount, match.line), unit)
        spent = _named(summary, "本年支出合计", side="支出")
        if spent and spent.cells and exp_total:
            _same(out, f"表{summary.no} 本年支出合计 与 表{expenditure.no} 合计", (spent.cells[0].amount, spent.line),
                  (exp_total.cells[0].amount, exp_total.line), unit)
    if expenditure and income and "上年结转" in income.columns:
        for row in expenditure.rows:
            match = next((r for r in income.rows if r.code and r.code == row.code), None)
            if not (row.code and match and row.cells):
                continue
            current = match.amount(income.columns[0]) or Decimal(0)
            carried = match.amount("上年结转") or Decimal(0)
            f = _compare(row.cells[0].amount, [current, carried], kind="cross_table", unit=unit,
                         subject=f"表{expenditure.no} {row.code} {row.name} 与 表{income.no} 本年收入 + 上年结转",
                         lines=[row.line, match.line])
            if f:
                out.append(f)
    gp_total = _total_row(gp)
    if basic and gp_total:
        _same(out, f"表{basic.no} 合计 与 表{gp.no} 基本支出", _basic_total(basic), _column_amount(gp_total, "基本支出"), unit)
    proj_total, carry_total = _total_row(projects), _total_row(carry)
    if proj_total and gp_total:
        _same(out, f"表{projects.no} 项目合计 与 表{gp.no} 项目支出", (proj_total.cells[0].amount, proj_total.line),
              _column_amount(gp_total, "项目支出"), unit)
    if exp_total and proj_total:
        stated = _column_amount(exp_total, "项目支出")
        parts = [proj_total.cells[0].amount] + ([carry_total.cells[0].amount] if carry_total else [])
        if stated:
            f = _compare(stated[0], parts, kind="cross_table", unit=unit,
                         subject=f"表{expenditure.no} 项目支出 与 表{projects.no}" + (f" + 表{carry.no}" if carry_total else ""),
                         lines=[stated[1], proj_total.line] + ([carry_total.line] if carry_total else []))
            if f:
                out.append(f)
    if summary and carry_total:
        carried = _named(summary, "上年结转", side="收入")
        if carried and carried.cells:
            _same(out, f"表{carry.no} 上年结转项目合计 与 表{summary.no} 上年结转",
                  (carry_total.cells[0].amount, carry_total.line), (carried.cells[0].amount, carried.line), unit)
    return out


def _narrative(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    facts = doc.facts
    by_section: dict[str, list[Fact]] = {}
    for f in facts:
        by_section.setdefault(f.section, []).append(f)
    for section, items in by_section.items():
        amounts = [f for f in items if f.kind == "amount"]
        for f in items:
            if f.kind == "share" and amounts:
                out += _share(section, f, amounts, facts)
            if f.kind == "rate":
                out += _rate(section, f, items)
    # 其中 breakdowns: the parts must add up to the total they follow.
    groups: dict[tuple[int, int], list[Fact]] = {}
    for f in facts:
        if f.part_of is not None:
            groups.setdefault((id(f.part_of), f.breakdown), []).append(f)
    for parts in groups.values():
        total = parts[0].part_of
        found = _compare(total.value, [p.value for p in parts], kind="narrative_total", unit=total.unit,
                         subject=f"说明「{total.label}」与其中 " + " + ".join(p.label for p in parts),
                         lines=[total.line] + [p.line for p in parts], detail=" + ".join(str(p.value) for p in parts))
        if found:
            out.append(found)
    out += _narrative_vs_tables(doc)
    return out


def _round2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _share(section: str, share: Fact, amounts: list[Fact], facts: list[Fact]) -> list[Finding]:
    operands = share_operands(share, facts)
    if operands is None:
        return []
    subject, base = operands
    computed = _round2(subject.value / base.value * 100)
    if abs(computed - share.value) <= SHARE_TOLERANCE:
        return []
    severity = ROUNDING if abs(computed - share.value) <= Decimal("0.05") else CONTRADICTION
    return [Finding(severity, "narrative_share", f"说明「{subject.label}」占「{base.label}」的比例",
                    share.value, computed, "%", [share.line, subject.line, base.line],
                    detail=f"{subject.value}/{base.value}×100")]


def _rate(section: str, rate: Fact, items: list[Fact]) -> list[Finding]:
    change = next((f for f in items if f.kind == "change" and f.subject == rate.subject and f.line <= rate.line), None)
    current = next((f for f in items if f.kind == "amount" and f.label == rate.subject), None)
    if change is None or current is None:
        return []
    previous = current.value - change.value
    if previous == 0:
        return []
    computed = _round2(change.value / previous * 100)
    if abs(abs(computed) - abs(rate.value)) <= Decimal("0.011"):
        return []
    severity = ROUNDING if abs(abs(computed) - abs(rate.value)) <= Decimal("0.05") else CONTRADICTION
    return [Finding(severity, "narrative_rate",
                    f"说明「{current.label}」比{change.basis}变动率（{abs(change.value)}/{previous}）",
                    abs(rate.value), abs(computed), "%", [rate.line, change.line, current.line],
                    detail=f"{abs(change.value)}/({current.value}{'-' if change.value > 0 else '+'}{abs(change.value)})×100")]


def _narrative_vs_tables(doc: Document) -> list[Finding]:
    """Stated amounts that name a table figure must equal it (机关运行经费, 基本支出 …)."""
    out: list[Finding] = []
    operating = _total_row(doc.table("operating_cost"))
    for f in doc.facts:
        if f.kind != "amount":
            continue
        if "机关运行经费" in f.label and operating and operating.cells and f.unit == doc.table("operating_cost").unit:
            cell = operating.cells[0]
            if cell.amount != f.value:
                out.append(Finding(CONTRADICTION, "narrative_table", f"说明「{f.label}」与 表{doc.table('operating_cost').no} 合计",
                                   f.value, cell.amount, f.unit, [f.line, cell.line]))
    out += _stated_splits(doc)
    out += _stated_table_totals(doc)
    for sheet in doc.performance:
        project = next((p for p in doc.projects if p.name == sheet.project_name and p.scope == "本年"), None)
        yearly = sheet.funds.get("年度/资金总额")
        if project is None or yearly is None or project.total is None:
            continue
        scale = Decimal(10000) if sheet.unit == "元" and project.unit == "万元" else Decimal(1)
        if yearly != project.total * scale:
            out.append(Finding(CONTRADICTION, "performance_funds",
                               f"绩效目标表「{sheet.project_name}」年度资金总额 与 项目表",
                               yearly, project.total * scale, sheet.unit,
                               [sheet.fund_lines.get("年度/资金总额", sheet.line), project.line]))
    return out


_TOTAL_STATED = re.compile(r"(.*?)(?:收入支出|收支)总计")
_TITLE_NOISE = re.compile(r"\d{4}年度?|部门|预算单位|单位|决算|预算|[（(][^）)]*[）)]")


def _stated_table_totals(doc: Document) -> list[Finding]:
    """A stated 收入支出总计 (of the report, or of a fund: 财政拨款收入支出总计) must equal the 总计 its
    收支总表 prints (the table titled with the same words)."""
    out: list[Finding] = []
    for f in doc.facts:
        said = _TOTAL_STATED.fullmatch(compact(f.label)) if f.kind == "amount" else None
        if said is None:
            continue
        stem = said.group(1)
        table = next((t for t in doc.tables if _TITLE_NOISE.sub("", compact(t.title))
                      in (f"{stem}收入支出总表", f"{stem}收支总表", f"{stem}财务收支总表")), None)
        total = next((r for r in table.rows if compact(r.name) in ("收入总计", "支出总计", "总计") and r.cells), None) if table else None
        scale = _scale(table.unit, f.unit) if total else None
        if not scale:
            continue
        printed = total.cells[0].amount / scale  # (in the sentence's unit; equal when rounded as the sentence is)
        if printed.quantize(_last_digit(f.value), ROUND_HALF_UP) != f.value:
            out.append(Finding(CONTRADICTION, "narrative_table", f"说明「{f.label}」与 表{table.no} {compact(total.name)}",
                               f.value, printed, f.unit, [f.line, total.line]))
    return out


def _stated_splits(doc: Document) -> list[Finding]:
    """基本支出 / 项目支出 / 人员经费 / 公用经费 stated in the text against the table of the same
    fund that prints them: all funds (支出表), 财政拨款 (财政拨款支出表) or 一般公共预算 (一般公共预算
    支出表, 基本支出表). A figure whose fund no table prints alone is compared with nothing."""
    out: list[Finding] = []
    basic = doc.table("basic_economic")
    spending = [t for t in (doc.table(k) for k in ("expenditure", "fiscal_expenditure", "gp_expenditure")) if t]
    seen: set[tuple[str, Decimal]] = set()
    for f in doc.facts:
        label = compact(f.label)
        if f.kind != "amount" or (label, f.value) in seen:
            continue
        fund = _fund_of_fact(f)
        figure, table, what = None, None, ""
        for leaf in ("基本支出", "项目支出"):
            if label == leaf or (label.endswith(leaf) and fund and label.startswith(fund)):
                table = next((t for t in spending if _fund(t.title) == fund), None)
                figure, what = _column_amount(_total_row(table), leaf), f"合计 {leaf}"
        if label in ("人员经费", "公用经费") and basic and _fund(basic.title) == fund:
            table, figure, what = basic, _basic_part(basic, label), label
        if figure is None or table is None or table.unit != f.unit:
            continue
        seen.add((label, f.value))
        found = _compare(f.value, [figure[0]], kind="narrative_table", unit=f.unit,
                         subject=f"说明「{f.label}」与 表{table.no} {what}", lines=[f.line, figure[1]])
        if found:
            out.append(found)
    return out


# The funds a figure can be stated for, narrowest first: 一般公共预算 and 政府性基金 are 财政拨款.
_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "财政拨款")


def _fund(text: str) -> str:
    """The fund a label or a table title speaks of ('' for all funds)."""
    text = compact(text)
    return next((fund for fund in _FUNDS if fund in text), "")


def _fund_of_fact(fact: Fact) -> str:
    """A stated figure's fund: its own label's, else the total it is part of, else its section's
    ('财政拨款支出总计…其中基本支出' is 财政拨款 spending, not all spending)."""
    for text in (fact.label, fact.part_of.label if fact.part_of else "", fact.section):
        if _fund(text):
            return _fund(text)
    return ""


# ---------------------------------------------------------------------------------------------
# The narrative read the way inspectors read it: the year a comparison is made with, a growth rate
# against the two figures it rests on, a subject's figure said twice, and a subject's name.

_COMPARED_WITH = re.compile(
    r"(?:比|与|较|同)\s*(20\d{2})\s*年度?\s*((?:当年)?(?:预算|决算)?(?:执行)?数?)\s*(增加|减少|增长|下降|持平|相比|相当|基本持平)"
)
_RATE_AGAINST = re.compile(rf"比\s*(20\d{{2}})\s*年([^，。；,]{{0,12}}?)(增加|减少|增长|下降)\s*({AMOUNT})\s*%")
_YEAR_AMOUNT = re.compile(rf"(?:(20\d{{2}})\s*年)?([^，。；,0-9]{{0,16}}?)(?:为|是)?\s*({AMOUNT})\s*万元")
_CODED_SUBJECT = re.compile(r"([^（）()\d，。；、：:]{2,30}?)[（(](\d{2,3})([类款项])[）)]")


def _narrative_as_inspected(doc: Document) -> list[Finding]:
    """Findings an inspector makes on the text: comparisons with the report's own year, growth rates
    that do not follow from the figures beside them, a subject's figure that differs from its
    table, and a subject named otherwise than in the tables."""
    from budgetqa.parser.narrative import prose

    out: list[Finding] = []
    sections = prose(doc)
    out += _compared_with_own_year(doc, sections)
    out += _rates_against_figures(doc, sections)
    out += _subject_figures_and_names(doc)
    return out


def _compared_with_own_year(doc: Document, sections) -> list[Finding]:
    """A 2026 budget compared with '2026年预算' (itself): the comparison should be with 2025."""
    if not doc.year:
        return []
    out = []
    for _, text, line_at in sections:
        for m in _COMPARED_WITH.finditer(text):
            year = int(m.group(1))
            if doc.kind == "决算" and (year < doc.year or "预算" in m.group(2)):
                continue  # an earlier year, or a 决算 set against the same year's budget
            if doc.kind == "预算" and (year == doc.year - 1 or (year < doc.year - 1 and not m.group(2))):
                continue  # the year before (a budget is set against the last one or its execution)
            start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
            clause = text[start:m.end()].strip()
            out.append(Finding(
                CONTRADICTION, "narrative_year",
                f"说明与 {year}年{m.group(2) or ''} 比较（本报告是 {doc.year}年{doc.kind}，比较的应是 {doc.year - 1}年）：「{clause[-60:]}」",
                Decimal(year), Decimal(doc.year - 1), "年", [line_at(m.start())],
                detail=clause,
            ))
    return out


def _rates_against_figures(doc: Document, sections) -> list[Finding]:
    """'2025年…执行数为43269.3万元，2026年预算安排3845.49万元，比2025年…增加17.62%': the rate
    recomputed from the two figures of the sentence."""
    out = []
    for _, text, line_at in sections:
        for s in re.finditer(r"[^。；]+", text):
            sentence = s.group()
            rate = _RATE_AGAINST.search(sentence)
            if not rate or re.search(rf"(?:增加|减少|增长|下降)\s*{AMOUNT}\s*万元", sentence):
                continue  # a change in 万元 beside the rate: the rate check of changes covers it
            figures = [(m.group(1), m.group(2), m) for m in _YEAR_AMOUNT.finditer(sentence[: rate.start()])]
            base = [f for f in figures if f[0] == rate.group(1)]
            current = [f for f in figures if f[0] != rate.group(1)]
            if len(base) != 1 or len(current) != 1:
                continue
            before, after = to_decimal(base[0][2].group(3)), to_decimal(current[0][2].group(3))
            if not before:
                continue
            stated = to_decimal(rate.group(4))
            stated = -stated if rate.group(3) in ("减少", "下降") else stated
            computed = (after - before) / before * 100
            found = _compare_rate(
                stated, computed, kind="narrative_rate", unit="%",
                subject=f"说明 {rate.group(1)}年{rate.group(2)} {before}万元 → {after}万元 的变动率",
                lines=[line_at(s.start() + rate.start())],
                detail=f"({after}-{before})/{before}×100",
            )
            if found:
                out.append(found)
    return out


def _compare_rate(stated: Decimal, computed: Decimal, **kw) -> Finding | None:
    """A stated rate against the exact one: nothing when it is the exact rate rounded or cut to the
    stated digits; otherwise the rounding-or-contradiction rule of _compare."""
    q = _last_digit(stated)
    rounded = computed.quantize(q, rounding=ROUND_HALF_UP)
    cut = computed.quantize(q, rounding=ROUND_DOWN)
    if stated in (rounded, cut):
        return None
    return _compare(stated, [rounded], **kw)


def _subject_figures_and_names(doc: Document) -> list[Finding]:
    """A paragraph on a coded subject (住房保障支出（221类）住房改革支出（02款）住房公积金（01项）):
    its figures against the table row of that code, and its names against the tables' names."""
    out: list[Finding] = []
    named: set[tuple[str, str]] = set()
    seen: set[tuple[str, Decimal]] = set()
    groups: dict[str, list[Fact]] = {}
    for f in doc.facts:
        if f.topic and f.kind == "amount":
            groups.setdefault(f.topic, []).append(f)
    for topic, facts in groups.items():
        code, names = "", []
        for m in _CODED_SUBJECT.finditer(topic):
            part = m.group(2)
            code = part if m.group(3) == "类" else code + part.zfill(2)
            names.append((m.group(1).strip(), code))
        if not names:
            continue
        for name, subject_code in names:
            rows = doc.rows_with_code(subject_code)
            if not rows or (name, subject_code) in named:
                continue
            table, row = rows[0]
            printed = compact(row.name)
            if name and printed and name not in printed and printed not in name:
                named.add((name, subject_code))
                out.append(Finding(
                    CONTRADICTION, "narrative_name",
                    f"说明写「{name}（{subject_code}）」，表{table.no} {subject_code} 写「{printed}」：科目名称前后不一致",
                    Decimal(subject_code), Decimal(subject_code), "", [facts[0].line, row.line],
                    detail=f"{name} ≠ {printed}",
                ))
        row_figure = _figure_of_code(doc, code)
        if row_figure is None:
            continue
        table, row, amount = row_figure
        first = facts[0]
        own = [first] + [f for f in facts[1:] if _this_years_figure(doc, f)]
        for f in own:
            scale = _scale(table.unit, f.unit)
            if scale is None or (f.label, f.value) in seen:
                continue
            seen.add((f.label, f.value))
            figure = (amount * scale).quantize(_last_digit(f.value), rounding=ROUND_HALF_UP)
            found = _compare(f.value, [figure], kind="narrative_table", unit=f.unit,
                             subject=f"说明「{names[-1][0]}」{f.label if f is not first else ''} {f.value}{f.unit} "
                                     f"与 表{table.no} {code} {row.name} {amount}{table.unit}",
                             lines=[f.line, row.line])
            if found:
                out.append(found)
    return out


def _last_digit(value: Decimal) -> Decimal:
    """The unit of a printed figure's last digit (17.62 -> 0.01, 28 -> 1)."""
    return Decimal(1).scaleb(min(value.as_tuple().exponent, 0))


def _this_years_figure(doc: Document, fact: Fact) -> bool:
    """'2026年预算安排201.50万元' in a 2026 budget, '支出决算为51.32万元' in a 决算."""
    at = fact.sentence.find(str(fact.value)) if fact.sentence else -1
    before = fact.sentence[max(0, at - 16):at] if at >= 0 else fact.label
    if doc.kind == "预算":
        return "预算安排" in fact.label and (not doc.year or f"{doc.year}年" in before)
    return fact.label.endswith("决算") or "支出决算" in fact.label


def _figure_of_code(doc: Document, code: str) -> tuple[Table, Row, Decimal] | None:
    for kind in ("gp_expenditure", "expenditure", "fiscal_expenditure"):
        table = doc.table(kind)
        row = next((r for r in table.rows if r.code == code and r.cells), None) if table else None
        if row is not None:
            return table, row, row.cells[0].amount
    return None


def _scale(table_unit: str, fact_unit: str) -> Decimal | None:
    if table_unit not in YUAN_PER_UNIT or fact_unit not in YUAN_PER_UNIT:
        return None
    return YUAN_PER_UNIT[table_unit] / YUAN_PER_UNIT[fact_unit]
