"""The intent catalogue: which operation a question asks for, as fuzzy-matched templates and cue words.

Plain data: extend it without reading the reader. An intent names one operation of the executor.
Its templates are phrases with slots in braces; the reader replaces what it recognises in a
question (a name, a number, a table) with the slot and compares the result with every template
(rapidfuzz), and cue words found outside the recognised names add evidence. ``needs`` lists the
slots of which one must be present.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    """One operation and how questions that ask for it read."""

    op: str
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
        "help", "能问什么",
        ("你能回答什么", "能问什么", "帮助", "怎么用", "使用说明", "help", "你会什么", "可以问哪些问题"),
        cues=("帮助", "能回答", "能问", "怎么用", "help", "会什么", "问什么", "使用说明", "怎么问"),
        examples=("你能回答什么",),
    ),
    Intent(
        "check", "核对合计、占比或增长率是否与报告自身的数字一致",
        ("{table}合计{amount}等于{amount}+{amount}吗", "{item}增长{percent}对吗", "表里的数对不对",
         "增长率是不是算错了", "合计对不对", "有没有算错的地方", "数据有没有问题", "{table}合计对不对",
         "{item}加{item}等于{item}吗", "{item}是不是{amount}"),
        cues=("对吗", "对不对", "是否正确", "算错", "算得对", "等于", "相符", "一致吗", "核对", "有没有问题",
              "有问题吗", "矛盾", "对得上", "有误", "错误", "检查", "准确吗", "正确吗", "是不是", "是否", "对不上",
              "吻合", "一致", "相等", "=", "对么", "平衡", "赤字", "收支相抵", "加得上", "加总对", "核算", "勾稽",
              "能对上", "对的上", "算对了"),
        examples=("表三合计对不对", "机关运行经费增长0.69%对吗"),
        weight=1.3,
    ),
    Intent(
        "define", "预算术语的含义",
        ("什么是{term}", "{term}是什么意思", "{term}指什么", "{term}的含义", "解释一下{term}", "{term}是啥"),
        cues=("什么意思", "什么是", "指什么", "含义", "定义", "解释", "啥意思", "何为", "概念", "包含哪",
              "包括哪", "哪几类", "分为", "怎么理解", "什么叫", "指的是", "何谓", "啥叫", "啥是"),
        needs=("term",),
        examples=("什么是三公经费", "上年结转是什么意思"),
        weight=1.2,
    ),
    Intent(
        "text", "报告的文字：职责、机构、绩效目标表的各栏、项目为什么设立",
        ("主要职责", "{department}的职责是什么", "负责什么工作", "内设机构有哪些", "下属单位有哪些",
         "{project}的绩效目标", "{project}项目属性", "{project}立项依据", "{project}的指标", "{project}总体目标",
         "它的绩效目标", "{project}为什么要设立", "{project}的质量指标", "填报日期"),
        cues=("职责", "职能", "负责什么", "干什么", "做什么", "管什么", "任务是", "负责哪些", "管哪些", "内设机构",
              "下属单位", "下属", "哪些单位", "单位有哪些", "几个单位", "所属", "科室", "机构设置", "内设", "股室", "所属单位", "二级单位", "下设", "绩效", "项目属性",
              "项目期", "立项依据", "必要性", "项目概况", "总体目标", "年度目标", "指标", "填报日期", "填报", "实施计划",
              "一次性", "实施单位", "主管部门", "为什么要设立", "为什么设立", "设立原因", "为何设立", "依据是什么",
              "质量要求", "数量要求", "时效要求", "成本要求", "满意度", "目标是", "概况", "措施", "是否属于", "是不是本部门",
              "说明", "原文", "怎么说", "提到", "写了什么"),
        examples=("区委办主要职责", "下属单位有哪些", "山西画报订阅费用 项目属性"),
        weight=1.15,
    ),
    Intent(
        "about", "报告本身：有几张表、哪些表没有数据、哪张表列了某一项、金额单位",
        ("一共几张表", "哪些表没有数据", "哪张表有{item}", "{table}是什么表", "金额单位是什么", "报告有多少张表",
         "{item}在哪张表"),
        cues=("几张表", "多少张表", "哪些表", "哪张表", "哪个表", "哪几张表", "什么表", "哪一张表", "空表", "没有数据",
              "无数据", "没数据", "什么单位", "计量单位", "金额单位", "单位是", "哪个报表", "几个表", "多少个表", "表格",
              "是空的", "空的", "为空", "有数据吗", "有没有数据", "什么表"),
        examples=("一共几张表", "哪些表没有数据"),
        weight=1.3,
    ),
    Intent(
        "count", "有几个项目、科目或单位",
        ("项目有几个", "{scope}项目有几个", "有多少个项目", "几个科目", "多少项"),
        cues=("几个", "多少个", "个数", "几项", "多少项", "数量", "几条", "多少条", "几笔", "多少笔", "几家", "几类", "几款"),
        examples=("今年新安排的项目有几个", "上年结转项目有几个"),
        weight=1.1,
    ),
    Intent(
        "rank", "一个范围内金额最大或最小的几项",
        ("哪个项目钱最多", "{scope}项目里哪个最多", "最少的是哪个", "前{n}个项目", "排名前{n}", "最大的几个",
         "哪个类最少", "金额最高的"),
        cues=("最多", "最大", "最高", "最少", "最小", "最低", "排名", "排序", "前几", "top", "第一", "倒数",
              "哪个钱多", "哪项多", "最贵", "从高到低", "从大到小", "由高到低", "由大到小", "从低到高", "从小到大",
              "排一下", "排个序", "大头", "第二", "第三", "最大的是哪", "最多的是哪", "最高的是哪", "最小的是哪",
              "最少的是哪", "最低的是哪", "最大的款", "最大的项", "排第", "排在"),
        examples=("今年新安排的项目里哪个钱最多", "功能分类有钱的几个类里哪个最少"),
        weight=1.15,
    ),
    Intent(
        "share", "一个数占另一个数的比例（报告写明的或算出的），说明分母",
        ("{item}占{base}的比例", "{item}占比多少", "{item}占{base}的比重", "{item}在{base}里占多少",
         "占比多少", "{item}的比例", "{item}占百分之几"),
        cues=("占比", "比例", "比重", "百分之几", "占", "份额", "百分比", "多大比例", "share", "percent", "几成",
              "percentage"),
        examples=("基本支出占总支出的比例", "差旅费占公用经费的比重"),
        weight=1.15,
    ),
    Intent(
        "ratio", "一个数是另一个数的几倍",
        ("{item}是{item}的几倍", "{item}是{item}的多少倍", "{item}与{item}之比"),
        cues=("几倍", "多少倍", "倍数", "的倍", "之比", "比值", "ratio"),
        needs=("item",),
        examples=("项目支出是基本支出的几倍",),
        weight=1.2,
    ),
    Intent(
        "change", "与上年相比的增减和增长率",
        ("{item}比上年增加多少", "{item}同比变化", "{item}比上年减少多少", "{item}增长了多少", "比去年多了多少",
         "降了百分之几", "上年是多少", "去年预算多少"),
        cues=("比上年", "同比", "增长", "下降", "减少", "增加", "变化", "变动", "比去年", "较上年", "上年数",
              "去年", "增幅", "降幅", "涨", "降了", "多了", "少了", "增减", "为啥增加", "为什么增加", "原因",
              "为啥减少", "为什么减少", "上年的", "上一年", "跟上年比", "和上年比", "与上年相比", "同上年比",
              "跟去年比", "和去年比", "倒推", "推算", "上年度"),
        examples=("预算总收入比上年减少多少", "机关运行经费比2023年增加多少"),
        weight=1.1,
    ),
    Intent(
        "difference", "两个数的差",
        ("{item}和{item}差多少", "{item}比{item}多多少", "{item}减{item}", "{item}-{item}", "{item}与{item}相差"),
        cues=("差多少", "相差", "多多少", "少多少", "差额", "差距", "减去", "之差", "高多少", "低多少", "大多少",
              "小多少", "多出", "少了多少", "多了多少", "差几", "minus", "difference", "diff", "多花", "少花",
              "不一样", "不同", "区别", "差异", "哪个多", "哪个大", "哪个高", "哪个少", "谁多", "谁大", "谁高"),
        needs=("item",),
        examples=("基本支出比项目支出少多少",),
        weight=1.2,
    ),
    Intent(
        "sum", "几项的和",
        ("{item}+{item}", "{item}和{item}加起来", "{item}加{item}", "{item}与{item}合计", "{item}一共多少"),
        cues=("+", "加起来", "加一起", "加在一起", "之和", "总和", "合起来", "一共", "总共", "相加", "合计", "共计",
              "加总", "plus", "sum", "total", "一起多少", "算在一起", "加总起来"),
        needs=("item",),
        examples=("基本工资+津贴补贴+奖金=?", "行政单位医疗和事业单位医疗加一起"),
        weight=1.15,
    ),
    Intent(
        "filter", "金额在某个数之上或之下（或正好等于）的项目",
        ("超过{amount}的项目", "大于{amount}的项目", "{amount}以上的项目", "低于{amount}的项目", "不到{amount}的",
         "正好{amount}的项目"),
        cues=("超过", "大于", "以上", "高于", "低于", "小于", "以下", "不足", "不到", "多于", "少于", "正好", "恰好",
              "刚好", "整整", "等于", "不少于", "不超过"),
        needs=("amount",),
        examples=("超过50万的项目",),
        weight=1.2,
    ),
    Intent(
        "parent", "一个科目属于哪个类或款（上一级）",
        ("{code}属于哪个款", "{item}的上一级是什么", "{code}是哪个类的", "{item}属于什么科目", "{item}归在哪"),
        cues=("属于", "上一级", "上级", "所属", "归属", "归在", "隶属", "哪个类", "哪个款", "哪一类", "哪一款",
              "什么类", "什么款", "哪类", "哪款", "上层", "母项", "父级"),
        needs=("code", "item", "subject"),
        examples=("2101102属于哪个款",),
        weight=1.2,
    ),
    Intent(
        "breakdown", "一个数由哪些部分组成（下级科目、明细、分项）",
        ("{code}类下面有啥", "{subject}下面有哪些", "{subject}包括哪些", "{subject}的明细", "{subject}由什么构成",
         "{item}由哪些组成", "{item}主要是哪几块", "{item}怎么分"),
        cues=("下面", "下级", "明细", "包括哪些", "包含哪些", "有哪些", "有啥", "构成", "组成", "细分", "分项",
              "下属科目", "哪些款", "哪些项", "下各项", "下分", "哪几个科目", "各项科目", "分哪几", "分为哪",
              "哪几块", "主要是哪", "由哪些", "由什么", "怎么分", "如何分", "结构", "拆分", "分解", "具体是哪些",
              "具体包括", "都有什么", "都有哪些", "哪几项", "分布"),
        needs=("code", "subject", "item", "column", "table", "topic", "group"),
        examples=("221类下面有啥", "对个人和家庭的补助由哪些组成"),
        weight=1.05,
    ),
    Intent(
        "list", "项目清单（本年的、上年结转的），有上年结转的科目",
        ("项目有哪些", "{scope}的项目有哪些", "哪些项目", "项目清单", "列出项目", "上年结转的项目有哪些"),
        cues=("哪些项目", "项目有哪些", "项目清单", "项目列表", "列出", "所有项目", "项目明细", "哪些科目",
              "科目有哪些", "按科目", "分布在哪", "怎么分布", "如何分布", "分布情况", "都有哪些项目", "几个项目分别"),
        examples=("上年结转的项目有哪些",),
        weight=1.1,
    ),
    Intent(
        "value", "一个数：科目、经济分类、项目、合计、三公、机关运行经费、政府采购",
        ("{code}", "{code}多少", "{subject}", "{subject}多少", "{project}多少钱", "{item}预算", "{item}是多少",
         "{project}", "今年{subject}安排了多少", "{table}", "{table}的合计", "收入总计多少", "三公经费多少",
         "{item}和{item}各多少"),
        cues=("多少", "预算", "安排", "金额", "花了", "钱", "总计", "合计", "总额", "总预算", "总收入", "总支出",
              "规模", "盘子", "数额", "是多少"),
        needs=("code", "subject", "project", "item", "fact", "table", "topic", "group", "asset", "column", "row"),
        examples=("2013105", "事业运行", "山西画报订阅费用", "基本支出多少？项目支出多少？", "三公经费",
                  "政府采购预算多少", "收入总计多少"),
        weight=1.0,
        requires_cue=False,
        cue_weight=15,
    ),
)
