"""Every user mistake listed in the inputs issue: one fixture each, exact message and position."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from report_text import complete

from genreport.load import load_file, load_text
from genreport.model import Pos
from genreport.render.context import Block, view_of

FIXTURES = Path(__file__).parent / "fixtures" / "2023"
ACCEPTED = Path(__file__).parent / "fixtures" / "accepted" / "2023"
HEADER = "机关: 测试市测试局\n年度: 2023\n发布日期: 2024-01-20\n"

LITIGATION = (
    "表四的行政诉讼，分“未经复议直接起诉”“复议后起诉”两行，每行 [结果维持, 结果纠正, 其他结果, 尚未审结]；"
    "没有案件也要写，每行 [0, 0, 0, 0]"
)
OTHER = (
    "六、其他需要报告的事项，写明信息处理费的收取情况（未收取写“未收取”），没有其他事项写"
    "“无其他需要报告的事项。”；也可以只写“信息处理费: 0”（单位元），生成报告时补上标准表述"
)

EXPECTED = {
    "alias_bomb": ["4:4: 错误 L2 不支持 YAML 锚点和别名（& 与 *），请把数值直接写出来"],
    "bad_agency_type": ["4:7: 错误 L3 机关类型只能是 部门 或 人民政府，这里是“县政府”"],
    "bad_date": [
        "3:7: 错误 L3 发布日期应写成 2024-01-20 这样的日期（年-月-日），这里是“2024/1/20”"
    ],
    "boolean": [
        "4:8: 错误 R4 行政复议.结果维持：“no”在 YAML 1.1 中是布尔值（是/否），不是数字；件数请填 0 或实际数"
    ],
    "colon_in_text": [
        "4:16: 错误 L2 YAML 语法错误：这里不能出现“: ”。如果正文中有英文冒号，"
        "请把整段写成块文本：键后写 |，正文另起一行并缩进"
    ],
    "count_1_10": [
        "5:9: 错误 R4 主动公开.行政强制：件数必须是整数，这里是小数 1.10（YAML 会把 1.10 读成 1.1）"
    ],
    "duplicate_key": ["7:3: 错误 L2 键“行政许可”重复出现（第 5 行已有），请删除或合并其中一处"],
    "empty": ["1:1: 错误 L1 文件是空的（只有空白或注释），没有任何数据"],
    "empty_value": ["5:8: 错误 R4 主动公开.行政许可：件数为空；没有就填 0（空白和“/”都不是 0）"],
    "float_count": ["5:9: 错误 R4 主动公开.行政许可：件数必须是整数，这里是小数 2.5"],
    "gbk": [
        "1:1: 错误 L1 文件是 GBK（GB2312/GB18030）编码，genreport 只读 UTF-8。请在编辑器中以 UTF-8 编码另存"
        "（记事本：另存为 → 编码选 UTF-8；VS Code：右下角编码 → 通过编码保存 → UTF-8）"
    ],
    "hex": ["5:9: 错误 R4 主动公开.行政处罚：“0x10”是十六进制或八进制写法，件数请直接写十进制数"],
    "missing_date": [
        "4:1: 错误 L3 缺少必填项“发布日期”：落款日期，如“发布日期: 2024-01-20”；请加在“总体情况”之前"
    ],
    "missing_agency_type": [
        "3:1: 错误 L3 缺少必填项“机关类型”：写“机关类型: 部门”或“机关类型: 人民政府”，"
        "它决定发布期限和必须报告的内容；请加在“发布日期”之前"
    ],
    "missing_t2": [
        "5:1: 错误 L3 缺少必填项“主动公开”：二、主动公开政府信息情况（表二），各行没有的数填 0；"
        "请加在“依申请公开”之前"
    ],
    "missing_t3": [
        "7:1: 错误 L3 缺少必填项“依申请公开”：三、收到和处理政府信息公开申请情况（表三），"
        "没有收到申请也要写出，各行填 0；请加在“行政复议”之前"
    ],
    "missing_review": [
        "9:1: 错误 L3 缺少必填项“行政复议”：表四的行政复议，写成“行政复议: [结果维持, 结果纠正, "
        "其他结果, 尚未审结]”；没有案件也要写“行政复议: [0, 0, 0, 0]”；请加在“行政诉讼”之前"
    ],
    "missing_litigation": [
        f"10:1: 错误 L3 缺少必填项“行政诉讼”：{LITIGATION}；请加在“存在的主要问题及改进情况”之前"
    ],
    # the narrative sections: without the key the printed report lacks the section
    "missing_overview": [
        "5:1: 错误 L3 缺少必填项“总体情况”：一、总体情况，写主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障五个方面的情况；请加在“主动公开”之前"
    ],
    "missing_problems": [
        "11:1: 错误 L3 缺少必填项“存在的主要问题及改进情况”：五、存在的主要问题及改进情况，"
        "写上一年度问题的整改情况、本年度存在的问题和改进措施；请加在“信息处理费”之前"
    ],
    "missing_at_end": [f"13:1: 错误 L3 缺少必填项“其他需要报告的事项”：{OTHER}；请加在文件末尾"],
    "placeholder_agency": [
        "1:5: 错误 L3 机关名称中还有占位文字“【待填写】”：请填写机关全称，与报告标题一致"
    ],
    "placeholder_agency_crosses": [
        "1:6: 错误 L3 机关名称中还有占位文字“××”：请填写机关全称，与报告标题一致"
    ],
    "negative": ["5:13: 错误 R4 依申请公开.上年结转.商业企业：件数不能是负数（-2）"],
    "negative_money": ["5:12: 错误 R4 主动公开.行政事业性收费：金额不能是负数（-1.5）"],
    "not_mapping": ["2:1: 错误 L3 文件顶层应是“键: 值”的映射，从“机关: ……”开始"],
    "octal": [
        "5:9: 错误 R4 主动公开.行政许可：“010”以 0 开头，YAML 1.1 会把它当作八进制数；请去掉开头的 0，写成 10"
    ],
    "only_comments": ["1:1: 错误 L1 文件是空的（只有空白或注释），没有任何数据"],
    "short_row": [
        "5:9: 错误 L3 依申请公开.本年新收：应有 6 个数（自然人、商业企业、科研机构、社会公益组织、"
        "法律服务机构、其他），可再加第 7 个作为总计；这里有 3 个"
    ],
    "string_number": [
        "5:9: 错误 R4 主动公开.行政许可：这里应填件数（非负整数），却是文本“44”：请去掉引号"
    ],
    "syntax_error": [
        "6:7: 错误 L2 YAML 语法错误：方括号列表中的数要用英文逗号“,”隔开，并以“]”结束（问题从第 5 行开始）"
    ],
    "tab_indent": [
        "5:1: 错误 L2 缩进中有制表符（Tab）。YAML 只能用空格缩进，请把这一行开头的 Tab 换成空格"
    ],
    "unknown_column": ["5:18: 错误 L3 “依申请公开.本年新收”下没有“商业”这一项，是不是“商业企业”？"],
    "unknown_key": [
        "9:7: 错误 L3 “依申请公开.办理结果.不予公开”下没有“国家秘密”这一项，是不是“属于国家秘密”？"
    ],
    # Chinese-keyboard slips: the character, its own line and column, the fix
    "slip_brackets": ["12:7: 错误 L2 第 12 行第 7 列用了全角方括号“［”，请改为英文方括号“[”"],
    "slip_brackets_flow_end": [
        "12:18: 错误 L2 第 12 行第 18 列用了全角方括号“］”，请改为英文方括号“]”"
    ],
    "slip_colon_block": ["16:13: 错误 L2 第 16 行第 13 列用了中文冒号“：”，请改为英文冒号加空格"],
    "slip_colon_first": ["1:3: 错误 L2 第 1 行第 3 列用了中文冒号“：”，请改为英文冒号加空格"],
    "slip_colon_flow": ["9:13: 错误 L2 第 9 行第 13 列用了中文冒号“：”，请改为英文冒号加空格"],
    "slip_colon_nested": ["7:7: 错误 L2 第 7 行第 7 列用了中文冒号“：”，请改为英文冒号加空格"],
    "slip_colon_top": ["2:3: 错误 L2 第 2 行第 3 列用了中文冒号“：”，请改为英文冒号加空格"],
    "slip_comma": [
        "12:9: 错误 L2 第 12 行第 9 列用了中文逗号“，”，数与数之间请用英文逗号加空格隔开，如 [1, 0, 0]"
    ],
    "slip_digits": ["7:9: 错误 L2 第 7 行第 9 列用了全角数字“１２”，请改为半角数字 12"],
    "slip_digits_row": ["9:10: 错误 L2 第 9 行第 10 列用了全角数字“１”，请改为半角数字 1"],
    "slip_digits_year": ["2:5: 错误 L2 第 2 行第 5 列用了全角数字“２０２３”，请改为半角数字 2023"],
    "slip_comma_flow_map": [
        "9:16: 错误 L2 第 9 行第 16 列用了中文逗号“，”，数与数之间请用英文逗号加空格隔开，如 [1, 0, 0]"
    ],
    "slip_comma_trailing": [
        "12:19: 错误 L2 第 12 行第 19 列用了中文逗号“，”，数与数之间请用英文逗号加空格隔开，如 [1, 0, 0]"
    ],
    "slip_space_in_flow": [
        "12:10: 错误 L2 第 12 行第 10 列有一个全角空格“\u3000”，请删除它（需要空格的地方用英文（半角）空格）"
    ],
    "slip_space_after_colon": [
        "12:6: 错误 L2 第 12 行第 6 列有一个全角空格“\u3000”，请删除它（需要空格的地方用英文（半角）空格）"
    ],
    "slip_dun": [
        "12:9: 错误 L2 第 12 行第 9 列用了顿号“、”，数与数之间请用英文逗号加空格隔开，如 [1, 0, 0]"
    ],
    "slip_space_after": [
        "7:10: 错误 L2 第 7 行第 10 列有一个全角空格“\u3000”，请删除它（需要空格的地方用英文（半角）空格）"
    ],
    "slip_space_after_key": [
        "7:7: 错误 L2 第 7 行第 7 列有一个全角空格“\u3000”，请删除它（需要空格的地方用英文（半角）空格）"
    ],
    "slip_space_indent": [
        "7:1: 错误 L2 第 7 行第 1 列用了全角空格“\u3000”缩进，缩进只能用英文（半角）空格"
    ],
    "slip_space_indent_inner": [
        "7:3: 错误 L2 第 7 行第 3 列用了全角空格“\u3000”缩进，缩进只能用英文（半角）空格"
    ],
    "t2_total": [
        "6:7: 错误 L3 主动公开.规章：只有 3 个数（本年制发、本年废止、现行有效），没有总计"
    ],
    "year_mismatch": [
        "2:5: 错误 R19 年度写的是 2022，但文件在 2023 年的文件夹里；请改正年度，或把文件移到 2022 文件夹"
    ],
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_reported_with_position(name: str) -> None:
    loaded = load_file(FIXTURES / f"{name}.yaml", f"{name}.yaml")
    assert loaded.report is None
    assert [f.format() for f in loaded.findings] == [f"{name}.yaml:{e}" for e in EXPECTED[name]]


@pytest.mark.parametrize("path", sorted(ACCEPTED.glob("*.yaml")), ids=lambda p: p.stem)
def test_accepted_forms_load_without_findings(path: Path) -> None:
    loaded = load_file(path, path.name)
    assert loaded.findings == []
    assert loaded.report is not None


def test_section_six_may_be_left_to_the_fee_sentence() -> None:
    """信息处理费 without 其他需要报告的事项 is complete: section 六 prints the standard sentence."""
    report = load_file(ACCEPTED / "fee_only.yaml", "fee_only.yaml").report
    assert report is not None
    [_, _, _, _, _, six] = view_of(report).sections
    assert (six.heading, six.blocks) == (
        "六、其他需要报告的事项",
        (Block("p", "本年度本机关未收取信息处理费。"),),
    )


def test_a_present_but_empty_section_is_not_a_missing_part() -> None:
    text = HEADER + "总体情况:\n存在的主要问题及改进情况: ''\n其他需要报告的事项:\n"
    loaded = load_text(complete(text).encode(), "x.yaml", 2023)
    assert loaded.findings == []
    assert loaded.report is not None and loaded.report.problems.text == ""


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(HEADER.encode() + b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    loaded = load_file(path, "big.yaml")
    assert [f.format() for f in loaded.findings] == [
        "big.yaml:1:1: 错误 L1 文件过大（2048 KiB，上限 1024 KiB），不像是一份年度报告的数据文件"
    ]


def test_missing_file_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    loaded = load_file(tmp_path / "nope.yaml", "nope.yaml")
    assert [f.format() for f in loaded.findings] == ["nope.yaml:1:1: 错误 L1 文件不存在"]


def test_all_mistakes_of_a_file_are_reported_together() -> None:
    text = HEADER + "主动公开:\n  行政许可: 010\n  行政处罚: -1\n  行政强制: yes\n"
    loaded = load_text(complete(text).encode(), "x.yaml", 2023)
    assert [(f.line, f.rule) for f in loaded.findings] == [(5, "R4"), (6, "R4"), (7, "R4")]


def test_money_keeps_the_digits_typed() -> None:
    text = HEADER + "主动公开:\n  行政事业性收费: 12.3650\n信息处理费: 1.10\n"
    report = load_text(complete(text).encode(), "x.yaml", 2023).report
    assert report is not None
    assert str(report.t2.fee) == "12.3650"
    assert report.info_fee_yuan == Decimal("1.10") and str(report.info_fee_yuan) == "1.10"


def test_omitted_rows_are_zero_and_mappings_equal_lists() -> None:
    as_list = HEADER + "依申请公开:\n  本年新收: [3, 0, 0, 0, 2, 0]\n"
    as_map = HEADER + "依申请公开:\n  本年新收: {自然人: 3, 法律服务机构: 2}\n"
    a = load_text(complete(as_list).encode(), "a.yaml", 2023).report
    b = load_text(complete(as_map).encode(), "b.yaml", 2023).report
    assert a is not None and b is not None
    assert a.t3.rows == b.t3.rows
    assert a.t3.rows[("本年新收",)].values == (3, 0, 0, 0, 2, 0)
    assert a.t3.rows[("结转下年度",)].values == (0,) * 6
    assert a.t4.blocks[("行政复议",)].values == (0, 0, 0, 0)


def test_utf8_bom_is_accepted() -> None:
    assert (
        load_text(b"\xef\xbb\xbf" + complete(HEADER).encode(), "bom.yaml", 2023).report is not None
    )


def test_positions_point_at_each_value() -> None:
    text = HEADER + "依申请公开:\n  本年新收: [3, 0, 0, 0, 2, 0, 5]\n"
    report = load_text(complete(text).encode(), "x.yaml", 2023).report
    assert report is not None
    assert report.pos("依申请公开", "本年新收", "法律服务机构") == Pos(5, 22)
    assert report.pos("依申请公开", "本年新收", "总计") == Pos(5, 28)
    # a row that was not written points at its nearest written ancestor
    assert report.pos("依申请公开", "结转下年度", "自然人") == Pos(4, 1)


def test_full_width_characters_in_text_are_just_chinese() -> None:
    text = complete(
        HEADER + "存在的主要问题及改进情况: |\n"
        "  \u3000\u3000一是：宣传不够，二是、解读不足［见附件］。\n"
        "其他需要报告的事项:\n  无：本年度，未收取、信息处理费。\n"
    )
    loaded = load_text(text.encode(), "x.yaml", 2023)
    assert loaded.findings == []
    assert loaded.report is not None
    assert loaded.report.problems.text == "\u3000\u3000一是：宣传不够，二是、解读不足［见附件］。\n"
    assert loaded.report.other_matters.text == "无：本年度，未收取、信息处理费。"
