"""Table titles and column headers: which table this is and what its columns are called."""

from __future__ import annotations

import re
from functools import lru_cache

from budgetqa.parser.text import compact

# The standard order of the 13 tables of a 部门预算 (表一…表十三), by kind.
STANDARD_NUMBER = {
    "summary": 1,
    "income": 2,
    "expenditure": 3,
    "fiscal_summary": 4,
    "gp_expenditure": 5,
    "basic_economic": 6,
    "fund_income": 7,
    "fund_expenditure": 8,
    "state_capital": 9,
    "three_public": 10,
    "operating_cost": 11,
    "projects": 12,
    "projects_carryover": 13,
}

TWO_SIDED = {"summary", "fiscal_summary"}

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def chinese_ordinal(text: str) -> int | None:
    """一 … 十九 as an int (table numbers only go that far)."""
    if not text or any(ch not in _CN_DIGITS for ch in text):
        return None
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if len(text) == 2 and text[1] == "十":
        return _CN_DIGITS[text[0]] * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[2]]
    return _CN_DIGITS[text] if len(text) == 1 else None


_TITLE_END = re.compile(r"表(?:[（(][^）)]{1,20}[）)])?$")
_TITLE_PREFIX = re.compile(r"^(?:表([一二三四五六七八九十]{1,3})|(?:\d+|[一二三四五六七八九十]+)[、.．])")
_TABLE_LABEL = re.compile(r"^(?:预算公开表|部门公开表|公开表|附表)(\d{1,2})$")


def table_label_number(line: str) -> int | None:
    """The number in a '预算公开表3' label line, or None."""
    m = _TABLE_LABEL.match(compact(line))
    return int(m.group(1)) if m else None


@lru_cache(maxsize=16384)
def classify_title(line: str) -> tuple[str, int | None, str] | None:
    """(kind, printed number or None, title) when ``line`` is a financial table's title."""
    text = compact(line)
    if not 4 <= len(text) <= 60 or not _TITLE_END.search(text):
        return None
    if any(ch in text for ch in "，。；：:") or "绩效" in text or "目录" in text:
        return None
    number = None
    m = _TITLE_PREFIX.match(text)
    if m:
        if m.group(1):
            number = chinese_ordinal(m.group(1))
        text = text[m.end():]
    kind = _kind_of(text)
    return (kind, number, text) if kind else None


def _kind_of(t: str) -> str | None:
    if "三公" in t:
        return "three_public"
    if "机关运行经费" in t:
        return "operating_cost"
    if "项目支出" in t:
        return "projects_carryover" if "上年结转" in t else "projects"
    if "国有资本经营" in t:
        return "state_capital"
    if "政府性基金" in t:
        return "fund_income" if "收入" in t and "支出" not in t else "fund_expenditure"
    if "基本支出" in t:
        return "basic_economic"
    if "财政拨款收" in t and "总表" in t:
        return "fiscal_summary"
    if "一般公共预算" in t and "支出" in t:
        return "gp_expenditure"
    if "财政拨款支出" in t:
        return "fiscal_expenditure"
    if ("收支" in t or "收入支出" in t) and "总表" in t:
        return "summary"
    if "收入" in t and ("预算" in t or "决算" in t or "总表" in t):
        return "income"
    if "支出" in t and ("预算" in t or "决算" in t or "总表" in t):
        return "expenditure"
    return None


# Column words, longest first so that 本年收入合计 wins over 合计.
_TERMS = sorted(
    [
        "合计", "小计", "总计", "本年收入合计", "本年支出合计", "基本支出", "项目支出",
        "人员经费", "公用经费", "一般公共预算", "政府性基金预算", "政府性基金",
        "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转安排", "上年结转",
        "当年预算安排", "财政拨款收入", "事业收入", "事业单位经营收入", "经营收入",
        "上级补助收入", "附属单位上缴收入", "附属单位缴款", "其他收入", "上缴上级支出",
        "经营支出", "对附属单位补助支出", "年初结转和结余", "年末结转和结余", "决算数",
        "预算数", "金额", "本年收入", "本年支出", "财政拨款", "结转下年",
    ],
    key=len,
    reverse=True,
)
# Labels that head a group of columns printed beneath them.
_GROUP = re.compile(r"^(?:\d{4}年?(?:预算数|决算数|财政拨款)|金额|预算数|决算数|本年收入|本年支出)$")
_PERIOD = re.compile(r"\d{4}年?(?:预算数|决算数|财政拨款|合计)|\d{4}年")
# Leaves printed on the top header line beside a group (they follow the group's columns).
_TOP_LEAVES = {"上年结转", "财政专户管理资金", "单位资金", "年初结转和结余", "年末结转和结余"}
_TOTAL_LEAF = re.compile(r"^(?:合计|小计|总计|本年收入合计|本年支出合计|\d{4}年合计)$")


def header_terms(text: str) -> list[str]:
    """Column words of a header, in printed order (text compacted first)."""
    text = compact(text)
    out: list[str] = []
    i = 0
    while i < len(text):
        m = _PERIOD.match(text, i)
        if m:
            out.append(m.group())
            i = m.end()
            continue
        for term in _TERMS:
            if text.startswith(term, i):
                out.append(term)
                i += len(term)
                break
        else:
            i += 1
    return out


def build_columns(terms: list[str]) -> list[str]:
    """Turn header words into column names, joining a group label and its columns with '/'."""
    columns: list[str] = []
    group: str | None = None
    deferred: list[str] = []
    children = 0
    for term in terms:
        if _GROUP.match(term) and not _TOTAL_LEAF.match(term):
            if group and not children:
                columns.append(group)
            columns.extend(deferred)
            group, deferred, children = term, [], 0
            continue
        if group and term in _TOP_LEAVES and not children:
            deferred.append(term)
            continue
        if group:
            # Once a group's columns have started, the words that follow are its columns.
            columns.append(f"{group}/{term}")
            children += 1
        else:
            columns.append(term)
    if group and not children:
        columns.append(group)
    columns.extend(deferred)
    # A word printed twice (wrapped headers) must not make two columns.
    seen: set[str] = set()
    return [c for c in columns if not (c in seen or seen.add(c))]


def is_total_column(column: str) -> bool:
    """True for 合计/小计 columns that sum their sibling columns."""
    return bool(_TOTAL_LEAF.match(column.rsplit("/", 1)[-1]))


def column_relations(columns: list[str]) -> list[tuple[int, list[int]]]:
    """(total column, its part columns) for every total column of a header."""
    relations = []
    for i, col in enumerate(columns):
        if not is_total_column(col):
            continue
        prefix = col.rsplit("/", 1)[0] if "/" in col else None
        if prefix:
            parts = [j for j, c in enumerate(columns) if j != i and c.startswith(prefix + "/")]
        else:
            parts = [
                j for j, c in enumerate(columns)
                if j != i and not is_total_column(c) and not c.startswith("其中")
                and c not in ("上年结转", "年初结转和结余", "年末结转和结余")
            ]
        if parts:
            relations.append((i, parts))
    return relations


def split_two_sided_header(text: str) -> tuple[str, str]:
    """Split a two-sided header at its second 项目 (income side left, expenditure right)."""
    text = compact(text)
    marks = [m.start() for m in re.finditer(r"项目(?!支出|名称)", text)]
    if len(marks) >= 2:
        return text[: marks[1]], text[marks[1]:]
    for word in ("支出", "财政拨款支出"):
        idx = text.rfind(word)
        if idx > 0:
            return text[:idx], text[idx:]
    return text, text
