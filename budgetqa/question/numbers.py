"""Numbers in a question: Chinese numerals made digits, then amounts, percentages, years and places.

Chinese numerals are converted where they count (前三, 五十万, 百分之十, 二零二四年, 第二); amounts keep
the unit typed after them (万 / 万元 / 元), so a threshold in 元 is compared with a table in 万元
exactly. Codes (3, 5 or 7 digits not followed by a unit) are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgetqa import lexicon, patterns

_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿点"
_CN_RUN = f"[{_CN_NUMERAL}]"
_PATTERNS = (
    (patterns.compile(r"百分之([零〇一二两三四五六七八九十百点]+)"), "{}%"),
    (patterns.compile(r"([零〇一二三四五六七八九]{4})(?=年)"), "{}"),  # 二零二四年
    (patterns.compile(r"(?<=前|后|第)([一二两三四五六七八九十]+)"), "{}"),
    (patterns.compile(r"(?<=倒数)([一二两三四五六七八九十]+)"), "{}"),
    (patterns.compile(r"(?<=top)([一二两三四五六七八九十]+)"), "{}"),
    (patterns.compile(r"(?<=最大的|最多的|最高的|最小的|最少的|最低的)([一二两三四五六七八九十]+)(?=个|项|名|笔)"), "{}"),
    (patterns.compile(rf"([一二两三四五六七八九十][{_CN_NUMERAL}]*)(?=万|亿|元|块钱|多万|来万|余万|多元|多块)"), "{}"),
    # a number said with its decimals (五百五十点五一), or a total said after 等于/是不是 (等于一千零八十四)
    (patterns.compile(r"([零〇一二两三四五六七八九十百千万]+点[零〇一二三四五六七八九]+)"), "{}"),
    (patterns.compile(r"(?:(?<=等于)|(?<=是不是)|(?<=是否))([一二两三四五六七八九][零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二两三四五六七八九]*)"), "{}"),
)


# A share said as a fraction (七成, 一半, 三分之一, 过半), after the words that compare or state a share
_FRACTION_BEFORE = r"(?<=[的占了过超到足近约达于比])"
_TENTHS = patterns.compile(_FRACTION_BEFORE + r"([一二三四五六七八九])成(?=以上|以下|多|左右|了|吗|吧|呢|啊|没|[？?，,。]|$)")
_HALF = patterns.compile(_FRACTION_BEFORE + r"(?:一半|半数)")
_PARTS_OF = patterns.compile(_FRACTION_BEFORE + r"([二三四五六七八九十])分之([一二三四五六七八九])")


# 亿 counted with a measure word (三个亿, 两个多亿, 1个亿): that many 亿, as 三亿 is read.
_COUNTED_YI = patterns.compile(r"(?<=[\d一二两三四五六七八九十])个(多)?亿")


def _fractions(text: str) -> str:
    """七成 -> 70%, 一半 -> 50%, 过半 -> 超过50%, 三分之一 -> 33.33% (a share compared or stated)."""
    if "成" in text:
        text = _TENTHS.sub(lambda m: f"{_DIGITS[m.group(1)] * 10}%", text)
    if "半" in text:
        text = _HALF.sub("50%", text.replace("过半", "超过50%"))
    if "分之" in text:
        def share(m: re.Match[str]) -> str:
            whole, part = small_numeral(m.group(1)), _DIGITS[m.group(2)]
            return f"{(Decimal(part) * 100 / whole).quantize(Decimal('0.01'))}%" if whole and part < whole else m.group(0)

        text = _PARTS_OF.sub(share, text)
    return text


# The capital numerals of financial writing (壹佰万元, 柒佰伍拾万元), read as the plain ones where they run
# into a unit of money or a count.
_CAPITALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬", "一二二三三四五六六七八九十百千万")
_CAPITAL_RUN = patterns.compile(r"[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬亿一二三四五六七八九十百千万]*[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬]"
                          r"[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬亿一二三四五六七八九十百千万]*(?=[万萬亿元块个项]|千元)")


# Tens said roughly (二十几万, 十几万): that many tens and more, as 20多万 is read.
_SOME_TENS = patterns.compile(r"([二两三四五六七八九]?十)几(?=万|元|块)")
# Two neighbouring digits said as a range (五六万, 三四十万): from the one to the other.
_TWO_DIGITS = patterns.compile(r"(?<![零〇一二两三四五六七八九十百千点])([一二三四五六七八])([二三四五六七八九])(十|百|千)?(万元|万|元|块钱|块)")


def _rough(text: str) -> str:
    """二十几万 -> 20多万, 五六万 -> 5万到6万 (a size said roughly, which a filter reads)."""
    text = _SOME_TENS.sub(lambda m: f"{small_numeral(m.group(1).replace('两', '二'))}多", text)

    def span(m: re.Match[str]) -> str:
        low, high = _DIGITS[m.group(1)], _DIGITS[m.group(2)]
        if high != low + 1:
            return m.group(0)
        times = _TENS.get(m.group(3) or "", 1)
        return f"{low * times}{m.group(4)}到{high * times}{m.group(4)}"

    return _TWO_DIGITS.sub(span, text)


def chinese_numbers(text: str) -> str:
    """Chinese numerals where they count: 前三 -> 前3, 五十万 -> 50万, 百分之十 -> 10%, 二零二四年 -> 2024年,
    七成 -> 70%, 柒佰伍拾万元 -> 7500000元."""
    text = _CAPITAL_RUN.sub(lambda m: m.group(0).translate(_CAPITALS), text)
    text = _COUNTED_YI.sub(lambda m: "亿" + (m.group(1) or ""), text)  # 三个亿 -> 三亿, 两个多亿 -> 两亿多
    text = _fractions(text)
    if not any(ch in _CN_NUMERAL for ch in text):
        return text
    text = _rough(text)
    # 二〇一三一〇二: digits said one by one (a code, read aloud or typed that way) are those digits
    text = re.sub("[零〇一二三四五六七八九]{5,}", lambda m: "".join(str("零一二三四五六七八九".index(c.replace("〇", "零")))
                                                                  for c in m.group(0)), text)
    for pattern, template in _PATTERNS:
        if not pattern.search(text):
            continue

        def convert(m: re.Match[str]) -> str:
            raw = m.group(1)
            if re.fullmatch("[零〇一二三四五六七八九]{4}", raw):
                return template.format("".join(str("零一二三四五六七八九".index(c.replace("〇", "零"))) for c in raw))
            small = small_numeral(raw)
            if small is not None:
                return template.format(small)
            import cn2an  # loaded only for numerals beyond the plain ones (五十万, 三点五, 三百五)

            try:
                return template.format(cn2an.cn2an(raw, "smart"))
            except (ValueError, KeyError, IndexError):
                return m.group(0)

        text = pattern.sub(convert, text)
    return text


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TENS = {"十": 10, "百": 100, "千": 1000}


def plain(value: Decimal) -> Decimal:
    """A computed amount as typed figures look: 15000, not 1.5E+4; 450, not 450.0; 99.5 stays."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def said_number(said: str) -> Decimal | None:
    """A number as typed, in digits or a small Chinese numeral (41, 三, 二十); None when it is neither."""
    if said[:1].isdigit():
        return Decimal(said)
    n = small_numeral(said)
    return Decimal(n) if n is not None else None


def small_numeral(raw: str) -> int | None:
    """A plain numeral below ten thousand (三, 十五, 二十, 一百零五), read without cn2an's start-up
    (its patterns compile in 0.1 s); None for anything else, which cn2an reads."""
    if not raw or any(ch not in _DIGITS and ch not in _TENS for ch in raw) or len(raw) > 1 and raw[-2] in "百千" \
            and raw[-1] in _DIGITS:  # 三百五 means 350, not 305: left to cn2an
        return None
    total, current = 0, 0
    for ch in raw:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        else:
            total, current = total + (current or 1) * _TENS[ch], 0
    return total + current


@dataclass
class Amount:
    """A number the question gives, with the unit typed after it ('' when none)."""

    value: Decimal
    unit: str
    start: int
    end: int
    about: str = ""  # how the figure was guessed: 多 (530多万: 530 to 540), 左右 (about), "" when exact


def typed_value(typed: Amount, unit: str) -> Decimal:
    """An amount the question types, in the unit of the figures it is set against (3万 against a table in 元:
    30000; 30000元 against one in 万元: 3)."""
    if unit == "元" and typed.unit == "万元":
        return typed.value * 10000
    if unit == "万元" and typed.unit == "元":
        return typed.value / 10000
    return typed.value


@dataclass
class Numbers:
    """What the numbers of one question say."""

    amounts: list[Amount] = field(default_factory=list)
    percents: list[Decimal] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    n: int | None = None  # 前五 (negative: 后五, 倒数五个)
    nth: int | None = None  # 排第二 (negative: 倒数第二)
    choice: int | None = None  # '2', '第二个': a pick from the last answer's choices


_YEAR = patterns.compile(r"(?<![\d.])(20[0-4]\d)(?:年|(?![\d.万元%多余]|" + lexicon.CODE_OPENING + "))")  # (2000多万: an amount)
_CODE_OPENED = patterns.compile(lexicon.CODE_OPENING)  # digits opening codes, no amount
_DATE = patterns.compile(r"(?<!\d)20\d\d年\d{1,2}月(?:\d{1,2}[日号])?")
_NUMBER = patterns.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


def read_numbers(squashed: str) -> Numbers:
    """Amounts, percentages, years, top-n and nth places of a squashed question (a date, 2023年10月31日,
    is none of them)."""
    squashed = _DATE.sub(lambda m: " " * len(m.group(0)), squashed)
    out = Numbers()
    out.percents = [Decimal(m.group(1)) for m in re.finditer(r"(\d+(?:\.\d+)?)%", squashed)]
    for m in re.finditer(r"(?:前|top|排名前|最高的|最大的|最多的)(\d{1,2})(?!\d)", squashed):
        out.n = int(m.group(1))
    m = re.search(r"第1(?:名|位|个)?(?:和|与|、|跟|及)?第(\d)(?:名|位|个)?", squashed)
    if m:  # 第一和第二分别是哪类: the first two places
        out.n = int(m.group(1))
    m = re.search(r"哪(\d{1,2}|[两二三四五六七八九十])(?:个|项|类|款|笔|家|位|名|条)", squashed)
    many = (int(m.group(1)) if m.group(1).isdigit() else small_numeral(m.group(1))) if m else None
    extreme = re.search(r"最(?:多|大|高|贵|花钱|少|小|低|便宜|省)", squashed)
    if many and many >= 2 and extreme and out.n is None:  # 哪两个项目钱最多 / 最少的是哪三个: that many of the end
        out.n = -many if re.match(r"最(?:少|小|低|便宜|省)", extreme.group()) else many
    m = re.search(r"(?:(?<!以)后|倒数|最少的|最小的|最低的)(\d{1,2})(?![\d.])(?!万|元)", squashed)
    if m and not re.search(r"倒数第", squashed):
        out.n = -int(m.group(1))
    # 排第二 / 第二大 / 金额第一的 / 第一的是哪个: a place in an order
    m = re.search(r"(?:排|排名|排在|位列|位居|列|金额|数额|规模|占比|比重|份额)第(\d{1,2})(?!\d)|第(\d{1,2})(?:大|多|高|名|位|小|少|低)"
                  r"|第(\d{1,2})的(?:是|项目|科目|那个)", squashed)
    if m:
        out.nth = int(m.group(1) or m.group(2) or m.group(3))
    elif (m := re.search(r"第(\d{1,2})(?:个|项|条|类|款)(?:是|的是|为)?(?:什么|哪|啥|多少|谁)", squashed)) \
            and re.search(r"从大到小|从高到低|从小到大|从低到高|由大到小|由高到低|由小到大|由低到高|排序|排列|排下来|排的话|按金额排", squashed):
        out.nth = int(m.group(1))  # 按金额从大到小，第一个是什么: a place in the order said
    elif re.match(r"(?:那)?其次(?:为|是|的是)?(?:哪|什么|啥)", squashed):
        out.nth = 2  # 其次为哪一类: the second of a ranking
    m = re.search(r"倒数第(\d{1,2})(?!\d)", squashed)
    if m:
        out.nth = -int(m.group(1))
    m = re.fullmatch(r"(?:选|要|看)?(?:第)?(\d{1,2})(?:个|项|条)?(?:吧|呢)?", squashed)
    if m:
        out.choice = int(m.group(1))
    out.years = [int(m.group(1)) for m in _YEAR.finditer(squashed)]
    for m in _NUMBER.finditer(squashed):
        raw, after = m.group(1), squashed[m.end():m.end() + 2]
        if after[:1] in ("%", "年") or squashed[max(0, m.start() - 1):m.start()] in ("前", "第", "后", "表") \
                or _CODE_OPENED.match(squashed, m.end()) \
                or (after[:1] in ("个", "项", "张", "名", "位", "条", "类", "款", "列", "倍") and "." not in raw):
            continue
        rough = re.match(r"(多|来|余)(万|元|块)", squashed[m.end():m.end() + 2])  # 530多万: a guess above 530万
        if rough and "." not in raw:
            unit = "万元" if rough.group(2) == "万" else "元"
            out.amounts.append(Amount(Decimal(raw), unit, m.start(), m.end() + 2, "多"))
            continue
        if "." not in raw and after[:1] not in ("万", "元", "块") and (
                len(raw) in (3, 5, 7) or re.fullmatch(r"20[0-4]\d", raw)):
            continue  # a classification code or a year
        if after[:1] == "亿":  # 1亿 / 1.5亿元: in 万元 (26亿多: 26 to 27亿; 差不多3亿: about it)
            end = m.end() + (2 if after == "亿元" else 1)
            over = re.match(r"(?:多|余)(?!少)", squashed[end:end + 2]) and "." not in raw
            near = re.match(r"左右|上下|出头", squashed[end:end + 2]) \
                or re.search(r"(?:大约|大概|约|差不多|将近|接近)$", squashed[max(0, m.start() - 3):m.start()])
            out.amounts.append(Amount(plain(Decimal(raw) * 10000), "万元", m.start(), end + (1 if over else 0),
                                      "多" if over else "左右" if near else ""))
            continue
        if after == "千元":  # 5千元: in 元
            out.amounts.append(Amount(Decimal(raw) * 1000, "元", m.start(), m.end()))
            continue
        unit = "万元" if after.startswith("万") else "元" if after[:1] in ("元", "块") else ""
        over = re.match(r"(万|元|块)多(?!少)", squashed[m.end():m.end() + 3])  # 7万多: a guess above 7万
        if over and "." not in raw:
            out.amounts.append(Amount(Decimal(raw), unit, m.start(), m.end() + 2, "多"))
            continue
        near = re.match(r"(?:万元?|元|块)?(?:左右|上下|出头)", squashed[m.end():m.end() + 5]) \
            or re.search(r"(?:大约|大概|约|差不多|将近|接近)$", squashed[max(0, m.start() - 3):m.start()])
        out.amounts.append(Amount(Decimal(raw), unit, m.start(), m.end(), "左右" if near else ""))
    return out
