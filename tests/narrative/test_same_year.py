"""R27: narrative copied between agencies of the same year; standard and stock wording excluded."""

from __future__ import annotations

import random
from pathlib import Path

from genreport.check.same_year import r27_same_year_copying as rule
from genreport.model import Report
from genreport.pipeline import check_files

from .helpers import load, overview_with, yaml_text

COPIED = (
    "本局把依申请公开答复文书的说理作为重点，逐件说明依据和救济途径，"
    "全年答复全部在法定期限内完成，并建立了申请办理台账和到期提醒机制。"
)
OWN = [
    "门户网站新增营商环境专栏，集中发布涉企政策原文、解读和办事指南，方便企业一站查询。",
    "组织各科室信息员开展两轮业务培训，重点讲解保密审查流程和个人信息保护要求。",
    "对历史公开信息开展全面梳理，撤下过期失效内容，并对链接失效的栏目逐一修复。",
    "邀请企业代表担任政务公开监督员，定期收集意见建议并在一个月内逐条反馈办理结果。",
]
STANDARD = (
    "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
    "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    "本报告电子版可在本机关门户网站查阅或下载。"
)


def _report(slug: str, agency: str, platform: str, preface: str | None = None) -> Report:
    text = yaml_text(agency=agency, overview=overview_with("平台建设", platform), preface=preface)
    return load(text, f"inputs/2023/{slug}.yaml")


def _messages(reports: list[Report]) -> dict[str, list[str]]:
    return {
        file: [f"{f.line}:{f.column}: {f.rule} {f.message}" for f in found]
        for file, found in rule(reports).items()
    }


def test_a_section_copied_from_another_agency_is_a_warning_on_both() -> None:
    a = _report("shangwuju", "青禾市商务局", COPIED)
    b = _report("caizhengju", "青禾市财政局", COPIED.replace("全年", "本年度"))
    c = _report("jiaoyuju", "青禾市教育局", OWN[0])
    text = yaml_text(overview=overview_with("平台建设", COPIED))
    line = text.splitlines().index("    " + COPIED) + 1
    tail = (
        "（按连续 10 个字的片段计，超过 50%；依据、统计期限等标准表述和多数报告共用的说法不计），"
        "评审时会按“与其他单位雷同”扣分，请按本机关的实际情况撰写"
    )
    assert _messages([a, b, c]) == {
        "inputs/2023/shangwuju.yaml": [
            f"{line}:5: R27 总体情况.平台建设：与同年度青禾市财政局的报告（inputs/2023/caizhengju.yaml）"
            f"“总体情况.平台建设”部分文字重合 79%{tail}"
        ],
        "inputs/2023/caizhengju.yaml": [
            f"{line}:5: R27 总体情况.平台建设：与同年度青禾市商务局的报告（inputs/2023/shangwuju.yaml）"
            f"“总体情况.平台建设”部分文字重合 77%{tail}"
        ],
    }


def test_different_sections_the_preface_and_short_statements_are_fine() -> None:
    reports = [
        _report(f"a{i}", f"青禾市第{i}局", OWN[i], preface=STANDARD) for i in range(len(OWN))
    ]
    assert _messages(reports) == {}


def test_wording_most_reports_share_is_stock_wording() -> None:
    reports = [_report(f"a{i}", f"青禾市第{i}局", COPIED) for i in range(12)]
    assert _messages(reports) == {}


def test_a_reworded_section_below_half_is_fine() -> None:
    reworded = (
        COPIED[:30] + "同时对可能无法提供的申请先电话联系申请人核实需求，减少补正和重复申请。"
    )
    a = _report("a", "青禾市商务局", COPIED)
    b = _report("b", "青禾市财政局", reworded)
    assert _messages([a, b]) == {}


def test_only_files_checked_together_and_of_the_same_year(
    workspace: Path,
) -> None:
    source = workspace / "inputs/2023/shijianju.yaml"
    twin = workspace / "inputs/2023/twin.yaml"
    twin.write_text(
        source.read_text(encoding="utf-8").replace("青禾市市场监督管理局", "青禾市商务局"),
        encoding="utf-8",
    )
    together = check_files([source, twin])
    rules = [[f.rule for f in r.findings if f.rule == "R27"] for r in together]
    assert all(len(found) >= 5 for found in rules)
    assert [f for f in check_files([source])[0].findings if f.rule == "R27"] == []


def test_the_index_finds_a_planted_copy_among_many() -> None:
    rng = random.Random(7)
    words = [w for sentence in OWN for w in (sentence[i : i + 2] for i in range(0, 40, 2))]
    texts = ["".join(rng.choice(words) for _ in range(40)) + "。" for _ in range(60)]
    reports = [_report(f"r{i}", f"青禾市第{i}局", text) for i, text in enumerate(texts)]
    reports.append(_report("copy", "青禾市复制局", texts[17]))
    assert sorted(rule(reports)) == ["inputs/2023/copy.yaml", "inputs/2023/r17.yaml"]
