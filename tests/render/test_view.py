"""What the report says: sections, numbering, standard texts, evaluated and escaped narrative."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from genreport.fee_statement import statements
from genreport.model import Report
from genreport.pipeline import check_files
from genreport.render import DEFAULT_FORMATS, renderer_for
from genreport.render.context import Block, build_view, title_lines

from .conftest import FIXTURE
from .helpers import parse_html
from .test_markdown import to_html


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """The fixture with some text replaced, in a 2023 folder of its own."""
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "inputs/2023/ceshiju.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def loaded(path: Path) -> Report:
    checked = check_files([path])[0]
    assert checked.report is not None, [f.format() for f in checked.findings]
    return checked.report


def blocks(report: Report, section: int) -> list[Block]:
    return list(build_view(report)[0].sections[section].blocks)


def test_narrative_expressions_are_evaluated(report: Report) -> None:
    overview = blocks(report, 0)
    assert Block("p", "本年新收政府信息公开申请12件，上年结转1件，办结12件。") in overview


def test_paragraphs_split_on_blank_lines_and_parts_numbered(report: Report) -> None:
    assert blocks(report, 4) == [
        Block("h2", "（一）上一年度问题整改情况"),
        Block("p", "针对2022年信息更新不够及时的问题，建立了栏目维护台账。"),
        Block("h2", "（二）存在的问题"),
        Block("p", "政策解读形式较为单一。"),
        Block("h2", "（三）改进措施"),
        Block("p", "一是丰富解读形式。"),
        Block("p", "二是加强培训，做到100%覆盖。"),
    ]


def test_overview_parts_follow_the_format_order_whatever_the_file_order(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("  监督保障: 开展政务公开培训 3 次，覆盖 86 人。\n", ""),
        ("  主动公开: |\n", "  监督保障: 开展政务公开培训 3 次，覆盖 86 人。\n  主动公开: |\n"),
    )
    headings = [b.text for b in blocks(loaded(path), 0) if b.kind == "h2"]
    assert headings == [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    ]


def test_titles_numbered_by_hand_are_not_numbered_twice(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("  上一年度问题整改情况:", "  （一）上一年度问题整改情况:"),
        ("  存在的问题:", "  二、存在的问题:"),
    )
    headings = [b.text for b in blocks(loaded(path), 4) if b.kind == "h2"]
    assert headings == ["（一）上一年度问题整改情况", "（二）存在的问题", "（三）改进措施"]


def test_title_breaks_after_the_agency_only_when_too_long_for_one_line() -> None:
    assert title_lines("某县档案局", 2023) == ["某县档案局2023年政府信息公开工作年度报告"]
    assert title_lines("青禾市人民政府", 2023) == [
        "青禾市人民政府",
        "2023年政府信息公开工作年度报告",
    ]


def test_standard_preface_when_the_file_has_none(report: Report) -> None:
    (preface,) = build_view(report)[0].preface
    assert "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。" in preface
    assert "《中华人民共和国政府信息公开条例》" in preface
    assert "政府信息公开行政复议和行政诉讼情况" in preface  # the six parts, from the layout
    assert "示例市测试管理局门户网站" in preface


def test_the_files_own_preface_replaces_the_standard_one(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        ("机关类型: 部门\n", "机关类型: 部门\n前言: |\n  本局{{ 年度 }}年的报告。\n\n  第二段。\n"),
    )
    assert build_view(loaded(path))[0].preface == ("本局2023年的报告。", "第二段。")


@pytest.mark.parametrize(
    ("fee", "text", "expected_last"),
    [
        ("0", "本年度无其他需要报告的事项。", "本年度本机关未收取信息处理费。"),
        ("120.50", "本年度无其他需要报告的事项。",
         "本年度本机关依据《政府信息公开信息处理费管理办法》收取信息处理费120.50元。"),
        ("0", "本年度未收取信息处理费。", "本年度未收取信息处理费。"),  # stated: nothing added
        ("200", "本年度收取信息处理费 {{ 信息处理费 }} 元。", "本年度收取信息处理费200元。"),
        # named but not stated: the amount is added, without repeating the 办法
        ("200", "本年度依据办法对超量申请收取信息处理费。", "本年度共收取信息处理费200元。"),
    ],
)  # fmt: skip
def test_fee_sentence_added_when_section_six_lacks_it(
    tmp_path: Path, fee: str, text: str, expected_last: str
) -> None:
    path = variant(
        tmp_path,
        ("信息处理费: 0\n", f"信息处理费: {fee}\n"),
        ("  本年度无其他需要报告的事项。\n", f"  {text}\n"),
    )
    other = blocks(loaded(path), 5)
    assert other[-1] == Block("p", expected_last)
    assert sum(bool(statements(b.text)) for b in other) == 1  # stated once


def test_no_fee_sentence_when_the_file_does_not_give_the_fee(tmp_path: Path) -> None:
    path = variant(tmp_path, ("信息处理费: 0\n", ""))
    assert blocks(loaded(path), 5) == [Block("p", "本年度无其他需要报告的事项。")]


def test_fee_as_its_own_subsection_when_section_six_has_subsections(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        (
            "其他需要报告的事项: |\n  本年度无其他需要报告的事项。\n",
            "其他需要报告的事项:\n  政务公开要点落实情况: 已全部落实。\n",
        ),
    )
    assert blocks(loaded(path), 5) == [
        Block("h2", "（一）政务公开要点落实情况"),
        Block("p", "已全部落实。"),
        Block("h2", "（二）信息处理费收取情况"),
        Block("p", "本年度本机关未收取信息处理费。"),
    ]


def test_undefined_name_is_a_finding_at_its_line(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ("  平台建设: 门户网站改版", "  平台建设: 共 {{ 网站数量 }} 个网站，门户网站改版")
    )
    checked = check_files([path])[0]
    j1 = [f for f in checked.findings if f.rule == "J1"]
    assert len(j1) == 1 and j1[0].is_error
    written = "  平台建设: 共 {{ 网站数量 }} 个网站，门户网站改版，新增“数据开放”栏目。"
    line = path.read_text(encoding="utf-8").splitlines().index(written)
    assert (j1[0].line, j1[0].column) == (line + 1, written.index("{{") + 1)
    assert "网站数量" in j1[0].message


#: Not a template (names are data): everything prints as typed, docxtpl's own tags included.
HOSTILE_AGENCY = "测试<b>局</b>&amp;{{ 年度 }}{%p endfor %}"
#: Narrative is a template: typing {{ or {% literally means quoting them as Jinja strings.
HOSTILE_TEXT = "<script>alert(1)</script> & {{ '{{' }} 机关 }} {{ '{%p endfor %}' }} ]]>"
HOSTILE_SHOWN = "<script>alert(1)</script> & {{ 机关 }} {%p endfor %} ]]>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, bytes]]:
    path = variant(
        tmp_path_factory.mktemp("hostile"),
        ("机关: 示例市测试管理局", f"机关: '{HOSTILE_AGENCY}'"),
        ("  平台建设: 门户网站改版，新增“数据开放”栏目。", f'  平台建设: "{HOSTILE_TEXT}"'),
    )
    report = loaded(path)
    return report, renderer_for(None).render(report, DEFAULT_FORMATS)


def test_markup_in_data_is_text_in_word(hostile: tuple[Report, dict[str, bytes]]) -> None:
    document = docx.Document(io.BytesIO(hostile[1]["docx"]))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == [HOSTILE_AGENCY, "2023年政府信息公开工作年度报告"]
    assert HOSTILE_SHOWN in texts
    assert texts[-2] == HOSTILE_AGENCY


def test_markup_in_data_is_text_in_html(hostile: tuple[Report, dict[str, bytes]]) -> None:
    page = hostile[1]["html"].decode("utf-8")
    parsed = parse_html(page)
    assert "script" not in [t for t, _ in parsed.attrs] and "b" not in [t for t, _ in parsed.attrs]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 机关 }} {%p endfor %} ]]&gt;" in page
    assert (
        f"<title>{HOSTILE_AGENCY.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}"
        in page
    )


def test_markup_in_data_is_text_in_markdown(hostile: tuple[Report, dict[str, bytes]]) -> None:
    rendered = to_html(hostile[1]["md"].decode("utf-8"))
    tags = [t for t, _ in parse_html(rendered).attrs]
    assert "script" not in tags and "b" not in tags
    words = " ".join(rendered.split())  # the renderer wraps long lines
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 机关 }} {%p endfor %} ]]&gt;" in words
    assert "测试&lt;b&gt;局&lt;/b&gt;&amp;amp;{{ 年度 }}{%p endfor %}2023年" in words
