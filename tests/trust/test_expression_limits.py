"""Narrative expressions: every failure and every excess is a J1 error at the expression, in check.

The cases are the reproducers of issue 8 (division by zero, wrong types, genreport's own filters,
includes, a self-calling macro, huge ranges, repetitions, powers and integers) and the other ways
out of a bounded sandbox: globals, methods, dunder attributes, string formatting, loops.
"""

from __future__ import annotations

import resource
import time

import pytest

from genreport.check.expressions import j1_expressions
from genreport.narrative import NarrativeEvaluator
from genreport.sandbox import MAX_LOOPS, MAX_TEXT, NarrativeEnvironment, render_bounded
from tests.narrative.helpers import load, run, yaml_text

HINT = "可用的名称与输入文件的键相同，如 {{ 依申请公开.本年新收.总计 }}；正文中要写“{{”本身，请写成 {{ '{{' }}"

CASES = [
    ("{{ 1/0 }}", "{{ 1/0 }}", "除数为零"),
    ("{{ 1 // 0 }}", "{{ 1 // 0 }}", "除数为零"),
    ("{{ 信息处理费 / 0 }}", "{{ 信息处理费 / 0 }}", "除数为零"),
    (
        "{{ 1 + 'a' }}",
        "{{ 1 + 'a' }}",
        "运算对象的类型不对：unsupported operand type(s) for +: 'int' and 'str'",
    ),
    ("{{ 0|cn_number }}", "{{ 0|cn_number }}", "cn_number 只能用于 1 到 99 的整数，这里是 0"),
    ("{{ '三'|count }}", "{{ '三'|count }}", "count 只能用于整数，这里是 '三'"),
    ("{{ 机关|cn_date }}", "{{ 机关|cn_date }}", "cn_date 只能用于日期，这里是 '青禾市商务局'"),
    ("{% include 'x' %}", "{% include 'x' %}", "正文中不能用 include 引入其他模板"),
    ("{% import 'x' as y %}", "{% import 'x' as y %}", "正文中不能用 import 引入其他模板"),
    ("{% extends 'x' %}", "{% extends 'x' %}", "正文中不能用 extends 继承其他模板"),
    (
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{% macro m() %}",
        "正文中不能定义 macro",
    ),
    (
        "{% for i in range(10**9) %}{% endfor %}",
        "{% for i in range(10**9) %}",
        f"range 最多产生 {MAX_LOOPS} 个数",
    ),
    (
        "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
        "{% for i in range(9999) %}",
        f"循环次数超过 {MAX_LOOPS} 次",
    ),
    (
        "{% for i in [1] recursive %}{% endfor %}",
        "{% for i in [1] recursive %}",
        "正文中不能使用递归循环（recursive）",
    ),
    ("{{ 'x' * 10**8 }}", "{{ 'x' * 10**8 }}", f"重复后的文字超过 {MAX_TEXT} 个字符"),
    ("{{ [1] * 10**6 }}", "{{ [1] * 10**6 }}", f"重复后的文字超过 {MAX_TEXT} 个字符"),
    (
        "{% set a = 'x' * 90000 %}{% set b = a ~ a %}{{ b }}",
        "{% set b = a ~ a %}",
        f"运算结果超过 {MAX_TEXT} 个字符",
    ),
    ("{{ 2 ** 1000 }}", "{{ 2 ** 1000 }}", "乘方的指数不能超过 100"),
    ("{{ (10 ** 90) * (10 ** 90) }}", "{{ (10 ** 90) * (10 ** 90) }}", "运算结果超过 100 位数字"),
    ("{{ 10.0 ** 100 }}", "{{ 10.0 ** 100 }}", "运算结果超过 100 位数字"),
    ("{{ " + "9" * 5000 + " }}", "{{ " + "9" * 57 + "…", "数字超过 4300 位"),
    ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "{{ " + "(" * 57 + "…", "嵌套过深"),
    ("{{ '%09999999d' % 1 }}", "{{ '%09999999d' % 1 }}", "正文中不能用 % 格式化文字"),
    ("{{ lipsum() }}", "{{ lipsum() }}", "没有名为“lipsum”的数据"),
    ("{{ cycler(1) }}", "{{ cycler(1) }}", "没有名为“cycler”的数据"),
    ("{{ namespace() }}", "{{ namespace() }}", "没有名为“namespace”的数据"),
    ("{{ joiner() }}", "{{ joiner() }}", "没有名为“joiner”的数据"),
    (
        "{{ 机关.center(10**9) }}",
        "{{ 机关.center(10**9) }}",
        "正文表达式中只能使用数据、过滤器和运算符，不能调用“center”",
    ),
    (
        "{{ 发布日期.strftime('%Y') }}",
        "{{ 发布日期.strftime('%Y') }}",
        "正文表达式中只能使用数据、过滤器和运算符，不能调用“strftime”",
    ),
    ("{{ 机关.__class__ }}", "{{ 机关.__class__ }}", "不允许访问“__class__”"),
    ("{{ 机关|upper }}", "{{ 机关|upper }}", "没有名为“upper”的过滤器"),
    (
        "{% set __genreport_loop = 1 %}",
        "{% set __genreport_loop = 1 %}",
        "正文中名称“__genreport_loop”不能以下划线开头",
    ),
]


@pytest.mark.parametrize(("expression", "shown", "reason"), CASES)
def test_every_failure_is_a_j1_error_at_the_expression(
    expression: str, shown: str, reason: str
) -> None:
    sentence = f"本年度未收取信息处理费，{expression}。"
    start = time.process_time()
    result = run(j1_expressions, other=sentence)
    assert time.process_time() - start < 5
    line, column = result.at(shown.removesuffix("…"))
    assert result.located == [
        (line, column, f"J1 其他需要报告的事项：表达式 {shown} 无法求值（{reason}）。{HINT}")
    ]


def test_the_failing_expression_is_found_among_several_lines() -> None:
    text = "共 {{ 依申请公开.本年新收.总计 }} 件。\n\n{% if 1 %}办结 {{ 10 // 0 }} 件{% endif %}。"
    result = run(j1_expressions, other=text)
    line, column = result.at("{{ 10 // 0 }}")
    assert [(f.line, f.column) for f in result.findings] == [(line, column)]


def test_what_a_report_needs_still_works() -> None:
    text = (
        "{% for 名称, 件数 in 依申请公开.本年新收.items() %}{{ 名称 }}{{ 件数 }}；{% endfor %}"
        "{{ (依申请公开.办理结果.予以公开.总计 / 依申请公开.本年新收.总计 * 100)|round(1) }}%，"
        "{{ 3|cn_number }}、{{ 2|paren_number }}、{{ 信息处理费|money }} 元、{{ 发布日期|cn_date }}、"
        "{{ '—' * 3 }}{{ 年度 ~ '年' }}{{ -5|abs }}{{ 2 ** 10 }}{% for i in range(2) %}{{ i }}{% endfor %}"
    )
    report = load(yaml_text(other=text))
    evaluator = NarrativeEvaluator(report)
    [part] = evaluator.narrative(report.other_matters, "其他需要报告的事项")
    assert evaluator.findings == []
    assert part.text == (
        "自然人88；商业企业5；科研机构1；社会公益组织0；法律服务机构1；其他0；总计95；"
        "47.4%，三、（二）、0 元、2024年1月20日、———2023年5102401"
    )


def test_output_is_bounded_even_when_each_piece_is_allowed() -> None:
    env = NarrativeEnvironment()
    source = "{% for i in range(9000) %}{{ 'x' * 90000 }}{% endfor %}"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(Exception, match=f"求值结果超过 {len(source) + MAX_TEXT} 个字符"):
        render_bounded(env, source, {})
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100_000


def test_time_is_bounded_without_output_or_loops_exhausted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("genreport.sandbox.MAX_SECONDS", 0.0)
    with pytest.raises(Exception, match="求值超过 0 秒"):
        render_bounded(NarrativeEnvironment(), "{% for i in range(3) %}{% endfor %}", {})
