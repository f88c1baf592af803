"""Table titles and column headers: which table this is and what its columns are called."""

from __future__ import annotations

import re
from functools import lru_cache

from budgetqa.parser.text import compact, starts_with_ordinal
from budgetqa.textnorm import chinese_ordinal  # noqa: F401  (parsers name tables by it)

_DIGIT = re.compile(r"\d")

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



# Every family of table the parser recognises, and what it holds. Questions map onto these kinds.
TABLE_KINDS: dict[str, str] = {
    "summary": "收支总表：全部收入（按来源）与全部支出（按功能分类）两栏对照，含本年合计、结转、总计"
               "（部门收支总表、财务收支预算总表、收入支出决算总表、高等学校收支决算总表）",
    "income": "收入表：各功能分类科目的收入，按来源分列（财政拨款收入、事业收入、其他收入……）",
    "expenditure": "支出表：各功能分类科目的支出，分基本支出、项目支出及表中印出的其他类别"
                   "（如单位预留机动经费、上缴上级支出、经营支出）",
    "fiscal_summary": "财政拨款收支总表：财政拨款收入（按资金）与财政拨款支出（按功能分类、按资金）两栏对照",
    "fiscal_expenditure": "财政拨款支出表：各功能分类科目的财政拨款支出（高等学校财政拨款支出决算表等）",
    "gp_expenditure": "一般公共预算（财政拨款）支出表：各功能分类科目，分基本支出、项目支出",
    "basic_economic": "基本支出（经济分类）表：一般公共预算基本支出按经济分类科目，分人员经费、公用经费；"
                      "决算模板两半并排（人员经费类在左，公用经费类在右）",
    "fund_income": "政府性基金预算收入表",
    "fund_expenditure": "政府性基金预算（财政拨款）支出表或收入支出表",
    "state_capital": "国有资本经营预算（财政拨款）支出表",
    "three_public": "“三公”经费表：因公出国（境）费、公务用车购置及运行（维护）费（购置费、运行费）、"
                    "公务接待费；“三公”合计只是这三项（parts 记下哪几项），同表的会议费、培训费等列另存，不计入",
    "operating_cost": "机关运行经费表（单独成表，或印在“三公”表旁）",
    "procurement": "政府采购表：采购项目（或品目）逐行列出及其金额，按货物、工程、服务分列",
    "purchased_services": "政府购买服务表：购买服务的项目及金额",
    "projects": "项目支出表：本年项目逐行列出及其金额（按单位分组）",
    "projects_carryover": "上年结转项目支出表",
}

_TITLE_END = re.compile(r"表(?:[（(][^）)]{1,20}[）)])?$")
_TITLE_PREFIX = re.compile(
    r"^(?:"
    r"附?表\s*([一二三四五六七八九十]{1,3}|\d{1,2})(?:\s*[-－—]\s*\d{1,2})?\s*[：:、.．]?"  # 表1 表一 表 1： 表3-1 附表2
    r"|(?:部门|单位|预算|决算)?公开\s*(\d{1,2})\s*表\s*[：:]?"  # 公开01表
    r"|(?:预算|决算|部门|单位)?公开表\s*(\d{1,2})\s*[：:]?"  # 预算公开表3
    r"|(\d{1,2})\s*[、.．]"  # 1. 1、
    r"|([一二三四五六七八九十]{1,3})\s*、"  # 一、
    r"|[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[）)]"  # （一）
    r")"
)
# A label printed after the title on its line: 部门收支总表 公开01表 / …总表（预算公开表1）.
_TITLE_SUFFIX = re.compile(
    r"[（(]?(?:(?:部门|单位|预算|决算)?公开\s*(\d{1,2})\s*表|(?:预算|决算|部门|单位)?公开表\s*(\d{1,2})|附?表\s*(\d{1,2}))[）)]?$"
)
_TITLE_UNIT = re.compile(r"(?:金额)?单\s*位\s*[:：]\s*(?:万元|元|千元|亿元)$")
_TABLE_LABEL = re.compile(
    r"^(?:(?:预算公开表|部门公开表|决算公开表|公开表|附表)(\d{1,2})"
    r"|(?:部门|单位|预算|决算)?公开(\d{1,2})表|表(\d{1,2})(?:[-－]\d{1,2})?)$"
)


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese_ordinal(text)


def table_label_number(line: str) -> int | None:
    """The number in a label line of its own ('预算公开表3', '公开03表', '表3'), or None."""
    m = _TABLE_LABEL.match(compact(line))
    return next((int(g) for g in m.groups() if g), None) if m else None


@lru_cache(maxsize=16384)
def classify_title(line: str) -> tuple[str, int | None, str] | None:
    """(kind, printed number or None, title) when ``line`` is a financial table's title.

    Titles come numbered in many ways (表1, 表一, 表 1：, 表3-1, 公开01表, 预算公开表3, 一、, 1.) or not
    at all; the words of the title decide the family (TABLE_KINDS).
    """
    text = _TITLE_UNIT.sub("", compact(line))
    if not 4 <= len(text) <= 70:
        return None
    number = None
    m = _TITLE_PREFIX.match(text)
    if m:
        number = next((_number(g) for g in m.groups() if g), None)
        text = text[m.end():]
    label = _TITLE_SUFFIX.search(text)
    if label and label.start() > 0:
        number = number or next((int(g) for g in label.groups() if g), None)
        text = text[:label.start()]
    if not 4 <= len(text) <= 60 or not _TITLE_END.search(text):
        return None
    if any(ch in text for ch in "，。；：:") or "绩效" in text or "目录" in text or "…" in text or "..." in text:
        return None
    kind = _kind_of(text)
    return (kind, number, text) if kind else None


def _kind_of(t: str) -> str | None:
    # 总体情况表 is the central template's word for 总表 (部门收支总体情况表 …).
    t = t.replace("总体情况表", "总表").replace("情况表", "表").replace("“", "").replace("”", "").replace('"', "")
    if "三公" in t:
        return "three_public"
    if "政府采购" in t:
        return "procurement"
    if "政府购买服务" in t:
        return "purchased_services"
    if "机关运行经费" in t:
        return "operating_cost"
    if "项目支出" in t and "基本支出" not in t:
        return "projects_carryover" if "上年结转" in t else "projects"
    if "国有资本经营" in t:
        return "state_capital"
    if "政府性基金" in t:
        return "fund_income" if "收入" in t and "支出" not in t else "fund_expenditure"
    if "基本支出" in t or ("经济分类" in t and "支出" in t):
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
        "单位预留机动经费", "预留机动经费", "其中：基本建设资金支出",
        *("一般公共预算基本支出", "一般公共预算支出", "政府性基金预算支出", "国有资本经营预算支出"),
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
# Printed above a table's amount columns to say whose money they are ("项目 一般公共预算支出"
# over 合计/基本支出/项目支出): a caption, not a column.
_CAPTIONS = {"一般公共预算基本支出", "一般公共预算支出", "政府性基金预算支出", "国有资本经营预算支出"}


# Header words that label the row-name columns, not amount columns ("项目 支出预算" must not
# read as 项目支出 once spaces are gone).
_LABEL_TOKENS = re.compile(
    r"(?:(?<=\s)|^)(?:项目|项目名称|科目编码|科目名称|科目代码|功能分类科目编码|功能分类科目名称|功能分类|"
    r"经济分类科目编码|经济分类科目名称|部门经济分类科目名称|经济分类|类款项|类|款|项|单位名称|序号|编码|名称|"
    r"收入科目编码|支出科目编码)(?=\s|$)",
    re.M,
)
# A first header line that only names the two sides of a two-sided table.
_SIDE_TITLES = re.compile(r"^(?:本年|财政拨款)?收入(?:本年|财政拨款)?支出$|^收入支出$")


def strip_label_tokens(text: str) -> str:
    """The header without the words that head the name columns, and without side titles."""
    lines = [l for l in text.split("\n") if not _SIDE_TITLES.match(compact(l))]
    return _LABEL_TOKENS.sub(" ", "\n".join(lines))


@lru_cache(maxsize=4096)
def header_terms(text: str) -> tuple[str, ...]:
    """Column words of a header, in printed order (text compacted first)."""
    text = compact(strip_label_tokens(text))
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
    return tuple(out)


def build_columns(terms: list[str]) -> list[str]:
    """Turn header words into column names, joining a group label and its columns with '/'."""
    columns: list[str] = []
    group: str | None = None
    deferred: list[str] = []
    children = 0
    for term in terms:
        if term in _CAPTIONS:
            continue
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
    columns = _group_basic(columns)
    # A word printed twice (wrapped headers) must not make two columns.
    seen: set[str] = set()
    return [c for c in columns if not (c in seen or seen.add(c))]


def _group_basic(columns: list[str]) -> list[str]:
    """基本支出 printed above 人员经费 and 公用经费 is their group, not a column of its own."""
    leaves = [c.rsplit("/", 1)[-1] for c in columns]
    if not {"基本支出", "人员经费", "公用经费"} <= set(leaves):
        return columns
    at = leaves.index("基本支出")
    basic = columns[at]
    out = [c for c, leaf in zip(columns, leaves) if leaf not in ("人员经费", "公用经费")]
    at = out.index(basic)
    out[at:at + 1] = [f"{basic}/人员经费", f"{basic}/公用经费"]
    return out


def is_total_column(column: str) -> bool:
    """True for 合计/小计 columns that sum their sibling columns."""
    return bool(_TOTAL_LEAF.match(column.rsplit("/", 1)[-1]))


def column_relations(columns: list[str]) -> list[tuple[int, list[int]]]:
    """(total column, its part columns) for every total column of a header.

    A total's parts are its sibling columns; a sibling group counts through its own total
    (小计) when it has one, else through its columns (基本支出 = 人员经费 + 公用经费).
    """
    relations = []
    for i, col in enumerate(columns):
        if not is_total_column(col):
            continue
        prefix = col.rsplit("/", 1)[0] if "/" in col else None
        if prefix:
            parts = _direct_parts(columns, i, prefix + "/")
        else:
            parts = [
                j for j, c in enumerate(columns)
                if j != i and not is_total_column(c) and not c.startswith("其中")
                and c not in ("上年结转", "年初结转和结余", "年末结转和结余")
            ]
        if parts:
            relations.append((i, parts))
    return relations


def _direct_parts(columns: list[str], total: int, prefix: str) -> list[int]:
    parts, groups = [], {}
    for j, c in enumerate(columns):
        if j == total or not c.startswith(prefix):
            continue
        rest = c[len(prefix):]
        if "/" not in rest:
            if not is_total_column(c):
                parts.append(j)
            continue
        groups.setdefault(rest.split("/", 1)[0], []).append(j)
    for members in groups.values():
        totals = [j for j in members if is_total_column(columns[j]) and columns[j].count("/") == columns[members[0]].count("/")]
        parts.extend(totals[:1] or [j for j in members if not is_total_column(columns[j])])
    return sorted(parts)


def split_two_sided_header(text: str) -> tuple[str, str]:
    """Split a two-sided header at its second 项目 (income side left, expenditure right)."""
    text = compact("\n".join(l for l in text.split("\n") if not _SIDE_TITLES.match(compact(l))))
    marks = [m.start() for m in re.finditer(r"项目(?!支出|名称)", text)]
    if len(marks) >= 2:
        return text[: marks[1]], text[marks[1]:]
    for word in ("支出", "财政拨款支出"):
        idx = text.rfind(word)
        if idx > 0:
            return text[:idx], text[idx:]
    return text, text


# Words that head the name columns or caption the table, and side titles: not amount columns.
_LABEL_WORDS = sorted(
    [
        "功能分类科目编码", "功能分类科目名称", "经济分类科目编码", "经济分类科目名称", "部门经济分类科目名称",
        "功能分类", "经济分类", "科目编码", "科目名称", "科目代码", "类款项", "项目名称", "项目", "单位名称",
        "收入预算", "支出预算", "收入决算", "支出决算", "备注", "序号", "编码", "名称", "类", "款", "项",
        "栏次", "(按功能分类)", "（按功能分类）", "按功能分类", "(按经济分类)", "（按经济分类）",
        "收入", "支出", "本年",
    ],
    key=len,
    reverse=True,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=4096)
def unexplained(text: str) -> str:
    """The Chinese text of a header that is neither a column word nor a label of the name columns
    (pieces of words that wrapped: 上级补 … 助收入)."""
    text = compact(text)
    rest: list[str] = []
    i = 0
    while i < len(text):
        m = _PERIOD.match(text, i)
        if m:
            i = m.end()
            continue
        for term in _TERMS:
            if text.startswith(term, i):
                i += len(term)
                break
        else:
            rest.append(text[i])
            i += 1
    left = "".join(rest)
    for word in _LABEL_WORDS:
        if word in left:
            left = left.replace(word, "")
    return "".join(_CJK.findall(left))


def is_header_piece(line: str, kind: str) -> bool:
    """A line of pieces of column words only (the lower half of wrapped header cells: 收费 收入),
    each piece part of a column word of the table's family, with no figure."""
    text = compact(line)
    if not text or len(text) > 40 or _DIGIT.search(text) or starts_with_ordinal(text):
        return False
    return _pieces_of_words(tuple(line.replace("\u3000", " ").split()), kind)


@lru_cache(maxsize=4096)
def _pieces_of_words(tokens: tuple[str, ...], kind: str) -> bool:
    words = VOCABULARY.get(kind, []) + _TERMS + _EXTRA_WORDS
    return all(any(t in w for w in words) for t in tokens) and not all(t in words for t in tokens)


def is_header_line(line: str) -> bool:
    """A line of column words, name-column labels or side titles only (no figures)."""
    text = compact(line)
    if not text or _DIGIT.search(text):
        return False
    return bool(_SIDE_TITLES.match(text)) or not unexplained(line)


# The standard columns of each kind of table, in the standard order (wrapped headers are read
# against these; printed order wins where the text shows it).
_INCOME_WORDS = [
    "本年收入合计", "收入合计", "合计", "小计", "财政拨款收入", "一般公共预算财政拨款收入",
    "财政专户管理资金", "单位资金", "上级补助收入", "事业收入", "其中：教育收费", "事业单位经营收入",
    "经营收入", "附属单位上缴收入", "附属单位缴款", "其他收入", "用事业基金弥补收支差额", "上年结转",
]
_EXPENDITURE_WORDS = [
    "本年支出合计", "支出合计", "合计", "小计", "基本支出", "人员经费", "公用经费", "项目支出",
    "其中：基本建设资金支出", "其中：基本建设支出", "单位预留机动经费", "预留机动经费", "上缴上级支出",
    "事业单位经营支出", "经营支出", "对附属单位补助支出", "结转下年",
]
# Words of header cells beyond the families' vocabularies (pieces of them are header, not names).
_EXTRA_WORDS = ["金额", "其中：基本建设资金支出", "其中：教育收费", "单位预留机动经费", "预留机动经费",
                "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "一般公共预算财政拨款", "功能分类科目",
                "经济分类科目", "科目编码", "科目名称"]
_FUND_WORDS = [
    "合计", "小计", "一般公共预算财政拨款", "一般公共预算", "政府性基金预算财政拨款", "政府性基金预算",
    "国有资本经营预算财政拨款", "国有资本经营预算",
]
VOCABULARY = {
    "income": _INCOME_WORDS,
    "expenditure": _EXPENDITURE_WORDS,
    "fiscal_expenditure": _EXPENDITURE_WORDS,
    "gp_expenditure": _EXPENDITURE_WORDS,
    "fiscal_summary": _FUND_WORDS,
    "summary": _EXPENDITURE_WORDS,
}
_AMOUNT_WORDS = ("预算数", "决算数", "金额")


def table_columns(kind: str, header_lines: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """(columns, side columns) of a table from its header lines."""
    from budgetqa.parser.layout import find_words, printed_order

    text = "\n".join(header_lines)
    if kind in _OWN_WORDS:
        words = _own_terms(text, _OWN_WORDS[kind])
        if words:
            return list(dict.fromkeys(words)), {}
    wrapped = kind in VOCABULARY and unexplained(text)
    lines = [strip_label_tokens(line) for line in header_lines]
    if kind in TWO_SIDED:
        if wrapped:
            vocabulary = VOCABULARY[kind]
            found = find_words(lines, list(_AMOUNT_WORDS) + vocabulary)
            amounts = [f.word for f in found if f.word in _AMOUNT_WORDS]
            words = printed_order([f for f in found if f.word not in _AMOUNT_WORDS], _rank(vocabulary))
            sides = {"收入": amounts[:1] or ["金额"], "支出": [f.word for f in words] or amounts[1:2] or ["金额"]}
        else:
            left, right = split_two_sided_header(text)
            sides = {
                "收入": build_columns(header_terms(left)) or ["金额"],
                "支出": build_columns(header_terms(right)) or ["金额"],
            }
        return [c for side in sides.values() for c in side], sides
    if wrapped:
        vocabulary = VOCABULARY[kind]
        found = printed_order(find_words(lines, vocabulary), _rank(vocabulary))
        words = _own_amounts(found)
        if len(words) >= 2:
            return _group_basic(list(dict.fromkeys(words))), {}
    return build_columns(header_terms(text)), {}


# Column words of families with their own vocabulary (a procurement table's 货物 / 工程 / 服务).
_OWN_WORDS = {
    "procurement": ["政府采购预算", "采购预算", "采购金额", "预算金额", "金额", "货物", "工程", "服务",
                    "财政拨款", "一般公共预算", "政府性基金预算", "其他资金", "面向中小企业预留"],
    "purchased_services": ["购买服务预算", "预算金额", "金额", "财政拨款", "其他资金"],
}
_TOTALS = ("合计", "小计", "总计")


def _own_terms(text: str, words: list[str]) -> list[str]:
    """The family's column words in printed order (longest first where they overlap)."""
    text = compact(strip_label_tokens(text))
    out, i = [], 0
    ordered = sorted(words + list(_TOTALS), key=len, reverse=True)
    while i < len(text):
        for w in ordered:
            if text.startswith(w, i):
                out.append(w)
                i += len(w)
                break
        else:
            i += 1
    return out


def _own_amounts(found) -> list[str]:
    """Header words in order, without the 小计 printed under a group word standing alone on its line
    (项目支出 over 小计 and 其中：基本建设资金支出): the group's own figure is that 小计."""
    words = [f.word for f in found]
    if "小计" not in words or not any(w in words for w in ("合计", "本年支出合计", "本年收入合计")):
        return words
    lines: dict[int, list[str]] = {}
    for f in found:
        for line, _ in f.pieces:
            lines.setdefault(line, []).append(f.word)
    alone = [ws[0] for ws in lines.values() if len(ws) == 1 and not is_total_column(ws[0])]
    if alone and any(w.startswith("其中") for w in words):
        words.remove("小计")
    return words


def _rank(vocabulary: list[str]) -> dict[str, int]:
    return {w: i for i, w in enumerate(vocabulary)}
