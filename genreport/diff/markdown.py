"""A diff as Markdown: readable in a terminal, on git hosts and in merge requests."""

from __future__ import annotations

from .compare import ReportDiff


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(diff: ReportDiff) -> str:
    title = f"{diff.agency}政府信息公开工作年度报告 {diff.base_year}—{diff.year} 年对照"
    lines = [f"# {title}", "", f"{diff.base_file} → {diff.file}", ""]
    lines += [f"## 一、表格（{len(diff.cells)} 个单元格有变化）", ""]
    if diff.cells:
        lines += [
            f"| 表格 | 单元格 | {diff.base_year} 年 | {diff.year} 年 | 增减 | 同比 |",
            "|---|---|--:|--:|--:|--:|",
        ]
        lines += [
            f"| {c.table} | {_cell(c.label)} | {c.before} | {c.after} | {c.delta} | {c.change} |"
            for c in diff.cells
        ]
    else:
        lines.append("表格数字与上一年度完全相同。")
    changed = [s for s in diff.sections if s.changed]
    lines += ["", f"## 二、正文（{len(changed)} 个部分有改动）", ""]
    for section in changed:
        overlap = "—" if section.overlap is None else f"{round(section.overlap * 100)}%"
        lines += [
            f"### {section.where}",
            "",
            f"与上一年度重合 {overlap}；新增 {len(section.added)} 句，删去 {len(section.removed)} 句。",
            "",
        ]
        lines += [f"- 删去：{s}" for s in section.removed]
        lines += [f"- 新增：{s}" for s in section.added]
        lines.append("")
    if not changed:
        lines += ["正文与上一年度相同。", ""]
    same = [s.where for s in diff.sections if not s.changed]
    if same:
        lines += [f"未改动的部分：{'、'.join(same)}", ""]
    return "\n".join(lines)
