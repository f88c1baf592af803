"""Questions about the bundled report: how each is read (question -> Query), the figures each
answer states, conversations, and every question set of tests/data asked alone and in one
shuffled conversation."""

from __future__ import annotations

import importlib.util
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from budgetqa.answer import Session, ask
from budgetqa.question.query import read
from budgetqa.readback import read_document
from conftest import DATA

NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_SCORE = importlib.util.spec_from_file_location("score", Path(__file__).parent.parent / "tools" / "score.py")
score = importlib.util.module_from_spec(_SCORE)
_SCORE.loader.exec_module(score)


def shown_numbers(answer) -> list[float]:
    """Numbers an answer states: in its sentence and as figures (as the public scorer reads them)."""
    out = [float(m.group().replace(",", "")) for m in NUM.finditer(answer.text)]
    return out + [float(f.value) for f in answer.figures]


def has_number(answer, expected: float) -> bool:
    return any(abs(abs(s) - abs(expected)) <= 0.006 or (expected and abs(abs(s) - abs(expected)) / abs(expected) <= 0.001)
               for s in shown_numbers(answer))


@pytest.fixture(scope="module")
def seed(conn):
    return read_document(conn, conn.execute("select max(id) from documents").fetchone()[0])


# question -> the operation, the names of what it asks about, and slots of the Query
READINGS = [
    ("2013105", "value", ["专项业务"], {}),
    ("山西画抱", "value", ["山西画报订阅费用"], {}),
    ("不含上年结转的基本支出和项目支出各是多少", "value", ["基本支出", "项目支出"], {"scope": "本年", "each": True}),
    ("201里基本支出多少", "value", ["一般公共服务支出"], {"measures": ["基本支出"]}),
    ("差旅费在公用经费中占比多少", "share", ["差旅费"], {"whole": "公用经费"}),
    ("卫生健康类下面的行政单位医疗", "value", ["行政单位医疗"], {"whole": "卫生健康支出"}),
    ("2101102属于哪个款", "parent", ["事业单位医疗"], {"level": "款"}),
    ("对个人和家庭的补助由哪些组成", "breakdown", ["对个人和家庭的补助"], {}),
    ("正好10万元的项目", "filter", [], {"comparator": "eq", "domain": "projects"}),
    ("上年结转项目里最少的是哪个", "rank", ["上年结转项目"], {"scope": "上年结转", "ascending": True}),
    ("本年项目前三", "rank", ["本年项目"], {"n": 3, "scope": "本年"}),
    ("人员经费里扣掉退休费还剩多少", "value", ["人员经费"], {"excluded": ["退休费"]}),
    ("今年新安排的项目有几个（上年结转的不算）", "count", ["今年新安排的项目"], {"excluded": ["上年结转"]}),
    ("20131不算上年结转，当年安排多少", "value", ["党委办公厅（室）及相关机构事务"], {"excluded": []}),
    ("基本工资+津贴补贴+奖金=?", "sum", ["基本工资", "津贴补贴", "奖金"], {}),
    ("机关运行经费增长0.69%对吗", "check", ["机关运行经费"], {"percents": [Decimal("0.69")]}),
    ("一共多少张表", "about", [], {}),
    ("区委书记工资多少", "value", ["工资"], {"refused": "person"}),
    ("会议费多少", "value", [], {"missing": "会议费"}),
]


@pytest.mark.parametrize(("question", "op", "names", "slots"), READINGS, ids=[r[0] for r in READINGS])
def test_how_a_question_is_read(seed, question, op, names, slots):
    q = read(question, seed)
    assert q.op == op, q.describe()
    assert q.names() == names, q.describe()
    for slot, expected in slots.items():
        got = getattr(q, slot)
        if slot == "whole":
            got = got.term.name if got else None
        if slot == "excluded":
            got = [m.term.name for m in got]
        assert got == expected, (slot, q.describe())


# question, operation, figures that must be stated, text that must be present
ANSWERS = [
    # where a project or an economic item sits in the functional classification, read from the tables
    ("山西画报订阅费用挂在哪个功能科目下", "parent", [246.89], ["2013105 专项业务", "报告没有逐个项目写出功能科目"]),
    ("安可替代工程属于哪个科目", "parent", [532.81], ["2013102 一般行政管理事务"]),
    ("机关事业单位基本养老保险缴费在功能分类里挂哪个科目", "parent", [31.77], ["2080505 机关事业单位基本养老保险缴费支出"]),
    # a claim that one thing is all of another: its parts beside it
    ("判断：卫生健康支出13.60万元全部是行政单位医疗，对吗", "check", [13.60, 5.83, 7.77], ["不对"]),
    # two shares set against each other in percentage points
    ("人员经费占比比公用经费占比高多少个百分点", "difference", [95.52, 4.48, 91.04], ["个百分点"]),
    # a decimal said in Chinese numerals (三十五点八九万) is that amount, not a range of 八九万
    ("三十五点八九万是啥项目", "value", [35.89], ["山西画报订阅费用"]),
    # buying a car said plainly: the 三公 line for it
    ("有没有买车", "value", [0], ["公务用车购置费", "本部门无“三公”经费预算"]),
    # one row named in two tables, set against each other (表一和表四的支出总计对得上吗)
    ("表一和表四的支出总计对得上吗", "check", [1084.38], ["支出总计（表4）", "支出总计（表1）", "一致"]),
    # which things are of an amount, the amount said last (哪些项目是三万块): those equal to it
    ("哪些项目是三万块", "filter", [3.00, 3], ["正好等于"]),
    # what a project does, when its sheet's 项目概况 only repeats its name: why it is set up and this year's target
    ("山西画报订阅费用这个项目是做什么的？", "text", [], ["宣传推介屯留"]),
    # a line that corrects itself: what follows the correction is asked, not what it corrects
    ("专项业务多少钱，哦不对，我是说事业运行", "value", [124.01], ["事业运行"]),
    # a list's total less its largest: the printed total when the items add up to it
    ("今年新安排的项目里去掉最大的那个，还剩多少？", "difference", [156.89, 246.89, 90.00], ["乡镇档案室标准化建设"]),
    ("项目支出里去掉最大那个还剩多少？", "difference", [283.25, 780.77, 497.52], ["安可替代工程", "尾数差"]),
    # a figure less a part said after 不算 / 以外 (the group's items less the one set aside)
    ("今年的工资福利支出不算绩效工资是多少？", "difference", [241.08], []),
    ("基本工资以外的工资奖金津补贴是多少？", "difference", [47.44], []),
    # two conditions on the subjects of a level: a figure in each column named
    ("哪些款同时有基本支出和项目支出", "parent", [234.42, 779.70], ["党委办公厅（室）及相关机构事务"]),
    # 表中标注 reads as tables marked, not a bid won (中标)
    ("请说明本部门预算公开表中标注“本表无数据”的有几张。", "about", [4], []),
    # X里A占Z: Z after 占 is the whole; the scope alone is the part of the income total
    ("本年收入里当年财政拨款占收入总计的比重是多少？", "share", [50.77], []),
    ("今年收入里去年结转的部分占多少？", "share", [533.88, 49.23], []),
    # a breakdown by class with each class's share of the total named
    ("请列示本部门2024年一般公共预算当年支出按功能分类的数额及占比。", "share", [481.31, 87.43, 31.77, 5.77], []),
    # who asks and what they are writing, a greeting and thanks: the one ask inside
    ("老师您好，我在写一篇关于基层党委办公室经费保障的小论文，想引用一下贵单位2024年部门预算的支出总计，请问是多少？感谢您",
     "value", [1084.38], ["支出总计"]),
    # the report itself asked after: whose and which year's
    ("这是哪个单位的预算", "about", [], ["中国共产党长治市屯留区委办公室 的 2024年预算报告"]),
    # the things of a list that share a figure, grouped by it
    ("哪几个新项目金额一样？", "filter", [3.00, 3], ["2024年信息化中心办公经费", "2024年发展改革研究中心办公经费", "2024年关工委办公经费"]),
    ("上年结转项目里有金额相同的吗", "filter", [7], ["没有金额相同的"]),
    # an amount held, looked for in the list or table named (哪一行是 before it, 是什么支出 after it)
    ("上年结转项目里哪一行是0.87万", "about", [0.87], ["拨付工作经费"]),
    ("经济科目表里7.47万元是什么支出", "about", [7.47], ["其他交通费用"]),
    # a nil account whose own table is printed empty: that table said too
    ("国有资本经营预算有没有安排", "value", [0], ["国有资本经营预算收支预算表（不含上年结转） 印为空表"]),
    # the government economic class the basic-spending table prints beside an item
    ("奖金对应哪个政府预算经济科目", "parent", [7.58], ["工资奖金津补贴"]),
    ("职工基本医疗保险缴费是哪个经济科目", "parent", [13.50], ["社会保障缴费", "工资福利支出"]),
    # the halves of basic spending divide economic items: a name that is a code too is read as the item
    ("住房公积金算人员经费还是公用经费", "value", [23.83], ["属于人员经费"]),
    # a share asked as a fraction of a topic's part
    ("政府采购预算里服务占几分之几", "share", [10.00, 12.00, 83.33], ["5/6"]),
    # the parts of a code ranked by the column asked
    ("一般公共服务支出下面的项里，基本支出最多的是哪个", "rank", [124.01], ["事业运行"]),
    # the narrative's numbered points, by the section's name
    ("说明里第三点是什么", "text", [], ["支出预算情况说明"]),
    # a row of a table printed empty with the note 本表无数据: nothing spent on it, said so
    ("是不是没有公务用车购置费", "value", [], ["本表无数据，即无此项"]),
    # an amount with 以上 that the name beside it holds: that name, not a filter by amount
    ("50万以上的通用设备有没有", "value", [0], ["价值50万元以上通用设备"]),
    ("100万以上的通用设备有几台", "value", [0], ["价值100万元以上通用设备"]),
    # of two, the larger and the smaller: the two ends of their ranking, and their gap
    ("卫健类里大的那个项比小的多多少", "rank", [7.77, 5.83, 1.94], []),
    # spending as the whole its parts are ranked in: its classes
    ("支出里最大的那块是啥", "rank", [1015.19], ["一般公共服务支出"]),
    # the report's parts as headed, one of them by its number, a numbered point of its narrative
    ("报告分哪几部分", "about", [4], ["第四部分名词解释"]),
    ("第三部分讲什么", "text", [], ["三、支出预算情况说明"]),
    ("说明里第三点说的是哪项", "text", [], ["三、支出预算情况说明"]),
    # which of two classes a thing is printed in, said in words
    ("差旅费算基本支出还是项目支出", "value", [6.12], ["「差旅费」属于基本支出"]),
    ("山西画报订阅费用算基本支出还是项目支出", "value", [35.89], ["「山西画报订阅费用」属于项目支出"]),
    ("安可替代工程是今年安排的还是上年结转的", "value", [497.52], ["属于上年结转"]),
    # a share asked per mille, in tenths or as a fraction: said in that form too
    ("差旅费占基本支出的千分之几", "share", [2.02], ["约千分之 20.2"]),
    ("基本支出占总支出的几成", "share", [28.00], ["约 2.8 成"]),
    # a change claimed, to be confirmed: the stated change, and whether it went that way
    ("预算收入总计比上年增加了，对吗", "change", [602.58], ["报告写的是减少，与所说相反"]),
    # greetings, who is asking and what they model theirs on say nothing of what is asked
    ("您好，我是乡镇的，想学习一下你们的做法，麻烦问一下你们今年项目支出一共多少，谢谢", "value", [780.77], []),
    # the asker's memory is no department (我记得X的…)
    ("我记得屯留区委办的机关运行经费是8万，对吗？", "check", [13.59], []),
    ("2013105", "value", [246.89], ["2013105 专项业务"]),
    # capital numerals of financial writing are amounts; a threshold is passed or not, by how much
    ("项目支出总额有没有超过柒佰伍拾万元？超了多少万？", "check", [780.77, 30.77], ["超过"]),
    ("本年安排的项目里，金额在拾万元以上的有几个？", "filter", [5], []),
    # whether a thing is a 三公 expense, by the definition, printed in the report or not
    ("培训费算不算三公", "check", [], ["不属于三公经费"]),
    ("公车运行费算不算三公", "check", [], ["」属于三公经费"]),
    # spoken words for the running costs and the project money
    ("运转经费多少", "value", [13.59], []),
    ("专项资金有多少", "value", [780.77], []),
    # a figure asked in 千元
    ("住房公积金换算成千元是多少千元？", "value", [238.3], []),
    # the scopes of the figure just asked, each (本年新安排的和上年结转的各是多少)
    ("今年项目支出一共多少？本年新安排的和上年结转的各是多少？", "value", [780.77, 246.89, 533.88], []),
    # a term asked in formal writing (系指何种支出，请予释明)
    ("报告所称“项目支出”系指何种支出，请予释明。", "define", [], ["特定行政任务和事业发展目标"]),
    # a table named by the half of spending it holds is a place: the item's class is asked, and its column
    ("差旅费在基本支出经济分类表里归哪一类？算人员经费还是公用经费？金额多少？", "parent", [6.12], ["商品和服务支出", "公用经费"]),
    # the addressee's own department (你们区委办) is the report's, not another organisation
    ("你们区委办今年基本支出和项目支出各是多少？", "value", [303.62, 780.77], []),
    # words of saying run into the department's name (瞅见区委办, 除了党委办公厅…): no other organisation
    ("俺在微信上瞅见区委办有个啥安可替代工程，花了恁多钱，到底是多少嘞？", "value", [497.52], []),
    ("201一般公共服务支出下面，除了党委办公厅（室）及相关机构事务，还有哪个款？多少钱", "list", [1.07], ["20132 组织事务"]),
    # what a project is for, asked colloquially (图个啥): its sheet's reason and target
    ("区委办请法律顾问一年花多少钱，图个啥？", "value", [15.00], ["解决全区相关法律事务"]),
    # a whole split into parts (X拆成A和B), and a row's own 本年 and 上年结转 parts, each as a share
    ("卫生健康支出13.60拆成行政单位医疗和事业单位医疗，各占百分之几？", "share", [42.87, 57.13], []),
    ("一般公共服务支出1015.19里，本年安排和上年结转各占百分之多少？", "share", [47.41, 52.59], []),
    # 这个单位 is the department (not the unit of amounts): a later part asks the same subject's figure
    ("机关运行经费报告里怎么解释的？这个单位是多少", "define", [13.59], ["公用经费支出"]),
    # whether the department has what was just defined: what its sentences say of it
    ("政府购买服务是啥意思？区委办今年有没有？", "define", [], ["本单位本年度无政府购买服务"]),
    # the subjects of a level empty in a column (哪几类没有项目支出, 项目支出为0的类)
    ("哪几类是一点项目支出都没有的？", "parent", [], ["208 社会保障和就业支出", "210 卫生健康支出", "221 住房保障支出"]),
    ("基本支出为0的款有哪些", "parent", [], ["20132 组织事务"]),
    # two counts and figures asked in one breath (公车几辆、办公用房多少平)
    ("公车几辆、办公用房多少平，一句话", "value", [1, 405], []),
    # a part's share of the figure the line asked before it (基本工资占它百分之几)
    ("表六里工资福利支出合计多少？基本工资占它百分之几", "value", [287.35, 42.05], []),
    # how each table's number is printed, and which tables print it otherwise (部门公开表9 among 预算公开表N)
    ("第九张表右上角的表号写法跟别的表有啥不一样？", "about", [], ["部门公开表9", "预算公开表N"]),
    # a one-character verb between two names typed by its sound (站 for 占)
    ("差旅费站公用经费百分之几", "share", [6.12, 13.59, 45.03], []),
    # a name said again in brackets with words of its own 款 (看病医疗的钱) glosses it: the 类 is asked, and its
    # parts after (分成哪几项); a code in brackets picks one of the codes a name has
    ("卫生健康那块（看病医疗的钱）今年预算多少，分成哪几项？", "value", [13.60, 5.83, 7.77], []),
    ("一般行政管理事务（2013102）多少", "value", [532.81], []),
    # what a subject's money is, when all of it is one finest subject: that subject
    ("住房保障支出23.83万元，到底是什么钱？", "value", [23.83], ["2210201 住房公积金"]),
    # the place of a named thing in the ranking of its list (排第几)
    ("行政运行在所有项级科目里排第几", "rank", [110.41, 4], []),
    # (a project's list is the one it is printed in, this year's: 4th of 8; among every project when 全部 is said)
    ("山西画报订阅费用在这些项目里排第几？", "rank", [35.89, 4], ["本年新安排的项目"]),
    ("山西画报订阅费用在全部项目里排第几", "rank", [35.89, 5], []),
    # two tables named by what their titles share (两张项目支出预算表) and compared: those tables; the tables
    # counted as 预算公开表一共多少张
    ("两张项目支出预算表有什么区别？", "value", [246.89, 533.88], ["本年预算", "上年结转"]),
    ("报告里预算公开表一共多少张？", "about", [13], []),
    # a total of one side (预算收入总计) broken down: that side of the summary table, not a table it equals
    ("报告第三部分写着预算收入总计1,084.38万元，这个数由哪几块构成，各多少？", "breakdown", [550.51, 533.88], []),
    # a fraction typed with / between two names: the first's share of the second (not a column of the first)
    ("差旅费/公用经费 占比", "share", [45.03], []),
    # where a code sits, asked as 放在哪个科目编码下面
    ("养老保险缴费放在哪个科目编码下面？多少？", "parent", [31.77], ["20805", "208"]),
    # what a clause says of the names before it (都是项目支出表) names nothing asked
    ("表十二和表十三都是项目支出表，区别在哪？各自合计多少？", "value", [246.89, 533.88], []),
    # a closing clause naming only a table (按支出总表看) says where to read
    ("20131下面有哪几个项级科目，各多少钱？按支出总表看。", "breakdown", [110.41, 532.81, 246.89, 124.01], []),
    # one name said of both years' money (今年新安排的跟往年结转的) is both projects, summed; 那个谁 is a pause
    ("那个谁，关工委，今年新安排的跟往年结转的，加一块一共多少", "sum", [1.07, 3.00, 4.07], []),
    # a two-character word of change mistyped by sound (下将 for 下降)
    ("支出总计比上年下将百分之几", "change", [35.72], []),
    # money for projects said colloquially (做项目的钱), each share of the spending
    ("基本支出和做项目的钱各占多大比例？", "share", [28.00, 72.00], []),
    # a rate of a named figure (X的降幅是多少) is its change, the one the report states
    ("收支总计的降幅是多少", "change", [602.58, 35.72], []),
    # a code named after 下面的 is what is asked; where a code's money comes from is its income columns
    ("同一类下面的20132组织事务是多少，资金从哪来", "value", [1.07], ["全部来自上年结转"]),
    ("20132的资金来源", "value", [1.07], ["全部来自上年结转"]),
    # a name typed short before a word of asking (法律顾问费为什么) is no mistyped longer name
    ("法律顾问费为什么要设立？", "text", [], ["解决全区相关法律事务"]),
    # a sheet field whose value the question states (项目期只有1年) is not what it asks
    ("法律顾问项目期只有1年，可实施期资金总额和年度资金总额不一样，分别是多少元？", "value", [300000, 150000], []),
    # English word order: what share of A goes to B is B占A; a split between parts is each part
    ("What share of the 2024 本年 general public budget goes to 一般公共服务支出?", "share", [87.43], []),
    ("how much is 卫生健康支出 in total, and the split between 行政单位医疗 and 事业单位医疗?", "value", [13.60, 5.83, 7.77], []),
    # a long name mistyped in one character of like shape (预箅 for 预算) is that name
    ("一般公共预箅当年拨款里，基本支出和项目支出各占多少比例", "share", [55.15, 44.85], []),
    # a range of amounts, both ends included, however the ends are joined
    ("10万到50万之间的项目", "filter", [37.00, 15.00, 35.89, 24.34, 112.23, 4], ["含两端"]),
    ("10到50万之间的项目", "filter", [112.23, 4], []),
    ("3万-10万的项目有几个", "filter", [5], ["3 万元 至 10 万元"]),
    # one named figure against an amount (有没有超过 / 超过…了吗 / 不低于…吧): a check of that figure, not a filter
    ("山西画报订阅费用有没有超过30万", "check", [35.89, 5.89], ["超过 30"]),
    ("机关运行经费超过20万了吗", "check", [13.59, 6.41], ["没有超过 20"]),
    ("政府采购预算有没有超过10万？", "check", [12.00], []),
    ("2013105不低于200万吧?", "check", [246.89, 46.89], ["达到 200"]),
    # both ends of a ranking asked with two question words (谁最多谁最少 asks no person)
    ("按功能分类，区委办四大类支出谁最多谁最少？", "rank", [1015.19, 13.60], ["卫生健康支出"]),
    # the others under a code, or in a list, once one is set aside (除了X，还有哪几个): listed, not subtracted
    ("20131下面除了2013102，还有哪几个项级科目，各多少", "list", [110.41, 246.89, 124.01, 481.31], []),
    ("人员经费里除了基本工资还有什么", "list", [39.86, 46.27], []),
    ("除了安可替代工程还有多少结转", "difference", [36.37], []),
    # a code's parts at a level said with 细到/具体到; a subject said to have N parts, each asked
    ("208社会保障和就业支出细到项级是哪个科目？金额多少", "breakdown", [31.77], ["2080505"]),
    ("201具体到款是哪些", "breakdown", [1014.12, 1.07], ["20132 组织事务"]),
    ("公用经费就两项？分别是多少", "breakdown", [6.12, 7.47], ["差旅费"]),
    # the first N of a ranking added, and set against the list they are ranked in
    ("今年新安排项目里前两名加起来占本年项目总额的多少？", "rank", [150.00, 60.76], ["乡镇档案室标准化建设"]),
    ("前三大项目合计占项目支出的比重", "rank", [647.52, 82.93], []),
    ("最大的两个经济科目加起来占基本支出的多少", "rank", [167.10], ["基本工资"]),
    # a project of this year's list against 今年项目支出: against all project spending and this year's list both
    ("乡镇档案室标准化建设占今年项目支出的比重", "share", [11.53, 36.45], []),
    # a scope said before 占 with nothing else named is the part (上年结转部分占项目支出): of the whole's own scope
    ("上年结转部分占项目支出的比重是多少？", "share", [533.88, 780.77, 68.38], []),
    # whether a duty is the department's (还管…吗 / 负责…吗): the duty naming it, or that none does
    ("那个……区委办公室，还管那个，就是密码啊、保密啊这些事儿吗？", "text", [], ["机要密码"]),
    ("区委办负责招商引资吗", "text", [], ["没有写到「招商引资」"]),
    ("区委办公室下头，还有啥单位啊？", "text", [], ["长治市屯留区委信息化中心"]),
    # two figures said to be the same number (是不是同一个数 / 一样吗): both, and their gap
    ("经济科目表里的职工基本医疗保险缴费，跟功能科目里的卫生健康支出是不是同一个数？", "check", [13.50, 13.60, 0.10], ["不一致"]),
    ("住房公积金和住房保障支出一样吗", "check", [23.83], ["一致"]),
    # both the report's totals when income and spending are both asked as a whole
    ("收入和支出各多少", "value", [1084.38], ["收入总计", "支出总计"]),
    # a change asked of spending with nothing named is the change stated of the spending total
    ("支出比2023年变化了百分之几", "change", [602.58, 35.72], ["支出总计"]),
    # words of hesitation before a pause (嗯……那个，) point at nothing
    ("嗯……那个，屯留区委办公室，就是今年，二零二四年的预算，一共是多少钱呐？", "value", [1084.38], []),
    # 基本支出 as the container of a filter: the economic items of the table that divides it
    ("基本支出里超过10万元的有哪些", "filter", [120.83, 23.83, 276.06, 6], ["住房公积金"]),
    # an amount sought exactly at no level named is sought at every level; a code and its part are not added
    ("金额正好是1.07的科目", "filter", [1.07, 2], ["20132 组织事务", "2013202"]),
    # figures added and then set against another: the sum, the other and their gap (a 尾数差 here)
    ("基本支出加项目支出与支出总计差多少", "check", [1084.39, 1084.38, 0.01], []),
    ("基本支出和项目支出加起来，比支出总计多还是少", "check", [1084.39, 0.01], []),
    ("303.62加780.77跟1084.38差多少", "check", [1084.39, 0.01], []),
    # several things named, then ranked or averaged: just those (not a list they belong to)
    ("基本工资、津贴补贴、奖金哪个最大", "rank", [120.83], ["基本工资"]),
    ("基本工资、津贴补贴、奖金、绩效工资里哪个最少", "rank", [7.58], ["奖金"]),
    ("差旅费和其他交通费用平均多少", "mean", [6.80], []),
    ("四大类功能支出按总额排个名，第一和倒数第一分别是谁？", "rank", [1015.19, 13.60], ["一般公共服务支出", "卫生健康支出"]),
    # a gap asked as a percentage is of the figure compared with; a share of a sum named after 占
    ("项目支出比基本支出多百分之几", "difference", [477.15, 157.15], []),
    ("基本支出比项目支出少多少，少了百分之几", "difference", [477.15, 61.11], []),
    ("住房公积金占基本工资和津贴补贴之和的比例", "share", [160.69, 14.83], []),
    ("差旅费占基本工资加津贴补贴的百分之几", "share", [160.69, 3.81], []),
    # a group's printed members counted or ranked; a total asked after a count is of what it counted
    ("归在社会保障缴费名下的几项，合计是多少？", "count", [3, 46.95], []),
    ("社保缴费那几项里哪个最多", "rank", [31.77], ["机关事业单位基本养老保险缴费"]),
    ("项目支出这么高，主要是上年结转的哪个项目撑起来的？", "rank", [497.52], ["安可替代工程"]),
    # traditional characters split a line as simplified ones do (甚麽 is 什么)
    ("區委辦有個山西畫報訂閱費，花多少錢？是做甚麽用的？", "value", [35.89], ["推介宣传屯留"]),
    # a ranking keeps its whole list behind the top; 是最便宜的几倍 next is the top against the other end
    ("今年8个新项目里最贵的是哪个？是最便宜的几倍？", "rank", [90.00, 30.00], ["乡镇档案室标准化建设"]),
    # two figures typed: the one typed right before 占 as a share of the other
    ("246.89占780.77的百分之几", "share", [31.62], []),
    # figures typed with nothing else named: computed as the words say, each traced to where it is printed
    ("303.62加780.77等于多少", "sum", [1084.39], ["第220行"]),
    ("1084.38减303.62是多少", "difference", [780.76], []),
    ("780.77是303.62的几倍", "ratio", [2.57], []),
    ("497.52比90多多少", "difference", [407.52], ["安可替代工程"]),
    ("90和60和37加起来多少", "sum", [187], []),
    ("246.89万元换成元是多少", "value", [2468900], []),
    ("780.77/303.62", "ratio", [2.57], []),
    ("1084.38-303.62", "difference", [780.76], []),
    ("3万加5万", "sum", [8], []),
    # an expression typed with brackets or several signs: evaluated exactly, a quotient to four decimals
    ("(780.77-303.62)/303.62", "sum", [1.5715], []),
    ("算一下（780.77-303.62）÷303.62×100", "sum", [157.1537], []),
    # a total asked after a count gives each counted item's amount too; names inside a list asked of
    # (基本支出人员经费中…前三位的经济科目) are not the things ranked
    ("关工委一共有几笔钱？合计多少", "count", [3.00, 1.07, 4.07], []),
    ("请列示基本支出人员经费中金额居前三位的经济科目及其数额。", "rank", [120.83], ["基本工资"]),
    ("如果按表三的项目支出780.77万元算，那8个项目的246.89万元实际占多少？", "share", [31.62], []),
    # digits said one by one in Chinese numerals are a code; a short word alone is its usual name
    ("二〇一三一〇二 多少", "value", [532.81], ["2013102"]),
    ("公用", "value", [13.59], []),
    # the projects whose names hold some words (跟X有关的), both scopes when both are said, added
    ("今年区委办预算里跟关工委有关的钱，新安排的加上上年结转的，一共是多少", "list", [4.07], ["关工委工作经费"]),
    # 那区委办 is the report's own department; 内设几个、下属几个 asks both
    ("那区委办用的办公用房有多大", "value", [405], []),
    ("区委办内设几个股室、下属几个单位？", "text", [5, 2], ["档案法规股"]),
    # typed figures added against a typed total (能对平吗)
    ("表1本年收入550.51加上年结转533.88，和收入总计1084.38能对平吗？", "check", [1084.39, 0.01], []),
    # the report's terms counted (an entry's parts explained after 其中 are not entries)
    ("名词解释一共解释了几个名词", "count", [12], ["财政拨款"]),
    # two figures typed and added against the totals the report prints (a 尾数差 said as one)
    ("基本支出303.62+项目支出780.77等于总数吗", "check", [1084.39, 0.01], ["尾数差"]),
    # names listed with 、 are each asked (not a column of the first); how the asker wants the answer is no question
    ("常务会材料要用：区委办2024年预算收入总计多少？本年收入、上年结转各多少，给三个数就行", "value", [1084.38, 550.51, 533.88], []),
    ("好的好的。那区委办用的办公用房有多大？这些数是截至什么时候统计的？", "value", [405], ["2024年5月13日"]),
    # the first items of a ranking added, and the sum's share of the list asked next in the line
    ("本年项目前三大加起来多少？占本年项目的多少", "rank", [187.00, 75.74], []),
    # a row's column as a share of the row itself (占它)
    ("20131的项目支出占它多少", "share", [779.70, 1014.12, 76.88], []),
    # several tables named: each one, what it is and whether it is empty
    ("表七、表八、表九这三张表是什么情况", "value", [], ["表7", "表8", "表9", "本表无数据"]),
    # a percentage asked of a comparison with last year is its rate of change, not a share
    ("预算收入总计比上年降了百分之几", "change", [35.72], []),
    # English names and a few English words are read as the report's names (a phrase is one name)
    ("housing provident fund 多少，占 basic expenditure 几 %", "value", [23.83, 7.85], []),
    ("只看 current-year 的 general public budget 550.51，basic 和 project 各多少", "value", [303.62, 246.89], []),
    ("20131 基本 vs 项目 split", "value", [234.42, 779.70], []),
    # both ends of a ranking and their difference; the ties at one end, counted
    ("本年项目里最大的和最小的差多少", "rank", [90.00, 3.00, 87.00], ["乡镇档案室标准化建设"]),
    ("本年项目金额最小的有几个并列", "rank", [3, 3.00], ["2024年关工委办公经费"]),
    ("事业运行 多少 基本还是项目", "value", [124.01, 0], ["基本支出"]),
    # a figure typed and asked what it is: the row printing it (the most particular one, a parent printing it
    # only through its one child giving way), said after what the asker is doing
    ("我在核对数字出处：532.81万元这个数对应哪个科目编码、哪个科目名称？", "value", [532.81], ["2013102", "一般行政管理事务"]),
    # a fund said before a list of columns is the fund of each
    ("一般公共预算的基本支出和项目支出各多少", "value", [303.62, 246.89], []),
    ("２０１３１０５多少", "value", [246.89], []),
    # a greeting and the words of wanting to know before the question; 多少米 is money in internet slang
    ("同志你好，我想了解一下区委办公室内部都设了哪些股室，一共是几个？谢谢您。", "text", [5], ["档案法规股"]),
    ("区委办今年一共要花多少米啊？", "value", [1084.38], []),
    # the smallest of a list, tied: every one of them
    ("本年项目最便宜的是哪个", "rank", [3.00], ["3 个并列", "关工委"]),
    # 是今年新安排的还是上年结转的 asks which, and sets no scope
    ("“专用通信二级网络建设费用”这个项目是今年新安排的还是上年结转的？金额是多少？", "value", [24.34], ["上年结转"]),
    # what a stated figure includes; which three things a term means; a code's 类 and 款; the units it oversees
    ("说明里说的“人员经费”有多少？都包括些啥？", "value", [290.03, 120.83], ["基本工资"]),
    ("常听人说“三公”经费，到底指哪三样？", "define", [], ["公务接待费"]),
    ("2080505对应的类和款分别叫什么？", "parent", [], ["20805 行政事业单位养老支出", "208 社会保障和就业支出"]),
    # a change identified by the amount typed (no name), and last year's figure from it
    ("说明里写比2023年预算增加5.59万元。按这个增加额倒推，2023年是多少？", "change", [8.00], ["机关运行经费"]),
    # a list named with the table printing it is one thing; a code's or item's rows added against what it prints
    ("表13七个结转项目逐项加总是多少？", "list", [533.89], ["7 个"]),
    ("表6工资福利支出下9个明细加总是多少", "check", [287.34, 287.35, 0.01], ["尾数差"]),
    # an amount opening a list's description is the amount its items equal
    ("3万块的小项目有几个", "filter", [3.00], ["有 3 个"]),
    # a code's rows in one column, those that have an amount there; a switch of measure said before it
    ("换成项目支出看，20131下面哪几个项有项目支出，各多少", "breakdown", [779.70, 532.81, 246.89], ["2013102", "其中 2 项有金额"]),
    # a figure typed with nothing named: the column that prints it
    ("13.59由哪几项组成", "list", [6.12, 7.47], ["差旅费"]),
    # whether one thing is the largest of a list: its place there
    ("山西画报订阅费用是不是本年项目里最多的", "check", [35.89, 90.00], ["不是", "排第 4"]),
    ("2013105是不是最大的项", "check", [246.89, 532.81], ["排第 2"]),
    # some of a code's rows added against it: short by the rows left out, which is no contradiction
    ("2013101、2013105、2013150相加是否等于20131", "check", [481.31, 1014.12, 532.81], ["2013102", "不是报告的矛盾"]),
    # a whole split into its two scopes; the items of a list added; 本单位 is the department, not a name's first words
    ("项目支出780.77，能不能拆成本年安排的项目和上年结转的项目两块？", "value", [246.89, 533.88], []),
    ("不对，我是想先核本年预算那张项目表，八个项目加总是多少", "list", [246.89], ["8 个"]),
    ("本单位今年有没有政府购买服务", "text", [], ["本单位本年度无政府购买服务"]),
    # a total said without its 合计 is that total; beside another name it says which spending that name is of
    ("本年支出多少", "value", [1084.38], ["本年支出合计"]),
    # a column named within a code is that code's column; 该款 points at the code the question itself names
    ("20131款下行政运行和事业运行两项相加，是否等于该款的基本支出", "check", [234.42], ["相等"]),
    # a code within a column (项目支出里X) is read in that column
    ("项目支出里一般公共服务支出有多少", "value", [780.77], []),
    # a whole after 在 with a scope word (在全部项目支出里); cue words an input method gets wrong (几被)
    ("安可替代工程在全部项目支出里占多大比重？", "share", [63.72], []),
    ("项目支出是基本支出的几被？", "ratio", [2.57], []),
    # 第一和第二 asks the first two places; words for all the money spent, said with a name, ask that name's
    ("支出按功能分类排一下，第一和第二分别是哪类？", "rank", [1015.19, 31.77], []),
    ("2013101总共花了多少", "value", [110.41], []),
    # 含结转的 includes the carried-over money (not only it); 往年结转过来的 is the carried-over row
    ("基本 项目 各多少（含结转的）", "value", [303.62, 780.77], []),
    ("今年的钱里，往年结转过来的和今年新拨的，哪个多？差多少？", "difference", [16.63], []),
    # a scope that names the part (上年结转项目) does not narrow the whole it is a share of
    ("项目支出中，上年结转项目占多大比重？", "share", [68.38], []),
    # 咋写的 asks (a clause of its own after a space); 是一次性的吗 asks the sheet's 项目属性
    ("山西画报定阅费用多少钱 那个项目设立必要性咋写的", "value", [35.89], ["了解上级工作"]),
    ("乡镇档案室标准化建设那个钱是一次性的吗项目期几年", "text", [], ["一次性项目", "1年"]),
    # the largest 科目 within a column is ranked by that column, among the 项
    ("基本支出里最大的是哪个科目", "rank", [124.01], ["2013150"]),
    # a group whose members are all under one printed row is that row's figure
    ("医疗支出 多少", "value", [13.60], ["21011"]),
    # who is asking and courtesy are not what is asked (想看屯留区委办…, 我是区委办退下来的…, 劳烦您告知)
    ("我在写论文，想看屯留区委办的一般公共服务支出是多少？", "value", [1015.19], []),
    ("同志您好，我是区委办退下来的老同志，想请教一下：今年区委办一般公共预算当年安排的支出一共是多少万元？劳烦您告知。",
     "value", [550.51], []),
    ("谢谢您。那么社会保障和就业这一块，占一般公共预算当年支出的比重是多少呢？", "share", [5.77], []),
    # English words typed among Chinese ones ask what their Chinese words ask
    ("基本支出 share of 支出总计", "share", [28.00], []),
    ("人员经费/公用经费 ratio", "ratio", [21.34], []),
    ("top 3 projects 本年", "rank", [90, 60, 37], []),
    ("專項業務", "value", [246.89], ["专项业务"]),
    ("sgjf", "value", [0], ["无"]),
    ("zhufanggongjijin", "value", [23.83], ["住房公积金"]),
    ("2013102当年安排了多少", "value", [0, 532.81], ["上年结转"]),
    ("20131不含结转多少", "value", [481.31], []),
    ("一般行政管理事务", "value", [532.81, 1.07], ["2013102", "2013202"]),
    ("差旅费占公用经费的比重", "share", [45.03, 6.12, 13.59], ["分母"]),
    ("乡镇档案室标准化建设占本年项目支出的比例", "share", [36.45], []),
    ("基本支出占总支出的比例", "share", [28.00], []),
    ("安可替代工程比专用通信二级网络建设费用多多少", "difference", [473.18], []),
    ("上年结转项目里最少的是哪个", "rank", [0.20], ["村级档案室标准化建设"]),
    ("本年项目前三", "rank", [90.00, 60.00, 37.00], []),
    ("今年新安排的项目有几个", "count", [8], []),
    ("超过30万的本年项目", "filter", [90.00, 60.00, 35.89, 37.00], []),
    ("221类下面有啥", "breakdown", [23.83], ["住房改革支出", "2210201"]),
    ("2101102属于哪个款", "parent", [13.60], ["行政事业单位医疗"]),
    ("预算总收入比上年减少多少", "change", [602.58, 35.72], []),
    ("上年的预算收入总计是多少", "change", [1686.96], []),
    ("机关运行经费增长0.69%对吗", "check", [69.88, 0.69], []),
    ("表三合计1084.38等于303.62+780.77吗", "check", [1084.39, 1084.38, 0.01], ["尾数差"]),
    ("工资福利支出和下面明细之和对得上吗", "check", [287.34, 287.35, 0.01], []),
    ("60万的项目是哪个", "filter", [60.00], ["2024年办公室日常工作经费"]),  # no comparison word: equal to
    ("政府采购里头服务那块占了百分之几", "share", [10.00, 12.00, 83.33], []),  # the part named within the whole
    ("住房公积金和养老保险加起来占人员经费多少", "share", [55.60, 19.17], []),  # the sum is the part
    ("210卫生健康支出下面分哪些科目", "breakdown", [5.83, 7.77], []),  # the items under one named 类
    ("发改中心多少钱", "value", [3.00], ["发展改革研究中心"]),  # an abbreviation, characters in order
    ("表九叫啥名字", "about", [], ["国有资本经营预算收支预算表"]),
    ("办公用房多少平", "value", [405], ["截至 2024年5月13日"]),
    ("住房公积金的款是哪个，类是哪个", "parent", [23.83], ["住房改革支出", "住房保障支出"]),
    # the two sides of 收支总表 are never added together
    ("表一各项支出加起来等不等于支出合计", "check", [1084.39, 1084.38, 0.01], ["支出方", "尾数差"]),
    ("表一收入各项加起来等于收入总计吗", "check", [1084.39, 1084.38, 0.01], ["收入方", "尾数差"]),
    ("山西画报订阅费用的项目属性", "text", [], ["一次性项目"]),
    ("办公用房面积", "value", [405], []),
    ("下属单位有哪些", "text", [], ["长治市屯留区委信息化中心"]),
    ("什么是机关运行经费", "define", [], ["公用经费"]),
    ("政府采购服务多少", "value", [10.00], []),
    ("人员经费里扣掉退休费还剩多少", "difference", [287.35], []),
    ("社保缴费合计", "sum", [46.95], []),
    ("一共多少张表", "about", [13], []),
    ("发展改革研究中心办公经费绩效目标表上是多少钱", "value", [50000, 30000], []),
    ("你能回答什么", "help", [], ["例子"]),
    ("钱主要花哪了", "breakdown", [1015.19, 93.62], []),
    ("这些钱都是从哪来的", "breakdown", [550.51, 533.88], []),
    ("一般公共预算当年支出主要用在哪几类，各占多少", "share", [481.31, 87.43, 31.77, 5.77], []),
    ("本年项目平均每个多少", "mean", [30.86, 246.89, 8], []),
    ("八张绩效表实施期资金总额合计和年度资金总额合计各多少", "sum", [2678900, 2468900], []),
    ("绩效表年度资金总额加总后与本年项目支出合计一致吗", "check", [2468900, 246.89], ["一致"]),
    ("哪张绩效目标表的填报日期不是2023年10月31日", "text", [1], ["乡镇档案室标准化建设"]),
    ("这些项目都是一年干完的吗", "text", [8], ["一次性项目"]),
    ("表里的钱是按元算还是按万元算", "about", [], ["万元", "绩效目标表为元"]),
    ("区委办公室在密码管理方面负责哪些工作", "text", [], ["商用密码"]),
    ("订画报有啥用", "text", [], ["宣传推介屯留工作"]),
    ("办公的房子有多大", "value", [405], []),
    ("差履费预算多少", "value", [6.12], ["差旅费"]),
    ("三工经费今年安排了多少", "value", [0], ["三公经费"]),
    ("其他交通费用对应的政府预算支出经济科目是什么", "parent", [], ["50201 办公经费"]),
    ("政府预算支出经济科目“工资奖金津补贴”对应哪些部门经济科目，合计多少", "parent", [120.83, 39.86, 7.58, 168.27], []),
    # a code whose name is printed under two 款 says which one it is under
    ("2013202多少", "value", [1.07], ["20132 组织事务"]),
    # 合计 listed among names asked one by one is the table's total, not a sum of them all
    ("表五的合计、基本支出和项目支出分别多少", "value", [550.51, 303.62, 246.89], []),
    # a column beside a scope's figure is of the row, not a part of that figure
    ("20131上年结转多少", "value", [532.81], ["同一行另列 本年收入合计"]),
    ("经济分类明细要看哪张表", "about", [], ["表6"]),
    # the items of one half of the economic table (人员经费), not all of them, are added for a check
    ("人员经费各项加起来等于290.03吗", "check", [290.02, 290.03, 0.01], ["尾数差"]),
    # a few words naming a part of a table between it and a name say where the name is read
    ("表3功能分类中行政事业单位医疗的基本支出和表6职工基本医疗保险缴费对得上吗", "check", [13.60, 13.50, 0.10], []),
    ("上年结转按功能科目分别是多少", "breakdown", [532.81, 1.07], []),
    ("再往下看，商品和服务支出下各项相加是否等于13.59", "check", [13.59], ["相等"]),
    # sentences found by the telling two-character words they share with the question (保密, 密码)
    ("在保密和密码方面都负责些什么工作", "text", [], ["保密工作", "商用密码管理"]),
    # a filter's strictness said in brackets is not a claim to check
    ("本年项目金额超过3万元（不包括等于3万元）的有几个", "filter", [5, 237.89], []),
    # a scope inside a row (X里上年结转) is a share of that row
    ("一般公共服务支出中上年结转占多少比重", "share", [533.88, 1015.19, 52.59], []),
    # each thing of a level named, as a share of the whole named after 占
    ("各功能大类分别占支出总计的比重", "share", [93.62, 2.93, 1.25, 2.20], []),
    # things picked by words their name holds
    ("本年项目中名称带“办公经费”的有哪些", "list", [3.00, 9.00], ["关工委办公经费"]),
    # both lists when the question puts them together
    ("本年的和上年结转的项目放在一起，排第二的是哪个", "rank", [90.00], ["乡镇档案室标准化建设"]),
    # 相当于…的百分之多少 is a share
    ("项目支出相当于基本支出的百分之多少", "share", [257.15], []),
    # spoken words: 砸/烧 for spending, 最壕 for the most money; 前两名是谁 asks places, not people
    ("本年项目里最壕的是哪个", "rank", [90.00], ["乡镇档案室标准化建设"]),
    # what a project's money is for: why it is set up and this year's target, from its sheet
    ("山西画报订阅费用是用来保障什么的", "text", [], ["宣传推介屯留工作", "总体目标（年度）"]),
    # what tells two terms apart: each one's entry in the glossary, not the difference of their figures
    ("基本支出与项目支出的区别是什么", "define", [], ["基本支出：", "项目支出："]),
    # formal writing: 请予说明/请列示 open the request; 及其 asks more of the same subject; 抑或 is 还是
    ("请予说明2013150事业运行科目金额，及其列入基本支出抑或项目支出。", "value", [124.01, 0], ["事业运行 项目支出"]),
    ("请列示办公室日常工作经费是多少", "value", [60.00], []),
    # a few English words of an analyst's shorthand
    ("2080505 parent 款 & 类?", "parent", [31.77], ["20805", "208 社会保障和就业支出"]),
    # all the money said of spending is the 支出总计's parts
    ("咱们一共多少钱，都用在哪几块", "value", [1084.38, 1015.19, 93.62], []),
    # a threshold with 等于 (大于等于, >=) is a filter; it had been read as a claim and called a contradiction
    ("本年项目大于等于15万的有几个", "filter", [5, 237.89], []),
    ("本年项目 count >15", "filter", [4, 222.89], []),
    # 除X外: X set aside, read in the table the whole is read in (never a negative remainder across tables)
    ("表5中除一般公共服务支出外其余几类合计多少", "difference", [550.51, 481.31, 69.20], []),
    ("各类支出排个名，前两名是谁", "rank", [1015.19, 31.77], []),
    # the asker's polite words run into the department's name: still the report's own department
    ("請問區委辦公室用的辦公用房有多大面積", "value", [405], []),
    ("麻烦问下区委办公室关工委的钱一共多少，连上年结转的一起算", "sum", [4.07], []),
    # a yearly figure asked per month or quarter: divided by the periods of the year
    ("平均下来一个月公用经费多少钱？", "value", [13.59, 1.13], []),
    ("安可替代工程按季度平均每季度多少", "value", [497.52, 124.38], []),
    # names added and taken away in the order typed; a name after 扣掉 is taken away, not set aside
    ("本年项目里，办公室日常工作经费加法律顾问费用，再减去信息化中心办公经费，结果是多少万元？", "sum", [72.00], []),
    ("本年项目支出加上年结转项目支出，再扣掉安可替代工程，剩多少？", "sum", [283.25], []),
    # 两项之和，占X: the sum's share, not each one's
    ("行政运行和事业运行两项之和，占支出总计的比例是多少？", "share", [234.42, 21.62], []),
    # a figure the report states, said before the question, is the other side of the gap asked after it
    ("支出总表合计写1084.38，可基本支出303.62加项目支出780.77算出来是多少？差多少？", "sum", [1084.39, 0.01], []),
    # 本年 inside a printed total's name (本年支出合计) is no scope: the classes of the table that total prints
    ("四个功能类支出加起来跟本年支出合计1084.38对得上吗？差多少", "check", [1084.39, 0.01], []),
    # a figure shared over a count the question types (per firm, per square metre), in the unit asked
    ("视频会议系统那个项目三家运营商，平均每家多少", "value", [37.00, 12.33], []),
    ("办公用房405平方米，机关运行经费摊到每平方米是多少元", "value", [135900, 335.56], []),
    # a mean over a count the narrative states with its money (纳入绩效目标管理的二级项目8个，金额246.89万元)
    ("纳入绩效目标管理的二级项目平均每个多少钱", "mean", [8, 246.89, 30.86], []),
    # the stated changes ranked by amount when an amount is asked, by rate when a rate is
    ("和上年比减得最多的是哪一项", "rank", [1127.60], ["一般公共预算当年支出"]),
    ("比上年降幅最大的是哪个", "rank", [67.19], ["一般公共预算当年支出"]),
    # this year as a fraction of last year's, from the stated change
    ("今年的一般公共预算当年支出相当于上年的百分之几", "change", [1678.11, 32.81], []),
    # two tables named with 的合计: each table's total
    ("财政拨款收支总表和一般公共预算支出表的合计是否相同", "check", [1084.38, 550.51], []),
    # a ranked place named inside a question asking something else of it: the one ranked there
    ("结转项目里最大的那个占结转总额多少？", "share", [497.52, 533.88, 93.19], ["安可替代工程"]),
    ("公用经费里最大的一项比最小的一项多多少？", "difference", [7.47, 6.12, 1.35], []),
    ("本年项目里最大的比第二大的多多少？", "difference", [90.00, 60.00, 30.00], []),
    # A超过B多少: the gap; both lists said put together (本年和结转的项目合起来) are every project
    ("项目支出超过基本支出多少？", "difference", [780.77, 303.62, 477.15], []),
    ("本年和结转的项目合起来，超过50万的有几个？", "filter", [3, 497.52], []),
    # a project pointed at by its figure in capital numerals, traditional characters, another unit
    ("哪個項目的預算是玖拾萬元？", "value", [90.00], ["乡镇档案室标准化建设"]),
    # a code's parts asked within a column named first, by their number
    ("基本支出里一般公共服务那块234.42是哪两项", "breakdown", [110.41, 124.01], []),
    # 不属于X的部分: X set aside from the whole named
    ("基本支出中不属于工资福利支出的部分一共多少", "difference", [16.27], []),
    # carried-over money said alone before 占 a total row is the 上年结转 row (节转: its sound, mistyped)
    ("节转占收入总计百分之几", "share", [533.88, 49.23], []),
    # 最少的那个是多少: the ranking's last, with its figure
    ("结转项目里最少的那个是多少？", "rank", [0.20], ["村级档案室标准化建设"]),
    # 表上年度资金总额: the sheet's 年度资金总额, no year before
    ("乡镇档案室标准化建设这个项目，绩效表上年度资金总额填的多少？", "value", [900000], []),
    # English word order: what share of A is B; the shares a report gives for A versus B
    ("What percentages of total spending does the report give for basic versus project expenditure?", "share", [28.00, 72.00], []),
    # A超过/不到B的一半 (百分之五, 三成): A's share of B, said against that bound
    ("安可替代工程是不是超过项目支出的一半", "share", [63.72], ["超过 50%"]),
    ("公用经费是不是连人员经费的百分之五都不到？具体百分之几", "share", [4.69], ["低于 5%"]),
    # 过百万: over a million yuan, in the report's 万元
    ("有没有超过百万的项目", "filter", [497.52], ["安可替代工程"]),
    # the sheets whose two fund totals differ (对不上) or whose 实施期 total is larger, counted
    ("绩效目标表里有几个项目的实施期资金总额和年度资金总额对不上？", "count", [4], []),
    ("八个绩效目标表里，实施期资金总额大于年度资金总额的项目一共几个？", "count", [4], []),
    # a year and a word for the whole alone (２０２４总数？？): the report's total
    ("２０２４总数？？", "value", [1084.38], []),
    # a change asked by its direction alone (增加的原因): one that went up, not the report's headline decrease
    ("增加的原因报告里是怎么解释的？", "change", [5.59], ["人员增加"]),
    # a table's row by its place as printed (倒数第二行, 第三行), a total row counting as one
    ("表二倒数第二行是什么科目，多少", "value", [23.83], ["住房改革支出"]),
    ("表十二第三行是哪个项目", "value", [60.00], ["2024年办公室日常工作经费"]),
    # a list named by its scope with a pointing word (上年结转的那些项目): that list
    ("上年结转的那些项目，不到十万的有几个？", "filter", [5], []),
    # a code's own figure typed after it says which figure it is (no threshold of a filter)
    ("2013105专项业务那246.89，落到本年项目支出表里，金额最大的项目是哪个？", "rank", [90.00], ["乡镇档案室标准化建设"]),
    # 谁多，是对方的几倍: the larger over the smaller
    ("差旅费跟其他交通费用比，谁多，是对方的几倍？", "ratio", [1.22], ["其他交通费用"]),
    # digits that open codes (以208打头, 2013开头): the codes under them; several branches each, no year read
    ("以208打头的科目各多少", "breakdown", [31.77], ["行政事业单位养老支出"]),
    ("2013开头的有哪些", "breakdown", [1014.12, 246.89, 1.07], ["组织事务", "一般行政管理事务"]),
    ("2101开头的两个项分别多少？差多少", "breakdown", [5.83, 7.77, 1.94], []),
    # a share's whole said as the level its part lies in: that code's 款 or 类, not the 类 asked
    ("2013105占这一款多少", "share", [24.35], ["20131"]),
    ("2013105占所属类的比重", "share", [24.32], ["201 一般公共服务支出"]),
    # a table's total row listed among its columns (表：合计行、A、B): each, the total too
    ("核一下预算支出总表：合计行、基本支出、项目支出各是多少", "value", [1084.38, 303.62, 780.77], []),
    # whether the projects' performance targets were all published: those with a sheet against the list
    ("本年的项目是不是全都公开了绩效目标？", "text", [8, 100], ["全部公开"]),
    # whether a thing named is the largest (是不是最多的): its place among its level's peers, said yes or no
    ("一般公共服务支出是不是所有支出类别里最多的？", "rank", [1015.19], ["是。"]),
    ("住房保障支出是不是最多的", "rank", [23.83], ["不是。"]),
    ("关工委办公经费是不是最少的", "rank", [3.00], ["并列"]),
    # a multiple claimed (是不是已经超过B的两倍): how many times B it is
    ("项目支出是不是已经超过基本支出的两倍了？", "ratio", [780.77, 303.62, 2.57], []),
    # a scope said with its sum typed (上年结转那533.88万元里) is the whole of the part after it, not a part
    ("上年结转那533.88万元里，安可替代工程一个项目就占了多少？", "share", [93.19], []),
    # colloquial asks: money counted with 个 (多少个钱), duties as 管的事, a car's running costs, 一位小数 said alone
    ("咱这单位今年总共有多少个钱？", "value", [1084.38], []),
    ("区委办管的事有几条啊", "count", [7], []),
    ("公家那个车加油修车的钱今年给了多少", "value", [0], ["公务用车运行维护费"]),
    ("住房公积金占工资福利支出的比例，一位小数就行", "share", [8.3], []),
    # a share's whole said with 在…中所占: the part named by its kind within it
    ("服务类在采购总额中所占比例", "share", [83.33], []),
    # one row's columns added (X的A和B加起来), beside the total the row prints
    ("一般公共服务支出的基本支出和项目支出加起来是多少", "sum", [234.42, 780.77, 1015.19], ["相等"]),
    ("收支总表里一般公共服务支出的当年预算安排和上年结转安排加起来", "sum", [481.31, 533.88, 1015.19], []),
    # a list's noun with a word before it (零碎项目) is still the list the scope qualifies
    ("上年结转那边，不到1万的零碎项目有哪些", "filter", [0.87, 0.20, 1.07], ["拨付工作经费"]),
    # 哪两个…最多: that many of the ranking's top
    ("本年预算的项目里，哪两个项目钱最多？", "rank", [90.00, 60.00], []),
    # the figures just given (两项, 它们) added and divided by the whole after 占
    ("人员经费里基本工资和绩效工资各多少？两项合起来占人员经费的比重是多少？", "value", [120.83, 46.27, 57.61], []),
    # a row's column as a share, no whole named: of the row's own total (in every scope)
    ("一般公共服务支出里项目支出占比多少", "share", [780.77, 1015.19, 76.91], []),
    ("一般公共服务支出里上年结转安排占多少比例", "share", [533.88, 52.59], []),
    # a kind of indicator by its first level (产出指标), of one sheet or of every sheet
    ("法律顾问费用的产出指标都写了些啥", "text", [], ["服务数量：区委区政府", "服务时限：全年"]),
    ("各项目的满意度指标", "text", [], ["8 张绩效目标表的满意度指标"]),
    # an amount typed in 块 (元) picks the projects of that amount, named
    ("8700块的那个结转项目叫什么", "filter", [0.87], ["拨付工作经费"]),
    # A占“A+B”: A named again among those added, the sum the whole
    ("行政单位医疗占“行政单位医疗+事业单位医疗”的比重", "share", [5.83, 7.77, 13.60, 42.87], []),
    # a row's two columns, each as a share of the row
    ("一般公共服务支出里当年预算安排和上年结转各占多少", "share", [481.31, 533.88, 47.41, 52.59], []),
    # a level's items but one, added (除了X，其他类 / 不属于X的那几类，加一块): the level's total less X
    ("除了一般公共服务支出，其他类加起来多少", "difference", [1084.39, 1015.19, 69.20], []),
    ("不属于一般公共服务支出的那几类，加一块多少", "difference", [69.20], []),
    # the magnitude asked (大概几千万 / 几百万) is the unit wanted
    ("人员经费大概几百万", "value", [290.03], ["万元"]),
    # 有哪几个 lists; 几项 of a thing that is no code counts its parts, not the 项 level
    ("上年结转安排的项目有哪几个？", "list", [24.34, 497.52], ["安可替代工程"]),
    ("三公经费有哪几项", "value", [0], ["本表无数据"]),
    # 是不是没有X asks whether X is there (its figure), it checks no claim; the same typed in Cantonese
    ("區委辦係咪冇三公經費預算？", "value", [0], ["本表无数据"]),
    ("是否没有政府性基金预算", "value", [0], ["政府性基金预算"]),
    # a standard economic code typed of a report that prints the items by name only; A对比B compares them
    ("30211+30239", "sum", [6.12, 7.47, 13.59], []),
    ("2013101对比2013102", "difference", [110.41, 532.81, 422.40], []),
    # the whole split by its two scopes, either order; a scope's part of the whole named after 占
    ("项目支出里上年结转的和本年安排的各多少", "value", [533.88, 246.89], []),
    ("本年支出合计里当年预算安排和上年结转各多少", "value", [550.51, 533.88], []),
    ("本年安排的那部分占项目支出多少", "share", [246.89, 780.77, 31.62], []),
    # the tables printing a name, with the figure each prints; a sheet's money against the project table
    ("住房公积金23.83在哪几张表里印了", "about", [23.83], ["预算收入总表", "基本支出分经济科目表"]),
    ("法律顾问费用绩效目标表里的年度资金总额和表十二对得上吗", "value", [150000, 15.00], ["两者一致"]),
    # an analyst's operators: A / B % is a share, A+B vs C a check, 基本/项目 both halves
    ("2013105 / 项目支出合计 %", "share", [31.62], []),
    ("2101101+2101102 vs 210", "check", [5.83, 7.77, 13.60], ["相等"]),
    ("20131 基本/项目", "value", [234.42, 779.70], []),
    # two names sharing their head written once (行政和事业单位医疗)
    ("卫生健康支出多少，行政和事业单位医疗各多少", "value", [13.60, 5.83, 7.77], []),
    # 主要花在哪个项目上: the largest; a scope's own name said of projects lists them
    ("结转的钱主要花在哪个项目上？", "rank", [497.52], ["安可替代工程"]),
    ("本年预算安排了哪些项目？", "list", [90.00, 60.00, 35.89], []),
    # a project's money by the level of government its sheet names
    ("山西画报订阅费用这个项目的钱是哪一级财政出的", "value", [358900], ["市县（区）财政资金", "中央财政资金、省级财政资金、单位自筹 为 0"]),
    # a name misheard in one character (关公委, 卫建支出); a lexicon word holding a scope word (财政新拨款)
    ("关公委的经费加起来多少，今年安排的加上年结转的", "sum", [4.07], []),
    ("卫建支出多少", "value", [13.60], []),
    ("区委办今年的总预算是今年财政新拨款的几倍？", "ratio", [1.97], []),
    # a bare total as the later part of a line: the figures just asked, added
    ("基本支出和项目支出各多少，合计？", "value", [303.62, 780.77, 1084.39], []),
    # two stated parts of a topic, one as a multiple of the other
    ("政府采购服务预算是货物的几倍", "value", [10.00, 2.00, 5.00], []),
    # which of two named is larger says both figures; the gap asked next on the line is of those two
    ("视频会议线路租赁和山西画报哪个钱多？差多少", "rank", [37.00, 35.89, 1.11], []),
    # a change by a fraction supposed: the figure after it and the change, exactly
    ("绩效工资如果上调10%，要多安排多少钱？", "value", [46.27, 50.90, 4.63], []),
    ("整个部门支出总计要是统一压减5%，压完以后是多少？", "value", [1084.38, 1030.16, 54.22], []),
    ("差旅费砍掉一半是多少", "value", [6.12, 3.06], []),
    # a thing supposed dropped from the year: the total without it
    ("安可替代工程要是推迟到明年，今年支出总计会降到多少？", "difference", [1084.38, 497.52, 586.86], []),
    # the money of this year alone: the summary table's column of it
    ("不算上年结转的话，部门支出一共多少？", "value", [550.51], ["当年预算安排"]),
    # everyday words: the staff's pay as a whole, periodicals, small running costs
    ("给干部发工资的钱，基本工资、补贴、奖金、绩效全加起来一共多少？", "sum", [214.54], []),
    ("订杂志的钱有多少？", "value", [35.89], ["山西画报订阅费用"]),
    ("零碎开销有多少", "value", [13.59], ["公用经费"]),
    # a glossary term whose name ends in 预算, asked what it means
    ("一般公共预算是什么意思", "define", [], ["以税收为主体"]),
    # an amount printed in a column other than its row's first: which column
    ("779.70 是什么数", "about", [779.70], ["项目支出栏"]),
    # the parts named, added, against the total named
    ("一般公共服务支出、社会保障和就业支出、卫生健康支出、住房保障支出加起来和本年支出合计一致吗", "check", [1084.39, 1084.38], []),
    # a size said roughly with no kind named: every project, subject and economic item of about that size
    ("七万多的有哪几项", "filter", [7.77, 7.58, 7.47], ["奖金", "其他交通费用", "事业单位医疗"]),
    ("二十三万多的那个是什么", "filter", [23.83], ["住房公积金"]),
    ("今年新安排的项目里三万块的是哪几个", "filter", [3.00], ["2024年关工委办公经费", "2024年信息化中心办公经费"]),
    # an account asked for: the report's total, its parts and its stated change; a thing's figure and largest part
    ("用一句话说说今年预算", "summary", [1084.38, 550.51, 533.88, 303.62, 780.77, 602.58], []),
    ("总结一下上年结转", "summary", [533.88, 497.52], ["安可替代工程"]),
    # the asset paragraph asked as a whole: what it counts
    ("国有资产占有使用情况", "value", [1, 405], ["办公用房"]),
    # whether a figure rose, asked: its change from last year, not the report's arithmetic
    ("机关运行经费是不是增加了", "change", [5.59], []),
]


@pytest.mark.parametrize(("question", "op", "figures", "texts"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_answer(conn, question, op, figures, texts):
    answer = ask(conn, question, Session())
    assert answer.matched, answer.text
    assert answer.intent == op, answer.text
    assert answer.understood or op == "help"
    for figure in figures:
        assert has_number(answer, figure), (figure, answer.text)
    blob = json.dumps(answer.to_json(), ensure_ascii=False)
    for text in texts:
        assert text in blob, (text, answer.text)


UNANSWERABLE = ["填空：本部门2023年预算基本支出为____万元", "视频会议系统一年开多少次会", "水电费多少", "2013199属于哪个款", "2021年决算数", "asdfjkl", "？", "区财政局的预算", "区委书记工资多少", "明年预算多少",
                "🙂🙂", "人均经费多少", "2023年公务接待费", "表十四是什么表", "安可替代工程的绩效目标是什么",
                "移动、联通、电信各分多少", "信息化中心有多少编制", "那辆公车是哪年买的", "咱们有几个退休人员",
                # another department, however politely asked; a count the report's sentences never state
                "请问县委办公室的办公用房多大", "档案室建设一共涉及多少个村",
                # a name marked as an item that the report prints nowhere
                "还有教师进修这一项吗？安排了多少",
                # one named place's share of a project: the report prints none
                "乡镇档案室建设李家镇能分到多少",
                # money actually spent, in everyday words, of a budget report that prints no outturn
                "去年实际花了多少", "今年预算到目前实际花出去多少了？执行率多少？",
                # the assets as they are now, with nothing said of last year
                "办公用房面积跟上年比是增加还是减少了？",
                # people counted by their standing, the noun left out; a headcount asked in writing
                "区委办公室现在有多少在编在职人员？退休的有几个？", "请予说明本部门离退休人员现有人数若干。",
                # last year's items ranked: a budget prints only this year's (its stated changes are another question)
                "去年三公经费里哪项花得最多",
                # a standard economic code whose item the report does not print; a kind of indicator left blank
                "30201多少", "乡镇档案室标准化建设的成本指标值是多少",
                # a name marked as an item opening the question, no three characters of it printed anywhere
                "那党报党刊这一项有多少"]


def test_a_change_asked_of_a_topic_the_report_gives_none_for_says_so(conn):
    """政府采购预算比上年增长多少: the report states this year's procurement only; the answer says there is no
    change to give (not matched), and shows what the report does say."""
    answer = ask(conn, "政府采购预算比去年多了还是少了，变动百分之多少？", Session())
    assert not answer.matched and "没有给出「政府采购」与上年相比的数字" in answer.text, answer.text
    assert has_number(answer, 12.00), answer.text


def test_ranking_among_departments_with_one_report_loaded_is_refused(conn):
    for question in ("区委办的预算在全区各部门里排第几？", "跟其他部门比，我们的三公经费算多吗"):
        answer = ask(conn, question, Session())
        assert not answer.matched and "只载入了一份报告" in answer.text and not answer.figures, answer.text


def test_an_acronym_the_report_does_not_print_leans_on_nothing(conn):
    # GDP is a name, though not one of the report's: not a follow-up of the figure just given
    session = Session()
    ask(conn, "机关运行经费2023年预算数", session)
    answer = ask(conn, "屯留区GDP是多少", session)
    assert not answer.matched and answer.figures == [], answer.text


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


# One conversation as an official types it: each turn answered about its own subject; a turn that
# names nothing takes the last subject (那上年呢, 占比呢), one that names something is about that.
CONVERSATION = [
    ("基本支出", [303.62]),
    ("法律顾问费", [15.00]),
    ("2013105", [246.89]),
    ("山西画报多少钱", [35.89]),
    ("机关运行经费多少", [13.59]),
    ("那上年呢", [8.00]),
    ("住房公基金", [23.83]),
    ("基本工资+津贴补贴+奖金=?", [168.27]),
    ("山西畫報", [35.89]),
    ("占比呢", [14.54]),
    ("社保缴费合计", [46.95]),
    ("其中住房公积金呢", [23.83]),
    ("三公经费", [0]),
    ("比去年呢", [0]),
]


def test_two_asked_after_a_question_that_named_nothing_is_no_crash(conn):
    # 两个差多少 after a question with no subject: nothing to take the two from, said plainly
    session = Session()
    for question in ("基本支出多少", "项目支出多少", "一共几张表"):
        ask(conn, question, session)
    answer = ask(conn, "两个差多少", session)
    assert answer.text and not answer.figures, answer.text


def test_a_conversation_fills_gaps_and_never_overrides(conn):
    session = Session()
    for question, figures in CONVERSATION:
        answer = ask(conn, question, session)
        assert answer.matched, (question, answer.text)
        for figure in figures:
            assert has_number(answer, figure), (question, figure, answer.text)


# Follow-ups that name no project ask it of the project the conversation is about; 回到X returns to X;
# a follow-up naming figures the last answers showed picks those figures.
DIALOGUES = [
    # 那整个部门呢 after a row's column: that column of the department as a whole
    [("一般公共服务支出预算总共多少", [1015.19]), ("只看基本支出的", [234.42]), ("那整个部门呢", [303.62])],
    # 只看X的 after a row: that column of the row (a narrowing, a follow-up)
    [("一般公共服务支出多少", [1015.19]), ("只看基本支出的", [234.42])],
    # the two just walked in a ranking, their gap
    [("支出按功能分类哪一类最多", [1015.19]), ("第二呢", [31.77]), ("这两项差多少？", [983.42])],
    # two columns asked right after one code: the report's own, with the code's in the same columns beside them
    [("2013105多少", [246.89]), ("基本支出和项目支出各多少？", [303.62, 780.77, 246.89, "若问的是刚才的 2013105 专项业务"])],
    # 除了它，其余几个项目 after the largest of a list: the rest of that list, whose scope the next question keeps
    [("本年预算的项目里哪个金额最大？", ["乡镇档案室标准化建设", 90.00]), ("除了它，其余几个项目加起来多少？", [156.89]),
     ("超过30万元的有几个？", [4])],
    # the subject the conversation began with, pointed at: that subject
    [("山西画报订阅费用多少", [35.89]), ("差旅费多少", [6.12]), ("刚才第一个问的那项占项目支出多少", [35.89, 4.60])],
    # 判断： opens a claim about the one just asked
    [("上年结转多少", [533.88]), ("判断：它占收入总计不到一半，对吗", [49.23, "低于 50%"])],
    # X那一列呢 after a row: that column of the row
    [("一般公共服务支出预算是多少？", [1015.19]), ("基本支出那一列呢？", [234.42])],
    # 除了X还有哪些 after a list: the others of that list; 其余的加起来 then: those others added
    [("上年结转的项目有哪些", [497.52]), ("除了安可替代工程还有哪些", ["除去安可替代工程", 24.34]),
     ("其余的加起来多少", [36.36])],
    # a table's rows by their place: counted from its total row, and its last one
    [("第三张表是什么表", ["2024年预算支出总表"]), ("它的合计是多少", [1084.38]),
     ("合计下面第一行是什么", ["一般公共服务支出", 1015.19]), ("最后一行呢", ["住房公积金", 23.83])],
    # a name of the same kind after the ranking of one name's parts: its parts ranked; 它 is the first of them
    [("人员经费里具体科目哪个最多", ["基本工资", 120.83]), ("公用经费里呢", ["其他交通费用", 7.47]),
     ("它占公用经费的比例是多少", [54.97])],
    # a ranking naming nothing after a filter ranks what it picked; the one picked is what 这笔钱 asks of
    [("今年本年预算安排的项目有哪些？", [60.00]), ("其中超过30万的有哪些", [90.00, 35.89]),
     ("按金额从大到小排一下", ["上面所列的 4 项", 35.89]), ("这几个里最小的是哪个", ["山西画报订阅费用", 35.89]),
     ("这笔钱是干嘛用的", ["了解上级工作"])],
    # 这张表 when the last question named none: the one table its figures came from
    [("安可替代工程安排了多少，出自哪张表", [497.52]), ("它占上年结转项目合计的比重是多少", [93.19]),
     ("这张表各项目加起来跟合计对得上吗", [533.89, 533.88])],
    # three results just given, added, as a share of the whole named
    [("视频会议系统线路租赁、法律顾问、山西画报订阅各多少", [37.00, 15.00, 35.89]), ("三项合计占本年项目支出的比例", [87.89, 35.60])],
    # a sheet's money field asked alone after the project: the project's sheet
    [("乡镇档案室标准化建设的年度目标是什么", ["完成乡镇档案室标准化建设"]), ("年度资金总额是多少元", [900000])],
    # 它 after a comparison of two, placed in a list named (排第几); 它 after a table asked, that table
    [("安可替代工程是专用通信二级网络建设费用的几倍？", [20.44]), ("它在上年结转的项目里排第几大？", ["排第 1 位"])],
    [("表9是干嘛的", ["国有资本经营预算"]), ("它里面有数据吗", ["本表无数据", "表9"])],
    # a subject named in full after the department's units is asked of its own
    [("区委办有哪些下属单位", ["信息化中心"]), ("那公车实有几辆", [1, "公务用车实有"])],
    # 它 with two columns asked between, after a ranking: the columns of the one picked, and which holds it
    [("预算支出总表里项级科目金额最大的是哪一项", ["一般行政管理事务", 532.81]),
     ("它算基本支出还是项目支出？", [532.81, "全部列在项目支出"])],
    # a table's layout, the table named by words of its title around 那张 or by a topic: its columns, rows,
    # 栏次 and note; 这张表 is the one just shown; a table named alone asks the same of it
    [("三公经费那张表里，一行一行列的是哪些项目？", ["因公出国（境）费", "②公务用车运行维护费"]),
     ("这张表没数据，他们是怎么标注的？", ["注：本表无数据", "第583行"])],
    [("项目支出预算表（本年预算）表头下面那排栏次编号，是从1编到几？", [7]), ("上年结转那张项目表呢？", [5])],
    [("那基本支出分经济科目的那张表，金额部分的表头有哪几栏？", ["人员经费", "公用经费", "表6"]),
     ("收入总表最后一栏是啥？", ["最后一栏：上年结转"]), ("绩效目标表里一级指标分了哪几类？", ["产出指标", "满意度指标"])],
    # a code's 款 and 类 pointed at (这个款, 再往上到类级, 再往上一级是哪个类) after the code was asked
    [("功能分类科目编码2101101对应的科目名称是什么？", ["行政单位医疗"]), ("它的上一级（款级）科目编码和名称分别是？", ["21011"]),
     ("这个款下面除了它还有哪个项？预算多少万元？", [7.77, "事业单位医疗"]), ("再往上到类级呢，名称和合计金额？", [13.60, "卫生健康支出"])],
    [("2013105 专项业务这个项是挂在哪个款下面的？", ["20131"]), ("再往上一级是哪个类？", ["201 一般公共服务支出"]),
     ("这个类下面除了20131，还有别的款吗？多少钱", ["20132 组织事务", 1.07])],
    # 主要花在哪几项上 after X里有没有Y: the parts of X, where Y was looked for
    [("机关运行经费里有没有公务接待费？主要花在哪几项上？", [13.59, 6.12, 7.47, "差旅费"])],
    # a figure guessed (530多万, 300万左右, 1084万 of 1084.38): whether the guess is near, with the exact figure
    [("其中上年结转好像是五百三十多万，对吗？", [533.88, "大致是"]), ("基本支出是不是200万左右", [303.62, "不是"]),
     ("我记得支出总计是1084万对吗", [1084.38, "取整是"])],
    # a fraction or a multiple of the figure just given, exact (rounded and said so when it does not end)
    [("山西画报订阅费用多少", [35.89]), ("上一个的一半是多少", [17.945]), ("它的三分之一是多少", [11.96, "约数"]),
     ("上一个的五分之二是多少", [14.356])],
    # the report's whole asked of this year's money and last year's carried over, each; its sources and shares
    [("总盘子一共多少钱？", [1084.38]), ("这里面今年新安排的和上年结转过来的各是多少？", [550.51, 533.88])],
    [("收入就两块来源吧？各占总收入多少？", [50.77, 49.23])],
    # classes asked after the report's whole are the report's; 最大的那一类 is the first of them
    [("总盘子一共多少钱？", [1084.38]), ("按支出功能分类，钱主要花在哪几大类？每类多少？", [1015.19, 31.77, 13.60, 23.83]),
     ("最大的那一类下面又分哪几款，各多少？", [1014.12, 1.07]), ("它占总支出的比例大概多少？", [93.62])],
    # a figure typed and the project asked of it: the one project printed with that figure
    [("组织事务那个1.07对应的是啥项目", ["关工委工作经费", 1.07]), ("35.89是哪个项目的", ["山西画报订阅费用"])],
    # 专项 said alone is the spending on projects; 连结转 counts the carried-over ones in
    [("专项连结转一共多少", [780.77]), ("其中今年新安排的", [246.89])],
    # an English line of two questions joined by ", and"; how much of it is A vs. B asks each
    [("What is the total basic expenditure in the 2024 budget, and how much of it is personnel vs. public (office) funds?",
      [303.62, 290.03, 13.59])],
    [("list the projects over 0.5 million yuan", [60.00, 90.00, 497.52])],
    # the items counted under a government economic class, said with 归到 (and a typo in its name)
    [("基本支出经济科目那张表里，归到办工经费的那几项加起来一年多少钱呀", [13.59, "差旅费", "其他交通费用"])],
    # the largest of the last list pointed at without 的 (最多那类): that item
    [("四大类支出谁最多谁最少？", [1015.19]), ("最多那类占总支出百分之几？", [93.62])],
    # a short 具体干嘛的 after a project is what that project is for, not the department's duties
    [("山西画报订阅费多少钱", [35.89]), ("具体干嘛的", ["推介宣传屯留"])],
    # one side of a comparison named by its place in a ranking of its kind: that item
    [("上年结转里最大的项目是哪个", [497.52]), ("那它是今年新安排的最大那个项目的几倍？", [5.53])],
    # a ranking asked 排个名 shows all; two places of it pointed at in one question are both its items
    [("四个类按总额排个名", [1015.19, 13.60]), ("第一名是倒数第一的多少倍？", [74.65])],
    # a list's total and its average asked after its count, in the words people use
    # a table named as the place (在表三里…, 同一个上级科目在表五里…) after a row: that row, read there
    [("532.81对应哪个科目", ["2013102"]), ("它在表三里合计多少", [532.81]), ("那在表二里呢", [532.81])],
    # two stated rates of change just given, their gap in points
    [("预算收入总计比上年降了百分之几", [35.72]), ("一般公共预算当年支出比上年降了多少", [67.19]),
     ("这两个降幅差几个百分点？", [31.47])],
    # 占X又是多少 after a share: of the same part, the new whole; 除了它 sets the one in focus aside
    [("结转项目里最大的一笔是哪个？多少钱", [497.52]), ("它占结转项目总额多少？占整个支出总计又是多少？", [93.19, 45.88]),
     ("除了它，其余几个结转项目逐项加起来是多少？", [36.36, 36.37])],
    # the sheet picked by a date is what 它 points at next
    [("绩效目标表填报日期最晚的是哪个项目", ["乡镇档案室标准化建设"]), ("它那张表里社会效益指标的指标值写的是什么", ["丰富群众业余生活"])],
    # 再把X加进去 adds X to the sum just given; a share asked next in the line is of the new sum
    [("基本工资、津贴补贴、奖金这三项加起来多少？", [168.27]), ("再把绩效工资加进去呢？占人员经费的比例是多少", [214.54, 73.97])],
    # an English clause asking a share is a part of its own
    [("top 3 projects in 表十二 by amount，列一下", [90.00]), ("这 top 3 合计多少，占 current-year project total 的 share？", [187.00, 75.74])],
    # 对X的占比 after a figure: that figure's share of X
    [("安可替代工程 单个就多少？对 total budget 1084.38 的 share？", [497.52, 45.88])],
    # a list's items but the ones set aside, added; that sum's share of an amount typed
    [("一般公共预算当年支出550.51万，按功能分类分成哪几大类，各多少？", [481.31]),
     ("除了一般公共服务，另外三类加起来多少", [69.20]), ("这三类合起来占550.51的百分之几", [12.57])],
    [("本年安排的项目一共几个", [8]), ("总金额多少", [246.89]), ("平均一个项目多少万元", [30.86]),
     ("超过这个平均数的有几个？都是哪几个", [4, "山西画报订阅费用", "乡镇档案室标准化建设"])],
    [("法律顾问费用安排了多少", [15.00]), ("绩效表里的实施期资金总额和年度资金总额分别是多少", [300000, 150000]),
     ("项目期写的几年", ["1年"]), ("为什么要设这个项目", ["法律事务"])],
    [("下属单位有哪些", ["信息化中心"]), ("内设机构有几个", [5]),
     ("回到下属单位，信息化中心今年安排了多少办公经费", [3.00]), ("它的绩效目标", ["保障日常工作正常开展"])],
    [("一般公共服务支出多少", [1015.19]), ("回到一般公共服务，基本支出和项目支出各多少", [234.42, 780.77])],
    [("政府采购预算总额多少", [12.00]), ("其中服务呢", [10.00]), ("工程呢", [0]), ("货物和服务各占多少", [16.67, 83.33])],
    [("一般公共预算当年支出多少", [550.51]), ("主要用在哪几类，各占多少", [481.31, 87.43])],
    # a comparison naming only the other side compares with the subject of the conversation
    [("基本工资多少", [120.83]), ("和津贴补贴相比谁多？多多少？是它的几倍？", [39.86, 80.97, 3.03])],
    [("行政运行多少", [110.41]), ("比事业运行少多少", [13.60])],
    [("一般公共服务支出占支出总计多少", [93.62]), ("下面的款级 sub-categories 有哪些，各多少？", [1014.12, 1.07])],
    [("20131下面最大的项级科目是哪个", [532.81]), ("second place 呢", [246.89])],
    # 第二呢 after a ranking is the second of that list, not a ranking inside its first; 占比呢 is the share
    # of what was ranked in the whole list ranked
    [("哪一类最多？", [1015.19]), ("第二呢", [31.77])],
    # a year said short (23年) is the year the report compares with; 这个数与X相比 compares the last figure with X
    [("机关运行经费多少", [13.59]), ("那23年是多少", [8.00])],
    # 它 after a table the question names is that table; 差多少 after A与B in the same line is of those two
    [("2013102 结转多少", [532.81]), ("表五标题写的不含上年结转，它的合计是多少？", [550.51])],
    [("一般公共预算当年支出比上年减少多少", [1127.60]),
     ("表六职工基本医疗保险缴费与表三卫生健康支出分别多少，差多少？", [13.50, 13.60, 0.10])],
    # 当年财政拨款 after a share of the income is this year's appropriation, in the same whole
    [("预算收入总计中，上年结转资金占比多少？", [49.23]), ("当年财政拨款所占比重呢？", [550.51, 50.77])],
    # an item picked from a list of parts (最大的那个款) has its share taken of the whole whose parts they are
    [("201下面有哪些款", [1014.12]), ("最大的那个款占多少比例", [99.89])],
    # 这两项加起来占X: the sum of the two just asked, as a share of X
    [("差旅费和其他交通费用分别多少", [6.12, 7.47]), ("这两项加起来占公用经费的多少？", [13.59, 100.00])],
    # everyday words for the money's halves; a new name after a share is read in the same whole
    [("区委办这一年的钱，是人员运转那块多，还是项目那块多？各多少？", [303.62, 780.77]),
     ("运转那块里头，发给人的钱有多少？占运转这块的比例多大？", [290.03, 95.52]), ("那办公用的那部分呢", [13.59, 4.48])],
    # 第一名 after a ranking that named its first only is that one
    [("哪一类最多", [1015.19]), ("第一名占总支出的百分比？", [93.62])],
    # parts asked 其中 each, then one part's share: of the whole they were asked within
    [("一般公共预算当年支出多少", [550.51]), ("其中基本支出和项目支出各多少？基本支出占多大比重？", [303.62, 246.89, 55.15])],
    [("2013105多少", [246.89]), ("同一个科目在收入总表里呢？", [246.89, "表2"])],
    [("退休费是多少", [2.68]), ("这个数与您刚才说的社会保障和就业支出相比，相差多少？", [29.09])],
    # a superlative right before a name only says which one was meant
    [("刚才那个最大的 2013102，funding 是本年预算安排的还是上年结转的？", [532.81])],
    [("哪一类最多？", [1015.19]), ("占比呢", [93.62])],
    # X比它…: X is a name of its own (not a column of the last row), compared with the last subject
    [("基本支出多少", [303.62]), ("项目支出比它少多少", [477.15])],
    # after a line asking several figures, a bare sum, and a bare level, are of what was just asked
    [("差旅费多少，其他交通费用多少", [6.12, 7.47]), ("合起来多少", [13.59])],
    [("2013150多少", [124.01]), ("上级科目是哪个", ["20131"])],
    [("看不含上年结转的一般公共预算支出用哪张表", ["表5"]), ("该表合计多少", [550.51])],
    [("公用经费多少", [13.59]), ("在哪张表", ["表6"])],
    # 其中 opens a part of what was just asked, read in the same table, even without a comma before it
    [("一般公共预算支出合计多少其中项目支出多少", [550.51, 246.89])],
    # a whole named in a follow-up is not read in the scope of the list the subject came from
    [("上年结转项目里最大的是哪个", ["安可替代工程"]), ("它自己就占了项目支出总额的多少", [63.72])],
    # a bare 是什么 asks what the last subject means; a quoted scope word after a figure is that row itself
    [("机关运行经费多少", [13.59]), ("这是啥", ["公用经费支出"]), ("那“上年结转”呢", ["原规定用途"])],
    [("机关运行经费多少", [13.59]), ("那“上年结转”呢", [533.88])],
    # the largest asked with what it is for: the largest first
    [("去年结转下来的钱，最大头是干什么用的", ["安可替代工程", 497.52])],
    # a row's columns listed after a 下面 that only leads to it
    [("一般公共服务支出多少", [1015.19]), ("下面党委办公厅（室）及相关机构事务（款）的合计、基本支出、项目支出呢", [1014.12, 234.42, 779.70])],
    # columns asked of a figure the text states are read in the table whose total it is
    [("一般公共预算当年支出是多少", [550.51]), ("这里面基本支出和项目支出各是多少", [303.62, 246.89])],
    # a part of a stated whole is read in the table whose total that whole is; the rest is what is left of it
    [("一般公共服务支出占一般公共预算当年支出的比重", [481.31, 550.51, 87.43]), ("其余几类合计多少", [69.20, 12.57])],
    # a year said in a follow-up is no name of a figure just shown (上年 is not 上年结转)
    [("2024年收入总计、本年收入、上年结转各是多少？", [1084.38, 550.51, 533.88]), ("跟上年比少了多少？降了几个点？", [602.58, 35.72])],
    # a topic clause (X口径呢) opening a line whose next clause asks: the topic of that question
    [("收入总计比上年少了多少", [602.58]), ("支出口径呢，基本支出和项目支出各占多大比重", [28.00, 72.00])],
    # a total among parts just shown is the whole of a share, not one of its parts
    [("政府采购货物和服务分别多少", [2.00, 10.00]), ("服务类占采购总额的比重？", [83.33])],
    # a project pointed at (这个项目) is the one the sheet was read of, not an average; 是不是…最多 is its place
    [("再看绩效表，乡镇档案室标准化建设的社会效益指标写的是什么", ["丰富群众业余生活"]),
     ("这个项目多少钱？是不是本年8个项目里最多的", [90.00, "是，"])],
    # a list asked right after its money, in the order asked; its items picked and added by place
    [("今年本年预算里的项目支出一共多少？结转的先不算", [246.89]),
     ("都有哪些项目，按金额从大到小排", ["1. 乡镇档案室标准化建设"]), ("第三个呢", [37.00]),
     ("前三个加起来多少，占本年项目支出的比例呢", [187.00, 75.74])],
    # 倒数第一 points at the last of a ranking; 它 is then that one, and 这俩 the two rows under it
    [("四个功能大类按本年一般公共预算从大到小排一下", [481.31, 13.60]), ("倒数第一占比多少", [2.47]),
     ("它下面呢，再细一点", [5.83, 7.77]), ("这俩差多少", [1.94])],
    # words a name holds pick the items; a figure asked after them is what the list states
    [("项目名里带“密码”的是哪个？多少钱", ["密码设备及招商引资宣传费用", 3.08])],
    # a table the question names is what its 它 points at, after 再看 (next, not further down)
    [("一般公共服务支出下面有哪些", [1015.19]), ("再看表三合计行：基本支出加项目支出，能不能对上它的合计数？", [1084.39, 0.01])],
    # a list question naming nothing, after a list of projects, is of that list
    [("表十二本年预算的项目一共几个？合计多少万元？", [8, 246.89]), ("按金额排前两名是哪两个？", ["乡镇档案室标准化建设", 60.00]),
     ("金额不低于15万元的有几个？", ["有 5 个"])],
    [("区委办里头分了几个股室？", [5]), ("那它下面还管着哪几个单位？", ["信息化中心"])],
    [("三公经费指哪三样", ["公务接待费"]), ("他们今年有没有这个钱？", [0])],
    [("政府采购货物、工程、服务三项分别多少？加起来等不等于总额？", [2.00, 10.00, 12.00])],
    # what a project's sheet says is given with what the project tables print for it
    [("还看到有订《山西画报》的钱，花多少？", [35.89]), ("为什么要订这个？", ["宣传推介屯留", 35.89]), ("法律顾问费呢", [15.00])],
    # columns named after a table's total are read in that table; which subjects a column falls on, to the 项
    [("表5合记多少", [550.51]), ("基本 项目各多少", [303.62, 246.89])],
    [("项目那块对应哪个科目", ["2013105", 532.81])],
    # the figures just asked, counted, added against a code named: read in the table they were read in
    [("表5中2013101、2013105、2013150三个项级科目分别是多少？", [110.41, 246.89, 124.01]),
     ("三项相加是否等于20131款级数？", [481.31])],
    # a total built up turn by turn: per month, its share, then one more item added to it (not to the share)
    [("基本工资、津贴补贴、奖金三项加起来多少？", [168.27]), ("平均每月是多少", [14.02]),
     ("这三项占人员经费的比例呢", [58.02]), ("再把绩效工资算进去，合计多少", [214.54])],
    # 这个数 right after a name (and its figure typed) points at that name, not at the last one asked
    [("一般公共服务支出多少？", [1015.19]),
     ("人员经费290.03万元这个数是怎么来的，由哪几块组成？", [287.35, 2.68])],
    # the halves of 基本支出 said by their first words (人员的呢)
    [("基本支出多少", [303.62]), ("人员的呢", [290.03])],
    # a sheet's field asked after another field of one project: that project's (not the report's whole money)
    [("视频会议系统那个项目，质量指标的指标值是什么？", ["清晰"]), ("年度资金总额呢", [370000])],
    # English follow-ups: the project a ranking picked; last year's figure worked back from the change just given
    [("Which carried-over project gets the most money?", ["安可替代工程"]),
     ("What percentage of the carry-over is that one project?", [93.19])],
    [("Compared with the year before, by how much did this current-year general budget spending fall?", [1127.60]),
     ("So what would last year's figure have been?", [1678.11])],
    # 它占这一款多少 / 占所在类呢 / 它在这一款里占多大比重: the last code's share of its own 款 or 类
    [("2013105多少", [246.89]), ("它占这一款多少", [24.35]), ("占所在类呢", [24.32])],
    [("2013102多少", [532.81]), ("它在这一款里占多大比重", [52.54])],
    # a ranking's first few, then the rest of its list (剩下的呢, 其余五个加起来): those not picked out, added
    [("本年项目里最大的三个是哪些", [90.00, 60.00, 37.00]), ("这三个一共多少", [187.00]), ("剩下的呢", [59.89])],
    [("项目金额前三的是哪几个", [497.52]), ("其余12个加起来", [133.26])],
    # a figure typed as a thing pointed at (这780.77, 532.81那块): the column or row that prints it
    [("区委办2024年的项目支出预算一共是多少？", [780.77]), ("拆开看看，这780.77分在哪几个科目上？", [532.81, 246.89, 1.07]),
     ("532.81那块占项目支出的比重是多少", [68.24])],
    # the rounding asked carries to a follow-up (…保留一位小数 → X呢), and is still a follow-up with it said after
    [("一般公共预算当年支出550.51万元中，一般公共服务支出占比多少？保留一位小数", [87.4]), ("社会保障和就业支出呢", [5.8]),
     ("卫生健康的呢？也是一位小数", [2.5])],
    # the same ranking asked of the other list of projects (那上年结转的项目呢), then 它占 that list's total
    [("本年预算安排的项目里哪个钱最多？", [90.00, "乡镇档案室标准化建设"]), ("那上年结转的项目呢？", [497.52, "安可替代工程"]),
     ("它占上年结转总额多少？", [93.19])],
    # 前者/后者 of the two just asked; the smallest of a list just filtered; a count of the zeros of a list
    [("人员经费和公用经费各是多少", [290.03, 13.59]), ("前者是后者的几倍", [21.34]), ("后者是前者的百分之几", [4.69])],
    [("本年项目里超过30万的是哪几个", [90.00, 60.00, 37.00, 35.89]), ("这几个里面最小的呢", [35.89, "山西画报订阅费用"])],
    [("公用经费下面有哪些", [6.12, 7.47]), ("有几项是0", ["0 个"])],
    # 垫底的 / 排最后的: the last of a ranking
    [("本年项目里最多的是哪个", [90.00]), ("那垫底的呢？", [3.00, "并列"])],
    # a bare 差多少 just after a list of two asked for: those two; a unit or rounding asked 接下来都… holds after
    [("21011下面有哪些", [5.83, 7.77]), ("差多少", [1.94])],
    [("接下来都用元说。一般公共预算拨款收入多少？", [5505100]), ("行政单位医疗和事业单位医疗分别多少", [58300, 77700]),
     ("以后都保留一位小数", ["保留1位小数"]), ("差旅费占公用经费的比例", [45.0, 61200])],
    # another income named after a share is its own share, not a fund of the last one
    [("上年结转占收入总计的比重是多少", [49.23]), ("一般公共预算拨款收入的占比又是多少？", [50.77])],
    # one figure's share of ever larger wholes: its own 类 (所属那一类), a whole it is put in (放到X里, 几个点),
    # a whole after a clause that names nothing (再往大了看，占X呢)
    [("2013101行政运行多少", [110.41]), ("它占所属那一类的多少？", [10.88, 1015.19]),
     ("放到支出总计里，占几个点？", [10.18, 1084.38]), ("再往大了看，占基本支出的比例呢？", [36.36, 303.62])],
    # spending's two halves said by their first words right after one coded row: that row's split
    [("一般公共服务支出预算总额多少", [1015.19]), ("基本和项目分别多少", [234.42, 780.77]), ("项目比基本多出多少", [546.35])],
    # a gap asked of nothing named right after a change from last year: that change
    [("机关运行经费比上年增长多少", [5.59]), ("差额", [5.59])],
    # two things of a topic's sentence named in Cantonese (同 for 和, 係幾多 for 是多少)
    [("政府採購預算總共幾多？", [12.00]), ("貨物同服務分別係幾多？", [2.00, 10.00])],
    # English operators after a code: its children, their largest, its share of an amount typed
    [("20131 基本/项目", [234.42, 779.70]), ("children", [110.41, 532.81, 246.89, 124.01]),
     ("max", [532.81, "一般行政管理事务"]), ("% of 1084.38", [49.13])],
    # 是否超过一半 naming nothing: the part's share of the whole it was read within; 两者 the two parts asked
    [("基本支出里的公用经费预算是多少？", [13.59]), ("其中差旅费多少？是否超过一半？", [6.12, 45.03]),
     ("其他交通费用呢？", [7.47]), ("两者差多少？", [1.35])],
    # 这两个 after a ranking's first and second place: those two
    [("本年预算安排了哪些项目？", [90.00]), ("最贵的那个是哪个", [90.00]), ("排第二的呢", [60.00]),
     ("这两个加起来多少？占本年项目支出的百分之几", [150.00, 60.76])],
    # a column read in another table, against the one just given: their gap (差的那部分), and why they differ
    [("表三支出总表里基本支出、项目支出各多少？", [303.62, 780.77]),
     ("表五的项目支出只有246.89，差的那部分是多少", [533.88, "上年结转"])],
    # the list's sum set against an amount typed after it
    [("上年结转的七个项目逐项加起来是多少，和533.88对得上吗？", [533.89, 533.88])],
    # the two figures just given, checked against each other
    [("法律顾问费用的绩效目标表里，年度资金总额是多少", [150000]), ("实施期资金总额呢", [300000]),
     ("项目期才1年，这两个数对得上吗", [150000, 300000, "不一致"])],
    # a change supposed of the figure just given, then per month of the figure after it
    [("本年项目支出合计", [246.89]), ("如果压减10%，还剩多少？", [222.20, 24.69]), ("压减以后平均每个月能用多少？", [18.52])],
    # 其中上年结转的 after a split figure: its carried-over part; 当年预算安排的呢: its part of this year
    [("这个部门支出预算里项目支出有多少", [780.77]), ("其中上年结转的是多少", [533.88, "项目"]), ("当年预算安排的呢", [246.89])],
    # a sum of items, then set against the printed subtotal
    [("表六工资福利支出下面九个明细加起来多少", [287.34]), ("跟表上印的小计对得上吗", [287.34, 287.35])],
    # the largest of a list set aside: its other items added
    [("本年项目有哪些", [90.00]), ("去掉最大的那个，剩下的合计多少", [156.89, "乡镇档案室标准化建设"])],
    # 这里面再不算X呢 / Y也扣掉的话 after a whole less what was set aside: the same whole, less each in turn
    [("基本支出里不含公用经费，人员经费是多少？", [290.03]), ("这里面再不算社保缴费和住房公积金呢？", [219.25]),
     ("退休费也扣掉的话还剩多少？", [216.57])],
    # stepping through a ranking one place at a time, then the places after it
    [("本年预算安排的项目，按金额从高到低排，第一个是什么？", ["乡镇档案室标准化建设", 90.00]),
     ("下一个呢", ["2024年办公室日常工作经费", 60.00]), ("再往下呢", [37.00]), ("还有吗", [35.89, 15.00, 59.89])],
    # X呢 after a breakdown of a name of its kind: X broken down; after its parts checked: X's parts checked
    [("人员经费的明细", [287.35, 2.68]), ("公用经费呢", [6.12, 7.47])],
    [("工资福利支出下面那些明细加起来对得上吗", [287.34, 287.35]), ("公用经费呢", [13.59, 6.12, 7.47])],
    # a change supposed after a stated rate was checked: of the subject's own figure, not the year before's
    [("机关运行经费预算是多少？", [13.59]), ("报告说增长0.69%，这个增幅对得上吗？", [69.88]), ("要是再压缩10%是多少？", [12.23])],
    # a figure doubled, supposed; names holding a word within the list just shown
    [("机关运行经费多少", [13.59]), ("要是翻一番呢？", [27.18])],
    [("本年预算安排的项目有哪些", [90.00]), ("其中名字带“经费”的呢", [60.00, "有 4 个"])],
    # a rough size asked of nothing after another subject: of the report's things, not the last subject's
    [("公务用车实有几辆", [1]), ("二十三万多的那个是什么", ["住房公积金", 23.83])],
    # an amount typed taken off the figure just given; a rise supposed after a change: of the figure, not the change
    [("机关运行经费多少", [13.59]), ("减掉5万还剩多少", [8.59])],
    [("机关运行经费比上年增加多少", [5.59]), ("要是翻一番呢？", [27.18])],
]


@pytest.mark.parametrize("turns", DIALOGUES, ids=[d[0][0] for d in DIALOGUES])
def test_a_dialogue_keeps_its_subject(conn, turns):
    session = Session()
    for question, expected in turns:
        answer = ask(conn, question, session)
        assert answer.matched, (question, answer.text)
        for item in expected:
            if isinstance(item, str):
                assert item in answer.text, (question, item, answer.text)
            else:
                assert has_number(answer, item), (question, item, answer.text)


def test_one_thing_read_twice_is_not_added_to_itself(conn):
    # a project's row (60.00) and its sheet's figure name the same money: never 60 + 60
    answer = ask(conn, "请列示办公室日常工作相关经费，本年安排与上年结转各多少、合计多少。", Session())
    assert has_number(answer, 60.00) and not has_number(answer, 120.00), answer.text


def test_several_questions_on_one_line_get_one_card(conn):
    answer = ask(conn, "机关运行经费多少，比2023年增加多少？原因是什么", Session())
    assert has_number(answer, 13.59) and has_number(answer, 5.59) and "人员增加" in answer.text


# Questions still answered wrongly, per set, so that a fix or a new failure shows. The same list
# holds asked alone and asked one after another in one shuffled conversation.
KNOWN_GAPS = {
    "corpus_dialogues_p4.jsonl": ["P4-012", "P4-014", "P4-017", "P4-023", "P4-025", "P4-029", "P4-030", "P4-050", "P4-054", "P4-055", "P4-059", "P4-063", "P4-066", "P4-069", "P4-070", "P4-078", "P4-079", "P4-085"],
    "corpus_mix_o4.jsonl": ["O4-011", "O4-018", "O4-019", "O4-028", "O4-034", "O4-036", "O4-044", "O4-053", "O4-059", "O4-070", "O4-075"],
    "personas_n4.jsonl": ["N4-009", "N4-042", "N4-057", "N4-062", "N4-085"],
    "paraphrases.jsonl": [], "heldout_b.jsonl": [], "heldout_c.jsonl": [], "heldout_d.jsonl": [],
    "heldout_e.jsonl": ["E048"], "heldout_f.jsonl": [], "heldout_g.jsonl": ["G022"],
    "heldout_h.jsonl": [], "heldout_i.jsonl": [], "heldout_j.jsonl": [], "heldout_k.jsonl": [],
    "shapes_s1.jsonl": ["S1-064"],
    # sets written later by helpers who never saw the code (the exam sets of one piece of work, then
    # made development sets); the corpus ones load the report each line names
    "review_d1.jsonl": ["D1-003"],
    "dialogues_d2.jsonl": ["D2-012", "D2-017", "D2-103", "D2-115", "D2-130"],
    "corpus_d3.jsonl": ["D3-010", "D3-047", "D3-081", "D3-093", "D3-105"],
    "inspector_x1.jsonl": ["X1-044", "X1-128"],
    "voice_x2.jsonl": ["X2-031", "X2-033", "X2-037", "X2-048",
        "X2-122"],
    "analyst_x4.jsonl": ["X4-013", "X4-030", "X4-083"],
    "dialogues_x3.jsonl": ["X3-061", "X3-069", "X3-071", "X3-113", "X3-115", "X3-116"],
    "corpus_c6.jsonl": ["C6-062", "C6-092", "C6-095", "C6-097", "C6-102", "C6-107"],
    # written by helpers who never saw the code (2026-12-04), scored untuned first: z1 65.3 %, z2 42.9 %
    "personas_z1.jsonl": ["Z1-020", "Z1-085",
        "Z1-088", "Z1-091", "Z1-093", "Z1-094", "Z1-101", "Z1-115", "Z1-121"],
    "corpus_z2.jsonl": ["Z2-006", "Z2-007", "Z2-016", "Z2-017", "Z2-027",
        "Z2-038", "Z2-042", "Z2-044", "Z2-045", "Z2-047",
        "Z2-049", "Z2-051", "Z2-054", "Z2-073",
        "Z2-074", "Z2-077", "Z2-081", "Z2-084", "Z2-087", "Z2-116"],
    # conversations only, written the same way; untuned first score 70.6 %
    "dialogues_z3.jsonl": ["Z3-007", "Z3-008", "Z3-021", "Z3-022", "Z3-041", "Z3-043", "Z3-056", "Z3-089", "Z3-093"],
    # written by helpers who never saw the code (2026-12-04, second round), scored untuned first:
    # z4 (conversations) 71.9 %, z5 (corpus) 55.6 % alone, 56.5 % in one session
    "dialogues_z4.jsonl": ["Z4-024", "Z4-030", "Z4-033", "Z4-041",
        "Z4-042", "Z4-050", "Z4-051", "Z4-089", "Z4-108", "Z4-114", "Z4-115"],
    "corpus_z5.jsonl": ["Z5-020",
        "Z5-025", "Z5-038", "Z5-051", "Z5-060", "Z5-078", "Z5-086", "Z5-094", "Z5-099", "Z5-115", "Z5-122"],
    # conversations over the corpus reports, written the same way; untuned first score 50.8 %
    "dialogues_z6.jsonl": ["Z6-004", "Z6-005", "Z6-007", "Z6-008", "Z6-030", "Z6-051",
        "Z6-055", "Z6-059", "Z6-071", "Z6-072", "Z6-073", "Z6-077", "Z6-079", "Z6-097", "Z6-099", "Z6-116"],
    # written by helpers who never saw the code (2026-12-04, third round), scored untuned first:
    # z7 (bundled report, five new personas, 10 conversations) 73.3 %, z8 (twelve corpus files) 63.5 %
    "personas_z7.jsonl": ["Z7-014", "Z7-017"],
    "corpus_z8.jsonl": ["Z8-003", "Z8-009", "Z8-021", "Z8-023",
        "Z8-035", "Z8-044", "Z8-060", "Z8-062", "Z8-064", "Z8-086", "Z8-091", "Z8-096"],
    # written by helpers who never saw the code (2026-12-04), kept unread as exams, then read: z9 (22
    # conversations on the bundled report) 75.0 % untuned, z10 (five more personas) 81.1 %, z11 (纪委, 乡镇书记,
    # retired teacher, analyst shorthand, 公文 style) 72.2 %
    "dialogues_z9.jsonl": ["Z9-028", "Z9-033", "Z9-060", "Z9-080"],
    "personas_z10.jsonl": ["Z10-006", "Z10-028", "Z10-049", "Z10-054"],
    "personas_z11.jsonl": ["Z11-010", "Z11-024", "Z11-033", "Z11-060", "Z11-061", "Z11-062", "Z11-063",
        "Z11-064", "Z11-065", "Z11-071", "Z11-075", "Z11-077", "Z11-078", "Z11-079", "Z11-080", "Z11-085", "Z11-088"],
    # written by helpers who never saw the code (2026-12-04, fifth session), scored untuned first: d9 (18
    # conversations on the bundled report) 66.7 %, c1 (six corpus reports) 62.0 %, e2 (five more personas) 80.0 % alone /
    # 77.8 % in one session, f2 (six corpus reports with the blank template) 60.0 %; a1 (bundled, 政协/CPA/党校/voice
    # input/融媒体) 87.8 % / 86.7 % and b1 (corpus conversations) 64.4 % were that session's exam, read at its end
    "dialogues_d9.jsonl": ["D9-019", "D9-033", "D9-042", "D9-047", "D9-050", "D9-059",
        "D9-066", "D9-073", "D9-083", "D9-084"],
    "corpus_c1.jsonl": ["C1-002", "C1-020", "C1-027", "C1-028", "C1-053", "C1-058", "C1-072", "C1-075", "C1-078",
        "C1-094", "C1-095"],
    "personas_e2.jsonl": ["E2-009", "E2-056", "E2-076", "E2-078", "E2-083"],
    "corpus_f2.jsonl": ["F2-007", "F2-015", "F2-016", "F2-025", "F2-035", "F2-041", "F2-051", "F2-052", "F2-079"],
    "personas_a1.jsonl": ["A1-028", "A1-042", "A1-050", "A1-079"],
    "corpus_dialogues_b1.jsonl": ["B1-004", "B1-005", "B1-006", "B1-036", "B1-037", "B1-045", "B1-050", "B1-058", "B1-060", "B1-062", "B1-063", "B1-069"],
    # written by helpers who never saw the code (2026-12-04, sixth session). Exam sets, scored untuned at the
    # start and the end of the work, then read: p1 (bundled) 74.4 % -> 75.6 %, p2 (corpus conversations)
    # 67.8 % -> 68.9 %, cm (corpus and bundled mix) 84.4 % -> 84.4 %. Development sets, untuned first score:
    # g1 75.0 %, h1 73.8 %, i1 77.5 %, j1 67.5 % (all the same alone and in one session).
    "dialogues_g1.jsonl": ["G1-010", "G1-030"],
    "corpus_h1.jsonl": ["H1-004", "H1-032", "H1-039", "H1-040", "H1-080"],
    "personas_i1.jsonl": ["I1-012", "I1-023"],
    "corpus_dialogues_j1.jsonl": ["J1-012", "J1-016", "J1-021", "J1-028",
        "J1-075"],
    "personas_p1.jsonl": ["P1-023", "P1-025", "P1-032", "P1-034", "P1-035", "P1-036", "P1-062",
        "P1-076", "P1-088"],
    "corpus_dialogues_p2.jsonl": ["P2-003", "P2-006", "P2-007", "P2-016", "P2-020", "P2-025", "P2-044", "P2-047",
        "P2-052", "P2-066", "P2-067", "P2-068", "P2-078"],
    "corpus_mix_cm.jsonl": ["CM-005", "CM-070", "CM-071", "CM-072", "CM-088"],
    "corpus_o1.jsonl": ["O1-012", "O1-026", "O1-030", "O1-037",
        "O1-049", "O1-052", "O1-054", "O1-056", "O1-062", "O1-071"],
    "corpus_w1.jsonl": ["W1-003", "W1-008", "W1-009", "W1-010", "W1-011", "W1-012", "W1-013", "W1-015", "W1-025", "W1-027", "W1-028", "W1-043", "W1-045", "W1-060",
        "W1-063", "W1-072", "W1-073", "W1-075"],
    "dialogues_v1.jsonl": ["V1-012", "V1-022", "V1-023", "V1-039", "V1-041", "V1-066", "V1-079"],
    "personas_y1.jsonl": ["Y1-008", "Y1-017", "Y1-024", "Y1-064",
        "Y1-080"],
    "corpus_dialogues_t1.jsonl": ["T1-010", "T1-012", "T1-013", "T1-033", "T1-034", "T1-035", "T1-049", "T1-050", "T1-053", "T1-058",
        "T1-068", "T1-084", "T1-087", "T1-088"],
    "corpus_mix_u1.jsonl": ["U1-003", "U1-015", "U1-017", "U1-018", "U1-021", "U1-027", "U1-036", "U1-047", "U1-053", "U1-054",
        "U1-056", "U1-058", "U1-059", "U1-067", "U1-077"],
    "personas_r1.jsonl": ["R1-012", "R1-034", "R1-038", "R1-047", "R1-048", "R1-073", "R1-089"],
    "personas_k2.jsonl": ["K2-009", "K2-019", "K2-028", "K2-035", "K2-039", "K2-071", "K2-075", "K2-076", "K2-080"],
    "corpus_dialogues_l2.jsonl": ["L2-012", "L2-026", "L2-037", "L2-045", "L2-058", "L2-084"],
    "corpus_mix_m2.jsonl": ["M2-004", "M2-012", "M2-029", "M2-030", "M2-045", "M2-085", "M2-089"],
    "personas_n2.jsonl": ["N2-029", "N2-035", "N2-036", "N2-051", "N2-052", "N2-062", "N2-068", "N2-071"],
    "corpus_q2.jsonl": ["Q2-010", "Q2-015", "Q2-018", "Q2-021", "Q2-023", "Q2-026",
        "Q2-032", "Q2-035", "Q2-042", "Q2-046", "Q2-055", "Q2-071"],
    # sets of 2026-12-05, written by helpers who never saw the code: development sets (personas_v2, corpus_w2,
    # personas_xa, corpus_y2) and that session's exam sets (personas_a4, corpus_dialogues_b4, corpus_mix_c4)
    "personas_v2.jsonl": ["V2-045", "V2-078"],
    "corpus_w2.jsonl": ["W2-012", "W2-021", "W2-041", "W2-043",
        "W2-062", "W2-069"],
    "personas_xa.jsonl": ["XA-002", "XA-003", "XA-016", "XA-020", "XA-027", "XA-047",
        "XA-053", "XA-057"],
    "corpus_y2.jsonl": ["Y2-016", "Y2-028", "Y2-030", "Y2-032", "Y2-036", "Y2-041", "Y2-072", "Y2-073", "Y2-074",
        "Y2-079", "Y2-080"],
    "personas_a4.jsonl": ["A4-007", "A4-022", "A4-040", "A4-041", "A4-051"],
    "corpus_dialogues_b4.jsonl": ["B4-008", "B4-019", "B4-042", "B4-046", "B4-052", "B4-053", "B4-070", "B4-083",
        "B4-090"],
    "corpus_mix_c4.jsonl": ["C4-004", "C4-034", "C4-047", "C4-052", "C4-058", "C4-074", "C4-086", "C4-088"],
    # sets of the next session, written by helpers who never saw the code: its exam sets (personas_a5,
    # corpus_dialogues_b5, corpus_mix_c5, scored untuned at its start and end) and development sets (personas_d5,
    # corpus_e5, personas_f5, corpus_g5)
    "personas_a5.jsonl": ["A5-005", "A5-006", "A5-012", "A5-018", "A5-023", "A5-025", "A5-026", "A5-048", "A5-049",
        "A5-058", "A5-060", "A5-061", "A5-065", "A5-078", "A5-088"],
    "corpus_dialogues_b5.jsonl": ["B5-004", "B5-010", "B5-021", "B5-022", "B5-025", "B5-036", "B5-039", "B5-070",
        "B5-071", "B5-075", "B5-076", "B5-077", "B5-080", "B5-088", "B5-089"],
    "corpus_mix_c5.jsonl": ["C5-033", "C5-038", "C5-043", "C5-061", "C5-066", "C5-068", "C5-069", "C5-076",
        "C5-081", "C5-085"],
    "personas_d5.jsonl": ["D5-019", "D5-023", "D5-024", "D5-025", "D5-029", "D5-033"],
    "corpus_e5.jsonl": ["E5-012", "E5-016", "E5-024", "E5-025", "E5-026", "E5-035", "E5-041", "E5-044", "E5-059", "E5-062", "E5-069", "E5-072", "E5-075", "E5-080"],
    "personas_f5.jsonl": ["F5-008", "F5-015", "F5-016", "F5-033", "F5-038", "F5-039", "F5-047", "F5-048", "F5-052",
        "F5-055", "F5-065", "F5-072"],
    "corpus_g5.jsonl": ["G5-001", "G5-004", "G5-022", "G5-025", "G5-031", "G5-036", "G5-043",
        "G5-062", "G5-072"],
    # sets of the session after it: exam sets (personas_a6, corpus_dialogues_b6, corpus_mix_m6, scored untuned at its
    # start and end; the last written with C6 ids, renamed M6 beside corpus_c6) and development sets (personas_d6,
    # corpus_e6, corpus_f6, corpus_mix_g6)
    "personas_a6.jsonl": ["A6-020", "A6-029", "A6-053", "A6-069", "A6-085"],
    "corpus_dialogues_b6.jsonl": ["B6-004", "B6-008", "B6-021", "B6-032", "B6-050", "B6-054", "B6-055", "B6-061", "B6-070", "B6-081", "B6-082", "B6-087", "B6-090"],
    "corpus_mix_m6.jsonl": ["M6-005", "M6-007", "M6-041", "M6-050", "M6-064", "M6-065", "M6-070", "M6-082", "M6-087", "M6-089"],
    "personas_d6.jsonl": ["D6-050", "D6-072", "D6-077"],
    "corpus_e6.jsonl": ["E6-004", "E6-012", "E6-019", "E6-044"],
    "corpus_f6.jsonl": ["F6-005", "F6-016", "F6-017", "F6-018", "F6-020", "F6-022", "F6-027", "F6-050",
        "F6-056", "F6-057", "F6-059", "F6-070", "F6-075", "F6-077", "F6-079"],
    "corpus_mix_g6.jsonl": ["G6-009", "G6-043", "G6-044", "G6-057", "G6-062", "G6-076", "G6-078"],
    # development sets of the session after it, written by helpers who never saw the code: personas_h6 (the
    # bundled report; a new office head, a 人大 staffer quoting the text, an auditor, an elderly member typing
    # traditional characters, a chatbot tester typing fragments, a statistics graduate) and corpus_i6 (ten
    # corpus files; a community worker, a reviewer comparing budget and outturn, a PhD student, a lawyer, an
    # English-speaking analyst, a terse 预算科 veteran)
    "personas_h6.jsonl": ["H6-028", "H6-033", "H6-034", "H6-043", "H6-078"],
    "corpus_i6.jsonl": ["I6-009", "I6-027", "I6-032", "I6-037",
        "I6-040", "I6-044", "I6-059", "I6-060", "I6-069", "I6-079", "I6-080"],
    # exam sets of the session after it (scored untuned at its start and end, then joined): personas_a7 (the bundled
    # report; a 巡察组 investigator, a 国库支付 clerk typing codes, a 党校 lecturer, a new-media editor, a citizen with
    # homophone typos, an intern mixing English), corpus_dialogues_b7 (ten corpus files, all in dialogues, some
    # switching reports; a 人大代表, 高校财务处 staff, an NGO director, an audit trainee, a retired accountant, a
    # graduate student) and corpus_mix_c7 (the bundled report and eleven corpus files; a 一体化系统 implementer, a
    # 绩效 analyst, a financial journalist, a village teacher, an archivist, a 纪委 case officer)
    "personas_a7.jsonl": ["A7-014", "A7-018", "A7-031", "A7-034", "A7-042",
        "A7-045", "A7-069", "A7-071", "A7-075", "A7-087"],
    "corpus_dialogues_b7.jsonl": ["B7-007", "B7-008", "B7-015", "B7-017", "B7-019", "B7-023",
        "B7-024", "B7-025", "B7-026", "B7-028", "B7-033", "B7-047", "B7-048", "B7-049", "B7-054", "B7-065",
        "B7-076", "B7-078", "B7-079", "B7-086"],
    "corpus_mix_c7.jsonl": ["C7-038", "C7-049", "C7-057", "C7-059", "C7-066", "C7-070", "C7-074", "C7-085"],
    # exam sets of this session (scored untuned at its start and end, then joined): personas_d7 (the bundled
    # report; a new deputy office head briefing the secretary, a 人大预算工委 reviewer checking consistency, a
    # bookkeeper naming economic codes, a high-school student, a media fact-checker testing rumours, a voice-input
    # dictation without punctuation), corpus_dialogues_e7 (ten corpus files, all in dialogues, five switching
    # reports; a staff representative, a street resident, a 预算科 clerk comparing budget and outturn, a
    # consultant comparing departments, an English-writing researcher, a data analyst) and corpus_mix_f7 (the
    # bundled report and eleven corpus files; a 政协委员, an auditor, an information-disclosure officer, a civil
    # servant typing fragments, a retired cadre in traditional characters, a teacher setting computations)
    "personas_d7.jsonl": ["D7-008", "D7-019", "D7-039", "D7-074"],
    "corpus_dialogues_e7.jsonl": ["E7-002", "E7-004", "E7-005", "E7-007", "E7-011",
        "E7-023", "E7-024", "E7-045", "E7-048", "E7-053", "E7-060", "E7-061", "E7-064", "E7-065", "E7-068", "E7-069",
        "E7-070", "E7-072", "E7-078", "E7-080", "E7-081", "E7-089"],
    "corpus_mix_f7.jsonl": ["F7-012", "F7-028", "F7-035", "F7-039", "F7-041", "F7-050", "F7-055", "F7-063", "F7-070", "F7-076", "F7-079", "F7-086", "F7-088"],
    # development sets of this session, written by helpers who never saw the code: corpus_dialogues_j6 (ten corpus
    # files, all in dialogues; an auditor walking the tables, 科研处 staff, a 社区书记, a budget analyst comparing
    # outturn with budget, a bilingual student, a data reporter) and corpus_mix_k6 (the bundled report and ten corpus
    # files; a 人大代表 asking several things at once, an accounting student, a retired teacher with typos, a secretary
    # citing tables and rows, a 巡视组 member, a policy researcher)
    "corpus_dialogues_j6.jsonl": ["J6-008", "J6-029", "J6-030", "J6-037", "J6-038", "J6-039",
        "J6-044", "J6-053", "J6-060"],
    "corpus_mix_k6.jsonl": ["K6-028", "K6-035", "K6-036", "K6-038", "K6-044", "K6-050", "K6-057",
        "K6-061", "K6-079"],
    # development sets of the fifteenth session, written by helpers who never saw the code: corpus_dialogues_l7
    # (ten corpus files, all in dialogues; a 人大财经委 drafter comparing outturn with budget item by item, a 社区
    # 书记, university logistics staff, an audit intern citing tables and rows, a blogger wanting catchy comparisons,
    # a reader checking their own sums against the report's) and corpus_mix_m7 (the bundled report and eleven
    # corpus files; a 党校 teacher, an accounting student mapping items to classes, a terse 财政局长, a fast typist
    # picking wrong pinyin candidates, a 公众号 editor asking for one-line summaries, 人事科 staff)
    "corpus_dialogues_l7.jsonl": ["L7-010", "L7-015", "L7-016", "L7-044", "L7-055", "L7-072", "L7-073", "L7-076"],
    "corpus_mix_m7.jsonl": ["M7-053", "M7-067", "M7-080"],
    # and personas_n7 (the bundled report; an office director before a budget-execution meeting, a 12345 caller, a
    # data-journalism student, a party elder writing in 公文 style, amounts in capital numerals and 千元, an auditor
    # matching one project across tables) and corpus_mix_o7 (ten corpus files; a 街道 clerk against last year's
    # 执行数, a university finance clerk comparing two 决算, a list-wanter, a foreign student, a deputy asking why,
    # a statistician)
    "personas_n7.jsonl": ["N7-005", "N7-021", "N7-030", "N7-031", "N7-059", "N7-060", "N7-062"],
    "corpus_mix_o7.jsonl": ["O7-007", "O7-008", "O7-014", "O7-015", "O7-016", "O7-021", "O7-023", "O7-028",
        "O7-039", "O7-043", "O7-048", "O7-051", "O7-053", "O7-064", "O7-065", "O7-066",
        "O7-067", "O7-070", "O7-073", "O7-078"],
    # exam sets of the fifteenth session, scored untuned at its start and end (unread till then), then joined:
    # personas_g7 (the bundled report; a 纪检组 cadre, a new cashier with typos, a 乡镇 clerk copying the layout, a
    # retired teacher, a developer wanting 元 and sorted counts, a staffer in shorthand), corpus_dialogues_h7 (ten
    # corpus files in dialogues; a Shanghainese-flavoured local, a thesis student, a 人大代表 reviewing 决算, a lawyer,
    # a journalist, pinyin initials) and corpus_mix_i7 (the bundled report and eleven corpus files; a 巡视组 member, a
    # quiz-writing trainer, a statistics clerk, an elderly resident, a bilingual staffer, an auditor)
    "personas_g7.jsonl": ["G7-004", "G7-007", "G7-022",
        "G7-044", "G7-050", "G7-076", "G7-078"],
    "corpus_dialogues_h7.jsonl": ["H7-027", "H7-046", "H7-052", "H7-087"],
    "corpus_mix_i7.jsonl": ["I7-011", "I7-029", "I7-034", "I7-038", "I7-040", "I7-052", "I7-055", "I7-057", "I7-063",
        "I7-067", "I7-069", "I7-072", "I7-073", "I7-078"],
    # development sets of the sixteenth session (helpers who never saw the code; first score untuned): corpus_mix_s7
    # (the bundled report and eleven corpus files; a university 财务处长, an English-only analyst, a 人大 staffer asking
    # why, full pinyin, a clerk on 机关运行经费/采购/资产, a reader of code hierarchy), personas_t7 (the bundled report; a
    # new 办公室主任, a 绩效 reviewer, a spreadsheet user, a 纪检 cadre, a typo-prone typist, a 财政局 reviewer),
    # corpus_dialogues_u7 (eleven corpus files in dialogues; an audit intern copying row labels, a 预算科长, an HR officer,
    # a parent comparing years, elliptic chains, a where-from asker) and personas_v7 (the bundled report; a pupil, voice-
    # assistant commands, several questions on one line, a 纪委 cadre, everyday proportions, misremembered figures)
    "corpus_mix_s7.jsonl": ["S7-033", "S7-054", "S7-056", "S7-063"],
    "personas_t7.jsonl": ["T7-021", "T7-034", "T7-035", "T7-060", "T7-068", "T7-069", "T7-070", "T7-076"],
    "corpus_dialogues_u7.jsonl": ["U7-007", "U7-014", "U7-016", "U7-029", "U7-044", "U7-045",
        "U7-048", "U7-050", "U7-055", "U7-068", "U7-071", "U7-078"],
    "personas_v7.jsonl": ["V7-020", "V7-032", "V7-035", "V7-039", "V7-067"],
    # exam sets of the sixteenth session, scored untuned at its start and end (unread till then), then joined:
    # personas_p7 (the bundled report; a Hong Kong visitor in Cantonese, a 东北 cadre, a 政协委员, a pupil doing
    # homework, an accountant in bookkeeping terms, thresholds in Chinese numerals), corpus_dialogues_q7 (eleven corpus
    # files in dialogues; a 重庆 local, a 财政局 analyst comparing bureaus, a professor, a procurement officer, a data
    # engineer asking about the tables, a 绩效 evaluator) and corpus_mix_r7 (the bundled report and eleven corpus files;
    # keyword searchers, voice input with homophones, an auditor of sums, a fact-checker, 亿元 and rounding, zeros)
    "personas_p7.jsonl": ["P7-012", "P7-013", "P7-014", "P7-025", "P7-036", "P7-038", "P7-057", "P7-058",
        "P7-072", "P7-077", "P7-084"],
    "corpus_dialogues_q7.jsonl": ["Q7-007", "Q7-011", "Q7-018",
        "Q7-020", "Q7-035", "Q7-044", "Q7-045", "Q7-051", "Q7-061", "Q7-063", "Q7-065", "Q7-068", "Q7-082", "Q7-084", "Q7-088"],
    "corpus_mix_r7.jsonl": ["R7-011", "R7-014", "R7-033", "R7-034", "R7-046", "R7-047", "R7-050", "R7-070", "R7-073", "R7-080", "R7-086"],
    # exam sets of the seventeenth session, scored untuned at its start and end (unread till then), then joined:
    # personas_a8 (the bundled report; a retired cadre's long polite questions, a journalist's headline figures, a phone
    # user's fragments with full-width digits, an auditor's ratios, wrong premises to correct, terms and the report
    # itself), corpus_dialogues_b8 (eleven corpus files in dialogues; Shanghainese, a 人大代表 on budget against
    # outturn, a student on income, an asset officer, a comparer of two reports, blank tables and zeros) and
    # corpus_mix_c8 (the bundled report and eleven corpus files; a 统计局 analyst, English mixed in, Taiwanese
    # traditional characters, codes and their parents, several asks on a line, which of two is larger)
    "personas_a8.jsonl": ["A8-013", "A8-034", "A8-041", "A8-044",
        "A8-083", "A8-088"],
    "corpus_dialogues_b8.jsonl": ["B8-001", "B8-002", "B8-003", "B8-004", "B8-006", "B8-007", "B8-010",
        "B8-020", "B8-025", "B8-028", "B8-064", "B8-077", "B8-078"],
    "corpus_mix_c8.jsonl": ["C8-026", "C8-034", "C8-042", "C8-045", "C8-048", "C8-053", "C8-088"],
    # development sets of the seventeenth session (first scores untuned): corpus_mix_d8 (河南/山东话, a lawyer on the
    # text, filters and counts, 政府性基金 and 国有资本经营, pasted rows, units), personas_e8 (briefings, 绩效, 上年结转,
    # plain questions, sums of far-apart items, out of scope), corpus_dialogues_f8 (四川话, a 街道 officer, years of one
    # body, 绩效, the tables, 三公 across reports) and personas_g8 (fillers and self-corrections, rankings from the
    # bottom, row counts and averages, party work, rough sizes, reasons)
    "corpus_mix_d8.jsonl": ["D8-010", "D8-011", "D8-023", "D8-032", "D8-038", "D8-040", "D8-041", "D8-046",
        "D8-048", "D8-055", "D8-062", "D8-066", "D8-072", "D8-077"],
    "personas_e8.jsonl": ["E8-003", "E8-010", "E8-012", "E8-026", "E8-037"],
    "corpus_dialogues_f8.jsonl": ["F8-011", "F8-014", "F8-015", "F8-022", "F8-026", "F8-036", "F8-040",
        "F8-041", "F8-042", "F8-044", "F8-049", "F8-051", "F8-056", "F8-067", "F8-078"],
    "personas_g8.jsonl": ["G8-014", "G8-040", "G8-055"],
    # the eighteenth session's sets (helpers who never saw the code; first scores untuned at b24dc52): exam sets
    # personas_h8 (纪检监察, voice input with homophones, English questions, table positions, negation and exclusion,
    # per-unit figures), corpus_mix_i8 (yes/no needing a figure, tables by number, 预算 vs 决算, unit conversion, a
    # 街道 resident, figures printed twice) and corpus_dialogues_j8 (terse follow-ups, self-corrections, pronouns,
    # one item across reports, shares and changes of what was shown, what the text says); development sets
    # personas_k8 (公文 wording, mistyped characters, a teacher, multi-step arithmetic, 离退休, everyday extremes),
    # corpus_mix_l8 (totals against parts, 经济分类 names, compound questions, lists with conditions, the document
    # itself, refusals) and corpus_dialogues_m8 (东北话, 粤语, drilling down a hierarchy, last year and the 决算,
    # headlines, two items compared)
    "personas_h8.jsonl": ["H8-017", "H8-018", "H8-020", "H8-021",
        "H8-028", "H8-035", "H8-078", "H8-079"],
    "corpus_mix_i8.jsonl": ["I8-007", "I8-025", "I8-026", "I8-039", "I8-053"],
    "corpus_dialogues_j8.jsonl": ["J8-067",
        "J8-083"],
    "personas_k8.jsonl": ["K8-005", "K8-010", "K8-016", "K8-047", "K8-061"],
    "corpus_mix_l8.jsonl": ["L8-026", "L8-066", "L8-077"],
    "corpus_dialogues_m8.jsonl": ["M8-017", "M8-024", "M8-037", "M8-047", "M8-071"],
    # the second piece of work of the eighteenth session (first scores untuned at 9377a26): exam sets personas_n8
    # (an audit trainee on how figures are made up, 百分点, numbers typed oddly, trade shorthand, pick from a list,
    # wrong premises), corpus_mix_o8 (a 区 official comparing a 街道 with a 局, 决算 completion, performance sheets,
    # mixed units, a data engineer on tables, long preambles) and corpus_dialogues_p8 (three reports in one
    # conversation, one slot changed at a time, corrections, one body over years, rankings then details, the text
    # behind a figure); development sets personas_q8 (chat-app writing, traditional characters, performance
    # indicators, thresholds in words, ties and zeros, tempting unanswerables) and corpus_mix_r8 (司法局 in 元 and 万元,
    # the 交委 narrative, the blank template, text against tables, 教育支出 codes, wrapped item names)
    "personas_n8.jsonl": ["N8-002", "N8-014",
        "N8-015", "N8-055", "N8-064", "N8-068", "N8-077", "N8-082"],
    "corpus_mix_o8.jsonl": ["O8-016", "O8-023", "O8-029", "O8-036", "O8-040", "O8-045", "O8-055", "O8-064", "O8-083", "O8-086"],
    "corpus_dialogues_p8.jsonl": ["P8-013", "P8-017", "P8-025", "P8-026", "P8-034",
        "P8-035", "P8-040", "P8-042", "P8-045", "P8-052", "P8-053", "P8-057", "P8-060"],
    "personas_q8.jsonl": ["Q8-020", "Q8-023", "Q8-031", "Q8-042",
        "Q8-043", "Q8-052", "Q8-055", "Q8-059", "Q8-075", "Q8-078"],
    "corpus_mix_r8.jsonl": ["R8-006", "R8-007", "R8-028", "R8-041", "R8-043", "R8-068", "R8-074"],
    # the first piece of work of the nineteenth session (first scores untuned at ab17562): exam sets personas_s8
    # (a 财务科长 in classification terms, multi-step arithmetic, two or three asks in one sentence, yes/no existence,
    # code-mixed pinyin initials and English, order and extremes), corpus_mix_t8 (two 普陀 决算 compared, what the
    # narrative says, which table and unit, 西南大学 income over years, 2-6 character fragments, a skeptic of the
    # arithmetic) and corpus_dialogues_u8 (drilling down, one measure switched a turn, another unit, bare report
    # switches, 前者/后者/剩下的, two items then their sum, gap and share); development sets personas_v8 (a slide
    # clerk rounding and converting, ratios, what remains after excluding, ordered lists, dialect, the report itself)
    # and corpus_mix_w8 (西南大学 2023 vs 2024 决算, 石泉路 2026, 财政局 by function codes, the blank template,
    # 预算执行率, the 交委 narrative)
    "personas_s8.jsonl": ["S8-021", "S8-025", "S8-029", "S8-031", "S8-032", "S8-033", "S8-042",
        "S8-044", "S8-055", "S8-064", "S8-084"],
    "corpus_mix_t8.jsonl": ["T8-002", "T8-028", "T8-034", "T8-040", "T8-051", "T8-055", "T8-056"],
    "corpus_dialogues_u8.jsonl": ["U8-030", "U8-031", "U8-042", "U8-046",
        "U8-058", "U8-060", "U8-061", "U8-070", "U8-082"],
    "personas_v8.jsonl": ["V8-029", "V8-037", "V8-039", "V8-055", "V8-080"],
    "corpus_mix_w8.jsonl": ["W8-017", "W8-048", "W8-066", "W8-072"],
    # the second piece of work of the nineteenth session (first scores untuned at 91a86ae): exam sets personas_x8
    # (a 县 reviewer checking tables against their rows, approximate figures to correct, partial codes, structure and
    # group shares, real asks mixed with unanswerables, formal official language), corpus_mix_y8 (社会工作部 决算,
    # the two 上海 2026 budgets compared, 西南大学 2021 vs 2024 income structure, 财政局 决算, English, counting) and
    # corpus_dialogues_c9 (figure -> parts -> share -> reason, one question over several reports, narrowing step by
    # step, top few then the rest, arithmetic across turns, a unit or rounding set in the first turn)
    "personas_x8.jsonl": ["X8-030", "X8-031", "X8-034", "X8-041", "X8-050", "X8-060",
        "X8-068", "X8-080"],
    "corpus_mix_y8.jsonl": ["Y8-042", "Y8-043", "Y8-046", "Y8-061", "Y8-073", "Y8-090"],
    "corpus_dialogues_c9.jsonl": ["C9-030", "C9-033", "C9-035",
        "C9-058", "C9-063",
        "C9-072", "C9-078", "C9-079", "C9-081", "C9-085", "C9-086"],
    "personas_e9.jsonl": ["E9-038", "E9-043", "E9-053", "E9-063"],
    "corpus_mix_f9.jsonl": ["F9-005", "F9-013", "F9-016", "F9-047", "F9-087"],
    "corpus_dialogues_g9.jsonl": ["G9-033", "G9-050", "G9-062", "G9-063", "G9-081", "G9-087"],
    "personas_h9.jsonl": ["H9-003", "H9-020", "H9-021", "H9-036", "H9-037", "H9-050", "H9-066", "H9-069", "H9-085"],
    "corpus_mix_i9.jsonl": ["I9-017", "I9-031", "I9-038", "I9-044", "I9-049", "I9-052", "I9-058",
        "I9-064", "I9-065", "I9-072"],
    "corpus_dialogues_j9.jsonl": ["J9-032", "J9-043", "J9-048", "J9-069", "J9-070",
        "J9-085"],
    "personas_k9.jsonl": ["K9-044", "K9-053", "K9-062", "K9-065", "K9-068"],
    "corpus_mix_l9.jsonl": ["L9-001", "L9-015", "L9-056", "L9-064", "L9-067", "L9-069", "L9-075"],
    "corpus_dialogues_m9.jsonl": ["M9-035", "M9-039", "M9-051", "M9-054", "M9-084", "M9-085"],
    "personas_n9.jsonl": ["N9-004", "N9-006", "N9-031", "N9-032", "N9-066", "N9-074", "N9-075", "N9-086"],
    "corpus_mix_p9.jsonl": ["P9-021", "P9-022", "P9-028", "P9-071", "P9-072"],
    "corpus_dialogues_q9.jsonl": ["Q9-009", "Q9-034", "Q9-039", "Q9-048", "Q9-060", "Q9-072", "Q9-076", "Q9-077"],
    # this session's exam sets, scored untuned at its start (662c778) and end (885f66d) and unread between:
    # personas_r9 (人大预算工委 ratios, a village cadre's typos, a 巡察组's zero items, a party-school teacher's
    # terms, smallest / second / top three, rounded and converted figures), corpus_mix_s9 (two departments set
    # side by side, a parent's plain words about the university, lines pasted from the report, the report's
    # structure, years and 决算 against 预算, English mixed in) and corpus_dialogues_t9 (challenges, drilling
    # down and back up, one item across reports, pronouns, a list then a pick, one subject's measures in turn);
    # development sets personas_u9 (an auditor recomputing, long multi-part questions, casual style, splits,
    # performance sheets, the narrative), corpus_mix_v9 (rankings and counts, blank and narrative documents,
    # 决算 against 预算, assets and procurement, one question of two reports, formal table names), personas_w9
    # (a 财政局 reviewer line by line, comparisons of two items, what is zero or missing, 元 and 万元 mixed,
    # negative wording, where things are) and corpus_dialogues_x9 (figure, parts then a share; 预算 then 决算;
    # a stated rate then why; top few, their sum and share; short report switches; telegraphic style)
    "personas_r9.jsonl": ["R9-011", "R9-012", "R9-019", "R9-027", "R9-028", "R9-033", "R9-040", "R9-041", "R9-043",
        "R9-050", "R9-054", "R9-060", "R9-061", "R9-065", "R9-080", "R9-086"],
    "corpus_mix_s9.jsonl": ["S9-024", "S9-025", "S9-026", "S9-044", "S9-046", "S9-059"],
    "corpus_dialogues_t9.jsonl": ["T9-002", "T9-012", "T9-023", "T9-024", "T9-031", "T9-032", "T9-035", "T9-039", "T9-048", "T9-054", "T9-055", "T9-057", "T9-058", "T9-062", "T9-063", "T9-069",
        "T9-070", "T9-074", "T9-077"],
    "personas_u9.jsonl": ["U9-028", "U9-047", "U9-066"],
    "corpus_mix_v9.jsonl": ["V9-009", "V9-048"],
    "personas_w9.jsonl": ["W9-003", "W9-007", "W9-010", "W9-012", "W9-018", "W9-056", "W9-058", "W9-059",
        "W9-065"],
    "corpus_dialogues_x9.jsonl": ["X9-002", "X9-017", "X9-019", "X9-046", "X9-050", "X9-063"],
    # session 24: exam sets (scored untuned at 051f38c and 51772ce, unread in between) and development sets
    "personas_a0.jsonl": ["A0-007", "A0-039", "A0-057", "A0-058",
        "A0-066", "A0-067", "A0-073", "A0-087"],
    "corpus_mix_b0.jsonl": ["B0-016", "B0-026", "B0-038", "B0-044", "B0-045", "B0-052", "B0-061",
        "B0-067", "B0-079"],
    "corpus_dialogues_c0.jsonl": ["C0-007", "C0-026", "C0-027",
        "C0-037", "C0-039", "C0-042", "C0-043", "C0-064", "C0-065", "C0-068", "C0-072",
        "C0-075", "C0-079", "C0-086", "C0-087"],
    "personas_d0.jsonl": ["D0-011", "D0-024", "D0-025", "D0-026", "D0-030", "D0-039", "D0-048", "D0-049", "D0-066"],
    "corpus_mix_e0.jsonl": ["E0-014", "E0-024", "E0-028", "E0-030", "E0-053", "E0-059", "E0-064", "E0-069", "E0-078"],
    "personas_f0.jsonl": ["F0-020", "F0-021", "F0-022", "F0-025", "F0-027", "F0-070"],
    "corpus_dialogues_g0.jsonl": ["G0-016", "G0-038", "G0-051", "G0-054", "G0-058"],
    "personas_h0.jsonl": ["H0-011", "H0-015", "H0-024", "H0-028", "H0-043", "H0-054", "H0-055", "H0-073",
        "H0-084"],
    "corpus_mix_i0.jsonl": ["I0-004", "I0-013", "I0-018", "I0-019", "I0-020", "I0-021", "I0-022", "I0-027", "I0-031",
        "I0-037", "I0-038", "I0-040", "I0-041", "I0-051", "I0-057", "I0-058", "I0-061", "I0-071", "I0-088"],
    "corpus_dialogues_j0.jsonl": ["J0-008", "J0-011", "J0-014", "J0-015",
        "J0-016", "J0-025", "J0-034", "J0-040", "J0-044", "J0-045", "J0-046", "J0-049", "J0-050", "J0-054", "J0-063",
        "J0-064", "J0-065", "J0-069"],
    "personas_k0.jsonl": ["K0-023", "K0-039", "K0-049", "K0-064"],
    "corpus_mix_l0.jsonl": ["L0-014", "L0-026", "L0-060", "L0-076", "L0-077"],
    "personas_m0.jsonl": ["M0-019", "M0-035", "M0-040", "M0-042"],
    "corpus_dialogues_n0.jsonl": ["N0-008", "N0-009", "N0-013", "N0-017", "N0-039", "N0-044", "N0-051", "N0-054",
        "N0-061", "N0-062", "N0-064", "N0-065", "N0-066", "N0-070"],
    "personas_o0.jsonl": ["O0-006", "O0-013", "O0-014", "O0-023", "O0-028", "O0-038", "O0-045", "O0-050", "O0-064", "O0-082"],
    "corpus_mix_p0.jsonl": ["P0-004", "P0-005", "P0-033", "P0-046", "P0-047", "P0-056", "P0-058", "P0-061", "P0-066", "P0-068", "P0-076", "P0-077"],
    "corpus_dialogues_q0.jsonl": ["Q0-004", "Q0-008", "Q0-015", "Q0-019", "Q0-028", "Q0-029", "Q0-036", "Q0-049",
        "Q0-050", "Q0-052", "Q0-058", "Q0-059", "Q0-062", "Q0-072", "Q0-075", "Q0-081", "Q0-082"],
    "personas_r0.jsonl": ["R0-010", "R0-029", "R0-046", "R0-060", "R0-063", "R0-065", "R0-068"],
    "corpus_mix_s0.jsonl": ["S0-010"],
    "personas_t0.jsonl": ["T0-011", "T0-016", "T0-017", "T0-018", "T0-021", "T0-037", "T0-044", "T0-045", "T0-066"],
    "corpus_dialogues_u0.jsonl": ["U0-002", "U0-015", "U0-019", "U0-059", "U0-065"],
    # exam sets of the twenty-seventh session (scored untuned at its start and end, unread between): personas_v0
    # (the bundled report; a 纪检监察 officer, voice input with homophones and fillers, a new deputy director who
    # names things by their use, a data analyst typing codes and operators), corpus_mix_w0 (all twelve documents; a
    # provincial reviewer asking one question of many reports, a public-finance student, a 决算 auditor, English) and
    # corpus_dialogues_x0 (self-corrections, pronouns over several turns, drilling down and back up, arithmetic on
    # earlier answers, tables then cells, yes/no follow-ups, one move to a second report)
    "personas_v0.jsonl": ["V0-015", "V0-018", "V0-030", "V0-059", "V0-071", "V0-072", "V0-075"],
    "corpus_mix_w0.jsonl": ["W0-003", "W0-039", "W0-057", "W0-067", "W0-073", "W0-075"],
    "corpus_dialogues_x0.jsonl": ["X0-030", "X0-034", "X0-050", "X0-064", "X0-070", "X0-078", "X0-079",
        "X0-084", "X0-088"],
    # development sets of the same session (first score untuned): personas_y0 (a 人大财经委 staffer wanting other
    # units, a party-school teacher, a clerk with typos and wrong codes, performance sheets), corpus_mix_z0 (a reporter
    # comparing a university with departments, table structure, a street office in plain words, year pairs),
    # corpus_dialogues_a2 (list, filter, sort; why and what for; very short turns; two columns then another row;
    # two reports and back), personas_e1 (an audit trainee asking where each figure is printed, several asks in one
    # line, exclusion and scope words, the report's text) and corpus_dialogues_f1 (long conversations returning to
    # an earlier subject, text and tables mixed, one figure in a second table, a closing sum or comparison)
    "personas_y0.jsonl": [],
    "corpus_mix_z0.jsonl": ["Z0-024", "Z0-041", "Z0-053", "Z0-074"],
    "corpus_dialogues_a2.jsonl": ["A2-025", "A2-045", "A2-069"],
    "personas_e1.jsonl": [],
    "corpus_dialogues_f1.jsonl": ["F1-043", "F1-061"],
    "personas_k1.jsonl": ["K1-001", "K1-010", "K1-018", "K1-034", "K1-036", "K1-039", "K1-042", "K1-051", "K1-056", "K1-067", "K1-069", "K1-073", "K1-081"],
    "corpus_mix_l1.jsonl": ["L1-021", "L1-027", "L1-031", "L1-044", "L1-047", "L1-052", "L1-078", "L1-083"],
    "corpus_dialogues_m1.jsonl": ["M1-005", "M1-039", "M1-045", "M1-048", "M1-055"],
    "personas_n1.jsonl": ["N1-031", "N1-054"],
    "corpus_dialogues_q1.jsonl": ["Q1-014", "Q1-030", "Q1-032", "Q1-036", "Q1-037", "Q1-047", "Q1-060"],
    # twenty-ninth session's exam sets, scored untuned at the start and the end and unread in between: personas_u2 (a new
    # office director's what-ifs, amounts in Chinese numerals against the figures, exclusion and negation, everyday
    # words for the report's items), corpus_mix_b3 (cells by table and row, whole questions in English, this year
    # against last, whether a thing exists at all), corpus_dialogues_c3 (arithmetic on the last answers, where an
    # answer comes from, narrowing by exclusion after a list, the same question of another report); development sets
    # personas_h3 (procurement and assets, positions and thresholds, two named items compared) and corpus_dialogues_j3
    # (类 → 款 → 项 and back, count then list then sum then share, where a figure's money comes from)
    "personas_u2.jsonl": ["U2-009", "U2-022", "U2-061", "U2-068", "U2-069"],
    "corpus_mix_b3.jsonl": ["B3-042", "B3-053", "B3-060", "B3-061", "B3-074"],
    "corpus_dialogues_c3.jsonl": ["C3-035", "C3-040", "C3-044", "C3-048", "C3-050", "C3-058", "C3-059", "C3-068", "C3-084"],
    "personas_h3.jsonl": ["H3-019"],
    "corpus_dialogues_j3.jsonl": ["J3-034", "J3-035", "J3-054", "J3-059"],
    # the thirtieth session's exam sets, scored untuned at its start and end and unread in between: personas_k3
    # (dictation into a phone, a CPPCC member's long background before the ask, a trainer's multiple choice and
    # true/false, clipped short forms of the report's terms), corpus_mix_l3 (ratios of two parts, a reporter's
    # headline figures by informal names, a 决算 against its budget, the document itself), corpus_dialogues_m3
    # (corrections mid-conversation, returns to an earlier topic, pointing into a list, a term's meaning then its
    # figure); development sets personas_n3 (what a figure is for, a term and its figure in one question, a pasted
    # code or number, sub-totals checked) and corpus_dialogues_p3 (one-word follow-ups, a 决算's budget against its
    # outturn and last year, why after a figure, the same subject in another table)
    "personas_k3.jsonl": ["K3-016", "K3-043"],
    "corpus_mix_l3.jsonl": ["L3-021", "L3-047", "L3-059",
                            "L3-078"],
    "corpus_dialogues_m3.jsonl": ["M3-044", "M3-056", "M3-063", "M3-064", "M3-065", "M3-073", "M3-074", "M3-075", "M3-080"],
    "personas_n3.jsonl": ["N3-017", "N3-046"],
    "corpus_dialogues_p3.jsonl": ["P3-029", "P3-031", "P3-049", "P3-058", "P3-059", "P3-064"],
    # Thirty-first session's sets, written by helpers who never saw the code: exam sets personas_q3 (traditional
    # characters and capital numerals, a deputy's review language, thresholds and conditions, English and pinyin mixed
    # in), corpus_mix_r3 (two tables of one report set against each other, the n-th item and items past a threshold,
    # an official letter's style, averages and per-unit figures), corpus_dialogues_s3 (narrowing step by step, a
    # second subject named mid-conversation, where a figure came from, yes/no confirmations); development sets
    # personas_t3 (a discipline inspector on 三公 and meetings, figures remembered roughly, how totals are built,
    # summaries) and corpus_dialogues_v3 (walking a list one item at a time, what-if changes, another year or column,
    # the rows behind a figure filtered)
    "personas_q3.jsonl": ["Q3-016", "Q3-031", "Q3-038", "Q3-052", "Q3-062", "Q3-072", "Q3-074",
                          "Q3-082", "Q3-084", "Q3-085"],
    "corpus_mix_r3.jsonl": ["R3-015", "R3-022", "R3-023", "R3-048",
                            "R3-053", "R3-060", "R3-067", "R3-079",
                            "R3-080"],
    "corpus_dialogues_s3.jsonl": ["S3-029", "S3-031", "S3-035", "S3-041", "S3-051", "S3-060", "S3-070"],
    "personas_t3.jsonl": ["T3-004", "T3-037", "T3-043", "T3-044", "T3-048"],
    "corpus_dialogues_v3.jsonl": ["V3-022", "V3-023", "V3-030", "V3-031", "V3-046"],
    # Thirty-second session's sets, written by helpers who never saw the code: exam sets personas_w3 (a finance
    # insider's abbreviations, two facts chained in one line, colloquial northern Mandarin, what is absent or
    # unchanged), corpus_mix_y3 (a thesis writer's facts of record, the lines only final accounts have, a figure
    # proposed to be confirmed or corrected, the people-related lines), corpus_dialogues_e4 (a vague start then
    # clarified, a table browsed by position, the figure just given in another unit, siblings swept one by one);
    # development sets personas_g4 (this year against last for everything, which of two or three named is largest,
    # one project through its sheet, hurried typing with typos) and corpus_mix_f4 (averages over a count the report
    # states, two tables of one report agreeing, the n-th place among classes and sources, how far one exceeds another)
    "personas_w3.jsonl": ["W3-002", "W3-003", "W3-007", "W3-016", "W3-031", "W3-033", "W3-040", "W3-046", "W3-060", "W3-064", "W3-065", "W3-073", "W3-078"],
    "corpus_mix_y3.jsonl": ["Y3-024", "Y3-055", "Y3-072", "Y3-076"],
    "corpus_dialogues_e4.jsonl": ["E4-025",
                                  "E4-063", "E4-085"],
    "personas_g4.jsonl": ["G4-062"],
    "corpus_mix_f4.jsonl": ["F4-004", "F4-005", "F4-037", "F4-060", "F4-065", "F4-066", "F4-067"],
    # Thirty-third session's exam sets, written by helpers who never saw the code and scored untuned at the start
    # and the end: personas_h4 (quiz items: fill-in-the-blank, multiple choice, true or false; where a thing is
    # classified; proportions in forms other than a percentage; one ask wrapped in courtesy), corpus_mix_i4 (the
    # document's own structure; a figure held, asked what it is; the three budget accounts; the extreme or n-th
    # inside one group of another report), corpus_dialogues_j4 (a figure just given checked; the rest of what was
    # shown; the column or side switched; what was listed counted or thresholded)
    "personas_h4.jsonl": ["H4-066"],
    "corpus_mix_i4.jsonl": ["I4-083"],
    "personas_k4.jsonl": ["K4-037", "K4-065"],
    "corpus_mix_l4.jsonl": [],
    "corpus_dialogues_m4.jsonl": ["M4-053", "M4-060", "M4-065", "M4-074", "M4-084"],
    "corpus_dialogues_j4.jsonl": ["J4-013", "J4-020", "J4-023", "J4-024", "J4-035", "J4-038", "J4-040", "J4-067", "J4-075"],
}
# A line whose gold holds only when asked with no conversation before it: in a shuffled session it
# follows a question about one project, and "这些钱从哪来" is then rightly read as that project's money.
SESSION_ONLY_GAPS = {"corpus_mix_o4.jsonl": ["O4-043", "O4-068"], "personas_n4.jsonl": ["N4-045"], "review_d1.jsonl": ["D1-115"], "corpus_mix_i0.jsonl": ["I0-055"],
                     # (thirty-second session) which stated figures fell from last year (跟上年比哪些数减少了), and why
                     # the whole fell and by how much (咋今年钱比去年少这么多): read of the subject of the question
                     # before them in one shuffled session (alone they pass); left as found
                     "personas_g4.jsonl": ["G4-012"], "personas_w3.jsonl": ["W3-018"],
                     # (thirty-third session) a line read of the subject of the question before it in one shuffled
                     # session (alone it passes); left as found
                     "corpus_mix_i4.jsonl": [],
                     # a line read of the subject of the question before it in a shuffled session (left as found)
                     "personas_u2.jsonl": ["U2-056"],
                     # after an unrelated question, 政府采购预算里服务类占… reads the total as the part (of 支出总计),
                     # and 差旅費同其他交通費用邊樣多啲 gives the two figures but not their gap: both misread in
                     # one shuffled session only (alone they pass); left as found
                     "personas_r0.jsonl": ["R0-021"], "personas_t0.jsonl": ["T0-046"],
                     # a later clause naming a table and a row (收入总表里…本年收入) after a clause about one
                     # code: read as that table's row, not the code's column in it (alone, the first
                     # clause's answer happens to state the figure)
                     "voice_x2.jsonl": ["X2-092"],
                     # a last clause naming only what it excludes (非财政拨款安排的有多少): alone it is read of
                     # the line's own subject; after a question about 使用非财政拨款结余 the typed words are read
                     # as that row
                     "corpus_z2.jsonl": ["Z2-055"],
                     # a stated rate quoted without naming whose it is (完成年初预算的95.89%): alone it is found
                     # by the rate; after a question about another subject it is read as that subject's
                     "corpus_q2.jsonl": ["Q2-066"],
                     # a line stating a paragraph's figures, then asking 按这两个数算幅度多少: the second clause
                     # leans on the question before the line (a sum of named items) and lists that table's items
                     # beside the recomputed rate, too many figures in all
                     "corpus_z8.jsonl": ["Z8-022"],
                     # 合计多少 said of a name (基本建设资金支出合计多少) after a question about the report's total:
                     # read as that total too, beside the name's
                     # a why naming only a rate (为啥比2023年增长100%): after a question about another subject it
                     # is read as that subject's change, not the report total's the rate belongs to
                     "corpus_mix_m6.jsonl": ["M6-063", "M6-083"],
                     # the same stated rate (完成年初预算的95.89%) asked by its paragraph's words: alone it is found;
                     # after a question about the report's total it is read as that total's, which has no paragraph
                     "corpus_mix_k6.jsonl": ["K6-067"],
                     # a share of a part of the procurement total (服务占比多少) after a question about another
                     # subject: read as the share of that whole, not of the procurement total
                     "personas_n7.jsonl": ["N7-034"],
                     # a ranking of the classes naming no column (支出规模位次第二的是哪一类) after a question about
                     # 基本支出: read within that column, not the classes' totals
                     "corpus_mix_c8.jsonl": [],
                     # 这个部门的钱主要花在哪一大类上 after a question about one project's sheet: read as that project's
                     # text (这个部门 points at the department, but the sheet's project still answers)
                     "personas_k8.jsonl": ["K8-014"],
                     # 报表中有几张表注明本表无数据 after a question about one table: read of that table, not of all
                     "personas_q8.jsonl": ["Q8-046"],
                     # a breakdown asked after a clause naming a fund (…政府性基金预算有多少？分到哪两个科目上，各多少)
                     # after a question about 机关运行经费: read of that last subject too, not only of the fund
                     "corpus_mix_y8.jsonl": ["Y8-012"],
                     # 收入这块哪几项是0 after a question about spending subjects: read as the subjects of the
                     # spending table, not the income rows
                     # 今年这钱咋分的？基本的和项目的各多少 after a question about one economic item: the first clause
                     # answers nothing and the second is read as that item's columns, not the report's two kinds
                     "personas_e9.jsonl": ["E9-085"],
                     # a sentence of the narrative quoted with its figures (收入9628.22万元，说是比哪一年…) and a
                     # fund of a report named informally (街道那个明年政府性基金): after a question about another
                     # subject of another report, read as that subject's
                     "corpus_mix_f9.jsonl": ["F9-002", "F9-032"],
                     # a ratio of two kinds of spending (项目支出大概是基本支出的几倍) after a question read in the table
                     # of this year's money: read there too (不含上年结转), not in the spending total's table
                     "personas_h9.jsonl": ["H9-013"],
                     # a stated rate typed with nothing named (134.61%这个增幅说的是哪一项): alone it is found by the
                     # rate; after a question about another subject of the report it is read as that subject's
                     "corpus_mix_l9.jsonl": ["L9-051"],
                     # a fund's income asked yes or no (政府性基金预算拨款有没有收入) after a question about another
                     # fund's income: read as that income, not as the fund named
                     "personas_n9.jsonl": ["N9-048"],
                     # a group's sum and its share of a whole (三项社会保障缴费…合计多少？占人员经费多大比例) after a question
                     # about another subject: read as a check of the group against a printed total
                     "personas_r9.jsonl": [],
                     # a count of the tables marked empty after a question about one table: read of that table's note; a
                     # year's school fees (2023年…教育收费) after the report's total: read as that total; a department"s
                     # 年初预算 after a question about one of its codes: read of that code
                     "corpus_mix_s9.jsonl": ["S9-014", "S9-022", "S9-042"],
                     # an amount's project (0.2万的那个是什么项目) after a question about a project's sheet: read as that
                     # sheet; a level's items but one, added, after a question about 机关运行经费: read of that subject
                     "personas_w9.jsonl": ["W9-050", "W9-057"],
                     # 上年节转的钱 (a misheard 结转) after a question about one 类: read as that 类's carried-over
                     # part; 物业费 多少, an item the report does not print, after a question about the carried-over
                     # projects: read as their total
                     "personas_k3.jsonl": ["K3-005", "K3-083"],
                     # 支出第二大的是哪一类 read as the performance sheets asked about before it (R3-016), and 十几万的项目
                     # after a question about the carried-over projects, read as of that list (T3-024): in one shuffled
                     # session only; left as found
                     "corpus_mix_r3.jsonl": [], "personas_t3.jsonl": ["T3-024"], "personas_k4.jsonl": ["K4-084"]}


@pytest.mark.parametrize("in_session", [False, True], ids=["alone", "one-conversation"])
@pytest.mark.parametrize("name", sorted(KNOWN_GAPS))
def test_question_sets(name, in_session):
    results = score.score(DATA / name, in_session, seed=7, docs=None)
    failed = sorted(gold["id"] for gold, got in results if score.judge(gold, got))
    assert failed == sorted(KNOWN_GAPS[name] + (SESSION_ONLY_GAPS.get(name, []) if in_session else []))


def test_every_figure_is_exact_decimal(conn):
    answer = ask(conn, "基本工资+津贴补贴+奖金", Session())
    assert all(isinstance(f.value, Decimal) for f in answer.figures)
    assert answer.figures[0].value == Decimal("168.27")


def test_a_stated_identity_is_recomputed_with_the_check_rule(conn):
    """基本支出和项目支出加起来等于支出总计吗: the parts added and judged by the check's one rule."""
    answer = ask(conn, "基本支出和项目支出加起来等于支出总计吗", Session())
    assert answer.intent == "check"
    values = {f.label: f.value for f in answer.figures}
    assert values["分项之和（计算）"] == Decimal("1084.39")
    assert values["差额"] == Decimal("0.01")
    assert "尾数差" in answer.text


def test_a_ratio_is_given_as_times(conn):
    answer = ask(conn, "项目支出是基本支出的几倍", Session())
    assert answer.figures[0].value == Decimal("2.57") and answer.figures[0].unit == "倍"


def test_the_nth_place_of_a_ranking(conn):
    answer = ask(conn, "本年项目里排第二的", Session())
    assert answer.intent == "rank"
    assert answer.figures[0].label == "2024年办公室日常工作经费" and answer.figures[0].value == Decimal("60.00")


def test_a_long_question_is_cut_and_says_so(conn):
    answer = ask(conn, "2013105" + "各部门人员经费对比" * 3000, Session())
    assert "只读了前" in answer.text


def test_a_name_refused_is_still_what_it_points_at(conn):
    """A question about a name the report has, refused for a detail it does not print, leaves that name
    as the one 它 points at next."""
    session = Session()
    refused = ask(conn, "安可替代工程具体采购了哪些设备，有没有明细", session)
    assert not refused.matched and not refused.figures
    answer = ask(conn, "它比本年那个乡镇档案室项目多多少", session)
    assert has_number(answer, 407.52) and "安可替代工程" in answer.text, answer.text


def test_last_year_of_each_subject_is_not_given(conn):
    """上年各功能科目分别安排了多少: the report compares only some totals with last year; no figure is
    given for each subject (the change of another total is no answer)."""
    answer = ask(conn, "上年各功能科目分别安排了多少？我想做个对比表", Session())
    assert not answer.matched and not answer.figures and "没有逐个列出" in answer.text


def test_last_year_of_a_figure_is_not_the_figure_just_given(conn):
    """上年呢 after 人员经费: the report gives no previous-year 人员经费 (its label's 不含上年结转 is no name)."""
    session = Session()
    ask(conn, "区委办2024年基本支出预算多少", session)
    ask(conn, "其中人员经费呢", session)
    answer = ask(conn, "上年呢", session)
    assert not answer.matched and not has_number(answer, 290.03), answer.text


def test_the_parts_of_a_finest_level_subject_are_said_to_be_none(conn):
    """2013105下面有哪些: a 项 is the finest level of the functional classification; the answer says so
    (it gave no reason), and gives no figure."""
    answer = ask(conn, "2013105下面有哪些", Session())
    assert not answer.matched and answer.figures == []
    assert "项级科目" in answer.text and "2013105" in answer.text


def test_an_imperative_opening_asks_what_follows_it(conn):
    """说明/列出 at the start demands what follows (说明区委办的主要职能 asks the duties)."""
    answer = ask(conn, "说明区委办的主要职能", Session())
    assert answer.matched and "区委有关会议的筹备" in answer.text, answer.text


def test_a_table_named_with_a_quoted_word_is_that_table(conn):
    """表10“三公”经费表有没有数据: table 10's own state, not the tables whose titles hold 三公."""
    answer = ask(conn, "表10“三公”经费表有没有数据", Session())
    assert answer.matched and "本表无数据" in answer.text and "标题含" not in answer.text, answer.text


def test_a_group_pointed_at_by_its_items_asks_what_was_just_asked(conn):
    """社会保障缴费那几项呢 after a sum of named items: the group's sum, not a count of its members."""
    session = Session()
    ask(conn, "基本工资、津贴补贴、奖金合计多少", session)
    answer = ask(conn, "社会保障缴费那几项呢", session)
    assert answer.intent == "sum" and has_number(answer, 46.95), answer.text


def test_a_scope_of_the_total_and_the_rest_of_it(conn):
    """其中今年新安排的呢 after the report's 收入总计: 本年收入合计 (550.51); 剩下那部分是什么钱 then: the summary
    table's other part, 上年结转 (533.88)."""
    session = Session()
    ask(conn, "这个单位今年收入预算总共多少", session)
    this_year = ask(conn, "其中今年新安排的呢", session)
    assert has_number(this_year, 550.51) and not has_number(this_year, 1084.38), this_year.text
    rest = ask(conn, "剩下那部分是什么钱，多少", session)
    assert has_number(rest, 533.88) and "上年结转" in rest.text, rest.text


def test_the_date_of_the_asset_figure_just_given(conn):
    """这数是截到啥时候的 after 领导用车 0 辆: the date the asset figures are counted at (2024年5月13日)."""
    session = Session()
    ask(conn, "车呢 几辆", session)
    ask(conn, "算啥车 领导用的？", session)
    answer = ask(conn, "这数是截到啥时候的", session)
    assert answer.matched and "2024年5月13日" in answer.text, answer.text


def test_a_share_set_against_a_fraction_typed(conn):
    """是不是超过一半 / 七成以上: the share computed (533.88 ÷ 1084.38 = 49.23 %), then said to pass or not."""
    half = ask(conn, "上年结转占今年收入总计是不是超过一半了？", Session())
    assert has_number(half, 49.23) and "49.23% 没有超过 50%" in half.text, half.text
    most = ask(conn, "项目支出占总支出的七成以上吗", Session())
    assert has_number(most, 72.00) and "72.00% 达到 70%" in most.text, most.text


def test_two_names_asked_each_are_two_results(conn):
    """A和B各多少, then 两者加起来: those two figures added (303.62 + 780.77), not one of them twice."""
    session = Session()
    ask(conn, "基本支出和项目支出各多少", session)
    answer = ask(conn, "两者加起来是多少", session)
    assert has_number(answer, 1084.39), answer.text


def test_a_misheard_opening_of_a_long_name(conn):
    """山西话报订越 (four of six characters right, the rest sounding alike): 山西画报订阅费用, 35.89 万元."""
    answer = ask(conn, "山西话报订越要多少钱啊", Session())
    assert answer.matched and has_number(answer, 35.89), answer.text


def test_a_number_divided_by_a_named_total_typed_with_it(conn):
    """人员经费290.03万元除以基本支出合计303.62万元: 290.03 ÷ 303.62, in that order (95.52 %)."""
    answer = ask(conn, "人员经费290.03万元除以基本支出合计303.62万元，占比是多少？", Session())
    assert has_number(answer, 95.52) and not has_number(answer, 104.69), answer.text


def test_a_year_s_figures_are_not_the_figures_just_asked(conn):
    """2021年决算数 after 基本支出和项目支出各多少 names a year the report lacks, not "these figures again"."""
    session = Session()
    ask(conn, "基本支出和项目支出各多少", session)
    answer = ask(conn, "2021年决算数", session)
    assert not answer.matched, answer.text


@pytest.mark.parametrize("question, names, outside", [
    # 差不多/左右/上下: a tenth either side; 多/来: up to the next step of the last digit
    ("结转项目里有个差不多五百万的，是哪个？", ["安可替代工程"], ["专用通信二级网络建设费用"]),
    ("本年项目里十来万的是哪个", ["2024年法律顾问费用"], ["山西画报订阅费用"]),
    ("有个五百三十万上下的支出科目，编码多少", ["2013102"], ["2013101"]),
])
def test_an_amount_said_roughly_picks_the_things_of_about_that_size(conn, question, names, outside):
    answer = ask(conn, question, Session())
    assert answer.intent == "filter" and all(n in answer.text for n in names), answer.text
    assert not any(n in answer.text.split("理解：", 1)[-1] for n in outside), answer.text


def test_an_amount_stated_roughly_is_not_a_size_sought(conn):
    """少了六百多万，理由是什么: the change the report states, with its reason, not things of 600-700万."""
    answer = ask(conn, "总预算比上年少了六百多万，报告给的理由是什么？", Session())
    assert answer.intent != "filter" and "项目经费减少" in answer.text, answer.text


def test_a_rough_amount_after_a_filter_filters_again(conn):
    session = Session()
    ask(conn, "结转项目里有个差不多五百万的，是哪个？", session)
    answer = ask(conn, "那二十多万的结转项目呢", session)
    assert answer.intent == "filter" and has_number(answer, 24.34) and "专用通信二级网络建设费用" in answer.text, answer.text


def test_a_reason_asked_that_the_report_does_not_give_is_not_an_answer(conn):
    """一般公共预算当年支出 fell 67.19%: the report states no reason, so none is given (the change is said beside)."""
    answer = ask(conn, "一般公共预算当年支出比上年下降67.19%，报告给的原因是什么？", Session())
    assert not answer.matched and "没有写明" in answer.text, answer.text
    stated = ask(conn, "总预算为什么减少", Session())
    assert stated.matched and "项目经费减少" in stated.text, stated.text


def test_a_sum_set_against_another_figure(conn):
    """行政运行加事业运行，跟专项业务比哪个大: 110.41 + 124.01 = 234.42 against 246.89, the gap 12.47."""
    answer = ask(conn, "行政运行加事业运行，跟专项业务比哪个大？差多少？", Session())
    assert has_number(answer, 234.42) and has_number(answer, 12.47) and "较大的一方：2013105 专项业务" in answer.text, answer.text
    session = Session()
    both = ask(conn, "法律顾问费、山西画报、视频会议三项加起来多少？比乡镇档案室那90万少多少", session)
    assert has_number(both, 87.89) and has_number(both, 2.11), both.text
    session = Session()
    ask(conn, "基本工资、津贴补贴、奖金这三项加起来多少？", session)
    gap = ask(conn, "它们比绩效工资多多少？", session)
    assert has_number(gap, 122.00), gap.text


def test_a_project_with_no_stated_purpose_is_not_answered_with_the_duties(conn):
    session = Session()
    ask(conn, "结转的安可替代工程多少钱", session)
    answer = ask(conn, "它是干什么用的", session)
    assert not answer.matched and "安可替代工程" in answer.text and "职责" not in answer.text, answer.text
    duties = ask(conn, "区委办是干什么的", session)
    assert duties.matched and "职责" in duties.text, duties.text


def test_a_year_swapped_after_a_year_refused(conn):
    session = Session()
    refused = ask(conn, "区委办2025年的预算总额是多少？", session)
    assert not refused.matched
    answer = ask(conn, "那2024年的总额呢", session)
    assert answer.matched and has_number(answer, 1084.38), answer.text


@pytest.mark.parametrize("question", [
    "报告称公开项目金额占项目支出总额的100%。若以支出总表项目支出780.77万元为分母，实际比重是多少？",
    "报告说公开绩效目标的项目金额占项目支出总额100%，按表三项目支出总额算实际占多少？",
])
def test_a_stated_share_over_another_denominator(conn, question):
    """The report says the projects with targets (246.89) are 100% of 项目支出总额; over 表三's 项目支出 780.77
    they are 31.62%: the part it rests on, over the denominator given or named."""
    answer = ask(conn, question, Session())
    assert has_number(answer, 31.62) and has_number(answer, 100), answer.text


def test_rows_of_a_code_length_are_counted(conn):
    """7位编码的行 are the 项-level rows (表2 prints nine); 几行 is a count, said with the table's printed rows."""
    answer = ask(conn, "收入总表里7位科目编码的行一共几行？", Session())
    assert answer.intent == "count" and has_number(answer, 9) and "共印 19 行" in answer.text, answer.text


def test_an_amount_asked_what_it_is_names_every_place_printing_it(conn):
    """35.89万是什么钱: the names the report prints the amount under, with their lines; an amount printed nowhere
    is said to be printed nowhere (no figure guessed)."""
    answer = ask(conn, "35.89万是什么钱", Session())
    assert answer.matched and "山西画报订阅费用" in answer.text
    assert {f.value for f in answer.figures} == {Decimal("35.89"), Decimal("358900")}
    nowhere = ask(conn, "88.88是什么", Session())
    assert not nowhere.matched and not nowhere.figures


def test_a_run_of_rows_is_added_and_set_against_the_total_over_it(conn):
    """基本工资一直到其他工资福利支出那几行加一遍: the nine rows, 287.34, against the printed 287.35."""
    answer = ask(conn, "把基本工资一直到其他工资福利支出那几行加一遍是多少", Session())
    values = {f.label: f.value for f in answer.figures}
    assert values["合计（计算）"] == Decimal("287.34") and values["工资福利支出"] == Decimal("287.35")
    assert "尾数差" in answer.text


@pytest.mark.parametrize("question", ["比上年下降35.72%对吗", "听说差不多一半是去年剩下来的？具体是多少"])
def test_a_stated_rate_or_a_rough_share_is_no_change_supposed(conn, question):
    answer = ask(conn, question, Session())
    assert "计算：" not in answer.text or "× (1" not in answer.text, answer.text
    assert not any("后（计算）" in f.label for f in answer.figures), answer.text


def test_one_short_word_after_a_subject_asks_it_of_that_subject(conn):
    """上年？ / 明细 after a subject are 上年呢 / 明细呢; a word that acknowledges (要得) asks nothing."""
    session = Session()
    ask(conn, "项目支出多少", session)
    assert ask(conn, "上年？", session).understood == "项目支出 与上年相比"
    listed = ask(conn, "明细", session)
    assert listed.matched and has_number(listed, 497.52), listed.text
    session = Session()
    ask(conn, "项目支出多少", session)
    assert not ask(conn, "要得", session).matched


def test_names_that_do_not_hold_the_words(conn):
    """名字里没有办公经费的项目: the projects whose names lack the words, not those that hold them."""
    answer = ask(conn, "本年项目里名字没有办公经费的有哪些", Session())
    assert answer.matched and "不含「办公经费」" in answer.understood, answer.text
    assert has_number(answer, 237.89) and "发展改革研究中心" not in answer.text, answer.text


def test_something_set_aside_from_the_projects_is_one_of_them(conn):
    alone = ask(conn, "退休费也扣掉的话还剩多少", Session())
    assert not has_number(alone, 778.10), alone.text  # (退休费 is no project: no remainder of the projects)


def test_a_doubt_beside_a_question_and_the_text_of_the_last_subject(conn):
    """你确定吗，文字里X写的是多少: the figure the narrative states; 文字说明里是怎么写的 after a figure: the text of it."""
    answer = ask(conn, "你确定吗，文字里机关运行经费写的是多少", Session())
    assert answer.matched and "没有在报告中找到" not in answer.text and has_number(answer, 13.59), answer.text
    session = Session()
    ask(conn, "机关运行经费多少", session)
    text = ask(conn, "文字说明里是怎么写的", session)
    assert text.matched and has_number(text, 5.59) and "人员增加" in text.text, text.text


def test_a_subject_s_items_less_one_not_wanted_then_per_month(conn):
    """工资福利支出下面不要基本工资，剩下的是哪些; 那些加起来再除以12个月: their sum over the year's months."""
    session = Session()
    listed = ask(conn, "工资福利支出下面不要基本工资，剩下的有哪些", session)
    assert listed.matched and "基本工资" in listed.understood and not has_number(listed, 120.83), listed.text
    monthly = ask(conn, "绩效工资除以12个月是多少", Session())
    assert has_number(monthly, 3.86), monthly.text


def test_a_word_typed_across_another_is_no_missing_item():
    """收入和支出差多少 holds 出差 across 支出 and 差: no 差旅费 asked, so none said missing from a report that prints
    none; 出差的钱 typed on its own is."""
    from budgetqa.parser import parse_file
    doc = parse_file(DATA / "corpus" / "final_chongqing_swu_university_2024.txt")
    assert read("收入和支出差多少", doc).missing == ""
    assert read("出差的钱多少", doc).missing == "差旅费"


def test_the_rest_of_a_filter_is_the_list_less_what_it_picked(conn):
    session = Session()
    ask(conn, "本年项目里不到10万的有几个", session)
    answer = ask(conn, "把这几个去掉，剩下的项目合计多少？", session)
    assert {f.label: f.value for f in answer.figures}["合计（计算）"] == Decimal("237.89"), answer.text


def test_a_next_place_of_a_ranking_steps_down_it(conn):
    session = Session()
    ask(conn, "项目支出预算表（本年预算）里哪个项目钱最多", session)
    second = ask(conn, "再往下一个", session)
    assert second.intent == "rank" and has_number(second, 60), second.text


def test_the_patterns_compiled_while_asking_fit_re_s_cache(conn, monkeypatch):
    # re keeps the last 512 patterns compiled from strings; past that, every question compiles its patterns again
    # (a per-word pattern once made one question take 30 ms). Patterns used often are compiled once, at import.
    seen: set[str] = set()
    compile_ = re._compile

    def counting(pattern, flags):
        if isinstance(pattern, str):
            seen.add(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "_compile", counting)
    for line in (DATA / "paraphrases.jsonl").read_text(encoding="utf-8").splitlines():
        ask(conn, json.loads(line)["q"], Session())
    assert len(seen) < re._MAXCACHE - 100, len(seen)


def test_a_name_s_tail_typed_with_a_head_the_report_never_prints_is_not_that_name(conn):
    """党报党刊订阅费 shares only 订阅费 with 山西画报订阅费用, and the report prints 党刊 nowhere: no figure, the
    name said missing and the close name offered; a head the report prints (画报订阅费) is still that name."""
    for question in ("党报党刊订阅费安排了多少", "人民日报订阅费多少"):
        answer = ask(conn, question, Session())
        assert not answer.matched and not answer.figures, answer.text
        assert "没有列出" in answer.text and "山西画报订阅费用" in answer.text, answer.text
    answer = ask(conn, "画报订阅费多少", Session())
    assert answer.matched and has_number(answer, 35.89), answer.text


def test_two_lists_counted_each_and_together(conn):
    answer = ask(conn, "本年项目加上年结转项目，一共几个项目？", Session())
    assert answer.intent == "count" and all(has_number(answer, n) for n in (8, 7, 15)), answer.text
    assert ask(conn, "结转项目多少个", Session()).intent == "count"


def test_an_amount_typed_alone_asks_where_it_is_printed(conn):
    answer = ask(conn, "13.5", Session())
    assert answer.matched and "职工基本医疗保险缴费" in answer.text, answer.text


def test_the_rest_of_a_whole_after_one_part_set_aside_is_its_other_parts(conn):
    """除了X还有哪些 / 还剩哪一项: the whole's other parts at X's level (an economic class's fellow classes, not
    their items), named with their figures."""
    rest = ask(conn, "除了工资福利支出，基本支出还有哪些", Session())
    assert "商品和服务支出" in rest.text and "对个人和家庭的补助" in rest.text and "基本工资" not in rest.text, rest.text
    left = ask(conn, "卫生健康支出里除了行政单位医疗，还剩哪一项，多少钱", Session())
    assert "事业单位医疗" in left.text and has_number(left, 7.77), left.text


def test_a_clause_asking_for_confirmation_is_a_question_of_its_own(conn):
    """单位是万元对吧，支出总计多少: both answered; 合成元 asks the figure in 元."""
    answer = ask(conn, "单位是万元对吧，支出总计多少", Session())
    assert "万元" in answer.text and has_number(answer, 1084.38), answer.text
    assert has_number(ask(conn, "收入总计多少？合成元是多少钱", Session()), 10843800)


def test_a_claim_of_a_multiple_or_a_majority_is_answered_with_the_figure_that_settles_it(conn):
    """人员经费是不是公用经费的20倍还多: the ratio (21.34) and against the claim; 项目支出是不是占了一大半: the share."""
    times = ask(conn, "人员经费是不是公用经费的20倍还多？", Session())
    assert times.intent == "ratio" and has_number(times, 21.34) and "多" in times.text, times.text
    share = ask(conn, "项目支出是不是占了一大半", Session())
    assert share.intent == "share" and has_number(share, 72.00), share.text


def test_where_the_figure_just_given_was_printed(conn):
    """这个数是从哪张表来的: the table and line of the last answer's figure, not the report's list of tables."""
    session = Session()
    ask(conn, "山西画报订阅费用给了多少预算", session)
    source = ask(conn, "这个数是从哪张表来的？", session)
    assert "表12" in source.text and "第657行" in source.text and "表1 " not in source.text, source.text


def test_a_project_s_sheet_funds_cite_the_line_printing_them(conn):
    """The 年度资金总额 given beside a project's figure cites the sheet's line printing it (1222), not the sheet's first."""
    answer = ask(conn, "山西画报订阅费用给了多少预算", Session())
    sheet = next(f for f in answer.figures if f.label.endswith("年度资金总额"))
    assert (sheet.value, sheet.line) == (Decimal("358900"), 1222), answer.figures


@pytest.mark.parametrize("question, figure", [
    ("基支里商服多少", 13.59), ("一公预算基支多少", 303.62), ("工福里头最大一项", 120.83), ("机运多少", 13.59)])
def test_finance_clerks_shorthand_is_read_as_the_names_it_stands_for(conn, question, figure):
    answer = ask(conn, question, Session())
    assert answer.matched and has_number(answer, figure), answer.text


def test_shorthand_is_not_read_inside_other_words(conn):
    from budgetqa import lexicon
    assert lexicon.ABBREVIATED.sub(lambda m: lexicon.ABBREVIATIONS[m.group()], "该项支出和员工福利费") == "该项支出和员工福利费"


def test_a_list_just_filtered_is_counted_and_added(conn):
    """刚才那些一共几个 / 加起来多少钱 after a filter: the items it kept, not the whole list or the report's money."""
    session = Session()
    ask(conn, "上年结转的那些项目里，哪些超过5万元？", session)
    counted = ask(conn, "刚才那些一共几个", session)
    assert counted.intent == "count" and has_number(counted, 3) and not has_number(counted, 7), counted.text
    added = ask(conn, "加起来多少钱", session)
    assert {f.label: f.value for f in added.figures}["合计（计算）"] == Decimal("528.67"), added.text


def test_pointing_at_a_list_to_add_it_counts_nothing(conn):
    session = Session()
    ask(conn, "今年新安排的那八个项目里，超过三十万的有几个？", session)
    answer = ask(conn, "这几项加起来是多少？", session)
    assert {f.label: f.value for f in answer.figures}["合计（计算）"] == Decimal("222.89"), answer.text


def test_the_parts_of_a_thing_named_by_its_place_in_a_ranking(conn):
    answer = ask(conn, "最大的那类往下分了哪几款", Session())
    assert answer.intent == "breakdown" and has_number(answer, 1014.12) and has_number(answer, 1.07), \
        answer.text


def test_a_share_s_whole_said_with_its_money_before_the_part(conn):
    answer = ask(conn, "上年结转资金里面，安可替代工程占了多大比例？", Session())
    assert answer.intent == "share" and has_number(answer, 93.19), answer.text


@pytest.mark.parametrize("question, figure", [
    ("上年结转占预算收入总计的ratio是多少", 49.23),  # one name before it: a share
    ("人员经费/公用经费 ratio", 21.34),  # two: the one to the other
    ("人员经费占比", 95.52),  # 人员经费 and 公用经费 are the parts of 基本支出, their share's natural whole
])
def test_a_ratio_typed_in_english_and_the_natural_whole_of_a_share(conn, question, figure):
    answer = ask(conn, question, Session())
    assert answer.matched and has_number(answer, figure), answer.text


@pytest.mark.parametrize("question, figure", [
    ("基本支出按365天算，平均一天多少元", 8318.36), ("山西画报订阅费，一个月合多少元", 29908.33)])
def test_a_figure_per_day_or_per_month(conn, question, figure):
    answer = ask(conn, question, Session())
    assert answer.matched and has_number(answer, figure), answer.text


def test_names_of_economic_items_and_codes_ranked_together_are_all_ranked(conn):
    answer = ask(conn, "绩效工资、住房公积金、养老保险缴费，这三个谁最多", Session())
    assert answer.intent == "rank" and "绩效工资" in answer.text and has_number(answer, 46.27), answer.text


def test_whether_a_class_has_one_part_asks_its_parts(conn):
    answer = ask(conn, "对个人和家庭的补助底下就一项吗？是啥，多少钱", Session())
    assert "退休费" in answer.text and has_number(answer, 2.68), answer.text


def test_names_within_a_whole_the_text_states_are_read_in_the_table_it_totals(conn):
    """一般公共预算当年支出 550.51 is table 5's total: 一般公共服务支出 there is 481.31, not table 3's 1,015.19."""
    answer = ask(conn, "今年一般公共预算当年支出里，一般公共服务支出比社会保障和就业支出多出多少？", Session())
    assert has_number(answer, 449.54) and not has_number(answer, 983.42), answer.text
    session = Session()
    ask(conn, "一般公共预算当年的支出是多少，不含结转的那个数", session)
    share = ask(conn, "呃那里面一般公共服务支出是多少占了百分之多少", session)
    assert has_number(share, 481.31) and has_number(share, 87.43), share.text


def test_a_name_alone_after_a_figure_per_month_is_asked_per_month(conn):
    session = Session()
    ask(conn, "人员经费平均每月合多少元", session)
    answer = ask(conn, "公用经费呢", session)
    assert has_number(answer, 11325), answer.text
    assert not has_number(ask(conn, "差多少", session), 11325)


def test_the_largest_project_after_a_project_table_counted_is_of_that_table(conn):
    session = Session()
    ask(conn, "本年的项目支出预算表里一共列了几个项目？", session)
    ask(conn, "哪个项目金额最大？", session)
    answer = ask(conn, "它占本年项目支出合计的比例是多少？", session)
    assert has_number(answer, 36.45), answer.text


def test_written_style_share_and_listed_subjects(conn):
    """之比重 is a share (之比 alone a ratio); 项下所列项级科目 asks the subjects under a code."""
    share = ask(conn, "请予说明本部门2024年度住房公积金预算，及其占一般公共预算当年支出之比重。", Session())
    assert share.intent == "share" and has_number(share, 4.33), share.text
    assert ask(conn, "人员经费与公用经费之比", Session()).intent == "ratio"
    parts = ask(conn, "请予说明20132组织事务款级科目项下所列项级科目及其金额。", Session())
    assert parts.intent == "breakdown" and "一般行政管理事务" in parts.text, parts.text
