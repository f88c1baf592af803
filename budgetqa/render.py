"""Plain-text rendering for the terminal: amounts with thousands separators, CJK-aware columns."""

from __future__ import annotations

import unicodedata
from decimal import Decimal


def fmt_amount(value: Decimal | None, unit: str = "") -> str:
    """1084.38 -> '1,084.38 万元' (the digits exactly as stored)."""
    if value is None:
        return ""
    text = f"{value:,}" if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else _group(value)
    return f"{text} {unit}".strip()


def _group(value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    whole, _, frac = str(abs(value)).partition(".")
    return f"{sign}{int(whole):,}" + (f".{frac}" if frac else "")


def width(text: str) -> int:
    """Terminal columns a string takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, right: bool = False) -> str:
    """Pad to ``size`` terminal columns."""
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def cell_text(value) -> str:
    """A cell as shown: Decimals grouped, None empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt_amount(value)
    return str(value)


def text_table(columns: list[str], rows: list[list], max_width: int = 40) -> str:
    """Columns aligned for a terminal; numbers right-aligned; long cells cut with an ellipsis."""
    cells = [[cut(cell_text(v), max_width) for v in row] for row in rows]
    head = [cut(c, max_width) for c in columns]
    sizes = [width(h) for h in head]
    for row in cells:
        for i, text in enumerate(row):
            if i < len(sizes):
                sizes[i] = max(sizes[i], width(text))
    numeric = [all(isinstance(r[i], Decimal) or r[i] is None for r in rows) and rows for i in range(len(columns))]
    out = ["  ".join(pad(h, sizes[i]) for i, h in enumerate(head)).rstrip()]
    out.append("  ".join("-" * s for s in sizes))
    for row in cells:
        out.append("  ".join(pad(t, sizes[i], right=bool(numeric[i])) for i, t in enumerate(row)).rstrip())
    return "\n".join(out)


def cut(text: str, size: int) -> str:
    """Cut to ``size`` terminal columns, with an ellipsis when something was left out."""
    if width(text) <= size:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > size - 1:
            break
        out += ch
    return out + "…"


# How the check's and the narrative's stored codes read to a user (the database keeps the codes).
SEVERITY_LABELS = {"rounding": "尾数差", "contradiction": "矛盾"}
CHECK_KINDS = {
    "row_total": "行内合计", "hierarchy": "上下级合计", "summary_total": "收支总计",
    "cross_table": "表间核对", "narrative_total": "说明中的合计", "narrative_table": "说明与表格",
    "narrative_share": "说明中的占比", "narrative_rate": "说明中的增减率",
    "narrative_year": "说明中比较的年度", "narrative_name": "说明中的科目名称",
}
FACT_KINDS = {"amount": "金额", "share": "占比", "change": "增减额", "rate": "增减率", "count": "数量"}


def severity_label(code: str) -> str:
    """rounding -> 尾数差, contradiction -> 矛盾."""
    return SEVERITY_LABELS.get(code, code)


def check_kind(code: str) -> str:
    """What a finding compared, in words (row_total -> 行内合计); an unknown code as it is."""
    return CHECK_KINDS.get(code, code)


def fact_kind(code: str) -> str:
    """A narrative figure's kind in words (amount -> 金额); an unknown code as it is."""
    return FACT_KINDS.get(code, code)
