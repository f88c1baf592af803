"""Building an Answer: the sentence that starts with what was understood, figures, rows and sources."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import patterns
from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import Value
from budgetqa.models import Document
from budgetqa.findings import ROUNDING, judge
from budgetqa.textnorm import close_spaces, squash

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


# A comparison with a limit typed (超过一半, 不到三成): its word, and whether a figure passes it.
PASSES = {"gt": ("超过", lambda x, n: x > n), "ge": ("达到", lambda x, n: x >= n), "lt": ("低于", lambda x, n: x < n),
          "le": ("不超过", lambda x, n: x <= n)}


def pct(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole as a percentage rounded to 0.01 (half up, as reports round)."""
    return (part / whole * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def answer(op: str, understood: str, text: str) -> Answer:
    """A matched answer whose sentence starts by saying what it understood."""
    head = f"按「{understood}」理解：" if understood else ""
    return Answer(True, op, head + text, understood=f"按「{understood}」理解" if understood else "")


def joined(parts: list[Answer]) -> Answer:
    """Answers to several parts of one question as one card: the first, with every other's sentence,
    understanding, figures, sources and (when its table has the same columns) rows after its own."""
    first = parts[0]
    for other in parts[1:]:
        first.text += " " + other.text
        first.understood += "；" + other.understood if other.understood else ""
        first.figures += other.figures
        if other.columns == first.columns:
            first.rows += other.rows
        for s in other.sources:
            first.source(s.where, s.line, s.row)
    return first


def add(a: Answer, v: Value) -> None:
    """A resolved value as a headline figure with its source."""
    a.figure(v.label, v.amount, v.unit, v.where, v.line)


def said(v: Value) -> str:
    """'2013105 专项业务 246.89 万元'."""
    return f"{v.label} {amount_text(v.amount, v.unit)}"


def cited(v: Value) -> str:
    """'2013105 专项业务 246.89 万元（表3 … 第220行）'."""
    note = f"，{v.note}" if v.note and v.note != "计算" else ""
    return f"{said(v)}（{v.where} 第{v.line}行{note}）" if v.line else f"{said(v)}（{v.where}{note}）"


def value_rows(a: Answer, values: list[Value]) -> None:
    """The rows behind a list of figures."""
    a.columns = ["名称", "金额", "单位", "出处", "行"]
    a.rows = [[v.label, v.amount, v.unit, v.where, v.line] for v in values]


def total(values: list[Value]) -> Decimal:
    return sum((v.amount for v in values), Decimal(0))


def dedupe(values: list[Value]) -> list[Value]:
    """One value per thing: the same name and figure printed in two tables counts once (two figures of one name
    in two tables are two things: a code's income and its spending)."""
    seen, out = set(), []
    for v in values:
        if (v.key, v.label, v.where) in seen or (v.label, v.amount) in seen:
            continue
        seen.update({(v.key, v.label, v.where), (v.label, v.amount)})
        out.append(v)
    return out


def choices(op: str, values: list[Value], what: str) -> Answer:
    """Several figures under one name: all of them, numbered, to pick from."""
    shown = values[:6]
    text = "；".join(f"{i}. {said(v)}（{v.where}）" for i, v in enumerate(shown, 1))
    a = answer(op, "、".join(dict.fromkeys(v.label for v in shown)),
               f"{what}对应 {len(shown)} 个不同的数字：{text}。输入序号查看其中一个。")
    for v in shown:
        add(a, v)
    a.choices = [(said(v), v.key if v.key.isdigit() else v.label.split("（")[0]) for v in shown]
    a.columns = ["序号", "名称", "金额", "单位", "出处", "行"]
    a.rows = [[i, v.label, v.amount, v.unit, v.where, v.line] for i, v in enumerate(shown, 1)]
    return a


def stated_reason(doc: Document, sentence: str, line: int, subject: str = "") -> str:
    """The reason a report gives for a change: in its sentence (原因是…, 一是因为…, 主要是…), else in
    the lines after it (主要原因：…, X与上年比较发生较大差异的原因，…), the one naming the subject
    first; '' when it gives none."""
    start = max(0, sentence.find(subject)) if subject else 0  # (from the subject's own clause on)
    m = re.search(r"(?:主要)?原因(?:是|为)?[：:]?([^。；]+)", sentence[start:])
    if m is None:  # …减少6,331.03万元，一是因为…: a causal clause after the subject's own change (not after 其中)
        end = sentence.find("其中", start)
        m = re.search(r"[，,](?:一是|主要是|主要)?(?:由于|因为)([^。；]+)|[，,]主要是(?!用于)([^。；]+)",
                      sentence[start:end if end > 0 else len(sentence)])
    if m:
        return _reason(next(g for g in m.groups() if g)) + _reason_goes_on(doc, line, m.group(0))
    if not doc.lines or line <= 0:
        return ""
    # (a line of numbers only is what a text layer moved out of the sentence, not part of the reason;
    # an indented line starts a paragraph, which ends what the one before says)
    text = "".join(("。" if re.match(r"(?: {2,}|\u3000|\t)", x) and i else "") + x.strip()
                   for i, x in enumerate(doc.lines[line - 1:line + 7])
                   if not re.fullmatch(r"[\d.,%\s]+", x))
    # (up to the next numbered paragraph, which is about another subject; from the subject's own words on)
    text = re.split(r"(?<![：:])。\s*(?:\d+[.．、]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）)", text)[0]
    at = text.find(subject) if subject else -1
    at = at if 0 <= at <= 60 else -1  # (a subject named further on is the next paragraph's)
    found = [m for m in re.finditer(r"(?:主要)?原因(?:是|为)?[：:，,]?([^。]+)", text) if m.start() >= at]
    m = next((m for m in found if m.start() < 120), None)
    if m is None and subject:  # X与上年比较发生较大差异的原因，一是…: a later sentence naming the subject
        m = next((m for m in found if squash(subject) in squash(text[max(0, m.start() - 40):m.start()])), None)
    if m is None and len(found) == 1 and found[0].start() < 400:  # the one reason of the paragraphs, said on its own
        opening = text.rfind("。", 0, found[0].start())  # (…的主要原因是…: a sentence stating no figure before it)
        said = text[opening:found[0].start()]
        classes = {r.name for t in doc.tables for r in t.rows if r.code and len(r.code) == 3 and len(r.name) >= 3}
        if opening >= 0 and not re.search(r"\d", said) and not any(c in said for c in classes):
            m = found[0]  # (学校教育支出…的原因: one class's reason, not the others')
    return _reason(m.group(1)) + _reason_goes_on(doc, line, m.group(0)) if m else ""


# A sentence that goes on with the reason just given (…合理支出。较上一年度减少了培训费支出等。).
_GOES_ON = patterns.compile(r"(?:较上一?年度?|较去年|与上年相比|同时|此外|另外|具体(?:来说|而言)?|其中)[^。；;\d]{2,40}[。；;]")


def _reason_goes_on(doc: Document, line: int, said: str) -> str:
    """The next sentence, when it says no figure and carries on with the reason just quoted."""
    if not doc.lines or line <= 0:
        return ""
    text = re.sub(r"\s", "", "".join(doc.lines[line - 1:line + 5]))
    at = text.find(re.sub(r"\s", "", said))
    if at < 0:
        return ""
    end = text.find("。", at + len(re.sub(r"\s", "", said)))
    m = _GOES_ON.match(text, end + 1) if end >= 0 else None
    return f"；{m.group(0).rstrip('。；;')}" if m else ""


def _reason(text: str) -> str:
    """A stated reason as said: up to the next heading (…主要内容如下, 二、) or the next clause that
    states a figure (the sentence going on about another subject)."""
    text = re.split(r"(?:财政拨款支出)?主要内容如下|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）", text)[0]
    kept: list[str] = []
    figures = 0
    for clause in re.split(r"([，,；;])", text):
        figure = re.search(r"\d[\d,.]*\s*(?:万元|元|%)", clause)
        other = re.search(r"[\u4e00-\u9fff]{2,}(?:比|较|与)", clause)  # (科学技术支出比上年增加…: another subject)
        if figure and (other or figures or kept and kept[-1] in "；;"):
            break
        figures += bool(figure)
        kept.append(clause)
    said = close_spaces("".join(kept).strip("，,；; "))
    return f"原因：{said}" if said else ""


def verdict(stated: Decimal, parts: list[Decimal], unit: str) -> str:
    """'相等' / '不相等，差 0.01 万元，属尾数差（分项四舍五入造成）' / '…，属矛盾'."""
    severity = judge(stated, parts)
    if severity is None:
        return "相等"
    gap = abs(sum(parts, Decimal(0)) - stated)
    kind = "尾数差（分项四舍五入造成）" if severity == ROUNDING else "矛盾"
    return f"不相等，差 {amount_text(gap, unit)}，属{kind}"


