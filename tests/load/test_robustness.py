"""Inputs that once ended in a traceback, a hang or a broken build: each is now one finding.

YAML tags, deep nesting, integers past Python's 4300-digit limit, control characters,
non-characters, lone surrogates, line separators, newlines in one-line fields and bidi controls.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_text import complete
from typer.testing import CliRunner

from genreport.cli import app
from genreport.escaping import quoted, visible
from genreport.load import load_text

HEAD = "机关: 测试市测试局\n年度: 2023\n机关类型: 部门\n发布日期: 2024-01-20\n"
TABLES = "主动公开: {}\n依申请公开: {}\n行政复议: [0, 0, 0, 0]\n行政诉讼: {}\n"
BASE = HEAD + TABLES
OTHER = "其他需要报告的事项: "
TAG_HINT = (
    "：数据文件中的值不需要也不能标注类型，请删除它（如果“!”是文字的一部分，请给整段文字加上引号）"
)
DEEP = "嵌套超过 16 层：年度报告的数据最多只有几层，请检查这里的括号或缩进"

CASES = {
    "tag !!str": (
        BASE.replace("行政复议: [0", "行政复议: !!str [0"),
        [f"7:7: 错误 L2 不支持 YAML 标签“!!str”{TAG_HINT}"],
    ),
    "tag !!python": (
        BASE + OTHER + "!!python/object/apply:os.system [ls]\n",
        [f"9:12: 错误 L2 不支持 YAML 标签“!!python/object/apply:os.system”{TAG_HINT}"],
    ),
    "tag of one's own": (
        BASE.replace("主动公开: {}", "主动公开: !表二 {}"),
        [f"5:7: 错误 L2 不支持 YAML 标签“!表二”{TAG_HINT}"],
    ),
    "tag on the document": ("!!map\n" + BASE, [f"1:1: 错误 L2 不支持 YAML 标签“!!map”{TAG_HINT}"]),
    "deep flow nesting": (
        BASE + OTHER + "[" * 100_000 + "]" * 100_000 + "\n",
        [f"9:27: 错误 L2 {DEEP}"],
    ),
    "deep block nesting": (
        BASE
        + "存在的主要问题及改进情况:\n"
        + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(3000)),
        [f"24:16: 错误 L2 {DEEP}"],
    ),
    "5000-digit count": (
        BASE.replace("行政复议: [0", "行政复议: [" + "9" * 5000),
        [
            "7:8: 错误 R4 行政复议.结果维持：件数“999999999999999999999999…（共 5000 个字符）”"
            "有 5000 位数，不像是实际的件数，请核对"
        ],
    ),
    "13-digit count": (
        BASE.replace("行政复议: [0", "行政复议: [1234567890123"),
        ["7:8: 错误 R4 行政复议.结果维持：件数“1234567890123”有 13 位数，不像是实际的件数，请核对"],
    ),
    "5000-digit money": (
        BASE + "信息处理费: " + "9" * 5000 + ".5\n",
        [
            "9:8: 错误 R4 信息处理费：金额“999999999999999999999999…（共 5002 个字符）”位数过多"
            "（整数部分 5000 位、小数 1 位；最多 12 位整数、10 位小数），请核对单位（元）和数值"
        ],
    ),
    "5000-digit octal": (
        BASE.replace("行政复议: [0", "行政复议: [0" + "7" * 5000),
        [
            "7:8: 错误 R4 行政复议.结果维持：这里应填件数，却是“077777777777777777777777…（共 5001 个字符）”"
        ],
    ),
    "control character": (
        BASE.replace("测试市测试局", "测试市\x1b[31m测试局"),
        ["1:8: 错误 L2 这里有不可见的控制字符 U+001B，生成报告时会出错：请删除它"],
    ),
    "control character escaped in quotes": (
        BASE.replace("机关: 测试市测试局", '机关: "测试市\\x1b[31m测试局"'),
        [
            "1:5: 错误 L2 双引号中的转义写出了不可见的控制字符 U+001B，生成报告时会出错：请删除它（\\x1b）"
        ],
    ),
    "U+FFFE": (
        BASE + OTHER + "无\ufffe。\n",
        ["9:13: 错误 L2 这里有不可见的非字符 U+FFFE（不是有效的字符），生成报告时会出错：请删除它"],
    ),
    "U+1FFFE": (
        BASE + OTHER + "无\U0001fffe。\n",
        [
            "9:13: 错误 L2 这里有不可见的非字符 U+1FFFE（不是有效的字符），生成报告时会出错：请删除它"
        ],
    ),
    "lone surrogate escaped in quotes": (
        BASE + OTHER + '"无\\ud800。"\n',
        [
            "9:12: 错误 L2 双引号中的转义写出了不可见的单独的代理项 U+D800（不是有效的字符），"
            "生成报告时会出错：请删除它（\\ud800）"
        ],
    ),
    "line separator": (
        BASE + OTHER + "无\u2028。\n",
        ["9:13: 错误 L2 这里有不可见的行分隔符 U+2028，生成报告时会出错：请删除它"],
    ),
    "newline in 机关, escaped": (
        BASE.replace("机关: 测试市测试局", '机关: "测试市测试局\\n# 伪造的标题"'),
        [
            "1:5: 错误 L3 机关名称只能写一行，这里有换行（“测试市测试局\\n# 伪造的标题”）：请写在同一行"
        ],
    ),
    "newline in 机关, block": (
        BASE.replace("机关: 测试市测试局", "机关: |\n  测试市\n  # 测试局"),
        ["1:5: 错误 L3 机关名称只能写一行，这里有换行（“测试市\\n# 测试局”）：请写在同一行"],
    ),
    "newline in a title": (
        BASE + OTHER.strip() + '\n  "标题\\n# 伪造": 正文\n',
        ["10:3: 错误 L3 其他需要报告的事项：小标题只能写一行，这里有换行（“标题\\n# 伪造”）"],
    ),
    "escape sequence in a key": (
        BASE + '"\\x1b[2J清屏": 1\n',
        [
            "9:1: 错误 L2 双引号中的转义写出了不可见的控制字符 U+001B，生成报告时会出错：请删除它（\\x1b）",
            "9:1: 错误 L3 顶层没有“\\x1b[2J清屏”这一项。可用的键：机关、年度、机关类型、发布日期、"
            "规章制定权、前言、总体情况、主动公开、依申请公开、行政复议、行政诉讼、"
            "存在的主要问题及改进情况、信息处理费、其他需要报告的事项、汇总、说明",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_one_clear_finding(name: str) -> None:
    text, expected = CASES[name]
    loaded = load_text(complete(text).encode("utf-8", "surrogatepass"), "x.yaml", 2023)
    assert loaded.report is None
    assert [f.format() for f in loaded.findings] == [f"x.yaml:{e}" for e in expected]


BIDI = "它让文字显示的顺序与实际不同"


def test_bidi_controls_are_a_warning_showing_them_escaped() -> None:
    text = BASE + OTHER + "本年度收费\u202e0001\u202c元。\n"
    loaded = load_text(complete(text).encode(), "x.yaml", 2023)
    assert loaded.report is not None
    shown = "（实际内容：其他需要报告的事项: 本年度收费\\u202e0001\\u202c元。）：如不是有意为之，请删除它"
    assert [f.format() for f in loaded.findings] == [
        f"x.yaml:9:17: 警告 L5 这里有双向文本控制字符 U+202E，{BIDI}{shown}",
        f"x.yaml:9:22: 警告 L5 这里有双向文本控制字符 U+202C，{BIDI}{shown}",
    ]


def test_bidi_control_written_as_an_escape_is_found_once() -> None:
    text = BASE + OTHER + '"本年度收费\\u202e0001元。"\n'
    loaded = load_text(complete(text).encode(), "x.yaml", 2023)
    assert loaded.report is not None
    assert [f.format() for f in loaded.findings] == [
        f"x.yaml:9:12: 警告 L5 这里有双向文本控制字符 U+202E，{BIDI}"
        "（实际内容：本年度收费\\u202e0001元。）：如不是有意为之，请删除它"
    ]


def test_many_bad_characters_are_reported_a_bounded_number_of_times() -> None:
    text = BASE + OTHER + "\x01" * 500_000 + "\n"
    loaded = load_text(text.encode(), "x.yaml", 2023)
    assert len(loaded.findings) == 20


def test_escaping_shows_every_invisible_character() -> None:
    assert visible("a\x1b[2Jb\n\t\u202e\u2066\ufeff\U0010ffff") == (
        "a\\x1b[2Jb\\n\\t\\u202e\\u2066\\ufeff\\U0010ffff"
    )
    assert visible("正常的中文，全角空格　和 emoji 🙂") == "正常的中文，全角空格　和 emoji 🙂"
    assert quoted("x" * 50, 10) == "xxxxxxxxxx…（共 50 个字符）"


def test_the_terminal_never_receives_control_characters(workspace: Path) -> None:
    path = workspace / "inputs/2023/shijianju.yaml"
    path.write_text(path.read_text("utf-8") + '"\\x1b]0;标题\\x07\\u202e键": 1\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "2023"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\u202e" not in result.output
    assert "没有“\\x1b]0;标题\\x07\\u202e键”这一项" in result.output


def test_a_long_row_of_slips_is_one_finding_at_the_first() -> None:
    row = "[" + ", ".join(["１"] * 10_000) + "]"
    loaded = load_text(complete(BASE.replace("[0, 0, 0, 0]", row)).encode(), "x.yaml", 2023)
    assert [f.format() for f in loaded.findings] == [
        "x.yaml:7:8: 错误 L2 第 7 行第 8 列用了全角数字“１”，请改为半角数字 1"
    ]
