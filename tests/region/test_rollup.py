"""汇总: computed tables, R24 against typed ones, R25 for missing units and cycles, nesting."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from render.helpers import html_grid, parse_html, word_grid, word_tables
from typer.testing import CliRunner

from genreport.build import build
from genreport.cli import app
from genreport.dump import dump_report
from genreport.layout import APPLICANT_COLUMNS
from genreport.model import blank_report
from genreport.pipeline import Loader, check_files
from genreport.render import renderer_for
from genreport.workspace import Workspace

from .conftest import HERE, edit, line_of

runner = CliRunner()
CITY_TABLES = (HERE / "city_tables.yaml").read_text("utf-8")


def findings(root: Path, slug: str) -> list[str]:
    checked = check_files([root / "inputs/2023" / f"{slug}.yaml"])[0]
    return [f.format() for f in checked.findings if f.rule != "R6" or f.severity.value != "提示"]


def typed_city(root: Path) -> None:
    """The city with its tables typed from the hand sums (and the 汇总 list still there)."""
    path = root / "inputs/2023/shi.yaml"
    path.write_text(path.read_text("utf-8") + CITY_TABLES, "utf-8")


def test_region_passes_with_computed_tables(region: Path) -> None:
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("检查了 9 个文件：0 个错误，0 个警告，9 个提示。通过\n")
    assert "inputs/2023/shi.yaml:6:1: 提示 R6 未找到上一年度" in result.output


def _tables(outputs: dict[str, bytes]) -> dict[str, list[list[str]]]:
    """Every table of every format as a grid of cell texts."""
    grids = {}
    for i, table in enumerate(word_tables(outputs["docx"])):
        grids[f"docx{i}"] = word_grid(table)
    for fmt in ("html", "md"):
        text = outputs[fmt].decode("utf-8")
        tables = "".join(re.findall(r"<table.*?</table>", text, re.S))
        for name, rows in parse_html(tables).tables.items():
            grids[f"{fmt}{name}"] = [[c.text for c in row] for row in html_grid(rows)]
    return grids


def test_city_tables_are_the_hand_sums_in_docx_html_and_markdown(region: Path) -> None:
    renderer = renderer_for(None)
    computed = Loader().check(region / "inputs/2023/shi.yaml")
    assert computed.report is not None and computed.report.computed == {
        "主动公开",
        "依申请公开",
        "行政复议",
        "行政诉讼",
    }
    typed_city(region)
    typed = Loader().check(region / "inputs/2023/shi.yaml")
    assert typed.report is not None and not typed.report.computed
    assert [f for f in typed.findings if f.is_error] == []  # typed hand sums: no R24
    formats = ("docx", "html", "md")
    got = _tables(renderer.render(computed.report, formats))
    want = _tables(renderer.render(typed.report, formats))
    assert len(got) == 9 and got == want
    html_t3 = next(g for k, g in got.items() if k.startswith("html") and len(g) > 20)
    received = next(row for row in html_t3 if row[0].startswith("一、本年新收"))
    assert received[-7:] == ["40", "5", "1", "0", "1", "1", "48"]


def test_one_department_cell_changes_district_and_city(region: Path) -> None:
    edit(region, "dq_fagaiju", "本年新收: [10, 2,", "本年新收: [11, 2,")
    edit(region, "dq_fagaiju", "予以公开: [6, 1,", "予以公开: [7, 1,")
    loader = Loader()
    received = {
        slug: loader.check(region / f"inputs/2023/{slug}.yaml").report.t3.shown_row(  # type: ignore[union-attr]
            ("本年新收",)
        )[-1]
        for slug in ("dq_fagaiju", "dongqu", "xiqu", "shi")
    }
    assert received == {"dq_fagaiju": 13, "dongqu": 27, "xiqu": 22, "shi": 49}
    # the city's narrative is checked against the computed table (R15); the district's
    # narrative is an expression, so it follows the table
    line = line_of(region, "shi", "全市共收到")
    assert findings(region, "shi") == [
        f"inputs/2023/shi.yaml:{line}:19: 警告 R15 总体情况.依申请公开：正文说“收到政府信息公开申请 48 件”，"
        "但表三「一、本年新收政府信息公开申请数量」总计为 49（加上年结转为 51）"
    ]
    assert findings(region, "dongqu") == []


def test_typed_parent_off_by_one_is_r24_at_that_cell(region: Path) -> None:
    typed_city(region)
    edit(region, "shi", "行政许可: 75", "行政许可: 76")
    edit(region, "shi", "本年新收: [40, 5,", "本年新收: [40, 6,")
    result = runner.invoke(app, ["check", "inputs/2023/shi.yaml"])
    assert result.exit_code == 1
    permit, received = line_of(region, "shi", "行政许可: 76"), line_of(region, "shi", "[40, 6,")
    assert (
        f"inputs/2023/shi.yaml:{permit}:9: 错误 R24 主动公开.行政许可：写的是 76，"
        "但所汇总的 2 个单位之和为 75（dongqu 42 + xiqu 33）\n"
        "    表格位置：表二「行政许可」行\n"
    ) in result.output
    assert (
        f"inputs/2023/shi.yaml:{received}:14: 错误 R24 依申请公开.本年新收（商业企业）：写的是 6，"
        "但所汇总的 2 个单位之和为 5（dongqu 2 + xiqu 3）\n"
        "    表格位置：表三第1行「一、本年新收政府信息公开申请数量」·「商业企业」列\n"
    ) in result.output


def test_documents_taken_from_the_own_unit_are_checked_against_it(region: Path) -> None:
    edit(
        region,
        "dongqu",
        "规章和规范性文件: dq_benji",
        "规章和规范性文件: dq_benji\n主动公开:\n  行政规范性文件: [3, 1, 21]\n  行政许可: 42\n  行政处罚: 4\n  行政事业性收费: 1.5",
    )
    line = line_of(region, "dongqu", "[3, 1, 21]")
    assert findings(region, "dongqu") == [
        f"inputs/2023/dongqu.yaml:{line}:19: 错误 R24 主动公开.行政规范性文件（现行有效）：写的是 21，"
        "但本级单位 dq_benji 的数为 20"
    ]


def test_missing_department_is_r25_listing_every_missing_unit(region: Path) -> None:
    (region / "inputs/2023/xq_jiaoyuju.yaml").unlink()
    (region / "inputs/2023/xq_benji.yaml").unlink()
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 1
    assert (
        "inputs/2023/xiqu.yaml:5:1: 错误 R25 缺报：汇总所列单位中有 2 个没有 2023 年的文件："
        "xq_jiaoyuju（inputs/2023/xq_jiaoyuju.yaml）、xq_benji（inputs/2023/xq_benji.yaml）；"
        "收齐之前不能计算汇总数\n"
    ) in result.output
    assert (
        "inputs/2023/shi.yaml:6:14: 错误 R25 汇总的单位 xiqu（inputs/2023/xiqu.yaml）有错误，"
        "无法读取或汇总，不能相加；请先改正该文件\n"
    ) in result.output
    assert result.output.endswith("检查了 7 个文件：2 个错误，0 个警告，5 个提示。未通过\n")


def test_a_unit_with_errors_makes_every_parent_say_so(region: Path) -> None:
    edit(region, "dq_jiaoyuju", "结转下年度: [1, 0,", "结转下年度: [2, 0,")
    assert (
        findings(region, "dongqu")
        == [
            "inputs/2023/dongqu.yaml:6:20: 错误 R25 汇总的单位 dq_jiaoyuju（inputs/2023/dq_jiaoyuju.yaml）"
            "有 1 个错误：它改正之前，本报告的汇总数不可靠",
            # the sum inherits the unit's imbalance
            "inputs/2023/dongqu.yaml:5:1: 错误 R1 依申请公开（自然人）：本年新收 23 + 上年结转 1 = 24，"
            "但办理结果总计 21 + 结转下年度 4 = 25",
        ][::-1]
    )
    assert findings(region, "shi")[-1] == (
        "inputs/2023/shi.yaml:6:6: 错误 R25 汇总的单位 dongqu（inputs/2023/dongqu.yaml）"
        "有 2 个错误：它改正之前，本报告的汇总数不可靠"
    )


def test_a_cycle_is_an_error_at_every_file_on_it(region: Path) -> None:
    edit(region, "dq_benji", "发布日期: 2024-01-25", "发布日期: 2024-01-25\n汇总: [shi]")
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if " 错误 " in line]
    cycle = "；一个报告不能直接或间接地汇总它自己"
    assert errors == [
        f"inputs/2023/dongqu.yaml:6:33: 错误 R25 汇总出现循环：dongqu → dq_benji → shi → dongqu{cycle}",
        f"inputs/2023/dq_benji.yaml:5:6: 错误 R25 汇总出现循环：dq_benji → shi → dongqu → dq_benji{cycle}",
        f"inputs/2023/shi.yaml:6:6: 错误 R25 汇总出现循环：shi → dongqu → dq_benji → shi{cycle}",
    ]
    edit(region, "dq_benji", "汇总: [shi]", "汇总: [dq_benji]")
    assert findings(region, "dq_benji") == [
        f"inputs/2023/dq_benji.yaml:5:6: 错误 R25 汇总出现循环：dq_benji → dq_benji{cycle}"
    ]


def test_cross_year_rules_compare_computed_tables(region: Path) -> None:
    last = region / "inputs/2022"
    last.mkdir()
    for path in sorted((region / "inputs/2023").iterdir()):
        text = (
            path.read_text("utf-8").replace("年度: 2023", "年度: 2022").replace("2024-0", "2023-0")
        )
        (last / path.name).write_text(text, "utf-8")
    shi = [f for f in findings(region, "shi") if f.startswith("inputs/2023/shi.yaml") and "R6" in f]
    assert shi[0] == (
        "inputs/2023/shi.yaml:6:1: 错误 R6 依申请公开.上年结转（自然人）：写的是 1，"
        "但 2022 年报告（inputs/2022/shi.yaml:6）的结转下年度继续办理为 5"
    )


def test_bad_rollup_keys_are_l3_at_their_position(region: Path) -> None:
    edit(
        region,
        "xiqu",
        "汇总: [xq_fagaiju, xq_jiaoyuju, xq_benji]",
        "汇总: [xq_fagaiju, xq_fagaiju, xq_benji.yaml]",
    )
    assert findings(region, "xiqu") == [
        "inputs/2023/xiqu.yaml:5:18: 错误 L3 汇总：xq_fagaiju 列了两次，每个单位只能相加一次",
        "inputs/2023/xiqu.yaml:5:30: 错误 L3 汇总：“xq_benji.yaml”不是文件简称；"
        "简称只能包含字母、数字、汉字、- 和 _，不含 .yaml",
    ]
    edit(region, "xiqu", "汇总: [xq_fagaiju, xq_fagaiju, xq_benji.yaml]", "汇总: xq_fagaiju")
    assert findings(region, "xiqu") == [
        "inputs/2023/xiqu.yaml:5:5: 错误 L3 汇总：应为要相加的文件简称的列表，如 [fagaiju, jiaoyuju]"
        "（同一年度文件夹中的文件名，不含 .yaml）"
    ]
    edit(region, "dongqu", "规章和规范性文件: dq_benji", "规章和规范性文件: xq_benji")
    assert findings(region, "dongqu") == [
        "inputs/2023/dongqu.yaml:7:13: 错误 L3 汇总.规章和规范性文件只能是 合计（各单位相加），"
        "或所列单位之一的简称（只取该单位的，即本级），这里是“xq_benji”"
    ]


def test_new_year_keeps_the_rollup_and_leaves_computed_tables_out(region: Path) -> None:
    result = runner.invoke(app, ["new", "2024", "--all"])
    assert result.exit_code == 0, result.output
    city = (region / "inputs/2024/shi.yaml").read_text("utf-8")
    assert "\n汇总: [dongqu, xiqu]  # 未写的表格 = 这些单位之和\n" in city
    assert not re.search(r"^(主动公开|依申请公开|行政复议|行政诉讼):", city, re.M)
    district = (region / "inputs/2024/dongqu.yaml").read_text("utf-8")
    assert (
        "汇总:  # 未写的表格 = 这些单位之和\n  单位: [dq_fagaiju, dq_jiaoyuju, dq_benji]\n"
        "  规章和规范性文件: dq_benji  # 只取本级\n"
    ) in district
    department = (region / "inputs/2024/dq_fagaiju.yaml").read_text("utf-8")
    assert "汇总" not in department and re.search(r"^依申请公开:", department, re.M)
    # next year's city sums next year's units: carried over from this year's computed 结转
    loader = Loader()
    city_2024 = loader.check(region / "inputs/2024/shi.yaml")
    assert city_2024.report is not None
    assert city_2024.report.t3.shown_row(("上年结转",)) == (5, 1, 0, 0, 0, 0, 6)


def test_build_rebuilds_the_parents_when_a_unit_changes(region: Path) -> None:
    workspace = Workspace(region)
    paths = workspace.year_files(2023)
    first = build(workspace, paths)
    assert first.ok and first.count(first.results[0].status) == 9
    edit(region, "xq_jiaoyuju", "行政许可: 8", "行政许可: 9")
    again = build(workspace, paths)
    rebuilt = sorted(r.source.stem for r in again.results if r.status.value == "built")
    assert set(rebuilt) >= {"shi", "xiqu", "xq_jiaoyuju"}
    assert "dq_fagaiju" not in rebuilt
    html = (region / "build/2023/shi.html").read_text("utf-8")
    assert re.search(r'<td colspan="3"[^>]*>76</td>', html)


def test_a_chain_deeper_than_the_limit_is_an_error_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "inputs/2023"
    folder.mkdir(parents=True)
    head = "年度: 2023\n机关类型: 人民政府\n发布日期: 2024-03-20\n"
    head += "总体情况:\n存在的主要问题及改进情况:\n其他需要报告的事项:\n"
    depth = 40
    for i in range(depth):
        (folder / f"c{i:02d}.yaml").write_text(
            f"机关: 第{i}级\n{head}汇总: [c{i + 1:02d}]\n", "utf-8"
        )
    bottom = dump_report(blank_report("最底层", 2023, "inputs/2023/c40.yaml"))
    (folder / f"c{depth:02d}.yaml").write_text(bottom, "utf-8")
    workspace = Workspace(tmp_path)
    checked = Loader(workspace).check(folder / "c00.yaml")
    assert checked.report is None
    assert [f.message for f in checked.findings] == [
        "汇总的单位 c01（inputs/2023/c01.yaml）有错误，无法读取或汇总，不能相加；请先改正该文件"
    ]
    # the chain is cut where it passes the limit, counted from the report being checked
    loader = Loader(workspace)
    loader.check(folder / "c28.yaml")
    messages = [f.message for f in loader.check(folder / "c39.yaml").findings]
    assert messages == ["汇总的层级超过 12 层（到 c40 为止）：请检查各文件的汇总是否列错了单位"]


def test_export_carries_the_computed_tables(region: Path) -> None:
    assert runner.invoke(app, ["export", "2023"]).exit_code == 0
    text = (region / "build/2023/tables.csv").read_text("utf-8-sig")
    rows = {r["简称"]: r for r in csv.DictReader(io.StringIO(text))}
    city = rows["shi"]
    assert [city[f"依申请公开.本年新收.{c}"] for c in APPLICANT_COLUMNS] == [
        "40",
        "5",
        "1",
        "0",
        "1",
        "1",
    ]
    assert (city["主动公开.行政许可"], city["主动公开.行政事业性收费"]) == ("75", "1.85")
    assert city["主动公开.行政规范性文件.现行有效"] == "35"
