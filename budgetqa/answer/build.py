"""Building an Answer: the sentence that starts with what was understood, figures, rows and sources."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa.answer.model import Answer, amount_text
from budgetqa.answer.resolve import Value
from budgetqa.models import Document

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def pct(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole as a percentage rounded to 0.01 (half up, as reports round)."""
    return (part / whole * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def answer(op: str, understood: str, text: str) -> Answer:
    """A matched answer whose sentence starts by saying what it understood."""
    head = f"按「{understood}」理解：" if understood else ""
    return Answer(True, op, head + text, understood=f"按「{understood}」理解" if understood else "")


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
    """One value per thing: the same name and figure printed in two tables counts once."""
    seen, out = set(), []
    for v in values:
        if (v.key, v.label) in seen or (v.label, v.amount) in seen:
            continue
        seen.update({(v.key, v.label), (v.label, v.amount)})
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


def stated_reason(doc: Document, sentence: str, line: int) -> str:
    """The reason a report gives for a change: in its sentence, else right after it in the
    paragraph (主要原因：…); '' when it gives none."""
    m = re.search(r"(?:主要)?原因(?:是|为)?[：:]?([^。；]+)", sentence)
    if m:
        return f"原因：{m.group(1).strip('，, ')}"
    if not doc.lines or line <= 0:
        return ""
    # (a line of numbers only is what a text layer moved out of the sentence, not part of the reason)
    text = "".join(x.strip() for x in doc.lines[line - 1:line + 4] if not re.fullmatch(r"[\d.,%\s]+", x))
    m = re.search(r"(?:主要)?原因(?:是|为)?[：:]?([^。]+)", text)
    return f"原因：{m.group(1).strip('，, ')}" if m and m.start() < 120 else ""
