"""Small reports for the narrative rules: a valid base file with the narrative swapped in.

Reports are loaded from YAML text with the real loader, so every position a test asserts is the
line and column an editor would show in that text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from genreport.check import PreviousYear
from genreport.check.base import Rule
from genreport.findings import Finding
from genreport.load import load_text
from genreport.model import Report

FILE = "inputs/2023/test.yaml"
PREVIOUS_FILE = "inputs/2022/test.yaml"

# Tables of the base report (their totals are what the narrative cases talk about):
#   T3 一 本年新收 95 (自然人 88, 法人或其他组织 7), 二 上年结转 3, （七）总计 93, 四 结转下年度 5;
#   予以公开 45, 部分公开 11, 不予公开 7, 无法提供 21, 不予处理 5, 其他处理 4 (逾期不缴费 0);
#   T4 行政复议 2, 行政诉讼 1 + 1 = 2; T2 行政规范性文件 制发 3, 废止 1, 现行有效 12.
TABLES = """\
主动公开:
  规章: [0, 0, 0]
  行政规范性文件: [3, 1, 12]
  行政许可: 120
  行政处罚: 8
  行政强制: 1
  行政事业性收费: 0
依申请公开:
  本年新收: [88, 5, 1, 0, 1, 0]
  上年结转: [2, 1, 0, 0, 0, 0]
  办理结果:
    予以公开: [40, 3, 1, 0, 1, 0]
    部分公开: [10, 1, 0, 0, 0, 0]
    不予公开:
      属于国家秘密: [1, 0, 0, 0, 0, 0]
      保护第三方合法权益: [6, 0, 0, 0, 0, 0]
    无法提供:
      本机关不掌握相关政府信息: [20, 1, 0, 0, 0, 0]
    不予处理:
      重复申请: [5, 0, 0, 0, 0, 0]
    其他处理:
      逾期不补正: [{unpaid_other}, 0, 0, 0, 0, 0]
      逾期不缴费: [{unpaid}, 0, 0, 0, 0, 0]
  结转下年度: [4, 1, 0, 0, 0, 0]
行政复议: [1, 1, 0, 0]
行政诉讼:
  未经复议直接起诉: [1, 0, 0, 0]
  复议后起诉: [0, 0, 0, 1]
"""

OVERVIEW = {
    "主动公开": "本年度通过门户网站主动公开政策文件和工作动态。",
    "依申请公开": "依申请公开工作按照登记、审核、答复的流程办理。",
    "政府信息管理": "公开前逐条进行保密审查。",
    "平台建设": "门户网站完成栏目优化。",
    "监督保障": "把政务公开纳入年度考核。",
}
PROBLEMS = "上年度提出的栏目更新不及时问题已经整改。本年度仍存在解读形式单一的问题。"
OTHER = "本年度未收取信息处理费。"

_UNSET: object = object()


def _block(key: str, text: str, indent: int) -> str:
    pad = " " * indent
    lines = [f"{pad}{key}: |"]
    lines += [f"{pad}  {line}" if line else "" for line in text.split("\n")]
    return "\n".join(lines) + "\n"


def _narrative(key: str, value: str | dict[str, str] | None, *, optional: bool = False) -> str:
    """The section as YAML; None is an empty section, or no key at all for an optional one."""
    if value is None:
        return "" if optional else f"{key}:\n"
    if isinstance(value, str):
        return _block(key, value, 0)
    return f"{key}:\n" + "".join(_block(k, v, 2) for k, v in value.items())


def yaml_text(
    *,
    overview: str | dict[str, str] | None = None,
    problems: str | dict[str, str] | None = PROBLEMS,
    other: str | dict[str, str] | None = OTHER,
    preface: str | None = None,
    fee: str | None = None,
    year: int = 2023,
    agency: str = "青禾市商务局",
    agency_type: str = "部门",
    unpaid: int = 0,
) -> str:
    """A valid report file; the narrative arguments replace the base sentences."""
    text = f"机关: {agency}\n年度: {year}\n机关类型: {agency_type}\n发布日期: {year + 1}-01-20\n"
    text += _narrative("前言", preface, optional=True)
    text += _narrative("总体情况", OVERVIEW if overview is None else overview)
    text += TABLES.format(unpaid=unpaid, unpaid_other=4 - unpaid)
    text += _narrative("存在的主要问题及改进情况", problems)
    if fee is not None:
        text += f"信息处理费: {fee}\n"
    text += _narrative("其他需要报告的事项", other)
    return text


def load(text: str, file: str = FILE) -> Report:
    year = int(file.split("/")[-2])
    loaded = load_text(text.encode(), file, year)
    assert loaded.report is not None, [f.format() for f in loaded.findings]
    assert not loaded.findings, [f.format() for f in loaded.findings]
    return loaded.report


def overview_with(part: str, text: str) -> dict[str, str]:
    """The base overview with one part's text replaced."""
    return {**OVERVIEW, part: text}


@dataclass(frozen=True)
class Run:
    text: str
    findings: list[Finding]

    def at(self, needle: str, occurrence: int = 0) -> tuple[int, int]:
        """Line and column (1-based) of ``needle`` in the YAML text, as an editor shows it."""
        index = -1
        for _ in range(occurrence + 1):
            index = self.text.index(needle, index + 1)
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        return line, column

    @property
    def messages(self) -> list[str]:
        return [f"{f.rule} {f.message}" for f in self.findings]

    @property
    def located(self) -> list[tuple[int, int, str]]:
        return [(f.line, f.column, f"{f.rule} {f.message}") for f in self.findings]


def run(rule: Rule, previous: Report | None = None, **narrative: object) -> Run:
    text = yaml_text(**narrative)  # type: ignore[arg-type]
    report = load(text)
    prev = PreviousYear(PREVIOUS_FILE, previous) if previous is not None else None
    return Run(text, list(rule(report, prev)))


def findings_of(rule: Rule, report: Report, previous: Report | None = None) -> Iterable[Finding]:
    prev = PreviousYear(PREVIOUS_FILE, previous) if previous is not None else None
    return rule(report, prev)
