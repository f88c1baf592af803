"""The lexicon: what people type instead of what reports print, and the words that shape a question.

Plain data, read by budgetqa.question. Extend it without reading the reader: a synonym maps a typed
word to names reports print; a group names several printed items at once; the word lists say which
words set a question's scope, measure, comparison, order, unit or text field. Every entry holds for
every report: a word is listed here because people use it, never because one question did.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budgetqa import patterns

# --------------------------------------------------------------------------- names
# Typed word -> names reports print (the first one the report prints wins; all are shown when they differ).
SYNONYMS: dict[str, tuple[str, ...]] = {
    # English and pinyin-free shorthand
    "totalexpenditure": ("支出总计",), "totalspending": ("支出总计",), "totalincome": ("收入总计",),
    "totalrevenue": ("收入总计",), "basicexpenditure": ("基本支出",), "projectexpenditure": ("项目支出",),
    "personnelexpenses": ("人员经费",), "personnelcosts": ("人员经费",), "personnel": ("人员经费",),
    "staffcosts": ("人员经费",), "publicexpenses": ("公用经费",),
    "carryover": ("上年结转",), "housingfund": ("住房公积金",),
    "basic支出": ("基本支出",), "project支出": ("项目支出",), "basicspending": ("基本支出",),
    "projectspending": ("项目支出",), "governmentprocurement": ("政府采购",), "procurement": ("政府采购",),
    # social insurance and the housing fund
    "公积金": ("住房公积金",), "住房公积": ("住房公积金",), "公基金": ("住房公积金",),
    "养老": ("机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费支出", "行政事业单位养老支出"),
    "养老保险": ("机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费支出"),
    "养老金": ("机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费支出"),
    "职业年金": ("职业年金缴费", "机关事业单位职业年金缴费支出"),
    "医保": ("职工基本医疗保险缴费", "行政事业单位医疗"), "医疗保险": ("职工基本医疗保险缴费", "行政事业单位医疗"),
    "医疗": ("行政事业单位医疗", "职工基本医疗保险缴费"),
    # wages and benefits
    "工资福利": ("工资福利支出",), "工资大项": ("工资福利支出",), "工资那一大项": ("工资福利支出",),
    "工资那个大项": ("工资福利支出",), "工资那一大类": ("工资福利支出",), "津贴": ("津贴补贴",), "补贴": ("津贴补贴",), "津补贴": ("津贴补贴",),
    "绩效奖": ("绩效工资",),
    "人头费": ("人员经费",), "人头经费": ("人员经费",), "本年支出预算": ("本年支出合计",), "本年支出总额": ("本年支出合计",), "人员费用": ("人员经费",), "人员开支": ("人员经费",), "日常公用": ("公用经费",), "公用": ("公用经费",),
    "零碎开销": ("公用经费",), "零星开销": ("公用经费",), "零碎开支": ("公用经费",), "零星开支": ("公用经费",),  # (the office's small running costs)
    "财政拨款结转": ("上年结转",), "人经": ("人员经费",), "公经": ("公用经费",), "机运费": ("机关运行经费",),  # (finance clerks' shorthand)
    "退休": ("退休费",), "退休金": ("退休费",), "离退休": ("退休费", "离退休"),
    "差旅": ("差旅费",), "出差": ("差旅费",), "交通费": ("其他交通费用",), "车补": ("其他交通费用",), "交通补贴": ("其他交通费用",),
    "商品服务": ("商品和服务支出",), "商品和服务": ("商品和服务支出",), "个人家庭补助": ("对个人和家庭的补助",),
    # classes of the functional classification people shorten
    "卫健": ("卫生健康支出",), "卫生": ("卫生健康支出",), "社保": ("社会保障和就业支出",),
    "社会保障": ("社会保障和就业支出",), "社保就业": ("社会保障和就业支出",), "住房": ("住房保障支出",),
    "住房保障": ("住房保障支出",), "一般公共服务": ("一般公共服务支出",), "公共服务": ("一般公共服务支出",),
    "教育": ("教育支出",), "科技": ("科学技术支出",), "文体": ("文化旅游体育与传媒支出",),
    "城乡社区": ("城乡社区支出",), "农林水": ("农林水支出",), "党委办公厅": ("党委办公厅（室）及相关机构事务",),
    # running the office
    "机关日常运转": ("行政运行",), "机关运转": ("行政运行",), "日常运转": ("行政运行",),
    "事业单位日常运转": ("事业运行",), "事业单位运转": ("事业运行",),
    # money from last year and this year
    "去年结转": ("上年结转",), "去年剩下": ("上年结转",), "上年剩下": ("上年结转",), "去年转过来": ("上年结转",), "转过来的钱": ("上年结转",), "剩下没花完": ("上年结转",), "没花完的钱": ("上年结转",),
    "结余下来": ("上年结转",), "结转结余": ("上年结转",), "截转": ("上年结转",),
    # a 决算's balance at the year's start, printed by one name or the other (年初 / 上年结转和结余)
    "年初结转和结余": ("上年结转和结余",), "上年结转和结余": ("年初结转和结余",), "年初结转结余": ("年初结转和结余", "上年结转和结余"),
    "往年结转": ("上年结转",), "往年剩下": ("上年结转",), "往年没花完": ("上年结转",), "结转过来的": ("上年结转",),
    "新钱": ("本年收入合计",), "老钱": ("上年结转",), "今年的新钱": ("本年收入合计",), "旧钱": ("上年结转",),
    "当年收入": ("本年收入合计",), "当年的收入": ("本年收入合计",), "当年拨款收入": ("本年收入合计",),
    "今年新给的": ("本年收入合计",), "新给的钱": ("本年收入合计",), "今年新拨的": ("本年收入合计",),
    # the report's grand total said of both sides (its summary table prints 收入总计 = 支出总计)
    "收支总计": ("收支总计", "收入支出总计", "收入总计"), "收支总额": ("收支总计", "收入支出总计", "收入总计"),
    "当年财政拨款": ("一般公共预算拨款收入", "财政拨款收入"), "本年财政拨款": ("一般公共预算拨款收入", "财政拨款收入"),
    "财政新拨": ("一般公共预算拨款收入", "财政拨款收入"), "新拨的财政": ("一般公共预算拨款收入", "财政拨款收入"),
    "财政新拨款": ("一般公共预算拨款收入", "财政拨款收入"), "新拨款": ("一般公共预算拨款收入", "财政拨款收入"),
    "财政今年拨": ("一般公共预算拨款收入", "财政拨款收入"),
    "单位自己的收入": ("单位资金",), "单位自有资金": ("单位资金",), "自有资金": ("单位资金",), "单位自筹": ("单位资金",),
    "财政给的钱": ("一般公共预算拨款收入", "财政拨款收入"), "财政拨的钱": ("一般公共预算拨款收入", "财政拨款收入"),
    # the state's money, as the public says it (国家拨的钱): the appropriation from the budget
    "国家拨的钱": ("财政拨款收入", "一般公共预算拨款收入"), "国家拨款": ("财政拨款收入", "一般公共预算拨款收入"),
    "国家给的钱": ("财政拨款收入", "一般公共预算拨款收入"), "国家拨了": ("财政拨款收入", "一般公共预算拨款收入"),
    "国拨": ("财政拨款收入", "一般公共预算拨款收入"), "政府拨款": ("财政拨款收入", "一般公共预算拨款收入"),
    "能花多少": ("支出总计",), "能花的钱": ("支出总计",), "可以花多少": ("支出总计",), "能用多少": ("支出总计",),
    "总共花": ("支出总计", "本年支出合计"), "一共花": ("支出总计", "本年支出合计"), "一年花": ("支出总计", "本年支出合计"), "总共要花": ("支出总计", "本年支出合计"),
    "一年总共花": ("支出总计", "本年支出合计"), "花多少钱": ("支出总计", "本年支出合计"),
    # what the money is for, in everyday words
    "养人的钱": ("基本支出",), "养人": ("基本支出",), "干事的钱": ("项目支出",), "办事的钱": ("项目支出",),
    "花在项目上": ("项目支出",), "项目上的钱": ("项目支出",), "项目那块": ("项目支出",), "项目那部分": ("项目支出",),
    "做项目的钱": ("项目支出",), "搞项目的钱": ("项目支出",),
    "干项目的钱": ("项目支出",), "进帐": ("收入总计",), "进账": ("收入总计",), "花出去": ("支出总计",),
    "人员运转": ("基本支出",), "人员和运转": ("基本支出",), "运转那块": ("基本支出",), "保运转": ("基本支出",),
    "发给人的钱": ("人员经费",), "发给人": ("人员经费",), "办公用的": ("公用经费",),
    "人头上的钱": ("人员经费",), "人头钱": ("人员经费",), "办公用的钱": ("公用经费",),
    "吃饭招待": ("公务接待费",), "接待吃饭": ("公务接待费",),
    "给退休的": ("退休费",), "退休人员的钱": ("退休费",),
    "总共多少钱": ("收入总计",), "一共多少钱": ("收入总计",), "总共有多少钱": ("收入总计",), "一共有多少钱": ("收入总计",),
    "总盘子": ("收入总计",), "盘子": ("收入总计",), "收支总盘子": ("收入支出总计", "收支总计", "收入总计"),
    "收支盘子": ("收入支出总计", "收支总计", "收入总计"), "总支出": ("支出总计", "本年支出合计"), "总收入": ("收入总计",),
    "支出总额": ("支出总计", "本年支出合计"), "收入总额": ("收入总计",), "全部收入": ("收入总计",), "全部支出": ("支出总计", "本年支出合计"),
    "预算总额": ("收入总计",), "总预算": ("支出总计",), "整个预算": ("收入总计",), "这个预算": ("收入总计",),
    "基金预算": ("政府性基金预算", "政府性基金"), "基金拨款": ("政府性基金预算", "政府性基金"), "基金支出": ("政府性基金预算", "政府性基金"),
    "这份预算": ("收入总计",), "整体预算": ("收入总计",), "全部预算": ("收入总计",),
    "收支总计": ("收支总计", "收入支出总计", "收入总计"), "收支总额": ("收支总计", "收入支出总计", "收入总计"), "收支总预算": ("收支总计", "收入总计"),
    "收支总规模": ("收支总计", "收入总计"), "收支规模": ("收支总计", "收入总计"),
    # the 三公 items and running costs
    "三公": ("三公经费",), "3公": ("三公经费",), "机关运行": ("机关运行经费",), "运行经费": ("机关运行经费",), "运行费": ("机关运行经费",),
    "运转经费": ("机关运行经费",), "运转费": ("机关运行经费",), "专项经费": ("项目支出",), "专项资金": ("项目支出",),
    "公车购置和运维": ("公务用车购置及运行费",), "公车购置和运行": ("公务用车购置及运行费",),
    "公车购置及运行": ("公务用车购置及运行费",), "公车购置": ("公务用车购置费",), "公车运维": ("公务用车运行维护费",),
    "买车": ("公务用车购置费",), "买公车": ("公务用车购置费",), "买新车": ("公务用车购置费",), "购车": ("公务用车购置费",),
    "公车运行": ("公务用车运行维护费",), "加油修车": ("公务用车运行维护费",), "修车加油": ("公务用车运行维护费",),
    "车加油": ("公务用车运行维护费",), "养车的钱": ("公务用车运行维护费",), "管车的钱": ("公务用车运行维护费",), "车辆运行维护": ("公务用车运行维护费",), "公车": ("公务用车购置及运行费",),
    "出国": ("因公出国（境）费", "因公出国（境）费用"), "因公出国": ("因公出国（境）费", "因公出国（境）费用"), "接待费": ("公务接待费",), "公务接待": ("公务接待费",),
    "政采": ("政府采购",), "基建": ("基本建设资金支出", "基本建设资金", "基本建设支出"),
    # a school's fees as the public says them: the income column 教育收费 (of 事业收入)
    "学费": ("教育收费",), "学费收入": ("教育收费",), "学杂费": ("教育收费",),
    # projects by what they pay for (matched within the printed project names)
    "房租": ("租赁费",), "租金": ("租赁费",), "房屋租金": ("租赁费",), "租房": ("租赁费",),
    "律师": ("法律顾问",), "请律师": ("法律顾问",), "法律顾问费": ("法律顾问",),
}

# A name for several items a report prints separately: the members are the report's rows whose name
# contains one of the words (in the basic-expenditure economic table first; ^word: whose name starts with it).
# The group's figure is their sum.
GROUPS: dict[str, tuple[str, ...]] = {
    "社保缴费": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "社会保险缴费": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "社保费": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "五险": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "五险一金": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费", "住房公积金"),
    "三险一金": ("养老保险缴费", "医疗保险缴费", "社会保障缴费", "住房公积金"),
    "工资": ("基本工资", "津贴补贴", "奖金", "绩效工资"),
    "工资类": ("基本工资", "津贴补贴", "奖金", "绩效工资"),
    "社会保障缴费": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "工资那几项": ("基本工资", "津贴补贴", "奖金", "绩效工资"),
    "社保那几个": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "社保那几项": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "交的社保": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "缴的社保": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "交社保": ("养老保险缴费", "职业年金缴费", "医疗保险缴费", "社会保障缴费", "医疗补助缴费"),
    "医疗支出": ("行政单位医疗", "事业单位医疗", "公务员医疗补助"),
    "水电": ("^水费", "^电费", "水电费"), "水电费": ("^水费", "^电费", "水电费"),
}


def holds_member(name: str, member: str) -> bool:
    """Whether a printed name is a group's member: it holds the member's word, or starts with it where the
    member is written ^word (电费 is not 邮电费)."""
    return name.startswith(member[1:]) if member.startswith("^") else member in name

# The two halves of 基本支出 (基本支出的公用经费: the half, said of its whole).
BASIC_HALVES = ("人员经费", "公用经费")

# The budgets a 决算 sets its outturn against (全年预算 … 决算数), as its text names them.
BUDGETS = ("全年预算", "年初预算", "调整预算")

# Columns a question names as an item of its own (基本支出 …): found in table headers, not rows.
COLUMN_ITEMS = ("基本支出", "项目支出", "人员经费", "公用经费", "当年预算安排", "上年结转安排", "一般公共预算",
                "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金")

# The names of a report's two project lists (their totals): this year's and the carried-over one.
LIST_NAMES: dict[str, tuple[str, ...]] = {
    "上年结转": ("上年结转项目", "上年结转项目支出", "结转项目", "结转项目支出", "去年结转项目", "上年结转的项目",
                "结转的项目", "上年结转项目总额", "结转项目总额", "上年结转安排的项目", "结转安排的项目"),
    "本年": ("本年项目", "本年项目支出", "本年新安排项目", "今年新安排的项目", "当年项目", "本年预算项目", "本年的项目",
             "当年预算安排的项目", "当年安排的项目", "本年安排的项目"),
}

# Topics a report treats in a table or a paragraph of its own; a question naming one asks about that.
TOPICS: dict[str, tuple[str, ...]] = {
    "三公经费": ("三公",),
    "机关运行经费": ("机关运行",),
    "政府采购": ("政府采购", "采购"),
    "国有资产": ("国有资产", "资产"),
    "绩效目标": ("绩效目标", "绩效"),
}

# The standard items of the 部门预算支出经济分类: a question naming one the report does not print
# gets "not printed" instead of a neighbour's figure (会议费 is not 视频会议…).
# The 类 of the functional classification (支出功能分类科目) with names no other line of a report holds: a report
# that prints none of them has no figure for it, and no other name may be read into it (一般公共服务支出 is not
# 一般公共预算). 其他支出, 预备费 and the like are left out: they are also the names of other rows.
STANDARD_FUNCTION_CLASSES: tuple[str, ...] = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "社会保障和就业支出", "社会保险基金支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
    "资源勘探工业信息等支出", "商业服务业等支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出",
    "粮油物资储备支出", "灾害防治及应急管理支出", "债务还本支出", "债务付息支出", "债务发行费用支出",
)
STANDARD_ECONOMIC_ITEMS: tuple[str, ...] = (
    "基本工资", "津贴补贴", "奖金", "伙食补助费", "绩效工资", "机关事业单位基本养老保险缴费", "职业年金缴费",
    "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金", "医疗费", "其他工资福利支出",
    "办公费", "印刷费", "咨询费", "手续费", "水费", "电费", "水电费", "邮电费", "取暖费", "物业管理费", "差旅费",
    "因公出国（境）费用", "维修（护）费", "维修费", "租赁费", "会议费", "培训费", "公务接待费", "专用材料费",
    "被装购置费", "专用燃料费", "劳务费", "委托业务费", "工会经费", "福利费", "公务用车运行维护费", "其他交通费用",
    "税金及附加费用", "其他商品和服务支出", "离休费", "退休费", "退职（役）费", "抚恤金", "生活补助", "救济费",
    "医疗费补助", "助学金", "奖励金", "房屋建筑物购建", "办公设备购置", "专用设备购置", "信息网络及软件购置更新",
    "公务用车购置", "其他交通工具购置", "物资储备", "电话费", "网络费", "燃料费", "加班费", "宣传费", "广告费",
    "招待费", "车辆保险费", "通讯费", "书报费", "订阅费", "餐费", "会议费用", "培训费用",
)

# The standard codes of the departmental economic classification (部门预算支出经济分类科目), for reports that print
# its items by name only: a code typed (30201, 30201+30202) names the item the report prints under that name.
ECONOMIC_CODES: dict[str, str] = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费",
    "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金", "30114": "医疗费",
    "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费",
    "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费",
    "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费", "30216": "培训费",
    "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费", "30225": "专用燃料费", "30226": "劳务费",
    "30227": "委托业务费", "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
    "30240": "税金及附加费用", "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30303": "退职（役）费", "30304": "抚恤金",
    "30305": "生活补助", "30306": "救济费", "30307": "医疗费补助", "30308": "助学金", "30309": "奖励金",
    "30399": "其他对个人和家庭的补助",
    "310": "资本性支出", "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置", "31005": "基础设施建设",
    "31006": "大型修缮", "31007": "信息网络及软件购置更新", "31013": "公务用车购置", "31019": "其他交通工具购置",
    "31022": "无形资产购置", "31099": "其他资本性支出",
}

# Two-character words too common to stand for one name when typed alone.
COMMON_WORDS = ("工程", "服务", "工作", "管理", "事务", "建设", "办公", "日常", "中心", "单位", "保障", "运行", "系统",
                "其他", "一般", "行政", "事业", "社会", "公共", "标准", "财政", "拨款", "政府", "国有", "资本", "经营",
                "基金", "部门", "年度", "费用", "经费", "支出", "收入", "预算", "合计", "总计", "项目", "科目", "货物",
                "决算", "本年", "上年", "结转", "安排", "金额", "资金", "表格", "报告", "以上", "以下", "价值", "单位",
                "情况", "其中", "说明", "本身", "日常", "运转", "机关", "办公室", "部门预算", "职工", "干部", "员工", "人员", "区委", "市委", "县委", "党委", "政府",
                "人大", "政协")

# Words after digits that make them the opening of classification codes (以208打头的科目, 2101开头的两个项):
# every code that opens with them, read under the one code they all open with.
CODE_OPENING = r"(?:开头|打头|起头|字头|开始|为首|起始)"

# --------------------------------------------------------------------------- scope
# Which money: this year's arrangements (本年), carried over from last year (上年结转), or both (全部).
SCOPE_WORDS: dict[str, tuple[str, ...]] = {
    "本年": ("今年新项目", "新项目", "本年新项目", "新增项目", "不含上年结转", "不含结转", "不含截转", "不算截转", "不算上年结转", "不算结转", "不包括上年结转", "不包括结转", "扣除上年结转",
             "扣除结转", "剔除结转", "除去结转", "除去上年结转", "去掉结转", "刨去结转", "刨除结转", "不算去年剩下",
             "不算去年结转", "只看今年", "今年新安排", "本年新安排", "新安排", "当年预算安排", "本年预算安排",
             "当年安排", "本年安排", "当年预算", "本年预算", "当年", "本年", "今年新增", "新增安排", "新拨", "今年新给", "新给的"),
    "上年结转": ("上年结转", "去年结转", "往年结转", "前几年结转", "上一年结转", "以前年度结转", "结转下来", "结转资金", "结转的", "结转项目", "结转", "去年剩下",
                "结余下来", "截转", "去年没花完", "上年没花完", "没花完", "去年没有花完", "没有花完", "留到今年", "留到本年", "结转过来", "没用完", "转过来", "转到今年"),
    "全部": ("含上年结转", "含结转", "连结转", "带结转", "连带结转", "包括结转", "包括上年结转", "包含结转", "连同结转", "连同上年结转", "本年加结转",
             "本年和结转", "本年与结转", "本年及结转", "加上结转", "全部项目", "所有项目", "一起算", "总共的项目",
             "都算", "都算上", "都包括在内", "都包括进去", "全都算", "两部分都算", "也算上", "也算进去", "也加上", "一并计算",
             "算上结转", "算上上年结转", "算上截转", "含截转", "包括截转", "连同截转", "加上截转", "连上年结转",
             "连上年结转在内", "连结转在内", "结转在内", "上年结转在内", "连去年结转"),
}
# A scope word after one of these is excluded, not chosen (非上年结转, 不含…).
NEGATIONS = ("不含", "不算", "不包括", "不包含", "扣除", "剔除", "除去", "除了", "去掉", "刨去", "刨除", "排除", "非", "不计",
             "不是", "不属于")

# --------------------------------------------------------------------------- measures and funds
# What a figure is of, when a name has several: its columns, or a 决算's budget and outturn.
MEASURES: dict[str, tuple[str, ...]] = {
    "基本支出": ("基本支出",), "项目支出": ("项目支出",), "人员经费": ("人员经费", "人员支出"),
    "公用经费": ("公用经费", "公用支出"), "当年预算安排": ("当年预算安排", "当年安排", "本年预算安排"),
    "全年预算": ("全年预算", "全年预算数", "调整后预算", "调整预算数"), "完成率": ("完成率", "执行率", "完成比例"),
    "上年结转": ("上年结转安排", "上年结转"), "年初预算": ("年初预算", "年初预算数"), "调整预算": ("调整预算", "调整后预算"),
    "决算": ("决算数", "支出决算", "决算"), "预算数": ("预算数",), "合计": ("合计",),
}
# A part of a whole said in words (一半, 三成, 百分之五, 5%, 三分之一).
_FRACTION = r"一半|[一二两三四五六七八九十\d.]+成|百分之[一二两三四五六七八九十\d.]+|[\d.]+[%％]|[一二两三四五六七八九]分之[一二两三四五六七八九]"
# Pairs said short (基本和项目各多少): read as the two names in full; and other words typed short or by sound.
SHORT_PAIRS = patterns.Rewrites((
    # 基本和项目各多少 / 基本的和项目的 / 项目比基本: the two kinds of spending, each said by its first word
    # an analyst's operators over the report's names: A / B % is A's share of B; A/B between the two halves of
    # spending (基本/项目, 人员/公用) asks both, as 和 does
    (r"^(.+?)\s*[/／÷]\s*(.+?)\s*的?(?:%|％|百分比)\s*[？?]*$", r"\1占\2的百分比"),
    (r"基本(?:的|那块|部分)?(\s*(?:[和与、跟及加/／]|还是|或者?|对比?|比)?\s*)项目(?:的|那块|部分)?(?![支经])", r"基本支出\1项目支出"),
    (r"(?<![\u4e00-\u9fff])项目(?:的|那块|部分)?(\s*(?:[和与、跟及加/／]|还是|或者?|对比?|比)\s*)基本(?:的|那块|部分)?(?![支经])",
     r"项目支出\1基本支出"),
    (r"人员([和与、跟及加/／\s]?)公用(?![经支])", r"人员经费\1公用经费"),
    (r"(?<=基本支出|项目支出|人员经费|公用经费)\s*[/／]\s*(?=基本支出|项目支出|人员经费|公用经费)", "和"),
    (r"^占(?=[\d.,]+(?:万元|元|亿元)?的?(?:百分比|比例|比重|多少|几成|%))", "它占"),  # 占N的百分比, naming nothing: the last one's share of N
    (r"(?<=[这那])俩", "两个"),  # 这俩合计: these two
    # 项目占比 / 那基本的比重: the two halves of spending said by their first word, with a share asked of them
    (r"(?:^|(?<=[那和与、，,\s其])|(?<=它的))(基本|项目)(?=\s*(?:的|那块|这块)?\s*(?:占比|占多少|比例|比重|占几成))", r"\1支出"),
    # 人员的呢 / 公用那块多少: the two halves of 基本支出, said by their first words
    (r"(?:^|(?<=[那和与、，,\s]))(人员|公用)(?=(?:的|那块|这块|那部分)(?:呢|是多少|多少|占)|(?:呢|是多少)[？?]*$)", r"\1经费"),
    # spoken words for spending and for the most money (钱都砸哪儿了, 最“壕”的项目)
    # 专项 said alone for the spending on projects (专项连结转一共多少; 专项业务, 专项审计 are other words)
    (r"(?<![\u4e00-\u9fff])专项(?=连|含|带|加|和|与|一共|总共|合计|多少|有多少|呢|是多少|共|占|[，,。？?\s]|$)", "项目支出"),
    (r"(?<=[比较跟和与])(?:前一年|前1年|头一年)", "上年"),  # 比前一年小了多少: the year before the report's
    (r"[砸烧](?=哪|在|到|了|进|出去)", "花"), (r"(?<=一共|总共|全年|一年)用(?=了|掉|多少|几)", "花"),
    # 大的那个项比小的多多少: of two, the larger and the smaller are the two ends of their ranking
    (r"(?<![最更较比还第一二两三四五六七八九十\d万千百亿元减增降涨])(大|小|高|低)的(那个|那项|那一项|那笔|那类|那款)"
     r"([^，,。？?]{0,4}?)(比|和|跟|与)(大|小|高|低)的", r"最\1的\2\3\4最\5的"),
    (r"(?<!倒数)第[一1](大|多|高|贵)(?![\d个])", r"最\1"),  # 第一大的: the largest
    (r"最[“\"「]?壕[”\"」]?", "钱最多"), (r"最(?:烧钱|费钱|花钱)", "花钱最多"),
    (r"抑或", "还是"),  # 列入基本支出抑或项目支出: the written 'or' of a choice
    # A、B、C这几个呢: the names just typed, pointed at again (nothing counted)
    (r"(?<=[\u4e00-\u9fff])(?:这|那)(?:几|[两三四五六七八九])(?:个|项|类)(?=(?:呢|吧)?[？?。]*$)", ""),
    (r"(?:是不是|是否|算不算)(?:占)?(?:了)?大头|占大头(?:吗|么|不)", "是不是超过50%"),  # the bigger part: over half
    # A超过/不到B的一半 (百分之五, 三成, 三分之一): A's share of B set against that fraction
    # (哪个大类超过了总支出的一半: which ones pass, a filter, is left as typed)
    (r"^([^哪？?]*?)(?:是不是|是否)?(?:连|就|都|已经)?(超过|不到|不足|低于|高于|少于|多于|达到|过)了?([^，,。？?\d]{2,16}?)的"
     rf"({_FRACTION})", r"\1占\3是不是\2\4"),
    (rf"^([^哪？?]*?)(?:是不是|是否)?连?((?:(?!是不是|是否|连)[^，,。？?\d]){{2,16}}?)的({_FRACTION})(?:都|也)?"
     r"(不到|不足|没到|超过|达到|过)", r"\1占\2是不是\4\3"),
    # X是否超过一半 naming no whole: X's share (of the whole it is read within) set against that fraction
    (rf"^([^哪占比？?]*?)(?:是不是|是否|有没有)?(?:已经)?(超过|不到|不足|达到|过)了?({_FRACTION})(?=(?:了吗|吗|么|没有|了没|没)?[？?。]*$)",
     r"\1占比是不是\2\3"),
    # 主要花在哪个项目上: the item of that kind with the most money
    (r"(?:主要|大头|大部分|多半)(?:都)?(?:是)?(?:花|用|投|砸)(?:在|到)了?哪(?:一)?个(项目|科目|款|类|方面)(?:上|里)?", r"哪个\1最多"),
    # 结转 said alone (or with 多少): the money carried over, as the report's summary names it
    (r"^结转(?=(?:资金|的钱)?(?:多少|是多少|有多少|一共多少)?[？?]*$)", "上年结转"),
    # a bare total word as a question (合计？ / 一共呢 after several figures): how much they come to
    (r"^(合计|总计|一共|总共|共计|加起来|合起来|加总)(?:呢|是)?(?=[？?。]*$)", r"\1多少"),
    # 差的那部分 / 少掉的那块: the gap between two figures just set side by side
    (r"(?:差|少|缺)(?:的|出来的|掉的|下的)(?:那|这)?(?:一)?(?:部分|块|些)(?:钱)?", "差额"),
    # a bare 差 closing a comparison (表4 vs 表5 差, A和B差): how much they differ
    (r"(?<![相误偏落最很较太更变极])差(?=[呢吗嘛？?。！!\s]*$)", "差多少"),
    (r"有木有", "有没有"), (r"(?<=[多少几])米(?![^，,。？?\s]{0,2}(?:长|宽|高|距离))", "钱"),  # 花多少米: money, in internet slang (not 平方米)
    # words of asking a pinyin input method gets wrong (几被 for 几倍, 占必 for 占比, 比列 for 比例)
    (r"(?<=[几多少])被", "倍"), (r"占必", "占比"), (r"比列", "比例"), (r"合记", "合计"),
    (r"(?<=[过超破])(?:了)?(百|千)万", lambda m: "100万" if m.group(1) == "百" else "1000万"),  # 过百万: over a million yuan
    (r"节转|接转|洁转", "结转"), (r"(?<=结转)(?:过来|下来|过来了|下来了)(?=的)", ""),  # 去年结转过来的项目: the carried-over ones
    # 上年结转的那些项目: the list named by its scope, the pointing word only marks it
    (r"(结转|本年|今年|新安排)的(?:那些|这些|那几个|这几个)(?=项目)", r"\1的"),
    # a name set aside after it is said (退休费也扣掉的话还剩多少): as 再扣掉退休费 says it
    (r"^(?:那)?([^，,。？?也再都里中]{2,16}?)(?:也|再|都)(扣掉|去掉|减掉|拿掉|刨去|除去|扣除)(?:的话)?[，,]?", r"再\2\1"),
    # what the narrative says of the last subject, naming nothing (文字说明里是怎么写的 / 正文怎么说的)
    (r"^(?:那)?(?:文字说明|文字|正文|文中|说明)(?:里|中|上)?(?:面)?(?:又|是)?怎么(?:写|说|讲)的?(?=[？?。]*$)", "说明里怎么说"),
    # periodicals said in everyday words (订杂志的钱, 报纸订阅): the reports' 报刊订阅
    (r"订(?:阅)?(?:杂志|期刊|刊物|报纸|书报|报刊)|(?:杂志|期刊|刊物|报纸|书报)(?:的)?订阅", "报刊订阅"),
    # the report's own words typed by their sound (基本只出, 项目知出)
    (r"(?<=基本)只出|(?<=项目)知出", "支出"),
    # a thing supposed dropped from this year (X要是推迟到明年 / 如果取消X的话，…): the total asked without it (能省多少
    # after it asks the thing itself)
    (r"^(?:如果|要是|假如|假设|倘若)?(?:把)?([^，,。？?]{2,24}?)(?:要是|如果|假如)?(?:推迟到明年|推到明年|挪到明年|放到明年|延到明年|延后|取消|不做了?"
     r"|不安排了?|不上了|停掉)(?:的话)?(?=[，,](?!(?:能|可以|可|会|就)?(?:省|节约|节省|少花)))", r"不算\1"),
    (r"^(?:如果|要是|假如|假设|倘若)?(?:把)?(?:取消|砍掉|停掉|不安排|不做)(?:掉)?([^，,。？?]{2,24}?)(?:的话)?(?=[，,](?!(?:能|可以|可|会|就)?(?:省|节约|节省|少花)))", r"不算\1"),
    # comparison signs typed by analysts (count >=15, >15)
    (r"\s*(?:>=|≥)\s*", "大于等于"), (r"\s*(?:<=|≤)\s*", "小于等于"), (r"\s*>\s*", "大于"), (r"\s*<\s*", "小于"),
))  # (compiled once: re's cache of patterns compiled on the fly holds 512, and the reader uses more)
# English words typed among Chinese ones (code-switching: 它占支出总计的 share 呢, second place 呢), read as
# the Chinese word that asks the same; whole words only, longest first. Names in English are SYNONYMS.
_EN = r"(?<![a-z]){}(?![a-z])"
ENGLISH = patterns.Rewrites(((_EN.format(word), chinese) for word, chinese in (
    # a share asked in English order (what share of A goes to B) is B占A
    (r"(?:what\s+)?(?:share|percentage|proportion|part)\s+of\s+(?:the\s+)?([^?？]+?)\s+(?:goes\s+to|is\s+spent\s+on|is\s+for)\s+([^?？]+)",
     r"\2占\1的比例"),
    (r"(?:that|this)\s+(?:one\s+)?project", "这个项目"), (r"(?:that|this)\s+one", "它"),
    (r"total\s+(?:spending|expenditures?)", "支出总计"), (r"total\s+(?:income|revenues?)", "收入总计"),
    # what share of A is B: B占A; what shares of A (does the report give) for B versus C: each one's share of A
    (r"(?:what\s+)?(?:shares?|percentages?|proportions?)\s+of\s+(?:the\s+)?([^?？]+?)\s+(?:does\s+the\s+report\s+(?:give|state)\s+"
     r"|are\s+(?:given|stated)\s+|is\s+(?:given|stated)\s+)?for\s+([^?？]+)", r"\2各占\1的比例（报告写的）"),
    (r"(?:what\s+)?(?:share|percentage|proportion|part)\s+of\s+(?:the\s+)?([^?？]+?)\s+(?:is|are)\s+(?:it|this|that|they)", r"它占\1的比例"),
    (r"(?:what\s+)?(?:share|percentage|proportion|part)\s+of\s+(?:the\s+)?([^?？]+?)\s+(?:is|are)\s+([^?？]+)", r"\2占\1的比例"),
    # how much of it is A vs. B: each of the two, not their sum
    (r"how\s+much\s+of\s+(?:it|which|that)\s+(?:is|was|goes\s+to)\s+(.+?)\s+(?:vs\.?|versus)\s+([^?？,，]+)", r"其中\1和\2各多少"),
    (r"how\s+much\s+of\s+(?:it|which|that)\s+(?:is|was)\s+([^?？,，]+)", r"其中\1是多少"),
    (r"how\s+much\s+of\s+(?:it|which|that)\s+(?:is|was|comes?\s+from)", "其中多少是"),
    # recompute it from A and B: A as a share of B (a stated share checked against its two figures)
    (r"re-?(?:compute|calculate)\s+(?:it|this|that)?\s*(?:from|using|with)\s+([\d.,]+)\s+and\s+([\d.,]+)", r"\1占\2的百分比"),
    (r"in\s+(?:yuan|rmb|cny)", "以元为单位"), (r"in\s+(?:10,?000|ten\s+thousand)\s+yuan|in\s+wan", "以万元为单位"),
    (r"what\s+(?:is|was|are)\s+(?:the\s+)?total", "总计是多少"),
    (r"(\d[\d,]*(?:\.\d+)?)\s*(?:yuan|rmb|cny)", r"\1元"), (r"(\d[\d,]*(?:\.\d+)?)\s*million", lambda m: f"{(Decimal(m.group(1).replace(',', '')) * 100).normalize():f}万"),
    (r"as\s+an?\s+(?:share|percentage|proportion|percent|fraction)\s+of", "占"),  # A as a share of B: A占B
    (r"ratio\s+of\s+([^?？]+?)\s+to\s+([^?？]+)", r"\1占\2的比例"),  # ratio of A to B: A as a share of B
    (r"(\S+?)\s+(?:share|percentage|proportion)\s+of\s+(?:the\s+)?([^?？]+)", r"\1占\2的比例"),  # A share of B
    (r"which\s+(?:one\s+)?is\s+(?:bigger|larger|higher|more)", "哪个大"), (r"by\s+how\s+much", "差多少"),
    # names first, longest first: a phrase is one name (general public budget), not its words
    (r"initial\s+(general\s+public\s+)?budget(?:\s+appropriations?)?", lambda m: "一般公共预算财政拨款年初预算" if m.group(1) else "年初预算"),
    (r"(?:completion|execution)\s+rate", "完成率"), (r"(?:adjusted|revised)\s+budget", "调整预算"),
    (r"general\s+(?:public\s+)?budget", "一般公共预算"), (r"government(?:al)?[-\s]+funds?(?:\s+budget)?", "政府性基金预算"),
    (r"state[-\s]+capital(?:\s+operations?)?(?:\s+budget)?", "国有资本经营预算"),
    (r"(?:fiscal|financial|government)\s+(?:appropriations?|allocations?)", "财政拨款"),
    (r"carr(?:y|ied)[-\s]*(?:forward|over)s?(?:\s+from\s+(?:last|previous)\s+year)?|carryover", "上年结转"),
    (r"current[-\s]*year|this[-\s]+year(?:'s)?|new(?:ly)?[-\s]+(?:arranged|allocated)", "本年"),
    (r"basic\s+(?:expenditure|spending|expenses?)|basic(?=\s*(?:和|与|及|、|还是|或|vs|versus|and|or|\s+project))", "基本支出"),
    (r"project\s+(?:expenditure|spending|expenses?)(?!s)", "项目支出"),
    (r"(?<=基本支出)(\s*(?:和|与|及|、|还是|或|vs|and|or)\s*)project(?!s)", r"\1项目支出"),
    (r"(?:personnel|staff|employee|labou?r|people)\s+(?:expenditure|expenses?|costs?|funds?|spending)", "人员经费"),
    (r"public\s+(?:\(office\)\s+|office\s+)?(?:expenditure|expenses?|costs?|funds?)|operating\s+(?:expenses?|costs?)", "公用经费"),
    (r"personnel(?=\s*(?:vs\.?|versus|and|or|/|,|和|与))", "人员经费"),
    (r"function(?:al)?\s+(?:classification\s+)?categor(?:y|ies)", "功能分类的类"),
    (r"economic\s+(?:classification\s+)?categor(?:y|ies)", "经济分类的类"),
    (r"(?:more|greater|larger|higher|bigger)\s+than|above|over|exceed(?:s|ing)?", "超过"),
    (r"(?:less|fewer|smaller|lower)\s+than|below|under", "低于"), (r"at\s+least", "不少于"), (r"at\s+most", "不超过"),
    (r"housing\s+(?:provident\s+)?fund", "住房公积金"), (r"pensions?|endowment\s+insurance", "养老保险"),
    (r"medical\s+insurance|health\s+insurance", "医疗保险"), (r"basic\s+(?:salary|wages?|pay)", "基本工资"),
    (r"allowances?|subsid(?:y|ies)", "津贴补贴"), (r"bonus(?:es)?", "奖金"), (r"travel(?:\s+expenses?)?", "差旅费"),
    (r"(?:official\s+)?reception(?:\s+expenses?)?", "公务接待费"), (r"three\s+public(?:\s+expenses?)?|sangong", "三公经费"),
    (r"(?:official\s+)?vehicles?|cars?", "公务用车"), (r"(?:government\s+)?procurement", "政府采购"),
    (r"performance\s+(?:targets?|goals?|objectives?)|kpis?", "绩效目标"), (r"indicators?|metrics?", "指标"),
    (r"necessity|rationale", "必要性"), (r"legal\s+basis", "立项依据"),
    (r"total\s+budget(?:\s+size)?|budget\s+size|overall\s+budget", "预算总额"),
    (r"year[-\s]+on[-\s]+year|yoy", "同比"),
    # A+B vs C: whether the sum of the items equals C (an analyst's check of a total against its parts)
    (r"(\S+(?:\s*[+＋]\s*\S+)+)\s*(?:vs\.?|versus)\s*(\S+)", r"\1是否等于\2"), (r"vs\.?|versus", "和"),
    (r"(?<![\d.])%\s*of\s+(?:the\s+)?([^\s?？]+)", r"占\1的百分比"),  # % of N (no figure before %): a share of N
    (r"(?:the\s+)?split\s+(?:between|among|into)", "其中各多少："), (r"split", "各多少"),
    (r"not\s+including|excluding|exclusive\s+of|without", "不含"), (r"including|inclusive\s+of|with", "含"),
    (r"as\s+of\s+(?:which|what)\s+date|(?:on\s+)?(?:which|what)\s+date|as\s+of\s+when", "截至什么日期"),
    (r"other\s+(?:income|revenues?)", "其他收入"), (r"other\s+(?:expenditures?|spending|expenses?)", "其他支出"),
    (r"(?:business|operating)\s+(?:income|revenues?)", "经营收入"), (r"(?:service|institutional)\s+(?:income|revenues?)", "事业收入"),
    (r"income|revenues?", "收入"), (r"expenditures?|spending|expenses?", "支出"),
    (r"(?:second|2nd)(?:\s+(?:place|largest|biggest|highest))?", "第二"),
    (r"(?:third|3rd)(?:\s+(?:place|largest|biggest|highest))?", "第三"),
    (r"runner-?up", "第二"), (r"top\s*(\d+)", r"前\1"),
    (r"(?:the\s+)?(?:largest|biggest|highest|max(?:imum)?)", "最大"), (r"(?:the\s+)?(?:smallest|lowest|min(?:imum)?)", "最小"),
    (r"share|percentage|proportion|percent", "占比"),
    # ratio after two names (A和B的ratio, A/B ratio) is the one to the other; after one (X占Y的ratio, X的ratio呢) a share
    (r"([和与跟/／:：][\u4e00-\u9fff（）()]{1,20}?)\s*的?\s*ratio", r"\1之比"), (r"ratio", "比例"),
    (r"add(?:ed)?\s+up|sum(?:med)?(?:\s+up)?|altogether|combined", "加起来"), (r"in\s+total", "合计"),
    (r"total(?!\s*(?:expenditure|spending|income|revenue))", "合计"),
    (r"difference|gap|diff", "相差多少"), (r"how\s+much", "多少"), (r"how\s+many\s+tables", "几张表"), (r"how\s+many|number\s+of", "几个"),
    (r"amounts?|figures?", "金额"), (r"average|avg|mean", "平均"),
    (r"sub-?categor(?:y|ies)|children|sub-?items?", "下级科目"), (r"break\s*down|components?", "组成"),
    (r"categor(?:y|ies)", "类"), (r"funding\s+source|source\s+of\s+funds?|funded\s+by", "资金来源"), (r"funding|funds?", "资金"),
    (r"projects?", "项目"), (r"tables?", "表"), (r"(?:budget\s+)?units?|institutions?|bodies|entities", "单位"),
    (r"(?:are|is)\s+included|includes?|consists?\s+of|covers?", "包括"), (r"names?", "名称"),
    (r"(?:does|do)\s+(\S+(?:\s+\S+){0,2})\s+have", r"\1有"), (r"has|have", "有"), (r"reports?|documents?", "报告"), (r"budget", "预算"), (r"final\s+accounts?|actual", "决算"),
    (r"consistent|match(?:es)?|the\s+same|same", "一致"),
    (r"compared\s+(?:with|to)\s+(?:the\s+)?(?:year\s+before|previous\s+year|last\s+year|prior\s+year)", "与上年相比"),
    (r"(?:last|previous|prior)\s+year|(?:the\s+)?year\s+before", "上年"),
    (r"(?:gets?|receives?|has|have|with)\s+the\s+most(?:\s+money)?|the\s+most\s+money|most\s+money", "最多"),
    (r"(?:gets?|receives?|has|have|with)\s+the\s+least(?:\s+money)?|the\s+least\s+money|least\s+money", "最少"),
    (r"office\s+(?:space|buildings?|premises|rooms?)", "办公用房"),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m|m2|㎡", "平方米"), (r"how\s+(?:large|big)", "多大"),
    (r"f[ae]ll|dropped|drop|went\s+down|go\s+down|decreased", "减少"), (r"rose|rise|went\s+up|go\s+up|increased", "增长"),
    (r"growth(?:\s+rate)?|increase", "增长"), (r"decrease|decline", "减少"), (r"reasons?|why", "原因"),
    (r"(?:overall\s+)?(?:goal|objective|target)s?", "目标"), (r"which", "哪个"), (r"list", "列出"),
    (r"and", "和"), (r"of\s+it|of\s+which", "其中"),
    (r"in\s*(?:%|percent(?:age)?s?)", "百分比"), (r"the", ""),  # (in %: the share asked as a percentage)
)), needs=r"[A-Za-z]")  # (every English word needs a Latin letter: a question with none is left as it is)
# Funds a table title can carry (一般公共预算支出预算表): a question naming one reads that table.
# Dialect words for the asking words the reader knows (西南官话: 好多钱 is 多少钱, 啥子 is 什么), put in their place
# when the question has no 多少 of its own (好多钱 is also Mandarin for "a lot of money").
DIALECT = {"啥子": "什么", "咋个": "怎么", "整了好多": "花了多少", "好多钱": "多少钱", "好多万": "多少万",
           "好多个": "多少个", "好多份": "多少份", "好多项": "多少项", "好多台": "多少台", "好多辆": "多少辆",
           "好多人": "多少人", "好大": "多大", "好多": "多少"}
DIALECT_WORDS = patterns.compile("|".join(sorted(DIALECT, key=len, reverse=True)))

# Words of other dialects for the asking words the reader knows, put in their place in every question: each
# is a word Mandarin does not use in a budget question (吴语 几钿 is 多少钱; 粤语 系咪 is 是不是, after
# traditional characters are made simplified; 东北话 咋整 is 怎么办). A single character only where what
# follows it shows it is the dialect word (伊占 is 它占; 伐 closing a question is 吗).
REGIONAL = patterns.Rewrites((
    # 吴语 (上海话)
    (r"几钿", "多少钱"), (r"啥个|啥物事|啥末事", "什么"), (r"哪能", "怎么"), (r"阿拉", "我们"), (r"侬", "你"),
    (r"(?:^|(?<=[，,。？?\s]))伊(?=[占的是有多少比花用还呢])", "它"), (r"老多", "很多"), (r"里厢|里向", "里面"),
    (r"(?<=[\u4e00-\u9fff])伐(?=[？?。！!\s]*$)", "吗"), (r"(?<=[用花])掉(?=了|[几多啥])", "了"), (r"少掉", "减少"),
    (r"(?:搿|迭)(?:个|只)", "这个"),
    # 粤语
    (r"几多钱", "多少钱"), (r"几多", "多少"), (r"系唔系|系咪|系不系", "是不是"), (r"边个", "哪个"), (r"边度", "哪里"),
    (r"边(?=[一几些张项个类])", "哪"), (r"点解", "为什么"), (r"点样", "怎么样"), (r"乜嘢|咩嘢", "什么"), (r"嘅", "的"),
    (r"(?<![体关联派统干父母水星谱院])系(?=多少|几|边|乜|咩|咁|唔)", "是"),  # (系几多: 是多少)
    (r"(?<=[\u4e00-\u9fff])同(?![比期上一样级年时步类])(?=[\u4e00-\u9fff]{1,8}?(?:分别|各|加|一共|合计|总共|边|哪|谁|比))", "和"),
    (r"咗", "了"), (r"冇", "没有"), (r"唔(?=[系是该同够])", "不"), (r"啲", "些"), (r"佢(?:哋)?", "它"), (r"睇下|睇吓", "看一下"),
    (r"嗰|𠮶", "那"), (r"呢个", "这个"), (r"^咁(?!多|少|大|高)", "那"), (r"啱唔啱", "对不对"), (r"加埋(?:一齐|一起)?", "加起来"),
    # 西南官话: 头 after a text said as 里 (说明头讲, 报告头没写; 表头 is left as typed: it also names the header)
    (r"(?<=[明告])头(?=[讲写说有没里])", "里"),
    # 中原官话 (河南话、山东话): 恁 is 你们 before a name, 那么 before a size; 咧 ending a question is 呢
    (r"恁(?=[多大少高低么])", "那么"), (r"恁", "你们"), (r"(?<=[\u4e00-\u9fff])咧(?=[？?。！!\s]*$)", "呢"),
    (r"中不中", "行不行"), (r"弄啥(?:嘞|咧)?", "干什么"),
    # 东北话
    (r"几俩|几两(?=车|公车|公务车)", "几辆"),
    (r"多少个钱|几个钱", "多少钱"),  # (总共有多少个钱: money, not a count)
    (r"垫底(?:的)?|排(?:在)?最后(?:一个|一位|一名)?(?:的)?", "最少的"),  # (那垫底的呢: the last of a ranking)
    (r"咋整", "怎么办"), (r"啥玩意儿?", "什么"), (r"贼(?=[多少大小高低贵])", "很"), (r"老鼻子", "很多"),
    (r"嘎哈|干哈", "干什么"), (r"(?<![很好许太那这老])多钱", "多少钱"), (r"整了(?=多少|几)", "花了"),
))

# Short forms typed for a fund's name or a budget's parts, written out before a question is read (财拨支出 is
# 财政拨款支出, 基支 is 基本支出, 商服 is 商品和服务支出): finance clerks' shorthand.
ABBREVIATIONS = {"财拨": "财政拨款", "一般公共预算财拨": "一般公共预算财政拨款", "一般公共": "一般公共预算",
                 "一公预算": "一般公共预算", "一公财拨": "一般公共预算财政拨款", "基支": "基本支出", "项支": "项目支出",
                 "工福": "工资福利支出", "商服": "商品和服务支出", "机运": "机关运行经费", "政采": "政府采购",
                 "附中": "附属中学", "附小": "附属小学"}
# A short form that is also part of other words is written out only where those words cannot be: 一般公共 starts
# 一般公共服务, 项支 ends 该项支出, 工福 sits in 员工福利, 机运 starts 机运费 (each: the text before, the text after).
_GUARDS = {"一般公共": ("", r"(?=\s|[，,、：:；;的里中]|基本|项目|收入|支出|拨款|$)"),
           "项支": (r"(?<![该各此每单本一两某])", "(?!出)"), "工福": ("(?<![员职])", "(?!利)"),
           "基支": ("", "(?!出)"), "商服": ("", "(?!务)"), "机运": ("", "(?![费行])"), "政采": ("(?<!行)", "")}
ABBREVIATED = patterns.compile("|".join(before + re.escape(k) + after for k in sorted(ABBREVIATIONS, key=len, reverse=True)
                                  for before, after in [_GUARDS.get(k, ("", ""))]))

# Where a subject's money came from, asked (资金来源, 钱从哪来, 分别来自哪里, 是什么钱).
MONEY_SOURCE_ASKED = patterns.compile(r"来源|来自|从哪(?:里|儿)?来|哪来|什么钱")

# Which fund a subject's money comes from (用的是哪一类预算的钱, 什么资金安排的): the funds whose tables print it.
FUND_ASKED = patterns.compile(r"(?:哪一?[类种个块]|什么|啥)(?:预算|资金|财政资金)(?:的钱|安排|出的|的)?|(?:一般公共预算|一般预算)[表的]?还是(?:政府性)?基金"
                        r"|(?:走|用|出)的?(?:是)?(?:什么|啥|哪[类种个]|哪一[类种个])钱")

FUNDS = ("一般公共预算", "政府性基金预算", "政府性基金", "国有资本经营预算", "财政拨款", "财政专户管理资金", "单位资金")

# --------------------------------------------------------------------------- shape of the answer wanted
COMPARATORS: dict[str, tuple[str, ...]] = {
    "ge": ("不少于", "不低于", "不小于", "不下于", "至少", "大于等于", "大于或等于", "及以上", "以上（含）", "以上", ">=", "≥"),
    "le": ("不超过", "不高于", "不大于", "不多于", "至多", "小于等于", "小于或等于", "及以下", "以下", "<=", "≤"),
    "gt": ("超过", "大于", "高于", "多于", "超出", "过", ">"),
    "lt": ("低于", "小于", "少于", "不足", "不到", "未满", "不满", "<"),
    "eq": ("正好", "恰好", "刚好", "整整", "等于", "正是", "恰为"),
}
ORDER_DESC = ("最多", "最大", "最高", "最贵", "最费钱", "最花钱", "最烧钱", "大头", "从高到低", "从大到小", "由高到低", "由大到小", "前", "top", "最多的是",
              "金额最大", "钱最多", "占大头")
ORDER_ASC = ("最少", "最小", "最低", "最便宜", "最省", "最省钱", "从低到高", "从小到大", "由低到高", "由小到大", "倒数", "后", "末位")
EACH = ("分别", "各是", "各为", "各多少", "各自", "各有", "各占", "各项", "每个", "每项", "逐项", "各")
# Unit words: the answer is wanted in that unit too.
# The unit a figure is asked in: 多少元 / 几块, or a unit after a word of converting or expressing
# (以元表示, 按元计, 换算成元, 折合万元, 用万元为单位).
_INTO = r"(?:以|按|用|合成?|折合成?|换算?成|转换?成|算成|化成|折算成|折成|说成?|报成?|单位(?:是|为|用)?)"
UNIT_WORDS: dict[str, patterns.LazyPattern] = {
    "元": patterns.compile(rf"多少(?:钱)?(?:元|块)|几元|{_INTO}(?<!万)元(?:为单位|表示|计|来算|算|来表示)?|(?<!万)元为单位"),
    "万元": patterns.compile(rf"(?:多少|几)(?:钱)?[十百千]?万|{_INTO}万元?(?![\d])|万元为单位"),  # (按万: in 万元; 几千万: in 万元)
    "千元": patterns.compile(rf"多少千元|{_INTO}千元|千元为单位"),
    "亿元": patterns.compile(rf"(?:多少|几)(?:个|十|百)?亿|{_INTO}亿元?|亿元为单位"),
}
# Words that make a unit or rounding asked hold for the rest of the conversation (接下来都用元说, 后面都换成亿元).
FROM_NOW_ON = patterns.compile(r"(?:接下来|以后|往后|后面|之后|今后|后续|此后|下面|从现在(?:起|开始))(?:的?(?:问题|回答|答案|数字|金额|数))?"
                         r"(?:都|一律|统一|全部|全都|均)")
# Words of adding things up (加起来, 加一块, 合计 …): every reading of a sum asks with these.
ADDING = r"(?:加起来|合起来|加在一起|加到一起|加一起|加一块|加到一块|合一块|合在一起|算在一起|放一起|凑一起|相加|之和|总和|合计|一共|总共|共计|加总|加一遍|加一下|加一加)"
ADDED = patterns.compile(ADDING)
# Decimal places wanted: 保留一位小数 / 精确到小数点后两位 (group: how many), or a whole number
# (取整, 取个整数, 四舍五入到个位, 不要小数).
PLACES_WORDS = patterns.compile(r"(?:保留|留|精确到|四舍五入到|取)(?:到)?(?:小数点后)?([一二两三四五\d])位(?:小数)?|([一二两三四五\d])位小数"
                          r"|(?:取|保留|四舍五入(?:到|成|为)?|精确到|只要)(?:个|到)?(?:整数|整|个位)|不要小数|整数就(?:行|好|可以)|去掉小数")
# --------------------------------------------------------------------------- text
# Everyday words for the parts of a figure a recent answer showed (政府采购: 货物、工程、服务).
SHOWN_PART_WORDS: dict[str, str] = {"买东西": "货物", "买的东西": "货物", "买物品": "货物", "买设备": "货物",
                                    "买服务": "服务", "买的服务": "服务", "搞工程": "工程", "盖房子": "工程", "修房子": "工程"}
# Fields of a project's performance target sheet, by the words people use for them.
SHEET_FIELDS: dict[str, tuple[str, ...]] = {
    "项目属性": ("项目属性", "属性", "一次性项目还是", "经常性还是", "一次性的", "是一次性", "经常性的", "是经常性"),
    "项目期": ("项目期", "几年期", "实施期限", "期限", "干完", "做完", "几年完成", "一年完成", "多长时间", "多久",
             "实施期是几年", "实施期几年", "实施几年", "实施期多长", "什么时候开始", "什么时候实施", "何时实施", "开始实施",
             "实施时间", "起止时间", "起止日期", "实施周期", "周期"),
    "主管部门及代码": ("主管部门",),
    "实施单位": ("实施单位", "实施主体", "谁来实施", "谁实施", "执行单位", "谁来做", "谁负责实施"),
    "项目概况": ("项目概况", "概况", "干什么的", "做什么的", "主要内容", "是什么项目"),
    "立项依据": ("立项依据", "依据", "根据什么"),
    "项目设立必要性": ("必要性", "为什么要设立", "为什么设立", "设立原因", "为何设立", "为什么要搞", "为啥要",
                      "为什么需要", "为什么要做", "有什么必要", "为了啥", "为了什么", "目的是什么", "目的是啥", "什么目的",
                      "啥目的", "干啥用", "干嘛用", "为什么要设", "为何要设", "为什么设", "为什么要安排",
                      "为什么安排这个", "设立的原因", "有啥用", "有什么用", "有什么作用", "起什么作用", "作用是什么",
                      "保障啥", "保障什么", "用来干", "用来保障", "拿来干", "拿来做", "用来做"),
    "保证项目实施的制度、措施": ("措施", "制度", "保障措施", "怎么保证"),
    "项目实施计划": ("实施计划", "实施方案", "怎么实施", "进度安排", "计划是什么", "怎么做", "具体怎么搞"),
    "总体目标/年度": ("年度目标", "总体目标", "目标是什么", "要达到什么", "目标是啥", "达到什么目标"),
    "总体目标/实施期": ("实施期目标", "中长期目标"),
    "填报日期": ("填报日期", "填报时间", "什么时候填", "哪天填", "填表日期", "日期"),
}
# Fields read together: a project's period says how long, its attribute whether it ends (一次性项目（1年结束）).
# What a project is for: why it is set up and what it is to achieve this year.
SHEET_FIELDS_TOGETHER: dict[str, tuple[str, ...]] = {"项目期": ("项目属性",), "项目属性": ("项目期",),
                                                     "项目设立必要性": ("总体目标/年度",)}
# Kinds of performance indicators: the second level (数量指标…) and the first (产出指标, 效益指标, 满意度指标).
INDICATOR_KINDS = ("数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度", "效益", "产出")

# Openers and politeness that say nothing about what is asked.
FILLERS: tuple[str, ...] = (
    "百分之多少", "百分之几", "多少个百分点", "几个百分点", "请问", "请", "帮我", "帮忙", "查一下", "查询", "查", "告诉我", "我想知道", "想知道", "想了解", "了解一下", "看一下",
    "看看", "一下", "是多少", "多少钱", "有多少", "多少", "是什么", "什么", "有没有", "吗", "呢", "啊", "呀", "吧", "了",
    "嗯", "那个", "就是", "然后", "这个", "今年", "本年度", "年度", "的", "是", "有", "为", "一共", "总共", "钱", "预算数",
    "预算", "金额", "安排", "花", "用", "给", "能", "可以", "和", "与", "及", "还", "剩", "都", "各", "好的", "那笔", "这笔",
    "那", "这", "大概", "大约", "具体", "主要", "情况", "资金", "万元", "元", "多大", "几", "相关", "有关", "哪几笔", "几笔",
    "哪些", "哪几个", "哪个", "分别", "一下子", "这个项目", "项目", "科目", "指标值", "是不是", "是否", "占比", "比例",
    "比重", "占", "比", "在", "里面", "里", "相比", "跟", "较", "多多少", "少多少", "高多少", "低多少", "大多少",
    "小多少", "相差", "差多少", "加起来", "合起来", "加在一起", "相加", "之和", "加上", "加", "减去", "减", "除以", "上年结转", "去年结转", "结转", "口径", "按",
    "咱们", "咱", "我们", "我", "本单位", "本部门", "我单位", "该单位", "那么", "这么", "这块儿", "这块", "这部分", "这一块", "那块", "那一块", "部分",
    "回到刚才", "回到", "刚才那个", "刚才说的", "之前那个", "其中",
    # a change of view before what is asked (再往大了看，占X呢): no name
    "往大了看", "往大里看", "往上看", "放大了看", "放大看", "放大点看", "扩大范围看", "扩大范围", "从整体看", "从全局看",
    "整体来看", "整体看", "换个角度看", "换个角度", "换个口径看", "换个口径",
)

# Which one of a few things is asked (哪个多, 这两项哪一项增加得多, 谁变化大).
WHICH_ONE = r"(?:哪个|哪一个|哪项|哪一项|谁)"

# Follow-up words: a question holding one of these and naming nothing leans on the last answer.
FOLLOW_UP = patterns.compile(r"^那|^那么|^不对|这里面|那里面|这里头|这当中|^我是问|^我问的是|^我说的是|呢$|它|其中|该项|该科目|这个(?!部门|单位)|这项|此项|上面|刚才|那个|这些|那些|这几|那几|这两|那两|这俩|那俩|两者|二者|上述|^再|^加上|^又|^也|^换成|^换到|^换算|^折算|^折合|^折成|^转换成|^转成|^化成|^改成|^改为"
                       r"|^(?:那)?(?:只|仅|光|单)(?:看|算|要|说|计)(?!一下)"
                       r"|^还有呢|^(?:为什么|为啥|为何|什么原因|原因呢|原因是什么|怎么回事)[呢？?]*$")

# Things a budget report's tables never count (多少个村, 几个校区): only a sentence of the report that states
# the count answers.
COUNTED_ELSEWHERE = ("村", "乡镇", "镇", "乡", "社区", "学校", "校区", "学生", "企业", "公司", "医院", "户", "家庭",
                     "会议", "课程", "批次", "人次", "网点", "站点", "基地")

# 名称带“办公经费”的 / 名字里有档案的: things picked by words their name holds (group 1), not a name asked.
NAME_HOLDS = patterns.compile(r"(?:(?:名称|名字|项目名)(?:里|中)?(?:不|没)?(?:带|含|包含|包括|有|带有|含有|出现)(?:了)?"
                        r"|(?:跟|和|与|同)(?=[^，,。？?的]{2,12}(?:有关|相关)的))[“\"「『]?"
                        r"([^”\"」』，,。？?的]{2,12}?)[”\"」』]?(?:字样|两个字|几个字|这几个字|字|有关|相关)?的")
# Names that do not hold the words (名字里没有X的 / 名称不含X的 / 不要名字带X的): the others.
NAME_LACKS = patterns.compile(r"(?:不要|去掉|除去|排除|刨去)(?:名称|名字|项目名)|(?:名称|名字|项目名)(?:里|中)?(?:不|没)")

# Words of asking that run into a name typed after them (请问区委办公室, 老同志关心关工委, 麻烦问下今年…).
# (想看屯留区委办, 我是区委办退下来的: who asks or what they do, then the name)
ASKING_LEAD = patterns.compile(r"^(?:.*(?:请问|请教|问下|问一下|想问|想知道|麻烦|劳驾|关心|了解|咨询|打听|列示|说明|列出|提供|核实"
                         r"|想看|看看|看了一?下|查看|查询|查一下|翻到|翻开|打开|找到|注意到|看到|听说|据说|记得|印象中|印象里|以为|是))?"
                         r"(?:一下)?(?:今年|去年|本年)?")

# A person's pay or post (主任的工资, 书记一年收入): reports give departments' money, not people's. The staff's pay
# as a whole (给干部发工资的钱, 职工工资) is the department's wage spending, not one person's.
# how many people (几个退休人员, 多少名干部), not money said of people (多少钱对个人和家庭的补助)
HEADCOUNT = patterns.compile(r"(?:几|多少)(?![天年月日次回])(?:个|名|位)?[^\W\d钱元费额对给和与及]{0,4}?(?:人员|职工|干部|员工|人)"
                       r"(?!员经费|员支出|经费|均|和家庭)"
                       # (退休的有几个 / 在编的多少人: people counted by their standing, the noun left out)
                       r"|(?:退休|离休|离退休|在编|在职|编制内|编外)的?(?:有|是)?(?:几|多少)(?:个|名|位|人)(?![\u4e00-\u9fff])"
                       r"|人数(?:是|为|有)?(?:若干|多少|几)"  # (现有人数若干: how many, in writing)
                       r"|(?:几|多少)(?:个|位|名)?(?:叔叔阿姨|叔叔|阿姨|工作人员)|(?:多少|几)(?:个|位)?人?在上班")  # (叔叔阿姨在上班)
PERSONAL_PAY = patterns.compile(r"(?:主任|书记|局长|区长|县长|市长|科长|处长|部长|校长|院长|股长|领导|个人"
                           r"|(?:一个|一名|一位|某个|某位|单个)(?:干部|职工|员工))"
                           r".{0,6}(?:工资|收入|待遇|薪|奖金|年薪|月薪)"
                           r"|一个人(?:能|可以|能够)?(?:分|拿|得)"
                           r"|每(?:个|名|位|一个|一名|一位)?(?:干部|职工|员工|工作人员|公务员|党员|在编人员|老师|教师|学生|退休人员)")

# Questions about people, per-head figures, the future or details below the line items: reports hold none.
# Two-character budget words a pinyin input method gets wrong in one character (预酸, 决蒜, 经飞); only
# words no common word sounds like (支出 sounds like 指出, 收入 like 受辱: not here).
# The date a figure is counted at, asked (这数是截到啥时候的, 哪天的).
DATE_ASKED = patterns.compile(r"截(?:至|止|到)(?:啥|什么|哪)|(?:啥|什么)时候的|哪天的|什么日期")
# Whether the report has something at all (今年有没有, 涉及吗), not how much.
WHETHER_HAS = patterns.compile(r"有没有|有无|有吗|是否有|有不有|涉及")

# One-character verbs that stand between two names (X占Y), and the characters of their sound typed for them.
SOUND_ALIKE_VERBS = {"占": "站战沾栈湛绽蘸"}

SOUND_ALIKE_WORDS = ("预算", "决算", "经费", "结转", "拨款", "结余", "街道", "采购", "下降", "增长", "增加", "减少", "比例", "占比", "绩效",
                    "项目", "支出", "收入", "科目", "合计", "补贴", "补助", "资金", "费用", "工资", "福利", "办公", "培训", "会议",
                    "接待", "公务", "维修", "邮电", "印刷", "差旅")

OUT_OF_SCOPE = ("每辆", "每台车", "油费", "完工", "弄完", "竣工", "人员编制", "编制人数", "编制数多少人", "在编人数", "人均", "生均", "每个学生", "每名学生", "每人", "每个人", "每名在职", "每名职工", "每名人员", "每位在职", "每位职工", "个人工资", "书记", "局长", "主任工资", "区长", "县长", "谁", "哪位", "姓名",
                "名字叫", "电话", "明年", "下一年", "后年", "天气", "股票", "房价", "工资最高", "工资最低", "几个人", "多少人",
                "几人", "几名", "多少名", "截至目前", "截止目前", "已支出", "已经支出", "已花", "花了多少了", "执行进度",
                "执行率", "覆盖多少", "覆盖了哪", "覆盖哪", "每个乡镇", "平均每人", "平均每个人", "平均每天", "平均每月", "平均每年", "每份", "多少份", "单价是多少", "单价多少",
                "场次", "分到多少", "能分到", "分给我们", "每个村", "每个居委", "每个社区", "每个小区", "每个街道", "每村", "我们村", "咱们村", "咱村", "我们乡", "我们镇",
                "每场", "品牌", "型号", "律师事务所", "中标", "供应商", "合同金额", "合同价", "品目", "拨付进度", "用款计划", "按季度", "一份多少", "一本多少", "换了多少台", "几台电脑", "承包商", "承建单位", "合同期", "编制数",
                "编制人数", "地址", "在哪办公", "多少台电脑", "一台多少", "哪年买", "哪一年买", "什么时候买", "何时买", "购置时间", "购买时间", "多少编制", "几个编制", "建几个", "建多少个", "几个乡镇", "多少个乡镇", "实有人数", "在编", "在职人数", "采购什么", "买什么", "买了什么", "什么设备",
                "采购几台", "具体采购", "买了哪些", "哪些设备", "牌子", "多少次会", "几次会", "开多少次", "开几次", "使用频率", "使用次数", "谁批准",
                "谁审批", "谁签字", "审批人", "负责人是", "每条", "月租", "具体是啥东西", "具体是什么东西",
                "哪家事务所", "哪家律所", "哪家公司", "哪个公司", "买了多少台", "买多少台", "买了几台", "买几台",
                "自评得分", "自评分", "评分多少", "得分多少", "打了多少分", "评价得分",
                "报销比例", "能报销", "报销多少", "报销几成")
# Characters after a refusal word that make its last character the start of another word: 中标 read across
# 表中 + 标注 (表中标注“本表无数据”的) asks of the tables, not of a bid won.
OUT_OF_SCOPE_SPLIT = {"中标": "注明出记识"}


# Words that ask for the counts of the asset paragraph (国有资产占有使用情况), by the unit counted.
ASSET_WORDS: dict[str, tuple[str, ...]] = {
    "平方米": ("平方米", "平米", "面积", "办公用房", "办公楼", "房屋", "房子", "用房"),
    "台": ("几台", "多少台", "台（套）", "几套", "设备"),
    "辆": ("几辆", "多少辆", "辆车", "车辆数", "用车编制", "公车数", "有公车", "有没有公车", "有车吗", "有没有车", "公车吗",
          r"[\d一两二三四五六七八九十]辆"),  # (有两辆公车: a count of vehicles said, to be checked)
}


# The government economic classification (政府预算支出经济分类) that a department's economic items
# (部门预算支出经济分类, the rows of the basic-expenditure table) fall under, as 财政部's 政府收支分类科目
# pairs them for an administrative unit: item -> (class, section). Reports do not print this pairing.
GOVERNMENT_ECONOMIC: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("基本工资", "津贴补贴", "奖金"), ("501 机关工资福利支出", "50101 工资奖金津补贴")),
    **dict.fromkeys(("机关事业单位基本养老保险缴费", "职业年金缴费", "职工基本医疗保险缴费", "公务员医疗补助缴费",
                     "其他社会保障缴费"), ("501 机关工资福利支出", "50102 社会保障缴费")),
    "住房公积金": ("501 机关工资福利支出", "50103 住房公积金"),
    **dict.fromkeys(("伙食补助费", "医疗费", "其他工资福利支出"), ("501 机关工资福利支出", "50199 其他工资福利支出")),
    "绩效工资": ("505 对事业单位经常性补助", "50501 工资福利支出"),
    **dict.fromkeys(("办公费", "印刷费", "咨询费", "手续费", "水费", "电费", "邮电费", "取暖费", "物业管理费", "差旅费",
                     "租赁费", "工会经费", "福利费", "其他交通费用"), ("502 机关商品和服务支出", "50201 办公经费")),
    "会议费": ("502 机关商品和服务支出", "50202 会议费"), "培训费": ("502 机关商品和服务支出", "50203 培训费"),
    **dict.fromkeys(("专用材料费", "被装购置费", "专用燃料费"), ("502 机关商品和服务支出", "50204 专用材料购置费")),
    **dict.fromkeys(("劳务费", "委托业务费"), ("502 机关商品和服务支出", "50205 委托业务费")),
    "公务接待费": ("502 机关商品和服务支出", "50206 公务接待费"),
    "因公出国（境）费用": ("502 机关商品和服务支出", "50207 因公出国（境）费用"),
    "公务用车运行维护费": ("502 机关商品和服务支出", "50208 公务用车运行维护费"),
    "维修（护）费": ("502 机关商品和服务支出", "50209 维修（护）费"),
    **dict.fromkeys(("税金及附加费用", "其他商品和服务支出"), ("502 机关商品和服务支出", "50299 其他商品和服务支出")),
    **dict.fromkeys(("离休费", "退休费", "退职（役）费"), ("509 对个人和家庭的补助", "50905 离退休费")),
    **dict.fromkeys(("抚恤金", "生活补助", "救济费", "医疗费补助"), ("509 对个人和家庭的补助", "50901 社会福利和救助")),
    "助学金": ("509 对个人和家庭的补助", "50902 助学金"),
    **dict.fromkeys(("奖励金", "其他对个人和家庭的补助"), ("509 对个人和家庭的补助", "50999 其他对个人和家庭的补助")),
}
# Words that ask for the government classification rather than the department's own.
# A share asked in a form other than a percentage: per mille, tenths (几成), a fraction (几分之几).
SHARE_FORM = patterns.compile(r"(千分之)几|(?:几|多少)(成)|(几分之几)")

GOVERNMENT_ECONOMIC_WORDS = ("政府预算支出经济", "政府经济分类", "政府经济科目", "政府预算经济", "政府支出经济", "政府预算支出经济科目")

# The note a report prints under a table that has no figures (本表无数据 and the ways templates say it).
EMPTY_NOTE = patterns.compile(r"本表无数据|故本表为空|本表为空|无数据")
