"""Operations that read printed figures: value, breakdown (the parts of a figure) and parent.

A value answer states each named figure with its table and line; a subject code also shows its
split into this year's money and money carried over, a project its split by fund. Topics the
report treats apart (三公经费, 机关运行经费, 政府采购, assets) are read from their own table or
paragraph, and a topic the report states it does not have is answered with that statement.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from budgetqa import lexicon, patterns
from budgetqa.answer import build
from budgetqa.answer.lists import column_domain, list_answer, side_rows
from budgetqa.answer.text import define, units
from budgetqa.answer.topics import topic_answer
from budgetqa.answer.build import add, answer, cited, joined, pct, said
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import (NARRATIVE, Value, best_values, carry_split, children_rows, code_place, topic_facts,
                                     group_members, measure_column, parent_row, row_of, row_values, table_no_of, values,
                                     whole_column)
from budgetqa.models import Document, Row, Table
from budgetqa.models import ECONOMIC_CLASSES
from budgetqa.question.mentions import Mention
from budgetqa.question.query import Query
from budgetqa.question.vocabulary import Term
from budgetqa.textnorm import squash, strip_ordinal

# Readings of one mention, most specific first, when it could name several kinds of things.
_KIND_ORDER = ("code", "item", "project", "target", "group", "list", "row", "column", "topic", "fact", "asset", "table", "term",
               "unit")


# Words saying a figure is asked as the report's text states it (说明里写的, 文字部分, 正文中).
_IN_TEXT = patterns.compile(r"说明(?:里|中|部分|里面|第?[一二三四五六七八九十\d]+(?:部分)?)?(?:写|说|讲|提|称|列|给)|文字(?:部分|说明)|正文|文中")


def ordered(m: Mention) -> list[Term]:
    """A mention's readings, most specific kind first (a synonym's keep the lexicon's order)."""
    if m.via == "synonym":
        return list(m.terms)
    return sorted(m.terms, key=lambda t: _KIND_ORDER.index(t.kind) if t.kind in _KIND_ORDER else 99)


def mention_values(doc: Document, m: Mention, q: Query) -> list[Value]:
    """The figures of one mention: its most specific reading that has any (projects within the scope)."""
    if (m.table if m.table is not None else q.table) is not None:
        m = _in_table(doc, m.table if m.table is not None else q.table, m)
    terms = ordered(m)
    if _IN_TEXT.search(q.squashed):  # 说明里写的人员经费: the figure the text states, before any table's
        terms = sorted(terms, key=lambda t: t.kind != "fact")
    if q.scope in ("本年", "上年结转"):
        scoped = [t for t in terms if t.kind != "project" or any(p.name == t.key and p.scope == q.scope for p in doc.projects)]
        terms = scoped or terms
    return best_values(doc, terms, q)


# --------------------------------------------------------------------------- value
def value(doc: Document, q: Query) -> Answer | None:
    """The figure of each named thing."""
    if not q.subjects:
        if q.whole is not None:
            return value(doc, _as_subject(q))
        if q.table is None and q.scope == "上年结转":  # 去年没花完留到今年的钱有多少: the carried-over row
            found = row_values(doc, "上年结转", q)
            if found:
                a = answer("value", found[0].label, cited(found[0]) + "。")
                add(a, found[0])
                return a
        return table_answer(doc, q.table, q) if q.table is not None else None
    if len(q.subjects) >= 2 and all(m.kinds == {"table"} for m in q.subjects):  # 表七、表八、表九是什么情况: each table
        nos = dict.fromkeys([int(m.term.key) for m in q.subjects] + ([q.table] if q.table is not None else []))
        found = [a for no in nos if (a := table_answer(doc, no, q)) is not None]
        return combine("value", found) if found else None
    if len(q.subjects) == 1:
        m = q.subjects[0]
        found = one_value(doc, q, m)
        if found is None and m.kinds == {"table"}:  # 表九叫什么: the table itself, its title and its total
            return table_answer(doc, int(m.term.key), q)
        return found
    answers = [one_value(doc, q, m) for m in q.subjects]
    found = [a for a in answers if a is not None and a.matched]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return combine("value", found)


def _as_subject(q: Query) -> Query:
    return replace(q, subjects=[q.whole], whole=None)


def _in_table(doc: Document, no: int, m: Mention, column: bool = False) -> Mention:
    """The readings of a mention that the named table prints (all of them when it prints none); only
    its columns when the question says 那一列."""
    table = next((t for t in doc.tables if t.no == no), None)
    if table is None:
        return m

    def printed(t: Term) -> bool:
        if t.kind == "code" and not column:
            return any(r.code == t.key for r in table.rows)
        in_rows = not column and any(squash(strip_ordinal(r.name)) == squash(t.name) for r in table.rows)
        return in_rows or any(c.rsplit("/", 1)[-1] == t.name for c in table.columns)

    kept = [t for t in m.terms if printed(t)]
    if not kept and not column:  # a code the table prints by its name only (八、城乡社区支出): that row
        kept = [Term("row", t.name, t.name) for t in m.terms if t.kind == "code" and t.name
                and any(squash(strip_ordinal(r.name)) == squash(t.name) for r in table.rows)][:1]
    if not kept and not column and "topic" not in m.kinds \
            and any(t.name and squash(t.name) in squash(table.title) for t in m.terms):
        kept = [Term("table", str(no), table.title)]  # 基本支出决算表的基本支出: what the table is of, its total
    return replace(m, terms=kept or m.terms)


def combine(op: str, answers: list[Answer]) -> Answer:
    """Several answers as one card: every sentence (once), every figure, the first rows."""
    seen: set[str] = set()
    answers = [x for x in answers if not (x.text in seen or seen.add(x.text))]  # the same card for two names: once
    a = Answer(True, op, " ".join(x.text for x in answers), understood="；".join(x.understood for x in answers if x.understood))
    for x in answers:
        a.figures += x.figures
        a.sources += [s for s in x.sources if s not in a.sources]
    first = next((x for x in answers if x.rows), None)
    if first is not None:
        a.columns, a.rows = first.columns, first.rows
    a.figures = a.figures[:40]
    return a


# A count of people or things asked (多少个专职调解员, 几名工作人员): no amount of money answers it.
_COUNT_ASKED = patterns.compile(r"(?:多少|几)(?:个|名|位|人)[\u4e00-\u9fff]{0,6}?(?:员|人|工|职工|干部)")


def _one_line_of_descent(codes: list[str]) -> bool:
    """Codes each inside the next (21205, 2120501): one subject printed at two levels."""
    chain = sorted(codes, key=len)
    return all(b.startswith(a) for a, b in zip(chain, chain[1:]))


def one_value(doc: Document, q: Query, m: Mention) -> Answer | None:
    """The figure of one mention, by what it names."""
    if m.kinds == {"fact"} and _COUNT_ASKED.search(q.squashed) \
            and all(f.unit in ("万元", "元") for f in doc.facts if f.label in {t.key for t in m.terms}):
        return None
    if m.table is not None or m.scope or m.fund:
        q = replace(q, table=m.table if m.table is not None else q.table, scope=m.scope or q.scope, fund=m.fund or q.fund)
    if q.table is not None:
        m = _in_table(doc, q.table, m, column=bool(re.match(r"(?:的)?(?:那一|这一|那|这)?[列栏]", q.squashed[m.end:])))
    if "code" in m.kinds and not q.measures and (column := whole_column(q)):
        q = replace(q, measures=[column])  # 项目支出里城乡社区支出有多少: the code's figure in that column
    if q.whole is not None and "topic" in q.whole.kinds and not m.kinds & {"code", "item", "project", "row", "column"}:
        found = topic_answer(doc, q, q.whole.of("topic")[0].key)  # 政府采购里买服务的钱
        if found is not None:
            return found
    kinds = m.kinds
    topic = _topic_of(doc, m)
    if topic and not kinds & {"code", "item", "project", "target", "group"}:
        found = topic_answer(doc, q, topic)
        if found is not None:
            return found
        said = _topic_stated(doc, topic) if kinds <= {"topic", "term", "table"} else None
        if said is not None:  # (a narrative that states the topic's figure in a sentence: “三公”经费预算2800.68万元)
            return value(doc, replace(q, subjects=[said], whole=None))
        if kinds <= {"topic", "term", "table"}:
            return Answer(False, "value", f"报告（{doc.label}）没有关于「{topic}」的数字。", understood=topic)
    if q.measures and doc.kind == "决算" and set(q.measures) & {"年初预算", "决算", "完成率"} or q.has("完成率", "完成年初"):
        stated = _stated_outturn(doc, q, m)
        if stated is not None:
            return stated
    codes = list(dict.fromkeys(t.key for t in m.terms if t.kind == "code"))
    if q.level and len(codes) > 1:  # 城乡社区规划与管理（项）: the code of that level
        codes = [c for c in codes if len(c) == {"类": 3, "款": 5, "项": 7}[q.level]] or codes
    if q.table is not None and m.terms[0].kind != "code":
        codes = []  # the named table prints another reading of the name
    if q.whole is not None and len(codes) > 1:
        codes = [_within_code(doc, codes, q.whole) or codes[0]]  # 20132组织事务下面的一般行政管理事务
    if len(codes) > 1:
        vals = [v for c in codes for v in values(doc, Term("code", c, ""), q)]
        if _one_line_of_descent(codes) and len({v.amount for v in vals}) == 1:
            return code_answer(doc, q, max(codes, key=len))  # a 款 and its only 项 of one name: said of the 项
        return build.choices("value", vals, "这个名称") if len(vals) > 1 else None
    if codes and (not kinds & {"item"} or q.measures):  # (columns asked are read in the code's row)
        return code_answer(doc, q, codes[0])
    if "project" in kinds:
        return _projects_value(doc, q, m)
    if "group" in kinds:
        return group_answer(doc, q, m.of("group")[0].key)
    if "list" in kinds and q.each:  # 本年项目支出预算表里的项目分别多少钱
        return list_answer(doc, replace(q, scope=m.of("list")[0].key, domain="projects"))
    vals = build.dedupe(mention_values(doc, m, q))
    if not vals:
        if "term" in kinds or "unit" in kinds:
            return define(doc, q) if "term" in kinds else units(doc, q)
        return _empty_row(doc, m)
    if len(vals) > 1 and all(v.asked for v in vals):
        a = answer("value", "、".join(v.label for v in vals), "；".join(cited(v) for v in vals) + "。")
        for v in vals:
            add(a, v)
        build.value_rows(a, vals)
        return a
    if len({v.amount for v in vals}) > 1:
        return build.choices("value", vals, "这个名称")
    v = vals[0]
    a = answer("value", v.label, f"{cited(v)}。")
    _three_public_beside(doc, q, m, v, a)
    if v.key.startswith("fact:"):
        sentence = next((f.sentence for f in doc.facts if f.label == v.label), "")
        if sentence and len(sentence) < 90:
            a.text += f"原文：{sentence}。"
    if v.key.startswith("total:"):
        return table_answer(doc, int(v.key.split(":")[1]), q)
    add(a, v)
    return a


def _projects_value(doc: Document, q: Query, m: Mention) -> Answer | None:
    """The figure of the project a name reads as, or a choice between the projects it fits."""
    projects = [t for t in m.terms if t.kind == "project"]
    if q.has("实施期", "年度资金", "绩效") and not any(s.project_name == t.key for t in projects for s in doc.performance):
        return Answer(False, "value", f"报告（{doc.label}）没有「{projects[0].name}」的项目绩效目标表，"
                      "没有它的实施期或年度资金数。", understood=projects[0].name)
    scoped = [t for t in projects if any(p.name == t.key and (q.scope in (None, "全部") or p.scope == q.scope)
                                         for p in doc.projects)] or projects
    names = list(dict.fromkeys(t.key for t in scoped))
    if len(names) > 1:
        vals = [v for n in names for v in values(doc, Term("project", n, n), q)]
        return build.choices("value", vals, f"「{doc.lines and m.term.name}」") if len(vals) > 1 else None
    return project_answer(doc, q, names[0])


def _three_public_beside(doc: Document, q: Query, m: Mention, v: Value, a: Answer) -> None:
    """An economic item that is also a line of the 三公 table (公务接待费): that table's figure beside it,
    printed in its own unit and rounding; both are the report's, neither is chosen silently."""
    if q.table is not None or v.key.startswith("fact:") or "item" not in m.kinds:
        return
    w = three_public_value(doc, q, m)
    if w is not None and (w.where, w.line) != (v.where, v.line):
        a.text += f"「三公」经费表另列 {cited(w)}。"
        add(a, w)


def three_public_value(doc: Document, q: Query, m: Mention) -> Value | None:
    """A name's figure in the 三公 table, when that table prints a line of the name (公务用车运行维护费 is
    printed there as 公务用车运行费)."""
    for t in m.terms:
        if t.kind == "row":
            for w in values(doc, t, q):
                table = doc.table_no(table_no_of(w.where) or 0)
                if table is not None and table.kind == "three_public":
                    return w
    plain = re.sub(r"维护|及", "", squash(m.term.name))
    for table in (t for t in doc.tables if t.kind == "three_public"):
        row = next((r for r in table.rows if r.first is not None and re.sub(r"维护|及", "", squash(r.name)) == plain), None)
        if row is not None:
            return Value(row.label, row.first, table.unit, table.label, row.line, f"row:{table.no}:{row.row_no}")
    return None


def _stated_outturn(doc: Document, q: Query, m: Mention) -> Answer | None:
    """What a 决算's paragraph on one subject states (年初预算, 支出决算, 完成年初预算的比例)."""
    found = topic_facts(doc, replace(q, subjects=[m]))
    if found is None:
        return None
    topic, facts = found
    a = answer("value", topic, f"{topic}：" + "，".join(
        f"{f.label} {amount_text(f.value, f.unit)}" if f.unit != "%" else f"{f.label} {f.value}%" for f in facts)
        + f"（{NARRATIVE} 第{facts[0].line}行）。")
    for f in facts:
        a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    return a


def _topic_stated(doc: Document, topic: str) -> Mention | None:
    """The first figure the narrative states under the topic's own name (“三公”经费预算 of 三公经费)."""
    name = squash(topic)
    fact = next((f for f in sorted(doc.facts, key=lambda f: f.line) if f.kind == "amount" and f.unit != "%"
                 and squash(re.sub(r"[“”\"'‘’]", "", f.label)).startswith(name)), None)
    return Mention(10_000, 10_000, [Term("fact", fact.label, fact.label)], via="context") if fact is not None else None


def _topic_of(doc: Document, m: Mention) -> str | None:
    """The topic a mention names: a topic word, a row of the 三公 table, a stated 政府采购 figure."""
    if "topic" in m.kinds:
        return m.of("topic")[0].key
    three = doc.table("three_public")
    if three is not None and any(t.kind == "row" and any(r.name == t.name for r in three.rows) for t in m.terms):
        return "三公经费"
    if any(t.kind == "fact" and "采购" in t.name for t in m.terms):
        return "政府采购"
    return None


def _within_code(doc: Document, codes: list[str], whole: Mention) -> str | None:
    """Of the codes a name has, the one printed under the whole the question names (卫生健康类下面的…)."""
    parents = [t.key for t in whole.terms if t.kind == "code"]
    return next((c for c in codes for p in parents if c.startswith(p)), None)


def _empty_row(doc: Document, m: Mention) -> Answer | None:
    if m.kinds & {"row"}:
        name = m.of("row")[0].name
        return answer("value", name, f"报告列有「{name}」，但金额栏为空：没有这一项的数字。")
    return None


def _column_said(column: str, of_total: bool) -> str:
    """A column named beside a figure: its last header as a part of the row's total (其中 一般公共预算), its
    whole header otherwise (本年收入合计 beside 上年结转, where 合计 alone would read as the row's total)."""
    last = re.sub(r"^其中[：:]?", "", column.rsplit("/", 1)[-1])
    return last if of_total or last not in ("合计", "小计") else column.replace("/", "")


def code_answer(doc: Document, q: Query, code: str) -> Answer | None:
    """A subject code's figure, with this year's part and the carried-over part."""
    vals = values(doc, Term("code", code, ""), q)
    if not vals:
        return None
    place = code_place(doc, code, q)
    table, row = place
    # this year's part and the carried-over part, read from a 预算's income table (a 决算's income
    # table splits by source of income, not by year: no such split there)
    split = carry_split(doc, code) if not q.measures and q.table is None and not q.fund and doc.kind != "决算" else None
    head = vals[0]
    if len(vals) > 1 or q.measures or q.table is not None or q.fund:
        # the other cells are parts of the row's first (total) column; beside any other column they are only its row's
        total_read = bool(row.cells) and any(v.line == row.cells[0].line and v.amount == row.cells[0].amount for v in vals)
        others = [f"{_column_said(c.column, total_read)} {amount_text(c.amount, table.unit)}" for c in row.cells
                  if not any(v.line == c.line and v.amount == c.amount for v in vals)]
        text = "；".join(said(v) for v in vals) + (
            f"（{'其中' if total_read else '同一行另列'} {'，'.join(others)}）" if others and len(vals) == 1 else "")
        first = row.cells[0] if row.cells else None
        if len(vals) > 1 and first is not None and not any(v.amount == first.amount for v in vals):
            # several columns of a row: its first (total) column too, as the figure they are parts of
            total = Value(f"{code} {row.name} {first.column.rsplit('/', 1)[-1]}", first.amount, table.unit, table.label,
                          first.line, code)
            text = f"{total.label} {amount_text(total.amount, total.unit)}；" + text
            vals = [total] + vals
        a = answer("value", f"{table.label} {code} {row.name}" if q.table or q.fund else head.label,
                   text + f"（{table.label} 第{row.line}行）。")
    elif split is not None and q.scope in ("本年", "上年结转"):
        income, irow, current, carried = split
        part = current if q.scope == "本年" else (carried or Decimal(0))
        word = "当年预算安排" if q.scope == "本年" else "上年结转"
        total = values(doc, Term("code", code, ""), Query())[0]
        a = answer("value", f"{code} {row.name}", f"{code} {row.name} {word} {amount_text(part, income.unit)}"
                   f"（{income.label} 第{irow.line}行）；支出合计 {amount_text(total.amount, total.unit)}（{total.where}）。")
        if q.scope == "本年" and not current and carried:
            a.text += f"该科目 {amount_text(carried, income.unit)} 全部来自上年结转。"
        a.figure(f"{code} {row.name} {word}", part, income.unit, income.label, irow.line)
        add(a, total)
        _code_rows(doc, a, code)
        return a
    else:
        text = f"{code} {row.name} {amount_text(head.amount, head.unit)}（{head.where} 第{head.line}行"
        if split is not None:
            income, irow, current, carried = split
            parts = [f"当年预算安排 {amount_text(current, income.unit)}"]
            if carried is not None:
                parts.append(f"上年结转 {amount_text(carried, income.unit)}")
            text += f"），其中{'，'.join(parts)}（{income.label} 第{irow.line}行"
            if not current and carried:
                text += "；全部来自上年结转"
        a = answer("value", f"{table.label} {head.label}" if q.side else head.label, text + "）。")  # (收了多少: which table)
    for v in vals:
        add(a, v)
    _in_wan_too(doc, a, row, head)
    if split is None and lexicon.MONEY_SOURCE_ASKED.search(q.squashed):
        _income_sources(doc, a, code)
    if lexicon.FUND_ASKED.search(q.squashed):
        _funds_printing(doc, a, code)
    _code_rows(doc, a, code)
    up = parent_row(table, row)
    if up is not None and any(r.name == row.name and r.code != code and r.code for r in table.rows):
        a.text += f"（{code} 属于 {up.label}；报告另有同名科目。）"  # 一般行政管理事务 under two 款: said whose it is
        a.focus = [replace(head, key=code)]  # (它的上一级: this code, not another of the same name)
    by_purpose = any(m.via == "purpose" and code in {t.key for t in m.terms} for m in q.subjects)
    if q.has(*_WHAT_FOR) or by_purpose:  # (named by what its money is for: where the report says so)
        if (leaf := _single_leaf(table, row)) is not None:  # 住房保障支出是什么钱: all of it one finest subject
            a.text += f"它只有一个明细科目：{leaf.label}。"
        chain = _ancestors(table, row)
        if chain and q.has("什么钱", "哪类钱", "哪种钱", "什么资金", "哪种资金", "哪类资金"):  # (which money: its 款 and 类)
            a.text += f"{code} 属于 " + "，".join(f"{r.label}（{r.level or '类'}）" for r in chain) + "。"
        said_of = code_explained(doc, code, row.name)
        if said_of is not None:
            a.text += f"情况说明：{said_of[1]}（第{said_of[0]}行）。"
            a.source(NARRATIVE, said_of[0], f"{code} {row.name}")
    return a


# Words asking what a subject's money is for or what it is.
_WHAT_FOR = ("是什么钱", "什么钱", "是什么支出", "什么性质", "用在哪", "用于哪", "用途", "干什么", "做什么", "干啥",
             "什么用", "是啥", "是什么")
_SAID_OF = patterns.compile(r"(主要用于[：:]?[^。；]+|反映[^。；]+|为(?![\s\d])[^。；]{2,40}(?:支出|资金|经费))")


def _income_sources(doc: Document, a: Answer, code: str) -> None:
    """Where a subject's money comes from, when the income table prints its row split by source of income (a
    决算's 财政拨款收入, 事业收入, 其他收入): each source with its share of the row's total; a column under another
    (其中：教育收费) is said inside the one it is part of."""
    income = doc.table("income")
    row = row_of(income, code) if income is not None else None
    if row is None or len(row.cells) < 2 or not row.first:
        return
    total, parts = row.cells[0], []
    for cell in row.cells[1:]:
        name = cell.column.rsplit("/", 1)[-1]
        if not cell.amount:
            continue
        if name.startswith("其中") and parts:
            parts[-1] += f"（{name} {amount_text(cell.amount, income.unit)}）"
            continue
        parts.append(f"{name} {amount_text(cell.amount, income.unit)}（占 {pct(cell.amount, total.amount)}%）")
        a.figure(f"{code} {row.name} {name}", cell.amount, income.unit, income.label, cell.line)
    a.text += (f"资金来源（{income.label} 第{row.line}行）：{total.column.rsplit('/', 1)[-1]} "
               f"{amount_text(total.amount, income.unit)}，其中 " + "；".join(parts) + "。")


def _ancestors(table, row) -> list:
    """The rows a row sits under, nearest first (its 款, then its 类)."""
    chain = []
    while (up := parent_row(table, chain[-1] if chain else row)) is not None:
        chain.append(up)
    return chain


def _funds_printing(doc: Document, a: Answer, code: str) -> None:
    """Which fund a subject's money comes from: the funds whose own tables print it (一般公共预算支出表,
    政府性基金预算支出表)."""
    funds = []
    for table, row in doc.rows_with_code(code):
        fund = next((f for f in ("一般公共预算", "政府性基金", "国有资本经营") if f in table.title), None)
        if fund and row.first and fund not in [f for f, _ in funds]:
            funds.append((fund, f"{table.label} 第{row.line}行 {amount_text(row.first, table.unit)}"))
    if funds:
        a.text += "资金来源：" + "；".join(f"{fund}（{where}）" for fund, where in funds) + "。"
    else:
        a.text += "报告没有按资金分表列出这一科目。"


def _in_wan_too(doc: Document, a: Answer, row, head: Value) -> None:
    """A table in 元 whose figure the narrative states in 万元 (…城市建设支出（项）”2026年度预算338万元): that
    statement too, the unit people say figures in."""
    if head.unit != "元" or not head.amount:
        return
    wan = head.amount / 10000
    said = next((f for f in doc.facts if f.kind == "amount" and f.unit == "万元" and abs(f.value - wan) < Decimal("0.005")
                 and row.name in f"{f.topic}{f.sentence}"), None)
    if said is not None:
        a.text += f"情况说明写作 {amount_text(said.value, said.unit)}（第{said.line}行）。"
        a.figure(f"{row.name}（情况说明）", said.value, said.unit, NARRATIVE, said.line)


def code_explained(doc: Document, code: str, name: str) -> tuple[int, str] | None:
    """What the narrative says a subject is for: the sentence (主要用于…, 反映…, 为…支出) of the
    paragraph that names its code (…（2059802）) or its chain (…（款）-城市建设支出（项）)."""
    parent = next((r.name for _, r in doc.rows_with_code(code[:5])[:1]), "") if len(code) == 7 else ""
    marks = [f"（{code}）", f"({code})"] + ([f"{strip_ordinal(parent)}（款）-{name}（项）"] if parent else [])
    marks = [squash(m) for m in marks]
    flat_lines = getattr(doc, "_flat_lines", None)
    if flat_lines is None:
        flat_lines = doc._flat_lines = [squash(line) for line in doc.lines]  # type: ignore[attr-defined]
    for no, flat in enumerate(flat_lines, 1):
        if not any(m in flat for m in marks):
            continue
        paragraph = "".join(x.strip() for x in doc.lines[no - 1:no + 3])
        m = _SAID_OF.search(paragraph[paragraph.find(code) if code in paragraph else 0:])
        if m:
            return no, m.group(1).strip("，, ")
    return None


def _code_rows(doc: Document, a: Answer, code: str) -> None:
    """The code's row in every table that prints it: the row's first figure, and the figures of its
    other columns where they differ from it."""
    a.columns = ["表", "科目编码", "科目名称", "栏目", "金额", "单位", "行"]
    for table, row in doc.rows_with_code(code):
        for c in row.cells:
            if c is row.cells[0] or c.amount != row.cells[0].amount:
                a.rows.append([f"表{table.no}", code, row.name, c.column, c.amount, table.unit, c.line])
        a.source(table.label, row.line, f"{code} {row.name}")


def project_answer(doc: Document, q: Query, name: str) -> Answer | None:
    """A project's amount with its split by fund, and its namesake in the other list."""
    vals = values(doc, Term("project", name, name), q)
    if not vals:
        return None
    if len(vals) > 1 and not q.each:
        a = answer("value", name, "；".join(cited(v) for v in vals) + "。")
        for v in vals:
            add(a, v)
        build.value_rows(a, vals)
        return a
    v = vals[0]
    project = next((p for p in doc.projects if p.name == name and v.key.endswith(f":{p.name}") and p.scope in v.label), None)
    funds = ""
    if project is not None:
        split = [(c.rsplit("/", 1)[-1], x) for c, x in project.amounts.items() if c != "合计" and x]
        if split:
            funds = "其中 " + "，".join(f"{c} {amount_text(x, v.unit)}" for c, x in split) + "；"
    a = answer("value", v.label, f"{v.label} {amount_text(v.amount, v.unit)}（{funds}{v.where} 第{v.line}行）。")
    add(a, v)
    sheet = next((s for s in doc.performance if s.project_name == name), None)
    if sheet is not None:
        _sheet_figures(a, sheet, v)
        if _SOURCE_LEVEL_ASKED.search(q.squashed) or lexicon.FUND_ASKED.search(q.squashed):
            _sheet_sources(a, sheet)
    a.columns = ["项目名称", "金额", "单位", "出处", "行"]
    a.rows = [[name, v.amount, v.unit, v.where, v.line]]
    return a


# Where a project's money comes from, asked by the level of government or the source (哪一级财政出的, 资金来源)
_SOURCE_LEVEL_ASKED = patterns.compile(r"哪一?级(?:财政|政府)?|资金来源|钱从哪|从哪(?:里|儿)?(?:来|出)|来源于|谁出(?:的)?钱|哪(?:里|儿)出的")


def _sheet_sources(a: Answer, sheet) -> None:
    """The sources a sheet splits its year's money into (中央 / 省级 / 市县（区）财政资金, 单位自筹): the ones
    holding money named with their amounts, the ones at 0 said so."""
    sources = [(k.split("/", 1)[1], x) for k, x in sheet.funds.items() if k.startswith("年度/") and "总额" not in k]
    held = [(name, x) for name, x in sources if x]
    if not held:
        return
    a.text += "资金来源（绩效目标表，年度）：" + "；".join(f"{name} {amount_text(x, sheet.unit)}" for name, x in held)
    empty = [name for name, x in sources if not x]
    a.text += (f"；{'、'.join(empty)} 为 0。" if empty else "。")
    for name, x in held:
        a.figure(f"{sheet.project_name} {name}", x, sheet.unit, sheet.title, sheet.fund_lines.get(f"年度/{name}", sheet.line))


def _sheet_figures(a: Answer, sheet, v: Value) -> None:
    """A project's target sheet states its funds again (in 元): say so, and when the two differ."""
    year_key = next((k for k in sheet.funds if k.startswith("年度") and "总额" in k), None)
    period_key = next((k for k in sheet.funds if k.startswith("实施期") and "总额" in k), None)
    if year_key is None:
        return
    year, period = sheet.funds[year_key], sheet.funds.get(period_key)
    line = sheet.fund_lines.get(year_key, sheet.line)  # (the line printing the fund, not the sheet's first)
    a.text += f"绩效目标表：年度资金总额 {amount_text(year, sheet.unit)}"
    if period is not None and period != year:
        a.text += f"，实施期资金总额 {amount_text(period, sheet.unit)}（两者不同）"
        a.figure(f"{sheet.project_name} 实施期资金总额", period, sheet.unit, sheet.title,
                 sheet.fund_lines.get(period_key, sheet.line))
    a.text += "。"
    a.figure(f"{sheet.project_name} 年度资金总额", year, sheet.unit, sheet.title, line)


def group_answer(doc: Document, q: Query, word: str) -> Answer | None:
    """A group of printed items named together (社保缴费): each member and their sum."""
    members = group_members(doc, word)
    if len(members) == 1:  # (医疗支出: one printed row holds every member, 21011 行政事业单位医疗)
        if members[0].key.isdigit():
            return code_answer(doc, q, members[0].key)
        a = answer("value", f"{word}：{members[0].label}", f"{cited(members[0])}。")
        add(a, members[0])
        return a
    if len(members) < 2:
        return None
    total = build.total(members)
    unit = members[0].unit
    a = answer("sum", f"{word}：{'、'.join(v.label for v in members)}",
               " + ".join(f"{v.label} {v.amount}" for v in members) + f" = {amount_text(total, unit)}（{members[0].where}）。")
    a.figure(f"{word}合计（计算）", total, unit)
    for v in members:
        add(a, v)
    build.value_rows(a, members)
    return a


def table_answer(doc: Document, no: int, q: Query | None = None) -> Answer | None:
    """A table asked for as a whole: its total row (the one printed 总计 when the question says 总计), and its
    rows below."""
    table = next((t for t in doc.tables if t.no == no), None)
    if table is None:
        return None
    if not table.has_data:
        a = answer("value", table.label, f"{table.label}：本表无数据。")
        stated = [f for f in doc.facts if f.kind == "amount" and f.value == 0 and _shares_words(f.label, table.title)]
        for f in stated[:2]:
            a.text += f"情况说明：{f.label} {amount_text(f.value, f.unit)}（第{f.line}行）。"
            a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
        a.source(table.label, table.line, table.title)
        return a
    total = table.total_row("支出") if table.two_sided else table.total_row()
    if q is not None and "总计" in q.squashed:
        total = next((r for r in table.rows if squash(r.name) == "总计" and r.side in (None, "", "支出")), total)
    if total is None and table.kind.startswith("projects") and table.rows:
        total = table.rows[0]
    a = answer("value", table.label, "")
    if total is not None:
        parts = [f"{c.column.rsplit('/', 1)[-1]} {amount_text(c.amount, table.unit)}" for c in total.cells]
        a.text += f"{total.name}：" + "，".join(parts) + f"（第{total.line}行）；共 {len(table.rows)} 行，见下表。"
        for c in total.cells[:6]:
            a.figure(f"{total.name} {c.column.rsplit('/', 1)[-1]}", c.amount, table.unit, table.label, c.line)
    else:
        a.text += f"{table.label} 共 {len(table.rows)} 行，见下表。"
    columns = table.columns if not table.two_sided else ["金额"]
    a.columns = ["科目编码", "名称"] + [c.rsplit("/", 1)[-1] for c in columns]
    for r in table.rows:
        cells = [r.amount(c) for c in table.columns] if not table.two_sided else [r.first]
        a.rows.append([r.code or "", r.name] + cells)
    items = [r for r in table.rows if r is not total and r.first is not None]
    if 0 < len(items) <= 12:  # a short table: each row's figure said too (有哪些支出，各多少)
        a.text += "其中 " + "；".join(f"{r.label} {amount_text(r.first, table.unit)}" for r in items) + "。"
        for r in items:
            a.figure(r.label, r.first, table.unit, table.label, r.line)
    a.source(table.label, table.line, table.title)
    return a


def _shares_words(label: str, title: str) -> bool:
    from rapidfuzz.distance import LCSseq

    core = re.sub(r"^\d{4}年度?|[（(][^）)]*[）)]$", "", title)  # (the title's year and its note set aside)
    return LCSseq.similarity(core, label) >= min(6, len(core))


# --------------------------------------------------------------------------- breakdown and parent
def breakdown(doc: Document, q: Query) -> Answer | None:
    """What a figure is made of: the rows under a code or an economic class, a column's items,
    a group's members, a topic's parts, a table's rows."""
    if len(q.subjects) > 1 and q.whole is None and all(m.kinds == {"code"} for m in q.subjects):
        parts = [breakdown(doc, replace(q, subjects=[m])) for m in q.subjects]  # 20131和20132下面各有哪些: each's
        if all(p is not None and p.intent == "breakdown" for p in parts):
            return joined(parts)
    if q.whole is not None and len(q.subjects) == 1 and q.whole.kinds & {"column"} and "code" in q.subjects[0].kinds \
            and q.whole.term.key in ("基本支出", "项目支出") and not q.measures:
        # (基本支出里一般公共服务支出是哪几项: the code's parts, in that column)
        return breakdown(doc, replace(q, whole=None, measures=[q.whole.term.key]))
    if q.whole is not None and q.subjects and [m.term for m in q.subjects] != [q.whole.term] or len(q.subjects) > 1:
        return value(doc, q)  # X下面的Y: Y's figure, read within X; 工资、奖金、津补贴包括哪几项: each
    # (收入就两块吧，各占总收入多少: the parts of the whole, each with its share of it)
    target = q.subjects[0] if q.subjects else q.whole
    if target is None:
        if q.scope == "上年结转" and q.level:  # 结转部分按款分别是多少: the carried-over money by 款
            return _column_places(doc, q, "上年结转")
        if q.table is not None:
            return table_answer(doc, q.table, q)
        if q.has("来", "来源", "收入"):  # 这些钱都是从哪来的
            return _side_parts(doc, "收入")
        return _side_parts(doc, "支出") if q.has("花", "用", "去", "支出") else None  # 钱主要花哪了
    if "column" in target.kinds and (q.level or q.domain == "subjects" and target.term.key not in ("上年结转", "当年预算安排")) \
            and q.domain != "items" and not q.has("经济") \
            and target.kinds <= {"column", "row", "fact", "term"}:
        found = _column_places(doc, replace(q, level=q.level or "项"), target.of("column")[0].key)  # 上年结转落在哪几个项级科目上
        if found is not None:
            return found  # (公用经费具体是哪几项: no subject has it as a column; its items, below)
    if "list" in target.kinds:  # 这533.88万分成哪几个项目: the list's projects
        return list_answer(doc, replace(q, scope=target.of("list")[0].key, domain="projects"))
    kinds = target.kinds
    if kinds & {"project", "target"} and q.has("来", "来源") \
            or kinds & {"code", "row"} and lexicon.MONEY_SOURCE_ASKED.search(q.squashed) \
            and not re.fullmatch(r"(?:收入|支出)总计", squash(target.term.name)):  # (收入总计's sources: the income side)
        return value(doc, q)  # 这个项目的钱从哪来 / 20132的资金来源: its figure by fund (当年安排, 上年结转)
    if "group" in kinds:
        return group_answer(doc, q, target.of("group")[0].key)
    if "topic" in kinds and kinds <= {"topic", "term", "row", "fact"}:
        return topic_answer(doc, q, target.of("topic")[0].key)
    if "table" in kinds and len(kinds) == 1:
        return table_answer(doc, int(target.term.key), q)
    side = re.search(r"(收入|支出)(?:总计|合计|总额)", squash(target.term.name)) if kinds & {"fact", "row"} else None
    if side and not kinds & {"code"} and side.group(1) in q.squashed and (found := _side_parts(doc, side.group(1))) is not None:
        return found  # 预算收入总计由哪几块构成: the side of the summary table it totals
    for term in ordered(target):
        found = _parts(doc, q, term)
        if found is not None:
            return found
    if kinds == {"fact"} and "三公" in target.term.name and (found := topic_answer(doc, q, "三公经费")) is not None \
            and found.matched:
        return found  # “三公”经费预算数都花在哪几块: the lines of the 三公 table, not the sentence's few figures
    if kinds == {"fact"}:  # 政府采购预算总额由哪些构成: the other figures its sentence states
        return _sentence_parts(doc, target.term.key)
    code = next((t.key for t in target.terms if t.kind == "code" and len(t.key) == 7), None)
    if code is not None and q.cued and q.ops and q.ops[0][1] == "breakdown" and re.search(r"下面(?:有|的|都|还|是)|下级|明细|细分|再往下", q.squashed) \
            and not re.search(r"哪(?:个|一个)?(?:款|类)|属于|上级|上一级", q.squashed):
        # a 项 asked for its parts is the finest level: the report prints nothing under it
        return Answer(False, "breakdown", f"{code} {target.term.name} 是项级科目（功能分类最末一级），报告没有列出它下面的明细。",
                      document=doc.label)
    return None


def _sentence_parts(doc: Document, label: str) -> Answer | None:
    """A stated figure and the figures stated with it in its sentence (总额 12.00；货物 2.00；服务 10.00)."""
    head = next((f for f in doc.facts if f.label == label and f.kind == "amount"), None)
    if head is None:
        return None
    # (其中：… in the sentence after it lists its parts too)
    others = [f for f in doc.facts if f.kind == "amount" and f is not head and (f.sentence == head.sentence or (
        f.sentence.startswith("其中") and 0 < f.line - head.line <= 3))]
    if not others:
        return None
    a = answer("breakdown", f"{label} 的组成", "；".join(f"{f.label} {amount_text(f.value, f.unit)}" for f in [head] + others)
               + f"（{NARRATIVE} 第{head.line}行）。")
    for f in [head] + others:
        a.figure(f.label, f.value, f.unit, NARRATIVE, f.line)
    return a


# The column a scope names in a table that splits a row by year (本年: this year's money, 上年结转: carried over).
_SCOPE_COLUMNS = {"本年": ("当年预算安排", "本年收入", "本年预算"), "上年结转": ("上年结转",)}


def _parts(doc: Document, q: Query, term: Term) -> Answer | None:
    if term.kind == "code":
        place = code_place(doc, term.key, q)
        if place is None:
            return None
        table, row = place
        below = [r for r in table.rows if r.code and r.code != row.code and r.code.startswith(row.code)]
        if q.level:
            below = [r for r in below if r.level == q.level] or below
        column = measure_column(table, q.measures[0]) if len(q.measures) == 1 else None
        scoped = next((c for c in table.columns if any(w in c for w in _SCOPE_COLUMNS[q.scope])), None) \
            if column is None and q.scope in _SCOPE_COLUMNS else None
        if column is not None or scoped is not None:  # 20131下面哪几个项有项目支出: the rows under it in that column
            # (those that have it); 当年安排的那部分是哪几个项: those with money this year (a scope's column)
            return _column_rows_under(table, row, below, column or scoped,
                                      scoped is not None or bool(re.search(r"哪(?:几|些)(?:个)?\S{0,3}有", q.squashed)))
        return _rows_under(table, row, below, f"{row.code} {row.name}")
    if term.kind == "item":
        table = doc.table("basic_economic")
        row = next((r for r in table.rows if r.name == term.name), None) if table else None
        return _rows_under(table, row, children_rows(table, row), row.name) if row else None
    if term.kind == "column":
        return column_parts(doc, q, term.key)
    if term.kind == "project":
        return _project_parts(doc, term.key)
    if term.kind == "row" and term.key in ("收入总计", "支出总计", "本年收入合计", "本年支出合计"):
        return _side_parts(doc, "收入" if "收入" in term.key else "支出")
    if term.key in ("上年结转", "当年预算安排") and (q.domain == "subjects" or q.has("落在", "分布") and q.domain != "projects"):
        return _by_subject(doc, q, term.key)  # 上年结转资金落在哪几个项级科目上
    if term.kind == "topic":
        said_ = topic_answer(doc, q, term.key)
        figure = said_.figures[0] if said_ is not None and said_.figures else None
        return _same_figure_parts(doc, q, [Value(term.name, figure.value, figure.unit, figure.table, figure.line)]) \
            if figure else None
    if term.kind in ("fact", "list", "row"):
        return _same_figure_parts(doc, q, values(doc, term, q))
    return None


def _same_figure_parts(doc: Document, q: Query, vals: list[Value]) -> Answer | None:
    """A figure stated in words or printed as a total (一般公共预算当年支出 550.51, 机关运行经费 13.59)
    broken down where a table prints the same figure as its total: that table's top-level rows, or
    the items of the economic table's column with that total."""
    if not vals:
        return None
    amount = vals[0].amount
    for table in doc.tables:
        total = table.total_row("支出") if table.two_sided else table.total_row()
        if total is None or table.kind.startswith("projects"):
            continue
        if total.first == amount and not table.two_sided:
            top = [r for r in table.rows if r.code and r.level == "类"]
            if top:
                a = _rows_under(table, total, top, f"{vals[0].label}（即{table.label} 合计）")
                if a is not None:
                    for r in top:
                        a.figure(f"{r.label}占比", build.pct(r.first or Decimal(0), amount), "%")
                    a.text += "各类占比：" + "；".join(f"{r.name} {build.pct(r.first or Decimal(0), amount)}%" for r in top) + "。"
                return a
        for c in total.cells[1:]:
            if c.amount == amount and table.kind == "basic_economic":
                return column_parts(doc, q, c.column.rsplit("/", 1)[-1])
    return None


def _only_child(table: Table, row) -> str:
    """A row whose figure is all one chain of single children down to its finest level: that finest row,
    said beside it (212 城乡社区支出 3,380,000（即 2120803 城市建设支出）)."""
    leaf = _single_leaf(table, row)
    return f"（即 {leaf.label}）" if leaf is not None else ""


def _single_leaf(table: Table, row):
    """The finest row of a chain of single children under a row (None when the row has several or none)."""
    leaf = row
    while len(below := children_rows(table, leaf)) == 1:
        leaf = below[0]
    return leaf if leaf is not row and leaf.code else None


def _rows_under(table: Table, parent, below: list, label: str) -> Answer | None:
    if parent is None or not below:
        return None
    listing = "；".join(f"{r.label} {amount_text(r.first or Decimal(0), table.unit)}{_only_child(table, r)}" for r in below)
    a = answer("breakdown", f"{label} 的组成",
               f"{label}（{amount_text(parent.first or Decimal(0), table.unit)}）下有 {len(below)} 项：{listing}（{table.label}）。")
    a.figure(label, parent.first or Decimal(0), table.unit, table.label, parent.line)
    for r in below[:20]:
        a.figure(r.label, r.first or Decimal(0), table.unit, table.label, r.line)
    a.columns = ["科目编码", "名称", "金额", "单位", "行"]
    a.rows = [[r.code or "", r.name, r.first, table.unit, r.line] for r in below]
    a.chart = [(r.label, r.first or Decimal(0)) for r in below]
    return a


def _column_rows_under(table: Table, parent, below: list, column: str, having: bool) -> Answer | None:
    """The rows under a code in one column of its table; only those with an amount there when the
    question asks which have it."""
    def amount(r) -> Decimal:
        cell = r.cell(column)
        return cell.amount if cell is not None and cell.amount is not None else Decimal(0)

    leaf = column.rsplit("/", 1)[-1]
    leaf = column.split("/")[0] if leaf in ("合计", "小计") else leaf  # (本年收入/合计: 本年收入)
    shown = [r for r in below if amount(r)] if having else below
    label = f"{parent.code} {parent.name} {leaf}"
    if not shown:
        return answer("breakdown", f"{label} 的组成", f"{label} 下没有一项在「{leaf}」栏有金额（{table.label}）。")
    listing = "；".join(f"{r.label} {amount_text(amount(r), table.unit)}" for r in shown)
    kept = f"，其中 {len(shown)} 项有金额" if having and len(shown) < len(below) else ""
    a = answer("breakdown", f"{label} 的组成", f"{label}（{amount_text(amount(parent), table.unit)}）下有 {len(below)} 项{kept}："
               f"{listing}（{table.label}）。")
    a.figure(label, amount(parent), table.unit, table.label, parent.line)
    for r in shown[:20]:
        a.figure(f"{r.label} {leaf}", amount(r), table.unit, table.label, r.line)
    a.columns = ["科目编码", "名称", leaf, "单位", "行"]
    a.rows = [[r.code or "", r.name, amount(r), table.unit, r.line] for r in shown]
    return a


def column_parts(doc: Document, q: Query, column: str) -> Answer | None:
    """人员经费 / 公用经费: the economic items with a figure in that column; 基本支出: its two columns;
    项目支出: the project lists."""
    functional = q.has("功能") or (q.has("科目", "类", "款") and not q.has("经济"))
    if column in ("项目支出", "基本支出") and functional:
        found = _by_subject(doc, q, column)
        if found is not None:
            return found
    if column == "项目支出":
        return list_answer(doc, q)
    table = doc.table("basic_economic")
    if table is None:
        return None
    if column == "基本支出":
        total = table.total_row()
        if total is None:
            return None
        vals = [Value(c.column.rsplit("/", 1)[-1], c.amount, table.unit, table.label, c.line) for c in total.cells[1:]]
        classes = [r for r in table.rows if r.name in ECONOMIC_CLASSES and r.first is not None]
        a = answer("breakdown", "基本支出的组成", "；".join(said(v) for v in vals) + f"（{table.label} 第{total.line}行）")
        if classes:
            a.text += "；按经济分类：" + "；".join(f"{r.name} {amount_text(r.first, table.unit)}" for r in classes)
        a.text += "。"
        for v in vals:
            add(a, v)
        for r in classes:
            a.figure(r.name, r.first, table.unit, table.label, r.line)
        a.columns = ["名称", "金额", "单位", "行"]
        a.rows = [[r.name, r.first, table.unit, r.line] for r in classes]
        return a
    name = next((c for c in table.columns if c.rsplit("/", 1)[-1] == column), None)

    def amount(r):  # the row's figure in that column, or in its half when the halves are printed side by side
        return r.amount(name) if name else r.first if r.category == column else None
    rows = [r for r in table.rows if amount(r) and not r.is_total and r.name not in ECONOMIC_CLASSES]
    classes = [r for r in table.rows if amount(r) and r.name in ECONOMIC_CLASSES]
    if not rows:
        return None
    total = table.total_row() if name else next((r for r in table.rows if r.is_total and r.category == column), None)
    a = answer("breakdown", f"{column} 的组成", "")
    if classes:
        a.text += f"{column}按经济分类分为 {len(classes)} 类：" + "；".join(
            f"{r.name} {amount_text(amount(r), table.unit)}" for r in classes) + "。"
        for r in classes:
            a.figure(r.name, amount(r), table.unit, table.label, r.line)
    a.text += f"明细 {len(rows)} 项：" + "；".join(f"{r.name} {amount_text(amount(r), table.unit)}" for r in rows) + f"（{table.label}）。"
    if total is not None and amount(total) is not None:
        a.figure(f"{column}合计", amount(total), table.unit, table.label, total.line)
    for r in rows[:20]:
        a.figure(r.name, amount(r), table.unit, table.label, r.line)
    a.columns = ["名称", "类别", "金额", "单位", "行"]
    a.rows = [[r.name, r.category or "", amount(r), table.unit, r.line] for r in rows]
    a.chart = [(r.name, amount(r)) for r in rows]
    return a


def _by_subject(doc: Document, q: Query, column: str) -> Answer | None:
    """项目支出按功能科目分 / 上年结转落在哪些科目上: the classification rows with a figure in that column,
    at the level asked (the most detailed by default)."""

    table = next((t for k in ("expenditure", "gp_expenditure", "fiscal_expenditure", "income") for t in doc.tables
                  if t.kind == k and measure_column(t, column) and any(r.code for r in t.rows)), None)
    if table is None:
        return None
    name = measure_column(table, column)
    parents = {r.parent_code for r in table.rows if r.parent_code}
    rows = [r for r in table.rows if r.code and r.amount(name) and (r.level == q.level if q.level else r.code not in parents)]
    if not rows:
        return None
    total = table.total_row()
    a = answer("breakdown", f"{column}按科目（{table.label}）",
               f"{column}落在 {len(rows)} 个科目：" + "；".join(f"{r.label} {amount_text(r.amount(name), table.unit)}" for r in rows)
               + (f"；合计 {amount_text(total.amount(name), table.unit)}" if total is not None and total.amount(name) is not None else "")
               + f"（{table.label}）。")
    for r in rows[:20]:
        a.figure(r.label, r.amount(name), table.unit, table.label, r.line)
    if total is not None and total.amount(name) is not None:
        a.figure(f"{column}合计", total.amount(name), table.unit, table.label, total.line)
    a.columns = ["科目编码", "名称", column, "单位", "行"]
    a.rows = [[r.code, r.name, r.amount(name), table.unit, r.line] for r in rows]
    a.chart = [(r.label, r.amount(name)) for r in rows]
    return a


def _project_parts(doc: Document, name: str) -> Answer | None:
    """A project's money by fund, when it comes from more than one."""
    project = next((p for p in doc.projects if p.name == name), None)
    if project is None or len([x for c, x in project.amounts.items() if x and "合计" not in c]) < 2:
        return None  # one fund only: the report prints no further split of a project
    parts = [(c.rsplit("/", 1)[-1], x) for c, x in project.amounts.items()]
    a = answer("breakdown", f"{name} 的资金来源", "，".join(f"{c} {amount_text(x, project.unit)}" for c, x in parts)
               + f"（第{project.line}行）。")
    for c, x in parts:
        a.figure(f"{name} {c}", x, project.unit, f"表{project.table_no}", project.line)
    return a


def _side_parts(doc: Document, side: str) -> Answer | None:
    table, rows = side_rows(doc, side)
    if not rows:
        return None
    total = next((r for r in table.rows if r.side == side and "总计" in r.name and r.first), None)
    # the spending of the year is what the lines above 本年支出合计 add to; what is carried to next year
    # (年末结转和结余, printed below it) was not spent, and is said beside them
    year = next((r for r in table.rows if r.side == side == "支出" and r.is_total and r.first
                 and "本年" in r.name and "合计" in r.name), None)
    after = [r for r in rows if year is not None and r.line > year.line]
    rows = [r for r in rows if r not in after] or rows
    whole = (year or total).first if (year or total) is not None else None

    def share(r) -> str:
        return f"（占 {build.pct(r.first, whole)}%）" if whole else ""

    ranked = sorted(rows, key=lambda r: -r.first)
    closing = [year] * (year is not None and bool(after)) + after + [total] * (total is not None)
    a = answer("breakdown", f"{side}的组成", "；".join(f"{r.name} {amount_text(r.first, table.unit)}{share(r)}" for r in ranked)
               + "".join(f"；{r.name} {amount_text(r.first, table.unit)}" for r in closing) + f"（{table.label}）。")
    if year is not None and after:
        a.figure(year.name, year.first, table.unit, table.label, year.line)
    for r in ranked[:20]:
        a.figure(r.name, r.first, table.unit, table.label, r.line)
        if whole:
            a.figure(f"{r.name}占比", build.pct(r.first, whole), "%")
    a.columns = ["名称", "金额", "单位", "行"]  # (the items, for export and for 最大的那一类 next)
    a.rows = [[strip_ordinal(r.name), r.first, table.unit, r.line] for r in ranked]
    a.focus = [Value(strip_ordinal(ranked[0].name), ranked[0].first, table.unit, table.label, ranked[0].line,
                     f"row:{table.no}:{ranked[0].row_no}")]
    return a


def _column_places(doc: Document, q: Query, column: str) -> Answer | None:
    """项目支出在哪些类下面: the subjects of one level (类 unless asked) with a figure in that column."""
    found = column_domain(doc, q, column)
    if found is None or not found[0].rows:
        return None
    d, whole = found
    a = answer("parent", d.where.split(" 中", 1)[-1], d.where + "：" + "；".join(
        f"{v.label} {amount_text(v.amount, v.unit)}" for v in d.rows)
        + (f"；合计 {amount_text(whole.amount, whole.unit)}" if whole is not None else "") + f"（{d.rows[0].where}）。")
    for v in d.rows:
        a.figure(f"{v.label} {column}", v.amount, v.unit, v.where, v.line)
    if whole is not None:
        add(a, whole)
    return a


def _columns_places(doc: Document, q: Query, columns: list[str]) -> Answer | None:
    """既有基本支出又有项目支出的款: the subjects of one level with a figure in every column named, each figure said."""
    found = [column_domain(doc, q, c) for c in columns]
    if any(f is None for f in found) or len({f[0].rows[0].where if f[0].rows else "" for f in found}) != 1:
        return None
    by_column = [{v.key: v for v in f[0].rows} for f in found]
    keys = [k for k in by_column[0] if all(k in d for d in by_column[1:])]
    level = q.level or "项"
    where = found[0][0].rows[0].where if found[0][0].rows else ""
    if not keys:
        return answer("parent", f"{'、'.join(columns)}都有数的{level}", f"{where} 中没有{'、'.join(columns)}都有数的{level}。")
    a = answer("parent", f"{'、'.join(columns)}都有数的{level}", f"{where} 中{'、'.join(columns)}都有数的{level}有 {len(keys)} 个："
               + "；".join(by_column[0][k].label + "（" + "，".join(f"{c} {amount_text(d[k].amount, d[k].unit)}"
                                                               for c, d in zip(columns, by_column)) + "）" for k in keys) + "。")
    for k in keys:
        for c, d in zip(columns, by_column):
            a.figure(f"{d[k].label} {c}", d[k].amount, d[k].unit, d[k].where, d[k].line)
    return a


# Words saying what items are counted under (归到, 对应, 算在), before a class's name.
_BELONGING = r"(?:归到|归入|归属于?|归为|归在|划入|划到|算在|算到|算作|对应(?:到)?)(?:了)?"


def counted_under_class(q: Query) -> bool:
    """Whether a question asks of the items counted under a government economic class (归到办公经费的那几项)."""
    names = {c.split(" ", 1)[1] for pair in lexicon.GOVERNMENT_ECONOMIC.values() for c in pair}
    return any(re.search(_BELONGING + re.escape(name), q.squashed) for name in names)


def government_class(doc: Document, q: Query) -> Answer | None:
    """The government economic classification (政府预算支出经济分类) of the economic items named, or the
    items of the report under a government class named (工资奖金津补贴: 基本工资、津贴补贴、奖金, summed)."""
    table = doc.table("basic_economic")
    classes = {c for pair in lexicon.GOVERNMENT_ECONOMIC.values() for c in pair}
    # (归到办公经费的那几项: a government class said as what items are counted under)
    if table is None or not (q.has(*lexicon.GOVERNMENT_ECONOMIC_WORDS) or counted_under_class(q)):
        return None
    note = "（按财政部政府收支分类科目的对应关系；报告本身不印这层对应）"
    asked = [c for c in classes if c.split(" ", 1)[1] in q.squashed and not any(
        c.split(" ", 1)[1] == t.name for m in q.subjects for t in m.terms)]
    rows = {r.name: r for r in table.rows if r.first is not None}
    if asked:
        cls = max(asked, key=len)
        members = [rows[n] for n, pair in lexicon.GOVERNMENT_ECONOMIC.items() if cls in pair and n in rows]
        if not members:
            return None
        total = build.total([Value(r.name, r.first, table.unit, table.label, r.line, r.name) for r in members])
        a = answer("parent", f"政府预算支出经济分类 {cls}", f"报告中对应政府预算支出经济分类 {cls} 的部门经济科目："
                   + "；".join(f"{r.name} {amount_text(r.first, table.unit)}" for r in members)
                   + f"；合计 {amount_text(total, table.unit)}（{table.label}）{note}。")
        for r in members:
            a.figure(r.name, r.first, table.unit, table.label, r.line)
        a.figure("合计（计算）", total, table.unit)
        return a
    items = [t.name for m in q.subjects for t in m.terms if t.kind in ("item", "column")
             and (t.name in lexicon.GOVERNMENT_ECONOMIC or t.name in rows and rows[t.name].category)]
    if not items:
        return None
    items = list(dict.fromkeys(items))
    printed = [n for n in items if n in rows and rows[n].category]
    a = answer("parent", "、".join(f"{n} 的政府预算支出经济分类" for n in items), "；".join(
        _printed_class(table, rows[n]) if n in printed else
        f"{n} 对应政府预算支出经济分类 {lexicon.GOVERNMENT_ECONOMIC[n][0]} / {lexicon.GOVERNMENT_ECONOMIC[n][1]}{note}"
        for n in items) + "。")
    for n in items:
        if n in rows:
            a.figure(n, rows[n].first, table.unit, table.label, rows[n].line)
    return a


def _subject_of_project(doc: Document, q: Query, m: Mention) -> Answer | None:
    """The subject a project's money is booked under, when the narrative says that subject's money is for
    it (…基层司法业务（04项）…主要用于：人民调解、…; 人民调解项目): that subject, and where it says so."""
    from budgetqa.question.vocabulary import vocabulary

    core = re.sub(r"^(?:20\d{2}年度?)|(?:项目|经费|费用|工作)+$", "", squash(m.term.name))
    terms = list(dict.fromkeys(t for key, ts in vocabulary(doc).purposes.items() if len(core) >= 4 and core in key
                               for t in ts))
    places = [place for t in terms if (place := code_place(doc, t.key, replace(q, scope=None, fund=None)))]
    if len(places) != 1:
        return _subject_by_column(doc, q, m)
    table, row = places[0]
    said = code_explained(doc, row.code, row.name)
    a = answer("parent", f"{m.term.name} 所在的科目",
               f"{m.term.name} 的钱列在 {row.label}（{amount_text(row.first or Decimal(0), table.unit)}，{table.label} 第{row.line}行）"
               + (f"：情况说明写它{said[1]}（第{said[0]}行）" if said else "") + "。")
    a.figure(row.label, row.first or Decimal(0), table.unit, table.label, row.line)
    _in_wan_too(doc, a, row, Value(row.label, row.first or Decimal(0), table.unit, table.label, row.line, row.code))
    a.source(table.label, row.line, row.label)
    return a


def _subject_by_column(doc: Document, q: Query, m: Mention) -> Answer | None:
    """A project the report lists without its subject: the 项 its kind of money is printed in (a project of this
    year's list: the 项目支出 of the table without carried-over money; a carried-over one: the 上年结转 column), said
    as read from the tables, not stated; several such 项 are all shown, none picked."""
    project = next((p for p in doc.projects if squash(p.name) == squash(m.term.name)), None)
    this_year = doc.table("gp_expenditure")
    if project is None or project.scope == "本年" and this_year is None:
        return None
    column, within = ("上年结转", q) if project.scope == "上年结转" else ("项目支出", replace(q, table=this_year.no))
    found = column_domain(doc, replace(within, level="项", subjects=[]), column)
    if found is None or not found[0].rows:
        return None
    rows = found[0].rows
    if len(rows) > 1 and project.total and project.unit == rows[0].unit:  # (a 项 whose figure is below the project's
        rows = [v for v in rows if v.amount >= project.total] or rows  # cannot hold it)
    said = "；".join(f"{v.label} {amount_text(v.amount, v.unit)}" for v in rows)
    a = answer("parent", f"{project.name} 所在的科目",
               f"报告没有逐个项目写出功能科目。{project.name}（{amount_text(project.total or Decimal(0), project.unit)}）是"
               + ("上年结转项目，上年结转的钱" if project.scope == "上年结转" else "本年项目，本年的项目支出")
               + (f"{'只列在' if len(rows) == len(found[0].rows) else '列在几个科目，其中金额够得上它的只有'} {said}"
                  f"（{rows[0].where}），所以它在这个科目下。" if len(rows) == 1
                  else f"列在 {len(rows)} 个科目：{said}（{rows[0].where}），表里没有写它在其中哪一个。"))
    for v in rows:
        a.figure(v.label, v.amount, v.unit, v.where, v.line)
    return a


def _function_of_item(doc: Document, q: Query, m: Mention) -> Answer | None:
    """An economic item asked in the functional classification (养老保险缴费在功能分类里挂哪个科目): the 项 whose
    name holds the item's and whose figure is the item's, said as matched by name and amount."""
    items = [t for t in m.terms if t.kind == "item"]
    table = doc.table("basic_economic")
    row = next((r for r in table.rows if r.name == items[0].name), None) if items and table else None
    if row is None or row.first is None:
        return None
    core = squash(row.name)
    found = [(t, r) for t in doc.tables if t.kind in ("expenditure", "gp_expenditure") for r in t.rows
             if r.code and r.level == "项" and core in squash(r.name)]
    found = list({r.code: (t, r) for t, r in found}.values())
    if len(found) != 1:
        return None
    t, r = found[0]
    same = r.first == row.first
    a = answer("parent", f"{row.name} 在功能分类中的科目",
               f"功能分类里与 {row.name}（{amount_text(row.first, table.unit)}，{table.label}）对应的是 {r.label}"
               f"（{amount_text(r.first or Decimal(0), t.unit)}，{t.label} 第{r.line}行）："
               + ("名称相符，金额相同。" if same else "名称相符，金额不同（功能科目还含别的钱）。"))
    a.figure(r.label, r.first or Decimal(0), t.unit, t.label, r.line)
    a.figure(row.name, row.first, table.unit, table.label, row.line)
    return a


def parent(doc: Document, q: Query) -> Answer | None:
    """Which 类 or 款 a code belongs to, or which class an economic item is under."""
    found = government_class(doc, q)
    if found is not None:
        return found
    if q.subjects and all(m.kinds == {"table"} for m in q.subjects):
        q = replace(q, table=int(q.subjects[0].term.key), subjects=[])  # 收入总表里这笔结转挂在哪个类下面
    if not q.subjects and q.scope == "上年结转":
        return _column_places(doc, q, "上年结转")
    if not q.subjects or q.measures:
        return None  # 行政运行属于基本支出还是项目支出: its columns are asked, not its place
    m = q.subjects[0]
    columns = [s.of("column")[0].key for s in q.subjects if "column" in s.kinds and s.kinds <= {"column", "row", "fact", "term"}]
    if len(columns) >= 2 and len(columns) == len(q.subjects):
        return _columns_places(doc, replace(q, level=q.level or "项"), columns)
    if m.kinds <= {"column", "row", "fact", "topic", "term"} and "column" in m.kinds:  # (哪个科目: the finest, the 项)
        return _column_places(doc, replace(q, level=q.level or ("项" if re.search(r"科目", q.squashed) else None)),
                              m.of("column")[0].key)
    codes = [t.key for t in m.terms if t.kind == "code"]
    if codes and lexicon.FUND_ASKED.search(q.squashed):  # 用的是哪一类预算的钱: the funds printing it, not its 类
        return code_answer(doc, replace(q, op="value", level=None), codes[0])
    out = []
    where = replace(q, scope=None, fund=None)  # a place in the hierarchy, said with each level's total
    for code in dict.fromkeys(codes):
        place = code_place(doc, code, where)
        if place is None:
            continue
        table, row = place
        chain = _ancestors(table, row)
        if q.levels:
            chain = [r for r in chain if r.level in q.levels] or chain
        if chain:
            out.append((table, row, chain))
    if not out and m.kinds & {"project", "target"}:
        return _subject_of_project(doc, q, m)
    if not out and _FUNCTION_SAID.search(q.squashed) and (found := _function_of_item(doc, q, m)) is not None:
        return found
    if not out:
        items = [t for t in m.terms if t.kind == "item"]
        table = doc.table("basic_economic")
        row = next((r for r in table.rows if r.name == items[0].name), None) if items and table else None
        up = parent_row(table, row) if row else None
        if up is None:
            return None
        out = [(table, row, [up])]
    texts = []
    a = answer("parent", "、".join(f"{row.label} 的上级" for _, row, _ in out), "")
    for table, row, chain in out:
        own = f"（{amount_text(row.first, table.unit)}）" if row.first is not None else ""
        texts.append(f"{row.label}{own} 属于 " + "，".join(f"{r.label}（{r.level or '类'}，"
                                                     f"{amount_text(r.first or Decimal(0), table.unit)}）" for r in chain))
        if row.first is not None:
            a.figure(row.label, row.first, table.unit, table.label, row.line)
        for r in chain:
            a.figure(r.label, r.first or Decimal(0), table.unit, table.label, r.line)
        a.source(table.label, row.line, row.label)
    a.text += "；".join(texts) + "。"
    table, row, _ = out[0]
    halves = [c for c in table.columns if c.rsplit("/", 1)[-1] in lexicon.BASIC_HALVES and row.amount(c)] \
        if table.kind == "basic_economic" else []
    if len(halves) == 1:  # (差旅费 属于 商品和服务支出: and it is counted in 公用经费, the column its figure is printed under)
        a.text += f"它的金额列在「{halves[0].rsplit('/', 1)[-1]}」一栏。"
    item = row.name if table.kind == "basic_economic" else ""
    if item and row.category:  # the government classification the report prints beside its own
        a.text += f"{_printed_class(table, row)}。"
        a.figure(f"{row.category}（政府预算支出经济科目）", row.first or Decimal(0), table.unit, table.label, row.line)
    elif item in lexicon.GOVERNMENT_ECONOMIC:  # the government classification beside the report's own
        cls, section = lexicon.GOVERNMENT_ECONOMIC[item]
        a.text += f"在政府预算支出经济分类中对应 {cls} / {section}（按财政部政府收支分类科目；报告不印这层对应）。"
    return a


# The functional classification named as where a thing is asked to sit (功能科目, 功能分类里).
_FUNCTION_SAID = patterns.compile(r"功能(?:分类|科目)|支出功能")


def _printed_class(table: Table, row: Row) -> str:
    """The government economic class a basic-spending table prints beside an item, said with where."""
    coded = lexicon.GOVERNMENT_ECONOMIC.get(row.name)  # (its code, when the classification's names agree)
    code = f"，即 {coded[0]} / {coded[1]}" if coded and coded[1].endswith(row.category) else ""
    return f"报告在{table.label}中把 {row.name} 列入政府预算支出经济科目「{row.category}」（第{row.line}行{code}）"
