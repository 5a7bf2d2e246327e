"""``ImportedReport`` → the YAML input file, through the project's own writer (``genreport.dump``).

The imported values become a ``model.Report`` so the file looks exactly like one `genreport new`
writes; then each note of the import is added as a ``# 导入：…`` comment on the line of the value it
is about (found in the YAML's node tree), and a value the report did not give gets a commented-out
line where it would go.
"""

from __future__ import annotations

from decimal import Decimal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from ..dump import dump_report
from ..layout import RESULTS_TOTAL, T3_INPUT_ROWS, T4_BLOCKS
from ..model import T2, T3, T4, Counts, Narrative, Part, Pos, Report, Text, zero_counts
from .imported import ImportedReport
from .imported import Narrative as ImportedNarrative
from .notes import YamlPath
from .t3 import T3Data
from .t4 import T4Data

_NOWHERE = Pos(1, 1)
#: Values a report may lack, and where their commented-out line goes (before which key).
_ABSENT = {("信息处理费",): ("其他需要报告的事项", "（原文未写明，单位：元）")}


def _narrative(value: ImportedNarrative | None) -> Narrative:
    if not value:
        return Narrative((), _NOWHERE)
    if isinstance(value, str):
        return Narrative((Part(None, Text(value, _NOWHERE), _NOWHERE),), _NOWHERE)
    parts = tuple(Part(k, Text(v, _NOWHERE), _NOWHERE) for k, v in value.items())
    return Narrative(parts, _NOWHERE)


def t3_model(t3: T3Data | None) -> T3:
    rows = {row.key: zero_counts() for row in T3_INPUT_ROWS}
    stated_total: Counts | None = None
    for key, data in t3.rows.items() if t3 else ():
        counts = Counts(data.values, data.total)
        if key == RESULTS_TOTAL:
            stated_total = counts
        else:
            rows[key] = counts
    return T3(rows, stated_total)


def t4_model(t4: T4Data | None) -> T4:
    blocks: dict[tuple[str, ...], Counts] = {block: zero_counts(4) for block in T4_BLOCKS}
    for block, (values, total) in t4.blocks.items() if t4 else ():
        blocks[block] = Counts(values, total)
    return T4(blocks)


def to_model(report: ImportedReport, file: str) -> Report:
    t2 = report.t2
    documents = {n: Counts(v) for n, v in (t2.documents.items() if t2 else ())}
    for name in ("规章", "行政规范性文件"):
        documents.setdefault(name, zero_counts(3))
    decisions = {
        n: (t2.decisions.get(n, 0) if t2 else 0) for n in ("行政许可", "行政处罚", "行政强制")
    }
    fee = Decimal(t2.fee) if t2 and t2.fee is not None else Decimal(0)
    return Report(
        file=file,
        agency=report.agency,
        year=report.year,
        agency_type=report.agency_type,
        published=report.published,
        can_make_rules=report.rule_making == "有",
        preface=Text(report.preface, _NOWHERE) if report.preface else None,
        overview=_narrative(report.overview),
        t2=T2(documents, decisions, fee),
        t3=t3_model(report.t3),
        t4=t4_model(report.t4),
        problems=_narrative(report.problems),
        info_fee_yuan=Decimal(report.fee_yuan) if report.fee_yuan is not None else None,
        other_matters=_narrative(report.other),
    )


def key_lines(text: str) -> dict[YamlPath, int]:
    """0-based line of every key in the file, by its path."""
    lines: dict[YamlPath, int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    stack: list[tuple[YamlPath, Node]] = [((), root)] if root is not None else []
    while stack:
        path, node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    child = (*path, str(key.value))
                    lines[child] = key.start_mark.line
                    stack.append((child, value))
    return lines


def add_comments(text: str, comments: dict[YamlPath, list[str]]) -> str:
    lines = text.rstrip("\n").split("\n")
    where = key_lines(text)
    at: dict[int, list[str]] = {}
    inserted: dict[int, list[str]] = {}
    for path, texts in comments.items():
        comment = "；".join(dict.fromkeys(t.replace("\n", " ") for t in texts))
        if path in _ABSENT and path not in where:
            before, hint = _ABSENT[path]
            index = where.get((before,), len(lines))
            inserted.setdefault(index, []).append(f"# {path[-1]}: {hint}  # {comment}")
            continue
        target = path
        while target and target not in where:
            target = target[:-1]
        index = where[target] if target else 0
        at.setdefault(index, []).append(comment)
    result: list[str] = []
    for i, line in enumerate([*lines, None]):
        result.extend(inserted.get(i, []))
        if line is None:
            break
        result.append(line + "".join(f"  # {c}" for c in at.get(i, [])))
    return "\n".join(result) + "\n"


def to_yaml(report: ImportedReport, comments: dict[YamlPath, list[str]], file: str = "") -> str:
    text = dump_report(to_model(report, file))
    header = (
        f"# 由 genreport import 从 {report.source} 导入。带“导入：”的注释是导入时的推断或原表的问题，"
        "核对原文后即可删除"
    )
    modeline, _, rest = text.partition("\n")
    return add_comments(f"{modeline}\n{header}\n{rest}", comments)


__all__ = ["add_comments", "key_lines", "t3_model", "t4_model", "to_model", "to_yaml"]
