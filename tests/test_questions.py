"""Questions about the seed: intent, what was understood, and the figures in the answer."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from budgetqa.answer import Session, ask
from conftest import DATA

NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def shown_numbers(answer) -> list[float]:
    """Numbers an answer states: in its sentence and as figures (as the public scorer reads them)."""
    out = [float(m.group().replace(",", "")) for m in NUM.finditer(answer.text)]
    return out + [float(f.value) for f in answer.figures]


def has_number(answer, expected: float) -> bool:
    return any(abs(abs(s) - abs(expected)) <= 0.006 or (expected and abs(abs(s) - abs(expected)) / abs(expected) <= 0.001)
               for s in shown_numbers(answer))


# question, intent, figures that must be stated, text that must be present
CASES = [
    ("2013105", "lookup", [246.89], ["2013105 专项业务"]),
    ("２０１３１０５多少", "lookup", [246.89], []),
    ("專項業務", "lookup", [246.89], ["专项业务"]),
    ("山西画抱", "lookup", [35.89], ["山西画报订阅费用"]),
    ("sgjf", "three_public", [], ["无"]),
    ("zhufanggongjijin", "lookup", [23.83], ["住房公积金"]),
    ("2013102当年安排了多少", "lookup", [0, 532.81], ["上年结转"]),
    ("20131不含结转多少", "lookup", [481.31], []),
    ("一般行政管理事务", "lookup", [532.81, 1.07], ["2013102", "2013202"]),
    ("关工委工作经费", "lookup", [1.07], ["上年结转"]),
    ("差旅费占公用经费的比重", "share", [45.03, 6.12, 13.59], ["分母"]),
    ("乡镇档案室标准化建设占本年项目支出的比例", "share", [36.45], []),
    ("基本支出占总支出的比例", "share", [28.00], []),
    ("基本工资+津贴补贴+奖金", "sum", [168.27], []),
    ("安可替代工程比专用通信二级网络建设费用多多少", "difference", [473.18], []),
    ("上年结转项目里最少的是哪个", "ranking", [0.20], ["村级档案室标准化建设"]),
    ("本年项目前三", "ranking", [90.00, 60.00, 37.00], []),
    ("今年新安排的项目有几个", "count", [8], []),
    ("超过30万的本年项目", "filter", [90.00, 60.00, 35.89, 37.00], []),
    ("221类下面有啥", "children", [23.83], ["住房改革支出", "2210201"]),
    ("预算总收入比上年减少多少", "yoy", [602.58, 35.72], []),
    ("上年的预算收入总计是多少", "yoy", [1686.96], []),
    ("机关运行经费增长0.69%对吗", "consistency", [69.88, 0.69], []),
    ("表三合计1084.38等于303.62+780.77吗", "consistency", [1084.39, 1084.38, 0.01], ["尾数差"]),
    ("工资福利支出和下面明细之和对得上吗", "consistency", [287.34, 287.35, 0.01], []),
    ("山西画报订阅费用的项目属性", "performance", [], ["一次性项目"]),
    ("办公用房面积", "assets", [405], []),
    ("下属单位有哪些", "units", [], ["长治市屯留区委信息化中心"]),
    ("什么是机关运行经费", "glossary", [], ["公用经费"]),
    ("政府采购服务多少", "procurement", [10.00], []),
    ("你能回答什么", "help", [], ["例子"]),
]


@pytest.mark.parametrize(("question", "intent", "figures", "texts"), CASES, ids=[c[0] for c in CASES])
def test_question(conn, question, intent, figures, texts):
    answer = ask(conn, question, Session())
    assert answer.matched, answer.text
    assert answer.intent == intent, answer.text
    assert answer.understood or intent == "help"
    for figure in figures:
        assert has_number(answer, figure), (figure, answer.text)
    blob = json.dumps(answer.to_json(), ensure_ascii=False)
    for text in texts:
        assert text in blob, (text, answer.text)


UNANSWERABLE = ["水电费多少", "2021年决算数", "asdfjkl", "？", "区财政局的预算", "区委书记工资多少", "明年预算多少",
                "🙂🙂", "人均经费多少"]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_unanswerable_questions_give_no_figure(conn, question):
    answer = ask(conn, question, Session())
    assert not answer.matched
    assert answer.figures == [] and answer.rows == []
    assert answer.text
    assert len(answer.suggestions) <= 3


def test_picking_a_choice_by_number(conn):
    session = Session()
    first = ask(conn, "一般行政管理事务", session)
    assert len(first.choices) == 2
    second = ask(conn, "2", session)
    assert has_number(second, 1.07) and "2013202" in second.text


def test_follow_ups_keep_the_subject(conn):
    session = Session()
    ask(conn, "画报", session)
    share = ask(conn, "占比多少", session)
    assert share.intent == "share" and "山西画报订阅费用" in share.text
    target = ask(conn, "它的绩效目标", session)
    assert target.intent == "performance" and "山西画报订阅费用" in target.text
    ask(conn, "本年项目前三", session)
    more = ask(conn, "前五个呢", session)
    assert more.intent == "ranking" and len(more.rows) == 5


# Questions budgetqa still gets wrong, listed so that a fix or any new failure shows: the split of one
# project's money among the companies its name lists (视频会议移动公司分多少: not disclosed, yet answered).
KNOWN_GAPS = {"paraphrases.jsonl": [], "heldout_b.jsonl": [], "heldout_c.jsonl": [], "heldout_d.jsonl": [],
              "heldout_e.jsonl": [], "heldout_f.jsonl": [], "heldout_g.jsonl": [], "heldout_h.jsonl": [],
              "heldout_i.jsonl": ["I076"], "heldout_j.jsonl": [], "heldout_k.jsonl": []}


@pytest.mark.parametrize("name", sorted(KNOWN_GAPS))
def test_question_sets(conn, name):
    failures = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        answer = ask(conn, gold["q"], Session())
        if gold["kind"] == "no_answer":
            if answer.matched:
                failures.append((gold["id"], gold["q"], "answered"))
            continue
        blob = json.dumps(answer.to_json(), ensure_ascii=False)
        for e in gold["expect"]:
            ok = has_number(answer, float(e)) if isinstance(e, (int, float)) else str(e) in blob
            if not answer.matched or not ok:
                failures.append((gold["id"], gold["q"], e))
                break
    assert [f[0] for f in failures] == KNOWN_GAPS[name], failures


def test_every_figure_is_exact_decimal(conn):
    answer = ask(conn, "基本工资+津贴补贴+奖金", Session())
    assert all(isinstance(f.value, Decimal) for f in answer.figures)
    assert answer.figures[0].value == Decimal("168.27")


def test_a_stated_identity_is_recomputed_not_summed(conn):
    """基本支出和项目支出加起来等于支出总计吗: the two parts added and set against the total."""
    answer = ask(conn, "基本支出和项目支出加起来等于支出总计吗", Session())
    assert answer.intent == "consistency"
    values = {f.label: f.value for f in answer.figures}
    assert values["分项之和（计算）"] == Decimal("1084.39")
    assert values["差额"] == Decimal("0.01")
    assert "尾数差" in answer.text


def test_a_ratio_is_given_as_times(conn):
    answer = ask(conn, "项目支出是基本支出的几倍", Session())
    assert answer.figures[0].value == Decimal("2.57") and answer.figures[0].unit == "倍"


def test_another_year_of_a_one_year_report_gets_no_figure(conn):
    answer = ask(conn, "2023年公务接待费", Session())
    assert not answer.matched and answer.figures == [] and "2023" in answer.text


def test_the_nth_place_of_a_ranking(conn):
    answer = ask(conn, "本年项目里排第二的", Session())
    assert answer.intent == "ranking"
    assert answer.figures[0].label == "2024年办公室日常工作经费" and answer.figures[0].value == Decimal("60.00")
