"""The five published reports in ../shared/seeds import cell for cell.

Expected cells come from the project's own hand transcriptions (tests/seeds/*.yaml), so the
import is compared with a second reading of the same reports, not with itself. The seeds'
narrative is the agencies' own writing and is only read here, never stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from importer_helpers import printed_cells

from genreport.check import check_report
from genreport.pipeline import check_files

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
TRANSCRIBED = REPO / "tests" / "seeds"
CASES = {
    "000_775a324dd79f7336": ("000_qinzhou_gongxinju", {}),
    "001_c3166346273e220a": ("001_qu_kejiju", {}),
    "002_fdd509fbacf3bc2a": ("002_qinzhou_touzicujinju", {}),
    "003_437bcb6b2f7717bc": ("003_nanyang_gongxinju", {}),
    # the page copy has neither title nor signature: the agency must be given
    "004_1f2f97cfe36f738a": ("004_qinzhou_huaqiao", {"agency": "钦州市北部湾华侨投资区"}),
}

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is not checked out here"
)


@pytest.mark.parametrize("seed", sorted(CASES))
def test_seed_imports_every_published_cell(importer, seed: str) -> None:
    transcription, options = CASES[seed]
    result = importer(f"{seed}.txt", (SEEDS / f"{seed}.txt").read_text(encoding="utf-8"), **options)
    assert result.report is not None, result.messages
    [expected] = check_files([TRANSCRIBED / f"{transcription}.yaml"])
    assert expected.report is not None
    assert printed_cells(result.report) == printed_cells(expected.report)
    assert result.report.year == expected.report.year
    if seed != "001_c3166346273e220a":  # its title lacks the district (see below)
        assert result.report.agency == expected.report.agency
    arithmetic = [
        f.format() for f in check_report(result.report) if f.rule in {"R1", "R2", "R3", "R8"}
    ]
    assert arithmetic == []


def _findings(importer, seed: str, **options: object) -> list[str]:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    return importer(f"{seed}.txt", text, **options).messages


def test_seed_000_altered_label_split_table_and_missing_column(importer) -> None:
    messages = _findings(importer, "000_775a324dd79f7336")
    assert (
        "000_775a324dd79f7336.txt:60:2: 警告 I5 标签「2.其他法律法规禁止公开」与标准格式的"
        "「（三）不予公开2.其他法律行政法规禁止公开」不完全相同，按后者导入" in messages
    )
    assert (
        "000_775a324dd79f7336.txt:55:1: 警告 I6 表三的这张表的表头没有「其他」列，各行的「其他」按 0 导入"
        in messages
    )
    assert (
        "000_775a324dd79f7336.txt:91:1: 警告 I6 表四没有印「行政诉讼·复议后起诉·总计」这一列；总计将按各项计算"
        in messages
    )


def test_seed_002_single_other_row_and_no_fee_statement(importer) -> None:
    messages = _findings(importer, "002_fdd509fbacf3bc2a")
    assert any(
        m.startswith("002_fdd509fbacf3bc2a.txt:296:2: 警告 I7 表三只有一行「（六）其他处理」")
        for m in messages
    )
    assert any(" I8 第六部分没有写明信息处理费（R17）" in m for m in messages)


def test_seed_001_title_without_district_is_kept_and_flagged(importer) -> None:
    messages = _findings(importer, "001_c3166346273e220a")
    assert (
        "001_c3166346273e220a.txt:3:1: 提示 I2 标题中的机关名称“科学技术和工业信息化局”不含地名，"
        "可能不完整；按原文导入，请核对" in messages
    )


def test_seed_004_truncated_t4_header_and_missing_agency(importer) -> None:
    messages = _findings(importer, "004_1f2f97cfe36f738a")
    assert (
        "004_1f2f97cfe36f738a.txt:311:1: 提示 I5 表四表头有被截断的标签（「结果」、「其他」、「尚未」），"
        "按标准格式的列顺序导入" in messages
    )
    assert (
        "004_1f2f97cfe36f738a.txt:1:1: 错误 I2 原文的标题、前言、落款和页面标题都没有写出机关名称；"
        "请用 --agency 指定，未写出输入文件" in messages
    )
