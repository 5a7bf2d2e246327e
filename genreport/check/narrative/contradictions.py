"""R28: what the words claim against the tables and the 条例, beyond single numbers (R15/R16).

Three kinds, each said plainly and often copied from last year's report:

* "全部办结"/"均已办结" while T3 四 (结转下年度) is not 0: some applications were still open.
* A statement contrary to the 条例: "不受理依申请公开申请", "暂不接受政府信息公开申请", or refusing a
  written channel the 条例 allows (第二十九条: 信件、数据电文). A refusal of one kind of request
  ("不受理信访事项", "不接受电话申请") or a denial ("杜绝不受理申请的情况") is not one.
* "未制发规范性文件", "未作出行政处罚", "无结转下年度的申请" … while the table has some: R16's idea for
  every table (R15 already reads 行政复议 and 行政诉讼).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...findings import Finding
from ...layout import CARRIED_OUT
from ...lazy_regex import LazyRegex
from ...model import Report
from ..base import WARNING
from ..cells import t2_cell, t3_cell
from ..context import PreviousYear
from .mentions import other_time
from .scan import Passage, passages, sentence_bounds

_ALL_DONE = LazyRegex(
    "(?:已?全部|均已?|全都|悉数|都已)(?:按时|按期|依法|依法依规|及时)?"
    "(?:办结|办理完毕|处理完毕|办理完成|处理完成)"
)
#: The "all" is of a part: "除结转的 5 件外均已办结", "上年结转的申请已全部办结", "其余均已办结".
_PART = LazyRegex(
    "除|其余|其他|以外|之外|结转|转入|上年|上一年|去年|其中|部分|建议|提案|信访|投诉|举报|咨询|案件|诉求"
)

_CHANNELS = "网上|网络|在线|邮寄|信函|来信|电子邮件|传真"
_REFUSAL = LazyRegex(
    "(?:不予?|暂不|不再|暂停|停止)(?:受理|接受|接收)(?:任何|一切)?"
    f"(?:通过)?(?:{_CHANNELS})?(?:方式)?(?:提交的|提出的|的)?"
    "(?:依申请公开|政府信息公开|信息公开)?(?:的)?(?:申请)?(?=[，,。；;！!\n]|$)"
)
_DENIED = LazyRegex("未|没有|杜绝|防止|避免|不得|严禁|禁止|不存在|不能|不会|纠正|整改|防范|无")
_GI = LazyRegex("依申请公开|政府信息公开|信息公开|申请")


@dataclass(frozen=True)
class _None:
    pattern: LazyRegex
    value: Callable[[Report], int]
    label: str
    cell: str


def _doc(row: str, column: int) -> Callable[[Report], int]:
    return lambda report: report.t2.documents[row].values[column]


def _decision(row: str) -> Callable[[Report], int]:
    return lambda report: report.t2.decisions[row]


_NOT = "(?:未|没有|暂未|尚未|均未|并未)"
_NONES = (
    _None(
        LazyRegex(f"{_NOT}(?:制发|制定|印发|出台)(?:新的|新|任何)?(?:行政)?规范性文件"),
        _doc("行政规范性文件", 0),
        "表二「行政规范性文件」「本年制发件数」",
        t2_cell("行政规范性文件", "本年制发"),
    ),
    _None(
        LazyRegex(f"{_NOT}废止(?:任何)?(?:行政)?规范性文件"),
        _doc("行政规范性文件", 1),
        "表二「行政规范性文件」「本年废止件数」",
        t2_cell("行政规范性文件", "本年废止"),
    ),
    _None(
        LazyRegex(f"{_NOT}(?:制发|制定|出台|发布)(?:新的|新|任何)?(?:政府)?规章"),
        _doc("规章", 0),
        "表二「规章」「本年制发件数」",
        t2_cell("规章", "本年制发"),
    ),
    *(
        _None(
            LazyRegex(f"{_NOT}(?:作出|做出|实施|办理|发生|有)(?:任何)?{row}(?!复议|诉讼)"),
            _decision(row),
            f"表二「{row}」「本年处理决定数量」",
            t2_cell(row),
        )
        for row in ("行政许可", "行政处罚", "行政强制")
    ),
    _None(
        LazyRegex("(?:无|没有|不存在|未有)(?:需要|需)?(?:结转至|结转到|结转)下一?年度?"),
        lambda report: report.t3.shown_row(CARRIED_OUT)[6],
        "表三「四、结转下年度继续办理」总计",
        t3_cell(CARRIED_OUT, "总计"),
    ),
)
_CLAUSE_END = LazyRegex("[，,；;。\n]")
_CLAUSE = 30  # how far after a "none" its qualification may be
_QUALIFIED = LazyRegex("涉及|关于|有关|类|以外|之外|被纠|纠错|撤销|违法|复议|诉讼|重大|听证")


def _sentence(passage: Passage, offset: int) -> tuple[int, str]:
    start, end = sentence_bounds(passage.flat, offset)
    return start, passage.flat[start:end]


def _all_done(report: Report, passage: Passage) -> Iterator[Finding]:
    carried = report.t3.shown_row(CARRIED_OUT)[6]
    if carried == 0:
        return
    for match in _ALL_DONE.finditer(passage.flat):
        start, sentence = _sentence(passage, match.start())
        before = passage.flat[start : match.start()]
        if passage.flat.startswith("的", match.end()):
            continue  # "全部办结的申请 88 件" counts some; R15 reads the number
        about_applications = passage.key == "依申请公开" or "申请" in sentence
        if not about_applications or _PART.search(sentence) or other_time(before, report.year):
            continue
        yield passage.finding(
            report,
            "R28",
            WARNING,
            match.start(),
            f"正文说“{match.group()}”，但表三「四、结转下年度继续办理」总计为 {carried}，"
            "还有申请没有办结",
            t3_cell(CARRIED_OUT, "总计"),
        )


def _refusals(report: Report, passage: Passage) -> Iterator[Finding]:
    for match in _REFUSAL.finditer(passage.flat):
        start, _ = _sentence(passage, match.start())
        before = passage.flat[start : match.start()]
        denied = _DENIED.search(before[-12:]) or other_time(before, report.year)
        if denied or not _GI.search(match.group()):
            continue
        yield passage.finding(
            report,
            "R28",
            WARNING,
            match.start(),
            f"正文说“{match.group()}”，与《中华人民共和国政府信息公开条例》不符：公民、法人或者其他组织"
            "可以申请获取政府信息（第二十七条），以信件、数据电文等书面形式提出的申请都应受理（第二十九条）；"
            "如只是指某一类请求，请写明",
        )


def _nones(report: Report, passage: Passage) -> Iterator[Finding]:
    for none in _NONES:
        for match in none.pattern.finditer(passage.flat):
            value = none.value(report)
            if value == 0:
                continue
            start, _ = _sentence(passage, match.start())
            end = _CLAUSE_END.search(passage.flat, match.end(), match.end() + _CLAUSE)
            clause = passage.flat[match.start() : end.start() if end else match.end() + _CLAUSE]
            before = passage.flat[start : match.start()]
            if _QUALIFIED.search(clause) or other_time(before, report.year):
                continue
            yield passage.finding(
                report,
                "R28",
                WARNING,
                match.start(),
                f"正文说“{match.group()}”，但{none.label}为 {value}",
                none.cell,
            )


def r28_narrative_contradictions(report: Report, _: PreviousYear | None) -> Iterator[Finding]:
    for passage in passages(report):
        yield from _all_done(report, passage)
        yield from _refusals(report, passage)
        yield from _nones(report, passage)
