"""Questions about the corpus reports, one report loaded at a time: the figures in the answers.

Each case is a shape of question the other templates ask differently (决算 against its budget,
三公 completion, what a subject's money is for, 元 against 万元), checked by the exact figures the
report prints or that follow from them.
"""

from __future__ import annotations

import pytest

from budgetqa.answer import Session, ask
from budgetqa.parser import parse_file
from budgetqa.store import connect, load_document
from conftest import CORPUS
from test_questions import has_number

SOCIAL = "final_shanghai_putuo_shehuigongzuobu_2024.txt"
PLANNING = "final_shanghai_putuo_guihuaziyuanju_2024.txt"
STREET = "budget_shanghai_putuo_shiquanlu_street_2026_unit.txt"
JUSTICE = "budget_shanghai_putuo_sifaju_2026_dept.txt"
SWU_FINAL = "final_chongqing_swu_university_2024.txt"
SWU_BUDGET = "budget_chongqing_swu_university_2024_dept.txt"
SWU_2021 = "budget_chongqing_swu_university_2021_dept.txt"
FINANCE = "final_shanghai_putuo_caizhengju_2024.txt"
SWU_2023 = "final_chongqing_swu_university_2023.txt"
TRANSPORT = "narrative_chongqing_jiaotongwei_2018_dept_budget.txt"
TEMPLATE = "template_shanghai_district_dept_final_2024.txt"

CASES = [
    # a threshold said in Chinese large units over the subjects of a level named by 支出项 / 支出类
    (JUSTICE, "超过两千万的支出项有哪些", [38454900, 21703947], ["其他司法支出", "基层司法业务"]),
    (PLANNING, "四千万以上的支出类是哪个", [4461.67], ["自然资源海洋气象等支出"]),
    (SWU_BUDGET, "支出预算表里差不多三个亿的是哪一项", [29317.49], ["高中教育"]),
    # a report whose tables are pictures: a size asked of the amounts its text states
    (TRANSPORT, "二十六亿多的是哪块支出", [263928.15], ["项目支出"]),
    # the report's cover: its title as printed, the date it prints
    (STREET, "这是预算还是决算，哪一年的", [2026], ["区级单位预算"]),
    (SWU_FINAL, "这份决算是什么时候出的", [2025, 8], ["2025 年 8 月"]),
    (TRANSPORT, "这份预算说明是什么时候更新的", [], ["2018-03-06"]),
    # one printed table read as two parts (三公 and 机关运行经费 under one title) counts once
    (JUSTICE, "部门预算表一共有几张", [9], ["表9、表10 是同一张表"]),
    # parts added set against a whole after 等于: a check, not a column of the parts
    (SOCIAL, "人员经费合计加公用经费合计等于基本支出吗", [95.36, 10.23, 105.59, 105.58], ["尾数差"]),
    # the subjects a column has a figure in, asked as which 科目 it is for
    (SOCIAL, "项目支出对应的是哪个科目？", [202.24], ["其他社会工作事务支出"]),
    # a section's numbered points, by the section's name (its heading numbered or bare, the body's not the contents')
    (PLANNING, "名词解释第五条解释的是哪个词", [], ["年初结转和结余"]),
    (STREET, "其他相关情况说明第四点讲的是什么", [], ["绩效目标设置情况"]),
    (SWU_2021, "预算情况说明的第四小节讲什么", [], ["财政拨款支出预算情况说明"]),
    # the parts of a report that numbers them 一、二、… without 第N部分: its contents' run, at the body's heading
    (JUSTICE, "预算目录里第五部分是什么", [], ["五、部门预算表"]),
    (SWU_BUDGET, "第五部分是什么内容", [], ["五、项目绩效目标表"]),
    # a report that is its 情况说明 alone: 情况说明第四部分 is its fourth part
    (TRANSPORT, "预算情况说明第四部分是什么", [], ["四、其他重要事项的情况说明"]),
    # an amount held, looked for in the table named: the row printing it
    (SWU_2023, "决算总表里4,970.88是什么", [4970.88], ["结余分配"]),
    (STREET, "哪一行是1,220,000元", [1220000], ["物业管理费"]),
    # a nil account whose own table is printed empty: that table said too
    (JUSTICE, "有没有政府性基金预算支出", [0], ["政府性基金预算支出功能分类预算表 印为空表"]),
    # a stated completion rate recomputed against each budget printed beside it, saying which it matches
    (SOCIAL, "说明里讲一般公共预算财政拨款支出完成年初预算的95.89%，对得上吗", [321.02, 95.89],
     ["年初预算为 0，无法计算完成率", "按全年预算算的"]),
    # a stated share whose whole is the paragraph's opening amount (占本年财政拨款的: 2021年财政拨款支出预算)
    (SWU_2021, "说明里讲教育支出占本年财政拨款的95.96%，对得上吗", [207796.18, 216552.53, 95.96], []),
    # a figure claimed of a 决算's row that its table prints with a budget beside it: set against the outturn
    (PLANNING, "2024年“三公”经费我记得是0.54万，对吗？", [0.39, 2.85], ["三公经费（决算数）", "不是 0.54"]),
    # the parts of a code ranked by the column asked, not by their totals
    (PLANNING, "城乡社区支出下面的款里，项目支出最多的是哪个", [2250.88], ["城乡社区规划与管理"]),
    # two figures typed pin the stated change whose sentence states them (two lines state the same 17.66%)
    (JUSTICE, "职业年金缴费支出，从77.99万到91.97万，文中说增加17.66%，我算的好像不是", [77.99, 91.97, 17.66, 17.93], ["06项"]),
    # the report's whole spending asked in words, of a 决算 whose summary prints no 支出总计 row: its 本年支出合计;
    # a scene set before a colon asks nothing (先问个大数：…)
    (SOCIAL, "刚来报到，先问个大数：咱们部2024年决算一共支出了多少钱？", [307.82], ["本年支出合计"]),
    # English: the total in yuan, and the part of it asked
    (STREET, "Shiquanlu Street office 2026 budget: what is the total in yuan, and how much of it is project expenditure?",
     [76306134, 49388144], []),
    # a stated whole no larger than its part (采购金额 of a sentence of one kind) is misread: the sentence's total
    (FINANCE, "政府采购里服务采购多少？占采购总额的百分之多少", [246.47, 98.10], ["政府采购金额"]),
    # a topic asked in pinyin of a narrative-only report: the figure its sentence states under the topic's name
    ("narrative_chongqing_jiaotongwei_2018_dept_budget.txt", "jtw 2018 sangong jingfei yusuan duoshao", [2800.68], ["三公"]),
    # the sheets counted, not the report's tables
    (SWU_BUDGET, "后面附了几张项目绩效目标表", [26], []),
    # what the narrative says a code's money is for names the code (…基层司法业务（04项）…主要用于：人民调解、医患纠纷…)
    (JUSTICE, "医患纠纷调解的钱列在哪个科目，多少元", [21703947], ["基层司法业务"]),
    (STREET, "风貌提升工程的钱有多少", [3380000, 338], ["城市建设支出"]),
    # the units a 决算 says it reflects (反映A、B、C的经费收支情况)
    (SWU_2023, "西南大学2023年度部门决算反映了哪几个单位的经费收支？", [], ["西南大学附属中学", "西南大学附属小学"]),
    # a table's title said without 表 that is two names joined: each of them
    (JUSTICE, "三公经费和机关运行经费预算各多少", [10.81, 217.83], []),
    # which fund: the fund tables that print the code
    (STREET, "2120803用的是哪一类预算的钱", [3380000], ["政府性基金"]),
    # a stated share with no whole named is of the whole the sentence says; a stated share is checked against it
    (SWU_FINAL, "授予中小企业合同金额占比多少", [79.02], ["政府采购支出总额"]),
    (SWU_FINAL, "授予小微企业合同金额占比", [60.16, 60.02], ["不一致"]),
    # a code paragraph's figure of the year before, read with its year
    (STREET, "2120803这一项2025年度预算是多少", [1363], []),
    # two names before 占, not a list: the first is the whole
    (SWU_BUDGET, "本年收入合计多少，财政拨款占几成", [54.98], []),
    # 结转结余 said with the year's end: that end's row
    (FINANCE, "年底结余还有多少", [55.34], ["年末结转和结余"]),
    # dialect asking words
    (STREET, "街道今年一共预算了好多钱嘛", [76306134], []),
    # a table's name columns beside its number columns
    (JUSTICE, "表5有哪些栏", [], ["功能分类科目名称"]),
    # an indicator named by most of its label, with no project named: its value in the sheets that have it
    (SWU_BUDGET, "高质量论文要求多少篇", [330], ["高质量论文数量"]),
    (SWU_BUDGET, "修缮房屋建筑面积的指标值是多少平方米？", [13071.01], ["修缮房屋的建筑面积"]),
    # the sheets counted, then those of them with one fund (其中有几个带上年结转资金), in one line
    (SWU_BUDGET, "2024年预算后面的项目绩效目标表一共有几个项目？其中有几个带上年结转资金？", [26, 8], []),
    # which items of a summary table's side hold no figure (its items are rows of one 决算数 column)
    (SWU_FINAL, "2024年这份决算的收支决算总表，收入方有哪几个栏目是空的？", [], ["上级补助收入", "经营收入", "附属单位上缴收入"]),
    # a subject said first (X的那部分), then each table it is read in (收入决算表里收入多少、支出决算表里…)
    (SWU_FINAL, "超长期特别国债安排的那部分，收入决算表里收入多少、支出决算表里实际支出多少？", [21778.00, 6304.68], []),
    # 收支总计 is the report's grand total (收入总计 = 支出总计), wherever the summary table's last line lands
    (SWU_2021, "西南大学2021年部门预算，收支总计是多少万元？本年收入合计多少？", [490808.40, 390140.45], []),
    # the class with the largest share, in the table the fund named (not the all-funds table)
    (PLANNING, "一般公共预算财政拨款支出按类分，占比最高的是哪一类？占多少？", [4461.67, 45.78], ["表5"]),
    # what is said before the question sets the scene (听说预算出来了，一共要花多少): the whole spending
    (STREET, "我住石泉路这边，听说街道2026年预算出来了，一共要花多少万啊？", [76306134], ["支出总计"]),
    # a 款 and its only 项 of one name and figure are one answer, not two choices; what it is used for
    (STREET, "街道搞环境卫生的钱有多少万？", [7948400, 794.84], ["2120501"]),
    (STREET, "2120501主要干嘛用的", [794.84], ["垃圾分类"]),
    # "our bureau" after words of asking is the report's own department
    (JUSTICE, "我刚调到司法局，想先弄清楚咱们局的职责：社区矫正这块，职能里原文是怎么写的？", [], ["社区矫正工作"]),
    # an economic item's half is the column holding its figure (资本性支出 is 公用经费 in 司法局's table 8);
    # what an economic class buys is its items
    (JUSTICE, "基本支出里资本性支出安排了多少元？买什么", [36600, 36600], ["公用经费", "31002 办公设备购置"]),
    # the figures a subject's own paragraph states (说明里那段前后两个数), beside the tables' figure for it
    (JUSTICE, "住房公积金那段说明前后出现了两个数，分别是多少？表里对应多少元？", [208.8, 201.50, 2087959], ["说明所写与之不同"]),
    # the parts of a table's total, each said with the finest row it is all of (one child at each level)
    (STREET, "政府性基金预算支出安排在哪些科目？各多少？", [3380000, 300000], ["2120803 城市建设支出", "2219899"]),
    # a row of the table named, printed there without its code, read in the fund's column of that table
    (STREET, "财政拨款收支总表里城乡社区支出的一般公共预算栏是多少元", [43863930], ["表4"]),
    # one subject read in two tables and set against each other in one line (对得上吗？差多少)
    (STREET, "财政拨款收支总表里城乡社区支出的一般公共预算列是多少元？和一般公共预算支出功能分类表里的城乡社区支出对得上吗？差多少？",
     [43863930, 44163930, 300000], ["不一致"]),
    # a project's statement in prose (人民调解项目经费情况说明: 一、项目概述 … 七、绩效目标) is read as its sheet
    (JUSTICE, "人民调解项目的实施周期", [], ["2025年1月1日-2025年12月31日", "人民调解项目经费情况说明"]),
    (JUSTICE, "人民调解项目的实施主体是谁", [], ["上海市普陀区司法局"]),
    (JUSTICE, "人民调解项目的绩效目标", [], ["完善人民调解经费保障体系"]),
    (JUSTICE, "人民调解项目年度预算多少万", [795], []),
    # X合同金额中Y: Y within X (the measure word after a name does not hide the relation)
    (SWU_FINAL, "政府采购合同金额中授予中小企业的占比", [79.02], []),
    # a misheard name beside a word the report cannot answer elsewhere (合同金额) is still put right (采够 -> 采购)
    (FINANCE, "财政局2024年政府采够合同金额是多少？", [251.25], []),
    # a budget and its outturn typed, the completion rate asked: outturn ÷ budget, whichever is typed first
    (PLANNING, "年初预算10210.34万元、决算9746.50万元，完成率应该是多少？", [95.46], []),
    (PLANNING, "决算9746.50万，预算10210.34万，执行率多少", [95.46], []),
    # two figures typed with the operation between them, beside a name: computed (and in % when a share is meant)
    (FINANCE, "结构那段说一般公共服务支出占71.73%，我按2106.66除以2940.05算一下，应该是多少？", [71.65], []),
    # the subjects a 决算 states a budget and an outturn for, ranked by how far apart the two are
    (FINANCE, "说明里分了11项，哪一项年初预算和决算差得最多？差多少？", [48.16], ["行政运行"]),
    (SOCIAL, "九个项级科目里，全年预算和决算差额最大的是哪个？差了多少？", [6.37], ["事业运行"]),
    # a count in a measure word no amount takes (几批) is the sentence's that states it, whatever its subject
    (PLANNING, "公务接待了几批", [2, 26], ["2批次"]),
    # who the asker has just become says nothing about what is asked; a table asked by its place (第几张表)
    (STREET, "我刚到街道做财务，领导让我找三公经费的预算数，这份单位预算里是第几张表？", [], ["表9"]),
    # a stated change's parts (…减少23,616.80万元。其中：A增加…，B减少…), as stated, added against it
    (SWU_2023, "2023年收入总计比2022年减少23,616.80万，财政拨款、事业收入、其他收入各增减多少？加起来对得上吗",
     [23616.80, 14458.07, 974.61, 39049.48], ["一致"]),
    (SWU_2023, "支出总计增加54,492.83万，报告点了几个支出类的增减？这些增减加起来是多少", [6, 54492.83, 1209.04], []),
    (TRANSPORT, "2018年一般公共预算财政拨款支出比2017年少145261.52万，基本支出和项目支出各变了多少？加起来对不对",
     [4824.58, 150086.1], ["一致"]),  # (the list goes on after a semicolon)
    (STREET, "一般公共预算和政府性基金分别比2025年预算减了多少", [1168.37, 995], []),
    # a 决算's subjects stated with budget and outturn: ranked by completion (computed where not stated),
    # filtered by a rate, their budgets added
    (PLANNING, "分项里完成率最低的是哪一项？年初预算和决算差多少", [88.08, 3110.14, 2739.56, 370.58], ["城乡社区规划与管理"]),
    (PLANNING, "这13项里完成率是100%的有几项", [6], []),
    # a count no table holds, stated by a sentence in the measure word asked (名, 批次, 人次)
    (SWU_BUDGET, "童语同音计划要求什么时候前培训多少名幼儿骨干教师", [300], ["2024年11月"]),
    (PLANNING, "公务接待去年几批次、多少人次", [2, 26], []),
    # a check that finds nothing shows the figures it compared
    (SOCIAL, "财政拨款收入支出总计跟表里对得上吗", [307.82], []),
    # 基建 is 基本建设; 落在哪些科目 asks the subjects a column's figure falls in
    (SWU_2023, "基建资金落在哪些科目，各多少", [5536.97, 1357.93], ["2060204"]),
    # the sheets printing an amount in one fund column (上年结转), counted and their amounts added
    (SWU_BUDGET, "有上年结转资金的项目有几个？结转加起来多少万元", [8, 2810.93], []),
    # one name read in each of three tables named (the last one named after 、, not a place for all)
    (PLANNING, "城乡社区支出在收入支出决算总表、支出决算表、财政拨款收入支出决算总表里分别是多少？", [3845.25, 3845.24, 3832.36], []),
    # what a subject is for, asked as a later part (主要用来干嘛), in a report with no performance sheets
    (FINANCE, "财政委托业务支出年初预算和决算各多少？主要用来干嘛", [450.52, 449.52], ["委托中介机构"]),
    # X下面哪个款最大: a ranking of X's parts, not X's parent
    (JUSTICE, "经济分类预算表里302商品和服务支出下面，哪个款金额最大？多少元", [699435], ["其他商品和服务支出"]),
    # the two figures just given, from two tables: the subjects whose figures differ between them
    (PLANNING, "支出决算表和一般公共预算财政拨款支出决算表的基本支出各多少？差在哪个科目", [5377.64, 5364.75, 12.89],
     ["2120101"]),
    (PLANNING, "把13项的年初预算加起来，跟总的10210.34对得上吗", [10210.33, 0.01], []),
    (SOCIAL, "哪一项完成得最差？百分之几", [21.40], ["事业单位医疗"]),
    (SOCIAL, "下面9个分项的全年预算加起来是不是正好321.02", [321.02], ["一致"]),
    # the units a report lists as making it up (纳入…编制范围的单位包括：…), names wrapped over lines and noted
    (PLANNING, "规划资源局一共有几家单位纳入决算", [5], ["执法大队（下属参公事业单位）"]),
    (JUSTICE, "司法局部门预算包括哪几个单位呀", [2], ["普陀区法律援助中心"]),
    (SOCIAL, "社会工作部下面有啥单位", [1], ["上海市普陀区社会工作发展服务中心"]),
    # 包含/合并了几家单位; a lead-in whose wrapped words a year moved out of the sentence splits (财政局's noisy text)
    (FINANCE, "这本决算合并了几家单位？哪些是预算不单列、并入本级的？", [3, 2], ["国库收付中心"]),
    # a stated change's parts asked to add up, in a check or a change question (the list going on after a semicolon
    # four lines down), and two typed figures added against the totals the report prints
    (SWU_2021, "本年预算收入比上年减少1,106.89万元，说明里把它拆成财政拨款、事业收入、其他收入三项增减，这三项加总能对上1,106.89吗？",
     [6331.03, 2110.3, 3113.84, 1106.89], ["一致"]),
    (TRANSPORT, "基本支出61042.17+项目支出263928.15 等于总数吗？两者各自的增减额相加，等不等于总的减少额？",
     [324970.32, 145261.52, 4824.58], []),
    # a 决算's subjects whose outturn stands below their budget, counted
    (SOCIAL, "说明里列了9个项级科目的全年预算和决算，决算<全年预算的有几个？", [7], []),
    # a blank template's structure: its terms and a table's columns
    (TEMPLATE, "名词解释一共解释了几个名词", [11], ["机关运行经费"]),
    (TEMPLATE, "模板里收入决算表横向分了哪些收入列？", [], ["上级补助收入", "经营收入"]),
    # what a 决算 subject's money was spent on (花在什么上) is its paragraph's 主要用于; money spent in all is the
    # year's spending where no 支出总计 is printed; a figure the text states of a topic, asked within it (a typo too)
    (FINANCE, "财政委托业务支出那449万多块，是花在什么上的？", [449.52], ["审计及绩效评价"]),
    (SOCIAL, "社会工作部是新成立的单位吧？2024年一共花了多少万元？", [307.82], []),
    (SWU_FINAL, "政府采构里授予中小企业的合同金额是多少？", [12127.08], []),
    (SWU_2021, "高等教育那一项（2050205）总共多少？项目支出占它的比例大概多少？", [368311.21, 85391.31, 23.18], []),
    # a name typed with a word left out (一般公共预算拨款支出 for …财政拨款支出) is one name, not a fund and another
    (TRANSPORT, "项目支出占一般公共预算拨款支出的占比？", [81.22], []),
    # the part of a stated change that moved most the way asked, with its reason
    (SWU_2023, "主要是哪块收入掉下来了？原因是什么？", [39049.48], ["其他收入", "债务收入"]),
    # a 决算's 三公 table asked its budget in one part of a line and its outturn in the next: each column
    (PLANNING, "三公经费预算多少，实际花了多少？", [2.85, 0.39], []),
    # a share of a figure the text lists after 其中, with no whole named: of the total it was listed under
    (TRANSPORT, "基本支出占几成？", [18.78], ["一般公共预算财政拨款支出"]),
    # the numbered points of the text: how many, and what one of them says
    (SWU_2023, "教育支出增加较多，原因写了几点？第二点是什么", [2], ["仪器设备更新升级"]),
    (SWU_2021, "本年支出预算比上年减少的原因报告列了几条？第三条是什么", [3], ["农林水支出（213）减少"]),
    (JUSTICE, "人民调解项目的实施方案分了几步，第三步是干什么", [4], ["全年开展专题培训"]),
    (JUSTICE, "编制说明里财政拨款支出主要内容一共列了几条", [13], []),
    (STREET, "编制说明里财政拨款支出主要内容分了几大项", [10], []),  # (points numbered inside lines, not at their starts)
    (SWU_BUDGET, "中央高校教育教学改革专项的年度总体目标一共几条？第2条说的啥", [7], ["强化专业调整"]),  # a sheet field's points
    # a table's columns asked: its headings (a topic's table, its items printed across)
    (PLANNING, "“三公”经费那张表分哪几栏？", [], ["预算数", "决算数", "公务接待费"]),
    (PLANNING, "支出决算表有哪些栏目", [], ["基本支出", "项目支出", "经营支出"]),
    # a project described under headings (人民调解项目经费情况说明 … 六、年度预算安排 795万元): its amount
    (JUSTICE, "人民调解项目一年预算多少？", [795], []),
    # a whole read loosely that is smaller than its part is not its whole: the total the part's sentence states is
    (PLANNING, "政府采购里工程采购多少，占采购总额多少？", [1387.72, 2319.21, 59.84], []),
    # a code's figure from one fund, of its figure from every fund (the fund named as the part, or within the code)
    (SWU_2021, "财政拨款占住房公积金支出预算的比例是多少？", [7136.05, 15076.55, 47.33], []),
    (SWU_2021, "住房公积金中财政拨款占多少", [47.33], []),
    (PLANNING, "他们有公车吗", [0], ["车辆"]),
    # a spending column's share is of the spending its table adds it to (a 决算's 支出总计 counts what is carried forward)
    (FINANCE, "财政局2024年基本支出和项目支出多少，基本支出占比多少？", [2336.91, 603.14, 79.49], []),
    # the parts a sentence states, added against the total it states (a rounding gap is said to be one)
    (JUSTICE, "请核对政府采购预算中货物、工程、服务三项之和与总额是否相符。", [1486.42], ["相等"]),
    (PLANNING, "政府采购里货物、工程、服务三项加起来和总额对得上吗", [2319.22, 2319.21], ["尾数差"]),
    # figures typed and added against a total typed; a name read in a table the asker quotes, then in another
    (STREET, "一般公共预算减少1,168.37万元、政府性基金减少995万元，两者合计和2,163.37对得上吗？", [2163.37], ["相等"]),
    (STREET, "城乡社区支出在财政拨款收支总表里是47,543,930元，在一般公共预算支出功能分类表里是多少？", [47543930, 44163930], []),
    # the self-evaluation's counts and score the text states, named without the year inside them
    (PLANNING, "2024年做了绩效自评的项目有多少个？平均得分是多少？", [39, 99.33], []),
    # 去年 of a 决算 with nothing compared is the year its accounts are of
    (PLANNING, "规划局去年三公经费化了多少钱", [0.39], []),
    # a change stated without its reason, whose whole amount is one part's change stated with one below it
    (STREET, "三公经费比去年少了多少？为啥少这么多", [25], ["无公车购置"]),
    # 有没有 asks a question of its own (the total asked before it is answered too)
    (SOCIAL, "社会工作部2024年政府采购金额是多少？工程和服务采购有没有？", [21.07, 0], []),
    # a column of the total just asked, its share of that total; one column read in each of two tables named
    (SWU_FINAL, "本年支出合计多少万元？基本支出占比多少？", [481483.46, 367180.56, 76.26], []),
    (PLANNING, "基本支出在支出决算表和一般公共预算财政拨款支出决算表里分别是多少？两者相差多少？", [5377.64, 5364.75, 12.89], []),
    # the rows under an economic class that are not zero; a code typed before its name is one subject
    (SOCIAL, "基本支出决算表里，商品和服务支出下面决算数不为0的科目有几个？", [8, 3.78, 2.43], ["有 8 个"]),
    (JUSTICE, "经济分类预算表里302商品和服务支出下面一共列了几个款级科目？", [2141724.44], ["下有 15 项"]),
    # the average of the list just shown
    (STREET, "经济分类表里302商品和服务支出列了多少个款？平均每款多少元？", [193008.10, 3860162], ["20 个"]),
    # 决算: the outturn against the budget asked, the completion computed and stated, the reason
    (SOCIAL, "行政运行（2013901）决算比全年预算少了多少？原因是什么", [52.00, 51.32, 0.68, 98.69], ["人员变动"]),
    (SOCIAL, "事业单位医疗全年预算和决算各多少？执行率才多少", [2.29, 0.49, 21.40], []),
    (PLANNING, "三公经费年初预算和决算数各多少？完成率呢", [2.85, 0.39, 13.68], ["一致"]),
    (SOCIAL, "按功能分类看哪个类的支出占比最高？占多少", [264.87, 86.05], ["一般公共服务支出"]),
    (SOCIAL, "201 39 这个款叫什么？下面几个项各花了多少", [51.32, 11.31, 202.24], ["社会工作事务"]),
    # what a subject's money is for, from the narrative's paragraph about it
    (STREET, "212 08 03是什么支出？预算多少元", [3380000], ["武宁路沿线风貌提升"]),
    (SWU_FINAL, "205 98 02 高等教育是什么钱？", [6304.68], ["超长期特别国债"]),
    # 元 against 万元: converted exactly, equal within the rounding of the 万元 figure
    (STREET, "机关运行经费预算数和经济分类表的公用经费对得上吗", [386.02, 3860162], ["四舍五入后一致"]),
    (JUSTICE, "机关运行经费预算是多少？跟基本支出经济分类表里的公用经费合计对得上吗", [217.83, 2178324.44], []),
    # a change stated only as a rate: the paragraph's two amounts, the rate they give, judged as the check judges it
    (JUSTICE, "普法宣传比上年执行数增加了多少", [118.46, 124.29, 5.83, 4.92], ["一致"]),
    (JUSTICE, "其他司法支出的增长率对不对", [43269.3, 3845.49, 91.11, 17.62], ["矛盾"]),
    (STREET, "其他城乡社区住宅支出比2025年执行数增加116.29%，对吗", [307.95, 666.08, 116.29], ["一致"]),
    # 房屋 inside a project's name asks no asset; its sheet's sources asked right after it are its own
    (SWU_BUDGET, "房屋修缮项目（本级）的年度资金总额多少？财政拨款、上年结转各多少", [3532.64, 2450.00, 1082.64], []),
    # levels, parents and funds
    (STREET, "支出预算里金额最大的项是哪个，多少元", [16879230], ["行政运行"]),
    (STREET, "2120102属于哪个款、哪个类？预算多少", [13121269], ["城乡社区管理事务"]),
    (STREET, "“一般行政管理事务”这个项在街道预算里挂在哪几个款下面？", [], ["群众团体事务", "城乡社区管理事务"]),
    (SWU_BUDGET, "206 02 04 实验室及相关设施总预算多少，其中财政拨款多少", [1165.08, 900.00], []),
    (SWU_BUDGET, "2050204高中教育预算多少？基本和项目各多少", [28132.26], []),
    (STREET, "政府性基金预算支出功能分类预算表里有哪些支出，各多少元？", [3380000, 300000], []),
    # a table named with a level ranks its classes; the share asked with it is of that table's classes together
    (PLANNING, "一般公共预算财政拨款支出按类看，哪一类最多？金额和占比是多少？", [4461.67, 45.78], ["自然资源海洋气象等支出"]),
    # a figure asked as the text states it is read from the text, not from a table that prints another
    (PLANNING, "说明部分写的人员经费是多少", [4896.98], []),
    (SWU_BUDGET, "本年支出比本年收入多出多少？", [41494.98], []),
    ("budget_chongqing_swu_university_2024_dept.txt", "本年支出 项目支出合计", [109674.58], []),
    # two figures asked in one line with 、, and the change of each
    ("final_chongqing_swu_university_2023.txt", "学校2023年决算，一年总共收入多少、支出多少？", [430725.03, 457676.75], []),
    ("final_chongqing_swu_university_2023.txt", "和2022年比，学校收入总计和支出总计分别变了多少？", [23616.80, 54492.83], []),
    # one code in each of two tables named (the issuer's name left out of the titles: 支出决算表)
    ("final_chongqing_swu_university_2023.txt", "同一个高等教育科目，在支出决算表和财政拨款支出决算表里合计分别是多少？",
     [389606.87, 186663.39], []),
    # a table named after a name, with 里, is where the name is read
    (SWU_FINAL, "超长期特别国债安排的支出，收入决算表里收入是多少？", [21778.00], []),
    # the fastest growth among the rates the report states item by item; 增长多少 after it is what it states
    ("final_chongqing_swu_university_2023.txt", "报告逐项列的12个财政拨款支出科目里，比2022年增长最快的是哪个？增长多少？",
     [134.61], ["实验室及相关设施"]),
    # 差了多少 asks a difference; a table's 合计行 names the row a column is read in, no sum
    ("final_chongqing_swu_university_2023.txt", "西大23年 财拨收入243015.38 可财拨支出决算表合计才237100 差了多少", [5915.38], []),
    (PLANNING, "一般公共预算财政拨款支出决算表合计行的基本支出是多少？", [5364.75], []),
    # a part printed with the same amount as its whole changes as the whole's stated change (and the
    # report's wrong year, 比2026年预算, is shown as printed)
    (JUSTICE, "说明里讲财政拨款收入比哪年的预算增加了多少？", [793.14, 8835.08], ["2026年预算"]),
    # the department's short name (司法局) is not the code its first words name (20406 司法); a rate of change
    # against last year's outturn ranked
    (JUSTICE, "司法局说明那13条里，2026年预算比2025年执行数涨得最猛的是哪个？", [277.22], ["信息化建设"]),
    # a column said short among others after a code (财政拨款 for 财政拨款收入) is that code's column, not the
    # report's 一、财政拨款 row
    ("budget_chongqing_swu_university_2021_dept.txt", "2050204高中教育收入预算，财政拨款、事业收入、其他收入分别多少",
     [12622.65, 1200.00, 3752.45], []),
    # two rows listed with 、 are each asked; 翻到… names no other department
    ("budget_chongqing_swu_university_2021_dept.txt", "翻到学校2021年的部门预算了，本年收入、上年结转各多少", [390140.45, 81714.17], []),
    # where a figure is printed (编制说明第6条) says where to read it, not that text is asked; who is asking
    # (我们局在自查…。) asks nothing
    (JUSTICE, "我们局在自查2026年预算公开稿。编制说明第6条“其他司法支出”，2025年当年预算执行数写的多少？",
     [43269.3, 3845.49], []),
    # a year and the kind of report typed say which report, not part of a longer name (2026年部门预算安排购置车辆);
    # 其中 a fund printed as a row of the total (政府性基金预算) is that row
    (JUSTICE, "普陀区司法局2026年部门预算，项目支出一共多少元？", [70540547], []),
    (STREET, "石泉路街道2026年单位预算收入总计多少元？其中政府性基金预算多少", [76306134, 3680000], []),
    # what an item's money is for, from its paragraph headed with the item's own code (基层司法业务（04项）)
    (JUSTICE, "基层司法业务主要干什么用？", [], ["人民调解、医患纠纷"]),
    # the stated change of a name's own paragraph (其他教育支出（2059999）) over a sentence about a broader name
    # inside it (教育支出); the broader name keeps its own
    (SWU_FINAL, "其他教育支出增幅？", [1816.77, 107.39], []),
    (SWU_FINAL, "教育支出增幅", [22774.53], []),
    # money received and money spent of one name: its rows in the income table and in the spending table
    (SWU_FINAL, "超长期特别国债那笔钱，收了多少、实际花了多少？", [21778.00, 6304.68], []),
    # a code said with both sides (收入决算和支出决算): read in both tables, and their difference is of the two
    (SWU_FINAL, "超长期特别国债安排的支出（20598），收入决算和支出决算各是多少？差了多少？", [21778.00, 6304.68, 15473.32], []),
    # the two halves of spending said by their first word, with a share asked (项目占比)
    (JUSTICE, "项目占比？", [73.26], []),
    # where a fund's money is placed (落在哪些功能科目), asked after its total in the same line: the rows of that
    # fund's own table; a loosely typed name does not swallow the words that ask (落在哪)
    (STREET, "石泉路街道26年政府性基金安排多少元，落在哪些功能科目？", [3680000, 3380000, 300000], []),
    # an economic item that is also a 三公 line: both tables' figures, each in its own unit
    (STREET, "公务接待费？", [15250, 1.53], []),
    # the subjects a fund is spread over, the fund said short (基金的钱) or by its total: that fund's table's rows,
    # in the unit asked
    (STREET, "这部分基金的钱落在哪些科目上？各多少元？", [3380000, 300000], ["城市建设支出"]),
    (STREET, "政府性基金那368万元具体安排在哪两个科目上，各多少万元？", [338, 30], ["城市建设支出"]),
    # a stated rate typed with a name is about that statement: recomputed from the paragraph's own figures, and the
    # earlier figure it implies (91.97 ÷ 1.1766); a rate that only the paragraph's heading figure gives is said so
    (JUSTICE, "第9条职业年金也写增17.66%，91.97对77.99实际是多少", [17.93, 78.17], []),
    (JUSTICE, "5.27%是按哪个算的", [208.8, 198.34], ["按段首数算"]),
    # an income source's share, no whole named: of the year's income (本年收入合计), the side it is on
    (SWU_FINAL, "2024年决算本年收入合计多少？财政拨款占比多少？", [477447.73, 58.61], []),
    (SWU_FINAL, "事业收入占比", [144017.87, 30.16], []),
    # whether a duty is the department's, its duties written as one sentence of clauses
    (SOCIAL, "社工部管不管信访这块？", [], ["统筹指导人民信访工作"]),
    # the lines of the 三公 table, asked after its total stated in words (都花在哪几块)
    (STREET, "三公经费预算一共多少？说白了都花在哪几块", [8.53, 1.53, 7], []),
    # a name several projects share, said of several and added up: each of them, summed
    (SWU_BUDGET, "本级、附小、附中三个房屋修缮项目加起来一共多少万元？", [3532.64, 338.00, 169.64, 4040.28], []),
    # the sheets a field's value picks (附属小学作为实施单位的项目), added up or counted
    (SWU_BUDGET, "附属小学作为实施单位的项目，资金加起来多少？", [55.77, 779.77], []),
    (SWU_BUDGET, "实施单位是西南大学附属小学的项目有几个？", [3], []),
    # where a column's money is booked (其他收入计入了哪些功能科目): the subjects with a figure in that column
    (FINANCE, "本年其他收入6.20万元分别计入了哪些支出功能科目？", [0.01, 6.19], ["一般行政管理事务"]),
    # a 三公 line's share of the 三公 total is read in the 三公 table (the economic table prints it in 元)
    (JUSTICE, "三公经费预算一共多少？其中公务接待费占几成？", [10.81, 0.83, 7.68], []),
    # a fund said after a code with a verb of paying (财政拨款出了多少): the code's figure in that fund's table
    (SWU_FINAL, "住房公积金多少？其中财政拨款出了多少？", [15093.08, 7443.57], []),
    # a later part naming only another table (…表里又是多少): the same code read there
    (SWU_2021, "支出预算表里住房公积金多少万元？财政拨款支出预算表里又是多少？", [15076.55, 7136.05], []),
    # sources of a code's money (从收入来源看A和B各多少): its columns in the income table
    (SWU_2023, "社会保障和就业支出一共多少万元？从收入来源看财政拨款和其他收入各是多少？", [13465.06, 13345.79, 119.27], []),
    # vehicles the budget buys are not those held
    (STREET, "街道办现在有几辆公车？2026年还买不买新车？", [2, 0], ["购置车辆"]),
    # outturn under its budget by most (少得最多): the gap one way only
    (SOCIAL, "分项来看，决算比全年预算少得最多的是哪一项？少多少？", [6.37], ["事业运行"]),
    # a percentage typed, against the share just computed: percentage points
    (SOCIAL, "项目支出占比多少？比规划资源局的44.90%高几个百分点？", [65.70, 20.80], []),
    # one figure found against one amount typed (another department's, taken as typed)
    (SOCIAL, "机关运行经费是多少？规划资源局是142.80万，两家差多少？", [10.23, 132.57], []),
    # a total, its parts and the asker's own sum (我加起来是…，谁对): parts against the total, by the rounding rule
    (FINANCE, "财政局决算写政府采购251.25万元，货物4.79、工程0、服务246.47，我加起来是251.26，到底谁对？",
     [251.26, 0.01], ["尾数差"]),
    # a part worked back from a stated total whose parts do not add up
    (SWU_2021, "“使用非财政拨款结余”总表和说明写得不一样（18,953.78 vs 18,953.73），拿收入总计倒推一下哪个对？",
     [18953.78], []),
    # a whole the report states for another fund is smaller than the parts asked: not their whole
    (SWU_2023, "2023年决算支出里基本支出、项目支出各占多少比例？", [78.61, 21.39], []),
    # a 三公 line's share right after the 三公 total: of that total, read in the 三公 table
    (JUSTICE, "司法局三工经费预算多少 公车运行费占几成", [10.81, 9.98, 92.32], []),
    # several stated rates typed, each recomputed
    (SWU_FINAL, "收入总计和支出总计比上年的增幅10.85%和5.20%对不对", [10.85, 5.20], []),
    # what a figure rose to is the figure; a figure of another year typed is compared with, not refused
    (SWU_BUDGET, "财政拨款涨到多少了？跟2021年的216,552.53万元比多了多少？涨幅多少？", [244675.66, 28123.13, 12.99], []),
    # a name several projects share, picked by the places that tell them apart
    (SWU_BUDGET, "附中、附小的房屋修缮项目金额分别是多少？", [169.64, 338.00], []),
    # what lies under a class (下面是哪一款), not what it lies under
    (JUSTICE, "表8里310资本性支出下面是哪一款、多少元？", [36600], ["办公设备购置"]),
    # several indicators of one sheet typed, each given
    (SWU_BUDGET, "设备资料购置项目（本级）新增设备、新增家具的数量指标各是多少？", [2576, 10035], []),
    # the grand total said of both sides, in a report that prints it as 收入支出总计
    (FINANCE, "收支总计多少？", [2995.39], []),
    # a sum of items in 元 against a figure typed in 万元: compared in the unit and places typed
    (JUSTICE, "机关运行经费217.83万，跟基本支出经济分类表里的公用经费合计对一下，一致吗？", [217.83], ["一致"]),
    # the fund of the figure just asked (财政拨款的又是多少): read in that fund's table
    (SWU_2021, "2021年 支出预算表 里面 住房公积金 是 多少? 财政拨款 的 又是 多少?", [15076.55, 7136.05], []),
    # a share against one typed for another year, in percentage points; 是不是大头: over half
    (SWU_FINAL, "2024年教育支出占本年支出合计的比重是多少？跟2023年决算的92.92%比变化了几个百分点？", [93.06, 0.14], []),
    (TRANSPORT, "一般公共预算拨款里项目支出占了多少比例？是不是大头？", [81.22], ["超过"]),
    # one row read in two tables (表5里X比表3的少多少)
    (STREET, "表5里城乡社区支出比表3的少了多少元？", [44163930, 47543930, 3380000], []),
    # pinyin initials of standard words, one letter off, or several typed together (ybgg czbk jbzc)
    (SOCIAL, "jbzc里rygf和gyjf各多少", [95.36, 10.23], []),
    (PLANNING, "ybgg czbk jbzc决算表里 rygf合计是多少", [4884.09], []),
    (SOCIAL, "社工部2024 jbzc he xmzc 各多少万？", [105.58, 202.24], []),
    # the asking words of other dialects (几钿, 阿拉; 幾多錢 after simplification)
    (STREET, "阿拉街道三公经费今年预算几钿？", [8.53], []),
    (STREET, "三公經費預算幾多錢？", [8.53], []),
    # the whole of income and spending said as 收支总盘子, against 前一年
    (FINANCE, "财政局这一年收支总盘子比前一年小了多少？", [56.95], []),
    (FINANCE, "普陀区财政局2024年决算一共用掉几钿？", [2940.05], []),
    # a threshold typed in 亿 (in 万元 here), and 表头 said for 表里 in 西南官话 (no columns asked)
    (SWU_BUDGET, "支出预算表头，超过1亿的项级科目有哪些嘛？", [29317.49], ["高等教育"]),
    # a figure asked in 亿元, rounded as asked, the exact figure kept
    (SWU_BUDGET, "支出预算表中教育支出452,738.18万元，折合多少亿元（保留两位小数）？", [45.273818], ["约 45.27 亿元"]),
    # a group whose members start the printed names: 水电费 is 水费 + 电费, not 邮电费 (which holds 电费); 房租 is 租赁费
    (STREET, "水电费一年预算多少", [50000, 250000, 300000], []),
    (STREET, "房租多少钱", [53162], ["租赁费"]),
    # an amount typed in words (两千多万) is no year the report lacks
    (STREET, "2026年财政拨款比2025年少了两千多万，主要是因为什么", [2163.37], ["武宁路沿线风貌提升"]),
    # a reason quoted without the spaces the text layer put around its figures
    (SOCIAL, "收入支出总计比上年增长的原因是什么", [], ["单位于2024年成立"]),
    # the tables with a column; one column of a row as a share of another column of that row
    (SWU_FINAL, "哪张表有“上缴上级支出”这一列？", [], ["高等学校支出决算表"]),
    (SWU_FINAL, "高中教育的事业收入里教育收费占的比例是多少", [960.55, 1044.55, 91.96], []),
    # a change the report does not state, from its figure and the one typed
    (SWU_BUDGET, "教育支出比2021年预算的398593.09万元增加了多少？增长百分之几？", [54145.09, 13.58], []),
    # what the money is for, said in everyday words, names the code whose paragraph says it (居委会 is no department)
    (STREET, "修居委会活动室、敬老院装修这些社区设施的钱是多少？", [5615031], []),
    # a change stated in the section on one fund's spending, asked of that fund
    (SWU_2021, "财政拨款里的教育支出比上年减少了多少", [6505.48], []),
    # a reason going on in the next sentence; what an item is for, its name said again in its purpose
    (PLANNING, "机关运行经费为什么下降", [13.52], ["培训费"]),
    (JUSTICE, "信息化建设的钱主要用来干嘛", [], ["信息化建设及运行维护"]),
    # a table's rows counted without its total row
    (SOCIAL, "收入决算表不算合计行一共有多少行科目", [17], []),
    # a row two tables print with different figures: both, and the gap
    (SWU_BUDGET, "两张表里的住房保障支出差多少", [16233.19, 7624.66, 8608.53], []),
    # a name said first, then what is asked of it; what it is for, with the tables' figure in their unit
    (STREET, "那其他住房保障支出呢，干啥用的", [300000], ["电梯补贴"]),
    # where a subject's money came from, in a 决算 whose income table splits it by source: each source and its share
    (SWU_FINAL, "住房公积金花了15093.08万，钱是从哪来的", [7443.57, 49.32, 7649.51, 50.68], []),
    (FINANCE, "一般行政管理事务收入16.19万，是什么钱", [16.19, 10.00, 6.19], []),
    # words several projects' names share (a programme split into projects): those projects, counted
    (SWU_BUDGET, "改善基本办学条件专项一共有几个项目", [9], ["中央高校改善基本办学条件专项"]),
    # a mean over a count the narrative states with its money, the count typed or its words said
    (STREET, "编报绩效目标的41个项目，平均每个项目涉及多少预算资金", [41, 4929.31, 120.23], []),
    (PLANNING, "编报绩效目标的项目平均每个涉及多少预算金额", [39, 4415.48, 113.22], []),
    # a figure per unit of the report (the units typed, or counted from the report) and per vehicle it holds
    (PLANNING, "纳入决算的5家单位平均每家支出多少", [9759.38, 1951.88], []),
    (JUSTICE, "纳入部门预算的单位平均每家预算多少万元", [4814.11], []),
    (JUSTICE, "平均每辆车的公务用车运行费多少万元", [9.98, 3.33], []),
    # two tables' totals, or a name in one table against the table it is checked in
    (SWU_FINAL, "收支决算总表的财政拨款收入和财政拨款支出决算表的合计是否相同", [279818.00, 266783.56, 13034.44], []),
    (FINANCE, "收支决算总表的社会保障和就业支出和支出决算表对得上吗", [326.71, 326.72], []),
    # the income sources ranked; a place among economic items
    (SWU_BUDGET, "本年收入里排第二的收入来源", [141934.81], ["事业收入"]),
    (STREET, "基本支出经济分类款级科目里第三多的是哪个", [1934200], ["住房公积金"]),
    # 是不是X最多 inside a whole named: X's place there, and the first
    (JUSTICE, "公用经费里是不是工会经费最多", [699435.00, 265974.44], ["不是"]),
]


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    paths = {}
    for name in {case[0] for case in CASES}:
        paths[name] = root / f"{name}.db"
        load_document(paths[name], parse_file(CORPUS / name))
    return paths


@pytest.mark.parametrize(("name", "question", "figures", "texts"), CASES, ids=[c[1] for c in CASES])
def test_a_corpus_report_answers(databases, name, question, figures, texts):
    answer = ask(connect(databases[name]), question, Session())
    assert answer.matched, answer.text
    for figure in figures:
        assert has_number(answer, figure), (figure, answer.text)
    for text in texts:
        assert text in answer.text, (text, answer.text)


@pytest.mark.parametrize(("name", "question"), [
    # the title of one table of a page whose tables are pictures: not readable, said so
    (TRANSPORT, "交委这份预算说明里第一张表是什么表"),
    # 绩效项目 of a report with no performance sheets: no 科目 stands in for them
    (SWU_2023, "资金最多的绩效项目是哪个"),
    # a glossary named that holds no entry for the term
    (JUSTICE, "司法局名词解释里单位资金是什么意思"),
    # a check of a topic the report prints no figure of: nothing was checked
    (SWU_BUDGET, "三公经费预算表的合计对不对"),
    # a date the cover does not print
    (STREET, "这份预算是什么时候公开的"),
], ids=["picture table's title", "sheets it has none of", "glossary without the term", "check of what is not printed",
        "date not printed"])
def test_what_a_report_does_not_hold_is_said_not_there(tmp_path, name, question):
    db = tmp_path / "one.db"
    load_document(db, parse_file(CORPUS / name))
    answer = ask(connect(db), question, Session())
    assert not answer.matched and not answer.figures, answer.text


def test_a_budget_a_final_account_does_not_print_is_not_given_as_one(databases):
    """A 决算 prints the outturn of 城乡社区支出 but no 年初预算: the outturn is shown for what it is, unmatched."""
    answer = ask(connect(databases[PLANNING]), "城乡社区支出年初预算多少", Session())
    assert not answer.matched, answer.text
    assert "没有列出所问的年初预算" in answer.text and "3,845.24" in answer.text, answer.text


@pytest.mark.parametrize(("name", "turns"), [
    # a rate the report states, recomputed from the two figures just shown: the nearest quotient, its denominator
    (PLANNING, [("一般公共预算财政拨款支出，年初预算和决算各是多少？", [10210.34, 9746.50]),
                ("报告说完成年初预算的95.45%，你用这两个数复核一下，应该是多少？", [95.46, "相差 0.01 个百分点"])]),
    (SOCIAL, [("一般公共预算财政拨款支出，年初预算、全年预算（调整后）和决算各是多少？", [321.02, 307.82]),
              ("报告写“完成年初预算的95.89%”，这个比例实际是拿决算除以哪个数？", [95.89, "分母是「全年预算」"])]),
    # 同一个款下面另外那个项: the 款 of the code asked, but that code; 再上一级的类 of a 项: two levels up
    (SWU_2023, [("2060204 实验室及相关设施，上一级款是哪个？再上一级的类呢？", ["20602 基础研究", "206 科学技术支出"]),
                ("这个项在财政拨款支出决算表里是多少？", [1707.93]),
                ("同一个款下面另外那个项是什么，决算多少？", ["2060201 机构运行", 828.72])]),
    # a ranking of the parts of a class at a level (具体到项级，哪个最大), then 占X多少: the first one's share of X
    (SWU_BUDGET, [("教育支出里具体到项级科目，哪个最大？", ["高等教育", 410576.01]), ("占教育支出多少", [90.69])]),
    # the whole spent asked, then the budget: the narrative's 全年预算 against the outturn
    (SOCIAL, [("区委社会工作部2024年决算支出多少？全年预算是多少？", [307.82, 321.02])]),
    # a share stated in English, recomputed from the two figures typed
    (FINANCE, [("The report says general public services took 71.73% of general-budget spending. Recompute it from "
                "2106.66 and 2940.05 — what do you get?", [71.65])]),
    # a report of the other kind, of the same department and year, named: moved to
    (SWU_FINAL, [("西南大学2024年预算里，住房公积金预算多少？", [15176.76]),
                 ("换到2024年度决算，住房公积金实际花了多少？", [15093.08])]),
    # a bare gap after a budget and an outturn shown: those two; 决算呢 after a subject's budget: its outturn
    (FINANCE, [("财政事务下的行政运行，年初预算和决算各是多少？", [1560.05, 1511.89]), ("差了多少", [48.16])]),
    (PLANNING, [("城乡社区规划与管理那一项年初预算是多少？", [3110.14]), ("决算呢", [2739.56])]),
    # a code just broken down, then one of its parts' share: of that code
    (STREET, [("城乡社区支出预算总共多少元？", [47543930]), ("下面分成哪几款", [30000499]),
              ("城乡社区管理事务那款占多少？", [63.10])]),
    # a bare gap after a table row's budget and outturn were given first (then each line's): that row's two
    (PLANNING, [("三公经费，预算数和决算数分别是多少", [2.85, 0.39]), ("差了多少", [2.46])]),
    # 它在整个X里占多大比重: the one just asked, within the one named
    (JUSTICE, [("司法局2026年其他司法支出安排了多少万元", [3845.49]), ("它在整个司法款里占多大比重", [44.07])]),
    # another report named with a bare switching word (换财政局, X那份呢): the last question, of that report
    (FINANCE, [("财政局住房保障支出是多少", [445.69]), ("换规划资源局", [461.08]), ("财政局那份呢", [445.69])]),
    # a 决算's budget against its outturn: its gap, and the same asked of another name
    (PLANNING, [("行政单位医疗年初预算和决算数各多少", [42.73, 40.35]), ("差了多少", [2.38]),
                ("那事业单位医疗呢", [196.40, 196.29])]),
    # columns asked of a row: their gap by their names, the same columns of the next row named
    (SWU_FINAL, [("西南大学2024年决算普通教育下的高等教育，收入里财政拨款收入和事业收入各多少", [204296.56, 142972.32]),
                 ("财政拨款比事业收入多多少", [61324.24]), ("那高中教育呢", [17710.54, 1044.55])]),
    # 预算里 after the budget was read: back to it; 决算里呢: the last question, of the 决算
    (SWU_FINAL, [("西南大学2024年预算财政拨款支出合计多少", [244675.66]), ("2024年决算实际财政拨款支出是多少", [266783.56]),
                 ("预算里普通教育下面的高等教育财政拨款安排了多少", [191047.36]), ("决算里呢", [206360.32])]),
    (JUSTICE, [("公共安全支出里基本支出和项目支出各多少", [16726725.44, 70540547]), ("两者差多少", [53813821.56])]),
    # the figure asked again in another table, set against the one just given
    (STREET, [("城乡社区支出在支出总表里是多少", [47543930]),
              ("在一般公共预算支出功能分类预算表里也是这个数吗", [44163930, 47543930, 3380000])]),
    # 是不是比某年多了 after a figure: its stated change
    (SWU_2023, [("2023年支出合计多少", [457676.75]), ("是不是比2022年多了", [54492.83, 13.52])]),
    # a ranking naming nothing after a filter ranks what the filter picked
    (STREET, [("商品和服务支出预算一共多少？分哪些明细", [3860162]), ("哪几项超过40万元", [1220000, 591840, 460400]),
              ("按金额排一下", ["上面所列的 3 项", 1220000]), ("最小的是哪项", [460400, "其他交通费用"])]),
    # 我是说… restates the vague question before it (not who the asker is); the largest of the classes just listed,
    # then its parts; spending's composition is of the year's spending, the balance carried to next year said apart
    (PLANNING, [("规划资源局2024年决算，钱都花哪儿了？", [9759.38, 100.00, 45.72]),
                ("我是说按功能分类的大类，各是多少", [754.75, 236.64, 3845.24, 4461.67, 461.08]),
                ("最大的那块具体是啥？", ["自然资源海洋气象等支出", 4461.67]), ("它下面呢？", [4416.67, 45.00])]),
    # a table named by its place, then its rows by their place (first, above the total row)
    (SWU_FINAL, [("西南大学2024年度决算，第三张表是什么表？", ["高等学校支出决算表"]), ("它的合计多少？", [481483.46]),
                 ("第一行是什么？", ["教育支出", 448061.80]), ("合计上面那一行呢？", ["用于教育事业的彩票公益金支出", 109.50])]),
    # 哪个… of the two just asked in turn: each one's figure, and which it is
    (SWU_FINAL, [("西南大学2024年决算，财政拨款支出里小学教育多少？", [8627.17]), ("高中教育呢？", [17702.80]),
                 ("哪个比2023年涨得多？", [8.24, 5.56, "小学教育（2050202） 的变动率更大"])]),
    (SWU_2021, [("事业收入多少？", [124020.47]), ("其他收入呢？", [49567.45]),
                ("跟上年比，这两项哪个增加得多？", [2110.3, 3113.84, "其他收入 的变动额更大"])]),
    (FINANCE, [("行政运行支出多少？", [1511.89]), ("信息化建设呢？", [135.25]),
               ("哪个完成年初预算的比例高？", [96.91, 99.52, "信息化建设（项） 的完成率更高"])]),
    (PLANNING, [("支出决算表里基本支出是多少？", [5377.64]), ("项目支出呢？", [4381.74]),
                ("哪个占比高？", [55.10, 44.90, "基本支出（支出决算表） 占比更高"])]),
    # the figure just given, in another unit
    (TRANSPORT, [("一般公共预算财政拨款支出多少？", [324970.32]), ("换算成亿元是多少？", [32.497032])]),
    # 其余的…加起来 / 剩下的占多少 after one figure: the rest of its whole (the table's total, the code's parent),
    # and the rest line by line; an income named after an income total is a part of it, not a fund filter
    (SWU_2021, [("财政拨款支出预算里教育支出是多少？", [207796.18]),
                ("其余的财政拨款支出加起来多少？", [8756.35, 1512.90, 7243.45])]),
    (SWU_BUDGET, [("2024年本年收入合计多少？", [445059.97]), ("其中财政拨款收入多少，占多少？", [244675.66, 54.98]),
                  ("其余的收入加起来多少？", [200384.31])]),
    (SOCIAL, [("2024年决算本年支出合计多少？", [307.82]), ("项目支出是多少？", [202.24]), ("剩下的占多少？", [105.58, 34.30])]),
    # 其中X after a row read in a table, X a column only that table prints: that column of the row
    (SWU_2023, [("2023年决算教育支出多少？", [425287.27]), ("财政拨款支出决算表里呢？", [213588.53]),
                ("其中基本建设资金支出多少？", [5536.97])]),
    # 那花钱这边 after the income: the report's spending asked anew, 它下面 then its parts
    (SWU_BUDGET, [("本年收入里财政拨款占多大比例？", [54.98]), ("那花钱这边，最大的那块是啥？", ["教育支出", 452738.18]),
                  ("它下面呢？", [449709.05])]),
    # a section's numbered point after a list: no place in that list
    (STREET, [("商品和服务支出分哪些明细", [1220000]), ("其他相关情况说明第四点讲的是什么", ["绩效目标设置情况"])]),
    # 它年初预算多少 after the largest: the budget and outturn of the one picked
    (PLANNING, [("城乡社区支出下面的款里，项目支出最多的是哪个？", [2250.88]),
                ("它年初预算多少，完成了百分之几？", [3110.14, 88.08])]),
    # another place of the ranking just asked, said alone: the same list (not the words' own reading)
    (SWU_2023, [("本年收入里哪一项最多？", ["财政拨款收入", 243015.38]), ("第二呢", ["事业收入", 136385.24]),
                ("这两项差多少？", [106630.14])]),
    # two places compared, the top places added, of the ranking before (第一名 is the top whichever end was last asked)
    (STREET, [("支出按功能分类，哪一类最多？", [47543930]), ("最少的是哪类？", [100000]),
              ("前面说的前三名加起来多少，占支出总计的比重呢？", [67298262, 88.20])]),
    # a question about the report's units leaves the subject where it was; 其中X占比 is then of it
    (JUSTICE, [("三公经费预算是多少？", [10.81]), ("出自哪张表？单位是什么？", ["第289行", "万元"]),
               ("其中公务用车运行费占比多少？", [92.32])]),
    # the name just given set against its row in the table of a topic, in that table's unit
    (JUSTICE, [("基本支出经济分类表里的公务接待费是多少？和三公表里的对得上吗？", [8265, 0.83, "一致"])]),
    # the first subject pointed back at by a looser name of it
    (STREET, [("政府性基金预算有多少？", [3680000]), ("城市建设支出多少", [3380000]),
              ("回到第一个问的政府性基金总额，比2025年下降了百分之几？", [73.00])]),
    # 完成率算一下 / 差了多少钱 after a budget set against its outturn: of that one
    (FINANCE, [("财政委托业务支出决算多少？年初预算呢？", [449.52, 450.52]), ("完成率算一下", [99.78]),
               ("差了多少钱？", [1.00])]),
    # no change stated of a subject whose paragraph states the report year's budget and the year before's: the two set
    # against each other
    (STREET, [("城市建设支出多少", [3380000]), ("它比2025年度预算少了多少？", [1025, 75.20, "1,363"])]),
], ids=["recomputed rate", "rate's denominator", "code's neighbours", "ranked then its share", "whole then budget",
        "English recompute", "budget to final", "bare gap", "outturn of the subject", "part of the code broken down",
        "row's budget and outturn gap", "its share of the one named", "report switched", "budget against outturn carried",
        "columns carried", "kind named goes back", "the two columns' gap", "same figure elsewhere", "more than a year said",
        "ranking what was filtered", "vague then restated", "rows by their place", "which rose more", "which grew more",
        "which spent more of its budget", "which share is higher", "last figure in another unit", "rest of the table",
        "rest of the income", "rest of the spending", "column of the table read in", "other side of the money",
        "section's point after a list", "budget of the one picked", "another place alone", "top places added",
        "units asked between", "row in the topic's table", "first subject by a looser name", "rate of the one just set",
        "a year's budget against the year before's"])
def test_a_corpus_conversation_answers(tmp_path, name, turns):
    paths = [CORPUS / name] + ([CORPUS / SWU_BUDGET] if name == SWU_FINAL else []) + (
        [CORPUS / PLANNING] if name == FINANCE and any("换" in t for t, _ in turns) else [])
    db = tmp_path / "two.db"
    for path in paths:
        load_document(db, parse_file(path))
    conn, session = connect(db), Session()
    for question, expected in turns:
        answer = ask(conn, question, session)
        assert answer.matched, (question, answer.text)
        for item in expected:
            assert (item in answer.text) if isinstance(item, str) else has_number(answer, item), (question, item, answer.text)


def test_a_part_asked_of_the_last_figure_that_the_report_does_not_print_is_said_not_there(tmp_path):
    """这部分支出…工资福利支出是多少 after a figure of a report whose tables are pictures: not the last figure again."""
    db = tmp_path / "one.db"
    load_document(db, parse_file(CORPUS / TRANSPORT))
    conn, session = connect(db), Session()
    assert has_number(ask(conn, "项目支出多少", session), 263928.15)
    answer = ask(conn, "这部分支出按经济分类，工资福利支出是多少？", session)
    assert not answer.matched and not has_number(answer, 263928.15), answer.text


def test_a_blank_template_answers_no_figure(tmp_path):
    """A blank template's rows print no figure and its text names XX: nothing is answered from it (an
    empty row had been answered as 0), while questions about the document itself still are."""
    db = tmp_path / "template.db"
    load_document(db, parse_file(CORPUS / "template_shanghai_district_dept_final_2024.txt"))
    conn = connect(db)
    for question in ("高等教育2050205的决算数多少", "XX局纳入决算编制范围的单位有几家？"):
        answer = ask(conn, question, Session())
        assert not answer.matched and "空白模板" in answer.text and not answer.figures
    assert ask(conn, "这份报告有几张表", Session()).matched
    assert "日常公用经费" in ask(conn, "模板名词解释里机关运行经费指的是什么？", Session()).text  # (its definitions are real)


def test_why_after_an_outturn_against_its_budget_is_that_difference_s_reason(tmp_path):
    """In a 决算, 为什么差这么多 after a subject's budget against its outturn gives the reason the paragraph
    states for that difference (it had looked for a change from last year and found none)."""
    db = tmp_path / "finance.db"
    load_document(db, parse_file(CORPUS / "final_shanghai_putuo_caizhengju_2024.txt"))
    conn, session = connect(db), Session()
    assert has_number(ask(conn, "行政运行那项年初预算多少？差了多少", session), 48.16)
    why = ask(conn, "为什么差这么多", session)
    assert why.matched and "人员进出及退休变化" in why.text


def test_a_wrapped_names_tail_is_no_name(tmp_path):
    """财政局 表3 prints 机关事业单位职业年金缴费支 / 208 05 06 出: the row's name comes out as 出 (or 支出).
    A question saying 支出 must not be answered with that row's figure."""
    db = tmp_path / "wrapped.db"
    load_document(db, parse_file(CORPUS / "final_shanghai_putuo_caizhengju_2024.txt"))
    answer = ask(connect(db), "2024年度收入支出总计多少", Session())
    assert "2080506" not in answer.text and not has_number(answer, 80.38)


def test_a_table_named_alone_reads_the_last_row_there(tmp_path):
    """After a code read in the income table, a follow-up naming another table by a few words of its title
    (支出决算呢) or by number, or naming columns only another table prints (基本支出和项目支出各多少),
    reads the same code there."""
    db = tmp_path / "swu.db"
    load_document(db, parse_file(CORPUS / "final_chongqing_swu_university_2023.txt"))
    conn, session = connect(db), Session()
    first = ask(conn, "决算收入表里高中教育（2050204）收入合计多少？", session)
    assert has_number(first, 24804.57)
    spent = ask(conn, "支出决算呢", session)
    assert has_number(spent, 24239.28) and "支出决算表" in spent.text
    fiscal = ask(conn, "表4呢", session)
    assert has_number(fiscal, 16769.73)
    ask(conn, "决算收入表里高中教育（2050204）收入合计多少？", session)
    columns = ask(conn, "基本支出和项目支出各多少", session)
    assert has_number(columns, 22824.63) and has_number(columns, 1414.65)


def test_a_table_whose_figures_cannot_be_placed_is_quoted_not_emptied(databases):
    """A 三公 table whose printed figures fit none of its columns (a noisy extraction) is quoted as printed,
    with no figure given as a column's: never an empty answer. The figures the narrative states of it (its
    sentence's numbers, printed a line below it) are given, from that line."""
    answer = ask(connect(databases[FINANCE]), "财政局三公经费预算多少，实际花了多少", Session())
    assert answer.matched and "无法确定" in answer.text and "0.95" in answer.text, answer.text
    assert {f.table for f in answer.figures} == {"情况说明"}, answer.figures
    assert has_number(answer, 0.95) and has_number(answer, 0), answer.text


def test_columns_a_total_row_has_not_are_figures_of_their_own(databases):
    """基本支出和项目支出各是多少 after 收入总计: the summary table prints no such columns for that row, so they are
    the report's own 基本支出 and 项目支出 (it had answered 支出总计 again)."""
    session = Session()
    ask(connect(databases[JUSTICE]), "2026年部门预算总盘子多少万元？", session)
    answer = ask(connect(databases[JUSTICE]), "那基本支出和项目支出各是多少元？", session)
    assert has_number(answer, 25741666.44) and has_number(answer, 70540547.00), answer.text


def test_the_subjects_a_column_falls_in_are_asked_of_the_last_column(databases):
    """出现在哪几个项级科目 after a column's total (基本建设资金): the 项 with a figure in that column, in the
    table it was read in (表4: 2050205 高等教育 5,536.97 and 2060204 实验室及相关设施 1,357.93)."""
    session = Session()
    conn = connect(databases[SWU_2023])
    ask(conn, "财政拨款支出决算表里的基本建设资金一共多少？", session)
    answer = ask(conn, "出现在哪几个项级科目？", session)
    assert has_number(answer, 5536.97) and has_number(answer, 1357.93), answer.text
    assert not has_number(answer, 425287.27), answer.text


def test_where_a_gap_between_two_tables_comes_from(databases):
    """差的那部分是哪个款 after a class's figures in the spending table, naming the 一般公共预算 table: the
    款 whose figures differ between the two (21208, 3,380,000 元, a 政府性基金 款 the 一般公共预算 table has not)."""
    session = Session()
    conn = connect(databases[STREET])
    ask(conn, "支出预算总表里城乡社区支出（类）合计多少元？", session)
    answer = ask(conn, "一般公共预算支出功能分类表里这个类只有44,163,930元，差的那部分是哪个款？", session)
    assert has_number(answer, 3380000) and "21208" in answer.text, answer.text


def test_the_reason_just_quoted_is_what_a_bare_why_asks(databases):
    """主要原因是怎么说的 after an answer that quoted the report's reason for the item it picked: that reason,
    not the reason of another figure asked earlier in the conversation."""
    session = Session()
    conn = connect(databases[PLANNING])
    ask(conn, "请提供2024年度收入支出总计，以及与2023年度相比的增减额和增幅。", session)
    ask(conn, "在说明列出的各项中，完成年初预算比例最低的是哪一项？", session)
    answer = ask(conn, "主要原因是怎么说的？", session)
    assert answer.matched and "政府采购流程未及时完毕" in answer.text, answer.text


def test_reason_of_the_subject_just_ranked(databases):
    """它没完成是什么原因 after the lowest completion rate: the reason that answer quoted."""
    conn = connect(databases[PLANNING])
    session = Session()
    first = ask(conn, "分项里完成率最低的是哪一项", session)
    assert "城乡社区规划与管理" in first.text
    reason = ask(conn, "它没完成是什么原因", session)
    assert reason.matched and "政府采购流程" in reason.text


def test_a_functional_class_the_report_does_not_print_is_not_read_as_another_name(databases):
    """司法局 prints no 201 一般公共服务支出: asked for it, no figure (it had been read as 一般公共预算 and
    answered 9,628.22), and the 类 the report does print are offered instead."""
    conn = connect(databases[JUSTICE])
    for question in ("一般公共服务支出多少", "一般公共服务支出下面有哪些款"):
        answer = ask(conn, question, Session())
        assert not answer.matched and not answer.figures, answer.text
        assert "没有列出「一般公共服务支出」" in answer.text and "204 公共安全支出" in answer.text, answer.text
    assert has_number(ask(conn, "公共安全支出多少", Session()), 87267272.44)


def test_a_filter_over_a_column_of_a_report_without_a_project_list(databases):
    """项目支出在A到B之间 in a 决算 that lists no projects: the 项 with a 项目支出 figure in that range (表3:
    2120201 城乡社区规划与管理 2,250.88 is over 2,000; 2120101 行政运行 8.77 is under 10)."""
    conn = connect(databases[PLANNING])
    answer = ask(conn, "哪些项目支出在10万到3000万之间", Session())
    assert answer.matched and has_number(answer, 2250.88) and not has_number(answer, 8.77), answer.text


def test_last_year_after_a_share_is_the_subject_s_stated_change(databases):
    """那上年呢 after a share of 司法局's 2040699 其他司法支出: the change the report states for that item
    (增长 17.62% against 2025), not this year's share again."""
    session = Session()
    conn = connect(databases[JUSTICE])
    ask(conn, "其他司法支出占公共安全支出多少", session)
    answer = ask(conn, "那上年呢", session)
    assert answer.matched and answer.intent == "change" and has_number(answer, 17.62), answer.text
    assert not has_number(answer, 44.07), answer.text


def test_the_parts_of_one_level_asked_with_which(databases):
    """它下面有哪些款 after 204 公共安全支出: its 款 only (20406 司法), not its 项 beside them."""
    session = Session()
    conn = connect(databases[JUSTICE])
    ask(conn, "公共安全支出多少", session)
    answer = ask(conn, "它下面有哪些款", session)
    assert answer.matched and "20406 司法" in answer.text and "2040601" not in answer.text, answer.text


def test_a_share_of_the_whole_named_after_zhan_with_words_between(databases):
    """这笔钱占街道全部支出多少 after 三公经费: a share of the 支出总计 (words between 占 and the whole qualify
    it), and 街道 after 占 names no other organisation."""
    session = Session()
    conn = connect(databases[STREET])
    ask(conn, "三公经费", session)
    answer = ask(conn, "这笔钱占街道全部支出多少", session)
    assert answer.matched and answer.intent == "share" and has_number(answer, 0.11), answer.text


def test_what_money_is_given_for_names_no_other_organisation(databases):
    """给街道敬老院装修: what the money is for (the sentence naming it), not a question about 敬老院."""
    answer = ask(connect(databases[STREET]), "给石岚敬老院装修的那笔钱属于哪个科目", Session())
    assert answer.matched and "石岚敬老院装修工程" in answer.text and "561.50" in answer.text, answer.text


def test_which_columns_of_the_table_just_shown_hold_figures(databases):
    """这些列里真正有数的是哪一列 after 社会工作部's income table's columns: the columns with a figure in some
    row (本年收入合计, 财政拨款收入), with the total row's figures, not the empty ones."""
    session = Session()
    conn = connect(databases[SOCIAL])
    ask(conn, "收入决算表都设了哪些收入列？", session)
    answer = ask(conn, "这些列里真正有数的是哪一列？", session)
    assert answer.matched and "财政拨款收入" in answer.text and has_number(answer, 307.82), answer.text
    assert "上级补助收入" not in answer.text, answer.text


def test_an_indicator_of_the_project_just_asked_by_part_of_its_label(databases):
    """它对青年教师项目（课题）经费占比的指标值是多少 after 基本科研业务费专项: that sheet's indicator 支持青年教师
    项目（课题）经费占比 (≥50%), not a share computed of the project's funds."""
    session = Session()
    conn = connect(databases[SWU_BUDGET])
    ask(conn, "基本科研业务费专项年度资金总额是多少", session)
    answer = ask(conn, "它对青年教师项目（课题）经费占比的指标值是多少？", session)
    assert answer.intent == "text" and "≥50%" in answer.text, answer.text


def test_a_fund_s_share_and_change_asked_after_its_total(databases):
    """After 政府性基金预算 of 石泉路: 占街道全部财政拨款的比例 is its share of 财政拨款收入 (a question opening with
    占X leaves the part to the conversation), and 基金预算比2025年少了多少 the change the report states for
    政府性基金拨款支出预算 (995 万元 less)."""
    session = Session()
    conn = connect(databases[STREET])
    ask(conn, "石泉路街道2026年政府性基金预算安排了多少万元？", session)
    share = ask(conn, "占街道全部财政拨款的比例是多少", session)
    assert share.intent == "share" and has_number(share, 4.82), share.text
    change = ask(conn, "基金预算比2025年少了多少？", session)
    assert change.intent == "change" and has_number(change, 995), change.text


def test_the_subjects_a_fund_is_spent_on_after_its_total(databases):
    """都用在哪些科目上 after 石泉路's 政府性基金预算: the subjects of the fund's own table (2120803, 2219899),
    not the 类 of the all-funds expenditure table."""
    session = Session()
    conn = connect(databases[STREET])
    ask(conn, "石泉路街道2026年政府性基金预算安排了多少万元？", session)
    answer = ask(conn, "都用在哪些科目上？", session)
    assert "2120803 城市建设支出" in answer.text and "2219899" in answer.text and "201 一般公共服务支出" not in answer.text, answer.text


def test_how_much_of_the_budget_was_spent_asked_after_a_topic(databases):
    """完成预算的比例是多少 right after 规划资源局's 三公 budget and outturn: the 13.68% stated for 三公, not
    the report's general 95.45%."""
    session = Session()
    conn = connect(databases[PLANNING])
    ask(conn, "普陀规划资源局2024年三公经费年初预算多少，实际决算花了多少？", session)
    answer = ask(conn, "完成预算的比例是多少？", session)
    assert has_number(answer, 13.68) and not has_number(answer, 95.45), answer.text


def test_the_subject_a_completion_ranking_picks_is_what_the_next_question_asks_of(tmp_path):
    path = tmp_path / "planning.db"
    load_document(path, parse_file(CORPUS / PLANNING))
    conn, session = connect(path), Session()
    ranked = ask(conn, "分项里完成率最低的是哪个科目？", session)
    assert has_number(ranked, 88.08), ranked.text
    gap = ask(conn, "该项年初预算与决算差额是多少？", session)
    assert has_number(gap, 370.58) and "城乡社区规划与管理" in gap.text, gap.text


def test_a_part_the_text_mentions_with_no_amount_is_not_the_whole_s_figure(tmp_path):
    path = tmp_path / "transport.db"
    load_document(path, parse_file(CORPUS / TRANSPORT))
    conn, session = connect(path), Session()
    assert has_number(ask(conn, "政府性基金预算支出多少", session), 38610)
    part = ask(conn, "那38610万元里面铁路建设具体拿了多少？", session)
    assert not part.matched and "铁路建设" in part.text, part.text


def test_they_after_a_filter_are_the_items_it_picked(conn):
    session = Session()
    picked = ask(conn, "本年安排的项目里，金额在10万元以上的有几个？", session)
    assert has_number(picked, 5), picked.text
    added = ask(conn, "它们合计多少万元", session)
    assert has_number(added, 237.89), added.text


def test_the_two_just_asked_are_two_names_or_one_name_in_two_tables(conn):
    session = Session()
    for question in ("区委办今年有没有给乡镇档案室搞建设的钱？", "那村里的档案室呢，也有钱吗", "村里这个钱是今年新安排的，还是以前剩下来的？"):
        ask(conn, question, session)
    both = ask(conn, "两个加一块一共多少钱？", session)  # the same name asked twice counts once
    assert has_number(both, 90.20), both.text


def test_names_pointed_at_with_these_take_the_last_operation(conn):
    session = Session()
    ask(conn, "一般公共预算当年支出里，一般公共服务支出占比是多少？", session)
    shares = ask(conn, "社保就业、卫生健康、住房保障这几个呢？", session)
    assert shares.intent == "share" and all(has_number(shares, x) for x in (5.77, 2.47, 4.33)), shares.text
    projects = ask(conn, "换成上年结转的，超过壹佰万元的项目有哪些？", Session())
    assert "安可替代工程" in projects.text and has_number(projects, 497.52), projects.text


def test_a_gap_between_two_reports_figures_in_the_unit_asked(tmp_path):
    """两家差多少万元 of two figures both printed in 元: the gap in 万元."""
    db = tmp_path / "two.db"
    for name in (STREET, JUSTICE):
        load_document(db, parse_file(CORPUS / name))
    conn, session = connect(db), Session()
    ask(conn, "司法局预算表里住房公积金是多少元", session)
    ask(conn, "石泉路街道的住房公积金呢，也按万元说", session)
    answer = ask(conn, "两家差多少万元？", session)
    assert has_number(answer, 15.3759) and "15.3759 万元" in answer.text, answer.text


def test_three_reports_visited_ranked_and_the_first_against_the_second(tmp_path, seed_path):
    """…也查一下 moves to that report; 这三家哪个最多？比排第二的多出多少: the first less the second."""
    db = tmp_path / "three.db"
    for path in (CORPUS / STREET, CORPUS / JUSTICE, seed_path):
        load_document(db, parse_file(path))
    conn, session = connect(db), Session()
    ask(conn, "屯留区委办公室2024年三公经费预算有多少？", session)
    ask(conn, "普陀司法局2026年的三公经费预算呢", session)
    assert has_number(ask(conn, "石泉路街道本级2026年的也查一下", session), 8.53)
    answer = ask(conn, "这三家哪个三公经费最多？比排第二的多出多少万元", session)
    assert has_number(answer, 2.28) and "司法局" in answer.text, answer.text


def test_a_fund_s_part_of_the_subject_whose_sources_were_just_given(databases):
    """After where 住房公积金's money came from (财政拨款收入 7,443.57 and 其他收入 7,649.51 of 15,093.08):
    财政拨款占多少比例 is that part's share of the subject (49.32%), not 财政拨款收入's share of the whole
    report's income (58.61%); 财政拨款这部分比2023年变了多少 is that part's stated change (down 0.07%)."""
    session = Session()
    conn = connect(databases[SWU_FINAL])
    ask(conn, "住房公积金的钱是从哪来的", session)
    share = ask(conn, "财政拨款占多少比例", session)
    assert share.intent == "share" and has_number(share, 49.32) and not has_number(share, 58.61), share.text
    change = ask(conn, "财政拨款这部分比2023年变了多少", session)
    assert has_number(change, 7443.57) and has_number(change, 0.07), change.text


def test_the_projects_a_programme_counts_are_listed_and_added_next(databases):
    """改善基本办学条件专项一共有几个项目 (9 of the 26 sheets), then 都列出来 lists those nine, and 这几个项目的年度资金
    加起来多少 adds them (18,545.66 万元), not all 26 sheets (38,997.62)."""
    session = Session()
    conn = connect(databases[SWU_BUDGET])
    assert has_number(ask(conn, "改善基本办学条件专项一共有几个项目", session), 9)
    listed = ask(conn, "都列出来", session)
    assert "共 9 个" in listed.text, listed.text
    added = ask(conn, "这几个项目的年度资金加起来多少", session)
    assert has_number(added, 18545.66) and not has_number(added, 38997.62), added.text


def test_a_name_marked_as_an_item_opening_the_question_that_is_printed_nowhere(databases):
    """城管执法这一项有多少 of 石泉路, which prints no 城管执法: said so, not read as 执法执勤用车 (0 辆)."""
    answer = ask(connect(databases[STREET]), "那城管执法这一项有多少", Session())
    assert not answer.matched and "城管执法" in answer.text and "执法执勤用车" not in answer.text, answer.text
