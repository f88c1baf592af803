"""Questions across documents: the same figure in several departments' or years' reports."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from budgetqa.answer.documents import DocRef, strip_document_words
from budgetqa.answer.model import Answer, Session, amount_text

_TO_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


def compare(conn: sqlite3.Connection, question: str, docs: list[DocRef], load, ask_doc) -> Answer:
    """Ask the question of each document (``ask_doc``) and set the headline figures side by side."""
    asked = strip_document_words(question, docs)
    rows, answered = [], []
    for ref in sorted(docs, key=lambda d: (d.department, d.year or 0)):
        doc = load(conn, ref.id)
        answer = ask_doc(conn, doc, asked, Session(document_id=ref.id))
        if not answer.matched or not answer.figures:
            rows.append([ref.label, "（该报告没有此项）", None, "", None, ""])
            continue
        figure = answer.figures[0]
        wan = figure.value * _TO_WAN[figure.unit] if figure.unit in _TO_WAN else None
        rows.append([ref.label, figure.label, figure.value, figure.unit, wan, f"{figure.table} 第{figure.line}行"])
        answered.append((ref, figure, wan))
    if not answered:
        return Answer(False, "compare", f"比较的 {len(docs)} 份报告都没有「{asked}」这一项，没有给出数字。")
    a = Answer(True, "compare", "", understood=f"按「{asked}」在 {len(docs)} 份报告中比较理解")
    parts = [f"{ref.label} {amount_text(fig.value, fig.unit)}" for ref, fig, _ in answered]
    a.text = f"{a.understood}：" + "；".join(parts) + "。"
    mixed = len({fig.unit for _, fig, _ in answered}) > 1
    if mixed:
        a.text += "单位不同，已在表中折算为万元。"
    for ref, fig, _ in answered:
        a.figure(f"{ref.label} {fig.label}", fig.value, fig.unit, fig.table, fig.line)
    missing = [r[0] for r in rows if r[2] is None]
    if missing:
        a.text += f"没有此项的报告：{'、'.join(missing)}。"
    a.columns = ["报告", "项目", "金额", "单位", "折合万元", "出处"]
    a.rows = rows
    a.chart = [(ref.label, wan) for ref, _, wan in answered if wan is not None]
    a.document = "、".join(ref.label for ref, _, _ in answered)
    return a
