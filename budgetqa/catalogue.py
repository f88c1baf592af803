"""The question catalogue: intent templates, cue words, synonyms and abbreviations.

Plain data: extend it without reading the matcher. Templates are phrases with slots in braces;
the matcher replaces what it recognises in a question (a code, a subject, a project, a number)
with the slot name and compares the result with every template (rapidfuzz), and cue words add
evidence. Synonyms map what people type to names the reports print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    """One kind of question: its name, templates, cue words and what it needs to answer."""

    name: str
    description: str
    templates: tuple[str, ...]
    cues: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # slot kinds of which at least one must be present
    examples: tuple[str, ...] = ()
    weight: float = 1.0
    requires_cue: bool = True  # without one of its cue words the intent is not considered
    cue_weight: float = 40  # how much finding a cue word counts (generic cues count less)


INTENTS: tuple[Intent, ...] = (
    Intent(
        "help", "what budgetqa can answer",
        ("你能回答什么", "能问什么", "帮助", "怎么用", "使用说明", "help", "你会什么", "可以问哪些问题"),
        cues=("帮助", "能回答", "能问", "怎么用", "help", "会什么", "问什么"),
        examples=("你能回答什么",),
    ),
    Intent(
        "consistency", "check a total, a share or a growth rate against the document's own figures",
        ("{table}合计{amount}等于{amount}+{amount}吗", "{item}增长{percent}对吗", "表里的数对不对",
         "增长率是不是算错了", "合计对不对", "有没有算错的地方", "数据有没有问题", "{table}合计对不对"),
        cues=("对吗", "对不对", "是否正确", "算错", "算得对", "等于", "相符", "一致吗", "核对", "有没有问题",
              "有问题吗", "矛盾", "对得上", "有误", "错误", "检查", "准确吗", "正确吗", "是不是", "是否", "对不上",
              "吻合", "一致", "相等", "=", "对么", "平衡", "赤字", "收支相抵"),
        examples=("表三合计对不对", "机关运行经费增长0.69%对吗"),
        weight=1.3,
    ),
    Intent(
        "glossary", "what a budget term means",
        ("什么是{term}", "{term}是什么意思", "{term}指什么", "{term}的含义", "解释一下{term}", "{term}是啥"),
        cues=("什么意思", "什么是", "指什么", "含义", "定义", "解释", "是啥", "啥意思", "何为", "概念", "包含哪",
              "包括哪", "哪几类", "分为", "怎么理解", "是指", "什么叫", "指的是", "叫什么", "何谓", "啥叫"),
        needs=("term",),
        examples=("什么是三公经费", "上年结转是什么意思"),
        weight=1.2,
    ),
    Intent(
        "duties", "the department's duties",
        ("主要职责", "{department}的职责是什么", "负责什么工作", "职能有哪些", "是干什么的"),
        cues=("职责", "职能", "负责什么", "干什么", "做什么", "管什么", "任务是", "负责哪些", "管哪些"),
        examples=("区委办主要职责",),
    ),
    Intent(
        "units", "internal units and subordinate units",
        ("内设机构有哪些", "下属单位有哪些", "有哪些科室", "机构设置", "有几个内设机构"),
        cues=("内设机构", "下属单位", "科室", "机构设置", "内设", "下属", "股室", "所属单位", "单位构成", "部门构成",
              "二级单位", "下面有哪些单位", "下面的单位", "哪些单位", "下设"),
        examples=("内设机构有哪些",),
        weight=1.2,
    ),
    Intent(
        "assets", "vehicles, office space and equipment",
        ("公车几辆", "有多少辆车", "办公用房面积", "房屋面积多少", "有多少设备", "国有资产情况"),
        cues=("车", "辆", "面积", "房屋", "办公用房", "设备", "资产", "平方米", "用房", "平米", "平方", "办公楼",
              "几台", "台套"),
        examples=("公车几辆", "办公用房面积"),
        weight=1.35,
    ),
    Intent(
        "performance", "a project's performance target sheet",
        ("{project}的绩效目标", "{project}项目属性", "{project}实施期资金总额", "{project}年度资金",
         "{project}立项依据", "{project}的指标", "{project}项目期", "{project}总体目标", "它的绩效目标"),
        cues=("绩效", "项目属性", "项目期", "实施期", "年度资金", "资金总额", "立项依据", "必要性", "项目概况",
              "总体目标", "指标", "填报日期", "实施计划", "一次性", "实施单位", "主管部门", "为什么要设立", "为什么设立",
              "设立原因", "为何设立", "依据是什么", "质量要求", "数量要求", "时效要求", "成本要求", "满意度"),
        examples=("山西画报订阅费用 项目属性", "办公室日常工作经费实施期资金总额多少元"),
        weight=1.1,
    ),
    Intent(
        "count", "how many projects, subjects or items",
        ("项目有几个", "{scope}项目有几个", "有多少个项目", "几个科目", "多少项"),
        cues=("几个", "多少个", "个数", "几项", "多少项", "数量", "几条", "多少条"),
        examples=("今年新安排的项目有几个", "上年结转项目有几个"),
        weight=1.1,
    ),
    Intent(
        "ranking", "the largest or smallest items within a scope",
        ("哪个项目钱最多", "{scope}项目里哪个最多", "最少的是哪个", "前{n}个项目", "排名前{n}", "最大的几个",
         "哪个类最少", "金额最高的"),
        cues=("最多", "最大", "最高", "最少", "最小", "最低", "排名", "排序", "前几", "top", "第一", "倒数",
              "哪个钱多", "哪项多", "最贵", "从高到低", "从大到小", "由高到低", "由大到小", "从低到高", "从小到大",
              "排一下", "排个序", "大头", "第二", "第三", "最大的是哪", "最多的是哪", "最高的是哪", "最小的是哪",
              "最少的是哪", "最低的是哪", "最大的款", "最大的项"),
        examples=("今年新安排的项目里哪个钱最多", "功能分类有钱的几个类里哪个最少"),
        weight=1.15,
    ),
    Intent(
        "share", "the share of one figure in another (stated or computed), naming the denominator",
        ("{item}占{base}的比例", "{item}占比多少", "{item}占{base}的比重", "{item}在{base}里占多少",
         "占比多少", "{item}的比例", "{item}占百分之几"),
        cues=("占比", "比例", "比重", "百分之几", "占", "份额", "百分比", "多大比例", "share", "percent", "ratio", "几成", "几倍", "多少倍", "倍数"),
        examples=("基本支出占总支出的比例", "差旅费占公用经费的比重"),
        weight=1.15,
    ),
    Intent(
        "yoy", "change from the previous year and the growth rate",
        ("{item}比上年增加多少", "{item}同比变化", "{item}比上年减少多少", "{item}增长了多少", "比去年多了多少",
         "降了百分之几", "上年是多少", "去年预算多少"),
        cues=("比上年", "同比", "增长", "下降", "减少", "增加", "变化", "变动", "比去年", "较上年", "上年数",
              "去年", "增幅", "降幅", "涨", "降了", "多了", "少了", "增减", "为啥增加", "为什么增加", "原因",
              "为啥减少", "为什么减少", "上年的", "上一年", "跟上年比", "和上年比", "与上年相比", "同上年比",
              "跟去年比", "和去年比", "倒推", "推算"),
        examples=("预算总收入比上年减少多少", "机关运行经费比2023年增加多少"),
        weight=1.1,
    ),
    Intent(
        "difference", "the difference between two figures",
        ("{item}和{item}差多少", "{item}比{item}多多少", "{item}减{item}", "{item}-{item}", "{item}与{item}相差"),
        cues=("差多少", "相差", "多多少", "少多少", "差额", "差距", "减去", "之差", "高多少", "低多少", "大多少",
              "小多少", "多出", "少了多少", "多了多少", "差几", "minus", "difference", "diff"),
        needs=("item",),
        examples=("基本支出比项目支出少多少",),
        weight=1.2,
    ),
    Intent(
        "sum", "the sum of named items",
        ("{item}+{item}", "{item}和{item}加起来", "{item}加{item}", "{item}与{item}合计", "{item}一共多少"),
        cues=("+", "加起来", "加一起", "加在一起", "之和", "总和", "合起来", "一共", "总共", "相加", "合计", "共计",
              "加总", "plus", "sum"),
        needs=("item",),
        examples=("基本工资+津贴补贴+奖金=?", "行政单位医疗和事业单位医疗加一起"),
        weight=1.15,
    ),
    Intent(
        "filter", "items above or below a threshold",
        ("超过{amount}的项目", "大于{amount}的项目", "{amount}以上的项目", "低于{amount}的项目", "不到{amount}的"),
        cues=("超过", "大于", "以上", "高于", "低于", "小于", "以下", "不足", "不到", "多于", "少于"),
        needs=("amount",),
        examples=("超过50万的项目",),
        weight=1.2,
    ),
    Intent(
        "children", "the rows under a subject code or a group",
        ("{code}类下面有啥", "{subject}下面有哪些", "{subject}包括哪些", "{subject}的明细", "{subject}由什么构成"),
        cues=("下面", "下级", "明细", "包括哪些", "包含哪些", "有哪些", "有啥", "构成", "细分", "分项", "下属科目", "哪些款", "哪些项",
              "下各项", "下分", "下设", "哪几个科目", "各项科目", "分哪几", "分为哪"),
        needs=("code", "subject", "economic", "column"),
        examples=("221类下面有啥",),
        weight=1.05,
    ),
    Intent(
        "list_projects", "the project lists (this year's and carried over)",
        ("项目有哪些", "{scope}的项目有哪些", "哪些项目", "项目清单", "列出项目", "上年结转的项目有哪些"),
        cues=("哪些项目", "项目有哪些", "项目清单", "项目列表", "列出", "所有项目", "项目明细", "哪些科目", "科目有哪些",
              "按科目", "分布在哪", "怎么分布", "如何分布", "分布情况"),
        examples=("上年结转的项目有哪些",),
        weight=1.1,
    ),
    Intent(
        "three_public", "三公 expenses and each component",
        ("三公经费多少", "因公出国费用", "公务接待费多少", "公务用车运行维护费", "三公经费情况"),
        cues=("三公", "因公出国", "公务接待", "公务用车购置", "公务用车运行", "公车购置", "公车运维", "公车运行",
              "出国", "接待费"),
        examples=("三公经费多少",),
        weight=1.3,
    ),
    Intent(
        "operating_cost", "机关运行经费",
        ("机关运行经费多少", "机关运行经费预算"),
        cues=("机关运行",),
        examples=("机关运行经费多少",),
        weight=1.25,
    ),
    Intent(
        "procurement", "政府采购 and its split into goods, works and services",
        ("政府采购预算多少", "采购货物多少", "采购服务多少", "采购工程多少"),
        cues=("采购", "政采", "procurement"),
        examples=("政府采购预算多少",),
        weight=1.3,
    ),
    Intent(
        "basic_vs_project", "basic vs project expenditure",
        ("基本支出多少", "项目支出多少", "基本支出和项目支出各多少", "人员经费和公用经费"),
        cues=("基本支出", "项目支出"),
        examples=("基本支出多少？项目支出多少？",),
    ),
    Intent(
        "totals", "totals of income and expenditure, by side and fund source",
        ("收入总计多少", "支出总计", "总预算多少", "本年收入合计", "一般公共预算拨款收入多少", "预算总额",
         "本年支出合计里当年预算安排和上年结转各多少", "财政拨款收入", "上年结转多少"),
        cues=("总计", "合计", "总额", "总预算", "总收入", "总支出", "一共", "拨款收入", "收入", "支出", "预算规模",
              "当年预算安排", "上年结转", "财政拨款", "总盘子", "盘子", "规模", "总体"),
        examples=("收入总计多少", "一般公共预算拨款收入多少"),
        weight=0.95,
    ),
    Intent(
        "table", "one table of the report: its totals and rows",
        ("表{amount}", "{table}", "{table}的合计", "看一下{table}", "{table}有哪些内容", "{table}总计多少"),
        cues=("表",),
        needs=("table",),
        examples=("表三的合计",),
        weight=0.9,
        requires_cue=False,
    ),
    Intent(
        "lookup", "one figure by code, subject, economic item or project",
        ("{code}", "{code}多少", "{subject}", "{subject}多少", "{project}多少钱", "{item}预算", "{item}是多少",
         "{project}", "今年{subject}安排了多少"),
        cues=("多少", "预算", "安排", "金额", "花了", "钱"),
        needs=("code", "subject", "project", "item", "fact"),
        examples=("2013105", "事业运行", "山西画报订阅费用"),
        weight=1.0,
        requires_cue=False,
        cue_weight=15,
    ),
)

# What people type -> the names reports print (several candidates: the first that exists wins).
SYNONYMS: dict[str, tuple[str, ...]] = {
    # English, as typed by readers of the English summaries (squashed: lower case, no spaces)
    "totalexpenditure": ("支出总计",), "totalspending": ("支出总计",), "totalincome": ("收入总计",),
    "totalrevenue": ("收入总计",), "basicexpenditure": ("基本支出",), "projectexpenditure": ("项目支出",),
    "personnelexpenses": ("人员经费",), "personnelcosts": ("人员经费",), "publicexpenses": ("公用经费",),
    "carryover": ("上年结转",), "housingfund": ("住房公积金",),
    "公积金": ("住房公积金",),
    "工资福利": ("工资福利支出",),
    "能花多少": ("支出总计",), "能花的钱": ("支出总计",), "可以花多少": ("支出总计",), "能用多少": ("支出总计",),
    "住房公积": ("住房公积金",),
    "养老": ("机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费", "行政事业单位养老支出"),
    "养老保险": ("机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费"),
    "养老金": ("机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费"),
    "职业年金": ("机关事业单位职业年金缴费支出", "职业年金缴费"),
    "医保": ("行政事业单位医疗", "职工基本医疗保险缴费"),
    "医疗": ("行政事业单位医疗", "职工基本医疗保险缴费"),
    "医疗保险": ("职工基本医疗保险缴费", "行政事业单位医疗"),
    "三公": ("三公经费",),
    "机关运行": ("机关运行经费",),
    "卫健": ("卫生健康支出",),
    "卫生": ("卫生健康支出",),
    "社保": ("社会保障和就业支出",),
    "社会保障": ("社会保障和就业支出",),
    "住房": ("住房保障支出",),
    "住房保障": ("住房保障支出",),
    "一般公共服务": ("一般公共服务支出",),
    "公共服务": ("一般公共服务支出",),
    "党委办公厅": ("党委办公厅（室）及相关机构事务",),
    "津贴": ("津贴补贴",),
    "补贴": ("津贴补贴",),
    "人头费": ("人员经费",),
    "人员费用": ("人员经费",),
    "退休": ("退休费",),
    "退休金": ("退休费",),
    "差旅": ("差旅费",),
    "出差": ("差旅费",),
    "交通费": ("其他交通费用",),
    "去年结转": ("上年结转",),
    "去年剩下": ("上年结转",),
    "剩下没花完": ("上年结转",),
    "没花完的钱": ("上年结转",),
    "今年新给的": ("本年收入合计",),
    "新给的钱": ("本年收入合计",),
    "今年新拨的": ("本年收入合计",),
    "事业单位日常运转": ("事业运行",),
    "事业单位运转": ("事业运行",),
    "机关日常运转": ("行政运行",),
    "机关运转": ("行政运行",),
    "机关本身日常运转": ("行政运行",),
    "绩效奖": ("绩效工资",),
    "公车购置和运维": ("公务用车购置及运行费",),
    "公车购置和运行": ("公务用车购置及运行费",),
    "公车购置及运行": ("公务用车购置及运行费",),
    "公车购置": ("公务用车购置费",),
    "公车运维": ("公务用车运行维护费",),
    "公车运行": ("公务用车运行维护费",),
    "车辆运行维护": ("公务用车运行维护费",),
    "出国": ("因公出国（境）费",),
    "接待费": ("公务接待费",),
    "公车": ("公务用车",),
    "车辆": ("公务用车",),
    "法律顾问": ("2024年法律顾问费用",),
    "视频会议": ("移动、联通、电信三家公司视频会议系统及线路费用租赁",),
}

# Words that say nothing about what is asked; removed before fuzzy matching.
FILLERS: tuple[str, ...] = (
    "请问", "请", "帮我", "查一下", "查询", "查", "告诉我", "我想知道", "想知道", "看一下", "看看", "一下",
    "是多少", "多少钱", "有多少", "多少", "是什么", "什么", "有没有", "吗", "呢", "啊", "呀", "吧", "了",
    "今年", "本年度", "年度", "的", "是", "有", "为", "一共", "总共", "钱", "预算数", "预算", "金额",
    "安排", "花", "用", "给", "能", "可以", "和", "与", "及", "还", "剩", "都", "各", "好的", "那笔", "这笔",
    "那个", "这个", "那", "这", "大概", "大约", "具体", "情况", "资金", "万元", "元", "多大", "几",
    "相关", "有关", "哪几笔", "几笔", "哪些", "哪几个", "哪个", "分别", "一下子", "这个项目", "项目", "科目",
    "指标值", "是不是", "是否", "占比", "比例", "比重", "占", "比", "在", "里面", "里", "相比", "跟", "较",
    "多多少", "少多少", "高多少", "低多少", "大多少", "小多少", "相差", "差多少",
    "加上", "加", "减去", "减", "除以", "上年结转", "去年结转", "结转", "口径", "按",
    "咱们", "咱", "我们", "我", "这块儿", "这块", "这部分", "这一块",
)
# Two-character words too common to stand for one name when typed alone.
COMMON_WORDS = ("工程", "服务", "工作", "管理", "事务", "建设", "办公", "日常", "中心", "单位", "保障", "运行", "系统",
                "其他", "一般", "行政", "事业", "社会", "公共", "标准", "财政", "拨款", "政府", "国有", "资本", "经营",
                "基金", "部门", "年度", "费用", "经费", "支出", "收入", "预算", "合计", "总计", "项目", "科目", "货物")

# Scope words: this year's arrangements vs carried over from last year, or both.
SCOPE_CURRENT = ("今年新安排", "本年新安排", "新安排", "当年安排", "当年预算", "本年预算", "本年", "当年",
                 "不含结转", "不含上年结转", "不算结转", "不算上年结转", "不包括结转", "不包括上年结转", "扣除结转",
                 "扣除上年结转", "剔除结转")
SCOPE_EXCLUDING = ("不含结转", "不含上年结转", "不算结转", "不算上年结转", "不包括结转", "不包括上年结转",
                   "扣除结转", "扣除上年结转", "剔除结转", "不算去年剩下", "不含去年剩下", "不算去年结转")
SCOPE_CARRYOVER = ("上年结转", "去年结转", "以前年度结转", "结转下来", "结转的", "结转项目", "结转")
SCOPE_ALL = ("含上年结转", "含结转", "包括结转", "包括上年结转", "本年加结转", "本年和结转", "本年与结转", "本年及结转",
             "全部项目", "所有项目", "全部的项目", "加上结转", "一起算", "连同")
# Scope modifiers blanked out before names are looked for (they are not names themselves).
SCOPE_PHRASES = (
    "不算上年结转的", "不算上年结转", "不算结转的", "不算结转", "不算去年剩下的钱", "不算去年剩下的", "不算去年剩下",
    "不算去年结转的", "不包括上年结转的", "不包括上年结转", "不包括结转",
    "扣除上年结转", "扣除结转", "剔除结转", "不含上年结转的", "不含上年结转", "不含结转的", "不含结转", "含上年结转的", "含上年结转", "含结转的", "含结转",
    "包括上年结转", "包括结转", "本年加结转", "本年和结转", "本年与结转", "本年及结转", "加上结转",
    "今年新安排的", "今年新安排", "本年新安排的", "本年新安排", "新安排的", "结转下来的", "那笔结转",
    "连去年结转的一起算", "连上年结转一起算", "连结转一起算", "连同上年结转", "连同结转",
)
# Questions about people, per-head figures or the future: reports hold none of these.
OUT_OF_SCOPE = ("人均", "每人", "每个人", "个人工资", "书记", "局长", "主任工资", "区长", "县长", "谁", "哪位",
                "明年", "下一年", "后年", "天气", "股票", "房价", "工资最高", "工资最低", "几个人", "多少人", "几人", "几名", "多少名",
                # details below the line items: spending to date, head counts, quantities, suppliers
                "截至目前", "截止目前", "已支出", "已经支出", "已花", "覆盖多少", "覆盖了哪", "覆盖哪", "每个乡镇",
                "平均每", "每份", "多少份", "单价是多少", "单价多少", "场次", "每场", "品牌", "型号",
                "律师事务所", "中标", "供应商", "承包商", "承建单位", "合同期", "编制数", "编制人数", "实有人数", "在编", "在职人数",
                "租金", "采购什么", "买什么", "买了什么", "什么设备", "采购几台", "具体采购",
                "多少次会", "几次会", "开多少次", "开几次", "使用频率", "使用次数")

# The standard 部门预算支出经济分类 items: when a question names one the report does not print,
# the answer says so instead of guessing a neighbour (会议费 is not 视频会议…).
STANDARD_ECONOMIC_ITEMS: tuple[str, ...] = (
    "基本工资", "津贴补贴", "奖金", "伙食补助费", "绩效工资", "机关事业单位基本养老保险缴费", "职业年金缴费",
    "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金", "医疗费", "其他工资福利支出",
    "办公费", "印刷费", "咨询费", "手续费", "水费", "电费", "水电费", "邮电费", "取暖费", "物业管理费", "差旅费",
    "因公出国（境）费用", "维修（护）费", "维修费", "租赁费", "会议费", "培训费", "公务接待费", "专用材料费",
    "被装购置费", "专用燃料费", "劳务费", "委托业务费", "工会经费", "福利费", "公务用车运行维护费", "其他交通费用",
    "税金及附加费用", "其他商品和服务支出", "离休费", "退休费", "退职（役）费", "抚恤金", "生活补助", "救济费",
    "医疗费补助", "助学金", "奖励金", "房屋建筑物购建", "办公设备购置", "专用设备购置", "信息网络及软件购置更新",
    "公务用车购置", "其他交通工具购置", "物资储备", "电话费", "网络费", "燃料费", "加班费", "宣传费", "广告费",
    "招待费", "车辆保险费", "通讯费", "书报费", "订阅费", "餐费",
)
