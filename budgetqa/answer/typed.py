"""Arithmetic on figures the question types and names nothing else (303.62加780.77, 1084.38减303.62,
780.77是303.62的几倍, 497.52比90多多少): computed exactly, each figure traced to where the report prints it."""

from __future__ import annotations

import ast
import re
from decimal import ROUND_HALF_UP, Decimal

from budgetqa import patterns
from budgetqa.answer.build import answer, pct
from budgetqa.answer.model import Answer, amount_text
from budgetqa.findings import SEVERITY_LABEL, judge
from budgetqa.models import Document
from budgetqa.question.numbers import said_number, typed_value
from budgetqa.question.query import Query
from budgetqa.textnorm import normalise, squash

_SUM = patterns.compile(r"加(?!起来)|\+|加起来|合起来|之和|一共|总共|合计")
_MINUS = patterns.compile(r"减(?:去|掉)?|-|−")
_TIMES = patterns.compile(r"是.{0,3}的(?:几|多少)倍|几倍|多少倍|除以|÷|/")
_GAP = patterns.compile(r"比.{0,12}?(?:多|少|高|低)(?:了)?多少|差(?:了)?多少|相差|差额")


# The operation typed between two figures, nothing else (A除以B, A减去B, A加上B).
_OPERATOR = patterns.compile(r"(?:万元|万|元)?(?:除以|÷|/|乘以|×|加上?|减去?|\+|-|−)")
_COMPLETION = patterns.compile(r"完成率|执行率|完成(?:了)?(?:预算的)?(?:百分之几|多少%|多少)")


def _completion_asked(q: Query, typed: list) -> bool:
    """A budget and its outturn typed, the completion rate asked (预算A、决算B，完成率应该是多少)."""
    return len(typed) == 2 and bool(_COMPLETION.search(q.squashed)) and bool(re.search(r"预算", q.squashed)) \
        and bool(re.search(r"决算|实际|执行|完成", q.squashed))


# An arithmetic expression typed as such: numbers, + − × ÷ and brackets, with at least one sign between numbers.
_EXPRESSION = patterns.compile(r"[（(\s]*\d[\d.,]*(?:\s*[-+*/×÷−]\s*[（(\s]*\d[\d.,]*[)）\s]*)+")


def expression(doc: Document, q: Query) -> Answer | None:
    """(780.77-303.62)/303.62: the expression typed, evaluated exactly (a quotient to four decimals)."""
    found = _EXPRESSION.search(q.text or "")
    numbers = len(re.findall(r"\d[\d.,]*", found.group())) if found is not None else 0
    if found is None or not (re.search(r"[(（]", found.group()) or numbers > 2 and re.search(r"[*/×÷]", found.group())):
        return None  # (two figures and one sign are read by arithmetic(), with the question's words)
    typed = found.group().strip()
    plain = typed.translate(str.maketrans("×÷−（）", "*/-()")).replace(",", "")
    try:
        value = _evaluate(ast.parse(plain, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError, ArithmeticError):
        return None
    shown = value if value == value.quantize(Decimal("0.0001")) else value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    a = answer("sum", typed, f"{typed} = {format(shown.normalize(), 'f')}" + ("（四舍五入到四位小数）" if shown != value else "") + "。")
    a.figure("计算结果", shown, "")
    return a


def _evaluate(node: ast.AST) -> Decimal:
    """Numbers and + - * / only, in Decimal; anything else is not an expression typed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return Decimal(str(node.value))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        left, right = _evaluate(node.left), _evaluate(node.right)
        op = node.op
        return left + right if isinstance(op, ast.Add) else left - right if isinstance(op, ast.Sub) \
            else left * right if isinstance(op, ast.Mult) else left / right
    raise ValueError("not arithmetic")


def _operator_between(q: Query, typed: list) -> bool:
    """Only an operation typed between two figures (2106.66除以2940.05), or an operation and the second
    figure's name (本年收入550.51加上年结转533.88, 除以基本支出合计303.62)."""
    start = typed[1].start
    named = next((m for m in q.subjects if m.start >= typed[0].end
                  and re.fullmatch(r"(?:合计|总计|小计|总额|的)?", q.squashed[m.end:start])), None)  # (基本支出合计303.62)
    return bool(_OPERATOR.fullmatch(q.squashed[typed[0].end:named.start if named else start]))


def arithmetic(doc: Document, q: Query) -> Answer | None:
    """The typed figures added, subtracted or divided, as the question's words say."""
    if not q.subjects and (found := expression(doc, q)) is not None:
        return found
    typed = [a for a in q.amounts if not re.match(r"[个项张类款%年]", q.squashed[a.end:a.end + 1])]
    if not q.subjects and len(typed) == 1 and {typed[0].unit, q.unit} == {"元", "万元"}:
        return _converted(typed[0].value, typed[0].unit, q.unit)  # 246.89万元换成元是多少
    if len(typed) < 2 or len({a.unit for a in typed if a.unit}) > 1:
        return None
    if len(typed) >= 3 and "其中" in q.squashed[typed[0].end:typed[1].start] \
            and re.search(r"对(?:得|不)上|一致|相符|吻合|对不对|加起来|相加|之和|等于", q.squashed):
        return _parts_added(doc, typed)
    own = _own_sum(typed) if len(typed) >= 4 and q.op == "check" else None
    if own is not None:  # 总额A，分项B、C、D，我加起来是E，谁对: the parts against the total, and the asker's sum
        whole, parts, mine = own
        return _parts_added(doc, [whole] + parts, mine)
    # names beside figures typed with the operation between them (我按2106.66除以2940.05算一下) do not stop it
    if q.subjects and not (len(typed) == 2 and _operator_between(q, typed)) and not _completion_asked(q, typed):
        return None
    if re.search(r"吗|是否|是不是|对不对|一致|相等|对得上|等于(?!多少|几)", q.squashed) or q.op == "check" and len(typed) > 2:
        return None  # (1084.38等于303.62+780.77吗: a claim to check, answered by the check)
    first, second = typed[0].value, typed[1].value
    between = q.squashed[typed[0].end:typed[1].start]
    unit = next((a.unit for a in typed if a.unit), "")
    written = q.text or ""  # (the signs between digits, which the squashed question drops: 780.77/303.62)
    if _completion_asked(q, typed):  # 年初预算A、决算B，完成率多少: B ÷ A
        before_first = q.squashed[max(0, typed[0].start - 6):typed[0].start]  # (the word said before each figure)
        first_is_budget = "预算" in before_first and not re.search(r"决算|实际|执行", before_first)
        budget, outturn = (first, second) if first_is_budget else (second, first)
        if not budget:
            return None
        result = pct(outturn, budget)
        a = answer("ratio", f"{outturn} ÷ {budget}", f"完成率 = {outturn} ÷ {budget} × 100 = {result}%。")
        a.figure("完成率（计算）", result, "%")
    elif (_TIMES.search(q.squashed) or re.search(r"\d\s*[/÷]\s*\d", written)) and len(typed) == 2 and second:
        result = (first / second).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        a = answer("ratio", f"{first} ÷ {second}", f"{first} ÷ {second} = {result}（{first} 是 {second} 的 {result} 倍）。")
        a.figure("倍数（计算）", result, "倍")
        if re.search(r"%|％|百分|占|比例|比重", q.squashed):  # a quotient asked as a share: in per cent too
            a.text += f"折合 {pct(first, second)}%。"
            a.figure("百分比（计算）", pct(first, second), "%")
    elif (_MINUS.search(between) or _GAP.search(q.squashed) or re.search(r"\d\s*[-−]\s*\d", written)) and len(typed) == 2:
        result = first - second
        a = answer("difference", f"{first} − {second}", f"{first} − {second} = {result}{unit}。")
        a.figure("差额（计算）", result, unit)
        if second and re.search(r"百分之几|百分比|多少%|幅度", q.squashed):
            a.text += f"差额占 {second} 的 {pct(abs(result), abs(second))}%。"
            a.figure("差额占比（计算）", pct(abs(result), abs(second)), "%")
    elif _SUM.search(q.squashed):
        result = sum((t.value for t in typed), Decimal(0))
        added = " + ".join(str(t.value) for t in typed)
        a = answer("sum", added, f"{added} = {result}{unit}。")
        a.figure("合计（计算）", result, unit)
    else:
        return None
    said = "；".join(f"{t.value} {where}" for t in typed if t.value and (where := _where(doc, t.value)))
    a.text += f"所给数字在报告中：{said}。" if said else "所给数字都按问题所写计算，报告中没有找到印有这些数字的地方。"
    return a


def _own_sum(typed: list) -> tuple | None:
    """Among four or more figures typed, the asker's own sum: one figure that is the sum of all the others
    but one, that one being the total they are set against. None unless exactly one such reading."""
    found = []
    for i, mine in enumerate(typed):
        for j, whole in enumerate(typed):
            parts = [t for k, t in enumerate(typed) if k not in (i, j)]
            if i != j and len(parts) >= 2 and sum((t.value for t in parts), Decimal(0)) == mine.value:
                found.append((whole, parts, mine))
    return found[0] if len(found) == 1 else None


def _parts_added(doc: Document, typed: list, mine=None) -> Answer:
    """A total typed with its parts after 其中 (财政拨款少2163.37万，其中一般公共预算少1168.37万、政府性基金少995万，
    对得上吗): the parts added against the total, by the one rounding rule; and the asker's own sum of
    them, when typed (我加起来是251.26，谁对)."""
    whole, parts = typed[0].value, [t.value for t in typed[1:]]
    added = sum(parts, Decimal(0))
    unit = next((t.unit for t in typed if t.unit), "")
    shown = " + ".join(str(p) for p in parts)
    severity = judge(whole, parts)
    verdict = "一致" if severity is None else f"不一致，差 {abs(added - whole)}{unit}，属{SEVERITY_LABEL[severity]}"
    a = answer("check", f"{shown} 与 {whole}", f"{shown} = {added}{unit}，所写总数 {whole}{unit}：{verdict}。")
    if mine is not None:
        a.text += f"所算的 {mine.value}{unit} 与分项相加一致；" + ("所写总数也一致。" if severity is None else
                                                              f"所写总数 {whole}{unit} 与分项之和不符。")
    a.figure("分项之和（计算）", added, unit)
    if added != whole:
        a.figure("差额（计算）", abs(added - whole), unit)
    said = "；".join(f"{t.value} {where}" for t in typed if t.value and (where := _where(doc, t.value)))
    a.text += f"所给数字在报告中：{said}。" if said else ""
    return a


def _where(doc: Document, value: Decimal) -> str:
    """Where the report prints a figure first (表3 基本支出 第220行), '' when nowhere."""
    for table in doc.tables:
        for row in table.rows:
            cell = next((c for c in row.cells if c.amount == value), None)
            if cell is not None:
                return f"见表{table.no} {row.label}（{cell.column.rsplit('/', 1)[-1]}，第{row.line}行）"
    fact = next((f for f in doc.facts if f.kind == "amount" and f.value == value), None)
    return f"见情况说明 {fact.label}（第{fact.line}行）" if fact is not None else ""


def _converted(value: Decimal, unit: str, wanted: str) -> Answer:
    result = (value * 10000 if wanted == "元" else value / 10000).normalize()
    result = result.quantize(Decimal(1)) if result == result.to_integral_value() else result
    a = answer("value", f"{value}{unit} 折合{wanted}", f"{value}{unit} = {format(result, 'f')}{wanted}（1 万元 = 10,000 元）。")
    a.figure(f"{value}{unit}（折合{wanted}）", result, wanted)
    return a


# A fraction or a multiple of the figure just given (上一个的一半, 刚才那个数的三倍, 它的三分之一), as typed.
_CN = "一二两三四五六七八九十"
_OF_LAST = patterns.compile(rf"^(?:那)?(?:上一个|上个|刚才(?:那个|的)?|前面那个|这个|它)(?:数|数字|金额|钱)?的?"
                      rf"(一半|([\d.]+|[{_CN}])倍|([\d]+|[{_CN}])分之([\d]+|[{_CN}])|([\d.]+)[%％])(?:是|为|等于|有)?(?:多少|几)")


def own_figures(figures: list, computed: bool = True) -> list:
    """The figures of an answer that are its subject's own: not one it worked back (the year before's), nor the
    change or a rate it gave (nor, ``computed`` False, one it computed)."""
    skipped = re.compile(r"推算|变动" + ("" if computed else r"|计算"))
    return [f for f in figures if not skipped.search(f.label) and f.unit not in ("%", "")]


# An amount typed taken off or added to the figure just given, naming nothing else (原数减掉5000万元还剩多少 / 再加上3万是多少).
_OFF_LAST = patterns.compile(r"(减掉|减去|扣掉|扣除|去掉|拿掉|加上|再加)[\d.]+(?:亿元|万元|亿|万|元|块)?(?:以后|之后|后|的话)?"
                             r"(?:还剩|剩下|剩|是|等于|变成|一共)?(?:多少|几)")


def off_last_figure(q: Query, question: str, figures: list) -> Answer | None:
    """The headline figure of the last answer (not a figure it worked back, nor a change or a rate) less or plus
    the one amount the question types, when it names nothing else."""
    m = _OFF_LAST.search(squash(normalise(question)))
    if m is None or q.subjects or len(q.amounts) != 1 or not figures:
        return None
    original = re.search(r"原数|原来|本来|原先|不翻|不压|不减|不调", question)  # (不翻番，原数减掉…: not the figure supposed)
    base = next((f for f in own_figures(figures, computed=not original) if f.unit in ("元", "万元")), None)
    if base is None:
        return None
    typed = typed_value(q.amounts[0], base.unit)
    adding = m.group(1) in ("加上", "再加")
    result = base.value + typed if adding else base.value - typed
    sign = "+" if adding else "−"
    a = answer("sum" if adding else "difference", f"{base.label} {sign} {typed.normalize():f}",
               f"{base.label} {base.value} {sign} {typed.normalize():f} = {amount_text(result, base.unit)}。")
    a.figure(f"{base.label} {sign} {typed.normalize():f}（计算）", result, base.unit)
    a.figure(base.label, base.value, base.unit, base.table, base.line)
    return a


def of_last_figure(question: str, figures: list) -> Answer | None:
    """A fraction or a multiple of the headline figure of the last answer, computed exactly (rounded to
    two decimals only when it does not end)."""
    m = _OF_LAST.match(squash(normalise(question)))
    if m is None or not figures or figures[0].unit == "%":
        return None
    base, said = figures[0], m.group(1)
    if said == "一半":
        top, bottom = Decimal(1), Decimal(2)
    elif m.group(2):
        top, bottom = said_number(m.group(2)), Decimal(1)
    elif m.group(3):
        top, bottom = said_number(m.group(4)), said_number(m.group(3))
    else:
        top, bottom = Decimal(m.group(5)), Decimal(100)
    if not bottom or top is None:
        return None  # (a numeral it cannot read, or a fraction of nothing)
    exact = base.value * top / bottom
    result = exact if exact == exact.quantize(Decimal("0.000001")) else exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    result = result.normalize() if result == result.to_integral_value() else result
    shown = f"{base.value} × {top} ÷ {bottom}" if bottom != 1 else f"{base.value} × {top}"
    a = answer("sum", f"{base.label} 的{said}", f"{base.label} {base.value} {base.unit} 的{said}：{shown} = {result:f} {base.unit}"
               + ("（约数）" if result != exact else "") + "。")
    a.figure(f"{base.label} 的{said}（计算）", result, base.unit)
    return a


# A figure asked as it would be after a change by a fraction (压减10%后还剩多少 / 如果上调5% / 再压两成 / 砍掉一半):
# the figure with the change applied and the change itself, computed exactly. Said as a supposition (如果, 要是,
# 再), or with what is left or added after it (后, 还剩, 多安排), so that a rate the report states (比上年增长10%)
# or a threshold (下降10%以上) is not a change asked of.
_CUT = "压减|压缩|削减|缩减|减少|下调|调减|调低|降低|下浮|砍掉|砍|压|减掉|减"
_RAISE = "上调|调增|调高|增加|提高|上浮|增长|涨"
_SUPPOSING = "如果|要是|假如|假设|倘若|若是|若|万一"
_LEFT = "还剩|剩下|剩余|变成|会是|就是|降到|减到|升到|涨到|增到|达到"  # (what the figure comes to after it)
_SCALE_FRACTION = r"一半|[\d.]+[%％]|百分之[\d.一二两三四五六七八九十]+|[一二两三四五六七八九\d]成"
_SCALED = patterns.compile(rf"(?:再|统一|都|全部|整体)?(?<![不差])({_CUT}|{_RAISE})(?:了|掉|个)?({_SCALE_FRACTION})")
_SUPPOSED = patterns.compile(rf"{_SUPPOSING}|再(?:压|砍|减|削|调|增|提|涨|上)")
_AFTER = patterns.compile(r"^(?:的话)?[，,]?(?:那|那么)?(?:以后|之后|后|完|下来|(?:是|为|有|剩|得)?多少"
                          rf"|[^，,。？?]{{0,8}}?(?:{_LEFT}|还有|多安排|少安排|多出|多给|少给|要多|会多|会少|多花|少花|省下|节省|节约))")
# what is left of the question when the change is taken out: the words that only said it was applied
_APPLIED = patterns.compile(rf"(?:的话)?(?:[压减砍调降涨提]完|这样|那样)?(?:以后|之后|后)?(?:{_LEFT})?")
_SUPPOSING_END = patterns.compile(rf"(?:{_SUPPOSING})$")
_WORKED_BACK = patterns.compile(r"倒推|反推|推算|倒算|写的|说的|所说|所写")
_CUT_SAID = patterns.compile(_CUT)


# A figure doubled (翻一番, 翻倍, 增加一倍) or quadrupled (翻两番): a rise by that many hundredths.
_DOUBLED = (patterns.compile(r"翻(?:了)?(?:一番|番|倍|一倍)|(?:增加|增长|提高)(?:了)?一倍"), "增加100%")
_QUADRUPLED = (patterns.compile(r"翻(?:了)?两番"), "增加300%")


def _typed(question: str) -> str:
    """The question squashed, a doubling said as the rise it is."""
    typed = squash(normalise(question))
    if "翻" in typed or "一倍" in typed:
        for pattern, said in (_QUADRUPLED, _DOUBLED):
            typed = pattern.sub(said, typed)
    return typed


def scaled_asked(question: str) -> re.Match | None:
    """The change by a fraction a question supposes, or None."""
    typed = _typed(question)
    m = _SCALED.search(typed)
    if m is None or not (_SUPPOSED.search(typed[:m.end()]) or _AFTER.search(typed[m.end():])) \
            or _WORKED_BACK.search(typed):
        return None  # (按它写的增长17.62%倒推: a rate the report states, worked back; not a change supposed)
    return m


# A question pointing back at a change just supposed (压减以后平均每月多少 / 调整后占多少): of the figure it gave.
_AFTER_CHANGE = patterns.compile(rf"^(?:那|这样|那样)?(?:{_CUT}|{_RAISE}|调整|调)(?:完|了)?(?:以后|之后|后)")


def after_change(question: str) -> bool:
    """The question asks of the figure a supposed change just gave, naming nothing else."""
    return _AFTER_CHANGE.search(squash(normalise(question))) is not None


def without_scale(question: str) -> str:
    """The question with the supposed change taken out: what is left names the figure it is applied to."""
    typed = _typed(question)
    m = scaled_asked(question)
    if m is None:
        return question
    head = _SUPPOSING_END.sub("", typed[:m.start()])
    rest = _APPLIED.sub("", typed[m.end():].lstrip("，,"), count=1)
    # (要是明年X压缩5%: the change is supposed of next year; the figure it acts on is this year's)
    return _NEXT_YEAR.sub("", head + rest).strip("，,") or "多少"


_NEXT_YEAR = patterns.compile(r"明年|下一年|下年度|来年|下一年度")


def _fraction(said: str) -> Decimal | None:
    if said == "一半":
        return Decimal("0.5")
    if said.endswith("成"):
        return said_number(said[:-1]) / 10
    digits = said.removeprefix("百分之").rstrip("%％")
    try:
        return said_number(digits) / 100
    except (ArithmeticError, TypeError, ValueError):
        return None


def scaled(question: str, a: Answer) -> Answer | None:
    """The headline figure of an answer (its computed total where it gives one) with the change the question
    supposes applied, and the change, added to the answer (the new figure first: what a follow-up leans on)."""
    m = scaled_asked(question)
    if m is None or not a.matched or not a.figures:
        return None
    base = next((f for f in a.figures if f.label == "合计（计算）"), a.figures[0])
    part = _fraction(m.group(2))
    cut = _CUT_SAID.fullmatch(m.group(1)) is not None
    if base.unit in ("%", "", "倍") or not part or part >= 1 and cut:
        return None
    change = (base.value * part).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    result = (base.value * (1 - part if cut else 1 + part)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign, said = ("−", "减少") if cut else ("+", "增加")
    a.text += (f"按{m.group(1)} {m.group(2)} 计算：{base.value} × (1 {sign} {part.normalize():f}) = {result} {base.unit}，"
               f"{said} {base.value} × {part.normalize():f} = {change} {base.unit}。")
    a.figure(f"{base.label} {m.group(1)}{m.group(2)}后（计算）", result, base.unit)
    a.figures.insert(0, a.figures.pop())
    a.figure(f"{base.label} {said}额（计算）", change, base.unit)
    return a


# A yearly figure asked per period of its year (平均每月 / 每季度平均 / 摊到12个月 / 一个月合多少): over its
# months, quarters or halves. Said with a word of averaging, or as 每月多少.
PER_PERIOD = patterns.compile(r"(?:按(?:月|季度?)(?:计算|来算|算)?)?(?:平均|平摊|分摊|摊|折合|合)(?:下来|一下)?(?:到|在|成)?(?:每(?:个)?|一个?)?"
                        r"(?:(?:十二|12|四|4|两|2)个)?(月|季度|季|半年|天|日)(?:平均|平摊|下来)?"
                        r"|(?:按(?:月|季度?)(?:计算|来算|算)?)?(?:每|一)(?:个)?(月|季度|季|半年|天|日)(?:平均|平摊|合|折合|大概|大约|约)?"
                        r"(?=(?:是|有|花|用|合)?(?:多少|几)|呢)"
                        r"|(?:再)?除以(?:十二|12|四|4)个(月|季度)")  # (加起来再除以12个月: the year's months, said as division)
# each period word: how many in a year, and how one is said (a year of days as the question counts it, else 365)
_PERIODS = {"月": (12, "每月", "个月"), "季度": (4, "每季度", "个季度"), "季": (4, "每季度", "个季度"),
            "半年": (2, "每半年", "个半年"), "天": (365, "每天", "天"), "日": (365, "每天", "天")}


# A figure shared out over a count the question types (三家运营商，平均每家多少 / 办公用房405平方米，摊到每平方米):
# the count with its measure word, then 每 and the same measure word.
PER_TYPED = patterns.compile(r"(?:平均|平摊|分摊|摊|折合|合)(?:下来|一下)?(?:到|在|成)?每(?:一)?(家|平方米|平米|辆|台|户|个单位)")
# (平均每个项目 is the mean of a list's items, an operation of its own; 平均每人 is a headcount the report lacks)
_COUNTED = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+){}"
# A count of the report's own units with what qualifies them (纳入决算的5家单位 / 三个预算单位): it says whose
# figure is shared out, the report's, so it is no part of the figure asked.
_UNITS_COUNTED = patterns.compile(r"^.*?(?:(?:\d+|[一二两三四五六七八九十]+)(?:家|个))?(?:预算|决算|下属|所属|二级)?单位")


def per_period(question: str, a: Answer, doc: Document | None = None) -> Answer | None:
    """The headline figure of an answer (its computed total where it gives one) over the periods the question
    asks per, or over the count it types (or, typing none, the count the report states of those things: its
    vehicles, its units), added to the answer; None when it asks per neither or the figure is a rate."""
    typed = squash(question)
    m, by = PER_PERIOD.search(typed), PER_TYPED.search(typed)
    if m is None and by is None or not a.matched or not a.figures:
        return None
    # its computed total, else the figure of the name it understood (not a row's 合计 printed beside it)
    base = next((f for f in a.figures if f.label == "合计（计算）"), None) \
        or next((f for f in a.figures if len(f.label) > 2 and f.label in (a.understood or a.intent)), a.figures[0])
    if base.unit in ("%", "", "倍"):
        return None
    if m is not None:
        count, per, said = _PERIODS[m.group(1) or m.group(2) or m.group(3)]
        days = re.search(r"(36[56])(?:个)?[天日]", typed) if said == "天" else None
        count = int(days.group(1)) if days else count  # (按366天算: the days the question counts)
        n, how = Decimal(count), f"按全年 {count} {said}平均"
    else:
        count = re.search(_COUNTED.format(re.escape(by.group(1))), typed[:by.start()])
        n, how = (said_number(count.group(1)), f"按 {count.group(0)} 平均") if count else _counted_by_report(doc, by.group(1))
        if not n:
            return None
        per = f"每{by.group(1)}"
    value, unit = base.value, base.unit
    if unit == "万元" and re.search(r"(?<!万)元", typed.replace("万元", "")):
        value, unit = value * 10000, "元"  # (摊到每平方米是多少元: in the unit asked)
    elif unit == "元" and "万" in typed:
        value, unit = value / 10000, "万元"  # (平均每家多少万元 of a figure printed in 元)
    result = (value / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    a.text += f"{how}，{per} {value if unit == base.unit else value.normalize():f} ÷ {n.normalize():f} = {result} {unit}。"
    a.figure(f"{base.label} {per}平均（计算）", result, unit)
    return a


def _counted_by_report(doc: Document | None, measure: str) -> tuple[Decimal | None, str]:
    """How many of the things a figure is asked per the report itself states: its vehicles (the ones it holds,
    实有, where it says so) or other assets counted by that measure word, or the units it is made of."""
    if doc is None:
        return None, ""
    if measure in ("家", "个单位"):
        units = [i for i in doc.items if i.kind == "report_unit"]
        return (Decimal(len(units)), f"按纳入本报告的 {len(units)} 个单位平均") if units else (None, "")
    counted = [i for i in doc.items if i.kind == "asset" and i.unit == measure and i.value]
    held = next((i for i in counted if "实有" in i.name), counted[0] if counted else None)
    if held is None:
        return None, ""
    return Decimal(held.value), f"按{held.name} {held.value} {held.unit}（第{held.line}行）平均"


def asks_per(question: str) -> bool:
    """The question asks a figure per period or per thing counted."""
    typed = squash(question)
    return bool(PER_PERIOD.search(typed) or PER_TYPED.search(typed))


def without_period(question: str) -> str:
    """The question with the words asking per period or per unit taken out (what is left asks the whole figure),
    and a clause that only states the count shared over (办公用房405平方米，…)."""
    typed = squash(question)
    by = PER_TYPED.search(typed)
    if by is not None:  # (the count's clause is dropped when the clause asking per names the figure itself)
        counted = re.compile(_COUNTED.format(re.escape(by.group(1))))
        clauses = [c for c in (squash(c) for c in re.split(r"[，,]", normalise(question))) if c]
        asking = next((c for c in clauses if PER_TYPED.search(c)), "")
        if len(re.sub(r"是|多少|几|万元|元|呢|吗|[？?]", "", PER_TYPED.sub("", asking))) >= 2:
            typed = "，".join(c for c in clauses if not (counted.search(c) and not re.search(r"多少|几|吗|每", c)))
        # (in the clause asking per, before the words asking it)
        typed = "，".join(_UNITS_COUNTED.sub("", c[:b.start()]) + c[b.start():] if (b := PER_TYPED.search(c)) else c
                         for c in typed.split("，"))
    return PER_TYPED.sub("", PER_PERIOD.sub("", typed)).strip("，,")


# The figures just shown, pointed at to recompute a rate the report states (用这两个数复核一下, 拿哪个数算的).
_SHOWN_PAIR = patterns.compile(r"(?:这|那|上面|刚才|前面)?(?:两|2)个数|这俩数|这两项|(?:拿|用|是)(?:决算)?(?:除以)?哪个数")


def rate_of_shown(q: Query, question: str, figures: list) -> Answer | None:
    """A rate the question quotes (完成年初预算的95.45%) recomputed from the figures the last answer showed:
    the two whose quotient is nearest the rate, each named, and how far the report's rate is from it."""
    if len(q.percents) != 1 or q.amounts or not _SHOWN_PAIR.search(squash(normalise(question))):
        return None  # (这俩数自洽吗 after typing two figures: those, not the ones shown)
    stated = q.percents[0]
    shown = [f for f in figures if f.unit not in ("%", "") and f.value > 0 and "计算" not in f.label]
    pairs = [(abs(pct(a.value, b.value) - stated), a, b) for a in shown for b in shown if a is not b and a.unit == b.unit]
    if not pairs:
        return None
    gap, a, b = min(pairs, key=lambda t: t[0])
    if gap > Decimal("0.5"):
        return None
    rate = pct(a.value, b.value)
    verdict = "与报告所写一致" if rate == stated else f"报告写 {stated}%，相差 {abs(rate - stated)} 个百分点"
    out = answer("ratio", f"{a.label} ÷ {b.label}", f"按 {a.label} {a.value} ÷ {b.label} {b.value} × 100 算得 {rate}%，"
                 f"{verdict}；分母是「{b.label}」{b.value} {b.unit}。")
    out.figure(f"{a.label} ÷ {b.label}（计算）", rate, "%")
    out.figure(b.label, b.value, b.unit, b.table, b.line)
    out.figure(a.label, a.value, a.unit, a.table, a.line)
    return out
