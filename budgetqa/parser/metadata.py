"""Who published a report, for which year, and what it is, weighed from every clue the text gives.

A department is named on the cover, in a label line (预算主管部门：…, 单位名称：…, 编制部门：…), in
the part headings (第二部分 X 2024年度部门决算表) and in the narrative; the year on the cover, in
the table titles and headers (2024年预算数) and the narrative; the kind (预算/决算, 部门/单位) in the
titles and on the cover. The file name is the last clue. What was guessed, or where clues
disagree, is said in plain words (``notes``), so that a load can print it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from budgetqa.models import Table
from budgetqa.parser.text import compact

_LABEL = re.compile(
    r"(?:预算主管部门|主管部门名称|主管部门|预算单位名称|预算单位|编制部门|编制单位|部门名称|单位名称)\s*[:：]\s*"
    r"(?!单\s*位\s*[:：])(.+?)\s*(?:单\s*位\s*[:：]|金额单位|$)"
)
_YEAR = r"(20\d{2})"
# Words that say what the document is, never part of a department's name.
_TAIL = re.compile(
    r"(?:20\d{2}\s*年度?)?(?:区级|市级|省级|县级|本级)?(?:部门|单位)?(?:收支)?(?:预算|决算)(?:公开)?(?:表|报告|情况说明|说明|编制说明)?.*$"
)
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
# How an organisation's name ends (a region alone, 上海市普陀区, is not a department).
_ORG_END = re.compile(
    r"(?:局|委|委员会|办|办公室|部|院|校|大学|学院|学校|中心|会|联合会|所|站|队|处|厅|署|馆|社|团|室|府|政府|"
    r"办事处|镇|乡|街道|集团|公司|协会|机关|宫|台|场|园|网|报社|出版社|医院|法院|检察院|监狱|科|组|（本级）|\(本级\))$"
)
_REGION_END = re.compile(r"(?:省|市|区|县|州|旗|自治区|特别行政区)$")
# (Digits may be part of a name — 第2中学, 示例市第1号测试局 — but not a year or a figure.)
_NOT_NAME = re.compile(r"[，。；;、：:%“”\"]|20\d{2}|\d[.,]\d|^\d|目录|概况|说明|职能|职责|附件|公开|情况|单位构成|机构设置|名词解释")
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])|Ｘ{2,}")
_PUBLISHED = re.compile(rf"{_YEAR}\s*年\s*\d{{1,2}}\s*月")


@dataclass
class Metadata:
    """What a report is: department, year, kind (预算/决算), scope (部门/单位), and what was guessed."""

    department: str
    year: int | None
    kind: str
    scope: str
    notes: list[str] = field(default_factory=list)


def cover_lines(lines: list[str], limit: int = 8) -> list[str]:
    """The cover: the first non-empty lines, up to the contents (目录) or the first part heading."""
    out: list[str] = []
    for line in lines[:60]:
        text = compact(line)
        if not text:
            continue
        if text.startswith(("目录", "目　录")) or _PART.match(text) or re.match(r"^[一二三四五六七八九十]+、", text):
            break
        if re.fullmatch(r"\d{1,3}", text):  # a page number
            continue
        out.append(text)
        if len(out) >= limit:
            break
    return out


def clean_department(text: str) -> str:
    """A department's name without the words around it (第二部分, 2024年度部门决算表, 概况)."""
    text = compact(text)
    text = _PART.sub("", text)
    text = re.sub(r"^(?:预算主管部门|预算单位|编制部门|编制单位|部门名称|单位名称)[:：]", "", text)
    text = _TAIL.sub("", text)
    text = re.sub(r"20\d{2}年度?$|年度$", "", text)
    text = re.sub(r"(?:概况|简介|基本情况)$", "", text)
    return text.strip("：:，, ")


def _is_name(text: str) -> bool:
    if not 2 <= len(text) <= 40 or _NOT_NAME.search(text):
        return False
    if _REGION_END.search(text) and not _ORG_END.search(text):
        return False
    return bool(_ORG_END.search(text)) or len(text) <= 12


def _department_clues(lines: list[str], labelled: list[str]) -> list[tuple[str, str, int]]:
    """(name, where, weight) for every place that names the department."""
    clues: list[tuple[str, str, int]] = []
    for name in labelled:
        name = clean_department(name)
        if _is_name(name):
            clues.append((name, "表头", 3))
    for line in lines[:400]:
        if "：" not in line and ":" not in line:
            continue
        m = _LABEL.search(line.strip())
        if m:
            name = clean_department(m.group(1))
            if _is_name(name):
                clues.append((name, "标注", 3))
    cover = cover_lines(lines)
    joined = "".join(cover)
    # The cover names the department before the year and the kind: 上海市普陀区财政局 / 年度部门决算 / 2024.
    m = re.match(r"(.{2,40}?)(?:20\d{2}\s*年|年度|(?:区级|市级|省级)?(?:部门|单位)(?:预算|决算))", joined)
    if m and _is_name(clean_department(m.group(1))):
        clues.append((clean_department(m.group(1)), "封面", 2))
    for text in cover:
        name = clean_department(text)
        if name != text and _is_name(name) and name not in [c[0] for c in clues if c[1] == "封面"]:
            clues.append((name, "封面", 2))
    for line in lines:
        if "部分" not in line:
            continue
        text = compact(line)
        if _PART.match(text) and re.search(r"(?:预算|决算)(?:表|情况说明)?$|概况$", text):
            name = clean_department(text)
            if _is_name(name):
                clues.append((name, "标题", 1))
    return clues


def _pick_department(clues: list[tuple[str, str, int]], notes: list[str]) -> str:
    if not clues:
        notes.append("没有找到部门名称（封面、表头和标注都没有写出）")
        return ""
    weight: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for name, source, w in clues:
        weight[name] += w
        where.setdefault(name, [])
        if source not in where[name]:
            where[name].append(source)
    best = max(weight, key=lambda n: (weight[n], len(n)))
    # A longer spelling of the same name (the cover wrapped, or a label cut short) is the same name.
    longer = [n for n in weight if n != best and best in n and weight[n] * 2 >= weight[best]]
    if longer:
        best = max(longer, key=len)
    others = [n for n in weight if n not in best and best not in n]
    if others:
        said = "；".join(f"{n}（{'、'.join(where[n])}）" for n in [best, *others])
        notes.append(f"各处写的部门名称不一致：{said}；取「{best}」")
    elif where[best] == ["标题"]:
        notes.append(f"部门名称「{best}」只见于章节标题")
    return best


def _year_clues(lines: list[str], tables: list[Table], source_name: str) -> dict[str, list[int]]:
    clues: dict[str, list[int]] = {}
    cover = " ".join(cover_lines(lines))
    cover = _PUBLISHED.sub(" ", cover)  # 2025 年 8 月: when it was published, not its year
    found = [int(y) for y in re.findall(rf"(?<!\d){_YEAR}(?!\d)", cover)]
    if found:
        clues["封面"] = found[:1]
    titled = [int(y) for t in tables for y in re.findall(rf"{_YEAR}\s*年", compact(t.title))]
    if titled:
        clues["表题"] = titled
    headers = [int(y) for t in tables for c in t.columns for y in re.findall(rf"^{_YEAR}年", c)]
    if headers:
        clues["表头"] = headers
    text = compact("".join(lines[:600]))
    told = [int(y) for y in re.findall(rf"{_YEAR}年度?(?:部门|单位)?(?:预算|决算|收入|支出|，|“三公”)", text)]
    if told:
        clues["说明"] = told
    m = re.findall(rf"(?<!\d){_YEAR}(?!\d)", source_name)
    if m:
        clues["文件名"] = [int(m[-1])]
    return clues


def _pick_year(clues: dict[str, list[int]], kind: str, notes: list[str]) -> int | None:
    firsts = {where: Counter(years).most_common(1)[0][0] for where, years in clues.items()}
    for where in ("封面", "表题", "表头", "说明", "文件名"):
        if where in firsts:
            year = firsts[where]
            break
    else:
        notes.append("没有找到年份")
        return None
    differ = {w: y for w, y in firsts.items() if y != year and w in ("封面", "表题", "文件名")}
    if differ:
        said = "、".join(f"{w} {y}" for w, y in differ.items())
        notes.append(f"年份的线索不一致（{said}）；取 {year}（{where}）")
    if where in ("说明", "文件名"):
        notes.append(f"年份 {year} 取自{'说明文字' if where == '说明' else '文件名'}（封面和表题没有写出）")
    return year


def _pick_kind(lines: list[str], tables: list[Table], source_name: str, notes: list[str]) -> tuple[str, str]:
    titles = "".join(compact(t.title) for t in tables)
    cover = "".join(cover_lines(lines))
    name = source_name.lower()
    votes: Counter[str] = Counter()
    if titles:
        votes["决算"] += 2 * titles.count("决算")
        votes["预算"] += 2 * (titles.count("预算") - titles.count("预算财政拨款"))
    for word in ("决算", "预算"):
        if re.search(rf"(?:部门|单位|年度|年){word}", cover):
            votes[word] += 5
    head = compact("".join(lines[:200]))
    if not votes:
        votes["决算"] += head.count("决算")
        votes["预算"] += head.count("预算") // 2
    if not votes or votes["决算"] == votes["预算"]:
        if re.search(r"final|juesuan|决算", name):
            votes["决算"] += 1
            notes.append("预算还是决算取自文件名")
        elif re.search(r"budget|yusuan|预算", name):
            votes["预算"] += 1
            notes.append("预算还是决算取自文件名")
    kind = "决算" if votes["决算"] > votes["预算"] else "预算"
    scope_text = cover + titles[:400]
    scope = "单位" if re.search(r"单位(?:预算|决算)|预算单位(?:财务|收入|支出|财政)", scope_text) else "部门"
    return kind, scope


def read_metadata(lines: list[str], tables: list[Table], source_name: str, labelled: list[str]) -> Metadata:
    """Department, year, kind and scope from every clue, with notes on what was guessed."""
    notes: list[str] = []
    kind, scope = _pick_kind(lines, tables, source_name, notes)
    department = _pick_department(_department_clues(lines, labelled), notes)
    year = _pick_year(_year_clues(lines, tables, source_name), kind, notes)
    return Metadata(department, year, kind, scope, notes)


def placeholders(lines: list[str]) -> int:
    """How many placeholders (XX, XXX) of a blank template the text holds."""
    text = "\n".join(lines)
    return len(_PLACEHOLDER.findall(text)) if ("XX" in text or "ＸＸ" in text) else 0
