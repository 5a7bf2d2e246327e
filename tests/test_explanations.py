"""说明: explained warnings, explanations that match nothing, explanations of errors, printed reasons."""

from __future__ import annotations

from pathlib import Path

import jsonschema
from docx import Document
from typer.testing import CliRunner

from genreport.cli import app
from genreport.pipeline import check_files
from genreport.render.cjk_spacing import tighten
from genreport.render.context import view_of
from genreport.schema import input_schema

runner = CliRunner()
FILE = "inputs/2023/shijianju.yaml"
R11 = (
    "主动公开.行政规范性文件：现行有效写的是 20，但上年现行有效 14（inputs/2022/shijianju.yaml:37）"
    " + 本年制发 4 − 本年废止 2 = 16；如因到期失效或集中清理造成差异，请在报告中说明"
)
REASON = "2023 年开展规范性文件集中清理，重新确认 4 件现行有效"


def _edit(workspace: Path, explanation: str, in_force: int = 20) -> Path:
    path = workspace / FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("行政规范性文件: [4, 2, 16]", f"行政规范性文件: [4, 2, {in_force}]")
    path.write_text(text + explanation, encoding="utf-8")
    return path


def _lines(workspace: Path) -> list[str]:
    return [f.format() for f in check_files([workspace / FILE])[0].findings]


def test_without_explanation_the_warning_fails_strict(workspace: Path) -> None:
    _edit(workspace, "")
    assert _lines(workspace) == [f"{FILE}:35:19: 警告 R11 {R11}"]
    assert runner.invoke(app, ["check", FILE, "--strict"]).exit_code == 1


def test_an_explained_warning_becomes_a_note_and_strict_passes(workspace: Path) -> None:
    _edit(
        workspace,
        f"说明:\n  - 规则: R11\n    位置: 主动公开.行政规范性文件\n    理由: {REASON}\n",
    )
    assert _lines(workspace) == [f"{FILE}:35:19: 提示 R11 已说明：{REASON}。原警告：{R11}"]
    result = runner.invoke(app, ["check", FILE, "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("检查了 1 个文件：0 个错误，0 个警告，1 个提示。通过\n")


def test_without_position_the_explanation_covers_the_rule_in_the_file(workspace: Path) -> None:
    _edit(workspace, f"说明:\n  - 规则: R11\n    理由: {REASON}\n")
    assert _lines(workspace) == [f"{FILE}:35:19: 提示 R11 已说明：{REASON}。原警告：{R11}"]


def test_an_explanation_at_another_position_matches_nothing(workspace: Path) -> None:
    path = _edit(workspace, f"说明:\n  - 规则: R11\n    位置: 主动公开.规章\n    理由: {REASON}\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  - 规则: R11") + 1
    assert _lines(workspace) == [
        f"{FILE}:35:19: 警告 R11 {R11}",
        f"{FILE}:{line}:9: 警告 R11 说明第 1 项（R11，主动公开.规章）：本文件“主动公开.规章”处没有 R11 警告，"
        "这条说明没有对应的问题（本文件的 R11 警告在：主动公开.行政规范性文件.现行有效）；"
        "请改正“规则”或“位置”，或删除这条说明",
    ]


def test_an_explanation_when_nothing_is_wrong_is_a_warning(workspace: Path) -> None:
    path = _edit(workspace, "说明:\n  - 规则: R22\n    理由: 按上级通知延期发布\n", in_force=16)
    line = path.read_text(encoding="utf-8").splitlines().index("  - 规则: R22") + 1
    assert _lines(workspace) == [
        f"{FILE}:{line}:9: 警告 R22 说明第 1 项（R22）：本文件没有 R22 警告，这条说明没有对应的问题；"
        "请改正“规则”或“位置”，或删除这条说明"
    ]
    assert runner.invoke(app, ["check", FILE, "--strict"]).exit_code == 1


def test_errors_cannot_be_explained_away(workspace: Path) -> None:
    path = _edit(workspace, "说明:\n  - 规则: R1\n    理由: 数据以统计系统为准\n", in_force=16)
    text = path.read_text(encoding="utf-8").replace(
        "予以公开:     [24, 5,", "予以公开:     [25, 5,"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - 规则: R1") + 1
    lines = _lines(workspace)
    assert lines[0].startswith(f"{FILE}:43:16: 错误 R1 依申请公开（自然人）")
    assert lines[1:] == [
        f"{FILE}:{line}:9: 警告 R1 说明第 1 项（R1）：R1 是错误（第 43 行），错误不能用说明免除，"
        "请改正数据；说明只适用于警告"
    ]
    assert runner.invoke(app, ["check", FILE]).exit_code == 1


def test_malformed_explanations_are_load_errors_at_the_value(workspace: Path) -> None:
    path = _edit(
        workspace,
        "说明:\n  - 规则: 第11条\n    理由: ''\n    打印: 要\n  - 位置: 主动公开..规章\n",
        in_force=16,
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines.index("  - 规则: 第11条") + 1
    assert _lines(workspace) == [
        f"{FILE}:{first}:9: 错误 L3 说明第 1 项：规则应写成 R11 这样的规则编号，这里是“第11条”",
        f"{FILE}:{first + 1}:9: 错误 L3 说明第 1 项：“理由”不能为空",
        f"{FILE}:{first + 2}:9: 错误 L3 说明第 1 项：打印只能是 是 或 否，这里是“要”",
        f"{FILE}:{first + 3}:5: 错误 L3 说明第 2 项：缺少“理由”",
        f"{FILE}:{first + 3}:5: 错误 L3 说明第 2 项：缺少“规则”",
        f"{FILE}:{first + 3}:9: 错误 L3 说明第 2 项：位置应写成 主动公开.行政规范性文件 这样以“.”连接的键，"
        "这里是“主动公开..规章”",
    ]


def test_a_printed_reason_closes_section_six_in_every_format(workspace: Path) -> None:
    _edit(
        workspace,
        f"说明:\n  - 规则: R11\n    位置: 主动公开.行政规范性文件\n    理由: {REASON}\n    打印: 是\n",
    )
    checked = check_files([workspace / FILE])[0]
    assert checked.report is not None
    view = view_of(checked.report, checked.previous)
    # printed like all report text: no space between Chinese and numbers (render/cjk_spacing)
    assert view.sections[5].blocks[-1].text == f"关于表二“行政规范性文件”：{tighten(REASON)}。"
    result = runner.invoke(app, ["build", FILE, "--format", "docx,html,md"])
    assert result.exit_code == 0, result.output
    note = f"关于表二“行政规范性文件”：{tighten(REASON)}。"
    for suffix in ("html", "md"):
        text = (workspace / f"build/2023/shijianju.{suffix}").read_text(encoding="utf-8")
        assert note in text
    paragraphs = [p.text for p in Document(str(workspace / "build/2023/shijianju.docx")).paragraphs]
    # the note closes section 六, after the text and the sentence stating the fee
    assert paragraphs[paragraphs.index(note) - 2].endswith(
        "另有1件申请因申请人逾期未缴纳费用而终止处理。"
    )
    assert paragraphs[paragraphs.index(note) - 1] == "本年度共收取信息处理费200元。"


def test_unprinted_reasons_stay_out_of_the_report(workspace: Path) -> None:
    _edit(workspace, f"说明:\n  - 规则: R11\n    理由: {REASON}\n    打印: 否\n")
    checked = check_files([workspace / FILE])[0]
    assert checked.report is not None
    assert all(REASON not in b.text for b in view_of(checked.report).sections[5].blocks)


def test_the_schema_describes_explanations() -> None:
    validator = jsonschema.Draft202012Validator(input_schema()["properties"]["说明"])
    good = [{"规则": "R11", "位置": "主动公开.规章", "理由": "清理", "打印": "是"}]
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors([{"规则": "R11"}]))
    assert list(validator.iter_errors([{"规则": "第11条", "理由": "x"}]))
    assert list(validator.iter_errors([{"规则": "R11", "理由": "x", "打印": "要"}]))
