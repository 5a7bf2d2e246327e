"""The national report layout (国办公开办函〔2021〕30号) as data.

Loading, checking, rendering, importing and the JSON Schema all read the tables from here, so a
label is spelt once and every stage agrees on which row is which.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- section headings -------------------------------------------------------------------------

SECTION_HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

#: 总体情况's five parts: input key → printed subheading.
OVERVIEW_PARTS = {
    "主动公开": "主动公开",
    "依申请公开": "依申请公开",
    "政府信息管理": "政府信息管理",
    "平台建设": "政府信息公开平台建设",
    "监督保障": "监督保障",
}
#: Only people's governments report this part (format.md §1).
OVERVIEW_GOVERNMENT_PART = ("工作考核", "工作考核、社会评议和责任追究结果")
#: Optional opening paragraphs of section 一, before （一）.
OVERVIEW_INTRO = "概述"

AGENCY_TYPES = ("部门", "人民政府")

# --- T2 ---------------------------------------------------------------------------------------

T2_DOC_COLUMNS = ("本年制发", "本年废止", "现行有效")
T2_DOC_COLUMN_LABELS = ("本年制发件数", "本年废止件数", "现行有效件数")
T2_DOC_ROWS = ("规章", "行政规范性文件")
T2_COUNT_ROWS = ("行政许可", "行政处罚", "行政强制")
T2_FEE_ROW = "行政事业性收费"


@dataclass(frozen=True)
class T2Block:
    caption: str
    column_label: str  # the header cell beside 信息内容 (spans 3 in single-value blocks)
    rows: tuple[str, ...]


T2_BLOCKS = (
    T2Block("第二十条第（一）项", "", T2_DOC_ROWS),
    T2Block("第二十条第（五）项", "本年处理决定数量", ("行政许可",)),
    T2Block("第二十条第（六）项", "本年处理决定数量", ("行政处罚", "行政强制")),
    T2Block("第二十条第（八）项", "本年收费金额（单位：万元）", (T2_FEE_ROW,)),
)

# --- T3 ---------------------------------------------------------------------------------------

APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
T3_COLUMNS = (*APPLICANT_COLUMNS, "总计")
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class T3Row:
    """One printed data row of T3.

    ``key`` is the row's path under ``依申请公开`` in the input file, e.g.
    ``("办理结果", "不予公开", "属于国家秘密")``; ``group`` is the （三）–（六） group it belongs to.
    """

    key: tuple[str, ...]
    label: str
    number: int  # 1-based printed row number
    group: str | None = None
    group_label: str | None = None

    @property
    def name(self) -> str:
        return self.key[-1]


T3_GROUPS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "不予公开": (
        "（三）不予公开",
        (
            ("属于国家秘密", "1.属于国家秘密"),
            ("其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开"),
            ("危及三安全一稳定", "3.危及“三安全一稳定”"),
            ("保护第三方合法权益", "4.保护第三方合法权益"),
            ("属于三类内部事务信息", "5.属于三类内部事务信息"),
            ("属于四类过程性信息", "6.属于四类过程性信息"),
            ("属于行政执法案卷", "7.属于行政执法案卷"),
            ("属于行政查询事项", "8.属于行政查询事项"),
        ),
    ),
    "无法提供": (
        "（四）无法提供",
        (
            ("本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息"),
            ("没有现成信息需要另行制作", "2.没有现成信息需要另行制作"),
            ("补正后申请内容仍不明确", "3.补正后申请内容仍不明确"),
        ),
    ),
    "不予处理": (
        "（五）不予处理",
        (
            ("信访举报投诉类申请", "1.信访举报投诉类申请"),
            ("重复申请", "2.重复申请"),
            ("要求提供公开出版物", "3.要求提供公开出版物"),
            ("无正当理由大量反复申请", "4.无正当理由大量反复申请"),
            ("要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
    "其他处理": (
        "（六）其他处理",
        (
            (
                "逾期不补正",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            (
                "逾期不缴费",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            ("其他", "3.其他"),
        ),
    ),
}

RESULTS = "办理结果"
RESULTS_LABEL = "三、本年度办理结果"
RECEIVED = ("本年新收",)
CARRIED_IN = ("上年结转",)
CARRIED_OUT = ("结转下年度",)
RESULTS_TOTAL = (RESULTS, "总计")


def _build_t3_rows() -> tuple[T3Row, ...]:
    rows = [
        T3Row(RECEIVED, "一、本年新收政府信息公开申请数量", 1),
        T3Row(CARRIED_IN, "二、上年结转政府信息公开申请数量", 2),
        T3Row((RESULTS, "予以公开"), "（一）予以公开", 3),
        T3Row(
            (RESULTS, "部分公开"),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            4,
        ),
    ]
    for group, (group_label, subs) in T3_GROUPS.items():
        for name, label in subs:
            rows.append(T3Row((RESULTS, group, name), label, len(rows) + 1, group, group_label))
    rows.append(T3Row(RESULTS_TOTAL, "（七）总计", len(rows) + 1))
    rows.append(T3Row(CARRIED_OUT, "四、结转下年度继续办理", len(rows) + 1))
    return tuple(rows)


T3_ROWS = _build_t3_rows()
T3_ROW_BY_KEY = {row.key: row for row in T3_ROWS}
#: Rows that count an application's outcome; （七）总计 is their sum (R2).
T3_RESULT_ROWS = tuple(r for r in T3_ROWS if r.key[0] == RESULTS and r.key != RESULTS_TOTAL)
#: Rows the user types (everything but the computed （七）总计).
T3_INPUT_ROWS = tuple(r for r in T3_ROWS if r.key != RESULTS_TOTAL)

# --- T4 ---------------------------------------------------------------------------------------

T4_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结")
T4_COLUMNS = (*T4_OUTCOMES, "总计")
REVIEW = ("行政复议",)
LITIGATION_DIRECT = ("行政诉讼", "未经复议直接起诉")
LITIGATION_AFTER_REVIEW = ("行政诉讼", "复议后起诉")
T4_BLOCKS = (REVIEW, LITIGATION_DIRECT, LITIGATION_AFTER_REVIEW)


def t4_block_label(block: tuple[str, ...]) -> str:
    return "·".join(block)
