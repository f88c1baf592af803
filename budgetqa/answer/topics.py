"""Topic intents: 三公, 机关运行经费, 政府采购, terms, duties, units, assets, performance sheets, help."""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa.answer.common import new_answer as _answer
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.values import table_label
from budgetqa.catalogue import INTENTS
from budgetqa.docdata import DocData
from budgetqa.matcher import Parsed
from budgetqa.textnorm import squash


# --------------------------------------------------------------------------- topics
def three_public(doc: DocData, p: Parsed) -> Answer | None:
    """三公 expenses and their components."""
    instead = _computed_instead(doc, p)
    if instead is not None:
        return instead
    table = doc.table("three_public")
    stated = [f for f in doc.facts if "三公" in f["sentence"]]
    if table is None and not stated:
        none = next((l for l in _narrative_lines(doc, "三公")), None)
        if none:
            a = _answer("three_public", "三公经费", f"{none[1]}（第{none[0]}行）")
            a.source("情况说明", none[0], "三公经费")
            return a
        return None
    components = list(dict.fromkeys(e.name for e in p.entities if e.kind == "three_public"))
    component = "、".join(components) or None
    if table is not None and (table.empty or all(not r.cells for r in table.rows)):
        line = next((l for l in _narrative_lines(doc, "三公")), None)
        said = f"情况说明：{line[1]}" if line else ""
        what = component or "三公经费"
        a = _answer("three_public", what, f"{what}：无（0 万元）。{table_label(table)} 注明本表无数据。{said}")
        a.figure(f"{what}（报告写明无）", Decimal(0), table.unit, table_label(table), table.line)
        a.source(table_label(table), table.line, "三公经费")
        if line:
            a.source("情况说明", line[0], "三公经费")
        return a
    if table is not None:
        # A 决算 prints 预算数 and 决算数 side by side: the outturn is what it reports.
        if p.has("预算数") and p.has("决算数"):
            return _three_public_both(doc, p, table, component)
        wanted = "预算数" if doc.kind == "预算" or p.has("预算数") else "决算数"
        column = next((c for c in table.columns if wanted in c), None)
        a = _answer("three_public", (component or "三公经费") + (f"（{column}）" if column else ""), "")
        parts = []
        for r in table.rows:
            if components and r.name not in components and not r.is_total:
                continue
            value = r.amount(column) if column else r.first
            if value is not None:
                parts.append(f"{r.name} {amount_text(value, table.unit)}")
                a.figure(r.name, value, table.unit, table_label(table), r.line_of(column) if column else r.line)
        a.text += "；".join(parts) + f"（{table_label(table)}）。"
        return a
    return None


def _three_public_both(doc: DocData, p: Parsed, table, component: str | None) -> Answer:
    """三公 预算数 and 决算数 side by side (决算 reports print both)."""
    components = list(dict.fromkeys(e.name for e in p.entities if e.kind == "three_public"))
    a = _answer("three_public", (component or "三公经费") + "（预算数与决算数）", "")
    parts = []
    for r in table.rows:
        if components and r.name not in components and not r.is_total:
            continue
        cells = [(c, r.amount(c)) for c in table.columns if ("预算数" in c or "决算数" in c) and r.amount(c) is not None]
        if cells:
            parts.append(f"{r.name} " + "，".join(f"{c.rsplit('/', 1)[-1]} {amount_text(v, table.unit)}" for c, v in cells))
            for c, v in cells:
                a.figure(f"{r.name} {c.rsplit('/', 1)[-1]}", v, table.unit, table_label(table), r.line_of(c))
    a.text += "；".join(parts[:4]) + f"（{table_label(table)}）。"
    return a


def _narrative_lines(doc: DocData, word: str) -> list[tuple[int, str]]:
    """(line, text) of statements that mention a word and say there is none (本部门无“三公”经费预算)."""
    return [
        (i + 1, line.strip()) for i, line in enumerate(doc.lines)
        if word in line and ("无" in line or "没有" in line) and len(line.strip()) < 80
    ]


def operating_cost(doc: DocData, p: Parsed) -> Answer | None:
    """机关运行经费: the table figure and the stated change."""
    if p.previous_year or p.has("增加", "减少", "增长", "下降", "比上年", "同比", "变化", "比去年", "原因", "为啥", "为什么"):
        from budgetqa.answer.computed import yoy

        return yoy(doc, p)
    table = doc.table("operating_cost")
    a = None
    if table is not None:
        row = table.total_row() or (table.rows[0] if table.rows else None)
        if row is not None and row.first is not None:
            a = _answer("operating_cost", "机关运行经费", f"机关运行经费 {amount_text(row.first, table.unit)}（{table_label(table)} 第{row.line}行）。")
            a.figure("机关运行经费", row.first, table.unit, table_label(table), row.line)
    fact = next((f for f in doc.facts if "机关运行经费" in f["label"] and f["kind"] == "amount"), None)
    if a is None and fact:
        a = _answer("operating_cost", "机关运行经费", f"{fact['label']} {amount_text(Decimal(fact['value']), fact['unit'])}（情况说明 第{fact['source_line']}行）。")
        a.figure(fact["label"], Decimal(fact["value"]), fact["unit"], "情况说明", fact["source_line"])
    if a is None:
        return None
    change = next((f for f in doc.facts if f["kind"] == "change" and "机关运行经费" in f["subject"]), None)
    if change:
        a.text += f"比{change['basis']}{'增加' if Decimal(change['value']) > 0 else '减少'} {amount_text(abs(Decimal(change['value'])), change['unit'])}。"
    return a


def _computed_instead(doc: DocData, p: Parsed) -> Answer | None:
    """A topic question that asks for a share, a difference or a sum is answered by that intent."""
    from budgetqa.answer import computed

    for name, cues in (("yoy", ("比上年", "比去年", "同比", "比20", "下降", "增长", "减少多少", "增加多少")),
                       ("share", ("占比", "比例", "比重", "百分之几", "占")), ("difference", ("相差", "差多少", "多多少", "少多少")),
                       ("sum", ("加起来", "之和", "+"))):
        if p.has(*cues):
            answer = getattr(computed, name)(doc, p)
            if answer is not None:
                return answer
    return None


def procurement(doc: DocData, p: Parsed) -> Answer | None:
    """政府采购 and its split into goods, works and services."""
    instead = _computed_instead(doc, p)
    if instead is not None:
        return instead
    facts = [f for f in doc.facts if "采购" in f["label"] and f["kind"] == "amount"]
    if not facts:
        return None
    asked = [w for w in ("货物", "工程", "服务") if w in p.squashed]
    part = asked[0] if len(asked) == 1 and not p.has("分别", "总额", "各", "其中", "合计", "一共", "总共") else None
    chosen = [f for f in facts if part and part in f["label"]] or facts
    head = chosen[0]
    a = _answer("procurement", head["label"], "")
    if part:
        a.text += f"{head['label']} {amount_text(Decimal(head['value']), head['unit'])}（情况说明 第{head['source_line']}行）。"
        a.figure(head["label"], Decimal(head["value"]), head["unit"], "情况说明", head["source_line"])
    else:
        a.text += "；".join(f"{f['label']} {amount_text(Decimal(f['value']), f['unit'])}" for f in facts[:5])
        a.text += f"（情况说明 第{facts[0]['source_line']}行）。"
        for f in facts[:5]:
            a.figure(f["label"], Decimal(f["value"]), f["unit"], "情况说明", f["source_line"])
    return a


# --------------------------------------------------------------------------- text topics
def glossary(doc: DocData, p: Parsed) -> Answer | None:
    """A term's definition from 名词解释."""
    terms = [e for e in p.entities if e.kind == "glossary"]
    if not terms:
        return None
    term = max(terms, key=lambda e: len(e.name))
    entry = next((g for g in doc.glossary if g["term"] == term.name), None)
    if entry is None:
        return None
    a = _answer("glossary", entry["term"], f"{entry['term']}：{entry['definition']}（名词解释 第{entry['source_line']}行）")
    a.source("名词解释", entry["source_line"], entry["term"])
    return a


def duties(doc: DocData, p: Parsed) -> Answer | None:
    """The department's numbered duties."""
    if not doc.duties:
        return None
    if p.has("三大", "几大职能", "职能定位", "性质"):
        said = next((u for u in doc.units if u["kind"] == "机构设置说明"), None)
        if said:
            sentence = next((s_ for s_ in said["name"].split("。") if "职能" in s_), said["name"])
            a = _answer("duties", "部门职能", f"{sentence}（机构设置情况 第{said['source_line']}行）。")
            a.source("机构设置情况", said["source_line"], "职能")
            return a
    a = _answer("duties", "本部门职责", f"共 {len(doc.duties)} 条职责：" + "".join(f"（{d['number']}）{d['text']}" for d in doc.duties))
    a.columns = ["序号", "职责", "行"]
    a.rows = [[d["number"], d["text"], d["source_line"]] for d in doc.duties]
    for d in doc.duties:
        a.source("本部门职责", d["source_line"], f"（{d['number']}）")
    return a


def units(doc: DocData, p: Parsed) -> Answer | None:
    """Internal units (内设机构) and subordinate units (下属单位)."""
    want = "下属单位" if p.has("下属", "所属单位", "二级单位", "事业单位") else "内设机构" if p.has("内设", "科室", "股室") else None
    rows = [u for u in doc.units if (want is None or u["kind"] == want) and u["kind"] != "机构设置说明"]
    if not rows:
        return None
    groups: dict[str, list[dict]] = {}
    for u in rows:
        groups.setdefault(u["kind"], []).append(u)
    text = "；".join(f"{k}{len(v)}个：{'、'.join(u['name'] for u in v)}" for k, v in groups.items())
    a = _answer("units", want or "机构设置", text + "。")
    if p.has("几个", "多少个"):
        for k, v in groups.items():
            a.figure(f"{k}数量", Decimal(len(v)), "个")
    a.columns = ["类别", "名称", "行"]
    a.rows = [[u["kind"], u["name"], u["source_line"]] for u in rows]
    for u in rows:
        a.source("机构设置情况", u["source_line"], u["name"])
    return a


def assets(doc: DocData, p: Parsed) -> Answer | None:
    """Vehicles, office space and equipment (国有资产占有使用情况)."""
    if not doc.assets:
        return None
    if p.has("面积", "用房", "房屋", "平方", "平米", "办公楼", "楼"):
        chosen = [a for a in doc.assets if a["unit"] == "平方米"]
    elif p.has("设备", "台"):
        chosen = [a for a in doc.assets if "设备" in a["name"]]
        if p.numbers:
            picked = [a for a in chosen if any(f"{n.normalize():f}万" in a["name"] for n in p.numbers)]
            chosen = picked or chosen
    elif p.has("车", "辆"):
        chosen = [a for a in doc.assets if a["unit"] == "辆"]
    else:
        return None  # 资产总额 and the like: reports state none
    if not chosen:
        return None
    head = chosen[0]
    if head["unit"] == "辆":
        actual = next((x for x in chosen if "实有" in x["name"]), None)
        head = actual or head
    text = "，".join(f"{x['name']} {x['value']}{x['unit']}" for x in chosen if x["value"] not in (None, "0") or x is head)
    a = _answer("assets", head["name"], f"{text}（国有资产占有使用情况 第{head['source_line']}行）。")
    a.figure(head["name"], Decimal(head["value"]), head["unit"], "国有资产占有使用情况", head["source_line"])
    a.columns = ["名称", "数量", "单位", "行"]
    a.rows = [[x["name"], Decimal(x["value"]), x["unit"], x["source_line"]] for x in chosen]
    return a


_TARGET_FIELDS = {
    "项目属性": "attribute", "项目期": "period", "主管部门": "department", "实施单位": "implementer",
    "项目概况": "overview", "立项依据": "basis", "必要性": "necessity", "措施": "measures",
    "实施计划": "plan", "总体目标": "goal_year", "年度目标": "goal_year", "实施期目标": "goal_period",
    "填报日期": "filled_date", "为什么要设立": "necessity", "为什么设立": "necessity", "设立原因": "necessity",
    "为何设立": "necessity", "依据": "basis", "概况": "overview", "干什么的": "overview", "实施计划怎么": "plan",
}


def _performance_overview(doc: DocData) -> Answer | None:
    """How many target sheets, and what the narrative says of 绩效 (项目个数, 涉及资金)."""
    stated = [f for f in doc.facts if "绩效" in f["sentence"] and f["kind"] in ("count", "amount")]
    if not doc.targets and not stated:
        return None
    a = _answer("performance", "项目绩效目标", "")
    if doc.targets:
        names = "、".join(t["project_name"] for t in doc.targets[:12])
        more = f"等 {len(doc.targets)} 张" if len(doc.targets) > 12 else f"共 {len(doc.targets)} 张"
        a.text += f"项目绩效目标表{more}：{names}。"
        a.figure("绩效目标表数量", Decimal(len(doc.targets)), "张")
    if stated:
        sentence = stated[0]["sentence"]
        a.text += f"情况说明：{sentence}（第{stated[0]['source_line']}行）。"
        for f in stated[:4]:
            a.figure(f["label"], Decimal(f["value"]), f["unit"], "情况说明", f["source_line"])
    return a


def performance(doc: DocData, p: Parsed) -> Answer | None:
    """A project's performance target sheet, or one field of it."""
    projects = [e for e in p.entities if e.kind in ("project", "target")]
    target = None
    for e in sorted(projects, key=lambda e: (e.via != "exact", -len(e.name))):
        name = e.ref if e.kind == "target" and e.ref else e.name
        target = next((t for t in doc.targets if t["project_name"] == name), None)
        if target:
            break
    if target is None:
        if p.top_n or p.nth or p.has("最大", "最多", "最高", "最少", "最小", "最低", "排名", "排序"):
            from budgetqa.answer.lists import ranking

            return ranking(doc, p)  # 绩效目标表里资金最多的项目: a ranking of the sheets
        if not projects and p.has("绩效"):
            return _performance_overview(doc)
        return None
    name = target["project_name"]
    level3 = [(i, i["level3"]) for i in target["indicators"]]
    level2 = [(i, i["level2"]) for i in target["indicators"]]
    for i, label in level3 + level2:  # the most specific label the question names
        if label and len(label) >= 2 and label in p.squashed:
            a = _answer("performance", f"{name} 的指标「{label}」",
                        f"{name} 的{i['level2']}「{i['level3']}」指标值：{i['value']}（{i['scope']}，绩效目标表 第{i['source_line']}行）。")
            a.source("项目支出绩效目标表", i["source_line"], label)
            return a
    kind = next((k for k in ("数量", "质量", "时效", "成本", "效益", "满意度") if f"{k}要求" in p.squashed or f"{k}目标" in p.squashed), None)
    if kind:  # 质量要求是什么: the indicators of that kind
        rows = [i for i in target["indicators"] if i["level2"].startswith(kind) and i["scope"] == "年度"] or \
               [i for i in target["indicators"] if i["level2"].startswith(kind)]
        if rows:
            text = "；".join(f"{i['level3'] or i['level2']}：{i['value']}" for i in rows)
            a = _answer("performance", f"{name} 的{kind}指标", f"{name} 的{kind}指标——{text}（绩效目标表 第{rows[0]['source_line']}行）。")
            a.source("项目支出绩效目标表", rows[0]["source_line"], kind)
            return a
    plain = squash(re.sub(r"[（(][^）)]*[）)]", "", p.text))  # （实施单位为西南大学本级） only says which sheet
    for word, key in _TARGET_FIELDS.items():
        if word in plain and target.get(key):
            a = _answer("performance", f"{name} 的{word}", f"{name} 的{word}：{target[key]}（绩效目标表 第{target['source_line']}行起）。")
            a.source("项目支出绩效目标表", target["source_line"], name)
            return a
    funds = {f"{f['scope']}/{f['item']}": f for f in target["funds"]}
    if p.has("资金", "金额", "多少钱", "元", "结转", "拨款", "预算"):
        scope = "实施期" if p.has("实施期") else "年度"
        keys = [k for k in funds if k.startswith(scope) and ("总额" in k or k.split("/", 1)[1] in p.squashed)]
        if keys:
            a = _answer("performance", f"{name} {scope}资金", "")
            parts = []
            for key in keys:
                f = funds[key]
                value = Decimal(f["amount"])
                parts.append(f"{key.replace('/', '')} {amount_text(value, f['unit'])}")
                a.figure(f"{name} {key}", value, f["unit"], "项目支出绩效目标表", f["source_line"])
            a.text += f"{name}：" + "，".join(parts) + f"（绩效目标表 第{funds[keys[0]]['source_line']}行）。"
            return a
    indicators = target["indicators"]
    text = (f"{name}：项目属性 {target['attribute'] or '—'}，项目期 {target['period'] or '—'}；"
            f"年度目标：{target['goal_year'] or '—'}；共 {len([i for i in indicators if i['scope'] == '年度'])} 项年度指标。")
    a = _answer("performance", f"{name} 的绩效目标", text)
    total = funds.get("年度/资金总额")
    if total:
        a.figure(f"{name} 年度资金总额", Decimal(total["amount"]), total["unit"], "项目支出绩效目标表", total["source_line"])
    a.columns = ["范围", "一级指标", "二级指标", "三级指标", "指标值"]
    a.rows = [[i["scope"], i["level1"], i["level2"], i["level3"], i["value"]] for i in indicators if i["scope"] == "年度"]
    a.source("项目支出绩效目标表", target["source_line"], name)
    return a


def help(doc: DocData, p: Parsed) -> Answer | None:  # noqa: A001 - the intent's name
    """What can be asked, with an example for each kind of question."""
    lines = [f"{i.description}：{'、'.join(i.examples)}" for i in INTENTS if i.examples]
    a = _answer("help", "", f"可以问 {doc.label} 的这些内容——" + "；".join(lines) + "。")
    a.columns = ["可以问", "例子"]
    a.rows = [[i.description, "、".join(i.examples)] for i in INTENTS if i.examples]
    return a
