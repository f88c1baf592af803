"""Low-level text helpers shared by the parsers: numbers, codes, noise lines, compact forms."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from budgetqa.textnorm import ORDINAL, compact, strip_ordinal  # noqa: F401  (shared with the question side)

# An amount as printed: 1,084.38 / 1084.38 / 76,306,134 / -12.5 / 0
AMOUNT = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# A number standing alone in a table line: after a space or the line start, and not the
# start of a label such as 2024年 or 1、 (integers glued to these are part of the text).
_TABLE_NUMBER = re.compile(
    r"(?:(?<=\s)|^)("
    r"-?\d+\.\d+(?![\d%])"  # decimals may run into the next label: 533.88年终结转
    r"|-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d%])"  # thousands separators: 76,306,134
    r"|-?(?:0|[1-9]\d*)(?=\s|$)"  # plain integers stand alone (2024预算数, 1、 and 06 are no amounts)
    r")"
)

# Subject code at the start of a row: 201 / 20131 / 2013101, or economic 301 01 / 30101; split
# codes may stand apart by any run of spaces (201 31 05, 204   06   01 in a column-aligned layout).
_CODE = re.compile(r"^\s*(\d{3})(?:\s*(\d{2}))?(?:\s*(\d{2}))?(?=\s*[^\d\s.,%])")

_NOISE = re.compile(
    r"^(?:仅供|内部|审核|-\s*\d+\s*-|第\s*\d+\s*页.*|\d{1,3})$"
)


def to_decimal(raw: str) -> Decimal | None:
    """Parse a printed amount ("1,084.38") exactly; None when it is not a number."""
    try:
        return Decimal(raw.replace(",", "").replace("，", ""))
    except (InvalidOperation, ValueError):
        return None


@lru_cache(maxsize=16384)
def is_noise(line: str) -> bool:
    """Watermarks (仅供/内部/审核) and page numbers that the extractor put among the text."""
    return bool(_NOISE.match(compact(line)))


_NAME_AFTER = re.compile(r"\s*(?![一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|合计|总计|小计)[\u4e00-\u9fff]")


@lru_cache(maxsize=32768)
def table_numbers(line: str) -> tuple[re.Match[str], ...]:
    """The standalone numbers of a table line, in order: a classification code printed before a
    subject's name (301 工资福利支出 302 商品和服务支出) is not a number."""
    return tuple(m for m in _TABLE_NUMBER.finditer(line)
                 if not (looks_like_code(m.group(1)) and _NAME_AFTER.match(line, m.end(1))))


# A code whose name wrapped to the lines around it: followed by figures with decimals or thousands
# separators (201 06 01 1,511.90), or alone on its line (20799).
_BARE_CODE = re.compile(
    r"^\s*(\d{7}|\d{5}|\d{3})(?=\s+-?[\d,]+\.\d|\s+-?\d{1,3}(?:,\d{3})+)"
    r"|^\s*(\d{3})\s+(\d{2})(?:\s+(\d{2}))?(?=\s+-?[\d,]+\.\d|\s+-?\d{1,3}(?:,\d{3})+|\s*$)"
    r"|^\s*([23]\d{4}(?:\d{2})?)(?=\s*$)"
)
_CODE_LIKE = re.compile(r"[23]\d{2}(?:\d{2}){0,2}")


def looks_like_code(raw: str) -> bool:
    """True for an integer printed like a classification code (3, 5 or 7 digits, 2xx or 3xx)."""
    return bool(_CODE_LIKE.fullmatch(raw))


@lru_cache(maxsize=32768)
def split_code(label: str) -> tuple[str | None, str]:
    """Split a leading subject code from a label: '2013105 专项业务' -> ('2013105', '专项业务')."""
    m = _CODE.match(label)
    if not m:
        bare = _BARE_CODE.match(label)  # a code whose name wrapped to the lines around it
        if bare:
            return "".join(g for g in bare.groups() if g), label[bare.end():].strip()
        return None, label.strip()
    code = "".join(g for g in m.groups() if g)
    return code, label[m.end():].strip()


def code_level(code: str | None) -> str | None:
    """类 / 款 / 项 from the length of a functional subject code (3 / 5 / 7 digits)."""
    return {3: "类", 5: "款", 7: "项"}.get(len(code or ""))


def parent_code(code: str | None) -> str | None:
    """The code one level up: 2013105 -> 20131 -> 201 -> None."""
    if not code or len(code) <= 3:
        return None
    return code[:-2]


def starts_with_ordinal(text: str) -> bool:
    """True when text starts like a numbered item: 一、 （一） 1、 ①."""
    return bool(ORDINAL.match(text.strip()))
